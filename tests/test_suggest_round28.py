"""Round 28 (issue #14), read on blind26 and then on blind27, each after its one measurement: spelling and names
that a word's first letters hid; sources that show or indicate; circumstantial participles, their objects and their
subjects. Each rule was counted over all the measured gold sets before it was kept (28 sets, 5,184 gold quotes, for
the first three; 29 sets, 5,366, for the rest); each test says what it changed there. On the two sets measured after
it (blind28, blind29) round 28 changed no quote, speaker or date."""

from __future__ import annotations

from tests.test_suggest_support import candidate_texts, said


def test_ra_y_spelt_with_ya_is_the_noun_opinion_where_the_article_writes_alef_maqsura():
    """Folding makes رأى (he held) and رأي (opinion) one word; an article that writes على with ى writes the verb رأى
    with ى too, so رأي there is the noun (blind26 snn26_26: "قضية رأي عام عقب ...، خاصة أن" was a quote said by
    "عام"; blind22 snn22_26: "كان لدينا رأي وهو أن")."""
    assert said("وباتت قضية رأي عام عقب تداولها على نطاق واسع، خاصة أن والدتها توفيت.") == []
    assert said("ونحن كان لدينا رأي وهو أن تتشكل حكومة تكنوقراط على الفور.") == []
    # the verb spelt with ى is still a cue, and so is رأي where the article never writes ى (nothing to tell apart)
    assert said("ورأى الوزير على هامش اللقاء أن الخطة جيدة.") == [("أن الخطة جيدة", ["الوزير"])]
    assert said("ورأي الوزير أن الخطة جيدة.") == [("أن الخطة جيدة", ["الوزير"])]


def test_a_name_that_begins_with_ba_is_the_subject_when_the_verb_governs_its_ba_later():
    """وأبلغ بوتين الحضور بأن: بوتين begins with ب, which أبلغ governs, so the content started at "بوتين" and the
    quote had no speaker (blind26 snn26_02). A verb governs its preposition once: when the same letter opens a
    complementizer after one or two definite words, the first word is a name, and they are whom he told."""
    assert said("وأبلغ بوتين الحضور بأن روسيا ستكون مضيفة رائعة.") == [
        ("بأن روسيا ستكون مضيفة رائعة", ["بوتين"])]
    # the governed preposition itself is unchanged
    assert said("وطالب بإلغاء القرار فورا.")[0][0] == "بإلغاء القرار فورا"
    assert said("وأبلغ الوزير الحضور بأن الموعد تغير.") == [("بأن الموعد تغير", ["الوزير"])]


def test_the_verbal_noun_of_a_hollow_root_in_the_istif_ala_form_has_the_shape_of_one():
    """استضافة، استقالة، استفادة (istif'ala of a hollow root) were not read as verbal nouns, so "بلاتر استقالته"
    (blind5 snn5_12) was one speaker mention: his resignation is what he announced, not part of his name."""
    from app.core.suggest.arabic import masdar_shaped, possessed_masdar

    assert all(masdar_shaped(w) for w in ("استضافه".replace("ه", "ة"), "استقالة", "استفادة", "استمرار"))
    assert possessed_masdar("استقالته")
    assert not masdar_shaped("استاذة") and not masdar_shaped("استراليا")


def test_a_source_that_shows_or_indicates_speaks_past_a_comma_a_quantity_or_the_verb_before_it():
    """"Shows" and "indicates" report only when a source speaks (أظهرت الكاميرات الفتاة: no report). Three ways a
    source was missed (blind27, read after its measurement): a comma between the source and what it shows (وأظهرت
    بيانات جمركية، أن: snn27_32), the source named before the verb (وكانت التقارير تشير إلى أن: snn27_24), and a
    quantity of sources (متوسط تقديرات المحللين، معظم التقارير). Over the 29 gold sets: 3 more quotes found, 1 wrong."""
    assert said("وأظهرت البيانات، أن الواردات زادت.") == [("أن الواردات زادت", ["البيانات"])]
    assert said("وكانت التقارير تشير إلى أن الفريق تقدم بعرض.")[0][0] == "أن الفريق تقدم بعرض"
    assert said("إذ يشير متوسط تقديرات المحللين إلى أن الأرباح ستكون كبيرة.") == [
        ("أن الأرباح ستكون كبيرة", ["متوسط تقديرات المحللين"])]
    # things still do not speak
    assert said("وكانت الأسعار تشير إلى أن الطلب ضعيف.") == []
    assert said("وأظهرت الكاميرات، الفتاة وهي تغادر المبنى.") == []
    assert said("ويشير ارتفاع الأسعار إلى أن الطلب قوي.") == []


