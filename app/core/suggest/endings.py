"""Where reported content ends, as a learned choice among the places the rules could stop.

The rules (:func:`.extent.content_end`) run an indirect content to the end of its sentence unless one of their stops
comes first (a new attribution, a circumstantial participle, ...، وذلك, a concessive). Annotators agree with that
end for most quotes; where they do not, their end is almost always another of those places: the token before a
comma or a semicolon of the same sentence, before a cue, or the sentence's end. Each such place is a candidate; a
model (:class:`.model.Model`'s ``extent`` weights, trained by :mod:`.learn`) scores them as the sum of their
features' weights and picks the highest, the rules' own end on a tie. With no weights the rules' end stands.

Only running content is chosen this way: indirect or mixed content that starts after its cue and whose end the
rules searched for. A candidate never runs into the next attribution of the text, never ends inside a quotation
or inside a quote nested in this one, never adds or drops every quoted fragment (the quote's type stays what the
rules read), and keeps the marks that close what it holds (:func:`.extent.closing_last`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Mapping, Sequence

from ..text.arabic import CLAUSE_PUNCT, SENTENCE_END
from .clauses import Record, fragments, quoted_clause
from .context import Context
from .extent import CLOSING_MARKS, TRAILING, closing_last
from .quotes import is_complementizer

RULE = "end:rule"  # the feature of the rules' own end (its prior weight is what a model must outweigh)
_BEFORE_CUE = ("indirect-before-cue", "indirect-around-source")  # content before its cue: its end is the cue
_CLOSING = CLOSING_MARKS | {")"}  # marks after an end that still belong to what precedes them
_STOPS = CLAUSE_PUNCT | SENTENCE_END


def eligible(rec: Record) -> bool:
    """Is this record's end a search the rules made (running indirect or mixed content after its cue)?"""
    return rec.qtype in ("indirect", "mixed") and rec.rule not in _BEFORE_CUE and rec.first > rec.cues[0].last


class Neighbours:
    """The records of a document by where each begins (its first cue or its content, whichever comes first), so
    that the next attribution after a content and the quotes nested in it are found by bisection: choosing the
    ends stays linear in the article's length."""

    def __init__(self, records: Sequence[Record]) -> None:
        pairs = sorted(((_begins(r), i) for i, r in enumerate(records)))
        self.starts = [s for s, _ in pairs]
        self.records = [records[i] for _, i in pairs]

    def next_start(self, after: int) -> int | None:
        """Where the first record that begins after token ``after`` begins."""
        k = bisect_right(self.starts, after)
        return self.starts[k] if k < len(self.starts) else None

    def within(self, first: int, last: int) -> list[Record]:
        """The records that begin inside ``first .. last``."""
        return self.records[bisect_left(self.starts, first):bisect_right(self.starts, last)]


def _begins(rec: Record) -> int:
    return min(rec.first, rec.cues[0].i)


def candidates(ctx: Context, rec: Record, neighbours: Neighbours) -> list[int]:
    """The content's possible last tokens, the rules' own (after :func:`.extent.closing_last`) first."""
    an, toks = ctx.an, ctx.an.tokens
    rule_last = closing_last(an, rec.first, rec.last)
    lo, hi = an.sentence_bounds[an.sentence[rec.first]]
    nested = [r for r in neighbours.within(rec.first, rule_last) if r is not rec and r.last <= rule_last]
    following = neighbours.next_start(rule_last)
    limit = hi if following is None else min(hi, following - 1)  # (never into the next attribution)
    out = [rule_last]
    kind = _type(ctx, rec.first, rule_last)
    for k in range(rec.first + 1, limit + 1):
        t = toks[k]
        if not ((t.kind == "p" and t.norm in _STOPS) or k == limit
                or (k + 1 in ctx.cue_tokens)):
            continue
        end = _trimmed(ctx, rec.first, k - 1 if t.kind == "p" else k)
        if end < rec.first:
            continue
        end = closing_last(an, rec.first, end)
        st = ctx.inside.get(end)
        if end in out or (st is not None and st.close > end) or \
                any(_begins(r) <= end < r.last for r in nested) or _type(ctx, rec.first, end) != kind:
            continue  # (not inside a quotation, nor inside a quote nested in this one; the type stays right)
        out.append(end)
    return out


def _trimmed(ctx: Context, first: int, k: int) -> int:
    """A candidate end moved back over trailing punctuation and connectives. (Not :func:`.extent.trimmed`: this
    one keeps a closing parenthesis and does not drop قبل / بعد before أن — the candidates the shipped models
    were trained on; sharing the rules' trim would change them.)"""
    toks = ctx.an.tokens
    while k > first and (toks[k].kind == "p" and toks[k].norm not in _CLOSING or toks[k].norm in TRAILING):
        k -= 1
    return k


def _type(ctx: Context, first: int, last: int) -> str:
    """The type the rules give content ``first .. last`` (:func:`.clauses.typed`): direct when everything after
    its complementizer is one quotation, mixed when it holds a whole quoted fragment, else indirect. An end that
    changes it (adds or drops every fragment, or leaves only the quotation) is no candidate."""
    if is_complementizer(ctx.an, first) and quoted_clause(ctx, first, last) is not None:
        return "direct"
    return "mixed" if fragments(ctx, first, last) else "indirect"


def features(ctx: Context, rec: Record, rule_last: int, k: int) -> tuple[str, ...]:
    """What a candidate end looks like: the rules' own or how far from it, what follows it (a punctuation mark,
    the next word or its first letter, a cue, the sentence's end), how many commas and words it adds or drops."""
    an, toks = ctx.an, ctx.an.tokens
    n = len(toks)
    out = [f"end:type={rec.rule}"]
    if k == rule_last:
        out.append(RULE)
    else:
        side = "longer" if k > rule_last else "shorter"
        out += [f"end:{side}", f"end:{side}/{rec.rule}"]
    b = k + 1
    while b < n and toks[b].kind == "p" and toks[b].norm in _CLOSING:
        b += 1
    punct = toks[b].norm if b < n and toks[b].kind == "p" else ""
    out.append(f"end:after={punct}")
    w = b
    while w < n and toks[w].kind == "p":
        w += 1
    if w >= n or not an.same_sentence(rec.first, w):
        out.append("end:sentence-end")
    else:
        word = toks[w].norm
        out += [f"end:next={word}", f"end:next0={word[:1]}", f"end:after+next0={punct}{word[:1]}"]
        if w in ctx.cue_tokens:
            out.append(f"end:next-cue={ctx.cue_at[w].kind}")
    a, z = sorted((rule_last, k))
    commas = sum(1 for j in range(a + 1, z + 1) if toks[j].norm in CLAUSE_PUNCT)
    words = sum(1 for j in range(a + 1, z + 1) if toks[j].kind == "w")
    out += [f"end:commas={min(commas, 3)}", f"end:words={_bucket(words)}",
            f"end:length={_bucket(sum(1 for j in range(rec.first, k + 1) if toks[j].kind == 'w'))}"]
    return tuple(out)


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2-3" if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def choose(ctx: Context, records: Sequence[Record], weights: Mapping[str, float]) -> None:
    """Set each eligible record's last token to its best-scoring candidate end (the rules' on a tie)."""
    if not weights:
        return
    neighbours = Neighbours(records)
    for rec in records:
        if not eligible(rec):
            continue
        cands = candidates(ctx, rec, neighbours)
        if len(cands) < 2:
            continue
        scores = [sum(weights.get(f, 0.0) for f in features(ctx, rec, cands[0], k)) for k in cands]
        rec.last = cands[scores.index(max(scores))]
