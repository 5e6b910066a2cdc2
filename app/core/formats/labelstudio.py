"""Label Studio JSON export: tasks with ``annotations[].result[]`` and ``predictions[].result[]``.

Read: ``labels`` results (``value.start/end/text/labels``; one span per label when a region has several) and
``relation`` results (``from_id``, ``to_id``, ``direction`` right / left / bi, ``labels``; a relation without a label
is of type ``relation``, map it with ``rel:relation=...``). ``direction: left`` means the arrow goes from ``to_id``
to ``from_id``; ``bi`` is read as from -> to and remembered in the relation's provenance. Other result types
(``choices``, ``rectanglelabels``, ...) are skipped with a note. Cancelled annotations (``was_cancelled``) are
skipped with a note.

Annotators: each annotation's author becomes a layer: ``completed_by`` as an object (its ``email``) or an int
(``user-<id>``); if absent, ``default_annotator`` or ``label-studio``. ``predictions`` become the suggestion layer
(``suggestions``, origin ``suggested``). A result's ``origin`` ``prediction`` / ``prediction-changed`` (a suggestion
the annotator accepted / edited) is kept as origin ``suggested`` / ``suggested-edited``.

Offsets: Label Studio's front end stores code points since its 2021 fix (label-studio-frontend PR 308, "store code
points instead of js length"); earlier versions stored UTF-16 units (label-studio issue 1347). Every ``labels`` result
carries its text, so ``offset_unit="auto"`` proves the unit per file from the texts.

Span attributes (QUOTE ``type``, DATE ``value``, SPEAKER ``entity``) go both ways as per-region results on the
span's region: ``choices`` for attributes the schema declares as choices, ``textarea`` for other strings (Label
Studio's ``perRegion="true"`` controls, declared in the written config). Choices / text areas that are not tied to a
region (whole-task classification) are skipped with a note.

Write: a JSON array with one task per document (``data.text``, ``data.doc_id``, ``meta``), one annotation per
annotator layer (``completed_by: {"email": ...}`` when the annotator's name is an e-mail address, which Label Studio
resolves to a member on import; otherwise the name is kept in ``qawl_annotator``, which Label Studio ignores, and
Label Studio assigns the annotation to the importing user), the suggestion layer as ``predictions``, code-point
offsets, and ``label_config.xml``, a labeling config that declares every label and relation type used.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from typing import Iterable
from xml.sax.saxutils import quoteattr

from ..jsonl import Record
from ..jsontext import loads as exact_loads
from ..model import SUGGESTIONS, Origin, Status
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .build import per_file_reader
from .peer import (PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, decode_text,
                   is_int, lone_surrogate, offset_pair)
from .mapping import LabelMapping

NAME = "labelstudio"
UNITS = ("codepoint", "utf16")
UNLABELLED = "relation"  # the type of a relation drawn without a label
_PER_REGION = {"choices": "choices", "textarea": "text"}  # result type -> the value key holding the answer
_ORIGIN_IN = {"prediction": Origin.SUGGESTED.value, "prediction-changed": Origin.SUGGESTED_EDITED.value}
_ORIGIN_OUT = {Origin.SUGGESTED.value: "prediction", Origin.SUGGESTED_EDITED.value: "prediction-changed"}


def parse_file(name: str, data: bytes, default_annotator: str | None = None) -> PeerFile:
    pf = PeerFile(name)
    if name.lower().endswith(".xml"):
        pf.notes.append(f"{name}: a labeling config, not tasks; not read")
        return pf
    try:
        text = decode_text(name, data)
    except Exception as exc:  # QawlError
        pf.problems.append(exc)
        return pf
    try:
        tasks = exact_loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) - 1
        pf.problems.append(_err(f"not valid JSON: {'the file ends too early (truncated?)' if cut else exc.msg} "
                                f"(column {exc.colno})", name, exc.lineno))
        return pf
    except ValueError as exc:  # NaN, an enormous number, nesting too deep
        pf.problems.append(_err(f"not valid JSON: {exc}", name, None))
        return pf
    if lone_surrogate(text, tasks):
        pf.problems.append(_err("contains an unpaired surrogate escape (\\ud800-\\udfff), which is not text",
                                name, None))
        return pf
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not tasks:
        pf.problems.append(_err("a Label Studio export is a JSON list of tasks", name, 1))
        return pf
    body = text.lstrip("\ufeff \t\r\n")
    lead = text[:len(text) - len(body)].count("\n")  # lines before the opening bracket
    lines = _task_lines(body, len(tasks)) if body.startswith("[") else [1] * len(tasks)
    lines = [n + lead for n in lines] if lines else None
    skipped: dict[str, int] = {}
    for i, task in enumerate(tasks):
        doc = PeerDoc(name, lines[i] if lines else None, None)
        pf.docs.append(doc)
        _parse_task(task, i, doc, default_annotator, skipped, pf)
    for rtype, count in sorted(skipped.items()):
        pf.notes.append(f"{name}: skipped {count} result(s) of type {rtype!r} (not text spans)")
    return pf


def _err(message: str, name: str, line: int | None):
    from ..errors import QawlError

    return QawlError(message, file=name, line=line)


def _task_lines(text: str, count: int) -> list[int] | None:
    """The line each top-level task starts on (for messages): the JSON decoder steps from task to task."""
    if "\n" not in text.strip():
        return [1] * count
    decoder = json.JSONDecoder()
    gap = re.compile(r"[\s,]*")
    starts: list[int] = []
    try:
        i = text.index("[") + 1
        while True:
            i = gap.match(text, i).end()
            if i >= len(text) or text[i] == "]":
                break
            starts.append(i)
            i = decoder.raw_decode(text, i)[1]
    except (ValueError, RecursionError):
        return None
    newlines = [m.start() for m in re.finditer("\n", text)]
    return [bisect_right(newlines, pos) + 1 for pos in starts] if len(starts) == count else None


def _parse_task(task: object, index: int, doc: PeerDoc, default_annotator: str | None,
                skipped: dict[str, int], pf: PeerFile) -> None:
    where = f"[{index}]"
    if not isinstance(task, dict):
        doc.problem(f"each task must be a JSON object, got {type(task).__name__}", field=where)
        return
    data = task.get("data", task)
    if not isinstance(data, dict):
        doc.problem(f"must be an object, got {type(data).__name__}", field=f"{where}.data")
        return
    text_key = "text"
    if "text" not in data:
        strings = [k for k, v in data.items() if isinstance(v, str) and k != "doc_id"]
        text_key = strings[0] if len(strings) == 1 else "text"
    text = data.get(text_key)
    if not isinstance(text, str) or not text.strip():
        doc.problem("the task has no text (data.text)", field=f"{where}.data.text")
        return
    doc.raw = text
    doc_id = data.get("doc_id", task.get("id"))
    if doc_id is not None:
        if not (is_int(doc_id) or isinstance(doc_id, str)) or not str(doc_id).strip():
            doc.problem(f"must be a string or an integer, got {doc_id!r}", field=f"{where}.id")
            return
        doc.doc_id = str(doc_id)
    meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
    doc.meta = {**{k: v for k, v in data.items() if k not in (text_key, "doc_id")}, **meta}

    annotations = task.get("annotations", task.get("completions", []))
    if not isinstance(annotations, list):
        doc.problem(f"must be a list, got {type(annotations).__name__}", field=f"{where}.annotations")
        return
    cancelled = 0
    for a, ann in enumerate(annotations):
        aw = f"{where}.annotations[{a}]"
        if not isinstance(ann, dict):
            doc.problem(f"must be an object, got {type(ann).__name__}", field=aw)
            continue
        if ann.get("was_cancelled"):
            cancelled += 1
            continue
        annotator = _author(ann, default_annotator, aw, doc)
        if annotator is None:
            continue
        layer = PeerLayer(annotator, Status.DONE.value)
        _parse_result(ann.get("result"), f"{aw}.result", doc, layer, skipped, None)
        doc.layers.append(layer)
    if cancelled:
        pf.notes.append(f"{doc.file}:{doc.line or ''} task {doc.doc_id}: {cancelled} cancelled annotation(s) skipped")
    predictions = task.get("predictions", [])
    if not isinstance(predictions, list):
        doc.problem(f"must be a list, got {type(predictions).__name__}", field=f"{where}.predictions")
        return
    for p, pred in enumerate(predictions):
        pw = f"{where}.predictions[{p}]"
        if not isinstance(pred, dict):
            doc.problem(f"must be an object, got {type(pred).__name__}", field=pw)
            continue
        layer = PeerLayer(SUGGESTIONS, Status.IN_PROGRESS.value)
        version = pred.get("model_version")
        _parse_result(pred.get("result"), f"{pw}.result", doc, layer, skipped,
                      {"model_version": version} if isinstance(version, (str, int)) else {})
        if layer.spans or layer.relations:
            doc.layers.append(layer)


def _author(ann: dict, default: str | None, where: str, doc: PeerDoc) -> str | None:
    own = ann.get("qawl_annotator")
    if isinstance(own, str) and own.strip():
        return own.strip()
    by = ann.get("completed_by")
    if isinstance(by, dict):
        email = by.get("email")
        if isinstance(email, str) and email.strip():
            return email.strip()
        if is_int(by.get("id")):
            return f"user-{by['id']}"
        doc.problem("has neither an email nor an id", field=f"{where}.completed_by")
        return None
    if is_int(by):
        return f"user-{by}"
    if by is not None:
        doc.problem(f"must be a user object or id, got {by!r}", field=f"{where}.completed_by")
        return None
    return default or "label-studio"


def _parse_result(result: object, where: str, doc: PeerDoc, layer: PeerLayer, skipped: dict[str, int],
                  suggestion: dict | None) -> None:
    if result is None:
        return
    if not isinstance(result, list):
        doc.problem(f"must be a list, got {type(result).__name__}", field=where)
        return
    per_region: list[tuple[str, dict]] = []
    for r, item in enumerate(result):
        rw = f"{where}[{r}]"
        if not isinstance(item, dict):
            doc.problem(f"must be an object, got {type(item).__name__}", field=rw)
            continue
        rtype = item.get("type")
        if rtype == "labels":
            _labels(item, rw, doc, layer, suggestion)
        elif rtype == "relation":
            _relation(item, rw, doc, layer, suggestion)
        elif isinstance(rtype, str) and rtype in _PER_REGION:
            per_region.append((rw, item))
        elif isinstance(rtype, str):
            skipped[rtype] = skipped.get(rtype, 0) + 1
        else:
            doc.problem(f"must be a result type such as labels or relation, got {rtype!r}", field=f"{rw}.type")
    # Per-region choices / text areas (perRegion="true") carry the region's id: they become span attributes.
    for rw, item in per_region:
        spans = [s for s in layer.spans if s.key == ("r", item.get("id"))] if _hashable(item.get("id")) else []
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        name, answer = item.get("from_name"), value.get(_PER_REGION[item["type"]])
        if not spans:
            skipped[item["type"]] = skipped.get(item["type"], 0) + 1  # about the whole task, not a span
            continue
        if not (isinstance(name, str) and name.strip() and isinstance(answer, list) and answer
                and all(isinstance(a, str) for a in answer)):
            doc.problem("a per-region answer needs from_name and a non-empty list of strings", field=rw)
            continue
        for span in spans:
            span.attrs[name] = answer[0] if len(answer) == 1 else list(answer)


def _hashable(value: object) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def _labels(item: dict, where: str, doc: PeerDoc, layer: PeerLayer, suggestion: dict | None) -> None:
    rid = item.get("id")
    if not isinstance(rid, (str, int)) or isinstance(rid, bool):
        doc.problem(f"must be a region id, got {rid!r}", field=f"{where}.id")
        return
    value = item.get("value")
    if not isinstance(value, dict):
        doc.problem(f"must be an object, got {type(value).__name__}", field=f"{where}.value")
        return
    pair = offset_pair(value, "start", "end", f"{where}.value", doc)
    names = value.get("labels")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        doc.problem(f"must be a non-empty list of label names, got {names!r}"[:200], field=f"{where}.value.labels")
        return
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        doc.problem(f"must be a string, got {type(text).__name__}", field=f"{where}.value.text")
        return
    if pair is None:
        return
    if any(s.key == ("r", rid) for s in layer.spans):
        doc.problem(f"duplicate region id {rid!r}", field=f"{where}.id")
        return
    origin = item.get("origin")
    origin = _ORIGIN_IN.get(origin, Origin.MANUAL.value) if isinstance(origin, str) else Origin.MANUAL.value
    provenance = {"source": NAME, "id": rid}
    if suggestion is not None:
        origin = Origin.SUGGESTED.value
        provenance.update(suggestion)
    attrs = {"score": item["score"]} if isinstance(item.get("score"), (int, float)) and \
        not isinstance(item.get("score"), bool) else {}
    for name in names:
        layer.spans.append(PeerSpan(("r", rid), name, *pair, f"{where}.value", text=text, attrs=dict(attrs),
                                    provenance=dict(provenance), origin=origin))


def _relation(item: dict, where: str, doc: PeerDoc, layer: PeerLayer, suggestion: dict | None) -> None:
    ends = []
    for key in ("from_id", "to_id"):
        value = item.get(key)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            doc.problem(f"must be a region id, got {value!r}", field=f"{where}.{key}")
            return
        ends.append(("r", value))
    direction = item.get("direction", "right")
    if direction not in ("right", "left", "bi"):
        doc.problem(f"must be right, left or bi, got {direction!r}", field=f"{where}.direction")
        return
    names = item.get("labels") or [UNLABELLED]
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        doc.problem(f"must be a list of relation labels, got {names!r}"[:200], field=f"{where}.labels")
        return
    head, tail = (ends[1], ends[0]) if direction == "left" else (ends[0], ends[1])
    provenance = {"source": NAME} if direction != "bi" else {"source": NAME, "direction": "bi"}
    origin = Origin.SUGGESTED.value if suggestion is not None else Origin.MANUAL.value
    for name in names:
        layer.relations.append(PeerRelation(name, head, tail, where, dict(provenance), origin))


# --- writing ---------------------------------------------------------------------------------------------------

def write(records: Iterable[Record], *, mapping: LabelMapping | None = None, schema: LabelSchema = DEFAULT_SCHEMA,
          name: str = "tasks.json", from_name: str = "label", to_name: str = "text") -> dict[str, bytes]:
    """Records -> ``{name: tasks JSON, "label_config.xml": config}`` (see the module docstring)."""
    mapping = mapping or LabelMapping()
    tasks: dict[str, dict] = {}
    labels_used: list[str] = []
    relations_used: list[str] = []
    answers: dict[str, list] = {}  # span attribute -> [result type, values seen]
    for rec in records:
        doc = rec.document
        task = tasks.get(doc.id)
        if task is None:
            # Label Studio's own exports always carry an integer task id (its converter needs one).
            task = tasks[doc.id] = {"id": len(tasks) + 1, "data": {"text": doc.text, "doc_id": doc.id},
                                    "meta": doc.meta, "annotations": [], "predictions": []}
        layer = rec.layer
        if layer is None:
            continue
        result = []
        rid = {s.id: s.id for s in layer.sorted_spans()}
        for span in layer.sorted_spans():
            label = mapping.label_out(span.label)
            if label not in labels_used:
                labels_used.append(label)
            item = {"id": rid[span.id], "from_name": from_name, "to_name": to_name, "type": "labels",
                    "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [label]}}
            if layer.annotator != SUGGESTIONS:
                item["origin"] = _ORIGIN_OUT.get(span.origin, "manual")
            result.append(item)
            for attr, value in span.attrs.items():
                kind = _attr_kind(schema, span.label, attr, value)
                if kind is None:
                    continue
                answers.setdefault(attr, [kind, set()])[1].add(value)
                result.append({"id": rid[span.id], "from_name": attr, "to_name": to_name, "type": kind,
                               "value": {"start": span.start, "end": span.end,
                                         _PER_REGION[kind]: [value]}})
        for rel in sorted(layer.relations.values(), key=lambda r: (r.head, r.tail, r.type)):
            rtype = mapping.relation_out(rel.type)
            if rtype not in relations_used:
                relations_used.append(rtype)
            result.append({"from_id": rid[rel.head], "to_id": rid[rel.tail], "type": "relation",
                           "direction": "bi" if rel.provenance.get("direction") == "bi" else "right",
                           "labels": [] if rtype == UNLABELLED else [rtype]})
        if layer.annotator == SUGGESTIONS:
            task["predictions"].append({"model_version": "qawl-suggestions", "result": result})
            continue
        ann: dict = {"result": result, "was_cancelled": False, "ground_truth": layer.annotator == "gold"}
        if "@" in layer.annotator:
            ann["completed_by"] = {"email": layer.annotator}
        else:
            ann["qawl_annotator"] = layer.annotator
        task["annotations"].append(ann)
    body = json.dumps(list(tasks.values()), ensure_ascii=False, indent=1)
    return {name: (body + "\n").encode("utf-8"),
            "label_config.xml": label_config(labels_used, relations_used, from_name, to_name, answers,
                                             schema).encode("utf-8")}


def _attr_kind(schema: LabelSchema, label: str, attr: str, value: object) -> str | None:
    """How a span attribute goes to Label Studio: a per-region choice (declared choices), a per-region text area
    (any other string), or not at all (lists, numbers, objects have no per-region control)."""
    if not isinstance(value, str) or not value:
        return None
    spec = schema.label(label).attr(attr) if schema.label(label) else None
    return "choices" if spec is not None and spec.kind == "choice" else "textarea"


def label_config(labels: list[str], relations: list[str], from_name: str = "label", to_name: str = "text",
                 answers: dict | None = None, schema: LabelSchema = DEFAULT_SCHEMA) -> str:
    """A Label Studio labeling config declaring ``labels``, ``relations`` and per-region controls for span
    attributes over one Text field."""
    lines = ["<View>", f"  <Labels name={quoteattr(from_name)} toName={quoteattr(to_name)}>"]
    lines += [f"    <Label value={quoteattr(n)}/>" for n in labels]
    lines += ["  </Labels>", f"  <Text name={quoteattr(to_name)} value=\"$text\"/>"]
    rels = [r for r in relations if r != UNLABELLED]
    if relations:
        lines += ["  <Relations>"] + [f"    <Relation value={quoteattr(r)}/>" for r in rels] + ["  </Relations>"]
    for attr, (kind, seen) in (answers or {}).items():
        if kind == "choices":
            declared = [c for s in schema.span_labels for a in s.attrs if a.name == attr for c in a.choices]
            values = list(dict.fromkeys(declared + sorted(seen)))
            lines.append(f"  <Choices name={quoteattr(attr)} toName={quoteattr(to_name)} perRegion=\"true\">")
            lines += [f"    <Choice value={quoteattr(v)}/>" for v in values] + ["  </Choices>"]
        else:
            lines.append(f"  <TextArea name={quoteattr(attr)} toName={quoteattr(to_name)} perRegion=\"true\"/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


read = per_file_reader(NAME, UNITS, parse_file)
