"""Triage of suggestions: accepting and rejecting what the suggestion engine proposed, as Change values.

The suggestion layer (annotator ``"suggestions"``, filled by ``qawl suggest`` or Document ▸ Suggest) is nobody's
work until accepted, and every annotator decides for themselves:

- a decision is written on the suggestion span itself, ``provenance["decisions"][annotator]`` = ``"accepted"`` or
  ``"rejected"``, so :meth:`app.store.Store.put_suggestions` keeps it through re-runs and never brings it back;
- accepting copies the suggestion into the annotator's layer with ``origin="suggested"`` and
  ``provenance={"suggestion": <suggestion span id>, "rule": ..., "engine": ...}``; any later edit of the copy
  (range, label, attributes, links) turns its origin into ``"suggested-edited"`` (:func:`traced`), so an export
  always says where each annotation came from.

**Records.** A quote suggestion is a whole record: the QUOTE (or CLAIM) with its SPEAKER, CUE and DATE parts and
the relations between them. Accepting any span of a record accepts the record; a part shared by several quotes is
copied once, and accepting the next quote links to that copy. A DATE, SPEAKER or CUE no pending quote links to is a
record of its own. Rejecting a quote rejects it with its parts, except parts another pending quote still uses;
rejecting a part rejects only that part (so the quote can then be accepted without it).

**Merging with what the annotator did.** A suggested span the annotator already has (same label and range), or
overlaps with a span of the same label, is not added again: accepting reuses their span (:func:`existing`), and
adds the suggestion's links only where their record has no link of that kind (theirs wins). A record they have
wholly, links included, is not new work (:func:`already_had`).

**Speakers.** A suggested SPEAKER points at an entity that is either in the registry (used as is) or only proposed
(``Store.suggested_entities``). Accepting it links to the registry speaker that its name, its in-article aliases
or the annotator's own mentions of the article name (``same_speaker``; the window passes
:func:`app.core.registry.match`: ``محمد شياع السوداني`` for ``رئيس مجلس الوزراء العراقي محمد شياع السوداني``), else adds the proposed speaker to the registry in the same
batch (under a fresh id: the suggestion keeps pointing at the proposal, so undoing the accept can remove the
registry speaker again). Within one accept-all, a speaker added for one record is found by the next: never twice.

Everything here is pure: functions read layers and return a :class:`~app.core.changes.Batch` (one undo step) or
None when there is nothing to do; the caller (the window's session) applies it, store first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Callable, Iterable, Mapping, Sequence

from ..text.words import clean_name
from ..changes import AddEntity, AddRelation, AddSpan, Batch, Change, RemoveRelation, RemoveSpan, SetStatus, UpdateSpan
from ..workspace import Workspace
from ..model import SUGGESTIONS, Entity, Layer, Origin, Relation, Span, Status, new_id
from ..notes import without_notes

__all__ = ["ACCEPTED", "REJECTED", "RECORD_LABELS", "SuggestedRecord", "decision", "pending", "record_for",
           "accept", "reject", "accept_all", "decisions_in", "edited", "traced", "hidden_for", "existing",
           "existing_map", "already_had"]

ACCEPTED = "accepted"
REJECTED = "rejected"
#: Labels whose suggestions head a record (they own the links to their parts).
RECORD_LABELS = ("QUOTE", "CLAIM")

#: Which registry speaker names (a proposed speaker's name and aliases, a mention) mean, given the annotator's
#: mentions of the article: the window passes :func:`app.core.registry.match` (the review room does not import
#: the suggestion engine's folding); without one, only the very same trimmed name or alias counts.
SameSpeaker = Callable[[Iterable[Entity], Sequence[str], Iterable[Span]], "Entity | None"]


def same_name(entities: Iterable[Entity], names: Sequence[str], _mentions: Iterable[Span] = ()) -> Entity | None:
    """The one speaker whose name (else alias) is one of ``names``, trimmed and case-folded."""
    keys = {" ".join(clean_name(n).casefold().split()) for n in names} - {""}
    entities = list(entities)
    for pick in (lambda e: [e.name], lambda e: list(e.aliases)):
        found = [e for e in entities if any(" ".join(n.casefold().split()) in keys for n in pick(e))]
        if found:
            return found[0] if len(found) == 1 else None
    return None


_SUGGESTED = Origin.SUGGESTED.value
_EDITED = Origin.SUGGESTED_EDITED.value
_TRACE_KEYS = ("rule", "engine")


def utc_now() -> str:
    """A timestamp in the store's format (UTC, milliseconds)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def decision(span: Span, annotator: str) -> str | None:
    """What ``annotator`` decided about a suggestion span: "accepted", "rejected" or None (pending)."""
    decisions = span.provenance.get("decisions")
    return decisions.get(annotator) if isinstance(decisions, dict) else None


