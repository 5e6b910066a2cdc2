"""This computer's copy of the team repository: a bare git repository beside the project file, read and written
with git's plumbing only (trees and blobs; commits made with ``git fast-import``), so there is no working tree a
kill could leave half written, and nothing to check out.

- :func:`prepare_remote`: a local path that does not exist becomes a new bare repository; a URL is git's business;
- :class:`LocalRepo`: fetch, push (rejected -> False, to retry), trees, diffs, blobs, new commits, history.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ...core.errors import QawlError
from .git import Git, GitError, _explain

TRAILER_ANNOTATOR = "Qawl-Annotator"
TRAILER_COMPUTER = "Qawl-Computer"
TRAILER_HOST = "Qawl-Host"
LOCK = "qawl-sync.lock"
_FORMATS: dict[str, str] = {}  # git dir -> object format (sha1 / sha256), asked once per process
_SCP = re.compile(r"^[^/\\:]+@?[^/\\:]*:")  # user@host:path (git's scp-like syntax)


def is_local(remote: str) -> bool:
    if "://" in remote:
        return remote.startswith("file://")
    if re.match(r"^[A-Za-z]:[\\/]", remote):  # a Windows drive
        return True
    return not _SCP.match(remote)


def has_password(remote: str) -> bool:
    """True for ``https://user:password@host/...``: Qawl never stores a password (git's credential helpers do)."""
    m = re.match(r"^[a-z+]+://([^/@]*)@", remote)
    return bool(m and ":" in m.group(1))


def prepare_remote(remote: str, *, create: bool) -> str:
    """The remote as git should see it. A local path is made absolute; with ``create`` a missing one becomes a
    new bare repository (branch ``main``)."""
    if has_password(remote):
        raise QawlError("the address holds a password; Qawl never stores passwords. Use the address without it and "
                        "let git's credential helper or an SSH key provide access", field="REMOTE")
    if not is_local(remote):
        return remote
    path = Path(remote[len("file://"):] if remote.startswith("file://") else remote).expanduser()
    if path.exists():
        return str(path.resolve())
    if not create:
        raise QawlError("no repository there", file=str(path))
    git = Git(None)
    git.run("init", "--quiet", "--bare", "--initial-branch=main", str(path), what="creating the team repository")
    return str(path.resolve())


@dataclass(frozen=True)
class Change:
    """One path changed between two commits: ``old`` / ``new`` blob ids (None where absent)."""

    path: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    at: int
    annotator: str
    computer: str
    host: str
    author: str


