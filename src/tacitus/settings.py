"""The run settings: one small, typed object passed from the CLI or the Python API to the pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from tacitus.parse import DEFAULT_MODEL


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL  # an installed spaCy pipeline package
    workers: int = 1  # processes; each loads the model once
    batch_size: int = 32  # paragraphs per spaCy batch
    docs_per_task: int = 16  # documents a worker takes at a time
    published: str | None = None  # publication date for inputs that carry none
    actor_files: tuple[str, ...] = field(default_factory=tuple)  # user actor dictionaries, merged over built-ins
    pattern_files: tuple[str, ...] = field(default_factory=tuple)  # user verb/noun patterns, merged over built-ins
    learned: bool = True  # let the shipped sentence model rerank or drop where the patterns are unsure
    model_events: bool = False  # let it also add events the patterns missed (better on UTD, noisy on news)
    prefilter: bool = True  # parse only sentences with a word that may be a known predicate (off with model_events)
    engine: str = "local"  # "local" (this machine's processes) or "ray" (Ray Data, local or a cluster)
    ray_address: str | None = None  # a Ray cluster to join ("auto", "HOST:6379"); None starts a local Ray

    def __post_init__(self) -> None:
        if self.engine not in ("local", "ray"):
            raise ValueError(f"engine {self.engine!r}: choose local or ray")

    def to_dict(self) -> dict:
        return asdict(self)
