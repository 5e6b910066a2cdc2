"""What every importer shares: the peer-neutral parse result, the import policy and the one builder of records.

Each format module only *parses* its files into :class:`PeerDoc` objects (text, spans with offsets in the tool's
unit, relations by the tool's ids). :func:`build` then does, the same way for every format:

1. settles the offset unit per file (``offset_unit="auto"``: the unit under which every span of the file is valid —
   in range, not inside a surrogate pair, equal to its text where the tool wrote one; see :func:`detect_unit`);
2. converts offsets exactly onto our normalised text (BOM / CRLF removed, see :mod:`.units`);
3. maps labels and relation types with the :class:`~.mapping.LabelMapping` (unknown ones are problems unless
   ``add_labels``, which extends the schema instead);
4. builds core :class:`~app.core.model.Layer` objects and checks them against the (extended) schema.

Import policy (all formats): every problem is reported as a :class:`~app.core.errors.QawlError` naming file, line
and field/span. By default the caller imports NOTHING when :attr:`ImportResult.problems` is not empty
(all-or-nothing) and shows all problems. The caller may instead choose to import only the documents that had no
problem: :attr:`ImportResult.records` holds exactly those (a document with any problem is left out wholly, with all
its layers, never partially) and :attr:`ImportResult.rejected` names the ones left out. A span whose offsets do not
match its text is reported, never moved to where the text might be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence, Union

from ..errors import QawlError
from ..jsonl import Record, make_document
from ..model import Document, Entity, Layer, Origin, Relation, Span, new_id
from ..schema import LabelSchema
from .mapping import DROP, LabelMapping
from .units import UNITS, PeerText

Source = Union[str, Path, tuple[str, bytes]]


@dataclass
class PeerSpan:
    """A span as the peer wrote it: offsets in the file's unit into the tool's raw text."""

    key: object  # what the tool's relations use to point at it
    label: str
    start: int
    end: int
    field: str  # where it is in the record, for messages (e.g. "annotations[0].result[3].value")
    text: str | None = None  # the tool's copy of the span text, when it writes one
    attrs: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)
    origin: str = Origin.MANUAL.value
    group: object = None  # brat: fragments of one discontinuous annotation share a group
    group_text: str | None = None  # brat: the text of the whole group (fragments joined by one space)
    keep: bool = True  # False: checked like any span, then left out (brat attribution triggers)


@dataclass
class PeerRelation:
    type: str
    head: object  # PeerSpan.key
    tail: object
    field: str
    provenance: dict = field(default_factory=dict)
    origin: str = Origin.MANUAL.value


@dataclass
class PeerLayer:
    annotator: str
    status: str
    spans: list[PeerSpan] = field(default_factory=list)
    relations: list[PeerRelation] = field(default_factory=list)


@dataclass
class PeerDoc:
    """One document of a peer file (a JSONL line, a Label Studio task, a brat .txt/.ann pair)."""

    file: str
    line: int | None
    raw: str | None  # None when the record has no usable text (then ``problems`` says why)
    doc_id: str | None = None
    meta: dict = field(default_factory=dict)
    layers: list[PeerLayer] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    problems: list[QawlError] = field(default_factory=list)

    def problem(self, message: str, field: str | None = None, line: int | None = None) -> None:
        self.problems.append(QawlError(message, file=self.file, line=line or self.line, field=field))


@dataclass
class PeerFile:
    """A parsed peer file: its documents, or a problem that makes the whole file unusable."""

    name: str
    docs: list[PeerDoc] = field(default_factory=list)
    problems: list[QawlError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    declared_unit: str | None = None  # the unit the file says it uses (our own doccano exports do)


@dataclass(frozen=True)
class ImportResult:
    """What an importer read. See the module docstring for the policy the caller applies."""

    records: list[Record]  # records of the documents that had no problem, in input order
    problems: list[QawlError]  # every problem, each naming file, line and field
    notes: list[str]  # things done on purpose that the user should know (skipped result types, rejects)
    schema: LabelSchema  # the schema, extended with the file's own labels when add_labels=True
    rejected: list[str] = field(default_factory=list)  # "file:line (doc id)" of documents left out
    offset_units: dict[str, str] = field(default_factory=dict)  # file -> unit its offsets were read in
    added_labels: tuple[str, ...] = ()
    added_relation_types: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


# --- sources --------------------------------------------------------------------------------------------------

def load_sources(sources: Iterable[Source] | Source) -> list[tuple[str, bytes]]:
    """Paths (files, or folders read one level deep) or ``(name, bytes)`` pairs -> ``(name, bytes)`` pairs."""
    if isinstance(sources, (str, Path)) or (isinstance(sources, tuple) and len(sources) == 2
                                            and isinstance(sources[1], (bytes, bytearray))):
        sources = [sources]
    out: list[tuple[str, bytes]] = []
    for src in sources:
        if isinstance(src, tuple):
            name, data = src
            if not isinstance(name, str) or not isinstance(data, (bytes, bytearray)):
                raise QawlError("a source must be a path or a (name, bytes) pair")
            out.append((name, bytes(data)))
            continue
        path = Path(src)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file():
                    out.append((str(child), _read(child)))
        else:
            out.append((str(path), _read(path)))
    return out


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise QawlError(f"cannot read the file ({exc.strerror})", file=str(path)) from None


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 with or without a BOM (the BOM stays: it is part of what offsets count)."""
    from ..text import decode

    return decode(data, file=name)


