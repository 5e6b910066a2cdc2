"""The label mapping: from flags or a file, used forwards on import and backwards on export, PARC by default."""

from __future__ import annotations

import json

import pytest

from app.core.errors import QawlError
from app.core.formats import DROP, LabelMapping
from app.core.formats import read, write
from app.core.jsonl import Record, make_document
from app.core.model import Layer, Span
from app.core.schema import DEFAULT_SCHEMA

KNOWN = DEFAULT_SCHEMA.label_names


def test_flags_map_labels_and_relation_types_and_can_drop():
    m = LabelMapping.from_flags(["PER=SPEAKER", "rel:foundedBy=SAID_BY", "label:Discard="])
    assert m.label_in("PER", KNOWN) == "SPEAKER" and m.label_in("Discard", KNOWN) == DROP
    assert m.relation_in("foundedBy", ()) == "SAID_BY"
    assert m.label_in("ORG", KNOWN) is None and m.label_in("QUOTE", KNOWN) == "QUOTE"
    assert m.label_out("SPEAKER") == "PER" and m.relation_out("SAID_BY") == "foundedBy"
    assert m.label_out("QUOTE") == "QUOTE"


@pytest.mark.parametrize("text", [
    b'{"labels": {"PER": "SPEAKER"}, "relations": {"foundedBy": "SAID_BY"}}',
    b"# people\nPER=SPEAKER\n\nrel:foundedBy = SAID_BY\n",
])
def test_a_mapping_file_is_json_or_from_to_lines(text):
    m = LabelMapping.load(text, name="map.txt")
    assert dict(m.labels) == {"PER": "SPEAKER"} and dict(m.relations) == {"foundedBy": "SAID_BY"}


def test_a_flat_json_object_maps_labels():
    assert dict(LabelMapping.load(b'{"PER": "SPEAKER"}').labels) == {"PER": "SPEAKER"}


@pytest.mark.parametrize("text,line,message", [
    (b"PER=SPEAKER\nthis line has no equals sign\n", 2, "expected FROM=TO"),
    (b'{"labels": {"PER": 3}}', None, "must map to a label name"),
    (b'{"labels": {"PER": "SPEAKER"}', 1, "not valid JSON"),
    (b'{"labels": {}, "colours": {}}', None, "unknown keys"),
    (b"=SPEAKER\n", 1, "is empty"),
])
def test_bad_mapping_files_say_file_and_line(text, line, message):
    with pytest.raises(QawlError) as info:
        LabelMapping.load(text, name="map.txt")
    assert info.value.file == "map.txt" and info.value.line == line and message in info.value.message


def test_parc_names_are_import_aliases_unless_the_mapping_says_both_ways():
    default = LabelMapping()
    assert [default.label_in(n, KNOWN) for n in ("Source", "Cue", "Content")] == ["SPEAKER", "CUE", "QUOTE"]
    assert default.label_out("QUOTE") == "QUOTE"
    assert LabelMapping.parc().label_out("QUOTE") == "Content"
    # an explicit mapping wins over the alias
    assert LabelMapping.from_flags(["Content=CLAIM"]).label_in("Content", KNOWN) == "CLAIM"


def test_the_same_mapping_renames_on_the_way_out_in_every_format():
    doc = make_document("Obama said yes", id="d")
    layer = Layer("d", "a", "done", [Span.of(doc.text, "SPEAKER", 0, 5, id="s")])
    m = LabelMapping.from_flags(["PER=SPEAKER"])
    for fmt in ("doccano", "labelstudio", "prodigy", "brat"):
        files = write(fmt, [Record(doc, layer)], mapping=m)
        blob = b"".join(files.values()).decode()
        assert "PER" in blob and "SPEAKER" not in blob, fmt
        back = read(fmt, list(files.items()), mapping=m, default_annotator="a")
        assert back.ok and [s.label for s in back.records[0].layer.spans.values()] == ["SPEAKER"], fmt


def test_add_labels_extends_the_schema_with_the_files_own_labels():
    data = json.dumps({"text": "Google hired Larry", "entities": [
        {"id": 1, "start_offset": 0, "end_offset": 6, "label": "ORG"},
        {"id": 2, "start_offset": 13, "end_offset": 18, "label": "PERSON"}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "hired"}]}).encode()
    refused = read("doccano", ("x.jsonl", data))
    assert {p.message.split(":")[0] for p in refused.problems} == {"unknown label 'ORG'", "unknown label 'PERSON'",
                                                                    "unknown relation type 'hired'"}
    assert refused.schema is DEFAULT_SCHEMA and refused.records == []
    added = read("doccano", ("x.jsonl", data), add_labels=True)
    assert added.ok and added.added_labels == ("ORG", "PERSON") and added.added_relation_types == ("hired",)
    assert {"ORG", "PERSON"} <= set(added.schema.label_names) and "hired" in added.schema.relation_names
    assert added.schema.version == DEFAULT_SCHEMA.version + 1
