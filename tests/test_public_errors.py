"""No public method raises anything but the documented `NpaError` subclasses, for any input
(issue 11 item 2): every action class with any values in its fields, every method of `Deal`,
`verify`, the stores and the term-sheet readers."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import json_values

import engine
from contract import NpaError, load_terms, load_terms_file, terms_from_dict
from engine import Deal, InvalidAction, MemoryLog, verify
from engine.actions import ACTION_TYPES, Action, Damage, NoticeSpec
from engine.clock import NEW_YORK
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.validation import parse_action
from storage import SqliteStore

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

#: Every error a platform may see: the classes exported from `engine`, all NpaError.
DOCUMENTED = tuple(getattr(engine, name) for name in engine.__all__
                   if isinstance(getattr(engine, name), type)
                   and issubclass(getattr(engine, name), BaseException))

times = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 31),
                 timezones=st.sampled_from([NEW_YORK, UTC, timezone(timedelta(hours=14))])),
    st.sampled_from([datetime(1998, 10, 25, 1, 30), datetime(1998, 4, 5, 2, 30),
                     datetime(1998, 10, 25, 1, 30, fold=1, tzinfo=NEW_YORK),
                     datetime(1998, 4, 5, 2, 30, tzinfo=NEW_YORK)]),
)
decimals = st.one_of(st.decimals(allow_nan=True, allow_infinity=True),
                     st.sampled_from([Decimal("sNaN"), Decimal("-sNaN"), Decimal("1E+999999"),
                                      Decimal("1E-999999"), Decimal("-0.00")]))
odd = st.one_of(st.binary(max_size=20), st.just(object()), st.just(NotImplemented),
                st.integers(9_990, 10_010).map(lambda n: "x" * n), st.just(float("nan")),
                st.builds(pow, st.just(10), st.just(5000)),
                st.frozensets(st.integers(), max_size=3))
leaves = st.one_of(json_values, times, decimals, odd)
#: Anything at all, including the engine's own records filled with anything.
anything = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.tuples(inner, inner),
        st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=3),
        st.builds(NoticeSpec, method=inner, delivered_at=inner, postmarked_at=inner,
                  confirmed_at=inner, address=inner, copies=inner),
        st.builds(Damage, kind=inner, amount=inner, consented=inner)),
    max_leaves=6,
)


def _plausible(name: str) -> st.SearchStrategy[Any]:
    """Values a field might hold, right or wrong, so that some actions get past parsing."""
    common = {
        "actor": st.sampled_from(["company", "purchaser", "guarantor", "court", "holder:Acme",
                                  "holder:Special Fund, L.P."]),
        "at": st.sampled_from(["1997-10-27T12:00", "1998-02-02T10:00", "2000-02-01T10:00"]),
        "amount": st.sampled_from(["205625.00", "7500000.00", "0.01"]),
        "notice": st.just({"method": "hand", "delivered_at": "1998-02-02T10:00"}),
    }
    return common.get(name, st.nothing())


@st.composite
def action_objects(draw: st.DrawFn) -> tuple[type[Action], dict[str, Any]]:
    """An action class of the catalogue and values for each field: anything (or something
    plausible). The test builds the object: its constructor is public too."""
    cls = draw(st.sampled_from(sorted(ACTION_TYPES.values(), key=lambda c: c.TYPE)))
    return cls, {f.name: draw(_plausible(f.name) | anything) for f in attrs.fields(cls)}


def _deal(steps: int) -> Deal:
    deal = Deal.create(None, "public")
    for action in [*SIGNING_TO_OUTSTANDING, *STORIES["default"]()[len(SIGNING_TO_OUTSTANDING):]
                   ][:steps]:
        deal.act(action)
    return deal


def _only_documented(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Call; let through only the documented errors, and say which one escaped if not."""
    try:
        return call(*args, **kwargs)
    except NpaError as exc:
        assert isinstance(exc, DOCUMENTED), f"{type(exc).__name__} is not exported"
        assert exc.exit_code in (1, 2) and str(exc) and "\n" not in str(exc)
        return exc


@SETTINGS
@given(st.sampled_from([0, 2, 12, 20]), action_objects())
def test_every_action_class_with_any_field_values_gives_a_result_or_a_documented_error(
        steps: int, made: tuple[type[Action], dict[str, Any]]) -> None:
    """Building any action object, then `act` and `why_not` on it: a result, or an NpaError
    and nothing stored."""
    cls, values = made
    action = _only_documented(cls, **values)
    if isinstance(action, NpaError):
        return
    deal = _deal(steps)
    before = deal.events
    outcome = _only_documented(deal.act, action)
    if isinstance(outcome, NpaError) or not outcome.accepted:
        assert deal.events == before
    _only_documented(deal.why_not, action)
    _only_documented(parse_action, action)


