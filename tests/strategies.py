"""Hypothesis strategies for actions: valid-looking, mutated and plain junk."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from contract import CONDITIONS
from engine.actions import ACTION_TYPES, DAMAGE_KINDS
from engine.demo import SIGNING_TO_OUTSTANDING, STORIES
from engine.rules.covenants import COVENANTS

#: The moment the demo path starts: the Closing Date, 1997-10-27, 09:00 New York time.
START = datetime(1997, 10, 27, 9, 0)
KNOWN_ACTORS = ("company", "purchaser", "guarantor", "court", "holder:nomura")
PARTIES = ("company", "purchaser")
SECTIONS = tuple(c.section for c in CONDITIONS)
PURPOSES = ("purchase_price", "transaction_fee", "interest", "principal", "expenses",
            "indemnity")
REPRESENTATIONS = ("3.1", "3.5", "3.19", "4.1", "4.4", "8.7(a)", "8.7(b)")
#: The last moment of the demo path: the Transaction Fee paid, the Notes outstanding.
SETTLED = datetime.fromisoformat(SIGNING_TO_OUTSTANDING[-1]["at"])
#: The end of the Notes' life the paths run into: maturity (2000-02-01) and a little after.
LIFE_END = datetime(2000, 6, 30, 17, 0)
#: The Notes' life after settlement as it should go (engine.demo's repaid story): each report
#: of 6.1 five days early, each coupon on its payment date, the principal at maturity.
AS_AGREED = STORIES["repaid"]()[len(SIGNING_TO_OUTSTANDING):]
#: Moments where the Notes' life turns: q3-1997's lapse, the first coupon's payment date and
#: the end of its grace, an acceleration, annual-1997's lapse, maturity and the end of it.
TURNS = ("1997-11-24T23:59", "1997-11-25T00:00", "1998-02-02T10:00", "1998-03-05T00:00",
         "1998-03-10T11:00", "1998-04-11T00:00", "2000-02-01T10:30", "2000-02-02T00:00")

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

#: Times over the Notes' whole life, from the settlement on 1997-10-27 to mid-2000, with the
#: turning points.
life_times = st.one_of(
    st.integers(min_value=0, max_value=int((LIFE_END - SETTLED).total_seconds() // 60)).map(
        lambda minutes: iso(SETTLED + timedelta(minutes=minutes))),
    st.sampled_from(TURNS),
)

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


def _action(kind: str, actor: st.SearchStrategy[Any], *,
            at: st.SearchStrategy[str] = near_times, **fields: st.SearchStrategy[Any]
            ) -> st.SearchStrategy[dict[str, Any]]:
    """An action of one type with each field drawn from its strategy."""
    return st.fixed_dictionaries({"type": st.just(kind), "actor": actor, "at": at, **fields})


def _ids(prefix: str) -> st.SearchStrategy[str]:
    """Ids the engine hands out (R1, P2...), a few of which a deal will not have."""
    return st.integers(min_value=1, max_value=3).map(lambda n: f"{prefix}{n}")


descriptions = st.text(min_size=1, max_size=40)
parties = st.sampled_from(KNOWN_ACTORS[:4])
conditions = st.sampled_from(SECTIONS)
#: Who acts in the Notes' life: the Holders (Purchaser, and transferees by name), the
#: Company, and a few who hold nothing.
holders = st.sampled_from(("purchaser", "purchaser", "holder:acme", "holder:bob", "company",
                           "court"))
joined_by = st.sampled_from([[], ["holder:acme"], ["holder:acme", "holder:bob"], ["purchaser"],
                             ["company"]])
#: Amounts the Notes' life deals in: the coupons, the accelerated interest of the default
#: story, the principal and parts of it, and a cent.
life_amounts = st.sampled_from(["205625.00", "393750.00", "290937.50", "85312.50",
                                "7500000.00", "5000000.00", "2500000.00", "3750000.00",
                                "100.00", "0.01", "0.00"])
reports = st.sampled_from(["q3-1997", "annual-1997", "q1-1998", "q2-1998", "q3-1998",
                           "annual-1998", "q1-1999", "q2-1999", "q3-1999", "annual-1999",
                           "q2-1997", "q1-2000", "q4-1998"])

def _notice_spec(draw: st.DrawFn, at: str) -> dict[str, Any]:
    """How a notice sent at `at` travels: a random method, its time on or after `at` (mostly)."""
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
    return spec


@st.composite
def notices(draw: st.DrawFn, times: st.SearchStrategy[str] = near_times) -> dict[str, Any]:
    """A send_notice by a random method, with its time on or after the sending (mostly)."""
    at = draw(times)
    spec = _notice_spec(draw, at)
    kind = draw(st.sampled_from(["other", "default", "covenant_breach", "change_of_address"]))
    action: dict[str, Any] = {"type": "send_notice",
                              "actor": draw(st.sampled_from(("company", "purchaser", "court"))),
                              "at": at, "to": draw(st.sampled_from(PARTIES)), "kind": kind,
                              "notice": spec}
    if kind == "change_of_address":
        action["new_address"] = "10 Main Street, New York, New York 10001"
    if kind == "covenant_breach" and draw(st.booleans()):
        action["breaches"] = draw(st.lists(_ids("B"), max_size=2))
    if kind == "covenant_breach" and draw(st.booleans()):
        action["joined_by"] = draw(joined_by)
    return action


@st.composite
def accelerations(draw: st.DrawFn) -> dict[str, Any]:
    """An accelerate by a Holder (or not), by notice, perhaps joined by others."""
    at = draw(life_times)
    action = {"type": "accelerate", "actor": draw(holders), "at": at,
              "notice": _notice_spec(draw, at)}
    if draw(st.booleans()):
        action["joined_by"] = draw(joined_by)
    return action


@st.composite
def transfers(draw: st.DrawFn) -> dict[str, Any]:
    """A propose_transfer of section 7: to a named holder, an amount, an opinion or Rule 144."""
    at = draw(life_times)
    return {"type": "propose_transfer", "actor": draw(holders), "at": at,
            "to_holder": draw(st.sampled_from(["acme", "bob", "holder:carol", "purchaser",
                                               "no one!"])),
            "principal": draw(life_amounts), "rule_144": draw(st.booleans()),
            "opinion": draw(st.integers(0, 3)) > 0,
            "legend_not_required": draw(st.integers(0, 3)) == 0,
            "notice": _notice_spec(draw, at)}


# --- 8.9 and 8.10: expenses and claims for indemnification --------------------------

#: Sections a claim might name: the Company's representations and agreements (with
#: paragraphs and its certificate), Purchaser's, 8.9, and some that hold neither's.
CLAIM_SECTIONS = ("3.6", "3.6", "3.7(b)", "3.19", "6.1(a)", "6.2", "8.7(a)", "8.9", "1.2",
                  "5.1(b)", "4.1", "4.3", "8.7(b)", "8.8", "5.2(b)", "8.11", "2.1")
#: Amounts claimed, settled, awarded and paid: the demo's items and totals, a cent, nothing.
claim_amounts = st.sampled_from(["150000.00", "40000.00", "10000.00", "25000.00",
                                 "180000.00", "200000.00", "225000.00", "0.01", "0.00"])
#: Amounts of counsel's expenses presented and paid (8.9).
expense_amounts = st.sampled_from(["85000.00", "40000.00", "45000.00", "85000.01", "0.01",
                                   "0.00"])
#: The parties to a claim, now and then someone who is neither.
claim_parties = st.sampled_from(("company", "purchaser", "company", "purchaser", "court"))


@st.composite
def damages(draw: st.DrawFn, valid: bool = False) -> list[dict[str, Any]]:
    """The Damages a claim lists: one to four items of the four kinds (settlement costs
    consented or not); unless `valid`, now and then none, or an item of no such kind."""
    kinds = (*DAMAGE_KINDS, "settlement_costs") + (() if valid else ("gains",))
    items: list[dict[str, Any]] = []
    count = draw(st.integers(1, 4)) if valid else (
        draw(st.integers(0, 4)) or draw(st.integers(0, 1)))
    for _ in range(count):
        item: dict[str, Any] = {"kind": draw(st.sampled_from(kinds)),
                                "amount": draw(claim_amounts)}
        if draw(st.booleans()):
            item["consented"] = draw(st.booleans())
        items.append(item)
    return items


@st.composite
def claims(draw: st.DrawFn, times: st.SearchStrategy[str] = near_times) -> dict[str, Any]:
    """An assert_claim: by either party (or LCI) against the other, itself or LCI, on a
    random section, with random Damages and a notice by a random method."""
    at = draw(times)
    return {"type": "assert_claim",
            "actor": draw(st.sampled_from(("purchaser", "purchaser", "company", "guarantor"))),
            "at": at,
            "against": draw(st.sampled_from(("company", "company", "purchaser", "guarantor"))),
            "section": draw(st.sampled_from(CLAIM_SECTIONS)),
            "damages": draw(damages()),
            "notice": _notice_spec(draw, at)}


def indemnity_actions(times: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Actions of 8.9 and 8.10 at `times`, on claims C1-C3, by random parties."""
    claim_ids = _ids("C")
    return st.one_of(
        claims(times),
        _action("acknowledge_claim", claim_parties, at=times, claim=claim_ids),
        _action("dispute_claim", claim_parties, at=times, claim=claim_ids),
        _action("consent_to_settlement", claim_parties, at=times, claim=claim_ids),
        _action("settle_claim", claim_parties, at=times, claim=claim_ids,
                amount=claim_amounts),
        _action("adjudicate_claim", st.sampled_from(("court", "court", "purchaser")),
                at=times, claim=claim_ids, amount=claim_amounts),
        _action("withdraw_claim", claim_parties, at=times, claim=claim_ids),
        _action("pay", claim_parties, at=times, purpose=st.just("indemnity"),
                amount=claim_amounts, claim=claim_ids),
        _action("present_expenses", st.sampled_from(("purchaser", "purchaser", "company")),
                at=times, amount=expense_amounts, description=descriptions),
        _action("pay", st.sampled_from(("company", "company", "purchaser")), at=times,
                purpose=st.just("expenses"), amount=expense_amounts),
    )


