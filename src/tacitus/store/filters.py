"""WHERE clauses for event queries: fixed SQL fragments with ``?`` placeholders, values passed separately."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from tacitus.records import COUNTED_MODALITIES, MODALITIES
from tacitus.store.schema import EVENT_DAY_SQL



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


# The first day a de-duplicated event's date stands for ("2020-02-04", "2019-10", "2019"); NULL without a date.
EVENTS_DAY_SQL = ("CASE WHEN date IS NULL THEN NULL WHEN length(date) = 4 THEN CAST(date || '-01-01' AS DATE) "
                  "WHEN length(date) = 7 THEN CAST(date || '-01' AS DATE) ELSE CAST(date AS DATE) END")

# What a filter reads on each kind of row: the column prefix and the day a row falls on. A mention without a date
# falls on its article's publication day; a de-duplicated event without a date falls on no day.
_ON = {
    "mentions": ("m.", EVENT_DAY_SQL, "?"),
    "events": ("", EVENTS_DAY_SQL, "CAST(? AS DATE)"),
}


@dataclass(frozen=True)
class EventFilter:
    """Which events to read; every given field must hold, and an empty filter holds for every counted event.

    The one filter of the store, the analysis functions, the API and the CLI:

    - ``country``: the source's, the target's or the place's country (ISO alpha-3 or PLOVER code);
    - ``plover_type``, ``mode``: a PLOVER type and mode;
    - ``actor``: part of the source's or target's name or words; ``text``: part of the evidence sentence (both
      ignoring case, every character literal, ``%`` and ``_`` included);
    - ``since``/``until``: ISO dates, inclusive;
    - ``modality``: one modality, several, or None for all; the default is the counted ones
      (records.COUNTED_MODALITIES), as in the de-duplicated events;
    - ``bbox``: (min_lon, min_lat, max_lon, max_lat) of the place, or the same as "W,S,E,N" text;
    - ``historical``: False leaves out background events (acts well before the article's news).
    """

    country: str | None = None
    plover_type: str | None = None
    actor: str | None = None
    since: str | _dt.date | None = None
    until: str | _dt.date | None = None
    modality: str | Iterable[str] | None = COUNTED_MODALITIES
    mode: str | None = None
    bbox: tuple[float, float, float, float] | str | None = None
    text: str | None = None
    historical: bool = True

    @classmethod
    def given(cls, filters: "EventFilter | None", keywords: dict[str, Any]) -> "EventFilter":
        """The filter a caller gave, or one made of its filter keywords (TypeError naming an unknown one); a
        ValueError when it gave both."""
        if filters is not None and keywords:
            raise ValueError("give either filters=EventFilter(...) or filter keywords, not both")
        return filters if filters is not None else cls(**keywords)

    def where(self, on: str = "mentions") -> tuple[str, list[Any]]:
        """The WHERE clause (empty string when no condition) and its values, over ``mentions m JOIN documents d``
        (``on="mentions"``) or over the ``events`` view (``on="events"``, which holds the counted modalities
        only); ValueError naming the field that cannot be read."""
        if on not in _ON:
            raise ValueError(f"on={on!r}: choose one of {', '.join(_ON)}")
        p, day, as_day = _ON[on]
        clauses: list[str] = []
        params: list[Any] = []
        if self.country:
            code = self.country.strip().upper()
            # (or of a party an act lists beside its source and target: rows._also_json writes them as JSON)
            clauses.append(f"(upper({p}source_country) = ? OR upper({p}target_country) = ? "
                           f"OR upper({p}location_country) = ? OR contains(coalesce({p}also_actors, ''), ?))")
            params += [code] * 3 + [f'"country": {json.dumps(code)}']
        if self.plover_type:
            clauses.append(f"upper({p}plover_type) = ?")
            params.append(self.plover_type.strip().upper())
        for found in (contains_text([p + c for c in ACTOR_COLUMNS], self.actor),
                      contains_text([f"{p}sentence"], self.text)):
            if found is not None:
                clauses.append(found[0])
                params += found[1]
        since, until = iso_day(self.since, "since"), iso_day(self.until, "until")
        if since and until and since > until:
            raise ValueError(f"since={since} is after until={until}")
        if since:
            clauses.append(f"{day} >= {as_day}")
            params.append(since)
        if until:
            clauses.append(f"{day} <= {as_day}")
            params.append(until)
        wanted = self._modalities()
        if on == "events":
            if wanted is not None and set(wanted) != set(COUNTED_MODALITIES):
                raise ValueError("modality: the de-duplicated events hold the counted modalities "
                                 f"({', '.join(COUNTED_MODALITIES)}) together; filter modalities on mentions")
        elif wanted is not None:
            clauses.append(f"{p}modality IN (" + ", ".join("?" for _ in wanted) + ")")
            params += wanted
        if self.mode:
            clauses.append(f"lower({p}plover_mode) = ?")
            params.append(self.mode.strip().lower())
        if self.bbox is not None:
            w, south, e, n = bbox_bounds(self.bbox)
            clauses.append(f"{p}lon BETWEEN ? AND ? AND {p}lat BETWEEN ? AND ?")
            params += [w, e, south, n]
        if not self.historical:
            clauses.append(f"NOT coalesce({p}historical, false)")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _modalities(self) -> list[str] | None:
        if self.modality is None:
            return None
        wanted = [self.modality] if isinstance(self.modality, str) else [str(m) for m in self.modality]
        if not wanted:
            raise ValueError("modality: an empty list matches nothing; pass None for all modalities")
        unknown = [m for m in wanted if m not in MODALITIES]
        if unknown:
            raise ValueError(f"modality {unknown[0]!r}: choose among {', '.join(MODALITIES)}")
        return wanted
