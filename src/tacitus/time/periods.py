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


def shift_date(date: str, precision: str, days: int) -> tuple[str, str]:
    """``date`` moved by ``days``; only day-precise dates can move by days, others keep their value."""
    if precision != "day" or len(date) != 10:
        return date, precision
    d = dt.date.fromisoformat(date) + dt.timedelta(days=days)
    return d.isoformat(), "day"
