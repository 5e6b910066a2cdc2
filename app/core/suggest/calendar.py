"""Calendar knowledge for Arabic dates: month names of every system in use, weekdays, number words, and the
arithmetic that resolves a relative expression against the article date into a TIMEX3 / ISO-8601 value.

Month systems: Syriac (Levant, Iraq: كانون الثاني ... كانون الأول), Egyptian/Gulf transliterations (يناير ...
ديسمبر, with their spelling variants), Maghrebi (Algeria/Tunisia جانفي، فيفري، أفريل، جوان، جويلية، أوت; Morocco
يوليوز، غشت، شتنبر، نونبر، دجنبر) and Hijri (محرم ... ذو الحجة). Hijri dates are converted with ``hijridate``
(Umm al-Qura calendar).
"""

from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

from ..text.arabic import fold

_GREGORIAN_NAMES = {
    1: ["يناير", "ينار", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه"],
    2: ["فبراير", "فبرير", "فيبراير", "شباط", "فيفري"],
    3: ["مارس", "آذار", "اذار"],
    4: ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل"],
    5: ["مايو", "أيار", "ايار", "ماي"],
    6: ["يونيو", "يونيه", "يونية", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "يولية", "تموز", "جويلية", "جويليه", "جويلة", "يوليوز"],
    8: ["أغسطس", "اغسطس", "أغسطوس", "آب", "أوت", "اوت", "غشت"],
    9: ["سبتمبر", "سيبتمبر", "أيلول", "ايلول", "شتنبر"],
    10: ["أكتوبر", "اكتوبر", "أوكتوبر", "تشرين الأول", "تشرين اول", "تشرين الاول"],
    11: ["نوفمبر", "نوفيمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"],
    12: ["ديسمبر", "ديسيمبر", "كانون الأول", "كانون اول", "كانون الاول", "دجنبر"],
}
_HIJRI_NAMES = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع الاول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع الاخر", "ربيع ثاني"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى الاولى", "جمادي الأولى", "جمادى الاول"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الاخرة", "جمادي الآخرة", "جمادي الثانية"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده"],
    12: ["ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه"],
}
# Month words that are also common words or names (مارس "practised", آب "father", صفر "zero", رمضان a name):
# they are dates only with a day number, a year, شهر before them or a relative word after them.
WEAK_MONTHS = frozenset(fold(w) for w in ("مارس", "ماي", "آب", "أوت", "اوت", "صفر", "رجب", "رمضان", "شعبان",
                                           "محرم", "المحرم", "جوان", "نيسان", "تموز", "أيار", "ايار", "آذار",
                                           "اذار", "شوال", "غشت"))

GREGORIAN_MONTHS: dict[str, int] = {fold(n): m for m, names in _GREGORIAN_NAMES.items() for n in names}
HIJRI_MONTHS: dict[str, int] = {fold(n): m for m, names in _HIJRI_NAMES.items() for n in names}

WEEKDAYS = {fold(w): d for w, d in (("الاثنين", 0), ("الإثنين", 0), ("الثلاثاء", 1), ("الأربعاء", 2),
                                     ("الاربعاء", 2), ("الخميس", 3), ("الجمعة", 4), ("الجمعه", 4),
                                     ("السبت", 5), ("الأحد", 6), ("الاحد", 6))}

# Relative words after a unit or a name: past, current, next (masculine and feminine).
PAST = frozenset(fold(w) for w in ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "المنقضي",
                                   "المنقضية", "السابق", "السابقة"))
CURRENT = frozenset(fold(w) for w in ("الجاري", "الجارية", "الحالي", "الحالية", "هذا", "هذه"))
NEXT = frozenset(fold(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "التالي", "الآتي", "الاتي"))

# Number words for "قبل ثلاثة أيام" / "منذ عام واحد" and ordinal days "الثالث من يونيو".
# Currencies and measures: a number right before one is an amount, not a year (1107.6 مليون متر، 1900 ريال), and a
# price right before في اليوم is a rate per day.
CURRENCIES = "ريال|دولار|يورو|جنيه|درهم|دينار"
MEASURES = "متر|كيلو|طن|%|٪"
CARDINALS = {fold(w): n for w, n in (
    ("واحد", 1), ("واحدة", 1), ("اثنين", 2), ("اثنتين", 2), ("اثنان", 2), ("ثلاثة", 3), ("ثلاث", 3),
    ("أربعة", 4), ("أربع", 4), ("خمسة", 5), ("خمس", 5), ("ستة", 6), ("ست", 6), ("سبعة", 7), ("سبع", 7),
    ("ثمانية", 8), ("ثماني", 8), ("ثمان", 8), ("تسعة", 9), ("تسع", 9), ("عشرة", 10), ("عشر", 10),
    ("بضعة", 3), ("بضع", 3), ("عدة", 3))}
