"""Who did an act of force when a group claims it: short stories written by the team, with exact codes."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.records import Document
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def force(coder: Coder, text: str):
    events = coder.code([Document(doc_id="claim", text=text, published="2023-03-14")])[0]
    found = [e for e in events if e.plover_type == "ASSAULT" and e.modality == "asserted"]
    assert found, [(e.plover_type, e.evidence) for e in events]
    return found[0]


def test_a_group_claiming_an_attack_told_before_is_its_doer(coder):
    e = force(coder, "A suicide bomber killed 12 soldiers at a checkpoint in Mogadishu on Monday.\n\n"
                     "Al Shabaab claimed responsibility for the bombing.")
    assert (e.source.name, e.source.code, e.target.code, e.fatalities) == ("al-Shabaab", "SOM REB", "SOM MIL", 12)


def test_a_claim_in_the_sentence_of_the_act_names_its_doer(coder):
    e = force(coder, "Al Shabaab claimed responsibility for Monday's bombing in Mogadishu that killed 12 soldiers.")
    assert (e.source.name, e.source.code) == ("al-Shabaab", "SOM REB")


@pytest.mark.parametrize("claim", [
    "Neither Boko Haram nor ISWAP has claimed responsibility.",  # a claim made by nobody
    "Boko Haram has not claimed responsibility.",  # a claim not made
    "Analysts expect Boko Haram to claim responsibility.",  # ... only expected
    "If Boko Haram claims responsibility, the talks will end.",
    "Boko Haram, which often claims responsibility for such attacks, was silent.",
    "Boko Haram has claimed responsibility for previous attacks in the city.",  # a claim of other acts
    "Kano governor Abba Kabir Yusuf claimed responsibility for the slow response of the police.",  # of no attack
    "Kano governor Abba Kabir Yusuf accepted responsibility.",  # accepting blame is no claim of the act
])
def test_a_claim_nobody_makes_or_of_no_attack_names_no_doer(coder, claim):
    e = force(coder, f"Gunmen attacked a police station in Kano on Friday.\n\n{claim}")
    assert (e.source.name, e.source.code) == (None, "NGA UAF")


def test_a_claim_never_takes_an_act_from_a_state_s_forces(coder):
    events = coder.code([Document(doc_id="claim", published="2023-03-14",
                                  text="Troops killed five militants near Kismayo on Monday.\n\n"
                                       "Al Shabaab claimed responsibility.")])[0]
    assert [(e.source.code, e.source.name) for e in events if e.plover_type == "ASSAULT"] == [("SOM MIL", None)]


def test_a_claim_names_the_doer_of_the_attack_told_before_a_reply_to_it(coder):
    events = coder.code([Document(doc_id="claim", published="2023-03-14",
                                  text="Gunmen attacked a police station in Kano on Friday.\n\n"
                                       "Police killed three of the attackers.\n\n"
                                       "Boko Haram claimed responsibility for the attack.")])[0]
    assert [(e.source.code, e.source.name) for e in events if e.plover_type == "ASSAULT"] == [
        ("NGA REB", "Boko Haram"), ("NGA COP", None)]


def test_a_doer_the_text_names_keeps_its_name_whoever_claims_the_act(coder):
    e = force(coder, "Boko Haram fighters attacked a police station in Kano on Friday.\n\n"
                     "ISWAP claimed responsibility.")
    assert (e.source.text, e.source.code) == ("Boko Haram fighters", "NGA REB")
