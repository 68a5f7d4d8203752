"""What the clause a verb of saying takes tells of it: a statement of what is or was ("warned that the plan was
flawed"), or a question ("asked him how the deal was reached"). Senses of verbs.yaml ask for one with ``stated`` and
``question`` (:mod:`tacitus.events.patterns`); the predicate finder checks them here."""

from __future__ import annotations

from spacy.tokens import Token


def states(verb: Token, grammar, words) -> bool:
    """Whether the verb's that-clause states what is or was: a clause with a subject of its own, no auxiliary of the
    future or of possibility, no condition and no word of a threat ("warned that the plan was flawed"; not "warned
    that it will retaliate", "that all options are on the table if ...", "that it is prepared to strike", "that it
    is going to attack"). ``words``: the modality words (auxiliaries, threat cues, conditional marks)."""
    labels = grammar.labels
    clauses = [c for c in verb.children if c.dep_ in labels.clausal_complement and c.i > verb.i
               and any(g.dep_ in labels.subject or g.dep_ in labels.passive_subject for g in c.children)]
    modal = words.future_aux | words.hypothetical_aux
    return bool(clauses) and not any(
        c.lower_ in modal or any(g.dep_ in labels.auxiliary and g.lower_ in modal for g in c.children)
        # the clause's own words: its subject, object or complement ("all options are on the table", "has
        # consequences", "is prepared to strike"), or a condition hung on it ("... if Taiwan declares")
        or any(g.lemma_.lower() in words.threat_cues for g in c.children if not g.is_punct)
        or any(m.lower_ in words.conditional_marks for g in c.children for m in g.children
               if m.dep_ in labels.condition_mark)
        for c in clauses)


def asks(verb: Token, grammar) -> bool:
    """Whether the verb takes a clause after it that a question word opens ("asked the minister how the deal was
    reached", "asked whether the troops would leave"; grammar ``question_words``): a question put, not a request."""
    labels, words = grammar.labels, grammar.words
    # (the parser may hang the clause on the one asked: "asked the governor where they could find water")
    asked = [c for o in verb.children if o.dep_ in labels.object for c in o.children
             if c.dep_ in labels.relative_clause and c.left_edge.lower_ not in words.relative_pronouns]
    # ... or read "asked the minister if the army had been deployed" as a condition: a clause of "if" right after
    # the one asked (not after a thing asked for: "asked Kenya's help if ..."), with nothing asked to be done or
    # given ("asked Togo to help if the floods worsen", "asked Togo for help if ..." are requests)
    objs = [o for o in verb.children if o.dep_ in labels.object and o.i > verb.i
            and not any(c.dep_ in labels.possessor for c in o.children)]
    if len(objs) == 1 and not any(c.dep_ in labels.open_complement or c.lower_ in words.asked_for_preps
                                  for c in verb.children):
        asked += [c for c in verb.children if c.dep_ in labels.adverbial_clause
                  and c.left_edge.i == objs[0].right_edge.i + 1 and c.left_edge.lower_ in words.asked_if_marks]
    return any(c.left_edge.lower_ in words.question_words for c in [
        *(c for c in verb.children if c.dep_ in labels.clausal_complement and c.i > verb.i), *asked])
