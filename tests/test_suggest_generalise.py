"""Rules added to make suggestions generalise to unseen articles (each with its own made-up example sentences,
not sentences of the corpus): abbreviations, subjects before the verb, light verbs, honorific pronouns, shared
subjects of coordinated verbs, clause ends, unmarked speech after a colon, quotations in parentheses."""

from __future__ import annotations

from tests.test_suggest_support import records, suggest


def _said(text: str, date: str | None = None) -> list[tuple[str, list[str], list[str]]]:
    return [(r["text"], r["speakers"], r["cues"]) for r in records(suggest(text, date))]


# --- abbreviations and subjects before the verb ------------------------------------------------------------------

def test_the_period_of_an_abbreviated_title_does_not_end_the_sentence():
    assert _said("وأكد م. خالد العمري أن المشروع سيكتمل قريبا.") == [
        ("أن المشروع سيكتمل قريبا", ["م. خالد العمري"], ["وأكد"])]


def test_a_subject_before_its_verb_keeps_its_whole_title():
    said = _said("وذكرت الصحيفة أن مدير الإدارة العامة للمرور اللواء سالم الحربي أوضح أن الطرق آمنة.")
    assert ("أن الطرق آمنة", ["مدير الإدارة العامة للمرور اللواء سالم الحربي"], ["أوضح"]) in said


def test_a_conjoined_complementizer_is_not_part_of_the_subject_before_the_verb():
    said = _said("وأضاف الوزير أن الاجتماع كان مثمرا وأن نظيره أبلغه بأن الزيارة ستتم قريبا.")
    assert ("بأن الزيارة ستتم قريبا", ["نظيره"], ["أبلغه"]) in said


# --- lexicon: findings, opinions, writing ---------------------------------------------------------------------

def test_a_finding_with_a_complementizer_is_reported_but_found_objects_are_not():
    assert _said("ووجد الباحثون أن التمارين تقلل الخطر. ووجدوا أنه في المدن يقل أكثر.") == [
        ("أن التمارين تقلل الخطر", ["الباحثون"], ["ووجد"]), ("أنه في المدن يقل أكثر", ["الباحثون"], ["ووجدوا"])]
    assert _said("ووجد الفريق نفسه مضطرا للعودة. ووجدوا السائق في سيارته.") == []


def test_opinion_verbs_and_a_comma_between_subject_and_complementizer():
    assert _said("فيما ارتأى النقاد ان العرض جاء متأخرا.") == [("ان العرض جاء متأخرا", ["النقاد"], ["ارتأى"])]
    assert _said("وبيّن الحارس البرازيلي، أنه لم يغادر بسبب المال.") == [
        ("أنه لم يغادر بسبب المال", ["الحارس البرازيلي"], ["وبيّن"])]


def test_touching_on_a_topic_is_no_quote_but_touching_on_a_claim_is():
    assert _said("وتطرق اللقاء إلى سبل التعاون.") == []
    assert _said("وتطرق «الباحث» إلى أن النتائج مشجعة.") == [("أن النتائج مشجعة", ["الباحث"], ["وتطرق"])]


# --- belief nouns after a light verb --------------------------------------------------------------------------

def test_a_belief_noun_after_a_light_verb_takes_the_light_verbs_subject():
    said = _said("وعبر الرئيس التونسي عن إيمانه بضرورة الحوار وبقناعته أن الأزمة ستنتهي، معربا عن سروره بالزيارة.")
    assert said == [("بضرورة الحوار وبقناعته أن الأزمة ستنتهي", ["الرئيس التونسي"], ["إيمانه"])]
    assert _said("وأعرب المدرب عن ثقته في أن الفريق سيعود.") == [
        ("أن الفريق سيعود", ["المدرب"], ["وأعرب", "ثقته"])]


# --- unmarked speech after a colon and quotations in parentheses ----------------------------------------------

def test_unmarked_speech_after_a_colon_ends_at_the_next_attribution_and_is_typed_by_person():
    said = records(suggest("وقال الحارس: سأبقى هنا موسما آخر، مبديا رغبته في التجديد، وأكد أنه سيوقع قريبا، "
                           "وأضاف: الإدارة وعدت بالتجديد.", None))
    assert [(r["text"], r["type"]) for r in said] == [
        ("سأبقى هنا موسما آخر", "direct"), ("أنه سيوقع قريبا", "indirect"), ("الإدارة وعدت بالتجديد", "indirect")]


def test_parentheses_after_a_colon_quote_the_words_but_an_age_in_parentheses_does_not():
    said = records(suggest("وقال المدرب: (نحن جاهزون للمباراة المقبلة أمام الفريق الضيف)، لكنه لم يحدد التشكيلة.",
                           None))
    assert [(r["text"], r["type"]) for r in said] == [("نحن جاهزون للمباراة المقبلة أمام الفريق الضيف", "direct")]
    assert records(suggest("وقال اللاعب: (24 عاما) لا يفكر في الرحيل.", None)) == []
