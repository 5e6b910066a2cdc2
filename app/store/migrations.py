"""The project file's schema and its history: migrations, and the check that a file is a Qawl project this
version can open (a file that is not ours, or was written by a newer Qawl, is refused without writing a byte).

Migrations are recorded the sqlite-utils way (table ``_sqlite_migrations``, set ``qawl``; :func:`migrations` is
the same history as a sqlite-utils ``Migrations`` set, for people and tests), but :func:`migrate` applies every
pending one in ONE ``BEGIN IMMEDIATE`` transaction: a project is created whole or not at all (a creation killed
midway leaves an empty file that the next start simply creates again), and two processes creating the same
project at once take turns instead of both running ``CREATE TABLE``.

The "is it ours?" check asks SQLite itself (a read-only connection), never a plain ``open()``: closing a
descriptor of a project file drops every SQLite lock this process holds on it (see :mod:`app.core.files`).
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

import orjson

from .. import __version__
from ..core.errors import NotOurDatabase, ProjectDamaged, QawlError
from ..core.schema import DEFAULT_SCHEMA
from .rows import now_utc

APP_ID = "qawl"
MIGRATIONS_TABLE = "_sqlite_migrations"
# Article texts are several KB of UTF-8: larger pages mean fewer overflow pages on import and read.
PAGE_SIZE = 16384


def _sql(db):
    """The sqlite3 connection under a sqlite-utils ``Database`` (the migrations also run as a sqlite-utils set)."""
    inner = getattr(db, "conn", None)
    return inner if isinstance(inner, sqlite3.Connection) else db


def _script(conn, script: str) -> None:
    """Run a DDL script statement by statement (``executescript`` would commit the open transaction). A statement
    ends at a ``;`` that completes it (a trigger's body holds several)."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                conn.execute(statement)
            statement = ""
    if statement.strip(" \n;"):
        conn.execute(statement)


def _m001_initial(conn) -> None:
    conn = _sql(conn)
    _script(conn, """
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
    now = now_utc()
    conn.executemany("INSERT INTO qawl_meta (key, value) VALUES (?, ?)", [
        ("app", APP_ID), ("created", now), ("created_by_version", __version__),
        ("label_schema", orjson.dumps(DEFAULT_SCHEMA.to_dict()).decode())])


def _m002_review(conn) -> None:
    """A lookup of speaker mentions by entity (merge, mention counts), and a per-document review table that
    migration 004 drops again (review status became the gold layer's status)."""
    conn = _sql(conn)
    _script(conn, """
    CREATE TABLE reviews (
        doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
        reviewer TEXT,
        updated TEXT NOT NULL
    );
    CREATE INDEX spans_entity ON spans (json_extract(attrs, '$.entity')) WHERE label = 'SPEAKER';
    """)


def _m003_suggested_entities(conn) -> None:
    """Speakers the suggester proposed: they join the registry only when a suggestion naming them is accepted."""
    conn = _sql(conn)
    _script(conn, """
    CREATE TABLE suggested_entities (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL
    );
    CREATE INDEX suggested_entities_doc ON suggested_entities (doc_id);
    """)


def _m004_drop_reviews(conn) -> None:
    """Review status is the gold layer's status (an undoable change like any other): the early `reviews` table
    was never used, so a reader of the file is not misled by it."""
    conn = _sql(conn)
    conn.execute("DROP TABLE IF EXISTS reviews")


def _m005_written_files(conn) -> None:
    """The files Qawl wrote for other tools' formats (ours to replace): a table instead of one JSON value that
    grew with every export. A path may have two hashes while an export is being put in place (the old file and
    the new one are both ours until the new one is)."""
    conn = _sql(conn)
    _script(conn, """
    CREATE TABLE written_files (
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        written TEXT NOT NULL,
        PRIMARY KEY (path, sha256)
    )""")
    row = conn.execute("SELECT value FROM qawl_meta WHERE key = 'written_files'").fetchone()
    if row:
        try:
            old = orjson.loads(row[0])
        except orjson.JSONDecodeError:
            old = {}
        now = now_utc()
        conn.executemany("INSERT OR IGNORE INTO written_files (path, sha256, written) VALUES (?, ?, ?)",
                         [(str(p), str(h), now) for p, h in (old.items() if isinstance(old, dict) else ())
                          if isinstance(h, str)])
        conn.execute("DELETE FROM qawl_meta WHERE key = 'written_files'")


def _m007_team(conn) -> None:
    """Team projects over git (app.operations.team): this project's membership and sync state, the lead's
    assignments, and what the last syncs found. One statement at a time (``executescript`` would commit)."""
    _script(_sql(conn), _TEAM_TABLES)


_TEAM_TABLES = """
CREATE TABLE team (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    remote TEXT NOT NULL,
    branch TEXT NOT NULL DEFAULT 'main',
    git_dir TEXT NOT NULL,
    annotator TEXT NOT NULL,
    lead TEXT NOT NULL,
    computer TEXT NOT NULL,
    host TEXT NOT NULL DEFAULT '',
    joined TEXT NOT NULL,
    synced_commit TEXT,
    synced_at TEXT,
    synced_seq INTEGER NOT NULL DEFAULT 0,
    registry_base TEXT NOT NULL DEFAULT '{}',
    outbox TEXT NOT NULL DEFAULT '{}',
    pending TEXT,
    removals TEXT NOT NULL DEFAULT '[]',
    rescued TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE team_documents (
    repo_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX team_documents_doc ON team_documents (doc_id);
CREATE TABLE team_layers (
    doc_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator),
    FOREIGN KEY (doc_id, annotator) REFERENCES layers (doc_id, annotator) ON DELETE CASCADE
);
CREATE TABLE assignments (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'annotate' CHECK (role IN ('annotate', 'review')),
    assigned_by TEXT,
    assigned TEXT,
    PRIMARY KEY (doc_id, annotator, role)
);
CREATE INDEX assignments_annotator ON assignments (annotator, role);
CREATE TABLE team_members (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL DEFAULT 'annotator',
    joined TEXT,
    computer TEXT,
    host TEXT,
    last_commit TEXT,
    last_commit_at TEXT
);
CREATE TABLE team_conflicts (
    path TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    annotator TEXT NOT NULL,
    theirs TEXT NOT NULL,
    detail TEXT NOT NULL,
    found TEXT NOT NULL,
    resolution TEXT CHECK (resolution IN ('mine', 'theirs'))
);
CREATE TABLE team_problems (
    path TEXT PRIMARY KEY,
    blob TEXT NOT NULL,
    message TEXT NOT NULL,
    found TEXT NOT NULL
);
CREATE TABLE team_arrivals (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    annotator TEXT NOT NULL,
    arrived TEXT NOT NULL,
    spans INTEGER NOT NULL DEFAULT 0,
    status TEXT,
    PRIMARY KEY (doc_id, annotator)
);
CREATE INDEX team_arrivals_time ON team_arrivals (arrived)
"""


def _m008_claims(conn) -> None:
    """The claim registry (canonical claims that CLAIM spans link to by ``attrs.claim``), and the CLAIM attributes
    of the default schema (checkworthy, verdict, factcheck, note, claim, kind) added to a project's stored schema.
    Values a project already has on its CLAIM spans are kept valid: a verdict or check-worthiness outside the
    default list joins the list; an attribute whose existing values the new rule would refuse stays undeclared."""
    conn = _sql(conn)
    _script(conn, """
    CREATE TABLE canonical_claims (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        verdict TEXT,
        factcheck TEXT,
        note TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX spans_claim ON spans (json_extract(attrs, '$.claim')) WHERE label = 'CLAIM';
    """)
    from dataclasses import replace

    from ..core.errors import QawlError
    from ..core.schema import CLAIM_ATTRS, LabelSchema

    row = conn.execute("SELECT value FROM qawl_meta WHERE key = 'label_schema'").fetchone()
    if row is None:
        return
    schema = LabelSchema.from_dict(orjson.loads(row[0]))
    label = schema.label("CLAIM")
    if label is None:
        return
    have = {a.name for a in label.attrs}
    added = []
    for attr in CLAIM_ATTRS:
        if attr.name in have:
            continue
        values = [r[0] for r in conn.execute(
            "SELECT DISTINCT json_extract(attrs, '$.' || ?) FROM spans WHERE label = 'CLAIM' AND "
            "json_extract(attrs, '$.' || ?) IS NOT NULL", [attr.name, attr.name])]
        if attr.kind == "choice":
            extra = tuple(v for v in values if isinstance(v, str) and v not in attr.choices)
            attr = replace(attr, choices=attr.choices + extra)
        try:
            for value in values:
                attr.check(value)
        except QawlError:
            continue
        added.append(attr)
    if added:
        labels = tuple(replace(s, attrs=s.attrs + tuple(added)) if s.name == "CLAIM" else s
                       for s in schema.span_labels)
        upgraded = replace(schema, span_labels=labels, version=schema.version + 1, _index={})
        conn.execute("UPDATE qawl_meta SET value = ? WHERE key = 'label_schema'",
                   [orjson.dumps(upgraded.to_dict()).decode()])


def _m011_notes_search(conn) -> None:
    """Notes on documents (each annotator's, with the "needs discussion" flag; notes on spans are span attributes,
    found through a partial index), and the full-text index with the document list's table (see
    ``app.store.search``), filled here for the documents a project already has."""
    from .notes import NOTED
    from .search import SCHEMA, sync

    conn = _sql(conn)
    _script(conn, f"""
    ALTER TABLE layers ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE layers ADD COLUMN discuss INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX spans_noted ON spans (doc_id, annotator) WHERE {NOTED};
    CREATE INDEX layers_annotator ON layers (annotator, status);
    {SCHEMA}
    INSERT INTO search_added (doc) SELECT rowid FROM documents;
    """)
    sync(conn)


# The schema's history, in order: (name, function). A project records the names applied (sqlite-utils'
# _sqlite_migrations table); a name this list does not know means a newer Qawl wrote the file.
MIGRATIONS = (("001_initial", _m001_initial), ("002_review", _m002_review),
              ("003_suggested_entities", _m003_suggested_entities), ("004_drop_reviews", _m004_drop_reviews),
              # 005 is the written-files record; 006 is reserved for another branch; 007 is team projects; 008 the
              # claim registry; 009-010 are reserved for other branches; 011 is notes and the full-text search.
              ("005_written_files", _m005_written_files), ("007_team", _m007_team), ("008_claims", _m008_claims),
              ("011_notes_search", _m011_notes_search))
KNOWN_MIGRATIONS = tuple(name for name, _ in MIGRATIONS)


def migrations():
    """The sqlite-utils migration set (built on demand: importing sqlite-utils costs start-up time)."""
    from sqlite_utils.migrations import Migrations

    found = Migrations(APP_ID)
    for name, fn in MIGRATIONS:
        found(name=name)(lambda db, fn=fn: fn(db.conn))
    return found


def applied(conn) -> list[str]:
    """The names of the migrations a project has had, in order (empty for a new file)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [MIGRATIONS_TABLE]).fetchone():
        return []
    return [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
                                       [APP_ID])]


def migrate(conn, path: Path | None = None) -> None:
    """Apply every pending migration in one transaction (see the module docstring)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        done = applied(conn)  # read again under the write lock: another process may have just done it
        newer = [name for name in done if name not in KNOWN_MIGRATIONS]
        if newer:
            raise _newer(newer, path)
        pending = [(name, fn) for name, fn in MIGRATIONS if name not in done]
        if pending:
            conn.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, migration_set "
                         "TEXT, name TEXT, applied_at TEXT)")
            conn.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS idx_{MIGRATIONS_TABLE}_migration_set_name ON "
                         f"{MIGRATIONS_TABLE} (migration_set, name)")
            for name, fn in pending:
                fn(conn)
                conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                             [APP_ID, name, str(datetime.now(timezone.utc))])
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def _newer(names: list[str], path) -> NotOurDatabase:
    return NotOurDatabase(f"was written by a newer Qawl (schema {sorted(names)[-1]}; this is Qawl {__version__}); "
                          "update Qawl to open it. The file was left untouched",
                          file=str(path) if path else None)


