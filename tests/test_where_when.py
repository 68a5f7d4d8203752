"""Where, when and how many, on events of sentences the team writes: places by context, the basis of a
location, the document's focus, dates against the publication date, and the civilians among the dead."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def asserted(coder, text, published="2023-03-15"):  # a Wednesday
    return [e for e in coder.code_text(text, published=published) if e.modality == "asserted"]


@pytest.mark.parametrize("text, country", [
    ("Chilean police arrested dozens of students in Santiago.", "CHL"),
    ("Spanish police arrested dozens of students in Santiago.", "ESP"),
    ("Dominican police arrested dozens of students in Santiago.", "DOM"),
    ("Libyan militias shelled a camp in Tripoli.", "LBY"),
    ("Lebanese soldiers raided a camp in Tripoli.", "LBN"),
])
def test_same_name_places_follow_the_actors(coder, text, country):
    [e] = asserted(coder, text)
    assert (e.location.country, e.location.precision) == (country, "city")


def test_a_country_name_is_placed_at_the_country(coder):
    [e] = asserted(coder, "Russian forces shelled Ukrainian positions in Georgia.")
    assert (e.location.country, e.location.precision, e.location.name) == ("GEO", "country", "Georgia")


def test_the_basis_of_a_location(coder):
    # the place in the event's own clause; else one elsewhere in its sentence; else the document's focus
    [e] = asserted(coder, "Turkish jets bombed Kurdish fighters near Kobani on Tuesday.")
    assert (e.location.country, e.location.precision, e.location.basis) == ("SYR", "city", "clause")
    assert abs(e.location.lat - 36.89) < 0.2 and abs(e.location.lon - 38.35) < 0.2  # GeoNames' 'Ayn al 'Arab
    events = coder.code_text("Iraqi troops attacked Islamic State positions in Mosul on Monday.\n\n"
                             "Iraqi jets also bombed Islamic State fighters.", published="2023-03-15")
    first, second = sorted(events, key=lambda e: e.sentence_index)
    assert (first.location.name, first.location.basis) == ("Mosul", "clause")
    assert (second.location.name, second.location.basis) == ("Mosul", "document")


def test_dates_against_the_publication_date(coder):
    [e] = asserted(coder, "Turkish jets bombed Kurdish fighters near Kobani on Tuesday.")
    assert (e.date, e.date_precision) == ("2023-03-14", "day")  # the latest Tuesday before publication
    [e] = asserted(coder, "Israeli troops raided a house in Jenin last week.")
    assert (e.date, e.date_precision) == ("2023-03-06", "week")
    [e] = asserted(coder, "Russian forces shelled Kharkiv.")
    assert (e.date, e.date_precision) == ("2023-03-15", "published")  # no date: the publication date stands in
    # a state held since a month began then; the day a count of acts began dates none of them
    [e] = asserted(coder, "Kenyan police have detained the activist since January.")
    assert (e.date, e.date_precision) == ("2023-01", "month")
    [e] = asserted(coder, "The kidnapping of the Kenyan engineer was the fourth such attack since January.")
    assert e.date_precision != "month"


def test_the_dead_and_the_civilians_among_them(coder):
    [e] = asserted(coder, "Syrian government forces shelled Idlib, killing more than 50 people, including "
                          "civilians.")
    assert (e.fatalities, e.fatalities_civilians) == (50, True)
    [e] = asserted(coder, "Taliban fighters attacked an army post in Kunduz, killing 12 soldiers.")
    assert (e.fatalities, e.fatalities_civilians) == (12, False)
    [e] = asserted(coder, "Boko Haram fighters attacked a village in Borno, wounding 30 people.")
    assert e.fatalities is None  # the injured are not the dead


def test_team_written_conflict_reports_are_placed_dated_and_counted(coder):
    # 22 one-sentence reports the team wrote, with the true place (lat/lon), date, precision and toll
    import json
    import math
    from pathlib import Path

    def km(lat1, lon1, lat2, lon2):
        p = math.pi / 180
        a = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin(
            (lon2 - lon1) * p / 2) ** 2
        return 6371 * 2 * math.asin(math.sqrt(a))

    rows = [json.loads(line) for line in (Path(__file__).parent / "data" / "where_when.jsonl").open()]
    placed = dated = counted = 0
    for r in rows:
        events = asserted(coder, r["text"], published=r["published"])
        e = max(events, key=lambda e: e.confidence)
        placed += e.location is not None and km(r["lat"], r["lon"], e.location.lat, e.location.lon) < 50
        dated += (e.date, e.date_precision) == (r["date"], r["precision"])
        counted += e.fatalities == r["toll"]
    n = len(rows)
    assert placed == dated == n  # each placed within 50 km and dated at the right precision
    assert counted == n  # every stated toll read exactly, none where none is stated


def test_the_documents_country_decides_between_same_name_places(coder):
    # nothing in the last sentence says which Tripoli; the document is about Lebanon
    text = ("Lebanese troops deployed in the north on Monday.\n\nThe Lebanese army sent more soldiers to the "
            "border.\n\nGunmen attacked a checkpoint in Tripoli on Tuesday.")
    attack = next(e for e in coder.code_text(text, published="2023-03-15") if e.plover_type == "ASSAULT")
    assert (attack.location.name, attack.location.country, attack.location.basis) == ("Tripoli", "LBN", "clause")
    # the same sentence alone is the Libyan capital
    [alone] = asserted(coder, "Gunmen attacked a checkpoint in Tripoli on Tuesday.")
    assert alone.location.country == "LBY"


def test_prefiltered_sentences_keep_their_place_in_the_document():
    # only the third sentence may hold an event; it is still the third sentence (index 2)
    plain = Coder(Settings(learned=False, prefilter=False))
    filtered = Coder(Settings(learned=False))
    text = ("The weather was fine on Monday. Markets were calm. Turkish troops attacked Kurdish fighters near "
            "Kobani. Officials gave no further details.")
    a = [(e.sentence_index, e.plover_type, e.source.code) for e in plain.code_text(text, published="2023-03-15")]
    b = [(e.sentence_index, e.plover_type, e.source.code) for e in filtered.code_text(text, published="2023-03-15")]
    assert a == b == [(2, "ASSAULT", "TUR MIL")]


def test_an_act_the_speakers_tell_of_themselves_is_where_they_are(coder):
    # "police in X said they had ...": the police's own act, in X; the place where a saying was made is not
    [arrest] = asserted(coder, "Police in Kisumu said they had arrested nine men over the looting.")
    assert (arrest.plover_type, arrest.location.name, arrest.location.basis) == ("COERCE", "Kisumu", "clause")
    [told] = asserted(coder, "The minister said in Nairobi that they had arrested nine men over the looting.")
    assert told.location is None or told.location.name != "Nairobi"
    # speakers abroad tell of acts at home
    [strike] = coder.code_text("Sudanese opposition leaders in Cairo said they would stage a general strike.",
                               published="2023-03-15")
    assert strike.location is None or strike.location.country == "SDN"
