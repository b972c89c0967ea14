"""The payment schedule of the Notes (Schedule 1, ASSUMED), its day counts and calendars.

Hand-worked examples first, then QuantLib as an independent oracle: its
Federal Reserve calendar for every day from 1990, its day counters on random
periods, and a property test that builds the same bond (`ql.Schedule`,
`ql.FixedRateBond`) from random term sheets and compares every payment date
and every amount to the cent.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from contract import DEFAULT_TERMS, NoteTerms, TermsError
from contract.terms import cycle_months
from engine.business_days import federal_reserve_holidays, following, is_business_day
from engine.daycount import CONVENTIONS, day_count_ratio, year_fraction
from engine.schedule import (
    InterestPeriod,
    Payment,
    accrued_interest,
    accrued_interest_on,
    interest_periods,
    payment_schedule,
    schedule_to_json,
)

ql: Any = pytest.importorskip("QuantLib", reason="QuantLib (a dev dependency) is not installed")

D = Decimal
NOTES_1997 = DEFAULT_TERMS.notes


def notes(**changes: Any) -> NoteTerms:
    """The 1997 notes with some terms changed."""
    return attrs.evolve(NOTES_1997, **changes)


def interest_dates(payments: tuple[Payment, ...]) -> list[tuple[date, date]]:
    """The (unadjusted, adjusted) dates of the interest payments."""
    return [(p.date, p.payment_date) for p in payments if p.kind == "interest"]


# --- day counts ----------------------------------------------------------------


class TestYearFraction:
    """`year_fraction`: the ISDA 2006 4.16 day counts, exactly."""

    def test_act_act_isda_splits_the_period_at_the_new_year(self) -> None:
        """ISDA's own example: 2003-11-01 to 2004-05-01 is 61/365 + 121/366."""
        assert year_fraction("ACT/ACT", date(2003, 11, 1), date(2004, 5, 1)) \
            == Fraction(61, 365) + Fraction(121, 366)

    def test_act_act_isda_over_several_years(self) -> None:
        """1999-07-01 to 2002-03-01: 184/365 + 366/366 + 365/365 + 59/365."""
        assert year_fraction("ACT/ACT", date(1999, 7, 1), date(2002, 3, 1)) \
            == Fraction(184, 365) + 1 + 1 + Fraction(59, 365)

    def test_act_act_within_a_leap_year(self) -> None:
        """A period inside 2004 counts its days over 366."""
        assert year_fraction("ACT/ACT", date(2004, 2, 1), date(2004, 3, 1)) == Fraction(29, 366)

    def test_the_1997_first_period_is_94_days_of_30_360(self) -> None:
        """1997-10-27 to 1998-02-01 is 94 days on the bond basis: 3 in October, 30 x 3, 1."""
        assert year_fraction("30/360", date(1997, 10, 27), date(1998, 2, 1)) == Fraction(94, 360)

    @pytest.mark.parametrize(("start", "end", "bond", "euro"), [
        # D1 = 31 becomes 30 under both: January 31 to February 28 is 28 days.
        (date(2007, 1, 31), date(2007, 2, 28), 28, 28),
        # D2 = 31 becomes 30 under the bond basis only when D1 is 30 or 31.
        (date(2007, 1, 30), date(2007, 3, 31), 60, 60),
        (date(2007, 1, 31), date(2007, 3, 31), 60, 60),
        (date(2007, 1, 15), date(2007, 3, 31), 76, 75),
        # February's end is not moved by either (that is 30E/360 ISDA, 4.16(h)).
        (date(2007, 2, 28), date(2007, 3, 31), 33, 32),
        (date(2008, 2, 29), date(2008, 8, 31), 182, 181),
        (date(2007, 12, 31), date(2008, 1, 31), 30, 30),
        (date(1998, 2, 1), date(1998, 8, 1), 180, 180),
        (date(2007, 3, 30), date(2007, 3, 31), 0, 0),
    ])
    def test_thirty_360_bond_basis_and_eurobond_basis(
            self, start: date, end: date, bond: int, euro: int) -> None:
        """4.16(f) and 4.16(g) on the cases where they part."""
        assert year_fraction("30/360", start, end) == Fraction(bond, 360)
        assert year_fraction("30E/360", start, end) == Fraction(euro, 360)

    def test_actual_over_360_and_365_fixed(self) -> None:
        """2004-01-01 to 2004-07-01 is 182 actual days, over 360 or over 365 (leap or not)."""
        assert year_fraction("ACT/360", date(2004, 1, 1), date(2004, 7, 1)) == Fraction(182, 360)
        assert year_fraction("ACT/365", date(2004, 1, 1), date(2004, 7, 1)) == Fraction(182, 365)

    def test_an_empty_period_is_zero(self) -> None:
        """Every convention gives 0 from a day to itself."""
        assert {year_fraction(c, date(2000, 2, 29), date(2000, 2, 29)) for c in CONVENTIONS} \
            == {0}

    def test_unknown_conventions_and_backward_periods_are_refused(self) -> None:
        """A convention not in the list, or an end before the start, raises ValueError."""
        with pytest.raises(ValueError, match="unknown day count 'ACT/365L'"):
            year_fraction("ACT/365L", date(2000, 1, 1), date(2000, 2, 1))
        with pytest.raises(ValueError, match="ends"):
            year_fraction("ACT/360", date(2000, 2, 1), date(2000, 1, 1))

    def test_the_ratio_is_the_fraction_unreduced(self) -> None:
        """`day_count_ratio` is the same value as a pair of ints."""
        numerator, denominator = day_count_ratio("ACT/ACT", date(2003, 11, 1), date(2004, 5, 1))
        assert Fraction(numerator, denominator) == Fraction(61, 365) + Fraction(121, 366)


