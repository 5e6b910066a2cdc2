"""Label Studio JSON export: tasks with ``annotations[].result[]`` and ``predictions[].result[]``.

Read: ``labels`` results (``value.start/end/text/labels``; one span per label when a region has several) and
``relation`` results (``from_id``, ``to_id``, ``direction`` right / left / bi, ``labels``; a relation without a label
is of type ``relation``, map it with ``rel:relation=...``). ``direction: left`` means the arrow goes from ``to_id``
to ``from_id``; ``bi`` is read as from -> to and remembered in the relation's provenance. Other result types
(``choices``, ``rectanglelabels``, ...) are skipped with a note. Cancelled annotations (``was_cancelled``) are
skipped with a note.

Annotators: each annotation's author becomes a layer: ``completed_by`` as an object (its ``email``; Label Studio
writes one when its export expands ``completed_by``) or an int (``user-<id>``, the default export; map it with an
annotator map); if absent, ``default_annotator`` or ``label-studio``. A person with several annotations of one task
gets one layer each: the first keeps the name, the others are ``NAME#<annotation id>``. Drafts with results (an
export that expands them) are unfinished layers of people who did not submit. ``predictions`` become the suggestion
layer (``suggestions``, origin ``suggested``); Label Studio 1.23's default export lists them as ids only, which is
noted and skipped. A result's ``origin`` ``prediction`` / ``prediction-changed`` (a suggestion the annotator
accepted / edited) is kept as origin ``suggested`` / ``suggested-edited``. JSON_MIN (flat records, one per
annotation) gives spans and the per-region answers it keeps with their region; it keeps no relations (noted). The
CSV, TSV and CONLL exports are refused, saying to export JSON.

Offsets: Label Studio's front end stores code points since its 2021 fix (label-studio-frontend PR 308, "store code
points instead of js length"); earlier versions stored UTF-16 units (label-studio issue 1347). Every ``labels`` result
carries its text, so ``offset_unit="auto"`` proves the unit per file from the texts.

Span attributes go both ways as per-region results on the span's region: ``choices`` for attributes the schema
declares as choices, ``textarea`` for other strings, and a ``textarea`` named ``<attr>__json`` holding the JSON of
any other value (``resolved: false``, numbers, lists). Choices / text areas not tied to a region are skipped.

Writing is in :mod:`.labelstudio_write`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right

import orjson

from ..jsontext import loads as exact_loads, needs_exact
from ..model import STATUSES, SUGGESTIONS, Origin, Status
from ..schema import DEFAULT_SCHEMA
from .build import per_file_reader
from .peer import (PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, decode_text,
                   is_int, lone_surrogate, offset_pair)
from .out import entities_from

NAME = "labelstudio"
UNITS = ("codepoint", "utf16")
UNLABELLED = "relation"  # the type of a relation drawn without a label
_PER_REGION = {"choices": "choices", "textarea": "text"}  # result type -> the value key holding the answer
_MANUAL, _SUGGESTED = Origin.MANUAL.value, Origin.SUGGESTED.value
_ORIGIN_IN = {"prediction": Origin.SUGGESTED.value, "prediction-changed": Origin.SUGGESTED_EDITED.value}
JSON_SUFFIX = "__json"  # a text area holding the JSON of a span attribute that is not a string
QAWL_SPEAKERS = "qawl_speakers"  # task data: the speakers the task's SPEAKER spans name (id, name, aliases)
# On each annotation of our files: whose layer it is in Qawl and its status (Label Studio does not keep them; they
# serve a direct re-import of our own file, and name the layer when completed_by is not written).
QAWL_ANNOTATOR = "qawl_annotator"
QAWL_STATUS = "qawl_status"
QAWL_CLAIMS = "qawl_claims"  # task data: the canonical claims the task's CLAIM spans link to
_OWN_DATA = ("doc_id", "direction", QAWL_SPEAKERS, QAWL_CLAIMS)  # task data keys our exports add (not document metadata)
# The annotator's note on the document and its "needs discussion" flag: a task-level text area and choice (not per
# region), declared in the labeling config Qawl writes; an annotation holding either says what the note is.
DOC_NOTE = "document_note"
DOC_DISCUSS = "document_discuss"
DISCUSS_CHOICE = "needs discussion"


_CSV_HEADER = re.compile(r"^[^\n]*\b(annotation_id|annotator|lead_time)\b[^\n]*$", re.M)


def other_export(name: str, head: str) -> str | None:
    """The name of Label Studio's export that ``head`` (the file's start) is, when it is one Qawl cannot read."""
    lower = name.lower()
    first = head.lstrip("\ufeff \t\r\n")[:2000]
    if lower.endswith((".conll", ".conll2003")) or first.startswith("-DOCSTART-"):
        return "CONLL2003"
    if lower.endswith(".tsv") or (not first.startswith(("[", "{")) and "\t" in first.split("\n", 1)[0]
                                  and _CSV_HEADER.match(first)):
        return "TSV"
    if lower.endswith(".csv") or (not first.startswith(("[", "{")) and _CSV_HEADER.match(first)):
        return "CSV"
    return None


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
    other = other_export(name, text[:4000])
    if other is not None:
        pf.problems.append(_err(f"this is Label Studio's {other} export, which keeps no character offsets Qawl can "
                                f"check (and no relations); export the project as JSON (Export > JSON) and import "
                                f"that file", name, 1))
        return pf
    try:
        tasks = orjson.loads(text.lstrip("\ufeff"))
        if needs_exact(data):
            tasks = None  # a long integer orjson may have read as a float: read it exactly below
    except orjson.JSONDecodeError:
        tasks = None  # the stdlib parser says where and why below
    if tasks is None:
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
    minimal = _is_min(tasks[0])
    if minimal:
        pf.notes.append(f"{name}: Label Studio's JSON_MIN export: spans and per-region answers only (it keeps no "
                        f"relations); export JSON to keep them")
    authors: dict[int, dict[str, int]] = {}  # task id -> author -> annotations seen (JSON_MIN: one record each)
    for i, task in enumerate(tasks):
        doc = PeerDoc(name, lines[i] if lines else None, None)
        pf.docs.append(doc)
        if minimal:
            _parse_min(task, i, doc, default_annotator, skipped, authors)
        else:
            _parse_task(task, i, doc, default_annotator, skipped, pf)
    ids_only = skipped.pop("prediction (id only)", 0)
    if ids_only:
        pf.notes.append(f"{name}: {ids_only} prediction(s) are given only as ids (Label Studio's default export "
                        f"leaves their results out), so no suggestions were read from them")
    for rtype, count in sorted(skipped.items()):
        pf.notes.append(f"{name}: skipped {count} result(s) of type {rtype!r} (not text spans)")
    return pf


def _err(message: str, name: str, line: int | None):
    from ..errors import QawlError

    return QawlError(message, file=name, line=line)


def _task_lines(text: str, count: int) -> list[int] | None:
    """The line each top-level task starts on (for messages). Our own files and Label Studio's pretty-printed ones
    start each task on a line of its own at the shallowest indentation; anything else is stepped through with the
    JSON decoder."""
    if "\n" not in text.strip():
        return [1] * count
    starts: dict[int, list[int]] = {}
    for m in re.finditer(r"\n([ \t]*)\{", text):
        starts.setdefault(len(m.group(1)), []).append(m.start() + 1)
    if starts:
        shallow = starts[min(starts)]
        if len(shallow) == count:
            newlines = [m.start() for m in re.finditer("\n", text)]
            return [bisect_right(newlines, pos) + 1 for pos in shallow]
    decoder = json.JSONDecoder()
    gap = re.compile(r"[\s,]*")
    found: list[int] = []
    try:
        i = text.index("[") + 1
        while True:
            i = gap.match(text, i).end()
            if i >= len(text) or text[i] == "]":
                break
            found.append(i)
            i = decoder.raw_decode(text, i)[1]
    except (ValueError, RecursionError):
        return None
    newlines = [m.start() for m in re.finditer("\n", text)]
    return [bisect_right(newlines, pos) + 1 for pos in found] if len(found) == count else None


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
    if not _take_text_and_id(doc, data.get(text_key), data.get("doc_id", task.get("id")), where,
                             "the task has no text (data.text)", f"{where}.data.text"):
        return
    meta = task.get("meta") if isinstance(task.get("meta"), dict) else {}
    doc.meta = {**{k: v for k, v in data.items() if k not in (text_key, *_OWN_DATA)}, **meta}
    if not _speakers(data, f"{where}.data", doc):
        return

    annotations = task.get("annotations", task.get("completions", []))
    if not isinstance(annotations, list):
        doc.problem(f"must be a list, got {type(annotations).__name__}", field=f"{where}.annotations")
        return
    cancelled = 0
    kept: list[tuple[str, object, PeerLayer]] = []
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
        status = ann.get(QAWL_STATUS) if ann.get(QAWL_STATUS) in STATUSES else Status.DONE.value
        layer = PeerLayer(annotator, status)
        _parse_result(ann.get("result"), f"{aw}.result", doc, layer, skipped, None)
        kept.append((annotator, ann.get("id", a + 1), layer))
    # One person may submit several annotations of one task: each stays a layer of its own, told apart by the
    # annotation id (the first keeps the plain name, so it lines up with the person's other tasks).
    seen: dict[str, int] = {}
    for annotator, ann_id, layer in kept:
        seen[annotator] = seen.get(annotator, 0) + 1
        if seen[annotator] > 1:
            layer.annotator = f"{annotator}#{ann_id}"
        doc.layers.append(layer)
    if any(n > 1 for n in seen.values()):
        many = ", ".join(f"{who} ({n})" for who, n in seen.items() if n > 1)
        pf.notes.append(f"{doc.file}:{doc.line or ''} task {doc.doc_id}: several annotations by {many}: each is a "
                        f"layer of its own (NAME#<annotation id>)")
    drafts = task.get("drafts") or []
    if isinstance(drafts, list):
        for d, draft in enumerate(drafts):
            if not isinstance(draft, dict) or not isinstance(draft.get("result"), list):
                continue  # draft ids only (Label Studio's default export): nothing to read
            user = draft.get("user")
            who = user if isinstance(user, str) and user.strip() else f"user-{user}" if is_int(user) else None
            if who is None or who in seen:
                continue
            layer = PeerLayer(who, Status.IN_PROGRESS.value)  # a draft: work not submitted yet
            _parse_result(draft["result"], f"{where}.drafts[{d}].result", doc, layer, skipped, None)
            if layer.spans or layer.relations or layer.note or layer.discuss:
                doc.layers.append(layer)
    if cancelled:
        pf.notes.append(f"{doc.file}:{doc.line or ''} task {doc.doc_id}: {cancelled} cancelled annotation(s) skipped")
    predictions = task.get("predictions", [])
    if not isinstance(predictions, list):
        doc.problem(f"must be a list, got {type(predictions).__name__}", field=f"{where}.predictions")
        return
    ids_only = 0
    for p, pred in enumerate(predictions):
        pw = f"{where}.predictions[{p}]"
        if is_int(pred) or isinstance(pred, str):
            ids_only += 1  # Label Studio 1.23 exports predictions as ids: their results are not in the file
            continue
        if not isinstance(pred, dict):
            doc.problem(f"must be an object or a prediction id, got {type(pred).__name__}", field=pw)
            continue
        layer = PeerLayer(SUGGESTIONS, Status.TODO.value)
        version = pred.get("model_version")
        _parse_result(pred.get("result"), f"{pw}.result", doc, layer, skipped,
                      {"model_version": version} if isinstance(version, (str, int)) else {})
        if layer.spans or layer.relations:
            doc.layers.append(layer)
    if ids_only:
        skipped["prediction (id only)"] = skipped.get("prediction (id only)", 0) + ids_only


def _speakers(data: dict, where: str, doc: PeerDoc) -> bool:
    """The speakers and canonical claims our own tasks carry (``qawl_speakers``, ``qawl_claims``)."""
    if QAWL_CLAIMS in data and not doc.carried_claims(data[QAWL_CLAIMS], f"{where}.{QAWL_CLAIMS}"):
        return False
    value = data.get(QAWL_SPEAKERS)
    if value is None:
        return True
    doc.entities = entities_from(value)
    if not isinstance(value, list) or len(doc.entities) != len(value):
        doc.problem("must be a list of speakers with id, name and aliases", field=f"{where}.{QAWL_SPEAKERS}")
        return False
    return True


def _is_min(task: object) -> bool:
    """Label Studio's JSON_MIN export: flat records (task data, one key per control) with ``annotation_id``."""
    if not isinstance(task, dict) or "data" in task or "annotations" in task or "completions" in task:
        return False
    return "annotation_id" in task or any(_min_spans(v) for v in task.values())


