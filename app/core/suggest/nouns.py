"""Speech nouns after light verbs: ``وجّهت الولايات المتحدة تحذيراً إلى رعاياها أمس بعدم السفر ...``.

A noun of speech (تحذير، دعوة، نداء، مناشدة) in the accusative after a light verb (وجّه، أطلق، أصدر، جدّد) carries
the report: the noun is the cue, the light verb's subject is the speaker, and the content follows the noun after an
optional addressee (إلى رعاياها، لـ...) and date: a complementizer, or a preposition the noun governs (بعدم السفر،
من مخاطر، إلى وقف). The same noun elsewhere (في تحذير، دعوة العشاء) is no cue: a light verb must come first in
the same clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.arabic import CLAUSE_PUNCT, fold
from .arabic import Analysis, is_nisba
from .clauses import Record, content_end
from .cues import Cue, CueForm
from .quotes import is_complementizer
from .speakers import speaker_after

if TYPE_CHECKING:
    from .engine import _Doc

NOUN = "noun"
_LIGHT = frozenset(fold(p + w) for p in ("", "و", "ف") for w in (
    "وجه", "وجهت", "وجهوا", "أطلق", "أطلقت", "أطلقوا", "أصدر", "أصدرت", "أصدروا", "جدد", "جددت", "جددوا",
    "موجها", "موجهة", "مطلقا", "مطلقة", "مجددا", "مجددة"))
# noun (as written in the accusative or plural) -> the prepositions that open its content
_NOUNS = {fold(k): (fold(lemma), tuple(fold(p) for p in preps)) for k, lemma, preps in (
    ("تحذيرا", "تحذير", ("ب", "من")), ("تحذيرات", "تحذير", ("ب", "من")),
    ("دعوة", "دعوة", ("إلى", "الى", "ل", "ب")), ("دعوات", "دعوة", ("إلى", "الى", "ل", "ب")),
    ("نداء", "نداء", ("إلى", "الى", "ل", "ب")), ("مناشدة", "مناشدة", ("ل", "ب", "إلى", "الى")))}
_ADDRESSEE_PREPS = frozenset(fold(w) for w in ("إلى", "الى", "ل", "لـ"))


def find_speech_nouns(an: Analysis, cue_tokens: set[int]) -> list[Cue]:
    """Speech nouns that a light verb before them (same clause, at most 8 tokens back) turns into cues."""
    toks = an.tokens
    out: list[Cue] = []
    for tok in toks:
        if tok.kind != "w" or tok.norm not in _NOUNS or light_verb(an, tok.i, cue_tokens) is None:
            continue
        lemma, preps = _NOUNS[tok.norm]
        out.append(Cue(tok.i, tok.i, CueForm(lemma, NOUN, preps, weak=True)))
    return out


def light_verb(an: Analysis, i: int, cue_tokens: set[int]) -> int | None:
    toks = an.tokens
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if not an.same_sentence(k, i) or k in cue_tokens or (t.kind == "p" and t.norm in CLAUSE_PUNCT | {":"}):
            return None
        if t.norm in _LIGHT:
            return k
    return None


def speech_noun_record(d: _Doc, cue: Cue) -> Record | None:
    """The attribution of a speech-noun cue, or None when no content follows it."""
    an, toks = d.an, d.an.tokens
    n = len(toks)
    lv = light_verb(an, cue.i, d.cue_tokens)
    if lv is None:
        return None
    np = speaker_after(an, lv, d.by_open, d.date_at, d.cue_tokens)
    if np is not None and np[1] >= cue.i:
        np = (np[0], cue.i - 1) if np[0] < cue.i else None
    j = cue.i + 1
    if not _opens_content(d, cue, j):  # دعوة إلى المجتمع الدولي للتحرك: the call's content starts at once
        if j < n and (toks[j].norm in _ADDRESSEE_PREPS or _glued_addressee(toks[j].norm)):
            j += 1 if toks[j].norm in _ADDRESSEE_PREPS else 0  # تحذيراً إلى رعاياها / لرعاياها
            j += 1
            if j < n and toks[j].kind == "w" and is_nisba(toks[j].norm) and toks[j].norm.startswith("ال"):
                j += 1  # للمواطنين السعوديين
        while j < n and an.same_sentence(cue.i, j) and j in d.date_at:
            j = d.date_at[j] + 1  # أمس
        if not _opens_content(d, cue, j):
            return None
    end, _ = content_end(d, j)
    if end < j:
        return None
    return Record([cue], j, end, "indirect", "indirect-speech-noun", speaker=np,
                  speaker_rule="speaker-after-cue" if np else "", frame=(lv + 1, j - 1))


def _opens_content(d: _Doc, cue: Cue, j: int) -> bool:
    toks = d.an.tokens
    if j >= len(toks) or not d.an.same_sentence(cue.i, j) or toks[j].kind != "w":
        return False
    w = toks[j].norm
    glued = any(len(p) == 1 and w.startswith(p) and len(w) > 3 for p in cue.form.preps)
    return is_complementizer(d.an, j) or w in cue.form.preps or glued


def _glued_addressee(w: str) -> bool:
    """للمواطنين، لرعاياها: ل glued to a definite noun or to a noun with a possessive pronoun."""
    return len(w) > 4 and (w.startswith("لل") or (w.startswith("ل") and w.endswith(("ها", "هم", "ه"))))