# --- offset units ----------------------------------------------------------------------------------------------

def _span_valid(text: PeerText, span: PeerSpan, unit: str) -> tuple[int, int] | None:
    try:
        start, end = text.to_raw(span.start, unit), text.to_raw(span.end, unit)
    except ValueError:
        return None
    if start >= end:
        return None
    if span.text is not None and text.raw[start:end] != span.text:
        return None
    return start, end


def detect_unit(docs: Sequence[PeerDoc], texts: dict[int, PeerText], units: tuple[str, ...]
                ) -> tuple[str, list[PeerDoc], str]:
    """Which of ``units`` the spans of one file are counted in.

    Returns ``(unit, ambiguous_docs, how)``. A unit qualifies when every span of the file is valid under it (in
    range, not inside a surrogate pair, not empty, equal to the tool's span text where there is one). If several
    qualify and give the same code-point ranges everywhere, the first (the tool's documented unit) is taken; if
    they qualify but disagree somewhere, the documents where they disagree are returned as ambiguous (the caller
    reports them: the user must say ``offset_unit``). If none qualifies, the unit under which most spans are valid
    is taken and the others are reported span by span.
    """
    valid: dict[str, int] = {u: 0 for u in units}
    total = 0
    results: dict[str, dict[int, list]] = {u: {} for u in units}
    for doc in docs:
        text = texts.get(id(doc))
        if text is None:
            continue
        same = text.same_everywhere(units)
        for layer in doc.layers:
            for span in layer.spans:
                total += 1
                first = _span_valid(text, span, units[0])
                for u in units:
                    r = first if (same or u == units[0]) else _span_valid(text, span, u)
                    if r is not None:
                        valid[u] += 1
                    results[u].setdefault(id(doc), []).append(r)
    full = [u for u in units if valid[u] == total]
    if not full:
        best = max(units, key=lambda u: (valid[u], -units.index(u)))
        return best, [], f"no unit fits every span; read as {best} ({valid[best]} of {total} spans fit)"
    if len(full) == 1:
        how = "the only unit every span fits" if len(units) > 1 and total else "the tool's unit"
        return full[0], [], how
    disagree = [doc for doc in docs if any(results[u].get(id(doc)) != results[full[0]].get(id(doc))
                                           for u in full[1:])]
    if not disagree:
        return full[0], [], f"every span fits {', '.join(full)} and they agree"
    # Spans without the tool's text (doccano) can fit several units. Evidence, in order: a unit under which some
    # span edge falls inside a character (grapheme cluster) is out, since selections in the tools never do that;
    # then, over the spans two units read differently, the share of edges that do not cut a word must be
    # decisive (>= 80 % for the winner, at most 60 % of that for every rival).
    def differing(u: str, v: str):
        for doc in disagree:
            text = texts[id(doc)]
            for ru, rv in zip(results[u][id(doc)], results[v][id(doc)]):
                if ru != rv:
                    yield text, ru, rv

    def splits(u: str) -> bool:
        return any(text.splits_cluster(p) for v in full if v != u for text, ru, _ in differing(u, v) for p in ru)

    whole = [u for u in full if not splits(u)]
    if len(whole) == 1:
        return whole[0], [], f"spans fit {', '.join(full)}, but only under {whole[0]} does no span edge fall " \
                             f"inside a character"
    candidates = whole or full

    def word_edges(text, r) -> int:
        return text.at_word_edge(r[0], end=False) + text.at_word_edge(r[1], end=True)

    for best in candidates:
        verdicts = []
        for rival in candidates:
            pairs = list(differing(best, rival)) if rival != best else []
            if not pairs:
                continue
            n = 2 * len(pairs)
            mine = sum(word_edges(t, rb) for t, rb, _ in pairs)
            theirs = sum(word_edges(t, rr) for t, _, rr in pairs)
            verdicts.append((mine >= 0.8 * n and theirs <= 0.6 * mine, rival, mine, theirs, n))
        if verdicts and all(v[0] for v in verdicts):
            detail = "; ".join(f"{m} of {n} edges between words, {t} as {r}" for _, r, m, t, n in verdicts)
            return best, [], f"spans fit {', '.join(full)}; where they differ, read as {best}: {detail}"
    return full[0], disagree, f"every span fits {', '.join(full)}"


