"""The sample article a new default project opens on, shipped inside the package as ``app.seeds`` (this folder;
the mapping is in pyproject.toml) and read through :mod:`importlib.resources`: each ``NAME.txt`` with its
``NAME.json`` sidecar (title, date ...)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def articles() -> list[Path]:
    """The sample articles (.txt; their sidecars lie beside them)."""
    folder = Path(str(files(__name__)))
    return sorted(folder.glob("*.txt"))