@st.composite
def claim_episodes(draw: st.DrawFn, at: str) -> list[dict[str, Any]]:
    """A claim by hand at one moment and what may follow it then: an answer by the party
    claimed against, consent to settlement, and a settlement, an award, a payment or a
    withdrawal. The claim's id is one of the first few, so it often fits."""
    ident = draw(st.sampled_from(["C1", "C1", "C1", "C2", "C3"]))
    claimant, against = draw(st.sampled_from([("purchaser", "company")] * 3
                                             + [("company", "purchaser")]))
    sections = (("3.6", "3.6", "3.7(b)", "6.1", "8.9") if against == "company"
                else ("4.1", "8.7(b)"))
    steps: list[dict[str, Any]] = [
        {"type": "assert_claim", "actor": claimant, "at": at, "against": against,
         "section": draw(st.sampled_from(sections)),
         "damages": draw(damages(valid=True)),
         "notice": {"method": "hand", "delivered_at": at}}]
    on = {"at": at, "claim": ident}
    answer = draw(st.sampled_from(["acknowledge_claim", "dispute_claim", None]))
    if answer:
        steps.append({**on, "type": answer, "actor": against})
    consent = draw(st.booleans())
    if consent:
        steps.append({**on, "type": "consent_to_settlement", "actor": against})
    # The Damages that count (8.10(a)): settlement costs only with consent.
    counting = sum((Decimal(d["amount"]) for d in steps[0]["damages"]
                    if d["kind"] != "settlement_costs" or d.get("consented") or consent),
                   Decimal("0.00"))
    owed = str(counting)
    end = draw(st.sampled_from(["settle", "adjudicate", "pay", "withdraw", None]))
    if end == "settle":
        amount = draw(st.sampled_from([owed, "0.01", draw(claim_amounts)]))
        owed = str(min(Decimal(amount), counting))
        steps.append({**on, "type": "settle_claim", "actor": claimant, "amount": amount})
    elif end == "adjudicate":
        owed = draw(st.sampled_from([owed, "0.00", "0.01", draw(claim_amounts)]))
        steps.append({**on, "type": "adjudicate_claim", "actor": "court", "amount": owed})
    elif end == "withdraw":
        steps.append({**on, "type": "withdraw_claim", "actor": claimant})
    if end in ("settle", "adjudicate", "pay") and draw(st.integers(0, 3)):
        steps.append({**on, "type": "pay", "actor": against, "purpose": "indemnity",
                      "amount": draw(st.sampled_from([owed, owed, "0.01",
                                                      draw(claim_amounts)]))})
    return steps


