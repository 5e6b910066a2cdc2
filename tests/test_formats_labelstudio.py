"""Label Studio: real exports import (authors as layers, predictions as suggestions, other result types skipped),
our exports have the structure of real exports and load with Label Studio's converter where it is installed."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core import formats
from app.core.formats import labelstudio
from app.core.jsonl import Record, make_document
from app.core.model import SUGGESTIONS, Layer, Relation, Span

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
LS = CORPUS / "peer-formats" / "label-studio"
REAL = LS / "real_user_export_labels_relations_zh_part1.json"
CONVERTER_TESTS = LS / "converter_tests_csv_test_choices_reviews.json"
needs_corpus = pytest.mark.skipif(not LS.exists(), reason=f"the shared corpus is not at {CORPUS}")

TASK = {"id": 7, "data": {"text": "قال الوزير 🙂 إن «الاتفاق قريب»"},
        "annotations": [{"id": 1, "completed_by": {"id": 3, "email": "sara@example.org"}, "result": [
            {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
             "value": {"start": 4, "end": 10, "text": "الوزير", "labels": ["SPEAKER"]}},
            {"id": "b", "from_name": "label", "to_name": "text", "type": "labels", "origin": "prediction",
             "value": {"start": 16, "end": 30, "text": "«الاتفاق قريب»", "labels": ["QUOTE"]}},
            {"from_id": "a", "to_id": "b", "type": "relation", "direction": "left", "labels": ["SAID_BY"]},
            {"id": "c", "from_name": "sentiment", "to_name": "text", "type": "choices",
             "value": {"choices": ["Neutral"]}}]},
                        {"id": 2, "completed_by": 5, "was_cancelled": True, "result": []}],
        "predictions": [{"model_version": "v1", "result": [
            {"id": "p", "from_name": "label", "to_name": "text", "type": "labels", "score": 0.9,
             "value": {"start": 0, "end": 3, "text": "قال", "labels": ["CUE"]}}]}]}


def test_authors_become_layers_predictions_suggestions_and_left_arrows_point_back():
    result = labelstudio.read(("t.json", json.dumps([TASK], ensure_ascii=False).encode()))
    assert result.ok, result.problems
    layers = {r.layer.annotator: r.layer for r in result.records}
    assert set(layers) == {"sara@example.org", SUGGESTIONS}
    sara = layers["sara@example.org"]
    by_text = {s.text: s for s in sara.spans.values()}
    assert by_text["«الاتفاق قريب»"].origin == "suggested"  # accepted from a prediction
    (rel,) = sara.relations.values()
    assert (sara.spans[rel.head].text, rel.type, sara.spans[rel.tail].text) == ("«الاتفاق قريب»", "SAID_BY", "الوزير")
    (cue,) = layers[SUGGESTIONS].spans.values()
    assert (cue.text, cue.origin, cue.provenance["model_version"]) == ("قال", "suggested", "v1")
    assert any("choices" in n for n in result.notes) and any("cancelled" in n for n in result.notes)
    assert result.offset_units == {"t.json": "codepoint"}


def test_old_label_studio_utf16_offsets_are_proven_by_the_span_texts():
    task = json.loads(json.dumps(TASK))
    for item in task["annotations"][0]["result"] + task["predictions"][0]["result"]:
        value = item.get("value", {})
        if "start" in value and value["start"] > 11:  # after the emoji: one more UTF-16 unit
            value["start"] += 1
            value["end"] += 1
    result = labelstudio.read(("old.json", json.dumps([task], ensure_ascii=False).encode()))
    assert result.ok and result.offset_units == {"old.json": "utf16"}
    texts = sorted(s.text for r in result.records for s in r.layer.spans.values())
    assert texts == sorted(["الوزير", "«الاتفاق قريب»", "قال"])


def test_a_span_whose_text_is_not_at_its_offsets_is_reported_and_not_moved():
    task = json.loads(json.dumps(TASK))
    task["annotations"][0]["result"][0]["value"]["start"] = 5  # "لوزير " no longer the text it claims
    task["annotations"][0]["result"][0]["value"]["end"] = 11
    other = dict(TASK, id=8)
    result = labelstudio.read(("bad.json", json.dumps([task, other], ensure_ascii=False).encode()))
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.file == "bad.json" and "annotations[0].result[0]" in problem.field
    assert "does not match" in problem.message and "never shifted" in problem.message
    assert {r.document.id for r in result.records} == {"8"}  # the other task is clean and kept for skip mode
    assert result.rejected and "(7)" in result.rejected[0]


@needs_corpus
def test_the_real_export_imports_every_region_with_its_own_text():
    tasks = json.loads(REAL.read_text(encoding="utf-8"))
    result = labelstudio.read(REAL, add_labels=True)
    assert result.ok
    expected = sorted((str(t["id"]), r["value"]["text"], r["value"]["labels"][0]) for t in tasks
                      for a in t["annotations"] for r in a["result"] if r["type"] == "labels")
    got = sorted((rec.document.id, s.text, s.label) for rec in result.records for s in rec.layer.spans.values())
    assert got == expected
    assert sum(len(rec.layer.relations) for rec in result.records) == 180


@needs_corpus
def test_the_converter_test_export_keeps_its_author_and_skips_image_results():
    result = labelstudio.read(CONVERTER_TESTS)
    assert result.ok
    assert {r.layer.annotator for r in result.records} == {"hakan@heartex.com"}
    assert any("rectanglelabels" in n for n in result.notes)


def meaning(tasks: list[dict]) -> list:
    out = []
    for t in tasks:
        for a in t["annotations"]:
            regions = {r["id"]: (r["value"]["start"], r["value"]["end"], r["value"]["text"], r["value"]["labels"][0])
                       for r in a["result"] if r["type"] == "labels"}
            rels = set()
            for r in a["result"]:
                if r["type"] == "relation":
                    ends = (regions[r["from_id"]], regions[r["to_id"]])
                    if r.get("direction") == "left":
                        ends = ends[::-1]
                    rels.add((tuple(r.get("labels") or []), *ends))
            out.append((t["data"]["text"], sorted(regions.values()), sorted(rels)))
    return sorted(out)


def check_like_real_exports(tasks: list) -> None:
    """The structure every real export shows (peer-formats/label-studio): what Label Studio's importer reads."""
    assert isinstance(tasks, list) and tasks
    for task in tasks:
        assert isinstance(task["id"], int) and isinstance(task["data"]["text"], str)
        for group in ("annotations", "predictions"):
            for ann in task[group]:
                regions = set()
                for r in ann["result"]:
                    if r["type"] == "labels":
                        assert set(r) >= {"id", "from_name", "to_name", "type", "value"}
                        v = r["value"]
                        assert isinstance(v["start"], int) and isinstance(v["end"], int) and v["start"] < v["end"]
                        assert task["data"]["text"][v["start"]:v["end"]] == v["text"]
                        assert isinstance(v["labels"], list) and v["labels"]
                        regions.add(r["id"])
                    elif r["type"] in ("choices", "textarea"):  # per-region answers (span attributes)
                        key = "choices" if r["type"] == "choices" else "text"
                        assert isinstance(r["value"][key], list) and r["value"][key]
                    else:
                        assert r["type"] == "relation" and r["direction"] in ("right", "left", "bi")
                        assert isinstance(r["labels"], list)
                for r in ann["result"]:
                    if r["type"] == "relation":
                        assert r["from_id"] in regions and r["to_id"] in regions
                    elif r["type"] in ("choices", "textarea"):
                        assert r["id"] in regions
        for ann in task["annotations"]:
            by = ann.get("completed_by")
            assert by is None or (isinstance(by, dict) and "@" in by["email"])


