"""The ``qawl`` command line: start the app, import, export, statistics (and the commands of later features).

Every command takes ``--db PATH`` (or the ``QAWL_DB`` environment variable) to choose the project file; without
either, the default project in the user data directory is used. Errors are printed as
``qawl: FILE:LINE: FIELD: what is wrong`` with exit status 1 (2 for usage errors), and change nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Callable, Sequence

import orjson

from . import __version__
from .core.errors import Cancelled, QawlError
from .core.model import STATUSES

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


def _db_option(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Subcommands must not reset a --db given before the command (argparse copies sub-parser defaults over).
    parser.add_argument("--db", metavar="PATH", default=None if top else argparse.SUPPRESS,
                        help="project file (default: $QAWL_DB, else qawl.db in the user data directory)")


def _mapping_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--map", action="append", default=[], metavar="FROM=TO",
                        help="label mapping for other tools' formats: their label FROM is our TO (on export the "
                             "other way); 'rel:FROM=TO' for relation types; 'FROM=' leaves a label out; repeatable")
    parser.add_argument("--mapping", metavar="FILE|parc",
                        help="a mapping file (FROM=TO lines, or JSON {\"labels\": {...}, \"relations\": {...}}), "
                             "or 'parc' for Source/Cue/Content")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qawl",
        description="Qawl (قول): annotate quotes, claims, speakers, cues and dates in Arabic news articles, "
                    "review teammates' annotations and export labelled JSONL datasets. "
                    "Run without a command to start the annotation window.",
        epilog="Run 'qawl COMMAND --help' for the options of a command.")
    parser.add_argument("--version", action="version", version=f"qawl {__version__}")
    _db_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="start the annotation window (the default when no command is given)",
                       description="Start the annotation window on the project.")
    _db_option(p)
    p.add_argument("--doc", metavar="ID", help="open this document first")
    p.add_argument("--annotator", metavar="NAME", help="annotate as NAME (asked once otherwise)")
    p.add_argument("--lang", choices=("ar", "en"), help="user-interface language (default: the system's)")

    p = sub.add_parser(
        "import", help="bring articles (and annotations) into the project",
        description="Import .txt articles (a sibling NAME.json supplies title, url, date ...), folders of them, "
                    "and JSONL files (one document per line: 'text', optional 'id'/'doc_id', 'meta', and "
                    "annotations in Qawl's export format, so an export can be imported back). All or nothing: "
                    "any problem is reported with file, line and field, and nothing is imported.")
    _db_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".txt, .jsonl files or folders; or other tools' files (see --format)")
    p.add_argument("--format", default="auto", choices=("auto", "qawl", "doccano", "labelstudio", "prodigy", "brat"),
                   help="auto (default) tells Qawl's own files from doccano JSONL, Label Studio JSON, Prodigy JSONL "
                        "and brat standoff (.txt + .ann)")
    _mapping_options(p)
    p.add_argument("--add-labels", action="store_true",
                   help="add a file's own labels that the project schema lacks (instead of refusing them)")
    p.add_argument("--offset-unit", default="auto", choices=("auto", "codepoint", "utf16", "grapheme"),
                   help="what other tools' offsets count (default: proven from the file; doccano counts UTF-16)")
    p.add_argument("--annotator", metavar="NAME",
                   help="annotator for JSONL lines that have annotations but no 'annotator' field")
    p.add_argument("--replace", action="store_true",
                   help="replace an annotator's existing layer of a document when the file has different "
                        "annotations (default: refuse)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="skip (wholly) each document line that has a problem and import the rest, reporting what "
                        "was skipped and why (for teammates' files; default: import nothing if anything is wrong)")

    p = sub.add_parser(
        "export", help="write the labelled dataset",
        description="Export the project. Format 'jsonl' (qawl-export/1): one line per document per annotator, "
                    "with text, spans, relations and speaker entities; documents nobody has annotated yet are "
                    "exported too (annotator null, status todo) unless --annotated-only. Format 'quotes': one "
                    "line per quote with its type, speaker, cue and date. Existing files are overwritten only "
                    "if they are Qawl exports; the file is replaced atomically when the export is complete.")
    _db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="file to write (a folder for formats that write several files, e.g. brat)")
    p.add_argument("--format", choices=("jsonl", "quotes", "doccano", "labelstudio", "prodigy", "brat"),
                   default="jsonl", help="default: jsonl (Qawl's own); or another tool's format")
    _mapping_options(p)
    p.add_argument("--annotator", metavar="NAME", help="only this annotator's layers")
    p.add_argument("--status", action="append", choices=STATUSES, metavar="STATUS",
                   help=f"only layers with this status ({', '.join(STATUSES)}); repeatable")
    p.add_argument("--annotated-only", action="store_true", help="leave out documents nobody has annotated")
    p.add_argument("--include-suggestions", action="store_true",
                   help="also export the layer of unreviewed suggestions")

    p = sub.add_parser("stats", help="documents and annotations per label, annotator and status",
                       description="Print counts of documents and annotations per label, annotator and status.")
    _db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("bench", help="run a benchmark (figures printed beside floors measured in the same run)",
                       description="Run a benchmark: " + ", ".join(f"{k} ({v})" for k, v in BENCHMARKS.items())
                       + ". Options after the name go to the benchmark (try 'qawl bench store --help').")
    p.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark")
    p.add_argument("args", nargs=argparse.REMAINDER, help="options for the benchmark")

    from .agree_cli import add_parser as add_agree
    from .suggest_cli import add_parser as add_suggest

    add_suggest(sub)
    add_agree(sub)
    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


# name -> (module in app.bench, what it measures)
BENCHMARKS = {
    "store": "import of 10,000 articles and export of 1,000,000 spans",
    "agree": "agreement report over 1,000 documents by two annotators",
    "formats": "import and export in the other tools' formats",
    "ui": "the annotation window: open, label, a 1 MB article, start-up, review, suggestions",
    "suggest": "suggestions for a 5,000-word article and for 10,000 articles",
    "suggest-eval": "suggestion quality: dates on TimeML (vs dateparser), quotes on quote-gold-dev",
}
_BENCH_MODULES = {"store": "store_speed", "agree": "agree_speed", "formats": "formats_speed", "ui": "ui_speed",
                  "suggest": "suggest_speed", "suggest-eval": "suggest_eval"}


def cmd_bench(args) -> int:
    import importlib

    module = importlib.import_module(f"app.bench.{_BENCH_MODULES[args.name]}")
    return module.main(args.args)


# Later features add their subcommands here (name -> register(subparsers)); their handlers set args.handler.
_EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def _open(args):
    from .project import open_project

    return open_project(getattr(args, "db", None))


def _mapping(args):
    from .operations import mapping_from_options

    preset = args.mapping if args.mapping == "parc" else None
    file = args.mapping if args.mapping and args.mapping != "parc" else None
    return mapping_from_options(args.map, file, preset)


def cmd_import(args) -> int:
    from .operations import import_paths

    mapping = _mapping(args)
    store = _open(args)
    try:
        progress = Progress("Importing")
        report = import_paths(store, args.paths, args.format, mapping=mapping, add_labels=args.add_labels,
                              offset_unit=args.offset_unit, annotator=args.annotator, replace=args.replace,
                              skip_invalid=args.skip_invalid, progress=progress)
        progress.done()
    finally:
        store.close()
    summary = report.summary
    print(f"Imported {summary.describe()} ({report.format}).")
    for theirs, ours in list(summary.remapped_ids.items())[:10]:
        print(f"  {theirs!r} has the same text as {ours!r}: its annotations were added to {ours!r}")
    for note in report.notes:
        print(f"  note: {note}")
    for reason in summary.skipped:
        print(f"  skipped: {reason}")
    return EXIT_OK


def cmd_export(args) -> int:
    from .operations import export_paths

    mapping = _mapping(args)
    store = _open(args)
    try:
        progress = Progress("Exporting")
        written = export_paths(store, args.output, args.format, mapping=mapping, annotator=args.annotator,
                               statuses=args.status, include_unannotated=not args.annotated_only,
                               include_suggestions=args.include_suggestions, progress=progress)
        progress.done()
    finally:
        store.close()
    if args.format in ("jsonl", "quotes"):
        n = sum(1 for _ in open(written[0], "rb"))
        print(f"Wrote {n} {'quotes' if args.format == 'quotes' else 'lines'} to {args.output}.")
    else:
        print(f"Wrote {len(written)} file(s) in {args.format} format: " + ", ".join(str(p) for p in written[:5])
              + (" ..." if len(written) > 5 else ""))
    return EXIT_OK


def cmd_stats(args) -> int:
    store = _open(args)
    try:
        stats = store.stats()
        where = str(store.path) if store.path else ":memory:"
    finally:
        store.close()
    if args.json:
        sys.stdout.write(orjson.dumps({"project": where, **stats}, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    out = [f"Project   {where}",
           f"Documents {stats['documents']} ({stats['characters']:,} characters; "
           f"{stats['documents_not_started']} not started by anyone)",
           f"Speakers  {stats['speakers']} in the registry"]

    def table(title: str, rows: dict) -> None:
        out.append(f"\n{title}")
        if not rows:
            out.append("  (none)")
        width = max((len(str(k)) for k in rows), default=0)
        for k, v in rows.items():
            out.append(f"  {str(k):<{width}}  {v:>8}")

    table("Annotations per label", stats["spans_by_label"])
    if stats.get("suggestions_by_label"):
        table("Suggestions not yet reviewed, per label", stats["suggestions_by_label"])
    table("Relations per type", stats["relations_by_type"])
    table("Annotations per annotator", stats["spans_by_annotator"])
    table("Annotations per origin", stats["spans_by_origin"])
    out.append("\nDocuments per annotator and status")
    if not stats["layers_by_annotator_status"]:
        out.append("  (none)")
    for row in stats["layers_by_annotator_status"]:
        out.append(f"  {row['annotator']:<20} {row['status']:<12} {row['documents']:>8}")
    print("\n".join(out))
    return EXIT_OK


def cmd_gui(args) -> int:
    from .project import gui_api
    from .ui.main import run_gui

    return run_gui(gui_api(), db=getattr(args, "db", None), doc=getattr(args, "doc", None),
                   annotator=getattr(args, "annotator", None), lang=getattr(args, "lang", None))


HANDLERS = {"import": cmd_import, "export": cmd_export, "stats": cmd_stats, "gui": cmd_gui, "bench": cmd_bench,
            None: cmd_gui}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None) or HANDLERS.get(args.command)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
