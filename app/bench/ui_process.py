"""Annotation-window speed measured in fresh processes (see :mod:`app.bench.ui_speed` for what each figure is and
its floor): a 1 MB article with 10,000 annotations (time and peak RSS), ``qawl gui`` start-up on 201 articles, and the
scripted annotation session (:mod:`app.bench.ui_session`) on this tree and on the revision before issue #12.

Run through ``qawl bench ui --only big,startup,session``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .ui_speed import BARE_WINDOW, annotated, article, figure_line, median_ms, peak_rss_mb


def child_big(db: str, mode: str) -> int:
    """In a fresh process: open the big article (mode "ours") or show its text in a bare editor ("floor");
    print seconds and peak RSS."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication([])
    if mode == "ours":
        from ..store import Store
        from ..ui import settings as cfg
        from ..ui.main import build_window

        store = Store.open(db)
        window = build_window(store, "bench", cfg.make_settings(), doc="small")
        window.show()
        app.processEvents()
        t = time.perf_counter()
        window.open_document("big1m")
        app.processEvents()
        window.repaint()
        elapsed = time.perf_counter() - t
        assert len(window.view.index) == 10_000, len(window.view.index)
    else:
        import sqlite3

        text = sqlite3.connect(db).execute("SELECT text FROM documents WHERE id = 'big1m'").fetchone()[0]
        window = QMainWindow()
        edit = QPlainTextEdit()
        window.setCentralWidget(edit)
        window.resize(1360, 860)
        window.show()
        app.processEvents()
        t = time.perf_counter()
        edit.setPlainText(text)
        app.processEvents()
        window.repaint()
        elapsed = time.perf_counter() - t
    print(f"{elapsed:.4f} {peak_rss_mb():.1f}", flush=True)
    return 0


def measure_big(tmp: Path, lines: list[str], verdicts: list[bool]) -> None:
    from ..core.jsonl import Record, make_document
    from ..store import Store

    text = article(chars=1_000_000)
    record = annotated(text, 10_000, "big1m")
    store = Store.open(tmp / "big.db")
    store.import_records([record, Record(make_document("نص قصير.", id="small"), None, [], None)])
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_SETTINGS_DIR=str(tmp / "big-settings"))

    def run(mode: str) -> tuple[float, float]:
        out = subprocess.run([sys.executable, "-m", "app.bench.ui_speed", "--child-big", str(tmp / "big.db"), mode],
                             capture_output=True, text=True, env=env, check=True, cwd=Path(__file__).parents[2])
        seconds, rss = out.stdout.split()[-2:]
        return float(seconds), float(rss)

    ours = [run("ours") for _ in range(3)]
    floor = [run("floor") for _ in range(3)]
    t_ours, t_floor = statistics.median(o[0] for o in ours) * 1000, statistics.median(f[0] for f in floor) * 1000
    rss_ours, rss_floor = max(o[1] for o in ours), max(f[1] for f in floor)
    ok_t, ok_m = t_ours < 1000, rss_ours < 250
    verdicts += [ok_t, ok_m]
    lines.append(figure_line(f"open 1 MB ({len(text):,} chars) + 10,000 annotations, painted", t_ours, t_floor, "ms",
                       f"target < 1000 ms: {'MET' if ok_t else 'MISSED'}"))
    lines.append(figure_line("  peak RSS of that process", rss_ours, rss_floor, "MB",
                       f"target < 250 MB: {'MET' if ok_m else 'MISSED'}"))


def measure_startup(tmp: Path, lines: list[str], verdicts: list[bool]) -> None:
    from ..core.sources import read_sources
    from ..store import Store
    from .common import require_corpus

    db = tmp / "startup.db"
    store = Store.open(db)
    from .. import seeds

    store.import_records(read_sources([*seeds.articles(),
                                       require_corpus() / "arabic_articles"]))
    first = store.document_ids()[0]
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_EXIT_WHEN_READY="1",
               QAWL_SETTINGS_DIR=str(tmp / "startup-settings"))
    # As on a user's machine, Python keeps compiled bytecode: the first (warm-up) run writes it. (This machine's
    # environment sets PYTHONDONTWRITEBYTECODE, which would recompile Qawl's modules at every start.)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    qawl = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
            "gui", "--db", str(db), "--annotator", "bench", "--doc", first]
    bare = [sys.executable, "-c", BARE_WINDOW]
    for name, (o, f) in _startup_figures(qawl, bare, env, Path(__file__).parents[2]).items():
        ok = o <= 1.5 * f
        if name == "to the window ready, CPU":
            verdicts.append(ok)  # the verdict: CPU time varies least on a shared machine
        lines.append(figure_line(f"start-up, 201 articles: {name}", o, f, "ms",
                                 f"target <= 1.5x: {'MET' if ok else 'MISSED'}"))