def _min_spans(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, dict) and "start" in v and "end" in v and any(k.endswith("labels") for k in v) for v in value)


# The per-region controls our configs declare: in JSON_MIN their answers are top-level keys, not task data.
_OUR_CONTROLS = tuple({a.name for label in DEFAULT_SCHEMA.span_labels for a in label.attrs} |
                      {"calendar", "hijri", "resolved", "score"})
_MIN_KEYS = ("id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement")


def _parse_min(task: object, index: int, doc: PeerDoc, default_annotator: str | None, skipped: dict[str, int],
               authors: dict) -> None:
    """One JSON_MIN record: one annotation of one task (an unannotated task has ``annotator: null``)."""
    where = f"[{index}]"
    if not isinstance(task, dict):
        doc.problem(f"each record must be a JSON object, got {type(task).__name__}", field=where)
        return
    if not _take_text_and_id(doc, task.get("text"), task.get("doc_id", task.get("id")), where,
                             "the record has no text", f"{where}.text"):
        return
    controls = {k: v for k, v in task.items() if _min_spans(v)}
    answers = {k: v for k, v in task.items() if k not in controls and k not in _MIN_KEYS
               and k not in ("text", *_OWN_DATA) and (
                   isinstance(v, (list, dict)) and all(isinstance(x, dict) and "start" in x
                                                       for x in (v if isinstance(v, list) else [v]))
                   or k in _OUR_CONTROLS or k.endswith(JSON_SUFFIX))}
    notes = {k: task[k] for k in (DOC_NOTE, DOC_DISCUSS) if k in task and k not in controls and k not in answers}
    doc.meta = {k: v for k, v in task.items() if k not in controls and k not in answers and k not in notes
                and k not in _MIN_KEYS and k not in ("text", *_OWN_DATA)}
    if not _speakers(task, where, doc):
        return
    who = task.get("annotator")
    if who is None and not controls:
        return  # an unannotated task
    name = who.strip() if isinstance(who, str) and who.strip() else f"user-{who}" if is_int(who) else \
        default_annotator or "label-studio"
    count = authors.setdefault(doc.doc_id, {})
    count[name] = count.get(name, 0) + 1
    if count[name] > 1:
        name = f"{name}#{task.get('annotation_id', count[name])}"
    layer = PeerLayer(name, Status.DONE.value)
    for key, value in notes.items():  # JSON_MIN flattens a one-value answer to the bare value
        answer = [value] if isinstance(value, str) else value
        if isinstance(answer, list) and all(isinstance(a, str) for a in answer):
            _set_document_note(layer, key, answer)
        else:
            doc.problem("the note on the document needs a string or a list of strings", field=f"{where}.{key}")
    for key, regions in controls.items():
        for r, region in enumerate(regions):
            rw = f"{where}.{key}[{r}]"
            pair = offset_pair(region, "start", "end", rw, doc)
            names = next((v for k, v in region.items() if k.endswith("labels")), None)
            if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
                doc.problem(f"must be a non-empty list of label names, got {names!r}"[:200], field=f"{rw}.labels")
                continue
            if pair is None:
                continue
            rtext = region.get("text") if isinstance(region.get("text"), str) else None
            for label in names:
                layer.spans.append(PeerSpan(("m", key, r), label, *pair, rw, text=rtext,
                                            provenance={"source": NAME}))
    # Per-region answers keep their region's offsets only when the control held several values.
    for key, value in answers.items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, dict):  # one region's answer, flattened without its region by JSON_MIN
                skipped[f"{key} (JSON_MIN answer)"] = skipped.get(f"{key} (JSON_MIN answer)", 0) + 1
                continue
            answer = item.get("choices", item.get("text"))
            targets = [s for s in layer.spans if (s.start, s.end) == (item.get("start"), item.get("end"))]
            if targets and isinstance(answer, list) and answer and all(isinstance(a, str) for a in answer):
                _set_attr(targets, key, answer)
            else:
                skipped[f"{key} (JSON_MIN answer)"] = skipped.get(f"{key} (JSON_MIN answer)", 0) + 1
    doc.layers.append(layer)


