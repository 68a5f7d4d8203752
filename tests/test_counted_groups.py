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


def test_a_number_that_counts_no_group_and_the_victims_of_force_are_no_release_or_new_act(coder):
    # "three of the hostages" is read by its "of" phrase; a count of the hurt is a toll of the attack told before
    events = asserted(coder, "Gunmen stormed a hotel in Mogadishu on Monday. Seven were wounded in the attack.")
    assert [e.plover_type for e in events] == ["ASSAULT"]
    assert asserted(coder, "The company cut its prices in May. Both were later released.") == []


def test_people_freed_by_nobody_named_are_freed_by_their_takers_named_before(coder):
    events = asserted(coder, "Gunmen abducted three aid workers in Sabah in May. The hostages were freed on Sunday.")
    freed = [e for e in events if e.plover_type == "RETREAT"]
    assert [(e.source.code, e.source.country_basis, e.plover_mode) for e in freed] == [
        ("MYS UAF", "story", "release")]
    # with no taker named, the one who frees them stays unknown
    alone = [e for e in asserted(coder, "The three hostages were released on Sunday.") if e.plover_type == "RETREAT"]
    assert [(e.source.country, e.source.sector) for e in alone] == [(None, "UNK")]
