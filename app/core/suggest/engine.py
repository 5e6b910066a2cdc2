"""The suggestion engine: cues, quotes, speakers and dates of one document assembled into a suggestion layer.

Every quote suggestion is a whole record: QUOTE (with ``type``) + SAID_BY -> SPEAKER (with ``entity``) +
CUE -> CUE (one or more: وأوضح ... قائلاً) + DATED -> DATE when a date stands between the cue and the content
(``أعلنت أمس الشرطة أن``). A cue with no subject of its own (وأضاف، مؤكداً) points SAID_BY to the speaker
mention of the nearest earlier top-level attribution (agreeing in gender when the cue shows it).
Span and relation ids are derived from the document id and the range, so a re-run gives the same ids.
This module decides who said what (subjects, antecedents, gender); :mod:`.clauses` decides what was said.
"""

from __future__ import annotations

from ..model import Document
from ..text.arabic import CLAUSE_PUNCT, fold
from .arabic import Analysis
from .clauses import Record, content_end, english_subject, first_person_clause, postposed, scan, typed, wording_at
from .cues import AGENT, MASDAR, PARTICIPLE, SOURCE, VERB, Cue, find_cues, is_wording_phrase
from .dates import DateMatch, find_dates
from .nouns import NOUN, find_speech_nouns, speech_noun_record
from .quotes import PREPOSITIONS, Stretch, is_complementizer, is_discourse_an, is_name_like, pair_marks
from .coref import is_honorific
from .speakers import ADJUNCT_WORDS, OBJECT_HEADS, TITLES, gender_of, speaker_after, speaker_before

_MAX_SENTENCES_BACK = 5  # how far a subject-less cue looks back for the attribution it continues
_SUBJUNCTIVE = frozenset(fold(w) for w in ("أن", "ان", "لكي", "كي", "لن", "حتى", "ألا", "لئلا"))
_TEMPORAL = frozenset(fold(w) for w in ("قبل", "بعد", "منذ"))


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
        found_cues = find_cues(an)
        found_cues = sorted(found_cues + find_speech_nouns(an, {c.i for c in found_cues}), key=lambda c: c.i)
        self.cues = [c for c in found_cues if not self._in_quotation(c.i)]
        self.inner_cues = [c for c in found_cues if self._in_quotation(c.i)]
        self.cue_at = {c.i: c for c in self.cues}
        self.cue_tokens = {c.i for c in self.cues}
        self.has_content: dict[int, bool] = {}
        self.np_after: dict[int, tuple[int, int] | None] = {}
        for c in self.cues:
            if an.tokens[c.i].norm.isascii():
                self.np_after[c.i] = None  # English is subject-verb: see english_subject
            elif c.kind in (VERB, SOURCE) or c.form.tense == AGENT:
                glued = tuple(p for p in (fold(x) for x in c.form.preps) if len(p) == 1)
                self.np_after[c.i] = speaker_after(an, c.last, self.by_open, self.date_at, self.cue_tokens, glued)
            else:
                self.np_after[c.i] = None

        for c in self.cues:
            if c.kind == NOUN:
                self.has_content[c.i] = speech_noun_record(self, c) is not None
                continue
            np = self.np_after.get(c.i)
            start = (np[1] + 1) if np else c.last + 1
            found = scan(self, c, start)
            self.has_content[c.i] = (found is not None and found[0] != "stop") or (
                found is None and _object_content(self, c, np, start) is not None)

    def _in_quotation(self, i: int) -> bool:
        """Cues inside quotation marks are the speaker's own words (or a name), not an attribution."""
        st = self.inside.get(i)
        return st is not None and st.open < i < st.close


def _antecedent(d: _Doc, records: list[Record], cue: Cue, before: int) -> Record | None:
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


