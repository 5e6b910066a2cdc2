"""Invertible changes: the unit of undo and of persistence.

Every edit a person makes is one :class:`Change` value. Applying it to a target (the SQLite store, or the in-memory
:class:`~app.core.workspace.Workspace`) does the edit; ``change.inverse()`` is another change that undoes it exactly.
The UI's undo stack holds changes, the store records every applied change in its history table, and review reads
that history.

A target implements the small :class:`Target` protocol; the store checks each precondition (the span being removed
is exactly the stored one, ...) so a stale change raises :class:`~app.core.errors.ConflictError` and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Iterable, Protocol

from .errors import QawlError
from .model import (CanonicalClaim, Entity, Layer, Relation, Span, claim_from_dict, claim_to_dict,
                    entity_from_dict, entity_to_dict, relation_from_dict, relation_to_dict, span_from_dict,
                    span_to_dict)
from .notes import with_note


class Target(Protocol):
    def insert_span(self, doc_id: str, annotator: str, span: Span) -> None: ...
    def delete_span(self, doc_id: str, annotator: str, span: Span) -> None: ...
    def update_span(self, doc_id: str, annotator: str, before: Span, after: Span) -> None: ...
    def insert_relation(self, doc_id: str, annotator: str, rel: Relation) -> None: ...
    def delete_relation(self, doc_id: str, annotator: str, rel: Relation) -> None: ...
    def insert_entity(self, entity: Entity) -> None: ...
    def delete_entity(self, entity: Entity) -> None: ...
    def update_entity(self, before: Entity, after: Entity) -> None: ...
    def insert_claim(self, claim: CanonicalClaim) -> None: ...
    def delete_claim(self, claim: CanonicalClaim) -> None: ...
    def update_claim(self, before: CanonicalClaim, after: CanonicalClaim) -> None: ...
    def set_status(self, doc_id: str, annotator: str, before: str, after: str) -> None: ...
    def set_layer_note(self, doc_id: str, annotator: str, before: tuple[str, bool],
                       after: tuple[str, bool]) -> None: ...


_KINDS: dict[str, type["Change"]] = {}


class Change:
    """Base of all changes. Subclasses are frozen dataclasses registered by ``kind``."""

    kind: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            _KINDS[cls.kind] = cls

    def apply(self, target: Target) -> None:
        raise NotImplementedError

    def inverse(self) -> "Change":
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def to_dict(self) -> dict:
        raise NotImplementedError

    @property
    def doc_id(self) -> str | None:
        return None

    @property
    def annotator(self) -> str | None:
        return None

    def flat(self) -> list["Change"]:
        """The leaf changes in order (a batch is flattened)."""
        return [self]

    @staticmethod
    def from_dict(data: dict) -> "Change":
        cls = _KINDS.get(data.get("kind", ""))
        if cls is None:
            raise QawlError(f"unknown change kind {data.get('kind')!r}", field="kind")
        return cls._from_dict(data)  # type: ignore[attr-defined]


def _short(text: str, n: int = 30) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass(frozen=True)
class _LayerChange(Change):
    doc: str
    who: str

    @property
    def doc_id(self) -> str:
        return self.doc

    @property
    def annotator(self) -> str:
        return self.who


@dataclass(frozen=True)
class AddSpan(_LayerChange):
    """Add a span (and, optionally, relations that touch it)."""

    kind: ClassVar[str] = "add_span"
    span: Span
    relations: tuple[Relation, ...] = ()

    def apply(self, target: Target) -> None:
        target.insert_span(self.doc, self.who, self.span)
        for rel in self.relations:
            target.insert_relation(self.doc, self.who, rel)

    def inverse(self) -> Change:
        return RemoveSpan(self.doc, self.who, self.span, self.relations)

    def describe(self) -> str:
        return f"Add {self.span.label} “{_short(self.span.text)}”"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who, "span": span_to_dict(self.span),
                "relations": [relation_to_dict(r) for r in self.relations]}

    @classmethod
    def _from_dict(cls, d: dict) -> "AddSpan":
        return cls(d["doc_id"], d["annotator"], span_from_dict(d["span"]),
                   tuple(relation_from_dict(r) for r in d.get("relations", ())))


@dataclass(frozen=True)
class RemoveSpan(_LayerChange):
    """Remove a span together with every relation that touches it (all of them must be listed)."""

    kind: ClassVar[str] = "remove_span"
    span: Span
    relations: tuple[Relation, ...] = ()

    def apply(self, target: Target) -> None:
        for rel in self.relations:
            target.delete_relation(self.doc, self.who, rel)
        target.delete_span(self.doc, self.who, self.span)

    def inverse(self) -> Change:
        return AddSpan(self.doc, self.who, self.span, self.relations)

    def describe(self) -> str:
        return f"Remove {self.span.label} “{_short(self.span.text)}”"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who, "span": span_to_dict(self.span),
                "relations": [relation_to_dict(r) for r in self.relations]}

    @classmethod
    def _from_dict(cls, d: dict) -> "RemoveSpan":
        return cls(d["doc_id"], d["annotator"], span_from_dict(d["span"]),
                   tuple(relation_from_dict(r) for r in d.get("relations", ())))


@dataclass(frozen=True)
class UpdateSpan(_LayerChange):
    """Change a span's range, label, attributes or origin (same id)."""

    kind: ClassVar[str] = "update_span"
    before: Span
    after: Span

    def __post_init__(self) -> None:
        if self.before.id != self.after.id:
            raise QawlError("an update cannot change a span's id", field="after.id")

    def apply(self, target: Target) -> None:
        target.update_span(self.doc, self.who, self.before, self.after)

    def inverse(self) -> Change:
        return UpdateSpan(self.doc, self.who, self.after, self.before)

    def describe(self) -> str:
        b, a = self.before, self.after
        if (b.start, b.end) != (a.start, a.end):
            return f"Resize {a.label} to “{_short(a.text)}”"
        if b.label != a.label:
            return f"Relabel {b.label} → {a.label}"
        changed = sorted(k for k in set(b.attrs) | set(a.attrs) if b.attrs.get(k) != a.attrs.get(k))
        if changed and set(changed) <= {"note", "discuss"}:
            return f"Note on {a.label} “{_short(a.text)}”"
        if changed:
            return f"Set {a.label} {', '.join(changed)}"
        return f"Edit {a.label}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who,
                "before": span_to_dict(self.before), "after": span_to_dict(self.after)}

    @classmethod
    def _from_dict(cls, d: dict) -> "UpdateSpan":
        return cls(d["doc_id"], d["annotator"], span_from_dict(d["before"]), span_from_dict(d["after"]))


