"""The bar under the article: the exact selected text and its range, and what a label key would take from it.

One line whatever is selected: a long selection is shortened in the middle (its first and last words stay, so its
edges can be checked) and the whole text is in the tooltip, so a long selection never pushes the article or the
sidebars around.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

from .names import visible


class SelectionBar(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("selection_bar")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._parts: tuple[str, str, str, str] = ("", "", "", "")
        self.full = ""
        self.guide = ""  # the guideline of what is selected (app.ui.guidelines), after the text in the tooltip

    def set_guide(self, text: str) -> None:
        self.guide = text
        self._tip()

    def _tip(self) -> None:
        exact = self.full if self._parts[1] else ""
        self.setToolTip("\n\n".join(t for t in (exact, self.guide) if t))

    def show_text(self, head: str, exact: str = "", tail: str = "", snapped: str = "") -> None:
        """``head`` + the exact text (invisible characters spelled out) + ``tail``, where ``%S`` in the tail stands
        for the ``snapped`` text."""
        self._parts = (head, exact, tail, snapped)
        self.full = self._compose(None)
        self._tip()
        self._fit()

    def _compose(self, limit: int | None) -> str:
        head, exact, tail, snapped = self._parts
        shown = visible(exact, limit) if exact else ""
        return head + shown + tail.replace("%S", visible(snapped, limit))

    def _fit(self) -> None:
        width = max(50, self.contentsRect().width() - 4)
        metrics = self.fontMetrics()
        text = self.full
        limit = max(len(self._parts[1]), len(self._parts[3]))
        while limit > 8 and metrics.horizontalAdvance(text) > width:
            limit = int(limit * 0.8)
            text = self._compose(limit)
        self.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
