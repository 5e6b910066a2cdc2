"""The in-memory :class:`~app.core.changes.Target`: what a change does to layers and registries held in memory,
with the store's own preconditions (a stale change raises :class:`~app.core.errors.ConflictError`)."""

from __future__ import annotations

from typing import Iterable

from .errors import ConflictError
from .model import CanonicalClaim, Entity, Layer


class Workspace:
    """An in-memory :class:`Target`: layers by (doc_id, annotator) plus the speaker and claim registries.

    Used by the UI session as its cache of the open document and by tests as the reference behaviour
    the store must match. Preconditions are checked exactly as the store checks them.
    """

    def __init__(self, layers: Iterable[Layer] = (), entities: Iterable[Entity] = (),
                 claims: Iterable[CanonicalClaim] = ()) -> None:
        self.layers: dict[tuple[str, str], Layer] = {(l.doc_id, l.annotator): l for l in layers}
        self.entities: dict[str, Entity] = {e.id: e for e in entities}
        self.claims: dict[str, CanonicalClaim] = {c.id: c for c in claims}

    def layer(self, doc_id: str, annotator: str) -> Layer:
        key = (doc_id, annotator)
        if key not in self.layers:
            self.layers[key] = Layer(doc_id, annotator)
        return self.layers[key]

    def insert_span(self, doc_id, annotator, span):
        layer = self.layer(doc_id, annotator)
        if span.id in layer.spans:
            raise ConflictError(f"span {span.id!r} already exists")
        layer.add_span(span)

    def delete_span(self, doc_id, annotator, span):
        layer = self.layer(doc_id, annotator)
        if layer.spans.get(span.id) != span:
            raise ConflictError(f"span {span.id!r} is not as expected (changed elsewhere?)")
        if layer.relations_of(span.id):
            raise ConflictError(f"span {span.id!r} still has relations")
        layer.remove_span(span.id)

    def update_span(self, doc_id, annotator, before, after):
        layer = self.layer(doc_id, annotator)
        if layer.spans.get(before.id) != before:
            raise ConflictError(f"span {before.id!r} is not as expected (changed elsewhere?)")
        layer.replace_span(after)

    def insert_relation(self, doc_id, annotator, rel):
        layer = self.layer(doc_id, annotator)
        if rel.id in layer.relations:
            raise ConflictError(f"relation {rel.id!r} already exists")
        layer.add_relation(rel)

    def delete_relation(self, doc_id, annotator, rel):
        layer = self.layer(doc_id, annotator)
        if layer.relations.get(rel.id) != rel:
            raise ConflictError(f"relation {rel.id!r} is not as expected (changed elsewhere?)")
        layer.remove_relation(rel.id)

    def insert_entity(self, entity):
        _insert(self.entities, "speaker", entity)

    def delete_entity(self, entity):
        _delete(self.entities, "speaker", entity)

    def update_entity(self, before, after):
        _update(self.entities, "speaker", before, after)

    def insert_claim(self, claim):
        _insert(self.claims, "claim", claim)

    def delete_claim(self, claim):
        _delete(self.claims, "claim", claim)

    def update_claim(self, before, after):
        _update(self.claims, "claim", before, after)

    def set_status(self, doc_id, annotator, before, after):
        layer = self.layer(doc_id, annotator)
        if layer.status != before:
            raise ConflictError(f"status is {layer.status!r}, not {before!r}")
        layer.status = after

    def set_layer_note(self, doc_id, annotator, before, after):
        layer = self.layer(doc_id, annotator)
        if (layer.note, layer.discuss) != tuple(before):
            raise ConflictError("the document's note is not as expected (changed elsewhere?)")
        layer.note, layer.discuss = after


# One registry (speakers or canonical claims) by id, with the store's preconditions: ``kind`` names it in the error.

def _insert(registry: dict, kind: str, item) -> None:
    if item.id in registry:
        raise ConflictError(f"{kind} {item.id!r} already exists")
    registry[item.id] = item


def _delete(registry: dict, kind: str, item) -> None:
    if registry.get(item.id) != item:
        raise ConflictError(f"{kind} {item.id!r} is not as expected (changed elsewhere?)")
    del registry[item.id]


def _update(registry: dict, kind: str, before, after) -> None:
    if registry.get(before.id) != before:
        raise ConflictError(f"{kind} {before.id!r} is not as expected (changed elsewhere?)")
    registry[after.id] = after
