"""Qawl as a desktop application: Help ▸ About (versions) and Help ▸ Report a problem (the log), the icon, the
log file (rotated; unexpected errors with tracebacks, from the window, background work and the command line),
one clear line instead of Qt's abort when there is no display, and the Linux desktop entry."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from app import __version__, logfile
from app.core.errors import QawlError
from app.operations import desktop
from app.ui import display
from app.ui.help import HelpEntry, versions_text
from ui_support import open_window

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def _fresh_log():
    """Each test starts without a log handler (the handler of an earlier test points at its own folder)."""
    def drop():
        for handler in list(logfile.logger().handlers):
            logfile.logger().removeHandler(handler)
            handler.close()

    drop()
    yield
    drop()


# --- Help menu ---------------------------------------------------------------------------------------------------

def test_the_help_menu_is_last_and_holds_report_and_about(qtbot, make_store):
    win = open_window(qtbot, make_store({"d1": "نص."}), doc="d1")
    menus = win.menuBar().actions()
    assert menus[-1].menu() is win.menus["help"]
    assert [a.text() for a in win.menus["help"].actions() if a.text()] == \
        ["&Keys…", "Labelling &guidelines", "&Report a problem…", "&About Qawl"]  # reading matter first
    assert {"about", "report_problem"} <= set(win.registry.keys())  # in Edit ▸ Keys… like every command


def test_a_feature_adds_its_own_help_entry(qtbot, make_store):
    win = open_window(qtbot, make_store({"d1": "نص."}), doc="d1")
    shown = []
    action = win.help.add(HelpEntry("tutorial", "&Tutorial", lambda menu: shown.append(menu), "Shift+F1"),
                          before="report_problem")
    action.trigger()
    assert shown == [win.help]
    assert [a.text() for a in win.menus["help"].actions() if a.text()] == \
        ["&Keys…", "Labelling &guidelines", "&Tutorial", "&Report a problem…", "&About Qawl"]
    assert win.registry.shortcut("tutorial") == "Shift+F1"


def test_about_shows_the_versions_of_qawl_qt_pyside_and_sqlite(qtbot, make_store):
    store = make_store({"d1": "نص."})
    win = open_window(qtbot, store, doc="d1")
    win.help.actions["about"].trigger()
    dialog = win.help.dialog
    qtbot.waitExposed(dialog)
    shown = {name: label.text().strip("\u2066\u2069") for name, label in dialog.values.items()}
    assert shown["Qawl"] == __version__
    assert shown["PySide6"] == pyside_version
    assert shown["Qt"].startswith(qVersion())
    assert shown["SQLite"] == sqlite3.sqlite_version
    assert shown["Python"] == sys.version.split()[0]
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(store.path) in text and str(logfile.log_path()) in text
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy versions")
    copy.click()
    assert f"SQLite: {sqlite3.sqlite_version}" in QGuiApplication.clipboard().text()
    dialog.close()


def test_report_a_problem_says_where_the_log_is_and_what_to_send(qtbot, make_store, monkeypatch):
    from app.ui import about

    logfile.start()
    logfile.logger().error("something to report")
    opened = []
    monkeypatch.setattr(about.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    win = open_window(qtbot, make_store({"d1": "نص."}), doc="d1")
    win.help.actions["report_problem"].trigger()
    dialog = win.help.dialog
    qtbot.waitExposed(dialog)
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(logfile.log_path()) in dialog.path.text()
    assert "qawl.log" in words and "versions" in words and "screenshot" in words and "step by step" in words
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    buttons["Open the log folder"].click()
    assert opened == [str(logfile.log_dir())]
    buttons["Copy the log's path"].click()
    assert QGuiApplication.clipboard().text() == str(logfile.log_path())
    buttons["Copy the versions"].click()
    assert f"Qawl: {__version__}" in QGuiApplication.clipboard().text()
    assert f"Log: {logfile.log_path()}" in QGuiApplication.clipboard().text()
    dialog.close()


def test_versions_text_names_every_part():
    text = versions_text("3.99.0")
    for part in ("Qawl", "Python", "PySide6", "Qt", "SQLite: 3.99.0", "System"):
        assert part in text


# --- log file --------------------------------------------------------------------------------------------------------

def test_the_log_lives_in_the_user_data_directory():
    assert logfile.log_path() == Path(os.environ["XDG_DATA_HOME"]) / "qawl" / "logs" / "qawl.log"


def test_the_log_rotates_and_keeps_a_few_files(tmp_path):
    path = tmp_path / "qawl.log"
    handler = logfile.RotatingFile(path, max_bytes=2_000, backups=2)
    log = logging.getLogger("qawl.test.rotation")
    log.addHandler(handler)
    log.propagate = False
    try:
        for n in range(200):
            log.warning("line %04d %s", n, "x" * 60)
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["qawl.log", "qawl.log.1", "qawl.log.2"]
    assert all(p.stat().st_size <= 2_000 + 200 for p in tmp_path.iterdir())
    assert "line 0199" in path.read_text()


def test_an_unexpected_error_is_logged_with_its_traceback():
    try:
        {}["missing"]
    except KeyError:
        path = logfile.record_exception(sys.exc_info(), "test")
    text = path.read_text(encoding="utf-8")
    assert "ERROR qawl: test: KeyError: 'missing'" in text
    assert "Traceback (most recent call last)" in text and 'in test_an_unexpected_error_is_logged' in text


def test_an_unexpected_error_in_a_command_is_one_line_and_a_logged_traceback(monkeypatch, capsys):
    from app import cli
    from app.cli import stats

    def broken(args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(stats, "run", broken)
    monkeypatch.setattr(cli, "_parser", None)  # a parser built now holds `broken`: never left for later tests
    assert cli.main(["stats"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("qawl: unexpected error: ZeroDivisionError: a bug")
    assert str(logfile.log_path()) in err
    assert "Traceback" in logfile.log_path().read_text(encoding="utf-8")


def test_an_unexpected_error_in_background_work_is_logged(qtbot):
    from app.ui.tasks import Task

    def work(progress, cancel):
        raise RuntimeError("background bug")

    task = Task(work)
    with qtbot.waitSignal(task.failed, timeout=10000) as signal:
        task.start()
    task.wait()
    assert signal.args == ["RuntimeError: background bug"]
    text = logfile.log_path().read_text(encoding="utf-8")
    assert "background work failed: RuntimeError: background bug" in text and "Traceback" in text


UNEXPECTED = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
qapp = QApplication(sys.argv[:1])
def boom():
    raise ValueError("a bug in a slot")
def look():
    from app.ui.window import MainWindow
    window = next(w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow))
    box = getattr(window, "unexpected", None)
    print("BOX", box is not None and box.isVisible(), box.text() if box else "", "|", box.informativeText().replace("\n", " ") if box else "")
    window.close()
    qapp.quit()
QTimer.singleShot(0, boom)
QTimer.singleShot(300, look)
from app.cli import main
main(sys.argv[1:])
"""


