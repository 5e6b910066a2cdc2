"""Who said it, fifteenth round (issue #14): a root-cause fix found by counting where the quotes missed on all the
measured sets lie. Of the gold quotes missed whose cue the lexicon knows, a group had their cue hidden as "inside
quotation marks": one slip of typing in a line turned the rest of the line inside out, so the text between two
quotations was read as a quotation and its cues as the speaker's own words."""

from __future__ import annotations

from app.core.suggest.arabic import Analysis
from app.core.suggest.quotes import pair_marks
from tests.test_suggest_support import candidate_texts, records, said, suggest


def _pairs(text: str) -> list[str]:
    an = Analysis(text)
    return [text[slice(*an.token_span(st.open, st.close))] for st in pair_marks(an)]


def test_a_straight_quote_closed_by_a_guillemet_does_not_swallow_the_next_quotations():
    """وثمة رأي يقول إن "إيران لن تلتزم». وتقدم ...: the writer opened with " and closed with »; the " stayed open
    and the next « … » pairs were paired the wrong way round (» … «), hiding وتابع between them."""
    text = ('وثمة رأي يقول إن "إيران لن تلتزم بالاتفاق». وقال المحلل إن «الملف الأخير مهم». وتابع: «أما العرب فيريدون '
            'اليمن». وأضاف أن «الحل سياسي». ويرى آخرون أن "الاتفاق سيصمد".')
    assert _pairs(text) == ['"إيران لن تلتزم بالاتفاق»', "«الملف الأخير مهم»", "«أما العرب فيريدون اليمن»",
                            "«الحل سياسي»", '"الاتفاق سيصمد"']
    recs = records(suggest(text, None))
    assert [(r["text"], r["cues"]) for r in recs][-3:] == [
        ("أما العرب فيريدون اليمن", ["وتابع"]), ("الحل سياسي", ["وأضاف"]), ("الاتفاق سيصمد", ["ويرى"])]


def test_a_quotation_nested_in_the_same_marks_is_inside_the_outer_one():
    """«نحن في «التحالف» لن نتراجع»: the second « re-opened and the last » opened a stretch the wrong way round
    up to the next «, so the cue between them was hidden."""
    text = ("وقال الوزير: «نحن في «التحالف» لن نتراجع». وأضاف المتحدث أن «الهدنة صامدة».")
    assert _pairs(text) == ["«نحن في «التحالف» لن نتراجع»", "«الهدنة صامدة»"]
    recs = records(suggest(text, None))
    assert [(r["text"], r["cues"], r["speakers"]) for r in recs] == [
        ("نحن في «التحالف» لن نتراجع", ["وقال"], ["الوزير"]), ("الهدنة صامدة", ["وأضاف"], ["المتحدث"])]


def test_a_left_over_closing_mark_before_punctuation_opens_nothing():
    """…اليمن»، فيما يرى آخرون أن «…»: a closing mark with nothing open (its opening mark lost) acted as an opening
    one and paired with the next «; a quotation never starts with a comma or a full stop."""
    text = "يتجلى حسن النية في اليمن»، فيما يرى آخرون أن «إيران لن تقدم أي تنازلات». وأكد الخبير أن الحل بعيد."
    assert _pairs(text) == ["«إيران لن تقدم أي تنازلات»"]
    recs = records(suggest(text, None))
    assert [r["text"] for r in recs] == ["إيران لن تقدم أي تنازلات", "أن الحل بعيد"]


def test_marks_typed_on_both_sides_or_the_wrong_way_round_still_pair():
    """What the one-open-mark pairing did right stays: بـ»الأساسي» and و”الموت” (a closing mark typed as the
    opening one after a clitic), ” … “ typed the wrong way round, and an opening mark never closed."""
    assert _pairs("وصف الدور بـ»الأساسي» في التحالف") == ["»الأساسي»"]
    assert _pairs("هتافات “الموت لأمريكا” و”الموت لإسرائيل”") == ["“الموت لأمريكا”", "”الموت لإسرائيل”"]
    assert _pairs("وقال سموه ” إن التفجير كشف حقدهم “.") == ["” إن التفجير كشف حقدهم “"]
    assert _pairs("قال «أولا ثم قال «ثانيا» ومضى") == ["«ثانيا»"]


