"""One act, one event: an act that names several parties on a side is one event listing them (Event.also_sources,
also_targets), through the coder, the record, the store (filters, the actors view, de-duplication across articles,
old stores) and the ACLED layout. Team-written sentences."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from tacitus.coding import Coder
from tacitus.events.ranking import one_act
from tacitus.records import Actor, Document, Event
from tacitus.settings import Settings
from tacitus.store import EventStore
from tacitus.store.schema import MENTION_COLUMNS

URGED = "The African Union urged {} and {} to respect the ceasefire."


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def _event(n: int, target: Actor | None, *, fatalities: int | None = None, civilians: bool = False) -> Event:
    return Event(event_id=f"e{n}", doc_id="d", sentence_index=0, sentence="Gunmen killed police and villagers.",
                 evidence_start=7, evidence_end=13, plover_type="ASSAULT", plover_mode=None, plover_contexts=[],
                 cameo_code="190", goldstein=-10.0, quad_class=4, source=Actor(text="Gunmen", sector="UAF"),
                 target=target, fatalities=fatalities, fatalities_civilians=civilians)


def test_the_act_keeps_the_toll_any_mention_counted_and_a_pair_with_a_target():
    police = Actor(text="police", country="NGA", sector="COP")
    villagers = Actor(text="villagers", country="NGA", sector="CVL")
    merged = one_act([_event(0, None), _event(1, police), _event(2, villagers, fatalities=4, civilians=True)])
    assert len(merged) == 1
    e = merged[0]
    assert (e.event_id, e.target.code, [a.code for a in e.also_targets]) == ("e1", "NGA COP", ["NGA CVL"])
    assert (e.fatalities, e.fatalities_civilians) == (4, True)
    assert [(s.code, t.code) for s, t in e.pairs()] == [("UAF", "NGA COP"), ("UAF", "NGA CVL")]
    # another day is another act
    other = _event(3, villagers)
    other.date = "2022-05-01"
    assert len(one_act([_event(1, police), other])) == 2


def test_a_record_without_listed_parties_reads_as_one_and_pairs_without_a_target():
    e = _event(0, None)
    d = e.to_dict()
    assert d["also"] == {"sources": [], "targets": []}
    del d["also"]  # JSON written before the field existed
    back = Event.from_dict(d)
    assert back.also_sources == back.also_targets == [] and back.pairs() == [(back.source, None)]


def test_the_order_the_parties_are_named_in_changes_nothing_in_the_store(coder, tmp_path):
    docs = [Document(doc_id=f"a{i}", text=URGED.format(*pair), published="2022-05-10", publisher=f"Wire {i}")
            for i, pair in enumerate((("Ethiopia", "Eritrea"), ("Eritrea", "Ethiopia")))]
    with EventStore(tmp_path / "s.duckdb") as store:
        for doc, events in zip(docs, coder.code(docs)):
            assert [(e.plover_type, len(e.pairs())) for e in events] == [("REQUEST", 2)]
            store.add_document(doc, events)
        rows = store.query("SELECT target_country, num_articles FROM events")
        assert rows.values.tolist() == [["ERI", 2]]
        # the listed party counts for the country filter and in the actors view
        assert store.count_events(country="ETH") == 2 and store.count_events(country="SDN") == 0
        actors = store.query("SELECT country, as_target FROM actors WHERE country IN ('ERI', 'ETH') ORDER BY 1")
        assert actors.values.tolist() == [["ERI", 2], ["ETH", 2]]
        out = tmp_path / "a.acled.csv"
        store.export("acled", out)
        row = pd.read_csv(out, dtype=str, keep_default_na=False).iloc[0]
        assert (row["actor2"], row["assoc_actor_2"]) == ("Eritrea", "Ethiopia")


def test_a_schema_6_store_gets_the_column_of_listed_parties(coder, tmp_path):
    doc = Document(doc_id="a", text=URGED.format("Ethiopia", "Eritrea"), published="2022-05-10")
    events = coder.code([doc])[0]
    path = tmp_path / "v6.duckdb"
    with EventStore(path) as store:
        store.add_document(doc, events)
    con = duckdb.connect(str(path))
    for statement in ("DROP VIEW events", "DROP VIEW actors", "ALTER TABLE mentions DROP COLUMN also_actors",
                      "UPDATE meta SET value = '6' WHERE key = 'schema_version'"):
        con.execute(statement)
    con.close()
    with EventStore(path) as store:
        assert list(store.query("DESCRIBE mentions")["column_name"]) == list(MENTION_COLUMNS)
        assert store.event(events[0].event_id)["also"] == {"sources": [], "targets": []}  # an old row lists none
        again = Document(doc_id="b", text=URGED.format("Eritrea", "Ethiopia"), published="2022-05-10")
        store.add_document(again, coder.code([again])[0])
        assert [a["country"] for a in store.events(country="ETH")[0]["also"]["targets"]] == ["ETH"]
