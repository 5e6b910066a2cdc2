"""Qawl's own JSONL exchange format (``qawl-export/1``): one line per document per annotator.

Export and import are inverse: importing an export reproduces the same records. Import also accepts plain
documents (``{"text": ...}`` with optional ``id``/``doc_id`` and ``meta``) and annotations written by hand or by
other programs (span ``id`` and ``text`` may be left out; they are filled in and checked).

The format is documented in README.md and described by ``resources/qawl-export-1.schema.json``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .errors import QawlError
from .model import (STATUSES, CanonicalClaim, Document, Entity, Layer, Span, Status, claim_from_dict,
                    claim_to_dict, entity_from_dict, entity_to_dict, relation_from_dict, relation_to_dict,
                    span_to_dict)
from .text.normalise import Normalisation, detect_direction_utf8, normalise, removed_positions

FORMAT = "qawl-export/1"
OFFSET_UNIT = "codepoint"


def make_document(raw_text: str, *, id: str | None = None, meta: Mapping | None = None,
                  source: str | None = None, direction: str | None = None, utf8: bytes | None = None) -> Document:
    """A document from raw source text: the documented normalisation is applied and recorded here, once.

    ``utf8`` may pass the bytes ``raw_text`` was decoded from, to save encoding it again for the hash.
    """
    text, norm = normalise(raw_text)
    if not text or text.isspace():
        raise QawlError("the text is empty", field="text")
    # Encoded once: for the hash and for direction detection.
    data = utf8 if utf8 is not None and not norm.changed else text.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    return Document(id=id or "doc-" + digest[:16], text=text, meta=dict(meta or {}),
                    direction=direction or detect_direction_utf8(text, data), text_sha256=digest,
                    normalisation=norm, source=source, verify=False)


@dataclass
class Record:
    """What one input line holds: a document, maybe one annotator's layer of it, and the speakers and canonical
    claims it uses."""

    document: Document
    layer: Layer | None = None
    entities: list[Entity] = field(default_factory=list)
    line: int | None = None
    status_known: bool = True  # False: the file has no place for the layer's status (brat); ours is kept
    claims: list[CanonicalClaim] = field(default_factory=list)
    note_known: bool = True  # False: the file has no place for a note on the document (brat, doccano); ours is kept


def export_record(doc: Document, layer: Layer | None, entities: Mapping[str, Entity],
                  label_schema: str, claims: Mapping[str, CanonicalClaim] | None = None) -> dict:
    """The export line of ``doc`` for one annotator's layer (``None``: nobody has annotated it)."""
    spans = layer.sorted_spans() if layer else []
    used = sorted({s.entity for s in spans if s.entity and s.entity in entities})
    claims = claims or {}
    linked = sorted(c for c in (layer.claim_ids() if layer else ()) if c in claims)
    return {
        "schema": FORMAT,
        "label_schema": label_schema,
        "doc_id": doc.id,
        "text": doc.text,
        "text_sha256": doc.text_sha256,
        "offset_unit": OFFSET_UNIT,
        "direction": doc.direction,
        "normalisation": doc.normalisation.to_dict(),
        "meta": doc.meta,
        "annotator": layer.annotator if layer else None,
        "status": layer.status if layer else Status.TODO.value,
        "spans": [span_to_dict(s) for s in spans],
        "relations": [relation_to_dict(r) for r in sorted(layer.relations.values(), key=lambda r: r.id)]
        if layer else [],
        "entities": [entity_to_dict(entities[e]) for e in used],
        "claims": [claim_to_dict(claims[c]) for c in linked],
        **(layer_note_fields(layer.note, layer.discuss) if layer else {}),
    }


def layer_note_fields(note: str, discuss: bool) -> dict:
    """The annotator's note on the document in an export line: ``note`` and ``discuss`` when there is one."""
    out: dict = {}
    if note:
        out["note"] = note
    if discuss:
        out["discuss"] = True
    return out


def _shift_map(raw: str, norm: Normalisation):
    """Offsets into the raw text -> offsets into the normalised text (BOM and the CR of CRLF are removed)."""
    if not norm.bom and not norm.crlf:
        return None
    removed = removed_positions(raw, norm)
    return lambda off: off - bisect_left(removed, off)


