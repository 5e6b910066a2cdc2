"""The real window driven by keys and clicks: labelling, edges over tashkeel and emoji, speakers, undo/redo,
status, persistence across a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from app.ui.dialogs import MergeDialog, SpeakerPick, SpeakerPicker
from app.ui.render import darker, paler
from ui_support import find, label, open_window, press, settle, type_text

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

TEXT = ("أكد المبعوث الروسي ألكسندر لافرينتيف، أن سحب القوات سيتبعه انسحاب.\n"
        "وأضاف لافرينتيف: “إذا تم انسحاب القوات فسيتبعه انسحاب هذه القوات”.\n"
        "وقال الوزير يوم 18 كانون الثاني إن الأمر مهم.")


@pytest.fixture
def win(qtbot, make_store):
    store = make_store({"d1": TEXT, "d2": "وثيقة ثانية قصيرة."})
    return open_window(qtbot, store, doc="d1")


def _background_at(view, pos: int) -> QColor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(pos) + 1)
    return cursor.charFormat().background().color()


def _stored(win):
    return win.session.store.layer("d1", "amal")


def test_pressing_q_on_a_selection_labels_highlights_and_commits(win):
    start, end = find(TEXT, "أن سحب القوات سيتبعه انسحاب")
    label(win, start, end, K.Key_Q)
    spans = list(_stored(win).spans.values())
    assert [(s.label, s.start, s.end, s.text) for s in spans] == [("QUOTE", start, end, TEXT[start:end])]
    assert spans[0].attrs == {"type": "indirect"}
    # In its label's colour, and, being selected, drawn darker over it (its formats stay as they are).
    assert _background_at(win.view, start).name() == paler("#7fb3f5", 0.25)
    (tint,) = win.view.extraSelections()
    assert tint.format.background().color().name() == darker(paler("#7fb3f5", 0.25), 0.22)
    assert (tint.cursor.selectionStart(), tint.cursor.selectionEnd()) == (start, end)
    assert win.quotes.model.rowCount() == 1
    assert win.session.selected == spans[0].id == win.session.record
    assert "QUOTE" not in win.selection_bar.text() and TEXT[start:end] in win.selection_bar.text()
    assert _stored(win).status == "in_progress"
    win.view.select_span(None, None)
    assert not win.view.extraSelections()


def test_label_without_a_selection_takes_the_word_at_the_cursor(win):
    start, end = find(TEXT, "الوزير")
    win.view.select_text(start + 2, start + 2)
    win.session.select(None)
    press(win.view, K.Key_S)
    (span,) = _stored(win).spans.values()
    assert (span.label, span.start, span.end) == ("SPEAKER", start, end)


def test_speaker_cue_and_date_link_to_the_current_quote(win):
    q = find(TEXT, "“إذا تم انسحاب القوات فسيتبعه انسحاب هذه القوات”")
    label(win, *q, K.Key_Q)
    label(win, *find(TEXT, "لافرينتيف", 1), K.Key_S)
    label(win, *find(TEXT, "وأضاف"), K.Key_K)
    layer = _stored(win)
    quote = next(s for s in layer.spans.values() if s.label == "QUOTE")
    assert quote.attrs["type"] == "direct"
    assert [s.text for s in layer.linked(quote.id, "SAID_BY")] == ["لافرينتيف"]
    assert [s.text for s in layer.linked(quote.id, "CUE")] == ["وأضاف"]
    assert win.quotes.model.index(0, 2).data() == "\u2068لافرينتيف\u2069"
    # The second mention of the same name joins the same registry speaker.
    label(win, *find(TEXT, "لافرينتيف", 0), K.Key_S)
    entities = {s.entity for s in _stored(win).spans.values() if s.label == "SPEAKER"}
    assert len(entities) == 1 and len(win.session.store.entities()) == 1


def test_quotes_missing_a_speaker_are_flagged(win):
    label(win, *find(TEXT, "أن سحب القوات سيتبعه انسحاب"), K.Key_Q)
    assert "⚠" in win.quotes.model.index(0, 2).data()
    assert "1" in win.quotes.missing.text()


def test_clicking_a_quote_row_selects_the_span_and_selecting_a_span_selects_the_row(win):
    label(win, *find(TEXT, "أن سحب القوات سيتبعه انسحاب"), K.Key_Q)
    label(win, *find(TEXT, "إن الأمر مهم"), K.Key_Q)
    first, second = sorted(_stored(win).spans.values(), key=lambda s: s.start)
    win.quotes.table.clicked.emit(win.quotes.model.index(0, 1))
    assert win.session.selected == first.id and win.view.selected == ("amal", first.id)
    win.session.select(second.id)
    assert win.quotes.table.currentIndex().row() == 1


def test_clicking_nested_spans_selects_inner_then_outer(win):
    q = find(TEXT, "أن سحب القوات سيتبعه انسحاب")
    c = find(TEXT, "سحب القوات")
    label(win, *q, K.Key_Q)
    label(win, *c, K.Key_C)
    spans = {s.label: s.id for s in _stored(win).spans.values()}
    win.view.click_at(c[0] + 1)
    assert win.session.selected == spans["CLAIM"]
    win.view.click_at(c[0] + 1)
    assert win.session.selected == spans["QUOTE"]


EDGE_TEXT = "قالَ كَتَبَ 👩‍👩‍👧 هنا"


@pytest.fixture
def edge_win(qtbot, make_store):
    return open_window(qtbot, make_store({"e": EDGE_TEXT}), doc="e")


def test_edges_move_by_whole_letters_over_tashkeel(edge_win):
    win = edge_win
    start, end = find(EDGE_TEXT, "كَتَبَ")
    label(win, start, end, K.Key_K)
    (span_id,) = _stored_e(win).spans
    # Right-to-left text: Alt+Right moves the end edge right, i.e. back in logical order: one letter with its
    # fatha (two code points), never the mark alone.
    press(win.view, K.Key_Right, ALT)
    assert _range(win, span_id) == (start, end - 2)
    press(win.view, K.Key_Left, ALT)
    assert _range(win, span_id) == (start, end)
    press(win.view, K.Key_Left, ALT | SHIFT)  # start edge left = forward: drops "كَ"
    assert _range(win, span_id) == (start + 2, end)
    for s in _stored_e(win).spans.values():
        assert s.text == EDGE_TEXT[s.start:s.end]


def test_edges_take_an_emoji_family_as_one_character(edge_win):
    win = edge_win
    start, end = find(EDGE_TEXT, "كَتَبَ")
    label(win, start, end, K.Key_K)
    (span_id,) = _stored_e(win).spans
    press(win.view, K.Key_Left, ALT)  # the space
    press(win.view, K.Key_Left, ALT)  # the whole family emoji (5 code points, 8 UTF-16 units)
    emoji = "👩‍👩‍👧"
    assert _range(win, span_id) == (start, end + 1 + len(emoji))
    span = _stored_e(win).spans[span_id]
    assert span.text.endswith(emoji)
    # Undo takes back both moves at once (consecutive edge moves are one step).
    press(win.view, K.Key_Z, CTRL)
    assert _range(win, span_id) == (start, end)


def test_a_selection_inside_a_cluster_is_widened_to_whole_characters(edge_win):
    win = edge_win
    start, _ = find(EDGE_TEXT, "كَتَبَ")
    # From the middle of "كَ" (between the kaf and its fatha) to the middle of the emoji's surrogate pair.
    label(win, start + 1, EDGE_TEXT.index("👩") + 1, K.Key_D)
    (span,) = _stored_e(win).spans.values()
    assert (span.start, span.end) == (start, EDGE_TEXT.index("👩") + len("👩‍👩‍👧"))


def _stored_e(win):
    return win.session.store.layer("e", "amal")


def _range(win, span_id):
    span = _stored_e(win).spans[span_id]
    assert win.session.layer.spans[span_id] == span
    return span.start, span.end


def test_choose_speaker_by_alias_and_merge_two_speakers(win, monkeypatch):
    label(win, *find(TEXT, "“إذا تم انسحاب القوات فسيتبعه انسحاب هذه القوات”"), K.Key_Q)
    label(win, *find(TEXT, "لافرينتيف", 1), K.Key_S)
    label(win, *find(TEXT, "إن الأمر مهم"), K.Key_Q)
    label(win, *find(TEXT, "الوزير"), K.Key_S)
    registry = win.session.store.entities()
    assert len(registry) == 2
    lav = next(e for e in registry.values() if e.name == "لافرينتيف")
    minister = next(e for e in registry.values() if e.name == "الوزير")
    # The picker is driven by typing an alias; its answer goes through the seam.
    monkeypatch.setattr(SpeakerPicker, "ask", classmethod(lambda cls, *a, **k: SpeakerPick(new_name="وزير الخارجية")))
    press(win.view, K.Key_E)
    settle()
    speaker = next(s for s in _stored(win).spans.values() if s.text == "الوزير")
    named = win.session.store.entity(speaker.entity)
    assert named.name == "وزير الخارجية"
    # Merge the new speaker into Lavrentiev: every mention follows, names become aliases, one undo step.
    win.speakers.select_ids([lav.id, named.id])
    monkeypatch.setattr(MergeDialog, "ask", classmethod(lambda cls, parent, entities, counts: (lav, [named])))
    win.speakers.merge.click()
    settle()
    stored = _stored(win)
    assert {s.entity for s in stored.spans.values() if s.label == "SPEAKER"} == {lav.id}
    assert "وزير الخارجية" in win.session.store.entity(lav.id).aliases
    assert named.id not in win.session.store.entities()
    assert win.speakers.model.rowCount() == 2  # lav and the orphaned "الوزير" registry entry
    press(win.view, K.Key_Z, CTRL)
    assert named.id in win.session.store.entities()
    assert minister.id in win.session.store.entities()


def test_speaker_filter_accepts_arabic_typing_without_triggering_label_keys(win):
    label(win, *find(TEXT, "لافرينتيف", 1), K.Key_S)
    label(win, *find(TEXT, "الوزير"), K.Key_S)
    win.speakers.filter.setFocus()
    type_text(win.speakers.filter, "لافر")
    assert win.speakers.filter.text() == "لافر"
    assert win.speakers.proxy.rowCount() == 1
    # Typing into a field never labels anything (the field takes printable keys before the shortcuts).
    before = len(_stored(win).spans)
    press(win.speakers.filter, K.Key_Q)
    assert len(_stored(win).spans) == before


def test_date_value_typed_in_the_dates_sidebar(win):
    label(win, *find(TEXT, "إن الأمر مهم"), K.Key_Q)
    label(win, *find(TEXT, "18 كانون الثاني"), K.Key_D)
    model = win.dates.model
    assert model.setData(model.index(0, 1), "2024-01-18")
    date = next(s for s in _stored(win).spans.values() if s.label == "DATE")
    assert date.attrs == {"value": "2024-01-18"}
    assert not model.setData(model.index(0, 1), "18 January")
    assert "is not a date value" in win.message.text()
    assert "إن الأمر مهم" in model.index(0, 2).data()


@pytest.mark.parametrize("key", [K.Key_Q, K.Key_Delete, K.Key_T, K.Key_Right, "status", "link"])
def test_undo_and_redo_with_the_keyboard(win, key):
    q = find(TEXT, "إن الأمر مهم")
    label(win, *q, K.Key_Q)
    label(win, *find(TEXT, "الوزير"), K.Key_S)
    win.session.select(next(s.id for s in win.session.layer.spans.values() if s.label == "QUOTE"))
    before = _stored(win)
    if key == "status":
        press(win.view, K.Key_3, CTRL)
    elif key == "link":
        win.controller.link_part(win.session.record, None, "SAID_BY")
    elif key == K.Key_Right:
        press(win.view, key, ALT)
    elif key == K.Key_Q:
        label(win, *find(TEXT, "كانون"), K.Key_D)
    else:
        press(win.view, key)
    after = _stored(win)
    assert after != before
    press(win.view, K.Key_Z, CTRL)
    assert _stored(win) == before and win.session.layer == before
    press(win.view, K.Key_Z, CTRL | SHIFT)
    assert _stored(win) == after and win.session.layer == after


def test_status_changes_show_in_the_list_and_the_status_bar(win):
    press(win.view, K.Key_3, CTRL)
    settle()
    assert _stored(win).status == "done"
    row = win.documents.model.row_of("d1")
    assert win.documents.model.index(row, 1).data() == "Done"
    assert "1 of 2 done" in win.progress.text()
    press(win.view, K.Key_PageDown, CTRL)
    assert win.session.document.id == "d2"
    press(win.view, K.Key_PageUp, CTRL)
    assert win.session.document.id == "d1"


def test_annotations_persist_across_a_restart(qtbot, make_store, tmp_path):
    store = make_store({"d1": TEXT})
    win = open_window(qtbot, store, doc="d1")
    label(win, *find(TEXT, "إن الأمر مهم"), K.Key_Q)
    label(win, *find(TEXT, "الوزير"), K.Key_S)
    expected = win.session.store.layer("d1", "amal")
    win.close()
    store.close()
    from app.store import Store

    again = Store.open(tmp_path / "project.db")
    try:
        win2 = open_window(qtbot, again)  # reopens the last document from the settings
        assert win2.session.document.id == "d1"
        assert win2.session.layer == expected
        assert len(win2.view.index) == 2 and win2.quotes.model.rowCount() == 1
    finally:
        win2.close()
        again.close()


def test_title_bar_shows_the_annotator_and_layout_is_remembered(qtbot, make_store):
    store = make_store({"d1": TEXT})
    win = open_window(qtbot, store, doc="d1")
    assert win.windowTitle().endswith("— amal")
    win.zoom(3)
    size = win.view.font().pointSizeF()
    win.dates.raise_()
    win.close()
    win2 = open_window(qtbot, store)
    assert win2.view.font().pointSizeF() == size


def test_rename_a_speaker_in_place_and_jump_to_its_mentions(win):
    label(win, *find(TEXT, "لافرينتيف", 0), K.Key_S)
    label(win, *find(TEXT, "الوزير"), K.Key_S)
    label(win, *find(TEXT, "لافرينتيف", 1), K.Key_S)
    lav_id = win.session.layer.spans[win.session.selected].entity
    model = win.speakers.model
    row = model.row_of(lav_id)
    assert model.setData(model.index(row, model.NAME), "ألكسندر لافرينتيف")
    settle()
    entity = win.session.store.entity(lav_id)
    assert entity.name == "ألكسندر لافرينتيف" and entity.aliases == ()  # a rename is not an alias
    assert model.index(row, model.MENTIONS).data() == 2
    win.session.select(None)
    win.speakers.select_ids([lav_id])
    win.speakers.jump.click()
    first = win.session.layer.spans[win.session.selected]
    win.speakers.jump.click()
    second = win.session.layer.spans[win.session.selected]
    assert (first.text, second.text) == ("لافرينتيف", "لافرينتيف") and first.start < second.start


def test_the_document_list_filters_by_title_and_searches_the_text(win, qtbot):
    win.documents.filter.setText("d2")
    assert win.documents.proxy.rowCount() == 1
    win.documents.filter.setText("كانون")  # a word of d1's text, not of any title
    qtbot.waitUntil(lambda: win.documents.proxy.rowCount() == 1, timeout=3000)
    assert win.documents.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1) == "d1"


def test_the_text_direction_can_be_switched_and_is_kept(win):
    press(win.view, K.Key_X, CTRL | SHIFT)
    assert win.session.document.direction == "ltr"
    assert win.session.store.document("d1").direction == "ltr"
    assert win.view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
    press(win.view, K.Key_X, CTRL | SHIFT)
    assert win.session.store.document("d1").direction == "rtl"


def test_remapped_label_keys_are_saved(win, qtbot, make_store):
    win.registry.set_shortcut("label:QUOTE", "J")  # a key nothing else uses (W is check-worthiness)
    label(win, *find(TEXT, "إن الأمر مهم"), K.Key_J)
    assert [s.label for s in _stored(win).spans.values()] == ["QUOTE"]
    again = open_window(qtbot, make_store({"x": "نص."}, name="other.db"))
    assert again.registry.shortcut("label:QUOTE") == "J"
    assert again.registry.conflicts() == {}


def test_review_and_suggestion_keys_share_n_but_never_both_live(qtbot, make_store):
    """N is next suggestion while annotating and next difference in review mode: one is disabled at a time."""
    from tests.ui_support import open_window

    win = open_window(qtbot, make_store({"d1": "قال الوزير إن الأمر مهم."}))
    reg = win.registry
    assert reg.shortcut("suggestion:next") == reg.shortcut("review_next") == "N"
    assert reg.conflicts() == {}
    assert reg["suggestion:next"].isEnabled() and not reg["review_next"].isEnabled()
    win.review.set_active(True)
    assert not reg["suggestion:next"].isEnabled() and reg["review_next"].isEnabled()
    win.review.set_active(False)
    assert reg["suggestion:next"].isEnabled() and not reg["review_next"].isEnabled()
