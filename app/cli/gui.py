"""``qawl`` / ``qawl gui``: the annotation window."""

from __future__ import annotations

from .common import db_option


def add_parser(sub) -> None:
    p = sub.add_parser("gui", help="start the annotation window (the default when no command is given)",
                       description="Start the annotation window on the project.")
    db_option(p)
    p.add_argument("--doc", metavar="ID", help="open this document first")
    p.add_argument("--annotator", metavar="NAME", help="annotate as NAME (asked once otherwise)")
    p.add_argument("--lang", choices=("ar", "en"), help="user-interface language (default: the system's)")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..operations.project import gui_api
    from ..ui.main import run_gui

    return run_gui(gui_api(), db=getattr(args, "db", None), doc=getattr(args, "doc", None),
                   annotator=getattr(args, "annotator", None), lang=getattr(args, "lang", None))
