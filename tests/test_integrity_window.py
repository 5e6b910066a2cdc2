"""The window under real use (defects 8 and 9 of issue 9): a failure to save is shown, with what was not saved, and
the view never shows it as done; other processes' commits (a command-line import, another window) appear in place,
keeping the open document, the selection and the scroll position; a stale undo is refused with a clear message."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.changes import AddSpan
from app.core.jsonl import Record, make_document
from app.core.model import Span
from app.operations.project import gui_api
from app.store import Store
from integrity_support import qawl
from ui_support import find, label, open_window, press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
LINE = "وقال الوزير يوم 18 كانون الثاني إن الأمر مهم جدا للبلاد.\n"
TEXT = LINE * 80  # long enough to scroll


@pytest.fixture
def win(qtbot, make_store):
    store = make_store({"d1": TEXT, "d2": "وثيقة ثانية قصيرة."})
    return open_window(qtbot, store, doc="d1", api=gui_api())


def saved(win):
    return Store.open(win.session.store.path).__enter__()


# --- failures are shown ----------------------------------------------------------------------------------------------

class _FullDisk:
    """SQLite's answer on a full disk, for every write (the real thing is tested on a small tmpfs below)."""

    def __init__(self, raw) -> None:
        self.raw = raw

    def execute(self, sql, args=()):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self.raw.execute(sql, args)

    def __getattr__(self, name):
        return getattr(self.raw, name)


def _fail_with(win, how: str) -> None:
    conn = win.session.store.conn
    if how == "full":
        conn.raw = _FullDisk(conn.raw)
    elif how == "read-only":
        conn.execute("PRAGMA query_only = 1")  # SQLite's own SQLITE_READONLY


@pytest.mark.parametrize("how, words", [("full", "The disk is full"), ("read-only", "read-only")])
def test_an_edit_the_project_cannot_save_is_shown_and_never_drawn_as_done(win, qtbot, how, words):
    start, end = find(TEXT, "الوزير")
    label(win, start, end, K.Key_S)  # one edit that works
    _fail_with(win, how)
    more = "الأمر مهم"
    label(win, *find(TEXT, more), K.Key_Q)
    assert win.failures.box is not None and win.failures.box.isVisible()
    shown = win.failures.shown[-1]
    assert shown.startswith("Not saved: Add") and words in shown and "nothing of this edit was saved" in shown
    assert "color: #c00000" in win.message.styleSheet() and words in win.message.text()
    assert [s.label for s in win.session.layer.spans.values()] == ["SPEAKER"]  # the view shows what is saved
    with Store.open(win.session.store.path) as other:
        assert [s.label for s in other.layer("d1", "amal").spans.values()] == ["SPEAKER"]
    # The box is window-modal (keys wait until it is read); a failure arriving meanwhile (a background result,
    # a timer) updates the one box instead of stacking new ones.
    win.view.select_text(*find(TEXT, more))
    win.controller.label("CLAIM")
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "failure_box" and w.isVisible()]
    assert len(boxes) == 1 and "2 failures" in boxes[0].informativeText()
    boxes[0].close()


def test_an_edit_waiting_too_long_for_another_process_is_shown(qtbot, make_store, monkeypatch):
    monkeypatch.setenv("QAWL_BUSY_TIMEOUT", "0.3")
    store = make_store({"d1": TEXT})
    win = open_window(qtbot, store, doc="d1", api=gui_api())
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(30)"), str(store.path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        label(win, *find(TEXT, "الوزير"), K.Key_S)
        assert "kept the project locked too long" in win.failures.shown[-1] and not win.session.layer.spans
    finally:
        holder.kill()
        holder.wait()
    win.failures.box.close()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    label(win, *find(TEXT, "الوزير"), K.Key_S)  # and once the other process is gone, it works again
    assert len(win.session.layer.spans) == 1


# --- other processes -------------------------------------------------------------------------------------------------

