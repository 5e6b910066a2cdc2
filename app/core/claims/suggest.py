"""Check-worthiness suggestions in the suggestion layer.

:func:`claim_suggestions` turns the sentences :mod:`.checkworthy` scores at or above its threshold into CLAIM spans
of annotator ``suggestions`` (``origin="suggested"``, ``attrs = {"checkworthy": "yes", "kind": …}``, provenance with
the rule, the engine, the score and the cues), with ids derived from the document and the range, so a re-run gives
the same ids and decided suggestions are never brought back. :func:`with_claims` adds them to a layer of quote
suggestions: both go into the document's one suggestion layer, accepted or rejected the same way
(:mod:`app.core.review.triage`: a CLAIM suggestion is a record of its own).
"""

from __future__ import annotations

import hashlib

from ..model import SUGGESTIONS, Document, Layer, Origin, Span, Status
from .checkworthy import ENGINE, score_document

RULE = "checkworthy"


def _id(doc_id: str, start: int, end: int) -> str:
    return "c" + hashlib.blake2b(f"{doc_id}\x1fCLAIM\x1f{start}\x1f{end}".encode("utf-8"), digest_size=5).hexdigest()


def claim_suggestions(doc: Document) -> list[Span]:
    """The suggested CLAIM spans of a document, in text order."""
    out = []
    for scored in score_document(doc.text):
        if not scored.suggested:
            continue
        a, z = scored.claim_start, scored.claim_end
        out.append(Span.of(doc.text, "CLAIM", a, z, id=_id(doc.id, a, z),
                           attrs={"checkworthy": "yes", "kind": scored.kind}, origin=Origin.SUGGESTED.value,
                           provenance={"rule": RULE, "engine": ENGINE, "score": scored.score,
                                       "cues": list(scored.cues)}))
    return out


def with_claims(doc: Document, layer: Layer | None = None) -> Layer:
    """``layer`` (a document's quote suggestions; an empty suggestion layer when None) with the check-worthiness
    suggestions added. A CLAIM with the same range as an existing CLAIM suggestion is not added twice."""
    layer = layer.copy() if layer is not None else Layer(doc.id, SUGGESTIONS, Status.TODO.value)
    have = {(s.label, s.start, s.end) for s in layer.spans.values()}
    for span in claim_suggestions(doc):
        if ("CLAIM", span.start, span.end) not in have and span.id not in layer.spans:
            layer.add_span(span)
    return layer