# --- the builder -------------------------------------------------------------------------------------------------

@dataclass
class _Labels:
    """Mapping decisions for one import, and the labels the file adds (add_labels=True)."""

    mapping: LabelMapping
    schema: LabelSchema
    add: bool
    new_labels: list[str] = field(default_factory=list)
    new_relations: list[str] = field(default_factory=list)

    def label(self, name: str) -> str | None:
        ours = self.mapping.label_in(name, self.schema.label_names)
        if ours is None and self.add:
            if name not in self.new_labels:
                self.new_labels.append(name)
            return name
        return ours

    def relation(self, name: str) -> str | None:
        ours = self.mapping.relation_in(name, self.schema.relation_names)
        if ours is None and self.add:
            if name not in self.new_relations:
                self.new_relations.append(name)
            return name
        return ours


def build(files: Sequence[PeerFile], *, fmt: str, units: tuple[str, ...], mapping: LabelMapping,
          schema: LabelSchema, add_labels: bool = False, offset_unit: str = "auto") -> ImportResult:
    """Parsed peer files -> :class:`ImportResult` (see the module docstring for what is done and the policy)."""
    if offset_unit != "auto" and offset_unit not in UNITS:
        raise QawlError(f"must be auto or one of {', '.join(UNITS)}, got {offset_unit!r}", field="offset_unit")
    labels = _Labels(mapping, schema, add_labels)
    problems: list[QawlError] = []
    notes: list[str] = []
    rejected: list[str] = []
    unit_of: dict[str, str] = {}

    # Pass 1: the labels the files use, so that the extended schema is known before layers are checked.
    for pf in files:
        for doc in pf.docs:
            for layer in doc.layers:
                for span in layer.spans:
                    if span.keep:
                        labels.label(span.label)
                for rel in layer.relations:
                    labels.relation(rel.type)
    full_schema = schema.with_labels(labels.new_labels, labels.new_relations) if add_labels else schema
    if labels.new_labels or labels.new_relations:
        notes.append("added to the schema: " + ", ".join(
            [*labels.new_labels, *(f"relation {r}" for r in labels.new_relations)]))

    built: list[tuple[PeerDoc, list[Record]]] = []
    for pf in files:
        problems.extend(pf.problems)
        notes.extend(pf.notes)
        if pf.problems:
            rejected.append(f"{pf.name} (the whole file)")
            continue
        texts = {id(doc): PeerText(doc.raw) for doc in pf.docs if doc.raw is not None}
        ambiguous: list[PeerDoc] = []
        if offset_unit == "auto" and pf.declared_unit in UNITS:
            unit = pf.declared_unit
        elif offset_unit == "auto":
            unit, ambiguous, how = detect_unit(pf.docs, texts, units)
            if len(units) > 1 and any(d.layers for d in pf.docs) and "agree" not in how:
                notes.append(f"{pf.name}: offsets read as {unit} ({how})")
        else:
            unit = offset_unit
        unit_of[pf.name] = unit
        for doc in ambiguous:
            doc.problem(f"the offsets fit more than one unit ({', '.join(units)}) and they give different spans "
                        f"here; say which with offset_unit (the tool's own unit is {units[0]})",
                        field="offset_unit")
        for doc in pf.docs:
            records = _build_doc(doc, texts.get(id(doc)), unit, labels, full_schema, notes) if not doc.problems \
                else []
            if doc.problems:
                problems.extend(doc.problems)
                where = f"{doc.file}:{doc.line}" if doc.line else doc.file
                rejected.append(f"{where} ({doc.doc_id})" if doc.doc_id else where)
                continue
            built.append((doc, records))

    records = _merge_same_layers(built, problems, rejected)
    return ImportResult(records=records, problems=problems, notes=notes, schema=full_schema, rejected=rejected,
                        offset_units=unit_of, added_labels=tuple(labels.new_labels),
                        added_relation_types=tuple(labels.new_relations))