QL_DAY_COUNTS = {
    "30/360": lambda: ql.Thirty360(ql.Thirty360.BondBasis),
    "30E/360": lambda: ql.Thirty360(ql.Thirty360.European),
    "ACT/360": lambda: ql.Actual360(),
    "ACT/365": lambda: ql.Actual365Fixed(),
    "ACT/ACT": lambda: ql.ActualActual(ql.ActualActual.ISDA),
}
QL_CALENDARS = {
    "new-york": lambda: ql.UnitedStates(ql.UnitedStates.FederalReserve),
    "weekends": lambda: ql.WeekendsOnly(),
    "none": lambda: ql.NullCalendar(),
}


def qd(day: date) -> Any:
    """A QuantLib date."""
    return ql.Date(day.day, day.month, day.year)


def py_date(day: Any) -> date:
    """A Python date from a QuantLib one."""
    return date(day.year(), day.month(), day.dayOfMonth())


days_1990_2060 = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
month_ends = st.builds(lambda y, m: date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1),
                       st.integers(1990, 2060), st.integers(1, 12))


@settings(max_examples=300, deadline=None)
@given(convention=st.sampled_from(CONVENTIONS), start=days_1990_2060 | month_ends,
       length=st.integers(0, 800) | st.sampled_from([0, 1, 28, 29, 30, 31, 59, 365, 366]))
def test_day_counts_agree_with_quantlib(convention: str, start: date, length: int) -> None:
    """Each day count gives QuantLib's year fraction (its day counter, same convention)."""
    end = start + timedelta(days=length)
    ours = year_fraction(convention, start, end)
    theirs = QL_DAY_COUNTS[convention]().yearFraction(qd(start), qd(end))
    assert float(ours) == pytest.approx(theirs, abs=1e-13)


# --- business days ---------------------------------------------------------------


