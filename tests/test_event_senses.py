"""Word senses that only look like events, places and topics taken for parties, the same party on both sides:
team-written sentences with exact codes (issue: who did what to whom on real news, families 3, 4 and 6)."""

from __future__ import annotations

import pytest

from coded_dyads import coded
from tacitus.coding import Coder
from tacitus.events.sameness import same_actor
from tacitus.records import Actor
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def types(coder, text: str) -> list[str]:
    return [t for t, *_ in coded(coder, text)]


@pytest.mark.parametrize("text", [
    "The official, who asked not to be named, said the talks would resume.",
    "Asked about the shortage, the health minister said supplies were on the way.",
    "The Spanish interior minister spoke at a news conference in Madrid.",
    "Correspondent Jane Doe contributed to this report.",
    "The ministry released a statement on Monday.",
    "Volunteers hit the pavement to register voters in Accra.",
    "The Kenyan police are fighting crime in the capital.",
    "The students demonstrated their skills at the robot fair.",
    "The gang committed crimes across the region.",
    "The senator talked about the budget on the radio.",
    "The police commissioner visited the scene of the shooting on Monday.",
    "The Peruvian mayor pulled out all the stops for the harvest festival.",
    "Peruvian villagers welcomed the new millennium with dancing.",
    "The Kenyan governor abused his power to punish his critics.",
    "The Ugandan minister abused his office to reward his allies.",
    "Citizens used the open records law to guarantee that the tallies are published.",
    "Would the truce only guarantee a frozen conflict for years?",
    # an act lacking is none ("without"), and refused by nobody
    "The Kenyan senators were slow to act without State House backing.",
    "The Kenyan troops left the town without consulting the Somali army.",
    "The Kenyan professors compiled a report to assist the inquiry.",  # help to a thing is no aid
    # an act a record shows that is made out to be fake did not happen, as the sentence tells it
    "A clip showing Kenyan soldiers beating a trader in Garissa was fake, the Kenyan army said.",
    "The Kenyan police said a picture of officers torching a kiosk was doctored.",
    "A forged letter announcing the arrest of the governor circulated on Monday, the Kenyan ministry said.",
])
def test_senses_that_are_no_event(coder, text):
    assert coded(coder, text) == []


def test_the_event_senses_of_the_same_verbs_remain(coder):
    assert ("RETREAT", "0841", "SOM REB", "SOM CVL") in coded(coder, "Somali rebels released 20 hostages on Monday.")
    assert "PROTEST" in types(coder, "Thousands of students demonstrated against the tax in Lima.")
    assert "ASSAULT" in types(coder, "A clip showing Kenyan soldiers beating a trader in Garissa was shared widely.")
    assert "ASSAULT" in types(coder, "A clip showing Kenyan soldiers beating a trader was real and not doctored, "
                                     "the Kenyan ministry said.")
    assert "REQUEST" in types(coder, "The Egyptian foreign minister asked Israel to reopen the crossing.")
    assert ("RETREAT", "087", "PER GOV", None) in coded(coder, "Peru pulled out its troops on Monday.")
    assert "SUPPORT" in types(coder, "The Peruvian mayor welcomed the court's ruling.")
    assert "SUPPORT" in types(coder, "Germany welcomed the holiday ceasefire between Russia and Ukraine.")
    assert ("ASSAULT", "182", "NGA COP", "NGA CRM") in coded(coder, "Police in Lagos abused the detainees in custody.")
    assert ("AGREE", "030", "RUS GOV", "ARM GOV") in coded(coder, "Russia guaranteed security to Armenia.")
    assert ("AID", "070", "USA GOV", "KEN GOV") in coded(coder, "The United States assisted Kenya with logistics.")
    # sanctions to be lifted are what the promise is about, no threat of sanctions
    assert coded(coder, "Britain vowed to remove a few of its sanctions on Belarus.") == [
        ("AGREE", "035", "GBR GOV", "BLR GOV")]
    two = coded(coder, "The two foreign ministers met in Geneva on Friday.")
    assert [t for t, *_ in two] == ["CONSULT"]  # parties meeting each other need no other counterpart



