"""Dates: Arabic calendar expressions found in the text and normalised to TIMEX3 / ISO-8601 values.

Recognised: day-month-year with any month-name system (see :mod:`.calendar`), a parenthesised second name
(``24 يوليو (تموز)``), ordinal days (``الثالث من يونيو``), numeric dates (``3 / 11 / 1436هـ``, ``18-1-2024``),
years (``عام 2013``, ``2002م``, ``1435هـ``), weekdays (``يوم الأربعاء الماضي``), deictic days (أمس، اليوم، غداً،
بعد غد، أول أمس), relative units (الشهر الماضي، الأسبوع المقبل، هذا العام، مطلع الشهر الجاري), "ago" expressions
(قبل ستة أشهر، منذ عام واحد), centuries and decades (القرن العشرين، الخمسينيات), seasons with a year or a
relative word. Western and Arabic-Indic digits are the same to the rules (the matching copy folds them).

Values (:mod:`.timex`) are resolved against the article date (``doc.date``). Without one, a relative or year-less expression
gets a partial value with X's (``XXXX-01-18``) and ``resolved: False``. Hijri dates get their Gregorian value
and keep the Hijri one (``calendar: "hijri"``, ``hijri: "1436-10-25"``). Durations (ثلاثة أيام), times of day
and ages are not dates and are not matched.
"""

from __future__ import annotations

import regex

from . import calendar as cal
from ..text.arabic import fold
from .arabic import Analysis
from .timex import DateMatch, value_of

__all__ = ["DateMatch", "find_dates", "is_calendar_date"]


def _alt(words) -> str:
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in
                            sorted(set(words), key=len, reverse=True)) + ")"


_L = r"(?<![\p{L}\p{N}])"  # nothing glued before
_R = r"(?![\p{L}\p{N}])"  # nothing glued after
_PRE = r"(?<![\p{L}\p{N}])(?:و|ف|ب|ل|وب|ول|لل)?"  # a proclitic may be glued; it stays outside the span
_MONTH = _alt(list(cal.GREGORIAN_MONTHS) + list(cal.HIJRI_MONTHS))
_WEEKDAY = _alt(cal.WEEKDAYS)
_REL = _alt(cal.PAST | cal.NEXT | (cal.CURRENT - {"هذا", "هذه"}))
_ORD = _alt(cal.ORDINAL_DAYS)
_CARD = _alt(cal.CARDINALS)
_MOD = _alt(fold(w) for w in ("مطلع", "بداية", "أوائل", "منتصف", "أواسط", "نهاية", "أواخر", "مستهل",
                               "ختام", "أول", "آخر"))
_ERA = r"(?:\s*(?P<era>ه|م|ميلادي[ةها]?|للميلاد|هجري[ةها]?|للهجر[ةه])(?![\p{L}]))?"
# A four-digit number followed by a decimal part or a unit of measure is a quantity, not a year
# (العام الماضي 1107.6 مليون متر مكعب).
_NOT_QUANTITY = (rf"(?![.,٫]\d)(?!\s*(?:مليون|مليار|الف|{cal.CURRENCIES}|{cal.MEASURES}"
                 r"|قتيلا|قتيل|جريحا|جريح|شخصا|شخص|مصابا|مواطنا|طالبا|طالبة|حالة|لاجئا|مهاجرا|عنصرا|جنديا|منزلا"
                 r"|سيارة|مركبة|وحدة|وظيفة|مشروعا|شركة|عاملا|حاجا|زائرا|مشاركا|متسابقا)(?![\p{L}]))")
# (and a count of people or things right after it — 1916 قتيلا، 2000 شخص — is no year either)
_WD_PREFIX = rf"(?:(?:يوم\s+)?(?P<wd>{_WEEKDAY})(?:\s+{_REL})?\s*[،,]?\s*(?:الموافق\s+)?)?"
_TENS = _alt(cal.TENS)

