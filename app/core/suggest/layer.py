"""The suggestion layer of one document, built from its attributions (token ranges) and dates.

Each attribution becomes a whole record: QUOTE (with ``type``) + CUE -> CUE (one or more: وأوضح ... قائلاً) +
SAID_BY -> SPEAKER (with ``entity``) + DATED -> DATE when a date stands in the attribution (``أعلنت أمس الشرطة
أن``) or opens the clause right before the cue (``وفي 18 تشرين الأول أكدت``). A record that continues an earlier
one's speaker (وأضاف) points SAID_BY to that speaker's mention. Speaker mentions are grouped into entities by
in-article coreference (:mod:`.coref`), reusing registry entities by name or alias. Span and relation ids are
derived from the document id and the range, so a re-run gives the same ids.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass, field
from typing import Iterable

from ..model import SUGGESTIONS, Document, Entity, Layer, Origin, Relation, Span, Status
from ..text.arabic import fold
from .clauses import Record
from .arabic import Analysis, and_definite
from .context import Context, Range
from .cues import source_l_glued
from .dates import is_calendar_date
from .coref import Cluster, Coreference, honorific_antecedent, is_honorific
from .eulogies import eulogy_after, prophet_eulogy_after
from .extent import closing_last
from .preceding import SOME_OF_THEM, description_before
from .words import WRITER_VOICE

ENGINE = "qawl-suggest/1"
_SUGGESTED = Origin.SUGGESTED.value
_OPENERS = frozenset(fold(w) for w in ("و", "في", "وفي", "ف", "ففي", "يوم", "ويوم", "،", ","))


@dataclass(frozen=True)
class Suggestions:
    """What the engine suggests for one document: a layer of annotator ``"suggestions"`` and new speakers."""

    layer: Layer
    entities: list[Entity] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.layer.doc_id


def _hid(prefix: str, *parts: object) -> str:
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode("utf-8"), digest_size=5).hexdigest()
    return prefix + digest


class _Builder:
    """Spans and relations of the layer, each made once (the same range and label is one span)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spans: dict[tuple, Span] = {}
        self.relations: dict[tuple, Relation] = {}

    def span(self, label: str, start: int, end: int, rule: str, attrs: dict | None = None) -> Span:
        key = (label, start, end)
        found = self.spans.get(key)
        if found is not None:
            return found
        span = Span.of(self.doc.text, label, start, end, id=_hid("s", self.doc.id, label, start, end),
                       attrs=attrs or {}, origin=_SUGGESTED, provenance={"rule": rule, "engine": ENGINE})
        self.spans[key] = span
        return span

    def relate(self, type: str, head: Span, tail: Span, rule: str, more: dict | None = None) -> None:
        key = (type, head.id, tail.id)
        if key not in self.relations:
            self.relations[key] = Relation(id=_hid("r", self.doc.id, type, head.id, tail.id), type=type,
                                           head=head.id, tail=tail.id, origin=_SUGGESTED,
                                           provenance={"rule": rule, "engine": ENGINE, **(more or {})})


def _before_eulogy(an: Analysis, mention: Range) -> Range:
    """``mention`` up to the eulogy after the name in it (الإمام الراغب الأصفهاني رحمه الله تعالى, نوح عليه السلام
    لقومه), which the phrase keeps so that what was said is read after it; unchanged when it holds none."""
    first, last = mention
    for k in range(first + 1, last + 1):
        if eulogy_after(an, k) != k and prophet_eulogy_after(an, k) is None:  # (the Prophet's stays: it names him)
            end = k - 1
            while end > first and an.tokens[end].kind == "p":
                end -= 1
            return first, end
    return mention


def _glued_source_l(an: Analysis, first: int) -> bool:
    """Is the mention at token ``first`` written with the ل of وفقاً / طبقاً glued to it (لمجلة; not للمجلة, whose
    article the ل has swallowed)?"""
    w = an.tokens[first].norm
    return first > 0 and source_l_glued(an, first - 1) and w[1:2] != "ل" and len(w) > 3


