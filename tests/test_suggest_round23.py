"""Twenty-third round (issue #14): quote extents. Counted over every measured gold set (4,281 gold quotes) before
it was kept: the rules' trims dropped the marks that close something the content holds, so the quote's end
differed from the annotators' for 34 found quotes (+34 exact extents, none lost, nothing else changed)."""

from __future__ import annotations

from tests.test_suggest_support import said


def test_a_bracket_opened_inside_the_content_closes_it():
    assert said("وقال الوزير إن الإيرادات بلغت 4.2 مليار دولار (16 مليار ريال)، مشيرا إلى أن العجز تراجع.") == [
        ("إن الإيرادات بلغت 4.2 مليار دولار (16 مليار ريال)", ["الوزير"]),
        ("أن العجز تراجع", ["الوزير"])]


def test_a_percent_sign_belongs_to_its_number():
    assert said("وأوضح المدير أن النمو بلغ نحو 22.2%. وكان أعلى مستوى قبل عامين.")[0][0] == "أن النمو بلغ نحو 22.2%"


def test_the_dash_that_closes_an_aside_opened_inside():
    got = said("وأكد الأمير أن المشروع يأتي بتوجيهات الملك سلمان -حفظه الله-، وحث رجال الأعمال على المشاركة.")
    assert got[0][0] == "أن المشروع يأتي بتوجيهات الملك سلمان -حفظه الله-"  # (وحث: the writer's narration)
    got = said("وأكد الأمير أن المشروع يأتي بتوجيهات الملك سلمان -حفظه الله-.")
    assert got[0][0] == "أن المشروع يأتي بتوجيهات الملك سلمان -حفظه الله-"


def test_a_mark_that_opened_before_the_content_stays_out():
    """(وقال الوزير إن العجز تراجع): the bracket opened before the quote; a percent sign after a word is a sign."""
    assert said("(وقال الوزير إن العجز تراجع في العام الماضي). وبدأت الجلسة.")[0][0] == \
        "إن العجز تراجع في العام الماضي"
