"""Arabic folding and the punctuation of reported speech: the one definition every part of Qawl compares with.

*Folding* gives the matching form of Arabic text: harakat, Quranic marks, tatweel and invisible bidi / zero-width
controls are removed, letter variants are read as one letter (أ إ آ ٱ -> ا, ى -> ي, Persian/Urdu forms -> the
Arabic letter, presentation forms -> the letter they show) and Arabic-Indic digits as 0-9, so that ``أكّد``,
``اكد`` and ``أكـد`` are one word. Folding is only ever applied to a *copy* for comparison (lexicon look-ups,
mention keys); an article's own characters are never changed (see :mod:`.normalise`).

The suggestion engine reads articles through a folded copy (``app.core.suggest.arabic.Analysis`` maps every
position back), the review compares speaker mentions by :func:`mention_key`, and the window and the engine
tell quotations by the same quotation marks (:data:`OPEN_MARKS`, :data:`CLOSE_MARKS`, :data:`PAIRS`).
"""

from __future__ import annotations

import unicodedata

import regex

# Removed by folding: Quranic honorific marks, harakat (with superscript alef), Quranic annotation signs,
# tatweel, zero-width and bidi controls, the byte-order mark.
REMOVABLE = ("\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069"
             "\ufeff")
REMOVED = regex.compile(f"[{REMOVABLE}]")
# The marks that belong to the letter before them (a span ending on a letter also takes these).
LETTER_MARKS = regex.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*")

_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ک": "ك", "ڪ": "ك", "ھ": "ه",
            "ە": "ه", "\u00a0": " ", "\u2007": " ", "\u202f": " "}
_LETTERS.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_LETTERS.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Extended (Persian/Urdu) digits


def _table() -> dict[int, str | None]:
    """The translation table of folding: letter variants, presentation forms that show ONE letter (FB50-FDFF,
    FE70-FEFF), and the removable characters mapped to nothing."""
    table: dict[int, str | None] = {ord(k): v for k, v in _LETTERS.items()}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
        ch = chr(cp)
        if unicodedata.category(ch) in ("Lo", "Lm"):
            base = REMOVED.sub("", unicodedata.normalize("NFKC", ch))
            if len(base) == 1:
                table[cp] = _LETTERS.get(base, base)
    removable = "".join(chr(c) for c in range(0x0600, 0x0700)) + "\u200b\u200c\u200d\u200e\u200f\u202a\u202b" \
        "\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
    for m in REMOVED.finditer(removable):
        table[ord(m.group())] = None
    return table


FOLD_TABLE = _table()


def fold(s: str) -> str:
    """The matching form of ``s`` (same length as ``s`` minus the removed characters; see the module doc)."""
    return s.translate(FOLD_TABLE)


#: Folding, and also ta marbuta read as heh and the hamza seats as their letters (ة -> ه, ؤ -> و, ئ -> ي): for
#: wordings that spell them either way (a claim's wording, the check-worthiness cues); never for mention keys.
LOOSE_TABLE = {**FOLD_TABLE, ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي"}


def fold_loose(s: str) -> str:
    """:func:`fold`, with ة/ه and the hamza seats as one (same length as :func:`fold` gives)."""
    return s.translate(LOOSE_TABLE)


_EDGE_PUNCT = regex.compile(r"^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$")
_SPACES = regex.compile(r"\s+")


def mention_key(text: str) -> str:
    """A comparison key for a speaker mention (never stored, never applied to a document): composed (NFC), folded,
    case folded, punctuation at the edges dropped, spaces collapsed: ``«أحمدُ  الجبير»`` and ``احمد الجبير``
    are one key."""
    key = fold(unicodedata.normalize("NFC", text)).casefold()
    key = _EDGE_PUNCT.sub("", key)
    return _SPACES.sub(" ", key).strip()


# --- the punctuation of reported speech --------------------------------------------------------------------------

#: Opening quotation mark -> the mark that closes it (Arabic news uses all of these; „ closes with “).
PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›", "〝": "〞", "❝": "❞", "‘": "’"}
OPEN_MARKS = "«“„‘‹〝❝"
CLOSE_MARKS = "»”’›〞❞"
#: The straight mark opens and closes alike.
STRAIGHT_MARK = '"'
#: What can open a quotation, what can close one, and every quotation mark.
OPENERS = OPEN_MARKS + STRAIGHT_MARK
CLOSERS = CLOSE_MARKS + "“" + STRAIGHT_MARK
QUOTE_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT_MARK
SENTENCE_END = frozenset(".!?؟…")
CLAUSE_PUNCT = frozenset("،,;؛")
