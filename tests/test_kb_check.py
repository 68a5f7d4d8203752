"""`tacitus kb check`, historical states and office lookups by the event's date."""

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from tacitus.actors.kb_check import check_table
from tacitus.cli import app
from tacitus.events.knowledge import Knowledge

HEADER = "kb_id,name,aliases,country,sector,office,role,start,end,standing,verified\n"
GOOD = ("ana_lima,Ana Lima,Lima,BRA,GOV,head_of_state,president,2019-01-01,2022-12-31,,\n"
        "rui_sol,Rui Sol,,BRA,GOV,head_of_state,president,2022-12-31,,,no\n")


@pytest.fixture(scope="module")
def resolver():
    return Knowledge.default().resolver


def kinds(tmp_path, body: str) -> list[str]:
    table = tmp_path / "leaders.csv"
    table.write_text(HEADER + body, encoding="utf-8")
    return sorted(f.kind for f in check_table(table))


def test_the_shipped_table_passes_its_own_check():
    result = CliRunner().invoke(app, ["kb", "check"])
    assert result.exit_code == 0, result.output[-3000:]
    assert "leaders table passes" in result.output


def test_a_clean_table_passes_and_each_kind_of_bad_row_fails(tmp_path):
    assert kinds(tmp_path, GOOD) == []
    # the predecessor's term is not closed when the successor's starts
    assert kinds(tmp_path, GOOD.replace("2019-01-01,2022-12-31", "2019-01-01,")) == ["unclosed"]
    # two holders of one office at once ...
    assert kinds(tmp_path, GOOD.replace("2022-12-31,,,no", "2022-06-01,,,no")) == ["overlap"]
    # ... unless the rival is a contested claimant, or both sit in a collective presidency
    assert kinds(tmp_path, GOOD.replace("2022-12-31,,,no", "2022-06-01,,contested,no")) == []
    assert kinds(tmp_path, GOOD.replace(",,\n", ",collective,\n").replace("2022-12-31,,,no",
                                                                          "2022-06-01,,collective,no")) == []
    # an end without a start would hold the office for all time before it
    assert kinds(tmp_path, GOOD.replace("2019-01-01,2022-12-31", ",2022-12-31")) == ["end_without_start"]
    # one person under two ids
    assert kinds(tmp_path, GOOD + "ana_lima_bra,Ana Lima,,BRA,GOV,foreign_minister,foreign minister,"
                 "2015-01-01,2018-12-31,,\n") == ["two_ids"]
    # the leaders of two armed groups of one country hold two offices; two of one group, one
    groups = ("abu_one,Abu One,,PSE,REB,armed_group_leader,Hamas leader,2010-01-01,2015-01-01,,\n"
              "abu_two,Abu Two,,PSE,REB,armed_group_leader,PFLP leader,2012-01-01,,,\n")
    assert kinds(tmp_path, GOOD + groups) == []
    assert kinds(tmp_path, GOOD + groups.replace("PFLP leader", "Hamas leader")) == ["overlap"]
    # ... also when one id's name is an alias of the other's ("Ana M. Lima" beside Ana Lima, alias "Ana M. Lima")
    assert kinds(tmp_path, GOOD.replace(",Lima,", ",Lima|Ana M. Lima,", 1) + "ana_m_lima,Ana M. Lima,,BRA,GOV,"
                 "foreign_minister,foreign minister,2015-01-01,2018-12-31,,\n") == ["two_ids"]
    # a title no sentence can reach, a title offices.yaml does not know, an office outside the closed set
    assert kinds(tmp_path, GOOD.replace("head_of_state,president,2019", "head_of_state,presidency member,2019")) \
        == ["unreachable"]
    assert kinds(tmp_path, GOOD.replace("head_of_state,president,2019", "head_of_state,head of state,2019")) == []
    assert kinds(tmp_path, GOOD.replace("president,2019", "grand vizier,2019")) == ["unreachable"]
    assert kinds(tmp_path, GOOD.replace("head_of_state,president,2019", "ruler_for_life,president,2019")) \
        == ["office"]
    assert kinds(tmp_path, GOOD.replace(",,no", ",,maybe")) == ["office"]
    assert kinds(tmp_path, GOOD.replace(",,no", ",,month")) == []  # re-checked to the month
    assert kinds(tmp_path, GOOD.replace("BRA", "XYZ", 1)) == ["row"]


def test_the_check_names_the_rows_and_exits_one(tmp_path):
    table = tmp_path / "leaders.csv"
    table.write_text(HEADER + GOOD.replace("2019-01-01,2022-12-31", "2019-01-01,"), encoding="utf-8")
    result = CliRunner().invoke(app, ["kb", "check", "--table", str(table)])
    assert result.exit_code == 1
    assert "unclosed: leaders.csv:2, 3: BRA head_of_state: Ana Lima's term from 2019-01-01 has no end" in result.output


