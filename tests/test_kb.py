"""`tacitus kb extend`: the leaders table grows from a CSV, checked row by row."""

from __future__ import annotations

import csv

from typer.testing import CliRunner

from tacitus.actors.leaders_table import builtin_path, read_rows
from tacitus.cli import app

HEADER = "kb_id,name,aliases,country,sector,role,start,end\n"


def rows_of(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_shipped_table_is_clean_and_covers_the_world():
    rows, problems = read_rows(builtin_path())
    assert problems == []
    countries = {r["country"] for r in rows}
    assert len(countries) >= 150  # heads of state and government of the UN members, and more
    roles = {r["role"] for r in rows}
    assert {"president", "prime minister", "foreign minister", "defence minister"} <= roles


def test_extend_adds_updates_and_refuses(tmp_path):
    table = tmp_path / "leaders.csv"
    table.write_text(HEADER + "ana_lima,Ana Lima,Lima,BRA,GOV,foreign minister,2019-01-01,\n", encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(HEADER
                   + "ana_lima,Ana Lima,,BRA,GOV,foreign minister,2019-01-01,2022-12-31\n"  # her term ended
                   + "ana_lima,Ana Lima,,BRA,GOV,president,2023-01-01,\n"  # a second office
                   + "jon_berg,Jon Berg,Berg,NOR,,defence minister,2020-05-01,\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "extend", str(new), "--table", str(table)])
    assert result.exit_code == 0, result.output
    assert "2 added, 1 updated, 0 unchanged" in result.output
    rows = rows_of(table)
    lima = [r for r in rows if r["kb_id"] == "ana_lima"]
    assert [(r["role"], r["end"]) for r in lima] == [("foreign minister", "2022-12-31"), ("president", "")]
    assert lima[0]["aliases"] == "Lima" and lima[1]["aliases"] == ""
    assert next(r for r in rows if r["kb_id"] == "jon_berg")["sector"] == "GOV"


def test_extend_writes_nothing_when_a_row_is_wrong(tmp_path):
    table = tmp_path / "leaders.csv"
    before = HEADER + "ana_lima,Ana Lima,Lima,BRA,GOV,foreign minister,2019-01-01,\n"
    table.write_text(before, encoding="utf-8")
    new = tmp_path / "new.csv"
    new.write_text(HEADER
                   + "jon_berg,Jon Berg,,NRW,GOV,defence minister,2020-05-01,\n"  # no such country
                   + "ana_lima,Ana Lima,,BRA,GOV,foreign minister,2020-01-01,\n", encoding="utf-8")  # overlaps
    result = CliRunner().invoke(app, ["kb", "extend", str(new), "--table", str(table)])
    assert result.exit_code == 1
    assert "new.csv:2: unknown country code 'NRW'" in result.output
    assert table.read_text(encoding="utf-8") == before
    new.write_text(HEADER + "ana_lima,Ana Lima,,BRA,GOV,foreign minister,2020-01-01,\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "extend", str(new), "--table", str(table)])
    assert result.exit_code == 1 and "overlaps the term from 2019-01-01" in result.output
    assert table.read_text(encoding="utf-8") == before
