"""The one builder of records from parsed peer files, and the import policy every format follows.

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
from typing import Callable, Sequence

from ..errors import QawlError
from ..jsonl import Record, make_document
from ..model import Document, Layer, Relation, Span, new_id
from ..schema import LabelSchema
from .evidence import detect_unit
from .mapping import DROP, LabelMapping
from .peer import ImportResult, PeerDoc, PeerFile, PeerLayer, PeerSpan, load_sources
from .units import UNITS, PeerText
from ..text.normalise import normalise, sha256


# --- the builder -------------------------------------------------------------------------------------------------

@dataclass
class _Labels:
    """Mapping decisions for one import, and the labels the file adds (add_labels=True)."""

    mapping: LabelMapping
    schema: LabelSchema
    add: bool
    new_labels: list[str] = field(default_factory=list)
    new_relations: list[str] = field(default_factory=list)
    _seen: dict = field(default_factory=dict)

    def label(self, name: str) -> str | None:
        key = ("label", name)
        if key not in self._seen:
            ours = self.mapping.label_in(name, self.schema.label_names)
            if ours is None and self.add:
                self.new_labels.append(name)
                ours = name
            self._seen[key] = ours
        return self._seen[key]

    def relation(self, name: str) -> str | None:
        key = ("relation", name)
        if key not in self._seen:
            ours = self.mapping.relation_in(name, self.schema.relation_names)
            if ours is None and self.add:
                self.new_relations.append(name)
                ours = name
            self._seen[key] = ours
        return self._seen[key]


def build(files: Sequence[PeerFile], *, fmt: str, units: tuple[str, ...], mapping: LabelMapping,
          schema: LabelSchema, add_labels: bool = False, offset_unit: str = "auto") -> ImportResult:
    """Parsed peer files -> :class:`ImportResult` (see the module docstring for what is done and the policy)."""
    if offset_unit != "auto" and offset_unit not in UNITS:
        raise QawlError(f"must be auto or one of {', '.join(UNITS)}, got {offset_unit!r}", field="offset_unit")
    labels = _Labels(mapping, schema, add_labels)
    _ids.reset()
    problems: list[QawlError] = []
    notes: list[str] = []
    rejected: list[str] = []
    unit_of: dict[str, str] = {}
    keys: set[str] = set()

    # Pass 1: the labels the files use (and, when adding, the ones their configuration declares), so that the
    # extended schema is known before layers are checked.
    for pf in files:
        if add_labels:
            for name in pf.declared_labels:
                labels.label(name)
            for name in pf.declared_relations:
                labels.relation(name)
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
            keys.update(k for doc in pf.docs for k in _keys(doc))
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
                keys.update(_keys(doc))
                continue
            built.append((doc, records))

    records = _merge_same_layers(built, problems, rejected)
    return ImportResult(records=records, problems=problems, notes=notes, schema=full_schema, rejected=rejected,
                        offset_units=unit_of, added_labels=tuple(labels.new_labels),
                        added_relation_types=tuple(labels.new_relations), rejected_keys=frozenset(keys))


def _keys(doc: PeerDoc) -> set[str]:
    """What identifies a rejected document elsewhere in the import: its text hash (documents are matched by text;
    an id alone may be another copy's): its other layers, in other files, are left out with it."""
    out: set[str] = set()
    if doc.raw is not None:
        try:
            out.add(sha256(normalise(doc.raw)[0]))
        except UnicodeEncodeError:
            pass
    return out


def _build_doc(doc: PeerDoc, text: PeerText | None, unit: str, labels: _Labels, schema: LabelSchema,
               notes: list[str]) -> list[Record]:
    if text is None:
        doc.problem("the record has no text", field="text")
        return []
    try:
        document = make_document(doc.raw, id=doc.doc_id, meta=doc.meta, source=doc.file)
    except QawlError as exc:
        doc.problems.append(exc.located(file=doc.file, line=doc.line))
        return []
    out: list[Record] = []
    for layer in doc.layers:
        built = _build_layer(doc, document, text, layer, unit, labels, schema, notes)
        if built is not None:
            out.append(Record(document, built, list(doc.entities), doc.line, layer.status_known,
                              list(doc.claims), layer.note_known))
    if not doc.layers:
        out.append(Record(document, None, list(doc.entities), doc.line, claims=list(doc.claims)))
    return out


def _build_layer(doc: PeerDoc, document: Document, text: PeerText, layer: PeerLayer, unit: str,
                 labels: _Labels, schema: LabelSchema, notes: list[str]) -> Layer | None:
    ok = True
    by_key: dict[object, list[Span]] = {}
    dropped: set = set()
    groups: dict[object, list[tuple[PeerSpan, Span]]] = {}
    unknown: dict[str, list[PeerSpan]] = {}
    failed: set = set()  # keys of spans already reported: their relations are not reported again
    # The usual case needs no conversion: code points into a text that normalisation left as it was.
    direct = not text.changed and text.same_as_codepoints(unit)
    raw_length = len(text.raw)
    for ps in layer.spans:
        ours = labels.label(ps.label) if ps.keep else DROP
        failed.add(ps.key)  # until the span is built
        if ours is None:
            unknown.setdefault(ps.label, []).append(ps)
            ok = False
            continue
        try:
            if direct and 0 <= ps.start and ps.end <= raw_length:  # code points into an unchanged text
                raw_start, raw_end = ps.start, ps.end
            else:
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
        start, end = (raw_start, raw_end) if direct else (text.normalised(raw_start), text.normalised(raw_end))
        if start >= end:
            doc.problem("the span covers only characters that import removes (a BOM or the CR of a CRLF)",
                        field=ps.field)
            ok = False
            continue
        if ours == DROP or not ps.keep:
            dropped.add(ps.key)
            failed.discard(ps.key)
            continue
        span = Span(_ids.next("s"), ours, start, end, document.text[start:end], attrs=dict(ps.attrs),
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
                relations.append(Relation(_ids.next("r"), ours, head.id, tail.id, origin=pr.origin,
                                          provenance=dict(pr.provenance)))
    if not ok:
        return None
    spans = [s for group in by_key.values() for s in group]
    result = Layer(document.id, layer.annotator, layer.status, spans, relations, layer.note, layer.discuss)
    try:
        schema.check_layer(result)
    except QawlError as exc:
        doc.problems.append(exc.located(file=doc.file, line=doc.line))
        return None
    return result


class _Ids:
    """Fresh span and relation ids, unique across machines like :func:`~app.core.model.new_id` (a random stem per
    import, then a counter) but without a UUID per annotation: an import makes tens of thousands."""

    def __init__(self) -> None:
        self.stem, self.n = new_id("")[:8], 0

    def next(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.stem}{self.n:x}"

    def reset(self) -> None:
        self.stem, self.n = new_id("")[:8], 0


_ids = _Ids()

_LINE_BREAKS = set("\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _join_line_fragments(text: str, spans: list[Span]) -> list[Span]:
    """Fragments whose gaps are only line breaks are one span to us (brat splits a selection at line breaks)."""
    spans = sorted(spans, key=lambda s: s.start)
    out = [spans[0]]
    for span in spans[1:]:
        prev = out[-1]
        gap = text[prev.end:span.start]
        if gap and set(gap) <= _LINE_BREAKS and prev.label == span.label:
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
    for claim in extra.claims:
        if all(c.id != claim.id for c in target.claims):
            target.claims.append(claim)


def _show(key: object) -> str:
    """A peer id as the user wrote it (keys are tagged tuples inside the importers)."""
    while isinstance(key, tuple) and key:
        key = key[-1]
    return repr(key)


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")




def per_file_reader(name: str, units: tuple[str, ...],
                    parse_file: Callable[[str, bytes, "str | None"], PeerFile]) -> Callable[..., ImportResult]:
    """The ``read(sources, *, mapping, schema, add_labels, offset_unit, default_annotator)`` of a format whose
    files are read one by one (doccano, Label Studio, Prodigy)."""
    from ..schema import DEFAULT_SCHEMA

    def read(sources, *, mapping: LabelMapping | None = None, schema: LabelSchema = DEFAULT_SCHEMA,
             add_labels: bool = False, offset_unit: str = "auto",
             default_annotator: str | None = None) -> ImportResult:
        files = [parse_file(n, data, default_annotator) for n, data in load_sources(sources)]
        return build(files, fmt=name, units=units, mapping=mapping or LabelMapping(), schema=schema,
                     add_labels=add_labels, offset_unit=offset_unit)

    read.__doc__ = f"Read {name} files (see the module docstring); problems come back in the result."
    return read
