"""Attribution clauses: what a cue introduces and where it ends.

:func:`scan` reads what follows a cue (its subject already skipped): a colon (what follows it is :mod:`.colon`'s), a
complementizer (أن، إن، بأن ...), a governed preposition (أشار إلى، دعا إلى), a speech-like quotation, or another cue
that carries the content (قائلاً). :mod:`.extent` finds the end of the reported clause;
:func:`typed` tells direct, indirect and mixed apart (attributions placed after the words are :mod:`.postposed`'s,
content that is the verb's direct object :mod:`.objects`').
A :class:`Record` is one attribution in token indices.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..text.arabic import CLAUSE_PUNCT, fold
from .context import Facts, Range, date_tokens
from .arabic import Analysis, has_al, participle_shaped
from .cues import MASDAR, PARTICIPLE, SOURCE, THOUGHT, VERB, Cue, is_wording_phrase, opens_with_prep
from .colon import after_colon, double_parenthesised
from .coref import is_honorific
from .quotes import COMPLEMENTIZERS, DASHES, Stretch, is_complementizer, is_discourse_an, is_speech_like
from .sources import after_source
from .speakers import name_before_told
from .subjects import ADDRESSING
from .words import (ADDRESSEE_PRONOUNS, ADJUNCT_WORDS, AS_SAID, ATTRIBUTING, CLAUSE_OPENERS, DEMONSTRATIVES,
                    EVENT_NOUNS, FIRST_PERSON, FUNCTION_WORDS, RELATIVE, SAYING, THIS_THAT, is_title)

_MAX_FRAME = 32  # tokens between a cue and its content
_ADJUNCT_OPENERS = frozenset(fold(w) for w in ("في", "من", "على", "عن", "مع", "إلى"))
# ...، خلال لقائه الرئيس أمس، على حرص: after a comma these open an aside that the next comma closes (without
# one — وشدد الوزير خلال المؤتمر على أهمية — the governed preposition is near enough to be found as before).
_ASIDE_OPENERS = frozenset(fold(w) for w in ("خلال", "أثناء", "عقب", "إثر", "لدى", "أمام", "عند"))
_GOVERNING = tuple(fold(w) for w in ("رد", "تعليق", "تعقيب", "جواب", "إجاب", "حرص", "تأكيد", "ثناء", "رأي", "حديث"))
_NEW_CLAUSE = frozenset(fold(w) for w in ("لكن", "ولكن", "لكنه", "ولكنه", "لكنها", "ولكنها", "إذ", "فإذا"))



@dataclass
class Record:
    """One attribution while the rules run: cue(s), content tokens (inclusive), type, speaker and frame."""

    cues: list[Cue]
    first: int  # content tokens, inclusive
    last: int
    qtype: str
    rule: str
    speaker: tuple[int, int] | None = None
    speaker_rule: str = ""
    antecedent: "Record | None" = None
    top_level: bool = True
    feminine: bool | None = None
    frame: tuple[int, int] = (0, -1)  # tokens between the cue and the content (where DATED dates stand)
    extra_cues: list[tuple[int, int]] = field(default_factory=list)  # حسب تعبيره
    candidates: list = field(default_factory=list)  # the candidate speakers it was chosen from (.candidates)
    chosen: int = 0  # which of them (0: the rules' own choice)


class Attributions(list):
    """The records found so far, in the order they were found, and which tokens lie in their contents: a prefix
    maximum of content ends over content starts (a Fenwick tree), so "is token k inside someone's words?" costs
    O(log n) however many records there are (suggestion time stays linear in the article's length)."""

    def __init__(self, tokens: int) -> None:
        super().__init__()
        self._ends = [-1] * (tokens + 1)

    def append(self, rec: Record) -> None:
        super().append(rec)
        i, ends = rec.first + 1, self._ends
        while i < len(ends):
            if ends[i] < rec.last:
                ends[i] = rec.last
            i += i & -i

    def covers(self, k: int) -> bool:
        """Is token ``k`` inside the content of a record found so far?"""
        i, best, ends = k + 1, -1, self._ends
        while i > 0:
            if ends[i] > best:
                best = ends[i]
            i -= i & -i
        return best >= k


def scan(f: Facts, cue: Cue, start: int) -> tuple[str, int, object] | None:
    """What follows a cue: ("direct", stretch), ("indirect", token, rule), ("stop", next cue) or None."""
    an, toks = f.an, f.an.tokens
    n = len(toks)
    if cue.kind == SOURCE:
        return after_source(f, cue, start)
    if cue.form.lemma in ATTRIBUTING:
        return None  # وأرجع التقرير أهميةَ القناة إلى أن ...: the content is the object (see .objects)
    if start == cue.last + 1 and _bare_content(f, cue, start):
        return "unmarked", start, None  # وأضاف لدينا عدد ... / وقال كنا ...: the words follow the verb at once
    preps = tuple(fold(p) for p in cue.form.preps)
    j = start
    words_since_start = 0
    in_adjunct = False  # an adjunct (في اجتماعه ...) has started: a governed preposition is no longer next
    adjunct_at = -1
    while j < n and an.same_sentence(cue.i, j) and j - cue.last <= _MAX_FRAME:
        t = toks[j]
        if j in f.cue_tokens and j > cue.last and not _relative_verb(f, j) and not _describes_occasion(f, j):
            aside = _dash_aside(f, j)
            if aside is not None:
                j = aside  # وقال فلان - حسب ما أوردته صحيفة الصباح - "…": an aside between dashes
                continue
            if is_wording_phrase(f.an, j) is None:
                return "stop", j, None
        if t.kind == "p":
            if t.norm == ":":
                return after_colon(f, j)
            if t.norm == "(" and words_since_start <= 2 and j + 1 < n and toks[j + 1].norm == "(":
                paren = double_parenthesised(f, j)
                if paren is not None:  # قال تعالى ((…)): no colon, the double parenthesis marks the words
                    return "direct", j, ("direct-after-cue", paren)
            st = f.by_open.get(j)
            if st is not None and f.name_like[st.open] and j == start and cue.kind == VERB and \
                    cue.form.lemma in _SPEECH and _words(an, st) >= 3:
                return "direct", j, ("direct-after-cue", st)  # وقال "ربي ارزقني وارزق مني": said, not a name
            if st is not None:
                if f.name_like[st.open]:
                    j = st.close + 1
                    words_since_start += 1
                    continue
                if is_speech_like(an, st):
                    return "direct", j, ("direct-after-cue", st)
                j = st.close + 1
                continue
            if an.ends_sentence(j):
                return _said_after_comma(f, cue, start)
            if t.norm in CLAUSE_PUNCT and j + 1 < n and circumstantial(f, j + 1) and not _speaking_to(f, j + 1):
                return None  # ...، سائلاً الله أن: a new circumstantial clause owns what follows
            if t.norm in CLAUSE_PUNCT and j + 1 < n and toks[j + 1].norm in _NEW_CLAUSE and words_since_start:
                return None  # طالباً إعادة الأرض، ولكن خاب مسعاه، إذ اكتشفت المحكمة أن: "but" opens another clause
            if t.norm in CLAUSE_PUNCT and in_adjunct:
                in_adjunct, words_since_start = False, 0  # أكد الوزير في اجتماعه ...، على بدء: the comma closes it
            elif t.norm in CLAUSE_PUNCT and preps and cue.form.lemma not in ADDRESSING and \
                    _object_after_comma(f, j + 1, preps):
                preps = ()  # شددت الهند، إجراءات الأمن على حدودها: an object, then "on" — not "stressed that"
            j += 1
            continue
        if is_discourse_an(an, j):
            return None
        if t.norm.lower() == "that" and toks[cue.i].norm.isascii():
            return "indirect", j, "indirect-complementizer"
        if is_complementizer(an, j):
            if cue.form.strict and any(toks[k].norm not in CLAUSE_PUNCT and toks[k].norm not in ("الي", "علي")
                                       and k not in date_tokens(f) and not _told_medium(f, k)
                                       for k in range(start, j)):
                return None  # the complementizer must follow the subject at once (a comma, a date or the medium
                # told may stand between: وبينت مصادر مطلعة لـ"الوطن" أن)
            return "indirect", j, "indirect-complementizer"
        if in_adjunct and preps and opens_with_prep(t.norm, preps) and _own_occasion(toks, adjunct_at, j):
            in_adjunct = False  # وشدد الوزير في كلمته على أهمية: "in his speech" closes before the governed preposition
        if preps and not in_adjunct and words_since_start <= 3 and (cue.kind != MASDAR or cue.form.lemma in THOUGHT):
            w = t.norm
            governed = opens_with_prep(w, preps)
            if cue.form.lemma == "طلب" and w[:2] == "من" and w[2:] in _PRONOUN_SUFFIXES:
                governed = True  # وطلب منها البقاء: whom he asked, then what
            if cue.form.lemma == "طلب" and words_since_start > 0:
                governed = False  # (يطلب السنةَ ... من أمله: "seeks"; whom he asked comes first)
            if governed and j == cue.last + 1 and name_before_told(f, j):
                governed = False  # وأبلغ بوتين الحضور بأن: a name that begins with ب, whom he told, then what
            if governed and _anaphor(an, j, w, preps):
                return None  # وأشار الوزير إلى ذلك: what he pointed to was said before; "that" is no content
            if governed:
                k = j + 1
                if w in preps and k < n and is_complementizer(an, k):
                    j = k
                    continue
                if not (w in preps and k < n and toks[k].kind == "w" and k in f.cue_tokens):
                    return "indirect", j, "indirect-preposition"
        if t.norm not in preps and (t.norm in _ADJUNCT_OPENERS or (
                t.norm in _ASIDE_OPENERS and j > 0 and toks[j - 1].norm in CLAUSE_PUNCT)):
            in_adjunct, adjunct_at = True, j
        words_since_start += 1
        j += 1
    return _said_after_comma(f, cue, start)


def _told_medium(f: Facts, k: int) -> bool:
    """Is token ``k`` part of "to <a quoted name>" (لـ"الوطن"، لـ«عكاظ»): the paper or channel a source spoke to?"""
    toks = f.an.tokens
    st = f.inside.get(k)
    if st is not None and f.name_like[st.open]:
        return st.open > 0 and toks[st.open - 1].norm in ("ل", "لـ")
    return toks[k].norm in ("ل", "لـ") and (k + 1) in f.inside and f.inside[k + 1].open == k + 1 \
        and f.name_like[k + 1]


def _relative_verb(f: Facts, j: int) -> bool:
    """الذي ذهب لحضور الجلسة: a verb of a relative clause that reports only with its complementizer right after
    its subject (ذهب، وجد) describes the subject; it does not take the cue's content."""
    other = f.cue_at.get(j)
    return other is not None and other.form.strict and j > 0 and f.an.tokens[j - 1].norm in RELATIVE


# Words that open the words said after "قال X،" (بعد الوصول إلى الموقع تم ...): a time adjunct of what is reported,
# since no complementizer, colon or mark came in the sentence; and the speaker's own "we" / "I" after his name.
_WHEN_OPENERS = frozenset(fold(w) for w in ("بعد", "أثناء", "عقب", "إثر", "قبل", "منذ", "خلال"))
_FIRST_PERSON = frozenset(fold(w) for w in ("نحن", "أنا"))


def _said_after_comma(f: Facts, cue: Cue, start: int) -> tuple[str, int, object] | None:
    """وقال المتحدث فلان، تلقت غرفة العمليات بلاغاً …: after قال and its subject, a comma and then a clause that is no
    adjunct, relative or circumstantial phrase — قال always introduces words, here without أن or marks."""
    toks = f.an.tokens
    if start + 1 < len(toks) and toks[start].kind == "w" and toks[start].norm.startswith("لل") \
            and toks[start + 1].norm in CLAUSE_PUNCT:
        start += 1  # وقال فلان للصحفيين، تم تحديد ...: whom he told, then the comma
    if cue.kind == VERB and cue.form.lemma == "قال" and start > cue.last + 1 and start < len(toks) \
            and toks[start].norm in _FIRST_PERSON and f.an.same_sentence(cue.i, start):
        return "unmarked", start, None  # وقال المدير العام فلان نحن سعداء: his own "we" right after his name
    j = start + 1
    if cue.kind != VERB or cue.form.lemma != "قال" or start >= len(toks) or toks[start].norm not in CLAUSE_PUNCT \
            or j >= len(toks) or toks[j].kind != "w" or not f.an.same_sentence(cue.i, j) \
            or (cue.i > 0 and toks[cue.i - 1].norm in AS_SAID):
        return None  # (… الذي يهدد، كما قالوا، الأمن العالمي: "as they said" is an aside)
    w = toks[j].norm
    if w in _WHEN_OPENERS and j + 1 < len(toks) and toks[j + 1].kind == "w":
        return "unmarked", j, None  # وقال المتحدث فلان، بعد الوصول إلى الموقع تم ...: the words open with "when"
    if w in ADJUNCT_WORDS or w in RELATIVE or w in FUNCTION_WORDS or j in f.cue_tokens or circumstantial(f, j) \
            or participle_shaped(w[1:] if w[:1] == "و" else w) or is_title(w):
        return None  # (ويقول فلان، المدير التنفيذي …: the title in apposition describes the speaker)
    return "unmarked", j, None


def _describes_occasion(f: Facts, j: int) -> bool:
    """وقال روحاني في مداخلة نقلت عبر التلفزيون «…»: a verb right after an indefinite noun of the occasion of
    speaking opens a clause describing it (an indefinite noun takes its relative clause without الذي)."""
    other = f.cue_at.get(j)
    prev = f.an.tokens[j - 1].norm if j > 0 else ""
    return other is not None and other.kind == VERB and prev in EVENT_NOUNS


def _dash_aside(f: Facts, j: int) -> int | None:
    """The token after an aside between dashes that a cue at ``j`` opens (- حسب ما أوردته الصحيفة -), or None."""
    toks = f.an.tokens
    if j == 0 or toks[j - 1].norm not in DASHES:
        return None
    for k in range(j + 1, min(len(toks), j + 12)):
        if not f.an.same_sentence(j, k):
            return None
        if toks[k].norm in DASHES:
            return k + 1
    return None


def _own_occasion(toks, k: int, j: int) -> bool:
    """في كلمته / في نهاية كلمته / في تصريحها / في هذا الصدد (from ``k`` to before ``j``): "in" and a possessed
    noun (or "this" and a noun), the occasion of the words — not a noun that governs the preposition itself (في رده على سؤال "in his reply to")."""
    if toks[k].norm != "في" or j not in (k + 2, k + 3) or any(t.kind != "w" for t in toks[k + 1:j]):
        return False
    if j == k + 3 and toks[k + 1].norm in THIS_THAT and has_al(toks[k + 2].norm):
        return True  # مشيراً في هذا الصدد / في هذا السياق إلى: "in this regard", then the governed preposition
    if j == k + 3 and toks[k + 1].norm == "وقت" and toks[k + 2].norm in _EARLIER_LATER:
        return True  # أعلنت في وقت سابق عن: "earlier", a time, then the governed preposition
    if j == k + 3 and toks[k + 1].norm not in _PART_OF:
        return False
    w = toks[j - 1].norm
    return w.endswith(("ه", "ها", "هم")) and not w.startswith(_GOVERNING) and len(w) > 3


_EARLIER_LATER = frozenset(fold(w) for w in ("سابق", "لاحق", "متأخر", "مبكر"))
_PART_OF = frozenset(fold(w) for w in ("نهاية", "ختام", "بداية", "مستهل", "مطلع", "سياق", "معرض", "أثناء", "خلال"))


def _anaphor(an: Analysis, j: int, w: str, preps: tuple[str, ...]) -> bool:
    """The governed preposition's object is a demonstrative standing alone (إلى ذلك، على هذا، بذلك), not one
    that opens a noun phrase (إلى هذه المشكلة)."""
    toks = an.tokens
    k = j + 1 if w in preps else j
    word = toks[k].norm if k < len(toks) and toks[k].kind == "w" else ""
    if k == j:
        word = word[1:] if word[:1] in ("ب", "ل") else ""
    if word not in DEMONSTRATIVES:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return not (nxt is not None and nxt.kind == "w" and has_al(nxt.norm))


def _object_after_comma(f: Facts, j: int, preps: tuple[str, ...]) -> bool:
    """After the subject and a comma, a noun that is not the governed preposition, a title, a name or an adjunct
    starts the verb's object (an apposition — ، الدكتور فلان، — goes on naming the subject)."""
    toks = f.an.tokens
    if j >= len(toks) or toks[j].kind != "w" or j in f.cue_tokens or j in f.date_at:
        return False  # (أعلنت خلية الإعلام الحربي، السبت، عن: a date between commas is no object)
    w = toks[j].norm
    return not (opens_with_prep(w, preps) or is_title(w) or f.an.is_name_ali(j) or w in ADJUNCT_WORDS
                or w in FUNCTION_WORDS or is_complementizer(f.an, j) or not has_al(w) and not w.endswith("ات"))


_PRONOUN_SUFFIXES = frozenset(("ه", "ها", "هم", "هما", "هن", "ي", "ني", "نا", "ك", "كم"))
_SPEECH = SAYING | {"أوضح", "زاد"}


def _words(an: Analysis, st: Stretch) -> int:
    """How many words the stretch holds between its marks."""
    return sum(1 for t in an.tokens[st.inner[0]:st.inner[1] + 1] if t.kind == "w") if st.inner else 0


def _bare_content(f: Facts, cue: Cue, j: int) -> bool:
    """A speech verb (قال، أضاف، تابع ...) with no subject, followed at once by first-person words or a clause
    opener that no noun phrase starts with (وأضاف يتم حاليا ...، وقال كنا ...): those words are what was said."""
    toks = f.an.tokens
    if cue.kind != VERB or cue.form.lemma not in _SPEECH or j >= len(toks) or not f.an.same_sentence(cue.i, j):
        return False
    w = toks[j].norm
    return (toks[j].kind == "w" and (w in CLAUSE_OPENERS or w in FIRST_PERSON) and w not in COMPLEMENTIZERS
            and w not in ADDRESSEE_PRONOUNS)


def circumstantial(f: Facts, j: int) -> bool:
    """A participle opening a circumstantial clause (سائلاً، معرباً): accusative tanween, or the مُفعِلاً shape."""
    tok = f.an.tokens[j]
    if tok.kind != "w" or j in f.cue_tokens:
        return False
    w = tok.norm
    s, e = f.an.token_span(j, j)
    raw = f.an.text[s:e]
    return w.endswith("ا") and len(w) >= 4 and ("\u064b" in raw or participle_shaped(w))


_SPEAKING = frozenset(fold(w) for w in ("متحدثا", "متحدثة", "متحدثين", "مخاطبا", "مخاطبة"))


def _speaking_to(f: Facts, j: int) -> bool:
    """ويقول فلان، متحدثاً لـ«الشرق الأوسط»، إن ...: a participle that says to whom the words were spoken owns
    no content of its own; the cue's content still follows."""
    toks = f.an.tokens
    return toks[j].norm in _SPEAKING and j + 1 < len(toks) and toks[j + 1].norm[:1] in ("ل", "إ", "ا")


_EN_FUNCTION = frozenset("a an and but or that which who as if in on at to of for with by from he she they it we "
                         "i you has have had was were is are will would also then".split())


def english_subject(f: Facts, cue: Cue) -> Range | None:
    """The subject before an English reporting verb ("the minister said", "Trump told"), or after it in the
    inverted order of a post-posed quote ('"...," said Trump.')."""
    toks = f.an.tokens
    j = cue.i - 1
    words: list[int] = []
    while j >= 0 and len(words) < 5 and toks[j].kind == "w" and toks[j].norm.isascii() \
            and toks[j].norm.lower() not in _EN_FUNCTION - {"the"}:
        words.append(j)
        j -= 1
    if words:
        return words[-1], words[0]
    k = cue.last + 1
    after: list[int] = []
    while k < len(toks) and len(after) < 4 and toks[k].kind == "w" and toks[k].norm[:1].isupper():
        after.append(k)
        k += 1
    return (after[0], after[-1]) if after else None


def typed(f: Facts, cue: Cue, s: int, end: int, rule: str, used: set[int]) -> Record:
    """An indirect content clause, typed direct when the whole clause after the complementizer is quoted,
    mixed when it holds a quoted fragment of the speaker's words."""
    frame = (cue.last + 1, s - 1)
    st = quoted_clause(f, s, end) if rule == "indirect-complementizer" else None
    if st is not None:  # the whole clause after "that" is quoted: the speaker's words however short (بأنه "بنَّاء")
        used.add(st.open)
        return Record([cue], st.inner[0], st.inner[1], "direct", "direct-after-complementizer", frame=frame)
    found = fragments(f, s, end)
    for st in found:
        used.add(st.open)
    if found:
        return Record([cue], s, end, "mixed", "mixed-quoted-fragment", frame=frame)
    return Record([cue], s, end, "indirect", rule, frame=frame)


def quoted_clause(f: Facts, s: int, end: int) -> Stretch | None:
    """The quotation that holds everything after the complementizer at ``s`` up to ``end``, if one does."""
    st = f.by_open.get(s + 1) if s + 1 <= end else None
    return st if st is not None and st.inner is not None and st.close >= end else None


def fragments(f: Facts, s: int, end: int) -> list[Stretch]:
    """The whole quotations of someone's words (not quoted names) inside ``s .. end``: what makes content mixed."""
    out = []
    for k in range(bisect_left(f.stretches, s, key=lambda st: st.open), len(f.stretches)):
        st = f.stretches[k]
        if st.open > end:
            break
        if st.close <= end and not f.name_like[st.open]:
            out.append(st)
    return out


def writer_cue_inside(f: Facts, st: Stretch) -> tuple[int, Record] | None:
    """وقال سموه "إن ...، مؤكداً سموه أن ...": one pair of marks that also holds the writer's circumstantial
    participle (after a comma, with an honorific subject or none, then a complementizer or its preposition) is two
    quotes. Returns the last token of the first one and the record of the second one."""
    toks = f.an.tokens
    for k in range(bisect_left(f.inner_cues, st.open + 3, key=lambda c: c.i), len(f.inner_cues)):
        c = f.inner_cues[k]  # (the inner cues of this stretch only)
        if c.i >= st.close - 1:
            break
        if c.kind != PARTICIPLE or toks[c.i - 1].norm not in CLAUSE_PUNCT:
            continue
        j = c.last + 1
        speaker = (j, j) if is_honorific(toks[j].norm) else None
        j += 1 if speaker else 0
        preps = {fold(p) for p in c.form.preps}
        if j + 1 < st.close and toks[j].norm in preps and is_complementizer(f.an, j + 1):
            j += 1  # مشيراً إلى أن: the content starts at the complementizer
        if j >= st.close - 1 or not (is_complementizer(f.an, j) or toks[j].norm in preps):
            continue
        first_last = c.i - 2
        while first_last > st.open + 1 and toks[first_last].kind == "p":
            first_last -= 1
        tail = Record([c], j, st.inner[1], "direct", "direct-split-writer-cue", speaker=speaker,
                      speaker_rule="speaker-after-cue" if speaker else "", frame=(c.last + 1, j - 1))
        return first_last, tail
    return None
