"""Finding predicates in a parsed sentence: verbs of verbs.yaml, event nouns of nouns.yaml, light verbs and verbs
of going that carry event nouns, and the frames (requests, refusals, tolls) that decide which are events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from tacitus.events.arguments import Syntax
from tacitus.events.complements import asks, states
from tacitus.events.framing import Framing, ModeCues, names_means
from tacitus.events.modality import ModalityWords
from tacitus.events.misreadings import misread_before_result, split_perfect
from tacitus.events.ontology import Ontology
from tacitus.events.patterns import PatternBook, Sense

ACTOR_SENTINEL = "*actor"  # obj: the direct object must name an actor
ANY_SENTINEL = "*any"  # obj: the verb must have a direct object, whatever it is
NONE_SENTINEL = "*none"  # obj: the verb must have no direct object
NAME_SENTINEL = "*name"  # obj: the direct object is a proper name ("retook Marte"; not "seized a Turkish ship")

TITLE_CASE_SHARE = 0.8  # of a sentence's longer words capitalised: a headline in title case

@dataclass
class Predicate:
    token: Token  # the word that carries the event (verb or event noun)
    sense: Sense
    kind: str  # "verb" or "noun"
    light: Token | None = None  # light verb carrying a nominal predicate ("launched" in "launched an assault")
    code: str = ""
    mode: str | None = None
    framed: "Predicate | None" = None  # what this act asks, promises or threatens ("urged X to withdraw")
    plover: str | None = None  # a PLOVER type a cue gave this predicate (else the sense's)
    tolls: list[int] = field(default_factory=list)  # participles that report this act's toll ("..., killing four")
    received: bool = False  # a noun its carrier's subject receives from someone ("drew rebukes", "came under fire")

    def __post_init__(self) -> None:
        self.code = self.code or self.sense.code
        self.mode = self.mode if self.mode is not None else self.sense.plover_mode

    @property
    def head(self) -> Token:
        """The token whose modality governs the event (the light verb when there is one)."""
        return self.light if self.light is not None else self.token

    @property
    def positions(self) -> tuple[int, ...]:
        """Where the act is told: its word, and the light verb carrying it ("opened fire")."""
        return (self.token.i,) if self.light is None else (self.token.i, self.light.i)


def toll_participle(tok: Token, grammar, consequence_verbs: frozenset[str]) -> bool:
    """A participle that reports a toll ("..., killing four soldiers", "... and wounding two"): the toll of the
    act it hangs on, when that is one."""
    labels = grammar.labels
    return tok.tag_ in grammar.tags.gerund and (tok.dep_ in labels.adverbial_clause or tok.dep_ in labels.conjunct) \
        and tok.lemma_.lower() in consequence_verbs \
        and not any(c.dep_ in labels.nominal_subject or c.dep_ in labels.auxiliary for c in tok.children)
        # (not "... but it is also killing the country": a clause of its own)


# a game's score ("1-0"): a sentence holding one tells of a game
SCORE = re.compile(r"(?<![\d.,/-])\d{1,2}-\d{1,2}(?![\d.,/-])")
WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


class PredicateFinder:
    """Finds a sentence's predicates with their senses, and which of them are events of their own."""

    def __init__(self, patterns: PatternBook, words: ModalityWords, syntax: Syntax, framing: Framing,
                 mode_cues: ModeCues, ontology: Ontology) -> None:
        self.patterns, self.words, self.syntax = patterns, words, syntax
        self.framing, self.mode_cues, self.ontology = framing, mode_cues, ontology
        self.g = syntax.g

    def __call__(self, job) -> None:
        """The predicates stage: ``job.predicates`` (all) and ``job.active`` (the events of their own)."""
        job.predicates, job.active = self.find(job.tokens)
        if job.where_when.force_told:
            job.active = [p for p in job.active if not self._told_toll(p)]

    def find(self, tokens: Sequence[Token]) -> tuple[list["Predicate"], list["Predicate"]]:
        """All predicates, and those that are events of their own (framed complements, tolls of an attack and
        refusal verbs are not; a framing act takes its precise code from what it frames)."""
        preds = self.find_predicates(tokens)
        games = {id(p) for p in preds if p.token.lemma_.lower() in self.patterns.game_verbs
                 and self.ontology.is_a(p.sense.plover_type, "violence")}
        if games and self._sport(tokens):  # "Morocco beat Portugal 1-0 to reach the semi-finals": a game, no force
            preds = [p for p in preds if id(p) not in games]
        framed = [p for p in preds if self._is_requested(p, preds)]
        for pred in framed:
            self._refine_frame(pred, preds)
        active = [p for p in preds if p not in framed
                  and not (self._is_consequence(p, preds) or self._is_refusal_frame(p, preds)
                           or self._is_protest_purpose(p, preds) or self._is_force_purpose(p, preds)
                           or self._done_by_act(p, preds))]
        return preds, active

    def find_predicates(self, tokens: Sequence[Token]) -> list[Predicate]:
        labels, tags, of = self.g.labels, self.g.tags, self.g.words.of[0]
        preds: list[Predicate] = []
        consumed: set[int] = set()
        for tok in tokens:
            if tok.pos_ in tags.verb and tok.dep_ not in labels.adjective:
                senses = self.patterns.verbs.get(self.syntax.verb_lemma(tok, self.patterns.verbs))
                sense = self._match_verb(tok, senses) if senses else None
                if sense is not None and not self._interviewed(tok) and not self._describing(tok) \
                        and not self._answers_with_act(tok):
                    preds.append(Predicate(tok, sense, "verb"))
                    # the object words of the sense are its object, no acts of their own, also after a quantity
                    # that is no noun ("lifted some of its sanctions"; "called off a round of talks with X" keeps them)
                    objects = [d for d in tok.children if d.dep_ in labels.object]
                    objects += [g for d in objects if d.pos_ not in tags.nominal
                                for g in self.syntax.prep_objects(d, of)]
                    consumed.update(g.i for g in objects if g.lemma_.lower() in sense.obj)
        misread = misread_before_result(tokens, self.g, self.patterns.verbs, self.syntax.verb_lemma, self._match_verb)
        preds += [Predicate(t, s, "verb", light=w) for t, s, w in misread  # "a scooter shot dead"
                  if not (self._interviewed(t) or self._describing(t) or self._answers_with_act(t))]
        for tok in tokens:
            if tok.pos_ in tags.noun and tok.i not in consumed and not self._characterises(tok):
                senses = self.patterns.noun_senses(tok.lemma_.lower())
                light = self._carrier(tok)
                sense = self._match_noun(tok, senses, light) if senses else None
                if sense is None:
                    continue
                if light is not None and any(p.token.i == light.i for p in preds):
                    light = None  # the verb is an event of its own ("discussed the attack")
                received = light is not None and (light.lemma_.lower() in self.patterns.receiving_verbs
                                                  or tok.head.lower_ in self.g.words.under_carrier
                                                  or self._had_of(tok, light, sense))
                preds.append(Predicate(tok, sense, "noun", light=light, received=received))
        acts = {i for p in preds for i in p.positions}
        for pred in preds:
            self._apply_mode_cues(pred, acts)
        return preds

    def _told_toll(self, pred: Predicate) -> bool:
        """"Nine more civilians were wounded in the attack", "a driver was also wounded in the incident": after the
        story has told a use of force, the people a passive wounding names "in" an act told before (the attack,
        this blast) are hurt in that act, not by an act of their own."""
        tok, labels, fn = pred.token, self.g.labels, self.g.words
        if pred.kind != "verb" or tok.lemma_.lower() not in self.patterns.wounding_verbs:
            return False  # (the dead of a killing told this way are counted where it is told, not lost)
        if not any(c.dep_ in labels.passive_marks for c in tok.children) or \
                any(c.dep_ in labels.agent for c in tok.children):
            return False
        for prep in (c for c in tok.children if c.dep_ in labels.preposition and c.lower_ in fn.toll_preps):
            for act in (g for g in prep.children if g.dep_ in labels.prep_object):
                # (not "during the raid", "the operation": those hurt there may be the raiders, hit by others)
                if self.syntax.told_before(act) and act.lemma_.lower() in self.patterns.incident_nouns:
                    return True
        return False

    def _describing(self, verb: Token) -> bool:
        """"militiamen armed with knives", "gunmen equipped with rifles": a participle after a noun, with no
        agent, that says what the noun's people carry, not that anybody armed them."""
        labels = self.g.labels
        joined = [verb, *(c for c in verb.children if c.dep_ in labels.conjunct)]  # "armed and trained by Turkey"
        return (verb.lemma_.lower() in self.patterns.describing_participles and verb.dep_ in labels.noun_clause
                and verb.tag_ in self.g.tags.past_participle
                and not any(c.dep_ in labels.agent for v in joined for c in v.children))

    def _interviewed(self, verb: Token) -> bool:
        """"Asked why police suspect that, Jackson said": a bare participle of asking opening the sentence tells
        that a reporter put a question, not that anyone was asked to act."""
        labels = self.g.labels
        return (verb.lemma_.lower() in self.patterns.interview_verbs and verb.tag_ in self.g.tags.past_participle
                and verb.dep_ in labels.adverbial_clause and verb.i < verb.head.i and not any(
                    c.dep_ in labels.subject or c.dep_ in labels.passive_subject
                    or (c.dep_ in labels.complement and self.g.to_infinitive(c)) for c in verb.children))

    def _characterises(self, noun: Token) -> bool:
        """An event noun that only characterises something: "North Korea poses a threat", "it is an attack on
        democracy", "called the shooting an act of cowardice"; or acts of a kind that are themselves only
        characterised: "most demonstrations have been small", "attacks on aid workers are common" (a plural
        with no determiner that points at acts told before, the subject of a copula with an attribute)."""
        head, labels, words = noun.head, self.g.labels, self.g.words
        if noun.dep_ in labels.attribute and head.pos_ in self.g.tags.verbal \
                and head.lemma_.lower() in words.attributive_verbs:
            return True
        if noun.dep_ in labels.prep_object and head.lower_ in words.naming_preps \
                and head.head.lemma_.lower() in self.words.judging_verbs:
            return True  # "condemned the detentions as an assault on the press" (not "killed as the offensive went on")
        after = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
        head_word = head.lemma_.lower()
        if (noun.dep_ in labels.compound and (head_word in words.charged_persons or head_word in words.kind_heads)) or (
                after is not None and after.pos_ in self.g.tags.noun and after.lemma_.lower() in words.charged_persons):
            return True  # "a genocide suspect", "riot police", "attack helicopters": who or what somebody is
        # not acts counted or dated ("two attacks ... on Sunday were deadly", "protests were violent on Monday")
        return (noun.tag_ in self.g.tags.plural and noun.dep_ in labels.subject
                and head.lemma_.lower() in words.copulas
                and any(c.dep_ in labels.adjective_complement or c.dep_ in labels.attribute for c in head.children)
                and not any(c.dep_ in labels.possessor or c.lower_ in words.anaphoric_determiners
                            or c.ent_type_ in self.g.entities.number for c in noun.children)
                and not any(t.ent_type_ in self.g.entities.time for t in head.subtree))

    def _is_consequence(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"attacked the post, killing four soldiers": the participle reports the toll of the attack (its
        death count goes to the attack), not a second event."""
        tok = pred.token
        if pred.kind != "verb" or not toll_participle(tok, self.g, self.patterns.consequence_verbs):
            return False
        # the act is the verb or the noun a light verb carries ("opened fire on protesters, killing three")
        owner = next((p for p in preds if tok.head.i in p.positions and self._tolled(p)), None)
        if owner is None and not any(tok.head.i in p.positions for p in preds):
            # the parse hung it on a clause that tells no act ("it started at a shop where the gunman opened fire,
            # killing a clerk"): the toll is that of the act told last before it within that clause
            before = [p for p in preds if p.token.i < tok.i and p.token in tok.head.subtree]
            last = max(before, key=lambda p: p.token.i, default=None)
            if last is not None and self._tolled(last):
                owner = last
        if owner is not None and tok.i not in owner.tolls:
            owner.tolls.append(tok.i)
        return owner is not None

    def _tolled(self, pred: Predicate) -> bool:
        """An act whose toll a participle after it reports (force, repression; not a search or a deployment)."""
        return self.ontology.is_a(self.ontology.lookup(pred.code).plover_type, "tolled")

    def _is_protest_purpose(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"staged demonstrations to demand reforms", "rallied to show support for the strikers": the demand or the
        support is what the protest is for (its target comes from it), not a second event; a clause with a subject
        of its own is another's act ("marched after the army backed their demands")."""
        labels, onto = self.g.labels, self.ontology
        tok = pred.token if pred.kind == "verb" else pred.light  # (a noun: the verb that carries it, "to voice")
        if tok is None or (pred.kind == "noun" and (not self.g.to_infinitive(tok) or onto.is_a(
                pred.sense.plover_type, "protest"))) or any(c.dep_ in labels.subject for c in tok.children):
            return False  # (a self-immolation at a march: two acts)
        if not onto.is_a(pred.sense.plover_type, "protest_purpose") \
                or not (tok.dep_ in labels.adverbial_clause or tok.dep_ in labels.open_complement
                        or tok.dep_ in labels.noun_clause):
            return False
        return self._serves(pred, preds, "protest", tok)

    def _is_force_purpose(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"intensified its airstrikes to fight PKK militants": force whose purpose is to fight is one act, told
        once, by the act it is the purpose of."""
        tok, labels, onto = pred.token, self.g.labels, self.ontology
        if pred.kind != "verb" or not onto.is_a(pred.sense.plover_type, "violence") \
                or not (tok.dep_ in labels.adverbial_clause or tok.dep_ in labels.noun_clause
                        or tok.dep_ in labels.open_complement) or not self.g.to_infinitive(tok):
            return False
        return self._serves(pred, preds, "violence")

    def _serves(self, pred: Predicate, preds: list[Predicate], group: str, tok: Token | None = None) -> bool:
        """Whether ``pred`` (or ``tok``, the verb carrying it) hangs on another predicate of the ontology's
        ``group``, or on the verb carrying that one."""
        head = (tok or pred.token).head.i
        return any(self.ontology.is_a(p.sense.plover_type, group) and p is not pred
                   and head in (p.token.i, p.light.i if p.light is not None else -1) for p in preds)

    def _done_by_act(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"was targeted by a cyber attack", "was hit by an airstrike": a verb whose agent is an act tells that
        act, which the noun codes (its target is the verb's subject)."""
        labels, onto = self.g.labels, self.ontology
        if pred.kind != "verb" or not onto.is_a(pred.sense.plover_type, "force"):
            return False  # ("the strike was condemned by the meeting": a condemnation of its own)
        agents = {g.i for a in pred.token.children if a.dep_ in labels.agent
                  for g in a.children if g.dep_ in labels.prep_object}
        return any(p.kind == "noun" and p.token.i in agents and onto.is_a(p.sense.plover_type, "force")
                   for p in preds)

    def _is_refusal_frame(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"refused to meet": the refusal is carried by the coded complement (a REJECT), not a second event; not
        by one that needs somebody acted on and names only a thing ("refused to release his tax records")."""
        if pred.kind != "verb" or pred.token.lemma_.lower() not in self.words.negating_verbs:
            return False
        refusing = pred.token.lemma_.lower() in self.words.refusal_verbs
        return any(p.token.head.i == pred.token.i and p.token.dep_ in self.g.labels.complement
                   and not (refusing and p.sense.needs_target and self._names_only_a_thing(p)) for p in preds)

    def _names_only_a_thing(self, pred: Predicate) -> bool:
        """The predicate's direct object reads as a thing its owner holds: a common noun of no entity with a
        possessor ("his tax records"); a guess, since the actor knowledge is not asked here ("its hostages" passes,
        and the sentence's two rejections are merged by ``ranking.told_once``)."""
        obj = self.syntax.direct_object(pred.token) if pred.kind == "verb" else None
        if obj is None:
            return False
        ents = self.g.entities
        return obj.pos_ in self.g.tags.noun and obj.ent_type_ not in ents.actor and any(
            c.dep_ in self.g.labels.possessor for c in obj.children)

    def _is_requested(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"urged Ethiopia to allow aid", "offered to mediate", "threatened to strike", "is considering sending
        aid": the complement is what is asked, promised, threatened or weighed; the governing act is the event
        (or, for statements, there is none)."""
        tok, labels, onto = pred.head, self.g.labels, self.ontology  # the light verb for "promised to continue aid"
        if tok.dep_ in labels.open_complement:  # "urged X to withdraw": a verb frames its infinitive
            return any(p.token.i == tok.head.i and p.kind == "verb"
                       and (onto.is_a(p.sense.plover_type, "framing") or onto.is_statement(p.code)) for p in preds)
        if tok.dep_ in labels.adverbial_clause and self.g.to_infinitive(tok):  # "pledged $200 million to help Manila"
            return any(p.token.i == tok.head.i and p.kind == "verb"
                       and p.token.lemma_.lower() in self.patterns.promising_verbs for p in preds)
        if tok.dep_ in labels.noun_content:  # "its demand that Israel ease restrictions": a noun frames its clause
            return any(p.token.i == tok.head.i and p.kind == "noun" and onto.is_a(p.sense.plover_type, "framing")
                       for p in preds)
        if pred.kind == "noun" and tok.dep_ in labels.object:  # "threatened sanctions", "threatened a strike"
            # ... and harm promised ("vowed an offensive against the rebels": a threat, by the framing table)
            return any(p.token.i == tok.head.i and p.kind == "verb" and (
                onto.is_a(p.sense.plover_type, "threat") or (p.token.lemma_.lower() in self.patterns.promising_verbs
                                                            and onto.is_a(pred.sense.plover_type, "harm")))
                for p in preds)
        return False

    def _refine_frame(self, framed: Predicate, preds: list[Predicate]) -> None:
        """Give the framing act the precise code of what it frames: "urged Israel to withdraw" is an appeal
        to yield, "threatened to arrest" a threat of repression (mode arrest)."""
        frame = next(p for p in preds if p.token.i == framed.head.head.i)
        frame.framed = framed
        onto = self.ontology
        if any(c.dep_ in self.g.labels.negation for c in framed.head.children):
            # "vowed not to negotiate": cooperation promised never to come is refused; "urged them not to attack",
            # "vowed not to attack" ask or promise restraint, told by the frame's own code (no threat, no yielding)
            if onto.is_a(frame.sense.plover_type, "agreement") and onto.quad_is(framed.code, "cooperation"):
                refusal = onto.recodes["refusal"]
                frame.code, frame.mode, frame.plover = refusal.code, refusal.mode, refusal.plover
            return
        found = self.framing.code_for(frame.sense.plover_type, framed.sense.plover_type, framed.mode)
        if found:
            frame.code, frame.mode = found

    def _match_verb(self, tok: Token, senses: tuple[Sense, ...]) -> Sense | None:
        labels, ents, fn, syntax = self.g.labels, self.g.entities, self.g.words, self.syntax
        # particles ("hit back at"), and prepositions selecting a sense after the verb ("called on Iran", not "On
        # Monday, X called"), alone or with the word they govern ("took to the streets": prep_obj "street")
        particles, preps, governed = self.g.verb_links(tok, self.patterns.response_adverbs,
                                                       {s.particle for s in senses if s.particle})
        dobj = syntax.direct_object(tok)
        passive = next((c for c in tok.children if c.dep_ in labels.passive_subject), None)
        has_complement = any(c.dep_ in labels.complement for c in tok.children)
        infinitives = [c for c in tok.children
                       if c.dep_ in labels.complement and c.i > tok.i and self.g.to_infinitive(c)]
        has_infinitive = any(s.infinitive for s in senses) and bool(infinitives)
        has_clause_subject = any(s.clause_subject for s in senses) and any(
            c.dep_ in labels.clausal_complement and c.i > tok.i and not syntax.is_passive(c)
            and c.lemma_.lower() not in self.patterns.outcome_verbs  # ("hoped Trump would win": a wish)
            and any(g.dep_ in labels.noun_subject for g in c.children) for c in tok.children)
        for s in senses:
            if s.particle and s.particle not in particles:
                continue
            if (s.complement and not has_complement) or (s.infinitive and not has_infinitive):
                continue
            if (s.infinitive_of and not any(c.lemma_.lower() in s.infinitive_of for c in infinitives)) or (
                    s.not_purpose and any(c.lemma_.lower() in s.not_purpose and self.g.to_infinitive(c)
                                          for c in tok.children)) or (
                    s.not_context and any(t.lemma_.lower() in s.not_context and t.pos_ in self.g.tags.noun
                                          for t in tok.subtree)):
                continue
            if s.gerund and not any(c.dep_ in labels.complement and c.i > tok.i and c.tag_ in self.g.tags.gerund
                                    and not any(g.dep_ in labels.subject for g in c.children) for c in tok.children):
                continue
            if s.clause_subject and not has_clause_subject:
                continue
            if (s.stated and not states(tok, self.g, self.words)) or (s.question and not asks(tok, self.g)):
                continue
            if s.prep and not ({(s.prep, w) for w in s.prep_obj} & governed if s.prep_obj else s.prep in preps):
                continue
            if s.acomp and not (self._adjective_complements(tok) & set(s.acomp)):
                continue
            if (s.subject and not any(self._subject_words(c) & set(s.subject) for c in self._doers(tok))) or (
                    s.not_subject and any(syntax.headed_by(c, s.not_subject) for c in self._doers(tok))):
                continue
            patient = dobj if dobj is not None else passive if passive is not None else \
                tok.head if syntax.reduced_passive(tok) else None  # ("the fee charged to customers")
            if s.not_obj and patient is not None and (self._object_words(patient) - {
                    t.lemma_.lower() for t in patient.subtree if t.pos_ in self.g.tags.proper_noun
                    or t.ent_type_ in self.g.entities.people}) & set(s.not_obj):
                continue  # (a name is never such a word: "charged Alan Price", "the Price brothers")
            done_to = dobj if dobj is not None else passive
            if done_to is not None and done_to.lemma_.lower() in self.patterns.abstract_objects \
                    and done_to.pos_ not in self.g.tags.proper_noun and self.ontology.is_a(s.plover_type, "violence") \
                    and not any(c.dep_ in labels.possessor for c in done_to.children):
                continue  # "kill any hope of a settlement", "targeting the budget process": a figure of speech
                #           (one's record attacked is criticism of one: recode.political_attack)
            if NONE_SENTINEL in s.obj:
                if dobj is not None:
                    continue
            elif s.obj:
                # in a passive the subject is what the act is done to ("the rally was broken up", "a deal was
                # struck"), when the sense names the things it takes
                named = ANY_SENTINEL not in s.obj and ACTOR_SENTINEL not in s.obj and NAME_SENTINEL not in s.obj
                if dobj is None and named and passive is not None:
                    if not (self._object_words(passive) & set(s.obj)):
                        continue
                elif dobj is None:
                    continue
                elif ANY_SENTINEL in s.obj:
                    pass
                elif NAME_SENTINEL in s.obj:
                    name = not _title_cased(dobj.sent) and (
                        dobj.pos_ in self.g.tags.proper_noun or (dobj.is_title and dobj.i > dobj.sent.start))
                    if not name and not self._object_words(dobj) & set(s.obj):
                        continue
                elif ACTOR_SENTINEL in s.obj and not (self._object_words(dobj) & set(s.obj)):
                    # a named actor, unless the object is one of the words the sense also lists ("crushed the
                    # uprising" as well as "crushed the Taliban")
                    if dobj.pos_ in self.g.tags.noun and (dobj.lemma_.lower() in self.patterns.actors_things or any(
                            c.dep_ in labels.possessor for c in dobj.children)):  # an actor's thing
                        continue  # "welcomed Reagan's statement", "the decision of Iran": not the actor
                    if tok.lemma_.lower() in self.words.naming_verbs and (any(
                            c.dep_ in labels.object_predicate and c.i != dobj.i for c in tok.children) or (
                            dobj.dep_ in labels.object_predicate and not dobj.ent_type_
                            and dobj.pos_ not in self.g.tags.proper_noun)):
                        continue  # "called Gazprom 'a weapon of the Kremlin'", "called the reform repressive"
                    if not any(t.ent_type_ in ents.actor or t.pos_ in self.g.tags.proper_noun
                               for t in syntax.phrase_span(dobj)):
                        continue
                elif not (self._object_words(dobj) & set(s.obj)):
                    continue
            if not s.particle and particles - set(fn.loose_particles) and s.lemma in fn.senses_with_particles:
                continue
            return s
        return None

    def _subject_words(self, subject: Token) -> set[str]:
        """The words naming a subject: its head, its compounds and its "of" complement, not a name compounded onto it
        ("mortar shells", "the rebel fighters"; not "Shell shares")."""
        names = {c.lemma_.lower() for c in subject.children if c.dep_ in self.g.labels.compound
                 and c.pos_ in self.g.tags.proper_noun}
        return self.syntax.object_lemmas(subject) - (names - {subject.lemma_.lower()})

    def _doers(self, verb: Token) -> list[Token]:
        """The heads of who does the act: the subject, or in a passive the object of its "by" phrase ("was
        hammered by critics")."""
        labels = self.g.labels
        doers = [c for c in verb.children if c.dep_ in labels.nominal_subject and c.dep_ not in labels.passive_subject]
        for agent in (c for c in verb.children if c.dep_ in labels.agent):
            doers += [g for g in agent.children if g.dep_ in labels.prep_object]
        doers = doers or [c for c in verb.children if c.dep_ in labels.nominal_subject]
        if not doers and verb.dep_ in labels.conjunct and verb.head.pos_ in self.g.tags.verbal:
            return self._doers(verb.head)  # "rioters looted shops and torched vehicles": the first verb's subject
        # "allowed a protester to burn a copy of the Koran": who the infinitive's governor lets or makes do it
        return doers or ([] if verb.dep_ in labels.conjunct else self.syntax.verb_subjects(verb))

    def _adjective_complements(self, verb: Token) -> set[str]:
        """The verb's adjectival complements as words, "not guilty" when one is negated ("pleaded not guilty"), and
        what it says its object becomes ("left 12 dead")."""
        labels = self.g.labels
        out = set()
        for c in verb.children:
            if c.dep_ in labels.adjective_complement or c.dep_ in labels.object_predicate:
                negated = any(n.dep_ in labels.negation for n in c.children)
                out.add(("not " if negated else "") + c.lemma_.lower())
        return out

    def _object_words(self, dobj: Token) -> set[str]:
        """The object's lemmas; an event noun is its own object ("announced a suspension of aid" is about a
        suspension, not aid), so its "of" complement does not count."""
        if self.patterns.noun_senses(dobj.lemma_.lower()):
            lemma = dobj.lemma_.lower()
            return {lemma, lemma.replace("-", "")} | {c.lemma_.lower() for c in dobj.children
                                                     if c.dep_ in self.g.labels.adjective_or_compound}
        return self.syntax.object_lemmas(dobj)

    def _match_noun(self, tok: Token, senses: tuple[Sense, ...], light: Token | None) -> Sense | None:
        """The first sense of an event noun whose conditions hold; a preposition the sense needs may hang on the
        light verb that carries the noun ("a case was registered against him")."""
        labels = self.g.labels
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in labels.modifier}
        under = light is not None and tok.head.lower_ in self.g.words.under_carrier  # "came under fire over"
        carrier = light if light is not None and (tok.dep_ not in labels.prep_object or under) else None
        # (not "went on")
        preps = {c.lower_ for c in tok.children if c.dep_ in labels.preposition}
        if carrier is not None:
            preps |= {c.lower_ for c in carrier.children if c.dep_ in labels.preposition and c.i > tok.i
                      and not any(g.ent_type_ in self.g.entities.time for g in c.children)}
        for s in senses:
            if (s.carried or s.carriers) and light is None:
                continue
            if s.carriers and self.syntax.verb_lemma(light, s.carriers) not in s.carriers:
                continue
            if s.subject_of and not (tok.dep_ in labels.subject and tok.head.lemma_.lower() in s.subject_of):
                continue
            if s.modifiers and not (mods & set(s.modifiers)) \
                    and not (s.modifiers_of and self._of_lemmas(tok) & set(s.modifiers)):
                continue  # (or, for some, in its "of" phrase: "a test of an intercontinental ballistic missile")
            if s.not_obj and mods & set(s.not_obj):
                continue  # (of a noun: modifiers that rule the sense out, "a cardiac arrest")
            if s.prep and s.prep not in preps:
                continue
            return s
        return None

    def _of_lemmas(self, tok: Token) -> set[str]:
        """The lemmas of the phrase a noun's "of" introduces: its head and the head's modifiers."""
        out: set[str] = set()
        for g in self.syntax.prep_objects(tok, self.g.words.of[0]):
            out.add(g.lemma_.lower())
            out.update(c.lemma_.lower() for c in g.children if c.dep_ in self.g.labels.modifier)
        return out

    def _sport(self, tokens: Sequence[Token]) -> bool:
        """A sentence of a game: a word of sport or a score ("1-0", "3-2")."""
        text = tokens[0].sent.text.lower() if tokens else ""
        if any(w in self.patterns.sport_words for w in WORD.findall(text)):
            return True
        for m in SCORE.finditer(text):  # not a span of days ("on 12-13 March", "July 14-17")
            near = WORD.findall(text[max(0, m.start() - 12):m.start()])[-1:] \
                + WORD.findall(text[m.end():m.end() + 12])[:1]
            if not any(w in self.patterns.month_words for w in near):
                return True
        return False

    def _had_of(self, noun: Token, light: Token, sense) -> bool:
        """A thing given had "of" somebody ("has the backing of the army", ontology given_of): received from them."""
        return light.lemma_.lower() in self.patterns.having_verbs \
            and self.ontology.is_a(sense.plover_type, "given_of") \
            and any(self.syntax.prep_objects(noun, p) for p in self.g.words.of)

    def _answers_with_act(self, verb: Token) -> bool:
        """A verb of response answering with an act that a noun names ("retaliated with tariffs", "responded with
        artillery fire"): the noun is the act, the verb only carries it."""
        if not self.patterns.answers(verb):
            return False
        labels, fn = self.g.labels, self.g.words
        return any(g.dep_ in labels.prep_object and self.patterns.noun_senses(g.lemma_.lower())
                   for c in verb.children if c.dep_ in labels.preposition and c.lower_ in fn.response_carrier
                   for g in c.children)

    def _carrier(self, noun: Token) -> Token | None:
        """The verb that carries an event noun: a light verb taking it as object ("launched an assault") or a
        verb of going or taking part taking it after "on"/"for"/"in" ("arrived on a visit", "returned for talks",
        "engaged in ethnic cleansing")."""
        labels, tags, fn = self.g.labels, self.g.tags, self.g.words
        first = noun
        while first.dep_ in labels.conjunct and first.head.pos_ in tags.noun and first.head.i != first.i:
            first = first.head  # "opened mortar and machine-gun fire": the light verb carries each act noun
        if first is not noun:
            return self._carrier(first)
        light = self.patterns.light_verbs
        for mod in (c for c in noun.children if split_perfect(c, self.g) is not None
                    and self.syntax.verb_lemma(c, light) in light):
            return mod  # "police have registered cases against him", read as "have" taking registered cases
        head = noun.head
        if ((noun.dep_ in labels.object or noun.dep_ in labels.passive_subject) and head.pos_ in tags.verb
                and self.syntax.verb_lemma(head, self.patterns.light_verbs | self.patterns.receiving_verbs)
                in self.patterns.light_verbs | self.patterns.receiving_verbs):
            if head.lemma_.lower() in self.patterns.display_verbs and any(
                    s.lemma_.lower() in self.patterns.displaying_nouns for s in self.syntax.verb_subjects(head)):
                return None  # "a UN report showed an attack": the report carries no act
            return head  # "launched an assault"; "the war game was staged by US marines"
        if noun.dep_ in labels.prep_object and head.head.pos_ in tags.verbal:
            verb = head.head.lemma_.lower()
            if head.lower_ in fn.carrier_preps and verb in self.patterns.motion_verbs:
                return head.head
            if head.lower_ in fn.as_carrier and verb in self.patterns.as_verbs:
                return head.head
            if head.lower_ in fn.response_carrier and self.patterns.answers(head.head):
                return head.head
            if head.lower_ in fn.under_carrier and verb in self.patterns.under_verbs:
                return head.head  # "came under fire from rebels"
        if (noun.dep_ in labels.prep_object and head.lower_ in fn.of and head.head.pos_ in tags.noun
                and head.head.lemma_.lower() in self.patterns.quantity_nouns):
            return self._carrier(head.head)  # "launched a wave of airstrikes": launched carries the wave
        return None

    def _apply_mode_cues(self, pred: Predicate, acts: set[int] = frozenset()) -> None:
        cues = self.mode_cues.of_type(pred.sense.plover_type)
        if not cues:
            return
        labels = self.g.labels
        words = {c.lemma_.lower() for c in pred.token.children if c.dep_ in labels.adjective_or_compound}
        everywhere: set[str] = set()
        heads = [pred.token, pred.light]
        verb = pred.token
        if pred.kind == "verb" and not any(c.dep_ in labels.subject for c in verb.children) and (
                verb.dep_ in labels.conjunct or (verb.dep_ in labels.adverbial_clause and verb.head.i in acts)):
            # "gunmen broke into the house and killed ...": the subject they share names the means; "an IED
            # exploded under the vehicle, killing four soldiers": the act it hangs on does ("the gas tank
            # exploded, killing two workers" is no act, and its tank no weapon)
            heads += [c for c in verb.head.children if c.dep_ in labels.subject]
        phrase = [tok for head in heads if head is not None for tok in head.subtree]
        for tok in phrase:  # "spoke to his counterpart Erdogan over the phone" attaches anywhere
            everywhere.add(tok.lemma_.lower())
            if tok.dep_ in labels.preposition and tok.lower_ in self.g.words.mode_preps:
                words.update(g.lemma_.lower() for g in tok.children if g.dep_ in labels.prep_object)
        for mode, cue in cues.items():
            skip = cue.acted_on(verb, labels)  # ("police shot a suicide bomber": no suicide attack)
            seen = {t.lemma_.lower() for t in phrase if t.i not in skip} if skip else everywhere
            # a mode already read is replaced only by a cue that may replace it, in words of the means
            if cue.unless_words & everywhere or (cue.unless_mode and pred.mode is not None and (
                    pred.mode not in cue.over or not names_means(heads, cue, self.g.tags.nominal, skip))):
                continue
            if (seen if cue.anywhere else words) & cue.words:
                pred.mode, pred.code = mode, cue.code
                pred.plover = cue.plover or pred.plover
                if cue.plover:
                    pred.mode = None
                return


def _title_cased(sent) -> bool:
    """A headline written in title case ("Rebels Seize Turkish Ship Near Derna"), whose capitals name nothing."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= TITLE_CASE_SHARE * len(words)
