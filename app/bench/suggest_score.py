"""Scoring suggestions against hand-made gold: spans per label, quote types, who said it, cues and dates.

Spans pair one-to-one by overlap with the review's rule (:func:`app.core.review.matching.greedy_pairs`), and
P/R/F1 are the review's :class:`~app.core.review.agreement.SpanMatch` (gold is the reference). For each gold quote:

- *found*: a suggested quote overlaps it; its *type* is right when the suggested type equals the gold type;
- *speaker right*: the suggested quote's SAID_BY speaker is the gold speaker entity — through the gold mention
  it overlaps, or else through the other mentions of the same suggested entity (so in-article coreference is what
  is judged). **Speaker accuracy over gold quotes** counts every gold quote that has a speaker, found or not
  (a quote the engine missed has no right speaker); *attribution accuracy* counts only the quotes it found;
- *cue right*: a CUE of the suggested quote overlaps a CUE of the gold quote.

Per type (direct / indirect / mixed): recall over the gold quotes of the type, precision over the suggested quotes
of the type, speaker and cue accuracy over the gold quotes of the type. Speaker coreference is pairwise over the
suggested mentions that overlap a gold mention; quoted names (quotation marks around names) suggested as quotes are
counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from app.core.model import Layer, Span
from app.core.review.agreement import SpanMatch
from app.core.review.matching import exact_count, greedy_pairs, overlap
from app.core.suggest import Model, suggest_document

from .suggest_gold import LABELS, GoldDoc

TYPES = ("direct", "indirect", "mixed")


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one overlap pairs (gold index, pred index) by the review's greedy rule (larger overlap first,
    then smaller union, then position)."""
    order = sorted(range(len(pred)), key=lambda i: pred[i])
    return [(gi, order[j]) for gi, j in greedy_pairs(gold, [pred[i] for i in order])]


def counts(gold: list[tuple[int, int]], pred: list[tuple[int, int]], exact: bool = False) -> SpanMatch:
    """Matched / gold / predicted counts of one document's spans of one label (gold is the reference)."""
    matched = exact_count(gold, pred) if exact else len(match(gold, pred))
    return SpanMatch(matched, len(gold), len(pred))


def fig(x: float | None, width: int = 5) -> str:
    return f"{x:{width}.3f}" if x is not None else f"{'n/a':>{width}}"


def row(m: SpanMatch) -> str:
    """``P … R … F1 … (tp, gold, pred)``; an undefined figure (nothing to divide by) shows as ``n/a``."""
    return f"P {fig(m.precision)}  R {fig(m.recall)}  F1 {fig(m.f1)}  (tp {m.matched}, gold {m.a}, pred {m.b})"


def prf(m: SpanMatch) -> tuple[float | None, float | None, float | None]:
    return m.precision, m.recall, m.f1


def ratio(ok: int, n: int) -> float | None:
    return ok / n if n else None


@dataclass
class Tally:
    """Right out of counted."""

    ok: int = 0
    n: int = 0

    def add(self, right: bool) -> None:
        self.ok += bool(right)
        self.n += 1

    @property
    def value(self) -> float | None:
        return ratio(self.ok, self.n)

    def __str__(self) -> str:
        return f"{fig(self.value)} ({self.ok}/{self.n})"


@dataclass
class ByType:
    """Figures of the gold quotes of one type."""

    gold: int = 0
    found: int = 0
    speaker: Tally = field(default_factory=Tally)  # over gold quotes of the type that have a speaker
    cue: Tally = field(default_factory=Tally)  # over gold quotes of the type that have a cue


class QuoteScores:
    def __init__(self) -> None:
        self.exact = {lab: SpanMatch() for lab in LABELS}
        self.overlap = {lab: SpanMatch() for lab in LABELS}
        self.type = Tally()  # over found quotes
        self.attribution = Tally()  # right speaker over found quotes with a gold speaker
        self.speaker = Tally()  # right speaker over all gold quotes with a gold speaker
        self.cue = Tally()  # right cue over all gold quotes with a gold cue
        self.date_value = Tally()
        self.name_fp = self.names = 0
        self.coref = SpanMatch()  # same-speaker links between found mentions: predicted entity vs gold entity
        self.by_type = {t: ByType() for t in TYPES}
        self.predicted_by_type = {t: 0 for t in TYPES}
        self.right_by_type = {t: 0 for t in TYPES}
        self.misses: list[str] = []

    def summary(self) -> dict:
        return {"overlap": {k: prf(v) for k, v in self.overlap.items()},
                "exact": {k: prf(v) for k, v in self.exact.items()},
                "type_accuracy": self.type.value or 0.0,
                "attribution_accuracy": self.attribution.value or 0.0,
                "attribution_recall": self.speaker.value or 0.0,
                "speaker_accuracy_over_gold_quotes": self.speaker.value or 0.0,
                "cue_accuracy_over_gold_quotes": self.cue.value or 0.0,
                "date_value_accuracy": self.date_value.value or 0.0,
                "quoted_name_fp": self.name_fp, "quoted_names": self.names,
                "speaker_coreference": prf(self.coref),
                "by_type": {t: {"gold": b.gold, "found": b.found, "predicted": self.predicted_by_type[t],
                                "predicted_right": self.right_by_type[t],
                                "recall": ratio(b.found, b.gold),
                                "precision": ratio(self.right_by_type[t], self.predicted_by_type[t]),
                                "speaker_accuracy": b.speaker.value, "cue_accuracy": b.cue.value}
                            for t, b in self.by_type.items()}}


