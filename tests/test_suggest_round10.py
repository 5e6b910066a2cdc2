"""Who said it, tenth round (issue #14): errors read on blind8 after its one measurement (development data since),
fixed at their root, before blind9 — drawn and annotated meanwhile — is measured once."""

from __future__ import annotations

from tests.test_suggest_support import records, said, suggest


def test_a_quoted_name_ends_the_source_and_its_content_follows():
    """وبحسب التقرير الأولي لمسح «كايشن» فإن ...: the marked name stood between the source and its فإن."""
    recs = records(suggest("وبحسب التقرير الأولي لمسح «كايشن» فإن مؤشر مديري المشتريات تراجع.", None))
    assert [r["text"] for r in recs] == ["فإن مؤشر مديري المشتريات تراجع"]


def test_a_feminine_participle_agrees_with_a_plural_of_things():
    """رئيس الفعاليات واللجان المنظمة: المنظمة was read as the verb's object, so بيّن's subject did not reach its
    complementizer."""
    text = "من جانبه بين مبارك الخصي رئيس الفعاليات واللجان المنظمة أن المهرجان حقق نجاحاً كبيرا."
    assert [r["speakers"] for r in records(suggest(text, None))] == [["مبارك الخصي رئيس الفعاليات واللجان المنظمة"]]


def test_sources_close_to_someone_hinted_last_week():
    """وألمحت مصادر قريبة من بلاتيني الاسبوع الماضي ان: ألمح was no cue, "close to X" is part of the source, and a
    date may stand between a strict verb's subject and its complementizer."""
    text = "وألمحت مصادر قريبة من بلاتيني الاسبوع الماضي ان لاعب منتخب فرنسا السابق حصل على تأييد."
    assert said(text, None) == [
        ("ان لاعب منتخب فرنسا السابق حصل على تأييد", ["مصادر قريبة من بلاتيني"])]


def test_a_participle_with_its_complement_after_the_mention_is_how_he_spoke():
    """وأضاف فضيلته منبها على ...: the mention was فضيلته منبها; وعلى متنها أربعة is no such participle."""
    text = "وأضاف فضيلته منبها على بدعية الاحتفال بصيامها، مشددا على أنه ليس من الإسلام في شيء."
    assert {tuple(r["speakers"]) for r in records(suggest(text, None))} <= {("فضيلته",), ()}
