"""Reading the package's knowledge files (YAML) with errors that name the file."""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml


def read_yaml_mapping(path: Path | Traversable) -> dict[str, Any]:
    """The top-level mapping of a YAML file (a path or a package resource); a ValueError naming the file when it
    is not one."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return raw
