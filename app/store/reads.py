"""Reading the project: documents, annotators' layers, the speaker registry, the history and the speakers the
suggester proposed. Every read that must see one state of the project (a layer's spans with its relations) runs in
one snapshot of the file (:meth:`~app.store.file.ProjectFile.snapshot`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import orjson

from ..core.errors import QawlError
from ..core.model import Document, Entity, Layer, Span, Status
from ..core.text.normalise import Normalisation
from .file import Part, ProjectFile
from ..core.ports import DocumentSummary, HistoryEntry
from .rows import matching, relation_of_row as _relation, span_of_row as _span


class Reads(Part):
    """Documents, layers and the speaker registry as core objects (:class:`~app.core.ports.ProjectReads`)."""

    def __init__(self, file: ProjectFile) -> None:
        super().__init__(file)
        self._texts: dict[str, str] = {}  # document id -> text: the window asks for the same texts again

    # --- documents ----------------------------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        row = self.conn.execute("SELECT id, text, meta, direction, text_sha256, normalisation, source "
                              "FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise QawlError(f"no document {doc_id!r} in this project", field="doc_id")
        self._texts[doc_id] = row[1]
        return Document(id=row[0], text=row[1], meta=orjson.loads(row[2]), direction=row[3], text_sha256=row[4],
                        normalisation=Normalisation.from_dict(orjson.loads(row[5])), source=row[6])

    def text(self, doc_id: str) -> str:
        if doc_id not in self._texts:
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise QawlError(f"no document {doc_id!r} in this project", field="doc_id")
            if len(self._texts) > 64:
                self._texts.clear()
            self._texts[doc_id] = row[0]
        return self._texts[doc_id]

    def titles(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """Document id -> title (its first line when it has none), for the ids given (for lists of documents and
        of mentions)."""
        ids = list(dict.fromkeys(doc_ids))
        out: dict[str, str] = {}
        for k in range(0, len(ids), 500):
            chunk = ids[k:k + 500]
            out.update(self.conn.execute(f"SELECT id, title FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                                         chunk).fetchall())
        return out

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]

    def count_documents(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def summaries(self) -> list[DocumentSummary]:
        """Every document in import order, with each annotator's status and number of spans."""
        with self.snapshot():
            return self._summaries()

    def _summaries(self) -> list[DocumentSummary]:
        status: dict[str, dict[str, str]] = defaultdict(dict)
        for doc_id, who, st in self.conn.execute("SELECT doc_id, annotator, status FROM layers"):
            status[doc_id][who] = st
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        for doc_id, who, n in self.conn.execute("SELECT doc_id, annotator, count(*) FROM spans "
                                              "GROUP BY doc_id, annotator"):
            counts[doc_id][who] = n
        return [DocumentSummary(i, t, c, d, status.get(i, {}), counts.get(i, {}))
                for i, t, c, d in self.conn.execute("SELECT id, title, chars, direction FROM documents "
                                                  "ORDER BY rowid")]

    # --- layers -------------------------------------------------------------------------------------------------

    def annotators(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM annotators ORDER BY name")]

    def layer_annotators(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT annotator FROM layers WHERE doc_id = ? ORDER BY annotator",
                                              [doc_id])]

    def layer(self, doc_id: str, annotator: str) -> Layer:
        """The annotator's layer of a document (an empty 'todo' layer if they have not started)."""
        with self.snapshot():
            return self._layer(doc_id, annotator)

    def _layer(self, doc_id: str, annotator: str) -> Layer:
        row = self.conn.execute("SELECT status, note, discuss FROM layers WHERE doc_id = ? AND annotator = ?",
                              [doc_id, annotator]).fetchone()
        spans = [_span(r) for r in self.conn.execute(
            "SELECT id, label, start, \"end\", text, attrs, origin, provenance, created, updated FROM spans "
            "WHERE doc_id = ? AND annotator = ?", [doc_id, annotator])]
        rels = [_relation(r) for r in self.conn.execute(
            "SELECT id, type, head, tail, origin, provenance, created FROM relations "
            "WHERE doc_id = ? AND annotator = ?", [doc_id, annotator])]
        if row is None:
            return Layer(doc_id, annotator, Status.TODO.value, spans, rels)
        return Layer(doc_id, annotator, row[0], spans, rels, row[1], bool(row[2]))

    def layers(self, doc_id: str) -> list[Layer]:
        with self.snapshot():
            return [self._layer(doc_id, who) for who in self.layer_annotators(doc_id)]

    def status(self, doc_id: str, annotator: str) -> str:
        row = self.conn.execute("SELECT status FROM layers WHERE doc_id = ? AND annotator = ?",
                              [doc_id, annotator]).fetchone()
        return row[0] if row else Status.TODO.value

    # --- speaker registry ----------------------------------------------------------------------------------------

    def entities(self) -> dict[str, Entity]:
        return {r[0]: Entity(r[0], r[1], tuple(orjson.loads(r[2])))
                for r in self.conn.execute("SELECT id, name, aliases FROM entities ORDER BY name, id")}

    def entity(self, entity_id: str) -> Entity | None:
        row = self.conn.execute("SELECT id, name, aliases FROM entities WHERE id = ?", [entity_id]).fetchone()
        return Entity(row[0], row[1], tuple(orjson.loads(row[2]))) if row else None

    def mention_counts(self, annotator: str | None = None) -> dict[str, int]:
        """Entity id -> number of SPEAKER spans pointing at it (in one annotator's layers, or all)."""
        cond, args = matching(("annotator", annotator or None))
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT json_extract(attrs, '$.entity') AS e, count(*) FROM spans WHERE label = 'SPEAKER' "
            f"AND e IS NOT NULL{cond} GROUP BY e", args)}

    def mentions(self, entity_id: str) -> list[tuple[str, str, Span]]:
        """Every SPEAKER span of an entity across the project: (doc_id, annotator, span)."""
        return [(r[0], r[1], _span(r[2:])) for r in self.conn.execute(
            "SELECT doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, created, "
            "updated FROM spans WHERE label = 'SPEAKER' AND json_extract(attrs, '$.entity') = ? "
            "ORDER BY doc_id, start", [entity_id])]

    def layers_mentioning(self, entity_id: str) -> list[Layer]:
        with self.snapshot():
            keys = self.conn.execute("SELECT DISTINCT doc_id, annotator FROM spans WHERE label = 'SPEAKER' AND "
                                     "json_extract(attrs, '$.entity') = ?", [entity_id]).fetchall()
            return [self._layer(d, a) for d, a in keys]

    def suggested_entities(self, doc_id: str | None = None) -> dict[str, Entity]:
        """Speakers proposed by the suggester (of one document, or all) that are not in the registry."""
        cond, args = matching(("doc_id", doc_id))
        return {r[0]: Entity(r[0], r[1], tuple(orjson.loads(r[2]))) for r in self.conn.execute(
            f"SELECT id, name, aliases FROM suggested_entities WHERE id NOT IN (SELECT id FROM entities){cond}", args)}

    # --- history ---------------------------------------------------------------------------------------------------

    def history(self, doc_id: str | None = None, *, annotator: str | None = None,
                limit: int | None = None) -> list[HistoryEntry]:
        cond, args = matching(("doc_id", doc_id), ("annotator", annotator))
        sql = ("SELECT seq, at, actor, doc_id, annotator, kind, description, change, reverts FROM changes "
               f"WHERE 1{cond} ORDER BY seq")
        if limit:
            sql = f"SELECT * FROM ({sql} DESC LIMIT {int(limit)}) ORDER BY seq"
        return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], orjson.loads(r[7]), r[8])
                for r in self.conn.execute(sql, args)]
