"""Start-up: the annotator's name asked once, languages (Arabic mirrors the window), fresh translations, the real
`qawl gui` starting in a child process; import and export from the menus off the UI thread, with cancel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.core.errors import Cancelled

from app.ui import settings as cfg
from app.operations.project import gui_api as project_api
from app.ui.main import I18N, annotator_name, choose_language, install_language
from app.ui.transfer import ExportRequest, ImportRequest
from ui_support import find, label, open_window

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_the_annotator_is_asked_once_and_remembered(qapp):
    settings = cfg.make_settings()
    asked = []

    def ask(parent, suggested):
        asked.append(suggested)
        return "amal"

    assert annotator_name(settings, None, ask) == "amal"
    assert annotator_name(settings, None, ask) == "amal"
    assert len(asked) == 1
    assert annotator_name(settings, "guest", ask) == "guest"  # --annotator is a one-off
    assert annotator_name(settings, None, ask) == "amal"


def test_language_choice_order(qapp):
    settings = cfg.make_settings()
    assert choose_language(settings, "ar") == "ar"
    settings.setValue("ui/lang", "ar")
    assert choose_language(settings, None) == "ar"
    assert choose_language(settings, "en") == "en"


def test_arabic_mirrors_the_window_and_translates_it(qtbot, make_store):
    app = QApplication.instance()
    translators = install_language(app, "ar")
    try:
        assert translators, "the Arabic translation did not load"
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        win = open_window(qtbot, make_store({"d1": "نص عربي للتجربة. Lavrentiev قال."}), doc="d1")
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[:2] == ["&ملف", "&تحرير"]
        assert win.quotes.windowTitle() == "الاقتباسات"
        assert win.isRightToLeft()
        # The article keeps its own direction whatever the window's.
        assert win.view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        for t in translators:
            app.removeTranslator(t)
        install_language(app, "en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_compiled_translation_is_fresh(tmp_path):
    lupdate, lrelease = shutil.which("pyside6-lupdate", path=str(BIN)), shutil.which("pyside6-lrelease",
                                                                                       path=str(BIN))
    if not lupdate or not lrelease:
        pytest.skip("pyside6-lupdate / pyside6-lrelease are not installed")
    ts = tmp_path / "qawl_ar.ts"
    shutil.copy(I18N / "qawl_ar.ts", ts)
    sources = sorted(str(p) for p in (REPO / "app" / "ui").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(ts), "-no-obsolete", "-locations", "none", "-target-language",
                    "ar"], check=True, capture_output=True)
    assert ts.read_text(encoding="utf-8") == (I18N / "qawl_ar.ts").read_text(encoding="utf-8"), \
        "resources/i18n/qawl_ar.ts is stale: run pyside6-lupdate (see README) and translate the new strings"
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8"), "untranslated strings in qawl_ar.ts"
    qm = tmp_path / "qawl_ar.qm"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (I18N / "qawl_ar.qm").read_bytes(), \
        "resources/i18n/qawl_ar.qm is stale: run pyside6-lrelease resources/i18n/qawl_ar.ts"


def test_qawl_gui_starts_in_a_child_process_and_is_ready(tmp_path, seed_path):
    qawl = shutil.which("qawl", path=str(BIN))
    if qawl is None:
        pytest.skip("the qawl command is not installed in this environment")
    db = tmp_path / "p.db"
    subprocess.run([qawl, "--db", str(db), "import", str(seed_path)], check=True, capture_output=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_EXIT_WHEN_READY="1",
               QAWL_SETTINGS_DIR=str(tmp_path / "s"))
    out = subprocess.run([qawl, "gui", "--db", str(db), "--annotator", "amal", "--lang", "ar"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ready ")


def test_import_runs_in_the_background_and_the_list_follows(qtbot, make_store, tmp_path, seed_path):
    win = open_window(qtbot, make_store({"d1": "نص أول."}), api=project_api())
    with qtbot.waitSignal(win.session.document_opened, timeout=20000, raising=False):
        task = win.start_import(ImportRequest((str(seed_path),)))
        qtbot.waitUntil(lambda: task.isFinished(), timeout=20000)
    qtbot.waitUntil(lambda: win.documents.model.rowCount() == 2, timeout=20000)
    assert "1 new documents" in win.message.text()


def test_a_bad_import_reports_where_and_changes_nothing(qtbot, make_store, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    win = open_window(qtbot, make_store({"d1": "نص أول."}), api=project_api())
    task = win.start_import(ImportRequest((str(bad),)))
    qtbot.waitUntil(lambda: bool(win.failures.shown), timeout=20000)
    assert task.isFinished()
    assert "bad.jsonl:2" in win.failures.shown[0] and win.failures.box.isVisible()
    win.failures.box.close()
    assert win.documents.model.rowCount() == 1


def test_export_runs_in_the_background_and_cancel_leaves_no_file(qtbot, make_store, tmp_path):
    win = open_window(qtbot, make_store({"d1": "قال الوزير إن الأمر مهم.", "d2": "نص ثان."}), doc="d1",
                      api=project_api())
    label(win, *find("قال الوزير إن الأمر مهم.", "إن الأمر مهم"), Qt.Key.Key_Q)
    out = tmp_path / "out.jsonl"
    task = win.start_export(ExportRequest(str(out), "jsonl", "amal"))
    qtbot.waitUntil(lambda: "Wrote" in win.message.text(), timeout=20000)
    lines = [orjson.loads(l) for l in out.read_bytes().splitlines()]
    assert [(l["doc_id"], len(l["spans"])) for l in lines] == [("d1", 1), ("d2", 0)]
    assert task.isFinished()
    # A cancelled export: the work sees the cancel and the target is left as it was (here: absent).
    target = tmp_path / "cancelled.jsonl"

    started = threading.Event()

    def slow_export(store, path, fmt, **kw):
        # Runs in the worker thread: polls the cancel flag as the real export does every 1,000 lines.
        started.set()
        while not kw["cancel"]():
            threading.Event().wait(0.005)
        raise Cancelled()

    api = project_api()
    from dataclasses import replace

    win.api = replace(api, export_paths=slow_export)
    task = win.start_export(ExportRequest(str(target), "jsonl"))
    qtbot.waitUntil(started.is_set, timeout=20000)
    task.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: "Cancelled" in win.message.text(), timeout=20000)
    assert not target.exists()


def test_the_formats_offered_are_the_operations_formats():
    import app.operations as keys
    from app.operations import transfer

    assert keys.EXPORT_FORMATS == transfer.EXPORT_FORMATS
    assert keys.IMPORT_FORMATS == transfer.IMPORT_FORMATS


def test_a_brat_folder_imports_from_the_dialog_with_a_mapping(qtbot, make_store, corpus):
    win = open_window(qtbot, make_store({"d1": "نص أول."}), api=project_api())
    folder = corpus / "english_quote_attribution" / "polnear_brat" / "multi_annotator"
    task = win.start_import(ImportRequest((str(folder),), "auto", map_flags=("Discuss=",)))
    qtbot.waitUntil(lambda: task.isFinished() and win.documents.model.rowCount() == 2, timeout=30000)
    assert "6 annotation layers" in win.message.text()
