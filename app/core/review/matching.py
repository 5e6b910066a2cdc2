"""How two annotators' spans pair up, and how a quote's attribution compares: the rules shared by
:mod:`app.core.review.diff` (what the reviewer sees), :mod:`app.core.review.adjudicate` and :mod:`app.core.review.agreement`.

Pairing (one-to-one, deterministic)
-----------------------------------
* **Exact match**: two spans with the same label and the same ``start`` and ``end``. Exact pairs are one-to-one:
  if one annotator has the same labelled range twice, only as many pairs form as the other annotator has copies.
* **Overlap match**: two spans of the same label that share at least one character (``a.start < b.end and
  b.start < a.end``). Candidate pairs are taken greedily in this order, each span joining at most one pair:
  larger overlap (in code points) first; on equal overlap, the smaller union first (so an exact pair wins over a
  longer span it sits in); then text position (``a.start, a.end, b.start, b.end``). Greedy is not guaranteed to
  find the largest number of pairs in contrived chains, but it is stable, easy to explain and the same everywhere.

Attribution
-----------
The attribution of a QUOTE is who said it (``SAID_BY`` -> SPEAKER), the reporting verb (``CUE`` -> CUE), when
(``DATED`` -> DATE) and its ``type`` attribute; of a CLAIM, who made it (``CLAIMED_BY``) and when (``DATED``).
Two spans' attributions are compared field by field (see :func:`compare_attribution`):

* ``speaker``: the *sets* of entity keys of the linked SPEAKER spans are equal. The key comes from
  ``entity_key(layer, span)``; :func:`default_entity_key` uses the speaker entity id and falls back to the
  normalised mention text (:func:`normalise_mention`) when the span has no entity.
* ``cue``: every linked CUE of one side overlaps a linked CUE of the other side and vice versa (cue boundaries are
  measured by CUE span agreement; here only "is it the same verb" counts).
* ``date``: the sets of linked DATE values (``attrs.value``; the normalised text when a date has no value) are equal.
* ``type``: the quote ``type`` attributes are equal.

A field that neither side has (no speaker on either quote, ...) is *not compared* (``None``), so that absent dates
do not inflate date agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from ..model import Layer, Span
from ..text.arabic import mention_key

EntityKey = Callable[[Layer, Span], str]

# label -> ((field, relation type), ...): which links make up the attribution of a span of that label.
ATTRIBUTION_LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "QUOTE": (("speaker", "SAID_BY"), ("cue", "CUE"), ("date", "DATED")),
    "CLAIM": (("speaker", "CLAIMED_BY"), ("date", "DATED")),
}
# label -> {relation type: field}, the same table read the other way
_LINK_FIELDS = {label: {rtype: f for f, rtype in links} for label, links in ATTRIBUTION_LINKS.items()}
# label -> attribute compared as the ``type`` field.
ATTRIBUTION_ATTRS: dict[str, str] = {"QUOTE": "type"}
ATTRIBUTION_FIELDS = ("speaker", "cue", "date", "type")


def fields_for(label: str) -> tuple[str, ...]:
    """The attribution fields that apply to spans of ``label`` (empty for labels without attribution)."""
    fields = _FIELDS.get(label)
    if fields is None:
        out = [f for f, _ in ATTRIBUTION_LINKS.get(label, ())]
        if label in ATTRIBUTION_ATTRS:
            out.append("type")
        fields = _FIELDS[label] = tuple(f for f in ATTRIBUTION_FIELDS if f in out)
    return fields


_FIELDS: dict[str, tuple[str, ...]] = {}


# --- mention normalisation -------------------------------------------------------------------------------------

# The comparison key of a mention is the one Arabic folding of app.core.text.arabic (also used by the suggestions).
normalise_mention = mention_key


def default_entity_key(layer: Layer, span: Span) -> str:
    """``entity:<id>`` when the SPEAKER span names a registry entity, else ``text:<normalised mention>``.

    Entity ids only agree across teammates when their speakers were merged into one registry on import; pass
    another ``entity_key`` (e.g. the entity's canonical name) when they were not."""
    if span.entity:
        return f"entity:{span.entity}"
    return f"text:{normalise_mention(span.text)}"


# --- pairing ---------------------------------------------------------------------------------------------------

def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of code points two half-open ranges share (0 when they do not overlap)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def greedy_pairs(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(i, j)`` of overlapping ranges ``a[i]``/``b[j]`` by the greedy rule in the module doc.

    Works on plain ``(start, end)`` tuples (all of one label) so that agreement over many documents stays fast.
    ``b`` must be sorted by start (the search for overlaps stops at the first range starting after ``a[i]``)."""
    cands = []
    for i, (s1, e1) in enumerate(a):
        for j, (s2, e2) in enumerate(b):
            if s2 >= e1:
                break
            if s1 < e2:
                ov = (e1 if e1 < e2 else e2) - (s1 if s1 > s2 else s2)
                union = (e1 if e1 > e2 else e2) - (s1 if s1 < s2 else s2)
                cands.append((-ov, union, s1, e1, s2, e2, i, j))
    if not cands:
        return []
    cands.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for *_, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def exact_count(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    """Number of one-to-one exact pairs between two lists of ranges of one label (multiset intersection)."""
    if not a or not b:
        return 0
    counts: dict[tuple[int, int], int] = {}
    for r in a:
        counts[r] = counts.get(r, 0) + 1
    n = 0
    for r in b:
        c = counts.get(r, 0)
        if c:
            counts[r] = c - 1
            n += 1
    return n


def match_spans(a: Sequence[Span], b: Sequence[Span], *, exact: bool = False) -> list[tuple[Span, Span]]:
    """Pairs of same-label spans of two annotators, exact or by overlap, in text order of the first side."""
    out: list[tuple[Span, Span]] = []
    labels = sorted({s.label for s in a} & {s.label for s in b})
    for label in labels:
        sa = sorted((s for s in a if s.label == label), key=lambda s: (s.start, s.end, s.id))
        sb = sorted((s for s in b if s.label == label), key=lambda s: (s.start, s.end, s.id))
        if exact:
            free = list(sb)
            for x in sa:
                y = next((y for y in free if (y.start, y.end) == (x.start, x.end)), None)
                if y is not None:
                    free.remove(y)
                    out.append((x, y))
        else:
            for i, j in greedy_pairs([(s.start, s.end) for s in sa], [(s.start, s.end) for s in sb]):
                out.append((sa[i], sb[j]))
    out.sort(key=lambda p: (p[0].start, p[0].end, p[0].label, p[0].id))
    return out


# --- attribution -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Attribution:
    """What a QUOTE or CLAIM is attributed to in one layer (empty sets: no such link)."""

    speaker: frozenset[str] = frozenset()
    cue: tuple[tuple[int, int], ...] = ()
    date: frozenset[str] = frozenset()
    type: str | None = None


def outgoing_index(layer: Layer) -> dict[str, list[tuple[str, str]]]:
    """``head span id -> [(relation type, tail span id), ...]``: build once per layer when comparing many spans."""
    index: dict[str, list[tuple[str, str]]] = {}
    for rel in layer.relations.values():
        index.setdefault(rel.head, []).append((rel.type, rel.tail))
    return index


def attribution_of(layer: Layer, span: Span, entity_key: EntityKey = default_entity_key,
                   index: Mapping[str, list[tuple[str, str]]] | None = None) -> Attribution:
    """The attribution of ``span`` in ``layer`` (see the module doc); ``index`` from :func:`outgoing_index`."""
    fields = _LINK_FIELDS.get(span.label)
    speakers: set[str] = set()
    cues: list[tuple[int, int]] = []
    dates: set[str] = set()
    if fields:
        out = index.get(span.id, ()) if index is not None else [(r.type, r.tail) for r in layer.outgoing(span.id)]
        for rtype, tail_id in out:
            fld = fields.get(rtype)
            if fld is None:
                continue
            tail = layer.spans[tail_id]
            if fld == "speaker":
                speakers.add(entity_key(layer, tail))
            elif fld == "cue":
                cues.append((tail.start, tail.end))
            else:
                value = tail.attrs.get("value")
                dates.add(str(value) if value else f"text:{normalise_mention(tail.text)}")
    attr = ATTRIBUTION_ATTRS.get(span.label)
    value = span.attrs.get(attr) if attr else None
    return Attribution(frozenset(speakers), tuple(sorted(cues)), frozenset(dates), str(value) if value else None)


def _cues_agree(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> bool:
    def covered(xs, ys):
        return all(any(s1 < e2 and s2 < e1 for s2, e2 in ys) for s1, e1 in xs)
    return covered(a, b) and covered(b, a)


def compare_attribution(label: str, a: Attribution, b: Attribution) -> dict[str, bool | None]:
    """``field -> True`` (agree) / ``False`` (differ) / ``None`` (neither side has it), for the fields of ``label``."""
    result: dict[str, bool | None] = {}
    for fld in fields_for(label):
        x, y = getattr(a, fld), getattr(b, fld)
        if not x and not y:
            result[fld] = None
        elif fld == "cue":
            result[fld] = _cues_agree(x, y)
        else:
            result[fld] = x == y
    return result
