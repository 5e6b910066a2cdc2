"""``qawl guidelines``: the project's per-label guidelines (kept in its label schema) from the command line.

'qawl guidelines' prints them (--lang ar in Arabic; --json: the schema's guidelines object, the form --set reads);
'qawl guidelines --set FILE' replaces them from such a file or from a whole label schema (a team's schema.json),
all or nothing; 'qawl guidelines --reset [LABEL]' brings back the default ones (of one label, or of all).
"""

from __future__ import annotations

import sys

import orjson

from .common import EXIT_OK, db_option, open_project, say


def add_parser(sub) -> None:
    p = sub.add_parser("guidelines", help="print, replace or reset the project's per-label guidelines",
                       description=__doc__.split("\n\n", 1)[1])
    db_option(p)
    p.add_argument("--lang", default="en", metavar="LANG", help="the language to print them in (en, ar; default en)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--json", action="store_true", help="print the guidelines object (JSON) instead of text")
    what.add_argument("--set", metavar="FILE", dest="set_file",
                      help="replace every guideline with those of FILE (JSON: a guidelines object or a label schema)")
    what.add_argument("--reset", nargs="?", const="", metavar="LABEL",
                      help="the default guidelines again, of LABEL (e.g. QUOTE or QUOTE.type=direct) or of all")
    p.set_defaults(handler=run_guidelines)


def run_guidelines(args) -> int:
    from ..operations import guidelines as ops

    if args.set_file:
        guides = ops.read_guidelines_file(args.set_file)  # before the project is opened: a bad file changes nothing
    store = open_project(args)
    try:
        if args.set_file:
            schema = ops.replace_guidelines(store, guides, args.set_file)
            say(f"Guidelines set from {args.set_file}: {len(schema.guidelines.targets())} label(s) and value(s), "
                f"schema {schema.name} version {schema.version}")
        elif args.reset is not None:
            schema = ops.reset_guidelines(store, args.reset or None)
            say(f"Default guidelines restored{' for ' + args.reset if args.reset else ''} "
                f"(schema {schema.name} version {schema.version})")
        elif args.json:
            sys.stdout.write(orjson.dumps(store.schema.guidelines.to_dict(),
                                          option=orjson.OPT_INDENT_2).decode() + "\n")
        else:
            text = ops.guidelines_text(store.schema, args.lang)
            sys.stdout.write(text or "This project's schema has no guidelines (qawl guidelines --reset).\n")
    finally:
        store.close()
    return EXIT_OK
