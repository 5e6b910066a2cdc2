"""Prodigy JSONL (``prodigy db-out``): ``text``, ``spans`` (with or without ``tokens``), ``relations``, ``answer``.

Read:

* ``spans``: ``start`` / ``end`` (code points: Prodigy is Python), ``label``, optional ``text`` (checked) and
  ``token_start`` / ``token_end`` (checked against ``tokens``: a span must begin and end where its tokens do);
* ``relations``: ``head_span`` / ``child_span`` (matched to ``spans`` by start, end and label; a relation to a span
  that is not in ``spans`` is a problem) and ``label``;
* ``answer``: ``accept`` (or no answer, as in plain input files) imports the spans and relations as a finished layer;
  ``reject`` means the annotator said the shown annotations are wrong, ``ignore`` that they skipped the example: in
  both cases the document is imported without that task's annotations and a note counts them. Tasks of one text
  (binary ``ner.teach`` streams give one per span) are merged into one layer per annotator.
* annotator: ``_annotator_id`` (Prodigy's named multi-user sessions), else ``default_annotator``, else ``prodigy``.

Write: one line per document per annotator: ``text``, ``meta`` (with ``doc_id``), ``tokens`` (a simple tokenisation
split at every span edge, with ``ws``), ``spans`` (with ``text``, ``token_start``, ``token_end``), ``relations``
(``head`` / ``child`` = the last token of each span, as Prodigy's relations UI writes), ``answer: "accept"``,
``_annotator_id``, ``_view_id``; span attributes (quote type, date value, speaker) ride along in each span's
``attrs`` key, which Prodigy keeps and ignores. ``_input_hash`` / ``_task_hash`` are left out: ``prodigy db-in`` sets them.
"""

from __future__ import annotations

import json
from typing import Iterable

import regex

from ..jsonl import Record
from ..model import Status
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .build import per_file_reader
from .peer import (PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, is_int,
                   json_records, label_name, offset_pair)
from .mapping import LabelMapping

NAME = "prodigy"
UNITS = ("codepoint", "utf16")
# Words keep their combining marks (harakat); other characters are tokens of their own.
_TOKEN = regex.compile(r"[\w\p{M}]+|[^\w\s\p{M}]\p{M}*")


def parse_file(name: str, data: bytes, default_annotator: str | None = None) -> PeerFile:
    pf = PeerFile(name)
    answers = {"reject": 0, "ignore": 0}
    for line, obj in json_records(name, data, pf):
        doc = PeerDoc(name, line, None)
        pf.docs.append(doc)
        if isinstance(obj, Exception):
            doc.problems.append(obj)
            continue
        answer = _parse_task(obj, doc, default_annotator or "prodigy")
        if isinstance(answer, str) and answer in answers:
            answers[answer] += 1
    for answer, count in answers.items():
        if count:
            what = "said to be wrong" if answer == "reject" else "skipped by the annotator"
            pf.notes.append(f"{name}: {count} task(s) answered {answer!r} ({what}): documents imported without "
                            f"their annotations")
    return pf


def _parse_task(obj: object, doc: PeerDoc, annotator: str) -> str | None:
    if not isinstance(obj, dict):
        doc.problem(f"each task must be a JSON object, got {type(obj).__name__}")
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        doc.problem("the task has no text" if text is None else "must be a non-empty string", field="text")
        return None
    doc.raw = text
    meta = obj.get("meta", {})
    if not isinstance(meta, dict):
        doc.problem(f"must be an object, got {type(meta).__name__}", field="meta")
        return None
    doc.meta = {k: v for k, v in meta.items() if k != "doc_id"}
    if isinstance(meta.get("doc_id"), str) and meta["doc_id"].strip():
        doc.doc_id = meta["doc_id"]
    answer = obj.get("answer", "accept")
    if answer not in ("accept", "reject", "ignore"):
        doc.problem(f"must be accept, reject or ignore, got {answer!r}", field="answer")
        return None
    who = obj.get("_annotator_id")
    if who is not None and not (isinstance(who, str) and who.strip()):
        doc.problem(f"must be a name, got {who!r}", field="_annotator_id")
        return None
    tokens = _tokens(obj.get("tokens"), doc)
    if tokens is False:
        return None
    layer = PeerLayer(who or annotator, Status.DONE.value)
    spans = obj.get("spans", [])
    if not isinstance(spans, list):
        doc.problem(f"must be a list, got {type(spans).__name__}", field="spans")
        return None
    keys: dict[tuple, object] = {}
    for i, item in enumerate(spans):
        where = f"spans[{i}]"
        span = _span(item, where, doc, tokens)
        if span is None:
            continue
        key = (span.start, span.end, span.label)
        if key in keys:
            continue  # Prodigy may list the same span twice (e.g. pattern and manual match)
        keys[key] = span.key = ("s", i)
        layer.spans.append(span)
    relations = obj.get("relations", [])
    if not isinstance(relations, list):
        doc.problem(f"must be a list, got {type(relations).__name__}", field="relations")
        return None
    for i, item in enumerate(relations):
        where = f"relations[{i}]"
        if not isinstance(item, dict):
            doc.problem(f"must be an object, got {type(item).__name__}", field=where)
            continue
        ends = []
        for end in ("head_span", "child_span"):
            ref = item.get(end)
            if not isinstance(ref, dict):
                doc.problem(f"must be a span object, got {ref!r}"[:200], field=f"{where}.{end}")
                break
            pair = offset_pair(ref, "start", "end", f"{where}.{end}", doc)
            if pair is None:
                break
            label = ref.get("label")
            if label is not None and not isinstance(label, str):
                doc.problem(f"must be a label name, got {label!r}"[:200], field=f"{where}.{end}.label")
                break
            match = keys.get((*pair, label)) if label is not None else \
                next((k for (s, e, _), k in keys.items() if (s, e) == pair), None)
            if match is None:
                doc.problem(f"refers to a span {pair[0]}..{pair[1]} {label!r} that is not in spans",
                            field=f"{where}.{end}")
                break
            ends.append(match)
        if len(ends) != 2:
            continue
        rtype = label_name(item.get("label"), f"{where}.label", doc)
        if rtype:
            layer.relations.append(PeerRelation(rtype, ends[0], ends[1], where, {"source": NAME}))
    # An explicit accept with no spans is a finished layer ("nothing here"); a plain input line is not a layer.
    if answer == "accept" and ("answer" in obj or layer.spans or layer.relations):
        doc.layers.append(layer)
    return answer


