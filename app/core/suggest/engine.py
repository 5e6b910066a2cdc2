"""The suggestion engine's pass over one document: its attributions (what was said, by whom) in token indices.

:func:`read` builds the document analysis (:class:`~.context.Context`) once; :func:`analyse` then walks the cues in
text order and makes each one that introduces content into a :class:`~.clauses.Record`: the content and its type
(:mod:`.clauses`, :mod:`.nouns`), then who said it — the cue's own subject, one before it, or the nearest earlier
attribution it continues (:mod:`.speakers`, :mod:`.attribution`). Two passes over the whole document follow:
paragraphs that continue a quotation, and repeated statements of one source dropped.
"""

from __future__ import annotations

from ..model import Document
from ..text.arabic import fold
from .arabic import has_al
from .attribution import continues, in_writer_frame, titled
from .candidates import RULE_NAMES, candidates
from .clauses import (Attributions, Record, english_subject, scan, typed,
                      writer_cue_inside)
from .context import Context, Facts, Range
from .extent import content_end, in_while_clause
from .colon import first_person_clause
from .coref import epithet_only, god_before, prophet_before
from .endings import choose as choose_ends
from .cues import MASDAR, NOUN, PARTICIPLE, VERB, Cue, is_wording_phrase
from .model import RULES, Model
from .nouns import content_start, speech_noun_record
from .objects import addressee_before, object_content
from .postposed import postposed
from .quotes import is_complementizer
from .preceding import speaker_before
from .sources import is_source_head, speaking_source
from .subjects import RELAYING, subject_after_cue
from .words import THIS_THAT, is_title

_SUBJUNCTIVE = frozenset(fold(w) for w in ("أن", "ان", "لكي", "كي", "لن", "حتى", "ألا", "لئلا"))
_LORD = frozenset(fold(w) for w in ("الله", "المولى", "ربه", "ربها", "ربهم", "الباري", "العلي"))


def _prays(toks, j: int) -> bool:
    """دعا الله / داعياً المولى (a dash or a comma may come first): God is the one called upon."""
    while j < len(toks) and toks[j].kind == "p" and toks[j].norm in ("-", "–", "،", ","):
        j += 1
    return j < len(toks) and toks[j].norm in _LORD


_BUT = frozenset(fold(w) for w in ("لكن", "ولكن", "بل", "إذ"))
_TEMPORAL = frozenset(fold(w) for w in ("قبل", "بعد", "منذ"))


def _writer_infers(toks, cue: Cue) -> bool:
    """"This shows" (- هذا يؤكد سوء توزيع الثروة) or "this <thing> shows" (لكن هذا التزامن يؤكد أن), opening a clause:
    the writer's inference, nobody's report — not هذا وقال ("and"), nor a source or a title after "this" (هذه الدراسة
    تؤكد أن، هذا المسؤول أكد)."""
    i = cue.i
    if cue.kind != VERB or toks[i].norm[:1] in ("و", "ف"):
        return False
    if i > 0 and toks[i - 1].norm in THIS_THAT:
        return i == 1 or toks[i - 2].kind == "p"
    if i < 2:
        return False
    noun = toks[i - 1].norm
    return (toks[i - 2].norm in THIS_THAT and has_al(noun) and not is_source_head(noun) and not is_title(noun)
            and (i == 2 or toks[i - 3].kind == "p" or toks[i - 3].norm in _BUT))


def _source_before(ctx: Context, cue: Cue) -> bool:
    """A source that speaks named right before the verb (الدراسات تظهر أن، وكانت التقارير تشير إلى أن)."""
    return cue.i > 0 and is_source_head(ctx.an.tokens[cue.i - 1].norm)


