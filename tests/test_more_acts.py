"""Common acts of wire news the coder used to miss or misread, and days told from the story's narrative: sentences
written by the team, with the codes and dates a researcher expects."""

from __future__ import annotations

import pytest

from coded_dyads import coded
from tacitus.pipeline import Coder
from tacitus.records import Document
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


@pytest.mark.parametrize("text, expected", [
    # walking off the job strikes; walking out of a session boycotts it
    ("Bus drivers in Lagos walked off the job over unpaid wages.", ("PROTEST", "143", "NGA CVL")),
    ("Opposition members walked out of the Ugandan parliament as the minister rose.", ("PROTEST", "143", None)),
    # a levy scrapped after protests yields
    ("Facing a week of roadblocks, the Ecuadorian government scrapped the new fuel levy.",
     ("CONCEDE", "081", "ECU GOV")),
    ("Under pressure from street protests, the Kenyan parliament shelved the finance bill.",
     ("CONCEDE", "080", "KEN LEG")),
    # recognition switched is recognition of the one it goes to
    ("The Solomon Islands switched its diplomatic recognition from Taipei to Beijing.",
     ("SUPPORT", "054", "SLB GOV", "CHN GOV")),
    ("The African Development Bank approved a $120 million loan to Malawi.", ("AID", "071", None, "MWI GOV")),
    ("The Philippine air force scrambled two fighter jets.", ("MOBILIZE", "152", "PHL MIL")),
    # a manhunt launched mobilises the police; a weapons test named by its "of" phrase is a show of force
    ("Tanzanian police launched a manhunt for the gunmen in Arusha.", ("MOBILIZE", "153", "TZA COP")),
    ("Pakistan's test of a new cruise missile on Tuesday worried its neighbours.", ("MOBILIZE", "150", "PAK GOV")),
    ("The Egyptian navy staged exercises off Alexandria on Sunday.", ("MOBILIZE", "150", "EGY MIL")),
    ("Ecuadorian soldiers took up positions around the prison in Guayaquil.", ("MOBILIZE", "154", "ECU MIL")),
    ("Sri Lanka allowed UN investigators into the northern province.", ("RETREAT", "086", None, "UNO")),
    ("A court in Bangkok dissolved the main opposition party.", ("COERCE", "172", "THA JUD", "THA OPP")),
    ("Investigators searched the home of the former Peruvian president in Lima.", ("COERCE", "171", None, "PER")),
    # armed men outside the state raiding a village attack it
    ("Bandits raided a farming village in Zamfara state, killing eleven people.", ("ASSAULT", "190", "NGA CRM")),
    # a government protesting complains officially (PROTEST is for crowds, strikes and boycotts)
    ("The Dutch government protested to Ankara over the detention of a journalist.",
     ("ACCUSE", "114", "NLD GOV", "TUR GOV")),
    ("Hundreds of demonstrators stormed the parliament building in Nairobi.", ("PROTEST", "145", "KEN CVL")),
    ("Farmers blockaded the main roads into Warsaw with tractors.", ("PROTEST", "1442", "POL AGR")),
    # the state's forces freeing hostages rescue them; captors free them
    ("Colombian soldiers freed four hostages held by a criminal gang.", ("AID", "073", "COL MIL")),
    ("The kidnappers freed the hostages after a ransom was paid.", ("RETREAT", "0841", None)),
    ("A Chinese maritime militia vessel rammed a Philippine patrol boat.", ("ASSAULT", "190", None, "PHL")),
    ("Mali's junta ordered out the French ambassador.", ("SANCTION", "1663", "MLI GOV", "FRA GOV")),
    ("Burkina Faso ended its military cooperation agreement with France.", ("SANCTION", "160", "BFA GOV", "FRA GOV")),
    ("Finland applied to join the alliance in May 2022.", ("REQUEST", "020", "FIN GOV")),
    ("China imposed export controls on gallium to the United States.", ("SANCTION", "163", "CHN GOV", "USA GOV")),
    ("Riot police swung batons at the crowd outside the stadium.", ("ASSAULT", "175", None)),
    ("The Yemeni rebels vowed revenge against Saudi Arabia.", ("THREATEN", "138", "YEM REB", "SAU GOV")),
    ("Police from Kenya and Tanzania launched a joint operation against cattle rustlers.",
     ("COOPERATE", "062", "KEN COP")),
    # a visit told by its host is the visitor's visit to the host
    ("Qatar's emir hosted the Somali president in Doha on Monday.", ("CONSULT", "042", "SOM GOV", "QAT GOV")),
    ("Hundreds of protesters blocked the main avenue outside the presidential palace in Lima.",
     ("PROTEST", "1442", "PER CVL")),
    # ground handed over is given up; captives handed over are released
    ("Tajikistan handed over three border villages to Kyrgyzstan on Friday.", ("RETREAT", "0874", "TJK GOV", "KGZ")),
    ("Malian rebels handed over three captives to the Red Cross.", ("RETREAT", "0841", "MLI REB", None)),
    ("Jihadist fighters captured a police station near Menaka.", ("ASSAULT", "190", None, None)),
    # a ceasefire declared is promised, not yet carried out
    ("The Kurdish rebels declared a unilateral ceasefire for the holidays.", ("CONCEDE", "080", "KUR REB")),
    ("The Ethiopian army announced a 72-hour ceasefire in Tigray on Monday.", ("CONCEDE", "080", "ETH MIL")),
    # a levy withdrawn is lifted
    ("The Ghanaian governor withdrew the market levy after the protests.", ("CONCEDE", "081", "GHA GOV")),
    # visitors barred from entering are refused entry; an official ordered out is expelled
    ("Venezuela barred an EU observer mission from entering the country.", ("REJECT", "120", "VEN GOV", None)),
    ("Peru ordered out a senior Bolivian intelligence official.", ("SANCTION", "1663", "PER GOV", "BOL")),
    # air defence systems delivered, a loan disbursed, a disbursement approved: aid
    ("France delivered a second air defence system to Moldova on Monday.", ("AID", "072", "FRA GOV", "MDA")),
    ("The World Bank disbursed a $40 million loan to Albania.", ("AID", "071", None, "ALB")),
    ("The Asian Development Bank approved a $300 million disbursement to Nepal.", ("AID", "071", None, "NPL")),
    # entry bans laid on a state's officials; talks proposed; stern representations lodged
    ("Poland announced entry bans on four Belarusian officials.", ("SANCTION", "163", "POL GOV", "BLR")),
    ("Athens proposed talks with Ankara on the maritime dispute.", ("AGREE", "036", "GRC", "TUR")),
    ("Beijing lodged stern representations with Manila over the visit.", ("ACCUSE", "114", "CHN", "PHL")),
    # one office-holder protesting complains (a protest is collective); a crowd still protests
    ("The Peruvian minister protested against the decision to close the mine.", ("ACCUSE", "114", "PER GOV")),
    ("A Kenyan senator protested against the ruling.", ("ACCUSE", "114", "KEN LEG")),
    ("Kenyan opposition supporters protested against the ruling in Kisumu.", ("PROTEST", None, "KEN OPP")),
    # people known by their trade are people: seized by gunmen, they are abducted
    ("Gunmen seized a Malaysian fish breeder from his farm in Sabah.", ("ASSAULT", "181", None, "MYS AGR")),
    ("Police in Lagos arrested two mechanics and an electrician.", ("COERCE", "173", "NGA COP", "NGA LAB")),
    # a second verb after a comma with no "and" still has the first verb's subject
    ("Ministers of the Nigerian government on Monday pledged support to the flood victims, condemned the attacks "
     "on relief convoys.", ("ACCUSE", "111", "NGA GOV")),
    ("Leaders of the ruling party in Lusaka on Sunday expressed support to the president, condemned the violence "
     "in the north.", ("ACCUSE", "111", "ZMB GOV")),
])
def test_a_common_act_is_coded(coder, text, expected):
    """``expected``: type, CAMEO code, then source and target codes (None: any; a bare country: that country)."""
    def party(code, want) -> bool:
        return want is None or code == want or (" " not in want and (code or "").split(" ")[0] == want)
    found = coded(coder, text)
    assert any(e[0] == expected[0] and expected[1] in (None, e[1])
               and all(party(e[i], x) for i, x in enumerate(expected[2:], 2)) for e in found), found


