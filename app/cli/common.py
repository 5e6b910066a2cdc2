"""What every ``qawl`` command shares: exit codes, the ``--db`` and label-mapping options, progress on stderr,
opening the chosen project."""

from __future__ import annotations

import argparse
import re
import sys
import time

# Exit status, the same for every command and format: 0 done; 1 nothing was done (the message says why; the project
# is as it was; a bug in Qawl says "unexpected error" and where its details were logged); 2 the command line is
# wrong; 3 done in part: --skip-invalid left out documents (listed); 130 interrupted.
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_BUG = EXIT_ERROR

# What a terminal would act on instead of showing: C0/C1 controls (escape sequences clear screens, retitle windows,
# fake prompts) and the bidi embeddings/overrides/isolates that reorder a line. Names, ids and file names come from
# other people's files: they are printed with these spelled out.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with terminal controls spelled out (``\\x1b``); line breaks, tabs and every script kept."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def report_stream(output: str | None):
    """Where to say what was written: stderr when the data itself goes to our standard output (``-o -``,
    ``-o /dev/stdout``), so that the data stream stays exactly the export."""
    if output is None:
        return sys.stdout
    if output == "-":
        return sys.stderr
    try:
        import os

        here, out = os.stat(output), os.fstat(sys.stdout.fileno())
        if (here.st_dev, here.st_ino) == (out.st_dev, out.st_ino):
            return sys.stderr
    except (OSError, ValueError, AttributeError):
        pass
    return sys.stdout


def say(text: object = "", file=None) -> None:
    """Print a line for people (never data: exports to standard output are written as they are)."""
    print(visible(str(text)), file=file or sys.stdout)


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


def open_project(args, *, create: bool = False):
    """The chosen project. Only ``qawl import`` creates one (``create``) — and the app its default project: a
    mistyped ``--db`` must not silently become an empty project."""
    from ..operations.project import open_project as open_

    return open_(getattr(args, "db", None), create=True if create else None)


def mapping(args):
    from ..operations.transfer import mapping_from_options

    preset = args.mapping if args.mapping == "parc" else None
    file = args.mapping if args.mapping and args.mapping != "parc" else None
    return mapping_from_options(args.map, file, preset)
