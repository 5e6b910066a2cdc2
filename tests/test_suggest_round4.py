"""Who said it, fourth round (issue #14): quotes still missed on blind2/blind3 (development data since their one
measurement), fixed at their root — "according to X" placed after or inside what X said."""

from __future__ import annotations

from app.core.jsonl import make_document
from app.core.suggest import suggest_document
from app.core.suggest.model import Model
from tests.test_suggest_support import records, suggest


def test_according_to_with_its_preposition_glued_to_the_source():
    recs = records(suggest("في اليابان، ليست هناك امرأة مليارديرة عصامية واحدة، وفقا لمجلة «فوربس».", None))
    assert recs[0]["text"] == "في اليابان، ليست هناك امرأة مليارديرة عصامية واحدة"
    assert recs[0]["speakers"] == ["مجلة «فوربس»"]  # the mention, without the ل of وفقاً لـ


def test_according_to_what_x_reported_at_the_end_of_the_sentence():
    text = ("وقد تجددت المعارك العنيفة الخميس في مدينة درعا بين قوات النظام ومقاتلي المعارضة إثر هجوم شنه مقاتلو "
            "المعارضة، بحسب ما افاد المرصد السوري لحقوق الانسان.")
    recs = records(suggest(text, None))  # (بين قوات النظام is "between", not the verb بيّن)
    assert recs[0]["text"].startswith("وقد تجددت المعارك") and recs[0]["text"].endswith("مقاتلو المعارضة")
    assert recs[0]["speakers"] == ["المرصد السوري لحقوق الانسان"]


def test_a_speaking_source_closing_the_sentence_without_a_comma():
    recs = records(suggest("وأطلقت دبابات من كتيبة المدرعات الخامسة عدة قذائف بحسب وكالة الاناضول.", None))
    assert recs[0]["text"] == "وأطلقت دبابات من كتيبة المدرعات الخامسة عدة قذائف"
    assert recs[0]["speakers"] == ["وكالة الاناضول"]
    assert records(suggest("ووزعت المساعدات على الأسر المحتاجة بحسب الخطة.", None)) == []


def test_a_source_between_commas():
    text = ("وسجل هزازي تسعة أهداف مقابل 19 مباراة خاضها مع فريقه، وفقا لموقع إحصائيات الدوري السعودي، حيث كان "
            "يوجد في فريق الاتحاد حينها الثنائي الأجنبي.")
    recs = records(suggest(text, None))
    assert recs[0]["text"] == "وسجل هزازي تسعة أهداف مقابل 19 مباراة خاضها مع فريقه"
    assert recs[0]["speakers"] == ["موقع إحصائيات الدوري السعودي"]
    # a description of the source after it (وهو خبير) ends the source, not the content
    text = "وقد عزز الحزب الشيوعي من المساواة بين الجنسين، وفقا لهوانغ ياشينغ، وهو خبير في طبقة الأعمال الصينية."
    assert records(suggest(text, None))[0]["speakers"] == ["هوانغ ياشينغ"]
    # a rule, not a source, between commas
    text = "والمخرج هو وقف الحرب وعودة الفرقاء إلى الحوار، وفقا للمبادرة الخليجية، ومخرجات الحوار الوطني."
    assert records(suggest(text, None)) == []


def test_a_source_opening_the_sentence_is_not_read_as_closing_it():
    recs = records(suggest("وحسب الشهود؛ فقد اشتعلت النيران في منزل مجاور لإحدى السيارات.", None))
    assert all(not r["text"].startswith("وحسب") for r in recs)


def test_words_after_a_source_that_describe_the_clause_are_not_its_apposition():
    text = "كان محمد الثاني، وفق المصادر التاريخية، معجبًا بالثقافة الإغريقية، وبالذات، بشخصية الإسكندر المقدوني."
    recs = records(suggest(text, None))
    assert recs[0]["speakers"] == ["المصادر التاريخية"]


def test_a_quotation_before_according_to_is_direct():
    text = ('"إنه انتظار طويل"، بحسب كيت جاكيس، المحلل الاستراتيجي للعملات الأجنبية، الذي يتوقع أن يرفع البنك '
            "المركزي الأوروبي أسعار الفائدة.")
    recs = records(suggest(text, None))
    assert (recs[0]["text"], recs[0]["type"]) == ("إنه انتظار طويل", "direct")
    assert recs[0]["speakers"][0].startswith("كيت جاكيس")


