"""Which offset unit a peer file counts in, proven from its spans (``offset_unit="auto"``).

A unit qualifies when every span of the file is valid under it: in range, not inside a surrogate pair, not empty,
equal to the tool's span text where the tool writes one (Label Studio, Prodigy, brat). doccano writes no span text,
and Arabic harakat (one grapheme cluster, two code points) let UTF-16 and grapheme offsets both fit; then evidence
decides, or the file is reported as ambiguous. See :func:`detect_unit`.
"""

from __future__ import annotations

from typing import Sequence

from .peer import PeerDoc, PeerSpan
from .units import PeerText


def _span_valid(text: PeerText, span: PeerSpan, unit: str) -> tuple[int, int] | None:
    try:
        start, end = text.to_raw(span.start, unit), text.to_raw(span.end, unit)
    except ValueError:
        return None
    if start >= end:
        return None
    if span.text is not None and text.raw[start:end] != span.text:
        return None
    return start, end


def detect_unit(docs: Sequence[PeerDoc], texts: dict[int, PeerText], units: tuple[str, ...]
                ) -> tuple[str, list[PeerDoc], str]:
    """Which of ``units`` the spans of one file are counted in.

    Returns ``(unit, ambiguous_docs, how)``. A unit qualifies when every span of the file is valid under it (in
    range, not inside a surrogate pair, not empty, equal to the tool's span text where there is one). If several
    qualify and give the same code-point ranges everywhere, the first (the tool's documented unit) is taken; if
    they qualify but disagree somewhere, the documents where they disagree are returned as ambiguous (the caller
    reports them: the user must say ``offset_unit``). If none qualifies, the unit under which most spans are valid
    is taken and the others are reported span by span.
    """
    valid: dict[str, int] = {u: 0 for u in units}
    total = 0
    results: dict[str, dict[int, list]] = {u: {} for u in units}
    for doc in docs:
        text = texts.get(id(doc))
        if text is None:
            continue
        same = text.same_everywhere(units)
        for layer in doc.layers:
            for span in layer.spans:
                total += 1
                first = _span_valid(text, span, units[0])
                for u in units:
                    r = first if (same or u == units[0]) else _span_valid(text, span, u)
                    if r is not None:
                        valid[u] += 1
                    results[u].setdefault(id(doc), []).append(r)
    full = [u for u in units if valid[u] == total]
    if not full:
        best = max(units, key=lambda u: (valid[u], -units.index(u)))
        return best, [], f"no unit fits every span; read as {best} ({valid[best]} of {total} spans fit)"
    if len(full) == 1:
        how = "the only unit every span fits" if len(units) > 1 and total else "the tool's unit"
        return full[0], [], how
    disagree = [doc for doc in docs if any(results[u].get(id(doc)) != results[full[0]].get(id(doc))
                                           for u in full[1:])]
    if not disagree:
        return full[0], [], f"every span fits {', '.join(full)} and they agree"
    # Spans without the tool's text (doccano) can fit several units. Evidence, in order: a unit under which some
    # span edge falls inside a character (grapheme cluster) is out, since selections in the tools never do that;
    # then, over the spans two units read differently, the share of edges that do not cut a word must be
    # decisive (>= 80 % for the winner, at most 60 % of that for every rival).
    def differing(u: str, v: str):
        for doc in disagree:
            text = texts[id(doc)]
            for ru, rv in zip(results[u][id(doc)], results[v][id(doc)]):
                if ru != rv:
                    yield text, ru, rv

    def splits(u: str) -> bool:
        return any(text.splits_cluster(p) for v in full if v != u for text, ru, _ in differing(u, v) for p in ru)

    whole = [u for u in full if not splits(u)]
    if len(whole) == 1:
        return whole[0], [], f"spans fit {', '.join(full)}, but only under {whole[0]} does no span edge fall " \
                             f"inside a character"
    candidates = whole or full

    def word_edges(text, r) -> int:
        return text.at_word_edge(r[0], end=False) + text.at_word_edge(r[1], end=True)

    for best in candidates:
        verdicts = []
        for rival in candidates:
            pairs = list(differing(best, rival)) if rival != best else []
            if not pairs:
                continue
            n = 2 * len(pairs)
            mine = sum(word_edges(t, rb) for t, rb, _ in pairs)
            theirs = sum(word_edges(t, rr) for t, _, rr in pairs)
            verdicts.append((mine >= 0.8 * n and theirs <= 0.6 * mine, rival, mine, theirs, n))
        if verdicts and all(v[0] for v in verdicts):
            detail = "; ".join(f"{m} of {n} edges between words, {t} as {r}" for _, r, m, t, n in verdicts)
            return best, [], f"spans fit {', '.join(full)}; where they differ, read as {best}: {detail}"
    return full[0], disagree, f"every span fits {', '.join(full)}"