@dataclass(frozen=True)
class AddRelation(_LayerChange):
    kind: ClassVar[str] = "add_relation"
    relation: Relation

    def apply(self, target: Target) -> None:
        target.insert_relation(self.doc, self.who, self.relation)

    def inverse(self) -> Change:
        return RemoveRelation(self.doc, self.who, self.relation)

    def describe(self) -> str:
        return f"Link {self.relation.type}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who,
                "relation": relation_to_dict(self.relation)}

    @classmethod
    def _from_dict(cls, d: dict) -> "AddRelation":
        return cls(d["doc_id"], d["annotator"], relation_from_dict(d["relation"]))


@dataclass(frozen=True)
class RemoveRelation(_LayerChange):
    kind: ClassVar[str] = "remove_relation"
    relation: Relation

    def apply(self, target: Target) -> None:
        target.delete_relation(self.doc, self.who, self.relation)

    def inverse(self) -> Change:
        return AddRelation(self.doc, self.who, self.relation)

    def describe(self) -> str:
        return f"Unlink {self.relation.type}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who,
                "relation": relation_to_dict(self.relation)}

    @classmethod
    def _from_dict(cls, d: dict) -> "RemoveRelation":
        return cls(d["doc_id"], d["annotator"], relation_from_dict(d["relation"]))


@dataclass(frozen=True)
class SetStatus(_LayerChange):
    kind: ClassVar[str] = "set_status"
    before: str
    after: str

    def apply(self, target: Target) -> None:
        target.set_status(self.doc, self.who, self.before, self.after)

    def inverse(self) -> Change:
        return SetStatus(self.doc, self.who, self.after, self.before)

    def describe(self) -> str:
        return f"Mark {self.after.replace('_', ' ')}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who, "before": self.before,
                "after": self.after}

    @classmethod
    def _from_dict(cls, d: dict) -> "SetStatus":
        return cls(d["doc_id"], d["annotator"], d["before"], d["after"])


