"""The project store: one SQLite file, through sqlite-utils; the only package that knows SQL.

- :mod:`.base` — :class:`Store`: the composition root of the parts below, over one project file;
- :mod:`.file` — :class:`ProjectFile`: opening (safety checks, migrations, pragmas), identity, transactions,
  snapshots, metadata, the label schema; :class:`Part`, what every other part is built on;
- :mod:`.reads` — documents, layers, the speaker registry, the history;
- :mod:`.editing` — :class:`ChangeTarget`: the target of changes (every edit one transaction + a history row);
- :mod:`.claims` — :class:`ClaimRegistry`: the claim registry (reads, its changes' rows, imported claims);
- :mod:`.notes` — notes on documents and annotations; :mod:`.progress` — statistics and the project overview;
- :mod:`.importing` — :class:`Importer`: imports (all or nothing, or skipping invalid records wholly) and
  suggestion layers;
- :mod:`.reading` — :class:`Exports`: export lines straight from SQL;
- :mod:`.search` — the full-text index and the document list's rows;
- :mod:`.migrations` — the schema's history and the "is this file ours?" check; :mod:`.rows` — shared helpers;
- :mod:`.connection` — the connection whose SQLite failures come out as words (:class:`StorageError`);
- :mod:`.written` — the record of the files Qawl wrote for other tools' formats (ours to replace);
- :mod:`.team` — a project's side of a team: sync state, assignments, members (:class:`TeamStore`).
"""

import sqlite3 as _sqlite3

from .base import Store
from .file import ProjectFile
from .connection import explain as _explain
from .migrations import APP_ID, KNOWN_MIGRATIONS, MIGRATIONS, check_database_file, migrations
from ..core.ports import DocumentSummary, HistoryEntry, ImportSummary
from .team import TeamState, TeamStore



def explain(exc: BaseException, path=None):
    """An SQLite failure in words (a StorageError naming ``path``), or None for anything else."""
    return _explain(exc, path) if isinstance(exc, _sqlite3.Error) else None


__all__ = ["explain", "Store", "ProjectFile", "DocumentSummary", "HistoryEntry", "ImportSummary", "check_database_file", "migrations",
           "APP_ID", "KNOWN_MIGRATIONS", "MIGRATIONS", "TeamState", "TeamStore"]
