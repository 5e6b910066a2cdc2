"""Running ``git``: the one engine under team projects (no network code of Qawl's own).

Credentials are git's own (SSH keys, credential helpers): Qawl never asks for, passes or stores a password. In
the window there is no terminal to type one into, so git is told not to prompt (``GIT_TERMINAL_PROMPT=0``, SSH in
batch mode) and a missing credential is an error in words instead of a hang.

Network commands write their output to files, not pipes: if Qawl is killed while one runs, git is not killed by
a broken pipe halfway through updating a ref, and finishes on its own.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Sequence

from ...core.errors import Cancelled, QawlError

MISSING = ("the git command was not found. Team projects share work through git: install it (Debian/Ubuntu: "
           "apt install git; macOS: xcode-select --install; Windows: https://git-scm.com/download/win) and make "
           "sure 'git' is on the PATH")


class GitError(QawlError):
    """git refused or failed; the message says what git said."""


def git_command() -> str:
    path = shutil.which(os.environ.get("QAWL_GIT", "git"))
    if path is None:
        raise QawlError(MISSING)
    return path


def _explain(stderr: str, what: str) -> str:
    text = stderr.strip()
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith("hint:")]
    said = " / ".join(lines[-3:]) if lines else "no message"
    low = text.lower()
    if "terminal prompts disabled" in low or "could not read username" in low or "authentication failed" in low \
            or "permission denied (publickey" in low:
        return (f"{what}: the repository asks for credentials git does not have. Set up an SSH key or a git "
                f"credential helper (Qawl never stores passwords), then sync again. git said: {said}")
    if "could not resolve host" in low or "unable to access" in low or "connection timed out" in low \
            or "network is unreachable" in low or "connection refused" in low:
        return f"{what}: the repository cannot be reached (offline?). git said: {said}"
    if "does not appear to be a git repository" in low or "repository not found" in low \
            or "not a git repository" in low:
        return f"{what}: there is no git repository there. git said: {said}"
    return f"{what}: git said: {said}"


class Git:
    """git commands on one repository (``git_dir``), as ``author`` (a name for commits)."""

    def __init__(self, git_dir: Path | str | None, *, author: str = "qawl", email: str | None = None,
                 interactive: bool = True, cancel: Callable[[], bool] | None = None) -> None:
        self.exe = git_command()
        self.git_dir = Path(git_dir) if git_dir is not None else None
        self.cancel = cancel
        env = dict(os.environ)
        env["LC_ALL"] = "C"  # git's messages in English, so they can be recognised
        env["LANGUAGE"] = "C"
        env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = author
        env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = email or _email(author)
        for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
            env.pop(key, None)
        if not interactive:
            env["GIT_TERMINAL_PROMPT"] = "0"
            env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")
            env.setdefault("GCM_INTERACTIVE", "never")
        self.env = env

    def _args(self, args: Sequence[str]) -> list[str]:
        base = [self.exe]
        if self.git_dir is not None:
            base += ["--git-dir", str(self.git_dir)]
        return base + list(args)

    def run(self, *args: str, input: bytes | None = None, what: str | None = None, ok: Sequence[int] = (0,)) -> bytes:
        """Run a local git command (pipes); its stdout, or a :class:`GitError`."""
        try:
            proc = subprocess.run(self._args(args), input=input, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=self.env)
        except OSError as exc:
            raise QawlError(f"cannot run git ({exc.strerror})") from None
        if proc.returncode not in ok:
            raise GitError(_explain(proc.stderr.decode("utf-8", "replace"), what or f"git {args[0]}"))
        return proc.stdout

    def code(self, *args: str) -> int:
        """Only the exit status of a local git command (e.g. ``merge-base --is-ancestor``)."""
        return subprocess.run(self._args(args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=self.env).returncode

    def run_network(self, *args: str, what: str) -> tuple[int, str, str]:
        """Run a command that talks to the remote; output goes to files (see the module's note). Cancel kills git
        (the remote ref is updated atomically by git or not at all). Returns (exit status, stdout, stderr)."""
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            try:
                proc = subprocess.Popen(self._args(args), stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                        env=self.env)
            except OSError as exc:
                raise QawlError(f"cannot run git ({exc.strerror})") from None
            # Wait without polling (no added latency); a watcher stops git when Cancel is pressed.
            finished = threading.Event()
            cancelled = threading.Event()

            def watch() -> None:
                while not finished.wait(0.1):
                    if self.cancel is not None and self.cancel():
                        cancelled.set()
                        proc.terminate()
                        return

            watcher = threading.Thread(target=watch, daemon=True) if self.cancel is not None else None
            if watcher is not None:
                watcher.start()
            try:
                code = proc.wait()
            finally:
                finished.set()
                if watcher is not None:
                    watcher.join()
            if cancelled.is_set():
                raise Cancelled()
            out.seek(0)
            err.seek(0)
            return code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")

    def stream(self, *args: str, stdout=subprocess.PIPE, stderr=subprocess.PIPE) -> subprocess.Popen:
        return subprocess.Popen(self._args(args), stdin=subprocess.PIPE, stdout=stdout, stderr=stderr, env=self.env)


def _email(author: str) -> str:
    """A placeholder address for commits when git has none configured (git refuses commits without one)."""
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "-" for c in author).strip("-") or "annotator"
    return f"{safe}@qawl.invalid"


@functools.lru_cache(maxsize=None)
def configured_email(exe: str | None = None) -> str | None:
    """git's configured address (asked once per process)."""
    try:
        proc = subprocess.run([exe or git_command(), "config", "--get", "user.email"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = proc.stdout.decode("utf-8", "replace").strip()
    return value or None


def wait_a_little(attempt: int) -> None:
    """Back off between push attempts (someone else is pushing at the same moment)."""
    time.sleep(min(2.0, 0.05 * (2 ** attempt)) * (0.5 + (os.getpid() % 7) / 7))
