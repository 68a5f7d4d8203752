"""Features of one sentence for the learned layer: sparse structural cues plus a dense tok2vec summary.

The sparse part names what the parse and the pattern coder say about the sentence's main predicate and its
arguments ("main=attack", "obj=talk", "neg", "pat_class=3", ...). The dense part concatenates rows of
``doc.tensor`` (the pipeline's tok2vec output): the main predicate, its object head, and the sentence mean.
Only numpy and spaCy are needed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from tacitus.events.modality import ModalityWords
from tacitus.events.ontology import Ontology
from tacitus.records import Event, is_counted

VERBAL = {"VERB", "AUX"}
OBJECT_DEPS = {"dobj", "attr", "oprd"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
DENSE_PARTS = ("main", "obj", "mean", "comp", "subj")


@dataclass(frozen=True)
class FeatureOptions:
    """Which features to extract; stored with a model so inference extracts the same ones."""

    lemma_bag: bool = False  # add "lem=<lemma>" for every verb/noun of the sentence
    pairs: bool = True  # add conjunctions such as "main_obj=launch_assault"
    dense_parts: tuple[str, ...] = ("main", "obj", "mean")

    def __post_init__(self) -> None:
        unknown = [p for p in self.dense_parts if p not in DENSE_PARTS]
        if unknown:
            raise ValueError(f"unknown dense part(s) {unknown}; known: {', '.join(DENSE_PARTS)}")

    def to_dict(self) -> dict:
        return {"lemma_bag": self.lemma_bag, "pairs": self.pairs, "dense_parts": list(self.dense_parts)}

    @classmethod
    def from_dict(cls, data: dict) -> "FeatureOptions":
        return cls(lemma_bag=bool(data.get("lemma_bag", False)), pairs=bool(data.get("pairs", True)),
                   dense_parts=tuple(data.get("dense_parts", ("main", "obj", "mean"))))


def countable(event: Event) -> bool:
    """Whether an event can be a sentence's top event: asserted or future (the rule of ``tacitus eval``)."""
    return is_counted(event.modality)


def top_event_index(events: Sequence[Event]) -> int | None:
    """Index of the sentence's top event: among the countable events, the highest confidence, the first one
    on ties; None when no event is countable."""
    best: int | None = None
    for i, e in enumerate(events):
        if countable(e) and (best is None or e.confidence > events[best].confidence):
            best = i
    return best


def event_class(event: Event, ontology: Ontology) -> int:
    """The five-way class (0..4) of a pattern event's CAMEO code."""
    return ontology.lookup(event.cameo_code).five_way


def _roots(span: Span) -> list[Token]:
    return [t for t in span if t.dep_ == "ROOT" or t.head.i == t.i or not (span.start <= t.head.i < span.end)]


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() or tok.lower_


def _child(tok: Token, deps: set[str], pos: set[str] | None = None) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (pos is None or c.pos_ in pos):
            return c
    return None


def main_predicate(span: Span, words: ModalityWords) -> Token | None:
    """The sentence's main predicate: the root (the first verbal root when the span holds several), or,
    when the root is a verb of saying, the verb of what is said (its clausal complement)."""
    roots = _roots(span)
    if not roots:
        return None
    root = next((t for t in roots if t.pos_ in VERBAL), roots[0])
    if _lemma(root) in words.speech_verbs:
        said = _child(root, {"ccomp", "parataxis"}, VERBAL) or _child(root, {"ccomp", "parataxis"})
        if said is not None:
            return said
    return root


def _object_of(pred: Token) -> Token | None:
    return _child(pred, OBJECT_DEPS)


def _complement_of(pred: Token) -> Token | None:
    return _child(pred, {"xcomp"}, VERBAL) or _child(pred, {"ccomp"}, VERBAL)


def _confidence_bucket(conf: float) -> str:
    return "lt50" if conf < 0.5 else "50_65" if conf < 0.65 else "65_80" if conf < 0.8 else "ge80"


