"""Dates as periods: the last day a date of some precision can mean, the more precise of two dates, a day
moved by some days. Dates are ISO strings with a precision ("day", "week", "month", "year", or "story",
"published", "unknown" for a date that is not the act's own)."""

from __future__ import annotations

import datetime as dt

PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "story": 0, "published": 0, "unknown": 0}


def period_end(date: str, precision: str) -> dt.date | None:
    """The last day a (date, precision) can mean."""
    try:
        if precision == "year" or len(date) == 4:
            return dt.date(int(date[:4]), 12, 31)
        if precision == "month" or len(date) == 7:
            y, m = int(date[:4]), int(date[5:7])
            return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return day + dt.timedelta(days=6) if precision == "week" else day


def better_date(a: tuple[str, str] | None, b: tuple[str, str]) -> tuple[str, str]:
    """The more precise of two (date, precision) pairs; the first wins a tie."""
    if a is None or PRECISION_RANK.get(b[1], 0) > PRECISION_RANK.get(a[1], 0):
        return b
    return a


# Offsets of months and years are carried as whole multiples of these many days (dates.DateFinder._relative):
# "18 years after X" moves by 18 * DAYS_PER_YEAR and gives a year, "three months after X" a month (so an offset
# told in days that is such a multiple, "30 days after", gives a month too: a coarser date, never a wrong one).
DAYS_PER_YEAR = 365
DAYS_PER_MONTH = 30


def add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    """(year, month) moved by ``shift`` months."""
    total = year * 12 + (month - 1) + shift
    return total // 12, total % 12 + 1


def shift_date(date: str, precision: str, days: int) -> tuple[str, str]:
    """``date`` moved by ``days``. An offset of whole years moves its year ("18 years after" -> a year), one of
    whole months its month; by days, only day-precise dates move, others keep their value."""
    if days and days % DAYS_PER_YEAR == 0 and len(date) >= 4:
        return str(int(date[:4]) + days // DAYS_PER_YEAR), "year"
    if days and days % DAYS_PER_MONTH == 0 and len(date) >= 7:
        year, month = add_months(int(date[:4]), int(date[5:7]), days // DAYS_PER_MONTH)
        return f"{year:04d}-{month:02d}", "month"
    if precision != "day" or len(date) != 10:
        return date, precision
    d = dt.date.fromisoformat(date) + dt.timedelta(days=days)
    return d.isoformat(), "day"


def next_year(date: str) -> str:
    """The same day or month of the next year ("2020-01-20" -> "2021-01-20"); 29 February, which the next year
    lacks, stays as it is."""
    later = f"{int(date[:4]) + 1:04d}{date[4:]}"
    try:
        if len(later) == 10:
            dt.date.fromisoformat(later)
    except ValueError:
        return date
    return later
