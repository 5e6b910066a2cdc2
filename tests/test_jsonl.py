from pathlib import Path

import pytest

from app.core.errors import QawlError
from app.core.jsonl import export_record, parse_record, quote_rows
from app.core.model import Entity


def test_minimal_line_becomes_a_document_without_annotations():
    rec = parse_record({"text": "نص بسيط"})
    assert rec.layer is None and rec.document.id.startswith("doc-") and rec.document.direction == "rtl"


@pytest.mark.parametrize("obj, field", [
    ([1, 2], "JSON object"),
    ({"id": "x"}, "text"),
    ({"text": 5}, "text"),
    ({"text": "   "}, "text"),
    ({"text": "نص", "meta": []}, "meta"),
    ({"text": "نص", "annotator": "a", "spans": [{"label": "CUE", "start": 0}]}, "spans[0].end"),
    ({"text": "نص", "annotator": "a", "spans": [{"label": "CUE", "start": 0, "end": 9}]}, "spans[0].end"),
    ({"text": "نص", "annotator": "a", "spans": [{"label": "CUE", "start": 0, "end": 1, "text": "x"}]},
     "spans[0].text"),
    ({"text": "نص", "annotator": "a", "spans": [{"label": "CUE", "start": "0", "end": 1}]}, "spans[0].start"),
    ({"text": "نص", "spans": [{"label": "CUE", "start": 0, "end": 1}]}, "annotator"),
    ({"text": "نص", "annotator": "a", "status": "finished"}, "status"),
    ({"text": "نص", "annotator": "a", "spans": [{"label": "CUE", "start": 0, "end": 1}],
      "relations": [{"type": "CUE", "head": "T1", "tail": "T9"}]}, "relations[0].tail"),
    ({"text": "نص", "text_sha256": "0" * 64}, "text_sha256"),
    ({"text": "نص", "offset_unit": "utf16"}, "offset_unit"),
    ({"text": "نص", "schema": "qawl-export/9"}, "newer Qawl"),
])
def test_bad_lines_name_the_field(obj, field):
    with pytest.raises(QawlError) as err:
        parse_record(obj)
    assert field in str(err.value)


def test_offsets_into_crlf_text_are_moved_with_the_normalisation():
    raw = "\ufeffسطر أول\r\nقال الوزير\r\nإن «الأمر» مهم"
    start = raw.index("الأمر")
    rec = parse_record({"text": raw, "annotator": "a", "spans": [
        {"id": "q", "label": "QUOTE", "start": start, "end": start + 5, "text": "الأمر"}]})
    q = rec.layer.spans["q"]
    assert rec.document.text[q.start:q.end] == "الأمر" == q.text
    assert rec.document.normalisation.to_dict() == {"bom": True, "crlf": 2, "cr": 0}


def test_export_then_parse_gives_the_same_records():
    raw = "\ufeffأكد الوزير\r\nأن «الاتفاق» سيوقع"
    q0 = raw.index("الاتفاق")
    rec = parse_record({"id": "d1", "text": raw, "meta": {"date": "2024-01-25"}, "annotator": "ali",
                        "spans": [{"id": "c", "label": "CUE", "start": 1, "end": 4},
                                  {"id": "q", "label": "QUOTE", "start": q0, "end": q0 + 7,
                                   "attrs": {"type": "direct"}}],
                        "relations": [{"id": "r", "type": "CUE", "head": "q", "tail": "c"}]})
    line = export_record(rec.document, rec.layer, {}, "quotes-claims")
    again = parse_record(line)
    assert again.document == rec.document and again.layer == rec.layer
    assert line["offset_unit"] == "codepoint" and line["schema"] == "qawl-export/1"
    for s in line["spans"]:
        assert line["text"][s["start"]:s["end"]] == s["text"]


def test_quote_rows_flatten_speaker_cue_and_date():
    text = "قال لافرينتيف يوم 18 كانون الثاني إن «الانسحاب قادم»"
    idx = lambda s: (text.index(s), text.index(s) + len(s))
    spans = [{"id": "c", "label": "CUE", "start": 0, "end": 3},
             {"id": "s", "label": "SPEAKER", "start": idx("لافرينتيف")[0], "end": idx("لافرينتيف")[1],
              "attrs": {"entity": "e1"}},
             {"id": "d", "label": "DATE", "start": idx("18 كانون الثاني")[0], "end": idx("18 كانون الثاني")[1],
              "attrs": {"value": "2024-01-18"}},
             {"id": "q", "label": "QUOTE", "start": idx("الانسحاب قادم")[0], "end": idx("الانسحاب قادم")[1],
              "attrs": {"type": "direct"}}]
    rels = [{"type": "SAID_BY", "head": "q", "tail": "s"}, {"type": "CUE", "head": "q", "tail": "c"},
            {"type": "DATED", "head": "q", "tail": "d"}]
    rec = parse_record({"text": text, "annotator": "ali", "spans": spans, "relations": rels})
    [row] = quote_rows(rec.document, rec.layer, {"e1": Entity("e1", "Alexander Lavrentiev")})
    assert row["quote"] == "الانسحاب قادم" and row["type"] == "direct"
    assert row["speaker"] == "Alexander Lavrentiev" and row["speaker_mention"] == "لافرينتيف"
    assert row["cue"] == "قال" and row["date_value"] == "2024-01-18" and row["date"] == "18 كانون الثاني"


def test_exports_validate_against_the_shipped_json_schema(tmp_path):
    import json

    import jsonschema

    from app.core.jsonl import parse_record
    from app.store import Store

    schema = json.loads((Path(__file__).resolve().parents[1] / "resources" / "qawl-export-1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    store = Store.open(":memory:")
    store.import_records([
        parse_record({"id": "a", "text": "قال الوزير «نعم»", "annotator": "ali", "spans": [
            {"id": "c", "label": "CUE", "start": 0, "end": 3},
            {"id": "q", "label": "QUOTE", "start": 12, "end": 15, "attrs": {"type": "direct"}}],
            "relations": [{"id": "r", "type": "CUE", "head": "q", "tail": "c"}]}),
        parse_record({"id": "b", "text": "نص"})])
    import orjson

    for line in store.export_records():
        jsonschema.validate(orjson.loads(orjson.dumps(line)), schema)
