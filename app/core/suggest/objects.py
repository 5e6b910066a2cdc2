"""Content that is a verb's direct object: أكد الوزير أهميةَ التعاون، أعلنت السلطات مقتلَ …، وأرجع التقرير أهميةَ
القناة إلى أن …، دعا المركز الأمم المتحدة ومنظماتها … إلى، ناشدت السلطات المواطنين التعاونَ. The object starts right
after the explicit subject (past a quoted name, a date, a comma or an adverb) or right after a circumstantial
participle; what may open it depends on the verb: what happened after أعلن / كشف, the object and what it is put down
to after أرجع / عزا, whom they address after a call or a charge, an abstract noun or a verbal noun after the others.
Content introduced by a complementizer, a colon, marks or a governed preposition is :mod:`.clauses`'.
"""

from __future__ import annotations

from ..text.arabic import CLAUSE_PUNCT, fold
from .arabic import has_al, masdar_shaped, participle_shaped, possessed_masdar, strip_al
from .context import Facts, Range
from .cues import PARTICIPLE, VERB, Cue, opens_with_prep
from .words import (ADJUNCT_WORDS, ADVERBS, ATTRIBUTING, EVENT_NOUNS, FUNCTION_WORDS, HAPPENINGS, OBJECT_HEADS,
                    THIS_BACK)

# Verbs whose content can be their direct object (أكد أهميةَ ...، يتوقع سباقاً ...، نفى وجودَ ...).
_OBJECT_VERBS = frozenset(("أكد", "أوضح", "توقع", "نفى", "رجح", "استبعد", "ناشد", "أوصى", "أعلن", "كشف", "أرجع", "عزا",
                           "دعا", "حث", "طالب", "أظهر", "حذر", "اتهم"))
_CALLING = frozenset(("دعا", "حث", "طالب", "حذر", "اتهم"))  # whom they call, then the governed preposition: both are the content
_ANNOUNCING = frozenset(("أعلن", "كشف", "أظهر"))  # an object only when it says what happened (HAPPENINGS)
_CHARGING = frozenset(("ناشد", "أوصى"))  # whom they charge opens the content: أوصى المسلمين بتقوى الله
_DAYS = frozenset(fold(w) for w in ("اليوم", "أمس", "الأمس", "غداً", "غدا"))  # (also when not read as a date)
_STANCES = frozenset(fold(w) for w in ("دعم", "تأييد", "رفض", "قبول", "ترحيب"))  # a stance announced