@pytest.mark.parametrize("day, phrase, want", [
    ("1991-03-10", "the Soviet foreign minister", ("Alexander Bessmertnykh", "SUN")),
    ("1991-03-10", "the Russian foreign minister", ("Andrei Kozyrev", "RUS")),  # the Russian republic's own
    ("1988-05-30", "the Soviet leader", ("Mikhail Gorbachev", "SUN")),
    ("1987-09-08", "the East German leader", ("Erich Honecker", "DDR")),
    ("1985-05-02", "the German foreign minister", ("Hans-Dietrich Genscher", "DEU")),  # West Germany is DEU
    ("1999-05-05", "the Yugoslav president", ("Slobodan Milošević", "YUG")),
    ("1999-05-05", "the Serbian president", ("Milan Milutinović", "SRB")),
    ("1990-06-01", "the Czechoslovak president", ("Václav Havel", "CSK")),
    ("2019-06-06", "the Iranian president", ("Hassan Rouhani", "IRN")),
])
def test_a_title_names_the_holder_of_its_state_on_the_day(resolver, day, phrase, want):
    actor = resolver.resolve_text(phrase, resolver.new_context(day))
    assert (actor.name, actor.country) == want


def test_a_name_a_state_shared_with_its_predecessor_follows_the_date(resolver):
    for day, code in (("1985-01-01", "SUN"), ("1991-12-25", "SUN"), ("1992-01-01", "RUS"), ("2015-03-03", "RUS")):
        assert resolver.resolve_text("the Kremlin", resolver.new_context(day)).country == code
        assert resolver.resolve_text("Moscow", resolver.new_context(day)).country == code
    assert resolver.resolve_text("Belgrade", resolver.new_context("1995-01-01")).country == "YUG"
    assert resolver.resolve_text("Belgrade", resolver.new_context("2004-01-01")).country == "SCG"
    assert resolver.resolve_text("Belgrade", resolver.new_context("2010-01-01")).country == "SRB"
    # a name only the former state had keeps it whatever the date: history told today
    assert resolver.resolve_text("the Soviet Union", resolver.new_context("2020-01-01")).country == "SUN"
    assert resolver.resolve_text("Soviet troops", resolver.new_context("2020-01-01")).country == "SUN"


def test_a_collective_presidency_names_no_single_president(resolver):
    actor = resolver.resolve_text("the Bosnian president", resolver.new_context("2015-06-01"))
    assert actor.country == "BIH" and actor.name is None


def test_named_actors_from_the_phoenix_dictionaries_resolve_by_default(resolver):
    # a minister no file of the team's own knows: named_actors.csv gives her country and sector on the day
    minister = resolver.resolve_text("Barbara Hogan", resolver.new_context("2009-08-01"))
    assert (minister.country, minister.sector, minister.kb_id) == ("ZAF", "GOV", "barbara_hogan")
    # the dictionaries' entries that only name a state's towns, or an office by its title, are not loaded
    assert resolver.resolve_text("Herat", resolver.new_context("2012-01-01")).kb_id is None
    secretary = resolver.resolve_text("the US defense secretary", resolver.new_context("2019-02-14"))
    assert (secretary.name, secretary.country) == ("Patrick Shanahan", "USA")


def test_a_state_formed_by_leaving_another_is_that_states_land_before_its_first_day(resolver):
    # the knowledge base alone: a name of the new state on a day before it existed
    # (Kosovo is its own from June 1999, under the UN, before its independence)
    for day, code in (("1998-07-01", "YUG"), ("1999-06-09", "YUG"), ("2004-07-01", "XKX"), ("2012-07-01", "XKX")):
        assert resolver.resolve_text("Kosovar", resolver.new_context(day)).country == code
    assert resolver.resolve_text("South Sudanese", resolver.new_context("2005-01-01")).country == "SDN"
    assert resolver.resolve_text("South Sudanese", resolver.new_context("2011-07-09")).country == "SSD"
    assert resolver.resolve_text("Eritrean", resolver.new_context("1988-01-01")).country == "ETH"
    assert resolver.kb.held_by("BGD", date(1971, 3, 25)) == "PAK"
    assert resolver.kb.held_by("BGD", date(1971, 3, 26)) == "BGD"


def test_an_act_in_a_formed_states_land_before_it_existed_is_between_that_states_parties():
    from tacitus.coding import Coder
    from tacitus.settings import Settings

    coder = Coder(Settings(learned=False))
    # the police of the place, too, are the state's that held it on the day of the act, even in a later story
    text = "In 1998, ethnic Albanian rebels of the Kosovo Liberation Army attacked a police station in Pristina."
    [attack] = [e for e in coder.code_text(text, published="2015-05-04") if e.plover_type == "ASSAULT"]
    assert (attack.source.country, attack.target.code, attack.date) == ("YUG", "YUG COP", "1998")
    [later] = [e for e in coder.code_text("Kosovo police raided a village near Pristina on Monday.",
                                          published="2015-05-06") if e.plover_type in ("ASSAULT", "COERCE")]
    assert later.source.code == "XKX COP"
    # an act dated by the year a state was formed in is not before it: the whole year would have to be
    [war] = [e for e in coder.code_text("Bangladeshi guerrillas ambushed Pakistani troops near Jessore in 1971.",
                                        published="2021-03-26") if e.plover_type == "ASSAULT"]
    assert (war.source.country, war.target.country, war.date) == ("BGD", "PAK", "1971")
