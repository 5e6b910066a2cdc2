"""The agreement report window: computed in the background for this document, the selected documents or the
project; the same figures as the core report; saved as JSON and HTML, never over a file that is not a report."""

from __future__ import annotations

import orjson
import pytest
from PySide6.QtCore import Qt

from app.core.review.agreement import agreement_report
from app.core.jsonl import Record, make_document
from app.core.model import GOLD, Layer, Span
from app.core.review.report import FORMAT, report_to_json
from app.core.sources import read_sources
from app.operations.transfer import import_paths
from app.operations.project import gui_api
from app.ui.review.agreement_view import AgreementWindow
from review_support import teammates_files
from ui_seed_script import SEED
from ui_support import open_window, press

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SEED_ID = "000_615554193b62eb79"
SHORT = "قال الوزير إن الأمر مهم جدا اليوم."


@pytest.fixture(scope="module")
def files(qapp, tmp_path_factory):
    return teammates_files(tmp_path_factory.mktemp("teammates"))


@pytest.fixture
def win(qtbot, make_store, files):
    store = make_store()
    store.import_records(read_sources([SEED]))
    import_paths(store, [str(files[0]), str(files[1])])
    doc = make_document(SHORT, id="short", meta={"title": "short"})
    a = Layer("short", "ali", spans=[Span.of(SHORT, "QUOTE", 11, 27, id="q")])
    b = Layer("short", "sara", spans=[Span.of(SHORT, "CLAIM", 11, 27, id="q")])
    store.import_records([Record(doc, a, [], None), Record(doc, b, [], None),
                          Record(make_document("نص لم يعلق عليه أحد.", id="empty"), None, [], None)])
    return open_window(qtbot, store, annotator="rev", doc=SEED_ID, api=gui_api())


def computed(qtbot, win) -> AgreementWindow:
    window = win._agreement_window
    qtbot.waitUntil(lambda: window.report is not None and window.compute_button.isEnabled(), timeout=20000)
    return window


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_report_of_this_document_shows_the_core_figures_and_the_chart(qtbot, win):
    press(win.view, K.Key_G, CTRL | SHIFT)
    window = computed(qtbot, win)
    store = win.session.store
    expected = agreement_report([(store.document(SEED_ID), store.layers(SEED_ID))])
    report = window.report
    assert report.documents == (SEED_ID,) and report.annotators == ("ali", "sara")
    assert report_to_json(report)["all"] == report_to_json(expected)["all"]
    labels = window.labels
    assert labels.rowCount() == len(report.labels) + 1
    quote = report.all.labels["QUOTE"]
    row = cells(labels, list(report.labels).index("QUOTE"))
    assert row[0] == "Quote" and row[2] == f"{quote.exact.f1:.3f}" and row[3] == f"{quote.overlap.f1:.3f}"
    assert cells(labels, labels.rowCount() - 1)[0] == "overall"
    # The chart is the report's own SVG, drawn.
    size = window.chart.renderer().defaultSize()
    assert size.width() > 300 and size.height() > 100 and window.chart.renderer().isValid()
    # Attribution: sara's retyped quote is the one type disagreement among the matched quotes.
    types = next(r for r in range(window.attribution.rowCount())
                 if cells(window.attribution, r)[:2] == ["Quote", "type"])
    matched, compared, agreed = (int(x) for x in cells(window.attribution, types)[2:5])
    assert compared - agreed == 1 and matched >= compared
    assert window.pair.count() == 1 and window.pair.currentText() == "ali (reference) / sara"
    assert window.pair_table.rowCount() == len(report.labels) + 1


def test_the_selected_documents_and_the_whole_project_are_scopes(qtbot, win):
    table = win.documents.table
    model = table.selectionModel()
    # Through the selection model: QTest leaves the last Ctrl+Shift as the application's modifier state, which
    # selectRow would read as "toggle".
    model.select(win.documents.proxy.index(win.documents.model.row_of(SEED_ID), 0),
                 model.SelectionFlag.ClearAndSelect | model.SelectionFlag.Rows)
    model.select(win.documents.proxy.index(win.documents.model.row_of("short"), 0),
                 model.SelectionFlag.Select | model.SelectionFlag.Rows)
    assert win.documents.selected_ids() == [SEED_ID, "short"], win.documents.selected_ids()
    win.review.open_agreement()
    window = computed(qtbot, win)
    assert window.scope() == "selection"
    assert set(window.report.documents) == {SEED_ID, "short"}
    assert window.report.title == "Agreement: 2 selected documents"
    assert window.report.all.labels["CLAIM"].exact.b >= 1  # sara's claim in the short document counts
    window.scope_buttons["project"].setChecked(True)
    window.report = None
    window.compute()
    window = computed(qtbot, win)
    assert set(window.report.documents) == {SEED_ID, "short"}  # the unannotated document has no layers
    assert window.documents.rowCount() == 2


def test_gold_as_the_reference_scores_every_annotator_against_gold(qtbot, win):
    press(win.view, K.Key_R, CTRL)
    press(win.view, K.Key_A, CTRL | SHIFT)  # gold: everything both agree on
    win.review.open_agreement()
    window = computed(qtbot, win)
    window.gold_first.setChecked(True)
    window.report = None
    window.compute()
    window = computed(qtbot, win)
    assert window.report.annotators == (GOLD, "ali", "sara")
    pair = window.report.pair(GOLD, "ali")
    assert pair.annotators == (GOLD, "ali")
    # Gold holds only what both agreed on: every gold span is in ali's layer (recall against gold is 1).
    assert pair.overall.exact.recall == pytest.approx(1.0) and pair.overall.exact.precision < 1


def test_the_report_saves_as_json_and_html_and_never_over_another_file(qtbot, win, tmp_path, monkeypatch):
    win.review.open_agreement()
    window = computed(qtbot, win)
    target = {}
    monkeypatch.setattr(AgreementWindow, "ask_path", staticmethod(lambda *a: target["path"]))
    warnings = []
    monkeypatch.setattr(window, "warn", warnings.append)
    target["path"] = str(tmp_path / "agreement.json")
    assert window.save("json") is not None
    data = orjson.loads((tmp_path / "agreement.json").read_bytes())
    assert data["format"] == FORMAT and data == orjson.loads(orjson.dumps(report_to_json(window.report)))
    assert window.save("json") is not None  # our own report may be replaced
    target["path"] = str(tmp_path / "agreement.html")
    assert window.save("html") is not None
    html = (tmp_path / "agreement.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="Qawl">' in html and "<svg" in html and "ali" in html
    # Files that are not reports are never overwritten, and the reason is shown.
    for name, content in (("notes.json", b'{"mine": true}\n'), ("page.html", b"<html>mine</html>")):
        foreign = tmp_path / name
        foreign.write_bytes(content)
        target["path"] = str(foreign)
        assert window.save("json" if name.endswith(".json") else "html") is None
        assert foreign.read_bytes() == content
        assert "never overwrites" in warnings[-1] and name in warnings[-1]
        assert "never overwrites" in window.info.text()
    assert len(warnings) == 2