@pytest.mark.parametrize("text, kind", [
    # what one is accused of, coordinated, is alleged too
    ("Amnesty International accused Ugandan soldiers of arresting and torturing opposition supporters.", "ASSAULT"),
    # an act named as what another one is called is no act of its own
    ("The union condemned the arrests as an attack on workers' rights.", "ASSAULT"),
    # a state of emergency against a disaster coerces nobody
    ("The governor declared a state of emergency in the flood-hit districts of Sindh.", "COERCE"),
    # what somebody is pressed to do, or is unwilling to do, is not done
    ("Opposition groups are pressuring the Bulgarian president to resign.", "RETREAT"),
    ("The pension fund was unwilling to commit more money to the rescue of the carrier.", "AGREE"),
    # what a deal depends on has not happened
    ("The takeover hinges on the two unions signing a new labour agreement.", "SUPPORT"),
    # a power given, with what it allows told after a comma, is not used yet
    ("The Bolivian government gave police more power, above all to ban marches and sit-ins.", "COERCE"),
    # a thing named as something is judged, not phoned
    ("The opposition called the Kenyan reform repressive.", "CONSULT"),
    # a visit to the visitor's own people or places meets no party
    ("The Malian prime minister visited the refugee camps near Mopti on Saturday.", "CONSULT"),
    # harm told only as a condition by another's voice is supposed, not threatened
    ("Analysts said Kenyan exports could fall if Washington raises tariffs on Kenyan tea.", "THREATEN"),
    # what a note demands is asked, not promised
    ("Bolivia handed the Chilean envoy a note demanding that Chile withdraw its troops.", "AGREE"),
    # a show hosted receives nobody; livelihoods destroyed are no property attacked
    ("Omar Diallo, who hosted a late-night talk show on a Senegalese radio station, was arrested.", "CONSULT"),
    ("Foreign trawlers are destroying the livelihoods of Senegalese fishermen.", "ASSAULT"),
    # people rallied by a union are no forces mobilised; acts told with "every week" are a habit
    ("The cocoa farmers, mobilised by a Ghanaian farmers' union, marched on Accra.", "MOBILIZE"),
    ("Ghanaian fishermen are being arrested by Togolese police every other week.", "COERCE"),
    # one activist or party leader protesting may lead a crowd: a protest still
    ("Activist Grace Wanjiru protested in Kisumu against the new mining rules.", "ACCUSE"),
    # journalists kept out of a courtroom, or citizens from travelling, are restricted, not refused as visitors
    ("Police barred journalists from entering the courtroom in Harare.", "REJECT"),
    # an office handed over is no ground given up; officials sent out of a flooded district are not expelled
    ("The Zambian president handed over the post of vice president to his deputy.", "RETREAT"),
    ("The governor ordered officials to leave the flooded district in Sindh.", "SANCTION"),
    # a firm's system delivered, a lawyer's representations and a meeting of parliament proposed are no acts
    ("A Chinese firm delivered a battery storage system to a Chilean mine.", "AID"),
    ("The firm's lawyers made representations to the Kenyan tribunal.", "ACCUSE"),
    ("The Hungarian speaker proposed a meeting of parliament on Friday.", "AGREE"),
    # a byline gives nobody anything
    ("Reuters reporters in Lusaka contributed to this report.", "AID"),
])
def test_what_is_not_an_act_of_its_own(coder, text, kind):
    assert kind not in [e[0] for e in coded(coder, text)]


