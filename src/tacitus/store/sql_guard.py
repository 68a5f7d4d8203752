"""Decide whether a SQL text is a plain read, using DuckDB's own parser (not pattern matching on keywords)."""

from __future__ import annotations

import re

import duckdb

from tacitus.store.errors import QueryRefusedError

# PRAGMAs that only report on the database or the engine.
READ_PRAGMAS = frozenset({
    "table_info", "show", "show_tables", "show_tables_expanded", "database_list", "database_size",
    "storage_info", "version", "platform", "functions", "collations", "metadata_info", "user_agent",
})

_PRAGMA_NAME = re.compile(r"^\s*pragma\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


def check_read_only(sql: str) -> None:
    """Raise QueryRefusedError unless ``sql`` is exactly one SELECT/WITH/DESCRIBE/SHOW/SUMMARIZE or read PRAGMA."""
    if not isinstance(sql, str) or not sql.strip():
        raise QueryRefusedError("query refused: the SQL text is empty")
    parser = duckdb.connect(":memory:")
    try:
        statements = parser.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefusedError(f"query refused: the SQL does not parse: {exc}") from exc
    finally:
        parser.close()
    if len(statements) != 1:
        raise QueryRefusedError(f"query refused: expected exactly one statement, got {len(statements)}")
    stmt = statements[0]
    kind = stmt.type
    if kind == duckdb.StatementType.SELECT:
        return
    if kind == duckdb.StatementType.PRAGMA:
        match = _PRAGMA_NAME.match(stmt.query)
        name = match.group(1).lower() if match else "?"
        if name in READ_PRAGMAS:
            return
        raise QueryRefusedError(f"query refused: PRAGMA {name} is not a read-only pragma")
    raise QueryRefusedError(f"query refused: {kind.name} statements are not allowed (reads only)")
