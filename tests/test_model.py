import pytest

from app.core.errors import QawlError
from app.core.model import Document, Entity, Layer, Relation, Span
from app.core.schema import DEFAULT_SCHEMA, LabelSchema

TEXT = "قال الوزير إن الاتفاق «سيوقع» غداً"


def span(label, sub, id=None, **kw):
    start = TEXT.index(sub)
    return Span.of(TEXT, label, start, start + len(sub), id=id or sub, **kw)


def test_span_text_must_match_its_range():
    with pytest.raises(QawlError, match="text"):
        Span("s1", "CUE", 0, 3, "قا")
    with pytest.raises(QawlError, match="end"):
        Span("s1", "CUE", 3, 3, "")
    with pytest.raises(QawlError, match="outside the text"):
        Span.of(TEXT, "CUE", 0, 999)
    with pytest.raises(QawlError, match="does not match"):
        Span("s1", "CUE", 0, 3, "abc").check_against(TEXT)


def test_document_checks_its_hash_and_direction():
    doc = Document("d", TEXT)
    assert doc.direction == "rtl" and len(doc.text_sha256) == 64 and doc.title == TEXT
    with pytest.raises(QawlError, match="text_sha256"):
        Document("d", TEXT, text_sha256="0" * 64)
    with pytest.raises(QawlError, match="direction"):
        Document("d", TEXT, direction="up")


def test_layer_keeps_relations_between_its_own_spans():
    layer = Layer("d", "ali", spans=[span("CUE", "قال"), span("QUOTE", "سيوقع")])
    layer.add_relation(Relation("r1", "CUE", "سيوقع", "قال"))
    with pytest.raises(QawlError, match="not in this layer"):
        layer.add_relation(Relation("r2", "CUE", "سيوقع", "nope"))
    with pytest.raises(QawlError, match="duplicate"):
        layer.add_span(span("CUE", "قال"))
    removed, rels = layer.remove_span("قال")
    assert removed.text == "قال" and [r.id for r in rels] == ["r1"] and not layer.relations


def test_entity_aliases_are_cleaned_and_matched():
    e = Entity("e1", "ألكسندر لافرينتيف", ("لافرينتيف", " لافرينتيف ", "ألكسندر لافرينتيف", ""))
    assert e.aliases == ("لافرينتيف",)
    assert e.matches("لافرين") and not e.matches("السوداني")


def test_schema_checks_labels_attributes_and_relation_ends():
    q = span("QUOTE", "سيوقع", attrs={"type": "direct"})
    DEFAULT_SCHEMA.check_span(q)
    with pytest.raises(QawlError, match="attrs.type"):
        DEFAULT_SCHEMA.check_span(span("QUOTE", "سيوقع", attrs={"type": "shouted"}))
    with pytest.raises(QawlError, match="unknown label"):
        DEFAULT_SCHEMA.check_span(span("PERSON", "الوزير"))
    with pytest.raises(QawlError, match="attrs.value"):
        DEFAULT_SCHEMA.check_span(span("DATE", "غداً", attrs={"value": "tomorrow"}))
    for ok in ("2024-01-18", "2020-01", "2020", "XXXX-01-18", "2024-W03", "PRESENT_REF"):
        DEFAULT_SCHEMA.check_span(span("DATE", "غداً", attrs={"value": ok}))
    cue = span("CUE", "قال")
    with pytest.raises(QawlError, match="SAID_BY goes to SPEAKER"):
        DEFAULT_SCHEMA.check_relation(Relation("r", "SAID_BY", q.id, cue.id), q, cue)


def test_schema_round_trips_and_extends():
    again = LabelSchema.from_dict(DEFAULT_SCHEMA.to_dict())
    assert again == DEFAULT_SCHEMA
    wider = DEFAULT_SCHEMA.with_labels(["PERSON"], ["KNOWS"])
    assert wider.label("PERSON") and wider.relation("KNOWS") and wider.version == DEFAULT_SCHEMA.version + 1
    assert DEFAULT_SCHEMA.with_labels(["QUOTE"]) is DEFAULT_SCHEMA
