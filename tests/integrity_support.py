"""Helpers for the integrity tests (not a test module): running ``qawl`` in-process and as a separate process,
small real disks (a tmpfs mounted for the test, where the machine allows it), a project's bytes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run(capsys, *args) -> tuple[int, str, str]:
    from app.cli import main

    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def qawl(*args, env: dict | None = None, user: int | None = None, cwd: Path | None = None,
         timeout: float = 120) -> subprocess.CompletedProcess:
    """``qawl ARGS`` as its own process (``user``: run as that uid, for permission tests when we are root)."""
    def as_user() -> None:
        os.setgid(user)
        os.setuid(user)
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd or REPO, timeout=timeout,
                          preexec_fn=as_user if user is not None else None)


def digest(path: Path) -> str:
    """The project's bytes (no connection may be open: checked by reading the file, never the live project)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def mountable() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


@contextmanager
def small_disk(size: str = "512k"):
    """A real, small file system (tmpfs) mounted for the test: writes past its size fail with ENOSPC."""
    if not mountable():
        pytest.skip("mounting a small tmpfs needs root on Linux")
    folder = Path(tempfile.mkdtemp(prefix="qawl-disk-"))
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)],
                          capture_output=True, text=True)
    if done.returncode:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        folder.rmdir()


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Use up the free space of a small disk."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(fd)


def device(folder: Path, name: str) -> Path:
    """A character device to export into: a private node when we are root (so that even a Qawl that replaced
    its target could not harm the system's own /dev/null), else the system's."""
    numbers = {"null": (1, 3), "full": (1, 7), "zero": (1, 5)}
    system = Path("/dev") / name
    if os.geteuid() != 0:
        if not system.is_char_device():
            pytest.skip(f"no {system} here")
        return system
    node = folder / f"dev-{name}"
    try:
        os.mknod(node, 0o666 | __import__("stat").S_IFCHR, os.makedev(*numbers[name]))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here ({exc.strerror})")
    return node
