"""Eulogies said after a name: رضي الله عنه، صلى الله عليه وسلم، عليه السلام، رحمه الله.

Between a subject and its verb, or right after a verb, they belong to neither (عن أسماء بنت أبي بكر رضي الله
عنهما قالت، فقال رضي الله عنه): the finders of subjects skip them. Those said only of the Prophet name him when they
follow a verb that has no subject (قال صلى الله عليه وسلم).
"""

from __future__ import annotations

from ..text.arabic import fold
from .arabic import Analysis

# Eulogies said after a name (رضي الله عنه، صلى الله عليه وسلم، عليه السلام، رحمه الله): between a subject and
# its verb they are no part of either (عن أسماء بنت أبي بكر رضي الله عنهما قالت).
EULOGIES = tuple(tuple(fold(w) for w in e.split()) for e in (
    "رضي الله عنه", "رضي الله عنها", "رضي الله عنهما", "رضي الله عنهم", "صلى الله عليه وسلم",
    "صلى الله عليه وآله وسلم", "عليه الصلاة والسلام", "عليه السلام", "عليها السلام", "عليهم السلام",
    "عليهما السلام", "رحمه الله", "رحمها الله", "رحمهم الله", "حفظه الله", "حفظها الله", "يرحمه الله"))


_EULOGY_FIRST = frozenset(e[0] for e in EULOGIES)
_EULOGY_LAST = frozenset(e[-1] for e in EULOGIES)


# Eulogies said only of the Prophet: right after a verb without a subject they name him (قال صلى الله عليه وسلم).
PROPHET_EULOGIES = tuple(tuple(fold(w) for w in e.split()) for e in (
    "صلى الله عليه وسلم", "صلى الله عليه وآله وسلم", "عليه الصلاة والسلام"))


def _phrase_at(toks, j: int, phrase: tuple[str, ...]) -> bool:
    """Do the words of ``phrase`` stand at tokens ``j``, ``j`` + 1, …?"""
    return 0 <= j and j + len(phrase) <= len(toks) and all(
        toks[j + x].kind == "w" and toks[j + x].norm == w for x, w in enumerate(phrase))


def prophet_eulogy_after(an: Analysis, j: int) -> tuple[int, int] | None:
    """The Prophet's eulogy starting at token ``j``, as a mention of him, or None."""
    e = next((e for e in PROPHET_EULOGIES if _phrase_at(an.tokens, j, e)), None)
    return (j, j + len(e) - 1) if e is not None else None


_PEACE = tuple(fold(w) for w in ("عليه", "السلام"))


def peace_after(an: Analysis, j: int) -> bool:
    """Does "عليه السلام" (said of any prophet) start at token ``j``?"""
    return _phrase_at(an.tokens, j, _PEACE)


def eulogy_after(an: Analysis, j: int) -> int:
    """The token after a eulogy that starts at token ``j`` (``j`` itself when none does): فقال رضي الله عنه:
    the eulogy of the hidden subject, no subject of its own."""
    if an.tokens[j].norm not in _EULOGY_FIRST:
        return j
    e = next((e for e in EULOGIES if _phrase_at(an.tokens, j, e)), None)
    return j + len(e) if e is not None else j


def eulogy_before(an: Analysis, j: int) -> int:
    """The token before a eulogy that ends at token ``j`` (``j`` itself when none does)."""
    if j < 0 or an.tokens[j].norm not in _EULOGY_LAST:
        return j
    e = next((e for e in EULOGIES if j - len(e) + 1 > 0 and _phrase_at(an.tokens, j - len(e) + 1, e)), None)
    return j - len(e) if e is not None else j


def prophet_named(words: list[str]) -> bool:
    """رسول الله / الرسول / النبي / نبينا محمد (folded words), with or without his eulogy, or the eulogy alone."""
    for e in PROPHET_EULOGIES:
        if len(words) >= len(e) and tuple(words[-len(e):]) == e:
            head = tuple(words[:-len(e)])
            return head == () or head in _PROPHET_NAMES
    return tuple(words) in _PROPHET_NAMES


_PROPHET_NAMES = frozenset(tuple(fold(w) for w in n.split()) for n in (
    "رسول الله", "الرسول", "النبي", "نبينا", "نبينا محمد"))
