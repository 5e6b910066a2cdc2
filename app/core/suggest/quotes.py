"""Quotes: quotation-marked stretches, names in quotation marks, and the content clause a cue introduces.

A stretch between paired quotation marks (« » “ ” „ " and their reversed or doubled variants) is only a
quote when it is reported speech: after a cue with a colon or a complementizer, or a speech-like stretch right
after the cue's subject and adjuncts. Quotation marks around the names of programmes, channels, platforms or
organisations are told apart by linguistic signs (:func:`is_name_like`): a classifier noun before them (برنامج،
قناة، منصة، كتائب ...), Latin script, shortness without any clause word (negation, pronoun, demonstrative,
preposition with a pronoun), no sentence punctuation inside.

Indirect content starts at the complementizer (أن، إن، بأن، أنه ...) or, for verbs that govern a preposition
(أشار إلى، دعا إلى، شدد على، طالب بـ), at that preposition, and runs to the end of the reported clause: the
sentence end, or the start of a new attribution (a participle cue مؤكداً، a conjoined cue وأضاف، a cue with its
own subject, an attribution-of-wording phrase حسب تعبيره).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..text.arabic import CLAUSE_PUNCT, PAIRS, SENTENCE_END, fold
from .arabic import Analysis, Token, has_al, is_nisba, strip_al

# Braces mark scripture cited in the text (قال تعالى: {…}); they pair like quotation marks.
_PAIRS = {**PAIRS, "{": "}"}
_CLOSERS = set(_PAIRS.values())
_NO_START = frozenset(".،,:؛;!؟?")

COMPLEMENTIZERS = frozenset(fold(p + c + s) for p in ("", "ب", "و", "ف", "وب", "فب") for c in ("أن", "إن", "ان")
                            for s in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم", "نه"))
_CLASSIFIERS = frozenset(fold(w) for w in (
    "برنامج", "برامج", "قناة", "قنوات", "منصة", "صحيفة", "جريدة", "مجلة", "وكالة", "شبكة", "موقع", "حساب", "صفحة",
    "كتائب", "كتيبة", "حركة", "تنظيم", "جماعة", "حزب", "ائتلاف", "تحالف", "مركز", "شركة", "مؤسسة", "مجموعة",
    "جمعية", "منظمة", "هيئة", "مبادرة", "حملة", "عملية", "مشروع", "مسلسل", "فيلم", "كتاب", "رواية", "أغنية",
    "قصيدة", "نادي", "فريق", "مهرجان", "مسابقة", "جائزة", "معرض", "مؤتمر", "منتدى", "ملتقى", "شعار", "وسم",
    "هاشتاغ", "هاشتاق", "تطبيق", "بعنوان", "عنوان", "المعنون", "المعنونة", "تسمى", "يسمى", "تدعى", "يدعى",
    "باسم", "اسم", "لقب", "حاجز", "معبر", "مخيم", "سجن", "قاعدة", "مطار", "فندق", "مستشفى", "جامعة", "مدرسة",
    "سفينة", "صاروخ", "طائرة", "مصطلح", "كلمة", "عبارة", "لواء", "فيلق", "سرايا", "ألوية", "جبهة", "مجلس",
    "دار", "مجمع", "منتجع", "سلسلة", "مدينة", "بلدة", "قرية", "حي", "شارع", "ميدان", "ساحة", "مسجد", "كنيسة"))
_CLAUSE_WORDS = frozenset(fold(w) for w in (
    "لا", "لم", "لن", "ليس", "ليست", "غير", "ما", "هو", "هي", "هم", "نحن", "أنا", "انا", "أنت", "هذا", "هذه",
    "ذلك", "تلك", "هؤلاء", "هنا", "هناك", "له", "لها", "لهم", "لنا", "لي", "عليه", "عليها", "عليهم", "فيه",
    "فيها", "منه", "منها", "به", "بها", "إن", "أن", "قد", "لقد", "كان", "كانت", "يجب", "يمكن", "سوف", "إذا",
    "لو", "كل", "أي", "الذي", "التي", "الذين", "إلا", "لكن", "ولكن", "إنه", "إنها", "إنهم", "إننا", "إنني", "أنه",
    "أنها", "أنهم", "أننا", "لأن", "لأنه", "لأنها"))
# Prepositions that head adjuncts or the content; a stretch right after one of them alone is a name (لـ«الجزيرة»).
DASHES = frozenset("-–—")  # an aside between dashes (- حسب ما أوردته الصحيفة -), a dateline's dash
PREPOSITIONS = frozenset(fold(w) for w in ("في", "من", "إلى", "الى", "على", "عن", "مع", "ل", "لـ", "ب", "بـ",
                                           "حول", "عبر", "لدى", "أمام", "خلال"))
# Words before أن that make it part of another construction (بعد أن، يجب أن، إلا أن ...), not a complementizer.
_NOT_COMPLEMENTIZER_AFTER = frozenset(fold(w) for w in (
    "بعد", "قبل", "يجب", "يمكن", "ينبغي", "دون", "رغم", "برغم", "بالرغم", "منذ", "حتى", "المقرر", "المفترض",
    "مجرد", "لمجرد", "سبق", "يريد", "تريد", "أراد", "أرادت", "يود", "تود", "إلا", "بيد", "غير", "كما", "ذلك",
    "حيث", "بما", "إذ", "اذ", "لو", "علما", "لأن", "طالما", "مادام", "ريثما", "بدلا", "عوضا", "شأن", "شأنه",
    "يبدو", "يتوقع", "يعني", "ويعني", "أمل", "يأمل", "نأمل", "أردنا", "استطاع", "يستطيع", "وسبق", "وما", "ما"))
_THAT = fold("ذلك")
_FAN = fold("فان")
_BEFORE_THAT = frozenset(fold(w) for w in ("عقب", "بعد", "قبل", "إثر", "اثر", "مع", "رغم", "برغم", "لذلك"))
_DISCOURSE_BEFORE_AN = frozenset(fold(w) for w in ("إلا", "بيد", "غير", "كما", "ذلك", "حيث", "بما", "إذ", "اذ",
                                                   "علما", "لأن"))


@dataclass(frozen=True)
class Stretch:
    """A quotation-marked stretch: ``open``/``close`` are the token indices of the two marks."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int] | None:
        """First and last token inside the marks, or None for an empty pair."""
        return (self.open + 1, self.close - 1) if self.close - self.open > 1 else None


