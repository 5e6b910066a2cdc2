"""Prodigy: real datasets import (tokens checked, answers honoured), exports look like Prodigy's and round-trip."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core import formats
from app.core.formats import prodigy

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
PRODIGY = CORPUS / "peer-formats" / "prodigy"
NER = PRODIGY / "ner_manual_news_headlines_ORG_PERSON_LOCATION.jsonl"
RELS = PRODIGY / "relations_rel_component_part1.jsonl"
BIO = PRODIGY / "spans_only_bio_events.jsonl"
needs_corpus = pytest.mark.skipif(not PRODIGY.exists(), reason=f"the shared corpus is not at {CORPUS}")


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def meaning(tasks: list[dict]) -> list:
    out = []
    for t in tasks:
        if t.get("answer", "accept") != "accept":
            continue
        spans = sorted((s["start"], s["end"], s["label"], t["text"][s["start"]:s["end"]]) for s in t.get("spans", []))
        # A set: one real task lists the same relation twice (Binds GATA3 -> FOXP3); import keeps it once.
        rels = sorted({(r["label"], (r["head_span"]["start"], r["head_span"]["end"]),
                        (r["child_span"]["start"], r["child_span"]["end"])) for r in t.get("relations", [])})
        if spans or rels:
            out.append((t["text"], spans, rels))
    return sorted(out)


@needs_corpus
@pytest.mark.parametrize("path", [NER, RELS, BIO], ids=lambda p: p.name)
def test_real_datasets_import_and_export_back_to_the_same_meaning(path):
    result = prodigy.read(path, add_labels=True, default_annotator="x")
    assert result.ok, result.problems[:3]
    files = formats.write("prodigy", result.records, schema=result.schema)
    exported = lines_of(files["prodigy.jsonl"])
    for task in exported:
        check_like_prodigy(task)
    assert meaning(exported) == meaning(lines(path))


def lines_of(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


def check_like_prodigy(task: dict) -> None:
    """The structure of Prodigy's own datasets (peer-formats/prodigy): tokens tile the text's words, spans sit on
    token edges, relations point at the last token of each span, as rel.manual writes."""
    text = task["text"]
    tokens = task["tokens"]
    for i, tok in enumerate(tokens):
        assert tok["id"] == i and text[tok["start"]:tok["end"]] == tok["text"] and tok["text"].strip()
        assert tok["ws"] == (tok["end"] < len(text) and text[tok["end"]].isspace())
    if "answer" not in task:  # a document nobody answered: an input task with its text and tokens only
        assert "spans" not in task and "_annotator_id" not in task
        return
    for span in task["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
        if "token_start" in span:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]
    for rel in task.get("relations", []):
        assert rel["head"] == rel["head_span"]["token_end"] and rel["child"] == rel["child_span"]["token_end"]
        assert rel["head_span"] in task["spans"] and rel["child_span"] in task["spans"]
    assert task["answer"] == "accept"


@needs_corpus
def test_ignored_tasks_are_imported_without_their_annotations_and_noted():
    result = prodigy.read(NER, add_labels=True)
    ignored = [t for t in lines(NER) if t["answer"] == "ignore"]
    assert len(ignored) == 1
    docs = {r.document.text: r for r in result.records}
    assert docs[ignored[0]["text"]].layer is None
    assert any("'ignore'" in n for n in result.notes)


def test_rejected_tasks_keep_the_text_but_not_the_spans_and_accepts_of_one_text_merge():
    text = "Apple hired Tim Cook"
    tasks = [{"text": text, "spans": [{"start": 0, "end": 5, "label": "ORG"}], "answer": "accept"},
             {"text": text, "spans": [{"start": 12, "end": 20, "label": "PERSON"}], "answer": "accept"},
             {"text": text, "spans": [{"start": 6, "end": 11, "label": "PERSON"}], "answer": "reject"}]
    data = "\n".join(json.dumps(t) for t in tasks).encode()
    result = prodigy.read(("teach.jsonl", data), add_labels=True)
    assert result.ok and len(result.records) == 1
    assert sorted(s.text for s in result.records[0].layer.spans.values()) == ["Apple", "Tim Cook"]
    assert any("'reject'" in n for n in result.notes)


def test_a_span_that_does_not_sit_on_its_tokens_is_reported():
    task = {"text": "Apple hired Tim Cook", "tokens": [{"text": "Apple", "start": 0, "end": 5, "id": 0},
                                                       {"text": "hired", "start": 6, "end": 11, "id": 1}],
            "spans": [{"start": 0, "end": 4, "token_start": 0, "token_end": 0, "label": "ORG"}], "answer": "accept"}
    result = prodigy.read(("t.jsonl", json.dumps(task).encode()), add_labels=True)
    (problem,) = result.problems
    assert (problem.file, problem.line, problem.field) == ("t.jsonl", 1, "spans[0]")
    assert "tokens 0..0" in problem.message


def test_a_relation_to_a_span_that_is_not_in_spans_is_reported():
    task = {"text": "Apple hired Tim Cook", "spans": [{"start": 0, "end": 5, "label": "ORG"}],
            "relations": [{"head_span": {"start": 0, "end": 5, "label": "ORG"},
                           "child_span": {"start": 12, "end": 20, "label": "PERSON"}, "label": "HIRED"}],
            "answer": "accept"}
    result = prodigy.read(("t.jsonl", json.dumps(task).encode()), add_labels=True)
    (problem,) = result.problems
    assert problem.field == "relations[0].child_span" and "not in spans" in problem.message


def test_arabic_tokens_keep_their_harakat_and_split_at_span_edges():
    tokens = prodigy.tokenise("وقالَ الرئيسُ: «نعم»", {1})
    assert [t["text"] for t in tokens] == ["و", "قالَ", "الرئيسُ", ":", "«", "نعم", "»"]
