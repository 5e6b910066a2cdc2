"""Dates: Arabic calendar expressions found in the text and normalised to TIMEX3 / ISO-8601 values.

Recognised: day-month-year with any month-name system (see :mod:`.calendar`), a parenthesised second name
(``24 يوليو (تموز)``), ordinal days (``الثالث من يونيو``), numeric dates (``3 / 11 / 1436هـ``, ``18-1-2024``),
years (``عام 2013``, ``2002م``, ``1435هـ``), weekdays (``يوم الأربعاء الماضي``), deictic days (أمس، اليوم، غداً،
بعد غد، أول أمس), relative units (الشهر الماضي، الأسبوع المقبل، هذا العام، مطلع الشهر الجاري), "ago" expressions
(قبل ستة أشهر، منذ عام واحد), centuries and decades (القرن العشرين، الخمسينيات), seasons with a year or a
relative word. Western and Arabic-Indic digits are the same to the rules (the matching copy folds them).

Values are resolved against the article date (``doc.date``). Without one, a relative or year-less expression
gets a partial value with X's (``XXXX-01-18``) and ``resolved: False``. Hijri dates get their Gregorian value
and keep the Hijri one (``calendar: "hijri"``, ``hijri: "1436-10-25"``). Durations (ثلاثة أيام), times of day
and ages are not dates and are not matched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from . import calendar as cal
from ..text.arabic import fold
from .arabic import Analysis


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
_ERA = r"(?:\s*(?P<era>ه|م|ميلادي[ةه]?|للميلاد|هجري[ةه]?|للهجر[ةه])(?![\p{L}]))?"
# A four-digit number followed by a decimal part or a unit of measure is a quantity, not a year
# (العام الماضي 1107.6 مليون متر مكعب).
_NOT_QUANTITY = r"(?![.,٫]\d)(?!\s*(?:مليون|مليار|الف|طن|ريال|دولار|يورو|جنيه|درهم|متر|كيلو|%|٪)(?![\p{L}]))"
_WD_PREFIX = rf"(?:(?:يوم\s+)?(?P<wd>{_WEEKDAY})(?:\s+{_REL})?\s*[،,]?\s*(?:الموافق\s+)?)?"
_TENS = _alt(cal.TENS)

_PATTERNS: list[tuple[str, regex.Pattern]] = [
    ("dmy", regex.compile(
        rf"{_PRE}(?P<x>{_WD_PREFIX}(?:(?:(?P<day>[0-3]?\d)|(?P<ord>{_ORD}))\s*(?:من\s+)?)?(?P<shahr>شهر\s+)?"
        rf"(?P<month>{_MONTH})(?:\s*[(/]\s*(?P<month2>{_MONTH})\s*\)?)?"
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
        rf"{_PRE}(?P<x>(?:يوم\s+)?(?P<deictic>امس\s+الاول|اول\s+امس|اول\s+من\s+امس|بعد\s+غد|امس|الامس|البارحة|البارحه|اليوم|غدا)"
        rf"(?:\s*\(?\s*(?P<wd>{_WEEKDAY})\s*\)?)?){_R}")),
    ("weekday", regex.compile(rf"{_PRE}(?P<x>(?:يوم\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<rel>{_REL}))?){_R}")),
    ("unit", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<mod>{_MOD})\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<unit>الاسبوع|الشهر|العام|السنة|السنه)"
        rf"(?:\s+(?P<rel>{_REL}))?(?:\s+(?P<year>\d{{4}}){_NOT_QUANTITY}{_ERA})?){_R}")),
    ("year", regex.compile(
        rf"{_PRE}(?P<x>(?:(?P<mod>{_MOD})\s+)?(?:ال)?(?:عام|سنة|سنه)\s+(?P<year>\d{{4}}){_NOT_QUANTITY}{_ERA}){_R}")),
    ("bareyear", regex.compile(rf"{_PRE}(?P<x>(?P<year>1[3-9]\d\d|20\d\d){_NOT_QUANTITY}{_ERA}){_R}")),
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
        rf"{_PRE}(?P<x>(?P<part>النصف|الربع)\s+(?P<ord>الاول|الثاني|الثالث|الرابع)\s+من\s+(?:العام|السنة|عام)\s+"
        rf"(?:(?P<rel>{_REL})|(?P<year>\d{{4}}){_NOT_QUANTITY})){_R}")),
]
# Anchored matching: each pattern is tried only at the starts of the few tokens before a word it needs (a
# month name for day-month-year, a number for numeric dates, a weekday ...). A pattern searched over a whole
# 5,000-word article costs ~5 ms; tried at these positions it costs a fraction of that.
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    groups = {
        "month": [w.split()[0] for w in list(cal.GREGORIAN_MONTHS) + list(cal.HIJRI_MONTHS)],
        "weekday": list(cal.WEEKDAYS), "decade": list(cal.DECADES), "season": list(cal.SEASONS),
        "deictic": ["امس", "الامس", "اليوم", "غدا", "غد", "البارحة", "البارحه"],
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
    "unit": {"unit": 2}, "year": {"year": 2}, "bareyear": {"num": 1}, "ago": {"ago": 0},
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


# Words after اليوم that make it "the day" (اليوم الأول، اليوم التالي، اليوم الوطني), not "today".
_NOT_TODAY = regex.compile(r"\s+(?:ال(?!اثنين|ثلاثاء|اربعاء|خميس|جمعة|سبت|احد)\p{L}{2,}|نفسه|ذاته|من\s)")
# Words before اليوم that make it "the day" (ساعات اليوم، طوال اليوم، نفس اليوم، ذلك اليوم), not "today".
_DAY_OF = regex.compile(r"(?<![\p{L}])(?:ساعات|طوال|مدار|منتصف|نهاية|بداية|نفس|ذلك|ذات|اخر|طيلة)\s+$")


def _header_end(norm: str, start: int, end: int) -> bool:
    """The word closes a short header line (a byline "name – outlet", a title): not a date in running text."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line = norm[line_start:line_end if line_end >= 0 else len(norm)]
    rest = norm[end:line_end if line_end >= 0 else len(norm)]
    if len(line.split()) <= 6 and regex.search(r"\s[–—-]\s", line):
        return True  # "عين اليوم – سكاكا": a byline, outlet and place
    return not rest.strip() and len(norm[line_start:start].split()) <= 5


