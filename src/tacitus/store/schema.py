"""Table definitions of the event store and the column lists shared by reads and exports."""

from __future__ import annotations

SCHEMA_VERSION = 2

_ACTOR_FIELDS = ("text", "name", "country", "sector", "kb_id")

META_DDL = "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)"

DOCUMENTS_DDL = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    title VARCHAR,
    published VARCHAR,
    url VARCHAR,
    publisher VARCHAR,
    source VARCHAR,
    text VARCHAR NOT NULL,
    coder_version VARCHAR NOT NULL,
    run_id VARCHAR,
    added_at TIMESTAMP NOT NULL
)"""

MENTIONS_DDL = """
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    plover_type VARCHAR NOT NULL,
    plover_mode VARCHAR,
    plover_contexts VARCHAR[],
    cameo_code VARCHAR NOT NULL,
    goldstein DOUBLE,
    quad_class INTEGER,
    source_text VARCHAR NOT NULL,
    source_name VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_kb_id VARCHAR,
    target_text VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_kb_id VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    location_precision VARCHAR,
    geonames_id BIGINT,
    fatalities INTEGER,
    modality VARCHAR NOT NULL,
    attribution VARCHAR,
    confidence DOUBLE,
    predicate VARCHAR,
    location_basis VARCHAR,
    fatalities_civilians BOOLEAN
)"""

RUNS_DDL = """
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    coder_version VARCHAR NOT NULL,
    settings JSON,
    report JSON,
    documents INTEGER,
    events INTEGER,
    rejected INTEGER
)"""

INDEX_DDL = (
    "CREATE INDEX IF NOT EXISTS mentions_doc_idx ON mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS documents_hash_idx ON documents (content_hash)",
)

ALL_DDL = (META_DDL, DOCUMENTS_DDL, MENTIONS_DDL, RUNS_DDL, *INDEX_DDL)

TABLES = ("meta", "documents", "mentions", "runs")

# Columns of the mentions table, in table order (the insert path relies on this order).
MENTION_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_index", "sentence", "evidence_start", "evidence_end",
    "plover_type", "plover_mode", "plover_contexts", "cameo_code", "goldstein", "quad_class",
    *(f"source_{f}" for f in _ACTOR_FIELDS),
    *(f"target_{f}" for f in _ACTOR_FIELDS),
    "date", "date_precision",
    "location_name", "location_country", "location_admin1", "lat", "lon", "location_precision", "geonames_id",
    "fatalities", "modality", "attribution", "confidence", "predicate",
    "location_basis", "fatalities_civilians",  # added in schema 2 (appended, as ALTER TABLE does)
)

# Document columns that belong to each event in the contract and in flat exports.
DOCUMENT_EVENT_COLUMNS: tuple[str, ...] = ("published", "title", "url", "publisher")

# Flat event columns (exports, events_frame): mention columns with the document fields after doc_id.
FLAT_COLUMNS: tuple[str, ...] = (
    MENTION_COLUMNS[:2] + DOCUMENT_EVENT_COLUMNS + MENTION_COLUMNS[2:]
)

# The SELECT list for flat event rows over ``mentions m JOIN documents d``.
FLAT_SELECT = ", ".join(
    f"d.{c}" if c in DOCUMENT_EVENT_COLUMNS else f"m.{c}" for c in FLAT_COLUMNS
)

FLAT_FROM = "mentions m JOIN documents d ON d.doc_id = m.doc_id"

# Day of an event for filtering and ordering: its own date, else the article's publication date.
EVENT_DAY_SQL = "left(coalesce(m.date, d.published), 10)"

EVENT_ORDER_SQL = f"{EVENT_DAY_SQL} DESC NULLS LAST, m.doc_id, m.sentence_index, m.event_id"


# Statements that bring a store of schema version N up to N + 1 (run in order by the store on open).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("DROP INDEX IF EXISTS mentions_doc_idx",  # DuckDB alters no table an index depends on
        "ALTER TABLE mentions ADD COLUMN location_basis VARCHAR",
        "ALTER TABLE mentions ADD COLUMN fatalities_civilians BOOLEAN",
        "CREATE INDEX IF NOT EXISTS mentions_doc_idx ON mentions (doc_id)"),
}
