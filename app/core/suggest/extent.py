"""Where reported content ends: the running indirect content after a cue goes to the end of its sentence unless a
new attribution starts (وأضاف، كما أوضح، ...، مؤكداً), a circumstantial participle of the writer's narration
(...، مبدياً رغبته), the writer's own circumstance (...، وذلك قبل), a concessive after an object phrase (رغم أنه), or
— for a cue in a "while" clause (وفيما طالب ...، تحدث) — the clause's comma. Trailing connectives are trimmed.
What a cue introduces is :mod:`.clauses`'.
"""

from __future__ import annotations

from ..text.arabic import CLAUSE_PUNCT, fold
from .clauses import circumstantial
from .context import Context, Facts, memo
from .cues import MASDAR, NOUN, PARTICIPLE, SOURCE, VERB, Cue, is_wording_phrase, light_verb
from .eulogies import eulogy_after
from .quotes import is_complementizer

TRAILING = frozenset(fold(w) for w in ("و", "كما", "مع", "فيما", "وفي", "في", "هذا", "الصدد", "ذلك", "وذلك", "حيث",
                                     "ثم", "وقد", "قد", "بدوره", "بدورها", "من", "جهته", "جهتها", "جانبه",
                                     "جانبها", "هذه", "الاثناء", "إلى", "بينما", "وهو", "وهي", "وأيضا", "إذ",
                                     "أن"))


def _ends_content(ctx: Context, k: int) -> bool:
    """Does the cue at token k start a new attribution (so the running content ends before it)?"""
    cue = ctx.cue_at[k]
    toks = ctx.an.tokens
    prev = toks[k - 1].norm if k else ""
    word = toks[k].norm
    if cue.kind == PARTICIPLE:
        return True
    if cue.kind == SOURCE:
        # ...، بحسب المصدر / وبحسب البيان: a new attribution; "حسب الأحمال المطلوبة" inside a clause is not one
        return prev in CLAUSE_PUNCT or word.startswith("و") or prev in _NEW_CLAUSE
    if cue.kind == MASDAR:
        return prev in ("مع", "و")
    if not ctx.has_content.get(k):
        return False  # التحقيق وكشف ملابسات الحادث: a verbal noun that looks like a cue, with no content of its own
    if word[:1] in ("و", "ف") and cue.form.lemma[:1] not in ("و", "ف") or prev in _NEW_CLAUSE:
        return True  # وأضاف / كما أوضح / حيث أشار التقرير / إذ أكد البعض
    if prev in ("ان", "أن") and k > 1 and toks[k - 2].norm in ("قبل", "بعد"):
        return True  # ...، قبل أن تعلن الداخلية: a later statement by another source
    np = ctx.subjects.get(k)
    if np is not None and np[1] + 1 < len(toks) and (toks[np[1] + 1].norm == ":" or (np[1] + 1) in ctx.by_open):
        return True  # ... من أجل العبادات قال النبي ” ...: a cue with its own subject and its own marked words
    after = eulogy_after(ctx.an, k + 1) if k + 1 < len(toks) else k + 1
    if after > k + 1 and after < len(toks) and (toks[after].norm == ":" or after in ctx.by_open):
        return True  # ...، قال عليه السلام ” ...: the Prophet (named by his eulogy) and his own marked words
    if np is not None and k > 0 and toks[k - 1].norm in CLAUSE_PUNCT and np[1] + 1 < len(toks) and \
            is_complementizer(ctx.an, np[1] + 1):
        return True  # ... سيفشلون التصويت، رأت كلينتون أن: a verb, its own subject and its own complementizer
    if np is not None:
        for b in range(k - 1, max(-1, k - 5), -1):
            if toks[b].kind == "p" and toks[b].norm in CLAUSE_PUNCT:
                return (toks[b + 1].norm.startswith("و") or toks[b + 1].norm in _NEW_CLAUSE) and b + 1 != k
    return False


def _light_verbs_opening(ctx: Context) -> set[int]:
    """The light verbs of the document's speech-noun cues that open a clause (conjoined, after كما / حيث, or
    after a punctuation mark): where a running content ends (computed once per document)."""
    cache = memo(ctx, "light_verbs_opening")
    if "all" not in cache:
        toks, out = ctx.an.tokens, set()
        for cue in ctx.cues:
            lv = light_verb(ctx.an, cue.i, ctx.cue_tokens) if cue.kind == NOUN else None
            if lv is None:
                continue
            prev = toks[lv - 1].norm if lv else ""
            if toks[lv].norm[:1] in ("و", "ف") or prev in _NEW_CLAUSE or prev in CLAUSE_PUNCT:
                out.add(lv)
        cache["all"] = out
    return cache["all"]


