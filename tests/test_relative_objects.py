"""What a relative clause's verb is done to when its object is the noun the clause hangs on ("the students they had
arrested", "the reporters whom soldiers beat"), and where it is not ("the town where troops fought"). Team-written
sentences with exact codes."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def dyads(coder, text: str, plover: str) -> list[tuple[str | None, str | None, str]]:
    return [(e.source.code, e.target.code if e.target else None, e.target.text if e.target else "")
            for e in coder.code_text(text, published="2022-05-10") if e.plover_type == plover]


def test_the_noun_a_clause_with_no_object_hangs_on_is_what_it_acts_on(coder):
    text = "Kenyan police on Friday freed the students they had arrested in Mombasa during the protest."
    assert dyads(coder, text, "COERCE") == [("KEN COP", "KEN EDU", "the students")]


def test_a_relative_pronoun_object_stands_for_its_noun_not_the_place(coder):
    text = "The two reporters whom Ugandan soldiers detained in Gulu were freed on Sunday."
    assert dyads(coder, text, "COERCE") == [("UGA MIL", "UGA JRN", "The two reporters")]


def test_a_clause_with_its_own_object_or_a_subject_pronoun_keeps_its_reading(coder):
    text = "Ugandan soldiers freed the reporters who had criticised the army in Gulu."
    assert dyads(coder, text, "ACCUSE") == [("UGA JRN", "UGA MIL", "the army")]
    text = "The rebels who kidnapped three engineers in Niger Delta released them on Monday."
    assert [t for _, _, t in dyads(coder, text, "ASSAULT")] == ["three engineers"]


def test_a_clause_of_place_time_or_reason_has_no_such_object(coder):
    assert dyads(coder, "Residents fled the village where soldiers attacked on Monday.", "ASSAULT") == [
        ("MIL", None, "")]
    # a preposition with the relative pronoun: the hill is where they fired from, not what they fired at
    assert [t for _, _, t in dyads(coder, "Ukrainian troops recaptured the hill from which Russian forces had shelled.",
                                   "ASSAULT") if t] == []
    assert [t for _, _, t in dyads(coder, "The night Sudanese soldiers attacked, the villagers fled.", "ASSAULT")] == [
        ""]
    assert dyads(coder, "The last time the presidents of Chad and Niger met, they signed a trade deal.",
                 "CONSULT") == [("TCD GOV", "NER GOV", "the presidents of Niger")]
