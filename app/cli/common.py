"""What every ``qawl`` command shares: exit codes, the ``--db`` and label-mapping options, progress on stderr,
opening the chosen project."""

from __future__ import annotations

import argparse
import sys
import time

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class Progress:
    """Progress on stderr for long operations: a live line on a terminal, an occasional line otherwise;
    nothing at all for work that finishes within a second."""

    def __init__(self, what: str, stream=None) -> None:
        self.what = what
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.last = float("-inf")
        self.shown = False
        self.tty = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < 1.0 or now - self.last < (0.1 if self.tty else 5.0):
            return
        self.last = now
        pct = f" ({100 * done // total}%)" if total else ""
        msg = f"{self.what}: {done}/{total}{pct}"
        self.stream.write(f"\r{msg}\x1b[K" if self.tty else msg + "\n")
        self.stream.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown and self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Subcommands must not reset a --db given before the command (argparse copies sub-parser defaults over).
    parser.add_argument("--db", metavar="PATH", default=None if top else argparse.SUPPRESS,
                        help="project file (default: $QAWL_DB, else qawl.db in the user data directory)")


def mapping_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--map", action="append", default=[], metavar="FROM=TO",
                        help="label mapping for other tools' formats: their label FROM is our TO (on export the "
                             "other way); 'rel:FROM=TO' for relation types; 'FROM=' leaves a label out; repeatable")
    parser.add_argument("--mapping", metavar="FILE|parc",
                        help="a mapping file (FROM=TO lines, or JSON {\"labels\": {...}, \"relations\": {...}}), "
                             "or 'parc' for Source/Cue/Content")


def open_project(args):
    from ..operations.project import open_project as open_

    return open_(getattr(args, "db", None))


def mapping(args):
    from ..operations.transfer import mapping_from_options

    preset = args.mapping if args.mapping == "parc" else None
    file = args.mapping if args.mapping and args.mapping != "parc" else None
    return mapping_from_options(args.map, file, preset)
