"""The annotation model: documents, spans, relations, speaker entities and per-annotator layers.

Field names here are the SQLite column names and the JSONL keys (one vocabulary; see README glossary).
Spans are half-open code-point ranges ``[start, end)`` into :attr:`Document.text`.
"""

from __future__ import annotations

import uuid
from dataclasses import InitVar, dataclass, field, replace
from enum import Enum
from typing import Iterable, Iterator, Mapping

import orjson

from .errors import QawlError
from .text.normalise import DIRECTIONS, Normalisation, sha256


class Status(str, Enum):
    """Where an annotator is with a document."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class Origin(str, Enum):
    """How an annotation came to be in a layer."""

    MANUAL = "manual"
    SUGGESTED = "suggested"
    SUGGESTED_EDITED = "suggested-edited"


STATUSES = tuple(s.value for s in Status)
ORIGINS = tuple(o.value for o in Origin)
SUGGESTIONS = "suggestions"  # the reserved annotator name of the suggestion layer
GOLD = "gold"  # the conventional annotator name of the adjudicated layer


def new_id(prefix: str) -> str:
    """A fresh id that is unique across machines (teammates' layers meet in review)."""
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def _check_json_object(value: object, name: str) -> dict:
    if value is None:
        return {}
    if type(value) is not dict:
        if not isinstance(value, Mapping):
            raise QawlError(f"must be an object, got {type(value).__name__}", field=name)
        value = dict(value)
    if value:
        check_storable(value, name)
    return value


def check_storable(value: object, name: str) -> None:
    """Raise unless ``value`` is JSON that the project and every export keep exactly as it is.

    orjson (what the store writes with) refuses what cannot be: nesting deeper than 254 levels, an integer beyond
    64 bits, an unpaired surrogate, a key that is not text. Refused here, with the field, rather than midway
    through a write."""
    try:
        orjson.dumps(value)
    except TypeError as exc:
        msg = str(exc)
        if "Recursion" in msg:
            what = "is nested too deeply (more than 254 levels)"
        elif "64-bit" in msg:
            what = "holds an integer too large to keep exactly (beyond 64 bits); write it as a string"
        elif "surrogate" in msg:
            what = "holds text that is not valid Unicode (an unpaired surrogate)"
        elif "key must be str" in msg:
            what = "has a key that is not text"
        else:
            what = f"cannot be kept as JSON ({msg})"
        raise QawlError(what, field=name) from None


def _check_timestamp(value: object, name: str) -> None:
    if value is not None and not isinstance(value, str):
        raise QawlError(f"must be a timestamp string (ISO 8601) or null, got {_short(value)}", field=name)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@dataclass(frozen=True)
class Document:
    """An article: its (normalised) text and metadata. The text never changes after import."""

    id: str
    text: str
    meta: dict = field(default_factory=dict)
    direction: str = "rtl"
    text_sha256: str = ""
    normalisation: Normalisation = Normalisation()
    source: str | None = None
    # False only when the caller has just computed text_sha256 from this very text (import fast path).
    verify: InitVar[bool] = True

    def __post_init__(self, verify: bool) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise QawlError("a document id must be a non-empty string", field="id")
        if not isinstance(self.text, str) or not self.text:
            raise QawlError("a document needs a non-empty text", field="text")
        if self.direction not in DIRECTIONS:
            raise QawlError(f"must be one of {', '.join(DIRECTIONS)}, got {self.direction!r}", field="direction")
        object.__setattr__(self, "meta", _check_json_object(self.meta, "meta"))
        if not verify and self.text_sha256:
            return
        digest = sha256(self.text)
        if self.text_sha256 and self.text_sha256 != digest:
            raise QawlError("does not match the text (the text was changed or belongs to another document)",
                            field="text_sha256")
        object.__setattr__(self, "text_sha256", digest)

    @property
    def title(self) -> str:
        title = str(self.meta.get("title") or "").strip()
        if title:
            return title
        text = self.text
        start = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
        end = text.find("\n", start)
        first = text[start:end if end != -1 else start + 81].strip()
        return first[:80] + ("…" if len(first) > 80 else "")

    @property
    def date(self) -> str | None:
        """The article date from metadata (``date``), used to resolve relative dates."""
        value = self.meta.get("date")
        return str(value) if value else None


@dataclass(frozen=True)
class Span:
    """A labelled stretch of a document: ``text == document.text[start:end]``."""

    id: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict = field(default_factory=dict)
    origin: str = Origin.MANUAL.value
    provenance: dict = field(default_factory=dict)
    created: str | None = None
    updated: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise QawlError("must be a non-empty string", field="id")
        if not isinstance(self.label, str) or not self.label:
            raise QawlError("must be a non-empty string", field="label")
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise QawlError(f"must be a non-negative integer, got {value!r}", field=name)
        if self.end <= self.start:
            raise QawlError(f"end ({self.end}) must be greater than start ({self.start})", field="end")
        if not isinstance(self.text, str) or len(self.text) != self.end - self.start:
            raise QawlError(f"has {len(self.text) if isinstance(self.text, str) else '?'} characters but the range "
                            f"{self.start}..{self.end} has {self.end - self.start}", field="text")
        if self.origin not in ORIGINS:
            raise QawlError(f"must be one of {', '.join(ORIGINS)}, got {self.origin!r}", field="origin")
        object.__setattr__(self, "attrs", _check_json_object(self.attrs, "attrs"))
        object.__setattr__(self, "provenance", _check_json_object(self.provenance, "provenance"))
        _check_timestamp(self.created, "created")
        _check_timestamp(self.updated, "updated")

    @classmethod
    def of(cls, text: str, label: str, start: int, end: int, *, id: str | None = None, **kwargs) -> "Span":
        """A span of ``text[start:end]``, checking the range against the text."""
        if not (0 <= start < end <= len(text)):
            raise QawlError(f"range {start}..{end} is outside the text (0..{len(text)})", field="start")
        return cls(id=id or new_id("s"), label=label, start=start, end=end, text=text[start:end], **kwargs)

    def check_against(self, text: str) -> None:
        """Raise unless this span's range is inside ``text`` and its text is exactly what is there."""
        if self.end > len(text):
            raise QawlError(f"{self.end} is past the end of the text ({len(text)} characters)", field="end")
        actual = text[self.start:self.end]
        if actual != self.text:
            raise QawlError(f"{self.text!r} does not match the document text at {self.start}..{self.end} "
                            f"({actual!r})", field="text")

    def with_range(self, text: str, start: int, end: int) -> "Span":
        return replace(self, start=start, end=end, text=text[start:end])

    @property
    def entity(self) -> str | None:
        value = self.attrs.get("entity")
        return str(value) if value else None


@dataclass(frozen=True)
class Relation:
    """A typed link between two spans of the same layer: ``head`` and ``tail`` are span ids."""

    id: str
    type: str
    head: str
    tail: str
    origin: str = Origin.MANUAL.value
    provenance: dict = field(default_factory=dict)
    created: str | None = None

    def __post_init__(self) -> None:
        for name in ("id", "type", "head", "tail"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise QawlError(f"must be a non-empty string, got {value!r}", field=name)
        if self.head == self.tail:
            raise QawlError("a relation cannot link a span to itself", field="tail")
        if self.origin not in ORIGINS:
            raise QawlError(f"must be one of {', '.join(ORIGINS)}, got {self.origin!r}", field="origin")
        object.__setattr__(self, "provenance", _check_json_object(self.provenance, "provenance"))
        _check_timestamp(self.created, "created")


@dataclass(frozen=True)
class Entity:
    """A speaker in the project-wide registry: one canonical name and the other names it goes by."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise QawlError("must be a non-empty string", field="id")
        if not isinstance(self.name, str) or not self.name.strip():
            raise QawlError("a speaker needs a name", field="name")
        aliases = self.aliases
        if isinstance(aliases, str) or not isinstance(aliases, (list, tuple)):
            raise QawlError("must be a list of names", field="aliases")
        clean: list[str] = []
        for alias in aliases:
            if not isinstance(alias, str):
                raise QawlError(f"must be a list of names, found {alias!r}", field="aliases")
            alias = alias.strip()
            if alias and alias != self.name and alias not in clean:
                clean.append(alias)
        object.__setattr__(self, "aliases", tuple(clean))

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def matches(self, query: str) -> bool:
        """True when ``query`` occurs in the name or any alias (case-insensitive), as in the speaker picker."""
        q = query.strip().casefold()
        return bool(q) and any(q in n.casefold() for n in self.names)


@dataclass(frozen=True)
class CanonicalClaim:
    """A claim in the project-wide claim registry: one assertion that may be made in many articles. CLAIM spans
    link to it (``attrs.claim``); it holds the claim's normalised wording and what fact-checking found: the verdict,
    the URL of the fact-check, a note, and ``source``, where the verdict came from (the claim span it was taken from,
    or who set it in the registry, and when)."""

    id: str
    text: str
    verdict: str | None = None
    factcheck: str | None = None
    note: str = ""
    source: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise QawlError("must be a non-empty string", field="id")
        if not isinstance(self.text, str) or not self.text.strip():
            raise QawlError("a canonical claim needs its wording", field="text")
        object.__setattr__(self, "text", " ".join(self.text.split()))
        for name in ("verdict", "factcheck"):
            value = getattr(self, name)
            if value == "":
                object.__setattr__(self, name, None)
            elif value is not None and not isinstance(value, str):
                raise QawlError(f"must be a string or null, got {value!r}", field=name)
        if self.note is None:
            object.__setattr__(self, "note", "")
        if not isinstance(self.note, str):
            raise QawlError(f"must be a string, got {self.note!r}", field="note")
        object.__setattr__(self, "source", _check_json_object(self.source, "source"))


class Layer:
    """One annotator's annotations on one document. Keeps spans and relations consistent:
    unique ids, relations only between spans of this layer, removing a span removes its relations."""

    __slots__ = ("doc_id", "annotator", "status", "spans", "relations", "note", "discuss")

    def __init__(self, doc_id: str, annotator: str, status: str = Status.TODO.value,
                 spans: Iterable[Span] = (), relations: Iterable[Relation] = (), note: str = "",
                 discuss: bool = False) -> None:
        if not isinstance(annotator, str) or not annotator.strip():
            raise QawlError("must be a non-empty name", field="annotator")
        if status not in STATUSES:
            raise QawlError(f"must be one of {', '.join(STATUSES)}, got {status!r}", field="status")
        if not isinstance(note, str):
            raise QawlError(f"a note must be text, got {note!r}", field="note")
        if discuss is not True and discuss is not False:
            raise QawlError(f"must be true or false, got {discuss!r}", field="discuss")
        self.doc_id = doc_id
        self.annotator = annotator
        self.status = status
        # The annotator's note on the document and whether it needs discussion (see app.core.notes).
        self.note = note
        self.discuss = discuss
        self.spans: dict[str, Span] = {}
        self.relations: dict[str, Relation] = {}
        for i, span in enumerate(spans):
            try:
                self.add_span(span)
            except QawlError as exc:
                raise exc.located(field_prefix=f"spans[{i}]") from None
        for i, rel in enumerate(relations):
            try:
                self.add_relation(rel)
            except QawlError as exc:
                raise exc.located(field_prefix=f"relations[{i}]") from None

    def __repr__(self) -> str:
        return f"Layer({self.doc_id!r}, {self.annotator!r}, {self.status!r}, {len(self.spans)} spans, " \
               f"{len(self.relations)} relations)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Layer) and (self.doc_id, self.annotator, self.status, self.spans,
                                             self.relations, self.note, self.discuss) == \
            (other.doc_id, other.annotator, other.status, other.spans, other.relations, other.note, other.discuss)

    def copy(self) -> "Layer":
        return Layer(self.doc_id, self.annotator, self.status, self.spans.values(), self.relations.values(),
                     self.note, self.discuss)

    @property
    def empty(self) -> bool:
        return not self.spans and not self.relations and not self.note and not self.discuss

    def sorted_spans(self) -> list[Span]:
        return sorted(self.spans.values(), key=lambda s: (s.start, -s.end, s.label, s.id))

    def add_span(self, span: Span) -> None:
        if span.id in self.spans:
            raise QawlError(f"duplicate span id {span.id!r}", field="id")
        self.spans[span.id] = span

    def replace_span(self, span: Span) -> None:
        if span.id not in self.spans:
            raise QawlError(f"no span {span.id!r} in this layer", field="id")
        self.spans[span.id] = span

    def remove_span(self, span_id: str) -> tuple[Span, list[Relation]]:
        """Remove a span and the relations that touch it; return both (for undo)."""
        span = self.spans.pop(span_id, None)
        if span is None:
            raise QawlError(f"no span {span_id!r} in this layer", field="id")
        attached = self.relations_of(span_id)
        for rel in attached:
            del self.relations[rel.id]
        return span, attached

    def add_relation(self, rel: Relation) -> None:
        if rel.id in self.relations:
            raise QawlError(f"duplicate relation id {rel.id!r}", field="id")
        for end in ("head", "tail"):
            if getattr(rel, end) not in self.spans:
                raise QawlError(f"refers to span {getattr(rel, end)!r}, which is not in this layer", field=end)
        self.relations[rel.id] = rel

    def remove_relation(self, rel_id: str) -> Relation:
        rel = self.relations.pop(rel_id, None)
        if rel is None:
            raise QawlError(f"no relation {rel_id!r} in this layer", field="id")
        return rel

    def relations_of(self, span_id: str) -> list[Relation]:
        return [r for r in self.relations.values() if r.head == span_id or r.tail == span_id]

    def outgoing(self, span_id: str, type: str | None = None) -> list[Relation]:
        return [r for r in self.relations.values() if r.head == span_id and (type is None or r.type == type)]

    def incoming(self, span_id: str, type: str | None = None) -> list[Relation]:
        return [r for r in self.relations.values() if r.tail == span_id and (type is None or r.type == type)]

    def linked(self, span_id: str, type: str) -> list[Span]:
        """Spans this span points to with relations of ``type`` (e.g. a quote's SAID_BY speakers), in text order."""
        out = [self.spans[r.tail] for r in self.outgoing(span_id, type)]
        return sorted(out, key=lambda s: (s.start, s.end))

    def spans_by_label(self, label: str) -> list[Span]:
        return [s for s in self.sorted_spans() if s.label == label]

    def check_against(self, text: str) -> None:
        for i, span in enumerate(self.sorted_spans()):
            try:
                span.check_against(text)
            except QawlError as exc:
                raise exc.located(field_prefix=f"spans[{span.id}]") from None

    def entity_ids(self) -> set[str]:
        return {s.entity for s in self.spans.values() if s.entity}

    def claim_ids(self) -> set[str]:
        """The canonical claims this layer's CLAIM spans link to."""
        return {str(s.attrs["claim"]) for s in self.spans.values() if s.label == "CLAIM" and s.attrs.get("claim")}

    def __iter__(self) -> Iterator[Span]:
        return iter(self.sorted_spans())


# --- plain-dict forms (the JSONL keys) -------------------------------------------------------------------------

def span_to_dict(span: Span) -> dict:
    return {"id": span.id, "label": span.label, "start": span.start, "end": span.end, "text": span.text,
            "attrs": span.attrs, "origin": span.origin, "provenance": span.provenance,
            "created": span.created, "updated": span.updated}


def span_from_dict(data: Mapping) -> Span:
    if not isinstance(data, dict):
        raise QawlError(f"must be an object, got {type(data).__name__}")
    try:
        return Span(id=data["id"], label=data["label"], start=data["start"], end=data["end"], text=data["text"],
                    attrs=data.get("attrs") or {}, origin=data.get("origin") or Origin.MANUAL.value,
                    provenance=data.get("provenance") or {}, created=data.get("created"),
                    updated=data.get("updated"))
    except KeyError as exc:
        raise QawlError("is missing", field=exc.args[0]) from None


def relation_to_dict(rel: Relation) -> dict:
    return {"id": rel.id, "type": rel.type, "head": rel.head, "tail": rel.tail, "origin": rel.origin,
            "provenance": rel.provenance, "created": rel.created}


def relation_from_dict(data: Mapping) -> Relation:
    if not isinstance(data, dict):
        raise QawlError(f"must be an object, got {type(data).__name__}")
    try:
        return Relation(id=data["id"], type=data["type"], head=data["head"], tail=data["tail"],
                        origin=data.get("origin") or Origin.MANUAL.value, provenance=data.get("provenance") or {},
                        created=data.get("created"))
    except KeyError as exc:
        raise QawlError("is missing", field=exc.args[0]) from None


def entity_to_dict(entity: Entity) -> dict:
    return {"id": entity.id, "name": entity.name, "aliases": list(entity.aliases)}


def entity_from_dict(data: Mapping) -> Entity:
    if not isinstance(data, dict):
        raise QawlError(f"must be an object, got {type(data).__name__}")
    aliases = data.get("aliases") or ()
    if not isinstance(aliases, (list, tuple)):
        raise QawlError(f"must be a list of names, got {type(aliases).__name__}", field="aliases")
    try:
        return Entity(id=data["id"], name=data["name"], aliases=tuple(aliases))
    except KeyError as exc:
        raise QawlError("is missing", field=exc.args[0]) from None


def claim_to_dict(claim: CanonicalClaim) -> dict:
    return {"id": claim.id, "text": claim.text, "verdict": claim.verdict, "factcheck": claim.factcheck,
            "note": claim.note, "source": claim.source}


def claim_from_dict(data: Mapping) -> CanonicalClaim:
    if not isinstance(data, dict):
        raise QawlError(f"must be an object, got {type(data).__name__}")
    try:
        return CanonicalClaim(id=data["id"], text=data["text"], verdict=data.get("verdict"),
                              factcheck=data.get("factcheck"), note=data.get("note") or "",
                              source=data.get("source") or {})
    except KeyError as exc:
        raise QawlError("is missing", field=exc.args[0]) from None
