"""The date vocabulary of ``data/expressions.yaml``, loaded once and turned into regular-expression pieces."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tacitus.datafiles import read_yaml_mapping

EXPRESSIONS_FILE = Path(__file__).parent / "data" / "expressions.yaml"


@dataclass(frozen=True)
class DateVocabulary:
    weekdays: dict[str, int]
    months: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, dict[str, Any]]
    day_phrases: dict[str, int]
    period_phrases: dict[str, tuple[str, int]]
    lately_phrases: frozenset[str]  # weekends read as the one just gone (the story's own week when it is told on
    #                                 one), the coming one in a clause of the future
    weekday_modifiers: dict[str, str]
    day_parts: tuple[str, ...]
    date_prepositions: tuple[str, ...]
    relation_words: dict[str, int]
    same_day_gaps: tuple[str, ...]
    year_determiners: tuple[str, ...]
    weekday_equal_to_published: str
    undated_future_window_days: int

    @property
    def full_weekdays(self) -> dict[str, int]:
        """Weekday names of four letters or more ("Tuesday"; abbreviations like "Sun" are too ambiguous)."""
        return {k: v for k, v in self.weekdays.items() if len(k) > 4}

    @property
    def full_months(self) -> dict[str, int]:
        """Month names that are whole words ("May", "June"), for forms without a day or year."""
        return {k: v for k, v in self.months.items() if len(k) > 3 or k == "may"}


def alternation(words: Any) -> str:
    """A regex alternation of ``words`` (longest first), spaces matching any run of spaces."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _mapping(raw: dict, name: str, kind: type) -> dict:
    value = raw.get(name)
    if not isinstance(value, dict):
        raise ValueError(f"{EXPRESSIONS_FILE}: '{name}' must be a mapping")
    if any(isinstance(k, bool) for k in value):
        raise ValueError(f"{EXPRESSIONS_FILE}: '{name}' has a YAML boolean key (quote words like \"on\", \"no\")")
    try:
        return {str(k).lower(): kind(v) for k, v in value.items()}
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{EXPRESSIONS_FILE}: '{name}' has a value of the wrong type ({exc})") from exc


def _words(raw: dict, name: str) -> tuple[str, ...]:
    value = raw.get(name)
    if not isinstance(value, list):
        raise ValueError(f"{EXPRESSIONS_FILE}: '{name}' must be a list")
    if any(isinstance(x, bool) for x in value):
        raise ValueError(f"{EXPRESSIONS_FILE}: '{name}' holds a YAML boolean (quote words like \"on\", \"no\")")
    return tuple(str(x).lower() for x in value)


@lru_cache(maxsize=1)
def date_vocabulary() -> DateVocabulary:
    """Load and check ``expressions.yaml``."""
    raw = read_yaml_mapping(EXPRESSIONS_FILE)
    units = raw.get("units") or {}
    for name, spec in units.items():
        if not isinstance(spec, dict) or spec.get("precision") not in {"day", "week", "month", "year"}:
            raise ValueError(f"{EXPRESSIONS_FILE}: unit {name!r} needs a precision of day/week/month/year")
    periods = {}
    for phrase, spec in (raw.get("period_phrases") or {}).items():
        if not isinstance(spec, dict) or spec.get("unit") not in {"week", "month", "year"}:
            raise ValueError(f"{EXPRESSIONS_FILE}: period phrase {phrase!r} needs unit week/month/year")
        periods[str(phrase).lower()] = (spec["unit"], int(spec.get("shift", 0)))
    lately = frozenset(str(p).lower() for p, spec in (raw.get("period_phrases") or {}).items()
                       if str(spec.get("lately", "false")).lower() == "true")
    settings = raw.get("settings") or {}
    equal = str(settings.get("weekday_equal_to_published", "previous"))
    if equal not in {"previous", "same"}:
        raise ValueError(f"{EXPRESSIONS_FILE}: weekday_equal_to_published must be 'previous' or 'same', not {equal!r}")
    modifiers = _mapping(raw, "weekday_modifiers", str)
    if not set(modifiers.values()) <= {"previous", "plain", "this", "next"}:
        raise ValueError(f"{EXPRESSIONS_FILE}: weekday_modifiers values must be previous/plain/this/next")
    return DateVocabulary(
        weekdays=_mapping(raw, "weekdays", int),
        months=_mapping(raw, "months", int),
        numbers=_mapping(raw, "numbers", int),
        units={str(k).lower(): dict(v) for k, v in units.items()},
        day_phrases=_mapping(raw, "day_phrases", int),
        period_phrases=periods,
        lately_phrases=lately,
        weekday_modifiers=modifiers,
        day_parts=_words(raw, "day_parts"),
        date_prepositions=_words(raw, "date_prepositions"),
        relation_words=_mapping(raw, "relation_words", int),
        same_day_gaps=_words(raw, "same_day_gaps"),
        year_determiners=_words(raw, "year_determiners"),
        weekday_equal_to_published=equal,
        undated_future_window_days=int(settings.get("undated_future_window_days", 0)),
    )
