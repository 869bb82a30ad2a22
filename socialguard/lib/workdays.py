"""The England and Wales working-day calendar, and the policies' deadlines (docs/incidents.md).

A working day is Monday to Friday, not a bank holiday in England and Wales. Bank holidays
come from the `holidays` package, which ships its data (no network):
`country_holidays("GB", subdiv="ENG")`, substitute days ("Boxing Day (observed)") and
one-off days (a jubilee, a state funeral) included. England and Wales share their bank
holidays; the package's "ENG" and "WLS" calendars are the same for every year from 1970 to
2044 (checked with holidays 0.109, and by a test). Scotland and Northern Ireland differ and
are not covered.

Every datetime in or out is timezone-aware and read in Europe/London: a naive one raises
ValueError, one in another zone is converted first. Deadlines in hours are elapsed hours
(24 hours across the clocks going forward are 25 on the wall clock); working days keep the
wall-clock time of day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")

CLOCK = "clock"
"""Weekend rule: the hours run from the moment received, whatever the day."""
NEXT_WORKING_DAY = "next_working_day"
"""Weekend rule: received on a non-working day, the hours run from 00:00 on the next
working day ("within 24 hours, or on the next working day if received at a weekend")."""
WEEKEND_RULES = (CLOCK, NEXT_WORKING_DAY)


@cache
def _bank_holidays(year: int) -> Mapping[dt.date, str]:
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return MappingProxyType({day: str(name) for day, name in calendar.items()})


def bank_holiday(day: dt.date) -> str | None:
    """The name of the England and Wales bank holiday on `day`, if it is one."""
    day = _date(day)
    return _bank_holidays(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a bank holiday (a datetime is read as its London date)."""
    day = _date(day)
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """The first working day strictly after `day`."""
    day = _date(day) + dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """`days` working days after `start`, at the same London wall-clock time.

    A start on a weekend or bank holiday counts from the next working day: Saturday 10:00
    plus 0 is Monday 10:00, plus 1 is Tuesday 10:00.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    local = _local(start)
    day = local.date()
    if not is_working_day(day):
        day = next_working_day(day)
    for _ in range(days):
        day = next_working_day(day)
    return _at(day, local.time())


def deadline(start: dt.datetime, hours: int, weekend_rule: str = CLOCK) -> dt.datetime:
    """When something received at `start` is due, `hours` elapsed hours later.

    CLOCK: from `start`, whatever the day. NEXT_WORKING_DAY: a start on a weekend or bank
    holiday runs from 00:00 on the next working day, so 24 hours end at midnight at the
    end of that day; a start on a working day runs from `start`, so Friday 17:00 is due
    Saturday 17:00 (the policy excuses only what is received at a weekend).
    """
    if hours <= 0:
        raise ValueError("hours must be positive")
    if weekend_rule not in WEEKEND_RULES:
        raise ValueError(f"unknown weekend rule {weekend_rule!r} (known: {WEEKEND_RULES})")
    local = _local(start)
    if weekend_rule == NEXT_WORKING_DAY and not is_working_day(local.date()):
        local = _at(next_working_day(local.date()), dt.time(0))
    return (local.astimezone(dt.UTC) + dt.timedelta(hours=hours)).astimezone(LONDON)


def _local(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()}: give a timezone")
    return moment.astimezone(LONDON)


def _date(day: dt.date) -> dt.date:
    return _local(day).date() if isinstance(day, dt.datetime) else day


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    """`time` on `day` in London. A time the clocks skip moves on by the gap; a time that
    happens twice is the first. (Clocks change on Sundays, never a working day.)"""
    naive = dt.datetime.combine(day, time.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=LONDON).astimezone(dt.UTC).astimezone(LONDON)
