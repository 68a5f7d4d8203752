"""Parties named together after "of" act with each other ("the foreign ministers of Chile and Peru met"); what is
shared "on" a thing is about it, and the one it is shared with may hang on the thing. Team-written sentences with
exact codes."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def dyads(coder, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(e.plover_type, e.source.code, e.target.code if e.target else None)
            for e in coder.code_text(text, published="2022-05-10")]


def test_the_countries_of_an_of_phrase_are_one_party_each(coder):
    assert dyads(coder, "The foreign ministers of Chile and Peru met in Lima on Monday.") == [
        ("CONSULT", "CHL GOV", "PER GOV")]
    assert dyads(coder, "The presidents of Malawi and Zambia agreed to reopen the border.") == [
        ("AGREE", "MWI GOV", "ZMB GOV")]


def test_a_named_party_with_an_of_phrase_stays_one_party(coder):
    assert dyads(coder, "The Secretary of State of the United States criticised Iran on Monday.") == [
        ("ACCUSE", "USA GOV", "IRN GOV")]
    # a partner only hangs on what is shared or on what it is about, not on any phrase below them
    assert dyads(coder, "Ghana shared information on the men arrested with explosives in Accra.")[0][2] in (
        None, "GHA")


def test_what_is_shared_on_a_thing_is_about_it_and_the_partner_may_hang_on_the_thing(coder):
    assert dyads(coder, "The intelligence services of Ghana and Togo began sharing information on armed groups.") == [
        ("COOPERATE", "GHA SPY", "TGO SPY")]
    assert dyads(coder, "Tunisian intelligence has shared information on smuggling networks with Italian police.") == [
        ("COOPERATE", "TUN SPY", "ITA COP")]
    # a ban "on" somebody still falls on them
    assert dyads(coder, "Ghana lifted a ban on Nigerian traders.") == [("CONCEDE", "GHA GOV", "NGA BUS")]
