"""Decide whether a SQL text is a plain read, using DuckDB's own parser (not pattern matching on keywords).

A SELECT can hide a write: ``WITH d AS (DELETE FROM mentions RETURNING *) SELECT * FROM d`` parses as a SELECT.
So a SELECT's syntax tree (DuckDB's ``json_serialize_sql``) is walked, and every query node in it, at any depth,
must be a read. The guard is one of two walls: store connections also reach no file (store/connection.py).
"""

from __future__ import annotations

import json
import re

import duckdb

from tacitus.store.connection import connect_memory
from tacitus.store.errors import QueryRefusedError

# PRAGMAs that only report on the database or the engine.
READ_PRAGMAS = frozenset({
    "table_info", "show", "show_tables", "show_tables_expanded", "database_list", "database_size",
    "storage_info", "version", "platform", "functions", "collations", "metadata_info", "user_agent",
})

# Query nodes of DuckDB's syntax tree that read (any other *_NODE, such as DELETE_QUERY_NODE, writes).
READ_NODES = frozenset({"SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"})

# Table functions a read may not call, and why.
REFUSED_TABLE_FUNCTIONS = {
    "query": "query() runs SQL given as text; write the query itself",
    "checkpoint": "checkpoint() writes the database",
    "force_checkpoint": "force_checkpoint() writes the database",
}

_PRAGMA_NAME = re.compile(r"^\s*pragma\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


def _refuse(reason: str) -> QueryRefusedError:
    return QueryRefusedError(f"query refused: {reason}")


def _writing_part(tree: object) -> str | None:
    """Why a parsed SELECT is not a plain read, or None when every part of it reads."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        kind = node.get("type")
        if isinstance(kind, str) and kind.endswith("_NODE") and kind not in READ_NODES:
            verb = kind.removesuffix("_NODE").removesuffix("_QUERY").replace("_", " ")
            return f"it contains a {verb} (in a WITH clause or a subquery); reads only"
        if kind == "TABLE_FUNCTION":
            name = str((node.get("function") or {}).get("function_name", "")).lower()
            if name in REFUSED_TABLE_FUNCTIONS:
                return REFUSED_TABLE_FUNCTIONS[name]
        stack.extend(node.values())
    return None


def _check_select(parser: duckdb.DuckDBPyConnection, sql: str) -> None:
    row = parser.execute("SELECT json_serialize_sql(?)", [sql]).fetchone()
    try:
        tree = json.loads(row[0])
    except (RecursionError, ValueError, TypeError):
        raise _refuse("the statement is too deeply nested to check") from None
    if tree.get("error"):
        raise _refuse(f"the statement cannot be checked: {tree.get('error_message', 'unknown reason')}")
    reason = _writing_part(tree.get("statements"))
    if reason is not None:
        raise _refuse(reason)


def check_read_only(sql: str) -> None:
    """Raise QueryRefusedError unless ``sql`` is exactly one read: a SELECT/WITH/DESCRIBE/SHOW/SUMMARIZE whose every
    part reads (CTEs and subqueries included), or a read PRAGMA."""
    if not isinstance(sql, str) or not sql.strip():
        raise _refuse("the SQL text is empty")
    parser = connect_memory()
    try:
        try:
            statements = parser.extract_statements(sql)
        except duckdb.Error as exc:
            raise _refuse(f"the SQL does not parse: {one_line(exc)}") from exc
        if len(statements) != 1:
            raise _refuse(f"expected exactly one statement, got {len(statements)}")
        stmt = statements[0]
        kind = stmt.type
        if kind == duckdb.StatementType.SELECT:
            _check_select(parser, stmt.query)
            return
    finally:
        parser.close()
    if kind == duckdb.StatementType.PRAGMA:
        match = _PRAGMA_NAME.match(stmt.query)
        name = match.group(1).lower() if match else "?"
        if name in READ_PRAGMAS:
            return
        raise _refuse(f"PRAGMA {name} is not a read-only pragma")
    raise _refuse(f"{kind.name} statements are not allowed (reads only)")


def one_line(exc: BaseException) -> str:
    """The first line of a DuckDB error (its later lines point into the SQL text)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
