"""Review in the real window: teammates' exports of the seed article imported (a bad file's documents skipped and
listed), their differences listed, gold built with the keys (each decision one undo step), gold exported like any
layer, the review status in the document list, side by side."""

from __future__ import annotations

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.model import GOLD
from app.core.sources import read_sources
from app.operations.project import gui_api
from app.ui import transfer
from app.ui.transfer import ExportRequest, ImportRequest
from review_support import DROPPED, EXTRA, MOVED, RELABELLED, RETYPED, teammates_files
from ui_seed_script import SEED
from ui_support import find, label, open_window, press, settle

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(scope="module")
def files(qapp, tmp_path_factory):
    return teammates_files(tmp_path_factory.mktemp("teammates"))


@pytest.fixture
def win(qtbot, make_store, files, monkeypatch):
    """The reviewer's window on a project with the seed article, after File ▸ Import teammates' annotations…"""
    store = make_store()
    store.import_records(read_sources([SEED]))
    window = open_window(qtbot, store, annotator="rev", api=gui_api())
    asked = {}

    def ask(parent, keys, skip_invalid=False):
        asked["skip_invalid"] = skip_invalid
        return ImportRequest(tuple(str(f) for f in files), "auto", skip_invalid=skip_invalid)

    monkeypatch.setattr(transfer.ImportDialog, "ask", ask)
    window.review.actions["import_teammates"].trigger()
    qtbot.waitUntil(lambda: getattr(window, "import_details", None) is not None, timeout=30000)
    box = window.import_details
    window.asked = asked
    window.import_report = (box.informativeText(), box.detailedText())
    box.close()  # window-modal: the window's keys wait until it is closed
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def review_on(win):
    press(win.view, K.Key_R, CTRL)
    settle()
    return win.review.controller


def row_of(review, text: str) -> int:
    doc = review.session.document.text
    for row, diff in enumerate(review.model.diffs):
        if any(s is not None and s.text == text for s in diff.spans) or doc[diff.start:diff.end] == text:
            return row
    raise AssertionError(f"no difference for {text[:20]!r}")


def gold_spans(win):
    return win.session.store.layer(win.session.document.id, GOLD).spans.values()


def test_teammates_files_import_with_skipped_documents_listed_and_each_teammate_a_layer(win):
    assert win.asked == {"skip_invalid": True}
    informative, details = win.import_report
    assert "2 skipped" in informative
    assert "omar.jsonl:1" in details and "different text" in details and "never merged" in details
    assert "omar.jsonl:2" in details and "OPINION" in details
    store = win.session.store
    assert store.document_ids() == ["000_615554193b62eb79"]  # omar's second article was not half-imported
    assert store.layer_annotators("000_615554193b62eb79") == ["ali", "sara"]


def test_review_mode_lists_the_differences_of_every_kind_in_one_colour_per_annotator(win, qtmodeltester):
    review = review_on(win)
    assert review.active and review.annotators == ("ali", "sara")
    model = review.model
    qtmodeltester.check(model, force_py=True)
    kinds = {row_of(review, t): model.difference(row_of(review, t)).kind
             for t in (MOVED, DROPPED, RELABELLED, RETYPED, EXTRA)}
    assert sorted(kinds.values()) == ["attribution", "boundary", "label", "only", "only"]
    assert model.difference(row_of(review, RETYPED)).fields == ("type",)
    assert sum(1 for d in model.diffs if d.kind == "same") == len(model.diffs) - 5
    # Drawn: ali and sara pale in their own colours, gold (empty yet) filled; the sidebar lists the five.
    styles = win.session.styles()
    assert styles["ali"].color != styles["sara"].color and not styles["ali"].filled and styles[GOLD].filled
    colours = {d.color for d in win.view.index.items}
    assert {styles["ali"].color, styles["sara"].color} <= colours
    assert win.review.dock.isVisible()
    assert win.review.dock.summary.text().startswith(f"{model.rowCount()} differences (agreed {model.rowCount() - 5}")
    # Quotes sidebar: only gold and mine are listed (the compared layers are in the differences list).
    assert win.quotes.model.rowCount() == 0
    # The list shows the five disagreements (agreed ones are drawn grey in the article).
    assert win.review.dock.proxy.rowCount() == 5
    assert win.review.dock.summary.text().endswith(f"{model.rowCount() - 5} agreed not listed.")
    # Selecting a difference frames it and selects its words, ready for an edited version.
    row = row_of(review, MOVED)
    win.review.dock.select_source_row(row)
    diff = model.difference(row)
    ali = diff.span_of("ali")
    assert win.view.selected == ("ali", ali.id)
    assert win.view.selection() == (ali.start, ali.end)
    # Off again: the window is back to what it showed before (the reviewer's own layer and the suggestions).
    press(win.view, K.Key_R, CTRL)
    assert list(win.session.styles()) == ["rev", "suggestions"] and len(win.view.index) == 0


