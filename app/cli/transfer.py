"""``qawl import`` and ``qawl export``: articles and annotations in and out, in Qawl's format and other tools'."""

from __future__ import annotations

from ..core.model import STATUSES
from ..operations import EXPORT_FORMATS, FOLDER_FORMATS, IMPORT_FORMATS
from .common import EXIT_OK, Progress, db_option, mapping, mapping_options, open_project


def add_parsers(sub) -> None:
    p = sub.add_parser(
        "import", help="bring articles (and annotations) into the project",
        description="Import .txt articles (a sibling NAME.json supplies title, url, date ...), folders of them, "
                    "and JSONL files (one document per line: 'text', optional 'id'/'doc_id', 'meta', and "
                    "annotations in Qawl's export format, so an export can be imported back). All or nothing: "
                    "any problem is reported with file, line and field, and nothing is imported.")
    db_option(p)
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".txt, .jsonl files or folders; or other tools' files (see --format)")
    p.add_argument("--format", default="auto", choices=IMPORT_FORMATS,
                   help="auto (default) tells Qawl's own files from doccano JSONL, Label Studio JSON, Prodigy JSONL "
                        "and brat standoff (.txt + .ann)")
    mapping_options(p)
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
    annotator_map_option(p, "the file's annotator FROM becomes our annotator TO (Label Studio names people by user "
                            "id: 1=ali or user-1=ali; or their e-mail)")
    p.set_defaults(handler=run_import)

    p = sub.add_parser(
        "export", help="write the labelled dataset",
        description="Export the project. Format 'jsonl' (qawl-export/1): one line per document per annotator, "
                    "with text, spans, relations, speaker entities and canonical claims; documents nobody has annotated "
                    "yet are exported too (annotator null, status todo) unless --annotated-only. Format 'quotes': "
                    "one line per quote with its type, speaker, cue and date. Format 'claims': one line per claim "
                    "with its claimant, date, check-worthiness, verdict, fact-check URL and canonical claim. Format "
                    "'claimreview': schema.org ClaimReview JSON-LD (a JSON array) for the claims with a verdict. Existing files are overwritten only "
                    "if they are Qawl exports; the file is replaced atomically when the export is complete. "
                    "Other tools' formats export only what an annotator did as their work: a document an annotator "
                    "never worked on goes out as an unannotated task (or is left out with --annotated-only), "
                    "never as an accepted empty answer; suggestions go out as predictions, never as anyone's work. "
                    "Format 'dataset' writes a folder that Hugging Face datasets and pandas load, with a dataset "
                    "card (README.md).")
    db_option(p)
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help=f"where to write: a FOLDER for {', '.join(FOLDER_FORMATS)} (always, whatever the number of "
                        f"annotators: one file per annotator, or tasks + labeling config, or .txt/.ann pairs), a "
                        f"FILE for the others (jsonl, quotes, claims, claimreview, prodigy)")
    p.add_argument("--format", choices=EXPORT_FORMATS,
                   default="jsonl", help="default: jsonl (Qawl's own); or another tool's format")
    mapping_options(p)
    p.add_argument("--annotator", metavar="NAME", help="only this annotator's layers")
    p.add_argument("--status", action="append", choices=STATUSES, metavar="STATUS",
                   help=f"only layers with this status ({', '.join(STATUSES)}); repeatable")
    p.add_argument("--annotated-only", action="store_true", help="leave out documents nobody has annotated")
    p.add_argument("--include-suggestions", action="store_true",
                   help="also export the layer of unreviewed suggestions (annotator 'suggestions'; Label Studio "
                        "predictions, unanswered Prodigy tasks)")
    annotator_map_option(p, "our annotator FROM is written as TO (for Label Studio: a member's e-mail or user id, "
                            "written as completed_by; without it Label Studio gives the annotations to the "
                            "importing user)")
    p.add_argument("--doccano-form", choices=("auto", "label", "entities"), default="auto",
                   help="doccano: entities/relations (for a project with relation labeling; auto when the schema "
                        "has relation types) or label: [[start, end, LABEL]] (a project without relations)")
    p.add_argument("--split", metavar="TRAIN,DEV,TEST",
                   help="dataset: split by document, e.g. 80,10,10 (default: one 'train' split)")
    p.add_argument("--seed", type=int, default=13, help="dataset: seed of the split by document (default 13)")
    p.set_defaults(handler=run_export)


