"""The event page: one mention, the de-duplicated event it belongs to, and that event's mentions a page at a time
(a syndicated story can have thousands)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from invented_events import protest, store_of
from tacitus.api import create_app
from tacitus.store import EventStore
from tacitus.store.event_groups import event_group

COPIES = 120


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """One blockade told by 120 outlets (each its own story, the same event), and an unrelated protest."""
    stories = {f"outlet-{i:03d}": [protest(f"outlet-{i:03d}")] for i in range(COPIES)}
    stories["inland"] = [protest("inland", source="Farmers of Kaldmark", country="EST")]
    return store_of(tmp_path_factory.mktemp("page") / "store.duckdb", stories)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url="http://localhost")


def test_the_event_lists_one_page_of_its_mentions(client):
    body = client.get("/api/events/outlet-007:0").json()
    assert body["event_id"] == "outlet-007:0"
    real = body["real_event"]
    assert real["num_mentions"] == real["mentions_total"] == COPIES
    assert (real["mentions_limit"], real["mentions_offset"]) == (50, 0)
    assert [m["event_id"] for m in real["mentions"]] == [f"outlet-{i:03d}:0" for i in range(50)]
    assert "mention_ids" not in real


def test_pages_cover_every_mention_once(client):
    seen = []
    for offset in range(0, COPIES + 40, 40):
        real = client.get("/api/events/outlet-000:0", params={"mentions_limit": 40,
                                                             "mentions_offset": offset}).json()["real_event"]
        assert real["mentions_total"] == COPIES and len(real["mentions"]) <= 40
        seen += [m["event_id"] for m in real["mentions"]]
    assert seen == [f"outlet-{i:03d}:0" for i in range(COPIES)]
    empty = client.get("/api/events/outlet-000:0", params={"mentions_limit": 0}).json()["real_event"]
    assert empty["mentions"] == [] and empty["mentions_total"] == COPIES
    assert client.get("/api/events/outlet-000:0", params={"mentions_limit": 501}).status_code == 422
    assert client.get("/api/events/outlet-000:0", params={"mentions_offset": -1}).status_code == 422


def test_a_mention_on_the_page_is_the_mention_itself(client):
    """The page's evidence has the event record's own fields and values."""
    real = client.get("/api/events/inland:0").json()["real_event"]
    assert real["mentions_total"] == 1 and real["source_country"] == "EST"
    mention = real["mentions"][0]
    full = client.get("/api/events/inland:0").json()
    assert set(mention) == {"event_id", "doc_id", "sentence", "evidence", "source", "target", "published",
                            "publisher", "url"}
    assert mention == {k: full[k] for k in mention}


def test_the_group_in_python(db):
    with EventStore(db, read_only=True) as st:
        group = event_group(st.conn, "outlet-119:0", limit=5, offset=118)
        assert group["mentions_total"] == COPIES and [m["event_id"] for m in group["mentions"]] == [
            "outlet-118:0", "outlet-119:0"]
        assert event_group(st.conn, "nowhere:0") is None
        with pytest.raises(ValueError):
            event_group(st.conn, "outlet-1:0", limit=-1)
