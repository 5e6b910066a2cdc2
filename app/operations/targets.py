"""Putting exports and reports where the user asked: whole or not at all, never over a file that is not Qawl's,
never over the project.

What a target may be:
- ``-``: standard output, streamed (a pipeline's next stage).
- a FIFO, a character device (``/dev/null``, ``/dev/stdout``, a terminal) or a socket: streamed into, never
  replaced (replacing would put a regular file where a device node was).
- a symbolic link: the file it points to is replaced; the link stays.
- a regular file, or a new name: written to a temporary file beside it, flushed to disk, then renamed over it in one
  step, so the old file is whole until the new one is. A non-empty existing file is replaced only if it is ours.
- a folder (formats that write several files): see :mod:`.folders`.

New files get mode 0666 and new folders 0777 minus the umask, as with any program; a replaced file keeps its mode.
Every writer holds an advisory lock on the folder it writes in (``flock``; SQLite uses ``fcntl`` locks, which this
never touches), so the temporary files and staging folders an export killed midway left behind are known to be
stale and are removed by the next export there. No project file is ever opened, replaced or removed here
(:mod:`app.core.files`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from ..core import files
from ..core.errors import Cancelled, QawlError

STDOUT = "-"
_TEMP = ".qawl-"  # in the names of temporary files and staging folders: ".NAME.qawl-XXXX.part", ".NAME.qawl-XXXX"


def _read_umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:  # never a project: a kernel file
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # read once at import (os.umask cannot be read without setting it)
    os.umask(mask)
    return mask


UMASK = _read_umask()
FILE_MODE = 0o666 & ~UMASK
DIR_MODE = 0o777 & ~UMASK


def _problem(exc: OSError, path) -> QawlError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        what = "the disk is full" if exc.errno != errno.EFBIG else "the file is too large for this disk"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = f"no permission ({exc.strerror})"
    elif exc.errno == errno.ENAMETOOLONG:
        what = "the file name is too long for this file system"
    else:
        what = exc.strerror or str(exc)
    return QawlError(f"cannot be written: {what}", file=str(path))


# --- the plain cases ----------------------------------------------------------------------------------------------

def kind(path: str | os.PathLike) -> str:
    """``stdout``, ``stream`` (FIFO, device, socket), ``folder``, ``file`` (regular) or ``new`` (nothing there)."""
    if str(path) == STDOUT:
        return "stdout"
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return "new"
    except OSError as exc:
        raise QawlError(f"cannot be used ({exc.strerror})", file=str(path)) from None
    if stat.S_ISDIR(st.st_mode):
        return "folder"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "stream"


def real_target(path: Path) -> Path:
    """The path to write a file or folder at: a symbolic link's target (the link itself stays as it is)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


