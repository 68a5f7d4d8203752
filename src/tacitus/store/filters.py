"""WHERE clauses for event queries: fixed SQL fragments with ``?`` placeholders, values passed separately."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from tacitus.store.schema import EVENT_DAY_SQL

# Modalities left out of default exports.
EXCLUDED_BY_DEFAULT = ("negated", "hypothetical")


def bbox_bounds(bbox: str | Iterable[Any]) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) from four numbers or "W,S,E,N" text; ValueError naming the box when
    it does not hold four numbers with west<=east within [-180, 180] and south<=north within [-90, 90]."""
    try:
        values = tuple(float(v) for v in (bbox.split(",") if isinstance(bbox, str) else bbox))
    except (TypeError, ValueError):
        values = ()
    if len(values) != 4:
        raise ValueError(f"bbox {bbox!r}: give four numbers, min_lon, min_lat, max_lon, max_lat")
    w, south, e, n = values
    if not (-180 <= w <= e <= 180 and -90 <= south <= n <= 90):  # NaN fails every comparison
        raise ValueError(f"bbox {bbox!r}: west<=east within [-180, 180], south<=north within [-90, 90]")
    return w, south, e, n


def contains_text(columns: Sequence[str], needle: str | None) -> tuple[str, list[str]] | None:
    """The one rule for text filters: true when any of ``columns`` holds ``needle`` (trimmed), ignoring case.

    Every character of the needle is literal, ``%`` and ``_`` included. None when the needle is blank (no
    condition). Returns SQL with ``?`` placeholders and its values.
    """
    if needle is None or not needle.strip():
        return None
    escaped = needle.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    sql = " OR ".join(f"lower(coalesce({c}, '')) LIKE ? ESCAPE '\\'" for c in columns)
    return f"({sql})", [f"%{escaped}%"] * len(columns)


# The columns an actor filter looks in: the source's or the target's name or words.
ACTOR_COLUMNS = ("source_name", "source_text", "target_name", "target_text")


def iso_day(value: str | _dt.date | None, name: str) -> str | None:
    """Normalise a date bound to 'YYYY-MM-DD'; raises ValueError naming the bound when it is not an ISO date."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        for parse in (_dt.date.fromisoformat, _dt.datetime.fromisoformat):
            try:
                parsed = parse(text)
            except ValueError:
                continue
            return (parsed.date() if isinstance(parsed, _dt.datetime) else parsed).isoformat()
    raise ValueError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)")


@dataclass
class EventFilter:
    """Conditions on events; an empty filter matches every mention."""

    country: str | None = None
    plover_type: str | None = None
    actor: str | None = None
    start: str | _dt.date | None = None
    end: str | _dt.date | None = None
    modality: str | Iterable[str] | None = "asserted"
    exclude_modalities: tuple[str, ...] = field(default_factory=tuple)
    mode: str | None = None  # PLOVER mode
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat of the place
    text: str | None = None  # a substring of the evidence sentence (case-insensitive)
    historical: bool = True  # False leaves out background events (acts well before the article's news)

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (empty string when no condition) over ``mentions m JOIN documents d``, and its values."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.country:
            clauses.append("(upper(m.source_country) = ? OR upper(m.target_country) = ?)")
            code = self.country.strip().upper()
            params += [code, code]
        if self.plover_type:
            clauses.append("upper(m.plover_type) = ?")
            params.append(self.plover_type.strip().upper())
        for found in (contains_text([f"m.{c}" for c in ACTOR_COLUMNS], self.actor),
                      contains_text(["m.sentence"], self.text)):
            if found is not None:
                clauses.append(found[0])
                params += found[1]
        start = iso_day(self.start, "start")
        end = iso_day(self.end, "end")
        if start and end and start > end:
            raise ValueError(f"start={start} is after end={end}")
        if start:
            clauses.append(f"{EVENT_DAY_SQL} >= ?")
            params.append(start)
        if end:
            clauses.append(f"{EVENT_DAY_SQL} <= ?")
            params.append(end)
        if self.modality is not None:
            wanted = [self.modality] if isinstance(self.modality, str) else list(self.modality)
            if not wanted:
                raise ValueError("modality: an empty list matches nothing; pass None for all modalities")
            clauses.append("m.modality IN (" + ", ".join("?" for _ in wanted) + ")")
            params += [str(w) for w in wanted]
        if self.mode:
            clauses.append("lower(m.plover_mode) = ?")
            params.append(self.mode.strip().lower())
        if self.bbox is not None:
            w, south, e, n = bbox_bounds(self.bbox)
            clauses.append("m.lon BETWEEN ? AND ? AND m.lat BETWEEN ? AND ?")
            params += [w, e, south, n]
        if not self.historical:
            clauses.append("NOT coalesce(m.historical, false)")
        if self.exclude_modalities:
            clauses.append("m.modality NOT IN (" + ", ".join("?" for _ in self.exclude_modalities) + ")")
            params += list(self.exclude_modalities)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