def pair_marks(an: Analysis) -> list[Stretch]:
    """Pair the quotation marks of each sentence line. Straight quotes pair by their shape first
    (:func:`_pair_straight`: "…"كلمة"…" nests); the other marks pair one open at a time, and a closing mark with
    nothing open acts as an opening one (texts that use ” ” or » » on both sides). Unpaired marks are ignored.
    Slips of typing do not turn the rest of the line inside out: a quotation nested in one of the same marks
    («… «…» …»), a straight quote closed by another mark ("…»), a closing mark left over before the next
    quotation (…». وتابع: «…)."""
    out: list[Stretch] = []
    marks: list[Token] = []
    for tok in an.tokens:
        if tok.kind == "p" and (tok.norm == '"' or tok.norm in _PAIRS or tok.norm in _CLOSERS):
            if marks and an.line[marks[-1].i] != an.line[tok.i]:
                out.extend(_pair_line(an, marks))
                marks = []
            marks.append(tok)
    out.extend(_pair_line(an, marks))
    return out


def _pair_line(an: Analysis, marks: list[Token]) -> list[Stretch]:
    straight, used = _pair_straight(an, [m for m in marks if m.norm == '"'])
    opens = [st.open for st in straight]  # sorted, the stretches apart: bisect finds the one around a token

    def around(i: int) -> Stretch | None:
        k = bisect_right(opens, i) - 1
        return straight[k] if k >= 0 and i <= straight[k].close else None

    rest = [m for m in marks if m.i not in used and around(m.i) is None]
    others = [st for st in _pair_one_open(an, rest)  # (none may cross a straight-quoted stretch)
              if around(st.open) is None and around(st.close) is None
              and bisect_right(opens, st.close) == bisect_right(opens, st.open)]
    return sorted(straight + others, key=lambda st: st.open)


