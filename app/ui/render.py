"""How annotations are drawn, decided without Qt: layers with a style become coloured stretches of text.

The article view shows one or more layers at once. Each layer has a :class:`LayerStyle`: the annotator's own
layer is *filled* with label colours; a layer that is not the annotator's (suggestions, a teammate's layer in
review) is drawn *pale*, with a dashed underline where a filled span already covers the text, or in one colour
per annotator. :func:`segments` cuts a range of the text into stretches where the same spans are present and says
how each is painted, so that nested and overlapping spans stay distinguishable:

- the innermost filled span gives the background; a span inside a span of the *same* label is drawn darker;
- the span enclosing it gives the underline, so a claim inside a quote shows both colours;
- the selected span is drawn darker; the view also paints a bracket at every span edge, black for the selected
  span (see article_view);
  so that these never cover a letter, the character beside each edge gets a little more room (:func:`gaps`):
  a space is widened, and so is the punctuation mark or first letter of a word touching the edge, on the side
  of the edge, where the bracket is drawn.

Offsets are code points, ranges half-open. The view converts to UTF-16 with :class:`~app.core.text.offsets.OffsetMap`.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left

import regex
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..core.model import Span
from ..core.text.offsets import next_boundary
from ..core.text.words import is_word_char


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
    gap: str | None = None  # "space" (a widened space) or "letter" (room on the visual right of the character)

    @property
    def empty(self) -> bool:
        return self.background is None and self.underline is None and self.gap is None


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


def _paint(covering: list[Drawn], selected: Drawn | None = None) -> Paint:
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
    if selected is not None and any(d is selected for d in covering):
        # The selected span is drawn darker (its brackets black): a frame around it would cover letters.
        background = darker(background or paler(selected.color, 0.6), 0.22)
    return Paint(background, underline, dashed)


# --- room for the edge marks ---------------------------------------------------------------------------------

_LTR_CLASSES = frozenset({"L", "EN", "AN"})  # laid out left to right inside right-to-left text
_EXTENDS = regex.compile(r"[\p{M}\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=SpacingMark}\u200c\u200d"
                         r"\U0001F3FB-\U0001F3FF]")
# Arabic letters that never join the letter after them (و in وأضاف): room after them breaks no joining.
_JOIN_BEFORE_ONLY = frozenset("اأإآٱٲٳدذرزوؤةژڈڑ")
_RTL_CLASSES = frozenset({"R", "AL"})


def gap_at(text: str, pos: int, rtl: bool) -> tuple[int, int, str] | None:
    """The character that gets more room beside the edge at ``pos``, as ``(start, end, kind)``, or None.

    A space on either side of the edge is widened. Else Qt adds letter spacing on the visual right of a character:
    in right-to-left text that is the character just after the edge (the first letter of a span, or the mark after
    its end), in left-to-right text the one just before it. No room is made inside a word (it would break the
    joining of Arabic letters) or beside a character laid out against the paragraph's direction (a number in
    Arabic text: the room would land inside it)."""
    for space in (pos - 1, pos):  # a space beside the edge is widened, on whichever side it is
        if 0 <= space < len(text) and text[space] == " ":
            return space, space + 1, "space"
    c = pos if rtl else pos - 1
    if not 0 <= c < len(text):
        return None
    ch = text[c]
    if ch in "\n\t" or ch.isspace():
        return None
    other = c - 1 if rtl else c + 1
    if 0 <= other < len(text) and is_word_char(ch) and is_word_char(text[other]):
        joined = text[other] if rtl else ch  # the letter logically before the edge
        if not (rtl and joined in _JOIN_BEFORE_ONLY):
            return None  # an edge inside a word whose letters join across it
    bidi = unicodedata.bidirectional(ch)
    if (rtl and bidi in _LTR_CLASSES) or (not rtl and bidi in _RTL_CLASSES):
        return None
    after = c + 1
    if after < len(text) and _EXTENDS.match(text, after):  # harakat, a joiner, an emoji modifier: the whole cluster
        after = next_boundary(text, c)
    return c, after, "letter"


def gaps(text: str, drawn: Iterable[Drawn], rtl: bool,
         memo: dict[int, tuple[int, int, str] | None] | None = None) -> list[tuple[int, int, str]]:
    """The characters that get room beside the edges of ``drawn`` spans (see :func:`gap_at`), sorted, once each.
    ``memo`` keeps :func:`gap_at`'s answers by position (they depend on the text and its direction only)."""
    memo = {} if memo is None else memo
    found: dict[int, tuple[int, int, str]] = {}
    for d in drawn:
        for pos in (d.start, d.end):
            g = memo[pos] if pos in memo else memo.setdefault(pos, gap_at(text, pos, rtl))
            if g is not None:
                found[g[0]] = g
    return [found[k] for k in sorted(found)]


# --- segments ---------------------------------------------------------------------------------------------------------

def segments(drawn: Iterable[Drawn], start: int, end: int, room: Sequence[tuple[int, int, str]] = (),
             selected: Drawn | None = None) -> list[Segment]:
    """Cut ``[start, end)`` into stretches with the same covering spans and say how each is painted; ``room`` are
    characters that get room for the edge marks (:func:`gaps`), ``selected`` the selected span (drawn darker).
    Stretches covered by nothing are included (with an empty Paint) so the caller can clear old formats."""
    spans = [d for d in drawn if d.end > start and d.start < end]
    room = [g for g in room if g[1] > start and g[0] < end]
    cuts = {start, end}
    for d in spans:
        if start < d.start < end:
            cuts.add(d.start)
        if start < d.end < end:
            cuts.add(d.end)
    for a, b, _kind in room:
        cuts.update(p for p in (a, b) if start < p < end)
    points = sorted(cuts)
    # Sweep: spans sorted by start enter, leave when the sweep passes their end.
    spans.sort(key=lambda d: d.start)
    active: list[Drawn] = []
    out: list[Segment] = []
    paints: dict[tuple, Paint] = {}  # the same spans cover many stretches (a gap cuts one in three)
    i = j = 0
    for a, b in zip(points, points[1:]):
        while i < len(spans) and spans[i].start <= a:
            active.append(spans[i])
            i += 1
        if any(d.end <= a for d in active):
            active = [d for d in active if d.end > a]
        while j < len(room) and room[j][1] <= a:
            j += 1
        gap = room[j][2] if j < len(room) and room[j][0] <= a < room[j][1] else None
        key = (gap, *map(id, active))
        paint = paints.get(key)
        if paint is None:
            paint = _paint(active, selected)
            if gap is not None:
                paint = Paint(paint.background, paint.underline, paint.dashed, gap)
            paints[key] = paint
        if out and (out[-1].paint is paint or out[-1].paint == paint) and out[-1].end == a:
            out[-1] = Segment(out[-1].start, b, paint)
        else:
            out.append(Segment(a, b, paint))
    return out


def depth_of(drawn: Drawn, index: DrawnIndex) -> int:
    """How many other spans of the same layer strictly enclose this one (for bracket insets)."""
    return sum(1 for d in index.overlapping(drawn.start, drawn.end)
               if d is not drawn and d.style == drawn.style and d.start <= drawn.start and d.end >= drawn.end
               and (d.end - d.start) > (drawn.end - drawn.start))