def _set_attr(spans: list[PeerSpan], name: str, answer: list[str]) -> None:
    if name.endswith(JSON_SUFFIX):
        try:
            value = exact_loads(answer[0]) if needs_exact(answer[0]) else orjson.loads(answer[0])
        except ValueError:  # (orjson.JSONDecodeError is one)
            value = answer[0]
        name = name[:-len(JSON_SUFFIX)]
    else:
        value = answer[0] if len(answer) == 1 else list(answer)
    for span in spans:
        span.attrs[name] = value


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
    regions: dict | None = None
    for rw, item in per_region:
        if item.get("from_name") in (DOC_NOTE, DOC_DISCUSS) and suggestion is None:
            _document_note(item, rw, doc, layer)
            continue
        if regions is None:
            regions = {}
            for span in layer.spans:
                regions.setdefault(span.key, []).append(span)
        spans = regions.get(("r", item.get("id")), []) if _hashable(item.get("id")) else []
        value = item.get("value") if isinstance(item.get("value"), dict) else {}
        name, answer = item.get("from_name"), value.get(_PER_REGION[item["type"]])
        if not spans:
            skipped[item["type"]] = skipped.get(item["type"], 0) + 1  # about the whole task, not a span
            continue
        if not (isinstance(name, str) and name.strip() and isinstance(answer, list) and answer
                and all(isinstance(a, str) for a in answer)):
            doc.problem("a per-region answer needs from_name and a non-empty list of strings", field=rw)
            continue
        _set_attr(spans, name, answer)


