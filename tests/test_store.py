"""Tests of tacitus.store: idempotent writes, filters, exports, read-only SQL and schema checks."""

from __future__ import annotations

import json
import time

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from tacitus.records import Actor, Document, Event, Location
from tacitus.store import (
    SCHEMA_VERSION, DocumentConflictError, EventStore, NotAStoreError, QueryRefusedError, ReadOnlyStoreError, SchemaVersionError,
)
from tacitus.store.schema import MENTION_COLUMNS

SENTENCES = {
    "accuse": "The Valdorian interior minister accused Kestria of arming the rebels.",
    "meet": "Officials from Kestria met the Valdorian delegation in the capital.",
    "attack": "Gunmen attacked a police post near the border, killing three officers.",
}


def make_doc(doc_id: str, text: str | None = None, **kw) -> Document:
    return Document(doc_id=doc_id, text=text or f"Body of {doc_id}.\n\nSecond paragraph.", title=f"Title {doc_id}",
                    published=kw.pop("published", "2024-05-10"), url=f"https://news.example/{doc_id}",
                    publisher="Example Wire", source=f"inputs/{doc_id}.html", **kw)


def make_event(doc_id: str, n: int, *, kind: str = "accuse", src: str = "FRA", tgt: str | None = "DEU",
               date: str | None = "2024-05-09", modality: str = "asserted", **kw) -> Event:
    sentence = SENTENCES[kind]
    word = {"accuse": "accused", "meet": "met", "attack": "attacked"}[kind]
    start = sentence.index(word)
    plover, cameo, gold, quad = {"accuse": ("ACCUSE", "112", -2.0, 3), "meet": ("CONSULT", "040", 1.0, 1),
                                 "attack": ("ASSAULT", "190", -10.0, 4)}[kind]
    return Event(
        event_id=f"{doc_id}:{n}", doc_id=doc_id, sentence_index=n, sentence=sentence,
        evidence_start=start, evidence_end=start + len(word), plover_type=plover, plover_mode=None,
        plover_contexts=["military", "human rights"] if kind == "attack" else [], cameo_code=cameo,
        goldstein=gold, quad_class=quad,
        source=Actor(text="the minister", name=f"Minister of {src}", country=src, sector="GOV", kb_id=f"kb:{src}"),
        target=Actor(text="Kestria", name=f"Government of {tgt}", country=tgt, sector="GOV") if tgt else None,
        date=date, date_precision="day" if date else "unknown",
        location=Location(name="Lyon", country="FRA", admin1="Auvergne-Rhone-Alpes", lat=45.75, lon=4.85,
                          precision="city", geonames_id=2996944) if kind == "attack" else None,
        fatalities=3 if kind == "attack" else None, modality=modality, attribution="officials said",
        confidence=0.73456, predicate=word, **kw,
    )


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "events.duckdb") as st:
        yield st


@pytest.fixture
def filled(store):
    """Three documents: a FRA->DEU accusation, a DEU->RUS meeting (undated), an attack plus negated/hypothetical."""
    run = store.start_run({"model": "test"})
    store.add_document(make_doc("a"), [make_event("a", 0), make_event("a", 1, kind="meet", src="ITA", tgt="FRA")],
                       run_id=run)
    store.add_document(make_doc("b", published="2024-06-01"),
                       [make_event("b", 0, kind="meet", src="DEU", tgt="RUS", date=None)], run_id=run)
    store.add_document(make_doc("c", published="2024-07-02"), [
        make_event("c", 0, kind="attack", src="UKR", tgt=None, date="2024-07-01"),
        make_event("c", 1, src="UKR", tgt="RUS", date="2024-07-01", modality="negated"),
        make_event("c", 2, src="UKR", tgt="RUS", date="2024-07-01", modality="hypothetical"),
        make_event("c", 3, src="UKR", tgt="RUS", date="2024-07-01", modality="future"),
    ], run_id=run)
    store.finish_run(run, {"inputs": [{"input": "x.html", "status": "rejected", "reason": "empty"}]})
    return store


def test_new_store_has_schema_and_version(store):
    assert store.counts() == {"documents": 0, "mentions": 0, "runs": 0}
    assert store.schema_version == SCHEMA_VERSION == 7
    cols = list(store.query("DESCRIBE mentions")["column_name"])
    assert cols == list(MENTION_COLUMNS)  # inserts rely on this order
    assert {"event_id", "plover_contexts", "target_kb_id", "geonames_id", "predicate"} <= set(cols)