@pytest.mark.parametrize("text, expected", [
    ("The finance minister was hammered by critics over the budget.", "ACCUSE"),
    ("Columnists attacked the Kenyan president over the deal.", "ACCUSE"),
    ("Rebels attacked an army post in Gao.", "ASSAULT"),
    ("The town was hammered by artillery on Monday.", None),  # a thing hammered, by a weapon: no actor acted on
])
def test_critics_attack_in_words_and_armed_men_with_weapons(coder, text, expected):
    assert types(coder, text) == ([expected] if expected else [])

def test_pleading_guilty_is_an_admission_and_the_court_town_no_party(coder):
    (e,) = coder.code_text("The former governor pleaded guilty in New York to fraud charges.")
    assert (e.plover_type, e.cameo_code, e.target) == ("CONCEDE", "080", None)
    # anybody who may be a person, not only an office the knowledge holds
    (e,) = coder.code_text("The Kenyan activist pleaded guilty in Nairobi.")
    assert (e.plover_type, e.source.code) == ("CONCEDE", "KEN CVL")
    # a story set in Kenya: what a Kenyan concedes there is conceded within Kenya, not to the town named
    assert (e.target.text, e.target.code, e.target.country_basis) == ("", "KEN", "setting")
    (e,) = coder.code_text("The mayor pleaded not guilty.")
    assert (e.plover_type, e.cameo_code) == ("REJECT", "016")


def test_a_place_where_a_statement_is_made_is_not_its_target(coder):
    found = coded(coder, "The Brazilian president criticised the new tariffs in Tokyo on Tuesday.")
    assert ("ACCUSE", "111", "BRA GOV", "") in found  # "the new tariffs", of no country
    # a measure taken in a place falls on it
    lifted = coded(coder, "Serbia lifted the curfew in Montenegro on Sunday.")
    assert any(t == "CONCEDE" and target == "MNE" for t, _, _, target in lifted), lifted


def test_the_same_party_on_both_sides():
    putin = Actor(text="Putin", name="Vladimir Putin", country="RUS", sector="GOV", kb_id="vladimir_putin")
    assert same_actor(putin, Actor(text="the Russian president", name="Vladimir Putin", country="RUS",
                                   sector="GOV", kb_id="vladimir_putin"))
    assert not same_actor(putin, Actor(text="Russia", name="Russia", country="RUS", sector="GOV", kb_id="RUS"))
    assert same_actor(Actor(text="Martin", name="Martin"), Actor(text="Mr Martin", name="martin"))
    assert not same_actor(Actor(text="Martin", name="Martin"), None)


@pytest.mark.parametrize("text, expected", [
    ("Shelling left 40 people dead in the town of Ariha.", [("ASSAULT", "194")]),
    ("Artillery shelling and bombardment left 40 dead in the Syrian town of Ariha.", [("ASSAULT", "194")]),
    ("The attack on the army convoy left three soldiers dead.", [("ASSAULT", "190")]),
    ("The storm left 40 people dead in the Philippines.", []),  # no act of anybody's
    ("The delegation left Kabul on Monday.", []),  # "leave" alone is going, not violence
])
def test_a_violent_act_that_left_people_dead_is_an_assault(coder, text, expected):
    assert [(t, c) for t, c, *_ in coded(coder, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a sense that names the things it takes finds them as the subject of a passive
    ("The rally was broken up by Kenyan police on Monday.", ("ASSAULT", "175", "KEN COP")),
    ("The ceasefire was broken by Russian forces on Monday.", ("ASSAULT", "196", "RUS MIL")),
    ("The strike was called off by the Kenyan union on Monday.", ("CONCEDE", "080", "KEN LAB")),
    ("Kenyan police broke up the rally on Monday.", ("ASSAULT", "175", "KEN COP")),
])
def test_the_thing_a_sense_takes_may_be_the_subject_of_a_passive(coder, text, expected):
    assert expected in [(t, c, s) for t, c, s, _ in coded(coder, text)]


def test_a_passive_subject_never_stands_for_an_actor_object(coder):
    # "received" with an actor object is a visit; "claims were received by the companies" is none
    assert "CONSULT" not in types(coder, "So far 3,913 claims worth 144 crore rupees have been received by the four "
                                        "Indian companies.")
    assert types(coder, "The talks broke up without agreement on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    ("Clashes erupted in Tripoli on Monday.", [("ASSAULT", "190", "LBY UAF", None)]),
    ("Heavy fighting continued on the outskirts of Tripoli on Monday.", [("ASSAULT", "190", "LBY UAF", None)]),
    ("The opposition is fighting a legal battle in the Kenyan courts.", []),
    ("Violence is unacceptable, the Libyan minister said.", []),
    # "the clashes" tell again of clashes told before; fighting that "was forcing" families out is a state
    ("The clashes came hours after the Libyan election results were announced.", []),
    ("Fighting near the Libyan border was forcing thousands of families to flee.", []),
])
def test_fighting_nobody_names_told_as_news_is_an_assault_by_unidentified_forces(coder, text, expected):
    assert coded(coder, text) == expected


