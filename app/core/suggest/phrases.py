"""Noun phrases: the extent of a speaker mention that starts at a given token (where it starts after a cue is
:mod:`.speakers`'; the one before a cue is :mod:`.preceding`'s).

Mention extent (Arabic news is mostly verb-subject-object): the noun phrase right after the cue verb, i.e. titles,
names and their genitive complements (``رئيس مجلس الوزراء العراقي محمد شياع السوداني``), a comma apposition
(``قائد شرطة لامو، كريسبوس موتالي``), a quoted name after a classifier (``كتائب “سيد الشهداء”``), a name in
parentheses (``وكالة الأنباء اليابانية (جيجي برس)``), a partitive (``شاهد من سكان الحي``) and the abbreviated
titles' period (``د. الجهني``). It ends at a complementizer, a colon or quotation, an adjunct (في مقابلة، في
اجتماعه، خلال، لـ، أمام ...), the addressee (``اللاعب لبرنامج ...``), a date, an adverb with tanween (مؤخراً), a
relative pronoun, or a second definite noun that is not an adjective (the verb's object; but ``المدينة المنورة``
is an agreeing participle). Subjects before the verb (``مصادر أشارت``, ``أن رئيس البنك ... أكد``, ``X الذي ...،
أكد``) and possessors of verbal nouns (``عن مدفيديف قوله``) are found backwards by :mod:`.preceding`. Which
mentions are the same speaker is :mod:`.coref`'s business; what a cue's sense does to the phrase after it (a
relayed report, an issuer, an announced event, an addressee) is :mod:`.subjects`'.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text.arabic import CLAUSE_PUNCT, fold
from .arabic import Analysis, has_al, is_nisba, masdar_shaped, participle_shaped, possessed_masdar, strip_al
from .context import Facts, Range
from .quotes import PREPOSITIONS, is_classifier, is_complementizer, is_name_like
from .words import (ADDRESSEES, ADJECTIVES, ADJUNCT_WORDS, ADVERBS, AUXILIARIES, CLAUSE_OPENERS, ENVOYS, EVENT_NOUNS,
                    FIRST_PERSON, FUNCTION_WORDS, HAPPENINGS, MEDIA, NAME_PARTS, OBJECT_HEADS, ORG_NOUNS,
                    PRONOUN_CARRIERS, PRONOUN_PREPS, QUANTIFIERS, RELATIVE, SAME_WORDS, STATEMENTS, TITLES, is_title)

_MAX_NP = 18  # Gulf news stacks long titles: مدير الفريق الأول لكرة القدم بالنادي الأهلي رئيس بعثة ...


def abbreviation_dot(an: Analysis, j: int) -> bool:
    """The period at token ``j`` closes a one-letter abbreviation (د. / م. / أ.) glued to it, inside a sentence."""
    toks = an.tokens
    return (j > 0 and j + 1 < len(toks) and toks[j].norm == "." and toks[j - 1].kind == "w"
            and len(toks[j - 1].norm) == 1 and toks[j - 1].end == toks[j].start and an.same_sentence(j - 1, j + 1))


def tanween(an: Analysis, j: int) -> bool:
    """An indefinite accusative (مؤخراً، رسمياً، بياناً): tanween fath in the original spelling."""
    if not an.tokens[j].norm.endswith("ا"):
        return False
    s, e = an.token_span(j, j)
    return "\u064b" in an.text[s:e][-3:]


def _verbal_noun(w: str) -> bool:
    """After the cue's own glued preposition: a derived verbal noun, possessed or not (بتسليمها، بمحاولة), or an
    abstract head (لضرورة، بأهمية) — what is asked for, not a part of the name."""
    return w in OBJECT_HEADS or masdar_shaped(w) or possessed_masdar(w)


@dataclass
class _Phrase:
    """A noun phrase being read left to right: its first and (so far) last token, whether it names an envoy
    (مبعوث ... إلى سوريا), and how many words without ال followed the last title or definite word."""

    first: int
    end: int | None = None
    envoy: bool = False
    name_run: int = 0

    def take(self, j: int, w: str) -> None:
        if w in ENVOYS or strip_al(w) in ENVOYS:
            self.envoy = True
        named = not (is_title(w) or has_al(w) or w in ORG_NOUNS or is_classifier(w) or w in STATEMENTS)
        self.name_run = self.name_run + 1 if named else 0  # (an organisation's or a statement's noun is no name)
        self.end = j


def noun_phrase(f: Facts, first: int, content_prep: tuple[str, ...] = (), source: bool = False) -> Range | None:
    """Titles, names and their complements from token ``first`` (see the module doc for where it ends); a verbal
    noun with the cue's own preposition glued to it starts the content (طالب عدد من المواطنين بمحاولة ...)."""
    an, toks, n = f.an, f.an.tokens, len(f.an.tokens)
    np = _Phrase(first)
    j = first
    while j < n and j - first < _MAX_NP and an.same_sentence(first, j):
        tok, w = toks[j], toks[j].norm
        if tok.kind == "p":
            step = _through_punctuation(f, np, j)
            if step is None:
                break
            j = step
            continue
        if j in f.cue_tokens or j in f.date_at or is_complementizer(an, j) or w in ("ان", "إن"):
            break
        if tok.kind == "n":
            if np.end is None:
                return _quantity(f, j)  # وقال 60 في المئة من المشاركين: a share of people said it
            break
        name_ali = an.is_name_ali(j)
        if np.end is None:
            if (w in FUNCTION_WORDS or w in ADJUNCT_WORDS or w in CLAUSE_OPENERS or w in PRONOUN_PREPS
                    or w in FIRST_PERSON or pronoun_carrier(w)) and not name_ali and not _imam(an, j):
                return None
        elif w == "من" and (strip_al(toks[np.end].norm) in QUANTIFIERS or _partitive(an, first, np.end, j)
                            or strip_al(toks[np.end].norm) in _CLOSE_TO):
            np.end = j  # عدد من المواطنين، شاهد من سكان الحي: the partitive belongs to the subject
            j += 1
            continue
        elif w in ("علي", "عن") and _overseer(f, np, w) and j + 1 < n and toks[j + 1].kind == "w" \
                and not is_complementizer(an, j + 1):
            np.end = j  # المشرف العام على العلاقات العامة ... علي الغامدي / المسؤول عن الإعلام: the title's complement
            j += 1
            continue
        elif not name_ali and (_object_or_adjunct(f, np, j) or (
                w[:1] in content_prep and _verbal_noun(strip_al(w[1:])))):
            break
        elif w in ("في", "الى") or w == fold("إلى"):
            if not _place_or_mission(f, np, j):
                break
            j += 1  # مسؤول في الإدارة / المبعوث إلى سوريا: the phrase goes on after the preposition
            continue
        elif _addressee_or_object(f, np, j, source):
            break
        np.take(j, w)
        j += 1
    if np.end is None:
        return None
    end = np.end
    while end > first and toks[end].kind == "p" and toks[end].norm not in "»”\")":
        end -= 1
    return first, end


