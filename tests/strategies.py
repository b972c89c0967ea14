"""Hypothesis strategies for actions: valid-looking, mutated and plain junk."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from contract import CONDITIONS
from engine.actions import ACTION_TYPES
from engine.demo import SIGNING_TO_OUTSTANDING

#: The moment the demo path starts: the Closing Date, 1997-10-27, 09:00 New York time.
START = datetime(1997, 10, 27, 9, 0)
KNOWN_ACTORS = ("company", "purchaser", "guarantor", "court", "holder:nomura")
PARTIES = ("company", "purchaser")
SECTIONS = tuple(c.section for c in CONDITIONS)
PURPOSES = ("purchase_price", "transaction_fee", "interest", "principal", "expenses",
            "indemnity")
REPRESENTATIONS = ("3.1", "3.5", "3.19", "4.1", "4.4", "8.7(a)", "8.7(b)")

# --- plain values ---------------------------------------------------------------

scalars = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
    | st.decimals(allow_nan=True, allow_infinity=True)
)

#: Anything `json.loads` could give, and a little more (floats, Decimals, NaN).
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=4),
    max_leaves=12,
)

#: Values `json.dumps` can write: what a user could type as JSON.
json_texts = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                               max_size=4),
    max_leaves=12,
)


def iso(moment: datetime) -> str:
    """A moment as the minute-precise text an action carries."""
    return moment.isoformat(timespec="minutes")


#: Times on or near the Closing Date, as text, minute by minute.
near_times = st.integers(min_value=-26 * 60, max_value=50 * 60).map(
    lambda minutes: iso(START + timedelta(minutes=minutes)))

#: Times as a user might mistype them: odd formats, out of range, not text at all.
odd_times = st.one_of(
    near_times,
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)).map(
        lambda d: d.isoformat()),
    st.sampled_from(["1899-12-31T23:59", "2101-01-01T00:00", "1997-02-30T09:00",
                     "1997-10-27T24:00", "1997-10-27T09:00+24:00", "1997-10-27", "",
                     "yesterday", "1997-10-27T09:00Z", "1997-10-27 09:00:00.5-04:00"]),
    st.text(max_size=25),
    json_values,
)

#: Amounts as text, numbers and junk: exact, too fine, negative, huge.
amounts = st.one_of(
    st.decimals(min_value=0, max_value=Decimal(10) ** 12, places=2).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["7500000.00", "75000.00", "1.001", "-1.00", "1000000000000.01",
                     "1e5", " 10.00 ", "0", "", "NaN"]),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=True, allow_infinity=True),
    json_values,
)

#: Actors: the known ones, holders by name, and random words.
actors = st.one_of(st.sampled_from(KNOWN_ACTORS),
                   st.text(max_size=12).map(lambda name: f"holder:{name}"),
                   st.text(max_size=12), json_values)

#: Action types: the catalogue's and random words.
action_types = st.one_of(st.sampled_from(sorted(ACTION_TYPES)), st.text(max_size=20),
                         json_values)

# --- valid-looking actions ----------------------------------------------------


def _action(kind: str, actor: st.SearchStrategy[Any], **fields: st.SearchStrategy[Any]
            ) -> st.SearchStrategy[dict[str, Any]]:
    """An action of one type with each field drawn from its strategy."""
    return st.fixed_dictionaries({"type": st.just(kind), "actor": actor, "at": near_times,
                                  **fields})


def _ids(prefix: str) -> st.SearchStrategy[str]:
    """Ids the engine hands out (R1, P2...), a few of which a deal will not have."""
    return st.integers(min_value=1, max_value=3).map(lambda n: f"{prefix}{n}")


descriptions = st.text(min_size=1, max_size=40)
parties = st.sampled_from(KNOWN_ACTORS[:4])
conditions = st.sampled_from(SECTIONS)

@st.composite
def notices(draw: st.DrawFn) -> dict[str, Any]:
    """A send_notice by a random method, with its time on or after the sending (mostly)."""
    at = draw(near_times)
    method = draw(st.sampled_from(["hand", "registered_mail", "certified_mail", "fax",
                                   "email", "courier"]))
    later = datetime.fromisoformat(at) + timedelta(minutes=draw(st.integers(-5, 60 * 24 * 8)))
    field = {"hand": "delivered_at", "registered_mail": "postmarked_at",
             "certified_mail": "postmarked_at", "fax": "confirmed_at"}.get(method)
    spec: dict[str, Any] = {"method": method}
    if field is not None and draw(st.integers(0, 9)):
        spec[field] = iso(later)
    if draw(st.booleans()):
        spec["copies"] = draw(st.sampled_from([[], ["Nixon, Hargrave, Devans & Doyle LLP"],
                                               ["Robinson, Silverman, Pearce, Aronsohn & "
                                                "Berman LLP"]]))
    if draw(st.integers(0, 4)) == 0:
        spec["address"] = draw(st.sampled_from(["1 Main Street", "(212) 319-4659",
                                                "767 Third Avenue, 29th Floor, New York, "
                                                "New York 10017-2023"]))
    kind = draw(st.sampled_from(["other", "default", "covenant_breach", "change_of_address"]))
    action: dict[str, Any] = {"type": "send_notice",
                              "actor": draw(st.sampled_from(("company", "purchaser", "court"))),
                              "at": at, "to": draw(st.sampled_from(PARTIES)), "kind": kind,
                              "notice": spec}
    if kind == "change_of_address":
        action["new_address"] = "10 Main Street, New York, New York 10001"
    return action


#: Actions shaped as the catalogue says, from random parties at random times near 1997-10-27.
valid_looking_actions = st.one_of(
    notices(),
    _action("sign", parties),
    _action("satisfy_condition", parties, condition=conditions),
    _action("waive_condition", parties, condition=conditions),
    _action("request_instrument", st.sampled_from(PARTIES), description=descriptions),
    _action("deliver_instrument", st.sampled_from(PARTIES), request=_ids("R")),
    _action("record_proceeding", st.sampled_from(("company", "purchaser", "court")),
            description=descriptions),
    _action("resolve_proceeding", st.sampled_from(("company", "purchaser", "court")),
            proceeding=_ids("P")),
    _action("record_misrepresentation", st.sampled_from(PARTIES),
            section=st.sampled_from(REPRESENTATIONS), description=descriptions),
    _action("close", parties),
    _action("deliver_notes", parties,
            denominations=st.sampled_from([["7500000.00"], ["5000000.00", "2500000.00"],
                                           ["100.00"]])),
    _action("deliver_guarantee", parties),
    _action("pay", parties, purpose=st.sampled_from(PURPOSES),
            amount=st.sampled_from(["7500000.00", "75000.00", "1.00"])),
    _action("amend", st.sampled_from(PARTIES),
            changes=near_times.map(lambda t: {"closing_date": t[:10]}),
            signed_by=st.sampled_from([["company", "purchaser"], ["company"], []]),
            in_writing=st.booleans()),
    _action("advance", parties),
)


@st.composite
def mutated_actions(draw: st.DrawFn) -> Any:
    """A valid-looking action with one thing broken: a field dropped, retyped or added."""
    action: dict[str, Any] = dict(draw(valid_looking_actions))
    how = draw(st.sampled_from(["drop", "retype", "add", "type", "actor", "at", "amount"]))
    if how == "drop":
        action.pop(draw(st.sampled_from(sorted(action))))
    elif how == "retype":
        action[draw(st.sampled_from(sorted(action)))] = draw(json_values)
    elif how == "add":
        action[draw(st.text(max_size=12))] = draw(json_values)
    elif how == "type":
        action["type"] = draw(action_types)
    elif how == "actor":
        action["actor"] = draw(actors)
    elif how == "at":
        action["at"] = draw(odd_times)
    else:
        action["amount"] = draw(amounts)
    return action


#: Anything at all a platform might hand `Deal.act`.
any_input = st.one_of(json_values, valid_looking_actions, mutated_actions())


def _minutes(text: str) -> int:
    """Minutes from START to a time of the demo path."""
    return int((datetime.fromisoformat(text) - START).total_seconds() // 60)


@st.composite
def demo_with_noise(draw: st.DrawFn) -> list[Any]:
    """A random prefix of the demo path, with random valid-looking or broken actions between.

    Most of the noise is dated between the demo steps around it, so that the
    path keeps moving; the rest anywhere near the Closing Date. Some paths are
    quiet (no noise), so that the prefix reaches as far as Outstanding.
    """
    prefix = SIGNING_TO_OUTSTANDING[:draw(st.integers(0, len(SIGNING_TO_OUTSTANDING)))]
    noise = st.lists(st.one_of(valid_looking_actions, valid_looking_actions, mutated_actions()),
                     max_size=draw(st.sampled_from([0, 1, 2])))
    path: list[Any] = []
    previous = -60
    for step in prefix:
        now = _minutes(step["at"])
        for action in draw(noise):
            if isinstance(action, dict) and draw(st.integers(0, 3)):
                moment = START + timedelta(minutes=draw(st.integers(previous, now)))
                action = {**action, "at": iso(moment)}
            path.append(action)
        path.append(step)
        previous = now
    path.extend(draw(st.lists(valid_looking_actions, max_size=4)))
    return path