def score(gold: Iterable[GoldDoc], model: Model | None = None, names: Iterable[str] | None = None) -> QuoteScores:
    """Scores of the engine (speakers chosen by ``model``: the default when None) on gold documents, optionally
    only those named."""
    wanted = set(names) if names is not None else None
    sc = QuoteScores()
    for g in gold:
        if wanted is None or g.id in wanted:
            score_layer(sc, g, suggest_document(g.doc, (), model).layer)
    return sc


def score_layer(sc: QuoteScores, g: GoldDoc, layer: Layer) -> None:
    """Add one document's figures: ``layer`` (the suggestions) against ``g``'s gold layer."""
    gl = g.layer
    gold_by = {lab: gl.spans_by_label(lab) for lab in LABELS}
    pred_by = {lab: layer.spans_by_label(lab) for lab in LABELS}
    matches = {}
    for lab in LABELS:
        gr = [(s.start, s.end) for s in gold_by[lab]]
        pr = [(s.start, s.end) for s in pred_by[lab]]
        sc.exact[lab] += counts(gr, pr, exact=True)
        matches[lab] = match(gr, pr)
        sc.overlap[lab] += SpanMatch(len(matches[lab]), len(gr), len(pr))
    for gi, pi in matches["DATE"]:
        sc.date_value.add(gold_by["DATE"][gi].attrs.get("value") == pred_by["DATE"][pi].attrs.get("value"))
    sc.coref += _coreference(gold_by["SPEAKER"], pred_by["SPEAKER"])
    entity_of = _entity_map(gold_by["SPEAKER"], pred_by["SPEAKER"])
    matched_q = dict(matches["QUOTE"])
    for gi, gq in enumerate(gold_by["QUOTE"]):
        _gold_quote(sc, g, layer, gq, pred_by["QUOTE"][matched_q[gi]] if gi in matched_q else None, entity_of)
    right_pred = {pi for _, pi in matches["QUOTE"]}
    for pi, pq in enumerate(pred_by["QUOTE"]):
        t = pq.attrs.get("type")
        if t in sc.predicted_by_type:
            sc.predicted_by_type[t] += 1
            sc.right_by_type[t] += pi in right_pred
        if pi not in right_pred:
            sc.misses.append(f"{g.id}: spurious quote {pq.text[:60]!r} ({pq.provenance.get('rule')})")
    for nq in g.line.get("quoted_names_not_quotes") or ():
        sc.names += 1
        if any(nq["start"] <= q.start and q.end <= nq["end"] for q in pred_by["QUOTE"]):
            sc.name_fp += 1
            sc.misses.append(f"{g.id}: quoted name suggested as a quote: {nq['text']!r}")


def _gold_quote(sc: QuoteScores, g: GoldDoc, layer: Layer, gq: Span, pq: Span | None, entity_of) -> None:
    gl = g.layer
    gtype = gq.attrs.get("type")
    bt = sc.by_type.get(gtype)
    said = {s.entity for s in gl.linked(gq.id, "SAID_BY")}
    gold_cues = gl.linked(gq.id, "CUE")
    if bt is not None:
        bt.gold += 1
        bt.found += pq is not None
    if pq is None:
        sc.misses.append(f"{g.id}: missed {gtype} quote {gq.text[:60]!r}")
        if said:
            sc.speaker.add(False)
            if bt is not None:
                bt.speaker.add(False)
        if gold_cues:
            sc.cue.add(False)
            if bt is not None:
                bt.cue.add(False)
        return
    sc.type.add(gtype == pq.attrs.get("type"))
    if said:
        got = {entity_of.get(s.id) for s in layer.linked(pq.id, "SAID_BY")}
        ok = bool(got & said)
        sc.attribution.add(ok)
        sc.speaker.add(ok)
        if bt is not None:
            bt.speaker.add(ok)
        if not ok:
            sc.misses.append(f"{g.id}: wrong speaker for {gq.text[:40]!r}: "
                             f"{[s.text for s in layer.linked(pq.id, 'SAID_BY')]} vs {sorted(said)}")
    if gold_cues:
        ok = any(overlap(a.start, a.end, b.start, b.end) for a in gold_cues for b in layer.linked(pq.id, "CUE"))
        sc.cue.add(ok)
        if bt is not None:
            bt.cue.add(ok)


def _coreference(gold_speakers: list[Span], pred_speakers: list[Span]) -> SpanMatch:
    """Pairwise coreference of the predicted speaker mentions that overlap a gold mention: a pair is linked in
    the prediction when both have the same entity, in the gold when their gold entities are equal."""
    found = []
    for p in pred_speakers:
        g = next((gs for gs in gold_speakers if overlap(gs.start, gs.end, p.start, p.end)), None)
        if g is not None:
            found.append((p.entity, g.entity))
    tp = pred = gold = 0
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            same_p, same_g = found[i][0] == found[j][0], found[i][1] == found[j][1]
            tp += same_p and same_g
            pred += same_p
            gold += same_g
    return SpanMatch(tp, gold, pred)


def _entity_map(gold_speakers: list[Span], pred_speakers: list[Span]) -> dict[str, str]:
    """Predicted speaker span id -> gold entity: through an overlapping gold mention, else through the other
    mentions of the same predicted entity (so in-article coreference is what is judged)."""
    direct: dict[str, str] = {}
    by_entity: dict[str | None, list[str]] = {}
    for p in pred_speakers:
        for gs in gold_speakers:
            if overlap(gs.start, gs.end, p.start, p.end):
                direct[p.id] = gs.entity
                by_entity.setdefault(p.entity, []).append(gs.entity)
                break
    out = dict(direct)
    for p in pred_speakers:
        if p.id not in out and by_entity.get(p.entity):
            votes = by_entity[p.entity]  # (a tie goes to the earliest mention's: max over a set of names went
            out[p.id] = max(votes, key=votes.count)  # by the process's string hashing, so figures varied by run)
    return out
