"""Crowds that protest, parties that talk about something, and a politician's verbal attack: sentences written by
the team, with the codes a researcher expects."""

from __future__ import annotations

import pytest

from coded_dyads import coded, dyads
from tacitus.pipeline import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def coded_as(found: list[tuple], expected: tuple) -> bool:
    """Whether an event of ``expected`` (type, CAMEO code, source code or None for any source) was coded."""
    return any(e[:2] == expected[:2] and (expected[2] is None or e[2] == expected[2]) for e in found)


@pytest.mark.parametrize("text, expected", [
    # a bare number of people is a crowd of civilians
    ("Thousands marched in Nairobi on Sunday against the new tax.", ("PROTEST", "141", "KEN CVL")),
    ("Hundreds rallied outside the parliament in Bangkok.", ("PROTEST", "141", "THA CVL")),
    # taking to the streets is a demonstration
    ("Thousands of people took to the streets of Algiers on Friday.", ("PROTEST", "141", "DZA CVL")),
    # protesters gathering at an embassy demonstrate against its state
    ("About 200 protesters gathered outside the French embassy in Dakar.", ("PROTEST", "141", "SEN CVL")),
])
def test_a_crowd_that_takes_to_the_streets_protests(coder, text, expected):
    assert expected in [e[:3] for e in coded(coder, text)]


@pytest.mark.parametrize("text", [
    "People gathered for the funeral of the fishermen in Mombasa.",  # no crowd of protest
    "The president took to social media to thank the voters.",  # not the streets
    "Hundreds of soldiers were deployed to the border.",  # the soldiers are soldiers, not civilians
])
def test_gatherings_and_numbers_that_are_no_protest(coder, text):
    assert not [e for e in coded(coder, text) if e[0] == "PROTEST"]
    assert not [e for e in coded(coder, text) if "CVL" in e[2]]


def test_parties_that_discuss_a_topic_meet_each_other(coder):
    # the topic discussed ("Syria", "the crisis") is no party to the talks
    assert ("CONSULT", "041", "RUS GOV", "TUR GOV") in coded(
        coder, "Vladimir Putin and Recep Tayyip Erdogan discussed Syria by phone on Tuesday.")
    assert ("CONSULT", "040", "EGY GOV", "JOR GOV") in coded(
        coder, "Egypt and Jordan discussed the crisis in Gaza on Monday.")
    # a generic crowd talking about something is no meeting of parties
    assert not coded(coder, "In Kenya, people are still discussing the new tax.")


@pytest.mark.parametrize("text, expected", [
    # a person in office attacking a political rival without arms, where nobody is hurt: criticism
    ("The Turkish president attacked the opposition leader in a speech on Monday.", ("ACCUSE", "TUR GOV", "TUR OPP")),
    ("Prime Minister Imran Khan attacked the opposition over the budget.", ("ACCUSE", "PAK GOV", "PAK OPP")),
    # ... but a leader attacking a state is its forces' attack, and so is a government's attack that kills
    ("Vladimir Putin attacked Ukraine in February 2022.", ("ASSAULT", "RUS GOV", "UKR GOV")),
    ("The Syrian government attacked opposition strongholds near Aleppo, killing 20 people.",
     ("ASSAULT", "SYR GOV", "SYR OPP")),
])
def test_a_politicians_attack_without_arms_is_criticism(coder, text, expected):
    assert expected in [(t, s, g) for t, _, s, g in coded(coder, text)]


@pytest.mark.parametrize("text, expected", [
    ("Soldiers patrolled the main roads of Benghazi after the fighting.", ("MOBILIZE", "150", "LBY MIL")),
    ("Police in Lahore busted a heroin smuggling ring overnight.", ("COERCE", "173", "PAK COP")),
    ("Norway brokered a truce between the government and the rebels in Colombia.", ("CONSULT", "045", "NOR GOV")),
    ("Bolivia broke off diplomatic ties with Israel.", ("SANCTION", "161", "BOL GOV")),
])
def test_patrols_busts_brokers_and_broken_ties(coder, text, expected):
    assert expected in [e[:3] for e in coded(coder, text)]