def annotator_map_option(p, what: str) -> None:
    p.add_argument("--annotator-map", action="append", default=[], metavar="FROM=TO|FILE",
                   help=f"rename annotators: {what}; repeatable, or a file of FROM=TO lines or a JSON object")


def run_import(args) -> int:
    from ..operations.transfer import annotator_map_from_options, import_paths

    label_mapping = mapping(args)
    people = annotator_map_from_options(args.annotator_map)
    store = open_project(args)
    try:
        progress = Progress("Importing")
        report = import_paths(store, args.paths, args.format, mapping=label_mapping, add_labels=args.add_labels,
                              offset_unit=args.offset_unit, annotator=args.annotator, replace=args.replace,
                              skip_invalid=args.skip_invalid, progress=progress, annotator_map=people)
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


def run_export(args) -> int:
    from ..operations.transfer import annotator_map_from_options, export_paths

    label_mapping = mapping(args)
    people = annotator_map_from_options(args.annotator_map)
    options: dict = {}
    if people:
        options["annotator_map"] = people
    if args.format == "dataset":
        options.update(split=args.split, seed=args.seed)
    if args.format == "doccano" and args.doccano_form != "auto":
        options["form"] = args.doccano_form
    store = open_project(args)
    notes: list[str] = []
    try:
        progress = Progress("Exporting")
        if args.format in ("claims", "claimreview"):
            from ..core.errors import QawlError
            from ..operations.claims import export_claims

            if label_mapping is not None and (label_mapping.labels or label_mapping.relations):
                raise QawlError("a label mapping applies to other tools' formats, not to claim exports",
                                field="--map")
            written, notes = export_claims(store, args.output, args.format, annotator=args.annotator,
                                           statuses=args.status, include_suggestions=args.include_suggestions,
                                           progress=progress)
            progress.done()
            return _said_claims(args, written, notes)
        written = export_paths(store, args.output, args.format, mapping=label_mapping, annotator=args.annotator,
                               statuses=args.status, include_unannotated=not args.annotated_only,
                               include_suggestions=args.include_suggestions, progress=progress, options=options,
                               notes=notes)
        progress.done()
        pending = {} if args.include_suggestions else store.stats()["suggestions_by_label"]
    finally:
        store.close()
    if args.format in ("jsonl", "quotes"):
        n = sum(1 for _ in open(written[0], "rb"))
        print(f"Wrote {n} {'quotes' if args.format == 'quotes' else 'lines'} to {args.output}.")
    else:
        print(f"Wrote {len(written)} file(s) in {args.format} format: " + ", ".join(str(p) for p in written[:5])
              + (" ..." if len(written) > 5 else ""))
    for note in notes:
        print(f"  note: {note}")
    waiting = pending.get("QUOTE", 0) if args.format == "quotes" else sum(pending.values())
    if waiting:
        what = "suggested quotes" if args.format == "quotes" else "suggested annotations"
        print(f"  note: {waiting} {what} nobody has accepted yet were not exported (they are nobody's work until "
              f"accepted); accept them in the window, or add --include-suggestions to export them as annotator "
              f"'suggestions'")
    return EXIT_OK


def _said_claims(args, written, notes: list[str]) -> int:
    import orjson

    if args.format == "claims":
        n = sum(1 for _ in open(written[0], "rb"))
        print(f"Wrote {n} claims to {written[0]}.")
    else:
        n = len(orjson.loads(written[0].read_bytes()))
        print(f"Wrote {n} claim reviews (ClaimReview JSON-LD) to {written[0]}.")
    for note in notes[:20]:
        print(f"  note: {note}")
    if len(notes) > 20:
        print(f"  ... and {len(notes) - 20} more notes")
    return EXIT_OK
