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

Writing (streaming): one file per annotator (``<annotator>.jsonl``, like doccano's per-member export) listing every
document; ``entities`` / ``relations`` when the schema has relation types (else ``label: [[s, e, L]]``); offsets in
UTF-16 code units (``offset_unit="grapheme"`` for grapheme-mode projects). Every line has the same keys — ``text``,
the labels, ``doc_id``, ``meta`` (the document's metadata as one object), ``qawl_offset_unit`` and ``qawl``
(``annotator``, ``status``, ``speakers``: the registry entries the SPEAKER spans name, ``attrs``: span attributes by
``"start end LABEL"``) — because doccano's importer reads a file into one pandas table, where a key that some lines
lack becomes NaN in the others' metadata, which its database refuses (``CHECK constraint failed:
JSON_VALID("meta")``, nothing imported). doccano keeps the other keys as example metadata and writes them back on
export, so our own files, also after a trip through doccano, come back with their ids, speakers, attributes and
offset unit. doccano drops overlapping spans unless the project allows them: the export says so when it has any.
"""

from __future__ import annotations

import re
from operator import itemgetter
from pathlib import PurePath
from typing import Iterable

import orjson

from ..model import STATUSES, Status
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .build import per_file_reader
from .peer import (PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, is_int,
                   json_records, label_name, name_of_file, offset_pair, read_document_note, safe_name)
from .mapping import LabelMapping
from .out import (Doc, MemorySink, Sink, Work, annotators_of, as_lines, claims, documents, entities_from,
                  speakers)
from .units import to_unit

NAME = "doccano"
UNITS = ("utf16", "grapheme", "codepoint")
_KNOWN = {"id", "text", "label", "labels", "entities", "relations", "annotations", "annotation_approver", "meta",
          "Comments", "comments", "username", "doc_id", "metadata", "data", "qawl_offset_unit", "qawl"}
# Our exports say which unit their offsets are in. doccano keeps unknown keys as example metadata and writes them
# back on export, so the statement survives a trip through doccano (doccano's own files never have it).
DECLARED = "qawl_offset_unit"
# What else our exports carry on every line (doccano keeps it as metadata): whose layer it is and its status, the
# speakers its SPEAKER spans name, and the span attributes doccano has no place for ("start end LABEL" -> attrs).
QAWL = "qawl"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


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
    doc_id = obj.get("doc_id", obj.get("id"))  # ours (kept by doccano as metadata) before doccano's example id
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
    own = obj.get(QAWL) if isinstance(obj.get(QAWL), dict) else {}
    # Whose layer and its status come from our key only in our own file. In doccano's export (an integer example
    # id) the key is the example's metadata, shared by every member's file, while the labels are the member's:
    # they are the member's work (the file's name), whoever's layer we once sent.
    if not is_int(obj.get("id")):
        if own.get("status") in STATUSES:
            status = own["status"]
        if isinstance(own.get("annotator"), str) and own["annotator"].strip() and user is None:
            user = own["annotator"]
    doc.entities = entities_from(own.get("speakers"))
    if own.get("claims") and not doc.carried_claims(own["claims"], f"{QAWL}.claims"):
        return
    layer = PeerLayer(user or annotator, status)
    # The note on the document, in our own file only (in doccano's export the key is the example's, not the member's).
    if not is_int(obj.get("id")) and not read_document_note(own, "note", "discuss", f"{QAWL}.", doc, layer):
        return

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
            if ("e", ent_id) in layer.keys:
                doc.problem(f"duplicate entity id {ent_id!r}", field=f"{where}.id")
                continue
            layer.keys.add(("e", ent_id))
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
            bad = None if all(type(v) in (int, str) for v in ends) else \
                "from_id" if not (is_int(ends[0]) or isinstance(ends[0], str)) else "to_id"
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
    attrs = own.get("attrs") if isinstance(own.get("attrs"), dict) else {}
    for span in layer.spans if attrs else ():
        found = attrs.get(f"{span.start} {span.end} {span.label}")
        if isinstance(found, dict):
            span.attrs.update(found)
    doc.layers = [lay for lay in (layer, *per_user.values()) if lay.spans or lay.relations or lay.note or lay.discuss
                  or (lay is layer and own.get("status") == Status.DONE.value)]


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

def stream(docs: Iterable[Doc], sink: Sink, *, mapping: LabelMapping | None = None,
           schema: LabelSchema = DEFAULT_SCHEMA, form: str = "auto", offset_unit: str = "utf16",
           annotators: Iterable[str] | None = None, **_) -> None:
    """Documents -> ``<annotator>.jsonl`` per annotator, each listing every document (see the module
    docstring). ``form``: auto (``entities``/``relations`` when the schema has relation types, else ``label``) |
    label | entities. ``annotators``: the annotator names in ``docs`` (else the documents are read twice, in
    memory)."""
    if form not in ("auto", "label", "entities"):
        raise ValueError(f"form must be auto, label or entities, got {form!r}")
    mapping = mapping or LabelMapping()
    if annotators is None:
        docs, annotators = annotators_of(docs)
    names = {a: f"{safe_name(a, reserved=('all',))}.jsonl" for a in annotators} or {None: "all.jsonl"}
    use_entities = form == "entities" or (form == "auto" and bool(schema.relation_types))
    overlapping = lost = 0
    out = _Rows(mapping, use_entities, offset_unit)
    for doc in docs:
        by_who = {work.annotator: work for work in doc.layers}
        out.start(doc)
        for who, name in names.items():
            work = by_who.get(who)
            if work is not None and _overlaps(work.spans):
                overlapping += 1
            if work is not None and not use_entities:
                lost += len(work.relations)
            sink.write(name, orjson.dumps(out.row(doc, work)) + b"\n")
    sink.note("doccano: written for a sequence-labeling project with relation labeling on (entities/relations); "
              "for a project without relations export with --doccano-form label" if use_entities else
              "doccano: written for a sequence-labeling project (label: [[start, end, LABEL]])")
    if lost:
        sink.note(f"doccano: {lost} relation(s) left out: the label form has no place for them")
    if overlapping:
        sink.note(f"doccano: {overlapping} layer(s) have overlapping spans (a speaker inside a quote); doccano drops "
                  f"them on import unless the project allows overlapping spans (project settings)")


def _overlaps(spans: list[tuple]) -> bool:
    end = -1
    for span in sorted(spans, key=_START):
        if span[2] < end:
            return True
        end = max(end, span[3])
    return False


_START = itemgetter(2)


class _Rows:
    """doccano lines. Every line has the same keys, whatever the document's metadata: doccano puts the lines of a
    file into one table, where a key missing from some lines becomes NaN, which its database refuses (CHECK
    constraint JSON_VALID("meta"), and nothing is imported). Labels and relation types are mapped once per
    export; offsets are converted once per document (every annotator's file lists it)."""

    def __init__(self, mapping: LabelMapping, use_entities: bool, unit: str) -> None:
        self.mapping, self.use_entities, self.unit = mapping, use_entities, unit
        self._labels: dict[str, str] = {}
        self._relations: dict[str, str] = {}
        self._cache: dict = {}
        self._plain = True

    def start(self, doc: Doc) -> None:
        unit = self.unit
        # UTF-16 units equal code points in a text without astral characters
        self._plain = unit == "codepoint" or (unit == "utf16" and not _ASTRAL.search(doc.text))
        self._cache = {}

    def _label(self, name: str) -> str:
        found = self._labels.get(name)
        if found is None:
            found = self._labels[name] = self.mapping.label_out(name)
        return found

    def row(self, doc: Doc, work: Work | None) -> dict:
        spans = work.spans if work is not None else ()
        label = self._label
        if self._plain:
            edges = [(s[2], s[3], label(s[1])) for s in spans]
        else:
            text, unit, cache = doc.text, self.unit, self._cache
            edges = [(to_unit(text, s[2], unit, cache), to_unit(text, s[3], unit, cache), label(s[1]))
                     for s in spans]
        row: dict = {"text": doc.text}
        if self.use_entities:
            ids = {s[0]: i for i, s in enumerate(spans)}
            row["entities"] = [{"id": i, "label": lab, "start_offset": a, "end_offset": b}
                               for i, (a, b, lab) in enumerate(edges)]
            rels = sorted(work.relations, key=lambda r: (ids[r[2]], ids[r[3]], r[1])) if work is not None else []
            kinds = self._relations
            for r in rels:
                if r[1] not in kinds:
                    kinds[r[1]] = self.mapping.relation_out(r[1])
            row["relations"] = [{"id": i, "from_id": ids[r[2]], "to_id": ids[r[3]], "type": kinds[r[1]]}
                                for i, r in enumerate(rels)]
        else:
            row["label"] = [list(e) for e in edges]
        attrs = {f"{a} {b} {lab}": s[5] for s, (a, b, lab) in zip(spans, edges) if s[5]}
        row["doc_id"] = doc.id
        row["meta"] = doc.meta
        row[DECLARED] = self.unit
        row[QAWL] = {"annotator": work.annotator if work is not None else None,
                     "status": work.status if work is not None else None,
                     "speakers": speakers([work]) if work is not None else [],
                     "claims": claims([work]) if work is not None else [], "attrs": attrs}
        if work is not None and (work.note or work.discuss):  # the annotator's note on the document
            row[QAWL].update({"note": work.note, "discuss": work.discuss})
        return row


def write(records, **options) -> dict[str, bytes]:
    """Records (or export lines) -> ``{"<annotator>.jsonl": bytes}`` (in memory)."""
    sink = MemorySink()
    stream(documents(as_lines(records)), sink, **options)
    return sink.files


read = per_file_reader(NAME, UNITS, parse_file)
