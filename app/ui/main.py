"""Starting the annotation window: language and layout direction, the project, the annotator's name, the window.

``qawl`` (or ``qawl gui [--db] [--doc ID] [--annotator NAME] [--lang ar|en]``) calls :func:`run_gui`.

The interface language comes from ``--lang``, else the saved choice, else the system locale; in Arabic the whole
window is mirrored (the application's layout direction), while each article keeps its own direction.
The annotator's name is asked once (:class:`~app.ui.dialogs.AnnotatorDialog`) and kept in the settings.

Before Qt starts, a missing display is said in one line (:mod:`.display`). The window starts the log
(:mod:`app.logfile`): a line with the versions and the project, and every unexpected error with its traceback,
which is also shown to the person with the way to report it (Help ▸ Report a problem).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, logfile, resources
from ..core.errors import QawlError
from ..core.ports import Project
from . import settings as cfg
from .api import ProjectApi
from .display import QtMessages, missing_display
from .help import app_icon, versions
from .session import Session
from .window import MainWindow

DESKTOP_ID = "qawl"  # the desktop entry's name (qawl.desktop): Wayland docks match the window to it
LANGUAGES = ("en", "ar")
ENV_EXIT_WHEN_READY = "QAWL_EXIT_WHEN_READY"  # benchmarks: quit once the window is shown with the project loaded


def __getattr__(name: str):
    if name == "I18N":  # the translations' folder, in the installed package (app.resources); looked up when used
        return resources.i18n_dir()
    raise AttributeError(name)


def choose_language(settings, lang: str | None) -> str:
    if lang in LANGUAGES:
        return lang
    saved = cfg.read_str(settings, "ui/lang")
    if saved in LANGUAGES:
        return saved
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def install_language(app: QApplication, lang: str) -> list[QTranslator]:
    """Load Qawl's and Qt's own translations and set the window direction (mirrored in Arabic)."""
    translators: list[QTranslator] = []
    if lang != "en":
        for name, folder in ((f"qawl_{lang}", resources.i18n_dir()),
                             (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                translators.append(translator)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight)
    return translators


def annotator_name(settings, given: str | None, ask=None) -> str | None:
    """``--annotator`` if given (not saved), else the saved name, else asked once (``ask`` is the seam,
    AnnotatorDialog.ask by default) and saved."""
    if given and given.strip():
        return given.strip()
    saved = cfg.read_str(settings, "annotator").strip()
    if saved:
        return saved
    if ask is None:
        from .dialogs import AnnotatorDialog

        ask = AnnotatorDialog.ask
    name = ask(None, os.environ.get("USER", ""))
    if name:
        settings.setValue("annotator", name)
        settings.sync()
    return name


def build_window(store: Project, annotator: str, settings, api: ProjectApi | None = None,
                 doc: str | None = None) -> MainWindow:
    """The window on an open project, with ``doc`` (else the last one, else the first) open."""
    session = Session(store, annotator)
    window = MainWindow(session, settings, api)
    last = cfg.read_str(settings, "last_document")
    target = doc or (last if last and store.has_document(last) else window.documents.model.first_id())
    if target:
        window.open_document(target)
    return window


def team_annotator(api: ProjectApi, store: Project) -> str | None:
    """In a team project the window annotates as the member this project syncs (not the name saved for other
    projects): otherwise its work would never be sent."""
    if api.team is None:
        return None
    try:
        state = api.team.info(store)
    except Exception:  # not readable as a team project: the usual name
        return None
    return state.annotator if state is not None else None


def run_gui(api: ProjectApi, db=None, doc: str | None = None, annotator: str | None = None,
            lang: str | None = None) -> int:
    """Start the window on the project ``db`` (``api`` opens it: see ``app.operations.project.gui_api``)."""
    started = time.perf_counter()
    if QApplication.instance() is None:
        reason = missing_display()
        if reason:
            print(reason, file=sys.stderr)
            return 1
    messages = QtMessages().install()
    try:
        return _run(api, db, doc, annotator, lang, started, messages)
    finally:
        messages.uninstall()


def _run(api: ProjectApi, db, doc, annotator, lang, started: float, messages: QtMessages) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    messages.started()
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    logfile.start()
    settings = cfg.make_settings()
    language = choose_language(settings, lang)
    install_language(app, language)
    try:
        store = api.open_project(db)
    except QawlError as exc:
        logfile.logger().warning("the project could not be opened: %s", exc)
        QMessageBox.critical(None, "Qawl", str(exc))
        return 1
    logfile.logger().info("window started (%s; language %s; project %s)",
                          ", ".join(f"{k} {v}" for k, v in versions(store.sqlite_version)), language, store.path)
    name = annotator or team_annotator(api, store) or annotator_name(settings, annotator)
    if not name:
        store.close()
        return 1
    try:
        window = build_window(store, name, settings, api, doc)
    except QawlError as exc:
        logfile.logger().warning("the window could not open the project: %s", exc)
        QMessageBox.critical(None, "Qawl", str(exc))
        store.close()
        return 1
    previous_hook = sys.excepthook
    _watch(window, previous_hook)
    window.show()
    if os.environ.get(ENV_EXIT_WHEN_READY):
        def ready() -> None:
            import json

            # The start-up time (and the process's CPU time so far, for `qawl bench ui`), then what the window
            # shows (for smoke tests of an installation or a bundle).
            print(f"ready {time.perf_counter() - started:.4f} cpu {time.process_time():.4f}", flush=True)
            document = window.session.document
            print(json.dumps({"document": document.id if document else None, "language": language,
                              "menus": [a.text() for a in window.menuBar().actions()],
                              "icon": not app.windowIcon().isNull()}, ensure_ascii=False), flush=True)
            window.close()
            app.quit()
        QTimer.singleShot(0, ready)
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
    store.close()
    return code


def _watch(window, previous_hook) -> None:
    """Refused edits logged and unexpected errors reported, for the window and for the one that replaces it when
    the interface language is switched."""
    window.session.failed.connect(lambda message: logfile.logger().warning("refused: %s", message))
    window.session.storage_failed.connect(lambda message: logfile.logger().warning("not saved: %s", message))
    sys.excepthook = lambda *exc_info: report_unexpected(window, exc_info, previous_hook)
    window.replaced.connect(lambda new: _watch(new, previous_hook))


def report_unexpected(window, exc_info, previous=None) -> None:
    """An exception no code expected (Qt calls sys.excepthook from a slot): logged with its traceback, printed
    as Python would, and shown to the person with where the details are; the window goes on."""
    path = logfile.record_exception(exc_info)
    if previous is not None:
        previous(*exc_info)
    box = QMessageBox(QMessageBox.Icon.Critical, "Qawl",
                      QCoreApplication.translate("Main", "Something went wrong: %1")
                      .replace("%1", logfile.one_line(exc_info[1])), parent=window)
    where = QCoreApplication.translate("Main", "The details were written to the log: %1") \
        .replace("%1", f"\u2066{path}\u2069") if path else QCoreApplication.translate("Main", "The log could not be written.")
    box.setInformativeText(where + "\n" + QCoreApplication.translate("Main", "Help ▸ Report a problem says what to send."))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    window.unexpected = box  # for tests
