"""The grammar the coder's rules read: which parser labels play which part, and the function words they look for.

A :class:`Grammar` is loaded from a YAML file (``events/data/grammar_en.yaml`` by default) and handed to the coder
with the :class:`~tacitus.events.knowledge.Knowledge`. Rules ask it by role, not by label:
``tok.dep_ in grammar.labels.object`` rather than ``tok.dep_ == "dobj"``. :meth:`Grammar.check` refuses a spaCy
pipeline whose parser or entity recogniser lacks the labels the grammar expects, so a pipeline with another label
scheme stops with a clear message instead of silently coding nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.tokens import Token

from tacitus.datafiles import read_yaml_mapping
from tacitus.errors import TacitusError

# The roles every grammar file must fill, by section (see grammar_en.yaml for what each means).
ROLES: dict[str, tuple[str, ...]] = {
    "labels": ("subject", "noun_subject", "passive_subject", "nominal_subject", "passive_marks", "agent", "object",
               "object_predicate", "dative", "preposition", "preposition_like", "prep_object", "prep_clause",
               "possessor", "modifier", "adjective_or_compound", "adjective", "compound", "number", "determiner",
               "particle", "negation", "condition_mark", "adverb", "auxiliary", "plain_auxiliary",
               "adjective_complement", "complement", "open_complement", "clausal_complement", "relative_clause",
               "noun_clause", "adverbial_clause", "conjunct", "loose_clause", "coordinator", "apposition", "phrase",
               "modality_climb", "own_clause",
               "speech_barrier", "intention_links", "noun_content", "attribute", "cleft_focus", "quantifier_links",
               "record_climb"),
    "entities": ("people", "actor", "person", "place", "state", "time", "not_actor", "not_owner", "number",
                 "nationality", "place_slips", "organisation"),
    "tags": ("verb", "verbal", "noun", "nominal", "proper_noun", "adjective", "adjective_or_name", "pronoun",
             "pronoun_or_determiner", "preposition", "past_participle", "past_forms", "gerund", "bare_verb",
             "bare_forms", "plural",
             "present_forms", "possessive_ending", "modal", "plain_present", "singular_noun", "numeral"),
    "words": ("relative_pronouns", "personal_pronouns", "person_pronouns", "thing_pronouns", "speaker_pronouns", "quote_marks", "introducing_marks", "question_marks", "expletives",
              "possessive_determiners", "group_possessives", "plural_possessives", "relation_nouns",
              "person_possessives", "person_owned", "intent_nouns", "owning_verbs",
              "border_nouns", "border_preps", "seat_preps", "posted_nouns",
              "anaphoric_determiners",
              "toll_preps", "relative_adverbs", "absolute_marks",
              "negative_determiners", "past_future_aux", "going", "infinitive_marks", "along", "along_with",
              "according", "according_to", "ethnic", "residence_preps", "origin_preps", "owner_preps", "site_nouns",
              "object_control_preps", "bare_object_verbs", "perfect_aux", "result_adjectives", "span_starts",
              "background_participles",
              "means_object_verbs", "shared_object_verbs", "shared_object_links",
              "transitive_only", "intransitive_acts", "comma_participles", "area_brackets", "giver_preps", "by", "of", "to", "between",
              "up", "loose_particles", "between_targets", "framed_targets", "lifted_targets", "light_not_targets",
              "grievance_preps", "protest_nouns", "protest_preps", "in_protest", "purpose_objects", "purpose_preps",
              "support_purposes", "other_thing_compounds", "vehicle_heads", "armed_vehicle_marks", "host_preps",
              "massing_verbs", "member_heads", "plural_object_pronouns", "group_quantifiers",
              "purpose_lemmas", "stative_participles", "locative_preps", "mode_preps", "carrier_preps", "as_carrier", "naming_preps", "response_carrier", "under_carrier", "aim_preps",
              "harm_preps", "dating_participles", "dated_documents", "dated_in", "partner_preps", "shared_topic_preps",
              "question_words", "adjunct_heads", "deed_owner_nouns", "issuing_verbs", "charged_persons", "kind_heads",
              "asked_for_preps", "asked_if_marks", "hinges", "senses_with_particles", "attributive_verbs", "copulas", "held_preps",
              "denying_verbs", "accusing_verbs"),
    "inflection": ("prefixes", "lemma_guesses", "whole_words"),
}


def _entries(value) -> tuple:
    """A role's list: words and labels as strings, structured entries (lemma guesses) as they are."""
    return tuple(w if isinstance(w, dict) else str(w) for w in value or ())


class GrammarError(TacitusError, ValueError):
    """A grammar file is incomplete, or a parser does not use the labels its grammar expects."""


class Roles:
    """One section of a grammar: role name -> the labels or words that play it. Word lists keep their order
    (prepositions are tried in the order given); membership tests work on them as on sets."""

    def __init__(self, section: str, where: str, table: dict[str, tuple[str, ...]]) -> None:
        self._section, self._where = section, where
        self.__dict__.update(table)

    def __getattr__(self, name: str):  # only called for a role the file does not define
        if name.startswith("_"):
            raise AttributeError(name)
        raise AttributeError(f"{self._where}: the grammar has no {self._section} role {name!r}")


