"""Reading out: the export lines (``qawl-export/1`` dicts straight from SQL rows, streaming)."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

import orjson

from ..core.jsonl import FORMAT, OFFSET_UNIT, layer_note_fields
from ..core.model import SUGGESTIONS, Status
from .file import Part
from .rows import (claim_of as _claim_of, entity_of as _entity_of, span_order as _span_order)


class Exports(Part):
    """Export lines straight from SQL (:class:`~app.core.ports.Exports`), and whose work there is to export."""

    def export_records(self, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                       include_unannotated: bool = True, doc_ids: Iterable[str] | None = None,
                       include_suggestions: bool = False, parsed: bool = False) -> Iterator[dict]:
        """Export lines (``qawl-export/1`` dicts) straight from SQL rows, streaming, in import order.

        The same dicts as ``jsonl.export_record`` over ``layer()`` (a test keeps the two paths equal), built
        without constructing core objects so a million spans export at SELECT speed. JSON columns are passed
        through as ``orjson.Fragment`` and never parsed (``parsed=True``: parsed, for writers that read them).
        The whole export is read from one snapshot of the project (:meth:`Store.snapshot`): what other processes
        commit meanwhile is either all in it or not at all.
        """
        with self.snapshot():
            label_schema = self.schema.name
            Frag = _parse_json if parsed else orjson.Fragment
            for (doc_id, text, sha, direction, norm, meta), layers in self._export_groups(
                    annotator, statuses, include_unannotated, doc_ids, include_suggestions, Frag):
                for who, st, rows, rels, used, linked, note, flag in layers:
                    line = {
                        "schema": FORMAT, "label_schema": label_schema, "doc_id": doc_id, "text": text,
                        "text_sha256": sha, "offset_unit": OFFSET_UNIT, "direction": direction,
                        "normalisation": Frag(norm), "meta": Frag(meta), "annotator": who, "status": st,
                        "spans": [{"id": r[1], "label": r[2], "start": r[3], "end": r[4], "text": r[5],
                                   "attrs": Frag(r[6]), "origin": r[7], "provenance": Frag(r[8]), "created": r[9],
                                   "updated": r[10]} for r in rows],
                        "relations": [{"id": r[1], "type": r[2], "head": r[3], "tail": r[4], "origin": r[5],
                                       "provenance": Frag(r[6]), "created": r[7]} for r in rels],
                        "entities": used,
                        "claims": linked,
                    }
                    if note or flag:
                        line.update(layer_note_fields(note, flag))
                    yield line

    def export_rows(self, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                    doc_ids: Iterable[str] | None = None, include_suggestions: bool = False) -> Iterator[tuple]:
        """The selection of :meth:`export_records` (with ``include_unannotated``) as SQL rows, for writers of
        other tools' formats that build their own structures (no export-line dict per span to build and take
        apart again), read from one snapshot like :meth:`export_records`. Per document, in import order:
        ``(doc_id, text, direction, meta JSON, layers)``, each layer ``(annotator, status, span rows, relation
        rows, speakers, claims, note, discuss)``: span rows ``(annotator, id, label, start, end, text, attrs JSON,
        origin, provenance JSON, created, updated)`` in text order, relation rows ``(annotator, id, type, head,
        tail, origin, provenance JSON, created)`` by id, the registry entries (parsed dicts) of the speakers and
        canonical claims the layer links to, and the annotator's note on the document and its flag."""
        with self.snapshot():
            for doc, layers in self._export_groups(annotator, statuses, True, doc_ids, include_suggestions,
                                                   _parse_json):
                yield doc[0], doc[1], doc[3], doc[5], layers

    def _export_groups(self, annotator, statuses, include_unannotated, doc_ids, include_suggestions, Frag):
        """The one selection behind :meth:`export_records` and :meth:`export_rows`: per document its row and
        its selected layers ``(annotator, status, span rows, relation rows, speakers, claims, note, discuss)``."""
        wanted = set(statuses) if statuses else None
        only = set(doc_ids) if doc_ids is not None else None
        # Speakers the suggester proposed are named too, so an export of suggestions imports back.
        entities = {r[0]: {"id": r[0], "name": r[1], "aliases": Frag(r[2])}
                    for r in self.conn.execute("SELECT id, name, aliases FROM suggested_entities UNION ALL "
                                             "SELECT id, name, aliases FROM entities")}
        claims = {r[0]: {"id": r[0], "text": r[1], "verdict": r[2], "factcheck": r[3], "note": r[4],
                         "source": Frag(r[5])}
                  for r in self.conn.execute("SELECT id, text, verdict, factcheck, note, source FROM canonical_claims")}
        layer_rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
        notes: dict[tuple[str, str], tuple[str, int]] = {}  # the annotator's note on the document, when there is one
        for doc_id, who, st, note, flag in self.conn.execute("SELECT doc_id, annotator, status, note, discuss "
                                                             "FROM layers ORDER BY annotator"):
            layer_rows[doc_id].append((who, st))
            if note or flag:
                notes[(doc_id, who)] = (note, flag)
        docs = self.conn.execute("SELECT id, text, text_sha256, direction, normalisation, meta FROM documents "
                                    "ORDER BY rowid")
        span_sql = ("SELECT annotator, id, label, start, \"end\", text, attrs, origin, provenance, created, updated "
                    "FROM spans WHERE doc_id = ?")
        rel_sql = "SELECT annotator, id, type, head, tail, origin, provenance, created FROM relations WHERE doc_id = ?"
        conn = self.conn
        for doc in docs:
            doc_id = doc[0]
            if only is not None and doc_id not in only:
                continue
            layers = layer_rows.get(doc_id, [])
            if annotator is not None:
                layers = [(w, s) for w, s in layers if w == annotator] or \
                    ([(annotator, Status.TODO.value)] if include_unannotated else [])
            elif not include_suggestions:
                layers = [(w, s) for w, s in layers if w != SUGGESTIONS]
            if not layers:
                if not include_unannotated or (wanted is not None and Status.TODO.value not in wanted):
                    continue
                layers = [(None, Status.TODO.value)]
            if wanted is not None:
                layers = [(w, s) for w, s in layers if s in wanted]
                if not layers:
                    continue
            spans_by: dict[str, list] = defaultdict(list)
            rels_by: dict[str, list] = defaultdict(list)
            if any(w is not None for w, _ in layers):
                for row in conn.execute(span_sql, [doc_id]):
                    spans_by[row[0]].append(row)
                for row in conn.execute(rel_sql, [doc_id]):
                    rels_by[row[0]].append(row)
            out = []
            for who, st in layers:
                if not include_unannotated and who is None:
                    continue
                rows = spans_by.get(who, [])
                rows.sort(key=_span_order)
                used = sorted({_entity_of(r[6]) for r in rows if r[2] == "SPEAKER"} - {None})
                linked = sorted({_claim_of(r[6]) for r in rows if r[2] == "CLAIM"} - {None}) if claims else ()
                note, flag = notes.get((doc_id, who), ("", 0))
                out.append((who, st, rows, sorted(rels_by.get(who, []), key=_by_id),
                            [entities[e] for e in used if e in entities], [claims[c] for c in linked if c in claims],
                            note or "", bool(flag)))
            yield doc, out

    def annotators_with_work(self, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                             include_suggestions: bool = False) -> list[str]:
        """Annotators with at least one layer that is done or holds annotations or a note on the document (what
        peer formats export as someone's work), within an export's selection."""
        statuses = list(statuses) if statuses else None
        rows = self.conn.execute(
            "SELECT DISTINCT l.annotator FROM layers l WHERE (l.status = 'done' OR coalesce(l.note, '') != '' OR "
            "l.discuss OR EXISTS (SELECT 1 FROM spans s "
            "WHERE s.doc_id = l.doc_id AND s.annotator = l.annotator) OR EXISTS (SELECT 1 FROM relations r "
            "WHERE r.doc_id = l.doc_id AND r.annotator = l.annotator))" +
            (" AND l.status IN (%s)" % ",".join("?" * len(list(statuses))) if statuses else "") +
            " ORDER BY l.annotator", list(statuses or []))
        names = [r[0] for r in rows]
        if annotator is not None:
            return [a for a in names if a == annotator]
        return [a for a in names if include_suggestions or a != SUGGESTIONS]


def _by_id(row: tuple) -> str:
    return row[1]


def _parse_json(text: str) -> object:
    return {} if text == "{}" else orjson.loads(text)


# --- row helpers ------------------------------------------------------------------------------------------------