@pytest.mark.parametrize("text", [
    "Police patrolled the streets of Nairobi on New Year's Eve.",  # the beat, no show of force
    "Security guards patrolled the shopping mall in Lagos.",
])
def test_words_of_those_acts_that_are_no_event(coder, text):
    assert not coded(coder, text)


def test_welcoming_an_actors_decision_is_support_not_a_visit(coder):
    found = [e[:2] for e in coded(coder, "Ghana welcomed the decision of the European Union to drop the tariffs.")]
    assert ("SUPPORT", "051") in found and not [e for e in found if e[0] == "CONSULT"]
    # welcoming the actor itself is hosting a visit: the visitor's visit to the host (ontology hosted_visits)
    assert ("CONSULT", "042", "SEN GOV", "GHA GOV") in [e[:4] for e in coded(
        coder, "Ghana welcomed the president of Senegal on Monday.")]


def test_lashing_out_at_a_party_is_criticism(coder):
    assert ("ACCUSE", "111", "IRN GOV") in [e[:3] for e in coded(coder, "Iran lashed out at the IAEA over its report.")]
    assert not coded(coder, "The storm lashed the coast of Kerala.")


def test_a_man_accused_of_an_act_is_described_not_accused(coder):
    # "accused of", "suspected of" after a noun with no agent say who the man is; nobody accuses him here
    assert not [e for e in coded(coder, "A driver accused of stabbing two guards in Dallas was found dead on Monday.")
                if e[0] == "ACCUSE"]
    assert ("ACCUSE", "112", "USA COP") in [e[:3] for e in coded(
        coder, "Police in Dallas accused the driver of stabbing two guards.")]


def test_weapons_fired_at_someone_through_a_participle_are_an_attack(coder):
    # the parser hangs "at ..." on the participle of the weapons fired: still aimed at somebody
    found = coded(coder, "Russian troops fired shells releasing a toxic gas at Ukrainian soldiers near Kupiansk.")
    assert ("ASSAULT", "194", "RUS MIL") in [e[:3] for e in found]
    # fired at nothing: a show of weapons
    found = coded(coder, "North Korea fired two missiles into the sea.")
    assert ("MOBILIZE", "150", "PRK GOV") in [e[:3] for e in found]


@pytest.mark.parametrize("text, expected", [
    # "out of": the parser's "out" governs "of"; still the verb's particle
    ("Niger said it was pulling out of the West African alliance.", ("SANCTION", "160", "NER GOV")),
    ("Russia withdrew from the arms control treaty.", ("SANCTION", "160", "RUS GOV")),
    ("Qatar quit the OPEC cartel in 2019.", ("SANCTION", "160", "QAT GOV")),
    ("The troops pulled out of the city of Kherson.", ("RETREAT", "087", None)),
    # the thing taken hangs on the person it is taken from
    ("Belarus stripped several exiled journalists of their nationality.", ("COERCE", "172", "BLR GOV")),
    # armed men massing
    ("Hundreds of armed militants gathered near the town of Kidal on Sunday.", ("MOBILIZE", "154", None)),
])
def test_leaving_blocs_stripping_and_massing(coder, text, expected):
    found = [e[:3] for e in coded(coder, text)]
    assert coded_as(found, expected), found


@pytest.mark.parametrize("text", [
    "The thief stripped the car of its parts.",  # nothing the state gave
    "Fans gathered outside the stadium in Lagos.",  # no protest, no arms
])
def test_stripping_and_gathering_that_are_no_event(coder, text):
    assert not coded(coder, text)


@pytest.mark.parametrize("text", [
    # formal pardons, amnesties and commuted sentences are concessions (PLOVER manual); the release itself a retreat
    "Senegal's president pardoned hundreds of jailed opposition supporters.",
    "The king granted amnesty to 500 prisoners in Rabat.",
    "A court in Cairo commuted the death sentence of a blogger.",
])
def test_pardons_and_amnesties_are_concessions(coder, text):
    assert "CONCEDE" in [e[0] for e in coded(coder, text)]


