"""Who said it, nineteenth round (issue #14): found by counting over every measured set (blind17 included, measured
once before this round) what the missed quotes' cues and the wrong speakers are, and checking each candidate rule
against every gold set before keeping it (blind18 was drawn and annotated, not read, while this round was made)."""

from __future__ import annotations

from tests.test_suggest_support import said as _said, suggest


def test_said_reaches_words_opening_with_when_after_whom_he_told_or_with_his_own_we():
    """قال always introduces words. After its subject and a comma, words opening with a time adjunct (بعد الوصول
    إلى الموقع تم ...، أثناء قيام ...) were refused as an adjunct of the saying; after "to the reporters" and a
    comma, and with "we" right after the name, the words had no start at all."""
    text = ("وانقلبت سيارة على الطريق. وقال المتحدث الرسمي لهيئة الهلال الاحمر السعودي بمنطقة الرياض عبدالله نايف "
            "المريبض، بعد الوصول الى الموقع تم فرز وتصنيف الحالات. وقال نائب رئيس الوزراء بولنت أرينج للصحفيين، تم "
            "تحديد قطاعات حيوية في الحدود. وقال المدير العام للمنتجع بيير فسيير نحن سعداء بهذه الجائزة الجديدة. وقال "
            "الوزير في كلمته بعد الجلسة.")
    assert _said(text) == [
        ("بعد الوصول الى الموقع تم فرز وتصنيف الحالات",
         ["المتحدث الرسمي لهيئة الهلال الاحمر السعودي بمنطقة الرياض عبدالله نايف المريبض"]),
        ("تم تحديد قطاعات حيوية في الحدود", ["نائب رئيس الوزراء بولنت أرينج"]),
        ("نحن سعداء بهذه الجائزة الجديدة", ["المدير العام للمنتجع بيير فسيير"])]


def test_an_affirmed_stance_after_the_occasion_of_the_words_is_the_object():
    """وأكد الصمعاني خلال اللقاء دعمَ الوزارة لـ ...: "during the meeting" stands between the subject and the object
    (like a date already did), and a stance (دعم، رفض، تأييد) is content after أكد as after أعلن."""
    text = ("والتقى الوزير بنظيره أمس. وأكد الصمعاني خلال اللقاء دعم الوزارة لاستراتيجية وزارة الإسكان في سبيل تمكين "
            "المواطن. وأكد المدرب خلال اللقاء الصحفي الماضي.")
    assert _said(text) == [("دعم الوزارة لاستراتيجية وزارة الإسكان في سبيل تمكين المواطن", ["الصمعاني"])]


def test_what_happened_right_after_a_verb_whose_subject_came_before_it():
    """وكان محللون استطلعت آراؤهم يتوقعون نموَّ الطلب: the verb agrees with the plural subject before it, and what
    happened follows it at once — the object, as after a subject written after the verb."""
    text = "وارتفع الطلب. وكان محللون استطلعت آراؤهم يتوقعون نمو الطلب الصناعي بنسبة طفيفة."
    assert [t for t, _ in _said(text)] == ["نمو الطلب الصناعي بنسبة طفيفة"]


def test_a_speaking_source_described_before_its_comma():
    """وحسب صحيفة “ستيت” المحلية، فإن … / وبحسب وكالة رويترز للأنباء، يبدو أن …: a few words describing the source
    (an adjective, "for news"), then the comma, then its content. بحسب الخطة المعتمدة للمشروع، يبدأ … (no source
    that speaks) stays a circumstance."""
    text = ("وتظاهر المئات أمس. وحسب صحيفة “ستيت” المحلية، فإن أعضاء المنظمة قاموا بالتظاهر أمام المبنى. وبحسب وكالة "
            "رويترز للأنباء، يبدو أن لدى التنظيم الكثير من الحيل الأخرى. وبحسب الخطة المعتمدة للمشروع، يبدأ العمل في "
            "الأسبوع المقبل.")
    assert _said(text) == [
        ("فإن أعضاء المنظمة قاموا بالتظاهر أمام المبنى", ["صحيفة “ستيت”"]),
        ("يبدو أن لدى التنظيم الكثير من الحيل الأخرى", ["وكالة رويترز للأنباء"])]