def test_an_act_told_during_another_of_its_kind_is_that_act(coder):
    found = coded(coder, "Bangladeshi police detained a student leader during a raid on his dormitory in Dhaka.")
    assert [e[0] for e in found] == ["COERCE"]


def dated(coder: Coder, text: str, published: str) -> list[tuple]:
    return [(e.sentence_index, e.plover_type, e.date) for e in coder.code([Document(
        doc_id="d", text=text, published=published)])[0] if e.modality == "asserted"]


def test_a_day_later_is_a_day_after_the_narratives_day(coder):
    text = ("Kazakhstan's foreign minister met his Uzbek counterpart in Tashkent on Thursday. A day later, he held "
            "talks with Tajikistan's president in Dushanbe.")
    assert dated(coder, text, "2024-05-06") == [(0, "CONSULT", "2024-05-02"), (1, "CONSULT", "2024-05-03")]


def test_a_step_back_does_not_move_the_story_on(coder):
    text = ("Peruvian police detained 20 miners in Arequipa on Tuesday. In a separate operation a day earlier, "
            "soldiers arrested six loggers. A human rights group condemned the detentions in Arequipa.")
    assert dated(coder, text, "2024-05-08") == [(0, "COERCE", "2024-05-07"), (1, "COERCE", "2024-05-06"),
                                                (2, "ACCUSE", "2024-05-07")]


def test_days_after_an_act_the_narrative_dated(coder):
    text = ("Romania's parliament approved the treaty on Monday. The vote came three days after the Moldovan "
            "president visited Bucharest.")
    assert dated(coder, text, "2024-05-08") == [(0, "SUPPORT", "2024-05-06"), (1, "CONSULT", "2024-05-03")]


def test_a_date_hung_on_a_noun_clause_is_the_acts(coder):
    text = "Turkey's parliament ratified Finland's bid to join the alliance on Thursday."
    assert dated(coder, text, "2023-04-01") == [(0, "SUPPORT", "2023-03-30")]


def test_years_after_an_act_date_it_as_history(coder):
    text = "Many of the exiles still live in Montreal, 18 years after the Chilean president pardoned them."
    found = [(e.plover_type, e.date, e.date_precision, e.historical)
             for e in coder.code([Document(doc_id="d", text=text, published="1995-04-30")])[0]]
    assert ("CONCEDE", "1977", "year", True) in found


