"""The run settings: one small, typed object passed from the CLI or the Python API to the pipeline."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from tacitus.parse import DEFAULT_MODEL

# The settings that change what is coded (the others only change how fast): a resume compares these.
CODING_FIELDS = ("model", "published", "actor_files", "pattern_files", "learned", "model_events", "prefilter")


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha1(fh.read()).hexdigest()[:16]
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL  # an installed spaCy pipeline package
    workers: int = 1  # processes; each loads the model once
    batch_size: int = 256  # texts per spaCy batch (runs of kept sentences: short, so many fit; 32 was 9% slower)
    docs_per_task: int = 16  # documents a worker takes at a time
    published: str | None = None  # publication date for inputs that carry none
    actor_files: tuple[str, ...] = field(default_factory=tuple)  # user actor dictionaries, merged over built-ins
    pattern_files: tuple[str, ...] = field(default_factory=tuple)  # user verb/noun patterns, merged over built-ins
    learned: bool = True  # let the shipped sentence model rerank or drop where the patterns are unsure
    model_events: bool = False  # let it also add events the patterns missed (better on UTD, noisy on news)
    prefilter: bool = True  # parse only sentences with a word that may be a known predicate (off with model_events)
    engine: str = "local"  # a name in engines.ENGINES: "local" (this machine's processes) or "ray" (Ray Data)
    ray_address: str | None = None  # a Ray cluster to join ("auto", "HOST:6379"); None starts a local Ray

    def to_dict(self) -> dict:
        return asdict(self)

    def coding(self) -> dict:
        """The settings that change coding; actor and pattern files by the digest of their content (an edited
        file changes the coding as much as another file does, and another path to the same file does not)."""
        values = {name: getattr(self, name) for name in CODING_FIELDS}
        for name in ("actor_files", "pattern_files"):
            values[name] = [_file_digest(path) for path in values[name]]
        return values

    def digest(self) -> str:
        """A short digest of :meth:`coding`: equal digests code the same text into the same events."""
        text = json.dumps(self.coding(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
