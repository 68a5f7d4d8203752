"""The server's safety: SQL injection through every filter finds nothing and changes nothing, no file outside the
package is served, pages are capped, and bad parameters are 4xx. The store is made from the demo corpus."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tacitus.api import create_app
from tacitus.demo import run_demo
from tacitus.store import EventStore

INJECTIONS = ["' OR '1'='1", "x'); DROP TABLE mentions; --", "1; DELETE FROM documents", "%' UNION SELECT * FROM "
              "documents --", "\"; ATTACH 'x.db' AS x; --", "UKR' --"]
FILTERS = {"/api/events": ["country", "type", "actor", "mode", "text"], "/api/series": ["country", "type", "actor"],
           "/api/dyads": ["country", "type", "actor"], "/api/actors": ["country", "type"]}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    db = tmp_path_factory.mktemp("safe") / "demo.duckdb"
    run_demo(db)
    with EventStore(db, read_only=True) as s:
        counts = s.counts()
    return TestClient(create_app(db), base_url="http://localhost"), db, counts


@pytest.mark.parametrize("path", list(FILTERS))
def test_sql_injection_through_every_filter(setup, path):
    client, db, counts = setup
    for name in FILTERS[path]:
        for attack in INJECTIONS:
            resp = client.get(path, params={name: attack})
            assert resp.status_code in (200, 422), (path, name, attack, resp.text)
            if resp.status_code == 200:
                body = resp.json()
                found = body["total"] if isinstance(body, dict) else len(body)
                assert found == 0, (path, name, attack)  # matched as data, never as SQL
    with EventStore(db, read_only=True) as s:
        assert s.counts() == counts


@pytest.mark.parametrize("url", ["/static/../app.py", "/static/..%2f..%2fapp.py", "/static/%2e%2e/index.html",
                                 "/static/world.json/../../app.py", "/static/etc/passwd", "/../../etc/passwd"])
def test_no_path_traversal(setup, url):
    client, _, _ = setup
    resp = client.get(url)
    assert resp.status_code == 404 or "def create_app" not in resp.text and "root:" not in resp.text


def test_limits_and_loopback(setup):
    client, _, _ = setup
    assert client.get("/api/events", params={"limit": 501}).status_code == 422
    assert client.get("/api/events", params={"actor": "x" * 201}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422
    from typer.testing import CliRunner

    from tacitus.cli import app

    assert "127.0.0.1" in CliRunner().invoke(app, ["serve", "--help"]).output