# مصادر قريبة من بلاتيني، أوساط مقربة من الحكومة: whom the source is close to is part of the source
_CLOSE_TO = frozenset(fold(w) for w in ("قريب", "قريبة", "قريبون", "قريبين", "مقرب", "مقربة", "مقربون", "مقربين"))


_PERCENT = frozenset(("%", "٪"))


_HUNDRED = frozenset(fold(w) for w in ("المئة", "المائة", "بالمئة", "بالمائة"))


def _quantity(f: Facts, j: int) -> Range | None:
    """A share of people as the subject (60% من المستطلعين، 45 في المئة من السعوديين): the number, its percent,
    من and the people; None for any other number."""
    an, toks, n = f.an, f.an.tokens, len(f.an.tokens)
    k = j + 1
    if k < n and toks[k].norm in _PERCENT:
        k += 1
    elif k + 1 < n and toks[k].norm == "في" and toks[k + 1].norm in _HUNDRED:
        k += 2
    elif k < n and toks[k].norm in _HUNDRED:
        k += 1
    else:
        return None
    if k + 1 >= n or toks[k].norm != "من" or not an.same_sentence(j, k + 1):
        return None
    rest = noun_phrase(f, k + 1) if toks[k + 1].kind == "w" else None
    return (j, rest[1]) if rest is not None else None