#: Actions of the Notes' life (Schedule 1, sections 6 and 7), dated from the Closing Date
#: into 2000, with fields as a platform would write them.
life_actions = st.one_of(
    _action("pay", st.sampled_from(("company", "company", "purchaser", "holder:acme")),
            at=life_times, purpose=st.sampled_from(("interest", "principal")),
            amount=life_amounts),
    _action("deliver_report", st.sampled_from(("company", "company", "purchaser")),
            at=life_times, report=reports),
    accelerations(),
    _action("waive_default", holders, at=life_times, event_of_default=_ids("E"),
            joined_by=joined_by),
    _action("declare_insolvency", st.sampled_from(("court", "court", "purchaser")),
            at=life_times),
    _action("request_inspection", holders, at=life_times,
            scope=st.sampled_from(("properties", "books", "books", "email"))),
    _action("record_breach", holders, at=life_times,
            section=st.sampled_from((*COVENANTS, "5.1(a)")), description=descriptions),
    _action("remedy_breach", st.sampled_from(("company", "company", "purchaser")),
            at=life_times, breach=_ids("B")),
    _action("merge", st.sampled_from(("company", "company", "purchaser")), at=life_times,
            surviving_corporation=st.sampled_from(("Acme Corp", "LCI",
                                                   "Lexington Precision Corporation")),
            assumes_obligations=st.booleans()),
    transfers(),
    _action("accept_opinion", st.sampled_from(("company", "company", "purchaser")),
            at=life_times, transfer=_ids("T")),
    _action("reject_opinion", st.sampled_from(("company", "purchaser")), at=life_times,
            transfer=_ids("T")),
    _action("complete_transfer", holders, at=life_times, transfer=_ids("T")),
    _action("record_misrepresentation", st.sampled_from((*PARTIES, "court")), at=life_times,
            section=st.sampled_from(REPRESENTATIONS), description=descriptions),
    _action("record_proceeding", st.sampled_from(("company", "purchaser", "court")),
            at=life_times, description=descriptions),
    notices(life_times),
    _action("advance", parties, at=life_times),
    indemnity_actions(life_times),
)