def _build_doc(doc: PeerDoc, text: PeerText | None, unit: str, labels: _Labels, schema: LabelSchema,
               notes: list[str]) -> list[Record]:
    if text is None:
        doc.problem("the record has no text", field="text")
        return []
    try:
        document = make_document(doc.raw, id=doc.doc_id, meta=doc.meta)
    except QawlError as exc:
        doc.problems.append(exc.located(file=doc.file, line=doc.line))
        return []
    out: list[Record] = []
    for layer in doc.layers:
        built = _build_layer(doc, document, text, layer, unit, labels, schema, notes)
        if built is not None:
            out.append(Record(document, built, list(doc.entities), doc.line))
    if not doc.layers:
        out.append(Record(document, None, list(doc.entities), doc.line))
    return out


def _build_layer(doc: PeerDoc, document: Document, text: PeerText, layer: PeerLayer, unit: str,
                 labels: _Labels, schema: LabelSchema, notes: list[str]) -> Layer | None:
    ok = True
    by_key: dict[object, list[Span]] = {}
    dropped: set = set()
    groups: dict[object, list[tuple[PeerSpan, Span]]] = {}
    unknown: dict[str, list[PeerSpan]] = {}
    failed: set = set()  # keys of spans already reported: their relations are not reported again
    for ps in layer.spans:
        ours = labels.label(ps.label) if ps.keep else DROP
        failed.add(ps.key)  # until the span is built
        if ours is None:
            unknown.setdefault(ps.label, []).append(ps)
            ok = False
            continue
        try:
            raw_start, raw_end = text.to_raw(ps.start, unit), text.to_raw(ps.end, unit)
        except ValueError as exc:
            bad = ps.start
            try:
                text.to_raw(ps.start, unit)
                bad = ps.end
            except ValueError:
                pass
            doc.problem(f"offset {bad} ({unit}) is {exc}; span {ps.start}..{ps.end} not imported",
                        field=ps.field)
            ok = False
            continue
        if raw_start >= raw_end:
            doc.problem(f"the range {ps.start}..{ps.end} is empty or reversed", field=ps.field)
            ok = False
            continue
        actual = text.raw[raw_start:raw_end]
        if ps.text is not None and actual != ps.text:
            doc.problem(f"the span text {_short(ps.text)} does not match the document at {ps.start}..{ps.end} "
                        f"({unit}), which holds {_short(actual)}; not imported (never shifted)", field=ps.field)
            ok = False
            continue
        start, end = text.normalised(raw_start), text.normalised(raw_end)
        if start >= end:
            doc.problem("the span covers only characters that import removes (a BOM or the CR of a CRLF)",
                        field=ps.field)
            ok = False
            continue
        if ours == DROP or not ps.keep:
            dropped.add(ps.key)
            failed.discard(ps.key)
            continue
        span = Span.of(document.text, ours, start, end, id=new_id("s"), attrs=dict(ps.attrs),
                       origin=ps.origin, provenance=dict(ps.provenance))
        if ps.group is not None:
            groups.setdefault(ps.group, []).append((ps, span))
        by_key.setdefault(ps.key, []).append(span)
        failed.discard(ps.key)
    for name, spans in unknown.items():
        more = f" (and {len(spans) - 1} more annotations)" if len(spans) > 1 else ""
        doc.problem(f"unknown label {name!r}{more}: map it (e.g. {name}=QUOTE, or {name}= to leave it out) or "
                    f"add the file's labels to the schema (add_labels)", field=f"{spans[0].field}.label")
    # brat discontinuous annotations: check the joined text, and join fragments split only at line breaks.
    for group, members in groups.items():
        group_text = members[0][0].group_text
        if group_text is not None:
            joined = " ".join(text.raw[text.to_raw(p.start, unit):text.to_raw(p.end, unit)] for p, _ in members)
            if joined != group_text:
                doc.problem(f"the text {_short(group_text)} does not match the fragments, which hold "
                            f"{_short(joined)}; not imported (never shifted)", field=members[0][0].field)
                ok = False
                continue
        merged = _join_line_fragments(document.text, [s for _, s in members])
        if len(merged) != len(members):
            by_key[members[0][0].key] = merged
    if any(ps.keep and ps.key in dropped for ps in layer.spans):
        notes.append(f"{doc.file}:{doc.line or ''} {len(dropped)} span(s) left out by the mapping")
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    for pr in layer.relations:
        ours = labels.relation(pr.type)
        if ours is None:
            doc.problem(f"unknown relation type {pr.type!r}: map it (e.g. rel:{pr.type}=SAID_BY) or add the "
                        f"file's labels to the schema (add_labels)", field=f"{pr.field}.type")
            ok = False
            continue
        heads, tails = by_key.get(pr.head), by_key.get(pr.tail)
        if heads is None or tails is None:
            missing = pr.head if heads is None else pr.tail
            if missing in dropped or missing in failed:
                continue  # left out on purpose, or already reported
            doc.problem(f"refers to {_show(missing)}, which is not an annotation of this document",
                        field=pr.field)
            ok = False
            continue
        if ours == DROP:
            continue
        for head in heads:
            for tail in tails:
                if head.id == tail.id:
                    doc.problem("a relation cannot link an annotation to itself", field=pr.field)
                    ok = False
                    continue
                if (ours, head.id, tail.id) in seen:
                    continue
                seen.add((ours, head.id, tail.id))
                relations.append(Relation(new_id("r"), ours, head.id, tail.id, origin=pr.origin,
                                          provenance=dict(pr.provenance)))
    if not ok:
        return None
    spans = [s for group in by_key.values() for s in group]
    result = Layer(document.id, layer.annotator, layer.status, spans, relations)
    try:
        schema.check_layer(result)
    except QawlError as exc:
        doc.problems.append(exc.located(file=doc.file, line=doc.line))
        return None
    return result


