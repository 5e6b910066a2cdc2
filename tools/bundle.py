"""Build the standalone one-folder bundle (PyInstaller) and say what it weighs:

    .venv/bin/pip install -e '.[bundle]'   # PyInstaller
    .venv/bin/python tools/bundle.py       # -> dist/qawl/qawl

The bundle holds Python, Qt (PySide6-Essentials), Qawl and its libraries; the machine it runs on needs only the
system libraries Qt itself loads (README: system packages). Build on the system you build for: Linux here;
Windows and macOS with the same spec (tools/qawl.spec) on those systems. ``--smoke`` then starts the bundle
offscreen on a fresh default project and checks that it opened the sample article.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "tools" / "qawl.spec"


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def build(dist: Path, work: Path) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit("bundle: PyInstaller is not installed here: pip install -e '.[bundle]'")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
    folder = dist / "qawl"
    print(f"bundle: {folder} ({size_mb(folder):.0f} MB on disk, {sum(1 for _ in folder.rglob('*'))} files), "
          f"built in {time.perf_counter() - started:.0f} s")
    return folder


def smoke(folder: Path) -> dict:
    """Start the bundle offscreen on a fresh default project; what the window showed (the seeded article)."""
    exe = folder / ("qawl.exe" if sys.platform == "win32" else "qawl")
    with tempfile.TemporaryDirectory(prefix="qawl-bundle-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QAWL_DB"))}
        env.update(QT_QPA_PLATFORM="offscreen", QAWL_EXIT_WHEN_READY="1", XDG_DATA_HOME=f"{tmp}/data",
                   XDG_CONFIG_HOME=f"{tmp}/config", QAWL_SETTINGS_DIR=f"{tmp}/settings")
        out = subprocess.run([str(exe), "gui", "--annotator", "smoke", "--lang", "ar"], capture_output=True,
                             text=True, env=env, cwd=tmp, timeout=120)
        if out.returncode != 0 or not out.stdout.startswith("ready "):
            raise SystemExit(f"bundle: the window did not start ({out.returncode}): {out.stderr[-2000:]}")
        stats = subprocess.run([str(exe), "stats", "--json"], capture_output=True, text=True, env=env, cwd=tmp,
                               timeout=120, check=True)
        result = {"ready_s": float(out.stdout.split()[1]), "documents": json.loads(stats.stdout)["documents"]}
    print(f"bundle: smoke test ok: window ready in {result['ready_s']:.2f} s, {result['documents']} document "
          f"(the sample) in the new default project")
    return result


BARE_SPEC_ARGS = ["--noconfirm", "--log-level", "WARN", "--name", "bare"]


def build_bare(dist: Path, work: Path) -> Path:
    """The floor: a PyInstaller bundle of the bare-Qt window that `qawl bench ui` times start-up against."""
    from app.bench.ui_speed import BARE_WINDOW

    work.mkdir(parents=True, exist_ok=True)
    script = work / "bare_window.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "PyInstaller", *BARE_SPEC_ARGS, "--distpath", str(dist), "--workpath",
                    str(work / "bare"), "--specpath", str(work), str(script)], check=True, cwd=work)
    return dist / "bare"


def site_mb(python: Path, packages: list[str]) -> float:
    """Disk size of the named installed distributions (their files as listed in their RECORD)."""
    code = ("import sys, importlib.metadata as m, pathlib\n"
            "t = 0\n"
            "for name in sys.argv[1:]:\n"
            "    d = m.distribution(name)\n"
            "    for f in d.files or []:\n"
            "        p = pathlib.Path(d.locate_file(f))\n"
            "        t += p.stat().st_size if p.is_file() else 0\n"
            "print(t)")
    out = subprocess.run([str(python), "-c", code, *packages], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1e6


def measure(folder: Path, bare: Path, installed: Path, runs: int = 7) -> None:
    """Start-up (process start to the window shown with the project loaded, wall time, median of ``runs`` after a
    warm-up) and size: the bundle beside the bare-Qt bundle, the installed app beside bare Python + Qt."""
    import statistics

    from app import seeds
    from app.bench.common import corpus_dir
    from app.bench.ui_speed import BARE_WINDOW
    from app.core.sources import read_sources
    from app.store import Store

    with tempfile.TemporaryDirectory(prefix="qawl-bundle-measure-") as tmp:
        db = Path(tmp) / "startup.db"
        store = Store.open(db)
        sources = [*seeds.articles()] + ([corpus_dir() / "arabic_articles"] if corpus_dir() else [])
        store.import_records(read_sources(sources))
        count, first = store.count_documents(), store.document_ids()[0]
        store.close()
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
        env.update(QT_QPA_PLATFORM="offscreen", QAWL_EXIT_WHEN_READY="1", QAWL_SETTINGS_DIR=f"{tmp}/settings",
                   XDG_DATA_HOME=f"{tmp}/data")
        args = ["gui", "--db", str(db), "--annotator", "bench", "--doc", first]
        python = installed.parent / "python"
        commands = {"installed": [str(installed), *args], "bare Python + Qt": [str(python), "-c", BARE_WINDOW],
                    "bundle": [str(folder / "qawl"), *args], "bare-Qt bundle": [str(bare / "bare")]}

        def timed(cmd) -> tuple[float, float]:
            """Wall time and the CPU time (user + system) of the process: on a busy machine the second
            varies less."""
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if out.returncode != 0:
                raise SystemExit(f"{cmd[0]} failed: {out.stderr[-2000:]}")
            return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

        for cmd in commands.values():
            timed(cmd)  # warm the file cache; Python writes its bytecode
        times = {name: [] for name in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                times[name].append(timed(cmd))
        ms = {name: statistics.median(w for w, _ in t) * 1000 for name, t in times.items()}
        cpu = {name: statistics.median(c for _, c in t) * 1000 for name, t in times.items()}
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    tools = [d for d in ("pip", "setuptools") if (site / d).is_dir()]  # the venv's own installer: not the app
    installed_mb = size_mb(site) - (site_mb(python, tools) if tools else 0)
    qt_mb = site_mb(python, ["PySide6-Essentials", "shiboken6"])
    print(f"start-up to a usable window, project of {count} documents (median of {runs}; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores):")
    for what, m in (("wall time", ms), ("CPU time", cpu)):
        print(f"  {what}:")
        print(f"    installed app {m['installed']:7.0f} ms   floor bare Python + Qt {m['bare Python + Qt']:5.0f} ms"
              f"   ratio {m['installed'] / m['bare Python + Qt']:.2f}x")
        print(f"    bundle        {m['bundle']:7.0f} ms   floor bare-Qt bundle   {m['bare-Qt bundle']:5.0f} ms"
              f"   ratio {m['bundle'] / m['bare-Qt bundle']:.2f}x")
    print("size on disk:")
    print(f"  installed app {installed_mb:7.0f} MB   floor PySide6-Essentials {qt_mb:5.0f} MB"
          f"   ratio {installed_mb / qt_mb:.2f}x")
    print(f"  bundle        {size_mb(folder):7.0f} MB   floor bare-Qt bundle   {size_mb(bare):5.0f} MB"
          f"   ratio {size_mb(folder) / size_mb(bare):.2f}x")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder")
    parser.add_argument("--smoke", action="store_true", help="start the bundle offscreen afterwards")
    parser.add_argument("--measure", metavar="QAWL", type=Path,
                        help="then time start-up and weigh the bundle and the installed app whose qawl command is "
                             "QAWL (e.g. a virtual environment with the wheel installed), each beside its floor")
    args = parser.parse_args(argv)
    folder = build(args.dist.resolve(), args.work.resolve())
    if args.smoke:
        smoke(folder)
    if args.measure:
        bare = build_bare(args.dist.resolve(), args.work.resolve())
        measure(folder, bare, args.measure.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
