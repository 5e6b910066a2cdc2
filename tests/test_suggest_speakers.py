"""Speakers: the mention next to the cue, coreference inside the article, and linking to the registry."""

from __future__ import annotations

from app.core.model import Entity
from tests.test_suggest_support import records, suggest


def test_speaker_mention_is_the_full_noun_phrase_with_its_title():
    recs = records(suggest("كشف المتحدث الرسمي للاتحاد السعودي لكرة القدم عدنان المعيبد في تصريح إلى \"الوطن\" "
                           "أنهم قطعوا شوطا كبيرا.", None))
    assert recs[0]["speakers"] == ["المتحدث الرسمي للاتحاد السعودي لكرة القدم عدنان المعيبد"]


def test_speaker_mention_takes_a_comma_apposition_but_not_an_adjunct():
    recs = records(suggest("وصرح قائد شرطة لامو، كريسبوس موتالي، لوكالة الصحافة الفرنسية أن «خمسة أشخاص قتلوا».\n"
                           "وأكد رئيس مجلس الوزراء محمد السوداني، في الجلسة الحوارية، أن الحكومة ستتحاور.", None))
    assert [r["speakers"] for r in recs] == [["قائد شرطة لامو، كريسبوس موتالي"],
                                            ["رئيس مجلس الوزراء محمد السوداني"]]


def test_speaker_mention_stops_at_the_verbs_object():
    recs = records(suggest("ودعت القوى الفلسطينية المجتمع الدولي لتوفير الحماية للشعب الفلسطيني.", None))
    assert recs[0]["speakers"] == ["القوى الفلسطينية"]