def test_a_border_stands_for_the_neighbour(coder):
    events = coder.code_text("Ghana's army deployed more troops to the border with Togo on Friday.",
                             published="2022-05-10")
    # the neighbour named, not the place the troops went to
    assert [(e.target.country, e.target.country_basis) for e in events] == [("TGO", "mention")]


def test_his_troops_are_the_speakers_states(coder):
    events = coder.code_text("Serbia's president said his troops would pull back from the line with Kosovo.",
                             published="2022-05-10")
    assert [(e.source.code, e.source.country_basis) for e in events] == [("SRB MIL", "mention")]


def test_a_state_organ_is_of_the_town_it_sits_in(coder):
    # the speaker is Azerbaijan's ministry, not one of the other party's state: no accusation by a third side
    text = "Azerbaijan moved artillery toward its border with Armenia, the defence ministry in Baku said."
    assert [e[0] for e in coded(coder, text)] == ["MOBILIZE"]


def test_a_narrative_day_does_not_carry_to_the_end_of_a_long_block(coder):
    text = ("Students marched in Sofia on March 9, 2021. The rally ended peacefully. Organisers praised the police. "
            "Turnout was lower than expected. Analysts expect more marches in the spring. The minister later met "
            "union leaders.")
    found = [(e.sentence_index, e.plover_type, e.date) for e in coder.code([Document(doc_id="d", text=text)])[0]
             if e.modality == "asserted"]
    assert (0, "PROTEST", "2021-03-09") in found
    assert [d for i, t, d in found if t == "CONSULT"] == [None]  # five sentences on, the March day is not its own


@pytest.mark.parametrize("text, expected", [
    # the act told after another keeps its own day; only the one it is told after is dated from it
    ("Police arrested the opposition leader six months after the attack.", [("COERCE", "2024-05-08", False)]),
    # what was said to come after a future act is not dated back from the story's day
    ("The army said it would pull out its troops six months after the rebels disarm.", []),
    # in a paragraph of history, an act told a year after another is history too
    ("In 2015, soldiers killed 20 miners near the capital. Police arrested the leaders a year after rebels attacked "
     "the town.", [("ASSAULT", "2015", True), ("COERCE", "2015", True), ("ASSAULT", "2014", True)]),
])
def test_dates_told_before_or_after_another_act(coder, text, expected):
    found = [(e.plover_type, e.date, e.historical) for e in coder.code([Document(
        doc_id="d", text=text, published="2024-05-08")])[0] if e.date_precision != "published" or not e.historical]
    assert [f for f in found if f[1] != "2024-05-08" or f[0] == "COERCE"] == expected


def test_an_act_told_under_unwillingness_is_real(coder):
    # reluctant to criticise the crackdown: the criticism is not made, the crackdown took place
    found = coded(coder, "The minister was reluctant to criticise the army's crackdown in the north.")
    assert "COERCE" in [e[0] for e in found] and "ACCUSE" not in [e[0] for e in found]


@pytest.mark.parametrize("text, absent", [
    # only a state's organ visits: a country hosting refugees is no visit of theirs
    ("Jordan hosts more than half a million Syrian refugees.", ("CONSULT", "042")),
    # public servants protesting over pay protest; only a government's protest to a state is a complaint
    ("Hundreds of civil servants protested in Accra on Monday over pay.", ("ACCUSE", "114")),
])
def test_guards_of_the_recodes(coder, text, absent):
    assert absent not in [e[:2] for e in coded(coder, text)]


@pytest.mark.parametrize("text, target", [
    # forces moved or kept "in" a place are hosted there, not moved against it (PLOVER: the recipient is whom the
    # move threatens); "around" or "near" a place, they press on it
    ("The United States has stationed troops in Poland since 2017.", None),
    ("Turkey has set up military outposts in northern Iraq.", None),
    ("China held naval exercises around Taiwan on Monday.", "TWN"),
])
def test_a_place_forces_are_hosted_in_is_not_their_target(coder, text, target):
    found = [e for e in coded(coder, text) if e[0] == "MOBILIZE"]
    assert found and {e[-1].split()[0] if e[-1] else None for e in found} == {target}, found


def test_what_a_present_tense_until_clause_waits_for_has_not_happened(coder):
    text = "Washington said it would not lift the sanctions until the Taliban free the detained aid workers."
    events = coder.code_text(text, published="2022-05-10")
    assert [(e.plover_type, e.modality) for e in events if e.plover_type == "RETREAT"] == [("RETREAT", "hypothetical")]
    done = coder.code_text("Police held the two men until they confessed.", published="2022-05-10")
    assert all(e.modality == "asserted" for e in done)
