"""The recode stage: what the modality and the reporting of an act make of it.

Reads and rewrites ``job.drafts``:
- reported speech: harm a speaker announces for the future (or, of its own side, as possible) is a threat; a
  speaker of one country reporting the violence of another, or anyone saying another did a wrong, accuses it;
  "X said Y must act" is X's demand on Y;
- modality: cooperation refused or undone is a rejection, anything refused is a rejection, an act announced
  "unless" another acts is a threat, harm an actor announces for itself is a threat, cooperation announced for
  the future is an agreement (the PLOVER rules);
- statements (which PLOVER does not code) are dropped.
The codes come from the ontology's ``recodes`` table, the framing table and the modality words.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from tacitus.events.job import Draft, SentenceJob
from tacitus.events.knowledge import Knowledge
from tacitus.events.patterns import Sense
from tacitus.events.places import NOT_STATES, RULING_SECTORS, UNKNOWN_SECTOR
from tacitus.events.predicates import Predicate
from tacitus.events.ranking import CONFIDENCE_FLOOR, REPORTED_THREAT, SAID_DEMAND, SPEAKER_ACCUSATION, confidence
from tacitus.events.roles import Roles
from tacitus.records import Actor

SCHEDULED_PRECISIONS = ("day", "week")  # dates precise enough to tell an act is to come (a month may have begun)


class Recode:
    def __init__(self, knowledge: Knowledge, roles: Roles) -> None:
        self.k, self.roles = knowledge, roles
        self.onto, self.words = knowledge.ontology, knowledge.words
        self.syntax = roles.syntax
        self.threats = self.onto.recodes["announced_harm"].plover  # the framing table of threats

    def __call__(self, job: SentenceJob) -> None:
        drafts = self.speech_rules(job)
        drafts.extend(self.demands(job, drafts))
        drafts.extend(self.judgements(job, drafts))
        for d in drafts:
            self.by_modality(d)
            self.political_attack(d)
            self.received_attack(d)
            self.official_protest(d, drafts)
            self.hosted_visit(d)
        drafts = self.one_act(drafts)
        job.drafts = [d for d in drafts if d.plover]  # statements are not PLOVER events

    def scheduled(self, job: SentenceJob, dates: dict) -> bool:
        """Acts told in the present whose own day or week (``dates``: anchoring's, by predicate token) comes after
        the article's date are not done yet: "the leaders meet in Berlin next week", "talks are held on May 20",
        "troops launch an offensive on Goma next week". They are announced, and recoded as an act told with
        "will" is (a meeting announced is an agreement to meet; harm announced, a threat). Only material acts and
        meetings: a statement told today ("warns of retaliation next week") is made today. Says whether any
        draft changed."""
        reference = _day(job.reference)
        changed = False
        for d in list(job.drafts):
            date = dates.get(d.pred.token.i)
            day = _day(date[0]) if date is not None and date[1] in SCHEDULED_PRECISIONS else None
            if reference is None or day is None or day <= reference or d.modality != "asserted":
                continue
            told = self._telling_verb(d)
            if (self.onto.quad_is(d.code, "verbal") and not self.onto.is_a(d.plover, "meeting")) \
                    or not self._told_in_present(told) or not self._own_time(d, told) \
                    or self.roles.modality.of(d.pred.head).value != "asserted":  # ("will" is recoded already)
                continue
            d.modality, changed = "future", True
            if d.speech is None or not self.reported_threat(d, self.roles.speaker(d.speech, job)):
                self.by_modality(d)
        job.drafts = [d for d in job.drafts if d.plover]
        return changed

    def _telling_verb(self, d: Draft) -> Token:
        """The verb that tells the act: its own, the light verb of its noun, or the verb its noun is the subject
        of ("talks are scheduled for May 20")."""
        tok, labels = d.pred.token, self.syntax.g.labels
        if d.pred.light is not None:
            return d.pred.light
        if d.pred.kind == "noun" and (tok.dep_ in labels.subject or tok.dep_ in labels.passive_subject):
            return tok.head
        return d.pred.head

    def _told_in_present(self, verb: Token) -> bool:
        """A verb in the present, active ("meet") or passive ("are held"), not in the past or perfect."""
        tags, g = self.syntax.tags, self.syntax.g
        if verb.tag_ not in tags.past_forms:
            return True
        return verb.tag_ in tags.past_participle and any(
            c.dep_ in g.labels.auxiliary and c.tag_ in tags.present_forms and c.lemma_.lower() in g.words.copulas
            for c in verb.children)

    def _own_time(self, d: Draft, told: Token) -> bool:
        """Whether a time the sentence names is the act's own ("next week", "on May 20"), not a bound or a
        context ("until Friday", "ahead of the March 20 vote")."""
        g = self.syntax.g
        heads = {told.i, d.pred.token.i}
        for ent in d.pred.token.sent.ents:
            if ent.label_ not in g.entities.time:
                continue
            root = ent.root
            if root.head.i in heads and root.dep_ not in g.labels.prep_object:
                return True
            if root.dep_ in g.labels.prep_object and root.head.head.i in heads \
                    and root.head.lower_ in self.words.act_time_preps:
                return True
        return False

    def one_act(self, drafts: list[Draft]) -> list[Draft]:
        """Words of one type telling one act give one event: coordinated verbs sharing their actor ("shot and
        killed two students and wounded 13 other people": the first verb's), and an event noun that is the subject
        of a verb of its type ("a drone strike killed three militants": the verb's, which has the victims)."""
        labels = self.syntax.g.labels
        kept = []
        for d in drafts:
            head = d.pred.token
            first = head.head if head.dep_ in labels.conjunct else None
            own_subject = bool(self.syntax.children(head, labels.nominal_subject))  # "and nine were killed"
            if own_subject and first is not None and self._tolls(head) and self._tolls(first) \
                    and not self._dated_apart(head):
                own_subject = False  # "four were killed and nine wounded": one act's dead and wounded, by nobody named
            told = next((o for o in drafts if o is not d and first is not None and o.pred.token.i == first.i
                         and o.plover == d.plover and _same_doer(o, d, own_subject)), None)
            same_kind = told is not None and d.code[:2] == told.code[:2]  # one CAMEO root: shooting and wounding
            if told is not None and told.target is not None and d.target is not None and d.target.code \
                    and same_kind and (told.evidence is not None or told.pred.light is None):
                # "killed three villagers and wounded five policemen": one act, its victims listed together
                d.evidence, d.code, d.mode = told.evidence or told.pred.token, told.code, told.mode
            elif told is not None and (same_kind or d.target is None or not d.target.code):
                continue  # (acts of another root by the same doer stay theirs: "abducted ten and killed a teacher")
            if d.target is None and any(  # "fired tear gas to disperse the crowd": the purpose names the victims
                    o.pred.token.head.i == head.i and o.pred.token.dep_ in labels.adverbial_clause + labels.open_complement
                    and o.plover == d.plover and o.source_tok.i == d.source_tok.i and o.target is not None
                    for o in drafts if o is not d):
                continue
            if (d.target is None or not d.target.code) and head.dep_ in labels.adverbial_clause \
                    and head.tag_ in self.syntax.g.tags.gerund and any(
                        o.pred.token.i == head.head.i and o.plover == d.plover for o in drafts if o is not d):
                continue  # "raided the offices, confiscating computers": more of the act just told, on nobody new
            if d.pred.kind == "noun" and self._toll_of(head, d, drafts):
                continue  # "one civilian was killed in the shelling": the shelling, told by its toll
            if d.pred.kind == "noun" and head.dep_ in labels.subject and any(
                    o.pred.token.i == head.head.i and o.plover == d.plover for o in drafts if o is not d):
                continue
            kept.append(d)
        return kept

    def _toll_of(self, noun, d: Draft, drafts: list[Draft]) -> bool:
        """An event noun after "in" or "during" on a toll of its type ("were killed in a bombing"), naming
        nobody the toll does not (no doer, nobody or nothing hit): the toll's draft tells the same act, with its
        victims."""
        prep = noun.head
        if noun.dep_ not in self.syntax.g.labels.prep_object or prep.lower_ not in self.syntax.g.words.toll_preps \
                or d.target is not None or d.source.text or d.source.name:
            return False
        return any(o is not d and o.pred.token.i == prep.head.i and o.plover == d.plover and self._tolls(o.pred.token)
                   for o in drafts)

    def _dated_apart(self, verb) -> bool:
        """A clause with a day or time of its own ("and nine were killed on Tuesday"): another act."""
        g = self.syntax.g
        return any(t.ent_type_ in g.entities.time for c in verb.children if c.dep_ not in g.labels.conjunct
                   for t in c.subtree)

    def _tolls(self, verb) -> bool:
        """A passive verb of harm with no "by": a toll told without its doer ("13 people were wounded")."""
        return verb.lemma_.lower() in self.k.patterns.consequence_verbs and self.syntax.is_passive(verb) \
            and not self.syntax.prep_objects(verb, self.syntax.g.words.by[0])

    def threat_code(self, plover: str | None, mode: str | None) -> tuple[str, str | None] | None:
        """Code and mode of a threat to carry out a harmful act of this type and mode ("plans to impose
        restrictions" -> a threat to restrict), from framing.yaml's threat table; None for other acts."""
        return self.k.framing.code_for(self.threats, plover, mode)

    def reported_threat(self, d: Draft, speaker: Actor | None) -> bool:
        """A use of force (or another harm) a speaker announces for the future or on a condition is a threat:
        recodes the draft and says whether it did."""
        onto = self.onto
        if not (onto.quad_is(d.code, "material_conflict") and d.modality in ("future", "hypothetical")
                and not d.alleged and not onto.is_a(d.plover, "protest") and not _foreign_possibility(d, speaker)
                and not self._supposed_by_another(d, speaker)):
            return False
        force = onto.recodes["threat_of_force"]
        d.code, d.mode = self.threat_code(d.plover, d.mode) or (force.code, force.mode)
        d.plover, d.modality = force.plover, "asserted"
        d.confidence = max(d.confidence + REPORTED_THREAT, CONFIDENCE_FLOOR)
        return True

    def _supposed_by_another(self, d: Draft, speaker: Actor | None) -> bool:
        """Harm told only as a condition by a voice not of the doer's side ("exports would slow if Washington raised
        tariffs", said by economists): a supposition, no threat."""
        return d.modality == "hypothetical" and (speaker is None or speaker.country != d.source.country) \
            and self.roles.modality.supposed(d.pred.token)

    def speech_rules(self, job: SentenceJob) -> list[Draft]:
        onto = self.onto
        out: list[Draft] = []
        accused: set[tuple[int, str]] = set()
        for d in job.drafts:
            if d.speech is None:
                out.append(d)
                continue
            speaker = self.roles.speaker(d.speech, job)
            if speaker is not None:
                d.attribution = speaker.name or speaker.text
            out.append(d)
            if self.reported_threat(d, speaker):
                continue
            charged = d.pred.token.lemma_.lower() in self.words.charged_verbs and onto.is_a(d.plover, "rejection")
            if (speaker is not None and onto.quad_is(d.code, "conflict") and d.modality == "asserted"
                    and d.source.country and d.source.code != speaker.code
                    and (charged or (speaker.country and speaker.country != d.source.country))
                    and (not onto.quad_is(d.code, "material_conflict") or onto.is_a(d.plover, "violence")
                         or (d.target is not None and bool(d.target.country or d.target.sector)))
                    # (weapons shown to nobody, "fired two missiles into the sea", are reported, not blamed)
                    and d.speech.lemma_.lower() not in self.words.acknowledging_verbs):
                key = (d.speech.i, d.source.code)
                if charged:
                    out.remove(d)  # (the wrong itself is only said)
                if key not in accused:
                    accused.add(key)
                    accuse = onto.recodes["speaker_accuses"]
                    out.append(Draft(  # (below the reported act itself, which is what the sentence is about)
                        pred=d.pred, source=speaker, target=d.source, source_tok=d.speech, target_tok=d.source_tok,
                        modality="asserted", speech=None, code=accuse.code, mode=accuse.mode, plover=accuse.plover,
                        confidence=confidence(SPEAKER_ACCUSATION, speaker, d.source, "asserted"), evidence=d.speech))
        return out

    def demands(self, job: SentenceJob, drafts: list[Draft]) -> list[Draft]:
        """"X said Y must withdraw": a statement that another party must or should act is a demand by the
        speaker on that party."""
        labels, syntax, onto = self.syntax.g.labels, self.syntax, self.onto
        demand = onto.recodes["demand"]
        out = []
        demanded = {(d.source_tok.i, d.target_tok.i if d.target_tok is not None else None)
                    for d in drafts if onto.is_a(d.plover, "request")}
        for verb in job.tokens:
            # the said clause, or a verb joined to it ('"X started this and it must stop," Y said')
            clause = verb.head if verb.dep_ in labels.conjunct else verb
            said = clause.dep_ in labels.clausal_complement and clause.head.lemma_.lower() in self.words.speech_verbs
            if not said or not self.roles.modality.obliged(verb):
                continue  # (must, should; "needs to go", "has to go")
            speech: Token = clause.head
            speaker_toks = syntax.verb_subjects(speech)
            speaker = self.roles.speaker(speech, job)
            addressees = [t for s in syntax.verb_subjects(verb) for t in syntax.with_conjuncts(s)]
            if speaker is None or not speaker_toks:
                continue
            for tok in addressees:
                actor = self.roles.actor(tok, job)
                if actor is None or not (actor.country or actor.sector) or actor.code == speaker.code:
                    continue
                if (not (actor.name or actor.kb_id) and (actor.sector or "").lower() in self.words.generic_addressees) \
                        or (verb is not clause and tok.lower_ in self.syntax.g.words.thing_pronouns) \
                        or self._own_side(tok, actor, speaker):
                    continue  # "people must be patient"; '"The shelling goes on and it must stop"'; the speaker's own
                if (speaker_toks[0].i, tok.i) in demanded:
                    continue
                pred = Predicate(speech, Sense.of(onto, speech.lemma_.lower(), demand.code), "verb")
                out.append(Draft(pred=pred, source=speaker, target=actor, source_tok=speaker_toks[0],
                                 target_tok=tok, modality="asserted", speech=None, code=demand.code, mode=None,
                                 plover=demand.plover, confidence=confidence(SAID_DEMAND, speaker, actor, "asserted")))
        return out

    def _own_side(self, tok: Token, actor: Actor, speaker: Actor) -> bool:
        """The speaker's own side, for whom a "must" is policy, no demand: "our forces" said by their own sector or,
        both ruling, another, or its state named as itself by its government or army ("Israel needs to withdraw, the
        defence minister said"; "our government must", said by the opposition, is a demand)."""
        if any(c.lower_ in self.syntax.g.words.speaker_pronouns for c in tok.children):
            return speaker.sector in (None, actor.sector) or {speaker.sector, actor.sector} <= RULING_SECTORS
        return actor.kb_id is not None and actor.kb_id == actor.country == speaker.country \
            and speaker.sector in RULING_SECTORS

    def judgements(self, job: SentenceJob, drafts: list[Draft]) -> list[Draft]:
        """Praise or blame passed without a verb of praise or blame: "X said Y's initiative was commendable"
        (SUPPORT of Y), "called the shooting a disgraceful act" (ACCUSE of whoever shot), "said the claims were
        baseless" (a denial, REJECT of who made them). The one judged must be an actor, a thing or act of one, or an act
        nobody is named for (then the judgement has no target)."""
        labels, fn, words = self.syntax.g.labels, self.syntax.g.words, self.words
        out: list[Draft] = []
        for verb in job.tokens:
            found = self._judged(verb, labels, fn, words)
            if found is None:
                continue
            speech, judged, verdict = found
            if self._denied(verb):
                continue  # "said the government did not make a mistake", "was not incompetent", "made no mistake"
            speaker_toks = self.syntax.verb_subjects(speech)
            speaker = self.roles.speaker(speech, job)
            if judged.lemma_.lower() in words.judged_processes:  # "the trial of X" is judged as the court's
                target_tok, target = judged, self._process_holder(judged, speaker, job)
            else:
                target_tok, target = self._judged_actor(judged, job)
            # "it" judged stands for a body ("refused talks with the government, believing it is illegitimate"),
            # or for the act just told ("Obrador said it was disappointing"), never for the speaker
            pronoun = judged.lower_ in self.syntax.g.words.thing_pronouns
            if pronoun and target is not None and speaker is not None and target.code == speaker.code:
                target_tok, target = None, None
            # an act blamed whose doer nobody names is still blamed ("called the shooting a cowardly act", "said
            # the allegations were baseless"), as "condemned the shooting" is, with no target; praise of a thing
            # nobody is named for is no event ("said the meeting was excellent")
            act = target is None and not verdict and (self._act(judged) or pronoun)
            if speaker is None or not speaker_toks or (target is None and not act) \
                    or (target is not None and target.code == speaker.code):
                continue
            if any(d.pred.token.i == speech.i and d.plover for d in drafts):
                continue  # the verb is an act of its own ("condemned X as illegal")
            if target is not None and any(
                    d.plover == self.onto.recodes["praise" if verdict else "blame"].plover and d.target is not None
                    and d.source.code == speaker.code and d.target.sector == target.sector
                    and (d.target.country == target.country or not (d.target.country and target.country))
                    for d in [*drafts, *out]):
                continue  # "praised Serbia, saying the government made the right decision": told once
            # blame of an allegation ("said the allegations were baseless") denies it: a rejection of its makers
            denial = not verdict and judged.lemma_.lower() in self.words.allegation_nouns
            recode = self.onto.recodes["praise" if verdict else "denial" if denial else "blame"]
            mod = self.roles.modality.of(speech)
            pred = Predicate(speech, Sense.of(self.onto, speech.lemma_.lower(), recode.code), "verb")
            out.append(Draft(pred=pred, source=speaker, target=target, source_tok=speaker_toks[0],
                             target_tok=target_tok, modality=mod.value, speech=None, code=recode.code,
                             mode=recode.mode, plover=recode.plover,
                             confidence=confidence(SAID_DEMAND, speaker, target, mod.value)))
        return out

    def _denied(self, verb: Token) -> bool:
        """Whether a judged clause is negated: on its verb, or on what it names ("made no mistake")."""
        lab, modality = self.syntax.g.labels, self.roles.modality
        named = [c for c in verb.children if c.dep_ in {*lab.object, *lab.attribute, *lab.adjective_complement}]
        return modality.negated(verb) or any(modality.negated(n) for n in named)

    def _act(self, noun: Token) -> bool:
        """A noun naming an act: an event noun of nouns.yaml or a form of a verb of verbs.yaml ("the bombing",
        "the shooting", "the allegations"; not "the weather")."""
        if noun.pos_ not in self.syntax.g.tags.noun:
            return False
        patterns, lemma = self.roles.k.patterns, noun.lemma_.lower()
        return lemma in patterns.nouns or any(v in patterns.verbs for v in self.syntax.g.lemma_guesses(lemma))

    def _judged(self, verb: Token, labels, fn, words):
        """(verb of saying or naming, what is judged, True for praise / False for blame) or None."""
        if verb.lemma_.lower() in fn.copulas and verb.dep_ in labels.clausal_complement \
                and verb.head.lemma_.lower() in words.speech_verbs:
            subjects = self.syntax.children(verb, labels.subject)
            said = [c for c in verb.children if c.dep_ in labels.adjective_complement or c.dep_ in labels.attribute]
            if subjects and said:
                return self._verdict(verb.head, subjects[0], said[0])
        if verb.lower_ in words.blame_words and verb.dep_ in labels.clausal_complement \
                and verb.head.lemma_.lower() in words.speech_verbs and self.syntax.is_passive(verb):
            # "said the election was rigged", "said the results were fabricated": a judgement in a passive
            # "rigged by the ruling party": the party's (a passive's acting argument), else what was rigged
            subjects = self.syntax.verb_subjects(verb) or self.syntax.children(verb, labels.passive_subject)
            if subjects:
                return verb.head, subjects[0], False
        if verb.dep_ in labels.clausal_complement and verb.head.lemma_.lower() in words.speech_verbs and any(
                c.dep_ in labels.adverb and c.lower_ in words.blame_adverbs for c in verb.children):
            # "Beijing said the vessel had illegally intruded into its waters": its doer is blamed
            subjects = self.syntax.children(verb, labels.subject)
            if subjects:
                return verb.head, subjects[0], False
        if verb.lemma_.lower() in words.deed_verbs and verb.dep_ in labels.clausal_complement \
                and verb.head.lemma_.lower() in words.speech_verbs:
            # "said the government made the right decision": the deed judged is its doer's
            subjects = self.syntax.children(verb, labels.subject)
            deed = self.syntax.direct_object(verb)
            if subjects and deed is not None and deed.lemma_.lower() in words.deed_nouns:
                return self._verdict(verb.head, subjects[0], deed)
        if verb.lemma_.lower() in words.naming_verbs:
            objs = self.syntax.children(verb, labels.object)
            named = [c for c in verb.children if c.dep_ in labels.attribute and c.dep_ not in labels.object]
            # "described the attack as barbaric": what it is named as
            named += [g for c in verb.children if c.dep_ in labels.preposition and c.lower_ in fn.naming_preps
                      for g in c.children]
            if objs and named:
                return self._verdict(verb, objs[0], named[0])
        return None

    def _verdict(self, speech: Token, judged: Token, said: Token):
        labels = self.syntax.g.labels
        said_all = [said, *(c for c in said.children if c.dep_ in labels.conjunct)]  # "dangerous and unacceptable"
        said_words = {w.lemma_.lower() for w in said_all} | {c.lemma_.lower() for w in said_all for c in w.children
                                                            if c.dep_ in labels.modifier}
        if said_words & self.words.blame_words:
            return speech, judged, False
        if said_words & self.words.praise_words:
            return speech, judged, True
        return None

    def _judged_actor(self, judged: Token, job: SentenceJob):
        """The actor judged: the phrase itself, or whose thing or act it is (an act's doer: "the killing of X")."""
        syntax, act = self.syntax, any(p.token.i == judged.i for p in job.predicates)  # (not whom it is done to)
        actor = next((d.source for d in job.drafts if d.pred.token.i == judged.i), None) if act \
            else self.roles.actor(judged, job)  # (an act's doer as its own draft reads it: "the Somali raid")
        if actor is not None and (actor.country or actor.sector) and actor.text:
            return judged, actor
        for owner in [*([] if act else syntax.owners(judged)), *syntax.noun_sources(judged, place_modifiers=True),
                      *(c for c in judged.children if act and c.dep_ in syntax.g.labels.compound)]:
            found = self.roles.actor(owner, job)
            if found is not None and (found.country or found.sector):
                return owner, found
        return None, None

    def _process_holder(self, judged: Token, speaker: Actor | None, job: SentenceJob) -> Actor | None:
        """The organ that runs a public process ("the vote", "the trial"): of the state its phrase names ("Kenya's
        election", "the election in Uganda") or of the one it is held on ("the trial of Alexei Navalny": Russia's
        courts, not Navalny), else of the country the story is firmly set in, when the speaker is not another
        state's (a foreign party judging "the vote" may mean its own); None when no state's."""
        labels = self.syntax.g.labels
        if any(c.dep_ in labels.modifier and c.lemma_.lower() in self.words.unjudged_process_words
               for c in judged.children):
            return None  # "the clinical trial", "an opinion poll": no state's
        sector = self.words.judged_processes[judged.lemma_.lower()]
        text = self.syntax.phrase_span(judged).text
        named = [c for c in judged.children if c.dep_ in labels.possessor] + [
            g for c in judged.children if c.dep_ in labels.preposition for g in c.children]
        for tok in named:
            actor = self.roles.actor(tok, job)
            if actor is not None and actor.country and actor.country not in NOT_STATES:
                basis = "place" if actor.kb_id == actor.country else "other party"
                return Actor(text=text, country=actor.country, sector=sector, country_basis=basis)
        home = job.context.settled_home()
        if not home or home in NOT_STATES or (speaker is not None and speaker.country
                                               and speaker.country not in NOT_STATES and speaker.country != home):
            return None
        return Actor(text=text, country=home, sector=sector, country_basis="setting")

    def political_attack(self, d: Draft) -> None:
        """A politician's attack with no means told on another political actor, in a sentence telling no harm to
        bodies, is criticism ("the BJP leader attacked the Congress leader", "ramps up attacks on Clinton"), and so
        is an attack with no means, by no armed force, on a thing of one's that no force harms ("attacked Obama's
        record")."""
        onto = self.onto
        obj = self.syntax.direct_object(d.pred.token) if d.pred.kind == "verb" else None
        if obj is not None and obj.lemma_.lower() in self.k.patterns.abstract_objects and d.plover \
                and onto.is_a(d.plover, "violence"):
            # "attacked Obama's record", "targeting Romney's wealth": a thing of one's that no force harms; by an
            # armed force or a means of force ("air strikes destroyed Gaza's economy", "hackers targeted Russia's
            # economy") a figure of speech, no event of its own
            if d.mode is not None or d.source.sector in onto.armed_sectors:
                d.plover = None
                return
        elif not (d.plover and onto.is_a(d.plover, "violence") and d.mode is None and d.target is not None
                  and d.target.sector in onto.political_attacked and (
                      d.source.sector in onto.political_attackers
                      # a person in public life, not the state's forces: "the prime minister attacked the opposition"
                      # (not "attacked Ukraine", "the Ukrainian government" or "opposition strongholds")
                      or (d.source.sector in onto.political_attacked and self._person(d) and self._rival(d)))):
            return
        if any(t.lemma_.lower() in self.k.patterns.harm_words for t in d.pred.token.sent):
            return
        recode = onto.recodes["political_attack"]
        d.code, d.mode, d.plover = recode.code, recode.mode, recode.plover

    def _person(self, d: Draft) -> bool:
        """Whether a draft's source is one person (a name, "he", an office one person holds), not a body."""
        entry = self.k.resolver.kb.entries.get(d.source.kb_id) if d.source.kb_id else None
        return (d.source_tok is not None and self.syntax.is_person(d.source_tok)) or (
            entry is not None and entry.names_person(False))

    def _rival(self, d: Draft) -> bool:
        """Whether a draft's target is a domestic political rival: a person, a party or a body (not a place or a
        facility), of the source's own country when both are known."""
        tok, syntax = d.target_tok, self.syntax
        if tok is None or (d.target.country and d.target.kb_id == d.target.country):
            return False
        if d.source.country and d.target.country and d.source.country != d.target.country:
            return False  # another state's
        if syntax.is_person(tok) or tok.ent_type_ in syntax.ents.organisation or tok.ent_type_ in syntax.ents.person:
            return True
        head = self.k.resolver.resolve_text(tok.text)  # the head word alone names a political actor
        return head is not None and head.sector in self.onto.political_attacked

    def official_protest(self, d: Draft, drafts: list[Draft]) -> None:
        """A government's protest with no demonstration, strike or boycott in its code is an official complaint
        when it is made to another state ("Japan protested to China over the detention") or is what its own
        complaint is for ("summoned the envoy to protest the verdict"); civil servants protesting over pay protest.
        One office-holder protesting ("the minister protested against the decision", a lawmaker) complains too:
        one such person makes no demonstration (PLOVER: a protest is collective action; ontology
        verbal_protest_sectors), nor does a state named as itself ("the Philippines strongly protests the actions")."""
        onto = self.onto
        if not (d.plover and onto.is_a(d.plover, "protest") and onto.lookup(d.code).plover_mode is None
                and d.pred.kind == "verb"):
            return
        one = d.source_tok is not None and self.syntax.is_person(d.source_tok) \
            and d.source.sector in onto.verbal_protest_sectors
        if d.source.sector not in onto.governing_sectors and not one:
            return
        foreign = d.target is not None and d.target.country and d.source.country \
            and d.target.country != d.source.country
        purpose = any(o is not d and o.pred.token.i == d.pred.token.head.i and o.plover
                      and onto.is_a(o.plover, "speech_acts") and o.source.code == d.source.code for o in drafts)
        state = d.source.kb_id is not None and d.source.kb_id == d.source.country  # "the Philippines protests"
        if foreign or purpose or one or state:
            recode = onto.recodes["official_protest"]
            d.code, d.mode, d.plover = recode.code, recode.mode, recode.plover

    def hosted_visit(self, d: Draft) -> None:
        """A visit told by its host ("Qatar's emir hosted the Omani sultan") is the visitor's visit to the host, as
        PLOVER codes a visit (ontology hosted_visits): the parties swap and the code is the visit's. Only a state's
        organ visits (not "hosts 3.6 million refugees")."""
        visit = self.onto.hosted_visits.get(d.code)
        if visit is None or d.target is None or d.target.sector not in self.onto.state_organs:
            return
        d.source, d.target, d.source_tok, d.target_tok = d.target, d.source, d.target_tok, d.source_tok
        d.code = visit

    def received_attack(self, d: Draft) -> None:
        """Fire or an attack somebody "comes under": from a fighting force, or where the sentence tells harm to
        bodies, force; from a body that speaks ("from opposition lawmakers", "from Amnesty International"),
        criticism; from a state, a crowd, or nobody named when what comes under it is no force or thing ("the
        minister came under fire over the plan"), no event, as it cannot be read."""
        onto, pred = self.onto, d.pred
        if not (pred.received and pred.light is not None and pred.light.lemma_.lower() in self.k.patterns.under_verbs
                and d.plover and onto.is_a(d.plover, "violence")):
            return
        if any(t.lemma_.lower() in self.k.patterns.harm_words for t in pred.token.sent if t.i not in pred.positions):
            return  # "came under attack from a mob hurling stones", "... with missiles": bodies are hurt
        named = bool(d.source.text or d.source.name)
        if named and d.source.sector in onto.armed_sectors:
            return
        if not named and (d.target is None or d.target.sector in onto.armed_sectors or not d.target.sector):
            return  # "a convoy came under fire near Gao": gunfire nobody is named for
        if named and (d.source.sector or d.source.country) in onto.speaking_sectors:
            recode = onto.recodes["political_attack"]
            d.code, d.mode, d.plover = recode.code, recode.mode, recode.plover
            return
        d.plover = None  # (not coded: "from Washington", "from protesters", "over his handling of the crisis")

    def by_modality(self, d: Draft) -> None:
        """Refused or undone cooperation, and anything refused, is a rejection; an act announced for the future
        "unless" another acts is a threat; harm its actor announces is a threat; cooperation announced for the
        future is an intention to cooperate (PLOVER codes it AGREE). Conflict otherwise keeps its modality. An act
        for the future whose only doer is a plan or proposal itself ("a hearing on proposals to expel reporters")
        is only possible."""
        onto, words, recodes = self.onto, self.words, self.onto.recodes
        if d.modality == "future" and d.speech is None and not _somebody(d.source) and d.source_tok is not None \
                and d.source_tok.lemma_.lower() in self.words.future_nouns:
            d.modality = "hypothetical"
        elif d.modality == "negated" and d.plover in words.refused_cooperation and not d.kept_from \
                and not d.denied and (d.source.text or d.source.name):  # "they have not been freed": nobody refused
            # (its own cooperation denied is no refusal: "Kenya denies sending aid to the rebels" is the denial below)
            d.code, d.mode = words.refused_cooperation[d.plover]
            d.plover, d.modality = recodes["refused_cooperation"].plover, "asserted"
        elif d.modality == "negated" and d.refused and d.plover and not onto.is_a(d.plover, "rejection"):
            refusal = recodes["refusal"]  # "refused to deploy troops"
            d.code, d.mode, d.plover, d.modality = refusal.code, refusal.mode, refusal.plover, "asserted"
        elif d.modality == "negated" and d.denied and d.plover and not onto.is_a(d.plover, "rejection") \
                and not d.kept_from and (d.source.text or d.source.name):
            # "Iran denies sending combat forces to Syria": Iran rejects the charge (of whoever made it)
            denial = recodes["denial"]
            d.code, d.mode, d.plover, d.modality = denial.code, denial.mode, denial.plover, "asserted"
            d.target, d.target_tok = None, None
        elif (d.condition in words.threatening_conditions and d.modality in ("future", "hypothetical")
              and not onto.is_a(d.plover, "demand")):
            # "will withdraw its force unless X agrees": a conditional act announced to make another yield
            threat = recodes["conditional_threat"]
            d.code, d.mode, d.plover, d.modality = threat.code, threat.mode, threat.plover, "asserted"
        elif (d.speech is None and d.modality == "future" and not onto.is_a(d.plover, "protest")
              and (found := self.threat_code(d.plover, d.mode))):
            # PLOVER: an announced intention to do harm ("plans to impose restrictions", "is prepared to
            # impose martial law") is a threat; a bare "would ... if" outside reported speech is not
            d.code, d.mode = found
            d.plover, d.modality = recodes["announced_harm"].plover, "asserted"
        elif d.modality == "future" and d.plover in words.intended_cooperation:
            d.code, d.plover, d.mode, d.modality = (words.intended_cooperation[d.plover],
                                                    recodes["intended_cooperation"].plover, None, "asserted")


def _day(text: str | None) -> dt.date | None:
    """The day an ISO date (or its first ten characters) names, or None."""
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _same_doer(a: Draft, b: Draft, own_subject: bool) -> bool:
    """Whether two drafts have one source: the same words, or (for a clause with no subject of its own) the same
    actor nobody names, whose token is then the act's own word."""
    if a.source_tok is not None and b.source_tok is not None and a.source_tok.i == b.source_tok.i:
        return True
    unnamed = (a.source_tok is None or a.source_tok.i == a.pred.token.i) \
        and (b.source_tok is None or b.source_tok.i == b.pred.token.i)
    return unnamed and not own_subject and a.source == b.source


def _foreign_possibility(d: Draft, speaker: Actor | None) -> bool:
    """Harm a speaker says another state's actor only could or might do ("Georgian officials said Russia could
    attack Georgia again", "analysts in Seoul say the North can strike") is the speaker's view of a possibility,
    not a threat by the one who would act: only harm announced by its own side, or as sure to come ("will"), is a
    threat."""
    return (d.modality == "hypothetical" and speaker is not None and bool(speaker.country)
            and bool(d.source.country) and speaker.country != d.source.country)


def _somebody(actor: Actor) -> bool:
    """An actor the text names, places or gives a sector ("the government plans to ban protests")."""
    return bool(actor.country or actor.name or (actor.sector and actor.sector != UNKNOWN_SECTOR))
