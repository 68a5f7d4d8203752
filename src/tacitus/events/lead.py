"""What an article says of itself before its first sentence: a timestamp in the title (or a header's weekday and
numeric date, "Mon. 02/07/12"), a dateline ("UNITED NATIONS, May 28 (Xinhua) --",
"ISLAMABAD:", "March 5, 2001 --"), and a title that states the news the body does not repeat.

:func:`read_lead` works on the text alone, before parsing: it cuts the dateline off the body (so that the parser
never reads "KABUL, Afghanistan" as the subject of the first sentence), and says which title is to be coded as
the lead sentence. The anchoring stage resolves the dateline's place and date (``anchoring.document_anchors``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from tacitus.events.anchor_words import AnchorWords
from tacitus.records import Document

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
_PLACE = r"(?P<place>[A-Z][A-Z'\u2019.\-]*[A-Z.](?:[ \-][A-Z][A-Z'\u2019.\-]*)*)"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.\-]+(?:\s+[A-Z][A-Za-z.\-]+){0,3}))?"
_DATE = rf"(?:,?\s*(?P<date>{_DAY}))?"
_AGENCY = r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
_SEP = r"\s*(?:--|\u2014|\u2013|-|:)\s*"
DATELINE = re.compile(rf"^\s*{_PLACE}{_REGION}{_DATE}{_AGENCY}(?P<sep>{_SEP})(?=\S)")
PLACE_ONLY = re.compile(rf"^\s*{_PLACE}{_REGION}{_DATE}{_AGENCY}\s*$")  # "KANSAS CITY, Mo." alone, "--" after
LEADING_SEP = re.compile(r"^\s*(?:--|\u2014|\u2013)\s*")
DATE_ONLY = re.compile(rf"^\s*(?P<date>{_MONTH}\s+\d{{1,2}},\s+\d{{4}})\s*(?:--|\u2014|\u2013|:)\s*(?=\S)")
TIMESTAMP = re.compile(r"^\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[A-Z]{2,4}\b)?\s*")
# a header's date with its weekday ("WORLD PAPERS, Mon. 02/07/12:"): the weekday says which number is the day
WEEKDAY_NUMERIC = re.compile(r"\b(?P<wd>Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)[a-z]*\.?,?\s+"
                             r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{2}|\d{4})\b")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HEADER = 160  # characters of the title and the body's opening a header's stamp may stand in
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a number told as a year: after a month, a day or a word that introduces a year ("in 2013", "May 5, 2013", "since
# 1998"), not a count ("1900 people"); read on the words just before and after each four-digit number
YEAR_BEFORE = re.compile(rf"(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?|\b(?:in|since|of|by|until|from|during|early|late|mid-?|"
                         r"year|the)\s+)$", re.IGNORECASE)
COUNT_AFTER = re.compile(r"\s+(?:[a-z]+s|people)\b")
# a site's or agency's name closing a scraped title ("... in northern state - Xinhua", "... | KSL.com"): not news
SITE_SUFFIX = re.compile(r"\s+[-|\u2013\u2014]\s+(?P<site>[A-Z][\w.&']*(?:\s+[A-Z][\w.&']*){0,3})\s*$")
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)\s*$")
HEADING_LINES = 2  # headline lines a page may print before the paragraph that opens with the dateline
HEADING_CHARS = 150  # characters: a longer line is a paragraph of the story
MAX_DATELINE = 90  # characters: a longer opening is a sentence, not a dateline
TITLE_REPEATED = 0.75  # share of the title's words the body's opening must hold for the title to be a repeat
CONTENT_WORD = 4  # letters: shorter words ("a", "the", "and") say nothing of whether the title is repeated


@dataclass(frozen=True)
class Dateline:
    place: str | None  # as written: "UNITED NATIONS", "KABUL, Afghanistan"
    date: str | None  # the date words: "May 28", "March 5, 2001"
    agency: str | None


@dataclass(frozen=True)
class Lead:
    text: str  # the body, its dateline cut off
    dateline: Dateline | None
    title: str | None  # the title to code as the lead sentence (None: no title, or the body repeats it)
    stamp: str | None  # the ISO date of a timestamp opening the title
    year: int | None  # a year the title states ("... in 2019"), context for dates given without one
    headline: str | None = None  # the title's words (timestamp and dateline cut), coded or not: where the news is


def _heading(paragraph: str) -> bool:
    """A line that reads as a headline or standfirst: short, and not ended as a sentence."""
    line = paragraph.strip()
    return 0 < len(line) <= HEADING_CHARS and not line.endswith((".", "!", "?", '"', "\u201d", ":"))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _content(words: list[str]) -> list[str]:
    return [w for w in words if len(w) >= CONTENT_WORD]


def read_dateline(text: str, words: AnchorWords, is_place: Callable[[str], bool]) -> tuple[Dateline, int] | None:
    """The dateline opening ``text`` and the number of characters it takes, or None."""
    m = DATE_ONLY.match(text)
    if m:
        return Dateline(place=None, date=m["date"], agency=None), m.end()
    m = DATELINE.match(text)
    if m is None or m.end() > MAX_DATELINE:
        return None
    place = m["place"].strip(" .-")
    if not place or place.lower() in words.not_datelines or place.split()[0].lower() in words.not_datelines \
            or len(re.sub(r"[^A-Z]", "", place)) < 3:
        return None
    agency = m["agency"]
    known_agency = agency is not None and any(agency.strip().lower() == a.lower() for a in words.agencies)
    named = place if not m["region"] else f"{place}, {m['region']}"
    strong = m["sep"].strip() in ("--", "\u2014")  # "CONTRA COSTA COUNTY --": a dateline even when no place is known
    if not (known_agency or m["date"] or strong or is_place(named)):
        return None  # capitals and a colon that are no place: "NOTE:", "FACT CHECK -"
    if m["sep"].strip() == "-" and not (known_agency or m["date"]) and not m["sep"].startswith(" "):
        return None  # "ANTI-WAR" and the like
    return Dateline(place=named, date=m["date"], agency=agency), m.end()


def read_lead(document: Document, words: AnchorWords, is_place: Callable[[str], bool]) -> Lead:
    """The document's dateline (cut from its body), title timestamp and title to code."""
    paragraphs = document.paragraphs
    dateline = None
    if paragraphs:
        first = paragraphs[0]
        found = read_dateline(first, words, is_place)
        if found is not None:
            dateline, cut = found
            paragraphs = [first[cut:].strip(), *paragraphs[1:]]
        elif len(paragraphs) > 1 and PLACE_ONLY.match(first) and LEADING_SEP.match(paragraphs[1]):
            found = read_dateline(first.strip() + " -- " + paragraphs[1][LEADING_SEP.match(paragraphs[1]).end():],
                                  words, is_place)
            if found is not None:
                dateline = found[0]
                paragraphs = [paragraphs[1][LEADING_SEP.match(paragraphs[1]).end():].strip(), *paragraphs[2:]]
    for k in range(1, min(HEADING_LINES + 1, len(paragraphs))) if dateline is None else ():
        # a scraped page's headline and standfirst lines before the paragraph that opens with the dateline
        if not _heading(paragraphs[k - 1]):
            break
        found = read_dateline(paragraphs[k], words, is_place)
        if found is not None:
            dateline, cut = found
            paragraphs = [*paragraphs[:k], paragraphs[k][cut:].strip(), *paragraphs[k + 1:]]
            break
    title, stamp = (document.title or "").strip(), None
    m = TIMESTAMP.match(title)
    if m and title[m.end():].strip():
        stamp, title = m["date"], title[m.end():].strip()
    site = SITE_SUFFIX.search(title)
    if site is not None and (site["site"] in words.agencies or not is_place(site["site"])
                             or site["site"] not in document.text):  # an outlet ("- Dawn") the body never names
        title = title[:site.start()]  # (not "... clash with police in capital - Nairobi")
    for _ in range(2):  # "SOUTH SAN FRANCISCO -- SOUTH SAN FRANCISCO - It's ...": a dateline given twice
        found = read_dateline(title, words, is_place) if title else None
        if found is None:
            break
        dateline = dateline or found[0]
        title = title[found[1]:].strip()
    if title and paragraphs and _words(paragraphs[0]) == _words(title) and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]  # the headline printed again as the body's first line: it is the title
    year = None
    years = YEAR.findall(title)
    if years:
        year = int(years[-1])
    elif dateline is not None and dateline.date and YEAR.search(dateline.date):
        year = int(YEAR.search(dateline.date).group(1))
    body = "\n\n".join(p for p in paragraphs if p.strip())
    if stamp is None and (dateline is None or not dateline.date):
        stamp = header_stamp(document.title or "", body)
    return Lead(text=body, dateline=dateline, title=title if title and not repeated(title, body) else None,
                stamp=stamp, year=year, headline=title or None)


