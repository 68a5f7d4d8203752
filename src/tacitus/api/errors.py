"""Error answers of the API: short, and without the server's paths or process ids.

A 422 names the parameter and the rule it breaks and echoes at most ``ECHO`` characters of the value; a 503 says
in plain words why the store cannot be read (the full error goes to the server's log).
"""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from tacitus.api.snapshot import public_reason
from tacitus.store import StoreError

ECHO = 40
log = logging.getLogger("tacitus.serve")


def short(value: object) -> object:
    """A value to echo: numbers and booleans as they are, anything else as text of at most ECHO characters."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= ECHO else text[:ECHO] + f"… ({len(text):,} characters)"


async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422 body (type, loc, msg, input, ctx for each error) with every echoed value shortened."""
    details = []
    for error in exc.errors():
        item = {key: error[key] for key in ("type", "loc", "msg") if key in error}
        if "input" in error:
            item["input"] = short(error["input"])
        if isinstance(error.get("ctx"), dict):
            item["ctx"] = {key: short(value) for key, value in error["ctx"].items()}
        details.append(item)
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(details)})


async def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
    log.warning("%s %s: event store unavailable: %s", request.method, request.url.path, exc)
    return JSONResponse(status_code=503, content={"detail": f"event store unavailable: {public_reason(exc)}"})
