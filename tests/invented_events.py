"""Invented event records (written by the tacitus team) for tests that need a small store with chosen actors."""

from __future__ import annotations

from pathlib import Path

from tacitus.records import Actor, Document, Event
from tacitus.store import EventStore

SENTENCE = "Fishermen from Brevik blockaded the harbour of Osterholm to protest the new quotas."


def protest(doc_id: str, n: int = 0, *, source: str = "Fishermen from Brevik", country: str | None = "NOR",
            target: str | None = None, sentence: str = SENTENCE, date: str = "2024-04-02") -> Event:
    """A PROTEST mention whose evidence is the sentence's first verb ending in 'ed'."""
    verb = next(w for w in sentence.split() if w.endswith("ed"))
    start = sentence.index(verb)
    return Event(event_id=f"{doc_id}:{n}", doc_id=doc_id, sentence_index=n, sentence=sentence,
                 evidence_start=start, evidence_end=start + len(verb), plover_type="PROTEST",
                 plover_mode="protest", plover_contexts=[], cameo_code="145", goldstein=-7.0, quad_class=3,
                 source=Actor(text=source, name=source.lower(), country=country, sector="CVL"),
                 target=Actor(text=target, name=target.lower(), country="NOR", sector="GOV") if target else None,
                 date=date, date_precision="day", modality="asserted", confidence=0.7, predicate="protest")


def story(doc_id: str, text: str | None = None, published: str = "2024-04-03") -> Document:
    return Document(doc_id=doc_id, text=text or f"Invented story {doc_id} about the harbour.", published=published)


def store_of(path: Path, events_by_doc: dict[str, list[Event]]) -> Path:
    """A store at ``path`` holding one invented story per key with its events."""
    with EventStore(path) as st:
        for doc_id, events in events_by_doc.items():
            st.add_document(story(doc_id), events)
    return path