def analyse(doc: Document) -> tuple[_Doc, list[Record]]:
    d = _Doc(doc)
    an, toks = d.an, d.an.tokens
    records: list[Record] = []
    used_stretches: set[int] = set()
    pending: tuple[Cue, tuple[int, int]] | None = None
    for cue in d.cues:
        tail = None
        if cue.kind == NOUN:
            rec = speech_noun_record(d, cue) if d.has_content.get(cue.i) else None
            if rec is not None:
                rec.top_level = not any(r.first <= cue.i <= r.last for r in records)
                records.append(rec)
            continue
        if wording_at(d, cue.i) is not None:
            continue
        if any(r.qtype == "direct" and r.first <= cue.i <= r.last for r in records[-3:]):
            continue  # inside unmarked direct words (وقال: أعتقد أن ...): the speaker's own words, like in marks
        np = d.np_after.get(cue.i)
        if cue.form.impersonal and np is None:
            pending = None
            continue
        if (np is None and cue.i > 0 and toks[cue.i - 1].norm in _SUBJUNCTIVE
                and not (cue.i > 1 and toks[cue.i - 2].norm in _TEMPORAL)):
            continue  # بدلاً من أن تحث على ...: a verb governed by أن, not a report (but بعد أن أكد happened)
        if (np is None and cue.kind == VERB and toks[cue.i].norm[:1] not in ("و", "ف") and _in_writer_frame(d, cue)
                and speaker_before(an, cue.i, d.cue_tokens, require_title=False) is None):
            continue  # يشار إلى أنه في وقت سابق أعلن عن أن: an impersonal passive inside the writer's remark
        if cue.form.lemma in ("أشار", "أفاد") and cue.form.tense == "imperfect" and not _titled(d, np):
            continue  # تشير الأرقام / ويشير تنامي الاحتياطات إلى أن: "indicates", said of things, not people
        start = (np[1] + 1) if np else cue.last + 1
        if np and d.inside.get(np[1]) is not None and d.inside[np[1]].close > np[1]:
            start = d.inside[np[1]].close + 1
        found = scan(d, cue, start)
        own_pending = pending if pending and pending[0].i < cue.i and an.same_sentence(pending[0].i, cue.i) else None
        pending = None
        if found is None or found[0] == "stop":
            if found is not None and _continues(d, cue, found[1]) and (np is not None or found[1] == cue.last + 1):
                pending = (cue, np)  # وأوضح فلان قائلاً / وتابع قائلاً: one statement with two cues
                continue
            subject = np
            if subject is None and cue.kind == VERB and toks[cue.i].norm[:1] not in ("و", "ف"):
                subject = speaker_before(an, cue.i, d.cue_tokens, require_title=True)  # المدرب فلان ...، أكد عدمَ
            obj = _object_content(d, cue, subject, start) if found is None or found[0] == "stop" else None
            if obj is not None:
                end, wording = content_end(d, obj, phrase=True)
                if end >= obj:
                    rec = typed(d, cue, obj, end, "indirect-object", used_stretches)
                    rec.top_level = not any(r.first <= cue.i <= r.last for r in records)
                    rec.speaker = subject
                    rec.speaker_rule = "speaker-after-cue" if subject == np else "speaker-before-cue"
                    records.append(rec)
                continue
            rec = postposed(d, cue, used_stretches)
            if rec is None:
                continue
        elif found[0] == "unmarked":
            # Words after a colon without marks: to the end of the reported clause (the sentence end or a new
            # attribution: مبدياً، واعترف ...), direct when they speak in the first person, else indirect.
            s0 = found[1]
            end, _ = content_end(d, s0)
            if end < s0:
                continue
            first = first_person_clause(d, s0, end)
            rec = Record([cue], s0, end, "direct" if first else "indirect",
                         "direct-colon-unmarked" if first else "indirect-colon-unmarked", frame=(cue.last + 1, s0 - 2))
        elif found[0] == "direct":
            rule, st = found[2]
            if st.open in used_stretches:
                continue
            tail = _writer_cue_inside(d, st)
            last = st.inner[1] if tail is None else tail[0]
            rec = Record([cue], st.inner[0], last, "direct", rule, frame=(cue.last + 1, st.open - 1))
            tail = tail[1] if tail is not None else None
            used_stretches.add(st.open)
        else:
            s = found[1]
            end, wording = content_end(d, s)
            if end < s:
                continue
            rec = typed(d, cue, s, end, found[2], used_stretches)
            if wording is not None:
                last = is_wording_phrase(an, wording)
                rec.extra_cues.append((wording, last))
        rec.top_level = not any(r.first <= cue.i <= r.last for r in records)
        # Who said it.
        if toks[cue.i].norm.isascii() and rec.speaker is None:
            rec.speaker = english_subject(d, cue)
            rec.speaker_rule = "speaker-before-cue" if rec.speaker else ""
        if rec.speaker is not None:
            pass
        elif own_pending is not None:
            rec.cues.insert(0, own_pending[0])
            if own_pending[1] is not None:
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
            if before is None:
                before = _light_verb_subject(d, cue)
            if before is not None:
                rec.speaker, rec.speaker_rule = before, "speaker-before-cue"
        if rec.speaker is None:
            inna = _subject_after_inna(d, cue, records) if cue.kind == PARTICIPLE else None
            if inna is not None:
                rec.speaker, rec.speaker_rule = inna, "speaker-clause-subject"
        if rec.speaker is None and rec.antecedent is None:
            ante = _antecedent(d, records, cue, cue.i)
            if ante is None or not an.same_sentence(ante.cues[0].i, cue.i):
                subject = _sentence_subject(d, cue)
                if subject is not None:
                    rec.speaker, rec.speaker_rule, ante = subject, "speaker-clause-subject", None
            if ante is not None:
                rec.antecedent, rec.speaker_rule = ante, "speaker-antecedent"
        records.append(rec)
        if tail is not None:
            tail.top_level = rec.top_level
            if tail.speaker is None:
                tail.antecedent, tail.speaker_rule = rec, "speaker-antecedent"
            records.append(tail)
    records.extend(_continued_paragraphs(d, records, used_stretches))
    return d, _without_nested_repeats(records)


