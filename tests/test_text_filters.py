"""One rule for text filters everywhere (EventStore, tacitus.analysis, the REST API, `tacitus stats`): a
case-insensitive substring in which every character is literal, `%` and `_` included."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from invented_events import protest, store_of
from tacitus import analysis
from tacitus.api import create_app
from tacitus.cli import app
from tacitus.store import EventStore

SOURCES = {"dock": ("Dockers' Union", "NOR"), "pct": ("100% Solidarity", "SWE"), "under": ("Union_Nord", "DNK"),
           "pilots": ("Harbour Pilots", "FIN")}
PAY = "Harbour pilots walked out over a 5% pay cut in Osterholm."

# needle -> the sources it must find (lower-case names), the same through every entry point
CASES = {
    "%": {"100% solidarity"},
    "_": {"union_nord"},
    "UNION": {"dockers' union", "union_nord"},
    "d_ckers": set(),
    "un%nord": set(),
    "0_%": set(),
    "'": {"dockers' union"},
    "\\": set(),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "store.duckdb"
    return store_of(path, {key: [protest(key, source=name, country=country, sentence=PAY if key == "pilots"
                                         else protest(key).sentence)]
                           for key, (name, country) in SOURCES.items()})


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), base_url="http://localhost")


def names_of(countries) -> set[str]:
    by_country = {country: name.lower() for name, country in SOURCES.values()}
    return {by_country[c] for c in countries}


@pytest.mark.parametrize("needle", list(CASES))
def test_every_entry_point_reads_the_needle_literally(db, client, needle):
    expected = CASES[needle]
    with EventStore(db, read_only=True) as st:
        assert {e["source"]["name"] for e in st.events(actor=needle)} == expected
        assert st.count_events(actor=needle) == len(expected)
        assert set(analysis.top_actors(st, 10, "source", actor=needle)["actor"]) == expected
        assert names_of(analysis.dyad_counts(st, "month", actor=needle)["source_country"]) == expected
        assert int(analysis.goldstein_series(st, "month", actor=needle)["events"].sum()) == len(expected)
    body = client.get("/api/events", params={"actor": needle}).json()
    assert {e["source"]["name"] for e in body["items"]} == expected and body["total"] == len(expected)
    assert names_of(r["source_country"] for r in client.get("/api/dyads", params={"actor": needle}).json()) == expected
    assert sum(r["events"] for r in client.get("/api/series", params={"actor": needle}).json()) == len(expected)
    cli = CliRunner().invoke(app, ["stats", "actors", "--db", str(db), "--actor", needle, "--role", "source",
                                   "--format", "json"])
    assert cli.exit_code == 0, cli.output
    assert {r["actor"] for r in json.loads(cli.stdout)} == expected


@pytest.mark.parametrize("needle, found", [("5%", 1), ("5_", 0), ("%", 1), ("_", 0), ("out over", 1)])
def test_the_sentence_filter_follows_the_same_rule(db, client, needle, found):
    with EventStore(db, read_only=True) as st:
        assert st.count_events(text=needle) == found
    assert client.get("/api/events", params={"text": needle}).json()["total"] == found
