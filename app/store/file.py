"""The project file: opening it (safety checks, migrations, pragmas), its identity (path, SQLite version, data
version, applied migrations), transactions and read snapshots on its one connection, ``qawl_meta`` and the label
schema stored there.

Every other part of the store (:class:`Part`) works over one :class:`ProjectFile`: the same connection, the same
transactions. Safety rules:

- a file that is not a Qawl project (not SQLite, or SQLite without our ``qawl_meta`` table) is refused untouched;
- a project written by a newer Qawl (a migration this version does not know) is refused untouched;
- WAL journal, ``synchronous=NORMAL`` and foreign keys on; every change and every import is one transaction.

sqlite-utils runs the migrations and wraps the connection for people and tests (:attr:`ProjectFile.db`); it is
imported only when needed, so the window starts without it.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import orjson

from ..core import files
from ..core.errors import ProjectDamaged, QawlError, StorageError
from ..core.schema import DEFAULT_SCHEMA, LabelSchema
from .connection import RECOVERY, Connection, busy_timeout, explain
from .migrations import KNOWN_MIGRATIONS, PAGE_SIZE, applied, check_database_file, migrate
from .rows import dumps as _dumps

_savepoints = itertools.count()


class ProjectFile:
    """One open project file: its connection, transactions, metadata and label schema."""

    def __init__(self, conn: Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db = None
        self._schema: LabelSchema | None = None
        self._closed = False

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
    def open(cls, path: str | Path | None = None, *, create: bool = True, verify: bool = True) -> "ProjectFile":
        """Open a project file; ``None`` or ":memory:" gives an in-memory project.

        ``create``: make the file if it does not exist (only ``qawl import`` and the app's default project do; a
        mistyped ``--db`` must not silently become an empty project). ``verify``: run SQLite's ``quick_check``
        and refuse a damaged project, pointing to recovery (a second connection of the same process skips it).
        A file that is not a Qawl project, or was written by a newer Qawl, is refused without writing a byte.
        """
        if path is None or str(path) == ":memory:":
            raw = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            project = cls(Connection(raw, None), None)
            project.conn.execute("PRAGMA foreign_keys = ON")
            migrate(project.conn)
            return project
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
        project = cls(Connection(raw, path), path)
        try:
            conn = project.conn
            conn.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            # Article texts are several KB of UTF-8: larger pages mean fewer overflow pages on import and read.
            # (Only takes effect on a new, empty file, before WAL is switched on.)
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            _switch_to_wal(conn, wait)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if verify:
                project.verify()
            if set(applied(conn)) != set(KNOWN_MIGRATIONS):  # (branches' migrations may land in any order)
                migrate(conn, path)
        except BaseException:
            project.close()
            raise
        return project

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
        if self._closed:
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

    def forget_schema(self) -> None:
        """Read the label schema again at next use (an import re-reads it under its lock)."""
        self._schema = None

    def keep_schema(self, schema: LabelSchema) -> None:
        """The label schema a committed transaction stored (an import widening it)."""
        self._schema = schema

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file (SQLite does it on close too)."""
        if self.path is not None:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


class Part:
    """A part of the store: one responsibility over the project file's connection. It reaches the file only
    through the file's public interface (transactions, snapshot, schema); other parts it needs are given to its
    constructor."""

    def __init__(self, file: ProjectFile) -> None:
        self.file = file

    @property
    def conn(self) -> Connection:
        return self.file.conn

    def atomic(self):
        return self.file.atomic()

    def snapshot(self):
        return self.file.snapshot()

    @property
    def schema(self) -> LabelSchema:
        return self.file.schema


def _switch_to_wal(conn: Connection, wait: float) -> None:
    """Put the project in WAL mode (readers never wait for the writer). Switching needs the file to itself, and
    while another connection holds a write lock on a file still in rollback mode — another process creating the
    same new project at the same moment — SQLite answers "busy" at once instead of calling the busy handler (it
    would deadlock otherwise). So wait here, as the busy timeout promises, re-reading the mode: the other process
    has usually switched it meanwhile."""
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except StorageError as exc:
            if exc.kind != "busy" or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)

