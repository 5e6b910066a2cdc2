"""Who made a claim.

A claim the text attributes to a source has a CLAIMED_BY relation to a SPEAKER mention. A claim made inside a quote
is the quote's speaker's (the claims guidelines): when the claim has no CLAIMED_BY of its own, its claimant is the
SAID_BY speaker of the innermost QUOTE of the same layer that contains it. That claimant is derived, never stored,
so it follows the quote's speaker when that changes; linking a speaker to the claim (CLAIMED_BY) overrides it.
A claim with neither is the article's own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Layer, Span

CLAIM = "claim"  # the claimant is the claim's own CLAIMED_BY speaker
QUOTE = "quote"  # ... the speaker of the quote the claim sits in


@dataclass(frozen=True)
class Claimant:
    """A claim's claimant: the SPEAKER mention, where it comes from (``"claim"`` or ``"quote"``) and, for
    ``"quote"``, the quote."""

    speaker: Span
    source: str
    quote: Span | None = None


def enclosing_quote(layer: Layer, claim: Span) -> Span | None:
    """The innermost QUOTE of ``layer`` whose range contains the claim's."""
    around = [s for s in layer.spans.values()
              if s.label == "QUOTE" and s.start <= claim.start and claim.end <= s.end and s.id != claim.id]
    return min(around, key=lambda s: (s.end - s.start, s.start, s.id)) if around else None


def claimant(layer: Layer, claim: Span) -> Claimant | None:
    """The claimant of ``claim`` (see the module docstring), or None when the claim is the article's own."""
    own = layer.linked(claim.id, "CLAIMED_BY")
    if own:
        return Claimant(own[0], CLAIM)
    quote = enclosing_quote(layer, claim)
    if quote is not None:
        said = layer.linked(quote.id, "SAID_BY")
        if said:
            return Claimant(said[0], QUOTE, quote)
    return None


def claimants(layer: Layer) -> dict[str, Claimant]:
    """The claimant of every claim of a layer that has one, by claim id: the same answer as :func:`claimant`, in
    O((spans + relations) log spans) for the whole layer (a sidebar shows thousands of rows)."""
    out_rel: dict[tuple[str, str], list[str]] = {}
    for rel in layer.relations.values():
        out_rel.setdefault((rel.head, rel.type), []).append(rel.tail)

    def first(head: str, rtype: str) -> Span | None:
        tails = [layer.spans[t] for t in out_rel.get((head, rtype), ()) if t in layer.spans]
        return min(tails, key=lambda s: (s.start, s.end)) if tails else None

    quotes = sorted((s for s in layer.spans.values() if s.label == "QUOTE"), key=lambda s: (s.start, s.end))
    starts = [q.start for q in quotes]
    longest = max((q.end - q.start for q in quotes), default=0)
    found: dict[str, Claimant] = {}
    for claim in layer.spans.values():
        if claim.label != "CLAIM":
            continue
        own = first(claim.id, "CLAIMED_BY")
        if own is not None:
            found[claim.id] = Claimant(own, CLAIM)
            continue
        best = None
        i = bisect_right(starts, claim.start) - 1
        while i >= 0 and quotes[i].start >= claim.start - longest:
            q = quotes[i]
            if claim.end <= q.end and q.id != claim.id and \
                    (best is None or (q.end - q.start, q.start, q.id) < (best.end - best.start, best.start, best.id)):
                best = q
            i -= 1
        if best is not None:
            said = first(best.id, "SAID_BY")
            if said is not None:
                found[claim.id] = Claimant(said, QUOTE, best)
    return found