class _Stream:
    """Standard output, a FIFO or a device, written into as it is (never replaced)."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        try:
            self.out = sys.stdout.buffer if str(path) == STDOUT else open(path, "wb", buffering=1 << 16)
        except OSError as exc:
            raise _problem(exc, path) from None

    def write(self, chunk: bytes) -> None:
        try:
            self.out.write(chunk)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _problem(exc, self.path) from None

    def commit(self) -> None:
        try:
            self.out.flush()
            if self.out is not sys.stdout.buffer:
                self.out.close()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _problem(exc, self.path) from None

    def abort(self) -> None:
        if self.out is not sys.stdout.buffer:
            try:
                self.out.close()
            except OSError:
                pass


class _FolderLock:
    """The advisory lock of a folder (one Qawl writer at a time there; released if the process dies)."""

    def __init__(self, folder: Path) -> None:
        self.fd = None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no stale-file clean-up, writes are still atomic
            return
        self.fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # a folder, never a project file
            self.fd = None


class StagedFile:
    """One file written chunk by chunk (see the module docstring for what the target may be): into a temporary
    file beside it, put in place whole by :meth:`commit`; :meth:`abort` leaves the old file as it was.

    ``is_ours(path)``: may an existing non-empty file there be replaced? ``record(path, sha256)`` is called just
    before the new file takes its place (to remember it as ours)."""

    def __init__(self, path: str | os.PathLike, *, is_ours: Callable[[Path], bool], what: str = "export",
                 record: Callable[[Path, str], None] | None = None) -> None:
        self.record = record
        self.stream: _Stream | None = None
        self.tmp: str | None = None
        self.lock: _FolderLock | None = None
        self.path = Path(path) if str(path) != STDOUT else STDOUT
        if str(path) == STDOUT:
            self.stream = _Stream(STDOUT)
            return
        path = Path(path)
        files.check(path)
        if kind(path) == "stream":  # through links: a link to /dev/stdout or a FIFO is a stream
            self.stream = _Stream(path)
            return
        path = real_target(path)
        files.check(path)
        found = kind(path)
        if found == "folder":
            raise QawlError(f"is a folder; give a file name for the {what}", file=str(path))
        if found == "file" and path.stat().st_size and not is_ours(path):
            raise QawlError(f"exists and is not a Qawl {what}; Qawl never overwrites other files. Choose another "
                            "name or remove it first", file=str(path))
        parent = path.parent
        if not parent.is_dir():
            raise QawlError(f"cannot be written: the folder {parent} does not exist", file=str(path))
        if not os.access(parent, os.W_OK):
            raise QawlError(f"cannot be written: no permission to write in {parent}", file=str(path))
        self.path = path
        mode = stat.S_IMODE(path.stat().st_mode) if found == "file" else FILE_MODE
        self.lock = _FolderLock(parent)
        try:
            _remove_stale(parent, path.name)
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}{_TEMP}", suffix=".part", dir=parent)
            os.fchmod(fd, mode)
            self.out = os.fdopen(fd, "wb", buffering=1 << 20)
        except OSError as exc:
            self.abort()
            raise _problem(exc, path) from None
        except BaseException:
            self.abort()
            raise
        self.digest = hashlib.sha256()

    def write(self, chunk: bytes) -> None:
        if self.stream is not None:
            self.stream.write(chunk)
            return
        try:
            self.out.write(chunk)
        except OSError as exc:
            self.abort()
            raise _problem(exc, self.path) from None
        self.digest.update(chunk)

    def commit(self) -> Path | str:
        if self.stream is not None:
            self.stream.commit()
            return self.path
        try:
            self.out.flush()
            os.fsync(self.out.fileno())
            self.out.close()
            files.check(self.path)
            if self.record is not None:
                self.record(self.path, self.digest.hexdigest())
            os.replace(self.tmp, self.path)
            self.tmp = None
            _sync_folder(self.path.parent)
        except OSError as exc:
            self.abort()
            raise _problem(exc, self.path) from None
        except BaseException:
            self.abort()
            raise
        finally:
            if self.lock is not None:
                self.lock.release()
        return self.path

    def abort(self) -> None:
        if self.stream is not None:
            self.stream.abort()
            return
        out = getattr(self, "out", None)
        if out is not None:
            try:
                out.close()
            except OSError:
                pass
        if self.tmp:
            _unlink(self.tmp)
            self.tmp = None
        if self.lock is not None:
            self.lock.release()


def write_file(path: str | os.PathLike, chunks: Iterable[bytes], *, is_ours: Callable[[Path], bool],
               what: str = "export", cancel: Callable[[], bool] | None = None,
               record: Callable[[Path, str], None] | None = None) -> int:
    """Write ``chunks`` to ``path`` whole (see :class:`StagedFile`); returns the number of chunks."""
    out = StagedFile(path, is_ours=is_ours, what=what, record=record)
    n = 0
    try:
        for n, chunk in enumerate(chunks, 1):
            out.write(chunk)
            if cancel and n % 1000 == 0 and cancel():
                raise Cancelled()
    except BaseException:
        out.abort()
        raise
    out.commit()
    return n


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def sha256_of(path: Path) -> str | None:
    try:
        h = hashlib.sha256()
        with files.open_read(path) as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sync_all(folder: Path, paths: list[Path]) -> None:
    """Everything written under ``folder`` on disk before it is put in place (a power cut must not leave empty
    files in a finished export): one ``syncfs`` for the file system where Linux has it, else each file."""
    try:
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        syncfs = None
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    for parent in {p.parent for p in paths}:
        _sync_folder(parent)


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files / staging folders of ``name`` left by a killed writer (we hold the folder's lock, so no
    live writer owns them). Also the ``.NAME.XXXXXXXX.part`` files of earlier Qawl versions."""
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        n = entry.name
        if not n.startswith(prefix):
            continue
        rest = n[len(prefix):]
        ours = rest.startswith(_TEMP[1:]) or (rest.endswith(".part") and len(rest) == 13)
        if not ours or files.is_project(entry.path):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass
