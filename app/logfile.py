"""The log file: ``qawl.log`` in the ``logs`` folder of the user data directory (``~/.local/share/qawl/logs/`` on
Linux), kept to a few rotated files (``qawl.log.1`` ...), so a person can attach it to a problem report.

The window writes a line at each start (Qawl's version and those of Python, Qt and SQLite, the project) and every
unexpected error with its traceback; a command-line run writes only its unexpected errors. Errors a person can fix
(``qawl: FILE:LINE: FIELD: what``) are shown to them, not logged with a traceback.

A plain file handler that rotates by size: ``logging.handlers`` would add ~8 ms (sockets, pickle) to every start.
Several processes may append to the same file; at worst a line lands in the file just rotated.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from platformdirs import user_data_path

LOG_NAME = "qawl.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
LOGGER = "qawl"
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    return user_data_path("qawl", appauthor=False) / "logs"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def log_files() -> list[Path]:
    """The log and its rotated predecessors that exist, newest first."""
    base = log_path()
    return [p for p in [base, *(base.with_name(f"{LOG_NAME}.{n}") for n in range(1, BACKUPS + 1))] if p.exists()]


def rotate(path: Path, backups: int = BACKUPS) -> None:
    """qawl.log -> qawl.log.1 -> ... -> qawl.log.N (the oldest is dropped)."""
    for n in range(backups, 0, -1):
        older = path.with_name(f"{path.name}.{n - 1}") if n > 1 else path
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{n}"))


class RotatingFile(logging.FileHandler):
    """Appends to the log; moves it aside once it passes ``max_bytes``."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, mode="a", encoding="utf-8", delay=True)
        self.path, self.max_bytes, self.backups = path, max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full():
                self.close()
                rotate(self.path, self.backups)
        except OSError:
            pass  # a log that cannot rotate still takes the line
        super().emit(record)

    def _full(self) -> bool:
        if self.stream is not None:
            return self.stream.tell() >= self.max_bytes
        return self.path.exists() and self.path.stat().st_size >= self.max_bytes


def logger() -> logging.Logger:
    return logging.getLogger(LOGGER)


def start(path: Path | None = None) -> Path | None:
    """Send Qawl's log records (logger ``qawl`` and its children) to the log file; once per process.
    Returns the file, or None when the folder cannot be created (the app works on without a log)."""
    log = logger()
    for handler in log.handlers:
        if isinstance(handler, RotatingFile):
            return handler.path
    path = path or log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = RotatingFile(path)
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def record_exception(exc_info, what: str = "unexpected error") -> Path | None:
    """Write an unexpected error with its traceback to the log; the log's path (None if it cannot be written)."""
    path = start()
    if path is None:
        return None
    logger().error("%s: %s", what, one_line(exc_info[1]), exc_info=exc_info)
    for handler in logger().handlers:
        handler.flush()
    return path


def one_line(exc: BaseException | None) -> str:
    """An exception in one line (its type and message) for a person or a log line."""
    if exc is None:
        return ""
    text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())[:500]
