"""``qawl suggest``: pre-annotate documents for annotators to accept or reject.

Two modes. ``qawl suggest [--db PATH] [--doc ID]...`` fills the project's suggestion layer (annotator
``suggestions``; nobody's work until accepted, and what someone has accepted or rejected is never brought back).
``qawl suggest FILE... -o OUT.jsonl`` reads .txt / JSONL input and writes the suggestions in the export format
(annotator ``suggestions``) without touching any project, for pipelines.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from ..core.errors import QawlError


def add_parser(sub) -> None:
    p = sub.add_parser(
        "suggest", help="pre-annotate quotes, cues, speakers, dates and check-worthy claims for annotators to accept "
                        "or reject",
        description=__doc__.split("\n\n", 1)[1])
    p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="project file (without FILES)")
    p.add_argument("files", nargs="*", metavar="FILE", help=".txt / .jsonl input (then -o is required)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="with FILES: where to write the suggestions")
    p.add_argument("--doc", action="append", metavar="ID", help="only these documents of the project")
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


def with_claim_suggestions(doc, sug):
    """The engine's suggestions with the check-worthiness suggestions (CLAIM) in the same layer."""
    from dataclasses import replace

    from ..core.claims.suggest import with_claims

    return replace(sug, layer=with_claims(doc, sug.layer))


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
        results = [with_claim_suggestions(doc, sug)
                   for doc, sug in zip(docs, suggest_many(docs, registry, workers=max(1, args.workers)))]
        lines = (orjson.dumps(export_line(doc, sug, registry)) for doc, sug in zip(docs, results))
        n = write_lines(Path(args.output), lines)
        spans = sum(len(s.layer.spans) for s in results)
        print(f"Wrote suggestions for {n} documents ({spans} spans) to {args.output} "
              f"in {time.perf_counter() - started:.1f} s.")
        return 0
    if args.output:
        raise QawlError("-o goes with input files; without files the suggestions go into the project", field="-o")
    from .common import open_project

    store = open_project(args)
    try:
        ids = args.doc or store.document_ids()
        for doc_id in ids:
            if not store.has_document(doc_id):
                raise QawlError(f"no document {doc_id!r} in this project", field="--doc")
        docs = [store.document(i) for i in ids]
        registry = list(store.entities().values())
        progress = Progress("Suggesting")
        kept = added = 0
        chunk = 500
        with store.atomic():  # all documents or none
            for at in range(0, len(docs), chunk):
                batch = docs[at:at + chunk]
                for doc, sug in zip(batch, suggest_many(batch, registry, workers=max(1, args.workers))):
                    sug = with_claim_suggestions(doc, sug)
                    k, a = store.put_suggestions(sug.doc_id, sug.layer, sug.entities)
                    kept, added = kept + k, added + a
                progress(min(at + chunk, len(docs)), len(docs))
            store.record_event("suggest", f"Suggestions for {len(docs)} documents",
                               {"documents": len(docs), "added": added, "kept_decided": kept})
        progress.done()
        results = docs
    finally:
        store.close()
    print(f"Suggested {added} spans in {len(results)} documents ({kept} already decided kept as they were) "
          f"in {time.perf_counter() - started:.1f} s.")
    return 0