@SETTINGS
@given(anything)
def test_act_why_not_and_status_take_anything(value: Any) -> None:
    """Any value at all given to `act`, `why_not` or `status`: a documented error at worst."""
    deal = _deal(12)
    before = deal.events
    _only_documented(deal.act, value)
    assert deal.events == before or isinstance(value, dict | str | bytes)
    _only_documented(deal.why_not, value)
    _only_documented(deal.status, value)


@SETTINGS
@given(anything, anything, anything)
def test_creating_loading_and_verifying_take_anything(store: Any, deal_id: Any,
                                                      terms: Any) -> None:
    """`Deal.create`, `Deal.load` and `verify` with any store, id and terms."""
    _only_documented(Deal.create, store, deal_id, terms)
    _only_documented(Deal.create, None, deal_id, terms)
    _only_documented(Deal.load, store, deal_id)
    _only_documented(Deal.load, MemoryLog(), deal_id)
    _only_documented(verify, store, deal_id)
    _only_documented(verify, MemoryLog(), deal_id)


@SETTINGS
@given(anything)
def test_the_term_sheet_readers_take_anything(value: Any) -> None:
    """`load_terms`, `terms_from_dict` and `load_terms_file` with any value."""
    _only_documented(load_terms, value)
    _only_documented(terms_from_dict, value)
    if not isinstance(value, int):  # an int is a file descriptor to open(): never pass one
        _only_documented(load_terms_file, value)
    _only_documented(load_terms_file, 1)  # and even then: refused, stdout left open


@settings(max_examples=60, deadline=None)
@given(anything, anything, anything, anything, anything)
def test_the_sqlite_store_takes_anything(path: Any, synchronous: Any, timeout: Any,
                                         key: Any, deal_id: Any) -> None:
    """`SqliteStore(...)` and its reading methods with any arguments."""
    with tempfile.TemporaryDirectory() as folder:
        store = _only_documented(SqliteStore, str(Path(folder) / "x.db"),
                                 synchronous=synchronous, lock_timeout=timeout, key=key)
        if isinstance(store, SqliteStore):
            store.close()
        opened = _only_documented(SqliteStore, path) if not isinstance(path, str) else None
        if isinstance(opened, SqliteStore):  # pragma: no cover - only str paths open
            opened.close()
        with SqliteStore(":memory:") as good:
            for method in (good.load, good.exists, good.chain_problems, good.stored_status,
                           good.head, good.sealed, good.stored_conditions):
                _only_documented(method, deal_id)
            _only_documented(Deal.load, good, deal_id)
            _only_documented(verify, good, deal_id)
            Deal.create(good, "d1")
            _only_documented(good.chain_problems, "d1", anchor=deal_id)


@pytest.mark.parametrize("deal_id", [2**63, 10**30, -(2**63) - 1, 5, None])
def test_the_stores_head_and_tables_name_a_bad_deal_id(deal_id: Any) -> None:
    """`head`, `sealed` and `stored_conditions` check the id before SQLite sees it (2**63
    raised OverflowError)."""
    with SqliteStore(":memory:") as store:
        for method in (store.head, store.sealed, store.stored_conditions):
            with pytest.raises(NpaError) as raised:
                method(deal_id)
            assert raised.value.field == "deal"


@pytest.mark.parametrize("anchor", ["nope", 7, (1, 5), (2**63, "x"), (0, "x"), [1]])
def test_a_malformed_anchor_is_refused_naming_it(anchor: Any) -> None:
    """`chain_problems(anchor=...)` takes the (seq, hash) `head` gives; anything else is
    InvalidAction naming anchor (it raised ValueError or TypeError)."""
    with SqliteStore(":memory:") as store:
        Deal.create(store, "d1")
        with pytest.raises(InvalidAction) as raised:
            store.chain_problems("d1", anchor=anchor)
        assert raised.value.field == "anchor"
        assert store.chain_problems("d1", anchor=store.head("d1")) == []


def test_the_documented_errors_are_one_tree_exported_from_engine() -> None:
    """Every error class a platform catches is an NpaError exported in `engine.__all__`,
    TermsError among them."""
    from contract import TermsError

    assert TermsError in DOCUMENTED and engine.TermsError is TermsError
    assert all(issubclass(error, NpaError) for error in DOCUMENTED)
    assert {"InvalidAction", "InvalidDealId", "InvalidSetting", "UnknownDeal", "DealExists",
            "BrokenLog", "StoreBusy", "StorageError", "ConcurrencyConflict",
            "TermsError"} <= set(engine.__all__)


@pytest.mark.parametrize("value", [1, 2, 0])
def test_a_term_sheet_file_name_that_is_a_number_is_refused_not_opened(value: int) -> None:
    """`open(1)` would read and then close standard output: a number is no file name."""
    with pytest.raises(NpaError):
        load_terms_file(value)  # type: ignore[arg-type]
