"""The suggestion engine: cues, quotes, speakers and dates of one document assembled into a suggestion layer.

Every quote suggestion is a whole record: QUOTE (with ``type``) + SAID_BY -> SPEAKER (with ``entity``) +
CUE -> CUE (one or more: وأوضح ... قائلاً) + DATED -> DATE when a date stands between the cue and the content
(``أعلنت أمس الشرطة أن``). A cue with no subject of its own (وأضاف، مؤكداً) points SAID_BY to the speaker
mention of the nearest earlier top-level attribution (agreeing in gender when the cue shows it).
Span and relation ids are derived from the document id and the range, so a re-run gives the same ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document
from .arabic import CLAUSE_PUNCT, SENTENCE_END, Analysis, fold
from .cues import MASDAR, PARTICIPLE, SOURCE, VERB, Cue, find_cues, is_wording_phrase
from .dates import DateMatch, find_dates
from .quotes import (PREPOSITIONS, Stretch, is_complementizer, is_discourse_an, is_name_like, is_speech_like,
                     pair_marks)
from .speakers import OBJECT_HEADS, gender_of, speaker_after, speaker_before

_MAX_FRAME = 32  # tokens between a cue and its content
_MAX_SENTENCES_BACK = 5  # how far a subject-less cue looks back for the attribution it continues
_SUBJUNCTIVE = frozenset(fold(w) for w in ("أن", "ان", "لكي", "كي", "لن", "حتى", "ألا", "لئلا"))
_TRAIL = frozenset(fold(w) for w in ("و", "كما", "مع", "فيما", "وفي", "في", "هذا", "الصدد", "ذلك", "وذلك", "حيث",
                                     "ثم", "وقد", "قد", "بدوره", "بدورها", "من", "جهته", "جهتها", "جانبه",
                                     "جانبها", "هذه", "الاثناء", "إلى", "بينما", "وهو", "وهي", "وأيضا"))


@dataclass
class _Record:
    cues: list[Cue]
    first: int  # content tokens, inclusive
    last: int
    qtype: str
    rule: str
    speaker: tuple[int, int] | None = None
    speaker_rule: str = ""
    antecedent: "_Record | None" = None
    top_level: bool = True
    feminine: bool | None = None
    frame: tuple[int, int] = (0, -1)  # tokens between the cue and the content (where DATED dates stand)
    extra_cues: list[tuple[int, int]] = field(default_factory=list)  # حسب تعبيره


class _Doc:
    """Everything the rules know about one document while they run."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.an = an = Analysis(doc.text)
        self.stretches = pair_marks(an)
        self.by_open = {s.open: s for s in self.stretches}
        self.inside: dict[int, Stretch] = {}
        for st in self.stretches:
            for k in range(st.open, st.close + 1):
                self.inside[k] = st
        self.name_like = {st.open: is_name_like(an, st) for st in self.stretches}
        dates = find_dates(an, doc.date)
        self.dates: list[tuple[DateMatch, int, int]] = []
        for d in dates:
            a = an.token_at(d.norm_start)
            b = an.token_at(d.norm_end - 1)
            if a is None or b is None:
                continue
            st = self.inside.get(a)
            if st is not None and self.name_like[st.open]:
                continue  # قناة “روسيا اليوم”: part of a name
            self.dates.append((d, a, b))
        self.date_at = {a: b for _, a, b in self.dates}
        self.cues = [c for c in find_cues(an) if not self._in_quotation(c.i)]
        self.cue_at = {c.i: c for c in self.cues}
        self.cue_tokens = {c.i for c in self.cues}
        self.has_content: dict[int, bool] = {}
        self.np_after: dict[int, tuple[int, int] | None] = {}
        for c in self.cues:
            if an.tokens[c.i].norm.isascii():
                self.np_after[c.i] = None  # English is subject-verb: see _english_subject
            elif c.kind in (VERB, SOURCE):
                glued = tuple(p for p in (fold(x) for x in c.form.preps) if len(p) == 1)
                self.np_after[c.i] = speaker_after(an, c.last, self.by_open, self.date_at, self.cue_tokens, glued)
            else:
                self.np_after[c.i] = None

        for c in self.cues:
            np = self.np_after.get(c.i)
            found = _scan(self, c, (np[1] + 1) if np else c.last + 1)
            self.has_content[c.i] = found is not None and found[0] != "stop"

    def _in_quotation(self, i: int) -> bool:
        """Cues inside quotation marks are the speaker's own words (or a name), not an attribution."""
        st = self.inside.get(i)
        return st is not None and st.open < i < st.close


