"""How far two blind readings of the same articles agree: a second annotation (same format as the gold folder)
scored as if it were the coder's output, by the real-news scorer (:func:`tacitus.evaluate.realnews.score`).

The figures are the ceiling to read the coder's against: how much of the first reading a second careful human,
following the same guidelines, finds, under the rules the coder is scored by. Each event of the second reading is one
event (never merged with another: the reader meant it), with one mention per quote in the sentence of the article
that holds it (the title when the quote stands there), and the reading's first type, first source and first
target code. As for the coder, the reading's counted events are its asserted and future ones, and only asserted gold
events can be found (a future act both readings record counts against the second).
"""

from __future__ import annotations

import re
from pathlib import Path

from tacitus.evaluate.realnews import (UNKNOWN_COUNTRY, CodedEvent, GoldEvent, corpus_documents, corpus_path,
                                       gold_folder, read_gold, score)
from tacitus.evaluate.report import EvalReport
from tacitus.records import Actor, Document, Event, Location, is_counted


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sentences(text: str) -> list[str]:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return [_flat(s.text) for s in nlp(text).sents if s.text.strip()]


PRECISIONS = {4: "year", 7: "month", 10: "day"}  # by the length of an ISO date


def _actor(codes: tuple[str, ...]) -> Actor | None:
    """The first code a reading gives ("USA GOV", "IGO", "---"): its country and sector."""
    if not codes:
        return None
    parts = codes[0].split()
    if not parts or parts[0] == UNKNOWN_COUNTRY:
        return Actor(text=codes[0])
    return Actor(text=codes[0], country=parts[0], sector=parts[1] if len(parts) > 1 else None)


def _location(place: dict | None) -> Location | None:
    if not place:
        return None
    return Location(name=place.get("name") or "", country=place.get("country"), lat=place.get("lat"),
                    lon=place.get("lon"), precision=place.get("precision") or "city")


def reading_events(record: GoldEvent, article: Document, sentences: list[str]) -> list[Event]:
    """The mentions one annotated event of a reading stands for: one per quote, in the sentence holding it."""
    title = _flat(article.title or "")
    events = []
    for quote in record.quotes:
        q = _flat(quote)
        index = next((i for i, s in enumerate(sentences) if q in s), None)
        if index is None:  # across a sentence boundary: the sentence where it begins
            index = next((i for i, s in enumerate(sentences) if q[:40] in s), None)
        in_title = bool(title) and q in title and index is None
        sentence = title if in_title else sentences[index] if index is not None else q
        events.append(Event(
            event_id=f"{record.doc_id}/{record.id}", doc_id=record.doc_id,
            sentence_index=-1 if in_title else (index if index is not None else 0), sentence=sentence,
            evidence_start=0, evidence_end=0, plover_type=record.types[0], plover_mode=record.mode,
            plover_contexts=[], cameo_code="", goldstein=0.0, quad_class=0,
            source=_actor(record.source) or Actor(text=""), target=_actor(record.target), date=record.date,
            date_precision=PRECISIONS.get(len(record.date or ""), "unknown"), location=_location(record.place),
            fatalities=record.fatalities, modality=record.modality, title=article.title if in_title else None,
            historical=record.historical, from_title=in_title))
    return events


def by_record(events: list[Event]) -> list[CodedEvent]:
    """A reading's counted events as it recorded them: the mentions of one record together, none merged."""
    groups: dict[str, CodedEvent] = {}
    for e in events:
        if is_counted(e.modality):
            groups.setdefault(e.event_id, CodedEvent([])).mentions.append(e)
    return list(groups.values())


def evaluate_agreement(gold_path: str | Path, second_path: str | Path,
                       corpus: str | Path | None = None) -> EvalReport:
    """Score the second reading at ``second_path`` against the gold at ``gold_path``, over the articles the second
    reading annotated (all of them must be in the gold)."""
    gold_dir, second_dir = gold_folder(gold_path), gold_folder(second_path)
    docs, gold, meta = read_gold(gold_dir)
    second_docs, second, _ = read_gold(second_dir)
    missing = sorted(set(second_docs) - set(docs))
    if missing:
        raise ValueError(f"{second_dir}: {len(missing)} article(s) the gold does not hold, e.g. {missing[0]!r}")
    corpus = corpus_path(gold_dir, meta, corpus)
    empty = next((f"{r.doc_id}/{r.id}" for r in second if not r.types or not r.quotes), None)
    if empty is not None:
        raise ValueError(f"{second_dir}: event {empty} has no type or no quote")
    articles = corpus_documents(corpus, set(second_docs))
    coded: dict[str, list[Event]] = {d: [] for d in second_docs}
    split_sentences = {d: _sentences(articles[d].text) for d in second_docs}
    for record in second:
        coded[record.doc_id].extend(reading_events(record, articles[record.doc_id], split_sentences[record.doc_id]))
    chosen = {d: docs[d] for d in second_docs}
    report = score(chosen, [g for g in gold if g.doc_id in chosen], coded, "second reading", group=by_record)
    report.path = str(second_dir)
    return report