@dataclass(frozen=True)
class SetLayerNote(_LayerChange):
    """Set the annotator's note on a document and its "needs discussion" flag: (text, flag) before and after."""

    kind: ClassVar[str] = "set_layer_note"
    before: tuple[str, bool]
    after: tuple[str, bool]

    def __post_init__(self) -> None:
        for name in ("before", "after"):
            value = getattr(self, name)
            if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)
                    and isinstance(value[1], bool)):
                raise QawlError(f"must be (note text, needs discussion), got {value!r}", field=name)

    def apply(self, target: Target) -> None:
        target.set_layer_note(self.doc, self.who, self.before, self.after)

    def inverse(self) -> Change:
        return SetLayerNote(self.doc, self.who, self.after, self.before)

    def describe(self) -> str:
        return "Note on the document"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "doc_id": self.doc, "annotator": self.who,
                "before": {"note": self.before[0], "discuss": self.before[1]},
                "after": {"note": self.after[0], "discuss": self.after[1]}}

    @classmethod
    def _from_dict(cls, d: dict) -> "SetLayerNote":
        return cls(d["doc_id"], d["annotator"], (d["before"]["note"], bool(d["before"]["discuss"])),
                   (d["after"]["note"], bool(d["after"]["discuss"])))


@dataclass(frozen=True)
class AddEntity(Change):
    kind: ClassVar[str] = "add_entity"
    entity: Entity

    def apply(self, target: Target) -> None:
        target.insert_entity(self.entity)

    def inverse(self) -> Change:
        return RemoveEntity(self.entity)

    def describe(self) -> str:
        return f"Add speaker {self.entity.name}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "entity": entity_to_dict(self.entity)}

    @classmethod
    def _from_dict(cls, d: dict) -> "AddEntity":
        return cls(entity_from_dict(d["entity"]))


@dataclass(frozen=True)
class RemoveEntity(Change):
    kind: ClassVar[str] = "remove_entity"
    entity: Entity

    def apply(self, target: Target) -> None:
        target.delete_entity(self.entity)

    def inverse(self) -> Change:
        return AddEntity(self.entity)

    def describe(self) -> str:
        return f"Remove speaker {self.entity.name}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "entity": entity_to_dict(self.entity)}

    @classmethod
    def _from_dict(cls, d: dict) -> "RemoveEntity":
        return cls(entity_from_dict(d["entity"]))


@dataclass(frozen=True)
class UpdateEntity(Change):
    kind: ClassVar[str] = "update_entity"
    before: Entity
    after: Entity

    def __post_init__(self) -> None:
        if self.before.id != self.after.id:
            raise QawlError("an update cannot change a speaker's id", field="after.id")

    def apply(self, target: Target) -> None:
        target.update_entity(self.before, self.after)

    def inverse(self) -> Change:
        return UpdateEntity(self.after, self.before)

    def describe(self) -> str:
        if self.before.name != self.after.name:
            return f"Rename speaker {self.before.name} → {self.after.name}"
        return f"Edit speaker {self.after.name}"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "before": entity_to_dict(self.before), "after": entity_to_dict(self.after)}

    @classmethod
    def _from_dict(cls, d: dict) -> "UpdateEntity":
        return cls(entity_from_dict(d["before"]), entity_from_dict(d["after"]))


@dataclass(frozen=True)
class AddClaim(Change):
    """Add a canonical claim to the project's claim registry."""

    kind: ClassVar[str] = "add_claim"
    claim: CanonicalClaim

    def apply(self, target: Target) -> None:
        target.insert_claim(self.claim)

    def inverse(self) -> Change:
        return RemoveClaim(self.claim)

    def describe(self) -> str:
        return f"Add claim “{_short(self.claim.text)}”"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "claim": claim_to_dict(self.claim)}

    @classmethod
    def _from_dict(cls, d: dict) -> "AddClaim":
        return cls(claim_from_dict(d["claim"]))


