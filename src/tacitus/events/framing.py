"""What an act takes from the words around it: the precise code of a framing act from what it frames
(``events/data/framing.yaml``: "urged Israel to withdraw" is an appeal to yield) and a PLOVER mode from cue words
(``events/data/mode_cues.yaml``: "spoke over the phone" is CONSULT by phone)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from tacitus.datafiles import BASE_LOADER, read_yaml_mapping
from tacitus.events.ontology import Ontology

MEANS_HOPS = 3  # how far up a cue word may stand from the weapon noun it describes ("filled with X")

CodeAndMode = tuple[str, "str | None"]


@dataclass(frozen=True)
class Framing:
    """framing type -> framed type (or TYPE:mode) -> (CAMEO code, PLOVER mode)."""

    tables: dict[str, dict[str, CodeAndMode]]

    @classmethod
    def load(cls, ontology: Ontology, path: str | Path | Traversable | None = None) -> "Framing":
        """The tables of a file; each code and mode is checked against ``ontology``."""
        path = path or resources.files("tacitus.events").joinpath("data/framing.yaml")
        data = read_yaml_mapping(path)
        tables = {frame: {k: (str(v[0]), v[1]) for k, v in table.items()} for frame, table in data.items()}
        for frame, table in tables.items():
            for framed, (code, mode) in table.items():
                ontology.check(code, None, mode, f"{path}: {frame} {framed}")
        return cls(tables)

    def code_for(self, frame: str | None, framed_type: str | None, framed_mode: str | None) -> CodeAndMode | None:
        """The code and mode of a ``frame`` act ("REQUEST") on an act of ``framed_type``; a row for the framed
        mode ("COERCE:arrest") wins over the bare type. None when the table has neither."""
        table = self.tables.get(frame or "", {})
        return table.get(f"{framed_type}:{framed_mode}") or table.get(framed_type or "")


@dataclass(frozen=True)
class ModeCue:
    code: str
    words: frozenset[str]
    plover: str | None  # the PLOVER type the cue turns the event into (None: unchanged)
    anywhere: bool  # the words may stand anywhere in the predicate's phrase
    unless_mode: bool = False  # applies only to a predicate that has no mode yet
    unless_words: frozenset[str] = frozenset()  # ... and not where these words stand ("a murder-suicide")
    over: frozenset[str] = frozenset()  # modes the cue replaces all the same (a weapon's, by a more telling one) ...
    means: frozenset[str] = frozenset()  # ... when its word is or modifies one of these nouns of a weapon
    doers: frozenset[str] = frozenset()  # nouns of people that name the means only as the act's doer, not its victim

    def acted_on(self, verb, labels) -> set[int]:
        """Tokens of the phrases of ``doers`` the predicate acts on ("police shot a would-be suicide bomber"):
        their words name no means of the act."""
        return {t.i for c in verb.children if (c.dep_ in labels.object or c.dep_ in labels.passive_subject)
                and c.lemma_.lower() in self.doers for t in c.subtree}


@dataclass(frozen=True)
class ModeCues:
    """PLOVER type -> mode -> the cue that sets it."""

    table: dict[str, dict[str, ModeCue]]

    @classmethod
    def load(cls, ontology: Ontology, path: str | Path | Traversable | None = None) -> "ModeCues":
        """The cues of a file; each cue's code, type and mode are checked against ``ontology``."""
        path = path or resources.files("tacitus.events").joinpath("data/mode_cues.yaml")
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=BASE_LOADER) or {}
        for ptype, modes in data.items():
            for mode, spec in modes.items():
                shown_mode = None if spec.get("plover") else mode  # a cue that changes the type sets no mode
                ontology.check(str(spec["code"]), spec.get("plover") or ptype, shown_mode, f"{path}: {ptype} {mode}")
        return cls({ptype: {mode: ModeCue(code=str(spec["code"]), words=frozenset(spec["words"]),
                                          plover=spec.get("plover"),
                                          anywhere=str(spec.get("anywhere")).lower() == "true",
                                          unless_mode=str(spec.get("unless_mode")).lower() == "true",
                                          unless_words=frozenset(spec.get("unless_words") or ()),
                                          over=frozenset(spec.get("over") or ()),
                                          means=frozenset(spec.get("means") or ()),
                                          doers=frozenset(spec.get("doers") or ()))
                            for mode, spec in modes.items()}
                    for ptype, modes in data.items()})

    def of_type(self, plover_type: str | None) -> dict[str, ModeCue]:
        return self.table.get(plover_type or "", {})


def names_means(heads, cue, nominal, skip: set[int]) -> bool:
    """Whether a cue's word in the phrases of ``heads`` (not at ``skip``) is, or stands in the phrase of, a noun of a
    weapon ("a suicide bomber", "grenades filled with chloropicrin"; not "a chemical plant", "an apparent suicide")."""
    return any(tok.lemma_.lower() in cue.words and tok.i not in skip and _under_means(tok, cue.means, nominal)
               for head in heads if head is not None for tok in head.subtree)


def _under_means(tok, means: frozenset[str], nominal) -> bool:
    for _ in range(MEANS_HOPS + 1):
        if tok.lemma_.lower() in means and tok.pos_ in nominal:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
