"""Promises of harm, acts named by the words a sense lists, and tolls told by a participle the parse hangs on the
wrong clause: team-written sentences with exact codes (issue: who did what to whom on real news, families 3 and
9)."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def coded(coder, text: str):
    return [(e.plover_type, e.cameo_code, e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, published="2022-05-10") if e.modality == "asserted"]


@pytest.mark.parametrize("text, expected", [
    # a verb whose sense takes named actors or listed words takes both
    ("The Peruvian army crushed the rebellion in the highlands.", ("ASSAULT", "190", "PER MIL", "PER REB")),
    ("Malian troops quelled the riot in Gao on Friday.", ("ASSAULT", "190", "MLI MIL", "MLI CVL")),
])
def test_force_on_a_listed_kind_of_opponent(coder, text, expected):
    assert coded(coder, text) == [expected]


def test_crushing_a_thing_is_no_act(coder):
    assert coded(coder, "The Peruvian farmer crushed the grapes in his yard.") == []


@pytest.mark.parametrize("text, expected", [
    ("The Nigerian government vowed to sue the oil company.", ("THREATEN", "130", "NGA GOV", "NGA BUS")),
    ("The European Union vowed to impose sanctions on Belarus.", ("THREATEN", "131", "EUR", "BLR GOV")),
    ("Ghana's president pledged to expel the Chinese diplomats.", ("THREATEN", "131", "GHA GOV", "CHN GOV")),
    ("The Chilean general swore to crush the rebels.", ("THREATEN", "138", "CHL MIL", "CHL REB")),
])
def test_a_promise_of_harm_to_someone_is_a_threat(coder, text, expected):
    assert coded(coder, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # a promise of what helps stays an agreement
    ("The Nigerian government vowed to investigate the killings.", "AGREE"),
    ("The Ugandan minister promised to send aid to the flood victims.", "AGREE"),
])
def test_a_promise_of_help_or_inquiry_stays_an_agreement(coder, text, expected):
    assert [t for t, *_ in coded(coder, text)] == [expected]


def test_a_toll_hung_on_a_clause_without_an_act_belongs_to_the_act_before_it(coder):
    # the parse hangs "wounding" on "started", whose subject is "it": the toll is the shooting's, by the shooter
    text = "Deputies said that it started at a roofing firm where the shooter opened fire, wounding an employee."
    assert coded(coder, text) == [("ASSAULT", "190", "UAF", "LAB")]


def test_the_device_set_off_is_not_the_victim(coder):
    text = "Militants detonated a truck bomb near a Somali police station, killing six officers."
    assert coded(coder, text) == [("ASSAULT", "183", "SOM REB", "SOM COP")]


def test_a_participle_with_its_own_subject_is_its_own_act(coder):
    text = ("Not only is the drought ruining Somali farms, but the militia is also killing herders near Baidoa.")
    assert coded(coder, text) == [("ASSAULT", "190", "SOM PRM", "SOM AGR")]
