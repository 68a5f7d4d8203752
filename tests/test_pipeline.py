"""The pipeline on several processes gives the same events, in the same order, as on one."""

from __future__ import annotations

from tacitus.demo import corpus_dir
from tacitus.pipeline import run
from tacitus.settings import Settings


def _events(workers: int):
    out = []
    for status, _doc, events in run([str(corpus_dir())], Settings(workers=workers, docs_per_task=2)):
        out.append((status.input, status.status, [e.to_dict() for e in events]))
    return out


def test_two_workers_match_one():
    one, two = _events(1), _events(2)
    assert one == two
    assert sum(len(e) for _, _, e in one) > 5
    assert [s for _, s, _ in one].count("skipped") == 1  # the syndicated copy in the demo corpus
