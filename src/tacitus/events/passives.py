"""The passives news writes without the parser marking them: a participle after "with", completing a verb,
with a "by" agent, set off by a comma, after the noun it is done to, left out of a coordination, or a headline's.
:class:`PassiveForms` is part of :class:`~tacitus.events.arguments.Syntax`: ``is_passive`` asks each form, and
``verb_passive_targets`` finds what a passive verb is done to."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token


class PassiveForms:
    """Each form a method; the grammar's labels, tags and words come from the class using it."""

    labels: Any  # Grammar.labels
    tags: Any  # Grammar.tags
    fn: Any  # Grammar.words
    children: Any  # Syntax.children

    def absolute_phrase(self, prep: Token) -> bool:
        """A preposition that opens an absolute phrase set off from its clause (", with Turkey's minister acting as
        host", "With police looking on, ..."): what it holds is no object of the verb."""
        return prep.lower_ in self.fn.absolute_marks and (prep.i == prep.sent.start or prep.nbor(-1).is_punct)

    def absolute_passive(self, verb: Token) -> bool:
        """A past form with a subject of its own after "with" and no auxiliary: in "the fighting went on, with 31
        soldiers killed" or "with two people reported killed" the subject is the patient ("with" may mark the verb
        or govern it)."""
        labels, children = self.labels, list(verb.children)
        mark = next((c for c in children if c.dep_ in labels.condition_mark and c.lower_ in self.fn.absolute_marks),
                    verb.head if verb.dep_ in labels.prep_clause and verb.head.lower_ in self.fn.absolute_marks
                    else None)
        subject = next((c for c in children if c.dep_ in labels.subject), None)
        # the subject right after "with", and no object: not "angry with how police attacked the protesters"
        return (mark is not None and subject is not None and subject.left_edge.i == mark.i + 1
                and verb.tag_ in self.tags.past_forms
                and not any(c.dep_ in labels.auxiliary or c.dep_ in labels.object for c in children))

    def complement_passive(self, verb: Token) -> bool:
        """A past participle completing a verb, with no auxiliary, "to" or subject of its own: "were found shot
        dead", "was reported killed" (done to that verb's subject, or object: "left dozens wounded")."""
        return (verb.dep_ in self.labels.open_complement and verb.tag_ in self.tags.past_participle
                and not any(c.dep_ in self.labels.auxiliary or c.dep_ in self.labels.subject for c in verb.children))

    def agent_passive(self, verb: Token) -> bool:
        """A past form with a "by" agent (only a passive has one) and no auxiliary, which the parser took for an
        active main verb: in "Brady, shot in the head by a gunman, recovered" Brady was shot, by the gunman."""
        return (verb.tag_ in self.tags.past_forms and any(c.dep_ in self.labels.agent for c in verb.children)
                and not any(c.dep_ in self.labels.auxiliary for c in verb.children))

    def comma_passive(self, verb: Token) -> bool:
        """A past form set off from its subject by one comma, with no auxiliary and no object, which the parser
        took for the subject's main verb: in "Brady, shot in the head in March, may be released" Brady was shot
        (an active verb does not follow its subject after a lone comma)."""
        labels, doc = self.labels, verb.doc
        subject = next((c for c in verb.children if c.dep_ in labels.subject), None)
        if subject is None or verb.lemma_.lower() not in self.fn.comma_participles \
                or verb.tag_ not in self.tags.past_forms:
            return False
        # the subject a plain phrase: not "Peru's president, Manuel Merino, resigned" (an apposition's commas)
        plain = not any(t.lower_ == "," for t in subject.subtree if t.i < subject.right_edge.i)
        return (plain and verb.i >= 2 and doc[verb.i - 1].lower_ == ","
                and subject.right_edge.i in (verb.i - 2, verb.i - 1)
                and not any(c.dep_ in labels.auxiliary or c.dep_ in labels.object
                            or c.dep_ in labels.clausal_complement or c.dep_ in labels.open_complement
                            for c in verb.children))

    def reduced_passive(self, verb: Token) -> bool:
        """A past participle after the noun it is done to: "soldiers killed in the attack", "the driver accused
        of injuring two cyclists" (the noun is the patient, a "by" phrase the agent)."""
        labels = self.labels
        if verb.lemma_.lower() in self.fn.intransitive_acts and verb.head.dep_ not in labels.apposition:
            return False  # "around 300 residents protested in Kisumu": the residents protested
        # a sentence whose only verb hangs on its first noun and has an object of its own is a misread main clause
        # ("Al Shabaab militants attacked SNA forces"); a headline's "Soldiers killed in attack" has none
        misread = verb.head.head.i == verb.head.i and any(c.dep_ in labels.object for c in verb.children)
        return (verb.dep_ in labels.noun_clause and verb.tag_ in self.tags.past_participle and not misread
                and not any(c.dep_ in labels.subject or c.dep_ in labels.auxiliary for c in verb.children))

    def gapped_passive(self, verb: Token) -> bool:
        """A passive whose auxiliary the coordination leaves out: "two were killed and 13 wounded" (a verb that
        always takes an object, with none and no auxiliary of its own, coordinated with a passive)."""
        labels = self.labels
        return (verb.dep_ in labels.conjunct and verb.lemma_.lower() in self.fn.transitive_only
                and verb.head.i != verb.i and any(c.dep_ in labels.passive_marks for c in verb.head.children)
                and any(c.dep_ in labels.subject for c in verb.children)
                and not any(c.dep_ in labels.object or c.dep_ in labels.auxiliary for c in verb.children))

    def headline_passive(self, verb: Token) -> bool:
        """A passive written without its auxiliary as a sentence of its own: "4 soldiers killed.", "Two journalists
        arrested in Minsk" (a verb that always takes an object, with none, no auxiliary, heading the sentence)."""
        labels = self.labels
        return (verb.head.i == verb.i and verb.lemma_.lower() in self.fn.transitive_only
                and verb.tag_ in self.tags.past_participle and any(c.dep_ in labels.subject for c in verb.children)
                and not any(c.dep_ in labels.object or c.dep_ in labels.auxiliary for c in verb.children)
                # "Police arrested and charged three men": the object the coordinated verb carries is shared
                and not any(c.dep_ in labels.conjunct and c.pos_ in self.tags.verbal for c in verb.children))

    def is_passive(self, verb: Token) -> bool:
        """A passive verb; participles that state an attitude of their subject are not ("Vietnam is committed to
        opening", "Chile is opposed to that mediation", "Peru is prepared to impose a curfew")."""
        labels = self.labels
        if verb.lemma_.lower() in self.fn.stative_participles and not any(c.dep_ in labels.agent
                                                                          for c in verb.children):
            return False
        # a passive mark before the verb's active subject is a misread word ("IS militants fired": "IS" as "is")
        first_subject = min((c.i for c in verb.children if c.dep_ in labels.noun_subject), default=-1)
        return (any(c.dep_ in labels.passive_marks and c.i > first_subject for c in verb.children)
                or self.gapped_passive(verb)
                or self.headline_passive(verb)
                or self.reduced_passive(verb) or self.agent_passive(verb) or self.absolute_passive(verb)
                or self.complement_passive(verb) or self.comma_passive(verb))

    def verb_passive_targets(self, verb: Token) -> list[Token]:
        """The patient of a passive verb ("soldiers were attacked"; "a move that was criticised")."""
        labels = self.labels
        if self.complement_passive(verb):  # "were found shot", "left dozens wounded", "with two reported killed"
            head = verb.head
            return (self.children(head, labels.passive_subject) or self.children(head, labels.object)
                    or (self.children(head, labels.subject) if self.absolute_passive(head) else []))[:1]
        subs = self.children(verb, labels.passive_subject) or (
            self.children(verb, labels.subject) if self.gapped_passive(verb) or self.absolute_passive(verb)
            or self.headline_passive(verb)
            or self.comma_passive(verb) else [])
        if not subs:
            return [verb.head] if verb.dep_ in labels.noun_clause and self.is_passive_participle(verb) else []
        sub = subs[0]
        if sub.lower_ in self.fn.relative_pronouns and verb.dep_ in labels.relative_clause:
            return [verb.head]
        return [sub]

    def is_passive_participle(self, verb: Token) -> bool:
        return verb.tag_ in self.tags.past_participle
