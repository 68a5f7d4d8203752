"""Claims of an act: "IS-K claimed responsibility.", "Al Shabaab claimed responsibility for the bombing".

A verb of claiming (``predicate_words.yaml`` ``claiming_verbs``) whose object is a claimed noun (``claimed_nouns``)
names who did the act of force the story told last, within the reach of a toll told alone (``anchors.yaml``
``toll_reach``: conflict notes put the claim a sentence or two after the act). That act's doer becomes the claimant
when the text named nobody ("a suicide bomber", "gunmen", an agentless "was attacked"); a doer the text names keeps
its name (a claim is the claimant's word, not a fact to weigh against the text's). A claim that is denied or made by
nobody ("no group has claimed responsibility") names no one, and a claim of something other than an act of force
("claimed responsibility for the failure") is not read.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tacitus.records import Actor, Event


class Claims:
    """The claims stage (after assembly, before any learned layer): the acts of force of a sentence that also
    claims them ("Al Shabaab claimed responsibility for the bombing that killed 12 soldiers") take the claimant as
    their doer; :meth:`claimant` also serves the coder for a claim told after its act."""

    stage_name = "claims"

    def __init__(self, syntax, patterns, grammar, resolver, ontology, nobody: frozenset[str]) -> None:
        self.syntax, self.patterns, self.grammar, self.resolver, self.onto = syntax, patterns, grammar, resolver, ontology
        self.nobody = nobody
        self.force_nouns = patterns.nouns_of("violence") | patterns.incident_nouns  # what a claim is of

    def claimant(self, sent: Span, context) -> Actor | None:
        """Who ``sent`` says claims an act of force (resolved in the document's ``context``), or None."""
        if not any(t.lemma_.lower() in self.patterns.claimed_nouns for t in sent):
            return None
        head = claimant_head(sent, self.syntax, self.patterns, self.grammar, self.force_nouns, self.nobody)
        who = self.resolver.resolve_span(self.syntax.phrase_span(head), context) if head is not None else None
        return who if who is not None and (who.name or who.kb_id) else None

    def claimed(self, event: Event) -> bool:
        """Whether a claim names the doer of ``event``: an act of force told as done whose doer nobody named."""
        return self.onto.is_a(event.plover_type, "violence") and event.modality == "asserted" \
            and named_nobody(event.source)

    def __call__(self, job) -> None:
        if not any(self.claimed(e) for e in job.events) or (who := self.claimant(job.sent, job.context)) is None:
            return
        job.events = [credited(e, who) if self.claimed(e) else e for e in job.events]
        last = job.where_when.last_force
        if last is not None and last[0] == job.index:
            job.where_when.last_force = (last[0], next((e for e in job.events if e.event_id == last[1].event_id),
                                                        last[1]))


def claimant_head(sent: Span, syntax, patterns, grammar, force_nouns: frozenset[str],
                  nobody: frozenset[str]) -> Token | None:
    """The head of who claims an act of force in ``sent``, or None. ``force_nouns``: nouns that name such an act
    ("attack", "bombing"), one of which a "for" phrase of the claimed noun must name; ``nobody``: subjects that claim
    nothing ("none", "nobody")."""
    labels, tags = grammar.labels, grammar.tags
    for verb in sent:
        if verb.pos_ not in tags.verbal or verb.lemma_.lower() not in patterns.claiming_verbs:
            continue
        claimed = syntax.direct_object(verb)
        if claimed is None or claimed.lemma_.lower() not in patterns.claimed_nouns:
            continue
        if any(c.dep_ in labels.negation for c in verb.children):
            continue  # "has not claimed responsibility"
        what = [o for p in claimed.children if p.lower_ == "for" for o in p.children if o.dep_ in labels.prep_object]
        if what and not any(o.lemma_.lower() in force_nouns for o in what):
            continue  # "claimed responsibility for the failure"
        subjects = [s for s in syntax.verb_subjects(verb) if s.pos_ not in tags.pronoun]
        if not subjects or subjects[0].lower_ in nobody or any(
                c.lower_ in nobody or c.lower_ == "no" for c in subjects[0].children):
            continue  # "no group claimed responsibility"
        return subjects[0]
    return None


def named_nobody(actor: Actor | None) -> bool:
    """A doer the text does not name: "a suicide bomber", "gunmen", or none at all; not one whose own words give
    its group or nation ("Boko Haram fighters", "Syrian rebels": ``country_basis`` "mention")."""
    return actor is None or not (actor.name or actor.kb_id or actor.country_basis == "mention")


def credited(event: Event, claimant: Actor) -> Event:
    """The act with the claimant as its doer; a claimant of no known country acts where the act's doer was placed."""
    source = claimant
    if not claimant.country and event.source is not None and event.source.country:
        source = replace(claimant, country=event.source.country, country_basis=event.source.country_basis)
    return replace(event, source=source)