def test_straight_quotes_pair_by_their_shape_and_nest():
    """A straight quote glued to the word after it opens, one glued to the word before closes: a name quoted
    inside a quotation ("… "جالكسي" و"نوت" …") nests instead of closing the quotation, and a slogan's closing
    mark never opens the text after it. By parity alone the line came out inside out."""
    text = ('وقال المدير: "عندما يرى عملاؤنا هاتفي "جالكسي" و"نوت" الجديدين، سيرون المستقبل". وأضاف: "حيث أن '
            'الهاتفين يمثلان الجيل الجديد". ويقول مصرفيون "إن مؤسسة النقد "ساما"، التي تلعب دور البنك المركزي، '
            'أعلنت الحاجة إلى إصدار سندات".')
    assert _pairs(text) == ['"عندما يرى عملاؤنا هاتفي "جالكسي" و"نوت" الجديدين، سيرون المستقبل"',
                            '"حيث أن الهاتفين يمثلان الجيل الجديد"',
                            '"إن مؤسسة النقد "ساما"، التي تلعب دور البنك المركزي، أعلنت الحاجة إلى إصدار سندات"']
    recs = records(suggest(text, None))
    assert [(r["cues"], r["speakers"]) for r in recs] == [(["وقال"], ["المدير"]), (["وأضاف"], ["المدير"]),
                                                          (["ويقول"], ["مصرفيون"])]