def story_year(document: Document, today: dt.date | None = None) -> int | None:
    """The latest year an undated article states (none after this year): the era its actors are read in ("the
    president" of a story that says "in 2013" is the one of 2013, not today's)."""
    text = f"{document.title or ''} {document.text}"
    years = [int(m[1]) for m in YEAR.finditer(text) if YEAR_BEFORE.search(text, max(0, m.start() - 24), m.start())
             and not COUNT_AFTER.match(text, m.end())]
    years = [y for y in years if y <= (today or dt.date.today()).year]
    return max(years) if years else None


def header_stamp(title: str, body: str) -> str | None:
    """A date the title or the body's opening gives as the story's own stamp: a numeric date beside its weekday,
    read in the order (day/month or month/day) the weekday allows. ISO or None."""
    for text in (title[:HEADER], body[:HEADER]):
        m = WEEKDAY_NUMERIC.search(text)
        if m:
            year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
            wanted = WEEKDAYS.index(m["wd"][:3].lower())
            fits = set()
            for day, month in ((int(m["a"]), int(m["b"])), (int(m["b"]), int(m["a"]))):
                try:
                    d = dt.date(year, month, day)
                except ValueError:
                    continue
                if d.weekday() == wanted:
                    fits.add(d)
            if len(fits) == 1:
                return fits.pop().isoformat()
    return None


def repeated(title: str, body: str) -> bool:
    """Whether the body's opening repeats the title: it starts with the title (a title cut off with "..." is the
    first sentence's beginning), or holds most of the title's words."""
    head = _words(ELLIPSIS.sub("", title))
    if not head:
        return True
    opening = _words(body[:len(title) * 3 + 200])
    if opening[:len(head)] == head:
        return True
    held, content = set(opening), _content(head)
    return bool(content) and sum(w in held for w in content) >= TITLE_REPEATED * len(content)
