"""The subject written after a cue, and what the cue's sense does to it.

After a verb, "according to" or a verbal noun with its agent, the subject noun phrase (read by :mod:`.phrases`) is
cut or stretched by what the cue means: a relayed report is said by whom it was relayed from (نقلت الصحيفة عن
مسؤول)، a statement by its issuer too (بيان صدر عن مكتب رئيس الوزراء)، an announcement's object is what happened,
not a part of the name (أعلنت السلطات | مقتلَ ...)، a call's addressee is not the caller (ودعا الأمير | المواطنين)،
and a purpose is no subject of a view (الذي ذهب لحضور الجلسة).
"""

from __future__ import annotations

from collections.abc import Callable

from ..text.arabic import fold
from .arabic import Analysis, has_al, masdar_shaped, strip_al
from .context import Facts, Range
from .cues import AGENT, SOURCE, VERB, Cue, source_l_glued
from .quotes import PREPOSITIONS
from .phrases import noun_phrase, possessed
from .speakers import name_before_told, speaker_after
from .words import (ADVERBS, ATTRIBUTING, HAPPENINGS, IN_IT, QUANTIFIERS, SAYING, STATEMENTS, THIS_THAT, TITLES,
                    is_title)


def subject_after_cue(f: Facts, cue: Cue) -> Range | None:
    """The subject noun phrase right after a cue that can have one (a verb, "according to", a verbal noun in
    construct with its agent); English is subject-verb (see :func:`.clauses.english_subject`)."""
    if f.an.tokens[cue.i].norm.isascii():
        return None
    if cue.kind == VERB and _plural_agreement(f.an.tokens[cue.i].norm):
        return None  # وأرجعوا أسباب ذلك إلى / وطالبوا الحكومة بـ: the verb carries its subject, the noun is its object
    if cue.kind in (VERB, SOURCE) or cue.form.tense == AGENT:
        if cue.kind == SOURCE and cue.last == cue.i and source_l_glued(f.an, cue.i) and \
                len(f.an.tokens[cue.i + 1].norm) > 3:
            return noun_phrase(f, cue.i + 1)  # وفقاً لمجلة «فوربس»: the ل is the cue's, the source follows it
        glued = tuple(p for p in (fold(x) for x in cue.form.preps) if len(p) == 1)
        # (أبلغ / أخبر X بـ: X is whom they told, the subject stands before: أن العراق أبلغ الجانب الروسي باستعداد)
        np = speaker_after(f, cue.last, glued, glued if cue.form.lemma not in _INFORMING else (), cue.kind == SOURCE)
        if cue.form.lemma in RELAYING:
            return _relayed_from(f, np if np is not None else (cue.last, cue.last), RELAYING[cue.form.lemma])
        if np is not None:
            np = _with_issuer(f, np)  # وأفاد بيان صدر عن مكتب رئيس الوزراء: the statement and who issued it
        if np is not None and cue.form.lemma in STATING:
            np = _cut_before(f.an, np, _happening_at)  # أعلنت السلطات الباكستانية | مقتلَ القيادي
        if np is not None and cue.form.lemma in ATTRIBUTING:
            np = _cut_before(f.an, np, _attributed_at)  # وأرجعت المؤسسة | ضعفَ جاذبية ... إلى
        if np is not None and cue.form.lemma in ADDRESSING and f.an.tokens[cue.last + 1].norm in IN_IT:
            return None  # دعا فيه الأطباء / يطالب فيها إيران بـ: after "in it" a call names whom it addresses
        if np is not None and cue.form.lemma in ADDRESSING:
            np = _cut_before(f.an, np, _addressee_at)  # ودعا الأمير المواطنين إلى: the prince called the citizens
            if np[0] == cue.last + 1 and name_before_told(f, np[0]):
                np = (np[0], np[0])  # وأبلغ بوتين | الحضور بأن: the name, then whom he told
        if np is not None and cue.form.strict and _purpose(f.an.tokens[np[0]].norm):
            return None  # الذي ذهب لحضور الجلسة: "went to attend", a purpose, not who holds a view
        if np is not None and np[0] - 1 == cue.last + 1 and np[0] - 1 in f.by_open and cue.form.lemma in SAYING \
                and sum(1 for t in f.an.words(*np)) >= 3:
            return None  # وقال "ربي ارزقني وارزق مني": the words he said, not a name as his subject
        return np
    return None


def _plural_agreement(word: str) -> bool:
    """قالوا، وأكدوا، يطالبون: a verb that agrees with a plural subject already named (a subject written after the
    verb leaves it singular), with no object pronoun after the ending."""
    return word.endswith(("وا", "ون")) and len(word) > 4


_INFORMING = frozenset(("أبلغ", "أخبر"))
ADDRESSING = frozenset(("حث", "دعا", "طالب", "ناشد", "أبلغ", "أخبر", "حذر"))  # verbs said to someone

_GROUP_WORDS = frozenset(fold(w) for w in ("جميع", "كل", "كافة", "بعض", "عموم"))
_ALL_OF = frozenset(fold(w) for w in ("جميع", "كافة"))  # "all the …": whom a call addresses, never a caller