def _through_punctuation(f: Facts, np: _Phrase, j: int) -> int | None:
    """Where the phrase goes on after the punctuation at ``j`` (the period of د.، an apposition after a comma, a
    quoted name after its classifier, a name in parentheses), or None when the punctuation ends it."""
    an, toks, n = f.an, f.an.tokens, len(f.an.tokens)
    w, end = toks[j].norm, np.end
    if w == "." and end == j - 1 and abbreviation_dot(an, j):
        return j + 1  # د. الجهني: the period of an abbreviated title belongs to the mention
    if w in CLAUSE_PUNCT and end is not None:
        k = _apposition_end(f, j)
        if k is None:
            return None
        np.end = k
        return k + 1
    st = f.by_open.get(j)
    if st is not None and end is not None and (is_classifier(toks[end].norm) or is_title(toks[end].norm)) \
            and is_name_like(an, st):  # شركة “...”, and a title before a quoted name: السيد «فركاش»
        np.end = st.close
        k = st.close + 1
        # after a quoted name only a place (كتائب “...” في العراق) or an apposition continues the phrase
        return None if k < n and toks[k].kind == "w" and toks[k].norm not in ("في", "الي") else k
    if w == "(" and end is not None:
        close = _parenthetical_name(an, j)
        if close is not None:
            np.end = close  # وكالة الأنباء اليابانية (جيجي برس): the name in parentheses belongs to it
            return close + 1
    return None


def pronoun_carrier(w: str) -> bool:
    """وكأنه، لكنه، فإنها: a particle with its pronoun (what follows is a clause, not a subject) — the particle and
    the pronoun exactly (not انقاذ، انتخابات, which merely start with the letters of إن)."""
    if w in PRONOUN_CARRIERS:
        return True  # لان، لكن alone (but not فلان: ف + لان)
    bare = w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w
    return any(bare[:len(c)] == c and bare[len(c):] in _CARRIED for c in PRONOUN_CARRIERS)


_CARRIED = frozenset(("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ي", "ك", "كم", "نه", "نها", "نهم"))


def _place_or_mission(f: Facts, np: _Phrase, j: int) -> bool:
    """في / إلى at ``j`` inside the phrase (مسؤول في الإدارة المحلية، المبعوث الأممي إلى سوريا), not an adjunct
    (في بيان، في 3 آب) nor, after a phrase that names no envoy, the addressee (قال إلى ...)."""
    toks = f.an.tokens
    if j + 1 >= len(toks) or toks[j + 1].kind != "w":
        return False
    if toks[j].norm == "في":
        return not (is_event_noun(toks[j + 1].norm) or (j + 1) in f.date_at or toks[j + 1].norm in _HOW_OFTEN
                    or strip_al(toks[j + 1].norm) in HAPPENINGS)  # (الملك سلمان | في وفاة: when, not where)
    return np.envoy


# في أكثر من مناسبة، في عدة مناسبات، في كل مرة: how often, not where the speaker is
_HOW_OFTEN = frozenset(fold(w) for w in ("أكثر", "أغلب", "عدة", "كل", "بعض", "أحيان", "الأحيان", "غير", "مرات",
                                         "مناسبة", "مناسبات", "أي", "هذا", "هذه", "ذلك", "تلك", "الوقت", "وقت"))


_OVERSEERS = {"علي": frozenset(fold(w) for w in ("مشرف", "مشرفة", "قائم", "قائمة")),
              "عن": frozenset(fold(w) for w in ("مسؤول", "مسؤولة", "مسئول", "مسئولة"))}


def _overseer(f: Facts, np: _Phrase, prep: str) -> bool:
    """Does the phrase so far hold a title whose complement starts with على / عن (المشرف العام على، المسؤول عن)?"""
    return any(strip_al(t.norm) in _OVERSEERS[prep] for t in f.an.tokens[np.first:np.end + 1])


