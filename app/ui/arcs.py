"""Attribution at a glance (#13 part 5): the links of a record drawn over the article.

When a quote (or claim) is the current record, a thin line joins it to each of its parts — its speaker, cue and
date — the way brat and INCEpTION draw relation arcs. View ▸ Show all links (Ctrl+Shift+L) draws every link of
the visible text as well, fainter.

Where a link is drawn, so that it never hides a letter:

- both ends on one visual line: a low staple between the two spans' nearest edges, in the gap above the line;
- on lines close together (up to four apart): an S-curve from the head's nearest edge, leaving it from the line
  boundary that faces the part, to the part's nearest edge, thin and translucent where it crosses a line (edges
  one above the other: an arc bowed out towards the margin, never a vertical stroke that reads as an alef);
- farther apart: from the head's edge along the boundary under (or over) its line to the margin, down (or up) the
  margin, and along the boundary over (or under) the part's line to the part's edge — the margin nearer to both
  edges is taken, so the runs along the boundaries stay short;
- the other end off screen: the run goes up or down the margin past the edge of the view, with an arrowhead.

Lines are thin (1–2 px), translucent and drawn in darken mode (a line never lightens a pixel: a letter it crosses
keeps all its ink, darker than the line), so every letter stays readable; a dot marks the part's end. Positions come from the spans' screen rectangles (``ArticleView.span_rects``: one per visual line, from
QTextLine, so right-to-left and wrapped lines are right).

Painting stays cheap: the links' paths are computed once per state of the view — visible range, scroll position,
size, layout (font, direction), the document's formats and the layer's edits, the current record, the toggle —
and only drawn at the other paints (a blinking caret, hovering, a selection).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ..core.model import Relation, Span
from .article_view import ArticleView
from .session import Session

LINK_TYPES = ("SAID_BY", "CLAIMED_BY", "CUE", "DATED")
LIFT = 3  # pixels a same-line staple rises into the gap above its line (the speaker's; see LIFTS)
LIFTS = {"CUE": 1, "DATED": 2}
NEAR_LINES = 4  # links at most this many lines apart are drawn straight across; farther ones through the margin
BOW = 8  # edges closer than this horizontally are joined by an arc bowed out towards the margin
TICK = 3  # pixels a margin route's ends reach into their span's line, so they plug into the span's edge
RADIUS = 4  # rounded corners of the margin routes
DOT = 2.5  # the dot at the part's end


@dataclass(frozen=True)
class Link:
    """One drawn link: relation, how it is routed, where it leaves the head and reaches the tail (on screen)."""

    relation: str
    rtype: str
    head: str
    tail: str
    route: str  # "line", "curve", "margin", "above" or "below" (an end off screen that way)
    a: QPointF  # at the head (the quote or claim); an end off screen is at the view's edge
    b: QPointF  # at the tail (the speaker, cue or date)
    path: QPainterPath
    color: QColor
    current: bool


class LinkOverlay(QObject):
    """Draws the current record's links (and, when ``show_all``, every visible link) over an ArticleView."""

    def __init__(self, view: ArticleView, session: Session, colors: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.session = session
        self.colors = dict(colors)
        self.show_all = False
        self.computed = 0  # how many times the geometry was computed (it is cached between paints)
        self._revision = 0
        self._key: tuple | None = None
        self._links: list[Link] = []
        self._index: tuple[int, dict, dict] | None = None  # (revision, out, into) of the annotator's relations
        # Spans' rectangles relative to the top of their first paragraph, kept while the layout stays (a scroll
        # only moves paragraphs: their tops are asked again): (start, end) -> (paragraph number, rectangles).
        self._shapes: dict[tuple[int, int], tuple[int, list[QRect]]] = {}
        self._layout: tuple | None = None
        self._batched: tuple | None = None  # (links, merged paths) see _batches
        view.overlays.append(self.paint)
        session.changed.connect(self._dirty)
        session.document_opened.connect(self._dirty)
        # Formats move letters (the room beside span edges, given lazily on long articles): geometry is stale.
        view.document().contentsChange.connect(self._dirty)

    def _dirty(self, *_args) -> None:
        self._revision += 1
        self._shapes.clear()

    def set_show_all(self, on: bool) -> None:
        self.show_all = bool(on)
        self.view.viewport().update()

    # --- geometry -------------------------------------------------------------------------------------------------

    def links(self, start: int | None = None, end: int | None = None) -> list[Link]:
        """The links drawn for the visible range (computed when the view changed since the last call)."""
        view = self.view
        if start is None or end is None:
            start, end = view.visible_range()
        key = (start, end, view.verticalScrollBar().value(), view.viewport().size().toTuple(),
               view._layout_generation, self._revision, view.record, self.show_all)
        if key != self._key:
            layout = (view.viewport().width(), view._layout_generation, view.font().pointSizeF())
            if layout != self._layout:
                self._layout = layout
                self._shapes.clear()
            self._key = key
            self._tops: dict[int, int] = {}
            self._links = self._compute(start, end)
            self.computed += 1
        return self._links

    def _relations(self) -> tuple[dict[str, list[Relation]], dict[str, list[Relation]]]:
        if self._index is None or self._index[0] != self._revision:
            out: dict[str, list[Relation]] = {}
            into: dict[str, list[Relation]] = {}
            for rel in self.session.layer.relations.values():
                if rel.type in LINK_TYPES:
                    out.setdefault(rel.head, []).append(rel)
                    into.setdefault(rel.tail, []).append(rel)
            self._index = (self._revision, out, into)
        return self._index[1], self._index[2]

    def _compute(self, start: int, end: int) -> list[Link]:
        s = self.session
        if s.document is None or start >= end:
            return []
        layer = s.layer
        out, into = self._relations()
        chosen: dict[str, tuple[Relation, bool]] = {}
        record = self.view.record
        if record is not None and record[0] == s.annotator:
            for rel in out.get(record[1], ()):
                chosen[rel.id] = (rel, True)
        if self.show_all:
            for drawn in self.view.index.overlapping(start, end):
                if drawn.style.annotator != s.annotator:
                    continue
                for rel in (*out.get(drawn.span.id, ()), *into.get(drawn.span.id, ())):
                    chosen.setdefault(rel.id, (rel, False))
        links: list[Link] = []
        lane = 0
        # The current record's links last: drawn on top of the others.
        for rel, current in sorted(chosen.values(), key=lambda item: (item[1], item[0].id)):
            head, tail = layer.spans.get(rel.head), layer.spans.get(rel.tail)
            if head is None or tail is None:
                continue
            link = self._link(rel, head, tail, current, start, end, lane)
            if link is not None:
                links.append(link)
                if link.route not in ("line", "curve"):
                    lane += 1
        return links

    def _rects(self, span: Span, start: int, end: int) -> list[QRect] | str:
        """The span's rectangles on screen, or "above" / "below" when it is outside the visible range."""
        if span.end <= start:
            return "above"
        if span.start >= end:
            return "below"
        rects = self._span_rects(max(span.start, start), min(span.end, end))
        # The visible range is whole paragraphs: a long one reaches past the view's edges.
        if rects and rects[-1].bottom() < 0:
            return "above"
        if rects and rects[0].top() > self.view.viewport().height():
            return "below"
        return rects

    def _span_rects(self, start: int, end: int) -> list[QRect]:
        view = self.view
        shape = self._shapes.get((start, end))
        if shape is None:
            number = view.document().findBlock(view.offsets.to_utf16(start)).blockNumber()
            top = self._top(number)
            rects = sorted((r.translated(0, -top) for r in view.span_rects(start, end)),
                           key=lambda r: (r.top(), r.left()))
            shape = self._shapes[(start, end)] = (number, rects)
        number, rects = shape
        top = self._top(number)
        return [r.translated(0, top) for r in rects]

    def _top(self, number: int) -> int:
        """A paragraph's top on screen now (asked once per computation)."""
        top = self._tops.get(number)
        if top is None:
            view = self.view
            block = view.document().findBlockByNumber(number)
            top = self._tops[number] = int(view.blockBoundingGeometry(block).translated(view.contentOffset()).top())
        return top

    def _color(self, tail: Span, current: bool) -> QColor:
        color = QColor(self.colors.get(tail.label, "#606060")).darker(170)
        color.setAlpha(210 if current else 150)
        return color

    def _link(self, rel: Relation, head: Span, tail: Span, current: bool, start: int, end: int,
              lane: int) -> Link | None:
        hr, tr = self._rects(head, start, end), self._rects(tail, start, end)
        if isinstance(hr, str) and isinstance(tr, str) or not hr or not tr:
            return None
        color = self._color(tail, current)
        width = self.view.viewport().width()

        def make(route: str, a: QPointF, b: QPointF, path: QPainterPath) -> Link:
            return Link(rel.id, rel.type, rel.head, rel.tail, route, a, b, path, color, current)

        if isinstance(hr, str) or isinstance(tr, str):  # one end off screen: run off the view's edge
            up = (hr if isinstance(hr, str) else tr) == "above"
            rects = tr if isinstance(hr, str) else hr
            rect = rects[0] if up else rects[-1]
            side_left = rect.left() < width - rect.right()
            x = rect.left() if side_left else rect.right() + 1
            y = rect.top() if up else rect.bottom() + 1
            edge = QPointF(x, y)
            far = QPointF(self._margin_x(side_left, lane), -2.0 if up else self.view.viewport().height() + 2.0)
            path = _elbow(edge, far, self._margin_x(side_left, lane))
            _arrow(path, far, up, 1 if side_left else -1)
            a, b = (far, edge) if isinstance(hr, str) else (edge, far)
            return make("above" if up else "below", a, b, path)

        h, t = min(((h, t) for h in hr for t in tr),
                   key=lambda pair: (abs(pair[0].top() - pair[1].top()), _gap(pair[0], pair[1])))
        if h.top() == t.top():  # one visual line: a staple in the gap above it, between the nearest edges
            if h.right() < t.left():
                ax, bx = h.right() + 1, t.left()
            elif t.right() < h.left():
                ax, bx = h.left(), t.right() + 1
            else:  # a part inside its quote's stretch of the line: from the quote's nearer edge to the part
                bx = t.center().x()
                ax = h.left() if abs(h.left() - bx) <= abs(h.right() - bx) else h.right() + 1
            y = h.top()
            # The speaker's staple lowest, the cue's and the date's a little higher: links of one quote that
            # leave from the same edge stay apart.
            lift = max(2, min(LIFT + 2 * LIFTS.get(rel.type, 0), h.height() // 3))
            path = QPainterPath(QPointF(ax, y + 2))
            path.lineTo(ax, y - lift)
            path.lineTo(bx, y - lift)
            path.lineTo(bx, y + 2)
            return make("line", QPointF(ax, y), QPointF(bx, y), path)
        below = t.top() > h.top()
        ay = h.bottom() + 1 if below else h.top()
        by = t.top() if below else t.bottom() + 1
        if abs(by - ay) <= NEAR_LINES * h.height():
            # A few lines apart: an S-curve between the nearest edges, leaving and reaching them vertically
            # (from the line boundary facing the other span), thin and translucent where it crosses a line.
            # The nearest pair of edges (side by side: the facing ones). Never a straight vertical line across
            # the text: it would read as an alef.
            _d, ax, bx = min((abs(x - y), x, y) for x in (h.left(), h.right() + 1) for y in (t.left(), t.right() + 1))
            a, b = QPointF(ax, ay), QPointF(bx, by)
            path = QPainterPath(a)
            if abs(by - ay) < 2 * TICK:  # adjacent lines: a connector along their boundary, ticks into each
                down = 1 if below else -1
                path = QPainterPath(QPointF(ax, ay - TICK * down))
                path.lineTo(a)
                path.lineTo(b)
                path.lineTo(bx, by + TICK * down)
            else:
                bend = (by - ay) / 2
                # Edges one above the other (two lines starting at the margin): bowed out towards the nearer
                # margin, an arc beside the text rather than a stroke down through it.
                bow = 0.0 if abs(ax - bx) >= BOW else min(3 * BOW, abs(by - ay) / 3) * \
                    (-1 if ax < width / 2 else 1)
                path.cubicTo(QPointF(ax + bow, ay + bend), QPointF(bx + bow, by - bend), b)
            return make("curve", a, b, path)
        left_cost = h.left() + t.left()
        right_cost = (width - h.right()) + (width - t.right())
        side_left = left_cost <= right_cost
        ax = h.left() if side_left else h.right() + 1
        bx = t.left() if side_left else t.right() + 1
        mx = self._margin_x(side_left, lane)
        a, b = QPointF(ax, ay), QPointF(bx, by)
        path = QPainterPath(QPointF(ax, ay - TICK if below else ay + TICK))
        path.connectPath(_elbow(a, QPointF(mx, by), mx))
        path.lineTo(b)
        path.lineTo(bx, by + TICK if below else by - TICK)
        return make("margin", a, b, path)

    def _margin_x(self, left: bool, lane: int) -> float:
        """A lane in the document's margin (outside the record's bar)."""
        step = 2 * (lane % 2)
        return 1.5 + step if left else self.view.viewport().width() - 1.5 - step

    # --- painting -------------------------------------------------------------------------------------------------

    def _batches(self, links: list[Link]) -> list[tuple[QPen, QPainterPath, QPainterPath]]:
        """The links merged by pen (one colour and width per label and current-ness): lines and dots, a few
        paths to draw instead of one per link; made with the links, reused at every paint until they change."""
        if self._batched is not None and self._batched[0] is links:
            return self._batched[1]
        groups: dict[tuple, tuple[QPen, QPainterPath, QPainterPath]] = {}
        height = self.view.viewport().height()
        for link in sorted(links, key=lambda l: l.current):  # the current record's on top
            key = (link.color.rgba(), link.current)
            if key not in groups:
                pen = QPen(link.color, 1.8 if link.current else 1.2)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
                groups[key] = (pen, QPainterPath(), QPainterPath())
            _pen, lines, dots = groups[key]
            lines.addPath(link.path)
            if 0 <= link.b.y() <= height:  # the part is on screen
                dots.addEllipse(link.b, DOT, DOT)
        batches = sorted(groups.values(), key=lambda g: g[0].widthF())
        self._batched = (links, batches)
        return batches

    def paint(self, painter: QPainter, start: int, end: int) -> None:
        links = self.links(start, end)
        if not links:
            return
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            # Darken: a line never lightens a pixel, so where it crosses a letter the letter's ink stays as dark
            # as it was and its strokes still stand out of the (lighter, translucent) line.
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Darken)
            for pen, lines, dots in self._batches(links):
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(lines)
                if not dots.isEmpty():
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(pen.color())
                    painter.drawPath(dots)
        finally:
            painter.restore()


def _gap(a: QRect, b: QRect) -> int:
    """Horizontal distance between two rectangles (0 when they overlap)."""
    return max(0, max(a.left(), b.left()) - min(a.right(), b.right()))


def _elbow(start: QPointF, corner_to: QPointF, mx: float) -> QPainterPath:
    """From ``start`` along its gap to the margin lane ``mx``, then up or down it to ``corner_to``'s height (and
    along to ``corner_to``), with rounded corners."""
    path = QPainterPath(start)
    y0, y1 = start.y(), corner_to.y()
    dy = 1 if y1 > y0 else -1
    r = min(RADIUS, abs(y1 - y0) / 2)
    dx = 1 if mx > start.x() else -1
    path.lineTo(mx - dx * r, y0)
    path.quadTo(mx, y0, mx, y0 + dy * r)
    path.lineTo(mx, y1 - dy * r)
    if corner_to.x() != mx:
        back = 1 if corner_to.x() > mx else -1
        path.quadTo(mx, y1, mx + back * r, y1)
    else:
        path.lineTo(mx, y1)
    return path


def _arrow(path: QPainterPath, tip: QPointF, up: bool, inward: int) -> None:
    """A half arrowhead (its wing on the text's side of the margin lane) just inside the view's edge, pointing
    where the link goes on."""
    y = 2.0 if up else tip.y() - 4.0
    path.moveTo(tip.x(), y)
    path.lineTo(tip.x() + 4 * inward, y + (5 if up else -5))


def install_links(window) -> LinkOverlay:
    """The current record's links on the window's article view, and View ▸ Show all links (remembered)."""
    from .actions import ActionId

    overlay = LinkOverlay(window.view, window.session, window.colors, window)
    action = window.registry[ActionId.SHOW_LINKS]
    action.setCheckable(True)
    action.setChecked(str(window.settings.value("view/links", "false")).lower() == "true")
    overlay.set_show_all(action.isChecked())

    def toggled(on: bool) -> None:
        overlay.set_show_all(on)
        window.settings.setValue("view/links", "true" if on else "false")

    action.toggled.connect(toggled)
    window.menus["view"].insertAction(window.registry[ActionId.SNAP], action)
    return overlay
