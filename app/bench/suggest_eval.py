"""Evaluate the suggestion engine on the shared corpus and print the figures with their baselines.

1. Dates, on ``arabic_annotated/timeml_arabic_news/timex3_spans.jsonl`` (silver TIMEX3): span P/R/F1 with
   overlap matching and value accuracy on matched spans, next to ``dateparser.search_dates(text,
   languages=['ar'])`` on the same documents. Gold = TIMEX3 spans of type DATE. Two rows: all DATE spans, and
   the "calendar" subset without the deictic reference tokens PRESENT_REF / PAST_REF / FUTURE_REF (الآن،
   حاليا، مؤخرا), which our guidelines do not annotate as dates. The .tml files carry no document creation time;
   every deictic value in the silver (اليوم -> 2015-12-24, غدا -> 2015-12-25) shows it was produced with a
   reference date of 2015-12-24, so that date is the anchor for both systems.
2. Quotes, on hand-made gold in the quote-gold-dev format: per label P/R/F1 (exact and overlap), quote type
   accuracy and attribution accuracy on matched quotes (a predicted speaker mention counts as the gold entity of
   the gold mention it overlaps, else by its predicted entity's other mentions), attribution recall over all
   gold quotes, pairwise speaker coreference (pairs of predicted mentions that overlap gold mentions: linked in
   the prediction = same predicted entity, in the gold = same gold entity), and quoted names wrongly suggested
   as quotes.
   ``--gold`` picks the gold sets (repeatable): ``dev`` = ``quote-gold-dev/dev.jsonl`` (10 articles, printed
   whole and as the original tune / held-out split), ``dev2`` and ``blind`` = ``tests/data/suggest_blind``
   (20 + 20 further articles, split at random before annotation; rules may be tuned on dev2, never on blind),
   or a path to any file in that format. Default: ``dev``.

Run: ``python -m app.bench.suggest_eval [--corpus DIR] [--gold dev|dev2|blind|FILE ...] [--no-dateparser]
[--no-dates] [--misses] [--json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from app.core.jsonl import make_document
from app.core.review.agreement import SpanMatch
from app.core.review.matching import exact_count, greedy_pairs, overlap
from app.core.suggest import suggest_document

from .common import NO_CORPUS, corpus_dir

# The split used while developing: rules were tuned looking at errors on TUNE only.
TUNE = ("ar_snn_0224", "ar_snn_0189", "ar_snn_0174", "ar_snn_0004", "ar_snn_0097")
HELD_OUT = ("ar_snn_0289", "ar_snn_0060", "ar_snn_0287", "ar_snn_0158", "ar_snn_0035")
TIMEML_ANCHOR = "2015-12-24"
REF_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
LABELS = ("QUOTE", "SPEAKER", "CUE", "DATE")


# --- matching: the review's one-to-one overlap pairing and its P/R/F1 -------------------------------------------

def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one overlap pairs (gold index, pred index) by the review's greedy rule
    (:func:`app.core.review.matching.greedy_pairs`: larger overlap first, then smaller union, then position)."""
    order = sorted(range(len(pred)), key=lambda i: pred[i])
    return [(gi, order[j]) for gi, j in greedy_pairs(gold, [pred[i] for i in order])]


def counts(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool = False) -> SpanMatch:
    """Matched / gold / predicted counts of one document's spans of one label (gold is the reference)."""
    matched = exact_count(gold, pred) if exact else len(match(gold, pred))
    return SpanMatch(matched, len(gold), len(pred))


def row(m: SpanMatch) -> str:
    """``P … R … F1 … (tp, gold, pred)``; an undefined figure (nothing to divide by) shows as ``n/a``."""
    return (f"P {_fig(m.precision)}  R {_fig(m.recall)}  F1 {_fig(m.f1)}  "
            f"(tp {m.matched}, gold {m.a}, pred {m.b})")


def _fig(x: float | None, width: int = 5) -> str:
    return f"{x:{width}.3f}" if x is not None else f"{'n/a':>{width}}"


def prf(m: SpanMatch) -> tuple[float | None, float | None, float | None]:
    return m.precision, m.recall, m.f1


# --- 1. dates on TimeML ----------------------------------------------------------------------------------------

