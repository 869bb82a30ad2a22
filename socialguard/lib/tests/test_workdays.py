"""The England and Wales working-day calendar and the policies' deadlines, as tables.

Dates are 2020–2027: 2026 has Good Friday 3 April and Easter Monday 6 April, Christmas on a
Friday (Boxing Day observed Monday 28th); 2027 has Christmas on a Saturday (both days
observed, Monday 27th and Tuesday 28th). The clocks go forward on Sunday 29 March 2026 and
back on Sunday 25 October 2026.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from socialguard.lib.workdays import (
    CLOCK,
    LONDON,
    NEXT_WORKING_DAY,
    add_working_days,
    bank_holiday,
    deadline,
    is_working_day,
    next_working_day,
)

D = dt.date
UTC = dt.UTC


def at(*args: int) -> dt.datetime:
    """London wall-clock time."""
    return dt.datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(("day", "working"), [
    (D(2026, 6, 5), True),           # Friday
    (D(2026, 6, 6), False),          # Saturday
    (D(2026, 6, 7), False),          # Sunday
    (D(2026, 4, 2), True),           # Thursday before Easter
    (D(2026, 4, 3), False),          # Good Friday
    (D(2026, 4, 6), False),          # Easter Monday
    (D(2026, 4, 7), True),
    (D(2026, 5, 4), False),          # Early May bank holiday
    (D(2026, 5, 25), False),         # Spring bank holiday
    (D(2026, 8, 31), False),         # Summer bank holiday
    (D(2026, 12, 24), True),         # Christmas Eve is a working day
    (D(2026, 12, 25), False),        # Christmas Day (Friday)
    (D(2026, 12, 28), False),        # Boxing Day observed (Monday)
    (D(2026, 12, 29), True),
    (D(2027, 1, 1), False),          # New Year's Day
    (D(2027, 12, 27), False),        # Christmas Day observed
    (D(2027, 12, 28), False),        # Boxing Day observed
    (D(2027, 12, 29), True),
    (D(2022, 1, 3), False),          # New Year's Day observed
    (D(2022, 9, 19), False),         # a one-off: the Queen's state funeral
    (D(2022, 6, 2), False),          # moved spring bank holiday (jubilee year)
    (D(2022, 5, 30), True),          # ... so the usual last Monday of May is worked
    # A datetime is read as its London date: 23:30 UTC on 3 May 2026 is 00:30 on the 4th.
    (dt.datetime(2026, 5, 3, 23, 30, tzinfo=UTC), False),
    (dt.datetime(2026, 12, 24, 23, 30, tzinfo=UTC), True),
])
def test_working_days(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(("day", "expected"), [
    (D(2026, 6, 1), D(2026, 6, 2)),      # Monday -> Tuesday
    (D(2026, 6, 5), D(2026, 6, 8)),      # Friday -> Monday
    (D(2026, 6, 6), D(2026, 6, 8)),      # Saturday -> Monday
    (D(2026, 4, 2), D(2026, 4, 7)),      # over Easter
    (D(2026, 5, 22), D(2026, 5, 26)),    # over the spring bank holiday
    (D(2026, 12, 24), D(2026, 12, 29)),  # over Christmas and Boxing Day observed
    (D(2026, 12, 31), D(2027, 1, 4)),    # over the year end and New Year's Day
    (D(2027, 12, 24), D(2027, 12, 29)),  # two substitute days
])
def test_next_working_day(day, expected):
    assert next_working_day(day) == expected


@pytest.mark.parametrize(("start", "days", "expected"), [
    (at(2026, 6, 1, 9), 0, at(2026, 6, 1, 9)),
    (at(2026, 6, 1, 9), 5, at(2026, 6, 8, 9)),
    (at(2026, 6, 5, 10), 1, at(2026, 6, 8, 10)),        # Friday -> Monday
    (at(2026, 6, 6, 10), 0, at(2026, 6, 8, 10)),        # Saturday counts from Monday
    (at(2026, 6, 6, 10), 1, at(2026, 6, 9, 10)),
    (at(2026, 6, 7, 23, 59), 1, at(2026, 6, 9, 23, 59)),
    (at(2026, 4, 2, 15), 1, at(2026, 4, 7, 15)),        # Thursday over Easter
    (at(2026, 4, 3, 9), 1, at(2026, 4, 8, 9)),          # from Good Friday
    (at(2026, 12, 24, 12), 1, at(2026, 12, 29, 12)),
    (at(2026, 12, 31, 16, 30), 1, at(2027, 1, 4, 16, 30)),   # year boundary
    (at(2027, 12, 24, 9), 1, at(2027, 12, 29, 9)),
    (at(2026, 3, 27, 10), 1, at(2026, 3, 30, 10)),      # clocks forward: still 10:00
    (at(2026, 10, 23, 10), 1, at(2026, 10, 26, 10)),    # clocks back: still 10:00
    # Another zone is read in London: 23:30 UTC Friday is 00:30 BST Saturday.
    (dt.datetime(2026, 6, 5, 23, 30, tzinfo=UTC), 1, at(2026, 6, 9, 0, 30)),
])
def test_add_working_days_keeps_the_time_of_day(start, days, expected):
    result = add_working_days(start, days)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()
    assert result.tzinfo == LONDON


@pytest.mark.parametrize(("rule", "start", "hours", "due"), [
    # "Within 24 hours, or on the next working day if received at a weekend."
    (NEXT_WORKING_DAY, at(2026, 6, 3, 11), 24, at(2026, 6, 4, 11)),     # Wednesday
    (NEXT_WORKING_DAY, at(2026, 6, 5, 17), 24, at(2026, 6, 6, 17)),     # Friday 17:00
    (NEXT_WORKING_DAY, at(2026, 6, 6, 10), 24, at(2026, 6, 9, 0)),      # Saturday: all Monday
    (NEXT_WORKING_DAY, at(2026, 6, 7, 23, 59), 24, at(2026, 6, 9, 0)),  # late Sunday
    (NEXT_WORKING_DAY, at(2026, 6, 8, 0, 0), 24, at(2026, 6, 9, 0)),    # Monday 00:00
    (NEXT_WORKING_DAY, at(2026, 5, 4, 9), 24, at(2026, 5, 6, 0)),       # bank-holiday Monday
    (NEXT_WORKING_DAY, at(2026, 5, 2, 10), 24, at(2026, 5, 6, 0)),      # its Saturday
    (NEXT_WORKING_DAY, at(2026, 4, 3, 9), 24, at(2026, 4, 8, 0)),       # Good Friday
    (NEXT_WORKING_DAY, at(2026, 4, 2, 17), 24, at(2026, 4, 3, 17)),     # Thursday: clock runs
    (NEXT_WORKING_DAY, at(2026, 12, 26, 10), 24, at(2026, 12, 30, 0)),  # Boxing Day
    (NEXT_WORKING_DAY, at(2027, 1, 1, 10), 24, at(2027, 1, 5, 0)),      # New Year's Day
    (NEXT_WORKING_DAY, at(2026, 3, 28, 10), 24, at(2026, 3, 31, 0)),    # clocks-forward weekend
    (NEXT_WORKING_DAY, at(2026, 6, 6, 10), 48, at(2026, 6, 10, 0)),
    (NEXT_WORKING_DAY, at(2026, 6, 8, 9), 48, at(2026, 6, 10, 9)),
    (NEXT_WORKING_DAY, dt.datetime(2026, 6, 5, 23, 30, tzinfo=UTC), 24, at(2026, 6, 9, 0)),
    # The clock: elapsed hours from receipt, whatever the day.
    (CLOCK, at(2026, 6, 6, 10), 24, at(2026, 6, 7, 10)),
    (CLOCK, at(2026, 6, 5, 17), 24, at(2026, 6, 6, 17)),
    (CLOCK, at(2026, 3, 28, 10), 24, at(2026, 3, 29, 11)),   # 24 h over spring forward
    (CLOCK, at(2026, 10, 24, 10), 24, at(2026, 10, 25, 9)),  # 24 h over fall back
    (CLOCK, at(2026, 12, 31, 18), 24, at(2027, 1, 1, 18)),
])
def test_deadline(rule, start, hours, due):
    result = deadline(start, hours, rule)
    assert result == due
    assert result.utcoffset() == due.utcoffset()


@pytest.mark.parametrize(("call", "message"), [
    (lambda: deadline(dt.datetime(2026, 6, 6, 10), 24, CLOCK), "naive"),  # noqa: DTZ001
    (lambda: add_working_days(dt.datetime(2026, 6, 6, 10), 1), "naive"),  # noqa: DTZ001
    (lambda: deadline(at(2026, 6, 6, 10), 0, CLOCK), "positive"),
    (lambda: deadline(at(2026, 6, 6, 10), 24, "weekdays"), "unknown weekend rule"),
    (lambda: add_working_days(at(2026, 6, 6, 10), -1), "negative"),
])
def test_bad_input_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(("day", "name"), [
    (D(2026, 12, 28), "Boxing Day (observed)"),
    (D(2026, 4, 3), "Good Friday"),
    (D(2026, 6, 3), None),
])
def test_bank_holiday_names(day, name):
    assert bank_holiday(day) == name


def test_england_and_wales_share_their_bank_holidays():
    """Why subdiv="ENG" serves Welsh schools too: the data agree, year by year."""
    for year in range(1970, 2045):
        england = holidays.country_holidays("GB", subdiv="ENG", years=year)
        wales = holidays.country_holidays("GB", subdiv="WLS", years=year)
        assert dict(england) == dict(wales), year