def test_fighting_its_fighters_gave_up_did_not_happen_then(coder):
    assert "ASSAULT" not in types(coder, "A Taliban commander and his men gave up fighting in Faryab on Monday.")
    assert "ASSAULT" in types(coder, "Rebels stepped up attacks on Kenyan troops on Monday.")


def test_fighting_a_contest_in_court_or_a_thing_is_no_violence(coder):
    assert not [e for e in coder.code_text("The Kenyan senator is fighting a legal battle against the ministry.",
                                           published="2022-05-10") if e.plover_type == "ASSAULT"]
    events = coder.code_text("Rebels battled government troops near Goma.", published="2022-05-10")
    assert [(e.plover_type, e.source.code, e.target.code) for e in events] == [("ASSAULT", "COD REB", "COD MIL")]


def test_harm_done_to_oneself_is_no_act_but_an_attacker_s_other_victims_are(coder):
    assert not coder.code_text("The alleged shooter shot himself on Wednesday in Dallas.", published="2022-05-10")
    events = coder.code_text("A gunman killed himself after shooting two police officers in Dallas.",
                             published="2022-05-10")
    assert [(e.plover_type, e.source.code, e.target.code) for e in events] == [("ASSAULT", "USA UAF", "USA COP")]


@pytest.mark.parametrize("text, expected", [
    ("Opposition parties are targeting the budget process.", None),
    ("Activists are targeting the election process.", None),
    ("The reform was killed by the upper house.", None),
    # people, places and camps are harmed
    ("Government troops killed five rebels near the border.", "ASSAULT"),
    ("The army targeted rebel camps in the north.", "ASSAULT"),
])
def test_violence_done_to_a_thing_no_force_can_harm_is_a_figure_of_speech(coder, text, expected):
    assert types(coder, text) == ([expected] if expected else [])


def test_calling_someone_something_names_them_and_calling_them_phones_them(coder):
    assert types(coder, "The foreign ministry called Gazprom 'a political weapon of the Kremlin'.") == []
    assert types(coder, "The Kenyan president called Museveni on Monday.") == ["CONSULT"]


def test_warning_shots_are_no_warning(coder):
    # the parser reads "warning" as a verb whose object is "shots": shots fired, nobody warned
    text = "Residents said youths pelted the police with stones, and the police responded by firing pellets and " \
           "warning shots."
    assert "THREATEN" not in types(coder, text)
    assert types(coder, "The army warned the rebels on Monday.") == ["THREATEN"]


def test_legislation_blocked_is_rejected_and_signed_is_approved(coder):
    assert types(coder, "Senate Republicans blocked the budget bill on Tuesday.") == ["REJECT"]
    assert types(coder, "The Chilean president signed the pension bill on Friday.") == ["SUPPORT"]
    assert types(coder, "The Chilean senate signed off on the pension plan on Thursday.") == ["SUPPORT"]
    # roads blocked by protesters stay a protest
    assert types(coder, "Protesters blocked the road to the airport in Santiago.") == ["PROTEST"]


def test_a_veto_is_cameo_129_not_a_refusal_to_de_escalate(coder):
    # CAMEO 129 is Veto; 1246 is refusing to de-escalate a military engagement
    assert [(t, c) for t, c, *_ in coded(coder, "Brazil vetoed the draft resolution at the council.")] \
        == [("REJECT", "129")]
    assert [(t, c) for t, c, *_ in coded(coder, "Brazil's veto of the draft resolution angered Chile.")][:1] \
        == [("REJECT", "129")]


def test_a_price_charged_is_no_accusation(coder):
    assert types(coder, "The airline's new baggage fee charged to travellers angered customers.") == []
    assert types(coder, "The bank charged customers a fee of 59 dollars.") == []
    assert types(coder, "Two men charged with the murder appeared in court on Monday.") == ["ACCUSE"]


