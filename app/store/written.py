"""The record of the files Qawl wrote for other tools' formats: a file whose content has the SHA-256 recorded for
its path is ours to replace; anything else is never overwritten.

An export records the new hashes *before* it puts its files in place, beside the old ones (:meth:`record_written`),
and drops the old ones after (:meth:`settle_written`): an export killed in between leaves files that are all still
recognised as ours, so the next export can replace them. Entries of files that no longer exist are dropped at each
export, so the record holds only what is on disk.
"""

from __future__ import annotations

import os
from typing import Iterable, Mapping

from .file import Part
from .rows import now_utc as _now


class WrittenFiles(Part):
    """The ``written_files`` table: which files on disk are Qawl's to replace."""

    def written_hashes(self, path: str) -> set[str]:
        """The hashes recorded for ``path`` (absolute): the contents Qawl wrote there."""
        return {r[0] for r in self.conn.execute("SELECT sha256 FROM written_files WHERE path = ?", [path])}

    def record_written(self, entries: Mapping[str, str]) -> None:
        """Record ``path -> sha256`` of files about to be put in place (old hashes stay until settled)."""
        now = _now()
        with self.atomic():
            self.conn.executemany("INSERT OR REPLACE INTO written_files (path, sha256, written) VALUES (?, ?, ?)",
                                  [(p, h, now) for p, h in entries.items()])

    def settle_written(self, entries: Mapping[str, str], gone: Iterable[str] = ()) -> None:
        """The files are in place: keep only their new hashes, forget ``gone`` paths and files no longer there."""
        with self.atomic():
            self.conn.executemany("DELETE FROM written_files WHERE path = ? AND sha256 != ?", list(entries.items()))
            self.conn.executemany("DELETE FROM written_files WHERE path = ?", [(p,) for p in gone])
            stale = [(p,) for (p,) in self.conn.execute("SELECT DISTINCT path FROM written_files")
                     if not os.path.lexists(p)]
            self.conn.executemany("DELETE FROM written_files WHERE path = ?", stale)

    def written_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM written_files").fetchone()[0]
