"""Units for chance-corrected agreement, and the two coefficients computed on them.

Units
-----
* **Character units**: every code point of the document text that is neither whitespace (``str.isspace``) nor
  an invisible format control (Unicode category ``Cf``: RLM/LRM, ZWJ/ZWNJ, soft hyphen, ...). So whether a span
  includes the space after a word never counts as a disagreement.
* **Token units**: a token is a maximal run of word characters (``\\w`` of the ``regex`` module: letters,
  combining marks such as harakat, digits, ``_``, tatweel and ZWJ/ZWNJ) or a single character that is neither a
  word character, whitespace (``str.isspace``) nor a format control (each punctuation mark or symbol is its own token:
  ``«`` ``،`` ``.``). ``وأكدَ «السيد»`` is 4 tokens: ``وأكدَ`` ``«`` ``السيد`` ``»``.
* A span **covers** a character unit inside its range, and a token unit when it shares at least one character
  with the token (a span that leaves out the attached و of ``وأكد`` still covers that token).

Categories
----------
Each annotator who has a layer of the document gives every unit of it one category:

* per label *L* (a binary figure): ``L`` if one of the annotator's spans labelled *L* covers the unit, else
  ``none``;
* overall (one multi-class figure): the first label in the *precedence* order among the labels of the
  annotator's spans that cover the unit, else ``none``. The default precedence puts short, specific labels first
  (SPEAKER, CUE, DATE, QUOTE, CLAIM, then other labels alphabetically), so a date inside a quote still counts.

An annotator who has no layer of a document is *missing* for all its units (Krippendorff's alpha allows that).

Coefficients (nominal)
----------------------
* **Cohen's kappa** of two annotators over the units both categorised: ``p_o`` = share of units with the same
  category, ``p_e = sum_c p_a(c) * p_b(c)`` from each annotator's own category shares,
  ``kappa = (p_o - p_e) / (1 - p_e)``. Undefined (``None``) when there are no units or ``p_e = 1`` (both
  annotators put every unit in one and the same category).
* **Krippendorff's alpha** over all annotators, units with fewer than two values left out: with ``m_u`` the
  number of annotators who categorised unit *u* and coincidences ``o_ck = sum_u (number of ordered pairs of
  values (c, k) from two different annotators of unit u) / (m_u - 1)``, ``n_c = sum_k o_ck`` and
  ``n = sum_c n_c``, ``alpha = 1 - (n - 1) * sum_{c!=k} o_ck / sum_{c!=k} n_c * n_k``. Undefined (``None``) when
  no unit has two values or all values are one category.

Speed: units are never listed one by one. The text is cut at every span boundary into stretches where each
annotator's set of covering labels is constant; each stretch adds its character and token counts to tallies
keyed by those label sets (one bit mask), and everything above is computed from the tallies. Characters are
counted with ``str.split``; tokens with ``str.split`` plus a list of the text's separators (punctuation and format
controls), so the regex engine reads each text once.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import regex

NONE = "none"
DEFAULT_PRECEDENCE = ("SPEAKER", "CUE", "DATE", "QUOTE", "CLAIM")
UNITS = ("char", "token")

# Whitespace is what ``str.isspace`` says (regex ``\s`` plus the four C0 separators it leaves out), so that
# ``str.split`` can count it at C speed; format controls (``Cf``) are rare and counted by regex when present.
_CF = regex.compile(r"\p{Cf}")
# Separators: what ends a run of word characters inside a whitespace-delimited chunk (punctuation, symbols, and
# format controls other than ZWJ/ZWNJ, which are word characters).
_SEPARATOR = regex.compile(r"[^\w\s\x1c-\x1f]")
_TOKEN = regex.compile(r"\w+|[^\w\s\x1c-\x1f\p{Cf}]")
_WORD = regex.compile(r"\w")
_is_word_cache: dict[str, bool] = {}
_is_punct_cache: dict[str, bool] = {}

def precedence_for(labels: Iterable[str], precedence: Sequence[str] = DEFAULT_PRECEDENCE) -> tuple[str, ...]:
    """``labels`` ordered by ``precedence``, labels not in it after, alphabetically."""
    labels = set(labels)
    first = [l for l in precedence if l in labels]
    return tuple(first + sorted(labels - set(first)))


def _is_word(ch: str) -> bool:
    v = _is_word_cache.get(ch)
    if v is None:
        v = _is_word_cache[ch] = bool(_WORD.match(ch))
    return v


def _inside_word(text: str, pos: int) -> bool:
    """True when ``pos`` (0 < pos < len) falls between two word characters, i.e. inside a word token."""
    get = _is_word_cache.get
    a, b = get(text[pos - 1]), get(text[pos])
    if a is None:
        a = _is_word(text[pos - 1])
    if b is None:
        b = _is_word(text[pos])
    return a and b


def token_start(text: str, start: int) -> int:
    """``start`` moved back to the start of the word token it falls inside (unchanged at a token boundary)."""
    while 0 < start < len(text) and _inside_word(text, start):
        start -= 1
    return start


def token_end(text: str, end: int) -> int:
    """``end`` moved forward to the end of the word token it falls inside (unchanged at a token boundary)."""
    n = len(text)
    while 0 < end < n and _inside_word(text, end):
        end += 1
    return end


def count_units(text: str, start: int, end: int, unit: str) -> int:
    """Units in ``text[start:end]`` (for tokens, ``start``/``end`` must be token boundaries)."""
    if unit == "char":
        piece = text[start:end]
        return len("".join(piece.split())) - len(_CF.findall(piece))
    return len(_TOKEN.findall(text, start, end))


def tokens(text: str) -> list[tuple[int, int]]:
    """The token units of ``text`` as ``(start, end)`` ranges (for display and tests; the tallies never list them)."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _separators(text: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Positions of the separators of ``text``, with what each adds to a token count (used by :func:`tally`).

    Within a stretch cut out of the text, tokens = chunks (``str.split``) + for every separator *k*: 1 if it is
    punctuation (a token itself; 0 for a format control) + 1 if a word character precedes it (a run ends there)
    - 1 if it ends its chunk (the chunk's last run, counted by the chunk, is not there)."""
    n = len(text)
    positions = [m.start() for m in _SEPARATOR.finditer(text)]
    if not positions:
        return positions, [0], [], []
    acc = [0]
    left: list[int] = []
    ends: list[int] = []
    total = 0
    get = _is_word_cache.get
    for k in positions:
        ch = text[k]
        punct = _is_punct_cache.get(ch)
        if punct is None:
            punct = _is_punct_cache[ch] = _CF.match(ch) is None
        lw = 0
        if k:
            before = text[k - 1]
            w = get(before)
            lw = int(w if w is not None else _is_word(before))
        end = 1 if k + 1 == n or text[k + 1].isspace() else 0
        total += punct + lw - end
        acc.append(total)
        left.append(lw)
        ends.append(end)
    return positions, acc, left, ends


def tally(text: str, spans: Sequence[Sequence[tuple[int, int, int]]], n_labels: int) -> tuple[dict[int, int],
                                                                                             dict[int, int]]:
    """``({state: character units}, {state: token units})`` for one document, in one sweep.

    ``spans[i]`` holds annotator *i*'s spans as ``(start, end, label index)`` with label indexes below
    ``n_labels``. A state is a bit mask: bit ``i * n_labels + l`` is set when a span of annotator *i* with label
    *l* covers the units (see :func:`labels_of`). State 0 counts the units no span of anyone covers (always
    present, possibly 0).

    The text is cut at every span boundary into stretches of constant coverage. A character unit takes the state
    of its stretch. A token takes the state of its stretch too, unless a boundary cuts it (a span starting or
    ending inside a word): then it takes the union of the states of the stretches it touches, and is counted
    once, when the sweep has passed it. Units are counted with ``str.split`` and a list of separators, so the
    text is scanned by the regex engine only once."""
    has_cf = _CF.search(text) is not None
    seps, acc, left, ends = _separators(text)
    n = len(text)
    bits = max(1, len(spans) * n_labels).bit_length() + 1
    shift = bits + 1
    events: list[int] = []
    for i, ann in enumerate(spans):
        base = i * n_labels
        for s, e, label in ann:
            b = base + label
            # One int per event sorts fast: position, then opening flag, then the bit.
            events.append((s << shift) | (1 << bits) | b)
            events.append((e << shift) | b)
    events.sort()
    events.append(n << shift)  # closes nothing: makes the loop count the last stretch
    chars: dict[int, int] = {0: 0}
    toks: dict[int, int] = {0: 0}
    counts = [0] * (len(spans) * n_labels)
    low = (1 << bits) - 1
    mask = 0
    prev = 0
    lo = 0  # index of the first separator at or after ``prev``
    n_seps = len(seps)
    word_end = -1  # end of a word cut by a boundary and not counted yet (-1: none)
    word_mask = 0
    is_word = _is_word_cache
    for ev in events:
        pos = ev >> shift
        if pos != prev:
            chunks = text[prev:pos].split()
            c = len("".join(chunks))
            if has_cf:
                c -= len(_CF.findall(text, prev, pos))
            if c:
                chars[mask] = chars.get(mask, 0) + c
            t = len(chunks)
            if lo < n_seps and seps[lo] < pos:
                hi = bisect_left(seps, pos, lo)
                t += acc[hi] - acc[lo]
                if seps[lo] == prev:
                    t -= left[lo]  # no run before it inside this stretch
                if seps[hi - 1] == pos - 1:
                    t -= 1 - ends[hi - 1]  # it ends this stretch's last chunk
                lo = hi
            cut = False
            if 0 < pos < n:  # a boundary inside a word (word characters on both sides) cuts it
                after = text[pos]
                w = is_word.get(after)
                if w is None:
                    w = _is_word(after)
                if w:
                    before = text[pos - 1]
                    w = is_word.get(before)
                    cut = w if w is not None else _is_word(before)
            if word_end >= 0:  # this stretch touches the cut word (it started at or before ``prev``)
                word_mask |= mask
                t -= 1  # its leading piece is that word
                if word_end <= pos:
                    toks[word_mask] = toks.get(word_mask, 0) + 1
                    word_end = -1
                else:
                    cut = False  # ``pos`` cuts the same word again: nothing new starts
            if cut:
                t -= 1  # the trailing piece is the start of a word counted when the sweep has passed it
                word_end = token_end(text, pos)
                word_mask = mask
            if t:
                toks[mask] = toks.get(mask, 0) + t
            prev = pos
        b = ev & low
        if ev >> bits & 1:
            c = counts[b] = counts[b] + 1
            if c == 1:
                mask |= 1 << b
        else:  # (the closing sentinel may drive a count below zero: nothing is counted after it)
            c = counts[b] = counts[b] - 1
            if not c:
                mask &= ~(1 << b)
    return chars, toks


def labels_of(state: int, annotator: int, n_labels: int) -> int:
    """Annotator *annotator*'s part of a :func:`tally` state: a mask of label indexes."""
    return (state >> (annotator * n_labels)) & ((1 << n_labels) - 1)


# --- the coefficients, from tallies ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Confusion:
    """Two annotators' categories over shared units: ``counts[(cat_a, cat_b)] = units``."""

    counts: Mapping[tuple[str, str], int]

    @property
    def units(self) -> int:
        return sum(self.counts.values())

    @property
    def observed(self) -> float | None:
        n = self.units
        return sum(v for (a, b), v in self.counts.items() if a == b) / n if n else None

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa, computed exactly on integers: ``(N*agree - sum row*col) / (N^2 - sum row*col)``."""
        n = self.units
        if not n:
            return None
        rows: dict[str, int] = {}
        cols: dict[str, int] = {}
        agree = 0
        for (a, b), v in self.counts.items():
            rows[a] = rows.get(a, 0) + v
            cols[b] = cols.get(b, 0) + v
            if a == b:
                agree += v
        chance = sum(rows[c] * cols.get(c, 0) for c in rows)
        if n * n == chance:
            return None
        return (n * agree - chance) / (n * n - chance)

    @property
    def alpha(self) -> float | None:
        """Krippendorff's alpha of the two annotators (every unit has both values: no missing data), on integers:
        ``n = 2N`` values, ``n_c`` = row + column total of ``c``, ``sum_c o_cc = 2 * agreeing units``."""
        values: dict[str, int] = {}
        agree = 0
        for (a, b), v in self.counts.items():
            values[a] = values.get(a, 0) + v
            values[b] = values.get(b, 0) + v
            if a == b:
                agree += v
        n = 2 * self.units
        expected = n * n - sum(v * v for v in values.values())
        if n < 2 or expected == 0:
            return None
        return 1 - (n - 1) * (n - 2 * agree) / expected


@dataclass(frozen=True)
class Coincidence:
    """Krippendorff's coincidence matrix ``o[(c, k)]`` and the value totals ``n_c`` (pairable values only)."""

    o: Mapping[tuple[str, str], float]
    n_c: Mapping[str, int]

    @classmethod
    def of(cls, o: Mapping[tuple[str, str], float]) -> "Coincidence":
        n_c: dict[str, float] = {}
        for (c, _), v in o.items():
            n_c[c] = n_c.get(c, 0) + v
        return cls(dict(o), {c: round(v) for c, v in n_c.items()})

    @property
    def values(self) -> int:
        """Pairable values ``n``."""
        return sum(self.n_c.values())

    @property
    def observed(self) -> float | None:
        """Share of pairable value pairs that agree, ``sum_c o_cc / n``."""
        n = self.values
        return sum(v for (c, k), v in self.o.items() if c == k) / n if n else None

    @property
    def alpha(self) -> float | None:
        n = self.values
        if n < 2:
            return None
        expected = n * n - sum(v * v for v in self.n_c.values())  # sum_{c!=k} n_c n_k, exact
        if expected == 0:
            return None
        disagree = n - sum(v for (c, k), v in self.o.items() if c == k)
        return 1 - (n - 1) * disagree / expected


def add_coincidences(o: dict[tuple[str, str], float], values: Sequence[str], weight: int) -> None:
    """Add ``weight`` units that each have ``values`` (one per annotator present) to coincidence matrix ``o``:
    each unit adds ``count_c * (count_k - [c == k]) / (m - 1)`` to ``o[(c, k)]``."""
    m = len(values)
    if m < 2:
        return
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    share = weight / (m - 1)
    for c, nc in counts.items():
        for k, nk in counts.items():
            pairs = nc * (nk - 1) if c == k else nc * nk
            if pairs:
                o[(c, k)] = o.get((c, k), 0) + pairs * share