def _continued_paragraphs(d: _Doc, records: list[Record], used: set[int]) -> list[Record]:
    """A paragraph that is one quotation and has no cue of its own, right after a paragraph that ended in a
    direct quote, continues that quote's speaker (long quotations run over several paragraphs)."""
    an, toks = d.an, d.an.tokens
    line_first: dict[int, int] = {}
    for t in toks:
        line_first.setdefault(an.line[t.i], t.i)
    out: list[Record] = []
    by_line_end = {an.line[r.last]: r for r in records if r.qtype == "direct"}
    for st in d.stretches:
        if st.open in used or st.inner is None or d.name_like[st.open] or line_first.get(an.line[st.open]) != st.open:
            continue
        line = an.line[st.open]
        prev = by_line_end.get(line - 1)
        after = st.close + 1
        if prev is None or (after < len(toks) and an.line[after] == line and toks[after].norm not in ".،,"):
            continue  # the quotation must fill its paragraph
        if any(c.i > prev.last and an.line[c.i] in (line - 1, line) for c in d.cues):
            continue
        if any(toks[k].kind != "p" for k in range(prev.last + 1, len(toks)) if an.line[k] == line - 1):
            continue  # the previous paragraph must end with that quote
        rec = Record(list(prev.cues), st.inner[0], st.inner[1], "direct", "direct-continued-paragraph",
                     antecedent=prev, speaker_rule="speaker-antecedent", frame=(st.open, st.open - 1))
        used.add(st.open)
        by_line_end[line] = rec
        out.append(rec)
    return out


