"""An annotator's note on a DOCUMENT and its "needs discussion" flag through other tools' formats (#13 part 3: kept
in every export that has a place for them). Label Studio: a task-level text area and choice of the annotation,
declared in the labeling config Qawl writes, read back; Prodigy: the task's ``meta`` (``qawl_note``,
``qawl_discuss``); doccano: our ``qawl`` key. brat has no place for a note on a whole document: ours is kept through
a brat round trip."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from app.core import formats
from app.core.jsonl import Record, make_document
from app.core.model import Layer, Span
from app.operations.transfer import export_paths, import_paths
from app.store import Store

TEXT = "قال الرئيس إن الوضع جيد. وأضاف الوزير أن الأمر مهم."
NOTE = "the second quote is a paraphrase\nask the lead"


@pytest.fixture
def project(tmp_path):
    """d1: ali's finished layer with a note and the flag; d2: sara left only a flag (no annotation, not done);
    d3: ali's note only."""
    store = Store.open(tmp_path / "p.db")
    d1, d2, d3 = (make_document(TEXT + f" {n}", id=f"d{n}") for n in (1, 2, 3))
    quote = Span.of(d1.text, "QUOTE", 0, 24, id="q1", attrs={"type": "indirect", "note": "boundary"})
    store.import_records([
        Record(d1, Layer("d1", "ali", "done", [quote], note=NOTE, discuss=True)),
        Record(d2, Layer("d2", "sara", "todo", [], discuss=True)),
        Record(d3, Layer("d3", "ali", "in_progress", [], note="not sure this is news")),
    ])
    yield store
    store.close()


def _notes(store: Store) -> dict:
    """The notes and flags on the documents, by (document, annotator)."""
    layers = (store.layer(d, who) for d in ("d1", "d2", "d3") for who in ("ali", "sara"))
    return {(la.doc_id, la.annotator): (la.note, la.discuss) for la in layers if la.note or la.discuss}


def test_label_studio_carries_the_note_on_the_document_and_its_flag_both_ways(project, tmp_path):
    out = tmp_path / "ls"
    export_paths(project, out, "labelstudio")
    tasks = json.loads((out / "tasks.json").read_text("utf-8"))
    results = {t["data"]["doc_id"]: {r["from_name"]: r for a in t["annotations"] for r in a["result"]} for t in tasks}
    note = results["d1"]["document_note"]
    assert note["type"] == "textarea" and note["value"] == {"text": [NOTE]} and "start" not in note["value"]
    assert results["d1"]["document_discuss"]["value"] == {"choices": ["needs discussion"]}
    # A flag or a note alone is the annotator's work: it goes out as their annotation, not as an untouched task.
    assert set(results["d2"]) == {"document_discuss"} and set(results["d3"]) == {"document_note"}
    # The config Qawl writes has the place, task-level (not per region), so annotators in Label Studio can write it.
    config = ET.fromstring((out / "label_config.xml").read_bytes())
    area = next(t for t in config.iter("TextArea") if t.get("name") == "document_note")
    flag = next(c for c in config.iter("Choices") if c.get("name") == "document_discuss")
    assert area.get("perRegion") is None and flag.get("perRegion") is None
    assert [c.get("value") for c in flag.iter("Choice")] == ["needs discussion"]
    back = Store.open(tmp_path / "back.db")
    import_paths(back, [out], "labelstudio")
    assert _notes(back) == _notes(project) == {("d1", "ali"): (NOTE, True), ("d2", "sara"): ("", True),
                                               ("d3", "ali"): ("not sure this is news", False)}
    assert back.layer("d1", "ali").spans  # the spans came with it
    # Re-importing the unchanged export changes nothing.
    assert import_paths(back, [out], "labelstudio").summary.layers_unchanged == 3
    back.close()


def test_a_note_changed_or_removed_in_label_studio_comes_back_as_it_is_there(project, tmp_path):
    out = tmp_path / "ls"
    export_paths(project, out, "labelstudio", annotator="ali")
    tasks = json.loads((out / "tasks.json").read_text("utf-8"))
    d1 = next(t for t in tasks if t["data"]["doc_id"] == "d1")
    result = d1["annotations"][0]["result"]
    next(r for r in result if r["from_name"] == "document_note")["value"]["text"] = ["settled: it is a quote"]
    result[:] = [r for r in result if r["from_name"] != "document_discuss"]  # the flag lowered in Label Studio
    (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    import_paths(project, [out], "labelstudio", replace=True)
    assert _notes(project)[("d1", "ali")] == ("settled: it is a quote", False)


def test_a_label_studio_file_without_the_place_keeps_our_note(project, tmp_path):
    """A project configured without the document controls (an older export of ours, or any other Label Studio
    project) says nothing about the note: ours stays, and an unchanged file is still unchanged."""
    out = tmp_path / "ls"
    export_paths(project, out, "labelstudio", annotator="ali")
    tasks = json.loads((out / "tasks.json").read_text("utf-8"))
    for task in tasks:
        for ann in task["annotations"]:
            ann["result"] = [r for r in ann["result"] if not r["from_name"].startswith("document_")]
    (out / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    summary = import_paths(project, [out], "labelstudio", replace=True).summary
    assert summary.layers_replaced == 0
    assert _notes(project)[("d1", "ali")] == (NOTE, True)


def test_json_min_reads_the_note_on_the_document_not_as_metadata():
    record = [{"id": 1, "text": TEXT, "doc_id": "d1", "annotator": "ali", "annotation_id": 7,
               "label": [{"start": 0, "end": 3, "text": TEXT[:3], "labels": ["CUE"]}],
               "document_note": "check the source", "document_discuss": "needs discussion"}]
    result = formats.read("labelstudio", [("min.json", json.dumps(record, ensure_ascii=False).encode())])
    assert result.ok, result.problems
    (rec,) = result.records
    assert (rec.layer.note, rec.layer.discuss, rec.note_known) == ("check the source", True, True)
    assert "document_note" not in rec.document.meta and "document_discuss" not in rec.document.meta


def test_brat_has_no_place_for_a_note_on_the_document_and_keeps_ours(project, tmp_path):
    out = tmp_path / "brat"
    export_paths(project, out, "brat", annotator="ali")
    assert NOTE.split("\n")[0] not in "".join(p.read_text("utf-8") for p in out.glob("*.ann"))
    summary = import_paths(project, [out], "brat", annotator="ali", replace=True).summary
    assert summary.layers_added == 0
    assert _notes(project)[("d1", "ali")] == (NOTE, True)


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_prodigy_and_doccano_keep_the_note_on_the_document_in_our_own_keys(project, tmp_path, fmt):
    out = tmp_path / ("out.jsonl" if fmt == "prodigy" else "out")
    export_paths(project, out, fmt)
    back = Store.open(tmp_path / "back.db")
    import_paths(back, [out], fmt)
    assert _notes(back) == _notes(project)
    assert import_paths(back, [out], fmt).summary.layers_unchanged >= 3
    back.close()
