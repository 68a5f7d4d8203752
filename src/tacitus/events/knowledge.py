"""Everything the coder knows, in one bundle built in one place and handed to it.

:class:`Knowledge` holds the ontology, the predicate patterns, the modality words, the framing and mode-cue
tables, the actor resolver, the gazetteer and the words that anchor acts in place and time. :meth:`Knowledge.load` builds one from the package's files (and a
user's extra pattern and actor files); :meth:`Knowledge.default` is the built-in bundle, built once per process
and shared by every coder that uses no extra files. A test or a user can build another and pass it to
:class:`~tacitus.events.coder.EventCoder` (or ``tacitus.coding.Coder``) instead.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from tacitus.events.anchor_words import AnchorWords
from tacitus.events.calibration import Calibration
from tacitus.events.framing import Framing, ModeCues
from tacitus.events.modality import ModalityWords
from tacitus.events.ontology import Ontology
from tacitus.events.outlets import Outlets
from tacitus.events.patterns import PatternBook


@dataclass(frozen=True)
class Knowledge:
    ontology: Ontology
    patterns: PatternBook
    words: ModalityWords
    framing: Framing
    mode_cues: ModeCues
    resolver: "ActorResolver"  # noqa: F821  (tacitus.actors, imported when built)
    gazetteer: "Gazetteer"  # noqa: F821  (tacitus.geo)
    calibration: Calibration
    anchor_words: AnchorWords  # topics, venues, datelines, history (anchors.yaml)
    outlets: Outlets  # where news outlets publish from (outlets.yaml)

    @classmethod
    def load(cls, *, pattern_files: Sequence[str | Path] = (), actor_files: Sequence[str | Path] = (),
             ontology: Ontology | None = None) -> "Knowledge":
        """The package's knowledge, with the user's pattern files merged over the patterns and the user's actor
        files over the built-in actors."""
        from tacitus.actors import ActorResolver
        from tacitus.geo import Gazetteer

        ontology = ontology or Ontology.load()
        patterns = PatternBook.load(ontology)
        for path in pattern_files:
            patterns = patterns.extended(path)
        return cls(ontology=ontology, patterns=patterns, words=ModalityWords.load(), framing=Framing.load(ontology),
                   mode_cues=ModeCues.load(ontology), resolver=ActorResolver(actor_files), gazetteer=Gazetteer(),
                   anchor_words=AnchorWords.load(), outlets=Outlets.load(), calibration=Calibration.load())

    @classmethod
    @functools.lru_cache(maxsize=1)
    def default(cls) -> "Knowledge":
        """The built-in knowledge, built on first use and shared within the process."""
        return cls.load()

    def with_files(self, pattern_files: Sequence[str | Path] = (),
                   actor_files: Sequence[str | Path] = ()) -> "Knowledge":
        """This bundle with a user's pattern files merged over its patterns and a resolver that also reads the
        user's actor files (the rest is shared)."""
        if not pattern_files and not actor_files:
            return self
        from tacitus.actors import ActorResolver

        patterns = self.patterns
        for path in pattern_files:
            patterns = patterns.extended(path)
        resolver = ActorResolver(actor_files) if actor_files else self.resolver
        return replace(self, patterns=patterns, resolver=resolver)