def _structure(span: Span, words: ModalityWords, opts: FeatureOptions, feats: dict[str, float]) -> dict[str, Token]:
    """Parse features; returns the tokens whose vectors feed the dense part."""
    anchors: dict[str, Token] = {}
    roots = _roots(span)
    root = next((t for t in roots if t.pos_ in VERBAL), roots[0]) if roots else None
    main = main_predicate(span, words)
    if root is None or main is None:
        feats["no_root"] = 1.0
        return anchors
    anchors["main"] = main
    r, m = _lemma(root), _lemma(main)
    feats[f"root={r}"] = 1.0
    feats[f"main={m}"] = 1.0
    feats[f"main_pos={main.pos_}"] = 1.0
    if main.i != root.i:
        feats["reported"] = 1.0
        feats[f"speech={r}"] = 1.0
    if r in words.negating_verbs or m in words.negating_verbs:
        feats["negating_verb"] = 1.0
    subj = _child(main, SUBJECT_DEPS)
    if subj is not None:
        anchors["subj"] = subj
        feats[f"subj_ent={subj.ent_type_ or 'none'}"] = 1.0
        if subj.dep_ == "nsubjpass" or _child(main, {"auxpass"}) is not None:
            feats["passive"] = 1.0
    obj = _object_of(main)
    comp = _complement_of(main)
    if comp is not None:
        anchors["comp"] = comp
        c = _lemma(comp)
        feats[f"comp={c}"] = 1.0
        if opts.pairs:
            feats[f"main_comp={m}_{c}"] = 1.0
        cobj = _object_of(comp)
        if cobj is not None:
            feats[f"comp_obj={_lemma(cobj)}"] = 1.0
            if obj is None:
                obj = cobj
        for prep in (t for t in comp.children if t.dep_ in ("prep", "agent")):
            feats[f"comp_prep={prep.lower_}"] = 1.0
    if obj is not None:
        anchors["obj"] = obj
        o = _lemma(obj)
        feats[f"obj={o}"] = 1.0
        if opts.pairs:
            feats[f"main_obj={m}_{o}"] = 1.0
    for c in main.children:
        if c.dep_ == "prt":
            feats[f"prt={c.lower_}"] = 1.0
            if opts.pairs:
                feats[f"main_prt={m}_{c.lower_}"] = 1.0
        elif c.dep_ in ("prep", "agent", "dative"):
            feats[f"prep={c.lower_}"] = 1.0
            if opts.pairs:
                feats[f"main_prep={m}_{c.lower_}"] = 1.0
            pobj = _child(c, {"pobj"})
            if pobj is not None:
                feats[f"prep_obj={c.lower_}_{_lemma(pobj)}"] = 1.0
    for head in ((main,) if main.i == root.i else (main, root)):
        for c in head.children:
            low = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no"):
                feats["neg"] = 1.0
            elif c.dep_ in ("aux", "auxpass"):
                if low in words.future_aux:
                    feats["future"] = 1.0
                elif low in words.hypothetical_aux:
                    feats["hypothetical"] = 1.0
                if c.tag_ == "MD":
                    feats[f"modal={low}"] = 1.0
            elif c.dep_ == "mark" and low in words.conditional_marks:
                feats["conditional"] = 1.0
    if m in words.future_verbs or r in words.future_verbs:
        feats["intent_verb"] = 1.0
    if opts.lemma_bag:
        for t in span:
            if t.pos_ in ("VERB", "NOUN") and not t.is_stop:
                feats[f"lem={_lemma(t)}"] = 1.0
    return anchors


def _pattern(events: Sequence[Event], feats: dict[str, float], ontology: Ontology) -> None:
    for e in events:
        prefix = "pat_any" if countable(e) else f"pat_{e.modality}"
        feats[f"{prefix}_class={event_class(e, ontology)}"] = 1.0
        feats[f"{prefix}_type={e.plover_type}"] = 1.0
        if e.predicate:
            feats[f"pat_pred={e.predicate.lower()}"] = 1.0
    top = top_event_index(events)
    if top is None:
        feats["no_pattern_event"] = 1.0
        return
    feats[f"pat_n={min(sum(countable(e) for e in events), 3)}"] = 1.0
    e = events[top]
    k = event_class(e, ontology)
    feats[f"pat_class={k}"] = 1.0
    feats[f"pat_type={e.plover_type}"] = 1.0
    feats[f"pat_root={e.cameo_code[:2]}"] = 1.0
    feats[f"pat_conf={_confidence_bucket(e.confidence)}"] = 1.0
    feats[f"pat_class_conf={k}_{_confidence_bucket(e.confidence)}"] = 1.0
    feats[f"pat_modality={e.modality}"] = 1.0
    if e.attribution:
        feats["pat_attributed"] = 1.0
    for role, actor in (("src", e.source), ("tgt", e.target)):
        if actor is not None and (actor.country or actor.sector):
            feats[f"{role}_found"] = 1.0
            if actor.sector:
                feats[f"{role}_sector={actor.sector}"] = 1.0
        else:
            feats[f"{role}_missing"] = 1.0


def dense_width(span: Span, opts: FeatureOptions) -> int:
    """Width of the dense part for this span's pipeline (0 when it sets no ``doc.tensor``)."""
    tensor = span.doc.tensor
    width = tensor.shape[1] if tensor is not None and tensor.ndim == 2 and tensor.shape[0] == len(span.doc) else 0
    return width * len(opts.dense_parts)


def sentence_features(span: Span, pattern_events: Sequence[Event], options: FeatureOptions | None = None, *,
                      words: ModalityWords, ontology: Ontology) -> tuple[dict[str, float], np.ndarray]:
    """Sparse structural features and the dense tok2vec vector of one sentence.

    ``span`` is the sentence (a spaCy Span, e.g. ``doc[:]`` for a one-sentence text); ``pattern_events`` are
    the pattern coder's events for it. A pipeline without ``doc.tensor`` gives an empty dense vector.
    """
    if not isinstance(span, Span):
        raise TypeError(f"sentence_features needs a spaCy Span, got {type(span).__name__}")
    opts = options or FeatureOptions()
    feats: dict[str, float] = {"bias_sentence": 1.0}
    if len(span) == 0:
        feats["empty"] = 1.0
        return feats, np.zeros(0, dtype=np.float32)
    anchors = _structure(span, words, opts, feats)
    _pattern(pattern_events, feats, ontology)
    if dense_width(span, opts) == 0:
        return feats, np.zeros(0, dtype=np.float32)
    tensor = span.doc.tensor
    dim = tensor.shape[1]
    parts = []
    for name in opts.dense_parts:
        if name == "mean":
            parts.append(tensor[span.start:span.end].mean(axis=0))
        elif name in anchors:
            parts.append(tensor[anchors[name].i])
        else:
            feats[f"dense_missing={name}"] = 1.0
            parts.append(np.zeros(dim, dtype=tensor.dtype))
    return feats, np.concatenate(parts).astype(np.float32)
