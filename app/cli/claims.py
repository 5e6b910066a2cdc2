"""``qawl claims``: the project's claim registry and verdict list from the command line.

'qawl claims list [--json]' prints the canonical claims with their verdict, fact-check URL and number of mentions;
'qawl claims verdicts' prints the project's verdict list and 'qawl claims verdicts --set V1 V2 ...' replaces it
(a verdict still used by a claim cannot be left out: the error says which and how often, and nothing changes).
"""

from __future__ import annotations

import sys

import orjson

from .common import EXIT_OK, db_option, open_project


def add_parser(sub) -> None:
    p = sub.add_parser("claims", help="the claim registry and the project's verdict list",
                       description=__doc__.split("\n\n", 1)[1])
    db_option(p)
    what = p.add_subparsers(dest="claims_command", metavar="WHAT", required=True)
    listing = what.add_parser("list", help="canonical claims with verdict, fact-check URL and mentions")
    db_option(listing)
    listing.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    listing.set_defaults(handler=run_list)
    verdicts = what.add_parser("verdicts", help="print, or with --set replace, the project's verdict list")
    db_option(verdicts)
    verdicts.add_argument("--set", nargs="+", metavar="VERDICT", dest="values",
                          help="the new list, in order (quote verdicts of several words: \"mostly true\")")
    verdicts.set_defaults(handler=run_verdicts)


def run_list(args) -> int:
    store = open_project(args)
    try:
        claims = store.claims()
        counts = store.claim_mention_counts()
    finally:
        store.close()
    if args.json:
        for claim in claims.values():
            sys.stdout.write(orjson.dumps({"id": claim.id, "text": claim.text, "verdict": claim.verdict,
                                           "factcheck": claim.factcheck, "note": claim.note, "source": claim.source,
                                           "mentions": counts.get(claim.id, 0)}).decode() + "\n")
        return EXIT_OK
    if not claims:
        print("No canonical claims yet (link a claim span to the registry in the window: G).")
        return EXIT_OK
    for claim in claims.values():
        print(f"{claim.id}  {claim.verdict or '(no verdict)'}  {counts.get(claim.id, 0)} mention(s)  "
              f"{claim.text}" + (f"\n    {claim.factcheck}" if claim.factcheck else ""))
    return EXIT_OK


def run_verdicts(args) -> int:
    from ..operations.claims import set_verdicts

    store = open_project(args)
    try:
        if args.values:
            values = set_verdicts(store, args.values)
            print("Verdicts set: " + ", ".join(values))
        else:
            label = store.schema.label("CLAIM")
            attr = label.attr("verdict") if label else None
            print(", ".join(attr.choices) if attr else "This project's schema has no claim verdicts.")
    finally:
        store.close()
    return EXIT_OK
