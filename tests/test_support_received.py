"""Support given and received. The one a campaign rally is held for, the one support is thrown behind and the
one tribute is paid to are the targets of SUPPORT; support won or gained "of" somebody is theirs, given to the
winner, and two givers of it are not each other's supporters. "Charges of fraud" name no giver. Team-written
sentences."""

from __future__ import annotations

import pytest

from coded_dyads import PUBLISHED, dyads
from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


@pytest.mark.parametrize("text, dyad", [
    ("The US president held a campaign rally in Atlanta in support of two Republican senators.",
     ("SUPPORT", "USA GOV", "USA LEG")),
    ("Japan's foreign minister paid tribute to the Kenyan peacekeepers.", ("SUPPORT", "JPN GOV", "KEN MIL")),
    ("The German chancellor reaffirmed Berlin's backing for the Ukrainian army.", ("SUPPORT", "DEU GOV", "UKR MIL")),
])
def test_whom_support_is_for(coder, text, dyad):
    assert dyads(coder, text) == [dyad]


def test_support_thrown_behind_somebody_is_theirs(coder):
    assert [d[2] for d in dyads(coder, "The Kenyan ruling party threw its support behind the opposition leader.")
            if d[0] == "SUPPORT"] == ["KEN OPP"]


def test_support_won_of_somebody_is_given_by_them(coder):
    assert dyads(coder, "The Kenyan opposition received the backing of the unions.") == [
        ("SUPPORT", "KEN LAB", "KEN OPP")]
    events = coder.code_text("The Kenyan plan gained the backing of Germany and France.", published=PUBLISHED)
    assert [(e.source.code, {a.code for a in e.also_sources}) for e in events] == [("DEU GOV", {"FRA GOV"})]
    assert all(e.target is None or e.target.country != "FRA" for e in events)  # not France backing Germany


def test_charges_of_a_crime_name_no_giver(coder):
    assert not [d for d in dyads(coder, "Two former Kenyan ministers face charges of fraud and bribery.")
                if d[1].endswith("CRM")]


def test_support_had_of_somebody_is_theirs(coder):
    assert dyads(coder, "The Kenyan government has the backing of the army.") == [("SUPPORT", "KEN MIL", "KEN GOV")]
    assert [d[0] for d in dyads(coder, "The Kenyan president had talks with the army chief.")] == ["CONSULT"]
