"""End to end on real data: one PolNeAR article annotated by six people (brat standoff).

A small local brat reader (T and E lines only) stands in for the project's brat importer: ``Source`` -> SPEAKER,
``Cue`` -> CUE, ``Content`` -> QUOTE; an E line's Source and Cue become SAID_BY and CUE relations of its Content;
a discontinuous span ``a b;c d`` becomes one span per fragment (each fragment gets the relations).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.review.adjudicate import accept_all_agreed
from app.core.review.agreement import agreement_report
from app.core.workspace import Workspace
from app.core.review.diff import differences, summarise
from app.core.model import GOLD, Layer, Relation, Span
from app.core.review.report import report_to_html, report_to_json

pytestmark = pytest.mark.corpus

ARTICLE = "politico_2016-09-08_flynn-says-trump-absolutely-righ"
LABELS = {"Source": "SPEAKER", "Cue": "CUE", "Content": "QUOTE"}
ROLES = {"Source": "SAID_BY", "Cue": "CUE"}


def corpus() -> Path:
    for candidate in (Path(__file__).parents[1].parent / "shared" / "corpus", os.environ.get("QAWL_CORPUS")):
        if candidate and (Path(candidate) / "english_quote_attribution").is_dir():
            return Path(candidate)
    pytest.skip("the shared corpus is not here (../shared/corpus or $QAWL_CORPUS)")


def read_brat(text: str, ann: str, doc_id: str, annotator: str) -> Layer:
    fragments: dict[str, list[Span]] = {}
    relations: list[Relation] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, middle, _ = line.split("\t")
            kind, ranges = middle.split(" ", 1)
            if kind not in LABELS:
                continue  # Attribution triggers, Discuss
            fragments[tid] = [Span.of(text, LABELS[kind], int(s), int(e), id=f"{tid}.{k}")
                              for k, (s, e) in enumerate(r.split() for r in ranges.split(";"))]
    for line in ann.splitlines():
        if line.startswith("E"):
            eid, args = line.split("\t")
            roles = dict(arg.split(":") for arg in args.split())
            for role, rtype in ROLES.items():
                if role in roles and "Content" in roles:
                    for q in fragments[roles["Content"]]:
                        for k, tail in enumerate(fragments[roles[role]]):
                            relations.append(Relation(f"{eid}.{q.id}.{role}.{k}", rtype, q.id, tail.id))
    return Layer(doc_id, annotator, "done", [s for group in fragments.values() for s in group], relations)


@pytest.fixture(scope="module")
def article():
    folder = corpus() / "english_quote_attribution" / "polnear_brat" / "multi_annotator"
    text = (folder / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    layers = []
    for path in sorted(folder.glob(f"{ARTICLE}_*.ann")):
        annotator = path.stem.rsplit("_", 1)[1]
        layers.append(read_brat(text, path.read_text(encoding="utf-8"), ARTICLE, annotator))
    assert len(layers) == 6
    return text, layers


@pytest.fixture(scope="module")
def report(article):
    text, layers = article
    return agreement_report([(text, layers)], title="PolNeAR flynn, six annotators")


def test_the_reader_splits_discontinuous_spans_and_keeps_every_span_true_to_the_text(article):
    text, layers = article
    layer = next(l for l in layers if l.annotator == "4b22")
    assert len(layer.spans_by_label("SPEAKER")) == 7
    assert len(layer.spans_by_label("CUE")) == 9
    assert len(layer.spans_by_label("QUOTE")) == 11  # 9 Content, two of them in two fragments
    layer.check_against(text)


def test_six_annotators_give_fifteen_pairs(report):
    assert report.annotators == ("4b22", "4e07", "5fec", "6b86", "d473", "ef2d")
    assert len(report.pairs) == 15 and all(c.documents == 1 for c in report.pairs)


def test_figures_checked_by_hand_for_one_pair(report):
    # 4b22 and d473 have the same 7 Sources; their Cues differ once (654-669 "an answer about" vs 654-663
    # "an answer"), their Contents once (670-707 vs 664-707); every other span is the same.
    c = report.pair("4b22", "d473")
    assert c.labels["SPEAKER"].exact.f1 == 1.0
    assert c.labels["CUE"].exact.f1 == pytest.approx(2 * 8 / 18)
    assert c.labels["QUOTE"].exact.f1 == pytest.approx(2 * 10 / 22)
    assert c.overall.exact.f1 == pytest.approx(2 * 25 / 54)
    assert c.overall.overlap.f1 == 1.0  # the two differing pairs overlap


def test_pairwise_figures_do_not_depend_on_the_order_of_the_pair(article, report):
    text, layers = article
    reverse = agreement_report([(text, layers)], annotators=list(reversed(report.annotators)))
    for c in report.pairs:
        a, b = c.annotators
        r = reverse.pair(a, b)
        assert r.annotators == (b, a)
        for scope in ("overall", *report.labels):
            f1 = c.overall if scope == "overall" else c.labels[scope]
            f2 = r.overall if scope == "overall" else r.labels[scope]
            assert f1.exact.f1 == f2.exact.f1 and f1.overlap.f1 == f2.overlap.f1
            assert (f1.overlap.precision, f1.overlap.recall) == (f2.overlap.recall, f2.overlap.precision)
            for unit in ("char", "token"):
                assert f1.unit(unit).kappa == pytest.approx(f2.unit(unit).kappa)
                assert f1.unit(unit).alpha == pytest.approx(f2.unit(unit).alpha)
    assert reverse.all.overall.char.alpha == pytest.approx(report.all.overall.char.alpha)


def test_every_coefficient_is_in_range(report):
    for c in (report.all, *report.pairs):
        for f in (c.overall, *c.labels.values()):
            for value in (f.exact.f1, f.overlap.f1):
                assert value is None or 0.0 <= value <= 1.0
            for unit in (f.char, f.token):
                for value in (unit.kappa, unit.alpha):
                    assert value is None or -1.0 <= value <= 1.0
        for fields in c.attribution.values():
            for f in fields.values():
                assert f.agreed <= f.compared <= f.matched
    # six careful annotators of one article agree well, but not perfectly
    assert 0.6 < report.all.overall.char.alpha < 1.0
    assert 0.6 < report.all.overall.overlap.f1 < 1.0


def test_all_annotators_see_every_character_unit(article, report):
    text, _ = article
    assert report.all.overall.char.units == sum(1 for ch in text if not ch.isspace())


def test_an_annotator_agrees_perfectly_with_a_copy_of_themselves(article):
    text, layers = article
    twin = Layer(ARTICLE, "twin", spans=layers[0].spans.values(), relations=layers[0].relations.values())
    r = agreement_report([(text, [layers[0], twin])])
    f = r.all.overall
    assert f.exact.f1 == f.overlap.f1 == 1.0
    assert f.char.kappa == pytest.approx(1.0) and f.token.alpha == pytest.approx(1.0)
    assert all(fa.proportion in (1.0, None) for fa in r.all.attribution["QUOTE"].values())


def test_differences_of_one_pair_and_gold_from_what_all_six_agree_on(article):
    text, layers = article
    a, d = next(l for l in layers if l.annotator == "4b22"), next(l for l in layers if l.annotator == "d473")
    counts = summarise(differences(text, [a, d]))
    assert counts["boundary"] == 2 and counts["label"] == 0 and counts["only"] == 0
    space = Workspace(layers)
    batch = accept_all_agreed(None, layers, text, by="reviewer", now="2024-01-25T00:00:00+00:00")
    batch.apply(space)
    gold = space.layers[(ARTICLE, GOLD)]
    agreed = [diff for diff in differences(text, layers) if diff.kind == "same"]
    assert len(gold.spans) == len(agreed) > 0
    assert all(s.provenance["from"] == sorted(l.annotator for l in layers) for s in gold.spans.values())
    gold.check_against(text)


def test_the_report_renders(report):
    data = report_to_json(report)
    assert len(data["pairs"]) == 15
    html = report_to_html(report)
    assert html.count("<details") == 16 and "<svg" in html
