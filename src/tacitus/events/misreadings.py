"""Acts the small parser loses to misreadings it makes often enough to repair. "Two men on a scooter shot dead a
teacher": the tagger reads "a scooter shot" as a noun phrase and makes "dead" the verb, with the men as its
subject and the teacher as its object; the act is the verb's before "dead", read on the word "dead". "Police have
registered cases against him": the parser reads "have" as the verb and "registered" as an adjective of its object;
the participle is the verb of a perfect tense."""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Token

from tacitus.events.patterns import Sense


def misread_before_result(tokens, grammar: Any, verbs: dict[str, tuple[Sense, ...]], verb_lemma: Callable,
                          match_verb: Callable) -> list[tuple[Token, Sense, Token]]:
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


def split_perfect(participle: Token, grammar: Any) -> Token | None:
    """The "have" of a perfect tense the parser split (grammar ``perfect_aux``): for "registered" in "police have
    registered cases", read as "have" taking cases that are registered, the word "have"; None for any other word."""
    labels, noun = grammar.labels, participle.head
    if participle.dep_ in labels.adjective and participle.tag_ in grammar.tags.past_participle \
            and participle.i < noun.i and noun.dep_ in labels.object and noun.head.lemma_ in grammar.words.perfect_aux:
        return noun.head
    return None