_PATTERNS: list[tuple[str, regex.Pattern]] = [
    ("dmy", regex.compile(
        rf"{_PRE}(?P<x>{_WD_PREFIX}(?:(?:(?P<day>[0-3]?\d)|(?P<ord>{_ORD}))\s*(?:من\s+)?)?(?P<shahr>شهر\s+)?"
        rf"(?P<month>{_MONTH})(?:\s*[(/]?\s*(?P<month2>{_MONTH})\s*\)?)?"
        rf"(?:\s*[،,]?\s*(?:من\s+)?(?:ال)?(?:عام|سنة|سنه)?\s*(?P<year>\d{{4}}){_NOT_QUANTITY}{_ERA}"
        rf"|\s+(?P<rel>{_REL})|\s+من\s+(?:العام|السنة|السنه)\s+(?P<yrel>{_REL}|الحالي|الجاري))?){_R}")),
    # يومي 10 و11 أبريل: the first day of a coordination takes the month (and year) of the second.
    ("dayco", regex.compile(
        rf"{_L}(?P<x>(?P<day>[0-3]?\d))\s*و\s*(?=[0-3]?\d\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH})"
        rf"(?:\s*[(/]\s*{_MONTH}\s*\)?)?(?:\s*[،,]?\s*(?:من\s+)?(?:ال)?(?:عام|سنة|سنه)?\s*(?P<year>\d{{4}}){_NOT_QUANTITY}{_ERA}"
        rf"|\s+(?P<rel>{_REL}))?{_R})")),
    ("numeric", regex.compile(
        rf"{_L}(?P<x>{_WD_PREFIX}(?P<day>[0-3]?\d)\s*(?P<sep>[/.\-])\s*(?P<mnum>[01]?\d)\s*(?P=sep)\s*"
        rf"(?P<year>\d{{4}}|\d{{2}}){_ERA}){_R}")),
    # 1436/10/28هـ: year first, as Saudi and Gulf administrations write Hijri dates.
    ("ymd", regex.compile(
        rf"{_L}(?P<x>{_WD_PREFIX}(?P<year>1[34]\d\d|20\d\d)\s*(?P<sep>[/\-])\s*(?P<mnum>[01]?\d)\s*(?P=sep)\s*"
        rf"(?P<day>[0-3]?\d){_ERA}){_R}")),
    ("iso", regex.compile(rf"{_L}(?P<x>(?P<year>\d{{4}})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)){_R}")),
    ("deictic", regex.compile(
        rf"{_PRE}(?P<x>(?:يوم\s+)?(?P<deictic>امس\s+الاول|اول\s+امس|اول\s+من\s+امس|بعد\s+غد|امس|الامس|البارحة|البارحه|اليوم|غدا"
        rf"|الليلة\s+قبل\s+الماضية|الليلة\s+(?:الماضية|الفائتة)"
        rf"|(?<=يوم\s+)غد)"
        rf"(?:\s*\(?\s*(?P<wd>{_WEEKDAY})\s*\)?)?){_R}")),
    # الخامس من الشهر المقبل، 20 من هذا الشهر: a day of the month the text names relative to the article date.
    ("relday", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<day>[0-3]?\d)|(?P<ord>{_ORD}))\s+من\s+(?:(?P<this>هذا)\s+)?الشهر"
        rf"(?:\s+(?P<rel>{_REL}))?|(?P<day>[0-3]?\d)\s+الشهر\s+(?P<rel>{_REL})){_R}")),  # (في 29 الشهر الماضي)
    ("weekday", regex.compile(rf"{_PRE}(?P<x>(?:يوم\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<rel>{_REL}))?){_R}")),
    ("unit", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<mod>{_MOD})\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<unit>(?:ال|(?<=لل))(?:اسبوع|شهر|عام|سنة|سنه))"
        rf"(?:\s+(?P<before>قبل\s+)?(?P<rel>{_REL}))?(?:(?:\s+المالي)?\s+(?P<year>\d{{4}}){_NOT_QUANTITY}{_ERA})?){_R}")),
    ("year", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<mod>{_MOD})\s+)?(?:ال)?(?:عام|سنة|سنه)\s*(?P<year>\d{{4}}){_NOT_QUANTITY}{_ERA}){_R}")),
    ("bareyear", regex.compile(rf"{_PRE}(?P<x>(?P<year>1\d\d\d|20\d\d){_NOT_QUANTITY}{_ERA}){_R}")),
    # عام 642م، 573هـ: a year of fewer digits is a year when its era is written.
    ("erayear", regex.compile(
        rf"{_PRE}(?P<x>(?:(?:ال)?(?:عام|سنة|سنه)\s*)?(?P<year>\d{{2,4}})\s*(?P<era>ه|م|ميلادي[ةها]?|للميلاد|هجري[ةها]?|"
        rf"للهجر[ةه])(?![\p{{L}}])){_R}")),
    ("ago", regex.compile(
        rf"{_PRE}(?P<x>(?P<prep>قبل|منذ)\s+(?:(?P<n>\d{{1,3}}|{_CARD})(?:\s+و\s*(?P<tens>{_TENS}))?\s+|"
        rf"(?P<tensonly>{_TENS})\s+)?"
        rf"(?P<agounit>ايام|يوما|يوم|يومين|اسبوع|اسبوعا|اسبوعين|اسابيع|شهر|شهرا|شهرين|اشهر|شهور|عام|عاما|عامين|"
        rf"اعوام|سنة|سنه|سنتين|سنوات|سنين)(?:\s+(?P<n2>واحد|واحدة|فقط))?){_R}(?!\s*\d{{4}})")),
    ("century", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<mod>{_MOD})\s+)?القرن\s+(?P<cent>{_alt(cal.CENTURY_ORDINALS)}|الماضي|الحالي|"
        rf"الجاري|المنصرم)){_R}")),
    ("decade", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<mod>{_MOD})\s+)?(?P<dec>{_alt(cal.DECADES)})){_R}(?:(?=\s+من\s+القرن\s+"
        rf"(?P<cent>{_alt(cal.CENTURY_ORDINALS)}|الماضي|الحالي)))?")),
    ("season", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<this>هذا)\s+)?(?P<season>{_alt(cal.SEASONS)})(?:\s+(?P<rel>{_REL})|"
        rf"\s+(?:عام\s+|العام\s+)?(?P<year>\d{{4}}){_NOT_QUANTITY})?){_R}")),
    ("part", regex.compile(
        rf"{_PRE}(?P<x>(?P<part>النصف|الربع)\s+(?P<ord>الاول|الثاني|الثالث|الرابع)\s+(?:(?:من\s+)?(?P<yx>(?:العام|السنة|عام)\s+"
        rf"(?:(?P<rel>{_REL})|(?P<year>\d{{4}}){_NOT_QUANTITY}))|(?:من\s+)?(?P<yx2>(?P<year2>\d{{4}}){_NOT_QUANTITY}))){_R}")),
]
# Anchored matching: each pattern is tried only at the starts of the few tokens before a word it needs (a
# month name for day-month-year, a number for numeric dates, a weekday ...). A pattern searched over a whole
# 5,000-word article costs ~5 ms; tried at these positions it costs a fraction of that.
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    groups = {
        "month": [w.split()[0] for w in list(cal.GREGORIAN_MONTHS) + list(cal.HIJRI_MONTHS)],
        "weekday": list(cal.WEEKDAYS), "decade": list(cal.DECADES), "season": list(cal.SEASONS),
        "deictic": ["امس", "الامس", "اليوم", "غدا", "غد", "البارحة", "البارحه", "الليلة"],
        "unit": ["الاسبوع", "الشهر", "العام", "السنة", "السنه"], "year": ["عام", "سنة", "سنه", "العام", "السنة"],
        "ago": ["قبل", "منذ"], "century": ["القرن"], "part": ["النصف", "الربع"],
    }
    for kind, words in groups.items():
        for w in words:
            for pre in ("", "و", "ف", "ب", "ل", "وب", "ول", "لل"):
                kinds.setdefault(pre + w, kind)
    return kinds


