"""Where exploration starts: the scenes the vocabulary's Given steps set.

Four roots, each a state the engine reached by taking real actions, and the
steps of the vocabulary that set the same scene in a feature:

- the deal as made, unsigned ("Given the 1997 deal");
- the deal signed a week before the Closing Date, with every condition of 5.1
  and 5.2 met ("... signed by the Company and the Purchaser" and "every
  condition of 5.1 and 5.2 is met"): the Closing is one move away;
- the deal closed and settled on the Closing Date, the Notes outstanding
  ("Given the 1997 deal, closed on October 27, 1997, with the Notes outstanding");
- the same, after Purchaser has transferred half the Notes to Acme Bank under Rule
  144: two Holders of half each, neither of them Holders of a majority alone.

For another term sheet the same scenes are set by the same actions on its own
dates and amounts, written out as steps after "Given the deal made from this
term sheet:" (a table of the terms that differ from the 1997 ones).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import attrs

from contract import DEFAULT_TERMS, TermSheet, terms_to_dict
from engine import actions as act
from engine.clock import NEW_YORK
from engine.deal import Deal
from engine.errors import InvalidAction
from engine.events import Event
from engine.exploration.moves import ACME, DELIVERED_BY, HOLDER_IDS, Move
from engine.exploration.words import step_table, step_text
from engine.state import DealState

DEAL_ID = "lexington-1997"


@attrs.frozen(eq=False)
class Line:
    """One step of a feature: its words, and the data table it reads, if any."""

    text: str
    table: tuple[tuple[str, ...], ...] | None = None


@attrs.frozen(eq=False)
class Root:
    """A state exploration starts from, and the steps that set it."""

    name: str
    lines: tuple[Line, ...]
    state: DealState
    log: tuple[Event, ...]
    #: Invariants the actions that set the scene broke: (name, what went wrong).
    broken: tuple[tuple[str, str], ...] = ()
    #: The sections the actions that set the scene exercised.
    sections: frozenset[str] = frozenset()


def _at(day: Any, hour: int, minute: int = 0) -> datetime:
    """A New York wall time on a day, as the engine holds it (the instant, in UTC)."""
    return datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


#: The officers' certificates, "dated the Closing Date" (5.1(b), 5.2(b)): the Given steps
#: deliver them on that date, or leave them for the Closing, which delivers them first.
DATED = ("5.1(b)", "5.2(b)")


def _signing(terms: TermSheet) -> list[Move]:
    """Both sign a week before the Closing Date at 09:00."""
    at = _at(terms.deal.closing_date - timedelta(days=7), 9)
    return [Move(act.Sign(actor=p, at=at), "sign") for p in ("company", "purchaser")]


def _delivered(at: datetime, dated: bool) -> list[Move]:
    """Each condition met by a delivery, at `at`: the dated certificates or the others."""
    return [Move(act.SatisfyCondition(actor=party, at=at, condition=section), "satisfy")
            for section, party in DELIVERED_BY.items() if (section in DATED) == dated]


def _ready(terms: TermSheet) -> list[Move]:
    """Time passes to 09:00 on the Closing Date, when every delivery is made (the
    certificates dated that day)."""
    at = _at(terms.deal.closing_date, 9)
    return [Move(act.Advance(actor="company", at=at), "advance"),
            *[Move(act.SatisfyCondition(actor=party, at=at, condition=section), "satisfy")
              for section, party in DELIVERED_BY.items()]]


def _closing(terms: TermSheet) -> list[Move]:
    """Closed at 10:00 on the Closing Date, the certificates delivered just before; the
    Notes, the Guarantee, the Purchase Price and the Transaction Fee at 11:00."""
    day = terms.deal.closing_date
    at = _at(day, 11)
    return [
        *_delivered(_at(day, 10), dated=True),
        Move(act.Close(actor="company", at=_at(day, 10)), "close"),
        Move(act.DeliverNotes(actor="company", at=at, denominations=(terms.notes.principal,)),
             "notes"),
        Move(act.DeliverGuarantee(actor="guarantor", at=at), "guarantee"),
        Move(act.Pay(actor="purchaser", at=at, purpose="purchase_price",
                     amount=terms.deal.purchase_price), "purchase_price"),
        Move(act.Pay(actor="company", at=at, purpose="transaction_fee",
                     amount=terms.deal.transaction_fee), "transaction_fee"),
    ]


def _toml(value: Any) -> str:
    """A term's value as TOML writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _flat(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flat(value, name + "."))
        else:
            out[name] = value
    return out


def terms_table(terms: TermSheet) -> tuple[tuple[str, ...], ...]:
    """The terms that differ from the 1997 ones, as rows of "term | value" (TOML values)."""
    mine, base = _flat(terms_to_dict(terms)), _flat(terms_to_dict(DEFAULT_TERMS))
    rows = [(key, _toml(value)) for key, value in mine.items() if base.get(key) != value]
    return (("term", "value"), *rows)


def _lines(moves: Sequence[Move]) -> list[Line]:
    lines = []
    for move in moves:
        table = step_table(move)
        lines.append(Line(step_text(move), tuple(map(tuple, table)) if table else None))
    return lines


