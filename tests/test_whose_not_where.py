"""A country word that says whose or for whom is not where, and not who acts: "Canadian and Dutch warplanes", "a US
study" name the forces' and the study's country, not the place of the act; "a pro-Kurdish rally" is for
Kurds, not by them; coordinated country words name one party each; a continent is no town. Acts told in
the present for a day or week after the article are announced, not done. Team-written sentences."""

from __future__ import annotations

import pytest

from tacitus.coding import Coder
from tacitus.geo import Gazetteer
from tacitus.settings import Settings

PUBLISHED = "2023-03-14"  # a Tuesday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def _one(coder: Coder, text: str, published: str = PUBLISHED):
    events = coder.code_text(text, published=published)
    assert len(events) == 1, [(e.plover_type, e.source.code) for e in events]
    return events[0]


def test_a_country_modifying_what_is_dismissed_is_not_where_it_was_dismissed(coder):
    e = _one(coder, "Cuba dismissed the findings of a US academic study on Monday.")
    assert (e.plover_type, e.source.code, e.target.code) == ("REJECT", "CUB GOV", "USA EDU")
    assert e.location is None or e.location.country == "CUB"


def test_a_country_modifying_the_other_party_is_no_place_of_a_rejection(coder):
    e = _one(coder, "Kenya's cabinet turned down a bid for the national airline by a Qatar consortium on Monday.")
    assert e.plover_type == "REJECT" and e.source.code == "KEN GOV"
    assert e.location is None or e.location.country == "KEN"


def test_a_setting_noun_keeps_its_country_as_the_place(coder):
    e = _one(coder, "Protesters marched through the Kenya capital on Monday.")
    assert e.plover_type == "PROTEST"
    assert e.location is not None and e.location.country == "KEN"


def test_coordinated_country_words_name_one_party_each(coder):
    e = _one(coder, "Canadian and Dutch warplanes bombed Serbian radar sites on Sunday.")
    assert (e.plover_type, e.source.code, [a.code for a in e.also_sources]) == ("ASSAULT", "CAN MIL", ["NLD MIL"])
    met = _one(coder, "Israeli and Palestinian negotiators met in Cairo on Monday.")
    assert (met.plover_type, met.source.code, met.target.code) == ("CONSULT", "ISR GOV", "PSE GOV")
    assert met.location.name == "Cairo"
    # each party is read with the head: Kurdish officials are not Iraq's, Iraqi officials are its government
    met = _one(coder, "Kurdish and Iraqi officials met in Erbil on Monday.")
    assert (met.source.code, met.target.code) == ("KUR REB", "IRQ GOV")


def test_a_coordinated_name_is_one_body(coder):
    e = _one(coder, "Immigration and Customs Enforcement deported two men to Ghana on Monday.")
    assert e.source.code == "USA COP"


@pytest.mark.parametrize("text", ["A pro-Kurdish rally was held in Cologne on Saturday.",
                                  "An anti-Russian demonstration was held in Cologne on Saturday."])
def test_a_stance_word_is_not_the_protesters_country(coder, text):
    e = _one(coder, text)
    assert e.plover_type == "PROTEST"
    assert e.source.country == "DEU"  # people in Cologne, not Kurds or Russians
    assert e.location is not None and e.location.text == "Cologne"


def test_the_country_word_without_a_stance_still_names_the_protesters(coder):
    assert _one(coder, "A Kurdish rally was held in Cologne on Saturday.").source.country == "KUR"


def test_a_continent_is_no_town_and_a_province_keeps_its_name():
    g = Gazetteer()
    assert g.resolve("Asia") is None and g.resolve("Africa") is None and g.resolve("the Gulf") is None
    gulf = g.resolve("Gulf Province")
    assert (gulf.country, gulf.precision) == ("PNG", "admin1")


@pytest.mark.parametrize("text,date", [("The foreign ministers of Chile and Peru meet in Lima next week.", "2023-03-20"),
                                       ("Chile and Peru hold border talks in Lima on March 17.", "2023-03-17"),
                                       ("Border talks between Chile and Peru are held in Lima on March 17.",
                                        "2023-03-17")])
def test_a_meeting_told_in_the_present_for_a_later_day_is_announced(coder, text, date):
    e = _one(coder, text)
    assert (e.plover_type, e.cameo_code, e.modality) == ("AGREE", "036", "asserted")
    assert e.date == date


def test_a_meeting_told_in_the_past_keeps_its_day(coder):
    e = _one(coder, "Chile and Peru held border talks in Lima on March 10.")
    assert (e.plover_type, e.modality, e.date) == ("CONSULT", "asserted", "2023-03-10")


def test_harm_told_in_the_present_for_next_week_is_a_threat(coder):
    e = _one(coder, "Rebels launch an offensive on Goma next week, their commander says.")
    assert e.plover_type == "THREATEN" and e.modality == "asserted"


@pytest.mark.parametrize("text,kind", [("Police arrest 40 opposition activists ahead of the March 20 election.",
                                        "COERCE"),
                                       ("Authorities impose a curfew in Goma until March 20.", "COERCE"),
                                       ("Iran warns of retaliation next week.", "THREATEN")])
