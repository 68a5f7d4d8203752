"""A country word that says whose or for whom is not where, and not who acts: "U.S. and European forces", "a Hong
Kong consortium" name the forces' and the consortium's country, not the place of the act; "a pro-Palestinian
rally" is for Palestinians, not by them; a continent is no town. Acts told in the present for a day or week after
the article are announced, not done. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings

PUBLISHED = "2023-03-14"  # a Tuesday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def _one(coder: Coder, text: str):
    events = coder.code_text(text, published=PUBLISHED)
    assert len(events) == 1, [(e.plover_type, e.source.code) for e in events]
    return events[0]


def test_a_country_modifying_the_forces_is_their_country_not_the_place(coder):
    e = _one(coder, "Canadian and Dutch warplanes bombed Serbian radar sites on Sunday.")
    assert e.plover_type == "ASSAULT"
    assert e.source.code == "CAN MIL"
    assert e.location is None or e.location.country != "CAN"


def test_a_country_modifying_the_other_party_is_no_place_of_a_rejection(coder):
    e = _one(coder, "Kenya's cabinet turned down a bid for the national airline by a Qatar consortium on Monday.")
    assert e.plover_type == "REJECT" and e.source.code == "KEN GOV"
    assert e.location is None or e.location.country == "KEN"


def test_a_setting_noun_keeps_its_country_as_the_place(coder):
    e = _one(coder, "Protesters marched through the Kenya capital on Monday.")
    assert e.plover_type == "PROTEST"
    assert e.location is not None and e.location.country == "KEN"


@pytest.mark.parametrize("text", ["A pro-Kurdish rally was held in Cologne on Saturday.",
                                  "An anti-Russian demonstration was held in Cologne on Saturday."])
def test_a_stance_word_is_not_the_protesters_country(coder, text):
    e = _one(coder, text)
    assert e.plover_type == "PROTEST"
    assert e.source.country == "DEU"  # people in Cologne, not Kurds or Russians
    assert e.location is not None and e.location.text == "Cologne"


def test_the_country_word_without_a_stance_still_names_the_protesters(coder):
    e = _one(coder, "A Kurdish rally was held in Cologne on Saturday.")
    assert e.source.country != "DEU"


def test_a_continent_is_no_town():
    from tacitus.geo import Gazetteer

    g = Gazetteer()
    assert g.resolve("Asia") is None and g.resolve("Africa") is None
    assert g.resolve("Nairobi").country == "KEN"


@pytest.mark.parametrize("text,date", [("The foreign ministers of Chile and Peru meet in Lima next week.", "2023-03-20"),
                                       ("Chile and Peru hold border talks in Lima on March 17.", "2023-03-17")])
def test_a_meeting_told_in_the_present_for_a_later_day_is_announced(coder, text, date):
    e = _one(coder, text)
    assert (e.plover_type, e.cameo_code, e.modality) == ("AGREE", "036", "asserted")
    assert e.date == date


def test_a_meeting_told_in_the_past_keeps_its_day(coder):
    e = _one(coder, "Chile and Peru held border talks in Lima on March 10.")
    assert (e.plover_type, e.modality, e.date) == ("CONSULT", "asserted", "2023-03-10")


def test_harm_told_in_the_present_for_next_week_is_a_threat(coder):
    e = _one(coder, "Rebels launch an offensive on Goma next week, their commander says.")
    assert e.plover_type == "THREATEN" and e.modality == "asserted"