def _source_shows(ctx: Context, cue: Cue, np: Range | None) -> bool:
    """أظهر المسح أن … / أظهرت بيانات أمس نموَّ … / الدراسات تظهر أن …: a source that speaks shows, and what it
    shows follows at once (a complementizer or the object; تظهر نتائج الانتخابات … "appear" has neither)."""
    toks = ctx.an.tokens
    if cue.i > 0 and toks[cue.i - 1].norm in _SUBJUNCTIVE:
        return False  # لكي تظهر «الرياض» مميزة: "appear", governed by لكي
    if np is None:
        j = cue.last + 1
        if not _source_before(ctx, cue):
            return False
    elif speaking_source(ctx, cue, np[1] + 1):
        j = np[1] + 1
    else:
        return False
    j = ctx.date_at[j] + 1 if j in ctx.date_at else j
    if j + 1 < len(toks) and toks[j].norm in ("،", ",") and is_complementizer(ctx.an, j + 1):
        j += 1  # وأظهرت البيانات، أن: a comma between the source and what it shows
    return j < len(toks) and (is_complementizer(ctx.an, j) or object_content(ctx, cue, np, j) is not None)


def read(doc: Document) -> Context:
    """The document analysis: the Facts, then each cue's subject after it and whether content follows it."""
    facts = Facts.read(doc)
    subjects = {c.i: subject_after_cue(facts, c) for c in facts.cues}
    has_content = {c.i: _content_follows(facts, c, subjects[c.i]) for c in facts.cues}
    return Context.of(facts, subjects, has_content)


def _content_follows(f: Facts, cue: Cue, np: Range | None) -> bool:
    if cue.kind == NOUN:
        return content_start(f, cue) is not None
    start = (np[1] + 1) if np else cue.last + 1
    found = scan(f, cue, start)
    return (found is not None and found[0] != "stop") or (
        found is None and object_content(f, cue, np, start) is not None)


def analyse(doc: Document, model: Model = RULES) -> tuple[Context, list[Record]]:
    """The document analysis and its attributions, in text order of their cues; ``model`` chooses each speaker
    among the candidates (:data:`.model.RULES`: the rules' own choice)."""
    ctx = read(doc)
    run = _Pass(ctx, model)
    for cue in ctx.cues:
        run.add(cue)
    records = list(run.records) + continued_paragraphs(ctx, run.records, run.used)
    records = without_nested_repeats(records, ctx.an.line)
    choose_ends(ctx, records, model.extent)  # where indirect content ends, when the model has learned it
    return ctx, records


