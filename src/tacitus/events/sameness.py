"""Whether two mentions are one: two words of one named entity, or one actor on both sides of an act."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.records import Actor


def one_name(a: Token, b: Token) -> bool:
    """Two words of one named entity (the words between them continue it)."""
    lo, hi = sorted((a.i, b.i))
    doc = a.doc
    return bool(a.ent_type_) and all(doc[i].ent_type_ == a.ent_type_ for i in range(lo, hi + 1)) \
        and all(doc[i].ent_iob_ == "I" for i in range(lo + 1, hi + 1))


def same_actor(a: Actor | None, b: Actor | None) -> bool:
    """The same person or body on both sides: one knowledge-base entry, one name, or the same words (a thing
    whose phrase holds the actor: "images captured by ordinary citizens"), unless the words stand for two states
    ("the two leaders" met each other: two countries)."""
    if a is None or b is None:
        return False
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id and a.sector == b.sector
    if a.name and b.name:
        return a.name.casefold() == b.name.casefold()
    if a.country and b.country and a.country != b.country:
        return False  # one phrase for two parties: "the two leaders" met each other
    return bool(a.text and b.text and a.text.casefold() == b.text.casefold())
