"""The roles stage: who acts and who is acted on, for every predicate that is an event of its own.

Reads ``job.active`` (from the predicates stage) and writes ``job.drafts``: one :class:`~tacitus.events.job.Draft`
per predicate and dyad, with the source and target resolved to actors and the predicate's modality. Also the
actor of any word (:meth:`Roles.actor`, used by the later stages): pronouns through their antecedents, members
of a collective ("thousands of Iraqi Kurds"), owners of things ("an arms depot of the Syrian army"), residence
("ethnic Albanians in Serbia"), and unidentified perpetrators of violence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Token

from tacitus.events.arguments import Syntax
from tacitus.events.job import Draft, SentenceJob
from tacitus.events.knowledge import Knowledge
from tacitus.events.modality import ModalityReader
from tacitus.events.parties import CIVILIANS, Parties
from tacitus.events.perpetrators import Perpetrators
from tacitus.events.places import NOT_STATES, PlaceReader
from tacitus.events.possessives import possessive_owner
from tacitus.events.predicates import Predicate, toll_participle
from tacitus.events.ranking import PER_NESTING_LEVEL, confidence, nesting
from tacitus.events.sameness import one_name, same_actor
from tacitus.events.targets import TargetReading
from tacitus.records import INFERRED_COUNTRY, Actor


# The kinds of words (Roles._kind) a pronoun of each kind may stand for: "he" a person or somebody singular who may
# be one, "it" a single body, state or thing, "they" a plural or a body ("the government said they ...").
PRONOUN_TAKES = {"person": ("person", "someone"), "single": ("single", "someone"), "plural": ("plural", "single")}


class Roles(TargetReading):
    def __init__(self, knowledge: Knowledge, syntax: Syntax, modality: ModalityReader, places: PlaceReader) -> None:
        self.k, self.syntax, self.modality, self.places = knowledge, syntax, modality, places
        self.onto, self.g = knowledge.ontology, syntax.g
        self.perpetrators = Perpetrators(knowledge, syntax, places)
        self.parties = Parties(knowledge, syntax)
        # verbs of force, whose object, as the purpose of an act of force, is the one it is used on
        self.violent_verbs = knowledge.patterns.verbs_of("violence")
        self.harm_verbs = knowledge.patterns.verbs_of("harm")  # force, coercion, sanctions
        # what one decides, offers or refuses to do ("its decision to expel", "his refusal to concede")
        words = modality.words
        self.intent_nouns = words.future_nouns | words.negating_nouns | set(syntax.g.words.intent_nouns)

    def __call__(self, job: SentenceJob) -> None:
        self.register_people(job)
        opens_quote = self.opens_quote(job.tokens)
        job.quoted = job.context.quote_speaker if opens_quote else None
        tokens = job.predicate_tokens
        for pred in job.active:
            job.drafts.extend(self.drafts(pred, job, tokens))
        if not job.from_title:
            job.context.quote_speaker = self.quote_attribution(job) or (job.quoted if opens_quote else None)
            job.context.subjects, job.context.objects = self.main_roles(job)
            job.context.roles_sentence = job.index

    def main_roles(self, job: SentenceJob) -> tuple[list[tuple[Actor, str]], list[tuple[Actor, str]]]:
        """The actors who act and who are acted on in a sentence's main clause and in what it reports ("Wang said
        the prosecutors visited residents": Wang, the prosecutors; the residents; "his aide was arrested, police
        said": the police; the aide), each with its kind: a person, a plural, a single body or state, or "someone"
        singular who may be a person or a thing ("a bookie")."""
        syntax, labels = self.syntax, self.g.labels
        root = job.sent.root
        clauses = [root] + [c for c in root.children if c.dep_ in labels.clausal_complement]
        subjects: list[tuple[Actor, str]] = []
        objects: list[tuple[Actor, str]] = []
        for verb in clauses:
            obj = syntax.direct_object(verb)
            acted = syntax.children(verb, labels.passive_subject) if syntax.is_passive(verb) else \
                [obj] if obj is not None else []
            for out, toks in ((subjects, syntax.verb_subjects(verb)), (objects, acted)):
                for t in toks:
                    actor = job.actors.get(t.i)  # only what the sentence's events resolved: nothing more remembered
                    if actor is None and out is subjects and verb.i == root.i and t.i not in job.actors \
                            and verb.lemma_.lower() in self.k.words.speech_verbs:
                        actor = self.actor(t, job)  # ... and who speaks ("U.S. officials say ... They also accuse")
                    if actor is not None:
                        out.append((actor, self._kind(t)))
        return subjects, objects

    def _kind(self, tok: Token) -> str:
        """What a pronoun may take a word for: "person", "plural", "single" (a body, a state, a thing) or
        "someone" (a singular noun that may be a person or a thing); a pronoun is of its own kind."""
        words, syntax = self.g.words, self.syntax
        if syntax.is_pronoun(tok):
            return "person" if tok.lower_ in words.person_pronouns else \
                "single" if tok.lower_ in words.thing_pronouns else "plural"
        if syntax.is_person(tok):
            return "person"
        if tok.tag_ in self.g.tags.plural:
            return "plural"
        return "someone" if syntax.may_be_person(tok) else "single"

    def opens_quote(self, tokens: Iterable[Token]) -> bool:
        words = [t for t in tokens if not t.is_space]
        return bool(words) and words[0].text in self.g.words.quote_marks

    def quote_attribution(self, job: SentenceJob) -> Actor | None:
        """Who the quotation after this sentence is by: the speaker of a verb of saying the sentence ends on
        ('the PTI chief had said:'), or of one that attributes a quote in it ('"We will fight," he said')."""
        words = self.g.words
        toks = [t for t in job.tokens if not t.is_space]
        if not toks:
            return None
        verbs = [t for t in toks if t.lemma_.lower() in self.k.words.speech_verbs and t.pos_ in self.g.tags.verb]
        if not verbs:
            return None
        if toks[-1].text in words.introducing_marks:
            return self.speaker(verbs[-1], job, named_only=True) or self.speaker(verbs[-1], job)
        if any(t.text in words.quote_marks for t in toks):
            return self.speaker(verbs[-1], job)
        return None

    def register_people(self, job: SentenceJob) -> None:
        """Resolve names as they appear so later surnames and "the Turkish leader" corefer; learn acronyms."""
        self.k.resolver.register_acronyms(job.sent, job.context)
        for ent in job.sent.ents:
            # a person the knowledge does not know (or a name tagged as a body, that a title shows is a person) is who
            # the apposition says ("Musa Garbuwa, the state police spokesperson"); the surname alone is that person
            titled = any(c.lemma_.lower() in self.syntax.person_nouns
                         for c in self.syntax.titles(ent.root, self.k.words.speech_verbs))
            if ent.label_ in self.g.entities.person or titled:
                if len(ent) > 1 and ent[-1].tag_ in self.g.tags.possessive_ending:
                    ent = ent[:-1]  # "In John Lawrence's column": the name is John Lawrence
                found = self.k.resolver.resolve_span(self.syntax.phrase_span(ent.root), job.context)
                words = [t.lower_ for t in ent if t.pos_ in self.g.tags.proper_noun or (t.is_alpha and t.is_title)]
                keys = self.k.resolver.name_keys(tuple(words)) if len(words) > 1 else []
                other = keys and (known := job.context.by_name(keys[1])) is not None \
                    and (known.name or "").casefold() != ent.text.casefold()  # a second Garbuwa owns the surname
                if found is None or not (found.country or found.sector or found.kb_id) or other:
                    person = self._apposition(ent.root, found or Actor(text=ent.text, name=ent.text), job)
                    job.context.remember(replace(person, text=ent.text, name=ent.text, kb_id=None), person=True,
                                         name_keys=keys)

    # ------------------------------------------------------------------ actors
    def actor(self, tok: Token, job: SentenceJob) -> Actor | None:
        """The actor a word stands for (cached per sentence); None when it names none."""
        cache = job.actors
        if tok.i in cache:
            return cache[tok.i]
        cache[tok.i] = None  # while resolving: a pronoun whose antecedents lead back here names nobody
        syntax, tags = self.syntax, self.g.tags
        if tok.lower_ in self.g.words.speaker_pronouns and tok.pos_ in tags.pronoun \
                and (speaker := self.quoted_speaker(tok, job)) is not None:
            actor = replace(speaker, text=tok.text)  # '"We will not accept it," the minister said': the minister
        elif syntax.is_pronoun(tok):
            earlier = syntax.antecedent(tok)
            actor = self.actor(earlier, job) if earlier is not None else None
            if actor is None:  # an actor of the sentence before, else the last person for "he"/"she", the last
                kind = self._kind(tok)  # group or state for "they"/"it"/"we"
                acted_on = tok.dep_ not in self.g.labels.subject
                # "the Republicans urged them": not themselves (that would be "themselves")
                own = [self.actor(t, job) for t in syntax.own_clause_subjects(tok)] if acted_on else []
                skip = (lambda a: any(same_actor(a, o) for o in own)) if any(own) else None
                actor = job.context.last_sentence_actor(PRONOUN_TAKES[kind], acted_on, job.index, skip) \
                    or job.context.last_actor(person=kind == "person")
                actor = None if actor is not None and skip is not None and skip(actor) else actor
            actor = replace(actor, text=tok.text) if actor is not None else None
        elif tok.lower_ in self.g.words.possessive_determiners and tok.head.lemma_.lower() in self.intent_nouns \
                and not self._under_act(tok.head, {p.token.i for p in job.predicates}):
            # "an angry reply to his decision to visit Hanoi", with nobody above it: the nearest earlier person
            # (for "his", "her") or actor the sentence names, else the one acting in the sentence before, else the
            # last person (or actor) the story named
            person = tok.lower_ in self.g.words.person_possessives
            wanted = self.g.entities.person if person else self.g.entities.actor
            named = next((e.root for e in reversed(tok.sent.ents) if e.end <= tok.i and e.label_ in wanted), None)
            kind = "person" if person else "plural" if tok.lower_ in self.g.words.plural_possessives else "single"
            actor = self.actor(named, job) if named is not None else \
                job.context.last_sentence_actor(PRONOUN_TAKES[kind], False, job.index) \
                or job.context.last_actor(person=person)
            actor = replace(actor, text=tok.text) if actor is not None else None
        elif syntax.stands_for_group(tok) and tok.head.lemma_.lower() not in self.violent_verbs:
            # "Police held three activists. Both were later released": the group acted on in the sentence before
            # ("seven were injured" counts the victims of force told before: no act of its own)
            actor = job.context.last_sentence_actor(("plural", "someone", "person"), True, job.index, fallback=False)
            actor = replace(actor, text=tok.text) if actor is not None else None
        elif tok.pos_ in tags.pronoun_or_determiner:
            actor = None
        elif tok.lemma_.lower() in self.g.words.border_nouns and (neighbour := next(
                (o for p in self.g.words.border_preps for o in syntax.prep_objects(tok, p)), None)) is not None:
            found = self.actor(neighbour, job)  # "tanks sent to the border with Laos": toward Laos
            actor = replace(found, text=syntax.phrase_span(tok).text) if found is not None else None
        elif members := self.parties.members(tok):
            # "thousands of Iraqi Kurds", "a group of Moroccan diplomats", "three of the hostages": the members
            found = self.actor(members[0], job)
            actor = replace(found, text=syntax.phrase_span(tok).text) if found is not None else None
        else:
            actor = self._named_actor(tok, job)
        cache[tok.i] = actor
        return actor

    def _named_actor(self, tok: Token, job: SentenceJob) -> Actor | None:
        span = self.syntax.phrase_span(tok)
        actor = self.k.resolver.resolve_span(span, job.context)
        if actor is not None and tok.ent_type_ in self.g.entities.person and actor.kb_id \
                and actor.kb_id == actor.country and (actor.name or "").casefold() != span.text.casefold():
            actor = None  # a person's name that is also a nationality word ("said English") is no country
        if actor is None and (self.syntax.named(tok) or self.syntax.untagged_name(tok)):
            # a named organisation or person we know nothing more of (an untagged name acts only in statements)
            actor = Actor(text=span.text, name=span.text)
        if actor is None or not (actor.country and actor.sector):
            actor = self._apposition(tok, actor, job)
        if actor is None or not actor.sector:
            # "a group of Moroccan diplomats", "an arms depot of the Syrian army", "Netanyahu's proposal",
            # "a request from the New York Times", "the resolution proposed by the Security Council"
            for owner in self.syntax.owners(tok):
                found = self.actor(owner, job)
                if found is not None and found.kb_id and found.kb_id == found.country \
                        and tok.ent_type_ in self.g.entities.person and one_name(owner, tok):
                    continue  # "Jordan Peterson", "Chad Smith": a first name, not the country it spells
                if found is not None and found.sector and (actor is None or found.country in (None, actor.country)
                                                           or not actor.country):
                    actor = found
                    break
        if actor is not None and actor.sector and (not actor.country or actor.country_basis in INFERRED_COUNTRY):
            # "our soldiers" in a minister's quote, "their army": a sector whose country its possessor gives
            for owner in self.syntax.owners(tok):
                if owner.dep_ in self.g.labels.compound:
                    continue  # "the UN-recognized Government of National Accord" is not the UN's
                # "Turkey said its soldiers were attacked": Turkey's
                found = self.actor(possessive_owner(self.syntax, owner, self.violent_verbs) or owner, job)
                if found is not None and found.country:
                    actor = replace(actor, country=found.country, country_basis="mention")
                    break
        if actor is not None and actor.sector and (not actor.country or actor.country_basis in INFERRED_COUNTRY):
            # "Karachi police", "the Lagos High Court": a body named with its town is that town's; so is an organ
            # of a state named with the town it sits in ("the interior ministry in Baku"; not "the envoy in Paris")
            town = self.places.named_town(tok, job.context.home_country) if not actor.country else None
            if town is None and tok.lemma_.lower() not in self.g.words.posted_nouns:
                town = next((seat[1] for p in self.g.words.seat_preps for o in self.syntax.prep_objects(tok, p)
                             if (seat := self.places.place_of(o, towns_only=True)) and seat[1].country), None)
            if town is not None:
                actor = replace(actor, country=town.country, country_basis="mention")
        if actor is not None and actor.country:
            home = self.residence(tok)
            if home and home != actor.country:
                actor = replace(actor, country=home, country_basis="residence")
        return actor

    def _apposition(self, tok: Token, actor: Actor | None, job: SentenceJob) -> Actor | None:
        """"Ardit Gashi, an Albanian hacker", "Thomas Kindness, R-Ohio": an apposition tells who a name is."""
        for app in self.syntax.titles(tok, self.k.words.speech_verbs):
            found = self.k.resolver.resolve_span(self.syntax.phrase_span(app), job.context)
            if found is None or not (found.country or found.sector):
                continue
            if actor is None:
                return replace(found, text=self.syntax.phrase_span(tok).text)
            return replace(actor, country=actor.country or found.country, sector=actor.sector or found.sector)
        return actor

    def residence(self, tok: Token) -> str | None:
        """"ethnic Albanians in Serbia", "ethnic Albanian guerrillas operating in Macedonia": an ethnic group
        named with the country it lives or acts in belongs to that country (PLOVER codes residence)."""
        fn = self.g.words
        if not any(c.lower_ in fn.ethnic for c in tok.subtree):
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ in self.g.labels.noun_clause)]
        for head in heads:
            for p in fn.residence_preps:
                for place in self.syntax.prep_objects(head, p):
                    found = self.places.place_of(place)
                    if found is not None and found[1].country:
                        return found[1].country
        return None

    def quoted_speaker(self, pronoun: Token, job: SentenceJob) -> Actor | None:
        """Who "I" or "we" is: the speaker of the verb of saying above it, else of the sentence before that
        introduced the quotation this sentence is."""
        said = self.modality.speech_above(pronoun)
        if said is not None:
            return self.speaker(said, job, named_only=True)
        return job.quoted

    def speaker(self, verb: Token, job: SentenceJob, named_only: bool = False) -> Actor | None:
        """The actor who says what a verb of saying reports (``named_only``: not a pronoun)."""
        for s in self.syntax.verb_subjects(verb):
            if named_only and s.pos_ in self.g.tags.pronoun:
                continue
            actor = self.actor(s, job)
            if actor is not None:
                return actor
        return None

    # ------------------------------------------------------------------ arguments
    def arguments(self, pred: Predicate) -> tuple[list[Token], list[Token]]:
        """The heads of a predicate's sources and targets, before they are resolved. A violent act that names
        nobody it was done to is done to the victims of its toll ("a bomb exploded near the convoy, killing four
        soldiers", "opened fire, wounding two policemen")."""
        sources, targets = self._verb_arguments(pred) if pred.kind == "verb" else self._noun_arguments(pred)
        if not self.syntax.timeless(targets) and self.onto.quad_is(pred.code, "material_conflict"):
            targets = self._toll_victims(pred) or targets
        return sources, targets

    def _under_act(self, noun: Token, acts: set[int]) -> bool:
        """Whether the nearest verb above a noun is one of ``acts`` ("welcomed his offer"): somebody else's noun."""
        verb = next((a for a in noun.ancestors if a.pos_ in self.g.tags.verbal), None)
        return verb is not None and verb.i in acts

    def _intender(self, tok: Token, pred_tokens: set[int]) -> Token:
        """Who does what a decision, an offer or a refusal is to do when no name owns it: whom its possessive
        determiner stands for ("Serbia repeated its refusal to recognise Kosovo"), else the subject of the verb that
        announces or takes it ("Turkey announced the decision to expel the envoy"; grammar ``owning_verbs``). Not
        when the verb above is an act of its own ("welcomed his offer", "condemned its decision": somebody else's).
        """
        fn, labels = self.g.words, self.g.labels
        if tok.lemma_.lower() not in self.intent_nouns or self._under_act(tok, pred_tokens):
            return tok
        det = next((c for c in tok.children if c.dep_ in labels.possessor and c.lower_ in fn.possessive_determiners),
                   None)
        if det is not None:
            return possessive_owner(self.syntax, det, self.violent_verbs, self.intent_nouns) or det
        if self.syntax.owners(tok) or tok.dep_ not in labels.object or tok.head.lemma_.lower() not in fn.owning_verbs:
            return tok
        return next(iter(self.syntax.verb_subjects(tok.head)), tok)

    def _toll_victims(self, pred: Predicate) -> list[Token]:
        doc = pred.token.doc
        tolls = [c for i in pred.positions for c in doc[i].children
                 if toll_participle(c, self.g, self.k.patterns.consequence_verbs)]
        tolls += [doc[i] for i in pred.tolls if doc[i] not in tolls]  # hung on a clause that tells no act
        return [obj for c in tolls if (obj := self.syntax.direct_object(c)) is not None]

    def _noun_arguments(self, pred: Predicate) -> tuple[list[Token], list[Token]]:
        syntax, onto, tok, sense = self.syntax, self.onto, pred.token, pred.sense
        if pred.received:
            # "drew sharp rebukes from Republicans", "came under fire from rebels": from them, at who drew them
            preps = self.g.words.giver_preps + (self.g.words.of if onto.is_a(sense.plover_type, "given_of") else ())
            givers = [g for p in preps for g in syntax.prep_objects(tok, p) + syntax.prep_objects(pred.light, p)]
            return givers, syntax.verb_subjects(pred.light)
        held = syntax.held(tok) if sense.state_agent or self.onto.state_agent(pred.mode) else []
        if held:  # "the girl is in custody", "he is on trial": the state holds her (its organ comes from the act)
            return [], held
        found = syntax.noun_sources(tok, place_modifiers=bool(sense.source_sector))
        owners = [c for c in tok.children if c.dep_ in self.g.labels.possessor] if sense.possessor_target \
            and not any(syntax.prep_objects(tok, t) for t in sense.targets) else []  # ("Russia's arrest of X")
        found = [t for t in found if t not in owners]  # "Navalny's arrest": he is arrested, by somebody else
        sources = [t for t in found if t.pos_ not in self.g.tags.pronoun]  # "its demand": the light verb says whose
        if not sources and pred.light is not None:
            sources = syntax.verb_subjects(pred.light)
        sources = sources or found
        targets = []
        head = tok.head  # "a barrage of rocket fire on the town": the count's phrase is the act's
        counted = head.head if tok.dep_ in self.g.labels.prep_object and head.lower_ in self.g.words.of \
            and head.head.lemma_.lower() in self.k.patterns.quantity_nouns else None
        for t in sense.targets:
            if t == "dobj":  # the carrying verb's object: "took the suspect into custody"
                obj = syntax.direct_object(pred.light) if pred.light is not None else None
                targets += [obj] if obj is not None and obj.i != tok.i and (counted is None or obj.i != counted.i) else []
                continue
            targets += syntax.prep_objects(tok, t) + (syntax.prep_objects(counted, t) if counted is not None else [])
            if pred.light is not None and t not in self.g.words.light_not_targets:
                targets += syntax.prep_objects(pred.light, t)
        targets = targets or owners
        if not targets and tok.head.dep_ in self.g.labels.agent:  # "was targeted by a cyber attack": the firm
            targets = syntax.children(tok.head.head, self.g.labels.passive_subject)
        if not targets:  # "accusations of fraud against the party": the parser hangs the phrase on the "of" noun
            for what in syntax.prep_objects(tok, self.g.words.of[0]):
                targets += [g for t in sense.targets if t != "dobj" for g in syntax.prep_objects(what, t)]
        if onto.is_a(sense.plover_type, "demand"):  # "its demand that Israel ease ...": Israel is asked
            for clause in tok.children:
                if clause.dep_ in self.g.labels.noun_content:
                    targets += [c for c in clause.children if c.dep_ in self.g.labels.noun_subject]
        if not targets and onto.is_a(sense.plover_type, "protest"):
            targets = syntax.grievance_targets(tok, pred.light)
        if not targets and onto.is_a(sense.plover_type, "violence"):  # "launched an offensive to crush the rebels"
            targets = syntax.purpose_objects(tok, pred.light, verbs=self.violent_verbs)
        between = syntax.prep_objects(tok, self.g.words.between[0])
        if between and not sources:  # "talks between X and Y": X -> Y
            sources, targets = [between[0]], [t for t in syntax.with_conjuncts(between[0])[1:]] or targets
        return sources, targets

    def _verb_arguments(self, pred: Predicate) -> tuple[list[Token], list[Token]]:
        syntax, onto, labels, tok, sense = self.syntax, self.onto, self.g.labels, pred.token, pred.sense
        if sense.felt:  # "said it was dismayed by the decision": who feels it, about what its phrase names
            about = [g for p in sense.targets for g in syntax.prep_objects(tok, p)]  # (about nothing: no act)
            felt = bool(about) and (syntax.is_passive(tok) or (tok.dep_ in labels.conjunct
                                                               and syntax.is_passive(tok.head)))
            feeling = tok if syntax.children(tok, labels.passive_subject) else tok.head
            return (syntax.children(feeling, labels.passive_subject), about) if felt else ([], [])
        sources = syntax.verb_subjects(tok)
        if not sources and sense.no_object_target and syntax.is_passive(tok):
            # "2,000 Russian soldiers were deployed": what is moved belongs to the one who moves it
            sources = [s for s in syntax.children(tok, labels.passive_subject) if not syntax.stands_for_group(s)] or (
                [tok.head] if syntax.reduced_passive(tok) else [])  # "the troops deployed there" (not "three were
            #                                                          handed over": the ones held)
        targets: list[Token] = []
        obj = syntax.direct_object(tok)
        for t in sense.targets:
            if t == "dobj":  # the key patterns use for the direct object
                if not sense.no_object_target:
                    targets += [obj] if obj is not None else []
                    if obj is None:  # "allowed UN planes to land": the one allowed is the clause's subject
                        targets += [c for clause in tok.children if clause.dep_ in labels.clausal_complement
                                    and clause.i > tok.i for c in clause.children if c.dep_ in labels.noun_subject]
                    if syntax.is_passive(tok):
                        targets += syntax.verb_passive_targets(tok)
            elif t == "dative":  # the key patterns use for an indirect object
                targets += [c for c in tok.children if c.dep_ in labels.dative and c.pos_ not in self.g.tags.preposition]
                targets += syntax.prep_objects(tok, self.g.words.to[0])
            else:
                found = syntax.timeless(syntax.prep_objects(tok, t))  # ("fired on Monday": no target)
                if not found and sense.no_object_target and obj is not None and t in self.g.words.aim_preps \
                        and not self.k.patterns.noun_senses(obj.lemma_.lower()):
                    found = syntax.prep_objects(obj, t)  # "fired mortar shells at the base": the thing fired at it
                if not found and sense.no_object_target and obj is not None and t in self.g.words.to:
                    found = self.hung_low(tok, t)
                if not found and obj is not None and t in self.g.words.partner_preps and onto.is_a(
                        sense.plover_type, "shared_about"):  # (hung on the thing shared or on what it is about)
                    about = [o for p in self.g.words.shared_topic_preps for o in syntax.prep_objects(obj, p)]
                    found = [g for x in [obj, *about] for g in syntax.prep_objects(x, t)]
                targets += found
                # "gave approval for the UN to deliver aid": the preposition marks a clause, whose subject it is
                targets += [c for clause in tok.children if clause.dep_ in labels.adverbial_clause
                            and any(m.dep_ in labels.condition_mark and m.lower_ == t for m in clause.children)
                            for c in clause.children if c.dep_ in labels.noun_subject]
        if not targets and (accusing := syntax.accusation_denied(tok)) is not None:
            targets = syntax.verb_subjects(accusing)  # "accused Cuba of the attacks, which it denied": the accuser
        if not targets and onto.is_a(sense.plover_type, "rejection"):
            # "refused to allow UN planes to land": the one refused is the refused act's object or subject
            for clause in syntax.children(tok, labels.open_complement):
                refused = syntax.direct_object(clause)
                targets += [refused] if refused is not None else [
                    g for cc in clause.children if cc.dep_ in labels.clausal_complement
                    for g in cc.children if g.dep_ in labels.noun_subject]
        if onto.is_a(sense.plover_type, "demand") and obj is None:
            # "demanded that Hamas renounce violence": the one asked is the subject of what is demanded
            asked = [c for clause in tok.children if clause.dep_ in labels.clausal_complement
                     for c in clause.children if c.dep_ in labels.nominal_subject]
            warners = {t.i for t in syntax.verb_subjects(tok)}
            if onto.is_a(sense.plover_type, "threat") and asked and all(
                    syntax.is_pronoun(c) and getattr(syntax.antecedent(c), "i", None) in warners for c in asked) \
                    and all(c.head.lemma_.lower() in self.harm_verbs or self.k.patterns.answers(c.head)
                            for c in asked):  # ("warned that it would respond with force", "... expel the envoy")
                # "Iran warned that it would strike Israel": the one threatened is the one Iran would harm
                targets = [t for t in targets if t not in asked]
                asked = [h for clause in tok.children if clause.dep_ in labels.clausal_complement
                         for h in syntax.harmed(clause)]
            targets = asked + [t for t in targets if t not in asked]
        if not targets and obj is None and onto.is_a(sense.plover_type, "accusation"):
            # "complained that the government had rigged the vote": the one the complaint is about
            targets = [c for clause in tok.children if clause.dep_ in labels.clausal_complement
                       for c in clause.children
                       if c.dep_ in labels.nominal_subject and c.pos_ not in self.g.tags.pronoun]
        if not targets and onto.is_a(sense.plover_type, "protest"):
            # "blocked roads ... to press demands from the government": the grievance before the road's end
            targets = syntax.grievance_targets(tok)
        if not targets and onto.is_a(sense.plover_type, "violence"):  # "fired tear gas to disperse the protesters"
            targets = syntax.purpose_objects(tok, verbs=self.violent_verbs)
        if not targets and sense.no_object_target and obj is not None \
                and not onto.is_a(sense.plover_type, "shared_about"):  # (intelligence "on" groups is about them)
            # "lifted a ban on Berlusconi", "lifted restrictions imposed on Olmert": whom the thing concerns
            holders = [obj, *(c for c in obj.children if c.dep_ in labels.noun_clause)]
            targets = [g for h in holders for p in self.g.words.lifted_targets for g in syntax.prep_objects(h, p)]
            if not targets:  # "rejected Indian claims of strikes", "accepted demands from the rebels": whose
                # the thing is, its country adjective before what an "of" phrase says it is about
                pronoun = self.g.tags.pronoun
                owned = onto.is_a(sense.plover_type, "owned_things")
                adjectives = [o for o in syntax.noun_sources(obj, place_modifiers=True) if o.pos_ not in pronoun] \
                    if owned else []
                targets = adjectives or [o for o in syntax.owners(obj) if o.pos_ not in pronoun]
        return sources, targets

    def target_heads(self, tgt_toks: list[Token], pred: Predicate, pred_tokens: set[int]) -> list[Token]:
        """Targets as actors: a date is never one ("on Monday"); an event noun stands for whoever carried it
        out ("condemned the Russian attack" targets Russia; "condemned the attack" has no target)."""
        out: list[Token] = []
        for t in tgt_toks:
            if t.ent_type_ in self.g.entities.time:
                continue
            if t.i in pred_tokens and t.i != pred.token.i and t.pos_ in self.g.tags.noun:
                if self.onto.is_a(pred.sense.plover_type, "framing"):
                    # "called for sanctions against Nigeria": what is asked for falls on Nigeria
                    # "demanded the withdrawal of Serbian forces": those who are to withdraw
                    # "conceded to demands from the residents": those who demanded
                    out.extend(g for p in self.g.words.framed_targets for g in self.syntax.prep_objects(t, p))
                else:
                    # sector from the event noun: see drafts; "conceded to demands from the truckers": whose
                    found = self.syntax.noun_sources(t, place_modifiers=True) or self.syntax.owners(t)
                    if not found and self.parties.gathering(t) and self.onto.is_a(pred.sense.plover_type, "violence"):
                        found = [t]  # "fired on the demonstration": on its people (see Parties.protesters)
                    out.extend(found)
                continue
            if pred.sense.owner_target and t.dep_ in self.g.labels.object:
                # "questioned the legality of the vote", "the propriety of the department's consultations": whose
                # it is, and whose act when it is an act's
                out.extend(w for o in self.syntax.owners(t) for w in (self.syntax.owners(o) or [o]))
                continue
            if t.lemma_.lower() in self.k.words.manner_nouns:
                # "criticised the way police treated detainees": the one whose way it is
                out.extend(c for r in t.children if r.dep_ in self.g.labels.relative_clause
                           for c in r.children if c.dep_ in self.g.labels.subject)
                continue
            out.append(t)
        return out

    # ------------------------------------------------------------------ drafts
    def drafts(self, pred: Predicate, job: SentenceJob, pred_tokens: set[int]) -> list[Draft]:
        """One draft per source and target of a predicate (coordinated heads give one each)."""
        syntax = self.syntax
        src_toks, tgt_toks = self.arguments(pred)
        src_toks = [self._intender(t, pred_tokens) for t in src_toks]
        if not tgt_toks and pred.framed is not None:
            # "promised to continue military aid to Mozambique": the promise is made to whoever the aid goes to
            own = {t.i for s in src_toks for t in syntax.with_conjuncts(s)}
            tgt_toks = [t for t in self.arguments(pred.framed)[1] if t.i not in own]
        # a source must be known by country or sector, or be a named organisation or person
        heads = [(t, self.parties.crowd(t, pred) or self.actor(t, job))
                 for s in src_toks for t in syntax.with_conjuncts(s)]
        sources = [p for t, a in heads for p in self.parties.acting_pair(t, a, pred, job) or ([(t, a)] if a and (
            a.country or a.sector or syntax.named(t) or (syntax.is_pronoun(t) and a.name)
            or (syntax.untagged_name(t) and self.onto.quad_is(pred.code, "verbal"))) else [])]
        if pred.kind == "noun" and pred.sense.source_sector:
            sources = [(t, self._adjective_sector(t, a, pred.sense.source_sector)) for t, a in sources]
        sources = [p for t, a in sources for p in self.parties.coordinated(t, a, self.k.resolver.resolve_text)]
        if self.onto.is_a(pred.sense.plover_type, "protest"):  # "thousands of Kenyans marched": its civilians
            sources = [(t, replace(a, sector=CIVILIANS) if self.parties.people(t, a) else a) for t, a in sources]
        tgt_toks = self.target_heads(tgt_toks, pred, pred_tokens)
        targets = [(t, a) for s in tgt_toks for t in syntax.with_conjuncts(s) if (a := self.target(t, job))]
        targets = [p for t, a in targets for p in self.parties.coordinated(t, a, self.k.resolver.resolve_text)]
        targets = [pair for t, a in targets for pair in self.parties.both_sides(t, a, sources, job)]
        if self.onto.is_a(pred.sense.plover_type, "violence"):
            targets = self.parties.protesters(pred, targets)
        if any(a.country or a.sector for _, a in targets):  # a known actor makes the bare phrases moot, and the
            # names nothing tags as a person or a body ("fired on a police party at the Kemari Bridge")
            targets = [(t, a) for t, a in targets if a.country or a.sector or a.kb_id or (a.name and syntax.named(t))]
        # "condemned the Russian attack": the author of an armed act's noun, its forces for a bare adjective
        # ("rejected the Indian offer" is India's, not its army's)
        targets = [(t, self._adjective_sector(t, a, "MIL")) if t.head.i in pred_tokens
                   and t.head.pos_ in self.g.tags.noun and t.dep_ in self.g.labels.modifier
                   and self.parties.armed_noun(t.head) else (t, a) for t, a in targets]
        if not sources:
            unknown = self.perpetrators.unidentified(pred, src_toks, targets)
            if unknown is None:
                return []
            thing, actor = unknown  # "a plan to kill the deputy", "the urge to dismiss it": the thing the act
            if thing.i == pred.token.head.i and thing.pos_ in self.g.tags.noun \
                    and pred.token.dep_ in self.g.labels.noun_clause:  # hangs on is not who does it
                actor = replace(actor, text="")
            sources = [(thing, actor)]
        mod = self.modality.of(pred.head)
        if pred.light is not None and mod.value == "asserted":
            own = self.modality.of(pred.token)
            if own.value == "negated" or self.modality.habitual(pred.token):
                mod = own  # "gave up fighting", "ended the siege": carried, but stopped; "pays frequent visits"
        info = self.onto.lookup(pred.code)
        nested = nesting(pred, pred_tokens, self.g)
        if pred.sense.needs_target and not any(a.country or a.sector or a.name for _, a in targets) \
                and not self.parties.together(pred, sources):
            if pred.sense.untargeted is None:
                return []  # "asked not to be named", "spoke at a news conference", "hit the pavement"
            aims = self.syntax.timeless([t for t, _ in targets])  # not "on Sunday"
            expanse = bool(aims) and all(t.lemma_.lower() in self.k.patterns.empty_places for t in aims)
            shown = expanse or (not aims and not self.syntax.aimed(pred.token))
            targets = []
            if shown and all(a.country and a.country not in NOT_STATES
                             and a.sector in (None, *self.onto.weapon_showing_sectors) for _, a in sources):
                # "North Korea fired two missiles into the sea": a state's weapons fired at an empty expanse or
                # at nothing are a show of them; aimed at a place or a thing, or fired by an armed group, they
                # are an attack on somebody the text does not name
                (pred.code, pred.mode), pred.plover = pred.sense.untargeted, None
                info = self.onto.lookup(pred.code)
        if len(sources) > 1 and not any(a.country or a.sector or a.name for _, a in targets) and not pred.received \
                and (self.onto.is_a(pred.plover or info.plover_type, "mutual") or self.parties.reciprocal(pred)):
            # "the army and the rebels agreed to a ceasefire", "Russia and Ukraine exchanged prisoners": the
            # parties act with each other (the first named toward the others)
            sources, targets = sources[:1], sources[1:]
        out = []
        for s_tok, src in sources:
            others = [(t_tok, tgt) for t_tok, tgt in targets if t_tok.i != s_tok.i or tgt.country != src.country]
            pairs = [(t_tok, tgt) for t_tok, tgt in others if not same_actor(src, tgt)]
            if others and not pairs:
                continue  # the one acted on is the actor itself ("Martin thanked Martin"): a misreading
            pairs = pairs or [(None, None)]
            for t_tok, tgt in pairs:
                out.append(Draft(
                    pred=pred, source=src, target=tgt, source_tok=s_tok, target_tok=t_tok,
                    modality=mod.value, speech=mod.speech_verb, code=pred.code, mode=pred.mode,
                    refused=mod.refused, denied=mod.denied, alleged=mod.alleged, kept_from=mod.kept_from,
                    condition=mod.condition,
                    plover=pred.plover or info.plover_type,  # the type follows the code
                    confidence=confidence(pred.sense.confidence + PER_NESTING_LEVEL * nested, src, tgt, mod.value),
                ))
        return out

    def _adjective_sector(self, tok: Token, actor: Actor, sector: str) -> Actor:
        """"a Syrian attack": a bare country adjective on a military noun stands for that country's forces."""
        if tok.dep_ in self.g.labels.modifier and tok.pos_ in self.g.tags.adjective_or_name and actor.country:
            if actor.sector in (None, "GOV") and actor.kb_id in (None, actor.country):
                return replace(actor, sector=sector)
        return actor
