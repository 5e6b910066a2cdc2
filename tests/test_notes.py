"""Notes and the "needs discussion" flag (#13 part 3): on spans (the ``note`` / ``discuss`` attributes of any label)
and on documents (the annotator's layer), undoable changes, kept by the store and in every export that has a place
for them, never a difference in review."""

from __future__ import annotations

from dataclasses import replace

import orjson
import pytest

from app.core.changes import AddSpan, SetLayerNote, UpdateSpan
from app.core.workspace import Workspace
from app.core.errors import ConflictError, QawlError
from app.core.jsonl import Record, export_record, make_document, parse_record
from app.core.model import GOLD, Layer, Span
from app.core.notes import discussed, layer_notes, matching, note_of, with_note, without_notes
from app.core.review.adjudicate import accept
from app.core.review.diff import differences
from app.core.review.triage import edited
from app.core.schema import DEFAULT_SCHEMA

TEXT = "قال الرئيس إن الوضع جيد. وأضاف الوزير أن الأمر مهم."


def quote(id="q1", start=0, end=24, **attrs) -> Span:
    return Span.of(TEXT, "QUOTE", start, end, id=id, attrs={"type": "indirect", **attrs})


def test_a_note_and_a_flag_are_set_and_cleared_without_leaving_empty_attributes():
    q = quote()
    noted = with_note(q, "  boundary?  ", True)
    assert note_of(noted) == "boundary?" and discussed(noted)
    assert noted.attrs == {"type": "indirect", "note": "boundary?", "discuss": True}
    cleared = with_note(noted, "", False)
    assert cleared.attrs == {"type": "indirect"}
    assert with_note(q, None, None) is q
    assert without_notes(noted.attrs) == {"type": "indirect"}


def test_the_schema_refuses_a_note_that_is_not_text_and_a_flag_that_is_not_boolean_on_any_label():
    for label in ("QUOTE", "SPEAKER", "CUE", "DATE"):
        span = Span.of(TEXT, label, 4, 10, attrs={"note": 3})
        with pytest.raises(QawlError, match="note must be text"):
            DEFAULT_SCHEMA.check_span(span)
        with pytest.raises(QawlError, match="attrs.discuss"):
            DEFAULT_SCHEMA.check_span(replace(span, attrs={"discuss": "yes"}))
    DEFAULT_SCHEMA.check_span(Span.of(TEXT, "CLAIM", 11, 23, attrs={"note": "source?", "discuss": True}))


def test_layer_notes_list_the_document_first_then_spans_in_text_order_and_filter():
    a = with_note(quote("a", 25, 50), "second", True)
    b = with_note(quote("b", 0, 24), "first")
    layer = Layer("d1", "ali", "in_progress", [a, b, quote("c", 4, 10)], note="whole article", discuss=False)
    notes = layer_notes(layer)
    assert [(n.text, n.discuss, n.span.id if n.span else None) for n in notes] == \
        [("whole article", False, None), ("first", False, "b"), ("second", True, "a")]
    assert [n.text for n in matching(notes, discuss_only=True)] == ["second"]
    assert [n.text for n in matching(notes, "FIRST")] == ["first"]
    assert [n.text for n in matching(notes, "الوزير")] == ["second"]  # the annotated words are searched too


def test_a_document_note_is_an_undoable_change_checked_against_what_is_stored(make_store):
    store = make_store({"d1": TEXT})
    change = SetLayerNote("d1", "ali", ("", False), ("read the second paragraph again", True))
    store.apply(change, actor="ali")
    assert store.layer("d1", "ali").note == "read the second paragraph again"
    assert store.layer("d1", "ali").discuss is True
    with pytest.raises(ConflictError):
        store.apply(change, actor="ali")  # stale: the note is no longer empty
    store.apply(change.inverse(), actor="ali")
    assert (store.layer("d1", "ali").note, store.layer("d1", "ali").discuss) == ("", False)
    ws = Workspace()
    change.apply(ws)
    assert (ws.layer("d1", "ali").note, ws.layer("d1", "ali").discuss) == ("read the second paragraph again", True)
    assert [h.description for h in store.history("d1")][-2:] == ["Note on the document", "Note on the document"]


def test_span_notes_are_updates_like_any_edit_and_describe_themselves(make_store):
    store = make_store({"d1": TEXT})
    q = quote()
    store.apply(AddSpan("d1", "ali", q))
    change = UpdateSpan("d1", "ali", q, with_note(q, "who says this?", True))
    assert change.describe().startswith("Note on QUOTE")
    store.apply(change)
    assert store.layer("d1", "ali").spans["q1"].attrs["note"] == "who says this?"
    store.apply(change.inverse())
    assert store.layer("d1", "ali").spans["q1"] == q or store.layer("d1", "ali").spans["q1"].attrs == q.attrs


def test_the_project_notes_are_listed_across_documents_and_annotators(make_store):
    store = make_store({"d1": TEXT, "d2": "نص آخر عن الاقتصاد"})
    q = quote()
    store.apply(AddSpan("d1", "ali", with_note(q, "check", True)))
    store.apply(AddSpan("d1", "sara", quote("q2", 25, 50)))
    store.apply(SetLayerNote("d2", "sara", ("", False), ("no quotes here?", False)))
    notes = store.notes()
    assert [(n.doc_id, n.annotator, n.text, n.discuss, n.on_document) for n in notes] == \
        [("d1", "ali", "check", True, False), ("d2", "sara", "no quotes here?", False, True)]
    assert [n.doc_id for n in store.notes(annotator="sara")] == ["d2"]
    assert [n.text for n in store.notes(doc_id="d1")] == ["check"]


