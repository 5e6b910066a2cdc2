"""What the window needs from outside the UI package, passed in rather than imported.

The import-linter contract "The UI never writes SQL" forbids app.ui from importing sqlite even indirectly, so no
module of app.ui imports app.store or app.operations: the window talks to the project it is given, known only by
the interfaces of :mod:`app.core.ports` (a :class:`~app.core.ports.Project`), and to these functions, composed by the caller (``app.operations.project.gui_api``, used by
``qawl gui``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class ProjectApi:
    """Open the project (for the window) and a second connection (for background work); import and export in
    every format (``app.operations.transfer``); the format keys the dialogs offer; suggesting the project
    (``app.operations.suggesting``)."""

    open_project: Callable
    open_store: Callable
    import_paths: Callable  # (store, paths, fmt, *, mapping, add_labels, offset_unit, annotator, replace,
    #                          skip_invalid, actor, progress, cancel) -> ImportReport
    export_paths: Callable  # (store, target, fmt, *, mapping, annotator, statuses, include_unannotated,
    #                          progress, cancel) -> list[Path]
    mapping: Callable  # (flags: list[str], file: str | None, preset: str | None) -> LabelMapping | None
    import_formats: tuple[str, ...]
    export_formats: tuple[str, ...]
    write_report: Callable | None = None  # (path, html text or JSON text/bytes) -> Path; never over others' files
    set_verdicts: Callable | None = None  # (store, verdicts) -> the project's new verdict list; refuses one in use
    set_guideline: Callable | None = None  # (store, key, {lang: Guideline}) -> the project's new LabelSchema
    reset_guidelines: Callable | None = None  # (store, key | None) -> the new LabelSchema (default guidelines)
    suggest: Callable | None = None  # (store, doc_ids, *, actor, learn, progress, cancel) -> SuggestReport (documents,
    #                                  added, kept, seconds): app.operations.suggesting.suggest_project
    team: "TeamApi | None" = None  # team projects over git (app.operations.team)


@dataclass(frozen=True)
class TeamApi:
    """The team operations the window uses (``app.operations.team``, through ``gui_api``)."""

    info: Callable  # (store) -> TeamState | None: is this project in a team, as whom, last sync
    sync: Callable  # (db_path, *, progress, cancel, stage) -> SyncReport; opens its own connection
    status: Callable  # (store) -> TeamStatus
    assign: Callable  # (store, annotator, doc_ids, *, role, remove) -> list[str]; the lead only
    assignments: Callable  # (store, annotator=None, role=None) -> list[Assignment]
    arrivals: Callable  # (store, limit) -> [(doc_id, annotator, arrived, spans, status)]
