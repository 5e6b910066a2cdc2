"""Every change applied to the store and to the in-memory Workspace gives the same state, its inverse restores
the previous state exactly, and it survives serialisation (the history table)."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.changes import (AddClaim, AddEntity, AddRelation, AddSpan, Batch, Change, RemoveRelation, SetLayerNote,
                              SetStatus, UpdateClaim, UpdateEntity, UpdateSpan, merge_entities, remove_span)
from app.core.workspace import Workspace
from app.core.errors import ConflictError, QawlError
from app.core.jsonl import make_document
from app.core.model import CanonicalClaim, Entity, Relation, Span
from app.core.notes import with_note
from app.store import Store

TEXT = "أكد المبعوث الروسي ألكسندر لافرينتيف أن سحب القوات سيتبعه انسحاب. وقال لافرينتيف: «سنرى» يوم 18 كانون الثاني."


def fresh():
    store = Store.open(":memory:")
    doc = make_document(TEXT, id="d1")
    from app.core.jsonl import Record

    store.import_records([Record(doc)])
    return store, Workspace()


def snapshot_store(store):
    layer = store.layer("d1", "ali")
    strip = lambda s: replace(s, created=None, updated=None)
    return (layer.status, layer.note, layer.discuss, {k: strip(v) for k, v in layer.spans.items()},
            {k: replace(v, created=None) for k, v in layer.relations.items()}, store.entities(),
            dict(sorted(store.claims().items())))


def snapshot_ws(ws):
    layer = ws.layer("d1", "ali")
    strip = lambda s: replace(s, created=None, updated=None)
    return (layer.status, layer.note, layer.discuss, {k: strip(v) for k, v in layer.spans.items()},
            {k: replace(v, created=None) for k, v in layer.relations.items()}, dict(sorted(ws.entities.items())),
            dict(sorted(ws.claims.items())))


def sp(label, sub, id, **kw):
    start = TEXT.index(sub)
    return Span.of(TEXT, label, start, start + len(sub), id=id, **kw)


@st.composite
def edit_scripts(draw):
    """A random but valid sequence of edits on one layer, as the UI could make them."""
    ws = Workspace()
    layer = ws.layer("d1", "ali")
    changes = []
    words = [w for w in set(TEXT.replace(".", " ").replace(":", " ").split()) if w not in "«»"]
    for i in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["add", "add", "update", "remove", "relate", "unrelate", "status", "entity",
                                     "claim", "link", "verdict", "note", "doc_note"]))
        if kind == "add" or not layer.spans:
            word = draw(st.sampled_from(sorted(words)))
            label = draw(st.sampled_from(["QUOTE", "SPEAKER", "CUE", "DATE", "CLAIM"]))
            attrs = {"type": "direct"} if label == "QUOTE" else {"value": "2024-01-18"} if label == "DATE" else {}
            ch = AddSpan("d1", "ali", sp(label, word, f"s{i}", attrs=attrs))
        elif kind == "update":
            old = layer.spans[draw(st.sampled_from(sorted(layer.spans)))]
            new_end = min(len(TEXT), old.end + draw(st.integers(0, 3)))
            ch = UpdateSpan("d1", "ali", old, old.with_range(TEXT, old.start, new_end))
        elif kind == "remove":
            ch = remove_span(layer, draw(st.sampled_from(sorted(layer.spans))))
        elif kind == "relate":
            quotes = [s for s in layer.spans.values() if s.label == "QUOTE"]
            cues = [s for s in layer.spans.values() if s.label == "CUE"]
            if not quotes or not cues:
                continue
            ch = AddRelation("d1", "ali", Relation(f"r{i}", "CUE", quotes[0].id, cues[0].id))
        elif kind == "unrelate":
            if not layer.relations:
                continue
            ch = RemoveRelation("d1", "ali", layer.relations[sorted(layer.relations)[0]])
        elif kind == "status":
            ch = SetStatus("d1", "ali", layer.status, draw(st.sampled_from(["todo", "in_progress", "done"])))
        elif kind == "claim":
            ch = AddClaim(CanonicalClaim(f"k{i}", f"Claim {i}", draw(st.sampled_from([None, "false", "true"]))))
        elif kind == "link":
            claims = [s for s in layer.spans.values() if s.label == "CLAIM"]
            if not claims or not ws.claims:
                continue
            target = draw(st.sampled_from(sorted(ws.claims)))
            ch = UpdateSpan("d1", "ali", claims[0], replace(claims[0], attrs={**claims[0].attrs, "claim": target,
                                                                              "verdict": "misleading"}))
        elif kind == "verdict":
            if not ws.claims:
                continue
            old = ws.claims[sorted(ws.claims)[0]]
            ch = UpdateClaim(old, replace(old, verdict=draw(st.sampled_from([None, "unverifiable"])),
                                          factcheck="https://example.org/check/1"))
        elif kind == "note":
            old = layer.spans[draw(st.sampled_from(sorted(layer.spans)))]
            new = with_note(old, draw(st.sampled_from(["", "check the boundary", "ملاحظة"])), draw(st.booleans()))
            if new == old:
                continue
            ch = UpdateSpan("d1", "ali", old, new)
        elif kind == "doc_note":
            after = (draw(st.sampled_from(["", "long interview", "مقابلة"])), draw(st.booleans()))
            if after == (layer.note, layer.discuss):
                continue
            ch = SetLayerNote("d1", "ali", (layer.note, layer.discuss), after)
        else:
            ch = AddEntity(Entity(f"e{i}", f"Speaker {i}"))
        ch.apply(ws)
        changes.append(ch)
    return changes


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(edit_scripts())
def test_store_and_workspace_agree_and_undo_restores_every_state(changes):
    store, ws = fresh()
    states = [snapshot_store(store)]
    for ch in changes:
        store.apply(ch, actor="ali")
        ch.apply(ws)
        assert snapshot_store(store) == snapshot_ws(ws)
        states.append(snapshot_store(store))
    for ch in reversed(changes):
        states.pop()
        store.apply(ch.inverse(), actor="ali")
        assert snapshot_store(store) == states[-1]
    assert len(store.history()) == 2 * len(changes) + 1  # + the import event


@given(edit_scripts())
def test_changes_survive_serialisation(changes):
    for ch in changes:
        assert Change.from_dict(ch.to_dict()) == ch
        assert ch.inverse().inverse() == ch
    batch = Batch(tuple(changes), "all")
    assert Change.from_dict(batch.to_dict()) == batch


def test_a_stale_change_is_refused_and_changes_nothing():
    store, _ = fresh()
    s = sp("CUE", "أكد", "c1")
    store.apply(AddSpan("d1", "ali", s))
    before = snapshot_store(store)
    stale = UpdateSpan("d1", "ali", replace(s, attrs={"x": 1}), s.with_range(TEXT, 0, 4))
    with pytest.raises(ConflictError):
        store.apply(stale)
    with pytest.raises(ConflictError):
        store.apply(AddSpan("d1", "ali", s))
    assert snapshot_store(store) == before


def test_a_batch_is_all_or_nothing():
    store, _ = fresh()
    good = AddSpan("d1", "ali", sp("CUE", "أكد", "c1"))
    bad = AddSpan("d1", "ali", sp("PERSON", "لافرينتيف", "p1"))  # not in the schema
    with pytest.raises(QawlError, match="unknown label"):
        store.apply(Batch((good, bad)))
    assert not store.layer("d1", "ali").spans and len(store.history()) == 1


def test_store_refuses_spans_that_do_not_match_the_text():
    store, _ = fresh()
    with pytest.raises(QawlError, match="does not match"):
        store.apply(AddSpan("d1", "ali", Span("x", "CUE", 0, 3, "قال")))


def test_merge_speakers_moves_every_mention_and_undoes():
    store, _ = fresh()
    full, short = Entity("e1", "ألكسندر لافرينتيف"), Entity("e2", "لافرينتيف", ("المبعوث",))
    store.apply(AddEntity(full))
    store.apply(AddEntity(short))
    m1 = sp("SPEAKER", "ألكسندر لافرينتيف", "m1", attrs={"entity": "e1"})
    start = TEXT.index("لافرينتيف:")
    m2 = Span.of(TEXT, "SPEAKER", start, start + len("لافرينتيف"), id="m2", attrs={"entity": "e2"})
    store.apply(AddSpan("d1", "ali", m1))
    store.apply(AddSpan("d1", "ali", m2))
    before = snapshot_store(store)
    merge = merge_entities(full, short, store.layers_mentioning("e2"))
    store.apply(merge)
    assert store.layer("d1", "ali").spans["m2"].entity == "e1"
    assert set(store.entities()) == {"e1"} and store.entity("e1").aliases == ("لافرينتيف", "المبعوث")
    assert store.mention_counts() == {"e1": 2}
    store.apply(merge.inverse())
    assert snapshot_store(store) == before


def test_removing_a_speaker_still_mentioned_is_refused():
    store, _ = fresh()
    e = Entity("e1", "لافرينتيف")
    store.apply(AddEntity(e))
    store.apply(AddSpan("d1", "ali", sp("SPEAKER", "لافرينتيف", "m1", attrs={"entity": "e1"})))
    with pytest.raises(ConflictError, match="still used"):
        store.apply(AddEntity(e).inverse())
    store.apply(UpdateEntity(e, Entity("e1", "ألكسندر لافرينتيف")))
    assert store.entity("e1").name == "ألكسندر لافرينتيف"
