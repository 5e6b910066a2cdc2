"""What was said before its cue: a quotation right before the verb («...»، قال فلان / «...»، بحسب فلان), or the
clause before "as X reported" / "according to X" closing the sentence or standing between commas (...، كما أفادت
السلطات / ... بحسب ما أفاد المرصد / ...، وفقاً لمجلة «فوربس» / كان فلان، وفق المصادر، معجباً ...).
"""

from __future__ import annotations

from ..text.arabic import CLAUSE_PUNCT, SENTENCE_END, fold
from .clauses import Record, english_subject
from .context import Context, past_dateline
from .cues import SOURCE, VERB, Cue
from .arabic import has_al, masdar_shaped, participle_shaped, possessed_masdar, strip_al, without_lam
from .quotes import DASHES, is_complementizer, is_speech_like
from .sources import speaking_source
from .phrases import possessed
from .words import AS_SAID, FUNCTION_WORDS, QUANTIFIERS, THIS_BACK, is_title

_AS = AS_SAID | frozenset(fold(w) for w in ("بحسبما", "وفقما"))
_AS_ALONE = frozenset(fold(w) for w in ("حسبما", "بحسبما", "وفقما"))


def postposed(ctx: Context, cue: Cue, used: set[int]) -> Record | None:
    """«...»، قال فلان: a speech stretch right before the cue; or ...، كما أفادت السلطات. / ...، بحسب وكالة
    الأناضول. : the clause before "as X reported" or "according to X" at the end of a sentence (or between commas)."""
    toks = ctx.an.tokens
    j = cue.i - 1
    if toks[cue.i].norm.isascii():
        subject = english_subject(ctx, cue)
        if subject is not None and subject[1] < cue.i:
            j = subject[0] - 1
    rec = _stretch_before(ctx, cue, j, used)  # «إنه انتظار طويل»، بحسب كيت جاكيس / «...»، قال فلان
    if rec is not None:
        return rec
    before = _attribution_phrase(ctx, cue, j)
    if before is None:
        return _this_before(ctx, cue)
    return _clause_before(ctx, cue, before)


def _stretch_before(ctx: Context, cue: Cue, j: int, used: set[int]) -> Record | None:
    """A speech stretch closing at ``j`` (or at the punctuation before it), right before the cue."""
    toks = ctx.an.tokens
    while j >= 0 and toks[j].kind == "p" and toks[j].norm in CLAUSE_PUNCT:
        j -= 1
    if j < 0 or toks[j].kind != "p":
        return None
    st = ctx.inside.get(j)
    if st is None or st.close != j or st.open in used or st.inner is None or not is_speech_like(ctx.an, st):
        return None
    if cue.kind not in (VERB, SOURCE):
        return None
    if ctx.subjects.get(cue.i) is None and not (toks[cue.i].norm.isascii() and english_subject(ctx, cue)):
        return None
    used.add(st.open)
    return Record([cue], st.inner[0], st.inner[1], "direct", "direct-before-cue", frame=(cue.last + 1, cue.last))


def _this_before(ctx: Context, cue: Cue) -> Record | None:
    """…. أوضح ذلك اللواء فلان / أكد ذلك لـ«عكاظ» فلان: a verb opening its sentence with "this" as its object and
    no content after it reports the sentence before (when that sentence reports nothing of its own)."""
    an, toks = ctx.an, ctx.an.tokens
    i = cue.i
    if cue.kind != VERB or cue.last + 2 >= len(toks) or toks[cue.last + 1].norm not in THIS_BACK:
        return None
    nxt = toks[cue.last + 2].norm
    if toks[cue.last + 2].kind == "w" and has_al(nxt) and not is_title(nxt):
        return None  # وتطلّب هذا التصميم: "this design" is the subject, not "this" the object
    sid = an.sentence[i]
    lo, _ = an.sentence_bounds[sid]
    if i != lo or sid == 0:
        return None
    first, last = an.sentence_bounds[sid - 1]
    while last > first and toks[last].kind == "p":
        last -= 1
    while first < last and toks[first].kind == "p":
        first += 1
    if sum(1 for k in range(first, last + 1) if toks[k].kind == "w") < 4 or \
            any(ctx.has_content.get(k) for k in range(first, last + 1)) or any(k in ctx.inside for k in (first, last)):
        return None
    return Record([cue], first, last, "indirect", "indirect-before-cue", frame=(cue.last + 1, cue.last))


