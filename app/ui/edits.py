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

from ..core import registry
from ..core.changes import (AddEntity, AddRelation, AddSpan, Batch, Change, RemoveRelation, SetStatus,
                            UpdateEntity, UpdateSpan, merge_entities, remove_span)
from ..core.model import Entity, Layer, Origin, Relation, Span, Status, new_id
from ..core.schema import LabelSchema
from ..core.text import words
from ..core.text.words import clean_name

#: Labels whose spans are records edited as a whole in the Quotes sidebar (they own the links).
RECORD_LABELS = ("QUOTE", "CLAIM")
#: Labels of a record's parts, in the order a record lists them.
PART_LABELS = ("SPEAKER", "CUE", "DATE")


def utc_now() -> str:
    """The timestamp stamped on spans, in the store's format (UTC, milliseconds)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


# --- ranges ---------------------------------------------------------------------------------------------------

def clean_range(text: str, start: int, end: int, *, snap: bool = True) -> tuple[int, int] | None:
    """A selection made into a span range (:func:`app.core.text.words.snap_span`): whole words without stray
    punctuation, quotation marks or spaces at the edges; with ``snap=False`` (Alt-drag, or snapping turned off)
    whole characters only. None when nothing is left."""
    return words.snap_span(text, start, end, words_only=snap)


def word_range(text: str, pos: int) -> tuple[int, int] | None:
    """The word at (or just before) a cursor position, for labelling without a selection or a double-click."""
    return words.word_at(text, pos)


def step_boundary(text: str, span: Span, edge: str, forward: bool) -> tuple[int, int] | None:
    """The range after moving one edge (``"start"`` or ``"end"``) by one whole character in logical order (a
    letter keeps its harakat and tatweel). None when the move would leave the text or empty the span."""
    start, end = span.start, span.end
    if edge == "start":
        start = words.step(text, start, forward)
    elif edge == "end":
        end = words.step(text, end, forward)
    else:
        raise ValueError(f"edge must be 'start' or 'end', not {edge!r}")
    if start >= end or (start, end) == (span.start, span.end):
        return None
    return start, end


def visual_step(direction: str, arrow: str) -> bool:
    """Whether an arrow key moves forward in logical order: right is forward in left-to-right text,
    left is forward in right-to-left text."""
    return (arrow == "right") == (direction == "ltr")


def toggle_proclitic(text: str, span: Span) -> tuple[int, int] | None:
    """The range of a speaker or cue without its proclitic (و ف ب ل ك ال), or with it back (one key both ways)."""
    return words.toggle_proclitic(text, span.start, span.end)


# --- guesses ----------------------------------------------------------------------------------------------------

def guess_quote_type(text: str, start: int = 0, end: int | None = None) -> str:
    """The suggestion engine's rule for a quote ``text[start:end]`` (:func:`app.core.suggest.kinds.quote_type`):
    direct when quotation marks enclose it, mixed when a quoted fragment of speech is inside, else indirect."""
    from ..core.suggest.kinds import quote_type  # the engine loads when first needed (see MainWindow)

    return quote_type(text, start, len(text) if end is None else end)


def match_entity(entities: Iterable[Entity], mention: str, mentions: Iterable[Span] = ()) -> Entity | None:
    """The one registry speaker a mention names (:func:`app.core.registry.match`); None when none or several."""
    return registry.match(entities, [mention], mentions)


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
    """What labelling a selection did: the change, the new span, the record a new part was linked to (or why not),
    the parts a new quote was linked to (and those of its sentence that were not), a new speaker."""

    change: Change
    span: Span
    linked_to: str | None = None
    entity: Entity | None = None
    not_linked_reason: str | None = None  # "other-sentence" | "has-one" | "no-link" for a part
    parts: tuple[Span, ...] = ()  # a new record's parts, linked as it was made
    left: tuple[Span, ...] = ()  # parts of its sentence left unlinked (each already linked to another record)


def _with_progress(layer: Layer, changes: list[Change]) -> list[Change]:
    """The first edit of a document one has not started marks it in progress (undone together)."""
    if layer.status == Status.TODO.value:
        return [SetStatus(layer.doc_id, layer.annotator, layer.status, Status.IN_PROGRESS.value), *changes]
    return changes


def same_sentence(text: str, record: Span, part: Span, sentence: tuple[int, int] | None = None) -> bool:
    """Whether a part lies in the sentence(s) of a record (from the sentence its start is in to the one its end
    is in): the parts of a record are linked to it by themselves only there."""
    s, e = sentence or words.sentence_of(text, record.start, record.end)
    return part.start < e and part.end > s


def parts_before(text: str, layer: Layer, schema: LabelSchema, record: Span) -> tuple[list[Span], list[Span]]:
    """The parts a new record takes at once: for each kind (speaker, cue, date), the unlinked span of its sentence
    nearest to it (labelled before it: verb, speaker, then content is the natural reading order). Also returns the
    parts of the sentence left out because another record already has them."""
    sentence = words.sentence_of(text, record.start, record.end)
    wanted = {label for label in PART_LABELS if link_type(schema, record.label, label) is not None}
    here: dict[str, list[Span]] = {label: [] for label in wanted}
    for s in layer.spans.values():
        if s.label in wanted and s.id != record.id and same_sentence(text, record, s, sentence):
            here[s.label].append(s)
    linked = {r.tail for r in layer.relations.values()} if any(here.values()) else set()
    taken: list[Span] = []
    left: list[Span] = []
    for label in PART_LABELS:
        if label not in wanted:
            continue
        free = [s for s in here[label] if s.id not in linked]
        if free:
            taken.append(min(free, key=lambda s: (_distance(record, s), s.start)))
        else:
            left.extend(sorted(here[label], key=lambda s: s.start))
    return taken, left


def _distance(a: Span, b: Span) -> int:
    return max(0, b.start - a.end, a.start - b.end)


def add_annotation(text: str, layer: Layer, schema: LabelSchema, entities: Mapping[str, Entity], label: str,
                   start: int, end: int, *, record: str | None = None) -> Added:
    """Label ``text[start:end]`` (already a clean range).

    A new QUOTE gets the engine's type guess and takes the unlinked speaker, cue and date of its sentence labelled
    before it. A new SPEAKER is tied to the registry speaker its words name (:func:`match_entity`), or to a new
    speaker named by the trimmed mention. A new part (speaker, cue, date) is linked to the current ``record`` when it
    lies in that record's sentence and the record has no such link yet; otherwise it stays unlinked and
    ``not_linked_reason`` says why (the window says it, and L links it)."""
    now = utc_now()
    attrs: dict = {}
    entity: Entity | None = None
    if label == "QUOTE":
        attrs["type"] = guess_quote_type(text, start, end)
    if label == "SPEAKER":
        found = match_entity(entities.values(), text[start:end], layer.spans_by_label("SPEAKER"))
        if found is None:
            entity = Entity(new_id("e"), clean_name(text[start:end]) or text[start:end].strip())
            found = entity
        attrs["entity"] = found.id
    span = Span.of(text, label, start, end, attrs=attrs, created=now, updated=now)
    relations: list[Relation] = []
    linked_to = reason = None
    parts: list[Span] = []
    left: list[Span] = []
    if label in RECORD_LABELS:
        parts, left = parts_before(text, layer, schema, span)
        relations = [Relation(new_id("r"), link_type(schema, label, p.label), span.id, p.id, created=now)
                     for p in parts]
    elif record and record in layer.spans:
        head = layer.spans[record]
        rtype = link_type(schema, head.label, label)
        if rtype is None:
            reason = "no-link"
        elif layer.outgoing(record, rtype):
            reason = "has-one"
        elif not same_sentence(text, head, span):
            reason = "other-sentence"
        else:
            relations = [Relation(new_id("r"), rtype, record, span.id, created=now)]
            linked_to = record
    changes: list[Change] = []
    if entity is not None:
        changes.append(AddEntity(entity))
    changes.append(AddSpan(layer.doc_id, layer.annotator, span, tuple(relations)))
    changes = _with_progress(layer, changes)
    what = f"Add {label} “{_short(span.text)}”"
    return Added(Batch(tuple(changes), what), span, linked_to, entity, reason, tuple(parts), tuple(left))


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _edited(span: Span, **changes) -> Span:
    origin = Origin.SUGGESTED_EDITED.value if span.origin == Origin.SUGGESTED.value else span.origin
    return replace(span, origin=origin, updated=utc_now(), **changes)


def resize(text: str, layer: Layer, span_id: str, start: int, end: int, *, entity: Entity | None = None,
           mentions: int = 0) -> Change | None:
    """Move a span's edges. A quote whose type is still the first guess gets the guess for its new words. A
    speaker mention that named its registry speaker (``entity``, the name made from its words, and ``mentions``
    its only mention in the project) takes the new words as the name too: fixing an edge fixes the name, and the
    registry never keeps a name cut from a loose selection."""
    span = layer.spans[span_id]
    if (start, end) == (span.start, span.end) or not 0 <= start < end <= len(text):
        return None
    attrs = span.attrs
    if span.label == "QUOTE" and attrs.get("type") == guess_quote_type(text, span.start, span.end):
        # The type is still the first guess: it follows the words (a quote nudged to its closing mark is direct).
        attrs = {**attrs, "type": guess_quote_type(text, start, end)}
    after = _edited(span, start=start, end=end, text=text[start:end], attrs=attrs)
    update = UpdateSpan(layer.doc_id, layer.annotator, span, after)
    name = clean_name(after.text)
    if entity is None or mentions != 1 or entity.name != clean_name(span.text) or not name or name == entity.name:
        return update
    renamed = Entity(entity.id, name, tuple(a for a in entity.aliases if a != name))
    return Batch((update, UpdateEntity(entity, renamed)), update.describe())


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


def relabel(layer: Layer, schema: LabelSchema, span_id: str, label: str, text: str | None = None) -> Change | None:
    """Give a span another label: attributes the old label declared and the new one does not are dropped, and
    links that no longer fit the schema are removed with it (one undo step)."""
    span = layer.spans[span_id]
    if span.label == label:
        return None
    old, new = schema.label(span.label), schema.label(label)
    drop = {a.name for a in (old.attrs if old else ())} - {a.name for a in (new.attrs if new else ())}
    attrs = {k: v for k, v in span.attrs.items() if k not in drop}
    if label == "QUOTE" and "type" not in attrs:
        attrs["type"] = guess_quote_type(text, span.start, span.end) if text is not None else \
            guess_quote_type(span.text)
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
    """A new registry speaker named ``name`` (trimmed), and this mention pointing at it (one undo step)."""
    entity = Entity(new_id("e"), clean_name(name) or " ".join(name.split()))
    update = set_speaker(layer, speaker_span_id, entity.id)
    changes = (AddEntity(entity),) + ((update,) if update else ())
    return Batch(changes, f"New speaker {entity.name}"), entity


def rename_entity(entity: Entity, name: str, *, keep_alias: bool = False) -> Change | None:
    """Rename a speaker: the new name replaces the old one (a typo fix is not an alias); with ``keep_alias`` the
    old name stays findable as an alias (when the person asks for it)."""
    name = clean_name(name)
    if not name or name == entity.name:
        return None
    aliases = tuple(a for a in (*entity.aliases, *((entity.name,) if keep_alias else ())) if a != name)
    return UpdateEntity(entity, Entity(entity.id, name, aliases))


def set_aliases(entity: Entity, aliases: Iterable[str]) -> Change | None:
    """Give a speaker exactly these aliases (each trimmed; empty ones and repeats dropped)."""
    after = Entity(entity.id, entity.name, tuple(n for n in (clean_name(a) for a in aliases) if n))
    return None if after == entity else UpdateEntity(entity, after)


def merge(keep: Entity, gone: Entity | Iterable[Entity], layers: Iterable[Layer]) -> Change:
    """Merge one or several speakers into ``keep`` across the given layers (every layer that mentions one of
    them): their mentions point at ``keep``, their names become its aliases; one undo step."""
    gone = [gone] if isinstance(gone, Entity) else list(gone)
    layers = list(layers)
    if len(gone) == 1:
        return merge_entities(keep, gone[0], layers)
    from ..core.workspace import Workspace

    ws = Workspace([l.copy() for l in layers], [keep, *gone])
    steps: list[Change] = []
    for other in gone:
        step = merge_entities(ws.entities[keep.id], other, list(ws.layers.values()))
        step.apply(ws)
        steps.extend(step.changes)
    names = ", ".join(e.name for e in gone)
    return Batch(tuple(steps), f"Merge speakers {names} into {keep.name}")


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


