"""``qawl agree``: the agreement report from the command line, for the project or for teammates' files.

With FILES (Qawl JSONL exports or other tools' files) nothing is stored: documents are matched by text hash and
each file's annotators are compared. Without FILES the project's layers are compared (every annotator except
``suggestions`` and ``gold`` unless --annotators says otherwise).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.errors import QawlError
from .common import say

# The metrics are imported when the command runs: building the parser (every `qawl` start) stays cheap.


def add_parser(sub) -> None:
    p = sub.add_parser(
        "agree", help="agreement between annotators (span F1, kappa, alpha, attribution)",
        description="Agreement per label and overall, per annotator pair and across all annotators: span F1 with "
                    "exact and overlap matching, Cohen's kappa and Krippendorff's alpha on character and token "
                    "units, and attribution agreement for matched quotes (speaker, cue, date). Without FILES the "
                    "project is used; with FILES (Qawl exports or other tools' files) nothing is stored.")
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="project file (without FILES)")
    p.add_argument("files", nargs="*", metavar="FILE", help="exports to compare instead of the project")
    p.add_argument("--format", default="auto", help="format of FILES (auto, qawl, doccano, labelstudio, prodigy, "
                                                    "brat)")
    from .common import mapping_options

    mapping_options(p)
    p.add_argument("--doc", action="append", metavar="ID", help="only these documents (repeatable)")
    p.add_argument("--annotators", metavar="A,B,...", help="which annotators (default: all but suggestions and "
                                                            "gold; put gold first to score against gold)")
    p.add_argument("--labels", metavar="L,M,...", help="only these labels")
    p.add_argument("--json", action="store_true", help="print the report as JSON (qawl-agreement/1)")
    p.add_argument("--html", metavar="FILE", help="also write the report as a self-contained HTML page")
    p.set_defaults(handler=run)


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def _name_key(names: dict[str, str]):
    """Speakers compared by canonical name: teammates' registries give the same person different ids."""
    from ..core.review.matching import default_entity_key, normalise_mention

    def key(layer, span) -> str:
        name = names.get(span.entity or "")
        return f"name:{normalise_mention(name)}" if name else default_entity_key(layer, span)
    return key


def _items_from_files(args):
    from .common import mapping
    from ..core.review.agreement import group_records
    from ..operations.transfer import read_records

    _, records, _, _, _ = read_records(args.files, args.format, mapping=mapping(args))
    names = {e.id: e.name for rec in records for e in rec.entities}
    items = group_records(records)
    if args.doc:
        items = [(doc, layers) for doc, layers in items if doc.id in args.doc]
    return items, _name_key(names), f"Agreement: {', '.join(Path(f).name for f in args.files)}"


def _items_from_project(args):
    from ..core.review.matching import default_entity_key
    from .common import open_project

    store = open_project(args)
    try:
        ids = args.doc or store.document_ids()
        items = []
        for doc_id in ids:
            if not store.has_document(doc_id):
                raise QawlError(f"no document {doc_id!r} in this project", field="--doc")
            layers = store.layers(doc_id)
            if layers:
                items.append((store.document(doc_id), layers))
        title = f"Agreement: {store.path.name if store.path else 'project'}"
    finally:
        store.close()
    return items, default_entity_key, title


def _fmt(x) -> str:
    return "   —" if x is None else f"{x:5.3f}"


def render_text(data: dict) -> str:
    """A readable table of the JSON report."""
    out = [data["title"], f"{len(data['documents'])} documents; annotators: {', '.join(data['annotators'])}", ""]

    def table(comparison: dict, heading: str) -> None:
        out.append(heading)
        out.append(f"  {'label':<10} {'exact F1':>8} {'overlap F1':>10} {'κ chars':>8} {'α chars':>8} "
                   f"{'κ tokens':>8} {'α tokens':>8}")
        rows = list(comparison["labels"].items()) + [("overall", comparison["overall"])]
        for label, f in rows:
            out.append(f"  {label:<10} {_fmt(f['exact']['f1']):>8} {_fmt(f['overlap']['f1']):>10} "
                       f"{_fmt(f['char']['kappa']):>8} {_fmt(f['char']['alpha']):>8} "
                       f"{_fmt(f['token']['kappa']):>8} {_fmt(f['token']['alpha']):>8}")
        for label, fields in comparison["attribution"].items():
            parts = [f"{name} {f['agreed']}/{f['compared']}" for name, f in fields.items() if f["compared"]]
            if parts:
                out.append(f"  attribution of matched {label} pairs: " + ", ".join(parts))
        out.append("")

    table(data["all"], "All annotators (κ: mean of pairs)")
    for pair in data["pairs"]:
        table(pair, f"{pair['annotators'][0]} (reference) vs {pair['annotators'][1]}")
    return "\n".join(out)


def run(args) -> int:
    import orjson

    from ..core.review.agreement import agreement_report
    from ..core.review.report import report_to_html, report_to_json

    items, key, title = _items_from_files(args) if args.files else _items_from_project(args)
    if not items:
        raise QawlError("nothing to compare: no document has annotations" + (" in these files" if args.files else ""))
    report = agreement_report(items, annotators=_split(args.annotators), labels=_split(args.labels),
                              entity_key=key, title=title)
    data = report_to_json(report)
    if len(data["annotators"]) < 2:
        raise QawlError(f"agreement needs two annotators; found {', '.join(data['annotators']) or 'none'}")
    if args.html:
        from ..operations.writing import write_text_file

        write_text_file(Path(args.html), report_to_html(report), kind="report")
    if args.json:
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        say(render_text(data))
    return 0