def load_timeml(corpus: Path) -> list[dict]:
    path = corpus / "arabic_annotated" / "timeml_arabic_news" / "timex3_spans.jsonl"
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def dateparser_spans(text: str, anchor: dt.datetime) -> list[tuple[int, int, str]]:
    from dateparser.search import search_dates

    found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": anchor}) or []
    out, pos = [], 0
    for sub, when in found:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        out.append((i, i + len(sub), when.date().isoformat()))
        pos = i + len(sub)
    return out


def _value_ok(gold: str, pred: str) -> bool:
    """Same TIMEX3 value; a full date predicted for a gold day-value must agree exactly (dateparser always
    returns a day, so its month/year answers are compared at the gold's granularity)."""
    return pred == gold or (len(gold) in (4, 7) and pred[:len(gold)] == gold and len(pred) == 10)


def eval_dates(corpus: Path, with_dateparser: bool = True) -> dict:
    docs = load_timeml(corpus)
    anchor = dt.datetime.fromisoformat(TIMEML_ANCHOR)
    res = {}
    for subset in ("all DATE", "calendar DATE"):
        for system in ("qawl", "dateparser") if with_dateparser else ("qawl",):
            prf, vok, vn = SpanMatch(), 0, 0
            for d in docs:
                gold = [s for s in d["spans"] if s["type"] == "DATE"
                        and (subset == "all DATE" or s["value"] not in REF_VALUES)]
                if system == "qawl":
                    doc = make_document(d["text"], id=d["id"], meta={"date": TIMEML_ANCHOR})
                    pred = [(s.start, s.end, s.attrs.get("value", ""))
                            for s in suggest_document(doc).layer.spans_by_label("DATE")]
                else:
                    pred = dateparser_spans(d["text"], anchor)
                m = match([(g["start"], g["end"]) for g in gold], [(p[0], p[1]) for p in pred])
                prf += SpanMatch(len(m), len(gold), len(pred))
                for gi, pi in m:
                    vn += 1
                    vok += _value_ok(gold[gi]["value"], pred[pi][2])
            res[(subset, system)] = (prf, vok, vn)
    return res


# --- 2. quotes on quote-gold-dev -------------------------------------------------------------------------------

BLIND_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "suggest_blind"
GOLD_SETS = {"dev": None, "dev2": BLIND_DIR / "dev2.jsonl", "blind": BLIND_DIR / "blind.jsonl"}


def gold_path(corpus: Path, name: str | Path) -> Path:
    """The file of a named gold set (dev, dev2, blind) or the path itself."""
    if isinstance(name, str) and name in GOLD_SETS:
        return GOLD_SETS[name] or corpus / "quote-gold-dev" / "dev.jsonl"
    return Path(name)


def load_gold(corpus: Path, gold: str | Path = "dev") -> list[dict]:
    """Gold lines of a set; span texts stored truncated (``text_truncated``) are read back from the article and
    checked against their ``text_sha256``, so every span's ``text`` is whole and equal to the article's."""
    path = gold_path(corpus, gold)
    with open(path, encoding="utf-8") as fh:
        lines = [json.loads(line) for line in fh if line.strip()]
    for g in lines:
        if not any(s.get("text_truncated") for s in g["spans"]):
            continue
        text, _ = _article(corpus, g["file"])
        for s in g["spans"]:
            if s.get("text_truncated"):
                full = text[s["start"]:s["end"]]
                if hashlib.sha256(full.encode("utf-8")).hexdigest() != s.get("text_sha256"):
                    raise SystemExit(f"{path}: {g['file']} span {s['id']}: the article text does not match the "
                                     f"stored hash (corpus changed?)")
                s["text"] = full
    return lines


def _article(corpus: Path, name: str):
    text = (corpus / "arabic_articles" / f"{name}.txt").read_text(encoding="utf-8")
    meta = json.loads((corpus / "arabic_articles" / f"{name}.json").read_text(encoding="utf-8"))
    return text, meta