def test_an_unexpected_error_in_the_window_is_shown_logged_and_the_window_goes_on(tmp_path, seed_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QAWL_SETTINGS_DIR=str(tmp_path / "s"))
    db = tmp_path / "p.db"
    from app.store import Store

    Store.open(db).close()  # only `qawl import` and the default project create a project (issue 9)
    out = subprocess.run([sys.executable, "-c", UNEXPECTED, "gui", "--db", str(db), "--annotator", "amal"],
                         capture_output=True, text=True, env=env, timeout=60, cwd=REPO)
    assert out.returncode == 0, out.stderr
    line = next(l for l in out.stdout.splitlines() if l.startswith("BOX"))
    assert line.startswith("BOX True Something went wrong: ValueError: a bug in a slot")
    assert str(logfile.log_path()) in line and "Report a problem" in line
    text = logfile.log_path().read_text(encoding="utf-8")
    assert "window started (Qawl" in text
    assert "unexpected error: ValueError: a bug in a slot" in text and "in boom" in text
    assert "ValueError: a bug in a slot" in out.stderr  # still printed as Python prints it


# --- no display ------------------------------------------------------------------------------------------------

def _qawl():
    qawl = BIN / "qawl"
    if not qawl.exists():
        pytest.skip("the qawl command is not installed in this environment")
    return qawl


