"""The labelling loop through the real window (#12), driven by mouse drags, clicks and keys: clean spans, the
current record, messages that mean something, the date dialog, the quote type, the document list and the selection
bar. Suggestions merging, the registry, frames and the interface language are in test_ui_registry.py and
test_ui_drawing.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.sources import read_sources
from app.ui import dialogs
from ui_seed_script import SEED
from ui_support import drag, find, label, open_window, press, settle

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def seed(qtbot, make_store):
    store = make_store()
    store.import_records(read_sources([SEED]))
    win = open_window(qtbot, store)
    return win


def _mine(win):
    return win.session.store.layer(win.session.document.id, "amal")


def _by_text(win, text: str, label: str | None = None):
    return next(s for s in _mine(win).spans.values() if s.text == text and (label is None or s.label == label))


def _key_with_drag(win, loose: str, key, occurrence: int = 0):
    """Select ``loose`` (as imprecise as a hand's drag), then press a label key."""
    text = win.session.document.text
    start, end = find(text, loose, occurrence)
    win.session.select(None)
    win.view.setFocus()
    win.view.select_text(start, end)
    press(win.view, key)
    settle()


# --- 1. spans come out clean ---------------------------------------------------------------------------------

def test_a_loose_drag_gives_the_words_it_mostly_covers(seed):
    _key_with_drag(seed, "ا ألكسندر لاف", K.Key_S)
    assert _mine(seed).spans[seed.session.selected].text == "ألكسندر"


def test_trailing_punctuation_is_left_out_and_the_registry_name_is_trimmed(seed):
    _key_with_drag(seed, "محمد شياع السوداني،", K.Key_S)
    span = _mine(seed).spans[seed.session.selected]
    assert span.text == "محمد شياع السوداني"
    assert seed.session.store.entity(span.entity).name == "محمد شياع السوداني"


def test_a_direct_quote_starts_after_its_mark_and_is_typed_direct(seed):
    _key_with_drag(seed, ": “فيما يعاود الأمريكي استهدافه لقواتنا، شرع مجاهدونا بالمرحلة الثانية من عملياتهم”،",
                   K.Key_Q)
    quote = _mine(seed).spans[seed.session.selected]
    assert quote.text == "فيما يعاود الأمريكي استهدافه لقواتنا، شرع مجاهدونا بالمرحلة الثانية من عملياتهم"
    assert quote.attrs["type"] == "direct"


def test_double_click_after_a_quotation_mark_selects_the_word_alone(seed):
    text = seed.session.document.text
    start, end = find(text, "“بعد")
    from ui_support import point_at

    middle = point_at(seed.view, start + 2)
    QTest.mouseDClick(seed.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert seed.view.selection() == (start + 1, end)


def test_alt_drag_keeps_the_exact_characters_but_the_registry_name_stays_clean(seed):
    text = seed.session.document.text
    start, end = find(text, "محمد شياع السوداني،")
    drag(seed.view, start + 2, end, ALT)  # a real mouse drag with Alt held, from inside the first word
    selected = seed.view.selection()
    assert seed.view.exact_selection and selected[1] - selected[0] > 10
    press(seed.view, K.Key_S)
    span = _mine(seed).spans[seed.session.selected]
    assert (span.start, span.end) == selected  # exactly the characters dragged over
    name = seed.session.store.entity(span.entity).name
    assert name == name.strip(" ،") and "،" not in name


def test_snapping_can_be_turned_off_in_the_view_menu_and_stays_off(seed, qtbot, make_store):
    from app.ui.actions import ActionId

    seed.registry[ActionId.SNAP].trigger()
    _key_with_drag(seed, "ا ألكسندر لاف", K.Key_S)
    assert _mine(seed).spans[seed.session.selected].text == "ا ألكسندر لاف"
    assert str(seed.settings.value("edit/snap")) == "false"


def test_the_selection_bar_says_what_a_label_key_would_take(seed):
    text = seed.session.document.text
    start, end = find(text, "محمد شياع السوداني،")
    seed.view.select_text(start, end)
    settle()
    assert "محمد شياع السوداني⁩" in seed.selection_bar.full and f"{start}–{end - 1}" in seed.selection_bar.full


def test_the_proclitic_key_leaves_out_the_waw_of_a_cue_and_puts_it_back(seed):
    _key_with_drag(seed, "وأضاف", K.Key_K)
    cue = seed.session.selected
    press(seed.view, K.Key_P)
    assert _mine(seed).spans[cue].text == "أضاف"
    assert "أضاف" in seed.message.text()
    press(seed.view, K.Key_P)
    assert _mine(seed).spans[cue].text == "وأضاف"


def test_alt_arrows_still_move_an_edge_by_one_character(seed):
    _key_with_drag(seed, "محمد شياع السوداني", K.Key_S)
    press(seed.view, K.Key_Left, ALT)  # right-to-left text: left is forward, the end takes the comma
    assert _mine(seed).spans[seed.session.selected].text == "محمد شياع السوداني،"


# --- 2. the current record -------------------------------------------------------------------------------------

def test_parts_labelled_before_their_quote_are_linked_when_it_is_made(seed):
    # The natural reading order: the verb, who, then what was said.
    _key_with_drag(seed, "أكد", K.Key_K)
    _key_with_drag(seed, "المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف،", K.Key_S)
    assert "not linked yet" in seed.message.text()
    _key_with_drag(seed, "أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا.", K.Key_Q)
    layer = _mine(seed)
    quote = layer.spans[seed.session.selected]
    assert [s.text for s in layer.linked(quote.id, "SAID_BY")] == ["المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف"]
    assert [s.text for s in layer.linked(quote.id, "CUE")] == ["أكد"]
    assert "linked" in seed.message.text() and "أكد" in seed.message.text()


def test_a_part_in_another_paragraph_is_not_linked_silently_and_l_says_what_it_linked(seed):
    _key_with_drag(seed, "أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا", K.Key_Q)
    quote = seed.session.record
    _key_with_drag(seed, "السلطات العراقية", K.Key_S)
    speaker = seed.session.selected
    assert not _mine(seed).linked(quote, "SAID_BY")
    assert "not linked" in seed.message.text() and "another sentence" in seed.message.text()
    press(seed.view, K.Key_L)
    assert [s.id for s in _mine(seed).linked(quote, "SAID_BY")] == [speaker]
    assert seed.message.text().startswith("Linked speaker") and "السلطات العراقية" in seed.message.text()


def test_the_current_record_is_marked_in_the_text_and_its_row_selected(seed):
    _key_with_drag(seed, "أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا", K.Key_Q)
    first = seed.session.record
    _key_with_drag(seed, "أنه سيكون من المستحيل", K.Key_Q)
    second = seed.session.record
    _key_with_drag(seed, "لافرينتيف", K.Key_S, occurrence=1)  # a part: the record stays the current one
    settle()
    table = seed.quotes.table
    assert seed.view.record == ("amal", second)
    (row,) = [i.row() for i in table.selectionModel().selectedRows()]
    assert seed.quotes.model.key_at(row) == ("amal", second)
    assert table.model().index(row, 0).data().startswith("▶")
    assert table.model().index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    # Undo (the speaker, then the second quote) brings the first quote back as the current record; redo restores.
    press(seed.view, K.Key_Z, CTRL)
    press(seed.view, K.Key_Z, CTRL)
    settle()
    assert seed.session.record == first and seed.view.record == ("amal", first)
    (row,) = [i.row() for i in table.selectionModel().selectedRows()]
    assert seed.quotes.model.key_at(row) == ("amal", first)
    press(seed.view, K.Key_Z, CTRL | SHIFT)
    assert seed.session.record == second


# --- 6. the date value ------------------------------------------------------------------------------------------

def test_the_date_dialog_is_prefilled_by_the_date_engine_with_the_article_date(seed, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs.DateValueDialog, "ask",
                        classmethod(lambda cls, parent, mention, value, date: asked.append((mention, value, date))
                                    or value))
    _key_with_drag(seed, "18 كانون الثاني الجاري،", K.Key_D)
    press(seed.view, K.Key_V)
    assert asked == [("18 كانون الثاني الجاري", "2024-01-18", seed.session.document.date)]
    assert _mine(seed).spans[seed.session.selected].attrs["value"] == "2024-01-18"


def test_the_date_dialog_refuses_an_invalid_value_inline_and_shows_examples_left_to_right(qtbot):
    from ui_support import type_text

    dialog = dialogs.DateValueDialog(None, "18 كانون الثاني", "2024-01-18", "2024-01-25")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled() and not dialog.problem.text()
    dialog.edit.selectAll()
    type_text(dialog.edit, "18-01-2024")
    assert not ok.isEnabled() and "18-01-2024" in dialog.problem.text()
    QTest.keyClick(dialog.edit, K.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.isVisible() is False or dialog.result() == 0
    dialog.edit.selectAll()
    type_text(dialog.edit, "XXXX-01-18")
    assert ok.isEnabled()
    labels = " ".join(w.text() for w in dialog.findChildren(type(dialog.problem)))
    assert "\u20662024-01-18\u2069" in labels  # isolated left to right: never shown as 18-01-2024


# --- 7. the quote type ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("loose, expected", [
    ("أن الحكومة العراقية ستدخل بحوار لترتيب جدول لانتهاء مهام “التحالف الدولي” في العراق", "indirect"),
    ("“هذا الأمر مطلب شعبي رسمي، وجادون به”", "direct"),
    ("أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا", "indirect"),
])
def test_q_guesses_the_type_by_the_engines_rules(seed, loose, expected):
    _key_with_drag(seed, loose, K.Key_Q)
    assert _mine(seed).spans[seed.session.selected].attrs["type"] == expected


# --- 9. messages -----------------------------------------------------------------------------------------------

def test_undo_and_redo_say_what_they_undid_and_stale_words_go(seed):
    _key_with_drag(seed, "السلطات العراقية", K.Key_S)
    press(seed.view, K.Key_Z, CTRL)
    assert seed.message.text().startswith("Undone: Add Speaker") and "السلطات العراقية" in seed.message.text()
    press(seed.view, K.Key_Z, CTRL | SHIFT)
    assert seed.message.text().startswith("Redone: Add Speaker")
    # A click in the article starts something new: the old words go.
    from ui_support import point_at

    QTest.mouseClick(seed.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point_at(seed.view, 5))
    assert seed.message.text() == ""


def test_delete_confirms_in_the_status_bar(seed):
    _key_with_drag(seed, "السلطات العراقية", K.Key_S)
    press(seed.view, K.Key_Delete)
    assert seed.message.text().startswith("Deleted Speaker") and "Ctrl+Z" in seed.message.text()


def test_undo_history_entries_keep_arabic_names_in_their_order(seed):
    _key_with_drag(seed, "محمد شياع السوداني", K.Key_S)
    entry = seed.session.undo_stack.text(seed.session.undo_stack.count() - 1)
    assert entry == "Add Speaker “\u2068محمد شياع السوداني\u2069”"


# --- 10. the document list and long selections ---------------------------------------------------------------

def test_the_document_titles_are_readable_at_the_default_width(seed, qtbot):
    seed.resize(1360, 860)
    qtbot.waitUntil(lambda: seed.documents.width() > 250, timeout=3000)
    table = seed.documents.table
    title = table.columnWidth(seed.documents.model.TITLE)
    assert title >= 170 and title >= 0.6 * table.viewport().width()


def test_a_long_selection_does_not_push_the_layout(seed):
    seed.resize(1360, 860)
    settle()
    before = (seed.view.height(), seed.selection_bar.height(), seed.quotes.width())
    seed.view.select_text(0, len(seed.session.document.text))
    settle()
    assert (seed.view.height(), seed.selection_bar.height(), seed.quotes.width()) == before
    assert "…" in seed.selection_bar.text() and seed.selection_bar.toolTip() == seed.selection_bar.full


def test_fixing_a_speakers_edge_fixes_the_name_it_gave_the_registry(seed):
    text = seed.session.document.text
    start, end = find(text, "رئيس مجلس الوزراء العراقي محمد شياع السوداني")
    seed.view.select_text(start + 3, end)  # a loose drag: "رئيس" only one letter in, so left out
    press(seed.view, K.Key_S)
    span = _mine(seed).spans[seed.session.selected]
    assert span.text == "مجلس الوزراء العراقي محمد شياع السوداني"
    for _ in range(len("رئيس ")):
        press(seed.view, K.Key_Right, ALT | SHIFT)  # the start edge one letter back (right-to-left: right)
    span = _mine(seed).spans[span.id]
    assert span.text == "رئيس مجلس الوزراء العراقي محمد شياع السوداني"
    assert seed.session.store.entity(span.entity).name == span.text


def test_a_quote_nudged_to_its_closing_mark_becomes_direct(seed):
    text = seed.session.document.text
    start, end = find(text, "هذا الأمر مطلب شعبي رسمي، وجادون به")
    seed.view.select_text(start, end - 3)  # the drag stopped short: "به" left out
    press(seed.view, K.Key_Q)
    quote = seed.session.selected
    assert _mine(seed).spans[quote].attrs["type"] == "indirect"
    for _ in range(3):
        press(seed.view, K.Key_Left, ALT)  # the end edge forward, to the closing mark
    assert _mine(seed).spans[quote].text.endswith("وجادون به")
    assert _mine(seed).spans[quote].attrs["type"] == "direct"
    seed.session.select(quote)
    press(seed.view, K.Key_T)  # the annotator's own choice stays, whatever the edges do afterwards
    chosen = _mine(seed).spans[quote].attrs["type"]
    press(seed.view, K.Key_Right, ALT)
    assert _mine(seed).spans[quote].attrs["type"] == chosen


@pytest.mark.slow
def test_the_measured_session_annotates_all_eleven_quotes_with_few_corrections(qapp):
    from app.bench import ui_session

    result = ui_session.run()
    assert result["quotes_right"] == 11 and not result["notes"]
    assert result["keystrokes_floor"] <= result["keystrokes"] and result["label_keys"] == 32
    assert result["corrections"] < 60  # before #12 the same plan needed over 300
    assert len(result["speakers"]) == 5  # one registry speaker per person, none made twice
