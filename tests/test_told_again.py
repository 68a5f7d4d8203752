"""An act told again by what it did is one act, and a pronoun is not its own clause's subject. "Four
Palestinians were killed" right after "Israeli jets struck a market" is the strike's toll, not a second attack;
"four were killed and nine wounded" is one act's dead and wounded; "they urged them" urges somebody else;
"one civilian" is a civilian, not a former official; a wish put to another actor is an appeal; a habit in the
present is no act. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.evaluate.realnews import merged
from tacitus.settings import Settings

PUBLISHED = "2023-03-14"  # a Tuesday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def _counted(coder: Coder, text: str) -> list:
    """The de-duplicated events of a text (the store's rule), each as its list of mentions."""
    return [c.mentions for c in merged(coder.code_text(text, published=PUBLISHED))]


def test_a_toll_told_right_after_an_attack_is_that_attack(coder):
    events = _counted(coder, "Israeli jets struck a market in Gaza on Monday. Four Palestinians were killed, "
                             "medics said.")
    assert len(events) == 1, [[(m.cameo_code, m.source.code, m.target.code) for m in e] for e in events]
    mentions = events[0]
    assert {m.source.code for m in mentions} == {"ISR MIL"}
    assert {m.target.country for m in mentions} == {"PSE"}
    assert any(m.fatalities == 4 for m in mentions)


def test_a_toll_of_the_doers_own_side_is_not_the_doers_act(coder):
    # the raiders' own wounded were hit by somebody else: not the raid's toll
    events = coder.code_text("Israeli commandos raided a house in Jenin on Monday. Three Israeli soldiers were "
                             "wounded.", published=PUBLISHED)
    wounded = [e for e in events if e.predicate == "wound"]
    assert len(wounded) == 1 and wounded[0].source.country != "ISR"


def test_a_toll_in_another_attack_or_a_subordinate_clause_is_its_own(coder):
    events = coder.code_text("Gunmen stormed a school in Kabul on Monday. In another attack in Herat, two "
                             "students were killed.", published=PUBLISHED)
    killed = [e for e in events if e.predicate == "kill"]
    assert len(killed) == 1 and killed[0].location.name.startswith("Her")
    events = coder.code_text("Gunmen opened fire on a bus in Kano on Monday. The gunfire came a week after "
                             "three worshippers were killed in a church bombing in Jos.", published=PUBLISHED)
    killed = [e for e in events if e.predicate == "kill"]
    assert killed and killed[0].location.name == "Jos"


def test_a_toll_in_an_act_named_by_its_doer_is_that_act(coder):
    events = _counted(coder, "Three civilians were killed in a Russian airstrike on Kharkiv on Monday.")
    assert [[(m.plover_type, m.source.code, m.target.country, m.fatalities) for m in e] for e in events] == [
        [("ASSAULT", "RUS MIL", "UKR", 3)]]
    (e,) = coder.code_text("Two people were killed in a church bombing on Monday.", published=PUBLISHED)
    assert (e.plover_type, e.target.sector, e.fatalities) == ("ASSAULT", "CVL", 2)
    # an act of another kind the toll is told during is no doer's act of force
    events = coder.code_text("Two journalists were injured during a visit by President Macron to Kyiv on Monday.",
                             published=PUBLISHED)
    assert all(e.source.country != "FRA" for e in events if e.plover_type == "ASSAULT")


def test_the_dead_and_wounded_of_one_act_are_one_event(coder):
    events = coder.code_text("Four pupils were killed and nine others wounded, the sheriff said.",
                             published=PUBLISHED)
    assert [(e.plover_type, e.fatalities) for e in events] == [("ASSAULT", 4)]
    # an active doer still makes two acts of two roots: "abducted ten and killed a teacher"
    events = coder.code_text("Rebels abducted ten villagers and killed a teacher on Monday.", published=PUBLISHED)
    assert sorted(e.cameo_code[:2] for e in events) == ["18", "19"]


def test_one_is_a_number_not_a_former_office(coder):
    (e,) = coder.code_text("One civilian was killed in Donetsk on Monday.", published=PUBLISHED)
    assert e.target.sector == "CVL"
    (e,) = coder.code_text("A roadside bomb killed one U.S. soldier near Kirkuk on Monday.", published=PUBLISHED)
    assert e.target.code == "USA MIL"
    (e,) = coder.code_text("Former President Obama met Pope Francis on Monday.", published=PUBLISHED)
    assert e.source.code == "USA ELI"


def test_a_plain_pronoun_acted_on_is_not_its_own_subject(coder):
    (e,) = coder.code_text("The Republicans urged them to stand firm.", published=PUBLISHED)
    assert (e.plover_type, e.source.code) == ("REQUEST", "USA PTY")
    assert e.target is None or e.target.code != "USA PTY"
    # an object pronoun still takes another actor the sentence names
    events = coder.code_text("Putin spoke to Erdogan and invited him to Moscow.", published=PUBLISHED)
    invite = next(e for e in events if e.predicate == "invite")
    assert invite.target.code == "TUR GOV"


def test_support_shown_or_lent_is_support(coder):
    (e,) = coder.code_text("Senate Republicans showed strong support for the budget plan.", published=PUBLISHED)
    assert (e.plover_type, e.source.code) == ("SUPPORT", "USA PTY")
    (e,) = coder.code_text("Russia lent its support to the Syrian government.", published=PUBLISHED)
    assert (e.plover_type, e.source.code, e.target.code) == ("SUPPORT", "RUS GOV", "SYR GOV")


def test_a_wish_put_to_another_actor_is_an_appeal(coder):
    events = coder.code_text("Israel hopes Hamas will accept the truce.", published=PUBLISHED)
    appeal = [e for e in events if e.plover_type == "REQUEST"]
    assert [(e.source.code, e.target.code) for e in appeal] == [("ISR GOV", "PSE REB")]
    assert coder.code_text("The minister hopes to win the vote.", published=PUBLISHED) == []


def test_a_habit_in_the_present_is_no_act(coder):
    (e,) = coder.code_text("Police regularly arrest protesters in Nairobi.", published=PUBLISHED)
    assert e.modality == "hypothetical"
    (e,) = coder.code_text("Police arrested protesters in Nairobi on Monday.", published=PUBLISHED)
    assert e.modality == "asserted"
    # what a standing text provides, told in the present, is no act either
    (e,) = coder.code_text("Security Council resolutions bar Iran from enriching uranium.", published=PUBLISHED)
    assert e.modality == "hypothetical"


def test_a_town_the_headline_names_and_the_body_places_is_the_storys_town(coder):
    from tacitus.records import Document

    doc = Document(doc_id="swindon", title="Swindon haulage firm hit by cyber attack",
                   text="A haulage firm has been hit by a cyber attack, its managers said.\n"
                        "The company, based in Swindon, said it was investigating the breach.\n"
                        "Its sister firm in Bristol said it was unaffected.", published=PUBLISHED)
    events = coder.code([doc])[0]
    assert events and {e.location.name for e in events} == {"Swindon"}
    # a headline word the body never names as a place is no town
    doc = Document(doc_id="reading", title="Reading the signs: firm hit by cyber attack",
                   text="A haulage firm has been hit by a cyber attack, its managers said.", published=PUBLISHED)
    (e,) = coder.code([doc])[0]
    assert e.location is None or e.location.name != "Reading"


def test_condemning_an_act_told_before_is_aimed_at_its_doer(coder):
    events = coder.code_text("Russian jets bombed the city of Aleppo on Monday. France condemned the attack.",
                             published=PUBLISHED)
    accuse = next(e for e in events if e.plover_type == "ACCUSE")
    assert (accuse.source.code, accuse.target.code) == ("FRA GOV", "RUS MIL")
    events = coder.code_text("Israeli troops arrested five Palestinians in Hebron on Monday. The Palestinian "
                             "Authority condemned the arrests.", published=PUBLISHED)
    accuse = next(e for e in events if e.plover_type == "ACCUSE")
    assert accuse.target.code == "ISR MIL"
    # not the condemner's own side's act
    events = coder.code_text("French jets bombed a depot in Mali on Monday. France defended the attack.",
                             published=PUBLISHED)
    assert all(e.target is None or e.target.country != "FRA" for e in events if e.sentence_index == 1)


def test_force_used_to_fight_somebody_somewhere_is_there(coder):
    (e,) = coder.code_text("Turkey stepped up its airstrikes to fight Kurdish militants in northern Iraq.",
                           published=PUBLISHED)
    assert e.plover_type == "ASSAULT" and e.location is not None and e.location.country == "IRQ"
    (e,) = coder.code_text("Zimbabwe police fired tear gas to break up a march in the capital Harare.",
                           published=PUBLISHED)
    assert e.location is not None and e.location.name == "Harare"


def test_they_who_go_on_speaking_are_the_speakers_of_the_sentence_before(coder):
    events = coder.code_text("Kenyan officials say Somali herders want to settle in Kenya because the drought ruined "
                             "their pastures. They also accuse Mogadishu of failing to police the frontier.",
                             published=PUBLISHED)
    accuse = [e for e in events if e.plover_type == "ACCUSE"]
    assert [(e.source.code, e.target.code) for e in accuse] == [("KEN GOV", "SOM GOV")]


def test_a_running_count_another_incident_or_a_background_act_takes_no_toll(coder):
    events = _counted(coder, "Israeli jets struck a house in Rafah on Monday. More than 30,000 Palestinians have "
                             "been killed in the war, the health ministry said.")
    assert len(events) == 2
    events = coder.code_text("Russian jets bombed a hospital in Idlib on Tuesday. Separately, two farmers were "
                             "killed, police said.", published=PUBLISHED)
    assert [e.source.country for e in events if e.sentence_index == 1] != ["RUS"]
    events = coder.code_text("Israeli jets struck Gaza on Monday after militants fired rockets at Sderot. Four "
                             "Palestinians were killed, medics said.", published=PUBLISHED)
    killed = [e for e in events if e.sentence_index == 1]
    assert killed and all(e.source.sector != "REB" and e.target.country == "PSE" for e in killed)


def test_the_other_side_of_one_country_and_civilians_take_the_toll(coder):
    events = _counted(coder, "The Rapid Support Forces shelled an army base in Omdurman on Monday. Ten Sudanese "
                             "soldiers were killed.")
    assert len(events) == 1 and events[0][0].source.sector == "PRM"
    events = _counted(coder, "Syrian government forces shelled a market in Idlib on Monday. Four Syrian civilians "
                             "were killed.")
    assert len(events) == 1
    events = coder.code_text("The PKK attacked a military base in Hakkari on Monday. Turkey condemned the attack.",
                             published=PUBLISHED)
    accuse = next(e for e in events if e.plover_type == "ACCUSE")
    assert (accuse.source.code, accuse.target.code) == ("TUR GOV", "TUR REB")


def test_a_wish_about_what_befalls_another_is_no_appeal(coder):
    assert coder.code_text("Netanyahu said he hoped Trump would win the election.", published=PUBLISHED) == []


def test_a_purpose_gives_force_its_place_not_its_date(coder):
    (e,) = coder.code_text("Rebels shelled the airport to attack the capital next month.", published=PUBLISHED)
    assert e.plover_type == "ASSAULT" and not (e.date or "").startswith("2023-04")


def test_mostly_is_no_habit_and_one_time_is_former(coder):
    (e,) = coder.code_text("Russian forces have generally withdrawn from the Kyiv region, the Pentagon said.",
                           published=PUBLISHED)
    assert e.modality == "asserted"
    (e,) = coder.code_text("Police arrested the one-time rebel commander in Juba on Monday.", published=PUBLISHED)
    assert e.target.sector == "ELI"


def test_review_cases_of_tolls_told_apart_or_in_another_act(coder):
    # a toll "in an ambush" is another act's, not the strike's told before it
    events = _counted(coder, "US drones struck militants in Somalia on Monday. Twelve Somali soldiers were killed "
                             "in an ambush, officials said.")
    assert len(events) == 2
    # a word of the attribution or a compound does not tell a toll apart
    events = _counted(coder, "Russian jets bombed a market in Idlib on Tuesday. Nine civilians were killed, a "
                             "Britain-based war monitor said.")
    assert len(events) == 1 and any(m.fatalities == 9 for m in events[0])
    # a running count in the perfect is no toll of the strike
    events = _counted(coder, "Israeli jets struck Gaza on Monday. More than 30,000 Palestinians have been killed, the "
                             "health ministry said.")
    assert len(events) == 2
    # the doer named on the act a toll is told in is the toll's
    (e,) = coder.code_text("Two policemen were killed in a Taliban ambush in Helmand on Monday.", published=PUBLISHED)
    assert (e.source.name, e.target.code, e.fatalities) == ("Taliban", "AFG COP", 2)
    # a date the parse hangs on a purpose clause is still the act's when it is not to come
    (e,) = coder.code_text("Israeli jets struck Rafah to destroy tunnels on Monday.", published=PUBLISHED)
    assert e.date == "2023-03-13"


def test_a_name_and_the_title_said_after_it_are_one_person(coder):
    events = coder.code_text("Gunmen killed four herders near the village, Musa Adamu, the state police spokesman "
                             "said in Jos. Adamu called on residents to remain calm.", published=PUBLISHED)
    request = [e for e in events if e.plover_type == "REQUEST"]
    assert [(e.source.code, e.source.name) for e in request] == [("NGA COP", "Musa Adamu")]


def test_a_call_or_a_walkout_named_again_is_aimed_at_who_made_it(coder):
    events = coder.code_text("The U.N. human rights chief on Tuesday urged Sri Lanka to repeal its anti-terrorism law. "
                             "Sri Lanka's foreign minister rejected the call on Wednesday.", published=PUBLISHED)
    assert [(e.plover_type, e.target.code if e.target else None) for e in events if e.sentence_index == 1] == [
        ("REJECT", "UNO GOV")]
    events = coder.code_text("Argentina's largest union federation staged a general strike on Wednesday. The "
                             "opposition Peronist bloc in Congress backed the walkout.", published=PUBLISHED)
    assert [(e.plover_type, e.source.code, e.target.code if e.target else None) for e in events
            if e.sentence_index == 1] == [("SUPPORT", "ARG OPP", "ARG LAB")]


@pytest.mark.parametrize("text, demanded", [
    # what another "needs to" or "has to" do, said, is asked of it, as "must" is; so is a "must" joined to the quote
    ("Rights groups said Egypt needs to free the detained journalists.", "EGY GOV"),
    ('"Belgrade has to stop the arrests," the Kosovo prime minister said on Monday.', "SRB GOV"),
    ('"Russia started this war and Moscow must end it," the Polish foreign minister said.', "RUS GOV"),
    ('"Our government must free the journalists," the Egyptian opposition leader said.', "EGY GOV"),
])
def test_what_another_needs_to_do_said_is_a_demand_of_it(coder, text, demanded):
    events = coder.code_text(text, published=PUBLISHED)
    assert "REQUEST" in [e.plover_type for e in events if e.target is not None and e.target.code == demanded]
    # the act asked for is not done
    assert not [e for e in events if e.plover_type == "RETREAT" and e.modality == "asserted"]


@pytest.mark.parametrize("text", [
    '"Our armed forces need to build on this success," the Kenyan minister said.',  # the speaker's own side
    "Witnesses said soldiers had to leave the town after the rebels attacked.",  # done, not asked
    "The Qatari mediator said Israel no longer needs to free more prisoners.",  # the obligation lifted
    "The Turkish minister said Greece does not have to pull its troops from the islands.",
    '"Police shot the protesters and they need to be punished," the opposition leader said.',  # done to them
    '"The shelling of the city has gone on for weeks and it must stop," the minister said.',  # "it": the shelling
])
def test_what_ones_own_side_must_do_or_what_was_done_is_no_demand(coder, text):
    assert "REQUEST" not in [e.plover_type for e in coder.code_text(text, published=PUBLISHED)]


@pytest.mark.parametrize("text", ["Police had to release the two journalists on Monday.",
                                  "Troops have had to release dozens of detainees since the truce."])
def test_what_one_had_to_do_was_done(coder, text):
    assert [(e.plover_type, e.modality) for e in coder.code_text(text, published=PUBLISHED)] == [
        ("RETREAT", "asserted")]


@pytest.mark.parametrize("text, act, modality", [
    # an act named as one known ("the abduction of ...") took place, whoever is blamed for it
    ("The rebel group was blamed for the kidnapping of two Cuban doctors in Mandera.", "ASSAULT", "asserted"),
    ("Two men were charged with the murder of a police officer in Karachi last year.", "ASSAULT", "asserted"),
    # ... but not one further down the accusation, nor one told as not done
    ("Two men were accused of planning the bombing of the embassy in Nairobi.", "ASSAULT", "hypothetical"),
    ("Police blamed the gang for the foiled attack on the bank in Lagos.", "ASSAULT", "hypothetical"),
    # an act one is accused of doing is only alleged
    ("Moscow accused Kyiv of shelling the power plant on Monday.", "ASSAULT", "hypothetical"),
])
def test_a_known_act_blamed_on_someone_took_place(coder, text, act, modality):
    assert (act, modality) in [(e.plover_type, e.modality) for e in coder.code_text(text, published=PUBLISHED)]


def test_the_one_blamed_for_a_known_act_is_not_made_its_doer(coder):
    # the act took place; who did it is only alleged, so the coder names nobody for it
    events = coder.code_text("Moscow blamed Kyiv for the drone attack on the Kremlin, which Kyiv denied.",
                             published=PUBLISHED)
    assert [(e.modality, e.source.sector) for e in events if e.plover_type == "ASSAULT"] == [("asserted", "UAF")]


@pytest.mark.parametrize("text, target", [
    # "them" acted on stands for the many named before it, not for a place ("in Nairobi")
    ("Police arrested 40 students in Nairobi and later released them.", "KEN EDU"),
    ("Malian soldiers stopped the farmers at a checkpoint and beat them.", "MLI AGR"),
])
def test_them_stands_for_the_many_named_before(coder, text, target):
    events = coder.code_text(text, published=PUBLISHED)
    assert [e.target.code for e in events if e.target is not None and e.target.text == "them"] == [target]
