"""Engines: where the documents are coded. A name -> function table (``ENGINES``), chosen by ``Settings.engine``.

An engine takes the groups of documents (each a list of (InputStatus, Document) pairs), the function that picks
the documents of a group to code, and the settings; it yields each group with its documents' results (a list of
events, or a failures.Failure, per document), groups in input order. A new engine is a function here and its name
in the table::

    def thread_engine(groups, todo, settings):
        coder = Coder(settings)
        for group in groups:
            yield group, coder.code_each(todo(group))

    ENGINES["threads"] = thread_engine
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tacitus.coding import Coder
    from tacitus.records import Document, InputStatus
    from tacitus.settings import Settings

Group = list[tuple["InputStatus", "Document | None"]]
Todo = Callable[[Group], list["Document"]]

_WORKER: Coder | None = None


def _init_worker(settings: Settings) -> None:
    from tacitus.coding import Coder

    global _WORKER
    _WORKER = Coder(settings)


def _work(documents: list[Document]) -> list:
    assert _WORKER is not None
    return _WORKER.code_each(documents)


def local_engine(groups: Iterable[Group], todo: Todo, settings: Settings) -> Iterator[tuple[Group, list]]:
    """This machine: the coder in this process (one worker), or in a pool of ``settings.workers`` processes that
    code groups ahead while earlier ones are handed back, in input order."""
    from tacitus.coding import Coder

    if settings.workers <= 1:
        coder = Coder(settings)
        for group in groups:
            yield group, coder.code_each(todo(group))
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with ctx.Pool(settings.workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending = []
        for group in groups:
            pending.append((group, pool.apply_async(_work, (todo(group),))))
            while len(pending) > settings.workers * 2:
                g, res = pending.pop(0)
                yield g, res.get()
        for g, res in pending:
            yield g, res.get()


def ray_engine(groups: Iterable[Group], todo: Todo, settings: Settings) -> Iterator[tuple[Group, list]]:
    """A Ray cluster (``settings.ray_address``, or a local Ray started for the run): ray_engine.py."""
    from tacitus.ray_engine import ray_results

    yield from ray_results(groups, todo, settings)


Engine = Callable[[Iterable[Group], Todo, "Settings"], Iterator[tuple[Group, list]]]
ENGINES: dict[str, Engine] = {"local": local_engine, "ray": ray_engine}
