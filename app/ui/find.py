"""Find in the article (Ctrl+F): a bar under the article with the words to find, the count, previous / next, and
what to ignore (harakat and tatweel; alef, yaa, taa marbuta variants and Arabic-Indic digits; Latin case).

Every match is highlighted; the current one is selected in the article (exactly its characters, with the marks of
its last letter), so a label key labels it at once. Matching is :func:`app.core.text.search.find_all` on the
document's own text: offsets are code points of the text itself, never of what the widget shows.

Keys: Ctrl+F opens the bar (with the selected words, when a few are selected); Enter / Shift+Enter or F3 /
Shift+F3 go to the next / previous match; Esc closes the bar and leaves the current match selected.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget)

from ..core.text.search import FoldOptions, Folded, find_all

MATCH = "#ffe27a"  # every match
CURRENT = "#ff9f1a"  # the match the bar is on
MAX_HIGHLIGHTED = 3000  # beyond, the matches are counted and visited but not all painted at once


class FindBar(QWidget):
    """The find bar of one article view; lives in the window, hidden until Ctrl+F."""

    closed = Signal()

    def __init__(self, view, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.view = view
        self.query = QLineEdit()
        self.query.setObjectName("find_query")
        self.query.setPlaceholderText(self.tr("Find in the article…"))
        self.query.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("find_count")
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 / 0000") + 8)
        self.previous = QToolButton()
        self.previous.setArrowType(Qt.ArrowType.UpArrow)
        self.previous.setToolTip(self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self.next = QToolButton()
        self.next.setArrowType(Qt.ArrowType.DownArrow)
        self.next.setToolTip(self.tr("Next match (Enter, F3)"))
        self.marks = QCheckBox(self.tr("Ignore harakat"))
        self.marks.setToolTip(self.tr("Harakat (tashkeel), tatweel and invisible marks do not count: أكّد and أكـد "
                                      "match أكد"))
        self.letters = QCheckBox(self.tr("Letter variants"))
        self.letters.setToolTip(self.tr("أ إ آ match ا, ى matches ي, ة matches ه, ٢٠١٥ matches 2015"))
        self.case = QCheckBox(self.tr("Ignore case"))
        self.case.setToolTip(self.tr("Latin letters match whatever their case"))
        for box in (self.marks, self.letters, self.case):
            box.setChecked(True)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.query, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.marks)
        layout.addWidget(self.letters)
        layout.addWidget(self.case)
        layout.addWidget(self.close_button)
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._folded: tuple | None = None  # (text, options, Folded) of the last search
        self.query.textChanged.connect(lambda _t: self.search())
        self.query.installEventFilter(self)  # Enter, Shift+Enter, Esc
        for box in (self.marks, self.letters, self.case):
            box.toggled.connect(lambda _on: self.search())
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    # --- what is found ----------------------------------------------------------------------------------------

    def options(self) -> FoldOptions:
        return FoldOptions(marks=self.marks.isChecked(), letters=self.letters.isChecked(), case=self.case.isChecked())

    def search(self, *, keep: int | None = None) -> None:
        """Find the query in the article again (typed, options changed, another document); stay near ``keep``
        (a position), else near the cursor."""
        text = self.view.text
        query = self.query.text()
        options = self.options()
        if not text or not query.strip():
            self.matches = []
        else:
            cached = self._folded
            folded = cached[2] if cached and cached[0] is text and cached[1] == options else Folded(text, options)
            self._folded = (text, options, folded)
            self.matches = find_all(folded, query, options)
        anchor = keep if keep is not None else self.view.selection()[0]
        starts = [m[0] for m in self.matches]
        self.current = min(bisect_left(starts, anchor), len(self.matches) - 1) if self.matches else -1
        self._show()

    def step(self, delta: int) -> None:
        """The next (1) or previous (-1) match, round the end of the article."""
        if not self.matches:
            self.search()
            if not self.matches:
                return
        start, end = self.view.selection()
        if self.current >= 0 and self.matches[self.current] == (start, end):
            self.current = (self.current + delta) % len(self.matches)
        else:  # from wherever the cursor is now
            starts = [m[0] for m in self.matches]
            i = bisect_right(starts, start) if delta > 0 else bisect_left(starts, start) - 1
            self.current = i % len(self.matches)
        self._show()

    def go_to(self, start: int, end: int) -> None:
        """Make the match at ``start..end`` the current one (the document search opens the article there)."""
        if (start, end) in self.matches:
            self.current = self.matches.index((start, end))
        self._show()

    def _show(self) -> None:
        n = len(self.matches)
        if not self.query.text().strip():
            self.count.setText("")
        elif not n:
            self.count.setText(self.tr("No match"))
        else:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1)).replace("%2", str(n)))
        self.count.setStyleSheet("color: #c00000" if self.query.text().strip() and not n else "")
        self.previous.setEnabled(n > 0)
        self.next.setEnabled(n > 0)
        self._highlight()
        if 0 <= self.current < n:
            start, end = self.matches[self.current]
            self.view.select_text(start, end)
            self.view.ensureCursorVisible()

    def _highlight(self) -> None:
        to16 = self.view.offsets.to_utf16
        shown = self.matches
        if len(shown) > MAX_HIGHLIGHTED:  # the ones around the current match
            lo = max(0, self.current - MAX_HIGHLIGHTED // 2)
            shown = shown[lo:lo + MAX_HIGHLIGHTED]
        extra = []
        for i, (start, end) in enumerate(shown):
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.view.document())
            sel.cursor.setPosition(to16(start))
            sel.cursor.setPosition(to16(end), QTextCursor.MoveMode.KeepAnchor)
            current = self.current >= 0 and (start, end) == self.matches[self.current]
            sel.format.setBackground(QColor(CURRENT if current else MATCH))
            extra.append(sel)
        self.view.set_highlights("find", extra)

    # --- the bar ---------------------------------------------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with the selected words (a short selection on one line), or the last query, selected."""
        start, end = self.view.selection()
        picked = self.view.text[start:end] if start != end else ""
        if picked and "\n" not in picked and len(picked) <= 80:
            self.query.blockSignals(True)
            self.query.setText(picked)
            self.query.blockSignals(False)
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self.search(keep=start)

    def close_bar(self) -> None:
        self.hide()
        self.matches = []
        self.current = -1
        self.view.set_highlights("find", [])
        self.view.setFocus()  # the current match stays selected, ready for a label key
        self.closed.emit()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.query and event.type() == QEvent.Type.ShortcutOverride and \
                event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # the bar's, not the window's (Esc deselects, Enter accepts a suggestion)
            return True
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
        return super().eventFilter(watched, event)

    def document_changed(self) -> None:
        """Another document (or the same one again): find in it while the bar is open."""
        self._folded = None
        if self.isVisible():
            self.search(keep=0)


