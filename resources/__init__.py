"""Files Qawl ships inside its package as ``app.resources`` (this folder; the mapping is in pyproject.toml):
the JSON Schema of the export, the Arabic translation, the icons and the Linux desktop entry.

Everything is read through :mod:`importlib.resources`, so an editable install (this folder), a wheel
(site-packages/app/resources) and the standalone bundle find the same files; nothing is looked up relative to a
source checkout. Screenshots and the translation source (.ts) stay in the repository only.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SCHEMA_FILE = "qawl-export-1.schema.json"
DESKTOP_FILE = "qawl.desktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def path(*parts: str) -> Path:
    """A shipped file or folder as a path on disk (the package is always installed unzipped: Qt reads these files
    by name)."""
    return Path(str(files(__name__).joinpath(*parts)))


def schema_path() -> Path:
    return path(SCHEMA_FILE)


def i18n_dir() -> Path:
    return path("i18n")


def icon_path(size: int) -> Path:
    return path("icons", f"qawl-{size}.png")


def icon_svg() -> Path:
    return path("icons", "qawl.svg")


def desktop_template() -> str:
    return path(DESKTOP_FILE).read_text(encoding="utf-8")
