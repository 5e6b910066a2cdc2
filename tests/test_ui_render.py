"""How layers are cut into painted stretches (pure): nesting, overlap, pale layers, the span index."""

from __future__ import annotations

from app.core.model import Span
from app.ui.render import DrawnIndex, LayerStyle, Paint, darker, paler, segments

TEXT = "0123456789" * 3
COLORS = {"QUOTE": "#7fb3f5", "CLAIM": "#f5b971", "SPEAKER": "#8fd694"}
OWN = LayerStyle("me")
SUGG = LayerStyle("suggestions", filled=False, dashed=True)


def span(label, start, end, sid=None):
    return Span.of(TEXT, label, start, end, id=sid or f"{label}{start}-{end}")


def test_a_claim_inside_a_quote_shows_both_colours():
    index = DrawnIndex([([span("QUOTE", 2, 20), span("CLAIM", 5, 10)], OWN)], COLORS)
    segs = segments(index.items, 0, 30)
    assert [(s.start, s.end) for s in segs] == [(0, 2), (2, 5), (5, 10), (10, 20), (20, 30)]
    assert segs[0].paint == Paint() and segs[-1].paint == Paint()
    assert segs[1].paint.background == paler("#7fb3f5", 0.25) and segs[1].paint.underline is None
    inner = segs[2].paint
    assert inner.background == paler("#f5b971", 0.25) and inner.underline == darker("#7fb3f5", 0.25)


def test_a_quote_inside_a_quote_is_darker():
    index = DrawnIndex([([span("QUOTE", 0, 20), span("QUOTE", 5, 10)], OWN)], COLORS)
    outer, inner = segments(index.items, 0, 20)[0:2]
    assert inner.paint.background != outer.paint.background
    assert inner.paint.background == darker(paler("#7fb3f5", 0.25), 0.14)


def test_overlapping_spans_cut_at_every_edge():
    index = DrawnIndex([([span("QUOTE", 0, 10), span("CLAIM", 5, 15)], OWN)], COLORS)
    assert [(s.start, s.end) for s in segments(index.items, 0, 15)] == [(0, 5), (5, 10), (10, 15)]


def test_a_pale_layer_is_pale_alone_and_a_dashed_underline_under_a_filled_span():
    index = DrawnIndex([([span("QUOTE", 0, 10)], OWN), ([span("SPEAKER", 5, 15, "x")], SUGG)], COLORS)
    a, b, c = segments(index.items, 0, 15)
    assert a.paint.background == paler("#7fb3f5", 0.25) and a.paint.underline is None
    assert b.paint.background == a.paint.background and b.paint.dashed
    assert c.paint.background == paler("#8fd694", 0.6) and c.paint.dashed


def test_segments_are_limited_to_the_asked_range():
    index = DrawnIndex([([span("QUOTE", 0, 30)], OWN)], COLORS)
    assert [(s.start, s.end) for s in segments(index.items, 7, 9)] == [(7, 9)]


def test_index_queries_and_updates():
    spans = [span("QUOTE", i, i + 3, f"s{i}") for i in range(0, 27, 3)] + [span("CLAIM", 0, 30, "all")]
    index = DrawnIndex([(spans, OWN)], COLORS)
    assert {d.span.id for d in index.overlapping(4, 7)} == {"s3", "s6", "all"}
    assert [d.span.id for d in index.at(4)] == ["s3", "all"]
    index.remove("me", "all")
    assert [d.span.id for d in index.at(4)] == ["s3"]
    index.add(span("SPEAKER", 4, 5, "new"), OWN)
    assert [d.span.id for d in index.at(4)] == ["new", "s3"]
    assert index.get("me", "new").color == "#8fd694"
    assert index.overlapping(29, 29) == [] and [d.span.id for d in index.overlapping(24, 24)] == ["s24"]