def _object_or_adjunct(f: Facts, np: _Phrase, j: int) -> bool:
    """Does the word at ``j`` end the phrase as an adjunct, an auxiliary or the start of the verb's object?"""
    an, toks, n = f.an, f.an.tokens, len(f.an.tokens)
    w, prev = toks[j].norm, toks[np.end].norm
    if (w in ADJUNCT_WORDS and not _imam(an, j)) or w in AUXILIARIES or tanween(an, j) or w in FIRST_PERSON \
            or w in ADVERBS \
            or _participle_then_complement(an, np, j):  # وأضاف فضيلته منبها على: how he spoke
        return True  # (وطلب كريم مني أن: مني is whom he asked, no part of a name)
    if (np.name_run >= 2 and not has_al(w) and j + 1 < n and toks[j + 1].kind == "w"
            and has_al(toks[j + 1].norm) and not w.startswith(NAME_PARTS)
            and not toks[j - 1].norm.startswith(NAME_PARTS)):
        return True  # المخرج حسني صالح وفاةَ الفنان: a new construct phrase after the name is the object
    if np.name_run >= 2 and w in HAPPENINGS and not toks[j - 1].norm.startswith(NAME_PARTS):
        return True  # وأعلن الوزير مولود جاوش أوغلو بدءَ وصول …: what happened, after a whole name
    if w in OBJECT_HEADS:
        return True  # أكد الدكتور ناصر الدوسري أهميةَ ...: an abstract noun after the name is the object
    if not has_al(w) and possessed_masdar(w):
        return True  # وأكد حارس المرمى وليد عبدالله تعافيه: a possessed verbal noun after the name is the object
    if (not has_al(w) and w.endswith("ية") and len(w) >= 5 and not w.startswith(("ل", "ب", "و", "ف", "ك"))
            and has_al(prev) and prev not in TITLES and j + 1 < n and has_al(toks[j + 1].norm)):
        return True  # أكد مديرو التعليم جاهزيةَ المدارس: an abstract noun in construct after a definite one
    if (not has_al(w) and masdar_shaped(w) and has_al(prev) and prev not in TITLES and j + 1 < n
            and toks[j + 1].kind == "w" and an.same_sentence(j, j + 1)
            and (np.first == np.end or _name_read(f, np) or _all_definite(f, np))):
        return True  # وتوقع الجريفاني إقبالَ أفضل / وأوضحت الوزارة احتواءَ: a verbal noun after a whole name or a
        # definite noun alone is the object (an indefinite noun cannot go on a definite one's phrase)
    if (not has_al(w) and masdar_shaped(w) and has_al(prev) and prev not in TITLES and j + 1 < n
            and toks[j + 1].kind == "w" and possessed(toks[j + 1].norm) and an.same_sentence(j, j + 1)):
        return True  # أكد خادم الحرمين الشريفين تنديدَ بلاده: a verbal noun whose complement is possessed (a
        # given name such as تيسير is followed by the rest of the name, not by بلاده)
    return False


def _all_definite(f: Facts, np: _Phrase) -> bool:
    """الحكومة الصينية: a definite noun and its definite adjectives, no title among them; an indefinite word cannot
    continue such a phrase in construct."""
    toks = f.an.tokens[np.first:np.end + 1]
    return all(has_al(t.norm) and t.norm not in TITLES for t in toks)


def possessed(w: str) -> bool:
    """بلاده، حكومتها، رغبتهم: a noun with a possessive pronoun (not a name ending in ه such as طه)."""
    return not has_al(w) and len(w) > 4 and w.endswith(("ه", "ها", "هم"))


_MOSQUE = frozenset(fold(w) for w in ("وخطيب", "المسجد", "مسجد", "الحرم", "الحرمين", "جامع", "الجامع"))