def _decided(span: Span, annotator: str, verdict: str, now: str) -> Span:
    decisions = span.provenance.get("decisions")
    decisions = dict(decisions) if isinstance(decisions, dict) else {}
    decisions[annotator] = verdict
    return replace(span, provenance={**span.provenance, "decisions": decisions}, updated=now)


@dataclass(frozen=True)
class SuggestedRecord:
    """A pending suggestion as it is decided: the head span (a QUOTE or CLAIM, or a lone part) and the pending
    parts it links to, in text order."""

    head: Span
    parts: tuple[Span, ...] = ()

    @property
    def spans(self) -> tuple[Span, ...]:
        return (self.head, *self.parts)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(s.id for s in self.spans)

    @property
    def rule(self) -> str:
        return str(self.head.provenance.get("rule") or "")


def _order(span: Span) -> tuple:
    return (span.start, -span.end, span.label, span.id)


def _adjacency(layer: Layer) -> tuple[dict[str, list[Relation]], dict[str, list[Relation]]]:
    out: dict[str, list[Relation]] = {}
    into: dict[str, list[Relation]] = {}
    for rel in layer.relations.values():
        out.setdefault(rel.head, []).append(rel)
        into.setdefault(rel.tail, []).append(rel)
    return out, into


def pending(suggestions: Layer, annotator: str) -> list[SuggestedRecord]:
    """The suggestions ``annotator`` has not decided, as records in text order (see the module docstring)."""
    undecided = {k: s for k, s in suggestions.spans.items() if decision(s, annotator) is None}
    out, _into = _adjacency(suggestions)
    records: list[SuggestedRecord] = []
    used: set[str] = set()
    for span in undecided.values():
        if span.label not in RECORD_LABELS:
            continue
        parts = {r.tail for r in out.get(span.id, ()) if r.tail in undecided and r.tail != span.id}
        used.update(parts)
        records.append(SuggestedRecord(span, tuple(sorted((undecided[p] for p in parts), key=_order))))
    for span in undecided.values():
        if span.label not in RECORD_LABELS and span.id not in used:
            records.append(SuggestedRecord(span))
    records.sort(key=lambda r: _order(r.head))
    return records


def record_for(suggestions: Layer, annotator: str, span_id: str,
               records: list[SuggestedRecord] | None = None) -> SuggestedRecord | None:
    """The pending record a suggestion span belongs to: the one it heads, else the first (in text order) that has
    it as a part. None when the span is not a pending suggestion of ``annotator``."""
    records = pending(suggestions, annotator) if records is None else records
    for rec in records:
        if rec.head.id == span_id:
            return rec
    return next((rec for rec in records if span_id in rec.ids), None)


# --- accepting --------------------------------------------------------------------------------------------------

def existing(user: Layer, span: Span) -> Span | None:
    """The annotator's span standing for a suggestion: its earlier copy, else one with the same label and range,
    else the one of the same label it overlaps most (accepting reuses it instead of adding an overlapping one)."""
    best, shared = None, 0
    for s in user.spans.values():
        if s.provenance.get("suggestion") == span.id:
            return s
        if s.label != span.label:
            continue
        overlap = min(s.end, span.end) - max(s.start, span.start)
        if (s.start, s.end) == (span.start, span.end):
            overlap = 1 << 30  # the same range wins
        if overlap > shared:
            best, shared = s, overlap
    return best


def existing_map(suggestions: Layer, user: Layer, annotator: str) -> dict[str, str]:
    """Pending suggestion span id -> the annotator's span it duplicates or overlaps (see :func:`existing`)."""
    out: dict[str, str] = {}
    for span in suggestions.spans.values():
        if decision(span, annotator) is None:
            mine = existing(user, span)
            if mine is not None:
                out[span.id] = mine.id
    return out


def already_had(suggestions: Layer, user: Layer, annotator: str) -> frozenset[str]:
    """The pending suggestion spans the annotator already has: of records whose every span has a span of the
    same label and range in their layer, and every link between them the same link there. Not new work: the
    window neither lists nor draws them (accepting them would add nothing)."""
    by_range = {(s.label, s.start, s.end): s.id for s in user.spans.values()}
    links = {(r.type, r.head, r.tail) for r in user.relations.values()}
    had: set[str] = set()
    needed: set[str] = set()
    for record in pending(suggestions, annotator):
        mine = {s.id: by_range.get((s.label, s.start, s.end)) for s in record.spans}
        complete = all(mine.values()) and all(
            (r.type, mine[r.head], mine[r.tail]) in links for r in suggestions.relations.values()
            if r.head in mine and r.tail in mine)
        (had if complete else needed).update(record.ids)
    return frozenset(had - needed)


