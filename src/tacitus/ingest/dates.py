"""Normalise publication dates to ISO ``YYYY-MM-DD``.

Accepted: ISO dates and timestamps (``2020-02-05``, ``2020-02-05T10:00:00Z``, ``20200205``),
``2020/02/05``, RFC 2822 (``Wed, 05 Feb 2020 10:00:00 GMT``), numeric day/month forms only when they
cannot be read two ways (``25/02/2020``), and written-out English dates (``5 February 2020``,
``Feb 5, 2020``). A date missing its day, month or year, a relative date ("yesterday") or an ambiguous
one gives None: the clock is never consulted.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_tz
from functools import lru_cache

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{2,6}(?:Z|[+-]\d{2,4})?)?")
_YMD_SLASH = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_DMY_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_LETTERS = re.compile(r"[A-Za-z]")
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "PARSERS": ["absolute-time"],
}


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` for a date-like value, or None when it cannot be read without guessing."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None  # numbers, lists, null: no calendar date can be read from them without guessing
    return _normalise_text(" ".join(value.split()))


@lru_cache(maxsize=4096)
def _normalise_text(text: str) -> str | None:
    if not text or len(text) > 80:
        return None
    for pattern in (_ISO, _COMPACT, _YMD_SLASH):
        m = pattern.fullmatch(text)
        if m:
            return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_NUMERIC.fullmatch(text)
    if m:
        first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if first == second:
            return _iso(year, first, second)
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
        return None  # 05/02/2020: 5 February or May 2?
    if not _LETTERS.search(text):
        return None
    rfc = parsedate_tz(text)
    if rfc and rfc[0] and rfc[1] and rfc[2] and re.search(r"\d{4}", text):
        return _iso(rfc[0], rfc[1], rfc[2])
    return _parse_words(text)


def _parse_words(text: str) -> str | None:
    import dateparser  # imported late: it takes a moment to load

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None
