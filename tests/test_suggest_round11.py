"""Who said it, eleventh round (issue #14): errors read on blind9 and the earlier blind sets after their one
measurement (development data since), fixed at their root, before blind10 — drawn and annotated meanwhile — is
measured once."""

from __future__ import annotations

from tests.test_suggest_support import dates, records, said, suggest


def test_unveiling_is_one_cue_and_its_object_is_no_speaker():
    """وكشف النقاب عن ...: النقاب ("the veil") was read as the subject, and the chain of cues after it was said by
    the veil (eleven quotes of one article)."""
    text = ("قال رئيس اللجنة الدكتور عبدالرحمن الربيعة إن المعاهد صغيرة. وكشف النقاب عن قيام اللجنة بتقديم عدة "
            "مقترحات للمؤسسة، مضيفا أن اللجنة قدمت 7 مقترحات.")
    recs = records(suggest(text, None))
    assert [r["cues"] for r in recs] == [["قال"], ["وكشف النقاب"], ["مضيفا"]]
    assert all("النقاب" not in s for r in recs for s in r["speakers"])
    assert recs[1]["text"].startswith("عن قيام اللجنة")


def test_a_source_between_dashes_stands_like_one_between_commas():
    """وسيطرت المقاومة –حسب المصدر – على ...: the clause around the source was its content only with commas."""
    text = "وسيطرت المقاومة –حسب المصدر – على المديريات الشرقية لمدينة إب ونصبت نقاط تفتيش فيها."
    assert said(text, None) == [
        ("وسيطرت المقاومة –حسب المصدر – على المديريات الشرقية لمدينة إب ونصبت نقاط تفتيش فيها", ["المصدر"])]


def test_a_speaking_source_inside_its_clause_attributes_the_clause():
    """الأمر الذي سيؤدي بحسب الهيئة إلى تعزيز ... / ومن المتوقع بحسب وكالة ... تراجع ...: a source that speaks, set
    inside a clause without punctuation, attributes that clause (from the last comma) — not a rule or a plan."""
    text = ("ويتوقع دخول مشغلين جدد، الأمر الذي سيؤدي بحسب الهيئة إلى تعزيز كفاءة السوق وتحسين الخدمات. "
            "ومن المتوقع بحسب وكالة ريستاد إنرجي تراجع الإنفاق في العام المقبل بين 5 و15 في المائة. "
            "وتم توزيع المساعدات بحسب الحاجة على الأسر المستحقة في المنطقة.")
    assert said(text, None) == [
        ("الأمر الذي سيؤدي بحسب الهيئة إلى تعزيز كفاءة السوق وتحسين الخدمات", ["الهيئة"]),
        ("ومن المتوقع بحسب وكالة ريستاد إنرجي تراجع الإنفاق في العام المقبل بين 5 و15 في المائة",
         ["وكالة ريستاد إنرجي"])]


def test_a_one_word_adjective_after_an_indefinite_noun_is_nobody():
    """عبر حوض كبير، موضحا أنه ...: كبير ("big", also the title "chief") was the speaker."""
    text = ("«عكاظ» اطلعت على الحياة الجديدة لتلك الحيوانات في شبك حديدي، ويقدم لها الزهراني اللحم والماء عبر "
            "حوض كبير، موضحا أنه ورث الصيد من والده قبل 10 سنوات.")
    recs = records(suggest(text, None))
    assert len(recs) == 1 and "كبير" not in recs[0]["speakers"]


def test_a_day_of_last_month_without_min():
    """في 29 الشهر الماضي: only الشهر الماضي was read (the month), not the day."""
    recs = records(suggest("وأعلنت أفغانستان في 29 الشهر الماضي وفاة الملا عمر قبل يوم من موعد الجولة.", "2015-08-05"))
    assert [(r["text"], r["speakers"]) for r in recs] == [("وفاة الملا عمر قبل يوم من موعد الجولة", ["أفغانستان"])]
    assert ("29 الشهر الماضي", "2015-07-29") in dates(suggest("وأعلنت أفغانستان في 29 الشهر الماضي وفاة الملا عمر.",
                                                               "2015-08-05"))


def test_a_date_between_the_subject_and_the_object_announced():
    """وأعلنت الشرطة أمس مقتلَ ...: a date after the subject hid the object that is what was announced."""
    recs = records(suggest("وأعلنت الشرطة أمس مقتل ثلاثة أشخاص في الهجوم. وأكد الوزير الأربعاء أهمية التعاون بين "
                           "البلدين.", "2015-08-05"))
    assert [(r["text"], r["speakers"]) for r in recs] == [("مقتل ثلاثة أشخاص في الهجوم", ["الشرطة"]),
                                                           ("أهمية التعاون بين البلدين", ["الوزير"])]


def test_in_this_regard_stands_between_the_participle_and_its_preposition():
    """مشيرا في هذا الصدد إلى ...: "in this regard" hid the governed preposition, as في كلمته no longer does."""
    recs = records(suggest("وقال المدير إن الأسعار مناسبة، مشيرا في هذا الصدد إلى الإقبال الكبير من المتسوقين.", None))
    assert [r["text"] for r in recs] == ["إن الأسعار مناسبة", "إلى الإقبال الكبير من المتسوقين"]