def _without_display(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_without_a_display_qawl_says_so_in_one_line(tmp_path):
    """Before: Qt's five lines ending in 'Reinstalling the application may fix this problem' and exit 134."""
    out = subprocess.run([str(_qawl())], capture_output=True, text=True, timeout=60,
                         env=_without_display(QAWL_SETTINGS_DIR=str(tmp_path / "s")))
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith("qawl: no display to show the window on")
    assert "QT_QPA_PLATFORM=offscreen" in out.stderr and "xvfb-run" in out.stderr
    assert "Reinstalling" not in out.stderr


def _xcb_loads() -> bool:
    """Whether Qt's X11 plugin finds its system libraries here (a bare machine lacks some: libxcb-icccm4 ...)."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    libs = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*")]
    out = subprocess.run(["ldd", *map(str, libs)], capture_output=True, text=True)
    return out.returncode == 0 and "not found" not in out.stdout


def test_a_display_that_does_not_answer_is_said_in_one_line(tmp_path):
    """Before: Qt's abort (exit 134). Where the X11 plugin cannot load, the same one line names the libraries."""
    free = next(n for n in range(271, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    out = subprocess.run([str(_qawl()), "gui", "--annotator", "amal"], capture_output=True, text=True, timeout=60,
                         env=_without_display(DISPLAY=f":{free}", QAWL_SETTINGS_DIR=str(tmp_path / "s")))
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [out.stderr.strip()], out.stderr
    assert "Reinstalling" not in out.stderr
    if _xcb_loads():
        assert out.stderr.startswith(f"qawl: cannot connect to the display :{free}")
        assert "could not connect to display" in logfile.log_path().read_text(encoding="utf-8")  # Qt's words, kept
    else:
        assert out.stderr.startswith("qawl: Qt could not start its 'xcb' platform plugin, most likely for want of")


def test_the_display_check():
    assert display.missing_display({}, "linux").startswith("qawl: no display")
    assert display.missing_display({"DISPLAY": ":0"}, "linux") is None
    assert display.missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display.missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display.missing_display({}, "win32") is None and display.missing_display({}, "darwin") is None


def test_qt_fatal_messages_are_explained():
    unknown = ['qt.qpa.plugin: Could not find the Qt platform plugin "bogus" in ""',
               "This application failed to start because no Qt platform plugin could be initialized. Reinstalling "
               "the application may fix this problem.\n\nAvailable platform plugins are: minimal, offscreen, xcb."]
    assert display.explain_fatal(unknown, {"QT_QPA_PLATFORM": "bogus"}) == \
        "qawl: Qt has no platform plugin called 'bogus' (QT_QPA_PLATFORM); it has: minimal, offscreen, xcb"
    libs = ['qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it was found.']
    assert "for want of a system library" in display.explain_fatal(libs, {"DISPLAY": ":0"})
    wayland = ["qt.qpa.xcb: could not connect to display "]
    assert "Wayland display wayland-1" in display.explain_fatal(wayland, {"WAYLAND_DISPLAY": "wayland-1"})


# --- the desktop entry ---------------------------------------------------------------------------------------------

def test_the_desktop_entry_and_icons_are_installed_and_removed(tmp_path):
    home = tmp_path / "share"
    written = desktop.install(home, ["/opt/my apps/qawl"])
    entry = (home / "applications" / "qawl.desktop").read_text(encoding="utf-8").splitlines()
    assert 'Exec="/opt/my apps/qawl" gui' in entry and "TryExec=/opt/my apps/qawl" in entry
    assert "Icon=qawl" in entry and "Name[ar]=قول" in entry
    assert (home / "icons" / "hicolor" / "48x48" / "apps" / "qawl.png").read_bytes() == \
        (REPO / "resources" / "icons" / "qawl-48.png").read_bytes()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "qawl.svg").is_file()
    assert desktop.install(home, ["/usr/bin/qawl"])  # again: ours is replaced
    assert sorted(desktop.remove(home)) == sorted(written)
    assert not any(p.is_file() for p in home.rglob("qawl*"))


def test_an_entry_qawl_did_not_write_is_left_alone(tmp_path):
    entry = tmp_path / "applications" / "qawl.desktop"
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nName=Someone else's qawl\n", encoding="utf-8")
    for act in (lambda: desktop.install(tmp_path, ["/usr/bin/qawl"]), lambda: desktop.remove(tmp_path)):
        with pytest.raises(QawlError, match="not written by Qawl"):
            act()
    assert "Someone else" in entry.read_text(encoding="utf-8")


@pytest.mark.parametrize("arg, written", [
    ("/usr/bin/qawl", "/usr/bin/qawl"),
    ("/home/a b/qawl", '"/home/a b/qawl"'),
    ('/x/"q"$`\\', '"/x/\\\\"q\\\\"\\\\$\\\\`\\\\\\\\"'),
    ("/x/100%", "/x/100%%"),
])
def test_exec_arguments_are_quoted_as_the_specification_asks(arg, written):
    assert desktop.exec_arg(arg) == written


def test_the_shipped_desktop_entry_is_valid(tmp_path):
    import shutil

    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    desktop.install(tmp_path, ["/usr/bin/qawl"])
    out = subprocess.run([validate, str(tmp_path / "applications" / "qawl.desktop")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_qawl_schema_prints_the_shipped_schema(capsys):
    from app import cli

    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"].endswith("qawl-export-1.schema.json")
    assert cli.main(["schema", "--path"]) == 0
    assert Path(capsys.readouterr().out.strip()) == REPO / "resources" / "qawl-export-1.schema.json"


def test_the_window_has_the_application_icon(qtbot, make_store):
    from app.ui.help import app_icon

    icon = app_icon()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48, 256}
    assert QApplication.instance() is not None
