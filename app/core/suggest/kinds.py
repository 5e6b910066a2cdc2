"""First guesses for spans labelled by hand, by the suggestion engine's own rules (one implementation of each):

- :func:`quote_type`: a quote labelled with Q is ``direct`` when it is one quotation-marked stretch (marks just
  outside the span count, and so does a complementizer before the marks: ``أن “…”``), ``mixed`` when it holds a
  quoted fragment that is speech and not a quoted name (“التحالف الدولي” is a name:
  :func:`.quotes.is_name_like`), else ``indirect``;
- :func:`date_value`: the value the date engine (:func:`.dates.find_dates`) gives the date expression in a span,
  resolved against the article date.

Both read the paragraph around the span, as the engine does (the word before a quotation mark tells a name from
speech; الجاري needs the article date). Built only on the engine's public helpers.
"""

from __future__ import annotations

from .arabic import Analysis
from .dates import find_dates
from .quotes import is_complementizer, is_name_like, pair_marks
from ..text.words import is_word_char, paragraph_of


def _core(text: str, start: int, end: int) -> tuple[int, int] | None:
    """From the first to the last word character of ``text[start:end]``."""
    s, e = start, end
    while s < e and not is_word_char(text[s]):
        s += 1
    while e > s and not is_word_char(text[e - 1]):
        e -= 1
    return (s, e) if s < e else None


def quote_type(text: str, start: int, end: int) -> str:
    """``direct``, ``mixed`` or ``indirect`` for a quote ``text[start:end]`` (see the module docstring)."""
    core = _core(text, start, end)
    if core is None:
        return "indirect"
    p0, p1 = paragraph_of(text, start, end)
    an = Analysis(text[p0:p1])
    mixed = False
    for st in pair_marks(an):
        o = an.token_span(st.open, st.open)[0] + p0
        c = an.token_span(st.close, st.close)[0] + p0
        inner = _core(text, o + 1, c)
        if inner is None:
            continue
        if inner == core:
            return "direct"
        if not (core[0] <= inner[0] and inner[1] <= core[1]):
            continue  # not within the span
        if inner[1] == core[1]:
            # أن “…”: only a complementizer before the marks, and the marks close the span
            before = [t for t in an.tokens[:st.open] if an.token_span(t.i, t.i)[0] + p0 >= core[0]]
            if len(before) == 1 and is_complementizer(an, before[0].i):
                return "direct"
        if not is_name_like(an, st):
            mixed = True
    return "mixed" if mixed else "indirect"


def date_value(text: str, start: int, end: int, article_date: str | None) -> str | None:
    """The TIMEX3 / ISO-8601 value of the date expression ``text[start:end]``, resolved against the article date
    (``XXXX-01-18`` style partial values without one); None when the engine finds no date there."""
    p0, p1 = paragraph_of(text, start, end)
    best, overlap = None, 0
    for dm in find_dates(Analysis(text[p0:p1]), article_date):
        a, b = dm.start + p0, dm.end + p0
        shared = min(b, end) - max(a, start)
        if shared > overlap or (shared == overlap and best is not None and dm.end - dm.start < best.end - best.start):
            best, overlap = dm, shared  # (the closest: عام 2014 inside الربع الثالث من عام 2014 is the year)
    return best.value if best is not None else None