def _startup_figures(qawl: list[str], bare: list[str], env: dict, cwd: Path, runs: int = 7) -> dict:
    """Median figures of ``runs`` starts of each command, alternated: wall time until the child says it is ready
    (the window shown, a turn of the event loop done), the child's CPU time at that moment (process_time), and
    the wall time of the whole process (start, ready, quit, exit)."""

    def one(cmd) -> tuple[float, float, float]:
        t = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
        first = child.stdout.readline()
        ready = time.perf_counter() - t
        out, err = child.communicate()
        whole = time.perf_counter() - t
        if child.returncode != 0 or not first.startswith("ready "):
            raise SystemExit(f"{cmd[:3]} failed: {first}{out}{err[-2000:]}")
        words = first.split()
        cpu = float(words[words.index("cpu") + 1])
        return ready, cpu, whole

    one(qawl), one(bare)  # warm the file cache (and write the bytecode) for both
    ours, floor = [], []
    for _ in range(runs):
        ours.append(one(qawl))
        floor.append(one(bare))
    out = {}
    for i, name in enumerate(("to the window ready, wall", "to the window ready, CPU", "whole process, wall")):
        out[name] = (median_ms([x[i] for x in ours]), median_ms([x[i] for x in floor]))
    return out


#: The revision before issue #12 (the labelling loop), for the session's "before" figures.
BEFORE_LOOP = "c979d7e"


def _session(code: Path | None) -> dict | None:
    script = Path(__file__).with_name("ui_session.py")
    cmd = [sys.executable, str(script)] + (["--code", str(code)] if code else [])
    out = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if out.returncode != 0:
        print(out.stderr[-2000:], file=sys.stderr)
        return None
    import json

    return json.loads(out.stdout.strip().splitlines()[-1])


def _before_tree(tmp: Path) -> Path | None:
    """The app package as it was before issue #12, from the git history (None without it)."""
    repo = Path(__file__).resolve().parents[2]
    target = tmp / "before"
    target.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(repo), "archive", BEFORE_LOOP, "app"], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return target


def measure_session(tmp: Path, lines: list[str], verdicts: list[bool]) -> None:
    runs = [("after (this tree)", _session(None))]
    before = _before_tree(tmp)
    runs.append((f"before #12 ({BEFORE_LOOP})", _session(before) if before else None))
    for name, r in runs:
        if r is None:
            lines.append(f"session {name:<24} not available (needs the git history)")
            continue
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(r["by_kind"].items(), key=lambda kv: -kv[1]))
        lines.append(f"session {name:<24} keystrokes {r['keystrokes']:>4} (floor {r['keystrokes_floor']}, the "
                     f"plan without corrections)  mouse {r['mouse']:>3}  corrections {r['corrections']:>4} "
                     f"({kinds})  quotes right {r['quotes_right']}/11")
    for name, r in runs:
        if r is None:
            continue
        ok = r["label_median_ms"] < 16
        if r is runs[0][1]:
            verdicts.append(ok)
        lines.append(figure_line(f"  label keys, {name.split(' (')[0]}, n={r['label_keys']}", r["label_median_ms"],
                           r["label_floor_ms"], "ms", f"target median < 16 ms: {'MET' if ok else 'MISSED'} "
                           f"(p90 {r['label_p90_ms']:.1f} ms; CPU {r.get('label_cpu_median_ms', 0):.1f} ms, "
                           f"floor {r.get('label_floor_cpu_ms', 0):.1f} ms)"))