# Connectives that open a clause of the writer's: a cue right after them starts a new attribution.
_NEW_CLAUSE = frozenset(fold(w) for w in ("كما", "حيث", "إذ", "اذ", "فيما", "بينما", "ثم"))


_CONCESSIVE = frozenset(fold(w) for w in ("رغم", "برغم", "بالرغم", "لكن", "ولكن", "لكنه", "ولكنه", "إلا", "بيد",
                                          "رغما"))


def content_end(ctx: Context, s: int, phrase: bool = False, subordinate: bool = False) -> tuple[int, int | None]:
    """Last token of the indirect content starting at ``s``, and a wording phrase that closes it (if any).
    A ``phrase`` (an object noun phrase: أكد عدمَ رغبته في ...) also ends at a concessive (رغم أنه); the content
    of a ``subordinate`` cue (وفيما طالب عدد من المواطنين بـ ...، تحدث المستشار) at the comma before the main
    clause."""
    an, toks = ctx.an, ctx.an.tokens
    n = len(toks)
    k = s + 1
    wording = None
    while k < n and an.same_sentence(s, k):
        t = toks[k]
        if an.ends_sentence(k):
            break
        st = ctx.inside.get(k)
        if st is not None and st.open == k and st.close > k:
            k = st.close + 1
            continue
        w = is_wording_phrase(ctx.an, k)
        if w is not None:
            wording = k
            break
        if k in ctx.cue_tokens and k > s + 1 and _ends_content(ctx, k):
            break
        if k > s + 1 and k in _light_verbs_opening(ctx):
            break  # ...، كما أعادت الولايات المتحدة تأكيدَ ...: a light verb opens another speech-noun report
        if t.kind == "p" and t.norm in CLAUSE_PUNCT and k + 1 < n and circumstantial(ctx, k + 1) \
                and toks[k + 1].norm.startswith("م"):
            break  # ...، مبدياً رغبته: a circumstantial participle of the writer's narration (not اعتباراً من)
        if phrase and t.norm in _CONCESSIVE or subordinate and t.kind == "p" and t.norm in CLAUSE_PUNCT:
            break
        if t.kind == "p" and t.norm in CLAUSE_PUNCT and k + 1 < n and toks[k + 1].norm == "وذلك":
            break  # ...، وذلك قبل زيارة مقررة: the writer's circumstance of the statement
        k += 1
    return trimmed(ctx.an, s, k - 1), wording


CLOSING_MARKS = frozenset("»”\"’›")  # a quotation closed at a content's end stays in it


def trimmed(an, s: int, end: int) -> int:
    """``end`` moved back over trailing punctuation (but a closing quotation mark) and connectives (و، كما، وذلك …)
    until the content ``s .. end`` ends in a word: ...، قبل أن [تعلن] drops its قبل أن, but "لم يقرر بعد" (yet)
    keeps its بعد."""
    toks, n = an.tokens, len(an.tokens)
    while end > s and (toks[end].kind == "p" and toks[end].norm not in CLOSING_MARKS or toks[end].norm in TRAILING
                       or (toks[end].norm in ("قبل", "بعد") and end + 1 < n and toks[end + 1].norm in ("ان", "أن"))):
        end -= 1
    return end


_PAIRS = {")": "(", "]": "[", "}": "{"}
_PERCENT = frozenset("%٪")
_SYMMETRIC = (frozenset("-–—"), frozenset("﴿﴾"))  # dashes of an aside; the Quran's ornate brackets (either order)


def closing_last(an, first: int, last: int) -> int:
    """The content's last token ``last``, extended over the marks that close something the content holds: a
    bracket opened inside it (… (16 مليار ريال)), a percent sign after its number (نحو 22.2%), the dash that
    closes an aside opened inside it (… سلمان -حفظه الله-), a Quranic ornate bracket. The rules' trims stop at
    any punctuation; these belong to the words."""
    toks = an.tokens
    k = last + 1
    while k < len(toks) and toks[k].kind == "p":
        w = toks[k].norm
        if w in _PERCENT:
            ok = toks[k - 1].kind == "n"
        elif w in _PAIRS:
            inner = [toks[j].norm for j in range(first, k)]
            ok = inner.count(_PAIRS[w]) > inner.count(w)
        else:
            group = next((g for g in _SYMMETRIC if w in g), None)
            ok = group is not None and sum(toks[j].norm in group for j in range(first, k)) % 2 == 1
        if not ok:
            break
        k += 1
    return k - 1


_WHILE = frozenset(fold(w) for w in ("فيما", "وفيما", "بينما", "وبينما"))


def in_while_clause(f: Facts, cue: Cue) -> bool:
    """Is the cue the verb of a "while" clause opening its sentence (وفيما طالب X بـ ...، تحدث Y)? Its content
    ends at the clause's comma."""
    return cue.kind == VERB and cue.i > 0 and f.an.tokens[cue.i - 1].norm in _WHILE
