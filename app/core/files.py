"""Opening files outside SQLite without breaking an open project.

POSIX advisory locks belong to the process, not to the descriptor: closing ANY descriptor of a file drops every
lock SQLite holds on that file in this process (sqlite.org, "How To Corrupt An SQLite Database File", 2.2). A
plain ``open(project).read(16)`` + ``close()`` while a connection is open is enough for the next ``qawl`` process
to believe it is the last connection, checkpoint and delete the write-ahead log, and for this process to go on
writing into a deleted file. The same holds for the project's ``-wal`` and ``-shm`` files.

So the store registers every project file it opens (:func:`hold` / :func:`release`), and every file Qawl reads,
replaces or inspects outside SQLite goes through :func:`read_bytes`, :func:`open_read` or :func:`check` here:
a path that is (by device and inode, so links and other spellings count) an open project or one of its journal
files is refused with a :class:`~app.core.errors.QawlError` before it is opened. A descriptor that still turns out
to be one (the file was swapped between the check and the open) is never closed.

Pure Python (``os`` only): the store, the readers in the core and the writers above all use it.
"""

from __future__ import annotations

import os
import threading

from .errors import QawlError

# The files SQLite keeps beside a project (write-ahead log, its index, the rollback journal).
COMPANIONS = ("", "-wal", "-shm", "-journal")

_lock = threading.Lock()
_held: dict[str, int] = {}  # absolute project path -> number of connections open in this process
_kept: list[int] = []  # descriptors of project files opened by mistake: closing them would drop SQLite's locks


def hold(path: str | os.PathLike) -> None:
    """A connection to the project at ``path`` is open in this process (until :func:`release`)."""
    key = os.path.abspath(path)
    with _lock:
        _held[key] = _held.get(key, 0) + 1


def release(path: str | os.PathLike) -> None:
    key = os.path.abspath(path)
    with _lock:
        left = _held.get(key, 0) - 1
        if left > 0:
            _held[key] = left
        else:
            _held.pop(key, None)


def held() -> list[str]:
    """The project files open in this process."""
    with _lock:
        return list(_held)


def _identities() -> dict[tuple[int, int], str]:
    """(device, inode) -> project path, for every open project and its journal files (``stat`` opens nothing)."""
    out: dict[tuple[int, int], str] = {}
    for project in held():
        for suffix in COMPANIONS:
            try:
                st = os.stat(project + suffix)
            except OSError:
                continue
            out[(st.st_dev, st.st_ino)] = project
    return out


def project_of(path: str | os.PathLike) -> str | None:
    """The open project ``path`` is (or is a journal file of), else None; a path that does not exist is None."""
    if not _held:
        return None
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return _identities().get((st.st_dev, st.st_ino))


def _refusal(path, project: str) -> QawlError:
    what = "is the project file" if os.path.abspath(path) == project else "is the project file (or its journal)"
    return QawlError(f"{what} Qawl has open ({project}); it is never read, written or replaced as an import or "
                     "export file", file=str(path))


def check(path: str | os.PathLike) -> None:
    """Raise unless ``path`` may be opened, replaced or removed outside SQLite."""
    project = project_of(path)
    if project is not None:
        raise _refusal(path, project)


def open_read(path: str | os.PathLike):
    """A binary file object for reading ``path`` (never an open project file)."""
    check(path)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    project = _identities().get((st.st_dev, st.st_ino)) if _held else None
    if project is not None:
        _kept.append(fd)  # swapped in since the check: keep it open, or SQLite's locks would go with it
        raise _refusal(path, project)
    return os.fdopen(fd, "rb")


def read_bytes(path: str | os.PathLike, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (at most ``limit``), never of an open project file."""
    with open_read(path) as fh:
        return fh.read() if limit is None else fh.read(limit)


def read_line(path: str | os.PathLike, limit: int) -> bytes:
    """The first line of ``path`` (at most ``limit`` bytes)."""
    with open_read(path) as fh:
        return fh.readline(limit)


def is_project(path: str | os.PathLike) -> bool:
    """Is ``path`` an open project file (or one of its journal files)?"""
    return project_of(path) is not None


def walk(folder: str | os.PathLike) -> tuple[list[str], list[str]]:
    """The regular files under ``folder`` (sorted; hidden names and hidden folders left out) and the symbolic
    links found there, which are never followed: a folder of articles must not pull in files from elsewhere
    (another project, a home directory) through a link. The caller says which links it left out."""
    found: list[str] = []
    links: list[str] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in list(dirs):
            if os.path.islink(os.path.join(root, d)):
                links.append(os.path.join(root, d))
                dirs.remove(d)
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if os.path.islink(path):
                links.append(path)
            elif os.path.isfile(path):
                found.append(path)
    return sorted(found), sorted(links)


def links_note(links: list[str]) -> str:
    shown = ", ".join(links[:5]) + (f" and {len(links) - 5} more" if len(links) > 5 else "")
    return f"{len(links)} symbolic link(s) inside the folders were not followed (import their targets by name " \
           f"if you mean them): {shown}"
