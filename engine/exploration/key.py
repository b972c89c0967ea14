"""The canonical key of a deal's state: what the deal is, not how it got there.

Two states have the same key when they hold the same facts: the same
lifecycle state, clock, conditions, payments, holders, notices, deadlines,
defaults, claims and the rest. What does not count: the number of events
(`seq`), the order in which records were made, and the ids the engine gave
them (N1, B2, C1): each record is known by its contents, and a reference to
another record (a deadline's notice, a default's cause) by the contents of
that record. So a notice of breach sent before a notice of default, at the
same moment, gives the same state as the two sent the other way round.

Records with identical contents are interchangeable here; a state is thus
known up to a renaming of its records that keeps their contents.

The key is built field by field. A child state shares most of its fields'
objects with its parent (the fold copies what it does not change), so
`Keyer.key` reuses the parent's parts for every field whose object, and
whose dependencies' objects, are the very same: only what an action changed
is looked at again.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from engine.state import DealState

Part = Hashable
Parts = tuple[Part, ...]

#: Fields that say nothing about what the deal is: its id, the number of its events,
#: the term sheet (fixed when the deal is made) and the schedule (fixed by the terms
#: when the Notes are issued: whether it exists is kept, in `_SCHEDULE`).
IGNORED = frozenset({"deal_id", "seq", "terms"})


def _multiset(items: Iterable[Hashable]) -> Part:
    """Items as a bag: order does not count, repetitions do."""
    listed = list(items)
    if len(listed) <= 1:
        return tuple(listed)
    distinct = frozenset(listed)
    if len(distinct) == len(listed):
        return distinct
    return ("bag", frozenset(Counter(listed).items()))


#: Values that are their own image (checked by exact type first: most values are these).
_PLAIN = frozenset({str, int, bool, Decimal, datetime, date, type(None)})


def freeze(value: Any) -> Part:
    """A hashable image of any state value: mappings and records by their contents."""
    cls = type(value)
    if cls in _PLAIN:
        return value  # type: ignore[no-any-return]
    if cls is dict:
        return frozenset((freeze(k), freeze(v)) for k, v in value.items())
    if cls is tuple:
        return tuple(map(freeze, value))
    read = _FIELDS_OF.get(cls)
    if read is not None:
        return (cls.__name__, *map(freeze, read(value)))
    if isinstance(value, Mapping):
        return frozenset((freeze(k), freeze(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    if isinstance(value, set | frozenset):
        return frozenset(freeze(v) for v in value)
    if attrs.has(cls):
        names = [f.name for f in attrs.fields(cls)]
        getter = operator.attrgetter(*names)
        read = _FIELDS_OF[cls] = getter if len(names) > 1 else lambda r: (getter(r),)
        return (cls.__name__, *map(freeze, read(value)))
    return value  # type: ignore[no-any-return]


#: Each attrs class's fields read at once (one C call), as `freeze` reads them.
_FIELDS_OF: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


# --- the records that carry ids, and how others refer to them ---------------------


#: Each record class's fields as a key reads them, by what is left out: always its id;
#: a field that names another record by its id, read through `_Names` instead; and the
#: free words of an Event of Default, which name ids.
_READ: dict[tuple[type, frozenset[str]], Callable[[Any], tuple[Any, ...]]] = {}


def _own(record: Any, left_out: frozenset[str] = frozenset()) -> tuple[Any, ...]:
    """A record by its contents: every field (new ones too) but its id and `left_out`."""
    cls = type(record)
    read = _READ.get((cls, left_out))
    if read is None:
        names = [f.name for f in attrs.fields(cls) if f.name != "id" and f.name not in left_out]
        getter = operator.attrgetter(*names)
        read = _READ[cls, left_out] = (getter if len(names) > 1
                                       else lambda r: (getter(r),))
    return read(record)


_NOTICE = frozenset({"notice"})
_CAUSE = frozenset({"cause", "description"})


_request = _proceeding = _misrepresentation = _notice = _breach = _expense = _own


def _named(records: Mapping[str, Any], own: Callable[[Any], Part]) -> dict[str, Part]:
    """Each record's id mapped to what it is known by: its own contents."""
    return {ident: own(record) for ident, record in records.items()}


def _referring(record: Any, notices: Mapping[str, Part]) -> Part:
    """A claim or a transfer by its contents, its notice by that notice's contents."""
    notice = notices.get(record.notice, record.notice)
    return (*_own(record, _NOTICE), notice)


_claim = _transfer = _referring


