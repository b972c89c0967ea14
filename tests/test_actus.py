"""The ACTUS reference test bed for PAM (principal at maturity) against `payment_schedule`.

`../shared/data/actus-tests-pam.json` (actusfrf/actus-tests, CC BY-SA 4.0; see
the README beside it) gives 25 cases, each with its contract terms and the
event schedule ACTUS expects. Every case the term sheet can express becomes a
`NoteTerms`, and its interest payment (IP) dates and amounts must equal
ACTUS's to the cent, with the principal (MD) at maturity:

- principal, rate, maturity, the cycle anchor and cycle ("P1ML0": one month,
  "L0" a long stub, "L1" a short one) map one to one; day counts A365 ->
  ACT/365, A360 -> ACT/360, AA -> ACT/ACT, 30E360 -> 30E/360 (30E360ISDA is
  not the 30/360 bond basis, and no case uses it);
- the issue date is the initial exchange date or, when the status date
  follows it, the status date: ACTUS accrues from there (pam13);
- the first interest date is the first cycle date after the issue date; the
  IP event ACTUS puts on the cycle anchor when the anchor is the initial
  exchange date pays the 0.00 accrued by then and has no counterpart;
- calendars: no business-day convention -> "none" (ACTUS moves no date,
  whatever its calendar); "CSF" (calculate on the unadjusted date, then shift
  to the following business day, our rule) with calendar "MF" (Monday to
  Friday) -> "weekends";
- an end-of-month convention "EOM" is honoured when the anchor is the 31st
  (counting from it with month ends clipped gives every month's end) or not
  a month's last day (then EOM changes nothing);
- `premiumDiscountAtIED` changes only what is paid at the initial exchange
  (ACTUS's IED payoff: principal plus premium), which our term sheet states
  as the Purchase Price (`deal.purchase_price`), not the interest: those cases
  are run, and the IED payoff is checked against principal plus premium;
- `contractRole` RPA (the lender's side) sees positive interest, RPL (the
  borrower's) negative: amounts are compared by magnitude, the sign by role.

Run: pam01, pam02, pam03, pam04, pam05, pam08, pam13, pam15, pam16 (9 cases).

Excluded (16), each for a term the term sheet cannot express; `EXCLUDED` below
holds the same list, and a test checks it against the terms themselves:

- pam06 (CSMF), pam07 (SCMF), pam10 and pam11 (SCMP): modified following or
  modified preceding business days: the term sheet pays on the following
  business day only;
- pam09 (SCF): "shift then calculate" counts interest to the shifted date;
  ours counts it to the unadjusted date;
- pam12, pam20: bought on a purchase date and terminated before maturity
  (PRD, TD events): a secondary-market trade, not a schedule;
- pam14: interest accrued before the status date (`accruedInterest` 50, paid
  at the initial exchange): the term sheet accrues from the issue date only;
- pam17: a cycle of 27 days: the term sheet's cycles are months or years;
- pam18, pam19: interest capitalised into principal until a date (IPCI);
  pam19 also shifts then calculates (SCF);
- pam21, pam22, pam23, pam24: the rate resets on a cycle from market data
  (RR events; pam22 also multiplies the rate by 2.5): the rate is fixed;
- pam25: maturity at 23:59:59 on 2013-12-31: the term sheet's dates have no
  time of day, and ACTUS counts that last day as a whole day (61 days
  from November 1), which no date-only maturity gives.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from contract import NoteTerms
from engine.schedule import payment_schedule

#: The ACTUS reference cases, shipped with the tests (tests/data/README.md: CC BY-SA 4.0).
DATA = Path(__file__).resolve().parent / "data" / "actus-tests-pam.json"
CASES: dict[str, dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))

DAY_COUNTS = {"A365": "ACT/365", "A360": "ACT/360", "AA": "ACT/ACT", "30E360": "30E/360"}
#: Terms read here, whatever their value (some are checked below).
UNDERSTOOD = {
    "contractType", "contractID", "currency", "contractDealDate", "contractRole", "statusDate",
    "notionalPrincipal", "initialExchangeDate", "maturityDate", "nominalInterestRate",
    "cycleAnchorDateOfInterestPayment", "cycleOfInterestPayment", "dayCountConvention",
    "endOfMonthConvention", "premiumDiscountAtIED", "rateMultiplier", "calendar",
    "businessDayConvention", "accruedInterest",
}
_CYCLE = re.compile(r"^P(\d+)([DWMQHY])L([01])$")
_MONTHS = {"M": 1, "Q": 3, "H": 6, "Y": 12}

EXCLUDED = {
    "pam06": "business day convention CSMF (modified following)",
    "pam07": "business day convention SCMF (modified following)",
    "pam09": "business day convention SCF (shift, then calculate to the shifted date)",
    "pam10": "business day convention SCMP (modified preceding)",
    "pam11": "business day convention SCMP (modified preceding)",
    "pam12": "bought and terminated before maturity (purchaseDate)",
    "pam14": "interest accrued before the status date (accruedInterest 50)",
    "pam17": "a cycle in days (P27DL1)",
    "pam18": "interest capitalised (capitalizationEndDate)",
    "pam19": "interest capitalised (capitalizationEndDate)",
    "pam20": "bought and terminated before maturity (purchaseDate)",
    "pam21": "the rate resets (cycleOfRateReset)",
    "pam22": "the rate resets (cycleOfRateReset)",
    "pam23": "the rate resets (cycleOfRateReset)",
    "pam24": "the rate resets (cycleOfRateReset)",
    "pam25": "maturity at a time of day (2013-12-31T23:59:59)",
}


def _day(text: str) -> date:
    """An ACTUS date-time as a date; a time of day other than midnight is refused."""
    moment = datetime.fromisoformat(text)
    if moment.time() != datetime.min.time():
        raise ValueError(f"at a time of day ({text})")
    return moment.date()


def _add_months(day: date, months: int) -> date:
    """`day` plus whole months, the month's end clipped."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    after = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (after - date(year, month, 1)).days))


