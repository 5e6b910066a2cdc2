"""Small helpers shared by the store's parts: timestamps, JSON columns, rows to core objects, comparisons (the
plain values the store returns are :mod:`app.core.ports`')."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone
from typing import Mapping

import orjson

from ..core.errors import QawlError
from ..core.model import Layer, Relation, Span


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def dumps(value: object) -> str:
    return orjson.dumps(value).decode()


def matching(*filters: tuple[str, object]) -> tuple[str, list]:
    """`` AND column = ?`` for each (column, value) filter whose value is not None, and the values: what a read
    with optional filters appends to its WHERE."""
    kept = [(column, value) for column, value in filters if value is not None]
    return "".join(f" AND {column} = ?" for column, _ in kept), [value for _, value in kept]


def span_of_row(r) -> Span:
    return Span(id=r[0], label=r[1], start=r[2], end=r[3], text=r[4], attrs=orjson.loads(r[5]), origin=r[6],
                provenance=orjson.loads(r[7]), created=r[8], updated=r[9])


def relation_of_row(r) -> Relation:
    return Relation(id=r[0], type=r[1], head=r[2], tail=r[3], origin=r[4], provenance=orjson.loads(r[5]),
                    created=r[6])


def span_order(r) -> tuple:
    return (r[3], -r[4], r[2], r[1])


def entity_of(attrs_json: str) -> str | None:
    if '"entity"' not in attrs_json:
        return None
    value = orjson.loads(attrs_json).get("entity")
    return str(value) if value else None


def claim_of(attrs_json: str) -> str | None:
    if '"claim"' not in attrs_json:
        return None
    value = orjson.loads(attrs_json).get("claim")
    return str(value) if value else None


def same_span(a: Span, b: Span) -> bool:
    """Equal in everything an annotator sees (timestamps are bookkeeping and may be filled in by the store)."""
    return (a.id, a.label, a.start, a.end, a.text, a.attrs, a.origin, a.provenance) == \
        (b.id, b.label, b.start, b.end, b.text, b.attrs, b.origin, b.provenance)


def same_relation(a: Relation, b: Relation) -> bool:
    return (a.id, a.type, a.head, a.tail, a.origin, a.provenance) == (b.id, b.type, b.head, b.tail, b.origin,
                                                                      b.provenance)


def same_layer(a: Layer, b: Layer) -> bool:
    if a.status != b.status or (a.note, a.discuss) != (b.note, b.discuss) or a.spans.keys() != b.spans.keys() or \
            a.relations.keys() != b.relations.keys():
        return False
    return all(same_span(a.spans[k], b.spans[k]) for k in a.spans) and \
        all(same_relation(a.relations[k], b.relations[k]) for k in a.relations)


def _content(layer: Layer) -> tuple[Counter, Counter]:
    """What a layer says, without ids, origins, provenance or timestamps (which differ after a trip through another
    tool): spans by label, range and attributes; relations by type and the content of their ends."""
    key = {s.id: (s.label, s.start, s.end, orjson.dumps(s.attrs, option=orjson.OPT_SORT_KEYS))
           for s in layer.spans.values()}
    return Counter(key.values()), Counter((r.type, key[r.head], key[r.tail]) for r in layer.relations.values())


def layer_difference(here: Layer, there: Layer, *, status: bool = True, note: bool = True) -> str | None:
    """None when two layers say the same (see :func:`_content`; ``status=False``: whatever their statuses;
    ``note=False``: whatever their notes on the document); else what differs, in words."""
    if same_layer(here, there):
        return None
    (spans_a, rels_a), (spans_b, rels_b) = _content(here), _content(there)
    parts = []
    only_here, only_there = spans_a - spans_b, spans_b - spans_a
    if only_here or only_there:
        moved = {(lab, s, e) for lab, s, e, _ in only_here} & {(lab, s, e) for lab, s, e, _ in only_there}
        shown = [f"{lab} {s}..{e}" for lab, s, e, _ in list(only_there.elements())[:3]]
        if moved:
            label, start, end = sorted(moved)[0]
            parts.append(f"{len(moved)} span(s) with other attributes (e.g. {label} {start}..{end})")
        extra_here = sum(only_here.values()) - len(moved)
        extra_there = sum(only_there.values()) - len(moved)
        if extra_here > 0:
            parts.append(f"{extra_here} span(s) only here")
        if extra_there > 0:
            parts.append(f"{extra_there} span(s) only in the file (e.g. {', '.join(shown)})")
    if rels_a != rels_b:
        parts.append(f"relations differ ({sum((rels_a - rels_b).values())} only here, "
                     f"{sum((rels_b - rels_a).values())} only in the file)")
    if status and here.status != there.status:
        parts.append(f"status {here.status} here, {there.status} in the file")
    if note and (here.note, here.discuss) != (there.note, there.discuss):
        parts.append("the note on the document differs")
    return "; ".join(parts) if parts else None


def rebase_layer(layer: Layer, doc_id: str, entity_map: Mapping[str, str],
                 claim_map: Mapping[str, str] | None = None) -> Layer:
    """The layer moved onto our document id, with speaker and canonical claim ids mapped onto the registries."""
    claim_map = claim_map or {}

    def moved(s) -> bool:
        claim = s.attrs.get("claim") if s.label == "CLAIM" else None
        return bool(s.entity and entity_map.get(s.entity, s.entity) != s.entity) or \
            bool(claim and claim_map.get(claim, claim) != claim)

    if doc_id == layer.doc_id and not any(moved(s) for s in layer.spans.values()):
        return layer
    from dataclasses import replace

    def rebased(s):
        attrs = s.attrs
        if s.entity:
            attrs = {**attrs, "entity": entity_map.get(s.entity, s.entity)}
        if s.label == "CLAIM" and attrs.get("claim"):
            attrs = {**attrs, "claim": claim_map.get(attrs["claim"], attrs["claim"])}
        return s if attrs is s.attrs else replace(s, attrs=attrs)

    spans = [rebased(s) for s in layer.spans.values()]
    return Layer(doc_id, layer.annotator, layer.status, spans, layer.relations.values(), layer.note, layer.discuss)


def combine_problems(problems: list[QawlError]) -> QawlError:
    if len(problems) == 1:
        return problems[0]
    shown = "\n  ".join(str(p) for p in problems[:20])
    more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
    return QawlError(f"{len(problems)} problems; nothing was imported:\n  {shown}{more}")


