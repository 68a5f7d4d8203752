"""The coder's JSONL output on the shared corpora and gold files is the recorded one, ids included.

The fixture was recorded by ``tests/golden_output.py`` with the code before a redesign step; a deliberate change
of behaviour records it again in the same commit. On a difference the test names the documents and prints what
the coder gives now for the first few.
"""

import json

import pytest

from golden_output import FIXTURE, SHARED, digests

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared")


@pytest.fixture(scope="module")
def coder():
    from tacitus.pipeline import Coder

    return Coder()


def test_output_is_the_recorded_output(coder):
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    now = digests(coder)
    assert set(now) == set(recorded)
    changed = []
    for source, table in recorded.items():
        assert set(now[source]) == set(table), f"{source}: other documents than recorded"
        changed += [(source, doc_id, table[doc_id][0], now[source][doc_id][0])
                    for doc_id in table if now[source][doc_id] != table[doc_id]]
    assert not changed, (f"{len(changed)} documents code differently from the recorded output; first: "
                         + "; ".join(f"{s}/{d}: {a} -> {b} events" for s, d, a, b in changed[:10]))