def test_the_partial_index_finds_noted_spans(make_store):
    store = make_store({"d1": TEXT})
    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM spans WHERE (json_extract(attrs, '$.note') IS NOT NULL OR "
        "json_extract(attrs, '$.discuss') IS NOT NULL) AND annotator = 'ali'"))
    assert "spans_noted" in plan


def _line_with_notes() -> dict:
    return {"doc_id": "d1", "text": TEXT, "annotator": "ali", "status": "in_progress",
            "note": "the second quote is a paraphrase", "discuss": True,
            "spans": [{"id": "q1", "label": "QUOTE", "start": 0, "end": 24, "attrs": {"type": "indirect",
                                                                                       "note": "boundary",
                                                                                       "discuss": True}}]}


def test_notes_round_trip_through_the_export_and_the_store(make_store):
    store = make_store()
    store.import_records([parse_record(_line_with_notes())])
    layer = store.layer("d1", "ali")
    assert (layer.note, layer.discuss) == ("the second quote is a paraphrase", True)
    assert layer.spans["q1"].attrs["note"] == "boundary"
    exported = [orjson.loads(orjson.dumps(r)) for r in store.export_records()]
    assert exported[0]["note"] == "the second quote is a paraphrase" and exported[0]["discuss"] is True
    assert exported[0]["spans"][0]["attrs"] == {"type": "indirect", "note": "boundary", "discuss": True}
    core = export_record(store.document("d1"), layer, {}, "quotes-claims")
    assert exported[0] == orjson.loads(orjson.dumps(core))
    # Re-importing the export changes nothing; the same layer with another note is a different layer.
    again = store.import_records([parse_record(exported[0])])
    assert again.layers_unchanged == 1
    other = dict(exported[0], note="changed")
    with pytest.raises(QawlError, match="different annotations"):
        store.import_records([parse_record(other)])


def test_an_export_without_notes_has_no_note_keys(make_store):
    store = make_store({"d1": TEXT})
    store.apply(AddSpan("d1", "ali", quote()))
    line = next(store.export_records())
    assert "note" not in line and "discuss" not in line


@pytest.mark.parametrize("field, value, message", [("note", 3, "note must be text"),
                                                     ("discuss", "yes", "true or false")])
def test_a_bad_document_note_is_refused_with_its_field(field, value, message):
    line = dict(_line_with_notes(), **{field: value})
    with pytest.raises(QawlError, match=message) as info:
        parse_record(line)
    assert info.value.field == field


def test_the_export_schema_describes_the_note_fields(make_store):
    import json
    from pathlib import Path

    import jsonschema

    schema = json.loads((Path(__file__).parents[1] / "resources" / "qawl-export-1.schema.json").read_text())
    store = make_store()
    store.import_records([parse_record(_line_with_notes())])
    line = orjson.loads(orjson.dumps(next(store.export_records())))
    jsonschema.validate(line, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(line, discuss=False), schema)


# --- review and suggestions ------------------------------------------------------------------------------------------

def test_a_different_note_is_not_a_difference_and_gold_does_not_take_the_flag():
    a = Layer("d1", "ali", "done", [with_note(quote(), "sure?", True)])
    b = Layer("d1", "sara", "done", [quote()])
    diffs = differences(TEXT, [a, b])
    assert [d.kind for d in diffs] == ["same"]
    batch = accept(None, [a, b], diffs[0], ["ali"], by="rev")
    ws = Workspace([a, b])
    batch.apply(ws)
    gold = ws.layer("d1", GOLD).sorted_spans()[0]
    assert "discuss" not in gold.attrs and gold.attrs["note"] == "sure?"


def test_a_note_on_an_accepted_suggestion_does_not_make_it_edited():
    accepted = replace(quote(), origin="suggested", provenance={"suggestion": "x"})
    assert edited(accepted, with_note(accepted, "fine", True)).origin == "suggested"
    assert edited(accepted, replace(accepted, attrs={"type": "direct"})).origin == "suggested-edited"


# --- other tools' formats ------------------------------------------------------------------------------------------

def test_brat_keeps_span_notes_as_annotator_notes_and_the_flag_as_a_binary_attribute():
    from app.core.formats import brat, brat_write

    doc = make_document(TEXT, id="d1")
    layer = Layer("d1", "ali", "done", [with_note(quote(), "boundary unsure", True),
                                        with_note(Span.of(TEXT, "CLAIM", 11, 23, id="c1"), "source?")])
    files = brat_write.write([Record(doc, layer)])
    ann = files["d1.ann"].decode()
    assert "AnnotatorNotes T1\tboundary unsure" in ann and "\tdiscuss T1" in ann
    assert "discuss\tArg:<ENTITY>" in files["annotation.conf"].decode()
    result = brat.read([(name, data) for name, data in files.items()], default_annotator="ali")
    back = {s.label: s.attrs for rec in result.records if rec.layer for s in rec.layer.spans.values()}
    assert back["QUOTE"]["note"] == "boundary unsure" and back["QUOTE"]["discuss"] is True
    assert back["CLAIM"]["note"] == "source?"
