"""Writing coded events as they come (JSONL, CSV, Parquet) and the run report.

CSV and Parquet rows have the same flat columns as `tacitus export` (store/schema.py FLAT_COLUMNS)."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tacitus import __version__
from tacitus.records import Event, InputStatus
from tacitus.store.export import CSV_LIST_SEPARATOR
from tacitus.store.rows import FLAT_ARROW_SCHEMA, flat_row
from tacitus.store.schema import FLAT_COLUMNS

DEFAULT_MODALITIES = ("asserted", "future")  # negated and hypothetical events are kept out by default


def resume_jsonl(path: Path, keep_docs: set[str] | None = None) -> set[str]:
    """Make a JSONL output of an interrupted run ready to be appended to; returns the doc ids it holds.

    A last line cut off by the interruption is dropped; with ``keep_docs`` (the documents a store holds), so are
    the lines of documents the store does not hold, which the resumed run codes again.
    """
    kept, docs = [], set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break  # cut off mid-line
            try:
                doc_id = json.loads(line)["doc_id"]
            except (ValueError, KeyError, TypeError):
                raise ValueError(f"{path}: not a tacitus JSONL output (a line is not an event)") from None
            if keep_docs is None or doc_id in keep_docs:
                kept.append(line)
                docs.add(doc_id)
    tmp = path.with_name(path.name + ".resume")
    tmp.write_text("".join(kept), encoding="utf-8")
    tmp.replace(path)
    return docs


class Writer:
    def __init__(self, fmt: str, path: Path | None, include_all: bool, append: bool = False) -> None:
        self.fmt, self.path, self.include_all = fmt, path, include_all
        self.rows = 0
        self._parquet_rows: list[dict] = []
        mode = "a" if append else "w"
        self._fh = open(path, mode, encoding="utf-8", newline="") if path and fmt != "parquet" else None
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
            if self.fmt == "jsonl":
                self._stream.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                row = flat_row(e)
                row["plover_contexts"] = CSV_LIST_SEPARATOR.join(row["plover_contexts"])
                self._csv.writerow(row)
            else:
                self._parquet_rows.append(flat_row(e))
            self.rows += 1
        if self._stream is not None:
            self._stream.flush()

    def close(self) -> None:
        if self.fmt == "parquet" and self.path is not None:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(self._parquet_rows, schema=FLAT_ARROW_SCHEMA), self.path)
        if self._fh is not None:
            self._fh.close()


def open_writer(fmt: str, path: Path | None, *, include_all: bool = False, append: bool = False) -> Writer:
    return Writer(fmt, path, include_all, append)


def undated_warning(statuses: list[InputStatus]) -> str | None:
    """A warning when coded inputs carried no publication date: their undated acts could not take one, and
    relative dates ("on Tuesday") could not be read unless a dateline or a title timestamp gave the date."""
    without = [s for s in statuses if s.status == "coded" and s.published is False]
    if not without:
        return None
    undated = sum(s.undated_events for s in without)
    return (f"{len(without)} of {sum(s.status == 'coded' for s in statuses)} coded inputs carry no publication "
            f"date; {undated} of their {sum(s.events for s in without)} events are left undated "
            "(give --published, or a published field in JSONL/CSV inputs)")


def run_report(statuses: list[InputStatus], settings) -> dict:
    """The JSON run report: every input with its status and reason, totals and warnings."""
    counts = Counter(s.status for s in statuses)
    warning = undated_warning(statuses)
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
            "unresolved_actors": sum(s.unresolved_actors for s in statuses),
            "without_publication_date": sum(s.status == "coded" and s.published is False for s in statuses),
            "undated_events": sum(s.undated_events for s in statuses),
        },
        "warnings": [warning] if warning else [],
        "inputs": [s.to_dict() for s in statuses],
    }
