"""Place-name normalisation shared by the index builder and the resolver.

Two keys are computed for every name, the same way for gazetteer names and for the text being looked up:

* ``name_key``: case, diacritics, apostrophes and dots folded; other punctuation becomes a space;
  "St"/"Mt"/"Ft" spelled out.  "Mek'ele" -> "mekele", "U.S." -> "us", "St. Louis" -> "saint louis".
* ``loose_key``: ``name_key`` with Arabic and English articles dropped, a final "-ah" shortened to "-a",
  "ou" read as "u" and doubled letters collapsed, so transliteration variants meet: "Al-Tabqa" ~ "Tabqa",
  "Raqqah" ~ "Raqqa", "Mekelle" ~ "Mek'ele", "Ras al-Ain" ~ "Ras el Ain".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tacitus.datafiles import read_yaml_mapping

DATA_DIR = Path(__file__).parent / "data"
NAMES_FILE = DATA_DIR / "names.yaml"

_DROP = re.compile(r"[\'\u2019\u2018\u02bc\u02bb\u02bf\u02be`\u00b4.]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_EXPAND = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_DOUBLE = re.compile(r"([a-z])\1+")


_SPECIAL = str.maketrans({"\u0131": "i", "\u00df": "ss", "\u00f8": "o", "\u00d8": "o", "\u0142": "l",
                          "\u0141": "l", "\u0111": "d", "\u0110": "d", "\u00fe": "th", "\u00e6": "ae",
                          "\u0153": "oe", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
                          "\u2014": "-", "\u00a0": " "})


def fold(text: str) -> str:
    """Lower-case ``text``, drop diacritics and apostrophes; letters outside the Latin script are dropped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL)).encode("ascii", "ignore").decode("ascii")
    return _DROP.sub("", text.lower())


def name_key(text: str) -> str:
    """The exact lookup key of a place name ("" when nothing usable is left)."""
    words = _NON_ALNUM.sub(" ", fold(text)).split()
    return " ".join(_EXPAND.get(w, w) for w in words)


def is_latin_key(key: str) -> bool:
    """True when ``key`` holds only ASCII letters, digits and spaces (names in other scripts are not indexed)."""
    return bool(key) and key.isascii() and any(ch.isalpha() for ch in key)


@dataclass(frozen=True)
class Vocabulary:
    """The hand-kept word lists of ``names.yaml``."""

    admin1_suffixes: tuple[str, ...]
    admin1_prefixes: tuple[str, ...]
    city_prefixes: tuple[str, ...]
    city_suffixes: tuple[str, ...]
    qualifier_modifiers: frozenset[str]
    articles: frozenset[str]
    not_places: frozenset[str]
    country_aliases: dict[str, list[str]]
    admin1_aliases: dict[str, list[str]]
    detail_countries: frozenset[str]
    detail_min_population: int
    regions: tuple[dict[str, Any], ...]
    state_homonyms: dict[str, str]  # name key -> the country whose state it also names


def _keys(items: Any, what: str) -> tuple[str, ...]:
    if not isinstance(items, list):
        raise ValueError(f"{NAMES_FILE}: '{what}' must be a list, got {type(items).__name__}")
    if any(isinstance(x, bool) for x in items):
        raise ValueError(f"{NAMES_FILE}: '{what}' holds a YAML boolean (quote words like \"no\", \"on\")")
    keys = {name_key(str(x)) for x in items}
    # longest first so that "autonomous okrug" is tried before "okrug"
    return tuple(sorted((k for k in keys if k), key=lambda k: (-len(k), k)))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load ``names.yaml`` once."""
    raw = read_yaml_mapping(NAMES_FILE)
    admin = raw.get("admin1_words") or {}
    city = raw.get("city_words") or {}
    detail = raw.get("detail_countries") or {}
    return Vocabulary(
        admin1_suffixes=_keys(admin.get("suffixes", []), "admin1_words.suffixes"),
        admin1_prefixes=_keys(admin.get("prefixes", []), "admin1_words.prefixes"),
        city_prefixes=_keys(city.get("prefixes", []), "city_words.prefixes"),
        city_suffixes=_keys(city.get("suffixes", []), "city_words.suffixes"),
        qualifier_modifiers=frozenset(_keys(raw.get("qualifier_modifiers", []), "qualifier_modifiers")),
        articles=frozenset(_keys(raw.get("articles", []), "articles")),
        not_places=frozenset(_keys(raw.get("not_places", []), "not_places")),
        country_aliases={str(k): [str(x) for x in v] for k, v in (raw.get("country_aliases") or {}).items()},
        admin1_aliases={str(k): [str(x) for x in v] for k, v in (raw.get("admin1_aliases") or {}).items()},
        detail_countries=frozenset(str(x) for x in detail.get("countries", [])),
        detail_min_population=int(detail.get("min_population", 15000)),
        regions=tuple(_region(r) for r in raw.get("regions") or []),
        state_homonyms={name_key(str(k)): str(v) for k, v in (raw.get("state_homonyms") or {}).items()},
    )


def homonym_home(name: str) -> str | None:
    """The country a state of which a country's name also names (names.yaml ``state_homonyms``: "Georgia" ->
    USA), or None."""
    homonyms = vocabulary().state_homonyms
    return homonyms.get(name_key(name.strip())) if homonyms else None


def _region(item: Any) -> dict[str, Any]:
    if not isinstance(item, dict) or not {"name", "country", "lat", "lon"} <= set(item):
        raise ValueError(f"{NAMES_FILE}: each region needs name, country, lat and lon; got {item!r}")
    lat, lon = float(item["lat"]), float(item["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"{NAMES_FILE}: region {item['name']!r} has coordinates out of range")
    population = item.get("population", 0)
    if not isinstance(population, int) or population < 0:
        raise ValueError(f"{NAMES_FILE}: region {item['name']!r} has a population that is no whole number >= 0")
    return {"name": str(item["name"]), "country": str(item["country"]), "lat": lat, "lon": lon,
            "population": population, "aliases": [str(a) for a in item.get("aliases") or []]}


def loose_key(key: str, articles: frozenset[str] | None = None) -> str:
    """A coarser key for a second lookup (see the module docstring)."""
    arts = vocabulary().articles if articles is None else articles
    words = [w for w in key.split() if w not in arts] or key.split()
    out = []
    for w in words:
        if len(w) > 3 and w.endswith("ah"):
            w = w[:-1]
        w = w.replace("ou", "u")
        out.append(_DOUBLE.sub(r"\1", w))
    return " ".join(out)


def strip_words(key: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> tuple[str, bool]:
    """Remove one leading phrase from ``prefixes`` and one trailing phrase from ``suffixes``.

    Returns the rest and whether anything was removed; a key made only of such words is kept whole.
    """
    rest, changed = key, False
    for p in prefixes:
        if rest.startswith(p + " "):
            rest, changed = rest[len(p) + 1:], True
            break
    for s in suffixes:
        if rest.endswith(" " + s):
            rest, changed = rest[: -len(s) - 1], True
            break
    return (rest, changed) if rest else (key, False)


def is_abbreviation(text: str) -> bool:
    """True for short all-capital forms such as "US", "U.S.", "UK", "CA", "N.Y." (matched case-sensitively)."""
    letters = re.sub(r"[.\s]", "", text)
    return 1 < len(letters) <= 4 and letters.isalpha() and letters.isupper()


def abbreviation_key(text: str) -> str:
    """The case-sensitive key of an abbreviation: the capitals without dots or spaces ("U.S." -> "US")."""
    return re.sub(r"[.\s]", "", text.strip())
