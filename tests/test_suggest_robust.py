"""Robustness: whatever the text (marks unpaired, harakat, digits of both systems, emoji, bidi marks, CRLF),
the suggester returns a layer that validates and never changes or misplaces a character."""

from __future__ import annotations

from hypothesis import given, settings
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
