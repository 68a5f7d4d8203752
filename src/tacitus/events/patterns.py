"""Verb and noun predicate patterns, loaded from events/data/verbs.yaml and nouns.yaml, and the word lists of
predicate_words.yaml."""

from __future__ import annotations

from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tacitus.datafiles import BASE_LOADER
from tacitus.errors import TacitusError
from tacitus.events.ontology import Ontology


@dataclass(frozen=True)
class Sense:
    """One way a predicate word can be coded, and the conditions under which it applies."""

    lemma: str
    code: str
    plover: str | None = None
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    prep_obj: tuple[str, ...] = ()  # words one of which ``prep`` must govern ("took to the streets")
    obj: tuple[str, ...] = ()
    not_obj: tuple[str, ...] = ()  # words of a direct object (of a noun: its modifiers) that rule the sense out
    #                              ("fighting a legal battle", "a cardiac arrest")
    modifiers: tuple[str, ...] = ()
    modifiers_of: bool = False  # a noun's ``modifiers`` may stand in its "of" phrase ("a test of a ballistic missile")
    targets: tuple[str, ...] = ("dobj",)
    no_object_target: bool = False
    possessor_target: bool = False  # a noun's possessor suffers the act ("Navalny's arrest", "his murder")
    owner_target: bool = False  # the direct object is a quality of the one acted on ("questioned the legality of
    #                            the vote"): the target is whose it is
    confidence: float = 0.6
    source_sector: str | None = None
    state_agent: str | None = None  # the state organ that does the act when the text names nobody ("was charged")
    untargeted: tuple[str, str | None] | None = None  # (code, mode) of the act when nobody is acted on ("fired
    #                                                   missiles into the sea": a show of weapons, not an attack)
    carried: bool = False  # a noun sense that applies only when a verb carries the noun ("went on strike")
    carriers: tuple[str, ...] = ()  # ... only when one of these verbs carries it ("lodged a protest": a complaint)
    subject_of: tuple[str, ...] = ()  # a noun sense that applies only as the subject of one of these verbs ("Israeli
    #                                   strikes killed 16": no labour strike kills)
    complement: bool = False  # a verb sense that applies only with a clausal complement ("agreed to withdraw")
    infinitive: bool = False  # a verb sense that applies only with an infinitive after it ("told the crowd to leave")
    infinitive_of: tuple[str, ...] = ()  # ... one of these verbs ("ordered the ambassador to leave": an expulsion)
    not_purpose: tuple[str, ...] = ()  # verbs that, as its "to" purpose, rule the sense out ("took to the streets to
    #                                    celebrate" is no protest)
    not_context: tuple[str, ...] = ()  # nouns of its clause that rule the sense out ("declared a state of
    #                                    emergency in the flood-hit east": a disaster met, nobody coerced)
    gerund: bool = False  # ... only with a gerund after it, its subject's own act ("admitted taking the money")
    clause_subject: bool = False  # ... only with a clause of its own subject ("want the president to resign")
    stated: bool = False  # ... only with a that-clause stating what is or was, with no auxiliary of the future or of
    #                       possibility ("warned that the plan was flawed": a statement, no threat)
    question: bool = False  # ... only with a clause a question word opens ("asked him how the deal was reached")
    subject: tuple[str, ...] = ()  # lemmas one of which must name the subject ("peacekeepers arrived")
    not_subject: tuple[str, ...] = ()  # lemmas of a subject or "by" agent that rule the sense out ("commandos backed by
    #                                    artillery": means of force, no political support)
    acomp: tuple[str, ...] = ()  # adjectival complements one of which the verb must take ("pleaded guilty";
    #                             a negated one reads "not guilty")
    needs_target: bool = False  # no event without an actor acted on ("asked not to be named", "hit the pavement")
    felt: bool = False  # a feeling told in the passive: its subject feels it about what its ``targets`` name ("was
    #                    dismayed by the decision"); no event in the active voice
    table_type: str | None = None  # the PLOVER type and mode the ontology gives the code
    table_mode: str | None = None

    @classmethod
    def of(cls, ontology: Ontology, lemma: str, code: str, **conditions: Any) -> "Sense":
        """A sense of ``code`` with the PLOVER type and mode the ontology gives it. An unknown code, a ``plover``
        type other than the code's, or a ``mode`` the type does not define raises, naming the lemma."""
        ontology.check(code, conditions.get("plover"), conditions.get("mode"), f"entry {lemma!r}")
        info = ontology.lookup(code)
        return cls(lemma=lemma, code=code, table_type=info.plover_type, table_mode=info.plover_mode, **conditions)

    @property
    def plover_type(self) -> str | None:
        return self.plover or self.table_type

    @property
    def plover_mode(self) -> str | None:
        return self.mode if self.mode is not None else self.table_mode


