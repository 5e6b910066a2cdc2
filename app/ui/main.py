"""Starting the annotation window: language and layout direction, the project, the annotator's name, the window.

``qawl`` (or ``qawl gui [--db] [--doc ID] [--annotator NAME] [--lang ar|en]``) calls :func:`run_gui`.

The interface language comes from ``--lang``, else the saved choice, else the system locale; in Arabic the whole
window is mirrored (the application's layout direction), while each article keeps its own direction.
The annotator's name is asked once (:class:`~app.ui.dialogs.AnnotatorDialog`) and kept in the settings.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import QawlError
from . import settings as cfg
from .api import ProjectApi
from .session import Session
from .window import MainWindow

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("en", "ar")
ENV_EXIT_WHEN_READY = "QAWL_EXIT_WHEN_READY"  # benchmarks: quit once the window is shown with the project loaded


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
        for name, folder in ((f"qawl_{lang}", I18N),
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


def build_window(store, annotator: str, settings, api: ProjectApi | None = None,
                 doc: str | None = None) -> MainWindow:
    """The window on an open project, with ``doc`` (else the last one, else the first) open."""
    session = Session(store, annotator)
    window = MainWindow(session, settings, api)
    last = cfg.read_str(settings, "last_document")
    target = doc or (last if last and store.has_document(last) else window.documents.model.first_id())
    if target:
        window.open_document(target)
    return window


def run_gui(api: ProjectApi, db=None, doc: str | None = None, annotator: str | None = None,
            lang: str | None = None) -> int:
    """Start the window on the project ``db`` (``api`` opens it: see ``app.operations.project.gui_api``)."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Qawl")
    app.setOrganizationName("Qawl")
    settings = cfg.make_settings()
    language = choose_language(settings, lang)
    install_language(app, language)
    try:
        store = api.open_project(db)
    except QawlError as exc:
        QMessageBox.critical(None, "Qawl", str(exc))
        return 1
    name = annotator_name(settings, annotator)
    if not name:
        store.close()
        return 1
    try:
        window = build_window(store, name, settings, api, doc)
    except QawlError as exc:
        QMessageBox.critical(None, "Qawl", str(exc))
        store.close()
        return 1
    window.show()
    if os.environ.get(ENV_EXIT_WHEN_READY):
        def ready() -> None:
            print(f"ready {time.perf_counter() - started:.4f}", flush=True)
            window.close()
            app.quit()
        QTimer.singleShot(0, ready)
    code = app.exec()
    store.close()
    return code