def _wording_at(d: _Doc, j: int) -> int | None:
    return is_wording_phrase(d.an, j)


def _scan(d: _Doc, cue: Cue, start: int) -> tuple[str, int, object] | None:
    """What follows a cue: ("direct", stretch), ("indirect", token, rule), ("stop", next cue) or None."""
    an, toks = d.an, d.an.tokens
    n = len(toks)
    if cue.kind == SOURCE:
        # بحسب الوزارة، فإن ... / وفقاً لـ X: «...»: the content must follow the source at once; anything else
        # (بحسب الخطة، وفق تقرير ... الذي) is a circumstance, not an attribution.
        j = start
        while j < n and toks[j].kind == "p" and toks[j].norm in CLAUSE_PUNCT | {":"}:
            j += 1
        if j < n and an.same_sentence(cue.i, j):
            if is_complementizer(an, j):
                return "indirect", j, "indirect-complementizer"
            st = d.by_open.get(j)
            if st is not None and st.inner is not None and not d.name_like[st.open]:
                return "direct", j, ("direct-after-cue", st)
        return None
    preps = tuple(fold(p) for p in cue.form.preps)
    j = start
    words_since_start = 0
    while j < n and an.same_sentence(cue.i, j) and j - cue.last <= _MAX_FRAME:
        t = toks[j]
        if j in d.cue_tokens and j > cue.last:
            if _wording_at(d, j) is None:
                return "stop", j, None
        if t.kind == "p":
            if t.norm == ":":
                st = d.by_open.get(j + 1)
                if st is not None and st.inner is not None:
                    return "direct", j + 1, ("direct-colon", st)
                if j + 1 < n and is_complementizer(an, j + 1):  # وقال: إن ...
                    return "indirect", j + 1, "indirect-complementizer"
                if j + 1 < n and _first_person_clause(d, j + 1):  # واختتم بقوله: فوجئنا ... إننا
                    return "unmarked", j + 1, "direct-colon-unmarked"
                return None
            st = d.by_open.get(j)
            if st is not None:
                if d.name_like[st.open]:
                    j = st.close + 1
                    words_since_start += 1
                    continue
                if is_speech_like(an, st):
                    return "direct", j, ("direct-after-cue", st)
                j = st.close + 1
                continue
            if t.norm in SENTENCE_END:
                return None
            if t.norm in CLAUSE_PUNCT and j + 1 < n and _circumstantial(d, j + 1):
                return None  # ...، سائلاً الله أن: a new circumstantial clause owns what follows
            j += 1
            continue
        if is_discourse_an(an, j):
            return None
        if t.norm.lower() == "that" and toks[cue.i].norm.isascii():
            return "indirect", j, "indirect-complementizer"
        if is_complementizer(an, j):
            if cue.form.strict and j != start:
                return None
            return "indirect", j, "indirect-complementizer"
        if preps and words_since_start <= 3 and cue.kind != MASDAR:
            w = t.norm
            glued = next((p for p in preps if len(p) == 1 and w.startswith(p) and len(w) > 3), None)
            if w in preps or glued:
                k = j + 1
                if w in preps and k < n and is_complementizer(an, k):
                    j = k
                    continue
                if not (w in preps and k < n and toks[k].kind == "w" and k in d.cue_tokens):
                    return "indirect", j, "indirect-preposition"
        if t.norm in ("في", "من", "علي", "عن", "مع", "الي") and t.norm not in preps:
            words_since_start = 99  # an adjunct has started: a governed preposition is no longer next
        words_since_start += 1
        j += 1
    return None


