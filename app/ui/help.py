"""The Help menu: Report a problem (where the log is, what to send), About Qawl (versions); the dialogs are in
:mod:`.about`.

The window calls :func:`install_help` once; the menu is ``window.menus["help"]``. A later entry (a keys cheat sheet,
the labelling guidelines) is one more :class:`HelpEntry` in ``ENTRIES``, or ``window.help.add(entry, before=...)``
from the feature's own module; entries are actions of the window's registry, so they show in Edit ▸ Keys… like
every command.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon

from .. import APP_NAME, __version__

CONTEXT = "Help"


@dataclass(frozen=True)
class HelpEntry:
    key: str  # action key in the registry
    text: str  # source text, translated in context "Help"
    run: Callable[["HelpMenu"], None]
    shortcut: str = ""
    separator_before: bool = False


def isolate(text: str) -> str:
    """A path or version inside right-to-left text keeps its own left-to-right order (Unicode isolates)."""
    return f"\u2066{text}\u2069"


def versions(sqlite: str | None = None) -> list[tuple[str, str]]:
    """Qawl's version and those of the parts it runs on: shown in About, copied into problem reports, logged."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo, QSysInfo, qVersion

    qt = qVersion()
    built = QLibraryInfo.version().toString()
    installed = f"standalone bundle, {Path(sys.executable).parent}" if getattr(sys, "frozen", False) \
        else str(files("app"))
    return [(APP_NAME, __version__), ("Python", sys.version.split()[0]), ("PySide6", PySide6.__version__),
            ("Qt", qt if qt == built else f"{qt} (built with {built})"), ("SQLite", sqlite or "?"),
            ("System", f"{QSysInfo.prettyProductName()} ({QSysInfo.currentCpuArchitecture()})"),
            ("Installed", installed)]


def versions_text(sqlite: str | None = None) -> str:
    return "\n".join(f"{name}: {value}" for name, value in versions(sqlite))


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def show_about(menu: "HelpMenu") -> None:
    from .about import AboutDialog  # loaded when first opened: start-up stays short

    w = menu.window
    menu.dialog = AboutDialog(w, w.session.store.sqlite_version, w.session.store.path)
    menu.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.dialog.open()


def show_problem(menu: "HelpMenu") -> None:
    from .about import ProblemDialog

    w = menu.window
    menu.dialog = ProblemDialog(w, w.session.store.sqlite_version)
    menu.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.dialog.open()


ENTRIES: tuple[HelpEntry, ...] = (
    HelpEntry("report_problem", QT_TRANSLATE_NOOP("Help", "&Report a problem…"), show_problem),
    HelpEntry("about", QT_TRANSLATE_NOOP("Help", "&About Qawl"), show_about, separator_before=True),
)


class HelpMenu:
    """The Help menu of a window and the dialog it last opened (``dialog``, for tests and screenshots)."""

    def __init__(self, window) -> None:
        self.window = window
        self.menu = window.menuBar().addMenu(QCoreApplication.translate("Help", "&Help"))
        self.menu.setObjectName("help_menu")
        self.dialog = None  # the dialog last opened (for tests and screenshots)
        self.actions: dict[str, QAction] = {}
        for entry in ENTRIES:
            self.add(entry)

    def add(self, entry: HelpEntry, before: str | None = None) -> QAction:
        """Add an entry at the end of the menu, or ``before`` the entry with that key (e.g. "report_problem": the
        reading matter first, the problem report and About last)."""
        action = self.window.registry.add(entry.key, _tr(entry.text), entry.shortcut)
        action.triggered.connect(lambda _=False, run=entry.run: run(self))
        if entry.key == "about":
            action.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the application menu
        anchor = self.actions.get(before) if before else None
        if anchor is None:
            if entry.separator_before:
                self.menu.addSeparator()
            self.menu.addAction(action)
        else:
            self.menu.insertAction(anchor, action)
            if entry.separator_before:
                self.menu.insertSeparator(action)
        self.actions[entry.key] = action
        return action


def install_help(window) -> HelpMenu:
    hook = HelpMenu(window)
    window.menus["help"] = hook.menu
    return hook


def app_icon() -> QIcon:
    """The application's icon at every size shipped (window title bars, task bars, the About box)."""
    from .. import resources

    icon = QIcon()
    for size in resources.ICON_SIZES:
        icon.addFile(str(resources.icon_path(size)))
    return icon
