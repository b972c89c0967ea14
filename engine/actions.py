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

from engine.errors import InvalidAction
from engine.plain import Plain

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


#: PRODUCT.md section 8: a request_id is 1 to 128 printable characters.
REQUEST_ID_LENGTH = 128


def check_request_id(_: object, attribute: attrs.Attribute[str | None],
                     value: str | None) -> None:
    """An action's `request_id`: None, or 1 to 128 printable characters.

    Raises:
        InvalidAction: naming the field `request_id`.
    """
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidAction(f"expected text, got {type(value).__name__}", field="request_id")
    if not 1 <= len(value) <= REQUEST_ID_LENGTH or not value.isprintable():
        raise InvalidAction(f"a request_id is 1 to {REQUEST_ID_LENGTH} printable characters",
                            field="request_id")


@attrs.frozen(repr=False, eq=False)
class Action(Plain):
    """Something a party does to the deal at a moment.

    Any action may carry a `request_id` (keyword only): a retry of an action
    already accepted with that id on the deal gets the original result back,
    marked replayed, and nothing is applied twice.
    """

    TYPE: ClassVar[str] = ""
    WHO: ClassVar[str] = ""
    RESTS_ON: ClassVar[tuple[str, ...]] = ()
    ACTORS: ClassVar[frozenset[str] | None] = None
    CITES: ClassVar[str] = ""
    actor: str
    at: datetime
    request_id: str | None = attrs.field(default=None, kw_only=True,
                                         validator=check_request_id)

    def cites(self) -> str:
        """The section a refusal on authority cites for this action."""
        return self.CITES


