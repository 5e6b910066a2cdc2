"""Who may have said it: every speaker the rules can find for an attribution, in the rules' order of preference.

The rules of :mod:`.speakers` and :mod:`.attribution` each propose a speaker for a cue: its own subject (after
it, or before it), the speaker of the cue it continues (وأوضح فلان قائلاً), the subject of a clause it belongs to,
the attribution it continues (وأضاف). Read as a chain, the first that finds one decides: that is the engine
with the rules alone. Here every rule is asked, and more candidates are added that the chain never looks at:
older attributions than the nearest, the subject of a narrative sentence since (واستقبل الأمير ... . وأكد ...),
titled people named in the sentence before, a subject before a conjoined verb. A :class:`Candidate` keeps
which rules proposed it; a chooser (:mod:`.model`) picks one, and the first candidate is always the rules' own
choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.arabic import fold
from .arabic import has_al, masdar_shaped, strip_al
from .attribution import (agrees, antecedent, clause_subject, cue_gender, issuer_subject, light_verb_subject,
                          opening_subjects, opening_word, plural_people, recent_mentions, sentence_subject,
                          singular_cue, subject_after_inna, titled_mentions, verb_shaped)
from .clauses import Record, english_subject
from .context import Context, Range
from .coref import epithet_only, person_names, prophet_before
from .cues import MASDAR, PARTICIPLE, SOURCE, VERB, Cue, opens_with_prep
from .eulogies import peace_after, prophet_eulogy_after, prophet_named
from .preceding import relative_antecedent, speaker_before, topic_fronted
from .phrases import noun_phrase
from .speakers import gender_of, speaker_after
from .subjects import ADDRESSING, oblique_plural
from .words import QUANTIFIERS, is_title

# Older attributions a subject-less cue may continue (the rules take the nearest that agrees in gender).
MAX_EARLIER = 3
MAX_SENTENCES_EARLIER = 8

# The rule names a speaker is reported with (provenance.rule of its SAID_BY relation).
RULE_NAMES = {
    "content": "", "english": "speaker-before-cue", "pending": "speaker-after-cue", "after": "speaker-after-cue",
    "source": "source-after-cue", "before": "speaker-before-cue", "inna": "speaker-clause-subject",
    "sentence": "speaker-clause-subject", "antecedent": "speaker-antecedent", "earlier": "speaker-antecedent",
    "before-any": "speaker-before-cue", "narrative": "speaker-clause-subject", "mentioned": "speaker-mentioned",
    "recent": "speaker-mentioned", "eulogy": "speaker-after-cue", "group": "speaker-mentioned",
    "topic": "speaker-clause-subject",
}


@dataclass
class Candidate:
    """A possible speaker: a mention (``mention``), or the speaker of an earlier attribution (``via``) whose
    source is ``mention``, or nobody (``mention`` None); ``rules`` proposed it, the first in the rules' order."""

    mention: Range | None  # None: nobody (the rules found no speaker)
    rules: list[str]
    via: Record | None = None
    features: list[str] = field(default_factory=list)

    @property
    def rule(self) -> str:
        return self.rules[0]


def source_of(rec: Record) -> Range | None:
    """The speaker mention of a record, following the attributions it continues."""
    while rec.speaker is None and rec.antecedent is not None:
        rec = rec.antecedent
    return rec.speaker


class _Collector:
    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self.by_mention: dict[Range, Candidate] = {}

    def add(self, rule: str, mention: Range | None, via: Record | None = None) -> None:
        if mention is None:
            return
        found = self.by_mention.get(mention)
        if found is not None:
            if rule not in found.rules:
                found.rules.append(rule)
            return
        if any(m[0] < mention[0] <= m[1] < mention[1] for m in self.by_mention):
            return  # صالح وفاة الفنان ... inside "المخرج حسني صالح": a phrase read from the middle of a name found
        longer = next((m for m in self.by_mention if m[0] == mention[0] and mention[1] < m[1]), None)
        if longer is not None:  # "المخرج" of "المخرج حسني صالح" found: the same mention read shorter (its title
            self.add(rule, longer, via)  # without the name) is one more rule finding the whole mention
            return
        cand = Candidate(mention, [rule], via)
        self.by_mention[mention] = cand
        self.items.append(cand)


