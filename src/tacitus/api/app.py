"""The REST API over an event store, read from a private copy of it (api/snapshot.py) that follows the store."""

from __future__ import annotations

import datetime as _dt
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Iterable, Literal

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel
from starlette.middleware.trustedhost import TrustedHostMiddleware

import tacitus
from tacitus import analysis
from tacitus.records import COUNTED_MODALITIES
from tacitus.api.errors import invalid_request, short, store_unavailable
from tacitus.api.hosts import allowed_hosts
from tacitus.api.response_cache import ResponseCache
from tacitus.api.snapshot import StoreSnapshot
from tacitus.store import EventStore, StoreError
from tacitus.store.event_groups import event_group
from tacitus.store.filters import EventFilter, bbox_bounds

_NOT_FOUND = {404: {"description": "Not found"}}
HANDLER_THREADS = 4  # requests handled at once in worker threads (cached answers need none)


class EventPage(BaseModel):
    """One page of events: the number matching the filters, and the events of this page."""

    total: int
    items: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    version: str
    schema_version: int
    counts: dict[str, int]
    data_as_of: str  # when the copy being served was taken from the store (UTC)
    refresh_problem: str | None = None  # why the latest copy could not be taken, while an older one is served


SORT_NAMES = ("-date", "date", "-confidence", "confidence", "-goldstein", "goldstein")


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """"min_lon,min_lat,max_lon,max_lat" -> checked numbers; a 422 naming the parameter otherwise."""
    if text is None or not text.strip():
        return None
    try:
        return bbox_bounds(text)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc


