"""``qawl bench NAME``: benchmarks and evaluations, each figure printed beside a floor measured in the same run."""

from __future__ import annotations

import argparse
import importlib
import sys

from ..core.errors import QawlError

# name -> (module in app.bench, what it measures)
BENCHMARKS = {
    "store": ("store_speed", "import of 10,000 articles and export of 1,000,000 spans"),
    "agree": ("agree_speed", "agreement report over 1,000 documents by two annotators"),
    "formats": ("formats_speed", "import and export in the other tools' formats"),
    "ui": ("ui_speed", "the annotation window: open, label, a 1 MB article, start-up, review, suggestions"),
    "suggest": ("suggest_speed", "suggestions for a 5,000-word article and for 10,000 articles"),
    "suggest-eval": ("suggest_eval", "suggestion quality: dates on TimeML (vs dateparser), quotes on hand gold"),
    "suggest-learn": ("suggest_learn", "the speaker model's learning curve on a held-out gold (vs the rules)"),
    "gold-agree": ("gold_agree", "two independent annotations of the same articles, beside the engine on them"),
    "claims-eval": ("claims_eval", "check-worthiness suggestions on the claims gold (dev; blind once)"),
    "soak": ("soak", "one project, many processes killed at random: edits committed, kills, losses (must be 0)"),
    "team": ("team_speed", "team projects over git: join, incremental sync, repository size, beside plain git"),
}


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="run a benchmark (figures printed beside floors measured in the same run)",
                       description="Run a benchmark: " + ", ".join(f"{k} ({v[1]})" for k, v in BENCHMARKS.items())
                       + ". Options after the name go to the benchmark (try 'qawl bench store --help').")
    p.add_argument("name", choices=sorted(BENCHMARKS), help="which benchmark")
    p.add_argument("args", nargs=argparse.REMAINDER, help="options for the benchmark")
    p.set_defaults(handler=run)


def run(args) -> int:
    if getattr(sys, "frozen", False):
        raise QawlError("the benchmarks run from a source checkout (README: how to measure), not from the "
                        "standalone bundle")
    module = importlib.import_module(f"app.bench.{BENCHMARKS[args.name][0]}")
    return module.main(args.args)
