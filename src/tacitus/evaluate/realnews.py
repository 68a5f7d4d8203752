"""Scoring whole articles against the team's real-news gold (``gold/realnews``): standoff event records.

The gold folder holds ``annotations.jsonl`` (one event per line: doc id, quotes, acceptable PLOVER types, mode,
source and target codes, modality, date, place, fatalities), ``documents.jsonl`` (the annotated articles with
their split) and ``meta.json`` (where the articles' corpus lies, relative to the folder). The articles are
coded as ``tacitus code`` codes them (no publication date: the corpus carries none), then:

- The coder's counted mentions (asserted or future) are merged as the store merges them (same type, dyad,
  date and place in one document), so a toll told twice counts once and an act told by three names thrice.
- A coded event **finds** a gold event when one of its mentions' sentences holds one of the gold quotes (or the
  quote holds the sentence) and its type is one the gold accepts. Gold events the text does not assert
  (negated, future, hypothetical, requested) are never found: coding one is a false event.
- Type: precision = coded events that find an asserted gold event / coded events; recall = asserted gold events
  found / asserted gold events. Type+dyad: the same where the source and the target country are also right
  (``---`` and no target are right only when the coder gives no country / no target).
- Of the pairs found: place within 50 km (a country-level gold place: the right country; a region-level one
  (precision admin1): that region, or within 50 km), date (the gold
  date's precision at least), mode, and death toll, each over the pairs whose gold has one.
Misses and false events are listed with their evidence.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tacitus.evaluate.metrics import f1_of as f1
from tacitus.evaluate.report import MAX_ERRORS, EvalReport
from tacitus.records import Document, Event, is_counted

GOLD_SPLITS = ("dev", "dev2", "dev3", "dev4", "test")  # dev2-dev4: later development batches (GUIDELINES.md)
REALNEWS_SPLITS = (*GOLD_SPLITS, "all")
PLACE_TOLERANCE_KM = 50.0
UNKNOWN_COUNTRY = "---"
QUOTE_OVERLAP = 0.8  # share of a quote's words a sentence must hold, in order, when the quote spans a boundary
# PLOVER types of the core events counted apart (violence, arrests, sanctions, agreements, meetings,
# protests, demands, threats, aid)
CORE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "AGREE", "COOPERATE", "CONSULT", "PROTEST", "REQUEST",
                        "THREATEN", "AID"})


@dataclass(frozen=True)
class GoldEvent:
    doc_id: str
    id: str
    quotes: tuple[str, ...]
    types: tuple[str, ...]
    mode: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    modality: str
    date: str | None
    place: dict | None
    fatalities: int | None
    historical: bool
    in_title: bool

    @property
    def asserted(self) -> bool:
        return self.modality == "asserted"


@dataclass
class CodedEvent:
    """The coder's mentions of one event in one document (merged as the store merges them)."""

    mentions: list[Event]

    @property
    def first(self) -> Event:
        return self.mentions[0]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _holds(sentence: str, quote: str) -> bool:
    """The sentence holds the quote (whitespace, case and punctuation aside), the quote holds the sentence, or
    the sentence holds most of the quote's words in a row (a quote across a sentence boundary)."""
    s, q = " ".join(_words(sentence)), " ".join(_words(quote))
    if not s or not q:
        return False
    if q in s or (len(s) > 20 and s in q):
        return True
    qw = q.split()
    need = max(1, int(len(qw) * QUOTE_OVERLAP + 0.999))
    return any(" ".join(qw[i:i + need]) in s for i in range(len(qw) - need + 1))


