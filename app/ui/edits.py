"""The edits the annotation window makes, as pure functions from the current state to one Change.

Everything an annotator does with a key or a click (label a selection, move a boundary, link a quote to its
speaker, set a date value, rename or merge speakers, mark a document done) is decided here, without Qt, and
returned as one :class:`~app.core.changes.Change` (a :class:`~app.core.changes.Batch` when several rows move
together) that the session applies to the store and pushes on the undo stack. Keeping the decisions here makes
them testable in milliseconds and keeps the widgets thin.

This module imports no Qt and no SQL (the import-linter contract covers ``app.ui`` for SQL; a test covers Qt):
it could move to ``app/core/edits.py`` unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Iterable, Mapping

import regex

from ..core.changes import (AddEntity, AddRelation, AddSpan, Batch, Change, RemoveRelation, SetStatus,
                            UpdateEntity, UpdateSpan, merge_entities, remove_span)
from ..core.model import Entity, Layer, Origin, Relation, Span, Status, new_id
from ..core.text.arabic import CLOSERS, OPENERS, QUOTE_MARKS
from ..core.text.offsets import next_boundary, previous_boundary, snap_range, trim_range
from ..core.schema import LabelSchema

#: Labels whose spans are records edited as a whole in the Quotes sidebar (they own the links).
RECORD_LABELS = ("QUOTE", "CLAIM")

# Quotation marks that open / close a direct quote: the one definition the suggestions use too.
_OPEN_QUOTES, _CLOSE_QUOTES = OPENERS, CLOSERS
_ANY_QUOTE = regex.compile("[" + regex.escape(QUOTE_MARKS) + "]")
# A word: letters and digits with their combining marks (harakat) and tatweel, and joiners inside it.
_WORD = regex.compile(r"[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+")


def utc_now() -> str:
    """The timestamp stamped on spans, in the store's format (UTC, milliseconds)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# --- ranges ---------------------------------------------------------------------------------------------------