class TestBusinessDays:
    """`is_business_day` and `following`: New York banking days, weekdays, every day."""

    @pytest.mark.parametrize(("day", "banking"), [
        (date(1997, 11, 11), False),  # Veterans Day, a Tuesday: the Fed is closed
        (date(1998, 10, 12), False),  # Columbus Day
        (date(1998, 5, 25), False),  # Memorial Day
        (date(1998, 4, 10), True),  # Good Friday is a banking day
        (date(1998, 2, 2), True),  # the Monday after the 1998-02-01 coupon date
        (date(1998, 2, 1), False),  # a Sunday
        (date(1998, 8, 1), False),  # a Saturday
        (date(1999, 12, 31), True),  # Friday; New Year's Day 2000 is a Saturday, not moved
        (date(2000, 1, 17), False),  # MLK Day
        (date(1998, 1, 19), False),  # MLK Day
        (date(1998, 2, 16), False),  # Washington's Birthday
        (date(1998, 7, 3), True),  # Friday; Independence Day 1998 is a Saturday
        (date(1998, 9, 7), False),  # Labor Day
        (date(1998, 11, 26), False),  # Thanksgiving
        (date(1998, 11, 27), True),  # the Friday after Thanksgiving
        (date(1999, 7, 5), False),  # Independence Day 1999 is a Sunday: Monday observed
        (date(1999, 12, 24), True),  # Christmas 1999 is a Saturday: Friday stays open
        (date(1997, 12, 26), True),
        (date(1999, 11, 11), False),  # Veterans Day, a Thursday
        (date(2021, 6, 18), True),  # Juneteenth starts for the Fed in 2022
        (date(2022, 6, 20), False),  # Juneteenth 2022 is a Sunday: Monday observed
        (date(2023, 6, 19), False),
        (date(2017, 1, 2), False),  # New Year's Day 2017 is a Sunday
    ])
    def test_new_york_banking_days(self, day: date, banking: bool) -> None:
        """The Federal Reserve's holidays; Sunday moves to Monday, Saturday to no day."""
        assert is_business_day(day, "new-york") is banking

    def test_1998_has_the_federal_reserve_ten_holidays(self) -> None:
        """1998: ten holidays, Independence Day (a Saturday) observed on no weekday."""
        assert sorted(federal_reserve_holidays(1998)) == [
            date(1998, 1, 1), date(1998, 1, 19), date(1998, 2, 16), date(1998, 5, 25),
            date(1998, 9, 7), date(1998, 10, 12), date(1998, 11, 11), date(1998, 11, 26),
            date(1998, 12, 25)]

    def test_agrees_with_quantlib_federal_reserve_every_day_1990_to_2100(self) -> None:
        """Every day of 1990-2100 is a banking day here exactly when QuantLib says so.

        QuantLib's `UnitedStates.FederalReserve` agrees with these rules on
        every day from 1986 (checked by hand to 2100). Before that it differs
        on purpose or by history outside our range: it has MLK Day from 1983
        (the holiday began in 1986) and does not model the 1971-1977 Veterans
        Day on the fourth Monday of October; so no year is skipped here.
        """
        calendar = QL_CALENDARS["new-york"]()
        day, end = date(1990, 1, 1), date(2101, 1, 1)
        differ = []
        while day < end:
            if calendar.isBusinessDay(qd(day)) != is_business_day(day, "new-york"):
                differ.append(day)
            day += timedelta(days=1)
        assert differ == []

    def test_weekends_and_none(self) -> None:
        """"weekends" closes Saturday and Sunday only; "none" is open every day."""
        assert is_business_day(date(1997, 11, 11), "weekends")
        assert not is_business_day(date(1998, 2, 1), "weekends")
        assert is_business_day(date(1998, 2, 1), "none")

    def test_following_moves_to_the_next_business_day(self) -> None:
        """Sunday 1998-02-01 to Monday; Saturday 1998-10-10 past Columbus Day to Tuesday."""
        assert following(date(1998, 2, 1), "new-york") == date(1998, 2, 2)
        assert following(date(1998, 10, 10), "new-york") == date(1998, 10, 13)
        assert following(date(1998, 10, 10), "weekends") == date(1998, 10, 12)
        assert following(date(1998, 10, 10), "none") == date(1998, 10, 10)
        assert following(date(1998, 2, 2), "new-york") == date(1998, 2, 2)

    def test_an_unknown_calendar_is_refused(self) -> None:
        """A calendar not in the list raises ValueError."""
        with pytest.raises(ValueError, match="unknown business-day calendar 'london'"):
            is_business_day(date(1998, 2, 2), "london")


