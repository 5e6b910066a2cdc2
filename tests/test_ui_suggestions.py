"""Suggestions in the real window: drawn pale and dashed, listed distinctly, accepted with Enter, rejected with Del,
accepted all at once, each decision one undo step through the store; Document > Suggest in the background; edits
of accepted suggestions traced up to the export."""

from __future__ import annotations

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.review import triage
from app.core.errors import Cancelled
from app.core.model import SUGGESTIONS, Entity, Layer, Relation, Span
from app.operations.project import gui_api
from app.ui.render import paler
from app.ui.suggestions import ACCEPT_ALL, NEXT, SHOW, SUGGEST_DOCUMENT, suggest_work
from ui_support import find, open_window, press, settle

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

TEXT = ("أكد الوزير أحمد سالم أن الاتفاق سيوقع قريباً. وأضاف الوزير أن المفاوضات مستمرة.\n"
        "وقالت الشرطة يوم 18 كانون الثاني إن الطريق مغلق.")
QUOTES = ("أن الاتفاق سيوقع قريباً", "أن المفاوضات مستمرة", "إن الطريق مغلق")
PROPOSED = Entity("ep", "الوزير أحمد سالم", ("الوزير",))


def _span(label: str, sub: str, sid: str, **attrs) -> Span:
    return Span.of(TEXT, label, *find(TEXT, sub), id=sid, attrs=attrs, origin="suggested",
                   provenance={"rule": f"rule-{sid}", "engine": "qawl-suggest/1"})


def _suggestions() -> Layer:
    spans = [_span("CUE", "أكد", "k1"), _span("SPEAKER", "الوزير أحمد سالم", "s1", entity="ep"),
             _span("QUOTE", QUOTES[0], "q1", type="indirect"), _span("CUE", "وأضاف", "k2"),
             _span("QUOTE", QUOTES[1], "q2", type="indirect"), _span("CUE", "وقالت", "k3"),
             _span("SPEAKER", "الشرطة", "s3", entity="ep2"), _span("DATE", "18 كانون الثاني", "d3", value="XXXX-01-18"),
             _span("QUOTE", QUOTES[2], "q3", type="indirect")]
    rel = lambda rid, t, h, tl: Relation(rid, t, h, tl, "suggested", {"rule": f"rule-{rid}"})  # noqa: E731
    rels = [rel("r1", "CUE", "q1", "k1"), rel("r2", "SAID_BY", "q1", "s1"), rel("r3", "CUE", "q2", "k2"),
            rel("r4", "SAID_BY", "q2", "s1"), rel("r5", "CUE", "q3", "k3"), rel("r6", "SAID_BY", "q3", "s3"),
            rel("r7", "DATED", "q3", "d3")]
    return Layer("d1", SUGGESTIONS, spans=spans, relations=rels)


@pytest.fixture
def store(make_store):
    store = make_store({"d1": TEXT, "d2": "وثيقة ثانية قصيرة."})
    store.put_suggestions("d1", _suggestions(), [PROPOSED, Entity("ep2", "الشرطة")])
    return store


@pytest.fixture
def win(qtbot, store):
    return open_window(qtbot, store, doc="d1", api=gui_api())


def _mine(win):
    return win.session.store.layer("d1", "amal")


def _sugg(win):
    return win.session.store.layer("d1", SUGGESTIONS)


def _decisions(win) -> dict[str, str]:
    return {k: triage.decision(s, "amal") for k, s in _sugg(win).spans.items() if triage.decision(s, "amal")}


def _format_at(view, pos: int) -> QTextCharFormat:
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(pos) + 1)
    return cursor.charFormat()


def _select_suggestion(win, sub: str) -> None:
    """Click the pale suggestion in the article, as a person would."""
    start, _end = find(TEXT, sub)
    win.view.click_at(start + 1)
    settle()


# --- shown, distinctly ---------------------------------------------------------------------------------------------

def test_suggestions_are_drawn_pale_and_dashed_and_are_not_the_annotators(win):
    assert _mine(win).empty and len(win.session.layer.spans) == 0
    assert len(win.view.index) == 9
    fmt = _format_at(win.view, find(TEXT, QUOTES[0])[0])
    assert fmt.background().color().name() == paler("#7fb3f5", 0.6)
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    drawn = win.view.index.get(SUGGESTIONS, "q1")
    assert not drawn.style.filled and drawn.style.dashed
    assert "3 suggestions" in win.suggestions.status.text()


