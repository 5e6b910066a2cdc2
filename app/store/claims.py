"""The claim registry in the store: canonical claims (table ``canonical_claims``), the CLAIM spans that link to them
(``attrs.claim``, indexed), the store as the target of the registry's changes, and the claims an import brings.

Like the speaker registry: one row per canonical claim with a stable id (so a team's copies merge claim by claim),
a claim still linked from a span cannot be removed (merge it instead), and a span can only link to a claim that
is in the registry. The verdict and the fact-check URL are checked against the project's label schema (the
CLAIM label's ``verdict`` list and ``factcheck`` URL rule), so a bad value is refused and changes nothing.
"""

from __future__ import annotations

import sqlite3

import orjson

from ..core.errors import ConflictError, QawlError
from ..core.model import CanonicalClaim, Layer, Span
from .file import Part, ProjectFile
from .reads import Reads
from .rows import dumps as _dumps, matching, now_utc as _now, span_of_row as _span

_COLUMNS = "id, text, verdict, factcheck, note, source"
_SPAN_COLUMNS = "id, label, start, \"end\", text, attrs, origin, provenance, created, updated"


def _claim(row) -> CanonicalClaim:
    return CanonicalClaim(row[0], row[1], row[2], row[3], row[4] or "", orjson.loads(row[5] or "{}"))


def claim_key(text: str) -> str:
    """The exact-match key of a canonical claim's wording (an import matches a teammate's claim by it)."""
    from ..core.claims.similar import normalise

    return normalise(text)