class _Pass:
    """The attributions found so far while the cues are read in text order: the records, the quotation stretches
    already used by one, and a cue waiting for the cue that carries its content (وأوضح فلان قائلاً)."""

    def __init__(self, ctx: Context, model: Model) -> None:
        self.ctx = ctx
        self.model = model
        self.records = Attributions(len(ctx.an.tokens))
        self.used: set[int] = set()
        self.pending: tuple[Cue, Range | None] | None = None

    def add(self, cue: Cue) -> None:
        ctx = self.ctx
        if cue.kind == NOUN:
            self._speech_noun(cue)
            return
        if self._inside_words(cue):
            return
        np = ctx.subjects.get(cue.i)
        if cue.form.impersonal and np is None and speaker_before(ctx, cue.i, require_title=False) is None:
            self.pending = None  # يُذكر أن / يُعتقد: an impersonal passive, no report (and no chain goes on)
            return  # (with a subject before it, الفاتيكان يعتبر أن, it is the active verb)
        if self._not_a_report(cue, np):
            return
        start = (np[1] + 1) if np else cue.last + 1
        if np and ctx.inside.get(np[1]) is not None and ctx.inside[np[1]].close > np[1]:
            start = ctx.inside[np[1]].close + 1
        found = scan(ctx, cue, start)
        own_pending = self._pending_for(cue)
        self.pending = None
        tail = None
        if found is None or found[0] == "stop":
            if found is not None and continues(ctx, cue, found[1]) and (np is not None or found[1] == cue.last + 1):
                self.pending = (cue, np)  # وأوضح فلان قائلاً / وتابع قائلاً: one statement with two cues
                return
            if self._object_record(cue, np, start):
                return
            rec = postposed(ctx, cue, self.used)
        else:
            rec, tail = self._content_record(cue, self._from_addressee(cue, np, start, found))
        if rec is None:
            return
        rec.top_level = self._top_level(cue)
        self._attribute(rec, cue, np, own_pending)
        self.records.append(rec)
        if tail is not None:
            tail.top_level = rec.top_level
            if tail.speaker is None:
                tail.antecedent, tail.speaker_rule = rec, "speaker-antecedent"
            self.records.append(tail)

    # --- which cues report -------------------------------------------------------------------------------------

    def _inside_words(self, cue: Cue) -> bool:
        """حسب تعبيره: the wording of a statement already attributed; a cue inside unmarked direct words (وقال:
        أعتقد أن ...) is the speaker's own word, as inside quotation marks."""
        if is_wording_phrase(self.ctx.an, cue.i) is not None:
            return True
        return any(r.qtype == "direct" and r.first <= cue.i <= r.last for r in self.records[-3:])

    def _not_a_report(self, cue: Cue, np: Range | None) -> bool:
        ctx, toks = self.ctx, self.ctx.an.tokens
        if (np is None and cue.i > 0 and toks[cue.i - 1].norm in _SUBJUNCTIVE
                and not (cue.i > 1 and toks[cue.i - 2].norm in _TEMPORAL)):
            return True  # بدلاً من أن تحث على ...: a verb governed by أن, not a report (but بعد أن أكد happened)
        if (np is None and cue.kind == VERB and toks[cue.i].norm[:1] not in ("و", "ف") and in_writer_frame(ctx, cue)
                and speaker_before(ctx, cue.i, require_title=False) is None):
            return True  # يشار إلى أنه في وقت سابق أعلن عن أن: an impersonal passive inside the writer's remark
        if _writer_infers(toks, cue):
            return True  # - هذا يؤكد سوء توزيع الثروة / لكن هذا التزامن يؤكد أن: the writer's inference
        if cue.form.lemma in RELAYING and np is None:
            return True  # وحاول نقل نشاطه إلى بنغازي: moving; only نقل X عن Y أن / علمت X من Y أن relay (.subjects)
        if cue.form.lemma == "دعا" and _prays(toks, cue.last + 1):
            return True  # داعياً المولى - عز وجل - أن يتغمد ...: a prayer addressed to God, not a call reported
        if cue.form.lemma == "أظهر" and not _source_shows(ctx, cue, np):
            return True  # أظهرت الكاميرات الفتاة: "showed" is a report only of a source (أظهر المسح أن، الدراسات تظهر أن)
        if cue.form.lemma == "كشف" and cue.form.tense == "imperfect" and not titled(ctx, np) and not (
                np is not None and speaking_source(ctx, cue, np[1] + 1)):
            return True  # الأساليب التي تكشف عن / يكشف الاختبار أن: "reveals", said of things (وتكشف مصادر: a source)
        # تشير الأرقام / ويشير تنامي الاحتياطات إلى أن: "indicates", said of things, not people
        # — but a titled person before it (العم فلان يشير إلى أنه) is the one pointing out
        # — nor is a source that speaks (وتشير المعلومات / الإحصاءات إلى أن: information, statistics report)
        # (a source named right before the verb speaks too: وكانت التقارير تشير إلى أن)
        return (cue.form.lemma in ("أشار", "أفاد") and cue.form.tense == "imperfect" and not titled(ctx, np)
                and not (np is None and titled(ctx, speaker_before(ctx, cue.i, require_title=True)))
                and not (np is None and _source_before(ctx, cue))
                and not (np is not None and speaking_source(ctx, cue, np[1] + 1)))

    def _pending_for(self, cue: Cue) -> tuple[Cue, Range | None] | None:
        """The cue of the same sentence whose content this cue carries (وأوضح فلان [قائلاً]), if any."""
        p = self.pending
        return p if p and p[0].i < cue.i and self.ctx.an.same_sentence(p[0].i, cue.i) else None

    def _top_level(self, cue: Cue) -> bool:
        """A cue inside the content of an earlier attribution is reported speech within reported speech."""
        return not self.records.covers(cue.i)

    # --- what was said -----------------------------------------------------------------------------------------

    def _speech_noun(self, cue: Cue) -> None:
        rec = speech_noun_record(self.ctx, cue) if self.ctx.has_content.get(cue.i) else None
        if rec is not None:
            rec.top_level = self._top_level(cue)
            self.records.append(rec)

    def _subject(self, cue: Cue, np: Range | None) -> Range | None:
        """The subject after the verb, or a titled one before a verb that does not start with و / ف."""
        if np is None and cue.kind == VERB and self.ctx.an.tokens[cue.i].norm[:1] not in ("و", "ف"):
            return speaker_before(self.ctx, cue.i, require_title=True)
        return np

    def _from_addressee(self, cue: Cue, np: Range | None, start: int, found: tuple) -> tuple:
        """Indirect content found at a governed preposition or a complementizer starts earlier when a call, a
        warning or a charge names whom it addresses before it (.objects.addressee_before)."""
        kind, at, detail = found
        if kind != "indirect" or detail != "indirect-preposition":
            return found  # (حذّر المشرعين من أن ...: before a complementizer the warning's content starts at أن)
        j = addressee_before(self.ctx, cue, self._subject(cue, np), start, at)
        return found if j is None else (kind, j, detail)

    def _object_record(self, cue: Cue, np: Range | None, start: int) -> bool:
        """أكد الوزير أهميةَ ... / المدرب فلان ...، أكد عدمَ ...: content that is the verb's object. True when the
        cue was taken as such (a record may or may not have been made)."""
        ctx = self.ctx
        subject = self._subject(cue, np)
        obj = object_content(ctx, cue, subject, start)
        if obj is None:
            return False
        end, _ = content_end(ctx, obj, phrase=True)
        if end >= obj:
            rec = typed(ctx, cue, obj, end, "indirect-object", self.used)
            rec.top_level = self._top_level(cue)
            if cue.kind == PARTICIPLE and subject is None:
                self._attribute(rec, cue, None, None)  # مؤكداً عدم رضاه: the participle's subject is the sentence's
            else:
                rec.speaker = subject
                rec.speaker_rule = "speaker-after-cue" if subject == np else "speaker-before-cue"
            self.records.append(rec)
        return True

    def _content_record(self, cue: Cue, found: tuple) -> tuple[Record | None, Record | None]:
        """The record of content found after the cue (and a second quote split off a direct one), or None."""
        ctx = self.ctx
        kind, at, detail = found
        if kind == "unmarked":
            # Words after a colon without marks: to the end of the reported clause (the sentence end or a new
            # attribution: مبدياً، واعترف ...), direct when they speak in the first person, else indirect.
            end, _ = content_end(ctx, at)
            if end < at:
                return None, None
            first = first_person_clause(ctx, at, end)
            return Record([cue], at, end, "direct" if first else "indirect",
                          "direct-colon-unmarked" if first else "indirect-colon-unmarked",
                          frame=(cue.last + 1, at - 2)), None
        if kind == "direct":
            rule, st = detail
            if st.open in self.used:
                return None, None
            split = writer_cue_inside(ctx, st)
            last = st.inner[1] if split is None else split[0]
            self.used.add(st.open)
            return Record([cue], st.inner[0], last, "direct", rule, frame=(cue.last + 1, st.open - 1)), \
                (split[1] if split is not None else None)
        end, wording = content_end(ctx, at, subordinate=in_while_clause(ctx, cue))
        if end < at:
            return None, None
        rec = typed(ctx, cue, at, end, detail, self.used)
        if wording is not None:
            rec.extra_cues.append((wording, is_wording_phrase(ctx.an, wording)))
        return rec, None

    # --- who said it -------------------------------------------------------------------------------------------

    def _attribute(self, rec: Record, cue: Cue, np: Range | None, own_pending) -> None:
        """Choose the speaker among the candidates the rules find (:mod:`.candidates`)."""
        ctx = self.ctx
        english = ctx.an.tokens[cue.i].norm.isascii() and rec.speaker is None and english_subject(ctx, cue)
        if own_pending is not None and rec.speaker is None and not english:
            rec.cues.insert(0, own_pending[0])  # وأوضح فلان قائلاً: one statement, both cues
            rec.frame = (own_pending[0].last + 1, rec.frame[1])
        rec.candidates = candidates(ctx, rec, cue, np, own_pending, self.records)
        if not rec.candidates:
            return
        # reported speech inside someone's words keeps the rules' choice: the model learned top-level attributions
        # (a chooser keeps the rules' choice when it is the subject written after the verb: candidates.settled)
        rec.chosen = self.model.choose(ctx, rec, cue, rec.candidates, self.records) if rec.top_level else 0
        cand = rec.candidates[rec.chosen]
        if cand.rule in ("content", "none"):
            return
        if cand.via is not None and cand.rule in ("antecedent", "earlier"):
            rec.speaker, rec.antecedent, rec.speaker_rule = None, cand.via, "speaker-antecedent"
        else:
            rec.speaker, rec.speaker_rule = cand.mention, RULE_NAMES[cand.rule]
            words = [t.norm for t in ctx.an.words(*cand.mention)]
            if epithet_only(words):
                rec.speaker = god_before(ctx, cand.mention[0]) or cand.mention  # قال تعالى: God, named before
            elif cand.rule == "eulogy":
                rec.speaker = prophet_before(ctx, cand.mention[0]) or cand.mention  # قال صلى الله عليه وسلم


