"""Praise and blame passed in reported speech without a verb of praise or blame (issue 15, family 10): a judgement
of an actor, of an actor's thing or deed, of an act nobody is named for, or of a public process the story's state
runs. Team-written sentences with exact codes."""

from __future__ import annotations

import pytest

from coded_dyads import coded
from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


# ---- 10: praise and blame in reported speech without a performative verb ----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("The UN envoy said Liberia's election was peaceful and transparent.", ("SUPPORT", "051", "UNO GOV", "LBR GOV")),
    # an allegation called baseless is denied: a rejection of who made it (the gold's rule for denials)
    ("Beijing said Washington's claims were baseless.", ("REJECT", "016", "CHN GOV", "USA GOV")),
    # a deed judged by its adjective is its doer's
    ("Kenyan opposition leaders said the president had done a great job.", ("SUPPORT", "051", "KEN OPP", "KEN GOV")),
    ("The Ghanaian opposition said the government made a grave mistake.", ("ACCUSE", "111", "GHA OPP", "GHA GOV")),
])
def test_judgements_in_reported_speech(coder, text, expected):
    assert expected in coded(coder, text)


def test_a_public_process_judged_with_nobody_named_as_its_owner_is_the_state_s_that_runs_it(coder):
    # the vote of a story set in Liberia is Liberia's; a trial is its courts'
    assert coded(coder, "MONROVIA, Nov 9 (Reuters) - The UN envoy said the vote was peaceful and transparent.") == [
        ("SUPPORT", "051", "UNO GOV", "LBR GOV")]
    assert coded(coder, "CAIRO - Amnesty International said the trial was a farce.") == [
        ("ACCUSE", "111", "NGO", "EGY JUD")]
    # a judgement in a passive ("was rigged"), of who did it when the text says
    assert coded(coder, "NAIROBI - The Kenyan opposition said the election was rigged.") == [
        ("ACCUSE", "111", "KEN OPP", "KEN GOV")]
    assert coded(coder, "NAIROBI - The Kenyan opposition said the count was rigged by the Ugandan army.") == [
        ("ACCUSE", "111", "KEN OPP", "UGA MIL")]
    # the state the phrase names runs it, wherever the story is told from; a trial of somebody is his state's courts'
    assert coded(coder, "NAIROBI - The Kenyan opposition said the election in Uganda was rigged.") == [
        ("ACCUSE", "111", "KEN OPP", "UGA GOV")]
    assert coded(coder, "Amnesty International said the trial of Alexei Navalny was a farce.") == [
        ("ACCUSE", "111", "NGO", "RUS JUD")]
    # a story set nowhere, or only weakly (one person named once), names no state that ran it; a foreign party's
    # "vote" may be its own; a trial or a poll no state runs, and a meeting, are no public process
    assert coded(coder, "The UN envoy said the vote was peaceful and transparent.") == []
    assert coded(coder, "Nancy Pelosi said the referendum was a sham.") == []
    assert coded(coder, "NAIROBI - The Ugandan opposition said the election was rigged.") == []
    assert coded(coder, "NAIROBI - Pfizer said the vaccine trial was successful.") == []
    assert coded(coder, "NAIROBI - The Kenyan opposition said the opinion poll was biased.") == []
    assert coded(coder, "NAIROBI - The Kenyan minister said the meeting was excellent.") == []


def test_a_judgement_needs_someone_judged(coder):
    assert coded(coder, "The Kenyan minister said the weather was excellent.") == []
    assert coded(coder, "The Kenyan minister said the committee made a decision on Monday.") == []
    # a deed denied is no blame
    assert coded(coder, "The Ghanaian opposition said the government did not make a mistake.") == []
    assert coded(coder, "The Ghanaian opposition said the president made no mistake.") == []


def test_an_act_judged_whose_doer_nobody_names_is_blamed_with_no_target(coder):
    # as "condemned the bombing" is an accusation with no target, so is naming it a cowardly act
    assert coded(coder, "The Nigerian president called the bombing a cowardly act.") == [
        ("ACCUSE", "111", "NGA GOV", None)]
    assert coded(coder, "The Nigerian president called the shooting at the market a cowardly act.") == [
        ("ACCUSE", "111", "NGA GOV", None)]


def test_blame_of_an_act_told_before_or_in_several_words_is_blame(coder):
    # "dangerous and unacceptable": the verdict may be any of the joined words; "it" is the act just told
    assert coded(coder, "The Scottish police said the attack was incredibly dangerous and unacceptable.") == [
        ("ACCUSE", "111", "GBR COP", None)]
    assert coded(coder, "The Mexican president said it was upsetting and disappointing.") == [
        ("ACCUSE", "111", "MEX GOV", None)]
    assert coded(coder, "The Mexican president said it was a fine day.") == []


@pytest.mark.parametrize("text, expected", [
    ("The Kenyan opposition said the government's budget was crazy.", [("ACCUSE", "111", "KEN OPP", "KEN GOV")]),
    ("The Kenyan minister said Uganda's decision was a blatant provocation.", [("ACCUSE", "111", "KEN GOV", "UGA GOV")]),
    ("The Kenyan minister said Uganda's decision was the right one.", [("SUPPORT", "051", "KEN GOV", "UGA GOV")]),
    ("The Kenyan minister said the weather in Nairobi was good.", []),
])
def test_everyday_words_of_blame_and_praise_judge_an_actors_act(coder, text, expected):
    assert coded(coder, text) == expected


def test_praise_of_a_thing_nobody_did_and_a_verdict_on_a_non_violent_thing_are_no_event(coder):
    assert coded(coder, "The Kenyan minister said the meeting was excellent.") == []
    assert coded(coder, "The Kenyan minister called the decision a disgrace.") == []


def test_concern_for_people_is_sympathy_and_concern_over_an_act_is_criticism(coder):
    assert coded(coder, "The Nigerian president expressed sympathy and concern for the bereaved families.") == []
    # the killings are an act, not a party: criticism of whoever did them, nobody named
    assert coded(coder, "The African Union expressed concern over the killings.") == [("ACCUSE", "110", "IGO", None)]


def test_an_act_called_a_crime_blames_its_doer_never_whom_it_was_done_to(coder):
    # a grave wrong named as a noun is a verdict as an adjective is ("was a massacre", "were a war crime")
    assert ("ACCUSE", "111", "ETH GOV", "ERI MIL") in coded(
        coder, "Ethiopia said the Eritrean army's raid on the border town was a massacre.")
    # the people an act was done to are not the ones blamed: the doer is nobody named here
    assert ("ACCUSE", "111", "NGO", None) in coded(
        coder, "Amnesty International said the killing of the Kenyan reporter was murder.")
    assert ("ACCUSE", "111", "NGO", "KEN JRN") not in coded(
        coder, "Amnesty International said the killing of the Kenyan reporter was disgraceful.")
