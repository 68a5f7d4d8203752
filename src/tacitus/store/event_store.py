"""EventStore: coded documents, event mentions and coding runs in one embedded DuckDB file."""

from __future__ import annotations

import datetime as _dt
import json
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

import tacitus
from tacitus.failures import LOG, failure
from tacitus.records import Document, Event
from tacitus.store.connection import connect
from tacitus.store.document_writer import (
    DOCUMENT_COLUMNS, DocumentKey, DocumentWriter, Outcome, conflict_reason,
)
from tacitus.store.errors import (
    DocumentConflictError, NotAStoreError, QueryRefusedError, ReadOnlyStoreError, SchemaVersionError, StoreError,
    out_of_memory, plain_cause,
)
from tacitus.store.export import write_export
from tacitus.store.filters import EventFilter
from tacitus.store.near_duplicates import near_keys
from tacitus.store.rows import contract_dict, to_json
from tacitus.store.schema import (
    ALL_DDL, EVENT_DAY_SQL, EVENT_ORDER_SQL, FLAT_FROM, FLAT_SELECT, MIGRATIONS, SCHEMA_VERSION, TABLES,
)
from tacitus.store.sql_guard import check_read_only, one_line

if TYPE_CHECKING:
    import pandas

# Orders the event listing offers: name -> ORDER BY (ties broken by document, sentence and id).
_TIE = "m.doc_id, m.sentence_index, m.event_id"
SORTS = {
    "-date": EVENT_ORDER_SQL,
    "date": f"{EVENT_DAY_SQL} ASC NULLS LAST, {_TIE}",
    "-confidence": f"m.confidence DESC NULLS LAST, {_TIE}",
    "confidence": f"m.confidence ASC NULLS LAST, {_TIE}",
    "-goldstein": f"m.goldstein DESC NULLS LAST, {_TIE}",
    "goldstein": f"m.goldstein ASC NULLS LAST, {_TIE}",
}

_RUN_COLUMNS = ("run_id", "started_at", "finished_at", "coder_version", "settings", "report",
                "documents", "events", "rejected", "settings_digest")


def _utcnow() -> _dt.datetime:
    """Current UTC time without tzinfo (the store's TIMESTAMP columns hold UTC)."""
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


def _iso(ts: _dt.datetime | None) -> str | None:
    return ts.isoformat(timespec="seconds") + "Z" if ts is not None else None


def _first_row(result):
    """The first row of a result, read to the end (DuckDB 2 keeps a half-read result open on the connection)."""
    rows = result.fetchall()
    return rows[0] if rows else None


def _fetch(cur: duckdb.DuckDBPyConnection, sql: str, limit: int | None) -> "pandas.DataFrame":
    """The result of ``sql`` as a DataFrame, read a chunk at a time so that at most ``limit`` rows (rounded up to
    DuckDB's chunk) are ever made."""
    import pandas

    try:
        result = cur.execute(sql)
        if limit is None:
            return result.df()
        frames = [result.fetch_df_chunk(1)]
        rows = len(frames[0])
        while rows < limit:
            chunk = result.fetch_df_chunk(1)
            if chunk.empty:
                break
            frames.append(chunk)
            rows += len(chunk)
    except duckdb.PermissionException as exc:
        raise QueryRefusedError(f"query refused: a query reads only the store ({one_line(exc)})") from exc
    frame = frames[0] if len(frames) == 1 else pandas.concat(frames, ignore_index=True)
    return frame.head(int(limit))


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    """Roll back after a failure without hiding it: when the failure (a full disk, say) already ended the
    transaction, DuckDB's "cannot rollback" would otherwise replace the real cause."""
    try:
        conn.execute("ROLLBACK")
    except duckdb.Error:
        pass


# Errors of the store as a whole, which stop a run (a document's own bad data rejects that document only)
STORE_WIDE_ERRORS = (duckdb.IOException, duckdb.FatalException, duckdb.InternalException,
                     duckdb.TransactionException, duckdb.OutOfMemoryException, StoreError, OSError)
MAX_MEMORY_MB = 4096  # a limit raised past this is lifted (DuckDB's own default: 80% of the machine's memory)


