"""Table definitions of the event store and the column lists shared by reads and exports."""

from __future__ import annotations

from tacitus.records import COUNTED_MODALITIES

SCHEMA_VERSION = 7

# The counted modalities (records.COUNTED_MODALITIES) as an SQL list: the mentions the views count
COUNTED_SQL = "(" + ", ".join(f"'{m}'" for m in COUNTED_MODALITIES) + ")"

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
    added_at TIMESTAMP NOT NULL,
    duplicate_of VARCHAR
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
    fatalities_civilians BOOLEAN,
    location_text VARCHAR,
    historical BOOLEAN,
    from_title BOOLEAN,
    also_actors VARCHAR
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
    rejected INTEGER,
    settings_digest VARCHAR
)"""

# The MinHash band keys of each article's text (store/near_duplicates.py): the articles sharing a key with a new
# document are the candidates it may be a near copy of. A copy keeps no keys (it counts as its article).
NEAR_KEYS_DDL = """
CREATE TABLE IF NOT EXISTS near_keys (
    near_key BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
)"""

# De-duplicated real-world events: the counted mentions (asserted or future) that agree on dyad, PLOVER type,
# date and place (country and region) are one event. Unresolved actors take part by their words. Mentions in a
# near-copy of an article count as mentions, not as another article.
EVENTS_VIEW_DDL = """
CREATE OR REPLACE VIEW events AS
WITH keyed AS (
    SELECT m.*, d.published, d.publisher, d.url, d.added_at, coalesce(d.duplicate_of, d.doc_id) AS article,
        concat_ws('|',
            coalesce(m.source_country, ''), coalesce(m.source_sector, ''),
            CASE WHEN m.source_country IS NULL AND m.source_sector IS NULL THEN lower(m.source_text) ELSE '' END,
            coalesce(m.target_country, ''), coalesce(m.target_sector, ''),
            CASE WHEN m.target_country IS NULL AND m.target_sector IS NULL
                 THEN lower(coalesce(m.target_text, '')) ELSE '' END,
            m.plover_type, coalesce(m.date, ''), coalesce(m.location_country, ''),
            coalesce(m.location_admin1, '')) AS dedup_key
    FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
    WHERE m.modality IN {COUNTED_SQL}
)
SELECT
    substr(md5(dedup_key), 1, 16) AS event_key,
    arg_max(plover_type, confidence) AS plover_type,
    arg_max(plover_mode, confidence) AS plover_mode,
    arg_max(cameo_code, confidence) AS cameo_code,
    arg_max(goldstein, confidence) AS goldstein,
    arg_max(quad_class, confidence) AS quad_class,
    arg_max(source_name, confidence) AS source_name,
    arg_max(source_country, confidence) AS source_country,
    arg_max(source_sector, confidence) AS source_sector,
    arg_max(source_text, confidence) AS source_text,
    arg_max(target_name, confidence) AS target_name,
    arg_max(target_country, confidence) AS target_country,
    arg_max(target_sector, confidence) AS target_sector,
    arg_max(target_text, confidence) AS target_text,
    arg_max(date, confidence) AS date,
    arg_max(date_precision, confidence) AS date_precision,
    arg_max(location_name, confidence) AS location_name,
    arg_max(location_country, confidence) AS location_country,
    arg_max(location_admin1, confidence) AS location_admin1,
    arg_max(lat, confidence) AS lat,
    arg_max(lon, confidence) AS lon,
    arg_max(location_precision, confidence) AS location_precision,
    arg_max(location_text, confidence) AS location_text,
    arg_max(geonames_id, confidence) AS geonames_id,
    arg_max(plover_contexts, confidence) AS plover_contexts,
    arg_max(also_actors, confidence) AS also_actors,
    max(fatalities) AS fatalities,
    bool_or(coalesce(fatalities_civilians, false)) AS fatalities_civilians,
    count(*) AS num_mentions,
    count(DISTINCT article) AS num_articles,
    count(DISTINCT coalesce(publisher, article)) AS num_sources,
    min(published) AS first_seen,
    max(published) AS last_seen,
    bool_or(sentence_index <= 0) AS in_lead,
    bool_and(coalesce(historical, false)) AS historical,
    arg_max(sentence, confidence) AS sentence,
    arg_max(url, confidence) AS url,
    list(DISTINCT publisher ORDER BY publisher) FILTER (WHERE publisher IS NOT NULL) AS publishers,
    max(added_at) AS added_at,
    arg_max(event_id, confidence) AS top_mention,
    list(event_id ORDER BY event_id) AS mention_ids
