"""Finding words in Arabic text: a folded copy for matching, with every match mapped back to the exact
characters of the document.

*Folding* is only ever applied to a copy (an article's characters are never changed). Its parts are chosen per
search (:class:`FoldOptions`):

- ``marks``: harakat (tashkeel), Quranic marks, superscript alef, tatweel, and invisible format controls (RLM,
  ZWNJ, ...) are left out, so ``أكّد``, ``أكـد`` and ``أكد`` match;
- ``letters``: the variants of alef (أ إ آ ٱ -> ا), yaa (ى ی -> ي), taa marbuta (ة -> ه), and Arabic-Indic digits
  (٢٠١٥ -> 2015) match each other;
- ``case``: Latin letters match whatever their case.

A match in the folded copy maps back to the original text exactly (:meth:`Folded.original`): it starts on the
first matched letter and ends after the last one *with the marks that belong to it* (a letter keeps its harakat),
never inside a letter's marks. Positions are code points.

The document search of a project (SQLite FTS5, :func:`fts_query`) indexes ``fold_for_index`` of each text and asks
for each word of the query with the proclitics Arabic writes onto a word (و ف، ب ك ل، ال: ``الرئيس`` finds
``والرئيس``, ``بالرئيس``, ``للرئيس``) and any ending.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Harakat and the other marks of a letter (Quranic signs, superscript alef), and tatweel: part of a word.
LETTER_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0640"
# Invisible format controls: between words or inside them, never seen.
CONTROLS = "\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_MARKS = re.compile(f"[{LETTER_MARKS}{CONTROLS}]+")
_TRAILING = re.compile(f"[{LETTER_MARKS}]*")

_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه"}
_LETTERS.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_LETTERS.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Extended (Persian/Urdu) digits
_LETTER_PAIRS = tuple(_LETTERS.items())


def _fold_letters(text: str) -> str:
    # One C-speed scan per variant present (a translate() with a table is ten times slower on Arabic text).
    for variant, letter in _LETTER_PAIRS:
        if variant in text:
            text = text.replace(variant, letter)
    return text


@dataclass(frozen=True)
class FoldOptions:
    """What a search ignores: marks and tatweel, letter variants, Latin case."""

    marks: bool = True
    letters: bool = True
    case: bool = True


EXACT = FoldOptions(marks=False, letters=False, case=False)
ARABIC = FoldOptions()


@lru_cache(maxsize=4096)
def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


class Folded:
    """A folded copy of a text and the way back: ``text`` is what is matched, :meth:`original` maps a range of it
    to the range of the original text."""

    __slots__ = ("source", "text", "_fstarts", "_ostarts")

    def __init__(self, source: str, options: FoldOptions = ARABIC) -> None:
        self.source = source
        text = source
        # Segments kept between removed runs: folded start -> original start (one segment when nothing is removed).
        self._fstarts = [0]
        self._ostarts = [0]
        if options.marks and _MARKS.search(text):
            pieces = []
            kept = 0
            last = 0
            for m in _MARKS.finditer(source):
                if m.start() > last:
                    pieces.append(source[last:m.start()])
                    kept += m.start() - last
                last = m.end()
                self._fstarts.append(kept)
                self._ostarts.append(m.end())
            pieces.append(source[last:])
            text = "".join(pieces)
        if options.letters:
            text = _fold_letters(text)
        if options.case:
            low = text.lower()
            text = low if len(low) == len(text) else "".join(_lower(ch) for ch in text)
        self.text = text

    def to_original(self, pos: int) -> int:
        """The original position of folded position ``pos`` (a character of the copy, or its end)."""
        seg = bisect_right(self._fstarts, pos) - 1
        return self._ostarts[seg] + (pos - self._fstarts[seg])

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original range of the folded range ``[start, end)``: from its first character to its last one and
        the marks (harakat, tatweel) that belong to that character."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        first = self.to_original(start)
        last = self.to_original(end - 1) + 1
        return first, _TRAILING.match(self.source, last).end()


def find_all(text: str | Folded, query: str, options: FoldOptions = EXACT, *, limit: int | None = None
             ) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of ``query`` in ``text`` as original ``(start, end)`` ranges, in text
    order, matched with ``options`` (a :class:`Folded` copy of the text may be passed to fold it once)."""
    folded = text if isinstance(text, Folded) else Folded(text, options)
    needle = Folded(query, options).text if isinstance(query, str) else ""
    if not needle.strip():
        return []
    hay = folded.text
    out: list[tuple[int, int]] = []
    i = hay.find(needle)
    while i != -1:
        out.append(folded.original(i, i + len(needle)))
        if limit is not None and len(out) >= limit:
            break
        i = hay.find(needle, i + len(needle))
    return out


