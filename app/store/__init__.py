"""The project store: one SQLite file, through sqlite-utils; the only package that knows SQL.

- :mod:`.base` — :class:`Store`: opening (safety checks, migrations, pragmas), transactions, documents, layers,
  the speaker registry;
- :mod:`.editing` — the store as the target of changes (every edit one transaction + a history row);
- :mod:`.importing` — imports (all or nothing, or skipping invalid records wholly) and suggestion layers;
- :mod:`.reading` — export lines straight from SQL, statistics;
- :mod:`.migrations` — the schema's history and the "is this file ours?" check; :mod:`.rows` — shared helpers;
- :mod:`.connection` — the connection whose SQLite failures come out as words (:class:`StorageError`);
- :mod:`.written` — the record of the files Qawl wrote for other tools' formats (ours to replace);
- :mod:`.team` — a project's side of a team: sync state, assignments, members (:class:`TeamStore`).
"""

import sqlite3 as _sqlite3

from .base import Store
from .connection import explain as _explain
from .migrations import APP_ID, KNOWN_MIGRATIONS, MIGRATIONS, check_database_file, migrations
from .rows import DocumentSummary, HistoryEntry, ImportSummary
from .team import TeamState, TeamStore



def explain(exc: BaseException, path=None):
    """An SQLite failure in words (a StorageError naming ``path``), or None for anything else."""
    return _explain(exc, path) if isinstance(exc, _sqlite3.Error) else None


__all__ = ["explain", "Store", "DocumentSummary", "HistoryEntry", "ImportSummary", "check_database_file", "migrations",
           "APP_ID", "KNOWN_MIGRATIONS", "MIGRATIONS", "TeamState", "TeamStore"]