def object_content(f: Facts, cue: Cue, np: Range | None, start: int) -> int | None:
    """The first token of a direct-object content right after the explicit subject (or right after a participle:
    مؤكداً عدمَ رضاه، مؤكداً ضرورةَ ...), or None."""
    if cue.form.lemma not in _OBJECT_VERBS or not (
            cue.kind == VERB and (np is not None or cue.form.lemma in ATTRIBUTING or _happening_next(f, cue))
            or cue.kind == PARTICIPLE):
        return None  # (وأرجعوا أسباب ذلك إلى: put down to, with the subject of the sentence before)
    toks = f.an.tokens
    if cue.kind == VERB and cue.last + 1 < len(toks) and toks[cue.last + 1].norm in THIS_BACK and np is not None \
            and np[0] > cue.last + 1:
        return None  # أوضح ذلك وكيل الوزارة …: "this" is the object (what was said comes before, see .postposed)
    if cue.kind == PARTICIPLE and not (cue.i > 0 and (toks[cue.i - 1].norm in CLAUSE_PUNCT
                                                      or not f.an.same_sentence(cue.i - 1, cue.i))):
        return None  # only a circumstantial participle after a comma or opening a sentence (مؤكداً أهميةَ …: the
        # previous sentence's speaker goes on), not كانت غير متوقعة: an adjective
    j = f.past_name(start) if cue.kind == VERB else start  # أعلنت دار النشر البريطانية «بيرسون»، ...
    # when and on which occasion, between the subject and the object: وأعلنت أفغانستان في 29 الشهر الماضي وفاةَ ...،
    # وأكد الوزير خلال اللقاء دعمَ ...
    j = _past_date(f, _past_occasion(f, _past_date(f, j)))
    comma = j < len(toks) and toks[j].norm in ("،", ",")
    if comma:  # أوضح الدكتور الآغا، أهميةَ التوعية
        j += 1
        if j in f.date_at and f.date_at[j] + 1 < len(toks) and toks[f.date_at[j] + 1].norm in ("،", ","):
            j = f.date_at[j] + 2  # أعلنت دار النشر «بيرسون»، أمس، بيعَ ...: the date between commas
    if j < len(toks) and toks[j].norm == "(":  # مورينيو (52 عاما) سباقا
        while j < len(toks) and toks[j].norm != ")" and j - start < 6:
            j += 1
        j += 1
    while j < len(toks) and (toks[j].norm in ADVERBS or toks[j].norm in _DAYS) and f.an.same_sentence(cue.i, j):
        j += 1  # أكد تحديداً على / أوضح أيضاً أهميةَ / أعلنت السلطات اليوم القبضَ: an adverb before the object
    if j >= len(toks) or toks[j].kind != "w" or not f.an.same_sentence(cue.i, j):
        return None
    w = toks[j].norm
    if cue.form.lemma in ATTRIBUTING:
        return j if _put_down_to(f, j) else None
    if cue.form.lemma in _CALLING:
        return j if _addressee_then_prep(f, cue, j) else None  # ودعا المركز الأمم المتحدة ومنظماتها ... إلى
    if cue.form.lemma in _CHARGING and j not in f.cue_tokens and w not in FUNCTION_WORDS \
            and w not in ADJUNCT_WORDS:
        return j  # وناشدت السلطات المواطنين كافة التعاون / موصياً المسلمين بتقوى الله
    if strip_al(w) in HAPPENINGS and _continues(f, j):
        return j  # أعلنت السلطات مقتلَ القيادي / أعلنت الشركة الانتهاءَ من ...: what happened
    if w in _STANCES and _continues(f, j):
        return j  # أعلن رئيس الاتحاد دعمَ الفرنسي بلاتيني، وأكد الوزير دعمَ الوزارة لـ: a stance announced or affirmed
    if cue.form.lemma in _ANNOUNCING:
        # an announced verbal noun with its complement, or a possessed one (what else follows أعلن / كشف is rarely
        # content: ويكشف بكل وضوح استراتيجيتها)
        return j if cue.kind == VERB and np is not None and (
            masdar_shaped(w) and _continues(f, j) or possessed_masdar(w)) else None
    if w.startswith("ال") or j in f.cue_tokens:
        return None
    if comma and (participle_shaped(w) or (len(w) == 5 and w[1] == "ا" and w.endswith("ا"))):
        return None  # ...، رابطاً بين: after a comma an accusative participle (مُفعِلاً، فاعلاً) is circumstantial
    abstract = w.endswith("ية") and len(w) >= 5 and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال")
    if w in OBJECT_HEADS or abstract or (w.endswith("ا") and len(w) >= 4 and not w.startswith(("ل", "ب"))):
        return j
    if masdar_shaped(w) and _continues(f, j):
        return j  # وتوقع الجريفاني إقبالَ أفضل، مؤكداً قدرةَ ...: a verbal noun and its complement
    if possessed_masdar(w) and (cue.kind == VERB and np is not None or cue.kind == PARTICIPLE):
        return j  # وأكد الحارس وليد عبدالله تعافيه من الإصابة / أكد فيه النعيم تقديره لجهود / نافياً إدمانه: his stance
    return None


