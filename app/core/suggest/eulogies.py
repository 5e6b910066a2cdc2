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


def prophet_eulogy_after(an: Analysis, j: int) -> tuple[int, int] | None:
    """The Prophet's eulogy starting at token ``j``, as a mention of him, or None."""
    toks = an.tokens
    for e in PROPHET_EULOGIES:
        if j + len(e) <= len(toks) and all(toks[j + x].kind == "w" and toks[j + x].norm == w
                                           for x, w in enumerate(e)):
            return j, j + len(e) - 1
    return None


def eulogy_after(an: Analysis, j: int) -> int:
    """The token after a eulogy that starts at token ``j`` (``j`` itself when none does): فقال رضي الله عنه:
    the eulogy of the hidden subject, no subject of its own."""
    toks = an.tokens
    if toks[j].norm not in _EULOGY_FIRST:
        return j
    for e in EULOGIES:
        if j + len(e) <= len(toks) and all(toks[j + x].kind == "w" and toks[j + x].norm == w
                                           for x, w in enumerate(e)):
            return j + len(e)
    return j


def eulogy_before(an: Analysis, j: int) -> int:
    """The token before a eulogy that ends at token ``j`` (``j`` itself when none does)."""
    toks = an.tokens
    if j < 0 or toks[j].norm not in _EULOGY_LAST:
        return j
    for e in EULOGIES:
        k = j - len(e) + 1
        if k > 0 and all(toks[k + x].kind == "w" and toks[k + x].norm == w for x, w in enumerate(e)):
            return k - 1
    return j


