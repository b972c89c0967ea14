"""The authority matrix (issue 10, items 1 and 2): every action type of the catalogue,
taken by every actor, at every lifecycle state.

Who may take each action is stated here as data, from the catalogue's "who may take
it" (PRODUCT.md section 8, `engine.actions`): an actor outside it is refused, citing
the section the catalogue names, and the refusal changes nothing. An actor inside it
is never refused for want of authority (it may be refused for other reasons: the
deal is not in a state for that action). Then, at Default, every action that counts
"Holders of a majority in principal" (Schedule 1: acceleration, waiver, the notice of
covenant breach of Schedule 1 (c)) is tried by every actor, with and without
`joined_by` naming the Holders who hold the Notes: only Holders who have themselves
acted are ever counted.

Each lifecycle state is built once per module and forked for every cell
(`Deal.fork`), so the ~1,300 cells cost well under the suite's budget.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from engine import Deal, InvalidAction
from engine.actions import ACTION_TYPES, catalogue
from engine.clock import NEW_YORK
from engine.demo import SIGNING_TO_OUTSTANDING, to_repayment
from engine.state import Status

STATES = ("Drafted", "ConditionsPending", "Closed", "Outstanding", "Default", "Repaid")
#: holder:acme holds Notes once they are issued (a third, by transfer from Purchaser, who
#: keeps a majority); holder:nobody never holds any.
ACTORS = ("company", "purchaser", "guarantor", "court", "holder:acme", "holder:nobody")
HOLDER_WITH_NOTES, HOLDER_WITHOUT = "holder:acme", "holder:nobody"
PARTIES = frozenset({"company", "purchaser"})

#: The catalogue's "who may take it", as the actors it admits (PRODUCT.md section 8).
#: "HOLDERS" is every Holder with Notes at that moment (Purchaser while it holds them):
#: the catalogue's "a holder" and "Holders of a majority" (whose count is tried below).
WHO: dict[str, frozenset[str] | str] = {
    "company, purchaser": PARTIES,
    "the party that delivers it": PARTIES,
    "the party it protects": PARTIES,
    "purchaser (5.1(h)) or company (5.2(f))": PARTIES,
    "the party asked for it": PARTIES,
    "either party, court": PARTIES | {"court"},
    "either party": PARTIES,
    "company or purchaser": PARTIES,
    "company": frozenset({"company"}),
    "guarantor": frozenset({"guarantor"}),
    "court": frozenset({"court"}),
    "purchaser": frozenset({"purchaser"}),
    "claimant (company or purchaser)": PARTIES,
    "the indemnifying party": PARTIES,
    "claimant": PARTIES,
    "whoever owes it": "OWES",
    "any party or holder": "PARTIES_AND_HOLDERS",
    "either party or a holder": "PARTIES_AND_HOLDERS",
    "Holders of a majority": "HOLDERS",
    "a holder": "HOLDERS",
    "the transferring holder": "TRANSFEROR",
    "anyone": "ANYONE",
}

#: The messages with which an action is refused for want of authority: who is acting,
#: not what the deal's state is (engine.rules.authority, the rules' own checks).
AUTHORITY = re.compile(r"may not |holds no Notes|is not a Holder|is neither a party nor a "
                       r"Holder|is not a party or holder|cannot .* on behalf of|has not itself|"
                       r" is paid by .*, not |'s to complete")


def within(section: str, sections: set[str]) -> bool:
    """Whether a cited section is one of these or a part of one ("6.2(b)(iv)" of "6.2")."""
    return any(section == s or (section.startswith(s) and section[len(s)] in "( .")
               for s in sections)


def who_may(type_: str, actor: str, holders: frozenset[str], transferor: str | None) -> bool:
    """Whether the catalogue lets `actor` take an action of `type_` while `holders` hold
    Notes (and `transferor` proposed transfer T1). A `holder:<name>` with no Notes may take
    none (PRODUCT.md section 11)."""
    if actor.startswith("holder:") and actor not in holders:
        return False
    who = WHO[ACTION_TYPES[type_].WHO]
    if isinstance(who, frozenset):
        return actor in who
    if who == "OWES":
        return actor == "company"  # the sample payment is interest, which the Company owes
    if who == "PARTIES_AND_HOLDERS":
        return actor in PARTIES or actor in holders
    if who == "HOLDERS":
        return actor in holders
    if who == "TRANSFEROR":
        return actor == transferor if transferor else actor in holders
    return True  # anyone


def sample(type_: str, actor: str, at: str) -> dict[str, Any]:
    """An action of each type, well formed, naming what the built states hold."""
    other = "purchaser" if actor == "company" else "company"
    hand = {"method": "hand", "delivered_at": at}
    fields: dict[str, Any] = {
        "satisfy_condition": {"condition": "5.1(b)"},
        "waive_condition": {"condition": "5.1(b)"},
        "request_instrument": {"description": "a good standing certificate"},
        "deliver_instrument": {"request": "R1"},
        "record_proceeding": {"description": "a suit to enjoin the sale"},
        "resolve_proceeding": {"proceeding": "P1"},
        "record_misrepresentation": {"section": "3.6", "description": "a suit undisclosed"},
        "deliver_notes": {"denominations": ["7500000.00"]},
        "pay": {"purpose": "interest", "amount": "1.00"},
        "amend": {"changes": {"closing_date": "1999-10-28"},
                  "signed_by": ["company", "purchaser"], "in_writing": True},
        "send_notice": {"to": other, "kind": "other", "notice": hand},
        "deliver_report": {"report": "q3-1997"},
        "accelerate": {"notice": hand},
        "waive_default": {"event_of_default": "E1"},
        "request_inspection": {"scope": "properties"},
        "record_breach": {"section": "6.2(b)(iv)", "description": "a lien granted"},
        "remedy_breach": {"breach": "B1"},
        "merge": {"surviving_corporation": "Newco Inc.", "assumes_obligations": True},
        "propose_transfer": {"to_holder": "holder:zed", "principal": "100000.00",
                             "rule_144": True, "opinion": False, "notice": hand},
        "accept_opinion": {"transfer": "T1"},
        "reject_opinion": {"transfer": "T1"},
        "complete_transfer": {"transfer": "T1"},
        "assert_claim": {"against": other if actor in PARTIES else "company",
                         "section": "3.6", "notice": hand,
                         "damages": [{"kind": "losses", "amount": "1000.00"}]},
        "acknowledge_claim": {"claim": "C1"},
        "dispute_claim": {"claim": "C1"},
        "consent_to_settlement": {"claim": "C1"},
        "settle_claim": {"claim": "C1", "amount": "1.00"},
        "adjudicate_claim": {"claim": "C1", "amount": "1.00"},
        "withdraw_claim": {"claim": "C1"},
        "present_expenses": {"amount": "1000.00", "description": "counsel's fees"},
    }.get(type_, {})
    return {"type": type_, "actor": actor, "at": at, **fields}


def _transfer(at: str, to: str, principal: str, transfer: str) -> list[dict[str, Any]]:
    """Purchaser transfers `principal` of Notes to `to` under Rule 144, by hand (7.1-7.3)."""
    hand = {"method": "hand", "delivered_at": at}
    return [{"type": "propose_transfer", "actor": "purchaser", "at": at, "to_holder": to,
             "principal": principal, "rule_144": True, "opinion": False, "notice": hand},
            {"type": "complete_transfer", "actor": "purchaser", "at": at, "transfer": transfer}]


def _transfer_third(at: str) -> list[dict[str, Any]]:
    """Purchaser transfers $2,500,000.00 to Acme Bank under Rule 144 and keeps a majority."""
    return _transfer(at, "holder:acme", "2500000.00", "T1")


def _scripts() -> dict[str, list[dict[str, Any]]]:
    """The actions that take the 1997 deal to each lifecycle state."""
    closed = [a for a in SIGNING_TO_OUTSTANDING if a["at"] <= "1997-10-27T10:30"]
    transfer = _transfer_third("1997-10-28T10:00")
    outstanding = [*SIGNING_TO_OUTSTANDING, *transfer]
    life = to_repayment()[len(SIGNING_TO_OUTSTANDING):]
    return {
        "Drafted": [],
        "ConditionsPending": SIGNING_TO_OUTSTANDING[:2],
        "Closed": closed,
        "Outstanding": outstanding,
        "Default": [*outstanding,
                    {"type": "record_misrepresentation", "actor": "company",
                     "at": "1997-10-29T10:00", "section": "3.6",
                     "description": "a suit was pending and not disclosed"}],
        "Repaid": [*outstanding, *life],
    }


@pytest.fixture(scope="module")
def built() -> dict[str, Deal]:
    """Each lifecycle state, built once by real actions."""
    deals: dict[str, Deal] = {}
    for name, script in _scripts().items():
        deal = Deal.create(None, f"matrix-{name}")
        for action in script:
            result = deal.act(action)
            assert result.accepted, (name, action, result.reasons)
        assert deal.state.status == Status(name), (name, deal.state.status)
        deals[name] = deal
    return deals


def next_moment(deal: Deal) -> str:
    """One hour after the deal's clock, in New York wall time (a business day's hours
    are not needed: the sample inspection is of properties)."""
    clock = deal.state.clock
    assert clock is not None or not deal.events[1:]
    base = (clock.astimezone(NEW_YORK) if clock else None)
    if base is None:
        return "1997-10-20T10:00"
    return (base + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")


def _outcome(deal: Deal, action: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """accepted / refused / invalid, with the reasons, and that a refusal changed nothing."""
    before = len(deal.events)
    try:
        result = deal.act(action)
    except InvalidAction:
        assert len(deal.events) == before
        return "invalid", []
    reasons = [(r.section, r.message) for r in result.reasons]
    if not result.accepted:
        assert len(deal.events) == before, action
        return "refused", reasons
    return "accepted", reasons


CELLS = [(s, t, a) for s in STATES for t in ACTION_TYPES for a in ACTORS]


def test_the_catalogue_says_who_for_every_type() -> None:
    """Every catalogue entry's "who" is one this matrix knows: a new action type, or a
    changed "who", must be stated here before the matrix passes."""
    assert {entry["who"] for entry in catalogue()} <= set(WHO)
    assert len(CELLS) == len(STATES) * len(ACTION_TYPES) * len(ACTORS) >= 6 * 35 * 6


def _authority_refusals(reasons: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [r for r in reasons if AUTHORITY.search(r[1])]


@pytest.mark.parametrize("state_name", STATES)
def test_every_action_by_every_actor(built: dict[str, Deal], state_name: str) -> None:
    """Each cell of one lifecycle state: outside the catalogue's "who", refused citing a
    section the action rests on (or 7.1 for a holder with no Notes); inside it, never
    refused for want of authority."""
    base = built[state_name]
    holders = frozenset(base.state.holders)
    at = next_moment(base)
    wrong: list[str] = []
    for type_ in ACTION_TYPES:
        cls = ACTION_TYPES[type_]
        allowed_sections = {cls.CITES, *cls.RESTS_ON, "7.1"}
        for actor in ACTORS:
            deal = base.fork()
            action = sample(type_, actor, at)
            outcome, reasons = _outcome(deal, action)
            transfer = base.state.transfers.get("T1")
            may = who_may(type_, actor, holders, transfer.holder if transfer else None)
            cell = f"{state_name} {type_} by {actor}"
            if not may:
                cited = [s for s, _ in reasons]
                if outcome == "accepted":
                    wrong.append(f"{cell}: accepted, but the catalogue says {cls.WHO!r}")
                elif outcome == "refused" and not any(within(s, allowed_sections)
                                                      for s in cited):
                    wrong.append(f"{cell}: refused under {cited}, not "
                                 f"{sorted(allowed_sections)}")
                elif outcome == "refused" and not _authority_refusals(reasons):
                    wrong.append(f"{cell}: refused, but not for want of authority: {reasons}")
            elif _authority_refusals(reasons):
                wrong.append(f"{cell}: refused for want of authority although the catalogue "
                             f"says {cls.WHO!r}: {_authority_refusals(reasons)}")
    assert not wrong, "\n".join(wrong)


# --- Holders of a majority: only Holders who act are counted ---------------------------

#: The actions that count Holders of a majority in principal (engine/rules: default.py
#: for acceleration and waiver, covenants.py for the notice of covenant breach).
def _majority_acts(at: str) -> dict[str, Callable[[str, list[str]], dict[str, Any]]]:
    hand = {"method": "hand", "delivered_at": at}
    return {
        "accelerate": lambda actor, joined: {"type": "accelerate", "actor": actor, "at": at,
                                             "notice": hand, "joined_by": joined},
        "waive_default": lambda actor, joined: {"type": "waive_default", "actor": actor,
                                                "at": at, "event_of_default": "E1",
                                                "joined_by": joined},
        "covenant_breach": lambda actor, joined: {
            "type": "send_notice", "actor": actor, "at": at, "to": "company",
            "kind": "covenant_breach", "notice": hand, "joined_by": joined},
    }


def _took_effect(deal: Deal, act_name: str) -> bool:
    """Whether the act of the Holders happened: the Notes accelerated, E1 waived, a notice
    of covenant breach recorded as given."""
    state = deal.state
    if act_name == "accelerate":
        return state.accelerated_at is not None
    if act_name == "waive_default":
        return state.defaults["E1"].ended_by == "waived"
    return any(n.kind == "covenant_breach" for n in state.notices.values())


def _with_breach(deal: Deal) -> Deal:
    """The Default deal with a covenant breach recorded, for the notice of Schedule 1 (c)."""
    twin = deal.fork()
    result = twin.act({"type": "record_breach", "actor": "purchaser",
                       "at": next_moment(twin), "section": "6.2(b)(iv)",
                       "description": "a lien granted"})
    assert result.accepted
    return twin


JOINED = ([], ["purchaser"], ["purchaser", "holder:acme"], ["holder:acme"])


def _majority_cells() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for act_name in ("accelerate", "waive_default", "covenant_breach"):
        for actor in ACTORS:
            for joined in JOINED:
                yield act_name, actor, tuple(joined)


@pytest.mark.parametrize("act_name", ["accelerate", "waive_default", "covenant_breach"])
def test_only_holders_who_act_count_toward_a_majority(built: dict[str, Deal],
                                                      act_name: str) -> None:
    """At Default, with Purchaser holding $5,000,000.00 and Acme Bank $2,500,000.00 of the
    $7,500,000.00: only Purchaser, acting itself, is Holders of a majority. Naming
    Purchaser in `joined_by` lends nobody its principal; a company, guarantor or court
    never counts, with or without it; a refusal cites Schedule 1."""
    base = built["Default"]
    if act_name == "covenant_breach":
        base = _with_breach(base)
    at = next_moment(base)
    make = _majority_acts(at)[act_name]
    wrong: list[str] = []
    for actor in ACTORS:
        for joined in JOINED:
            deal = base.fork()
            outcome, reasons = _outcome(deal, make(actor, list(joined)))
            cell = f"{act_name} by {actor} joined_by {joined}"
            happened = _took_effect(deal, act_name)
            # Purchaser alone holds a majority; the only one named in joined_by who has
            # acted is itself.
            expect = actor == "purchaser" and set(joined) <= {"purchaser"}
            if happened != expect:
                wrong.append(f"{cell}: {'took effect' if happened else 'did not take effect'}"
                             f" ({outcome}, {reasons})")
            if actor not in ("purchaser", HOLDER_WITH_NOTES) and outcome != "refused":
                wrong.append(f"{cell}: {outcome}; only a Holder with Notes may act")
            if outcome == "refused" and not any(s.startswith("Schedule 1") for s, _ in reasons):
                wrong.append(f"{cell}: refused without citing Schedule 1: {reasons}")
    assert not wrong, "\n".join(wrong)


def test_a_holder_who_transferred_its_notes_counts_for_nothing(built: dict[str, Deal]) -> None:
    """Counted at the instant the act would take effect, after transfers: Purchaser, having
    transferred all its Notes, lends nothing to Acme Bank's acceleration."""
    deal = built["Default"].fork()
    at = next_moment(deal)
    for action in _transfer_all_to_zed(at):
        assert deal.act(action).accepted
    assert deal.state.holders == {"holder:acme": Decimal("2500000.00"),
                                  "holder:zed": Decimal("5000000.00")}
    outcome, _ = _outcome(deal, {"type": "accelerate", "actor": "holder:acme", "at": at,
                                 "notice": {"method": "hand", "delivered_at": at},
                                 "joined_by": ["purchaser"]})
    assert outcome == "refused"
    assert deal.state.accelerated_at is None


def _transfer_all_to_zed(at: str) -> list[dict[str, Any]]:
    """Purchaser transfers its remaining $5,000,000.00 to zed (the second transfer)."""
    return _transfer(at, "holder:zed", "5000000.00", "T2")