def addressee_before(f: Facts, cue: Cue, np: Range | None, start: int, at: int) -> int | None:
    """دعا حمود المقدسيين وفلسطينيي 1948 إلى / حذّر الفرع جميع المنشآت من / اتهم المواطنون الشركة المتعهدة بـ: whom a
    call, a warning or a charge addresses, between the subject (ending before ``start``) and the governed preposition
    or complementizer the rules found at ``at`` — the content opens with it (as the annotators take it: "X بـ from the
    addressee"); None when nobody is named there."""
    if cue.form.lemma not in _CALLING:
        return None
    j = object_content(f, cue, np, start)
    return j if j is not None and start <= j < at else None


def _addressee_then_prep(f: Facts, cue: Cue, j: int) -> bool:
    """A long addressee from ``j`` (الأمم المتحدة ومنظماتها المختلفة ذات العلاقة، كافة المهتمين بالشعر من الجنسين)
    and then, in the same clause, the preposition the calling verb governs."""
    toks = f.an.tokens
    w = toks[j].norm
    preps = tuple(fold(p) for p in cue.form.preps)
    if j in f.cue_tokens or w in FUNCTION_WORDS or w in ADJUNCT_WORDS or opens_with_prep(w, preps):
        return False
    for k in range(j + 1, min(len(toks), j + 12)):
        if toks[k].kind == "p" or not f.an.same_sentence(j, k) or k in f.cue_tokens:
            return False
        if opens_with_prep(toks[k].norm, preps):
            return True
    return False


def _put_down_to(f: Facts, j: int) -> bool:
    """أهميةَ القناة إلى / ذلك لعدم ...: an object from ``j`` and, within its clause, إلى or a glued ل that says
    what it is put down to."""
    toks = f.an.tokens
    if toks[j].norm in FUNCTION_WORDS or toks[j].norm in ADJUNCT_WORDS:
        return False
    for k in range(j + 1, min(len(toks), j + 12)):
        t = toks[k]
        if t.kind == "p" or not f.an.same_sentence(j, k):
            return False
        if t.norm in ("إلى", "الى", fold("إلى")) or (t.norm[:1] == "ل" and len(t.norm) > 3 and t.norm[1:3] in ("عد", "ال")):
            return True
    return False


def _past_date(f: Facts, j: int) -> int:
    """The token after a date (with its في) that starts at ``j``, else ``j``."""
    toks = f.an.tokens
    k = j + 1 if j < len(toks) and toks[j].norm == "في" else j
    return f.date_at[k] + 1 if k in f.date_at else j


def _happening_next(f: Facts, cue: Cue) -> bool:
    """What happened, right after a verb whose subject came before it (محللون … يتوقعون نموَّ الطلب): the verb's
    object, as after a subject written after it."""
    toks = f.an.tokens
    j = cue.last + 1
    return j < len(toks) and toks[j].kind == "w" and strip_al(toks[j].norm) in HAPPENINGS and _continues(f, j)


_OCCASION_PREPS = frozenset(fold(w) for w in ("خلال", "أثناء", "في"))


def _past_occasion(f: Facts, j: int) -> int:
    """The token after the occasion of the words that starts at ``j`` (خلال اللقاء، في كلمته: "during", "in" and a
    definite or possessed noun of an event — no indefinite one, whose adjective would follow), else ``j``."""
    toks = f.an.tokens
    if j + 1 < len(toks) and toks[j].norm in _OCCASION_PREPS and toks[j + 1].kind == "w":
        noun = toks[j + 1].norm
        if strip_al(noun) in EVENT_NOUNS and (has_al(noun) or noun.endswith(("ه", "ها"))):
            return j + 2
    return j


def _continues(f: Facts, j: int) -> bool:
    """A complement follows the verbal noun at ``j`` (a word, a number, a parenthesis: مقتلَ 2 من، استخدامَ (داعش))."""
    toks = f.an.tokens
    return j + 1 < len(toks) and f.an.same_sentence(j, j + 1) and (
        toks[j + 1].kind == "w" or toks[j + 1].norm[:1].isdigit() or toks[j + 1].norm == "(")
