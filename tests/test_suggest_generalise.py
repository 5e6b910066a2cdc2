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
