"""Robustness: whatever the text (marks unpaired, harakat, digits of both systems, emoji, bidi marks, CRLF),
the suggester returns a layer that validates and never changes or misplaces a character."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.jsonl import make_document
from app.core.schema import DEFAULT_SCHEMA
from app.core.suggest import suggest_document

PIECES = ["وقال", "أكد", "مؤكداً", "قائلاً", "الوزير", "رئيس", "البلدية", "لافرينتيف", "أن", "إن", "بأن", "إلى",
          "على", "في", "أمس", "اليوم", "غداً", "الماضي", "الجاري", "كانون الثاني", "تشرين", "يناير", "شوال", "هـ",
          "18", "٢٠٢٤", "2015", "/", ":", "،", ".", "«", "»", "“", "”", '"', "(", ")", "\n", "\r\n", "ـ", "\u064b",
          "\u0651", "\u200f", "😀", "X", "said", "that", "يوم", "الأربعاء", "قبل", "ستة", "أشهر", "نفسه", "المصدر"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.sampled_from([None, "2024-01-25", "junk"]))
@example(["«", "/", "»", "وقال", "أن"], None)  # a speaker "mention" of punctuation only (round 5 crashed on it)
def test_any_text_gives_a_valid_layer(pieces, date):
    raw = " ".join(pieces) + " نص"
    doc = make_document(raw, id="h", meta={"date": date} if date else {})
    result = suggest_document(doc)
    DEFAULT_SCHEMA.check_layer(result.layer)
    result.layer.check_against(doc.text)
    for span in result.layer.spans.values():
        assert span.text == doc.text[span.start:span.end]
        assert span.origin == "suggested"
    assert {s.entity for s in result.layer.spans_by_label("SPEAKER")} <= \
        {e.id for e in result.entities}


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=30), st.integers(0, 90))
def test_coverage_of_attributions_answers_like_a_scan_over_them(spans, k):
    from app.core.suggest.clauses import Attributions, Record

    found = Attributions(100)
    for first, length in spans:
        found.append(Record([], first, first + length, "indirect", "r"))
    assert found.covers(k) == any(r.first <= k <= r.last for r in found)


@pytest.mark.slow
def test_suggestion_time_grows_linearly_with_the_article(corpus):
    """Issue 14: 2 MB took 4.2 s and 8 MB 63 s. Four times the text now takes about four times as long (the
    bound leaves room for a busy machine; the quadratic engine took 6.6x from 0.5 to 2 MB)."""
    import time

    from app.bench.suggest_speed import _of_size, _texts
    from app.core.jsonl import make_document
    from app.core.suggest import suggest_document

    texts = _texts(corpus)
    seconds = []
    for mb in (0.5, 2.0):
        doc = make_document(_of_size(texts, mb), id=f"big{mb}", meta={"date": "2015-08-01"})
        best = float("inf")
        for _ in range(2):
            t = time.process_time()  # CPU time: the machine may be shared
            suggest_document(doc)
            best = min(best, time.process_time() - t)
        seconds.append(best)
    assert seconds[1] / seconds[0] < 5.5, seconds


def test_any_slice_of_a_real_article_gives_a_valid_layer(corpus):
    """Cut anywhere — mid-word, mid-quote, right after قبل — real news text gives a valid layer. (Fuzzing this way,
    12,000 slices, found content ending the text with بعد reading past the last token; its own test is in
    test_suggest_round5.py. This keeps a seeded thousand.)"""
    import random

    from app.bench.suggest_gold import GOLD_SETS

    rng = random.Random(14)
    files = sorted((corpus / "arabic_articles").glob("*.txt")) + sorted((GOLD_SETS["blind4"] / "articles").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    for _ in range(1000):
        text = rng.choice(texts)
        a = rng.randrange(len(text))
        piece = text[a:a + rng.randrange(1, 500)]
        doc = make_document(piece, id="slice", meta={"date": rng.choice(["2015-07-30", None])})
        layer = suggest_document(doc).layer
        layer.check_against(doc.text)
        for span in layer.spans.values():
            assert span.text == doc.text[span.start:span.end]
