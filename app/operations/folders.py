"""Exports of several files (brat, doccano, Label Studio, the dataset folder): written into a staging folder beside
the target folder and put in place whole (see :class:`StagedFolder`), with names checked before the first byte: plain
relative names that fit the file system, none that a case-insensitive file system would merge.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import stat
import sys
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from ..core import files
from ..core.errors import QawlError
from ..core.formats.peer import name_of_file
from .targets import (DIR_MODE, FILE_MODE, _TEMP, _FolderLock, _problem, _remove_stale, _sync_all, _sync_folder,
                      _unlink, kind, real_target)


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
            raise QawlError("this export writes several files; give a folder, not a file", file=str(target))
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
