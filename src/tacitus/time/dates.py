"""Find date expressions in news text and resolve them against the publication date.

Conventions (P = the publication date, ISO ``YYYY-MM-DD``; a longer ISO timestamp is cut to its date):

* "today", "this morning", "tonight" = P; "yesterday", "last night", "overnight" = P-1.
* "Tuesday", "on Tuesday", "last Tuesday" = the latest Tuesday before P (a weekday equal to P's own weekday
  means P-7, unless ``weekday_equal_to_published: same`` is set in ``data/expressions.yaml`` or P is a wire
  story's dateline date: "BAGHDAD, May 29 (Xinhua) -- ... on Wednesday" is May 29);
  "this Tuesday" = P when P is a Tuesday; "next Tuesday" = the first Tuesday after P. A weekday without a
  direction ("Tuesday", "on Tuesday") is marked ``weekday_before``: in a clause of the future ("will meet on
  Tuesday") the anchoring stage reads it a week later, the Tuesday to come.
* "last week", "this week" -> precision "week", date = the Monday of that week; "over the weekend" = the week
  of the weekend just gone (P's own week when P is a Saturday or a Sunday), otherwise marked ``weekday_before``
  like a bare weekday (in a clause of the future, the coming one); "last month" -> ``YYYY-MM``;
  "last year" -> ``YYYY``; "two days ago" (day), "three weeks ago" (week), "a month ago" (month).
* Explicit dates: "3 May 2019", "May 3, 2019", "2019-05-03" (day); "June 2020" (month); "in 2015" (year);
  a year before a noun ("the 1994 massacre", "a 2019 protest"; the mention is the year alone, so that it
  belongs to the noun). Without a year ("3 May", "in October") the date is read in P's year if it falls at most
  ``undated_future_window_days`` after P, else in the year before (marked ``year_guessed``: in a clause of the
  future the anchoring stage reads a day before P in the year after, "will step down on Jan. 20"); without P, in
  the ``year`` the caller gives (a year the article's title or dateline states), if any. "last October",
  "October last year", "last year, in October" = October of P's year - 1.
* Relative chains ("a day after", "two days before", "hours after", "the day before", "a week after") give
  ``date=None``, ``precision="relative"`` and ``offset_days`` = the signed number of days from THIS
  clause's event to the event named after the word: "X happened a day after Y" -> ``offset_days=-1``
  (Y = X - 1 day); "X, two days before Y" -> ``+2``; "hours after" -> ``0``.
* Without P, forms that need it give ``date=None`` and precision "unknown"; explicit dates with a year and
  bare years still resolve. The wall clock is never used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from tacitus.time.periods import DAYS_PER_MONTH, DAYS_PER_YEAR, add_months
from tacitus.time.vocabulary import DateVocabulary, alternation, date_vocabulary

PRECISIONS = ("day", "week", "month", "year", "relative", "unknown")
_TRIM = re.compile(r"(?:on|in|during|since|by|until|till|from|of|before|after|around|at)\s+", re.I)


@dataclass
class DateMention:
    """One date expression: character offsets into the text, the resolved date and its precision."""

    start: int
    end: int
    text: str
    date: str | None  # "YYYY-MM-DD" (day; the Monday for week precision), "YYYY-MM", "YYYY", or None
    precision: str  # one of PRECISIONS
    offset_days: int | None = None  # relative chains only: see the module docstring
    # a bare weekday ("on Friday") read as the latest before P; a clause that tells of the future means the one
    # after it, ``date`` + 7 days (the reader of the clause decides)
    weekday_before: bool = False
    # a day or month without a year ("on Jan. 20", "in March") read in P's year or the year before; a clause that
    # tells of the future means the next one after P (the reader of the clause decides)
    year_guessed: bool = False


Resolved = tuple[str | None, str, int | None]  # date, precision, offset_days
SATURDAY = 5  # date.weekday() of Saturday
Handler = Callable[[re.Match, date | None], Resolved | None]
Pattern = tuple[re.Pattern, Handler, str | None]  # regex, handler, the group that is the mention (None: all)


def parse_published(published: str | None) -> date | None:
    """P as a date; None for None or ""; ValueError naming the input otherwise."""
    if published is None:
        return None
    if not isinstance(published, str):
        raise TypeError(f"published={published!r}: expected an ISO date string, got {type(published).__name__}")
    text = published.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"published={published!r}: expected an ISO date YYYY-MM-DD") from None


# ---- calendar helpers ----------------------------------------------------------------------------------
def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _day(d: date) -> Resolved:
    return d.isoformat(), "day", None


def _week(d: date) -> Resolved:
    return _monday(d).isoformat(), "week", None


def _month(year: int, month: int) -> Resolved:
    return f"{year:04d}-{month:02d}", "month", None


def _year(year: int) -> Resolved:
    return f"{year:04d}", "year", None


UNKNOWN: Resolved = (None, "unknown", None)


class DateFinder:
    """Compiled patterns over one vocabulary; use :func:`find_dates` for the shared instance."""

    def __init__(self, voc: DateVocabulary) -> None:
        self.voc = voc
        months_any = alternation(voc.months)
        months = alternation(voc.full_months)
        weekdays = alternation(voc.full_weekdays)
        numbers = alternation(voc.numbers) + r"|\d{1,3}"
        units = alternation(voc.units)
        offset_units = alternation(voc.units)  # (months and years count by periods.DAYS_PER_MONTH, DAYS_PER_YEAR)
        preps = alternation(voc.date_prepositions)
        relations = alternation(voc.relation_words)
        weekday_prefix = rf"(?:(?P<wdp>{weekdays}),?\s+)?"
        ordinal = r"(?:st|nd|rd|th)?"
        not_time = r"(?!\s*(?:\d|(?:midnight|noon|dawn|dusk|sunrise|sunset|nightfall|daybreak)\b))"
        determiners = alternation(voc.year_determiners)
        patterns: list[tuple[str, Handler] | tuple[str, Handler, str]] = [
            (r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", self._iso),
            (rf"\b{weekday_prefix}(?P<d>\d{{1,2}}){ordinal}(?:\s+of)?\s+(?P<mon>{months_any})\.?,?\s+(?P<y>\d{{4}})\b",
             self._full_date),
            (rf"\b{weekday_prefix}(?P<mon>{months_any})\.?\s+(?P<d>\d{{1,2}}){ordinal},?\s+(?P<y>\d{{4}})\b",
             self._full_date),
            (rf"\b{weekday_prefix}(?P<d>\d{{1,2}}){ordinal}(?:\s+of)?\s+(?P<mon>{months_any})\b\.?", self._day_month),
            (rf"\b{weekday_prefix}(?P<mon>{months_any})\.?\s+(?P<d>\d{{1,2}}){ordinal}\b(?!:)", self._day_month),
            (rf"\b(?P<mon>{months_any})\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b", self._month_year),
            (rf"\b(?P<rel>last|this|next|past)\s+(?P<mon>{months})\b", self._month_rel),
            (rf"\b(?P<mon>{months})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", self._month_rel),
            (rf"\b(?P<rel>last|this|next)\s+year,?\s+(?:in\s+)?(?P<mon>{months})\b", self._month_rel),
            (rf"\b(?:{preps})(?:\s+|(?<=-))(?P<mon>{months})\b(?!\s*\d)", self._bare_month),
            (rf"\b(?:{preps})(?:\s+|(?<=-))(?P<y>(?:1[5-9]|20)\d\d)\b(?![-/]\d)", self._bare_year),
            (rf"\b(?:{determiners})\s+(?P<y>(?:1[5-9]|20)\d\d)(?=\s+[a-z])", self._bare_year, "y"),
            (rf"\b(?:(?P<mod>{alternation(voc.weekday_modifiers)})\s+)?(?P<wd>{weekdays})\b"
             rf"(?:\s+(?P<part>{alternation(voc.day_parts)})\b)?", self._weekday),
            (rf"\b(?P<phrase>{alternation(voc.day_phrases)})\b", self._day_phrase),
            (rf"\b(?P<phrase>{alternation(voc.period_phrases)})\b", self._period_phrase),
            (rf"\b(?P<n>{numbers})\s+(?P<unit>{units})\s+ago\b", self._ago),
            (rf"\b(?:(?P<n>{numbers})\s+(?P<unit>{offset_units})|the\s+(?P<the>day|week))\s+(?P<rel>{relations})\b"
             + not_time, self._relative),
            (rf"\b(?P<gap>{alternation(voc.same_day_gaps)})\s+(?P<rel>{relations})\b" + not_time, self._same_day),
        ]
        self.patterns: list[Pattern] = [(re.compile(p[0], re.I), p[1], p[2] if len(p) > 2 else None)
                                        for p in patterns]
        self.in_a_year = (self._day_month, self._bare_month)  # forms that a year alone can fix

    # ---- public -----------------------------------------------------------------------------------------
    def find(self, text: str, published: date | None, year: int | None = None,
             same_weekday: bool = False) -> list[DateMention]:
        found: list[tuple[int, int, Resolved]] = []
        before: set[tuple[int, int]] = set()
        guessed: set[tuple[int, int]] = set()
        for rx, handler, group in self.patterns:
            for m in rx.finditer(text):
                result = self._weekday(m, published, same_weekday) if handler == self._weekday \
                    else handler(m, published)
                if result == UNKNOWN and published is None and year is not None and handler in self.in_a_year:
                    result = self._in_year(m, year)
                if result is not None:
                    found.append((m.start(group or 0), m.end(group or 0), result))
                    if handler in self.in_a_year and published is not None and result[0] is not None:
                        guessed.add((m.start(group or 0), m.end(group or 0)))
                    if handler == self._weekday and self._plain(m) and result[0] is not None \
                            and result[0] != (published.isoformat() if published else None):
                        before.add((m.start(group or 0), m.end(group or 0)))
                    if handler == self._period_phrase and result[0] is not None and published is not None \
                            and published.weekday() < SATURDAY \
                            and re.sub(r"\s+", " ", m["phrase"].lower()) in self.voc.lately_phrases:
                        before.add((m.start(group or 0), m.end(group or 0)))  # "over the weekend": just gone
        found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
        taken: list[tuple[int, int, Resolved]] = []
        for s, e, r in found:
            if all(e <= ts or s >= te for ts, te, _ in taken):
                taken.append((s, e, r))
        out = []
        for s, e, (d, precision, offset) in sorted(taken, key=lambda t: t[0]):
            back, year_guessed = (s, e) in before, (s, e) in guessed
            trim = _TRIM.match(text, s, e) if precision != "relative" else None
            if trim and trim.end() < e:
                s = trim.end()
            out.append(DateMention(s, e, text[s:e], d, precision, offset, weekday_before=back,
                                   year_guessed=year_guessed))
        return out

    # ---- helpers ----------------------------------------------------------------------------------------
    def _month_no(self, m: re.Match) -> int | None:
        word = m.group("mon")
        if not word[0].isupper():  # "may", "march" as ordinary words
            return None
        return self.voc.months.get(word.lower().rstrip("."))

    def _weekday_ok(self, m: re.Match) -> bool:
        wd = m.groupdict().get("wdp")
        return wd is None or wd[0].isupper()

    def _number(self, word: str) -> int:
        word = re.sub(r"\s+", " ", word.lower())
        return int(word) if word.isdigit() else self.voc.numbers[word]

    def _undated(self, month: int, day: int | None, p: date) -> int | None:
        """The year of a date given without one (see the module docstring); None if the day is invalid."""
        window = timedelta(days=self.voc.undated_future_window_days)
        try:
            candidate = date(p.year, month, day or 1)
        except ValueError:
            try:  # 29 February of a year that lacks it: try the year before
                date(p.year - 1, month, day or 1)
            except ValueError:
                return None
            return p.year - 1
        return p.year if candidate <= p + window else p.year - 1

    # ---- handlers ---------------------------------------------------------------------------------------
    def _iso(self, m: re.Match, p: date | None) -> Resolved | None:
        try:
            return _day(date(int(m["y"]), int(m["m"]), int(m["d"])))
        except ValueError:
            return None

    def _full_date(self, m: re.Match, p: date | None) -> Resolved | None:
        month = self._month_no(m)
        if month is None or not self._weekday_ok(m):
            return None
        try:
            return _day(date(int(m["y"]), month, int(m["d"])))
        except ValueError:
            return None

    def _day_month(self, m: re.Match, p: date | None) -> Resolved | None:
        month = self._month_no(m)
        day = int(m["d"])
        if month is None or not self._weekday_ok(m) or not 1 <= day <= 31:
            return None
        if p is None:
            return UNKNOWN
        year = self._undated(month, day, p)
        return _day(date(year, month, day)) if year is not None else None

    def _in_year(self, m: re.Match, year: int) -> Resolved | None:
        """A day or month given without a year, read in ``year``."""
        month = self._month_no(m)
        day = m.groupdict().get("d")
        if month is None:
            return None
        try:
            return _day(date(year, month, int(day))) if day else _month(year, month)
        except ValueError:
            return None

    def _month_year(self, m: re.Match, p: date | None) -> Resolved | None:
        month = self._month_no(m)
        return _month(int(m["y"]), month) if month is not None else None

    def _month_rel(self, m: re.Match, p: date | None) -> Resolved | None:
        month = self._month_no(m)
        if month is None:
            return None
        if p is None:
            return UNKNOWN
        rel = m["rel"].lower()
        if rel in ("last", "past"):
            return _month(p.year - 1, month)
        if rel == "next":
            return _month(p.year if month > p.month else p.year + 1, month)
        return _month(p.year, month)

    def _bare_month(self, m: re.Match, p: date | None) -> Resolved | None:
        month = self._month_no(m)
        if month is None:
            return None
        if p is None:
            return UNKNOWN
        return _month(self._undated(month, None, p), month)

    def _bare_year(self, m: re.Match, p: date | None) -> Resolved | None:
        return _year(int(m["y"]))

    def _plain(self, m: re.Match) -> bool:
        """A weekday whose words give no direction ("Tuesday", "on Tuesday")."""
        return self.voc.weekday_modifiers.get(re.sub(r"\s+", " ", (m["mod"] or "").lower()), "plain") == "plain"

    def _weekday(self, m: re.Match, p: date | None, same: bool = False) -> Resolved | None:
        word = m["wd"]
        if not word[0].isupper():
            return None
        if p is None:
            return UNKNOWN
        target = self.voc.weekdays[word.lower()]
        mod = self.voc.weekday_modifiers.get(re.sub(r"\s+", " ", (m["mod"] or "").lower()), "previous")
        back = (p.weekday() - target) % 7
        if mod == "next":
            return _day(p + timedelta(days=(target - p.weekday()) % 7 or 7))
        if back == 0:
            same = same or mod == "this" or self.voc.weekday_equal_to_published == "same"
            return _day(p if same else p - timedelta(days=7))
        return _day(p - timedelta(days=back))

    def _day_phrase(self, m: re.Match, p: date | None) -> Resolved | None:
        if p is None:
            return UNKNOWN
        return _day(p + timedelta(days=self.voc.day_phrases[re.sub(r"\s+", " ", m["phrase"].lower())]))

    def _period_phrase(self, m: re.Match, p: date | None) -> Resolved | None:
        if p is None:
            return UNKNOWN
        phrase = re.sub(r"\s+", " ", m["phrase"].lower())
        unit, shift = self.voc.period_phrases[phrase]
        if phrase in self.voc.lately_phrases and p.weekday() >= SATURDAY:
            shift = 0  # a story told on a Saturday or a Sunday: "over the weekend" is this one
        if unit == "week":
            return _week(p + timedelta(weeks=shift))
        if unit == "month":
            return _month(*add_months(p.year, p.month, shift))
        return _year(p.year + shift)

    def _ago(self, m: re.Match, p: date | None) -> Resolved | None:
        if p is None:
            return UNKNOWN
        n = self._number(m["n"])
        spec = self.voc.units[m["unit"].lower()]
        if "days" in spec:
            d = p - timedelta(days=n * int(spec["days"]))
            return _week(d) if spec["precision"] == "week" else _day(d)
        if "months" in spec:
            return _month(*add_months(p.year, p.month, -n * int(spec["months"])))
        return _year(p.year - n * int(spec.get("years", 1)))

    def _relative(self, m: re.Match, p: date | None) -> Resolved | None:
        sign = self.voc.relation_words[re.sub(r"\s+", " ", m["rel"].lower())]
        if m["the"]:
            days = 1 if m["the"].lower() == "day" else 7
        else:
            spec = self.voc.units[m["unit"].lower()]
            per = int(spec["days"]) if "days" in spec else DAYS_PER_MONTH * int(spec["months"]) if "months" in spec \
                else DAYS_PER_YEAR * int(spec.get("years", 1))
            days = self._number(m["n"]) * per
        return None, "relative", sign * days

    def _same_day(self, m: re.Match, p: date | None) -> Resolved | None:
        return None, "relative", 0


@lru_cache(maxsize=1)
def _finder() -> DateFinder:
    return DateFinder(date_vocabulary())


def find_dates(text: str, published: str | None, year: int | None = None, *,
               same_weekday: bool = False) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published`` (see the module doc); without
    ``published``, days and months given without a year are read in ``year`` when it is given. With
    ``same_weekday`` (``published`` is a wire story's dateline date), P's own weekday is P itself."""
    if not isinstance(text, str):
        raise TypeError(f"text={text!r}: expected a string, got {type(text).__name__}")
    return _finder().find(text, parse_published(published), year, same_weekday)


