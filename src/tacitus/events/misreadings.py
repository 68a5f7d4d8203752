"""Acts the small parser loses to a misreading it makes often enough to repair. "Gunmen on a motorbike shot dead a
journalist": the tagger reads "a motorbike shot" as a noun phrase and makes "dead" the verb, with the gunmen as its
subject and the journalist as its object. The act is the verb's before "dead", read on the word "dead"."""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Token


def misread_before_result(tokens, grammar, verbs: dict, verb_lemma: Callable, match_verb: Callable) -> list[tuple]:
    """(the result word that took the verb's arguments, the sense, the verb's word) for each such misreading: a
    result adjective (grammar ``result_adjectives``: "dead") that governs an object, right after a word the tagger
    did not take for a verb but whose base form is a verb of the patterns ("shot": shoot)."""
    labels, tags = grammar.labels, grammar.tags
    out = []
    for tok in tokens:
        if tok.lower_ not in grammar.words.result_adjectives or tok.i == tok.sent.start \
                or not any(c.dep_ in labels.object for c in tok.children):
            continue
        word: Token = tok.doc[tok.i - 1]
        if word.pos_ in tags.verbal:
            continue  # "shot dead two soldiers", read right
        senses = verbs.get(verb_lemma(word, verbs))
        sense = match_verb(tok, senses) if senses else None
        if sense is not None:
            out.append((tok, sense, word))
    return out