def _pair_straight(an: Analysis, marks: list[Token]) -> tuple[list[Stretch], set[int]]:
    """Straight quotes of one line by their shape: one glued to the word after it and not to the word before
    (… "كلمة، و"كلمة) opens, inside an open one too (a name quoted in a quotation); one glued to the word before
    and not to the word after (كلمة" …) closes; one of neither shape closes what is open, else opens. The
    outermost pairs are the stretches; marks of a quotation never closed are left to the other marks (“…»)."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in marks:
        if _opens_only(an, m.i):
            stack.append(m.i)
        elif stack:
            pairs.append((stack.pop(), m.i))
        elif not _closes_only(an, m.i):
            stack.append(m.i)
    outer = [p for p in pairs if not any(q[0] < p[0] and p[1] < q[1] for q in pairs)]
    used = {i for p in pairs for i in p}
    return [Stretch(a, b) for a, b in sorted(outer)], used


def _pair_one_open(an: Analysis, marks: list[Token]) -> list[Stretch]:
    """The other marks, one quotation open at a time (straight quotes left unpaired may still open one)."""
    out: list[Stretch] = []
    open_i: int | None = None
    open_ch = ""
    depth = 0  # quotations nested in the open one with the same marks
    for n, tok in enumerate(marks):
        ch = tok.norm
        if ch == '"':
            if open_i is not None and open_ch == '"':
                out.append(Stretch(open_i, tok.i))
                open_i = None
            elif open_i is None:
                open_i, open_ch, depth = tok.i, ch, 0
            continue
        if ch in _PAIRS and ch != "‘" or (ch == "‘" and open_i is None):
            if open_i is not None and open_ch == ch and _nested(marks, n):
                depth += 1
            elif open_i is None or open_ch == ch:
                open_i, open_ch, depth = tok.i, ch, 0
            elif (ch == "“" and open_ch == "„") or _PAIRS.get(ch) == open_ch:
                out.append(Stretch(open_i, tok.i))  # „…“, and a pair typed the wrong way round: ”…“, »…«
                open_i = None
            continue
        if ch in _CLOSERS:
            if depth:
                depth -= 1
            elif open_i is not None and (open_ch != '"' or (ch != "’" and _no_straight_after(an, marks, n))):
                out.append(Stretch(open_i, tok.i))  # ("…»: a straight quote closed by another mark)
                open_i = None
            elif open_i is None and ch != "’" and not _left_over(an, tok.i):
                open_i, open_ch = tok.i, ch
    return out


def _nested(marks: list[Token], n: int) -> bool:
    """«… «…» …»: the next two marks after this second opening mark both close."""
    nxt = marks[n + 1:n + 3]
    return len(nxt) == 2 and all(m.norm == _PAIRS[marks[n].norm] for m in nxt)


def _left_over(an: Analysis, i: int) -> bool:
    """A closing mark with nothing open is left over, not an opening one, when punctuation follows it (…». وتابع:
    «…»، فيما): a quotation never starts with a full stop or a comma."""
    return i + 1 < len(an.tokens) and an.tokens[i + 1].norm in _NO_START


def _no_straight_after(an: Analysis, marks: list[Token], n: int) -> bool:
    """"… «…» …": a closing mark with a straight quote open closes it only when the next mark is no straight quote
    that could close it ("…». وأضاف: "…: a straight quote that opens comes next)."""
    return n + 1 >= len(marks) or marks[n + 1].norm != '"' or _opens_only(an, marks[n + 1].i)


def _glued(an: Analysis, a: int, b: int) -> bool:
    """Tokens a and b touch, a word token among them (a one-letter clitic before a mark, و"كلمة، is a space)."""
    toks = an.tokens
    if not (0 <= a and b < len(toks)) or toks[a].end != toks[b].start:
        return False
    word = toks[a] if toks[b].kind == "p" else toks[b]
    return word.kind != "p" and not (word is toks[a] and len(word.norm) == 1)


def _opens_only(an: Analysis, i: int) -> bool:
    """A mark glued to the word after it and not to the one before (… "كلمة، و"كلمة) opens a quotation."""
    return _glued(an, i, i + 1) and not _glued(an, i - 1, i)


def _closes_only(an: Analysis, i: int) -> bool:
    """A mark glued to the word before it and not to the one after (كلمة" …) closes."""
    return _glued(an, i - 1, i) and not _glued(an, i, i + 1)


def is_complementizer(an: Analysis, j: int) -> bool:
    tok = an.tokens[j]
    if tok.norm not in COMPLEMENTIZERS:
        return False
    if tok.norm == _FAN and an.raw(j) == "فان" and _van(an, j):
        return False  # وأوضح فان جال أنه: "van" of a name (فإن is spelled with its hamza when the writer has one)
    if j > 0 and an.tokens[j - 1].norm in _NOT_COMPLEMENTIZER_AFTER:
        return _after_that(an, j)
    return True


def _van(an: Analysis, j: int) -> bool:
    """"فان" written without hamza before a bare word (no article, no pronoun or particle: فان جال، فان بوردن) or
    before a complementizer two words on: the Dutch "van" of a name, not فإن (فان الحكومة، فان هناك)."""
    toks = an.tokens
    if any(toks[k].norm in COMPLEMENTIZERS for k in range(j + 2, min(j + 4, len(toks)))):
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return (nxt is not None and nxt.kind == "w" and not has_al(nxt.norm) and len(nxt.norm) >= 3
            and nxt.norm not in _NOT_A_NAME and not nxt.norm.startswith(("ه", "ل"))
            and not nxt.norm.endswith(("ه", "ها", "هم", "نا")))  # (فان بلاده: a possessed noun, فإن)


_NOT_A_NAME = frozenset(fold(w) for w in ("هناك", "هنا", "ثمة", "هذا", "هذه", "ذلك", "تلك", "كل", "بعض", "معظم",
                                          "أغلب", "عدد", "عددا", "جميع", "كافة", "أحد", "إحدى", "أي", "غير", "ما",
                                          "من", "لم", "لن", "لا", "قد", "ليس", "كان", "كانت", "مثل", "نسبة", "حوالي",
                                          "نحو", "أكثر", "أقل", "إسرائيل", "مصر", "أمريكا", "روسيا", "إيران", "تركيا"))


def _after_that(an: Analysis, j: int) -> bool:
    """عقب ذلك أن / بعد ذلك أن: "after that", then the verb's complementizer ("ذلك أن" alone is "because")."""
    toks = an.tokens
    return toks[j - 1].norm == _THAT and j > 1 and toks[j - 2].norm in _BEFORE_THAT


def is_discourse_an(an: Analysis, j: int) -> bool:
    """``إلا أن`` / ``بيد أن`` / ``كما أن``: a connective that starts a new clause of the writer's."""
    toks = an.tokens
    if toks[j].norm not in COMPLEMENTIZERS or j == 0 or toks[j - 1].norm not in _DISCOURSE_BEFORE_AN:
        return False
    return not _after_that(an, j)


def is_classifier(word: str) -> bool:
    for w in (word, strip_al(word), word[1:] if word[:1] in "وبل" else word):
        if w in _CLASSIFIERS or strip_al(w) in _CLASSIFIERS:
            return True
    return False


def is_name_like(an: Analysis, st: Stretch) -> bool:
    """True when the marked stretch reads as a name (of a programme, channel, group, place ...), not speech."""
    inner = st.inner
    if inner is None:
        return True
    words = [t for t in an.tokens[inner[0]:inner[1] + 1] if t.kind != "p"]
    if not words:
        return True
    if any(t.kind == "p" and (t.norm in CLAUSE_PUNCT or t.norm == ":" or an.ends_sentence(t.i))
           for t in an.tokens[inner[0]:inner[1] + 1]):
        return False  # (the dots of "بي.بي" end no sentence: a name)
    if len(words) <= 3 and not any("\u0600" <= ch <= "\u06ff" for t in words for ch in t.norm):
        return True  # a short Latin-script stretch in Arabic text is a name (“X”, “RIQAS program”)
    prev = an.tokens[st.open - 1] if st.open > 0 else None
    if prev is not None and prev.kind == "w" and len(words) <= 6 and is_classifier(prev.norm):
        return True
    if len(words) >= 5:
        return False
    if words[0].norm in PREPOSITIONS:
        return False  # «في بعض الحالات»: a phrase of the speaker's, names do not start with a preposition
    if len(words) >= 3 and any(t.norm in PREPOSITIONS for t in words[1:]) and not has_al(words[0].norm):
        return False  # «خطوة كبرى إلى الأمام»
    if (len(words) == 2 and not has_al(words[0].norm) and not has_al(words[1].norm)
            and words[0].norm.endswith("ة") and words[1].norm.endswith("ة")):
        return False  # «عودة خطيرة»: an indefinite noun and its adjective, a description, not a name
    if any(t.norm in _CLAUSE_WORDS for t in words):
        return False
    if (len(words) == 1 and prev is not None and prev.kind == "w" and has_al(prev.norm) and has_al(words[0].norm)
            and is_nisba(words[0].norm) and not is_classifier(prev.norm)):
        return False  # «العشوائية» after النفايات: an adjective in the speaker's words, not a name
    return True


def is_speech_like(an: Analysis, st: Stretch) -> bool:
    """A stretch that can stand as a quotation on its own: not a name, and at least three words or a sentence."""
    if is_name_like(an, st):
        return False
    inner = st.inner
    words = [t for t in an.tokens[inner[0]:inner[1] + 1] if t.kind != "p"]
    puncts = [t.norm for t in an.tokens[inner[0]:inner[1] + 1] if t.kind == "p"]
    return len(words) >= 3 or any(p in SENTENCE_END for p in puncts)
