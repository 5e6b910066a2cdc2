"""The ``qawl`` command line: one module per command group, sharing :mod:`.common`.

Every command takes ``--db PATH`` (or the ``QAWL_DB`` environment variable) to choose the project file; without
either, the default project in the user data directory is used. Errors are printed as
``qawl: FILE:LINE: FIELD: what is wrong`` with exit status 1 (2 for usage errors), and change nothing.

Modules: :mod:`.gui` (the window), :mod:`.transfer` (import, export), :mod:`.stats`, :mod:`.suggest`,
:mod:`.agree`, :mod:`.bench`, :mod:`.claims`, :mod:`.guidelines`, :mod:`.system` (schema, desktop entry), :mod:`.team`. Each
registers its sub-parser with ``add_parser(s)`` and sets ``handler``; command modules import the operations they
run only when they run, so building the parser (every start) stays cheap.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .. import __version__
from ..core.errors import Cancelled, QawlError
from . import agree, bench, claims, gui, guidelines, stats, suggest, system, team, transfer
from .common import EXIT_BUG, EXIT_ERROR, EXIT_INTERRUPTED, say


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
    guidelines.add_parser(sub)
    system.add_parsers(sub)
    team.add_parser(sub)
    return parser


_parser: argparse.ArgumentParser | None = None


def main(argv: Sequence[str] | None = None) -> int:
    global _parser
    if _parser is None:  # built once per process (a script or a test calling main() many times)
        _parser = build_parser()
    args = _parser.parse_args(argv)
    handler = getattr(args, "handler", None) or gui.run
    # The parser is reused: take the command's function as its module has it now (a test may have replaced it).
    handler = getattr(sys.modules.get(handler.__module__), handler.__name__, handler)
    try:
        return handler(args)
    except QawlError as exc:
        say(f"qawl: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Cancelled:
        say("qawl: cancelled; nothing was changed", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        say("\nqawl: interrupted; nothing was changed", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_ERROR
    except Exception as exc:  # never a traceback: one line that says what failed
        return _unexpected(exc, args)


def _unexpected(exc: Exception, args) -> int:
    from ..store import explain

    explained = explain(exc, getattr(args, "db", None))
    if explained is not None:  # SQLite failing where the store did not expect it (a damaged page mid-read)
        say(f"qawl: {explained}", file=sys.stderr)
        return EXIT_ERROR
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"qawl: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    if isinstance(exc, MemoryError):
        say("qawl: out of memory; nothing was changed", file=sys.stderr)
        return EXIT_ERROR
    # A bug: one line for the person, the traceback in the log for whoever fixes it.
    from ..logfile import one_line, record_exception

    path = record_exception((type(exc), exc, exc.__traceback__), f"qawl {getattr(args, 'command', None) or 'gui'}")
    where = f"; the details are in {path} (Help ▸ Report a problem, or README: reporting a problem)" if path else ""
    say(f"qawl: unexpected error: {one_line(exc)[:300]}{where}", file=sys.stderr)
    if os.environ.get("QAWL_DEBUG"):
        import traceback

        traceback.print_exc()
    return EXIT_BUG


def _quiet_stdout() -> None:
    """The reader of our standard output went away (``qawl export -o - | head``): no further complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
