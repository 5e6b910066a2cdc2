"""Benchmark: the full agreement report over 1,000 documents annotated by two people (about 30 spans each).

The documents are real Arabic articles (``shared/corpus/arabic_articles``, reused in turn to reach the count;
every copy is a separate document with its own id). Annotator ``a`` gets about 30 token-aligned spans per
document: attribution groups (SPEAKER, CUE, QUOTE, sometimes a DATE, linked by SAID_BY / CUE / DATED) and CLAIMs.
Annotator ``b`` is ``a`` with realistic disagreement, drawn with a fixed seed: 75 % of spans copied as they are,
10 % with one boundary moved by 1-3 tokens, 5 % relabelled (QUOTE <-> CLAIM, CUE -> SPEAKER, ...), 10 % left out,
plus about 3 spans of their own per document; 10 % of b's speakers name another entity.

What is timed: :func:`app.core.review.agreement.agreement_report` over all documents (span F1 exact and overlap,
kappa and alpha on character and token units, per label and overall, attribution), then ``report_to_json`` and
``report_to_html``. The floor, timed in the same run, is the least any agreement computation must do: iterate
every span of every layer and build a set of ``(start, end, label)`` tuples per layer. Each figure is the median
of ``--repeat`` runs and is printed next to the floor with the ratio. Exit status 1 when the report takes longer
than the target (``--target``, 1 s).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

import regex

from app.core.review.agreement import agreement_report
from app.core.model import Layer, Relation, Span
from app.core.review.report import report_to_html, report_to_json

from .common import NO_CORPUS, corpus_dir

_WORDS = regex.compile(r"\w+")


def _span(text: str, label: str, words, i: int, n: int, sid: str, **kw) -> Span:
    i = max(0, min(i, len(words) - 1))
    j = max(i, min(i + n - 1, len(words) - 1))
    return Span.of(text, label, words[i][0], words[j][1], id=sid, **kw)


def annotator_a(text: str, doc_id: str, rnd: random.Random, target: int = 30) -> Layer:
    words = [m.span() for m in _WORDS.finditer(text)]
    spans: list[Span] = []
    rels: list[Relation] = []
    k = 0
    while len(spans) < target:
        k += 1
        base = rnd.randrange(len(words))
        if rnd.random() < 0.2:
            spans.append(_span(text, "CLAIM", words, base, rnd.randint(4, 15), f"c{k}"))
            continue
        sp = _span(text, "SPEAKER", words, base, rnd.randint(1, 3), f"s{k}",
                   attrs={"entity": f"e{rnd.randrange(40)}"})
        cue = _span(text, "CUE", words, base + 3, 1, f"k{k}")
        q = _span(text, "QUOTE", words, base + 4, rnd.randint(5, 25), f"q{k}",
                  attrs={"type": rnd.choice(("direct", "indirect", "mixed"))})
        group = [sp, cue, q]
        rels += [Relation(f"r{k}a", "SAID_BY", q.id, sp.id), Relation(f"r{k}b", "CUE", q.id, cue.id)]
        if rnd.random() < 0.3:
            d = _span(text, "DATE", words, base + 6, rnd.randint(1, 3), f"d{k}", attrs={"value": "2015-08-01"})
            group.append(d)
            rels.append(Relation(f"r{k}c", "DATED", q.id, d.id))
        spans += group
    return Layer(doc_id, "a", "done", spans, rels)


_RELABEL = {"QUOTE": "CLAIM", "CLAIM": "QUOTE", "CUE": "SPEAKER", "SPEAKER": "CUE", "DATE": "QUOTE"}


def annotator_b(text: str, a: Layer, rnd: random.Random) -> Layer:
    words = [m.span() for m in _WORDS.finditer(text)]
    starts = [w[0] for w in words]
    ends = [w[1] for w in words]
    spans: dict[str, Span] = {}
    for s in a.sorted_spans():
        r = rnd.random()
        if r < 0.75:
            new = s
        elif r < 0.85:
            i, j = starts.index(s.start), ends.index(s.end)
            step = rnd.randint(1, 3) * rnd.choice((-1, 1))
            if rnd.random() < 0.5:
                i = max(0, min(j, i + step))
            else:
                j = max(i, min(len(words) - 1, j + step))
            new = s.with_range(text, starts[i], ends[j])
        elif r < 0.90:
            attrs = {"value": "2015-08-01"} if _RELABEL[s.label] == "DATE" else {}
            new = Span(s.id, _RELABEL[s.label], s.start, s.end, s.text, attrs)
        else:
            continue
        if new.label == "SPEAKER" and rnd.random() < 0.1:
            new = Span(new.id, new.label, new.start, new.end, new.text, {"entity": f"e{rnd.randrange(40)}"})
        spans[new.id] = new
    for k in range(rnd.randint(2, 4)):
        extra = _span(text, rnd.choice(("CLAIM", "QUOTE", "SPEAKER", "CUE")), words, rnd.randrange(len(words)),
                      rnd.randint(1, 8), f"x{k}")
        spans[extra.id] = extra
    rels = [r for r in a.relations.values() if r.head in spans and r.tail in spans
            and (r.type != "SAID_BY" or spans[r.tail].label == "SPEAKER")]
    return Layer(a.doc_id, "b", "done", spans.values(), rels)


def make_items(corpus: Path, docs: int, seed: int) -> list[tuple[str, list[Layer]]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus / "arabic_articles").glob("*.txt"))]
    rnd = random.Random(seed)
    items = []
    for n in range(docs):
        text = texts[n % len(texts)]
        a = annotator_a(text, f"doc{n:04d}", rnd)
        items.append((text, [a, annotator_b(text, a, rnd)]))
    return items


def floor(items) -> int:
    total = 0
    for _, layers in items:
        for layer in layers:
            total += len({(s.start, s.end, s.label) for s in layer.spans.values()})
    return total


def _median(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU (process) seconds of ``repeat`` runs, and the last result. The CPU time shows
    how much of a slow wall-clock figure is other processes on the machine."""
    wall, cpu = [], []
    result = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - t0)
    return statistics.median(wall), statistics.median(cpu), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench agree", description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--target", type=float, default=1.0, help="seconds the report may take (default 1)")
    ap.add_argument("--corpus", help="the shared corpus folder (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus)
    if corpus is None:
        print(f"agree_speed: {NO_CORPUS}", file=sys.stderr)
        return 2
    items = make_items(corpus, args.docs, args.seed)
    spans = sum(len(l.spans) for _, layers in items for l in layers)
    chars = sum(len(t) for t, _ in items)
    t_floor, c_floor, _ = _median(lambda: floor(items), args.repeat)
    t_report, c_report, report = _median(lambda: agreement_report(items, title="agree_speed"), args.repeat)
    t_json, _, _ = _median(lambda: json.dumps(report_to_json(report)), args.repeat)
    t_html, _, html = _median(lambda: report_to_html(report), args.repeat)
    f = report.all.overall
    figures = {
        "documents": args.docs, "annotators": 2, "spans": spans, "characters": chars,
        "spans_per_layer": round(spans / (2 * args.docs), 1),
        "floor_s": t_floor, "report_s": t_report, "ratio": t_report / t_floor if t_floor else None,
        "floor_cpu_s": c_floor, "report_cpu_s": c_report,
        "json_s": t_json, "html_s": t_html, "html_bytes": len(html.encode("utf-8")), "target_s": args.target,
        "overlap_f1": f.overlap.f1, "exact_f1": f.exact.f1, "char_kappa": f.char.kappa,
        "token_alpha": f.token.alpha, "repeat": args.repeat,
    }
    ok = t_report < args.target
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"agreement over {args.docs} documents x 2 annotators, {spans} spans "
              f"({figures['spans_per_layer']} per layer), {chars:,} characters of real Arabic text")
        rows = [("floor (iterate spans, set of (start,end,label))", t_floor, c_floor),
                ("full agreement report", t_report, c_report),
                ("report_to_json + json.dumps", t_json, None),
                (f"report_to_html ({figures['html_bytes']:,} bytes)", t_html, None)]
        for k, (name, wall, cpu) in enumerate(rows):
            line = f"  {name + ':':50s}{wall * 1000:8.1f} ms"
            if cpu is not None:
                line += f"  (cpu {cpu * 1000:.1f})"
            if k == 1:
                line += f"  = {figures['ratio']:.1f} x floor   target < {args.target:g} s: {'ok' if ok else 'MISSED'}"
            print(line)
        print(f"  (medians of {args.repeat}; overall overlap F1 {f.overlap.f1:.3f}, exact F1 {f.exact.f1:.3f}, "
              f"char kappa {f.char.kappa:.3f}, token alpha {f.token.alpha:.3f})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
