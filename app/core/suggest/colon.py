"""What follows a cue's colon: a quotation — marked, in parentheses (also Arabic's double parentheses for cited
scripture, قال تعالى: ((…))), or opened and never closed (it then runs to the end of its paragraph, or to the next
sentence that opens with a verb of saying) — a complementizer (وقال: إن ...), or unmarked words, which are direct
only when they speak in the first person (the guidelines' convention). :mod:`.clauses` reads the rest of what a cue
introduces.
"""

from __future__ import annotations

import regex

from ..text.arabic import SENTENCE_END, fold
from .context import Facts
from .cues import VERB
from .quotes import Stretch, is_complementizer
from .words import FIRST_PERSON


def after_colon(f: Facts, j: int) -> tuple[str, int, object] | None:
    """What follows the colon at ``j`` after a cue: a quotation (marked, in parentheses, or opened and never closed
    in its paragraph), a complementizer (وقال: إن ...), unmarked words, or nothing."""
    an, toks, n = f.an, f.an.tokens, len(f.an.tokens)
    st = f.by_open.get(j + 1)
    if st is not None and st.inner is not None:
        return "direct", j + 1, ("direct-colon", st)
    if j + 1 < n and is_complementizer(an, j + 1):
        return "indirect", j + 1, "indirect-complementizer"
    paren = _parenthesised(f, j + 1) or _unclosed(f, j + 1)
    if paren is not None:  # وقال فلان: (... كلامه ...) / وقال: «... (closed in a later paragraph)
        return "direct", j + 1, ("direct-colon", paren)
    if j + 1 < n and toks[j + 1].kind in ("w", "n") and an.same_sentence(j, j + 1):
        return "unmarked", j + 1, None  # وتابع: كما تعرض ... / واختتم بقوله: فوجئنا ... إننا
    return None


def first_person_clause(f: Facts, j: int, last: int) -> bool:
    """Unmarked words after a colon are a direct quote only when they speak in the first person (the
    guidelines' convention): a first-person pronoun or particle (أنا، لدينا، لكني) or a verb of the future
    first person singular written with its hamza (سأغادر، سأحتاج), within tokens ``j..last``."""
    toks = f.an.tokens
    for k in range(j, min(last, j + 60) + 1):
        w = toks[k].norm
        if w in FIRST_PERSON or (w[:1] in ("و", "ف") and w[1:] in FIRST_PERSON):
            return True
        if toks[k].kind == "w" and (w.startswith("سا") or w in _FIRST_PERSON_VERBS_FOLDED):
            s, e = f.an.token_span(k, k)
            raw = _HARAKAT.sub("", f.an.text[s:e])
            if (len(w) >= 4 and raw.startswith("سأ")) or raw in _FIRST_PERSON_VERBS:
                return True  # سأغادر / أعتقد (with its hamza: اعتقد without it is "he believed")
    return False


_HARAKAT = regex.compile("[\u064b-\u065f\u0670\u0640]")
# First-person verbs of opinion and speech as written with their hamza (folded they may read as 3rd person).
_FIRST_PERSON_VERBS = frozenset(p + w for p in ("", "و", "ف", "ل") for w in (
    "أعتقد", "أرى", "أظن", "أتوقع", "أتمنى", "أؤكد", "أشكر", "أعرف", "أقول", "أريد", "أود", "أشعر",
    "نعتقد", "نرى", "نتوقع", "نأمل", "نؤكد", "نشكر", "نسعى", "نعمل", "نريد", "نود", "نطالب"))
_FIRST_PERSON_VERBS_FOLDED = frozenset(fold(w) for w in _FIRST_PERSON_VERBS)


def _unclosed(f: Facts, j: int) -> Stretch | None:
    """An opening quotation mark at ``j`` (after a cue's colon) that no mark closes in its paragraph: a quotation
    that runs on to the end of the paragraph (long quotes are often closed only in a later paragraph, or never)."""
    toks = f.an.tokens
    if j >= len(toks) or toks[j].norm not in ("«", "“", '"') or j in f.by_open or j in f.inside:
        return None
    line = f.an.line[j]
    k = j + 1
    while k < len(toks) and f.an.line[k] == line and not _new_report(f, k):
        k += 1
    last = k - 1
    if last - j < 4:
        return None
    # the stretch's close is the paragraph's final punctuation, or the position just after its last word
    return Stretch(j, last if toks[last].kind == "p" and toks[last].norm in SENTENCE_END else last + 1)


def _new_report(f: Facts, k: int) -> bool:
    """Does a sentence open at token ``k`` with a verb of saying (…. وأضاف: / …. واستطرد / …. وقال والد أفراح:)? A
    quotation never closed ends before it, as the annotators cut one (an article crawled without its paragraph
    breaks runs every paragraph into one line)."""
    cue = f.cue_at.get(k)
    return cue is not None and cue.kind == VERB and k > 0 and f.an.sentence[k - 1] != f.an.sentence[k]


def _parenthesised(f: Facts, j: int) -> Stretch | None:
    """``(`` at token ``j`` closed by ``)`` on the same line around at least three words with no number (an
    age or a count in parentheses is an aside, not speech): the pair as a stretch."""
    toks = f.an.tokens
    if j >= len(toks) or toks[j].norm != "(":
        return None
    if j + 1 < len(toks) and toks[j + 1].norm == "(":
        return double_parenthesised(f, j)
    k = j + 1
    while k < len(toks) and f.an.line[k] == f.an.line[j] and toks[k].norm != ")" and k - j < 200:
        if toks[k].norm == "(":
            return None
        k += 1
    if k >= len(toks) or toks[k].norm != ")":
        return None
    words = [t for t in toks[j + 1:k] if t.kind == "w"]
    if len(words) < 3 or (len(words) < 5 and any(t.kind == "n" for t in toks[j + 1:k])):
        return None  # (an age or a count in parentheses, (52 عاما), is an aside; (إن 2 مليون واق سيكفون ...) speech)
    return Stretch(j, k)


def double_parenthesised(f: Facts, j: int) -> Stretch | None:
    """``((`` at token ``j`` closed by ``))`` on the same line around at least two words: Arabic's mark for cited
    scripture and hadith (قال تعالى: ((…))); the stretch of the inner pair."""
    toks, line = f.an.tokens, f.an.line
    k = j + 2
    while k + 1 < len(toks) and line[k] == line[j] and k - j < 400:
        if toks[k].norm == ")" and toks[k + 1].norm == ")":
            words = sum(1 for t in toks[j + 2:k] if t.kind == "w")
            return Stretch(j + 1, k) if words >= 2 else None
        if toks[k].norm == "(" and toks[k + 1].norm == "(":
            return None
        k += 1
    return None