def read_gold(folder: Path) -> tuple[dict[str, dict], list[GoldEvent], dict]:
    """Documents (doc id -> record), events and meta of a real-news gold folder; errors name file and line."""
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    docs: dict[str, dict] = {}
    for n, line in enumerate((folder / "documents.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rec = json.loads(line)
            if "doc_id" not in rec or rec.get("split") not in GOLD_SPLITS:
                raise ValueError(f"{folder / 'documents.jsonl'}:{n}: needs doc_id and split {', '.join(GOLD_SPLITS)}")
            docs[rec["doc_id"]] = rec
    events = []
    path = folder / "annotations.jsonl"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            events.append(GoldEvent(
                doc_id=r["doc_id"], id=r["id"], quotes=tuple(r["quotes"]), types=tuple(r["types"]),
                mode=r.get("mode"), source=tuple(r.get("source") or ()), target=tuple(r.get("target") or ()),
                modality=r.get("modality") or "asserted", date=r.get("date"), place=r.get("place"),
                fatalities=r.get("fatalities"), historical=bool(r.get("historical")),
                in_title=bool(r.get("in_title"))))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{n}: not a gold event ({exc})") from None
        if events[-1].doc_id not in docs:
            raise ValueError(f"{path}:{n}: document {events[-1].doc_id!r} is not in documents.jsonl")
    return docs, events, meta


def gold_folder(path: str | Path) -> Path:
    p = Path(path)
    folder = p if p.is_dir() else p.parent
    if not (folder / "annotations.jsonl").is_file() or not (folder / "documents.jsonl").is_file():
        raise ValueError(f"{p}: a real-news gold folder holds annotations.jsonl and documents.jsonl")
    return folder


def is_realnews(path: str | Path) -> bool:
    try:
        gold_folder(path)
    except ValueError:
        return False
    return True


def corpus_documents(corpus: Path, wanted: set[str]) -> dict[str, Document]:
    """The wanted articles of the corpus, read and cleaned as ``tacitus code`` reads them (an article the corpus
    repeats under another id is read under each)."""
    from tacitus.ingest import iter_inputs

    found = {}
    for _status, doc in iter_inputs([str(corpus)], repeats=True):
        if doc is not None and doc.doc_id in wanted:
            found[doc.doc_id] = doc
    missing = wanted - set(found)
    if missing:
        raise ValueError(f"{corpus}: {len(missing)} annotated article(s) missing, e.g. {sorted(missing)[0]!r}")
    return found


def merged(events: list[Event]) -> list[CodedEvent]:
    """Counted mentions merged by type, dyad, date and place (the store's rule for one event)."""
    groups: dict[tuple, CodedEvent] = {}
    for e in events:
        if not is_counted(e.modality):
            continue
        loc = e.location
        key = (e.plover_type, e.source.code if e.source else "", e.target.code if e.target else "", e.date,
               loc.country if loc else None, loc.admin1 if loc else None)
        groups.setdefault(key, CodedEvent([])).mentions.append(e)
    return list(groups.values())


def _country(code: str) -> str | None:
    head = code.split()[0] if code.strip() else ""
    return None if head in ("", UNKNOWN_COUNTRY) else head


def _countries_right(gold: tuple[str, ...], actor, *, role_optional: bool) -> bool:
    if not gold:
        return actor is None or not actor.country if role_optional else actor is None
    if actor is None:
        return False
    wanted = {_country(c) for c in gold}
    return actor.country in wanted or (actor.country is None and None in wanted)


def dyad_right(gold: GoldEvent, event: Event) -> bool:
    """Both countries right; an act the coder lists with several parties on a side (Event.also_sources,
    also_targets) is right when one of them is, as a gold event with several codes is."""
    return (any(_countries_right(gold.source, a, role_optional=False) for a in (event.source, *event.also_sources))
            and any(_countries_right(gold.target, a, role_optional=True) for a in (event.target, *event.also_targets)))


def _finds(coded: CodedEvent, gold: GoldEvent) -> bool:
    return coded.first.plover_type in gold.types and any(
        _holds(m.sentence, q) or (m.title and _holds(m.title, q)) for m in coded.mentions for q in gold.quotes)


def _assign(coded: list[CodedEvent], gold: list[GoldEvent], dyad: bool) -> dict[int, int]:
    """coded index -> gold index, one to one; with ``dyad`` only pairs whose countries are right."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for ci, c in enumerate(coded):
        for gi, g in enumerate(gold):
            if gi in taken or not _finds(c, g):
                continue
            if dyad and not any(dyad_right(g, m) for m in c.mentions):
                continue
            pairs[ci] = gi
            taken.add(gi)
            break
    return pairs


def _place_right(gold: dict, event: Event) -> bool:
    from tacitus.geo import distance_km

    loc = event.location
    if loc is None:
        return False
    if gold.get("lat") is None or gold.get("lon") is None:
        return loc.country == gold.get("country")
    if gold.get("precision") == "admin1" and loc.admin1 and loc.country == gold.get("country") \
            and _words(loc.admin1) == _words(str(gold.get("name") or "")):
        return True  # the gold's region itself, whatever point either takes for it (centroids differ)
    if loc.lat is None or loc.lon is None:
        return False
    return distance_km(gold["lat"], gold["lon"], loc.lat, loc.lon) <= PLACE_TOLERANCE_KM


# Precisions that are no date of the act: none at all, or the publication date standing in for it.
NOT_THE_ACTS_DATE = ("unknown", "published")


def _date_right(gold: str, event: Event) -> bool:
    return bool(event.date) and event.date_precision not in NOT_THE_ACTS_DATE and event.date.startswith(gold) \
        and len(event.date) >= len(gold)


def _evidence(e: Event) -> dict[str, Any]:
    return {"type": e.plover_type, "code": e.cameo_code, "source": e.source.code if e.source else None,
            "target": e.target.code if e.target else None, "sentence": e.sentence[:240],
            "evidence": e.sentence[e.evidence_start:e.evidence_end], "date": e.date,
            "place": e.location.name if e.location else None}


def score(docs: dict[str, dict], gold: list[GoldEvent], coded: dict[str, list[Event]], split: str,
          group: Callable[[list[Event]], list[CodedEvent]] | None = None) -> EvalReport:
    """The report for the coded documents against their gold events. ``group`` makes a document's events of its
    mentions (default: :func:`merged`, the store's rule)."""
    group = group or merged
    tp_type = tp_dyad = n_pred = n_gold = 0
    counts: Counter = Counter()
    per_type: dict[str, Counter] = {}
    errors: list[dict[str, Any]] = []
    for doc_id in docs:
        events = group(coded.get(doc_id, []))
        gold_doc = [g for g in gold if g.doc_id == doc_id]
        asserted = [g for g in gold_doc if g.asserted]
        n_pred += len(events)
        n_gold += len(asserted)
        typed = _assign(events, asserted, dyad=False)
        dyads = _assign(events, asserted, dyad=True)
        tp_type += len(typed)
        tp_dyad += len(dyads)
        core = [g for g in asserted if set(g.types) & CORE_TYPES]
        counts["core_gold"] += len(core)
        counts["core_dyad_right"] += sum(1 for gi in dyads.values() if asserted[gi] in core)
        for g in asserted:
            per_type.setdefault(g.types[0], Counter())["support"] += 1
        for ci, c in enumerate(events):
            row = per_type.setdefault(c.first.plover_type, Counter())
            row["predicted"] += 1
            if ci in typed:
                row["tp"] += 1
        for ci, gi in typed.items():
            _field_scores(asserted[gi], events[ci], counts)
        found = set(typed.values())
        for gi, g in enumerate(asserted):
            if gi not in found:
                errors.append({"id": f"{doc_id}/{g.id}", "gold": "/".join(g.types), "predicted": "missed",
                               "text": g.quotes[0], "event": f"{' '.join(g.source)} -> {' '.join(g.target)}"})
        not_asserted = [g for g in gold_doc if not g.asserted]
        for ci, c in enumerate(events):
            if ci in typed:
                continue
            why = next((f"coded a {g.modality} act" for g in not_asserted if _finds(c, g)), "no such gold event")
            ev = _evidence(c.first)
            errors.append({"id": doc_id, "gold": why, "predicted": ev["type"], "text": ev["sentence"],
                           "evidence": ev["evidence"], "event": f"{ev['source']} -> {ev['target']}"})
    metrics: dict[str, Any] = {}
    for name, tp in (("type", tp_type), ("dyad", tp_dyad)):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        metrics.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f1(p, r)})
    for what in ("place", "date", "mode", "fatalities"):
        n = counts[f"{what}_n"]
        metrics[f"{what}_right"] = counts[f"{what}_right"] / n if n else 0.0
        metrics[f"{what}_n"] = n
    metrics.update({"gold_events": n_gold, "coded_events": n_pred, "found": tp_type, "found_with_dyad": tp_dyad,
                    "core_gold": counts["core_gold"], "core_dyad_right": counts["core_dyad_right"]})
    table = {}
    for t, row in sorted(per_type.items()):
        p = row["tp"] / row["predicted"] if row["predicted"] else 0.0
        r = row["tp"] / row["support"] if row["support"] else 0.0
        table[t] = {"precision": p, "recall": r, "f1": f1(p, r), "support": row["support"],
                    "predicted": row["predicted"], "tp": row["tp"]}
    return EvalReport(dataset="realnews", split=split, n=len(docs), metrics=metrics, per_class=table,
                      confusion={}, labels=sorted(table), errors=errors[:MAX_ERRORS])


def _field_scores(g: GoldEvent, c: CodedEvent, counts: Counter) -> None:
    e = c.first
    if g.place:
        counts["place_n"] += 1
        counts["place_right"] += any(_place_right(g.place, m) for m in c.mentions)
    if g.date:
        counts["date_n"] += 1
        counts["date_right"] += any(_date_right(g.date, m) for m in c.mentions)
    if g.mode:
        counts["mode_n"] += 1
        counts["mode_right"] += e.plover_mode == g.mode
    if g.fatalities is not None:
        counts["fatalities_n"] += 1
        counts["fatalities_right"] += any(m.fatalities == g.fatalities for m in c.mentions)


def corpus_path(folder: Path, meta: dict, corpus: str | Path | None) -> Path:
    """The articles' corpus: the one given, else the one the gold folder's meta.json names; it must be there."""
    if corpus is None:
        if "corpus" not in meta:
            raise ValueError(f"{folder}: meta.json names no corpus; pass --corpus")
        corpus = folder / meta["corpus"]
    corpus = Path(corpus)
    if not corpus.is_file():
        raise FileNotFoundError(f"{corpus}: the articles' corpus is not there (pass --corpus)")
    return corpus


def evaluate_realnews(path: str | Path, coder, split: str = "dev", corpus: str | Path | None = None) -> EvalReport:
    """Code the articles of ``split`` of the gold folder at ``path`` and score them."""
    if split not in REALNEWS_SPLITS:
        raise ValueError(f"unknown split {split!r} for real-news gold: expected one of {', '.join(REALNEWS_SPLITS)}")
    folder = gold_folder(path)
    docs, gold, meta = read_gold(folder)
    corpus = corpus_path(folder, meta, corpus)
    chosen = {d: rec for d, rec in docs.items() if split == "all" or rec["split"] == split}
    articles = corpus_documents(corpus, set(chosen))
    order = list(chosen)
    coded = dict(zip(order, coder.code([articles[d] for d in order])))
    report = score(chosen, [g for g in gold if g.doc_id in chosen], coded, split)
    report.path = str(folder)
    return report
