"""The event coder: predicates in a parsed sentence -> coded event mentions (PLOVER + CAMEO).

For each sentence: find predicates (verbs of verbs.yaml, event nouns of nouns.yaml, light verbs carrying an
event noun), find their source and target, resolve both to actors, set modality and attribution, apply the
reported-speech rules (a speaker reporting another party's violence accuses it; a future or conditional use
of force in reported speech is a threat), then attach dates, places and death tolls.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from tacitus.events import anchoring
from tacitus.events.arguments import (NOMINAL_SUBJECTS, NOT_ACTORS, PEOPLE_ENTITIES, antecedent, grievance_targets,
                                      is_passive, is_pronoun, named, noun_sources, owners, phrase_span,
                                      prep_objects, verb_passive_targets, verb_subjects, with_conjuncts)
from tacitus.events.modality import ModalityWords, according_to, modality_of
from tacitus.events.ontology import lookup
from tacitus.events.patterns import PatternBook, Sense
from tacitus.events.places import (PLACE_ENTS, PlaceReader, context_countries, placed, recipient_from_place,
                                   with_document_focus)
from tacitus.events.predicates import FRAMING_TYPES, Predicate, PredicateFinder, direct_object, threat_code
from tacitus.events.ranking import as_appeal, confidence, nesting, unique_events
from tacitus.records import Actor, Document, Event, Location

COUNTED_MODALITIES = ("asserted", "future")  # the events that count and are exported by default


@dataclass
class Draft:
    """An event before dates, places and ids are attached."""

    pred: Predicate
    source: Actor
    target: Actor | None
    source_tok: Token
    target_tok: Token | None
    modality: str
    speech: Token | None
    code: str
    mode: str | None
    plover: str | None
    confidence: float
    attribution: str | None = None
    evidence: Token | None = None
    extra: dict = field(default_factory=dict)


class EventCoder:
    """Codes parsed sentences into events. One instance per process; it holds no per-document state."""

    def __init__(self, patterns: PatternBook | None = None, resolver=None, gazetteer=None, layer=None,
                 model_events: bool = False) -> None:
        from tacitus.actors import ActorResolver
        from tacitus.geo import Gazetteer

        self.patterns = patterns or PatternBook.default()
        self.resolver = resolver or ActorResolver.default()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.words = ModalityWords.default()
        self.finder = PredicateFinder(self.patterns, self.words)
        self.places = PlaceReader(self.gazetteer, self.resolver)
        self.layer = layer  # tacitus.learn.LearnedLayer deciding where the patterns are unsure, or None
        self.model_events = model_events  # let the layer add events the patterns missed (off: it guesses on news)

    def find_predicates(self, sent: Span) -> list[Predicate]:
        """Every predicate of a sentence with its sense (see PredicateFinder)."""
        return self.finder.find_predicates(sent)

    # ------------------------------------------------------------------ documents
    def code_document(self, document: Document, paragraphs: list) -> list[Event]:
        """Code a document whose paragraphs were parsed (in order) into ``paragraphs``: spaCy Docs, or (Doc,
        number of the document sentence it starts at) when only some sentences were parsed."""
        ctx = self.resolver.new_context(document.published)
        events: list[Event] = []
        index = 0
        for para in paragraphs:
            if isinstance(para, tuple):
                para, index = para
            for sent in para.sents:
                if sent.text.strip():
                    events.extend(self.code_sentence(sent, index, document, ctx))
                    index += 1
        return with_document_focus(events)

    def code_sentence(self, sent: Span, index: int, document: Document, ctx) -> list[Event]:
        self._register_people(sent, ctx)
        preds, active = self.finder.find(sent)
        pred_tokens = {p.token.i for p in preds} | {p.light.i for p in preds if p.light is not None}
        drafts: list[Draft] = []
        cache: dict[int, Actor | None] = {}
        for pred in active:
            drafts.extend(self._drafts(pred, ctx, cache, pred_tokens))
        drafts = self._speech_rules(drafts, ctx, cache)
        drafts.extend(self._demands(sent, drafts, ctx, cache))
        for d in drafts:
            self._recode_by_modality(d)
        drafts = [d for d in drafts if d.plover]  # CAMEO 01 statements are not PLOVER events
        events = self._finish(sent, index, document, ctx, drafts) if drafts else []
        if self.layer is not None and (self.model_events or any(e.modality in COUNTED_MODALITIES for e in events)):
            events = self._apply_layer(sent, index, document, ctx, cache, events)  # nothing to rerank or drop else
        return events

    def _apply_layer(self, sent: Span, index: int, document: Document, ctx, cache,
                     events: list[Event]) -> list[Event]:
        """Let the learned layer keep the pattern events, promote one of them, drop weak ones, or (with
        ``model_events``) add the event of the sentence's main predicate that the patterns missed, when the parse
        shows a dyad of known actors (its `predicate` then reads "model:<lemma>")."""
        choice, _ = self.layer.decide(sent, events)
        counted = [e for e in events if e.modality in COUNTED_MODALITIES]
        top = max((e.confidence for e in counted), default=0.0)
        if choice.action == "rerank" and choice.index is not None:
            events[choice.index].confidence = min(0.99, round(top + 0.01, 3))
        elif choice.action == "drop":
            # the model reads the sentence as a statement or an appeal: weak conflict events go, and a demand
            # (CAMEO 10) stays a REQUEST but at the appeal's level (CAMEO 02 of the same kind)
            events = [as_appeal(e) if e.plover_type == "REQUEST" else e for e in events
                      if e.modality not in COUNTED_MODALITIES or e.plover_type == "REQUEST"]
        elif choice.action == "emit" and self.model_events:
            emitted = self._model_event(sent, index, document, ctx, cache, choice, top)
            if emitted is not None:
                events.append(emitted)
        return events

    def _model_event(self, sent: Span, index: int, document: Document, ctx, cache, choice, top: float):
        """The event the model found in the sentence, on its main predicate, with whatever actors the parse gives."""
        from tacitus.learn.features import main_predicate

        tok = main_predicate(sent, self.words)
        if tok is None:
            return None
        verbal = tok.pos_ in ("VERB", "AUX")
        subjects = [t for t in verb_subjects(tok) if t.pos_ != "PRON" or is_pronoun(t)] if verbal else []
        if not subjects:
            return None
        source_tok = subjects[0]
        source = self._actor(source_tok, ctx, cache)
        if source is None or not (source.country or source.sector or source.name):
            return None  # "prices rose sharply": the model's class alone does not make a political event
        obj = direct_object(tok) if verbal else None
        target = self._actor(obj, ctx, cache) if obj is not None else None
        if target is None or not (target.country or target.sector) or target.code == source.code:
            return None  # a model event needs a dyad the parse can show: who acted on whom
        sense = Sense(lemma=f"model:{tok.lemma_.lower()}", code=choice.cameo_code, plover=choice.plover_type)
        pred = Predicate(tok, sense, "verb" if verbal else "noun")
        confidence = min(0.99, round(max(choice.probability or 0.0, top + 0.01), 3))
        draft = Draft(pred=pred, source=source, target=target, source_tok=source_tok,
                      target_tok=obj, modality="asserted", speech=None,
                      code=choice.cameo_code, mode=None, plover=choice.plover_type, confidence=confidence)
        made = self._finish(sent, index, document, ctx, [draft])
        return made[0] if made else None

    def _register_people(self, sent: Span, ctx) -> None:
        """Resolve titled names as they appear so later surnames and "the Turkish leader" corefer."""
        for ent in sent.ents:
            if ent.label_ == "PERSON":
                self.resolver.resolve_span(phrase_span(ent.root), ctx)

    # ------------------------------------------------------------------ predicates
    def _actor(self, tok: Token, ctx, cache: dict[int, Actor | None]) -> Actor | None:
        if tok.i in cache:
            return cache[tok.i]
        cache[tok.i] = None  # visited: a chain of antecedents and owners that loops back here ends with no actor
        if is_pronoun(tok):
            earlier = antecedent(tok)
            actor = self._actor(earlier, ctx, cache) if earlier is not None else None
            if actor is None and hasattr(ctx, "last_actor"):
                actor = ctx.last_actor()
            if actor is not None:
                actor = replace(actor, text=tok.text)
        elif tok.pos_ in ("PRON", "DET"):
            actor = None
        elif tok.lower_ in self.patterns.collective_nouns and (members := prep_objects(tok, "of")):
            # "thousands of Iraqi Kurds", "a group of Moroccan diplomats": who the members are
            found = self._actor(members[0], ctx, cache)
            actor = replace(found, text=phrase_span(tok).text) if found is not None else None
        else:
            span = phrase_span(tok)
            actor = self.resolver.resolve_span(span, ctx)
            if actor is None and named(tok):  # a named organisation or person we know nothing more of
                actor = Actor(text=span.text, name=span.text)
            if actor is None or not actor.sector:
                # "a group of Moroccan diplomats", "an arms depot of the Syrian army", "Netanyahu's proposal",
                # "a request from the New York Times", "the resolution proposed by the Security Council"
                for owner in owners(tok):
                    found = self._actor(owner, ctx, cache)
                    if found is not None and found.sector and (actor is None or found.country in (None, actor.country)
                                                               or not actor.country):
                        actor = found
                        break
            if actor is not None and actor.country:
                home = self._residence(tok)
                if home and home != actor.country:
                    actor = replace(actor, country=home)
        cache[tok.i] = actor
        return actor

    def _residence(self, tok: Token) -> str | None:
        """"ethnic Albanians in Serbia", "ethnic Albanian guerrillas operating in Macedonia": an ethnic group
        named with the country it lives or acts in belongs to that country (PLOVER codes residence)."""
        if not any(c.lower_ == "ethnic" for c in tok.subtree):
            return None
        heads = [tok, *(c for c in tok.children if c.dep_ == "acl")]
        for head in heads:
            for p in ("in", "of"):
                for place in prep_objects(head, p):
                    found = self.places.place_of(place)
                    if found is not None and found[1].country:
                        return found[1].country
        return None

    def _target(self, tok: Token, ctx, cache: dict[int, Actor | None]) -> Actor | None:
        """The target actor at ``tok``; a noun phrase that resolves to no actor ("the legislation", "the
        protesters") is kept with its text alone, never dropped (the run report counts such actors)."""
        actor = self._actor(tok, ctx, cache)
        if actor is not None and (actor.country or actor.sector):
            return actor  # "one third of the guerrillas" is the guerrillas
        if tok.ent_type_ in NOT_ACTORS:
            return None  # "on Monday", "15 of them"
        if tok.pos_ not in ("NOUN", "PROPN"):
            return actor
        # "restrictions on its labour market for new EU members": a thing's phrase may name whom it concerns;
        # "hosted a meeting between X and Y": whom it brings together
        for p in ("for", "against", "on", "of", "from", "between"):
            for g in prep_objects(tok, p):
                found = self._actor(g, ctx, cache)
                if found is not None and (found.country or found.sector):
                    return found
        text = phrase_span(tok).text
        found = self.places.place_of(tok)  # "attacks on Hamburg", "flights to Florida", "shelled Kharkiv": its country
        if found is not None and found[1].country:
            return Actor(text=text, name=found[1].name, country=found[1].country)
        return actor or Actor(text=text)

    def _arguments(self, pred: Predicate) -> tuple[list[Token], list[Token]]:
        tok, sense = pred.token, pred.sense
        if pred.kind == "verb":
            sources = verb_subjects(tok)
            if not sources and sense.no_object_target and is_passive(tok):
                # "2,000 Russian soldiers were deployed": what is moved belongs to the one who moves it
                sources = [c for c in tok.children if c.dep_ == "nsubjpass"]
            targets: list[Token] = []
            for t in sense.targets:
                if t == "dobj":
                    if not sense.no_object_target:
                        obj = direct_object(tok)
                        targets += [obj] if obj is not None else []
                        if obj is None:  # "allowed UN planes to land": the one allowed is the clause's subject
                            targets += [c for clause in tok.children if clause.dep_ == "ccomp" and
                                        clause.i > tok.i for c in clause.children if c.dep_ == "nsubj"]
                        if is_passive(tok):
                            targets += verb_passive_targets(tok)
                elif t == "dative":
                    targets += [c for c in tok.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                    targets += prep_objects(tok, "to")
                else:
                    targets += prep_objects(tok, t)
            if not targets and sense.plover_type == "REJECT":
                # "refused to allow UN planes to land": the one refused is the refused act's object or subject
                for clause in (c for c in tok.children if c.dep_ == "xcomp"):
                    obj = direct_object(clause)
                    targets += [obj] if obj is not None else [
                        g for cc in clause.children if cc.dep_ == "ccomp" for g in cc.children if g.dep_ == "nsubj"]
            if sense.plover_type in ("REQUEST", "THREATEN") and direct_object(tok) is None:
                # "demanded that Hamas renounce violence": the one asked is the subject of what is demanded
                asked = [c for clause in tok.children if clause.dep_ == "ccomp"
                         for c in clause.children if c.dep_ in NOMINAL_SUBJECTS]
                targets = asked + [t for t in targets if t not in asked]
            obj = direct_object(tok)
            if not targets and sense.plover_type == "PROTEST":
                # "blocked roads ... to press demands from the government": the grievance before the road's end
                targets = grievance_targets(tok)
            if not targets and sense.no_object_target and obj is not None:
                # "lifted a ban on Berlusconi", "lifted restrictions imposed on Olmert": whom the thing concerns
                holders = [obj, *(c for c in obj.children if c.dep_ == "acl")]
                targets = [g for h in holders for p in ("on", "against", "to", "with") for g in prep_objects(h, p)]
                if not targets:  # "accepted demands from the rebels": whose the thing is
                    targets = [o for o in owners(obj) if o.pos_ != "PRON"]
            return sources, targets
        found = noun_sources(tok, place_modifiers=bool(sense.source_sector))
        sources = [t for t in found if t.pos_ != "PRON"]  # "its demand": the light verb's subject says whose
        if not sources and pred.light is not None:
            sources = verb_subjects(pred.light)
        sources = sources or found
        targets = []
        for t in sense.targets:
            targets += prep_objects(tok, t)
            if pred.light is not None and t not in ("of",):
                targets += prep_objects(pred.light, t)
        if sense.plover_type in ("REQUEST", "THREATEN"):  # "its demand that Israel ease ...": Israel is asked
            for clause in tok.children:
                if clause.dep_ in ("acl", "ccomp"):
                    targets += [c for c in clause.children if c.dep_ == "nsubj"]
        if not targets and sense.plover_type == "PROTEST":
            targets = grievance_targets(tok, pred.light)
        between = prep_objects(tok, "between")
        if between and not sources:  # "talks between X and Y": X -> Y
            sources, targets = [between[0]], [t for t in with_conjuncts(between[0])[1:]] or targets
        return sources, targets

    def _drafts(self, pred: Predicate, ctx, cache, pred_tokens: set[int] = frozenset()) -> list[Draft]:
        src_toks, tgt_toks = self._arguments(pred)
        if not tgt_toks and pred.framed is not None:
            # "promised to continue military aid to Mozambique": the promise is made to whoever the aid goes to
            own = {t.i for s in src_toks for t in with_conjuncts(s)}
            tgt_toks = [t for t in self._arguments(pred.framed)[1] if t.i not in own]
        # a source must be known by country or sector, or be a named organisation or person
        sources = [(t, a) for s in src_toks for t in with_conjuncts(s)
                   if (a := self._actor(t, ctx, cache))
                   and (a.country or a.sector or named(t) or (is_pronoun(t) and a.name))]
        if pred.kind == "noun" and pred.sense.source_sector:
            sources = [(t, _adjective_sector(t, a, pred.sense.source_sector)) for t, a in sources]
        tgt_toks = self._target_heads(tgt_toks, pred, pred_tokens)
        targets = [(t, a) for s in tgt_toks for t in with_conjuncts(s) if (a := self._target(t, ctx, cache))]
        if any(a.country or a.sector for _, a in targets):  # a known actor makes the bare phrases moot
            targets = [(t, a) for t, a in targets if a.country or a.sector or a.name]
        # "condemned the Russian attack": the author of an event noun, with that noun's sector for a bare adjective
        targets = [(t, _adjective_sector(t, a, "MIL")) if t.head.i in pred_tokens and t.head.pos_ == "NOUN"
                   and t.dep_ in ("amod", "compound", "nmod") else (t, a) for t, a in targets]
        if not sources:
            unknown = self._unidentified_perpetrator(pred, src_toks, targets)
            if unknown is None:
                return []
            sources = [unknown]
        mod = modality_of(pred.head, self.words)
        info = lookup(pred.code)
        nested = nesting(pred, pred_tokens)
        out = []
        for s_tok, src in sources:
            pairs = [(t_tok, tgt) for t_tok, tgt in targets if t_tok.i != s_tok.i] or [(None, None)]
            for t_tok, tgt in pairs:
                out.append(Draft(
                    pred=pred, source=src, target=tgt, source_tok=s_tok, target_tok=t_tok,
                    modality=mod.value, speech=mod.speech_verb, code=pred.code, mode=pred.mode,
                    extra={"refused": mod.refused, "condition": mod.condition},
                    plover=pred.plover or pred.sense.plover or info.plover_type,
                    confidence=confidence(pred.sense.confidence - 0.1 * nested, src, tgt, mod.value),
                ))
        return out

    def _recode_by_modality(self, d: Draft) -> None:
        """Refused or undone cooperation, and anything refused, is a rejection (CAMEO 12); an act announced for
        the future "unless" another acts is a threat; cooperation announced for the future is an intention to
        cooperate (PLOVER codes it AGREE). Conflict otherwise keeps its modality."""
        if d.modality == "negated" and d.plover in self.words.refused_cooperation:
            d.code, d.mode = self.words.refused_cooperation[d.plover]
            d.plover, d.modality = "REJECT", "asserted"
        elif d.modality == "negated" and d.extra.get("refused") and d.plover and d.plover != "REJECT":
            d.code, d.mode, d.plover, d.modality = "120", None, "REJECT", "asserted"  # "refused to deploy troops"
        elif (d.extra.get("condition") == "unless" and d.modality in ("future", "hypothetical")
              and d.plover not in ("THREATEN", "REQUEST")):
            # "will withdraw its force unless X agrees": a conditional act announced to make another yield
            d.code, d.mode, d.plover, d.modality = "130", None, "THREATEN", "asserted"
        elif (d.speech is None and d.modality == "future" and d.plover != "PROTEST"
              and (found := threat_code(d.plover, d.mode))):
            # PLOVER: an announced intention to do harm ("plans to impose restrictions", "is prepared to
            # impose martial law") is a threat; a bare "would ... if" outside reported speech is not
            d.code, d.mode = found
            d.plover, d.modality = "THREATEN", "asserted"
        elif d.modality == "future" and d.plover in self.words.intended_cooperation:
            d.code, d.plover, d.mode, d.modality = self.words.intended_cooperation[d.plover], "AGREE", None, "asserted"

    @staticmethod
    def _target_heads(tgt_toks: list[Token], pred: Predicate, pred_tokens) -> list[Token]:
        """Targets as actors: a date is never one ("on Monday"); an event noun stands for whoever carried it
        out ("condemned the Russian attack" targets Russia; "condemned the attack" has no target)."""
        out: list[Token] = []
        for t in tgt_toks:
            if t.ent_type_ in ("DATE", "TIME"):
                continue
            if t.i in pred_tokens and t.i != pred.token.i and t.pos_ == "NOUN":
                if pred.sense.plover_type in FRAMING_TYPES:
                    # "called for sanctions against Nigeria": what is asked for falls on Nigeria
                    # "demanded the withdrawal of Serbian forces": those who are to withdraw
                    # "conceded to demands from the residents": those who demanded
                    out.extend(g for p in ("against", "on", "to", "with", "of", "from") for g in prep_objects(t, p))
                else:
                    # sector from the event noun: see _drafts; "conceded to demands from the truckers": whose
                    out.extend(noun_sources(t, place_modifiers=True) or owners(t))
                continue
            out.append(t)
        return out

    def _unidentified_perpetrator(self, pred: Predicate, src_toks: list[Token], targets) -> tuple | None:
        """Conflict against political actors by nobody named ("three soldiers were killed by a roadside bomb",
        "the former president has been accused of fraud") has an unidentified source; an accident is not."""
        passive = pred.kind == "verb" and is_passive(pred.token)
        if lookup(pred.code).quad_class < 3 and not passive:
            return None  # "three Russians were released": a passive names the act even without its author
        if not any(a.country or a.sector for _, a in targets):
            return None
        sent = pred.token.sent
        if any(t.lemma_.lower() in self.patterns.accident_words for t in sent):
            return None
        causer = src_toks[0] if src_toks else pred.token
        text = phrase_span(causer).text if src_toks else ""
        if src_toks and (causer.pos_ == "PROPN" or causer.ent_type_ in PEOPLE_ENTITIES):
            return causer, Actor(text=text)  # somebody named whom we do not know: the text alone
        # PLOVER's sectors for actors nobody names: unidentified armed forces for violence, else unknown
        return causer, Actor(text=text, sector="UAF" if lookup(pred.code).plover_type == "ASSAULT" else "UNK")

    # ------------------------------------------------------------------ reported speech
    def _speaker(self, verb: Token, ctx, cache) -> Actor | None:
        for s in verb_subjects(verb):
            actor = self._actor(s, ctx, cache)
            if actor is not None:
                return actor
        return None

    def _speech_rules(self, drafts: list[Draft], ctx, cache) -> list[Draft]:
        out: list[Draft] = []
        accused: set[tuple[int, str]] = set()
        for d in drafts:
            if d.speech is None:
                out.append(d)
                continue
            speaker = self._speaker(d.speech, ctx, cache)
            if speaker is not None:
                d.attribution = speaker.name or speaker.text
            quad = lookup(d.code).quad_class
            if quad == 4 and d.modality in ("future", "hypothetical") and d.plover != "PROTEST":
                # a use of force (or another harm) announced for the future or on a condition is a threat
                d.code, d.mode = threat_code(d.plover, d.mode) or ("138", "violence")
                d.plover, d.modality = "THREATEN", "asserted"
                d.confidence = max(d.confidence - 0.05, 0.05)
                out.append(d)
                continue
            out.append(d)
            if (speaker is not None and quad >= 3 and d.modality == "asserted" and d.source.country
                    and speaker.country and speaker.country != d.source.country):
                key = (d.speech.i, d.source.code)
                if key not in accused:
                    accused.add(key)
                    out.append(Draft(
                        pred=d.pred, source=speaker, target=d.source, source_tok=d.speech, target_tok=d.source_tok,
                        modality="asserted", speech=None, code="112", mode="allege", plover="ACCUSE",
                        # below the reported act itself, which is what the sentence is about
                        confidence=confidence(0.4, speaker, d.source, "asserted"), evidence=d.speech,
                    ))
        return out

    def _demands(self, sent: Span, drafts: list[Draft], ctx, cache) -> list[Draft]:
        """"X said Y must withdraw": a statement that another party must or should act is a demand (CAMEO 100)
        by the speaker on that party."""
        out = []
        demanded = {(d.source_tok.i, d.target_tok.i if d.target_tok is not None else None)
                    for d in drafts if d.plover == "REQUEST"}
        for verb in sent:
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.words.speech_verbs:
                continue
            if not any(c.dep_ == "aux" and c.lower_ in self.words.obligation_aux for c in verb.children):
                continue
            speech = verb.head
            speaker_toks = verb_subjects(speech)
            speaker = self._speaker(speech, ctx, cache)
            addressees = [t for s in verb_subjects(verb) for t in with_conjuncts(s)]
            if speaker is None or not speaker_toks:
                continue
            for tok in addressees:
                actor = self._actor(tok, ctx, cache)
                if actor is None or not (actor.country or actor.sector) or actor.code == speaker.code:
                    continue
                if (speaker_toks[0].i, tok.i) in demanded:
                    continue
                pred = Predicate(speech, Sense(lemma=speech.lemma_.lower(), code="100"), "verb")
                out.append(Draft(pred=pred, source=speaker, target=actor, source_tok=speaker_toks[0],
                                 target_tok=tok, modality="asserted", speech=None, code="100", mode=None,
                                 plover="REQUEST", confidence=confidence(0.5, speaker, actor, "asserted")))
        return out

    # ------------------------------------------------------------------ dates, places, casualties
    def _finish(self, sent: Span, index: int, document: Document, ctx, drafts: list[Draft]) -> list[Event]:
        from tacitus.events.fatalities import find_fatalities
        from tacitus.time import find_dates

        drafted = {id(d.pred): d.pred for d in drafts}.values()
        pred_idx = {p.token.i for p in drafted} | {p.light.i for p in drafted if p.light is not None}
        light_of = {p.light.i: p.token.i for p in drafted if p.light is not None}
        text = sent.text
        dates: dict[int | None, tuple[str, str]] = {}
        relative: list[tuple[Token, int, int | None]] = []
        for m in find_dates(text, document.published):
            span = anchoring.char_span(sent, m.start, m.end)
            if span is None:
                continue
            own = anchoring.owner(span.root, pred_idx)
            own = light_of.get(own, own)
            if m.date is None and m.offset_days is not None:
                hinge = next((t for t in span if t.lower_ in ("after", "before", "since")), None)
                if hinge is not None:
                    relative.append((hinge, m.offset_days, own))
                continue
            if m.date is not None:
                dates[own] = anchoring.better_date(dates.get(own), (m.date, m.precision))
        for hinge, offset, own in relative:
            base = dates.get(own) or dates.get(None)
            if base is None:
                continue
            inside = anchoring.subtree_indices(hinge)
            for i in pred_idx & inside:
                if i not in dates:
                    dates[light_of.get(i, i)] = anchoring.shift_date(base[0], base[1], offset)

        for p in drafted:  # "spoke to X and invited Y": coordinated verbs share their time adverbials
            tok = p.head
            if p.token.i not in dates and tok.dep_ == "conj":
                base = dates.get(light_of.get(tok.head.i, tok.head.i))
                if base is not None:
                    dates[p.token.i] = base
        # a town struck by a material act is the act's place, not only its target: looked up once per draft
        struck = {id(d): span for d in drafts if d.target_tok is not None
                  and (span := self.places.struck(d.plover, d.target_tok)) is not None}
        actor_toks = anchoring.tokens_in(
            phrase_span(t) for d in drafts for t in (d.source_tok, d.target_tok)
            if t is not None and t.pos_ != "VERB" and not (t is d.target_tok and id(d) in struck))
        places: dict[int | None, Location] = {}
        place_text: dict[int | None, str] = {}  # the place as the sentence names it
        countries = context_countries(drafts)
        home = ctx.dominant_country() if hasattr(ctx, "dominant_country") else None
        if home and home not in countries:
            countries.append(home)  # the document's own country, after the sentence's actors
        for ent in [*sent.ents, *self.places.mislabelled(sent), *struck.values()]:
            if ent.label_ not in PLACE_ENTS or ent.start in actor_toks:
                continue
            own = anchoring.owner(ent.root, pred_idx)
            own = light_of.get(own, own)
            if own in places:
                continue
            loc = self.gazetteer.resolve(ent.text, countries=countries)
            if loc is not None:
                places[own] = loc
                place_text[own] = ent.text
        deaths: dict[int | None, int] = {}
        civilians: dict[int | None, bool] = {}
        for f in find_fatalities(text):
            span = anchoring.char_span(sent, f.start, f.end)
            own = anchoring.owner(span.root, pred_idx) if span is not None else None
            own = light_of.get(own, own)
            deaths[own] = max(deaths.get(own, 0), f.count)
            civilians[own] = civilians.get(own, False) or f.civilians
        assault_preds = {d.pred.token.i for d in drafts if d.plover == "ASSAULT"}
        if None in deaths and len(assault_preds) == 1:
            deaths.setdefault(next(iter(assault_preds)), deaths[None])
            civilians.setdefault(next(iter(assault_preds)), civilians.get(None, False))

        events = []
        attributed = according_to(sent)
        for d in drafts:
            key = d.pred.token.i
            date = dates.get(key) or dates.get(None)
            if date is None and document.published:
                date = (document.published[:10], "unknown")
            ev_tok = d.evidence or d.pred.token
            start = ev_tok.idx - sent.start_char
            end = start + len(ev_tok.text)
            if d.evidence is None and d.pred.light is not None:
                start = min(start, d.pred.light.idx - sent.start_char)
                end = max(end, d.pred.light.idx - sent.start_char + len(d.pred.light.text))
            info = lookup(d.code)
            location = places.get(key) or places.get(None)
            if location is not None:
                location = replace(location, basis="clause" if key in places else "sentence")
            source = placed(d.source, d.target, location)
            named_as = place_text.get(key if key in places else None)
            target = placed(d.target, source, location) or recipient_from_place(d.plover, source, location, named_as)
            if target is not None and not (target.country or target.sector) and location is not None \
                    and location.country and not target.name:
                target = replace(target, country=location.country)  # "shelled the village" in Idlib: Syria's
            attribution = d.attribution
            if attribution is None and attributed is not None:
                attribution = phrase_span(attributed).text
            ev_id = hashlib.sha1(
                f"{document.doc_id}|{index}|{start}|{d.source.code}|{d.target.code if d.target else ''}|{d.code}"
                .encode("utf-8")).hexdigest()[:16]
            events.append(Event(
                event_id=ev_id, doc_id=document.doc_id, sentence_index=index, sentence=text,
                evidence_start=start, evidence_end=end, plover_type=d.plover or "", plover_mode=d.mode,
                plover_contexts=[c.strip() for c in (info.plover_context or "").split(";") if c.strip()],
                cameo_code=d.code, goldstein=info.goldstein, quad_class=info.quad_class,
                source=source, target=target, date=date[0] if date else None,
                date_precision=date[1] if date else "unknown",
                location=location, fatalities=deaths.get(key),
                fatalities_civilians=bool(deaths.get(key)) and civilians.get(key, False),
                modality=d.modality, attribution=attribution, confidence=d.confidence,
                published=document.published, title=document.title, url=document.url,
                publisher=document.publisher, predicate=d.pred.sense.lemma,
            ))
        return unique_events(events)


def _adjective_sector(tok: Token, actor: Actor, sector: str) -> Actor:
    """"a Syrian attack": a bare country adjective on a military noun stands for that country's forces."""
    if tok.dep_ in ("amod", "compound", "nmod") and tok.pos_ in ("ADJ", "PROPN") and actor.country:
        if actor.sector in (None, "GOV") and actor.kb_id in (None, actor.country):
            return replace(actor, sector=sector)
    return actor