def test_keys_accept_reject_and_accept_all_agreed_each_one_undo_step(win):
    review = review_on(win)
    stack = win.session.undo_stack
    review.set_current(row_of(review, MOVED))
    press(win.view, K.Key_2)  # sara's version of the moved quote
    (quote,) = [s for s in gold_spans(win)]
    sara = review.model.difference(row_of(review, MOVED)).span_of("sara")
    assert (quote.start, quote.end, quote.label) == (sara.start, sara.end, "QUOTE")
    assert quote.provenance["from"] == ["sara"] and quote.provenance["adjudicated_by"] == "rev"
    # Moved on by itself, to the next disagreement gold has not decided.
    later = [r for r, d in enumerate(review.model.diffs) if r > row_of(review, MOVED) and d.kind != "same"]
    assert review.current == later[0]
    assert stack.count() == 1 and "sara" in stack.undoText()
    review.set_current(row_of(review, MOVED))
    press(win.view, K.Key_1)  # changed my mind: ali's
    (quote,) = [s for s in gold_spans(win)]
    assert quote.provenance["from"] == ["ali"] and quote.text == MOVED
    press(win.view, K.Key_Z, CTRL)
    (quote,) = [s for s in gold_spans(win)]
    assert quote.provenance["from"] == ["sara"]  # undo gave sara's back
    # The label difference: both versions (B), then reject (X) takes them out again.
    review.set_current(row_of(review, RELABELLED))
    press(win.view, K.Key_B)
    assert sorted(s.label for s in gold_spans(win) if s.text == RELABELLED) == ["CLAIM", "QUOTE"]
    review.set_current(row_of(review, RELABELLED))
    press(win.view, K.Key_X)
    assert not [s for s in gold_spans(win) if s.text == RELABELLED]
    # Pressing 2 where sara has nothing: nothing of it goes into gold.
    review.set_current(row_of(review, DROPPED))
    press(win.view, K.Key_2)
    assert not [s for s in gold_spans(win) if s.text == DROPPED]
    assert "nothing" in win.message.text()
    # Accept all agreed: one step for all of them, with their links.
    before = stack.count()
    agreed = sum(1 for d in review.model.diffs if d.kind == "same")
    press(win.view, K.Key_A, CTRL | SHIFT)
    assert stack.count() == before + 1
    gold = win.session.store.layer(win.session.document.id, GOLD)
    assert len(gold.spans) == agreed + 1
    assert all(r.provenance["adjudicated_by"] == "rev" for r in gold.relations.values())
    # The moved quote accepted first got its speaker and cue once they arrived.
    quote = next(s for s in gold.spans.values() if s.provenance["from"] == ["sara"])
    assert {r.type for r in gold.relations.values() if r.head == quote.id} == {"SAID_BY", "CUE"}
    win.session.schema.check_layer(gold)
    press(win.view, K.Key_A, CTRL | SHIFT)  # again: nothing left to take, nothing applied
    assert stack.count() == before + 1 and "already" in win.message.text()
    press(win.view, K.Key_Z, CTRL)
    assert len(win.session.store.layer(win.session.document.id, GOLD).spans) == 1


def test_an_edited_version_comes_from_the_adjusted_selection(win):
    review = review_on(win)
    row = row_of(review, MOVED)
    win.review.dock.select_source_row(row)
    ali = review.model.difference(row).span_of("ali")
    text = win.session.document.text
    # One word less at the end, as Shift+arrows or the mouse would leave it.
    end = text.rindex(" ", ali.start, ali.end)
    win.view.select_text(ali.start, end)
    press(win.view, K.Key_Return, CTRL)
    (gold,) = gold_spans(win)
    assert (gold.start, gold.end, gold.text) == (ali.start, end, text[ali.start:end])
    assert gold.provenance["edited"] is True and gold.provenance["from"] == ["ali"]
    assert gold.attrs == ali.attrs
    assert "edited" in review.model.data(review.model.index(row, review.model.gold_column))
    press(win.view, K.Key_Z, CTRL)
    assert not list(gold_spans(win))