def _join_line_fragments(text: str, spans: list[Span]) -> list[Span]:
    """Fragments whose gaps are only line breaks are one span to us (brat splits a selection at line breaks)."""
    spans = sorted(spans, key=lambda s: s.start)
    out = [spans[0]]
    for span in spans[1:]:
        prev = out[-1]
        gap = text[prev.end:span.start]
        if gap and set(gap) <= {"\n"} and prev.label == span.label:
            provenance = {k: v for k, v in prev.provenance.items() if k != "fragment"}
            out[-1] = Span.of(text, prev.label, prev.start, span.end, id=prev.id, attrs=prev.attrs,
                              origin=prev.origin, provenance=provenance)
        else:
            out.append(span)
    return out


def _merge_same_layers(built: list[tuple[PeerDoc, list[Record]]], problems: list[QawlError],
                       rejected: list[str]) -> list[Record]:
    """One record per (document, annotator): a tool may list a document twice (e.g. Prodigy tasks per label)."""
    out: list[Record] = []
    texts: dict[str, str] = {}
    by_key: dict[tuple[str, str | None], Record] = {}
    for doc, records in built:
        for rec in records:
            did = rec.document.id
            if did in texts and texts[did] != rec.document.text:
                problems.append(QawlError(f"document id {did!r} is used for two different texts", file=doc.file,
                                          line=doc.line, field="id"))
                rejected.append(f"{doc.file}:{doc.line} ({did})")
                continue
            texts[did] = rec.document.text
            key = (did, rec.layer.annotator if rec.layer else None)
            if key in by_key:
                _merge_into(by_key[key], rec)
                continue
            by_key[key] = rec
            out.append(rec)
    # A document that has layers does not also need its bare record.
    annotated = {r.document.id for r in out if r.layer is not None}
    return [r for r in out if r.layer is not None or r.document.id not in annotated]


def _merge_into(target: Record, extra: Record) -> None:
    if extra.layer is None:
        return
    if target.layer is None:
        target.layer = extra.layer
        return
    have = {(s.label, s.start, s.end): s.id for s in target.layer.spans.values()}
    rename: dict[str, str] = {}
    for span in extra.layer.sorted_spans():
        key = (span.label, span.start, span.end)
        if key in have:
            rename[span.id] = have[key]
        else:
            target.layer.add_span(span)
            have[key] = span.id
    rels = {(r.type, r.head, r.tail) for r in target.layer.relations.values()}
    for rel in extra.layer.relations.values():
        head, tail = rename.get(rel.head, rel.head), rename.get(rel.tail, rel.tail)
        if (rel.type, head, tail) not in rels:
            target.layer.add_relation(Relation(rel.id, rel.type, head, tail, rel.origin, rel.provenance,
                                               rel.created))
            rels.add((rel.type, head, tail))
    for ent in extra.entities:
        if all(e.id != ent.id for e in target.entities):
            target.entities.append(ent)


