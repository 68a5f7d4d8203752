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


def test_the_words_of_coded_documents_leave_the_vocabulary_when_their_zone_closes(monkeypatch):
    from tacitus import coding
    from tacitus.records import Document

    monkeypatch.setattr(coding, "ZONE_DOCUMENTS", 4)
    coder = coding.Coder(Settings(learned=False))
    strings = coder.nlp.vocab.strings

    def batch(k: int) -> list[Document]:
        return [Document(doc_id=f"d{k}{i}", text=f"Police arrested Zorvak{k}x{i} and Quillen{k}y{i} in Nairobi.")
                for i in range(4)]

    coder.code_each(batch(0))
    assert "Zorvak0x3" in strings  # the zone of the first four documents is still open
    coder.code_each(batch(1))  # four documents coded: their zone closed before these were read
    assert "Zorvak0x3" not in strings and "Quillen0y0" not in strings and "Zorvak1x0" in strings
    assert len(coder.code_each(batch(2))[0]) == 1  # and coding goes on in a new zone
    # two coders of one model share its pipeline, and so its zone: neither leaves the other's words for good
    other = coding.Coder(Settings(learned=False))
    assert other.nlp is coder.nlp
    other.code_each(batch(3))  # closes the zone of batch 2
    coder.code_each(batch(4))  # closes the zone of batch 3
    assert not any(f"Zorvak{k}x0" in strings for k in (1, 2, 3)) and "Zorvak4x0" in strings
