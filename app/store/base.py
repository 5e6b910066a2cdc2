"""The project store: one SQLite file, through sqlite-utils. The only package that knows SQL.

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

import itertools
import sqlite3
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import orjson

from ..core import files
from ..core.errors import ProjectDamaged, QawlError
from ..core.model import Document, Entity, Layer, Span, Status
from ..core.schema import DEFAULT_SCHEMA, LabelSchema
from ..core.text.normalise import Normalisation
from .claims import ClaimsMixin
from .editing import EditingMixin
from .importing import ImportingMixin
from .connection import RECOVERY, Connection, busy_timeout, explain
from .migrations import KNOWN_MIGRATIONS, PAGE_SIZE, applied, check_database_file, migrate
from .notes import NotesMixin
from .progress import ProgressMixin
from .reading import ReadingMixin
from .search import SearchMixin
from .rows import (dumps as _dumps, relation_of_row as _relation, span_of_row as _span)
from .rows import DocumentSummary
from .written import WrittenMixin

_savepoints = itertools.count()


class Store(EditingMixin, ImportingMixin, ReadingMixin, ClaimsMixin, WrittenMixin, NotesMixin, SearchMixin,
            ProgressMixin):
    """A Qawl project: documents, annotators' layers, the speaker and claim registries, the label schema and the
    history."""

    def __init__(self, conn: Connection, path: Path | None) -> None:
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
            self._db = Database(self.conn.raw, execute_plugins=False)
        return self._db

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction (a savepoint when nested): everything inside is written, or nothing.

        The outermost level is ``BEGIN IMMEDIATE``: the write lock is taken before the first read, so what a
        change or an import checks is still true when it writes, whatever other processes do meanwhile (a
        deferred transaction would read, then fail or, worse, write over a check another process invalidated).
        An SQLite failure comes out as a :class:`~app.core.errors.StorageError` after the rollback.
        """
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
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.rollback()
            raise explain(exc, self.path) from exc
        except BaseException:
            conn.rollback()
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads that see ONE state of the project. Each statement outside a transaction sees the latest
        commit, so a layer's spans read before another process's edit and its relations read after it would not
        fit together (a relation to a span that is not there). Inside a transaction already: that one."""
        conn = self.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")  # deferred: the first read fixes what every later read of it sees
        try:
            yield
        finally:
            # Commit, not roll back: a write made meanwhile through atomic() (a savepoint inside the snapshot, e.g.
            # the record of a file an export wrote while reading) was promised, and is kept; with no write this
            # only ends the snapshot. A generator reading in a snapshot may be finished after its store was closed.
            try:
                if conn.in_transaction:
                    conn.commit()
            except sqlite3.ProgrammingError:
                pass

    # --- opening ----------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True, verify: bool = True) -> "Store":
        """Open a project file; ``None`` or ":memory:" gives an in-memory project.

        ``create``: make the file if it does not exist (only ``qawl import`` and the app's default project do; a
        mistyped ``--db`` must not silently become an empty project). ``verify``: run SQLite's ``quick_check``
        and refuse a damaged project, pointing to recovery (a second connection of the same process skips it).
        A file that is not a Qawl project, or was written by a newer Qawl, is refused without writing a byte.
        """
        if path is None or str(path) == ":memory:":
            raw = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            store = cls(Connection(raw, None), None)
            store.conn.execute("PRAGMA foreign_keys = ON")
            migrate(store.conn)
            return store
        path = Path(path)
        if not create and not path.exists():
            raise QawlError("no such project file. Check the name, or create a project by importing articles "
                            "into it: qawl import --db PATH FILES", file=str(path))
        check_database_file(path)
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise QawlError(f"cannot create the project folder ({exc.strerror})", file=str(path)) from None
        wait = busy_timeout()
        try:
            raw = sqlite3.connect(str(path), check_same_thread=False, timeout=wait, isolation_level=None)
        except sqlite3.Error as exc:
            raise explain(exc, path) from None
        files.hold(path)
        store = cls(Connection(raw, path), path)
        try:
            conn = store.conn
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            # Article texts are several KB of UTF-8: larger pages mean fewer overflow pages on import and read.
            # (Only takes effect on a new, empty file, before WAL is switched on.)
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if verify:
                store.verify()
            if set(applied(conn)) != set(KNOWN_MIGRATIONS):  # (branches' migrations may land in any order)
                migrate(conn, path)
        except BaseException:
            store.close()
            raise
        return store

    def verify(self) -> None:
        """SQLite's ``quick_check``: refuse a damaged project (untouched), pointing to recovery."""
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check(5)")]
        except ProjectDamaged as exc:
            raise ProjectDamaged(f"is damaged and was left untouched ({exc.message.split(';')[0]}). {RECOVERY}",
                                 file=str(self.path)) from None
        if rows != ["ok"]:
            raise ProjectDamaged(f"is damaged and was left untouched (SQLite's check: {'; '.join(rows)}). "
                                 f"{RECOVERY}", file=str(self.path))

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if getattr(self, "_closed", False):
            return
        self._closed = True
        try:
            self.conn.close()
        finally:
            if self.path is not None:
                files.release(self.path)

    @property
    def sqlite_version(self) -> str:
        """The SQLite library the project is opened with (Help ▸ About, the log)."""
        return sqlite3.sqlite_version

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def data_version(self) -> int:
        """A number that changes when another connection (another process, another store of this process)
        commits to the project: how the window notices a command-line import."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM qawl_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.atomic():
            self.conn.execute("INSERT INTO qawl_meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    def applied_migrations(self) -> list[str]:
        """The migrations this project has had, in order (read without sqlite-utils: it is cheap to ask)."""
        return applied(self.conn)

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
        with self.snapshot():
            keys = self.conn.execute("SELECT DISTINCT doc_id, annotator FROM spans WHERE label = 'SPEAKER' AND "
                                     "json_extract(attrs, '$.entity') = ?", [entity_id]).fetchall()
            return [self._layer(d, a) for d, a in keys]

