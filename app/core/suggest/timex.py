"""The values of Arabic date expressions: TIMEX3 / ISO-8601, resolved against the article date.

:func:`value_of` gives the value (and attributes) of one match of a pattern of :mod:`.dates`, one small function
per kind of expression: day-month-year in any month system, أمس / اليوم / غداً, weekdays, relative units
(الشهر الماضي), years (the era decides the calendar: م Gregorian, هـ Hijri), "ago" expressions, centuries and
decades, seasons, halves and quarters. None when the match is not a calendar date after all (اليوم الوطني، ages,
counts). Without an article date a relative value is partial (``XXXX-01-18``) and ``resolved: False``; Hijri dates
keep the Hijri value beside the Gregorian one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from ..text.arabic import fold
from . import calendar as cal
from .today import today_is_a_day

_FUTURE = regex.compile(r"(?:غدا|بعد\s+غد|سوف|المقبل|القادم|المقرر|مقرر|سيتم|ستتم|سيكون|ستكون|يفتتح|سيفتتح|ستنطلق"
                        r"|س[يت](?:بدا|قام|عقد|جرى|جري|لعب|واجه|لتقي|نطلق|ختتم))"
                        r"(?![\p{L}])")  # (كرة القدم الحقيقية ستبدأ يوم السبت: the coming Saturday)
# The future of an event verb right after the weekday (مباراة الأربعاء التي ستجمع الأخضر ...).
_FUTURE_AFTER = regex.compile(r"[^.\n؟!]{0,30}?(?<![\p{L}])(?:سوف|س[يتن](?:جمع|خوض|واجه|لعب|لتقي|قام|عقد|نطلق|بدا|"
                              r"شهد|فتتح|ختتم|ستضيف|ستقبل|حتضن|شارك|عود|توجه|زور|صل|كون|تم))\p{L}*")
_YEAR_CONTEXT = frozenset(fold(w) for w in ("في", "منذ", "حتى", "خلال", "قبل", "بعد", "عام", "العام", "سنة",
                                             "لعام", "مطلع", "نهاية", "بداية", "و", "،", ",", "-", "الى", "من",
                                             "عامي", "العامين", "عامين", "سنتي", "السنتين", "(", "طوال", "مواليد",
                                             "بين", "بحلول", "بنهاية", "وبنهاية", "ببداية", "بمطلع", "آخر",
                                             "أواخر", "أوائل", "منتصف", "أعوام", "سنوات", "وحتى", "ومنذ", "الفترة"))
# Words after which a bare number is a year even before 1900 (حتى 1890، بين عامي 1770 و1840، بحلول 1908).
_STRONG_YEAR_CONTEXT = frozenset(fold(w) for w in ("منذ", "حتى", "عام", "العام", "سنة", "لعام", "عامي", "العامين",
                                                    "عامين", "سنتي", "بحلول", "أعوام", "سنوات", "وحتى", "ومنذ"))


_VAGUE = frozenset(fold(w) for w in ("عدة", "بضع", "بضعة"))

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


def value_of(rule: str, m, norm: str, anchor: dt.date | None, previous: list[DateMatch]) -> Value:
    """(value, attrs) of one match of ``rule``, or None when the match is not a calendar date after all."""
    return _VALUES[rule](_Found(rule, m, norm, anchor, previous))


_RELATIVE_PRONOUN = regex.compile(r"(?<![\p{L}])(?:ما|مما|لما|بما)\s+$")


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
    if day is None and year is None and not g.get("rel") and _RELATIVE_PRONOUN.search(
            f.norm, max(0, f.m.start("x") - 6), f.m.start("x")):
        return None  # على ما يوليه من اهتمام: يوليه "he gives" after ما, not the month
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


_IN_NEED = regex.compile(r"\s+(?:ال)?حاج")


def _deictic(f: _Found) -> Value:
    """أمس، اليوم، غداً، بعد غد، أول أمس، الليلة (قبل) الماضية (with an optional weekday): a day relative to the
    article date."""
    g, m, norm, anchor = f.g, f.m, f.norm, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    word = regex.sub(r"\s+", " ", g["deictic"])
    if word == "اليوم" and not g.get("wd") and not today_is_a_day(norm, m.start("x"), m.end("x")):
        return None  # اليوم الأول، عين اليوم، 350 دولاراً في اليوم، حتى اليوم: the day of something, nowadays (.today)
    if word == "امس" and not g.get("wd") and _IN_NEED.match(norm, m.end("x")):
        return None  # في أمسّ الحاجة إليها: "most in need", a superlative written like "yesterday"
    offset = {"امس": -1, "الامس": -1, "البارحة": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "غد": 1, "بعد غد": 2,
              "اول امس": -2, "امس الاول": -2, "اول من امس": -2, "الليلة الماضية": -1, "الليلة الفائتة": -1,
              "الليلة قبل الماضية": -2}[word]
    if anchor is None:
        return "XXXX-XX-XX", unresolved
    day = anchor + dt.timedelta(days=offset)
    if g.get("wd"):
        # أمس الأربعاء، اليوم الأربعاء: the weekday named decides (a crawler's date may be a day or two late):
        # the day of that weekday nearest the one the word says, the earlier on a tie.
        wd = cal.WEEKDAYS[g["wd"]]
        day = min((day + dt.timedelta(days=d) for d in range(-3, 4)
                   if (day + dt.timedelta(days=d)).weekday() == wd), key=lambda x: (abs((x - day).days), x))
    return day.isoformat(), resolved


def _relative_day(f: _Found) -> Value:
    """الخامس من الشهر المقبل، 20 من هذا الشهر: a day of the month before, of or after the article's."""
    g, anchor = f.g, f.anchor
    day = int(g["day"]) if g.get("day") else cal.ORDINAL_DAYS.get(regex.sub(r"\s+", " ", g["ord"]))
    rel = "current" if g.get("this") and not g.get("rel") else _rel(g.get("rel"))
    if rel is None or day is None or not 1 <= day <= 31:
        return None
    if anchor is None:
        return f"XXXX-XX-{day:02d}", {"resolved": False}
    y, mo = cal.add_months(anchor.year, anchor.month, {"past": -1, "next": 1}.get(rel, 0))
    if not cal.valid_date(y, mo, day):
        return None
    return f"{y:04d}-{mo:02d}-{day:02d}", {"resolved": True}


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
    future = bool(_FUTURE.search(norm, max(0, m.start("x") - 40), m.start("x"))
                  or _FUTURE_AFTER.match(norm, m.end("x")))
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
    unit = g["unit"] if g["unit"].startswith("ال") else "ال" + g["unit"]  # للعام: ل + العام
    if g.get("before"):
        if rel != "past":
            return None
        rel = "past2"  # العام قبل الماضي: the one before last
    if g.get("year"):
        year = int(g["year"])
        if _hijri_era(g.get("era"), year):
            return _hijri_value(year, None, None, anchor)
        return f"{year:04d}", {}
    if rel is None and g.get("mod") and unit in ("العام", "السنة", "السنه"):
        rel = "current"  # منذ بداية العام، نهاية العام: of the article's year
    if rel is None:
        return None
    if unit in ("العام", "السنة", "السنه"):
        if anchor is None:
            return "XXXX", unresolved
        return f"{anchor.year + {'past': -1, 'past2': -2, 'next': 1}.get(rel, 0):04d}", resolved
    if unit == "الشهر":
        if anchor is None:
            return "XXXX-XX", unresolved
        y, mo = cal.add_months(anchor.year, anchor.month, {"past": -1, "past2": -2, "next": 1}.get(rel, 0))
        return f"{y:04d}-{mo:02d}", resolved
    if anchor is None:
        return "XXXX-WXX", unresolved
    return cal.iso_week(anchor + dt.timedelta(days=7 * {"past": -1, "past2": -2, "next": 1}.get(rel, 0))), resolved


