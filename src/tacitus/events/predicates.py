"""Finding predicates in a parsed sentence: verbs of verbs.yaml, event nouns of nouns.yaml, light verbs and
verbs of going that carry event nouns, and the frames (requests, refusals, tolls) that decide which of them
are events of their own."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from tacitus.datafiles import read_yaml_mapping
from tacitus.events.arguments import ACTOR_ENTITIES, NOMINAL_SUBJECTS, phrase_span
from tacitus.events.modality import ModalityWords
from tacitus.events.ontology import lookup
from tacitus.events.patterns import PatternBook, Sense

FRAMING_TYPES = {"REQUEST", "AGREE", "THREATEN"}  # their complement is the content of the act, not an event
ACTOR_SENTINEL = "*actor"  # obj: the direct object must name an actor
ANY_SENTINEL = "*any"  # obj: the verb must have a direct object, whatever it is

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

    def __post_init__(self) -> None:
        self.code = self.code or self.sense.code
        self.mode = self.mode if self.mode is not None else self.sense.plover_mode

    @property
    def head(self) -> Token:
        """The token whose modality governs the event (the light verb when there is one)."""
        return self.light if self.light is not None else self.token


@functools.lru_cache(maxsize=1)
def _mode_cues() -> dict[str, dict[str, dict]]:
    """PLOVER type -> mode -> {code, words, plover, anywhere} (events/data/mode_cues.yaml)."""
    text = resources.files("tacitus.events").joinpath("data/mode_cues.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader) or {}
    return {ptype: {mode: {"code": str(spec["code"]), "words": frozenset(spec["words"]),
                           "plover": spec.get("plover"), "anywhere": str(spec.get("anywhere")).lower() == "true"}
                    for mode, spec in modes.items()}
            for ptype, modes in data.items()}


def threat_code(ptype: str | None, mode: str | None) -> tuple[str, str | None] | None:
    """CAMEO code and PLOVER mode of a threat to carry out a negative act of this type and mode ("plans to
    impose restrictions" -> 137 restrict), from framing.yaml's THREATEN table; None for other acts."""
    table = _framing().get("THREATEN", {})
    return table.get(f"{ptype}:{mode}") or table.get(ptype or "")


@functools.lru_cache(maxsize=1)
def _framing() -> dict[str, dict[str, tuple[str, str | None]]]:
    data = read_yaml_mapping(resources.files("tacitus.events").joinpath("data/framing.yaml"))
    return {frame: {k: (str(v[0]), v[1]) for k, v in table.items()} for frame, table in data.items()}


class PredicateFinder:
    """Finds a sentence's predicates with their senses, and which of them are events of their own."""

    def __init__(self, patterns: PatternBook, words: ModalityWords) -> None:
        self.patterns = patterns
        self.words = words

    def find(self, sent: Span) -> tuple[list["Predicate"], list["Predicate"]]:
        """All predicates, and those that are events of their own (framed complements, tolls of an attack and
        refusal verbs are not; a framing act takes its precise code from what it frames)."""
        preds = self.find_predicates(sent)
        framed = [p for p in preds if self._is_requested(p, preds)]
        for pred in framed:
            self._refine_frame(pred, preds)
        active = [p for p in preds if p not in framed
                  and not (self._is_consequence(p, preds) or self._is_refusal_frame(p, preds)
                           or self._is_protest_purpose(p, preds))]
        return preds, active

    def find_predicates(self, sent: Span) -> list[Predicate]:
        preds: list[Predicate] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ == "VERB" and tok.dep_ != "amod":
                senses = self.patterns.verbs.get(verb_lemma(tok, self.patterns.verbs))
                sense = self._match_verb(tok, senses) if senses else None
                if sense is not None:
                    preds.append(Predicate(tok, sense, "verb"))
                    consumed.update(d.i for d in tok.children if d.dep_ == "dobj" and d.lemma_.lower() in sense.obj)
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.i not in consumed:
                senses = self.patterns.nouns.get(tok.lemma_.lower())
                light = self._carrier(tok)
                sense = self._match_noun(tok, senses, carried=light is not None) if senses else None
                if sense is None:
                    continue
                if light is not None and any(p.token.i == light.i for p in preds):
                    light = None  # the verb is an event of its own ("discussed the attack")
                preds.append(Predicate(tok, sense, "noun", light=light))
        for pred in preds:
            self._apply_mode_cues(pred)
        return preds

    def _is_consequence(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"attacked the post, killing four soldiers": the participle reports the toll of the attack (its
        death count goes to the attack), not a second event."""
        tok = pred.token
        if pred.kind != "verb" or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj"):
            return False
        if tok.lemma_.lower() not in self.patterns.consequence_verbs:
            return False
        return any(p.token.i == tok.head.i and lookup(p.code).quad_class == 4 for p in preds)

    @staticmethod
    def _is_protest_purpose(pred: Predicate, preds: list[Predicate]) -> bool:
        """"staged demonstrations to demand reforms": the demand is what the protest is for (its target comes
        from it), not a second event."""
        tok = pred.token
        if pred.kind != "verb" or pred.sense.plover_type not in ("REQUEST", "ACCUSE", "PROTEST") \
                or tok.dep_ not in ("advcl", "xcomp", "acl"):
            return False
        return any(p.sense.plover_type == "PROTEST" and p is not pred
                   and tok.head.i in (p.token.i, p.light.i if p.light is not None else -1) for p in preds)

    def _is_refusal_frame(self, pred: Predicate, preds: list[Predicate]) -> bool:
        """"refused to meet": the refusal is carried by the coded complement (a REJECT), not a second event."""
        if pred.kind != "verb" or pred.token.lemma_.lower() not in self.words.negating_verbs:
            return False
        return any(p.token.head.i == pred.token.i and p.token.dep_ in ("xcomp", "ccomp") for p in preds)

    @staticmethod
    def _is_requested(pred: Predicate, preds: list[Predicate]) -> bool:
        """"urged Ethiopia to allow aid", "offered to mediate", "threatened to strike", "is considering sending
        aid": the complement is what is asked, promised, threatened or weighed; the governing act is the event
        (or, for CAMEO 01 statements, there is none)."""
        tok = pred.head  # the light verb for "promised to continue aid"
        if tok.dep_ == "xcomp":  # "urged X to withdraw": a verb frames its infinitive
            return any(p.token.i == tok.head.i and p.kind == "verb"
                       and (p.sense.plover_type in FRAMING_TYPES or p.code.startswith("01")) for p in preds)
        if tok.dep_ in ("ccomp", "acl"):  # "its demand that Israel ease restrictions": a noun frames its clause
            return any(p.token.i == tok.head.i and p.kind == "noun" and p.sense.plover_type in FRAMING_TYPES
                       for p in preds)
        return False

    @staticmethod
    def _refine_frame(framed: Predicate, preds: list[Predicate]) -> None:
        """Give the framing act the precise code of what it frames: "urged Israel to withdraw" is an appeal
        to yield (025), "threatened to arrest" a threat of repression (137, mode arrest)."""
        frame = next(p for p in preds if p.token.i == framed.head.head.i)
        frame.framed = framed
        table = _framing().get(frame.sense.plover_type or "", {})
        ftype, fmode = framed.sense.plover_type, framed.mode
        found = table.get(f"{ftype}:{fmode}") or table.get(ftype or "")
        if found:
            frame.code, frame.mode = found

    def _match_verb(self, tok: Token, senses: tuple[Sense, ...]) -> Sense | None:
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        # a preposition that selects a sense comes after the verb ("called on Iran", not "On Monday, X called")
        preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.i > tok.i
                 and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)}
        dobj = direct_object(tok)
        has_complement = any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)
        for s in senses:
            if s.particle and s.particle not in particles:
                continue
            if s.complement and not has_complement:
                continue
            if s.prep and s.prep not in preps:
                continue
            if s.subject and not any(object_lemmas(c) & set(s.subject) for c in tok.children
                                     if c.dep_ in NOMINAL_SUBJECTS):
                continue
            if s.obj:
                if dobj is None:
                    continue
                if ANY_SENTINEL in s.obj:
                    pass
                elif ACTOR_SENTINEL in s.obj:
                    if dobj.pos_ == "NOUN" and any(c.dep_ == "poss" for c in dobj.children):
                        continue  # "welcomed Reagan's statement": a thing of an actor, not the actor
                    if not any(t.ent_type_ in ACTOR_ENTITIES or t.pos_ == "PROPN"
                               for t in phrase_span(dobj)):
                        continue
                elif not (self._object_words(dobj) & set(s.obj)):
                    continue
            if not s.particle and particles - {"up", "down"} and s.lemma in ("call", "pull", "carry"):
                continue
            return s
        return None

    def _object_words(self, dobj: Token) -> set[str]:
        """The object's lemmas; an event noun is its own object ("announced a suspension of aid" is about a
        suspension, not aid), so its "of" complement does not count."""
        if dobj.lemma_.lower() in self.patterns.nouns:
            return {dobj.lemma_.lower()} | {c.lemma_.lower() for c in dobj.children if c.dep_ in ("compound", "amod")}
        return object_lemmas(dobj)

    def _match_noun(self, tok: Token, senses: tuple[Sense, ...], carried: bool) -> Sense | None:
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
        for s in senses:
            if s.carried and not carried:
                continue
            if s.modifiers and not (mods & set(s.modifiers)):
                continue
            if s.prep and s.prep not in preps:
                continue
            return s
        return None

    def _carrier(self, noun: Token) -> Token | None:
        """The verb that carries an event noun: a light verb taking it as object ("launched an assault") or a
        verb of going or taking part taking it after "on"/"for"/"in" ("arrived on a visit", "returned for talks",
        "engaged in ethnic cleansing")."""
        head = noun.head
        if (noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB"
                and verb_lemma(head, self.patterns.light_verbs) in self.patterns.light_verbs):
            return head  # "launched an assault"; "the war game was staged by US marines"
        if noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head.lemma_.lower()
            if head.lower_ in ("on", "for", "in") and verb in self.patterns.motion_verbs:
                return head.head
            if head.lower_ == "as" and verb in self.patterns.as_verbs:
                return head.head
        return None

    def _apply_mode_cues(self, pred: Predicate) -> None:
        cues = _mode_cues().get(pred.sense.plover_type or "")
        if not cues:
            return
        words = {c.lemma_.lower() for c in pred.token.children if c.dep_ in ("compound", "amod")}
        everywhere: set[str] = set()
        for head in (pred.token, pred.light):
            if head is None:
                continue
            for tok in head.subtree:  # "spoke to his counterpart Erdogan over the phone" attaches anywhere
                everywhere.add(tok.lemma_.lower())
                if tok.dep_ == "prep" and tok.lower_ in ("over", "by", "via"):
                    words.update(g.lemma_.lower() for g in tok.children if g.dep_ == "pobj")
        for mode, cue in cues.items():
            if (everywhere if cue["anywhere"] else words) & cue["words"]:
                pred.mode, pred.code = mode, cue["code"]
                pred.plover = cue["plover"] or pred.plover
                if cue["plover"]:
                    pred.mode = None
                return


def verb_lemma(tok: Token, known) -> str:
    """The verb's lemma, or the base form its inflection points to when the tagger's lemma is unknown to
    ``known`` and that base form is known (the small model lemmatises "staged" as "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    if lemma.startswith("re-") and lemma[3:] in known:
        return lemma[3:]  # "re-open the border" opens it again
    low = tok.lower_
    guesses: list[str] = []
    if low.endswith("ed"):
        guesses = [low[:-1], low[:-2], low[:-3], low[:-3] + "y" if low.endswith("ied") else ""]
    elif low.endswith("ing"):
        guesses = [low[:-3], low[:-3] + "e", low[:-4]]
    elif low.endswith("s"):
        guesses = [low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else ""]
    return next((g for g in guesses if g and g in known), lemma)


def direct_object(verb: Token) -> Token | None:
    """The direct object; the small English model often reads "called Lavrov" as an object predicate (oprd),
    which counts when there is no other object."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if objs:
        return objs[0]
    # "kidnapped up to 16 advisers": the parser reads "up" as a particle and "to" as a preposition
    for prt in (c for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"):
        for to in (c for c in list(prt.children) + list(verb.children) if c.dep_ == "prep" and c.lower_ == "to"):
            for pobj in (g for g in to.children if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)):
                return pobj
    return next((c for c in verb.children if c.dep_ == "oprd"), None)


def object_lemmas(dobj: Token) -> set[str]:
    """Lemmas naming a direct object: its head, compounds and an "of" complement ("right of self-defense")."""
    out = {dobj.lemma_.lower()}
    for c in dobj.children:
        if c.dep_ in ("compound", "amod"):
            out.add(c.lemma_.lower())
        elif c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.add(g.lemma_.lower())
                    out.update(x.lemma_.lower() for x in g.children if x.dep_ == "compound")
    return out
