"""Text is sacred in the article view: positions map exactly (NBSP, U+2028, emoji, tashkeel), nothing is read
back from the widget, bidi controls are tagged, direction and alignment follow the document."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from app.core.jsonl import make_document
from app.core.model import Layer, Span
from app.core.schema import DEFAULT_SCHEMA
from app.ui.article_view import ArticleView
from app.ui.render import LayerStyle

TRICKY = ("قالَ الوزيرُ\u00a0“نحن👩‍👩‍👧 مستعدّون”\u2028سطر\u200f ثانٍ\n"
          "فقرة 😀 ثانية Lavrentiev 2024\u2029ثالثة\tنهاية")
COLORS = {l.name: l.color for l in DEFAULT_SCHEMA.span_labels}


def _view(qtbot, text, direction="rtl", spans=()):
    view = ArticleView()
    qtbot.addWidget(view)
    doc = make_document(text, id="t")
    object.__setattr__(doc, "direction", direction)
    view.set_document(doc, [(Layer("t", "me", spans=spans), LayerStyle("me"))], COLORS)
    view.resize(600, 400)
    view.show()
    return view, doc


def test_every_character_sits_at_its_mapped_position(qtbot):
    view, doc = _view(qtbot, TRICKY)
    qdoc = view.document()
    assert view.offsets.utf16_length == qdoc.characterCount() - 1  # the final paragraph separator
    for i, ch in enumerate(doc.text):
        u16 = view.offsets.to_utf16(i)
        got = qdoc.characterAt(u16)
        if ord(ch) > 0xFFFF:
            # The high surrogate here, the low one at u16 + 1.
            assert ord(got) == 0xD800 + ((ord(ch) - 0x10000) >> 10)
            assert ord(qdoc.characterAt(u16 + 1)) == 0xDC00 + ((ord(ch) - 0x10000) & 0x3FF)
        elif ch == "\n":
            assert got == "\u2029"  # a paragraph break, one position
        else:
            assert got == ch, (i, hex(ord(ch)), hex(ord(got)))


def test_selections_round_trip_in_code_points(qtbot):
    view, doc = _view(qtbot, TRICKY)
    text = doc.text
    for start, end in [(0, 4), (5, 13), (text.index("👩"), text.index("👩") + 8), (text.index("😀"), len(text))]:
        view.select_text(start, end)
        assert view.selection() == (start, end)


def test_the_view_keeps_its_own_copy_of_the_text(qtbot):
    view, doc = _view(qtbot, TRICKY)
    assert view.text is doc.text
    # What the widget would give back differs (NBSP -> space, U+2028 -> \n): we never use it.
    assert view.toPlainText() != doc.text


def test_highlights_land_on_exactly_the_labelled_characters(qtbot):
    text = make_document(TRICKY, id="t").text
    start = text.index("👩")
    span = Span.of(text, "SPEAKER", start, start + len("👩‍👩‍👧"))
    view, _ = _view(qtbot, TRICKY, spans=[span])
    cursor = QTextCursor(view.document())
    formatted = []
    for u16 in range(view.offsets.utf16_length):
        cursor.setPosition(u16 + 1)
        if cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush:
            formatted.append(view.offsets.from_utf16(u16, strict=False))
    assert sorted(set(formatted)) == list(range(span.start, span.end))


def test_bidi_controls_are_tagged(qtbot):
    view, doc = _view(qtbot, TRICKY)
    assert view.marks() == [(doc.text.index("\u200f"), "RLM")]
    view.grab()  # paints the tags without error


def test_direction_and_alignment_follow_the_document(qtbot):
    view, _ = _view(qtbot, TRICKY, "rtl")
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight and option.alignment() & Qt.AlignmentFlag.AlignAbsolute
    view.set_direction("ltr")
    option = view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.LeftToRight
    assert option.alignment() & Qt.AlignmentFlag.AlignLeft


def test_rtl_text_is_drawn_on_the_right(qtbot):
    view, doc = _view(qtbot, "نص عربي قصير")
    image = view.viewport().grab().toImage()
    width = image.width()
    dark = [x for x in range(width) for y in range(4, 30) if image.pixelColor(x, y).lightness() < 100]
    assert dark and min(dark) > width / 2  # the short line hugs the right edge


def test_void_calls_do_not_drop_references_to_none(qtbot):
    # PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and the process later dies
    # ("none_dealloc"); the pin in pyproject.toml avoids it. This catches a wrong version early.
    view, _ = _view(qtbot, TRICKY)
    cursor = QTextCursor(view.document())
    before = sys.getrefcount(None)
    for i in range(10_000):
        cursor.setPosition(i % 10)
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 10,000 void calls"