def test_a_participle_after_a_comma_is_not_the_object_of_a_comparative():
    text = "فبدائل التأويل من هذا القبيل أوضح وأقرب من تكلفات الصليبي، رابطاً بين اسم اليهود وصفة الأرض."
    assert records(suggest(text, None)) == []


def test_verbs_of_holding_a_view_with_their_complementizer():
    recs = records(suggest("يذهب الدكتور الصليبي إلى أن كلمة يهود تعني شعب الوهاد.", None))
    assert (recs[0]["text"], recs[0]["speakers"]) == ("أن كلمة يهود تعني شعب الوهاد", ["الدكتور الصليبي"])
    recs = records(suggest("وكانت الكنيسة تؤمن بأن المسيح ذو طبيعة واحدة.", None))
    assert (recs[0]["text"], recs[0]["speakers"]) == ("بأن المسيح ذو طبيعة واحدة", ["الكنيسة"])
    assert records(suggest("وهو يظن أن شوكة المتشددين ستنكسر.", None))[0]["text"] == "أن شوكة المتشددين ستنكسر"


def test_the_same_verbs_without_a_view_are_no_cues():
    for text in ("ذهب الوفد إلى القاهرة بعد أن انتهت المحادثات.",
                 "إلا أن الأول أصر على الدخول، وبعدما دخل سمع الجميع أصوات المشاجرة وسط تأكيدات أن الأمر امتد.",
                 "وقال اللواء العناني حمودة مدير أمن مطروح إن عمليات الضبط مستمرة."):
        assert all(r["cues"] not in (["ذهب"], ["أصر"], ["أمن"]) for r in records(suggest(text, None))), text
    recs = records(suggest("وقال اللواء العناني حمودة مدير أمن مطروح إن عمليات الضبط مستمرة.", None))
    assert recs[0]["speakers"] == ["اللواء العناني حمودة مدير أمن مطروح"]  # أمن "security" is no آمن


def test_a_verbal_noun_after_a_whole_name_is_the_object_not_a_name_part():
    recs = records(suggest("وتوقع الجريفاني إقبال أفضل من الدورة الثانية على الانتخابات.", None))
    assert (recs[0]["text"], recs[0]["speakers"]) == ("إقبال أفضل من الدورة الثانية على الانتخابات", ["الجريفاني"])
    recs = records(suggest("في ذلك الوقت اتهم القذافي تنظيم القاعدة والمتطرفين بتأجيج العمليات المسلحة ضد حكمه.", None))
    assert (recs[0]["text"], recs[0]["speakers"]) == ("تنظيم القاعدة والمتطرفين بتأجيج العمليات المسلحة ضد حكمه",
                                                      ["القذافي"])  # (whom a charge addresses opens it: round 24)
    # a given name of the same shape (تيسير) and العام after a title stay in the name
    recs = records(suggest("وأوضح المتحدث الرسمي لوزارة العمل تيسير المفرج أن القرار نهائي.", None))
    assert recs[0]["speakers"] == ["المتحدث الرسمي لوزارة العمل تيسير المفرج"]
    recs = records(suggest("وأبان مساعد مدير الأمن العام للشؤون الأمنية أن العمليات مستمرة.", None))
    assert recs[0]["speakers"] == ["مساعد مدير الأمن العام للشؤون الأمنية"]


def test_he_added_after_a_cited_verse_or_hadith_continues_the_preacher():
    text = ("وقال إمام وخطيب المسجد الحرام الشيخ أسامة خياط إن التقوى واجبة على كل مسلم.\n"
            "قال تعالى: «واتقوا الله لعلكم تفلحون».\n"
            "وقال النبي صلى الله عليه وسلم: «اتق الله حيثما كنت».\n"
            "وأضاف أن الصلاة عماد الدين.")
    recs = records(suggest(text, None))
    assert recs[-1]["text"] == "أن الصلاة عماد الدين"
    assert recs[-1]["entities"] == recs[0]["entities"]  # the preacher, not the Prophet he cited
    # قال without a subject after the Prophet's words is still his (the hadith goes on)
    text = "وقال النبي صلى الله عليه وسلم: «الدين النصيحة».\nوقال: «المسلم أخو المسلم لا يظلمه»."
    recs = records(suggest(text, None))
    assert recs[-1]["entities"] == recs[0]["entities"]


