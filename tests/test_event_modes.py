"""PLOVER modes read from the text, not from the type: the means of an attack, what a coercive act did, the kind
of protest, the force a mobilisation moves. Only modes PLOVER defines for the type. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.events.ontology import Ontology
from tacitus.settings import Settings

ONTOLOGY = Ontology.load()


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def modes(coder, text: str, ptype: str):
    return [(e.cameo_code, e.plover_mode) for e in coder.code_text(text, published="2022-05-10")
            if e.plover_type == ptype]


@pytest.mark.parametrize("text, expected", [
    ("A gunman killed two students in Santee.", ("193", "firearms")),
    ("A car bomb killed five soldiers in Kabul.", ("183", "explosives")),
    ("Rebels killed three villagers with machetes in Ituri.", ("182", "primitive")),
    ("Russian warplanes attacked rebel positions near Idlib.", ("195", "aerial")),
    ("A Turkish drone attacked a Kurdish convoy near Qamishli.", ("195", "drone")),
    ("Artillery fire killed four Ukrainian soldiers near Bakhmut.", ("194", "heavy-weapons")),
    ("A suicide bomber attacked a police station in Quetta.", ("1831", "suicide-attack")),
    ("Gunmen abducted 30 students in Kaduna, taking them hostage.", ("181", "abduct")),
])
def test_the_means_of_an_attack(coder, text, expected):
    assert expected in modes(coder, text, "ASSAULT")


def test_a_suicide_bomber_is_an_attack_only_as_the_one_doing_harm(coder):
    assert [(e.plover_type, e.cameo_code, e.source.code) for e in coder.code_text(
        "A suicide bomber drove a car into an army base in Hiraan.", published="2022-05-10")] == [
        ("ASSAULT", "1831", "SOM UAF")]
    # the one arrested or shot is no attack of his own
    arrested = coder.code_text("Police arrested a suicide bomber in Kano on Monday.", published="2022-05-10")
    assert [(e.plover_type, e.source.code, e.target.code) for e in arrested] == [("COERCE", "NGA COP", "NGA REB")]
    # nor does the one shot make the shooting a suicide attack (nor a bomber an air strike)
    shot = coder.code_text("Police shot dead a would-be suicide bomber in Helmand on Monday.", published="2022-05-10")
    assert [(e.plover_type, e.cameo_code, e.plover_mode, e.source.code, e.target.code) for e in shot] == [
        ("ASSAULT", "193", "firearms", "AFG COP", "AFG REB")]
    killed = coder.code_text("Police killed a suicide bomber in Kano on Monday.", published="2022-05-10")
    assert [(e.cameo_code, e.plover_mode) for e in killed] == [("190", None)]


def test_what_a_coercive_act_did_and_the_kind_of_protest(coder):
    assert ("173", "arrest") in modes(coder, "Iranian police launched a crackdown in which dozens were detained.",
                                      "COERCE")
    assert ("145", "riot") in modes(coder, "Protesters rioted in Santiago, looting shops.", "PROTEST")
    assert ("142", "hunger") in modes(coder, "Palestinian prisoners went on hunger strike in Ofer prison.", "PROTEST")


def test_a_mobilisation_is_of_the_force_it_moves(coder):
    assert modes(coder, "Indian police deployed 2,500 constables in Kalaburagi.", "MOBILIZE")[0][1] == "police"
    assert modes(coder, "Russia deployed troops to the Ukrainian border.", "MOBILIZE")[0][1] == "troops"


def test_every_mode_is_one_plover_defines_for_the_type(coder):
    for text in ("A gunman killed two students in Santee.", "Police arrested 20 activists in Kalaburagi.",
                 "Thousands of workers went on strike in Lagos.", "The army deployed tanks in Yangon."):
        for e in coder.code_text(text, published="2022-05-10"):
            assert e.plover_mode is None or e.plover_mode in ONTOLOGY.modes[e.plover_type], (text, e.plover_mode)


@pytest.mark.parametrize("text, expected", [
    # gunmen, militants or robbers who "strike" attack on the ground; a state's jets strike from the air
    ("Militants struck a police checkpoint in Kunar province.", [("190", None)]),
    ("Israeli jets struck a weapons depot near Khan Younis.", [("195", "aerial")]),
])
def test_who_strikes_says_whether_from_the_air(coder, text, expected):
    assert modes(coder, text, "ASSAULT") == expected
