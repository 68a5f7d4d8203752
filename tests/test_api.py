"""Tests of tacitus.api: the read-only REST API and the events page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tacitus.api import create_app
from tacitus.records import Actor, Document, Event
from tacitus.store import EventStore

SENTENCE = "Protesters in Rennes demanded that the prefect resign after the flooding."


def event(doc_id: str, n: int, *, src: str, tgt: str | None, plover: str = "DEMAND", date: str | None = "2024-02-03",
          modality: str = "asserted", src_name: str = "protesters") -> Event:
    start = SENTENCE.index("demanded")
    return Event(
        event_id=f"{doc_id}-{n}", doc_id=doc_id, sentence_index=n, sentence=SENTENCE,
        evidence_start=start, evidence_end=start + len("demanded"), plover_type=plover, plover_mode=None,
        plover_contexts=[], cameo_code="100" if plover == "DEMAND" else "040", goldstein=-5.0, quad_class=3,
        source=Actor(text=src_name, name=src_name.title(), country=src, sector="CVL"),
        target=Actor(text="the prefect", name="Prefect", country=tgt, sector="GOV") if tgt else None,
        date=date, date_precision="day" if date else "unknown", modality=modality, confidence=0.6,
        predicate="demand",
    )


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    with EventStore(path) as st:
        run = st.start_run({"inputs": ["feed.jsonl"]})
        st.add_document(Document(doc_id="d1", text="First invented story.", title="Flood protest",
                                 published="2024-02-04", url="https://example.org/d1"),
                        [event("d1", 0, src="FRA", tgt="FRA"),
                         event("d1", 1, src="FRA", tgt=None, plover="CONSULT", src_name="union leaders")],
                        run_id=run)
        st.add_document(Document(doc_id="d2", text="Second invented story.", published="2024-03-10"),
                        [event("d2", 0, src="BEL", tgt="NLD", date=None),
                         event("d2", 1, src="BEL", tgt="NLD", modality="negated")], run_id=run)
        st.finish_run(run, {"inputs": [{"input": "feed.jsonl:1", "status": "coded"}]})
    return path


@pytest.fixture(scope="module")
def client(db_path):
    return TestClient(create_app(db_path), base_url="http://localhost")


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["event_id"] for e in resp.json()["items"]]


def test_list_events(client):
    body = client.get("/api/events").json()
    assert body["total"] == 3
    assert [e["event_id"] for e in body["items"]] == ["d2-0", "d1-0", "d1-1"]  # newest first, negated hidden
    first = body["items"][1]
    assert first["title"] == "Flood protest" and first["url"] == "https://example.org/d1"
    assert first["sentence"][first["evidence"]["start"]:first["evidence"]["end"]] == "demanded"
    assert first["plover"] == {"type": "DEMAND", "mode": None, "contexts": []}


def test_filters(client):
    assert ids(client.get("/api/events", params={"country": "nld"})) == ["d2-0"]
    assert ids(client.get("/api/events", params={"type": "CONSULT"})) == ["d1-1"]
    assert ids(client.get("/api/events", params={"actor": "UNION"})) == ["d1-1"]
    assert ids(client.get("/api/events", params={"since": "2024-03-01", "until": "2024-03-31"})) == ["d2-0"]
    assert ids(client.get("/api/events", params={"until": "2024-02-03"})) == ["d1-0", "d1-1"]
    assert ids(client.get("/api/events", params={"modality": "negated"})) == ["d2-1"]
    assert len(ids(client.get("/api/events", params={"modality": "all"}))) == 4
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and [e["event_id"] for e in page["items"]] == ["d1-0"]


@pytest.mark.parametrize("params", [{"since": "2024-02-30"}, {"until": "yesterday"}, {"limit": 0}, {"limit": 501},
                                    {"offset": -1}, {"limit": "ten"}, {"since": "2024-05-01", "until": "2024-04-01"},
                                    {"modality": "rumoured"}])
def test_bad_parameters_are_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_single_records_and_404(client):
    ev = client.get("/api/events/d1-1").json()
    assert ev["source"]["name"] == "Union Leaders" and ev["target"] is None
    doc = client.get("/api/documents/d2").json()
    assert doc["text"] == "Second invented story." and doc["event_ids"] == ["d2-0", "d2-1"]
    for path in ("/api/events/nope", "/api/documents/nope"):
        resp = client.get(path)
        assert resp.status_code == 404 and "nope" in resp.json()["detail"]


def test_runs_and_health(client):
    (run,) = client.get("/api/runs").json()
    assert run["settings"] == {"inputs": ["feed.jsonl"]}
    assert run["report"]["inputs"][0]["status"] == "coded" and run["events"] == 4
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["counts"] == {"documents": 2, "mentions": 4, "runs": 1}


def test_index_page_is_self_contained(client):
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    page = resp.text
    assert "api/events" in page and 'el("mark"' in page  # fetches events, highlights the predicate
    assert not re.search(r"<(script|link)[^>]+(src|href)=", page), "page must not load external resources"
    assert 'name="country"' in page


def test_openapi_lists_paths(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/runs", "/health"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"country", "type", "actor", "since", "until", "limit", "offset"} <= names


def test_missing_database_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.duckdb"):
        create_app(tmp_path / "nowhere.duckdb")


def test_api_does_not_write(db_path, client):
    client.get("/api/events")
    with EventStore(db_path, read_only=True) as st:
        assert st.counts() == {"documents": 2, "mentions": 4, "runs": 1}


def test_events_by_text_mode_bbox_and_sort(client):
    assert sorted(ids(client.get("/api/events", params={"text": "FLOODING"}))) == ["d1-0", "d1-1", "d2-0"]
    assert ids(client.get("/api/events", params={"text": "earthquake"})) == []
    assert ids(client.get("/api/events", params={"sort": "date"}))[-1] == "d2-0"  # undated: the article's day
    assert client.get("/api/events", params={"bbox": "10,40,0,50"}).status_code == 422  # west beyond east
    assert client.get("/api/events", params={"bbox": "-10,40,10,55"}).json()["total"] == 0  # no places stored
    assert client.get("/api/events", params={"sort": "size"}).status_code == 422


def test_event_detail_has_its_real_event_and_mentions(client):
    body = client.get("/api/events/d1-0").json()
    real = body["real_event"]
    assert (real["plover_type"], real["num_mentions"], real["source_country"]) == ("DEMAND", 1, "FRA")
    assert real["mentions"][0]["sentence"].startswith("Protesters in Rennes")


def test_series_dyads_and_actors(client):
    counts = client.get("/api/series", params={"period": "month"}).json()
    assert counts == [{"period": "2024-02-01", "events": 2}]  # the undated event has no period
    quad = client.get("/api/series", params={"measure": "quad"}).json()
    assert quad[0]["quad_3"] == 2
    dyads = client.get("/api/dyads").json()
    assert {(d["source_country"], d["target_country"], d["events"]) for d in dyads} == {("FRA", "FRA", 1),
                                                                                        ("FRA", None, 1)}
    actors = client.get("/api/actors", params={"role": "source"}).json()
    # the undated Belgian event counts among actors (it has no period, but it is an event)
    assert {(a["actor"], a["country"], a["events"]) for a in actors} == {
        ("Protesters", "FRA", 1), ("Union Leaders", "FRA", 1), ("Protesters", "BEL", 1)}
    assert client.get("/api/series", params={"since": "2024-03-01", "until": "2024-01-01"}).status_code == 422
