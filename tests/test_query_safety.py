"""`tacitus query` and EventStore.query read the store and nothing else: no file, folder, URL or extension; no
write hidden in a WITH clause or a subquery; no setting changed; and at most --limit rows, fetched lazily."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from invented_events import protest, store_of, story
from tacitus.cli import app
from tacitus.store import EventStore, QueryRefusedError

SECRET = "tacitus-test-secret-4471"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A store of two invented stories, and a private file next to it that no query may read."""
    d = tmp_path_factory.mktemp("query")
    (d / "private").mkdir()
    (d / "private" / "notes.csv").write_text(f"name,value\nkey,{SECRET}\n", encoding="utf-8")
    return d, store_of(d / "store.duckdb", {f"harbour-{i}": [protest(f"harbour-{i}")] for i in range(2)})


def run_query(db, sql: str, *extra: str):
    return CliRunner().invoke(app, ["query", sql, "--db", str(db), *extra])


@pytest.mark.parametrize("reader", ["read_text('{f}')", "read_blob('{f}')", "read_csv('{f}')", "read_json('{f}')",
                                    "glob('{d}/*')", "read_text('/proc/self/environ')", "read_text('/etc/hostname')",
                                    "read_csv('http://127.0.0.1:9/x.csv')", "read_parquet('s3://bucket/x.parquet')",
                                    "sniff_csv('{f}')", "'{f}'"])
def test_file_reading_queries_are_refused(place, reader):
    d, db = place
    sql = "SELECT * FROM " + reader.format(f=d / "private" / "notes.csv", d=d / "private")
    result = run_query(db, sql)
    assert result.exit_code == 2, result.output
    assert result.stdout == "" and SECRET not in result.output
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and err.startswith("tacitus: error: query refused:"), err
    with EventStore(db, read_only=True) as st, pytest.raises(QueryRefusedError):
        st.query(sql)


def test_etc_hostname_query_refused(place):
    _, db = place
    result = run_query(db, "SELECT * FROM read_text('/etc/hostname')")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "/etc/hostname" in result.stderr and "disabled" in result.stderr


@pytest.mark.parametrize("sql", [
    "WITH d AS (DELETE FROM mentions RETURNING *) SELECT * FROM d",
    "WITH d AS (DELETE FROM documents RETURNING doc_id) SELECT count(*) FROM d",
    "WITH u AS (UPDATE documents SET title = 'x' RETURNING doc_id) SELECT * FROM u",
    "WITH i AS (INSERT INTO runs (run_id, started_at, coder_version) VALUES ('r', now(), 'v') RETURNING *) "
    "SELECT * FROM i",
    "SELECT * FROM (WITH d AS (DELETE FROM mentions RETURNING event_id) SELECT * FROM d)",
    "SELECT * FROM documents WHERE doc_id IN (WITH d AS (DELETE FROM mentions RETURNING doc_id) SELECT * FROM d)",
    "SELECT * FROM query('WITH d AS (DELETE FROM mentions RETURNING *) SELECT * FROM d')",
    "SELECT * FROM checkpoint()",
    "WITH x AS (SELECT 1) DELETE FROM mentions",
    "SET enable_external_access = true",
    "RESET lock_configuration",
    "PRAGMA enable_external_access",
    "INSTALL httpfs",
    "LOAD httpfs",
    "COPY documents TO 'leak.csv'",
    "EXPORT DATABASE 'leak'",
])
def test_hidden_writes_are_refused_on_a_writable_store(tmp_path, sql):
    with EventStore(tmp_path / "w.duckdb") as st:
        st.add_document(story("harbour"), [protest("harbour")])
        before = st.counts()
        with pytest.raises(QueryRefusedError, match="^query refused: "):
            st.query(sql)
        assert st.counts() == before
        assert st.query("SELECT title FROM documents")["title"].isna().all()
    assert not (tmp_path / "leak.csv").exists() and not (tmp_path / "leak").exists()


def test_reads_still_work(place):
    _, db = place
    with EventStore(db, read_only=True) as st:
        assert st.query("WITH t AS (SELECT doc_id FROM documents) SELECT count(*) AS n FROM t")["n"].item() == 2
        assert st.query("SELECT 1 AS a UNION ALL SELECT 2")["a"].tolist() == [1, 2]
        assert len(st.query("DESCRIBE mentions")) > 10 and len(st.query("SUMMARIZE documents")) > 5
        assert st.query("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 4) "
                        "SELECT sum(n) AS s FROM r")["s"].item() == 10


def test_the_configuration_is_locked_below_the_guard(place):
    """Even a statement sent past the guard cannot open the store's connection to files again."""
    _, db = place
    import duckdb

    with EventStore(db, read_only=True) as st:
        with pytest.raises(duckdb.Error, match="locked|Cannot"):
            st.conn.execute("SET enable_external_access = true")
        with pytest.raises(duckdb.Error):
            st.conn.execute("SELECT * FROM read_text('/etc/hostname')").fetchall()


def test_rows_are_capped_with_a_note(place):
    _, db = place
    result = run_query(db, "SELECT * FROM range(30000000) t(i)", "--limit", "5")
    assert result.exit_code == 0
    assert result.stdout.split() == ["i", "0", "1", "2", "3", "4"]
    assert result.stderr.strip() == ("tacitus: showing the first 5 rows; there are more (raise --limit, or narrow "
                                     "the query)")
    exact = run_query(db, "SELECT doc_id FROM documents ORDER BY 1", "--limit", "2")
    assert exact.exit_code == 0 and exact.stderr == "" and exact.stdout.split() == ["doc_id", "harbour-0",
                                                                                     "harbour-1"]
    assert run_query(db, "SELECT 1", "--limit", "0").exit_code == 2  # a usage error


def test_capped_rows_are_never_made(place):
    """Rows past the cap are not computed: this query fails on any row past fifty million, and still answers."""
    _, db = place
    sql = ("SELECT CASE WHEN i < 50000000 THEN i ELSE error('computed past the cap') END AS i "
           "FROM range(100000000) t(i)")
    with EventStore(db, read_only=True) as st:
        frame = st.query(sql, limit=10_001)
        assert len(frame) == 10_001 and frame["i"].iloc[-1] == 10_000
    default = run_query(db, sql)
    assert default.exit_code == 0 and "first 10,000 rows" in default.stderr
