"""Who said it (issue 14, part 3): errors seen on unseen articles, fixed at their root. Made-up sentences, each the
shape of one error: the name علي folded like the preposition على, an addressee before the subject (قال له X،
قال لـ"الصحيفة" X), a subordinating word taken for a speaker (حينما), a sentence opening with من جهته, the
subject between كان and قد, the object of an urging verb spreading to the following subject-less cues, a group of
people continued by a singular verb, and a share of people as the speaker (a poll)."""

from __future__ import annotations

from tests.test_suggest_support import records, suggest


def _said(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(r["text"], r["speakers"], r["cues"]) for r in records(suggest(text))]


def test_the_name_ali_is_not_the_preposition_ala_when_the_article_writes_them_apart():
    said = _said('وقال لـ"الصحيفة" علي المالكي مستشار الشركة، إن الأرباح سترتفع. وأكد على أهمية الاستثمار.')
    assert said[0] == ("إن الأرباح سترتفع", ["علي المالكي مستشار الشركة"], ["وقال"])


def test_an_addressee_pronoun_before_the_subject_is_not_part_of_the_speaker():
    assert _said("وقال له الملك إن الأمر محسوم.") == [("إن الأمر محسوم", ["الملك"], ["وقال"])]
    assert _said("وقال لي المصور إن الضوء جميل.") == [("إن الضوء جميل", ["المصور"], ["وقال"])]


def test_a_subordinating_word_before_the_verb_is_no_speaker():
    said = _said("وذكر الطبيب أن الحالة مستقرة، حينما قال إن المريض سيخرج قريبا.")
    assert said[-1] == ("إن المريض سيخرج قريبا", ["الطبيب"], ["قال"])


def test_a_sentence_opening_with_min_jihatihi_keeps_its_own_subject():
    said = _said("وأعلنت الشركة أن الأسعار ستنخفض. من جهتها أبدت الوزيرة ارتياحها للقرار، وقالت إن السوق سيستقر.")
    assert said[-1] == ("إن السوق سيستقر", ["الوزيرة"], ["وقالت"])


def test_the_subject_between_kana_and_qad_is_the_speaker():
    assert _said("وكانت الشركة قد أعلنت في فبراير أنها ستوسع أعمالها.") == [
        ("أنها ستوسع أعمالها", ["الشركة"], ["أعلنت"])]


def test_whom_a_conjoined_urging_verb_addresses_does_not_become_the_speaker_of_what_follows():
    said = _said("وأكد الأمير أن التوظيف أولوية، وحث رجال الأعمال على دعم الشباب، مبينا أن الدعم واجب.")
    assert [s for _, s, _ in said] == [["الأمير"], ["الأمير"], ["الأمير"]]


def test_a_singular_verb_does_not_continue_a_group_of_people():
    said = _said("اعتبر محللون أن السوق قوية. وقال علي المحمد إن الأسعار سترتفع على المدى القريب. "
                 "ولفت إلى أن الطلب كبير.")
    assert said[-1] == ("أن الطلب كبير", ["علي المحمد"], ["ولفت"])


def test_a_share_of_people_in_a_poll_is_the_speaker():
    assert _said("وقال 60% من المستطلعة آراؤهم إن الخدمة جيدة.") == [
        ("إن الخدمة جيدة", ["60% من المستطلعة آراؤهم"], ["وقال"])]


def test_a_construct_chain_of_organisations_stays_in_the_title():
    said = _said("أكد معالي وزير الإسكان رئيس مجلس إدارة صندوق التنمية العقارية الأستاذ ماجد العلي على أهمية دور "
                 "الصندوق.")
    assert said == [("على أهمية دور الصندوق", [
        "معالي وزير الإسكان رئيس مجلس إدارة صندوق التنمية العقارية الأستاذ ماجد العلي"], ["أكد"])]


def test_an_object_content_may_follow_a_comma_after_the_subject():
    assert _said("من جانبه أوضح الدكتور الآغا، أهمية التوعية الصحية للمواطنين.") == [
        ("أهمية التوعية الصحية للمواطنين", ["الدكتور الآغا"], ["أوضح"])]


def test_the_participle_of_expecting_is_a_cue_and_an_impersonal_verb_with_a_subject_before_it_is_active():
    said = _said("وأفادت المنظمة أن المهاجرين وصلوا، متوقعة أن يصل العدد إلى مائتي ألف.")
    assert said[-1] == ("أن يصل العدد إلى مائتي ألف", ["المنظمة"], ["متوقعة"])
    assert _said("الفاتيكان يعتبر أن روسيا يمكن أن تساعد.") == [
        ("أن روسيا يمكن أن تساعد", ["الفاتيكان"], ["يعتبر"])]
