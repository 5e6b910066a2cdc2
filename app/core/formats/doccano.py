"""doccano JSONL: read every form doccano has written, write what its importer reads.

Forms read (one JSON object per line; also a JSON array, or one pretty-printed object as found in doccano's own
repository):

* sequence labeling ``{"text", "label": [[start, end, "LABEL"], ...]}`` (current export and import form);
* relation projects ``{"text", "entities": [{"id", "start_offset", "end_offset", "label"}],
  "relations": [{"id", "from_id", "to_id", "type"}]}``;
* older exports: plural ``labels`` with ``annotation_approver``; per-user ``annotations: [{"label", "start_offset",
  "end_offset", "user"}]`` (one layer per user, ``user-<id>``; labels there may be label ids, kept as text and
  mapped like any label); doccano 0.x ``entities: [[start, end, "LABEL"]]`` with ``username``.
* text-classification labels (``label: ["A", "B"]``) are document categories, not spans: noted and skipped.

Annotator: ``default_annotator`` if given, else the file name (doccano names each member's export file after the
member; ``all.jsonl`` -> ``doccano``), except where a record names its user.

Offsets: doccano stores what its JavaScript front end counts, UTF-16 code units, or grapheme clusters when the
project's grapheme mode is on. doccano writes no span text, so ``offset_unit="auto"`` finds, per file, the unit under
which every span is valid (:func:`~.common.detect_unit`); files where several units fit and disagree are reported
and need an explicit ``offset_unit``.

Writing: one file per annotator (``<annotator>.jsonl``, like doccano's per-member export) listing every document;
``{"id", "text", <meta keys>, "label": [[s, e, L]]}`` when there are no relations, else the ``entities`` /
``relations`` form; offsets in UTF-16 code units (``offset_unit="grapheme"`` for grapheme-mode projects), stated in
each line's ``qawl_offset_unit`` key: doccano keeps it as metadata and exports it again, so re-importing our own
files (also after a trip through doccano) never needs the unit guessed.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Iterable

from ..jsonl import Record
from ..model import Status
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .build import per_file_reader
from .peer import (PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, is_int,
                   json_records, label_name, name_of_file, offset_pair, safe_name)
from .mapping import LabelMapping
from .units import to_unit

NAME = "doccano"
UNITS = ("utf16", "grapheme", "codepoint")
_KNOWN = {"id", "text", "label", "labels", "entities", "relations", "annotations", "annotation_approver", "meta",
          "Comments", "comments", "username", "doc_id", "metadata", "data", "qawl_offset_unit"}
# Our exports say which unit their offsets are in. doccano keeps unknown keys as example metadata and writes them
# back on export, so the statement survives a trip through doccano (doccano's own files never have it).
DECLARED = "qawl_offset_unit"


def parse_file(name: str, data: bytes, default_annotator: str | None = None) -> PeerFile:
    pf = PeerFile(name)
    stem = PurePath(name).stem
    annotator = default_annotator or ("doccano" if stem in ("all", "") else name_of_file(stem))
    for line, obj in json_records(name, data, pf):
        doc = PeerDoc(name, line, None)
        pf.docs.append(doc)
        if isinstance(obj, Exception):
            doc.problems.append(obj)
            continue
        _parse_record(obj, doc, annotator, pf)
        declared = obj.get(DECLARED) if isinstance(obj, dict) else None
        if declared is not None:
            if declared not in UNITS or (pf.declared_unit not in (None, declared)):
                doc.problem(f"must be one of {', '.join(UNITS)} and the same on every line, got {declared!r}",
                            field=DECLARED)
            else:
                pf.declared_unit = declared
    return pf


def _parse_record(obj: object, doc: PeerDoc, annotator: str, pf: PeerFile) -> None:
    if not isinstance(obj, dict):
        doc.problem(f"each record must be a JSON object, got {type(obj).__name__}")
        return
    text = obj.get("text", obj.get("data"))
    if not isinstance(text, str) or not text.strip():
        doc.problem("the record has no text" if text is None else "must be a non-empty string", field="text")
        return
    doc.raw = text
    doc_id = obj.get("id", obj.get("doc_id"))
    if doc_id is not None:
        if not (is_int(doc_id) or isinstance(doc_id, str)) or not str(doc_id).strip():
            doc.problem(f"must be a string or an integer, got {doc_id!r}", field="id")
            return
        doc.doc_id = str(doc_id)
    meta = obj.get("meta", obj.get("metadata"))
    if meta is not None and not isinstance(meta, dict):
        doc.problem(f"must be an object, got {type(meta).__name__}", field="meta")
        return
    doc.meta = {**{k: v for k, v in obj.items() if k not in _KNOWN}, **(meta or {})}
    user = obj.get("username")
    if user is not None and not (isinstance(user, str) and user.strip()):
        doc.problem(f"must be a user name, got {user!r}", field="username")
        return
    status = Status.DONE.value if obj.get("annotation_approver") else Status.IN_PROGRESS.value
    layer = PeerLayer(user or annotator, status)

    for key in ("label", "labels"):
        value = obj.get(key)
        if value is None:
            continue
        if not isinstance(value, list):
            doc.problem(f"must be a list of [start, end, label], got {type(value).__name__}", field=key)
            return
        if value and all(isinstance(v, str) for v in value):
            pf.notes.append(f"{doc.file}:{doc.line}: document categories {value} are not spans; skipped")
            continue
        for i, item in enumerate(value):
            _tuple_span(item, f"{key}[{i}]", ("t", key, i), doc, layer)
    entities = obj.get("entities")
    if entities is not None:
        if not isinstance(entities, list):
            doc.problem(f"must be a list, got {type(entities).__name__}", field="entities")
            return
        for i, item in enumerate(entities):
            where = f"entities[{i}]"
            if isinstance(item, list):
                _tuple_span(item, where, ("t", "entities", i), doc, layer)
                continue
            if not isinstance(item, dict):
                doc.problem(f"must be an object, got {type(item).__name__}", field=where)
                continue
            ent_id = item.get("id", i)
            if not (is_int(ent_id) or isinstance(ent_id, str)):
                doc.problem(f"must be an integer id, got {ent_id!r}", field=f"{where}.id")
                continue
            if any(s.key == ("e", ent_id) for s in layer.spans):
                doc.problem(f"duplicate entity id {ent_id!r}", field=f"{where}.id")
                continue
            pair = offset_pair(item, "start_offset", "end_offset", where, doc)
            label = label_name(item.get("label"), f"{where}.label", doc)
            if pair and label:
                layer.spans.append(PeerSpan(("e", ent_id), label, *pair, where,
                                            provenance={"source": NAME, "id": ent_id}))
    relations = obj.get("relations")
    if relations is not None:
        if not isinstance(relations, list):
            doc.problem(f"must be a list, got {type(relations).__name__}", field="relations")
            return
        for i, item in enumerate(relations):
            where = f"relations[{i}]"
            if not isinstance(item, dict):
                doc.problem(f"must be an object, got {type(item).__name__}", field=where)
                continue
            ends = [item.get("from_id"), item.get("to_id")]
            bad = next((k for k, v in zip(("from_id", "to_id"), ends) if not (is_int(v) or isinstance(v, str))),
                       None)
            if bad:
                doc.problem(f"must be an entity id, got {item.get(bad)!r}", field=f"{where}.{bad}")
                continue
            rtype = label_name(item.get("type"), f"{where}.type", doc)
            if rtype:
                prov = {"source": NAME} if item.get("id") is None else {"source": NAME, "id": item.get("id")}
                layer.relations.append(PeerRelation(rtype, ("e", ends[0]), ("e", ends[1]), where, prov))
    annotations = obj.get("annotations")
    per_user: dict[str, PeerLayer] = {}
    if annotations is not None:
        if not isinstance(annotations, list):
            doc.problem(f"must be a list, got {type(annotations).__name__}", field="annotations")
            return
        for i, item in enumerate(annotations):
            where = f"annotations[{i}]"
            if not isinstance(item, dict):
                doc.problem(f"must be an object, got {type(item).__name__}", field=where)
                continue
            uid = item.get("user")
            if uid is not None and not (is_int(uid) or isinstance(uid, str)):
                doc.problem(f"must be a user id, got {uid!r}", field=f"{where}.user")
                continue
            target = layer if uid is None else per_user.setdefault(str(uid), PeerLayer(f"user-{uid}", status))
            pair = offset_pair(item, "start_offset", "end_offset", where, doc)
            label = label_name(item.get("label"), f"{where}.label", doc)
            if pair and label:
                target.spans.append(PeerSpan(("a", i), label, *pair, where, provenance={"source": NAME}))
    doc.layers = [lay for lay in (layer, *per_user.values()) if lay.spans or lay.relations]


def _tuple_span(item: object, where: str, key: tuple, doc: PeerDoc, layer: PeerLayer) -> None:
    if not isinstance(item, (list, tuple)) or len(item) != 3:
        doc.problem(f"must be [start, end, label], got {item!r}"[:200], field=where)
        return
    start, end, label = item
    pair = offset_pair({"start": start, "end": end}, "start", "end", where, doc)
    name = label_name(label, f"{where}[2]", doc)
    if pair and name:
        layer.spans.append(PeerSpan(key, name, *pair, where, provenance={"source": NAME}))


# --- writing ---------------------------------------------------------------------------------------------------

def write(records: Iterable[Record], *, mapping: LabelMapping | None = None, schema: LabelSchema = DEFAULT_SCHEMA,
          form: str = "auto", offset_unit: str = "utf16") -> dict[str, bytes]:
    """Records -> ``{"<annotator>.jsonl": bytes}`` (see the module docstring). ``form``: auto | label | entities."""
    if form not in ("auto", "label", "entities"):
        raise ValueError(f"form must be auto, label or entities, got {form!r}")
    mapping = mapping or LabelMapping()
    records = list(records)
    docs: dict[str, object] = {}
    layers: dict[str, dict[str, object]] = {}
    for rec in records:
        docs.setdefault(rec.document.id, rec.document)
        if rec.layer is not None:
            layers.setdefault(rec.layer.annotator, {})[rec.document.id] = rec.layer
    use_entities = form == "entities" or (form == "auto" and any(
        lay.relations for per_doc in layers.values() for lay in per_doc.values()))
    cache: dict = {}
    out: dict[str, bytes] = {}
    for annotator, per_doc in (layers.items() if layers else [("all", {})]):
        lines = []
        for doc_id, doc in docs.items():
            lines.append(json.dumps(_record(doc, per_doc.get(doc_id), mapping, use_entities, offset_unit, cache),
                                    ensure_ascii=False))
        name = "all.jsonl" if not layers else f"{safe_name(annotator, reserved=('all',))}.jsonl"
        out[name] = ("\n".join(lines) + "\n").encode("utf-8")
    return out


def _record(doc, layer, mapping: LabelMapping, use_entities: bool, unit: str, cache: dict) -> dict:
    row: dict = {"id": doc.id, "text": doc.text, DECLARED: unit}
    nested = {k: v for k, v in doc.meta.items() if k in _KNOWN}
    row.update({k: v for k, v in doc.meta.items() if k not in _KNOWN})
    if nested:
        row["meta"] = nested
    spans = layer.sorted_spans() if layer else []

    def off(cp: int) -> int:
        return to_unit(doc.text, cp, unit, cache)

    if not use_entities:
        row["label"] = [[off(s.start), off(s.end), mapping.label_out(s.label)] for s in spans]
        return row
    ids = {s.id: i for i, s in enumerate(spans)}
    row["entities"] = [{"id": ids[s.id], "label": mapping.label_out(s.label), "start_offset": off(s.start),
                        "end_offset": off(s.end)} for s in spans]
    rels = sorted(layer.relations.values(), key=lambda r: (ids[r.head], ids[r.tail], r.type)) if layer else []
    row["relations"] = [{"id": i, "from_id": ids[r.head], "to_id": ids[r.tail], "type": mapping.relation_out(r.type)}
                        for i, r in enumerate(rels)]
    return row


read = per_file_reader(NAME, UNITS, parse_file)
