"""Who said it, fifth round (issue #14): errors read on blind4 (development data since its one measurement, on
articles drawn from SaudiNewsNet outside the shared corpus), fixed at their root."""

from __future__ import annotations

from tests.test_suggest_support import records, suggest


def test_a_statement_issued_by_its_subject_is_said_by_the_issuer():
    """أصدرت X بياناً أوضحت فيه أن: the verb describes the statement (an indefinite accusative noun with a pronoun
    pointing back to it); the speaker is who issued it, not the statement."""
    text = "أصدرت قيادة القوات المشتركة اليوم بياناً أوضحت فيه أنه لم تقع إصابات."
    assert records(suggest(text, None))[0]["speakers"] == ["قيادة القوات المشتركة"]
    text = "وفي تطور لاحق أصدر الجيش بياناً رسمياً أكد فيه أن القصف توقف."
    assert records(suggest(text, None))[0]["speakers"] == ["الجيش"]
    text = "ووجه الأمير خالد الفيصل خطاباً أكد فيه أن المشروع سيكتمل."
    assert records(suggest(text, None))[0]["speakers"] == ["الأمير خالد الفيصل"]
    text = "عقد وزير الصحة مؤتمراً صحفياً أكد خلاله أن الوضع مستقر."
    assert records(suggest(text, None))[0]["speakers"] == ["وزير الصحة"]  # (خلاله is no subject)
