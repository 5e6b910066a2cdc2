"""Evaluate the suggestion engine on the shared corpus and print the figures with their baselines.

1. Dates, on ``arabic_annotated/timeml_arabic_news/timex3_spans.jsonl`` (silver TIMEX3): span P/R/F1 with
   overlap matching and value accuracy on matched spans, next to ``dateparser.search_dates(text,
   languages=['ar'])`` on the same documents. Gold = TIMEX3 spans of type DATE. Two rows: all DATE spans, and
   the "calendar" subset: spans whose value is a day, a month or a year (what our guidelines annotate and the
   engine suggests, :func:`app.core.suggest.dates.is_calendar_date`) — without the deictic reference tokens
   PRESENT_REF / PAST_REF / FUTURE_REF (الآن، حاليا، مؤخرا), weeks, seasons, halves, decades and centuries. The .tml files carry no document creation time;
   every deictic value in the silver (اليوم -> 2015-12-24, غدا -> 2015-12-25) shows it was produced with a
   reference date of 2015-12-24, so that date is the anchor for both systems.
2. Quotes, speakers, cues and dates on hand-made gold (:mod:`.suggest_gold`; scored as :mod:`.suggest_score`
   says): per label P/R/F1 (overlap and exact), quote type, speaker accuracy over all gold quotes and over the
   quotes found, cue accuracy, date values, speaker coreference, quoted names suggested as quotes, and the same
   per quote type (direct / indirect / mixed) — for the rules alone and for each model asked for.

``--gold`` picks the gold (repeatable): ``dev``, ``dev2``, ``blind``, a ``.jsonl`` file, or a folder of them (a
set annotated in parts). ``--model`` picks who chooses the speakers (repeatable): ``rules``, ``default`` (the model
shipped in the package) or a model file; default: both rules and default.

Run: ``qawl bench suggest-eval [--corpus DIR] [--gold dev|dev2|blind|FILE|DIR ...] [--model rules|default|FILE
...] [--no-dateparser] [--no-dates] [--misses] [--json]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app.core.errors import QawlError
from app.core.jsonl import make_document
from app.core.review.agreement import SpanMatch
from app.core.suggest import RULES, Model, default_model, suggest_document
from app.core.suggest.dates import is_calendar_date

from .common import NO_CORPUS, corpus_dir
from .suggest_gold import HELD_OUT, LABELS, TUNE, load_gold, set_name
from .suggest_score import QuoteScores, TYPES, fig, match, row, score

TIMEML_ANCHOR = "2015-12-24"


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
            found, vok, vn = SpanMatch(), 0, 0
            for d in docs:
                gold = [s for s in d["spans"] if s["type"] == "DATE"
                        and (subset == "all DATE" or is_calendar_date(s["value"]))]
                if system == "qawl":
                    doc = make_document(d["text"], id=d["id"], meta={"date": TIMEML_ANCHOR})
                    pred = [(s.start, s.end, s.attrs.get("value", ""))
                            for s in suggest_document(doc, (), RULES).layer.spans_by_label("DATE")]
                else:
                    pred = dateparser_spans(d["text"], anchor)
                m = match([(g["start"], g["end"]) for g in gold], [(p[0], p[1]) for p in pred])
                found += SpanMatch(len(m), len(gold), len(pred))
                for gi, pi in m:
                    vn += 1
                    vok += _value_ok(gold[gi]["value"], pred[pi][2])
            res[(subset, system)] = (found, vok, vn)
    return res


# --- 2. quotes on hand-made gold ---------------------------------------------------------------------------------

def load_model(spec: str) -> Model:
    """``rules``, ``default`` or a model file (JSON)."""
    if spec == "rules":
        return RULES
    if spec == "default":
        return default_model()
    path = Path(spec)
    if not path.is_file():
        raise QawlError("no such model file (or: rules, default)", file=spec)
    return Model.loads(path.read_text(encoding="utf-8"), spec)


def eval_quotes(corpus: Path, names: tuple[str, ...] | None = None, gold: str | Path = "dev",
                model: Model | None = RULES) -> QuoteScores:
    """Scores of the engine on gold ``gold`` (a set name, file or folder), optionally on some of its articles;
    speakers chosen by ``model`` (the rules alone by default; None: the default model)."""
    return score(load_gold(corpus, gold), model, names)


def _sets(corpus: Path, golds: list[str], models: list[tuple[str, Model]]) -> dict[str, QuoteScores]:
    """Scores per gold set and model; ``dev`` also gives its original tune / held-out halves."""
    out: dict[str, QuoteScores] = {}
    for gold in golds:
        docs = load_gold(corpus, gold)
        for mname, model in models:
            tag = f" / {mname}" if len(models) > 1 else ""
            out[f"{set_name(gold)} ({len(docs)}){tag}"] = score(docs, model)
            if gold == "dev":
                out[f"dev tune (5){tag}"] = score(docs, model, TUNE)
                out[f"dev held-out (5){tag}"] = score(docs, model, HELD_OUT)
    return out


def table(quotes: dict[str, QuoteScores]) -> list[str]:
    """One line per gold set: overlap F1 per label, exact QUOTE F1, type / attribution / speaker / value."""
    head = (f"   {'gold set':<26} {'Q P':>6} {'Q R':>6} {'Q F1':>6} {'Qex F1':>6} {'SPK F1':>6} {'CUE F1':>6} "
            f"{'DATE F1':>7} {'type':>6} {'attr':>6} {'attr R':>6} {'coref':>6} {'value':>6} {'names':>6}")
    rows = [head]
    for name, sc in quotes.items():
        q = sc.overlap["QUOTE"]
        rows.append(f"   {name:<26} {fig(q.precision, 6)} {fig(q.recall, 6)} {fig(q.f1, 6)} "
                    f"{fig(sc.exact['QUOTE'].f1, 6)} {fig(sc.overlap['SPEAKER'].f1, 6)} "
                    f"{fig(sc.overlap['CUE'].f1, 6)} {fig(sc.overlap['DATE'].f1, 7)} "
                    f"{fig(sc.type.value, 6)} {fig(sc.attribution.value, 6)} {fig(sc.speaker.value, 6)} "
                    f"{fig(sc.coref.f1, 6)} {fig(sc.date_value.value, 6)} {sc.name_fp:>2}/{sc.names:<3}")
    return rows


def type_table(quotes: dict[str, QuoteScores]) -> list[str]:
    """Per quote type: recall over gold quotes of the type, precision of suggested quotes of the type, speaker and
    cue accuracy over gold quotes of the type."""
    rows = [f"   {'gold set':<26} {'type':<9} {'gold':>5} {'Q P':>6} {'Q R':>6} {'Q F1':>6} {'speaker':>8} "
            f"{'cue':>6}"]
    for name, sc in quotes.items():
        for t in TYPES:
            b = sc.by_type[t]
            m = SpanMatch(b.found, b.gold, 0)
            p = sc.right_by_type[t] / sc.predicted_by_type[t] if sc.predicted_by_type[t] else None
            f1 = 2 * p * m.recall / (p + m.recall) if p is not None and m.recall and p + m.recall else None
            rows.append(f"   {name:<26} {t:<9} {b.gold:>5} {fig(p, 6)} {fig(m.recall, 6)} {fig(f1, 6)} "
                        f"{fig(b.speaker.value, 8)} {fig(b.cue.value, 6)}")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="qawl bench suggest-eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="the shared corpus (default: $QAWL_CORPUS, else ../shared/corpus)")
    ap.add_argument("--gold", action="append", default=None,
                    help="gold: dev, dev2, blind, a JSONL file or a folder of them; repeatable (default: dev)")
    ap.add_argument("--model", action="append", default=None,
                    help="who chooses the speakers: rules, default or a model file; repeatable (default: both "
                         "rules and default)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser baseline")
    ap.add_argument("--no-dates", action="store_true", help="skip the TimeML date evaluation")
    ap.add_argument("--misses", action="store_true", help="list every miss and spurious suggestion")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    corpus = corpus_dir(args.corpus)
    if corpus is None:
        print(NO_CORPUS, file=sys.stderr)
        return 2
    try:
        models = [(m, load_model(m)) for m in (args.model or ["rules", "default"])]
        golds = args.gold or ["dev"]
        for gold in golds:
            load_gold(corpus, gold)  # every line checked before anything is scored
    except QawlError as exc:
        print(f"qawl: {exc}", file=sys.stderr)
        return 2
    with_dp = not args.no_dateparser and not args.no_dates
    if with_dp:
        import importlib.util

        if importlib.util.find_spec("dateparser") is None:
            print("dateparser is not installed (pip install -e '.[test]'); use --no-dateparser", file=sys.stderr)
            return 2
    dates = {} if args.no_dates else eval_dates(corpus, with_dp)
    quotes = _sets(corpus, golds, models)
    if args.json:
        print(json.dumps({"dates": {f"{a} / {b}": {"p": v[0].precision, "r": v[0].recall, "f1": v[0].f1,
                                                   "value_accuracy": v[1] / v[2] if v[2] else None}
                                    for (a, b), v in dates.items()},
                          "quotes": {k: v.summary() for k, v in quotes.items()}}, indent=1, ensure_ascii=False))
        return 0
    _print_dates(dates, with_dp)
    _print_quotes(quotes)
    if args.misses:
        for name, sc in quotes.items():
            if "held-out" in name or "tune" in name:
                continue
            print(f"\nmisses [{name}]:")
            for line in sc.misses:
                print("  ", line)
    return 0


def _print_dates(dates: dict, with_dp: bool) -> None:
    if not dates:
        return
    print("1. DATE spans on timeml_arabic_news (silver TIMEX3 type DATE; anchor 2015-12-24; overlap match)")
    print(f"   {'subset':<14} {'system':<11} {'P':>6} {'R':>6} {'F1':>6} {'value acc':>10}  counts")
    for (subset, system), (m, vok, vn) in dates.items():
        print(f"   {subset:<14} {system:<11} {fig(m.precision, 6)} {fig(m.recall, 6)} {fig(m.f1, 6)} "
              f"{(vok / vn if vn else 0):10.3f}  tp {m.matched} gold {m.a} pred {m.b}; values {vok}/{vn}")
    if with_dp:
        for subset in ("all DATE", "calendar DATE"):
            q, dp = dates[(subset, "qawl")][0].f1, dates[(subset, "dateparser")][0].f1
            print(f"   {subset}: F1 qawl / dateparser = {q / dp if dp else float('inf'):.2f}x")
    print()


def _print_quotes(quotes: dict[str, QuoteScores]) -> None:
    print("2. quotes, speakers, cues and dates on hand-annotated gold")
    for name, sc in quotes.items():
        print(f"   [{name}]")
        for lab in LABELS:
            print(f"     {lab:<8} overlap {row(sc.overlap[lab])}")
            print(f"     {'':<8} exact   {row(sc.exact[lab])}")
        print(f"     quote type accuracy (found quotes)          {sc.type}")
        print(f"     speaker accuracy over all gold quotes       {sc.speaker}")
        print(f"     speaker accuracy over the quotes found      {sc.attribution}")
        print(f"     cue accuracy over all gold quotes           {sc.cue}")
        print(f"     DATE value accuracy (matched)               {sc.date_value}")
        print(f"     quoted names suggested as quotes            {sc.name_fp} of {sc.names}")
        print(f"     speaker coreference (pairs of found mentions)  {row(sc.coref)}")
    print("\n3. summary (overlap F1 per label; Qex = exact quote F1; type = accuracy on found quotes; attr = right"
          " speaker over found quotes, attr R = right speaker over all gold quotes; coref = pairwise F1 of"
          " same-speaker links among found mentions; value = date values of matched dates)")
    for line in table(quotes):
        print(line)
    print("\n4. per quote type (P over suggested quotes of the type, R over gold quotes of the type; speaker and cue"
          " accuracy over gold quotes of the type)")
    for line in type_table(quotes):
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
