"""Learning whom to attribute a quote to, from annotated documents.

**Examples.** An annotated document says, for each of its quotes, who said it. The engine reads the document with
the rules (:func:`.engine.analyse`); each attribution it makes that lies on an annotated quote, and that has more
than one candidate speaker, is one example: the candidates' features and which of them are right. A candidate is
right when its mention overlaps a mention of the quote's speaker in the annotation, has the same words, or
shares a personal name with one. While the examples are gathered the right candidate is the one chosen, so the
features that look back (the previous speaker, how often someone spoke) see the true history.

Where the annotations come from (:class:`Truth`): a finished or gold layer (its SAID_BY speakers, with all the
mentions of each speaker entity), or an annotator's decisions on suggestions (an accepted quote's suggested speaker
is right; a rejected speaker is wrong, so any other candidate may be right).

**Model.** A conditional logit: the probability of a candidate is the softmax of its score (the sum of its
features' weights) over the candidates of its attribution; training maximises the log-probability of the right
candidates (of any of them when several are right) minus an L2 penalty that pulls the weights towards the prior:
weight 2 on ``rules-choice`` and 0 elsewhere, i.e. the rules alone. With little data the model stays the rules;
it moves away only as far as the examples push it. The optimiser is L-BFGS with a fixed number of steps, in pure
Python: deterministic, and a few seconds for a few hundred examples. A model is only kept when it beats the rules
clearly in a five-fold cross-validation over the documents — on the held-out choices where the two differ, its
wins exceed its losses by two standard deviations of a sign test — and there are at least ten choices to learn
from; otherwise the rules are kept (:func:`fit` says which). A
project learns the same way starting from the default model (its weights are then the prior, and what has to be
beaten).

**Where content ends** is learned the same way from the same reading (:mod:`.endings`): each running indirect
content on an annotated quote whose end the rules could have put at another of their stops is one example — the
candidate ends' features, and which of them is the annotated quote's end — with ``end:rule`` (the rules' own end)
as the prior. Those weights are kept or not on their own cross-validation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import regex
from typing import Iterable, Mapping, Sequence

from ..model import Document, Layer
from ..text.arabic import fold, mention_key as text_key
from .candidates import Candidate, settled
from .clauses import Record
from .context import Context
from .coref import person_names
from .cues import Cue
from .endings import RULE, Neighbours, candidates, eligible, features as end_features
from .engine import analyse
from .features import describe
from .model import RULES, Model, best

PRIOR = {"rules-choice": 2.0}
END_PRIOR = {RULE: 2.0}  # where content ends: the rules' own end, as the speakers' prior is the rules' choice
L2 = 1.0
FOLDS = 5
MIN_EXAMPLES = 10  # fewer choices to learn from: the model is not worth a cross-validation


@dataclass(frozen=True)
class Said:
    """One annotated quote: its range, the mentions of who said it (start, end, text), and mentions known to be
    wrong (a rejected suggestion)."""

    start: int
    end: int
    right: tuple[tuple[int, int, str], ...] = ()
    wrong: tuple[tuple[int, int], ...] = ()
    nobody: bool = False  # annotated with no speaker at all


@dataclass(frozen=True)
class Truth:
    """What annotations say about one document's quotes."""

    doc: Document
    quotes: tuple[Said, ...]


@dataclass(frozen=True)
class Example:
    """One attribution to learn from: its candidates' features and which candidates are right."""

    doc_id: str
    features: tuple[tuple[str, ...], ...]
    right: frozenset[int]


def truth_of_layer(doc: Document, layer: Layer) -> Truth:
    """The quotes of a finished or gold layer with the mentions of their speakers (all mentions of each speaker
    entity in the layer; a mention without an entity stands for itself)."""
    def key(span) -> str:
        return f"entity:{span.entity}" if span.entity else f"text:{text_key(span.text)}"

    mentions: dict[str, list[tuple[int, int, str]]] = {}
    for span in layer.spans.values():
        if span.label == "SPEAKER":
            mentions.setdefault(key(span), []).append((span.start, span.end, span.text))
    said_by: dict[str, set[str]] = {}
    for rel in layer.relations.values():
        if rel.type == "SAID_BY" and rel.tail in layer.spans:
            said_by.setdefault(rel.head, set()).add(key(layer.spans[rel.tail]))
    quotes = []
    for span in layer.spans.values():
        if span.label != "QUOTE":
            continue
        keys = said_by.get(span.id, set())
        right = tuple(m for k in sorted(keys) for m in mentions.get(k, ()))
        quotes.append(Said(span.start, span.end, right, nobody=not keys))
    return Truth(doc, tuple(sorted(quotes, key=lambda q: (q.start, q.end))))


