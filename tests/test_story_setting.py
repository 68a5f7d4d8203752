"""The country a story is set in (events/setting.py), read from the whole document before its sentences are coded:
team-written paragraphs."""

from __future__ import annotations

import pytest

from tacitus.pipeline import Coder
from tacitus.settings import Settings

PARAGRAPHS = ["Kenyan farmers blocked a highway on Monday to protest against low maize prices.",
              "Traders said cheap imports from Uganda had pushed prices down."]


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder(Settings(learned=False))


def setting(coder: Coder, headline: str | None, paragraphs: list[str] = PARAGRAPHS) -> str | None:
    docs = [coder.nlp(p) for p in paragraphs]
    return coder.coder.settings.read(docs, headline=coder.nlp(headline) if headline else None,
                                     lead=next(iter(docs[0].sents)))[0]


@pytest.mark.parametrize("headline, country", [
    # a story whose title names no country (or that has none) leads with its news: the lead says where it is
    (None, "KEN"),
    ("Farmers block highway over maize prices", "KEN"),
    # a title that names a country says it instead
    ("Uganda floods the market with cheap maize", "UGA"),
])
def test_the_lead_says_where_the_news_is_when_the_title_does_not(coder, headline, country):
    assert setting(coder, headline) == country


def test_what_the_lead_opens_with_is_background(coder):
    # the country a participle's phrase names is not where the news is ("Inspired by protests in France, ...")
    paragraphs = ["Inspired by protests in France, thousands of workers marched in Lagos on Monday.",
                  "Unions in Paris sent a message of support."]
    assert setting(coder, None, paragraphs) is None  # (France and Nigeria once each: no country leads)


def test_a_story_of_one_sentence_is_read_as_it_always_was(coder):
    # a one-sentence text has no lead apart from itself: the coder passes none, and one country named once stays a
    # weak setting ("the minister visiting the one country named is not of it")
    from tacitus.records import Document

    [event] = coder.code([Document(doc_id="d", text="The minister visited Iran on Monday.",
                                   published="2023-03-14")])[0]
    assert event.source.country != "IRN"