def _participle_then_complement(an: Analysis, np: _Phrase, j: int) -> bool:
    """An accusative participle written without tanween and followed by its preposition or complementizer
    (فضيلته منبها على، مضيفا أن): the circumstance of the speaking, not a word of the name (but وعلى متنها أربعة)."""
    toks = an.tokens
    w = toks[j].norm
    if not (participle_shaped(w) and np.end is not None and j > np.first and j + 1 < len(toks)):
        return False
    nxt = toks[j + 1].norm
    return nxt in PREPOSITIONS or is_complementizer(an, j + 1) or nxt in (fold("على"), fold("إلى"), "من")


def _imam(an: Analysis, j: int) -> bool:
    """إمام (the imam), which folds into أمام ("in front of"): spelled with hamza below, or before وخطيب / المسجد."""
    original = an.raw(j).lstrip("وف")
    return an.tokens[j].norm.endswith("امام") and (original.startswith("إمام") or (
        j + 1 < len(an.tokens) and an.tokens[j + 1].norm in _MOSQUE))


def _name_read(f: Facts, np: _Phrase) -> bool:
    """Has the phrase so far a given name in it (a word without ال that is no title, class or preposition)? Then
    a definite word after it was the surname (العضو طامس الحمادي), and the name is whole."""
    for t in f.an.tokens[np.first:np.end + 1]:
        w = t.norm
        if t.kind == "w" and not has_al(w) and not is_title(w) and not is_classifier(w) and w not in ORG_NOUNS \
                and not w.startswith(("ل", "ب")) and w not in FUNCTION_WORDS:
            return True
    return False


def _addressee_or_object(f: Facts, np: _Phrase, j: int, source: bool = False) -> bool:
    """Does the word at ``j`` end the phrase as the addressee (لوكالة، للصحفيين), an occasion (ببيان) or a second
    definite noun (the verb's object)?"""
    toks = f.an.tokens
    w, prev = toks[j].norm, toks[np.end].norm
    if addressee(w) and not (prev in TITLES or (has_al(prev) and (is_nisba(prev) or prev in ADJECTIVES))):
        return True  # لوكالة، لشبكة، للصحفيين: to whom it was said (but المتحدث الرسمي لجامعة نجران: whose)
    if has_al(prev) and w.startswith("ل") and w[1:] in MEDIA and not source:
        return True  # وقال اللاعب لبرنامج ...: a definite head takes no ل-complement: ل + a medium is the addressee
    if w.startswith("ب") and not w.startswith("باسم") and is_event_noun(w[1:]):
        return True
    if w in MEDIA and np.name_run >= 2:
        return True  # وأفاد محمد ابن القاضي حسن فريد وكالة فرانس برس: a name takes no agency after it; whom he told
    coordinated = w.startswith("وال") and np.name_run == 0  # عميد القبول والتسجيل
    if w.startswith("فال") and is_title(prev):
        return False  # العضو فالح بن راجس: a name after a title (ف + ال would open a new clause, not an object)
    # a second definite noun: the verb's object (طالبت السلطات ... الإدارة الأمريكية)
    return (has_al(w) and has_al(prev) and not is_nisba(w) and w not in ADJECTIVES and w not in SAME_WORDS
            and not w.startswith("لل") and not _elative(w) and w not in TITLES and prev not in TITLES
            and not coordinated and not _participle_agreeing(prev, w) and not _same_number(prev, w))


def _same_number(prev: str, w: str) -> bool:
    """خادم الحرمين الشريفين، المسؤولون الأمريكيون: a definite word with the dual or plural ending of the word
    before it is its adjective, not a second noun."""
    return any(prev.endswith(e) and w.endswith(e) and len(w) > 5 for e in ("ين", "ان", "ون"))


def addressee(w: str) -> bool:
    """لوكالة، لصحيفة، للصحفيين، لوالده: the ل of the addressee or the outlet, not a name that starts with ل."""
    if not w.startswith("ل") or len(w) < 4:
        return False
    rest = w[1:]
    if len(rest) >= 4 and rest.endswith(("ه", "ها", "هم", "هما")) and not rest.startswith("ل"):
        return True  # وقال لوالده: "to his father" — a possessed noun after ل is whom he told, never a name
    return is_classifier(rest) or rest in ADDRESSEES or strip_al(rest) in ADDRESSEES or \
        ("ال" + rest[1:] in ADDRESSEES if rest.startswith("ل") else False)


