"""Who a story's people are when it names them again, and where a story that names no country is set: short
stories written by the team, with exact codes."""

from __future__ import annotations

import pytest

from tacitus.events.outlets import Outlets
from tacitus.pipeline import Coder
from tacitus.records import Document
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def events_of(coder: Coder, text: str, **fields):
    doc = Document(doc_id="story", text=text, published="2023-05-02", **fields)
    return [e for e in coder.code([doc])[0] if e.modality == "asserted"]


def by_type(events, plover: str):
    found = [e for e in events if e.plover_type == plover]
    assert found, [(e.plover_type, e.evidence) for e in events]
    return found[0]


def test_a_family_name_written_first_is_the_name_used_alone_later(coder):
    text = ("North Korean leader Kim Jong Un met Chinese President Xi Jinping on Tuesday.\n\n"
            "Kim later accused South Korea of provoking the crisis.")
    e = by_type(events_of(coder, text), "ACCUSE")
    assert (e.source.name, e.source.code, e.target.code) == ("Kim Jong Un", "PRK GOV", "KOR GOV")
    # a person no file knows: her nationality, read where she is first named, goes with the family name
    text = ("Taiwanese envoy Lin Wen-hsiung arrived in Asuncion on Monday for talks on trade.\n\n"
            "Lin praised the Paraguayan government for its support.")
    e = by_type(events_of(coder, text), "SUPPORT")
    assert (e.source.name, e.source.country) == ("Lin Wen-hsiung", "TWN")


def test_a_family_name_written_last_is_still_the_name_used_alone(coder):
    # "Lee" and "Tan" are both family names written first in Singapore: the last word of the name still finds him
    text = ("Police Commissioner Lee Tan of Singapore met Malaysian officials in Kuala Lumpur on Monday.\n\n"
            "Tan later criticised the Malaysian government over the border checks.")
    e = by_type(events_of(coder, text), "ACCUSE")
    assert e.source.country == "SGP" and e.source.name == "Lee Tan"


STORY = ("The city council voted on Monday to close the public library on Main Street.\n\n"
         "Police arrested two protesters outside the council chamber after the vote.")


@pytest.mark.parametrize("fields, country", [
    ({"publisher": "Los Angeles Times"}, "USA"),
    ({"publisher": "The New York Times"}, "USA"),
    ({"url": "https://www.dawn.com/news/1"}, "PAK"),
    ({"url": "https://guardian.ng/news/1", "publisher": "The Guardian"}, "NGA"),  # the country's domain tells
    ({"publisher": "CNA"}, None),  # a name outlets of two countries go by
    ({"publisher": "Reuters"}, None),  # a wire reports the whole world
    ({"url": "https://www.example.tv/news/1"}, None),  # an ending sold to anyone
    ({}, None),
])
def test_a_story_that_names_no_country_is_set_where_its_outlet_publishes(coder, fields, country):
    e = by_type(events_of(coder, STORY, **fields), "COERCE")
    assert (e.source.sector, e.source.country) == ("COP", country)
    assert country is None or e.source.country_basis == "setting"


def test_a_story_that_names_a_body_known_abroad_is_not_set_at_its_outlet(coder):
    text = "Hamas fighters fired rockets at the border on Monday.\n\nPolice arrested two suspects after the attack."
    e = by_type(events_of(coder, text, url="https://www.dawn.com/news/1"), "COERCE")
    assert e.source.sector == "COP" and e.source.country is None


def test_a_story_that_names_its_place_is_set_there_whatever_its_outlet(coder):
    text = STORY.replace("the council chamber", "the council chamber in Nairobi")
    e = by_type(events_of(coder, text, publisher="Los Angeles Times"), "COERCE")
    assert e.source.code == "KEN COP"


def test_outlets_are_known_by_name_or_domain():
    outlets = Outlets.load()
    assert outlets.home("latimes") == outlets.home("Los Angeles Times") == "USA"
    assert outlets.home(None, "https://www.bbc.co.uk/news/uk-1") == "GBR"
    assert outlets.home(None, "thenews.com.pk/print/1") == "PAK"
    assert outlets.home("Xinhua", "http://www.xinhuanet.com/english") is None
    assert outlets.home("a blog nobody knows") is None


def test_a_country_s_name_that_is_also_a_state_is_the_state_in_a_story_of_that_state_s_country(coder):
    text = ("Donald Trump spoke at a rally in Georgia on Saturday for the senators David Perdue and Kelly "
            "Loeffler.\n\nAt the event in Valdosta, the president alleged fraud in Joe Biden's victory.")
    events = events_of(coder, text, title="Senators court voters before Georgia runoffs")
    assert events and all(e.location is not None and (e.location.admin1, e.location.country) == ("Georgia", "USA")
                          for e in events), [(e.plover_type, e.location) for e in events]
    # a state's body or vote after the name makes it the state's, though the story names nothing else American
    text = ("Voters lined up in Georgia on Tuesday for the Senate runoff.\n\n"
            "Police arrested two men outside a polling station in the afternoon.")
    e = by_type(events_of(coder, text, title="Georgia Senate runoff draws long queues"), "COERCE")
    assert (e.source.code, e.location.country) == ("USA COP", "USA")
    # the country, where the story names the country by its bodies, or names Russia more than the United States
    text = ("Georgia's parliament passed a foreign agents bill on Tuesday despite weeks of protests.\n\nPolice "
            "detained 20 protesters outside the building.\n\nOpposition parties in Georgia said the law copied one "
            "used to silence critics.\n\nThe president of Georgia vowed to veto it.\n\nThe United States said the "
            "law would damage Georgia's path to the European Union, and Washington would review its ties.")
    e = by_type(events_of(coder, text), "COERCE")
    assert (e.source.code, e.location.country) == ("GEO COP", "GEO")
    text = ("Russian troops attacked villages in Georgia on Saturday.\n\nRussia said its forces answered Georgian "
            "shelling.\n\nThe United States condemned the attack.")
    e = by_type(events_of(coder, text), "ASSAULT")
    assert (e.target.country, e.location.country) == ("GEO", "GEO")


def test_a_surname_the_story_gave_a_person_is_that_person_not_a_town_of_that_name(coder):
    # "Tomar" is also a town in Portugal
    events = events_of(coder, "LUCKNOW: Farmers marched to the assembly, said union leader Vijay Pal Tomar. "
                              "Police detained Tomar and 25 others near the highway.")
    detained = by_type(events, "COERCE")
    assert (detained.source.code, detained.target.country, detained.location.country) == ("IND COP", "IND", "IND")


def test_a_generic_title_gives_way_to_the_group_word_before_it(coder):
    events = events_of(coder, "Student leader Peter Kamau accused the Kenyan government of betrayal.")
    accused = by_type(events, "ACCUSE")
    assert (accused.source.code, accused.target.code) == ("KEN EDU", "KEN GOV")


def test_a_town_the_tagger_takes_for_a_person_in_its_own_sentence_stays_the_place(coder):
    events = events_of(coder, "The Ethiopian army deployed more troops to Bahir Dar on Monday.")
    deployed = by_type(events, "MOBILIZE")
    assert (deployed.source.code, deployed.location.name) == ("ETH MIL", "Bahir Dar")
