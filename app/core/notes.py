"""Notes: an annotator's remark on an annotation or a document, and the "needs discussion" flag.

A note on a span is the span's ``note`` attribute (free text) and the flag its ``discuss`` attribute (``true``), for
every label: the one place other tools keep them too (brat ``#`` AnnotatorNotes and a binary attribute, Label
Studio's per-region text area and choice), so they travel in every export without a format of their own. A CLAIM's
``note`` (sources, reasoning) is the same note. A note on a document is the layer's (``Layer.note``,
``Layer.discuss``): each annotator's own remark on the document, kept with their status.

Notes are not annotations to compare: review never counts a different note as a difference, gold does not inherit
an annotator's flag, and writing a note on an accepted suggestion does not make it "suggested-edited".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from .errors import QawlError
from .model import Layer, Span

NOTE = "note"
DISCUSS = "discuss"
NOTE_ATTRS = (NOTE, DISCUSS)


def note_of(span: Span) -> str:
    value = span.attrs.get(NOTE)
    return value if isinstance(value, str) else ""


def discussed(span: Span) -> bool:
    return span.attrs.get(DISCUSS) is True


def has_note(span: Span) -> bool:
    return bool(note_of(span).strip()) or discussed(span)


def check_note_attrs(attrs: Mapping) -> None:
    """The note is text and the flag is true or absent, whatever the label (a clear error otherwise)."""
    note = attrs.get(NOTE)
    if note is not None and not isinstance(note, str):
        raise QawlError(f"a note must be text, got {note!r}", field=f"attrs.{NOTE}")
    flag = attrs.get(DISCUSS)
    if flag is not None and flag is not True and flag is not False:
        raise QawlError(f"must be true or false, got {flag!r}", field=f"attrs.{DISCUSS}")


def with_note(span: Span, text: str | None = None, discuss: bool | None = None) -> Span:
    """``span`` with its note and/or flag set (None leaves that part as it is); an empty note and a lowered flag
    leave no attribute behind."""
    attrs = dict(span.attrs)
    if text is not None:
        text = text.strip()
        if text:
            attrs[NOTE] = text
        else:
            attrs.pop(NOTE, None)
    if discuss is not None:
        if discuss:
            attrs[DISCUSS] = True
        else:
            attrs.pop(DISCUSS, None)
    return span if attrs == span.attrs else replace(span, attrs=attrs)


def without_notes(attrs: Mapping) -> dict:
    """The attributes that make an annotation what it is (for comparing versions): notes left out."""
    return {k: v for k, v in attrs.items() if k not in NOTE_ATTRS}


def without_flag(attrs: Mapping) -> dict:
    return {k: v for k, v in attrs.items() if k != DISCUSS}


@dataclass(frozen=True)
class NoteEntry:
    """One note as listed: on the document (``span`` None) or on a span, with whose layer it is in."""

    doc_id: str
    annotator: str
    text: str
    discuss: bool
    span: Span | None = None

    @property
    def on_document(self) -> bool:
        return self.span is None

    @property
    def position(self) -> int:
        return -1 if self.span is None else self.span.start


def layer_notes(layer: Layer) -> list[NoteEntry]:
    """The notes of a layer: the document's first, then the spans' in text order."""
    out: list[NoteEntry] = []
    if layer.note or layer.discuss:
        out.append(NoteEntry(layer.doc_id, layer.annotator, layer.note, layer.discuss))
    for span in layer.sorted_spans():
        if has_note(span):
            out.append(NoteEntry(layer.doc_id, layer.annotator, note_of(span), discussed(span), span))
    return out


def matching(entries: Iterable[NoteEntry], query: str = "", *, discuss_only: bool = False) -> list[NoteEntry]:
    """The entries whose note (or annotated text) contains ``query`` (case-insensitive), flagged ones only on
    request."""
    q = query.strip().casefold()
    return [e for e in entries if (not discuss_only or e.discuss) and
            (not q or q in e.text.casefold() or (e.span is not None and q in e.span.text.casefold()))]

