"""Write stored events to files: Parquet and CSV as flat columns, JSONL as nested contract dicts (one row per
event mention), and the GDELT, POLECAT and ACLED layouts (one row per de-duplicated event)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from tacitus.records import COUNTED_MODALITIES
from tacitus.store.filters import EventFilter
from tacitus.store.layouts import LAYOUTS, write_layout
from tacitus.store.rows import contract_dict
from tacitus.store.schema import (
    CURRENT_EVENTS_VIEW_SQL, EVENT_ORDER_SQL, EVENTS_VIEW_SQL, FLAT_COLUMNS, FLAT_FROM, FLAT_SELECT,
)

# Mention-level formats (one row per coded event mention) and the layouts of other event datasets (one row per
# de-duplicated event of the store's events view; see tacitus.store.layouts).
MENTION_FORMATS = ("parquet", "csv", "jsonl")
EXPORT_FORMATS = MENTION_FORMATS + LAYOUTS

# Separator of PLOVER contexts in CSV cells (CSV has no list type).
CSV_LIST_SEPARATOR = ";"

_BATCH_ROWS = 10_000


def check_format(fmt: str) -> str:
    """The normalised format name; ValueError naming it when it is planned or unknown."""
    name = str(fmt).strip().lower()
    if name in EXPORT_FORMATS:
        return name
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")


def _flat_query(include_all_modalities: bool, include_historical: bool) -> tuple[str, list[Any]]:
    flt = EventFilter(modality=None if include_all_modalities else COUNTED_MODALITIES,
                      historical=include_historical)
    where, params = flt.where()
    return f"SELECT {FLAT_SELECT} FROM {FLAT_FROM}{where} ORDER BY {EVENT_ORDER_SQL}", params


def _arrow_reader(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pa.RecordBatchReader:
    rel = conn.sql(sql, params=params)
    to_reader = getattr(rel, "to_arrow_reader", None) or rel.fetch_arrow_reader
    return to_reader(_BATCH_ROWS)


def _csv_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Replace the list column by its items joined with CSV_LIST_SEPARATOR."""
    idx = batch.schema.get_field_index("plover_contexts")
    joined = pa.array(
        [CSV_LIST_SEPARATOR.join(v) if v is not None else None for v in batch.column(idx).to_pylist()],
        type=pa.string(),
    )
    return batch.set_column(idx, "plover_contexts", joined)


def arrow_table(result) -> pa.Table:
    """A DuckDB result as an Arrow table (the method is to_arrow_table in DuckDB 2, fetch_arrow_table before)."""
    fetch = getattr(result, "to_arrow_table", None) or getattr(result, "fetch_arrow_table")
    return fetch()


def _write_events_view(conn: duckdb.DuckDBPyConnection, name: str, out: Path, include_historical: bool) -> int:
    """The de-duplicated events (the store's events view) as parquet, csv or jsonl."""
    table = arrow_table(conn.execute(EVENTS_VIEW_SQL if include_historical else CURRENT_EVENTS_VIEW_SQL))
    tmp = out.with_name(out.name + ".part")
    try:
        if name == "parquet":
            pq.write_table(table, tmp)
        elif name == "csv":
            for col in ("plover_contexts", "publishers", "mention_ids"):
                i = table.schema.get_field_index(col)
                joined = [CSV_LIST_SEPARATOR.join(v) if v is not None else None for v in table.column(i).to_pylist()]
                table = table.set_column(i, col, pa.array(joined, type=pa.string()))
            pacsv.write_csv(table, tmp)
        else:
            with open(tmp, "w", encoding="utf-8") as fh:
                for row in table.to_pylist():
                    fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return table.num_rows


def _flat_rows(reader: pa.RecordBatchReader) -> Iterator[dict[str, Any]]:
    for batch in reader:
        yield from batch.to_pylist()


def write_export(conn: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, *, include_all_modalities: bool = False,
                 level: str = "mention", include_historical: bool = False) -> int:
    """Write events to ``out`` (via a temporary file renamed at the end); returns the number of rows written.
    Background events (``historical``: acts well before their article's news) only with ``include_historical``,
    so that history does not reach the counts of current events."""
    name = check_format(fmt)
    if level not in ("mention", "event"):
        raise ValueError(f"export level {level!r}: choose mention or event")
    out = Path(out)
    if out.is_dir():
        raise ValueError(f"export target {out} is a directory; give a file path")
    out.parent.mkdir(parents=True, exist_ok=True)
    if level == "event" and name in MENTION_FORMATS:
        return _write_events_view(conn, name, out, include_historical)
    if name in LAYOUTS:
        if include_all_modalities:
            raise ValueError(f"the {name} layout holds de-duplicated events, which count asserted and future "
                             "mentions only; --all-modalities applies to parquet, csv and jsonl")
        from tacitus import __version__

        return write_layout(conn, name, out, __version__, include_historical=include_historical)
    tmp = out.with_name(out.name + ".part")
    sql, params = _flat_query(include_all_modalities, include_historical)
    reader = _arrow_reader(conn, sql, params)
    rows = 0
    try:
        if name == "parquet":
            with pq.ParquetWriter(tmp, reader.schema) as writer:
                for batch in reader:
                    writer.write_batch(batch)
                    rows += batch.num_rows
        elif name == "csv":
            schema = reader.schema.set(reader.schema.get_field_index("plover_contexts"),
                                       pa.field("plover_contexts", pa.string()))
            with pacsv.CSVWriter(tmp, schema) as writer:
                for batch in reader:
                    writer.write_batch(_csv_batch(batch))
                    rows += batch.num_rows
        else:
            with open(tmp, "w", encoding="utf-8") as fh:
                for row in _flat_rows(reader):
                    fh.write(json.dumps(contract_dict(row), ensure_ascii=False) + "\n")
                    rows += 1
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


__all__ = ["EXPORT_FORMATS", "MENTION_FORMATS", "CSV_LIST_SEPARATOR", "FLAT_COLUMNS", "check_format", "write_export"]