def _show(key: object) -> str:
    """A peer id as the user wrote it (keys are tagged tuples inside the importers)."""
    while isinstance(key, tuple) and key:
        key = key[-1]
    return repr(key)


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


# --- helpers for the JSON formats -----------------------------------------------------------------------------

def json_records(name: str, data: bytes, pf: PeerFile) -> list[tuple[int, object]]:
    """``(line, value)`` for each record of a JSONL file; also accepts one JSON array or one (pretty-printed)
    object, which some tools write under a .jsonl name. Broken lines become per-line problems (their documents
    are rejected, the rest of the file is still read)."""
    import json

    try:
        text = decode_text(name, data)
    except QawlError as exc:
        pf.problems.append(exc)
        return []
    body = text.lstrip("\ufeff").strip()
    if body[:1] in "[{":
        try:
            whole = json.loads(body)
        except json.JSONDecodeError:
            whole = None
        if whole is not None and lone_surrogate(body, whole):
            pf.problems.append(QawlError("contains an unpaired surrogate escape (\\ud800-\\udfff), which is not "
                                         "text", file=name))
            return []
        if isinstance(whole, list):
            return [(1, item) for item in whole]
        if isinstance(whole, dict) and "\n" in body:
            pf.notes.append(f"{name}: one JSON object over several lines, not JSONL; read as one record")
            return [(1, whole)]
    out: list[tuple[int, object]] = []
    for i, line in enumerate(text.split("\n"), 1):
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        try:
            value = json.loads(line)
            if lone_surrogate(line, value):
                out.append((i, QawlError("contains an unpaired surrogate escape (\\ud800-\\udfff), which is not "
                                         "text", file=name, line=i)))
            else:
                out.append((i, value))
        except json.JSONDecodeError as exc:
            where = "the line is cut short (truncated file?)" if exc.pos >= len(line) - 1 or \
                "Unterminated" in exc.msg or "Expecting" in exc.msg and exc.pos >= len(line) - 2 else exc.msg
            out.append((i, QawlError(f"not valid JSON: {where} (column {exc.colno})", file=name, line=i)))
        except RecursionError:
            out.append((i, QawlError("not valid JSON: nested too deeply", file=name, line=i)))
    if not out:
        pf.problems.append(QawlError("the file has no records", file=name))
    return out


def lone_surrogate(source: str, value: object) -> bool:
    """True when JSON escapes in ``source`` gave ``value`` a lone surrogate (valid JSON, but not text)."""
    import json

    if "\\u" not in source and "\\U" not in source:
        return False
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    except (TypeError, ValueError, RecursionError):
        return False
    return False


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def offset_pair(obj: dict, start_key: str, end_key: str, where: str, doc: PeerDoc) -> tuple[int, int] | None:
    """Two integer offsets from ``obj`` or a problem naming the field."""
    start, end = obj.get(start_key), obj.get(end_key)
    for key, value in ((start_key, start), (end_key, end)):
        if value is None:
            doc.problem("is missing", field=f"{where}.{key}")
            return None
        if not is_int(value):
            doc.problem(f"must be an integer, got {value!r}", field=f"{where}.{key}")
            return None
        if value < 0:
            doc.problem(f"must not be negative, got {value}", field=f"{where}.{key}")
            return None
    if end <= start:
        doc.problem(f"the range {start}..{end} is empty or reversed", field=where)
        return None
    return start, end


def label_name(value: object, where: str, doc: PeerDoc) -> str | None:
    """A label as a non-empty string (doccano's old exports use label ids, which are kept as their text)."""
    if isinstance(value, str) and value.strip():
        return value
    if is_int(value):
        return str(value)
    doc.problem(f"must be a label name, got {value!r}", field=where)
    return None


def safe_name(name: str) -> str:
    """A file-name-safe version of an annotator or document name."""
    import re

    cleaned = re.sub(r"[^\w.@+-]+", "_", name, flags=re.UNICODE).strip("._")
    return cleaned or "unnamed"