_FUTURE = regex.compile(r"(?:غدا|بعد\s+غد|سوف|المقبل|القادم|المقرر|مقرر|سيتم|ستتم|سيكون|ستكون|يفتتح|سيفتتح|ستنطلق)"
                        r"(?![\p{L}])")
_YEAR_CONTEXT = frozenset(fold(w) for w in ("في", "منذ", "حتى", "خلال", "قبل", "بعد", "عام", "العام", "سنة",
                                             "لعام", "مطلع", "نهاية", "بداية", "و", "،", ",", "-", "الى", "من",
                                             "عامي", "العامين", "عامين", "سنتي", "السنتين", "(", "طوال", "مواليد"))


_AGE = regex.compile(r"(?<![\p{L}])(?:العمر|عمره|عمرها|عمرهم|اعمارهم|سن|السن|سنهم)(?![\p{L}])")


@dataclass(frozen=True)
class DateMatch:
    """A date expression: original ``[start, end)``, its value and extra attributes (resolved, calendar ...)."""

    start: int
    end: int
    value: str
    rule: str
    attrs: dict = field(default_factory=dict)
    norm_start: int = 0
    norm_end: int = 0


def _hijri_era(era: str | None, year: int | None) -> bool:
    """Is a year Hijri? As its era says (هـ / هجرية / للهجرة: Hijri; م / ميلادية / للميلاد: Gregorian); a year
    without one is Hijri when it lies in the Hijri years news writes (1300-1500)."""
    if era:
        return era.startswith(("ه", "للهجر"))
    return year is not None and 1300 <= year <= 1500


def _rel(word: str | None) -> str | None:
    if not word:
        return None
    if word in cal.PAST:
        return "past"
    if word in cal.NEXT:
        return "next"
    return "current"


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
        value = _value(rule, m, norm, anchor, out)
        if value is None:
            continue
        val, attrs = value
        while end > start and norm[end - 1].isspace():
            end -= 1  # اليوم الأحد “...: an optional bracket after the weekday may leave trailing space matched
        o_start, o_end = an.span(start, end)
        out.append(DateMatch(o_start, o_end, val, rule, attrs, start, end))
        taken_until = end
    return out


Value = tuple[str, dict] | None  # (TIMEX3 value, attributes), or None: not a calendar date after all


@dataclass(frozen=True)
class _Found:
    """A pattern's match and what its value depends on: the folded text, the article date, the dates before it."""

    rule: str
    m: regex.Match
    norm: str
    anchor: dt.date | None
    previous: list[DateMatch]

    @property
    def g(self) -> dict:
        return self.m.groupdict()


