"""tacitus.analysis against counts worked out by hand on a small team-written store."""

from __future__ import annotations

import pytest

from tacitus import analysis
from tacitus.records import Actor, Document, Event, Location
from tacitus.store import EventStore

IDLIB = Location("Idlib", "SYR", "Idlib", 35.93, 36.63, "city")
MOSCOW = Location("Moscow", "RUS", "Moscow", 55.75, 37.62, "city")
SYR_MIL, TUR_MIL = Actor("Syrian troops", "Syrian army", "SYR", "MIL"), Actor("Turkish troops", "Turkish army", "TUR", "MIL")
TUR_GOV, SYR_GOV = Actor("Ankara", "Turkish government", "TUR", "GOV"), Actor("Damascus", "Syrian government", "SYR", "GOV")
RUS_GOV = Actor("Moscow", "Russian government", "RUS", "GOV")
KIND = {"ASSAULT": ("190", -10.0, 4), "ACCUSE": ("112", -2.0, 3), "CONSULT": ("040", 1.0, 1)}


def ev(doc: str, n: int, ptype: str, source: Actor, target: Actor, day: str, place: Location | None) -> Event:
    code, goldstein, quad = KIND[ptype]
    return Event(event_id=f"{doc}:{n}", doc_id=doc, sentence_index=n, sentence=f"Sentence {n} of {doc}.",
                 evidence_start=0, evidence_end=8, plover_type=ptype, plover_mode=None, plover_contexts=[],
                 cameo_code=code, goldstein=goldstein, quad_class=quad, source=source, target=target, date=day,
                 date_precision="day", location=place, confidence=0.8)


@pytest.fixture()
def store(tmp_path):
    corpus = {
        ("d1", "2023-01-10"): [ev("d1", 0, "ASSAULT", SYR_MIL, TUR_MIL, "2023-01-09", IDLIB),
                               ev("d1", 1, "ACCUSE", TUR_GOV, SYR_GOV, "2023-01-09", None)],
        # another report of the same attack: one event, two mentions
        ("d2", "2023-01-20"): [ev("d2", 0, "ASSAULT", SYR_MIL, TUR_MIL, "2023-01-09", IDLIB)],
        ("d3", "2023-02-15"): [ev("d3", 0, "CONSULT", RUS_GOV, TUR_GOV, "2023-02-14", MOSCOW),
                               ev("d3", 1, "CONSULT", TUR_GOV, RUS_GOV, "2023-02-14", MOSCOW)],
        ("d4", "2023-02-20"): [ev("d4", 0, "ASSAULT", SYR_MIL, TUR_MIL, "2023-02-19", IDLIB)],
    }
    with EventStore(tmp_path / "a.duckdb") as s:
        for (doc_id, published), events in corpus.items():
            s.add_document(Document(doc_id=doc_id, text=f"Text of {doc_id}.", published=published,
                                    publisher=f"Paper {doc_id}"), events)
        yield s


def test_dyad_counts_per_month(store):
    df = analysis.dyad_counts(store, period="month")
    rows = {(str(r.period)[:7], r.source_country, r.target_country): (r.events, r.mentions) for r in df.itertuples()}
    assert rows == {("2023-01", "SYR", "TUR"): (1, 2), ("2023-01", "TUR", "SYR"): (1, 1),
                    ("2023-02", "SYR", "TUR"): (1, 1), ("2023-02", "RUS", "TUR"): (1, 1),
                    ("2023-02", "TUR", "RUS"): (1, 1)}


def test_goldstein_and_quad_series(store):
    g = analysis.goldstein_series(store, period="month")
    assert [(str(r.period)[:7], r.events, r.goldstein_sum) for r in g.itertuples()] == [
        ("2023-01", 2, -12.0), ("2023-02", 3, -8.0)]
    assert g.goldstein_mean.round(3).tolist() == [-6.0, -2.667]
    q = analysis.quad_series(store, period="month")
    assert [(r.quad_1, r.quad_2, r.quad_3, r.quad_4) for r in q.itertuples()] == [(0, 0, 1, 1), (2, 0, 0, 1)]
    weekly = analysis.goldstein_series(store, period="week")
    assert [str(p)[:10] for p in weekly.period] == ["2023-01-09", "2023-02-13"]  # Mondays


def test_top_actors(store):
    top = analysis.top_actors(store, n=3)
    assert [(r.actor, r.events) for r in top.itertuples()] == [
        ("Turkish government", 3), ("Russian government", 2), ("Syrian army", 2)]
    assert analysis.top_actors(store, n=1, role="target").actor.tolist() == ["Turkish army"]


def test_filters(store):
    assert analysis.goldstein_series(store, country="RUS").goldstein_sum.tolist() == [2.0]
    assert analysis.goldstein_series(store, bbox=(36.0, 35.5, 37.0, 36.5)).events.sum() == 2  # around Idlib
    assert analysis.goldstein_series(store, since="2023-02-01").events.sum() == 3
    assert analysis.goldstein_series(store, until="2023-01-31", plover_type="accuse").events.sum() == 1
    assert analysis.goldstein_series(store, actor="russian").events.sum() == 2
    table = analysis.quad_series(store, arrow=True)
    assert table.num_rows == 2 and "quad_4" in table.column_names
    with pytest.raises(ValueError, match="period 'fortnight'"):
        analysis.dyad_counts(store, period="fortnight")
    with pytest.raises(ValueError, match="since='1 May'"):
        analysis.goldstein_series(store, since="1 May")
    # Boxes are read and checked by the store's own bbox_bounds: text form, order and range.
    assert analysis.goldstein_series(store, bbox="36.0,35.5,37.0,36.5").events.sum() == 2
    with pytest.raises(ValueError, match="west<=east"):
        analysis.goldstein_series(store, bbox=(37.0, 35.5, 36.0, 36.5))
    with pytest.raises(ValueError, match="west<=east"):
        analysis.goldstein_series(store, bbox=(36.0, 35.5, 37.0, 96.0))
    with pytest.raises(ValueError, match="four numbers"):
        analysis.goldstein_series(store, bbox="36,35")
