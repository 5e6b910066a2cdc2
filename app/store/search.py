"""Finding documents in a project of any size: the full-text index, the document list's rows, filtered and sorted
in SQL, read a page at a time.

Tables (migration 011):

- ``search_index``: an FTS5 index (contentless: the texts are not stored twice; ``detail=none``: which documents
  hold a word, not where: a fifth of the size, and the search asks for words, never phrases) of every document's
  title and
  text as :func:`~app.core.text.search.fold_for_index` folds them (harakat and tatweel left out, letter variants
  as one, lower case); queried with :func:`~app.core.text.search.fts_query` (each word in its written forms).
- ``search_list``: per document (by rowid) its id, title and the folded ``key`` the list filter matches; small
  rows, so the list filters and sorts 100,000 documents without reading their texts.
- ``search_added`` / ``search_removed``: what the index still has to take in or let go of. Triggers on
  ``documents`` fill them in the same transaction as the insert or delete, whatever wrote it; :func:`sync` folds
  the texts and brings the index up to date, and runs in the import's own transaction (and before every search,
  for anything written another way), so a search always sees exactly the committed documents.

A contentless FTS5 index forgets a row only when given the values it indexed: the delete trigger keeps the old
title and text, and :func:`sync` folds them again. ``fold_for_index`` must therefore not change without a
migration that rebuilds the index.
"""

from __future__ import annotations

import sqlite3

from ..core.text.search import fold_for_index, fts_query
from .file import Part
from ..core.ports import DocumentSummary, Found

SCHEMA = """
CREATE VIRTUAL TABLE search_index USING fts5(title, text, content='', detail=none,
                                             tokenize='unicode61 remove_diacritics 2');
CREATE TABLE search_list (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    key TEXT NOT NULL
);
CREATE INDEX search_list_key ON search_list (key);
CREATE TABLE search_added (doc INTEGER PRIMARY KEY);
CREATE TABLE search_removed (
    seq INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
    INSERT OR IGNORE INTO search_added (doc) VALUES (new.rowid);
END;
CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
    INSERT INTO search_removed (doc, title, text)
        SELECT old.rowid, old.title, old.text WHERE old.rowid NOT IN (SELECT doc FROM search_added);
    DELETE FROM search_added WHERE doc = old.rowid;
    DELETE FROM search_list WHERE doc = old.rowid;
END;
CREATE TRIGGER documents_search_update AFTER UPDATE OF id, title, text ON documents BEGIN
    INSERT INTO search_removed (doc, title, text)
        SELECT old.rowid, old.title, old.text WHERE old.rowid NOT IN (SELECT doc FROM search_added);
    INSERT OR IGNORE INTO search_added (doc) VALUES (new.rowid);
END;
"""

_BATCH = 2000


def list_key(doc_id: str, title: str) -> str:
    """What the document list's filter matches: the folded title and the id."""
    return fold_for_index(title) + "\n" + doc_id.casefold()


def pending(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT EXISTS (SELECT 1 FROM search_added) OR EXISTS (SELECT 1 FROM search_removed)"
                        ).fetchone()[0] == 1