def _value(rule: str, m, norm: str, anchor: dt.date | None, previous: list[DateMatch]) -> Value:
    """(value, attrs) of one match of ``rule``, or None when the match is not a calendar date after all."""
    return _VALUES[rule](_Found(rule, m, norm, anchor, previous))


def _day_month_year(f: _Found) -> Value:
    """Day, month and year in words or digits (24 يوليو 2015، 3 / 11 / 1436هـ، الثالث من شهر رمضان الجاري);
    without a year, the month is read in the year the text implies (article date, الماضي / المقبل)."""
    g, anchor = f.g, f.anchor
    day = int(g["day"]) if g.get("day") else (cal.ORDINAL_DAYS.get(regex.sub(r"\s+", " ", g["ord"]))
                                              if g.get("ord") else None)
    year = int(g["year"]) if g.get("year") else None
    if year is not None and year < 100:
        year += 2000 if year < 50 else 1900
    era = g.get("era") or ""
    month, hijri = _month(f, day, year) if f.rule in ("dmy", "dayco") else (int(g["mnum"]), _hijri_era(era, year))
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if f.rule == "numeric" and year is None:
        return None
    if hijri or _hijri_era(era, None):
        return _hijri_value(year, month, day, anchor)
    attrs: dict = {}
    if year is None:
        if anchor is None:
            return (f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"), {"resolved": False}
        year, attrs = _implied_year(g, month, anchor), {"resolved": True}
    if day is not None:
        if not cal.valid_date(year, month, day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}", attrs
    return f"{year:04d}-{month:02d}", attrs


def _month(f: _Found, day: int | None, year: int | None) -> tuple[int | None, bool]:
    """The month of a month name (and whether it is Hijri); None when a second name in parentheses names another
    month, or a weak month name (مارس "practised", صفر "zero") stands alone."""
    g = f.g
    name = regex.sub(r"\s+", " ", g["month"])
    hijri = name in cal.HIJRI_MONTHS
    month = cal.HIJRI_MONTHS[name] if hijri else cal.GREGORIAN_MONTHS[name]
    if g.get("month2"):
        name2 = regex.sub(r"\s+", " ", g["month2"])
        if cal.GREGORIAN_MONTHS.get(name2, cal.HIJRI_MONTHS.get(name2)) != month:
            return None, hijri
    if name in cal.WEAK_MONTHS and day is None and year is None and not g.get("shahr") and not g.get("rel") \
            and not g.get("month2") and not g.get("yrel"):
        return None, hijri
    return month, hijri


def _implied_year(g: dict, month: int, anchor: dt.date) -> int:
    """The year of a month named without one: of the article, or the one before / after (الماضي / المقبل, من
    العام الماضي)."""
    rel = _rel(g.get("rel") or g.get("yrel"))
    if g.get("yrel"):
        rel = {"past": "yearpast", "next": "yearnext"}.get(rel, "current")
    if rel == "yearpast":
        return anchor.year - 1
    if rel == "yearnext":
        return anchor.year + 1
    return cal.month_year(month, rel, anchor)


def _deictic(f: _Found) -> Value:
    """أمس، اليوم، غداً، بعد غد، أول أمس (with an optional weekday): a day relative to the article date."""
    g, m, norm, anchor = f.g, f.m, f.norm, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    word = regex.sub(r"\s+", " ", g["deictic"])
    if word == "اليوم" and not g.get("wd"):
        if _NOT_TODAY.match(norm, m.end("x")) or _DAY_OF.search(norm, max(0, m.start("x") - 12),
                                                               m.start("x")):
            return None
        if _header_end(norm, m.start("x"), m.end("x")):
            return None  # "عين اليوم" closing a byline: the name of an outlet
    offset = {"امس": -1, "الامس": -1, "البارحة": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "بعد غد": 2,
              "اول امس": -2, "امس الاول": -2, "اول من امس": -2}[word]
    if anchor is None:
        return "XXXX-XX-XX", unresolved
    return (anchor + dt.timedelta(days=offset)).isoformat(), resolved


def _weekday(f: _Found) -> Value:
    """يوم الأربعاء الماضي: the weekday nearest the article date in the direction the text says."""
    g, m, norm, anchor = f.g, f.m, f.norm, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    before = norm[max(0, m.start("x") - 12):m.start("x")]
    if regex.search(r"(?:صلاة|صلاه|خطبة|خطبه|ليلة|ليله)\s*$", before):
        return None
    wd = cal.WEEKDAYS[g["wd"]]
    rel = _rel(g.get("rel"))
    if rel == "current":
        rel = None
    if anchor is None:
        return f"XXXX-WXX-{wd + 1}", unresolved
    future = bool(_FUTURE.search(norm, max(0, m.start("x") - 40), m.start("x")))
    return cal.weekday_date(wd, rel, anchor, future).isoformat(), resolved


def _unit(f: _Found) -> Value:
    """الشهر الماضي، هذا العام، مطلع الأسبوع المقبل: a calendar unit relative to the article date."""
    g, anchor = f.g, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    rel = _rel(g.get("rel"))
    if g.get("this"):
        if g.get("rel") and rel != "current":
            return None
        rel = "current"
    unit = g["unit"]
    if g.get("year"):
        year = int(g["year"])
        if _hijri_era(g.get("era"), year):
            return _hijri_value(year, None, None, anchor)
        return f"{year:04d}", {}
    if rel is None:
        return None
    if unit in ("العام", "السنة", "السنه"):
        if anchor is None:
            return "XXXX", unresolved
        return f"{anchor.year + {'past': -1, 'next': 1}.get(rel, 0):04d}", resolved
    if unit == "الشهر":
        if anchor is None:
            return "XXXX-XX", unresolved
        y, mo = cal.add_months(anchor.year, anchor.month, {"past": -1, "next": 1}.get(rel, 0))
        return f"{y:04d}-{mo:02d}", resolved
    if anchor is None:
        return "XXXX-WXX", unresolved
    return cal.iso_week(anchor + dt.timedelta(days=7 * {"past": -1, "next": 1}.get(rel, 0))), resolved


def _year(f: _Found) -> Value:
    """عام 2013، سنة 1435هـ: a year after the word for year."""
    g, anchor = f.g, f.anchor
    year = int(g["year"])
    if _hijri_era(g.get("era"), year):
        return _hijri_value(year, None, None, anchor)
    return (f"{year:04d}", {}) if 1000 <= year <= 2100 else None


def _bare_year(f: _Found) -> Value:
    """2002م، 1435هـ, or a bare number that is a year by its context (في 2013، منذ 1990)."""
    g, m, norm, anchor, previous = f.g, f.m, f.norm, f.anchor, f.previous
    year = int(g["year"])
    era = g.get("era") or ""
    if not era:
        # A bare number is a year only after a temporal preposition, or in a list right after a date.
        before = norm[max(0, m.start("x") - 20):m.start("x")]
        prev = regex.search(r"([\p{L}\p{N}]+|[^\s\p{L}\p{N}])\s*$", before)
        word = prev.group(1) if prev else ""
        if word == "(" and regex.search(r"(?:نحو|حوالي|قرابة|زهاء|اكثر\s+من|اقل\s+من|من)\s*\(\s*$", before):
            return None  # نحو (2000) شخص: a count in parentheses
        if word == "(" or (word == "-" and "(" in before):
            # (1949) after a title, (براون - 1840): a year in parentheses, unless it is a count (10 سنوات)
            if regex.match(r"\s*\)", norm[m.end("x"):]) or word == "-":
                word = "في"
        if word not in _YEAR_CONTEXT and not (previous and previous[-1].norm_end >= m.start("x") - 4):
            return None
        if word in ("و", "،", ",", "-", "الى", "من") and not (previous and previous[-1].norm_end >=
                                                             m.start("x") - 4):
            return None
        if not 1900 <= year <= 2099:
            return None
    if _hijri_era(era, year):
        return _hijri_value(year, None, None, anchor)
    return f"{year:04d}", {}


def _ago(f: _Found) -> Value:
    """قبل ستة أشهر، منذ عام واحد: a point a count of units before the article date."""
    g, anchor = f.g, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    n = g.get("n")
    unit = g["agounit"]
    count = None
    if n:
        count = int(n) if n.isdigit() else cal.CARDINALS.get(n)
        if count is not None and g.get("tens"):
            count += cal.TENS[g["tens"]]
    elif g.get("tensonly"):
        count = cal.TENS[g["tensonly"]]
    elif unit in ("يومين", "اسبوعين", "شهرين", "عامين", "سنتين"):
        count = 2
    elif unit in ("يوم", "اسبوع", "شهر", "عام", "سنة", "سنه", "يوما", "اسبوعا", "شهرا", "عاما"):
        count = 1
    if count is None:
        return None
    if anchor is None:
        kind = unit[:2]
        return {"يو": "XXXX-XX-XX", "اي": "XXXX-XX-XX", "اس": "XXXX-WXX", "شه": "XXXX-XX",
                "اش": "XXXX-XX"}.get(kind, "XXXX"), unresolved
    if unit.startswith(("يوم", "ايام")):
        return (anchor - dt.timedelta(days=count)).isoformat(), resolved
    if unit.startswith(("اسبوع", "اسابيع")):
        return cal.iso_week(anchor - dt.timedelta(days=7 * count)), resolved
    if unit.startswith(("شهر", "اشهر", "شهور")):
        y, mo = cal.add_months(anchor.year, anchor.month, -count)
        return f"{y:04d}-{mo:02d}", resolved
    return f"{anchor.year - count:04d}", resolved


def _century(f: _Found) -> Value:
    """القرن العشرين، القرن الماضي."""
    g, anchor = f.g, f.anchor
    resolved = {"resolved": True}
    cent = g["cent"]
    if cent in cal.CENTURY_ORDINALS:
        return f"{cal.CENTURY_ORDINALS[cent] - 1:02d}", {}
    if anchor is None:
        return None
    current = anchor.year // 100
    return f"{current - 1 if _rel(cent) == 'past' else current:02d}", resolved


def _decade(f: _Found) -> Value:
    """الخمسينيات (من القرن الماضي); not an age (في العشرينات من العمر)."""
    g, m, norm, anchor = f.g, f.m, f.norm, f.anchor
    lo, hi = max(0, m.start("x") - 40), min(len(norm), m.end("x") + 30)
    lo = max(lo, max(norm.rfind(c, lo, m.start("x")) for c in ".!?؟\n") + 1)
    hi = min([norm.find(c, m.end("x"), hi) for c in ".!?؟\n" if norm.find(c, m.end("x"), hi) >= 0] + [hi])
    if _AGE.search(norm, lo, hi):
        return None  # في العشرينات من العمر ... في الخمسينات أو سن أكبر: ages, not decades of a century
    cent = g.get("cent")
    century = 19
    if cent in cal.CENTURY_ORDINALS:
        century = cal.CENTURY_ORDINALS[cent] - 1
    elif cent and anchor is not None:
        century = anchor.year // 100 - (1 if _rel(cent) == "past" else 0)
    return f"{century:02d}{cal.DECADES[g['dec']]}", {}


def _season(f: _Found) -> Value:
    """صيف 2014، الشتاء المقبل."""
    g, anchor = f.g, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    code = cal.SEASONS[g["season"]]
    if g.get("year"):
        return f"{int(g['year']):04d}-{code}", {}
    rel = "current" if g.get("this") else _rel(g.get("rel"))
    if rel is None:
        return None
    if anchor is None:
        return f"XXXX-{code}", unresolved
    return f"{anchor.year + {'past': -1, 'next': 1}.get(rel, 0):04d}-{code}", resolved


def _part(f: _Found) -> Value:
    """النصف الأول من العام الحالي، الربع الثالث من عام 2014."""
    g, anchor = f.g, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    n = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4}[g["ord"]]
    letter = "H" if g["part"] == "النصف" else "Q"
    if letter == "H" and n > 2:
        return None
    if g.get("year"):
        return f"{int(g['year']):04d}-{letter}{n}", {}
    if anchor is None:
        return f"XXXX-{letter}{n}", unresolved
    rel = _rel(g.get("rel"))
    return f"{anchor.year + {'past': -1, 'next': 1}.get(rel, 0):04d}-{letter}{n}", resolved