def test_round_trip_gives_the_contract_dict(store):
    doc = make_doc("a")
    ev = make_event("a", 0, kind="attack")
    assert store.add_document(doc, [ev]) is True
    got = store.event("a:0")
    expected = ev.to_dict() | {"title": doc.title, "url": doc.url, "publisher": doc.publisher,
                               "published": doc.published}
    assert got == expected
    assert got["plover"]["contexts"] == ["military", "human rights"]
    assert got["location"]["geonames_id"] == 2996944 and got["confidence"] == 0.735
    assert store.events() == [expected]
    stored = store.document("a")
    assert stored["text"] == doc.text and stored["content_hash"] == doc.content_hash
    assert stored["event_ids"] == ["a:0"]
    assert store.event("missing") is None and store.document("missing") is None


def test_adding_twice_changes_nothing(store):
    doc = make_doc("a")
    events = [make_event("a", 0), make_event("a", 1, kind="meet")]
    assert store.add_document(doc, events) is True
    before = (store.counts(), store.events(modality=None), store.document("a"))
    assert store.add_document(make_doc("a"), events) is False
    assert (store.counts(), store.events(modality=None), store.document("a")) == before
    assert store.has_document("a") and store.has_document("a", doc.content_hash)
    assert not store.has_document("a", "0" * 40) and not store.has_document("zzz")


def test_changed_content_under_a_stored_id_is_refused_unless_replace(store):
    store.add_document(make_doc("a"), [make_event("a", 0), make_event("a", 1)])
    new = make_doc("a", text="A corrected version of the story.")
    with pytest.raises(DocumentConflictError, match="'a' is already in the store with other content"):
        store.add_document(new, [make_event("a", 5, kind="meet")])
    assert store.counts()["mentions"] == 2 and store.document("a")["text"] == make_doc("a").text
    [outcome] = store.add_documents([(new, [make_event("a", 5, kind="meet")])])
    assert (outcome.status, outcome.written) == ("rejected", False) and "--replace" in outcome.reason
    assert store.add_document(new, [make_event("a", 5, kind="meet")], replace=True) is True
    assert store.counts()["mentions"] == 1
    assert [e["event_id"] for e in store.events()] == ["a:5"]
    assert store.document("a")["text"] == "A corrected version of the story."


def test_other_coder_version_replaces(tmp_path):
    path = tmp_path / "s.duckdb"
    with EventStore(path, coder_version="0.0.1") as st:
        st.add_document(make_doc("a"), [make_event("a", 0)])
    with EventStore(path, coder_version="0.0.2") as st:
        assert st.add_document(make_doc("a"), [make_event("a", 0), make_event("a", 1)]) is True
        assert st.document("a")["coder_version"] == "0.0.2"
        assert st.counts()["mentions"] == 2
        assert st.add_document(make_doc("a"), [make_event("a", 0)]) is False


def test_same_content_under_another_id_is_not_stored(store):
    store.add_document(make_doc("a", text="Identical wire copy."), [make_event("a", 0)])
    assert store.add_document(make_doc("b", text="Identical wire copy."), [make_event("b", 0)]) is False
    assert store.counts() == {"documents": 1, "mentions": 1, "runs": 0}
    assert store.document("b") is None


def test_bad_events_are_refused_and_nothing_is_half_written(store):
    with pytest.raises(ValueError, match="belongs to document 'b'"):
        store.add_document(make_doc("a"), [make_event("b", 0)])
    with pytest.raises(ValueError, match="appears twice"):
        store.add_document(make_doc("a"), [make_event("a", 0), make_event("a", 0)])
    store.add_document(make_doc("a"), [make_event("a", 0)])
    clash = make_event("b", 0)
    clash.event_id = "a:0"
    with pytest.raises(ValueError, match="already used by document 'a'"):
        store.add_document(make_doc("b"), [clash])
    assert store.document("b") is None  # the document row was rolled back with the failed mentions
    assert store.counts() == {"documents": 1, "mentions": 1, "runs": 0}
    with pytest.raises(KeyError, match="no run 'nope'"):
        store.add_document(make_doc("c"), [], run_id="nope")