def _circumstantial(d: _Doc, j: int) -> bool:
    """A participle opening a circumstantial clause (سائلاً، معرباً): accusative tanween, or the مُفعِلاً shape."""
    tok = d.an.tokens[j]
    if tok.kind != "w" or j in d.cue_tokens:
        return False
    w = tok.norm
    s, e = d.an.token_span(j, j)
    raw = d.an.text[s:e]
    return w.endswith("ا") and len(w) >= 4 and ("\u064b" in raw or (w.startswith("م") and len(w) >= 5))


def _ends_content(d: _Doc, k: int) -> bool:
    """Does the cue at token k start a new attribution (so the running content ends before it)?"""
    cue = d.cue_at[k]
    toks = d.an.tokens
    prev = toks[k - 1].norm if k else ""
    if cue.kind == PARTICIPLE or cue.kind == SOURCE:
        return True
    if cue.kind == MASDAR:
        return prev in ("مع", "و")
    word = toks[k].norm
    if not d.has_content.get(k):
        return False  # التحقيق وكشف ملابسات الحادث: a verbal noun that looks like a cue, with no content of its own
    if word[:1] in ("و", "ف") and cue.form.lemma[:1] not in ("و", "ف") or prev == "كما":
        return True
    if d.np_after.get(k) is not None:
        for b in range(k - 1, max(-1, k - 5), -1):
            if toks[b].kind == "p" and toks[b].norm in CLAUSE_PUNCT:
                return toks[b + 1].norm.startswith("و") and b + 1 != k
    return False


def _content_end(d: _Doc, s: int) -> tuple[int, int | None]:
    """Last token of the indirect content starting at ``s``, and a wording phrase that closes it (if any)."""
    an, toks = d.an, d.an.tokens
    n = len(toks)
    k = s + 1
    wording = None
    while k < n and an.same_sentence(s, k):
        t = toks[k]
        if t.kind == "p" and t.norm in SENTENCE_END:
            break
        st = d.inside.get(k)
        if st is not None and st.open == k and st.close > k:
            k = st.close + 1
            continue
        w = _wording_at(d, k)
        if w is not None:
            wording = k
            break
        if k in d.cue_tokens and k > s + 1 and _ends_content(d, k):
            break
        k += 1
    end = k - 1
    while end > s and (toks[end].kind == "p" and toks[end].norm not in "»”\"’›" or toks[end].norm in _TRAIL):
        end -= 1
    return end, wording


def _antecedent(d: _Doc, records: list[_Record], cue: Cue, before: int) -> _Record | None:
    """The attribution a subject-less cue continues: the nearest earlier top-level one with a speaker whose
    gender does not clash with the cue's (مؤكدةً after البنك الدولي is someone else)."""
    want = _cue_gender(d, cue)
    here = d.an.sentence[cue.i]
    for r in reversed(records):
        if not (r.top_level and r.speaker is not None and r.cues[0].i < before):
            continue
        if here - d.an.sentence[r.cues[0].i] > _MAX_SENTENCES_BACK:
            return None  # too far back: the subject was introduced by a verb that is not a cue
        have = gender_of([t.norm for t in d.an.words(*r.speaker)])
        if want and have and want != have:
            continue
        return r
    return None


def _cue_gender(d: _Doc, cue: Cue) -> str | None:
    """f / m when the cue's own form shows the subject's gender (أكدت، مؤكدة، قولها، يقول), else None."""
    word = d.an.tokens[cue.i].norm
    if cue.kind == MASDAR:
        return "f" if word.endswith("ها") else ("m" if word.endswith("ه") else None)
    if cue.kind == PARTICIPLE:  # plural معتبرين agrees with groups of either gender: no clue
        return "f" if word.endswith("ة") else ("m" if word.endswith("ا") else None)
    if cue.kind == VERB and cue.form.tense == "perfect":
        return "f" if cue.form.feminine else "m"
    return None


