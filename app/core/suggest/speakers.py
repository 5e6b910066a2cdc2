"""Speakers after a cue: where the subject starts after the cue (past a date, an adverb, an addressee placed first,
"this" as the object, a name that begins with the cue's own preposition) and its mention, read by
:mod:`.phrases`; and the grammatical gender of a mention. What a cue's sense does to that phrase is
:mod:`.subjects`'; a subject before the cue is :mod:`.preceding`'s.
"""

from __future__ import annotations

from ..text.arabic import fold
from .arabic import Analysis, has_al, is_nisba, masdar_shaped, participle_shaped, possessed_masdar, strip_al
from .context import Facts, Range, memo
from .eulogies import eulogy_after
from .cues import glued_to
from .quotes import is_complementizer, is_name_like
from .words import ADDRESSEE_PRONOUNS, ADVERBS, IN_IT, OBJECT_HEADS, THIS_BACK, TITLES, is_title
from .phrases import addressee, noun_phrase, tanween


def speaker_after(f: Facts, last: int, glued_prep: tuple[str, ...] = (), content_prep: tuple[str, ...] = (),
                  source: bool = False) -> Range | None:
    """The subject noun phrase after the verb (or cue) ending at token ``last`` (first, last token), or None.
    ``glued_prep``: one-letter prepositions the verb governs (يتهمها بإساءة: no subject starts with them);
    ``content_prep``: those that open its content (طالب عدد من المواطنين بمحاولة: a verbal noun after them ends
    the subject); ``source``: after بحسب / وفقاً لـ nobody is addressed (الموقع الرسمي لقناة السويس is one name)."""
    cache = memo(f, "speaker_after")
    key = (last, glued_prep, content_prep, source)
    if key not in cache:
        cache[key] = _speaker_after(f, last, glued_prep, content_prep, source)
    return cache[key]


def _speaker_after(f: Facts, last: int, glued_prep: tuple[str, ...], content_prep: tuple[str, ...],
                   source: bool) -> Range | None:
    first = _subject_start(f, last, glued_prep)
    if first is None:
        return None
    if f.an.tokens[first].kind == "p":
        # A quoted name as the subject (وصفته "جازبروم" في بيان): the mention is the name inside the marks.
        st = f.by_open.get(first)
        return st.inner if st is not None and is_name_like(f.an, st) else None
    return noun_phrase(f, first, content_prep, source)


def _subject_start(f: Facts, last: int, glued_prep: tuple[str, ...]) -> int | None:
    """The first token of the subject after token ``last``: past a date or a tanween adverb (أعلنت أمس الشرطة)
    and an addressee placed first (أكد لـ"الاقتصادية" القانوني فهد / قال لوكالة الأنباء الوزير); None when
    what follows cannot start a subject (the verb's object or its governed preposition)."""
    an, toks, n = f.an, f.an.tokens, len(f.an.tokens)
    j = eulogy_after(an, last + 1) if last + 1 < n else last + 1  # قال عليه السلام: no subject of its own
    while j < n and an.same_sentence(last, j) and (j in f.date_at or (toks[j].kind == "w" and (
            tanween(an, j) or toks[j].norm in ADVERBS or _how_spoken(an, j) or _accusative_masdar(toks[j].norm)
            or toks[j].norm in ADDRESSEE_PRONOUNS or toks[j].norm in IN_IT))):
        j = f.date_at.get(j, j) + 1  # أعلنت أمس الشرطة / قال له المصور / فرد عليه الملك / تدعو خصوصا إلى
    if j == last + 1 and j + 1 < n and toks[j].norm in THIS_BACK and toks[j + 1].kind == "w" and \
            (not has_al(toks[j + 1].norm) or is_title(toks[j + 1].norm)) and an.same_sentence(j, j + 1):
        j += 1  # أوضح ذلك عضو مجلس الإدارة / أكد ذلك لـ«عكاظ» فلان: "this" is the object, the subject follows
    if j + 1 < n and (toks[j].norm, toks[j + 1].norm) in _WHEN:
        j += 2  # ثم قال آخر الأمر: / قال ذات مرة: when, not who
    j = eulogy_after(an, j) if j < n else j
    addressed = j
    if j < n and toks[j].kind == "w" and toks[j].norm in ("ل", "لـ") and (j + 1) in f.by_open:
        j = f.by_open[j + 1].close + 1
    elif j < n and toks[j].kind == "w" and addressee(toks[j].norm):
        j += 1
        while j < n and toks[j].kind == "w" and has_al(toks[j].norm) and is_nisba(toks[j].norm):
            j += 1
    if j > addressed and j + 1 < n and toks[j].norm in ("،", ",") and toks[j + 1].kind == "w":
        j += 1  # ويقول لـ "الاقتصادية"، ماركوس كروج ...: the addressee between commas, then the subject
    if j >= n or not an.same_sentence(last, j):
        return None
    if toks[j].kind == "w" and toks[j].norm in OBJECT_HEADS:
        return None  # وأكد حرصَ الجامعة على ...: the verb's object, its subject is not repeated
    if j > last + 1 and toks[j - 1].norm in ADDRESSEE_PRONOUNS and toks[j].kind == "w" \
            and possessed_masdar(toks[j].norm):
        return None  # واكدت لهما استعدادَها: whom she told, then her own stance — the object, no subject
    if toks[j].kind == "w" and toks[j].norm.startswith("لل") and len(toks[j].norm) > 4:
        return None  # تكشف للمرة الأولى: "for the" opens an adjunct (an addressee, للصحفيين, was passed above)
    if toks[j].kind == "w" and glued_to(toks[j].norm, glued_prep) and not (j == last + 1 and name_before_told(f, j)):
        return None  # يتهمها بإساءة ...: the cue's own preposition starts the content, not a subject
    return j