# --- the schedule ------------------------------------------------------------------


class TestPaymentSchedule:
    """`payment_schedule`: the term sheet's dates, stubs, day counts and calendars."""

    def test_the_1997_schedule_worked_by_hand(self) -> None:
        """$7.5m at 10.5%, 30/360: 94 days first, then 180-day halves; principal in 2000."""
        first = D("7500000") * D("0.105") * 94 / 360
        half = D("7500000") * D("0.105") * 180 / 360
        assert (first, half) == (D("205625"), D("393750"))
        assert payment_schedule(NOTES_1997) == (
            Payment(date(1998, 2, 1), date(1998, 2, 2), "interest", D("205625.00"),
                    date(1997, 10, 27), date(1998, 2, 1)),
            Payment(date(1998, 8, 1), date(1998, 8, 3), "interest", D("393750.00"),
                    date(1998, 2, 1), date(1998, 8, 1)),
            Payment(date(1999, 2, 1), date(1999, 2, 1), "interest", D("393750.00"),
                    date(1998, 8, 1), date(1999, 2, 1)),
            Payment(date(1999, 8, 1), date(1999, 8, 2), "interest", D("393750.00"),
                    date(1999, 2, 1), date(1999, 8, 1)),
            Payment(date(2000, 2, 1), date(2000, 2, 1), "interest", D("393750.00"),
                    date(1999, 8, 1), date(2000, 2, 1)),
            Payment(date(2000, 2, 1), date(2000, 2, 1), "principal", D("7500000.00")),
        )

    def test_interest_is_counted_to_the_unadjusted_date(self) -> None:
        """Paid Monday 1998-08-03, the coupon still covers 1998-02-01 to 1998-08-01 only."""
        august = payment_schedule(NOTES_1997)[1]
        assert (august.start, august.end, august.payment_date) \
            == (date(1998, 2, 1), date(1998, 8, 1), date(1998, 8, 3))

    def test_month_ends_are_clipped_counting_from_the_anchor(self) -> None:
        """Anchor January 31, monthly: February 28, March 31, April 30 (never February's day)."""
        terms = notes(issue_date=date(2001, 1, 15), first_interest_date=date(2001, 1, 31),
                      maturity=date(2001, 5, 31), interest_cycle="1M", business_days="none")
        assert [d for d, _ in interest_dates(payment_schedule(terms))] == [
            date(2001, 1, 31), date(2001, 2, 28), date(2001, 3, 31), date(2001, 4, 30),
            date(2001, 5, 31)]

    def test_february_29_in_a_leap_year(self) -> None:
        """Anchor 2003-08-31, 6M: 2004-02-29, then 2004-08-31."""
        terms = notes(issue_date=date(2003, 8, 1), first_interest_date=date(2003, 8, 31),
                      maturity=date(2004, 8, 31), business_days="none")
        assert [d for d, _ in interest_dates(payment_schedule(terms))] == [
            date(2003, 8, 31), date(2004, 2, 29), date(2004, 8, 31)]

    def test_a_cycle_anchor_before_the_first_interest_date(self) -> None:
        """Anchor 2001-01-31, first date 2001-02-28: next March 31, counted from the anchor."""
        terms = notes(issue_date=date(2001, 2, 10), cycle_anchor=date(2001, 1, 31),
                      first_interest_date=date(2001, 2, 28), maturity=date(2001, 4, 30),
                      interest_cycle="1M", business_days="none", day_count="ACT/360")
        payments = payment_schedule(terms)
        assert [(p.start, p.end) for p in payments if p.kind == "interest"] == [
            (date(2001, 2, 10), date(2001, 2, 28)), (date(2001, 2, 28), date(2001, 3, 31)),
            (date(2001, 3, 31), date(2001, 4, 30))]
        # 18 days of ACT/360 on $7.5m at 10.5%: 39,375.00
        assert payments[0].amount == D("39375.00")

    def test_a_short_stub_pays_the_broken_period_on_its_own(self) -> None:
        """Maturity 2000-04-01, off the cycle: a short stub from 2000-02-01 paid on its own."""
        payments = payment_schedule(notes(maturity=date(2000, 4, 1), stub="short"))
        assert [(p.start, p.end, p.amount) for p in payments if p.kind == "interest"][-2:] == [
            (date(1999, 8, 1), date(2000, 2, 1), D("393750.00")),
            (date(2000, 2, 1), date(2000, 4, 1), D("131250.00")),  # 60 days
        ]

    def test_a_long_stub_merges_the_broken_period_into_the_one_before(self) -> None:
        """The same notes with a long stub: 1999-08-01 to 2000-04-01, 240 days, in one."""
        payments = payment_schedule(notes(maturity=date(2000, 4, 1), stub="long"))
        interest = [(p.start, p.end, p.amount) for p in payments if p.kind == "interest"]
        assert interest[-2:] == [
            (date(1999, 2, 1), date(1999, 8, 1), D("393750.00")),
            (date(1999, 8, 1), date(2000, 4, 1), D("525000.00")),
        ]
        assert date(2000, 2, 1) not in [end for _, end, _ in interest]

    def test_without_a_broken_period_the_stubs_agree(self) -> None:
        """Maturity on the cycle: short and long give the same schedule."""
        assert payment_schedule(notes(stub="long")) == payment_schedule(NOTES_1997)

    def test_a_long_stub_keeps_the_first_interest_date(self) -> None:
        """When the only cycle date before maturity is the first interest date, it is still paid."""
        terms = notes(maturity=date(1998, 5, 1), stub="long")
        assert interest_dates(payment_schedule(terms)) == [
            (date(1998, 2, 1), date(1998, 2, 2)), (date(1998, 5, 1), date(1998, 5, 1))]

    def test_yearly_cycles(self) -> None:
        """"1Y" from 1998-02-01: 1999-02-01, then 2000-02-01 at maturity, 360 days each."""
        payments = payment_schedule(notes(interest_cycle="1Y"))
        assert [(p.date, p.amount) for p in payments] == [
            (date(1998, 2, 1), D("205625.00")), (date(1999, 2, 1), D("787500.00")),
            (date(2000, 2, 1), D("787500.00")), (date(2000, 2, 1), D("7500000.00"))]

    def test_the_first_interest_date_may_be_maturity(self) -> None:
        """One interest payment, from issue to maturity, with the principal."""
        terms = notes(first_interest_date=date(2000, 2, 1))
        assert [(p.kind, p.start, p.date) for p in payment_schedule(terms)] == [
            ("interest", date(1997, 10, 27), date(2000, 2, 1)),
            ("principal", None, date(2000, 2, 1))]

    @pytest.mark.parametrize(("calendar", "expected"), [
        ("new-york", [date(1998, 2, 2), date(1998, 8, 3), date(1999, 2, 1), date(1999, 8, 2),
                      date(2000, 2, 1)]),
        ("weekends", [date(1998, 2, 2), date(1998, 8, 3), date(1999, 2, 1), date(1999, 8, 2),
                      date(2000, 2, 1)]),
        ("none", [date(1998, 2, 1), date(1998, 8, 1), date(1999, 2, 1), date(1999, 8, 1),
                  date(2000, 2, 1)]),
    ])
    def test_business_day_calendars_move_only_the_payment_date(
            self, calendar: str, expected: list[date]) -> None:
        """Each calendar moves the payment dates; the amounts stay the same."""
        payments = payment_schedule(notes(business_days=calendar))
        assert [p for _, p in interest_dates(payments)] == expected
        assert [p.amount for p in payments] == [p.amount for p in payment_schedule(NOTES_1997)]

    def test_a_holiday_payment_date_moves_past_it(self) -> None:
        """Quarterly from 1997-11-11 (Veterans Day), the first coupon is paid 1997-11-12."""
        terms = notes(issue_date=date(1997, 8, 11), first_interest_date=date(1997, 11, 11),
                      maturity=date(1998, 11, 11), interest_cycle="3M")
        assert interest_dates(payment_schedule(terms))[0] == (date(1997, 11, 11),
                                                              date(1997, 11, 12))

    def test_the_principal_may_be_given(self) -> None:
        """Interest and principal on another principal, for a Holder's share."""
        payments = payment_schedule(NOTES_1997, D("2500000.00"))
        assert [p.amount for p in payments] == [
            D("68541.67"), D("131250.00"), D("131250.00"), D("131250.00"), D("131250.00"),
            D("2500000.00")]

    def test_each_amount_is_rounded_half_up_from_the_exact_value(self) -> None:
        """$1.00 at 1% for 180/360 is half a cent exactly: 0.01, where half-even would give 0."""
        payments = payment_schedule(notes(principal=D("1.00"), rate=D("0.01")))
        # the first period, 94/360, is 0.0026..: 0.00; each half-year 0.005: 0.01
        assert [p.amount for p in payments] == [
            D("0.00"), D("0.01"), D("0.01"), D("0.01"), D("0.01"), D("1.00")]
        # $1,000.10 at 1% for a half-year is 5.0005: 5.00, not rounded twice
        odd = payment_schedule(notes(principal=D("1000.10"), rate=D("0.01")))
        assert odd[1].amount == D("5.00")


