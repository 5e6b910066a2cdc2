"""The project file's schema and its history: migrations (run by sqlite-utils), and the check that a file is a
Qawl project this version can open (a file that is not ours, or was written by a newer Qawl, is refused
without writing a byte)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson

from .. import __version__
from ..core.errors import NotOurDatabase
from ..core.schema import DEFAULT_SCHEMA
from .rows import now_utc

APP_ID = "qawl"
SQLITE_MAGIC = b"SQLite format 3\x00"
# Article texts are several KB of UTF-8: larger pages mean fewer overflow pages on import and read.
PAGE_SIZE = 16384


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
    now = now_utc()
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


def _m008_claims(db) -> None:
    """The claim registry (canonical claims that CLAIM spans link to by ``attrs.claim``), and the CLAIM attributes
    of the default schema (checkworthy, verdict, factcheck, note, claim, kind) added to a project's stored schema.
    Values a project already has on its CLAIM spans are kept valid: a verdict or check-worthiness outside the
    default list joins the list; an attribute whose existing values the new rule would refuse stays undeclared."""
    db.executescript("""
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

    row = db.execute("SELECT value FROM qawl_meta WHERE key = 'label_schema'").fetchone()
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
        values = [r[0] for r in db.execute(
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
        db.execute("UPDATE qawl_meta SET value = ? WHERE key = 'label_schema'",
                   [orjson.dumps(upgraded.to_dict()).decode()])


def _m011_notes_search(db) -> None:
    """Notes on documents (each annotator's, with the "needs discussion" flag; notes on spans are span attributes,
    found through a partial index), and the full-text index with the document list's table (see
    ``app.store.search``), filled here for the documents a project already has."""
    from .notes import NOTED
    from .search import SCHEMA, sync

    db.executescript(f"""
    ALTER TABLE layers ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE layers ADD COLUMN discuss INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX spans_noted ON spans (doc_id, annotator) WHERE {NOTED};
    CREATE INDEX layers_annotator ON layers (annotator, status);
    {SCHEMA}
    INSERT INTO search_added (doc) SELECT rowid FROM documents;
    """)
    sync(db.conn)


# The schema's history, in order: (name, function). A project records the names applied (sqlite-utils'
# _sqlite_migrations table); a name this list does not know means a newer Qawl wrote the file.
MIGRATIONS = (("001_initial", _m001_initial), ("002_review", _m002_review),
              ("003_suggested_entities", _m003_suggested_entities), ("004_drop_reviews", _m004_drop_reviews),
              # 005-007 are reserved for other branches; 008 is the claim registry.
              ("008_claims", _m008_claims),
              # 009-010 are reserved for other branches; 011 is notes and the full-text search.
              ("011_notes_search", _m011_notes_search))
KNOWN_MIGRATIONS = tuple(name for name, _ in MIGRATIONS)


def migrations():
    """The sqlite-utils migration set (built on demand: importing sqlite-utils costs start-up time)."""
    from sqlite_utils.migrations import Migrations

    found = Migrations(APP_ID)
    for name, fn in MIGRATIONS:
        found(name=name)(fn)
    return found



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

