"""tacitus.time: date expressions against a publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.time import DateMention, find_dates, resolve

P = "2020-02-05"  # a Wednesday
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.parametrize("expression, expected", [
    ("on Tuesday", ("2020-02-04", "day")),
    ("Tuesday", ("2020-02-04", "day")),
    ("last Tuesday", ("2020-02-04", "day")),
    ("Tuesday night", ("2020-02-04", "day")),
    ("Monday", ("2020-02-03", "day")),
    ("Thursday", ("2020-01-30", "day")),
    ("Wednesday", ("2020-01-29", "day")),  # P's own weekday: the week before, unless "today"/"this"
    ("this Wednesday", ("2020-02-05", "day")),
    ("next Monday", ("2020-02-10", "day")),
    ("today", ("2020-02-05", "day")),
    ("this morning", ("2020-02-05", "day")),
    ("tonight", ("2020-02-05", "day")),
    ("yesterday", ("2020-02-04", "day")),
    ("overnight", ("2020-02-04", "day")),
    ("last night", ("2020-02-04", "day")),
    ("the day before yesterday", ("2020-02-03", "day")),
    ("two days ago", ("2020-02-03", "day")),
    ("2 days ago", ("2020-02-03", "day")),
    ("three weeks ago", ("2020-01-13", "week")),
    ("a month ago", ("2020-01", "month")),
    ("last week", ("2020-01-27", "week")),
    ("this week", ("2020-02-03", "week")),
    ("earlier this week", ("2020-02-03", "week")),
    ("last month", ("2020-01", "month")),
    ("last year", ("2019", "year")),
    ("3 May 2019", ("2019-05-03", "day")),
    ("May 3, 2019", ("2019-05-03", "day")),
    ("Friday, May 3, 2019", ("2019-05-03", "day")),
    ("the 3rd of May 2019", ("2019-05-03", "day")),
    ("2019-05-03", ("2019-05-03", "day")),
    ("June 2020", ("2020-06", "month")),
    ("in 2015", ("2015", "year")),
    ("3 May", ("2019-05-03", "day")),  # no year: the latest 3 May not after P
    ("May 3", ("2019-05-03", "day")),
    ("3 February", ("2020-02-03", "day")),
    ("February 10", ("2020-02-10", "day")),  # within the window after P: an announced date this year
    ("20 December", ("2019-12-20", "day")),
    ("in October", ("2019-10", "month")),
    ("Last year, in October", ("2019-10", "month")),
    ("last October", ("2019-10", "month")),
    ("in October last year", ("2019-10", "month")),
    ("October of last year", ("2019-10", "month")),
    ("mid-October", ("2019-10", "month")),
])
def test_resolve_against_published(expression, expected):
    assert resolve(expression, P) == expected


@pytest.mark.parametrize("expression, offset", [
    ("a day after", -1),
    ("one day after", -1),
    ("two days after", -2),
    ("a day before", 1),
    ("the day before", 1),
    ("the day after", -1),
    ("hours after", 0),
    ("minutes before", 0),
    ("a week after", -7),
    ("two weeks before", 14),
])
def test_relative_chains(expression, offset):
    [m] = find_dates(f"The talks began {expression} the ceasefire collapsed.", P)
    assert (m.date, m.precision, m.offset_days) == (None, "relative", offset)
    assert m.text == expression
    assert resolve(expression, P) == (None, "relative")


def test_shortly_after_a_clock_time_is_no_chain():
    assert [m for m in find_dates("The blast came shortly after 9am.", P) if m.precision == "relative"] == []


def test_mentions_in_a_sentence_with_offsets():
    text = ("The envoy met the rebels on Monday, two days after the shelling, and said last week's "
            "truce had held since October.")
    got = find_dates(text, P)
    assert [(m.text, m.date, m.precision, m.offset_days) for m in got] == [
        ("Monday", "2020-02-03", "day", None),
        ("two days after", None, "relative", -2),
        ("last week", "2020-01-27", "week", None),
        ("October", "2019-10", "month", None),
    ]
    for m in got:
        assert text[m.start:m.end] == m.text
        assert isinstance(m, DateMention)


def test_lowercase_may_and_march_are_not_months():
    assert find_dates("Talks may resume if the protesters march peacefully.", P) == []
    assert find_dates("Crowds will gather in May.", P)[0].date == "2019-05"


def test_without_published_only_explicit_dates_resolve():
    assert resolve("on Tuesday", None) == (None, "unknown")
    assert resolve("yesterday", None) == (None, "unknown")
    assert resolve("in October", None) == (None, "unknown")
    assert resolve("3 May 2019", None) == ("2019-05-03", "day")
    assert resolve("in 2015", None) == ("2015", "year")
    assert resolve("a day after", None) == (None, "relative")


def test_a_year_before_a_noun_a_year_from_elsewhere_and_a_wire_dateline():
    [m] = find_dates("Survivors of the 1994 massacre and of a 1789 seizure", None)[:1]
    assert (m.text, m.date, m.precision) == ("1994", "1994", "year")  # the year alone: it belongs to the noun
    assert [m.date for m in find_dates("troops seized the palace in 1789", None)] == ["1789"]
    # without a publication date, a year the title gives fixes days and months given without one
    assert [m.date for m in find_dates("on May 28 and in October", None, 2019)] == ["2019-05-28", "2019-10"]
    assert [m.date for m in find_dates("on Tuesday", None, 2019)] == [None]  # a weekday needs the day itself
    # a wire story datelined on a Wednesday that says "on Wednesday" means that day
    assert find_dates("on Wednesday", "2019-05-29")[0].date == "2019-05-22"
    assert find_dates("on Wednesday", "2019-05-29", same_weekday=True)[0].date == "2019-05-29"
    assert (find_dates("talked this past weekend", P)[0].precision, resolve("this past weekend", P)[1]) == ("week",
                                                                                                         "week")


def test_published_timestamps_and_errors():
    assert resolve("yesterday", "2020-02-05T23:10:00Z") == ("2020-02-04", "day")
    with pytest.raises(ValueError, match="published='5 Feb 2020'"):
        find_dates("on Tuesday", "5 Feb 2020")
    with pytest.raises(TypeError, match="text=None"):
        find_dates(None, P)  # type: ignore[arg-type]


def test_fallback_parser_uses_published_not_the_clock():
    assert resolve("2020/02/03", P) == ("2020-02-03", "day")
    assert resolve("no date here", P) == (None, "unknown")
    assert resolve("no date here", None) == (None, "unknown")


@pytest.mark.skipif(not (SHARED / "examples" / "seed_article.txt").exists(), reason="shared/ not present")
def test_seed_article_dates():
    text = (SHARED / "examples" / "seed_article.txt").read_text(encoding="utf-8")
    found = {(m.text.lower(), m.date, m.precision, m.offset_days) for m in find_dates(text, "2020-02-05")}
    assert ("tuesday", "2020-02-04", "day", None) in found
    assert ("a day after", None, "relative", -1) in found
    assert ("last year, in october", "2019-10", "month", None) in found
    assert ("last week", "2020-01-27", "week", None) in found


def test_a_day_without_a_year_in_a_clause_of_the_future_is_the_one_to_come():
    from tacitus.coding import Coder
    from tacitus.settings import Settings

    coder = Coder(Settings(learned=False))
    told = "2020-12-10"  # told in December: January is next year's in the future, this year's in the past
    [meet] = coder.code_text("The Ghanaian and Togolese presidents will meet in Lome on Jan. 20.", published=told)
    assert (meet.date, meet.date_precision) == ("2021-01-20", "day")
    [met] = coder.code_text("The Ghanaian and Togolese presidents met in Lome on Jan. 20.", published=told)
    assert (met.date, met.date_precision) == ("2020-01-20", "day")
    [month] = coder.code_text("The Ghanaian and Togolese presidents will meet in Lome in February.", published=told)
    assert (month.date, month.date_precision) == ("2021-02", "month")
    # a day still to come this year stays in it
    [soon] = coder.code_text("The Ghanaian and Togolese presidents will meet in Lome on Dec. 20.", published=told)
    assert soon.date == "2020-12-20"
    # a day just gone, or one most of a year away, is no plan told in December: a stale story, or a past act the
    # clause names, keeps its year
    [stale] = coder.code_text("The Ghanaian and Togolese presidents will meet in Lome on Dec. 8.", published=told)
    assert stale.date == "2020-12-08"
    far = coder.code_text("A commission will investigate the shooting of protesters by police in Accra on Oct. 20.",
                          published=told)
    assert "2020-10-20" in [e.date for e in far] and not any(e.date.startswith("2021") for e in far)