class _Names:
    """What every id of a state is known by, built once per key and only if needed."""

    def __init__(self, state: DealState) -> None:
        self.state = state
        self._notices: dict[str, Part] | None = None
        self._breaches: dict[str, Part] | None = None
        self._causes: dict[str, Part] | None = None

    @property
    def notices(self) -> dict[str, Part]:
        if self._notices is None:
            self._notices = _named(self.state.notices, _notice)
        return self._notices

    @property
    def breaches(self) -> dict[str, Part]:
        if self._breaches is None:
            self._breaches = _named(self.state.breaches, _breach)
        return self._breaches

    @property
    def causes(self) -> dict[str, Part]:
        """Whatever an Event of Default's cause may name: a misrepresentation, a claim, a
        breach."""
        if self._causes is None:
            s = self.state
            causes: dict[str, Part] = {}
            for ident, m in s.misrepresentations.items():
                causes[ident] = ("misrepresentation", _misrepresentation(m))
            for ident, c in s.claims.items():
                causes[ident] = ("claim", c.claimant, c.against, c.section, c.damages,
                                 c.asserted_at)
            for ident, b in self.breaches.items():
                causes[ident] = ("breach", b)
            self._causes = causes
        return self._causes


_REFERRING = frozenset({"notice_effective", "cure_period", "expenses_due"})


def _deadline(d: Any, names: _Names) -> Part:
    """A deadline by its due time and kind, and by what it is about (not by ids)."""
    about: Part = d.key
    if d.kind == "notice_effective":
        ident = d.key.removeprefix("notice:")
        about = names.notices.get(ident, ident)
    elif d.kind == "cure_period":
        _, breach, notice = d.key.split(":")
        about = (names.breaches.get(breach, breach), names.notices.get(notice, notice))
    elif d.kind == "expenses_due":
        ident = d.key.removeprefix("expenses:")
        expense = names.state.expenses.get(ident)
        about = _expense(expense) if expense is not None else ident
    return (d.due, d.kind, d.section, about)


def _deadlines(state: DealState, names: _Names) -> Part:
    """The pending deadlines: those of the payments and reports by their keys (each key
    fixes its due time, given the terms), the others by what they are about."""
    pending = state.deadlines
    plain = frozenset([d.key for d in pending if d.kind not in _REFERRING])
    referring = [d for d in pending if d.kind in _REFERRING]
    if not referring:
        return (plain, ())
    return (plain, _multiset(_deadline(d, names) for d in referring))


def _default(e: Any, names: _Names) -> Part:
    """An Event of Default by its contents, its cause by the record it names (if any)."""
    cause = names.causes.get(e.cause, e.cause) if e.cause is not None else None
    return (*_own(e, _CAUSE), cause)


# --- each field: how it is keyed, and what else its key depends on -----------------

Keying = Callable[[DealState, _Names], Part]

#: field -> (the fields whose objects its part depends on, how to key it)
FIELDS: dict[str, tuple[tuple[str, ...], Keying]] = {
    "status": ((), lambda s, n: s.status),
    "clock": ((), lambda s, n: s.clock),
    "signed": ((), lambda s, n: s.signed),
    "marked": ((), lambda s, n: frozenset((k, m.status, m.by, m.at)
                                          for k, m in s.marked.items())),
    "requests": ((), lambda s, n: _multiset(map(_request, s.requests.values()))),
    "proceedings": ((), lambda s, n: _multiset(map(_proceeding, s.proceedings.values()))),
    "misrepresentations": ((), lambda s, n: _multiset(
        map(_misrepresentation, s.misrepresentations.values()))),
    "closing_date": ((), lambda s, n: s.closing_date),
    "amendments": ((), lambda s, n: tuple((a.at, frozenset(a.changes.items()), a.signed_by)
                                          for a in s.amendments)),
    "closed_at": ((), lambda s, n: s.closed_at),
    "issued_at": ((), lambda s, n: s.issued_at),
    "denominations": ((), lambda s, n: s.denominations),
    "guarantee_delivered_at": ((), lambda s, n: s.guarantee_delivered_at),
    "paid": ((), lambda s, n: frozenset(s.paid.items())),
    "holders": ((), lambda s, n: frozenset(s.holders.items())),
    "addresses": ((), lambda s, n: frozenset(s.addresses.items())),
    "notices": ((), lambda s, n: _multiset(n.notices.values())),
    "deadlines": (("notices", "breaches", "expenses"), lambda s, n: _deadlines(s, n)),
    "address_changes": (("notices",), lambda s, n: _multiset(
        (n.notices.get(k, k), v) for k, v in s.address_changes.items())),
    "notice_particulars": (("notices", "breaches"), lambda s, n: _multiset(
        (n.notices.get(k, k), _multiset(n.breaches.get(b, b) for b in v))
        for k, v in s.notice_particulars.items())),
    # A prepayment (a term sheet that allows it) counts the schedule again: then it is
    # part of the state; otherwise it is fixed at issue, and only whether there is one.
    "schedule": ((), lambda s, n: s.schedule if s.terms.notes.prepayment else bool(s.schedule)),
    "interest_paid": ((), lambda s, n: s.interest_paid),
    "principal_paid": ((), lambda s, n: s.principal_paid),
    "reports": ((), lambda s, n: frozenset((k, r.delivered_at) for k, r in s.reports.items())),
    "breaches": ((), lambda s, n: _multiset(n.breaches.values())),
    "defaults": (("misrepresentations", "claims", "breaches"),
                 lambda s, n: _multiset(_default(e, n) for e in s.defaults.values())),
    "accelerated_at": ((), lambda s, n: s.accelerated_at),
    "repaid_at": ((), lambda s, n: s.repaid_at),
    "accelerated_interest": ((), lambda s, n: s.accelerated_interest),
    "transfers": (("notices",), lambda s, n: _multiset(
        _transfer(t, n.notices) for t in s.transfers.values())),
    "legends": ((), lambda s, n: frozenset(s.legends.items())),
    "repaid_holders": ((), lambda s, n: frozenset(s.repaid_holders.items())),
    "successor": ((), lambda s, n: s.successor),
    "inspections": ((), lambda s, n: _multiset(s.inspections)),
    "claims": (("notices",), lambda s, n: _multiset(
        _claim(c, n.notices) for c in s.claims.values())),
    "expenses": ((), lambda s, n: _multiset(map(_expense, s.expenses.values()))),
    "notes_delivered_at": ((), lambda s, n: s.notes_delivered_at),
    "late_interest": ((), lambda s, n: s.late_interest),
    "late_marked": ((), lambda s, n: s.late_marked),
    "accelerated_late": ((), lambda s, n: s.accelerated_late),
    # In the order they were made: each payment's shares among the Holders of its day.
    "holder_payments": ((), lambda s, n: tuple(map(_payment, s.holder_payments))),
    "joined": ((), lambda s, n: frozenset(s.joined.items())),
}