def resolve(expression: str, published: str | None) -> tuple[str | None, str]:
    """``(date, precision)`` for one date expression; ``(None, "unknown")`` when it cannot be read.

    Forms outside the built-in grammar (e.g. "03.02.2020") go to ``dateparser`` with P as its relative base
    and past dates preferred; without P only expressions holding a four-digit year are tried.
    """
    if not isinstance(expression, str):
        raise TypeError(f"expression={expression!r}: expected a string, got {type(expression).__name__}")
    p = parse_published(published)
    mentions = _finder().find(expression, p)
    if mentions:
        best = max(mentions, key=lambda x: x.end - x.start)
        return best.date, best.precision
    return _dateparser_fallback(expression, p)


_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _dateparser_fallback(expression: str, p: date | None) -> tuple[str | None, str]:
    text = expression.strip()
    if not text or (p is None and not re.search(r"\b\d{4}\b", text)):
        return None, "unknown"
    from dateparser.date import DateDataParser  # slow to import: only when needed

    base = datetime(p.year, p.month, p.day, 12) if p else datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None, "unknown"
    precision = _PERIODS.get(data.period or "day", "day")
    d = data.date_obj.date()
    if precision == "year":
        return _year(d.year)[:2]
    if precision == "month":
        return _month(d.year, d.month)[:2]
    if precision == "week":
        return _week(d)[:2]
    return _day(d)[:2]
