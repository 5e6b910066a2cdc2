"""Speed of the suggestion engine, each figure printed next to a floor measured in the same run.

1. One ~5,000-word article (real corpus articles concatenated): median CPU time of ``suggest_document`` over N
   runs (wall time beside it: the machine may be shared), with the default speaker model and with the rules alone,
   next to ``str.split()`` and one ``regex`` word pass over the same text. Target: < 50 ms with the model.
2. Scale: one document of 1, 2, 4 and 8 MB (corpus articles repeated, paragraphs kept): CPU time and time per MB
   next to the regex word pass over the same text. Target: linear, the 8 MB document in under 4x the 2 MB one.
3. 10,000 articles (the corpus articles repeated) with ``suggest_many(workers=2)``, next to the same pool of
   2 processes doing one regex word pass per article (the cost of shipping documents and results between
   processes plus reading the text once). Target: < 60 s.

The articles are the corpus articles except the fresh blind set's (``tests/data/suggest_blind2/split.json``): the
engine is never run on those before the final measurement.

Run: ``qawl bench suggest [--corpus DIR] [--runs 21] [--sizes 1,2,4,8] [--articles 10000] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import time
from pathlib import Path

import regex

from app.core.jsonl import make_document
from app.core.suggest import RULES, suggest_document, suggest_many

from .common import NO_CORPUS, corpus_dir

_WORD = regex.compile(r"\w+")


FRESH_BLIND = Path(__file__).resolve().parents[2] / "tests" / "data" / "suggest_blind2" / "split.json"


def _texts(corpus: Path) -> list[str]:
    """The corpus articles, without the fresh blind set's."""
    blind = set(json.loads(FRESH_BLIND.read_text(encoding="utf-8"))["blind"]) if FRESH_BLIND.exists() else set()
    files = [f for f in sorted((corpus / "arabic_articles").glob("*.txt")) if f.stem not in blind]
    if not files:
        raise SystemExit(f"no articles in {corpus / 'arabic_articles'}")
    return [f.read_text(encoding="utf-8") for f in files]


def _of_size(texts: list[str], megabytes: float) -> str:
    """One document of about ``megabytes`` MB of UTF-8: the articles one after another (as paragraphs), again
    and again, cut at a paragraph end."""
    want = int(megabytes * 1_000_000)
    parts, size, k = [], 0, 0
    while size < want:
        text = texts[k % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
        k += 1
    return "\n".join(parts)


def _median_ms(fn, runs: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(runs):
        t = clock()
        fn()
        times.append(clock() - t)
    return statistics.median(times) * 1000


def _floor_one(doc) -> int:
    return len(_WORD.findall(doc.text))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench suggest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the shared corpus (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=21, help="runs of the single-article timing (median)")
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--sizes", default="1,2,4,8", help="sizes in MB of the scale run (default 1,2,4,8)")
    ap.add_argument("--scale-runs", type=int, default=3,
                    help="runs of each size in the scale run, their median taken (default 3: one run of a size "
                         "varies by a third on a shared machine)")
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
    suggest_document(doc)  # warm-up (lexicons are built at import; the model is read; caches warm)
    # CPU time of this process: on a shared machine wall time measures the neighbours too (wall time beside it)
    cpu = time.process_time
    t_suggest = _median_ms(lambda: suggest_document(doc), args.runs, cpu)
    t_wall = _median_ms(lambda: suggest_document(doc), args.runs)
    t_rules = _median_ms(lambda: suggest_document(doc, (), RULES), args.runs, cpu)
    t_split = _median_ms(lambda: text.split(), args.runs, cpu)
    t_regex = _median_ms(lambda: _WORD.findall(text), args.runs, cpu)
    n_words = len(text.split())
    spans = len(suggest_document(doc).layer.spans)
    print(f"1. one article: {n_words} words, {len(text)} characters ({i} corpus articles), {spans} suggested spans")
    print(f"   suggest_document, model {t_suggest:8.2f} ms CPU (median of {args.runs}; wall {t_wall:.2f} ms)   "
          f"target < 50 ms: {'met' if t_suggest < 50 else 'NOT met'}")
    print(f"   suggest_document, rules {t_rules:8.2f} ms CPU")
    print(f"   floor str.split()       {t_split:8.2f} ms  ratio {t_suggest / t_split:6.1f}x")
    print(f"   floor regex \\w+ pass    {t_regex:8.2f} ms  ratio {t_suggest / t_regex:6.1f}x")

    # 2. scale
    sizes = [float(x) for x in args.sizes.split(",") if x.strip()]
    print(f"\n2. one document of {', '.join(f'{m:g}' for m in sizes)} MB (CPU time per MB beside the regex pass; "
          f"median of {max(1, args.scale_runs)} runs of each)")
    seconds: dict[float, float] = {}
    for mb in sizes:
        big = _of_size(texts, mb)
        bigdoc = make_document(big, id=f"bench-{mb:g}mb", meta={"date": "2015-08-01"})
        runs = []
        for _ in range(max(1, args.scale_runs)):
            t = time.process_time()
            n_spans = len(suggest_document(bigdoc).layer.spans)
            runs.append(time.process_time() - t)
        seconds[mb] = statistics.median(runs)
        real = len(big.encode("utf-8")) / 1_000_000
        floor = _median_ms(lambda: _WORD.findall(big), 3, cpu) / 1000
        print(f"   {real:5.2f} MB  {seconds[mb]:7.2f} s  {seconds[mb] / real:6.2f} s/MB   floor regex pass "
              f"{floor / real:6.3f} s/MB  ratio {seconds[mb] / floor:6.1f}x   {n_spans} spans")
    if 2.0 in seconds and 8.0 in seconds:
        r = seconds[8.0] / seconds[2.0]
        print(f"   8 MB / 2 MB = {r:.2f}x   target < 4x: {'met' if r < 4 else 'NOT met'}")

    # 3. many articles
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
    print(f"\n3. {args.articles} articles ({words} words, {len(texts)} distinct), {args.workers} workers, "
          f"{n_spans} suggested spans")
    print(f"   suggest_many            {t_many:8.2f} s   ({args.articles / t_many:,.0f} articles/s)   "
          f"target < 60 s: {'met' if t_many < 60 else 'NOT met'}")
    print(f"   floor pool + regex pass {t_floor:8.2f} s   ratio {t_many / t_floor:6.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