class TestInterestPeriods:
    """`interest_periods`: the accrual periods behind the interest payments."""

    def test_the_1997_periods(self) -> None:
        """From the Closing to 1998-02-01, then half-years to maturity."""
        assert interest_periods(NOTES_1997) == (
            InterestPeriod(date(1997, 10, 27), date(1998, 2, 1)),
            InterestPeriod(date(1998, 2, 1), date(1998, 8, 1)),
            InterestPeriod(date(1998, 8, 1), date(1999, 2, 1)),
            InterestPeriod(date(1999, 2, 1), date(1999, 8, 1)),
            InterestPeriod(date(1999, 8, 1), date(2000, 2, 1)),
        )


class TestAccruedInterest:
    """`accrued_interest` and `accrued_interest_on`: interest for part of a period."""

    def test_a_part_period_on_the_day_count(self) -> None:
        """1998-02-01 to 1998-05-01 is 90 days of 30/360: 196,875.00 on $7.5m."""
        assert accrued_interest(NOTES_1997, D("7500000.00"), date(1998, 2, 1),
                                date(1998, 5, 1)) == D("196875.00")

    def test_a_whole_period_equals_the_scheduled_payment(self) -> None:
        """Accrued over the first period, interest equals the first coupon."""
        assert accrued_interest(NOTES_1997, D("7500000.00"), date(1997, 10, 27),
                                date(1998, 2, 1)) == D("205625.00")

    def test_nothing_accrues_over_an_empty_or_backward_period(self) -> None:
        """`upto` on or before `start` gives 0.00."""
        assert accrued_interest(NOTES_1997, D("7500000.00"), date(1998, 2, 1),
                                date(1998, 2, 1)) == D("0.00")
        assert accrued_interest(NOTES_1997, D("7500000.00"), date(1998, 2, 1),
                                date(1998, 1, 1)) == D("0.00")

    def test_accrued_on_a_day_counts_from_the_last_interest_date(self) -> None:
        """On 1998-05-01 the period began 1998-02-01 (unadjusted): 90 days."""
        assert accrued_interest_on(NOTES_1997, date(1998, 5, 1)) == D("196875.00")
        assert accrued_interest_on(NOTES_1997, date(1997, 11, 27)) == D("65625.00")  # 30 days
        assert accrued_interest_on(NOTES_1997, date(1998, 2, 1)) == D("0.00")
        assert accrued_interest_on(NOTES_1997, date(1997, 10, 27)) == D("0.00")
        assert accrued_interest_on(NOTES_1997, date(2000, 2, 1)) == D("0.00")
        assert accrued_interest_on(NOTES_1997, date(1998, 5, 1), D("750000.00")) \
            == D("19687.50")