def test_an_announced_verbal_noun_with_its_complement_is_the_content():
    """أعلنت الشركة اليوم تسجيلَ أكبر خسائر: after أعلن / كشف only a closed list of happenings (مقتل، وصول ...)
    opened the object; an indefinite verbal noun with its complement after the named subject is what was announced
    too. أعلن with a definite noun after it (أعلن الوزير الحرب) or no subject stays no report."""
    recs = records(suggest("وأعلنت شركة البرمجيات الأمريكية اليوم تسجيل أكبر خسائر ربع سنوية في تاريخها. وأعلن "
                           "الوزير الحرب على الفساد.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [
        ("تسجيل أكبر خسائر ربع سنوية في تاريخها", ["شركة البرمجيات الأمريكية"])]


def test_an_indefinite_verbal_noun_does_not_continue_a_definite_noun_and_its_adjective():
    """أعلنت الحكومة الصينية توسيعَ نطاق …: a definite noun and its definite adjective cannot be continued in
    construct by an indefinite word, so the verbal noun is the object, not part of the speaker. After a title
    (الدكتورة إيمان) the same shape is a name; it was read as the object there too."""
    recs = records(suggest("أعلنت الحكومة الصينية توسيع نطاق خدمات التأمين الصحي. وأكدت الدكتورة إيمان العتيبي "
                           "أن الطالبات متفوقات.", None))
    assert [(r["text"], r["speakers"]) for r in recs] == [
        ("توسيع نطاق خدمات التأمين الصحي", ["الحكومة الصينية"]),
        ("أن الطالبات متفوقات", ["الدكتورة إيمان العتيبي"])]


def test_as_reported_by_a_source_with_its_description_after_it_closes_the_sentence():
    """… حسبما ذكرت صحيفة «آس» الإسبانية في عددها الصادر أمس. / …، حسب تقديرات مصور وكالة فرانس برس.: the
    clause before "as X reported" is what X reported also when the source's description, place or date follows it
    to the sentence end, and حسبما needs no comma before it. A verbal noun or a possessed noun "showing" something
    (كما أظهر ترشحه للرئاسة) is no source."""
    text = ('انضم نادي مانشستر سيتي إلى الأندية الراغبة في التعاقد مع اللاعب حسبما ذكرت صحيفة "آس" الإسبانية في '
            'عددها الصادر صباح أمس. وتجمع حوالى ألف شخص في شارع تايمز سكوير، حسب تقديرات مصور وكالة فرانس برس. '
            'ويعد الحامدي من أكثر الشخصيات المثيرة للجدل في تونس، كما أظهر ترشحه لانتخابات الرئاسة عام 2014.')
    recs = records(suggest(text, None))
    assert [(r["text"], r["cues"]) for r in recs] == [
        ("انضم نادي مانشستر سيتي إلى الأندية الراغبة في التعاقد مع اللاعب", ["ذكرت"]),
        ("وتجمع حوالى ألف شخص في شارع تايمز سكوير", ["حسب"])]
    assert recs[0]["speakers"] == ['صحيفة "آس"']


def test_a_quoted_name_and_figures_are_sources_that_speak():
    """وبحسب «رويترز»، فقد تكبدت …: a quoted name (an agency, a paper) is a source that speaks, and فقد opens the
    clause it said (ف was stripped only from words of four letters); figures, data, a census, a survey speak too
    (… بحسب أرقام رسمية.). A clause reporting on its own (فقد نقل البيان عن فلان) is not the source's."""
    text = ('وبحسب «رويترز»، فقد تكبدت الشركة تكاليف بلغت نحو 400 مليون دولار. وتملك الإمارات 130 سدا بقدرة '
            'استيعابية كبيرة بحسب أرقام رسمية. وبحسب «الفرنسية»، فقد نقل البيان عن مدفيديف قوله إن الحاجة ملحة.')
    recs = records(suggest(text, None))
    assert [(r["text"], r["speakers"]) for r in recs][:2] == [
        ("فقد تكبدت الشركة تكاليف بلغت نحو 400 مليون دولار", ["رويترز"]),
        ("وتملك الإمارات 130 سدا بقدرة استيعابية كبيرة", ["أرقام رسمية"])]
    assert not any(r["text"].startswith("فقد نقل") for r in recs)


def test_this_as_the_object_reports_the_sentence_before():
    """…. أوضح ذلك فلان / أكد ذلك لـ«عكاظ» فلان: a verb opening its sentence with "this" as its object, and no
    content after its subject, reports the sentence before; "this" is no part of the subject, and the words after the
    subject are not a verbal-noun object. "This design" after a verb (وتطلّب هذا التصميم) is its subject."""
    text = ("تمكن رجال الجمارك بمنفذ الحديثة من إحباط محاولة تهريب كمية من الحبوب المخدرة.\n"
            "أوضح ذلك إبراهيم العنزي مدير عام جمرك الحديثة.\n"
            "ويمتاز الهاتف بأناقته الفريدة وبنيته المتينة. وتطلّب هذا التصميم استخدام تقنيات جديدة.")
    assert said(text, None) == [
        ("تمكن رجال الجمارك بمنفذ الحديثة من إحباط محاولة تهريب كمية من الحبوب المخدرة",
         ["إبراهيم العنزي مدير عام جمرك الحديثة"])]


def test_information_and_statistics_pointing_out_are_reports():
    """وتشير المعلومات إلى أن … / وتشير الإحصاءات إلى …: "indicates" said of things was no report, but a source that
    speaks (information, statistics, estimates — the sources of وبحسب) reports: every such case in the gold was
    annotated. Said of other things (ويشير تنامي الاحتياطات إلى أن) it is still none."""
    text = ("وتشير المعلومات إلى أن المرأة كانت على علاقة عمل مع الجاني. ويشير تنامي الاحتياطات إلى أن البنك "
            "يتدخل في السوق.")
    assert said(text, None) == [
        ("أن المرأة كانت على علاقة عمل مع الجاني", ["المعلومات"])]


def test_the_year_written_in_a_half_or_a_quarter_is_a_date():
    """النصف الأول 2015 / الربع الثالث من عام 2014: halves and quarters are not suggested (no gold set marks one),
    and the year in them was lost with them; every gold set with such a year marks the year. A hand-marked span
    still gets the value of what it covers: the quarter for the whole phrase, the year for the year."""
    from app.core.suggest.kinds import date_value
    text = ("وارتفعت الأرباح بنهاية النصف الأول 2015 مقارنة بالنصف الأول من عام 2014 وبالربع الثالث من 2013، "
            "فيما تراجعت خلال الربع الثاني من العام الحالي.")
    lay = suggest(text, None).layer
    assert sorted((s.text, s.attrs["value"]) for s in lay.spans_by_label("DATE")) == [
        ("2013", "2013"), ("2015", "2015"), ("عام 2014", "2014")]
    quarter = text.index("الربع الثالث")
    assert date_value(text, quarter, text.index("،"), "2015-06-01") == "2013-Q3"
    assert date_value(text, text.index("عام 2014"), text.index("عام 2014") + 8, "2015-06-01") == "2014"


def test_a_political_camp_named_after_a_date_is_no_date():
    """قوى 14 آذار / قوى 8 آذار: Lebanon's two camps are named after dates, like a street or a square (شارع 23
    يوليو); ten such names were suggested as dates in one blind13 article. The same date after في is a date."""
    lay = suggest("وقالت قوى 14 آذار إن الاتفاق خطير، فيما رحبت قوى 8 آذار به في 14 آذار الماضي.", None).layer
    assert [s.text for s in lay.spans_by_label("DATE")] == ["14 آذار الماضي"]


def test_no_candidate_speaker_is_read_from_the_middle_of_another():
    """وأعلن المخرج حسني صالح وفاة الفنان … قائلاً: the clause-subject reader proposed "صالح وفاة الفنان الكبير
    نور الشريف", a phrase starting inside the name already proposed; a retrained model chose it (default/7 and a
    first default/8 failed this suite's partitive test for that)."""
    cands = candidate_texts("وأعلن المخرج حسني صالح وفاة الفنان الكبير نور الشريف قائلًا: “نور الشريف في ذمة الله”.")
    assert cands[0][0] == "المخرج حسني صالح"
    assert not any(c.startswith("صالح") for c in cands[0])


def test_a_cited_verse_or_hadith_is_no_candidate_for_a_later_verb_of_saying():
    """… قال تعالى: «…». وقال النبي صلى الله عليه وسلم: «…». وأضاف أن …: God and the Prophet are cited inside the
    preacher's words; a later وأضاف goes on with the preacher (the rules' choice), and the candidates a model chooses
    among no longer offer the citations (a retrained model preferred the Prophet, failing round 4's test)."""
    cands = candidate_texts("وقال إمام المسجد الحرام الشيخ أسامة خياط إن التقوى واجبة على كل مسلم.\n"
                        "قال تعالى: «واتقوا الله لعلكم تفلحون».\n"
                        "وقال النبي صلى الله عليه وسلم: «اتق الله حيثما كنت».\n"
                        "وأضاف أن الصلاة عماد الدين.")
    assert cands[-1][0] == "إمام المسجد الحرام الشيخ أسامة خياط"
    assert not any("النبي" in c or "تعالى" in c for c in cands[-1])


def test_most_in_need_is_no_yesterday():
    """في أمسّ الحاجة إليها ("most in need"): the superlative أمسّ folds to the letters of أمس "yesterday" and was
    suggested as a date (blind14 snn14_24, read after its measurement). أمس before anything else stays a date."""
    lay = suggest("وتوفير الأموال التي كانت في أمسّ الحاجة إليها. وقال الوزير أمس إن الحاجة ماسة.", None).layer
    assert [s.text for s in lay.spans_by_label("DATE")] == ["أمس"]