class LocalRepo:
    def __init__(self, git_dir: Path, git: Git, branch: str = "main") -> None:
        self.git_dir = git_dir
        self.git = git
        self.branch = branch
        self._format: str | None = None

    @classmethod
    def create(cls, git_dir: Path, remote: str, git_factory: Callable[[Path], Git], branch: str = "main") -> "LocalRepo":
        """A new (or a leftover, reused) bare repository at ``git_dir`` whose ``origin`` is ``remote``."""
        if git_dir.exists() and not (git_dir / "HEAD").exists():
            if any(git_dir.iterdir()):
                raise QawlError("exists and is not Qawl's copy of a team repository; move it away", file=str(git_dir))
        bootstrap = Git(None)
        bootstrap.run("init", "--quiet", "--bare", "--initial-branch=main", str(git_dir),
                      what="creating this project's copy of the team repository")
        repo = cls(git_dir, git_factory(git_dir), branch)
        repo.git.run("config", "remote.origin.url", remote)
        repo.git.run("config", "remote.origin.fetch", f"+refs/heads/{branch}:refs/remotes/origin/{branch}")
        # Qawl writes its own small packs; let git tidy them now and then, without asking.
        repo.git.run("config", "gc.autoDetach", "false")
        return repo

    # --- talking to the remote --------------------------------------------------------------------------------

    def fetch(self) -> str | None:
        """Bring the remote branch's commits; its head, or None when the team repository is still empty."""
        code, _out, err = self.git.run_network("fetch", "--quiet", "--no-tags", "origin",
                                               f"+refs/heads/{self.branch}:refs/remotes/origin/{self.branch}",
                                               what="fetching")
        if code != 0:
            if "couldn't find remote ref" in err:
                return None
            raise GitError(_explain(err, "cannot fetch from the team repository"))
        return self.rev(f"refs/remotes/origin/{self.branch}")

    def push(self, commit: str) -> bool:
        """Push ``commit`` as the remote branch (never forced); False when someone pushed first (fetch, retry)."""
        code, out, err = self.git.run_network("push", "--porcelain", "--quiet", "origin",
                                              f"{commit}:refs/heads/{self.branch}", what="pushing")
        if code == 0:
            self.git.run("update-ref", f"refs/remotes/origin/{self.branch}", commit)
            return True
        text = out + err
        if any(k in text for k in ("[rejected]", "fetch first", "non-fast-forward", "failed to update ref",
                                   "cannot lock ref", "stale info", "incorrect old value")):
            return False
        raise GitError(_explain(err or out, "cannot push to the team repository"))

    # --- reading -------------------------------------------------------------------------------------------------

    def rev(self, ref: str) -> str | None:
        out = self.git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}", ok=(0, 1))
        return out.decode().strip() or None

    def is_ancestor(self, a: str, b: str) -> bool:
        """True when commit ``a`` is ``b`` or in its history (False if ``a`` is unknown here)."""
        return self.git.code("merge-base", "--is-ancestor", a, b) == 0

    def tree(self, commit: str | None, paths: Iterable[str] | None = None) -> dict[str, str]:
        """path -> blob id at ``commit`` (every file, or only ``paths``)."""
        if commit is None:
            return {}
        out: dict[str, str] = {}
        if paths is None:
            chunks: list[list[str]] = [[]]
        else:
            wanted = sorted(set(paths))
            if not wanted:
                return {}
            if len(wanted) > 2000:
                full = self.tree(commit)
                return {p: full[p] for p in wanted if p in full}
            chunks = [wanted[i:i + 500] for i in range(0, len(wanted), 500)]
        for chunk in chunks:
            args = ["ls-tree", "-r", "-z", "--full-tree", commit]
            if chunk:
                args += ["--", *chunk]
            for entry in self.git.run(*args).split(b"\0"):
                if not entry:
                    continue
                meta, path = entry.split(b"\t", 1)
                mode, kind, sha = meta.split(b" ")
                if kind == b"blob":
                    out[path.decode("utf-8")] = sha.decode()
        return out

    def diff(self, old: str | None, new: str) -> list[Change]:
        """What changed from ``old`` (None: nothing) to ``new``, file by file."""
        if old is None:
            return [Change(p, None, b) for p, b in sorted(self.tree(new).items())]
        if old == new:
            return []
        raw = self.git.run("diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", old, new)
        parts = raw.split(b"\0")
        out = []
        i = 0
        while i < len(parts) - 1:
            meta = parts[i].decode()
            if not meta.startswith(":"):
                i += 1
                continue
            path = parts[i + 1].decode("utf-8")
            _m1, _m2, a, b, _status = meta[1:].split(" ")
            out.append(Change(path, None if set(a) == {"0"} else a, None if set(b) == {"0"} else b))
            i += 2
        return out

    def blobs(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The contents of these blobs (one ``cat-file --batch`` for all of them)."""
        wanted = list(dict.fromkeys(shas))
        if not wanted:
            return {}
        proc = self.git.stream("cat-file", "--batch")
        feeder = threading.Thread(target=_feed, args=(proc, wanted), daemon=True)
        feeder.start()
        out: dict[str, bytes] = {}
        stream = proc.stdout
        try:
            for _ in wanted:
                header = stream.readline()
                fields = header.split()
                if len(fields) < 3 or fields[1] == b"missing":
                    raise GitError(f"the team repository lacks object {fields[0].decode() if fields else '?'}")
                size = int(fields[2])
                data = stream.read(size)
                stream.read(1)
                out[fields[0].decode()] = data
        finally:
            if len(out) < len(wanted):  # stopped early: git must not wait for a reader that is gone
                proc.kill()
            stream.close()
            feeder.join()
            proc.stderr.close()
            proc.wait()
        return out

    def blob_id(self, data: bytes) -> str:
        """The id git gives these bytes (computed here: no process per file)."""
        if self._format is None:
            known = _FORMATS.get(str(self.git_dir))
            if known is None:
                known = self.git.run("rev-parse", "--show-object-format").decode().strip() or "sha1"
                _FORMATS[str(self.git_dir)] = known
            self._format = known
        h = hashlib.sha256() if self._format == "sha256" else hashlib.sha1()
        h.update(b"blob %d\0" % len(data))
        h.update(data)
        return h.hexdigest()

    def history(self, old: str | None, new: str) -> list[CommitInfo]:
        """The commits in ``new`` that ``old`` lacks, newest first, with Qawl's trailers."""
        fmt = "%H%x1f%ct%x1f%an%x1f%(trailers:key=" + TRAILER_ANNOTATOR + ",valueonly,separator=%x2c)%x1f" \
              "%(trailers:key=" + TRAILER_COMPUTER + ",valueonly,separator=%x2c)%x1f%(trailers:key=" + TRAILER_HOST + \
              ",valueonly,separator=%x2c)%x1e"
        args = ["log", f"--format={fmt}", new]
        if old is not None:
            args += ["--not", old]
        out = []
        for rec in self.git.run(*args).decode("utf-8", "replace").split("\x1e"):
            rec = rec.strip("\n")
            if not rec:
                continue
            sha, at, author, who, computer, host = (rec.split("\x1f") + [""] * 6)[:6]
            out.append(CommitInfo(sha, int(at or 0), who.strip(), computer.strip(), host.strip(), author))
        return out

    def last_commit_touching(self, new: str, path: str, old: str | None = None) -> CommitInfo | None:
        fmt = "%H%x1f%ct%x1f%an%x1f%(trailers:key=" + TRAILER_ANNOTATOR + ",valueonly)%x1f%(trailers:key=" + \
              TRAILER_COMPUTER + ",valueonly)%x1f%(trailers:key=" + TRAILER_HOST + ",valueonly)"
        args = ["log", "-n", "1", f"--format={fmt}", new]
        if old is not None:
            args += ["--not", old]
        raw = self.git.run(*args, "--", path).decode("utf-8", "replace").strip()
        if not raw:
            return None
        sha, at, author, who, computer, host = (raw.split("\x1f") + [""] * 6)[:6]
        return CommitInfo(sha, int(at or 0), who.strip(), computer.strip(), host.strip(), author)

    # --- writing -----------------------------------------------------------------------------------------------

    def commit(self, parent: str | None, files: dict[str, bytes | None] | Iterable[tuple[str, bytes | None]],
               message: str, *, annotator: str, computer: str, host: str) -> str:
        """A new commit: ``parent``'s tree with ``files`` written (None: removed). Not pushed; no ref but
        ``refs/qawl/outgoing`` moves. The files are streamed to ``git fast-import`` (publishing a large project
        never holds them all in memory)."""
        body = f"{message}\n\n{TRAILER_ANNOTATOR}: {annotator}\n{TRAILER_COMPUTER}: {computer}\n" \
               f"{TRAILER_HOST}: {host}\n".encode("utf-8")
        name = self.git.env["GIT_COMMITTER_NAME"]
        email = self.git.env["GIT_COMMITTER_EMAIL"]
        head = [b"commit refs/qawl/outgoing\n",
                f"committer {name} <{email}> {int(time.time())} +0000\n".encode("utf-8"),
                b"data %d\n" % len(body), body, b"\n",
                f"from {parent or '0' * 40}\n".encode()]
        items = sorted(files.items()) if isinstance(files, dict) else files
        with tempfile.TemporaryFile() as err:
            proc = self.git.stream("fast-import", "--quiet", "--done", "--force", stdout=err, stderr=err)
            try:
                out = proc.stdin
                out.write(b"".join(head))
                for path, data in items:
                    quoted = _quote(path)
                    if data is None:
                        out.write(b"D " + quoted + b"\n")
                    else:
                        out.write(b"M 100644 inline " + quoted + b"\ndata %d\n" % len(data))
                        out.write(data)
                        out.write(b"\n")
                out.write(b"\ndone\n")
                out.close()
            except BrokenPipeError:
                pass
            except BaseException:
                proc.kill()
                proc.wait()
                raise
            code = proc.wait()
            if code != 0:
                err.seek(0)
                raise GitError(_explain(err.read().decode("utf-8", "replace"), "writing the commit"))
        sha = self.rev("refs/qawl/outgoing")
        if sha is None:  # pragma: no cover - fast-import succeeded
            raise GitError("git fast-import made no commit")
        return sha

    def tidy(self) -> None:
        """Let git pack Qawl's small packs when there are many (``gc --auto`` does nothing otherwise)."""
        try:
            self.git.run("gc", "--auto", "--quiet")
        except GitError:
            pass

    # --- one sync at a time ---------------------------------------------------------------------------------------

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One sync of this project at a time (the window's and the command line's). A lock left by a killed sync
        (its process is gone) is taken over."""
        path = self.git_dir / LOCK
        # The lock file appears whole, owner included (written aside, then linked into place: linking fails if
        # the lock exists), so nobody ever reads a lock that is there but does not say whose it is yet.
        fd, tmp = tempfile.mkstemp(prefix=LOCK + ".", dir=self.git_dir)
        with os.fdopen(fd, "w") as fh:
            fh.write(f"{os.getpid()} {socket.gethostname()}\n")
        try:
            for _ in range(3):
                try:
                    os.link(tmp, path)
                    break
                except FileExistsError:
                    try:
                        pid_s, host = (path.read_text().split() + ["", ""])[:2]
                    except OSError:
                        continue  # released meanwhile
                    if host == socket.gethostname() and pid_s.isdigit() and _alive(int(pid_s)):
                        raise QawlError(f"a sync of this project is already running (process {pid_s}); wait for "
                                        "it to finish") from None
                    path.unlink(missing_ok=True)  # left by a sync that was killed
            else:
                raise QawlError("cannot take the sync lock", file=str(path))
        finally:
            os.unlink(tmp)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (killed, not yet reaped by its parent) holds nothing.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return True


def _feed(proc, wanted: list[str]) -> None:
    try:
        for i in range(0, len(wanted), 1000):
            proc.stdin.write(("\n".join(wanted[i:i + 1000]) + "\n").encode())
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        pass


def _quote(path: str) -> bytes:
    raw = path.encode("utf-8")
    if any(c in raw for c in b'"\\\n') or raw.startswith(b" "):
        escaped = raw.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")
        return b'"' + escaped + b'"'
    return raw
