"""``qawl bench claims-eval``: the check-worthiness suggestions measured on the claims gold.

    qawl bench claims-eval [--gold dev|blind|FILE] [--corpus DIR] [--show]

Gold: tests/data/claims_gold (25 dev articles the scorer was written and tuned on; 15 blind articles drawn before
annotation, measured once after the scorer was frozen). The positive class is a gold claim with
``checkworthy: yes`` (second figure: yes + unsure). Scored as the gold's README says:

- **overlap**: a suggestion and a gold claim match when they share at least one character, paired one to one
  (larger overlap first); precision = matched ÷ suggestions, recall = matched ÷ positive gold claims;
- **per sentence**: a sentence is positive when it overlaps a positive gold claim and predicted when it overlaps a
  suggestion.

Each figure is printed beside the floor measured in the same run: a baseline that suggests every sentence with a
number in it (the first cue a checker looks for). ``--show`` lists each article's suggestions and misses (refused for
the blind set: it is measured, never read).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from app.bench.common import corpus_dir

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "claims_gold"


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp, self.gold, self.pred = self.tp + tp, self.gold + gold, self.pred + pred

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def row(self) -> str:
        return f"P {self.p:.3f}  R {self.r:.3f}  F1 {self.f:.3f}  ({self.tp} matched, {self.pred} suggested, " \
               f"{self.gold} gold)"


@dataclass
class Report:
    overlap: dict[str, Counts] = field(default_factory=lambda: {"yes": Counts(), "yes+unsure": Counts()})
    sentences: dict[str, Counts] = field(default_factory=lambda: {"yes": Counts(), "yes+unsure": Counts()})
    baseline: dict[str, Counts] = field(default_factory=lambda: {"yes": Counts(), "yes+unsure": Counts()})
    articles: int = 0
    gold_claims: int = 0
    n_sentences: int = 0


def _pair(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    """One-to-one pairs of overlapping ranges, larger overlap first."""
    pairs = sorted(((min(g[1], p[1]) - max(g[0], p[0]), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if min(g[1], p[1]) > max(g[0], p[0])), reverse=True)
    used_g, used_p, n = set(), set(), 0
    for _ov, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            n += 1
    return n


def load(path: Path, corpus: Path) -> list[tuple[str, str, list[dict]]]:
    """(article id, text, CLAIM spans) per gold line; truncated span texts are checked against their hash."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            g = json.loads(line)
            text = (corpus / "arabic_articles" / f"{g['file']}.txt").read_text(encoding="utf-8")
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != g["text_sha256"]:
                raise SystemExit(f"{path}: {g['file']}: the article is not the one annotated (hash differs)")
            claims = [s for s in g["spans"] if s["label"] == "CLAIM"]
            for s in claims:
                full = text[s["start"]:s["end"]]
                expected = s.get("text_sha256") if s.get("text_truncated") else None
                if (expected and hashlib.sha256(full.encode()).hexdigest() != expected) or \
                        (not expected and full != s["text"]):
                    raise SystemExit(f"{path}: {g['file']} {s['id']}: span text does not match the article")
            out.append((g["file"], text, claims))
    return out


def evaluate(lines, show: bool = False) -> Report:
    from app.core.claims.checkworthy import cues, sentences
    from app.core.claims.suggest import claim_suggestions
    from app.core.model import Document

    report = Report()
    for name, text, claims in lines:
        report.articles += 1
        report.gold_claims += len(claims)
        doc = Document(name, text)
        pred = [(s.start, s.end) for s in claim_suggestions(doc)]
        sents = sentences(text)
        report.n_sentences += len(sents)
        base = [(a, z) for a, z in sents if {"figure", "number", "percent"} & set(cues(text[a:z]))]
        for cls, values in (("yes", {"yes"}), ("yes+unsure", {"yes", "unsure"})):
            gold = [(c["start"], c["end"]) for c in claims if c["attrs"].get("checkworthy") in values]
            report.overlap[cls].add(_pair(gold, pred), len(gold), len(pred))
            report.baseline[cls].add(_pair(gold, base), len(gold), len(base))
            pos = [any(g[0] < z and a < g[1] for g in gold) for a, z in sents]
            hit = [any(p[0] < z and a < p[1] for p in pred) for a, z in sents]
            report.sentences[cls].add(sum(p and h for p, h in zip(pos, hit)), sum(pos), sum(hit))
        if show:
            print(f"\n== {name}: {len(pred)} suggested, {sum(c['attrs'].get('checkworthy') == 'yes' for c in claims)}"
                  " check-worthy in gold")
            gold_yes = [(c["start"], c["end"]) for c in claims if c["attrs"].get("checkworthy") == "yes"]
            for a, z in pred:
                ok = any(g[0] < z and a < g[1] for g in gold_yes)
                print(f"  {'+' if ok else '-'} {text[a:z][:110]}")
            for c in claims:
                if c["attrs"].get("checkworthy") == "yes" and not any(p[0] < c["end"] and c["start"] < p[1]
                                                                       for p in pred):
                    print(f"  MISS {text[c['start']:c['end']][:110]}")
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="qawl bench claims-eval", description=__doc__.split("\n\n")[1])
    p.add_argument("--gold", default="dev", help="dev (default), blind (measure once!), or a gold JSONL file")
    p.add_argument("--corpus", help="the shared corpus folder (default: $QAWL_CORPUS, else ../shared/corpus)")
    p.add_argument("--show", action="store_true", help="list each article's suggestions and misses (not for blind)")
    args = p.parse_args(argv)
    path = GOLD_DIR / f"{args.gold}.jsonl" if args.gold in ("dev", "blind") else Path(args.gold)
    if args.show and path.name == "blind.jsonl":
        raise SystemExit("claims-eval: --show is refused on the blind set: it is measured, never read")
    corpus = Path(args.corpus) if args.corpus else corpus_dir()
    if corpus is None or not (corpus / "arabic_articles").is_dir():
        raise SystemExit("claims-eval: the shared corpus was not found (--corpus DIR or $QAWL_CORPUS)")
    report = evaluate(load(path, corpus), show=args.show)
    print(f"Check-worthiness suggestions on {path.name}: {report.articles} articles, {report.n_sentences} sentences, "
          f"{report.gold_claims} gold claims")
    for cls in ("yes", "yes+unsure"):
        ov, sent, base = report.overlap[cls], report.sentences[cls], report.baseline[cls]
        prevalence = sent.gold / report.n_sentences if report.n_sentences else 0.0
        print(f"  positive = {cls}")
        print(f"    overlap       {ov.row()}")
        print(f"    floor         {base.row()}   (every sentence with a number)")
        print(f"    F1 ratio      {ov.f / base.f if base.f else float('nan'):.2f}x the floor")
        print(f"    per sentence  {sent.row()}   prevalence {prevalence:.2f}")
    return 0
