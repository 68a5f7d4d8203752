"""The assembly stage: drafts with their anchors become :class:`~tacitus.records.Event` records with stable ids.

Reads ``job.drafts`` and ``job.anchors`` and writes ``job.events``: each draft takes the date, place, toll and
history mark the anchoring stage gave its predicate (an undated event that is not history takes the article's
date, the publication date or the one its dateline gives, with precision ``published``; history takes none),
actors known only by sector are placed in the country where the act happened, an event with no target takes the
place it happens in as target where PLOVER does so, and the id hashes the document, sentence, evidence, dyad and
code. One event per id.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from spacy.tokens import Token

from tacitus.events.arguments import Syntax
from tacitus.events.job import SentenceJob
from tacitus.events.modality import ModalityReader
from tacitus.events.ontology import Ontology
from tacitus.events.places import NOT_STATES, foreign_to, placed
from tacitus.events.recipients import at_home, doer_across, other_side, recipient
from tacitus.events.ranking import named_again, one_act, told_once, unique_events
from tacitus.records import Actor, Event, names_nobody
from tacitus.time.periods import period_end

EVENT_ID_LENGTH = 16  # hex digits of the SHA-1 an event id keeps


def event_id(doc_id: str, index: int, start: int, source_code: str, target_code: str, code: str) -> str:
    key = f"{doc_id}|{index}|{start}|{source_code}|{target_code}|{code}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:EVENT_ID_LENGTH]


TOLD_FORCE = "told_force"  # the ontology group, and the key of DocContext.told for the last force named by its doer


class Assembly:
    def __init__(self, ontology: Ontology, syntax: Syntax, modality: ModalityReader, resolver=None,
                 operation_nouns: frozenset[str] = frozenset(), toll_verbs: frozenset[str] = frozenset(),
                 anchor_words=None, answers=None, noun_senses=None) -> None:
        self.onto, self.syntax, self.modality, self.resolver = ontology, syntax, modality, resolver
        self.operation_nouns = operation_nouns  # "during the operation": an act of force told before
        # "four were killed" after the strike, unless told apart from it (anchor_words.AnchorWords: toll_reach,
        # apart_marks, running_counts, running_nouns); without anchor words no toll is taken for an act told before
        self.toll_verbs, self.anchor_words = toll_verbs, anchor_words
        self.answers = answers  # PatternBook.answers: "responded with artillery fire" answers who acted before
        self.noun_senses = noun_senses  # PatternBook.noun_senses: what "the call" names when no sense of it matched

    def _somebody(self, tok) -> bool:
        """A person doing something somewhere, not a body, a state or a place: a person's name, an office, or a
        singular common noun that may be one ("the activist pleaded guilty in New York")."""
        syntax = self.syntax
        return syntax.is_person(tok) or (tok.pos_ in syntax.tags.noun and syntax.may_be_person(tok))

    def _visit_at_home(self, source: Actor, target: Actor | None) -> bool:
        """A visit to a place or to the people of the visitor's own state ("the president visited the flood-hit
        towns", "toured the camps") meets no party: no CONSULT (ontology met_nobody_sectors)."""
        return (target is not None and bool(source.country) and target.country == source.country
                and not target.name and (target.sector is None or target.sector in self.onto.met_nobody_sectors))

    def _named_person(self, target: Actor | None, tok: Token | None) -> bool:
        """The target is a person: its head is one, or its phrase holds a person's full name the tagger found
        ("arrested his accomplice Tariq Mehmood", "granted the plea of advocate Ravi Kumar Sharma"), as its name."""
        if tok is None:
            return False
        if self.syntax.is_person(tok):
            return True
        if target is None or target.sector or not target.name:
            return False
        # (a full name: the tagger reads many a town alone as a person, "shelled Kherson city")
        phrase = {t.i for t in self.syntax.phrase_span(tok)}
        return any(e.label_ in self.syntax.ents.person and len(e) > 1 and {t.i for t in e} <= phrase
                   and e.text.endswith(target.name) for e in tok.sent.ents)

    def _told_now(self, d, job: SentenceJob) -> bool:
        """The act's verb (or the light verb carrying its noun) is in the simple present, in the body of a story
        whose day is known: a headline's present tells the past ("Kenya Demands Apology")."""
        verb = d.pred.light if d.pred.kind == "noun" else d.pred.token
        return (verb is not None and not job.from_title and d.modality == "asserted" and d.speech is None
                and verb.tag_ in self.syntax.tags.present_forms and bool(job.where_when.reference))

    def _people(self, tok) -> bool:
        """The word itself names people ("two tourists", "a farmer"), not a thing of theirs ("the governor's car",
        "police weapons")."""
        if self.syntax.is_person(tok):
            return True
        found = self.resolver.resolve_text(tok.lemma_) if self.resolver is not None else None
        return found is not None and bool(found.sector)

    def _abducted(self, d) -> bool:
        """People seized or detained by armed actors of no state (gunmen, rebels, criminals) are abducted."""
        return (d.plover == "COERCE" and d.mode in ("arrest", "seize") and d.source.sector in self.onto.abductor_sectors
                and d.target is not None and bool(d.target.sector) and d.target_tok is not None
                and self._people(d.target_tok)
                and any(d.code.startswith(c) for c in self.onto.abduction_from))  # not a base or a town taken

    def __call__(self, job: SentenceJob) -> None:
        if job.drafts:
            job.events = self.events(job)

    def events(self, job: SentenceJob) -> list[Event]:
        sent, document, a = job.sent, job.document, job.anchors
        text = sent.text
        events = []
        parties: dict[str, tuple] = {}  # event id -> the first conjunct of its source and of its target
        attributed = self.modality.according_to(job.tokens)
        news: set[str] = set()  # ids of the acts the sentence tells as its own news (its main clause)
        folded = False  # a toll of an act told before was folded into it
        inside = self._told_inside(job)
        for d in job.drafts:
            if id(d) in inside:
                continue
            key = d.pred.token.i
            historical = bool(a.historical.get(key))
            date = a.dates.get(key)
            if date is None and not historical:
                if job.where_when.story_date:
                    date = (job.where_when.story_date, "story")
                elif job.reference:
                    # an act the story tells in the present ("officials blame", "the minister says") happens on the
                    # day the story is told; any other undated act only somewhere before it
                    now = self._told_now(d, job)
                    date = (job.reference[:10], "day" if now else "published")
            ev_tok = d.evidence or d.pred.token
            start = ev_tok.idx - sent.start_char
            end = start + len(ev_tok.text)
            if d.evidence is None and d.pred.light is not None:
                start = min(start, d.pred.light.idx - sent.start_char)
                end = max(end, d.pred.light.idx - sent.start_char + len(d.pred.light.text))
            if self._abducted(d):
                abduction = self.onto.recodes["abduction"]
                d.code, d.plover, d.mode = abduction.code, abduction.plover, abduction.mode
            info = self.onto.lookup(d.code)
            mode = d.mode or self.onto.default_modes.get(d.plover or "")
            if self.onto.is_a(d.plover, "mobilization") and d.source.sector in self.onto.mobilized_forces \
                    and mode in (None, *self.onto.mobilized_forces.values()):
                mode = self.onto.mobilized_forces[d.source.sector]  # police deployed: police; militias: militia
            location = a.places.get(key)
            # actors known by sector belong where the act happens or what it concerns happens, a speaker to the
            # story's country; a target named by no one is the place of the act's own clause or of what it asks,
            # promises or refuses
            about = a.content_places.get(key)
            setting = job.context.home_country
            speech = self.onto.is_a(d.plover, "speech_acts")
            # talks in Geneva are neither with Switzerland nor by the Swiss (talks with Syria are with Syria)
            at_venue = self.onto.at_venue(d.code) and location is not None and key not in a.partners
            source = placed(d.source, d.target, location or about, setting, speaker=speech or at_venue,
                            struggle=self.onto.is_a(d.plover, "armed_struggle"), doer=True)
            own_place = location if location is not None and location.basis == "clause" else about
            # a place where somebody speaks ("criticised X in Tokyo"), or where a person does something, says
            # nothing of whom the act is aimed at; where a thing is done to somebody, it does
            # (and forces moved "in" a place are hosted there, not moved against it: Anchors.hosts)
            venue = at_venue or key in a.hosts or (
                location is not None and (location.basis == "venue" or key in a.venues)
                and not self.onto.is_a(d.plover, "place_recipient") and (speech or self._somebody(d.source_tok)))
            # a protest against an act told before ("marched to condemn the offensive") is against its doer, not
            # against the authorities where it is held
            told = d.target
            if self.onto.is_a(d.plover, "protest"):
                for thing in self.syntax.grievance_targets(d.pred.token, d.pred.light):
                    told = self._maker(d, job, source, told, thing)
            target = recipient(self.onto, d.plover, mode, source, told, location or about, own_place, setting,
                               a.place_text.get(key) if own_place is location else None, venue=venue, about=about,
                               spoken=self.onto.is_a(d.pred.sense.plover_type, "speech_acts"),
                               person=self._named_person(d.target, d.target_tok))
            target = self._answered(d, job, source, self._maker(d, job, source, target))
            source = self._doer_of_told(d, job, source, target)
            if mode in self.onto.release_modes and not (source.text or source.name or source.country):
                taker = _taker(job.context.taken, target, self.onto.captive_words)  # freed by their takers
                source = replace(taker, text="", country_basis="story" if taker.country else None) if taker else source
            if mode in self.onto.abroad_modes:  # one country named once is the one visited, not the visitor's
                source = foreign_to(source, target, job.context.settled_home() is not None,
                                    self.onto.state_organs)
                if self._visit_at_home(source, target):
                    continue
            if self.onto.is_a(d.plover, "needs_recipient") and target is not None and names_nobody(target):
                continue  # aid, cooperation and sanctions go to somebody, not to a thing ("contributed to this report")
            if mode in self.onto.rally_modes and source.sector in self.onto.rally_holders and target is None:
                continue  # a rally the authorities hold against nobody ("the president held a rally in Nakuru")
            # a toll belongs to the use of force it counts, never to a statement about it ("killing 12 people,
            # the agency reported": the attack's dead, not the agency's accusation's)
            deaths = a.deaths.get(key) if self.onto.is_a(d.plover, "tolled") else None
            told = self._toll_of_told(d, job, location, date, historical)
            if told is not None:  # "Jets struck a market. Four were killed": the strike's toll
                source, target, location = told.source, told.target, told.location
                date = (told.date, told.date_precision) if told.date else date
                folded = True
            source, target = self._of_the_day(source, date), self._of_the_day(target, date)
            attribution = d.attribution
            if attribution is None and attributed is not None:
                attribution = self.syntax.phrase_span(attributed).text
            eid = event_id(document.doc_id, job.index, start, d.source.code, d.target.code if d.target else "", d.code)
            if self._main_clause(d.pred.head if d.pred.kind == "verb" or d.pred.light is not None
                                 else d.pred.token.head):
                news.add(eid)  # ("Israeli jets struck Gaza", "an Israeli strike killed four": the sentence's news)
            parties.setdefault(eid, (self._first_conjunct(d.source_tok), self._first_conjunct(d.target_tok)))
            events.append(Event(
                event_id=eid,
                doc_id=document.doc_id, sentence_index=job.index, sentence=text,
                evidence_start=start, evidence_end=end, plover_type=d.plover or "",
                plover_mode=mode if self.onto.mode_allowed(d.plover, mode) else None,
                plover_contexts=[c.strip() for c in (info.plover_context or "").split(";") if c.strip()],
                cameo_code=d.code, goldstein=info.goldstein, quad_class=info.quad_class,
                source=source, target=target, date=date[0] if date else None,
                date_precision=date[1] if date else "unknown",
                location=location, fatalities=deaths,
                fatalities_civilians=bool(deaths) and a.civilians.get(key, False),
                modality=d.modality, attribution=attribution, confidence=d.confidence, prominence=d.confidence,
                published=document.published, title=document.title, url=document.url,
                publisher=document.publisher, predicate=d.pred.sense.lemma,
                historical=historical, from_title=job.from_title,
            ))
        return self._remember_told(self._across_sides(self._within_home(
            named_again(one_act(told_once(unique_events(events)), parties)), job), job), job, news, folded)

    def _of_the_day(self, actor: Actor | None, date: tuple[str, str] | None) -> Actor | None:
        """An actor of a state formed by leaving another, on a day before that state's first, is of the state that
        held its land then, whatever gave its country (a name, the place, the story's setting): Kosovo's police in
        1998 are Yugoslavia's (KnowledgeBase.formed)."""
        if actor is None or not actor.country or date is None or self.resolver is None:
            return actor
        kb = self.resolver.kb
        if actor.country not in kb.formed:
            return actor
        last = period_end(date[0], date[1])  # a year or a month that holds the state's first day is the state's
        if last is None:
            return actor
        held = kb.held_by(actor.country, last)
        return actor if held == actor.country else replace(actor, country=held)

    def _told_inside(self, job: SentenceJob) -> set[int]:
        """The drafts of an act named by a noun that a verb's act of the same type is told "in" or "during", with
        no doer named for it ("police detained an activist during a raid on his home"): the verb's act, told with
        its setting, not a second one (ids of the drafts)."""
        acts = {d.pred.token.i: d for d in job.drafts if d.pred.kind == "noun"}
        inside = set()
        for d in job.drafts:
            if d.pred.kind != "verb":
                continue
            for noun in self.syntax.told_in(d.pred.token):
                told = acts.get(noun.i)
                if told is not None and told.plover == d.plover and not (told.source.text or told.source.name):
                    inside.add(id(told))
        return inside

    def _maker(self, d, job: SentenceJob, source: Actor, target: Actor | None,
               grievance: Token | None = None) -> Actor | None:
        """A statement or an act named again as the thing acted on, with nobody's name on it ("the South dismissed
        the offer", "France condemned the attack", "lodged a protest over the arrests"), is aimed at the one who
        last made or did such a thing in the story (ontology group ``told_acts``): a statement of another state,
        force of somebody named who is not the condemner's own side ("the opposition condemned the attack" by the
        police is aimed at the police)."""
        if not names_nobody(target):
            return target
        # (a statement named with nobody's name on it is no target of its own: "condemned the attack")
        thing = grievance or (d.target_tok if target is not None else self.syntax.direct_object(d.pred.token))
        if thing is None or (d.pred.kind != "verb" and d.target_tok is None and grievance is None):
            return target
        noun = next((p for p in job.predicates if p.token.i == thing.i and p.kind == "noun"), None)
        kind = noun.sense.plover_type if noun is not None else next(  # ("rejected the call": a call made before)
            (s.plover_type for s in (self.noun_senses(thing.lemma_.lower()) if self.noun_senses else ())
             if self.onto.is_a(s.plover_type, "told_acts")), None)
        maker = job.context.told.get(kind or "") if self.onto.is_a(kind, "told_acts") else None
        labels, ents = self.syntax.g.labels, self.syntax.g.entities
        told = self.syntax.told_before(thing) or any(  # "the attack", "Monday's attack"
            c.dep_ in labels.possessor and c.ent_type_ in ents.time for c in thing.children)
        force = self.onto.is_a(kind, TOLD_FORCE) or self.onto.is_a(kind, "protest")  # sides, not states
        if maker is None or maker.sector == self.onto.unidentified_sector(kind) or not told \
                or (self._own_side(maker, source) if force else maker.country == source.country):
            return target  # (nobody named, "a new attack", a statement of one's own state, force of one's own side)
        return replace(maker, text=self.syntax.phrase_span(thing).text)

    def _answered(self, d, job: SentenceJob, source: Actor, target: Actor | None) -> Actor | None:
        """An act of conflict one answers with, aimed at nobody named ("Israel responded with artillery fire",
        "China retaliated with tariffs"), is aimed at whoever the story last told using such acts on the
        answering state (DocContext.hit_by)."""
        if not names_nobody(target) or d.pred.light is None \
                or self.answers is None or not self.answers(d.pred.light) or not source.country \
                or not self.onto.quad_is(d.code, "material_conflict"):
            return target
        doer = job.context.hit_by.get(source.country)
        if doer is None or doer.code == source.code:
            return target
        return replace(doer, text="")

    def _doer_of_told(self, d, job: SentenceJob, source: Actor, target: Actor | None) -> Actor:
        """Force nobody is named for, suffered "in" or "during" an act of its kind told before ("twelve PKK fighters
        were killed during the operation"), is that act's: by whoever last used such force in the story, named by their
        own words (ontology group ``told_force``), when the victims' own words name them another side's (not
        "three soldiers were wounded during the raid": raiders hit by others)."""
        doer = job.context.told.get(TOLD_FORCE) if self.onto.is_a(d.plover, TOLD_FORCE) else None
        if doer is None or doer.country_basis != "mention" or doer.sector == self.onto.unidentified_sector(d.plover) \
                or d.source.text or d.source.name or target is None or target.country_basis != "mention" \
                or self._own_side(target, doer) or d.pred.kind != "verb":  # (victims named as someone's)
            return source
        labels = self.syntax.g.labels
        for act in self.syntax.told_in(d.pred.token):
            own = any(c.dep_ in labels.possessor or c.dep_ in labels.modifier for c in act.children)
            if not own and self._told_act(act, job):  # ("during their raid" names its own doer)
                return replace(doer, text=self.syntax.phrase_span(act).text)
        return source

    def _toll_of_told(self, d, job: SentenceJob, location, date, historical: bool) -> Event | None:
        """The act of force told just before whose toll a clause gives, with nobody named as its doer ("Jets struck
        a market on Monday. Four people were killed, medics said"): the same act, told again by what it did, so
        it takes that act's parties, place and date and is counted once with it. Not when the clause names a
        place or day of its own, an act of force not told before ("in another attack"), a running count ("in the
        war", "since January") or another incident ("separately"), nor when the victims are the doer's own side
        or of a country the act was neither aimed at nor done in."""
        last = job.where_when.last_force
        tok = d.pred.token
        if self.anchor_words is None or last is None or historical or d.modality != "asserted" \
                or d.plover != last[1].plover_type or not 0 < job.index - last[0] <= self.anchor_words.toll_reach \
                or d.pred.kind != "verb" \
                or tok.lemma_.lower() not in self.toll_verbs or not self.syntax.is_passive(tok) \
                or d.source.text or d.source.name or self.syntax.prep_objects(tok, self.syntax.g.words.by[0]):
            return None
        told = last[1]
        victims, where = d.target, {told.target.country if told.target is not None else None,
                                    told.location.country if told.location is not None else None}
        if victims is not None and (self._own_side(victims, told.source) or (
                not victims.country and victims.sector and told.source.sector == victims.sector) or (
                victims.country and victims.country not in where)):
            return None  # the doer's own side hit by others ("four soldiers were wounded during the raid"), or
            #              people of a country the act was neither aimed at nor done in
        if not self._main_clause(tok) or any(o.pred.token.lemma_.lower() not in self.toll_verbs
                                             and self.onto.is_a(o.plover, TOLD_FORCE) for o in job.drafts):
            return None  # "a week after three were killed in a bombing", "were killed when a bomb went off"
        told_in = self.syntax.told_in(tok)
        if self._told_apart(tok, told_in, job):
            return None  # "Separately, two farmers were killed", "have been killed since January", "in the war"
        there = told.location
        if location is not None and location.basis == "clause" and (
                there is None or (location.name, location.country) != (there.name, there.country)):
            return None
        if date is not None and date[1] not in ("published", "story") and date[0] != told.date:
            return None
        if any(not self._told_act(g, job) for g in told_in):
            return None  # "in another attack", "in a separate raid on Monday", "in an ambush"
        return told

    def _told_act(self, noun, job: SentenceJob) -> bool:
        """An act of force told before ("the attack", "the operation"), not another one ("an ambush")."""
        return self.syntax.told_before(noun) and (noun.lemma_.lower() in self.operation_nouns or any(
            p.token.i == noun.i and p.kind == "noun" and self.onto.is_a(p.sense.plover_type, TOLD_FORCE)
            for p in job.predicates))

    def _told_apart(self, verb, told_in: list, job: SentenceJob) -> bool:
        """A toll told apart from the act before it: after a mark of another incident ("Separately, ...",
        "Elsewhere, ..."), as a running count ("in the war", "a total of", "since January") or in the perfect
        with no act told before it is told in ("more than 30,000 have been killed"); ``told_in``:
        Syntax.told_in(verb)."""
        w, labels = self.anchor_words, self.syntax.g.labels
        marks = [c for h in (verb, verb.sent.root) for c in h.children if c.dep_ in labels.adverb]
        if any(c.lemma_.lower() in w.apart_marks for c in marks):
            return True
        if any(t.lemma_.lower() in w.running_counts for t in verb.subtree) or any(
                g.lemma_.lower() in w.running_nouns for g in told_in):
            return True
        perfect = any(c.dep_ in labels.auxiliary and c.lemma_.lower() == "have" for c in verb.children)
        return perfect and not any(self._told_act(g, job) for g in told_in)

    def _own_side(self, a: Actor, b: Actor) -> bool:
        """Two actors of one side in a fight: of one country, both armed or organs of its state, and both of the
        state or both armed outside it (a state's forces and the rebels fighting them are two sides of one
        country). Civilians, parties and the press are nobody's side."""
        irregular, armed = self.onto.irregular_forces, self.onto.armed_sectors | self.onto.state_organs
        return bool(a.country) and a.country == b.country and a.sector in armed and b.sector in armed \
            and (a.sector in irregular) == (b.sector in irregular)

    def _main_clause(self, verb) -> bool:
        """The verb tells the sentence's own news: its root, a conjunct of it, or what the root verb of saying
        reports ("four were killed, medics said")."""
        labels = self.syntax.g.labels
        verb = self.syntax.first_conjunct(verb)
        head = verb.head
        return head.i == verb.i or (verb.dep_ in labels.clausal_complement and head.head.i == head.i
                                    and head.lemma_.lower() in self.modality.words.speech_verbs)

    def _remember_told(self, events: list[Event], job: SentenceJob, news: set[str], folded: bool) -> list[Event]:
        """Who made each kind of statement last, and who last used force named by their own words
        (DocContext.told), for the ones named again later; and the act of force a sentence tells as its own news
        (``news``: event ids of main-clause acts), whose toll the next sentences may give, unless the sentence tells
        force by two doers or was itself a toll of an act told before (``folded``)."""
        force = [e for e in events if e.modality == "asserted" and self.onto.is_a(e.plover_type, TOLD_FORCE)
                 and not e.historical]
        for e in events:
            if e.modality == "asserted" and e.source.country and self.onto.is_a(e.plover_type, "told_acts") \
                    and not e.historical:
                job.context.told[e.plover_type] = e.source
        for e in events:
            if e.modality == "asserted" and not e.historical and self.onto.quad_is(e.cameo_code, "material_conflict") \
                    and e.target is not None and e.target.country and e.source.country and (
                        e.source.country != e.target.country or (  # a foreign state's forces, or armed groups
                            e.source.text and e.source.sector in self.onto.irregular_forces  # named as fighting
                            and e.source.sector != self.onto.unidentified_sector(e.plover_type)  # their own
                            and e.target.sector in self.onto.state_organs)):  # state's
                job.context.hit_by[e.target.country] = e.source
        job.context.taken += [(e.source, e.target) for e in events if e.modality == "asserted" and e.target
                              and e.plover_mode in self.onto.capture_modes and e.source.text]
        if force:  # the last of them (its doer may be unnamed: then nobody is named again)
            job.context.told[TOLD_FORCE] = force[-1].source
        if force and not folded and not job.from_title:
            doers = {e.source.code for e in force}
            main = [e for e in force if e.event_id in news]
            job.where_when.last_force = (job.index, main[-1]) if main and len(doers) == 1 else None
        return events

    def _first_conjunct(self, tok) -> int | None:
        """The first of the coordinated phrases ``tok`` belongs to ("Ethiopia and Eritrea": Ethiopia), as an index."""
        return self.syntax.first_conjunct(tok).i if tok is not None else None

    def _within_home(self, events: list[Event], job: SentenceJob) -> list[Event]:
        """Acts of a story's own country on nobody named are done within it (recipients.at_home); not in a sentence
        that names an actor of anywhere else ("the ministry summoned the Nigerian envoy to protest")."""
        home = job.context.domestic_home()
        if home is None or any(a is not None and a.country and a.country != home for a in job.actors.values()):
            return events
        return [replace(e, target=at_home(self.onto, e.plover_type, e.plover_mode, e.source, e.target, home))
                for e in events]

    def _across_sides(self, events: list[Event], job: SentenceJob) -> list[Event]:
        """Acts aimed at nobody named by one of the two states a story of two sides is about are aimed at the other
        (recipients.other_side), and force nobody names on one side is the other's (recipients.doer_across): in a
        story of two sides told acting on each other (DocContext.sides), not in a sentence that names an actor or a
        place of a third state."""
        for e in events:
            if e.target is not None and e.source.country_basis == e.target.country_basis == "mention" \
                    and e.source.country and e.target.country and e.source.country != e.target.country:
                job.context.met.add(frozenset((e.source.country, e.target.country)))
                if all(_of_state(a, self.onto.state_organs) for a in (e.source, e.target)):
                    job.context.pair_told((e.source.country, e.target.country), job.index,
                                          self.onto.is_a(e.plover_type, "mutual"))
        _remember_parties(events, job, self.onto)
        if (pair := job.context.sides()) is None:
            return events
        named = {a.country for a in job.actors.values() if a is not None and a.country} | job.anchors.countries
        if named - set(pair) - NOT_STATES:
            return events
        private = any(t.lemma_.lower() in self.onto.private_violence for t in job.tokens)  # "in a criminal feud"
        return [replace(e, source=e.source if private else doer_across(self.onto, e.plover_type, e.source, e.target,
                                                                        pair),
                        target=other_side(self.onto, e.plover_type, e.source, e.target, pair)) for e in events]