def test_filters(filled):
    # by default the counted ones (asserted, future), newest first
    assert [e["event_id"] for e in filled.events()] == ["c:0", "c:3", "b:0", "a:0", "a:1"]
    ids = lambda **kw: [e["event_id"] for e in filled.events(**{"modality": "asserted", **kw})]  # noqa: E731
    assert ids() == ["c:0", "b:0", "a:0", "a:1"]
    assert sorted(ids(modality=None)) == ["a:0", "a:1", "b:0", "c:0", "c:1", "c:2", "c:3"]
    assert sorted(ids(modality=["negated", "future"])) == ["c:1", "c:3"]
    # source of one, target of another, the place of the third (Lyon)
    assert sorted(ids(country="fra")) == ["a:0", "a:1", "c:0"]
    assert ids(country="RUS") == ["b:0"]
    assert ids(plover_type="assault") == ["c:0"]
    assert sorted(ids(actor="of deu")) == ["a:0", "b:0"]  # name substring, case-insensitive
    assert sorted(ids(actor="kestria")) == ["a:0", "a:1", "b:0"]  # actor text
    assert ids(since="2024-05-31", until="2024-06-30") == ["b:0"]  # undated event falls back to published
    assert ids(since="2024-07-01") == ["c:0"]
    assert sorted(ids(until="2024-05-09")) == ["a:0", "a:1"]
    assert ids(limit=2) == ["c:0", "b:0"] and ids(limit=2, offset=2) == ["a:0", "a:1"]
    assert filled.count_events(country="FRA") == 3 and filled.count_events(modality=None) == 7
    with pytest.raises(ValueError, match="since='May 5'"):
        filled.events(since="May 5")
    with pytest.raises(ValueError, match="after until"):
        filled.events(since="2024-07-01", until="2024-06-01")


def test_runs_record_settings_and_totals(filled):
    (run,) = filled.runs()
    assert run["settings"] == {"model": "test"} and run["coder_version"]
    assert (run["documents"], run["events"], run["rejected"]) == (3, 7, 1)
    assert run["report"]["inputs"][0]["reason"] == "empty"
    assert run["finished_at"] >= run["started_at"]
    assert {d["run_id"] for d in (filled.document(x) for x in "abc")} == {run["run_id"]}
    with pytest.raises(KeyError, match="no run"):
        filled.finish_run("not-a-run", {})


