"""Check-worthiness: which sentences of an article are likely to hold a check-worthy factual claim.

A claim is worth checking when it is specific (a figure, a named actor doing a concrete thing, a comparison, a cause,
what a rule says), bears on the public (health, security, money and prices, laws, institutions) and is not routine,
an opinion, a wish, a question or a call (the claims guidelines, tests/data/claims_gold/GUIDELINES.md §5). The scorer
reads each sentence on a folded copy (harakat removed, letter variants unified) and adds up linguistic cues:

- for: figures (numbers with a unit, percentages, number words), comparisons and trends, causal and predictive
  wording, the wording of laws and decisions, public authorities, public-interest topics, and assertions attributed
  with a complementizer (أكد أن، أشار إلى أن);
- against: questions, calls and obligations, wishes and thanks, opinions and first-person feelings, schedules and
  announcements of plans, sports and entertainment without money or law, scripture and poetry, page debris.

A sentence scoring at or above :data:`THRESHOLD` is suggested as a CLAIM, with the reasons in its provenance. The
suggested extent follows the guidelines: in reported speech from the complementizer (أن، إن، بأن) to the end of the
sentence, otherwise the sentence without its opening discourse marker and final punctuation. The lexicons and
weights were written and tuned on the 25 dev articles of the claims gold only (see README, "Check-worthiness").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..text.arabic import fold_loose

ENGINE = "qawl-checkworthy/1"
THRESHOLD = 1.75



def fold(text: str) -> str:
    """The matching copy of a sentence (:func:`app.core.text.arabic.fold_loose` of its composed form): harakat and
    invisible marks removed, letter variants, ة/ه and digits unified (same length as the text minus the removed
    characters; only used for look-ups)."""
    return fold_loose(unicodedata.normalize("NFC", text))


def _words(*items: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in items)


def _pattern(words: tuple[str, ...], prefixes: str = "(?:و|ف|ب|ل|ك|وب|ول|وال|فال|بال|لل|ال)?") -> re.Pattern:
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?<![\w]){prefixes}(?:{alternatives})(?![\w])")


# --- lexicons (folded) ------------------------------------------------------------------------------------------

_UNITS = _words("شخص", "شخصا", "اشخاص", "مليون", "ملايين", "مليار", "مليارات", "الف", "الاف", "ريال", "ريالا",
                "دولار", "دولارا", "دولارات", "جنيه", "يورو", "درهم", "دينار", "نقطه", "نقاط", "بالمئه", "بالمائه",
                "في المئه", "في المائه", "طن", "برميل", "كيلومتر", "كم", "متر", "حاله", "حالات", "قتيلا", "قتلى",
                "مصابا", "جريحا", "طالبا", "طالب", "موظف", "عامل", "اسره", "منزل", "وحده", "سنويا", "يوميا", "عام",
                "سنه", "سنوات", "مره", "اضعاف", "ضعف", "نسمه", "مجندا", "متهما", "مشروع", "مشروعا")
_NUMBER_WORDS = _words("مليون", "ملايين", "مليار", "الف", "الاف", "مئات", "عشرات", "الاف", "نصف", "ربع", "ثلث",
                       "ضعف", "اضعاف", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "اثنين",
                       "اثنان", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع", "عشر", "عشرين", "ثلاثين",
                       "اربعين", "خمسين", "مئه", "مائه", "نسبه", "معدل", "متوسط")
_COMPARE = _words("ارتفع", "ارتفعت", "ارتفاع", "انخفض", "انخفضت", "انخفاض", "تراجع", "تراجعت", "زاد", "زادت",
                  "زياده", "تزايد", "نمو", "نما", "تضاعف", "اكثر", "اقل", "اكبر", "اصغر", "اعلي", "ادني", "الاول",
                  "الاولي", "قياسي", "قياسيا", "مقارنه", "بلغ", "بلغت", "وصل", "وصلت", "تجاوز", "تجاوزت", "يتجاوز",
                  "فاق", "يبلغ", "تبلغ", "يصل", "تصل", "هبط", "هبوط", "صعد", "صعود", "المرتبه", "المركز")
_CAUSAL = _words("بسبب", "نتيجه", "ادي", "ادت", "يؤدي", "تؤدي", "تسبب", "تسببت", "يتسبب", "يسبب", "تسبب",
                 "السبب", "اسباب", "بفعل", "جراء", "اثر", "يعود", "ترجع", "يرجع", "مما", "لذلك", "يزيد", "تزيد",
                 "يرتبط", "مرتبط", "يؤثر", "تاثير", "يساهم", "ساهم")
_PREDICT = _words("المتوقع", "متوقع", "يتوقع", "تتوقع", "توقعات", "توقع", "سوف", "بحلول", "مستقبلا",
                  "سيبلغ", "ستبلغ", "سيصل", "ستصل", "سيرتفع", "سترتفع", "سينخفض", "يرجح", "ترجح", "تقديرات")
_RULE = _words("قرار", "قرارا", "القرار", "قانون", "قانونا", "نظام", "لائحه", "تعميم", "تعميما", "مرسوم", "امر",
               "يحظر", "حظر", "يمنع", "منع", "يلزم", "الزام", "يشترط", "تشترط", "شروط", "ينص", "نص", "تنص",
               "يحق", "يجيز", "يسمح", "تسمح", "ترخيص", "تراخيص", "عقوبه", "غرامه", "الاعدام", "حكم", "حكما",
               "قضت", "المحكمه", "محكمه", "النيابه", "حبس", "سجن", "اتهام", "تهمه", "تهم", "ضوابط", "موافقه",
               "الموافقه", "وافق", "وافقت", "اصدر", "اصدرت", "مد", "تمديد", "فرض", "فرضت")
_AUTHORITY = _words("وزاره", "الوزاره", "وزير", "الحكومه", "حكومه", "الشرطه", "الجيش", "قوات", "هيئه", "الهيئه",
                    "المديريه", "مديريه", "الامن", "الامنيه", "المملكه", "الدوله", "الاتحاد", "الرئيس", "رئيس",
                    "مجلس", "البرلمان", "الامم", "منظمه", "المنظمه", "البنك", "مصرف", "الجامعه", "دراسه", "الدراسه",
                    "باحثون", "الباحثون", "العلماء", "تقرير", "التقرير", "احصاءات", "احصائيات", "مصادر", "سلطات",
                    "السلطات", "الجوازات", "الدفاع", "الداخليه", "الصحه", "التعليم", "صندوق", "الصندوق", "شركه",
                    "الشركه", "السوق", "مؤشر", "المؤشر", "الادعاء", "المدني")
_TOPIC = _words("صحه", "الصحه", "مرض", "امراض", "وفاه", "وفيات", "قتل", "قتلى", "مقتل", "مصاب", "مصابين",
                "اصابه", "اصابات", "اصيب", "هجوم", "انفجار", "ارهاب", "ارهابي", "الارهابيه", "اسعار", "سعر",
                "اقتصاد", "الاقتصاد", "سوق", "الاسهم", "ميزانيه", "فساد", "اعتقال", "القبض", "تحطم", "حادث",
                "ضحايا", "لاجئين", "النفط", "برنت", "التضخم", "البطاله", "الطوارئ", "التجوال", "سرطان", "اشعه",
                "السيول", "الامطار", "القرض", "الاسكان", "الرواتب", "الضرائب", "رسوم", "تحرش", "عنف", "الاخوان",
                "غارات", "غاره", "قصف", "مواجهات", "اشتباكات", "المتمردين", "المتمردون", "مسلحين", "مسلحه",
                "معارك", "قاعده", "سيطر", "سيطرت", "سيطروا", "قتلوا", "الحوثيين", "الحوثي", "التحالف", "صواريخ",
                "اسلحه", "عسكري", "العسكريه", "الطيران", "طائره", "خطر", "اضرار", "تلوث", "البيئه", "الاغذيه",
                "جينيا", "تسلل", "تهريب", "مخدرات", "الفقر", "الاستثمار", "الاستثمارات", "الدولار", "اليورو")
_ATTRIBUTION = re.compile(fold(r"(?<![\w])(?:و|ف)?(?:اكد|اكدت|اوضح|اوضحت|اشار|اشارت|ذكر|ذكرت|كشف|كشفت|اعلن|اعلنت|"
                               r"بين|بينت|افاد|افادت|قال|قالت|اضاف|اضافت|تابع|تابعت|لفت|لفتت|شدد|شددت|اعتبر|"
                               r"اعتبرت|مؤكدا|مؤكده|مشيرا|مشيره|موضحا|موضحه|لافتا|مضيفا|يذكر|خلصت|خلص|اظهرت|"
                               r"اظهر|رجحت|يؤكد|تؤكد|يرى|ترى|يتفق)(?![\w])"))
_COMPLEMENTIZER = re.compile(r"(?<![\w])(?:(?:و|ف)?(?:ب|ل)?ان(?:ه|ها|هم|هما)?|الي ان|عن)(?![\w])")
_QUESTION = re.compile(r"[?؟]")
_CALL = _words("يجب", "ينبغي", "لابد", "لا بد", "دعا", "دعت", "ندعو", "يدعو", "طالب", "طالبت", "يطالب", "نطالب",
               "نأمل", "نامل", "نتمني", "اتمني", "يتمني", "نرجو", "يرجي", "ارجو", "اوصي", "اوصت", "يمكن زياره",
               "عليك", "عليكم", "احرص", "اجعل", "تذكر", "ليت", "ياليت", "يفترض", "يأمل", "يامل", "اتمنى")
_OPINION = _words("رائع", "رائعا", "جميل", "جميله", "اعتقد", "نعتقد", "اظن", "اري", "نري", "رايي", "راينا",
                  "ممتاز", "ممتازا", "شكرا", "نشكر", "اشكر", "تهنئه", "نهنئ", "مبروك", "بارك", "سعيد", "سعاده",
                  "فخور", "للاسف", "مؤسف", "خطيره", "افضل", "اجمل", "اسوا", "احب", "نحب", "يسعدني", "اتطلع",
                  "نتطلع", "سيتالق", "يستحق", "اروع", "عظيم")
_FIRST_PERSON = _words("انا", "نحن", "اريد", "اردت", "حاولت", "قلت", "لدي", "لست", "كنت", "اعرف", "ادري", "اننا",
                       "انني", "اننا", "لنا", "لي")
_SCHEDULE = _words("سيقام", "ستقام", "تقام", "يقام", "سيعقد", "ستعقد", "يعقد", "تعقد", "موعد", "يستضيف",
                   "تستضيف", "سيتم", "ستشهد", "سيشهد", "يعلن", "ستعلن", "سيعلن", "تنطلق", "ينطلق", "ستنطلق",
                   "سينطلق", "برنامج", "فعاليات", "احتفاليه", "مهرجان", "حفل", "الحفل", "مراسم", "سنقوم", "سنعمل",
                   "سندعم", "نسعي", "يسعي", "تسعي")
_SPORTS = _words("مباراه", "المباراه", "اللاعب", "لاعب", "لاعبا", "الفريق", "فريق", "المدرب", "مدرب", "هدف",
                 "اهداف", "الدوري", "بطوله", "البطوله", "كاس", "نادي", "النادي", "الهلال", "النصر", "الاتحاد",
                 "الاهلي", "يونايتد", "المنتخب", "منتخب", "الملعب", "مسرحيه", "المسرحيه", "مسلسل", "فيلم", "الفنان",
                 "الفنانه", "النجم", "بطوله", "الجمهور", "جماهير", "الموسم", "تعاقد", "صفقه", "اغنيه", "البوم")
# Hedges, interpretations and conditionals: the writer's reading, not an assertion of fact (guidelines §3, §5).
_HEDGE = _words("ربما", "قد يكون", "قد تكون", "لعل", "يبدو", "يعني", "من الصعب", "من شانه", "اذا ما", "فيما اذا",
                "ما اذا", "يخشي", "تخشي", "المخاوف", "مخاوف", "يري", "تري", "في الوقت الراهن")
# Stances of actors nobody can identify (البعض، آخرون): nothing whose stance could be checked.
_VAGUE_ACTOR = _words("البعض", "بعضنا", "اخرين", "اخرون", "الكثير من الجهات", "بعض الجهات", "الكل")
# Routine data feeds (intraday market moves, volumes, numbers of trades): figures nobody checks (guidelines T3).
_ROUTINE = _words("التداول", "التداولات", "تداول", "صفقه", "صفقات", "سهما", "سهم", "الجلسه", "المتداوله",
                  "المرتفعه", "المنخفضه", "افتتاح", "منتصف")
_RELIGION = _words("تعالي", "القران", "الايه", "ايه", "سوره", "الله", "رمضان", "صلي", "النبي", "الدعاء")
_DEBRIS = re.compile(r"(?:www\.|https?://|\.com|\.sa\b|رابط الخبر|اقرا ايضا|المصدر:)", re.I)
_DIGITS = re.compile(r"\d+(?:[.,،٫]\d+)?")
_PERCENT = re.compile(r"\d\s*%|%\s*\d|بالمئه|بالمائه|في المئه|في المائه|نسبه")
_DATE_NUMBER = re.compile(r"(?<!\d)(?:1[34]\d\d|19\d\d|20\d\d)(?!\d)|\d{1,2}\s*[/:]\s*\d{1,2}")
_TOKEN = re.compile(r"\w+")

_UNIT_AFTER = re.compile(r"\d[\d.,،٫]*\s*(?:\)|\()?\s*(?:" + "|".join(re.escape(u) for u in _UNITS) + r")(?![\w])")

_PATTERNS = {name: _pattern(words) for name, words in (
    ("number_word", _NUMBER_WORDS), ("compare", _COMPARE), ("causal", _CAUSAL), ("predict", _PREDICT),
    ("rule", _RULE), ("authority", _AUTHORITY), ("topic", _TOPIC), ("call", _CALL), ("opinion", _OPINION),
    ("first_person", _FIRST_PERSON), ("schedule", _SCHEDULE), ("sports", _SPORTS), ("religion", _RELIGION),
    ("routine", _ROUTINE), ("hedge", _HEDGE), ("vague_actor", _VAGUE_ACTOR))}

# Weights of the cues (tuned on the dev articles; see the module docstring).
WEIGHTS = {
    "figure": 2.0, "percent": 1.0, "number": 0.6, "number_word": 0.6, "compare": 0.8, "causal": 0.7,
    "predict": 0.6, "rule": 1.0, "authority": 0.8, "topic": 0.9, "attributed": 0.8,
    "question": -3.0, "call": -1.5, "opinion": -1.2, "first_person": -1.0, "schedule": -0.8, "sports": -1.2,
    "religion": -1.0, "debris": -4.0, "short": -2.0, "routine": -0.8, "hedge": -0.7, "vague_actor": -1.2,
}
_CAPS = {"authority": 2, "topic": 2, "rule": 2, "compare": 2, "routine": 3, "hedge": 2}  # a cue counts at most this often in a sentence


@dataclass(frozen=True)
class Scored:
    """A sentence's check-worthiness: its range in the text, the suggested claim range, the score and the cues."""

    start: int
    end: int
    claim_start: int
    claim_end: int
    score: float
    cues: tuple[str, ...]
    kind: str

    @property
    def suggested(self) -> bool:
        return self.score >= THRESHOLD