def _sharing(terms: TermSheet) -> list[Move]:
    """Purchaser transfers half the Notes to Acme Bank under Rule 144, by hand, at 11:00 on
    the Closing Date: neither Holder alone is then a Holder of a majority in principal."""
    at = _at(terms.deal.closing_date, 11)
    half = (terms.notes.principal / 2).quantize(Decimal("0.01"))
    spec = act.NoticeSpec(method="hand", delivered_at=at)
    return [Move(act.ProposeTransfer(actor="purchaser", at=at, to_holder=HOLDER_IDS[ACME],
                                     principal=half, rule_144=True, opinion=False, notice=spec),
                 "propose", (ACME,)),
            Move(act.CompleteTransfer(actor="purchaser", at=at, transfer="T1"), "complete")]


def roots(terms: TermSheet | None = None) -> list[Root]:
    """The four scenes exploration starts from, for the 1997 terms or another term sheet."""
    sheet = terms or DEFAULT_TERMS
    default = terms is None or terms_to_dict(terms) == terms_to_dict(DEFAULT_TERMS)
    made = _Scene(sheet, default)
    signatures = made.then(_signing(sheet))
    signed = signatures.then(_ready(sheet))
    closed = signatures.then(_delivered(_at(sheet.deal.closing_date - timedelta(days=7), 9),
                                     dated=False) + _closing(sheet))
    shared = closed.then(_sharing(sheet), "the scene of two Holders (Purchaser transferring "
                         "half the Notes at the Closing) cannot be set on this term sheet")
    sharing = _lines(_sharing(sheet))
    if default:
        outstanding = Line("the 1997 deal, closed on October 27, 1997, with the Notes "
                           "outstanding")
        scenes = [
            ("made", [Line("the 1997 deal")]),
            ("signed", [Line("the 1997 deal, signed by the Company and the Purchaser"),
                        *_lines(_ready(sheet)[:1]), Line("every condition of 5.1 and 5.2 is met")]),
            ("outstanding", [outstanding]),
            ("shared", [outstanding, *sharing]),
        ]
    else:
        first = Line("the deal made from this term sheet:", terms_table(sheet))
        signing = _lines(_signing(sheet))
        every = Line("every condition of 5.1 and 5.2 is met")
        # The Closing's step delivers the certificates left for it: they have no line.
        closing = [first, *signing, every, *_lines(_closing(sheet)[len(DATED):])]
        scenes = [("made", [first]),
                  ("signed", [first, *signing, *_lines(_ready(sheet)[:1]), every]),
                  ("outstanding", closing), ("shared", [*closing, *sharing])]
    built = [made, signed, closed, shared]
    made_roots = [Root(name, tuple(lines), scene.deal.state, scene.deal.events,
                       tuple(scene.broken), frozenset(scene.cited))
                  for (name, lines), scene in zip(scenes, built, strict=True)]
    # The Notes' life first: a search that stops early has seen the most of it.
    return [made_roots[i] for i in (2, 3, 1, 0)]


class _Scene:
    """A deal taken through the actions that set a scene, each checked like a move."""

    def __init__(self, terms: TermSheet, default: bool,
                 moves: Sequence[Move] = (), base: _Scene | None = None,
                 refused: str = "the term sheet's own Closing cannot be held") -> None:
        self.terms, self.default = terms, default
        self.broken: list[tuple[str, str]] = []
        self.cited: set[str] = set()
        if base is None:
            self.deal = Deal.create(None, DEAL_ID, None if default else terms)
            self.moves = list(moves)
        else:
            # The scene it continues, as it was: its deal forked, what it broke and cited.
            self.deal = base.deal.fork()
            self.moves = [*base.moves, *moves]
            self.broken += base.broken
            self.cited |= base.cited
        for move in moves:
            _take(self.deal, move, self.broken, self.cited, refused)

    def then(self, moves: Sequence[Move],
             refused: str = "the term sheet's own Closing cannot be held") -> _Scene:
        """The scene after more actions (taken on a fork of this scene's deal, which is
        left as it was); `refused` says what a refusal of one of them means."""
        return _Scene(self.terms, self.default, moves, self, refused)


def _take(deal: Deal, move: Move, broken: list[tuple[str, str]], cited: set[str],
          refused: str) -> None:
    """Take one of the actions that set a scene, checking every invariant on it."""
    from engine.citations import cited_by
    from engine.exploration.invariants import Seen, check_all
    from engine.exploration.key import state_key

    before, count = deal.state, len(deal.events)
    key = state_key(before)
    result = deal.act(move.action)
    if not result.accepted:
        reasons = "; ".join(f"{r.section}: {r.message}" for r in result.reasons)
        raise InvalidAction(f"{refused}: {reasons}",
                            field="terms")
    events = deal.events
    seen = Seen(before, move.action, True, (), events[count:], deal.state, key,
                state_key(before), lambda: events)
    broken += [(inv.name, wrong) for inv, wrong in check_all(seen)
               if inv.name not in {b[0] for b in broken}]
    cited |= cited_by(deal.state, events[count:])