def _tokens(tokens: object, doc: PeerDoc) -> list[tuple[int, int]] | None | bool:
    if tokens is None:
        return None
    if not isinstance(tokens, list):
        doc.problem(f"must be a list, got {type(tokens).__name__}", field="tokens")
        return False
    out = []
    for i, tok in enumerate(tokens):
        if not isinstance(tok, dict):
            doc.problem(f"must be an object, got {type(tok).__name__}", field=f"tokens[{i}]")
            return False
        pair = (tok.get("start"), tok.get("end"))
        if not all(is_int(v) for v in pair):
            doc.problem(f"start and end must be integers, got {pair!r}", field=f"tokens[{i}]")
            return False
        out.append(pair)
    return out


def _span(item: object, where: str, doc: PeerDoc, tokens) -> PeerSpan | None:
    if not isinstance(item, dict):
        doc.problem(f"must be an object, got {type(item).__name__}", field=where)
        return None
    pair = offset_pair(item, "start", "end", where, doc)
    label = label_name(item.get("label"), f"{where}.label", doc)
    text = item.get("text")
    if text is not None and not isinstance(text, str):
        doc.problem(f"must be a string, got {type(text).__name__}", field=f"{where}.text")
        return None
    if pair is None or label is None:
        return None
    ts, te = item.get("token_start"), item.get("token_end")
    if tokens is not None and (ts is not None or te is not None):
        if not (is_int(ts) and is_int(te) and 0 <= ts <= te < len(tokens)):
            doc.problem(f"token_start..token_end {ts!r}..{te!r} is not a token range (0..{len(tokens) - 1})",
                        field=where)
            return None
        if tokens[ts][0] != pair[0] or tokens[te][1] != pair[1]:
            doc.problem(f"{pair[0]}..{pair[1]} does not begin and end with tokens {ts}..{te} "
                        f"({tokens[ts][0]}..{tokens[te][1]})", field=where)
            return None
    attrs = item.get("attrs") or {}
    if not isinstance(attrs, dict):
        doc.problem(f"must be an object, got {type(attrs).__name__}", field=f"{where}.attrs")
        return None
    return PeerSpan(None, label, *pair, where, text=text, attrs=attrs, provenance={"source": NAME})


# --- writing ---------------------------------------------------------------------------------------------------

def write(records: Iterable[Record], *, mapping: LabelMapping | None = None, schema: LabelSchema = DEFAULT_SCHEMA,
          name: str = "prodigy.jsonl") -> dict[str, bytes]:
    """Records -> ``{name: JSONL}`` (see the module docstring)."""
    mapping = mapping or LabelMapping()
    lines = []
    for rec in records:
        doc, layer = rec.document, rec.layer
        spans = layer.sorted_spans() if layer else []
        tokens = tokenise(doc.text, {p for s in spans for p in (s.start, s.end)})
        starts = {t["start"]: t["id"] for t in tokens}
        ends = {t["end"]: t["id"] for t in tokens}
        out_spans, by_id = [], {}
        for span in spans:
            item = {"start": span.start, "end": span.end, "text": span.text, "label": mapping.label_out(span.label)}
            if span.attrs:
                item["attrs"] = span.attrs  # Prodigy keeps keys it does not know; Qawl reads them back
            if span.start in starts and span.end in ends:
                item.update(token_start=starts[span.start], token_end=ends[span.end])
            out_spans.append(item)
            by_id[span.id] = item
        relations = []
        for rel in sorted(layer.relations.values(), key=lambda r: (r.head, r.tail, r.type)) if layer else []:
            head, child = by_id[rel.head], by_id[rel.tail]
            entry = {"head": head.get("token_end"), "child": child.get("token_end"), "head_span": head,
                     "child_span": child, "label": mapping.relation_out(rel.type)}
            relations.append({k: v for k, v in entry.items() if v is not None})
        task = {"text": doc.text, "meta": {**doc.meta, "doc_id": doc.id}, "tokens": tokens, "spans": out_spans}
        if relations:
            task["relations"] = relations
        task["answer"] = "accept"
        if layer is not None:
            task["_annotator_id"] = layer.annotator
        task["_view_id"] = "relations" if relations else "ner_manual"
        lines.append(json.dumps(task, ensure_ascii=False))
    return {name: ("\n".join(lines) + "\n").encode("utf-8")}


def tokenise(text: str, cuts: set[int]) -> list[dict]:
    """Words and punctuation of ``text``, also split at every offset in ``cuts`` (span edges), with ``ws``."""
    tokens = []
    for m in _TOKEN.finditer(text):
        points = [m.start()] + sorted(c for c in cuts if m.start() < c < m.end()) + [m.end()]
        for start, end in zip(points, points[1:]):
            tokens.append({"text": text[start:end], "start": start, "end": end, "id": len(tokens),
                           "ws": end < len(text) and text[end].isspace()})
    return tokens


read = per_file_reader(NAME, UNITS, parse_file)
