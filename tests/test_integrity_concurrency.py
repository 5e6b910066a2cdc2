"""Imports and project creation from several processes at once (defect 2 of issue 9): what an import checks and what
it writes are one transaction, so two imports can never both pass a check only one of them may pass."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest

from app.core.jsonl import Record, make_document
from app.store import Store

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
TEXT = "قال الوزير إن الاتفاق سيوقع غدا في العاصمة"
# Each child imports everything it needs first, then waits for the same go file: they start within a millisecond.
CHILD = """
import sys, time
from pathlib import Path
from app.cli import main
import app.operations.transfer, app.store
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.0005)
sys.exit(main(sys.argv[2:]))
"""


def together(tmp_path: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess]:
    go = tmp_path / f"go-{time.monotonic_ns()}"
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(go), *map(str, cmd)], cwd=REPO, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for cmd in commands]
    time.sleep(0.6)  # every child is waiting at the barrier
    go.touch()
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=120)
        out.append(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr))
    return out


def jsonl(path: Path, lines: list[dict]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


def padding(n: int, tag: str) -> list[dict]:
    """Documents that make an import's checks take a while (the window in which another import could slip in)."""
    return [{"id": f"{tag}-{i}", "text": f"{TEXT} {tag} {i}"} for i in range(n)]


def test_two_layers_of_one_annotator_cannot_both_be_imported_without_replace(tmp_path):
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.import_records([Record(make_document(TEXT, id="d1"))])
    files = []
    for n, (label, start, end) in enumerate([("CUE", 0, 3), ("SPEAKER", 4, 10), ("QUOTE", 11, 18),
                                             ("CLAIM", 19, 25)]):
        line = {"id": "d1", "text": TEXT, "annotator": "ali", "spans": [{"label": label, "start": start,
                                                                            "end": end}]}
        line["spans"][0].update({"attrs": {"type": "direct"}} if label == "QUOTE" else {})
        files.append(jsonl(tmp_path / f"ali{n}.jsonl", padding(1500, f"f{n}") + [line]))
    results = together(tmp_path, [["import", "--db", db, f] for f in files])
    for r in results:
        assert "Traceback" not in r.stderr
    ok = [r for r in results if r.returncode == 0]
    assert len(ok) == 1, [r.stderr[-300:] for r in results]
    for r in results:
        if r.returncode:
            assert r.returncode == 1 and "--replace" in r.stderr
    with Store.open(db) as store:
        assert len(store.layer("d1", "ali").spans) == 1


def test_the_same_file_imported_twice_at_once_lands_once(tmp_path):
    db = tmp_path / "p.db"
    Store.open(db).close()
    f = jsonl(tmp_path / "a.jsonl", padding(3000, "a"))
    results = together(tmp_path, [["import", "--db", db, f]] * 3)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr[-300:] for r in results]
    assert not any("Traceback" in r.stderr or "IntegrityError" in r.stderr for r in results)
    with Store.open(db) as store:
        assert store.count_documents() == 3000


def test_one_text_never_lands_under_two_ids(tmp_path):
    db = tmp_path / "p.db"
    Store.open(db).close()
    a = jsonl(tmp_path / "a.jsonl", padding(1500, "a") + [{"id": "first", "text": TEXT}])
    b = jsonl(tmp_path / "b.jsonl", padding(1500, "b") + [{"id": "second", "text": TEXT}])
    results = together(tmp_path, [["import", "--db", db, a], ["import", "--db", db, b]])
    assert [r.returncode for r in results] == [0, 0]
    with Store.open(db) as store:
        same = store.conn.execute("SELECT id FROM documents WHERE text = ?", [TEXT]).fetchall()
    assert len(same) == 1


def test_one_text_never_lands_under_two_ids_in_one_process_either(tmp_path):
    """The window imports on its own connection in a thread while a command-line import runs: here the second
    import starts while the first is checking its records."""
    db = tmp_path / "p.db"
    first, second = Store.open(db), Store.open(db)
    done = []

    def other() -> None:
        second.import_records([Record(make_document(TEXT, id="second"))])
        done.append(True)

    def progress(n: int, total: int) -> None:
        if n == 0 and not done:
            thread = threading.Thread(target=other)
            thread.start()
            thread.join(1.0)  # before the fix the other import finished here, between our check and our write

    try:
        first.import_records([Record(make_document(TEXT, id="first"))], progress=progress)
        deadline = time.monotonic() + 30
        while not done and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [r[0] for r in first.conn.execute("SELECT id FROM documents")] == ["first"]
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("command", ["import", "stats"])
def test_creating_a_new_project_from_several_processes_at_once(tmp_path, command):
    db = tmp_path / "new.db"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    if command == "import":
        runs = [["import", "--db", db, tmp_path / "a.txt"]] * 6
    else:  # the default project, created by the first start of several commands at once
        runs = [["stats"]] * 6
    env_db = os.environ.get("QAWL_DB")
    results = together(tmp_path, runs)
    for r in results:
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr[-500:]
    if command == "import":
        with Store.open(db) as store:
            assert store.count_documents() == 1
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert env_db is None


