"""Property-based fuzzing (hypothesis, bounded examples for CI): ingest, cleaning, date resolution and the coder
never crash on arbitrary input, and what they return keeps its invariants.

For longer runs outside CI, the same entry points can be driven by atheris (see ARCHITECTURE.md, "Fuzzing")."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.ingest import iter_inputs
from tacitus.ingest.clean import clean_text
from tacitus.time import find_dates, resolve

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
WORDS = st.sampled_from(["Turkey", "attacked", "Syrian", "troops", "on", "Tuesday", "killing", "12", "people",
                         "Logo", "Advertisement", "\n\n", ".", ",", "yesterday", "last", "week", "UN", "said",
                         "Mr", "Putin", "in", "Idlib", "3", "May", "2019", "a", "day", "after", "the"])
NEWSLIKE = st.lists(WORDS, max_size=60).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSLIKE)


@FAST
@given(ANY_TEXT)
def test_cleaning_never_fails_and_never_invents_text(text):
    cleaned = clean_text(text)
    assert isinstance(cleaned.text, str)
    assert len(cleaned.text) <= len(text) + text.count("\n") + 10  # it removes and normalises, it does not add


@FAST
@given(ANY_TEXT, st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_dates_resolve_to_iso_or_nothing(text, published):
    for m in find_dates(text, published.isoformat()):
        assert 0 <= m.start < m.end <= len(text)
        assert m.date is None or m.date[:4].isdigit()
    value = resolve(text, published.isoformat())
    assert value is None or (isinstance(value, tuple) and len(value) == 2)


@FAST
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".bin"]))
def test_any_file_is_coded_or_rejected_with_a_reason(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    results = list(iter_inputs([str(path)], published="2024-05-08"))
    assert results
    for status, doc in results:
        assert status.status in ("coded", "rejected", "skipped")
        assert (doc is not None) == (status.status == "coded")
        assert status.status == "coded" or status.reason


@pytest.fixture(scope="module")
def coder():
    from tacitus.pipeline import Coder
    from tacitus.settings import Settings

    return Coder(Settings())


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(text=ANY_TEXT)
def test_the_coder_never_fails_and_its_events_point_into_their_sentence(coder, text):
    for e in coder.code_text(text, published="2024-05-08"):
        assert 0 <= e.evidence_start < e.evidence_end <= len(e.sentence)
        assert e.plover_type and e.cameo_code and e.modality in ("asserted", "negated", "future", "hypothetical")
        assert e.source is not None and 0.0 <= e.confidence <= 1.0
