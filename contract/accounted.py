"""Every section and Schedule accounted for: modelled by the engine, or listed with the reason.

Each key of the agreement (`contract.text.SECTIONS`) and each of its eight
Schedules is in exactly one of two tables here: `_MODELLED`, which says in a
few words which actions and rules carry it (action types in backticks), or
`_NOT_MODELLED`, which says why the engine has nothing to decide under it
(8.11 and 8.14 are not operative at all; 8.12, 8.13 and 8.15 are operative
but leave the engine nothing to do; Schedules 2 to 8 were omitted from the
filing). `unaccounted` is the check: a section in neither table is a defect.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from contract import text
from contract._frozen import FrozenMap
from contract.clauses import clause
from contract.schedules import schedule, schedules


@attrs.frozen
class Account:
    """How one section or Schedule is accounted for."""

    section: str
    heading: str
    modelled: bool
    operative: bool
    how: str

    def to_dict(self) -> dict[str, object]:
        """The account as `npa sections --json` prints it."""
        return {"section": self.section, "heading": self.heading, "modelled": self.modelled,
                "operative": self.operative, "how": self.how}


_COMPANY_REP = ("a representation of the Company: recorded untrue with "
                "`record_misrepresentation` (failing 5.1(a) before the Closing, an Event of "
                "Default (d) after it) or claimed on under 8.10 with `assert_claim`")
_PURCHASER_REP = ("a representation of Purchaser: recorded untrue with "
                  "`record_misrepresentation` (failing 5.2(a)) or claimed on under 8.10(b) "
                  "with `assert_claim`")
_BREACH = ("a covenant with no date the engine can track: a failure is recorded with "
           "`record_breach` and remedied with `remedy_breach`; notice of it under Schedule 1 "
           "(c) with `send_notice`")
_DELIVERY = "met by delivery (`satisfy_condition`), or waived in writing (`waive_condition`)"
_ABSENCE = ("met unless something is recorded against it, judged at the Closing (`close`); "
            "waived in writing (`waive_condition`)")
_SETTLEMENT = "met at the Closing itself by delivery against payment (`deliver_notes`, `pay`)"
_OMITTED = ("omitted from the filing (\"Schedules ... have been omitted\"), so its contents "
            "are unknown")

_MODELLED: Mapping[str, str] = FrozenMap({
    "preamble": "the parties and their defined terms (contract.parties); `sign` binds them",
    "1.1": ("the Notes' principal, rate and maturity and the Purchase Price are the term "
            "sheet; `deliver_notes` checks the principal"),
    "1.2": "delivery of the Notes against payment of the Purchase Price (`deliver_notes`, "
           "`pay`)",
    "2.1": "`close` is held on the Closing Date only; `amend` moves the date in writing",
    "2.2": ("`deliver_notes` in denominations, `pay` of the Purchase Price and of the "
            "Transaction Fee, which stays owed if 5.1(g) is waived"),
    "3": "its opening words make 3.1-3.19 the Company's representations and warranties",
    **{f"3.{n}": _COMPANY_REP for n in range(1, 20)},
    "3.7(a)": _COMPANY_REP,
    "3.7(b)": _COMPANY_REP,
    **{f"4.{n}": _PURCHASER_REP for n in range(1, 5)},
    "5.1": "Purchaser's conditions to the Closing, waived only by Purchaser "
           "(`waive_condition`)",
    "5.1(a)": _ABSENCE + "; the representations are made again on the Closing Date",
    "5.1(b)": _DELIVERY + "; the certificate is dated the Closing Date",
    "5.1(c)": _SETTLEMENT + " and `deliver_guarantee`",
    "5.1(d)": _DELIVERY,
    "5.1(e)": _ABSENCE + "; `record_proceeding`, `resolve_proceeding`",
    "5.1(f)": _DELIVERY,
    "5.1(g)": ("met when the Company has paid the Transaction Fee to Nomura Holding America, "
               "Inc. (`pay` with purpose transaction_fee); waived by Purchaser, the fee stays "
               "owed under 2.2"),
    "5.1(h)": _ABSENCE + "; `request_instrument`, `deliver_instrument`",
    "5.2": "the Company's conditions to the Closing, waived only by the Company "
           "(`waive_condition`)",
    "5.2(a)": _ABSENCE + "; the representations are made again on the Closing Date",
    "5.2(b)": _DELIVERY + "; the certificate is dated the Closing Date",
    "5.2(c)": _SETTLEMENT,
    "5.2(d)": _ABSENCE + "; `record_proceeding`, `resolve_proceeding`",
    "5.2(e)": _DELIVERY,
    "5.2(f)": _ABSENCE + "; `request_instrument`, `deliver_instrument`",
    "6": "the covenants bind from the Closing Date while Notes are outstanding",
    "6.1": "the reports owed, each with its due date (`deliver_report`)",
    "6.1(a)": "the annual report, due within 100 days of the year end (`deliver_report`)",
    "6.1(b)": "the quarterly reports, due within 55 days of the quarter end "
              "(`deliver_report`)",
    "6.1(c)": _BREACH,
    "6.1(d)": _BREACH,
    "6.1(e)": _BREACH,
    "6.2": "the Holders' rights and the Company's further covenants",
    "6.2(a)": "the Holders' rights to notice and inspection",
    "6.2(a)(i)": "the Company's prompt notice of a default (`send_notice`), an obligation "
                 "in status",
    "6.2(a)(ii)": "inspection of properties while an Event of Default continues "
                  "(`request_inspection`)",
    "6.2(a)(iii)": "examination of books at reasonable times (`request_inspection`)",
    "6.2(b)": _BREACH,
    "6.2(b)(i)": _BREACH,
    "6.2(b)(ii)": _BREACH,
    "6.2(b)(iii)": _BREACH,
    "6.2(b)(iv)": _BREACH,
    "6.3": "`merge`: without the Surviving Corporation's assumption, a breach of 6.3",
    "7.1": "Notes pass only by `propose_transfer` and `complete_transfer`",
    "7.2": "the restrictive legend on each Holder's certificates (status: legends)",
    "7.2(a)": "each certificate bears the legend unless 7.3 permits otherwise",
    "7.2(b)": "the legend comes off under Rule 144 or an opinion that it may; the Company's "
              "agreement to issue a clean instrument founds a claim (`assert_claim`)",
    "7.3": ("the notice of proposed transfer (`propose_transfer`) with an opinion the "
            "Company accepts or rejects (`accept_opinion`, `reject_opinion`)"),
    "8.1": "the court is an actor: `adjudicate_claim`, `record_proceeding`, "
           "`declare_insolvency`",
    "8.1(b)": "the court decides claims (`adjudicate_claim`) and proceedings "
              "(`resolve_proceeding`); which court it is the engine does not check",
    "8.2": "claims under 8.10 run after the Closing and after repayment (`assert_claim`)",
    "8.3": ("successors: a Surviving Corporation that assumes the obligations is the Company "
            "for every later action (`merge`); assigns: a transferee of Notes is a Holder "
            "(`complete_transfer`)"),
    "8.4": ("`amend` needs a written instrument signed by the Company and Purchaser; so does "
            "a waiver (`waive_condition`, `waive_default`)"),
    "8.5": "notices by hand, registered or certified mail, or facsimile (`send_notice`)",
    "8.6": "delay waives nothing; `waive_default` waives only the default it names",
    "8.7": "the representations and agreements of both parties that no broker has a claim",
    "8.7(a)": _COMPANY_REP,
    "8.7(b)": _PURCHASER_REP,
    "8.8": ("Purchaser's agreement to keep information confidential, on which the Company "
            "may claim under 8.10(b) (`assert_claim`); the engine sees no information"),
    "8.9": ("`present_expenses` of Purchaser's counsel for the preparation, execution and "
            "delivery, paid by the Company (`pay`)"),
    "8.10": ("claims by notice (`assert_claim`), answered (`acknowledge_claim`, "
             "`dispute_claim`), settled by both sides (`consent_to_settlement`, "
             "`settle_claim`), decided (`adjudicate_claim`), paid (`pay`), withdrawn "
             "(`withdraw_claim`)"),
    "8.10(a)": "Purchaser's claims against the Company (`assert_claim`)",
    "8.10(b)": "the Company's claims against Purchaser (`assert_claim`)",
    "signature page": "both parties `sign`; the agreement binds once both have",
    "Schedule 1": ("omitted from the filing: its payment and default terms are ASSUMED in the "
                   "term sheet and cited as Schedule 1 (`pay`, `accelerate`, `waive_default`)"),
})

_NOT_MODELLED: Mapping[str, str] = FrozenMap({
    "8.1(a)": ("it names the law a court applies; the engine has no rules of New York law "
               "beyond the agreement's own words (it keeps New York time and New York banking "
               "days where the agreement and Schedule 1 need them)"),
    "8.12": ("whether a provision is unenforceable is for a court; no action records it, and "
             "if one were found, the other provisions stand, as the engine keeps them"),
    "8.13": ("a rule for whoever construes the agreement: the engine's own decisions (README, "
             "Decisions) construe it fairly as to both parties and against neither as drafter; "
             "its \"acknowledge and agree\" is listed as an agreement of both (8.10)"),
    "8.15": ("the Schedules were omitted from the filing, so there is no disclosure in one "
             "for the engine to read into another"),
    "Schedule 2": (f"{_OMITTED}: the engine keeps no list of subsidiaries; whether 3.3 is "
                   "true is recorded or claimed on like any representation"),
    "Schedule 3": (f"{_OMITTED}: the engine keeps no list of pending actions; whether 3.6 is "
                   "true is recorded or claimed on like any representation"),
    "Schedule 4": (f"{_OMITTED}: whether 3.10 is true is recorded or claimed on like any "
                   "representation"),
    "Schedule 5": (f"{_OMITTED}: whether 3.14 is true is recorded or claimed on like any "
                   "representation"),
    "Schedule 6": (f"{_OMITTED}: whether 3.15 is true is recorded or claimed on like any "
                   "representation"),
    "Schedule 7": (f"{_OMITTED}: whether 3.18 is true is recorded or claimed on like any "
                   "representation"),
    "Schedule 8": (f"{_OMITTED}: an opinion cannot be compared with its form; the opinion "
                   "the Company delivers for 5.1(d) (`satisfy_condition`) is taken to be in "
                   "the form of Schedule 8, and Purchaser may waive it (`waive_condition`)"),
})


def keys() -> tuple[str, ...]:
    """Every key to account for: each section of the agreement, then each Schedule."""
    return text.SECTIONS + tuple(item.key for item in schedules())


def unaccounted(sections: Iterable[str] | None = None,
                modelled: Mapping[str, str] | None = None,
                not_modelled: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The sections (and Schedules) neither modelled nor listed with a reason.

    Every non-operative clause (8.11, 8.14) counts as listed, with its reason.
    Also names any key in both tables, which would say two things of it.

    Args:
        sections: the keys to check (default: `keys()`).
        modelled: the table of modelled keys (default: this module's).
        not_modelled: the table of keys not modelled, with reasons (default: this module's).
    """
    modelled = _MODELLED if modelled is None else modelled
    not_modelled = _NOT_MODELLED if not_modelled is None else not_modelled
    found = []
    for key in keys() if sections is None else sections:
        listed = (key in modelled) + (key in not_modelled) + (not _operative(key))
        if listed != 1:
            found.append(key)
    return tuple(found)


def _operative(key: str) -> bool:
    """Whether a section (or Schedule) has operative content."""
    return key.startswith("Schedule") or clause(key).operative


def _heading(key: str) -> str:
    """The heading the agreement gives a section, or the title of a Schedule."""
    if key.startswith("Schedule"):
        return schedule(key).title
    return clause(key).heading


def account(key: str) -> Account:
    """How a section ("8.12") or Schedule ("Schedule 8") is accounted for.

    Raises:
        KeyError: neither a section of the agreement nor one of its Schedules.
    """
    heading = _heading(key)
    if not _operative(key):
        return Account(key, heading, False, False, clause(key).why_not_operative or "")
    if key in _MODELLED:
        return Account(key, heading, True, True, _MODELLED[key])
    return Account(key, heading, False, True, _NOT_MODELLED[key])


def accounts() -> tuple[Account, ...]:
    """Every section and Schedule, in order, with how it is accounted for."""
    return tuple(account(key) for key in keys())
