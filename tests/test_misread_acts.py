"""Acts of force the parser or the patterns used to lose: "shot dead" after a vehicle the tagger joins it to, control
of a place regained by forces, a device "set off", people taken from home or picked up. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def coded(coder, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.plover_type, e.source.code, e.target.code if e.target else None,
             e.sentence[e.evidence_start:e.evidence_end]) for e in coder.code_text(text, published="2024-03-01")]


def test_shot_dead_after_a_vehicle_is_a_shooting(coder):
    # the tagger reads "a motorbike shot" as a noun phrase and "dead" as the verb
    text = "Two gunmen on a scooter shot dead a school principal in Peshawar on Friday."
    assert coded(coder, text) == [("ASSAULT", "PAK UAF", "PAK EDU", "shot dead")]
    # read right, it stays one shooting
    assert [c[0] for c in coded(coder, "Gunmen shot dead a police officer in Kabul.")] == ["ASSAULT"]
    # "dead" with no object is no act: "the man found dead"
    assert coded(coder, "The bodies of two men were found dead in a car.") == []


def test_control_regained_by_forces_is_force(coder):
    assert [c[0] for c in coded(coder, "Ukrainian troops regained control of Kupiansk on Friday.")] == ["ASSAULT"]
    assert coded(coder, "The central bank regained control of inflation last year.") == []


def test_a_device_set_off_is_an_attack_but_a_reaction_set_off_is_not(coder):
    events = coded(coder, "A suicide bomber set off explosives at a checkpoint in Mogadishu, killing five soldiers.")
    assert [(t, s, g) for t, s, g, _ in events] == [("ASSAULT", "SOM REB", "SOM MIL")]
    assert coded(coder, "The decision set off a wave of anger in the capital.") == []
    # a device set off by nobody's attacker: an accident, an army clearing a path
    assert coded(coder, "A shepherd set off a landmine near Kandahar, killing himself.") == []
    assert coded(coder, "The Kenyan army set off explosives to clear a path through the forest.") == []


def test_people_taken_or_picked_up_are_held_by_agents_or_abducted_by_others(coder):
    text = "A union leader was taken from his house in Malabo by men in civilian clothes thought to be agents."
    assert [c[:1] + c[2:3] for c in coded(coder, text)] == [("ASSAULT", "GNQ LAB")]
    assert coded(coder, "Plain-clothes officers picked up a student leader from his hostel in Sylhet.")[0][:3] == (
        "COERCE", "BGD COP", "BGD EDU")
    assert [c[0] for c in coded(coder, "The journalist was taken from his home by police.")] == ["COERCE"]
    assert [c[0] for c in coded(coder, "The army took the activist from his home in Bamako.")] == ["COERCE"]
    # things and passengers picked up or taken are nobody held
    assert coded(coder, "The bus picked up the students at noon.") == []
    assert coded(coder, "Thieves took jewellery from his home.") == []

