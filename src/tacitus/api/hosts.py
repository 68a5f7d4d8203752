"""Which Host headers the server answers (a defence against DNS rebinding).

A page on another site can make a browser send requests to a server on this machine under the other site's name
(its DNS answer changes to 127.0.0.1). The browser then sends that name in the Host header, so the server answers
only the names it is reached by: the address it is bound to, the loopback names when it is bound to a loopback or
to every interface, and the names given with ``--allowed-host``. Ports are not compared.
"""

from __future__ import annotations

import ipaddress
from typing import Iterable

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
EVERY_INTERFACE = ("0.0.0.0", "::", "[::]")


def _as_host_header(name: str) -> str:
    """A name as it appears in a Host header: lower case, an IPv6 address in brackets."""
    name = name.strip().lower()
    if ":" in name and not name.startswith("["):
        return f"[{name}]"
    return name


def _is_loopback(name: str) -> bool:
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> list[str]:
    """The Host names a server bound to ``bound`` answers; ``extra`` names (or ``*.domain`` patterns, or ``*`` for
    any) are added. ValueError naming a pattern Starlette's TrustedHostMiddleware would not accept."""
    names: list[str] = []
    for given in extra:
        name = _as_host_header(given)
        if not name or ("*" in name and name != "*" and not (name.startswith("*.") and "*" not in name[1:])):
            raise ValueError(f"allowed host {given!r}: give a host name, '*.domain' or '*'")
        names.append(name)
    bound_name = _as_host_header(bound)
    if bound_name not in EVERY_INTERFACE:
        names.append(bound_name)
    if bound_name in EVERY_INTERFACE or _is_loopback(bound_name):
        names.extend(LOOPBACK_NAMES)
    return list(dict.fromkeys(names))
