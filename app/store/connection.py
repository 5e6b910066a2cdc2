"""The project connection: one ``sqlite3`` connection whose failures reach the user as words.

SQLite's own errors ("database is locked", "database or disk is full", "attempt to write a readonly database",
"database disk image is malformed") mean nothing to an annotator and must never surface as a traceback. Every
statement the store runs goes through :class:`Connection`, which turns them into
:class:`~app.core.errors.StorageError` naming the project file, what went wrong and that nothing was changed (a
failed statement inside a transaction rolls the whole transaction back: :meth:`app.store.base.Store.atomic`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..core.errors import ProjectDamaged, StorageError

BUSY_TIMEOUT_S = 10.0  # how long a write waits for another process's transaction (QAWL_BUSY_TIMEOUT overrides)


def busy_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("QAWL_BUSY_TIMEOUT", BUSY_TIMEOUT_S)))
    except ValueError:
        return BUSY_TIMEOUT_S
RECOVERY = ("Recover what can be recovered into a new file with the sqlite3 tool: sqlite3 FILE .recover | sqlite3 "
            "recovered.db (then open recovered.db), or restore a backup; the README's Integrity section says more")


def explain(exc: BaseException, path: Path | str | None) -> StorageError:
    """What an SQLite error means for the person, as a StorageError naming the project file."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    where = str(path) if path else None
    if name.startswith("SQLITE_FULL") or "disk is full" in text or (
            name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and _disk_full(path)):
        return StorageError("the disk is full (or the project reached its size limit); nothing was changed. Free "
                            "some space and try again", file=where, kind="full")
    unwritable = _unwritable(path)
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or (unwritable and name.startswith(
            ("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM"))):
        return StorageError(f"the project {unwritable or 'file is read-only'} (check its permissions, or whether "
                            "its disk is mounted read-only); nothing was changed", file=where, kind="readonly")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StorageError(f"the project is busy: another program (a qawl import or export, another window) kept "
                            f"it locked for more than {busy_timeout():g} seconds; nothing was changed. Try again",
                            file=where, kind="busy")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text:
        return ProjectDamaged(f"the project file is damaged ({text}); nothing was changed. {RECOVERY}", file=where)
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return StorageError(f"the project file could not be read or written ({text}: a failing disk, a full disk "
                            "or a removed drive?); nothing was changed", file=where, kind="io")
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) or "unable to open" in text:
        return StorageError(f"cannot be opened ({text}): check that its folder exists and that you may write in "
                            "it; nothing was changed", file=where, kind="cantopen")
    return StorageError(f"SQLite failed ({text}); nothing was changed", file=where)


def _disk_full(path) -> bool:
    try:
        return os.statvfs(os.path.dirname(os.path.abspath(path)) or ".").f_bavail == 0 if path else False
    except (OSError, AttributeError):
        return False


def _unwritable(path) -> str | None:
    """Why the project cannot be written, if that is the case: a read-only disk or file (``stat`` only)."""
    if not path:
        return None
    try:
        if os.statvfs(os.path.dirname(os.path.abspath(path)) or ".").f_flag & os.ST_RDONLY:
            return "is on a read-only disk"
        if os.path.exists(path) and not os.access(path, os.W_OK):
            return "file is read-only"
    except (OSError, AttributeError):
        return None
    return None


class Connection:
    """A ``sqlite3.Connection`` whose errors come out as :class:`StorageError` (see the module docstring).
    Everything else is the connection's own (``in_transaction``, ``close`` ...)."""

    __slots__ = ("raw", "path")

    def __init__(self, raw: sqlite3.Connection, path: Path | None) -> None:
        self.raw = raw
        self.path = path

    def execute(self, sql: str, args=()) -> sqlite3.Cursor:
        try:
            return self.raw.execute(sql, args)
        except sqlite3.IntegrityError:
            raise  # a constraint the store checks for itself (a span id already taken)
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from exc

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        try:
            return self.raw.executemany(sql, rows)
        except sqlite3.IntegrityError:
            raise  # a constraint the store checks for itself (a span id already taken)
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from exc

    def rollback(self) -> None:
        try:
            self.raw.rollback()
        except sqlite3.Error:
            pass  # the transaction is gone with the error that made us roll back

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def close(self) -> None:
        self.raw.close()

    def __getattr__(self, name: str):
        return getattr(self.raw, name)