def clean_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A selection made into a span range: whole characters (a letter keeps its harakat, an emoji its parts),
    surrounding white space dropped. None when nothing but white space is selected."""
    start, end = sorted((max(0, start), min(len(text), end)))
    if start == end:
        return None
    start, end = snap_range(text, start, end)
    start, end = trim_range(text, start, end)
    if start >= end or not text[start:end].strip():
        return None
    return start, end


def word_range(text: str, pos: int) -> tuple[int, int] | None:
    """The word at (or just before) a cursor position, for labelling without a selection."""
    for at in (pos, pos - 1):
        if 0 <= at < len(text):
            m = _WORD.match(text, at)
            if m is None:
                continue
            start = at
            while start > 0 and _WORD.match(text[start - 1]):
                start -= 1
            end = _WORD.match(text, start).end()
            return clean_range(text, start, end)
    return None


def step_boundary(text: str, span: Span, edge: str, forward: bool) -> tuple[int, int] | None:
    """The range after moving one edge (``"start"`` or ``"end"``) by one whole character in logical order.
    None when the move would leave the text or empty the span."""
    start, end = span.start, span.end
    if edge == "start":
        start = next_boundary(text, start) if forward else previous_boundary(text, start)
    elif edge == "end":
        end = next_boundary(text, end) if forward else previous_boundary(text, end)
    else:
        raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
    if start >= end or (start, end) == (span.start, span.end):
        return None
    return start, end


def visual_step(direction: str, arrow: str) -> bool:
    """Whether an arrow key moves forward in logical order: right is forward in left-to-right text,
    left is forward in right-to-left text."""
    return (arrow == "right") == (direction == "ltr")


# --- guesses ----------------------------------------------------------------------------------------------------

def guess_quote_type(text: str) -> str:
    """direct when the span is wholly inside quotation marks, mixed when it contains a quoted fragment,
    indirect otherwise. A first guess the annotator can change with one click."""
    stripped = text.strip().rstrip(".,،:؛;")
    if len(stripped) >= 2 and stripped[0] in _OPEN_QUOTES and stripped[-1] in _CLOSE_QUOTES and \
            len(_ANY_QUOTE.findall(stripped)) == 2:
        return "direct"
    if len(_ANY_QUOTE.findall(stripped)) >= 2:
        return "mixed"
    return "indirect"


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def match_entity(entities: Iterable[Entity], mention: str) -> Entity | None:
    """The one registry speaker a mention names: an exact name or alias first; else the single speaker one of
    whose names contains the mention or is contained in it (names of 4+ characters). None when none or several."""
    m = _fold(mention)
    if not m:
        return None
    entities = list(entities)
    exact = [e for e in entities if any(_fold(n) == m for n in e.names)]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    loose = [e for e in entities if any(len(_fold(n)) >= 4 and len(m) >= 4 and (_fold(n) in m or m in _fold(n))
                                        for n in e.names)]
    return loose[0] if len(loose) == 1 else None


# --- relations between records and their parts -------------------------------------------------------------------

def link_type(schema: LabelSchema, head_label: str, tail_label: str) -> str | None:
    """The relation type that links a span of ``head_label`` to one of ``tail_label`` (first in the schema)."""
    for rel in schema.relation_types:
        if head_label in rel.heads and tail_label in rel.tails:
            return rel.name
    return None


def link(layer: Layer, schema: LabelSchema, head_id: str, tail_id: str, *, created: str | None = None) -> Change | None:
    """Link a record to a part (quote -> speaker, cue, date; claim -> speaker, date), replacing the record's
    existing link of that type (each record has one speaker, one cue, one date). None if nothing changes."""
    head, tail = layer.spans[head_id], layer.spans[tail_id]
    rtype = link_type(schema, head.label, tail.label)
    if rtype is None:
        return None
    existing = layer.outgoing(head_id, rtype)
    if [r.tail for r in existing] == [tail_id]:
        return None
    changes: list[Change] = [RemoveRelation(layer.doc_id, layer.annotator, r) for r in existing]
    changes.append(AddRelation(layer.doc_id, layer.annotator,
                               Relation(new_id("r"), rtype, head_id, tail_id, created=created or utc_now())))
    return Batch(tuple(changes), f"Link {head.label.lower()} {rtype}")


def unlink(layer: Layer, head_id: str, rtype: str) -> Change | None:
    rels = layer.outgoing(head_id, rtype)
    if not rels:
        return None
    return Batch(tuple(RemoveRelation(layer.doc_id, layer.annotator, r) for r in rels), f"Unlink {rtype}")


# --- adding, changing and removing spans -------------------------------------------------------------------------

@dataclass(frozen=True)
class Added:
    """What labelling a selection did: the change, the new span, the record it was linked to, a new speaker."""

    change: Change
    span: Span
    linked_to: str | None = None
    entity: Entity | None = None
    not_linked_reason: str | None = None


def _with_progress(layer: Layer, changes: list[Change]) -> list[Change]:
    """The first edit of a document one has not started marks it in progress (undone together)."""
    if layer.status == Status.TODO.value:
        return [SetStatus(layer.doc_id, layer.annotator, layer.status, Status.IN_PROGRESS.value), *changes]
    return changes


def add_annotation(text: str, layer: Layer, schema: LabelSchema, entities: Mapping[str, Entity], label: str,
                   start: int, end: int, *, record: str | None = None) -> Added:
    """Label ``text[start:end]`` (already a clean range). A new QUOTE gets a guessed type; a new SPEAKER is tied to
    the registry speaker its text names, or to a new speaker; a new part (speaker, cue, date) is linked to the
    current ``record`` (the quote or claim being annotated) when that record has no such link yet."""
    now = utc_now()
    attrs: dict = {}
    entity: Entity | None = None
    if label == "QUOTE":
        attrs["type"] = guess_quote_type(text[start:end])
    if label == "SPEAKER":
        found = match_entity(entities.values(), text[start:end])
        if found is None:
            entity = Entity(new_id("e"), " ".join(text[start:end].split()))
            found = entity
        attrs["entity"] = found.id
    span = Span.of(text, label, start, end, attrs=attrs, created=now, updated=now)
    relations: tuple[Relation, ...] = ()
    linked_to = None
    reason = None
    if record and record in layer.spans and label not in RECORD_LABELS:
        head = layer.spans[record]
        rtype = link_type(schema, head.label, label)
        if rtype is None:
            reason = f"a {head.label.lower()} has no {label.lower()} link"
        elif layer.outgoing(record, rtype):
            reason = f"the {head.label.lower()} already has a {rtype} link"
        else:
            relations = (Relation(new_id("r"), rtype, record, span.id, created=now),)
            linked_to = record
    changes: list[Change] = []
    if entity is not None:
        changes.append(AddEntity(entity))
    changes.append(AddSpan(layer.doc_id, layer.annotator, span, relations))
    changes = _with_progress(layer, changes)
    what = f"Add {label} “{_short(span.text)}”"
    return Added(Batch(tuple(changes), what), span, linked_to, entity, reason)


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _edited(span: Span, **changes) -> Span:
    origin = Origin.SUGGESTED_EDITED.value if span.origin == Origin.SUGGESTED.value else span.origin
    return replace(span, origin=origin, updated=utc_now(), **changes)


def resize(text: str, layer: Layer, span_id: str, start: int, end: int) -> Change | None:
    span = layer.spans[span_id]
    if (start, end) == (span.start, span.end) or not 0 <= start < end <= len(text):
        return None
    after = _edited(span, start=start, end=end, text=text[start:end])
    return UpdateSpan(layer.doc_id, layer.annotator, span, after)


def set_attr(layer: Layer, span_id: str, name: str, value: str | None) -> Change | None:
    span = layer.spans[span_id]
    attrs = dict(span.attrs)
    if value in (None, ""):
        if name not in attrs:
            return None
        del attrs[name]
    else:
        if attrs.get(name) == value:
            return None
        attrs[name] = value
    return UpdateSpan(layer.doc_id, layer.annotator, span, _edited(span, attrs=attrs))


def relabel(layer: Layer, schema: LabelSchema, span_id: str, label: str) -> Change | None:
    """Give a span another label: attributes the old label declared and the new one does not are dropped, and
    links that no longer fit the schema are removed with it (one undo step)."""
    span = layer.spans[span_id]
    if span.label == label:
        return None
    old, new = schema.label(span.label), schema.label(label)
    drop = {a.name for a in (old.attrs if old else ())} - {a.name for a in (new.attrs if new else ())}
    attrs = {k: v for k, v in span.attrs.items() if k not in drop}
    if label == "QUOTE" and "type" not in attrs:
        attrs["type"] = guess_quote_type(span.text)
    after = _edited(span, label=label, attrs=attrs)
    changes: list[Change] = []
    for rel in layer.relations_of(span_id):
        head = after if rel.head == span_id else layer.spans[rel.head]
        tail = after if rel.tail == span_id else layer.spans[rel.tail]
        rtype = schema.relation(rel.type)
        if rtype is None or head.label not in rtype.heads or tail.label not in rtype.tails:
            changes.append(RemoveRelation(layer.doc_id, layer.annotator, rel))
    changes.append(UpdateSpan(layer.doc_id, layer.annotator, span, after))
    return Batch(tuple(changes), f"Relabel {span.label} → {label}")


def delete(layer: Layer, span_id: str) -> Change:
    return remove_span(layer, span_id)


def set_status(layer: Layer, status: str) -> Change | None:
    if layer.status == status:
        return None
    return SetStatus(layer.doc_id, layer.annotator, layer.status, status)


# --- speakers ------------------------------------------------------------------------------------------------------

def set_speaker(layer: Layer, speaker_span_id: str, entity_id: str) -> Change | None:
    return set_attr(layer, speaker_span_id, "entity", entity_id)


def new_speaker(layer: Layer, speaker_span_id: str, name: str) -> tuple[Change, Entity]:
    """A new registry speaker named ``name``, and this mention pointing at it (one undo step)."""
    entity = Entity(new_id("e"), " ".join(name.split()))
    update = set_speaker(layer, speaker_span_id, entity.id)
    changes = (AddEntity(entity),) + ((update,) if update else ())
    return Batch(changes, f"New speaker {entity.name}"), entity


def rename_entity(entity: Entity, name: str) -> Change | None:
    name = " ".join(name.split())
    if not name or name == entity.name:
        return None
    # The old name stays findable as an alias.
    aliases = tuple(a for a in (*entity.aliases, entity.name) if a != name)
    return UpdateEntity(entity, Entity(entity.id, name, aliases))


def set_aliases(entity: Entity, aliases: Iterable[str]) -> Change | None:
    after = Entity(entity.id, entity.name, tuple(a.strip() for a in aliases if a.strip()))
    return None if after == entity else UpdateEntity(entity, after)


def split_aliases(value: str) -> list[str]:
    """Aliases typed in one cell: separated by commas (Latin or Arabic) or semicolons."""
    return [a.strip() for a in regex.split(r"[,،;؛]", value) if a.strip()]


def merge(keep: Entity, gone: Entity, layers: Iterable[Layer]) -> Change:
    """Merge ``gone`` into ``keep`` across the given layers (every layer that mentions ``gone``)."""
    return merge_entities(keep, gone, layers)


# --- records as the Quotes sidebar shows them ------------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    """A quote or claim with its linked parts (the first of each, in text order)."""

    span: Span
    speaker: Span | None
    entity: Entity | None
    cue: Span | None
    date: Span | None

    @property
    def missing_speaker(self) -> bool:
        return self.speaker is None


def record_of(layer: Layer, span_id: str, entities: Mapping[str, Entity]) -> Record:
    span = layer.spans[span_id]

    def first(rtype: str) -> Span | None:
        linked = layer.linked(span_id, rtype)
        return linked[0] if linked else None

    speaker = first("SAID_BY") or first("CLAIMED_BY")
    entity = entities.get(speaker.entity or "") if speaker else None
    return Record(span, speaker, entity, first("CUE"), first("DATED"))


def records_dated_by(layer: Layer, date_span_id: str) -> list[Span]:
    return sorted((layer.spans[r.head] for r in layer.incoming(date_span_id, "DATED")),
                  key=lambda s: (s.start, s.end))


def spans_at(spans: Iterable[Span], pos: int) -> list[Span]:
    """Spans covering a character position, innermost (shortest) first."""
    return sorted((s for s in spans if s.start <= pos < s.end), key=lambda s: (s.end - s.start, s.start))