def test_an_interrupted_creation_from_an_older_qawl_is_created_again(tmp_path):
    """What v1 left when killed between sqlite-utils' bookkeeping table and the first migration: a file it
    then refused for ever as "an SQLite database of another program"."""
    import sqlite3

    db = tmp_path / "qawl.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE [_sqlite_migrations] ([id] INTEGER PRIMARY KEY, [migration_set] TEXT, [name] TEXT, "
                  "[applied_at] TEXT)")
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert store.schema.name == "quotes-claims" and store.count_documents() == 0


def test_killing_the_first_start_at_any_moment_never_leaves_a_project_qawl_refuses(tmp_path):
    """The default project is created (and seeded with the sample article) by the first start: killed anywhere
    in it, the next start works."""
    import random
    import signal

    rng = random.Random(4)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    default = tmp_path / "data" / "qawl" / "qawl.db"
    for attempt in range(10):
        proc = subprocess.Popen([sys.executable, "-m", "app", "stats"], cwd=REPO, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        done = subprocess.run([sys.executable, "-m", "app", "stats", "--json"], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (attempt, done.stderr)
        assert orjson.loads(done.stdout)["documents"] == 1  # the sample article, once
        default.unlink()
        for extra in ("-wal", "-shm", "-journal"):
            Path(f"{default}{extra}").unlink(missing_ok=True)


def test_a_layer_is_read_from_one_state_of_the_project(tmp_path):
    """Another process adds a span and its relation between the reading of a layer's spans and of its relations:
    a layer read across the two states would hold a relation to a span it does not have."""
    from app.core.changes import AddSpan
    from app.core.model import Relation, Span

    db = tmp_path / "p.db"
    reader, writer = Store.open(db), Store.open(db)
    try:
        reader.import_records([Record(make_document(TEXT, id="d1"))])
        raw = reader.conn.raw
        n = [0]

        class Between:
            """The reader's connection, letting the writer commit right after the spans were read."""

            def execute(self, sql, args=()):
                cur = raw.execute(sql, args)
                if "FROM spans" in sql and n[0] == 0:
                    n[0] += 1
                    quote = Span.of(TEXT, "QUOTE", 11, 18, id="q", attrs={"type": "indirect"})
                    speaker = Span.of(TEXT, "SPEAKER", 4, 10, id="s")
                    writer.apply(AddSpan("d1", "ali", speaker))
                    writer.apply(AddSpan("d1", "ali", quote, (Relation("r", "SAID_BY", "q", "s"),)))
                return cur

            def __getattr__(self, name):
                return getattr(raw, name)

        reader.conn.raw = Between()
        layer = reader.layer("d1", "ali")  # before the fix: "relations[r].head: refers to span 'q', which is not..."
        assert layer.spans == {} and layer.relations == {}
        reader.conn.raw = raw
        assert set(reader.layer("d1", "ali").spans) == {"q", "s"}
        lines = list(reader.export_records(annotator="ali"))
        assert [len(line["relations"]) for line in lines] == [1]
    finally:
        reader.close()
        writer.close()


def test_a_write_made_inside_a_snapshot_is_kept_and_a_late_generator_is_harmless(tmp_path):
    """atomic() inside a snapshot is a savepoint of the snapshot's transaction: ending the snapshot must keep it
    (an export records the files it writes while it reads); a reading generator finished after close is silent."""
    db = tmp_path / "p.db"
    store = Store.open(db)
    store.import_records([Record(make_document(TEXT, id="d1"))])
    with store.snapshot():
        store.layer("d1", "ali")
        store.record_written({str(tmp_path / "x.txt"): "0" * 64})
    assert store.written_hashes(str(tmp_path / "x.txt"))
    lines = store.export_records(include_unannotated=True)
    next(lines)
    store.close()
    lines.close()  # before the fix: "Cannot operate on a closed database" from the snapshot's clean-up
    with Store.open(db) as again:
        assert again.written_hashes(str(tmp_path / "x.txt"))


def test_a_new_project_waits_for_another_process_that_is_creating_it(tmp_path, monkeypatch):
    """While another connection holds the write lock of a file still in rollback mode (another process creating
    the same new project at that moment), SQLite refuses the switch to WAL at once, without its busy handler:
    one of six `qawl stats` started together failed about one run in twelve saying the project had been locked
    "for more than 10 seconds" after 1.5 s. Opening now waits, as the busy timeout promises — and still gives up
    with the clear message when the other holds on longer."""
    import sqlite3

    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # the write lock, the file not yet in WAL mode
    timer = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    timer.start()
    started = time.monotonic()
    try:
        with Store.open(path) as store:
            assert store.count_documents() == 0
    finally:
        timer.join()
    assert time.monotonic() - started >= 0.4  # it waited for the other
    other.close()
    path2 = tmp_path / "other.db"
    held = sqlite3.connect(path2, isolation_level=None)
    held.execute("BEGIN IMMEDIATE")
    monkeypatch.setenv("QAWL_BUSY_TIMEOUT", "0.3")
    with pytest.raises(Exception, match="the project is busy"):
        Store.open(path2)
    held.execute("COMMIT")
    held.close()