def test_exports_all_formats(filled, tmp_path):
    assert filled.export("parquet", tmp_path / "e.parquet") == 5  # negated and hypothetical left out
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 5 and set(table.column("modality").to_pylist()) == {"asserted", "future"}
    assert {"title", "source_country", "plover_contexts", "lat"} <= set(table.column_names)

    assert filled.export("CSV", tmp_path / "e.csv", include_all_modalities=True) == 7
    frame = pd.read_csv(tmp_path / "e.csv")
    assert len(frame) == 7
    assert frame.loc[frame.event_id == "c:0", "plover_contexts"].item() == "military;human rights"

    assert filled.export("jsonl", tmp_path / "out" / "e.jsonl") == 5
    lines = (tmp_path / "out" / "e.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 5
    assert rows[0] == filled.event(rows[0]["event_id"])
    assert filled.events_frame().shape[0] == 7


def test_unknown_export_format_raises(filled, tmp_path):
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        filled.export("xlsx", tmp_path / "e.xlsx")
    assert not (tmp_path / "e.xlsx").exists()


def test_the_three_dataset_layouts(filled, tmp_path):
    import pandas as pd

    from tacitus.store.layouts import ACLED_COLUMNS, GDELT_COLUMNS, POLECAT_COLUMNS

    n_events = int(filled.query("SELECT count(*) AS n FROM events")["n"][0])
    assert n_events > 0
    gdelt = tmp_path / "e.gdelt.tsv"
    assert filled.export("gdelt", gdelt) == n_events
    g = pd.read_csv(gdelt, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False)
    assert len(g) == n_events and len(g.columns) == 61
    assert set(g["NumMentions"].astype(int)) >= {1} and all(len(c) in (2, 3, 4) for c in g["EventCode"])
    polecat = tmp_path / "e.polecat.tsv"
    assert filled.export("polecat", polecat) == n_events
    p = pd.read_csv(polecat, sep="\t", dtype=str, keep_default_na=False)
    assert tuple(p.columns) == POLECAT_COLUMNS and len(p) == n_events
    assert set(p["Event Type"]) <= {"ASSAULT", "ACCUSE", "CONSULT", "AGREE", "SUPPORT", "REQUEST", "REJECT",
                                    "THREATEN", "PROTEST", "COERCE", "SANCTION", "MOBILIZE", "RETREAT",
                                    "CONCEDE", "COOPERATE", "AID"}
    acled = tmp_path / "e.acled.csv"
    assert filled.export("acled", acled) == n_events
    a = pd.read_csv(acled, dtype=str, keep_default_na=False)
    assert tuple(a.columns) == ACLED_COLUMNS and len(a) == n_events
    with pytest.raises(ValueError, match="all-modalities"):
        filled.export("acled", tmp_path / "x.csv", include_all_modalities=True)


@pytest.mark.parametrize("sql", ["DROP TABLE mentions", "INSERT INTO runs (run_id) VALUES ('x')",
                                 "DELETE FROM documents", "SELECT 1; DROP TABLE mentions",
                                 "EXPLAIN ANALYZE DELETE FROM mentions", "PRAGMA force_checkpoint",
                                 "COPY mentions TO 'x.csv'", "ATTACH 'other.db'", ""])
def test_query_refuses_writes(filled, sql):
    with pytest.raises(QueryRefusedError):
        filled.query(sql)
    assert filled.counts() == {"documents": 3, "mentions": 7, "runs": 1}


def test_query_reads(filled, tmp_path):
    df = filled.query("WITH t AS (SELECT plover_type FROM mentions) SELECT plover_type, count(*) AS n "
                      "FROM t GROUP BY 1 ORDER BY 1")
    assert dict(zip(df.plover_type, df.n)) == {"ACCUSE": 4, "ASSAULT": 1, "CONSULT": 2}
    assert "mentions" in set(filled.query("SHOW TABLES")["name"])
    assert len(filled.query("PRAGMA table_info('runs')")) == 10
    filled.close()
    with EventStore(tmp_path / "events.duckdb", read_only=True) as ro:
        assert ro.query("SELECT count(*) AS n FROM documents")["n"].item() == 3
        with pytest.raises(QueryRefusedError):
            ro.query("DROP TABLE mentions")
        with pytest.raises(ReadOnlyStoreError):
            ro.add_document(make_doc("z"), [])
        with pytest.raises(ReadOnlyStoreError):
            ro.start_run({})


def older_store(path, doc: Document, *statements: str) -> None:
    """A store with one document, rewritten by ``statements`` as an older tacitus left it; read-only opens refuse
    it until it is opened once for writing."""
    with EventStore(path) as store:
        store.add_document(doc, [make_event(doc.doc_id, 0)])
    con = duckdb.connect(str(path))
    try:
        # every schema before 7 lacks the column of an act's other parties
        for statement in ("DROP VIEW events", "DROP VIEW actors", "ALTER TABLE mentions DROP COLUMN also_actors",
                          *(s for s in statements if s != "DROP VIEW events")):
            con.execute(statement)
    finally:
        con.close()
    with pytest.raises(SchemaVersionError, match="open it once for writing"):
        EventStore(path, read_only=True)


def test_a_schema_1_store_is_migrated_when_opened_for_writing(tmp_path):
    # a store as tacitus 0.1 wrote it: the mentions table without the columns schema 2 appended
    path = tmp_path / "old.duckdb"
    older_store(path, make_doc("a"), "DROP VIEW events", "DROP TABLE near_keys",
                "ALTER TABLE runs DROP COLUMN settings_digest", "DROP INDEX IF EXISTS documents_hash_idx",
                "ALTER TABLE documents DROP COLUMN duplicate_of",
                "CREATE INDEX documents_hash_idx ON documents (content_hash)", "DROP INDEX IF EXISTS mentions_doc_idx",
                "ALTER TABLE mentions DROP COLUMN location_basis",
                "ALTER TABLE mentions DROP COLUMN fatalities_civilians",
                # and those of schema 4
                *(f"ALTER TABLE mentions DROP COLUMN {c}" for c in ("location_text", "historical", "from_title")),
                "UPDATE meta SET value = '1' WHERE key = 'schema_version'",
                "CREATE INDEX mentions_doc_idx ON mentions (doc_id)")
    with EventStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert list(s.query("DESCRIBE mentions")["column_name"]) == list(MENTION_COLUMNS)
        assert s.event("a:0")["event_id"] == "a:0"  # the old rows are still there
        s.add_document(make_doc("b"), [make_event("b", 0)])  # and new ones go in
        assert s.counts()["mentions"] == 2


def test_a_schema_3_store_gets_the_history_columns_and_the_renamed_precision(tmp_path):
    # schema 3 wrote "unknown" both for no date and for the publication date standing in for one
    path = tmp_path / "v3.duckdb"
    with EventStore(path) as s:
        s.add_document(make_doc("a"), [make_event("a", 0), make_event("a", 1, kind="meet", date=None)])
    con = duckdb.connect(str(path))
    for statement in ("DROP TABLE near_keys", "ALTER TABLE runs DROP COLUMN settings_digest",
                      "DROP INDEX IF EXISTS documents_hash_idx", "ALTER TABLE documents ADD COLUMN simhash BIGINT",
                      "CREATE INDEX documents_hash_idx ON documents (content_hash)"):  # undo schema 5
        con.execute(statement)
    con.execute("DROP VIEW events")
    con.execute("DROP VIEW actors")
    con.execute("DROP INDEX IF EXISTS mentions_doc_idx")
    for column in ("location_text", "historical", "from_title", "also_actors"):
        con.execute(f"ALTER TABLE mentions DROP COLUMN {column}")
    con.execute("UPDATE mentions SET date = '2024-05-10', date_precision = 'unknown' WHERE event_id = 'a:0'")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.execute("CREATE INDEX mentions_doc_idx ON mentions (doc_id)")
    con.close()
    with EventStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        rows = s.query("SELECT event_id, coalesce(date, '-') AS d, date_precision, historical, from_title "
                       "FROM mentions ORDER BY 1")
        assert rows.values.tolist() == [["a:0", "2024-05-10", "published", False, False],
                                        ["a:1", "-", "unknown", False, False]]
        assert s.query("SELECT count(*) AS n FROM events")["n"].item() == 2


def test_history_is_left_out_of_exports_unless_asked(store, tmp_path):
    import pandas as pd

    old = make_event("h", 1, kind="attack", src="UKR", tgt=None, date="1994", historical=True)
    store.add_document(make_doc("h"), [make_event("h", 0, kind="attack", src="RUS", tgt=None), old])
    assert store.event("h:1")["historical"] is True
    for fmt in ("acled", "csv"):
        today, everything = tmp_path / f"today.{fmt}", tmp_path / f"all.{fmt}"
        assert store.export(fmt, today) == 1
        assert store.export(fmt, everything, include_historical=True) == 2
        assert pd.read_csv(today)["fatalities"].sum() == 3
        assert pd.read_csv(everything)["fatalities"].sum() == 6
    assert store.export("jsonl", tmp_path / "e.jsonl", level="event") == 1


def test_acled_gives_no_point_for_a_place_known_only_as_a_country(store, tmp_path):
    import pandas as pd

    town = make_event("p", 0, kind="attack", src="UKR", tgt=None)
    country = make_event("p", 1, kind="attack", src="RUS", tgt=None)
    country.location = Location(name="United States", country="USA", lat=39.76, lon=-98.5, precision="country",
                                text="the United States")
    store.add_document(make_doc("p"), [town, country])
    store.export("acled", tmp_path / "a.csv")
    rows = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False).set_index("location")
    assert (rows.loc["Lyon", "latitude"], rows.loc["Lyon", "longitude"]) == ("45.75", "4.85")
    assert (rows.loc["United States", "latitude"], rows.loc["United States", "longitude"]) == ("", "")
    store.export("polecat", tmp_path / "p.tsv")  # the raw place words are POLECAT's Raw Placename
    raw = pd.read_csv(tmp_path / "p.tsv", sep="\t", dtype=str, keep_default_na=False)["Raw Placename"]
    assert set(raw) == {"Lyon", "the United States"}


