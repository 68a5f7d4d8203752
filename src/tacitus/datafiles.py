"""Reading the package's knowledge files (YAML) with errors that name the file."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

# libyaml's parser when PyYAML was built with it (its wheels are), else PyYAML's own: the same documents, read about
# ten times faster (the knowledge files took 0.5 s of every process's start)
BASE_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar a string
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_mapping(path: Path | Traversable, *, strings: bool = False) -> dict[str, Any]:
    """The top-level mapping of a YAML file (a path or a package resource); a ValueError naming the file when it
    is not one. With ``strings`` every scalar is read as a string (word lists where "on" and "no" are words,
    not booleans)."""
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=BASE_LOADER if strings else SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return raw
