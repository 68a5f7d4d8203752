"""Short conflict reports of the kinds ACLED distinguishes, written by the team: each gives the PLOVER type, the
mode and the dyad a conflict analyst would count (protests peaceful, dispersed and violent; clashes; territory
taken and retaken (by force: an attack); air, drone, suicide, artillery and explosive attacks; abductions; arrests; destruction;
weapons seized; ceasefires, prisoner exchanges and peace agreements)."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder

SNIPPETS = [
    ("Hundreds of teachers protested peacefully outside the education ministry in Nairobi on Monday.",
     ("PROTEST", "demo", "KEN EDU", "KEN GOV")),
    ("Police fired tear gas to disperse hundreds of opposition supporters in Kampala on Tuesday.",
     ("ASSAULT", "crowd-control", "UGA COP", "UGA OPP")),
    ("Demonstrators threw stones at police in Karachi on Friday during a protest against power cuts.",
     ("PROTEST", "riot", "PAK CVL", "PAK COP")),
    ("Government troops clashed with Al-Shabaab militants near Afgooye on Wednesday.",
     ("ASSAULT", None, "SOM MIL", "SOM REB")),
    ("The Iraqi army recaptured the town of Tal Afar from Islamic State fighters on Thursday.",
     ("ASSAULT", None, "IRQ MIL", "IMG REB")),
    ("Taliban fighters seized the district centre of Moqur in Badghis province on Monday.",
     ("ASSAULT", None, "AFG REB", "AFG")),
    ("Saudi-led coalition airstrikes killed 12 civilians in Saada province on Saturday.",
     ("ASSAULT", "aerial", "SAU MIL", "YEM CVL")),
    ("A US drone strike killed three suspected militants in North Waziristan on Friday.",
     ("ASSAULT", "drone", "USA MIL", "USA REB")),
    ("A suicide bomber killed 14 people at a market in Maiduguri on Tuesday.",
     ("ASSAULT", "suicide-attack", "NGA REB", "NGA CVL")),
    ("A roadside bomb killed two soldiers in Kunar province on Monday.", ("ASSAULT", "explosives", "AFG UAF", "AFG MIL")),
    ("Unknown assailants threw a grenade at a police post in Srinagar on Wednesday.",
     ("ASSAULT", "explosives", "IND UAF", "IND COP")),
    ("Armed men raped two women in a village in South Kivu on Saturday.", ("ASSAULT", "sexual", "COD UAF", "COD CVL")),
    ("Police arrested 35 protesters in Minsk on Sunday.", ("COERCE", "arrest", "BLR COP", "BLR CVL")),
    ("Rioters looted shops and torched vehicles in Johannesburg on Monday.", ("PROTEST", "riot", "ZAF CVL", "ZAF GOV")),
    ("Security forces seized a large cache of weapons and ammunition in Kidal on Tuesday.",
     ("COERCE", "seize", "MLI MIL", "MLI")),
    ("The Sudanese army and the Rapid Support Forces agreed to a seven-day ceasefire on Saturday.",
     ("AGREE", None, "SDN MIL", "SDN PRM")),
    ("Russia and Ukraine exchanged 50 prisoners of war on Friday.", ("RETREAT", "release", "RUS GOV", "UKR GOV")),
    ("The government and the rebels signed a peace agreement in Juba on Monday.", ("SUPPORT", None, "SSD GOV", "SSD REB")),
    # the device's act, its victims from the toll: one event, not the blast and the killing
    ("A landmine exploded under an army truck near Tessalit on Sunday, killing three Malian soldiers.",
     ("ASSAULT", "explosives", "MLI UAF", "MLI MIL")),
    ("Soldiers opened fire on demonstrators in Bamako on Friday, wounding nine people.",
     ("ASSAULT", "firearms", "MLI MIL", "MLI CVL")),
    ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Thursday, killing five policemen.",
     ("ASSAULT", "suicide-attack", "SOM REB", "SOM COP")),
    ("Syrian government forces used sarin gas against the rebel-held town of Khan Sheikhoun.",
     ("ASSAULT", "unconventional", "SYR MIL", "SYR REB")),
]

NOT_CONFLICT = [
    "The farmers used chemical fertilizers on their fields near Kisumu.",
    "Police used chlorine to disinfect the cells in Kisumu.",
]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@pytest.mark.parametrize("text, expected", SNIPPETS)
def test_conflict_snippet(coder, text, expected):
    found = [(e.plover_type, e.plover_mode, e.source.code, e.target.code if e.target else None)
             for e in coder.code_text(text, published="2022-05-10") if e.modality == "asserted"]
    assert expected in found
    assert len(found) == 1, found  # one event per act


@pytest.mark.parametrize("text", NOT_CONFLICT)
def test_chemicals_used_on_things_are_no_attack(coder, text):
    assert [e.plover_type for e in coder.code_text(text, published="2022-05-10")] == []
