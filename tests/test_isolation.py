"""Per-document isolation (issue 13): an exception while reading, coding or storing one document rejects that
document with a one-line reason, and the rest of its batch and of the run is coded, on every engine."""

from __future__ import annotations

import pytest

from hostile_inputs import LOOP_PRONOUN
from tacitus.pipeline import Coder
from tacitus.settings import Settings


@pytest.fixture(scope="module")
def coder():
    return Coder(Settings(learned=False))


def test_a_pronoun_whose_antecedent_chain_loops_is_coded(coder):
    events = coder.code_text(LOOP_PRONOUN, published="2024-05-08")  # was RecursionError
    sentences = {e.sentence.split()[0] for e in events if e.plover_type == "ASSAULT"}
    assert sentences == {"Police", "She"}, [e.to_dict() for e in events]  # both attacks, the loop's included
