"""Arabic text analysis for the suggestion rules: a matching copy of the text, tokens and sentences.

The rules never look at the article's characters directly. They match on a *folded copy* (:func:`app.core.text.arabic.fold`:
harakat, tatweel and bidi marks removed, letter variants folded: أ إ آ ٱ -> ا, ى -> ي, Arabic-Indic digits -> 0-9),
so that ``أكّد``, ``اكد`` and ``أكـد`` are one word for the lexicons. Every position in the copy maps
back to the original text exactly (:meth:`Analysis.span`), so suggested spans always satisfy
``text[start:end] == span.text`` and keep the article's own spelling.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import NamedTuple

import regex

from ..text.arabic import FOLD_TABLE, LETTER_MARKS, REMOVED, SENTENCE_END, fold

__all__ = ["Analysis", "Token", "fold", "strip_al", "has_al", "is_nisba"]

# Tokens of the matching copy: numbers (with a decimal part), runs of letters, or one other visible character.
_TOKEN = regex.compile(r"\d+(?:[.,٫]\d+)?|[\p{L}\p{M}]+|[^\s\p{L}\p{M}\d]")

_NEWLINE = regex.compile("\n")
# A paragraph break written without a line break: after the end of a sentence, a run of spaces holding a no-break
# space (" \xa0 "). Some outlets' articles in SaudiNewsNet separate all their paragraphs so (61 of the 808 articles
# of the corpus and the gold sets, 42 of them with no line break at all).
_NBSP_BREAK = regex.compile("(?<=[.!?؟…][\"»”’)]*)[ \t]*\xa0[ \t\xa0]*")
_MARKS = regex.compile("[\u064b-\u065f\u0670\u0640]")


def _abbreviation(found: list, kinds: list[str], i: int) -> bool:
    """A period that closes a one-letter abbreviation (د. الجهني، م. صالح، أ.ف.ب) written right after the letter
    and followed by more words, or one inside a glued abbreviation (بي.بي.سي): not a sentence end."""
    if found[i][2] != "." or i == 0 or i + 1 >= len(found):
        return False
    a, z, word = found[i - 1]
    if kinds[i - 1] != "w" or z != found[i][0] or kinds[i + 1] != "w":
        return False
    if len(word) == 1:  # (but 1917م. وقال: the era letter after a year ends its sentence)
        return not (i > 1 and found[i - 2][2][:1].isdigit() and found[i - 2][1] == a)
    # (بي.بي.سي، سي.إن.إن: short letters glued on both sides of the period are an abbreviation too)
    return len(word) <= 3 and found[i + 1][0] == found[i][1] and len(found[i + 1][2]) <= 3


class Token(NamedTuple):
    """A token of the matching copy: ``i`` is its index, ``start``/``end`` its range in the copy.
    (A named tuple: an article has thousands of tokens and a tuple is the cheapest immutable record.)"""

    i: int
    start: int
    end: int
    norm: str
    kind: str  # "w" word, "n" number, "p" punctuation / quotation mark


class Analysis:
    """The normalised copy of one article with its tokens, sentence ids and the way back to the original."""

    def __init__(self, text: str) -> None:
        self.text = text
        removed = [m.start() for m in REMOVED.finditer(text)]
        self.norm = text.translate(FOLD_TABLE)
        # removed[j] sits before norm index removed[j] - j; the original index of norm index n is n + #{p_j <= n}.
        self._p = [r - j for j, r in enumerate(removed)]
        norm = self.norm
        found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm)]
        kinds = ["n" if g[0].isdigit() else ("w" if g[0].isalpha() else "p") for _, _, g in found]
        new = tuple.__new__  # the named tuple's own __new__ is a Python function: build the tuples directly
        self.tokens: list[Token] = [new(Token, (i, a, b, g, k)) for i, ((a, b, g), k) in enumerate(zip(found, kinds))]
        # Line of each token, and sentence ids that change after . ! ? … and at every line break.
        newlines = [m.start() for m in _NEWLINE.finditer(norm)]
        if "\xa0" in text:  # (norm index of an original index: minus the marks removed before it)
            breaks = [m.start() - bisect_left(removed, m.start()) for m in _NBSP_BREAK.finditer(text)]
            newlines = sorted(newlines + breaks) if breaks else newlines
        self.line: list[int] = [bisect_right(newlines, a) for a, _, _ in found] if newlines else [0] * len(found)
        ends = accumulate((1 if k == "p" and g in SENTENCE_END and not _abbreviation(found, kinds, i) else 0
                           for i, ((_, _, g), k) in enumerate(zip(found, kinds))), initial=0)
        raw = [line + e for line, e in zip(self.line, ends)]
        # dense ids (0, 1, 2 ...): the distance between two sentences counts sentences, not lines plus periods
        self.sentence: list[int] = []
        sid, last = -1, None
        for r in raw:
            if r != last:
                sid, last = sid + 1, r
            self.sentence.append(sid)
        self._starts = [t.start for t in self.tokens]

    # --- offsets -------------------------------------------------------------------------------------------

    def orig(self, n: int) -> int:
        """Original index of the character at index ``n`` of the matching copy."""
        return n + bisect_right(self._p, n) if self._p else n

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the copy's ``[start, end)``; the end takes the harakat of its last letter."""
        if not self._p:
            return start, end
        o_start = self.orig(start)
        o_end = self.orig(end - 1) + 1
        m = LETTER_MARKS.match(self.text, o_end)
        return o_start, m.end() if m else o_end

    def token_span(self, first: int, last: int) -> tuple[int, int]:
        """Original range covering tokens ``first..last`` (inclusive)."""
        return self.span(self.tokens[first].start, self.tokens[last].end)

    def token_at(self, n: int) -> int | None:
        """Index of the token that starts at copy index ``n`` or contains it."""
        k = bisect_right(self._starts, n) - 1
        if k >= 0 and self.tokens[k].start <= n < self.tokens[k].end:
            return k
        return None

    # --- helpers -------------------------------------------------------------------------------------------

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentence[a] == self.sentence[b]

    def ends_sentence(self, j: int) -> bool:
        """A period (or ! ?) that ends its sentence — not one inside an abbreviation (بي.بي.سي، د. الجهني)."""
        t = self.tokens[j]
        return t.kind == "p" and t.norm in SENTENCE_END and (
            j + 1 >= len(self.tokens) or self.sentence[j + 1] != self.sentence[j])

    @cached_property
    def sentence_bounds(self) -> dict[int, tuple[int, int]]:
        """Sentence id -> (first token, last token)."""
        out: dict[int, tuple[int, int]] = {}
        for i, sid in enumerate(self.sentence):
            first, _ = out.get(sid, (i, i))
            out[sid] = (first, i)
        return out

    @cached_property
    def stripped_positions(self) -> dict[str, list[int]]:
        """Each word without its article (see :func:`strip_al`) -> the indices of its tokens, in text order."""
        out: dict[str, list[int]] = {}
        for t in self.tokens:
            if t.kind == "w":
                out.setdefault(strip_al(t.norm), []).append(t.i)
        return out

    def raw(self, i: int) -> str:
        """Token ``i`` as the article writes it, without harakat and tatweel (letters not folded)."""
        s, e = self.token_span(i, i)
        return _MARKS.sub("", self.text[s:e])

    @cached_property
    def writes_alef_maqsura(self) -> bool:
        """Does the article write final ى (على) apart from ي (علي)? Then the two are different words here."""
        return "ى" in self.text

    def is_name_ali(self, i: int) -> bool:
        """علي at token ``i`` is the name Ali, not the preposition على: the article writes the preposition with ى
        and this word with ي (folding makes them one word)."""
        return self.tokens[i].norm == "علي" and self.writes_alef_maqsura and self.raw(i).endswith("ي")

    def words(self, first: int, last: int) -> list[Token]:
        return [t for t in self.tokens[first:last + 1] if t.kind != "p"]


