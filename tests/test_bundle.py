"""The standalone bundle (tools/bundle.py, PyInstaller one-folder) starts with nothing but itself: offscreen on a
fresh default project it opens the sample article in the Arabic interface, its commands find their files, and
`qawl suggest` can spawn its worker processes from the frozen executable.

Skipped, saying so, where PyInstaller is not installed (`pip install -e '.[bundle]'`); the test extra has it, so
CI builds the bundle."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_ID = "000_615554193b62eb79"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None,
                                 reason="PyInstaller (the bundle's builder) is not installed: "
                                        "pip install -e '.[bundle]'")]


def load_tool():
    spec = importlib.util.spec_from_file_location("qawl_bundle_tool", REPO / "tools" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_starts_alone_on_the_sample_article_in_arabic(tmp_path):
    # One test: the bundle is built once (about 20 s), whichever worker runs it.
    folder = load_tool().build(tmp_path / "dist", tmp_path / "work")
    exe = folder / "qawl"
    assert not (folder / "_internal" / "numpy").exists()  # development libraries stay out
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QAWL_"))}
    home = tmp_path / "home"
    env.update(QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               QAWL_SETTINGS_DIR=str(home / "settings"))

    def run(*args, **extra):
        return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, timeout=120,
                              env=dict(env, **extra), cwd=tmp_path)

    out = run("gui", "--annotator", "amal", "--lang", "ar", QAWL_EXIT_WHEN_READY="1")
    assert out.returncode == 0, out.stderr[-3000:]
    ready, shown = out.stdout.splitlines()[:2]
    assert ready.startswith("ready ")
    shown = json.loads(shown)
    assert shown["document"] == SEED_ID
    assert shown["menus"][0] == "&ملف" and shown["menus"][-1] == "م&ساعدة"
    assert shown["icon"]
    assert "window started (Qawl" in (home / "data" / "qawl" / "logs" / "qawl.log").read_text(encoding="utf-8")

    import app

    assert run("--version").stdout.strip() == f"qawl {app.__version__}"
    assert Path(run("schema", "--path").stdout.strip()).is_relative_to(folder)
    assert json.loads(run("stats", "--json").stdout)["documents"] == 1
    assert run("desktop", "install").returncode == 0
    entry = (home / "data" / "applications" / "qawl.desktop").read_text(encoding="utf-8").splitlines()
    assert f"Exec={exe.resolve()} gui" in entry  # the menu starts the bundle itself
    bench = run("bench", "store")
    assert bench.returncode == 1 and "source checkout" in bench.stderr

    # More than 128 documents: `qawl suggest` spawns two worker processes, which must start from the bundle.
    many = tmp_path / "many.jsonl"
    line = {"text": "قال الوزير محمد أحمد إن الحكومة ستعمل على حل الأزمة. وأضاف: «لن نتراجع»."}
    many.write_text("".join(json.dumps(dict(line, id=f"d{i}"), ensure_ascii=False) + "\n" for i in range(140)),
                    encoding="utf-8")
    suggested = run("suggest", "--workers", "2", many, "-o", tmp_path / "out.jsonl")
    assert suggested.returncode == 0, suggested.stderr[-3000:]
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 140
