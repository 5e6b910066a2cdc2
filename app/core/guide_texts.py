"""The default schema's guidelines, in English and Arabic: our quote and claim guidelines in short.

Derived from the guidelines our gold sets were annotated under (``quote-gold-dev/GUIDELINES.md`` in the shared
corpus; ``tests/data/claims_gold/GUIDELINES.md`` and its ``label_guidelines.json``). An example marks its span with
square brackets. Keep the two languages saying the same thing.
"""

from __future__ import annotations

from .guidelines import Guidelines

_DATA = {
    "QUOTE": {
        "en": {
            "meaning": "Reported speech or thought attributed to a source: the reported content only.",
            "include": [
                "Direct: the words inside the quotation marks (“ ” « » \"), the marks left out.",
                "Indirect: from the complementizer (أن، إن، بأن، أنه …) or the governing preposition (أشار إلى), "
                "or else from the first word of the content, to the end of the reported clause.",
                "Mixed: indirect content that contains a directly quoted fragment.",
                "Link SAID_BY to the speaker mention and CUE to the reporting verb; DATED only when the text "
                "says when it was said.",
            ],
            "exclude": [
                "The cue and the speaker: they are spans of their own.",
                "The sentence-final period, and the quotation marks themselves.",
                "Quotation marks around names, titles, slogans or terms (“روسيا اليوم”): not speech.",
            ],
            "example": "وأكد وزير الخارجية [أن المملكة ستواصل دعمها للشعب اليمني].",
        },
        "ar": {
            "meaning": "الاقتباس: كلام أو رأي منقول منسوب إلى مصدر، ويُحدَّد المضمون المنقول وحده.",
            "include": [
                "المباشر: الكلمات الواقعة بين علامات التنصيص (“ ” « » \") دون العلامات نفسها.",
                "غير المباشر: من أداة الربط (أنّ، إنّ، بأنّ، أنّه …) أو من حرف الجر المتعلّق بفعل القول (أشار إلى)، "
                "وإلا فمن أول كلمة في المضمون، حتى نهاية الجملة المنقولة.",
                "المختلط: مضمون غير مباشر يتضمّن مقطعًا منقولًا بنصّه بين علامتي تنصيص.",
                "اربطه بالمتحدث (SAID_BY) وبفعل القول (CUE)، وبالتاريخ (DATED) فقط إذا ذكر النص متى قيل.",
            ],
            "exclude": [
                "فعل القول والمتحدث: لكلٍّ منهما وسمه الخاص.",
                "النقطة في آخر الجملة، وعلامات التنصيص نفسها.",
                "علامات التنصيص حول الأسماء والعناوين والشعارات والمصطلحات (“روسيا اليوم”): ليست كلامًا منقولًا.",
            ],
            "example": "وأكد وزير الخارجية [أن المملكة ستواصل دعمها للشعب اليمني].",
        },
    },
    "QUOTE.type=direct": {
        "en": {"meaning": "The words as said, inside quotation marks; the span is the words, the marks left out.",
               "example": "وقال: “[نحن مستعدون للحوار]”."},
        "ar": {"meaning": "الكلمات كما قيلت بين علامتي تنصيص، ويُحدَّد ما بين العلامتين دونهما.",
               "example": "وقال: “[نحن مستعدون للحوار]”."},
    },
    "QUOTE.type=indirect": {
        "en": {"meaning": "The content reported in the writer's words: from the complementizer to the end of the "
                          "reported clause.",
               "example": "وأوضح المتحدث [أن الاجتماع سيعقد الأسبوع المقبل]."},
        "ar": {"meaning": "المضمون المنقول بكلمات الكاتب: من أداة الربط حتى نهاية الجملة المنقولة.",
               "example": "وأوضح المتحدث [أن الاجتماع سيعقد الأسبوع المقبل]."},
    },
    "QUOTE.type=mixed": {
        "en": {"meaning": "Indirect content that contains a quoted fragment of the speaker's own words (not a quoted "
                          "name).",
               "example": "وأكد [أن بلاده “لن تتراجع” عن موقفها]."},
        "ar": {"meaning": "مضمون غير مباشر يتضمّن مقطعًا من كلام المتحدث بنصّه بين علامتي تنصيص (لا اسمًا بين "
                          "علامتين).",
               "example": "وأكد [أن بلاده “لن تتراجع” عن موقفها]."},
    },
    "CLAIM": {
        "en": {
            "meaning": "A verifiable factual assertion: something a third party could show true or false with "
                       "evidence.",
            "include": [
                "A figure, a comparison or trend, a cause, a prediction, what a law or decision says, a specific "
                "event, the stance of a named actor.",
                "The clause that asserts it, without the final punctuation or closing quotation marks; in reported "
                "speech from where the quote starts (أن / إن / بأن).",
                "A sentence asserting several things: one claim per assertion.",
                "CLAIMED_BY the source when the text attributes it (a claim inside a quote is the quote's "
                "speaker's); DATED only to a date saying when it was made.",
            ],
            "exclude": [
                "Opinions and evaluations, wishes, greetings and thanks, questions, calls and advice, promises, "
                "bare schedules, speculation.",
                "Whether the claim is true: that is the verdict, not the span.",
            ],
            "example": "وأعلنت الوزارة [أن عدد الإصابات ارتفع إلى 1200 حالة خلال أسبوع].",
        },
        "ar": {
            "meaning": "الادعاء: عبارة تقرّر واقعةً يستطيع طرفٌ ثالث أن يثبت صحتها أو خطأها بالأدلة.",
            "include": [
                "رقم أو نسبة، أو مقارنة أو اتجاه، أو علاقة سببية، أو توقّع، أو مضمون قانون أو قرار، أو حدث محدد، أو "
                "موقف منسوب إلى جهة معروفة.",
                "الجملة أو شبه الجملة التي تحمل الادعاء دون علامة الترقيم الأخيرة ودون علامات التنصيص الختامية، "
                "وفي الكلام المنقول من حيث يبدأ الاقتباس (أنّ / إنّ / بأنّ).",
                "الجملة التي تقرّر أكثر من أمر: ادعاء لكل أمر.",
                "اربطه بقائله (CLAIMED_BY) إذا نسبه النص إلى مصدر (الادعاء داخل اقتباس لقائل الاقتباس)، وبالتاريخ "
                "(DATED) فقط إذا بيّن متى قيل.",
            ],
            "exclude": [
                "الآراء والتقييمات، والأمنيات والتحيات والشكر، والأسئلة، والدعوات والنصائح، والوعود، ومواعيد "
                "الفعاليات المجرّدة، والتخمينات.",
                "الحكم بصحة الادعاء أو خطئه: ذلك هو الحكم (verdict) لا الوسم.",
            ],
            "example": "وأعلنت الوزارة [أن عدد الإصابات ارتفع إلى 1200 حالة خلال أسبوع].",
        },
    },
    "CLAIM.checkworthy=yes": {
        "en": {"meaning": "Check-worthy: specific, of public interest or harmful if false, and neither settled "
                          "knowledge nor routine."},
        "ar": {"meaning": "يستحق التحقق: محدد، ويهمّ الجمهور أو قد يُلحق ضررًا إن كان خاطئًا، وليس من المسلَّمات "
                          "ولا من الأخبار الروتينية."},
    },
    "CLAIM.checkworthy=no": {
        "en": {"meaning": "Not check-worthy: settled, routine (a market feed, a timetable) or of no public "
                          "consequence."},
        "ar": {"meaning": "لا يستحق التحقق: من المسلَّمات أو الأخبار الروتينية (حركة السوق، المواعيد) أو لا أثر "
                          "له في الشأن العام."},
    },
    "CLAIM.checkworthy=unsure": {
        "en": {"meaning": "Unsure: the claimant's own interpretation without data, a hedged forecast, or a vague "
                          "quantity (most, few) on a public matter."},
        "ar": {"meaning": "غير متأكد: تفسير شخصي لقائله بلا بيانات، أو توقّع متحفّظ، أو كمية مبهمة (أغلب، قلّما) في "
                          "شأن عام."},
    },
    "SPEAKER": {
        "en": {
            "meaning": "The mention of the source near the cue, as written; linked to one speaker of the registry.",
            "include": [
                "The full noun phrase with its title (وزير الخارجية عادل الجبير).",
                "Honorific pronouns (سموه) and vague sources (مصادر مطلعة).",
                "In chains (نقلت رويترز عن فلان أن …): the innermost source.",
                "The same registry speaker for every mention of the same source.",
            ],
            "exclude": [
                "A subject only the verb marks: add no span, link the quote to the nearest earlier mention.",
                "A proclitic glued to the name (و، ف، ب، ل، ك) may be left out (P).",
            ],
            "example": "وقال [وزير الخارجية عادل الجبير] إن المملكة …",
        },
        "ar": {
            "meaning": "المتحدث: ذِكر المصدر قرب فعل القول كما ورد في النص، ويُربط بمتحدث واحد في السجل.",
            "include": [
                "العبارة الاسمية كاملةً مع اللقب (وزير الخارجية عادل الجبير).",
                "ضمائر التعظيم (سموه) والمصادر المبهمة (مصادر مطلعة).",
                "في سلاسل النقل (نقلت رويترز عن فلان أن …): المصدر الأصلي.",
                "المتحدث نفسه في السجل لكل إشارات المصدر نفسه.",
            ],
            "exclude": [
                "الفاعل المستتر الذي لا يدل عليه إلا الفعل: لا وسم، واربط الاقتباس بأقرب ذكر سابق للمصدر.",
                "يجوز ترك السابقة المتصلة بالاسم (و، ف، ب، ل، ك) خارج الوسم (P).",
            ],
            "example": "وقال [وزير الخارجية عادل الجبير] إن المملكة …",
        },
    },
    "CUE": {
        "en": {
            "meaning": "The reporting verb or expression exactly as written, with its attached letters.",
            "include": [
                "وقال، مؤكداً، وأوضح، أشار، بحسب، وفقاً لـ، نقلاً عن …",
                "Two cues for one quote (وأوضح … قائلاً): mark and link both.",
            ],
            "exclude": ["The speaker and the reported content."],
            "example": "[وأوضح] المتحدث أن الاجتماع سيعقد غداً.",
        },
        "ar": {
            "meaning": "فعل القول: الفعل أو التعبير الدال على النقل كما ورد في النص مع ما اتصل به من حروف وضمائر.",
            "include": [
                "وقال، مؤكداً، وأوضح، أشار، بحسب، وفقاً لـ، نقلاً عن …",
                "للاقتباس الواحد فعلان (وأوضح … قائلاً): ضع الوسم على كليهما واربطهما.",
            ],
            "exclude": ["المتحدث والمضمون المنقول."],
            "example": "[وأوضح] المتحدث أن الاجتماع سيعقد غداً.",
        },
    },
    "DATE": {
        "en": {
            "meaning": "A calendar date expression, with its ISO-8601 / TIMEX3 value.",
            "include": [
                "A day, month, year or weekday; Hijri dates, with their Gregorian value.",
                "Relative dates (أمس، اليوم، غداً، الجاري، الماضي، قبل يومين), resolved against the article's date.",
                "X for what the text leaves unknown (XXXX-01-18).",
            ],
            "exclude": [
                "Durations (ثلاثة أيام), times of day alone, ages, weeks, seasons, holidays, ranges of academic "
                "years.",
                "الآن، حالياً، مؤخراً: not calendar dates.",
            ],
            "example": "وقال يوم [20 يوليو 2015] … → 2015-07-20",
        },
        "ar": {
            "meaning": "التاريخ: عبارة تدل على تاريخ تقويمي، مع قيمتها بصيغة ISO-8601 / TIMEX3.",
            "include": [
                "يوم أو شهر أو سنة أو يوم من أيام الأسبوع؛ والتواريخ الهجرية مع قيمتها الميلادية.",
                "التواريخ النسبية (أمس، اليوم، غدًا، الجاري، الماضي، قبل يومين) محسوبةً بالنسبة إلى تاريخ المقال.",
                "X لما لا يذكره النص (XXXX-01-18).",
            ],
            "exclude": [
                "المُدد (ثلاثة أيام)، وساعات اليوم وحدها، والأعمار، والأسابيع، والفصول، والأعياد، والسنوات الدراسية "
                "الممتدة.",
                "الآن، حالياً، مؤخراً: ليست تواريخ تقويمية.",
            ],
            "example": "وقال يوم [20 يوليو 2015] … ← 2015-07-20",
        },
    },
}

DEFAULT_GUIDELINES = Guidelines.from_dict(_DATA)
