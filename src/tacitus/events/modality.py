"""Modality and attribution of a predicate: asserted, negated, future or hypothetical, and who says so."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from tacitus.datafiles import read_yaml_mapping


@dataclass(frozen=True)
class ModalityWords:
    speech_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    refusal_verbs: frozenset[str]
    document_nouns: frozenset[str]
    allegation_nouns: frozenset[str]
    future_verbs: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    future_adjectives: frozenset[str]
    future_nouns: frozenset[str]
    negating_nouns: frozenset[str]
    obligation_aux: frozenset[str]
    refused_cooperation: dict  # PLOVER type -> (CAMEO code, PLOVER mode or None)
    intended_cooperation: dict  # PLOVER type -> CAMEO code

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "ModalityWords":
        data = read_yaml_mapping(resources.files("tacitus.events").joinpath("data/modality.yaml"))
        tables = {"refused_cooperation": {k: (str(v[0]), v[1]) for k, v in data["refused_cooperation"].items()},
                  "intended_cooperation": {k: str(v) for k, v in data["intended_cooperation"].items()}}
        words = {k: frozenset(str(w).lower() for w in data[k]) for k in cls.__dataclass_fields__ if k not in tables}
        return cls(**words, **tables)


@dataclass(frozen=True)
class Modality:
    value: str  # asserted, negated, future, hypothetical
    speech_verb: Token | None  # the verb of saying this predicate is reported under, if any
    refused: bool = False  # negated by a verb of refusal ("refused to deploy"), not by a bare "not"
    condition: str | None = None  # the mark of a condition on it ("unless", "if")


# Links climbed from a predicate to the verbs that govern its modality.
_CLIMB = {"xcomp", "conj", "pcomp", "dobj", "pobj", "prep", "acl", "advcl", "ccomp"}


def _own_modality(tok: Token, words: ModalityWords) -> str | None:
    for c in tok.children:
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ == "det" and low == "no" and tok.pos_ == "NOUN"):
            return "negated"
        if c.dep_ == "mark" and low in words.conditional_marks:
            return "hypothetical"
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in ("would", "'d"):
                return "would"  # future in the past when reported ("said it would help"), else hypothetical
            if c.lower_ in words.hypothetical_aux:
                return "hypothetical"
            if c.lower_ in words.future_aux or (c.lower_ == "going" and any(g.lower_ == "to" for g in c.children)):
                return "future"
    return None


def modality_of(pred: Token, words: ModalityWords | None = None) -> Modality:
    """Walk from the predicate up through the verbs that govern it, stopping at a verb of saying."""
    words = words or ModalityWords.default()
    value = "asserted"
    tok = pred
    hops = 0
    conjunct = False  # arrived at tok from a conjunct of it: its governors apply, its own auxiliaries do not
    while True:
        own = None if conjunct else _own_modality(tok, words)
        if own == "negated":
            return Modality("negated", _speech_above(tok, words))
        if own and value == "asserted":
            value = own
        if tok.dep_ not in _CLIMB or tok.head is tok or hops > 6:
            break
        dep = tok.dep_
        head = tok.head
        if dep == "ccomp" and head.lemma_.lower() in words.speech_verbs:
            return Modality("future" if value == "would" else value, head)
        if dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if lemma in words.negating_verbs:
                return Modality("negated", _speech_above(head, words), refused=lemma in words.refusal_verbs)
            if lemma in words.future_verbs and value == "asserted":
                value = "future"
        if dep in ("xcomp", "pcomp", "prep") and head.lemma_.lower() in words.future_adjectives and value == "asserted":
            value = "future"  # "is willing to withdraw", "is committed to opening"
        if dep in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in words.allegation_nouns:
            # "denied charges that it tortured a priest": alleged, and here denied
            denied = head.head.lemma_.lower() in words.negating_verbs
            return Modality("negated" if denied else "hypothetical", _speech_above(head, words))
        if dep == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in words.negating_nouns:
            # "the government's refusal to accept independence"
            return Modality("negated", _speech_above(head, words), refused=head.lemma_.lower() == "refusal")
        if dep == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in words.future_nouns and value == "asserted":
            value = "future"  # "the government's plans to impose restrictions"
        if dep in ("advcl", "acl", "relcl"):
            break  # an adverbial or relative clause keeps its own modality
        if dep == "conj" and head.dep_ not in ("xcomp", "ccomp"):
            break  # a coordinated main clause keeps its own; a coordinated complement shares its governors
        conjunct = dep == "conj"
        tok = head
        hops += 1
    speech = _speech_above(tok, words)
    if value == "would":
        value = "future" if speech is not None else "hypothetical"
    return Modality(value, speech, condition=_condition(pred, words))


def _condition(pred: Token, words: ModalityWords) -> str | None:
    """The mark of an adverbial condition hanging on the predicate: "will withdraw unless X agrees"."""
    for c in pred.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in words.conditional_marks:
                    return m.lower_
    return None


def _speech_above(tok: Token, words: ModalityWords) -> Token | None:
    """The verb of saying whose complement holds ``tok`` ("X said that Y attacked Z")."""
    hops = 0
    while tok.head is not tok and hops < 8:
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in words.speech_verbs:
            return tok.head
        if tok.dep_ in ("relcl", "advcl") and hops > 0:
            return None
        tok = tok.head
        hops += 1
    return None


def according_to(sent) -> Token | None:
    """The head of "according to X" in a sentence, if any."""
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
    return None
