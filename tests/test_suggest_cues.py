"""The reporting-verb lexicon: inflections, attached clitics and spelling variants are cues; lookalikes are not."""

from __future__ import annotations

import pytest

from app.core.suggest.arabic import Analysis, fold
from app.core.suggest.cues import MASDAR, PARTICIPLE, SOURCE, VERB, find_cues, match_form


@pytest.mark.parametrize("word, lemma, kind", [
    ("قال", "قال", VERB), ("قالت", "قال", VERB), ("وقال", "قال", VERB), ("فقالوا", "قال", VERB),
    ("يقول", "قال", VERB), ("وتقول", "قال", VERB), ("قائلاً", "قال", PARTICIPLE), ("قوله", "قال", MASDAR),
    ("بالقول", "قال", MASDAR),
    ("أكد", "أكد", VERB), ("اكد", "أكد", VERB), ("أكّد", "أكد", VERB), ("وأكدت", "أكد", VERB),
    ("يؤكد", "أكد", VERB), ("مؤكداً", "أكد", PARTICIPLE), ("مؤكدا", "أكد", PARTICIPLE),
    ("مؤكدة", "أكد", PARTICIPLE), ("مؤكدين", "أكد", PARTICIPLE), ("تأكيده", "أكد", MASDAR),
    ("وأضاف", "أضاف", VERB), ("مضيفاً", "أضاف", PARTICIPLE), ("أضافت", "أضاف", VERB),
    ("وأوضح", "أوضح", VERB), ("موضحاً", "أوضح", PARTICIPLE), ("أعرب", "أعرب", VERB),
    ("أعلن", "أعلن", VERB), ("صرّح", "صرح", VERB), ("وصرح", "صرح", VERB), ("أشار", "أشار", VERB),
    ("مشيرا", "أشار", PARTICIPLE), ("يشير", "أشار", VERB), ("لفت", "لفت", VERB), ("لافتاً", "لفت", PARTICIPLE),
    ("شدد", "شدد", VERB), ("مشدداً", "شدد", PARTICIPLE), ("اعتبر", "اعتبر", VERB), ("معتبرين", "اعتبر", PARTICIPLE),
    ("رأى", "رأى", VERB), ("ورأت", "رأى", VERB), ("نفى", "نفى", VERB), ("نفت", "نفى", VERB),
    ("طالب", "طالب", VERB), ("وطالبت", "طالب", VERB), ("مطالباً", "طالب", PARTICIPLE),
    ("دعت", "دعا", VERB), ("داعية", "دعا", PARTICIPLE), ("وأبان", "أبان", VERB), ("مبينة", "أبان", PARTICIPLE),
    ("كاشفا", "كشف", PARTICIPLE), ("وتابع", "تابع", VERB), ("واشتكى", "اشتكى", VERB), ("إقرارها", "أقر", MASDAR),
    ("وصفته", "وصف", VERB), ("يعتقد", "اعتقد", VERB), ("ويتوقع", "توقع", VERB), ("بحسب", "حسب", SOURCE),
    ("وفقاً", "حسب", SOURCE),
])
def test_inflected_and_cliticised_forms_are_cues(word, lemma, kind):
    form = match_form(fold(word))
    assert form is not None, word
    assert (form.lemma, form.kind) == (lemma, kind)


@pytest.mark.parametrize("word", ["يشار", "يبلغ", "صوت", "قولا", "تصريح", "تأكيد", "مؤكد", "بين", "الأكيد"])
def test_lookalikes_and_bare_nouns_are_not_cues_or_only_strict_ones(word):
    form = match_form(fold(word))
    assert form is None or form.strict


def test_feminine_and_impersonal_readings_are_marked():
    assert match_form(fold("أكدت")).feminine
    assert not match_form(fold("أكد")).feminine
    assert match_form(fold("يذكر")).impersonal  # also read يُذكر "it is mentioned"


def test_find_cues_returns_token_positions_and_multiword_sources():
    an = Analysis("وقال الوزير، وفقاً لـ البيان، إنه said")
    found = [(an.tokens[c.i].norm, an.tokens[c.last].norm, c.kind) for c in find_cues(an)]
    assert found == [("وقال", "وقال", VERB), ("وفقا", "ل", SOURCE), ("said", "said", VERB)]
