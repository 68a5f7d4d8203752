"""The same pipeline on Ray Data: documents are read by tacitus's ingest on the driver (every input accounted
for, as with the local engine), coded by Ray actors that each load the model once, and handed back in input
order for the same writers and store.

Local: ``tacitus code corpus/ --engine ray --workers 4`` starts a Ray on this machine. A cluster: start it
(``ray start --head`` on one node, ``ray start --address HEAD:6379`` on the others, each with tacitus and its
spaCy model installed), then ``tacitus code corpus/ --engine ray --ray-address auto --workers N`` on the head.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict

from tacitus.failures import Failure
from tacitus.records import Document, Event, InputStatus
from tacitus.settings import Settings

WINDOW_TASKS = 64  # groups of documents handed to Ray at a time (bounds the driver's memory)


class _RayCoder:
    """A Ray Data worker: one Coder (one model load) per actor."""

    def __init__(self, settings: dict) -> None:
        from tacitus.coding import Coder

        settings["actor_files"] = tuple(settings["actor_files"])
        settings["pattern_files"] = tuple(settings["pattern_files"])
        self.coder = Coder(Settings(**settings))

    def __call__(self, batch: dict) -> dict:
        out = []
        for payload in batch["docs"]:
            docs = [Document(**d) for d in json.loads(payload)]
            out.append(json.dumps([encode(result) for result in self.coder.code_each(docs)]))
        return {"task": batch["task"], "events": out}


def encode(result: list[Event] | Failure) -> list[dict] | dict:
    """One document's result as JSON: its events, or its failure (an object with a "failure" key)."""
    if isinstance(result, Failure):
        return {"failure": asdict(result)}
    return [e.to_dict() for e in result]


def decode(item: list[dict] | dict) -> list[Event] | Failure:
    if isinstance(item, dict):
        return Failure(**item["failure"])
    return [Event.from_dict(e) for e in item]


def ray_results(groups: Iterable[list[tuple[InputStatus, Document | None]]], todo, settings: Settings
                ) -> Iterator[tuple[list, list[list[Event] | Failure]]]:
    """(group, events or Failure of each document to code in it) for every group, in order, coded on Ray."""
    try:
        import ray
    except ImportError as exc:
        raise RuntimeError("the Ray engine needs the 'ray' extra: pip install 'tacitus[ray]'") from exc
    if not ray.is_initialized():
        ray.init(address=settings.ray_address, num_cpus=None if settings.ray_address else settings.workers,
                 include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    config = asdict(settings)
    window: list[list] = []

    def flush() -> Iterator[tuple[list, list[list[Event] | Failure]]]:
        items = [{"task": i, "docs": json.dumps([asdict(d) for d in todo(g)])} for i, g in enumerate(window)]
        ds = ray.data.from_items(items).map_batches(
            _RayCoder, fn_constructor_kwargs={"settings": dict(config)}, batch_size=1,
            concurrency=max(1, settings.workers))
        rows = sorted(ds.take_all(), key=lambda r: r["task"])
        for group, row in zip(window, rows):
            yield group, [decode(item) for item in json.loads(row["events"])]

    for group in groups:
        window.append(group)
        if len(window) >= WINDOW_TASKS:
            yield from flush()
            window = []
    if window:
        yield from flush()