def test_imam_is_a_title_not_the_preposition_it_folds_into():
    recs = records(suggest("وقال إمام وخطيب المسجد الحرام الشيخ أسامة خياط إن التقوى واجبة.", None))
    assert recs[0]["speakers"] == ["إمام وخطيب المسجد الحرام الشيخ أسامة خياط"]
    recs = records(suggest("وقال امام المسجد النبوي إن الصلاة عماد الدين.", None))
    assert recs[0]["speakers"] == ["امام المسجد النبوي"]
    # أمام "in front of" is still no subject
    recs = records(suggest("وقال أمام الصحفيين إن الوضع مستقر.", None))
    assert all("أمام" not in s for r in recs for s in r["speakers"])


def test_the_subject_written_after_the_verb_is_not_overridden_by_the_model():
    text = ("وأوضح العميد بسام عطيه أن الخلية الأولى تضم 97 شخصا.\n"
            "وفيما يتعلق بالمساجد، أكد اللواء التركي, أن المساجد آمنة.")
    # a model that would always take an earlier speaker (in ar_snn_0025 the shipped one did, by 6.0 to 5.5)
    earlier = Model({"rule:earlier": 9.0, "rule:antecedent": 9.0}, "earlier", {})
    recs = records(suggest_document(make_document(text, id="t", meta={}), (), earlier))
    assert recs[-1]["speakers"] == ["اللواء التركي"]


def test_a_eulogy_ends_the_speaker_mention_but_not_the_phrase_before_the_content():
    recs = records(suggest("يقول نوح عليه السلام لقومه: (فإن توليتم فما سألتكم من أجر).", None))
    assert (recs[0]["speakers"], recs[0]["text"]) == (["نوح"], "فإن توليتم فما سألتكم من أجر")
    recs = records(suggest("وقال الإمام الراغب الأصفهاني رحمه الله تعالى: ((الفرح انشراح الصدر بلذة عاجلة)).", None))
    assert recs[0]["speakers"] == ["الإمام الراغب الأصفهاني"]
    recs = records(suggest("ووصف النبي صلى الله عليه وسلم هذا الدعاء بالكنز.", None))
    assert recs[0]["speakers"] == ["النبي صلى الله عليه وسلم"]  # the Prophet's eulogy names him: it stays


def test_when_after_the_verb_is_not_who():
    text = "وجلس يوسف وهبي صامتا.\nثم قال آخر الأمر: «يبدو أن الجميع هنا»."
    assert all("آخر" not in s for r in records(suggest(text, None)) for s in r["speakers"])


def test_a_verse_after_an_epithet_alone_is_linked_to_god_named_before():
    text = "ثم ألم يحذرنا ربنا من طاعة الشيطان فقال عز من قائل: ((إن الشيطان لكم عدو فاتخذوه عدوا))."
    assert records(suggest(text, None))[0]["speakers"] == ["ربنا"]  # the name, as the gold links it
    # no earlier name (or only one inside a verse, or in a name or eulogy): the epithet stays the mention
    assert records(suggest("قال تعالى: «وأحسنوا إن الله يحب المحسنين».", None))[0]["speakers"] == ["تعالى"]
    text = "وقال عبد الله بن عمر رضي الله عنه إن الصلاة واجبة.\nقال تعالى: «وأقيموا الصلاة»."
    assert records(suggest(text, None))[-1]["speakers"] == ["تعالى"]


def test_a_request_is_what_follows_whom_was_asked():
    recs = records(suggest("أعجب مدير المصنع بخطابها كثيرا. وطلب منها البقاء في العمل.", None))
    assert [r["text"] for r in recs] == ["منها البقاء في العمل"]
    recs = records(suggest("فأجريا امتحانا لي، وطلب كريم مني أن ألقي نشيدا.", None))
    assert (recs[0]["text"], recs[0]["speakers"]) == ("مني أن ألقي نشيدا", ["كريم"])  # مني: whom, not a name
    recs = records(suggest("وقد طلب المخرج محمد كريم إلى عبد الوهاب مرارا أن يكتم ضحكه.", None))
    assert recs[0]["speakers"] == ["المخرج محمد كريم"]
    for text in ("ومن عمل للشهرة طلبا للمال فليس له أجر.",  # the verbal noun
                 "ويوشك أن يطلب السنة، وأجله أقرب إليه من أمله.",  # "seeks"
                 "وقدم المواطنون طلب اللجوء إلى السلطات."):  # the noun
        assert records(suggest(text, None)) == [], text


