"""The registry: --format auto, refusing the wrong flag, and bad input that every importer reports the same way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core import formats
from app.core.errors import QawlError
from app.core.formats.units import PeerText

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
PEER = CORPUS / "peer-formats"
needs_corpus = pytest.mark.skipif(not PEER.exists(), reason=f"the shared corpus is not at {CORPUS}")

REAL = {
    "doccano": ["doccano/doccano_export_sequence_labeling.jsonl", "doccano/doccano_import_relation_extraction.jsonl",
                "doccano/doccano_v1_export_labels_key.jsonl",
                "doccano/doccano_export_relation_extraction_PRETTY_PRINTED.jsonl"],
    "labelstudio": ["label-studio/real_user_export_labels_relations_zh_part1.json",
                    "label-studio/converter_tests_csv_test_choices_reviews.json"],
    "prodigy": ["prodigy/ner_manual_news_headlines_ORG_PERSON_LOCATION.jsonl", "prodigy/spans_only_bio_events.jsonl",
                "prodigy/relations_rel_component_part1.jsonl"],
    "brat": ["brat/tutorial_news"],
}


@needs_corpus
@pytest.mark.parametrize("fmt,path", [(f, p) for f, ps in REAL.items() for p in ps])
def test_auto_names_the_tool_of_every_real_file(fmt, path):
    assert formats.detect_format(PEER / path) == fmt
    assert formats.read("auto", PEER / path, add_labels=True).ok


@needs_corpus
@pytest.mark.parametrize("given,path", [("prodigy", REAL["doccano"][0]), ("doccano", REAL["labelstudio"][0]),
                                        ("labelstudio", REAL["prodigy"][0]), ("brat", REAL["prodigy"][1]),
                                        ("doccano", REAL["prodigy"][2])])
def test_the_wrong_format_flag_is_refused_naming_the_right_one(given, path):
    result = formats.read(given, PEER / path, add_labels=True)
    assert result.records == [] and len(result.problems) == 1
    problem = result.problems[0]
    assert problem.file == str(PEER / path) and f"not a {given} file" in problem.message
    assert "--format " in problem.message


def test_unknown_files_and_formats_are_clear_errors():
    with pytest.raises(QawlError, match="cannot tell which tool"):
        formats.detect_format(("notes.md", b"# hello"))
    with pytest.raises(QawlError, match="unknown format 'conll'"):
        formats.read("conll", ("a.txt", b"x"))
    with pytest.raises(QawlError, match="Qawl JSONL"):
        formats.detect_format(("e.jsonl", b'{"schema": "qawl-export/1", "text": "x"}\n'))


TRUNCATED = {
    "doccano": ("d.jsonl", b'{"text": "Obama spoke", "label": [[0, 5, "SPEAKER"]]}\n{"text": "Bush sp', 2),
    "prodigy": ("p.jsonl", b'{"text": "Obama spoke", "spans": [{"start": 0, "end": 5, "label": "SPEAKER"}]}\n'
                           b'{"text": "Bush", "spans": [{"start": 0, "en', 2),
    "labelstudio": ("l.json", b'[{"id": 1, "data": {"text": "Obama spoke"}, "annotations": [{"result": [\n'
                              b'{"id": "a", "type": "labels", "value": {"start": 0', 2),
}


@pytest.mark.parametrize("fmt", list(TRUNCATED))
def test_a_truncated_file_is_reported_with_its_line(fmt):
    name, data, line = TRUNCATED[fmt]
    result = formats.read(fmt, (name, data))
    assert not result.ok
    problem = result.problems[-1]
    assert (problem.file, problem.line) == (name, line) and "not valid JSON" in problem.message


MISSING_TARGET = {
    "doccano": ("d.jsonl", {"text": "Obama spoke", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5,
                                                                 "label": "SPEAKER"}],
                            "relations": [{"id": 1, "from_id": 7, "to_id": 1, "type": "SAID_BY"}]},
                "relations[0]"),
    "labelstudio": ("l.json", [{"id": 1, "data": {"text": "Obama spoke"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 5, "text": "Obama", "labels": ["SPEAKER"]}},
        {"from_id": "zz", "to_id": "a", "type": "relation", "labels": ["SAID_BY"]}]}]}],
        "[0].annotations[0].result[1]"),
}


@pytest.mark.parametrize("fmt", list(MISSING_TARGET))
def test_relations_to_missing_ids_are_reported(fmt):
    name, obj, field = MISSING_TARGET[fmt]
    result = formats.read(fmt, (name, json.dumps(obj).encode()))
    (problem,) = result.problems
    assert problem.file == name and problem.line == 1 and problem.field == field
    assert "not an annotation of this document" in problem.message and result.records == []


@pytest.mark.parametrize("data,field", [
    (b'{"text": "abc", "label": [[0, "2", "QUOTE"]]}', "label[0].end"),
    (b'{"text": "abc", "label": [[2, 1, "QUOTE"]]}', "label[0]"),
    (b'{"text": "abc", "label": [[-1, 2, "QUOTE"]]}', "label[0].start"),
    (b'{"text": "abc", "label": [[0, 2]]}', "label[0]"),
    (b'{"text": 5}', "text"),
    (b'[1, 2]', None),
])
def test_wrong_types_are_named_by_field(data, field):
    result = formats.read("doccano", ("d.jsonl", data))
    assert not result.ok and result.problems[0].field == field


def test_offsets_past_the_end_or_inside_a_surrogate_pair_are_never_imported_shifted():
    data = json.dumps({"text": "😀 Obama", "label": [[1, 7, "SPEAKER"], [3, 9, "SPEAKER"]]}).encode()
    result = formats.read("doccano", ("d.jsonl", data), offset_unit="utf16")
    messages = sorted(p.message for p in result.problems)
    assert "inside a surrogate pair" in messages[0] and "outside the text" in messages[1]
    assert result.records == []


def test_ambiguous_doccano_offsets_are_reported_and_an_explicit_unit_settles_them():
    # After one emoji, "a" at UTF-16 9..10 is also a valid code-point range (the space before it), and both
    # readings start and end between words: nothing in the file can tell them apart.
    data = json.dumps({"text": "😀 I saw a cat", "label": [[9, 10, "SPEAKER"]]}).encode()
    result = formats.read("doccano", ("d.jsonl", data))
    assert not result.ok and result.problems[0].field == "offset_unit"
    assert "say which with offset_unit" in result.problems[0].message
    settled = formats.read("doccano", ("d.jsonl", data), offset_unit="utf16")
    assert settled.ok and [s.text for s in settled.records[0].layer.spans.values()] == ["a"]


def test_a_span_at_the_end_of_the_text_proves_utf16():
    data = json.dumps({"text": "😀 Obama", "label": [[3, 8, "SPEAKER"]]}).encode()  # 8 > 7 code points
    result = formats.read("doccano", ("d.jsonl", data))
    assert result.ok and result.offset_units == {"d.jsonl": "utf16"}
    assert [s.text for s in result.records[0].layer.spans.values()] == ["Obama"]


def test_bom_and_crlf_in_the_tools_text_are_removed_and_offsets_follow_exactly():
    raw = "\ufeffسطر أول\r\nقال الوزير\r\n"
    start = raw.index("الوزير")
    data = json.dumps({"text": raw, "label": [[start, start + 6, "SPEAKER"]]}, ensure_ascii=False).encode()
    result = formats.read("doccano", ("d.jsonl", data))
    assert result.ok
    rec = result.records[0]
    (span,) = rec.layer.spans.values()
    assert span.text == "الوزير" and rec.document.text[span.start:span.end] == "الوزير"
    assert rec.document.normalisation.bom and rec.document.normalisation.crlf == 2


def test_peer_text_maps_every_unit_exactly():
    text = PeerText("\ufeffa👨‍👩‍👧b\r\nc")
    assert text.text == "a👨‍👩‍👧b\nc"
    # raw: BOM 0, a 1, man 2, ZWJ 3, woman 4, ZWJ 5, girl 6, b 7, CR 8, LF 9, c 10
    assert text.to_raw(4, "utf16") == 3 and text.to_raw(3, "grapheme") == 7
    with pytest.raises(ValueError, match="surrogate"):
        text.to_raw(3, "utf16")  # the second half of the man emoji
    assert [text.normalised(i) for i in (0, 1, 7, 8, 9, 10, 11)] == [0, 0, 6, 7, 7, 8, 9]
    assert text.from_raw(7, "grapheme") == 3 and text.from_raw(3, "utf16") == 4


def test_invalid_offset_unit_is_refused():
    with pytest.raises(QawlError, match="offset_unit"):
        formats.read("doccano", ("d.jsonl", b'{"text": "a"}'), offset_unit="bytes")
