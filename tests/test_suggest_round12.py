"""Who said it, twelfth round (issue #14): errors read on blind10 after its one measurement (development data since),
fixed at their root, before blind11 — drawn and annotated meanwhile — is measured once."""

from __future__ import annotations

from tests.test_suggest_support import records, said, suggest


def test_went_on_saying_continues_the_speaker():
    """ومضى يقول: ...: ومضى ("and he went on") was read as the speaker of six quotes; it is a cue that, like
    وتابع قائلاً, hands the words to the verb after it. مضى with a complementizer further on ("elapsed") is none."""
    text = ("وقال رئيس اللجنة عبدالله الأحمري إن السوق راكد. ومضى يقول: التوجه إلى الشركات الوطنية خطوة إيجابية. "
            "وأن لا يكون مضى على التخرج أكثر من عام و أن لا يزيد عمر المتقدم على 28 سنة.")
    recs = records(suggest(text, None))
    assert [(r["text"], r["cues"]) for r in recs] == [
        ("إن السوق راكد", ["وقال"]), ("التوجه إلى الشركات الوطنية خطوة إيجابية", ["ومضى", "يقول"])]
    assert all("ومضى" not in s for r in recs for s in r["speakers"])


def test_a_fronted_topic_is_what_was_spoken_about():
    """وعن مدى قدرة الشركات على تغطية المشاريع التي ...، قال إن ...: the relative clause before the comma made
    تغطية المشاريع the speaker; a sentence opened by عن / حول / بشأن / فيما يتعلق names the topic."""
    text = ("وقال رئيس اللجنة عبدالله الأحمري إن السوق راكد. وعن مدى قدرة الشركات الوطنية على تغطية المشاريع التي "
            "تعتزم الوزارة التوسع فيها، قال إن هناك مشاريع للإسكان انطلقت.")
    recs = records(suggest(text, None))
    assert [r["speakers"] for r in recs] == [["رئيس اللجنة عبدالله الأحمري"]] * 2  # (he goes on speaking)


def test_an_accusative_verbal_noun_or_for_the_first_time_is_no_subject():
    """وكانت الحكومة التركية اكدت تزامنا مع الغارات، انها ... / تكشف للمرة الأولى: تزامنا (written without its
    tanween) and للمرة الأولى were read as the subjects after the verbs; أوباما, of the إفعال shape, still is one."""
    text = ("وكانت الحكومة التركية اكدت تزامنا مع الغارات وحملات اعتقال، انها لن تتهاون مع المتمردين الاكراد. "
            "وفي تفاصيل جديدة تكشف للمرة الأولى، فإن جهات التحقيق فتشت جهاز المدعى عليه. "
            "ومع قرب انتهاء ولايته الرئاسية قال اوباما: ان الخطط ستخفض كلفة الطاقة.")
    recs = records(suggest(text, None))
    assert recs[0]["speakers"] == ["الحكومة التركية"] and recs[-1]["speakers"] == ["اوباما"]
    assert not any("للمرة" in s or "تزامنا" in s for r in recs for s in r["speakers"])


def test_reveals_said_of_things_is_no_report():
    """الأساليب البشعة التي تكشف عن الوجه القبيح / ولكن يكشف الاختبار أن: the imperfect كشف "reveals" is said of
    things (ten of the eleven in the gold sets are not annotated), like تشير الأرقام; a titled person or a
    speaking source (وتكشف مصادر أمنية) still reports."""
    assert records(suggest("ويجندونهم بالأساليب البشعة التي تكشف عن الوجه القبيح للإرهابيين.", None)) == []
    assert records(suggest("ولكن يكشف الاختبار أن شعرها لا يحتمل ذلك.", None)) == []
    recs = records(suggest("وتكشف مصادر أمنية مصرية لـ«الشرق الأوسط» عن أن جماعات متطرفة تنشط.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("أن جماعات متطرفة تنشط", ["مصادر أمنية مصرية"])]


def test_expressed_opening_a_sentence_names_the_narrative_subject():
    """وعبر معالي رئيس مجلس الشورى ... عن بالغ أسف المجلس. وقال: ...: عبر ("via") before a title is the verb
    "expressed"; its subject is a candidate for the subject-less وقال after it. And "في وفاة" after a name is when,
    not where: the mention stops before it."""
    from app.core.model import Document
    from app.core.suggest.engine import analyse

    text = ("وبعث برقية عزاء لخادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في وفاة الأمير. وعبر معالي رئيس "
            "مجلس الشورى في تصريح له أمس عن بالغ أسف المجلس للحادث. وقال: إن المجلس وأعضاءه يدينون هذا العمل.")
    ctx, recs = analyse(Document(id="x", text=text, meta={}))
    mentions = {text[slice(*ctx.an.token_span(*c.mention))]: c.rules for c in recs[-1].candidates if c.mention}
    assert "narrative" in mentions["معالي رئيس مجلس الشورى"]
    assert not any("وفاة" in m for m in mentions)


def test_earlier_before_the_governed_preposition_and_alerting_is_a_cue():
    """وكانت مؤسسة النقد أعلنت في وقت سابق عن ...: "earlier" hid the governed عن; ونبه التقرير إلى أن / منبهاً
    على ...: نبّه ("alerted", both occurrences in the gold sets annotated) was no cue."""
    text = ("وكانت مؤسسة النقد العربي السعودي أعلنت في وقت سابق عن التحديث الأول لضوابط إصدار بطاقات الائتمان. "
            "ونبه التقرير إلى أن إجمالي القروض ارتفع.")
    assert said(text, None) == [
        ("عن التحديث الأول لضوابط إصدار بطاقات الائتمان", ["مؤسسة النقد العربي السعودي"]),
        ("أن إجمالي القروض ارتفع", ["التقرير"])]


def test_in_it_before_the_subject_and_an_institution_named_after_a_king():
    """بيان مشترك أكد فيه الطرفان على ...: "in it" stood between the verb and its subject (the speaker became the
    clause before); after a call, فيه is followed by whom it addresses (دعا فيه الأطباء). And مؤسسة الملك عبدالعزيز
    is an institution, not a titled person who could speak."""
    recs = records(suggest("أجرى الأمير مباحثات مع الملك، انتهت بصدور بيان مشترك أكد فيه الطرفان على تعزيز التعاون "
                           "المشترك بين البلدين.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("على تعزيز التعاون المشترك بين البلدين", ["الطرفان"])]
    recs = records(suggest("وكان الربيعة قد أطلق نداءً. دعا فيه الأطباء اليمنيين إلى الإسهام في تقديم الخدمات.", None))
    assert all("الأطباء" not in s for r in recs for s in r["speakers"])
    from app.core.model import Document
    from app.core.suggest.engine import analyse

    text = ("وقال التوفيق، الذي يتولى منصب مدير عام مؤسسة الملك عبدالعزيز آل سعود للدراسات الإسلامية، في كلمة: «آن "
            "الأوان للسلام»، داعيا إلى بناء مجتمعات يسودها السلام.")
    ctx, recs = analyse(Document(id="x", text=text, meta={}))
    assert not any(c.mention and text[slice(*ctx.an.token_span(*c.mention))].startswith("الملك")
                   for r in recs for c in r.candidates)