@pytest.mark.parametrize("text, expected", [
    ("Spain handed over a fugitive Colombian banker to Colombia.", ("COOPERATE", "063", "ESP GOV")),
    ("Rebels handed over 20 prisoners to the Red Cross.", ("RETREAT", "0841", None)),
    ("India and Sri Lanka revived a fuel credit arrangement with each other.", ("COOPERATE", "060", "IND GOV")),
])
def test_fugitives_handed_over_and_arrangements_revived(coder, text, expected):
    found = [e[:3] for e in coded(coder, text)]
    assert coded_as(found, expected), found


def test_marching_to_oppose_a_bill_is_one_protest(coder):
    found = coded(coder, "Hundreds of teachers marched through Lima on Friday to oppose the pension reform.")
    assert [e[0] for e in found] == ["PROTEST"]


def test_a_people_that_protests_is_its_civilians(coder):
    assert ("PROTEST", "141", "PER CVL") in [e[:3] for e in coded(
        coder, "Thousands of young Peruvians marched in Lima against the new congress.")]
    # a state that protests is the state, and it complains officially (recode official_protest)
    assert ("ACCUSE", "114", "PER GOV") in [e[:3] for e in coded(coder, "Peru protested to Bolivia over the arrests.")]


def test_a_deed_told_with_a_blaming_adverb_blames_its_doer(coder):
    found = coded(coder, "Hanoi said the Chinese trawler had unlawfully entered Vietnamese waters.")
    assert ("ACCUSE", "111", "VNM GOV") in [e[:3] for e in found]
    assert not coded(coder, "The minister said the Chinese trawler had entered the port of Haiphong.")


def test_an_envoy_ordered_to_leave_is_expelled(coder):
    assert ("SANCTION", "1663", "MLI GOV", "FRA GOV") in coded(
        coder, "Mali's junta told the French envoy to leave the country within three days.")
    # an order to anyone else to leave stays a demand
    assert ("SANCTION", "1663") not in [e[:2] for e in coded(
        coder, "Police in Bamako ordered the protesters to leave the square.")]


def test_a_participle_telling_more_of_an_act_is_that_act(coder):
    # "..., confiscating computers": the raid, told once; an arrest of people after a raid is an act on them
    assert [e[0] for e in coded(coder, "Police raided the Lusaka offices of a newspaper on Monday, "
                                        "seizing laptops and documents.")] == ["COERCE"]
    found = coded(coder, "Police raided a house in Lagos, arresting three men.")
    assert ("COERCE", "173") in [e[:2] for e in found]


@pytest.mark.parametrize("text, not_type", [
    ("Thousands took to the streets of Buenos Aires to celebrate Argentina's victory.", "PROTEST"),
    ("A crowd gathered in Kyiv to watch the fireworks.", "PROTEST"),
    ("Rebels gathered in Doha for peace talks.", "MOBILIZE"),
    ("North Korea fired a rocket carrying a satellite into orbit.", "ASSAULT"),
    ("Israel and Hezbollah renewed their exchange of fire on Monday.", "COOPERATE"),
    ("Israeli forces withdrew from the community after a raid.", "SANCTION"),
    ("The president attacked opposition strongholds near Aleppo.", "ACCUSE"),
    ("Vladimir Putin attacked the Ukrainian government.", "ACCUSE"),
    ("Thousands of soldiers were deployed to the border.", "PROTEST"),
])
def test_what_the_new_senses_leave_alone(coder, text, not_type):
    assert not_type not in [e[0] for e in coded(coder, text)]


def test_a_suspect_handed_to_prosecutors_is_no_judicial_cooperation(coder):
    assert ("COOPERATE", "063") not in [e[:2] for e in coded(coder, "Police handed over the suspect to prosecutors.")]


def test_the_chinese_protesting_to_washington_are_the_state(coder):
    found = coded(coder, "The Chinese protested to Washington over the arms sales.")
    assert found and not [e for e in found if e[2] == "CHN CVL"]