def _writer_cue_inside(d: _Doc, st: Stretch) -> tuple[int, Record] | None:
    """وقال سموه "إن ...، مؤكداً سموه أن ...": one pair of marks that also holds the writer's circumstantial
    participle (after a comma, with an honorific subject or none, then a complementizer or its preposition) is two
    quotes. Returns the last token of the first one and the record of the second one."""
    toks = d.an.tokens
    for c in d.inner_cues:
        if not (st.open + 2 < c.i < st.close - 1) or c.kind != PARTICIPLE or toks[c.i - 1].norm not in CLAUSE_PUNCT:
            continue
        j = c.last + 1
        speaker = (j, j) if is_honorific(toks[j].norm) else None
        j += 1 if speaker else 0
        preps = {fold(p) for p in c.form.preps}
        if j + 1 < st.close and toks[j].norm in preps and is_complementizer(d.an, j + 1):
            j += 1  # مشيراً إلى أن: the content starts at the complementizer
        if j >= st.close - 1 or not (is_complementizer(d.an, j) or toks[j].norm in preps):
            continue
        first_last = c.i - 2
        while first_last > st.open + 1 and toks[first_last].kind == "p":
            first_last -= 1
        tail = Record([c], j, st.inner[1], "direct", "direct-split-writer-cue", speaker=speaker,
                      speaker_rule="speaker-after-cue" if speaker else "", frame=(c.last + 1, j - 1))
        return first_last, tail
    return None


def _source_of(rec: Record) -> tuple[int, int] | None:
    while rec.speaker is None and rec.antecedent is not None:
        rec = rec.antecedent
    return rec.speaker


def _without_nested_repeats(records: list[Record]) -> list[Record]:
    """Drop an attribution by a verbal noun whose content lies inside the content of an earlier one of the same
    source (عبّر عن إيمانه بـ ... وبقناعته أن ...: one statement, not two); later records that pointed to it
    point to the outer. (A verb with its own content inside, وأكد على ...، ليؤكد أن ..., stays a quote.)"""
    kept: list[Record] = []
    replaced: dict[int, Record] = {}
    for rec in records:
        if rec.antecedent is not None and id(rec.antecedent) in replaced:
            rec.antecedent = replaced[id(rec.antecedent)]
        outer = next((r for r in kept if r.first <= rec.first and rec.last <= r.last
                      and r.cues[0].i < rec.cues[0].i), None) if rec.cues[0].kind == MASDAR else None
        if outer is not None and _source_of(rec) is not None and _source_of(rec) == _source_of(outer):
            replaced[id(rec)] = outer
            continue
        kept.append(rec)
    return kept


_WRITER_FRAMES = frozenset(fold(w) for w in ("يشار", "ويشار", "يذكر", "ويذكر", "بالذكر", "الإشارة", "يلاحظ",
                                              "ويلاحظ", "يعتقد", "ويعتقد"))


def _in_writer_frame(d: _Doc, cue: Cue) -> bool:
    """The cue stands in the clause of the writer's own remark (يشار إلى أنه، الجدير بالذكر أن): a subject-less
    verb there is read as an impersonal passive (أُعلن عن أن), not as a report by the previous speaker."""
    toks = d.an.tokens
    for k in range(cue.i - 1, max(-1, cue.i - 12), -1):
        if not d.an.same_sentence(k, cue.i) or k in d.cue_tokens:
            return False
        if toks[k].norm in _WRITER_FRAMES:
            return True
    return False


def _verb_shaped(d: _Doc, k: int) -> bool:
    """A sentence-opening word that reads as a conjoined perfect verb (ونعت، وقدّم، وتطرق، فاستقبل): و/ف + a
    stem of 3-6 letters without the article or a noun ending, not a title, function word, cue or date."""
    tok = d.an.tokens[k]
    w = tok.norm
    if tok.kind != "w" or w[:1] not in ("و", "ف") or k in d.cue_tokens or k in d.date_at:
        return False
    stem = w[1:]
    return (3 <= len(stem) <= 6 and not stem.startswith("ال") and not stem.endswith(("ة", "ات", "ين", "ون", "اء"))
            and w not in TITLES and stem not in TITLES and w not in _NOT_VERBS and stem not in _NOT_VERBS
            and stem not in PREPOSITIONS and stem not in ADJUNCT_WORDS)


_NOT_VERBS = frozenset(fold(w) for w in ("في", "من", "على", "عن", "إلى", "مع", "لكن", "كان", "كانت", "قد", "لقد",
                                         "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك", "أيضا", "حسب", "بحسب",
                                         "وفقا", "فيما", "بينما", "حيث", "إذ", "كما", "ما", "لا", "لم", "لن",
                                         "سائل", "وسط"))  # وسائل الإعلام، ووسط: not verbs


