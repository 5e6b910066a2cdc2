"""Hand-checked suggestions on real articles of the shared corpus, and quality floors on the development gold
and the TimeML silver (floors measured when the rules were written; a drop below them is a regression)."""

from __future__ import annotations

import pytest

from app.core.schema import DEFAULT_SCHEMA
from app.core.suggest import suggest_document
from tests.test_suggest_support import article, corpus_dir, records

pytestmark = pytest.mark.corpus


def _recs(name: str):
    doc = article(name)
    result = suggest_document(doc)
    DEFAULT_SCHEMA.check_layer(result.layer)
    result.layer.check_against(doc.text)
    return result, records(result)


def test_ar_snn_0280_lightning_report():
    """Checked by reading the article: a sentence attributed with "كما أفادت السلطات المحلية", a civil-defence
    spokesman (colon + إن + a quoted fragment: mixed) continued by وأوضح / وأضاف المتحدث, and the authorities
    again; "الجمعة" is Friday 2015-07-24 for an article dated Sunday 2015-07-26."""
    result, recs = _recs("ar_snn_0280")
    assert [(r["text"][:14], r["type"]) for r in recs] == [
        ("قتل أربعة أطفا", "indirect"), ("إن الضحايا هم ", "mixed"), ("أن الأطفال أعم", "indirect"),
        ("أن الصاعقة أدت", "indirect"), ("أن المنطقة الج", "indirect")]
    ent = [r["entities"][0] for r in recs]
    assert ent[1] == ent[2] == ent[3]  # متحدث باسم الدفاع المدني ... وأوضح ... وأضاف المتحدث
    assert ent[0] == ent[4] != ent[1]  # السلطات المحلية ... السلطات
    assert [(s.text, s.attrs["value"]) for s in result.layer.spans_by_label("DATE")] == [
        ("الجمعة", "2015-07-24"), ("الجمعة", "2015-07-24")]


def test_ar_snn_0122_world_bank_rules():
    """Checked by reading: «خطوة كبرى إلى الأمام» and «عودة خطيرة إلى الخلف» are the sources' words (mixed
    quotes); the NGOs (غير أن منظمات غير حكومية ..., مؤكدة) are not the World Bank; dates with a double month
    name (آذار/مارس, تموز/يوليو 2014) and "الثلاثاء الماضي" (Tuesday 2015-08-04, article Thursday 08-06)."""
    result, recs = _recs("ar_snn_0122")
    by_start = {r["text"][:10]: r for r in recs}
    assert by_start["إن اعتماد "]["type"] == "mixed"
    assert by_start["إن اعتماد "]["speakers"] == ["البنك الدولي"]
    assert by_start["أنها تمثل "]["type"] == "mixed"
    assert by_start["أنها تمثل "]["speakers"] == ["منظمات غير حكومية"]
    dates = {s.text: s.attrs["value"] for s in result.layer.spans_by_label("DATE")}
    assert dates == {"الثلاثاء الماضي": "2015-08-04", "آذار/مارس": "2015-03", "تموز/يوليو 2014": "2014-07"}


def test_ar_snn_0151_and_0255_spokesman_title_and_surname():
    """Checked by reading: "العميد الغرير" later in 0151 is the spokesman named in full before; 0255's
    "سائلاً الله أن يبارك" is a prayer, not the content of "أعرب عن شكره"; the Hijri dateline is 2015-08-10."""
    _, recs = _recs("ar_snn_0151")
    assert recs[0]["speakers"][0].startswith("الناطق الإعلامي بقيادة حرس الحدود")
    assert recs[-1]["speakers"] == ["العميد الغرير"]
    assert recs[-1]["entities"] == recs[0]["entities"]
    result, recs = _recs("ar_snn_0255")
    assert [r["cues"] for r in recs] == [["وأوضح"], ["مشدداً"]]
    hijri = result.layer.spans_by_label("DATE")[0]
    assert (hijri.text, hijri.attrs["value"], hijri.attrs["hijri"]) == ("25 شوال 1436 هـ", "2015-08-10",
                                                                         "1436-10-25")


def test_quote_gold_dev_does_not_drop_below_the_measured_floor():
    from app.bench.suggest_eval import HELD_OUT, eval_quotes

    corpus = corpus_dir()
    s = eval_quotes(corpus).summary()
    # measured: QUOTE 1.000, SPEAKER 0.976, CUE 1.000, DATE 0.984 (overlap F1); type 1.000; attribution 0.981
    # (recall over all gold quotes 0.981); speaker coreference 0.949
    # (before the dev2 work: QUOTE 0.981, SPEAKER 0.951, CUE 0.981, attribution 0.980, coreference 0.906)
    assert s["overlap"]["QUOTE"][2] >= 0.97
    assert s["overlap"]["SPEAKER"][2] >= 0.95
    assert s["overlap"]["CUE"][2] >= 0.97
    assert s["overlap"]["DATE"][2] >= 0.95
    assert s["type_accuracy"] >= 0.95
    assert s["attribution_accuracy"] >= 0.95
    assert s["attribution_recall"] >= 0.95
    assert s["speaker_coreference"][2] >= 0.92
    assert s["date_value_accuracy"] >= 0.95
    assert s["quoted_name_fp"] == 0
    held = eval_quotes(corpus, HELD_OUT).summary()  # measured: QUOTE 1.000, attribution 0.941
    assert held["overlap"]["QUOTE"][2] >= 0.93
    assert held["attribution_accuracy"] >= 0.9


def test_timeml_calendar_dates_do_not_drop_below_the_measured_floor():
    from app.bench.suggest_eval import eval_dates

    res = eval_dates(corpus_dir(), with_dateparser=False)
    prf, ok, n = res[("calendar DATE", "qawl")]
    # The calendar subset is the silver's days, months and years (is_calendar_date), what the engine suggests:
    # measured 0.902 (2026-12-05, session 4); the older subset (everything but PRESENT/PAST_REF) gave 0.875.
    assert prf.f1 >= 0.88
    # measured 0.828: the silver's values use one fixed anchor for every article and ignore the weekday
    # (أمس الجمعة = 2015-12-23, a Wednesday)
    assert ok / n >= 0.80
    prf, _, _ = res[("all DATE", "qawl")]
    # measured 0.716 since weeks, seasons, decades and centuries are no longer suggested (no gold set of ours
    # annotates them; the silver has 17 of them); 0.773 before
    assert prf.f1 >= 0.70


@pytest.mark.slow
def test_timeml_dates_beat_dateparser():
    pytest.importorskip("dateparser")
    from app.bench.suggest_eval import eval_dates

    res = eval_dates(corpus_dir(), with_dateparser=True)
    assert res[("calendar DATE", "qawl")][0].f1 > res[("calendar DATE", "dateparser")][0].f1 + 0.05
    # over all DATE spans, with the weeks, seasons and centuries the engine does not suggest: still ahead
    assert res[("all DATE", "qawl")][0].f1 > res[("all DATE", "dateparser")][0].f1