def _year(f: _Found) -> Value:
    """عام 2013، سنة 1435هـ: a year after the word for year."""
    g, anchor = f.g, f.anchor
    year = int(g["year"])
    if _hijri_era(g.get("era"), year):
        return _hijri_value(year, None, None, anchor)
    return (f"{year:04d}", {}) if 1000 <= year <= 2100 else None


_CLOSE = regex.compile(r"\s*\)")
_UNIT_AFTER_CLOSE = regex.compile(rf"(?:\s*[-–]\s*\d+)?\s*\)\s*(?:{cal.CURRENCIES}|{cal.MEASURES})")
_AND_YEAR = regex.compile(r"\s*و\s*\d{4}(?!\d)")
_DASH_YEAR_CLOSE = regex.compile(r"\s*[-–]\s*\d{4}\s*\)")
_DASH_ERA_YEAR = regex.compile(r"\s*[-–]\s*(?P<year>\d{4})\s*(?P<era>ه|م)(?![\p{L}])")  # 1357-1435ه: a lifespan's two years
_OPEN_YEAR_DASH = regex.compile(r"\(\s*\d{4}\s*[-–]\s*$")  # (1226 - : the first year of a range in parentheses
_TO_YEAR = regex.compile(rf"\s*(?:{fold('إلى')}|{fold('حتى')})\s*(?:{fold('عام')}\s*)?\d{{4}}(?!\d)")  # من 1984 إلى 2010


