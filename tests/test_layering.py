"""The layering rules of STYLE.md, checked: the core is pure Python (no Qt, no SQL), the UI never writes SQL,
and only the app/store package talks to SQLite."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_imports_neither_qt_nor_sql():
    for path in (APP / "core").rglob("*.py"):
        bad = imports_of(path) & {"PySide6", "sqlite3", "sqlite_utils"}
        assert not bad, f"{path.relative_to(APP.parent)} imports {bad}"


def test_only_the_store_and_benchmarks_touch_sqlite():
    for path in APP.rglob("*.py"):
        if path.parts[-2] in ("store", "bench"):
            continue
        bad = imports_of(path) & {"sqlite3", "sqlite_utils"}
        assert not bad, f"{path.relative_to(APP.parent)} imports {bad}: SQL belongs in app/store/"


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("import-linter is not installed")
    result = subprocess.run([exe], capture_output=True, text=True, cwd=APP.parent)
    assert result.returncode == 0, result.stdout + result.stderr
