"""Weapons that hit, and acts that answer. A shell that lands in a town or a bomb that tears through a convoy is
an attack by whoever fired it, of the state it was fired from when the text says so; the dead of a clause of
"when" are that attack's; an act one "responds" or "retaliates" with is aimed at whoever last used force on the
answering state. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.evaluate.realnews import merged
from tacitus.settings import Settings

PUBLISHED = "2023-03-14"  # a Tuesday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def _dyads(coder: Coder, text: str) -> list[tuple]:
    return [(e.plover_type, e.source.code, e.target.country if e.target else None)
            for e in coder.code_text(text, published=PUBLISHED) if e.modality == "asserted"]


@pytest.mark.parametrize("text, source, target", [
    ("Mortar shells landed in a schoolyard in Aleppo on Monday.", "SYR UAF", "SYR"),
    ("A roadside bomb tore through a military convoy in Helmand on Monday.", "AFG UAF", "AFG"),
    ("A rocket fired by Hamas militants hit a house in Sderot on Monday.", "PSE REB", "ISR"),
    ("An Israeli missile hit a car in Gaza City on Monday.", "ISR MIL", "PSE"),
])
def test_a_weapon_that_hits_something_is_an_attack(coder, text, source, target):
    assert _dyads(coder, text) == [("ASSAULT", source, target)]


@pytest.mark.parametrize("text", [
    "The storm hit the coast of Florida on Monday.",
    "Oil prices fell sharply in March.",
    "The president's plane landed in Kabul on Monday.",
    "Opposition leaders slammed the budget on Monday.",  # criticism, not force
])
def test_what_is_no_weapon_hits_nobody(coder, text):
    assert not [d for d in _dyads(coder, text) if d[0] == "ASSAULT"]


def test_a_weapon_fired_from_a_state_is_fired_by_somebody_of_it(coder):
    assert _dyads(coder, "Three rockets launched from Lebanon hit a farm near Kiryat Shmona on Friday.") == [
        ("ASSAULT", "LBN UAF", "ISR")]


def test_a_weapon_fired_is_no_fire_that_broke_out(coder):
    # "fire" as a blaze makes a death an accident; "fired" from a launcher does not
    assert _dyads(coder, "Three rockets launched from Lebanon hit a farm near Kiryat Shmona on Friday.")
    assert not _dyads(coder, "Three people were killed when a fire broke out in a market in Lagos on Monday.")


def test_the_dead_of_a_when_clause_are_its_attacks(coder):
    text = ("CAIRO: Two farmers were killed on Monday evening and nine people wounded when a rocket slammed "
            "into a market in the Sinai town of Sheikh Zuweid, medics said.")
    events = [c.mentions for c in merged(coder.code_text(text, published=PUBLISHED))]
    assert len(events) == 1, [[(m.predicate, m.location) for m in e] for e in events]
    mentions = events[0]
    assert {m.target.code for m in mentions} == {"EGY AGR"}  # the people killed, not the town hit
    assert {m.location.country for m in mentions} == {"EGY"} and all(m.location.basis != "dateline" for m in mentions)
    assert any(m.fatalities == 2 for m in mentions)


@pytest.mark.parametrize("text, answer", [
    ("Three rockets launched from Lebanon hit a farm near Kiryat Shmona on Friday. Israel responded with artillery "
     "fire.",
     ("ASSAULT", "ISR", "LBN")),
    ("Hamas militants fired dozens of rockets at Israel on Monday. Israel responded with air strikes.",
     ("ASSAULT", "ISR", "PSE")),
    ("North Korean troops fired shells at South Korean positions on Monday. South Korea retaliated with artillery "
     "fire.", ("ASSAULT", "KOR", "PRK")),
])
def test_an_answer_is_aimed_at_who_used_force_on_the_answerer(coder, text, answer):
    events = [e for e in coder.code_text(text, published=PUBLISHED) if e.sentence_index == 1]
    assert [(e.plover_type, e.source.country, e.target.country if e.target else None) for e in events] == [answer]


def test_an_answer_with_nobody_acting_on_the_answerer_before_stays_unaimed(coder):
    # the earlier act was on a third state: the answer is not aimed at its doer
    events = coder.code_text("Russian forces shelled Kharkiv on Monday. Israel responded with artillery fire.",
                             published=PUBLISHED)
    answer = [e for e in events if e.sentence_index == 1]
    assert answer and all(e.target is None or e.target.country != "RUS" for e in answer)


def test_hitting_back_with_force_answers_and_hitting_back_at_critics_is_words(coder):
    events = coder.code_text("Russian forces shelled Kharkiv on Monday. Ukraine hit back with drone strikes.",
                             published=PUBLISHED)
    assert [(e.plover_type, e.plover_mode, e.source.country, e.target.code if e.target else None)
            for e in events if e.sentence_index == 1] == [("ASSAULT", "drone", "UKR", "RUS MIL")]
    assert [d[0] for d in _dyads(coder, "The minister hit back at critics of the plan on Monday.")] == ["ACCUSE"]
    assert [d[0] for d in _dyads(coder, "Trump hit out at the media on Monday.")] == ["ACCUSE"]


def test_force_promised_as_an_answer_is_a_threat(coder):
    events = coder.code_text("Pyongyang warned on Tuesday that it would respond with overwhelming force to any "
                             "provocation by Seoul.", published=PUBLISHED)
    assert [(e.plover_type, e.source.country) for e in events if e.modality == "asserted"] == [("THREATEN", "PRK")]
    assert [(e.plover_type, e.modality) for e in coder.code_text(
        "Security forces killed three militants in Kashmir on Monday.", published=PUBLISHED)] == [
        ("ASSAULT", "asserted")]  # a body of troops is no force used


def test_a_verb_that_needs_a_doer_word_is_parsed_only_beside_one(coder):
    # "landed" and "tore" are events only for a weapon: a sentence with none is not parsed
    keeps = coder.prefilter.keeps
    assert {"landed", "tore"} <= coder.prefilter.forms  # known predicate forms, yet not enough alone
    assert keeps("Mortar shells landed in a schoolyard in Aleppo on Monday.")
    assert not keeps("The delegation landed in Brussels on Monday afternoon.")
    assert keeps("A roadside bomb tore through a convoy in Helmand.")
    assert not keeps("Floodwater tore through the coastal town overnight.")
    assert keeps("The ministry has asked the court for more time.")  # "ask" needs no such word


@pytest.mark.parametrize("text", [
    "A delivery truck struck a cyclist on the ring road in Leeds on Monday.",
    "The tour bus skidded on ice and overturned near Graz, killing four passengers.",
    "Two hikers were injured when a tractor hit their car on a farm track on Monday.",
    "The van drove into a group of cyclists after its driver suffered a heart attack, police said.",
])
def test_a_vehicle_that_kills_or_hits_someone_is_an_accident(coder, text):
    assert not [d for d in _dyads(coder, text) if d[0] == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "A man drove a van into a crowd of shoppers in Nice on Monday, killing eight.",
    "A car was driven at a group of pedestrians outside a mosque in Leeds on Monday.",
    "A man rammed his truck into protesters at a checkpoint near Kharkiv on Monday.",
    # a force's vehicle, or one rigged to explode, is no accident
    "A police van struck a student outside the university in Dhaka on Monday.",
    "A lorry laden with explosives killed nine soldiers at a base near Gao on Monday.",
])
def test_a_vehicle_driven_at_people_is_an_attack(coder, text):
    assert "ASSAULT" in [d[0] for d in _dyads(coder, text)]