def why_not(terms: dict[str, Any]) -> str | None:
    """Why the term sheet cannot express these ACTUS terms, or None if it can."""
    if "purchaseDate" in terms or "terminationDate" in terms:
        return "bought and terminated before maturity (purchaseDate)"
    if "capitalizationEndDate" in terms:
        return "interest capitalised (capitalizationEndDate)"
    if "cycleOfRateReset" in terms:
        return "the rate resets (cycleOfRateReset)"
    for key in terms:
        if key not in UNDERSTOOD:
            return f"an unsupported term ({key})"
    cycle = _CYCLE.match(terms.get("cycleOfInterestPayment", ""))
    if cycle is None or cycle.group(2) not in _MONTHS:
        return f"a cycle in days ({terms.get('cycleOfInterestPayment')})"
    accrued = terms.get("accruedInterest", "0")
    if Decimal(str(accrued)) != 0:
        return f"interest accrued before the status date (accruedInterest {accrued})"
    convention = terms.get("businessDayConvention", "NOS")
    if convention not in ("NOS", "CSF"):
        kind = {"SCF": "shift, then calculate to the shifted date", "CSMF": "modified following",
                "SCMF": "modified following", "CSMP": "modified preceding",
                "SCMP": "modified preceding", "CSP": "preceding", "SCP": "preceding"}
        return f"business day convention {convention} ({kind.get(convention, 'unknown')})"
    if convention == "CSF" and terms.get("calendar", "NC") not in ("NC", "MF"):
        return f"calendar {terms['calendar']}"
    if terms["dayCountConvention"] not in DAY_COUNTS:
        return f"day count {terms['dayCountConvention']}"
    if Decimal(str(terms.get("rateMultiplier", "1"))) != 1:
        return f"a rate multiplier {terms['rateMultiplier']}"
    try:
        _day(terms["maturityDate"])
    except ValueError:
        return f"maturity at a time of day ({terms['maturityDate']})"
    anchor = _day(terms["cycleAnchorDateOfInterestPayment"])
    month_end = (anchor + timedelta(days=1)).day == 1
    if terms.get("endOfMonthConvention") == "EOM" and month_end and anchor.day != 31:
        return f"end of month from an anchor on the {anchor.day}th"
    return None


