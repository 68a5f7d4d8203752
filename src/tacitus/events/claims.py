"""Claims of an act: "IS-K claimed responsibility.", "Al Shabaab claimed responsibility for the bombing".

A verb of claiming (``predicate_words.yaml`` ``claiming_verbs``) whose object is a claimed noun (``claimed_nouns``)
names who did the act of force the story told last, within the reach of a toll told alone (``anchors.yaml``
``toll_reach``: conflict notes put the claim a sentence or two after the act). That act's doer becomes the claimant
when the text named nobody and the doer is no state's force ("a suicide bomber", "gunmen", an agentless "was
attacked"; not "police killed three of the attackers"); a doer the text names keeps its name (a claim is the
claimant's word, not a fact to weigh against the text's).

Only a claim told as made is read: not one denied or made by nobody ("no group has claimed responsibility"), one
expected, supposed or habitual ("expect Al Shabaab to claim", "if it claims", "which often claims"; a modal, a
condition, a relative or dependent clause, or a word of ``claim_doubt_words``: "falsely claimed"), nor the claim of
something other than this act of force ("claimed responsibility for the failure", "for previous attacks": a noun
of force with a word of ``other_acts_words``, or a bare plural).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from tacitus.events.arguments import Syntax
from tacitus.events.grammar import Grammar
from tacitus.events.ontology import Ontology
from tacitus.events.patterns import PatternBook
from tacitus.records import Actor, Event

# Sectors of a state's own forces and officials: a claim never takes their acts from them
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"})


class Claims:
    """The claims stage (after assembly, before any learned layer): the acts of force of a sentence that also
    claims them ("Al Shabaab claimed responsibility for the bombing that killed 12 soldiers") take the claimant as
    their doer; :meth:`claimant` also serves the coder for a claim told after its act."""

    stage_name = "claims"

    def __init__(self, syntax: Syntax, patterns: PatternBook, grammar: Grammar, resolver, ontology: Ontology,
                 nobody: frozenset[str]) -> None:
        self.syntax, self.patterns, self.g, self.resolver, self.onto = syntax, patterns, grammar, resolver, ontology
        self.nobody = nobody
        self.force_nouns = patterns.nouns_of("violence") | patterns.incident_nouns  # what a claim is of

    def claimant(self, sent: Span, context) -> Actor | None:
        """Who ``sent`` says claims an act of force (resolved in the document's ``context``), or None."""
        if not any(t.lemma_.lower() in self.patterns.claimed_nouns for t in sent):
            return None
        head = next((h for verb in sent if (h := self._claimant_head(verb)) is not None), None)
        who = self.resolver.resolve_span(self.syntax.phrase_span(head), context) if head is not None else None
        return who if who is not None and (who.name or who.kb_id) else None

    def _claimant_head(self, verb: Token) -> Token | None:
        """The head of who ``verb`` says claimed an act of force, as made, or None."""
        labels, tags, words = self.g.labels, self.g.tags, self.patterns
        if verb.pos_ not in tags.verbal or verb.lemma_.lower() not in words.claiming_verbs:
            return None
        claimed = self.syntax.direct_object(verb)
        if claimed is None or claimed.lemma_.lower() not in words.claimed_nouns:
            return None
        if verb.dep_ in labels.own_clause or verb.dep_ in labels.open_complement or self.g.to_infinitive(verb) or any(
                c.dep_ in labels.negation or c.dep_ in labels.condition_mark or c.tag_ in tags.modal
                or c.lower_ in words.claim_doubt_words for c in verb.children):
            return None  # "has not claimed", "if it claims", "could claim", "falsely claimed", "expected to claim"
        what = [o for p in claimed.children if p.lower_ == "for" for o in p.children if o.dep_ in labels.prep_object]
        if what and not any(self._this_act(o) for o in what):
            return None  # "claimed responsibility for the failure", "for previous attacks"
        subjects = [s for s in self.syntax.verb_subjects(verb) if s.pos_ not in tags.pronoun]
        if not subjects or subjects[0].lower_ in self.nobody or any(
                c.lower_ in self.nobody or c.lower_ in self.g.words.negative_determiners
                for c in subjects[0].children):
            return None  # "no group claimed responsibility", "neither Boko Haram nor ISWAP has claimed"
        return subjects[0]

    def _this_act(self, noun: Token) -> bool:
        """A noun naming the act of force just told: a noun of force, not another one ("previous attacks") nor
        attacks in general (a bare plural)."""
        tags, labels = self.g.tags, self.g.labels
        if noun.lemma_.lower() not in self.force_nouns:
            return False
        if any(c.lower_ in self.patterns.other_acts_words for c in noun.children):
            return False
        return noun.tag_ not in tags.plural or any(c.dep_ in labels.determiner or c.dep_ in labels.possessor
                                                    for c in noun.children)

    def claimed(self, event: Event) -> bool:
        """Whether a claim names the doer of ``event``: an act of force told as done whose doer nobody named and
        is no state's force."""
        return self.onto.is_a(event.plover_type, "violence") and event.modality == "asserted" \
            and named_nobody(event.source) and (event.source is None or event.source.sector not in STATE_SECTORS)

    def __call__(self, job) -> None:
        which = [i for i, e in enumerate(job.events) if self.claimed(e)]
        if which and (who := self.claimant(job.sent, job.context)) is not None:
            self.credit(job.events, which, who, job.where_when)

    def fold(self, sent: Span, index: int, events: list[Event], where_when, context, reach: int) -> None:
        """A claim told in sentence ``index`` of an act of force told 1 to ``reach`` sentences before ("IS-K claimed
        responsibility."): the acts of the last such sentence whose doer nobody named take the claimant, in
        ``events`` (the document's so far, changed in place)."""
        told = [i for i, e in enumerate(events)
                if e.sentence_index >= 0 and 0 < index - e.sentence_index <= reach and self.claimed(e)]
        if not told or (who := self.claimant(sent, context)) is None:
            return
        latest = max(events[i].sentence_index for i in told)
        self.credit(events, [i for i in told if events[i].sentence_index == latest], who, where_when)

    @staticmethod
    def credit(events: list[Event], which: list[int], who: Actor, where_when) -> None:
        """The events at ``which`` with the claimant ``who`` as their doer, in place; the story's last act of force
        (``where_when.last_force``) stays the same event."""
        last = where_when.last_force
        for i in which:
            events[i] = credited(events[i], who)
            if last is not None and last[1].event_id == events[i].event_id:
                where_when.last_force = (last[0], events[i])


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
