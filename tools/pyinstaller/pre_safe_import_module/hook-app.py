"""PyInstaller does not see setuptools' package-dir mapping (pyproject.toml: app.resources = resources/,
app.seeds = seeds/) in an editable install: give the ``app`` package the repository root as a second folder, so
``app.resources`` and ``app.seeds`` are found where the mapping puts them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_safe_import_module(api):
    api.append_package_path(str(ROOT))
