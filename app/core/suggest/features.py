"""What a chooser knows about each candidate speaker: short named features, each true or absent.

A candidate (:mod:`.candidates`) is described by the rules that proposed it and whether it is the rules' own
choice; its place relative to the cue (before or after it, how many tokens and sentences away, the same
paragraph); whether its gender agrees with the cue's (أكدت / مؤكدةً); what it looks like (a title, a personal name,
an honorific pronoun, a statement or a poll: البيان، الاستطلاع, a word that cannot be a speaker: حينما، عليه);
what comes before the cue (من جهته، بدوره: someone else speaks now); and what was said before: the speaker of the
previous attribution, how often the same speaker was attributed already, whether the mention sits inside someone
else's quoted words, or right after an addressee (لـ...). Pairs with the cue's kind let a model learn how far to
trust each rule for participles, verbal nouns or conjoined verbs.
"""

from __future__ import annotations

from ..text.arabic import fold
from .arabic import has_al, strip_al
from .attribution import OWN_PART, cue_gender
from .candidates import Candidate, source_of
from .clauses import Record
from .context import Context, Range, memo
from .coref import is_honorific, person_names
from .cues import Cue
from .quotes import PREPOSITIONS
from .phrases import is_event_noun
from .speakers import gender_of
from .words import ADJUNCT_WORDS, CLAUSE_OPENERS, DOCUMENT_WORDS, FUNCTION_WORDS, PRONOUN_PREPS, TITLES, is_title

# Reports that are no person: polls, studies, surveys, statistics.
_FINDINGS = frozenset(fold(w) for w in ("استطلاع", "استبيان", "دراسة", "مسح", "إحصائية", "احصائية", "إحصاءات",
                                        "بحث", "تقرير", "أرقام", "بيانات", "نتائج", "مؤشر", "مؤشرات"))
def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def mention_key(ctx: Context, mention: Range) -> frozenset[str]:
    """Words that identify a mention's speaker: its words without titles, function words and the article
    (all its words when nothing else is left). Two mentions sharing one are read as the same speaker here."""
    cache = memo(ctx, "mention_key")
    if mention not in cache:
        words = [t.norm for t in ctx.an.words(*mention)]
        key = {strip_al(w) for w in words if w not in TITLES and strip_al(w) not in TITLES and w not in FUNCTION_WORDS}
        cache[mention] = frozenset(key or {strip_al(w) for w in words})
    return cache[mention]


def describe(ctx: Context, rec: Record, cue: Cue, cands: list[Candidate], records: list[Record]) -> None:
    """Fill ``features`` of every candidate of ``rec`` (introduced by ``cue``; ``records`` are the earlier ones)."""
    an = ctx.an
    toks = an.tokens
    conjoined = toks[cue.i].norm[:1] in ("و", "ف")
    kind = "english" if toks[cue.i].norm.isascii() else cue.kind + ("+conj" if conjoined else "")
    want = cue_gender(ctx, cue)
    own_part = _after_own_part(ctx, cue)
    keys = _recent_speakers(ctx, records, 12)
    last_key = keys[-1] if keys else frozenset()
    for i, cand in enumerate(cands):
        f = [f"rule:{r}" for r in cand.rules] + [f"{kind}*{cand.rule}"]
        if i == 0:
            f += ["rules-choice", f"rules-choice*{kind}"]
        if cand.mention is None:
            cand.features = f + ["own-part*nobody"] if own_part else f
            continue
        f += _place(ctx, cue, cand.mention)
        words = [t.norm for t in an.words(*cand.mention)]
        have = gender_of(words)
        f.append("gender:" + ("unknown" if not want or not have else "agree" if want == have else "clash"))
        f += _looks(ctx, cand.mention, words)
        key = mention_key(ctx, cand.mention)
        same = sum(1 for k in keys if k & key)
        f.append("said-before:" + _bucket(same, (1, 2, 4)))
        is_last = bool(key & last_key)
        if is_last:
            f.append("previous-speaker")
        if own_part:
            f.append("own-part*" + ("previous-speaker" if is_last else "other"))
        if any(r.first <= cand.mention[0] <= r.last for r in records[-6:]):
            f.append("inside-quoted-words")  # someone named in another's words rarely speaks the next quote
        if records and cand.mention[0] > records[-1].last and cand.mention[1] < cue.i:
            # named after the last attribution ended: the narrative has moved to someone new (ويقول: he)
            f.append("named-since-last-quote")
            f.append(f"named-since-last-quote*{kind}")
        cand.features = f


def _recent_speakers(ctx: Context, records: list[Record], n: int) -> list[frozenset[str]]:
    """The keys of the speakers of the last ``n`` top-level attributions, oldest first."""
    out: list[frozenset[str]] = []
    for r in reversed(records):
        if len(out) >= n:
            break
        m = source_of(r) if r.top_level else None
        if m is not None:
            out.append(mention_key(ctx, m))
    return out[::-1]


def _place(ctx: Context, cue: Cue, mention: Range) -> list[str]:
    an = ctx.an
    after = mention[0] > cue.last
    gap = mention[0] - cue.last if after else cue.i - mention[1]
    sentences = an.sentence[cue.i] - an.sentence[mention[0]]
    out = ["after-cue" if after else "before-cue", "tokens:" + _bucket(gap, (2, 5, 10, 20, 50)),
           "sentences:" + _bucket(max(sentences, 0), (1, 2, 3, 6)),
           "paragraph:" + ("same" if an.line[cue.i] == an.line[mention[0]] else "other")]
    k = mention[0] - 1
    if k >= 0 and an.tokens[k].norm[:1] == "ل" and len(an.tokens[k].norm) > 2 and not after:
        out.append("after-addressee")
    return out


def _looks(ctx: Context, mention: Range, words: list[str]) -> list[str]:
    """What the mention itself looks like."""
    out = ["words:" + _bucket(len(words), (2, 3, 5))]
    head = words[0] if words else ""
    bare = strip_al(head[1:] if head[:1] in ("و", "ف") and len(head) > 3 else head)
    if any(is_title(w) for w in words):
        out.append("titled")
    if person_names(words):
        out.append("personal-name")
    if len(words) == 1 and is_honorific(head):
        out.append("honorific")
    if has_al(head):
        out.append("definite")
    if bare.endswith(("ون", "ين", "ات")) and len(bare) > 4:
        out.append("plural")
    if head in DOCUMENT_WORDS or is_event_noun(head):
        out.append("statement")
    if bare in _FINDINGS or strip_al(bare) in _FINDINGS:
        out.append("finding")
    if head in PRONOUN_PREPS or head in PREPOSITIONS:
        out.append("starts-with-preposition")
    if len(words) == 1 and (head in FUNCTION_WORDS or head in ADJUNCT_WORDS or head in CLAUSE_OPENERS):
        out.append("function-word")
    return out


def _after_own_part(ctx: Context, cue: Cue) -> bool:
    """من جهته / من جانبه / بدوره between the start of the cue's sentence and the cue."""
    an, toks = ctx.an, ctx.an.tokens
    first = an.sentence_bounds[an.sentence[cue.i]][0]
    return any(toks[k].norm in OWN_PART for k in range(max(first, cue.i - 6), cue.i + 4) if k < len(toks)
               and an.same_sentence(k, cue.i))
