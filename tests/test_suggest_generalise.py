"""Rules added to make suggestions generalise to unseen articles (each with its own made-up example sentences,
not sentences of the corpus): abbreviations, subjects before the verb, light verbs, honorific pronouns, shared
subjects of coordinated verbs, clause ends, unmarked speech after a colon, quotations in parentheses."""

from __future__ import annotations

from tests.test_suggest_support import dates, recognised, records, suggest


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


# --- where a reported clause ends -------------------------------------------------------------------------------

def test_a_cue_with_its_own_subject_after_a_connective_ends_the_previous_content():
    said = _said("وأوضح التقرير أن الشباب أكثر المستخدمين، حيث أشار التقرير إلى أن أعمارهم بين 16 و20 سنة. "
                 "وقالت الجماهير إن الفريق يحتاج مهاجما، إذ أكد البعض ضرورة التعاقد مع لاعب جديد.")
    assert [t for t, _, _ in said] == ["أن الشباب أكثر المستخدمين", "أن أعمارهم بين 16 و20 سنة",
                                       "إن الفريق يحتاج مهاجما", "ضرورة التعاقد مع لاعب جديد"]


def test_a_later_statement_after_before_that_is_a_report_of_its_own():
    said = _said("وأكد المتحدث أن الفرق وصلت إلى المكان، قبل أن تعلن الوزارة لاحقا، أنه انفجار عرضي.")
    assert said == [("أن الفرق وصلت إلى المكان", ["المتحدث"], ["وأكد"]),
                    ("أنه انفجار عرضي", ["الوزارة"], ["تعلن"])]


def test_according_to_inside_a_clause_is_not_a_new_attribution():
    said = _said("وأشار المحافظ إلى توصيل الكهرباء حسب الأحمال المطلوبة وتأمين خطوط الهاتف.")
    assert said == [("إلى توصيل الكهرباء حسب الأحمال المطلوبة وتأمين خطوط الهاتف", ["المحافظ"], ["وأشار"])]


# --- the writer's participle inside the marks; honorific pronouns --------------------------------------------

def test_a_writers_participle_inside_the_marks_splits_them_into_two_quotes():
    text = ('وصل صاحب السمو الأمير فيصل بن خالد إلى المدينة. وقال سموه " إن المشروع يخدم المنطقة كلها، مؤكداً سموه '
            'أن العمل سيستمر دون توقف ". وأردف: "نشكر الجهات كلها، مشيراً إلى دعم الهيئة للخطة".')
    result = suggest(text, None)
    recs = records(result)
    assert [(r["text"], r["type"], r["cues"], r["speakers"]) for r in recs] == [
        ("إن المشروع يخدم المنطقة كلها", "direct", ["وقال"], ["سموه"]),
        ("أن العمل سيستمر دون توقف", "direct", ["مؤكداً"], ["سموه"]),
        ("نشكر الجهات كلها", "direct", ["وأردف"], ["سموه"]),
        ("إلى دعم الهيئة للخطة", "direct", ["مشيراً"], ["سموه"])]
    # سموه is the prince named before, not a speaker of its own
    assert len({e for r in recs for e in r["entities"]}) == 1
    assert [e.name for e in result.entities] == ["الأمير فيصل بن خالد"]


def test_a_surname_of_the_nisba_shape_after_an_abbreviated_title_is_the_same_person():
    result = suggest("وأوضح مدير الجامعة الدكتور سالم القحطاني أن الدراسة تبدأ غدا.\n"
                     "وبين د. القحطاني أن التسجيل مفتوح.", None)
    assert len({e for r in records(result) for e in r["entities"]}) == 1


# --- the extent of a speaker mention ----------------------------------------------------------------------------

def test_speaker_mention_extent_rules():
    cases = [
        ("وقال المدرب لبرنامج الملعب: سنلعب للفوز.", "المدرب"),  # addressee after a definite head
        ("وأوضح أمير منطقة المدينة المنورة أن الموسم ناجح.", "أمير منطقة المدينة المنورة"),
        ("وقال بيان لقيادة القوات المشتركة إن الغارات دمرت مواقع.", "بيان لقيادة القوات المشتركة"),
        ("وأوضحت وكالة الأنباء الألمانية (دي بي أ) أن القتلى اثنان.", "وكالة الأنباء الألمانية (دي بي أ)"),
        ("وقال شاهد من سكان الحي إن الانفجار قوي.", "شاهد من سكان الحي"),
        ("وأكد الوزير في اجتماعه بالمديرين، على بدء الدراسة في موعدها.", "الوزير"),
    ]
    for text, speaker in cases:
        assert [s for r in records(suggest(text, None)) for s in r["speakers"]] == [speaker], text
    said = _said("وأكد الوزير في اجتماعه بالمديرين، على بدء الدراسة في موعدها.")
    assert said[0][0] == "على بدء الدراسة في موعدها"


