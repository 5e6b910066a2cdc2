"""Offsets in a peer tool's own unit into the tool's own text, turned exactly into our code points.

Peer tools count positions differently: doccano's JavaScript front end counts UTF-16 code units (or grapheme
clusters in its grapheme mode), Label Studio (since its 2021 fix) and Prodigy count code points, brat's Python server
counts code points. And the tool's text may still hold what our normalisation removes (a leading BOM, the CR of
CRLF). :class:`PeerText` converts ``(offset, unit)`` on the tool's raw text to a code-point offset into our
normalised text, refusing offsets that fall inside a surrogate pair or outside the text, never guessing.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..text.offsets import OffsetMap
from ..text.normalise import normalise, removed_positions

UNITS = ("codepoint", "utf16", "grapheme")
_CLUSTER = regex.compile(r"\X")
_ASTRAL = regex.compile("[\U00010000-\U0010ffff]")
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}]")


class PeerText:
    """One document's text as the peer tool had it, and the exact map onto :attr:`text` (normalised)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text, self.normalisation = normalise(raw)
        self._removed = removed_positions(raw, self.normalisation)
        self.changed = bool(self._removed)
        self._astral: bool | None = None
        self._u16: OffsetMap | None = None
        self._clusters: list[int] | None = None

    def _utf16(self) -> OffsetMap:
        if self._u16 is None:
            self._u16 = OffsetMap(self.raw)
        return self._u16

    def _cluster_starts(self) -> list[int]:
        if self._clusters is None:
            starts = [m.start() for m in _CLUSTER.finditer(self.raw)]
            starts.append(len(self.raw))
            self._clusters = starts
        return self._clusters

    def same_as_codepoints(self, unit: str) -> bool:
        """True when offsets in ``unit`` are the raw text's code-point offsets (UTF-16 without astral characters)."""
        if unit == "codepoint":
            return True
        if unit == "utf16":
            if self._astral is None:
                self._astral = bool(_ASTRAL.search(self.raw))
            return not self._astral
        return False

    def length(self, unit: str) -> int:
        if unit == "utf16":
            return self._utf16().utf16_length
        if unit == "grapheme":
            return len(self._cluster_starts()) - 1
        return len(self.raw)

    def to_raw(self, offset: int, unit: str) -> int:
        """A raw code-point offset; ValueError (with the reason) when ``offset`` is not a position in ``unit``."""
        if unit == "codepoint":
            if not 0 <= offset <= len(self.raw):
                raise ValueError(f"outside the text (0..{len(self.raw)})")
            return offset
        if unit == "utf16":
            u16 = self._utf16()
            if not 0 <= offset <= u16.utf16_length:
                raise ValueError(f"outside the text (0..{u16.utf16_length} UTF-16 units)")
            try:
                return u16.from_utf16(offset, strict=True)
            except ValueError:
                raise ValueError("inside a surrogate pair (half a character)") from None
        if unit == "grapheme":
            starts = self._cluster_starts()
            if not 0 <= offset < len(starts):
                raise ValueError(f"outside the text (0..{len(starts) - 1} grapheme clusters)")
            return starts[offset]
        raise ValueError(f"unknown offset unit {unit!r}")

    def from_raw(self, cp: int, unit: str) -> int:
        """The inverse of :meth:`to_raw` for a boundary ``cp`` of the raw text."""
        if unit == "utf16":
            return self._utf16().to_utf16(cp)
        if unit == "grapheme":
            starts = self._cluster_starts()
            i = bisect_left(starts, cp)
            if i >= len(starts) or starts[i] != cp:
                raise ValueError(f"{cp} is inside a grapheme cluster")
            return i
        return cp

    def normalised(self, raw_cp: int) -> int:
        """Raw code-point offset -> offset into the normalised text (what the BOM and CRs removed shifts it by)."""
        if not self._removed:
            return raw_cp
        return raw_cp - bisect_left(self._removed, raw_cp)

    def splits_cluster(self, raw_cp: int) -> bool:
        """True when ``raw_cp`` falls inside a grapheme cluster (between a letter and its harakat, inside an emoji)."""
        starts = self._cluster_starts()
        i = bisect_left(starts, raw_cp)
        return i >= len(starts) or starts[i] != raw_cp

    def at_word_edge(self, raw_cp: int, *, end: bool) -> bool:
        """True when a span edge at ``raw_cp`` does not cut a word (letters/digits/marks on both sides)."""
        raw = self.raw
        before = raw[raw_cp - 1] if raw_cp > 0 else " "
        after = raw[raw_cp] if raw_cp < len(raw) else " "
        return not (_WORD.match(before) and _WORD.match(after))

    def same_everywhere(self, units: tuple[str, ...]) -> bool:
        """True when all ``units`` count this text the same way (then no file can tell them apart)."""
        for unit in units:
            if unit == "utf16" and not self._utf16().identity:
                return False
            if unit == "grapheme" and len(self._cluster_starts()) - 1 != len(self.raw):
                return False
        return True


def to_unit(text: str, cp: int, unit: str, cache: dict | None = None) -> int:
    """Our code-point offset ``cp`` into ``text`` counted in ``unit`` (for writers)."""
    if unit == "codepoint":
        return cp
    key = (id(text), unit)
    peer = cache.get(key) if cache is not None else None
    if peer is None:
        peer = PeerText(text)
        if cache is not None:
            cache[key] = peer
    return peer.from_raw(cp, unit)

