"""Speed of the suggestion engine, each figure printed next to a floor measured in the same run.

1. One ~5,000-word article (real corpus articles concatenated): median time of ``suggest_document`` over N runs,
   next to ``str.split()`` and one ``regex`` word pass over the same text. Target: < 50 ms.
2. 10,000 articles (the corpus articles repeated) with ``suggest_many(workers=2)``, next to the same pool of
   2 processes doing one regex word pass per article (the cost of shipping documents and results between
   processes plus reading the text once). Target: < 60 s.

Run: ``python -m app.bench.suggest_speed [--corpus DIR] [--runs 21] [--articles 10000] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import regex

from app.core.jsonl import make_document
from app.core.suggest import suggest_document, suggest_many

from .common import NO_CORPUS, corpus_dir

_WORD = regex.compile(r"\w+")


def _texts(corpus: Path) -> list[str]:
    files = sorted((corpus / "arabic_articles").glob("*.txt"))
    if not files:
        raise SystemExit(f"no articles in {corpus / 'arabic_articles'}")
    return [f.read_text(encoding="utf-8") for f in files]


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def _floor_one(doc) -> int:
    return len(_WORD.findall(doc.text))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench suggest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the shared corpus (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=21, help="runs of the single-article timing (median)")
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    args.corpus = corpus_dir(args.corpus)
    if args.corpus is None:
        print(NO_CORPUS, file=sys.stderr)
        return 2
    texts = _texts(args.corpus)

    # 1. one long article
    big, i = [], 0
    while len("\n".join(big).split()) < args.words:
        big.append(texts[i % len(texts)])
        i += 1
    text = "\n".join(big)
    doc = make_document(text, id="bench-long", meta={"date": "2015-08-01"})
    suggest_document(doc)  # warm-up (lexicons are built at import; this warms caches)
    t_suggest = _median_ms(lambda: suggest_document(doc), args.runs)
    t_split = _median_ms(lambda: text.split(), args.runs)
    t_regex = _median_ms(lambda: _WORD.findall(text), args.runs)
    n_words = len(text.split())
    spans = len(suggest_document(doc).layer.spans)
    print(f"1. one article: {n_words} words, {len(text)} characters ({i} corpus articles), {spans} suggested spans")
    print(f"   suggest_document        {t_suggest:8.2f} ms  (median of {args.runs})   target < 50 ms: "
          f"{'met' if t_suggest < 50 else 'NOT met'}")
    print(f"   floor str.split()       {t_split:8.2f} ms  ratio {t_suggest / t_split:6.1f}x")
    print(f"   floor regex \\w+ pass    {t_regex:8.2f} ms  ratio {t_suggest / t_regex:6.1f}x")

    # 2. many articles
    docs = [make_document(texts[k % len(texts)], id=f"bench-{k}", meta={"date": "2015-08-01"})
            for k in range(args.articles)]
    words = sum(len(d.text.split()) for d in docs)
    t = time.perf_counter()
    results = suggest_many(docs, workers=args.workers)
    t_many = time.perf_counter() - t
    n_spans = sum(len(r.layer.spans) for r in results)
    ctx = multiprocessing.get_context("spawn")  # as suggest_many does
    t = time.perf_counter()
    with ctx.Pool(args.workers) as pool:
        pool.map(_floor_one, docs, chunksize=64)
    t_floor = time.perf_counter() - t
    print(f"\n2. {args.articles} articles ({words} words, {len(texts)} distinct), {args.workers} workers, "
          f"{n_spans} suggested spans")
    print(f"   suggest_many            {t_many:8.2f} s   ({args.articles / t_many:,.0f} articles/s)   "
          f"target < 60 s: {'met' if t_many < 60 else 'NOT met'}")
    print(f"   floor pool + regex pass {t_floor:8.2f} s   ratio {t_many / t_floor:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
