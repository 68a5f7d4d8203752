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
    ("On Monday, Turkey said its soldiers were attacked in Idlib.", "TUR MIL"),
    ("After the talks, Russia said its embassy in Kyiv was shelled overnight.", "RUS GOV"),
    ("Turkey condemned the attack on its embassy in Kabul.", "TUR GOV"),
    # an act of force is not done to one's own: the soldiers are the speaker's
    ("Israel said Hamas fired rockets at its soldiers near Gaza.", "ISR MIL"),
])
def test_a_possessive_gives_the_owners_country(coder, text, target):
    assert target in [g for t, _, _, g in coded(coder, text) if t == "ASSAULT"]


def test_their_is_no_single_states(coder):
    # "their" stands for a plural or an organisation: the soldiers are not France's
    targets = [g for _, _, _, g in coded(coder, "France said the rebels attacked their soldiers near Gao.")]
    assert targets and "FRA MIL" not in targets


def test_an_ally_named_with_its_is_not_the_actor_itself(coder):
    # "its allies" are somebody else: the agreement is kept, not dropped as an act on oneself
    assert "AGREE" in [t for t, _, _, _ in coded(coder, "Oman and its allies agreed to hold naval drills next month.")]
