"""The agreement report as JSON (stable keys) and as a self-contained HTML page that is safe for Arabic names."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from app.core.review.agreement import agreement_report
from app.core.model import Layer, Span
from app.core.review.report import FORMAT, chart_svg, report_to_html, report_to_json

TEXT = "قال الوزير إن الاتفاق سيوقع غداً، وأكد المتحدث ذلك."


def sp(label, start, end):
    return Span.of(TEXT, label, start, end)


@pytest.fixture
def report():
    a = Layer("d", "سارة", spans=[sp("اقتباس", 11, 32), sp("SPEAKER", 4, 10), sp("CUE", 0, 3)])
    b = Layer("d", "<b>bob</b>", spans=[sp("اقتباس", 14, 32), sp("SPEAKER", 4, 10), sp("DATE", 28, 32)])
    return agreement_report([(TEXT, [a, b])], title="Review <week 3>")


FIGURES = {"exact", "overlap", "char", "token"}
MATCH = {"matched", "a", "b", "precision", "recall", "f1"}
UNITS = {"units", "observed", "kappa", "alpha"}


def check_comparison(c: dict, labels: list[str]) -> None:
    assert set(c) == {"annotators", "documents", "overall", "labels", "attribution"}
    for figures in (c["overall"], *c["labels"].values()):
        assert set(figures) == FIGURES
        assert set(figures["exact"]) == set(figures["overlap"]) == MATCH
        assert set(figures["char"]) == set(figures["token"]) == UNITS
    assert list(c["labels"]) == labels


def test_json_has_the_documented_keys_and_is_plain_data(report):
    data = report_to_json(report)
    assert list(data) == ["format", "title", "documents", "annotators", "labels", "precedence", "all", "pairs",
                          "per_document"]
    assert data["format"] == FORMAT == "qawl-agreement/1"
    assert data["annotators"] == ["<b>bob</b>", "سارة"]
    assert data["labels"] == ["SPEAKER", "CUE", "DATE", "اقتباس"]  # schema labels first, then others
    check_comparison(data["all"], data["labels"])
    for pair in data["pairs"]:
        check_comparison(pair, data["labels"])
    assert set(data["per_document"][0]) == {"doc_id", "annotators", "spans", "overlap_f1", "char_alpha"}
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)  # no NaN / Infinity anywhere
    assert json.loads(text) == data


def test_json_writes_undefined_figures_as_null(report):
    data = report_to_json(report)
    cue = data["pairs"][0]["labels"]["CUE"]["exact"]
    # "<b>bob</b>" (the reference, first by name) has no CUE, سارة has one: recall is undefined
    assert cue["recall"] is None and cue["precision"] == 0.0
    assert data["all"]["attribution"] == {}  # no QUOTE or CLAIM label in this report


def test_json_numbers_are_the_reports_numbers(report):
    data = report_to_json(report)
    assert math.isclose(data["all"]["overall"]["char"]["alpha"], report.all.overall.char.alpha)
    assert data["pairs"][0]["overall"]["overlap"]["f1"] == report.pairs[0].overall.overlap.f1


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_html_is_one_self_contained_page_without_scripts(report):
    html = report_to_html(report)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    parser = _Collect()
    parser.feed(html)
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    assert parser.urls == []  # nothing loaded from anywhere


def test_html_escapes_names_and_isolates_them_for_right_to_left_text(report):
    html = report_to_html(report)
    assert "<b>bob</b>" not in html and "&lt;b&gt;bob&lt;/b&gt;" in html
    assert "<title>Review &lt;week 3&gt;</title>" in html
    assert "<bdi>سارة</bdi>" in html and "<bdi>اقتباس</bdi>" in html


def test_html_shows_undefined_figures_as_a_dash_not_zero(report):
    html = report_to_html(report)
    assert 'class="na" title="not defined: nothing to compare">–</td>' in html


def test_the_chart_is_valid_svg_with_a_bar_per_label_and_series(report):
    svg = chart_svg(report)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(f"{ns}text")]
    for label in ("SPEAKER", "CUE", "DATE", "اقتباس", "overall"):
        assert label in texts
    arabic = next(t for t in root.iter(f"{ns}text") if t.text == "اقتباس")
    assert arabic.get("text-anchor") == "end" and arabic.get("direction") is None  # ends at the axis everywhere
    bars = [r for r in root.iter(f"{ns}rect") if r.find(f"{ns}title") is not None]
    # 5 rows x 4 series, minus the undefined ones (drawn as "n/a")
    assert len(bars) + texts.count("n/a") == 5 * 4
    assert report_to_html(report).count("<svg") == 1


def test_bar_lengths_follow_the_values(report):
    svg = chart_svg(report)
    speaker_exact = report.all.labels["SPEAKER"].exact.f1
    assert speaker_exact == 1.0
    widths = [float(w) for w in re.findall(r'<rect x="150" y="\d+" width="([\d.]+)" height="10" fill="#9ecae1">'
                                           r'<title>SPEAKER', svg)]
    assert widths == [420.0]


def test_a_report_with_nothing_to_compare_says_so():
    only = Layer("d", "solo", spans=[sp("SPEAKER", 4, 10)])
    r = agreement_report([(TEXT, [only])])
    html = report_to_html(r)
    assert "nothing to compare" in html
    assert report_to_json(r)["pairs"] == []