#: Fields whose part reads other records only through what they hold: when such a field
#: is empty its part is the same whatever the records it would read (see `Keyer.parts`).
_READS_ONLY_ITS_OWN = frozenset({"address_changes", "notice_particulars", "transfers",
                                 "claims", "defaults"})


#: The image of each payment to the Holders already seen, by identity (the payment is
#: kept, so its id is not reused): a state's payments are those of the state it came
#: from and one more, so each is frozen once. Cleared when it grows past `_PAYMENTS`.
_PAID: dict[int, tuple[Any, Part]] = {}
_PAYMENTS = 100_000


def _payment(payment: Any) -> Part:
    """A payment to the Holders by its contents (as `freeze` reads it), each frozen once."""
    known = _PAID.get(id(payment))
    if known is not None and known[0] is payment:
        return known[1]
    if len(_PAID) >= _PAYMENTS:
        _PAID.clear()
    image = freeze(payment)
    _PAID[id(payment)] = (payment, image)
    return image


def _generic(name: str) -> Keying:
    """A field this module does not know yet (added to DealState since): by its contents."""
    return lambda s, n: freeze(s.__dict__.get(name))


class Keyer:
    """Builds canonical keys, reusing a parent's parts for the fields a child shares."""

    def __init__(self) -> None:
        names = [f.name for f in attrs.fields(DealState) if f.name not in IGNORED]
        self.fields: tuple[str, ...] = tuple(names)
        self._keyings: tuple[Keying, ...] = tuple(
            FIELDS.get(name, ((), _generic(name)))[1] for name in names)
        #: Every field's value of a state's __dict__ at once (one C call).
        self._values = operator.itemgetter(*names)
        #: For each field, the parts that must be built again when its object changes:
        #: its own, and those of the fields that read it (a record another one names).
        affected: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            deps = FIELDS.get(name, ((), None))[0]
            affected.setdefault(name, []).append(i)
            for dep in deps:
                affected.setdefault(dep, []).append(i)
        self._affected = tuple(tuple(affected[name]) for name in names)
        self._only_own = frozenset(i for i, name in enumerate(names)
                                   if name in _READS_ONLY_ITS_OWN)

    def parts(self, state: DealState, parent: DealState | None = None,
              parent_parts: Parts | None = None) -> Parts:
        """The key's parts, field by field; those the parent shares are reused.

        A field is keyed again when its own object changed, or when a record it reads
        (through `_Names`) did; one that reads only through what it holds is not keyed
        again for the records it would read when it holds nothing (its part is then that
        of an empty field, whatever the records)."""
        names = _Names(state)
        keyings = self._keyings
        if parent is None or parent_parts is None:
            return tuple(keying(state, names) for keying in keyings)
        mine, theirs = self._values(state.__dict__), self._values(parent.__dict__)
        out = list(parent_parts)
        affected = self._affected
        only_own = self._only_own
        changed = list(itertools.compress(range(len(mine)), map(operator.is_not, mine, theirs)))
        own = set(changed)
        done: set[int] = set()
        for field in changed:
            for i in affected[field]:
                if i in done:
                    continue
                done.add(i)
                if i not in own and i in only_own and not mine[i]:
                    continue  # empty before and after: nothing in it to read again
                out[i] = keyings[i](state, names)
        return tuple(out)


KEYER = Keyer()


def state_key(state: DealState) -> Parts:
    """The canonical key of a state, built afresh (no part taken from anywhere)."""
    return KEYER.parts(state)