def _cited(norm: str, start: int) -> bool:
    """Is the year at ``start`` the last item of a reference in parentheses (a place, a colon, a publisher, a
    comma): an opening parenthesis within 80 characters before it, with a colon after that and no closing one?"""
    before = norm[max(0, start - 80):start]
    opened = before.rfind("(")
    return opened >= 0 and ")" not in before[opened:] and ":" in before[opened:]


def _bare_year(f: _Found) -> Value:
    """2002م، 1435هـ, or a bare number that is a year by its context (في 2013، منذ 1990)."""
    g, m, norm, anchor, previous = f.g, f.m, f.norm, f.anchor, f.previous
    year = int(g["year"])
    era = g.get("era") or ""
    if era and _school_year(norm, m.start("x"), year, era):
        return None
    if not era:
        # A bare number is a year only after a temporal preposition, or in a list right after a date.
        before = norm[max(0, m.start("x") - 20):m.start("x")]
        prev = regex.search(r"([\p{L}\p{N}]+|[^\s\p{L}\p{N}])\s*$", before)
        word = prev.group(1) if prev else ""
        if word not in _YEAR_CONTEXT and word[:1] in ("و", "ف") and word[1:] in _YEAR_CONTEXT:
            word = word[1:]  # وبحلول، ومنذ: the conjunction is not part of the word
        after = norm[m.end("x"):m.end("x") + 16]
        cited = word in ("،", ",", ":") and _CLOSE.match(after) is not None and _cited(norm, m.start("x"))
        if cited:
            word = "("  # (القاهرة: دار المعارف، 1990): the year of a work cited closes its parenthesis
        # بين 1831 و1910، (1856 - 1915): a range of years, as strong as "since" or "the year"
        lifespan = _DASH_ERA_YEAR.match(after)
        if lifespan is not None and int(lifespan.group("year")) == year + 1:
            lifespan = None  # العام الدراسي 1436-1437هـ: a school or fiscal year, no date (see _school_year)
        # (1226 - 1242): a reign or a lifespan in parentheses, read from either year
        reign = (word == "(" and _DASH_YEAR_CLOSE.match(after) is not None) or (
            word == "-" and _OPEN_YEAR_DASH.search(before) is not None and _CLOSE.match(after) is not None)
        paired = cited or (word == "بين" and _AND_YEAR.match(after) is not None) or (word == "(" and reign) or (
            word == "من" and _TO_YEAR.match(after) is not None) or lifespan is not None
        if lifespan is not None:
            era = lifespan.group("era")  # (the era written after the second year is the first's too)
        if word == "(" and regex.search(r"(?:نحو|حوالي|قرابة|زهاء|اكثر\s+من|اقل\s+من|من)\s*\(\s*$", before):
            return None  # نحو (2000) شخص: a count in parentheses
        if (word == "(" or (word == "-" and "(" in before)) and _UNIT_AFTER_CLOSE.match(norm, m.end("x")):
            return None  # أسعار الحريات ما بين (1200 - 1900) ريال: a range of prices, not of years
        if word == "(" or (word == "-" and "(" in before):
            # (1949) after a title, (براون - 1840): a year in parentheses, unless it is a count (10 سنوات)
            if _CLOSE.match(norm, m.end("x")) or word == "-":
                word = "في"
        after_date = previous and previous[-1].norm_end >= m.start("x") - 4
        if word not in _YEAR_CONTEXT and not paired and not after_date:
            return None
        if word in ("و", "،", ",", "-", "الى", "من") and not paired and not after_date:
            return None
        listed = word in ("و", "،", ",", "-", "الى", "من")  # a year in a list: as old as the date it follows
        if lifespan is not None and _hijri_era(era, year):
            pass  # 1357-1435ه: the first year of a Hijri span
        elif reign and 1000 <= year <= 2099:
            pass  # المستنصر بالله (1226 - 1242): a reign or a lifespan in parentheses, either year
        elif not (1900 <= year <= 2099 or (1500 <= year <= 2099 and (word in _STRONG_YEAR_CONTEXT or listed
                                                                        or paired))):
            return None
    if _hijri_era(era, year):
        return _hijri_value(year, None, None, anchor)
    return f"{year:04d}", {}


