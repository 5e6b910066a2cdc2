"""Who said it, eighth round (issue #14): errors read on blind6 after its one measurement (development data since),
fixed at their root, before blind7 — drawn and annotated meanwhile — is measured once."""

from __future__ import annotations

from tests.test_suggest_support import records, said, suggest


def _dates(text: str, date: str) -> list[tuple[str, str]]:
    from app.core.model import Document
    from app.core.suggest import suggest_document
    layer = suggest_document(Document(id="x", text=text, meta={"date": date}), ()).layer
    return [(s.text, s.attrs.get("value")) for s in layer.spans_by_label("DATE")]


def test_dates_read_on_blind6():
    """أول أغسطس is the 1st (it gave the month); a vague count (منذ عدة سنوات) names no date (it gave 2012);
    عالم اليوم is today's world, not the article's day; a future verb before a weekday looks forward."""
    assert _dates("وسيتم رفع أسعار البنزين من أول أغسطس آب.", "2015-07-25") == [("أول أغسطس آب", "2015-08-01")]
    assert _dates("أصبحت منذ عدة سنوات مقرا للمخالفين، وقبل بضعة أيام أغلقت.", "2015-07-25") == []
    assert _dates("فعالم اليوم تتقدم فيه المصالح.", "2015-08-11") == []
    assert _dates("وقال: «كرة القدم الحقيقية ستبدأ يوم السبت».", "2015-08-07") == [("يوم السبت", "2015-08-08")]
    assert _dates("وأقيمت المباراة يوم السبت.", "2015-08-07") == [("يوم السبت", "2015-08-01")]
    # (العالم اليوم stays the article's day: the TimeML silver annotates حديث العالم اليوم so)
    assert _dates("وأصبحت حديث العالم اليوم.", "2015-12-24") == [("اليوم", "2015-12-24")]


def test_a_date_before_the_verb_is_no_subject():
    """في عام 1953م قال: إن ...: the era letter م was suggested as the speaker."""
    text = "منذ نشأة هذا الرجل وهو يتطاول على المملكة. في عام 1953م قال: إن الأسرة الحاكمة آيلة للسقوط."
    assert all(r["speakers"] != ["م"] for r in records(suggest(text, None)))


def test_a_relative_clause_about_its_object_does_not_lend_its_antecedent():
    """الاتفاق النووي الذي تم التوصل إليه ... وقال امس: the agreement was reached, it said nothing; the conjoined
    verb goes on with the sentence's subject (Rouhani)."""
    text = ("فيما واصل الرئيس الإيراني حسن روحاني دفاعه عن الاتفاق النووي الذي تم التوصل إليه مع القوى العالمية "
            "وقال امس الخميس إنه اتفاق تاريخي.")
    (rec,) = records(suggest(text, None))
    assert rec["speakers"][0].startswith("الرئيس الإيراني حسن روحاني")


def test_van_of_a_name_is_no_fa_inna():
    """وأوضح فان جال أنه: "فان" (van) was read as فإن, the content started there and had no speaker."""
    recs = records(suggest("وأوضح فان جال أنه في حالة رحيل دي خيا فإنه يتوقع الحصول على مقابل جيد.", None))
    assert [(r["text"][:3], r["speakers"]) for r in recs] == [("أنه", ["فان جال"])]


def test_a_statement_is_no_preposition_glued_to_a_word():
    """وأفاد بيان صدر عن مكتب رئيس الوزراء "...": بيان was read as بـ + يان, the content of أفاد بـ."""
    text = ("وأفاد بيان صدر عن مكتب رئيس الوزراء \"تم توقيف عدد اجماليا بلغ 251 شخصا لانتمائهم الى جماعات ارهابية\" "
            "مضيفا ان المداهمات جرت في 13 محافظة تركية.")
    recs = records(suggest(text, None))
    assert recs[0]["text"] == "تم توقيف عدد اجماليا بلغ 251 شخصا لانتمائهم الى جماعات ارهابية"


def test_a_word_that_starts_like_inna_is_no_particle_with_its_pronoun():
    """انقاذ، انتخابات start with the letters of إن: the subject before الذي / اللذان was dropped as if it were
    إنه (and بينهم "among them" ends a subject)."""
    text = ("وتم إنقاذ ثمانية أشخاص بينهم القبطان ورئيس طاقم الميكانيكيين اللذان أكدا أن إعصارًا ضرب السفينة.")
    assert [r["speakers"] for r in records(suggest(text, None))] == [["القبطان ورئيس طاقم الميكانيكيين"]]
    text = "لان المعركة في تعز يتوقع ان تكون عنيفة وكبيرة."
    assert records(suggest(text, None)) == [] or records(suggest(text, None))[0]["speakers"] == []


def test_a_statement_and_its_issuer_say_it():
    """وأفاد بيان صدر عن مكتب رئيس الوزراء "...": بيان was read as أفاد's own بـ, so the previous source (بحسب
    وسائل الإعلام) was given the words; the mention runs on to the issuer, and مكتب is an office, not a name."""
    text = ("كما اطلقت السلطات التركية عملية مداهمات واسعة، بحسب وسائل الاعلام التركية. وأفاد بيان صدر عن مكتب رئيس "
            "الوزراء \"تم توقيف عدد اجماليا بلغ 251 شخصا\" مضيفا ان المداهمات جرت في 13 محافظة.")
    recs = records(suggest(text, None))
    assert [r["speakers"] for r in recs[1:]] == [["بيان صدر عن مكتب رئيس الوزراء"]] * 2
    text = "وأفاد بيان مكتب رئيس الوزراء أحمد داود أوغلو «تم توقيف عدد إجمالي بلغ 251 شخصًا»."
    assert records(suggest(text, None))[0]["speakers"] == ["بيان مكتب رئيس الوزراء أحمد داود أوغلو"]


def test_a_short_relational_adjective_continues_the_title_and_a_hint_reports():
    """المدير الطبي للعيادات ...: الطبي (3 letters + ي) was not read as an adjective and cut the mention to المدير;
    ولمح فينغر إلى أن «...» was no cue (and قد يلمح أوباما الورشة, "glimpse", stays none)."""
    text = "وقال المدير الطبي للعيادات التخصصية الدكتور محمد الزعبي إن الحملة تدرك أهمية الرضاعة."
    assert records(suggest(text, None))[0]["speakers"] == ["المدير الطبي للعيادات التخصصية الدكتور محمد الزعبي"]
    text = "ولمح الفرنسي أرسين فينغر المدير الفني لآرسنال إلى أن «الثقة غير المفرطة تبدو أمرا إيجابيا»."
    assert said(text, None) == [
        ("الثقة غير المفرطة تبدو أمرا إيجابيا", ["الفرنسي أرسين فينغر المدير الفني لآرسنال"])]
    text = "قد يلمح أوباما الورشة الكبيرة للترامواي، وينظر إلى الكثير من المباني قيد البناء."
    assert records(suggest(text, None)) == []
