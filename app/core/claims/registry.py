"""Edits of claims and of the claim registry, as pure functions from the current state to one Change.

A CLAIM span carries what its annotator decided about it (``attrs``: ``checkworthy``, ``verdict``, ``factcheck``,
``note``) and may link to a canonical claim of the registry (``attrs.claim``). The registry holds the claim's
normalised wording, the verdict and fact-check URL of the claim itself, and where that verdict came from
(``source``): the claim span it was first set on, or the person who set it in the registry.

- Linking a span to a canonical claim sets the span's verdict (and fact-check URL) from the claim; when the claim
  has none yet and the span has one, the claim takes the span's, with the span as its source.
- Setting a verdict on a linked span also gives the claim that verdict when the claim has none.
- Setting a claim's verdict in the registry updates the annotator's own linked spans that carried the claim's
  previous verdict (or none); other people's spans are their work and stay as they are (the Claims sidebar shows
  where a mention differs from its claim).

Every function returns a :class:`~app.core.changes.Batch` (one undo step) or None when nothing would change.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from typing import Iterable

from ..changes import AddClaim, Batch, Change, RemoveClaim, UpdateClaim, UpdateSpan
from ..model import CanonicalClaim, Layer, Origin, Span, new_id

# What opens reported content and is not part of the claim's wording: أن / إن / بأن / لأن …, and quotation marks.
_OPENER = re.compile(r"^(?:[\"“”«»„‘’']|\s)*(?:(?:[وف]?(?:ب|ل)?[أإا]ن)(?:\s+|$))?")
_EDGES = "\"“”«»„‘’'.,،؛;:!?؟ \n\t"


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def wording(text: str) -> str:
    """A canonical wording from a claim span's text: white space collapsed, the complementizer that opens
    reported content (أن، إن، بأن) and outer quotation marks and punctuation dropped. The annotator can reword it."""
    words = " ".join(text.split())
    stripped = _OPENER.sub("", words, count=1).strip(_EDGES)
    return stripped or words


def _edited(span: Span, attrs: dict, now: str) -> Span:
    origin = Origin.SUGGESTED_EDITED.value if span.origin == Origin.SUGGESTED.value else span.origin
    return replace(span, attrs=attrs, origin=origin, updated=now)


def _with(attrs: dict, **values) -> dict:
    out = dict(attrs)
    for key, value in values.items():
        if value in (None, ""):
            out.pop(key, None)
        else:
            out[key] = value
    return out


def span_source(layer: Layer, span: Span, annotator: str, now: str) -> dict:
    """The ``source`` of a verdict taken from a claim span."""
    return {"doc_id": layer.doc_id, "span": span.id, "annotator": annotator, "at": now}


def new_claim(layer: Layer, span_id: str, annotator: str, *, text: str | None = None,
              now: str | None = None) -> tuple[Batch, CanonicalClaim]:
    """A new canonical claim worded after the span (or ``text``), with the span's verdict and fact-check URL, and
    the span linked to it."""
    now = now or utc_now()
    span = layer.spans[span_id]
    verdict = span.attrs.get("verdict") or None
    claim = CanonicalClaim(new_id("k"), text or wording(span.text), verdict, span.attrs.get("factcheck") or None,
                           "", span_source(layer, span, annotator, now) if verdict else {})
    update = UpdateSpan(layer.doc_id, layer.annotator, span, _edited(span, _with(span.attrs, claim=claim.id), now))
    return Batch((AddClaim(claim), update), f"New claim “{claim.text[:40]}”"), claim


def link(layer: Layer, span_id: str, claim: CanonicalClaim, annotator: str, *,
         now: str | None = None) -> Batch | None:
    """Link a CLAIM span to a canonical claim (see the module docstring for what happens to the verdicts)."""
    now = now or utc_now()
    span = layer.spans[span_id]
    changes: list[Change] = []
    attrs = _with(span.attrs, claim=claim.id)
    if claim.verdict:
        attrs = _with(attrs, verdict=claim.verdict)
    if claim.factcheck:
        attrs = _with(attrs, factcheck=claim.factcheck)
    after_claim = claim
    if not claim.verdict and span.attrs.get("verdict"):
        after_claim = replace(after_claim, verdict=span.attrs["verdict"],
                              source=span_source(layer, span, annotator, now))
    if not claim.factcheck and span.attrs.get("factcheck"):
        after_claim = replace(after_claim, factcheck=span.attrs["factcheck"])
    if after_claim != claim:
        changes.append(UpdateClaim(claim, after_claim))
    if attrs != span.attrs:
        changes.append(UpdateSpan(layer.doc_id, layer.annotator, span, _edited(span, attrs, now)))
    if not changes:
        return None
    return Batch(tuple(changes), f"Link claim “{claim.text[:40]}”")


def unlink(layer: Layer, span_id: str, *, now: str | None = None) -> Batch | None:
    """Take a CLAIM span out of its canonical claim (its own verdict stays: it is the annotator's)."""
    span = layer.spans[span_id]
    if not span.attrs.get("claim"):
        return None
    after = _edited(span, _with(span.attrs, claim=None), now or utc_now())
    return Batch((UpdateSpan(layer.doc_id, layer.annotator, span, after),), "Unlink claim")


def set_span_attr(layer: Layer, span_id: str, name: str, value: str | None, annotator: str,
                  claims: dict[str, CanonicalClaim], *, now: str | None = None) -> Batch | None:
    """Set a CLAIM span's ``checkworthy``, ``verdict``, ``factcheck`` or ``note``. A verdict or fact-check URL
    set on a span linked to a claim that has none also becomes the claim's (the span is the verdict's source)."""
    now = now or utc_now()
    span = layer.spans[span_id]
    attrs = _with(span.attrs, **{name: value})
    if attrs == span.attrs:
        return None
    changes: list[Change] = [UpdateSpan(layer.doc_id, layer.annotator, span, _edited(span, attrs, now))]
    claim = claims.get(str(span.attrs.get("claim") or ""))
    if claim is not None and value and name in ("verdict", "factcheck") and getattr(claim, name) is None:
        after = replace(claim, verdict=value, source=span_source(layer, span, annotator, now)) \
            if name == "verdict" else replace(claim, factcheck=value)
        changes.append(UpdateClaim(claim, after))
    return Batch(tuple(changes), f"Set claim {name}")


def set_claim(claim: CanonicalClaim, annotator: str, own_layers: Iterable[Layer] = (), *,
              now: str | None = None, **values) -> Batch | None:
    """Change a canonical claim's ``text``, ``verdict``, ``factcheck`` or ``note`` in the registry. A new verdict
    (or URL) records who set it, and is carried to ``annotator``'s own spans linked to the claim that had the
    claim's previous value (or none)."""
    now = now or utc_now()
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if "text" in clean and not (clean["text"] or "").strip():
        clean.pop("text")
    for key in ("verdict", "factcheck"):
        if key in clean and not clean[key]:
            clean[key] = None
    if "note" in clean and clean["note"] is None:
        clean["note"] = ""
    after = replace(claim, **clean)
    if after.verdict != claim.verdict:
        after = replace(after, source={"annotator": annotator, "at": now} if after.verdict else {})
    if after == claim:
        return None
    changes: list[Change] = [UpdateClaim(claim, after)]
    carried = [k for k in ("verdict", "factcheck") if getattr(after, k) != getattr(claim, k)]
    if carried:
        for layer in own_layers:
            if layer.annotator != annotator:
                continue
            for span in layer.sorted_spans():
                if span.label != "CLAIM" or span.attrs.get("claim") != claim.id:
                    continue
                attrs = span.attrs
                for key in carried:
                    if (attrs.get(key) or None) in (None, getattr(claim, key)):
                        attrs = _with(attrs, **{key: getattr(after, key)})
                if attrs != span.attrs:
                    changes.append(UpdateSpan(layer.doc_id, layer.annotator, span, _edited(span, attrs, now)))
    return Batch(tuple(changes), f"Edit claim “{after.text[:40]}”")


def remove_claim(claim: CanonicalClaim) -> Batch:
    """Remove a canonical claim no span links to (the store refuses it while a span does)."""
    return Batch((RemoveClaim(claim),), f"Remove claim “{claim.text[:40]}”")


def differs(span: Span, claim: CanonicalClaim | None) -> bool:
    """A linked span whose verdict is not its claim's (both set)."""
    return claim is not None and bool(span.attrs.get("verdict")) and bool(claim.verdict) and \
        span.attrs.get("verdict") != claim.verdict
