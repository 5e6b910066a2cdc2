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


def _stream(path: str | Path, chunks: Iterable[bytes], cancel) -> int:
    """Write into standard output, a FIFO or a device, as it is."""
    n = 0
    try:
        if str(path) == STDOUT:
            out = sys.stdout.buffer
            for n, chunk in enumerate(chunks, 1):
                out.write(chunk)
                if cancel and n % 1000 == 0 and cancel():
                    raise Cancelled()
            out.flush()
            return n
        with open(path, "wb", buffering=1 << 16) as out:  # a device or FIFO: no truncation, no replacing
            for n, chunk in enumerate(chunks, 1):
                out.write(chunk)
                if cancel and n % 1000 == 0 and cancel():
                    raise Cancelled()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _problem(exc, path) from None
    return n


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the advisory lock of ``folder`` (one Qawl writer at a time there; released if the process dies)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no stale-file clean-up, writes are still atomic
        yield
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # a folder, never a project file


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


def write_file(path: str | os.PathLike, chunks: Iterable[bytes], *, is_ours: Callable[[Path], bool],
               what: str = "export", cancel: Callable[[], bool] | None = None,
               record: Callable[[Path, str], None] | None = None) -> int:
    """Write ``chunks`` to ``path`` (see the module docstring); returns the number of chunks.

    ``is_ours(path)``: may an existing non-empty file there be replaced? ``record(path, sha256)`` is called just
    before the new file takes its place (to remember it as ours).
    """
    if str(path) == STDOUT:
        return _stream(STDOUT, chunks, cancel)
    path = Path(path)
    files.check(path)
    found = kind(path)  # through links: a link to /dev/stdout or a FIFO is a stream
    if found == "stream":
        return _stream(path, chunks, cancel)
    path = real_target(path)
    files.check(path)
    found = kind(path)
    if found == "folder":
        raise QawlError(f"is a folder; give a file name for the {what}", file=str(path))
    if found == "stream":
        return _stream(path, chunks, cancel)
    if found == "file" and path.stat().st_size and not is_ours(path):
        raise QawlError(f"exists and is not a Qawl {what}; Qawl never overwrites other files. Choose another name "
                        "or remove it first", file=str(path))
    parent = path.parent
    if not parent.is_dir():
        raise QawlError(f"cannot be written: the folder {parent} does not exist", file=str(path))
    if not os.access(parent, os.W_OK):
        raise QawlError(f"cannot be written: no permission to write in {parent}", file=str(path))
    mode = stat.S_IMODE(path.stat().st_mode) if found == "file" else FILE_MODE
    with folder_lock(parent):
        _remove_stale(parent, path.name)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}{_TEMP}", suffix=".part", dir=parent)
        except OSError as exc:
            raise _problem(exc, path) from None
        n = 0
        digest = hashlib.sha256() if record else None
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb", buffering=1 << 20) as out:
                for n, chunk in enumerate(chunks, 1):
                    out.write(chunk)
                    if digest is not None:
                        digest.update(chunk)
                    if cancel and n % 1000 == 0 and cancel():
                        raise Cancelled()
                out.flush()
                os.fsync(out.fileno())
            files.check(path)
            if record is not None:
                record(path, digest.hexdigest())
            os.replace(tmp, path)
        except OSError as exc:
            _unlink(tmp)
            raise _problem(exc, path) from None
        except BaseException:
            _unlink(tmp)
            raise
        _sync_folder(parent)
    return n


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(files.read_bytes(path)).hexdigest()
    except OSError:
        return None


# --- several files ------------------------------------------------------------------------------------------------

def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def check_names(names: Iterable[str], folder: Path) -> None:
    """Every file name is a plain relative path whose parts fit the file system; no name is also a folder of
    another. Raise naming the document or annotator a bad name came from."""
    limit = _name_max(folder if folder.is_dir() else folder.parent)
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