def oblique_plural(an, j: int) -> bool:
    """A noun phrase headed (after جميع / كل / كافة / بعض) by a sound masculine plural participle in the
    oblique case (المستفيدين، المواطنين، المسؤولين; in construct مسيري النادي), or "all the …" (جميع الأطراف):
    after a verb it is the object; a subject would end in -ون."""
    toks = an.tokens
    if toks[j].kind == "w" and toks[j].norm in _GROUP_WORDS and j + 1 < len(toks):
        if toks[j].norm in _ALL_OF and has_al(toks[j + 1].norm):
            return True  # وحث جميع الأطراف على: "all the parties", whom he urged (a broken plural too)
        j += 1
    w = toks[j].norm if toks[j].kind == "w" else ""
    if len(w) >= 5 and w.endswith("ي") and not has_al(w) and (w[0] == "م" or w[1] == "ا") and j + 1 < len(toks) \
            and toks[j + 1].kind == "w" and has_al(toks[j + 1].norm) and w not in TITLES:
        return True  # مسيري النادي، قائدي المركبات: a plural participle in construct (-ي for -ين), oblique

    bare = strip_al(w[1:] if w[:1] in ("و", "ف") and len(w) > 5 else w)
    return bare.startswith("م") and bare.endswith("ين") and len(bare) >= 6 and w not in TITLES and bare not in TITLES


STATING = frozenset(("أعلن", "أكد", "كشف", "نفى", "توقع", "رجح", "أوضح"))  # verbs whose object may be what happened


def _cut_before(an: Analysis, np: Range, ends: Callable[[Analysis, int, int], bool]) -> Range:
    """The subject ``np`` up to the first of its later words at which ``ends`` (the analysis, the word, the phrase's
    last token) says the verb's object (or whom it addresses) begins; the whole phrase when none does."""
    for k in range(np[0] + 1, np[1] + 1):
        if ends(an, k, np[1]):
            return np[0], k - 1
    return np


def _happening_at(an: Analysis, k: int, last: int) -> bool:
    """A verbal noun of what happened that cannot continue the subject: after a definite word or a title (أعلن الجيش
    | وصولَ قوات، أكدت مصادر | مقتلَ قائد) — a construct phrase goes on after an indefinite noun (مدير إدارة بيع
    السيارات)."""
    toks = an.tokens
    prev, w = toks[k - 1], toks[k].norm
    if toks[k].kind != "w" or prev.kind != "w":
        return False
    # (a plural in -ون governs no noun after it: أكد خبراء أمنيون | استخدامَ ...; not after any definite word:
    # المتحدث الرسمي لوزارة العمل تيسير المفرج — a given name)
    return (w in HAPPENINGS and (has_al(prev.norm) or is_title(prev.norm))
            or masdar_shaped(w) and prev.norm.endswith("ون") and len(prev.norm) > 4)


def _attributed_at(an: Analysis, k: int, last: int) -> bool:
    """The object of أرجع / عزا: an indefinite word after a definite one that is no title (المؤسسة | ضعفَ، نائب
    المشرف | نجاحَ), a word with a possessive pronoun or a demonstrative (المحقق | تخريجه، ذلك)."""
    toks = an.tokens
    prev, w = toks[k - 1], toks[k].norm
    if toks[k].kind != "w" or prev.kind != "w":
        return False
    return w in THIS_THAT or (not has_al(w) and has_al(prev.norm) and not is_title(prev.norm)) or possessed(w)


def _addressee_at(an: Analysis, k: int, last: int) -> bool:
    """An oblique plural (الأمير خالد | المواطنين) or "all of" (رئيس النادي | كافة المهتمين) opens whom the verb
    addresses — not a plural governed by the word before it (عدد من المغردين، رئيس المهندسين)."""
    toks = an.tokens
    prev = toks[k - 1].norm
    if toks[k].norm in _GROUP_WORDS and k + 1 <= last and has_al(toks[k + 1].norm) and toks[k - 1].kind == "w":
        return True
    return toks[k].kind == "w" and has_al(toks[k].norm) and oblique_plural(an, k) and not (
        prev in PREPOSITIONS or prev in QUANTIFIERS or (is_title(prev) and not has_al(prev))
        or toks[k - 1].kind != "w")


_ISSUED = frozenset(fold(w) for w in ("صدر", "صادر", "الصادر", "صادرة", "الصادرة", "صدرت"))


def _with_issuer(f: Facts, np: Range) -> Range:
    """بيان صدر عن مكتب رئيس الوزراء / تقرير صادر عن الهيئة: the statement's mention runs on to its issuer."""
    toks = f.an.tokens
    k = np[0] + 1
    if strip_al(toks[np[0]].norm) not in STATEMENTS or k + 1 >= len(toks) or toks[k].norm not in _ISSUED \
            or toks[k + 1].norm not in ("عن", "من") or not f.an.same_sentence(np[0], k + 1):
        return np
    issuer = noun_phrase(f, k + 2) if k + 2 < len(toks) else None
    return (np[0], issuer[1]) if issuer is not None else np


RELAYING = {"نقل": "عن", "علم": fold("من")}  # relaying verbs and the preposition before whom they relay


def _relayed_from(f: Facts, np: Range, prep: str) -> Range | None:
    """ونقلت الصحيفة عن مسؤول كبير في الإدارة أن / وعلمت "الوطن" من مصادر مطلعة أن: the phrase after عن / من (the
    paper only relays it), or None."""
    toks = f.an.tokens
    j = np[1] + 1
    st = f.inside.get(j)
    if st is not None and st.close == j:
        j += 1  # ونقلت "رويترز" عن فضل حسن: past the closing mark of a quoted name
    while j < len(toks) and (j in f.date_at or toks[j].norm in ADVERBS):
        j = f.date_at.get(j, j) + 1
    if j + 1 >= len(toks) or toks[j].norm != prep or not f.an.same_sentence(np[0], j + 1):
        return None
    return noun_phrase(f, j + 1)


def _purpose(word: str) -> bool:
    """لحضور، لتقديم: "to" glued to a noun without its article — a purpose, never a subject."""
    return word[:1] == "ل" and len(word) > 4 and not word.startswith("لل")