def _scrolled_with_a_selection(win, qtbot):
    press(win.view, K.Key_End, CTRL)
    bar = win.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start, end = find(TEXT, "الوزير", 40)
    label(win, start, end, K.Key_S)
    selected = win.session.selected
    assert selected is not None
    return bar.value(), selected


def test_a_command_line_import_shows_in_the_open_window_without_losing_the_place(win, qtbot, tmp_path):
    from app.ui.render import LayerStyle

    win.session.show_layer("sara", LayerStyle("sara"))  # a teammate's layer shown beside mine
    scroll, selected = _scrolled_with_a_selection(win, qtbot)
    start, end = find(TEXT, "الأمر مهم", 3)
    line = {"id": "d1", "text": TEXT, "annotator": "sara", "status": "done",
            "spans": [{"id": "q1", "label": "QUOTE", "start": start, "end": end, "attrs": {"type": "indirect"}}]}
    (tmp_path / "team.jsonl").write_bytes(orjson.dumps(line) + b"\n")
    (tmp_path / "new.txt").write_text("مقال جديد وصل من سطر الأوامر.", "utf-8")
    scroll_before = win.view.verticalScrollBar().value()
    done = qawl("import", "--db", win.session.store.path, tmp_path / "team.jsonl", tmp_path / "new.txt")
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: win.documents.model.rowCount() == 3, timeout=5000)  # the window noticed by itself
    assert "q1" in win.session.shown_layer("sara").spans
    assert win.session.document.id == "d1" and win.session.selected == selected
    assert win.view.verticalScrollBar().value() == scroll_before
    assert "changes made elsewhere" in win.message.text()


def test_another_windows_edit_shows_and_a_stale_undo_is_refused_with_a_message(win, qtbot):
    _scrolled_with_a_selection(win, qtbot)
    mine = win.session.selected
    with Store.open(win.session.store.path) as other:  # a second window on the same project
        layer = other.layer("d1", "amal")
        span = layer.spans[mine]
        from app.core.changes import RemoveSpan

        other.apply(RemoveSpan("d1", "amal", span))
        start, end = find(TEXT, "كانون الثاني", 10)
        other.apply(AddSpan("d1", "amal", Span.of(TEXT, "DATE", start, end, id="dt")))
    assert win.poll_project()
    assert set(win.session.layer.spans) == {"dt"} and win.session.selected is None
    assert win.quotes.model is not None
    press(win.view, K.Key_Z, CTRL)  # undoing my SPEAKER: it was removed elsewhere
    assert "Could not undo" in win.message.text() and "undo history was cleared" in win.message.text()
    qtbot.waitUntil(lambda: not win.session.undo_stack.canUndo(), timeout=3000)
    assert set(win.session.layer.spans) == {"dt"}


def test_nothing_changed_elsewhere_means_nothing_redrawn(win, qtbot):
    label(win, *find(TEXT, "الوزير"), K.Key_S)  # our own commit does not count as someone else's
    events = []
    win.session.changed.connect(events.append)
    assert not win.poll_project() and events == []
    with Store.open(win.session.store.path) as other:
        other.set_meta("something", "else")  # a commit that changes nothing shown
    assert win.poll_project() and events == []


@pytest.mark.slow
def test_on_a_really_full_disk_every_edit_shown_as_done_is_saved_and_every_failure_is_shown(qtbot, tmp_path):
    from integrity_support import fill, small_disk

    with small_disk("2m") as disk:
        store = Store.open(disk / "p.db")
        store.import_records([Record(make_document(TEXT, id="d1"))])
        win = open_window(qtbot, store, doc="d1", api=gui_api())
        fill(disk)
        words = [m for m in range(60)]
        for n in words:
            start, end = find(TEXT, "الوزير", n)
            win.view.select_text(start, end)
            win.controller.label("SPEAKER")
        shown = set(win.session.layer.spans)
        assert win.failures.shown and all("The disk is full" in m for m in win.failures.shown)
        win.failures.box.close()
        win.close()
        store.close()
        (disk / "filler").unlink()
        with Store.open(disk / "p.db") as again:
            assert set(again.layer("d1", "amal").spans) == shown