def truth_of_decisions(doc: Document, suggestions: Layer, annotator: str | None = None) -> Truth:
    """What decisions on the suggestion layer say: an accepted quote whose suggested speaker was accepted (or not
    rejected) was said by that speaker; a rejected speaker of a quote someone did not reject was wrong."""
    def decided(span, what: str) -> bool:
        decisions = span.provenance.get("decisions")
        if not isinstance(decisions, dict):
            return False
        return decisions.get(annotator) == what if annotator else what in decisions.values()

    quotes = []
    for span in suggestions.spans.values():
        if span.label != "QUOTE" or decided(span, "rejected"):
            continue
        speakers = suggestions.linked(span.id, "SAID_BY")
        right = tuple((s.start, s.end, s.text) for s in speakers if decided(span, "accepted")
                      and not decided(s, "rejected"))
        wrong = tuple((s.start, s.end) for s in speakers if decided(s, "rejected"))
        if right or wrong:
            quotes.append(Said(span.start, span.end, right, wrong))
    return Truth(doc, tuple(sorted(quotes, key=lambda q: (q.start, q.end))))


# --- examples ------------------------------------------------------------------------------------------------------

class _Teacher:
    """A chooser that records an example for every attribution it is asked about and picks a right candidate."""

    extent: Mapping[str, float] = {}  # (the rules' ends while speaker examples are gathered)

    def __init__(self, truth: Truth) -> None:
        self.truth = truth
        self.examples: list[Example] = []
        self.unreachable = 0  # attributions on an annotated quote none of whose candidates is right

    def choose(self, ctx: Context, rec: Record, cue: Cue, cands: list[Candidate], records: list[Record]) -> int:
        said = self._said(ctx, rec)
        if said is None:
            return 0
        right = frozenset(i for i, c in enumerate(cands) if _is_right(ctx, c, said))
        if not right:
            self.unreachable += 1
            return 0
        if len(cands) > 1 and len(right) < len(cands):
            describe(ctx, rec, cue, cands, records)
            self.examples.append(Example(ctx.doc.id, tuple(tuple(c.features) for c in cands), right))
        return 0 if settled(cue, cands) else min(right)  # (as any chooser: the written subject stays)

    def _said(self, ctx: Context, rec: Record) -> Said | None:
        return _overlapping(ctx, rec, self.truth)


def _is_right(ctx: Context, cand: Candidate, said: Said) -> bool:
    if cand.mention is None:
        return said.nobody
    s, e = ctx.an.token_span(*cand.mention)
    if said.right:
        text = ctx.doc.text[s:e]
        key = text_key(text)
        names = person_names([t.norm for t in ctx.an.words(*cand.mention)])
        for a, z, other in said.right:
            if a < e and s < z or text_key(other) == key:
                return True
            if names and names & person_names(_words(other)):
                return True
        return False
    if said.wrong:  # only known to be wrong: any other candidate may be right
        return not any(a < e and s < z for a, z in said.wrong)
    return False


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


_WORD = regex.compile(r"[\p{L}\p{M}]+")


def examples(truths: Iterable[Truth]) -> tuple[list[Example], int]:
    """The examples of annotated documents, and how many annotated attributions had no right candidate."""
    speakers, unreachable, _, _ = all_examples(truths)
    return speakers, unreachable


def all_examples(truths: Iterable[Truth]) -> tuple[list[Example], int, list[Example], int]:
    """The speaker examples and the content-end examples (:mod:`.endings`) of annotated documents, each with how
    many annotated quotes had no right candidate — from one reading of each document."""
    speakers: list[Example] = []
    ends: list[Example] = []
    unreachable = ends_unreachable = 0
    for truth in truths:
        teacher = _Teacher(truth)
        ctx, records = analyse(truth.doc, teacher)
        speakers += teacher.examples
        unreachable += teacher.unreachable
        found, missed = _end_examples(ctx, records, truth)
        ends += found
        ends_unreachable += missed
    return speakers, unreachable, ends, ends_unreachable


