"""The parser's cached token attributes (parse/token_attributes.py) give what spaCy's own attribute ruler and
lemmatizer give, token for token."""

import json
from pathlib import Path

import pytest

from tacitus.parse import load_pipeline
from tacitus.parse.token_attributes import NAME, TokenAttributes, cache_token_attributes

NEWS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news_samples.jsonl"

# our own sentences for the patterns that span tokens or set a lemma: "there is", "gon na", "ai n't", "let 's"
SPANS = [
    "There is no deal yet, and there were no talks on Monday.",
    "We are gon na sign it, let's be clear, and I ain't leaving, y'all.",
    "I'd say they'd met him before; she's said hers was lost.",
]


def _attributes(nlp, texts):
    with nlp.memory_zone():
        return [[(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in doc]
                for doc in nlp.pipe(texts, batch_size=16)]


@pytest.fixture(scope="module")
def pipelines():
    ours = load_pipeline()
    own = load_pipeline(cached_attributes=False)
    return ours, own


def _news(n):
    with open(NEWS, encoding="utf-8") as fh:
        return [json.loads(line)["text"][:3000] for line, _ in zip(fh, range(n))]


def test_the_pipeline_reads_tags_and_lemmas_through_the_cache(pipelines):
    ours, own = pipelines
    assert NAME in ours.pipe_names and "attribute_ruler" in ours.disabled and "lemmatizer" in ours.disabled
    assert NAME not in own.pipe_names and "lemmatizer" in own.pipe_names
    assert ours.get_pipe("lemmatizer").lookups.get_table("lemma_exc")  # the prefilter still reads its tables


needs_news = pytest.mark.skipif(not NEWS.exists(), reason="shared corpus absent")


@needs_news
def test_cached_attributes_are_spacys_on_real_news_and_on_patterns_that_span_tokens(pipelines):
    ours, own = pipelines
    texts = SPANS + _news(40)
    got, expected = _attributes(ours, texts), _attributes(own, texts)
    assert got == expected
    there = got[0]
    assert there[1][:4] == ("is", "VBZ", "ROOT", "VERB")  # the "there is" pattern, not the one-token AUX
    gonna = {t[0]: t[5] for t in got[1]}
    assert gonna["gon"] == "go" and gonna["na"] == "to" and gonna["ai"] == "be"
    # a second pass, served from the caches, is the same
    assert _attributes(ours, texts) == expected


@needs_news
def test_a_full_cache_starts_again_and_gives_the_same_answers(pipelines):
    ours, own = pipelines
    component = ours.get_pipe(NAME)
    small = TokenAttributes(own.get_pipe("attribute_ruler"), own.get_pipe("lemmatizer"), capacity=50)
    texts = SPANS + _news(5)
    saved = component.__dict__.copy()
    component.__dict__.update(small.__dict__)
    try:
        got = _attributes(ours, texts)
        assert len(component.by_word) <= 50 + max(len(d) for d in got)
    finally:
        component.__dict__.update(saved)
    assert got == _attributes(own, texts)


def test_a_pattern_form_it_does_not_evaluate_leaves_spacys_components_in_place():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"FUZZY": "colour"}}]], {"POS": "NOUN"})
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert not cache_token_attributes(nlp)
    assert nlp.pipe_names == ["attribute_ruler", "lemmatizer"] and not nlp.disabled
