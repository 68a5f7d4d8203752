"""Whose a thing or a group is when a possessive determiner says so.

"Turkey said its soldiers were attacked in Idlib": the soldiers are Turkey's, wherever they were. The owner is the
subject of a clause above the phrase that agrees with the determiner ("its": one state, body or thing; "their": a
plural, coordinated names or an organisation). An act of force is not done to one's own, so the subjects of violent
verbs the phrase belongs to are passed over: in "Israel said Hamas fired rockets at its towns" the towns are
Israel's. "His" or "her" on a state's organ or forces is the person's above: "Chile's president said his
cabinet was ready" is Chile's.
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.events.arguments import MAX_ANTECEDENT_HOPS, Syntax


def possessive_owner(syntax: Syntax, det: Token, acting_verbs: frozenset[str],
                     owned_acts: frozenset[str] = frozenset()) -> Token | None:
    """The word a possessive determiner ("its", "their"; "his", "her" on a state's organ or forces, or on one of
    ``owned_acts``: "his refusal") stands for inside its sentence, or None."""
    fn, labels, tags, ents = syntax.fn, syntax.labels, syntax.tags, syntax.ents
    if det.dep_ not in labels.possessor:
        return None
    owned = det.head
    inside = {t.i for t in owned.subtree}
    lemma = owned.lemma_.lower()
    if det.lower_ in fn.person_possessives and (lemma in fn.person_owned or lemma in owned_acts):
        # "Chile's president said his cabinet was ready": the president's; not when another person is told to or
        # acted on there ("the envoy met Netanyahu and urged his government", "told Putin that his troops ...")
        person = next((s for s in _subjects_above(syntax, det, owned, inside, acting_verbs) if syntax.is_person(s)),
                      None)
        other = person is not None and any(
            t.i not in inside and t.i != person.i and t.i < det.i and syntax.is_person(t)
            and (t.dep_ in labels.object or t.dep_ in labels.prep_object or t.dep_ in labels.dative)
            for t in det.sent)
        return None if other else person
    if det.lower_ not in fn.group_possessives or owned.lemma_.lower() in fn.relation_nouns:
        return None  # ("their European counterparts" are not they)
    for subject in _subjects_above(syntax, det, owned, inside, acting_verbs):
        if subject.pos_ in tags.pronoun:
            continue
        plural = subject.tag_ in tags.plural or any(c.dep_ in labels.conjunct for c in subject.children)
        body = subject.ent_type_ in ents.organisation  # ("France ... their oil facilities" are not France's)
        if det.lower_ in fn.plural_possessives and not (plural or body):
            continue  # "their" is a plural's or a body's
        if det.lower_ not in fn.plural_possessives and (plural or syntax.is_person(subject)):
            continue  # "its" is one state's, body's or thing's
        return subject
    return None


def _subjects_above(syntax: Syntax, det: Token, owned: Token, inside: set[int], acting_verbs: frozenset[str]):
    """The subjects, told before the determiner and outside the owned phrase (``inside``: its token indices), of
    the verbs above it, nearest first; not of acting verbs ("Hamas fired rockets at its towns", "shelled the town
    and destroyed its police station")."""
    tok = owned
    for _ in range(MAX_ANTECEDENT_HOPS):
        if tok.head.i == tok.i:
            return
        tok = tok.head
        if tok.pos_ not in syntax.tags.verb or tok.lemma_.lower() in acting_verbs:
            continue
        yield from (s for s in syntax.verb_subjects(tok) if s.i not in inside and s.i < det.i)