# The keys of a sense in a patterns file, read by kind: flags ("true"/"false"), word lists, plain words, and the
# three read on their own (code, targets with the file's default, confidence, untargeted); a key of Sense that is
# none of these (lemma, the table's type and mode) is not written in a file
_FLAGS = tuple(f.name for f in fields(Sense) if f.type == "bool")
_WORD_LISTS = tuple(f.name for f in fields(Sense) if f.type == "tuple[str, ...]" and f.name != "targets")
_WORDS = ("plover", "mode", "particle", "prep", "source_sector", "state_agent")
_KEYS = {"code", "targets", "confidence", "untargeted", *_FLAGS, *_WORD_LISTS, *_WORDS}


class _StrictLoader(BASE_LOADER):
    """Every scalar a string ("on", "no" and "off" are prepositions here, not booleans), and a key given twice
    in one mapping is an error rather than silently the last one."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read(text: str, where: str) -> dict:
    try:
        return yaml.load(text, Loader=_StrictLoader) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{where}: {exc}") from exc


def _sense(ontology: Ontology, lemma: str, spec: Any, default_targets: tuple[str, ...], where: str) -> Sense:
    if isinstance(spec, str):
        spec = {"code": spec}
    if not isinstance(spec, dict) or "code" not in spec:
        raise ValueError(f"{where}: entry {lemma!r} needs a CAMEO code")
    unknown = set(spec) - _KEYS
    if unknown:
        raise ValueError(f"{where}: entry {lemma!r} has unknown keys {sorted(unknown)}")
    if spec.get("prep_obj") and not spec.get("prep"):
        raise ValueError(f"{where}: entry {lemma!r} names prep_obj without the prep that governs it")
    try:
        return Sense.of(
            ontology, lemma, str(spec["code"]), targets=tuple(spec.get("targets") or default_targets),
            confidence=float(spec.get("confidence", 0.6)),
            untargeted=_untargeted(ontology, lemma, spec.get("untargeted")),
            **{k: str(spec.get(k, "false")).lower() == "true" for k in _FLAGS},
            **{k: tuple(spec.get(k) or ()) for k in _WORD_LISTS}, **{k: spec.get(k) for k in _WORDS})
    except TacitusError as exc:  # fail early on a code, type or mode the ontology does not know
        raise ValueError(f"{where}: {exc}") from None


def _untargeted(ontology: Ontology, lemma: str, spec: Any) -> tuple[str, str | None] | None:
    """The (code, mode) an ``untargeted`` entry names, checked against the ontology."""
    if spec is None:
        return None
    if not isinstance(spec, dict) or "code" not in spec:
        raise ValueError(f"entry {lemma!r}: untargeted needs a CAMEO code")
    ontology.check(str(spec["code"]), None, spec.get("mode"), f"entry {lemma!r} (untargeted)")
    return str(spec["code"]), spec.get("mode")


def _senses(ontology: Ontology, data: dict, section: str, default_targets: tuple[str, ...],
            where: str) -> dict[str, tuple[Sense, ...]]:
    """The lemma -> senses table of one section (verbs or nouns) of a parsed pattern file."""
    entries = data.get(section) or {}
    book: dict[str, tuple[Sense, ...]] = {}
    for lemma, spec in entries.items():
        specs = spec if isinstance(spec, list) else [spec]
        book[str(lemma).lower()] = tuple(_sense(ontology, str(lemma).lower(), s, default_targets, where)
                                           for s in specs)
    return book


WORD_LISTS = ("light_verbs", "empty_places", "response_verbs", "harm_words", "consequence_verbs", "motion_verbs",
              "collective_nouns", "accident_words", "as_verbs", "receiving_verbs", "assembly_nouns", "quantity_nouns",
              "interview_verbs", "incident_nouns", "wounding_verbs", "abstract_objects",
              "describing_participles", "party_nouns", "pair_words", "reciprocal_verbs",
              "combat_objects", "warring_party_nouns", "allied_words", "pair_counts", "pair_office_nouns",
              "pair_determiners", "warring_words", "under_verbs", "promising_verbs", "operation_nouns",
              "display_verbs", "displaying_nouns", "outcome_verbs", "firing_verbs",
              "back_verbs", "response_adverbs", "having_verbs", "sport_words", "month_words",
              "game_verbs", "claiming_verbs", "claimed_nouns", "claim_doubt_words", "other_acts_words",
              "actors_things", "crowd_numbers")


def _word_list(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


@dataclass
class PatternBook:
    ontology: Ontology  # the codes the patterns name
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    light_verbs: frozenset[str] = frozenset()
    display_verbs: frozenset[str] = frozenset()  # light verbs that carry an act only for who does it ...
    displaying_nouns: frozenset[str] = frozenset()  # ... not for what shows it ("the footage showed an attack")
    outcome_verbs: frozenset[str] = frozenset()  # what befalls somebody: wished for, not asked of them
    consequence_verbs: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    accident_words: frozenset[str] = frozenset()
    empty_places: frozenset[str] = frozenset()
    firing_verbs: frozenset[str] = frozenset()  # what sends a weapon from a place: its doer is of that place's state
    response_verbs: frozenset[str] = frozenset()
    back_verbs: frozenset[str] = frozenset()  # ... that answer with a response adverb ("hit back")
    response_adverbs: frozenset[str] = frozenset()
    having_verbs: frozenset[str] = frozenset()  # a thing given had "of" somebody is received from them
    sport_words: frozenset[str] = frozenset()  # words of a game: a sentence holding one tells no force
    month_words: frozenset[str] = frozenset()  # ... and a score is no span of days ("12-13 March")
    game_verbs: frozenset[str] = frozenset()  # ... where these verbs win or lose a game, not an attack
    promising_verbs: frozenset[str] = frozenset()
    harm_words: frozenset[str] = frozenset()
    as_verbs: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()  # "claimed responsibility": who did the act told before
    claimed_nouns: frozenset[str] = frozenset()
    claim_doubt_words: frozenset[str] = frozenset()  # ... not as made ("falsely claimed", "often claims")
    other_acts_words: frozenset[str] = frozenset()  # ... nor of other acts ("for previous attacks")
    under_verbs: frozenset[str] = frozenset()
    assembly_nouns: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    interview_verbs: frozenset[str] = frozenset()
    incident_nouns: frozenset[str] = frozenset()
    operation_nouns: frozenset[str] = frozenset()
    wounding_verbs: frozenset[str] = frozenset()
    abstract_objects: frozenset[str] = frozenset()
    actors_things: frozenset[str] = frozenset()  # "welcomed the decision of the United States": not the actor
    crowd_numbers: frozenset[str] = frozenset()  # "thousands marched": a crowd
    describing_participles: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    pair_office_nouns: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    reciprocal_verbs: frozenset[str] = frozenset()
    combat_objects: frozenset[str] = frozenset()
    warring_party_nouns: frozenset[str] = frozenset()
    allied_words: frozenset[str] = frozenset()
    pair_counts: frozenset[str] = frozenset()
    pair_determiners: frozenset[str] = frozenset()
    warring_words: frozenset[str] = frozenset()

    @classmethod
    def load(cls, ontology: Ontology) -> "PatternBook":
        """The patterns shipped with the package, in the codes of ``ontology``."""
        pkg = resources.files("tacitus.events").joinpath("data")
        verbs = _read(pkg.joinpath("verbs.yaml").read_text(encoding="utf-8"), "verbs.yaml")
        nouns = _read(pkg.joinpath("nouns.yaml").read_text(encoding="utf-8"), "nouns.yaml")
        words = _read(pkg.joinpath("predicate_words.yaml").read_text(encoding="utf-8"), "predicate_words.yaml")
        return cls(ontology=ontology, verbs=_senses(ontology, verbs, "verbs", ("dobj",), "verbs.yaml"),
                   nouns=_senses(ontology, nouns, "nouns", (), "nouns.yaml"),
                   **{k: _word_list(words, k) for k in WORD_LISTS})

    def extended(self, path: str | Path) -> "PatternBook":
        """A copy with the `verbs:` and `nouns:` of a user YAML file merged over these patterns."""
        data = _read(Path(path).read_text(encoding="utf-8"), str(path))
        verbs = {**self.verbs, **_senses(self.ontology, data, "verbs", ("dobj",), str(path))}
        nouns = {**self.nouns, **_senses(self.ontology, data, "nouns", (), str(path))}
        return PatternBook(ontology=self.ontology, verbs=verbs, nouns=nouns,
                           **{k: getattr(self, k) | _word_list(data, k) for k in WORD_LISTS})

    def verbs_of(self, group: str) -> frozenset[str]:
        """The verbs with a sense whose PLOVER type is in the ontology ``group``."""
        return self._lemmas_of(self.verbs, group)

    def nouns_of(self, group: str) -> frozenset[str]:
        """The event nouns with a sense whose PLOVER type is in the ontology ``group``."""
        return self._lemmas_of(self.nouns, group)

    def _lemmas_of(self, book: dict[str, tuple[Sense, ...]], group: str) -> frozenset[str]:
        return frozenset(lemma for lemma, senses in book.items()
                         if any(self.ontology.is_a(s.plover_type, group) for s in senses))

    def answers(self, verb) -> bool:
        """A verb of answering: "responded", "retaliated", or one that answers with "back" ("hit back")."""
        lemma = verb.lemma_.lower()
        return lemma in self.response_verbs or (lemma in self.back_verbs and any(
            c.lower_ in self.response_adverbs and c.i > verb.i for c in verb.children))

    def noun_senses(self, lemma: str) -> tuple[Sense, ...]:
        """The senses of an event noun; a hyphenated spelling finds its joined key ("cease-fire": ceasefire)."""
        return self.nouns.get(lemma) or (self.nouns.get(lemma.replace("-", ""), ()) if "-" in lemma else ())

    def vocabulary(self) -> set[str]:
        """Every lemma that can start an event (for cheap sentence prefilters)."""
        return set(self.verbs) | set(self.nouns)