FROM keyed
GROUP BY dedup_key""".replace("{COUNTED_SQL}", COUNTED_SQL)

# The shape of mentions.also_actors (an act's other parties, written by rows._also_json) for DuckDB's from_json.
_ACTOR_JSON = "{" + ", ".join(f'"{f}": "VARCHAR"' for f in _ACTOR_FIELDS) + "}"
ALSO_ACTORS_JSON = f'{{"sources": [{_ACTOR_JSON}], "targets": [{_ACTOR_JSON}]}}'

# Every actor the counted mentions name, as source or target (the parties an act lists beside them too): how it
# was coded and how often it appears.
ACTORS_VIEW_DDL = """
CREATE OR REPLACE VIEW actors AS
WITH named AS (
    SELECT m.source_name AS name, m.source_text AS text, m.source_country AS country, m.source_sector AS sector,
           m.source_kb_id AS kb_id, 'source' AS role, m.event_id, d.published
    FROM mentions m JOIN documents d ON d.doc_id = m.doc_id WHERE m.modality IN {COUNTED_SQL}
    UNION ALL
    SELECT m.target_name, m.target_text, m.target_country, m.target_sector, m.target_kb_id, 'target', m.event_id,
           d.published
    FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
    WHERE m.modality IN {COUNTED_SQL} AND m.target_text IS NOT NULL
    UNION ALL
    SELECT p.a.name, p.a.text, p.a.country, p.a.sector, p.a.kb_id, 'source', m.event_id, d.published
    FROM mentions m JOIN documents d ON d.doc_id = m.doc_id, unnest(from_json(m.also_actors, '{ALSO}').sources) AS p(a)
    WHERE m.modality IN {COUNTED_SQL}
    UNION ALL
    SELECT p.a.name, p.a.text, p.a.country, p.a.sector, p.a.kb_id, 'target', m.event_id, d.published
    FROM mentions m JOIN documents d ON d.doc_id = m.doc_id, unnest(from_json(m.also_actors, '{ALSO}').targets) AS p(a)
    WHERE m.modality IN {COUNTED_SQL}
)
SELECT coalesce(name, text) AS actor, country, sector, kb_id,
    count(*) AS mentions,
    count(*) FILTER (WHERE role = 'source') AS as_source,
    count(*) FILTER (WHERE role = 'target') AS as_target,
    country IS NULL AND sector IS NULL AS unresolved,
    min(published) AS first_seen, max(published) AS last_seen
FROM named
GROUP BY ALL""".replace("{COUNTED_SQL}", COUNTED_SQL).replace("{ALSO}", ALSO_ACTORS_JSON)

# The store has no index beyond the primary keys. DuckDB holds every index page a statement has touched in memory
# until the database is closed (index buffers are not evicted), about 56 bytes a key: the secondary indexes schema
# 5 had (mentions.doc_id, documents.content_hash, near_keys.near_key) grew a long run's memory by about 0.33 MB per
# 1,000 documents and were reloaded whole by the first lookups after each release. A batch's lookups on those
# columns are column scans with a hash filter instead: at 100,000 documents they take 6-11 ms a batch, less than
# the index scans took (bench/store_scale.py measures the time per document as the store grows).
ALL_DDL = (META_DDL, DOCUMENTS_DDL, MENTIONS_DDL, RUNS_DDL, NEAR_KEYS_DDL, EVENTS_VIEW_DDL, ACTORS_VIEW_DDL)

TABLES = ("meta", "documents", "mentions", "runs", "near_keys")

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
    "location_text", "historical", "from_title",  # added in schema 4
    "also_actors",  # added in schema 7: the act's other parties (Event.also_sources/also_targets) as JSON
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

# The de-duplicated events, newest first, as every whole-store export and layout writes them; background
# (historical) events only when asked for.
EVENTS_VIEW_SQL = "SELECT * FROM events ORDER BY date DESC NULLS LAST, event_key"
CURRENT_EVENTS_VIEW_SQL = "SELECT * FROM events WHERE NOT historical ORDER BY date DESC NULLS LAST, event_key"


# Statements that bring a store of schema version N up to N + 1 (run in order by the store on open).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("DROP INDEX IF EXISTS mentions_doc_idx",  # DuckDB alters no table an index depends on
        "ALTER TABLE mentions ADD COLUMN location_basis VARCHAR",
        "ALTER TABLE mentions ADD COLUMN fatalities_civilians BOOLEAN",
        "CREATE INDEX IF NOT EXISTS mentions_doc_idx ON mentions (doc_id)"),
    2: ("DROP INDEX IF EXISTS documents_hash_idx",
        "ALTER TABLE documents ADD COLUMN simhash BIGINT",
        "ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR",
        "CREATE INDEX IF NOT EXISTS documents_hash_idx ON documents (content_hash)",
        # the views are made again, as they are now, once the last migration has run
        "DROP VIEW IF EXISTS events", "DROP VIEW IF EXISTS actors"),
    3: ("DROP VIEW IF EXISTS events", "DROP VIEW IF EXISTS actors",
        "DROP INDEX IF EXISTS mentions_doc_idx",
        "ALTER TABLE mentions ADD COLUMN location_text VARCHAR",
        "ALTER TABLE mentions ADD COLUMN historical BOOLEAN",
        "ALTER TABLE mentions ADD COLUMN from_title BOOLEAN",
        "UPDATE mentions SET historical = false, from_title = false",
        # "unknown" with a date meant "the publication date was used": that value is now "published"
        "UPDATE mentions SET date_precision = 'published' WHERE date_precision = 'unknown' AND date IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS mentions_doc_idx ON mentions (doc_id)"),
    # near copies found through indexed MinHash band keys instead of a scan over SimHashes; the run's digest of
    # the settings that change coding (a resume with other settings is refused)
    4: ("DROP INDEX IF EXISTS documents_hash_idx",
        "ALTER TABLE documents DROP COLUMN simhash",
        "CREATE INDEX IF NOT EXISTS documents_hash_idx ON documents (content_hash)",
        "ALTER TABLE runs ADD COLUMN settings_digest VARCHAR",
        NEAR_KEYS_DDL,
        "CREATE INDEX IF NOT EXISTS near_keys_idx ON near_keys (near_key)"),
    # no secondary index: lookups scan the column (see ALL_DDL), and a long run's memory no longer grows with them
    5: ("DROP INDEX IF EXISTS mentions_doc_idx", "DROP INDEX IF EXISTS documents_hash_idx",
        "DROP INDEX IF EXISTS near_keys_idx"),
    # one act is one event, with the other parties its predicate names listed
    6: ("DROP VIEW IF EXISTS events", "DROP VIEW IF EXISTS actors",
        "ALTER TABLE mentions ADD COLUMN also_actors VARCHAR"),
}