@action("sign", who="company, purchaser", rests_on=("signature page",), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class Sign(Action):
    """A party signs the agreement."""


@action("satisfy_condition", who="the party that delivers it", rests_on=("5.1", "5.2"),
        actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class SatisfyCondition(Action):
    """The delivering party meets a condition of 5.1 or 5.2 ("5.1(b)")."""

    condition: str


#: 8.4, for a waiver sent without its form: what `in_writing` and `signed_by` default to.
WAIVER_IN_WRITING = ("left out: true, the waiver is taken to be a written instrument (8.4); "
                     "false is an oral waiver, refused under 8.4")
WAIVER_SIGNED_BY = ("left out: [\"company\", \"purchaser\"], taken to be signed by both; "
                    "8.4 needs both signatures")


@action("waive_condition", who="the party it protects", rests_on=("5.1", "5.2"),
        actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class WaiveCondition(Action):
    """The protected party waives a condition, at its option (5.1, 5.2), by a written
    instrument signed by the Company and Purchaser (8.4)."""

    condition: str
    in_writing: bool = attrs.field(default=True, metadata={"default": WAIVER_IN_WRITING})
    signed_by: tuple[str, ...] = attrs.field(default=("company", "purchaser"),
                                             metadata={"default": WAIVER_SIGNED_BY})


@action("request_instrument", who="purchaser (5.1(h)) or company (5.2(f))",
        rests_on=("5.1(h)", "5.2(f)"), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class RequestInstrument(Action):
    """A party reasonably requests another instrument, document or certificate."""

    description: str


@action("deliver_instrument", who="the party asked for it", rests_on=("5.1(h)", "5.2(f)"),
        actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class DeliverInstrument(Action):
    """The requested party delivers the instrument of a request."""

    request: str


@action("record_proceeding", who="either party, court", rests_on=("5.1(e)", "5.2(d)",
                                                                  "6.2(a)(i)"),
        actors=frozenset({"company", "purchaser", "court"}))
@attrs.frozen(repr=False, eq=False)
class RecordProceeding(Action):
    """A proceeding seeking to enjoin or prevent the transactions is recorded."""

    description: str


@action("resolve_proceeding", who="either party, court", rests_on=("5.1(e)", "5.2(d)"),
        actors=frozenset({"company", "purchaser", "court"}))
@attrs.frozen(repr=False, eq=False)
class ResolveProceeding(Action):
    """A recorded proceeding is recorded as ended."""

    proceeding: str


@action("record_misrepresentation", who="either party, court",
        rests_on=("5.1(a)", "5.2(a)", "Schedule 1"), actors=PARTIES | {"court"})
@attrs.frozen(repr=False, eq=False)
class RecordMisrepresentation(Action):
    """A representation or warranty of a section is recorded as untrue."""

    section: str
    description: str


@action("close", who="company or purchaser", rests_on=("2.1", "5"), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class Close(Action):
    """A party holds the Closing."""


@action("deliver_notes", who="company", rests_on=("1.2", "2.2"), cites="2.2",
        actors=frozenset({"company"}))
@attrs.frozen(repr=False, eq=False)
class DeliverNotes(Action):
    """The Company delivers the Notes in these denominations."""

    denominations: tuple[Decimal, ...]


@action("deliver_guarantee", who="guarantor", rests_on=("3.3", "5.1(c)"), cites="5.1(c)",
        actors=frozenset({"guarantor"}))
@attrs.frozen(repr=False, eq=False)
class DeliverGuarantee(Action):
    """LCI delivers its Guarantee of the Notes."""


#: What `npa actions` says of `pay`'s optional `due` (issue 9 item 13).
PAY_DUE = ("interest only: the coupon paid, by its interest date (YYYY-MM-DD, unadjusted: "
           "1998-02-01), the oldest not paid in full or the next one ahead of its date, "
           "and no more than is left of it; left out, interest is applied to the coupons "
           "oldest first, and the next coupon may be paid ahead of its date (Schedule 1, "
           "ASSUMED)")


@action("pay", who="whoever owes it", rests_on=("1.2", "2.2", "Schedule 1", "8.9", "8.10"),
        actors=None)
@attrs.frozen(repr=False, eq=False)
class Pay(Action):
    """A party pays an amount for a purpose.

    `due` (interest only, optional): the coupon paid, by its (unadjusted) interest
    date, "1998-02-01"; it must be the oldest coupon not yet paid in full, or the
    next one in advance, and the payment must not exceed what is left of it.
    Left out, interest is applied to the coupons oldest first (Schedule 1, ASSUMED).
    """

    purpose: str
    amount: Decimal
    claim: str | None = None
    due: str | None = attrs.field(default=None, metadata={"default": PAY_DUE})

    def cites(self) -> str:
        """The section the payment rests on, by its purpose."""
        return {"purchase_price": "1.2", "transaction_fee": "2.2", "interest": "Schedule 1",
                "principal": "Schedule 1", "expenses": "8.9",
                "indemnity": "8.10"}.get(self.purpose, "1.2")


@action("amend", who="company or purchaser", rests_on=("8.4",), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class Amend(Action):
    """A party presents an amendment: terms and their new values, and who signed it."""

    changes: dict[str, str]
    signed_by: tuple[str, ...]
    in_writing: bool


@attrs.frozen(repr=False, eq=False)
class NoticeSpec(Plain):
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

#: Schedule 1, 8.4: what `joined_by` means on the acts of Holders of a majority.
JOINED_BY = ("left out: none. Each Holder takes the act by its own action (the same type, "
             "naming the same Event of Default or breaches); a minority's is pending until "
             "the Holders who have taken it hold a majority. joined_by may name only Holders "
             "who have already taken it themselves (else refused under Schedule 1), and adds "
             "nothing to the count")


@action("send_notice", who="any party or holder", rests_on=("8.5", "6.2(a)(i)"),
        actors=None)
@attrs.frozen(repr=False, eq=False)
class SendNotice(Action):
    """A party or holder sends a notice to another party, by a method of 8.5."""

    to: str
    kind: str
    notice: NoticeSpec
    new_address: str | None = None
    new_fax: str | None = None
    #: For a covenant-breach notice, the breaches it names (left out: every continuing one).
    breaches: tuple[str, ...] | None = None
    #: For a covenant-breach notice, the Holders who have already given it themselves
    #: (Schedule 1 (c)); naming a Holder is not that Holder acting.
    joined_by: tuple[str, ...] = attrs.field(default=(), metadata={"default": JOINED_BY})


HOLDERS = "a holder"


@action("deliver_report", who="company", rests_on=("6.1",), actors=frozenset({"company"}))
@attrs.frozen(repr=False, eq=False)
class DeliverReport(Action):
    """The Company furnishes a report of 6.1 to the Holders ("annual-1997", "q1-1998")."""

    report: str


@action("accelerate", who="Holders of a majority", rests_on=("Schedule 1",), actors=None)
@attrs.frozen(repr=False, eq=False)
class Accelerate(Action):
    """Holders of a majority declare all principal and accrued interest due, by notice: each
    Holder by its own action; pending until those who have acted hold a majority."""

    notice: NoticeSpec
    joined_by: tuple[str, ...] = attrs.field(default=(), metadata={"default": JOINED_BY})


#: Schedule 1 ("waived in writing by Holders of a majority"), 8.4 ("not ... orally"): the form
#: of a waiver of an Event of Default, and what it is taken to be when left out.
DEFAULT_WAIVER_IN_WRITING = ("left out: true, the waiver is in writing; false is an oral "
                             "waiver, refused under 8.4 (Schedule 1: \"waived in writing\")")
DEFAULT_WAIVER_SIGNED_BY = ("left out: signed by the Holders who have taken this waiver "
                            "themselves (the actor, and those who joined it before); given, "
                            "it may name only them: each Holder signs by its own action")


@action("waive_default", who="Holders of a majority", rests_on=("Schedule 1", "8.6"),
        actors=None)
@attrs.frozen(repr=False, eq=False)
class WaiveDefault(Action):
    """Holders of a majority waive one Event of Default in writing: each Holder signs by its
    own action; it ends the event once those who have signed hold a majority."""

    event_of_default: str
    joined_by: tuple[str, ...] = attrs.field(default=(), metadata={"default": JOINED_BY})
    in_writing: bool = attrs.field(default=True, metadata={"default": DEFAULT_WAIVER_IN_WRITING})
    signed_by: tuple[str, ...] = attrs.field(default=(),
                                             metadata={"default": DEFAULT_WAIVER_SIGNED_BY})


@action("declare_insolvency", who="court", rests_on=("Schedule 1",),
        actors=frozenset({"court"}))
@attrs.frozen(repr=False, eq=False)
class DeclareInsolvency(Action):
    """A court declares the Company bankrupt or insolvent (Schedule 1 (e))."""


@action("request_inspection", who=HOLDERS, rests_on=("6.2(a)(ii)", "6.2(a)(iii)"),
        actors=None)
@attrs.frozen(repr=False, eq=False)
class RequestInspection(Action):
    """A Holder asks to inspect the properties or examine the books."""

    scope: str

    def cites(self) -> str:
        """6.2(a)(ii) for the properties, 6.2(a)(iii) for the books."""
        return "6.2(a)(ii)" if self.scope == "properties" else "6.2(a)(iii)"


@action("record_breach", who="either party or a holder", rests_on=("6.2", "6.3"),
        actors=None)
@attrs.frozen(repr=False, eq=False)
class RecordBreach(Action):
    """A fact the engine cannot observe: a covenant of section 6 broken ("6.2(b)(iv)")."""

    section: str
    description: str


@action("remedy_breach", who="company", rests_on=("6",), actors=frozenset({"company"}))
@attrs.frozen(repr=False, eq=False)
class RemedyBreach(Action):
    """The Company records that a recorded breach has been remedied."""

    breach: str


@action("merge", who="company", rests_on=("6.3",), actors=frozenset({"company"}))
@attrs.frozen(repr=False, eq=False)
class Merge(Action):
    """The Company merges into another corporation, which may assume its obligations."""

    surviving_corporation: str
    assumes_obligations: bool


@action("propose_transfer", who=HOLDERS, rests_on=("7.1", "7.2", "7.3"), actors=None)
@attrs.frozen(repr=False, eq=False)
class ProposeTransfer(Action):
    """A Holder gives notice of a proposed transfer, with an opinion or under Rule 144."""

    to_holder: str
    principal: Decimal
    rule_144: bool
    opinion: bool
    notice: NoticeSpec
    #: 7.3: the opinion is "to the further effect that such legend is not required".
    legend_not_required: bool = False


@action("accept_opinion", who="company", rests_on=("7.3",), actors=frozenset({"company"}))
@attrs.frozen(repr=False, eq=False)
class AcceptOpinion(Action):
    """The Company finds the opinion of counsel reasonably satisfactory."""

    transfer: str


@action("reject_opinion", who="company", rests_on=("7.3",), actors=frozenset({"company"}))
@attrs.frozen(repr=False, eq=False)
class RejectOpinion(Action):
    """The Company finds the opinion of counsel not reasonably satisfactory."""

    transfer: str


@action("complete_transfer", who="the transferring holder", rests_on=("7.1", "7.3"),
        actors=None)
@attrs.frozen(repr=False, eq=False)
class CompleteTransfer(Action):
    """The transferring Holder completes a proposed transfer."""

    transfer: str


@attrs.frozen(repr=False, eq=False)
class Damage(Plain):
    """One item of Damages (8.10): its kind, its amount, for settlement costs whether
    the indemnifying party gave its prior written consent before the claim, and when it
    was incurred (left out: when the claim is made)."""

    kind: str
    amount: Decimal
    consented: bool = False
    incurred_at: datetime | None = None


DAMAGE_KINDS = ("losses", "attorneys_fees", "investigation_costs", "settlement_costs")


@action("assert_claim", who="claimant (company or purchaser)", rests_on=("8.10", "8.2"),
        actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class AssertClaim(Action):
    """A party asserts, by notice, a claim for indemnification under 8.10."""

    against: str
    section: str
    damages: tuple[Damage, ...]
    notice: NoticeSpec


@action("acknowledge_claim", who="the indemnifying party", rests_on=("8.10",), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class AcknowledgeClaim(Action):
    """The indemnifying party acknowledges a claim."""

    claim: str


@action("dispute_claim", who="the indemnifying party", rests_on=("8.10",), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class DisputeClaim(Action):
    """The indemnifying party disputes a claim."""

    claim: str


@action("consent_to_settlement", who="the indemnifying party", rests_on=("8.10(a)",),
        actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class ConsentToSettlement(Action):
    """The indemnifying party consents in writing to settling a claim (for up to `amount`):
    its side of a settlement, and prior consent to settlement costs incurred from then on."""

    claim: str
    amount: Decimal | None = attrs.field(default=None, metadata={
        "default": "left out: any amount up to the Damages claimed"})


@action("settle_claim", who="claimant", rests_on=("8.10",), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class SettleClaim(Action):
    """The claimant records the claim settled for an amount: with the indemnifying
    party's consent to settlement, or alone on a claim it acknowledged."""

    claim: str
    amount: Decimal


@action("adjudicate_claim", who="court", rests_on=("8.1", "8.10"),
        actors=frozenset({"court"}))
@attrs.frozen(repr=False, eq=False)
class AdjudicateClaim(Action):
    """A court decides a claim: the amount indemnifiable (0 when the claim fails)."""

    claim: str
    amount: Decimal


@action("withdraw_claim", who="claimant", rests_on=("8.10",), actors=PARTIES)
@attrs.frozen(repr=False, eq=False)
class WithdrawClaim(Action):
    """The claimant withdraws a claim before any payment on it."""

    claim: str


@action("present_expenses", who="purchaser", rests_on=("8.9",),
        actors=frozenset({"purchaser"}))
@attrs.frozen(repr=False, eq=False)
class PresentExpenses(Action):
    """Purchaser presents the fees and expenses of its counsel that the Company pays (8.9):
    its counsel's, incurred in the preparation, execution and delivery of the Agreement and
    the Notes."""

    amount: Decimal
    description: str
    counsel: str | None = attrs.field(default=None, metadata={
        "default": "left out: Purchaser's counsel named in 8.9 (its first copy recipient "
                   "under 8.5)"})
    incurred_at: datetime | None = attrs.field(default=None, metadata={
        "default": "left out: incurred before the Notes were delivered; a time after their "
                   "delivery is refused under 8.9 (later fees are Damages under 8.10)"})


@action("advance", who="anyone", rests_on=("time passing",), actors=None)
@attrs.frozen(repr=False, eq=False)
class Advance(Action):
    """Time passes to `at` with nothing else happening."""


def catalogue() -> list[dict[str, object]]:
    """Every action type with its fields, who may take it and its sections."""
    entries: list[dict[str, object]] = []
    for name, cls in ACTION_TYPES.items():
        fields = [
            {"name": f.name, "type": _type_name(f.type),
             "required": f.default is attrs.NOTHING,
             **({"default": f.metadata["default"]} if "default" in f.metadata else {})}
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
        "tuple[str, ...] | None": "list of text (optional)",
        "tuple[Damage, ...]": "list of {kind (losses, attorneys_fees, investigation_costs, "
                              "settlement_costs), amount, consented?, incurred_at?}",
        "Decimal | None": "amount (optional)", "datetime | None": "time (optional)",
    }
    if isinstance(tp, str):
        text = tp
    elif isinstance(tp, type):
        text = tp.__name__
    else:
        text = str(tp).replace("decimal.", "").replace("datetime.", "")
    return names.get(text, text)
