"""Where and when on whole articles (issue 16): one short team-written article per failure shape - the speaker's
topic or another mention taken for the place, a stated place left unattached, qualifiers, country-level places,
dates from the wrong clause, datelines, history stamped with the publication date, titles, undated inputs."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.records import Document
from tacitus.settings import Settings

PUBLISHED = "2023-03-15"  # a Wednesday


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def code(coder, text, published=PUBLISHED, title=None):
    doc = Document(doc_id="t", text=text, title=title, published=published)
    return [e for e in coder.code([doc])[0] if e.modality == "asserted"]


def where(e):
    return (e.location.name, e.location.country, e.location.basis) if e.location else None


# ---- the speaker's topic or another mention becomes the place -------------------------------------------------
def test_a_speech_is_placed_at_its_venue_not_in_the_countries_it_is_about(coder):
    events = code(coder, "Chinese President Xi Jinping praised Vietnam and Laos in a speech in Da Nang on Friday.")
    assert {where(e)[:2] for e in events} == {("Da Nang", "VNM")}
    events = code(coder, "Speaking at a summit in Da Nang on Friday, the Chinese president praised Vietnam.")
    praise = next(e for e in events if e.plover_type == "SUPPORT")
    assert where(praise) == ("Da Nang", "VNM", "venue")


def test_a_meeting_about_a_country_is_not_placed_in_it(coder):
    events = code(coder, "The UN Security Council met in New York on Tuesday to discuss the situation in Syria.")
    assert events and all(e.location.country == "USA" for e in events)


def test_a_place_told_with_a_verb_of_saying_is_not_the_place_of_what_is_said(coder):
    [withdrawal] = code(coder, "Egypt's foreign minister announced in Cairo on Monday that Israel withdrew its "
                               "troops from Lebanon.")
    assert withdrawal.plover_type == "RETREAT" and (withdrawal.location is None
                                                    or withdrawal.location.country != "EGY")
    assert withdrawal.date == "2023-03-13"  # what is announced on Monday happened by then
    # nor is a place in the speaker's title: the county is the sheriff's, not the killing's
    [killing] = code(coder, "Two students were killed at a school, said San Diego County Sheriff Bill Kolender.")
    assert killing.location is None or killing.location.name != "California"


def test_every_act_of_a_forum_at_the_un_is_at_its_headquarters(coder):
    text = ("UNITED NATIONS, March 14 (Xinhua) -- Diplomats from forty countries met at a forum on water security "
            "on Tuesday.\n\nThe Kenyan ambassador urged rich countries to fund new dams.\n\n"
            "Brazil's envoy praised the Kenyan proposal.")
    events = code(coder, text)
    assert len(events) >= 3
    assert {(e.location.name, e.location.country) for e in events} == {("New York City", "USA")}
    assert not any("UNITED" in e.source.text for e in events)


# ---- a place the article states is not attached ---------------------------------------------------------------
def test_a_place_named_by_a_possessor_or_by_there_is_attached(coder):
    appeal, deployment = code(coder, "The UN envoy appealed for calm during Liberia's run-off on Tuesday.\n\n"
                                     "UN peacekeepers deployed there patrolled the streets.")
    assert (appeal.plover_type, appeal.location.country) == ("REQUEST", "LBR")
    assert (deployment.location.country, deployment.location.text) == ("LBR", "there")


def test_a_town_the_tagger_takes_for_a_work_of_art_is_a_place(coder):
    [seizure] = code(coder, "Troops seized the royal palace at Versailles in 1789.")
    assert (seizure.location.name, seizure.location.country) == ("Versailles", "FRA")


def test_the_city_named_before_a_possessors_country_and_a_town_naming_a_thing(coder):
    clash, attack = code(coder, "Lebanese soldiers clashed with gunmen in Tripoli, northern Lebanon, on Saturday, "
                                "a day after militants attacked an army post in the city.", published="2014-11-03")
    assert (attack.location.country, attack.location.text) == ("LBN", "the city")
    assert (clash.date, attack.date) == ("2014-11-01", "2014-10-31")  # "a day after" a clause of its own
    # "Pakistan's parties" say whose parties, not where they met: the dateline's town
    [backing] = code(coder, "ISLAMABAD: Leaders of Pakistan's main parties on Monday backed the government.")
    assert (backing.location.name, backing.location.basis) == ("Islamabad", "dateline")
    [killing] = code(coder, "Gunmen killed six passengers in an attack on a Quetta bus.")
    assert (killing.location.name, killing.location.country) == ("Quetta", "PAK")


# ---- qualifiers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, country, precision, words", [
    ("Lebanese soldiers raided a camp on the outskirts of Tripoli on Monday.", "Tripoli", "LBN", "city",
     "the outskirts of Tripoli"),
    ("Gunmen attacked a checkpoint in Tripoli, northern Lebanon, on Monday.", "Tripoli", "LBN", "city",
     "Tripoli, northern Lebanon"),
    ("Police arrested ten protesters in Idlib province.", "Idlib", "SYR", "admin1", "Idlib province"),
    ("Iraqi forces clashed with militants in the northern province of Nineveh.", "Nineveh", "IRQ", "admin1",
     "the northern province of Nineveh"),
    ("Rebels shelled a village 20 km north of Kirkuk.", "Kirkuk", "IRQ", "city", "20 km north of Kirkuk"),
    ("Police arrested a man at his Berlin, Vermont, home.", "Vermont", "USA", "admin1", "Berlin, Vermont"),
])
def test_qualifiers_are_read_and_the_place_words_kept(coder, text, name, country, precision, words):
    [e] = code(coder, text)
    assert (e.location.name, e.location.country, e.location.precision, e.location.text) == (name, country,
                                                                                           precision, words)


# ---- country-level places -------------------------------------------------------------------------------------
def test_a_domestic_act_with_no_place_is_placed_at_country_level_with_no_point_in_acled(coder, tmp_path):
    import pandas as pd

    from tacitus.store import EventStore

    text = "Chilean police arrested dozens of students on Monday."
    [e] = code(coder, text)
    assert (e.location.country, e.location.precision, e.location.basis) == ("CHL", "country", "actors")
    with EventStore(tmp_path / "s.duckdb") as store:
        store.add_document(Document(doc_id="t", text=text, published=PUBLISHED), [e])
        store.export("acled", tmp_path / "a.csv")
    row = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False).iloc[0]
    assert (row["country"], row["latitude"], row["longitude"]) == ("Chile", "", "")


# ---- dates from the wrong clause ------------------------------------------------------------------------------
def test_a_date_belongs_to_its_own_clause(coder):
    [killing] = code(coder, "Gunmen killed 30 villagers in 2019 in a land dispute that began in 1952.")
    assert (killing.date, killing.date_precision) == ("2019", "year")
    [conviction] = code(coder, "A military court convicted the bomber on Monday, in a trial before commissions "
                               "that were announced in November 2001.")
    assert conviction.plover_type == "SANCTION" and conviction.date == "2023-03-13"


def test_an_act_told_as_the_purpose_of_a_dated_occasion_takes_its_date(coder):
    # "spoke at a rally" is no event of its own (nobody spoken to); the urging it was for happened then
    [urging] = code(coder, "In February, the Kano governor spoke at a rally to urge the police to arrest the attackers.")
    assert (urging.plover_type, urging.date, urging.date_precision) == ("REQUEST", "2023-02", "month")
    # a purpose clause takes the occasion's date, not its place: the talks are where the meeting is
    [talks] = code(coder, "On Monday, the Kenyan president met opposition leaders in Nairobi to discuss the vote.")
    assert (talks.date, where(talks)[0]) == ("2023-03-13", "Nairobi")


def test_a_wire_bureau_dateline_is_where_the_story_was_filed_not_where_its_acts_happen(coder):
    text = ("NAIROBI, March 14 (Xinhua) -- Gunmen killed four herders in Marsabit on Monday, a police spokesman "
            "said.\n\nPolice later arrested two suspects.")
    arrest = next(e for e in code(coder, text) if e.plover_type == "COERCE")
    assert where(arrest) == ("Marsabit", "KEN", "document")  # an act at home, placed where the story is


def test_a_year_and_a_toll_belong_to_the_bombing_not_to_the_condemnation_of_a_tweet_about_it(coder):
    events = code(coder, "The minister on Tuesday condemned a tweet about the 1979 bombing that killed 18 people.")
    condemnation = next(e for e in events if e.plover_type == "ACCUSE")
    assert (condemnation.date, condemnation.fatalities, condemnation.historical) == ("2023-03-14", None, False)
    bombing = next(e for e in events if e.plover_type == "ASSAULT")
    assert (bombing.date, bombing.fatalities, bombing.historical) == ("1979", 18, True)


def test_a_clause_of_when_tells_where_the_act_happened_and_an_abbreviation_ends_no_sentence(coder):
    events = code(coder, "CAIRO: Three civilians were killed on Sunday and 22 people injured, including several "
                         "children, when a rocket slammed into the restive Sinai peninsula.", published="2020-01-01")
    assert {(e.location.name, e.location.country) for e in events} == {("Sinai", "EGY")}
    [shooting] = code(coder, "The woman admitted that on Aug. 7, 2015, she shot a social worker in her office.")
    assert (shooting.date, shooting.historical) == ("2015-08-07", True)


# ---- datelines ------------------------------------------------------------------------------------------------
def test_a_dateline_dates_and_places_the_story_and_is_no_actor(coder):
    text = ("BAGHDAD, May 29 (Xinhua) -- Iraqi security forces on Wednesday clashed with militants in the "
            "northern province of Nineveh, killing 14 militants.\n\nThe Iraqi interior minister condemned the "
            "militants.")
    clash, condemnation = code(coder, text, published="2019-06-02")
    assert (clash.source.code, clash.date, clash.fatalities) == ("IRQ MIL", "2019-05-29", 14)
    assert (condemnation.location.name, condemnation.location.basis) == ("Baghdad", "dateline")
    # undated, it takes the day of the act the story leads with
    assert (condemnation.date, condemnation.date_precision) == ("2019-05-29", "story")
    # without a publication date, a year in the title fixes the dateline's date
    [clash, condemnation] = code(coder, text, published=None, title="Iraqi forces kill 14 militants in 2019 raid")
    assert (clash.date, condemnation.date) == ("2019-05-29", "2019-05-29")


def test_a_visitor_meeting_the_host_meets_at_the_dateline(coder):
    [met] = code(coder, "LUSAKA (Reuters) - Malawi's president met Zambia's president on Tuesday.")
    assert (met.source.code, met.target.code, where(met)) == ("MWI GOV", "ZMB GOV", ("Lusaka", "ZMB", "dateline"))
    # not a call, which neither side makes at the other's capital, nor a meeting at an occasion told elsewhere
    [call] = code(coder, "LUSAKA (Reuters) - Malawi's president spoke by phone with Zambia's president on Tuesday.")
    assert call.plover_mode == "phone" and where(call) is None
    met = code(coder, "LUSAKA (Reuters) - Malawi's president met Zambia's president on the sidelines of a summit "
                      "on Tuesday.")
    assert all(where(e) != ("Lusaka", "ZMB", "dateline") for e in met if e.plover_type == "CONSULT")


def test_a_date_only_dateline_and_a_title_timestamp_date_the_story(coder):
    [e] = code(coder, "March 5, 2001 -- Police arrested a gunman at a school in Santee this morning.",
               published=None)
    assert (e.date, e.date_precision) == ("2001-03-05", "day")
    events = code(coder, "The union said it would keep talking.", published=None,
                  title="1995-04-30 04:00:00 PDT OAKLAND -- Transit workers went on strike Saturday night")
    strike = next(e for e in events if e.from_title)
    assert (strike.plover_type, strike.date, strike.sentence_index) == ("PROTEST", "1995-04-29", -1)
    assert (strike.location.name, strike.location.basis) == ("Oakland", "dateline")


def test_the_day_a_title_gives_dates_the_body_that_tells_the_act_again_without_one(coder):
    title = "1997-06-01 03:30:00 PDT FRESNO -- Bus drivers and the county reached an agreement Saturday night"
    [deal] = code(coder, "A mediator said the bus drivers and the county have reached an agreement on wages.",
                  published=None, title=title)
    assert (deal.plover_type, deal.sentence_index, deal.date, deal.date_precision) == ("SUPPORT", 0, "1997-05-31", "day")


# ---- history kept apart ---------------------------------------------------------------------------------------
def test_a_history_paragraph_gets_no_publication_date(coder, tmp_path):
    from tacitus.store import EventStore

    text = ("Police arrested two protesters in Kigali on Tuesday.\n\n"
            "In 1994, militias massacred 800 villagers near the town, and soldiers burned the church. "
            "Militias also killed 40 teachers.\n\nRebels attacked the town decades ago.")
    events = code(coder, text)
    news = [e for e in events if not e.historical]
    history = [e for e in events if e.historical]
    assert [(e.plover_type, e.date) for e in news] == [("COERCE", "2023-03-14")]
    assert len(history) >= 3 and all(e.date_precision != "published" for e in history)
    assert {e.date for e in history} == {"1994", None}
    with EventStore(tmp_path / "h.duckdb") as store:
        store.add_document(Document(doc_id="t", text=text, published=PUBLISHED), events)
        assert store.export("acled", tmp_path / "today.csv") == 1  # history is left out of today's exports
        assert store.export("acled", tmp_path / "all.csv", include_historical=True) == 1 + len(history)


def test_acts_told_as_part_of_earlier_ones_of_their_kind_are_history(coder):
    text = ("Gunmen killed six members of a family in Riyom on Monday.\n\n"
            "Many, especially women and children, have been murdered in previous attacks. Dozens were killed in "
            "earlier clashes between herders and farmers.")
    events = code(coder, text)
    assert [(e.plover_type, e.date) for e in events if not e.historical] == [("ASSAULT", "2023-03-13")]
    history = [e for e in events if e.historical]
    assert len(history) == 2 and all(e.date is None for e in history)


def test_history_by_actors_of_no_state_is_placed_in_the_storys_country(coder):
    events = code(coder, "Rwandan soldiers arrested two men in Kigali on Sunday.\n\n"
                         "In 1994, militias killed 800,000 people.")
    killing = next(e for e in events if e.historical)
    assert (killing.location.country, killing.location.precision, killing.date) == ("RWA", "country", "1994")


def test_background_reaches_a_relative_clause_and_a_running_count_is_no_toll(coder):
    [killing] = code(coder, "The province was divided at partition, becoming the centre of violence in which a "
                            "million people were killed.")
    assert (killing.historical, killing.date_precision, killing.fatalities) == (True, "unknown", 1000000)
    events = code(coder, "Since then 1,400 people have been killed in street clashes, and police have jailed "
                         "15,000 protesters.")
    assert events and all(e.fatalities is None for e in events)


# ---- titles ---------------------------------------------------------------------------------------------------
def test_a_title_the_body_does_not_repeat_is_coded_as_the_lead(coder):
    events = code(coder, "Officials said the toll could rise.\n\nThe province has a long border with Iran.",
                  title="Gunmen kill six in attack on Quetta bus; governor condemns killings")
    assert {(e.plover_type, e.from_title, e.sentence_index) for e in events} == {("ASSAULT", True, -1),
                                                                              ("ACCUSE", True, -1)}
    events = code(coder, "Gunmen attacked a bus in Quetta on Monday, killing six passengers.",
                  title="Gunmen attack bus in Quetta")
    assert [(e.plover_type, e.from_title) for e in events] == [("ASSAULT", False)]
    # a body that retells the title's act without its place takes the place from the title
    [e] = code(coder, "KARACHI: Police detained 20 activists on Friday.", title="Police detain 20 activists in Quetta")
    assert (e.from_title, e.location.name, e.location.basis) == (False, "Quetta", "title")


# ---- the story's date -----------------------------------------------------------------------------------------
STORY = ("Kenyan police on Monday arrested 12 protesters in Nairobi.\n\nThe protesters had blocked a highway "
         "for hours.\n\nPolice also detained two journalists.")


def test_acts_told_later_without_a_date_take_the_day_the_story_leads_with(coder):
    events = code(coder, STORY, published="2024-05-08")  # a Wednesday: the arrests were on Monday the 6th
    assert [(e.date, e.date_precision) for e in events] == [("2024-05-06", "day"), ("2024-05-06", "story"),
                                                            ("2024-05-06", "story")]


@pytest.mark.parametrize("lead, published", [
    ("Kenyan police arrested 12 protesters in Nairobi in March 2019.", "2024-05-08"),  # history dates no story
    ("Kenyan police will arrest the protest leaders on Friday.", "2024-05-08"),  # nor a day still to come
    ("Kenyan police on Monday arrested 12 protesters in Nairobi.", None),  # nor a day with no article date
])
def test_a_lead_that_is_history_to_come_or_undated_news_dates_no_story(coder, lead, published):
    events = code(coder, lead + "\n\nPolice also detained two journalists.", published=published)
    assert events[-1].date_precision == ("published" if published else "unknown")


def test_a_weekday_in_a_clause_of_the_future_is_the_one_to_come(coder):
    # published on Wednesday 8 May 2024
    [threat] = code(coder, "Kenyan police will arrest the protest leaders on Friday.", published="2024-05-08")
    [arrest] = code(coder, "Kenyan police arrested the protest leaders on Friday.", published="2024-05-08")
    [last] = code(coder, "Kenyan police arrested the protest leaders last Friday.", published="2024-05-08")
    assert (threat.date, arrest.date, last.date) == ("2024-05-10", "2024-05-03", "2024-05-03")


def test_force_told_with_no_place_goes_on_where_the_story_last_used_force_not_at_the_dateline(coder):
    text = ("NAIROBI: Kenyan troops raided an al-Shabaab camp near Kismayo in southern Somalia overnight, the army "
            "said on Sunday.\n\nThree soldiers were wounded during the raid, a military spokesman said.\n\n"
            "The Kenyan president will meet the Ugandan president on Monday.")
    events = code(coder, text)
    wounded = [e for e in events if e.plover_type == "ASSAULT" and e.sentence_index == 1]
    assert [where(e)[1:] for e in wounded] == [("SOM", "document")]
    # the attackers nobody names are the country's where it happened, not the dateline's
    assert [e.source.country for e in wounded] == ["SOM"]
    # an act of saying or meeting is not carried along
    meeting = next(e for e in events if e.plover_type in ("AGREE", "CONSULT"))
    assert where(meeting) is None or where(meeting)[1] == "KEN"


def test_an_act_told_of_a_place_of_an_act_of_its_kind_was_part_of_it_then(coder):
    text = "Kenya suffered major attacks in 2014, including at a mall in Nairobi, where 67 people were killed."
    killed = [e for e in code(coder, text) if e.predicate == "kill"]
    assert [(e.date, e.date_precision, e.historical, e.fatalities) for e in killed] == [("2014", "year", True, 67)]
    # told of a place of an act of another kind, it is not that act's (here it takes the story's day instead)
    text = "Hundreds of Kenyans demonstrated on Tuesday in Nairobi, where 67 people were killed."
    killed = [e for e in code(coder, text) if e.predicate == "kill"]
    assert [e.date_precision for e in killed] == ["story"]


# ---- a domestic act placed nowhere in its sentence ----------------------------------------------------------
def test_a_local_act_placed_nowhere_happened_in_the_town_the_story_is_about(coder):
    text = ("Police appealed for witnesses after a van struck a man on Kirkstall Road on Friday. Officers "
            "were in Leeds on Saturday, and a councillor from Leeds said the road was dangerous.")
    events = code(coder, text, title="Van driven at pedestrians in Leeds")
    appeal = next(e for e in events if e.plover_type == "REQUEST")
    assert (appeal.source.code, where(appeal)) == ("GBR COP", ("Leeds", "GBR", "document"))
    # a national body acting at home is not placed in the town its decision concerns
    text = ("The Iraqi parliament rejected the decision of the Kirkuk council. Kirkuk officials said they would "
            "appeal. Residents of Kirkuk protested.")
    reject = next(e for e in code(coder, text) if e.plover_type == "REJECT")
    assert where(reject) is None or where(reject)[2] != "document"


def test_officials_and_courts_acting_at_home_act_in_the_story_s_town(coder):
    # officials, police, prosecutors and courts act where the story is: the officials blaming the owners of a burnt
    # hotel are the town's, not the centroid of their country
    text = ("A fire swept through a hotel in Quezon City in the Philippines early on Friday, killing 20 guests. "
            "Firefighters from Quezon City fought the blaze for five hours. Philippine officials blamed the hotel's "
            "owners for the deaths. The Philippine president promised an inquiry.")
    events = code(coder, text)
    blame = next(e for e in events if e.plover_type == "ACCUSE")
    assert (blame.source.code, where(blame)) == ("PHL GOV", ("Quezon City", "PHL", "document"))
    # ... but a leader the actor knowledge holds acts from the capital, not in that town
    promise = next(e for e in events if e.plover_type == "AGREE")
    assert where(promise) is None or where(promise)[0] != "Quezon City"


def test_a_surname_once_a_village_s_name_does_not_set_the_story_abroad(coder):
    # "Rosenfeld" is an old name of a Ukrainian village: a person of that name makes no Ukrainian story (the story's
    # setting reads such names strictly), so the airline's people are American
    text = ("Rosenfeld and his lawyer called the airline's new restriction unlawful. Rosenfeld said the airline "
            "violated federal law when he flew out of Tampa, Fla. Rosenfeld wants an apology. Rosenfeld flew home "
            "on Monday.")
    events = code(coder, text)
    accusation = next(e for e in events if e.plover_type == "ACCUSE")
    assert accusation.target.code == "USA BUS"
    assert not [e for e in events if "UKR" in (e.source.country, e.target.country if e.target else None)]


def test_an_act_told_in_the_present_happens_on_the_day_the_story_is_told(coder):
    events = code(coder, "Philippine officials blame the hotel's owners for the deaths of 75 people.")
    assert [(e.plover_type, e.date, e.date_precision) for e in events] == [("ACCUSE", PUBLISHED, "day")]
    # told in the past and undated, it happened at some time before: the publication date only stands in
    e = code(coder, "Philippine officials blamed the hotel's owners for the deaths of 75 people.")[0]
    assert (e.date, e.date_precision) == (PUBLISHED, "published")
    # a headline's present tells the past
    e = code(coder, "The ministry gave no details on Monday.", title="Kenya demands apology from Uganda")[0]
    assert (e.plover_type, e.from_title, e.date_precision) == ("REQUEST", True, "published")


def test_a_country_a_place_borders_is_its_neighbour_not_where_the_act_happened(coder):
    text = ("At least six people were killed on Monday when a bomb tore into a crowded market in a northern "
            "Afghan province on the border with Turkmenistan, officials said.")
    e = next(e for e in code(coder, text) if e.plover_type == "ASSAULT")
    assert where(e) is None or where(e)[1] != "TKM"
    assert e.target.country != "TKM" and e.fatalities == 6


def test_a_town_the_tagger_reads_as_part_of_a_body_s_name_still_sets_the_story(coder):
    text = ("Lawyers of the Mysuru Bar Association boycotted the courts on Monday. The president of the Mysuru Bar "
            "Association said the association would meet again on Friday.")
    protest = next(e for e in code(coder, text) if e.plover_type == "PROTEST")
    assert (protest.source.code, protest.source.country_basis) == ("IND SOC", "setting")
    assert where(protest) == ("Mysuru", "IND", "document")
    # an airline or a telecom named like a town sets nothing: only a body's name ending in a sector's word counts
    events = code(coder, "Delta Air Lines cancelled flights on Monday and unions protested.")
    assert [(e.plover_type, e.source.code) for e in events] == [("PROTEST", "LAB")]


def test_a_participle_telling_the_same_strike_again_takes_its_clause_s_place_and_day(coder):
    events = code(coder, "Early on Thursday, a Russian strike hit a suburb of western Kharkiv, targeting a church "
                         "and killing 9 people, officials said.")
    e = next(e for e in events if e.plover_type == "ASSAULT" and e.fatalities)
    assert (where(e)[:2], e.date, e.target.code, e.fatalities) == (("Kharkiv", "UKR"), "2023-03-09", "UKR REL", 9)
    # strikes that kill are military; the clause they are the subject of says where and when
    e = next(e for e in code(coder, "Russian strikes killed 16 people in Idlib on Monday.")
             if e.plover_type == "ASSAULT")
    assert (e.source.country, where(e)[:2], e.date) == ("RUS", ("Idlib", "SYR"), "2023-03-13")


def test_the_weekend_told_of_is_the_one_just_gone_or_in_a_future_clause_the_coming_one(coder):
    # PUBLISHED is a Wednesday: the weekend just gone is in the week of Monday 6 March, the coming one of 13 March
    e = next(e for e in code(coder, "Protesters clashed with police over the weekend in Tel Aviv.")
             if e.plover_type == "ASSAULT")
    assert (e.date, e.date_precision) == ("2023-03-06", "week")
    e = next(e for e in code(coder, "The Israeli and Egyptian foreign ministers will meet at the weekend in Cairo.")
             if e.plover_type in ("AGREE", "CONSULT"))
    assert (e.date, e.date_precision) == ("2023-03-13", "week")


def test_a_header_s_weekday_says_which_number_of_its_date_is_the_day(coder):
    from tacitus.records import Document as Doc
    # 02/07/12 is Monday 2 July 2012 read day first, Tuesday 7 February read month first: the weekday decides
    text = ("REGIONAL PRESS, Mon.\n02/07/12: Farmers blocked a highway near Rosario over the weekend to protest "
            "against new export taxes.")
    events = [e for e in coder.code([Doc(doc_id="w", text=text)])[0] if e.modality == "asserted"]
    protest = next(e for e in events if e.plover_type == "PROTEST")
    assert (protest.date, protest.date_precision) == ("2012-06-25", "week")
    # a header whose weekday fits neither reading stamps nothing
    text = "REGIONAL PRESS, Sun.\n02/07/12: Farmers blocked a highway near Rosario over the weekend."
    events = [e for e in coder.code([Doc(doc_id="x", text=text)])[0] if e.modality == "asserted"]
    assert events and all(e.date is None for e in events)

def test_a_town_the_headline_names_as_an_organisation_is_the_story_s_home_town(coder):
    events = code(coder, "A man has been arrested after shots were fired at a police station on Sunday night. The "
                         "station, near the centre of Stockport, was closed on Monday. Detectives appealed for "
                         "witnesses to come forward.", title="Shots fired at Stockport police station")
    assert {where(e) for e in events} == {("Stockport", "GBR", "document")}


def test_a_town_of_many_names_is_the_story_s_and_a_police_force_tells_the_setting(coder):
    # Bethlehem is also Belem in Brazil by an alternate name: in a story from the West Bank it is the West Bank's
    events = code(coder, "Israeli troops entered Hebron on Monday. Palestinian officials in Ramallah condemned the "
                         "raid. Later, Israeli soldiers raided Bethlehem.")
    raid = [e for e in events if e.target is not None and e.target.text == "Bethlehem"]
    assert raid and all(e.target.country == "PSE" for e in raid)
    # a force named for its county sets the story in that county's country
    events = code(coder, "Merseyside Police said a man was arrested after a car was set alight. Officers said "
                         "the man was held overnight.")
    arrests = [e for e in events if e.plover_type == "COERCE"]
    assert arrests and all(e.source.country == "GBR" for e in arrests)


def test_a_force_named_for_its_county_tells_which_town_of_that_name_the_story_means(coder):
    # Halifax is also a Canadian city, the bigger one; the tagger reads the force's whole name as one place
    events = code(coder, "A woman was injured in a fire at a shop near Halifax on Sunday. North Yorkshire Police "
                         "said a man had been arrested.")
    arrests = [e for e in events if e.plover_type == "COERCE"]
    assert arrests and all(e.source.code == "GBR COP" for e in arrests)


def test_a_place_naming_whom_an_office_holder_represents_is_neither_place_nor_party(coder):
    # "Texas Gov." says whose governor he is: the hearing is not in Texas, and Texas is not the one appealed to
    events = code(coder, "The judges pressed Kerry and Texas Gov. Rick Perry's chief lawyer, Ann Lee, with questions "
                         "during Friday's hearing of Kerry's appeal.", published="2012-03-15")
    assert events and all(where(e) is None or where(e)[0] != "Texas" for e in events)
    assert all(e.target is None or e.target.text != "Texas" for e in events)


def test_a_place_naming_a_war_is_neither_the_place_of_the_act_nor_a_party(coder):
    # "Gulf" is also a province of Papua New Guinea: "its Gulf war partners" names a war
    events = code(coder, "Oman and its Gulf war partners agreed on Monday to hold naval drills.")
    assert events and all(where(e) is None or where(e)[1] == "OMN" for e in events)
    assert all(e.target is None or e.target.country != "PNG" for e in events)


@pytest.mark.parametrize("title", ["Kenyan police arrest 12 protesters in Kisumu - Nation Africa",
                                   "Kenyan police arrest 12 protesters in Kisumu | The Standard"])
def test_a_sites_name_closing_a_title_is_no_part_of_its_news(coder, title):
    [arrest] = code(coder, "Fuel prices rose for a third week. Traders in the market said business was slow.",
                    title=title)
    assert (arrest.sentence_index, arrest.sentence) == (-1, "Kenyan police arrest 12 protesters in Kisumu")
    assert (arrest.plover_type, arrest.source.code, arrest.target.code, arrest.location.name) == \
        ("COERCE", "KEN COP", "KEN CVL", "Kisumu")


def test_a_story_set_where_its_parties_and_legislature_sit_though_it_names_another_country_more(coder):
    # China is the only place named (twice); the Kuomintang, the Legislative Yuan and the Democratic Progressive
    # Party are Taiwan's: the unnamed lawmakers and cabinet are Taiwan's too
    text = ("Opposition lawmakers accused the cabinet on Monday of wasting money on publicity.\n\n"
            "The Kuomintang caucus in the Legislative Yuan said the spending would buy nothing in talks with China.\n\n"
            "Members of the Democratic Progressive Party said closer ties with China must not be rushed.")
    [accusation] = code(coder, text)
    assert (accusation.plover_type, accusation.source.code, accusation.source.country_basis,
            accusation.target.code) == ("ACCUSE", "TWN OPP", "setting", "TWN GOV")


def test_a_congress_a_story_does_not_say_is_americas_does_not_set_it_in_america(coder):
    text = ("Police in Karnataka detained two Congress workers on Friday.\n\n"
            "Congress leaders called the detentions illegal, and the Congress spokesman said the party would go to "
            "court in Bengaluru.")
    detention, accusation = code(coder, text)
    assert (detention.source.code, detention.target.code) == ("IND COP", "IND LAB")
    assert accusation.source.code == "IND PTY"


def test_a_country_that_also_names_a_state_of_the_storys_country_is_that_state(coder):
    text = ("President Joe Biden held a big campaign rally in Georgia on Friday for the Democratic senators.\n\n"
            "Biden told supporters in Macon, Georgia, that the Senate races mattered, and he criticized Republicans "
            "in Savannah.")
    rally, criticism = code(coder, text, published="2022-11-20")
    assert (rally.plover_type, rally.source.code, rally.location.country, rally.location.precision) == \
        ("SUPPORT", "USA GOV", "USA", "admin1")  # a candidate's rally is no protest, and no event in the Caucasus
    assert criticism.target.code == "USA PTY"


def test_a_place_closing_a_title_is_kept(coder):
    [arrest] = code(coder, "Fuel prices rose for a third week. Traders in Nairobi said business was slow.",
                    title="Police arrest 12 protesters in the capital - Nairobi")
    assert (arrest.sentence, arrest.location.name) == ("Police arrest 12 protesters in the capital - Nairobi", "Nairobi")


def test_a_verb_joined_to_another_with_a_time_of_its_own_does_not_take_the_other_s_date(coder):
    [support] = [e for e in code(coder, "Levy, a Kenyan banker, voted for Odinga in 2013 but now supports Ruto.")
                 if e.plover_type == "SUPPORT"]
    assert support.date != "2013" and not support.historical
    # ... while the clauses above still say where it is done
    [occupation] = [e for e in code(coder, "Turkish troops entered northern Syria in 2019 and now occupy a strip "
                                           "along the border.") if e.plover_type == "COERCE"]
    assert occupation.location is not None and occupation.location.country == "SYR" and occupation.date != "2019"


def test_the_region_a_story_named_before_is_where_an_act_in_the_peninsula_happens(coder):
    text = ("CAIRO (Reuters) - Militants attacked a checkpoint in North Sinai on Monday, killing five soldiers. "
            "Gunmen have killed hundreds of policemen in the peninsula since 2013, officials said. Officials in Cairo "
            "said the army had deployed more troops in the province.")
    events = code(coder, text)
    assert [(e.sentence_index, e.plover_type, where(e)) for e in events] == [
        (0, "ASSAULT", ("North Sinai", "EGY", "clause")), (1, "ASSAULT", ("North Sinai", "EGY", "clause")),
        (2, "MOBILIZE", ("North Sinai", "EGY", "clause"))]


def test_a_day_without_a_year_in_an_undated_story_is_read_in_the_year_of_its_last_full_date(coder):
    text = ("MANILA - Philippine and Chinese envoys held talks in Manila, the foreign ministry said. China expelled "
            "two Philippine diplomats on June 28, 2000. The Philippines expelled two Chinese diplomats on July 3.")
    dated = [(e.sentence_index, e.date, e.date_precision) for e in code(coder, text, published=None)
             if e.plover_type == "SANCTION"]
    assert dated == [(1, "2000-06-28", "day"), (2, "2000-07-03", "day")]
    # ... within one sentence too, and from a month and year; a day before that date is of no year the text says
    first = "MANILA - China expelled two Philippine diplomats"
    then = "the Philippines expelled two Chinese diplomats"
    for text, second in ((f"{first} on June 28, 2000, and {then} on July 3.", "2000-07-03"),
                         (f"{first} in June 2000. Then {then} on July 3.", "2000-07-03"),
                         (f"{first} on June 28, 2000. Then {then} on January 3.", None)):
        assert [e.date for e in code(coder, text, published=None)][-1] == second, text
    # background gives no year: "since January 1, 1959" is not the news's time
    text = ("HAVANA - Since the revolution on January 1, 1959, Cuba has jailed thousands of dissidents. Cuban police "
            "arrested ten dissidents in Havana on March 3.")
    assert [e.date for e in code(coder, text, published=None) if e.sentence_index == 1] == [None]


def test_force_suffered_during_an_act_told_before_happened_where_that_act_did(coder):
    # three sentences after the raid, "during the operation" still points back to it: not the dateline's city
    text = ("JERUSALEM (Reuters) - Israeli commandos raided a rocket launcher site in northern Gaza on Sunday. The raid "
            "lasted two hours, the army said. Militants fled the area, it said. Three Israeli soldiers were wounded "
            "during the operation.")
    wounded = [e for e in code(coder, text, published="2014-07-13") if e.sentence_index == 3]
    assert [(e.plover_type, e.target.code, e.location.name) for e in wounded] == [("ASSAULT", "ISR MIL", "Gaza")]
    # without a pointer back, force told that far on is not carried there
    text = text.replace("during the operation", "in an ambush")
    ambushed = [e for e in code(coder, text, published="2014-07-13") if e.sentence_index == 3]
    assert [e.location.name for e in ambushed] == ["Jerusalem"]


def test_an_act_told_inside_a_historical_one_is_history(coder):
    # the clashes are where the killing of earlier years happened: both are history, neither today's news
    text = ("Gunmen killed four farmers near Jos on Monday.\n\n"
            "Hundreds of villagers were killed in earlier clashes between herders and farmers in the region.")
    events = code(coder, text)
    assert [(e.plover_type, e.date) for e in events if not e.historical] == [("ASSAULT", "2023-03-13")]


def test_a_dateline_after_a_scraped_page_s_headline_lines_still_places_the_story(coder):
    text = ("Court Hears Appeal Over Disputed Count\n\nJudges question both sides\n\n"
            "TALLAHASSEE, Fla. (CNN) -- Lawyers for the governor urged the state court on Thursday to reject the appeal.")
    urged = next(e for e in code(coder, text) if e.plover_type == "REQUEST")
    assert where(urged) == ("Tallahassee", "USA", "dateline")


def test_those_addressed_at_an_institution_s_seat_take_no_country_from_it(coder):
    text = ("UNITED NATIONS (Reuters) - The U.N. refugee agency's head urged the authorities on Friday to release "
            "the jailed bloggers.")
    urged = next(e for e in code(coder, text) if e.plover_type == "REQUEST")
    assert urged.source.code.startswith("UNO") and (urged.target.code or "").split(" ")[0] != "USA"


def test_force_used_on_a_crowd_goes_on_where_the_story_last_told_its_protest(coder):
    text = ("Kenyan police raided and closed six opposition offices in Nairobi on Monday, seizing computers.\n\n"
            "Several hundred supporters rallied outside the county offices in Kericho to protest against the "
            "closures.\n\nPolice fired tear gas to break up the gathering and arrested five men, a spokesman said.")
    events = code(coder, text)
    force = [e for e in events if e.sentence.startswith("Police fired")]
    assert {e.plover_type for e in force} == {"ASSAULT", "COERCE"}
    assert {where(e)[:2] for e in force} == {("Kericho", "KEN")}
    # nor is an arrest of other people than a crowd
    text = ("Gunmen killed nine villagers in Zamfara on Sunday. Students protested in Abuja on Monday against higher "
            "fees. Police arrested three suspected gunmen.")
    arrest = next(e for e in code(coder, text) if e.plover_type == "COERCE")
    assert where(arrest)[0] != "Abuja"
    # force by another state's troops after a protest abroad is not used there
    text = ("Hundreds of people protested outside the Israeli embassy in London on Sunday.\n\nIsraeli troops fired "
            "tear gas at stone-throwers, the army said.")
    fired = next(e for e in code(coder, text) if e.plover_type == "ASSAULT")
    assert where(fired) is None or where(fired)[0] != "London"


def test_a_letter_dated_a_day_dates_what_it_does(coder):
    for text in ("In a letter to the union dated March 2, 2023, the Labour Ministry rejected the pay claim.",
                 "The Labour Ministry rejected the pay claim in a letter dated March 2."):
        rejected = next(e for e in code(coder, text) if e.plover_type == "REJECT")
        assert (rejected.date, rejected.date_precision) == ("2023-03-02", "day"), text
    # a warrant or a truce dated a day dates nothing done under or despite it
    for text in ("Police detained the editor under a warrant dated February 2.",
                 "The army shelled the village despite a truce dated February 20."):
        assert all(e.date != "2023-02-02" and e.date != "2023-02-20" for e in code(coder, text)), text


def test_force_reported_at_an_institution_s_seat_did_not_happen_there(coder):
    text = ("UNITED NATIONS (Reuters) - Sudanese army jets bombed two markets last week, the U.N. humanitarian office "
            "said on Tuesday.")
    bombed = next(e for e in code(coder, text) if e.plover_type == "ASSAULT")
    assert where(bombed) is None or where(bombed)[1] != "USA"
