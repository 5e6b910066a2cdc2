"""Putting exports and reports where the user asked: whole or not at all, never over a file that is not Qawl's,
never over the project.

What a target may be:
- ``-``: standard output, streamed (a pipeline's next stage).
- a FIFO, a character device (``/dev/null``, ``/dev/stdout``, a terminal) or a socket: streamed into, never
  replaced (replacing would put a regular file where a device node was).
- a symbolic link: the file it points to is replaced; the link stays.
- a regular file, or a new name: written to a temporary file beside it, flushed to disk, then renamed over it in one
  step, so the old file is whole until the new one is. A non-empty existing file is replaced only if it is ours.
- a folder (formats that write several files): see :func:`write_folder`.

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
import secrets
import shutil
import stat
import sys
import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator, Mapping

from ..core import files
from ..core.errors import Cancelled, QawlError
from ..core.formats.peer import name_of_file

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


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    lock = _FolderLock(folder)
    try:
        yield
    finally:
        lock.release()


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


# --- several files ------------------------------------------------------------------------------------------------

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


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def check_names(names: Iterable[str], folder: Path, limit: int | None = None) -> None:
    """Every file name is a plain relative path whose parts fit the file system; no name is also a folder of
    another. Raise naming the document or annotator a bad name came from."""
    limit = limit or _name_max(folder if folder.is_dir() else folder.parent)
    names = list(names)
    dirs: set[str] = set()
    for name in names:
        parts = PurePosixPath(name).parts
        if not parts or name.startswith("/") or any(p in ("", ".", "..") or "\x00" in p for p in parts):
            raise QawlError(f"the file name {name!r} is not a plain name inside the folder", file=str(folder))
        for part in parts:
            size = len(part.encode("utf-8", "surrogatepass"))
            if size > limit:
                stem = part.rsplit(".", 1)[0] if "." in part[1:] else part
                raise QawlError(f"the file name for {name_of_file(stem)[:80]!r}… would be {size} bytes; this file "
                                f"system allows {limit}. Shorten that id or annotator name, or export as jsonl; "
                                "nothing was written", file=str(folder))
        dirs.update(str(PurePosixPath(*parts[:i])) for i in range(1, len(parts)))
    both = sorted(set(names) & dirs)
    if both:
        raise QawlError(f"{both[0]!r} would be both a file and a folder; nothing was written", file=str(folder))


def _folds(folder: Path) -> bool:
    """Does the file system of ``folder`` (which we may write in) treat names differing only in case or Unicode
    normalisation as one file (macOS, Windows)?"""
    probe = folder / f"{_TEMP}Case-\u00e9"
    try:
        probe.touch()
    except OSError:
        return True  # cannot tell: be safe
    try:
        other = folder / unicodedata.normalize("NFD", f"{_TEMP}cASE-\u00c9")
        return other.exists()
    finally:
        _unlink(str(probe))


def _collisions(names: Iterable[str]) -> list[list[str]]:
    seen: dict[str, list[str]] = {}
    for name in names:
        seen.setdefault(unicodedata.normalize("NFC", name).casefold(), []).append(name)
    return [group for group in seen.values() if len(group) > 1]


def _tree(folder: Path) -> list[Path]:
    """Every entry under ``folder`` (files, links, empty folders), links not followed."""
    out: list[Path] = []
    for root, dirs, names in os.walk(folder, followlinks=False):
        out.extend(Path(root) / n for n in names)
        out.extend(Path(root) / d for d in dirs if (Path(root) / d).is_symlink() or not os.listdir(Path(root) / d))
    return out


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    # Any failure (a file system without it, a mount point) leaves both folders as they were: rename file by file.
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


class StagedFolder:
    """Several files written chunk by chunk into the folder ``target``, all or nothing.

    Every file is first written into a staging folder beside ``target`` (a full disk or a cancel stops there, and
    nothing in ``target`` has changed). At :meth:`commit` they are flushed to disk and their hashes recorded as
    ours (``record``) before anything moves, so an export killed from then on leaves only files Qawl recognises.
    Then, when ``target`` holds nothing but earlier Qawl files, the staging folder and ``target`` are swapped in one
    step (the reader sees the whole old export or the whole new one); otherwise (other people's files are there)
    each file is renamed into place, each in one step. Qawl's earlier files that the new export does not have are
    removed; other files are never touched. ``settle(new, gone)`` then forgets the old hashes.

    Each name is checked before its first byte: a plain relative name that fits the file system, and no file there
    that is not Qawl's."""

    def __init__(self, target: Path, *, is_ours: Callable[[Path], bool], record: Callable[[dict[str, str]], None],
                 settle: Callable[[dict[str, str], list[str]], None], what: str = "export") -> None:
        self.is_ours, self.record, self.settle, self.what = is_ours, record, settle, what
        files.check(target)
        target = real_target(Path(target))
        files.check(target)
        found = kind(target)
        if found not in ("folder", "new"):
            raise QawlError(f"this export writes several files; give a folder, not a file", file=str(target))
        self.target = target
        parent = target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QawlError(f"cannot create the folder ({exc.strerror})", file=str(parent)) from None
        if not os.access(parent, os.W_OK):
            raise QawlError(f"cannot be written: no permission to write in {parent}", file=str(target))
        self.limit = _name_max(parent)
        self.lock = _FolderLock(parent)
        self.staging = parent / f".{target.name}{_TEMP}{secrets.token_hex(4)}"
        self._open: dict[str, object] = {}
        self._digests: dict[str, object] = {}
        try:
            _remove_stale(parent, target.name)
            self.staging.mkdir(mode=0o700)
            os.chmod(self.staging, stat.S_IMODE(target.stat().st_mode) if target.is_dir() else DIR_MODE)
        except OSError as exc:
            self.abort()
            raise _problem(exc, target) from None
        except BaseException:
            self.abort()
            raise

    def _start(self, name: str):
        check_names([name], self.target, self.limit)
        dest = self.target / name
        files.check(dest)
        if dest.is_dir() and not dest.is_symlink():
            raise QawlError(f"is a folder, where the {self.what} has a file", file=str(dest))
        if dest.is_symlink() or (dest.exists() and dest.stat().st_size and not self.is_ours(dest)):
            raise QawlError("exists and was not written by Qawl; Qawl never overwrites other files. Choose another "
                            "folder, or remove it first", file=str(dest))
        staged = self.staging / name
        staged.parent.mkdir(parents=True, exist_ok=True)  # the umask applies
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        os.fchmod(fd, stat.S_IMODE(dest.stat().st_mode) if dest.is_file() else FILE_MODE)
        self._digests[name] = hashlib.sha256()
        out = self._open[name] = os.fdopen(fd, "wb", buffering=1 << 16)
        return out

    def write(self, name: str, chunk: bytes) -> None:
        try:
            out = self._open.get(name)
            if out is None:
                if name in self._digests:
                    raise QawlError(f"{name!r} was written to after it was complete", file=str(self.target))
                out = self._start(name)
            out.write(chunk)
        except OSError as exc:
            self.abort()
            raise QawlError(f"{_problem(exc, self.target).message}; nothing in the folder was changed",
                            file=str(self.target)) from None
        except BaseException:
            self.abort()
            raise
        self._digests[name].update(chunk)

    def close(self, name: str) -> None:
        """``name`` is complete (writers of one file per document say so: thousands never stay open)."""
        out = self._open.pop(name, None)
        if out is not None:
            try:
                out.close()
            except OSError as exc:
                self.abort()
                raise QawlError(f"{_problem(exc, self.target).message}; nothing in the folder was changed",
                                file=str(self.target)) from None

    def abort(self) -> None:
        for out in self._open.values():
            try:
                out.close()
            except OSError:
                pass
        self._open.clear()
        if self.staging is not None and self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)
        self.lock.release()

    def commit(self) -> list[Path]:
        target, names = self.target, list(self._digests)
        try:
            for name in list(self._open):
                self.close(name)
            check_names(names, target, self.limit)
            groups = _collisions(names)
            if groups and _folds(self.staging):
                raise QawlError(f"the files {', '.join(map(repr, groups[0]))} would be one file on this file "
                                "system (names that differ only in letter case or accents); rename the documents "
                                "or annotators, or export as jsonl. Nothing was written", file=str(target))
            _sync_all(self.staging, [self.staging / name for name in names])
        except OSError as exc:
            self.abort()
            raise QawlError(f"{_problem(exc, target).message}; nothing in the folder was changed",
                            file=str(target)) from None
        except BaseException:
            self.abort()
            raise
        dests = {name: target / name for name in names}
        exists = target.is_dir()
        before = _tree(target) if exists else []
        planned = {str(d) for d in dests.values()}
        folders = {str(p) for d in dests.values() for p in d.parents if target in p.parents or p == target}
        earlier = [p for p in before if str(p) not in planned and p.is_file() and not p.is_symlink()
                   and self.is_ours(p)]
        foreign = [p for p in before if str(p) not in planned and str(p) not in folders and p not in earlier]
        new = {str(os.path.abspath(dests[name])): self._digests[name].hexdigest() for name in names}
        try:
            self.record(new)
        except BaseException:
            self.abort()
            raise
        staging = self.staging
        try:
            if not exists:
                os.rename(staging, target)
                swapped = True
            else:
                swapped = not foreign and _exchange(staging, target)
            if swapped and exists:
                _restore_newcomers(staging, target, planned | {str(p) for p in earlier})
            elif not swapped:
                for name, dest in dests.items():
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(staging / name, dest)
                for path in earlier:
                    _unlink(str(path))
            _sync_folder(target.parent)
            _sync_folder(target)
        except OSError as exc:
            raise QawlError(f"{_problem(exc, target).message}; the files already in place are complete and the "
                            "next export will replace them", file=str(target)) from None
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
            self.lock.release()
        self.settle(new, [str(os.path.abspath(p)) for p in earlier])
        return list(dests.values())