def name_before_told(f: Facts, j: int) -> bool:
    """The word at ``j`` begins with a one-letter preposition but is a name (بوتين، بلاتر): one or two definite words
    follow it and then the same letter opens a complementizer (وأبلغ بوتين الحضور بأن) — a verb governs its
    preposition once, so the first is no preposition."""
    toks = f.an.tokens
    w = toks[j].norm
    if w[1:3] == "ال" or is_complementizer(f.an, j):
        return False
    for k in range(j + 1, min(len(toks), j + 4)):
        t = toks[k]
        if t.kind != "w" or not f.an.same_sentence(j, k):
            return False
        if k > j + 1 and t.norm[:1] == w[:1] and is_complementizer(f.an, k):
            return True
        if not has_al(t.norm):
            return False
    return False


def _accusative_masdar(w: str) -> bool:
    """تزامناً، تأكيداً، استمراراً written without the tanween mark: a verbal noun in the accusative, an
    adverbial (اكدت تزامنا مع الغارات), never the subject (the إفعال shape is left out: أوباما)."""
    stem = w[:-1]
    return len(w) > 5 and w.endswith("ا") and stem.startswith(("ت", "است")) and masdar_shaped(stem)


_WHEN = frozenset((fold(a), fold(b)) for a, b in (("آخر", "الأمر"), ("ذات", "مرة"), ("ذات", "يوم"), ("ذات", "مساء"),
                                                      ("ذات", "صباح")))


def _how_spoken(an: Analysis, j: int) -> bool:
    """A circumstantial participle after the verb (ويوضح مبتسما، أضاف متسائلاً): how the speaker spoke, never the
    speaker (not a country in -يا: ماليزيا)."""
    w = an.tokens[j].norm
    return (an.tokens[j].kind == "w" and participle_shaped(w) and not w.endswith("يا") and not has_al(w)
            and w not in TITLES)


def gender_of(words: list[str]) -> str | None:
    """Grammatical gender of a mention's head (for agreeing with a pronoun-less feminine cue): f, m or None."""
    if not words:
        return None
    head = strip_al(words[0][1:] if words[0].startswith("و") and len(words[0]) > 4 else words[0])
    if head.endswith(("ة", "ات")) or head in ("قوي", "قوى"):
        return "f"
    if head in TITLES or fold("ال" + head) in TITLES:
        return "m"
    if len(words) > 1 and is_nisba(words[1]):  # the adjective agrees: الاتحاد الأوروبي, الوزارة الروسية
        return "f" if words[1].endswith(("ة", "ه")) else "m"
    return None
