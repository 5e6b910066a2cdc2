"""Failures the person must see: a message box over the window, never only a line on stderr.

Two ways in. The session's ``storage_failed`` (the project itself failed: a full disk, a read-only file, another
program holding it too long) comes with its own words and says that nothing was saved. Anything else that escapes
a slot (a key press, a menu action, a background result) reaches :func:`install`'s ``sys.excepthook``, which still
prints it (and whatever log is configured) and shows it. One box at a time: a failure repeating on every key press
updates the open box instead of stacking new ones.
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import QawlError


class FailureNotice(QObject):
    """The one failure box of a window."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self.count = 0
        self.shown: list[str] = []  # for tests: every message shown

    def show(self, text: str, details: str = "") -> None:
        self.shown.append(text)
        if self.box is not None and self.box.isVisible():
            self.count += 1
            self.box.setText(text)
            self.box.setInformativeText(self.tr("(%1 failures since this box opened)").replace("%1", str(self.count)))
            if details:
                self.box.setDetailedText(details)
            return
        self.count = 1
        box = QMessageBox(QMessageBox.Icon.Warning, "Qawl", text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("failure_box")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda *_: setattr(self, "box", None))
        self.box = box
        box.open()  # not exec(): the window keeps running (background work, the project watch)


def describe(exc: BaseException) -> tuple[str, str]:
    """What to show for an exception: the text and the details."""
    if isinstance(exc, QawlError):
        return str(exc), ""
    text = QCoreApplication.translate(
        "FailureNotice", "Qawl hit an unexpected problem (%1: %2). Everything shown as done is saved in the project; "
        "the last action may not have been. Please report this.") \
        .replace("%1", type(exc).__name__).replace("%2", str(exc)[:300])
    return text, "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-6000:]


def install(notice: FailureNotice) -> None:
    """Show every exception that escapes a slot in ``notice`` (and still print it as before)."""
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        previous(kind, value, tb)
        if isinstance(value, (KeyboardInterrupt, SystemExit)):
            return
        try:
            notice.show(*describe(value))
        except RuntimeError:  # the window is gone (closing): printing was all we could do
            pass

    sys.excepthook = hook
