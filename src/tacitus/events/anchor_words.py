"""The words the anchoring stage reads (``events/data/anchors.yaml``): topics that are no place, venues whose place
is the place of what is said there, words that locate near or in part of a place, dateline agencies and seats,
and the cues of background (history)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tacitus.datafiles import read_yaml_mapping
from tacitus.errors import TacitusError

WORD_SETS = ("topic_nouns", "topic_prepositions", "topic_verbs", "venue_nouns", "area_nouns", "here_words",
             "there_words", "town_words", "region_words", "capital_words", "visit_words", "setting_prepositions",
             "circumstance_words", "simultaneous_marks", "own_time_marks",
             "not_datelines", "summit_words", "neighbour_nouns", "constituency_titles", "war_nouns",
             "domestic_sectors", "leader_named_bodies", "apart_marks", "running_counts", "state_body_words",
             "running_nouns", "taking_words", "remote_modes", "other_act_words", "new_act_words",
             "told_words", "indefinite_words", "further_act_words", "possessive_endings", "hinged_shifts",
             "own_kind_modes")


@dataclass(frozen=True)
class AnchorWords:
    topic_nouns: frozenset[str]
    topic_prepositions: frozenset[str]
    topic_verbs: frozenset[str]
    venue_nouns: frozenset[str]
    area_nouns: frozenset[str]
    here_words: frozenset[str]
    there_words: frozenset[str]
    town_words: frozenset[str]
    region_words: frozenset[str]
    capital_words: frozenset[str]
    visit_words: frozenset[str]
    setting_prepositions: frozenset[str]
    circumstance_words: frozenset[str]
    simultaneous_marks: frozenset[str]
    own_time_marks: frozenset[str]
    not_datelines: frozenset[str]
    summit_words: frozenset[str]
    neighbour_nouns: frozenset[str]
    constituency_titles: frozenset[str]
    war_nouns: frozenset[str]
    domestic_sectors: frozenset[str]  # lower case, as every word set
    leader_named_bodies: frozenset[str]
    apart_marks: frozenset[str]  # adverbs that tell a toll apart from the act of force told before it ...
    running_counts: frozenset[str]  # ... words of a running count in its clause ...
    running_nouns: frozenset[str]  # ... and what such a count is told "in" ("in the war")
    state_body_words: frozenset[str]  # words after "Georgia" that make it the American state ("Georgia Senate")
    remote_modes: frozenset[str]  # modes of a meeting held apart ("phone"): not at one side's dateline
    taking_words: frozenset[str]  # verbs whose object is a place taken ("retook Marte"): where the act happened
    other_act_words: frozenset[str]  # after "a"/"an", words of an act other than one told before ("a second raid")
    new_act_words: frozenset[str]  # right before an act's word, words of a further act ("fresh clashes")
    told_words: frozenset[str]  # determiners of an act told before ("the attack", "their arrest")
    indefinite_words: frozenset[str]  # "a", "an": before other_act_words, another act
    further_act_words: frozenset[str]  # words that tell a further act wherever they stand before it ("also")
    possessive_endings: frozenset[str]  # "'s": a possessor before an act's word points back ("Monday's raid")
    hinged_shifts: frozenset[str]  # narrative shifts that, before a word, date what follows ("the day before X")
    own_kind_modes: frozenset[str]  # modes of acts of their own kind: told again only by a mention of that mode
    agencies: tuple[str, ...]
    seats: dict[str, str]
    history_window_days: int
    lead_sentences: int  # the sentences of a story's lead, whose first dated act dates the story
    act_place_reach: int  # how many sentences the place of a material act carries to one that names none
    toll_reach: int  # how many sentences an act of force reaches to take a toll told with nobody's name on it
    retell_reach: int  # how many sentences after its first telling an act may be told again (events/retelling.py)
    retell_near_km: float  # ... and how far apart the places of its own clauses may be
    narrative_reach: int  # how many sentences after its last dated one a narrative's day carries to undated acts
    future_year_reach_days: int  # how far after the article's date a day without a year, told as to come, may be
    local_speakers: frozenset[str]  # sectors whose acts told by themselves happen where they speak from
    background: re.Pattern  # any background phrase or pattern
    narrative_shifts: dict[str, int]  # phrase -> days its clause is from the narrative's day ("a day later": 1)
    narrative_shift: re.Pattern  # any of those phrases
    ongoing: re.Pattern  # words of a state that lasts until now ("since 2015"): no history is carried on from it
    continuation: re.Pattern  # words opening a paragraph that goes on with the one before ("In addition, ...")

    @classmethod
    def load(cls, path: str | Path | Traversable | None = None) -> "AnchorWords":
        """The words of an anchors file; the English ones shipped with the package by default."""
        path = path or resources.files("tacitus.events").joinpath("data/anchors.yaml")
        data = read_yaml_mapping(path, strings=True)
        missing = [k for k in (*WORD_SETS, "agencies", "seats", "history_window_days", "background_phrases",
                               "background_patterns", "ongoing_words", "continuation_openers") if k not in data]
        if missing:
            raise TacitusError(f"{path}: lacks {', '.join(missing)}")
        sets = {k: frozenset(str(w).lower() for w in data[k] or ()) for k in WORD_SETS}
        phrases = [r"\b" + re.escape(str(p)).replace(r"\ ", r"\s+") + r"\b" for p in data["background_phrases"]]
        try:
            background = re.compile("|".join(phrases + [str(p) for p in data["background_patterns"]]), re.I)
            window = int(data["history_window_days"])
            lead = int(data.get("lead_sentences", 3))
            reach = int(data.get("act_place_reach", 2))
            toll_reach = int(data.get("toll_reach", 2))
            retell_reach = int(data.get("retell_reach", 2))
            retell_near_km = float(data.get("retell_near_km", 50))
            narrative_reach = int(data.get("narrative_reach", 3))
            future_reach = int(data.get("future_year_reach_days", 183))
            local_speakers = frozenset(str(w) for w in data.get("local_speaker_sectors") or ())
            shifts = {" ".join(str(k).lower().split()): int(v) for k, v in (data.get("narrative_shifts") or {}).items()}
            narrative_shift = re.compile(r"\b(" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in shifts)
                                         + r")\b", re.I) if shifts else re.compile(r"(?!x)x")
            ongoing = re.compile("|".join(r"\b" + re.escape(str(w)) + r"\b" for w in data["ongoing_words"]), re.I)
            continuation = re.compile(r"\s*(?:" + "|".join(
                re.escape(str(w)).replace(r"\ ", r"\s+") for w in data["continuation_openers"]) + r")\b", re.I)
        except (re.error, ValueError) as exc:
            raise TacitusError(f"{path}: a background pattern or the history window is malformed ({exc})") from exc
        return cls(**sets, agencies=tuple(str(a) for a in data["agencies"]),
                   seats={str(k).lower(): str(v) for k, v in (data["seats"] or {}).items()},
                   history_window_days=window, lead_sentences=lead, act_place_reach=reach, toll_reach=toll_reach,
                   retell_reach=retell_reach, retell_near_km=retell_near_km,
                   narrative_reach=narrative_reach, future_year_reach_days=future_reach, local_speakers=local_speakers,
                   background=background, ongoing=ongoing, narrative_shifts=shifts,
                   narrative_shift=narrative_shift,
                   continuation=continuation)

    def in_setting_phrase(self, tok, labels) -> bool:
        """Whether ``tok`` is the object of a preposition of setting ("in Geneva", "near Tunis", "during the
        run-off"); ``labels`` are the grammar's parser labels."""
        return tok.dep_ in labels.prep_object and tok.head.lower_ in self.setting_prepositions

    def names_no_place(self, tok, labels) -> bool:
        """Whether the place at ``tok`` names whom an office holder represents ("Texas Gov. George W. Bush", "the
        Ohio senator") or a war (:meth:`names_war`), not where anything happens; ``labels`` are the grammar's
        parser labels."""
        return self._before(tok, labels, self.constituency_titles) or self.names_war(tok, labels)

    def names_war(self, tok, labels) -> bool:
        """Whether the place at ``tok`` names a war ("the Vietnam war", "Vietnam draft resisters")."""
        return self._before(tok, labels, self.war_nouns)

    @staticmethod
    def _before(tok, labels, nouns: frozenset[str]) -> bool:
        """Whether ``tok`` stands right before, or modifies, one of ``nouns`` (the parser often hangs it elsewhere)."""
        def one(t) -> bool:
            return t.lower_.rstrip(".") in nouns or t.lemma_.lower() in nouns

        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (after is not None and one(after)) or (tok.dep_ in labels.modifier and tok.head.i != tok.i
                                                       and one(tok.head))