def analyse(doc: Document) -> tuple[_Doc, list[_Record]]:
    d = _Doc(doc)
    an, toks = d.an, d.an.tokens
    records: list[_Record] = []
    used_stretches: set[int] = set()
    pending: tuple[Cue, tuple[int, int]] | None = None
    for cue in d.cues:
        if _wording_at(d, cue.i) is not None:
            continue
        np = d.np_after.get(cue.i)
        if cue.form.impersonal and np is None:
            pending = None
            continue
        if np is None and cue.i > 0 and toks[cue.i - 1].norm in _SUBJUNCTIVE:
            continue  # بدلاً من أن تحث على ...: a verb governed by أن, not a report
        if cue.form.lemma == "أشار" and cue.form.tense == "imperfect" and not _titled(d, np):
            continue  # تشير الأرقام / ويشير تنامي الاحتياطات إلى أن: "indicates", said of things, not people
        start = (np[1] + 1) if np else cue.last + 1
        if np and d.inside.get(np[1]) is not None and d.inside[np[1]].close > np[1]:
            start = d.inside[np[1]].close + 1
        found = _scan(d, cue, start)
        own_pending = pending if pending and pending[0].i < cue.i and an.same_sentence(pending[0].i, cue.i) else None
        pending = None
        if found is None or found[0] == "stop":
            if found is not None and np is not None and _continues(d, cue, found[1]):
                pending = (cue, np)
                continue
            obj = _object_content(d, cue, np, start) if found is None else None
            if obj is not None:
                end, wording = _content_end(d, obj)
                if end >= obj:
                    rec = _typed(d, cue, obj, end, "indirect-object", used_stretches)
                    rec.top_level = not any(r.first <= cue.i <= r.last for r in records)
                    rec.speaker, rec.speaker_rule = np, "speaker-after-cue"
                    records.append(rec)
                continue
            rec = _postposed(d, cue, used_stretches)
            if rec is None:
                continue
        elif found[0] == "unmarked":
            s0 = found[1]
            end = d.an.sentence_bounds[d.an.sentence[s0]][1]
            while end > s0 and toks[end].kind == "p" and toks[end].norm in SENTENCE_END | CLAUSE_PUNCT:
                end -= 1
            rec = _Record([cue], s0, end, "direct", found[2], frame=(cue.last + 1, s0 - 2))
        elif found[0] == "direct":
            rule, st = found[2]
            if st.open in used_stretches:
                continue
            rec = _Record([cue], st.inner[0], st.inner[1], "direct", rule, frame=(cue.last + 1, st.open - 1))
            used_stretches.add(st.open)
        else:
            s = found[1]
            end, wording = _content_end(d, s)
            if end < s:
                continue
            rec = _typed(d, cue, s, end, found[2], used_stretches)
            if wording is not None:
                last = is_wording_phrase(an, wording)
                rec.extra_cues.append((wording, last))
        rec.top_level = not any(r.first <= cue.i <= r.last for r in records)
        # Who said it.
        if toks[cue.i].norm.isascii() and rec.speaker is None:
            rec.speaker = _english_subject(d, cue)
            rec.speaker_rule = "speaker-before-cue" if rec.speaker else ""
        if rec.speaker is not None:
            pass
        elif own_pending is not None:
            rec.cues.insert(0, own_pending[0])
            rec.speaker, rec.speaker_rule = own_pending[1], "speaker-after-cue"
            rec.frame = (own_pending[0].last + 1, rec.frame[1])
        elif np is not None:
            rec.speaker, rec.speaker_rule = np, ("source-after-cue" if cue.kind == SOURCE else "speaker-after-cue")
        elif cue.kind == VERB and toks[cue.i].norm[:1] not in ("و", "ف"):
            before = speaker_before(an, cue.i, d.cue_tokens, require_title=False)
            if before is not None:
                rec.speaker, rec.speaker_rule = before, "speaker-before-cue"
        elif cue.kind == MASDAR:
            before = speaker_before(an, cue.i, d.cue_tokens, require_title=True)
            if before is not None:
                rec.speaker, rec.speaker_rule = before, "speaker-before-cue"
        if rec.speaker is None:
            inna = _subject_after_inna(d, cue, records) if cue.kind == PARTICIPLE else None
            if inna is not None:
                rec.speaker, rec.speaker_rule = inna, "speaker-clause-subject"
        if rec.speaker is None and rec.antecedent is None:
            ante = _antecedent(d, records, cue, cue.i)
            if ante is not None:
                rec.antecedent, rec.speaker_rule = ante, "speaker-antecedent"
        records.append(rec)
    return d, records


