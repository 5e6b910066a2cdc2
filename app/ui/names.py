"""Words shown for the data's values (labels, statuses, quote types), translated; the data keeps its own values."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_LABELS = {
    "QUOTE": QT_TRANSLATE_NOOP("Names", "Quote"),
    "CLAIM": QT_TRANSLATE_NOOP("Names", "Claim"),
    "SPEAKER": QT_TRANSLATE_NOOP("Names", "Speaker"),
    "CUE": QT_TRANSLATE_NOOP("Names", "Cue"),
    "DATE": QT_TRANSLATE_NOOP("Names", "Date"),
}
_STATUSES = {
    "todo": QT_TRANSLATE_NOOP("Names", "To do"),
    "in_progress": QT_TRANSLATE_NOOP("Names", "In progress"),
    "done": QT_TRANSLATE_NOOP("Names", "Done"),
}
_TYPES = {
    "direct": QT_TRANSLATE_NOOP("Names", "direct"),
    "indirect": QT_TRANSLATE_NOOP("Names", "indirect"),
    "mixed": QT_TRANSLATE_NOOP("Names", "mixed"),
}
# Invisible characters shown by name wherever the exact text is displayed.
INVISIBLE = {
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
    "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM",
}
#: The bidi controls: they change how text around them is ordered, so the article view marks every one.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _t(text: str) -> str:
    return QCoreApplication.translate("Names", text)


def label_name(label: str) -> str:
    return _t(_LABELS[label]) if label in _LABELS else label.title()


def status_name(status: str) -> str:
    return _t(_STATUSES[status]) if status in _STATUSES else status


def type_name(value: str | None) -> str:
    return _t(_TYPES[value]) if value in _TYPES else (value or "")


def visible(text: str, limit: int | None = None) -> str:
    """The exact text with invisible characters spelled out (⟨RLM⟩), line breaks as ¶ and no-break spaces as ⍽,
    isolated (FSI … PDI) so its direction cannot reorder the words around it."""
    if limit is not None and len(text) > limit:
        half = limit // 2
        text = text[:half] + " … " + text[-half:]
    out = []
    for ch in text:
        if ch in INVISIBLE:
            out.append(f"⟨{INVISIBLE[ch]}⟩")
        elif ch == "\n" or ch == "\u2029":
            out.append("¶")
        elif ch == "\u2028":
            out.append("↵")
        elif ch == "\u00a0":
            out.append("⍽")
        elif ch == "\t":
            out.append("⇥")
        else:
            out.append(ch)
    return "\u2068" + "".join(out) + "\u2069"
