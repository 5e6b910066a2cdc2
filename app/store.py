"""The project store: one SQLite file, through sqlite-utils. The only module that knows SQL.

It takes and returns core objects (``app.core.model``) and implements the change :class:`~app.core.changes.Target`
protocol, so every edit is one :class:`~app.core.changes.Change` applied in one transaction and recorded in the
``changes`` history table. Tables are meant to be read by people (``sqlite-utils tables qawl.db``, Datasette):
column names are the JSONL keys, JSON columns hold JSON.

sqlite-utils runs the migrations and wraps the connection for people and tests (``store.db``); it is imported
only when needed (a migration to apply, ``store.db``), so the window starts without it: everyday reads and
writes go through the same sqlite3 connection with plain SQL, each write in one transaction (:meth:`Store.atomic`).

Safety rules:
- a file that is not a Qawl project (not SQLite, or SQLite without our ``qawl_meta`` table) is refused untouched;
- a project written by a newer Qawl (a migration this version does not know) is refused untouched;
- WAL journal, ``synchronous=NORMAL`` and foreign keys on; every change and every import is one transaction.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
import itertools
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import orjson

from . import __version__
from .core.changes import Change
from .core.errors import Cancelled, ConflictError, NotOurDatabase, QawlError
from .core.jsonl import FORMAT, OFFSET_UNIT, Record
from .core.model import (Document, Entity, Layer, Relation, Span, Status, entity_from_dict)
from .core.schema import DEFAULT_SCHEMA, LabelSchema
from .core.text import Normalisation

APP_ID = "qawl"
_savepoints = itertools.count()
SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 65536


def _m001_initial(db) -> None:
    db.executescript("""
    CREATE TABLE qawl_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        chars INTEGER NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('rtl', 'ltr')),
        meta TEXT NOT NULL DEFAULT '{}',
        normalisation TEXT NOT NULL DEFAULT '{}',
        source TEXT,
        imported TEXT NOT NULL
    );
    CREATE INDEX documents_sha ON documents (text_sha256);
    CREATE TABLE annotators (
        name TEXT PRIMARY KEY,
        created TEXT NOT NULL
    );
    CREATE TABLE layers (
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        annotator TEXT NOT NULL REFERENCES annotators (name),
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
        updated TEXT NOT NULL,
        PRIMARY KEY (doc_id, annotator)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE TABLE spans (
        doc_id TEXT NOT NULL,
        annotator TEXT NOT NULL,
        id TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{}',
        origin TEXT NOT NULL DEFAULT 'manual',
        provenance TEXT NOT NULL DEFAULT '{}',
        created TEXT,
        updated TEXT,
        PRIMARY KEY (doc_id, annotator, id),
        FOREIGN KEY (doc_id, annotator) REFERENCES layers (doc_id, annotator) ON DELETE CASCADE,
        CHECK ("end" > start)
    );
    CREATE TABLE relations (
        doc_id TEXT NOT NULL,
        annotator TEXT NOT NULL,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        head TEXT NOT NULL,
        tail TEXT NOT NULL,
        origin TEXT NOT NULL DEFAULT 'manual',
        provenance TEXT NOT NULL DEFAULT '{}',
        created TEXT,
        PRIMARY KEY (doc_id, annotator, id),
        FOREIGN KEY (doc_id, annotator, head) REFERENCES spans (doc_id, annotator, id) ON DELETE CASCADE,
        FOREIGN KEY (doc_id, annotator, tail) REFERENCES spans (doc_id, annotator, id) ON DELETE CASCADE
    );
    CREATE INDEX relations_head ON relations (doc_id, annotator, head);
    CREATE INDEX relations_tail ON relations (doc_id, annotator, tail);
    CREATE TABLE changes (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        doc_id TEXT,
        annotator TEXT,
        kind TEXT NOT NULL,
        description TEXT NOT NULL,
        change TEXT NOT NULL,
        reverts INTEGER REFERENCES changes (seq)
    );
    CREATE INDEX changes_doc ON changes (doc_id, seq);
    """)
    now = _now()
    db["qawl_meta"].insert_all([
        {"key": "app", "value": APP_ID},
        {"key": "created", "value": now},
        {"key": "created_by_version", "value": __version__},
        {"key": "label_schema", "value": orjson.dumps(DEFAULT_SCHEMA.to_dict()).decode()},
    ])


def _m002_review(db) -> None:
    """A lookup of speaker mentions by entity (merge, mention counts), and a per-document review table that
    migration 004 drops again (review status became the gold layer's status)."""
    db.executescript("""
    CREATE TABLE reviews (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
        reviewer TEXT,
        updated TEXT NOT NULL
    );
    CREATE INDEX spans_entity ON spans (json_extract(attrs, '$.entity')) WHERE label = 'SPEAKER';
    """)


def _m003_suggested_entities(db) -> None:
    """Speakers the suggester proposed: they join the registry only when a suggestion naming them is accepted."""
    db.executescript("""
    CREATE TABLE suggested_entities (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL
    );
    CREATE INDEX suggested_entities_doc ON suggested_entities (doc_id);
    """)


def _m004_drop_reviews(db) -> None:
    """Review status is the gold layer's status (an undoable change like any other): the early `reviews` table
    was never used, so a reader of the file is not misled by it."""
    db.execute("DROP TABLE IF EXISTS reviews")


# The schema's history, in order: (name, function). A project records the names applied (sqlite-utils'
# _sqlite_migrations table); a name this list does not know means a newer Qawl wrote the file.
MIGRATIONS = (("001_initial", _m001_initial), ("002_review", _m002_review),
              ("003_suggested_entities", _m003_suggested_entities), ("004_drop_reviews", _m004_drop_reviews))
KNOWN_MIGRATIONS = tuple(name for name, _ in MIGRATIONS)


def migrations():
    """The sqlite-utils migration set (built on demand: importing sqlite-utils costs start-up time)."""
    from sqlite_utils.migrations import Migrations

    found = Migrations(APP_ID)
    for name, fn in MIGRATIONS:
        found(name=name)(fn)
    return found


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _dumps(value: object) -> str:
    return orjson.dumps(value).decode()


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list."""

    id: str
    title: str
    chars: int
    direction: str
    status: dict[str, str] = field(default_factory=dict)  # annotator -> status
    counts: dict[str, int] = field(default_factory=dict)  # annotator -> number of spans


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    at: str
    actor: str | None
    doc_id: str | None
    annotator: str | None
    kind: str
    description: str
    change: dict
    reverts: int | None


@dataclass
class ImportSummary:
    documents_added: int = 0
    documents_existing: int = 0
    layers_added: int = 0
    layers_replaced: int = 0
    layers_unchanged: int = 0
    spans: int = 0
    relations: int = 0
    entities_added: int = 0
    remapped_ids: dict[str, str] = field(default_factory=dict)  # incoming doc id -> our id (matched by text hash)
    skipped: list[str] = field(default_factory=list)  # what was skipped and why (with skip_invalid)

    def describe(self) -> str:
        parts = [f"{self.documents_added} new documents"]
        if self.documents_existing:
            parts.append(f"{self.documents_existing} already in the project")
        if self.layers_added or self.layers_replaced:
            parts.append(f"{self.layers_added + self.layers_replaced} annotation layers "
                         f"({self.spans} spans, {self.relations} relations)")
        if self.layers_unchanged:
            parts.append(f"{self.layers_unchanged} layers unchanged")
        if self.entities_added:
            parts.append(f"{self.entities_added} new speakers")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def check_database_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not a Qawl project or comes from a newer Qawl."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise NotOurDatabase("is a folder, not a Qawl project file", file=str(path))
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head != SQLITE_MAGIC:
        raise NotOurDatabase("is not a Qawl project (not an SQLite database); it was left untouched",
                             file=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                return
            if "qawl_meta" not in tables:
                shown = ", ".join(sorted(tables)[:5])
                raise NotOurDatabase(f"is an SQLite database of another program (tables: {shown}); "
                                     "it was left untouched", file=str(path))
            app = conn.execute("SELECT value FROM qawl_meta WHERE key = 'app'").fetchone()
            if not app or app[0] != APP_ID:
                raise NotOurDatabase("is not a Qawl project; it was left untouched", file=str(path))
            applied = set()
            if "_sqlite_migrations" in tables:
                applied = {r[0] for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [APP_ID])}
            newer = sorted(applied - set(KNOWN_MIGRATIONS))
            if newer:
                raise NotOurDatabase(f"was written by a newer Qawl (schema {newer[-1]}; this is Qawl "
                                     f"{__version__}); update Qawl to open it. The file was left untouched",
                                     file=str(path))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotOurDatabase(f"cannot be read as a Qawl project ({exc}); it was left untouched",
                             file=str(path)) from None


class Store:
    """A Qawl project: documents, annotators' layers, the speaker registry, the label schema and the history."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db = None
        self._texts: dict[str, str] = {}
        self._schema: LabelSchema | None = None

    @property
    def db(self):
        """The connection wrapped by sqlite-utils (``Database``): for migrations, introspection and tests."""
        if self._db is None:
            from sqlite_utils import Database

            # No sqlite-utils plugins: nothing outside Qawl changes how its project connection behaves.
            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested): everything inside is written, or nothing."""
        conn = self.conn
        if conn.in_transaction:
            name = f"qawl_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                conn.execute(f"RELEASE SAVEPOINT {name}")
        else:
            conn.execute("BEGIN")
            try:
                yield
            except BaseException:
                conn.rollback()
                raise
            else:
                try:
                    conn.execute("COMMIT")
                except BaseException:
                    conn.rollback()
                    raise

    # --- opening ----------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None) -> "Store":
        """Open (creating if needed) a project file; ``None`` or ":memory:" gives an in-memory project."""
        if path is None or str(path) == ":memory:":
            store = cls(sqlite3.connect(":memory:", check_same_thread=False), None)
        else:
            path = Path(path)
            check_database_file(path)
            if not path.parent.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise QawlError(f"cannot create the project folder ({exc.strerror})", file=str(path)) from None
            try:
                conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
            except sqlite3.Error as exc:
                raise QawlError(f"cannot open the project ({exc})", file=str(path)) from None
            store = cls(conn, path)
            # Article texts are several KB of UTF-8: larger pages mean fewer overflow pages on import and read.
            # (Only takes effect on a new, empty file, before WAL is switched on.)
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        store.conn.execute("PRAGMA foreign_keys = ON")
        store.conn.execute("PRAGMA busy_timeout = 10000")
        if store.applied_migrations() != list(KNOWN_MIGRATIONS):
            migrations().apply(store.db)
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM qawl_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute("INSERT INTO qawl_meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    def applied_migrations(self) -> list[str]:
        """The migrations this project has had, in order (read without sqlite-utils: it is cheap to ask)."""
        has = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
                                ).fetchone()
        if not has:
            return []
        return [r[0] for r in self.conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ? "
                                                "ORDER BY rowid", [APP_ID])]

    # --- label schema -----------------------------------------------------------------------------------------

    @property
    def schema(self) -> LabelSchema:
        if self._schema is None:
            raw = self.meta("label_schema")
            self._schema = LabelSchema.from_dict(orjson.loads(raw)) if raw else DEFAULT_SCHEMA
        return self._schema

    def set_schema(self, schema: LabelSchema) -> None:
        with self.atomic():
            self.set_meta("label_schema", _dumps(schema.to_dict()))
        self._schema = schema

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

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is not None

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]

    def document_id_by_sha(self, sha: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE text_sha256 = ? ORDER BY rowid LIMIT 1",
                              [sha]).fetchone()
        return row[0] if row else None

    def count_documents(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def set_direction(self, doc_id: str, direction: str) -> None:
        """Override the detected direction of a document (display only; offsets never change)."""
        if direction not in ("rtl", "ltr"):
            raise QawlError(f"must be rtl or ltr, got {direction!r}", field="direction")
        with self.atomic():
            self.conn.execute("UPDATE documents SET direction = ? WHERE id = ?", [direction, doc_id])

    def summaries(self) -> list[DocumentSummary]:
        """Every document in import order, with each annotator's status and number of spans."""
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

    def search(self, query: str) -> list[str]:
        """Ids of documents whose id, title or text contains ``query`` (exact substring), in import order."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM documents WHERE instr(text, ?1) > 0 OR instr(title, ?1) > 0 OR instr(id, ?1) > 0 "
            "ORDER BY rowid", [query])]

    # --- layers -------------------------------------------------------------------------------------------------

    def annotators(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM annotators ORDER BY name")]

    def layer_annotators(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT annotator FROM layers WHERE doc_id = ? ORDER BY annotator",
                                              [doc_id])]

    def layer(self, doc_id: str, annotator: str) -> Layer:
        """The annotator's layer of a document (an empty 'todo' layer if they have not started)."""
        row = self.conn.execute("SELECT status FROM layers WHERE doc_id = ? AND annotator = ?",
                              [doc_id, annotator]).fetchone()
        spans = [_span(r) for r in self.conn.execute(
            "SELECT id, label, start, \"end\", text, attrs, origin, provenance, created, updated FROM spans "
            "WHERE doc_id = ? AND annotator = ?", [doc_id, annotator])]
        rels = [_relation(r) for r in self.conn.execute(
            "SELECT id, type, head, tail, origin, provenance, created FROM relations "
            "WHERE doc_id = ? AND annotator = ?", [doc_id, annotator])]
        return Layer(doc_id, annotator, row[0] if row else Status.TODO.value, spans, rels)

    def layers(self, doc_id: str) -> list[Layer]:
        return [self.layer(doc_id, who) for who in self.layer_annotators(doc_id)]

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
        sql = ("SELECT json_extract(attrs, '$.entity') AS e, count(*) FROM spans WHERE label = 'SPEAKER' "
               "AND e IS NOT NULL")
        args: list = []
        if annotator:
            sql += " AND annotator = ?"
            args.append(annotator)
        return {r[0]: r[1] for r in self.conn.execute(sql + " GROUP BY e", args)}

    def mentions(self, entity_id: str) -> list[tuple[str, str, Span]]:
        """Every SPEAKER span of an entity across the project: (doc_id, annotator, span)."""
        return [(r[0], r[1], _span(r[2:])) for r in self.conn.execute(
            "SELECT doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, created, "
            "updated FROM spans WHERE label = 'SPEAKER' AND json_extract(attrs, '$.entity') = ? "
            "ORDER BY doc_id, start", [entity_id])]

    def layers_mentioning(self, entity_id: str) -> list[Layer]:
        keys = self.conn.execute("SELECT DISTINCT doc_id, annotator FROM spans WHERE label = 'SPEAKER' AND "
                               "json_extract(attrs, '$.entity') = ?", [entity_id]).fetchall()
        return [self.layer(d, a) for d, a in keys]

    # --- changes: the Target protocol ------------------------------------------------------------------------------

    def apply(self, change: Change, *, actor: str | None = None, reverts: int | None = None) -> int:
        """Apply one change in one transaction and record it in the history; returns its sequence number.

        Nothing is changed if any precondition fails (ConflictError) or the change breaks the schema (QawlError).
        """
        with self.atomic():
            change.apply(self)
            cur = self.conn.execute(
                "INSERT INTO changes (at, actor, doc_id, annotator, kind, description, change, reverts) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [_now(), actor, change.doc_id, change.annotator, change.kind, change.describe(),
                 _dumps(change.to_dict()), reverts])
            return cur.lastrowid

    def _ensure_layer(self, doc_id: str, annotator: str) -> None:
        now = _now()
        self.conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [annotator, now])
        self.conn.execute("INSERT OR IGNORE INTO layers (doc_id, annotator, status, updated) VALUES (?, ?, 'todo', ?)",
                        [doc_id, annotator, now])

    def _touch(self, doc_id: str, annotator: str) -> None:
        self.conn.execute("UPDATE layers SET updated = ? WHERE doc_id = ? AND annotator = ?",
                        [_now(), doc_id, annotator])

    def _stored_span(self, doc_id: str, annotator: str, span_id: str) -> Span | None:
        row = self.conn.execute(
            "SELECT id, label, start, \"end\", text, attrs, origin, provenance, created, updated FROM spans "
            "WHERE doc_id = ? AND annotator = ? AND id = ?", [doc_id, annotator, span_id]).fetchone()
        return _span(row) if row else None

    def _check_span(self, doc_id: str, span: Span) -> None:
        span.check_against(self.text(doc_id))
        self.schema.check_span(span)

    def insert_span(self, doc_id: str, annotator: str, span: Span) -> None:
        self._check_span(doc_id, span)
        self._ensure_layer(doc_id, annotator)
        now = _now()
        try:
            self.conn.execute(
                "INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, annotator, span.id, span.label, span.start, span.end, span.text, _dumps(span.attrs),
                 span.origin, _dumps(span.provenance), span.created or now, span.updated or span.created or now])
        except sqlite3.IntegrityError:
            raise ConflictError(f"span {span.id!r} already exists in {annotator}'s layer of {doc_id}") from None
        self._touch(doc_id, annotator)

    def delete_span(self, doc_id: str, annotator: str, span: Span) -> None:
        stored = self._stored_span(doc_id, annotator, span.id)
        if stored is None or not _same_span(stored, span):
            raise ConflictError(f"span {span.id!r} is not as expected in {annotator}'s layer of {doc_id} "
                                "(changed elsewhere?)")
        n = self.conn.execute("SELECT count(*) FROM relations WHERE doc_id = ? AND annotator = ? AND "
                            "(head = ?3 OR tail = ?3)", [doc_id, annotator, span.id]).fetchone()[0]
        if n:
            raise ConflictError(f"span {span.id!r} still has {n} relation(s); remove them in the same change")
        self.conn.execute("DELETE FROM spans WHERE doc_id = ? AND annotator = ? AND id = ?",
                        [doc_id, annotator, span.id])
        self._touch(doc_id, annotator)

    def update_span(self, doc_id: str, annotator: str, before: Span, after: Span) -> None:
        stored = self._stored_span(doc_id, annotator, before.id)
        if stored is None or not _same_span(stored, before):
            raise ConflictError(f"span {before.id!r} is not as expected in {annotator}'s layer of {doc_id} "
                                "(changed elsewhere?)")
        self._check_span(doc_id, after)
        self.conn.execute(
            "UPDATE spans SET label = ?, start = ?, \"end\" = ?, text = ?, attrs = ?, origin = ?, provenance = ?, "
            "updated = ? WHERE doc_id = ? AND annotator = ? AND id = ?",
            [after.label, after.start, after.end, after.text, _dumps(after.attrs), after.origin,
             _dumps(after.provenance), after.updated or _now(), doc_id, annotator, after.id])
        # Relations must still fit the schema after a relabel.
        for rel in self._relations_of(doc_id, annotator, after.id):
            self._check_relation(doc_id, annotator, rel)
        self._touch(doc_id, annotator)

    def _relations_of(self, doc_id: str, annotator: str, span_id: str) -> list[Relation]:
        return [_relation(r) for r in self.conn.execute(
            "SELECT id, type, head, tail, origin, provenance, created FROM relations WHERE doc_id = ? AND "
            "annotator = ? AND (head = ?3 OR tail = ?3)", [doc_id, annotator, span_id])]

    def _check_relation(self, doc_id: str, annotator: str, rel: Relation) -> None:
        head = self._stored_span(doc_id, annotator, rel.head)
        tail = self._stored_span(doc_id, annotator, rel.tail)
        if head is None or tail is None:
            missing = rel.head if head is None else rel.tail
            raise ConflictError(f"relation {rel.id!r} refers to span {missing!r}, which is not in "
                                f"{annotator}'s layer of {doc_id}")
        self.schema.check_relation(rel, head, tail)

    def insert_relation(self, doc_id: str, annotator: str, rel: Relation) -> None:
        self._check_relation(doc_id, annotator, rel)
        try:
            self.conn.execute(
                "INSERT INTO relations (doc_id, annotator, id, type, head, tail, origin, provenance, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, annotator, rel.id, rel.type, rel.head, rel.tail, rel.origin, _dumps(rel.provenance),
                 rel.created or _now()])
        except sqlite3.IntegrityError:
            raise ConflictError(f"relation {rel.id!r} already exists in {annotator}'s layer of {doc_id}") from None
        self._touch(doc_id, annotator)

    def delete_relation(self, doc_id: str, annotator: str, rel: Relation) -> None:
        row = self.conn.execute("SELECT id, type, head, tail, origin, provenance, created FROM relations "
                              "WHERE doc_id = ? AND annotator = ? AND id = ?", [doc_id, annotator, rel.id]).fetchone()
        if row is None or not _same_relation(_relation(row), rel):
            raise ConflictError(f"relation {rel.id!r} is not as expected in {annotator}'s layer of {doc_id}")
        self.conn.execute("DELETE FROM relations WHERE doc_id = ? AND annotator = ? AND id = ?",
                        [doc_id, annotator, rel.id])
        self._touch(doc_id, annotator)

    def insert_entity(self, entity: Entity) -> None:
        now = _now()
        try:
            self.conn.execute("INSERT INTO entities (id, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?)",
                            [entity.id, entity.name, _dumps(list(entity.aliases)), now, now])
        except sqlite3.IntegrityError:
            raise ConflictError(f"speaker {entity.id!r} already exists") from None

    def delete_entity(self, entity: Entity) -> None:
        if self.entity(entity.id) != entity:
            raise ConflictError(f"speaker {entity.id!r} is not as expected (changed elsewhere?)")
        used = self.mention_counts().get(entity.id, 0)
        if used:
            raise ConflictError(f"speaker {entity.name!r} is still used by {used} mention(s); merge it instead")
        self.conn.execute("DELETE FROM entities WHERE id = ?", [entity.id])

    def update_entity(self, before: Entity, after: Entity) -> None:
        if self.entity(before.id) != before:
            raise ConflictError(f"speaker {before.id!r} is not as expected (changed elsewhere?)")
        self.conn.execute("UPDATE entities SET name = ?, aliases = ?, updated = ? WHERE id = ?",
                        [after.name, _dumps(list(after.aliases)), _now(), after.id])

    def set_status(self, doc_id: str, annotator: str, before: str, after: str) -> None:
        current = self.status(doc_id, annotator)
        if current != before:
            raise ConflictError(f"{annotator}'s status of {doc_id} is {current!r}, not {before!r}")
        if after not in (s.value for s in Status):
            raise QawlError(f"unknown status {after!r}", field="status")
        self._ensure_layer(doc_id, annotator)
        self.conn.execute("UPDATE layers SET status = ?, updated = ? WHERE doc_id = ? AND annotator = ?",
                        [after, _now(), doc_id, annotator])

    # --- history ---------------------------------------------------------------------------------------------------

    def history(self, doc_id: str | None = None, *, annotator: str | None = None,
                limit: int | None = None) -> list[HistoryEntry]:
        sql = "SELECT seq, at, actor, doc_id, annotator, kind, description, change, reverts FROM changes"
        where, args = [], []
        if doc_id is not None:
            where.append("doc_id = ?")
            args.append(doc_id)
        if annotator is not None:
            where.append("annotator = ?")
            args.append(annotator)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq"
        if limit:
            sql = f"SELECT * FROM ({sql} DESC LIMIT {int(limit)}) ORDER BY seq"
        return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], orjson.loads(r[7]), r[8])
                for r in self.conn.execute(sql, args)]

    def record_event(self, kind: str, description: str, payload: dict, *, actor: str | None = None,
                     doc_id: str | None = None) -> None:
        """A history entry that is not an undoable edit (an import, a bulk suggestion run)."""
        self.conn.execute("INSERT INTO changes (at, actor, doc_id, annotator, kind, description, change) "
                        "VALUES (?, ?, ?, NULL, ?, ?, ?)", [_now(), actor, doc_id, kind, description,
                                                             _dumps(payload)])

    # --- import ---------------------------------------------------------------------------------------------------

    def import_records(self, records: list[Record], *, replace_layers: bool = False, skip_invalid: bool = False,
                       source: str | None = None, schema: LabelSchema | None = None,
                       actor: str | None = None, progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> ImportSummary:
        """Bring documents, layers and speakers in, all or nothing.

        Documents match existing ones by id, or by text hash when the id is new (a teammate's copy of our
        article); an existing id with different text is an error. A layer that already exists with different
        annotations is an error unless ``replace_layers``; an identical one is left as it is (re-importing the
        same file changes nothing). Speakers match the registry by id with the same name, else by name; others
        are added. Raises QawlError listing every problem (up to 20) and changes nothing.

        With ``skip_invalid`` (importing teammates' files), a record with a problem is skipped wholly — never
        partly — and reported in ``summary.skipped``; the valid records are imported.

        ``schema`` (a wider label schema, e.g. with a peer file's own labels) is checked against and saved with
        the import, in the same transaction.
        """
        summary = ImportSummary()
        problems: list[QawlError] = []
        new_schema = schema
        schema = schema or self.schema
        existing = {r[0]: r[1] for r in self.conn.execute("SELECT id, text_sha256 FROM documents")}
        by_sha: dict[str, str] = {}
        for doc_id, sha in self.conn.execute("SELECT id, text_sha256 FROM documents ORDER BY rowid DESC"):
            by_sha[sha] = doc_id
        registry = self.entities()
        pending = self.suggested_entities()
        registry_by_name = {e.name.casefold(): e for e in registry.values()}
        new_docs: dict[str, Document] = {}
        entity_map: dict[str, str] = {}
        new_entities: dict[str, Entity] = {}
        layers: dict[tuple[str, str], Layer] = {}

        def fail(exc: QawlError, rec: Record) -> None:
            located = exc.located(file=rec.document.source, line=rec.line)
            if skip_invalid:
                summary.skipped.append(str(located))
            else:
                problems.append(located)

        total = len(records)
        for n, rec in enumerate(records):
            if cancel and n % 256 == 0 and cancel():
                raise Cancelled()
            if progress and n % 500 == 0:
                progress(n, total * 2)
            doc = rec.document
            try:
                our_id, is_new = self._match_document(doc, existing, by_sha, new_docs)
                # Speakers used by this record: matched onto the registry, or new (decided per record, kept
                # only if the record is accepted).
                rec_map: dict[str, str] = {}
                rec_new: dict[str, Entity] = {}
                for ent in rec.entities:
                    if ent.id in entity_map:
                        continue
                    known = registry.get(ent.id) or new_entities.get(ent.id) or rec_new.get(ent.id)
                    if known is not None and known.name == ent.name:
                        rec_map[ent.id] = ent.id
                        continue
                    same_name = registry_by_name.get(ent.name.casefold())
                    if same_name is not None:
                        rec_map[ent.id] = same_name.id
                        continue
                    new_id_ = ent.id if known is None else f"{ent.id}-{doc.text_sha256[:6]}"
                    rec_new[new_id_] = Entity(new_id_, ent.name, ent.aliases)
                    rec_map[ent.id] = new_id_
                layer = None
                if rec.layer is not None:
                    layer = _rebase_layer(rec.layer, our_id, {**entity_map, **rec_map})
                    layer.check_against(doc.text)
                    schema.check_layer(layer)
                    for span in layer.spans.values():
                        if span.entity and span.entity not in registry and span.entity not in new_entities \
                                and span.entity not in rec_new and span.entity not in pending:
                            raise QawlError(f"speaker {span.entity!r} is not in the file's \"entities\" nor in "
                                            "the project", field=f"spans[{span.id}].attrs.entity")
                    if (layer.doc_id, layer.annotator) in layers:
                        raise QawlError(f"a second layer of annotator {layer.annotator!r} for document "
                                        f"{layer.doc_id!r} in the same import", field="annotator")
            except QawlError as exc:
                fail(exc, rec)
                continue
            if our_id != doc.id:
                summary.remapped_ids[doc.id] = our_id
            if is_new:
                new_docs[doc.id] = doc
                by_sha.setdefault(doc.text_sha256, doc.id)
            entity_map.update(rec_map)
            new_entities.update(rec_new)
            registry_by_name.update({e.name.casefold(): e for e in rec_new.values()})
            if layer is not None:
                layers[(layer.doc_id, layer.annotator)] = layer
        if problems:
            raise _combine(problems)

        # Existing layers: identical -> unchanged; different -> error unless replacing.
        to_write: list[Layer] = []
        for key, layer in layers.items():
            if layer.doc_id in existing:
                row = self.conn.execute("SELECT 1 FROM layers WHERE doc_id = ? AND annotator = ?", key).fetchone()
                if row is not None:
                    current = self.layer(*key)
                    if _same_layer(current, layer):
                        summary.layers_unchanged += 1
                        continue
                    if not current.empty and not replace_layers:
                        conflict = QawlError(
                            f"{layer.annotator}'s layer of {layer.doc_id!r} already has different annotations "
                            f"({len(current.spans)} spans here, {len(layer.spans)} in the file); import with "
                            "--replace to overwrite it", field="annotator")
                        if skip_invalid:
                            summary.skipped.append(str(conflict))
                        else:
                            problems.append(conflict)
                        continue
                    summary.layers_replaced += 1
                    to_write.append(layer)
                    continue
            summary.layers_added += 1
            to_write.append(layer)
        if problems:
            raise _combine(problems)

        now = _now()
        # A bulk import would otherwise copy its whole WAL into the database inside the commit. Defer that copy
        # (the data is committed and visible either way) to checkpoint(), which the CLI runs at close and the
        # window runs in the background.
        bulk = len(new_docs) > 100 and self.path is not None
        if bulk:
            self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            with self.atomic():
                if new_schema is not None and new_schema != self.schema:
                    self.set_meta("label_schema", _dumps(new_schema.to_dict()))
                self._write_import(new_docs, new_entities, to_write, summary, records, source, actor, now, total,
                                   progress, cancel)
            if new_schema is not None:
                self._schema = new_schema
        finally:
            if bulk:
                self.conn.execute("PRAGMA wal_autocheckpoint = 1000")
        if progress:
            progress(total * 2, total * 2)
        return summary

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file (SQLite does it on close too)."""
        if self.path is not None:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _write_import(self, new_docs, new_entities, to_write, summary, records, source, actor, now, total,
                      progress, cancel) -> None:
        with self.atomic():
            if new_docs:
                self.conn.executemany(
                    "INSERT INTO documents (id, title, text, text_sha256, chars, direction, meta, normalisation, "
                    "source, imported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(d.id, d.title, d.text, d.text_sha256, len(d.text), d.direction, _dumps(d.meta),
                      _dumps(d.normalisation.to_dict()), d.source or source, now) for d in new_docs.values()])
            summary.documents_added = len(new_docs)
            summary.documents_existing = len({r.document.id for r in records}) - len(new_docs)
            # Speakers only suggestions name wait in suggested_entities, as after `qawl suggest`.
            from .core.model import SUGGESTIONS

            confirmed = {e for layer in to_write if layer.annotator != SUGGESTIONS for e in layer.entity_ids()}
            proposed = {e: layer.doc_id for layer in to_write if layer.annotator == SUGGESTIONS
                        for e in layer.entity_ids()}
            registry_rows = [e for e in new_entities.values() if e.id in confirmed or e.id not in proposed]
            if registry_rows:
                self.conn.executemany(
                    "INSERT INTO entities (id, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?)",
                    [(e.id, e.name, _dumps(list(e.aliases)), now, now) for e in registry_rows])
            self.conn.executemany(
                "INSERT OR IGNORE INTO suggested_entities (id, doc_id, name, aliases, created) VALUES (?, ?, ?, ?, ?)",
                [(e.id, proposed[e.id], e.name, _dumps(list(e.aliases)), now) for e in new_entities.values()
                 if e.id not in confirmed and e.id in proposed])
            summary.entities_added = len(registry_rows)
            annotators = {layer.annotator for layer in to_write}
            self.conn.executemany("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)",
                                     [(a, now) for a in annotators])
            keys = [(layer.doc_id, layer.annotator) for layer in to_write]
            # Replaced layers go first (their spans and relations follow by ON DELETE CASCADE).
            self.conn.executemany("DELETE FROM layers WHERE doc_id = ? AND annotator = ?", keys)
            self.conn.executemany("INSERT INTO layers (doc_id, annotator, status, updated) VALUES (?, ?, ?, ?)",
                                     [(*key, layer.status, now) for key, layer in zip(keys, to_write)])
            span_rows, rel_rows = [], []
            for i, (key, layer) in enumerate(zip(keys, to_write)):
                if cancel and i % 256 == 0 and cancel():
                    raise Cancelled()
                if progress and i % 500 == 0:
                    progress(total + i * total // max(1, len(to_write)), total * 2)
                for s in layer.spans.values():
                    span_rows.append((*key, s.id, s.label, s.start, s.end, s.text, _dumps(s.attrs), s.origin,
                                      _dumps(s.provenance), s.created or now, s.updated or s.created or now))
                for r in layer.relations.values():
                    rel_rows.append((*key, r.id, r.type, r.head, r.tail, r.origin, _dumps(r.provenance),
                                     r.created or now))
            self.conn.executemany(
                "INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", span_rows)
            self.conn.executemany(
                "INSERT INTO relations (doc_id, annotator, id, type, head, tail, origin, provenance, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rel_rows)
            summary.spans, summary.relations = len(span_rows), len(rel_rows)
            if new_docs or to_write or new_entities:
                self.record_event("import", f"Import: {summary.describe()}",
                                  {"source": source, "documents": summary.documents_added,
                                   "layers": [list(k) for k in ((l.doc_id, l.annotator) for l in to_write)][:1000],
                                   "spans": summary.spans, "relations": summary.relations,
                                   "entities": summary.entities_added}, actor=actor)

    @staticmethod
    def _match_document(doc: Document, existing: dict[str, str], by_sha: dict[str, str],
                        new_docs: dict[str, Document]) -> tuple[str, bool]:
        """Our id for an incoming document and whether it is new; a text that differs from ours is an error."""
        if doc.id in existing:
            if existing[doc.id] != doc.text_sha256:
                raise QawlError(f"document {doc.id!r} is already in the project with a different text (same id, "
                                "different content); it is never merged", field="doc_id")
            return doc.id, False
        if doc.id in new_docs:
            if new_docs[doc.id].text_sha256 != doc.text_sha256:
                raise QawlError(f"document id {doc.id!r} appears twice with different texts", field="doc_id")
            return doc.id, False
        if doc.text_sha256 in by_sha:
            return by_sha[doc.text_sha256], False
        return doc.id, True

    # --- suggestions ----------------------------------------------------------------------------------------------

    def put_suggestions(self, doc_id: str, layer: Layer, entities: Iterable[Entity] = ()) -> tuple[int, int]:
        """Replace the undecided suggestions of a document with a new run's, in one transaction.

        Suggestions someone has already accepted or rejected (``provenance.decisions``) are kept as they are, and
        a new suggestion with the same id or the same label and range as a decided one is dropped, so re-running
        never brings back what an annotator has dealt with. New speakers go to ``suggested_entities`` (they join
        the registry only when accepted). Returns (spans kept, spans added).
        """
        from .core.model import SUGGESTIONS

        text = self.text(doc_id)
        current = self.layer(doc_id, SUGGESTIONS)
        decided = {k: s for k, s in current.spans.items() if s.provenance.get("decisions")}
        decided_keys = {(s.label, s.start, s.end) for s in decided.values()}
        fresh = [s for s in layer.spans.values() if s.id not in decided and (s.label, s.start, s.end)
                 not in decided_keys]
        keep_rels = [r for r in current.relations.values() if r.head in decided and r.tail in decided]
        ids = set(decided) | {s.id for s in fresh}
        seen = {r.id for r in keep_rels}
        new_rels = [r for r in layer.relations.values() if r.head in ids and r.tail in ids and r.id not in seen]
        merged = Layer(doc_id, SUGGESTIONS, Status.TODO.value, [*decided.values(), *fresh], [*keep_rels, *new_rels])
        merged.check_against(text)
        self.schema.check_layer(merged)
        now = _now()
        with self.atomic():
            self._ensure_layer(doc_id, SUGGESTIONS)
            self.conn.execute("DELETE FROM relations WHERE doc_id = ? AND annotator = ?", [doc_id, SUGGESTIONS])
            self.conn.execute("DELETE FROM spans WHERE doc_id = ? AND annotator = ?", [doc_id, SUGGESTIONS])
            self.conn.executemany(
                "INSERT INTO spans (doc_id, annotator, id, label, start, \"end\", text, attrs, origin, provenance, "
                "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, SUGGESTIONS, s.id, s.label, s.start, s.end, s.text, _dumps(s.attrs), s.origin,
                  _dumps(s.provenance), s.created or now, s.updated or now) for s in merged.spans.values()])
            self.conn.executemany(
                "INSERT INTO relations (doc_id, annotator, id, type, head, tail, origin, provenance, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, SUGGESTIONS, r.id, r.type, r.head, r.tail, r.origin, _dumps(r.provenance),
                  r.created or now) for r in merged.relations.values()])
            self.conn.executemany(
                "INSERT INTO suggested_entities (id, doc_id, name, aliases, created) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases",
                [(e.id, doc_id, e.name, _dumps(list(e.aliases)), now) for e in entities])
        return len(decided), len(fresh)

    def suggested_entities(self, doc_id: str | None = None) -> dict[str, Entity]:
        """Speakers proposed by the suggester (of one document, or all) that are not in the registry."""
        sql = "SELECT id, name, aliases FROM suggested_entities WHERE id NOT IN (SELECT id FROM entities)"
        args: list = []
        if doc_id is not None:
            sql += " AND doc_id = ?"
            args.append(doc_id)
        return {r[0]: Entity(r[0], r[1], tuple(orjson.loads(r[2]))) for r in self.conn.execute(sql, args)}

    # --- export ---------------------------------------------------------------------------------------------------

    def export_records(self, *, annotator: str | None = None, statuses: Iterable[str] | None = None,
                       include_unannotated: bool = True, doc_ids: Iterable[str] | None = None,
                       include_suggestions: bool = False) -> Iterator[dict]:
        """Export lines (``qawl-export/1`` dicts) straight from SQL rows, streaming, in import order.

        The same dicts as ``jsonl.export_record`` over ``layer()`` (a test keeps the two paths equal), built
        without constructing core objects so a million spans export at SELECT speed. JSON columns are passed
        through as ``orjson.Fragment`` and never parsed.
        """
        from .core.model import SUGGESTIONS

        wanted = set(statuses) if statuses else None
        only = set(doc_ids) if doc_ids is not None else None
        label_schema = self.schema.name
        # Speakers the suggester proposed are named too, so an export of suggestions imports back.
        entities = {r[0]: {"id": r[0], "name": r[1], "aliases": orjson.Fragment(r[2])}
                    for r in self.conn.execute("SELECT id, name, aliases FROM suggested_entities UNION ALL "
                                             "SELECT id, name, aliases FROM entities")}
        layer_rows: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for doc_id, who, st in self.conn.execute("SELECT doc_id, annotator, status FROM layers ORDER BY annotator"):
            layer_rows[doc_id].append((who, st))
        Frag = orjson.Fragment
        docs = self.conn.execute("SELECT id, text, text_sha256, direction, normalisation, meta FROM documents "
                                    "ORDER BY rowid")
        span_sql = ("SELECT annotator, id, label, start, \"end\", text, attrs, origin, provenance, created, updated "
                    "FROM spans WHERE doc_id = ?")
        rel_sql = "SELECT annotator, id, type, head, tail, origin, provenance, created FROM relations WHERE doc_id = ?"
        conn = self.conn
        for doc_id, text, sha, direction, norm, meta in docs:
            if only is not None and doc_id not in only:
                continue
            layers = layer_rows.get(doc_id, [])
            if annotator is not None:
                layers = [(w, s) for w, s in layers if w == annotator] or [(annotator, Status.TODO.value)]
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
            for who, st in layers:
                if not include_unannotated and who is None:
                    continue
                rows = spans_by.get(who, [])
                rows.sort(key=_span_order)
                used = sorted({_entity_of(r[6]) for r in rows if r[2] == "SPEAKER"} - {None})
                yield {
                    "schema": FORMAT, "label_schema": label_schema, "doc_id": doc_id, "text": text,
                    "text_sha256": sha, "offset_unit": OFFSET_UNIT, "direction": direction,
                    "normalisation": Frag(norm), "meta": Frag(meta), "annotator": who, "status": st,
                    "spans": [{"id": r[1], "label": r[2], "start": r[3], "end": r[4], "text": r[5],
                               "attrs": Frag(r[6]), "origin": r[7], "provenance": Frag(r[8]), "created": r[9],
                               "updated": r[10]} for r in rows],
                    "relations": [{"id": r[1], "type": r[2], "head": r[3], "tail": r[4], "origin": r[5],
                                   "provenance": Frag(r[6]), "created": r[7]}
                                  for r in sorted(rels_by.get(who, []), key=lambda r: r[1])],
                    "entities": [entities[e] for e in used if e in entities],
                }

    # --- statistics -----------------------------------------------------------------------------------------------

    def stats(self) -> dict:
        """Counts for ``qawl stats``. Annotation counts are of people's layers; unreviewed suggestions are
        counted apart (``suggestions_by_label``)."""
        q = self.db.execute
        return {
            "documents": q("SELECT count(*) FROM documents").fetchone()[0],
            "characters": q("SELECT coalesce(sum(chars), 0) FROM documents").fetchone()[0],
            "annotators": self.annotators(),
            "speakers": q("SELECT count(*) FROM entities").fetchone()[0],
            "spans_by_label": dict(q("SELECT label, count(*) FROM spans WHERE annotator != 'suggestions' "
                                     "GROUP BY label ORDER BY label").fetchall()),
            "relations_by_type": dict(q("SELECT type, count(*) FROM relations WHERE annotator != 'suggestions' "
                                        "GROUP BY type ORDER BY type").fetchall()),
            "suggestions_by_label": dict(q("SELECT label, count(*) FROM spans WHERE annotator = 'suggestions' "
                                           "GROUP BY label ORDER BY label").fetchall()),
            "spans_by_annotator": dict(q("SELECT annotator, count(*) FROM spans GROUP BY annotator "
                                         "ORDER BY annotator").fetchall()),
            "spans_by_origin": dict(q("SELECT origin, count(*) FROM spans GROUP BY origin ORDER BY origin")
                                    .fetchall()),
            "layers_by_status": dict(q("SELECT status, count(*) FROM layers GROUP BY status ORDER BY status")
                                     .fetchall()),
            "layers_by_annotator_status": [
                {"annotator": a, "status": s, "documents": n} for a, s, n in
                q("SELECT annotator, status, count(*) FROM layers GROUP BY annotator, status "
                  "ORDER BY annotator, status")],
            "documents_not_started": q("SELECT count(*) FROM documents WHERE id NOT IN "
                                       "(SELECT doc_id FROM layers WHERE annotator != 'suggestions')").fetchone()[0],
            "changes": q("SELECT count(*) FROM changes").fetchone()[0],
        }


# --- row helpers ------------------------------------------------------------------------------------------------

def _span(r) -> Span:
    return Span(id=r[0], label=r[1], start=r[2], end=r[3], text=r[4], attrs=orjson.loads(r[5]), origin=r[6],
                provenance=orjson.loads(r[7]), created=r[8], updated=r[9])


def _relation(r) -> Relation:
    return Relation(id=r[0], type=r[1], head=r[2], tail=r[3], origin=r[4], provenance=orjson.loads(r[5]),
                    created=r[6])


def _span_order(r) -> tuple:
    return (r[3], -r[4], r[2], r[1])


def _entity_of(attrs_json: str) -> str | None:
    if '"entity"' not in attrs_json:
        return None
    value = orjson.loads(attrs_json).get("entity")
    return str(value) if value else None


def _same_span(a: Span, b: Span) -> bool:
    """Equal in everything an annotator sees (timestamps are bookkeeping and may be filled in by the store)."""
    return (a.id, a.label, a.start, a.end, a.text, a.attrs, a.origin, a.provenance) == \
        (b.id, b.label, b.start, b.end, b.text, b.attrs, b.origin, b.provenance)


def _same_relation(a: Relation, b: Relation) -> bool:
    return (a.id, a.type, a.head, a.tail, a.origin, a.provenance) == (b.id, b.type, b.head, b.tail, b.origin,
                                                                      b.provenance)


def _same_layer(a: Layer, b: Layer) -> bool:
    if a.status != b.status or a.spans.keys() != b.spans.keys() or a.relations.keys() != b.relations.keys():
        return False
    return all(_same_span(a.spans[k], b.spans[k]) for k in a.spans) and \
        all(_same_relation(a.relations[k], b.relations[k]) for k in a.relations)


def _rebase_layer(layer: Layer, doc_id: str, entity_map: Mapping[str, str]) -> Layer:
    """The layer moved onto our document id, with speaker ids mapped onto the registry."""
    if doc_id == layer.doc_id and not any(s.entity and entity_map.get(s.entity, s.entity) != s.entity
                                          for s in layer.spans.values()):
        return layer
    from dataclasses import replace

    spans = [replace(s, attrs={**s.attrs, "entity": entity_map.get(s.entity, s.entity)}) if s.entity else s
             for s in layer.spans.values()]
    return Layer(doc_id, layer.annotator, layer.status, spans, layer.relations.values())


def _combine(problems: list[QawlError]) -> QawlError:
    if len(problems) == 1:
        return problems[0]
    shown = "\n  ".join(str(p) for p in problems[:20])
    more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
    return QawlError(f"{len(problems)} problems; nothing was imported:\n  {shown}{more}")


def entities_from_dicts(items: Iterable[Mapping]) -> list[Entity]:
    return [entity_from_dict(e) for e in items]