def _subject_after_inna(d: _Doc, cue: Cue, records: list[_Record]) -> tuple[int, int] | None:
    """غير أن منظمات غير حكومية سارعت ...، مؤكدةً أنها: a participle whose clause opens with a connective + أنّ
    takes the noun phrase after أنّ (its subject) as the speaker."""
    toks = d.an.tokens
    k = cue.i - 1
    while k > 0 and d.an.same_sentence(cue.i, k) and cue.i - k < 40:
        if any(r.first <= k <= r.last for r in records):
            return None  # the connective belongs to someone's reported words
        if is_discourse_an(d.an, k):
            np = speaker_after(d.an, k, d.by_open, d.date_at, d.cue_tokens)
            if np is None or np[1] >= cue.i:
                return None
            # The subject is followed by its verb (منظمات غير حكومية سارعت): a word with the perfect's
            # feminine ت ending after the first word closes the noun phrase.
            for j in range(np[0] + 1, np[1] + 1):
                w = toks[j].norm
                if w.endswith("ت") and not w.endswith("ات") and not w.startswith("ال"):
                    return (np[0], j - 1)
            return np
        k -= 1
    return None


_FIRST_PERSON = frozenset(fold(w) for w in (
    "نحن", "أنا", "إننا", "إنني", "إني", "أننا", "أنني", "لنا", "لدينا", "علينا", "عندنا", "منا", "بنا", "فينا",
    "إلينا", "لي", "لدي", "عندي", "علي", "مني", "بي", "معنا", "معي", "نفسي", "أنفسنا", "بيني", "بيننا", "إنا",
    "لأنني", "لأننا", "فإنني", "فإننا"))


def _first_person_clause(d: _Doc, j: int) -> bool:
    """Unmarked words after a colon are a direct quote only when they speak in the first person (the
    guidelines' convention); no complementizer, no quotation mark."""
    toks = d.an.tokens
    k = j
    while k < len(toks) and d.an.same_sentence(j, k) and k - j < 40:
        w = toks[k].norm
        if w in _FIRST_PERSON or (w[:1] in ("و", "ف") and w[1:] in _FIRST_PERSON):
            return True
        k += 1
    return False


def _titled(d: _Doc, np: tuple[int, int] | None) -> bool:
    from .speakers import TITLES

    return np is not None and any(t.norm in TITLES or t.norm[2:] in TITLES for t in d.an.words(*np))


def _continues(d: _Doc, cue: Cue, k: int) -> bool:
    """وأوضح فلان قائلاً: / وأعرب فلان عن اعتقاده أن: the next cue carries this verb's content, so the verb's
    subject is its speaker. Only a speech verb followed by قائلاً, or by a verbal noun governed by a
    preposition (عن اعتقاده، بتأكيده), continues like that."""
    if cue.kind != VERB or cue.form.weak:
        return False
    nxt = d.cue_at.get(k)
    if nxt is None:
        return False
    if nxt.kind == PARTICIPLE and nxt.form.lemma == "قال":
        return True
    prev = d.an.tokens[k - 1].norm if k else ""
    return nxt.kind == MASDAR and (prev in PREPOSITIONS or d.an.tokens[k].norm.startswith("ب"))


# Verbs whose content can be their direct object (أكد أهميةَ ...، يتوقع سباقاً ...، نفى وجودَ ...).
_OBJECT_VERBS = frozenset(("أكد", "توقع", "نفى", "رجح", "استبعد"))