class EventStore:
    """An embedded event store. Use as a context manager, or call :meth:`close`.

    ``coder_version`` defaults to ``tacitus.__version__``; a document coded by another version is replaced
    when it is added again. ``memory_mb`` and ``threads`` bound DuckDB (connection.connect; see make_room); a coding
    run's store process sets them (store/remote.py), every other use keeps DuckDB's defaults.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, coder_version: str | None = None,
                 memory_mb: int | None = None, threads: int | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.memory_mb, self.threads = memory_mb, threads
        self.coder_version = coder_version or tacitus.__version__
        self._known_runs: dict[str, str | None] = {}  # run_id -> its settings digest
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"{self.path}: no such event store (cannot open it read-only)")
        if self.path.exists() and self.path.is_dir():
            raise NotAStoreError(f"{self.path}: is a folder, not a DuckDB file")
        self._conn = self._connect()
        try:
            self._prepare_schema()
        except BaseException:
            self._conn.close()
            raise

    # ---- opening and closing -------------------------------------------------------------------------

    def _connect(self, wait_for_lock: float = 0.0) -> duckdb.DuckDBPyConnection:
        """A connection to the file; while another process holds its lock, tried again for ``wait_for_lock`` s."""
        deadline = time.monotonic() + wait_for_lock
        while True:
            try:
                return connect(self.path, read_only=self.read_only, threads=self.threads,
                               memory_limit=None if self.memory_mb is None else f"{self.memory_mb}MB")
            except duckdb.Error as exc:
                if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                    raise StoreError(f"{self.path}: cannot open the store: {plain_cause(exc)}") from exc
                time.sleep(0.1)

    def release_memory(self) -> None:
        """Close the connection and open it again. DuckDB keeps in memory every index page it has loaded (index
        buffers are not evicted) and the table pages it has written, and loads them again lazily when needed;
        a long run that calls this now and then holds only what its recent lookups touched (DuckDB's indexing
        guide suggests re-attaching the database for this). Waits up to 30 s for a reader that took the lock."""
        self.conn.close()
        self._reopen()

    def _reopen(self) -> None:
        """Open the connection again (its last one is closed), waiting up to 30 s for a reader holding the lock."""
        self._conn = None
        self._conn = self._connect(wait_for_lock=30.0)

    def make_room(self, exc: BaseException) -> bool:
        """After a call failed on DuckDB's memory limit (nothing of it was committed): double the limit (lift it
        past MAX_MEMORY_MB) and open the store again, so that the call can be made again; False when the store
        has no limit or the failure was another. A bounded store thus keeps what it read within its limit and
        still takes a transaction larger than the limit."""
        if self.memory_mb is None or not out_of_memory(exc):
            return False
        while True:
            doubled = self.memory_mb * 2
            self.memory_mb = doubled if doubled <= MAX_MEMORY_MB else None
            LOG.info("%s: DuckDB needed more than its memory limit; limit now %s", self.path,
                     f"{doubled} MB" if self.memory_mb else "DuckDB's default")
            if self._conn is not None:
                self._conn.close()
            try:  # opening again replays what a close that could not checkpoint left in the WAL
                self._reopen()
                return True
            except StoreError as again:
                if self.memory_mb is None or not out_of_memory(again):
                    raise

    def _table_names(self) -> set[str]:
        rows = self._conn.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'"
        ).fetchall()
        return {r[0] for r in rows}

    def _stored_schema_version(self) -> int:
        row = _first_row(self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'"))
        if row is None:
            raise NotAStoreError(f"{self.path}: has a meta table but no schema_version, so it is not a tacitus event store")
        try:
            return int(row[0])
        except ValueError:
            raise NotAStoreError(f"{self.path}: schema_version {row[0]!r} is not an integer") from None

    def _migrate(self, version: int) -> None:
        """Bring a store of an older schema up to this one, in one transaction (MIGRATIONS in schema.py)."""
        if self.read_only:
            raise SchemaVersionError(
                f"{self.path}: schema version {version}, older than the {SCHEMA_VERSION} this "
                f"tacitus {tacitus.__version__} reads; open it once for writing (e.g. 'tacitus code ... --db') to "
                "upgrade it")
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for v in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[v]:
                    self._conn.execute(statement)
                if v == 4:  # near-copy keys of the documents stored before the keys were kept
                    self._fill_near_keys()
            self._conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            self._conn.execute("COMMIT")
        except BaseException:
            _rollback(self._conn)
            raise

    def _fill_near_keys(self, chunk: int = 2048) -> None:
        """Near-copy keys for the stored articles, a chunk at a time (on the migrating transaction's connection,
        which alone sees the altered tables)."""
        import pyarrow as pa

        last = -1
        while rows := self._conn.execute(
                "SELECT rowid, doc_id, text FROM documents WHERE duplicate_of IS NULL AND rowid > ? ORDER BY rowid "
                "LIMIT ?", [last, chunk]).fetchall():
            last = rows[-1][0]
            pairs = [(k, doc_id) for _, doc_id, text in rows for k in near_keys(text)]
            if pairs:
                keys = pa.table({"near_key": pa.array([k for k, _ in pairs], pa.int64()),
                                 "doc_id": pa.array([d for _, d in pairs], pa.string())})
                self._conn.register("_tacitus_old_keys", keys)
                self._conn.execute("INSERT INTO near_keys SELECT near_key, doc_id FROM _tacitus_old_keys")
                self._conn.unregister("_tacitus_old_keys")

    def _prepare_schema(self) -> None:
        tables = self._table_names()
        if "meta" in tables:
            version = self._stored_schema_version()
            if version > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"{self.path}: schema version {version}, newer than the {SCHEMA_VERSION} this "
                    f"tacitus {tacitus.__version__} understands; upgrade tacitus to open it"
                )
            if version < SCHEMA_VERSION:
                self._migrate(version)
            missing = [t for t in TABLES if t not in tables]
            if missing and self.read_only:
                raise NotAStoreError(f"{self.path}: lacks the tables {', '.join(missing)}, so it is not a tacitus event store")
        elif tables:
            raise NotAStoreError(
                f"{self.path}: a DuckDB database with other tables ({', '.join(sorted(tables)[:5])}) "
                "and no tacitus meta table, so not a tacitus event store"
            )
        elif self.read_only:
            raise NotAStoreError(f"{self.path}: an empty database, not a tacitus event store")
        if self.read_only:
            return
        self._conn.execute("BEGIN TRANSACTION")
        try:
            for ddl in ALL_DDL:
                self._conn.execute(ddl)
            self._conn.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
            )
            self._conn.execute("COMMIT")
        except BaseException:
            _rollback(self._conn)
            raise

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._conn

    def _require_writable(self, action: str) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(f"{self.path}: cannot {action}: the store is open read-only")

    # ---- runs ------------------------------------------------------------------------------------------

    def start_run(self, settings: dict, *, digest: str | None = None) -> str:
        """Record the start of a coding run; returns its run_id. ``digest`` names the settings that change
        coding (``Settings.digest()``): documents stored by runs of another digest are coded again when added."""
        self._require_writable("start a run")
        if not isinstance(settings, dict):
            raise ValueError(f"run settings must be a dict, got {type(settings).__name__}")
        started = _utcnow()
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self.conn.execute(
            "INSERT INTO runs (run_id, started_at, coder_version, settings, settings_digest) VALUES (?, ?, ?, ?, ?)",
            [run_id, started, self.coder_version, to_json(settings, "run settings"), digest],
        )
        self._known_runs[run_id] = digest
        return run_id

    def finish_run(self, run_id: str, report: dict) -> None:
        """Store the run's report and totals.

        Totals are taken from the report's integer ``documents``/``events``/``rejected`` keys, or those of its
        ``totals``, when present; otherwise documents and events count what this run stored, and rejected counts
        report ``inputs`` entries whose status is "rejected".
        """
        self._require_writable("finish a run")
        if not isinstance(report, dict):
            raise ValueError(f"run report must be a dict, got {type(report).__name__}")
        report_json = to_json(report, f"report of run {run_id!r}")
        conn = self.conn
        if _first_row(conn.execute("SELECT 1 FROM runs WHERE run_id = ?", [run_id])) is None:
            raise KeyError(f"no run {run_id!r} in event store {self.path}")
        stored_docs, stored_events = _first_row(conn.execute(
            "SELECT count(DISTINCT d.doc_id), count(m.event_id) FROM documents d "
            "LEFT JOIN mentions m ON m.doc_id = d.doc_id WHERE d.run_id = ?",
            [run_id],
        ))
        inputs = json.loads(report_json).get("inputs") or []
        rejected = sum(1 for i in inputs if isinstance(i, dict) and i.get("status") == "rejected")
        totals = report.get("totals") if isinstance(report.get("totals"), dict) else {}

        def total(key: str, fallback: int) -> int:
            for value in (report.get(key), totals.get(key)):
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
            return fallback

        conn.execute(
            "UPDATE runs SET finished_at = ?, report = ?, documents = ?, events = ?, rejected = ? WHERE run_id = ?",
            [_utcnow(), report_json, total("documents", stored_docs), total("events", stored_events),
             total("rejected", rejected), run_id],
        )

    def latest_run(self) -> dict | None:
        """The run started last (settings parsed, report left out), or None."""
        row = _first_row(self.conn.execute(
            "SELECT run_id, started_at, finished_at, coder_version, settings, settings_digest FROM runs "
            "ORDER BY started_at DESC, run_id DESC LIMIT 1"))
        if row is None:
            return None
        rec = dict(zip(("run_id", "started_at", "finished_at", "coder_version", "settings", "settings_digest"), row))
        rec["settings"] = json.loads(rec["settings"]) if rec["settings"] is not None else None
        return rec

    def runs(self) -> list[dict]:
        """All runs, newest first, with settings and report parsed from JSON."""
        rows = self.conn.execute(
            f"SELECT {', '.join(_RUN_COLUMNS)} FROM runs ORDER BY started_at DESC, run_id DESC"
        ).fetchall()
        out = []
        for row in rows:
            rec = dict(zip(_RUN_COLUMNS, row))
            rec["started_at"] = _iso(rec["started_at"])
            rec["finished_at"] = _iso(rec["finished_at"])
            for key in ("settings", "report"):
                rec[key] = json.loads(rec[key]) if rec[key] is not None else None
            out.append(rec)
        return out

    # ---- documents -------------------------------------------------------------------------------------

    def add_document(self, doc: Document, events: list[Event], run_id: str | None = None, *,
                     replace: bool = False) -> bool:
        """Store a document and its events in one transaction; returns True when something was written.

        Same doc_id and content as stored, coded by this tacitus with the same settings: no change (False).
        Same content coded by another version or settings: coded again, replaced. Other content under a stored
        doc_id: DocumentConflictError unless ``replace``, which replaces the document and all its mentions.
        Content already stored under another doc_id: not stored again (False). Bad events: ValueError.
        """
        [outcome] = self.add_documents([(doc, events)], run_id=run_id, replace=replace)
        if outcome.status == "rejected":
            if outcome.reason == conflict_reason(outcome.doc_id):
                raise DocumentConflictError(outcome.reason)
            raise ValueError(outcome.reason)
        return outcome.written

    def add_documents(self, pairs: list[tuple[Document, list[Event]]], run_id: str | None = None, *,
                      replace: bool = False) -> list[Outcome]:
        """Store many documents with their events in one transaction; one Outcome per document, in order.

        The rules are those of :meth:`add_document`; a document that cannot be stored is an Outcome with status
        "rejected" and its reason, and the others are stored.
        """
        self._require_writable("add documents")
        pairs = list(pairs)
        digest = self._run_digest(run_id)
        conn = self.conn
        conn.execute("BEGIN TRANSACTION")
        try:
            outcomes = DocumentWriter(conn, self.coder_version).write(
                pairs, run_id=run_id, settings_digest=digest, replace=replace, now=_utcnow())
            conn.execute("COMMIT")
        except duckdb.ConstraintException as exc:  # an event id another document holds: find which document
            _rollback(conn)
            if len(pairs) > 1:
                return self._one_by_one(pairs, run_id, replace)
            return [Outcome(str(pairs[0][0].doc_id), "rejected", self._clash_reason(pairs[0], exc))]
        except STORE_WIDE_ERRORS:  # the store itself (a full disk, a lost file): no document can be stored
            _rollback(conn)
            raise
        except Exception as exc:  # noqa: BLE001 - data of one document the store cannot take: find which
            _rollback(conn)
            if len(pairs) > 1:
                return self._one_by_one(pairs, run_id, replace)
            found = failure(exc, "storing")
            LOG.error("%s: %s\n%s", pairs[0][0].doc_id, found.reason, found.traceback.rstrip("\n"))
            return [Outcome(str(pairs[0][0].doc_id), "rejected", f"{found.reason}; not stored")]
        except BaseException:
            _rollback(conn)
            raise
        return outcomes

    def _one_by_one(self, pairs: list[tuple[Document, list[Event]]], run_id: str | None,
                    replace: bool) -> list[Outcome]:
        """Each document in a transaction of its own, to find the one a batch failed on. One that fails on the
        memory limit after others were committed is made again alone with a larger limit (make_room): made
        again with the whole batch, the ones committed would read as already stored."""
        out: list[Outcome] = []
        for pair in pairs:
            while True:
                try:
                    out += self.add_documents([pair], run_id=run_id, replace=replace)
                    break
                except Exception as exc:
                    if not self.make_room(exc):
                        raise
        return out

    def _clash_reason(self, pair: tuple[Document, list[Event]], exc: Exception) -> str:
        doc, events = pair
        clash = _first_row(self.conn.execute(
            "SELECT event_id, doc_id FROM mentions WHERE event_id IN ? AND doc_id <> ? LIMIT 1",
            [[e.event_id for e in events], doc.doc_id]))
        if clash is None:
            return f"document {doc.doc_id!r} breaks a store constraint: {plain_cause(exc)}"
        return f"event id {clash[0]!r} of document {doc.doc_id!r} is already used by document {clash[1]!r}"

    def triage(self, docs: list[Document], *, settings_digest: str | None, replace: bool = False,
               resume: bool = False) -> list[Outcome | None]:
        """Before coding: for each document, the Outcome it will have without being coded (its id is stored with
        other content and not ``replace``; with ``resume``, also its id stored with this content, coded by this
        tacitus with these settings), or None when it is to be coded."""
        return DocumentWriter(self.conn, self.coder_version).triage(
            list(docs), settings_digest=settings_digest, replace=replace, resume=resume)

    def resumable(self, keys: list[tuple[str, str]], *, settings_digest: str | None) -> set[str]:
        """Of (doc_id, content_hash) pairs, the ids a resume skips: stored with that content, coded by this
        tacitus with these settings."""
        done: set[str] = set()
        writer = DocumentWriter(self.conn, self.coder_version)
        for start in range(0, len(keys), 2048):
            chunk = [DocumentKey(d, h) for d, h in keys[start:start + 2048]]
            verdicts = writer.triage(chunk, settings_digest=settings_digest, replace=False, resume=True)
            done.update(k.doc_id for k, v in zip(chunk, verdicts) if v is not None and v.status == "skipped")
        return done

    def _run_digest(self, run_id: str | None) -> str | None:
        if run_id is None:
            return None
        if run_id not in self._known_runs:
            row = _first_row(self.conn.execute("SELECT settings_digest FROM runs WHERE run_id = ?", [run_id]))
            if row is None:
                raise KeyError(f"no run {run_id!r} in event store {self.path}")
            self._known_runs[run_id] = row[0]
        return self._known_runs[run_id]

    def document_ids(self, *, this_coder: bool = True) -> set[str]:
        """Ids of the stored documents (only those coded by this coder version, by default)."""
        if this_coder:
            rows = self.conn.execute("SELECT doc_id FROM documents WHERE coder_version = ?", [self.coder_version])
        else:
            rows = self.conn.execute("SELECT doc_id FROM documents")
        return {r[0] for r in rows.fetchall()}

    def has_document(self, doc_id: str, content_hash: str | None = None) -> bool:
        """True when doc_id is stored (with this content hash, when one is given)."""
        if content_hash is None:
            row = _first_row(self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]))
        else:
            row = _first_row(self.conn.execute(
                "SELECT 1 FROM documents WHERE doc_id = ? AND content_hash = ?", [doc_id, content_hash]
            ))
        return row is not None

    def document(self, doc_id: str) -> dict | None:
        """A stored document with its event ids (in sentence order), or None."""
        row = _first_row(self.conn.execute(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?", [doc_id]
        ))
        if row is None:
            return None
        rec = dict(zip(DOCUMENT_COLUMNS, row))
        rec["added_at"] = _iso(rec["added_at"])
        rec["event_ids"] = [r[0] for r in self.conn.execute(
            "SELECT event_id FROM mentions WHERE doc_id = ? ORDER BY sentence_index, evidence_start, event_id",
            [doc_id],
        ).fetchall()]
        return rec

    # ---- events ----------------------------------------------------------------------------------------

    def _flat_dicts(self, sql: str, params: list[Any]) -> list[dict]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def events(self, filters: EventFilter | None = None, *, limit: int | None = None, offset: int = 0,
               sort: str = "-date", **kw) -> list[dict]:
        """Event mentions in the contract shape, newest first, that hold ``filters`` (an EventFilter, or its
        fields as keywords: country, plover_type, actor, since, until, modality, mode, bbox, text, historical;
        by default the counted modalities). An undated mention falls on its article's publication day; ``sort``
        is one of SORTS (a leading "-" for descending)."""
        where, params = EventFilter.given(filters, kw).where("mentions")
        if sort not in SORTS:
            raise ValueError(f"sort={sort!r}: choose one of {', '.join(SORTS)}")
        sql = f"SELECT {FLAT_SELECT} FROM {FLAT_FROM}{where} ORDER BY {SORTS[sort]}"
        if limit is not None:
            if int(limit) < 0:
                raise ValueError(f"limit={limit} must not be negative")
            sql += " LIMIT ?"
            params.append(int(limit))
        if offset:
            if int(offset) < 0:
                raise ValueError(f"offset={offset} must not be negative")
            sql += " OFFSET ?"
            params.append(int(offset))
        return [contract_dict(r) for r in self._flat_dicts(sql, params)]

    def count_events(self, filters: EventFilter | None = None, **kw) -> int:
        """How many mentions :meth:`events` would return without limit and offset."""
        where, params = EventFilter.given(filters, kw).where("mentions")
        return int(_first_row(self.conn.execute(f"SELECT count(*) FROM {FLAT_FROM}{where}", params))[0])

    def event(self, event_id: str) -> dict | None:
        """One event in the contract shape, or None."""
        rows = self._flat_dicts(f"SELECT {FLAT_SELECT} FROM {FLAT_FROM} WHERE m.event_id = ?", [event_id])
        return contract_dict(rows[0]) if rows else None

    def events_frame(self) -> "pandas.DataFrame":
        """Every stored mention (all modalities) as flat columns, document fields included."""
        return self.conn.execute(f"SELECT {FLAT_SELECT} FROM {FLAT_FROM} ORDER BY {EVENT_ORDER_SQL}").df()

    # ---- reads, exports, totals ------------------------------------------------------------------------

    def query(self, sql: str, *, limit: int | None = None) -> "pandas.DataFrame":
        """Run one read-only statement (SELECT/WITH/DESCRIBE/SHOW/SUMMARIZE or a read PRAGMA); at most ``limit``
        rows are fetched (the rest of the result is never made), all of them when ``limit`` is None.

        A statement that writes, anywhere in it, raises QueryRefusedError, and so does one that reaches a file or
        URL (the store's connections cannot). On a read-only store the statement runs on the read-only
        connection; on a writable one it runs in a transaction that is always rolled back.
        """
        check_read_only(sql)
        if limit is not None and int(limit) < 0:
            raise ValueError(f"limit={limit} must not be negative")
        cur = self.conn.cursor()
        try:
            if self.read_only:
                return _fetch(cur, sql, limit)
            cur.execute("BEGIN TRANSACTION")
            try:
                return _fetch(cur, sql, limit)
            finally:
                cur.execute("ROLLBACK")
        finally:
            cur.close()

    def export(self, fmt: str, out: str | Path, *, include_all_modalities: bool = False,
               level: str = "mention", include_historical: bool = False) -> int:
        """Write events to ``out``; returns rows written.

        parquet, csv, jsonl: one row per event mention (``level="mention"``; negated and hypothetical ones only
        with ``include_all_modalities``) or per de-duplicated event (``level="event"``, the events view).
        gdelt, polecat, acled: one row per de-duplicated event. Background (historical) events only with
        ``include_historical``.
        """
        return write_export(self.conn, fmt, out, include_all_modalities=include_all_modalities, level=level,
                            include_historical=include_historical)

    def counts(self) -> dict:
        """Numbers of stored documents, mentions and runs."""
        docs, mentions, runs = _first_row(self.conn.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions), (SELECT count(*) FROM runs)"
        ))
        return {"documents": int(docs), "mentions": int(mentions), "runs": int(runs)}

    @property
    def schema_version(self) -> int:
        return self._stored_schema_version()
