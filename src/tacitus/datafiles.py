"""Reading the package's knowledge files (YAML) with errors that name the file."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml


def read_yaml_mapping(path: Path | Traversable, *, strings: bool = False) -> dict[str, Any]:
    """The top-level mapping of a YAML file (a path or a package resource); a ValueError naming the file when it
    is not one. With ``strings`` every scalar is read as a string (word lists where "on" and "no" are words,
    not booleans)."""
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.load(text, Loader=yaml.BaseLoader) if strings else yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return raw