def _end_examples(ctx: Context, records: list[Record], truth: Truth) -> tuple[list[Example], int]:
    """One example per running content on an annotated quote whose end the rules could have put elsewhere: the
    candidate ends' features, and which of them is the annotated quote's end."""
    out: list[Example] = []
    missed = 0
    neighbours = Neighbours(records)
    for rec in records:
        if not eligible(rec):
            continue
        said = _overlapping(ctx, rec, truth)
        cands = candidates(ctx, rec, neighbours) if said is not None else []
        if len(cands) < 2:
            continue
        right = frozenset(i for i, k in enumerate(cands) if ctx.an.token_span(rec.first, k)[1] == said.end)
        if not right:
            missed += 1
        elif len(right) < len(cands):
            out.append(Example(ctx.doc.id, tuple(end_features(ctx, rec, cands[0], k) for k in cands), right))
    return out, missed


def _overlapping(ctx: Context, rec: Record, truth: Truth) -> Said | None:
    """The annotated quote that overlaps the record's content most."""
    s, e = ctx.an.token_span(rec.first, rec.last)
    best_q, best_ov = None, 0
    for q in truth.quotes:
        ov = min(e, q.end) - max(s, q.start)
        if ov > best_ov:
            best_q, best_ov = q, ov
    return best_q


# --- training ------------------------------------------------------------------------------------------------------

def train(data: Sequence[Example], prior: Mapping[str, float] = PRIOR, l2: float = L2,
          steps: int = 60) -> dict[str, float]:
    """Weights maximising the examples' log-likelihood minus ``l2``/2 · ||w - prior||² (L-BFGS, ``steps`` steps)."""
    names = sorted({f for ex in data for cand in ex.features for f in cand} | set(prior))
    index = {n: k for k, n in enumerate(names)}
    rows = [([[index[f] for f in cand] for cand in ex.features], ex.right) for ex in data]
    w0 = [prior.get(n, 0.0) for n in names]
    w = _lbfgs(lambda v: _objective(v, rows, w0, l2), list(w0), steps)
    return {n: v for n, v in zip(names, w) if abs(v) > 1e-9}


def _objective(w: list[float], rows, w0: list[float], l2: float) -> tuple[float, list[float]]:
    """The negative penalised log-likelihood and its gradient."""
    grad = [l2 * (a - b) for a, b in zip(w, w0)]
    loss = 0.5 * l2 * sum((a - b) ** 2 for a, b in zip(w, w0))
    for cands, right in rows:
        scores = [sum(w[k] for k in cand) for cand in cands]
        every, good = _logsumexp(scores), _logsumexp([scores[i] for i in right])
        loss -= good - every
        for i, cand in enumerate(cands):
            g = math.exp(scores[i] - every) - (math.exp(scores[i] - good) if i in right else 0.0)  # p_i - q_i
            if g:
                for k in cand:
                    grad[k] += g
    return loss, grad


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _lbfgs(f, x: list[float], steps: int, memory: int = 8) -> list[float]:
    """Minimise ``f`` (returning value and gradient) from ``x``: L-BFGS with a backtracking line search."""
    fx, g = f(x)
    hist: list[tuple[list[float], list[float], float]] = []
    for _ in range(steps):
        q = list(g)
        alphas = []
        for s, y, rho in reversed(hist):
            a = rho * _dot(s, q)
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, y)]
        gamma = _dot(hist[-1][0], hist[-1][1]) / _dot(hist[-1][1], hist[-1][1]) if hist else 1.0
        r = [gamma * qi for qi in q]
        for (s, y, rho), a in zip(hist, reversed(alphas)):
            b = rho * _dot(y, r)
            r = [ri + (a - b) * si for ri, si in zip(r, s)]
        d = [-ri for ri in r]
        slope = _dot(g, d)
        if slope >= 0:
            d, slope, hist = [-gi for gi in g], -_dot(g, g), []
        step = 1.0
        while True:
            x_new = [xi + step * di for xi, di in zip(x, d)]
            f_new, g_new = f(x_new)
            if f_new <= fx + 1e-4 * step * slope or step < 1e-8:
                break
            step *= 0.5
        s = [a - b for a, b in zip(x_new, x)]
        y = [a - b for a, b in zip(g_new, g)]
        sy = _dot(s, y)
        if sy > 1e-12:
            hist = (hist + [(s, y, 1.0 / sy)])[-memory:]
        converged = abs(fx - f_new) < 1e-7 * max(1.0, abs(fx))
        x, fx, g = x_new, f_new, g_new
        if converged:
            break
    return x


def _dot(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b))


# --- fitting with a check against the rules ------------------------------------------------------------------------

def accuracy(weights: Mapping[str, float], data: Sequence[Example]) -> float:
    """The share of examples whose best-scoring candidate is right."""
    if not data:
        return 0.0
    return sum(1 for ex in data if _pick(weights, ex) in ex.right) / len(data)