def _trace(item: Span | Relation) -> dict:
    """The provenance of a copy: which suggestion it came from and the rule that suggested it."""
    trace = {"suggestion": item.id}
    trace.update({k: item.provenance[k] for k in _TRACE_KEYS if k in item.provenance})
    return trace


class _Accepting:
    """The state of one accept or accept-all: the layers as they will be once the changes so far are applied
    (an in-memory Workspace), the speakers added, and the changes."""

    def __init__(self, suggestions: Layer, user: Layer, registry: Mapping[str, Entity],
                 proposed: Mapping[str, Entity], annotator: str, now: str,
                 same_speaker: SameSpeaker | None = None) -> None:
        self.same_speaker = same_speaker or same_name
        self.sugg_key = (suggestions.doc_id, suggestions.annotator)
        self.user_key = (user.doc_id, user.annotator)
        self.ws = Workspace([suggestions.copy(), user.copy()], registry.values())
        self.proposed = proposed
        self.annotator = annotator
        self.now = now
        self.entity_for: dict[str, str] = {}  # proposed entity id -> registry id used for it
        self.changes: list[Change] = []
        if user.status == Status.TODO.value:
            # The first work on a document one has not started marks it in progress (undone together).
            self._do(SetStatus(user.doc_id, user.annotator, user.status, Status.IN_PROGRESS.value))

    @property
    def sugg(self) -> Layer:
        return self.ws.layers[self.sugg_key]

    @property
    def user(self) -> Layer:
        return self.ws.layers[self.user_key]

    def _do(self, change: Change) -> None:
        change.apply(self.ws)
        self.changes.append(change)

    def _entity(self, span: Span) -> str | None:
        """The registry speaker a suggested mention stands for: its own when it is in the registry, else the one its
        name, its in-article aliases or the annotator's own mentions of this article say is the same
        (``same_speaker``), else the proposed speaker, added (trimmed) in the same batch."""
        eid = span.entity
        registry = self.ws.entities
        if eid and eid in registry:
            return eid
        key = eid or "\x00" + span.text
        if key in self.entity_for:
            return self.entity_for[key]
        proposal = self.proposed.get(eid) if eid else None
        names = [*(proposal.names if proposal else ()), span.text]
        mentions = [s for s in self.user.spans.values() if s.label == "SPEAKER"]
        found = self.same_speaker(registry.values(), names, mentions)
        if found is None:
            name = clean_name(proposal.name if proposal else span.text) or span.text.strip()
            found = Entity(new_id("e"), name, tuple(clean_name(a) for a in proposal.aliases) if proposal else ())
            self._do(AddEntity(found))
        self.entity_for[key] = found.id
        return found.id

    def accept(self, record: SuggestedRecord) -> None:
        sugg = self.sugg
        doc, who = self.user_key
        # Parts already decided (by another quote's accept, say) are not part of the record any more.
        spans = [sugg.spans[s.id] for s in record.spans
                 if s.id in sugg.spans and decision(sugg.spans[s.id], self.annotator) is None]
        if not spans:
            return
        ids = {s.id for s in spans}
        copies: dict[str, str] = {}
        reused: set[str] = set()
        for span in spans:
            self._do(UpdateSpan(sugg.doc_id, sugg.annotator, span, _decided(span, self.annotator, ACCEPTED,
                                                                            self.now)))
            mine = existing(self.user, span)
            if mine is not None:
                copies[span.id] = mine.id
                reused.add(mine.id)
                continue
            attrs = dict(span.attrs)
            if span.label == "SPEAKER":
                entity = self._entity(span)
                if entity:
                    attrs["entity"] = entity
            copy = Span(new_id("s"), span.label, span.start, span.end, span.text, attrs, _SUGGESTED,
                        _trace(span), self.now, self.now)
            self._do(AddSpan(doc, who, copy))
            copies[span.id] = copy.id
        # Relations touching the record, whose other end is in the record or was accepted before.
        sugg = self.sugg
        had = {(r.head, r.type) for r in self.user.relations.values()}
        touching = [r for r in sugg.relations.values() if r.head in ids or r.tail in ids]
        for rel in sorted(touching, key=lambda r: (r.head, r.type, r.tail, r.id)):
            for end in (rel.head, rel.tail):
                if end not in copies and decision(sugg.spans[end], self.annotator) == ACCEPTED:
                    earlier = existing(self.user, sugg.spans[end])
                    if earlier is not None:
                        copies[end] = earlier.id
                        reused.add(earlier.id)
            head, tail = copies.get(rel.head), copies.get(rel.tail)
            if head is None or tail is None or head == tail:
                continue
            if any(r.tail == tail for r in self.user.outgoing(head, rel.type)):
                continue
            if head in reused and (head, rel.type) in had:
                continue  # the annotator's own quote already had this kind of link: theirs wins
            self._do(AddRelation(doc, who, Relation(new_id("r"), rel.type, head, tail, _SUGGESTED, _trace(rel),
                                                    self.now)))


