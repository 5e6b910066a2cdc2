"""The document list of a big project (#13 part 8): rows read lazily a page at a time, filtered as you type by
title or id (Arabic-normalised), by the words of the text after a pause, sorted by a click on a column title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.jsonl import Record, make_document
from app.ui.doclist import PAGE, DocumentsModel, IdRole

from ui_support import open_window, press, settle, type_text

K = Qt.Key


@pytest.fixture
def big(make_store):
    store = make_store()
    titles = ["أخبار الاقتصاد", "Sports today", "الأخبار العاجلة"]
    store.import_records([Record(make_document(f"نص رقم {i} عن {'الرئيس' if i % 7 == 0 else 'الطقس'}",
                                               id=f"doc{i:04}", meta={"title": f"{titles[i % 3]} {i}"}))
                          for i in range(1000)])
    return store


def test_the_list_reads_only_the_rows_it_shows(qtbot, big):
    win = open_window(qtbot, big, doc="doc0000")
    model = win.documents.model
    assert model.rowCount() == 1000
    settle()
    assert 0 < len(model._cache) <= 2 * PAGE  # the first page(s), not 1,000 rows
    win.documents.table.scrollToBottom()
    settle()
    assert model.index(999, 0).data(IdRole) == "doc0999"
    assert len(model._cache) <= 4 * PAGE


def test_typing_filters_by_folded_title_then_the_text_is_searched(qtbot, big):
    win = open_window(qtbot, big, doc="doc0000")
    docs = win.documents
    docs.filter.setFocus()
    type_text(docs.filter, "اخبار")  # matches أخبار and الأخبار, not Sports
    assert docs.model.rowCount() == 667
    docs.filter.clear()
    type_text(docs.filter, "الرئيس")
    assert docs.model.rowCount() == 0  # no title has it ...
    qtbot.waitUntil(lambda: docs.model.rowCount() == 143, timeout=3000)  # ... but 143 texts do
    assert {docs.model.index(r, 0).data(IdRole) for r in range(3)} == {"doc0000", "doc0007", "doc0014"}
    docs.filter.clear()
    assert docs.model.rowCount() == 1000


def test_a_click_on_a_column_title_sorts_and_the_open_document_stays_selected(qtbot, big):
    win = open_window(qtbot, big, doc="doc0005")
    docs = win.documents
    header = docs.table.horizontalHeader()
    header.setSortIndicator(DocumentsModel.TITLE, Qt.SortOrder.AscendingOrder)
    settle()
    first = [docs.model.index(r, 0).data(IdRole) for r in range(3)]
    assert all(docs.model.summary(r).title.startswith("Sports") for r in range(3)), first
    assert docs.selected_ids() == ["doc0005"]
    # Marking a document done moves it when sorted by status, and its row shows the new status.
    win.open_document("doc0999")
    press(win.view, K.Key_3, Qt.KeyboardModifier.ControlModifier)
    settle()
    header.setSortIndicator(DocumentsModel.STATUS, Qt.SortOrder.DescendingOrder)
    settle()
    assert docs.model.index(0, 0).data(IdRole) == "doc0999"
    assert docs.model.index(0, DocumentsModel.STATUS).data() == "Done"
    assert win.documents.model.progress()["done"] == 1


def test_next_document_follows_the_list_as_shown(qtbot, big):
    win = open_window(qtbot, big, doc="doc0000")
    win.documents.filter.setText("Sports")
    press(win.view, K.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.session.document.id == "doc0001"
    press(win.view, K.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert win.session.document.id == "doc0004"
