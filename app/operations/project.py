"""Where the project file lives and what a new one starts with.

The default project is an SQLite file in the user data directory (platformdirs); ``--db PATH`` or the
``QAWL_DB`` environment variable choose another. A new default project is pre-loaded with the sample article
(``seeds/`` in the repository, shipped in the package as ``app.seeds``) so the first thing a new user sees is a real
Arabic article to annotate, however Qawl was installed.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from .. import seeds
from ..core.sources import read_sources
from ..store import Store
from . import EXPORT_FORMATS, IMPORT_FORMATS

ENV_DB = "QAWL_DB"


def default_db_path() -> Path:
    return user_data_path("qawl", appauthor=False) / "qawl.db"


def resolve_db_path(db: str | os.PathLike | None) -> tuple[Path, bool]:
    """The project path to use and whether it is the default one."""
    if db:
        return Path(db), False
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env), False
    return default_db_path(), True


def seed_articles() -> list[Path]:
    return seeds.articles()


def open_project(db: str | os.PathLike | None = None, *, create: bool | None = None,
                 verify: bool = True) -> Store:
    """Open the chosen project; a new default project gets the sample article(s) (app.seeds).

    ``create``: make the file if it is missing (default: only for the default project; ``qawl import`` passes
    True). Seeding happens in one transaction with its mark, so an interrupted first start is simply redone."""
    path, is_default = resolve_db_path(db)
    store = Store.open(path, create=is_default if create is None else create, verify=verify)
    try:
        if is_default and store.meta("seeded") is None:
            with store.atomic():
                if store.meta("seeded") is None:  # another process may have seeded it meanwhile
                    articles = seed_articles()
                    if articles and store.count_documents() == 0:
                        store.import_records(read_sources(articles), source="seeds")
                    store.set_meta("seeded", "1")
    except BaseException:
        store.close()
        raise
    return store


def gui_api():
    """The project functions the window uses (app.ui must not import the store or the operations itself)."""
    from ..ui.api import ProjectApi

    def import_paths(*args, **kwargs):
        from .transfer import import_paths as run

        return run(*args, **kwargs)

    def export_paths(*args, **kwargs):
        from .transfer import export_paths as run

        return run(*args, **kwargs)

    def mapping(flags=(), file=None, preset=None):
        from .transfer import mapping_from_options

        return mapping_from_options(flags, file, preset)

    def write_report(path, content):
        from .reports import write_report as write

        return write(path, content)

    def open_store(path):
        # A second connection of the window (background work): the window's own open already checked the file.
        return Store.open(path, create=False, verify=False)

    def suggest(*args, **kwargs):
        from .suggesting import suggest_project

        return suggest_project(*args, **kwargs)

    def set_verdicts(store, verdicts):
        from .claims import set_verdicts as run

        return run(store, verdicts)

    def set_guideline(store, key, by_lang):
        from .guidelines import set_guideline as run

        return run(store, key, by_lang)

    def reset_guidelines(store, key=None):
        from .guidelines import reset_guidelines as run

        return run(store, key)

    return ProjectApi(open_project=open_project, open_store=open_store, import_paths=import_paths,
                      export_paths=export_paths, mapping=mapping, import_formats=IMPORT_FORMATS,
                      # The dataset folder (with its card) is a command-line export for now: the window's
                      # export dialog has no words or folder choice for it yet.
                      export_formats=tuple(f for f in EXPORT_FORMATS if f != "dataset"), write_report=write_report,
                      set_verdicts=set_verdicts, suggest=suggest, team=team_api(),
                      set_guideline=set_guideline, reset_guidelines=reset_guidelines)


def team_api():
    """Team projects for the window; the team package loads when first used."""
    from ..ui.api import TeamApi

    def info(store):
        from ..store import TeamStore

        return TeamStore(store).state()

    def sync(db, *, progress=None, cancel=None, stage=None):
        from .team import sync as run

        store = Store.open(db)
        try:
            return run(store, interactive=False, progress=progress, cancel=cancel, stage=stage)
        finally:
            store.close()

    def status(store):
        from .team import status as run

        return run(store)

    def assign(store, annotator, doc_ids, *, role="annotate", remove=False):
        from .team import assign as run

        return run(store, annotator, doc_ids, role=role, remove=remove)

    def assignments(store, annotator=None, role=None):
        from .team import assignments as run

        return run(store, annotator, role)

    def arrivals(store, limit=200):
        from ..store import TeamStore

        return TeamStore(store).arrivals(limit)

    return TeamApi(info=info, sync=sync, status=status, assign=assign, assignments=assignments, arrivals=arrivals)