def _conjunction_glued(w: str) -> bool:
    """واللاعب، والوزير، فمنهم: "and" glued to a definite noun or to منهم "some of them"."""
    return and_definite(w) or (w[:1] in ("و", "ف") and w in SOME_OF_THEM)


class _Speakers:
    """Speaker mentions as spans, each in a coreference cluster (its entity)."""

    def __init__(self, ctx: Context, builder: _Builder, registry: list[Entity]) -> None:
        self.ctx = ctx
        self.builder = builder
        self.coref = Coreference(registry)
        self.mentions: dict[Range, tuple[Span, Cluster]] = {}

    def span(self, mention: Range, rule: str) -> Span:
        if mention not in self.mentions:
            an, text = self.ctx.an, self.ctx.doc.text
            named = _before_eulogy(an, mention)  # نوح عليه السلام لقومه: the mention is نوح
            s, e = an.token_span(*named)
            words = [t.norm for t in an.words(*named)]
            head = an.tokens[named[0]]
            if head.kind == "w" and (_glued_source_l(an, mention[0]) or _conjunction_glued(head.norm)):
                s += 1  # وفقاً لمجلة «فوربس» / واللاعب: the mention is the magazine, not its preposition or "and"
                words[0] = words[0][1:]
            context = description_before(self.ctx, mention[0], mention[1])
            stands_for = None
            if len(words) == 1 and is_honorific(words[0]):
                ante = honorific_antecedent(self.ctx, mention[0])
                if ante is not None:
                    a, z = an.token_span(*ante)
                    stands_for = (text[a:z], [t.norm for t in an.words(*ante)])
            cluster = self.coref.add(text[s:e], words, context, stands_for)
            self.mentions[mention] = (self.builder.span("SPEAKER", s, e, rule, {}), cluster)
        return self.mentions[mention][0]

    def entities(self) -> list[Entity]:
        """One entity per cluster (registry entities are reused by id, not repeated); the speaker spans get their
        entity's id."""
        entities: list[Entity] = []
        ids: dict[int, str] = {}
        for span, cluster in self.mentions.values():
            if cluster.key in ids:
                continue
            if cluster.registry_id:
                ids[cluster.key] = cluster.registry_id
                continue
            name = cluster.name
            eid = _hid("e", self.ctx.doc.id, fold(name))
            entities.append(Entity(eid, name, tuple(dict.fromkeys(m for m, _ in cluster.mentions if m != name))))
            ids[cluster.key] = eid
        for span, cluster in self.mentions.values():
            self.builder.spans[("SPEAKER", span.start, span.end)] = Span(
                span.id, span.label, span.start, span.end, span.text, {"entity": ids[cluster.key]}, span.origin,
                span.provenance)
        return entities


_TODAY = fold("اليوم")


def _writer_speaks(ctx: Context, records: list[Record]) -> bool:
    """Does the writer speak in the first person (أنا، نحن، أرى، بلادنا …) three times or more outside quotation marks
    and outside what the records attribute to someone?"""
    spans = sorted((r.first, r.last) for r in records)
    firsts = [a for a, _ in spans]
    reach = list(accumulate((z for _, z in spans), max))  # the furthest token a record before each one covers

    def said(i: int) -> bool:
        k = bisect_right(firsts, i) - 1
        return k >= 0 and reach[k] >= i

    seen = 0
    for t in ctx.an.tokens:
        if t.kind == "w" and t.norm in WRITER_VOICE and t.i not in ctx.inside and not said(t.i):
            seen += 1
            if seen >= 3:
                return True
    return False