_YEAR_SLASH_BEFORE = regex.compile(r"(?<!\d)(\d{4})\s*[/\-–]\s*$")


def _school_year(norm: str, start: int, year: int, era: str | None) -> bool:
    """1436/1437هـ، ١٤٣٦-١٤٣٧هـ: two consecutive Hijri years, an academic or fiscal year (للعام الدراسي 1435/1436هـ);
    most gold sets mark no date in one (five of seven)."""
    m = _YEAR_SLASH_BEFORE.search(norm, max(0, start - 8), start)
    return m is not None and int(m.group(1)) + 1 == year and _hijri_era(era, year)


def _era_year(f: _Found) -> Value:
    """عام 642م، 573هـ: a year of two to four digits with its era written."""
    g, anchor = f.g, f.anchor
    year = int(g["year"])
    if year < 10 or _school_year(f.norm, f.m.start("x"), year, g.get("era")):
        return None
    if _hijri_era(g.get("era"), year):
        return _hijri_value(year, None, None, anchor)
    return (f"{year:04d}", {}) if year <= 2100 else None


def _ago(f: _Found) -> Value:
    """قبل ستة أشهر، منذ عام واحد: a point a count of units before the article date."""
    g, anchor = f.g, f.anchor
    resolved = {"resolved": True}
    unresolved = {"resolved": False}
    n = g.get("n")
    unit = g["agounit"]
    count = None
    if n in _VAGUE:
        return None  # منذ عدة سنوات، قبل بضعة أيام: a vague count names no date (a duration at most)
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
    if g.get("year") or g.get("year2"):
        return f"{int(g.get('year') or g['year2']):04d}-{letter}{n}", {}
    if anchor is None:
        return f"XXXX-{letter}{n}", unresolved
    rel = _rel(g.get("rel"))
    return f"{anchor.year + {'past': -1, 'next': 1}.get(rel, 0):04d}-{letter}{n}", resolved


_VALUES = {"dmy": _day_month_year, "dayco": _day_month_year, "numeric": _day_month_year, "iso": _day_month_year,
           "ymd": _day_month_year, "deictic": _deictic, "relday": _relative_day, "weekday": _weekday, "unit": _unit, "year": _year,
           "bareyear": _bare_year, "erayear": _era_year, "ago": _ago, "century": _century, "decade": _decade, "season": _season,
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