# --- passes over the whole document --------------------------------------------------------------------------------

def continued_paragraphs(ctx: Context, records: list[Record], used: set[int]) -> list[Record]:
    """A paragraph that is one quotation and has no cue of its own, right after a paragraph that ended in a
    direct quote, continues that quote's speaker (long quotations run over several paragraphs)."""
    an, toks = ctx.an, ctx.an.tokens
    line_first: dict[int, int] = {}
    line_last: dict[int, int] = {}
    for t in toks:
        line_first.setdefault(an.line[t.i], t.i)
        line_last[an.line[t.i]] = t.i
    cues_by_line: dict[int, list[int]] = {}
    for c in ctx.cues:
        cues_by_line.setdefault(an.line[c.i], []).append(c.i)
    out: list[Record] = []
    by_line_end = {an.line[r.last]: r for r in records if r.qtype == "direct"}
    for st in ctx.stretches:
        if st.open in used or st.inner is None or ctx.name_like[st.open] or \
                line_first.get(an.line[st.open]) != st.open:
            continue
        line = an.line[st.open]
        prev = by_line_end.get(line - 1)
        after = st.close + 1
        if prev is None or (after < len(toks) and an.line[after] == line and toks[after].norm not in ".،,"):
            continue  # the quotation must fill its paragraph
        if any(i > prev.last for ln in (line - 1, line) for i in cues_by_line.get(ln, ())):
            continue
        if any(toks[k].kind != "p" for k in range(prev.last + 1, line_last.get(line - 1, prev.last) + 1)):
            continue  # the previous paragraph must end with that quote
        rec = Record(list(prev.cues), st.inner[0], st.inner[1], "direct", "direct-continued-paragraph",
                     antecedent=prev, speaker_rule="speaker-antecedent", frame=(st.open, st.open - 1))
        used.add(st.open)
        by_line_end[line] = rec
        out.append(rec)
    return out


