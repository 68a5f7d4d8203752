"""Paths that would destroy data, refused before any work starts.

An output or report that is the store or one of the inputs (or lies in an input folder) would overwrite what the
run reads; a `--db` that is a data file (Parquet, CSV, JSON...) is no store, and DuckDB would silently keep the
run in memory; an output that cannot be written would fail only after the coding. Paths are compared resolved
(symbolic links, relative forms, hard links). Each check raises PathProblem with a one-line reason naming the
option and the path; the CLI exits with 2 on it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from tacitus.errors import TacitusError

DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file
DATA_SUFFIXES = frozenset({
    ".parquet", ".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".txt", ".html", ".htm", ".xml", ".xlsx", ".xls",
    ".arrow", ".feather", ".avro", ".orc", ".warc", ".gz", ".zip", ".bz2", ".xz", ".zst", ".md", ".pdf",
})


class PathProblem(TacitusError, ValueError):
    """A path option that would lose data or cannot be used; the message is the one-line reason."""


def _kind(head: bytes) -> str:
    """What a file that is not a DuckDB database looks like, from its first bytes."""
    if not head:
        return "an empty file"
    if head.startswith(b"PAR1"):
        return "a Parquet file"
    if head.startswith((b"\x1f\x8b", b"PK\x03\x04", b"BZh", b"\xfd7zXZ", b"(\xb5/\xfd")):
        return "a compressed file"
    if head.startswith(b"SQLite format 3"):
        return "an SQLite database"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return "a JSON file"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "a file of another format"
    return "a text file (CSV, TSV or plain text)"


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: resolved alike, or the same file on disk (hard links)."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def inside(path: str | Path, folder: str | Path) -> bool:
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real.startswith(root.rstrip(os.sep) + os.sep)


def check_store(db: Path, option: str = "--db") -> None:
    """An existing ``db`` must be a DuckDB file; a new one must not have the name of a data file."""
    if db.is_dir():
        raise PathProblem(f"{option} {db}: is a folder, not a DuckDB store file")
    if db.exists():
        try:
            with open(db, "rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise PathProblem(f"{option} {db}: cannot read: {exc.strerror or exc}") from None
        if head[8:12] != DUCKDB_MAGIC:
            raise PathProblem(f"{option} {db}: {_kind(head)}, not a DuckDB store; give the store's file, or a new "
                              "name ending in .duckdb")
        return
    suffix = db.suffix.lower()
    if suffix in DATA_SUFFIXES:
        raise PathProblem(f"{option} {db}: a new store would get the name of a {suffix} data file; name it "
                          f"{db.with_suffix('.duckdb').name} (exports are written by 'tacitus export')")
    check_writable(db, option)


def check_writable(path: Path, option: str) -> None:
    """``path`` can be written: its folder exists and takes a new file, or the file takes appends."""
    if path.is_dir():
        raise PathProblem(f"{option} {path}: is a folder, not a file")
    parent = path.parent
    if not parent.exists():
        raise PathProblem(f"{option} {path}: no such folder {parent}")
    if not parent.is_dir():
        raise PathProblem(f"{option} {path}: {parent} is not a folder")
    try:
        if path.exists():
            open(path, "ab").close()
        else:
            open(path, "xb").close()
            path.unlink()
    except OSError as exc:
        raise PathProblem(f"{option} {path}: cannot write: {exc.strerror or exc}") from None


def check_not_an_input(path: Path, option: str, inputs: Iterable[str]) -> None:
    for raw in inputs:
        if raw == "-":
            continue
        if os.path.isdir(raw) and inside(path, raw):
            raise PathProblem(f"{option} {path}: is inside the input folder {raw}, which the run reads")
        if same_file(path, raw):
            raise PathProblem(f"{option} {path}: is the input {raw}; writing it would destroy what the run reads")


def check_code_paths(inputs: list[str], output: Path | None, report: Path | None, db: Path | None) -> None:
    """The checks of `tacitus code`, in the order a user would fix them."""
    if db is not None:
        check_store(db)
    named = [("-o", output), ("--report", report)]
    for option, path in named:
        if path is None:
            continue
        if db is not None and same_file(path, db):
            raise PathProblem(f"{option} {path}: is the store given with --db; it would overwrite the store")
        check_not_an_input(path, option, inputs)
    if output is not None and report is not None and same_file(output, report):
        raise PathProblem(f"--report {report}: is the output given with -o")
    for option, path in named:
        if path is not None:
            check_writable(path, option)


def check_export_paths(db: Path, output: Path) -> None:
    """The checks of `tacitus export`: a DuckDB store, and an output that is not the store."""
    check_store(db)
    if same_file(output, db):
        raise PathProblem(f"-o {output}: is the store given with --db; it would overwrite the store")
    check_writable(output, "-o")