class TestScheduleToJson:
    """`schedule_to_json`: the rows of `npa schedule DEAL --json`."""

    def test_the_1997_rows(self) -> None:
        """Amounts in integer cents with the dollars beside them; every row assumed."""
        rows = schedule_to_json(payment_schedule(NOTES_1997))
        assert rows[0] == {"date": "1998-02-01", "payment_date": "1998-02-02",
                           "kind": "interest", "amount": 20562500, "amount_dollars": "205625.00",
                           "start": "1997-10-27", "end": "1998-02-01", "assumed": True}
        assert rows[-1] == {"date": "2000-02-01", "payment_date": "2000-02-01",
                            "kind": "principal", "amount": 750000000,
                            "amount_dollars": "7500000.00", "start": None, "end": None,
                            "assumed": True}
        assert sum(row["amount"] for row in rows) == 20562500 + 4 * 39375000 + 750000000

    def test_fractions_of_a_cent_are_refused(self) -> None:
        """A payment made by hand with a fraction of a cent cannot be shown in cents."""
        odd = Payment(date(1998, 2, 1), date(1998, 2, 2), "interest", D("1.005"))
        with pytest.raises(ValueError, match="fractions of a cent"):
            schedule_to_json([odd])


# --- against QuantLib on random term sheets -------------------------------------------


