"""Conversions between records and table rows: Events to checked mentions columns, flat rows back to contract dicts,
run settings and reports to JSON text."""

from __future__ import annotations

import datetime as _dt
import json
import numbers
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import pyarrow as pa

from tacitus.records import Actor, Event, Location, listed_parties
from tacitus.store.schema import FLAT_COLUMNS, MENTION_COLUMNS

_ACTOR_FIELDS = ("text", "name", "country", "sector", "kb_id")

def _actor_values(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{prefix}_{f}": (getattr(actor, f) if actor else None) for f in _ACTOR_FIELDS}


def event_row(ev: Event) -> dict[str, Any]:
    """The mentions-table row of one event (document fields are not part of it)."""
    loc = ev.location
    row: dict[str, Any] = {
        "event_id": ev.event_id,
        "doc_id": ev.doc_id,
        "sentence_index": ev.sentence_index,
        "sentence": ev.sentence,
        "evidence_start": ev.evidence_start,
        "evidence_end": ev.evidence_end,
        "plover_type": ev.plover_type,
        "plover_mode": ev.plover_mode,
        "plover_contexts": [str(c) for c in ev.plover_contexts],
        "cameo_code": ev.cameo_code,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
        **_actor_values("source", ev.source),
        **_actor_values("target", ev.target),
        "date": ev.date,
        "date_precision": ev.date_precision,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "geonames_id": loc.geonames_id if loc else None,
        "fatalities": ev.fatalities,
        "modality": ev.modality,
        "attribution": ev.attribution,
        "confidence": ev.confidence,
        "predicate": ev.predicate,
        "location_basis": loc.basis if loc else None,
        "fatalities_civilians": ev.fatalities_civilians,
        "location_text": loc.text if loc else None,
        "historical": ev.historical,
        "from_title": ev.from_title,
        "also_actors": _also_json(ev),
    }
    return row


def _also_json(ev: Event) -> str | None:
    """The act's other parties as JSON text (Event.also_dict); None when it has none."""
    if not ev.also_sources and not ev.also_targets:
        return None
    return json.dumps(ev.also_dict(), ensure_ascii=False)


def flat_row(ev: Event) -> dict[str, Any]:
    """One event as a flat export row (the columns of FLAT_COLUMNS, document fields included)."""
    row = event_row(ev)
    row.update(published=ev.published, title=ev.title, url=ev.url, publisher=ev.publisher)
    return {c: row[c] for c in FLAT_COLUMNS}


# The kind of each typed column (the others hold strings): the Python values a mentions row takes, as DuckDB
# stores them, and the Arrow type of the column in Parquet files.
_KINDS: dict[str, str] = {
    "sentence_index": "int32", "evidence_start": "int32", "evidence_end": "int32", "quad_class": "int32",
    "fatalities": "int32", "geonames_id": "int64", "goldstein": "float", "lat": "float", "lon": "float",
    "confidence": "float", "plover_contexts": "strings", "fatalities_civilians": "bool", "historical": "bool",
    "from_title": "bool",
}
_INT32 = (-(2 ** 31), 2 ** 31 - 1)
_ARROW_OF_KIND: dict[str, pa.DataType] = {"int32": pa.int32(), "int64": pa.int64(), "float": pa.float64(),
                                          "bool": pa.bool_(), "strings": pa.list_(pa.string()), "string": pa.string()}

FLAT_ARROW_SCHEMA = pa.schema([(c, _ARROW_OF_KIND[_KINDS.get(c, "string")]) for c in FLAT_COLUMNS])


def _checked(column: str, value: Any) -> Any:
    """``value`` as the column stores it; ValueError when it cannot be (the store then rejects the document)."""
    if value is None:
        return None
    kind = _KINDS.get(column, "string")
    if kind == "string":
        if isinstance(value, str):
            return value
    elif kind == "bool":
        if isinstance(value, (bool, numbers.Integral)) and value in (0, 1):
            return bool(value)
    elif kind in ("int32", "int64"):
        if isinstance(value, numbers.Integral) and not isinstance(value, bool):
            low, high = _INT32 if kind == "int32" else (-(2 ** 63), 2 ** 63 - 1)
            if low <= value <= high:
                return int(value)
    elif kind == "float":
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            return float(value)
    elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"{column} = {value!r:.60} is not of type {kind}")