# --- who said it: shared subjects, two cues, impersonal remarks, objects ----------------------------------------

def test_a_subject_less_cue_shares_the_subject_of_the_verb_that_opens_its_sentence():
    said = _said("وقال المتحدث إن الوضع هادئ.\nونعت الجمعية الخيرية، في بيان لها، أحد مؤسسيها، وقالت: «كان رجلا "
                 "معطاء».\nوتحدث الباحث عن مشروعه حيث قال إن الجهاز يعمل بالطاقة الشمسية.")
    assert [(t, s) for t, s, _ in said] == [
        ("إن الوضع هادئ", ["المتحدث"]), ("كان رجلا معطاء", ["الجمعية الخيرية"]),
        ("إن الجهاز يعمل بالطاقة الشمسية", ["الباحث"])]


def test_a_verb_right_before_qailan_is_a_second_cue_of_the_same_statement():
    said = _said('وقال المدرب إن الفريق جاهز.\nوتابع قائلا "سنقاتل حتى النهاية."')
    assert said[1] == ("سنقاتل حتى النهاية.", ["المدرب"], ["وتابع", "قائلا"])


def test_a_subject_less_verb_inside_the_writers_remark_is_impersonal():
    said = _said("وقال الوزير إن الميزانية جاهزة.\nيشار إلى أنه في وقت سابق أعلن عن أن الميزانية ستتأخر.\n"
                 "يشار إلى أن الهيئة أكدت في بيان أنها ستراجع الأرقام.")
    assert [(t, s) for t, s, _ in said] == [("إن الميزانية جاهزة", ["الوزير"]),
                                           ("أنها ستراجع الأرقام", ["الهيئة"])]


def test_an_abstract_noun_in_construct_after_the_subject_is_the_object_content():
    said = _said("من جهتهم، أكد مديرو المدارس جاهزية الفصول لاستقبال الطلاب، فيما نوه المشرفون على أن الكتب وصلت.")
    assert said == [("جاهزية الفصول لاستقبال الطلاب", ["مديرو المدارس"], ["أكد"]),
                    ("أن الكتب وصلت", ["المشرفون"], ["نوه"])]


# --- dates ------------------------------------------------------------------------------------------------------

def test_a_deictic_day_with_its_weekday_right_before_a_quotation_mark_is_a_date():
    result = suggest("وقال الوزير في مؤتمر صحفي اليوم الخميس “لن نتراجع عن القرار.”", "2015-08-06")
    assert dates(result) == [("اليوم الخميس", "2015-08-06")]
    assert records(result)[0]["dated"] == ["2015-08-06"]


def test_decades_of_age_are_not_dates():
    found = recognised("وتستفيد النساء في العشرينات من العمر عندما يصبحن في الخمسينات أو سن أكبر. "
                       "وبدأت الحرب في الخمسينات من القرن الماضي.", "2015-08-06")
    assert [v for _, v in found][:1] == ["195"]
    assert "العشرينات" not in [t for t, _ in found]


def test_a_subject_before_its_verb_across_a_relative_clause_with_an_object_content():
    said = _said("وأشار المتحدث إلى أن اللاعب فلان الذي جدد عقده مع ناديه الشهر الماضي، أكد عدم رغبته في الانتقال "
                 "رغم أنه تلقى عرضا كبيرا.")
    # (the rules end the object at the concessive; a model that learned where content ends may run it on)
    assert any(text.startswith("عدم رغبته في الانتقال") and speakers == ["اللاعب فلان"] and cues == ["أكد"]
               for text, speakers, cues in said), said


# --- speech nouns after light verbs ----------------------------------------------------------------------------

