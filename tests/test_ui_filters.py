"""Sidebars that filter and group (#13 part 4): the Quotes sidebar by kind, origin, without speaker, needs
discussion, any combination, grouped by speaker, counted, remembered; the current record selected when shown; the
arrow keys still walk the rows; the Speakers sidebar by where speakers are mentioned, sorted by mentions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.jsonl import Record, make_document
from app.core.model import Entity, Layer, Relation, Span
from app.ui.filters import GroupStartRole, QuoteCriteria
from app.ui.span_models import KeyRole, QuotesModel

from ui_support import find, label, open_window, press, settle

K = Qt.Key
TEXT = ("قال الرئيس إن الوضع جيد. وأضاف الوزير أن الأمر مهم. وقالت المتحدثة: «سنواصل العمل». "
        "ورأى الخبير أن الاقتصاد يتحسن. وقال الرئيس أيضا إن الحوار مستمر. وأكد مصدر أن المفاوضات متعثرة.")


def _span(label, sub, id, occurrence=0, **kw):
    return Span.of(TEXT, label, *find(TEXT, sub, occurrence), id=id, **kw)


@pytest.fixture
def store(make_store):
    store = make_store({"d2": "قال المدير إن العمل مستمر."})
    spans = [
        _span("QUOTE", "إن الوضع جيد", "q1", attrs={"type": "indirect"}),
        _span("SPEAKER", "الرئيس", "s1", attrs={"entity": "e1"}),
        _span("QUOTE", "أن الأمر مهم", "q2", attrs={"type": "indirect"}, origin="suggested"),
        _span("SPEAKER", "الوزير", "s2", attrs={"entity": "e2"}, origin="suggested"),
        _span("QUOTE", "سنواصل العمل", "q3", attrs={"type": "direct"}),
        _span("QUOTE", "أن الاقتصاد يتحسن", "q4", attrs={"type": "mixed"}),
        _span("SPEAKER", "الخبير", "s4", attrs={"discuss": True, "note": "a person or a body?"}),
        _span("QUOTE", "إن الحوار مستمر", "q5", attrs={"type": "indirect"}),
        _span("SPEAKER", "الرئيس", "s5", 1, attrs={"entity": "e1"}),
        _span("CLAIM", "المفاوضات متعثرة", "c1"),
    ]
    relations = [Relation("r1", "SAID_BY", "q1", "s1"), Relation("r2", "SAID_BY", "q2", "s2"),
                 Relation("r4", "SAID_BY", "q4", "s4"), Relation("r5", "SAID_BY", "q5", "s5")]
    entities = [Entity("e1", "الرئيس"), Entity("e2", "الوزير"), Entity("e3", "السفير"), Entity("e4", "المدير")]
    doc = make_document(TEXT, id="d1", meta={"title": "d1"})
    store.import_records([Record(doc, Layer("d1", "amal", "in_progress", spans, relations), entities, None)])
    d2 = store.document("d2").text
    store.import_records([Record(store.document("d2"), Layer("d2", "amal", "in_progress",
                                                             [Span.of(d2, "SPEAKER", 4, 10, id="m4",
                                                                      attrs={"entity": "e4"})], []), [], None)])
    pending = Span.of(TEXT, "QUOTE", *find(TEXT, "أن المفاوضات متعثرة"), id="g1", attrs={"type": "indirect"},
                      origin="suggested")
    store.put_suggestions("d1", Layer("d1", "suggestions", "todo", [pending], []))
    return store


@pytest.fixture
def win(qtbot, store):
    return open_window(qtbot, store, doc="d1")


def _shown(win) -> list[str]:
    proxy = win.quotes.proxy
    settle()
    return [proxy.index(r, 0).data(KeyRole)[1] for r in range(proxy.rowCount())]


def test_the_quotes_sidebar_filters_by_kind_origin_speaker_and_discussion_and_counts(win, qtmodeltester):
    bar = win.quotes.filters
    assert _shown(win) == ["q1", "q2", "q3", "q4", "q5", "g1", "c1"]
    assert bar.count.text() == "7 records" and not bar.clear.isVisible()
    expected = {
        QuoteCriteria(kind="direct"): ["q3"],
        QuoteCriteria(kind="indirect"): ["q1", "q2", "q5", "g1"],
        QuoteCriteria(kind="mixed"): ["q4"],
        QuoteCriteria(kind="claim"): ["c1"],
        QuoteCriteria(kind="quote"): ["q1", "q2", "q3", "q4", "q5", "g1"],
        QuoteCriteria(origin="manual"): ["q1", "q3", "q4", "q5", "c1"],
        QuoteCriteria(origin="accepted"): ["q2"],
        QuoteCriteria(origin="pending"): ["g1"],
        QuoteCriteria(no_speaker=True): ["q3", "g1"],  # a claim needs no speaker of its own
        QuoteCriteria(discuss=True): ["q4"],  # its speaker mention is flagged
        QuoteCriteria(kind="indirect", no_speaker=True): ["g1"],
        QuoteCriteria(origin="manual", no_speaker=True): ["q3"],
        QuoteCriteria(kind="direct", discuss=True): [],
    }
    for criteria, rows in expected.items():
        bar.set_criteria(criteria)
        assert _shown(win) == rows, criteria
        assert bar.count.text() == f"{len(rows)} of 7"
        assert bar.clear.isVisibleTo(win.quotes)
    qtmodeltester.check(win.quotes.proxy)
    bar.set_criteria(QuoteCriteria(discuss=True))
    assert win.quotes.proxy.index(0, QuotesModel.KIND).data().startswith("⚑ ")  # the flag is shown
    bar.clear.click()
    assert len(_shown(win)) == 7 and bar.count.text() == "7 records"


def test_the_filters_follow_edits_as_they_happen(win):
    bar = win.quotes.filters
    bar.no_speaker.setChecked(True)  # the controls themselves
    assert _shown(win) == ["q3", "g1"]
    win.session.select("q3")
    label(win, *find(TEXT, "المتحدثة"), K.Key_S)  # linked to the current record: it has a speaker now
    assert _shown(win) == ["g1"] and bar.count.text() == "1 of 7"
    press(win.view, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _shown(win) == ["q3", "g1"]


def test_grouped_by_speaker_no_speaker_first_then_by_name_then_the_article(win, qtmodeltester):
    bar = win.quotes.filters
    bar.group.setChecked(True)
    proxy = win.quotes.proxy
    assert _shown(win) == ["q3", "g1", "q4", "q1", "q5", "q2", "c1"]
    starts = [proxy.index(r, 0).data(GroupStartRole) for r in range(proxy.rowCount())]
    assert starts == [True, False, True, True, False, True, True]
    speaker = [proxy.index(r, QuotesModel.SPEAKER).data() for r in range(proxy.rowCount())]
    assert speaker[0] == "⚠ no speaker (2)"
    assert speaker[2] == "\u2068الخبير\u2069 (1)"  # a mention not in the registry: its words
    assert speaker[3] == "\u2068الرئيس\u2069 (2)" and proxy.index(3, QuotesModel.SPEAKER).data(
        Qt.ItemDataRole.FontRole).bold()
    assert speaker[6] == "(the article) (1)"
    qtmodeltester.check(proxy)
    # Grouping combines with filters, and the sections count what is shown.
    bar.kind.setCurrentIndex(bar.kind.findData("indirect"))
    assert _shown(win) == ["g1", "q1", "q5", "q2"]
    assert proxy.index(1, QuotesModel.SPEAKER).data() == "\u2068الرئيس\u2069 (2)"
    # A speaker linked moves the record into its section.
    bar.kind.setCurrentIndex(0)
    win.session.select("q3")
    label(win, *find(TEXT, "المتحدثة"), K.Key_S)
    assert _shown(win) == ["g1", "q4", "q1", "q5", "q3", "q2", "c1"]  # المتحدثة sorts between الرئيس and الوزير


def test_the_current_record_stays_selected_when_shown_and_the_arrow_keys_walk_the_rows(win, qtbot):
    quotes = win.quotes
    quotes.filters.set_criteria(QuoteCriteria(kind="indirect", group=True))
    table = quotes.table
    win.session.select("q5")
    qtbot.waitUntil(lambda: table.currentIndex().isValid() and table.currentIndex().data(KeyRole)[1] == "q5")
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    win.session.select("q3")  # direct: filtered out, nothing stale is selected
    qtbot.waitUntil(lambda: not table.selectionModel().hasSelection())
    win.session.select("s1")  # a part: its record's row (q1 is current again after selecting it)
    win.session.select("q1")
    qtbot.waitUntil(lambda: table.currentIndex().data(KeyRole) == ("amal", "q1"))
    table.setFocus()
    press(table, K.Key_Down)  # q1 -> q5 (the speaker's section)
    assert win.session.selected == "q5" and win.session.record == "q5"
    press(table, K.Key_Down)  # -> q2 (the next section)
    assert win.session.selected == "q2"
    assert win.view.selected == ("amal", "q2")  # the article follows


def test_the_filters_are_remembered(qtbot, win, store):
    win.quotes.filters.set_criteria(QuoteCriteria(kind="mixed", discuss=True, group=True))
    win.speakers.filters.scope.setCurrentIndex(win.speakers.filters.scope.findData("here"))
    win.settings.sync()
    again = open_window(qtbot, store, doc="d1")
    assert again.quotes.filters.criteria() == QuoteCriteria(kind="mixed", discuss=True, group=True)
    assert _shown(again) == ["q4"]
    assert again.speakers.filters.scope.currentData() == "here"


def _speakers(win) -> list[str]:
    settle()
    proxy = win.speakers.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.EditRole) for r in range(proxy.rowCount())]


def test_the_speakers_sidebar_filters_and_sorts_by_mentions_here_and_in_the_project(win, qtbot):
    bar = win.speakers.filters
    assert sorted(_speakers(win)) == sorted(["الرئيس", "الوزير", "السفير", "المدير"])
    assert bar.count.text() == "4 speakers"
    scope = {value: bar.scope.findData(value) for value in ("here", "project", "nowhere")}
    bar.scope.setCurrentIndex(scope["here"])
    bar.sort.setCurrentIndex(1)  # most mentioned here first
    assert _speakers(win) == ["الرئيس", "الوزير"] and bar.count.text() == "2 of 4"
    bar.scope.setCurrentIndex(scope["project"])
    assert sorted(_speakers(win)) == sorted(["الرئيس", "الوزير", "المدير"])
    bar.scope.setCurrentIndex(scope["nowhere"])
    assert _speakers(win) == ["السفير"]
    # Counts follow the open document: the director is mentioned in d2 only.
    bar.scope.setCurrentIndex(scope["here"])
    win.open_document("d2")
    qtbot.waitUntil(lambda: _speakers(win) == ["المدير"])
    win.open_document("d1")
    qtbot.waitUntil(lambda: _speakers(win) == ["الرئيس", "الوزير"])
    # A new mention brings its speaker in.
    label(win, *find(TEXT, "مصدر"), K.Key_S)
    qtbot.waitUntil(lambda: len(_speakers(win)) == 3)


def test_the_counts_follow_a_removed_row(win):
    """A proxy announces a removed row before its source drops it: the count read the old total (seen in a real
    window: a quote added, undone, and the sidebar still said "1 records")."""
    from app.core.changes import RemoveEntity, remove_span

    quotes, speakers = win.quotes.filters, win.speakers.filters
    assert quotes.count.text() == "7 records" and speakers.count.text() == "4 speakers"
    assert win.session.apply(remove_span(win.session.layer, "q3"))
    settle()
    assert quotes.count.text() == "6 records"
    win.session.undo_stack.undo()
    settle()
    assert quotes.count.text() == "7 records"
    assert win.session.apply(RemoveEntity(Entity("e3", "السفير")))
    settle()
    assert speakers.count.text() == "3 speakers"
