"""Acts wire news tells in words the coder did not know, and sentences that look like acts and are not. Forces
moved, massed, poured in or dispatched; aid airlifted, shipped, disbursed or written off; people rounded up;
imports banned; firms fined; websites blocked and internet cut; deals inked; delegations sat down with. A game's
"beat 1-0", a bus that plunged into a ravine, fighting that "could reach" a city and a command quoted are no acts
told. Team-written sentences."""

from __future__ import annotations

import pytest

from coded_dyads import PUBLISHED, dyads
from tacitus.coding import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


@pytest.mark.parametrize("text, kind, source, target_country", [
    ("Belarus moved additional troops to its border with Poland on Monday.", "MOBILIZE", "BLR", None),
    ("Chinese warships and fighter jets massed around Taiwan on Monday.", "MOBILIZE", "CHN", None),
    ("Sudan's army poured reinforcements into El Fasher on Monday.", "MOBILIZE", "SDN", None),
    ("Turkey dispatched rescue teams to Morocco on Sunday.", "AID", "TUR", "MAR"),
    ("The Chinese military airlifted tents and medical supplies to Myanmar on Saturday.", "AID", "CHN", "MMR"),
    ("Washington shipped more interceptor missiles to Ukraine on Monday.", "AID", "USA", "UKR"),
    ("The World Bank disbursed a $500 million loan to Kenya on Tuesday.", "AID", "IGO", "KEN"),
    ("China wrote off part of Zambia's debt on Monday.", "AID", "CHN", "ZMB"),
    ("Dozens of opposition members were rounded up by Turkish police in Istanbul on Wednesday.", "COERCE", "TUR",
     "TUR"),
    ("Russia banned imports of Moldovan fruit on Monday.", "SANCTION", "RUS", "MDA"),
    ("A court in Nairobi fined a Chinese construction firm $2 million on Monday.", "COERCE", "KEN", "CHN"),
    ("Russia blocked the BBC's website on Friday.", "COERCE", "RUS", "GBR"),
    ("Ethiopian authorities cut mobile internet service in the Amhara region on Monday.", "COERCE", "ETH", "ETH"),
    ("Uzbekistan inked a deal with South Korea on Thursday.", "SUPPORT", "UZB", "KOR"),  # as "signed"
    ("Ethiopian negotiators sat down with an Egyptian delegation in Cairo on Sunday.", "CONSULT", "ETH", "EGY"),
])
def test_acts_told_in_news_words(coder, text, kind, source, target_country):
    found = [e for e in dyads(coder, text) if e[0] == kind]
    assert found, dyads(coder, text)
    assert found[0][1].split()[0] == source
    if target_country is not None:
        assert found[0][2] and found[0][2].split()[0] == target_country


@pytest.mark.parametrize("text", [
    "Morocco beat Portugal 1-0 in Doha on Saturday.",
    "Ukraine beat Russia in the tournament's semi-final on Sunday.",
    "A bus plunged into a ravine in northern Peru, killing 24 passengers, police said.",
    "Residents of Goma fear that fighting could reach the city within days.",
    "Release all political prisoners, the opposition demanded on Monday.",
])
def test_no_act_told(coder, text):
    assert not [e for e in dyads(coder, text) if e[0] in ("ASSAULT", "RETREAT")], dyads(coder, text)


def test_a_span_of_days_is_no_score_and_a_told_act_keeps_its_reality(coder):
    assert [e[0] for e in dyads(coder, "Russian forces attacked Ukrainian positions near Bakhmut on 12-13 March.")
            ] == ["ASSAULT"]
    # the riots happened; only their effect is in doubt
    assert "PROTEST" in [e[0] for e in dyads(coder, "The minister said the recent riots in Delhi would hurt the "
                                                        "economy.")]


@pytest.mark.parametrize("text, source", [
    ("The Nigeria Labour Congress called off a planned nationwide strike on Monday.", "NGA LAB"),
    ("The Congress of South African Trade Unions called off a planned strike on Monday.", "ZAF LAB"),
])
def test_a_congress_named_with_another_country_is_that_countrys(coder, text, source):
    assert {e[1] for e in dyads(coder, text)} == {source}


def test_a_meal_with_somebody_is_a_meeting_and_what_comes_ahead_is_not_told_as_held(coder):
    events = coder.code_text("The French president flew to Berlin on Wednesday for a working dinner with the German "
                             "chancellor ahead of an EU summit.", published=PUBLISHED)
    assert [(e.plover_type, e.source.code, e.target.code if e.target else None) for e in events
            if e.modality == "asserted"] == [("CONSULT", "FRA GOV", "DEU GOV")]
    assert not [e for e in dyads(coder, "Police arrested dozens of activists in Harare on the eve of the "
                                            "protest.") if e[0] == "PROTEST"]


def test_a_document_calls_as_its_issuer_not_as_who_vetoed_it(coder):
    found = [e for e in dyads(coder, "Russia vetoed a UN resolution calling for a truce in Sudan.")
             if e[0] == "REQUEST"]
    assert all(not e[1].startswith("RUS") for e in found)
    assert [e[1] for e in dyads(coder, "The Kenyan foreign ministry issued a statement calling on Israel to halt "
                                           "the strikes.") if e[0] == "REQUEST"] == ["KEN GOV"]


def test_who_somebody_is_and_where_somebody_hides_are_no_acts(coder):
    assert [e[0] for e in dyads(coder, "Germany extradited a Rwandan genocide suspect to Kigali on Wednesday.")
            ] == ["COOPERATE"]
    assert [e[0] for e in dyads(coder, "Pakistan asked Kabul to hand over wanted militants sheltering on Afghan "
                                           "soil.")] == ["REQUEST"]