def _sentence_subject(d: _Doc, cue: Cue) -> tuple[int, int] | None:
    """ونعت كتائب القسام ...، وقالت: / وقدّم العساف نبذة ... حيث قال إن: a subject-less cue conjoined to (or
    subordinate to) the verb that opens its sentence shares that verb's subject."""
    an, toks = d.an, d.an.tokens
    word = toks[cue.i].norm
    prev = toks[cue.i - 1].norm if cue.i else ""
    if not (cue.kind == PARTICIPLE or (cue.kind == VERB and (word[:1] in ("و", "ف") or prev in ("حيث", "إذ", "اذ")))):
        return None  # a circumstantial participle, a conjoined verb or a verb after حيث / إذ
    first = an.sentence_bounds[an.sentence[cue.i]][0]
    while first < cue.i and toks[first].kind == "p":
        first += 1
    if first >= cue.i - 2 or not _verb_shaped(d, first):
        return None
    np = speaker_after(an, first, d.by_open, d.date_at, d.cue_tokens)
    if np is None or np[1] >= cue.i:
        return None
    for k in range(np[0] + 1, np[1] + 1):  # ورفض الكثير من المغردين نشرَ ...: an indefinite word after a
        w, prev = toks[k].norm, toks[k - 1].norm  # definite non-title one starts the verb's object
        if (toks[k].kind == "w" and not w.startswith("ال") and w not in PREPOSITIONS and prev.startswith("ال")
                and prev not in TITLES):
            np = (np[0], k - 1)
            break
    want, have = _cue_gender(d, cue), gender_of([t.norm for t in an.words(*np)])
    return None if want and have and want != have else np


_LIGHT_VERBS = frozenset(fold(w) for w in ("عبر", "أعرب", "معبرا", "معربا", "معبرة", "معربة"))


def _light_verb_subject(d: _Doc, cue: Cue) -> tuple[int, int] | None:
    """عبّر الأمير عن إيمانه بـ ...: a verbal noun of belief governed by عن after a light verb of expression;
    its possessor is the light verb's subject (the noun phrase between the verb and عن)."""
    toks = d.an.tokens
    if cue.i < 1 or toks[cue.i - 1].norm != "عن":
        return None
    for k in range(cue.i - 2, max(-1, cue.i - 16), -1):
        if not d.an.same_sentence(k, cue.i):
            return None
        w = toks[k].norm
        if w in _LIGHT_VERBS or (w[:1] in ("و", "ف") and w[1:] in _LIGHT_VERBS):
            np = speaker_after(d.an, k, d.by_open, d.date_at, d.cue_tokens)
            if np is not None and np[1] == cue.i - 2:
                return np
            return None
    return None


def _subject_after_inna(d: _Doc, cue: Cue, records: list[Record]) -> tuple[int, int] | None:
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


def _titled(d: _Doc, np: tuple[int, int] | None) -> bool:
    return np is not None and any(t.norm in TITLES or t.norm[2:] in TITLES for t in d.an.words(*np))


def _continues(d: _Doc, cue: Cue, k: int) -> bool:
    """وأوضح فلان قائلاً: / وأعرب فلان عن اعتقاده أن: the next cue carries this verb's content, so the verb's
    subject is its speaker. Only a speech verb followed by قائلاً, or by a verbal noun governed by a
    preposition (عن اعتقاده، بتأكيده), continues like that."""
    nxt = d.cue_at.get(k)
    if cue.kind != VERB or nxt is None:
        return False
    if cue.form.weak:  # وتابع قائلاً: a weak verb only right before قائلاً
        return k == cue.last + 1 and nxt.kind == PARTICIPLE and nxt.form.lemma == "قال"
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
    abstract = w.endswith("ية") and len(w) >= 5 and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال")
    if w in OBJECT_HEADS or abstract or (w.endswith("ا") and len(w) >= 4 and not w.startswith(("ل", "ب"))):
        return j
    return None