@needs_corpus
def test_export_back_to_label_studio_says_the_same_as_the_original():
    result = labelstudio.read(REAL, add_labels=True)
    files = formats.write("labelstudio", result.records, schema=result.schema)
    tasks = json.loads(files["tasks.json"])
    check_like_real_exports(tasks)
    assert meaning(tasks) == meaning(json.loads(REAL.read_text(encoding="utf-8")))
    config = ET.fromstring(files["label_config.xml"])
    declared = {e.get("value") for e in config.iter("Label")}
    # the file's own labels and the whole project schema (a project set up from it can label all of it)
    assert declared == {s.label for r in result.records for s in r.layer.spans.values()} | set(
        result.schema.label_names)


def arabic_records() -> list[Record]:
    doc = make_document("قال الوزير 🙂 إن «الاتفاق قريب»", id="ar1")
    q = doc.text.index("«")
    spans = [Span.of(doc.text, "SPEAKER", 4, 10, id="s", attrs={"entity": "e7"}),
             Span.of(doc.text, "QUOTE", q, q + 14, id="q", attrs={"type": "direct"}),
             Span.of(doc.text, "CUE", 0, 3, id="k", origin="suggested")]
    alice = Layer("ar1", "alice", "done", spans, [Relation("r1", "SAID_BY", "q", "s")])
    bob = Layer("ar1", "bob@example.org", "done", spans[:2])
    sugg = Layer("ar1", SUGGESTIONS, "in_progress", [Span.of(doc.text, "QUOTE", q, q + 14, id="x",
                                                              origin="suggested")])
    return [Record(doc, alice), Record(doc, bob), Record(doc, sugg)]