def test_a_particle_before_the_verb_is_no_speaker():
    recs = records(suggest("زار السلطان مقر رئيس البطارقة جيناديوس، ولقد طلب منه أن يكتب له شرحًا عن المسيحية.", None))
    assert all("لقد" not in s for r in recs for s in r["speakers"])


def test_whom_a_charge_or_an_appeal_is_made_to_opens_the_content():
    recs = records(suggest("وناشدت السلطات المواطنين كافة التعاون الكامل مع اللجان.", None))
    assert (recs[0]["text"], recs[0]["speakers"]) == ("المواطنين كافة التعاون الكامل مع اللجان", ["السلطات"])
    recs = records(suggest("وتحدث الشيخ عن محبة العبد، موصيا المسلمين بتقوى الله.", None))
    assert recs[0]["text"] == "المسلمين بتقوى الله"


def test_the_prophets_words_after_his_eulogy_end_the_preachers_content_and_are_his():
    text = ("وقال النبي صلى الله عليه وسلم: «الدين النصيحة».\n"
            "ومضى فضيلته بالقول: إن أذية المسلم محرمة, قال عليه السلام ” قتال المسلم كفر وسبابه فسوق ”.")
    recs = records(suggest(text, None))
    assert [r["text"] for r in recs] == ["الدين النصيحة", "إن أذية المسلم محرمة", "قتال المسلم كفر وسبابه فسوق"]
    assert recs[2]["speakers"] == ["النبي صلى الله عليه وسلم"]  # named before, one mention, one entity
    assert recs[2]["entities"] == recs[0]["entities"]


def test_words_in_marks_right_after_said_are_what_was_said():
    recs = records(suggest('وقال المنشد إنه لا يتدخل في الأمور المالية، وقال "ربي ارزقني وارزق مني".', None))
    assert recs[-1]["text"] == "ربي ارزقني وارزق مني" and recs[-1]["type"] == "direct"
    recs = records(suggest('وصفته "جازبروم" في بيان بأنه خطأ.', None))
    assert recs[0]["speakers"] == ["جازبروم"]  # a quoted name after another verb is still its subject


def test_speech_in_parentheses_may_hold_a_number():
    recs = records(suggest("- وقال رئيس الرابطة: (إن 2 مليون واق سيكفون الجماهير لمدة يوم واحد فقط).", None))
    assert recs[0]["text"] == "إن 2 مليون واق سيكفون الجماهير لمدة يوم واحد فقط"
    recs = records(suggest("وقال مورينيو (52 عاما) إن الفريق جاهز.", None))
    assert recs[0]["text"] == "إن الفريق جاهز"  # an age in parentheses is still an aside


def test_a_request_in_a_relative_clause_is_no_report():
    text = "ومن بينها شرط ان تحصل الدولة التي تطلب من البنك قرضا لتمويل مشروع على موافقة السكان."
    assert records(suggest(text, None)) == []


def test_the_writers_own_view_in_the_first_person_is_no_report():
    for text in ("فإنني أعتقد أن البرنامج ناجح.", "وفي اعتقادي أن البرنامج ناجح."):
        assert records(suggest(text, None)) == [], text
    recs = records(suggest("واعتقد الوزير أن البرنامج ناجح. وأعتبر الوزير أن القرار صائب.", None))
    assert [r["speakers"] for r in recs] == [["الوزير"], ["الوزير"]]  # third person (and a misspelt hamza)


def test_this_shows_is_the_writers_inference():
    text = "في رأيك كيف تفسر هذا التناقض وما السبب الكامن خلفه؟ - هذا يؤكّد سوء توزيع الثروة فيما بين المواطنين."
    assert records(suggest(text, None)) == []
    recs = records(suggest("ويضحك المخرج معلقا على ذلك ويقول: «يا للمصيبة».", None))
    assert recs and recs[-1]["text"] == "يا للمصيبة"  # ذلك is what he commented on, not the subject


def test_words_in_marks_right_after_added_are_what_was_said_too():
    # (the rule compared the cue's lemma with folded words: أضاف never matched, only قال, تابع and استطرد)
    recs = records(suggest('وقال المنشد إنه لا يتدخل، وأضاف "ربي ارزقني وارزق مني".', None))
    assert recs[-1]["text"] == "ربي ارزقني وارزق مني" and recs[-1]["type"] == "direct"