def candidates(ctx: Context, rec: Record, cue: Cue, np: Range | None, own_pending, records: list[Record]
               ) -> list[Candidate]:
    """The candidate speakers of ``rec`` (introduced by ``cue``, with ``np`` the subject right after it and
    ``own_pending`` the cue it continues, if any), the rules' choice first; ``records`` are the earlier ones."""
    toks = ctx.an.tokens
    out = _Collector()
    conjoined = toks[cue.i].norm[:1] in ("و", "ف")
    # The rules' chain, in its order.
    out.add("content", rec.speaker)
    if np is None and cue.last + 1 < len(toks):
        out.add("eulogy", prophet_eulogy_after(ctx.an, cue.last + 1))  # قال صلى الله عليه وسلم: the Prophet
        if peace_after(ctx.an, cue.last + 1):
            out.add("eulogy", prophet_before(ctx, cue.i))  # قال عليه السلام ” ...: the Prophet named before
    if toks[cue.i].norm.isascii() and rec.speaker is None:
        out.add("english", english_subject(ctx, cue))
    ante = antecedent(ctx, records, cue, cue.i)
    if _addresses_someone(ctx, cue, np, ante):
        out.add("antecedent", source_of(ante), ante)  # وأكد الأمير أن ...، وحث رجال الأعمال على: he urged them
    if own_pending is not None:
        out.add("pending", own_pending[1])
    elif np is not None and not (cue.kind == VERB and cue.form.lemma in _OBJECT_THEN_PREP
                                 and oblique_plural(ctx.an, np[0]) or _object_by_gender(ctx, cue, np)):
        out.add("source" if cue.kind == SOURCE else "after", np)  # (ودعا جميع المستفيدين إلى، ووصف المفحطين بأن)
    elif cue.kind == VERB and not conjoined:
        out.add("before", speaker_before(ctx, cue.i, require_title=False) or issuer_subject(ctx, cue))
    elif cue.kind == VERB and toks[cue.i].norm[:1] == "ف":
        out.add("before", _as_for(ctx, cue))  # أما المحلل السياسي فلان، فأوضح: the topic of أما … فـ speaks
    elif cue.kind == MASDAR:
        out.add("before", speaker_before(ctx, cue.i, require_title=True) or light_verb_subject(ctx, cue))
    if cue.kind == PARTICIPLE:
        out.add("inna", subject_after_inna(ctx, cue, records))
        out.add("sentence", clause_subject(ctx, cue))  # حيث أجاب اللواء فلان ...، مؤكداً: the clause's subject
    subject = sentence_subject(ctx, cue) or _relative_subject(ctx, cue)
    if ante is None or not ctx.an.same_sentence(ante.cues[0].i, cue.i):
        out.add("sentence", subject)
    if ante is not None:
        out.add("antecedent", source_of(ante), ante)
    out.add("sentence", subject)
    if not out.items:
        out.items.append(Candidate(None, ["none"]))  # the rules find nobody: "nobody" is their choice
    # What the chain never looks at.
    for r in _earlier(ctx, records, cue, np is not None or own_pending is not None):
        out.add("earlier", source_of(r), r)
    if cue.kind not in (VERB, MASDAR) or conjoined or np is not None:
        out.add("before-any", speaker_before(ctx, cue.i, require_title=False))
    since = ctx.an.sentence[records[-1].cues[0].i] if records else -1
    for mention in opening_subjects(ctx, cue, since):
        if _names_someone(ctx, mention):
            out.add("narrative", mention)
    for mention in titled_mentions(ctx, cue):
        out.add("mentioned", mention)
    if np is None and own_pending is None:
        for mention in recent_mentions(ctx, cue):
            out.add("recent", mention)
        if not singular_cue(ctx, cue):
            for mention in _groups(ctx, cue):
                out.add("group", mention)
        if cue.kind == PARTICIPLE or cue.kind == VERB and conjoined:
            out.add("topic", _topic(ctx, cue))
    if topic_fronted(ctx, cue.i):  # وعن إمكانية التعاون مع الروس ضد «داعش»، قال: what he spoke about names no speaker
        first = ctx.an.sentence_bounds[ctx.an.sentence[cue.i]][0]
        return out.items[:1] + [c for c in out.items[1:] if c.mention is None or not first <= c.mention[0] < cue.i]
    return out.items