def test_gold_exports_like_any_layer_and_the_review_status_shows_in_the_list(win, qtbot, tmp_path):
    docs = win.documents.model
    assert win.documents.table.isColumnHidden(docs.REVIEW)  # no review in the project yet: no column
    review = review_on(win)
    assert not win.documents.table.isColumnHidden(docs.REVIEW)
    press(win.view, K.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: docs.data(docs.index(0, docs.REVIEW)) == "In progress")
    combo = win.review.dock.status
    assert combo.currentData() == "in_progress"
    # Gold's quotes and claims are listed in the Quotes sidebar, not greyed (the compared layers are not listed).
    records = [s for s in win.session.store.layer(win.session.document.id, GOLD).spans.values()
               if s.label in ("QUOTE", "CLAIM")]
    qtbot.waitUntil(lambda: win.quotes.model.rowCount() == len(records) > 5)
    assert win.quotes.model.data(win.quotes.model.index(0, 1), Qt.ItemDataRole.FontRole) is None
    press(win.view, K.Key_D, CTRL | SHIFT)  # mark review done
    qtbot.waitUntil(lambda: docs.data(docs.index(0, docs.REVIEW)) == "Done")
    assert combo.currentData() == "done"
    assert win.session.store.status(win.session.document.id, GOLD) == "done"
    assert "Review" in win.session.undo_stack.undoText()
    combo.setCurrentIndex(combo.findData("in_progress"))
    combo.activated.emit(combo.currentIndex())
    assert win.session.store.status(win.session.document.id, GOLD) == "in_progress"
    out = tmp_path / "gold.jsonl"
    win.start_export(ExportRequest(str(out), "jsonl", GOLD))
    qtbot.waitUntil(lambda: "Wrote" in win.message.text(), timeout=20000)
    (line,) = [orjson.loads(l) for l in out.read_bytes().splitlines()]
    gold = win.session.store.layer(win.session.document.id, GOLD)
    assert line["annotator"] == GOLD and line["status"] == "in_progress"
    assert len(line["spans"]) == len(gold.spans) > 30
    assert all(s["provenance"]["adjudicated_by"] == "rev" and s["provenance"]["from"] == ["ali", "sara"]
               for s in line["spans"])
    assert {e["id"] for e in line["entities"]} == gold.entity_ids()


def test_the_review_keys_do_nothing_outside_review_mode(win):
    assert not win.review.actions["review_accept_1"].isEnabled()
    press(win.view, K.Key_1)
    press(win.view, K.Key_A, CTRL | SHIFT)
    assert not list(gold_spans(win)) and win.session.undo_stack.count() == 0


def test_unticking_an_annotator_leaves_them_out_of_the_comparison(win):
    review = review_on(win)
    boxes = win.review.dock.boxes
    assert [b.text() for b in boxes.values()] == ["1 · ali", "2 · sara"]
    boxes["sara"].setChecked(False)
    assert review.annotators == ("ali",) and "sara" not in win.session.styles()
    assert {d.kind for d in review.model.diffs} == {"same"}  # one annotator: everything is their version
    assert [b.text() for b in win.review.dock.boxes.values()] == ["1 · ali", "sara"]
    win.review.dock.boxes["sara"].setChecked(True)
    assert review.annotators == ("ali", "sara")


def test_side_by_side_shows_one_pane_per_annotator_and_gold_following_the_difference(win, qtbot):
    review = review_on(win)
    win.review.actions["review_side_by_side"].trigger()
    side = win.review.side_by_side
    qtbot.waitExposed(side)
    assert list(side.panes) == ["ali", "sara", GOLD]
    ali_layer = win.session.store.layer(win.session.document.id, "ali")
    assert len(side.panes["ali"].view.index) == len(ali_layer.spans)
    row = row_of(review, MOVED)
    review.set_current(row)
    diff = review.model.difference(row)
    assert side.panes["ali"].view.selected == ("ali", diff.span_of("ali").id)
    assert side.panes["sara"].view.selected == ("sara", diff.span_of("sara").id)
    press(win.view, K.Key_1)
    assert len(side.panes[GOLD].view.index) == 1  # gold's pane follows the decision
    # Scrolling one pane scrolls the others to the same passage.
    bar = side.panes["ali"].view.verticalScrollBar()
    bar.setValue(bar.maximum())
    other = side.panes["sara"].view.verticalScrollBar()
    assert other.value() > 0
    side.close()
    assert not win.review.actions["review_side_by_side"].isChecked()


