"""Building the gold layer from annotators' layers, one decision at a time, as undoable changes.

Every function here is pure: it reads the current gold layer and the annotators' layers and returns one
:class:`~app.core.changes.Batch` for annotator :data:`~app.core.model.GOLD` (``"gold"``). The caller applies it
(store or :class:`~app.core.workspace.Workspace`) and puts it on the one undo stack; nothing is changed here.
Gold is a normal layer: it exports, is checked and is edited like any other.

Decisions are made per :class:`~app.core.review.diff.Difference`:

* :func:`accept` one annotator's version, or several (``accept both``: each distinct version once);
* :func:`accept_edited`: a version the reviewer changed (range, label or attributes);
* :func:`reject`: nothing of it goes into gold;
* :func:`accept_all_agreed`: every ``same`` difference (all annotators agree on label, range and attribution)
  that gold does not hold yet. Running it twice changes nothing the second time.

Each decision first removes what gold already holds *for that difference* (its counterparts, see below), so a
reviewer can change their mind and decide again; the undo of the batch puts the old gold back.

Counterparts
    A gold span is the counterpart of annotator A's span ``s`` when its provenance says it came from ``s``
    (``provenance.source_ids[A] == s.id``) or when it has the same label, ``start`` and ``end`` as ``s``.

Relations
    Relations are never brought along on their own. When a span goes into gold, each relation of its source
    span(s) is copied into gold if the span at the relation's other end has a counterpart in gold already. The
    relation will otherwise be copied when that other span is accepted, so the order of decisions does not
    matter: accepting a quote and its speaker (either first) gives the gold quote its SAID_BY link.

Provenance (recorded on every gold span and relation)
    ``from``: the annotators whose version it is (sorted; for a span, every annotator of the difference whose span
    has exactly that label, range and attributes); ``source_ids``: ``{annotator: span or relation id}``;
    ``adjudicated_by``: the reviewer; ``adjudicated_at``: ISO-8601 UTC time; ``edited``: true for
    :func:`accept_edited` versions.

Review status
    The first decision on a document moves gold from ``todo`` to ``in_progress`` (inside the same batch);
    :func:`set_review_status` marks it ``done`` (or anything else) explicitly.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from typing import Iterable, Sequence

from ..changes import AddRelation, AddSpan, Batch, Change, RemoveRelation, RemoveSpan, SetStatus
from ..workspace import Workspace
from .diff import Difference, differences
from ..errors import QawlError
from .matching import EntityKey, default_entity_key
from ..model import GOLD, STATUSES, Layer, Relation, Span, Status, new_id
from ..notes import without_flag, without_notes


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class _Builder:
    """Collects changes while applying them to a private copy of gold, so later steps see earlier ones."""

    def __init__(self, gold: Layer | None, doc_id: str, annotator: str = GOLD) -> None:
        if gold is not None and gold.doc_id != doc_id:
            raise QawlError(f"the gold layer is of document {gold.doc_id!r}, not {doc_id!r}", field="doc_id")
        self.annotator = gold.annotator if gold is not None else annotator
        self.layer = gold.copy() if gold is not None else Layer(doc_id, annotator)
        self.doc_id = doc_id
        self.space = Workspace([self.layer])
        self.changes: list[Change] = []

    def do(self, change: Change) -> None:
        change.apply(self.space)
        self.changes.append(change)

    def counterparts(self, annotator: str, span: Span) -> list[Span]:
        return [g for g in self.layer.spans.values()
                if g.provenance.get("source_ids", {}).get(annotator) == span.id
                or (g.label, g.start, g.end) == (span.label, span.start, span.end)]

    def remove(self, span: Span) -> None:
        if span.id not in self.layer.spans:
            return
        for rel in self.layer.relations_of(span.id):
            self.do(RemoveRelation(self.doc_id, self.annotator, rel))
        self.do(RemoveSpan(self.doc_id, self.annotator, self.layer.spans[span.id], ()))


def _layers_by_name(layers: Iterable[Layer], doc_id: str) -> dict[str, Layer]:
    out: dict[str, Layer] = {}
    for layer in layers:
        if layer.annotator == GOLD:
            raise QawlError("gold is built from the annotators' layers: pass it as gold, not among them",
                            field="layers")
        if layer.doc_id != doc_id:
            raise QawlError(f"layer of {layer.annotator!r} is of document {layer.doc_id!r}, not {doc_id!r}",
                            field="doc_id")
        out[layer.annotator] = layer
    return out


def _doc_id(layers: Sequence[Layer], gold: Layer | None) -> str:
    if gold is not None:
        return gold.doc_id
    if layers:
        return layers[0].doc_id
    raise QawlError("no layers given", field="layers")


def _check_current(difference: Difference, by_name: dict[str, Layer]) -> None:
    for ann, span in zip(difference.annotators, difference.spans):
        if span is None:
            continue
        layer = by_name.get(ann)
        if layer is None or layer.spans.get(span.id) != span:
            raise QawlError(f"the difference names {ann!r}'s span {span.id!r}, which is not (or no longer) in "
                            f"that layer; compute the differences again", field="difference")


def _start(gold: Layer | None, layers: Sequence[Layer], difference: Difference) -> tuple[_Builder, dict]:
    doc_id = _doc_id(layers, gold)
    builder = _Builder(gold, doc_id)
    by_name = _layers_by_name(layers, doc_id)
    _check_current(difference, by_name)
    return builder, by_name


def _clear(builder: _Builder, difference: Difference) -> None:
    for ann, span in zip(difference.annotators, difference.spans):
        if span is not None:
            for g in builder.counterparts(ann, span):
                builder.remove(g)


def _same_version(a: Span, b: Span) -> bool:
    return (a.label, a.start, a.end, without_notes(a.attrs)) == (b.label, b.start, b.end, without_notes(b.attrs))


def _add(builder: _Builder, by_name: dict[str, Layer], version: Span, sources: dict[str, Span], by: str,
         now: str, edited: bool = False) -> Span:
    """Put ``version`` into gold as a new span made from ``sources`` and copy the relations it can."""
    provenance = {"from": sorted(sources), "source_ids": {a: s.id for a, s in sorted(sources.items())},
                  "adjudicated_by": by, "adjudicated_at": now}
    if edited:
        provenance["edited"] = True
    # The annotator's "needs discussion" flag is theirs, not the adjudicated annotation's; their note stays with it.
    gold_span = replace(version, id=new_id("s"), attrs=without_flag(version.attrs), provenance=provenance,
                        created=now, updated=now)
    builder.do(AddSpan(builder.doc_id, builder.annotator, gold_span))
    _copy_relations(builder, by_name, gold_span, sources, by, now)
    return gold_span


def _copy_relations(builder: _Builder, by_name: dict[str, Layer], gold_span: Span, sources: dict[str, Span],
                    by: str, now: str) -> None:
    wanted: dict[tuple[str, str, str], dict[str, Relation]] = {}
    for ann, src in sorted(sources.items()):
        layer = by_name[ann]
        for rel in layer.relations_of(src.id):
            other_id = rel.tail if rel.head == src.id else rel.head
            others = [g for g in builder.counterparts(ann, layer.spans[other_id]) if g.id != gold_span.id]
            for other in others:
                head, tail = (gold_span.id, other.id) if rel.head == src.id else (other.id, gold_span.id)
                wanted.setdefault((rel.type, head, tail), {})[ann] = rel
    existing = {(r.type, r.head, r.tail) for r in builder.layer.relations.values()}
    for (rtype, head, tail), rels in sorted(wanted.items()):
        if (rtype, head, tail) in existing:
            continue
        first = rels[sorted(rels)[0]]
        provenance = {"from": sorted(rels), "source_ids": {a: r.id for a, r in sorted(rels.items())},
                      "adjudicated_by": by, "adjudicated_at": now}
        builder.do(AddRelation(builder.doc_id, builder.annotator,
                               Relation(new_id("r"), rtype, head, tail, first.origin, provenance, now)))


def _finish(builder: _Builder, description: str) -> Batch:
    changes = list(builder.changes)
    if changes and builder.layer.status == Status.TODO.value:
        changes.insert(0, SetStatus(builder.doc_id, builder.annotator, Status.TODO.value,
                                    Status.IN_PROGRESS.value))
    return Batch(tuple(changes), description)


def _versions(difference: Difference, chosen: Sequence[str]) -> list[tuple[Span, dict[str, Span]]]:
    """The distinct versions of the chosen annotators, each with every annotator (chosen or not) who has it."""
    out: list[tuple[Span, dict[str, Span]]] = []
    for ann in chosen:
        span = difference.span_of(ann)
        if span is None:
            raise QawlError(f"{ann!r} has nothing here to accept", field="annotator")
        if any(_same_version(v, span) for v, _ in out):
            continue
        sources = {a: s for a, s in zip(difference.annotators, difference.spans)
                   if s is not None and _same_version(s, span)}
        out.append((span, sources))
    return out


def _short(text: str, n: int = 30) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "…"


def accept(gold: Layer | None, layers: Sequence[Layer], difference: Difference, annotators: str | Sequence[str],
           *, by: str, now: str | None = None) -> Batch:
    """Gold takes the version(s) of ``annotators`` (one name, or several for "accept both") for ``difference``,
    replacing whatever gold held for it. ``gold`` is the current gold layer (``None``: there is none yet)."""
    chosen = [annotators] if isinstance(annotators, str) else list(annotators)
    if not chosen:
        raise QawlError("choose at least one annotator's version", field="annotators")
    now = now or _now()
    builder, by_name = _start(gold, layers, difference)
    versions = _versions(difference, chosen)
    _clear(builder, difference)
    for version, sources in versions:
        _add(builder, by_name, version, sources, by, now)
    first = versions[0][0]
    return _finish(builder, f"Accept {' + '.join(chosen)}'s {first.label} “{_short(first.text)}”")


def accept_edited(gold: Layer | None, layers: Sequence[Layer], difference: Difference, version: Span, *,
                  text: str, by: str, based_on: str | Sequence[str] = (), now: str | None = None) -> Batch:
    """Gold takes ``version``, a span the reviewer edited (any range, label and attributes, checked against the
    document ``text``), replacing whatever gold held for ``difference``. ``based_on`` names the annotator(s) whose
    span it was edited from: their relations are copied as for :func:`accept` and they are its ``from``."""
    version.check_against(text)
    based = [based_on] if isinstance(based_on, str) else list(based_on)
    now = now or _now()
    builder, by_name = _start(gold, layers, difference)
    sources: dict[str, Span] = {}
    for ann in based:
        span = difference.span_of(ann)
        if span is None:
            raise QawlError(f"{ann!r} has nothing here to edit", field="based_on")
        sources[ann] = span
    _clear(builder, difference)
    _add(builder, by_name, version, sources, by, now, edited=True)
    return _finish(builder, f"Accept edited {version.label} “{_short(version.text)}”")


def reject(gold: Layer | None, layers: Sequence[Layer], difference: Difference, *, by: str,
           now: str | None = None) -> Batch:
    """Nothing of ``difference`` goes into gold (what gold held for it is removed). ``by`` and ``now`` are kept
    for a uniform signature; a rejection leaves no span to record them on."""
    builder, _ = _start(gold, layers, difference)
    _clear(builder, difference)
    span = next(s for s in difference.spans if s is not None)
    return _finish(builder, f"Reject {span.label} “{_short(span.text)}”")


def accept_all_agreed(gold: Layer | None, layers: Sequence[Layer], doc_text: str, *, by: str,
                      entity_key: EntityKey = default_entity_key, now: str | None = None,
                      diffs: Sequence[Difference] | None = None) -> Batch:
    """Accept every difference of kind ``same`` that gold does not hold yet, as one batch.

    "Held" means every annotator's span there already has a counterpart in gold. ``diffs`` may pass the result
    of :func:`~app.core.review.diff.differences` when the caller has it; it is computed otherwise."""
    layers = list(layers)
    if diffs is None:
        diffs = differences(doc_text, layers, entity_key)
    doc_id = _doc_id(layers, gold)
    builder = _Builder(gold, doc_id)
    by_name = _layers_by_name(layers, doc_id)
    now = now or _now()
    n = 0
    for diff in diffs:
        if diff.kind != "same":
            continue
        _check_current(diff, by_name)
        if all(builder.counterparts(a, s) for a, s in zip(diff.annotators, diff.spans) if s is not None):
            continue
        _clear(builder, diff)
        version = diff.spans[0]
        sources = {a: s for a, s in zip(diff.annotators, diff.spans) if s is not None}
        _add(builder, by_name, version, sources, by, now)
        n += 1
    return _finish(builder, f"Accept {n} agreed annotation{'s' if n != 1 else ''}")


def set_review_status(gold: Layer | None, doc_id: str, status: str) -> SetStatus:
    """The change that sets the document's review status (the gold layer's status), e.g. to ``done``."""
    if status not in STATUSES:
        raise QawlError(f"must be one of {', '.join(STATUSES)}, got {status!r}", field="status")
    before = gold.status if gold is not None else Status.TODO.value
    annotator = gold.annotator if gold is not None else GOLD
    return SetStatus(doc_id, annotator, before, status)
