"""Claims with similar wording: the matching form of a claim and a character n-gram TF-IDF index.

Two mentions of one claim rarely share their exact words: one article writes «أن عدد المصابين ارتفع إلى ٥٠٠»,
another «وارتفع عدد المصابين الى 500 مصاب». Matching is done on a *folded copy* (harakat, tatweel and invisible
marks removed, letter variants and digits unified, punctuation dropped, thousands separators removed), compared
by cosine similarity of TF-IDF weighted character n-grams (3 to 5 characters, within words padded by spaces),
which is robust to clitics (و، ف، ب، ال) and word order. Nothing is downloaded: the index is built from the
project's registry, in memory, in milliseconds for thousands of claims.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable

from ..text.arabic import fold_loose

# Arabic decimal and thousands separators, read as the Latin ones (the number rules below unify them).
_SEPARATORS = str.maketrans({"٫": ".", "٬": ","})
_THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")
_NOT_WORD = re.compile(r"[^\w.]+|(?<!\d)\.|\.(?!\d)")

NGRAMS = (3, 4, 5)
DEFAULT_THRESHOLD = 0.35  # below it, two wordings share little more than common words (see tests/test_claims_core)


def normalise(text: str) -> str:
    """The matching form of a claim's wording: NFKC, folded, case folded, digits unified, punctuation dropped."""
    text = unicodedata.normalize("NFKC", text)
    text = fold_loose(text).translate(_SEPARATORS).casefold()
    text = _THOUSANDS.sub("", text)
    text = _DECIMAL.sub(".", text)
    return " ".join(_NOT_WORD.sub(" ", text).split())


def ngrams(normalised: str) -> Counter:
    """Character n-grams of every word padded with spaces (a word shorter than n gives itself once)."""
    grams: Counter = Counter()
    for word in normalised.split():
        padded = f" {word} "
        for n in NGRAMS:
            if len(padded) <= n:
                grams[padded] += 1
                continue
            for i in range(len(padded) - n + 1):
                grams[padded[i:i + n]] += 1
    return grams


class ClaimIndex:
    """Canonical claims indexed for "which of these says the same thing as this text?".

    ``similar(text)`` returns (id, score) pairs, best first, with score = the cosine similarity (0..1) of the
    sublinear TF-IDF vectors of their n-grams; the IDF is taken over the indexed claims plus the query."""

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        self._grams: dict[str, Counter] = {}
        for key, text in items:
            self._grams[key] = ngrams(normalise(text))
        self._df: Counter = Counter()
        for grams in self._grams.values():
            self._df.update(grams.keys())
        self._postings: dict[str, list[str]] = defaultdict(list)
        for key, grams in self._grams.items():
            for gram in grams:
                self._postings[gram].append(key)

    def __len__(self) -> int:
        return len(self._grams)

    def _idf(self, gram: str, extra: int) -> float:
        n = len(self._grams) + 1
        return math.log((1 + n) / (1 + self._df.get(gram, 0) + extra)) + 1.0

    def _vector(self, grams: Counter, in_query: set[str] | None = None) -> dict[str, float]:
        q = in_query or set()
        return {g: (1.0 + math.log(c)) * self._idf(g, 1 if g in q else 0) for g, c in grams.items()}

    def similar(self, text: str, k: int = 5, threshold: float = DEFAULT_THRESHOLD,
                exclude: Iterable[str] = ()) -> list[tuple[str, float]]:
        grams = ngrams(normalise(text))
        if not grams or not self._grams:
            return []
        query_grams = set(grams)
        q = self._vector(grams, query_grams)
        q_norm = math.sqrt(sum(w * w for w in q.values()))
        skip = set(exclude)
        dots: dict[str, float] = defaultdict(float)
        for gram, weight in q.items():
            for key in self._postings.get(gram, ()):
                if key not in skip:
                    dots[key] += weight * (1.0 + math.log(self._grams[key][gram])) * self._idf(gram, 1)
        scored = []
        for key, dot in dots.items():
            vec = self._vector(self._grams[key], query_grams)
            norm = math.sqrt(sum(w * w for w in vec.values()))
            score = dot / (q_norm * norm) if q_norm and norm else 0.0
            if score >= threshold:
                scored.append((key, round(min(score, 1.0), 4)))
        scored.sort(key=lambda p: (-p[1], p[0]))
        return scored[:k]


def similarity(a: str, b: str) -> float:
    """The similarity of two wordings on their own (an index of one, queried with the other)."""
    found = ClaimIndex([("a", a)]).similar(b, k=1, threshold=0.0)
    return found[0][1] if found else 0.0
