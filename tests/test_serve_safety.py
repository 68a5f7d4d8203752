"""Safe serving: only the host names the server is reached by get answers (DNS rebinding), error answers echo
short values and name no path or process, and a store that breaks keeps the last good copy served."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from invented_events import protest, store_of
from tacitus.api import create_app
from tacitus.cli import app as cli

LONG = "Valdoria" * 7_000  # 56,000 characters (httpx sends at most 64 KiB of query)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return store_of(tmp_path_factory.mktemp("safe") / "store.duckdb",
                    {"harbour": [protest("harbour", target="Port Authority")]})


def answer(app, host: str, path: str = "/api/runs"):
    return TestClient(app, base_url="http://localhost").get(path, headers={"host": host})


@pytest.mark.parametrize("host, status", [
    ("localhost:8000", 200), ("127.0.0.1:9999", 200), ("[::1]:8000", 200), ("LOCALHOST", 200),
    ("attacker.example:8000", 400), ("attacker.example", 400), ("localhost.attacker.example", 400),
    ("127.0.0.1.nip.example", 400), ("", 400),
])
def test_a_loopback_server_answers_loopback_names_only(db, host, status):
    app = create_app(db)
    for path in ("/api/runs", "/api/documents/harbour", "/api/events", "/"):
        resp = answer(app, host, path)
        assert resp.status_code == status, (host, path, resp.text)
        if status == 400:
            assert "harbour" not in resp.text and "Osterholm" not in resp.text


def test_other_bindings_answer_their_name_and_the_allowed_ones(db):
    everywhere = create_app(db, host="0.0.0.0", allowed_host=["events.example.org", "*.newsroom.example"])
    assert answer(everywhere, "events.example.org").status_code == 200
    assert answer(everywhere, "desk.newsroom.example:8000").status_code == 200
    assert answer(everywhere, "localhost:8000").status_code == 200
    assert answer(everywhere, "attacker.example").status_code == 400
    lan = create_app(db, host="192.0.2.10")
    assert answer(lan, "192.0.2.10:8000").status_code == 200
    assert answer(lan, "localhost:8000").status_code == 400
    with pytest.raises(ValueError, match="allowed host"):
        create_app(db, allowed_host=["bad*name"])


def test_serve_passes_allowed_hosts_and_refuses_bad_ones(db, monkeypatch):
    served = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: served.update(app=app, **kw))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0", "--allowed-host",
                                      "events.example.org", "--allowed-host", "desk.example.org"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "0.0.0.0"
    assert answer(served["app"], "desk.example.org").status_code == 200
    assert answer(served["app"], "attacker.example").status_code == 400
    bad = CliRunner().invoke(cli, ["serve", "--db", str(db), "--allowed-host", "ev*il"])
    assert bad.exit_code == 2 and "--allowed-host" in bad.output


@pytest.mark.parametrize("path, params", [("/api/events", {"actor": LONG}), ("/api/events", {"since": LONG}),
                                          ("/api/events", {"limit": LONG}), ("/api/series", {"period": LONG}),
                                          ("/api/events", {"bbox": LONG}), ("/api/events/x", {"mentions_limit": LONG})])
def test_a_422_echoes_a_short_value(db, path, params):
    resp = TestClient(create_app(db), base_url="http://localhost").get(path, params=params)
    assert resp.status_code == 422
    assert len(resp.content) < 1_000 and "Valdoria" * 10 not in resp.text
    detail = resp.json()["detail"][0]
    assert detail["loc"][-1] == next(iter(params)) and detail["input"].startswith("Valdoria")
    assert "56,000 characters" in detail["input"]


def test_a_404_echoes_a_short_id(db):
    client = TestClient(create_app(db), base_url="http://localhost")
    for path in ("/api/events/", "/api/documents/"):
        resp = client.get(path + LONG[:20_000])
        assert resp.status_code == 404 and len(resp.content) < 300


def test_a_broken_store_keeps_the_last_copy_and_says_why_without_paths(tmp_path):
    db = store_of(tmp_path / "store.duckdb", {"harbour": [protest("harbour")]})
    app = create_app(db, copy_folder=tmp_path, check_every=0)
    client = TestClient(app, base_url="http://localhost")
    assert client.get("/api/events").json()["total"] == 1
    db.write_bytes(b"This file was a store until a careless copy wrote over it.\n" * 100)
    assert not app.state.snapshot.refresh()
    health = client.get("/health")
    events = client.get("/api/events")
    assert health.status_code == events.status_code == 200 and events.json()["total"] == 1
    problem = health.json()["refresh_problem"]
    assert problem == "cannot open the store: not a DuckDB database file, or its header is damaged"
    for body in (health.text, events.text):
        assert str(tmp_path) not in body and "PID" not in body


def test_serve_names_a_store_it_cannot_read(tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("Meeting notes, not a store.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--db", str(notes)])
    assert result.exit_code == 1
    assert result.output.strip() == (f"tacitus: error: {notes}: cannot open the store: not a DuckDB database file, "
                                     "or its header is damaged")
