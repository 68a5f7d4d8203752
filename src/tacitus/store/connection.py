"""How the event store opens DuckDB: every connection sees only its own database file.

DuckDB can read any file the process can (``read_text('/etc/passwd')``, ``glob('/home/*')``, ``read_csv('http://…')``)
and fetch extensions from the network. A store needs none of that, so every connection it opens turns it off with
DuckDB's own settings, and locks the configuration so that no statement can turn it back on. A setting a store
connection needs goes into ``_SETTINGS`` here: after opening, ``SET`` fails.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

_SETTINGS = {
    # no file, URL or glob outside the database's own files (the WAL and the spill folder stay allowed)
    "enable_external_access": False,
    # nothing installed or loaded on demand (http:// and s3:// paths would otherwise fetch httpfs)
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    # no SET, RESET or PRAGMA can change the above afterwards
    "lock_configuration": True,
}


def connect(path: str | Path, *, read_only: bool, memory_limit: str | None = None,
            threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """A connection to the DuckDB file at ``path`` that can reach no other file; duckdb.Error when it cannot open.
    ``memory_limit`` ("64MB") bounds DuckDB's buffers (what it has read of the tables is evicted beyond it; a
    transaction that needs more than the limit at once fails), ``threads`` the threads it works with."""
    config: dict = dict(_SETTINGS)
    if memory_limit is not None:
        config["memory_limit"] = memory_limit
    if threads is not None:
        config["threads"] = threads
    return duckdb.connect(str(path), read_only=read_only, config=config)


def connect_memory() -> duckdb.DuckDBPyConnection:
    """An in-memory connection with the same limits (for parsing and checking SQL)."""
    return duckdb.connect(":memory:", config=dict(_SETTINGS))