_DESCRIBES = frozenset(fold(w) for w in ("وهو", "وهي", "وهم", "الذي", "التي", "الذين"))  # ...، وفقاً لفلان، وهو خبير


def _attribution_phrase(ctx: Context, cue: Cue, j: int) -> int | None:
    """The first token of a trailing "as X reported" / "according to X" before the cue at ``j + 1``: ...، كما
    أفادت السلطات / ... بحسب ما أفاد المرصد / ...؛ حسب شهود عيان / ... عدة قذائف بحسب وكالة الأناضول; else None."""
    toks = ctx.an.tokens
    if cue.kind == VERB and j > 0:
        if toks[j].norm in _AS and (toks[j - 1].norm in CLAUSE_PUNCT or toks[j].norm in _AS_ALONE):
            return j  # (حسبما needs no comma before it: كما and مثلما also mean "also" and "like")
        if toks[j].norm in _AS and toks[j - 1].kind == "w":
            return j  # … التي تمر بها البلاد كما قال الوزير.: no comma, so only when it closes the sentence (below)
        before = ctx.cue_at.get(j - 1) if toks[j].norm == "ما" else None
        if before is not None and before.kind == SOURCE:
            return j - 1  # بحسب ما أفاد
        if toks[j].norm == "ما" and toks[j - 1].norm == fold("على"):
            return j - 1  # … في أعمال العنف، على ما أعلنت البعثة: "according to what"
    if cue.kind == SOURCE:
        np = ctx.subjects.get(cue.i)
        if toks[j].norm in CLAUSE_PUNCT or (np is not None and (speaking_source(ctx, cue, np[1] + 1)
                                                                or _named_source(ctx, np))):
            return cue.i
    return None


def _named_source(ctx: Context, np) -> bool:
    """The source after بحسب / وفقاً لـ names a person or a firm (لمورجان ستانلي، للشامي، لريستاد إنرجي، الدكتور
    فلان), not a plan or a rule (الخطة، وفق أحكام الشريعة، رؤية قيادتي البلدين، وفق برامج متطورة، حسب كل مرحلة):
    a title, a name of two or three words none of them with the article, a feminine ending or a participle's shape,
    or a surname's nisba alone."""
    words = [t.norm for t in ctx.an.words(*np)]
    if words:
        words[0] = without_lam(words[0])
    if any(is_title(w) for w in words):
        return True
    if len(words) == 1:
        return has_al(words[0]) and words[0].endswith("ي") and len(words[0]) > 4  # للشامي، الغامدي
    return 2 <= len(words) <= 3 and not any(has_al(w) or w in FUNCTION_WORDS or w in QUANTIFIERS or w[:1] == "و"
                                             or w.endswith("ة") or participle_shaped(w) for w in words)


def _clause_before(ctx: Context, cue: Cue, before: int) -> Record | None:
    """The clause from the sentence start to ``before`` (the attribution phrase) as what the source said, when the
    source closes the sentence — or stands between commas (كان محمد الثاني، وفق المصادر التاريخية، معجباً ...: the
    whole sentence when the words before it are too few to be a statement)."""
    toks, an = ctx.an.tokens, ctx.an
    np = ctx.subjects.get(cue.i)
    if np is None:
        return None
    after = np[1] + 1
    closes = after >= len(toks) or not an.same_sentence(cue.i, after) or toks[after].norm in SENTENCE_END or (
        toks[after].norm in CLAUSE_PUNCT and after + 1 < len(toks) and toks[after + 1].norm in _DESCRIBES) or (
        _adjunct_to_end(ctx, after) and (cue.kind == VERB and not _masdar_subject(ctx, np) or (
            speaking_source(ctx, cue, after) and cue.i > 0 and toks[cue.i - 1].norm in CLAUSE_PUNCT)))
    between = not closes and cue.kind == SOURCE and _parenthesis(toks, cue.i, after) and (
        speaking_source(ctx, cue, after) or _named_source(ctx, np))  # (…، وفقاً للمبادرة الخليجية: a rule)
    if not (closes or between):
        return _around_source(ctx, cue, after)
    first = an.sentence_bounds[an.sentence[cue.i]][0]
    first = past_dateline(ctx, first, before)  # "سبق - الوكالات :" a dateline before the news
    last = before - 1
    while last > first and toks[last].kind == "p":
        last -= 1
    if last < first or toks[last].kind == "p":
        return None  # وحسب الشهود؛ فقد ...: the source opens the sentence, its content follows (see .sources)
    if any(k in ctx.cue_tokens and toks[k].norm != "بين" for k in range(first, before)):
        return None  # the clause has a cue of its own (but بين قوات النظام ومقاتلي المعارضة is "between")
    if last - first < 3:
        if not between:
            return None
        last = an.sentence_bounds[an.sentence[cue.i]][1]
        while last > after and toks[last].kind == "p":
            last -= 1
        if any(k in ctx.cue_tokens for k in range(after, last + 1)) or last - first < 6:
            return None
    return Record([cue], first, last, "indirect", "indirect-before-cue", frame=(cue.last + 1, cue.last))