def test_a_bound_or_a_statement_made_today_is_no_announcement(coder, text, kind):
    e = _one(coder, text)
    assert (e.plover_type, e.modality) == (kind, "asserted")


def test_a_publication_date_without_dashes_is_read(coder):
    e = _one(coder, "Chile and Peru hold border talks in Lima on March 17.", published="20230314")
    assert (e.plover_type, e.modality) == ("AGREE", "asserted")


def test_coordinated_acts_of_one_kind_by_one_doer_are_one_event_listing_the_victims(coder):
    e = _one(coder, "Gunmen killed three villagers and wounded five policemen in Kaduna on Monday.")
    assert (e.plover_type, e.target.code, [a.code for a in e.also_targets]) == ("ASSAULT", "NGA CVL", ["NGA COP"])
    assert e.fatalities == 3
    # acts of other codes stay apart, each with its toll
    both = coder.code_text("Gunmen abducted ten schoolgirls and killed a teacher in Katsina on Monday.",
                           published=PUBLISHED)
    assert sorted((e.cameo_code, e.fatalities) for e in both) == [("181", None), ("193", 1)]


def test_a_party_named_in_a_phrase_of_setting_is_also_the_place(coder):
    e = _one(coder, "Chadian troops conducted a military operation in northern Nigeria on Monday.")
    assert (e.plover_type, e.target.country) == ("ASSAULT", "NGA")
    assert e.location is not None and e.location.country == "NGA"


def test_a_body_named_with_its_town_acts_there(coder):
    e = _one(coder, "Mombasa police arrested 20 protesters on Monday.")
    assert e.source.code == "KEN COP"
    assert e.location is not None and (e.location.name, e.location.basis) == ("Mombasa", "clause")
    # a town of that name in two countries: the story's tells which
    court = coder.code_text("Nigerian police arrested ten people in Abuja on Sunday. The Lagos High Court on Monday "
                            "sentenced two men to death for robbery.", published=PUBLISHED)[-1]
    assert court.source.code == "NGA JUD" and court.location.name == "Lagos"


@pytest.mark.parametrize("text", ["The Central Government banned the protest on Monday.",
                                  "The Union Home Ministry banned the protest on Monday.",
                                  "The Mission Police arrested 20 protesters on Monday.",
                                  "The Cleveland administration imposed tariffs on Canada on Monday."])
def test_a_common_word_or_a_leader_s_name_in_a_body_s_name_is_no_town(coder, text):
    e = _one(coder, text)
    assert e.source.country is None
    assert e.location is None or e.location.precision == "country"


def test_a_place_of_the_act_outranks_the_body_s_town(coder):
    e = _one(coder, "Mombasa police arrested 20 protesters in Malindi on Monday.")
    assert e.location.name == "Malindi"


@pytest.mark.parametrize("text,target", [("Kenya vowed not to negotiate with the Shabaab.", "SOM REB"),
                                         ("The Chadian minister pledged never to meet the rebels again.", "REB")])
def test_cooperation_promised_never_to_come_is_a_refusal(coder, text, target):
    e = _one(coder, text)
    assert (e.plover_type, e.cameo_code) == ("REJECT", "120")
    assert e.target is not None and e.target.code.endswith(target)


def test_restraint_promised_is_no_threat(coder):
    e = _one(coder, "The rebels vowed not to attack civilians in Goma.")
    assert e.plover_type == "AGREE" and e.cameo_code == "030"


def _story(coder: Coder, text: str):
    from tacitus.records import Document

    [events] = coder.code([Document(doc_id="story", text=text, published=PUBLISHED)])
    return events


def test_force_suffered_during_an_operation_told_before_is_its_doer_s(coder):
    events = _story(coder, "Turkish commandos raided rebel hideouts in northern Iraq on Monday.\n"
                           "Twelve PKK fighters were killed during the operation, officials said.")
    killed = [e for e in events if e.sentence_index == 1]
    assert [(e.plover_type, e.source.code, e.target.code) for e in killed] == [("ASSAULT", "TUR MIL", "TUR REB")]
    # the raiders' own wounded were hit by the other side; an attack by gunmen nobody names names nobody again
    events = _story(coder, "Chadian commandos raided a rebel camp in northern Nigeria on Sunday.\n"
                           "Four Chadian soldiers were wounded during the operation, a spokesman said.\n"
                           "Gunmen attacked a village in Zamfara on Friday.\n"
                           "Five villagers were killed in the attack.")
    assert all(e.source.code != "TCD MIL" for e in events if e.sentence_index in (1, 3))


def test_a_state_hosting_in_its_own_capital_meets_nobody_there(coder):
    events = coder.code_text("Oman said it had hosted talks between Saudi and Iranian envoys in Muscat last week.",
                             published=PUBLISHED)
    hosted = [(e.source.code, e.target.code if e.target else None) for e in events if e.predicate == "host"]
    assert hosted == [("OMN GOV", None)]
    # a visitor to the same town still meets its state there, a town the tagger took for a person included
    e = _one(coder, "The Iranian foreign minister visited Muscat on Monday.")
    assert (e.source.code, e.target.code.split()[0], e.location.name, e.location.basis) == (
        "IRN GOV", "OMN", "Muscat", "clause")
