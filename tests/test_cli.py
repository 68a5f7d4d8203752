"""The command line end to end: code -> store -> export -> serve, the report, and clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tacitus.cli import app

ARTICLE = ("Iraqi troops attacked Kurdish fighters near Kirkuk on Monday, killing four fighters.\n\n"
           "Advertisement\n\n"
           "The United Nations condemned the attack and urged Iraq to protect civilians.\n")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli")
    (d / "in").mkdir()
    (d / "in" / "kirkuk.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "in" / "broken.jsonl").write_text('{"id": "a1", "text": "Egypt condemned Israel."}\n{not json\n',
                                           encoding="utf-8")
    (d / "in" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return d


@pytest.fixture(scope="module")
def coded(workdir):
    runner = CliRunner()
    db, report = workdir / "store.duckdb", workdir / "report.json"
    result = runner.invoke(app, ["code", str(workdir / "in"), "--published", "2024-03-06", "--db", str(db),
                                 "--report", str(report), "-o", str(workdir / "out.jsonl")])
    return result, db, report


def test_code_writes_events_store_and_report(coded, workdir):
    result, db, report = coded
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in (workdir / "out.jsonl").read_text().splitlines()]
    attack = [e for e in lines if e["plover"]["type"] == "ASSAULT"]
    assert attack and attack[0]["source"]["country"] == "IRQ" and attack[0]["date"] == "2024-03-04"
    assert attack[0]["fatalities"] == 4
    assert all("Advertisement" not in e["sentence"] for e in lines)
    rep = json.loads(report.read_text())
    by_status = {i["input"].split("/")[-1]: i["status"] for i in rep["inputs"]}
    assert by_status["kirkuk.txt"] == "coded" and by_status["image.png"] == "rejected"
    assert by_status["broken.jsonl:1"] == "coded" and by_status["broken.jsonl:2"] == "rejected"
    assert rep["totals"]["events"] == len(lines)
    assert "rejected" in result.output and "image.png" in result.output


def test_recoding_adds_nothing(coded, workdir):
    _, db, _ = coded
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as s:
        before = s.counts()
    result = CliRunner().invoke(app, ["code", str(workdir / "in"), "--published", "2024-03-06", "--db", str(db),
                                      "-o", str(workdir / "again.jsonl")])
    assert result.exit_code == 0
    with EventStore(db, read_only=True) as s:
        after = s.counts()
    assert after["documents"] == before["documents"] and after["mentions"] == before["mentions"]
    # the CLI check: the events table is the same before and after
    events = CliRunner().invoke(app, ["query", "SELECT event_key, num_mentions FROM events ORDER BY 1",
                                      "--db", str(db)])
    assert events.exit_code == 0 and "event_key" in events.output
    again = CliRunner().invoke(app, ["code", str(workdir / "in"), "--published", "2024-03-06", "--db", str(db),
                                     "-o", str(workdir / "again2.jsonl")])
    assert again.exit_code == 0
    assert CliRunner().invoke(app, ["query", "SELECT event_key, num_mentions FROM events ORDER BY 1", "--db",
                                    str(db)]).output == events.output


@pytest.mark.parametrize("layout, sep, header", [("gdelt", "\t", None), ("polecat", "\t", 0), ("acled", ",", 0)])
def test_dataset_layouts_have_a_row_per_event(coded, workdir, layout, sep, header):
    _, db, _ = coded
    out = workdir / f"export.{layout}"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", layout, "-o", str(out)])
    assert result.exit_code == 0, result.output
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as s:
        n_events = int(s.query("SELECT count(*) AS n FROM events")["n"][0])
    assert len(pd.read_csv(out, sep=sep, header=header, dtype=str)) == n_events > 0


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_event_level_exports_agree_with_the_events_table(coded, workdir, fmt):
    _, db, _ = coded
    out = workdir / f"events.{fmt}"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", fmt, "--level", "event", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = {"jsonl": lambda p: len(p.read_text().splitlines()), "csv": lambda p: len(pd.read_csv(p)),
            "parquet": lambda p: pq.read_table(p).num_rows}[fmt](out)
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as s:
        assert rows == int(s.query("SELECT count(*) AS n FROM events")["n"][0]) > 0


def test_stats(coded):
    _, db, _ = coded
    r = CliRunner().invoke(app, ["stats", "dyads", "--db", str(db), "--period", "week", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert any(x["source_country"] == "IRQ" and x["events"] >= 1 for x in rows)
    r = CliRunner().invoke(app, ["stats", "actors", "--db", str(db), "--top", "2", "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines()[0] == "actor,country,sector,events"
    r = CliRunner().invoke(app, ["stats", "weather", "--db", str(db)])
    assert r.exit_code == 2 and "weather" in r.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats_agree_with_store(coded, workdir, fmt):
    _, db, _ = coded
    out = workdir / f"export.{fmt}"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = {"jsonl": lambda p: len(p.read_text().splitlines()), "csv": lambda p: len(pd.read_csv(p)),
            "parquet": lambda p: pq.read_table(p).num_rows}[fmt](out)
    from tacitus.store import EventStore

    with EventStore(db, read_only=True) as s:
        assert rows == len(s.events()) > 0


def test_serve_app_answers(coded):
    from fastapi.testclient import TestClient

    from tacitus.api import create_app

    _, db, _ = coded
    client = TestClient(create_app(db), base_url="http://localhost")
    body = client.get("/api/events", params={"country": "IRQ"}).json()
    assert body["total"] >= 1 and all("IRQ" in (e["source"]["country"], (e["target"] or {}).get("country"),
                                                (e["location"] or {}).get("country")) for e in body["items"])
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_usage_errors_exit_2(workdir):
    runner = CliRunner()
    r = runner.invoke(app, ["code", str(workdir / "in"), "--format", "xml"])
    assert r.exit_code == 2 and "--format" in r.output
    r = runner.invoke(app, ["code", str(workdir / "in"), "--published", "5 Feb"])
    assert r.exit_code == 2 and "--published" in r.output
    r = runner.invoke(app, ["code", str(workdir / "in"), "--model", "no_such_model"])
    assert r.exit_code == 2 and "no_such_model" in r.output
    r = runner.invoke(app, ["export", "--db", str(workdir / "missing.duckdb"), "--format", "csv", "-o", "x.csv"])
    assert r.exit_code == 2 and "missing.duckdb" in r.output


def test_missing_input_is_reported_and_batch_goes_on(workdir):
    r = CliRunner().invoke(app, ["code", str(workdir / "nope.txt"), str(workdir / "in" / "kirkuk.txt"),
                                 "--published", "2024-03-06"])
    assert r.exit_code == 0
    assert "nope.txt" in r.output
    assert '"ASSAULT"' in r.output


def test_demo_runs(tmp_path):
    r = CliRunner().invoke(app, ["demo", "--db", str(tmp_path / "demo.duckdb")])
    assert r.exit_code == 0, r.output
    assert "Events by PLOVER type" in r.output and (tmp_path / "demo.duckdb").exists()


def test_eval_prints_scores_and_rejects_bad_options(tmp_path):
    from pathlib import Path

    gold = Path(__file__).parent / "data" / "evaluate"
    tsv = next(p for p in gold.iterdir() if p.suffix == ".tsv" and "class" in p.name)
    r = CliRunner().invoke(app, ["eval", str(tsv), "--split", "all", "--errors", "0"])
    assert r.exit_code == 0, r.output
    assert "macro" in r.output and "confusion" in r.output
    r = CliRunner().invoke(app, ["eval", str(tsv), "--split", "everything"])
    assert r.exit_code == 2 and "--split" in r.output
    r = CliRunner().invoke(app, ["eval", str(tmp_path / "nothing.tsv")])
    assert r.exit_code == 2 and "nothing.tsv" in r.output


def test_train_refuses_missing_files(tmp_path):
    r = CliRunner().invoke(app, ["train", "--utd", str(tmp_path / "no.tsv"), "--plover", str(tmp_path / "no.jsonl"),
                                 "-o", str(tmp_path / "m")])
    assert r.exit_code == 2
    assert "no.tsv" in r.output or "scikit-learn" in r.output


def test_no_model_flag_codes_with_patterns_only(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Iraqi troops attacked Kurdish fighters near Kirkuk.", encoding="utf-8")
    r = CliRunner().invoke(app, ["code", str(f), "--no-model", "--published", "2024-03-06"])
    assert r.exit_code == 0 and '"ASSAULT"' in r.output and "model:" not in r.output


def test_code_csv_has_the_export_columns(coded, workdir):
    _, db, _ = coded
    out = workdir / "coded.csv"
    r = CliRunner().invoke(app, ["code", str(workdir / "in" / "kirkuk.txt"), "--published", "2024-03-06",
                                 "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0
    exported = workdir / "export.csv"
    CliRunner().invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(exported)])
    assert list(pd.read_csv(out).columns) == list(pd.read_csv(exported).columns)


def test_progress_line_does_not_change_the_output(workdir):
    plain = CliRunner().invoke(app, ["code", str(workdir / "in" / "kirkuk.txt"), "--published", "2024-03-06",
                                     "--no-progress"])
    shown = CliRunner().invoke(app, ["code", str(workdir / "in" / "kirkuk.txt"), "--published", "2024-03-06",
                                     "--progress"])
    assert plain.exit_code == shown.exit_code == 0
    events = lambda r: [line for line in r.stdout.splitlines() if line.startswith("{")]  # noqa: E731
    assert events(plain) == events(shown) and len(events(plain)) > 0


def test_the_run_summary_and_report_warn_of_inputs_without_a_publication_date(tmp_path):
    (tmp_path / "a.txt").write_text("Kenyan police arrested ten protesters on Tuesday.\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["code", str(tmp_path / "a.txt"), "--no-model", "--report", str(report),
                                      "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "warning: 1 of 1 coded inputs carry no publication date; 1 of their 1 events are left undated" \
        in result.output
    summary = json.loads(report.read_text(encoding="utf-8"))
    assert (summary["totals"]["without_publication_date"], summary["totals"]["undated_events"]) == (1, 1)
    assert summary["inputs"][0]["published"] is False and summary["warnings"]
    dated = CliRunner().invoke(app, ["code", str(tmp_path / "a.txt"), "--no-model", "--published", "2023-03-15",
                                     "-o", str(tmp_path / "out2.jsonl")])
    assert "warning" not in dated.output