@dataclass(frozen=True)
class RemoveClaim(Change):
    """Remove a canonical claim no CLAIM span links to any more."""

    kind: ClassVar[str] = "remove_claim"
    claim: CanonicalClaim

    def apply(self, target: Target) -> None:
        target.delete_claim(self.claim)

    def inverse(self) -> Change:
        return AddClaim(self.claim)

    def describe(self) -> str:
        return f"Remove claim “{_short(self.claim.text)}”"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "claim": claim_to_dict(self.claim)}

    @classmethod
    def _from_dict(cls, d: dict) -> "RemoveClaim":
        return cls(claim_from_dict(d["claim"]))


@dataclass(frozen=True)
class UpdateClaim(Change):
    """Change a canonical claim's wording, verdict, fact-check link, note or verdict source (same id)."""

    kind: ClassVar[str] = "update_claim"
    before: CanonicalClaim
    after: CanonicalClaim

    def __post_init__(self) -> None:
        if self.before.id != self.after.id:
            raise QawlError("an update cannot change a claim's id", field="after.id")

    def apply(self, target: Target) -> None:
        target.update_claim(self.before, self.after)

    def inverse(self) -> Change:
        return UpdateClaim(self.after, self.before)

    def describe(self) -> str:
        b, a = self.before, self.after
        if b.verdict != a.verdict:
            return f"Set claim verdict {a.verdict or '(none)'}"
        if b.text != a.text:
            return f"Reword claim “{_short(a.text)}”"
        return f"Edit claim “{_short(a.text)}”"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "before": claim_to_dict(self.before), "after": claim_to_dict(self.after)}

    @classmethod
    def _from_dict(cls, d: dict) -> "UpdateClaim":
        return cls(claim_from_dict(d["before"]), claim_from_dict(d["after"]))


@dataclass(frozen=True)
class Batch(Change):
    """Several changes done and undone as one (a macro): e.g. a quote with its speaker, cue and links."""

    kind: ClassVar[str] = "batch"
    changes: tuple[Change, ...]
    description: str = ""

    def apply(self, target: Target) -> None:
        for change in self.changes:
            change.apply(target)

    def inverse(self) -> Change:
        return Batch(tuple(c.inverse() for c in reversed(self.changes)), self.description)

    def describe(self) -> str:
        return self.description or (self.changes[0].describe() if self.changes else "Nothing")

    @property
    def doc_id(self) -> str | None:
        docs = {c.doc_id for c in self.changes if c.doc_id}
        return docs.pop() if len(docs) == 1 else None

    @property
    def annotator(self) -> str | None:
        who = {c.annotator for c in self.changes if c.annotator}
        return who.pop() if len(who) == 1 else None

    def flat(self) -> list[Change]:
        return [leaf for c in self.changes for leaf in c.flat()]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "description": self.description,
                "changes": [c.to_dict() for c in self.changes]}

    @classmethod
    def _from_dict(cls, d: dict) -> "Batch":
        return cls(tuple(Change.from_dict(c) for c in d["changes"]), d.get("description", ""))


def remove_span(layer: Layer, span_id: str) -> RemoveSpan:
    """The change that removes ``span_id`` from ``layer`` with every relation touching it."""
    span = layer.spans[span_id]
    return RemoveSpan(layer.doc_id, layer.annotator, span, tuple(layer.relations_of(span_id)))


def merge_entities(keep: Entity, gone: Entity, layers: Iterable[Layer]) -> Batch:
    """Merge speaker ``gone`` into ``keep``: every SPEAKER span of ``gone`` (in the given layers) now points at
    ``keep``, ``keep`` gains ``gone``'s names as aliases, and ``gone`` leaves the registry. One undoable change."""
    from dataclasses import replace as _replace

    changes: list[Change] = []
    for layer in layers:
        for span in layer.sorted_spans():
            if span.entity == gone.id:
                after = _replace(span, attrs={**span.attrs, "entity": keep.id})
                changes.append(UpdateSpan(layer.doc_id, layer.annotator, span, after))
    merged = Entity(keep.id, keep.name, (*keep.aliases, *gone.names))
    if merged != keep:
        changes.append(UpdateEntity(keep, merged))
    changes.append(RemoveEntity(gone))
    return Batch(tuple(changes), f"Merge speaker {gone.name} into {keep.name}")