def source_of(rec: Record) -> Range | None:
    """The speaker mention of a record, following antecedents."""
    while rec.speaker is None and rec.antecedent is not None:
        rec = rec.antecedent
    return rec.speaker


def without_nested_repeats(records: list[Record], line: list[int]) -> list[Record]:
    """Drop an attribution by a verbal noun whose content lies inside the content of an earlier one of the same
    source (عبّر عن إيمانه بـ ... وبقناعته أن ...: one statement, not two); later records that pointed to it
    point to the outer. (A verb with its own content inside, وأكد على ...، ليؤكد أن ..., stays a quote.)"""
    kept: list[Record] = []
    by_line: dict[int, list[Record]] = {}  # a content never crosses a line: only records of its line contain it
    replaced: dict[int, Record] = {}
    for rec in records:
        if rec.antecedent is not None and id(rec.antecedent) in replaced:
            rec.antecedent = replaced[id(rec.antecedent)]
        outer = next((r for r in by_line.get(line[rec.first], ()) if r.first <= rec.first and rec.last <= r.last
                      and r.cues[0].i < rec.cues[0].i), None) if rec.cues[0].kind == MASDAR else None
        if outer is not None and source_of(rec) is not None and source_of(rec) == source_of(outer):
            replaced[id(rec)] = outer
            continue
        kept.append(rec)
        by_line.setdefault(line[rec.first], []).append(rec)
    return kept
