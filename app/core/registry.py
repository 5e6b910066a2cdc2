"""Which registry speaker a name means: one rule for the S key, the speaker picker and accepting suggestions.

Names are compared in the matching form (:func:`app.core.text.arabic.fold`: harakat,
tatweel and bidi marks removed, alef and yeh variants folded), case-folded, one space between words, without
punctuation or quotation marks at the edges. In order, the first rule that finds exactly one speaker wins:

1. a mention of the same words already tied to a speaker in this article, or one ending or starting with them
   (in-article coreference: ``السوداني`` or ``رئيس الوزراء`` after ``رئيس الوزراء محمد شياع السوداني``);
2. a speaker whose name, then whose alias, is one of the names (the suggester's in-article aliases included);
3. a speaker whose name ends with all the words of a name, or the other way round (``محمد شياع السوداني`` and
   ``رئيس مجلس الوزراء العراقي محمد شياع السوداني``; a one-word surname such as ``لافرينتيف`` too), unless the
   word before the shorter one makes it an institution's (``رئيس`` + ``مجلس النواب العراقي`` is not the
   parliament).

Several speakers at the same rule: none (the caller makes a new one, or asks). Registry names themselves are made
with :func:`app.core.text.words.clean_name`, never from untrimmed text.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from functools import lru_cache

from .model import Entity, Span
from .text.arabic import fold
from .text.words import clean_name

# Heads that make the name after them an institution's post, not the institution (رئيس مجلس النواب ...).
_HEAD_WORDS = ("رئيس", "رئيسة", "نائب", "أمين", "الأمين", "مدير", "مديرة", "وزير", "وزيرة", "عضو", "أعضاء", "سفير",
               "سفيرة", "ممثل", "متحدث", "المتحدث", "ناطق", "الناطق", "باسم", "قائد", "زعيم", "محافظ", "عميد", "أمير",
               "ملك", "ولي", "مستشار", "مندوب", "رئاسة", "قيادة", "مكتب", "لسان")


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(key(w)[0] for w in _HEAD_WORDS)


@lru_cache(maxsize=8192)
def key(name: str) -> tuple[str, ...]:
    """The words of a name in matching form."""
    return tuple(fold(clean_name(name)).casefold().split())


def _suffix(short: tuple[str, ...], long: tuple[str, ...], shortest: int = 4) -> bool:
    """``long`` ends with all of ``short`` (a one-word surname of at least ``shortest`` letters)."""
    if not short or len(short) >= len(long) or long[-len(short):] != short:
        return False
    if len(short) == 1 and len(short[0]) < shortest:
        return False
    return long[-len(short) - 1] not in _heads()


def _prefix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """The words a fuller mention of the same article starts with (its title: الوزير for الوزير علي حسن)."""
    return 0 < len(short) < len(long) and long[:len(short)] == short


def match(entities: Iterable[Entity], names: Sequence[str], mentions: Iterable[Span] = ()) -> Entity | None:
    """The one registry speaker ``names`` (a mention's text, or a proposed speaker's name and aliases) mean, by the
    rules in the module docstring; ``mentions`` are SPEAKER spans of the same article already tied to speakers."""
    entities = list(entities)
    by_id = {e.id: e for e in entities}
    keys = [k for k in dict.fromkeys(key(n) for n in names) if k]
    if not keys:
        return None
    # 1. the same words already tied to a speaker in this article
    mentions = [m for m in mentions if m.entity in by_id]
    here = {m.entity for m in mentions if key(m.text) in keys}
    if not here:  # a surname or a title after the full name in the same article (السوداني، الوزير)
        here = {m.entity for m in mentions for k in keys
                if _suffix(k, key(m.text), 2) or _suffix(key(m.text), k, 2) or _prefix(k, key(m.text))}
    if len(here) == 1:
        return by_id[here.pop()]
    # 2. a name, then an alias (a bare title such as الوزير names nobody in particular across articles)
    found = {e.id for e in entities if key(e.name) in keys}
    if not found:
        specific = [k for k in keys if _specific(k)]
        found = {e.id for e in entities if any(key(a) in specific for a in e.aliases)}
    if found:
        return by_id[found.pop()] if len(found) == 1 else None
    # 3. one name ends with all the words of the other
    found = {e.id for e in entities for n in e.names for k in keys if _suffix(k, key(n)) or _suffix(key(n), k)}
    return by_id[found.pop()] if len(found) == 1 else None


def _specific(k: tuple[str, ...]) -> bool:
    """Two words or more, or one that is not a definite noun (الوزير, الشرطة: a title or a body, not a name)."""
    return len(k) >= 2 or not k[0].startswith("ال")
