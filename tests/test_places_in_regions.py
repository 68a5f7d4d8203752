"""Places told with their region when the town is unknown or sits in a phrase of the people struck ("near Kandep in
Enga province", "mourners travelling to a burial near X"), wide regions that are no one country's ("the group's Sahel
branch"), and a recipient the parser hung on a noun of the verb's own phrases. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def first(coder, text: str, plover: str):
    events = [e for e in coder.code_text(text, published="2025-03-19") if e.plover_type == plover]
    assert events, f"no {plover} event in {text!r}"
    return events[0]


def test_a_village_the_gazetteer_lacks_is_placed_in_the_region_told_with_it(coder):
    # (the tagger takes the village for a person)
    e = first(coder, "Soldiers burned houses in Vahan Tsar in Syunik province.", "ASSAULT")
    assert (e.location.name, e.location.country, e.location.precision) == ("Syunik", "ARM", "admin1")


def test_the_place_of_those_struck_stands_when_the_act_names_none(coder):
    text = "Gunmen ambushed a group of mourners travelling to a burial near Kandep in Enga province, killing five."
    e = first(coder, text, "ASSAULT")
    assert (e.location.name, e.location.basis) == ("Enga", "clause")
    # where those struck were going is no place of the act, nor where they once were
    e = first(coder, "Police in Herat arrested a man travelling to Kabul.", "COERCE")
    assert e.location is None or e.location.name != "Kabul"
    e = first(coder, "Gunmen killed a Kenyan businessman who had studied in London.", "ASSAULT")
    assert (e.location.country, e.source.country) == ("KEN", None)


def test_a_person_aimed_at_in_a_region_stays_a_person(coder):
    e = first(coder, "Police fired at Odinga in Kisumu county.", "ASSAULT")
    assert (e.target.name, e.location.name) == ("Odinga", "Kisumu")


def test_a_known_town_in_its_region_stays_the_town(coder):
    text = "Insurgents raided a market on the edge of Bama in Borno state on Friday."
    assert first(coder, text, "ASSAULT").location.name == "Bama"


def test_a_region_across_countries_is_no_region_of_one(coder):
    text = ("Militants from the group's Sahel branch attacked a military convoy near the hamlet of Ikarfane in the "
            "Tillaberi region on Sunday.")
    e = first(coder, text, "ASSAULT")
    assert (e.location.name, e.location.country) == ("Tillaberi", "NER")
    assert e.target.code == "NER MIL"


def test_armenian_provinces_are_known_by_their_english_names(coder):
    e = first(coder, "Azerbaijani troops shelled a village in Syunik province on Tuesday.", "ASSAULT")
    assert (e.location.name, e.location.country, e.location.precision) == ("Syunik", "ARM", "admin1")


def test_ground_handed_over_goes_to_the_state_the_parser_hung_low(coder):
    text = ("Armenia on Friday handed over three hilltop posts near the village of Shurnukh in Syunik province to "
            "Azerbaijan after a demarcation accord.")
    e = first(coder, text, "RETREAT")
    assert (e.source.code, e.target.code, e.location.name) == ("ARM GOV", "AZE GOV", "Syunik")
    # a "to" inside a clause of its own is that clause's
    text = "Police handed over the body of a man shot near the road to Kabul."
    events = coder.code_text(text, published="2025-03-19")
    assert not [e for e in events if e.target is not None and e.target.text == "Kabul"]