@st.composite
def episodes(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A few actions of the Notes' life that go together, at one moment, by those entitled.

    A transfer proposed by Purchaser, its opinion accepted and the transfer completed; an
    acceleration, a notice of breach or a waiver by Purchaser (perhaps joined by acme); an
    inspection; a claim under 8.10 and what follows it (`claim_episodes`); expenses of 8.9
    presented, and perhaps paid. The ids are the first few the deal hands out, so they
    often fit.
    """
    at = draw(life_times)
    kind = draw(st.sampled_from(["transfer", "accelerate", "breach_notice", "waive",
                                 "inspect", "claim", "claim", "expenses"]))
    base = {"actor": "purchaser", "at": at}
    joined = {"joined_by": draw(st.sampled_from([[], ["holder:acme"]]))}
    if kind == "transfer":
        transfer, opinion = draw(_ids("T")), draw(st.booleans())
        steps = [{**base, "type": "propose_transfer",
                  "to_holder": draw(st.sampled_from(["acme", "bob"])),
                  "principal": draw(st.sampled_from(["2500000.00", "3750000.00", "5000000.00",
                                                     "100.00"])),
                  "rule_144": not opinion, "opinion": opinion,
                  "legend_not_required": opinion and draw(st.booleans()),
                  "notice": {"method": "hand", "delivered_at": at}}]
        if opinion:
            steps.append({"type": "accept_opinion", "actor": "company", "at": at,
                          "transfer": transfer})
        return [*steps, {**base, "type": "complete_transfer", "transfer": transfer}]
    if kind == "accelerate":
        return [{**base, **joined, "type": "accelerate",
                 "notice": {"method": "hand", "delivered_at": at}}]
    if kind == "breach_notice":
        return [{**base, **joined, "type": "send_notice", "to": "company",
                 "kind": "covenant_breach", "notice": {"method": "hand", "delivered_at": at}}]
    if kind == "waive":
        return [{**base, **joined, "type": "waive_default", "event_of_default": draw(_ids("E"))}]
    if kind == "claim":
        return draw(claim_episodes(at))
    if kind == "expenses":
        presented = {**base, "type": "present_expenses", "amount": draw(expense_amounts),
                     "description": "counsel's fees"}
        if draw(st.booleans()):
            return [presented]
        return [presented, {"type": "pay", "actor": "company", "at": at,
                            "purpose": "expenses", "amount": draw(expense_amounts)}]
    return [{**base, "type": "request_inspection",
             "scope": draw(st.sampled_from(["properties", "books"]))}]


#: Actions shaped as the catalogue says, from random parties at random times near 1997-10-27
#: (and, for the Notes' life, on into 2000).
valid_looking_actions = st.one_of(
    life_actions,
    notices(),
    indemnity_actions(near_times),
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


@st.composite
def life_with_noise(draw: st.DrawFn) -> list[Any]:
    """The deal settled, then its life into 2000: most of the agreed reports and payments, with
    random actions of the Notes' life between them in time order, and a broken one or two.

    Leaving out an agreed coupon or report lets the grace and cure periods run out, so that
    paths reach Default, acceleration and recovery as well as Repaid; claims under 8.10 run
    through those states and on after repayment.
    """
    kept = [action for action in AS_AGREED if draw(st.integers(0, 4))]
    noise = draw(st.lists(st.one_of(episodes(), life_actions.map(lambda action: [action]),
                                    life_times.flatmap(claim_episodes)),
                          max_size=10))
    # A stable sort: the actions of an episode, all at one moment, stay in their order.
    dated = sorted([*kept, *(action for group in noise for action in group)],
                   key=lambda action: str(action["at"]))
    path: list[Any] = [*SIGNING_TO_OUTSTANDING, *dated]
    for action in draw(st.lists(mutated_actions(), max_size=2)):
        path.insert(draw(st.integers(len(SIGNING_TO_OUTSTANDING), len(path))), action)
    return path


#: Paths of either kind: toward the Closing, or through the Notes' life.
any_path = st.one_of(demo_with_noise(), life_with_noise())


#: Where settlement (delivery against payment) may complete after the Closing: the same
#: day, days or months later, past the first coupon and its grace, or after maturity.
ISSUES = ("1997-10-27T11:05", "1997-11-10T10:00", "1997-11-25T09:00", "1998-02-10T10:00",
          "1998-03-10T10:00", "1998-04-11T10:00", "1999-06-01T10:00", "2000-03-01T10:00")


@st.composite
def late_lives(draw: st.DrawFn) -> list[Any]:
    """The deal closed on the Closing Date, settled at a random later moment (`ISSUES`, or
    any minute up to 2000-06-30), then its life: random actions of the Notes' life in time
    order, some before the issue (refused or recorded, nothing of the Notes owed yet), with
    the agreed reports and payments that fall after it and an advance to a later moment.
    """
    issue = draw(st.one_of(st.sampled_from(ISSUES), life_times))
    settle = [{**action, "at": issue} for action in SIGNING_TO_OUTSTANDING[9:]]
    noise = draw(st.lists(st.one_of(episodes(), life_actions.map(lambda action: [action])),
                          max_size=8))
    kept = [action for action in AS_AGREED
            if str(action["at"]) > issue and draw(st.integers(0, 3))]
    end = draw(st.sampled_from(TURNS[4:]) | life_times)
    dated = sorted([*settle, *kept, *(action for group in noise for action in group),
                    {"type": "advance", "actor": "purchaser", "at": end}],
                   key=lambda action: str(action["at"]))
    return [*SIGNING_TO_OUTSTANDING[:9], *dated]