def parse_record(obj: object, *, default_annotator: str | None = None, source: str | None = None) -> Record:
    """One parsed JSON line to a :class:`Record`, or a :class:`QawlError` naming the field that is wrong."""
    if not isinstance(obj, dict):
        raise QawlError(f"each line must be a JSON object, got {type(obj).__name__}")
    if obj.get("schema") not in (None, FORMAT) and str(obj.get("schema")).startswith("qawl-export/"):
        raise QawlError(f"written by a newer Qawl ({obj.get('schema')}); this version reads {FORMAT}",
                        field="schema")
    raw = obj.get("text")
    if not isinstance(raw, str):
        raise QawlError("is missing or not a string" if raw is None else
                        f"must be a string, got {type(raw).__name__}", field="text")
    if not raw.strip():
        raise QawlError("is empty", field="text")
    doc_id = obj.get("doc_id", obj.get("id"))
    if doc_id is not None and not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        raise QawlError(f"must be a string, got {doc_id!r}", field="doc_id")
    meta = obj.get("meta")
    if meta is None:
        meta = {}
    elif not isinstance(meta, dict):
        raise QawlError(f"must be an object, got {type(meta).__name__}", field="meta")
    direction = obj.get("direction")
    if direction is not None and direction not in ("rtl", "ltr"):
        raise QawlError(f"must be rtl or ltr, got {direction!r}", field="direction")
    unit = obj.get("offset_unit", OFFSET_UNIT)
    if unit != OFFSET_UNIT:
        raise QawlError(f"only code-point offsets are read by this format, got {unit!r}", field="offset_unit")
    doc = make_document(raw, id=str(doc_id) if doc_id is not None else None, meta=meta, direction=direction,
                        source=source)
    shift = _shift_map(raw, doc.normalisation)  # what normalising *this* text removed
    if obj.get("normalisation") and not doc.normalisation.changed:
        # An export of an already-normalised text keeps the record of what import did originally.
        doc = Document(doc.id, doc.text, doc.meta, doc.direction, doc.text_sha256,
                       Normalisation.from_dict(obj["normalisation"]), doc.source)
    claimed = obj.get("text_sha256")
    if claimed is not None and claimed != doc.text_sha256:
        raise QawlError("does not match the text: the text was changed after export", field="text_sha256")

    entities = _unique(obj.get("entities"), "entities", entity_from_dict, "speaker")
    claims = _unique(obj.get("claims"), "claims", claim_from_dict, "claim")

    layer = parse_layer(obj, doc, raw=raw, shift=shift, default_annotator=default_annotator)
    return Record(doc, layer, entities, claims=claims)


def parse_layer(obj: Mapping, doc: Document, *, raw: str | None = None, shift=None,
                default_annotator: str | None = None) -> Layer | None:
    """The annotator's layer a parsed line holds (``annotator``, ``status``, ``spans``, ``relations``) on ``doc``,
    or ``None`` when it holds none. ``raw``: the text as the line gave it, when normalising changed it (``shift``
    maps its offsets)."""
    raw = doc.text if raw is None else raw
    spans_in = obj.get("spans")
    rels_in = obj.get("relations")
    annotator = obj.get("annotator", default_annotator)
    if spans_in is None and rels_in is None and obj.get("annotator") is None:
        return None
    if annotator is None:
        if not spans_in and not rels_in:
            return None
        raise QawlError("the line has annotations but no annotator; add \"annotator\" or pass --annotator",
                        field="annotator")
    if not isinstance(annotator, str) or not annotator.strip():
        raise QawlError(f"must be a non-empty string, got {annotator!r}", field="annotator")
    status = obj.get("status") or (Status.IN_PROGRESS.value if spans_in else Status.TODO.value)
    if status not in STATUSES:
        raise QawlError(f"must be one of {', '.join(STATUSES)}, got {status!r}", field="status")
    spans = [_parse_span(s, i, raw, doc.text, shift) for i, s in enumerate(_as_list(spans_in, "spans"))]
    rels = []
    for i, r in enumerate(_as_list(rels_in, "relations")):
        if isinstance(r, dict) and "id" not in r:
            r = {**r, "id": f"R{i + 1}"}
        try:
            rels.append(relation_from_dict(r))
        except QawlError as exc:
            raise exc.located(field_prefix=f"relations[{i}]") from None
    note = obj.get("note")
    if note is not None and not isinstance(note, str):
        raise QawlError(f"a note must be text, got {note!r}", field="note")
    discuss = obj.get("discuss", False)
    if discuss is not True and discuss is not False:
        raise QawlError(f"must be true or false, got {discuss!r}", field="discuss")
    layer = Layer(doc.id, annotator.strip(), status, spans, rels, note or "", discuss)
    return layer