def sync(conn: sqlite3.Connection) -> int:
    """Bring the index up to date with the documents (call inside the transaction that changed them). Returns how
    many documents were indexed or removed."""
    done = 0
    while True:
        rows = conn.execute("SELECT seq, doc, title, text FROM search_removed ORDER BY seq LIMIT ?",
                            [_BATCH]).fetchall()
        if not rows:
            break
        conn.executemany("INSERT INTO search_index (search_index, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                         [(doc, fold_for_index(title), fold_for_index(text)) for _seq, doc, title, text in rows])
        conn.execute("DELETE FROM search_removed WHERE seq <= ?", [rows[-1][0]])
        done += len(rows)
    while True:
        rows = conn.execute("SELECT d.rowid, d.id, d.title, d.text FROM search_added a JOIN documents d "
                            "ON d.rowid = a.doc ORDER BY a.doc LIMIT ?", [_BATCH]).fetchall()
        if not rows:
            conn.execute("DELETE FROM search_added")  # rows whose document is gone (deleted before indexing)
            break
        conn.executemany("INSERT INTO search_index (rowid, title, text) VALUES (?, ?, ?)",
                         [(doc, fold_for_index(title), fold_for_index(text)) for doc, _id, title, text in rows])
        conn.executemany("INSERT OR REPLACE INTO search_list (doc, id, title, key) VALUES (?, ?, ?, ?)",
                         [(doc, doc_id, title, list_key(doc_id, title)) for doc, doc_id, title, _t in rows])
        conn.executemany("DELETE FROM search_added WHERE doc = ?", [(r[0],) for r in rows])
        done += len(rows)
    return done


RANKED = 5000


# Sort keys of the document list (column -> SQL over search_list l; :me is the annotator).
_STATUS_RANK = "CASE status WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END"
_ORDERS = {
    "import": ("l.doc",),
    "title": ("l.key", "l.doc"),  # the folded title: أخبار with اخبار, Latin without case
    "status": (f"coalesce((SELECT {_STATUS_RANK} FROM layers WHERE doc_id = l.id AND annotator = :me), 0)",
               "l.doc"),
    "count": ("(SELECT count(*) FROM spans WHERE doc_id = l.id AND annotator = :me)", "l.doc"),
    "review": (f"coalesce((SELECT {_STATUS_RANK} FROM layers WHERE doc_id = l.id AND annotator = 'gold'), -1)",
               "l.doc"),
}


class Search(Part):
    """The full-text index and the document list's rows (:class:`~app.core.ports.DocumentSearch`)."""

    def sync_search(self) -> int:
        """Index what was written without indexing (another program, an older path); a no-op when up to date."""
        if not pending(self.conn):
            return 0
        with self.atomic():
            return sync(self.conn)

    def search_documents(self, query: str) -> Found:
        """Documents whose title or text holds every word of ``query`` (Arabic-normalised, each word with its
        proclitics and any ending): see :class:`Found`."""
        expression = fts_query(query)
        if expression is None:
            return Found([], False)
        self.sync_search()
        match = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
        rows = [r[0] for r in self.conn.execute(match, [expression])]
        if not 1 < len(rows) <= RANKED:
            return Found(rows, len(rows) <= 1)
        return Found([r[0] for r in self.conn.execute(match + " ORDER BY rank", [expression])], True)

    def search(self, query: str) -> list[str]:
        """Ids of the documents the search finds, in import order."""
        rows = sorted(self.search_documents(query).rows)
        return self.ids_of(rows)

    def ids_of(self, rows: list[int]) -> list[str]:
        """Document ids of rowids, in the order given."""
        out: dict[int, str] = {}
        for k in range(0, len(rows), 500):
            chunk = rows[k:k + 500]
            out.update(self.conn.execute(f"SELECT doc, id FROM search_list WHERE doc IN ({','.join('?' * len(chunk))})",
                                         chunk).fetchall())
        return [out[r] for r in rows if r in out]

    def document_keys(self, annotator: str, order: str = "import", descending: bool = False) -> list[tuple[int, str]]:
        """Every document as (rowid, filter key) in the list's order: the window filters these as you type
        (a substring test over 100,000 short keys is quicker than asking SQLite, which must build every row)."""
        if order not in _ORDERS:
            raise ValueError(f"unknown order {order!r}")
        self.sync_search()
        direction = " DESC" if descending else ""
        ordering = ", ".join(k + direction for k in _ORDERS[order])
        return self.conn.execute(f"SELECT l.doc, l.key FROM search_list l ORDER BY {ordering}",
                                 {"me": annotator}).fetchall()

    def document_page(self, rowids: list[int]) -> dict[int, DocumentSummary]:
        """The document list's cells for a page of rows: id, title, length, direction, every annotator's status
        and number of annotations."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        docs = self.conn.execute(f"SELECT d.rowid, d.id, d.title, d.chars, d.direction FROM documents d "
                                 f"WHERE d.rowid IN ({marks})", rowids).fetchall()
        ids = [r[1] for r in docs]
        status: dict[str, dict[str, str]] = {i: {} for i in ids}
        counts: dict[str, dict[str, int]] = {i: {} for i in ids}
        id_marks = ",".join("?" * len(ids))
        if ids:
            for doc_id, who, st in self.conn.execute(
                    f"SELECT doc_id, annotator, status FROM layers WHERE doc_id IN ({id_marks})", ids):
                status[doc_id][who] = st
            for doc_id, who, n in self.conn.execute(
                    f"SELECT doc_id, annotator, count(*) FROM spans WHERE doc_id IN ({id_marks}) "
                    "GROUP BY doc_id, annotator", ids):
                counts[doc_id][who] = n
        return {r[0]: DocumentSummary(r[1], r[2], r[3], r[4], status[r[1]], counts[r[1]]) for r in docs}

    def document_rowid(self, doc_id: str) -> int | None:
        row = self.conn.execute("SELECT rowid FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def status_counts(self, annotator: str) -> dict[str, int]:
        """How many documents the annotator has in each status (documents without a layer count as to do)."""
        out = {"todo": 0, "in_progress": 0, "done": 0}
        for st, n in self.conn.execute("SELECT status, count(*) FROM layers WHERE annotator = ? GROUP BY status",
                                       [annotator]):
            out[st] = n
        total = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        out["todo"] += total - sum(out.values())
        return out
