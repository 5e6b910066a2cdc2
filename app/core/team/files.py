"""The formats of the team repository's files, written byte-for-byte the same by every computer (stable key order,
one record per line) so that git diffs are readable and an unchanged thing never makes a new version.

- a **document file** is one ``qawl-export/1`` line without annotations (``qawl import`` reads it);
- a **layer file** (``qawl-layer/1``) is a header line (document, annotator, status, the text's SHA-256, and the
  annotator's note on the document and its "needs discussion" flag when there is one), then one line per span and
  one per relation, spans in text order: adding a span adds one line to the diff (a span's note and flag are its
  ``note`` / ``discuss`` attributes);
- ``assignments.jsonl``, ``removed.jsonl``: one record per line, sorted; ``members/<name>.json``,
  ``qawl-team.json``: one object.

Readers check everything an import checks (they reuse :mod:`app.core.jsonl`) and report problems as
``FILE:LINE: FIELD: what is wrong``, the line being the span's or relation's own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

import orjson

from ..errors import QawlError
from ..jsonl import FORMAT, OFFSET_UNIT, layer_note_fields, parse_layer, parse_record
from ..model import STATUSES, Document, Layer, relation_to_dict, span_to_dict
from ..schema import LabelSchema
from . import layout

TEAM_FORMAT = "qawl-team/1"
LAYER_FORMAT = "qawl-layer/1"
ROLES = ("annotate", "review")


# --- canonical JSON -------------------------------------------------------------------------------------------------

def _sorted(value):
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


def _ordered(value, keep: int):
    if keep <= 0:
        return _sorted(value)
    if isinstance(value, dict):
        return {k: _ordered(v, keep - 1) for k, v in value.items()}
    return _sorted(value)


def line(obj: Mapping, keep: int = 1) -> bytes:
    """One JSON line: keys in the order given for ``keep`` levels (a span's id, label, start, end, text first),
    deeper objects' keys sorted; UTF-8 unescaped."""
    return orjson.dumps(_ordered(dict(obj), keep)) + b"\n"


def _load(data: bytes, path: str, number: int):
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise QawlError(f"not valid JSON ({exc})", file=path, line=number) from None


def _lines(data: bytes, path: str) -> Iterable[tuple[int, object]]:
    if data.startswith(b"\xef\xbb\xbf"):
        raise QawlError("starts with a byte-order mark; Qawl writes these files without one", file=path, line=1)
    for number, raw in enumerate(data.split(b"\n"), 1):
        if raw.strip():
            yield number, _load(raw, path, number)


def _object(value: object, path: str, number: int) -> dict:
    if not isinstance(value, dict):
        raise QawlError(f"must be a JSON object, got {type(value).__name__}", file=path, line=number)
    return value


# --- documents ---------------------------------------------------------------------------------------------------------

def document_bytes(doc: Document, label_schema: str) -> bytes:
    return line({"schema": FORMAT, "label_schema": label_schema, "doc_id": doc.id, "text": doc.text,
                 "text_sha256": doc.text_sha256, "offset_unit": OFFSET_UNIT, "direction": doc.direction,
                 "normalisation": doc.normalisation.to_dict(), "meta": doc.meta})


def read_document(path: str, data: bytes) -> Document:
    """The document a document file holds (its text checked against its ``text_sha256``)."""
    records = list(_lines(data, path))
    if len(records) != 1:
        raise QawlError(f"a document file holds one line, this one holds {len(records)}", file=path,
                        line=records[1][0] if len(records) > 1 else 1)
    number, obj = records[0]
    obj = _object(obj, path, number)
    if obj.get("spans") or obj.get("relations"):
        raise QawlError("a document file holds no annotations (they go in layers/)", file=path, line=number,
                        field="spans")
    try:
        rec = parse_record(obj, source=path)
    except QawlError as exc:
        raise exc.located(file=path, line=number) from None
    doc = rec.document
    if obj.get("doc_id") is None:
        raise QawlError("is missing", file=path, line=number, field="doc_id")
    if "text_sha256" not in obj:
        raise QawlError("is missing: a team's texts are checked by hash", file=path, line=number,
                        field="text_sha256")
    if doc.normalisation.changed and obj.get("normalisation") is None:
        raise QawlError("the text is not normalised (a byte-order mark or CR line endings)", file=path,
                        line=number, field="text")
    expected = layout.document_path(doc.id)
    if expected != path:
        raise QawlError(f"document {doc.id!r} belongs in {expected}, not here (renamed by hand?)", file=path,
                        line=number, field="doc_id")
    return doc


# --- layers --------------------------------------------------------------------------------------------------------------

def layer_bytes(layer: Layer, doc_id: str, text_sha256: str, label_schema: str) -> bytes:
    """A layer file: the header, then the spans in text order, then the relations by id."""
    head = {"schema": LAYER_FORMAT, "doc_id": doc_id, "annotator": layer.annotator, "status": layer.status,
            "text_sha256": text_sha256, "label_schema": label_schema}
    # The annotator's note on the document and its flag, only when there is one: a layer without a note is
    # written byte-for-byte as before notes existed (no spurious new version in a team's repository).
    head.update(layer_note_fields(layer.note, layer.discuss))
    out = [line(head)]
    out.extend(line({"span": span_to_dict(s)}, keep=2) for s in layer.sorted_spans())
    out.extend(line({"relation": relation_to_dict(r)}, keep=2)
               for r in sorted(layer.relations.values(), key=lambda r: r.id))
    return b"".join(out)


@dataclass(frozen=True)
class LayerHeader:
    doc_id: str
    annotator: str
    status: str
    text_sha256: str
    label_schema: str | None
    note: str = ""
    discuss: bool = False


def read_layer_header(path: str, data: bytes) -> LayerHeader:
    """The first line of a layer file (which document and annotator it is about), checked."""
    first = data.split(b"\n", 1)[0]
    head = _object(_load(first, path, 1), path, 1)
    if head.get("schema") != LAYER_FORMAT:
        raise QawlError(f"must be {LAYER_FORMAT!r}, got {head.get('schema')!r}", file=path, line=1, field="schema")
    for key in ("doc_id", "annotator", "text_sha256"):
        if not isinstance(head.get(key), str) or not head[key].strip():
            raise QawlError("is missing or not a non-empty string", file=path, line=1, field=key)
    status = head.get("status", "todo")
    if status not in STATUSES:
        raise QawlError(f"must be one of {', '.join(STATUSES)}, got {status!r}", file=path, line=1, field="status")
    note = head.get("note", "")
    if not isinstance(note, str):
        raise QawlError(f"a note must be text, got {note!r}", file=path, line=1, field="note")
    discuss = head.get("discuss", False)
    if discuss is not True and discuss is not False:
        raise QawlError(f"must be true or false, got {discuss!r}", file=path, line=1, field="discuss")
    header = LayerHeader(head["doc_id"], head["annotator"], status, head["text_sha256"], head.get("label_schema"),
                         note, discuss)
    expected = layout.layer_path(header.annotator, header.doc_id)
    if expected != path:
        raise QawlError(f"the layer of {header.annotator} on {header.doc_id!r} belongs in {expected}, not here "
                        "(renamed or copied by hand?)", file=path, line=1, field="annotator")
    return header


_WHERE = re.compile(r"^(spans|relations)\[([^\]]+)\]\.?(.*)$")


def read_layer(path: str, data: bytes, doc: Document, schema: LabelSchema,
               entities: set[str] | None = None, header: LayerHeader | None = None,
               claims: set[str] | None = None) -> Layer:
    """The layer a layer file holds, on ``doc`` (the document as this project has it), checked like an import:
    the text hash, every span against the text and the schema, relations, speakers against ``entities``, claim
    links against ``claims``. ``doc.id`` may differ from the file's (a copy of the same text under another id
    here). ``header``: the file's first line when the caller has read it already."""
    header = header or read_layer_header(path, data)
    if header.text_sha256 != doc.text_sha256:
        raise QawlError(f"the layer was made on a different text of {header.doc_id!r} than this project's (texts "
                        "must be byte-identical); it is never merged", file=path, line=1, field="text_sha256")
    spans, rels, span_lines, rel_lines = [], [], [], []
    for number, obj in _lines(data, path):
        if number == 1:
            continue
        obj = _object(obj, path, number)
        if len(obj) != 1 or not ({"span", "relation"} & set(obj)):
            raise QawlError("each line after the first holds one \"span\" or one \"relation\"", file=path,
                            line=number)
        if "span" in obj:
            spans.append(obj["span"])
            span_lines.append(number)
        else:
            rels.append(obj["relation"])
            rel_lines.append(number)

    def locate(exc: QawlError) -> QawlError:
        match = _WHERE.match(exc.field or "")
        if not match:
            return exc.located(file=path, line=1)
        kind, key, rest = match.groups()
        items, numbers = (spans, span_lines) if kind == "spans" else (rels, rel_lines)
        number = None
        if key.isdigit() and int(key) < len(numbers):
            number = numbers[int(key)]
        else:
            number = next((n for item, n in zip(items, numbers) if isinstance(item, dict) and item.get("id") == key),
                          None)
        field = ("span" if kind == "spans" else "relation") + (f".{rest}" if rest else "")
        return QawlError(exc.message, file=path, line=number or 1, field=field)

    try:
        layer = parse_layer({"annotator": header.annotator, "status": header.status, "spans": spans,
                             "relations": rels, "note": header.note, "discuss": header.discuss}, doc)
        if layer is None:  # pragma: no cover - the header names an annotator
            raise QawlError("holds no layer", field="annotator")
        schema.check_layer(layer)
        for span in layer.sorted_spans():
            if entities is not None and span.entity and span.entity not in entities:
                raise QawlError(f"speaker {span.entity!r} is not in the team's speaker registry",
                                field=f"spans[{span.id}].attrs.entity")
            claim = span.attrs.get("claim") if span.label == "CLAIM" else None
            if claims is not None and claim and claim not in claims:
                raise QawlError(f"claim {claim!r} is not in the team's claim registry",
                                field=f"spans[{span.id}].attrs.claim")
    except QawlError as exc:
        raise locate(exc) from None
    return layer


# --- the lead's lists and the members -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Assignment:
    """A document given to an annotator to annotate, or to a reviewer to review (build gold)."""

    doc_id: str
    annotator: str
    role: str = "annotate"
    by: str | None = None
    at: str | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise QawlError(f"must be one of {', '.join(ROLES)}, got {self.role!r}", field="role")
        for name in ("doc_id", "annotator"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                raise QawlError("is missing or not a non-empty string", field=name)


def assignments_bytes(items: Iterable[Assignment]) -> bytes:
    rows = sorted(items, key=lambda a: (a.doc_id, a.role, a.annotator))
    return b"".join(line({"doc_id": a.doc_id, "annotator": a.annotator, "role": a.role, "by": a.by, "at": a.at})
                    for a in rows)


def read_assignments(path: str, data: bytes) -> list[Assignment]:
    out = []
    for number, obj in _lines(data, path):
        obj = _object(obj, path, number)
        try:
            out.append(Assignment(obj.get("doc_id"), obj.get("annotator"), obj.get("role", "annotate"),
                                  obj.get("by"), obj.get("at")))
        except QawlError as exc:
            raise exc.located(file=path, line=number) from None
    return out


@dataclass(frozen=True)
class Removal:
    """A document the lead took out of the team (its text hash, so a copy under another id goes too)."""

    doc_id: str
    text_sha256: str
    by: str | None = None
    at: str | None = None


def removals_bytes(items: Iterable[Removal]) -> bytes:
    return b"".join(line({"doc_id": r.doc_id, "text_sha256": r.text_sha256, "by": r.by, "at": r.at})
                    for r in sorted(items, key=lambda r: (r.doc_id, r.text_sha256)))


def read_removals(path: str, data: bytes) -> list[Removal]:
    out = []
    for number, obj in _lines(data, path):
        obj = _object(obj, path, number)
        for key in ("doc_id", "text_sha256"):
            if not isinstance(obj.get(key), str) or not obj[key]:
                raise QawlError("is missing or not a non-empty string", file=path, line=number, field=key)
        out.append(Removal(obj["doc_id"], obj["text_sha256"], obj.get("by"), obj.get("at")))
    return out


@dataclass(frozen=True)
class Member:
    """A member of the team as their own file says: who, since when, from which computer."""

    name: str
    joined: str
    computer: str
    host: str = ""
    role: str = "annotator"  # or "lead"


def member_bytes(m: Member) -> bytes:
    return line({"name": m.name, "role": m.role, "joined": m.joined, "computer": m.computer, "host": m.host})


def read_member(path: str, data: bytes) -> Member:
    obj = _object(_load(data, path, 1), path, 1)
    for key in ("name", "joined", "computer"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise QawlError("is missing or not a non-empty string", file=path, line=1, field=key)
    member = Member(obj["name"], obj["joined"], obj["computer"], str(obj.get("host") or ""),
                    str(obj.get("role") or "annotator"))
    if layout.member_path(member.name) != path:
        raise QawlError(f"the member file of {member.name!r} belongs in {layout.member_path(member.name)}",
                        file=path, line=1, field="name")
    return member


@dataclass(frozen=True)
class TeamFile:
    lead: str
    created: str
    branch: str = "main"


def team_bytes(t: TeamFile) -> bytes:
    return line({"format": TEAM_FORMAT, "lead": t.lead, "created": t.created, "branch": t.branch})


def read_team(path: str, data: bytes) -> TeamFile:
    obj = _object(_load(data, path, 1), path, 1)
    fmt = obj.get("format")
    if fmt != TEAM_FORMAT:
        if isinstance(fmt, str) and fmt.startswith("qawl-team/"):
            raise QawlError(f"written by a newer Qawl ({fmt}); this version reads {TEAM_FORMAT}", file=path,
                            line=1, field="format")
        raise QawlError(f"must be {TEAM_FORMAT!r}, got {fmt!r}", file=path, line=1, field="format")
    if not isinstance(obj.get("lead"), str) or not obj["lead"]:
        raise QawlError("is missing", file=path, line=1, field="lead")
    return TeamFile(obj["lead"], str(obj.get("created") or ""), str(obj.get("branch") or "main"))


def schema_bytes(schema: LabelSchema) -> bytes:
    return orjson.dumps(schema.to_dict(), option=orjson.OPT_INDENT_2) + b"\n"


def read_schema(path: str, data: bytes) -> LabelSchema:
    obj = _object(_load(data, path, 1), path, 1)
    try:
        return LabelSchema.from_dict(obj)
    except QawlError as exc:
        raise exc.located(file=path, line=1) from None


README_TEXT = """# A Qawl team project

This repository is shared by the annotators of a Qawl (قول) project: each one works in the Qawl window on their
own computer and runs `qawl team sync` (or Team ▸ Sync) to send their work here and bring in everyone else's.
Qawl writes every file; nobody needs to edit them by hand (a hand edit is detected and reported).

- `documents/` — the articles, one file per document (a `qawl-export/1` line), never changed once added
- `layers/<annotator>/` — each annotator's annotations, one file per document: a header line, then one line per
  span and one per relation (`layers/gold/` is the reviewed gold layer)
- `registry/speakers/<annotator>.jsonl` — each member's edits of the speaker registry, as events
- `schema.json` (labels and guidelines), `assignments.jsonl`, `removed.jsonl`, `members/` — the lead's and the
  members' own files

Join with `qawl team join <this repository's URL or path> --annotator NAME`.
"""