def test_pending_suggestions_are_listed_in_grey_with_their_rule(win):
    settle()
    model = win.quotes.model
    assert model.rowCount() == 3
    kind = model.index(0, model.KIND)
    assert "(suggested)" in kind.data() and kind.data(Qt.ItemDataRole.FontRole).italic()
    assert kind.data(Qt.ItemDataRole.BackgroundRole).color().name() == paler("#7fb3f5", 0.55)
    text = model.index(0, model.TEXT)
    assert text.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#777777"
    assert text.data(Qt.ItemDataRole.FontRole) is None  # Arabic is never slanted (no italics; boxes in oblique)
    assert "rule-q1" in model.index(0, model.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    dates = win.dates.model
    assert dates.rowCount() == 1 and dates.index(0, dates.VALUE).data() == "XXXX-01-18"
    assert not dates.flags(dates.index(0, dates.VALUE)) & Qt.ItemFlag.ItemIsEditable


def test_a_click_on_a_pale_span_selects_the_suggestion_and_says_how_to_decide(win):
    _select_suggestion(win, QUOTES[1])
    assert win.suggestions.selected().id == "q2"
    assert win.view.selected == (SUGGESTIONS, "q2")
    assert "rule-q2" in win.selection_bar.text()
    assert win.quotes.table.currentIndex().row() == 1


# --- accept, reject, accept all: keys, undo, redo ------------------------------------------------------------------

def test_enter_accepts_the_whole_record_and_selects_the_next_suggestion(win):
    _select_suggestion(win, QUOTES[0])
    press(win.view, K.Key_Return)
    settle()
    mine = _mine(win)
    assert {(s.label, s.text) for s in mine.spans.values()} == {
        ("QUOTE", QUOTES[0]), ("SPEAKER", "الوزير أحمد سالم"), ("CUE", "أكد")}
    assert all(s.origin == "suggested" for s in mine.spans.values())
    assert _decisions(win) == {"q1": "accepted", "s1": "accepted", "k1": "accepted"}
    # The accepted suggestion is no longer drawn; the annotator's copy is, filled.
    assert win.view.index.get(SUGGESTIONS, "q1") is None
    quote = next(s for s in mine.spans.values() if s.label == "QUOTE")
    assert win.view.index.get("amal", quote.id).style.filled
    assert win.suggestions.selected().id == "q2"
    assert "Accepted" in win.message.text() and "2 suggestions left" in win.message.text()
    assert win.session.undo_stack.count() == 1


def test_undo_and_redo_of_an_accept_are_one_step_each_and_the_new_speaker_follows(win):
    assert win.session.store.entities() == {}
    _select_suggestion(win, QUOTES[0])
    press(win.view, K.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    settle()
    (entity,) = win.session.store.entities().values()
    assert entity.name == "الوزير أحمد سالم" and entity.aliases == ("الوزير",)
    assert win.speakers.model.rowCount() == 1
    press(win.view, K.Key_Z, CTRL)
    settle()
    assert _mine(win).empty and _decisions(win) == {}
    assert win.session.store.entities() == {} and win.speakers.model.rowCount() == 0
    assert win.view.index.get(SUGGESTIONS, "q1") is not None
    assert win.quotes.model.rowCount() == 3
    press(win.view, K.Key_Z, CTRL | SHIFT)
    settle()
    assert len(_mine(win).spans) == 3 and len(win.session.store.entities()) == 1
    assert win.session.layer == _mine(win)


def test_the_second_quote_of_a_speaker_links_to_the_speaker_already_accepted(win):
    _select_suggestion(win, QUOTES[0])
    press(win.view, K.Key_Return)
    press(win.view, K.Key_Return)  # the next suggestion (the second quote) was selected
    settle()
    mine = _mine(win)
    assert len(mine.spans_by_label("SPEAKER")) == 1 and len(win.session.store.entities()) == 1
    second = next(s for s in mine.spans.values() if s.text == QUOTES[1])
    assert [s.text for s in mine.linked(second.id, "SAID_BY")] == ["الوزير أحمد سالم"]


def test_delete_rejects_the_selected_suggestion_and_undo_brings_it_back(win):
    settle()
    win.quotes.table.clicked.emit(win.quotes.model.index(2, 1))  # the third quote's row
    assert win.suggestions.selected().id == "q3"
    press(win.view, K.Key_Delete)
    settle()
    assert _decisions(win) == {"q3": "rejected", "k3": "rejected", "s3": "rejected", "d3": "rejected"}
    assert _mine(win).empty
    assert win.quotes.model.rowCount() == 2 and win.dates.model.rowCount() == 0
    press(win.view, K.Key_Z, CTRL)
    settle()
    assert _decisions(win) == {} and win.quotes.model.rowCount() == 3


def test_delete_still_deletes_the_annotators_own_annotation(win):
    _select_suggestion(win, QUOTES[0])
    press(win.view, K.Key_Return)
    quote = next(s for s in _mine(win).spans.values() if s.label == "QUOTE")
    win.session.select(quote.id)
    press(win.view, K.Key_Delete)
    settle()
    assert quote.id not in _mine(win).spans
    assert _decisions(win)["q1"] == "accepted"  # the suggestion stays decided: deleting is the annotator's call


def test_rejecting_a_part_keeps_the_rest_of_the_record_to_accept(win):
    _select_suggestion(win, "الشرطة")
    press(win.view, K.Key_Delete)
    win.suggestions.select("q3")
    press(win.view, K.Key_Return)
    settle()
    mine = _mine(win)
    assert {s.label for s in mine.spans.values()} == {"QUOTE", "CUE", "DATE"}
    assert _decisions(win)["s3"] == "rejected"


def test_accept_all_is_one_undo_step(win):
    press(win.view, K.Key_Return, CTRL | SHIFT)
    settle()
    mine = _mine(win)
    assert len(mine.spans) == 9 and len(mine.relations) == 7
    assert len(win.view.index) == 9 and all(d.style.filled for d in win.view.index.items)
    assert win.session.undo_stack.count() == 1
    assert win.session.undo_stack.undoText() == "Accept 3 suggestions"
    assert win.suggestions.status.text() == ""
    assert len(win.session.store.entities()) == 2
    press(win.view, K.Key_Z, CTRL)
    settle()
    assert _mine(win).empty and win.session.store.entities() == {} and len(win.view.index) == 9


def test_n_and_shift_n_step_through_pending_suggestions(win):
    press(win.view, K.Key_N)
    assert win.suggestions.selected().id == "q1"  # records, by their quote (its cue and speaker go with it)
    press(win.view, K.Key_N)
    assert win.suggestions.selected().id == "q2"
    press(win.view, K.Key_N, SHIFT)
    assert win.suggestions.selected().id == "q1"
    win.suggestions.select("q3")
    press(win.view, K.Key_N)
    assert win.suggestions.selected().id == "q1"  # wraps around


def test_enter_with_nothing_selected_selects_a_suggestion_first(win):
    press(win.view, K.Key_Return)
    assert _mine(win).empty and win.suggestions.selected() is not None


def test_suggestions_can_be_hidden_and_shown_again(win):
    win.registry[SHOW].setChecked(False)
    settle()
    assert len(win.view.index) == 0 and win.quotes.model.rowCount() == 0
    win.registry[SHOW].setChecked(True)
    settle()
    assert len(win.view.index) == 9 and win.quotes.model.rowCount() == 3


def test_a_decision_made_elsewhere_is_not_drawn_after_reopening(win):
    store = win.session.store
    store.apply(triage.reject(store.layer("d1", SUGGESTIONS), "q1", "amal"), actor="amal")
    win.open_document("d2")
    win.open_document("d1")
    assert win.view.index.get(SUGGESTIONS, "q1") is None and win.view.index.get(SUGGESTIONS, "q2") is not None


# One model per test: pytest-qt's qtmodeltester keeps listening to every model it checked but tests only the last.
@pytest.mark.parametrize("dock", ["quotes", "dates"])
def test_the_models_pass_the_model_tester_while_suggestions_are_decided(win, qtmodeltester, dock):
    settle()
    model = getattr(win, dock).model
    qtmodeltester.check(model, force_py=True)
    _select_suggestion(win, QUOTES[0])
    press(win.view, K.Key_Return)
    press(win.view, K.Key_Delete)
    press(win.view, K.Key_Return, CTRL | SHIFT)
    settle()
    press(win.view, K.Key_Z, CTRL)
    settle()
    qtmodeltester.check(model, force_py=True)
    # q1 accepted (mine now), q2 rejected, q3 pending with its date.
    assert model.rowCount() == (2 if dock == "quotes" else 1)


# --- edits after accepting, through the window and to the export --------------------------------------------------

def _export(win) -> dict:
    """The annotator's spans of d1 as `qawl export` writes them (the real export, read back)."""
    target = win.session.store.path.parent / "out.jsonl"
    target.unlink(missing_ok=True)
    gui_api().export_paths(win.session.store, target, "jsonl", annotator="amal")
    lines = [orjson.loads(line) for line in target.read_bytes().splitlines()]
    (line,) = [l for l in lines if l["doc_id"] == "d1"]
    return {s["text"]: s for s in line["spans"]}


def test_an_accepted_suggestion_exports_as_suggested_with_its_provenance(win):
    _select_suggestion(win, QUOTES[2])
    press(win.view, K.Key_Return)
    spans = _export(win)
    assert spans[QUOTES[2]]["origin"] == "suggested"
    assert spans[QUOTES[2]]["provenance"]["suggestion"] == "q3"
    assert spans[QUOTES[2]]["provenance"]["rule"] == "rule-q3"
    assert spans["18 كانون الثاني"]["attrs"]["value"] == "XXXX-01-18"


@pytest.mark.parametrize("edit", ["type", "edge", "link", "unlink", "delete part"])
def test_every_edit_of_an_accepted_suggestion_exports_as_suggested_edited(win, edit):
    _select_suggestion(win, QUOTES[2])
    press(win.view, K.Key_Return)
    settle()
    mine = win.session.layer
    quote = next(s for s in mine.spans.values() if s.text == QUOTES[2])
    if edit == "type":
        win.session.select(quote.id)
        press(win.view, K.Key_T)
    elif edit == "edge":
        win.session.select(quote.id)
        press(win.view, K.Key_Right, Qt.KeyboardModifier.AltModifier)
    elif edit == "link":  # a cue of the annotator's own, linked with L in place of the suggested one
        win.session.select(quote.id)
        win.view.select_text(*find(TEXT, "أكد"))
        press(win.view, K.Key_K)
        cue = next(s for s in win.session.layer.spans.values() if s.text == "أكد")
        assert cue.origin == "manual" and win.session.selected == cue.id and win.session.record == quote.id
        assert win.session.layer.spans[quote.id].origin == "suggested"  # not linked yet: not edited yet
        press(win.view, K.Key_L)
        assert [s.text for s in win.session.layer.linked(quote.id, "CUE")] == ["أكد"]
    elif edit == "unlink":
        win.controller.link_part(quote.id, None, "DATED")
    elif edit == "delete part":
        speaker = win.session.layer.linked(quote.id, "SAID_BY")[0]
        win.session.select(speaker.id)
        press(win.view, K.Key_Delete)
    settle()
    now = win.session.layer.spans[quote.id]
    assert now.origin == "suggested-edited", edit
    assert now.provenance["suggestion"] == "q3"
    exported = [s for s in _export(win).values() if s["id"] == quote.id][0]
    assert exported["origin"] == "suggested-edited" and exported["provenance"]["suggestion"] == "q3"
    # The edit and its trace are one undo step.
    press(win.view, K.Key_Z, CTRL)
    settle()
    assert win.session.layer.spans[quote.id].origin == "suggested"
    assert _mine(win) == win.session.layer


# --- suggestion runs --------------------------------------------------------------------------------------------

def _back_in_the_window(qtbot, win) -> None:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)


def test_suggest_for_this_document_runs_in_the_background_and_keeps_decisions(qtbot, make_store, seed_text):
    store = make_store({"seed": seed_text}, meta={"date": "2024-01-26"})
    win = open_window(qtbot, store, doc="seed", api=gui_api())
    assert len(win.view.index) == 0
    win.registry[SUGGEST_DOCUMENT].trigger()
    qtbot.waitUntil(lambda: "Suggested" in win.message.text(), timeout=20000)
    _back_in_the_window(qtbot, win)  # a slow run showed its progress dialog: keys reach the window once it is gone
    sugg = store.layer("seed", SUGGESTIONS)
    assert len(sugg.spans) > 20 and len(win.view.index) == len(sugg.spans)
    assert store.suggested_entities("seed")
    # Decide two records, then run again: nothing decided comes back, the decisions stay.
    press(win.view, K.Key_N)
    first = win.suggestions.selected()
    press(win.view, K.Key_Return)
    second = win.suggestions.selected()
    press(win.view, K.Key_Delete)
    settle()
    decided = {k: s for k, s in store.layer("seed", SUGGESTIONS).spans.items() if s.provenance.get("decisions")}
    pending_before = [r.head.id for r in triage.pending(store.layer("seed", SUGGESTIONS), "amal")]
    win.message.setText("")
    win.registry[SUGGEST_DOCUMENT].trigger()
    qtbot.waitUntil(lambda: "Suggested" in win.message.text(), timeout=20000)
    again = store.layer("seed", SUGGESTIONS)
    assert {k: s for k, s in again.spans.items() if s.provenance.get("decisions")} == decided
    assert [r.head.id for r in triage.pending(again, "amal")] == pending_before
    assert win.view.index.get(SUGGESTIONS, first.id) is None and win.view.index.get(SUGGESTIONS, second.id) is None
    assert win.session.layer == store.layer("seed", "amal")
    assert "already decided kept" in win.message.text()
    # nothing of this project is finished or gold: the shipped model is used, and it was not "learned from 0"
    assert "nothing done or gold to learn from yet" in win.message.text() and "from 0" not in win.message.text()
    assert win.message.toolTip() == win.message.text()  # the whole line on hover: the status bar clips it


def test_what_learning_did_is_said_plainly(qtbot, make_store):
    win = open_window(qtbot, make_store({"a": "نص"}), doc="a")
    said = win.suggestions._learned
    assert said({"documents": 0, "kept": "default/18"}, "default/18") == \
        "Speakers: default/18 as shipped (nothing done or gold to learn from yet)."
    kept = said({"documents": 4, "kept": "default/18", "ends": {"kept": "default/18"}}, "default/18")
    assert kept == "Speakers: default/18 kept (learning from 4 documents did not beat it)."
    assert said({"documents": 40, "kept": "model"}, "project/40") == \
        "Speakers: project/40, learned from 40 documents of this project."
    assert "learned from 40" in said({"documents": 40, "kept": "default/18", "ends": {"kept": "model"}}, "project/40")


def test_a_cancelled_run_changes_nothing(make_store, seed_text):
    store = make_store({"a": seed_text, "b": seed_text + "\nوأكد الوزير أن الأمر مهم."})
    calls = []

    def cancel() -> bool:
        return len(calls) >= 1  # after the first document

    work = suggest_work(gui_api(), store.path, None, "amal")
    with pytest.raises(Cancelled):
        work(lambda done, total: calls.append(done), cancel)
    assert calls == [1]
    assert store.layer("a", SUGGESTIONS).empty and store.layer("b", SUGGESTIONS).empty
    assert store.suggested_entities() == {}


def test_suggest_for_all_documents_is_one_run(make_store, seed_text):
    store = make_store({"a": seed_text, "b": "وأكد الوزير أن الأمر مهم."})
    report = suggest_work(gui_api(), store.path, None, "amal")(lambda d, t: None, lambda: False)
    assert report.documents == 2 and report.added == len(store.layer("a", SUGGESTIONS).spans) + \
        len(store.layer("b", SUGGESTIONS).spans)
    assert [h.kind for h in store.history()][-1] == "suggest"


def test_without_a_project_file_suggesting_says_why(qtbot, make_store):
    win = open_window(qtbot, make_store({"d1": TEXT}), doc="d1")  # no api: suggestion runs are not offered
    assert not win.registry[SUGGEST_DOCUMENT].isEnabled()
    assert win.registry[ACCEPT_ALL].isEnabled() and win.registry[NEXT].isEnabled()


def test_n_starts_from_the_cursor(win):
    win.view.select_text(find(TEXT, QUOTES[1])[0], find(TEXT, QUOTES[1])[0])
    press(win.view, K.Key_N)
    assert win.suggestions.selected().id == "q2"
    win.suggestions.select(None)
    press(win.view, K.Key_N, SHIFT)  # the cursor is now at q2's start: the one before it
    assert win.suggestions.selected().id == "q1"


def test_the_next_suggestion_stays_selected_when_the_quotes_list_changes_under_it(win):
    # A claim of mine right after the first quote: its row is the one that becomes current when q1's row goes.
    win.view.select_text(*find(TEXT, "سيوقع قريباً"))
    press(win.view, K.Key_C)
    settle()
    win.suggestions.select("q1")
    settle()
    assert win.quotes.table.currentIndex().row() == 0
    press(win.view, K.Key_Return)
    settle()
    assert len(_mine(win).spans) == 4
    assert win.suggestions.selected().id == "q2" and win.session.selected is None


def test_the_suggestion_commands_are_translated_in_the_arabic_window(qtbot, store):
    """Their labels were looked up under no context (a local alias of tr hid the class from lupdate), so the
    Arabic window showed them in English."""
    from app.ui.main import install_language

    app = QApplication.instance()
    translators = install_language(app, "ar")
    try:
        win = open_window(qtbot, store, doc="d1", api=gui_api())
        assert win.registry[SUGGEST_DOCUMENT].text() == "اقتراح توسيمات لهذا المستند"
        assert win.registry[ACCEPT_ALL].text().startswith("قبول")
    finally:
        for t in translators:
            app.removeTranslator(t)