def _unique(items: object, name: str, parse, what: str) -> list:
    """The speakers or claims of a record (``name``: its key), each parsed, no id twice."""
    out, seen = [], set()
    for i, item in enumerate(_as_list(items, name)):
        try:
            value = parse(item)
        except QawlError as exc:
            raise exc.located(field_prefix=f"{name}[{i}]") from None
        if value.id in seen:
            raise QawlError(f"duplicate {what} id {value.id!r}", field=f"{name}[{i}].id")
        seen.add(value.id)
        out.append(value)
    return out


def _as_list(value: object, name: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise QawlError(f"must be a list, got {type(value).__name__}", field=name)
    return value


def _parse_span(s: object, i: int, raw: str, text: str, shift) -> Span:
    where = f"spans[{i}]"
    if not isinstance(s, dict):
        raise QawlError(f"must be an object, got {type(s).__name__}", field=where)
    for key in ("label", "start", "end"):
        if key not in s:
            raise QawlError("is missing", field=f"{where}.{key}")
    start, end = s["start"], s["end"]
    for key, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise QawlError(f"must be an integer, got {value!r}", field=f"{where}.{key}")
    if not 0 <= start < end:
        raise QawlError(f"the range {start}..{end} is empty or negative", field=f"{where}.end")
    if end > len(raw):
        raise QawlError(f"{end} is past the end of the text ({len(raw)} characters)", field=f"{where}.end")
    actual = raw[start:end]
    given = s.get("text", actual)
    if given != actual:
        raise QawlError(f"{given!r} does not match the document text at {start}..{end} ({actual!r})",
                        field=f"{where}.text")
    if shift:
        start, end = shift(start), shift(end)
    data = dict(s)
    data.setdefault("id", f"T{i + 1}")
    data.update(start=start, end=end, text=text[start:end])
    try:
        from .model import span_from_dict

        return span_from_dict(data)
    except QawlError as exc:
        raise exc.located(field_prefix=where) from None


def quote_rows(doc: Document, layer: Layer, entities: Mapping[str, Entity]) -> Iterable[dict]:
    """The ``quotes`` format: one flat row per QUOTE with its speaker, cue and date (first of each in text order;
    all of them in the ``speakers`` / ``cues`` / ``dates`` lists)."""
    for quote in layer.spans_by_label("QUOTE"):
        speakers = layer.linked(quote.id, "SAID_BY")
        cues = layer.linked(quote.id, "CUE")
        dates = layer.linked(quote.id, "DATED")

        def speaker_name(s: Span) -> str:
            ent = entities.get(s.entity or "")
            return ent.name if ent else s.text

        sp = speakers[0] if speakers else None
        cue = cues[0] if cues else None
        date = dates[0] if dates else None
        yield {
            "doc_id": doc.id, "annotator": layer.annotator, "status": layer.status,
            "quote_id": quote.id, "quote": quote.text, "start": quote.start, "end": quote.end,
            "type": quote.attrs.get("type"), "origin": quote.origin,
            "speaker": speaker_name(sp) if sp else None,
            "speaker_id": sp.entity if sp else None,
            "speaker_mention": sp.text if sp else None,
            "speaker_start": sp.start if sp else None, "speaker_end": sp.end if sp else None,
            "cue": cue.text if cue else None,
            "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
            "date": date.text if date else None, "date_value": date.attrs.get("value") if date else None,
            "date_start": date.start if date else None, "date_end": date.end if date else None,
            "speakers": [{"name": speaker_name(s), "id": s.entity, "mention": s.text, "start": s.start,
                          "end": s.end} for s in speakers],
            "cues": [{"text": c.text, "start": c.start, "end": c.end} for c in cues],
            "dates": [{"text": d.text, "value": d.attrs.get("value"), "start": d.start, "end": d.end}
                      for d in dates],
        }
