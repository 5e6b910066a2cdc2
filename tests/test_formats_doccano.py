"""doccano: every real file imports with the right span texts, exports load by doccano's import rules, and round-trip."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core import formats
from app.core.formats import LabelMapping, doccano
from app.core.jsonl import Record, make_document
from app.core.model import Layer, Relation, Span

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
DOCCANO = CORPUS / "peer-formats" / "doccano"
needs_corpus = pytest.mark.skipif(not DOCCANO.exists(), reason=f"the shared corpus is not at {CORPUS}")


def raw_spans(path: Path) -> list[tuple[str, str, str]]:
    """(text of the record, label, text at the offsets) straight from the file, by plain slicing."""
    text = path.read_text(encoding="utf-8")
    try:
        objs = [json.loads(text)]
    except json.JSONDecodeError:
        objs = [json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for obj in objs:
        if "text" not in obj:
            continue
        for key in ("label", "labels"):
            for s, e, lab in obj.get(key) or []:
                out.append((lab, obj["text"][s:e]))
        for ent in obj.get("entities") or []:
            out.append((ent["label"], obj["text"][ent["start_offset"]:ent["end_offset"]]))
    return sorted(out)


@needs_corpus
@pytest.mark.parametrize("name", sorted(p.name for p in DOCCANO.glob("*.jsonl")) if DOCCANO.exists() else [])
def test_every_real_file_imports_with_the_span_texts_of_its_offsets(name):
    result = doccano.read(DOCCANO / name, add_labels=True)
    got = sorted((s.label, s.text) for r in result.records if r.layer for s in r.layer.spans.values())
    assert got == raw_spans(DOCCANO / name)  # texts are ASCII here, so plain slicing is the truth


@needs_corpus
def test_a_record_without_text_is_reported_by_line_and_only_its_document_is_rejected():
    result = doccano.read(DOCCANO / "doccano_tests_sequence_labeling_missing_text.jsonl", add_labels=True)
    assert [(p.line, p.field) for p in result.problems] == [(3, "text")]
    assert "no text" in str(result.problems[0]) and str(result.problems[0]).startswith(str(DOCCANO))
    assert len(result.records) == 2 and result.rejected == [f"{DOCCANO / 'doccano_tests_sequence_labeling_missing_text.jsonl'}:3"]
    assert not result.ok


@needs_corpus
def test_the_pretty_printed_object_is_read_as_one_record_with_its_relations():
    result = doccano.read(DOCCANO / "doccano_export_relation_extraction_PRETTY_PRINTED.jsonl", add_labels=True)
    assert result.ok and len(result.records) == 1
    layer = result.records[0].layer
    rels = sorted((r.type, layer.spans[r.head].text, layer.spans[r.tail].text) for r in layer.relations.values())
    assert rels == [("foundedAt", "Google", "September 4, 1998"), ("foundedBy", "Google", "Larry Page"),
                    ("foundedBy", "Google", "Sergey Brin")]
    assert any("not JSONL" in n for n in result.notes)


@needs_corpus
def test_the_older_plural_labels_form_keeps_the_example_id():
    result = doccano.read(DOCCANO / "doccano_v1_export_labels_key.jsonl", add_labels=True)
    assert [r.document.id for r in result.records] == ["2578", "2580"]
    assert [s.text for s in result.records[1].layer.sorted_spans()][:2] == ["RUGBY UNION", "CUTTITTA"]


def test_the_per_user_form_gives_one_layer_per_user_and_label_ids_are_mapped():
    # The shape of doccano-transformer's tests/data/labeling_multi_users.jsonl (doccano 1.0 export).
    line = {"id": 2578, "text": "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
            "annotations": [{"label": 12, "start_offset": 9, "end_offset": 14, "user": 1},
                            {"label": 13, "start_offset": 31, "end_offset": 36, "user": 1},
                            {"label": 12, "start_offset": 9, "end_offset": 14, "user": 2}],
            "meta": {}, "annotation_approver": None}
    data = json.dumps(line).encode()
    unmapped = doccano.read(("users.jsonl", data))
    assert {p.message.split(":")[0] for p in unmapped.problems} == {"unknown label '12'", "unknown label '13'"}
    mapping = LabelMapping.from_flags(["12=SPEAKER", "13=QUOTE"])
    result = doccano.read(("users.jsonl", data), mapping=mapping)
    assert result.ok
    layers = {r.layer.annotator: sorted((s.label, s.text) for s in r.layer.spans.values()) for r in result.records}
    assert layers == {"user-1": [("QUOTE", "CHINA"), ("SPEAKER", "JAPAN")], "user-2": [("SPEAKER", "JAPAN")]}


def test_categories_of_text_classification_are_noted_not_imported():
    result = doccano.read(("cls.jsonl", b'{"text": "hello", "label": ["positive"]}\n'))
    assert result.ok and result.records[0].layer is None
    assert any("categories" in n for n in result.notes)


def check_loads_in_doccano(row: dict) -> None:
    """doccano's import rules (backend/data_import/pipeline/label.py, SpanLabel / RelationLabel pydantic models):
    offsets are non-negative ints with start < end, labels non-empty strings, relations name entity ids."""
    assert isinstance(row["text"], str) and row["text"]
    spans = row.get("label", [])
    ids = set()
    for ent in row.get("entities", []):
        spans.append([ent["start_offset"], ent["end_offset"], ent["label"]])
        assert isinstance(ent["id"], int) and not isinstance(ent["id"], bool)
        ids.add(ent["id"])
    for start, end, label in spans:
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end
        assert isinstance(label, str) and label
    for rel in row.get("relations", []):
        assert rel["from_id"] in ids and rel["to_id"] in ids and isinstance(rel["type"], str) and rel["type"]


def test_exports_follow_doccano_import_rules_and_count_utf16_units():
    raw = "قال 😀 الرئيس: «نعم» 👍🏽 شكراً"
    doc = make_document(raw, id="d1")
    quote = Span.of(doc.text, "QUOTE", doc.text.index("«"), doc.text.index("»") + 1, id="q")
    speaker = Span.of(doc.text, "SPEAKER", 6, 12, id="s")
    thanks = Span.of(doc.text, "CLAIM", len(doc.text) - 5, len(doc.text), id="c")
    layer = Layer("d1", "alice", "done", [quote, speaker, thanks], [Relation("r", "SAID_BY", "q", "s")])
    files = doccano.write([Record(doc, layer)])
    assert list(files) == ["alice.jsonl"]
    row = json.loads(files["alice.jsonl"])
    check_loads_in_doccano(row)
    utf16 = doc.text.encode("utf-16-le")
    for ent in row["entities"]:  # what a JavaScript front end would slice
        piece = utf16[2 * ent["start_offset"]:2 * ent["end_offset"]].decode("utf-16-le")
        assert piece in (quote.text, speaker.text, thanks.text)
    back = doccano.read(list(files.items()))
    assert back.ok and back.offset_units == {"alice.jsonl": "utf16"}
    assert sorted((s.label, s.start, s.end) for s in back.records[0].layer.spans.values()) == \
        sorted((s.label, s.start, s.end) for s in layer.spans.values())


def test_grapheme_mode_offsets_are_written_and_read_back():
    raw = "👨‍👩‍👧 العائلة قالت «مرحباً» 🇸🇦 انتهى"
    doc = make_document(raw, id="g")
    span = Span.of(doc.text, "QUOTE", doc.text.index("«"), doc.text.index("»") + 1, id="q")
    last = Span.of(doc.text, "CUE", len(doc.text) - 5, len(doc.text), id="k")
    files = doccano.write([Record(doc, Layer("g", "a", "done", [span, last]))], offset_unit="grapheme", form="label")
    row = json.loads(files["a.jsonl"])
    # The family emoji is one cluster (not 5 code points, 8 UTF-16 units) and "اً" (alef + tanwin) is one.
    assert row["label"][0][:2] == [15, 22]
    back = doccano.read(list(files.items()))
    assert back.ok and back.offset_units == {"a.jsonl": "grapheme"}
    assert {(s.start, s.end) for s in back.records[0].layer.spans.values()} == {(span.start, span.end),
                                                                                  (last.start, last.end)}


@needs_corpus
@pytest.mark.parametrize("name", ["doccano_import_relation_extraction.jsonl", "doccano_export_sequence_labeling.jsonl",
                                  "doccano_v1_export_labels_key.jsonl"])
def test_export_back_to_doccano_says_the_same_as_the_original(name):
    original = DOCCANO / name
    result = doccano.read(original, add_labels=True, default_annotator="x")
    files = formats.write("doccano", result.records, schema=result.schema)
    rows = [json.loads(line) for line in files["x.jsonl"].decode().splitlines()]
    for row in rows:
        check_loads_in_doccano(row)

    def meaning(objs):
        out = []
        for o in objs:
            ents = {e["id"]: (e["label"], e["start_offset"], e["end_offset"]) for e in o.get("entities", [])}
            spans = sorted([tuple(x[2:] + x[:2]) for x in o.get("label", o.get("labels", []))] + list(ents.values()))
            rels = sorted((r["type"], ents[r["from_id"]], ents[r["to_id"]]) for r in o.get("relations", []))
            out.append((o["text"], spans, rels))
        return out

    originals = [json.loads(line) for line in original.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert meaning(rows) == meaning(originals)
