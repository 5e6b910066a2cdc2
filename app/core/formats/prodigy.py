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
* annotator: ``_annotator_id`` (Prodigy's named multi-user sessions), else our ``meta.qawl_annotator``, else
  ``default_annotator``, else ``prodigy``; ``meta.qawl_speakers`` gives the speakers of ``attrs.entity`` back.

Write (streaming, one task per line): ``text``, ``meta`` (with ``doc_id``, and ``qawl_speakers``: the registry
entries of the speakers the spans name), ``tokens`` (words and punctuation with ``ws``, also split at a span edge
inside a word), ``spans`` (with ``text``, ``token_start``, ``token_end``), ``relations`` (``head`` / ``child`` = the
last token of each span, as Prodigy's relations UI writes), ``_view_id``; span attributes (quote type, date value,
speaker) ride along in each span's ``attrs`` key, which Prodigy keeps and ignores. Only what an annotator did is an
answer: a finished layer is ``answer: "accept"`` with ``_annotator_id``; an unfinished one has no ``answer`` and says
``qawl_status`` in ``meta``; the suggestion layer goes out unanswered with ``meta.qawl_annotator: "suggestions"``
(as a model's pre-annotations would); a document nobody worked on is a plain input task (text and tokens, no spans,
no answer). ``_input_hash`` / ``_task_hash`` are left out: ``prodigy db-in`` sets them (note that ``db-in`` marks
unanswered tasks ``accept`` unless given ``--answer``).
"""

from __future__ import annotations

from itertools import count
from operator import itemgetter
from typing import Iterable

import orjson
import regex

from ..model import STATUSES, SUGGESTIONS, Origin, Status
from ..schema import DEFAULT_SCHEMA, LabelSchema
from .build import per_file_reader
from .peer import (PeerDoc, PeerFile, PeerLayer, PeerRelation, PeerSpan, is_int,
                   json_records, label_name, offset_pair, read_document_note)
from .mapping import LabelMapping
from .out import (Doc, MemorySink, Sink, Work, as_lines, claims, documents, entities_from, is_suggestions,
                  speakers)

NAME = "prodigy"
UNITS = ("codepoint", "utf16")
# Words keep their combining marks (harakat); other characters are tokens of their own.
_TOKEN = regex.compile(r"[\w\p{M}]+|[^\w\s\p{M}]\p{M}*")
# Keys our exports add to a task's ``meta`` (Prodigy keeps meta as it is): the speaker registry entries the spans
# use, and, for layers that are not an annotator's finished answer, whose layer it is and where they are with it.
QAWL_SPEAKERS = "qawl_speakers"
QAWL_CLAIMS = "qawl_claims"  # the canonical claims the CLAIM spans link to
QAWL_ANNOTATOR = "qawl_annotator"
QAWL_STATUS = "qawl_status"
QAWL_NOTE, QAWL_DISCUSS = "qawl_note", "qawl_discuss"  # the annotator's note on the document and its flag


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
    doc.meta = {k: v for k, v in meta.items()
                if k not in ("doc_id", QAWL_SPEAKERS, QAWL_CLAIMS, QAWL_ANNOTATOR, QAWL_STATUS, QAWL_NOTE,
                             QAWL_DISCUSS)}
    if QAWL_CLAIMS in meta and not doc.carried_claims(meta[QAWL_CLAIMS], f"meta.{QAWL_CLAIMS}"):
        return None
    if isinstance(meta.get("doc_id"), str) and meta["doc_id"].strip():
        doc.doc_id = meta["doc_id"]
    if QAWL_SPEAKERS in meta:
        doc.entities = entities_from(meta[QAWL_SPEAKERS])
        if len(doc.entities) != len(meta[QAWL_SPEAKERS] or []):
            doc.problem("must be a list of speakers with id, name and aliases", field=f"meta.{QAWL_SPEAKERS}")
            return None
    answer = obj.get("answer", "accept")
    if answer not in ("accept", "reject", "ignore"):
        doc.problem(f"must be accept, reject or ignore, got {answer!r}", field="answer")
        return None
    who = obj.get("_annotator_id")
    if who is not None and not (isinstance(who, str) and who.strip()):
        doc.problem(f"must be a name, got {who!r}", field="_annotator_id")
        return None
    # Our own unanswered tasks say whose layer they are (suggestions, unfinished work) and its status.
    own, status = meta.get(QAWL_ANNOTATOR), meta.get(QAWL_STATUS, Status.DONE.value)
    if own is not None and not (isinstance(own, str) and own.strip()):
        doc.problem(f"must be a name, got {own!r}", field=f"meta.{QAWL_ANNOTATOR}")
        return None
    if status not in STATUSES:
        doc.problem(f"must be one of {', '.join(STATUSES)}, got {status!r}", field=f"meta.{QAWL_STATUS}")
        return None
    if "answer" in obj and own is not None:
        status = Status.DONE.value  # answered in Prodigy since: the answer is what counts now
    tokens = _tokens(obj.get("tokens"), doc)
    if tokens is False:
        return None
    layer = PeerLayer(who or own or annotator, status)
    if not read_document_note(meta, QAWL_NOTE, QAWL_DISCUSS, "meta.", doc, layer):
        return None
    suggested = (who or own) == SUGGESTIONS
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
    if suggested:
        for span in layer.spans:
            span.origin = Origin.SUGGESTED.value
        for rel in layer.relations:
            rel.origin = Origin.SUGGESTED.value
    # An explicit accept with no spans is a finished layer ("nothing here"); a plain input line is not a layer.
    if answer == "accept" and ("answer" in obj or layer.spans or layer.relations or layer.note or layer.discuss):
        doc.layers.append(layer)
    return answer


def _tokens(tokens: object, doc: PeerDoc) -> list[tuple[int, int]] | None | bool:
    if tokens is None:
        return None
    if not isinstance(tokens, list):
        doc.problem(f"must be a list, got {type(tokens).__name__}", field="tokens")
        return False
    try:  # the usual case at once; anything odd is found and named by the loop below
        fast = [(tok["start"], tok["end"]) for tok in tokens]
        if all(type(a) is int and type(b) is int for a, b in fast):
            return fast
    except (TypeError, KeyError):
        pass
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

def stream(docs: Iterable[Doc], sink: Sink, *, mapping: LabelMapping | None = None,
           schema: LabelSchema = DEFAULT_SCHEMA, name: str = "prodigy.jsonl", **_) -> None:
    """Documents -> ``name`` (JSONL), one task per line as it goes (see the module docstring)."""
    mapping = mapping or LabelMapping()
    names = _Names(mapping)
    for doc in docs:
        tokens = _Tokens(doc.text)
        if not doc.layers:  # nobody's work: an input task, not an answer
            task = {"text": doc.text, "meta": _meta(doc, [], None), "tokens": tokens.fragment()}
            sink.write(name, orjson.dumps(task) + b"\n")
            continue
        for work in doc.layers:
            sink.write(name, orjson.dumps(_task(doc, work, tokens, names)) + b"\n")


class _Names:
    """Our label and relation type names -> Prodigy's, found once per export."""

    def __init__(self, mapping: LabelMapping) -> None:
        self.mapping = mapping
        self._labels: dict[str, str] = {}
        self._relations: dict[str, str] = {}

    def label(self, name: str) -> str:
        found = self._labels.get(name)
        if found is None:
            found = self._labels[name] = self.mapping.label_out(name)
        return found

    def relation(self, name: str) -> str:
        found = self._relations.get(name)
        if found is None:
            found = self._relations[name] = self.mapping.relation_out(name)
        return found


def _meta(doc: Doc, layers: list[Work], work: Work | None) -> dict:
    out = {**doc.meta, "doc_id": doc.id}
    if work is not None and (is_suggestions(work) or work.status != Status.DONE.value):
        out[QAWL_ANNOTATOR] = work.annotator
        out[QAWL_STATUS] = work.status
    if work is not None and work.note:
        out[QAWL_NOTE] = work.note
    if work is not None and work.discuss:
        out[QAWL_DISCUSS] = True
    ents = speakers(layers)
    if ents:
        out[QAWL_SPEAKERS] = ents
    linked = claims(layers)
    if linked:
        out[QAWL_CLAIMS] = linked
    return out


_RELATION_ORDER = itemgetter(2, 3, 1)  # head, tail, type


def _task(doc: Doc, work: Work, tokens: "_Tokens", names: _Names) -> dict:
    spans = work.spans
    cuts = tokens.cuts(spans)
    toks = tokens.fragment() if not cuts else tokens.split(cuts)
    starts, ends = tokens.index(cuts)
    out_spans, by_id = [], {}
    label = names.label
    for sid, name, start, end, text, attrs, _, _ in spans:
        item = {"start": start, "end": end, "text": text, "label": label(name)}
        if attrs:
            item["attrs"] = attrs  # Prodigy keeps keys it does not know; Qawl reads them back
        ts, te = starts.get(start), ends.get(end)
        if ts is not None and te is not None:
            item["token_start"], item["token_end"] = ts, te
        out_spans.append(item)
        by_id[sid] = item
    relations = []
    for _, rtype, head_id, tail_id, _, _ in sorted(work.relations, key=_RELATION_ORDER):
        head, child = by_id[head_id], by_id[tail_id]
        entry = {"head": head.get("token_end"), "child": child.get("token_end"), "head_span": head,
                 "child_span": child, "label": names.relation(rtype)}
        relations.append({k: v for k, v in entry.items() if v is not None})
    task = {"text": doc.text, "meta": _meta(doc, [work], work), "tokens": toks, "spans": out_spans}
    if relations:
        task["relations"] = relations
    # Only an annotator's finished layer is an answer; suggestions and unfinished work go out unanswered.
    if not is_suggestions(work):
        if work.status == Status.DONE.value:
            task["answer"] = "accept"
        task["_annotator_id"] = work.annotator
    task["_view_id"] = "relations" if relations else "ner_manual"
    return task


class _Tokens:
    """Words and punctuation of one text (with ``ws``), found once per document and split at span edges that fall
    inside a word only for the layers that need it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = [m.span() for m in _TOKEN.finditer(text)]
        self._fragment: orjson.Fragment | None = None
        self._starts, self._ends = _offsets(self.bounds)

    def _dicts(self, bounds: list[tuple[int, int]]) -> list[dict]:
        text = self.text + "x"  # text[e] at the very end is not white space
        return [{"text": text[s:e], "start": s, "end": e, "id": i, "ws": text[e].isspace()}
                for i, (s, e) in enumerate(bounds)]

    def fragment(self) -> orjson.Fragment:
        if self._fragment is None:
            self._fragment = orjson.Fragment(orjson.dumps(self._dicts(self.bounds)))
        return self._fragment

    def cuts(self, spans: list[tuple]) -> list[int]:
        """Span edges that fall inside a token (rare: spans usually begin and end with words)."""
        out = set()
        starts, ends = self._starts, self._ends
        for span in spans:
            for edge in (span[2], span[3]):
                if edge not in starts and edge not in ends:
                    out.add(edge)
        return sorted(out)

    def _split_bounds(self, cuts: list[int]) -> list[tuple[int, int]]:
        out = []
        for s, e in self.bounds:
            inner = [c for c in cuts if s < c < e]
            points = [s, *inner, e]
            out.extend(zip(points, points[1:]))
        return out

    def split(self, cuts: list[int]) -> list[dict]:
        return self._dicts(self._split_bounds(cuts))

    def index(self, cuts: list[int]) -> tuple[dict[int, int], dict[int, int]]:
        if not cuts:
            return self._starts, self._ends
        return _offsets(self._split_bounds(cuts))


def _offsets(bounds: list[tuple[int, int]]) -> tuple[dict[int, int], dict[int, int]]:
    """Token start -> its index, token end -> its index (tokens never overlap: each offset is one token's). Built
    by zip in C: a dict comprehension per token cost a sixth of a Prodigy export."""
    return dict(zip(map(_FIRST, bounds), count())), dict(zip(map(_SECOND, bounds), count()))


_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def tokenise(text: str, cuts: set[int]) -> list[dict]:
    """Words and punctuation of ``text``, also split at every offset in ``cuts`` (span edges), with ``ws``."""
    tokens = _Tokens(text)
    return tokens.split(sorted(cuts)) if cuts else tokens._dicts(tokens.bounds)


def write(records, **options) -> dict[str, bytes]:
    """Records (or export lines) -> ``{name: bytes}`` (in memory; the CLI streams with :func:`stream`)."""
    sink = MemorySink()
    stream(documents(as_lines(records)), sink, **options)
    return sink.files


read = per_file_reader(NAME, UNITS, parse_file)