@dataclass(frozen=True)
class Grammar:
    name: str
    labels: Roles
    entities: Roles
    tags: Roles
    words: Roles
    inflection: Roles
    expects: dict[str, frozenset[str]]
    source: str

    @classmethod
    def load(cls, path: str | Path | Traversable | None = None) -> "Grammar":
        """The grammar of a YAML file; the English grammar shipped with the package by default."""
        path = path or resources.files("tacitus.events").joinpath("data/grammar_en.yaml")
        where = str(path)
        data = read_yaml_mapping(path, strings=True)  # function words: "on" is a word, not a boolean
        sections = {}
        for section, roles in ROLES.items():
            table = data.get(section)
            if not isinstance(table, dict):
                raise GrammarError(f"{where}: no {section!r} section")
            missing = [r for r in roles if r not in table]
            if missing:
                raise GrammarError(f"{where}: {section} lacks {', '.join(missing)}")
            sections[section] = Roles(section, where, {r: _entries(table[r]) for r in roles})
        expects = {k: frozenset(str(x) for x in v or ()) for k, v in (data.get("expects") or {}).items()}
        return cls(name=str(data.get("name") or where), expects=expects, source=where, **sections)

    @classmethod
    def english(cls) -> "Grammar":
        return cls.load()

    def to_infinitive(self, verb) -> bool:
        """A verb with its infinitive marker: "to help", "for Assad to step down" (not "talked to the suspect")."""
        return any(c.lower_ in self.words.infinitive_marks and c.dep_ in self.labels.auxiliary for c in verb.children)

    def verb_links(self, verb: Token, adverb_particles: Collection[str], sense_particles: Collection[str]
                   ) -> tuple[set[str], set[str], set[tuple[str, str]]]:
        """The particles, prepositions and (preposition, word it governs) pairs a verb takes after it, read past the
        parser's slips: a particle read as an adverb ("hit back at" with ``adverb_particles``; "drove off 300
        goats", a particle of one of ``sense_particles`` right after the verb) or as a preposition governing the
        real one ("pulled out of the bloc"). A preposition with a time under it ("on Sunday") is none."""
        labels, ents = self.labels, self.entities
        particles = {c.lower_ for c in verb.children if c.dep_ in labels.particle or (c.dep_ in labels.adverb and (
            (c.lower_ in adverb_particles and c.i > verb.i) or (c.i == verb.i + 1 and c.lower_ in sense_particles)))}
        heads = [c for c in verb.children if c.dep_ in labels.preposition_like and c.i > verb.i
                 and not any(g.ent_type_ in ents.time for g in c.children)]
        for c in list(heads):
            inner = [g for g in c.children if g.dep_ in labels.preposition]
            if inner and c.i == verb.i + 1 and c.lower_ in sense_particles:  # "out" of "pulled out of"
                particles.add(c.lower_)
                heads.extend(inner)
        heads += [g for c in verb.children if c.dep_ in labels.particle for g in c.children  # ... or "out" a particle
                  if g.dep_ in labels.preposition]
        # (a pair may hang on the object: "stripped 94 critics of their citizenship")
        on_object = [c for o in verb.children if o.dep_ in labels.object for c in o.children
                     if c.dep_ in labels.preposition]
        # (as written too: "ECOWAS" is no plural; a gerund too: "barred from entering")
        governed = {(c.lower_, w) for c in heads + on_object for g in c.children
                    if g.dep_ in labels.prep_object or g.dep_ in labels.prep_clause
                    for w in (g.lemma_.lower(), g.lower_)}
        return particles, {c.lower_ for c in heads}, governed

    def lemma_guesses(self, word: str) -> list[str]:
        """Base forms an inflected ``word`` may have, in the order the grammar gives ("staged" -> "stage", ...)."""
        out = []
        for rule in self.inflection.lemma_guesses:
            if word.endswith(str(rule["ending"])):
                out.append(word[:-int(rule["strip"])] + str(rule.get("add") or ""))
        return out

    def whole_words(self) -> tuple[tuple[str, str], ...]:
        """The hyphenated words this grammar keeps whole ("sit-in", "cease-fire") in the forms a text writes them
        (lower case, capitalised, title case, upper case, plural in -s), each with the joined spelling the tagger
        knows. Split, "staged a sit-in" parses with "in" as the object."""
        out: dict[str, str] = {}
        for word in self.inflection.whole_words:
            for form in (word, word + "s"):
                titled = "-".join(part[:1].upper() + part[1:] for part in form.split("-"))  # "Cease-Fire"
                for spelled in (form, form[:1].upper() + form[1:], titled, form.upper()):
                    out.setdefault(spelled, form.replace("-", ""))
        return tuple(out.items())

    def check(self, nlp, pipeline_name: str = "the spaCy pipeline") -> None:
        """Refuse a pipeline whose parser or entity recogniser lacks labels this grammar expects."""
        for component, wanted in self.expects.items():
            if not wanted:
                continue
            if component not in nlp.pipe_names:
                raise GrammarError(f"{pipeline_name} has no {component!r} component; the grammar {self.name!r} "
                                   f"needs one with the labels {', '.join(sorted(wanted))}")
            known = set(nlp.get_pipe(component).labels)
            missing = sorted(wanted - known)
            if missing:
                raise GrammarError(
                    f"{pipeline_name}: its {component} does not use the labels the grammar {self.name!r} expects "
                    f"(missing: {', '.join(missing)}); load a pipeline with that label scheme or a grammar file "
                    f"written for this one")
