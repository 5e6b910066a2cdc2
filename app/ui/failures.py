"""Failures the person must see: a message box over the window, never only a line on stderr or in the status bar.

The session's ``storage_failed`` (the project itself failed: a full disk, a read-only file, another program
holding it too long) comes with its own words and says what was not saved; a background import, export or
suggestion run that failed says why. One box at a time: a failure arriving while it is open updates it instead of
stacking new ones. (Exceptions no code expected are shown and logged by ``app.ui.main.report_unexpected``.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


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