# (key, text, shortcut, tip), texts in context "Find".
SPECS = (
    ("find_in_article", QT_TRANSLATE_NOOP("Find", "&Find in the article…"), "Ctrl+F",
     QT_TRANSLATE_NOOP("Find", "Find words in the article: every match highlighted, Arabic-aware on request")),
    ("find_next", QT_TRANSLATE_NOOP("Find", "Find &next"), "F3", ""),
    ("find_previous", QT_TRANSLATE_NOOP("Find", "Find pre&vious"), "Shift+F3", ""),
)


class FindHook:
    """The find bar in the window: under the article, with its keys in the registry and the Edit menu."""

    def __init__(self, window) -> None:
        self.window = window
        self.bar = FindBar(window.view, window)
        layout = window.centralWidget().layout()
        layout.insertWidget(layout.indexOf(window.view) + 1, self.bar)
        t = QCoreApplication.translate
        r = window.registry
        self.actions = {key: r.add(key, t("Find", text), shortcut, t("Find", tip) if tip else "")
                        for key, text, shortcut, tip in SPECS}
        self.actions["find_in_article"].triggered.connect(self.bar.open_bar)
        self.actions["find_next"].triggered.connect(lambda: self._step(1))
        self.actions["find_previous"].triggered.connect(lambda: self._step(-1))
        edit = window.menus["edit"]
        first = edit.actions()[0] if edit.actions() else None
        for key in ("find_in_article", "find_next", "find_previous"):
            edit.insertAction(first, self.actions[key])
        edit.insertSeparator(first)
        window.session.document_opened.connect(lambda _d: self.bar.document_changed())

    def _step(self, delta: int) -> None:
        if not self.bar.isVisible():
            self.bar.open_bar()
            return
        self.bar.step(delta)


def install_find(window) -> FindHook:
    return FindHook(window)

