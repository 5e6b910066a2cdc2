"""An open team project: the project (store), its team tables and this computer's copy of the repository."""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path
from typing import Callable

from ...core.errors import Cancelled, QawlError
from ...core.model import GOLD, SUGGESTIONS
from ...store import Store, TeamState, TeamStore
from .git import Git, configured_email
from .repo import LocalRepo

NOT_A_TEAM = ("this project is not part of a team. The lead publishes a project with 'qawl team init REMOTE'; "
              "an annotator joins with 'qawl team join REMOTE --annotator NAME'")
RESERVED = (GOLD, SUGGESTIONS)


def git_dir_for(db: Path) -> Path:
    """Where this project's copy of the team repository lives: beside the project file."""
    return db.with_name(db.stem + ".team.git")


def host_name() -> str:
    return socket.gethostname()


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container): the caller asks for --annotator
        return os.environ.get("USER", "")


def check_name(name: str | None, what: str = "--annotator") -> str:
    name = (name or "").strip()
    if not name:
        raise QawlError("give your annotator name (it stamps your work and names your files)", field=what)
    if name in RESERVED:
        raise QawlError(f"{name!r} is a reserved layer name, not a person's; choose another", field=what)
    if len(name) > 100 or any(c in name for c in "\n\r\t/\\"):
        raise QawlError("must be a name of at most 100 characters without slashes or line breaks", field=what)
    return name


class Team:
    """A team project opened for an operation. ``interactive``: git may ask in a terminal (the command line);
    the window passes False. ``cancel`` is polled while git talks to the remote."""

    def __init__(self, store: Store, *, interactive: bool = True, cancel: Callable[[], bool] | None = None,
                 state: TeamState | None = None) -> None:
        if store.path is None:
            raise QawlError("a team project needs a project file (not an in-memory project)")
        self.store = store
        self.tables = TeamStore(store)
        state = state or self.tables.state()
        if state is None:
            raise QawlError(NOT_A_TEAM, file=str(store.path))
        self.state = state
        self.cancel = cancel
        git_dir = Path(state.git_dir)
        if not git_dir.is_absolute():
            git_dir = store.path.parent / git_dir
        self.repo = LocalRepo(git_dir, self.git_for(git_dir, state.annotator, interactive, cancel), state.branch)

    @staticmethod
    def git_for(git_dir: Path, annotator: str, interactive: bool, cancel) -> Git:
        return Git(git_dir, author=annotator, email=configured_email(), interactive=interactive, cancel=cancel)

    @property
    def me(self) -> str:
        return self.state.annotator

    def reload(self) -> TeamState:
        state = self.tables.state()
        if state is None:  # pragma: no cover - the row is never deleted
            raise QawlError(NOT_A_TEAM)
        self.state = state
        return state

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()

    def writes(self) -> tuple[str, ...]:
        """The layers this computer sends: its annotator's, and gold (whoever reviews)."""
        return (self.me, GOLD)
