"""The article pane: the text in its own direction, annotations painted on it, selection in code points.

Text is sacred: the view keeps its own copy of the document text (from the store) and never reads text back from
the widget (``toPlainText`` turns NBSP into a space and U+2028 into a newline). Qt counts positions in UTF-16 code
units; every position crossing the boundary goes through :class:`~app.core.text.offsets.OffsetMap`. ``setPlainText``
turns each ``\\n`` into a paragraph (QTextBlock) break, one position each, so positions match one-to-one.

Drawing: span stretches get character formats on the (read-only) document, computed by
:func:`app.ui.render.segments` (background = innermost span, underline = the span enclosing it); a change
re-formats only the range it touched. On top, ``paintEvent`` draws a bracket at each visible span edge (inset by
nesting depth, so a quote within a quote shows two brackets), a frame around the selected span, and a red tag on
every bidi control character so nobody is fooled by an invisible one.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QTextCharFormat, QTextCursor,
                           QTextLine, QTextOption)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from ..core.changes import AddSpan, Change, RemoveSpan, UpdateSpan
from ..core.model import Document, Layer
from ..core.text.offsets import OffsetMap
from .names import BIDI_CONTROLS, INVISIBLE, label_name, type_name
from .render import Drawn, DrawnIndex, LayerStyle, Paint, depth_of, segments


class ArticleView(QPlainTextEdit):
    """Read-only article text with annotations. Emits selections and clicks in code points."""

    text_selection_changed = Signal(int, int)  # start, end (code points; equal when nothing is selected)
    span_clicked = Signal(str, str)  # annotator, span id (innermost at the click; clicking again goes outward)
    background_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse |
                                     Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setCursorWidth(2)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setUndoRedoEnabled(False)  # formats are drawing, not edits
        self.document().setDocumentMargin(12)
        self.text = ""
        self.direction = "rtl"
        self.offsets = OffsetMap("")
        self.index = DrawnIndex([], {})
        self.colors: dict[str, str] = {}
        self.selected: tuple[str, str] | None = None  # (annotator, span id)
        self._marks: list[int] = []  # code-point positions of bidi controls
        self._formats: dict[Paint, QTextCharFormat] = {}
        self._last_click: tuple[int, str | None] = (-1, None)
        # Caret rectangles and nesting depths of what was painted last, reused while nothing moved: a new label
        # then costs only its own four edges (formats never change the layout's geometry).
        self._carets: dict[int, QRect] = {}
        self._frame: tuple | None = None
        self._layout_generation = 0
        self._depths: dict[tuple[str, str], int] = {}
        self._highlights: dict[str, list] = {}  # extra selections by kind (see set_highlights)
        self.selectionChanged.connect(self._emit_selection)
        self.cursorPositionChanged.connect(self._emit_selection)

    # --- content ------------------------------------------------------------------------------------------------

    def set_document(self, document: Document | None, layers: list[tuple[Layer, LayerStyle]],
                     colors: dict[str, str]) -> None:
        """Show a document with its layers. The text shown is exactly ``document.text``."""
        self.colors = dict(colors)
        self.selected = None
        self._formats.clear()
        self._depths.clear()
        self._layout_generation += 1
        if document is None:
            self.text = ""
            self.offsets = OffsetMap("")
            self.index = DrawnIndex([], colors)
            self._marks = []
            self.setPlainText("")
            return
        self.text = document.text
        self.offsets = OffsetMap(self.text)
        self.index = DrawnIndex([(layer.spans.values(), style) for layer, style in layers], colors)
        self._marks = [i for i, ch in enumerate(self.text) if ch in BIDI_CONTROLS] \
            if any(c in self.text for c in BIDI_CONTROLS) else []
        self.set_direction(document.direction)
        # setPlainText gives the new text the format at the cursor (Qt keeps the "current" format): a cursor left in
        # an annotated stretch of the last document would paint the whole new one in that span's colour.
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(self.text)
        self._render(0, len(self.text), fresh=True)

    def set_direction(self, direction: str) -> None:
        """Lay the text out right-to-left or left-to-right (display only; offsets never change)."""
        self.direction = direction
        qdir = Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight
        # The widget's own direction drives the text control (cursor keys, scroll bar side); the default text
        # option makes every paragraph take the document's direction, even one that starts with a Latin word.
        self.setLayoutDirection(qdir)
        option = self.document().defaultTextOption()
        option.setTextDirection(qdir)
        # Absolute alignment: Qt mirrors non-absolute AlignRight for RTL text (it would render on the left), and
        # QPlainTextEdit does not resolve AlignLeading from the text direction.
        option.setAlignment((Qt.AlignmentFlag.AlignRight if direction == "rtl" else Qt.AlignmentFlag.AlignLeft)
                            | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self._layout_generation += 1
        self.viewport().update()

    def apply_leaves(self, leaves: tuple[Change, ...], styles: dict[str, LayerStyle]) -> None:
        """Update the drawing for applied leaf changes of the shown layers: only the touched ranges are redrawn."""
        dirty: list[tuple[int, int]] = []
        self._depths.clear()
        for leaf in leaves:
            style = styles.get(leaf.annotator or "")
            if style is None:
                continue
            if isinstance(leaf, AddSpan):
                self.index.add(leaf.span, style)
                dirty.append((leaf.span.start, leaf.span.end))
            elif isinstance(leaf, RemoveSpan):
                self.index.remove(leaf.annotator, leaf.span.id)
                dirty.append((leaf.span.start, leaf.span.end))
                if self.selected == (leaf.annotator, leaf.span.id):
                    self.selected = None
            elif isinstance(leaf, UpdateSpan):
                self.index.remove(leaf.annotator, leaf.before.id)
                self.index.add(leaf.after, style)
                dirty.append((min(leaf.before.start, leaf.after.start), max(leaf.before.end, leaf.after.end)))
        for start, end in _merge(dirty):
            self._render(start, end)
        if dirty:
            self.viewport().update()

    def _format(self, paint: Paint) -> QTextCharFormat:
        fmt = self._formats.get(paint)
        if fmt is None:
            fmt = QTextCharFormat()
            if paint.background:
                fmt.setBackground(QColor(paint.background))
            if paint.underline:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if paint.dashed
                                      else QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(paint.underline))
            self._formats[paint] = fmt
        return fmt

    def _render(self, start: int, end: int, *, fresh: bool = False) -> None:
        if start >= end:
            return
        segs = segments(self.index.overlapping(start, end), start, end)
        cursor = QTextCursor(self.document())
        to16 = self.offsets.to_utf16
        cursor.beginEditBlock()
        for seg in segs:
            if fresh and seg.paint.empty:
                continue  # a fresh document has no formats to clear
            cursor.setPosition(to16(seg.start))
            cursor.setPosition(to16(seg.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(self._format(seg.paint))
        cursor.endEditBlock()

    def set_highlights(self, name: str, selections: list) -> None:
        """Extra selections of one kind (``find``: the matches of the find bar; ...), shown together with the
        others (each feature sets only its own)."""
        self._highlights[name] = list(selections)
        self.setExtraSelections([s for group in self._highlights.values() for s in group])

    def set_quiet(self, keys) -> None:
        """Draw these spans ((annotator, span id): in review, what every annotator agrees on) in a quiet grey, so
        the differences stand out; an empty set draws every span in its colour again."""
        for start, end in _merge(self.index.set_quiet(keys)):
            self._render(start, end)
        self.viewport().update()

    # --- selection ------------------------------------------------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        """The text selection in code points (start == end when nothing is selected)."""
        cursor = self.textCursor()
        n = self.offsets.utf16_length
        # Clamped: while setPlainText replaces the text, Qt reports the old selection as -1.
        a = self.offsets.from_utf16(min(max(0, cursor.selectionStart()), n), strict=False)
        b = self.offsets.from_utf16(min(max(0, cursor.selectionEnd()), n), strict=False)
        return a, b

    def cursor_position(self) -> int:
        return self.offsets.from_utf16(min(self.textCursor().position(), self.offsets.utf16_length), strict=False)

    def select_text(self, start: int, end: int) -> None:
        """Select ``text[start:end]`` (code points) as if by mouse or keyboard."""
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_utf16(start))
        cursor.setPosition(self.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def select_span(self, annotator: str | None, span_id: str | None, *, scroll: bool = True) -> None:
        """Mark a span as the selected annotation (framed) and bring it into view."""
        key = (annotator, span_id) if annotator and span_id else None
        if key == self.selected:
            return
        self.selected = key
        drawn = self.index.get(*key) if key else None
        if drawn is not None and scroll:
            cursor = self.textCursor()
            cursor.clearSelection()
            cursor.setPosition(self.offsets.to_utf16(drawn.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.viewport().update()

    def _emit_selection(self) -> None:
        start, end = self.selection()
        self.text_selection_changed.emit(start, end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        pos16 = self.cursorForPosition(event.position().toPoint()).position()
        self.click_at(self.offsets.from_utf16(min(pos16, self.offsets.utf16_length), strict=False))

    def click_at(self, pos: int) -> None:
        """A click at a code-point position: select the innermost span there; clicking the same place again
        selects the next enclosing one (so a quote under a claim stays reachable)."""
        here = self.index.at(pos)
        if not here:
            self._last_click = (pos, None)
            self.background_clicked.emit()
            return
        choice = here[0]
        last_pos, last_id = self._last_click
        if last_pos == pos and self.selected is not None:
            ids = [(d.style.annotator, d.span.id) for d in here]
            if self.selected in ids:
                choice = here[(ids.index(self.selected) + 1) % len(here)]
        self._last_click = (pos, choice.span.id)
        self.span_clicked.emit(choice.style.annotator, choice.span.id)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            pos16 = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos())).position()
            pos = self.offsets.from_utf16(min(pos16, self.offsets.utf16_length), strict=False)
            here = self.index.at(pos)
            if here:
                QToolTip.showText(event.globalPos(), "\n".join(self._describe(d) for d in here), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _describe(self, drawn: Drawn) -> str:
        span = drawn.span
        extra = type_name(span.attrs.get("type")) or span.attrs.get("value") or ""
        who = "" if drawn.style.filled and drawn.style.color is None else f" [{drawn.style.annotator}]"
        return f"{label_name(span.label)}{' · ' + extra if extra else ''}{who}: {span.start}–{span.end}"

    # --- zoom -------------------------------------------------------------------------------------------------------

    def set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, min(48.0, size)))
        self.setFont(font)

    # --- painting ---------------------------------------------------------------------------------------------------

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
        rect = self._carets.get(pos)
        if rect is None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.offsets.to_utf16(pos))
            rect = self._carets[pos] = self.cursorRect(cursor)
        return rect

    def _depth(self, drawn: Drawn) -> int:
        key = (drawn.style.annotator, drawn.span.id)
        depth = self._depths.get(key)
        if depth is None:
            depth = self._depths[key] = min(depth_of(drawn, self.index), 3)
        return depth

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.FontChange:
            self._layout_generation += 1
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._layout_generation += 1
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.text:
            return
        frame = (self.firstVisibleBlock().blockNumber(), self.contentOffset().toTuple(),
                 self.viewport().size().toTuple(), self._layout_generation)
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
            if self.selected is not None:
                drawn = self.index.get(*self.selected)
                if drawn is not None and drawn.end > start and drawn.start < end:
                    self._paint_frame(painter, drawn)
            if self._marks:
                lo = bisect.bisect_left(self._marks, start)
                hi = bisect.bisect_left(self._marks, end)
                for pos in self._marks[lo:hi]:
                    self._paint_mark(painter, pos)
        finally:
            painter.end()

    def _paint_brackets(self, painter: QPainter, drawn: Drawn, start: int, end: int) -> None:
        depth = self._depth(drawn)
        color = QColor(drawn.color).darker(150)
        pen = QPen(color, 2)
        if drawn.style.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for pos, inward in ((drawn.start, 1), (drawn.end, -1)):
            if not start <= pos <= end:
                continue
            rect = self._caret(pos)
            inset = 1 + 2 * depth
            top, bottom = rect.top() + inset, rect.bottom() - inset
            x = rect.left()
            # Which way the span lies from this edge on screen: towards the caret of the neighbouring character.
            other = self._caret(min(max(pos + inward, 0), len(self.text)))
            if other.top() == rect.top() and other.left() != x:
                sign = 1 if other.left() > x else -1
            else:
                sign = (-1 if self.direction == "rtl" else 1) * inward
            painter.drawLine(x, top, x, bottom)
            painter.drawLine(x, top, x + 4 * sign, top)
            painter.drawLine(x, bottom, x + 4 * sign, bottom)

    def _paint_frame(self, painter: QPainter, drawn: Drawn) -> None:
        painter.setPen(QPen(QColor("#202020"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self.span_rects(drawn.start, drawn.end):
            painter.drawRect(rect.adjusted(-2, -1, 2, 1))

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


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
