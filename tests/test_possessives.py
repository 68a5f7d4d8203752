"""Whose soldiers, whose embassy: a possessive determiner gives a group of a sector its owner's country. Sentences
written by the team."""

from __future__ import annotations

import pytest

from coded_dyads import coded
from tacitus.pipeline import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


@pytest.mark.parametrize("text, target", [
    # the owner is the state that speaks, not the country where its people were hit
    ("Turkey said its soldiers were attacked in Idlib on Monday.", "TUR MIL"),
    ("Russia said its embassy in Kyiv was shelled overnight.", "RUS GOV"),
    ("Turkey condemned the attack on its embassy in Kabul.", "TUR GOV"),
    # an act of force is not done to one's own: the towns' soldiers are the speaker's
    ("Israel said Hamas fired rockets at its soldiers near Gaza.", "ISR MIL"),
])
def test_a_possessive_gives_the_owners_country(coder, text, target):
    assert target in [g for t, _, _, g in coded(coder, text) if t == "ASSAULT"]


@pytest.mark.parametrize("text, wrong", [
    # "their" is a plural's or an organisation's, not a single state's
    ("France sent experts to Saudi Arabia to investigate the attacks on their oil facilities.", "FRA"),
    # a counterpart is somebody else
    ("American authorities shared evidence with their Ukrainian counterparts.", "USA GOV"),
])
def test_a_possessive_that_names_no_owner(coder, text, wrong):
    assert wrong not in [g for _, _, _, g in coded(coder, text) if g]
