"""Modality and attribution of a predicate: asserted, negated, future or hypothetical, and who says so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.tokens import Token

from tacitus.datafiles import read_yaml_mapping
from tacitus.events.grammar import Grammar

# How far the walks go: from a predicate up to the verbs that govern its modality, and up to a verb of saying.
MAX_GOVERNOR_HOPS = 6
MAX_SPEECH_HOPS = 8


@dataclass(frozen=True)
class ModalityWords:
    speech_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    acknowledging_verbs: frozenset[str]
    reaction_nouns: frozenset[str]
    not_yet_verbs: frozenset[str]
    not_yet_marks: frozenset[str]
    refusal_verbs: frozenset[str]
    document_nouns: frozenset[str]
    allegation_nouns: frozenset[str]
    alleging_verbs: frozenset[str]
    topic_verbs: frozenset[str]
    topic_preps: frozenset[str]
    warning_verbs: frozenset[str]
    warning_preps: frozenset[str]
    manner_nouns: frozenset[str]
    request_nouns: frozenset[str]
    irrealis_marks: frozenset[str]
    preventing_verbs: frozenset[str]
    preventing_preps: frozenset[str]
    cancelling_verbs: frozenset[str]
    ceasing_verbs: frozenset[str]
    capability_adjectives: frozenset[str]
    incapability_adjectives: frozenset[str]
    purpose_participles: frozenset[str]
    perception_verbs: frozenset[str]
    habitual_adverbs: frozenset[str]
    habitual_determiners: frozenset[str]
    habitual_times: frozenset[str]
    custom_adjectives: frozenset[str]
    provision_nouns: frozenset[str]
    provision_verbs: frozenset[str]
    unrealised_modifiers: frozenset[str]
    standing_adverbs: frozenset[str]
    custom_adverbs: frozenset[str]
    capability_nouns: frozenset[str]
    using_verbs: frozenset[str]
    unrealised_marks: frozenset[str]
    future_verbs: frozenset[str]
    wishing_verbs: frozenset[str]
    requesting_verbs: frozenset[str]
    mandative_verbs: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditional_marks: frozenset[str]
    threatening_conditions: frozenset[str]
    future_adjectives: frozenset[str]
    future_nouns: frozenset[str]
    negating_nouns: frozenset[str]
    possibility_nouns: frozenset[str]
    nobody_subjects: frozenset[str]
    refusal_nouns: frozenset[str]
    obligation_aux: frozenset[str]
    lifted_marks: frozenset[str]
    generic_addressees: frozenset[str]
    praise_words: frozenset[str]
    blame_words: frozenset[str]
    blame_adverbs: frozenset[str]
    naming_verbs: frozenset[str]
    judging_verbs: frozenset[str]
    unwilling_adjectives: frozenset[str]
    condition_verbs: frozenset[str]
    condition_preps: frozenset[str]
    threat_cues: frozenset[str]
    deed_verbs: frozenset[str]
    deed_nouns: frozenset[str]
    judged_processes: dict  # a public process -> the sector of the organ that runs it
    unjudged_process_words: frozenset[str]
    denial_verbs: frozenset[str]
    refused_cooperation: dict  # PLOVER type -> (CAMEO code, PLOVER mode or None)
    intended_cooperation: dict  # PLOVER type -> CAMEO code
    act_time_preps: frozenset[str] = frozenset()
    upcoming_marks: frozenset[str] = frozenset()
    charged_verbs: frozenset[str] = frozenset()  # a speaker telling these of another accuses them
    lacking_preps: frozenset[str] = frozenset()  # "without the cabinet's backing": an act not done
    record_nouns: frozenset[str] = frozenset()  # what shows an act: a video, a photo, a screenshot ...
    faked_words: frozenset[str] = frozenset()  # ... made out to be fake: the act it shows did not happen

    @classmethod
    def load(cls, path: str | Path | Traversable | None = None) -> "ModalityWords":
        """The words of a modality file; the English ones shipped with the package by default."""
        data = read_yaml_mapping(path or resources.files("tacitus.events").joinpath("data/modality.yaml"))
        tables = {"refused_cooperation": {k: (str(v[0]), v[1]) for k, v in data["refused_cooperation"].items()},
                  "intended_cooperation": {k: str(v) for k, v in data["intended_cooperation"].items()},
                  "judged_processes": {str(k).lower(): str(v) for k, v in data["judged_processes"].items()}}
        words = {k: frozenset(str(w).lower() for w in data[k]) for k in cls.__dataclass_fields__ if k not in tables}
        return cls(**words, **tables)


@dataclass(frozen=True)
class Modality:
    value: str  # asserted, negated, future, hypothetical
    speech_verb: Token | None  # the verb of saying this predicate is reported under, if any
    refused: bool = False  # negated by a verb of refusal ("refused to deploy"), not by a bare "not"
    denied: bool = False  # negated by its actor's denial ("Iran denies sending troops"): a denial, told as done
    alleged: bool = False  # hypothetical because somebody is accused of it ("accused X of attacking") or it is
    # only spoken of ("talked about attacking"): told of, not announced
    kept_from: bool = False  # negated, but not refused by its actor: kept from it ("prevented X from attacking"),
    # or the purpose of an act denied ("denies sending forces to help Assad")
    condition: str | None = None  # the mark of a condition on it ("unless", "if")


class ModalityReader:
    """Reads a predicate's modality from the verbs, nouns and auxiliaries that govern it."""

    def __init__(self, words: ModalityWords, grammar: Grammar) -> None:
        self.words, self.g = words, grammar

    def _faked_record(self, pred: Token) -> bool:
        """Whether the act is what a record shows that is made out to be fake: "a video showing soldiers beating a
        man was fake", "a photo of troops burning a village was doctored", "a fabricated screenshot of the arrest"
        (modality.yaml record_nouns, faked_words; grammar labels record_climb)."""
        words, labels, tok = self.words, self.g.labels, pred
        for _ in range(MAX_GOVERNOR_HOPS):
            if tok.dep_ not in labels.record_climb or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.lemma_.lower() in words.record_nouns and tok.pos_ in self.g.tags.noun:
                break
        else:
            return False
        said = [c for c in tok.children if c.dep_ in labels.adjective]  # "a fake video"
        if tok.dep_ in labels.nominal_subject:  # "was fake", "was a fabrication", "was doctored"
            said += [tok.head] + [c for c in tok.head.children if c.dep_ in labels.adjective_complement
                                  or (c.dep_ in labels.attribute and tok.head.lemma_.lower() in self.g.words.copulas)]
        return any(t.lower_ in words.faked_words and not any(c.dep_ in labels.negation for c in t.children)
                   for t in said) and not any(c.dep_ in labels.negation for c in tok.head.children)

    def _own(self, tok: Token) -> str | None:
        words, labels, fn = self.words, self.g.labels, self.g.words
        for c in tok.children:
            if c.dep_ in labels.subject and (c.lower_ in words.nobody_subjects or any(
                    d.dep_ in labels.determiner and d.lower_ in fn.negative_determiners for d in c.children)):
                return "negated"  # "no armies marched", "none of the parties signed"
        for c in tok.children:
            low = c.lower_
            if c.dep_ in labels.negation or (c.dep_ in labels.determiner and low in fn.negative_determiners
                                             and tok.pos_ in self.g.tags.noun):
                return "negated"
            if c.dep_ in labels.condition_mark and (low in words.conditional_marks or (
                    low in words.unrealised_marks and tok.tag_ in self.g.tags.present_forms)):
                return "hypothetical"  # (and "until it recognizes Israel": told in the present, still to come)
        if self._asks(tok) or self._imperative(tok):
            return "hypothetical"
        return self._auxiliary(tok)

    def _imperative(self, verb: Token) -> bool:
        """A bare verb heading its sentence, or a clause quoted before the verb that says it, with no subject or
        auxiliary: a command ("Strip him," he said; "Release the prisoners, the opposition demanded"), no act told."""
        labels = self.g.labels
        if verb.tag_ not in self.g.tags.bare_verb or not (verb.head.i == verb.i or (
                (verb.dep_ in labels.clausal_complement or verb.dep_ in labels.adverbial_clause)
                and verb.i < verb.head.i)):
            return False
        return not any(c.dep_ in labels.subject or c.dep_ in labels.auxiliary or c.dep_ in labels.passive_subject
                       or c.dep_ in labels.condition_mark for c in verb.children)

    def negated(self, tok: Token) -> bool:
        """Whether a word is negated by its own dependents ("did not make", "no armies marched", "no mistake")."""
        return self._own(tok) == "negated"

    def habitual(self, verb: Token) -> bool:
        """A verb with an adverb of custom ("routinely beat") or, in the present or the perfect, of habit ("has
        often fired", "are arrested every other week"); or a standing state told in the simple present ("currently
        deploys"). Such a verb tells no single act (hypothetical)."""
        labels, tags, words = self.g.labels, self.g.tags, self.words
        adverbs = {c.lower_ for c in verb.children if c.dep_ in labels.adverb}
        if adverbs & words.custom_adverbs:
            return True
        if verb.pos_ in tags.noun and {c.lower_ for c in verb.children if c.dep_ in labels.adjective} \
                & words.custom_adjectives:
            return True  # "pays frequent visits to the capital", "routine patrols"
        if verb.tag_ in tags.present_forms and verb.lemma_.lower() in words.provision_verbs and any(
                c.dep_ in labels.nominal_subject and c.lemma_.lower() in words.provision_nouns for c in verb.children):
            return True  # "UN resolutions bar the North from missile tests": a standing provision
        if adverbs & words.standing_adverbs and verb.pos_ in tags.verb and verb.tag_ in tags.present_forms:
            return True  # "currently deploys interceptors": a standing state (not "are currently detained")
        every = any(c.lemma_.lower() in words.habitual_times and any(
            d.lower_ in words.habitual_determiners for d in c.children) for c in verb.children)
        if not adverbs & words.habitual_adverbs and not every:
            return False
        perfect = any(c.dep_ in labels.auxiliary and c.lemma_.lower() == "have" for c in verb.children)
        return perfect or verb.tag_ in tags.present_forms or any(  # ("are being arrested", "is often shelled")
            c.dep_ in labels.auxiliary and c.tag_ in tags.present_forms for c in verb.children)

    def _asks(self, verb: Token) -> bool:
        """A yes/no question: the clause opens with its auxiliary before the subject and ends in a question mark
        ("Will the airstrikes stop Gaddafi?", "Did Russia attack?"). A question of who, why or how ("Why did
        Russia attack?") takes the act as done."""
        labels, fn = self.g.labels, self.g.words
        if not any(c.lower_ in fn.question_marks for c in verb.children):
            return False
        subjects = [c.i for c in verb.children if c.dep_ in labels.subject or c.dep_ in labels.passive_subject]
        auxiliaries = [c for c in verb.children if c.dep_ in labels.auxiliary]
        first = next((t for t in verb.subtree if not t.is_punct), None)
        return bool(subjects and auxiliaries and first is not None) and first.i == auxiliaries[0].i < min(subjects)

    def _auxiliary(self, tok: Token) -> str | None:
        """What a verb's auxiliaries make of it: "would", "hypothetical" ("could", "must") or "future" ("will")."""
        words, labels, fn = self.words, self.g.labels, self.g.words
        for c in tok.children:
            if c.dep_ in labels.auxiliary:
                if c.lower_ in fn.past_future_aux:
                    return "would"  # future in the past when reported ("said it would help"), else hypothetical
                if c.lower_ in words.hypothetical_aux and not self._perceived(tok):
                    return "hypothetical"
                if c.lower_ in words.future_aux or (c.lower_ in fn.going
                                                    and any(g.lower_ in fn.infinitive_marks for g in c.children)):
                    return "future"
        return None

    def _perceived(self, verb: Token) -> bool:
        """A passive verb of perception ("can be seen beating protesters", "could be heard firing"): what is seen
        is told as done, whatever the auxiliary."""
        return verb.lemma_.lower() in self.words.perception_verbs and any(
            c.dep_ in self.g.labels.passive_marks for c in verb.children)

    def of(self, pred: Token) -> Modality:
        """Walk from the predicate up through the verbs that govern it, stopping at a verb of saying. The purpose
        of an act denied or not done ("denies sending forces to help Assad") is not done either, but nobody
        refused it."""
        found = self._walk(pred)
        if found.value == "negated" and pred.dep_ in self.g.labels.adverbial_clause and self.g.to_infinitive(pred):
            return replace(found, kept_from=True)
        return found

    def _walk(self, pred: Token) -> Modality:
        words, labels, tags = self.words, self.g.labels, self.g.tags
        value = "asserted"
        tok = pred
        hops = 0
        conjunct = False  # arrived at tok from a conjunct of it: its governors apply, its own auxiliaries do not,
        shared = False  # unless the conjunct is a bare verb with none of its own ("could ask and have talks")
        occurring = False  # read from the verb saying a noun's act happens: "did not take place" is refused by nobody
        if pred.pos_ in tags.noun and self._upcoming(pred):
            return Modality("hypothetical", self.speech_above(pred))  # "ahead of an EU summit": not told as held
        if pred.head.lower_ in words.lacking_preps and (pred.dep_ in labels.prep_object
                                                        or pred.dep_ in labels.prep_clause):
            return Modality("negated", self.speech_above(pred), kept_from=True)  # "without the cabinet's backing"
        if self._faked_record(pred):
            return Modality("negated", self.speech_above(pred), kept_from=True)  # "a video showing X was fake"
        while True:
            if tok.dep_ in labels.relative_clause and tok.head.lemma_.lower() in words.manner_nouns:
                return Modality("hypothetical", self.speech_above(tok.head))  # "the way he talks to them"
            own = None if conjunct and not shared else self._own(tok)
            if own == "negated":
                return Modality("negated", self.speech_above(tok), kept_from=occurring)
            if not (conjunct and not shared) and self.habitual(tok):
                # "the North has habitually slammed joint exercises": a habit told of, no one act and no threat
                return Modality("hypothetical", self.speech_above(tok), alleged=True)
            if own and value == "asserted":
                value = own
            if tok is pred and pred.pos_ in tags.noun and (tok.dep_ in labels.subject or tok.dep_ in labels.object) \
                    and tok.head.pos_ in tags.verbal and tok.head.lemma_.lower() in words.ceasing_verbs \
                    and self._unrealised(tok.head):
                # "attacks on schools must stop", "urged all parties to stop attacks": asked to end, no new act
                return Modality("negated", self.speech_above(tok.head), kept_from=True)
            # the act noun itself as a verb's subject ("fighting could reach", "a shooting could occur")
            noun_subject = tok is pred and pred.pos_ in tags.noun and tok.dep_ in labels.subject \
                and tok.head.i != tok.i and tok.head.pos_ in tags.verbal
            if noun_subject and not self._happens(tok.head) and self._unknown_act(tok) \
                    and (aux := self._auxiliary(tok.head)) in ("future", "hypothetical"):
                # "fighting could reach the city", "a strike will paralyse the port": an act told as what it may do
                # (not "the recent riots could hurt the economy", "the attack could have been revenge": told acts;
                # nor "protests would later spread": a story's later events)
                return Modality(aux, self.speech_above(tok.head))
            if noun_subject and self._happens(tok.head):
                tok, hops, occurring = tok.head, hops + 1, True  # "a shooting could occur": as real as its occurring
                continue
            if tok.dep_ in labels.relative_clause and self.g.to_infinitive(tok) and tok.head.dep_ in labels.object \
                    and self._lemma_in(tok.head.head, words.requesting_verbs):
                # "pressuring the president to resign", parsed as a relative clause of the one asked: asked of him
                return Modality("hypothetical", self.speech_above(tok.head.head))
            if tok.dep_ in labels.relative_clause and self.g.to_infinitive(tok) and tok.head.pos_ in tags.noun \
                    and tok.head.lemma_.lower() in words.request_nouns:
                # "rejected calls to send troops", parsed as a relative clause of the call: asked, not done
                return Modality("hypothetical", self.speech_above(tok.head))
            if tok.dep_ not in labels.modality_climb or tok.head.i == tok.i or hops > MAX_GOVERNOR_HOPS:
                break
            dep = tok.dep_
            head = tok.head
            if dep in labels.clausal_complement and self._other_subject(tok, head) and (
                    self._lemma_in(head, words.wishing_verbs) or self._lemma_in(head, words.requesting_verbs)
                    or any(c.dep_ in labels.object and c.lemma_.lower() in words.request_nouns for c in head.children)):
                # ("reiterated its demand that Israel ease restrictions": the clause the parser hangs on the verb
                # is the demand's)
                # "he hopes the public will support the project", "demanded that Israel withdraw": somebody
                # else's act, only wished for or asked ("never thought a bombing would happen": not even that)
                return Modality("negated" if self._own(head) == "negated" else "hypothetical", self.speech_above(head))
            if dep in labels.clausal_complement and self._lemma_in(head, words.mandative_verbs) \
                    and self._bare_with_one(tok) and self._other_subject(tok, head):
                # "suggested the party boycott the session", "insisted that Hamas release the hostages": the bare
                # verb says what is proposed, not what was done ("suggested the militants attacked": a report)
                return Modality("hypothetical", self.speech_above(head))
            if dep in labels.clausal_complement and head.lemma_.lower() in words.speech_verbs:
                return Modality("future" if value == "would" else value, head)
            if dep in labels.complement and head.pos_ in tags.verbal:
                lemma = head.lemma_.lower()
                if lemma in words.negating_verbs:
                    # "denies sending troops" (its own act: active, with no subject of its own), not "denied that
                    # police had beaten protesters" nor "denied being detained by police" (another's)
                    own_act = tok is pred and not any(c.dep_ in labels.subject or c.dep_ in labels.passive_marks
                                                      for c in tok.children)
                    return Modality("negated", self.speech_above(head), refused=lemma in words.refusal_verbs,
                                    denied=lemma in words.denial_verbs and own_act)
                if lemma in words.not_yet_verbs and self.g.to_infinitive(tok) and any(
                        c.lower_ in words.not_yet_marks for c in head.children if c.dep_ in labels.adverb):
                    return Modality("negated", self.speech_above(head))  # "has yet to sign the deal"
                if f"{lemma} to" in words.obligation_aux and self.g.to_infinitive(tok) and not self._done(head):
                    return Modality("hypothetical", self.speech_above(head))  # "Egypt needs to free them" (not "had")
                if lemma in words.future_verbs and value == "asserted":
                    value = "future"
            if dep in labels.intention_links and head.lower_ in words.incapability_adjectives:
                return Modality("negated", self.speech_above(head))  # "has been unable to convince them"
            if dep in labels.intention_links and (head.lemma_.lower() in words.capability_adjectives
                                                   or head.lower_ in words.capability_adjectives) \
                    and not self._told_past(head):
                return Modality("hypothetical", self.speech_above(head))  # "are better placed to convict"
            if dep in labels.intention_links and head.lower_ in words.purpose_participles and (
                    head.dep_ in labels.modifier or head.dep_ in labels.noun_clause
                    or any(c.dep_ in labels.passive_marks for c in head.children)):
                # "is designed to shoot down missiles", "a system built to strike"; not "she intended to act". A
                # purpose told of is announced by nobody: no threat ("the bomb was meant to kill the mayor")
                return Modality("hypothetical", self.speech_above(head), alleged=True)
            if dep in labels.noun_clause and head.pos_ in tags.noun and head.lemma_.lower() in words.capability_nouns \
                    and not (head.head.pos_ in tags.verbal and head.head.lemma_.lower() in words.using_verbs):
                return Modality("hypothetical", self.speech_above(head))  # "the power to ban strikes"
            if dep in labels.adverbial_clause and self.g.to_infinitive(tok) \
                    and head.lemma_.lower() not in words.using_verbs and any(
                        c.dep_ in labels.object and c.lemma_.lower() in words.capability_nouns for c in head.children):
                return Modality("hypothetical", self.speech_above(head))  # "gives police more power, to ban strikes"
            if dep in labels.intention_links and head.lemma_.lower() in words.future_adjectives \
                    and value == "asserted":
                value = "future"  # "is willing to withdraw", "is committed to opening"
            if dep in labels.intention_links and head.lemma_.lower() in words.unwilling_adjectives and tok is pred:
                # "was unwilling to commit more funds" (not what the act is done to: "reluctant to criticise the
                # crackdown" tells of a real crackdown)
                return Modality("negated", self.speech_above(head))
            if tok is pred and pred.pos_ in tags.noun and dep in labels.object and head.pos_ in tags.verbal \
                    and self._phrasal(head) in words.cancelling_verbs:
                # "banned protests", "called off the strike", "postponed the talks": what is stopped did not happen
                return Modality("negated", self.speech_above(head))
            if dep in labels.preposition and head.pos_ in tags.verbal and head.lemma_.lower() in words.alleging_verbs \
                    and tok is not pred:
                if self._known_act(pred, tok):
                    break  # "blamed for the kidnapping of two aid workers": it took place; only who did it is alleged
                # "accused Cuba of carrying out attacks": what one is accused of is alleged
                return Modality("hypothetical", self.speech_above(head), alleged=True)
            if dep in labels.preposition and head.pos_ in tags.verbal and tok.lower_ in words.preventing_preps \
                    and head.lemma_.lower() in words.preventing_verbs and tok is not pred:
                # "prevented the protesters from attacking the embassy": kept from it, it did not happen
                return Modality("negated", self.speech_above(head), kept_from=True)
            if dep in labels.preposition and head.pos_ in tags.verbal and head.lemma_.lower() in words.topic_verbs \
                    and tok.lower_ in words.topic_preps and tok is not pred and pred.tag_ in tags.gerund:
                # "talked about shooting up the school": an act only spoken or thought of
                return Modality("hypothetical", self.speech_above(head), alleged=True)
            if dep in labels.preposition and head.pos_ in tags.verbal and head.lemma_.lower() in words.condition_verbs \
                    and tok.lower_ in words.condition_preps and tok is not pred:
                return Modality("hypothetical", self.speech_above(head))  # "hinges on the union reaching a deal"
            if dep in labels.preposition and head.pos_ in tags.verbal and head.lemma_.lower() in words.warning_verbs \
                    and tok.lower_ in words.warning_preps and tok is not pred:
                # "warned Israel against attacking Iran": what one warns against has not happened
                return Modality("hypothetical", self.speech_above(head), alleged=True)
            if dep in labels.preposition and head.pos_ in tags.noun and head.lemma_.lower() in words.possibility_nouns:
                return Modality("hypothetical", self.speech_above(head))  # "fears of an attack"
            if dep in labels.preposition and head.pos_ in tags.noun and head.lemma_.lower() in words.reaction_nouns:
                break  # "dropped plans for a rally over the shooting": the shooting took place
            if dep in labels.noun_content and head.pos_ in tags.noun and head.lemma_.lower() in words.allegation_nouns:
                # "denied charges that it tortured a priest": alleged, and here denied
                denied = head.head.lemma_.lower() in words.negating_verbs
                # (a charge rejected tells an act not done, not one refused: "rejected claims that it aided the
                # rebels" is no refusal of aid; the denial itself is the denying verb's own event)
                return Modality("negated" if denied else "hypothetical", self.speech_above(head), alleged=not denied,
                                kept_from=denied)
            if dep in labels.noun_clause and head.pos_ in tags.noun and head.lemma_.lower() in words.negating_nouns:
                # "the government's refusal to accept independence"
                return Modality("negated", self.speech_above(head),
                                refused=head.lemma_.lower() in self.words.refusal_nouns)
            if (dep in labels.noun_clause or dep in labels.adverbial_clause) and self.g.to_infinitive(tok) and (
                    head.pos_ in tags.noun and head.lemma_.lower() in words.request_nouns
                    or any(c.dep_ in labels.condition_mark and c.lower_ in words.irrealis_marks for c in tok.children)):
                # "calls for Assad to step down", "pushed for the army to withdraw": asked or wanted, not done
                return Modality("hypothetical", self.speech_above(head))
            if dep in labels.adverbial_clause and self.g.to_infinitive(tok) and any(
                    (c.dep_ in labels.object or c.dep_ in labels.passive_subject)
                    and c.lemma_.lower() in words.request_nouns for c in head.children):
                # "issued an order to search the houses", "an order was passed to detain him": what is ordered
                return Modality("hypothetical", self.speech_above(head))
            if dep in labels.noun_clause and head.pos_ in tags.noun and head.lemma_.lower() in words.future_nouns \
                    and value == "asserted":
                value = "future"  # "the government's plans to impose restrictions"
            if dep in labels.own_clause and not (dep in labels.adverbial_clause and self.g.to_infinitive(tok)):
                break  # an adverbial or relative clause keeps its own modality; a purpose ("denies sending
                #        forces to help Assad") shares its governor's
            shared = dep in labels.conjunct and tok.tag_ in tags.bare_verb and not any(
                c.dep_ in labels.auxiliary or c.dep_ in labels.subject for c in tok.children)
            if dep in labels.conjunct and head.dep_ not in labels.complement and head.dep_ not in labels.prep_clause \
                    and not shared:
                break  # a coordinated main clause keeps its own (a bare verb shares it); a coordinated complement
                #        shares its governors, as does a gerund coordinated under a preposition ("accused the
                #        police of detaining and beating protesters")
            conjunct = dep in labels.conjunct
            tok = head
            hops += 1
        speech = self.speech_above(tok)
        if value == "would":
            value = "future" if speech is not None else "hypothetical"
        return Modality(value, speech, condition=self.condition(pred))

    def _upcoming(self, noun: Token) -> bool:
        """An act noun named as what something comes before: "ahead of the summit", "on the eve of the vote"."""
        prep = noun.head
        if noun.dep_ not in self.g.labels.prep_object or prep.i == noun.i or prep.head.i == prep.i:
            return False
        return f"{prep.head.lower_} {prep.lower_}" in self.words.upcoming_marks

    def _unknown_act(self, noun: Token) -> bool:
        """An act noun no determiner, owner or perfect ties to one that happened ("fighting could reach", not "the
        riots would hurt", "Li's visit will push", "the attack could have been")."""
        labels = self.g.labels
        told = self.g.words.anaphoric_determiners
        if any(c.dep_ in labels.possessor or (c.dep_ in labels.determiner and c.lower_ in told) for c in noun.children):
            return False
        return not any(c.dep_ in labels.auxiliary and c.lemma_.lower() == "have" for c in noun.head.children)

    def _happens(self, verb: Token) -> bool:
        """A verb that only says its subject takes place: intransitive "happen", "occur", "continue", or "take
        place", "break out", "go ahead" (not "could break its economy", "could start a wider war")."""
        labels = self.g.labels
        objs = [c for c in verb.children if c.dep_ in labels.object or c.dep_ in labels.complement]
        if len(objs) == 1 and f"{verb.lemma_.lower()} {objs[0].lower_}" in self.words.occurrence_verbs:
            return True  # "take place"
        adverbs = [c.lower_ for c in verb.children if c.dep_ in labels.adverb]  # "go ahead": an adverb to the parser
        return not objs and (self._phrasal(verb) in self.words.occurrence_verbs
                             or any(f"{verb.lemma_.lower()} {a}" in self.words.occurrence_verbs for a in adverbs))

    def _unrealised(self, verb: Token) -> bool:
        """A verb asked, required or announced, not told as done: with a modal or future auxiliary ("must stop",
        "will end"), an infinitive ("urged them to stop"), or what a request is ("our demand is that they stop")."""
        head, labels = verb.head, self.g.labels
        asked = verb.dep_ in labels.clausal_complement and head.lemma_.lower() in self.g.words.copulas and any(
            c.dep_ in labels.subject and c.lemma_.lower() in self.words.request_nouns for c in head.children)
        return asked or self.g.to_infinitive(verb) or self._auxiliary(verb) is not None

    def _told_past(self, word: Token) -> bool:
        """The word's clause is in the past tense and not one of what had not come about by then: "were able to",
        "was authorised to", not "before he was able to"."""
        labels = self.g.labels
        verbs = [word, word.head] if word.dep_ in labels.adjective_complement else [word]
        if any(c.dep_ in labels.condition_mark and c.lower_ in self.words.unrealised_marks
               for v in verbs for c in v.children):
            return False
        tags = self.g.tags
        return any(v.tag_ in tags.past_forms and v.tag_ not in tags.past_participle for v in verbs) \
            or any(c.dep_ in labels.auxiliary and c.tag_ in tags.past_forms for v in verbs for c in v.children)

    def _lemma_in(self, verb: Token, lemmas: frozenset[str]) -> bool:
        """The verb is one of ``lemmas``, also when the tagger's lemma is wrong ("hopes" -> "hop")."""
        return verb.lemma_.lower() in lemmas or any(g in lemmas for g in self.g.lemma_guesses(verb.lower_))

    def _bare_with_one(self, verb: Token) -> bool:
        """A bare verb with a singular noun as its subject and no auxiliary ("the army withdraw", "Hamas release"):
        a subjunctive, which a report never is (with a plural subject the bare form is a plain present: "insist that
        soldiers attack civilians every week")."""
        tags, labels = self.g.tags, self.g.labels
        subject = next((c for c in verb.children if c.dep_ in labels.nominal_subject), None)
        return (verb.tag_ in tags.bare_verb or verb.tag_ in tags.plain_present) and subject is not None \
            and subject.tag_ in tags.singular_noun and not any(c.dep_ in labels.auxiliary for c in verb.children)

    def _other_subject(self, clause: Token, head: Token) -> bool:
        """The clause names a subject of its own, not the one of the verb it depends on ("hopes the public will
        support", not "hopes he will visit")."""
        labels = self.g.labels
        subject = next((c for c in clause.children if c.dep_ in labels.nominal_subject), None)
        theirs = next((c for c in head.children if c.dep_ in labels.nominal_subject), None)
        if theirs is None and (head.dep_ in labels.adverbial_clause or head.dep_ in labels.noun_clause):
            # "handed the envoy a note demanding that Turkey halt": the participle's doer is its governor's subject
            governor = head.head
            if governor.pos_ not in self.g.tags.verbal and governor.head.i != governor.i:
                governor = governor.head  # (the note's: the verb that hands it)
            theirs = next((c for c in governor.children if c.dep_ in labels.nominal_subject), None)
        return subject is not None and theirs is not None and subject.lower_ != theirs.lower_ \
            and not (subject.lower_ in self.g.words.personal_pronouns and theirs.pos_ in self.g.tags.proper_noun)

    def _phrasal(self, verb: Token) -> str:
        """A verb's lemma with its particle ("call off"), or the bare lemma."""
        particles = [c.lower_ for c in verb.children if c.dep_ in self.g.labels.particle]
        return f"{verb.lemma_.lower()} {particles[0]}" if particles else verb.lemma_.lower()

    def obliged(self, verb: Token) -> bool:
        """Whether a clause says what its subject is bound to do, and has not yet done: a modal of obligation on its
        verb ("must withdraw", "should resign"), or "needs to" or "has to" with an active infinitive, not told as done
        ("had to", "have had to") nor lifted ("does not have to", "no longer needs to")."""
        labels, words = self.g.labels, self.words
        if any(c.dep_ in labels.plain_auxiliary and c.lower_ in words.obligation_aux for c in verb.children):
            return True
        return f"{verb.lemma_.lower()} to" in words.obligation_aux and not self._done(verb) and not any(
            c.dep_ in labels.negation or c.lower_ in words.lifted_marks for c in verb.children if c.i < verb.i) \
            and any(self.g.to_infinitive(c) and not any(g.dep_ in labels.passive_marks for g in c.children)
                    for c in verb.children if c.dep_ in labels.complement)

    def _known_act(self, pred: Token, prep: Token) -> bool:
        """An act named right after ``prep`` as one the reader knows of: a noun with a definite determiner or an
        owner ("blamed for the kidnapping of two aid workers", "Monday's attack"), not a verb ("of killing"), a
        bare noun ("blamed for attacks"), one further down ("of planning the attack") nor one told as not done ("the
        planned attack", "the alleged attack": unrealised_modifiers)."""
        labels = self.g.labels
        return pred.pos_ in self.g.tags.noun and pred.head.i == prep.i and any(
            (c.dep_ in labels.determiner and c.lower_ in self.g.words.anaphoric_determiners)
            or c.dep_ in labels.possessor for c in pred.children) and not any(
            t.lemma_.lower() in self.words.unrealised_modifiers or t.lower_ in self.words.unrealised_modifiers
            for t in pred.children if t.dep_ in labels.modifier)

    def _done(self, verb: Token) -> bool:
        """A clause told in the past or the perfect ("had to flee", "have had to release")."""
        return self._told_past(verb) or verb.tag_ in self.g.tags.past_participle

    def supposed(self, tok: Token) -> bool:
        """Whether an act is told only as a supposition: its own clause opens with a conditional mark ("exports
        could slow if Washington raises tariffs": the tariffs are supposed, and nobody announces them)."""
        labels = self.g.labels
        while tok.pos_ not in self.g.tags.verbal and tok.head.i != tok.i:
            tok = tok.head  # a noun's clause is the verb carrying it
        return any(c.dep_ in labels.condition_mark and c.lower_ in self.words.conditional_marks for c in tok.children)

    def condition(self, pred: Token) -> str | None:
        """The mark of an adverbial condition hanging on the predicate: "will withdraw unless X agrees"."""
        labels = self.g.labels
        for c in pred.children:
            if c.dep_ in labels.adverbial_clause:
                for m in c.children:
                    if m.dep_ in labels.condition_mark and m.lower_ in self.words.conditional_marks:
                        return m.lower_
        return None

    def speech_above(self, tok: Token) -> Token | None:
        """The verb of saying whose complement holds ``tok`` ("X said that Y attacked Z")."""
        labels = self.g.labels
        hops = 0
        while tok.head.i != tok.i and hops < MAX_SPEECH_HOPS:
            if tok.dep_ in labels.clausal_complement and tok.head.lemma_.lower() in self.words.speech_verbs:
                return tok.head
            if tok.dep_ in labels.speech_barrier and hops > 0:
                return None
            tok = tok.head
            hops += 1
        return None

    def according_to(self, tokens: Iterable[Token]) -> Token | None:
        """The head of "according to X" among a sentence's tokens, if any."""
        fn = self.g.words
        for tok in tokens:
            if tok.lower_ in fn.according:
                for to in tok.children:
                    if to.lower_ in fn.according_to:
                        for pobj in to.children:
                            if pobj.dep_ in self.g.labels.prep_object:
                                return pobj
        return None