def write_folder(target: Path, plan: Mapping[str, bytes], *, is_ours: Callable[[Path], bool],
                 record: Callable[[dict[str, str]], None], settle: Callable[[dict[str, str], list[str]], None],
                 cancel: Callable[[], bool] | None = None, what: str = "export") -> list[Path]:
    """Write several files into the folder ``target``, all or nothing.

    Every file is first written into a staging folder beside ``target`` and flushed to disk (a full disk or a
    cancel stops here, and nothing in ``target`` has changed). Their hashes are recorded as ours (``record``)
    before anything moves, so an export killed from then on leaves only files Qawl recognises. Then, when
    ``target`` holds nothing but earlier Qawl files, the staging folder and ``target`` are swapped in one step
    (the reader sees the whole old export or the whole new one); otherwise (other people's files are there) each
    file is renamed into place, each in one step. Qawl's earlier files that the new export does not have are
    removed; other files are never touched. ``settle(new, gone)`` then forgets the old hashes.
    """
    files.check(target)
    target = real_target(target)
    files.check(target)
    found = kind(target)
    if found not in ("folder", "new"):
        raise QawlError(f"this format writes {len(plan)} files; give a folder, not a file", file=str(target))
    check_names(plan, target)
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QawlError(f"cannot create the folder ({exc.strerror})", file=str(parent)) from None
    if not os.access(parent, os.W_OK):
        raise QawlError(f"cannot be written: no permission to write in {parent}", file=str(target))
    with folder_lock(parent):
        _remove_stale(parent, target.name)
        exists = target.is_dir()
        dests = {name: target / name for name in plan}
        for name, dest in dests.items():
            files.check(dest)
            if dest.is_dir() and not dest.is_symlink():
                raise QawlError(f"is a folder, where the {what} has a file", file=str(dest))
            if dest.is_symlink() or (dest.exists() and dest.stat().st_size and not is_ours(dest)):
                raise QawlError(f"exists and was not written by Qawl; Qawl never overwrites other files. Choose "
                                "another folder, or remove it first", file=str(dest))
        before = _tree(target) if exists else []
        planned = {str(d) for d in dests.values()}
        folders = {str(p) for d in dests.values() for p in d.parents if target in p.parents or p == target}
        earlier = [p for p in before if str(p) not in planned and p.is_file() and not p.is_symlink()
                   and is_ours(p)]
        foreign = [p for p in before if str(p) not in planned and str(p) not in folders and p not in earlier]
        staging = parent / f".{target.name}{_TEMP}{secrets.token_hex(4)}"
        mode = stat.S_IMODE(target.stat().st_mode) if exists else DIR_MODE
        new: dict[str, str] = {}
        try:
            staging.mkdir(mode=0o700)
            os.chmod(staging, mode)
            if len(_collisions(plan)) and _folds(staging):
                group = _collisions(plan)[0]
                raise QawlError(f"the files {', '.join(map(repr, group))} would be one file on this file system "
                                "(names that differ only in letter case or accents); rename the documents or "
                                "annotators, or export as jsonl. Nothing was written", file=str(target))
            for i, (name, data) in enumerate(plan.items()):
                if cancel and i % 64 == 0 and cancel():
                    raise Cancelled()
                dest = staging / name
                dest.parent.mkdir(parents=True, exist_ok=True)  # the umask applies
                old = dests[name]
                file_mode = stat.S_IMODE(old.stat().st_mode) if old.is_file() else FILE_MODE
                fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
                with os.fdopen(fd, "wb") as out:
                    os.fchmod(out.fileno(), file_mode)
                    out.write(data)
                new[str(os.path.abspath(old))] = hashlib.sha256(data).hexdigest()
            _sync_all(staging, [staging / name for name in plan])
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise QawlError(f"{_problem(exc, target).message}; nothing in the folder was changed",
                            file=str(target)) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        try:
            record(new)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
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
            _sync_folder(parent)
            _sync_folder(target)
        except OSError as exc:
            raise QawlError(f"{_problem(exc, target).message}; the files already in place are complete and the "
                            "next export will replace them", file=str(target)) from None
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        settle(new, [str(os.path.abspath(p)) for p in earlier])
    return list(dests.values())


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
