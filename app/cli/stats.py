"""``qawl stats``: documents, annotations per label, annotator, origin and status."""

from __future__ import annotations

import sys

import orjson

from .common import EXIT_OK, db_option, open_project, say


def add_parser(sub) -> None:
    p = sub.add_parser("stats", help="documents and annotations per label, annotator and status",
                       description="Print counts of documents and annotations per label, annotator and status, "
                                   "and of claims per verdict and check-worthiness.")
    db_option(p)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(handler=run)


def progress_lines(p: dict) -> list[str]:
    """The project overview's figures (the window shows the same: View ▸ Project overview)."""
    out = ["\nProgress per annotator (documents never opened count as to do)"]
    if not p["documents_by_annotator"]:
        out.append("  (none)")
    for who, counts in p["documents_by_annotator"].items():
        out.append(f"  {who:<20} done {counts['done']:>8}  in progress {counts['in_progress']:>8}  "
                   f"to do {counts['todo']:>8}")
    out.append("\nAnnotations per annotator and label")
    if not p["labels_by_annotator"]:
        out.append("  (none)")
    for who, labels in p["labels_by_annotator"].items():
        out.append(f"  {who:<20} " + "  ".join(f"{label} {n}" for label, n in labels.items()))
    s = p["suggestions"]
    out.append(f"\nSuggestions {s['spans']} ({s['undecided']} not decided by anyone)")
    for who, d in s["decisions_by_annotator"].items():
        out.append(f"  {who:<20} accepted {d.get('accepted', 0):>8}  rejected {d.get('rejected', 0):>8}")
    r = p["review"]
    out.append(f"\nReview: {r['documents']} documents with two or more annotators (or gold): done {r['done']}, "
               f"in progress {r['in_progress']}, to do {r['todo']}")
    n = p["notes"]
    out.append(f"Notes: {n['on_documents']} on documents, {n['on_annotations']} on annotations, "
               f"{n['needs_discussion']} need discussion")
    return out


def run(args) -> int:
    from ..operations.claims import claim_stats

    store = open_project(args)
    try:
        stats = store.stats()
        stats["claims"] = claim_stats(store)
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
    claims = stats["claims"]
    table(f"Claims per verdict ({claims['claims']} claims, {claims['claims_linked']} linked to the registry)",
          claims["claims_by_verdict"])
    table("Claims per check-worthiness", claims["claims_by_checkworthy"])
    table(f"Canonical claims per verdict ({claims['canonical_claims']} in the registry)",
          claims["canonical_claims_by_verdict"])
    table("Relations per type", stats["relations_by_type"])
    table("Annotations per annotator", stats["spans_by_annotator"])
    table("Annotations per origin", stats["spans_by_origin"])
    out.append("\nDocuments per annotator and status")
    if not stats["layers_by_annotator_status"]:
        out.append("  (none)")
    for row in stats["layers_by_annotator_status"]:
        out.append(f"  {row['annotator']:<20} {row['status']:<12} {row['documents']:>8}")
    out.extend(progress_lines(stats["progress"]))
    say("\n".join(out))
    return EXIT_OK
