"""Our own Arabic annotations (the hand-made dev gold) survive export to every peer format and import back."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.core import formats
from app.core.jsonl import Record, make_document
from app.core.model import Entity, Layer, Relation, Span

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
if not CORPUS.exists() and os.environ.get("QAWL_CORPUS"):
    CORPUS = Path(os.environ["QAWL_CORPUS"])
GOLD = CORPUS / "quote-gold-dev" / "dev.jsonl"
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not GOLD.exists(), reason=f"the shared corpus is not at {CORPUS} (set QAWL_CORPUS)")]

# What each format can carry besides label, range and relations.
KEEPS_ATTRS = {"doccano": False, "labelstudio": True, "prodigy": True, "brat": True}


def gold_records() -> list[Record]:
    records = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        raw = (CORPUS / "arabic_articles" / f"{item['file']}.txt").read_text(encoding="utf-8")
        doc = make_document(raw, id=item["file"], meta={"date": item["document_date"]})
        entities: dict[str, Entity] = {}
        spans = []
        for s in item["spans"]:
            attrs = dict(s["attrs"])
            if "entity" in attrs:  # the gold names speakers; Qawl keeps an entity id and a registry
                name = attrs["entity"]
                ent = entities.setdefault(name, Entity(f"e{len(entities) + 1}", name))
                attrs["entity"] = ent.id
            spans.append(Span.of(doc.text, s["label"], s["start"], s["end"], id=s["id"], attrs=attrs))
        rels = [Relation(f"r{i}", r["type"], r["head"], r["tail"]) for i, r in enumerate(item["relations"])]
        layer = Layer(doc.id, "alice", "done", spans, rels)
        records.append(Record(doc, layer, list(entities.values())))
    return records


def facts(records, *, attrs: bool) -> dict:
    out = {}
    for rec in records:
        layer = rec.layer
        spans = {s.id: (s.label, s.start, s.end, s.text,
                        tuple(sorted((k, v) for k, v in s.attrs.items() if k != "entity")) if attrs else ())
                 for s in layer.spans.values()}
        rels = {(r.type, spans[r.head], spans[r.tail]) for r in layer.relations.values()}
        out[rec.document.id] = (rec.document.text, sorted(spans.values()), rels)
    return out


@pytest.mark.parametrize("fmt", list(formats.FORMATS))
def test_gold_round_trips_through_every_format(fmt):
    records = gold_records()
    files = formats.write(fmt, records)
    back = formats.read(fmt, list(files.items()), default_annotator="alice")
    assert back.problems == []
    assert facts(back.records, attrs=KEEPS_ATTRS[fmt]) == facts(records, attrs=KEEPS_ATTRS[fmt])
    assert {r.layer.annotator for r in back.records} == {"alice"}


@pytest.mark.parametrize("fmt", ["prodigy", "brat"])
def test_speaker_entities_survive_where_the_format_can_hold_them(fmt):
    records = gold_records()
    back = formats.read(fmt, list(formats.write(fmt, records).items()), default_annotator="alice")
    names = {(rec.document.id, s.text, {e.id: e.name for e in orig.entities}[s.entity])
             for rec, orig in zip(back.records, records) for s in rec.layer.spans.values() if s.entity}
    expected = {(rec.document.id, s.text, {e.id: e.name for e in rec.entities}[s.entity])
                for rec in records for s in rec.layer.spans.values() if s.entity}
    assert names == expected
    if fmt == "brat":  # brat carries the registry names too (N lines with Qawl: references)
        got = {e.name for rec in back.records for e in rec.entities}
        assert got == {e.name for rec in records for e in rec.entities}


@pytest.mark.parametrize("unit", ["utf16", "grapheme"])
def test_doccano_files_without_a_stated_unit_are_read_in_the_unit_they_were_written_in(unit):
    """doccano's own files state no unit and carry no span text; Arabic harakat make several units fit. The
    evidence (edges inside a character, edges inside words) must still find the unit the file was written in."""
    records = gold_records()
    files = formats.write("doccano", records, offset_unit=unit)
    stripped = []
    for line in files["alice.jsonl"].decode().splitlines():
        row = json.loads(line)
        del row["qawl_offset_unit"]
        stripped.append(json.dumps(row, ensure_ascii=False))
    back = formats.read("doccano", ("alice.jsonl", "\n".join(stripped).encode()))
    assert back.problems == [] and back.offset_units == {"alice.jsonl": unit}
    assert facts(back.records, attrs=False) == facts(records, attrs=False)
    assert any("read as" in n for n in back.notes)