class QuoteScores:
    def __init__(self) -> None:
        self.exact = {lab: SpanMatch() for lab in LABELS}
        self.overlap = {lab: SpanMatch() for lab in LABELS}
        self.type_ok = self.type_n = 0
        self.attr_ok = self.attr_n = 0
        self.e2e_ok = self.gold_quotes = 0
        self.date_value_ok = self.date_value_n = 0
        self.name_fp = self.names = 0
        self.coref = SpanMatch()  # same-speaker links between found mentions: predicted entity vs gold entity
        self.misses: list[str] = []

    def summary(self) -> dict:
        return {"overlap": {k: prf(v) for k, v in self.overlap.items()},
                "exact": {k: prf(v) for k, v in self.exact.items()},
                "type_accuracy": self.type_ok / self.type_n if self.type_n else 0.0,
                "attribution_accuracy": self.attr_ok / self.attr_n if self.attr_n else 0.0,
                "attribution_recall": self.e2e_ok / self.gold_quotes if self.gold_quotes else 0.0,
                "date_value_accuracy": self.date_value_ok / self.date_value_n if self.date_value_n else 0.0,
                "quoted_name_fp": self.name_fp, "quoted_names": self.names,
                "speaker_coreference": prf(self.coref)}


def eval_quotes(corpus: Path, names: tuple[str, ...] | None = None, gold: str | Path = "dev") -> QuoteScores:
    """Scores of the engine on gold set ``gold`` (see :func:`gold_path`), optionally on some of its files."""
    sc = QuoteScores()
    for g in load_gold(corpus, gold):
        if names is not None and g["file"] not in names:
            continue
        text, meta = _article(corpus, g["file"])
        doc = make_document(text, id=g["file"], meta={"date": meta.get("date")})
        if doc.text != text:
            raise SystemExit(f"{g['file']}: normalisation changed the text; gold offsets would not apply")
        layer = suggest_document(doc).layer
        by_label = {lab: [s for s in g["spans"] if s["label"] == lab] for lab in LABELS}
        pred_by = {lab: layer.spans_by_label(lab) for lab in LABELS}
        matches = {}
        for lab in LABELS:
            gr = [(s["start"], s["end"]) for s in by_label[lab]]
            pr = [(s.start, s.end) for s in pred_by[lab]]
            sc.exact[lab] += counts(gr, pr, exact=True)
            m = match(gr, pr)
            sc.overlap[lab] += SpanMatch(len(m), len(gr), len(pr))
            matches[lab] = m
        # Dates: value accuracy on matched spans.
        for gi, pi in matches["DATE"]:
            sc.date_value_n += 1
            sc.date_value_ok += by_label["DATE"][gi]["attrs"].get("value") == pred_by["DATE"][pi].attrs.get("value")
        # Quotes: type and attribution.
        gold_spk = {s["id"]: s for s in by_label["SPEAKER"]}
        said = {}
        for r in g["relations"]:
            if r["type"] == "SAID_BY":
                said.setdefault(r["head"], set()).add(gold_spk[r["tail"]]["attrs"]["entity"])
        pred_entity_gold = _entity_map(by_label["SPEAKER"], pred_by["SPEAKER"])
        sc.coref += _coreference(by_label["SPEAKER"], pred_by["SPEAKER"])
        matched_q = dict(matches["QUOTE"])
        sc.gold_quotes += len(by_label["QUOTE"])
        for gi, gq in enumerate(by_label["QUOTE"]):
            if gi not in matched_q:
                sc.misses.append(f"{g['file']}: missed {gq['attrs']['type']} quote {gq['text'][:60]!r}")
                continue
            pq = pred_by["QUOTE"][matched_q[gi]]
            sc.type_n += 1
            sc.type_ok += gq["attrs"]["type"] == pq.attrs.get("type")
            if gq["id"] in said:
                sc.attr_n += 1
                got = {pred_entity_gold.get(s.id) for s in layer.linked(pq.id, "SAID_BY")}
                ok = bool(got & said[gq["id"]])
                sc.attr_ok += ok
                sc.e2e_ok += ok
                if not ok:
                    sc.misses.append(f"{g['file']}: wrong speaker for {gq['text'][:40]!r}: "
                                     f"{[s.text for s in layer.linked(pq.id, 'SAID_BY')]} vs {sorted(said[gq['id']])}")
        for nq in g["quoted_names_not_quotes"]:
            sc.names += 1
            if any(nq["start"] <= q.start and q.end <= nq["end"] for q in pred_by["QUOTE"]):
                sc.name_fp += 1
                sc.misses.append(f"{g['file']}: quoted name suggested as a quote: {nq['text']!r}")
        matched_p = {pi for _, pi in matches["QUOTE"]}
        for pi, pq in enumerate(pred_by["QUOTE"]):
            if pi not in matched_p:
                sc.misses.append(f"{g['file']}: spurious quote {pq.text[:60]!r} ({pq.provenance.get('rule')})")
    return sc


