"""How far two independent annotations of the same articles agree, beside the engine on the same articles.

The ceiling a suggestion engine can reach on hand-made gold is the agreement of two careful annotators under the
same guidelines: where they differ, the gold is a choice, and no engine matches a choice it cannot see. This
scores a second annotation *as if it were the suggestions*, with the engine's own scorer (:mod:`.suggest_score`:
overlap pairs, speaker entity through coreference, cue overlap, date value), in both directions (either annotation
as the gold), and the engine against each annotation on the same articles.

Run: ``qawl bench gold-agree --first blind21 --second tests/data/suggest_blind21/second [--model default ...]
[--corpus DIR] [--json]``. ``--first`` and ``--second`` are gold sets, files or folders (:mod:`.suggest_gold`);
the second's texts are read from the first's ``articles/`` folder (or the corpus). Only the articles both
annotated are compared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.core.errors import QawlError

from .common import corpus_dir
from .suggest_eval import load_model
from .suggest_gold import GoldDoc, gold_files, load_gold, set_name
from .suggest_score import QuoteScores, fig, prf, score, score_layer

COLUMNS = ("quote P", "quote R", "quote F1", "spk/gold", "spk/found", "cue", "date F1", "value")


def articles_of(corpus: Path, spec: str) -> Path | None:
    """The ``articles/`` folder beside a set, file or folder (where :func:`.suggest_gold.load_gold` reads its
    texts), when there is one."""
    folder = gold_files(corpus, spec)[0].parent / "articles"
    return folder if folder.is_dir() else None


def paired(first: list[GoldDoc], second: list[GoldDoc]) -> list[tuple[GoldDoc, GoldDoc]]:
    """The articles both annotated, in the first's order; the same article must have the same text."""
    by_id = {g.id: g for g in second}
    out = []
    for g in first:
        other = by_id.get(g.id)
        if other is not None:
            if other.doc.text != g.doc.text:
                raise QawlError("the two annotations were made on different texts", file=g.id)
            out.append((g, other))
    return out


def against(pairs: list[tuple[GoldDoc, GoldDoc]], gold_is_first: bool) -> QuoteScores:
    """One annotation scored as the suggestions for the other (the gold)."""
    sc = QuoteScores()
    for a, b in pairs:
        gold, other = (a, b) if gold_is_first else (b, a)
        score_layer(sc, gold, other.layer)
    return sc


def figures(sc: QuoteScores) -> dict[str, float | None]:
    p, r, f1 = prf(sc.overlap["QUOTE"])
    _, _, date_f1 = prf(sc.overlap["DATE"])
    return dict(zip(COLUMNS, (p, r, f1, sc.speaker.value, sc.attribution.value, sc.cue.value, date_f1,
                              sc.date_value.value)))


def report(corpus: Path, first: str, second: str, models: list[str]) -> dict:
    one = load_gold(corpus, first)
    two = load_gold(corpus, second, articles_of(corpus, first))
    pairs = paired(one, two)
    if not pairs:
        raise QawlError("the two annotations share no article", file=second)
    rows = {"second as suggestions, first as gold": figures(against(pairs, True)),
            "first as suggestions, second as gold": figures(against(pairs, False))}
    for name in models:
        model = load_model(name)
        rows[f"engine ({name}), first as gold"] = figures(score([a for a, _ in pairs], model))
        rows[f"engine ({name}), second as gold"] = figures(score([b for _, b in pairs], model))
    counts = {"articles": len(pairs),
              "first quotes": sum(len(a.layer.spans_by_label("QUOTE")) for a, _ in pairs),
              "second quotes": sum(len(b.layer.spans_by_label("QUOTE")) for _, b in pairs)}
    return {"first": set_name(first), "second": str(second), "counts": counts, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench gold-agree", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the shared corpus (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--first", required=True, help="the first annotation: a set name, a JSONL file or a folder")
    ap.add_argument("--second", required=True, help="the second annotation of (some of) the same articles")
    ap.add_argument("--model", action="append", default=None,
                    help="the engine beside them: rules, default or a model file; repeatable (default: default)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    # sets that carry their own texts (blind4 on) need no corpus; an article found nowhere is named in the error
    corpus = corpus_dir(args.corpus) or Path(args.corpus or "../shared/corpus")
    try:
        out = report(corpus, args.first, args.second, args.model or ["default"])
    except QawlError as exc:
        print(f"qawl: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    c = out["counts"]
    print(f"two annotations of {c['articles']} articles: {out['first']} ({c['first quotes']} quotes) and "
          f"{out['second']} ({c['second quotes']} quotes); overlap match, as suggest-eval scores")
    print(f"   {'':<40}" + "".join(f"{h:>10}" for h in COLUMNS))
    for name, row in out["rows"].items():
        print(f"   {name:<40}" + "".join(f"{fig(v, 10)}" for v in row.values()))
    return 0
