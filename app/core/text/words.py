"""Words, punctuation and sentences of an article, for the spans a person makes by hand.

A loose mouse drag or a double-click becomes a *clean* span (:func:`snap_span`): whole words, no stray
punctuation, quotation marks or spaces at its edges.

- An edge inside a word keeps that word when the drag covers most of its letters, else drops it (a drag from
  the last letter of one word to the third of another takes the words in between); a drag inside one word takes
  that word.
- Words are letters and digits with their harakat (tashkeel), tatweel and zero-width joiners/non-joiners, so none
  of these is ever split from its word; ``18-01-2024`` and ``3.5`` are one word; an emoji is a word of its own.
- Punctuation and quotation marks at the edges go, except a mark paired with one inside the span (a quoted name
  inside an indirect quote, ``(تموز)``). A span that is one quoted stretch loses both marks (direct quotes exclude
  their marks, as our guidelines say), but keeps the sentence punctuation inside them (``نحن مستعدون.”``).
- With ``words=False`` (snapping off: Alt-drag or the setting) only whole characters are kept: a letter with its
  harakat, a tatweel with its letter, an emoji sequence whole; surrounding white space is still dropped.

Also here: moving an edge by one character (:func:`step`), leaving out a proclitic (و ف ب ل ك ال) of a speaker or
cue with one key (:func:`toggle_proclitic`), the sentence and paragraph around a span (:func:`sentence_of`,
:func:`paragraph_of`: which parts belong to which quote) and a trimmed name from a mention (:func:`clean_name`).

Pure Python; offsets are code points, ranges half-open.
"""

from __future__ import annotations

import regex

from .offsets import next_boundary, previous_boundary, snap

TATWEEL = "\u0640"
# A word: letters, digits and marks, with tatweel and joiners inside it; digits keep their separators
# (18-01-2024, 3.5, 1,000); an apostrophe between Latin letters (don't). A symbol cluster (emoji) is a word too.
_WORD = regex.compile(
    r"(?:[\p{L}\p{M}\p{N}\u0640\u200c\u200d]|(?<=\p{N})[.,٫٬/:\-](?=\p{N})|(?<=\p{Latin})'(?=\p{Latin}))+"
    r"|(?=\p{S})\X")
_LETTER = regex.compile(r"[\p{L}\p{N}\p{S}]")
# Marks that pair (opening -> closing). Arabic news also writes ” … ” and » … «: see _partner.
_PAIRS = {"«": "»", "“": "”", "„": "“", "‘": "’", "‹": "›", "(": ")", "[": "]", "{": "}", "﴾": "﴿", "〝": "〞",
          "❝": "❞"}
_CLOSING = {v: k for k, v in _PAIRS.items() if k != "„"}
_SYMMETRIC = "\""
_TERMINAL = ".!?؟…"  # sentence punctuation a direct quote keeps inside its marks
_AFTER_DIGIT = "%٪‰"  # kept after a number (50%)
_SENTENCE_END = regex.compile(r"[.!?؟…]+|\n")
_PARAGRAPH = "\n"


def is_word_char(ch: str) -> bool:
    return bool(_WORD.match(ch))