def _document_note(item: dict, where: str, doc: PeerDoc, layer: PeerLayer) -> None:
    """The task-level note or flag of an annotation -> its layer's note on the document."""
    value = item.get("value") if isinstance(item.get("value"), dict) else {}
    answer = value.get(_PER_REGION.get(item.get("type"), "text"))
    if not (isinstance(answer, list) and all(isinstance(a, str) for a in answer)):
        doc.problem("the note on the document needs a list of strings", field=f"{where}.value")
        return
    _set_document_note(layer, item["from_name"], answer)


def _set_document_note(layer: PeerLayer, name: str, answer: list[str]) -> None:
    layer.note_known = True  # the file has the place: what it holds (even nothing) is the annotator's note
    if name == DOC_NOTE:
        layer.note = "\n".join(answer)
    else:
        layer.discuss = DISCUSS_CHOICE in answer


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
    start, end = value.get("start"), value.get("end")
    pair = (start, end) if type(start) is int and type(end) is int and 0 <= start < end else \
        offset_pair(value, "start", "end", f"{where}.value", doc)
    names = value.get("labels")
    if not (type(names) is list and len(names) == 1 and type(names[0]) is str and names[0].strip()) and (
            not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names)):
        doc.problem(f"must be a non-empty list of label names, got {names!r}"[:200], field=f"{where}.value.labels")
        return
    text = value.get("text")
    if text is not None and not isinstance(text, str):
        doc.problem(f"must be a string, got {type(text).__name__}", field=f"{where}.value.text")
        return
    if pair is None:
        return
    if ("r", rid) in layer.keys:
        doc.problem(f"duplicate region id {rid!r}", field=f"{where}.id")
        return
    layer.keys.add(("r", rid))
    origin = item.get("origin")
    origin = _ORIGIN_IN.get(origin, _MANUAL) if isinstance(origin, str) else _MANUAL
    if suggestion is not None:
        origin = _SUGGESTED
    score = item.get("score")
    for name in names:
        provenance = {"source": NAME, "id": rid, **suggestion} if suggestion else {"source": NAME, "id": rid}
        attrs = {"score": score} if type(score) in (int, float) else {}
        layer.spans.append(PeerSpan(("r", rid), name, *pair, where, text=text, attrs=attrs,
                                    provenance=provenance, origin=origin))


def _relation(item: dict, where: str, doc: PeerDoc, layer: PeerLayer, suggestion: dict | None) -> None:
    ends = []
    for key in ("from_id", "to_id"):
        value = item.get(key)
        if type(value) not in (str, int):
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
    origin = _SUGGESTED if suggestion is not None else _MANUAL
    for name in names:
        provenance = {"source": NAME} if direction != "bi" else {"source": NAME, "direction": "bi"}
        layer.relations.append(PeerRelation(name, head, tail, where, provenance, origin))


read = per_file_reader(NAME, UNITS, parse_file)


def _take_text_and_id(doc: PeerDoc, text, doc_id, where: str, no_text: str, text_field: str) -> bool:
    """The task's text and id onto ``doc`` (JSON and JSON_MIN alike); False, with the problem said, when either is
    not usable."""
    if not isinstance(text, str) or not text.strip():
        doc.problem(no_text, field=text_field)
        return False
    doc.raw = text
    if doc_id is not None:
        if not (is_int(doc_id) or isinstance(doc_id, str)) or not str(doc_id).strip():
            doc.problem(f"must be a string or an integer, got {doc_id!r}", field=f"{where}.id")
            return False
        doc.doc_id = str(doc_id)
    return True
