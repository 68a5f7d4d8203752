"""Acts only possible are not acts told (team-written sentences): what a thing is designed or meant to do, what
somebody can do, and another side's possible harm that a speaker talks of, which is no threat by that side."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def all_told(coder: Coder, text: str):
    return [(e.plover_type, e.modality) for e in coder.code_text(text, published="2022-06-14")]


def told(coder: Coder, text: str):
    return [(e.plover_type, e.modality) for e in coder.code_text(text, published="2022-06-14")
            if e.modality in ("asserted", "future")]


@pytest.mark.parametrize("text", [
    "Israel's Arrow missiles are designed to shoot down Iranian missiles.",
    "Israel deployed Arrow missiles designed to shoot down Iranian missiles.",
    "Under the decree the Egyptian army can arrest protesters without a warrant.",
])
def test_what_a_thing_is_for_or_what_somebody_can_do_is_no_act(coder, text):
    assert [t for t in told(coder, text) if t[0] in ("ASSAULT", "COERCE")] == []


def test_another_side_s_possible_harm_is_no_threat_by_it_but_one_s_own_is(coder):
    assert told(coder, "Georgian officials said Russia could attack Georgia again.") == []
    assert told(coder, "Iranian officials said Iran could strike Israel.") == [("THREATEN", "asserted")]


def test_done_with_the_same_words_it_is_told(coder):
    # an intention of one's own is told as such, not as a purpose
    assert told(coder, "The Dutch prosecutor said she intended to investigate Belgian officials.") == [
        ("ACCUSE", "future")]
    assert ("ASSAULT", "asserted") in told(coder, "Israeli air defences shot down rockets fired from Gaza on Monday.")
    assert ("COERCE", "asserted") in told(coder, "The Egyptian army arrested protesters on Monday.")


def test_a_harm_only_a_proposal_holds_is_no_threat_by_anyone(coder):
    # the proposals expel nobody and threaten nobody; the government's plan is its threat
    assert told(coder, "The Kenyan parliament will hold hearings next month on proposals to expel foreign "
                       "journalists.") == []
    assert told(coder, "The Kenyan government plans to expel foreign journalists.") == [("THREATEN", "asserted")]
    assert told(coder, "The alliance will impose sanctions on Iran.") == [("THREATEN", "asserted")]


@pytest.mark.parametrize("text, modality", [
    # an act told by a noun is as real as the verb that says it happens
    ("An attack on the Kenyan base could happen at any time.", "hypothetical"),
    ("Residents said a shooting would never occur in their Ohio town.", "negated"),
    ("The attack on the Kenyan base happened on Monday.", "asserted"),
])
def test_an_act_a_noun_tells_takes_the_modality_of_its_happening(coder, text, modality):
    assert [e.modality for e in coder.code_text(text, published="2022-06-14") if e.plover_type == "ASSAULT"] == \
        [modality]


def test_what_one_asks_to_stop_is_not_told_as_happening(coder):
    text = "The Yemeni elders said their demand is that the militia stop the shelling of Taiz."
    assert [t for t in told(coder, text) if t[0] == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "Iran warned Israel against attacking its nuclear sites.",
    "Russia warned NATO against deploying troops in Poland.",
    "The UN warned against attacks on civilians in Darfur.",
])
def test_what_one_warns_against_has_not_happened(coder, text):
    assert [t for t in told(coder, text) if t[0] in ("ASSAULT", "MOBILIZE")] == []


def test_what_a_protest_is_against_took_place_whatever_becomes_of_the_protest(coder):
    text = "The Afridi elders agreed to end their demonstration over the killing of three Pakistani traders."
    assert [t for t in told(coder, text) if t[0] == "ASSAULT"] == [("ASSAULT", "asserted")]


def test_a_meeting_that_did_not_take_place_was_refused_by_nobody(coder):
    assert told(coder, "The meeting between the Kenyan and Ugandan presidents did not take place.") == []


@pytest.mark.parametrize("text, plover", [
    ("The opposition leader suggested the party boycott the budget session of the Kenyan parliament.", "PROTEST"),
    ("The Ugandan minister insisted that the army withdraw from the border town.", "RETREAT"),
    ("The Egyptian mediator insisted that Hamas release the hostages.", "RETREAT"),
])
def test_what_one_proposes_with_a_bare_verb_is_not_done(coder, text, plover):
    # the subjunctive clause says what should be done: the act is there, as hypothetical
    assert (plover, "hypothetical") in all_told(coder, text)


@pytest.mark.parametrize("text, plover", [
    ("The Ugandan minister insisted that the army withdrew from the border town on Monday.", "RETREAT"),
    # with a plural subject the bare form is a plain present: a report of what happens (told "every week", a habit:
    # test_more_acts)
    ("Human rights groups insist that Sudanese soldiers attack civilians in Darfur.", "ASSAULT"),
])
def test_a_report_a_verb_of_proposing_carries_is_told(coder, text, plover):
    assert (plover, "asserted") in told(coder, text)


def test_an_outlet_offering_jobs_or_a_price_promises_no_cooperation(coder):
    assert told(coder, "The Malaysian firm offered 500 vacancies and a higher price for the plant.") == []


def test_a_standing_state_told_as_current_is_no_act_but_an_ongoing_attack_is(coder):
    assert all_told(coder, "Japan currently deploys 2,000 troops in Djibouti.") == [
        ("MOBILIZE", "hypothetical")]
    assert told(coder, "Russian forces are currently attacking Bakhmut.") == [("ASSAULT", "asserted")]
    assert told(coder, "Five journalists are currently detained by the Taliban in Kabul.") == [("COERCE", "asserted")]