def test_a_name_is_never_a_word_that_rules_a_sense_out(coder):
    assert types(coder, "Prosecutors charged former minister Alan Price with fraud on Monday.") == ["ACCUSE"]


def test_a_record_that_shows_an_act_is_not_its_doer(coder):
    events = coder.code_text("A UN report showed an attack on an aid convoy in Darfur.", published="2023-03-14")
    assert [e.plover_type for e in events] == ["ASSAULT"] and events[0].source.country != "UNO"


def test_carrying_out_an_order_or_a_warrant_is_no_execution(coder):
    assert "ASSAULT" not in types(coder, "Detectives in Leeds were executing warrants across the city on Sunday.")
    assert "ASSAULT" not in types(coder, "The Chilean ministry executed the new budget on time.")
    assert "ASSAULT" in types(coder, "Saudi Arabia executed two men convicted of smuggling drugs.")


def test_businesses_killed_and_growth_supported_are_no_acts(coder):
    assert types(coder, "The new levy will kill small businesses, a trader in Kisumu said.") == []
    assert types(coder, "The central bank of Chile cut its rate to support growth.") == []
    assert "ASSAULT" in types(coder, "Gunmen killed five traders in Kisumu.")
    assert "SUPPORT" in types(coder, "Iran supported the rebels in Yemen.")


def test_a_state_protesting_complains(coder):
    # a state named as itself makes no demonstration: its protest is an official complaint
    assert types(coder, "Vietnam strongly protests the unlawful actions of Chinese vessels.") == ["ACCUSE"]


def test_a_goal_struck_is_no_strike(coder):
    assert types(coder, "Early in the second half, the Zambian substitute struck the winner from close range.") == []
    assert types(coder, "Kenya's captain levelled before half-time with a fine header.") == []
    assert "ASSAULT" in types(coder, "Turkish jets struck a weapons depot near Qamishli.")


def test_a_hunt_for_things_and_the_exercise_of_power_are_no_acts(coder):
    assert types(coder, "The Nigerian government began a major hunt for investors in Lagos.") == []
    assert types(coder, "The Kenyan senate debated the president's exercise of military power.") == []


@pytest.mark.parametrize("text, want", [
    # means of force at troops' side are no political support; a state or a leader backing them is
    ("Chadian commandos, backed by heavy artillery and air strikes, pushed into the valley.", []),
    ("Malian troops supported by helicopters entered the town.", []),
    ("Malian troops backed by coalition airstrikes entered the town.", []),
    ("The Chadian rebels are backed by Libya.", [("SUPPORT", "051", "LBY GOV")]),
])
def test_support_by_means_of_force_is_no_support(coder, text, want):
    assert [(t, c, s) for t, c, s, _ in coded(coder, text) if t == "SUPPORT"] == want


@pytest.mark.parametrize("text, want", [
    # support in money, arms or supplies is aid; support in words stays support
    ("Qatar gave financial support to the Sudanese government.", ("AID", "071", "QAT GOV", "SDN GOV")),
    ("Iran extended military support to the Syrian army.", ("AID", "072", "IRN GOV", "SYR MIL")),
    ("Kenya voiced support for the Somali government.", ("SUPPORT", "051", "KEN GOV", "SOM GOV")),
])
def test_material_support_is_aid(coder, text, want):
    assert want in coded(coder, text)


@pytest.mark.parametrize("text, want", [
    # a force word compounded into another thing is no means of force: these back in earnest
    ("A Nairobi think tank backed the Kenyan government's plan.", ("SUPPORT", "051")),
    ("Tank crews of the Egyptian army backed the protesters.", ("SUPPORT", "051")),
])
def test_a_force_word_in_a_compound_does_not_block_support(coder, text, want):
    assert want in [(t, c) for t, c, *_ in coded(coder, text)]


def test_a_team_sent_to_look_into_something_brings_no_aid(coder):
    assert types(coder, "The Chilean mining ministry sent a team to investigate the collapse of the tunnel.") == [
        "ACCUSE"]
    assert "AID" in types(coder, "Japan sent a team of doctors to Nepal to treat the injured.")


