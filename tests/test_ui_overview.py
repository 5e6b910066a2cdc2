"""The project overview (#13 part 7): documents per status per annotator, labels per annotator, suggestions, review
and notes as charts drawn with QPainter, with the same figures as ``qawl stats``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from app.core.jsonl import parse_record
from app.ui.chart import Bar, BarChart, Part

from ui_support import open_window, press, settle

TEXT = "قال الرئيس إن الوضع جيد. وأضاف الوزير أن الأمر مهم."


def _project(make_store):
    store = make_store(name="overview.db")
    lines = []
    for i, (who, status) in enumerate([("ali", "done"), ("sara", "in_progress"), ("ali", "in_progress")]):
        lines.append({"doc_id": f"d{i}", "text": TEXT + str(i), "annotator": who, "status": status,
                      "spans": [{"label": "QUOTE", "start": 0, "end": 24, "attrs": {"type": "indirect"}},
                                {"label": "SPEAKER", "start": 4, "end": 10}]})
    lines.append({"doc_id": "d0", "text": TEXT + "0", "annotator": "sara", "status": "done", "note": "hm",
                  "spans": [{"label": "QUOTE", "start": 0, "end": 24, "attrs": {"type": "indirect",
                                                                                 "discuss": True}}]})
    lines.append({"doc_id": "d1", "text": TEXT + "1", "annotator": "suggestions", "status": "todo",
                  "spans": [{"label": "CUE", "start": 0, "end": 3, "origin": "suggested",
                             "provenance": {"decisions": {"ali": "rejected"}}},
                            {"label": "CUE", "start": 25, "end": 30, "origin": "suggested"}]})
    store.import_records([parse_record(line) for line in lines])
    return store


def test_the_overview_shows_the_figures_of_qawl_stats(qtbot, make_store):
    store = _project(make_store)
    win = open_window(qtbot, store, annotator="ali", doc="d0")
    dialog = win.overview.open()
    p = dialog.figures["progress"]
    assert p["documents_by_annotator"] == {"ali": {"todo": 1, "in_progress": 1, "done": 1},
                                           "sara": {"todo": 1, "in_progress": 1, "done": 1}}
    assert p["labels_by_annotator"] == {"ali": {"QUOTE": 2, "SPEAKER": 2}, "sara": {"QUOTE": 2, "SPEAKER": 1}}
    assert p["suggestions"] == {"spans": 2, "undecided": 1, "decisions_by_annotator": {"ali": {"accepted": 0,
                                                                                                "rejected": 1}}}
    assert p["review"] == {"documents": 1, "todo": 1, "in_progress": 0, "done": 0}
    assert p["notes"] == {"on_documents": 1, "on_annotations": 1, "needs_discussion": 1}
    qawl = shutil.which("qawl", path=str(Path(sys.executable).parent))
    if qawl:
        out = subprocess.run([qawl, "stats", "--db", str(store.path), "--json"], capture_output=True, text=True,
                             check=True).stdout
        assert json.loads(out)["progress"] == p
    # The charts draw those numbers: a bar per annotator (and the review), a segment per status.
    bars = {b.name: {part.name: part.value for part in b.parts} for b in dialog.progress.bars}
    assert bars["ali"] == {"Done": 1, "In progress": 1, "To do": 1}
    assert bars["Review (gold)"]["To do"] == 1
    labels = {b.name: b.total for b in dialog.labels.bars}
    assert labels == {"ali": 4, "sara": 3}
    assert "1 need discussion" in dialog.notes_text.text()


def test_the_overview_follows_edits_while_it_is_shown(qtbot, make_store):
    store = _project(make_store)
    win = open_window(qtbot, store, annotator="ali", doc="d2")
    dialog = win.overview.open()
    press(win.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # mark d2 done
    qtbot.waitUntil(lambda: dialog.figures["progress"]["documents_by_annotator"]["ali"]["done"] == 2, timeout=3000)
    settle()


def test_the_overview_opens_with_its_key_and_shows_the_notes_that_need_discussion(qtbot, make_store):
    store = _project(make_store)
    win = open_window(qtbot, store, annotator="ali", doc="d2")
    press(win.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = win.overview.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.show_notes.click()
    assert win.notes.isVisible() and win.notes.discuss_only.isChecked()
    assert [(e.doc_id, e.annotator) for e in win.notes.model.entries] == [("d0", "sara")]


def test_bars_are_drawn_from_the_reading_side(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 120)
    chart.set_bars([Bar("ali", (Part("done", 30, "#1a7f37"), Part("to do", 10, "#d0d0d0")))])
    chart.show()
    qtbot.waitExposed(chart)
    chart.grab()  # paints
    y = chart._hits[0][0].center().y()
    left_to_right = [chart.segment_at(QPoint(x, y)) for x in range(0, 400, 4)]
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chart.grab()
    right_to_left = [chart.segment_at(QPoint(x, y)) for x in range(0, 400, 4)]
    first = lambda seq: next(s for s in seq if s)
    assert first(left_to_right).endswith("done: 30")  # "done" nearest the name, on the left
    assert first(list(reversed(right_to_left))).endswith("done: 30")  # ... on the right in Arabic
    assert "ali: done 30, to do 10" in chart.accessibleDescription()