def test_a_speech_noun_after_a_light_verb_is_the_cue_and_the_light_verbs_subject_the_speaker():
    recs = records(suggest("أطلقت وزارة الصحة تحذيرا للمواطنين أمس من تناول الأسماك النيئة، وذلك بعد حالات تسمم.",
                           "2015-08-06"))
    assert [(r["text"], r["speakers"], r["cues"], r["dated"]) for r in recs] == [
        ("من تناول الأسماك النيئة", ["وزارة الصحة"], ["تحذيرا"], ["2015-08-05"])]
    recs = records(suggest("ووجه الأمين العام دعوة إلى الأطراف للعودة إلى طاولة الحوار.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [("إلى الأطراف للعودة إلى طاولة الحوار", ["الأمين العام"])]


def test_a_speech_noun_without_a_light_verb_is_no_cue():
    assert records(suggest("وجاء ذلك في تحذير من الأرصاد. وتلقى الفريق دعوة لحضور الحفل.", None)) == []


def test_a_shorter_description_with_all_words_of_an_earlier_one_is_the_same_speaker():
    recs = records(suggest("وأعلنت وسائل إعلام محلية يابانية أن الطائرة سقطت.\nوقالت وسائل الإعلام اليابانية إن الطيار "
                           "نجا.\nوقالت وسائل الإعلام الصينية إن الرحلة ألغيت.", None))
    ents = [r["entities"][0] for r in recs]
    assert ents[0] == ents[1] != ents[2]


def test_a_verbal_noun_in_construct_with_its_agent_reports_what_the_agent_said():
    said = _said("وجاء القرار بعد إعلان الحكومة أن الانتخابات ستجرى في موعدها. ورحب الاتحاد بتأكيد الوزارة "
                 "الروسية، أنها ستشارك في المؤتمر. وتم إعلان النتائج أمس.")
    assert said == [("أن الانتخابات ستجرى في موعدها", ["الحكومة"], ["إعلان"]),
                    ("أنها ستشارك في المؤتمر", ["الوزارة الروسية"], ["بتأكيد"])]
    assert _said("وقال الوزير في إعلان صحفي إن العمل مستمر.") == [("إن العمل مستمر", ["الوزير"], ["وقال"])]


# --- quotations over several paragraphs --------------------------------------------------------------------------

def test_an_opening_mark_closed_in_no_paragraph_quotes_to_the_paragraph_end_and_a_quoted_paragraph_continues_it():
    text = ("وقال الوزير: «سنواصل العمل في كل المناطق دون توقف.\n«ولن نتراجع عن أي خطوة مهما كانت الظروف».\n"
            "«برنامج الأمل» هو اسم المشروع.\nوأضاف أن الميزانية جاهزة.")
    recs = records(suggest(text, None))
    assert [(r["text"], r["type"], r["speakers"], r["cues"]) for r in recs] == [
        ("سنواصل العمل في كل المناطق دون توقف", "direct", ["الوزير"], ["وقال"]),
        ("ولن نتراجع عن أي خطوة مهما كانت الظروف", "direct", ["الوزير"], ["وقال"]),
        ("أن الميزانية جاهزة", "indirect", ["الوزير"], ["وأضاف"])]


def test_a_name_with_its_title_in_apposition_joins_the_speaker_first_named_by_the_title_alone():
    recs = records(suggest("وقال رئيس بلدية المدينة الساحلية إن النظافة أولوية.\nوأوضح سالم الحربي رئيس بلدية المدينة أن "
                           "الغرامات ستطبق.\nوقال وزير الخارجية عادل الجبير إن المحادثات بناءة.\nوقال سامح شكري وزير "
                           "الخارجية المصري إن الموقف ثابت.", None))
    ents = [r["entities"][0] for r in recs]
    assert ents[0] == ents[1] and ents[2] != ents[3] and ents[1] != ents[2]


def test_a_prepositional_phrase_with_a_conjunction_before_the_verb_is_not_its_subject():
    said = _said("وقال العضو إن المجلس أنجز الكثير.\nوحول نيته الترشح مجددا قال: أعتقد أن القرار للناخبين.")
    assert [s for _, s, _ in said] == [["العضو"], ["العضو"]]


def test_a_first_person_verb_with_its_hamza_makes_unmarked_words_direct_and_its_own_complement_no_quote():
    recs = records(suggest("وقال العضو: أعتقد أن القرار للناخبين.", None))
    assert [(r["text"], r["type"]) for r in recs] == [("أعتقد أن القرار للناخبين", "direct")]


def test_yet_and_as_of_stay_inside_the_reported_clause():
    said = _said("وأضاف العضو انه لم يقرر الترشح بعد. وأوضحت الهيئة أنه سيتم استقبال الطلبات إلكترونيا، اعتباراً "
                 "من يوم الأحد المقبل.")
    assert [t for t, _, _ in said] == ["انه لم يقرر الترشح بعد",
                                       "أنه سيتم استقبال الطلبات إلكترونيا، اعتباراً من يوم الأحد المقبل"]


def test_the_shared_subject_stops_before_the_verbs_object_and_a_preposition_opens_no_verb():
    said = _said("ورفض الكثير من المغردين نشر تلك المقاطع، مؤكدين على ضرورة احترام الخصوصية.")
    assert said == [("على ضرورة احترام الخصوصية", ["الكثير من المغردين"], ["مؤكدين"])]
    said = _said("ووسط محاولات التهدئة ظهر اللاعبان، مؤكدين أن الخلاف انتهى.")
    assert [s for _, s, _ in said] != [["محاولات التهدئة"]]
