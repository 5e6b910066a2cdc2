"""Every item model passes Qt's model tester, also while rows come and go through real edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.model import Span
from app.ui import edits
from app.ui.doclist import DocumentsModel
from app.ui.models import SpeakerFilter, SpeakersModel
from app.ui.render import LayerStyle
from app.ui.session import Session
from app.ui.span_models import DatesModel, KeyRole, QuotesModel

TEXT = "قال الوزير “نحن مستعدون” يوم 18 كانون الثاني.\nوأكد السفير أن الأمر مهم."


@pytest.fixture
def session(qapp, make_store):
    store = make_store({"d1": TEXT, "d2": "نص ثان."})
    s = Session(store, "amal")
    s.open("d1")
    return s


def _apply(session, change):
    assert session.apply(change)
    QApplication.processEvents()  # the models follow on the next event-loop turn (queued)


def _label(session, label, sub, record=None):
    start = TEXT.index(sub)
    added = edits.add_annotation(TEXT, session.layer, session.schema, session.entities, label, start,
                                 start + len(sub), record=record)
    _apply(session, added.change)
    return added.span


def _edit_everything(session):
    q = _label(session, "QUOTE", "“نحن مستعدون”")
    s = _label(session, "SPEAKER", "الوزير", record=q.id)
    _label(session, "CUE", "قال", record=q.id)
    d = _label(session, "DATE", "18 كانون الثاني", record=q.id)
    _apply(session, edits.set_attr(session.layer, d.id, "value", "2024-01-18"))
    q2 = _label(session, "QUOTE", "أن الأمر مهم")
    s2 = _label(session, "SPEAKER", "السفير", record=q2.id)
    _apply(session, edits.rename_entity(session.entities[s.entity], "وزير الخارجية"))
    keep, gone = session.entities[s.entity], session.entities[s2.entity]
    _apply(session, edits.merge(keep, gone, [session.layer]))
    _apply(session, edits.resize(TEXT, session.layer, q2.id, q2.start + 3, q2.end))
    _apply(session, edits.relabel(session.layer, session.schema, q2.id, "CLAIM"))
    _apply(session, edits.delete(session.layer, d.id))
    _apply(session, edits.set_status(session.layer, "done"))
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
        QApplication.processEvents()
    while session.undo_stack.canRedo():
        session.undo_stack.redo()
        QApplication.processEvents()
    # Edits queued, then another document opened before they were delivered: the models must not replay them.
    session.apply(edits.set_status(session.layer, "in_progress"))
    session.apply(edits.delete(session.layer, q.id))
    session.open("d2")
    session.open("d1")
    QApplication.processEvents()


@pytest.mark.parametrize("make_model", [
    lambda s: QuotesModel(s),
    lambda s: DatesModel(s),
    lambda s: SpeakersModel(s),
    lambda s: DocumentsModel(s),
])
def test_models_pass_the_model_tester_through_edits_undo_and_redo(session, qtmodeltester, make_model):
    model = make_model(session)
    qtmodeltester.check(model, force_py=True)
    _edit_everything(session)
    qtmodeltester.check(model, force_py=True)


def _speaker_filter(session):
    proxy = SpeakerFilter()
    proxy.setSourceModel(SpeakersModel(session, proxy))
    return proxy


def _document_filter(session):
    return DocumentsModel(session)  # filtered and sorted in SQL: the model is its own filter


# One model per test: pytest-qt's qtmodeltester keeps listening to every model it checked but tests only the last.
@pytest.mark.parametrize("make_proxy, query, rows", [(_speaker_filter, "الخارجية", 1), (_document_filter, "d2", 1)])
def test_filter_proxies_pass_the_model_tester(session, qtmodeltester, make_proxy, query, rows):
    proxy = make_proxy(session)
    qtmodeltester.check(proxy, force_py=True)
    _edit_everything(session)
    proxy.set_query(query)
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == rows


def test_quotes_model_shows_a_second_layer_distinctly(session, qtmodeltester):
    start = TEXT.index("أن الأمر مهم")
    suggestion = Span.of(TEXT, "QUOTE", start, start + 12, attrs={"type": "indirect"}, origin="suggested")
    session.store.apply(edits.AddSpan("d1", "suggestions", suggestion))
    session.show_layer("suggestions", LayerStyle("suggestions", filled=False, dashed=True))
    model = QuotesModel(session)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 1
    index = model.index(0, 1)
    assert model.data(index, KeyRole) == ("suggestions", suggestion.id)
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#777777"
    # Grey, not italic: Arabic has no italics (an oblique font without Arabic letters would draw boxes).
    assert model.data(index, Qt.ItemDataRole.FontRole) is None
