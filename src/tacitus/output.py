"""Writing coded events as they come (JSONL, CSV, Parquet).

CSV and Parquet rows have the same flat columns as `tacitus export` (store/schema.py FLAT_COLUMNS). A JSONL file
gets a ledger of the documents written to it completely (output_ledger.py), which `--resume` reads. Parquet is
written in row groups of PARQUET_ROW_GROUP rows, so memory does not grow with the number of events.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from tacitus.output_ledger import Ledger, Written
from tacitus.records import Document, Event
from tacitus.store.export import CSV_LIST_SEPARATOR
from tacitus.store.rows import FLAT_ARROW_SCHEMA, flat_row
from tacitus.store.schema import FLAT_COLUMNS

DEFAULT_MODALITIES = ("asserted", "future")  # negated and hypothetical events are kept out by default
PARQUET_ROW_GROUP = 10_000  # rows buffered before a Parquet row group is written


class Writer:
    """Writes the events of each document to ``path`` (standard output when None) in ``fmt``.

    ``ledger_header`` (JSONL files only): start or, with ``append``, go on with the output's ledger.
    """

    def __init__(self, fmt: str, path: Path | None, include_all: bool, append: bool = False,
                 ledger_header: dict | None = None) -> None:
        self.fmt, self.path, self.include_all = fmt, path, include_all
        self.rows = 0
        self._parquet = None
        self._parquet_rows: list[dict] = []
        self._ledger: Ledger | None = None
        self._binary = None  # a JSONL file, written as bytes so that the ledger can name byte offsets
        self._stream = None
        self._csv = None
        if fmt == "parquet":
            import pyarrow.parquet as pq

            self._parquet = pq.ParquetWriter(str(path), FLAT_ARROW_SCHEMA)
        elif fmt == "jsonl" and path is not None:
            self._binary = open(path, "ab" if append else "wb")
            if ledger_header is not None:
                self._ledger = Ledger(path, ledger_header, append=append)
        else:
            self._stream = open(path, "a" if append else "w", encoding="utf-8", newline="") if path else sys.stdout
        if fmt == "csv":
            self._csv = csv.DictWriter(self._stream, FLAT_COLUMNS, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, events: list[Event], doc: Document | None = None) -> None:
        """Write the events of one document (``doc`` names it in the ledger of a JSONL file)."""
        kept = [e for e in events if self.include_all or e.modality in DEFAULT_MODALITIES]
        if self.fmt == "jsonl":
            lines = "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in kept)
            if self._binary is not None:
                self._binary.write(lines.encode("utf-8"))
                self._binary.flush()
                if self._ledger is not None and doc is not None:
                    self._ledger.record(Written(doc.doc_id, doc.content_hash, len(kept), self._binary.tell()))
            else:
                self._stream.write(lines)
        elif self.fmt == "csv":
            for e in kept:
                row = flat_row(e)
                row["plover_contexts"] = CSV_LIST_SEPARATOR.join(row["plover_contexts"])
                self._csv.writerow(row)
        else:
            self._parquet_rows.extend(flat_row(e) for e in kept)
            if len(self._parquet_rows) >= PARQUET_ROW_GROUP:
                self._flush_parquet()
        self.rows += len(kept)
        if self._stream is not None:
            self._stream.flush()

    def _flush_parquet(self) -> None:
        import pyarrow as pa

        if self._parquet_rows:
            self._parquet.write_table(pa.Table.from_pylist(self._parquet_rows, schema=FLAT_ARROW_SCHEMA))
            self._parquet_rows = []

    def close(self) -> None:
        if self._parquet is not None:
            self._flush_parquet()
            self._parquet.close()
        if self._binary is not None:
            self._binary.close()
        if self._ledger is not None:
            self._ledger.close()
        if self._stream is not None and self._stream is not sys.stdout:
            self._stream.close()


def open_writer(fmt: str, path: Path | None, *, include_all: bool = False, append: bool = False,
                ledger_header: dict | None = None) -> Writer:
    return Writer(fmt, path, include_all, append, ledger_header)
