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
from tacitus.records import Document, Event, is_counted
from tacitus.store.export import CSV_LIST_SEPARATOR
from tacitus.store.rows import FLAT_ARROW_SCHEMA, flat_row
from tacitus.store.schema import FLAT_COLUMNS

PARQUET_ROW_GROUP = 10_000  # rows buffered before a Parquet row group is written


class Writer:
    """Writes the events of each document to ``path`` (standard output when None), one format per subclass.

    Only counted events (records.is_counted) are written unless ``include_all``. ``append`` goes on with an
    existing file; ``ledger_header`` (JSONL files only) starts or, with ``append``, goes on with the output's
    ledger of complete documents. ``rows`` counts the rows written.
    """

    binary = False  # the file is written as bytes

    def __init__(self, path: Path | None, include_all: bool = False, append: bool = False,
                 ledger_header: dict | None = None) -> None:
        self.path, self.include_all = path, include_all
        self.rows = 0
        if path is None:
            self._file = sys.stdout.buffer if self.binary else sys.stdout
        elif self.binary:
            self._file = open(path, "ab" if append else "wb")
        else:
            self._file = open(path, "a" if append else "w", encoding="utf-8", newline="")

    def write(self, events: list[Event], doc: Document | None = None) -> None:
        """Write the events of one document (``doc`` names it in the ledger of a JSONL file)."""
        kept = [e for e in events if self.include_all or is_counted(e.modality)]
        self._write(kept, doc)
        self.rows += len(kept)
        self._file.flush()

    def _write(self, events: list[Event], doc: Document | None) -> None:
        raise NotImplementedError

    def close(self) -> None:
        if self._file not in (sys.stdout, getattr(sys.stdout, "buffer", None)):
            self._file.close()
        else:
            self._file.flush()


class JsonlWriter(Writer):
    """One JSON object a line (Event.to_dict()); a file gets the ledger --resume reads."""

    def __init__(self, path: Path | None, include_all: bool = False, append: bool = False,
                 ledger_header: dict | None = None) -> None:
        self.binary = path is not None  # a file is written as bytes, so that the ledger can name byte offsets
        super().__init__(path, include_all, append)
        self._ledger = Ledger(path, ledger_header, append=append) if path is not None and ledger_header else None

    def _write(self, events: list[Event], doc: Document | None) -> None:
        lines = "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events)
        if not self.binary:
            self._file.write(lines)
            return
        self._file.write(lines.encode("utf-8"))
        self._file.flush()
        if self._ledger is not None and doc is not None:
            self._ledger.record(Written(doc.doc_id, doc.content_hash, len(events), self._file.tell()))

    def close(self) -> None:
        super().close()
        if self._ledger is not None:
            self._ledger.close()


class CsvWriter(Writer):
    """The flat columns with a header; list fields joined by CSV_LIST_SEPARATOR."""

    def __init__(self, path: Path | None, include_all: bool = False, append: bool = False,
                 ledger_header: dict | None = None) -> None:
        super().__init__(path, include_all, append)
        self._csv = csv.DictWriter(self._file, FLAT_COLUMNS, extrasaction="ignore")
        self._csv.writeheader()

    def _write(self, events: list[Event], doc: Document | None) -> None:
        for e in events:
            row = flat_row(e)
            row["plover_contexts"] = CSV_LIST_SEPARATOR.join(row["plover_contexts"])
            self._csv.writerow(row)


class ParquetWriter(Writer):
    """The flat columns in row groups of PARQUET_ROW_GROUP rows (a file only: Parquet cannot stream)."""

    binary = True

    def __init__(self, path: Path | None, include_all: bool = False, append: bool = False,
                 ledger_header: dict | None = None) -> None:
        import pyarrow.parquet as pq

        if path is None:
            raise ValueError("Parquet needs an output file (it cannot stream to standard output)")
        super().__init__(path, include_all, append=False)
        self._parquet = pq.ParquetWriter(self._file, FLAT_ARROW_SCHEMA)
        self._rows: list[dict] = []

    def _write(self, events: list[Event], doc: Document | None) -> None:
        self._rows.extend(flat_row(e) for e in events)
        if len(self._rows) >= PARQUET_ROW_GROUP:
            self._flush_rows()

    def _flush_rows(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._parquet.write_table(pa.Table.from_pylist(self._rows, schema=FLAT_ARROW_SCHEMA))
            self._rows = []

    def close(self) -> None:
        self._flush_rows()
        self._parquet.close()
        super().close()


# The formats `tacitus code --format` writes, by name. A new format is a Writer subclass with ``_write`` (and
# ``close`` when it buffers) and its name here.
OUTPUT_FORMATS: dict[str, type[Writer]] = {"jsonl": JsonlWriter, "csv": CsvWriter, "parquet": ParquetWriter}


def open_writer(fmt: str, path: Path | None, *, include_all: bool = False, append: bool = False,
                ledger_header: dict | None = None) -> Writer:
    """The writer of format ``fmt`` (ValueError naming it when it is not in OUTPUT_FORMATS)."""
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"output format {fmt!r}: choose one of {', '.join(OUTPUT_FORMATS)}")
    return OUTPUT_FORMATS[fmt](path, include_all, append, ledger_header)