def _short(text: str, n: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def accept(suggestions: Layer, user_layer: Layer, span_id: str, annotator: str, registry: Mapping[str, Entity],
           proposed_entities: Mapping[str, Entity] | None = None, now: str | None = None, *,
           same_speaker: SameSpeaker | None = None) -> Batch | None:
    """Accept the record of suggestion ``span_id`` into ``user_layer`` (see the module docstring). None when the
    span is not a pending suggestion of ``annotator``."""
    record = record_for(suggestions, annotator, span_id)
    if record is None:
        return None
    run = _Accepting(suggestions, user_layer, registry, proposed_entities or {}, annotator, now or utc_now(),
                     same_speaker)
    run.accept(record)
    head = record.head
    return Batch(tuple(run.changes), f"Accept suggested {head.label} “{_short(head.text)}”")


def accept_all(suggestions: Layer, user_layer: Layer, annotator: str, registry: Mapping[str, Entity],
               proposed_entities: Mapping[str, Entity] | None = None, now: str | None = None, *,
               same_speaker: SameSpeaker | None = None) -> Batch | None:
    """Accept every pending record of the document, in text order, as one change (one undo step)."""
    records = pending(suggestions, annotator)
    if not records:
        return None
    run = _Accepting(suggestions, user_layer, registry, proposed_entities or {}, annotator, now or utc_now(),
                     same_speaker)
    changes: list[Change] = list(run.changes)  # marking the document in progress
    for record in records:
        run.changes = []
        run.accept(record)
        if run.changes:
            # One sub-batch per record: the history (and the undo text) can tell how many records were accepted.
            changes.append(Batch(tuple(run.changes), f"Accept suggested {record.head.label}"))
    return Batch(tuple(changes), f"Accept {len(records)} suggestions")


# --- rejecting --------------------------------------------------------------------------------------------------

def reject(suggestions: Layer, span_id: str, annotator: str, now: str | None = None) -> Batch | None:
    """Reject suggestion ``span_id``: a quote or claim with its parts (except parts another pending record still
    uses), a part on its own. None when the span is not a pending suggestion of ``annotator``."""
    span = suggestions.spans.get(span_id)
    if span is None or decision(span, annotator) is not None:
        return None
    now = now or utc_now()
    targets = [span]
    if span.label in RECORD_LABELS:
        records = pending(suggestions, annotator)
        mine = next(r for r in records if r.head.id == span_id)
        shared = {p.id for r in records if r.head.id != span_id for p in r.parts}
        targets += [p for p in mine.parts if p.id not in shared]
    changes = tuple(UpdateSpan(suggestions.doc_id, suggestions.annotator, s, _decided(s, annotator, REJECTED, now))
                    for s in targets)
    return Batch(changes, f"Reject suggested {span.label} “{_short(span.text)}”")


def decisions_in(change: Change) -> tuple[str | None, int, Span | None]:
    """What a change decides, for its description: ("accepted" | "rejected" | None, how many records (the
    sub-batches of an accept-all, else 1), the first suggestion span decided)."""
    first: Span | None = None
    verdict: str | None = None
    for leaf in change.flat():
        if isinstance(leaf, UpdateSpan) and leaf.annotator == SUGGESTIONS:
            after = leaf.after.provenance.get("decisions") or {}
            before = leaf.before.provenance.get("decisions") or {}
            new = [v for k, v in after.items() if before.get(k) != v]
            if new and first is None:
                first, verdict = leaf.after, new[0]
    if first is None:
        return None, 0, None
    subs = [c for c in change.changes if isinstance(c, Batch)] if isinstance(change, Batch) else []
    return verdict, max(1, len(subs)), first


# --- tracing edits of accepted suggestions ------------------------------------------------------------------------

def _differs(before: Span, after: Span) -> bool:
    # A note is a remark on the annotation, not an edit of it (see app.core.notes).
    return (before.label, before.start, before.end, without_notes(before.attrs)) != \
        (after.label, after.start, after.end, without_notes(after.attrs))


def edited(before: Span, after: Span, now: str | None = None) -> Span:
    """``after`` as it should be stored: an edit (range, label or attributes) of a span whose origin is
    "suggested" gives origin "suggested-edited", keeping the provenance that says which suggestion it was."""
    if before.origin not in (_SUGGESTED, _EDITED) or after.origin == _EDITED or not _differs(before, after):
        return after
    return replace(after, origin=_EDITED, provenance=after.provenance or before.provenance,
                   updated=after.updated or now or utc_now())


def traced(change: Change, layer_of: Callable[[str, str], Layer | None], now: str | None = None) -> Change:
    """``change`` with every edit of an accepted suggestion traced: an UpdateSpan of a "suggested" span gets
    origin "suggested-edited" (:func:`edited`), and a change of its links (a link added by hand, a link removed,
    a linked span deleted) adds an UpdateSpan marking the record that owns the link as edited. Layers are read
    through ``layer_of(doc_id, annotator)`` as they are before the change; the suggestion layer itself is never
    traced. Returns ``change`` itself when nothing needed tracing."""
    tracer = _Tracer(layer_of, now or utc_now())
    out = tracer.rewrite(change)
    if not tracer.touched:
        return change
    return out[0] if len(out) == 1 else Batch(tuple(out), change.describe())


class _Tracer:
    def __init__(self, layer_of: Callable[[str, str], Layer | None], now: str) -> None:
        self.layer_of = layer_of
        self.now = now
        self.state: dict[tuple[str, str, str], Span | None] = {}  # what the span is, given the rewritten leaves
        self.expected: dict[tuple[str, str, str], Span | None] = {}  # what the change's author expects it to be
        self.touched = False

    def _load(self, key: tuple[str, str, str]) -> Span | None:
        if key not in self.state:
            layer = self.layer_of(key[0], key[1])
            span = layer.spans.get(key[2]) if layer is not None else None
            self.state[key] = self.expected[key] = span
        return self.state[key]

    def _actual(self, key: tuple[str, str, str], span: Span) -> Span:
        """The span as it really is when the author's change refers to it as ``span``."""
        if key in self.expected and self.expected[key] == span and self.state[key] is not None:
            return self.state[key]
        return span

    def _mark(self, doc: str, who: str, span_id: str) -> list[Change]:
        key = (doc, who, span_id)
        current = self._load(key)
        if current is None or current.origin != _SUGGESTED:
            return []
        after = replace(current, origin=_EDITED, updated=self.now)
        self.state[key] = after
        self.touched = True
        return [UpdateSpan(doc, who, current, after)]

    def rewrite(self, change: Change) -> list[Change]:
        if isinstance(change, Batch):
            inner = [leaf for c in change.changes for leaf in self.rewrite(c)]
            return [Batch(tuple(inner), change.description)]
        doc, who = change.doc_id, change.annotator
        if doc is None or who is None or who == SUGGESTIONS:
            return [change]
        if isinstance(change, UpdateSpan):
            key = (doc, who, change.before.id)
            before = self._actual(key, change.before)
            after = edited(before, change.after, self.now)
            self.expected[key], self.state[key] = change.after, after
            if before is not change.before or after is not change.after:
                self.touched = True
                change = UpdateSpan(doc, who, before, after)
            return [change]
        if isinstance(change, RemoveSpan):
            key = (doc, who, change.span.id)
            span = self._actual(key, change.span)
            if span is not change.span:
                self.touched = True
                change = RemoveSpan(doc, who, span, change.relations)
            self.state[key] = self.expected[key] = None
            out: list[Change] = [change]
            for head in dict.fromkeys(r.head for r in change.relations if r.head != span.id):
                out += self._mark(doc, who, head)
            return out
        if isinstance(change, AddSpan):
            key = (doc, who, change.span.id)
            self.state[key] = self.expected[key] = change.span
            out = [change]
            for head in dict.fromkeys(r.head for r in change.relations
                                      if r.head != change.span.id and r.origin == Origin.MANUAL.value):
                out += self._mark(doc, who, head)
            return out
        if isinstance(change, AddRelation):
            if change.relation.origin != Origin.MANUAL.value:
                return [change]  # a link copied from a suggestion is part of accepting it, not an edit
            return [change, *self._mark(doc, who, change.relation.head)]
        if isinstance(change, RemoveRelation):
            return [change, *self._mark(doc, who, change.relation.head)]
        return [change]


def hidden_for(annotator: str) -> Callable[[Span], bool]:
    """A predicate for the window: True for the suggestion spans ``annotator`` has decided (no longer drawn)."""
    return lambda span: decision(span, annotator) is not None