def words(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The words overlapping ``[start, end)``, as ranges (whole words, possibly reaching past the range)."""
    end = len(text) if end is None else end
    lo = start
    while lo > 0 and start - lo < 256 and not text[lo - 1].isspace():  # words never hold white space
        lo -= 1
    out = []
    for m in _WORD.finditer(text, lo):
        if m.start() >= max(end, start + 1):
            break
        if m.end() > start:
            out.append(m.span())
    return out


def word_at(text: str, pos: int) -> tuple[int, int] | None:
    """The word at a position (or just before it: a cursor right after a word), for a double-click or a label key
    without a selection. None when there is no word there."""
    for at in (pos, pos - 1):
        if 0 <= at < len(text) and is_word_char(text[at]):
            found = words(text, at, at + 1)
            if found:
                return found[0]
    return None


def _letters(text: str, start: int, end: int) -> int:
    """How many letters (not marks, tatweel or joiners) there are in ``text[start:end]``."""
    return len(_LETTER.findall(text, start, end))


# --- characters -----------------------------------------------------------------------------------------------

def _glue(text: str, start: int, end: int) -> tuple[int, int]:
    """Whole characters: grapheme clusters (a letter with its harakat), and a tatweel kept with its letter."""
    start, end = snap(text, start), snap(text, end, forward=True)
    while 0 < start < len(text) and text[start] == TATWEEL:
        start = previous_boundary(text, start)
    while end < len(text) and text[end] == TATWEEL:
        end = next_boundary(text, end)
    return start, max(start, end)


def step(text: str, pos: int, forward: bool) -> int:
    """The edge position one whole character further (a letter keeps its harakat and tatweel)."""
    if forward:
        pos = next_boundary(text, pos)
        while pos < len(text) and text[pos] == TATWEEL:
            pos = next_boundary(text, pos)
    else:
        pos = previous_boundary(text, pos)
        while pos > 0 and text[pos] == TATWEEL:
            pos = previous_boundary(text, pos)
    return pos


# --- snapping ------------------------------------------------------------------------------------------------------

def snap_span(text: str, start: int, end: int, *, words_only: bool = True) -> tuple[int, int] | None:
    """The clean span a selection ``[start, end)`` stands for (see the module docstring); None when it holds no
    word (only spaces and punctuation; with ``words_only=False``: only spaces)."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if start == end:
        return None
    start, end = _glue(text, start, end)
    if words_only:
        found = _words_covered(text, start, end)
        if found is None:
            return None
        start, end = found
        return _strip(text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _words_covered(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range from the first to the last word the drag mostly covers, with what lies between them."""
    touched = words(text, start, end)
    if not touched:
        return None
    kept = [(a, b) for a, b in touched
            if a >= start and b <= end or 2 * _letters(text, max(a, start), min(b, end)) > _letters(text, a, b)]
    if not kept:  # a drag inside one word, or over the edges of two: the word it covers most
        best = max(touched, key=lambda w: (_letters(text, max(w[0], start), min(w[1], end)), -w[0]))
        kept = [best]
    s = kept[0][0] if kept[0][0] < start else start
    e = kept[-1][1] if kept[-1][1] > end else end
    # Edges inside a word that is not kept move out of it.
    first, last = touched[0], touched[-1]
    if first not in kept and first[0] < s < first[1]:
        s = first[1]
    if last not in kept and last[0] < e < last[1]:
        e = last[0]
    return (s, e) if s < e else (kept[0][0], kept[-1][1])


_STRIPPABLE = regex.compile(r"[\p{P}\p{Cf}\p{Cc}\p{Z}]")


def _strippable(ch: str) -> bool:
    return ch.isspace() or bool(_STRIPPABLE.match(ch))


def _partner(text: str, pos: int) -> int | None:
    """Where the mark paired with the mark at ``pos`` is, within its paragraph; None if it has none."""
    ch = text[pos]
    lo = text.rfind(_PARAGRAPH, 0, pos) + 1
    hi = text.find(_PARAGRAPH, pos)
    hi = len(text) if hi < 0 else hi
    if ch in _SYMMETRIC:
        before = text.count(ch, lo, pos)
        if before % 2:
            found = text.rfind(ch, lo, pos)
        else:
            found = text.find(ch, pos + 1, hi)
        return found if found >= 0 else None
    if ch in _PAIRS:
        close, depth = _PAIRS[ch], 0
        for i in range(pos + 1, hi):
            if text[i] == ch and ch != close:
                depth += 1
            elif text[i] == close:
                if depth == 0:
                    return i
                depth -= 1
        if ch == "“":  # used as a closer (after „), or ” … ” written as “ … “
            return _backward(text, lo, pos, "„")
        return None
    if ch in _CLOSING:
        found = _backward(text, lo, pos, _CLOSING[ch])
        if found is None and ch in "”»":  # ” … ” and » … «: the same mark (or the mirror one) opens
            for i in range(pos - 1, lo - 1, -1):
                if text[i] in ("”" if ch == "”" else "»«"):
                    return i
        return found
    return None


def _backward(text: str, lo: int, pos: int, opener: str) -> int | None:
    close, depth = text[pos], 0
    for i in range(pos - 1, lo - 1, -1):
        if text[i] == close and close != opener:
            depth += 1
        elif text[i] == opener:
            if depth == 0:
                return i
            depth -= 1
    return None


def _is_mark(ch: str) -> bool:
    return ch in _PAIRS or ch in _CLOSING or ch in _SYMMETRIC


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop spaces, punctuation and quotation marks from the edges, keeping marks paired inside the span."""
    s, e = start, end
    changed = True
    while changed and s < e:
        changed = False
        while e > s and _strippable(text[e - 1]) and not _is_mark(text[e - 1]) and not _kept_at_end(text, s, e):
            e, changed = e - 1, True
        while s < e and _strippable(text[s]) and not _is_mark(text[s]):
            s, changed = s + 1, True
        if s < e and _is_mark(text[s]):
            p = _partner(text, s)
            if p == e - 1:  # the span is one quoted stretch: both marks go (direct quotes exclude them)
                s, e, changed = s + 1, e - 1, True
                continue
            if p is None or not s < p < e:
                s, changed = s + 1, True
                continue
        if e > s and _is_mark(text[e - 1]):
            p = _partner(text, e - 1)
            if p is None or not s <= p < e - 1:
                e, changed = e - 1, True
    if s >= e or not any(is_word_char(c) for c in text[s:e]):
        return None
    return s, e


def _kept_at_end(text: str, s: int, e: int) -> bool:
    """Punctuation that stays at the end of a span: a percent sign after a number (50%), and sentence
    punctuation right before the closing mark of a quotation that opened before the span (“نحن مستعدون.”)."""
    ch = text[e - 1]
    if ch in _AFTER_DIGIT and e - 2 >= s and text[e - 2].isdigit():
        return True
    if ch in _TERMINAL and e < len(text) and _is_mark(text[e]):
        p = _partner(text, e)
        return p is not None and p < s
    return False


# --- clitics --------------------------------------------------------------------------------------------------------

_PROCLITICS = ("لل", "ال", "و", "ف", "ب", "ل", "ك")


def toggle_proclitic(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Leave out one proclitic (و ف ب ل ك, then ال) from the start of a span, as the guidelines allow for a speaker
    or a cue; when none can go (what would be left is shorter than two letters), put back the proclitics glued
    before the span. None when neither applies."""
    s = start
    for clitic in _PROCLITICS:
        if text.startswith(clitic, s) or _starts_with_marked(text, s, clitic):
            cut = _after(text, s, len(clitic))
            word_end = s
            while word_end < end and is_word_char(text[word_end]):
                word_end += 1
            if _letters(text, cut, word_end) >= 2:
                return cut, end
            break
    back = start
    while back > 0 and is_word_char(text[back - 1]) and not text[back - 1].isspace():
        back -= 1
    if back < start and _letters(text, back, start) <= 3:
        return back, end
    return None


def _starts_with_marked(text: str, pos: int, clitic: str) -> bool:
    """The clitic's letters at ``pos`` with harakat or tatweel between them (وَ، لـ)."""
    i = pos
    for letter in clitic:
        if i >= len(text) or text[i] != letter:
            return False
        i = _after(text, i, 1)
    return True


def _after(text: str, pos: int, letters: int) -> int:
    """The position after ``letters`` letters from ``pos``, with their harakat and tatweel."""
    i = pos
    for _ in range(letters):
        i = step(text, i, True)
    return i


# --- sentences and paragraphs --------------------------------------------------------------------------------------

def _is_sentence_end(text: str, m) -> bool:
    if m.group() == "\n":
        return True
    if m.group() == ".":
        a = m.start()
        # د. الجهني، أ.ف.ب: a period right after a one-letter word is an abbreviation; 3.5 is a number.
        if a >= 1 and text[a - 1].isalpha() and (a < 2 or not is_word_char(text[a - 2])):
            return False
        if a >= 1 and text[a - 1].isdigit() and m.end() < len(text) and text[m.end()].isdigit():
            return False
    return True


def sentence_of(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence(s) around ``[start, end)``: from after the sentence end before ``start`` to the sentence end
    at or after ``end`` (a period, ! ? ؟ … or a line break; abbreviations such as د. do not end a sentence)."""
    end = start if end is None else end
    lo = text.rfind("\n", 0, start) + 1
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        if _is_sentence_end(text, m):
            s = m.end()
    e = len(text)
    for m in _SENTENCE_END.finditer(text, max(end, start)):
        if _is_sentence_end(text, m):
            e = m.start()
            break
    return s, e


def paragraph_of(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    end = start if end is None else end
    s = text.rfind(_PARAGRAPH, 0, start) + 1
    e = text.find(_PARAGRAPH, end)
    return s, len(text) if e < 0 else e


# --- names -----------------------------------------------------------------------------------------------------

_INVISIBLE = regex.compile(r"[\u0640\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_name(text: str) -> str:
    """A registry name made from a mention: no punctuation, quotation marks or spaces at its edges, one space
    between words, no tatweel or invisible bidi marks (the article keeps them; a name does not need them)."""
    name = " ".join(_INVISIBLE.sub("", text).split())
    found = _strip(name, 0, len(name)) if name else None
    return name[found[0]:found[1]] if found else name.strip()
