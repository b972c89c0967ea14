"""Actions: what a party asks the deal to do, each frozen, each with its catalogue entry.

The catalogue (`npa actions`) is the public contract of PRODUCT.md section 8:
type names and field names are fixed. Every action carries its `actor` and
the time `at` it happened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import ClassVar, TypeVar

import attrs

A = TypeVar("A", bound="Action")

ACTION_TYPES: dict[str, type[Action]] = {}

PARTIES = frozenset({"company", "purchaser"})


def action(
    name: str,
    *,
    who: str,
    rests_on: tuple[str, ...],
    actors: frozenset[str] | None,
    cites: str | None = None,
) -> Callable[[type[A]], type[A]]:
    """Register an action class under its public type name with its catalogue entry.

    Args:
        name: the `type` a platform writes.
        who: who may take it, in words, for the catalogue.
        rests_on: the sections it rests on; a refusal on authority cites the first.
        actors: the actors allowed outright, or None when the rule decides (who owes).
        cites: the section a refusal on authority cites, when not the first of `rests_on`
            (the Notes are delivered by the Company under 2.2; the Guarantee by LCI, 5.1(c)).
    """

    def register(cls: type[A]) -> type[A]:
        cls.TYPE = name
        cls.WHO = who
        cls.RESTS_ON = rests_on
        cls.ACTORS = actors
        cls.CITES = cites or rests_on[0]
        ACTION_TYPES[name] = cls
        return cls

    return register


@attrs.frozen
class Action:
    """Something a party does to the deal at a moment."""

    TYPE: ClassVar[str] = ""
    WHO: ClassVar[str] = ""
    RESTS_ON: ClassVar[tuple[str, ...]] = ()
    ACTORS: ClassVar[frozenset[str] | None] = None
    CITES: ClassVar[str] = ""
    actor: str
    at: datetime


@action("sign", who="company, purchaser", rests_on=("signature page",), actors=PARTIES)
@attrs.frozen
class Sign(Action):
    """A party signs the agreement."""


@action("satisfy_condition", who="the party that delivers it", rests_on=("5.1", "5.2"),
        actors=PARTIES)
@attrs.frozen
class SatisfyCondition(Action):
    """The delivering party meets a condition of 5.1 or 5.2 ("5.1(b)")."""

    condition: str


@action("waive_condition", who="the party it protects", rests_on=("5.1", "5.2"),
        actors=PARTIES)
@attrs.frozen
class WaiveCondition(Action):
    """The protected party waives a condition, at its option (5.1, 5.2)."""

    condition: str


@action("request_instrument", who="purchaser (5.1(h)) or company (5.2(f))",
        rests_on=("5.1(h)", "5.2(f)"), actors=PARTIES)
@attrs.frozen
class RequestInstrument(Action):
    """A party reasonably requests another instrument, document or certificate."""

    description: str


@action("deliver_instrument", who="the party asked for it", rests_on=("5.1(h)", "5.2(f)"),
        actors=PARTIES)
@attrs.frozen
class DeliverInstrument(Action):
    """The requested party delivers the instrument of a request."""

    request: str


@action("record_proceeding", who="either party, court", rests_on=("5.1(e)", "5.2(d)"),
        actors=frozenset({"company", "purchaser", "court"}))
@attrs.frozen
class RecordProceeding(Action):
    """A proceeding seeking to enjoin or prevent the transactions is recorded."""

    description: str


@action("resolve_proceeding", who="either party, court", rests_on=("5.1(e)", "5.2(d)"),
        actors=frozenset({"company", "purchaser", "court"}))
@attrs.frozen
class ResolveProceeding(Action):
    """A recorded proceeding is recorded as ended."""

    proceeding: str


@action("record_misrepresentation", who="either party",
        rests_on=("5.1(a)", "5.2(a)", "Schedule 1"), actors=PARTIES)
@attrs.frozen
class RecordMisrepresentation(Action):
    """A representation or warranty of a section is recorded as untrue."""

    section: str
    description: str


@action("close", who="company or purchaser", rests_on=("2.1", "5"), actors=PARTIES)
@attrs.frozen
class Close(Action):
    """A party holds the Closing."""


@action("deliver_notes", who="company", rests_on=("1.2", "2.2"), cites="2.2",
        actors=frozenset({"company"}))
@attrs.frozen
class DeliverNotes(Action):
    """The Company delivers the Notes in these denominations."""

    denominations: tuple[Decimal, ...]


@action("deliver_guarantee", who="guarantor", rests_on=("3.3", "5.1(c)"), cites="5.1(c)",
        actors=frozenset({"guarantor"}))
@attrs.frozen
class DeliverGuarantee(Action):
    """LCI delivers its Guarantee of the Notes."""


@action("pay", who="whoever owes it", rests_on=("1.2", "2.2", "Schedule 1", "8.9", "8.10"),
        actors=None)
@attrs.frozen
class Pay(Action):
    """A party pays an amount for a purpose."""

    purpose: str
    amount: Decimal
    claim: str | None = None


@action("amend", who="company or purchaser", rests_on=("8.4",), actors=PARTIES)
@attrs.frozen
class Amend(Action):
    """A party presents an amendment: terms and their new values, and who signed it."""

    changes: dict[str, str]
    signed_by: tuple[str, ...]
    in_writing: bool


@attrs.frozen
class NoticeSpec:
    """How a notice travels (8.5): method, the time its method needs, address, copies.

    `delivered_at` for "hand", `postmarked_at` for "registered_mail" and
    "certified_mail", `confirmed_at` for "fax". Left out, `address` is the
    recipient's current address (or fax number) and `copies` all its copy
    recipients. Any other method is recorded as no notice under 8.5.
    """

    method: str
    delivered_at: datetime | None = None
    postmarked_at: datetime | None = None
    confirmed_at: datetime | None = None
    address: str | None = None
    copies: tuple[str, ...] | None = None
    return_receipt_requested: bool = True


NOTICE_KINDS = ("covenant_breach", "default", "change_of_address", "other")


@action("send_notice", who="any party or holder", rests_on=("8.5", "6.2(a)(i)"),
        actors=None)
@attrs.frozen
class SendNotice(Action):
    """A party or holder sends a notice to another party, by a method of 8.5."""

    to: str
    kind: str
    notice: NoticeSpec
    new_address: str | None = None
    new_fax: str | None = None


@action("advance", who="anyone", rests_on=("time passing",), actors=None)
@attrs.frozen
class Advance(Action):
    """Time passes to `at` with nothing else happening."""


def catalogue() -> list[dict[str, object]]:
    """Every action type with its fields, who may take it and its sections."""
    entries: list[dict[str, object]] = []
    for name, cls in ACTION_TYPES.items():
        fields = [
            {"name": f.name, "type": _type_name(f.type),
             "required": f.default is attrs.NOTHING}
            for f in attrs.fields(cls)
        ]
        entries.append({"type": name, "who": cls.WHO, "fields": fields,
                        "rests_on": list(cls.RESTS_ON), "summary": (cls.__doc__ or "").strip()})
    return entries


def _type_name(tp: object) -> str:
    """A field's type as a platform would write it in JSON."""
    names = {
        "str": "text", "datetime": "time", "Decimal": "amount", "bool": "boolean",
        "tuple[Decimal, ...]": "list of amounts", "tuple[str, ...]": "list of text",
        "dict[str, str]": "object of text", "str | None": "text (optional)",
        "NoticeSpec": "notice: {method, delivered_at | postmarked_at | confirmed_at, "
                      "address?, copies?, return_receipt_requested?}",
    }
    if isinstance(tp, str):
        text = tp
    elif isinstance(tp, type):
        text = tp.__name__
    else:
        text = str(tp).replace("decimal.", "").replace("datetime.", "")
    return names.get(text, text)
