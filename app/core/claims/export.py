"""The claim exports: ``claims`` (one flat line per CLAIM span) and schema.org ClaimReview JSON-LD.

``claims`` (``qawl-claims/1``): the claim's text and offsets, the document (and its title, URL and date), the
claimant (canonical name, mention and offsets, and whether the claimant is the claim's own CLAIMED_BY speaker or the
speaker of the quote the claim sits in), the DATED date and its value, ``checkworthy``, ``verdict``, ``factcheck``,
``note``, ``kind``, the canonical claim (id, wording, verdict, fact-check URL) and the annotator.

ClaimReview (https://schema.org/ClaimReview), the markup fact-checkers publish and search engines read: one review
per canonical claim (all its mentions in the export are its ``appearance``\\s) and one per claim span that is not
linked to the registry, for claims that have a verdict other than "not checked". The mapping is in README.md
("ClaimReview export"); nothing is guessed: a field the data does not give is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from ..model import CanonicalClaim, Document, Entity, Layer
from ..schema import NOT_CHECKED
from .claimant import claimant

CLAIMS_FORMAT = "qawl-claims/1"
SCHEMA_ORG = "https://schema.org"
# schema.org Date: an ISO 8601 calendar date (a year, a year-month or a full date); TIMEX values with X's are not.
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
# Where a document's metadata names its outlet (the author of the article's own claims).
_OUTLET_KEYS = ("publisher", "outlet_name", "outlet", "site_name", "source_name")


def _entity_name(entities: Mapping[str, Entity], span) -> str:
    entity = entities.get(span.entity or "")
    return entity.name if entity else " ".join(span.text.split())


def claim_rows(doc: Document, layer: Layer, entities: Mapping[str, Entity],
               claims: Mapping[str, CanonicalClaim]) -> Iterator[dict]:
    """The ``claims`` lines of one layer, in text order."""
    meta = doc.meta
    for span in layer.spans_by_label("CLAIM"):
        found = claimant(layer, span)
        speaker = found.speaker if found else None
        dates = layer.linked(span.id, "DATED")
        date = dates[0] if dates else None
        canonical = claims.get(str(span.attrs.get("claim") or ""))
        yield {
            "schema": CLAIMS_FORMAT,
            "doc_id": doc.id, "annotator": layer.annotator, "status": layer.status,
            "claim_id": span.id, "claim": span.text, "start": span.start, "end": span.end,
            "checkworthy": span.attrs.get("checkworthy"), "verdict": span.attrs.get("verdict"),
            "factcheck": span.attrs.get("factcheck"), "note": span.attrs.get("note"), "kind": span.attrs.get("kind"),
            "origin": span.origin,
            "claimant": _entity_name(entities, speaker) if speaker else None,
            "claimant_id": speaker.entity if speaker else None,
            "claimant_mention": speaker.text if speaker else None,
            "claimant_start": speaker.start if speaker else None,
            "claimant_end": speaker.end if speaker else None,
            "claimant_from": found.source if found else None,
            "quote_id": found.quote.id if found and found.quote else None,
            "date": date.text if date else None, "date_value": date.attrs.get("value") if date else None,
            "date_start": date.start if date else None, "date_end": date.end if date else None,
            "canonical_claim_id": canonical.id if canonical else None,
            "canonical_claim": canonical.text if canonical else None,
            "canonical_verdict": canonical.verdict if canonical else None,
            "canonical_factcheck": canonical.factcheck if canonical else None,
            "article_title": doc.title, "article_url": meta.get("url") or None, "article_date": doc.date,
            "outlet": _outlet(meta),
        }


def _outlet(meta: Mapping) -> str | None:
    for key in _OUTLET_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# --- ClaimReview ---------------------------------------------------------------------------------------------------

@dataclass
class _Group:
    """The mentions of one reviewed claim: rows of the claims export."""

    key: tuple
    rows: list[dict] = field(default_factory=list)


def _iso(value: object) -> str | None:
    return value if isinstance(value, str) and _ISO_DATE.match(value) else None


def _date_key(row: dict) -> tuple:
    return (_iso(row.get("article_date")) or "9999", row.get("doc_id") or "", row.get("start") or 0)


def _one(values: Iterable[object]) -> tuple[object, bool]:
    """The single value set among ``values`` (None when none), and whether they agree."""
    found = {v for v in values if v}
    return (next(iter(found)) if len(found) == 1 else None), len(found) <= 1


def claim_reviews(rows: Iterable[dict]) -> tuple[list[dict], list[str]]:
    """ClaimReview objects for the claim rows that have a verdict, and notes on what was left out and why.

    Rows linked to one canonical claim make one review: the claim's verdict and fact-check URL (else the one
    verdict / URL their mentions agree on), its wording as ``claimReviewed``, every article as an ``appearance``,
    and the ``author`` and ``datePublished`` of its earliest mention. An unlinked claim span is its own review
    (several annotators' copies of the same span are one)."""
    groups: dict[tuple, _Group] = {}
    for row in rows:
        key = ("claim", row["canonical_claim_id"]) if row.get("canonical_claim_id") else \
            ("span", row["doc_id"], row["start"], row["end"], row.get("verdict"), row.get("factcheck"))
        groups.setdefault(key, _Group(key)).rows.append(row)
    reviews: list[dict] = []
    notes: list[str] = []
    for group in groups.values():
        rows_ = sorted(group.rows, key=_date_key)
        first = rows_[0]
        linked = group.key[0] == "claim"
        verdict, agree = (first.get("canonical_verdict"), True) if linked and first.get("canonical_verdict") else \
            _one(r.get("verdict") for r in rows_)
        what = f"claim “{(first.get('canonical_claim') or first['claim'])[:50]}”"
        if not agree:
            notes.append(f"{what}: its mentions have different verdicts and the registry has none; not exported")
            continue
        if not verdict or verdict == NOT_CHECKED:
            continue
        url, _ = (first.get("canonical_factcheck"), True) if linked and first.get("canonical_factcheck") else \
            _one(r.get("factcheck") for r in rows_)
        if not url:
            notes.append(f"{what}: no fact-check URL (the review has no \"url\")")
        reviews.append(_review(rows_, str(verdict), url, linked))
    return reviews, notes


def _appearance(row: dict) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if row.get("article_url"):
        work["url"] = row["article_url"]
    if row.get("article_title"):
        work["headline"] = row["article_title"]
    if _iso(row.get("article_date")):
        work["datePublished"] = row["article_date"]
    return work


def _author(row: dict) -> dict | None:
    """Who made the claim: the claimant's canonical name (a speaker of the registry: Qawl does not record whether
    it is a person or an organisation, so no type is claimed), else, for the article's own claim, its outlet."""
    if row.get("claimant"):
        return {"name": row["claimant"]}
    if row.get("outlet"):
        return {"@type": "Organization", "name": row["outlet"]}
    return None


def _review(rows: list[dict], verdict: str, url: object, linked: bool) -> dict:
    first = rows[0]
    claim: dict = {"@type": "Claim"}
    author = _author(first)
    if author:
        claim["author"] = author
    published = _iso(first.get("date_value")) or _iso(first.get("article_date"))
    if published:
        claim["datePublished"] = published
    seen: set[str] = set()
    appearances = []
    for row in rows:
        if row["doc_id"] not in seen:
            seen.add(row["doc_id"])
            appearances.append(_appearance(row))
    claim["appearance"] = appearances[0] if len(appearances) == 1 else appearances
    review: dict = {"@context": SCHEMA_ORG, "@type": "ClaimReview"}
    if url:
        review["url"] = url
    review["claimReviewed"] = first["canonical_claim"] if linked and first.get("canonical_claim") else \
        " ".join(first["claim"].split())
    review["itemReviewed"] = claim
    review["reviewRating"] = {"@type": "Rating", "alternateName": verdict}
    return review