def merge_claims(keep: CanonicalClaim, gone: CanonicalClaim, layers: Iterable[Layer]) -> Batch:
    """Merge canonical claim ``gone`` into ``keep``: every CLAIM span linked to ``gone`` (in the given layers: every
    layer that links to it) now links to ``keep``; ``keep`` takes ``gone``'s verdict, fact-check link and note
    where it has none (with where that verdict came from), and ``gone`` leaves the registry. The spans' own
    verdicts are the annotators' and are left as they are. One undoable change."""
    from dataclasses import replace as _replace

    changes: list[Change] = []
    for layer in layers:
        for span in layer.sorted_spans():
            if span.label == "CLAIM" and span.attrs.get("claim") == gone.id:
                after = _replace(span, attrs={**span.attrs, "claim": keep.id})
                changes.append(UpdateSpan(layer.doc_id, layer.annotator, span, after))
    merged = keep
    if keep.verdict is None and gone.verdict is not None:
        merged = _replace(merged, verdict=gone.verdict, source=gone.source)
    if keep.factcheck is None and gone.factcheck is not None:
        merged = _replace(merged, factcheck=gone.factcheck)
    if not keep.note and gone.note:
        merged = _replace(merged, note=gone.note)
    if merged != keep:
        changes.append(UpdateClaim(keep, merged))
    changes.append(RemoveClaim(gone))
    return Batch(tuple(changes), f"Merge claim “{_short(gone.text)}” into “{_short(keep.text)}”")


def difference(old: Layer, new: Layer, same=None) -> list[Change]:
    """The leaf changes that turn ``old`` into ``new`` (same document and annotator), in an order a target can
    apply: relations that go, spans that go, spans that change, spans that come, relations that come, the status.
    How the window shows what another process changed without reopening the document. ``same(a, b)``: are two
    versions of a span the same for this purpose (default: equal)."""
    same = same or (lambda a, b: a == b)
    doc, who = new.doc_id, new.annotator
    out: list[Change] = []
    for rel in old.relations.values():
        if new.relations.get(rel.id) != rel:
            out.append(RemoveRelation(doc, who, rel))
    for span in old.spans.values():
        if span.id not in new.spans:
            out.append(RemoveSpan(doc, who, span))
    for span in new.spans.values():
        before = old.spans.get(span.id)
        if before is not None and not same(before, span):
            out.append(UpdateSpan(doc, who, before, span))
    out.extend(AddSpan(doc, who, span) for span in new.spans.values() if span.id not in old.spans)
    out.extend(AddRelation(doc, who, rel) for rel in new.relations.values() if old.relations.get(rel.id) != rel)
    if old.status != new.status:
        out.append(SetStatus(doc, who, old.status, new.status))
    return out


def registry_difference(old: dict, new: dict, add=AddEntity, remove=RemoveEntity,
                        update=UpdateEntity) -> list[Change]:
    """The leaf changes that turn a registry ``old`` into ``new`` (speakers by default; the claim registry with
    ``AddClaim, RemoveClaim, UpdateClaim``)."""
    out: list[Change] = [remove(e) for key, e in old.items() if key not in new]
    out.extend(update(old[key], e) for key, e in new.items() if key in old and old[key] != e)
    out.extend(add(e) for key, e in new.items() if key not in old)
    return out


def span_note_change(layer: Layer, span_id: str, text: str | None = None,
                     discuss: bool | None = None) -> UpdateSpan | None:
    """The change that sets a span's note and/or flag in ``layer`` (None when nothing would change)."""
    span = layer.spans[span_id]
    after = with_note(span, text, discuss)
    return None if after == span else UpdateSpan(layer.doc_id, layer.annotator, span, after)


def document_note_change(layer: Layer, text: str | None = None,
                         discuss: bool | None = None) -> SetLayerNote | None:
    """The change that sets the annotator's note on the document and/or its flag (None when nothing changes)."""
    before = (layer.note, layer.discuss)
    after = (before[0] if text is None else text.strip(), before[1] if discuss is None else bool(discuss))
    return None if after == before else SetLayerNote(layer.doc_id, layer.annotator, before, after)