def _of_state(actor: Actor | None, organs) -> bool:
    """Whether an actor is a state by its own words: its name, government, forces or legislature (not an armed
    group of its land: Hezbollah is no pair with Israel as Lebanon)."""
    return actor is not None and actor.country_basis == "mention" and bool(actor.country) \
        and actor.country not in NOT_STATES and (actor.sector is None or actor.sector in organs)


def _remember_parties(events: list[Event], job: SentenceJob, onto: Ontology) -> None:
    """Two states named as the doers or the ones acted on of one act ("urged Sudan and Chad to stop the raids",
    "Kenya and Uganda signed"): a pair to remember (DocContext.pair_told). Two or more of one state acting side by
    side ("the president and his finance minister toured a mill") are what "both leaders" next means: the pair is
    forgotten."""
    for e in events:
        for side in ((e.source, *e.also_sources), (e.target, *e.also_targets)):
            named = [a for a in side if a is not None and a.country_basis == "mention" and a.country]
            countries = list(dict.fromkeys(a.country for a in named if _of_state(a, onto.state_organs)))
            if len(countries) == 2:
                job.context.pair_told((countries[0], countries[1]), job.index, onto.is_a(e.plover_type, "mutual"))
            elif len(named) > 1 and len({a.country for a in named}) == 1:
                job.context.forget_pair(job.index)


def _taker(taken: list[tuple[Actor, Actor]], freed: Actor | None, captive_words: frozenset[str]) -> Actor | None:
    """Who last took the people freed: the taker of ones named by the same word ("20 villagers" ... "the
    villagers"), else of ones of the same sector and state ("three activists" ... "both"), else of anyone when a
    word for captives names them ("the hostages"), else nobody."""
    if freed is None:
        return None
    word = (freed.text or "").lower().split()[-1:]
    for same in (lambda t: word and (t.text or "").lower().split()[-1:] == word,
                 lambda t: t.sector == freed.sector and t.country in (None, freed.country),
                 lambda t: word and word[0].rstrip("s") in captive_words):
        found = next((taker for taker, t in reversed(taken) if same(t)), None)
        if found is not None:
            return found
    return None
