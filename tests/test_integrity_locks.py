"""No file of an open project is ever opened outside SQLite (defect 1 of issue 9).

Closing any descriptor of a file drops every POSIX lock SQLite holds on it in the process. Then another process
that opens and closes the project believes it is the last connection: it checkpoints and DELETES the write-ahead
log while this process goes on writing into it, and edits shown as done are gone after a restart. Each test holds
a connection (the window), does what the window or a command does with a second file access, lets another process
open and close the project, and checks that the log is still there and that a later edit survives.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.core.changes import AddSpan
from app.core.errors import QawlError
from app.core.jsonl import Record, make_document
from app.core.model import Span
from app.store import Store

TEXT = "قال الوزير إن الاتفاق سيوقع غدا"


def other_process_opens_and_closes(path: Path) -> None:
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM documents').fetchone(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)


@pytest.fixture
def window(tmp_path):
    """A project held open as the window holds it, with something in its write-ahead log."""
    path = tmp_path / "project.db"
    store = Store.open(path)
    store.import_records([Record(make_document(TEXT, id="d1"))])
    yield store
    store.close()


def edit_survives(store: Store, n: int) -> None:
    """An edit made now is in the project after every connection has closed."""
    span = Span.of(TEXT, "CUE", 0, 3, id=f"k{n}")
    store.apply(AddSpan("d1", "ali", span))
    path = store.path
    store.close()
    with Store.open(path) as again:
        assert f"k{n}" in again.layer("d1", "ali").spans
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_second_store_in_the_process_keeps_the_first_ones_locks(window):
    """The window opens a second store for Suggest, Import, Export and the agreement report."""
    second = Store.open(window.path)
    second.close()
    other_process_opens_and_closes(window.path)
    assert Path(f"{window.path}-wal").exists(), "another process deleted the log the window is writing into"
    edit_survives(window, 1)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_importing_the_open_project_or_its_log_is_refused_without_opening_it(window, suffix):
    from app.operations.transfer import import_paths

    target = Path(f"{window.path}{suffix}")
    assert target.exists()
    for fmt in ("auto", "qawl", "doccano", "brat"):
        with pytest.raises(QawlError, match="project file"):
            import_paths(window, [target], fmt)
    other_process_opens_and_closes(window.path)
    assert Path(f"{window.path}-wal").exists()
    edit_survives(window, 2)


def test_a_link_to_the_open_project_is_refused_too(window, tmp_path):
    from app.operations.transfer import import_paths

    link = tmp_path / "articles.jsonl"
    link.hardlink_to(window.path)
    with pytest.raises(QawlError, match="project file"):
        import_paths(window, [link])
    other_process_opens_and_closes(window.path)
    edit_survives(window, 3)


@pytest.mark.parametrize("fmt", ["jsonl", "quotes", "prodigy", "doccano"])
def test_exporting_onto_the_open_project_is_refused_and_it_stays_whole(window, fmt):
    from app.operations.transfer import export_paths

    before = window.count_documents()
    with pytest.raises(QawlError, match="project file|writes a folder"):  # doccano: refused as a file name
        export_paths(window, window.path, fmt)
    assert window.count_documents() == before
    other_process_opens_and_closes(window.path)
    assert Path(f"{window.path}-wal").exists()
    edit_survives(window, 4)


def test_a_report_or_a_mapping_file_that_is_the_project_is_refused(window):
    from app.operations.reports import write_report
    from app.operations.transfer import mapping_from_options

    with pytest.raises(QawlError, match="project file"):
        write_report(window.path, "<!DOCTYPE html><html><head></head><body></body></html>")
    with pytest.raises(QawlError, match="project file"):
        mapping_from_options(file=window.path)
    other_process_opens_and_closes(window.path)
    edit_survives(window, 5)


def test_the_command_line_refuses_to_import_its_own_project(tmp_path, capsys):
    from app.cli import main

    db = tmp_path / "p.jsonl"  # a project whose name looks like an import file
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["import", "--db", str(db), str(tmp_path / "a.txt")]) == 0
    capsys.readouterr()
    assert main(["import", "--db", str(db), str(db)]) == 1
    err = capsys.readouterr().err
    assert "project file" in err and "Traceback" not in err
    with Store.open(db) as store:
        assert store.count_documents() == 1


DIALOG_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[3])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from app.core.jsonl import Record, make_document
from app.store import Store
app = QApplication([])
store = Store.open(sys.argv[1])
store.import_records([Record(make_document("نص", id="d1"))])
if sys.argv[2] == "ours":
    from app.ui.filedialog import _dialog
    dialog = _dialog(None, "Import", str(store.path.parent), "", QFileDialog.FileMode.ExistingFiles,
                     QFileDialog.AcceptMode.AcceptOpen)
else:  # what the window used before: Qt's dialog with its own icons
    dialog = QFileDialog(None, "Import", str(store.path.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
dialog.setViewMode(QFileDialog.ViewMode.Detail)
dialog.show()
QTimer.singleShot(1500, app.quit)
app.exec()
print("shown", flush=True)
sys.stdin.readline()  # the window stays open while another process comes and goes
store.apply(__import__("app.core.changes", fromlist=["AddSpan"]).AddSpan(
    "d1", "ali", __import__("app.core.model", fromlist=["Span"]).Span.of("نص", "CUE", 0, 2, id="k")))
store.close()
print("done", flush=True)
"""


@pytest.mark.parametrize("which", ["ours"])  # "qt" (the stock dialog v1 used) fails: the log is deleted
def test_browsing_the_projects_folder_in_a_file_dialog_keeps_its_locks(tmp_path, which):
    """Qt's file dialog reads the first bytes of files it cannot place by name (qawl.db) to choose their icon;
    closing that descriptor dropped the window's locks. Every dialog of the window is now app.ui.filedialog's."""
    import os

    db = tmp_path / "qawl.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    repo = str(Path(__file__).resolve().parents[1])
    child = subprocess.Popen([sys.executable, "-c", DIALOG_CHILD, str(db), which, repo], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout.readline().strip() == "shown"
        other_process_opens_and_closes(db)
        assert Path(f"{db}-wal").exists(), "the dialog dropped the window's locks"
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "done"
    finally:
        child.kill()
        child.wait()
    with Store.open(db) as again:
        assert "k" in again.layer("d1", "ali").spans