def _topic(ctx: Context, cue: Cue) -> Range | None:
    """Who the cue's sentence is about: the noun phrase it opens with, before its verb (الرافعي في لوحته البديعة يتمم
    قائلاً، الفنان أحمد فلمبان سعيد بهذا التقدير ...، مضيفاً), or the subject of the conjoined verb it opens with
    (وعبّر الوزراء عن ...، مؤكدين). A circumstantial participle or a conjoined verb without a subject may share
    it, when it names someone (a title or a personal name) and agrees with the cue."""
    an, toks = ctx.an, ctx.an.tokens
    first = opening_word(ctx, an.sentence_bounds[an.sentence[cue.i]][0], cue.i)
    if first >= cue.i - 1 or toks[first].kind != "w" or first in ctx.cue_tokens or first in ctx.date_at:
        return None
    w = toks[first].norm
    if has_al(w) and w[:1] not in ("و", "ف") or is_title(w):
        np = noun_phrase(ctx, first)  # الرافعي في لوحته البديعة يتمم قائلاً
    elif verb_shaped(ctx, first):
        np = speaker_after(ctx, first)  # وعبّر الوزراء عن ...، مؤكدين / ندّد أبطال المسرحية ...، وقالوا
    else:
        return None
    if np is None or np[1] >= cue.i or not _names_someone(ctx, np) or not agrees(ctx, cue, np):
        return None
    return np


# What opens a group of people: عدد من المواطنين، بعض المغردين، مجموعة من الأهالي، جماعات للدفاع عن ...
_GROUP_WORDS = QUANTIFIERS | frozenset(fold(w) for w in ("عددا", "عدداً", "جماعات", "جموع", "العديد"))


def _people(words: list[str]) -> bool:
    """A plural of people heading a phrase that can be a subject (المواطنون، مغردين; not للصحافيين, after a
    preposition, nor التعاون, a verbal noun)."""
    w = words[0]
    return plural_people(words) and not w.startswith(("لل", "بال", "كال", "ل", "ب")) and \
        not masdar_shaped(strip_al(w))


GROUP_SENTENCES = 3  # how far back a plural cue without a subject looks for a group of people


def _groups(ctx: Context, cue: Cue) -> list[Range]:
    """Groups of people named in the sentences before a plural cue without a subject (عدد من مراجعي المستشفى ...
    مشيرين، وطالب بعض المغردين ... متسائلين), nearest first, at most two: a phrase opened by a word of quantity or
    a plural of people (المواطنون، مغردون)."""
    an, toks = ctx.an, ctx.an.tokens
    here = an.sentence[cue.i]
    start = an.sentence_bounds[max(0, here - GROUP_SENTENCES)][0]
    out: list[Range] = []
    k = cue.i - 1
    while k >= start and len(out) < 2:
        w = toks[k].norm
        bare = w[1:] if w[:1] in ("و", "ف") and len(w) > 4 else w
        prev = toks[k - 1].norm if k else ""
        inside = prev in _GROUP_WORDS or (has_al(prev) and toks[k - 1].kind == "w")  # بعض المغردين، المستخدمين التحويليين
        nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
        if toks[k].kind == "w" and k not in ctx.cue_tokens and not inside and (
                bare in _GROUP_WORDS and (nxt in ("من", "مِن") or _people([nxt])) or _people([w])):
            np = noun_phrase(ctx, k)
            if np is not None and np[1] < cue.i and not any(m[0] <= k <= m[1] for m in out):
                out.append(np)
        k -= 1
    return out


_AS_FOR = frozenset(fold(w) for w in ("أما", "وأما"))


def _as_for(ctx: Context, cue: Cue) -> Range | None:
    """أما الرئيس الفلسطيني، محمود عباس، فقال / أما أحمد بن ضاحي فقال: the noun phrase after أما that the verb's ف
    answers, in the same sentence and at most ten tokens before it (not أما عن "as for", a topic, not a speaker)."""
    an, toks = ctx.an, ctx.an.tokens
    for a in range(cue.i - 1, max(-1, cue.i - 12), -1):
        if not an.same_sentence(a, cue.i) or a in ctx.cue_tokens:
            return None
        if toks[a].norm in _AS_FOR:
            first, last = a + 1, cue.i - 1
            while last > first and toks[last].kind == "p":
                last -= 1
            if toks[first].kind != "w" or toks[first].norm in ("عن", "بالنسبة") or last < first:
                return None
            return first, last
    return None