def test_the_document_list_takes_several_documents_for_a_report(qtbot, make_store):
    win = open_window(qtbot, make_store({"d1": "نص أول.", "d2": "نص ثان.", "d3": "نص ثالث."}), doc="d1")
    model = win.documents.table.selectionModel()
    model.select(win.documents.proxy.index(0, 0), model.SelectionFlag.ClearAndSelect | model.SelectionFlag.Rows)
    model.select(win.documents.proxy.index(2, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows)
    assert win.documents.selected_ids() == ["d1", "d3"]
    assert win.session.document.id == "d1"
    assert QApplication.activeWindow() is win


@pytest.mark.corpus
def test_the_polnear_article_of_six_annotators_opens_in_review_with_six_colours(qtbot, make_store, corpus,
                                                                                 qtmodeltester):
    win = open_window(qtbot, make_store(), annotator="rev", api=gui_api())
    folder = corpus / "english_quote_attribution" / "polnear_brat" / "multi_annotator"
    task = win.start_import(ImportRequest((str(folder),), "auto", map_flags=("Discuss=",)))
    qtbot.waitUntil(lambda: task.isFinished() and win.session.document is not None, timeout=30000)
    if getattr(win, "import_details", None) is not None:
        win.import_details.close()  # what the brat reader noticed, shown window-modal
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    review = review_on(win)
    assert len(review.annotators) == 6
    colours = {review.colours[a] for a in review.annotators}
    assert len(colours) == 6
    drawn = {d.style.annotator: d.color for d in win.view.index.items}
    assert set(drawn) == set(review.annotators) and set(drawn.values()) == colours
    qtmodeltester.check(review.model, force_py=True)
    model = review.model
    assert model.columnCount() == 4 + 6 and model.rowCount() > 20
    kinds = {d.kind for d in model.diffs}
    assert {"same", "boundary", "only"} <= kinds
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2, 8)]
    assert header == [f"{n} · {a}" for n, a in enumerate(review.annotators, 1)]
    # Six annotators: 6 is a key like the others.
    review.set_current(next(r for r, d in enumerate(model.diffs) if d.span_of(review.annotators[5])))
    press(win.view, K.Key_6)
    gold = win.session.store.layer(win.session.document.id, GOLD)
    assert len(gold.spans) == 1 and review.annotators[5] in next(iter(gold.spans.values())).provenance["from"]


def test_the_reviewers_own_annotations_are_compared_too_in_their_colour(win):
    review = review_on(win)
    text = win.session.document.text
    label(win, *find(text, EXTRA, 0), K.Key_S)  # the reviewer marks the speaker only sara had
    assert review.annotators == ("ali", "rev", "sara")
    styles = win.session.styles()
    assert len({styles[a].color for a in review.annotators}) == 3
    diff = review.model.difference(row_of(review, EXTRA))
    assert diff.present == ("rev", "sara") and diff.missing == ("ali",)
    # Labelling a speaker ties it to a registry speaker; sara's mention names none: that is the difference.
    assert diff.kind == "attribution" and diff.fields == ("entity",)
    press(win.view, K.Key_Z, CTRL)
    assert not win.session.layer.spans


def test_n_and_p_go_through_the_disagreements_and_agreed_spans_are_drawn_quietly(win):
    from app.ui.render import QUIET

    review = review_on(win)
    model = review.model
    disagreements = [r for r, d in enumerate(model.diffs) if d.kind != "same"]
    assert len(disagreements) == 5 and review.disagreements_only
    assert review.current == disagreements[0]  # review mode starts on the first disagreement
    seen = [review.current]
    for _ in range(4):
        press(win.view, K.Key_N)
        seen.append(review.current)
    assert seen == disagreements
    press(win.view, K.Key_N)
    assert review.current == disagreements[-1] and "last disagreement" in win.message.text()
    press(win.view, K.Key_P)
    assert review.current == disagreements[-2]
    # Agreed spans grey, the disagreements in the annotators' colours.
    agreed = {(who, s.id) for d in model.diffs if d.kind == "same" for who, s in zip(d.annotators, d.spans) if s}
    differing = {(who, s.id) for r in disagreements for who, s in zip(model.diffs[r].annotators, model.diffs[r].spans)
                 if s}
    colour = {(d.style.annotator, d.span.id): d.color for d in win.view.index.items}
    assert agreed and all(colour[k] == QUIET for k in agreed)
    assert all(colour[k] == review.colours[k[0]] for k in differing)
    # Every difference again: N steps onto the agreed rows too, and the list shows them.
    win.review.dock.disagreements.setChecked(False)
    assert win.review.dock.proxy.rowCount() == model.rowCount()
    review.set_current(0)
    press(win.view, K.Key_N)
    assert review.current == 1
    press(win.view, K.Key_R, CTRL)  # leaving review: nothing is drawn grey any more
    assert all(d.color != QUIET for d in win.view.index.items)


def test_a_teammates_note_and_flag_show_in_the_differences(win):
    from app.core.changes import UpdateSpan
    from app.core.notes import with_note

    store = win.session.store
    doc = win.session.document.id
    sara = next(s for s in store.layer(doc, "sara").spans.values() if s.text == DROPPED or s.text == RELABELLED)
    store.apply(UpdateSpan(doc, "sara", sara, with_note(sara, "a claim, not a quote?", True)))
    win.session.reload()
    review = review_on(win)
    row = row_of(review, sara.text)
    column = review.model.FIRST_ANNOTATOR + review.annotators.index("sara")
    index = review.model.index(row, column)
    assert "⚑" in review.model.data(index)
    assert "a claim, not a quote?" in review.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert review.model.difference(row).kind == "label"  # the note makes no difference of its own
