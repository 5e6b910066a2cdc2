"""Kappa and alpha agree with reference implementations (scikit-learn, the ``krippendorff`` package) on random
layers: the units are listed one by one here, naively, and fed to the references; the report never lists them."""

from __future__ import annotations

import math
import unicodedata
import warnings

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.review.agreement import agreement_report
from app.core.review.units import DEFAULT_PRECEDENCE, precedence_for
from app.core.model import Layer, Span

np = pytest.importorskip("numpy")
krippendorff = pytest.importorskip("krippendorff")
sklearn_metrics = pytest.importorskip("sklearn.metrics")

LABELS = ("QUOTE", "SPEAKER", "CUE")
WORDS = ["قال", "وأكدَ", "«السيد»", "2024،", "the", "minister", "said:", "الـمـدير", "x", "\u200fإن", "ok.", "...",
         "»،", "\u200f", "می\u200cخواهم", "x-y", "(٢٠٢٤)", "\u00ad"]
SEPARATORS = [" ", "  ", "\n", "\u00a0", " - "]


def naive_units(text: str, unit: str) -> list[tuple[int, int]]:
    if unit == "char":
        return [(i, i + 1) for i, ch in enumerate(text)
                if not ch.isspace() and unicodedata.category(ch) != "Cf"]
    return [m.span() for m in regex.finditer(r"\w+|[^\w\s\p{Cf}]", text)]


def category(layer: Layer, start: int, end: int, scope: str, unit: str, order: tuple[str, ...]) -> str:
    if unit == "char":
        covering = {s.label for s in layer.spans.values() if s.start <= start < s.end}
    else:
        covering = {s.label for s in layer.spans.values() if s.start < end and start < s.end}
    if scope == "overall":
        return next((l for l in order if l in covering), "none")
    return scope if scope in covering else "none"


@st.composite
def documents(draw):
    n_ann = draw(st.integers(2, 4))
    names = [f"ann{k}" for k in range(n_ann)]
    docs = []
    for d in range(draw(st.integers(1, 3))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
        seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
        text = "".join(w + s for w, s in zip(words, seps))
        layers = []
        for name in names:
            if draw(st.integers(0, 4)) == 0:
                continue  # this annotator did not annotate this document: missing data
            spans = []
            for _ in range(draw(st.integers(0, 5))):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, min(len(text), start + 25)))
                spans.append(Span.of(text, draw(st.sampled_from(LABELS)), start, end))
            layers.append(Layer(f"doc{d}", name, spans=spans))
        docs.append((text, layers))
    return names, docs


def reference_figures(names, docs, unit, scope, order):
    """Per pair: Cohen's kappa from scikit-learn; all: Krippendorff's alpha from the package (None if undefined)."""
    rows = {n: [] for n in names}
    pair_values = {(a, b): ([], []) for i, a in enumerate(names) for b in names[i + 1:]}
    for text, layers in docs:
        by_name = {l.annotator: l for l in layers}
        for start, end in naive_units(text, unit):
            cats = {n: category(by_name[n], start, end, scope, unit, order) for n in by_name}
            for n in names:
                rows[n].append(cats.get(n))
            for (a, b), (xs, ys) in pair_values.items():
                if a in cats and b in cats:
                    xs.append(cats[a])
                    ys.append(cats[b])
    kappas = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for pair, (xs, ys) in pair_values.items():
            k = sklearn_metrics.cohen_kappa_score(xs, ys) if xs else math.nan
            kappas[pair] = None if math.isnan(k) else float(k)
    codes = {c: i for i, c in enumerate(sorted({v for r in rows.values() for v in r if v is not None}))}
    data = np.array([[np.nan if v is None else codes[v] for v in rows[n]] for n in names], dtype=float)
    try:
        alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
        alpha = None if math.isnan(alpha) else alpha
    except ValueError:  # "There has to be more than one value in the domain."
        alpha = None
    return kappas, alpha


def close(ours, ref):
    if ref is None:
        return ours is None
    return ours is not None and ours == pytest.approx(ref, abs=1e-9)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the package divides 0/0 where alpha is undefined
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.sampled_from(["char", "token"]))
def test_kappa_and_alpha_match_the_reference_implementations(data, unit):
    names, docs = data
    report = agreement_report(docs, annotators=names, labels=LABELS)
    order = precedence_for(LABELS, DEFAULT_PRECEDENCE)
    for scope in ("overall", *LABELS):
        kappas, alpha = reference_figures(names, docs, unit, scope, order)
        ours_all = (report.all.overall if scope == "overall" else report.all.labels[scope]).unit(unit)
        assert close(ours_all.alpha, alpha), (scope, ours_all, alpha)
        for (a, b), k in kappas.items():
            c = report.pair(a, b)
            ours = (c.overall if scope == "overall" else c.labels[scope]).unit(unit)
            assert close(ours.kappa, k), (scope, a, b, ours, k)


def test_reference_check_on_one_fixed_case():
    # the hand-computed case of test_agreement.py, through the references
    text = "one two three four five six seven eight nine ten"
    a = Layer("d", "A", spans=[Span.of(text, "QUOTE", 0, 13), Span.of(text, "QUOTE", 19, 33)])
    b = Layer("d", "B", spans=[Span.of(text, "QUOTE", 0, 13), Span.of(text, "QUOTE", 24, 39)])
    kappas, alpha = reference_figures(["A", "B"], [(text, [a, b])], "char", "QUOTE", LABELS)
    assert kappas[("A", "B")] == pytest.approx(14 / 27)
    assert alpha == pytest.approx(1 - 1386 / 2914)
