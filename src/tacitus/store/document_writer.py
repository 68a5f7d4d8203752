"""Writing coded documents to the store, many in one transaction, with a fixed number of lookups a batch.

Per batch the writer asks the store a fixed number of questions (LOOKUPS): which ids are stored (and with what
content and settings), which content hashes, and which near-copy keys. It then decides every document in Python
and inserts the batch's rows in a few statements. Ids are found through the primary key; content hashes and
near-copy keys by a scan of their column (schema.py says why the store keeps no index on them), which at 100,000
documents takes a few milliseconds a batch (bench/store_scale.py measures the time per document as the store
grows).

What happens to a document whose id is stored already:

- same content, coded by this tacitus with the same settings: nothing (skipped, "already in the store");
- same content, coded by another tacitus version or other settings: coded again and replaced;
- other content: refused (rejected) unless ``replace`` is given, so that a later batch never silently
  overwrites stored documents; with ``replace`` the stored document and its mentions are replaced.

A document whose content is stored under another id is not stored again (skipped, naming that id).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from tacitus.records import Document, Event
from tacitus.store.near_duplicates import near_keys, same_story
from tacitus.store.rows import mention_columns

DOCUMENT_COLUMNS = ("doc_id", "content_hash", "title", "published", "url", "publisher", "source", "text",
                    "coder_version", "run_id", "added_at", "duplicate_of")
CANDIDATES = 5  # near-copy candidates confirmed per document, most shared keys first
LOOKUP_VALUES = 2048  # values per statement: DuckDB answers up to max(2048, 0.1% of the table) ids by the key

# The questions a batch asks; each filters one column by a list parameter. On the primary key ("IN ?") DuckDB
# answers by an index scan however large the store (a subquery, "IN (SELECT unnest(?))", turns into a full scan
# on a large table; tests/test_store.py checks the plans); the other columns are read by one scan, which a join
# with the unnested list makes faster than "IN ?" (at 1,000,000 documents: 38 instead of 52 ms for the near-copy
# keys of 256 documents).
LOOKUPS = {
    "ids": "SELECT doc_id, content_hash, coder_version, run_id FROM documents WHERE doc_id IN ?",
    "runs": "SELECT run_id, settings_digest FROM runs WHERE run_id IN ?",
    "hashes": "SELECT d.content_hash, min(d.doc_id) FROM documents d JOIN (SELECT unnest(?::VARCHAR[]) AS h) q "
              "ON d.content_hash = q.h GROUP BY d.content_hash",
    "near_keys": "SELECT n.near_key, n.doc_id FROM near_keys n JOIN (SELECT unnest(?::BIGINT[]) AS k) q "
                 "ON n.near_key = q.k",
    "added": "SELECT doc_id, added_at FROM documents WHERE doc_id IN ?",
    "texts": "SELECT doc_id, text FROM documents WHERE doc_id IN ?",
}


@dataclass
class Outcome:
    """What the store did with one document: its status in the run report's words and why."""

    doc_id: str
    status: str  # "coded" (written), "skipped" (nothing to write) or "rejected" (refused)
    reason: str | None = None

    @property
    def written(self) -> bool:
        return self.status == "coded"


@dataclass(frozen=True)
class DocumentKey:
    """What the store decides on before coding: a document's id and content hash."""

    doc_id: str
    content_hash: str


@dataclass
class _Item:
    doc: Document  # or a DocumentKey, when only deciding
    events: list[Event]
    columns: dict[str, list] | None = None  # the events' mentions rows, one checked list per column
    outcome: Outcome | None = None
    replaces: str | None = None  # why the stored document of this id is replaced
    keys: list[int] = field(default_factory=list)
    copy_of: str | None = None


def conflict_reason(doc_id: str) -> str:
    return (f"doc id {doc_id!r} is already in the store with other content; pass --replace to replace it "
            "(or give the document its own id)")


