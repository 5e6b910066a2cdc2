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

from operator import itemgetter
from typing import Iterable
from xml.sax.saxutils import quoteattr

import orjson

from ..model import GOLD, Origin
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .labelstudio import (_PER_REGION, DISCUSS_CHOICE, DOC_DISCUSS, DOC_NOTE, JSON_SUFFIX, QAWL_ANNOTATOR,
                          QAWL_CLAIMS, QAWL_SPEAKERS, QAWL_STATUS, UNLABELLED)
from .mapping import LabelMapping
from .out import (Doc, MemorySink, Sink, Work, as_lines, claims, documents, is_suggestions, schema_labels,
                  schema_relations, speakers)

_ORIGIN_OUT = {Origin.SUGGESTED.value: "prediction", Origin.SUGGESTED_EDITED.value: "prediction-changed"}


def stream(docs: Iterable[Doc], sink: Sink, *, mapping: LabelMapping | None = None,
           schema: LabelSchema = DEFAULT_SCHEMA, name: str = "tasks.json", from_name: str = "label",
           to_name: str = "text", annotator_map: dict[str, str] | None = None, **_) -> None:
    """Documents -> ``name`` (a JSON array of tasks, written task by task) and ``label_config.xml``."""
    mapping = mapping or LabelMapping()
    people = annotator_map or {}
    out = _Results(mapping, schema, from_name, to_name)
    directions: dict[str, int] = {}
    sink.write(name, b"[")
    for n, doc in enumerate(docs):
        way = doc.direction
        directions[way] = directions.get(way, 0) + 1
        data = {"text": doc.text, "doc_id": doc.id, "direction": way}
        ents = speakers(doc.layers)
        if ents:
            data[QAWL_SPEAKERS] = ents
        linked = claims(doc.layers)
        if linked:
            data[QAWL_CLAIMS] = linked
        # Label Studio's own exports always carry an integer task id (its converter needs one).
        task = {"id": n + 1, "data": data, "meta": doc.meta, "annotations": [], "predictions": []}
        for work in doc.layers:
            if is_suggestions(work):
                task["predictions"].append({"model_version": "qawl-suggestions", "result": out.result(work, True)})
                continue
            who = work.annotator
            result = out.result(work, False)
            if work.note or work.discuss:
                result += _document_note(work, to_name)
            ann: dict = {"result": result, "was_cancelled": False, "ground_truth": who == GOLD,
                         QAWL_ANNOTATOR: who, QAWL_STATUS: work.status}
            member = people.get(who)
            if member is not None:  # only a member the user named: Label Studio refuses the import otherwise
                ann["completed_by"] = int(member) if member.isdigit() else {"email": member}
            task["annotations"].append(ann)
        sink.write(name, (b",\n" if n else b"\n") + orjson.dumps(task))
    sink.write(name, b"\n]\n")
    sink.write("label_config.xml", label_config(
        schema_labels(schema, mapping, out.labels_used), schema_relations(schema, mapping, out.relations_used),
        from_name, to_name, out.answers, schema, direction=_layout(directions)).encode("utf-8"))


_RELATION_ORDER = itemgetter(2, 3, 1)  # head, tail, type


def _document_note(work: Work, to_name: str) -> list[dict]:
    """The annotator's note on the document and its flag, as the task-level controls of the config."""
    out = []
    if work.note:
        out.append({"id": "qawl-document-note", "from_name": DOC_NOTE, "to_name": to_name, "type": "textarea",
                    "value": {"text": [work.note]}})
    if work.discuss:
        out.append({"id": "qawl-document-discuss", "from_name": DOC_DISCUSS, "to_name": to_name, "type": "choices",
                    "value": {"choices": [DISCUSS_CHOICE]}})
    return out


class _Results:
    """Annotations -> Label Studio result lists, with what the config must declare (labels, relation types,
    per-region controls and the answers seen). The label, relation type and control of each name are found once
    per export, not once per annotation."""

    def __init__(self, mapping: LabelMapping, schema: LabelSchema, from_name: str, to_name: str) -> None:
        self.mapping, self.schema, self.from_name, self.to_name = mapping, schema, from_name, to_name
        self.labels_used: list[str] = []
        self.relations_used: list[str] = []
        self.answers: dict[str, list] = {}  # control name -> [result type, values seen]
        self._label: dict[str, str] = {}
        self._relation: dict[str, tuple[str, list]] = {}
        self._kinds: dict = {}  # (label, attribute) -> the control type

    def result(self, work: Work, suggestion: bool) -> list:
        result: list = []
        append = result.append
        from_name, to_name, out_label, kinds, answers = self.from_name, self.to_name, self._label, self._kinds, \
            self.answers
        origin_out = _ORIGIN_OUT.get
        for sid, label, start, end, text, attrs, origin, _ in work.spans:
            peer = out_label.get(label)
            if peer is None:
                peer = out_label[label] = self.mapping.label_out(label)
                self.labels_used.append(peer)
            value = {"start": start, "end": end, "text": text, "labels": [peer]}
            if suggestion:
                append({"id": sid, "from_name": from_name, "to_name": to_name, "type": "labels", "value": value})
            else:
                append({"id": sid, "from_name": from_name, "to_name": to_name, "type": "labels", "value": value,
                        "origin": origin_out(origin, "manual")})
            if not attrs:
                continue
            for attr, val in attrs.items():
                if attr == "score" and suggestion:
                    continue
                if val.__class__ is str and val:  # the usual case, inline: a choice or a text area
                    kind = kinds.get((label, attr))
                    if kind is None:
                        kind = _attr_out(self.schema, label, attr, val, kinds)[0]
                    control, answer = attr, val
                else:
                    kind, control, answer = _attr_out(self.schema, label, attr, val, kinds)
                    if kind is None:
                        continue
                seen = answers.get(control)
                if seen is None:
                    seen = answers[control] = [kind, set()]
                seen[1].add(answer)
                append({"id": sid, "from_name": control, "to_name": to_name, "type": kind,
                        "value": {"start": start, "end": end, _PER_REGION[kind]: [answer]}})
        relation = self._relation
        for _, rtype, head, tail, _, prov in sorted(work.relations, key=_RELATION_ORDER):
            found = relation.get(rtype)
            if found is None:
                peer = self.mapping.relation_out(rtype)
                if peer not in self.relations_used:
                    self.relations_used.append(peer)
                found = relation[rtype] = (peer, [] if peer == UNLABELLED else [peer])
            append({"from_id": head, "to_id": tail, "type": "relation",
                    "direction": "bi" if prov and prov.get("direction") == "bi" else "right",
                    "labels": found[1]})
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
    # The annotator's note on the whole document and its flag (task-level: not per region).
    lines += ["  <Header value=\"Note on the document\"/>",
              f"  <TextArea name=\"{DOC_NOTE}\" toName={quoteattr(to_name)} maxSubmissions=\"1\" editable=\"true\" "
              "rows=\"2\"/>",
              f"  <Choices name=\"{DOC_DISCUSS}\" toName={quoteattr(to_name)} choice=\"multiple\">",
              f"    <Choice value=\"{DISCUSS_CHOICE}\"/>", "  </Choices>"]
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def write(records, **options) -> dict[str, bytes]:
    """Records (or export lines) -> ``{name: tasks JSON, "label_config.xml": config}`` (in memory)."""
    sink = MemorySink()
    stream(documents(as_lines(records)), sink, **options)
    return sink.files
