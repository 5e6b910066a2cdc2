"""Helpers for driving the real annotation window in tests (not a test module).

Arabic text is typed with QKeyEvent carrying the text (QTest.keyClicks aborts the process on non-ASCII, see
../shared/ENVIRONMENT.md).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.ui import settings as cfg
from app.ui.main import build_window


def open_window(qtbot, store, annotator: str = "amal", doc: str | None = None, api=None):
    window = build_window(store, annotator, cfg.make_settings(), api, doc)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Window shortcuts (the label keys) only fire in the active window.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


def type_text(widget, text: str) -> None:
    """Type any text (Arabic included) as key events with text, one character at a time."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def label(window, start: int, end: int, key) -> None:
    """Select text[start:end] in the article and press a label key, as a person would."""
    window.view.setFocus()
    window.view.select_text(start, end)
    press(window.view, key)
    settle()


def settle() -> None:
    """Let the sidebars follow: they update on the next event-loop turn after the article (queued signals)."""
    QApplication.processEvents()


def find(text: str, sub: str, occurrence: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def point_at(view, pos: int):
    """Where the caret of code-point position ``pos`` is drawn in the article's viewport (mouse coordinates)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    target = view.offsets.to_utf16(pos)
    cursor.setPosition(target)
    rect = view.cursorRect(cursor)
    # The caret's x is a boundary between two characters: take the pixel beside it that Qt maps back to it.
    for dx in sorted(range(-8, 9), key=abs):
        point = QPoint(rect.x() + dx, rect.center().y())
        if view.cursorForPosition(point).position() == target:
            return point
    return QPoint(rect.x(), rect.center().y())


def drag(view, start: int, end: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A mouse drag in the article from the caret of ``start`` to that of ``end`` (code points), as a hand would."""
    left = Qt.MouseButton.LeftButton
    a, b = point_at(view, start), point_at(view, end)
    QTest.mousePress(view.viewport(), left, modifiers, a)
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), left, modifiers, b)
