"""Differences between annotators' layers of one document: what a reviewer walks through before building gold.

:func:`differences` lines up the spans of two or more layers and returns one :class:`Difference` per place in the
text where annotators said something, in text order, so that a review view can step through them with the keyboard.

How spans line up (deterministic)
---------------------------------
1. Candidate pairs are spans of two *different* annotators whose ranges overlap by at least one code point.
   Two spans of the **same label** are a candidate at any overlap. Two spans of **different labels** are a
   candidate only when their ranges are equal or their overlap is at least half of the longer span, so a short
   DATE inside a long QUOTE is not read as a relabelling of that quote.
2. Candidates are taken in this order: same label before different label; same range before different range;
   larger overlap; smaller union; text position (then annotator order, then span id).
3. Taking a candidate joins the two spans' groups, unless the joined group would hold two spans of one annotator
   (every group holds at most one span per annotator). With two annotators this is exactly one-to-one greedy
   matching; with more it is single-linkage grouping under that constraint.
4. Every span left alone is a group of its own.

Kinds (one per group, the first that applies)
---------------------------------------------
``label``        the spans present do not all have the same label;
``boundary``     same label, but not all the same ``start``/``end``;
``attribution``  same label and range, but the attribution or an attribute differs. ``fields`` says which:
                 ``speaker``, ``cue``, ``date``, ``type`` for a QUOTE (``speaker``, ``date`` for a CLAIM; see
                 :mod:`app.core.review.matching` for what counts as the same), then the names of other attributes whose
                 values differ (``entity`` of a SPEAKER, compared with ``entity_key``; ``value`` of a DATE; ...);
``only``         the spans present agree completely, but not every annotator has one (``missing`` says who not;
                 with two annotators: only one of them has it);
``same``         every annotator has the same label, range and attribution.

``fields`` is filled whenever the present spans share a label (so a ``boundary`` difference can also say that the
speaker differs). A group where some annotators have nothing there and the others disagree gets the kind of the
disagreement, and ``missing`` still lists the annotators with nothing there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..errors import QawlError
from .matching import (ATTRIBUTION_ATTRS, EntityKey, attribution_of, compare_attribution, default_entity_key,
                       fields_for, outgoing_index)
from ..model import Layer, Span
from ..notes import NOTE_ATTRS

KINDS = ("same", "boundary", "label", "only", "attribution")


@dataclass(frozen=True)
class Difference:
    """One place where annotators' spans line up (or do not): ``spans[i]`` is ``annotators[i]``'s span there,
    ``None`` when that annotator has nothing there. ``start``/``end`` is the hull of the spans present."""

    kind: str
    start: int
    end: int
    annotators: tuple[str, ...]
    spans: tuple[Span | None, ...]
    fields: tuple[str, ...] = ()

    def span_of(self, annotator: str) -> Span | None:
        try:
            return self.spans[self.annotators.index(annotator)]
        except ValueError:
            raise QawlError(f"{annotator!r} is not one of {', '.join(self.annotators)}",
                            field="annotator") from None

    @property
    def present(self) -> tuple[str, ...]:
        """Annotators who have a span here."""
        return tuple(a for a, s in zip(self.annotators, self.spans) if s is not None)

    @property
    def missing(self) -> tuple[str, ...]:
        """Annotators who have nothing here."""
        return tuple(a for a, s in zip(self.annotators, self.spans) if s is None)

    @property
    def labels(self) -> tuple[str, ...]:
        """The distinct labels present, in annotator order."""
        out: list[str] = []
        for s in self.spans:
            if s is not None and s.label not in out:
                out.append(s.label)
        return tuple(out)

    @property
    def label(self) -> str | None:
        """The label, when all spans present share one."""
        labels = self.labels
        return labels[0] if len(labels) == 1 else None

    @property
    def agreed(self) -> bool:
        return self.kind == "same"


def _cross_label_ok(a: Span, b: Span, ov: int) -> bool:
    if (a.start, a.end) == (b.start, b.end):
        return True
    return 2 * ov >= max(a.end - a.start, b.end - b.start)


def differences(doc_text: str, layers: Sequence[Layer],
                entity_key: EntityKey = default_entity_key) -> list[Difference]:
    """Line up the spans of ``layers`` (two or more annotators of one document) and say how they differ.

    Raises :class:`QawlError` when the layers are of different documents, two layers have the same annotator, or
    a span does not fit ``doc_text``. The result is ordered by ``(start, -end, first label, first annotator)``."""
    layers = list(layers)
    if len({l.annotator for l in layers}) != len(layers):
        raise QawlError("two layers have the same annotator", field="annotator")
    if len({l.doc_id for l in layers}) > 1:
        raise QawlError(f"the layers are of different documents ({', '.join(sorted({l.doc_id for l in layers}))})",
                        field="doc_id")
    for layer in layers:
        try:
            layer.check_against(doc_text)
        except QawlError as exc:
            raise exc.located(field_prefix=f"layers[{layer.annotator}]") from None

    annotators = tuple(l.annotator for l in layers)
    nodes: list[tuple[int, Span]] = [(k, s) for k, l in enumerate(layers) for s in l.sorted_spans()]
    # Union-find over nodes, with the set of annotators in each group.
    parent = list(range(len(nodes)))
    members: dict[int, set[int]] = {i: {nodes[i][0]} for i in range(len(nodes))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cands = []
    order = sorted(range(len(nodes)), key=lambda i: (nodes[i][1].start, nodes[i][1].end))
    for x_pos, i in enumerate(order):
        ki, si = nodes[i]
        for j in order[x_pos + 1:]:
            kj, sj = nodes[j]
            if sj.start >= si.end:
                break
            if ki == kj:
                continue
            ov = min(si.end, sj.end) - max(si.start, sj.start)
            same_label = si.label == sj.label
            if not same_label and not _cross_label_ok(si, sj, ov):
                continue
            same_range = (si.start, si.end) == (sj.start, sj.end)
            union = max(si.end, sj.end) - min(si.start, sj.start)
            a, b = (i, j) if (ki, si.id) <= (kj, sj.id) else (j, i)
            cands.append((not same_label, not same_range, -ov, union, min(si.start, sj.start),
                          nodes[a][0], nodes[b][0], nodes[a][1].id, nodes[b][1].id, a, b))
    cands.sort()
    for *_, a, b in cands:
        ra, rb = find(a), find(b)
        if ra == rb or members[ra] & members[rb]:
            continue
        parent[rb] = ra
        members[ra] |= members.pop(rb)

    groups: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        groups.setdefault(find(i), []).append(i)

    indexes = [outgoing_index(l) for l in layers]
    out = []
    for group in groups.values():
        spans: list[Span | None] = [None] * len(layers)
        for i in group:
            k, s = nodes[i]
            spans[k] = s
        out.append(_difference(annotators, layers, indexes, spans, entity_key))
    out.sort(key=lambda d: (d.start, -d.end, d.labels[0], d.present[0]))
    return out


def _difference(annotators, layers, indexes, spans, entity_key) -> Difference:
    present = [(k, s) for k, s in enumerate(spans) if s is not None]
    start = min(s.start for _, s in present)
    end = max(s.end for _, s in present)
    labels = {s.label for _, s in present}
    fields: list[str] = []
    if len(labels) == 1 and len(present) > 1:
        fields = _differing_fields(layers, indexes, present, entity_key)
    if len(labels) > 1:
        kind = "label"
    elif len({(s.start, s.end) for _, s in present}) > 1:
        kind = "boundary"
    elif fields:
        kind = "attribution"
    elif len(present) < len(spans):
        kind = "only"
    else:
        kind = "same"
    return Difference(kind, start, end, tuple(annotators), tuple(spans), tuple(fields))


def _differing_fields(layers, indexes, present, entity_key) -> list[str]:
    """Attribution fields, then other attribute names, on which the present spans (all of one label) differ."""
    label = present[0][1].label
    found: set[str] = set()
    if fields_for(label):
        attrs = [attribution_of(layers[k], s, entity_key, indexes[k]) for k, s in present]
        for x in range(len(attrs)):
            for y in range(x + 1, len(attrs)):
                found |= {f for f, ok in compare_attribution(label, attrs[x], attrs[y]).items() if ok is False}
    covered = {ATTRIBUTION_ATTRS.get(label)}
    # Notes are remarks on an annotation, never a difference between versions.
    names = sorted({n for _, s in present for n in s.attrs} - covered - set(NOTE_ATTRS))
    for name in names:
        if name == "entity":
            values = {entity_key(layers[k], s) for k, s in present}
        else:
            values = {repr(s.attrs.get(name)) for _, s in present}
        if len(values) > 1:
            found.add(name)
    return [f for f in fields_for(label) if f in found] + [n for n in names if n in found]


def summarise(diffs: Sequence[Difference]) -> dict[str, int]:
    """How many differences of each kind (every kind listed, zero included), e.g. for a review list header."""
    counts = {k: 0 for k in KINDS}
    for d in diffs:
        counts[d.kind] += 1
    return counts
