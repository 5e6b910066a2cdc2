"""The suggestion layer's contract: annotator "suggestions", origin "suggested", a rule in every provenance,
whole records, valid against the schema and the text, stable ids, and the same result in bulk."""

from __future__ import annotations

from app.core.jsonl import make_document
from app.core.model import SUGGESTIONS
from app.core.schema import DEFAULT_SCHEMA
from app.core.suggest import suggest_document, suggest_many

TEXT = ("أكد المبعوث الخاص ألكسندر لافرينتيف، أمس، أن الانسحاب قريب، موضحاً أنه “سيتم خلال أشهر”.\n"
        "وقال وزير الخارجية الأمريكي في 18 كانون الثاني الجاري إن المحادثات بناءة.")


def _doc(i: int = 0, text: str = TEXT):
    return make_document(text, id=f"d{i}", meta={"date": "2024-01-25"})


def test_every_span_and_relation_is_a_traced_suggestion():
    result = suggest_document(_doc())
    layer = result.layer
    assert layer.annotator == SUGGESTIONS
    DEFAULT_SCHEMA.check_layer(layer)
    layer.check_against(_doc().text)
    assert layer.spans and layer.relations
    for item in [*layer.spans.values(), *layer.relations.values()]:
        assert item.origin == "suggested"
        assert item.provenance["rule"]


def test_each_quote_is_a_whole_record():
    layer = suggest_document(_doc()).layer
    for q in layer.spans_by_label("QUOTE"):
        assert q.attrs["type"] in ("direct", "indirect", "mixed")
        assert len(layer.linked(q.id, "CUE")) >= 1
        (speaker,) = layer.linked(q.id, "SAID_BY")
        assert speaker.entity
    first = layer.spans_by_label("QUOTE")[0]
    assert [d.text for d in layer.linked(first.id, "DATED")] == ["أمس"]


def test_speaker_entities_are_returned_and_used():
    result = suggest_document(_doc())
    ids = {e.id for e in result.entities}
    assert {s.entity for s in result.layer.spans_by_label("SPEAKER")} == ids
    assert len(ids) == 2


def test_ids_are_stable_across_runs_and_unique_across_documents():
    a = suggest_document(_doc(0)).layer
    b = suggest_document(_doc(0)).layer
    c = suggest_document(_doc(1)).layer
    assert set(a.spans) == set(b.spans) and set(a.relations) == set(b.relations)
    assert not set(a.spans) & set(c.spans)


def test_suggest_many_in_processes_equals_one_by_one():
    docs = [_doc(i) for i in range(300)]
    bulk = suggest_many(docs, workers=2, chunksize=16)
    assert [s.doc_id for s in bulk] == [d.id for d in docs]
    for doc, got in zip(docs[:5], bulk[:5]):
        want = suggest_document(doc)
        assert got.layer == want.layer
        assert got.entities == want.entities


def test_a_document_without_anything_to_suggest_gives_an_empty_layer():
    result = suggest_document(make_document("نص قصير بلا اقتباس ولا تاريخ.", id="x"))
    assert result.layer.empty and result.entities == []


def test_export_line_round_trips_through_the_jsonl_reader():
    from app.core.jsonl import parse_record
    from app.core.model import Entity
    from app.core.suggest import export_line

    doc = _doc()
    registry = [Entity("e-reg", "ألكسندر لافرينتيف")]
    result = suggest_document(doc, registry)
    line = export_line(doc, result, registry)
    assert line["annotator"] == SUGGESTIONS
    assert {e["id"] for e in line["entities"]} == {s.entity for s in result.layer.spans_by_label("SPEAKER")}
    record = parse_record(line)
    assert record.layer == result.layer
    assert record.document.text == doc.text
