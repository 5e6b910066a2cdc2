"""How annotations are drawn, decided without Qt: layers with a style become coloured stretches of text.

The article view shows one or more layers at once. Each layer has a :class:`LayerStyle`: the annotator's own
layer is *filled* with label colours; a layer that is not the annotator's (suggestions, a teammate's layer in
review) is drawn *pale*, with a dashed underline where a filled span already covers the text, or in one colour
per annotator. :func:`segments` cuts a range of the text into stretches where the same spans are present and says
how each is painted, so that nested and overlapping spans stay distinguishable:

- the innermost filled span gives the background; a span inside a span of the *same* label is drawn darker;
- the span enclosing it gives the underline, so a claim inside a quote shows both colours;
- the view also paints a bracket at every span edge and a frame around the selected span (see article_view).

Offsets are code points, ranges half-open. The view converts to UTF-16 with :class:`~app.core.text.offsets.OffsetMap`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..core.model import Span


@dataclass(frozen=True)
class LayerStyle:
    """How one layer is drawn. ``color`` None means "by label colour"; a colour paints the whole layer in it."""

    annotator: str
    filled: bool = True
    color: str | None = None
    dashed: bool = False
    listed: bool = True  # its quotes are listed in the sidebars too (review: the compared layers are not)


@dataclass(frozen=True)
class Paint:
    """The look of one stretch: background colour, underline colour and whether the underline is dashed."""

    background: str | None = None
    underline: str | None = None
    dashed: bool = False

    @property
    def empty(self) -> bool:
        return self.background is None and self.underline is None


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    paint: Paint


class Drawn:
    """A span as the view draws it: the span, its layer's style and its resolved colour (start and end copied
    out because segmenting reads them hundreds of thousands of times for a long article)."""

    __slots__ = ("span", "style", "color", "start", "end")

    def __init__(self, span: Span, style: LayerStyle, color: str) -> None:
        self.span = span
        self.style = style
        self.color = color
        self.start = span.start
        self.end = span.end

    def __repr__(self) -> str:
        return f"Drawn({self.span.label} {self.start}..{self.end} {self.style.annotator} {self.color})"


# --- colours ----------------------------------------------------------------------------------------------------

def _rgb(color: str) -> tuple[int, int, int]:
    c = color.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(v))):02x}" for v in rgb)


@lru_cache(maxsize=4096)
def darker(color: str, amount: float) -> str:
    """Mix with black: amount 0 keeps the colour, 1 gives black."""
    return _hex(v * (1 - amount) for v in _rgb(color))


@lru_cache(maxsize=4096)
def paler(color: str, amount: float) -> str:
    """Mix with white: amount 0 keeps the colour, 1 gives white."""
    return _hex(v + (255 - v) * amount for v in _rgb(color))


# --- the index of drawn spans ---------------------------------------------------------------------------------------

QUIET = "#c8c8c8"  # what needs no decision (review: agreed by everyone) is drawn in this grey

class DrawnIndex:
    """The spans of every shown layer, sorted by start, for range queries (what overlaps the visible lines,
    what covers a clicked position) in O(log n + k), updated in place as spans come and go."""

    def __init__(self, layers: Sequence[tuple[Iterable[Span], LayerStyle]], colors: Mapping[str, str]) -> None:
        self.colors = dict(colors)
        self.quiet: frozenset[tuple[str, str]] = frozenset()  # (annotator, span id) drawn in QUIET (see set_quiet)
        items = [self._drawn(span, style) for spans, style in layers for span in spans]
        items.sort(key=_order)
        self.items: list[Drawn] = items
        self._keys = [_order(d) for d in items]
        self._by_id = {(d.style.annotator, d.span.id): d for d in items}
        # Never shrinks on removal: a conservative bound keeps queries correct.
        self._longest = max((d.end - d.start for d in items), default=0)

    def _drawn(self, span: Span, style: LayerStyle) -> Drawn:
        if (style.annotator, span.id) in self.quiet:
            return Drawn(span, style, QUIET)
        return Drawn(span, style, style.color or self.colors.get(span.label, "#cccccc"))

    def set_quiet(self, keys: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
        """Draw these spans in a quiet grey (review: what every annotator agrees on), the others in their colour;
        returns the ranges to draw again."""
        keys = frozenset(keys)
        changed = [self._by_id[k] for k in keys ^ self.quiet if k in self._by_id]
        self.quiet = keys
        for d in changed:
            d.color = QUIET if (d.style.annotator, d.span.id) in keys else \
                d.style.color or self.colors.get(d.span.label, "#cccccc")
        return [(d.start, d.end) for d in changed]

    def __len__(self) -> int:
        return len(self.items)

    def get(self, annotator: str, span_id: str) -> Drawn | None:
        return self._by_id.get((annotator, span_id))

    def add(self, span: Span, style: LayerStyle) -> Drawn:
        d = self._drawn(span, style)
        i = bisect_left(self._keys, _order(d))
        self.items.insert(i, d)
        self._keys.insert(i, _order(d))
        self._by_id[(style.annotator, span.id)] = d
        self._longest = max(self._longest, d.end - d.start)
        return d

    def remove(self, annotator: str, span_id: str) -> Drawn | None:
        d = self._by_id.pop((annotator, span_id), None)
        if d is None:
            return None
        key = _order(d)
        i = bisect_left(self._keys, key)
        while self.items[i] is not d:
            i += 1
        del self.items[i]
        del self._keys[i]
        return d

    def overlapping(self, start: int, end: int) -> list[Drawn]:
        """Drawn spans sharing a character with ``[start, end)``; an empty range asks for spans covering start."""
        end = max(end, start + 1)
        lo = bisect_left(self._keys, (start - self._longest,))
        hi = bisect_left(self._keys, (end,))
        return [d for d in self.items[lo:hi] if d.end > start]

    def at(self, pos: int) -> list[Drawn]:
        """Drawn spans covering position ``pos``: filled layers first, then innermost first."""
        return sorted(self.overlapping(pos, pos + 1), key=lambda d: (not d.style.filled, d.end - d.start, d.start))


def _order(d: Drawn) -> tuple:
    return (d.start, -d.end, d.style.annotator, d.span.id)


# --- segments ---------------------------------------------------------------------------------------------------------

_EMPTY = Paint()


def _shorter(a: Drawn, b: Drawn | None) -> bool:
    """a is inside b (shorter; on a tie, the one starting later)."""
    return b is None or (a.end - a.start, -a.start) < (b.end - b.start, -b.start)


def _paint(covering: list[Drawn]) -> Paint:
    if not covering:
        return _EMPTY
    inner = outer = pale = None
    for d in covering:
        if d.style.filled:
            if _shorter(d, inner):
                inner, outer = d, inner
            elif _shorter(d, outer):
                outer = d
        elif _shorter(d, pale):
            pale = d
    background = underline = None
    dashed = False
    if inner is not None:
        # A span inside a span of the same label (a quote within a quote) is drawn darker, one step per level.
        same = sum(1 for d in covering if d is not inner and d.style.filled and d.span.label == inner.span.label
                   and d.color == inner.color)
        background = darker(paler(inner.color, 0.25), 0.14 * same) if same else paler(inner.color, 0.25)
        if outer is not None:
            underline = darker(outer.color, 0.25)
        elif pale is not None:
            underline, dashed = darker(pale.color, 0.2), True
    elif pale is not None:
        background = paler(pale.color, 0.6)
        underline, dashed = darker(pale.color, 0.2), True
    return Paint(background, underline, dashed)


def segments(drawn: Iterable[Drawn], start: int, end: int) -> list[Segment]:
    """Cut ``[start, end)`` into stretches with the same covering spans and say how each is painted.
    Stretches covered by nothing are included (with an empty Paint) so the caller can clear old formats."""
    spans = [d for d in drawn if d.end > start and d.start < end]
    cuts = {start, end}
    for d in spans:
        if start < d.start < end:
            cuts.add(d.start)
        if start < d.end < end:
            cuts.add(d.end)
    points = sorted(cuts)
    # Sweep: spans sorted by start enter, leave when the sweep passes their end.
    spans.sort(key=lambda d: d.start)
    active: list[Drawn] = []
    out: list[Segment] = []
    i = 0
    for a, b in zip(points, points[1:]):
        while i < len(spans) and spans[i].start <= a:
            active.append(spans[i])
            i += 1
        active = [d for d in active if d.end > a]
        paint = _paint(active)
        if out and out[-1].paint == paint and out[-1].end == a:
            out[-1] = Segment(out[-1].start, b, paint)
        else:
            out.append(Segment(a, b, paint))
    return out


def depth_of(drawn: Drawn, index: DrawnIndex) -> int:
    """How many other spans of the same layer strictly enclose this one (for bracket insets)."""
    return sum(1 for d in index.overlapping(drawn.start, drawn.end)
               if d is not drawn and d.style == drawn.style and d.start <= drawn.start and d.end >= drawn.end
               and (d.end - d.start) > (drawn.end - drawn.start))