def mention_columns(events: Iterable[Event]) -> dict[str, list]:
    """The events as one list per mentions column (in MENTION_COLUMNS order), each value checked against its
    column; raises ValueError naming the event whose values do not fit."""
    columns: dict[str, list] = {c: [] for c in MENTION_COLUMNS}
    for ev in events:
        if not isinstance(ev, Event):
            raise ValueError(f"expected tacitus.records.Event, got {type(ev).__name__}")
        if ev.source is None:
            raise ValueError(f"event {ev.event_id!r} has no source actor")
        row = event_row(ev)
        try:
            values = [_checked(c, row[c]) for c in MENTION_COLUMNS]
        except ValueError as exc:
            raise ValueError(f"event {ev.event_id!r} has a value of the wrong type: {exc}") from exc
        for c, v in zip(MENTION_COLUMNS, values):
            columns[c].append(v)
    return columns


def _actor_from(row: Mapping[str, Any], prefix: str) -> Actor | None:
    if row.get(f"{prefix}_text") is None:
        return None
    return Actor(**{f: row.get(f"{prefix}_{f}") for f in _ACTOR_FIELDS})


def _location_from(row: Mapping[str, Any]) -> Location | None:
    if row.get("location_name") is None:
        return None
    gid = row.get("geonames_id")
    return Location(
        name=row["location_name"],
        country=row.get("location_country"),
        admin1=row.get("location_admin1"),
        lat=row.get("lat"),
        lon=row.get("lon"),
        precision=row.get("location_precision") or "city",
        geonames_id=int(gid) if gid is not None else None,
        basis=row.get("location_basis") or "clause",
        text=row.get("location_text"),
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    """Rebuild an Event from a flat row (mentions columns plus the document's published/title/url/publisher)."""
    also = json.loads(row["also_actors"]) if row.get("also_actors") else None
    return Event(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        sentence_index=int(row["sentence_index"]),
        sentence=row["sentence"],
        evidence_start=int(row["evidence_start"]),
        evidence_end=int(row["evidence_end"]),
        plover_type=row["plover_type"],
        plover_mode=row.get("plover_mode"),
        plover_contexts=list(row.get("plover_contexts") or []),
        cameo_code=row["cameo_code"],
        goldstein=row.get("goldstein"),
        quad_class=row.get("quad_class"),
        source=_actor_from(row, "source"),
        target=_actor_from(row, "target"),
        date=row.get("date"),
        date_precision=row.get("date_precision") or "unknown",
        location=_location_from(row),
        fatalities=row.get("fatalities"),
        fatalities_civilians=bool(row.get("fatalities_civilians") or False),
        modality=row.get("modality") or "asserted",
        attribution=row.get("attribution"),
        confidence=row.get("confidence") if row.get("confidence") is not None else 0.5,
        published=row.get("published"),
        title=row.get("title"),
        url=row.get("url"),
        publisher=row.get("publisher"),
        predicate=row.get("predicate"),
        historical=bool(row.get("historical") or False),
        from_title=bool(row.get("from_title") or False),
        also_sources=listed_parties(also, "sources"),
        also_targets=listed_parties(also, "targets"),
    )


def contract_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """The public JSON shape (``Event.to_dict``) of one flat row."""
    return event_from_row(row).to_dict()


def _json_default(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (Path, _dt.date)):
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def to_json(value: Any, what: str) -> str:
    """``value`` as JSON text for a column (records, dataclasses, paths, dates and sets as JSON holds them);
    ValueError naming ``what`` when it cannot be."""
    try:
        return json.dumps(value, default=_json_default, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} cannot be stored as JSON: {exc}") from exc
