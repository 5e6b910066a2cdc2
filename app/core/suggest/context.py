"""The document analysis the suggestion rules read: built once per document, complete before any rule runs.

:class:`Facts` is what the finders see in the text: the folded copy with its tokens and sentences
(:class:`~.arabic.Analysis`), the quotation-mark stretches (and which of them are names), the dates and the cues.
:class:`Context` adds what each cue's surroundings say: the subject noun phrase right after it and whether content
follows it (so that a running quote knows where a new attribution starts). Rules are functions of a ``Facts`` or a
``Context`` and token indices; neither is ever seen half built (:func:`.engine.read` builds the Context from
complete Facts).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Mapping
from weakref import WeakKeyDictionary

from ..model import Document
from .arabic import Analysis
from .cues import AGENT, Cue, find_cues, find_speech_nouns
from .dates import DateMatch, find_dates
from .quotes import DASHES, Stretch, is_name_like, pair_marks

Range = tuple[int, int]  # first and last token, inclusive


@dataclass(frozen=True, eq=False)
class Facts:
    """What one document holds before any attribution is decided (token indices throughout)."""

    doc: Document
    an: Analysis
    stretches: tuple[Stretch, ...]  # quotation-marked stretches, in text order
    by_open: Mapping[int, Stretch]  # opening mark's token -> its stretch
    inside: Mapping[int, Stretch]  # token (marks included) -> the stretch around it
    name_like: Mapping[int, bool]  # opening mark's token -> the stretch is a name, not speech
    dates: tuple[tuple[DateMatch, int, int], ...]  # each date with its first and last token
    date_at: Mapping[int, int]  # a date's first token -> its last token
    cues: tuple[Cue, ...]  # cues outside quotation marks, in text order
    inner_cues: tuple[Cue, ...]  # cues inside quotation marks (the speaker's own words, or a name)
    cue_at: Mapping[int, Cue]
    cue_tokens: frozenset[int]

    def past_name(self, j: int) -> int:
        """The token after a quoted name opening at ``j`` (لمسح «كايشن»، دار النشر «بيرسون»: the name ends the
        phrase before it), or ``j`` when no name opens there."""
        st = self.by_open.get(j)
        return st.close + 1 if st is not None and self.name_like[st.open] else j

    @classmethod
    def read(cls, doc: Document) -> "Facts":
        an = Analysis(doc.text)
        stretches = tuple(pair_marks(an))
        inside = {k: st for st in stretches for k in range(st.open, st.close + 1)}
        name_like = {st.open: is_name_like(an, st) for st in stretches}
        dates = tuple(_dates_outside_names(an, doc, inside, name_like))
        found = find_cues(an)
        # a speech noun after a light verb wins over the same word read as a verbal noun with its agent (وأعاد
        # الوزراء تأكيدَ الالتزامات ... بأن: reaffirmed, not "the affirmation of the commitments that")
        nouns = find_speech_nouns(an, {c.i for c in found if c.form.tense != AGENT})
        taken = {c.i for c in nouns}
        found = sorted([c for c in found if c.i not in taken] + nouns, key=lambda c: c.i)
        quoted = [c for c in found if _in_quotation(inside, c.i)]
        cues = tuple(c for c in found if not _in_quotation(inside, c.i))
        return cls(doc, an, stretches, {st.open: st for st in stretches}, inside, name_like, dates,
                   {a: b for _, a, b in dates}, cues, tuple(quoted), {c.i: c for c in cues},
                   frozenset(c.i for c in cues))


def _dates_outside_names(an: Analysis, doc: Document, inside: Mapping[int, Stretch],
                         name_like: Mapping[int, bool]):
    """Dates with their token ranges, except those inside a quoted name (قناة “روسيا اليوم”)."""
    for d in find_dates(an, doc.date):
        a = an.token_at(d.norm_start)
        b = an.token_at(d.norm_end - 1)
        if a is None or b is None:
            continue
        st = inside.get(a)
        if st is not None and name_like[st.open]:
            continue
        yield d, a, b


def _in_quotation(inside: Mapping[int, Stretch], i: int) -> bool:
    """Cues inside quotation marks are the speaker's own words (or a name), not an attribution."""
    st = inside.get(i)
    return st is not None and st.open < i < st.close


@dataclass(frozen=True, eq=False)
class Context(Facts):
    """The Facts and, for every cue (by its token), the subject noun phrase right after it and whether content
    (a complementizer, a quotation, a colon, an object) follows it."""

    subjects: Mapping[int, Range | None]
    has_content: Mapping[int, bool]

    @classmethod
    def of(cls, facts: Facts, subjects: Mapping[int, Range | None], has_content: Mapping[int, bool]) -> "Context":
        return cls(**{f.name: getattr(facts, f.name) for f in fields(Facts)}, subjects=subjects,
                   has_content=has_content)


_MEMOS: "WeakKeyDictionary[Analysis, dict[str, dict]]" = WeakKeyDictionary()


def date_tokens(f: Facts) -> frozenset[int]:
    """Every token inside a date expression (computed once per document)."""
    cache = memo(f, "date_tokens")
    if None not in cache:
        cache[None] = frozenset(k for _, a, b in f.dates for k in range(a, b + 1))
    return cache[None]


def memo(f: Facts, name: str) -> dict:
    """A cache of one document's answers to one question (the same subject noun phrase is asked for by several
    rules); it lives as long as the document's analysis and never changes what the answers are."""
    per_doc = _MEMOS.get(f.an)
    if per_doc is None:
        per_doc = _MEMOS[f.an] = {}
    return per_doc.setdefault(name, {})


def past_dateline(f: Facts, first: int, limit: int) -> int:
    """The token after a dateline opening a sentence at ``first`` (a few words with a dash among them, then a colon:
    واس - الرياض: / سعود الدعجاني - سبق - عسير:), or ``first`` when there is none."""
    toks = f.an.tokens
    dash = False
    for k in range(first, min(first + 8, limit)):
        if toks[k].norm in DASHES:
            dash = True
        elif toks[k].norm == ":":
            if not dash:
                return first
            k += 1
            while k < limit and toks[k].kind == "p":
                k += 1
            return k if k < limit else first
        elif toks[k].kind == "p":
            return first
    return first
