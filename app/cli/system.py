"""``qawl schema`` and ``qawl desktop``: what Qawl ships for other programs (the JSON Schema of its export, the
Linux desktop entry and icons), read from the installed package."""

from __future__ import annotations

import sys

from .common import EXIT_OK


def add_parsers(sub) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of the qawl-export/1 format (or its path)",
                       description="Print the JSON Schema that describes Qawl's JSONL export (qawl-export/1), as "
                                   "shipped with this installation, e.g. to validate exports with another tool.")
    p.add_argument("--path", action="store_true", help="print the schema file's path instead of its content")
    p.set_defaults(handler=run_schema)
    p = sub.add_parser("desktop", help="put Qawl in (or take it out of) the Linux desktop's application menu",
                       description="Write Qawl's desktop entry and icons into the user's data folder "
                                   "($XDG_DATA_HOME, usually ~/.local/share), so the application menu starts this "
                                   "Qawl; 'remove' takes them away again. Nothing outside that folder is touched.")
    p.add_argument("action", choices=("install", "remove"))
    p.set_defaults(handler=run_desktop)


def run_schema(args) -> int:
    from .. import resources

    path = resources.schema_path()
    if args.path:
        print(path)
    else:
        sys.stdout.write(path.read_text(encoding="utf-8"))
    return EXIT_OK


def run_desktop(args) -> int:
    from ..operations import desktop

    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        print("qawl: desktop entries are for Linux and BSD desktops; on Windows and macOS use the bundle "
              "(README: standalone bundle)", file=sys.stderr)
        return 1
    if args.action == "install":
        written = desktop.install()
        print(f"Qawl is in the application menu: {written[0]} (starts {' '.join(desktop.launcher())}), "
              f"icons in {written[1].parents[2]}")
    else:
        removed = desktop.remove()
        print(f"removed {len(removed)} file(s)" + (f": {removed[0]} and the icons" if removed else ""))
    return EXIT_OK
