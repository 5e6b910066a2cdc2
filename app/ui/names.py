"""Words shown for the data's values (labels, statuses, quote types), translated; the data keeps its own values."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.review.triage import ACCEPTED, REJECTED, decisions_in

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
# The default verdicts and check-worthiness values in words (a project's own verdicts are shown as they are).
_VERDICTS = {
    "true": QT_TRANSLATE_NOOP("Names", "true"),
    "mostly true": QT_TRANSLATE_NOOP("Names", "mostly true"),
    "misleading": QT_TRANSLATE_NOOP("Names", "misleading"),
    "false": QT_TRANSLATE_NOOP("Names", "false"),
    "unverifiable": QT_TRANSLATE_NOOP("Names", "unverifiable"),
    "not checked": QT_TRANSLATE_NOOP("Names", "not checked"),
}
_CHECKWORTHY = {
    "yes": QT_TRANSLATE_NOOP("Names", "check-worthy"),
    "no": QT_TRANSLATE_NOOP("Names", "not check-worthy"),
    "unsure": QT_TRANSLATE_NOOP("Names", "check-worthy?"),
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


def verdict_name(value: str | None) -> str:
    return _t(_VERDICTS[value]) if value in _VERDICTS else (value or "")


def checkworthy_name(value: str | None) -> str:
    return _t(_CHECKWORTHY[value]) if value in _CHECKWORTHY else (value or "")


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


_RELATIONS = {
    "SAID_BY": QT_TRANSLATE_NOOP("Names", "speaker"),
    "CLAIMED_BY": QT_TRANSLATE_NOOP("Names", "speaker"),
    "CUE": QT_TRANSLATE_NOOP("Names", "cue"),
    "DATED": QT_TRANSLATE_NOOP("Names", "date"),
}


def ltr(text: str) -> str:
    """A value written left to right (a date value, a key), isolated (LRI … PDI) so the right-to-left text around it
    cannot reorder it: 2024-01-18, never 18-01-2024."""
    return f"\u2066{text}\u2069"


def date_examples() -> str:
    """The shapes of a date value, each isolated left to right."""
    return " · ".join(ltr(v) for v in ("2024-01-18", "2020-01", "2020", "XXXX-01-18"))


def not_a_date(value: str) -> str:
    """The words for a date value refused, in the interface language."""
    return QCoreApplication.translate("Names", "“%1” is not a date value: use %2").replace("%1", ltr(value)) \
        .replace("%2", date_examples())


def short(text: str, n: int = 80) -> str:
    """A text on one line, cut to ``n`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _short(text: str, n: int = 30) -> str:
    """Words of the document inside an English (or Arabic) sentence: cut, and isolated (FSI … PDI) so an Arabic
    name in an English line, or a Latin one in Arabic, keeps its own order and leaves the line's order alone."""
    return "\u2068" + short(text, n) + "\u2069"


def _marks_only(leaf) -> bool:
    """An update that only traces an edit (origin suggested -> suggested-edited): not what the change is about."""
    return leaf.kind == "update_span" and leaf.before.origin != leaf.after.origin and \
        (leaf.before.label, leaf.before.start, leaf.before.end, leaf.before.attrs) == \
        (leaf.after.label, leaf.after.start, leaf.after.end, leaf.after.attrs)


def describe(change) -> str:
    """A change in words of the interface language, for the undo history (the core's describe() is English)."""
    verdict, records, first = decisions_in(change)
    if verdict == ACCEPTED and records > 1:
        return QCoreApplication.translate("Names", "Accept %1 suggestions").replace("%1", str(records))
    if verdict in (ACCEPTED, REJECTED):
        text = QCoreApplication.translate("Names", "Accept suggested %1 “%2”") if verdict == ACCEPTED else \
            QCoreApplication.translate("Names", "Reject suggested %1 “%2”")
        return text.replace("%1", label_name(first.label)).replace("%2", _short(first.text))
    leaves = change.flat()
    leaves = [leaf for leaf in leaves if not _marks_only(leaf)] or leaves
    kinds = [leaf.kind for leaf in leaves]
    if not leaves:
        return ""
    gold = _describe_gold(leaves)
    if gold:
        return gold
    if "remove_entity" in kinds and len(leaves) > 1:
        gone = next(l for l in leaves if l.kind == "remove_entity").entity
        return QCoreApplication.translate("Names", "Merge speaker %1").replace("%1", _short(gone.name, 60))
    note = _describe_note(leaves)
    if note:
        return note
    claim = _describe_claim(leaves, kinds)
    if claim:
        return claim
    if "add_entity" in kinds and "add_span" not in kinds and len(leaves) > 1:
        return QCoreApplication.translate("Names", "New speaker %1").replace("%1", _short(next(l for l in leaves if l.kind == "add_entity").entity.name, 60))
    order = ("add_span", "remove_span", "update_span", "add_relation", "remove_relation", "update_entity",
             "add_entity", "remove_entity", "set_status")
    main = min(leaves, key=lambda l: order.index(l.kind) if l.kind in order else len(order))
    if main.kind in ("add_span", "remove_span"):
        text = QCoreApplication.translate("Names", "Add %1 “%2”") if main.kind == "add_span" else QCoreApplication.translate("Names", "Remove %1 “%2”")
        return text.replace("%1", label_name(main.span.label)).replace("%2", _short(main.span.text))
    if main.kind == "update_span":
        before, after = main.before, main.after
        if before.label != after.label:
            return QCoreApplication.translate("Names", "Relabel %1 → %2").replace("%1", label_name(before.label)).replace("%2",
                                                                                       label_name(after.label))
        if (before.start, before.end) != (after.start, after.end):
            return QCoreApplication.translate("Names", "Resize %1 to “%2”").replace("%1", label_name(after.label)).replace("%2", _short(after.text))
        return QCoreApplication.translate("Names", "Edit %1 “%2”").replace("%1", label_name(after.label)).replace("%2", _short(after.text))
    if main.kind in ("add_relation", "remove_relation"):
        word = _t(_RELATIONS.get(main.relation.type, main.relation.type))
        return (QCoreApplication.translate("Names", "Link %1") if main.kind == "add_relation" else QCoreApplication.translate("Names", "Unlink %1")).replace("%1", word)
    if main.kind == "set_status":
        return QCoreApplication.translate("Names", "Mark %1").replace("%1", status_name(main.after))
    if main.kind == "update_entity":
        if main.before.name != main.after.name:
            return QCoreApplication.translate("Names", "Rename speaker %1 → %2").replace("%1", _short(main.before.name, 60)).replace("%2", _short(main.after.name, 60))
        return QCoreApplication.translate("Names", "Edit speaker %1").replace("%1", _short(main.after.name, 60))
    if main.kind == "add_entity":
        return QCoreApplication.translate("Names", "Add speaker %1").replace("%1", _short(main.entity.name, 60))
    if main.kind == "remove_entity":
        return QCoreApplication.translate("Names", "Remove speaker %1").replace("%1", _short(main.entity.name, 60))
    return change.describe()


def _describe_note(leaves) -> str | None:
    """A note or "needs discussion" flag set on a span or the document, in words; None for anything else."""
    from ..core.notes import NOTE_ATTRS

    if len(leaves) != 1:
        return None
    leaf = leaves[0]
    if leaf.kind == "set_layer_note":
        return QCoreApplication.translate("Names", "Note on the document")
    if leaf.kind != "update_span":
        return None
    b, a = leaf.before, leaf.after
    changed = {k for k in set(b.attrs) | set(a.attrs) if b.attrs.get(k) != a.attrs.get(k)}
    if (b.label, b.start, b.end) != (a.label, a.start, a.end) or not changed or not changed <= set(NOTE_ATTRS):
        return None
    return QCoreApplication.translate("Names", "Note on %1 “%2”").replace("%1", label_name(a.label)).replace(
        "%2", _short(a.text))


def _describe_claim(leaves, kinds) -> str | None:
    """A change of the claim registry, or of a claim's verdict, check-worthiness, fact-check or link, in words."""
    if "remove_claim" in kinds and len(leaves) > 1:
        gone = next(l for l in leaves if l.kind == "remove_claim").claim
        return QCoreApplication.translate("Names", "Merge claim “%1”").replace("%1", _short(gone.text))
    if "add_claim" in kinds:
        return QCoreApplication.translate("Names", "New claim “%1”").replace("%1", _short(next(l for l in leaves
                                                                     if l.kind == "add_claim").claim.text))
    if "remove_claim" in kinds:
        return QCoreApplication.translate("Names", "Remove claim “%1”").replace("%1", _short(leaves[0].claim.text))
    updates = [l for l in leaves if l.kind == "update_span" and l.after.label == "CLAIM" and
               (l.before.label, l.before.start, l.before.end) == (l.after.label, l.after.start, l.after.end)]
    if updates and len(updates) + kinds.count("update_claim") == len(leaves):
        before, after = updates[0].before.attrs, updates[0].after.attrs
        if before.get("claim") != after.get("claim"):
            return QCoreApplication.translate("Names", "Link claim") if after.get("claim") else QCoreApplication.translate("Names", "Unlink claim")
        if before.get("verdict") != after.get("verdict"):
            return QCoreApplication.translate("Names", "Verdict: %1").replace("%1", verdict_name(after.get("verdict")) or "—")
        if before.get("checkworthy") != after.get("checkworthy"):
            return QCoreApplication.translate("Names", "Check-worthiness: %1").replace("%1", checkworthy_name(after.get("checkworthy"))
                                                                 or "—")
        if before.get("factcheck") != after.get("factcheck"):
            return QCoreApplication.translate("Names", "Fact-check link")
        if before.get("note") != after.get("note"):
            return QCoreApplication.translate("Names", "Claim note")
    if kinds and kinds[0] == "update_claim":
        before, after = leaves[0].before, leaves[0].after
        if before.verdict != after.verdict:
            return QCoreApplication.translate("Names", "Claim verdict: %1").replace("%1", verdict_name(after.verdict) or "—")
        return QCoreApplication.translate("Names", "Edit claim “%1”").replace("%1", _short(after.text))
    return None


def _describe_gold(leaves) -> str | None:
    """A review decision (changes of the gold layer only) in words; None for anything else."""
    if any(leaf.annotator != "gold" for leaf in leaves):
        return None
    added = [leaf.span for leaf in leaves if leaf.kind == "add_span"]
    removed = [leaf.span for leaf in leaves if leaf.kind == "remove_span"]
    if len(added) > 1:
        return QCoreApplication.translate("Names", "Gold: accept %1 annotations").replace("%1", str(len(added)))
    if added:
        span = added[0]
        if span.provenance.get("edited"):
            text = QCoreApplication.translate("Names", "Gold: accept edited %1 “%2”")
        else:
            text = QCoreApplication.translate("Names", "Gold: accept %3's %1 “%2”").replace(
                "%3", " + ".join(span.provenance.get("from", [])) or "?")
        return text.replace("%1", label_name(span.label)).replace("%2", _short(span.text))
    if removed:
        return QCoreApplication.translate("Names", "Gold: reject %1 “%2”").replace(
            "%1", label_name(removed[0].label)).replace("%2", _short(removed[0].text))
    if all(leaf.kind == "set_status" for leaf in leaves):
        return QCoreApplication.translate("Names", "Review: mark %1").replace("%1", status_name(leaves[-1].after))
    return None
