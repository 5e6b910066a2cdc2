"""What every peer-format writer shares: the documents it writes from, where the bytes go, and whose work a layer is.

Writers stream. They take **documents** (:class:`Doc`): a document's id, text, direction and metadata with the
layers that are someone's work (:class:`Work`: annotator, status, spans and relations as plain tuples, and the
registry entries of the speakers and canonical claims they name), one document at a time, in export order. The
export reads them straight from the project's rows (:func:`documents_from_rows`, no export-line dict per span to
build and take apart again); :func:`documents` makes them from ``qawl-export/1`` lines (or core records, through
:func:`as_lines`) for small exports and tests. Writers hand their output in chunks to a :class:`Sink` as they go
(``sink.write(name, chunk)``; several files may grow side by side). Nothing holds a whole file: memory stays flat
in the number of documents. The caller's sink writes the files (atomically, in the operations layer);
:class:`MemorySink` keeps them as bytes (tests, the window's small exports).

**Whose work a layer is** (:func:`worked`): only what an annotator did is exported as their work. A line with no
annotator, or an annotator's layer that is not done and holds nothing (a document they never opened, or opened and
left empty, without a note on it), is an *unannotated* document: it goes out as a task without annotations, never as
an accepted empty answer. A layer marked done with nothing in it is a real answer ("nothing here") and goes out as one. The layer of
annotator ``suggestions`` is machine output: it goes out as predictions / unanswered tasks, never as someone's work.
"""

from __future__ import annotations

from itertools import groupby
from typing import Iterable, Iterator, NamedTuple, Protocol

import orjson

from ..errors import QawlError
from ..jsonl import Record, export_record
from ..model import SUGGESTIONS, CanonicalClaim, Entity, Status, claim_from_dict, claim_to_dict


class Sink(Protocol):
    def write(self, name: str, chunk: bytes) -> None: ...

    def close(self, name: str) -> None:
        """``name`` is complete (writers of one file per document say so, so that files need not stay open)."""

    def note(self, message: str) -> None: ...


class MemorySink:
    """Collects the files in memory (``files``: name -> bytes, in the order they were started)."""

    def __init__(self) -> None:
        self._parts: dict[str, list[bytes]] = {}
        self.notes: list[str] = []

    def write(self, name: str, chunk: bytes) -> None:
        self._parts.setdefault(name, []).append(chunk)

    def close(self, name: str) -> None:
        pass

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    @property
    def files(self) -> dict[str, bytes]:
        return {name: b"".join(parts) for name, parts in self._parts.items()}


class Work(NamedTuple):
    """One layer of a document as writers read it: someone's work, or the suggestions."""

    annotator: str
    status: str
    spans: list[tuple]  # (id, label, start, end, text, attrs, origin, provenance), in text order
    relations: list[tuple]  # (id, type, head, tail, origin, provenance), by id
    entities: list[dict]  # the registry entries ({"id", "name", "aliases"}) of the speakers its spans name
    claims: list[dict]  # the canonical claims its CLAIM spans link to
    note: str = ""  # the annotator's note on the document
    discuss: bool = False  # the annotator's "needs discussion" flag on the document


class Doc(NamedTuple):
    """One document to write: its layers that are work (:func:`worked`); none for an unannotated document."""

    id: str
    text: str
    direction: str
    meta: dict
    layers: list[Work]


def worked(line: dict) -> bool:
    """True when the line is an annotator's work (see the module docstring)."""
    if line.get("annotator") is None:
        return False
    return line.get("status") == Status.DONE.value or bool(line.get("spans")) or bool(line.get("relations")) or \
        bool(line.get("note")) or line.get("discuss") is True


def is_suggestions(work: Work) -> bool:
    return work.annotator == SUGGESTIONS


def documents(lines: Iterable[dict]) -> Iterator[Doc]:
    """Export lines (the lines of one document next to each other) -> documents with their layers that are work."""
    for _, group in groupby(lines, key=lambda line: line["doc_id"]):
        group = list(group)
        first = group[0]
        yield Doc(first["doc_id"], first["text"], first.get("direction") or "ltr", first.get("meta") or {},
                  [_work(line) for line in group if worked(line)])


def _work(line: dict) -> Work:
    spans = [(s["id"], s["label"], s["start"], s["end"], s["text"], s.get("attrs") or {}, s.get("origin") or
              "manual", s.get("provenance") or {}) for s in line.get("spans") or ()]
    spans.sort(key=_text_order)
    rels = [(r["id"], r["type"], r["head"], r["tail"], r.get("origin") or "manual", r.get("provenance") or {})
            for r in line.get("relations") or ()]
    ents = [{"id": e.id, "name": e.name, "aliases": list(e.aliases)} if isinstance(e, Entity) else e
            for e in line.get("entities") or ()]
    linked = [claim_to_dict(c) if isinstance(c, CanonicalClaim) else c for c in line.get("claims") or ()]
    return Work(line["annotator"], line.get("status") or Status.TODO.value, spans, rels, ents, linked,
                line.get("note") or "", line.get("discuss") is True)