def note_terms(terms: dict[str, Any]) -> NoteTerms:
    """The [notes] of a term sheet that express the ACTUS terms (see the module docstring)."""
    cycle = _CYCLE.match(terms["cycleOfInterestPayment"])
    assert cycle is not None
    months = int(cycle.group(1)) * _MONTHS[cycle.group(2)]
    interest_cycle = f"{months}M"
    issue = max(_day(terms["initialExchangeDate"]), _day(terms["statusDate"]))
    anchor = _day(terms["cycleAnchorDateOfInterestPayment"])
    count = 0
    while _add_months(anchor, count * months) <= issue:
        count += 1
    shifts = terms.get("businessDayConvention", "NOS") == "CSF"
    return NoteTerms(
        principal=Decimal(str(terms["notionalPrincipal"])),
        rate=Decimal(str(terms["nominalInterestRate"])),
        issue_date=issue,
        maturity=_day(terms["maturityDate"]),
        first_interest_date=_add_months(anchor, count * months),
        cycle_anchor=anchor,
        interest_cycle=interest_cycle,
        stub="long" if cycle.group(3) == "0" else "short",
        day_count=DAY_COUNTS[terms["dayCountConvention"]],
        business_days="weekends" if shifts and terms.get("calendar") == "MF" else "none",
    )


def cents(payoff: float) -> Decimal:
    """An ACTUS payoff's magnitude, rounded half up to the cent."""
    return abs(Decimal(repr(payoff))).quantize(Decimal("0.01"), ROUND_HALF_UP)


RUN = sorted(case for case in CASES if why_not(CASES[case]["terms"]) is None)


def test_the_excluded_cases_are_the_documented_ones() -> None:
    """Every case is run or excluded for the reason the module docstring gives."""
    found = {case: why_not(body["terms"]) for case, body in CASES.items()}
    assert {case: why for case, why in found.items() if why is not None} == EXCLUDED
    assert RUN == ["pam01", "pam02", "pam03", "pam04", "pam05", "pam08", "pam13", "pam15",
                   "pam16"]


@pytest.mark.parametrize("case", RUN)
def test_interest_payments_equal_actus(case: str) -> None:
    """Every IP event of the case: the same payment date and amount to the cent."""
    body = CASES[case]
    terms = note_terms(body["terms"])
    events = body["results"]
    sign = -1 if body["terms"]["contractRole"] == "RPL" else 1
    # the IP on an anchor that is the issue date pays nothing accrued: no counterpart
    opening = [e for e in events if e["eventType"] == "IP"
               and _day(e["eventDate"]) <= terms.issue_date]
    assert all(e["payoff"] == 0 for e in opening), opening
    expected = [(_day(e["eventDate"]), cents(e["payoff"])) for e in events
                if e["eventType"] == "IP" and _day(e["eventDate"]) > terms.issue_date]
    assert all(sign * e["payoff"] >= 0 for e in events if e["eventType"] == "IP")
    schedule = payment_schedule(terms)
    ours = [(p.payment_date, p.amount) for p in schedule if p.kind == "interest"]
    assert ours == expected
    (maturity,) = [e for e in events if e["eventType"] == "MD"]
    assert (schedule[-1].kind, schedule[-1].payment_date, schedule[-1].amount) \
        == ("principal", _day(maturity["eventDate"]), cents(maturity["payoff"]))


@pytest.mark.parametrize("case", [c for c in RUN if any(
    e["eventType"] == "IED" for e in CASES[c]["results"])])
def test_the_initial_exchange_is_principal_plus_premium(case: str) -> None:
    """ACTUS's IED pays principal plus `premiumDiscountAtIED`: our Purchase Price, not interest."""
    terms = CASES[case]["terms"]
    (exchange,) = [e for e in CASES[case]["results"] if e["eventType"] == "IED"]
    price = Decimal(str(terms["notionalPrincipal"])) \
        + Decimal(str(terms.get("premiumDiscountAtIED", "0")).strip())
    assert cents(exchange["payoff"]) == price
    assert _day(exchange["eventDate"]) == note_terms(terms).issue_date