# --- sentences ----------------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<!\d)[.!?؟]+(?!\d)|(?<=\d)[.!?؟]+(?=\s|$)|\n+|…")
_ABBREVIATION = re.compile(r"(?:^|\s)[\w]\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of a text as ranges (sentence-final punctuation included, surrounding white space excluded):
    split at . ! ? ؟ … and line breaks, but not inside numbers (3.2) or after a one-letter abbreviation (د.)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group().strip() else m.start()
        if m.group() == "." and _ABBREVIATION.search(text[max(start, m.start() - 3):m.end()]):
            continue
        _add(text, start, end, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        out.append((start, end))


# --- scoring ------------------------------------------------------------------------------------------------------

def _count(pattern: re.Pattern, text: str) -> int:
    return len(pattern.findall(text))


def cues(sentence: str) -> dict[str, int]:
    """The cues found in one sentence (raw text), by name, with how often they occur."""
    f = fold(sentence)
    found: dict[str, int] = {}
    numbers = [m for m in _DIGITS.finditer(f)]
    date_like = {m.start() for m in _DATE_NUMBER.finditer(f)}
    real_numbers = [m for m in numbers if m.start() not in date_like]
    if _UNIT_AFTER.search(f):
        found["figure"] = 1
    if _PERCENT.search(f):
        found["percent"] = 1
    if real_numbers and "figure" not in found:
        found["number"] = 1
    for name, pattern in _PATTERNS.items():
        n = _count(pattern, f)
        if n:
            found[name] = min(n, _CAPS.get(name, 1))
    if _ATTRIBUTION.search(f) and _COMPLEMENTIZER.search(f):
        found["attributed"] = 1
    if _QUESTION.search(sentence):
        found["question"] = 1
    if _DEBRIS.search(f):
        found["debris"] = 1
    if len(_TOKEN.findall(f)) < 5:
        found["short"] = 1
    return found


def score(found: dict[str, int]) -> float:
    return round(sum(WEIGHTS[name] * n for name, n in found.items()), 3)


def kind_of(found: dict[str, int]) -> str:
    """The guidelines' kind, first that fits in their order (a guess from the cues)."""
    for kind, cue in (("prediction", "predict"), ("statistic", "figure"), ("statistic", "percent"),
                      ("comparison", "compare"), ("causal", "causal"), ("rule", "rule"), ("attributed", "attributed")):
        if cue in found:
            return kind
    return "event" if "authority" in found or "topic" in found else "other"


# What opens a sentence and is not part of the claim (discourse markers, transitions).
_OPENERS = re.compile(fold(r"^(?:(?:من ناحيه (?:ثانيه|اخري)|من جهه اخري|من جهته|من جهتها|الي ذلك|في الغضون|"
                           r"في غضون ذلك|ومع ذلك|ولذا|ولذلك|بالمثل|وعلي هذا الاساس|كما|حيث|بينما|فيما|لكن|ولكن|"
                           r"اما|للاسف|طبعا)[،,]?\s+)"))


_DIRECT = re.compile(r":\s*[\"“«]")
_CLOSING = "\"”»"


def claim_range(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a suggested claim starts and ends in a sentence: from the complementizer after a reporting verb
    (reported speech: the quote's extent), else after an opening discourse marker; no final punctuation."""
    sentence = text[start:end]
    folded = fold(sentence)
    a, z = 0, len(sentence)
    attribution = _ATTRIBUTION.search(folded)
    if attribution and len(folded) == len(sentence):  # offsets of the folded copy are the text's
        comp = _COMPLEMENTIZER.search(folded, attribution.end())
        direct = _DIRECT.search(folded, attribution.end())
        if direct and direct.start() - attribution.end() <= 60 and (comp is None or direct.start() < comp.start()):
            a = direct.end()  # direct speech: the words inside the marks
        elif comp and comp.start() - attribution.end() <= 60 and len(sentence) - comp.start() > 15:
            a = comp.start()
    elif len(folded) == len(sentence):
        opener = _OPENERS.match(folded)
        if opener:
            a = opener.end()
    while z > a and (sentence[z - 1] in ".!?؟…،,:؛;" or sentence[z - 1].isspace() or
                     (sentence[z - 1] in _CLOSING and sentence[a - 1:a] in "\"“«" and a > 0)):
        z -= 1
    while a < z and (sentence[a].isspace() or sentence[a] in "\"“”«»"):
        a += 1
    if sentence[a:z].count("\"") % 2 == 1 and sentence[z - 1:z] == "\"":
        z -= 1
    if z <= a:
        return start, end
    return start + a, start + z


# Where one sentence passes to another assertion: a participle that reports more (مشيرا إلى أن), or a new main
# clause after a comma (، و… / ، كما / ، بينما / ، فيما); the guidelines split claims there (§4).
_CLAUSE = re.compile(fold(r"[،,]\s*(?=(?:مشيرا|مشيره|مؤكدا|مؤكده|موضحا|موضحه|لافتا|لافته|مضيفا|مضيفه|كما|بينما|فيما|"
                          r"و(?:قد|كان|كانت|تم|لم|لا|ان|قال|اكد|اشار|اوضح|اضاف|[اتني]\w{2,})))"))
_MIN_WORDS = 6


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a sentence split at clause boundaries (each at least a few words long)."""
    folded = fold(text[start:end])
    if len(folded) != end - start:
        return [(start, end)]
    cuts = [m.start() for m in _CLAUSE.finditer(folded)]
    parts, at = [], 0
    for cut in cuts:
        if len(_TOKEN.findall(folded[at:cut])) >= _MIN_WORDS and len(_TOKEN.findall(folded[cut:])) >= _MIN_WORDS:
            parts.append((start + at, start + cut))
            at = cut + 1
    parts.append((start + at, end))
    return parts


def score_document(text: str) -> list[Scored]:
    """Every sentence of ``text`` scored (see the module docstring), in text order; a suggested sentence that
    asserts several things is given as several claims when each part holds cues of its own."""
    out = []
    for start, end in sentences(text):
        found = cues(text[start:end])
        total = score(found)
        parts = _clauses(text, start, end) if total >= THRESHOLD else [(start, end)]
        if len(parts) > 1:
            scored = []
            for a, z in parts:
                own = cues(text[a:z])
                own.pop("short", None)
                if score(own) >= THRESHOLD * 0.75:
                    ca, cz = claim_range(text, a, z)
                    scored.append(Scored(start, end, ca, cz, max(score(own), THRESHOLD), tuple(sorted(own)),
                                         kind_of(own)))
            if len(scored) > 1:
                out.extend(scored)
                continue
        a, z = claim_range(text, start, end)
        out.append(Scored(start, end, a, z, total, tuple(sorted(found)), kind_of(found)))
    return out