def quantlib_cashflows(terms: NoteTerms) -> list[tuple[str, date, float]]:
    """The same notes as a QuantLib bond: (kind, payment date, amount) of each cash flow.

    QuantLib generates the cycle dates itself, forward from the anchor
    (`DateGeneration.Forward`, unadjusted, no end-of-month rule: month ends
    clipped, each date counted from the anchor, a short last stub); the dates
    before the first interest date are dropped, the issue date put first, and
    for a "long" stub the date before a broken last period is dropped (unless
    it is the first interest date). The bond then accrues on the unadjusted
    dates and pays on the calendar's following business day.
    """
    first, maturity = qd(terms.first_interest_date), qd(terms.maturity)
    anchor = qd(terms.cycle_anchor or terms.first_interest_date)
    if anchor == maturity:
        dates, broken = [maturity], False
    else:
        generated = ql.Schedule(anchor, maturity,
                                ql.Period(cycle_months(terms.interest_cycle), ql.Months),
                                ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted,
                                ql.DateGeneration.Forward, False)
        dates = [d for d in generated if d >= first]
        broken = not generated.isRegular(len(generated) - 1)
    if broken and terms.stub == "long" and len(dates) > 2:
        del dates[-2]
    schedule = ql.Schedule([qd(terms.issue_date), *dates], ql.NullCalendar(), ql.Unadjusted)
    bond = ql.FixedRateBond(0, float(terms.principal), schedule, [float(terms.rate)],
                            QL_DAY_COUNTS[terms.day_count](), ql.Following, 100.0,
                            qd(terms.issue_date), QL_CALENDARS[terms.business_days]())
    flows = []
    for flow in bond.cashflows():
        kind = "interest" if ql.as_fixed_rate_coupon(flow) is not None else "principal"
        flows.append((kind, py_date(flow.date()), flow.amount()))
    return flows


