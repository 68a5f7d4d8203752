"""Who the parties of an act are, on sentences written by the team: whose a rejected thing is, which country
adjectives mean armed forces, a participle set off by a comma, questions put, "both sides", give-and-take verbs."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def counted(coder: Coder, text: str):
    return [e for e in coder.code_text(text, published="2022-06-14") if e.modality in ("asserted", "future")]


def dyads(events, plover_type: str) -> set[tuple[str, str | None]]:
    return {(s.code, t.code if t else None) for e in events if e.plover_type == plover_type for s, t in e.pairs()}


def test_a_rejected_thing_names_whom_by_its_country_adjective(coder):
    # the adjective says whose claims they are; the "of" phrase only what they are about
    events = counted(coder, "Ghana rejected Nigerian claims of cross-border smuggling.")
    assert dyads(events, "REJECT") == {("GHA GOV", "NGA")}
    # a topic discussed does not make the adjective's country a party: whom it is discussed with does
    events = counted(coder, "Chile discussed the Peruvian proposal with Bolivia on Monday.")
    assert dyads(events, "CONSULT") == {("CHL GOV", "BOL GOV")}


def test_a_country_adjective_means_forces_only_on_an_armed_act(coder):
    events = counted(coder, "Chile rejected the Peruvian offer on Tuesday.")
    assert dyads(events, "REJECT") == {("CHL GOV", "PER")}
    events = counted(coder, "Chile condemned the Peruvian attack on Tuesday.")
    assert dyads(events, "ACCUSE") == {("CHL GOV", "PER MIL")}


def test_a_past_form_after_its_subject_and_a_comma_is_done_to_it(coder):
    # "the senator, shot in the leg" was shot: the senator is no attacker, and who shot him is not said
    events = counted(coder, "There were reports that the Colombian senator, shot in the leg in May, might leave "
                            "the hospital soon.")
    assert dyads(events, "ASSAULT") == {("COL UAF", "COL LEG")}
    # an apposition's commas are not such a comma: the subject acts
    events = counted(coder, "The president of Peru, Ana Ruiz, accused Ecuador of spying on Monday.")
    assert dyads(events, "ACCUSE") == {("PER GOV", "ECU GOV")}


def test_a_question_put_is_no_request(coder):
    assert not dyads(counted(coder, "The Danish minister was asked about the strike on Monday."), "REQUEST")
    assert not dyads(counted(coder, "Reporters asked the Danish minister about the strike."), "REQUEST")
    assert dyads(counted(coder, "Denmark asked Norway for help with the fires."), "REQUEST") == {("DNK GOV", "NOR GOV")}
    # "if" opening what is asked is a question too, though the parser reads it as a condition
    assert not dyads(counted(coder, "A Danish senator asked the minister if the navy had been sent."), "REQUEST")
    # ... but not after a request made in so many words
    assert dyads(counted(coder, "Denmark asked Norway for help if the fires spread."), "REQUEST") == {
        ("DNK GOV", "NOR GOV")}
    assert dyads(counted(coder, "Denmark asked Norway to help if the fires spread."), "REQUEST") == {
        ("DNK GOV", "NOR GOV")}
    assert dyads(counted(coder, "The Danish minister asked parliament's approval if the navy were sent."),
                 "REQUEST") == {("DNK GOV", "DNK LEG")}


def test_both_sides_are_the_two_parties_the_story_names_most(coder):
    text = ("Armenian artillery shelled Azerbaijani villages on Sunday. Azerbaijan said Armenia had broken the "
            "truce, and Armenia blamed Azerbaijan. Kazakhstan urged both sides to stop the fighting.")
    events = counted(coder, text)
    assert dyads(events, "REQUEST") == {("KAZ GOV", "ARM"), ("KAZ GOV", "AZE")}
    assert all(e.target.country_basis == "story" for e in events if e.plover_type == "REQUEST")
    events = counted(coder, text.replace("both sides", "the two governments"))
    assert dyads(events, "REQUEST") == {("KAZ GOV", "ARM GOV"), ("KAZ GOV", "AZE GOV")}
    events = counted(coder, text.replace("both sides", "the warring parties"))
    assert dyads(events, "REQUEST") == {("KAZ GOV", "ARM"), ("KAZ GOV", "AZE")}
    # with no two parties named, the phrase stays as it is
    events = counted(coder, "Kazakhstan urged both sides to stop the fighting.")
    assert dyads(events, "REQUEST") == {("KAZ GOV", "")}
    # "two" as a count names no pair, and "both parties" in a country's politics are its political parties
    events = counted(coder, text.replace("Kazakhstan urged both sides to stop the fighting.",
                                         "Kazakhstan visited two countries in May."))
    assert dyads(events, "CONSULT") == {("KAZ GOV", "")}
    events = counted(coder, "Chile's senate debated the pension bill on Monday. Chile's president urged both "
                            "parties to back the bill.")
    assert dyads(events, "REQUEST") == {("CHL GOV", "CHL PTY")}


def test_fire_and_accusations_traded_are_no_trade(coder):
    events = counted(coder, "Thai soldiers and Cambodian troops traded fire near the temple on Friday.")
    assert dyads(events, "ASSAULT") == {("THA MIL", "KHM MIL")}
    assert not dyads(events, "COOPERATE")
    events = counted(coder, "Serbia and Kosovo exchanged accusations at the talks.")
    assert dyads(events, "ACCUSE") == {("SRB GOV", "XKX GOV")}
    assert dyads(counted(coder, "Serbia and Kosovo traded threats at the talks."), "THREATEN") == \
        {("SRB GOV", "XKX GOV")}
    # commerce stays cooperation
    assert dyads(counted(coder, "Bolivia traded gas with Brazil in May."), "COOPERATE") == {("BOL GOV", "BRA GOV")}


def test_a_border_shut_is_a_restriction(coder):
    events = counted(coder, "Chad shut its border with Sudan on Thursday.")
    assert dyads(events, "COERCE") == {("TCD GOV", "SDN GOV")}
    assert all(e.plover_mode == "restrict" for e in events if e.plover_type == "COERCE")


@pytest.mark.parametrize("text, plover_type, expected", [
    # wanting another party to act is a demand on it ("want" parsed with the president as the resigning subject);
    # a want of one's own, or about something that is no actor, asks nobody
    ("Zambian opposition leaders want the president to resign.", "REQUEST", {("ZMB OPP", "ZMB GOV")}),
    ("The Irish minister said he wanted to sign a deal with Chile.", "REQUEST", set()),
    ("Irish investors want the market to recover.", "REQUEST", set()),
    # coordinated parties fighting or clashing with nobody else named fight each other; fighting a thing is no
    # fight with anybody, and allies fighting together do not fight each other
    ("Peru and Ecuador have fought two wars over the border.", "ASSAULT", {("PER GOV", "ECU GOV")}),
    ("Police and protesters clashed in Lima on Monday.", "ASSAULT", {("PER COP", "PER CVL")}),
    ("Peruvian police fought crime in Lima.", "ASSAULT", set()),
    ("Peru and Chile fought the war together.", "ASSAULT", set()),
])
def test_wanting_fighting_and_clashing_parties(coder, text, plover_type, expected):
    assert dyads(counted(coder, text), plover_type) == expected


def test_a_name_opening_the_sentence_that_the_parser_reads_as_an_adverb_is_the_subject(coder):
    # the small parser takes "Martelly" for an adverb of "criticized" here: the name is who criticises
    events = counted(coder, "Martelly criticized Preval's record as a weak leader.")
    assert [(e.source.text, e.plover_type) for e in events] == [("Martelly", "ACCUSE")]
    # an adverb that is no name stays one
    events = counted(coder, "Separately Peru condemned the attack.")
    assert [(e.source.code, e.plover_type) for e in events] == [("PER GOV", "ACCUSE")]


def test_a_police_party_is_police_and_a_named_thing_beside_a_known_target_is_no_target(coder):
    events = counted(coder, "Two gunmen opened fire on a police party at the Kemari Causeway in Karachi on Monday.")
    assert dyads(events, "ASSAULT") == {("PAK UAF", "PAK COP")}
    # a party with no modifier of another sector is a political party
    events = counted(coder, "Gunmen attacked the Awami party office in Karachi on Monday.")
    assert {t.split()[-1] for _, t in dyads(events, "ASSAULT") if t} == {"PTY"}


def test_a_surname_of_a_person_named_before_is_that_person_not_a_town_it_spells(coder):
    # Rosenfeld is also a village in Ukraine: here it is the woman the story named in full
    events = counted(coder, "German police detained Anna Rosenfeld in Berlin on Monday. On Tuesday prosecutors "
                            "charged Rosenfeld with fraud.")
    charge = [e for e in events if e.plover_type == "ACCUSE"]
    assert charge and all(e.target is not None and e.target.name == "Anna Rosenfeld"
                          and e.target.country != "UKR" for e in charge)
    # a one-word name the tagger takes for a person is still the town it names
    assert dyads(counted(coder, "Russian forces shelled Kharkiv overnight."), "ASSAULT") == {("RUS MIL", "UKR")}
    # ... and so is "the city of" it
    assert dyads(counted(coder, "Russian forces shelled the city of Kharkiv overnight."), "ASSAULT") == {
        ("RUS MIL", "UKR")}


def assaults(coder: Coder, text: str):
    return [(e.source.code, e.target.code if e.target else None, e.fatalities, e.date)
            for e in counted(coder, text) if e.plover_type == "ASSAULT"]


def test_an_act_told_again_with_its_doer_named_is_one_event_with_the_toll_and_the_day(coder):
    found = assaults(coder, "Ethiopia and Somalia traded accusations on Monday. More than 30 people were killed last "
                            "week as the Ethiopian offensive in Somalia went on, Somali officials said.")
    assert found == [("ETH MIL", "SOM CVL", 30, "2022-06-06")]  # the people it killed
    # acts of other places and days, and of another mode, are other acts
    found = assaults(coder, "Nigerian troops killed 15 rebels in Borno on Sunday, and 30 Nigerians were killed in a "
                            "bandit attack in Zamfara on Saturday.")
    assert {n for _, _, n, _ in found} >= {15, 30}
    found = assaults(coder, "Six Ukrainians were killed on Monday and nine Ukrainians were killed on Tuesday as the "
                            "Russian offensive in Kherson went on.")
    assert {n for _, _, n, _ in found} >= {6, 9}  # two acts, each with its toll
    found = assaults(coder, "Rebels killed 20 villagers in Kivu on Monday, while 12 villagers were abducted there.")
    assert {n for _, _, n, _ in found} >= {20} and len(found) == 2


def test_a_barrage_unleashed_is_fired_by_who_unleashed_it_at_what_it_falls_on(coder):
    assert assaults(coder, "Hezbollah unleashed a volley of rocket fire on Israeli villages on Monday.") == [
        ("LBN REB", "ISR", None, "2022-06-13")]


def test_an_act_aimed_at_nobody_named_in_a_story_of_two_sides_is_aimed_at_the_other(coder):
    text = ("Israeli jets struck targets in the Gaza Strip on Saturday, and Hamas fired rockets at Tel Aviv. The "
            "Israeli army said Palestinian militants had fired 40 rockets since Friday. Israel responded with "
            "artillery fire. Palestinian officials said Israel had killed 12 people in Gaza.")
    events = counted(coder, text)
    responded = next(e for e in events if "responded" in e.sentence and e.plover_type == "ASSAULT")
    # (the answer is aimed at who last used force on Israel, the militants, before the two sides' rule reads it)
    assert (responded.source.code, responded.target.code) == ("ISR GOV", "PSE REB")
    fired = next(e for e in events if "40 rockets" in e.sentence and e.plover_type == "ASSAULT")
    assert (fired.source.code, fired.target.code) == ("PSE REB", "ISR")
    # ... and force nobody names on one side's people is the other side's
    events = counted(coder, text.replace("Israel had killed 12 people in Gaza", "12 Palestinians were killed in Gaza"))
    killed = next(e for e in events if "12 Palestinians" in e.sentence and e.plover_type == "ASSAULT")
    assert (killed.source.code, killed.source.country_basis, killed.target.country) == ("ISR UAF", "story", "PSE")
    # ... but not a killer the sentence names by kin, nor a crime among private people
    for private in ("An Israeli woman was stabbed to death by her husband in Haifa.",
                    "An Israeli man was shot dead in a feud over a debt in Haifa."):
        events = [e for e in counted(coder, text + " " + private) if "Haifa" in e.sentence and e.plover_type == "ASSAULT"]
        assert events and all(e.source.country != "PSE" for e in events), private
    # two states a story names without telling them acting on each other are no two sides: a shooting at an
    # American school in a story that also speaks of China is nobody's from China
    events = counted(coder, "Two American students were shot dead at a school in Ohio on Monday. The school had "
                            "hosted visitors from China in May. Chinese teachers said China was shocked by the "
                            "shooting. The school said it would reopen.")
    shot = next(e for e in events if "Ohio" in e.sentence and e.plover_type == "ASSAULT")
    assert (shot.source.code, shot.target.country) == ("USA UAF", "USA")
    # a story of one country's own affairs has no other side: the police fired at nobody abroad
    events = counted(coder, "Kenyan police fired tear gas in Nairobi on Monday. Kenyan officials said the police "
                            "opened fire in Kisumu too.")
    assert all(e.target is None or e.target.country in (None, "KEN") for e in events)


def test_the_owner_of_a_policy_or_an_act_of_doing_something_does_it(coder):
    events = counted(coder, "Russia's policy of arming Syrian rebels angered Washington.")
    assert dyads(events, "AID") == {("RUS GOV", "SYR REB")}
    # a refusal of doing something is no doing of it
    assert dyads(counted(coder, "Hungary's refusal of sending weapons to Ukraine angered Kyiv."), "AID") == set()


def test_a_statement_named_again_is_aimed_at_the_state_that_made_it(coder):
    from tacitus.records import Document

    text = ("SEOUL - North Korea offered to send athletes to the games in Seoul. South Korea dismissed the offer as "
            "nonsensical. Japan rejected the accusations.")
    [events] = coder.code([Document(doc_id="t", text=text, published="2022-05-10")])
    rejected = [(e.source.code, e.target.code if e.target else None) for e in events if e.plover_type == "REJECT"]
    # the offer was North Korea's; nobody made an accusation the story told, so Japan's rejection is of nobody named
    assert rejected == [("KOR GOV", "PRK GOV"), ("JPN GOV", None)]
    # an offer made at home and refused at home is no act on another state
    text = ("SEOUL - The South Korean government offered talks to the unions. The South Korean opposition rejected "
            "the offer.")
    [events] = coder.code([Document(doc_id="t", text=text, published="2022-05-10")])
    assert [e.target.country if e.target else None for e in events if e.plover_type == "REJECT"] in ([None], ["KOR"])


def test_the_two_leaders_who_act_are_the_two_states_just_told_meeting(coder):
    # the pair the story told meeting a sentence before signs and agrees, each with the other
    text = ("Malawian President Joyce Banda received Zambian President Edgar Lungu in Lilongwe on Monday. "
            "The two leaders signed an accord on shared power lines. The two governments agreed to open a joint "
            "customs post.")
    events = counted(coder, text)
    assert dyads(events, "SUPPORT") == {("ZMB GOV", "MWI GOV")}
    assert dyads(events, "AGREE") == {("ZMB GOV", "MWI GOV")}
    # two states named as the ones a call is made to are the sides that answer it
    events = counted(coder, "The African Union urged Sudan and Chad to stop the border raids on Friday. "
                            "Both sides dismissed the appeal.")
    assert dyads(events, "REJECT") == {("SDN", "IGO"), ("TCD", "IGO")}


def test_the_two_leaders_of_one_country_stay_its_own(coder):
    # two senators of one state meeting: "the two leaders" is no pair of states
    events = counted(coder, "Senator Alice Brown met Senator John Perez in Washington on Monday. The two leaders "
                            "agreed to hold a vote next week.")
    assert {s for s, _ in dyads(events, "AGREE")} == {"USA GOV"}
    # nor is a pair told too long before (more than two sentences back)
    events = counted(coder, "Malawi's president met Zambia's president on Monday. Maize prices rose in Blantyre. "
                            "Fuel queues grew in the capital. Traders closed their stalls early. The two leaders "
                            "condemned the price rises.")
    condemned = [e for e in events if e.plover_type == "ACCUSE"]
    assert condemned and all(e.source.country_basis != "story" for e in condemned)
    # two office holders after a clash are no pair of the two states that clashed
    events = counted(coder, "Armenia shelled Azerbaijani posts on Monday. At a briefing in Yerevan, the two "
                            "ministers accused Turkey of arming Baku.")
    assert all(e.source.country_basis != "story" for e in events if e.plover_type == "ACCUSE")


def test_a_phrase_set_off_by_with_is_no_partner(coder):
    # ", with the Omani minister acting as host": the host is no party to the talks
    events = counted(coder, "Iranian and Saudi delegations met in Muscat on Sunday, with Oman's foreign minister "
                            "acting as host.")
    assert dyads(events, "CONSULT") == {("IRN GOV", "SAU GOV")}
    # a partner the parser hangs a participle on is still one
    events = counted(coder, "The Danish minister met with farmers protesting outside parliament.")
    assert dyads(events, "CONSULT") == {("DNK GOV", "DNK AGR")}