def _coreference(gold_speakers: list[dict], pred_speakers) -> SpanMatch:
    """Pairwise coreference of the predicted speaker mentions that overlap a gold mention: a pair is linked in
    the prediction when both have the same entity, in the gold when their gold entities are equal."""
    found = []
    for p in pred_speakers:
        g = next((gs for gs in gold_speakers if overlap(gs["start"], gs["end"], p.start, p.end)), None)
        if g is not None:
            found.append((p.attrs.get("entity"), g["attrs"]["entity"]))
    tp = pred = gold = 0
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            same_p, same_g = found[i][0] == found[j][0], found[i][1] == found[j][1]
            tp += same_p and same_g
            pred += same_p
            gold += same_g
    return SpanMatch(tp, gold, pred)


def _entity_map(gold_speakers: list[dict], pred_speakers) -> dict[str, str]:
    """Predicted speaker span id -> gold entity: through an overlapping gold mention, else through the other
    mentions of the same predicted entity (so in-article coreference is what is judged)."""
    direct: dict[str, str] = {}
    by_entity: dict[str, list[str]] = {}
    for p in pred_speakers:
        for gs in gold_speakers:
            if overlap(gs["start"], gs["end"], p.start, p.end):
                direct[p.id] = gs["attrs"]["entity"]
                by_entity.setdefault(p.attrs.get("entity"), []).append(gs["attrs"]["entity"])
                break
    out = dict(direct)
    for p in pred_speakers:
        if p.id not in out and by_entity.get(p.attrs.get("entity")):
            votes = by_entity[p.attrs.get("entity")]
            out[p.id] = max(set(votes), key=votes.count)
    return out


# --- report ----------------------------------------------------------------------------------------------------

def _sets(corpus: Path, golds: list[str]) -> dict[str, QuoteScores]:
    """Scores per requested gold set; ``dev`` also gives its original tune / held-out halves."""
    out: dict[str, QuoteScores] = {}
    for gold in golds:
        if gold == "dev":
            out["dev (10)"] = eval_quotes(corpus, None, "dev")
            out["dev tune (5)"] = eval_quotes(corpus, TUNE, "dev")
            out["dev held-out (5)"] = eval_quotes(corpus, HELD_OUT, "dev")
        else:
            sc = eval_quotes(corpus, None, gold)
            n = len(load_gold(corpus, gold))
            out[f"{Path(gold).stem if gold not in GOLD_SETS else gold} ({n})"] = sc
    return out