def build(ctx: Context, records: Iterable[Record], registry: Iterable[Entity] = (),
          model: str | None = None) -> Suggestions:
    """The suggestion layer of the document of ``ctx`` with its attributions ``records``; ``model`` names the model
    that chose the speakers (kept in the SAID_BY relations' provenance), None for the rules alone."""
    b = _Builder(ctx.doc)
    an = ctx.an
    speakers = _Speakers(ctx, b, list(registry))
    dates: dict[Range, Span] = {}
    records = list(records)
    column: bool | None = None  # an opinion column? (read once, at the first bare اليوم: most articles have none)
    for dm, a, z in ctx.dates:
        if not is_calendar_date(dm.value):
            continue  # الأسبوع الماضي، الصيف الحالي، الخمسينيات: recognised, not suggested (see .dates)
        if a == z and an.tokens[a].norm == _TODAY:
            column = _writer_speaks(ctx, records) if column is None else column
            if column:
                continue  # in an opinion column a bare اليوم is "nowadays" (none annotated in the gold sets)
        dates[(a, z)] = b.span("DATE", dm.start, dm.end, f"date-{dm.rule}", {"value": dm.value, **dm.attrs})
    starts = sorted(dates)  # (first, last) token ranges of the dates, by first token
    ends = {z: (a, z) for a, z in dates}
    said_by: dict[int, Span] = {}  # id(record) -> its speaker mention
    for rec in records:
        s, e = an.token_span(rec.first, closing_last(an, rec.first, rec.last))
        quote = b.span("QUOTE", s, e, rec.rule, {"type": rec.qtype})
        for cue in rec.cues:
            cs, ce = an.token_span(cue.i, cue.last)
            b.relate("CUE", quote, b.span("CUE", cs, ce, f"cue-{cue.kind}", {}), f"cue-{cue.kind}")
        for first, last in rec.extra_cues:
            cs, ce = an.token_span(first, last)
            b.relate("CUE", quote, b.span("CUE", cs, ce, "cue-wording", {}), "cue-wording")
        if rec.speaker is not None:
            speaker = speakers.span(rec.speaker, rec.speaker_rule)
        else:
            speaker = said_by.get(id(rec.antecedent)) if rec.antecedent is not None else None
        if speaker is not None:
            said_by[id(rec)] = speaker
            b.relate("SAID_BY", quote, speaker, rec.speaker_rule or "speaker-after-cue",
                     {"model": model} if model and rec.candidates else None)
        for (a, z), rule in _dating(ctx, starts, ends, rec):
            b.relate("DATED", quote, dates[(a, z)], rule)
    entities = speakers.entities()
    layer = Layer(ctx.doc.id, SUGGESTIONS, Status.TODO.value, b.spans.values(), b.relations.values())
    return Suggestions(layer, entities)


def _dating(ctx: Context, starts: list[Range], ends: dict[int, Range], rec: Record) -> list[tuple[Range, str]]:
    """The dates of a record: those standing in its attribution (between the cue and the content), and one that
    opens the clause right before its cue. (Dates are looked up by position: linear in the article's length.)"""
    out: list[tuple[Range, str]] = []
    for k in range(bisect_left(starts, (rec.frame[0], -1)), len(starts)):
        a, z = starts[k]
        if a > rec.frame[1]:
            break
        if z <= rec.frame[1]:
            out.append(((a, z), "dated-in-attribution"))
    cue = rec.cues[0].i
    for z in (cue - 2, cue - 1):
        found = ends.get(z)
        if found is not None and not (rec.frame[0] <= found[0] and z <= rec.frame[1]) and \
                _opens_clause_before(ctx, found[0], z, cue):
            out.append((found, "dated-before-cue"))
    return sorted(out)


def _opens_clause_before(ctx: Context, a: int, z: int, cue: int) -> bool:
    """وفي 18 تشرين الأول أكدت ...: a date that opens the clause right before its cue dates the statement."""
    an, toks = ctx.an, ctx.an.tokens
    if not (z < cue <= z + 2 and an.same_sentence(a, cue)):
        return False
    if any(toks[k].norm not in _OPENERS for k in range(z + 1, cue)):
        return False
    k = a - 1
    while k >= 0 and an.same_sentence(a, k) and toks[k].norm in _OPENERS:
        k -= 1
    return k < 0 or not an.same_sentence(a, k) or (toks[k].kind == "p" and toks[k].norm not in "»”\"")