def fold_for_index(text: str) -> str:
    """What the project's full-text index holds for a text (and a query is folded to): marks left out, letter
    variants as one, lower case. Changing it means rebuilding every project's index (a migration)."""
    return _fold_letters(_MARKS.sub("", text)).lower()


# --- the document search (FTS5) -------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")


def query_words(query: str) -> list[str]:
    """The words of a search query, folded as the index is."""
    return _WORD.findall(fold_for_index(query))


def word_forms(word: str) -> list[str]:
    """The written forms an Arabic word takes with proclitics: conjunction (و ف), preposition (ب ك ل), the
    article (ال; ل + ال is written لل) and, for a verb, the future س. A word given with its article is looked for
    with the article only (``الرئيس``: والرئيس، بالرئيس، للرئيس ...; ``رئيس``: also رئيس، لرئيس ...)."""
    if not any("\u0621" <= ch <= "\u064a" for ch in word):
        return [word]
    definite = word.startswith("ال") and len(word) > 3
    stem = word[2:] if definite else word
    forms = [word]

    def add(form: str) -> None:
        if form not in forms:
            forms.append(form)

    for conj in _CONJUNCTIONS:
        for prep in _PREPOSITIONS:
            add(conj + prep + ("ل" if prep == "ل" else "ال") + stem)
            if not definite:
                add(conj + prep + stem)
        if not definite:
            add(conj + "س" + stem)
    return forms


def fts_query(query: str) -> str | None:
    """The FTS5 MATCH expression for a search query: every word (in any of its written forms, with any ending)
    must be in the document. None when the query has no word."""
    words = query_words(query)
    if not words:
        return None
    groups = []
    for word in dict.fromkeys(words):
        forms = word_forms(word)
        terms = " OR ".join('"' + f.replace('"', '""') + '"*' for f in forms)
        groups.append(f"({terms})")
    return " AND ".join(groups)


def context(text: str, start: int, end: int, width: int = 48) -> tuple[str, int, int]:
    """A line of context around ``text[start:end]``: (snippet, start, end of the match in the snippet), cut at
    word boundaries, on one line."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(text) else ""
    snippet = (head + text[lo:hi] + tail).replace("\n", " ")
    return snippet, len(head) + start - lo, len(head) + end - lo


def hits_in(text: str | Folded, query: str) -> list[tuple[int, int]]:
    """Where a document found by the search holds the query: several words together as written (Arabic-folded),
    else each word in the written forms the search looked for (الرئيس in للرئيس), in text order."""
    folded = text if isinstance(text, Folded) else Folded(text, ARABIC)
    words = list(dict.fromkeys(query_words(query)))
    if len(words) > 1:
        whole = find_all(folded, query, ARABIC)
        if whole:
            return whole
    found: set[tuple[int, int]] = set()
    hay = folded.text
    for word in words:
        for form in word_forms(word):
            i = hay.find(form)
            while i != -1:
                found.add(folded.original(i, i + len(form)))
                i = hay.find(form, i + len(form))
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):  # a form inside a longer one found too (الرئيس in والرئيس): the longer
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
            continue
        out.append((start, end))
    return out