def _pick(weights: Mapping[str, float], ex: Example) -> int:
    cands = [Candidate(None, ["x"], features=list(f)) for f in ex.features]
    return best(weights, cands)


@dataclass(frozen=True)
class Duel:
    """A cross-validation of a trained model against the weights it starts from: accuracies on held-out
    documents, and the held-out choices only the model got right (wins) or only the base got right (losses)."""

    model: float = 0.0
    base: float = 0.0
    wins: int = 0
    losses: int = 0

    @property
    def clear_win(self) -> bool:
        """A one-sided sign test on the choices where they differ, at two standard deviations: the model is kept
        only when it wins clearly (a tie or a narrow win is noise: on held-out sets of other articles such models
        were worse than the rules about as often as better)."""
        n = self.wins + self.losses
        return n > 0 and self.wins - self.losses >= 2 * math.sqrt(n)


def cross_validated(data: Sequence[Example], base: Mapping[str, float], prior: Mapping[str, float],
                    folds: int = FOLDS, l2: float = L2) -> Duel:
    """A model trained from ``prior`` against the ``base`` weights on held-out documents, ``folds``-fold by
    document (the documents of each fold are left out of its training)."""
    docs = sorted({ex.doc_id for ex in data})
    if len(docs) < 2:
        return Duel()
    k = min(folds, len(docs))
    right_model = right_base = wins = losses = 0
    for f in range(k):
        held = set(docs[f::k])
        test = [ex for ex in data if ex.doc_id in held]
        weights = train([ex for ex in data if ex.doc_id not in held], prior, l2)
        for ex in test:
            m, b = _pick(weights, ex) in ex.right, _pick(base, ex) in ex.right
            right_model += m
            right_base += b
            wins += m and not b
            losses += b and not m
    return Duel(right_model / len(data), right_base / len(data), wins, losses)


def training_report(truths: Sequence[Truth], data: Sequence[Example], unreachable: int, base: Model, duel: Duel,
                    description: str, kept: str) -> dict:
    """What a model was trained on and how it did against ``base`` (a model's ``trained_on``)."""
    return {"description": description, "documents": len(truths), "quotes": sum(len(t.quotes) for t in truths),
            "examples": len(data), "without_a_right_candidate": unreachable, "base": base.name,
            "cross_validated": {"model": round(duel.model, 4), base.name: round(duel.base, 4), "folds": FOLDS,
                                "wins": duel.wins, "losses": duel.losses},
            "kept": kept}


def ends_report(ends: Sequence[Example], unreachable: int, base: str, duel: Duel, kept: str) -> dict:
    """What the content-end weights were trained on and how they did against ``base``'s ends (``trained_on``'s
    "ends")."""
    return {"examples": len(ends), "without_a_right_candidate": unreachable,
            "cross_validated": {"model": round(duel.model, 4), base: round(duel.base, 4), "folds": FOLDS,
                                "wins": duel.wins, "losses": duel.losses},
            "kept": kept}


def fit(truths: Iterable[Truth], name: str, description: str = "", base: Model = RULES) -> Model:
    """A model trained on ``truths``, starting from ``base`` (its weights are the prior: with few examples the
    model stays ``base``) — or ``base`` itself unless the trained model beats it clearly in a cross-validation
    over the documents (:attr:`Duel.clear_win`). The speaker weights and the content-end weights (:mod:`.endings`)
    are each kept or not on their own duel. ``trained_on`` says what they were trained on and which were kept."""
    truths = list(truths)
    data, unreachable, ends, ends_unreachable = all_examples(truths)
    prior = dict(PRIOR) if base.rules_only else dict(base.weights)
    duel = cross_validated(data, base.weights, prior)
    kept = len(data) >= MIN_EXAMPLES and duel.clear_win
    end_base = dict(base.extent) or {RULE: 1.0}
    end_prior = dict(base.extent) or dict(END_PRIOR)
    end_duel = cross_validated(ends, end_base, end_prior)
    ends_kept = len(ends) >= MIN_EXAMPLES and end_duel.clear_win
    about = training_report(truths, data, unreachable, base, duel, description, "model" if kept else base.name)
    about["ends"] = ends_report(ends, ends_unreachable, base.name, end_duel, "model" if ends_kept else base.name)
    if not (kept or ends_kept):
        return Model(base.weights, base.name, {**base.trained_on, "refit": about}, base.extent)
    return Model(train(data, prior) if kept else base.weights, name, about,
                 train(ends, end_prior) if ends_kept else base.extent)
