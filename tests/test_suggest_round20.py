"""Who said it, twentieth round (issue #14): found on blind18 after its one measurement and by counting over every
measured set (blind18 included); each rule checked against every gold set before it was kept (blind19 was drawn and
annotated, not read, while this round was made)."""

from __future__ import annotations

from tests.test_suggest_support import said as _said


def test_a_source_with_a_long_description_before_its_comma():
    """حسب مجلة «سكرين» البريطانية التي قامت بطباعة نشرة يومية …، فإن … / وحسب ادعاءات المجلة، فقد …: round 19
    let five words describe a speaking source before the comma; a relative clause or the issue it was printed in
    runs longer. What a source claims (ادعاءات، تصريحات، رواية، مزاعم) is a source that speaks."""
    text = ("وانتهى المهرجان أمس. حسب مجلة «سكرين» البريطانية التي قامت بطباعة نشرة يومية سينمائية طوال فترة "
            "المهرجان، فإن قرار الوزيرة نتج عنه تجمع من المتظاهرين. وحسب ادعاءات المجلة الفرنسية الشهيرة، فقد وافق "
            "النادي على دفع مبلغ كبير.")
    assert _said(text) == [("فإن قرار الوزيرة نتج عنه تجمع من المتظاهرين", ["مجلة «سكرين»"]),
                           ("فقد وافق النادي على دفع مبلغ كبير", ["ادعاءات المجلة الفرنسية"])]


def test_the_subject_after_an_addressee_set_off_by_commas():
    """ويقول لـ "الاقتصادية"، ماركوس كروج …، "إن …": whom he told, a comma, then who spoke (the issue's
    "addressee-then-subject"); the subject was not read past the comma."""
    text = ('وارتفعت الأسعار. ويقول لـ "الاقتصادية"، ماركوس كروج كبير المختصين في شركة "إيي كنترول" لأبحاث النفط، '
            '"إن تسارع إنتاج النفط الصخري الأمريكي يضغط على الأسعار". وأوضح لـ«الشرق الأوسط»، الدكتور خالد العلي أن '
            'هناك قلقا.')
    assert [s for _, s in _said(text)] == [["ماركوس كروج"], ["الدكتور خالد العلي"]]


def test_as_for_x_then_he_said():
    """أما رالف فالتمان المختص النفطي فصرح بأن … / أما الرئيس الفلسطيني، محمود عباس، فقال …: the ف of the verb answers
    أما, whose noun phrase is who spoke (a verb with ف had no subject before it). أما عن "as for" opens a topic."""
    text = ("وقال الوزير إن الأسعار سترتفع. أما رالف فالتمان المختص النفطي فصرح بأن استمرار تزايد الحفارات يؤكد إصرار "
            "المنتجين. أما عن الأسعار فقال الخبير إن الهبوط مستمر.")
    assert _said(text) == [("إن الأسعار سترتفع", ["الوزير"]),
                           ("بأن استمرار تزايد الحفارات يؤكد إصرار المنتجين", ["رالف فالتمان المختص النفطي"]),
                           ("إن الهبوط مستمر", ["الخبير"])]


def test_the_paper_learned_from_its_sources():
    """وعلمت "الوطن" من مصادر مطلعة أن …: like نقلت الصحيفة عن …, the paper only relays what it learned; the speaker
    is whom it learned it from. "I learned" with nobody named after من, and علم as a noun, report nothing."""
    text = ('وارتفعت الأسعار. وعلمت "الوطن" من مصادر مطلعة أن اللجنة يترأسها نائب الوزير. وعلمت أن الأمر انتهى. والأمم '
            "المتحدة على علم بأن الوضع خطير.")
    assert _said(text) == [("أن اللجنة يترأسها نائب الوزير", ["مصادر مطلعة"])]


def test_the_speech_in_which_he_affirmed_is_not_its_speaker():
    """فترجمة لخطابه الذي أكد فيه أن …: "in which he affirmed" — the relative clause's antecedent is where it was
    said (a speech, a statement), not who said it; it was taken as the speaker ("فترجمة لخطابه")."""
    text = ("وألقى الملك سلمان خطابا في العاشر من مارس. وحزم الملك لم يستثن أحدا من المقصرين، فترجمة لخطابه الذي أكد فيه "
            "أن لا فرق بين مواطن وآخر، كان العقاب سريعا.")
    speakers = [s for _, s in _said(text)]
    assert speakers and all("لخطابه" not in " ".join(s) for s in speakers)