WIRE = ("Valdorian border guards fired on a Kestrian patrol near the river crossing at dawn on Tuesday, the "
        "Kestrian defence ministry said, and two soldiers were wounded. Valdoria said its guards had answered "
        "shots from across the river and called for talks between the two commands to calm the frontier.")


def test_a_schema_4_store_gets_near_copy_keys_when_migrated(tmp_path):
    # a store as schema 4 kept it: SimHashes in the documents table, no near_keys table, no settings digest
    path = tmp_path / "v4.duckdb"
    older_store(path, make_doc("wire", text=WIRE), "DROP TABLE near_keys",
                "ALTER TABLE runs DROP COLUMN settings_digest", "DROP INDEX IF EXISTS documents_hash_idx",
                "ALTER TABLE documents ADD COLUMN simhash BIGINT",
                "CREATE INDEX documents_hash_idx ON documents (content_hash)",
                "UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with EventStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert "simhash" not in set(s.query("DESCRIBE documents")["column_name"])
        assert s.query("SELECT count(*) AS n FROM near_keys")["n"].item() > 0
        # a syndicated copy added after the upgrade is found through the keys of the old document
        s.add_document(make_doc("copy", text=WIRE + "\n\nReporting by a staff writer."), [make_event("copy", 0)])
        assert s.document("copy")["duplicate_of"] == "wire"


def test_a_schema_5_store_loses_its_secondary_indexes_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v5.duckdb"
    older_store(path, make_doc("wire", text=WIRE), "CREATE INDEX mentions_doc_idx ON mentions (doc_id)",
                "CREATE INDEX documents_hash_idx ON documents (content_hash)",
                "CREATE INDEX near_keys_idx ON near_keys (near_key)",
                "UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with EventStore(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.query("SELECT count(*) AS n FROM duckdb_indexes()")["n"].item() == 0
        assert s.counts() == {"documents": 1, "mentions": 1, "runs": 0}
        s.add_document(make_doc("copy", text=WIRE + "\n\nReporting by a staff writer."), [make_event("copy", 0)])
        assert s.document("copy")["duplicate_of"] == "wire"


def test_near_copies_within_one_batch_and_across_batches(store):
    other = ("Kestrian farmers blocked the main highway to the capital with tractors on Monday to protest "
             "against grain import quotas, and the agriculture minister promised to meet their union leaders "
             "before the end of the week to discuss compensation for the lost harvest.")
    outcomes = store.add_documents([(make_doc("wire", text=WIRE), []),
                                    (make_doc("copy-1", text="Updated. " + WIRE), []),
                                    (make_doc("other", text=other), [])])
    assert [o.status for o in outcomes] == ["coded", "coded", "coded"]
    store.add_documents([(make_doc("copy-2", text=WIRE + "\n\nReporting by a staff writer."), [])])
    copies = store.conn.execute("SELECT doc_id, duplicate_of FROM documents ORDER BY doc_id").fetchall()
    assert copies == [("copy-1", "wire"), ("copy-2", "wire"), ("other", None), ("wire", None)]
    # only articles keep near-copy keys: a story with many copies stays one candidate
    assert store.conn.execute("SELECT DISTINCT doc_id FROM near_keys ORDER BY 1").fetchall() == [("other",), ("wire",)]


def test_one_bad_document_does_not_stop_its_batch(store):
    clash = make_event("b", 0)
    clash.event_id = "a:0"
    outcomes = store.add_documents([(make_doc("a"), [make_event("a", 0)]), (make_doc("b"), [clash]),
                                    (make_doc("c"), [make_event("b", 1)]), (make_doc("d"), [make_event("d", 0)])])
    assert [o.status for o in outcomes] == ["coded", "rejected", "rejected", "coded"]
    assert "already used by document 'a'" in outcomes[1].reason and "belongs to document 'b'" in outcomes[2].reason
    assert store.counts() == {"documents": 2, "mentions": 2, "runs": 0}



def test_a_value_of_the_wrong_type_rejects_its_document_only(store):
    words = make_event("w", 0)
    words.fatalities = "twelve"
    huge = make_event("h", 0)
    huge.fatalities = 2 ** 40  # beyond the column's 32 bits
    fine = make_event("f", 0)
    fine.fatalities, fine.goldstein = 3, 2  # an int where the column is a double is stored as one
    outcomes = store.add_documents([(make_doc("w"), [words]), (make_doc("h"), [huge]), (make_doc("f"), [fine])])
    assert [o.status for o in outcomes] == ["rejected", "rejected", "coded"]
    assert "fatalities = 'twelve' is not of type int32" in outcomes[0].reason and "'w:0'" in outcomes[0].reason
    assert "fatalities = 1099511627776" in outcomes[1].reason
    assert store.conn.execute("SELECT doc_id, fatalities, goldstein FROM mentions").fetchall() == [("f", 3, 2.0)]

def test_opening_checks(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.duckdb"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)
    newer = tmp_path / "newer.duckdb"
    EventStore(newer).close()
    con = duckdb.connect(str(newer))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaVersionError, match="schema version 99"):
        EventStore(newer)
    with pytest.raises(SchemaVersionError):
        EventStore(newer, read_only=True)
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(NotAStoreError, match="foreign.duckdb"):
        EventStore(foreign)


def test_many_events_insert_quickly(store):
    events_per_doc = 500
    t0 = time.perf_counter()
    for d in range(20):
        doc_id = f"bulk{d}"
        store.add_document(make_doc(doc_id), [make_event(doc_id, i) for i in range(events_per_doc)])
    elapsed = time.perf_counter() - t0
    assert store.counts()["mentions"] == 10_000
    assert elapsed < 5.0, f"10k events took {elapsed:.2f}s"


def test_the_writers_lookups_use_the_keys_and_the_store_keeps_no_other_index(store):
    """Failure 13 of issue 13: 'doc_id = ? OR content_hash = ?' was a full scan, and so is 'IN (SELECT unnest(?))'
    on a large table: every question on a primary key must be an index scan. The columns without a key are read
    by one scan a statement; an index on them would be held in memory whole, growing a long run's memory."""
    from tacitus.store.document_writer import LOOKUP_VALUES, LOOKUPS

    con = store.conn
    con.execute("INSERT INTO documents (doc_id, content_hash, text, coder_version, added_at) "
                "SELECT 'doc-' || i, md5('doc-' || i), 'text ' || i, 'v', now()::TIMESTAMP FROM range(20000) t(i)")
    con.execute("INSERT INTO near_keys SELECT i * 7919 + k, 'doc-' || i FROM range(20000) t(i), range(10) s(k)")
    runs = [store.start_run({}, digest="d") for _ in range(3)]
    values = {"ids": [f"doc-{i * 71}" for i in range(256)], "near_keys": [i * 7919 for i in range(LOOKUP_VALUES)],
              "added": [f"doc-{i * 13}" for i in range(5)], "texts": [f"doc-{i}" for i in range(5)], "runs": runs,
              "hashes": [r[0] for r in con.execute("SELECT content_hash FROM documents LIMIT 256").fetchall()]}
    assert set(values) == set(LOOKUPS)
    for name, sql in LOOKUPS.items():
        plan = "\n".join(r[1] for r in con.execute("EXPLAIN ANALYZE " + sql, [values[name]]).fetchall())
        keyed = name not in ("hashes", "near_keys")
        assert ("Index Scan" in plan) == keyed and ("Sequential Scan" in plan) != keyed, f"{name}: {plan}"
        if name == "near_keys":
            assert len(con.execute(sql, [values[name]]).fetchall()) == LOOKUP_VALUES  # each asked key is held once
    assert con.execute("SELECT count(*) FROM duckdb_indexes() WHERE database_name = current_database()").fetchone() \
        == (0,)


def test_releasing_memory_drops_loaded_index_pages_and_the_store_goes_on(store):
    def index_bytes() -> int:
        return store.conn.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                                  "WHERE tag = 'ART_INDEX'").fetchone()[0]

    run = store.start_run({}, digest="d")
    store.add_documents([(make_doc(f"d{i}"), [make_event(f"d{i}", 0)]) for i in range(2000)], run_id=run)
    assert index_bytes() > 0
    store.release_memory()
    assert index_bytes() == 0  # loaded again lazily, as lookups need them
    outcomes = store.add_documents([(make_doc(f"d{i}"), [make_event(f"d{i}", 0)]) for i in range(1990, 2010)],
                                   run_id=run)
    assert [o.status for o in outcomes] == ["skipped"] * 10 + ["coded"] * 10
    assert store.counts() == {"documents": 2010, "mentions": 2010, "runs": 1}


# ---- the store process of a coding run (store/remote.py) ---------------------------------------------------------
def test_a_store_process_raises_the_stores_own_errors_and_answers_only_what_a_run_asks(tmp_path):
    from tacitus.store import StoreError
    from tacitus.store.remote import StoreProcess

    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database\n", encoding="utf-8")
    with pytest.raises(StoreError) as raised:
        StoreProcess(bad)
    assert str(raised.value) == f"{bad}: cannot open the store: not a DuckDB database file, or its header is damaged"
    store = StoreProcess(tmp_path / "s.duckdb")
    try:
        assert store.latest_run() is None
        with pytest.raises(StoreError) as raised:  # a failure in a call comes back as one line, and the store
            store.add_documents("not a list of (document, events) pairs")  # goes on answering
        assert str(raised.value) == f"{tmp_path / 's.duckdb'}: 'str' object has no attribute 'doc_id'"
        assert store.latest_run() is None
        with pytest.raises(AttributeError, match="query"):
            store.query("SELECT 1")
    finally:
        store.close()
        store.close()  # twice is harmless


def test_a_run_that_dies_without_closing_its_store_leaves_no_process_holding_it(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    db = tmp_path / "s.duckdb"
    script = ("import os, sys; from tacitus.store.remote import StoreProcess; s = StoreProcess(sys.argv[1]); "
              "print(s._proc.pid, flush=True); os._exit(0)")
    child = int(subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True,
                               check=True).stdout)
    deadline = time.time() + 10
    while Path(f"/proc/{child}").exists() and time.time() < deadline:
        time.sleep(0.05)
    assert not Path(f"/proc/{child}").exists()
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    finally:
        con.close()


def test_the_store_of_a_run_is_written_by_a_process_of_its_own(tmp_path):
    import os
    import re

    from tacitus.code_run import CodeOptions, code_inputs
    from tacitus.settings import Settings

    db = tmp_path / "s.duckdb"
    holders = []

    def on_status(status):  # while the run goes on, the store's lock is held by another process
        try:
            duckdb.connect(str(db), read_only=True).close()
        except duckdb.IOException as exc:
            holders.extend(int(pid) for pid in re.findall(r"PID (\d+)", str(exc)))

    text = tmp_path / "a.txt"
    text.write_text("Police arrested two protesters in Nairobi on Monday.\n", encoding="utf-8")
    code_inputs(CodeOptions(inputs=[str(text)], settings=Settings(learned=False), output=tmp_path / "p.jsonl",
                            db=db), on_status=on_status)
    assert holders and os.getpid() not in holders
    with EventStore(db, read_only=True) as store:  # and it was closed at the end, with the event in it
        assert len(store.events_frame()) == 1


def test_a_run_sends_its_store_no_more_text_at_once_than_store_chars():
    from types import SimpleNamespace

    from tacitus.code_run import STORE_CHARS, StoreBuffer
    from tacitus.records import InputStatus

    batches = []
    store = SimpleNamespace(path="s.duckdb", release_memory=lambda: None,
                            add_documents=lambda pairs, **kw: batches.append(len(pairs)) or
                            [SimpleNamespace(written=True, reason=None) for _ in pairs])
    buffer = StoreBuffer(store, "run", replace=False)
    text = "word " * (STORE_CHARS // 15 + 1)  # a little over a third of the limit per document
    for i in range(7):
        buffer.add(InputStatus(input=f"in{i}", status="coded", doc_id=f"d{i}"), Document(doc_id=f"d{i}", text=text), [])
    buffer.flush()
    assert batches == [3, 3, 1]


def test_a_store_bounded_as_a_runs_takes_the_most_text_a_run_sends_at_once(tmp_path):
    from tacitus.code_run import STORE_CHARS
    from tacitus.store import remote

    with EventStore(tmp_path / "s.duckdb", memory_mb=remote.MEMORY_MB, threads=remote.THREADS) as store:
        assert store.conn.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "61.0 MiB"
        run_id = store.start_run({"test": "limit"}, digest="d")
        docs = _big_documents(STORE_CHARS // 2_000_000)
        assert sum(len(d.text) for d, _ in docs) >= STORE_CHARS * 0.99
        outcomes = store.add_documents(docs, run_id=run_id)
        assert [o.status for o in outcomes] == ["coded"] * len(docs) and store.memory_mb == remote.MEMORY_MB


def _big_documents(n: int, chars: int = 2_000_000) -> list:
    words = [f"w{i:05d}" for i in range(20_000)]
    return [(Document(doc_id=f"big{k}", text=" ".join(words[(k * 7 + j) % 20_000] for j in range(chars // 7)),
                      published="2024-05-08"), []) for k in range(n)]


def test_a_call_that_needs_more_than_the_store_process_limit_is_made_again_with_a_larger_one(tmp_path):
    from tacitus.store.remote import answer_call

    store = EventStore(tmp_path / "s.duckdb", memory_mb=16, threads=1)
    run_id = store.start_run({"test": "room"}, digest="d")
    docs = _big_documents(8)  # 16 MB of text: DuckDB fails to commit it under 16 MB
    kind, outcomes = answer_call(store, "add_documents", (docs,), {"run_id": run_id})
    assert kind == "ok" and [o.status for o in outcomes] == ["coded"] * 8
    assert store.memory_mb in (32, 64, 128)
    assert answer_call(store, "close", (), {}) == ("ok", None)
    with EventStore(tmp_path / "s.duckdb", read_only=True) as reread:  # each document once
        assert reread.conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (8, 8)
    from tacitus.store.errors import out_of_memory

    from tacitus.store.errors import StoreError

    wrapped = StoreError("s.duckdb: cannot open the store: Out of Memory Error: Failure while replaying WAL")
    wrapped.__cause__ = duckdb.OutOfMemoryException("Out of Memory Error: Failure while replaying WAL")
    assert out_of_memory(wrapped) and not out_of_memory(StoreError("s.duckdb: the store is closed"))
    unbounded = EventStore(tmp_path / "t.duckdb")  # a store without a limit never tries again
    assert not unbounded.make_room(duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block"))
    unbounded.close()


def test_a_document_that_fails_on_the_limit_after_others_were_committed_is_made_again_alone(tmp_path, monkeypatch):
    # an event-id clash sends the batch one document per transaction; when one of those fails on the memory limit
    # only it is made again (made again with the whole batch, the documents committed would read as already stored)
    from dataclasses import replace

    from tacitus.store import document_writer
    from tacitus.store.remote import answer_call

    insert, failed = document_writer.DocumentWriter._insert, []

    def once_out_of_memory(self, items, run_id, now):  # DuckDB's own error, as a big document alone raises it
        if [i.doc.doc_id for i in items] == ["c"] and not failed:
            failed.append("c")
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256.0 KiB")
        return insert(self, items, run_id, now)

    monkeypatch.setattr(document_writer.DocumentWriter, "_insert", once_out_of_memory)
    store = EventStore(tmp_path / "s.duckdb", memory_mb=64, threads=1)
    run_id = store.start_run({"test": "room"}, digest="d")
    a, b, c = (Document(doc_id=d, text=f"Police arrested two men in Nairobi ({d}).") for d in "abc")
    clashing = replace(make_event("b", 1), event_id="a:1")  # document b's event under an id of document a
    kind, outcomes = answer_call(store, "add_documents", ([(a, [make_event("a", 1)]), (b, [clashing]), (c, [])],),
                                 {"run_id": run_id})
    assert kind == "ok" and failed == ["c"] and store.memory_mb == 128
    assert [(o.doc_id, o.status) for o in outcomes] == [("a", "coded"), ("b", "rejected"), ("c", "coded")]
    store.close()
