"""The store's events view: one real-world event from many reports, copies of one article counted once, and
the same input coded twice changing nothing. Reports written by the team."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.records import Document
from tacitus.settings import Settings
from tacitus.store import EventStore
from tacitus.store.near_duplicates import near_keys, same_story

STORY = ("Syrian government forces attacked Turkish soldiers in Idlib on Tuesday, Turkish officials said. The "
         "assault came as talks between Ankara and Moscow on the future of the northwestern province stalled, and "
         "aid groups warned that fighting near the border was forcing thousands of families to flee again.")


def reports() -> list[Document]:
    day = "2023-03-15"  # a Wednesday: "on Tuesday" is 14 March in every report
    return [
        Document(doc_id="wire", text=STORY, published=day, publisher="Wire A"),
        # two syndicated copies of the wire story: one with a byline, one with a note in front
        Document(doc_id="copy-1", text=STORY + "\n\nReporting by a staff writer.", published=day, publisher="Site B"),
        Document(doc_id="copy-2", text="Updated. " + STORY, published=day, publisher="Site C"),
        # two reports of the same attack in other words
        Document(doc_id="paper-d", text="Syrian troops attacked Turkish soldiers in Idlib on Tuesday, a Turkish "
                                        "official said.", published=day, publisher="Paper D"),
        Document(doc_id="paper-e", text="On Tuesday Syrian forces attacked Turkish troops near Idlib, according to "
                                        "a monitoring group.", published=day, publisher="Paper E"),
    ]


@pytest.fixture(scope="module")
def coded():
    docs = reports()
    return docs, Coder(Settings(learned=False)).code(docs)


def stored(path, docs, results) -> EventStore:
    store = EventStore(path)
    for doc, events in zip(docs, results):
        store.add_document(doc, events)
    return store


def test_many_reports_of_one_attack_are_one_event(coded, tmp_path):
    with stored(tmp_path / "e.duckdb", *coded) as store:
        attack = store.query("SELECT * FROM events WHERE plover_type = 'ASSAULT'")
        assert len(attack) == 1
        row = attack.iloc[0]
        assert (row.source_country, row.target_country, row.date, row.location_country) == ("SYR", "TUR",
                                                                                            "2023-03-14", "SYR")
        # five mentions; the two copies count as the wire story: three articles; five publishers
        assert (row.num_mentions, row.num_articles, row.num_sources) == (5, 3, 5)
        copies = store.query("SELECT doc_id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL ORDER BY 1")
        assert copies.values.tolist() == [["copy-1", "wire"], ["copy-2", "wire"]]
        # the actors view: how each actor was coded and how often it appears
        actors = store.query("SELECT * FROM actors WHERE country = 'TUR' AND sector = 'MIL'")
        assert actors.as_target.sum() == 5 and actors.as_source.sum() == 0


def test_coding_the_same_input_twice_changes_no_event(coded, tmp_path):
    docs, results = coded
    with stored(tmp_path / "twice.duckdb", docs, results) as store:
        before = store.query("SELECT * FROM events ORDER BY event_key")
        for doc, events in zip(docs, results):
            assert store.add_document(doc, events) is False
        after = store.query("SELECT * FROM events ORDER BY event_key")
    assert before.equals(after) and len(before) > 0


def test_near_duplicates_are_told_from_other_stories():
    other = ("Kenyan police arrested dozens of protesters in Nairobi on Monday after a march against rising food "
             "prices turned violent, witnesses said, and the interior ministry promised an inquiry into the "
             "conduct of officers who fired tear gas at the crowd.")
    assert same_story(STORY, STORY + " Reporting by a staff writer.")
    assert not same_story(STORY, other)
    assert near_keys("Too short to say.") == []
    # a copy shares a band key with its original, an unrelated story none
    assert set(near_keys(STORY)) & set(near_keys(STORY + " Reporting by a staff writer."))
    assert not set(near_keys(STORY)) & set(near_keys(other))