class ClaimRegistry(Part):
    """The claim registry: its reads, the target of its changes (for :class:`~app.store.editing.ChangeTarget`),
    and matching the claims an import brings (for :class:`~app.store.importing.Importer`)."""

    def __init__(self, file: ProjectFile, reads: Reads) -> None:
        super().__init__(file)
        self.reads = reads

    # --- reading ------------------------------------------------------------------------------------------------

    def claims(self) -> dict[str, CanonicalClaim]:
        """The claim registry, by id, ordered by wording."""
        return {r[0]: _claim(r) for r in self.conn.execute(
            f"SELECT {_COLUMNS} FROM canonical_claims ORDER BY text, id")}

    def claim(self, claim_id: str) -> CanonicalClaim | None:
        row = self.conn.execute(f"SELECT {_COLUMNS} FROM canonical_claims WHERE id = ?", [claim_id]).fetchone()
        return _claim(row) if row else None

    def claim_mention_counts(self, annotator: str | None = None) -> dict[str, int]:
        """Canonical claim id -> number of CLAIM spans linking to it (in one annotator's layers, or all people's)."""
        cond, args = matching(("annotator", annotator or None))
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT json_extract(attrs, '$.claim') AS c, count(*) FROM spans WHERE label = 'CLAIM' "
            f"AND c IS NOT NULL AND annotator != 'suggestions'{cond} GROUP BY c", args)}

    def claim_mentions(self, claim_id: str) -> list[tuple[str, str, Span]]:
        """Every CLAIM span linked to a canonical claim across the project: (doc_id, annotator, span), in import
        order of the documents, then text order."""
        return [(r[0], r[1], _span(r[2:])) for r in self.conn.execute(
            f"SELECT s.doc_id, s.annotator, s.{_SPAN_COLUMNS.replace(', ', ', s.')} FROM spans s "
            "JOIN documents d ON d.id = s.doc_id WHERE s.label = 'CLAIM' AND "
            "json_extract(s.attrs, '$.claim') = ? ORDER BY d.rowid, s.start, s.annotator", [claim_id])]

    def layers_linking_claim(self, claim_id: str) -> list[Layer]:
        keys = self.conn.execute("SELECT DISTINCT doc_id, annotator FROM spans WHERE label = 'CLAIM' AND "
                                 "json_extract(attrs, '$.claim') = ?", [claim_id]).fetchall()
        return [self.reads.layer(d, a) for d, a in keys]

    def claim_spans(self, annotator: str | None = None) -> list[tuple[str, str, Span]]:
        """Every CLAIM span of people's layers (not suggestions): (doc_id, annotator, span)."""
        sql = (f"SELECT s.doc_id, s.annotator, s.{_SPAN_COLUMNS.replace(', ', ', s.')} FROM spans s JOIN documents "
               "d ON d.id = s.doc_id WHERE s.label = 'CLAIM' AND s.annotator != 'suggestions'")
        cond, args = matching(("s.annotator", annotator or None))
        sql += cond
        return [(r[0], r[1], _span(r[2:])) for r in self.conn.execute(sql + " ORDER BY d.rowid, s.start", args)]

    # --- the target of the registry's changes --------------------------------------------------------------------

    def insert_claim(self, claim: CanonicalClaim) -> None:
        self.schema.check_claim(claim)
        now = _now()
        try:
            self.conn.execute(
                "INSERT INTO canonical_claims (id, text, verdict, factcheck, note, source, created, updated) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [claim.id, claim.text, claim.verdict, claim.factcheck,
                                                    claim.note, _dumps(claim.source), now, now])
        except sqlite3.IntegrityError:
            raise ConflictError(f"claim {claim.id!r} already exists") from None

    def delete_claim(self, claim: CanonicalClaim) -> None:
        if self.claim(claim.id) != claim:
            raise ConflictError(f"claim {claim.id!r} is not as expected (changed elsewhere?)")
        used = self.conn.execute("SELECT count(*) FROM spans WHERE label = 'CLAIM' AND "
                                 "json_extract(attrs, '$.claim') = ?", [claim.id]).fetchone()[0]
        if used:
            raise ConflictError(f"claim “{claim.text[:60]}” is still linked from {used} claim span(s); "
                                "unlink or merge it instead")
        self.conn.execute("DELETE FROM canonical_claims WHERE id = ?", [claim.id])

    def update_claim(self, before: CanonicalClaim, after: CanonicalClaim) -> None:
        if self.claim(before.id) != before:
            raise ConflictError(f"claim {before.id!r} is not as expected (changed elsewhere?)")
        self.schema.check_claim(after)
        self.conn.execute("UPDATE canonical_claims SET text = ?, verdict = ?, factcheck = ?, note = ?, source = ?, "
                          "updated = ? WHERE id = ?", [after.text, after.verdict, after.factcheck, after.note,
                                                       _dumps(after.source), _now(), after.id])

    def check_link(self, span: Span) -> None:
        """A CLAIM span may only link to a claim in the registry (called for every span written by a change)."""
        claim_id = span.attrs.get("claim") if span.label == "CLAIM" else None
        if claim_id and self.conn.execute("SELECT 1 FROM canonical_claims WHERE id = ?",
                                          [claim_id]).fetchone() is None:
            raise QawlError(f"links to claim {claim_id!r}, which is not in the project's claim registry",
                            field="attrs.claim")

    # --- imports ------------------------------------------------------------------------------------------------

    def match_import(self, incoming: list[CanonicalClaim], registry: dict[str, CanonicalClaim],
                       new_claims: dict[str, CanonicalClaim],
                       schema=None) -> tuple[dict[str, str], dict[str, CanonicalClaim]]:
        """Match the claims a record brings onto the registry: by id with the same wording, else by wording; the
        others are new (under their own id, or a fresh one when that id is taken by another wording). Returns
        (their id -> our id, the new claims of this record). Verdicts and URLs are checked (QawlError)."""
        by_key = {claim_key(c.text): c for c in (*registry.values(), *new_claims.values())}
        mapping: dict[str, str] = {}
        added: dict[str, CanonicalClaim] = {}
        for i, claim in enumerate(incoming):
            try:
                (schema or self.schema).check_claim(claim)
            except QawlError as exc:
                raise exc.located(field_prefix=f"claims[{i}]") from None
            known = registry.get(claim.id) or new_claims.get(claim.id) or added.get(claim.id)
            if known is not None and claim_key(known.text) == claim_key(claim.text):
                mapping[claim.id] = known.id
                continue
            same = by_key.get(claim_key(claim.text))
            if same is not None:
                mapping[claim.id] = same.id
                continue
            new_id_ = claim.id if known is None else f"{claim.id}-{len(registry) + len(new_claims) + len(added)}"
            fresh = CanonicalClaim(new_id_, claim.text, claim.verdict, claim.factcheck, claim.note, claim.source)
            added[new_id_] = fresh
            by_key[claim_key(fresh.text)] = fresh
            mapping[claim.id] = new_id_
        return mapping, added

    def write(self, claims: list[CanonicalClaim], now: str) -> None:
        self.conn.executemany(
            "INSERT INTO canonical_claims (id, text, verdict, factcheck, note, source, created, updated) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(c.id, c.text, c.verdict, c.factcheck, c.note, _dumps(c.source), now,
                                                 now) for c in claims])
