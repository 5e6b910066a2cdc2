"""Find in the article and search in the documents (#13 part 1): Ctrl+F highlights every match, Enter / Shift+Enter
and F3 go through them, Arabic-aware on request with exact offsets; Ctrl+Shift+F searches every document, lists
where with context, and a click opens the document at the hit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.jsonl import Record, make_document

from ui_support import open_window, press, settle, type_text

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
# An emoji first (two UTF-16 units: every later Qt position is one more than the code point), harakat, tatweel.
TEXT = ("🙂 قالَ الرئيسُ إنّ الوضع جيد.\nوأضاف الرئيـس أن أحمد سيصل. ثم قال الرئيس كلمته، وقال احمد شيئاً آخر.")


@pytest.fixture
def win(qtbot, make_store):
    store = make_store({"d1": TEXT, "d2": "وثيقة ثانية عن الطقس.", "d3": "صرّح للرئيس الفرنسي بأن الاقتصاد بخير."})
    return open_window(qtbot, store, doc="d1")


def _found(win) -> list[str]:
    return [TEXT[a:b] for a, b in win.find.bar.matches]


def test_ctrl_f_highlights_every_match_and_enter_goes_through_them(win):
    press(win.view, K.Key_F, CTRL)
    bar = win.find.bar
    assert bar.isVisible() and bar.query.hasFocus()
    type_text(bar.query, "الرئيس")
    assert _found(win) == ["الرئيسُ", "الرئيـس", "الرئيس"]  # harakat and tatweel ignored (on by default)
    assert bar.count.text() == "1 of 3"
    assert win.view.selection() == bar.matches[0]  # exactly the match, its damma included
    extra = win.view.extraSelections()
    assert len(extra) == 3
    assert [s.cursor.selectedText() for s in extra] == ["الرئيسُ", "الرئيـس", "الرئيس"]  # UTF-16 mapped exactly
    press(bar.query, K.Key_Return)
    assert win.view.selection() == bar.matches[1] and bar.count.text() == "2 of 3"
    press(bar.query, K.Key_Return)
    press(bar.query, K.Key_Return)  # round the end
    assert bar.current == 0
    press(bar.query, K.Key_Return, SHIFT)
    assert bar.current == 2
    press(win.view, K.Key_F3)
    assert bar.current == 0
    press(win.view, K.Key_F3, SHIFT)
    assert bar.current == 2


def test_what_is_ignored_is_chosen_and_offsets_stay_exact(win):
    press(win.view, K.Key_F, CTRL)
    bar = win.find.bar
    type_text(bar.query, "احمد")
    assert _found(win) == ["أحمد", "احمد"]
    bar.letters.setChecked(False)
    assert _found(win) == ["احمد"]
    bar.query.setText("الرئيس")
    bar.marks.setChecked(False)
    assert _found(win) == ["الرئيسُ", "الرئيس"]  # not الرئيـس; a match keeps its last letter's damma
    assert bar.count.text().endswith("of 2")  # staying near where the bar was
    bar.query.setText("غير موجود")
    assert bar.count.text() == "No match" and win.view.extraSelections() == []


def test_esc_closes_the_bar_and_the_match_stays_selected_for_a_label_key(win):
    press(win.view, K.Key_F, CTRL)
    bar = win.find.bar
    type_text(bar.query, "الوضع جيد")
    match = bar.matches[0]
    press(bar.query, K.Key_Escape)
    assert not bar.isVisible() and win.view.extraSelections() == []
    assert win.view.selection() == match
    press(win.view, K.Key_Q)
    quote = next(iter(win.session.store.layer("d1", "amal").spans.values()))
    assert (quote.start, quote.end, quote.text) == (*match, "الوضع جيد")


def test_ctrl_f_starts_from_the_selected_words(win):
    start = TEXT.index("أحمد")
    win.view.select_text(start, start + 4)
    press(win.view, K.Key_F, CTRL)
    assert win.find.bar.query.text() == "أحمد"
    assert _found(win) == ["أحمد", "احمد"]


def test_the_bar_follows_the_open_document(win):
    press(win.view, K.Key_F, CTRL)
    type_text(win.find.bar.query, "الرئيس")
    win.open_document("d3")
    assert win.find.bar.matches == []  # للرئيس: the substring الرئيس is not there (the search of documents finds it)
    win.find.bar.query.setText("رئيس")
    assert len(win.find.bar.matches) == 1


def test_ctrl_l_goes_to_the_document_list_filter(win):
    press(win.view, K.Key_L, CTRL)
    assert win.documents.filter.hasFocus()


def test_search_in_the_documents_lists_each_with_context_and_opens_at_the_hit(win, qtbot):
    press(win.view, K.Key_F, CTRL | SHIFT)
    dock = win.search.dock
    assert dock.isVisible() and dock.query.hasFocus()
    type_text(dock.query, "الرئيس")
    dock.run()
    model = dock.model
    assert sorted(model.doc_id(r) for r in range(model.rowCount())) == ["d1", "d3"]  # للرئيس in d3
    row = next(r for r in range(model.rowCount()) if model.doc_id(r) == "d3")
    html, direction = model.snippet_html(row)
    assert "<b>للرئيس</b>" in html and direction == "rtl"
    assert model.index(row, model.HITS).data() == 1
    d1 = next(r for r in range(model.rowCount()) if model.doc_id(r) == "d1")
    assert model.index(d1, model.HITS).data() == 3
    dock.table.clicked.emit(model.index(row, model.CONTEXT))
    assert win.session.document.id == "d3"
    text = win.session.document.text
    start, end = win.view.selection()
    assert text[start:end] in ("للرئيس", "رئيس")
    assert win.find.bar.isVisible() and win.find.bar.query.text() == "رئيس"
    assert "documents, the most relevant first" in dock.summary.text()


def test_a_search_that_finds_nothing_says_so(win):
    dock = win.search.dock
    dock.open_search("كلمة غائبة")
    dock.run()
    assert dock.model.rowCount() == 0 and "No document" in dock.summary.text()


def test_search_results_pass_the_model_tester(win, qtmodeltester, make_store):
    store = win.session.store
    store.import_records([Record(make_document(f"قال الوزير رقم {i}", id=f"x{i}")) for i in range(200)])
    dock = win.search.dock
    dock.model.search("الوزير")
    qtmodeltester.check(dock.model, force_py=True)
    assert dock.model.rowCount() == 200
    settle()


def test_a_document_opened_after_a_selection_inside_a_span_is_not_painted_in_its_colour(qtbot, make_store):
    """Regression: Qt gives new text the format at the cursor; opening the next document after selecting words in
    an annotated stretch (a find match, a click) painted the whole next document in that span's colour."""
    from PySide6.QtGui import QTextCursor

    from app.core.changes import AddSpan
    from app.core.model import Span

    text = "قال الرئيس إن الوضع جيد"
    store = make_store({"d1": text, "d2": "نص آخر تماماً"})
    store.apply(AddSpan("d1", "amal", Span.of(text, "QUOTE", 4, 20, attrs={"type": "indirect"})))
    win = open_window(qtbot, store, doc="d1")
    win.view.select_text(6, 9)
    win.open_document("d2")
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(2)
    assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
