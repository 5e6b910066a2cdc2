"""The ``qawl`` command line: one module per command group, sharing :mod:`.common`.

Every command takes ``--db PATH`` (or the ``QAWL_DB`` environment variable) to choose the project file; without
either, the default project in the user data directory is used. Errors are printed as
``qawl: FILE:LINE: FIELD: what is wrong`` with exit status 1 (2 for usage errors), and change nothing.

Modules: :mod:`.gui` (the window), :mod:`.transfer` (import, export), :mod:`.stats`, :mod:`.suggest`,
:mod:`.agree`, :mod:`.bench`, :mod:`.claims`, :mod:`.system` (schema, desktop entry). Each registers its
sub-parser with ``add_parser(s)`` and sets ``handler``; command
modules import the operations they run only when they run, so building the parser (every start) stays cheap.
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .. import __version__
from ..core.errors import Cancelled, QawlError
from . import agree, bench, claims, gui, stats, suggest, system, transfer
from .common import EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qawl",
        description="Qawl (قول): annotate quotes, claims, speakers, cues and dates in Arabic news articles, "
                    "review teammates' annotations and export labelled JSONL datasets. "
                    "Run without a command to start the annotation window.",
        epilog="Run 'qawl COMMAND --help' for the options of a command.")
    parser.add_argument("--version", action="version", version=f"qawl {__version__}")
    from .common import db_option

    db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui.add_parser(sub)
    transfer.add_parsers(sub)
    stats.add_parser(sub)
    bench.add_parser(sub)
    suggest.add_parser(sub)
    agree.add_parser(sub)
    claims.add_parser(sub)
    system.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None) or gui.run
    try:
        return handler(args)
    except QawlError as exc:
        print(f"qawl: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Cancelled:
        print("qawl: cancelled; nothing was changed", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("\nqawl: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line for the person, the traceback in the log for whoever fixes it
        from ..logfile import one_line, record_exception

        path = record_exception(sys.exc_info(), f"qawl {args.command or 'gui'}")
        where = f"; the details are in {path} (Help ▸ Report a problem, or README: reporting a problem)" \
            if path else ""
        print(f"qawl: unexpected error: {one_line(exc)}{where}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
