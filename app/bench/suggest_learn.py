"""The learning curve of the speaker model, and the default model shipped with Qawl.

Learning curve: the model is trained on 10, 20, 40 … annotated articles of a training pool (a seeded shuffle of the
pool's articles, the first N) and scored on a held-out gold set it never saw, beside the rules alone scored on the
same set in the same run. Each trained model keeps the rules when it does not beat them in cross-validation over
its own training articles (:func:`app.core.suggest.learn.fit`), so it should never do worse than the rules; the
table says, for every size, which was kept. Articles of the held-out set are always left out of the pool.

The default model (``--write-default``) is trained on the whole pool and written, with a description of its
training data, to ``app/core/suggest/models/default.json``.

Run: ``qawl bench suggest-learn --gold HELD_OUT [--train dev --train dev2 ...] [--sizes 10,20,40] [--seed N]``;
``qawl bench suggest-learn --write-default [--train ...]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from app.core.errors import QawlError
from app.core.suggest import RULES
from app.core.suggest.endings import RULE
from app.core.suggest.learn import (END_PRIOR, PRIOR, all_examples, cross_validated, ends_report, fit,
                                    training_report, truth_of_layer)
from app.core.suggest.learn import train as train_weights
from app.core.suggest.model import Model

from .common import NO_CORPUS, corpus_dir
from .suggest_gold import GoldDoc, load_gold, set_name
from .suggest_score import fig, score

DEFAULT_TRAIN = ("dev", "dev2", "blind", "blind2")
MODEL_FILE = Path(__file__).resolve().parents[1] / "core" / "suggest" / "models" / "default.json"


def pool(corpus: Path, train: list[str], leave_out: set[str]) -> list[GoldDoc]:
    """The training articles of the given sets, without those in ``leave_out`` (each article once)."""
    seen: set[str] = set(leave_out)
    out = []
    for spec in train:
        for g in load_gold(corpus, spec):
            if g.id not in seen:
                seen.add(g.id)
                out.append(g)
    return out


def train_on(docs: list[GoldDoc], name: str, description: str):
    return fit([truth_of_layer(g.doc, g.layer) for g in docs], name, description)


def curve(corpus: Path, held_out: str, train: list[str], sizes: list[int], seed: int) -> list[dict]:
    test = load_gold(corpus, held_out)
    docs = pool(corpus, train, {g.id for g in test})
    random.Random(seed).shuffle(docs)
    rules = score(test, RULES)
    rows = [{"articles": 0, "kept": "rules", "ends": "rules", "speaker": rules.speaker, "found": rules.attribution,
             "quote_f1": rules.overlap["QUOTE"].f1, "exact": _exact(rules), "seconds": 0.0, "rules": rules.speaker,
             "rules_exact": _exact(rules)}]
    for n in sizes:
        if n > len(docs):
            print(f"(only {len(docs)} training articles: no run with {n})", file=sys.stderr)
            continue
        started = time.perf_counter()
        model = train_on(docs[:n], f"curve-{n}", f"{n} articles of {', '.join(train)}")
        seconds = time.perf_counter() - started
        sc = score(test, model)
        rows.append({"articles": n, "kept": "model" if model.weights != RULES.weights else "rules",
                     "ends": "model" if model.extent else "rules", "speaker": sc.speaker,
                     "found": sc.attribution, "quote_f1": sc.overlap["QUOTE"].f1, "exact": _exact(sc),
                     "seconds": seconds, "rules": rules.speaker, "rules_exact": _exact(rules)})
    return rows


def _exact(sc) -> float | None:
    """The share of the found quotes whose extent is exactly the gold's (where content ends is learned too)."""
    found = sc.overlap["QUOTE"].matched
    return sc.exact["QUOTE"].matched / found if found else None


