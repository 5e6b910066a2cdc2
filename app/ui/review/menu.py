"""Review in the window's menus and keys: the one hook the window calls (:func:`install_review`).

It adds the Review menu (review mode, the decisions, review status, side by side, the agreement report) and
File ▸ Import teammates' annotations…, and makes the controller and the Review sidebar the first time review mode
is turned on, the side-by-side window and the agreement window when first asked for: this module imports nothing
of them, so start-up stays short.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ...core.model import GOLD

MAX_NUMBER_KEYS = 9


# --- the window's hook -------------------------------------------------------------------------------------------------

# (key, text, shortcut, tip, remappable): texts translated in context "Review" (lupdate reads the NOOP markers).
SPECS = (
    ("review", QT_TRANSLATE_NOOP("Review", "&Review mode"), "Ctrl+R",
     QT_TRANSLATE_NOOP("Review", "Compare the annotators' layers of this document and build gold"), False),
    ("review_all_agreed", QT_TRANSLATE_NOOP("Review", "Accept all agreed"), "Ctrl+Shift+A",
     QT_TRANSLATE_NOOP("Review", "Gold takes every annotation all annotators agree on"), False),
    ("review_accept_all", QT_TRANSLATE_NOOP("Review", "Accept all versions"), "B",
     QT_TRANSLATE_NOOP("Review", "Gold takes every annotator's version of this difference"), True),
    ("review_accept_edited", QT_TRANSLATE_NOOP("Review", "Accept edited"), "Ctrl+Return",
     QT_TRANSLATE_NOOP("Review", "Gold takes the selected words with the chosen annotator's label and attributes"),
     True),
    ("review_reject", QT_TRANSLATE_NOOP("Review", "Reject"), "X",
     QT_TRANSLATE_NOOP("Review", "Nothing of this difference goes into gold"), True),
    ("review_next", QT_TRANSLATE_NOOP("Review", "Next difference"), "N", "", True),
    ("review_previous", QT_TRANSLATE_NOOP("Review", "Previous difference"), "P", "", True),
    ("review_done", QT_TRANSLATE_NOOP("Review", "Mark review done"), "Ctrl+Shift+D",
     QT_TRANSLATE_NOOP("Review", "The document's review status (the gold layer's status)"), False),
    ("review_side_by_side", QT_TRANSLATE_NOOP("Review", "Side by side"), "",
     QT_TRANSLATE_NOOP("Review", "One article view per annotator, scrolling together"), False),
    ("agreement", QT_TRANSLATE_NOOP("Review", "&Agreement report…"), "Ctrl+Shift+G",
     QT_TRANSLATE_NOOP("Review", "Agreement between annotators for this document, the selected documents or the "
                                 "project"), False),
    ("import_teammates", QT_TRANSLATE_NOOP("Review", "Import &teammates' annotations…"), "",
     QT_TRANSLATE_NOOP("Review", "Bring in teammates' exports; documents with a problem are skipped (and listed), "
                                 "the rest imported"), False),
)
ACCEPT_TEXT = QT_TRANSLATE_NOOP("Review", "Accept version %1")
ACCEPT_TIP = QT_TRANSLATE_NOOP("Review", "Gold takes the version of annotator %1 in the list")


class ReviewHook:
    """What :func:`install_review` adds to the window: the actions, the Review menu and, once review mode is first
    turned on, the controller, the sidebar and (on demand) the side-by-side window."""

    def __init__(self, window) -> None:
        self.window = window
        self.controller = None  # ReviewController, made when review mode is first turned on
        self.dock = None  # ReviewDock
        self.side_by_side = None
        self._sized = False
        r = window.registry
        T = QCoreApplication.translate
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, tip, remappable in SPECS:
            # The single keys (remappable ones) act only in review mode: scope "review".
            self.actions[key] = r.add(key, T("Review", text), shortcut, T("Review", tip) if tip else "",
                                      remappable=remappable, scope="review" if remappable else None)
        for n in range(1, MAX_NUMBER_KEYS + 1):
            self.actions[f"review_accept_{n}"] = r.add(
                f"review_accept_{n}", T("Review", ACCEPT_TEXT).replace("%1", str(n)), str(n),
                T("Review", ACCEPT_TIP).replace("%1", str(n)), remappable=True, scope="review")
        for key in ("review", "review_side_by_side"):
            self.actions[key].setCheckable(True)
        self.decisions = [a for k, a in self.actions.items()
                          if k.startswith("review_") and k != "review_side_by_side"]
        self._build_menu()
        self._wire()
        self._enable(False)
        if GOLD in window.session.store.annotators():
            self.show_review_column()

    def show_review_column(self) -> None:
        """The document list's Review column (gold's status), once a project has a review going on."""
        docs = self.window.documents
        docs.table.setColumnHidden(docs.model.REVIEW, False)

    def _build_menu(self) -> None:
        menus = self.window.menus
        a = self.actions
        menu = QMenu(QCoreApplication.translate("Review", "Re&view"), self.window.menuBar())
        self.window.menuBar().insertMenu(menus["view"].menuAction(), menu)
        menu.setObjectName("review_menu")
        menu.addAction(a["review"])
        menu.addAction(a["review_side_by_side"])
        menu.addSeparator()
        for n in range(1, MAX_NUMBER_KEYS + 1):
            menu.addAction(a[f"review_accept_{n}"])
        for key in ("review_accept_all", "review_accept_edited", "review_reject", "review_all_agreed"):
            menu.addAction(a[key])
        menu.addSeparator()
        menu.addAction(a["review_next"])
        menu.addAction(a["review_previous"])
        menu.addAction(a["review_done"])
        menu.addSeparator()
        menu.addAction(a["agreement"])
        menus["view"].addSeparator()
        menus["view"].addAction(a["review"])
        menus["file"].insertAction(self.window.registry["export"], a["import_teammates"])
        self.menu = menu

    def _wire(self) -> None:
        a = self.actions
        a["review"].toggled.connect(self.set_active)
        a["review_side_by_side"].toggled.connect(self._side_by_side)
        a["agreement"].triggered.connect(self.open_agreement)
        a["import_teammates"].triggered.connect(self.import_teammates)
        a["review_all_agreed"].triggered.connect(lambda: self.controller.accept_all_agreed())
        a["review_accept_all"].triggered.connect(lambda: self.controller.accept_all_versions())
        a["review_accept_edited"].triggered.connect(lambda: self.controller.accept_edited())
        a["review_reject"].triggered.connect(lambda: self.controller.reject())
        a["review_next"].triggered.connect(lambda: self.controller.step(1))
        a["review_previous"].triggered.connect(lambda: self.controller.step(-1))
        a["review_done"].triggered.connect(lambda: self.controller.set_review_status("done"))
        for n in range(1, MAX_NUMBER_KEYS + 1):
            a[f"review_accept_{n}"].triggered.connect(lambda _=False, n=n: self.controller.accept(n))

    def _enable(self, on: bool) -> None:
        # Outside review mode the annotating keys that share a key with review ones (N, Shift+N) are live.
        self.window.registry.set_scope_enabled("annotate", not on)
        for action in self.decisions:
            if action is not self.actions["review"]:
                action.setEnabled(on)
        if not on:
            self.actions["review_side_by_side"].setChecked(False)
        self.actions["review_side_by_side"].setEnabled(on)

    def _ensure(self):
        """The review controller and its sidebar, made once."""
        if self.controller is None:
            from .mode import ReviewController
            from .dock import ReviewDock

            w = self.window
            self.controller = ReviewController(w.session, w.view, w)
            self.controller.message.connect(w._say)
            self.dock = ReviewDock(self.controller, self.actions, w)
            trailing = Qt.DockWidgetArea.LeftDockWidgetArea if w.isRightToLeft() else \
                Qt.DockWidgetArea.RightDockWidgetArea
            w.addDockWidget(trailing, self.dock)
            w.tabifyDockWidget(w.quotes, self.dock)
            w.menus["view"].insertAction(self.actions["review"], self.dock.toggleViewAction())
        return self.controller

    def set_active(self, on: bool) -> None:
        """Turn review mode on or off for the open document (and the next ones)."""
        if self.actions["review"].isChecked() != on:
            self.actions["review"].setChecked(on)  # comes back here through toggled
            return
        controller = self._ensure()
        controller.set_active(on)
        self._enable(on)
        if on:
            self.show_review_column()
            self.dock.show()
            self.dock.raise_()
            self.dock.table.setFocus()
            w = self.window
            if not self._sized:  # the first time: room for the list above the speakers
                self._sized = True
                h = w.height()
                w.resizeDocks([self.dock, w.speakers], [int(h * 0.72), int(h * 0.28)], Qt.Orientation.Vertical)
            if controller.current < 0:
                controller.first()

    def _side_by_side(self, on: bool) -> None:
        if on:
            from .panes import SideBySideWindow

            if self.side_by_side is None:
                self.side_by_side = SideBySideWindow(self._ensure(), self.window)
                self.side_by_side.closed.connect(lambda: self.actions["review_side_by_side"].setChecked(False))
            self.side_by_side.show()
            self.side_by_side.raise_()
        elif self.side_by_side is not None:
            self.side_by_side.hide()

    def open_agreement(self):
        from .agreement_view import AgreementWindow

        window = AgreementWindow.open_for(self.window)
        return window

    def import_teammates(self) -> None:
        w = self.window
        if w.api is None:
            return
        from ..transfer import ImportDialog

        request = ImportDialog.ask(w, w.api.import_formats, skip_invalid=True)
        if request is not None:
            w.start_import(request, always_report=True)


def install_review(window) -> ReviewHook:
    """Add review to the window (menus and keys now; the sidebar when review mode is first turned on)."""
    return ReviewHook(window)
