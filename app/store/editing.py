"""Edits: the store as the :class:`~app.core.changes.Target` of changes. ``apply`` runs one change in one
transaction with its history row; each target method checks its precondition (the span being removed is exactly
the stored one, the label is in the schema, the span text matches the document) so a stale or invalid change
raises and changes nothing."""

from __future__ import annotations

import sqlite3


from ..core.changes import Change
from ..core.errors import ConflictError, QawlError
from ..core.model import CanonicalClaim, Entity, Relation, Span, Status
from .rows import (dumps as _dumps, now_utc as _now,
                   relation_of_row as _relation, same_relation as _same_relation, same_span as _same_span, span_of_row as _span)
from .claims import ClaimRegistry
from .file import Part, ProjectFile
from .notes import Notes
from .reads import Reads


class ChangeTarget(Part):
    """The :class:`~app.core.changes.Target` of changes on the project file: every edit checked, then written in
    one transaction with its history row. Reads its preconditions through ``reads``; the claim registry's own
    rows and checks are ``claims``'; the annotator's note on a document is read through ``notes``."""

    def __init__(self, file: ProjectFile, reads: Reads, claims: ClaimRegistry, notes: Notes) -> None:
        super().__init__(file)
        self.reads = reads
        self.claims = claims
        self.notes = notes

    def apply(self, change: Change, *, actor: str | None = None, reverts: int | None = None) -> int:
        """Apply one change in one transaction and record it in the history; returns its sequence number.

        Nothing is changed if any precondition fails (ConflictError) or the change breaks the schema (QawlError).
        """
        with self.atomic():
            change.apply(self)
            cur = self.conn.execute(
                "INSERT INTO changes (at, actor, doc_id, annotator, kind, description, change, reverts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [_now(), actor, change.doc_id, change.annotator, change.kind, change.describe(),
                 _dumps(change.to_dict()), reverts])
            return cur.lastrowid

    def ensure_layer(self, doc_id: str, annotator: str) -> None:
        now = _now()
        self.conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [annotator, now])
        self.conn.execute("INSERT OR IGNORE INTO layers (doc_id, annotator, status, updated) VALUES (?, ?, 'todo', ?)",
                        [doc_id, annotator, now])

    def _touch(self, doc_id: str, annotator: str) -> None:
        self.conn.execute("UPDATE layers SET updated = ? WHERE doc_id = ? AND annotator = ?",
                        [_now(), doc_id, annotator])

    def _stored_span(self, doc_id: str, annotator: str, span_id: str) -> Span | None:
        row = self.conn.execute(
            "SELECT id, label, start, \"end\", text, attrs, origin, provenance, created, updated FROM spans "
            "WHERE doc_id = ? AND annotator = ? AND id = ?", [doc_id, annotator, span_id]).fetchone()
        return _span(row) if row else None

    def _check_span(self, doc_id: str, span: Span) -> None:
        span.check_against(self.reads.text(doc_id))
        self.schema.check_span(span)
        self.claims.check_link(span)

    def insert_span(self, doc_id: str, annotator: str, span: Span) -> None:
        self._check_span(doc_id, span)
        self.ensure_layer(doc_id, annotator)
        now = _now()
        try:
            self.conn.execute(
                "INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, annotator, span.id, span.label, span.start, span.end, span.text, _dumps(span.attrs),
                 span.origin, _dumps(span.provenance), span.created or now, span.updated or span.created or now])
        except sqlite3.IntegrityError:
            raise ConflictError(f"span {span.id!r} already exists in {annotator}'s layer of {doc_id}") from None
        self._touch(doc_id, annotator)

    def delete_span(self, doc_id: str, annotator: str, span: Span) -> None:
        stored = self._stored_span(doc_id, annotator, span.id)
        if stored is None or not _same_span(stored, span):
            raise ConflictError(f"span {span.id!r} is not as expected in {annotator}'s layer of {doc_id} "
                                "(changed elsewhere?)")
        n = self.conn.execute("SELECT count(*) FROM relations WHERE doc_id = ? AND annotator = ? AND "
                            "(head = ?3 OR tail = ?3)", [doc_id, annotator, span.id]).fetchone()[0]
        if n:
            raise ConflictError(f"span {span.id!r} still has {n} relation(s); remove them in the same change")
        self.conn.execute("DELETE FROM spans WHERE doc_id = ? AND annotator = ? AND id = ?",
                        [doc_id, annotator, span.id])
        self._touch(doc_id, annotator)

    def update_span(self, doc_id: str, annotator: str, before: Span, after: Span) -> None:
        stored = self._stored_span(doc_id, annotator, before.id)
        if stored is None or not _same_span(stored, before):
            raise ConflictError(f"span {before.id!r} is not as expected in {annotator}'s layer of {doc_id} "
                                "(changed elsewhere?)")
        self._check_span(doc_id, after)
        self.conn.execute(
            "UPDATE spans SET label = ?, start = ?, \"end\" = ?, text = ?, attrs = ?, origin = ?, provenance = ?, "
            "updated = ? WHERE doc_id = ? AND annotator = ? AND id = ?",
            [after.label, after.start, after.end, after.text, _dumps(after.attrs), after.origin,
             _dumps(after.provenance), after.updated or _now(), doc_id, annotator, after.id])
        # Relations must still fit the schema after a relabel.
        for rel in self._relations_of(doc_id, annotator, after.id):
            self._check_relation(doc_id, annotator, rel)
        self._touch(doc_id, annotator)

    def _relations_of(self, doc_id: str, annotator: str, span_id: str) -> list[Relation]:
        return [_relation(r) for r in self.conn.execute(
            "SELECT id, type, head, tail, origin, provenance, created FROM relations WHERE doc_id = ? AND "
            "annotator = ? AND (head = ?3 OR tail = ?3)", [doc_id, annotator, span_id])]

    def _check_relation(self, doc_id: str, annotator: str, rel: Relation) -> None:
        head = self._stored_span(doc_id, annotator, rel.head)
        tail = self._stored_span(doc_id, annotator, rel.tail)
        if head is None or tail is None:
            missing = rel.head if head is None else rel.tail
            raise ConflictError(f"relation {rel.id!r} refers to span {missing!r}, which is not in "
                                f"{annotator}'s layer of {doc_id}")
        self.schema.check_relation(rel, head, tail)

    def insert_relation(self, doc_id: str, annotator: str, rel: Relation) -> None:
        self._check_relation(doc_id, annotator, rel)
        try:
            self.conn.execute(
                "INSERT INTO relations (doc_id, annotator, id, type, head, tail, origin, provenance, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, annotator, rel.id, rel.type, rel.head, rel.tail, rel.origin, _dumps(rel.provenance),
                 rel.created or _now()])
        except sqlite3.IntegrityError:
            raise ConflictError(f"relation {rel.id!r} already exists in {annotator}'s layer of {doc_id}") from None
        self._touch(doc_id, annotator)

    def delete_relation(self, doc_id: str, annotator: str, rel: Relation) -> None:
        row = self.conn.execute("SELECT id, type, head, tail, origin, provenance, created FROM relations "
                              "WHERE doc_id = ? AND annotator = ? AND id = ?", [doc_id, annotator, rel.id]).fetchone()
        if row is None or not _same_relation(_relation(row), rel):
            raise ConflictError(f"relation {rel.id!r} is not as expected in {annotator}'s layer of {doc_id}")
        self.conn.execute("DELETE FROM relations WHERE doc_id = ? AND annotator = ? AND id = ?",
                        [doc_id, annotator, rel.id])
        self._touch(doc_id, annotator)

    def insert_entity(self, entity: Entity) -> None:
        now = _now()
        try:
            self.conn.execute("INSERT INTO entities (id, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?)",
                            [entity.id, entity.name, _dumps(list(entity.aliases)), now, now])
        except sqlite3.IntegrityError:
            raise ConflictError(f"speaker {entity.id!r} already exists") from None

    def delete_entity(self, entity: Entity) -> None:
        if self.reads.entity(entity.id) != entity:
            raise ConflictError(f"speaker {entity.id!r} is not as expected (changed elsewhere?)")
        used = self.reads.mention_counts().get(entity.id, 0)
        if used:
            raise ConflictError(f"speaker {entity.name!r} is still used by {used} mention(s); merge it instead")
        self.conn.execute("DELETE FROM entities WHERE id = ?", [entity.id])

    def update_entity(self, before: Entity, after: Entity) -> None:
        if self.reads.entity(before.id) != before:
            raise ConflictError(f"speaker {before.id!r} is not as expected (changed elsewhere?)")
        self.conn.execute("UPDATE entities SET name = ?, aliases = ?, updated = ? WHERE id = ?",
                        [after.name, _dumps(list(after.aliases)), _now(), after.id])

    def set_status(self, doc_id: str, annotator: str, before: str, after: str) -> None:
        current = self.reads.status(doc_id, annotator)
        if current != before:
            raise ConflictError(f"{annotator}'s status of {doc_id} is {current!r}, not {before!r}")
        if after not in (s.value for s in Status):
            raise QawlError(f"unknown status {after!r}", field="status")
        self.ensure_layer(doc_id, annotator)
        self.conn.execute("UPDATE layers SET status = ?, updated = ? WHERE doc_id = ? AND annotator = ?",
                        [after, _now(), doc_id, annotator])

    def record_event(self, kind: str, description: str, payload: dict, *, actor: str | None = None,
                     doc_id: str | None = None) -> None:
        """A history entry that is not an undoable edit (an import, a bulk suggestion run)."""
        self.conn.execute("INSERT INTO changes (at, actor, doc_id, annotator, kind, description, change) "
                        "VALUES (?, ?, ?, NULL, ?, ?, ?)", [_now(), actor, doc_id, kind, description,
                                                             _dumps(payload)])

    # --- the claim registry's changes: its rows are the registry's -------------------------------------------------

    def insert_claim(self, claim: CanonicalClaim) -> None:
        self.claims.insert_claim(claim)

    def delete_claim(self, claim: CanonicalClaim) -> None:
        self.claims.delete_claim(claim)

    def update_claim(self, before: CanonicalClaim, after: CanonicalClaim) -> None:
        self.claims.update_claim(before, after)

    def set_layer_note(self, doc_id: str, annotator: str, before: tuple[str, bool], after: tuple[str, bool]) -> None:
        current = self.notes.layer_note(doc_id, annotator)
        if current != tuple(before):
            raise ConflictError(f"{annotator}'s note on {doc_id} is not as expected (changed elsewhere?)")
        self.reads.text(doc_id)  # the document must exist
        self.ensure_layer(doc_id, annotator)
        self.conn.execute("UPDATE layers SET note = ?, discuss = ?, updated = ? WHERE doc_id = ? AND annotator = ?",
                          [after[0], int(after[1]), _now(), doc_id, annotator])

    # --- the one edit that is not a change: how a document is shown ------------------------------------------------

    def set_direction(self, doc_id: str, direction: str) -> None:
        """Override the detected direction of a document (display only; offsets never change)."""
        if direction not in ("rtl", "ltr"):
            raise QawlError(f"must be rtl or ltr, got {direction!r}", field="direction")
        with self.atomic():
            self.conn.execute("UPDATE documents SET direction = ? WHERE id = ?", [direction, doc_id])

