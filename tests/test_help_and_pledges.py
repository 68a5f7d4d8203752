"""Whom help goes to when the parser reads the one helped as the subject of the bare verb after "help" ("helped
Syrian troops retake Aleppo"), a pledge made to help somebody, which is a promise to them, not help given yet, and
a perfect tense the parser splits ("have registered cases"). Team-written sentences with exact codes."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def coded(coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.plover_type, e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, published="2024-05-10")]


def test_the_one_helped_to_do_something_is_the_recipient_of_aid(coder):
    assert ("AID", "IRN GOV", "SYR MIL") in coded(coder, "Iran helped Syrian troops retake Aleppo.")
    # (the tagger reads the bare verb as a present)
    text = "Pakistani militants have been helping the Kashmiri rebels get modern rifles."
    assert ("AID", "PAK REB", "PAK REB") in coded(coder, text)


def test_help_to_a_thing_is_still_no_aid_to_anybody(coder):
    assert not [c for c in coded(coder, "The money helped the party win the election.") if c[0] == "AID"]


def test_a_pledge_to_help_somebody_is_a_promise_to_them(coder):
    for text in ("Australia pledged $50 million to help Indonesia buy patrol boats.",
                 "Australia pledged $50 million to help Indonesia."):
        assert coded(coder, text) == [("AGREE", "AUS GOV", "IDN")]


def test_a_perfect_tense_read_as_have_taking_a_participle_noun_keeps_its_act(coder):
    # the parser reads "have registered cases" as "have" taking cases that are registered
    assert coded(coder, "Police have registered cases against the MLA.") == [("ACCUSE", "COP", "LEG")]
    # a participle before an act noun that no "have" takes stays an adjective
    events = coded(coder, "Hezbollah fighters hit back with intensified mortar fire on Sunday.")
    assert [t for t, _, _ in events] == ["ASSAULT"]