def test_people_fired_at_in_a_clause_of_their_own_and_a_unit_named_by_an_act(coder):
    text = ("Georgian riot police fired tear gas and water cannon on Thursday at thousands of demonstrators rallying "
            "against the government outside parliament in Tbilisi.")
    assert sorted(dyads(coder, text)) == [("ASSAULT", "GEO COP", "GEO CVL"), ("PROTEST", "GEO CVL", "GEO GOV")]


@pytest.mark.parametrize("text, dyad", [
    ("Rioters torched cars and looted shops in Dakar overnight.", ("PROTEST", "SEN CVL", "SEN GOV")),
    ("Protesters pelted police with stones in Srinagar on Friday.", ("PROTEST", "IND CVL", "IND COP")),
    ("Armed men looted and burned houses in Djibo.", ("ASSAULT", "BFA UAF", None)),  # no rioters: force
])
def test_what_rioters_burn_or_loot_is_a_riot(coder, text, dyad):
    assert dyads(coder, text) == [dyad]


def test_a_day_is_no_one_aimed_at(coder):
    assert dyads(coder, "On 22 May 2023, police fired tear gas to disperse protesters in Dakar.") == [
        ("ASSAULT", "SEN COP", "SEN CVL")]


@pytest.mark.parametrize("text, kind, source, target_country", [
    ("The last French soldiers left Niger on Friday.", "RETREAT", "FRA", "NER"),
    ("More than 200 former rebel fighters handed in their rifles in Cotabato City on Thursday.", "RETREAT", "PHL",
     None),
    ("Ugandan police placed the main opposition leader under house arrest on Monday.", "COERCE", "UGA", "UGA"),
    ("The South Korean military raised its readiness posture on Thursday.", "MOBILIZE", "KOR", None),
    ("Paris flew additional gendarmes to New Caledonia on Wednesday.", "MOBILIZE", "FRA", None),
    ("Turkey delivered two armed drones and 40 armoured vehicles to Somalia's army on Saturday.", "AID", "TUR", "SOM"),
    ("Egypt resumed natural gas exports to Jordan on Sunday.", "COOPERATE", "EGY", "JOR"),
    ("Armenia froze its participation in the Collective Security Treaty Organization.", "SANCTION", "ARM", None),
    ("Dozens of Kurdish inmates in Turkish prisons have been refusing food for 40 days.", "PROTEST", None, None),
    ("Hours later, the Bangladeshi opposition party called off the rally in Dhaka.", "CONCEDE", "BGD", None),
    ("Rioters set fire to shops and cars in Noumea overnight.", "PROTEST", None, None),
    ("The Asian Development Bank disbursed $100 million to Pakistan on Monday.", "AID", "IGO", "PAK"),
])
def test_more_acts_told_in_news_words(coder, text, kind, source, target_country):
    found = [e for e in dyads(coder, text) if e[0] == kind]
    assert found, dyads(coder, text)
    if source is not None:
        assert found[0][1].split()[0] == source
    if target_country is not None:
        assert found[0][2] and found[0][2].split()[0] == target_country


def test_a_holy_book_or_flag_burned_is_a_protest_and_an_expulsion_promised_a_threat(coder):
    assert [(e[0], e[1]) for e in dyads(coder, "A protester burned a copy of the Koran outside the Turkish "
                                                   "embassy in Stockholm on Thursday.")] == [("PROTEST", "SWE CVL")]
    found = [e for e in dyads(coder, "Iraq's prime minister warned on Monday that he would expel Turkey's "
                                         "ambassador.") if e[0] == "THREATEN"]
    assert [(e[1], e[2]) for e in found] == [("IRQ GOV", "TUR GOV")]
    assert dyads(coder, "Colombian police arrested a suspected Ecuadorean drug lord in Cali on Saturday.") == [
        ("COERCE", "COL COP", "ECU CRM")]


@pytest.mark.parametrize("text, kind", [
    ("Gunmen killed 10-15 villagers in central Mali on Monday.", "ASSAULT"),  # a range, no score
    ("Gunmen attacked a football tournament in Mogadishu on Sunday.", "ASSAULT"),  # sport, but no game won
    ("M23 rebels hit at Congolese army positions near Goma on Monday.", "ASSAULT"),  # not "hit back at" critics
    ("Protests would later spread to twenty cities across Iran.", "PROTEST"),  # a story's later events happened
])
def test_force_and_protest_that_only_look_like_games_or_words_stay(coder, text, kind):
    assert kind in [e[0] for e in dyads(coder, text)], dyads(coder, text)


@pytest.mark.parametrize("text", [
    "Shell shares fell 3% in London on Monday.",  # a company named Shell is no shell
    "The new drone crashed during a test flight in Texas.",  # an accident
    "The army left 12 people dead in the village.",  # a toll, no withdrawal
    "The soldier left the hospital in Kyiv on Monday.",  # no country left
])
def test_no_weapon_attack_and_no_withdrawal(coder, text):
    assert not [e for e in dyads(coder, text) if e[0] in ("ASSAULT", "RETREAT")], dyads(coder, text)


def test_a_weapon_fired_from_a_place_in_a_main_clause_and_a_congress_of_exiles(coder):
    assert [e[1] for e in dyads(coder, "Rockets fired from Gaza hit Tel Aviv on Monday.")] == ["PSE UAF"]
    resolver = coder.coder.knowledge.resolver  # the resolver the coder uses
    assert resolver.resolve_text("the World Uyghur Congress").country != "CHN"
    assert resolver.resolve_text("the Nigeria Labour Congress").country == "NGA"