_VALUES = {"dmy": _day_month_year, "dayco": _day_month_year, "numeric": _day_month_year, "iso": _day_month_year,
           "ymd": _day_month_year, "deictic": _deictic, "weekday": _weekday, "unit": _unit, "year": _year,
           "bareyear": _bare_year, "ago": _ago, "century": _century, "decade": _decade, "season": _season,
           "part": _part}


def _hijri_value(year: int | None, month: int | None, day: int | None, anchor: dt.date | None):
    """Gregorian value of a Hijri date, keeping the Hijri one in the attributes."""
    attrs: dict = {"calendar": "hijri"}
    if year is None:
        if anchor is None:
            hijri = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return hijri, {**attrs, "hijri": hijri, "resolved": False}
        year = cal.hijri_year_of(anchor)
        if year is None:
            return None
        attrs["resolved"] = True
    if month is None:
        value = cal.hijri_year_value(year)
        attrs["hijri"] = f"{year:04d}"
    elif day is None:
        value = cal.hijri_month_value(year, month)
        attrs["hijri"] = f"{year:04d}-{month:02d}"
    else:
        g = cal.hijri_to_gregorian(year, month, day)
        value = g.isoformat() if g else None
        attrs["hijri"] = f"{year:04d}-{month:02d}-{day:02d}"
    if value is None:
        return None
    return value, attrs