_KIND = _kinds()
# rule: {token kind it needs: how many tokens before such a token a match may start}. A weekday prefix
# (يوم الخميس 29 يناير، الثلاثاء 3 / 11 / 1436هـ) is reached from the weekday itself, not from the month.
_RULE_TRIGGERS = {
    "dmy": {"month": 4, "weekday": 1}, "dayco": {"month": 5}, "numeric": {"num": 0, "weekday": 1},
    "ymd": {"num": 0, "weekday": 1}, "iso": {"num": 0}, "deictic": {"deictic": 2}, "weekday": {"weekday": 1},
    "unit": {"unit": 2, "year": 2}, "relday": {"unit": 5}, "year": {"year": 2}, "bareyear": {"num": 1}, "erayear": {"num": 0, "year": 0},
    "ago": {"ago": 0},
    "century": {"century": 1}, "decade": {"decade": 1}, "season": {"season": 1}, "part": {"part": 0},
}


def _starts(an: Analysis) -> dict[str, list[int]]:
    """For each rule, the copy positions (token starts) where a match of it may begin."""
    toks = an.tokens
    by_kind: dict[str, list[int]] = {}
    for t in toks:
        kind = "num" if t.kind == "n" else (_KIND.get(t.norm) if t.kind == "w" else None)
        if kind is not None:
            by_kind.setdefault(kind, []).append(t.i)
    out: dict[str, list[int]] = {}
    for rule, kinds in _RULE_TRIGGERS.items():
        positions: set[int] = set()
        for kind, back in kinds.items():
            for k in by_kind.get(kind, ()):
                for b in range(max(0, k - back), k + 1):
                    positions.add(toks[b].start)
        if positions:
            out[rule] = sorted(positions)
    return out


