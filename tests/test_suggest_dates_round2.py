"""Dates, second round (issue #14): misses and false dates seen on blind2 after it was measured once."""

from __future__ import annotations

import pytest

from tests.test_suggest_support import dates, suggest


@pytest.mark.parametrize("text,expected", [
    ("استمر ذلك حتى 1890 لأن السجلات كانت تكتب بالأرمنية", ("1890", "1890")),
    ("بين عامي 1770 و1840 صار الأرمن العنصر الرئيس", ("1770", "1770")),
    ("وبحلول 1908 انضم العرب إلى المسيرة", ("1908", "1908")),
    ("وقالت إن العدد بنهاية 2015 قد يصل إلى 160 ألفا", ("2015", "2015")),
    ("بعد سقوط الإمبراطورية عام 642م نشأت احتكاكات", ("عام 642م", "0642")),
    ("كتاب شمس العلوم لنشوان الحميري [ــ 573هـ] مطبوع", ("573هـ", "1177")),
])
def test_years_the_first_round_missed(text, expected):
    assert expected in dates(suggest(text, "2015-07-21"))


def test_the_count_after_a_year_word_is_still_no_year():
    assert dates(suggest("وصل إلى 1890 شخصا حتى الآن", "2015-07-21")) == []


@pytest.mark.parametrize("text,expected", [
    ("بلغ حجم التدفقات منذ بداية العام 83.5 مليار دولار", "2015"),
    ("حصوله على الجائزة للعام الحالي يجسد الصداقة", "2015"),
    ("فر من اللاذقية العام قبل الماضي", "2013"),
    ("على أن تختتم في السابع من الشهر المقبل", "2015-08-07"),
    ("يتحرك فيه منذ مارس آذار بعد أسبوع متقلب", "2015-03"),
])
def test_relative_years_months_and_days(text, expected):
    assert [v for _, v in dates(suggest(text, "2015-07-31"))] == [expected]


def test_a_place_named_after_a_date_is_no_date():
    assert dates(suggest("يقيم في شقة قرب مدينة السادس من أكتوبر على طريق الواحات", "2015-07-21")) == []


def test_a_rate_per_day_is_no_date():
    assert dates(suggest("وانتقل إلى فندق آخر مقابل نحو 90 دولارا في اليوم.", "2015-07-21")) == []


def test_the_weekday_named_after_yesterday_or_today_decides_the_day():
    assert dates(suggest("قالت وزارة الدفاع أمس الاربعاء إن الصفقة تمت", "2015-07-31")) == [("أمس الاربعاء", "2015-07-29")]
    assert dates(suggest("قال عراقجي اليوم الأربعاء إن بلاده لن تقبل", "2015-07-25")) == [("اليوم الأربعاء", "2015-07-22")]


def test_a_weekday_followed_by_a_future_verb_is_the_coming_one():
    assert dates(suggest("تعتبر مباراة الاربعاء التي ستجمع الأخضر بالعراق حاسمة", "2015-08-11")) == [
        ("الاربعاء", "2015-08-12")]


@pytest.mark.parametrize("text", [
    "وأشار التقرير إلى أن سوق عكاظ قدم حتى اليوم أكثر من 65 مبدعا.",
    "وما زال يدفع ثمنه غاليا حتى اليوم.",
    "فاز بالجائزة، وهو اليوم يعتبر حاضنا للمبدعين.",
    "وكانت تعمل لقاء دولار واحد باليوم.",
])
def test_today_meaning_nowadays_or_per_day_is_no_date(text):
    """(blind3, read after its measurement: اليوم as "nowadays" was most of its false dates)"""
    assert dates(suggest(text, "2015-07-22")) == []


def test_a_byline_with_an_outlet_named_today_is_no_date():
    text = "عين اليوم – مكة المكرمة / المدينة المنورة\nأم المسلمين إمام الحرم."
    assert dates(suggest(text, "2015-08-07")) == []