def write_folder(target: Path, plan: Mapping[str, bytes], *, is_ours: Callable[[Path], bool],
                 record: Callable[[dict[str, str]], None], settle: Callable[[dict[str, str], list[str]], None],
                 cancel: Callable[[], bool] | None = None, what: str = "export") -> list[Path]:
    """Write the files of ``plan`` (name -> bytes) into the folder ``target``, all or nothing (:class:`StagedFolder`)."""
    check_names(plan, target)
    out = StagedFolder(target, is_ours=is_ours, record=record, settle=settle, what=what)
    try:
        for i, (name, data) in enumerate(plan.items()):
            if cancel and i % 64 == 0 and cancel():
                raise Cancelled()
            out.write(name, data)
            out.close(name)
    except BaseException:
        out.abort()
        raise
    return out.commit()


def _restore_newcomers(old: Path, target: Path, keep: set[str]) -> None:
    """After a swap, ``old`` holds the previous folder: an entry someone put there while we were writing (neither
    replaced by the export nor one of Qawl's earlier files, ``keep``) goes back into ``target`` instead of being
    removed with the old export."""
    for path in _tree(old):
        dest = target / path.relative_to(old)
        if str(dest) in keep:
            continue
        if path.is_dir() and not path.is_symlink():
            dest.mkdir(parents=True, exist_ok=True)
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not os.path.lexists(dest):
            os.rename(path, dest)