def _analysis_filters(country, ptype, actor, since, until, bbox) -> EventFilter:
    flt = EventFilter(country=country, plover_type=ptype, actor=actor, since=since, until=until, bbox=_bbox(bbox))
    try:
        flt.where("events")
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    return flt


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings, NaN as null."""
    out = {}
    for k, v in row.items():
        if isinstance(v, _dt.datetime):
            v = v.date().isoformat() if v.time() == _dt.time() else v.isoformat()  # a period is a day
        elif isinstance(v, _dt.date):
            v = v.isoformat()
        elif isinstance(v, float) and v != v:
            v = None
        elif hasattr(v, "item") and not isinstance(v, (list, dict, str)):
            v = v.item()  # numpy scalars
        out[k] = v
    return out


def _records(frame) -> list[dict[str, Any]]:
    return [_jsonable(r) for r in frame.to_dict(orient="records")]


def _index_html() -> str:
    return resources.files("tacitus.api").joinpath("index.html").read_text(encoding="utf-8")


def create_app(db_path: str | Path, *, host: str = "127.0.0.1", allowed_host: Iterable[str] = (),
               copy_folder: str | Path | None = None, check_every: float = 1.0) -> FastAPI:
    """A FastAPI app serving the store at ``db_path``; FileNotFoundError when it does not exist, a StoreError
    naming it when it is not a readable store.

    ``host`` is the address the server binds: Host headers other than it (with the loopback names when it is a
    loopback or every interface) and the ``allowed_host`` names are answered with 400. The app reads a copy of
    the store made in ``copy_folder`` (default: the system's temporary folder) and refreshed when the store
    changes (looked at every ``check_every`` s at most).
    """
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"event store {path} does not exist (code some documents into it first)")
    hosts = allowed_hosts(host, allowed_host)
    snapshot = StoreSnapshot(path, folder=copy_folder, check_every=check_every)
    page = _index_html()
    outlines = resources.files("tacitus.api").joinpath("static", "world.json").read_bytes()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Few handler threads: DuckDB runs outside the GIL and two cores are busy with a few queries, while many
        # threads wanting the GIL would starve the event loop, and with it every answer (cached ones too).
        anyio.to_thread.current_default_thread_limiter().total_tokens = HANDLER_THREADS
        yield
        snapshot.close()

    app = FastAPI(
        title="tacitus",
        version=tacitus.__version__,
        description="Political events coded in PLOVER and CAMEO from news text, read from a tacitus event store.",
        lifespan=lifespan,
    )
    app.state.db_path = path
    app.state.snapshot = snapshot
    app.add_middleware(ResponseCache, snapshot=snapshot)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False)  # outermost: runs first
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StoreError, store_unavailable)

    async def store() -> AsyncIterator[EventStore]:
        """The request's store: taken and given back on the event loop (neither waits), used by the handler in a
        worker thread."""
        with snapshot.reading() as opened:
            yield opened

    @app.get("/health", response_model=Health, summary="Service and store status")
    def health(st: EventStore = Depends(store)) -> dict:
        return {"status": "ok", "version": tacitus.__version__, "schema_version": st.schema_version,
                "counts": st.counts(), "data_as_of": snapshot.taken_at.isoformat().replace("+00:00", "Z"),
                "refresh_problem": snapshot.problem}

    @app.get("/api/events", response_model=EventPage, summary="Events matching filters, newest first")
    def list_events(
        country: str | None = Query(None, max_length=16, description="source or target country code (ISO alpha-3 or PLOVER code)"),
        type: str | None = Query(None, max_length=40, description="PLOVER event type, e.g. ACCUSE"),
        actor: str | None = Query(None, max_length=200, description="part of the source or target name or words "
                                  "(any case; every character literal, % and _ too)"),
        since: _dt.date | None = Query(None, description="first day (ISO date), inclusive"),
        until: _dt.date | None = Query(None, description="last day (ISO date), inclusive"),
        modality: Literal["counted", "asserted", "negated", "future", "hypothetical", "all"] = Query(
            "counted", description="modality to show: counted (asserted and future acts, those the de-duplicated "
                                   "events and every count hold), one modality, or all"),
        mode: str | None = Query(None, max_length=40, description="PLOVER mode, e.g. phone"),
        bbox: str | None = Query(None, max_length=80, description="min_lon,min_lat,max_lon,max_lat of the place"),
        text: str | None = Query(None, max_length=200, description="part of the evidence sentence (any case; every "
                                 "character literal)"),
        sort: Literal[SORT_NAMES] = Query("-date", description="order; a leading '-' is descending"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=1_000_000),
        st: EventStore = Depends(store),
    ) -> dict:
        filters = dict(country=country, plover_type=type, actor=actor, since=since, until=until,
                       modality={"all": None, "counted": COUNTED_MODALITIES}.get(modality, modality), mode=mode, bbox=_bbox(bbox), text=text)
        try:
            total = st.count_events(**filters)
            items = st.events(**filters, limit=limit, offset=offset, sort=sort)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        return {"total": total, "items": items}

    @app.get("/api/events/{event_id}", responses=_NOT_FOUND,
             summary="One event mention, with the de-duplicated event it belongs to and a page of that event's "
                     "mentions")
    def get_event(
        event_id: str,
        mentions_limit: int = Query(50, ge=0, le=500, description="mentions of the event to list"),
        mentions_offset: int = Query(0, ge=0, le=10_000_000, description="mentions to skip (in event-id order)"),
        st: EventStore = Depends(store),
    ) -> dict:
        found = st.event(event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event {short(event_id)!r}")
        group = event_group(st.conn, event_id, limit=mentions_limit, offset=mentions_offset)
        real = None
        if group is not None:
            mentions = group.pop("mentions")
            real = {**_jsonable(group), "mentions": mentions, "mentions_limit": mentions_limit,
                    "mentions_offset": mentions_offset}
        return {**found, "real_event": real}

    @app.get("/api/series", summary="Events per period: counts, Goldstein sums and means, or quad classes")
    def series(
        measure: Literal["count", "goldstein", "quad"] = Query("count", description="what to count per period"),
        period: Literal["day", "week", "month", "year"] = Query("month"),
        country: str | None = Query(None, max_length=16), type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=200), since: _dt.date | None = Query(None),
        until: _dt.date | None = Query(None), bbox: str | None = Query(None, max_length=80),
        st: EventStore = Depends(store),
    ) -> list[dict]:
        flt = _analysis_filters(country, type, actor, since, until, bbox)
        frame = (analysis.quad_series if measure == "quad" else analysis.goldstein_series)(st, period, filters=flt)
        if measure == "count":
            frame = frame[["period", "events"]]
        return _records(frame)

    @app.get("/api/dyads", summary="De-duplicated events per dyad and period")
    def dyads(
        period: Literal["day", "week", "month", "year"] = Query("month"),
        country: str | None = Query(None, max_length=16), type: str | None = Query(None, max_length=40),
        actor: str | None = Query(None, max_length=200), since: _dt.date | None = Query(None),
        until: _dt.date | None = Query(None), bbox: str | None = Query(None, max_length=80),
        limit: int = Query(100, ge=1, le=1000), st: EventStore = Depends(store),
    ) -> list[dict]:
        flt = _analysis_filters(country, type, actor, since, until, bbox)
        return _records(analysis.dyad_counts(st, period, by_type=True, filters=flt).head(limit))

    @app.get("/api/actors", summary="The actors in most de-duplicated events")
    def actors(
        role: Literal["source", "target", "any"] = Query("any"), limit: int = Query(20, ge=1, le=500),
        country: str | None = Query(None, max_length=16), type: str | None = Query(None, max_length=40),
        since: _dt.date | None = Query(None), until: _dt.date | None = Query(None),
        bbox: str | None = Query(None, max_length=80), st: EventStore = Depends(store),
    ) -> list[dict]:
        flt = _analysis_filters(country, type, None, since, until, bbox)
        return _records(analysis.top_actors(st, limit, role, filters=flt))

    @app.get("/api/documents/{doc_id:path}", responses=_NOT_FOUND, summary="One document with its event ids "
             "(ids may hold slashes: paths and URLs)")
    def get_document(doc_id: str, st: EventStore = Depends(store)) -> dict:
        found = st.document(doc_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document {short(doc_id)!r}")
        return found

    @app.get("/api/runs", summary="Coding runs, newest first, with settings and reports")
    def list_runs(st: EventStore = Depends(store)) -> list[dict]:
        return st.runs()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> str:
        return page

    @app.get("/static/world.json", include_in_schema=False)
    def world() -> Response:
        """Country outlines for the map (Natural Earth 1:110m, public domain), served from the package."""
        return Response(content=outlines, media_type="application/json",
                        headers={"Cache-Control": "public, max-age=86400"})

    return app