def test_it_came_in_the_statement_that():
    """وجاء في البيان أن … / وورد في التقرير أن …: the document is the source, as after بحسب; "what came in it" (بما
    ورد في، كما جاء في) refers to it and reports nothing."""
    text = ("وعقد المجلس اجتماعه أمس. وجاء في البيان أن الهدف الأساس من التأمين الصحي هو حماية الأسر. وورد في التقرير "
            "أن الخروف يعود للمواطن. وقد أحاط المجلس علماً بما ورد في التقرير أن كل شيء بخير. وكما جاء في الحديث أن "
            "الدين يسر.")
    assert _said(text) == [("أن الهدف الأساس من التأمين الصحي هو حماية الأسر", ["البيان"]),
                           ("أن الخروف يعود للمواطن", ["التقرير"])]


def test_more_speech_acts_report_with_a_complementizer_or_a_colon_only():
    """أورد، اقترح، وعد، حكى، نصح، فسر، استدرك، انتقد، أجمع، أيد، هدد: each counted over every gold set before it
    was added (together: 17 more annotated quotes found, 4 unannotated). Like the other weak cues they report only
    with a complementizer, a colon or a quotation: وانتقد الوزير الأداءَ is no quote."""
    text = ("وأورد التقرير أن البطالة ارتفعت. واقترح المنظمون أن تشتري الصناديق الأسهم. ووعد الوزير بأن تنتهي الأعمال "
            "قريبا. وانتقد الوزير الأداء في الموسم الماضي. واستدرك المدرب: «لكننا سنواصل العمل». وأجمع المشاركون على "
            "أن الحوار هو الحل. وهدد الحزب بأنه سينسحب من الحكومة.")
    assert _said(text) == [
        ("أن البطالة ارتفعت", ["التقرير"]),
        ("أن تشتري الصناديق الأسهم", ["المنظمون"]),
        ("بأن تنتهي الأعمال قريبا", ["الوزير"]),
        ("لكننا سنواصل العمل", ["المدرب"]),
        ("أن الحوار هو الحل", ["المشاركون"]),
        ("بأنه سينسحب من الحكومة", ["الحزب"])]


def test_whom_a_call_addresses_is_not_its_speaker():
    """وحث جميع الأطراف على …، وطالب مسيري النادي بـ …: "all the parties" and a plural participle in construct in the
    oblique case (مسيري for مسيرو) are whom the call addresses; the speaker is the one who spoke before (here in a sentence of his own, where no rule took the statement's
    subject over)."""
    text = ("وأكد الأمين العام للأمم المتحدة أنطونيو غوتيريش أن الوضع خطير. وحث جميع الأطراف على وقف العمليات العسكرية. "
            "وأوضح المدرب كريستيان غروس أن الفريق يحتاج إلى مهاجم. وطالب مسيري النادي بالبحث عن لاعب آخر.")
    speakers = [s for _, s in _said(text)]
    assert speakers == [["الأمين العام للأمم المتحدة أنطونيو غوتيريش"]] * 2 + [["المدرب كريستيان غروس"]] * 2


def _dates(text: str) -> list[tuple[str, str]]:
    layer = suggest(text, "2015-08-01").layer
    return [(s.text, s.attrs["value"]) for s in sorted(layer.spans_by_label("DATE"), key=lambda s: s.start)]


def test_today_right_after_a_present_tense_verb_is_nowadays():
    """تونس تحتاج اليوم إلى، وهي تعتبر اليوم أكبر …: right after a present-tense verb a bare اليوم is "nowadays"
    (over the gold sets: 8 unannotated suggestions gone, 1 annotated one lost — وتغادر اليوم, a plan for the day).
    A future verb (ستغادر اليوم), a verb with its object pronoun (نشره اليوم) or a noun of the same shape (نجران
    اليوم) keep the day."""
    text = ("وقال الوزير إن تونس تحتاج اليوم إلى طي صفحة الماضي. وستغادر البعثة اليوم إلى باريس. وأوضح البنك في إعلان "
            "نشره اليوم على موقعه أن الأرباح زادت. وأعلنت الإدارة العامة للتعليم بمنطقة نجران اليوم عن المدارس "
            "المشمولة.")
    assert _dates(text) == [("اليوم", "2015-08-01")] * 3