# Places named after a date (مدينة السادس من أكتوبر، شارع 23 يوليو، جسر 15 مايو): the word before says so.
_PLACE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?:[وبل]|بال|لل|وال)?(?:ال)?{_alt(fold(w) for w in ('مدينة', 'شارع', 'ميدان', 'جسر', 'حي', 'ضاحية', 'مستشفى', 'محطة', 'نفق', 'كوبري', 'مطار', 'استاد', 'قرية', 'ساحة', 'قوى', 'تحالف', 'فريق', 'تيار', 'معسكر', 'ائتلاف', 'حركة'))}\s+$")


_NAMEABLE = frozenset(("dmy", "dayco", "numeric", "relday"))  # the forms a place is named with


# A day, a month or a year (resolved or with X's), or a weekday not yet placed: what the guidelines call a calendar
# date. Weeks, seasons, quarters, decades and centuries are recognised (a span marked by hand gets its value) but not
# suggested: no gold set annotates them (GUIDELINES: "day/month/year, weekdays, relative dates like أمس، اليوم").
_CALENDAR = regex.compile(r"(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?)?|XXXX-WXX-\d")


def is_calendar_date(value: str) -> bool:
    return _CALENDAR.fullmatch(value) is not None


def find_dates(an: Analysis, anchor_value: str | None) -> list[DateMatch]:
    """Every date expression in the article with its value, resolved against ``anchor_value`` (``doc.date``)."""
    norm = an.norm
    starts = _starts(an)
    if not starts:
        return []
    anchor = cal.parse_anchor(anchor_value)
    candidates = []
    seen = set()
    for rule, pattern in _PATTERNS:
        match = pattern.match
        for pos in starts.get(rule, ()):
            m = match(norm, pos)
            if m is None:
                continue
            key = (rule, m.start("x"), m.end("x"))
            if key not in seen:
                seen.add(key)
                candidates.append((m.start("x"), -(m.end("x") - m.start("x")), rule, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    out: list[DateMatch] = []
    taken_until = -1
    for start, neg_len, rule, m in candidates:
        end = start - neg_len
        if start < taken_until:
            continue
        if rule in _NAMEABLE and _PLACE_BEFORE.search(norm, max(0, start - 16), start):
            taken_until = end  # مدينة السادس من أكتوبر، شارع 23 يوليو، قوى 14 آذار: a place or a political camp
            # named after a date (and its parts)
            continue
        value = value_of(rule, m, norm, anchor, out)
        if value is None:
            continue
        val, attrs = value
        while end > start and norm[end - 1].isspace():
            end -= 1  # اليوم الأحد “...: an optional bracket after the weekday may leave trailing space matched
        o_start, o_end = an.span(start, end)
        out.append(DateMatch(o_start, o_end, val, rule, attrs, start, end))
        taken_until = end
        if rule == "part" and (m.group("year") or m.group("year2")):
            # النصف الأول 2015 / الربع الثالث من عام 2014: the half or quarter is not suggested (no gold set marks
            # one), the year written in it is, as every gold set that has one marks it
            y0, y1 = m.span("yx") if m.group("year") else m.span("yx2")
            o_start, o_end = an.span(y0, y1)
            out.append(DateMatch(o_start, o_end, f"{int(m.group('year') or m.group('year2')):04d}", "year", {},
                                 y0, y1))
        elif rule == "part" and m.group("rel") and attrs.get("resolved"):
            # النصف الأول من العام الجاري: the year named relative to the article's is marked as a written one is
            y0, y1 = m.span("yx")
            o_start, o_end = an.span(y0, y1)
            out.append(DateMatch(o_start, o_end, val[:4], "unit", {"resolved": True}, y0, y1))
    return out
