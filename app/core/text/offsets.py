"""Offsets: code points (Python ``str`` indices, what Qawl stores and exports) versus UTF-16 code units (what Qt's
``QTextCursor`` and doccano count), and grapheme-cluster snapping so a letter is never split from its harakat.

All ranges are half-open ``[start, end)`` in code points.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_CLUSTER = regex.compile(r"\X")
_PLAIN = regex.compile(r"[\p{L}\p{N}\p{P}\p{Zs}]")
_JOINS = regex.compile(r"[\p{Grapheme_Cluster_Break=Prepend}\p{M}\u200c\u200d]")
# Characters after which a grapheme cluster always ends (UAX #29 GB4) and before which one always starts (GB5).
_HARD_BREAK = "\n\r\u2028\u2029"


class OffsetMap:
    """Exact conversion between code-point and UTF-16 offsets of one text, O(log n) per lookup.

    It keeps the sorted code-point indices of the characters outside the Basic Multilingual Plane (each is two
    UTF-16 units); every other character is one unit in both counts.
    """

    __slots__ = ("length", "utf16_length", "_astral", "_astral_u16_end")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset just after each astral character.
        self._astral_u16_end = [i + k + 2 for k, i in enumerate(self._astral)]
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def identity(self) -> bool:
        """True when both counts agree everywhere (no characters outside the BMP)."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self.length:
            raise IndexError(f"code-point offset {cp} is outside 0..{self.length}")
        return cp + bisect_left(self._astral, cp)

    def from_utf16(self, u16: int, *, strict: bool = True) -> int:
        """The code-point offset of a UTF-16 offset. Inside a surrogate pair: ValueError if strict, else round down."""
        if not 0 <= u16 <= self.utf16_length:
            raise IndexError(f"UTF-16 offset {u16} is outside 0..{self.utf16_length}")
        before = bisect_right(self._astral_u16_end, u16)  # astral characters wholly before u16
        cp = u16 - before
        if before < len(self._astral) and self._astral[before] + before + 1 == u16:
            if strict:
                raise ValueError(f"UTF-16 offset {u16} falls inside a surrogate pair")
            return self._astral[before]  # round down to the start of that character
        return cp


def _safe_start(text: str, pos: int) -> int:
    """A position at or before ``pos`` where a grapheme cluster certainly begins.

    After a hard line break a cluster always starts (GB4/GB5); we also accept a plain letter/space/punctuation
    preceded by another such character and not a Hangul jamo or regional indicator (GB999 applies between them).
    """
    i = pos
    floor = max(0, pos - 256)
    while i > floor:
        prev = text[i - 1]
        if prev in _HARD_BREAK:
            return i
        cur = text[i] if i < len(text) else "\n"
        if _plain(prev) and _plain(cur) and i < pos:
            return i
        i -= 1
    if floor == 0:
        return 0
    # Pathological: 256 combining marks in a row. Fall back to the line start.
    nl = max(text.rfind(c, 0, pos) for c in _HARD_BREAK)
    return nl + 1


def _plain(ch: str) -> bool:
    o = ord(ch)
    if o < 0x300:
        return ch not in "\r\n"
    if 0x1100 <= o <= 0x11FF or 0xAC00 <= o <= 0xD7AF or 0xA960 <= o <= 0xA97F or 0xD7B0 <= o <= 0xD7FF:
        return False  # Hangul
    if 0x1F1E6 <= o <= 0x1F1FF:
        return False  # regional indicators pair up
    # Letters that are Prepend / SpacingMark cases are rare; \X in the caller handles everything after the start.
    return _PLAIN.match(ch) is not None and _JOINS.match(ch) is None


def cluster_bounds(text: str, pos: int) -> tuple[int, int]:
    """The grapheme cluster that contains code point ``pos`` (``pos == len(text)`` gives an empty range)."""
    if pos >= len(text):
        return len(text), len(text)
    start = _safe_start(text, pos)
    for m in _CLUSTER.finditer(text, start):
        if m.end() > pos:
            return m.start(), m.end()
    return len(text), len(text)  # pragma: no cover - \X always covers every character


def is_boundary(text: str, pos: int) -> bool:
    if pos <= 0 or pos >= len(text):
        return True
    return cluster_bounds(text, pos)[0] == pos


def snap(text: str, pos: int, *, forward: bool = False) -> int:
    """Move ``pos`` to a grapheme-cluster boundary: back to the cluster start, or on to its end with forward=True."""
    pos = max(0, min(pos, len(text)))
    if is_boundary(text, pos):
        return pos
    start, end = cluster_bounds(text, pos)
    return end if forward else start


def snap_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole grapheme clusters (never narrows a selection to nothing)."""
    s = snap(text, start)
    e = snap(text, end, forward=True)
    return s, max(e, s)


def next_boundary(text: str, pos: int) -> int:
    """The boundary after ``pos`` (one whole character to the right in logical order)."""
    if pos >= len(text):
        return len(text)
    return cluster_bounds(text, pos)[1]


def previous_boundary(text: str, pos: int) -> int:
    """The boundary before ``pos``."""
    if pos <= 0:
        return 0
    return cluster_bounds(text, pos - 1)[0]


def trim_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space from a selection (keeps it if it is all white space)."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)
