"""The claim exports as whole operations: ``claims`` (JSON Lines, one line per CLAIM span) and ``claimreview``
(schema.org ClaimReview JSON-LD, one review per reviewed claim), the claim statistics, and the project's verdict
list. The CLI (``qawl export``, ``qawl stats``, ``qawl claims``) and the window both call these.

Only people's work is exported (never the suggestion layer): an export says only what is true.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

import orjson

from ..core.claims.export import claim_reviews, claim_rows
from ..core.errors import Cancelled, QawlError
from ..core.jsonl import parse_record
from ..core.model import SUGGESTIONS
from ..core.schema import NOT_CHECKED
from ..store import Store
from .writing import write_lines

CLAIM_FORMATS = ("claims", "claimreview")
CLAIMREVIEW_FILE = "claimreview.jsonld"


def claim_lines(store: Store, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                doc_ids: Iterable[str] | None = None, include_suggestions: bool = False,
                cancel: Callable[[], bool] | None = None,
                progress: Callable[[int, int], None] | None = None, **_ignored) -> Iterator[dict]:
    """The ``claims`` rows of the selected layers (the same selection as the JSONL export), in document order."""
    entities = {**store.suggested_entities(), **store.entities()}
    claims = store.claims()
    total = store.count_documents() if progress else 0
    seen: set[str] = set()
    for line in store.export_records(annotator=annotator, statuses=statuses, include_unannotated=False,
                                     doc_ids=doc_ids, include_suggestions=include_suggestions):
        if line["annotator"] is None or (line["annotator"] == SUGGESTIONS and annotator != SUGGESTIONS):
            continue
        if line["doc_id"] not in seen:
            seen.add(line["doc_id"])
            if cancel and len(seen) % 200 == 0 and cancel():
                raise Cancelled()
            if progress and len(seen) % 200 == 0:
                progress(len(seen), total)
        if not any(s["label"] == "CLAIM" for s in line["spans"]):
            continue
        record = parse_record(orjson.loads(orjson.dumps(line)))
        yield from claim_rows(record.document, record.layer, entities, claims)


def export_claims(store: Store, target: str | Path, fmt: str, *, cancel: Callable[[], bool] | None = None,
                  progress: Callable[[int, int], None] | None = None, **selection) -> tuple[list[Path], list[str]]:
    """Write the ``claims`` or ``claimreview`` export; returns (files written, notes on what was left out)."""
    from .transfer import write_files

    target = Path(target)
    rows = claim_lines(store, cancel=cancel, progress=progress, **selection)
    if fmt == "claims":
        write_lines(target, (orjson.dumps(row) for row in rows), cancel=cancel)
        return [target], []
    if fmt != "claimreview":
        raise QawlError(f"unknown claim export format {fmt!r}; use one of {', '.join(CLAIM_FORMATS)}",
                        field="--format")
    reviews, notes = claim_reviews(rows)
    if cancel and cancel():
        raise Cancelled()
    data = orjson.dumps(reviews, option=orjson.OPT_INDENT_2) + b"\n"
    name = target.name if target.suffix and not target.is_dir() else CLAIMREVIEW_FILE
    return write_files(store, target, {name: data}), notes


def claim_stats(store: Store) -> dict:
    """Claims of people's layers by verdict and by check-worthiness, and the registry's canonical claims by
    verdict (``null``: not set)."""
    by_verdict: dict[str, int] = {}
    by_checkworthy: dict[str, int] = {}
    linked = 0
    for _doc, _who, span in store.claim_spans():
        verdict = span.attrs.get("verdict") or "(none)"
        worthy = span.attrs.get("checkworthy") or "(none)"
        by_verdict[verdict] = by_verdict.get(verdict, 0) + 1
        by_checkworthy[worthy] = by_checkworthy.get(worthy, 0) + 1
        linked += bool(span.attrs.get("claim"))
    canonical: dict[str, int] = {}
    for claim in store.claims().values():
        key = claim.verdict or "(none)"
        canonical[key] = canonical.get(key, 0) + 1
    order = [*store.schema.label("CLAIM").attr("verdict").choices, "(none)"] \
        if store.schema.label("CLAIM") and store.schema.label("CLAIM").attr("verdict") else []

    def ordered(counts: dict[str, int], keys: list[str]) -> dict[str, int]:
        return {k: counts[k] for k in [*keys, *sorted(counts)] if k in counts}

    return {
        "claims": sum(by_verdict.values()),
        "claims_linked": linked,
        "claims_by_verdict": ordered(by_verdict, order),
        "claims_by_checkworthy": ordered(by_checkworthy, ["yes", "no", "unsure", "(none)"]),
        "canonical_claims": sum(canonical.values()),
        "canonical_claims_by_verdict": ordered(canonical, order),
        "claims_reviewed": sum(n for k, n in by_verdict.items() if k not in ("(none)", NOT_CHECKED)),
    }


def set_verdicts(store: Store, verdicts: list[str]) -> tuple[str, ...]:
    """Give the project its own verdict list. A verdict still used by a claim span or a canonical claim cannot be
    left out (the error names it and where it is used); nothing changes then."""
    schema = store.schema.with_choices("CLAIM", "verdict", tuple(verdicts))
    kept = set(schema.label("CLAIM").attr("verdict").choices)
    used: dict[str, int] = {}
    for _doc, _who, span in store.claim_spans():
        value = span.attrs.get("verdict")
        if value and value not in kept:
            used[value] = used.get(value, 0) + 1
    for claim in store.claims().values():
        if claim.verdict and claim.verdict not in kept:
            used[claim.verdict] = used.get(claim.verdict, 0) + 1
    if used:
        shown = ", ".join(f"“{v}” ({n} use{'s' if n > 1 else ''})" for v, n in sorted(used.items()))
        raise QawlError(f"cannot leave out verdicts still in use: {shown}; change those claims first",
                        field="verdicts")
    if schema is not store.schema:
        store.set_schema(schema)
    return schema.label("CLAIM").attr("verdict").choices