def _validate(item: _Item) -> str | None:
    """Why the document or its events cannot be stored, or None."""
    doc = item.doc
    if not isinstance(doc, Document):
        return f"expected tacitus.records.Document, got {type(doc).__name__}"
    if not doc.doc_id:
        return "document has an empty doc_id"
    seen: set[str] = set()
    for ev in item.events:
        if isinstance(ev, Event):
            if ev.doc_id != doc.doc_id:
                return f"event {ev.event_id!r} belongs to document {ev.doc_id!r}, not {doc.doc_id!r}"
            if ev.event_id in seen:
                return f"event id {ev.event_id!r} appears twice in document {doc.doc_id!r}"
            seen.add(ev.event_id)
    try:
        item.columns = mention_columns(item.events)
    except ValueError as exc:
        return str(exc)
    return None


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, values: list) -> list[tuple]:
    """The rows of a lookup for ``values``, asked LOOKUP_VALUES at a time."""
    rows: list[tuple] = []
    for start in range(0, len(values), LOOKUP_VALUES):
        rows += conn.execute(sql, [values[start:start + LOOKUP_VALUES]]).fetchall()
    return rows


class DocumentWriter:
    """Writes batches of (Document, events) on one connection; the caller owns the transaction."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, coder_version: str) -> None:
        self.conn = conn
        self.coder_version = coder_version

    def write(self, pairs: list[tuple[Document, list[Event]]], *, run_id: str | None, settings_digest: str | None,
              replace: bool, now: _dt.datetime) -> list[Outcome]:
        items = [_Item(doc, list(events)) for doc, events in pairs]
        ids_in_batch: set[str] = set()
        for item in items:
            problem = _validate(item)
            if problem is None and item.doc.doc_id in ids_in_batch:
                problem = f"doc id {item.doc.doc_id!r} appears twice in one batch"
            if problem is not None:
                item.outcome = Outcome(str(getattr(item.doc, "doc_id", "") or ""), "rejected", problem)
            else:
                ids_in_batch.add(item.doc.doc_id)
        live = [i for i in items if i.outcome is None]
        self._decide_stored(live, settings_digest, replace)
        live = [i for i in live if i.outcome is None]
        self._find_near_copies(live)
        self._insert(live, run_id, now)
        return [i.outcome or Outcome(i.doc.doc_id, "coded") for i in items]

    # ---- decisions -------------------------------------------------------------------------------------

    def triage(self, docs: list[Document | DocumentKey], *, settings_digest: str | None, replace: bool,
               resume: bool) -> list[Outcome | None]:
        """Before coding: the outcome for each document that need not be coded (its id is stored with other
        content and ``replace`` is not given; with ``resume``, also its id stored with this content and coding),
        None for the others."""
        items = [_Item(doc, []) for doc in docs]
        self._decide_stored(items, settings_digest, replace, by_content=False)
        verdicts: list[Outcome | None] = []
        for item in items:
            out = item.outcome
            keep = out is not None and (out.status == "rejected" or (resume and out.reason == "already in the store"))
            verdicts.append(out if keep else None)
        return verdicts

    def _decide_stored(self, items: list[_Item], settings_digest: str | None, replace: bool,
                       by_content: bool = True) -> None:
        """The outcome of each document whose id is stored, and (``by_content``) of each whose content is stored
        under another id; the ones to write keep none."""
        stored = {r[0]: r[1:] for r in _rows(self.conn, LOOKUPS["ids"], [i.doc.doc_id for i in items])}
        digests = dict(_rows(self.conn, LOOKUPS["runs"], sorted({r[2] for r in stored.values() if r[2]})))
        hashes = sorted({i.doc.content_hash for i in items}) if by_content else []
        by_hash = dict(_rows(self.conn, LOOKUPS["hashes"], hashes))
        claimed: dict[str, str] = {}  # content hash -> doc id, for the documents of this batch
        for item in items:
            doc, digest = item.doc, item.doc.content_hash
            known = stored.get(doc.doc_id)
            if known is not None:
                same_content = known[0] == digest
                stored_digest = digests.get(known[2])
                same_coding = known[1] == self.coder_version and (
                    settings_digest is None or stored_digest is None or stored_digest == settings_digest)
                if same_content and same_coding:
                    item.outcome = Outcome(doc.doc_id, "skipped", "already in the store")
                    continue
                if not same_content and not replace:
                    item.outcome = Outcome(doc.doc_id, "rejected", conflict_reason(doc.doc_id))
                    continue
                item.replaces = ("replaced the stored document, which had other content" if not same_content else
                                 "coded again: stored before by another tacitus version or with other settings")
            other = by_hash.get(digest) if by_hash.get(digest) != doc.doc_id else None
            other = other or claimed.get(digest)
            if other is not None and not item.replaces:
                item.outcome = Outcome(doc.doc_id, "skipped", f"same content already in the store as {other!r}")
                continue
            claimed.setdefault(digest, doc.doc_id)

    def _find_near_copies(self, items: list[_Item]) -> None:
        """Mark each document that is a near copy of a stored article (or of one earlier in the batch) with that
        article: the candidates share a band key and are confirmed by their shingles. Only articles keep their
        keys (a copy counts as its article), so a story with thousands of copies still has one candidate."""
        for item in items:
            item.keys = near_keys(item.doc.text)
        replaced = {i.doc.doc_id for i in items if i.replaces}
        holders: dict[int, list[str]] = {}
        for key, doc_id in _rows(self.conn, LOOKUPS["near_keys"], sorted({k for i in items for k in i.keys})):
            if doc_id not in replaced:
                holders.setdefault(key, []).append(doc_id)
        added = dict(_rows(self.conn, LOOKUPS["added"], sorted({d for ids in holders.values() for d in ids})))
        texts: dict[str, str] = {}
        earlier: dict[str, _Item] = {}
        for item in items:
            shared: dict[str, int] = {}
            for key in item.keys:
                for doc_id in holders.get(key, ()):
                    shared[doc_id] = shared.get(doc_id, 0) + 1
            # most shared keys first, then stored before this batch, the earliest, then by id
            order = sorted(shared, key=lambda d: (-shared[d], d not in added, added.get(d) or 0, d))[:CANDIDATES]
            missing = [d for d in order if d in added and d not in texts]
            texts.update(_rows(self.conn, LOOKUPS["texts"], missing))
            item.copy_of = next((d for d in order if same_story(item.doc.text, texts.get(d) or earlier[d].doc.text)),
                                None)
            if item.copy_of is None:
                earlier[item.doc.doc_id] = item
                for key in item.keys:
                    holders.setdefault(key, []).append(item.doc.doc_id)
            else:
                item.keys = []

    # ---- writing ---------------------------------------------------------------------------------------

    def _insert(self, items: list[_Item], run_id: str | None, now: _dt.datetime) -> None:
        if not items:
            return
        conn = self.conn
        replaced = [i.doc.doc_id for i in items if i.replaces]
        if replaced:
            for table in ("mentions", "near_keys", "documents"):
                conn.execute(f"DELETE FROM {table} WHERE doc_id IN ?", [replaced])
        for item in items:
            if item.replaces:
                item.outcome = Outcome(item.doc.doc_id, "coded", item.replaces)
        columns: dict[str, list] = {c: [] for c in DOCUMENT_COLUMNS}
        for item in items:
            doc = item.doc
            for c, v in zip(DOCUMENT_COLUMNS, (doc.doc_id, doc.content_hash, doc.title, doc.published, doc.url,
                                               doc.publisher, doc.source, doc.text, self.coder_version, run_id,
                                               now, item.copy_of)):
                columns[c].append(v)
        self._append("documents", columns)
        keys = [(k, i.doc.doc_id) for i in items for k in i.keys]
        if keys:
            self._append("near_keys", {"near_key": [k for k, _ in keys], "doc_id": [d for _, d in keys]})
        mentions: dict[str, list] = {}
        for item in items:
            for column, values in (item.columns or {}).items():
                mentions.setdefault(column, []).extend(values)
        if mentions and mentions["event_id"]:
            self._append("mentions", mentions)

    def _append(self, table: str, columns: dict[str, list]) -> None:
        """Insert rows given as one list per column, in one statement (DuckDB's unnest of list parameters is
        many times faster here than a scan of an Arrow table or executemany)."""
        names = list(columns)
        select = ", ".join(f"unnest(${n + 1}) AS {name}" for n, name in enumerate(names))
        self.conn.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {select}", [columns[n] for n in names])
