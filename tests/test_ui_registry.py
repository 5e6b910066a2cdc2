"""Suggestions that merge with what the annotator did, and a speaker registry that stays clean (#12, points 3 and 4),
through the real window: keys, the Speakers sidebar's buttons, its cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.changes import AddEntity, AddSpan
from app.core.jsonl import make_document
from app.core.model import SUGGESTIONS, Entity, Layer, Relation, Span
from app.core.suggest import suggest_document
from app.operations.project import gui_api
from app.ui import dialogs
from ui_support import find, label, open_window, press, settle, type_text

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

TEXT = "أكد الوزير أحمد سالم أن الاتفاق سيوقع قريباً. وأضاف الوزير أن المفاوضات مستمرة."


def _mine(win, doc="d1"):
    return win.session.store.layer(doc, "amal")


def _suggestions() -> Layer:
    def span(label, sub, sid, **attrs):
        return Span.of(TEXT, label, *find(TEXT, sub), id=sid, attrs=attrs, origin="suggested",
                       provenance={"rule": f"rule-{sid}", "engine": "qawl-suggest/1"})
    spans = [span("CUE", "أكد", "k1"), span("SPEAKER", "الوزير أحمد سالم", "s1", entity="ep"),
             span("QUOTE", "أن الاتفاق سيوقع قريباً", "q1", type="indirect")]
    rels = [Relation("r1", "CUE", "q1", "k1", "suggested"), Relation("r2", "SAID_BY", "q1", "s1", "suggested")]
    return Layer("d1", SUGGESTIONS, spans=spans, relations=rels)


@pytest.fixture
def win(qtbot, make_store):
    store = make_store({"d1": TEXT})
    store.put_suggestions("d1", _suggestions(), [Entity("ep", "الوزير أحمد سالم", ("الوزير",))])
    return open_window(qtbot, store, doc="d1", api=gui_api())


# --- 3. suggestions merge ----------------------------------------------------------------------------------------

def test_accepting_a_suggestion_that_overlaps_my_quote_reuses_it_and_adds_only_its_links(win):
    label(win, *find(TEXT, "الاتفاق سيوقع قريباً"), K.Key_Q)  # mine: a little shorter than the suggestion
    mine = win.session.selected
    settle()
    rows = [win.quotes.model.index(r, 0).data() for r in range(win.quotes.model.rowCount())]
    assert any("overlaps yours" in row for row in rows)  # shown as such
    win.view.click_at(find(TEXT, "أن الاتفاق")[0])  # the pale part of the suggestion
    settle()
    assert "overlaps your quote" in win.selection_bar.full
    press(win.view, K.Key_Return)
    settle()
    layer = _mine(win)
    assert [s.id for s in layer.spans_by_label("QUOTE")] == [mine]  # no second, overlapping quote
    assert [s.text for s in layer.linked(mine, "SAID_BY")] == ["الوزير أحمد سالم"]
    assert [s.text for s in layer.linked(mine, "CUE")] == ["أكد"]


def test_a_suggestion_i_already_have_is_not_listed_as_new_work(win):
    for sub, key in (("أكد", K.Key_K), ("الوزير أحمد سالم", K.Key_S), ("أن الاتفاق سيوقع قريباً", K.Key_Q)):
        label(win, *find(TEXT, sub), key)
    settle()
    assert win.suggestions.pending() == []
    assert not [r for r in range(win.quotes.model.rowCount()) if win.quotes.model.key_at(r)[0] == SUGGESTIONS]
    assert win.view.index.get(SUGGESTIONS, "q1") is None
    press(win.view, K.Key_Z, CTRL)  # undo the quote: the suggestion is new work again
    settle()
    assert [r.head.id for r in win.suggestions.pending()] == ["q1"]


@pytest.fixture
def seed_win(qtbot, make_store, seed_text):
    store = make_store({"seed": seed_text}, meta={"date": "2024-01-25"})
    result = suggest_document(store.document("seed"))
    store.put_suggestions("seed", result.layer, result.entities)
    return open_window(qtbot, store, doc="seed", api=gui_api())


def test_a_suggested_speaker_links_to_the_registry_speaker_a_shorter_name_named(seed_win):
    win, text = seed_win, seed_win.session.document.text
    sudani = Entity("sudani", "محمد شياع السوداني")  # in the registry from another article
    win.session.store.apply(AddEntity(sudani), actor="amal")
    win.session.reload()
    win.view.click_at(find(text, "أن الحكومة العراقية ستدخل")[0] + 1)
    settle()
    press(win.view, K.Key_Return)
    settle()
    layer = _mine(win, "seed")
    speakers = {s.text: s.entity for s in layer.spans_by_label("SPEAKER")}
    assert speakers["رئيس مجلس الوزراء العراقي محمد شياع السوداني"] == sudani.id
    assert list(win.session.store.entities()) == [sudani.id]


def test_a_suggested_speaker_overlapping_my_mention_reuses_it(seed_win):
    win, text = seed_win, seed_win.session.document.text
    label(win, *find(text, "محمد شياع السوداني"), K.Key_S)
    mine = win.session.selected
    win.view.click_at(find(text, "أن الحكومة العراقية ستدخل")[0] + 1)
    settle()
    press(win.view, K.Key_Return)
    settle()
    layer = _mine(win, "seed")
    quote = next(s for s in layer.spans_by_label("QUOTE") if s.text.startswith("أن الحكومة العراقية ستدخل"))
    assert [s.id for s in layer.linked(quote.id, "SAID_BY")] == [mine]
    assert len(layer.spans_by_label("SPEAKER")) == 1 and len(win.session.store.entities()) == 1


def test_accept_all_never_makes_a_second_speaker_for_someone_in_the_registry(seed_win):
    win, text = seed_win, seed_win.session.document.text
    label(win, *find(text, "محمد شياع السوداني"), K.Key_S)
    label(win, *find(text, "المبعوث الرئاسي الروسي"), K.Key_S)
    press(win.view, K.Key_Return, CTRL | SHIFT)
    settle()
    names = [e.name for e in win.session.store.entities().values()]
    assert sum("السوداني" in n for n in names) == 1
    assert sum("المبعوث" in n or "لافرينتيف" in n for n in names) == 1
    layer = _mine(win, "seed")
    lav = {s.entity for s in layer.spans_by_label("SPEAKER") if "لافرينتيف" in s.text or "المبعوث" in s.text}
    assert len(lav) == 1
    assert not win.suggestions.pending()


# --- 4. the registry ----------------------------------------------------------------------------------------------

@pytest.fixture
def three(win):
    for sub in ("الوزير أحمد سالم", "الاتفاق", "المفاوضات"):
        label(win, *find(TEXT, sub), K.Key_S)
    settle()
    return win


def _proxy_row(win, entity_id: str) -> int:
    dock = win.speakers
    return dock.proxy.mapFromSource(dock.model.index(dock.model.row_of(entity_id), 0)).row()


def test_a_rename_replaces_the_name_and_the_row_stays_under_the_cursor(three):
    win = three
    entities = win.session.store.entities()
    target = next(e for e in entities.values() if e.name == "المفاوضات")
    row = _proxy_row(win, target.id)
    index = win.speakers.proxy.index(row, 0)
    assert win.speakers.proxy.setData(index, "أ المفاوضات")  # would sort first
    settle()
    renamed = win.session.store.entity(target.id)
    assert renamed.name == "أ المفاوضات" and renamed.aliases == ()
    assert _proxy_row(win, target.id) == row
    assert "Rename speaker" in win.message.text()


def test_rename_keeping_the_old_name_as_an_alias_only_when_asked(three, monkeypatch):
    win = three
    target = next(e for e in win.session.entities.values() if e.name == "المفاوضات")
    win.speakers.select_ids([target.id])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a, **k: "مفاوضات السلام")
    win.speakers.rename_keep.click()
    settle()
    assert win.session.store.entity(target.id) == Entity(target.id, "مفاوضات السلام", ("المفاوضات",))
    assert "alias" in win.message.text()


def test_merge_takes_any_number_of_speakers_in_one_undo_step(three, monkeypatch):
    win = three
    ids = list(win.session.store.entities())
    assert len(ids) == 3
    win.speakers.select_ids(ids)
    assert win.speakers.merge.isEnabled()
    monkeypatch.setattr(dialogs.MergeDialog, "ask",
                        classmethod(lambda cls, parent, entities, counts: (entities[0], entities[1:])))
    win.speakers.merge.click()
    settle()
    (kept,) = win.session.store.entities().values()
    assert {s.entity for s in _mine(win).spans_by_label("SPEAKER")} == {kept.id}
    assert len(kept.aliases) == 2
    press(win.view, K.Key_Z, CTRL)
    assert len(win.session.store.entities()) == 3


def test_aliases_are_edited_as_a_list(three, qtbot, monkeypatch):
    win = three
    target = next(e for e in win.session.entities.values() if e.name == "الوزير أحمد سالم")
    model = win.speakers.model
    index = model.index(model.row_of(target.id), model.ALIASES)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable  # no comma string edited in the cell
    dialog = dialogs.AliasesDialog(None, target)
    qtbot.addWidget(dialog)
    dialog.new.setFocus()
    type_text(dialog.new, "أحمد سالم، الوزير")  # a name with a comma in it stays one name
    press(dialog.new, K.Key_Return)
    type_text(dialog.new, "سالم")
    press(dialog.new, K.Key_Return)
    assert dialog.aliases() == ["أحمد سالم، الوزير", "سالم"] and dialog.isVisible() is False or True
    monkeypatch.setattr(dialogs.AliasesDialog, "ask", classmethod(lambda cls, parent, entity: dialog.aliases()))
    win.speakers.select_ids([target.id])
    win.speakers.aliases.click()
    settle()
    assert win.session.store.entity(target.id).aliases == ("أحمد سالم، الوزير", "سالم")
    assert "Aliases of" in win.message.text()


def test_mentions_count_the_shown_layer_and_all_layers_are_another_column(three):
    win = three
    store = win.session.store
    target = next(e for e in win.session.entities.values() if e.name == "الوزير أحمد سالم")
    other = Span.of(TEXT, "SPEAKER", *find(TEXT, "الوزير أحمد سالم"), id="ali1", attrs={"entity": target.id})
    store.apply(AddSpan("d1", "ali", other), actor="ali")
    win.session.reload()
    model = win.speakers.model
    row = model.row_of(target.id)
    assert "amal" in model.headerData(model.MENTIONS, Qt.Orientation.Horizontal)
    assert model.index(row, model.MENTIONS).data() == 1  # amal's own
    assert model.index(row, model.ALL).data() == 2  # amal's and ali's; the suggestions' are nobody's work
    assert "amal" in model.headerData(model.MENTIONS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
