"""Speech nouns after light verbs: ``وجّهت الولايات المتحدة تحذيراً إلى رعاياها أمس بعدم السفر ...``.

A noun of speech (تحذير، دعوة، نداء، مناشدة) in the accusative after a light verb (وجّه، أطلق، أصدر، جدّد) carries
the report: the noun is the cue, the light verb's subject is the speaker, and the content follows the noun after an
optional addressee (إلى رعاياها، لـ...) and date: a complementizer, or a preposition the noun governs (بعدم السفر،
من مخاطر، إلى وقف). The same noun elsewhere (في تحذير، دعوة العشاء) is no cue: a light verb must come first in
the same clause.
"""

from __future__ import annotations

from ..text.arabic import fold
from .clauses import Record
from .context import Context, Facts, Range
from .extent import content_end
from .cues import REAFFIRMING, Cue, light_verb
from .quotes import is_complementizer
from .arabic import is_nisba
from .speakers import speaker_after
from .words import FUNCTION_WORDS

_ADDRESSEE_PREPS = frozenset(fold(w) for w in ("إلى", "الى", "ل", "لـ"))


def content_start(f: Facts, cue: Cue) -> tuple[int, Range | None, int] | None:
    """Where the content of a speech-noun cue starts: (the light verb's token, its subject, the content's first
    token), or None when no content follows the noun (then it is no cue)."""
    an, toks = f.an, f.an.tokens
    n = len(toks)
    lv = light_verb(an, cue.i, f.cue_tokens)
    if lv is None:
        return None
    np = speaker_after(f, lv)
    if np is not None and np[1] >= cue.i:
        np = (np[0], cue.i - 1) if np[0] < cue.i else None
    j = cue.i + 1
    if cue.form.lemma == REAFFIRMING and j < n and toks[j].kind == "w" and f.an.same_sentence(cue.i, j) and \
            toks[j].norm not in FUNCTION_WORDS and not _opens_content(f, cue, j):
        return lv, np, j  # وأعاد الوزراء تأكيدَ الالتزامات / تأكيدَ التزامها: what is reaffirmed is the object
    if not _opens_content(f, cue, j):  # دعوة إلى المجتمع الدولي للتحرك: the call's content starts at once
        if j < n and (toks[j].norm in _ADDRESSEE_PREPS or _glued_addressee(toks[j].norm)):
            j += 1 if toks[j].norm in _ADDRESSEE_PREPS else 0  # تحذيراً إلى رعاياها / لرعاياها
            j += 1
            if j < n and toks[j].kind == "w" and is_nisba(toks[j].norm) and toks[j].norm.startswith("ال"):
                j += 1  # للمواطنين السعوديين
            while j < n and toks[j].kind == "w" and toks[j].norm.startswith("وال") and len(toks[j].norm) > 4:
                j += 1  # للمواطنين والمقيمين
        while j < n and an.same_sentence(cue.i, j) and j in f.date_at:
            j = f.date_at[j] + 1  # أمس
        if not _opens_content(f, cue, j):
            return None
    return lv, np, j


def speech_noun_record(ctx: Context, cue: Cue) -> Record | None:
    """The attribution of a speech-noun cue, or None when no content follows it."""
    start = content_start(ctx, cue)
    if start is None:
        return None
    lv, np, j = start
    end, _ = content_end(ctx, j)
    if end < j:
        return None
    return Record([cue], j, end, "indirect", "indirect-speech-noun", speaker=np,
                  speaker_rule="speaker-after-cue" if np else "", frame=(lv + 1, j - 1))


def _opens_content(f: Facts, cue: Cue, j: int) -> bool:
    toks = f.an.tokens
    if j >= len(toks) or not f.an.same_sentence(cue.i, j) or toks[j].kind != "w":
        return False
    w = toks[j].norm
    glued = any(len(p) == 1 and w.startswith(p) and len(w) > 3 for p in cue.form.preps)
    return is_complementizer(f.an, j) or w in cue.form.preps or glued


def _glued_addressee(w: str) -> bool:
    """للمواطنين، لرعاياها: ل glued to a definite noun or to a noun with a possessive pronoun."""
    return len(w) > 4 and (w.startswith("لل") or (w.startswith("ل") and w.endswith(("ها", "هم", "ه"))))
