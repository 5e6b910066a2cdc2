"""The multi-process soak: one project, many processes, random kills; nothing told as done may be lost.

``qawl bench soak --minutes N`` (and, for about a minute, ``tests/test_integrity_soak.py``):

- a *player* process edits through the window's own edit path (:class:`app.ui.session.Session` with the changes
  :mod:`app.ui.edits` builds for a key press) at a steady rate, looks for other processes' commits as the window
  does (``Session.poll``), opens second connections for background work as the window does (an export in a
  thread), and logs every edit it was told is committed (``COMMITTED id`` / ``REMOVED id``, flushed to disk
  before the next edit);
- worker loops run ``qawl import`` (new documents, teammates' layers with ``--replace``, files with a bad line,
  ``--skip-invalid``, other tools' files), ``qawl export`` in every format to the same targets, ``qawl suggest``,
  ``qawl agree`` and ``qawl stats``, each a fresh process;
- a supervisor ``kill -9``s a random process (the player included, which is restarted) every few hundred ms.

At the end: SQLite's ``integrity_check``; every edit logged as committed (and not removed since) is in the project;
no traceback and no "unexpected error" in any output; every export target holds a whole export (each line
parses, each folder reads back without a problem) and can be replaced by the next export; no temporary file left
once the next export has run. Figures: edits committed and refused, kills, commands run, losses (must be 0).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson

# Where the app package is: the children run `python -m app` from there (a checkout or an installation).
REPO_ROOT = Path(__file__).resolve().parents[2]

PLAYER = "soak"  # the player's annotator name
TEXT = ("قال وزير الخارجية في مؤتمر صحفي يوم الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل، وأضاف أن الوفد "
        "سيصل إلى العاصمة قبل الموعد. وأكد المتحدث باسم الحكومة أن «الاتفاق قريب جدا» وفق مصادر مطلعة.\n")
EXPORTS = (("jsonl", "all.jsonl"), ("quotes", "quotes.jsonl"), ("prodigy", "prodigy.jsonl"),
           ("doccano", "doccano"), ("labelstudio", "labelstudio"), ("brat", "brat"))
BAD = ("Traceback", "unexpected error")


@dataclass
class Outcome:
    command: str
    code: int | None  # None: killed
    out: str
    err: str


@dataclass
class SoakResult:
    seconds: float = 0.0
    edits_committed: int = 0
    edits_removed: int = 0
    edits_refused: int = 0
    kills: dict[str, int] = field(default_factory=dict)
    commands: dict[str, int] = field(default_factory=dict)  # command -> runs that finished
    started: dict[str, int] = field(default_factory=dict)  # command -> runs started (some are killed)
    told_failures: int = 0  # commands that ended with a "qawl: ..." message (busy, a bad file on purpose)
    told: dict[str, int] = field(default_factory=dict)  # those messages, paths and numbers left out
    losses: list[str] = field(default_factory=list)
    bad_outputs: list[str] = field(default_factory=list)  # tracebacks, unexpected errors, unknown exit codes
    integrity: str = ""
    broken_exports: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.losses or self.bad_outputs or self.broken_exports or self.leftovers) and \
            self.integrity == "ok"


def _env(folder: Path) -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QAWL_SETTINGS_DIR": str(folder / "settings"),
            "PYTHONPATH": str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


class Soak:
    def __init__(self, folder: Path, seconds: float, seed: int = 1, kill_every: tuple[float, float] = (0.3, 1.2),
                 edit_interval: float = 0.03) -> None:
        self.folder = folder
        self.db = folder / "project.db"
        self.seconds = seconds
        self.rng = random.Random(seed)
        self.seed = seed
        self.kill_every = kill_every
        self.edit_interval = edit_interval
        self.env = _env(folder)
        self.lock = threading.Lock()
        self.running: dict[int, tuple[str, subprocess.Popen]] = {}
        self.killed: set[int] = set()
        self.result = SoakResult()
        self.stop = threading.Event()
        self.counter = 0
        self.player_logs: list[Path] = []

    # --- processes ----------------------------------------------------------------------------------------------

    def spawn(self, kind: str, args: list[str], stdout=subprocess.PIPE) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, *args], cwd=self.folder, env=self.env, stdout=stdout,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        with self.lock:
            self.running[proc.pid] = (kind, proc)
        return proc

    def finish(self, proc: subprocess.Popen, command: str, timeout: float = 300) -> Outcome:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            self.result.bad_outputs.append(f"{command}: did not finish in {timeout} s")
        with self.lock:
            self.running.pop(proc.pid, None)
            killed = proc.pid in self.killed
        code = None if killed else proc.returncode
        outcome = Outcome(command, code, out or "", err or "")
        self.check(outcome)
        return outcome

    def check(self, o: Outcome) -> None:
        text = o.out + o.err
        if any(b in text for b in BAD):
            self.result.bad_outputs.append(f"{o.command}: {text.strip()[-600:]}")
            return
        if o.code is None:
            return
        self.result.commands[o.command.split()[0]] = self.result.commands.get(o.command.split()[0], 0) + 1
        if o.code in (1, 3) and "qawl: " in o.err or o.code == 3:
            self.result.told_failures += o.code == 1
            if o.code == 1:
                key = re.sub(r"\S*/\S*|\d+", "…", o.err.strip().splitlines()[-1])[:120]
                self.result.told[key] = self.result.told.get(key, 0) + 1
        elif o.code != 0:
            self.result.bad_outputs.append(f"{o.command}: exit {o.code}: {text.strip()[-600:]}")

    def qawl(self, *args: str, kind: str = "command") -> Outcome:
        self.result.started[args[0]] = self.result.started.get(args[0], 0) + 1
        proc = self.spawn(kind, ["-m", "app", *args])
        return self.finish(proc, " ".join(args))

    # --- set-up -------------------------------------------------------------------------------------------------

    def set_up(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "exports").mkdir(exist_ok=True)
        (self.folder / "inputs").mkdir(exist_ok=True)
        lines = [{"id": "play", "text": TEXT * 12, "meta": {"title": "soak"}}]
        lines += [{"id": f"seed-{i}", "text": f"{TEXT} {i}", "annotator": "ali",
                   "spans": [{"label": "CUE", "start": 0, "end": 3}]} for i in range(15)]
        path = self.folder / "inputs" / "start.jsonl"
        path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
        done = self.qawl("import", "--db", str(self.db), str(path))
        if done.code != 0:
            raise SystemExit(f"soak set-up failed: {done.err}")

    # --- the loops ------------------------------------------------------------------------------------------------

    def player_loop(self) -> None:
        n = 0
        while not self.stop.is_set():
            log = self.folder / f"player-{n}.log"
            self.player_logs.append(log)
            proc = self.spawn("player", ["-m", "app.bench.soak", "player", str(self.db), str(log),
                                         str(self.seed * 1000 + n), str(self.edit_interval)])
            self.finish(proc, "player", timeout=self.seconds + 600)
            n += 1

    def importer_loop(self) -> None:
        rng = random.Random(self.seed + 1)
        while not self.stop.is_set():
            self.counter += 1
            k = self.counter
            kind = rng.choice(["new", "new", "replace", "bad", "skip", "txt", "doccano"])
            inputs = self.folder / "inputs"
            args = ["import", "--db", str(self.db)]
            if kind in ("new", "bad", "skip", "replace"):
                lines = []
                if kind != "replace":
                    lines = [{"id": f"n{k}-{i}", "text": f"{TEXT} ({k}.{i})"} for i in range(rng.randint(1, 25))]
                for i in range(rng.randint(1, 4)):
                    doc = f"seed-{rng.randrange(15)}"
                    start = rng.randrange(0, 40)
                    lines.append({"id": doc, "text": f"{TEXT} {doc[5:]}", "annotator": f"imp{rng.randrange(3)}",
                                  "spans": [{"label": "CUE", "start": start, "end": start + rng.randint(1, 9)}]})
                data = b"".join(orjson.dumps(x) + b"\n" for x in lines)
                if kind in ("bad", "skip"):
                    data += b'{"id": "broken", "text": \n'
                path = inputs / f"in{k}.jsonl"
                path.write_bytes(data)
                args += ["--replace", str(path)] if kind == "replace" else [str(path)]
                if kind == "skip":
                    args.insert(-1, "--skip-invalid")
            elif kind == "txt":
                folder = inputs / f"txt{k}"
                folder.mkdir()
                for i in range(rng.randint(1, 10)):
                    (folder / f"t{k}-{i}.txt").write_text(f"{TEXT} [{k}/{i}]", encoding="utf-8")
                args.append(str(folder))
            else:
                path = inputs / f"d{k}.jsonl"
                path.write_text("".join(orjson.dumps({"id": f"dc{k}-{i}", "text": f"{TEXT} <{k}.{i}>",
                                                      "label": [[0, 3, "CUE"]]}).decode() + "\n"
                                        for i in range(rng.randint(1, 5))), encoding="utf-8")
                args += ["--format", "doccano", str(path)]
            self.qawl(*args)

    def exporter_loop(self) -> None:
        rng = random.Random(self.seed + 2)
        while not self.stop.is_set():
            fmt, name = rng.choice(EXPORTS)
            extra = rng.choice([[], ["--annotator", PLAYER], ["--annotated-only"]])
            self.qawl("export", "--db", str(self.db), "--format", fmt, "-o", str(self.folder / "exports" / name),
                      *extra)

    def reader_loop(self) -> None:
        rng = random.Random(self.seed + 3)
        while not self.stop.is_set():
            choice = rng.choice(["suggest", "agree", "stats", "stats-json"])
            if choice == "suggest":
                self.qawl("suggest", "--db", str(self.db), "--doc", f"seed-{rng.randrange(15)}", "--workers", "1")
            elif choice == "agree":
                self.qawl("agree", "--db", str(self.db), "--annotators", "ali,imp0,imp1,imp2")
            else:
                self.qawl("stats", "--db", str(self.db), *(["--json"] if choice == "stats-json" else []))

    def killer_loop(self) -> None:
        while not self.stop.wait(self.rng.uniform(*self.kill_every)):
            with self.lock:
                victims = [(pid, kind) for pid, (kind, proc) in self.running.items() if proc.poll() is None]
            if not victims:
                continue
            pid, kind = self.rng.choice(victims)
            with self.lock:
                self.killed.add(pid)
            try:
                os.kill(pid, signal.SIGKILL)
                self.result.kills[kind] = self.result.kills.get(kind, 0) + 1
            except ProcessLookupError:
                pass

    # --- the run and the checks -------------------------------------------------------------------------------------

    def run(self) -> SoakResult:
        self.set_up()
        started = time.monotonic()
        loops = [threading.Thread(target=fn, daemon=True) for fn in
                 (self.player_loop, self.importer_loop, self.exporter_loop, self.reader_loop, self.killer_loop)]
        for t in loops:
            t.start()
        time.sleep(self.seconds)
        self.stop.set()
        with self.lock:
            players = [proc for kind, proc in self.running.values() if kind == "player"]
        for proc in players:  # asked to stop (the player finishes its edit, then exits)
            with self.lock:
                self.killed.add(proc.pid)  # one still starting up dies of it: that is not a failure
            proc.send_signal(signal.SIGTERM)
        for t in loops:
            t.join(timeout=600)
        self.result.seconds = time.monotonic() - started
        self.verify()
        return self.result

    def verify(self) -> None:
        r = self.result
        conn = sqlite3.connect(self.db)
        try:
            r.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            stored = {row[0] for row in conn.execute("SELECT id FROM spans WHERE doc_id = 'play' AND annotator = ?",
                                                     [PLAYER])}
        finally:
            conn.close()
        committed: set[str] = set()
        removed: set[str] = set()
        for log in self.player_logs:
            if not log.exists():
                continue
            for line in log.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) < 2:
                    continue  # a line cut by the kill: that edit was never reported as committed
                if parts[0] == "COMMITTED":
                    committed.add(parts[1])
                    removed.discard(parts[1])
                elif parts[0] == "REMOVED":
                    removed.add(parts[1])
                elif parts[0] == "REFUSED":
                    r.edits_refused += 1
        r.edits_committed, r.edits_removed = len(committed), len(removed)
        r.losses = sorted((committed - removed) - stored)
        self.check_exports()

    def check_exports(self) -> None:
        from ..core import formats

        r = self.result
        exports = self.folder / "exports"
        for fmt, name in EXPORTS:
            target = exports / name
            if target.is_file():
                for n, line in enumerate(target.read_bytes().splitlines(), 1):
                    try:
                        orjson.loads(line)
                    except orjson.JSONDecodeError:
                        r.broken_exports.append(f"{target}:{n}: not a whole JSON line")
                        break
            elif target.is_dir() and fmt != "labelstudio":
                result = formats.read(fmt, [target], add_labels=True)
                problems = [p for p in result.problems if "no text" not in p.message]
                if problems:
                    r.broken_exports.append(f"{target}: {problems[0]}")
            done = self.qawl("export", "--db", str(self.db), "--format", fmt, "-o", str(target))
            if done.code != 0:
                r.broken_exports.append(f"{target}: the next export could not replace it: {done.err.strip()}")
        r.leftovers = sorted(str(p) for p in exports.rglob("*") if ".qawl-" in p.name or p.name.endswith(".part"))


# --- the player ------------------------------------------------------------------------------------------------------

def player(db: str, log_path: str, seed: int, interval: float) -> int:
    """Edit as the window does until told to stop (SIGTERM) or killed; log each edit once it is committed."""
    from PySide6.QtGui import QGuiApplication

    from ..operations.project import gui_api
    from ..ui import edits
    from ..ui.session import Session

    app = QGuiApplication.instance() or QGuiApplication([])
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    rng = random.Random(seed)
    api = gui_api()
    store = api.open_project(db)
    session = Session(store, PLAYER)
    refused = []
    session.storage_failed.connect(refused.append)
    session.failed.connect(refused.append)
    session.open("play")
    text = session.document.text
    words = [(m.start(), m.end()) for m in __import__("regex").finditer(r"\p{L}[\p{L}\p{M}]+", text)]
    log = open(log_path, "a", encoding="utf-8")

    def note(line: str) -> None:
        log.write(line + "\n")
        log.flush()
        os.fsync(log.fileno())

    def background() -> None:  # what the window's Export task does: its own connection, in a thread
        def work() -> None:
            second = api.open_store(Path(db))
            try:
                sum(1 for _ in second.export_records(annotator=PLAYER))
            finally:
                second.close()
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()

    last_poll = time.monotonic()
    mine: list[str] = []
    step = 0
    while not stopping:
        step += 1
        before = len(refused)
        layer = session.layer
        roll = rng.random()
        if roll < 0.75 or not mine:
            start, end = rng.choice(words)
            label = rng.choice(["QUOTE", "CLAIM", "CUE", "DATE", "SPEAKER"])
            added = edits.add_annotation(text, layer, session.schema, session.entities, label, start, end,
                                         record=session.record)
            if session.apply(added.change):
                mine.append(added.span.id)
                note(f"COMMITTED {added.span.id}")
        elif roll < 0.9:
            span_id = mine[rng.randrange(len(mine))]
            if span_id in layer.spans and session.apply(edits.delete(layer, span_id)):
                mine.remove(span_id)
                note(f"REMOVED {span_id}")
        else:
            change = edits.set_status(layer, rng.choice(["in_progress", "done"]))
            if change is not None:
                session.apply(change)
        if len(refused) > before:
            note("REFUSED edit")
        if time.monotonic() - last_poll > 0.7:
            session.poll()  # another process's commit shows, as in the window
            last_poll = time.monotonic()
        if step % 60 == 0:
            background()
        app.processEvents()
        time.sleep(interval)
    log.close()
    store.close()
    return 0


# --- qawl bench soak ---------------------------------------------------------------------------------------------------

def report(result: SoakResult) -> str:
    r = result
    rows = [("duration", f"{r.seconds:.0f} s", ""),
            ("edits committed (logged by the player)", str(r.edits_committed), "> 0"),
            ("edits removed again", str(r.edits_removed), ""),
            ("edits refused and shown (busy, conflicts)", str(r.edits_refused), ""),
            ("kills (kill -9)", ", ".join(f"{k} {v}" for k, v in sorted(r.kills.items())) or "0", "> 0"),
            ("commands started", ", ".join(f"{k} {v}" for k, v in sorted(r.started.items())), ""),
            ("commands finished", ", ".join(f"{k} {v}" for k, v in sorted(r.commands.items())), ""),
            ("commands that ended with a qawl: message", str(r.told_failures), ""),
            ("losses (committed edits missing)", str(len(r.losses)), "0"),
            ("tracebacks / unexpected errors", str(len(r.bad_outputs)), "0"),
            ("integrity_check", r.integrity, "ok"),
            ("exports broken or not replaceable", str(len(r.broken_exports)), "0"),
            ("temporary files left", str(len(r.leftovers)), "0")]
    width = max(len(a) for a, _, _ in rows)
    lines = [f"{a:<{width}}  {b:>14}  target {c}" if c else f"{a:<{width}}  {b:>14}" for a, b, c in rows]
    details = [*r.losses[:5], *r.bad_outputs[:5], *r.broken_exports[:5], *r.leftovers[:5]]
    told = [f"  {n:>4} × {msg}" for msg, n in sorted(r.told.items(), key=lambda kv: -kv[1])[:8]]
    lines += ["", "what the commands that stopped said (exit 1):", *told] if told else []
    return "\n".join(lines + ([""] + details if details else []) + ["", "verdict: " + ("PASS" if r.ok else "FAIL")])


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["player"]:
        return player(argv[1], argv[2], int(argv[3]), float(argv[4]))
    p = argparse.ArgumentParser(prog="qawl bench soak", description=__doc__.split("\n\n")[0])
    p.add_argument("--minutes", type=float, default=1.0, help="how long the processes run (default 1)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", metavar="FOLDER", help="work in FOLDER and keep it (default: a temporary folder)")
    args = p.parse_args(argv)
    import tempfile

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="qawl-soak-"))
    try:
        result = Soak(folder, args.minutes * 60, args.seed).run()
        print(report(result))
        return 0 if result.ok else 1
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