def test_a_possessed_warning_renewed_to_several_addressees():
    """وجددت المديرية تحذيراتها للمواطنين والمقيمين بتوخي الحذر: only the bare noun (تحذيرات) was a speech noun,
    and a second, conjoined addressee hid the content; تحذيره, a verbal-noun cue already, is not read twice."""
    recs = records(suggest("وجددت مديرية الدفاع المدني بمنطقة عسير تحذيراتها للمواطنين والمقيمين بتوخي الحذر والحيطة.",
                           None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("بتوخي الحذر والحيطة", ["مديرية الدفاع المدني بمنطقة عسير"])]
    recs = records(suggest("جدد رئيس الوزراء الإسرائيلي تحذيره من أن الاتفاق لا يقلل من خطر الحرب.", None))
    assert len(recs) == 1


def test_a_date_between_commas_before_the_governed_preposition():
    """أعلنت خلية الإعلام الحربي، السبت، عن تدمير ...: the date after the comma was read as the verb's object."""
    recs = records(suggest("من جهتها أعلنت خلية الإعلام الحربي، السبت، عن تدمير أكبر معمل لتفخيخ المركبات.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("عن تدمير أكبر معمل لتفخيخ المركبات",
                                                            ["خلية الإعلام الحربي"])]


def test_a_verbal_noun_after_a_definite_subject_is_its_object():
    """وأوضحت الوزارة احتواءَ الترميز ...: an indefinite verbal noun cannot continue a definite noun's phrase; it
    was read as part of the subject."""
    recs = records(suggest("وأوضحت الوزارة احتواء الترميز الوطني على أكثر من 2800 نشاط اقتصادي.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("احتواء الترميز الوطني على أكثر من 2800 نشاط اقتصادي",
                                                            ["الوزارة"])]


def test_putting_something_down_to_a_cause_is_reported():
    """وأرجعت المؤسسة ضعفَ جاذبية ... إلى / وعزا المحقق تخريجه إلى / مرجعاً أسبابها إلى: attributing a cause was
    no cue (seven such quotes in the gold sets, every one annotated); the object and what it is put down to are
    the content, the subject ends before the object. يرجع "is due to" stays out."""
    text = ("وأرجعت المؤسسة ضعف جاذبية الدول العربية للاستثمارات الأجنبية إلى التوترات السياسية. "
            "وعزا المحقق تخريجه إلى كتاب ابن فارس الآخر. "
            "وقال العقيد إن الحوادث كثرت، مرجعا أسباب وقوعها إلى عدم التقيد بالسلامة البحرية. "
            "ويرجع ذلك إلى ارتفاع الأسعار في السوق المحلية.")
    assert said(text, None) == [
        ("ضعف جاذبية الدول العربية للاستثمارات الأجنبية إلى التوترات السياسية", ["المؤسسة"]),
        ("تخريجه إلى كتاب ابن فارس الآخر", ["المحقق"]),
        ("إن الحوادث كثرت", ["العقيد"]),
        ("أسباب وقوعها إلى عدم التقيد بالسلامة البحرية", ["العقيد"])]


def test_a_verb_agreeing_with_a_plural_has_no_subject_after_it():
    """وأرجعوا أسباب ذلك إلى ...: a verb with the plural ending carries its subject; أسباب was read as the speaker."""
    recs = records(suggest("وشكا الأهالي من نقص المياه. وأرجعوا أسباب ذلك إلى ضعف إمكانات المقاولين.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("أسباب ذلك إلى ضعف إمكانات المقاولين", [])]


def test_a_long_addressee_before_the_governed_preposition_of_a_call():
    """كما دعا المركز الأمم المتحدة ومنظماتها المختلفة ذات العلاقة إلى ...: an addressee of more than three words
    hid the preposition; the call's content starts at whom it addresses (the gold sets' convention, 30 of 53), and
    كافة opens the addressee, not a word of the caller's name."""
    text = ("كما دعا المركز الأمم المتحدة ومنظماتها المختلفة ذات العلاقة إلى الإسهام في تنفيذ هذه البرامج. "
            "ودعا رئيس النادي كافة المهتمين بالشعر من الجنسين للحضور والمشاركة في هذه الدورة.")
    assert said(text, None) == [
        ("الأمم المتحدة ومنظماتها المختلفة ذات العلاقة إلى الإسهام في تنفيذ هذه البرامج", ["المركز"]),
        ("كافة المهتمين بالشعر من الجنسين للحضور والمشاركة في هذه الدورة", ["رئيس النادي"])]


def test_a_dual_adjective_and_a_possessed_verbal_noun_object():
    """حيث أكد خادم الحرمين الشريفين تنديدَ بلاده ...: الشريفين (agreeing with الحرمين) was read as a second noun,
    the verb's object, and the subject stopped at خادم الحرمين; تنديد بلاده is the object."""
    assert said("حيث أكد خادم الحرمين الشريفين تنديد بلاده بالأعمال الإرهابية التي تعرضت لها تركيا.", None) == [
        ("تنديد بلاده بالأعمال الإرهابية التي تعرضت لها تركيا", ["خادم الحرمين الشريفين"])]