def test_a_circumstantial_participle_takes_a_verbal_noun_object_after_a_full_stop_and_a_possessed_one():
    """مؤكداً أهميةَ … opening a sentence goes on with the previous sentence's speaker (blind26 snn26_28), and a
    participle's possessed verbal noun is what he denies or affirms (نافياً إدمانَه: blind24 snn24_17), as after a
    verb with its subject. Over the 29 gold sets: +2 quotes, none wrong."""
    quotes = said("وأكد الوزير عدم قدرة إيران على امتلاك السلاح النووي. مؤكدا أهمية دور الرقابة الدولية على المواقع.")
    assert quotes[-1] == ("أهمية دور الرقابة الدولية على المواقع", ["الوزير"])
    quotes = said("وقال المريض إنه اعتدى على طبيبه، نافياً إدمانه أو انتماءه لفئة ضالة.")
    assert quotes[-1][0] == "إدمانه أو انتماءه لفئة ضالة"
    # a participle that is an adjective still takes nothing: كانت غير متوقعة
    assert said("كانت النتيجة غير متوقعة. وكان الفريق قد خسر مباراته الأولى.") == []


def test_a_possessed_verbal_noun_after_whom_they_told_is_the_object_not_the_subject():
    """واكدت لهما استعدادها لتخفيف عقوبتهما: after the addressee pronoun (لهما) her own stance is the object; it was
    suggested as the speaker (blind27 snn27_10). The only change over the 29 gold sets: that wrong speaker gone."""
    quotes = said("وقالت القاضية إن المتهمين مذنبان. واكدت لهما استعدادها لتخفيف عقوبتهما ان وافقا على الشرط.")
    assert all("استعدادها" not in " ".join(speakers) for _, speakers in quotes)
    # a subject after the addressee is still the subject
    assert said("وقال لـ«الوطن» المتحدث الرسمي إن الموعد تغير.") == [("إن الموعد تغير", ["المتحدث الرسمي"])]


def test_a_participle_after_a_full_stop_may_go_on_with_the_subject_of_the_sentence_before():
    """كشف الرئيس التنفيذي للمهرجان عبدالعزيز المهوس أبرز ملامح الخطة. موضحاً أن …: writers put a full stop before a
    circumstantial participle; in the same paragraph its subject is still the verb's that opened the sentence before
    (blind27 snn27_18: three quotes went to the previous speaker). The rules now propose that subject; left out one
    set at a time over the last 18 sets, the retrained model gets 2 more speakers (2,538 → 2,540 of 3,362), the rules
    3 more."""
    text = ("وقال المدير إن العمل مستمر. من جهته كشف الرئيس التنفيذي للمهرجان عبدالعزيز المهوس أبرز ملامح خطة "
            "المهرجان. موضحا أن اللجنة التنفيذية مهتمة بضبط الجودة.")
    assert candidate_texts(text)[-1][0].startswith("الرئيس التنفيذي")
    # the rules take it (which a model prefers, the subject or the previous speaker, is the model's to learn)
    from app.core.jsonl import make_document
    from app.core.suggest import RULES, suggest_document

    layer = suggest_document(make_document(text, id="t", meta={}), (), RULES).layer
    quote = layer.spans_by_label("QUOTE")[-1]
    assert quote.text == "أن اللجنة التنفيذية مهتمة بضبط الجودة"
    assert [s.text for s in layer.linked(quote.id, "SAID_BY")] == ["الرئيس التنفيذي"]
    # a new paragraph is another matter: the previous speaker goes on
    text = text.replace("المهرجان. موضحا", "المهرجان.\nموضحا")
    assert not candidate_texts(text)[-1][0].startswith("الرئيس التنفيذي")
