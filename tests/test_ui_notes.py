"""Notes in the window (#13 part 3): Ctrl+M writes a note on the selected annotation (or the document), Ctrl+Shift+M
flags it as needing discussion, both undoable; the Notes sidebar lists and filters them and goes to them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.changes import AddSpan, SetLayerNote
from app.core.model import Span
from app.core.notes import with_note
from app.ui.notes import NoteDialog

from ui_support import find, open_window, press

K = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TEXT = "قال الرئيس إن الوضع جيد. وأضاف الوزير أن الأمر مهم."


@pytest.fixture
def win(qtbot, make_store):
    store = make_store({"d1": TEXT, "d2": "وثيقة ثانية قصيرة."})
    quote = Span.of(TEXT, "QUOTE", *find(TEXT, "إن الوضع جيد"), id="q1", attrs={"type": "indirect"})
    store.apply(AddSpan("d1", "amal", quote))
    other = with_note(Span.of(TEXT, "QUOTE", *find(TEXT, "أن الأمر مهم"), id="q2", attrs={"type": "indirect"}),
                      "is this a quote?", True)
    store.apply(AddSpan("d1", "sara", other))
    store.apply(SetLayerNote("d2", "sara", ("", False), ("nothing to annotate", False)))
    return open_window(qtbot, store, doc="d1")


def test_ctrl_m_writes_a_note_on_the_selected_annotation_and_ctrl_z_takes_it_back(win, monkeypatch, qtbot):
    asked = []
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, parent, subject, text, discuss:
                                                        asked.append((subject, text, discuss)) or
                                                        ("حدود الاقتباس؟", True)))
    win.session.select("q1")
    press(win.view, K.Key_M, CTRL)
    assert asked and asked[0][1:] == ("", False) and "إن الوضع جيد" in asked[0][0]
    stored = win.session.store.layer("d1", "amal").spans["q1"]
    assert stored.attrs == {"type": "indirect", "note": "حدود الاقتباس؟", "discuss": True}
    win.notes.show()
    win.notes.raise_()  # the sidebar follows the edits while it is shown
    qtbot.waitUntil(lambda: [e.text for e in win.notes.model.entries if e.annotator == "amal"] == ["حدود الاقتباس؟"])
    press(win.view, K.Key_Z, CTRL)
    assert win.session.store.layer("d1", "amal").spans["q1"].attrs == {"type": "indirect"}


def test_ctrl_shift_m_flags_the_selection_or_the_document(win):
    win.session.select("q1")
    press(win.view, K.Key_M, CTRL | SHIFT)
    assert win.session.store.layer("d1", "amal").spans["q1"].attrs.get("discuss") is True
    press(win.view, K.Key_M, CTRL | SHIFT)
    assert "discuss" not in win.session.store.layer("d1", "amal").spans["q1"].attrs
    win.session.select(None)
    press(win.view, K.Key_M, CTRL | SHIFT)
    assert win.session.store.layer("d1", "amal").discuss is True
    assert "Note on the document" in win.session.undo_stack.undoText() or win.session.undo_stack.canUndo()


def test_the_document_note_is_written_from_the_document_menu(win, monkeypatch):
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a: ("second paragraph unclear", False)))
    win.notes_hook.actions["document_note"].trigger()
    assert win.session.store.layer("d1", "amal").note == "second paragraph unclear"
    win.notes.refresh()
    assert "second paragraph unclear" in win.notes.document_note.text()


def test_the_notes_sidebar_filters_by_scope_flag_and_words_and_goes_there(win, qtbot):
    notes = win.notes
    notes.show()
    notes.refresh()
    assert [(e.doc_id, e.annotator) for e in notes.model.entries] == [("d1", "sara")]  # this document
    notes.scope.setCurrentIndex(notes.scope.findData("project"))
    assert [(e.doc_id, e.annotator) for e in notes.model.entries] == [("d1", "sara"), ("d2", "sara")]
    notes.discuss_only.setChecked(True)
    assert [e.text for e in notes.model.entries] == ["is this a quote?"]
    assert notes.model.index(0, notes.model.FLAG).data() == "⚑"
    notes.discuss_only.setChecked(False)
    notes.filter.setText("annotate")
    assert [e.doc_id for e in notes.model.entries] == ["d2"]
    notes.filter.clear()
    # Another annotator's note: its words are selected in the article.
    notes.go_to(0)
    assert win.view.selection() == find(TEXT, "أن الأمر مهم")
    notes.go_to(1)
    assert win.session.document.id == "d2"
    assert not notes.edit_selected.isEnabled()  # others' notes are theirs