def test_an_agreement_not_yet_final_is_a_commitment_and_one_signed_is_support(coder):
    assert coded(coder, "Nurses and the Kenyan health ministry reached a tentative agreement on Saturday.") == [
        ("AGREE", "030", "KEN MED", "KEN GOV")]
    assert types(coder, "Colombia and the rebels reached a preliminary deal in Havana.") == ["AGREE"]
    assert types(coder, "Colombia and the rebels signed a peace agreement in Havana.") == ["SUPPORT"]


def test_harm_promised_is_a_threat_and_other_promises_are_commitments(coder):
    assert coded(coder, "The Kenyan president vowed to punish those responsible for the massacre.") == [
        ("THREATEN", "130", "KEN GOV", None)]
    assert types(coder, "The Nigerian army pledged to smash the bandit gangs.") == ["THREATEN"]
    assert types(coder, "The Nigerian governor pledged to rebuild the burned market.") == ["AGREE"]
    # harm to a thing is no threat: a disease or a tariff eliminated is a promise
    assert types(coder, "The Nigerian health minister pledged to eradicate polio by 2025.") == ["AGREE"]


def test_going_along_with_a_plan_accepts_it_and_not_going_along_refuses_it(coder):
    assert types(coder, "Kenyan opposition leaders went along with the government's budget plan.") == ["AGREE"]
    assert types(coder, "The Kenyan opposition refused to go along with the budget plan.") == ["REJECT"]
    assert types(coder, "Kenyan troops went along the road to Mandera.") == []
    assert types(coder, "Kenyan journalists went along with Somali troops to the front.") == []


def test_prohibitory_orders_restrict_and_their_passive_is_the_state_s(coder):
    assert coded(coder, "Authorities imposed prohibitory orders in Bidar district on Monday.") == [
        ("COERCE", "172", "IND GOV", "IND")]
    events = [e for e in coder.code_text("Prohibitory orders were clamped in Bidar district.",
                                         published="2022-05-10") if e.modality == "asserted"]
    assert [(e.plover_mode, e.source.code) for e in events] == [("restrict", "IND GOV")]
    assert types(coder, "The Indian president signed an executive order on Monday.") == []


def test_a_thing_under_investigation_is_investigated_by_the_authorities(coder):
    events = [e for e in coder.code_text("What started the blaze in Quezon City is still under investigation.",
                                         published="2022-05-10") if e.modality == "asserted"]
    assert [(e.plover_type, e.plover_mode, e.source.code) for e in events] == [("ACCUSE", "investigate", "PHL GOV")]
    assert types(coder, "The land case is now in court in Nairobi.") == []


def test_counsel_of_restraint_is_a_call_for_it(coder):
    assert coded(coder, "The Kenyan president counselled calm after the vote.") == [
        ("REQUEST", "020", "KEN GOV", None)]
    assert types(coder, "The Kenyan counsellor counselled victims of the flood.") == []


def test_disapproval_felt_in_the_passive_is_disapproval_of_what_it_is_felt_about(coder):
    assert coded(coder, "The Kenyan foreign ministry said it was dismayed by the decision of the Ugandan "
                        "government.") == [("ACCUSE", "110", "KEN GOV", "UGA GOV")]
    assert types(coder, "Kenyan voters were disappointed.") == []
    assert types(coder, "Kenyan investors were disappointed by the fall in share prices.") == []
    assert types(coder, "The Ugandan decision disappointed Kenyan voters.") == []


def test_a_rally_the_authorities_hold_against_nobody_is_no_protest(coder):
    assert types(coder, "The Kenyan president held a rally in Nakuru on Saturday.") == []
    assert types(coder, "Unpaid Congolese soldiers held a sit-in at the defence ministry.") == ["PROTEST"]
    assert coded(coder, "Iranian officials led rallies against the United States in Tehran.") == [
        ("PROTEST", "141", "IRN GOV", "USA GOV")]
    assert coded(coder, "Thousands rallied in Nairobi against the government.") == [
        ("PROTEST", "141", "KEN CVL", "KEN GOV")]


@pytest.mark.parametrize("text", [
    "The senator asked the defence minister how the contract had been awarded.",
    "Villagers kept asking the governor where they could find clean water.",
    "Reporters asked the Kenyan president whether the troops would leave Somalia.",
])
def test_a_question_asked_is_no_request(coder, text):
    assert "REQUEST" not in types(coder, text)


def test_asking_somebody_to_act_is_still_a_request(coder):
    assert types(coder, "Kenya asked Uganda to extradite the two suspects.") == ["REQUEST"]
