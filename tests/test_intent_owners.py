"""Who does what a decision, an offer or a refusal is to do: the one its possessive determiner stands for, not the
noun. Team-written sentences with exact codes."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def sources(coder, text: str, plover: str) -> list[tuple[str | None, str]]:
    return [(e.source.code, e.source.text) for e in coder.code_text(text, published="2022-05-10")
            if e.plover_type == plover]


def test_its_decision_is_the_state_above_it(coder):
    assert sources(coder, "Ghana announced its decision to expel the Nigerian ambassador.", "THREATEN") == [
        ("GHA GOV", "Ghana")]
    assert sources(coder, "Serbia repeated its refusal to recognise Kosovo.", "REJECT") == [("SRB GOV", "Serbia")]


def test_his_offer_is_the_person_the_sentence_names_before_it(coder):
    text = ("The talks followed Egyptian President Abdel Fattah al-Sisi's trip to Khartoum and were seen as a "
            "reply to his offer to mediate between Sudan and Ethiopia.")
    assert sources(coder, text, "AGREE") == [("EGY GOV", "his")]


def test_his_refusal_with_nobody_above_is_the_person_of_the_sentence_before(coder):
    text = ("Serbian President Aleksandar Vucic met the EU envoy in Belgrade on Monday. The next day he repeated his "
            "refusal to recognise Kosovo.")
    assert [(e.source.code, e.target.code) for e in coder.code_text(text, published="2022-05-10")
            if e.plover_type == "REJECT"] == [("SRB GOV", "XKX GOV")]


def test_a_decision_nobody_owns_by_name_is_taken_by_who_announces_it_not_by_who_condemns_it(coder):
    assert sources(coder, "Ghana announced the decision to expel the Nigerian ambassador.", "THREATEN") == [
        ("GHA GOV", "Ghana")]
    condemned = [e for e in coder.code_text("Nigeria condemned the decision to expel the Nigerian ambassador.",
                                            published="2022-05-10") if e.plover_mode == "expel"]
    assert [(e.source.country, e.source.text) for e in condemned] == [(None, "")]


def test_the_thing_an_act_hangs_on_is_not_its_doer(coder):
    events = [e for e in coder.code_text("Investigators uncovered a plan to kill the Ukrainian deputy.",
                                         published="2022-05-10") if e.plover_type == "THREATEN"]
    assert [(e.source.sector, e.source.text) for e in events] == [("UAF", "")]


def test_a_decision_an_act_is_done_to_belongs_to_somebody_else(coder):
    # the praise and the condemnation stay; the decision is not given to who condemns or praises it
    text = "Ghana condemned Togo over its decision to expel Ghanaian traders."
    events = coder.code_text(text, published="2022-05-10")
    assert [(e.plover_type, e.source.code) for e in events if e.plover_type == "ACCUSE"] == [("ACCUSE", "GHA GOV")]
    assert [e.source.country for e in events if e.plover_mode == "expel"] != ["GHA"]
    assert sources(coder, "Police confirmed the plan to attack the Kenyan embassy.", "THREATEN") != [
        ("KEN COP", "Police")]

