"""The session: store first, then cache, one signal; undo and redo of every kind of edit through the store."""

from __future__ import annotations

import pytest

from app.core.model import Entity
from app.ui import edits
from app.ui.session import Session

TEXT = "قال الوزير “نحن مستعدون” يوم 18 كانون الثاني.\nوأضاف الوزير أن الأمر مهم."


@pytest.fixture
def session(qapp, make_store):
    store = make_store({"d1": TEXT, "d2": "نص ثان للوثيقة الثانية."})
    s = Session(store, "ann")
    s.open("d1")
    return s


def _stored(session):
    return session.store.layer("d1", "ann")


def _add(session, label, start, end, record=None):
    added = edits.add_annotation(TEXT, session.layer, session.schema, session.entities, label, start, end,
                                 record=record)
    assert session.apply(added.change)
    return added


def test_an_applied_edit_is_in_the_database_before_the_signal(session):
    seen = []
    session.changed.connect(lambda ev: seen.append(set(_stored(session).spans)))
    added = _add(session, "QUOTE", 11, 25)
    assert seen == [{added.span.id}]
    assert session.layer == _stored(session)


def test_a_refused_edit_changes_nothing_and_says_why(session):
    errors = []
    session.failed.connect(errors.append)
    added = _add(session, "QUOTE", 11, 25)
    assert not session.apply(added.change)  # the same span id again
    assert errors and "d1" in errors[0]
    assert session.undo_stack.count() == 1
    assert len(_stored(session).spans) == 1


@pytest.mark.parametrize("kind", ["add", "remove", "resize", "attr", "relabel", "link", "status", "entity",
                                  "merge"])
def test_undo_and_redo_of_each_kind_of_edit_go_through_the_store(session, kind):
    q = _add(session, "QUOTE", 11, 25)
    s = _add(session, "SPEAKER", 4, 10, record=q.span.id)
    layer = session.layer
    if kind == "add":
        change = edits.add_annotation(TEXT, layer, session.schema, session.entities, "CUE", 0, 3).change
    elif kind == "remove":
        change = edits.delete(layer, q.span.id)
    elif kind == "resize":
        change = edits.resize(TEXT, layer, q.span.id, 12, 24)
    elif kind == "attr":
        change = edits.set_attr(layer, q.span.id, "type", "mixed")
    elif kind == "relabel":
        change = edits.relabel(layer, session.schema, q.span.id, "CLAIM")
    elif kind == "link":
        d = _add(session, "DATE", 30, 45)
        change = edits.link(session.layer, session.schema, q.span.id, d.span.id)
    elif kind == "status":
        change = edits.set_status(layer, "done")
    elif kind == "entity":
        change = edits.rename_entity(session.entities[s.span.entity], "وزير الخارجية")
    else:
        other = Entity("e-other", "الوزير الآخر")
        session.apply(edits.AddEntity(other))
        keep = session.entities[s.span.entity]
        change = edits.merge(other, keep, session.store.layers_mentioning(keep.id))
    before_layer, before_entities = _stored(session), session.store.entities()
    assert session.apply(change)
    after_layer, after_entities = _stored(session), session.store.entities()
    assert (after_layer, after_entities) != (before_layer, before_entities)
    session.undo_stack.undo()
    assert _stored(session) == before_layer and session.store.entities() == before_entities
    assert session.layer == before_layer and session.entities == before_entities
    session.undo_stack.redo()
    assert _stored(session) == after_layer and session.store.entities() == after_entities
    assert session.layer == after_layer
    history = session.store.history("d1")
    assert history[-1].kind == change.kind or kind in ("entity", "merge")


def test_undo_brings_the_edited_document_back_into_view(session):
    _add(session, "QUOTE", 11, 25)
    session.open("d2")
    session.undo_stack.undo()
    assert session.document.id == "d1" and not session.layer.spans


def test_undo_of_a_change_made_stale_elsewhere_clears_history_and_reloads(session, qtbot):
    q = _add(session, "QUOTE", 11, 25)
    # Someone else removes the span behind the session's back (e.g. an import with --replace).
    session.store.apply(edits.delete(session.store.layer("d1", "ann"), q.span.id))
    errors = []
    session.failed.connect(errors.append)
    session.undo_stack.undo()
    assert errors
    qtbot.waitUntil(lambda: session.undo_stack.count() == 0)
    assert session.layer == _stored(session)


def test_selecting_a_quote_makes_it_the_current_record_and_removal_clears_both(session):
    q = _add(session, "QUOTE", 11, 25)
    session.select(q.span.id)
    assert session.selected == q.span.id and session.record == q.span.id
    session.apply(edits.delete(session.layer, q.span.id))
    assert session.selected is None and session.record is None


def test_mention_counts_follow_speaker_edits(session):
    q = _add(session, "QUOTE", 11, 25)
    s = _add(session, "SPEAKER", 4, 10, record=q.span.id)
    assert session.mention_counts() == {s.span.entity: 1}
    session.apply(edits.delete(session.layer, s.span.id))
    assert session.mention_counts() == {}


def test_undo_history_entries_are_described_in_words(session):
    from app.ui.names import describe

    q = _add(session, "QUOTE", 11, 25)
    # The document's words are isolated (FSI … PDI) so an Arabic name keeps its place in an English line.
    assert session.undo_stack.text(0) == "Add Quote “\u2068“نحن مستعدون”\u2069”"
    session.apply(edits.set_status(session.layer, "done"))
    assert session.undo_stack.text(1) == "Mark Done"
    assert describe(edits.relabel(session.layer, session.schema, q.span.id, "CLAIM")) == "Relabel Quote → Claim"