def _relative_subject(ctx: Context, cue: Cue) -> Range | None:
    """The antecedent of a relative clause the conjoined verb continues (واللاعب، الذي أبدى سعادته وقال), when it
    agrees with the verb (المهنة التي تشهد عزوفاً ...، ويبين: a profession explains nothing)."""
    np = relative_antecedent(ctx, cue.i) if cue.kind == VERB else None
    return np if np is not None and agrees(ctx, cue, np) else None


def settled(cue: Cue, cands: list[Candidate]) -> bool:
    """Is the rules' choice the subject written right after a verb or after بحسب (أكد اللواء التركي أن)? Then no
    model overrides it (the shipped one had replaced such subjects with the previous speaker)."""
    return bool(cands) and cands[0].rule in ("after", "source") and cue.kind in (VERB, SOURCE)


# Verbs of urging, calling and informing: their first noun phrase is often whom they address (حث X على).


def _addresses_someone(ctx: Context, cue: Cue, np: Range | None, ante: Record | None) -> bool:
    """A conjoined verb of urging or informing that continues a statement made in its own sentence shares that
    statement's subject: the noun phrase after it is whom it addresses (وأكد الأمير أن ...، وحث رجال الأعمال على
    الإسهام), not a new speaker."""
    return (np is not None and ante is not None and cue.kind == VERB and cue.form.lemma in ADDRESSING
            and ctx.an.tokens[cue.i].norm[:1] in ("و", "ف") and ctx.an.same_sentence(ante.cues[0].i, cue.i))


_OBJECT_THEN_PREP = ADDRESSING | {"اتهم", "أوصى", "وصف"}


def _object_by_gender(ctx: Context, cue: Cue, np: Range) -> bool:
    """VERB NP PREP with a feminine verb and a masculine noun phrase (وكانت المحكمة اتهمت الرئيسَ الكيني بارتكاب):
    the verb agrees with its subject, so the phrase is the object its preposition completes. (Only before the
    verb's own preposition, for verbs that take a person and then a preposition — not أشارت مصادر إلى — since a
    broken plural takes a feminine verb, and أسامة، حمزة are men's names.)"""
    toks = ctx.an.tokens
    k = np[1] + 1
    if cue.kind != VERB or cue.form.lemma not in _OBJECT_THEN_PREP or k >= len(toks) or cue_gender(ctx, cue) != "f":
        return False
    if not opens_with_prep(toks[k].norm, tuple(fold(p) for p in cue.form.preps)):
        return False
    return gender_of([t.norm for t in ctx.an.words(*np)]) == "m"


def _names_someone(ctx: Context, mention: Range) -> bool:
    """A title or a personal name (not a definite noun alone: وجرت المباراة names no one who speaks)."""
    words = [t.norm for t in ctx.an.words(*mention)]
    titled = any(is_title(w) for w in words)
    return titled or (bool(person_names(words)) and not all(has_al(w) for w in words))


def _scripture(ctx: Context, r: Record) -> bool:
    """A verse or a hadith cited (قال تعالى، قال النبي صلى الله عليه وسلم): God or the Prophet is cited inside
    someone's words, and a later verb of saying (وأضاف) never goes on with them."""
    words = [t.norm for t in ctx.an.words(*r.speaker)]
    return epithet_only(words) or prophet_named(words) or words[:1] == [fold("الله")]


def _earlier(ctx: Context, records: list[Record], cue: Cue, own_subject: bool) -> list[Record]:
    """The latest top-level attributions with a speaker of their own, one per source, nearest first (for a cue
    without a subject of its own, only those whose speaker agrees with it)."""
    here = ctx.an.sentence[cue.i]
    seen: set[Range] = set()
    out: list[Record] = []
    for r in reversed(records):
        if len(out) >= MAX_EARLIER or here - ctx.an.sentence[r.cues[0].i] > MAX_SENTENCES_EARLIER:
            break
        if r.top_level and r.speaker is not None and r.cues[0].i < cue.i and r.speaker not in seen \
                and (own_subject or agrees(ctx, cue, r.speaker)) and not (cue.kind == VERB and _scripture(ctx, r)):
            seen.add(r.speaker)
            out.append(r)
    return out

