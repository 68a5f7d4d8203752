"""Analysis over the store's de-duplicated events: dyad counts per period, Goldstein and quad-class series, top
actors, with filters by country, type, actor, date range and bounding box.

    from tacitus.store import EventStore
    from tacitus import analysis
    with EventStore("events.duckdb", read_only=True) as store:
        analysis.dyad_counts(store, period="month", country="SYR")      # pandas DataFrame
        analysis.goldstein_series(store, period="week", arrow=True)     # pyarrow Table

Periods: "day", "week" (the Monday that starts it), "month", "year". An event dated only to a month or a year
falls in the first day of it; events without a date are left out of series.
"""

from __future__ import annotations

from typing import Any

from tacitus.store.filters import EVENTS_DAY_SQL, EventFilter

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}
ROLES = ("source", "target", "any")


# The one event filter (store/filters.py); the old name is kept for callers of tacitus 0.x.
Filters = EventFilter


def _period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"period {period!r}: choose one of {', '.join(PERIODS)}")
    return f"CAST(date_trunc('{PERIODS[period]}', {EVENTS_DAY_SQL}) AS DATE)"


def _run(store, sql: str, params: list[Any], arrow: bool):
    from tacitus.store.export import arrow_table

    result = store.conn.execute(sql, params)
    return arrow_table(result) if arrow else result.df()


def _filters(filters: EventFilter | None, kw: dict[str, Any]) -> tuple[str, list[Any]]:
    """The WHERE condition over the events view (``true`` when none) and its values."""
    where, params = EventFilter.given(filters, kw).where("events")
    return (where.removeprefix(" WHERE ") or "true"), params


def dyad_counts(store, period: str = "month", *, by_type: bool = False, filters: EventFilter | None = None,
                arrow: bool = False, **kw):
    """Events per period and dyad (source country+sector -> target country+sector), optionally per PLOVER type."""
    where, params = _filters(filters, kw)
    type_col = ", plover_type" if by_type else ""
    sql = (f"SELECT {_period(period)} AS period, source_country, source_sector, target_country, target_sector"
           f"{type_col}, count(*) AS events, CAST(sum(num_mentions) AS BIGINT) AS mentions FROM events "
           f"WHERE {where} AND date IS NOT NULL GROUP BY ALL ORDER BY period, events DESC, source_country NULLS LAST, "
           f"target_country NULLS LAST")
    return _run(store, sql, params, arrow)


def goldstein_series(store, period: str = "month", *, filters: EventFilter | None = None, arrow: bool = False, **kw):
    """Per period: events, the sum and the mean of their Goldstein scores (conflict below zero)."""
    where, params = _filters(filters, kw)
    sql = (f"SELECT {_period(period)} AS period, count(*) AS events, sum(goldstein) AS goldstein_sum, "
           f"avg(goldstein) AS goldstein_mean FROM events WHERE {where} AND date IS NOT NULL "
           f"GROUP BY ALL ORDER BY period")
    return _run(store, sql, params, arrow)


def quad_series(store, period: str = "month", *, filters: EventFilter | None = None, arrow: bool = False, **kw):
    """Per period: events of each quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    4 material conflict)."""
    where, params = _filters(filters, kw)
    sql = (f"SELECT {_period(period)} AS period, "
           + ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS quad_{q}" for q in (1, 2, 3, 4))
           + f" FROM events WHERE {where} AND date IS NOT NULL GROUP BY ALL ORDER BY period")
    return _run(store, sql, params, arrow)


def top_actors(store, n: int = 10, role: str = "any", *, filters: EventFilter | None = None, arrow: bool = False, **kw):
    """The actors (name, or text when unresolved, with country and sector) in most events, as source, target or
    either."""
    if role not in ROLES:
        raise ValueError(f"role {role!r}: choose one of {', '.join(ROLES)}")
    if int(n) < 1:
        raise ValueError(f"n={n!r}: ask for at least one actor")
    where, params = _filters(filters, kw)
    parts = []
    if role in ("source", "any"):
        parts.append(f"SELECT coalesce(source_name, source_text) AS actor, source_country AS country, "
                     f"source_sector AS sector FROM events WHERE {where}")
    if role in ("target", "any"):
        parts.append(f"SELECT coalesce(target_name, target_text) AS actor, target_country AS country, "
                     f"target_sector AS sector FROM events WHERE {where} AND coalesce(target_name, target_text) "
                     f"IS NOT NULL")
    sql = (f"SELECT actor, country, sector, count(*) AS events FROM ({' UNION ALL '.join(parts)}) "
           f"GROUP BY ALL ORDER BY events DESC, actor LIMIT {int(n)}")
    return _run(store, sql, params * len(parts), arrow)
