"""Painting over the article pane's laid-out text (:class:`.article_view.ArticleView` is the one user): a bracket
at each visible span edge, inset by nesting depth; a frame around the selected span; a bar in the margin beside the
current record; a red tag on every bidi control character. Brackets stand in the room made beside each edge
(:func:`app.ui.render.gaps`), never on a letter. The caret geometry is cached per paragraph and asked again only
where an edit moved letters.

A mixin: it reads the view's text, offsets, span index and drawing state (``_carets``, ``_seen``, ``_tops``,
``_depths``, ``_marks``, ``record``, ``selected``, ``overlays`` …), which the view sets up.
"""

from __future__ import annotations

import bisect
import unicodedata

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QTextCursor, QTextLine

from ..core.text.words import is_word_char
from .names import INVISIBLE
from .render import Drawn, depth_of, gap_at

GAP = 6  # pixels of room beside each span edge, for its bracket


class SpanPainting:
    """The painting half of the article view (see the module doc)."""

    def visible_range(self) -> tuple[int, int]:
        """The code-point range of the paragraphs currently on screen."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        first = block.position()
        offset = self.contentOffset()
        height = self.viewport().height()
        last = first
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last = block.position() + block.length()
            block = block.next()
        last = min(last, self.offsets.utf16_length)
        return (self.offsets.from_utf16(first, strict=False), self.offsets.from_utf16(last, strict=False))

    def _caret(self, pos: int) -> QRect:
        """The caret rectangle of a position on screen. Kept relative to its paragraph (block), so scrolling and
        an edit in another paragraph leave it valid; only the paragraph's top is asked again."""
        done = self._seen.get(pos)
        if done is not None:
            return done
        entry = self._carets.get(pos)
        if entry is None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_utf16(pos))
            rect = self.cursorRect(cursor)
            number = cursor.block().blockNumber()
            entry = self._carets[pos] = (number, rect.translated(0, -self._top(number)))
        number, rect = entry
        done = self._seen[pos] = rect.translated(0, self._top(number))
        return done

    def _top(self, number: int) -> int:
        top = self._tops.get(number)
        if top is None:
            block = self.document().findBlockByNumber(number)
            top = self._tops[number] = int(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        return top

    def _forget_carets(self, start: int, end: int) -> None:
        """An edit re-formatted ``[start, end)``: the room beside edges moves letters in those paragraphs (and
        the paragraphs below may move down: their tops are asked again at every paint)."""
        if not self._carets:
            return
        doc = self.document()
        block = doc.findBlock(self.offsets.to_utf16(start))
        first = block.blockNumber()
        last = doc.findBlock(self.offsets.to_utf16(end)).blockNumber()
        if last < 0:
            last = doc.blockCount()
        # Lines above the one the edit starts on keep their letters where they were.
        layout = block.layout()
        line = layout.lineForTextPosition(self.offsets.to_utf16(start) - block.position()) if layout else None
        keep_before = self.offsets.from_utf16(block.position() + line.textStart(), strict=False) \
            if line is not None and line.isValid() else 0
        self._carets = {p: e for p, e in self._carets.items()
                        if not first <= e[0] <= last or (e[0] == first and p < keep_before)}
        self._seen.clear()

    def _depth(self, drawn: Drawn) -> int:
        key = (drawn.style.annotator, drawn.span.id)
        depth = self._depths.get(key)
        if depth is None:
            depth = self._depths[key] = min(depth_of(drawn, self.index), 3)
        return depth

    @property
    def _space_width(self) -> int:
        if self._space is None:
            self._space = self.fontMetrics().horizontalAdvance(" ")
        return self._space

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.FontChange:
            self._layout_generation += 1
            self._space = None
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._layout_generation += 1
        super().resizeEvent(event)
        self._room_visible()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.text:
            return
        self._tops.clear()
        self._seen.clear()
        frame = (self.viewport().size().toTuple(), self._layout_generation)
        if frame != self._frame:
            self._frame = frame
            self._carets.clear()
        start, end = self.visible_range()
        if start >= end:
            return
        painter = QPainter(self.viewport())
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            for drawn in self.index.overlapping(start, end):
                self._paint_brackets(painter, drawn, start, end)
            if self.record is not None:
                drawn = self.index.get(*self.record)
                if drawn is not None and drawn.end > start and drawn.start < end:
                    self._paint_record(painter, drawn)
            if self.selected is not None:
                drawn = self.index.get(*self.selected)
                if drawn is not None and drawn.end > start and drawn.start < end:
                    self._paint_frame(painter, drawn)
            if self._marks:
                lo = bisect.bisect_left(self._marks, start)
                hi = bisect.bisect_left(self._marks, end)
                for pos in self._marks[lo:hi]:
                    self._paint_mark(painter, pos)
            for overlay in self.overlays:
                overlay(painter, start, end)
        finally:
            painter.end()

    def _edge_x(self, pos: int, rect: QRect, sign: int) -> int:
        """Where the bracket of an edge stands, in the room made beside it (never on a letter): in the middle of a
        widened space; in the extra room given to a letter or mark, on its side away from the span (``sign``: +1
        when the span lies to the right on screen), so the serif pointing inwards stays clear of the span's letter."""
        room = self._room[pos] if pos in self._room else \
            self._room.setdefault(pos, gap_at(self.text, pos, self.direction == "rtl"))
        if room is None:
            return rect.left()
        if room[2] == "space":
            # The space after the edge lies on the reading side of its caret, the one before it on the other side.
            half = (self._space_width + GAP) // 2
            left = (room[0] == pos) == (self.direction == "rtl")
            return rect.left() - half if left else rect.left() + half
        # Qt puts letter spacing on the right of a character: the room is just left of the edge's caret.
        return rect.left() - GAP + 1 if sign > 0 else rect.left() - 1

    def _side(self, pos: int, inward: int, rect: QRect) -> int:
        """Which way the span lies from its edge at ``pos`` on screen (+1: to the right). Arabic letters follow
        the article's direction; elsewhere (a Latin word or a number in Arabic text, a line end) the caret of the
        neighbouring character says."""
        inside = pos if inward > 0 else pos - 1
        if 0 <= inside < len(self.text) and unicodedata.bidirectional(self.text[inside]) in ("R", "AL") and \
                self.direction == "rtl":
            near = min(max(pos + inward, 0), len(self.text))
            if self._line_of(near) == self._line_of(pos):
                return -inward
        other = self._caret(min(max(pos + inward, 0), len(self.text)))
        if other.top() == rect.top() and other.left() != rect.left():
            return 1 if other.left() > rect.left() else -1
        return (-1 if self.direction == "rtl" else 1) * inward

    def _line_of(self, pos: int) -> int:
        """The caret's line (its top), for telling a line end from the middle of a line."""
        return self._caret(pos).top()

    def _paint_brackets(self, painter: QPainter, drawn: Drawn, start: int, end: int, *, strong: bool = False) -> None:
        depth = self._depth(drawn)
        color = QColor("#202020") if strong else QColor(drawn.color).darker(150)
        width = 2 if strong or self.font().pointSizeF() >= 18 else 1
        pen = QPen(color, width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if drawn.style.dashed and not strong:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for pos, inward in ((drawn.start, 1), (drawn.end, -1)):
            if not start <= pos <= end:
                continue
            rect = self._caret(pos)
            inset = 1 + 2 * depth
            top, bottom = rect.top() + inset, rect.bottom() - inset
            sign = self._side(pos, inward, rect)
            x = self._edge_x(pos, rect, sign)
            serif = 2  # inwards, inside the room beside the edge
            if 0 < pos < len(self.text) and is_word_char(self.text[pos - 1]) and is_word_char(self.text[pos]):
                # Inside a word (و left out of وأضاف): the letter before may reach under the edge with its tail;
                # the bracket stays above the descenders.
                painter.drawLine(x, top, x, rect.top() + rect.height() * 5 // 8)
                painter.drawLine(x, top, x + serif * sign, top)
                continue
            painter.drawLine(x, top, x, bottom)
            painter.drawLine(x, top, x + serif * sign, top)
            painter.drawLine(x, bottom, x + serif * sign, bottom)

    def _paint_frame(self, painter: QPainter, drawn: Drawn) -> None:
        """The selected span: drawn darker (its formats), and its brackets in black, standing in the room beside
        its edges; no line across the text (it would cover the hamza of an alef on the line above or below)."""
        start, end = self.visible_range()
        self._paint_brackets(painter, drawn, start, end, strong=True)

    def _paint_record(self, painter: QPainter, drawn: Drawn) -> None:
        """The current record: a bar in the margin on the reading side of each of its lines."""
        color = QColor(drawn.color).darker(140)
        margin = int(self.document().documentMargin())
        width = max(3, margin // 3)
        x = self.viewport().width() - margin // 2 - width // 2 if self.direction == "rtl" else margin // 2 - width // 2
        for rect in self.span_rects(drawn.start, drawn.end):
            painter.fillRect(QRect(x, rect.top(), width, rect.height()), color)

    def span_rects(self, start: int, end: int) -> list[QRect]:
        """Screen rectangles of a range, one per visual line (bounding box of the range on that line)."""
        doc = self.document()
        s16, e16 = self.offsets.to_utf16(start), self.offsets.to_utf16(end)
        rects: list[QRect] = []
        block = doc.findBlock(s16)
        offset = self.contentOffset()
        while block.isValid() and block.position() < e16:
            geo = self.blockBoundingGeometry(block).translated(offset)
            layout = block.layout()
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls, le = base + line.textStart(), base + line.textStart() + line.textLength()
                a, b = max(ls, s16), min(le, e16)
                # White space where a line wraps sits at the line's far end: not part of what is framed.
                while b > a and doc.characterAt(b - 1).isspace():
                    b -= 1
                if a >= b:
                    continue
                # The leading edge of the first character and the trailing edge of the last one: the position
                # after a line's last character is ambiguous (it is also the start of the next line).
                xs = [line.cursorToX(a - base, QTextLine.Edge.Leading)[0],
                      line.cursorToX(b - 1 - base, QTextLine.Edge.Trailing)[0]]
                left, right = min(xs), max(xs)
                if right - left < 2:
                    left, right = line.x(), line.x() + line.naturalTextWidth()
                top = geo.top() + line.y()
                rects.append(QRect(QPoint(int(geo.left() + left), int(top)),
                                   QPoint(int(geo.left() + right), int(top + line.height()) - 1)))
            block = block.next()
        return rects

    def _paint_mark(self, painter: QPainter, pos: int) -> None:
        rect = self._caret(pos)
        name = INVISIBLE.get(self.text[pos], "?")
        painter.setPen(QPen(QColor("#d00000"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(rect.left(), rect.top(), rect.left(), rect.bottom())
        font = QFont(self.font())
        font.setPointSizeF(max(5.0, font.pointSizeF() * 0.45))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        tag = QRect(rect.left() - 1, rect.top(), metrics.horizontalAdvance(name) + 4, metrics.height())
        painter.fillRect(tag, QColor("#d00000"))
        painter.setPen(QColor("white"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, name)

    def marks(self) -> list[tuple[int, str]]:
        """The bidi control characters of the text, as the view tags them: (position, name)."""
        return [(p, INVISIBLE.get(self.text[p], "?")) for p in self._marks]