def is_event_noun(w: str) -> bool:
    """بيان، مقابلة، اجتماعه، تصريحاتها ...: the occasion of speaking (a possessive pronoun may be attached)."""
    w = strip_al(w)
    if w in EVENT_NOUNS:
        return True
    for pron in ("هما", "هم", "ها", "ه"):
        if w.endswith(pron) and len(w) - len(pron) >= 3:
            stem = w[:-len(pron)]
            return stem in EVENT_NOUNS or (stem.endswith("ت") and stem[:-1] + "ة" in EVENT_NOUNS)
    return False


def _participle_agreeing(prev: str, w: str) -> bool:
    """المدينة المنورة، مكة المكرمة، المملكة المتحدة: a definite participle (الم + 4 letters or more) in the
    feminine after a feminine definite noun is its adjective, not the verb's object."""
    return (w.startswith("الم") and len(w) >= 7 and w.endswith("ة") and not w.endswith("ية")
            and prev.endswith(("ة", "ات", "ان")))  # (واللجان المنظمة: a plural of things agrees in the feminine)


def _parenthetical_name(an: Analysis, j: int) -> int | None:
    """``(`` at ``j`` closed within four words by ``)`` around words only (no number: an age is not a name)."""
    toks = an.tokens
    k = j + 1
    while k < len(toks) and k - j <= 5 and toks[k].kind == "w" and an.same_sentence(j, k):
        k += 1
    return k if k < len(toks) and k > j + 1 and toks[k].norm == ")" else None


def _partitive(an: Analysis, first: int, end: int, j: int) -> bool:
    """شاهد من سكان الحي، مسؤول من الوزارة: an indefinite one-word head and من + a noun (not من جهته)."""
    toks = an.tokens
    if end != first or has_al(toks[first].norm) or j + 1 >= len(toks) or toks[j + 1].kind != "w":
        return False
    nxt = toks[j + 1].norm
    return nxt not in ADJUNCT_WORDS and not nxt.startswith(("جهت", "جانب", "ناحي", "قبل")) and not is_event_noun(nxt)


def _elative(w: str) -> bool:
    """Elative / colour adjective shape ال + أفعل (الأعلى، الأكبر، الأحمر)."""
    s = strip_al(w)
    return len(s) == 4 and s[0] == "ا"


def _apposition_end(f: Facts, comma: int) -> int | None:
    """After ``NAME،`` a title or name apposition that runs to the next comma, colon, complementizer or cue
    (``قائد شرطة لامو، كريسبوس موتالي،``): the index of its last token, or None when none follows."""
    an, date_starts, cue_tokens = f.an, f.date_at, f.cue_tokens
    toks = an.tokens
    j = comma + 1
    if j >= len(toks) or toks[j].kind != "w" or not an.same_sentence(comma, j):
        return None
    w = toks[j].norm
    if (w in ADJUNCT_WORDS or w in FUNCTION_WORDS or w in RELATIVE or j in cue_tokens or j in date_starts
            or is_complementizer(an, j) or addressee(w) or tanween(an, j)):
        return None  # (…، معجباً بالثقافة: an indefinite accusative describes the clause, it names nobody; …،
        # والذي طلب: a relative clause describes the mention, it is not part of it)
    k = j
    while k < len(toks) and k - j < 10 and an.same_sentence(j, k):
        t = toks[k]
        if k in cue_tokens:
            return k - 1
        if is_complementizer(an, k) or t.norm in ("ان", "إن"):
            return None  # "X، ... أن": no closing comma, so this is not an apposition
        if t.kind == "p":
            return k - 1 if (t.norm in CLAUSE_PUNCT or t.norm == ":") else None
        if t.norm in PREPOSITIONS and t.norm not in ("في", "ل", "الي"):
            return None  # an apposition is a title or a name, not a clause with حول / عن / على
        if t.norm in ("الذي", "التي", "الذين") or k in date_starts:
            return None
        k += 1
    return None
