"""Whether a bare اليوم written in the text is the article's day ("today") or not a date at all.

اليوم is the commonest date word and often none: "the day" of something (اليوم الأول، ساعات اليوم، ذلك اليوم), the
last word of a byline (عين اليوم – سكاكا), a rate per day (350 دولاراً في اليوم) or "nowadays" (حتى اليوم، وهو اليوم
يعتبر، تونس تحتاج اليوم إلى). :func:`today_is_a_day` reads the words around it; an opinion column's "nowadays",
which needs the whole article, is decided when the layer is built (:func:`.layer._writer_speaks`).
"""

from __future__ import annotations

import regex

from ..text.arabic import fold
from . import calendar as cal

# Words after اليوم that make it "the day" (اليوم الأول، اليوم التالي، اليوم الوطني), not "today".
_NOT_TODAY = regex.compile(r"\s+(?:ال(?!اثنين|ثلاثاء|اربعاء|خميس|جمعة|سبت|احد)\p{L}{2,}|نفسه|ذاته|من\s)")
# Words before اليوم that make it "the day" (ساعات اليوم، طوال اليوم، نفس اليوم، ذلك اليوم), not "today".
_DAY_OF = regex.compile(r"(?<![\p{L}])(?:ساعات|طوال|مدار|منتصف|نهاية|بداية|نفس|ذلك|ذات|اخر|طيلة)\s+$")


_WORD_BEFORE = regex.compile(r"(?<![\p{L}])(\p{L}+)\s+$")


def _present_tense_before(norm: str, start: int) -> bool:
    """Is the word right before ``start`` a present-tense verb (تحتاج، وينتمي، نشهد)? Then a bare اليوم after it is
    "nowadays". Not a future one (ستغادر اليوم: the day is meant), a noun of the same shape (تقرير، تدريبات،
    نجران) or a verb with an object pronoun (نشره "published it")."""
    m = _WORD_BEFORE.search(norm, max(0, start - 12), start)
    if m is None:
        return False
    w = m.group(1)
    w = w[1:] if w[:1] in ("و", "ف") and len(w) > 4 else w
    if w[:1] not in ("ي", "ت", "ن") or not 4 <= len(w) <= 7:
        return False
    verbal_noun = len(w) == 5 and w[0] == "ت" and w[3] == "ي"  # تقرير، تدريب
    return not (verbal_noun or w.endswith(("ة", "ات", "ية", "ين", "ون", "ان", "ه", "ها")))


def _header_end(norm: str, start: int, end: int) -> bool:
    """The word closes a short header line (a byline "name – outlet", a title): not a date in running text."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line = norm[line_start:line_end if line_end >= 0 else len(norm)]
    rest = norm[end:line_end if line_end >= 0 else len(norm)]
    if len(line.split()) <= 10 and regex.search(r"\s[–—-]\s", line):
        return True  # "عين اليوم – سكاكا": a byline, outlet and place
    return not rest.strip() and len(norm[line_start:start].split()) <= 5


# A price or count right before في اليوم makes it "per day" (350 دولاراً في اليوم).
_PER_DAY = regex.compile(rf"(?:\d|{cal.CURRENCIES}|ساعة|ساعات|مرة|مرات|لتر|كيلو)\p{{L}}*"
                         r"(?:\s+\p{L}+){0,2}\s+(?:(?:في|فى|كل)\s+|ب)$")
# اليوم meaning "nowadays", not the article's day: حتى اليوم / إلى اليوم (to this day), after a pronoun subject
# (وهو اليوم يعتبر ...: he, today, is ...).
_NOWADAYS = regex.compile(r"(?<![\p{L}])(?:" + "|".join(fold(w) for w in (
    "حتى", "إلى", "لحد", "غاية", "لغاية", "هو", "وهو", "فهو", "هي", "وهي", "فهي", "هم", "وهم",
    "عالم", "فعالم", "وعالم")) + r")\s+$")  # (عالم اليوم: today's world; العالم اليوم may be "the world today")


def today_is_a_day(norm: str, start: int, end: int) -> bool:
    """Is the bare اليوم at ``[start, end)`` of the matching copy ``norm`` a day (the article's)?"""
    return not (_NOT_TODAY.match(norm, end) or _DAY_OF.search(norm, max(0, start - 12), start)
                or _header_end(norm, start, end)
                or _PER_DAY.search(norm, max(0, start - 30), start)
                or _NOWADAYS.search(norm, max(0, start - 12), start) or _present_tense_before(norm, start))