def cents_of_float(amount: float) -> tuple[Decimal, bool]:
    """QuantLib's float amount rounded half up to the cent, and whether it is a near tie.

    The float is first cut to 6 decimals (amounts here stay under $10^9, so
    its error is far below that); a value within a millionth of a dollar of
    a half cent is a tie that only exact arithmetic can settle.
    """
    cut = Decimal(repr(amount)).quantize(Decimal("0.000001"), ROUND_HALF_UP)
    rounded = cut.quantize(Decimal("0.01"), ROUND_HALF_UP)
    tie = abs(abs(cut - rounded) - Decimal("0.005")) <= Decimal("0.000001")
    return rounded, tie


CYCLES = ("1M", "2M", "3M", "6M", "1Y")


@st.composite
def term_sheets(draw: st.DrawFn) -> NoteTerms:
    """Random [notes]: issue 1990-2060, any anchor at or before the first interest date."""
    cycle = draw(st.sampled_from(CYCLES))
    months = cycle_months(cycle)
    issue = draw(days_1990_2060 | month_ends)
    anchor = issue + timedelta(days=draw(st.integers(-400, 400)))
    if draw(st.booleans()):  # month-end anchors make the clipping matter
        anchor = date(anchor.year + anchor.month // 12, anchor.month % 12 + 1, 1) \
            - timedelta(days=1)
    # the first cycle date after the issue date, then perhaps a cycle or two more
    count = 0
    while _add(anchor, count * months) <= issue:
        count += 1
    count += draw(st.integers(0, 2))
    first = _add(anchor, count * months)
    if draw(st.booleans()):  # the cycles counted from the first interest date itself
        anchor = first
    cycle_anchor = None if anchor == first and draw(st.booleans()) else anchor
    maturity = first + timedelta(days=draw(st.integers(0, 6 * 366)))
    if draw(st.booleans()):  # maturity on the cycle: no broken period
        maturity = _add(first, months * draw(st.integers(0, 12)))
    principal = Decimal(draw(st.integers(1, 10**11))).scaleb(-2)
    rate = Decimal(draw(st.integers(0, 250_000))).scaleb(-6)
    return NoteTerms(
        principal=principal, rate=rate, issue_date=issue, maturity=maturity,
        first_interest_date=first, cycle_anchor=cycle_anchor, interest_cycle=cycle,
        stub=draw(st.sampled_from(("short", "long"))),
        day_count=draw(st.sampled_from(("30/360", "30/360", *CONVENTIONS))),
        business_days=draw(st.sampled_from(("new-york", "new-york", "weekends", "none"))),
    )


def _add(day: date, months: int) -> date:
    """`day` plus whole months, month ends clipped (QuantLib's own arithmetic)."""
    return py_date(qd(day) + ql.Period(months, ql.Months))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(terms=term_sheets())
@example(terms=NOTES_1997)
@example(terms=notes(maturity=date(2000, 4, 1), stub="long"))
@example(terms=notes(cycle_anchor=date(1997, 1, 31), first_interest_date=date(1998, 1, 31),
                     maturity=date(1999, 3, 15), interest_cycle="1M", stub="long"))
def test_the_schedule_is_quantlibs_bond_to_the_cent(terms: NoteTerms) -> None:
    """Every payment date and amount equals QuantLib's bond (rounded half up to the cent)."""
    ours = payment_schedule(terms)
    theirs = quantlib_cashflows(terms)
    assert [(p.kind, p.payment_date) for p in ours] == [(k, d) for k, d, _ in theirs]
    for payment, (_, _, amount) in zip(ours, theirs, strict=True):
        rounded, tie = cents_of_float(amount)
        if tie:  # QuantLib's float cannot say which side of half a cent it is on
            assert abs(payment.amount - Decimal(repr(amount))) <= Decimal("0.005001")
        else:
            assert payment.amount == rounded, (payment, amount)


def test_term_sheets_that_do_not_fit_are_refused_before_any_schedule() -> None:
    """A first interest date off the anchor's cycle is refused by the term sheet itself."""
    with pytest.raises(TermsError, match="first_interest_date"):
        notes(cycle_anchor=date(1997, 8, 15))
