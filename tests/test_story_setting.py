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


def setting(coder: Coder, headline: str | None) -> str | None:
    docs = [coder.nlp(p) for p in PARAGRAPHS]
    return coder.coder.settings.read(docs, headline=coder.nlp(headline) if headline else None)[0]


@pytest.mark.parametrize("headline, country", [
    # a story whose title names no country (or that has none) leads with its news: the lead says where it is
    (None, "KEN"),
    ("Farmers block highway over maize prices", "KEN"),
    # a title that names a country says it instead
    ("Uganda floods the market with cheap maize", "UGA"),
])
def test_the_lead_says_where_the_news_is_when_the_title_does_not(coder, headline, country):
    assert setting(coder, headline) == country
