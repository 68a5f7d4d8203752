"""Writing coded events as they come (JSONL, CSV, Parquet) and the run report."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tacitus import __version__
from tacitus.records import Event, InputStatus

DEFAULT_MODALITIES = ("asserted", "future")  # negated and hypothetical events are kept out by default


def flat_event(d: dict) -> dict:
    """A contract event dict flattened to one level ("source.country" -> "source_country")."""
    out: dict = {}
    for key, value in d.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                out[f"{key}_{sub}"] = "|".join(v) if isinstance(v, list) else v
        elif value is None and key in ("target", "location"):
            continue
        else:
            out[key] = value
    return out


FLAT_COLUMNS = list(flat_event({
    **Event.from_dict({
        "event_id": "", "doc_id": "", "sentence_index": 0, "sentence": "", "evidence": {"start": 0, "end": 0},
        "plover": {"type": "", "mode": None, "contexts": []}, "cameo": {"code": "", "goldstein": 0, "quad_class": 0},
        "source": {"text": "", "name": None, "country": None, "sector": None, "kb_id": None},
        "target": {"text": "", "name": None, "country": None, "sector": None, "kb_id": None},
        "location": {"name": "", "country": None, "admin1": None, "lat": None, "lon": None, "precision": "city",
                     "geonames_id": None},
    }).to_dict()
}))


class Writer:
    def __init__(self, fmt: str, path: Path | None, include_all: bool) -> None:
        self.fmt, self.path, self.include_all = fmt, path, include_all
        self.rows = 0
        self._parquet_rows: list[dict] = []
        self._fh = open(path, "w", encoding="utf-8", newline="") if path and fmt != "parquet" else None
        stream = self._fh or (sys.stdout if fmt != "parquet" else None)
        self._stream = stream
        self._csv = None
        if fmt == "csv":
            self._csv = csv.DictWriter(stream, FLAT_COLUMNS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: list[Event]) -> None:
        for e in events:
            if not self.include_all and e.modality not in DEFAULT_MODALITIES:
                continue
            d = e.to_dict()
            if self.fmt == "jsonl":
                self._stream.write(json.dumps(d, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                self._csv.writerow(flat_event(d))
            else:
                self._parquet_rows.append(flat_event(d))
            self.rows += 1
        if self._stream is not None:
            self._stream.flush()

    def close(self) -> None:
        if self.fmt == "parquet" and self.path is not None:
            import pyarrow as pa
            import pyarrow.parquet as pq

            rows = [{c: r.get(c) for c in FLAT_COLUMNS} for r in self._parquet_rows]
            table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in FLAT_COLUMNS})
            pq.write_table(table, self.path)
        if self._fh is not None:
            self._fh.close()


def open_writer(fmt: str, path: Path | None, *, include_all: bool = False) -> Writer:
    return Writer(fmt, path, include_all)


def run_report(statuses: list[InputStatus], settings) -> dict:
    """The JSON run report: every input with its status and reason, and totals."""
    counts = Counter(s.status for s in statuses)
    return {
        "tacitus_version": __version__,
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "settings": settings.to_dict(),
        "totals": {
            "inputs": len(statuses),
            "coded": counts.get("coded", 0),
            "skipped": counts.get("skipped", 0),
            "rejected": counts.get("rejected", 0),
            "events": sum(s.events for s in statuses),
        },
        "inputs": [s.to_dict() for s in statuses],
    }