def without_lam(word: str) -> str:
    """The noun after a glued لـ (لمورجان → مورجان; للوزارة, لـ + الوزارة → الوزارة); other words as they are."""
    if word.startswith("لل"):
        return "ال" + word[2:]
    return word[1:] if word[:1] == "ل" and len(word) > 3 else word


@lru_cache(maxsize=1 << 16)
def strip_al(word: str) -> str:
    """The word without a leading definite article (and the conjunction/prepositions glued before it).
    (Cached: an article repeats its words, and the rules ask about the same ones again and again.)"""
    for pre in ("وبال", "وال", "بال", "فال", "كال", "لل", "ال"):
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            return word[len(pre):] if pre != "لل" else word[2:]
    return word


def has_al(word: str) -> bool:
    return word.startswith(("ال", "وال", "بال", "لل", "فال", "وبال")) and len(word) > 3


def and_definite(word: str) -> bool:
    """"And" glued to a definite noun (واللاعب، والوزير), not a word that merely starts so (والده "his father",
    والي "governor")."""
    return word.startswith("وال") and len(word) >= 6 and not word.startswith(("والد", "والي"))


def is_nisba(word: str) -> bool:
    """Relational adjective shape (العراقي، الروسية، الفلسطينيين): a strong sign of an adjective or nationality."""
    w = strip_al(word)
    if len(w) == 3 and w != word and w.endswith("ي") and w[1] != "ا":
        return True  # الطبي، الفني، الصحي: a short stem with its article (not قاضي / راعي shapes, nor bare علي)
    return len(w) >= 4 and w.endswith(("ي", "ية", "يه", "يون", "يين", "يان", "يتان", "يتين"))


def participle_shaped(word: str) -> bool:
    """The مُفعِلاً shape of an indefinite accusative participle (مؤكداً، مبتسماً، سائلاً is not one): م, three letters
    or more, final alef."""
    return word.startswith("م") and word.endswith("ا") and len(word) >= 5


_NOT_MASDARS = frozenset(("اثناء", "امام", "ازاء"))  # أثناء، أمام، إزاء: adverbs of the إفعال shape


def masdar_shaped(word: str) -> bool:
    """The shape of a derived verbal noun (إقبال، احترام، استمرار، استضافة، تطوير، تعاون، مشاركة), folded, no
    article."""
    n, w = len(word), word
    if w in _NOT_MASDARS:
        return False
    return ((n == 5 and w[0] == "ا" and w[3] == "ا") or (n == 6 and w[0] == "ا" and w[2] in "تطد" and w[4] == "ا")
            or (n == 7 and w.startswith("است") and (w[5] == "ا" or w[4] == "ا" and w[6] == "ة"))
            or (n == 5 and w[0] == "ت" and w[3] == "ي")
            or (n == 5 and w[0] == "ت" and w[2] == "ا") or (n == 6 and w[0] == "م" and w[2] == "ا" and w[5] == "ة"))


def possessed_masdar(word: str) -> bool:
    """A derived verbal noun with a possessive pronoun (تعافيه، تقديره، بتسليمها → تسليمها), folded."""
    for pron in ("هما", "هم", "ها", "ه"):
        if word.endswith(pron) and len(word) - len(pron) >= 4:
            stem = word[:-len(pron)]
            return masdar_shaped(stem[:-1] + "ة" if stem.endswith("ت") else stem) or masdar_shaped(stem)
    return False