@pytest.mark.parametrize("text, expected", [
    ("Iran blocked access to the website of an exiled news outlet.", ("COERCE", "1721")),  # censorship
    ("Farmers blocked motorways around Madrid with their tractors.", ("PROTEST", "1442")),
    ("The rebels halted their rocket fire on the capital on Sunday.", ("RETREAT", "087")),  # force stood down
    ("Envoys of Sudan's two armies held three days of talks in Jeddah.", ("CONSULT", "040")),
])
def test_censorship_blockades_stand_downs_and_days_of_talks(coder, text, expected):
    assert expected in [e[:2] for e in coded(coder, text)]


def test_what_an_attempt_is_to_do_may_not_happen(coder):
    assert not [e for e in coded(coder, "The army launched the offensive in an attempt to halt the rocket fire.")
                if e[0] == "RETREAT"]
    assert "RETREAT" not in [e[0] for e in coded(coder, "Police suspended the search for the missing climbers.")]


@pytest.mark.parametrize("text, protest", [
    # the act the crowd condemns was told before: the protest is against its doer, not the host's government
    ("Ethiopian troops launched an offensive on Eritrean positions on Monday. In London, about 2,000 people "
     "demonstrated outside parliament to condemn the offensive.", ("PROTEST", "GBR CVL", "ETH MIL")),
    # its doer named in the purpose itself
    ("In Oslo, hundreds of people marched to condemn the Ethiopian offensive.", ("PROTEST", "NOR CVL", "ETH MIL")),
    # at home, against arrests told before: against the police who made them
    ("Police arrested 30 students in Dhaka on Monday. Hundreds marched in Dhaka on Tuesday against the arrests.",
     ("PROTEST", "BGD CVL", "BGD COP")),
    # nothing told before: against the authorities where the crowd marches
    ("In London, about 2,000 people demonstrated outside parliament to condemn the offensive.",
     ("PROTEST", "GBR CVL", "GBR GOV")),
])
def test_a_protest_against_an_act_is_against_its_doer(coder, text, protest):
    assert protest in dyads(coder, text)


@pytest.mark.parametrize("text, expected", [
    # a rally for someone is one event, the demonstration, and it is not against those it supports
    ("Thousands rallied in Lima on Sunday to voice their support for the jailed opposition leader.",
     [("PROTEST", "141", "PER CVL", "PER GOV")]),
    ("Hundreds marched in Vilnius to show solidarity with Ukraine.", [("PROTEST", "141", "LTU CVL", "LTU GOV")]),
    # what a protest holds against someone still gives its target, and support asked for is asked of someone
    ("Thousands marched in Amman to voice their anger at Israel.", [("PROTEST", "141", "JOR CVL", "ISR GOV")]),
    ("Thousands of farmers marched in Athens to demand support from the EU.", [("PROTEST", "141", "GRC AGR", "EUR")]),
    # support by others, told in a clause of its own, is their own act
    ("Thousands marched in Caracas after Washington endorsed the Venezuelan opposition leader.",
     [("PROTEST", "141", "VEN CVL", "VEN GOV"), ("SUPPORT", "051", "USA GOV", "VEN OPP")]),
])
def test_what_a_rally_supports_is_no_second_event_and_no_target(coder, text, expected):
    assert coded(coder, text) == expected


def test_a_rally_takes_the_day_its_purpose_clause_gives(coder):
    # "rallied to voice their support ... on Sunday": what the rally is for is no act of its own, so its day is the
    # rally's; a day still to come in it ("to demand a vote next month") is not
    on_sunday = coder.code_text("Thousands rallied in Quito to voice their support for the jailed mayor on Sunday.",
                                published="2024-03-12")
    assert [(e.plover_type, e.date) for e in on_sunday] == [("PROTEST", "2024-03-10")]
    [later] = coder.code_text("Thousands marched in Quito to demand a referendum next month.", published="2024-03-12")
    assert (later.plover_type, later.date_precision) == ("PROTEST", "published")
