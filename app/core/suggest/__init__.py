"""Suggestions: pre-annotated quotes, cues, speakers and dates for the annotator to accept or reject.

Entry points:

- :func:`suggest_document` ``(doc, registry=()) -> Suggestions``: one document. The result's ``layer`` is a
  :class:`~app.core.model.Layer` of annotator ``"suggestions"`` whose spans and relations all have
  ``origin="suggested"`` and a ``provenance`` naming the rule that produced them (``{"rule": "direct-colon"}``);
  ``entities`` are the speaker entities it created (registry entities matched by name or alias are reused by id
  and not repeated there). The layer validates against ``DEFAULT_SCHEMA`` and the document text.
- :func:`suggest_many` ``(docs, registry=(), workers=2) -> list[Suggestions]``: many documents, in processes.
- :func:`export_line` ``(doc, suggestions, registry=()) -> dict``: the ``qawl-export/1`` line of a document's
  suggestions (annotator ``"suggestions"``), for ``qawl suggest FILE... -o OUT.jsonl``.

The rules are linguistic and live in one module per idea: :mod:`.arabic` (matching copy, tokens),
:mod:`.cues` (reporting-verb lexicon with inflections and clitics), :mod:`.quotes` (quotation marks, names vs
speech, complementizers), :mod:`.clauses` (what a cue introduces and where it ends), :mod:`.speakers`
(the extent of a speaker mention), :mod:`.coref` (which mentions are one speaker; registry), :mod:`.nouns`
(speech nouns after light verbs: وجّهت X تحذيراً بـ), :mod:`.engine` (who said it: subjects, antecedents, shared
subjects), :mod:`.dates` and :mod:`.calendar` (date expressions and their values). No rule lists names or phrases
of particular articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable

from ..jsonl import export_record
from ..model import SUGGESTIONS, Document, Entity, Layer, Origin, Relation, Span, Status
from ..schema import DEFAULT_SCHEMA
from ..text.arabic import fold
from .engine import analyse
from .coref import Coreference, honorific_antecedent, is_honorific
from .speakers import description_before

__all__ = ["Suggestions", "suggest_document", "suggest_many", "export_line", "ENGINE"]

ENGINE = "qawl-suggest/1"
_SUGGESTED = Origin.SUGGESTED.value


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

    def relate(self, type: str, head: Span, tail: Span, rule: str) -> None:
        key = (type, head.id, tail.id)
        if key not in self.relations:
            self.relations[key] = Relation(id=_hid("r", self.doc.id, type, head.id, tail.id), type=type,
                                           head=head.id, tail=tail.id, origin=_SUGGESTED,
                                           provenance={"rule": rule, "engine": ENGINE})


def suggest_document(doc: Document, registry: Iterable[Entity] = ()) -> Suggestions:
    """Suggested quotes (with speaker, cue and date), speakers and dates for ``doc``; see the module docstring."""
    registry = list(registry)
    d, records = analyse(doc)
    an = d.an
    b = _Builder(doc)
    coref = Coreference(registry)
    speaker_spans: dict[tuple[int, int], tuple[Span, object]] = {}
    record_speaker: dict[int, Span] = {}
    date_spans: dict[tuple[int, int], Span] = {}
    for dm, a, z in d.dates:
        attrs = {"value": dm.value, **dm.attrs}
        date_spans[(a, z)] = b.span("DATE", dm.start, dm.end, f"date-{dm.rule}", attrs)
    for idx, rec in enumerate(records):
        s, e = an.token_span(rec.first, rec.last)
        quote = b.span("QUOTE", s, e, rec.rule, {"type": rec.qtype})
        for cue in rec.cues:
            cs, ce = an.token_span(cue.i, cue.last)
            b.relate("CUE", quote, b.span("CUE", cs, ce, f"cue-{cue.kind}", {}), f"cue-{cue.kind}")
        for first, last in rec.extra_cues:
            cs, ce = an.token_span(first, last)
            b.relate("CUE", quote, b.span("CUE", cs, ce, "cue-wording", {}), "cue-wording")
        speaker = None
        if rec.speaker is not None:
            if rec.speaker not in speaker_spans:
                ss, se = an.token_span(*rec.speaker)
                words = [t.norm for t in an.words(*rec.speaker)]
                context = description_before(an, rec.speaker[0], rec.speaker[1], d.cue_tokens)
                stands_for = None
                if len(words) == 1 and is_honorific(words[0]):
                    ante = honorific_antecedent(an, rec.speaker[0], d.by_open, d.date_at, d.cue_tokens)
                    if ante is not None:
                        a, z = an.token_span(*ante)
                        stands_for = (doc.text[a:z], [t.norm for t in an.words(*ante)])
                cluster = coref.add(doc.text[ss:se], words, context, stands_for)
                span = b.span("SPEAKER", ss, se, rec.speaker_rule, {})
                speaker_spans[rec.speaker] = (span, cluster)
            speaker = speaker_spans[rec.speaker][0]
        elif rec.antecedent is not None:
            speaker = record_speaker.get(id(rec.antecedent))
        if speaker is not None:
            record_speaker[id(rec)] = speaker
            b.relate("SAID_BY", quote, speaker, rec.speaker_rule or "speaker-after-cue")
        for (a, z), dspan in date_spans.items():
            if rec.frame[0] <= a and z <= rec.frame[1]:
                b.relate("DATED", quote, dspan, "dated-in-attribution")
            elif _opens_clause_before(an, a, z, rec.cues[0].i):
                b.relate("DATED", quote, dspan, "dated-before-cue")
    # Entities: one per cluster; registry entities are reused by id.
    entities: list[Entity] = []
    cluster_ids: dict[int, str] = {}
    for span, cluster in speaker_spans.values():
        if cluster.key not in cluster_ids:
            if cluster.registry_id:
                cluster_ids[cluster.key] = cluster.registry_id
            else:
                name = cluster.name
                eid = _hid("e", doc.id, fold(name))
                aliases = tuple(dict.fromkeys(m for m, _ in cluster.mentions if m != name))
                entities.append(Entity(eid, name, aliases))
                cluster_ids[cluster.key] = eid
    for key, (span, cluster) in list(speaker_spans.items()):
        new = Span(span.id, span.label, span.start, span.end, span.text, {"entity": cluster_ids[cluster.key]},
                   span.origin, span.provenance)
        b.spans[("SPEAKER", span.start, span.end)] = new
    layer = Layer(doc.id, SUGGESTIONS, Status.TODO.value, b.spans.values(), b.relations.values())
    return Suggestions(layer, entities)


_OPENERS = frozenset(fold(w) for w in ("و", "في", "وفي", "ف", "ففي", "يوم", "ويوم", "،", ","))


def _opens_clause_before(an, a: int, z: int, cue: int) -> bool:
    """وفي 18 تشرين الأول أكدت ...: a date that opens the clause right before its cue dates the statement."""
    toks = an.tokens
    if not (z < cue <= z + 2 and an.same_sentence(a, cue)):
        return False
    if any(toks[k].norm not in _OPENERS for k in range(z + 1, cue)):
        return False
    k = a - 1
    while k >= 0 and an.same_sentence(a, k) and toks[k].norm in _OPENERS:
        k -= 1
    return k < 0 or not an.same_sentence(a, k) or (toks[k].kind == "p" and toks[k].norm not in "»”\"")


def _one(args: tuple[Document, tuple[Entity, ...]]) -> Suggestions:
    doc, registry = args
    return suggest_document(doc, registry)


def suggest_many(docs: Iterable[Document], registry: Iterable[Entity] = (), workers: int = 2,
                 chunksize: int = 64) -> list[Suggestions]:
    """Suggestions for many documents, in ``workers`` processes (1: in this process), in input order.

    Workers are *spawned*, not forked: the caller may be a Qt application with threads, which ``fork`` would
    copy in an undefined state. Entities created for different documents are independent (each document's
    speakers get document-scoped ids); pass the project registry to reuse its entities everywhere."""
    docs = list(docs)
    registry = tuple(registry)
    if workers <= 1 or len(docs) < 2 * chunksize:
        return [suggest_document(doc, registry) for doc in docs]
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        return pool.map(_one, [(doc, registry) for doc in docs], chunksize=chunksize)


def export_line(doc: Document, suggestions: Suggestions, registry: Iterable[Entity] = ()) -> dict:
    """The ``qawl-export/1`` line of ``doc`` with its suggestion layer and the speakers it uses (created ones and
    registry ones), ready for ``orjson.dumps``."""
    entities = {e.id: e for e in registry}
    entities.update((e.id, e) for e in suggestions.entities)
    return export_record(doc, suggestions.layer, entities, DEFAULT_SCHEMA.name)