def _text_order(span: tuple) -> tuple:
    return span[2], -span[3], span[1], span[0]  # as Layer.sorted_spans and the store's export order


def documents_from_rows(rows: Iterable[tuple], unannotated: bool = True) -> Iterator[Doc]:
    """The project's rows (``Store.export_rows``) -> documents. A document whose layers hold no work is written
    as an unannotated document when ``unannotated``, else left out. The JSON columns of a layer's spans and
    relations are parsed in one call each (one array), not one call per annotation."""
    loads = orjson.loads
    for doc_id, text, direction, meta, layers in rows:
        work = []
        for who, status, span_rows, rel_rows, ents, linked, note, discuss in layers:
            if who is None or not (status == Status.DONE.value or span_rows or rel_rows or note or discuss):
                continue
            attrs = loads("[" + ",".join([r[6] for r in span_rows]) + "]")
            prov = loads("[" + ",".join([r[8] for r in span_rows]) + "]")
            spans = [(r[1], r[2], r[3], r[4], r[5], a, r[7], p) for r, a, p in zip(span_rows, attrs, prov)]
            rprov = loads("[" + ",".join([r[6] for r in rel_rows]) + "]")
            rels = [(r[1], r[2], r[3], r[4], r[5], p) for r, p in zip(rel_rows, rprov)]
            work.append(Work(who, status, spans, rels, ents, linked, note, discuss))
        if work or unannotated:
            yield Doc(doc_id, text, direction or "ltr", loads(meta) if meta else {}, work)


def annotators_of(docs: Iterable[Doc]) -> tuple[list[Doc], list[str]]:
    """For writers told no annotator names: the documents, read into memory, and the names of whose work they
    hold (in order of appearance)."""
    docs = list(docs)
    return docs, list(dict.fromkeys(w.annotator for d in docs for w in d.layers))


def as_lines(items: Iterable[Record | dict], label_schema: str = "") -> Iterator[dict]:
    """Export lines from core records (or lines, passed through), so writers can be given either."""
    for item in items:
        if isinstance(item, dict):
            yield item
            continue
        entities = {e.id: e for e in item.entities}
        yield export_record(item.document, item.layer, entities, label_schema, {c.id: c for c in item.claims})


def speakers(layers: Iterable[Work | dict]) -> list[dict]:
    """The speaker registry entries the layers (or export lines) use (``{"id", "name", "aliases"}``, each once)."""
    out: dict[str, dict] = {}
    for layer in layers:
        for ent in layer.entities if isinstance(layer, Work) else layer.get("entities") or ():
            if isinstance(ent, Entity):
                ent = {"id": ent.id, "name": ent.name, "aliases": list(ent.aliases)}
            out.setdefault(ent["id"], {"id": ent["id"], "name": ent["name"], "aliases": list(ent.get("aliases") or [])})
    return list(out.values())


def claims(layers: Iterable[Work | dict]) -> list[dict]:
    """The canonical claims (the claim registry's entries) the layers' (or export lines') CLAIM spans link to,
    each once."""
    out: dict[str, dict] = {}
    for layer in layers:
        for claim in layer.claims if isinstance(layer, Work) else layer.get("claims") or ():
            if isinstance(claim, CanonicalClaim):
                claim = claim_to_dict(claim)
            out.setdefault(claim["id"], claim)
    return list(out.values())


def claims_from(value: object) -> list[CanonicalClaim]:
    """Canonical claims a peer file carries back (our own ``qawl_claims`` lists); QawlError when malformed."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise QawlError("must be a list of canonical claims")
    out = []
    for i, item in enumerate(value):
        try:
            out.append(claim_from_dict(item))
        except QawlError as exc:
            raise exc.located(field_prefix=f"[{i}]") from None
    return out


def entities_from(value: object) -> list[Entity]:
    """Speaker entries a peer file carries back (our own ``qawl_speakers`` lists); anything malformed is ignored
    here and reported by the caller."""
    out = []
    if not isinstance(value, list):
        return out
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("name"), str) \
                and item["name"].strip():
            aliases = item.get("aliases") if isinstance(item.get("aliases"), list) else []
            out.append(Entity(item["id"], item["name"], tuple(a for a in aliases if isinstance(a, str))))
    return out


def schema_labels(schema, mapping, used: Iterable[str] = ()) -> list[str]:
    """Every label a tool must know to label the whole schema (in the peer's names), then any other used."""
    names = [mapping.label_out(s.name) for s in schema.span_labels]
    return [n for n in dict.fromkeys([*names, *used]) if n]


def schema_relations(schema, mapping, used: Iterable[str] = ()) -> list[str]:
    names = [mapping.relation_out(r.name) for r in schema.relation_types]
    return [n for n in dict.fromkeys([*names, *used]) if n]