def _masdar_subject(ctx: Context, np) -> bool:
    """…، كما أظهر ترشحه للرئاسة: a verbal noun (or a noun possessed, his candidacy) is what shows it, not a
    source that reports."""
    w = ctx.an.tokens[np[0]].norm
    return masdar_shaped(strip_al(w)) or possessed_masdar(w) or possessed(w)


def _adjunct_to_end(ctx: Context, after: int) -> bool:
    """... حسبما ذكرت صحيفة «آس» الإسبانية في عددها الصادر أمس. / ... بحسب تقرير للوزارة عام 2013.: what follows
    the source to the sentence end is its description, a place or a date (a few words, no cue, no complementizer,
    no quotation), so the source still closes the sentence."""
    an, toks = ctx.an, ctx.an.tokens
    if after >= len(toks) or toks[after].kind == "p":
        return False
    lo, hi = an.sentence_bounds[an.sentence[after]]
    words = 0
    for k in range(after, hi + 1):
        t = toks[k]
        if t.kind == "p":
            if t.norm in SENTENCE_END:
                break
            if k in ctx.inside and not ctx.name_like[ctx.inside[k].open] or t.norm in CLAUSE_PUNCT:
                return False
            continue
        words += 1
        if k in ctx.cue_tokens or is_complementizer(an, k) or words > 8:
            return False
    return words > 0


def _parenthesis(toks, i: int, after: int) -> bool:
    """Does the phrase ``i .. after - 1`` stand between commas, or between dashes (وسيطرت المقاومة –حسب المصدر –
    على ...), so that the clause runs on past it?"""
    return toks[after].norm in CLAUSE_PUNCT or (toks[after].norm in DASHES and i > 0 and toks[i - 1].norm in DASHES)


def _around_source(ctx: Context, cue: Cue, after: int) -> Record | None:
    """الأمر الذي سيؤدي بحسب الهيئة إلى تعزيز ... / ومن المتوقع بحسب وكالة … تراجع الإنفاق: a speaking source set
    inside its clause with no punctuation around it; the clause, from its start (the sentence's, or the last comma
    before the source) to the sentence end, is what the source said — when it has words on both sides of the
    source and no reporting cue of its own (بين "between" is none)."""
    an, toks = ctx.an, ctx.an.tokens
    i = cue.i
    if cue.kind != SOURCE or i == 0 or toks[i - 1].kind != "w" or toks[after].kind != "w" or \
            not speaking_source(ctx, cue, after):
        return None
    lo, hi = an.sentence_bounds[an.sentence[i]]
    first = i
    while first > lo and not (toks[first - 1].kind == "p" and toks[first - 1].norm in CLAUSE_PUNCT | {":"}):
        first -= 1
    last = hi
    while last > after and toks[last].kind == "p":
        last -= 1
    before = sum(1 for k in range(first, i) if toks[k].kind == "w")
    rest = sum(1 for k in range(after, last + 1) if toks[k].kind == "w")
    if before < 2 or rest < 3 or any(ctx.has_content.get(k) for k in range(first, last + 1) if k != cue.i):
        return None
    return Record([cue], first, last, "indirect", "indirect-around-source", frame=(cue.last + 1, cue.last))
