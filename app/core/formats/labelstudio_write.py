"""Label Studio JSON writing (reading is in :mod:`.labelstudio`).

Write (streaming, task by task): a JSON array with one task per document (``data``: ``text``, ``doc_id``,
``direction``, ``qawl_speakers`` — the speakers its SPEAKER spans name —, ``qawl_claims`` — the canonical claims
its CLAIM spans link to —; ``meta``: the document's metadata), one
annotation per layer that is someone's work (``qawl_annotator`` / ``qawl_status`` name it for a direct re-import;
``completed_by`` only for annotators the caller maps to a Label Studio member with ``annotator_map``, because Label
Studio refuses a whole import naming anyone else), the suggestion layer as ``predictions``, code-point offsets;
then ``label_config.xml`` declaring every label, relation type and attribute control of the schema (and any other
used), with the text laid out right-to-left for Arabic projects.
"""

from __future__ import annotations

from typing import Iterable
from xml.sax.saxutils import quoteattr

import orjson

from ..model import GOLD, Origin
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .labelstudio import (_PER_REGION, JSON_SUFFIX, QAWL_ANNOTATOR, QAWL_CLAIMS, QAWL_SPEAKERS, QAWL_STATUS,
                          UNLABELLED)
from .mapping import LabelMapping
from .out import (MemorySink, Sink, as_lines, by_document, claims, is_suggestions, schema_labels,
                  schema_relations, speakers)

_ORIGIN_OUT = {Origin.SUGGESTED.value: "prediction", Origin.SUGGESTED_EDITED.value: "prediction-changed"}


def stream(lines: Iterable[dict], sink: Sink, *, mapping: LabelMapping | None = None,
           schema: LabelSchema = DEFAULT_SCHEMA, name: str = "tasks.json", from_name: str = "label",
           to_name: str = "text", annotator_map: dict[str, str] | None = None, **_) -> None:
    """Export lines -> ``name`` (a JSON array of tasks, written task by task) and ``label_config.xml``."""
    mapping = mapping or LabelMapping()
    people = annotator_map or {}
    labels_used: list[str] = []
    relations_used: list[str] = []
    answers: dict[str, list] = {}  # control name -> [result type, values seen]
    directions: dict[str, int] = {}
    out_label: dict[str, str] = {}
    kinds: dict = {}  # (label, attribute) -> the control type, found once
    sink.write(name, b"[")
    for n, (first, layers) in enumerate(by_document(lines)):
        way = first.get("direction") or "ltr"
        directions[way] = directions.get(way, 0) + 1
        data = {"text": first["text"], "doc_id": first["doc_id"], "direction": first.get("direction") or "ltr"}
        ents = speakers(layers)
        if ents:
            data[QAWL_SPEAKERS] = ents
        linked = claims(layers)
        if linked:
            data[QAWL_CLAIMS] = linked
        # Label Studio's own exports always carry an integer task id (its converter needs one).
        task = {"id": n + 1, "data": data, "meta": first.get("meta") or {}, "annotations": [], "predictions": []}
        for line in layers:
            result = _result(line, mapping, schema, from_name, to_name, labels_used, relations_used, answers,
                             out_label, kinds)
            if is_suggestions(line):
                task["predictions"].append({"model_version": "qawl-suggestions", "result": result})
                continue
            who = line["annotator"]
            ann: dict = {"result": result, "was_cancelled": False, "ground_truth": who == GOLD,
                         QAWL_ANNOTATOR: who, QAWL_STATUS: line.get("status")}
            member = people.get(who)
            if member is not None:  # only a member the user named: Label Studio refuses the import otherwise
                ann["completed_by"] = int(member) if member.isdigit() else {"email": member}
            task["annotations"].append(ann)
        sink.write(name, (b",\n" if n else b"\n") + orjson.dumps(task))
    sink.write(name, b"\n]\n")
    sink.write("label_config.xml", label_config(
        schema_labels(schema, mapping, labels_used), schema_relations(schema, mapping, relations_used), from_name,
        to_name, answers, schema, direction=_layout(directions)).encode("utf-8"))


def _result(line: dict, mapping: LabelMapping, schema: LabelSchema, from_name: str, to_name: str,
            labels_used: list, relations_used: list, answers: dict, out_label: dict, kinds: dict) -> list:
    result = []
    suggestion = is_suggestions(line)
    for span in line.get("spans") or []:
        label = out_label.get(span["label"])
        if label is None:
            label = out_label[span["label"]] = mapping.label_out(span["label"])
            labels_used.append(label)
        value = {"start": span["start"], "end": span["end"], "text": span["text"], "labels": [label]}
        item = {"id": span["id"], "from_name": from_name, "to_name": to_name, "type": "labels", "value": value}
        if not suggestion:
            item["origin"] = _ORIGIN_OUT.get(span.get("origin"), "manual")
        result.append(item)
        for attr, val in (span.get("attrs") or {}).items():
            if attr == "score" and suggestion:
                continue
            kind, control, answer = _attr_out(schema, span["label"], attr, val, kinds)
            if kind is None:
                continue
            answers.setdefault(control, [kind, set()])[1].add(answer)
            result.append({"id": span["id"], "from_name": control, "to_name": to_name, "type": kind,
                           "value": {"start": span["start"], "end": span["end"], _PER_REGION[kind]: [answer]}})
    for rel in sorted(line.get("relations") or [], key=lambda r: (r["head"], r["tail"], r["type"])):
        rtype = mapping.relation_out(rel["type"])
        if rtype not in relations_used:
            relations_used.append(rtype)
        prov = rel.get("provenance") or {}
        result.append({"from_id": rel["head"], "to_id": rel["tail"], "type": "relation",
                       "direction": "bi" if prov.get("direction") == "bi" else "right",
                       "labels": [] if rtype == UNLABELLED else [rtype]})
    return result