def _object_content(d: _Doc, cue: Cue, np: tuple[int, int] | None, start: int) -> int | None:
    """The first token of a direct-object content right after the explicit subject, or None."""
    if cue.kind != VERB or np is None or cue.form.lemma not in _OBJECT_VERBS:
        return None
    toks = d.an.tokens
    j = start
    if j < len(toks) and toks[j].norm == "(":  # مورينيو (52 عاما) سباقا
        while j < len(toks) and toks[j].norm != ")" and j - start < 6:
            j += 1
        j += 1
    if j >= len(toks) or toks[j].kind != "w" or not d.an.same_sentence(cue.i, j):
        return None
    w = toks[j].norm
    if w.startswith("ال") or j in d.cue_tokens:
        return None
    if w in OBJECT_HEADS or (w.endswith("ا") and len(w) >= 4 and not w.startswith(("ل", "ب"))):
        return j
    return None


_AS = frozenset(fold(w) for w in ("كما", "حسبما", "بحسبما", "وفقما", "مثلما"))
_EN_FUNCTION = frozenset("a an and but or that which who as if in on at to of for with by from he she they it we "
                         "i you has have had was were is are will would also then".split())


def _english_subject(d: _Doc, cue: Cue) -> tuple[int, int] | None:
    """The subject before an English reporting verb ("the minister said", "Trump told"), or after it in the
    inverted order of a post-posed quote ('"...," said Trump.')."""
    toks = d.an.tokens
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


def _postposed(d: _Doc, cue: Cue, used: set[int]) -> _Record | None:
    """«...»، قال فلان: a speech stretch right before the cue; or ...، كما أفادت السلطات. : the clause before
    "as X reported" at the end of a sentence."""
    toks = d.an.tokens
    j = cue.i - 1
    if toks[cue.i].norm.isascii():
        subject = _english_subject(d, cue)
        if subject is not None and subject[1] < cue.i:
            j = subject[0] - 1
    if (j > 0 and toks[j].norm in _AS and cue.kind == VERB and d.np_after.get(cue.i) is not None
            and toks[j - 1].norm in CLAUSE_PUNCT):
        np = d.np_after[cue.i]
        after = np[1] + 1
        if after >= len(toks) or not d.an.same_sentence(cue.i, after) or toks[after].norm in SENTENCE_END:
            first = d.an.sentence_bounds[d.an.sentence[cue.i]][0]
            last = j - 2
            while last > first and toks[last].kind == "p":
                last -= 1
            if last - first >= 3 and not any(first <= c < j for c in d.cue_tokens):
                return _Record([cue], first, last, "indirect", "indirect-before-cue", frame=(cue.last + 1, cue.last))
    while j >= 0 and toks[j].kind == "p" and toks[j].norm in CLAUSE_PUNCT:
        j -= 1
    if j < 0 or toks[j].kind != "p":
        return None
    st = d.inside.get(j)
    if st is None or st.close != j or st.open in used or st.inner is None or not is_speech_like(d.an, st):
        return None
    if cue.kind not in (VERB, SOURCE):
        return None
    if d.np_after.get(cue.i) is None and not (toks[cue.i].norm.isascii() and _english_subject(d, cue)):
        return None
    used.add(st.open)
    return _Record([cue], st.inner[0], st.inner[1], "direct", "direct-before-cue", frame=(cue.last + 1, cue.last))


def _typed(d: _Doc, cue: Cue, s: int, end: int, rule: str, used: set[int]) -> _Record:
    """An indirect content clause, typed direct when the whole clause after the complementizer is quoted,
    mixed when it holds a quoted fragment of the speaker's words."""
    frame = (cue.last + 1, s - 1)
    if rule == "indirect-complementizer" and s + 1 <= end:
        st = d.by_open.get(s + 1)
        # the whole clause after "that" is quoted: the speaker's words however short (بأنه "بنَّاء")
        if st is not None and st.inner is not None and st.close >= end:
            used.add(st.open)
            return _Record([cue], st.inner[0], st.inner[1], "direct", "direct-after-complementizer", frame=frame)
    fragments = [st for st in d.stretches if s <= st.open and st.close <= end and not d.name_like[st.open]]
    for st in fragments:
        used.add(st.open)
    if fragments:
        return _Record([cue], s, end, "mixed", "mixed-quoted-fragment", frame=frame)
    return _Record([cue], s, end, "indirect", rule, frame=frame)
