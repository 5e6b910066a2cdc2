"""Offsets over hard text: Arabic with tashkeel and tatweel, ZWJ/ZWNJ, NBSP, emoji (with modifiers, ZWJ sequences,
flags), Latin, digits of both kinds, line breaks and bidi marks."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.text.offsets import (OffsetMap, cluster_bounds, is_boundary, next_boundary, previous_boundary, snap,
                                   snap_range, trim_range)

ARABIC = "قالأكدوزيرالخارجيةلافرينتيفمحمدشياعالسودانيإنأنهؤئءة"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
PIECES = (list(ARABIC) + list(TASHKEEL) + [
    "\u0640",  # tatweel
    "\u200d", "\u200c",  # ZWJ, ZWNJ
    "\u00a0", " ", "\n", "\u2028", "\u200f", "\u202b", "\u202c",
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇸🇦", "\U0001d400", "e\u0301",
    "A", "b", "Z", "0", "7", "٠", "٩", "«", "»", "“", "”", "\"", ".", "،",
])

hard_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def full_boundaries(text: str) -> list[int]:
    """Reference: every grapheme-cluster boundary by scanning the whole text with \\X."""
    out = [0]
    for m in regex.finditer(r"\X", text):
        out.append(m.end())
    return out


@given(hard_text)
def test_utf16_map_matches_the_real_utf16_encoding(text):
    m = OffsetMap(text)
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u16 = m.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert m.from_utf16(u16) == cp


@given(hard_text)
def test_utf16_offsets_inside_a_surrogate_pair_are_refused_or_rounded_down(text):
    m = OffsetMap(text)
    for cp, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            inside = m.to_utf16(cp) + 1
            try:
                m.from_utf16(inside)
                raise AssertionError("expected ValueError")
            except ValueError:
                pass
            assert m.from_utf16(inside, strict=False) == cp


@settings(max_examples=300)
@given(hard_text)
def test_cluster_bounds_agree_with_a_full_scan(text):
    bounds = full_boundaries(text)
    for pos in range(len(text)):
        start, end = cluster_bounds(text, pos)
        assert start in bounds and end in bounds and start <= pos < end
        assert is_boundary(text, pos) == (pos in bounds)


@given(hard_text, st.integers(0, 80), st.integers(0, 80))
def test_snap_range_never_splits_a_cluster_and_never_shrinks(text, a, b):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    s, e = snap_range(text, a, b)
    bounds = set(full_boundaries(text))
    assert s in bounds and e in bounds
    assert s <= a and e >= b


@given(hard_text, st.integers(0, 80))
def test_snap_is_idempotent_and_moves_within_one_cluster(text, pos):
    pos = min(pos, len(text))
    back, fwd = snap(text, pos), snap(text, pos, forward=True)
    assert snap(text, back) == back and snap(text, fwd, forward=True) == fwd
    assert back <= pos <= fwd


@given(hard_text)
def test_stepping_by_boundaries_visits_every_cluster(text):
    seen, pos = [0], 0
    while pos < len(text):
        pos = next_boundary(text, pos)
        seen.append(pos)
    assert seen == full_boundaries(text)
    while pos > 0:
        pos = previous_boundary(text, pos)
        assert pos in seen


def test_a_letter_keeps_its_harakat():
    text = "قالَ الوزيرُ"
    lam = text.index("ل")
    assert cluster_bounds(text, lam + 1) == (lam, lam + 2)  # the fatha belongs to the lam
    assert snap_range(text, lam + 1, lam + 2) == (lam, lam + 2)


def test_emoji_zwj_sequence_is_one_cluster():
    text = "قال 👨\u200d👩\u200d👧 x"
    start = text.index("👨")
    assert cluster_bounds(text, start + 2) == (start, start + 5)


def test_a_long_run_of_combining_marks_is_handled():
    text = "ب" + "\u064e" * 400 + " ت"
    assert cluster_bounds(text, 300) == (0, 401)


def test_trim_range_drops_spaces_but_never_empties():
    text = "  قال  "
    assert trim_range(text, 0, len(text)) == (2, 5)
    assert trim_range("   ", 0, 3) == (0, 3)
