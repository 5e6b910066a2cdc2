"""The article pane: the text in its own direction, annotations painted on it, selection in code points.

Text is sacred: the view keeps its own copy of the document text (from the store) and never reads text back from
the widget (``toPlainText`` turns NBSP into a space and U+2028 into a newline). Qt counts positions in UTF-16 code
units; every position crossing the boundary goes through :class:`~app.core.text.offsets.OffsetMap`. ``setPlainText``
turns each ``\\n`` into a paragraph (QTextBlock) break, one position each, so positions match one-to-one.

Drawing: span stretches get character formats on the (read-only) document, computed by
:func:`app.ui.render.segments` (background = innermost span, underline = the span enclosing it); a change
re-formats only the range it touched. On top, ``paintEvent`` (:mod:`.article_paint`) draws a bracket at each visible span edge (inset by
nesting depth, so a quote within a quote shows two brackets), a frame around the selected span, a bar in the margin
beside the current record (the quote new parts link to), and a red tag on every bidi control character so nobody
is fooled by an invisible one. Brackets and frames never cover a letter: the character beside each edge gets a
few pixels more room (:func:`app.ui.render.gaps`) and the bracket stands in that room, serifs pointing inwards,
so an edge letter can be told inside or outside.

Selections: a double-click selects the word without the punctuation around it (``“بعد`` gives ``بعد``); a
selection made with Alt held down is *exact* (not snapped to words when labelled).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ..core.changes import AddSpan, Change, RemoveSpan, UpdateSpan
from ..core.model import Document, Layer
from ..core.text.offsets import OffsetMap
from ..core.text.words import word_at
from .article_paint import GAP, SpanPainting
from .names import BIDI_CONTROLS, label_name, type_name
from .render import Drawn, DrawnIndex, LayerStyle, Paint, gaps, segments

ROOM_CHUNK = 6000  # code points of a long article given that room at a time


class ArticleView(SpanPainting, QPlainTextEdit):
    """Read-only article text with annotations. Emits selections and clicks in code points."""

    text_selection_changed = Signal(int, int)  # start, end (code points; equal when nothing is selected)
    span_clicked = Signal(str, str)  # annotator, span id (innermost at the click; clicking again goes outward)
    background_clicked = Signal()
    pressed = Signal()  # the mouse went down in the text: the person starts something new

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
        self.record: tuple[str, str] | None = None  # the current record (annotator, span id): a bar in the margin
        self.exact_selection = False  # the selection was made with Alt held: labelled as is, not snapped to words
        self._marks: list[int] = []  # code-point positions of bidi controls
        self._formats: dict[Paint, QTextCharFormat] = {}
        self._last_click: tuple[int, str | None] = (-1, None)
        # Caret rectangles and nesting depths of what was painted last, reused while nothing moved: a new label
        # then costs only its own four edges (formats never change the layout's geometry).
        self._carets: dict[int, tuple[int, QRect]] = {}  # position -> (paragraph, caret relative to its top)
        self._tops: dict[int, int] = {}  # paragraph number -> its top on screen, for one paint
        self._seen: dict[int, QRect] = {}  # position -> caret on screen, for one paint
        self._space: int | None = None  # the width of a space in the article's font
        self._frame: tuple | None = None
        self._layout_generation = 0
        self._depths: dict[tuple[str, str], int] = {}
        self._highlights: dict[str, list] = {}  # extra selections by kind (see set_highlights)
        # Painted over the text after the brackets, each called with (painter, visible start, visible end): the
        # attribution links (app/ui/arcs.py).
        self.overlays: list = []
        self._room: dict[int, tuple[int, int, str] | None] = {}  # gap_at by edge position, for this text
        self._unroomed: set[int] = set()  # pieces of a long article not given their room yet (ROOM_CHUNK each)
        self._room_timer = QTimer(self)
        self._room_timer.setSingleShot(True)
        self._room_timer.setInterval(0)
        self._room_timer.timeout.connect(self._room_step)
        self.verticalScrollBar().valueChanged.connect(self._room_visible)
        self.selectionChanged.connect(self._emit_selection)
        self.cursorPositionChanged.connect(self._emit_selection)

    # --- content ------------------------------------------------------------------------------------------------

    def set_document(self, document: Document | None, layers: list[tuple[Layer, LayerStyle]],
                     colors: dict[str, str]) -> None:
        """Show a document with its layers. The text shown is exactly ``document.text``."""
        self.colors = dict(colors)
        self.selected = None
        self.record = None
        self._highlights.clear()
        self.setExtraSelections([])
        self._formats.clear()
        self._room.clear()
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
        if len(self.text) <= 2 * ROOM_CHUNK:
            self._unroomed = set()
            self._render(0, len(self.text), fresh=True)
            return
        # A long article: colours everywhere at once; the room beside span edges (which costs Qt a new layout of
        # every line it touches) first where it is seen (a document opens at its top), the rest a piece at a time
        # while nothing else happens, or as soon as it is scrolled to.
        seen = 2 * ROOM_CHUNK
        self._render(0, seen, fresh=True)
        self._render(seen, len(self.text), fresh=True, room=False)
        self._unroomed = set(range(2, -(-len(self.text) // ROOM_CHUNK)))
        self._room_timer.start()

    def _room_visible(self, *_args) -> None:
        if self._unroomed:
            start, end = self.visible_range()
            self._give_room(max(0, start - ROOM_CHUNK // 2), end + ROOM_CHUNK // 2)
            self._room_timer.start()

    def _give_room(self, start: int, end: int) -> None:
        for chunk in range(start // ROOM_CHUNK, (max(start, end - 1)) // ROOM_CHUNK + 1):
            if chunk in self._unroomed:
                self._unroomed.discard(chunk)
                self._render(chunk * ROOM_CHUNK, min(len(self.text), (chunk + 1) * ROOM_CHUNK))

    def _room_step(self) -> None:
        """One piece of the article's room, nearest to what is on screen first."""
        if not self._unroomed:
            return
        here = self.visible_range()[0] // ROOM_CHUNK
        chunk = min(self._unroomed, key=lambda c: abs(c - here))
        self._give_room(chunk * ROOM_CHUNK, chunk * ROOM_CHUNK + 1)
        if self._unroomed:
            self._room_timer.start()

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
        self._room.clear()
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
        n = len(self.text)
        # The characters just outside a span's edges get (or lose) room for its brackets too.
        for start, end in _merge([(max(0, a - 8), min(n, b + 8)) for a, b in dirty]):
            self._render(start, end)
        if dirty and self.selected is not None:
            self._show_selected(self.index.get(*self.selected))
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
            if paint.gap == "space":
                fmt.setFontWordSpacing(GAP)
            elif paint.gap == "letter":
                fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
                fmt.setFontLetterSpacing(GAP)
            self._formats[paint] = fmt
        return fmt

    def _render(self, start: int, end: int, *, fresh: bool = False, room: bool = True) -> None:
        if start >= end:
            return
        near = self.index.overlapping(max(0, start - 2), min(len(self.text), end + 2))
        segs = segments(near, start, end, gaps(self.text, near, self.direction == "rtl", self._room) if room else ())
        self._forget_carets(start, end)
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

    def select_text(self, start: int, end: int, *, exact: bool = False) -> None:
        """Select ``text[start:end]`` (code points) as if by mouse or keyboard (``exact``: with Alt held)."""
        self.exact_selection = exact
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
        self._show_selected(drawn)
        if drawn is not None and scroll:
            cursor = self.textCursor()
            cursor.clearSelection()
            cursor.setPosition(self.offsets.to_utf16(drawn.start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        # The frame shows where the selected span is; a text cursor on its edge would cover its first letter.
        self.setCursorWidth(0 if key else 2)
        self.viewport().update()

    def _show_selected(self, drawn: Drawn | None) -> None:
        """The selected span drawn darker, as extra selections over its stretches (each in its own colour, made
        darker): its formats, and so the layout, stay as they are."""
        extra = []
        if drawn is not None:
            to16 = self.offsets.to_utf16
            for seg in segments(self.index.overlapping(drawn.start, drawn.end), drawn.start, drawn.end,
                                selected=drawn):
                sel = QTextEdit.ExtraSelection()
                sel.cursor = QTextCursor(self.document())
                sel.cursor.setPosition(to16(seg.start))
                sel.cursor.setPosition(to16(seg.end), QTextCursor.MoveMode.KeepAnchor)
                sel.format.setBackground(QColor(seg.paint.background))
                extra.append(sel)
        self.set_highlights("selected", extra)

    def set_record(self, annotator: str | None, span_id: str | None) -> None:
        """Mark the current record (the quote new parts link to) with a bar in the margin beside its lines."""
        key = (annotator, span_id) if annotator and span_id else None
        if key != self.record:
            self.record = key
            self.viewport().update()

    def _emit_selection(self) -> None:
        start, end = self.selection()
        self.text_selection_changed.emit(start, end)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.exact_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self.setCursorWidth(2)
            self.pressed.emit()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        self.setCursorWidth(2)  # moving the cursor with the keys: show it again
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click selects the word, without quotation marks or punctuation glued to it."""
        super().mouseDoubleClickEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or not self.text:
            return
        pos16 = self.cursorForPosition(event.position().toPoint()).position()
        self.select_word_at(self.offsets.from_utf16(min(pos16, self.offsets.utf16_length), strict=False))

    def select_word_at(self, pos: int) -> bool:
        found = word_at(self.text, pos)
        if found is None:
            return False
        self.select_text(*found)
        return True

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
        last_pos, _ = self._last_click
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


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