TENS = {fold(w): n for w, n in (("عشرين", 20), ("عشرون", 20), ("ثلاثين", 30), ("ثلاثون", 30), ("أربعين", 40),
                                 ("أربعون", 40), ("خمسين", 50), ("خمسون", 50), ("ستين", 60), ("ستون", 60),
                                 ("سبعين", 70), ("سبعون", 70), ("ثمانين", 80), ("ثمانون", 80), ("تسعين", 90),
                                 ("تسعون", 90))}
ORDINAL_DAYS = {fold(w): n for w, n in (
    ("الأول", 1), ("الاول", 1), ("أول", 1), ("اول", 1), ("الثاني", 2), ("الثالث", 3), ("الرابع", 4),
    ("الخامس", 5), ("السادس", 6),
    ("السابع", 7), ("الثامن", 8), ("التاسع", 9), ("العاشر", 10), ("الحادي عشر", 11), ("الثاني عشر", 12),
    ("الثالث عشر", 13), ("الرابع عشر", 14), ("الخامس عشر", 15), ("السادس عشر", 16), ("السابع عشر", 17),
    ("الثامن عشر", 18), ("التاسع عشر", 19), ("العشرين", 20), ("الحادي والعشرين", 21),
    ("الثاني والعشرين", 22), ("الثالث والعشرين", 23), ("الرابع والعشرين", 24), ("الخامس والعشرين", 25),
    ("السادس والعشرين", 26), ("السابع والعشرين", 27), ("الثامن والعشرين", 28), ("التاسع والعشرين", 29),
    ("الثلاثين", 30), ("الحادي والثلاثين", 31))}
# Centuries (القرن العشرين = the 1900s, TIMEX3 value "19") and decades (الخمسينيات = the 1950s, "195").
CENTURY_ORDINALS = {fold(w): n for w, n in (
    ("الخامس عشر", 15), ("السادس عشر", 16), ("السابع عشر", 17), ("الثامن عشر", 18), ("التاسع عشر", 19),
    ("العشرين", 20), ("الحادي والعشرين", 21), ("الواحد والعشرين", 21))}
DECADES = {fold(w): n for w, n in (("العشرينيات", 2), ("الثلاثينيات", 3), ("الأربعينيات", 4),
                                   ("الخمسينيات", 5), ("الستينيات", 6), ("السبعينيات", 7),
                                   ("الثمانينيات", 8), ("التسعينيات", 9), ("العشرينات", 2),
                                   ("الثلاثينات", 3), ("الأربعينات", 4), ("الخمسينات", 5), ("الستينات", 6),
                                   ("السبعينات", 7), ("الثمانينات", 8), ("التسعينات", 9))}
SEASONS = {fold(w): c for w, c in (("الصيف", "SU"), ("صيف", "SU"), ("الشتاء", "WI"), ("شتاء", "WI"),
                                   ("الربيع", "SP"), ("ربيع", "SP"), ("الخريف", "FA"), ("خريف", "FA"))}


def parse_anchor(value: str | None) -> dt.date | None:
    """The article date (``YYYY-MM-DD``, also accepting a longer ISO timestamp), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def month_year(month: int, rel: str | None, anchor: dt.date) -> int:
    """The year of a month named without a year: الماضي = the last one before this month, المقبل = the next one,
    otherwise the article's year (a bare month in news is read in the year of publication)."""
    if rel == "past":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def weekday_date(weekday: int, rel: str | None, anchor: dt.date, future: bool = False) -> dt.date:
    """The date of a weekday named relative to the article date: الماضي strictly before, المقبل strictly after,
    a bare weekday the nearest one at or before the article date (or after it, in a future context)."""
    diff = (anchor.weekday() - weekday) % 7
    if rel == "next" or (rel is None and future):
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "past":
        return anchor - dt.timedelta(days=diff or 7)
    return anchor - dt.timedelta(days=diff)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def hijri_year_of(day: dt.date) -> int | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


def hijri_month_value(year: int, month: int) -> str | None:
    """A Hijri month as the Gregorian month holding its middle day."""
    g = hijri_to_gregorian(year, month, 15)
    return f"{g.year:04d}-{g.month:02d}" if g else None


def hijri_year_value(year: int) -> str | None:
    """A Hijri year as the Gregorian year holding its middle (1435 AH -> 2014); outside the Umm al-Qura tables
    (573 AH) by the mean length of the lunar year (354.367 days from 16 July 622)."""
    g = hijri_to_gregorian(year, 6, 29)
    if g is not None:
        return f"{g.year:04d}"
    if not 1 <= year <= 1600:
        return None
    middle = dt.date(622, 7, 16) + dt.timedelta(days=round((year - 1 + 0.5) * 354.367))
    return f"{middle.year:04d}"


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False
