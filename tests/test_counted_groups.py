"""Words that stand for those told of before: a number or "both", "all", "the others" as the subject of a
passive. Team-written sentences with exact codes."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def asserted(coder, text: str):
    return [e for e in coder.code_text(text, published="2022-05-10") if e.modality == "asserted"]


def test_both_and_all_three_stand_for_the_people_held_before(coder):
    for text in ("Police detained three activists in Harare on Monday. Both were later released.",
                 "Police detained three activists in Harare on Monday. All three were later freed."):
        released = [e for e in asserted(coder, text) if e.plover_type == "RETREAT"]
        assert [(e.plover_mode, e.target.code) for e in released] == [("release", "ZWE CVL")], text


def test_a_number_stands_only_for_those_acted_on_and_not_for_the_hurt_of_force_or_what_is_handed_over(coder):
    # a count of the hurt is a toll of the attack told before
    events = asserted(coder, "Gunmen stormed a hotel in Mogadishu on Monday. Seven were wounded in the attack.")
    assert [e.plover_type for e in events] == ["ASSAULT"]
    # "clashed with" names nobody acted on: the police do not arrest themselves
    arrested = [e for e in asserted(coder, "Police clashed with opposition supporters in Kampala. Thirty were "
                                           "arrested.") if e.plover_type == "COERCE"]
    assert [e.target for e in arrested] == [None]
    # the captives handed over are not the ones who give
    handed = [e for e in asserted(coder, "The Nigerian army arrested 40 suspected militants in Borno. Three were "
                                         "later handed over to the police.") if e.plover_type == "AID"]
    assert [e.source.sector for e in handed] != ["REB"]


def test_people_freed_by_nobody_named_are_freed_by_their_takers_named_before(coder):
    events = asserted(coder, "Gunmen abducted three aid workers in Sabah in May. The hostages were freed on Sunday.")
    freed = [e for e in events if e.plover_type == "RETREAT"]
    assert [(e.source.code, e.source.country_basis, e.plover_mode) for e in freed] == [
        ("MYS UAF", "story", "release")]
    # with no taker named, the one who frees them stays unknown; and takers of other people are not theirs
    alone = [e for e in asserted(coder, "The three hostages were released on Sunday.") if e.plover_type == "RETREAT"]
    assert [(e.source.country, e.source.sector) for e in alone] == [(None, "UNK")]
    text = ("Bandits abducted 20 villagers in Katsina on Sunday. Police arrested three informants on Monday. The "
            "villagers were released on Thursday.")
    freed = [e for e in asserted(coder, text) if e.plover_type == "RETREAT"]
    assert [e.source.sector for e in freed] == ["CRM"]
