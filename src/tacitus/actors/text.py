"""Text normalisation shared by the knowledge files and the mentions they are matched against.

A phrase becomes a tuple of *words*: accents folded, lower-cased, dots and apostrophes dropped
("U.S." -> "us", "d'Ivoire" -> "divoire", "People's" -> "people"), hyphens and slashes split
("al-Qaeda" -> "al", "qaeda"). Each word keeps its *raw* form (original case, dots dropped) so
that an alias written in capitals ("US", "WHO") only matches capitals.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

_SPLIT = re.compile(r"[\s\-/‐‑–—_]+")
_DROP = re.compile(r"[.'’‘`´]")
_STRIP = re.compile(r"^[^\w&+]+|[^\w&+]+$")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def fold(text: str) -> str:
    """Strip accents: "Erdoğan" -> "Erdogan", "Élysée" -> "Elysee"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def split_raw(text: str) -> list[str]:
    """The raw word forms of a piece of text: accents folded, case kept, punctuation dropped."""
    out: list[str] = []
    for part in _SPLIT.split(fold(text)):
        part = _POSSESSIVE.sub("", part)
        part = _STRIP.sub("", _DROP.sub("", part))
        if part:
            out.append(part)
    return out


def words(text: str) -> tuple[str, ...]:
    """The normalised words of a phrase (the matching key)."""
    return tuple(w.lower() for w in split_raw(text))


def case_rule(raw_words: list[str] | tuple[str, ...]) -> str:
    """How strictly an alias, given as its raw words (``split_raw``), must match the case of the text.

    "exact": the alias is written in capitals ("US", "WHO", "ISIS"): the text must be too.
    "capital": the alias has a capital letter: some matched word in the text must have one.
    "any": a lower-case alias matches any case.
    """
    letters = [c for c in "".join(raw_words) if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6:
        return "exact"
    if any(c.isupper() for c in letters):
        return "capital"
    return "any"


def case_ok(rule: str, alias_raw: tuple[str, ...], text_raw: tuple[str, ...]) -> bool:
    """Whether raw text words satisfy an alias' case rule."""
    if rule == "exact":
        return text_raw == alias_raw
    if rule == "capital":
        return any(any(c.isupper() for c in w) for w in text_raw)
    return True


def plural_forms(word: str) -> list[str]:
    """Regular English plurals of a (last) word, for the agent vocabulary."""
    if word.endswith("man") and not word.endswith("human"):
        return [word[:-3] + "men"]
    if word.endswith("person"):
        return [word[:-6] + "people", word + "s"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"]
    if word.endswith("f") and not word.endswith(("ff", "chief")):
        return [word[:-1] + "ves", word + "s"]
    return [word + "s"]


def parse_date(value: object, what: str) -> date | None:
    """An ISO date (or the date part of an ISO timestamp); None for empty. Raises ValueError naming `what`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not an ISO date (YYYY-MM-DD)") from None
