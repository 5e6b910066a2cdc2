"""Qawl in a Linux desktop's application menu: ``qawl desktop install`` writes the desktop entry and the icons into
the user's data folder (``$XDG_DATA_HOME``, usually ``~/.local/share``), ``qawl desktop remove`` takes them away.

The entry starts *this* Qawl (the console script of the environment it was installed in, or the bundle's
executable) by its absolute path, so it works from a virtual environment or pipx that is not on the menu's PATH.
Files written here carry ``X-Qawl-Entry=1``: an entry of the same name written by someone else is never replaced or
removed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from platformdirs import user_data_path

from .. import __version__, resources
from ..core.errors import QawlError

ENTRY_NAME = "qawl.desktop"
ICON_NAME = "qawl"
MARK = "X-Qawl-Entry=1"
# Characters that make an Exec argument need quoting (Desktop Entry Specification, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    return user_data_path()


def launcher() -> list[str]:
    """The command that starts this Qawl."""
    if getattr(sys, "frozen", False):  # the standalone bundle
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.lower().startswith("qawl") and script.is_file():
        return [str(script.resolve())]
    return [str(Path(sys.executable)), "-m", "app"]


def exec_arg(arg: str) -> str:
    """One Exec argument: quoted when it holds a reserved character, % doubled, then backslashes doubled for the
    file's string syntax (the specification applies that escape before the quoting rule)."""
    if not arg or _RESERVED & set(arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg.replace("%", "%%").replace("\\", "\\\\")


def entry_text(command: list[str]) -> str:
    """The shipped desktop entry with Exec and TryExec pointing at ``command``."""
    lines = []
    for line in resources.desktop_template().splitlines():
        if line.startswith("Exec="):
            lines.append("Exec=" + " ".join(exec_arg(a) for a in [*command, "gui"]))
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
        else:
            lines.append(line)
    lines += [MARK, f"X-Qawl-Version={__version__}"]
    return "\n".join(lines) + "\n"


def targets(home: Path) -> list[tuple[Path, Path | None]]:
    """(file to write, shipped file to copy; None for the entry itself)."""
    icons = home / "icons" / "hicolor"
    out: list[tuple[Path, Path | None]] = [(home / "applications" / ENTRY_NAME, None)]
    out += [(icons / f"{n}x{n}" / "apps" / f"{ICON_NAME}.png", resources.icon_path(n)) for n in resources.ICON_SIZES]
    out.append((icons / "scalable" / "apps" / f"{ICON_NAME}.svg", resources.icon_svg()))
    return out


def _ours(entry: Path) -> bool:
    try:
        return MARK in entry.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the entry and the icons; the files written."""
    home = home or data_home()
    entry = home / "applications" / ENTRY_NAME
    if entry.exists() and not _ours(entry):
        raise QawlError("a desktop entry of that name was not written by Qawl; it is left as it is", file=str(entry))
    written = []
    try:
        for target, source in targets(home):
            target.parent.mkdir(parents=True, exist_ok=True)
            if source is None:
                tmp = target.with_name(target.name + ".part")
                tmp.write_text(entry_text(command or launcher()), encoding="utf-8")
                tmp.replace(target)
            else:
                shutil.copyfile(source, target)
            written.append(target)
    except OSError as exc:
        raise QawlError(f"cannot write the desktop files ({exc.strerror})", file=str(exc.filename or home)) from None
    _refresh(home)
    return written


def remove(home: Path | None = None) -> list[Path]:
    """Take away what :func:`install` wrote (only if the entry is Qawl's); the files removed."""
    home = home or data_home()
    entry = home / "applications" / ENTRY_NAME
    if entry.exists() and not _ours(entry):
        raise QawlError("a desktop entry of that name was not written by Qawl; it is left as it is", file=str(entry))
    removed = []
    for target, _source in targets(home):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Tell the desktop's caches, where the tools are installed (menus also notice by themselves)."""
    tools = [("update-desktop-database", ["-q", str(home / "applications")])]
    if (home / "icons" / "hicolor" / "icon-theme.cache").exists():
        tools.append(("gtk-update-icon-cache", ["-q", "-t", "-f", str(home / "icons" / "hicolor")]))
    for tool, args in tools:
        path = shutil.which(tool)
        if path:
            subprocess.run([path, *args], capture_output=True, check=False)