def table(quotes: dict[str, QuoteScores]) -> list[str]:
    """One line per gold set: overlap F1 per label, exact QUOTE F1, type / attribution / date-value accuracy."""
    head = (f"   {'gold set':<18} {'Q P':>6} {'Q R':>6} {'Q F1':>6} {'Qex F1':>6} {'SPK F1':>6} {'CUE F1':>6} "
            f"{'DATE F1':>7} {'type':>6} {'attr':>6} {'attr R':>6} {'coref':>6} {'value':>6} {'names':>6}")
    rows = [head]
    for name, sc in quotes.items():
        s = sc.summary()
        q = sc.overlap["QUOTE"]
        rows.append(f"   {name:<18} {_fig(q.precision, 6)} {_fig(q.recall, 6)} {_fig(q.f1, 6)} "
                    f"{_fig(sc.exact['QUOTE'].f1, 6)} {_fig(sc.overlap['SPEAKER'].f1, 6)} "
                    f"{_fig(sc.overlap['CUE'].f1, 6)} {_fig(sc.overlap['DATE'].f1, 7)} "
                    f"{s['type_accuracy']:6.3f} {s['attribution_accuracy']:6.3f} {s['attribution_recall']:6.3f} "
                    f"{_fig(sc.coref.f1, 6)} "
                    f"{s['date_value_accuracy']:6.3f} {sc.name_fp:>2}/{sc.names:<3}")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl evaluate suggest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the shared corpus (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--gold", action="append", default=None,
                    help="gold set: dev (quote-gold-dev), dev2, blind, or a JSONL path; repeatable (default: dev)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--no-dates", action="store_true", help="skip the TimeML date evaluation")
    ap.add_argument("--misses", action="store_true", help="list every miss and spurious suggestion")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    args.corpus = corpus_dir(args.corpus)
    if args.corpus is None:
        print(NO_CORPUS, file=sys.stderr)
        return 2
    golds = args.gold or ["dev"]
    for gold in golds:
        if not gold_path(args.corpus, gold).exists():
            print(f"gold file not found: {gold_path(args.corpus, gold)}", file=sys.stderr)
            return 2
    with_dp = not args.no_dateparser and not args.no_dates
    if with_dp:
        import importlib.util

        if importlib.util.find_spec("dateparser") is None:
            print("dateparser is not installed (pip install -e '.[test]'); use --no-dateparser", file=sys.stderr)
            return 2
    dates = {} if args.no_dates else eval_dates(args.corpus, with_dp)
    quotes = _sets(args.corpus, golds)
    if args.json:
        print(json.dumps({"dates": {f"{a} / {b}": {"p": v[0].precision, "r": v[0].recall, "f1": v[0].f1,
                                                   "value_accuracy": v[1] / v[2] if v[2] else 0.0}
                                    for (a, b), v in dates.items()},
                          "quotes": {k: v.summary() for k, v in quotes.items()}}, indent=1, ensure_ascii=False))
        return 0
    if dates:
        print("1. DATE spans on timeml_arabic_news (silver TIMEX3 type DATE; anchor 2015-12-24; overlap match)")
        print(f"   {'subset':<14} {'system':<11} {'P':>6} {'R':>6} {'F1':>6} {'value acc':>10}  counts")
        for (subset, system), (m, vok, vn) in dates.items():
            print(f"   {subset:<14} {system:<11} {_fig(m.precision, 6)} {_fig(m.recall, 6)} {_fig(m.f1, 6)} "
                  f"{(vok / vn if vn else 0):10.3f}  tp {m.matched} gold {m.a} pred {m.b}; "
                  f"values {vok}/{vn}")
        if with_dp:
            for subset in ("all DATE", "calendar DATE"):
                q, dp = dates[(subset, "qawl")][0].f1, dates[(subset, "dateparser")][0].f1
                print(f"   {subset}: F1 qawl / dateparser = {q / dp if dp else float('inf'):.2f}x")
        print()
    print("2. quotes, speakers, cues and dates on hand-annotated gold")
    for name, sc in quotes.items():
        print(f"   [{name}]")
        for lab in LABELS:
            print(f"     {lab:<8} overlap {row(sc.overlap[lab])}")
            print(f"     {'':<8} exact   {row(sc.exact[lab])}")
        s = sc.summary()
        print(f"     quote type accuracy (matched quotes)   {s['type_accuracy']:.3f} ({sc.type_ok}/{sc.type_n})")
        print(f"     attribution accuracy (matched quotes)  {s['attribution_accuracy']:.3f} "
              f"({sc.attr_ok}/{sc.attr_n})")
        print(f"     attribution recall (all gold quotes)   {s['attribution_recall']:.3f} "
              f"({sc.e2e_ok}/{sc.gold_quotes})")
        print(f"     DATE value accuracy (matched)          {s['date_value_accuracy']:.3f} "
              f"({sc.date_value_ok}/{sc.date_value_n})")
        print(f"     quoted names suggested as quotes       {sc.name_fp} of {sc.names}")
        print(f"     speaker coreference (pairs of found mentions)  {row(sc.coref)}")
    print("\n3. summary (overlap F1 per label; Qex = exact quote F1; type, attribution, value = accuracy on matched;"
          " attr R = right speaker over all gold quotes; coref = pairwise F1 of same-speaker links among found"
          " mentions)")
    for line in table(quotes):
        print(line)
    if args.misses:
        for name, sc in quotes.items():
            if "held-out" in name or "tune" in name:
                continue
            print(f"\nmisses [{name}]:")
            for line in sc.misses:
                print("  ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
