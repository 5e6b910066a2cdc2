"""What the window needs from outside the UI package, passed in rather than imported.

The import-linter contract "The UI never writes SQL" forbids app.ui from importing sqlite even indirectly, so no
module of app.ui imports app.store, app.project or app.exporting: the window talks to the Store object it is given
and to these functions (resolved once by :func:`app.ui.main.project_api`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class ProjectApi:
    """What the window needs from outside the UI package: open the project (for the window) and a second
    connection (for background work), read sources, export."""

    open_project: Callable
    open_store: Callable
    read_sources: Callable
    export_to: Callable
    export_formats: tuple[str, ...]
