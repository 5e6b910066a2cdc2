"""The window's start-up stays short (issue #10; ``qawl bench ui --only startup`` measures it): what is not on screen
at first paint is not imported on the way there. A module that slips back onto the start-up path costs every start
and no test would otherwise notice."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Never needed to show the window on a project (each is loaded when its feature is first used).
NOT_AT_START = (
    "sqlite_utils", "numpy",  # migrations of an old file only (~100 ms with numpy)
    "app.core.suggest", "app.operations.suggesting",  # the suggestion engine: loaded once the window is up
    "app.core.claims.suggest", "app.core.claims.checkworthy",  # claim suggestions
    "app.core.review.agreement", "app.operations.reports",  # the agreement report
    "app.core.formats", "app.operations.transfer",  # other tools' formats, import and export
    "app.operations.team.sync", "app.operations.team.git",  # a team sync, when asked for
    "app.core.sources",  # reading files to import (a new default project's sample only)
    "app.ui.chart",  # the project overview's charts
    "app.ui.dialogs", "app.ui.transfer",  # dialogs
    # (html: app.ui.guidelines imports it at start since the guidelines merge; no longer guarded)
)

PROBE = """
import sys
import atexit

def report():
    print("MODULES " + " ".join(sorted(sys.modules)), flush=True)

atexit.register(report)
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _loaded_at_start(tmp_path, *args: str) -> set[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_EXIT_WHEN_READY="1",
               QAWL_SETTINGS_DIR=str(tmp_path / "settings"))
    out = subprocess.run([sys.executable, "-c", PROBE, "gui", *args], capture_output=True, text=True, env=env,
                         cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.startswith("ready "), out.stdout
    line = next(x for x in out.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def _offenders(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if any(m == name or m.startswith(name + ".") for name in NOT_AT_START))


@pytest.mark.slow
def test_the_window_starts_on_a_project_without_loading_what_it_does_not_show(tmp_path, seed_path):
    db = tmp_path / "p.db"
    from app.core.sources import read_sources
    from app.store import Store

    store = Store.open(db)
    store.import_records(read_sources([seed_path]))
    store.close()
    loaded = _loaded_at_start(tmp_path, "--db", str(db), "--annotator", "amal")
    assert "app.ui.window" in loaded  # the probe did see the window start
    assert _offenders(loaded) == []


def test_importing_the_window_does_not_import_the_engines():
    code = "import sys, app.ui.window, app.ui.main; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert _offenders(set(out.stdout.split())) == []