def write_default(corpus: Path, train: list[str], path: Path = MODEL_FILE, name: str = "default/20",
                  note: str = "") -> dict:
    """Train the shipped model on ``train`` and write it to ``path``. It is trained without :func:`fit`'s keep
    rule: a shipped model is kept or not by its measurement on articles it never saw (see the models README);
    the cross-validated duel on the training articles is recorded in ``trained_on``."""
    docs = pool(corpus, train, set())
    description = (f"{len(docs)} Arabic news articles annotated by hand under quote-gold-dev/GUIDELINES.md: "
                   f"{', '.join(f'{s} ({len(load_gold(corpus, s))})' for s in train)}" + (f"; {note}" if note else ""))
    truths = [truth_of_layer(g.doc, g.layer) for g in docs]
    data, unreachable, ends, ends_unreachable = all_examples(truths)
    duel = cross_validated(data, RULES.weights, PRIOR)
    about = training_report(truths, data, unreachable, RULES, duel, description,
                            "model (shipped by its blind measurement, not by the keep rule)")
    end_duel = cross_validated(ends, {RULE: 1.0}, END_PRIOR)
    about["ends"] = ends_report(ends, ends_unreachable, RULES.name, end_duel,
                                "model (shipped by its blind measurement, not by the keep rule)")
    data_json = Model(train_weights(data, PRIOR), name, about, train_weights(ends, END_PRIOR)).to_json()
    path.write_text(json.dumps(data_json, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data_json


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench suggest-learn", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the shared corpus (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--gold", help="held-out gold: dev, dev2, blind, a JSONL file or a folder of them")
    ap.add_argument("--train", action="append", help="training gold (repeatable; default: dev, dev2, blind, blind2)")
    ap.add_argument("--sizes", default="10,20,40", help="training articles per run (default 10,20,40)")
    ap.add_argument("--seed", type=int, default=14, help="seed of the shuffle of the training articles")
    ap.add_argument("--write-default", action="store_true", help=f"train on --train and write {MODEL_FILE.name}")
    ap.add_argument("--out", type=Path, default=MODEL_FILE, help="where --write-default writes (a candidate file)")
    ap.add_argument("--name", default="default/20", help="the written model's name (version)")
    ap.add_argument("--note", default="", help="a sentence added to the written model's training description")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus)
    if corpus is None:
        print(NO_CORPUS, file=sys.stderr)
        return 2
    train = args.train or list(DEFAULT_TRAIN)
    try:
        if args.write_default:
            data = write_default(corpus, train, args.out, args.name, args.note)
            print(f"wrote {args.out}: {json.dumps(data['trained_on'], ensure_ascii=False)}")
            return 0
        if not args.gold:
            print("say which gold is held out: --gold dev|dev2|blind|FILE|DIR", file=sys.stderr)
            return 2
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
        rows = curve(corpus, args.gold, [t for t in train if t != args.gold], sizes, args.seed)
    except QawlError as exc:
        print(f"qawl: {exc}", file=sys.stderr)
        return 2
    except ValueError:
        print(f"--sizes: whole numbers separated by commas, got {args.sizes!r}", file=sys.stderr)
        return 2
    print(f"speaker model learning curve: held out {set_name(args.gold)}; training pool "
          f"{', '.join(t for t in train if t != args.gold)} (seed {args.seed})")
    print(f"   {'trained on':>10}  {'kept':<6} {'speaker/gold quotes':>22} {'speaker/found':>20} {'quote F1':>8} "
          f"{'rules alone':>20} {'vs rules':>8}  {'ends':<6} {'exact':>6} {'rules':>6} {'train s':>7}")
    for r in rows:
        delta = (r["speaker"].value or 0) - (r["rules"].value or 0)
        print(f"   {r['articles']:>10}  {r['kept']:<6} {str(r['speaker']):>22} {str(r['found']):>20} "
              f"{fig(r['quote_f1'], 8)} {str(r['rules']):>20} {delta:+8.3f}  {r['ends']:<6} {fig(r['exact'], 6)} "
              f"{fig(r['rules_exact'], 6)} {r['seconds']:7.2f}")
    print("   (exact: the share of found quotes whose extent is exactly the gold's, with the learned ends or the "
          "rules')")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
