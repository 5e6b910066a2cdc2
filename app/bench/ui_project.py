"""A project of 100,000 documents in the window (``qawl bench ui --only project``), each figure beside a floor
measured in the same run:

- start-up: ``qawl gui`` on the 100,000-document project until the window is shown with a document open and
  painted (subprocess, median of 3). Floor: the same start on a project of one document. Target: <= 2x.
- filter keystroke: a character typed into the document list's filter until the list is filtered and painted
  (median over the keystrokes of several words). Floor: the same keystroke typed into a bare line edit beside a
  table of 100,000 rows, painted. Target: median < 50 ms.
- full-text search: a query (one to three words, frequent and rare) to every matching document, the most relevant
  first when there are at most 5,000 (``store.search_documents``: each word in its written forms). Floor: SQLite FTS5
  matching the plain folded words alone (no forms, no ranking). Target: median < 200 ms.
- open any document: a random document of the project opened from the list and painted (median of 20). Floor: a
  bare QPlainTextEdit showing the same texts. Target: < 100 ms.

The project is built once per run from corpus paragraphs (4 to 12 drawn at random per document, about 3,000 characters; titles
from their first words; every tenth document has an annotator's layer), imported in batches through the store, so
its full-text index is built as an import builds it; that time is reported beside a raw ``executemany`` of the same
texts.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .ui_speed import bare_open_times, figure_line

N_DOCUMENTS = 100_000
BATCH = 10_000


def _ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def documents(n: int, seed: int = 13):
    """``n`` (id, title, text) of real Arabic news paragraphs in new combinations."""
    from .common import corpus_texts

    paragraphs = [p.strip() for t in corpus_texts() for p in t.split("\n") if len(p.strip()) > 40]
    rnd = random.Random(seed)
    seen: set[int] = set()
    i = 0
    while i < n:
        chosen = rnd.sample(range(len(paragraphs)), rnd.randint(4, 12))
        text = "\n".join(paragraphs[k] for k in chosen)
        if hash(text) in seen:
            continue  # every document its own text (a copy would be matched onto the first by its hash)
        seen.add(hash(text))
        title = " ".join(paragraphs[chosen[0]].split()[:rnd.randint(4, 9)])
        yield f"doc{i:06}", f"{title} ({i})", text
        i += 1


def build(path: Path, n: int) -> tuple[float, float, list[tuple[str, str, str]]]:
    """Import ``n`` documents into a new project at ``path``; returns (seconds, floor seconds, a sample)."""
    from ..core.jsonl import Record, make_document
    from ..core.model import Layer, Span
    from ..store import Store

    store = Store.open(path)
    sample: list[tuple[str, str, str]] = []
    took = 0.0
    batch: list = []
    raw: list[tuple[str, str]] = []
    for i, (doc_id, title, text) in enumerate(documents(n)):
        doc = make_document(text, id=doc_id, meta={"title": title})
        layer = None
        if i % 10 == 0:
            first = doc.text.split(" ", 1)[0]
            spans = [Span.of(doc.text, "CUE", 0, len(first), id="k1")] if first else []
            layer = Layer(doc.id, "bench", ("todo", "in_progress", "done")[i % 3], spans)
        batch.append(Record(doc, layer))
        raw.append((doc_id, text))
        if i % max(1, n // 100) == 0:
            sample.append((doc_id, title, text))
        if len(batch) == BATCH:
            t = time.perf_counter()
            store.import_records(batch, source="bench")
            took += time.perf_counter() - t
            batch = []
    if batch:
        t = time.perf_counter()
        store.import_records(batch, source="bench")
        took += time.perf_counter() - t
    store.checkpoint()
    store.close()
    floor_db = path.with_name("floor.db")
    conn = sqlite3.connect(floor_db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, text TEXT)")
    t = time.perf_counter()
    for k in range(0, len(raw), BATCH):
        with conn:
            conn.executemany("INSERT INTO documents VALUES (?, ?)", raw[k:k + BATCH])
    floor = time.perf_counter() - t
    conn.close()
    floor_db.unlink()
    return took, floor, sample


def _start_times(db: Path, doc: str, settings: Path, runs: int = 3) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_EXIT_WHEN_READY="1", QAWL_SETTINGS_DIR=str(settings))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
           "gui", "--db", str(db), "--annotator", "bench", "--doc", doc]
    times = []
    for _ in range(runs + 1):  # the first run warms the file cache
        t = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=Path(__file__).parents[2])
        times.append(time.perf_counter() - t)
        if out.returncode != 0:
            raise SystemExit(f"qawl gui failed: {out.stderr[-2000:]}")
    return times[1:]


def _type(app, widget, ch: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        app.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def measure_project(tmp: Path, lines: list[str], verdicts: list[bool], n: int = N_DOCUMENTS) -> None:
    from PySide6.QtCore import QStringListModel, Qt
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

    from ..core.text.search import fold_for_index, query_words
    from ..store import Store
    from ..ui import settings as cfg
    from ..ui.main import build_window

    db = tmp / "project.db"
    took, floor, sample = build(db, n)
    lines.append(figure_line(f"import {n:,} documents (with the full-text index)", took, floor, "s",
                       f"({n / took:,.0f} docs/s; floor: raw executemany of the same texts)"))

    # Start-up: the big project against a project of one document.
    one = tmp / "one.db"
    small = Store.open(one)
    from ..core.jsonl import Record, make_document

    small.import_records([Record(make_document(sample[0][2], id=sample[0][0], meta={"title": sample[0][1]}))])
    small.close()
    big_start = _start_times(db, sample[1][0], tmp / "s-big")
    one_start = _start_times(one, sample[0][0], tmp / "s-one")
    ok = _ms(big_start) <= 2 * _ms(one_start)
    verdicts.append(ok)
    lines.append(figure_line(f"start-up to usable window, {n:,} documents", _ms(big_start), _ms(one_start), "ms",
                       f"target <= 2x the start with one document: {'MET' if ok else 'MISSED'}"))

    app = QApplication.instance() or QApplication([])
    store = Store.open(db)
    window = build_window(store, "bench", cfg.make_settings(), doc=sample[1][0])
    window.show()
    app.processEvents()
    docs = window.documents

    # Filter keystrokes: words of the titles, typed a character at a time.
    rnd = random.Random(7)
    words = [w for _i, title, _t in sample for w in title.split()[:4] if len(w) >= 4]
    rnd.shuffle(words)
    words = words[:12]
    keystrokes: list[float] = []
    docs.filter.setFocus()
    for word in words:
        docs.filter.clear()
        docs._search.stop()
        app.processEvents()
        for ch in word:
            t = time.perf_counter()
            _type(app, docs.filter, ch)
            app.processEvents()
            docs.table.viewport().repaint()
            keystrokes.append(time.perf_counter() - t)
            docs._search.stop()  # the text search after a pause is timed on its own below
        assert docs.model.rowCount() >= 1, word
    # The search of the texts the list runs once typing pauses.
    paused = []
    for word in words[:6]:
        docs.filter.setText(word)
        docs._search.stop()
        app.processEvents()
        t = time.perf_counter()
        docs._run_search()
        app.processEvents()
        docs.table.viewport().repaint()
        paused.append(time.perf_counter() - t)
    docs.filter.clear()
    docs._search.stop()
    app.processEvents()

    bare = QMainWindow()
    box = QWidget()
    layout = QVBoxLayout(box)
    edit = QLineEdit()
    table = QTableView()
    table.setModel(QStringListModel([title for _i, title, _t in documents(n)]))
    layout.addWidget(edit)
    layout.addWidget(table)
    bare.setCentralWidget(box)
    bare.resize(window.size())
    bare.show()
    app.processEvents()
    edit.setFocus()
    floor_keys = []
    for word in words:
        edit.clear()
        for ch in word:
            t = time.perf_counter()
            _type(app, edit, ch)
            app.processEvents()
            table.viewport().repaint()
            floor_keys.append(time.perf_counter() - t)
    bare.close()
    ok = _ms(keystrokes) < 50
    verdicts.append(ok)
    p90 = sorted(keystrokes)[int(0.9 * len(keystrokes))] * 1000
    lines.append(figure_line(f"filter keystroke -> list updated, painted (n={len(keystrokes)})", _ms(keystrokes),
                       _ms(floor_keys), "ms", f"target median < 50 ms: {'MET' if ok else 'MISSED'} (p90 {p90:.1f} ms)"))
    lines.append(figure_line("  ... and the texts searched once typing pauses", _ms(paused), _ms(floor_keys), "ms",
                       "(no target; the list adds the documents whose text has the word)"))

    # Full-text search.
    queries = ["الرئيس", "وزير الخارجية", "قال", "الاقتصاد السعودي", "مجلس الأمن الدولي", "المملكة"]
    queries += [" ".join(sample[k][2].split()[5:5 + 1 + k % 2]) for k in range(2, 8)]
    ours, raw, counts = [], [], []
    for q in queries:
        for _ in range(2):
            t = time.perf_counter()
            found = store.search_documents(q)
            elapsed = time.perf_counter() - t
        ours.append(elapsed)
        counts.append(len(found.rows))
        plain = " AND ".join('"' + w.replace('"', '""') + '"' for w in query_words(q))
        for _ in range(2):
            t = time.perf_counter()
            store.conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", [plain]).fetchall()
            elapsed = time.perf_counter() - t
        raw.append(elapsed)
    ok = _ms(ours) < 200
    verdicts.append(ok)
    lines.append(figure_line(f"full-text search, {n:,} documents (n={len(queries)})", _ms(ours), _ms(raw), "ms",
                       f"target median < 200 ms: {'MET' if ok else 'MISSED'} (max {max(ours) * 1000:.0f} ms; "
                       f"{min(counts):,}-{max(counts):,} documents found)"))
    t = time.perf_counter()
    store.conn.execute("SELECT count(*) FROM documents WHERE instr(text, ?) > 0", [fold_for_index("الرئيس")]
                       ).fetchone()
    lines.append(f"  (for comparison, a scan of every text for one word, as before: {(time.perf_counter() - t) * 1000:.0f} ms)")

    # Open any document.
    ids = [f"doc{rnd.randrange(n):06}" for _ in range(20)]
    opened = []
    for doc_id in ids:
        t = time.perf_counter()
        window.open_document(doc_id)
        app.processEvents()
        window.repaint()
        opened.append(time.perf_counter() - t)
    texts = [store.text(doc_id) for doc_id in ids[:7]]
    floor_open = [t for text in texts for t in bare_open_times(app, window.size(), text, runs=1)]
    ok = _ms(opened) < 100
    verdicts.append(ok)
    lines.append(figure_line(f"open any document of {n:,}, painted (n={len(ids)})", _ms(opened), _ms(floor_open), "ms",
                       f"target < 100 ms: {'MET' if ok else 'MISSED'}"))

    # Sorting (no target): a click on a column title.
    for column, name in ((docs.model.TITLE, "title"), (docs.model.STATUS, "status")):
        t = time.perf_counter()
        docs.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        docs.table.viewport().repaint()
        lines.append(f"  (sort {n:,} documents by {name}: {(time.perf_counter() - t) * 1000:.0f} ms)")
    window.close()
    store.close()