def test_the_night_before_last_and_the_year_inside_a_half():
    """الليلة الماضية / الليلة قبل الماضية (every gold set that has one marks it) are the day before and the one
    before that; النصف الأول من العام الجاري: the year named relative to the article's is marked, as a written one
    already was."""
    text = ("ووقعت الهجمات الليلة قبل الماضية، ثم الليلة الماضية. وبلغت المطالبات في النصف الأول من العام الجاري مليون "
            "ريال.")
    assert _dates(text) == [("الليلة قبل الماضية", "2015-07-30"), ("الليلة الماضية", "2015-07-31"),
                            ("العام الجاري", "2015")]


def test_bare_years_of_a_range_a_life_or_a_work_cited():
    """بين 1831 و1910، (1856 - 1915)، (القاهرة: دار المعارف، 1990)، خلال الفترة 2015-2016: a bare year before 1900
    needed a strong word before it, and a year after a comma one written just before; a range of years, a lifespan
    and the year closing a reference are years. A count in parentheses (نحو 2000) is not."""
    text = ("وترجع للفترة بين 1831 و1910. وكان فريدريك تايلور (1856 - 1915) مهندسا. انظر كتاب الإسلام (القاهرة: دار "
            "المعارف، 1990)، ص 9. ووصل عددهم إلى (نحو 2000) شخص. وسعر البرميل خلال الفترة 2015-2016 منخفض.")
    assert [t for t, _ in _dates(text)] == ["1831", "1910", "1856", "1915", "1990", "2015", "2016"]


def test_an_academic_year_of_two_hijri_years_is_no_date():
    """للعام الدراسي 1435 / 1436هـ: two consecutive Hijri years name an academic or fiscal year; five of the seven in
    the gold sets are not marked, and the second year alone (what was suggested) never is."""
    text = "وتبدأ الدراسة للعام الدراسي 1435 / 1436هـ في موعدها. وفي عام 1436هـ بدأ البرنامج."
    assert _dates(text) == [("عام 1436هـ", "2015")]


def test_as_he_said_closing_the_sentence_without_a_comma_and_according_to_what():
    """… أزمة اقتصادية خانقة كما قال وزير المالية. / …، على ما أعلنت البعثة.: "as X said" needed a comma before كما
    (which also means "also" and "like"); closing its sentence it needs none. على ما ("according to what") is
    بحسب ما."""
    text = ("وتعاني البلاد من أزمة اقتصادية خانقة كما قال وزير المالية. وقتل 1592 شخصا وأصيب 3329 في أعمال العنف، على "
            "ما أعلنت بعثة الأمم المتحدة في أفغانستان. وكما قال الوزير إن الأزمة ستنتهي.")
    assert _said(text) == [("وتعاني البلاد من أزمة اقتصادية خانقة", ["وزير المالية"]),
                           ("وقتل 1592 شخصا وأصيب 3329 في أعمال العنف", ["بعثة الأمم المتحدة في أفغانستان"]),
                           ("إن الأزمة ستنتهي", ["الوزير"])]


def test_the_subject_of_a_relative_clause_describing_a_thing_is_no_candidate():
    """واستعرض المجلس البعض من النتائج التي حققها أعضاء الدورة السابقة، مؤكدين أن …: "members" is a title word, so
    the titled mention after the relative clause's verb was offered to the participle. A model trained on dev …
    blind17 chose it (the round-5 regression test failed with that default/11 candidate): a titled phrase right
    after "التي / الذي + verb" describes a thing and is no longer offered."""
    from app.core.model import Document
    from app.core.suggest.engine import analyse
    from app.core.suggest.model import RULES

    text = "واستعرض المجلس البعض من النتائج التي حققها أعضاء الدورة السابقة، مؤكدين ان عدم تنفيذ القرارات كان عائقا."
    ctx, records = analyse(Document(id="x", text=text, meta={"date": "2015-08-01"}), RULES)
    offered = [ctx.an.text[slice(*ctx.an.token_span(*c.mention))] for c in records[-1].candidates if c.mention]
    assert "المجلس" in offered and "أعضاء الدورة السابقة" not in offered
