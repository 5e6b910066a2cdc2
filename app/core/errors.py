"""One error type for everything a user can get wrong, always saying *where*."""

from __future__ import annotations


class QawlError(Exception):
    """A problem the user can fix, located by file, line and field where known.

    ``str(error)`` reads like a compiler message: ``articles.jsonl:12: spans[3].end: 120 is past the end of the text``.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 field: str | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    def located(self, *, file: str | None = None, line: int | None = None,
                field_prefix: str | None = None) -> "QawlError":
        """The same error with location filled in by an outer layer (keeps what is already known)."""
        field = self.field
        if field_prefix:
            field = f"{field_prefix}.{field}" if field else field_prefix
        err = type(self)(self.message, file=self.file or file, line=self.line or line, field=field)
        return err

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
        elif self.line is not None:
            where = f"line {self.line}"
        parts = [p for p in (where, self.field) if p]
        return ": ".join(parts + [self.message])


class ConflictError(QawlError):
    """A change no longer fits the stored state (e.g. edited elsewhere); nothing was changed."""


class NotOurDatabase(QawlError):
    """The file is not a Qawl project (or is from a newer Qawl); it is left untouched."""


class Cancelled(Exception):
    """A long operation was cancelled by the user; nothing was changed."""


class StorageError(QawlError):
    """The project file itself failed (disk full, read-only, kept locked by another program, unreadable);
    nothing was changed. The window shows these where they cannot be missed, in the interface's language by
    ``kind``: ``full``, ``readonly``, ``busy``, ``damaged``, ``io``, ``cantopen`` or ``other``."""

    def __init__(self, message: str, *, kind: str = "other", **where) -> None:
        self.kind = kind
        super().__init__(message, **where)

    def located(self, *, file: str | None = None, line: int | None = None,
                field_prefix: str | None = None) -> "QawlError":
        err = super().located(file=file, line=line, field_prefix=field_prefix)
        err.kind = self.kind
        return err


class ProjectDamaged(StorageError):
    """The project file is damaged (SQLite's check failed); it is left untouched, recovery is pointed to."""

    def __init__(self, message: str, *, kind: str = "damaged", **where) -> None:
        super().__init__(message, kind=kind, **where)