def test_subject_before_the_verb_and_in_a_relative_clause():
    recs = records(suggest("بيد أن مصادر أشارت إلى أنه مدرب منتخب تشيلي.\n"
                           "تسعى الشركة إلى اتفاق مع الاتحاد الأوروبي الذي يتهمها بإساءة استخدام مكانتها.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [
        ("أنه مدرب منتخب تشيلي", ["مصادر"]), ("بإساءة استخدام مكانتها", ["الاتحاد الأوروبي"])]


def test_surname_and_title_aliases_are_the_same_speaker():
    text = ("أكد المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف، أن الانسحاب قريب.\n"
            "وأعرب لافرينتيف في مقابلة عن اعتقاده أنه سيكون مستحيلاً.\n"
            "وأضاف المبعوث الرئاسي الروسي: “إذا تم الانسحاب من العراق فسيتبعه انسحاب من سوريا”.")
    result = suggest(text, None)
    recs = records(result)
    assert [r["speakers"] for r in recs] == [["المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف"],
                                            ["لافرينتيف"], ["المبعوث الرئاسي الروسي"]]
    assert len({e for r in recs for e in r["entities"]}) == 1
    (entity,) = result.entities
    assert entity.name == "المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف"
    assert set(entity.aliases) == {"لافرينتيف", "المبعوث الرئاسي الروسي"}


def test_different_nationality_adjectives_are_different_speakers():
    text = ("وقال وزير الخارجية الأمريكي إن المحادثات بناءة.\n"
            "وقال وزير الخارجية الروسي إن المحادثات صعبة.")
    recs = records(suggest(text, None))
    assert recs[0]["entities"] != recs[1]["entities"]


def test_same_source_and_the_statement_refer_back():
    text = ("وكان مسؤول في الإدارة المحلية ذكر أن «الهجوم لم يسفر عن ضحايا»، وأكد المصدر نفسه أن «جميع الضحايا "
            "مدنيون».\nوأعلنت الوزارة في بيان: «سنحقق في الحادث»، وتابع البيان: «الوضع تحت السيطرة».")
    recs = records(suggest(text, None))
    assert recs[0]["entities"] == recs[1]["entities"]
    assert recs[2]["entities"] == recs[3]["entities"]
    assert recs[0]["entities"] != recs[2]["entities"]


def test_a_cue_without_subject_points_to_the_previous_speaker_mention():
    text = ("وقال مورينيو \"سنواصل العمل بقوة هذا الموسم.\"\nوأضاف \"الأندية الأخرى تعاقدت مع لاعبين رائعين.\"")
    recs = records(suggest(text, None))
    assert recs[1]["speakers"] == ["مورينيو"]
    assert recs[1]["cues"] == ["وأضاف"]


def test_a_feminine_cue_does_not_take_a_masculine_antecedent():
    text = ("وقال البنك الدولي إن القواعد الجديدة خطوة كبرى.\n"
            "غير أن منظمات غير حكومية سارعت الى التنديد بالإجراءات، مؤكدة أنها تمثل «عودة خطيرة إلى الخلف».")
    recs = records(suggest(text, None))
    assert recs[1]["speakers"] == ["منظمات غير حكومية"]
    assert recs[1]["type"] == "mixed"


def test_existing_registry_entities_are_reused_by_id():
    registry = [Entity("e-lav", "ألكسندر لافرينتيف", ("Alexander Lavrentiev",)),
                Entity("e-other", "محمد شياع السوداني")]
    text = ("وأعرب لافرينتيف عن اعتقاده أنه سيكون مستحيلاً.\n"
            "وقال المتحدث باسم الجيش إن القوات جاهزة.")
    result = suggest(text, None, registry)
    recs = records(result)
    assert recs[0]["entities"] == ["e-lav"]
    assert recs[1]["entities"][0] not in ("e-lav", "e-other")
    assert [e.name for e in result.entities] == ["المتحدث باسم الجيش"]  # registry entities are not repeated


def test_a_prepositional_phrase_before_the_verb_is_not_its_subject():
    recs = records(suggest("وكانت السفارة الأميركية في نيروبي أعلنت أن «رعاياها يجب أن يكونوا على علم بالتهديدات».\n"
                           "يشار إلى أنه في وقت سابق أعلن عن أن إيران ستتمكن من الحصول على أرصدتها.", None))
    assert recs[0]["speakers"] == ["السفارة الأميركية في نيروبي"]
    assert "وقت سابق" not in recs[-1]["speakers"]


def test_a_verb_governed_by_an_is_not_a_report():
    recs = records(suggest("حتى الأمم المتحدة بدلاً من أن تحث على مكارم الأخلاق نراها تروج للرذيلة.", None))
    assert recs == []


def test_a_subjectless_cue_far_from_any_attribution_gets_no_speaker():
    text = ("وقال المتحدث باسم الوزارة إن الوضع مستقر.\n" + "وجرت المباراة في الملعب الكبير.\n" * 6 +
            "وقالت: «جاءت شهادته بعد مشوار طويل من العمل».")
    recs = records(suggest(text, None))
    assert recs[-1]["type"] == "direct" and recs[-1]["speakers"] == []


def test_partitive_subject_genitive_lam_after_a_title_and_the_object_after_a_name():
    text = ("من جانب آخر أكد عدد من المواطنين أن موسم الأعياد موسم انتعاش.\n"
            "وأوضح المتحدث الرسمي لجامعة نجران الدكتور زهير بن حسن العمري، أنه على الطالب إحضار توصيف.\n"
            "وأعلن المخرج حسني صالح وفاة الفنان الكبير نور الشريف قائلًا: “نور الشريف في ذمة الله”.")
    recs = records(suggest(text, None))
    assert [r["speakers"] for r in recs] == [["عدد من المواطنين"],
                                            ["المتحدث الرسمي لجامعة نجران الدكتور زهير بن حسن العمري"],
                                            ["المخرج حسني صالح"]]
    assert recs[2]["cues"] == ["وأعلن", "قائلًا"]


def test_addressee_before_the_subject_relative_after_a_comma_and_an_object_first():
    text = ('أكد لـ"الاقتصادية" القانوني فهد بارباع، أنه تلقى اتصالا يفيد بترشيحه للمنصب.\n'
            "أوضح ذلك مشرف الإدارة الدكتور إبراهيم غاشم، والذي أكد على الانتهاء من تحسين البنية التحتية.\n"
            "وأكد حرص جامعة جازان على استكمال كافة الترتيبات.")
    recs = records(suggest(text, None))
    assert [(r["cues"], r["speakers"]) for r in recs] == [
        (["أكد"], ["القانوني فهد بارباع"]), (["أكد"], ["الدكتور إبراهيم غاشم"]),
        (["وأكد"], ["الدكتور إبراهيم غاشم"])]


def test_coordinated_title_words_stay_in_the_mention():
    recs = records(suggest("وأوضح عميد القبول والتسجيل الدكتور بندر الشمري أن البرامج متاحة.", None))
    assert recs[0]["speakers"] == ["عميد القبول والتسجيل الدكتور بندر الشمري"]


def test_a_bare_surname_borrows_its_earlier_titled_description_and_different_names_stay_apart():
    text = ("بحث وزير الخارجية عادل بن أحمد الجبير أمس في جدة مع نظيره المصري الموضوعات المشتركة.\n"
            "وقال الجبير إن الجانبين بحثا الأوضاع في اليمن.\n"
            "وشدد وزير الخارجية خلال المؤتمر على أهمية إيجاد حل في سوريا.\n"
            "من جانبه قال وزير الخارجية المصري سامح شكري «بحثنا التهديدات التي تشكلها المنظمات الإرهابية».")
    result = suggest(text, "2015-07-24")
    recs = records(result)
    assert [r["speakers"] for r in recs] == [["الجبير"], ["وزير الخارجية"], ["وزير الخارجية المصري سامح شكري"]]
    assert recs[0]["entities"] == recs[1]["entities"] != recs[2]["entities"]
    names = {e.id: e.name for e in result.entities}
    assert names[recs[0]["entities"][0]] == "الجبير"
