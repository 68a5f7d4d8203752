"""Where those an act of force struck were, when the act's own clause names no place: a clause on them that tells
where they were at the time ("ambushed mourners travelling to a burial near Kandep", "marchers who defied a ban in
Harare", "rebel camps sited in the hills of Kivu"), not where they once lived, studied or were born, nor a clause in
a perfect tense ("a businessman who had studied in London"): grammar ``background_participles``, ``perfect_aux``."""

from __future__ import annotations

from typing import Any

from tacitus.events.anchor_words import AnchorWords
from tacitus.events.job import Draft
from tacitus.events.places import PlaceMention


def struck_scene(d: Draft, mentions: list[PlaceMention], grammar: Any, words: AnchorWords) -> PlaceMention | None:
    """The best placed mention of a place of setting ("in", "near", not "to") in such a clause on the act's target
    (or on the people of its "of" phrase: "a group of men travelling"), at any depth; None when there is none."""
    tgt = d.target_tok
    if tgt is None:
        return None
    labels, fn = grammar.labels, grammar.words
    heads = [tgt] + [o for p in tgt.children if p.dep_ in labels.preposition and p.lower_ in fn.of
                     for o in p.children if o.dep_ in labels.prep_object]
    clauses = {t.i for h in heads for c in h.children
               if (c.dep_ in labels.noun_clause or c.dep_ in labels.relative_clause)
               and c.lemma_.lower() not in fn.background_participles
               and not any(a.dep_ in labels.plain_auxiliary and a.lemma_.lower() in fn.perfect_aux for a in c.children)
               for t in c.subtree}
    doc = tgt.doc
    inside = [m for m in mentions if m.placed and m.at >= 0 and m.owner in clauses
              and words.in_setting_phrase(doc[m.at], labels)]
    return max(inside, key=lambda m: m.rank) if inside else None