def _attr_out(schema: LabelSchema, label: str, attr: str, value: object,
              kinds: dict | None = None) -> tuple[str | None, str, str]:
    """How a span attribute goes to Label Studio: a per-region choice (declared choices), a per-region text area
    (any other string), or a text area named ``<attr>__json`` holding the JSON of any other value (``false``, a
    number, a list), so that every attribute comes back as it was."""
    if isinstance(value, str):
        if not value:
            return None, attr, ""
        kind = kinds.get((label, attr)) if kinds is not None else None
        if kind is None:
            spec = schema.label(label).attr(attr) if schema.label(label) else None
            kind = "choices" if spec is not None and spec.kind == "choice" else "textarea"
            if kinds is not None:
                kinds[(label, attr)] = kind
        return kind, attr, value
    if value is None:
        return None, attr, ""
    return "textarea", attr + JSON_SUFFIX, orjson.dumps(value).decode()


def _layout(directions: dict[str, int]) -> str:
    """How the config lays the text out: ``rtl`` when every document is right-to-left, ``ltr`` when none is, and
    ``mixed-rtl`` / ``mixed-ltr`` (the majority's alignment, each paragraph's own direction) when they are mixed."""
    rtl, ltr = directions.get("rtl", 0), sum(n for d, n in directions.items() if d != "rtl")
    if rtl and not ltr:
        return "rtl"
    if not rtl:
        return "ltr"
    return "mixed-rtl" if rtl >= ltr else "mixed-ltr"


# Label Studio does not put task data into a View's style, and one config serves every task: for a mixed project
# the text takes the majority's alignment and every paragraph its own direction (unicode-bidi: plaintext on the
# elements inside the Text, so a full stop ends each sentence on its own side). Checked in headless Chromium.
_VIEW = {"rtl": "direction: rtl; text-align: right", "mixed-rtl": "direction: rtl; text-align: right",
         "mixed-ltr": "direction: ltr; text-align: left"}
_PER_PARAGRAPH = "  <Style>.qawl-text * { unicode-bidi: plaintext; }</Style>"


def _hint(schema: LabelSchema, label: str) -> str:
    """The label's guideline in short (its English meaning) as the hint Label Studio shows on hover."""
    found = schema.guidelines.best(label, "en")
    return f" hint={quoteattr(found[0].meaning)}" if found and found[0].meaning else ""


def label_config(labels: list[str], relations: list[str], from_name: str = "label", to_name: str = "text",
                 answers: dict | None = None, schema: LabelSchema = DEFAULT_SCHEMA, direction: str = "ltr") -> str:
    """A Label Studio labeling config: every label and relation type of the schema (and any other used), per-region
    controls for every span attribute the schema declares (and any other exported), the text laid out in its
    direction (see :func:`_layout`)."""
    lines = ["<View>", f"  <Labels name={quoteattr(from_name)} toName={quoteattr(to_name)}>"]
    lines += [f"    <Label value={quoteattr(n)}{_hint(schema, n)}/>" for n in labels]
    lines += ["  </Labels>"]
    text = f"<Text name={quoteattr(to_name)} value=\"$text\"/>"
    if direction.startswith("mixed"):
        lines += [_PER_PARAGRAPH, f"  <View className=\"qawl-text\" style={quoteattr(_VIEW[direction])}>",
                  f"    {text}", "  </View>"]
    elif direction in _VIEW:
        lines += [f"  <View style={quoteattr(_VIEW[direction])}>", f"    {text}", "  </View>"]
    else:
        lines.append(f"  {text}")
    rels = [r for r in relations if r != UNLABELLED]
    if rels:
        lines += ["  <Relations>"] + [f"    <Relation value={quoteattr(r)}/>" for r in rels] + ["  </Relations>"]
    controls: dict[str, list] = {}
    for span_label in schema.span_labels:
        for a in span_label.attrs:
            kind = "choices" if a.kind == "choice" else "textarea"
            controls.setdefault(a.name, [kind, set()])
    for control, (kind, seen) in (answers or {}).items():
        controls.setdefault(control, [kind, set()])[1].update(seen)
    for control, (kind, seen) in controls.items():
        if kind == "choices":
            declared = [c for s in schema.span_labels for a in s.attrs if a.name == control for c in a.choices]
            values = list(dict.fromkeys(declared + sorted(seen)))
            lines.append(f"  <Choices name={quoteattr(control)} toName={quoteattr(to_name)} perRegion=\"true\">")
            lines += [f"    <Choice value={quoteattr(v)}/>" for v in values] + ["  </Choices>"]
        else:
            lines.append(f"  <TextArea name={quoteattr(control)} toName={quoteattr(to_name)} perRegion=\"true\"/>")
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def write(records, **options) -> dict[str, bytes]:
    """Records (or export lines) -> ``{name: tasks JSON, "label_config.xml": config}`` (in memory)."""
    sink = MemorySink()
    stream(as_lines(records), sink, **options)
    return sink.files
