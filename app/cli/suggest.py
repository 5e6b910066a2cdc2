"""``qawl suggest``: pre-annotate documents for annotators to accept or reject.

Two modes. ``qawl suggest [--db PATH] [--doc ID]... [--learn]`` fills the project's suggestion layer (annotator
``suggestions``; nobody's work until accepted, and what someone has accepted or rejected is never brought back).
With ``--learn`` the speaker model first learns from the project's gold and finished layers and from the
decisions made on suggestions, and is kept in the project for later runs.
``qawl suggest FILE... -o OUT.jsonl`` reads .txt / JSONL input and writes the suggestions in the export format
(annotator ``suggestions``) without touching any project, for pipelines.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from ..core.errors import QawlError
from .common import report_stream, say


def add_parser(sub) -> None:
    p = sub.add_parser(
        "suggest", help="pre-annotate quotes, cues, speakers, dates and check-worthy claims for annotators to accept "
                        "or reject",
        description=__doc__.split("\n\n", 1)[1])
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="project file (without FILES)")
    p.add_argument("files", nargs="*", metavar="FILE", help=".txt / .jsonl input (then -o is required)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="with FILES: where to write the suggestions")
    p.add_argument("--doc", action="append", metavar="ID", help="only these documents of the project")
    p.add_argument("--learn", action="store_true",
                   help="first retrain who-said-it from the project's gold and finished layers and decisions")
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                   help="processes to use (default: 2 or the number of CPUs)")
    p.set_defaults(handler=run)


def _docs_of_files(paths: list[str]):
    from ..core.sources import read_sources

    records = read_sources(paths)
    seen, docs, entities = set(), [], {}
    for rec in records:
        if rec.document.id not in seen:
            seen.add(rec.document.id)
            docs.append(rec.document)
        entities.update({e.id: e for e in rec.entities})
    return docs, list(entities.values())


def run(args) -> int:
    from .common import Progress
    from ..core.suggest import export_line, suggest_many

    started = time.perf_counter()
    if args.files:
        if not args.output:
            raise QawlError("with input files, say where the suggestions go: -o OUT.jsonl", field="-o")
        import orjson

        from ..operations.writing import write_lines

        docs, registry = _docs_of_files(args.files)
        from ..operations.suggesting import with_claim_suggestions

        results = [with_claim_suggestions(doc, sug)
                   for doc, sug in zip(docs, suggest_many(docs, registry, workers=max(1, args.workers)))]
        lines = (orjson.dumps(export_line(doc, sug, registry)) for doc, sug in zip(docs, results))
        n = write_lines(args.output if args.output == "-" else Path(args.output), lines)
        spans = sum(len(s.layer.spans) for s in results)
        say(f"Wrote suggestions for {n} documents ({spans} spans) to {args.output} "
            f"in {time.perf_counter() - started:.1f} s.", file=report_stream(args.output))
        return 0
    if args.output:
        raise QawlError("-o goes with input files; without files the suggestions go into the project", field="-o")
    from ..operations.suggesting import suggest_project
    from .common import open_project

    store = open_project(args)
    try:
        progress = Progress("Suggesting")
        report = suggest_project(store, args.doc, workers=max(1, args.workers), learn=args.learn,
                                 progress=progress)
        progress.done()
    finally:
        store.close()
    if report.learned is not None:
        say(learned_line(report.learned, report.model))
    say(f"Suggested {report.added} spans in {report.documents} documents ({report.kept} already decided kept as "
          f"they were) in {time.perf_counter() - started:.1f} s; speakers chosen by {report.model}.")
    return 0


def learned_line(learned: dict, model: str) -> str:
    """What learning found, in one line."""
    cv = learned.get("cross_validated") or {}
    figures = ", ".join(f"{k} {v:.3f}" for k, v in cv.items() if k not in ("folds", "wins", "losses"))
    if "wins" in cv:
        figures += f" (the model alone right {cv['wins']}, the base alone right {cv['losses']})"
    ends = learned.get("ends") or {}
    end_cv = ends.get("cross_validated") or {}
    where = (f" Where content ends: {ends.get('examples', 0)} choices, the learned ends alone right "
             f"{end_cv.get('wins', 0)}, the base alone right {end_cv.get('losses', 0)}; kept the "
             f"{'learned ends' if ends.get('kept') == 'model' else 'ends of ' + str(ends.get('kept'))}."
             if ends else "")
    return (f"Learned from {learned.get('documents', 0)} annotated documents ({learned.get('quotes', 0)} quotes, "
            f"{learned.get('examples', 0)} speaker choices): cross-validated {figures or 'nothing to compare'}; "
            f"kept {model}.{where}")