def test_our_layers_go_out_as_annotations_and_predictions_and_come_back():
    records = arabic_records()
    files = formats.write("labelstudio", records)
    tasks = json.loads(files["tasks.json"])
    check_like_real_exports(tasks)
    (task,) = tasks
    # completed_by only for members the user names (--annotator-map): Label Studio refuses unknown ones
    assert [a.get("completed_by") for a in task["annotations"]] == [None, None]
    assert [a["qawl_annotator"] for a in task["annotations"]] == ["alice", "bob@example.org"]
    assert len(task["predictions"]) == 1
    back = labelstudio.read(("tasks.json", files["tasks.json"]))
    assert back.ok
    got = {r.layer.annotator: sorted((s.label, s.start, s.end, s.origin, sorted(s.attrs.items()))
                                     for s in r.layer.spans.values()) for r in back.records}
    want = {r.layer.annotator: sorted((s.label, s.start, s.end, s.origin, sorted(s.attrs.items()))
                                      for s in r.layer.spans.values()) for r in records}
    assert got == want
    config = ET.fromstring(files["label_config.xml"])
    document = ("document_note", "document_discuss")  # the note on the whole document: task-level controls
    choices = {c.get("name"): [x.get("value") for x in c.iter("Choice")] for c in config.iter("Choices")
               if c.get("name") not in document}
    # every attribute of the schema: its choices as per-region Choices, the others as per-region text areas
    from app.core.schema import DEFAULT_SCHEMA
    attrs = [a for label in DEFAULT_SCHEMA.span_labels for a in label.attrs]
    assert choices == {a.name: list(a.choices) for a in attrs if a.kind == "choice"}
    assert {t.get("name") for t in config.iter("TextArea")} - {"document_note"} == \
        {a.name for a in attrs if a.kind != "choice"}
    assert all(c.get("perRegion") == "true" for c in (*config.iter("Choices"), *config.iter("TextArea"))
               if c.get("name") not in document)
    assert all(c.get("perRegion") is None for c in (*config.iter("Choices"), *config.iter("TextArea"))
               if c.get("name") in document)


def test_our_export_loads_with_label_studios_own_converter(tmp_path):
    converter = pytest.importorskip("label_studio_converter.converter",
                                    reason="label-studio-converter is not installed (optional: it pulls pandas, "
                                           "numpy, nltk, Pillow and lxml, ~250 MB)")
    files = formats.write("labelstudio", arabic_records())
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    conv = converter.Converter(config=files["label_config.xml"].decode(), project_dir=str(tmp_path))
    out = tmp_path / "out"
    conv.convert_to_json_min(str(tmp_path / "tasks.json"), str(out), is_dir=False)
    rows = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert len(rows) == 2  # one per annotation; predictions are not annotations
    labelled = sorted((x["start"], x["end"], x["text"], x["labels"][0]) for row in rows for x in row["label"])
    # the converter also reads the per-region answers (span attributes) of each annotation
    assert [(row["type"], row["entity"]) for row in rows] == [("direct", "e7"), ("direct", "e7")]
    assert labelled == sorted([(4, 10, "الوزير", "SPEAKER"), (16, 30, "«الاتفاق قريب»", "QUOTE"),
                               (0, 3, "قال", "CUE"), (4, 10, "الوزير", "SPEAKER"),
                               (16, 30, "«الاتفاق قريب»", "QUOTE")])