def check_database_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not a Qawl project or comes from a newer Qawl.

    Asks SQLite (read-only) only: the project may already be open in this process (see the module docstring).
    An empty file, an SQLite file without tables, or one holding only an empty migration history (a creation
    that was interrupted) is a new project.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise QawlError(f"cannot be read ({exc.strerror})", file=str(path)) from None
    if path.is_dir():
        raise NotOurDatabase("is a folder, not a Qawl project file", file=str(path))
    if st.st_size == 0:
        return
    # Another process may be creating the project right now (switching it to WAL holds it exclusively for a
    # moment): a busy file is asked again, it is not "not ours".
    deadline = time.monotonic() + 10
    while True:
        try:
            return _check_tables(path)
        except sqlite3.OperationalError as exc:
            from .connection import explain

            busy = getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or \
                "locked" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise explain(exc, path) from None  # a full or read-only disk, an I/O error: said as such
            time.sleep(0.02)


def _check_tables(path: Path) -> None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        ours = set()
        if MIGRATIONS_TABLE in tables:
            ours = {r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
                                               [APP_ID])}
            others = conn.execute(f"SELECT count(*) FROM {MIGRATIONS_TABLE} WHERE migration_set != ?",
                                  [APP_ID]).fetchone()[0]
            if tables <= {MIGRATIONS_TABLE, "sqlite_sequence"} and not others and (
                    not ours or ours <= set(KNOWN_MIGRATIONS)):
                return  # an interrupted creation (older Qawl made the history table first): create it again
        if not tables:
            return
        if "qawl_meta" not in tables:
            shown = ", ".join(sorted(tables)[:5])
            raise NotOurDatabase(f"is an SQLite database of another program (tables: {shown}); "
                                 "it was left untouched", file=str(path))
        app = conn.execute("SELECT value FROM qawl_meta WHERE key = 'app'").fetchone()
        if not app or app[0] != APP_ID:
            raise NotOurDatabase("is not a Qawl project; it was left untouched", file=str(path))
        newer = sorted(ours - set(KNOWN_MIGRATIONS))
        if newer:
            raise _newer(newer, path)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_NOTADB" or "not a database" in str(exc):
            raise NotOurDatabase("is not a Qawl project (not an SQLite database); it was left untouched",
                                 file=str(path)) from None
        if name.startswith("SQLITE_CORRUPT") or "malformed" in str(exc):
            from .connection import RECOVERY

            raise ProjectDamaged(f"is damaged ({exc}); it was left untouched. {RECOVERY}", file=str(path)) from None
        raise NotOurDatabase(f"cannot be read as a Qawl project ({exc}); it was left untouched",
                             file=str(path)) from None
    finally:
        conn.close()
