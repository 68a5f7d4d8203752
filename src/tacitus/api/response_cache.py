"""Answers to repeated API requests, kept per copy of the store.

The server reads a copy that does not change (api/snapshot.py), so the same GET on the same copy always gets the
same answer; many users of a dashboard ask for the same pages, series and dyads. A 200 answer to a GET under
/api/ is kept, keyed by the copy, the path and the query string, in a least-recently-used cache bounded in bytes.
A new copy makes the old answers unreachable (they age out). Answers carry ``X-Tacitus-Cache: hit`` or ``miss``.
"""

from __future__ import annotations

from cachetools import LRUCache
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tacitus.api.snapshot import StoreSnapshot

MAX_BYTES = 64 * 1024 * 1024
MAX_ANSWER_BYTES = 2 * 1024 * 1024


class ResponseCache:
    """ASGI middleware caching 200 answers to GET /api/... for the snapshot's current copy."""

    def __init__(self, app: ASGIApp, snapshot: StoreSnapshot, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.snapshot = snapshot
        self.answers: LRUCache = LRUCache(maxsize=max_bytes, getsizeof=lambda answer: len(answer[1]) + 512)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        self.snapshot.look()
        key = (self.snapshot.copy_number, scope["path"], scope["query_string"])
        answer = self.answers.get(key)  # the event loop's thread alone touches the cache
        if answer is not None:
            headers, body = answer
            await send({"type": "http.response.start", "status": 200, "headers": [*headers, (b"x-tacitus-cache",
                                                                                              b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), (b"x-tacitus-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and start.get("status") == 200:
                    body = b"".join(chunks)
                    if len(body) <= MAX_ANSWER_BYTES:
                        self.answers[key] = (list(start.get("headers", [])), body)
            await send(message)

        await self.app(scope, receive, keep)
