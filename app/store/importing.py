"""Bringing data in: whole imports (all or nothing, or skipping invalid records wholly) and the suggestion
layer of a document (decided suggestions survive re-runs)."""

from __future__ import annotations

from typing import Callable, Iterable


from ..core.errors import Cancelled, QawlError
from ..core.jsonl import Record
from ..core.model import SUGGESTIONS, Document, Entity, Layer, Status
from ..core.schema import LabelSchema
from .rows import (combine_problems as _combine, dumps as _dumps, layer_difference as _layer_difference,
                   now_utc as _now, rebase_layer as _rebase_layer)
from ..core.ports import ImportSummary
from .claims import ClaimRegistry
from .editing import ChangeTarget
from .file import Part, ProjectFile
from .reads import Reads
from .search import sync as sync_search


class Importer(Part):
    """Imports and suggestion layers. Matches incoming documents, speakers and claims against ``reads`` and
    ``claims`` (the claim registry), and records its history entry through ``target``."""

    def __init__(self, file: ProjectFile, reads: Reads, claims: ClaimRegistry, target: ChangeTarget) -> None:
        super().__init__(file)
        self.reads = reads
        self.claims = claims
        self.target = target

    def import_records(self, records: list[Record], *, replace_layers: bool = False, skip_invalid: bool = False,
                       source: str | None = None, schema: LabelSchema | None = None,
                       actor: str | None = None, progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> ImportSummary:
        """Bring documents, layers and speakers in, all or nothing.

        Documents match existing ones by id, or by text hash when the id is new (a teammate's copy of our
        article); an existing id with different text is an error. A layer that already exists with different
        annotations is an error unless ``replace_layers``; an identical one is left as it is (re-importing the
        same file changes nothing). Speakers match the registry by id with the same name, else by name; others
        are added. Raises QawlError listing every problem (up to 20) and changes nothing.

        With ``skip_invalid`` (importing teammates' files), a document with a problem is skipped wholly — with all
        its layers, never partly — and reported in ``summary.skipped``; the valid documents are imported.

        ``schema`` (a wider label schema, e.g. with a peer file's own labels) is checked against and saved with
        the import, in the same transaction.
        """
        # Checks and writes are ONE transaction (BEGIN IMMEDIATE): what is checked (ids, text hashes, existing
        # layers, the registries, the schema) cannot change before it is written, whatever other processes import
        # meanwhile. A bulk import would otherwise copy its whole WAL into the database inside the commit. Defer
        # that copy (the data is committed and visible either way) to checkpoint(), which the CLI runs at close
        # and the window runs in the background.
        bulk = len(records) > 100 and self.file.path is not None
        if bulk:
            self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            with self.atomic():
                self.file.forget_schema()  # as stored now, under the lock
                stored = self.schema
                new_schema = None
                if schema is not None:
                    wider = stored.with_labels(list(schema.label_names), list(schema.relation_names))
                    new_schema = wider if wider != stored else None
                summary = self._import_locked(records, replace_layers, skip_invalid, source, new_schema or stored,
                                              new_schema, actor, progress, cancel)
            if new_schema is not None:
                self.file.keep_schema(new_schema)
        except BaseException:
            self.file.forget_schema()
            raise
        finally:
            if bulk:
                self.conn.execute("PRAGMA wal_autocheckpoint = 1000")
        if progress:
            total = len(records)
            progress(total * 2, total * 2)
        return summary

    def _import_locked(self, records, replace_layers, skip_invalid, source, schema, new_schema, actor, progress,
                       cancel) -> ImportSummary:
        left_out: set[str] = set()  # documents (by text hash: an id may be another copy's) skipped wholly
        reasons: list[str] = []
        failed: set[int] = set()
        while True:
            kept = [r for r in records if r.document.text_sha256 not in left_out]
            summary, new_docs, new_entities, new_claims, to_write, failures = self._plan(
                kept, replace_layers, schema, progress, cancel)
            if not failures:
                break
            if not skip_invalid:
                raise _combine([err for _, err in failures])
            # A document with a problem is left out wholly: all its layers, also those checked fine before the
            # problem was found (so the plan is made again without it).
            for rec, err in failures:
                left_out.add(rec.document.text_sha256)
                failed.add(id(rec))
                reasons.append(str(err))
        for rec in records:
            if rec.document.text_sha256 in left_out and id(rec) not in failed:
                where = f"{rec.document.source}:{rec.line}" if rec.line else f"document {rec.document.id!r}"
                who = f" ({rec.layer.annotator}'s layer)" if rec.layer is not None else ""
                reasons.append(f"{where}: left out too{who}: another part of document {rec.document.id!r} has a "
                               "problem (a document is imported whole or not at all)")
        summary.skipped.extend(reasons)
        if not kept and reasons:
            raise QawlError("every document had a problem; nothing was imported:\n  " + "\n  ".join(reasons[:20]))
        now = _now()
        if new_schema is not None:
            self.file.set_meta("label_schema", _dumps(new_schema.to_dict()))
        self.claims.write(list(new_claims.values()), now)
        summary.claims_added = len(new_claims)
        self._write_import(new_docs, new_entities, to_write, summary, kept, source, actor, now, len(records),
                           progress, cancel)
        return summary

    def _plan(self, records, replace_layers, schema, progress, cancel):
        """What an import would write, and every record that cannot be imported (with why)."""
        summary = ImportSummary()
        failures: list[tuple[Record, QawlError]] = []
        existing = {r[0]: r[1] for r in self.conn.execute("SELECT id, text_sha256 FROM documents")}
        by_sha: dict[str, str] = {}
        for doc_id, sha in self.conn.execute("SELECT id, text_sha256 FROM documents ORDER BY rowid DESC"):
            by_sha[sha] = doc_id
        registry = self.reads.entities()
        pending = self.reads.suggested_entities()
        registry_by_name = {e.name.casefold(): e for e in registry.values()}
        new_docs: dict[str, Document] = {}
        entity_map: dict[str, str] = {}
        new_entities: dict[str, Entity] = {}
        layers: dict[tuple[str, str], Layer] = {}
        unknown_status: set[tuple[str, str]] = set()  # layers from formats without a status (brat)
        unknown_note: set[tuple[str, str]] = set()  # layers from formats without a note on the document
        claim_registry = self.claims.claims()
        new_claims: dict = {}  # canonical claims the import adds (their ids are ours)
        claim_ids: dict[str, str] = {}  # their claim id -> ours, for the records read so far

        def fail(exc: QawlError, rec: Record) -> None:
            failures.append((rec, exc.located(file=rec.document.source, line=rec.line)))
        layer_records: dict[tuple[str, str], Record] = {}

        total = len(records)
        for n, rec in enumerate(records):
            if cancel and n % 256 == 0 and cancel():
                raise Cancelled()
            if progress and n % 500 == 0:
                progress(n, total * 2)
            doc = rec.document
            try:
                our_id, is_new = self._match_document(doc, existing, by_sha, new_docs)
                # Speakers used by this record: matched onto the registry, or new (decided per record, kept
                # only if the record is accepted).
                rec_map: dict[str, str] = {}
                rec_new: dict[str, Entity] = {}
                for ent in rec.entities:
                    if ent.id in entity_map:
                        continue
                    known = registry.get(ent.id) or new_entities.get(ent.id) or rec_new.get(ent.id)
                    if known is not None and known.name == ent.name:
                        rec_map[ent.id] = ent.id
                        continue
                    same_name = registry_by_name.get(ent.name.casefold())
                    if same_name is not None:
                        rec_map[ent.id] = same_name.id
                        continue
                    new_id_ = ent.id if known is None else f"{ent.id}-{doc.text_sha256[:6]}"
                    rec_new[new_id_] = Entity(new_id_, ent.name, ent.aliases)
                    rec_map[ent.id] = new_id_
                claim_map, rec_claims = self.claims.match_import(rec.claims, claim_registry, new_claims, schema)
                claim_map = {**claim_ids, **claim_map}
                layer = None
                if rec.layer is not None:
                    layer = _rebase_layer(rec.layer, our_id, {**entity_map, **rec_map}, claim_map)
                    for span in layer.spans.values():
                        claim = span.attrs.get("claim") if span.label == "CLAIM" else None
                        if claim and claim not in claim_registry and claim not in new_claims and \
                                claim not in rec_claims:
                            raise QawlError(f"claim {claim!r} is not in the file's \"claims\" nor in the project",
                                            field=f"spans[{span.id}].attrs.claim")
                    layer.check_against(doc.text)
                    schema.check_layer(layer)
                    for span in layer.spans.values():
                        if span.entity and span.entity not in registry and span.entity not in new_entities \
                                and span.entity not in rec_new and span.entity not in pending:
                            raise QawlError(f"speaker {span.entity!r} (of the {span.label} {span.text!r} at "
                                            f"{span.start}..{span.end}) is not among the speakers the file carries "
                                            "nor in the project; export it with its speakers, or import the "
                                            "speakers first", field="attrs.entity")
                    if (layer.doc_id, layer.annotator) in layers:
                        raise QawlError(f"a second layer of annotator {layer.annotator!r} for document "
                                        f"{layer.doc_id!r} in the same import", field="annotator")
            except QawlError as exc:
                fail(exc, rec)
                continue
            if our_id != doc.id:
                summary.remapped_ids[doc.id] = our_id
            if is_new:
                new_docs[doc.id] = doc
                by_sha.setdefault(doc.text_sha256, doc.id)
            entity_map.update(rec_map)
            new_entities.update(rec_new)
            claim_ids.update(claim_map)
            new_claims.update(rec_claims)
            registry_by_name.update({e.name.casefold(): e for e in rec_new.values()})
            if layer is not None:
                layers[(layer.doc_id, layer.annotator)] = layer
                layer_records[(layer.doc_id, layer.annotator)] = rec
                if not rec.status_known:
                    unknown_status.add((layer.doc_id, layer.annotator))
                if not rec.note_known:
                    unknown_note.add((layer.doc_id, layer.annotator))
        if failures:
            return summary, new_docs, new_entities, new_claims, [], failures

        # Existing layers: identical -> unchanged; different -> error unless replacing.
        to_write: list[Layer] = []
        for key, layer in layers.items():
            if layer.doc_id in existing:
                row = self.conn.execute("SELECT 1 FROM layers WHERE doc_id = ? AND annotator = ?", key).fetchone()
                if row is not None:
                    current = self.reads.layer(*key)
                    # The same annotations after a trip through another tool (new ids, provenance) are unchanged.
                    difference = _layer_difference(current, layer, status=key not in unknown_status,
                                                   note=key not in unknown_note)
                    if difference is None:
                        summary.layers_unchanged += 1
                        continue
                    if not current.empty and not replace_layers:
                        fail(QawlError(
                            f"{layer.annotator}'s layer of {layer.doc_id!r} already has different annotations "
                            f"({difference}); import with --replace to overwrite it", field="annotator"),
                            layer_records[key])
                        continue
                    summary.layers_replaced += 1
                    if key in unknown_note:  # the file had no place for it: the note stays as it was
                        layer.note, layer.discuss = current.note, current.discuss
                    to_write.append(layer)
                    continue
            summary.layers_added += 1
            to_write.append(layer)
        return summary, new_docs, new_entities, new_claims, to_write, failures

    def _write_import(self, new_docs, new_entities, to_write, summary, records, source, actor, now, total,
                      progress, cancel) -> None:
        with self.atomic():
            if new_docs:
                self.conn.executemany(
                    "INSERT INTO documents (id, title, text, text_sha256, chars, direction, meta, normalisation, "
                    "source, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(d.id, d.title, d.text, d.text_sha256, len(d.text), d.direction, _dumps(d.meta),
                      _dumps(d.normalisation.to_dict()), d.source or source, now) for d in new_docs.values()])
            summary.documents_added = len(new_docs)
            # The full-text index takes the new documents in this same transaction (see app.store.search).
            sync_search(self.conn)
            summary.documents_existing = len({r.document.id for r in records}) - len(new_docs)
            # Speakers only suggestions name wait in suggested_entities, as after `qawl suggest`.
            confirmed = {e for layer in to_write if layer.annotator != SUGGESTIONS for e in layer.entity_ids()}
            proposed = {e: layer.doc_id for layer in to_write if layer.annotator == SUGGESTIONS
                        for e in layer.entity_ids()}
            registry_rows = [e for e in new_entities.values() if e.id in confirmed or e.id not in proposed]
            if registry_rows:
                self.conn.executemany(
                    "INSERT INTO entities (id, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?)",
                    [(e.id, e.name, _dumps(list(e.aliases)), now, now) for e in registry_rows])
            self.conn.executemany(
                "INSERT OR IGNORE INTO suggested_entities (id, doc_id, name, aliases, created) VALUES (?, ?, ?, ?, ?)",
                [(e.id, proposed[e.id], e.name, _dumps(list(e.aliases)), now) for e in new_entities.values()
                 if e.id not in confirmed and e.id in proposed])
            summary.entities_added = len(registry_rows)
            annotators = {layer.annotator for layer in to_write}
            self.conn.executemany("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)",
                                     [(a, now) for a in annotators])
            keys = [(layer.doc_id, layer.annotator) for layer in to_write]
            # Replaced layers go first (their spans and relations follow by ON DELETE CASCADE).
            self.conn.executemany("DELETE FROM layers WHERE doc_id = ? AND annotator = ?", keys)
            self.conn.executemany("INSERT INTO layers (doc_id, annotator, status, updated, note, discuss) "
                                  "VALUES (?, ?, ?, ?, ?, ?)",
                                  [(*key, layer.status, now, layer.note, int(layer.discuss))
                                   for key, layer in zip(keys, to_write)])
            span_rows, rel_rows = [], []
            for i, (key, layer) in enumerate(zip(keys, to_write)):
                if cancel and i % 256 == 0 and cancel():
                    raise Cancelled()
                if progress and i % 500 == 0:
                    progress(total + i * total // max(1, len(to_write)), total * 2)
                for s in layer.spans.values():
                    span_rows.append((*key, s.id, s.label, s.start, s.end, s.text, _dumps(s.attrs), s.origin,
                                      _dumps(s.provenance), s.created or now, s.updated or s.created or now))
                for r in layer.relations.values():
                    rel_rows.append((*key, r.id, r.type, r.head, r.tail, r.origin, _dumps(r.provenance),
                                     r.created or now))
            self.conn.executemany(
                "INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", span_rows)
            self.conn.executemany(
                "INSERT INTO relations (doc_id, annotator, id, type, head, tail, origin, provenance, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rel_rows)
            summary.spans, summary.relations = len(span_rows), len(rel_rows)
            if new_docs or to_write or new_entities or summary.claims_added:
                self.target.record_event("import", f"Import: {summary.describe()}",
                                  {"source": source, "documents": summary.documents_added,
                                   "layers": [list(k) for k in ((l.doc_id, l.annotator) for l in to_write)][:1000],
                                   "spans": summary.spans, "relations": summary.relations,
                                   "entities": summary.entities_added}, actor=actor)

    @staticmethod
    def _match_document(doc: Document, existing: dict[str, str], by_sha: dict[str, str],
                        new_docs: dict[str, Document]) -> tuple[str, bool]:
        """Our id for an incoming document and whether it is new; a text that differs from ours is an error."""
        if doc.id in existing:
            if existing[doc.id] != doc.text_sha256:
                raise QawlError(f"document {doc.id!r} is already in the project with a different text (same id, "
                                "different content); it is never merged", field="doc_id")
            return doc.id, False
        if doc.id in new_docs:
            if new_docs[doc.id].text_sha256 != doc.text_sha256:
                raise QawlError(f"document id {doc.id!r} appears twice with different texts", field="doc_id")
            return doc.id, False
        if doc.text_sha256 in by_sha:
            return by_sha[doc.text_sha256], False
        return doc.id, True

    # --- suggestions ----------------------------------------------------------------------------------------------

    def put_suggestions(self, doc_id: str, layer: Layer, entities: Iterable[Entity] = ()) -> tuple[int, int]:
        """Replace the undecided suggestions of a document with a new run's, in one transaction.

        Suggestions someone has already accepted or rejected (``provenance.decisions``) are kept as they are, and
        a new suggestion with the same id or the same label and range as a decided one is dropped, so re-running
        never brings back what an annotator has dealt with. New speakers go to ``suggested_entities`` (they join
        the registry only when accepted). Returns (spans kept, spans added).
        """
        text = self.reads.text(doc_id)
        current = self.reads.layer(doc_id, SUGGESTIONS)
        decided = {k: s for k, s in current.spans.items() if s.provenance.get("decisions")}
        decided_keys = {(s.label, s.start, s.end) for s in decided.values()}
        fresh = [s for s in layer.spans.values() if s.id not in decided and (s.label, s.start, s.end)
                 not in decided_keys]
        keep_rels = [r for r in current.relations.values() if r.head in decided and r.tail in decided]
        ids = set(decided) | {s.id for s in fresh}
        seen = {r.id for r in keep_rels}
        new_rels = [r for r in layer.relations.values() if r.head in ids and r.tail in ids and r.id not in seen]
        merged = Layer(doc_id, SUGGESTIONS, Status.TODO.value, [*decided.values(), *fresh], [*keep_rels, *new_rels])
        merged.check_against(text)
        self.schema.check_layer(merged)
        now = _now()
        with self.atomic():
            self.target.ensure_layer(doc_id, SUGGESTIONS)
            self.conn.execute("DELETE FROM relations WHERE doc_id = ? AND annotator = ?", [doc_id, SUGGESTIONS])
            self.conn.execute("DELETE FROM spans WHERE doc_id = ? AND annotator = ?", [doc_id, SUGGESTIONS])
            self.conn.executemany(
                "INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, SUGGESTIONS, s.id, s.label, s.start, s.end, s.text, _dumps(s.attrs), s.origin,
                  _dumps(s.provenance), s.created or now, s.updated or now) for s in merged.spans.values()])
            self.conn.executemany(
                "INSERT INTO relations (doc_id, annotator, id, type, head, tail, origin, provenance, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, SUGGESTIONS, r.id, r.type, r.head, r.tail, r.origin, _dumps(r.provenance),
                  r.created or now) for r in merged.relations.values()])
            self.conn.executemany(
                "INSERT INTO suggested_entities (id, doc_id, name, aliases, created) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases",
                [(e.id, doc_id, e.name, _dumps(list(e.aliases)), now) for e in entities])
        return len(decided), len(fresh)
