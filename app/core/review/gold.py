"""What the review view decides without Qt: whose layers a document is compared across, what gold already holds
for each difference, and the reviewer's edited version of a span.

The review view (``app/ui/review.py``) lists :func:`app.core.review.diff.differences` of the compared layers and turns
each keyboard decision into one :mod:`app.core.review.adjudicate` batch. This module answers the questions around that:

* :func:`compared_annotators`: by default every layer of the document except ``suggestions`` and ``gold``, in name
  order (the order fixes the number keys: 1 is the first annotator);
* :func:`gold_state`: which gold spans stand for a difference (its *counterparts*, by the same rule as
  :mod:`app.core.review.adjudicate`: the gold span's ``provenance.source_ids`` names one of the difference's spans, or it
  has the same label, ``start`` and ``end`` as one of them) and whose version they are;
* :func:`holds_versions`: gold already holds exactly the chosen versions there (accepting them again would only
  renew ids, so the view says so and changes nothing);
* :func:`edited_version`: a version with a range the reviewer adjusted, checked against the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .diff import Difference
from ..errors import QawlError
from ..model import GOLD, SUGGESTIONS, Layer, Span
from ..notes import without_notes

#: Layers that are never compared: the machine's suggestions and the gold layer being built.
RESERVED = (SUGGESTIONS, GOLD)


def compared_annotators(layer_annotators: Iterable[str], excluded: Iterable[str] = ()) -> list[str]:
    """The annotators whose layers are compared: those given (a document's layers) minus the reserved layers and
    ``excluded`` (names the reviewer unticked), each once, in name order."""
    left_out = set(RESERVED) | set(excluded)
    return sorted({a for a in layer_annotators if a not in left_out})


def _is_counterpart(gold_span: Span, annotator: str, span: Span) -> bool:
    return gold_span.provenance.get("source_ids", {}).get(annotator) == span.id or \
        (gold_span.label, gold_span.start, gold_span.end) == (span.label, span.start, span.end)


class GoldIndex:
    """Gold's spans by ``(label, start, end)`` and by ``(annotator, source span id)``, so that what gold holds
    for each of hundreds of differences is found without scanning gold for each."""

    def __init__(self, gold: Layer | None) -> None:
        self.by_range: dict[tuple, list[Span]] = {}
        self.by_source: dict[tuple[str, str], list[Span]] = {}
        for g in (gold.spans.values() if gold is not None else ()):
            self.by_range.setdefault((g.label, g.start, g.end), []).append(g)
            sources = g.provenance.get("source_ids", {})
            if isinstance(sources, dict):
                for ann, sid in sources.items():
                    self.by_source.setdefault((ann, sid), []).append(g)

    def counterparts(self, difference: Difference) -> list[Span]:
        found: dict[str, Span] = {}
        for ann, span in zip(difference.annotators, difference.spans):
            if span is None:
                continue
            for g in self.by_range.get((span.label, span.start, span.end), ()):
                found[g.id] = g
            for g in self.by_source.get((ann, span.id), ()):
                found[g.id] = g
        return sorted(found.values(), key=lambda s: (s.start, -s.end, s.label, s.id))


def counterparts(gold: Layer | None, difference: Difference) -> list[Span]:
    """The gold spans that stand for ``difference``, in text order (empty: gold holds nothing for it)."""
    if gold is None:
        return []
    found = {g.id: g for g in gold.spans.values()
             for ann, span in zip(difference.annotators, difference.spans)
             if span is not None and _is_counterpart(g, ann, span)}
    return sorted(found.values(), key=lambda s: (s.start, -s.end, s.label, s.id))


@dataclass(frozen=True)
class GoldState:
    """What gold holds for one difference. ``sources``: the annotators whose version it is (the union of the gold
    spans' ``provenance.from``); ``edited``: one of them is a reviewer-edited version; ``foreign``: a gold span
    with no adjudication provenance (made outside the review, e.g. imported) stands there."""

    spans: tuple[Span, ...] = ()
    sources: tuple[str, ...] = ()
    edited: bool = False
    foreign: bool = False

    @property
    def decided(self) -> bool:
        return bool(self.spans)


def gold_state(gold: Layer | None, difference: Difference) -> GoldState:
    return _state(counterparts(gold, difference), difference)


def gold_states(gold: Layer | None, diffs: Sequence[Difference]) -> list[GoldState]:
    """:func:`gold_state` of every difference, with one index of gold (linear in gold + differences)."""
    index = GoldIndex(gold)
    return [_state(index.counterparts(d), d) for d in diffs]


def _state(spans: list[Span], difference: Difference) -> GoldState:
    sources: list[str] = []
    edited = foreign = False
    for g in spans:
        origin = g.provenance.get("from")
        if not isinstance(origin, list) or "adjudicated_by" not in g.provenance:
            foreign = True
            continue
        edited = edited or bool(g.provenance.get("edited"))
        sources.extend(a for a in origin if a not in sources)
    order = {a: i for i, a in enumerate(difference.annotators)}
    sources.sort(key=lambda a: (order.get(a, len(order)), a))
    return GoldState(tuple(spans), tuple(sources), edited, foreign)


def _version(span: Span) -> tuple:
    return (span.label, span.start, span.end,
            tuple(sorted((k, repr(v)) for k, v in without_notes(span.attrs).items())))


def holds_versions(gold: Layer | None, difference: Difference, annotators: Sequence[str]) -> bool:
    """Gold holds, for ``difference``, exactly the distinct versions of ``annotators`` (as accepted, not edited)
    and nothing else."""
    chosen = [difference.span_of(a) for a in annotators]
    if not chosen or any(s is None for s in chosen):
        return False
    spans = counterparts(gold, difference)
    if any(g.provenance.get("edited") for g in spans):
        return False
    return sorted({_version(s) for s in chosen}) == sorted(_version(g) for g in spans)


def edited_version(text: str, base: Span, start: int, end: int) -> Span:
    """``base`` (an annotator's span) with the range the reviewer chose, label and attributes kept; the text is
    taken from the document. Raises :class:`QawlError` for an empty or out-of-range range."""
    if not 0 <= start < end <= len(text):
        raise QawlError(f"the range {start}–{end} is empty or outside the document (0–{len(text)})",
                        field="range")
    return base.with_range(text, start, end)


def default_base(difference: Difference, preferred: str | None = None) -> str:
    """The annotator whose span an edited version starts from: ``preferred`` if they have a span here, else the
    first annotator who has one."""
    if preferred is not None and preferred in difference.annotators and \
            difference.span_of(preferred) is not None:
        return preferred
    return difference.present[0]
