"""Verb and noun predicate patterns, loaded from events/data/verbs.yaml and nouns.yaml."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tacitus.events.ontology import lookup


@dataclass(frozen=True)
class Sense:
    """One way a predicate word can be coded, and the conditions under which it applies."""

    lemma: str
    code: str
    plover: str | None = None
    mode: str | None = None
    particle: str | None = None
    prep: str | None = None
    obj: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    targets: tuple[str, ...] = ("dobj",)
    no_object_target: bool = False
    confidence: float = 0.6
    source_sector: str | None = None
    carried: bool = False  # a noun sense that applies only when a verb carries the noun ("went on strike")
    complement: bool = False  # a verb sense that applies only with a clausal complement ("agreed to withdraw")
    subject: tuple[str, ...] = ()  # lemmas one of which must name the subject ("peacekeepers arrived")

    @property
    def plover_type(self) -> str | None:
        return self.plover or lookup(self.code).plover_type

    @property
    def plover_mode(self) -> str | None:
        return self.mode if self.mode is not None else lookup(self.code).plover_mode


_KEYS = {"code", "plover", "mode", "particle", "prep", "obj", "modifiers", "targets", "no_object_target",
         "confidence", "source_sector", "carried", "complement", "subject"}


class _StrictLoader(yaml.BaseLoader):
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


def _sense(lemma: str, spec: Any, default_targets: tuple[str, ...], where: str) -> Sense:
    if isinstance(spec, str):
        spec = {"code": spec}
    if not isinstance(spec, dict) or "code" not in spec:
        raise ValueError(f"{where}: entry {lemma!r} needs a CAMEO code")
    unknown = set(spec) - _KEYS
    if unknown:
        raise ValueError(f"{where}: entry {lemma!r} has unknown keys {sorted(unknown)}")
    code = str(spec["code"])
    lookup(code)  # fail early on a code we do not know
    return Sense(
        lemma=lemma, code=code, plover=spec.get("plover"), mode=spec.get("mode"), particle=spec.get("particle"),
        prep=spec.get("prep"), obj=tuple(spec.get("obj") or ()), modifiers=tuple(spec.get("modifiers") or ()),
        targets=tuple(spec.get("targets") or default_targets),
        no_object_target=str(spec.get("no_object_target", "false")).lower() == "true",
        confidence=float(spec.get("confidence", 0.6)), source_sector=spec.get("source_sector"),
        carried=str(spec.get("carried", "false")).lower() == "true",
        complement=str(spec.get("complement", "false")).lower() == "true",
        subject=tuple(spec.get("subject") or ()),
    )


def _senses(data: dict, section: str, default_targets: tuple[str, ...], where: str) -> dict[str, tuple[Sense, ...]]:
    """The lemma -> senses table of one section (verbs or nouns) of a parsed pattern file."""
    entries = data.get(section) or {}
    book: dict[str, tuple[Sense, ...]] = {}
    for lemma, spec in entries.items():
        specs = spec if isinstance(spec, list) else [spec]
        book[str(lemma).lower()] = tuple(_sense(str(lemma).lower(), s, default_targets, where) for s in specs)
    return book


WORD_LISTS = ("light_verbs", "consequence_verbs", "motion_verbs", "collective_nouns", "accident_words", "as_verbs")


def _word_list(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


@dataclass
class PatternBook:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    light_verbs: frozenset[str] = frozenset()
    consequence_verbs: frozenset[str] = frozenset()
    motion_verbs: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    accident_words: frozenset[str] = frozenset()
    as_verbs: frozenset[str] = frozenset()

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "PatternBook":
        pkg = resources.files("tacitus.events").joinpath("data")
        verbs = _read(pkg.joinpath("verbs.yaml").read_text(encoding="utf-8"), "verbs.yaml")
        nouns = _read(pkg.joinpath("nouns.yaml").read_text(encoding="utf-8"), "nouns.yaml")
        return cls(verbs=_senses(verbs, "verbs", ("dobj",), "verbs.yaml"),
                   nouns=_senses(nouns, "nouns", (), "nouns.yaml"),
                   **{k: _word_list(verbs, k) for k in WORD_LISTS})

    def extended(self, path: str | Path) -> "PatternBook":
        """A copy with the `verbs:` and `nouns:` of a user YAML file merged over these patterns."""
        data = _read(Path(path).read_text(encoding="utf-8"), str(path))
        verbs = {**self.verbs, **_senses(data, "verbs", ("dobj",), str(path))}
        nouns = {**self.nouns, **_senses(data, "nouns", (), str(path))}
        return PatternBook(verbs=verbs, nouns=nouns,
                           **{k: getattr(self, k) | _word_list(data, k) for k in WORD_LISTS})

    def vocabulary(self) -> set[str]:
        """Every lemma that can start an event (for cheap sentence prefilters)."""
        return set(self.verbs) | set(self.nouns)
