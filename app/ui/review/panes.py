"""Side by side: one article view per compared annotator (and gold), scrolling together.

The review overlay draws every layer in one pane; side by side shows each annotator's layer alone, filled in the
label colours as they annotated it, under a header in their colour, with gold last. The panes follow the review:
the current difference is framed in every pane that has a span for it; scrolling one pane scrolls the others to the
same place (by position in the text, so panes of different widths stay on the same passage). Read-only: decisions
are made with the same keys, which work while this window is active too.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...core.model import GOLD
from ..article_view import ArticleView
from ..render import LayerStyle, paler
from .mode import ReviewController
from ..session import ChangeEvent


class Pane(QWidget):
    """One annotator's layer of the open document, read-only."""

    def __init__(self, annotator: str, colour: str | None, parent=None) -> None:
        super().__init__(parent)
        self.annotator = annotator
        self.header = QLabel()
        self.header.setObjectName(f"pane_header_{annotator}")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        back = paler(colour, 0.55) if colour else "#e8e8e8"
        self.header.setStyleSheet(f"background: {back}; border-bottom: 3px solid {colour or '#444444'};"
                                  "padding: 3px; font-weight: bold")
        self.view = ArticleView()
        self.view.setObjectName(f"pane_{annotator}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)


class SideBySideWindow(QWidget):
    """One pane per compared annotator plus gold, for the open document, following the current difference."""

    closed = Signal()

    def __init__(self, review: ReviewController, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("side_by_side")
        self.review = review
        self.session = review.session
        self.resize(1300, 800)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.panes: dict[str, Pane] = {}
        self._key: tuple = ()
        self._scrolling = False
        for action in parent.actions() if parent is not None else ():
            self.addAction(action)  # the window's keys (1, 2, N, X ...) work here too
        review.refreshed.connect(self._refreshed)
        review.current_changed.connect(self._frame)
        self.session.changed.connect(self._changed)
        self._refreshed()

    def _colors(self) -> dict[str, str]:
        return {label.name: label.color for label in self.session.schema.span_labels}

    def _refreshed(self) -> None:
        doc = self.session.document
        key = (doc.id if doc else None, self.review.annotators)
        if key != self._key:
            self._key = key
            self._build()
        self.setWindowTitle(self.tr("Side by side — %1").replace("%1", doc.title if doc else ""))

    def _build(self) -> None:
        for pane in self.panes.values():
            pane.setParent(None)
            pane.deleteLater()
        self.panes = {}
        doc = self.session.document
        if doc is None:
            return
        font = self.review.view.font()
        for who in (*self.review.annotators, GOLD):
            pane = Pane(who, self.review.colours.get(who), self)
            pane.view.setFont(font)
            self.panes[who] = pane
            self.splitter.addWidget(pane)
            pane.view.verticalScrollBar().valueChanged.connect(lambda _v, who=who: self._scrolled(who))
            self._fill(who)
        self.splitter.setSizes([1000] * len(self.panes))
        self._frame(self.review.current)

    def _fill(self, who: str) -> None:
        doc = self.session.document
        layer = self.session.workspace.layer(doc.id, who)
        pane = self.panes[who]
        pane.view.set_document(doc, [(layer, LayerStyle(who))], self._colors())
        name = self.tr("gold") if who == GOLD else who
        pane.header.setText(self.tr("%1 · %2 annotations").replace("%1", name).replace("%2", str(len(layer.spans))))

    def _changed(self, event: ChangeEvent) -> None:
        doc = self.session.document
        if doc is None or doc.id not in event.doc_ids:
            return
        for who in {leaf.annotator for leaf in event.leaves} & set(self.panes):
            self._fill(who)
        self._frame(self.review.current)

    def _frame(self, row: int) -> None:
        diff = self.review.current_difference()
        if diff is None:
            return
        gold = {g.id for g in self.review.model.gold_state(row).spans} if 0 <= row < \
            self.review.model.rowCount() else set()
        for who, pane in self.panes.items():
            view = pane.view
            view.select_span(None, None)
            if who == GOLD:
                span_id = min(gold) if gold else None
            else:
                span = diff.span_of(who) if who in diff.annotators else None
                span_id = span.id if span is not None else None
            if span_id is not None:
                view.select_span(who, span_id)
            else:
                view.select_text(diff.start, diff.start)
                view.ensureCursorVisible()

    def _scrolled(self, source: str) -> None:
        """Scroll the other panes to the passage at the top of ``source`` (by text position)."""
        if self._scrolling:
            return
        self._scrolling = True
        try:
            view = self.panes[source].view
            pos16 = view.cursorForPosition(QPoint(4, 4)).position()
            for who, pane in self.panes.items():
                if who == source:
                    continue
                block = pane.view.document().findBlock(pos16)
                if block.isValid():
                    # QPlainTextEdit scrolls by lines: the first line of that paragraph at the top.
                    line = block.firstLineNumber()
                    inside = view.document().findBlock(pos16)
                    offset = 0
                    if inside.isValid() and inside.layout().lineCount():
                        offset = inside.layout().lineForTextPosition(pos16 - inside.position()).lineNumber()
                    pane.view.verticalScrollBar().setValue(line + min(offset, max(0, block.lineCount() - 1)))
        finally:
            self._scrolling = False

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
