"""Item models over the spans of the open document: the Quotes sidebar (quotes and claims as records with their
speaker, cue and date) and the Dates sidebar (date mentions with their value and the records they date).

They are thin adapters: rows are (annotator, span id) keys in text order, cells are read from the session's cache
on demand, and each applied change becomes beginInsertRows / beginRemoveRows / dataChanged (never a reset for an
edit), so selections and scroll positions survive labelling. Edits made in a cell go through the session.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication

from ..core.changes import AddSpan, RemoveSpan, UpdateSpan
from ..core.model import SUGGESTIONS, Layer, Relation, Span
from ..core.schema import TIMEX_VALUE
from ..core.text.normalise import direction_of
from . import edits
from .names import checkworthy_name, date_examples, label_name, not_a_date, short, type_name, verdict_name, visible
from .render import paler
from .session import ChangeEvent, Session
from .table_model import HeaderedTableModel

KeyRole = Qt.ItemDataRole.UserRole + 1  # (annotator, span id) of the row
SpanRole = Qt.ItemDataRole.UserRole + 2  # the Span itself
# The roles these models answer; views ask for a dozen per cell and every other answer is None.
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.TextAlignmentRole, KeyRole, SpanRole})


@lru_cache(maxsize=8192)
def align_for(text: str) -> Qt.AlignmentFlag:
    """A cell of document text is aligned by its own direction, whatever the window's (Arabic to the right even
    in an English window)."""
    side = Qt.AlignmentFlag.AlignRight if direction_of(text) == "rtl" else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def isolate(text: str) -> str:
    """Text from the document in a cell: first-strong isolated, so an Arabic title keeps its own order in an
    English window and a Latin name in an Arabic one (the cell's own direction, not the window's)."""
    return "\u2068" + text + "\u2069"


class _Links:
    """Outgoing and incoming relations of one layer by span id, built once per change (O(relations)), so that
    cells can be read in O(1) even for a document with thousands of annotations."""

    def __init__(self, layer: Layer) -> None:
        self.out: dict[str, list[Relation]] = {}
        self.into: dict[str, list[Relation]] = {}
        for rel in layer.relations.values():
            self.out.setdefault(rel.head, []).append(rel)
            self.into.setdefault(rel.tail, []).append(rel)
        self.spans = layer.spans

    def first(self, span_id: str, *types: str) -> Span | None:
        found = [self.spans[r.tail] for r in self.out.get(span_id, ()) if r.type in types and r.tail in self.spans]
        return min(found, key=lambda s: (s.start, s.end)) if found else None

    def heads(self, span_id: str, rtype: str) -> list[Span]:
        return sorted((self.spans[r.head] for r in self.into.get(span_id, ()) if r.type == rtype and
                       r.head in self.spans),
                      key=lambda s: (s.start, s.end))


class SpanTableModel(HeaderedTableModel):
    """Rows: spans with one of ``labels`` in the shown layers (the annotator's own, plus other shown layers when
    ``overlays``), in text order."""

    labels: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()

    def __init__(self, session: Session, *, overlays: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.overlays = overlays
        self._rows: list[tuple] = []  # (start, -end, annotator, span id)
        # Its own copy of the row spans: while a row is being removed, views may still ask about its span.
        self._spans: dict[tuple[str, str], Span] = {}
        self._links: dict[str, _Links] = {}
        self._filled: set[str] = set()  # shown layers drawn filled besides mine (gold in review): not greyed
        self._seen = 0  # the last change event the rows reflect
        self.changing = False  # True while rows are inserted or removed
        # Suggestion span id -> the annotator's span of the same label it duplicates or overlaps (kept by the
        # suggestions UI), so a suggestion one already has is shown as such.
        self.existing: dict[str, str] = {}
        session.document_opened.connect(self.reset_rows)
        # Sidebars follow on the next event-loop turn: the key press -> highlight frame stays short.
        session.changed.connect(self.on_changed, Qt.ConnectionType.QueuedConnection)
        self.reset_rows()

    # --- rows ------------------------------------------------------------------------------------------------------

    def _layers(self) -> dict[str, Layer]:
        layers = {}
        self._filled = set()
        for layer, style in self.session.layers():
            if layer.annotator == self.session.annotator or (self.overlays and style.listed):
                layers[layer.annotator] = layer
                if style.filled:
                    self._filled.add(layer.annotator)
        return layers

    @staticmethod
    def _key(annotator: str, span: Span) -> tuple:
        return (span.start, -span.end, annotator, span.id)

    def reset_rows(self, *_args) -> None:
        self.beginResetModel()
        self._spans = {(who, s.id): s for who, layer in self._layers().items()
                       for s in layer.spans.values() if s.label in self.labels}
        self._rows = sorted(self._key(who, s) for (who, _id), s in self._spans.items())
        self._links.clear()
        self._seen = self.session.events_emitted
        self.endResetModel()

    def on_changed(self, event: ChangeEvent) -> None:
        if event.seq <= self._seen:
            return  # queued before the rows were last read in full: already reflected
        self._seen = event.seq
        layers = self._layers()
        self._links.clear()
        open_id = self.session.document.id if self.session.document else None
        for leaf in event.leaves:
            who = leaf.annotator
            if who not in layers or leaf.doc_id != open_id:
                continue  # queued from before another document was opened (that reset the rows)
            if isinstance(leaf, AddSpan) and leaf.span.label in self.labels:
                self._insert(who, leaf.span)
            elif isinstance(leaf, RemoveSpan) and leaf.span.label in self.labels:
                self._remove(who, leaf.span)
            elif isinstance(leaf, UpdateSpan):
                before, after = self._key(who, leaf.before), self._key(who, leaf.after)
                was, now = leaf.before.label in self.labels, leaf.after.label in self.labels
                if was and (not now or before != after):
                    self._remove(who, leaf.before)
                if now and (not was or before != after):
                    self._insert(who, leaf.after)
                elif now:
                    self._spans[(who, leaf.after.id)] = leaf.after
        self._refresh_rows(event, open_id)

    def _refresh_rows(self, event: ChangeEvent, open_id: str | None) -> None:
        """dataChanged for the rows whose cells may show something else now: the spans touched, and the spans
        linked to them either way (a quote whose speaker was re-pointed, a date whose quote was resized)."""
        if not self._rows:
            return
        if event.entities_changed:  # a speaker renamed or merged may show in any row
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
            return
        touched: set[str] = set()
        for leaf in event.leaves:
            if leaf.doc_id != open_id:
                continue
            for name in ("span", "before", "after"):
                span = getattr(leaf, name, None)
                if isinstance(span, Span):
                    touched.add(span.id)
            rel = getattr(leaf, "relation", None)
            if rel is not None:
                touched.update((rel.head, rel.tail))
            for rel in getattr(leaf, "relations", ()):
                touched.update((rel.head, rel.tail))
        if not touched:
            return
        linked = set(touched)
        for who in {key[2] for key in self._rows}:
            links = self.links(who)
            for span_id in touched:
                linked.update(r.head for r in links.into.get(span_id, ()))
                linked.update(r.tail for r in links.out.get(span_id, ()))
        last = self.columnCount() - 1
        for row, key in enumerate(self._rows):
            if key[3] in linked:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _insert(self, who: str, span: Span) -> None:
        key = self._key(who, span)
        row = bisect_left(self._rows, key)
        if row < len(self._rows) and self._rows[row] == key:
            return
        self.changing = True  # views' current row moves with the rows: not a choice of the person
        try:
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, key)
            self._spans[(who, span.id)] = span
            self.endInsertRows()
        finally:
            self.changing = False

    def _remove(self, who: str, span: Span) -> None:
        key = self._key(who, span)
        row = bisect_left(self._rows, key)
        if row >= len(self._rows) or self._rows[row] != key:
            return
        self.changing = True
        try:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        finally:
            self.changing = False
        del self._spans[(who, span.id)]

    def row_of(self, annotator: str, span_id: str) -> int:
        for row, key in enumerate(self._rows):
            if key[2] == annotator and key[3] == span_id:
                return row
        return -1

    def key_at(self, row: int) -> tuple[str, str]:
        key = self._rows[row]
        return key[2], key[3]

    def span_at(self, row: int) -> Span:
        return self._spans[self.key_at(row)]

    def links(self, annotator: str) -> _Links:
        if annotator not in self._links:
            self._links[annotator] = _Links(self.session.workspace.layer(self.session.document.id, annotator))
        return self._links[annotator]

    # --- Qt -------------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role not in _ROLES:
            return None
        who, span_id = self.key_at(index.row())
        span = self.span_at(index.row())
        if role == KeyRole:
            return (who, span_id)
        if role == SpanRole:
            return span
        if role == Qt.ItemDataRole.TextAlignmentRole:
            shown = self.cell(who, span, index.column(), Qt.ItemDataRole.DisplayRole)
            return align_for(str(shown)) if shown else None
        if who != self.session.annotator and who not in self._filled:  # pale layers (suggestions) in grey
            if role == Qt.ItemDataRole.FontRole:
                # Grey italics, except for right-to-left text: Arabic has no italics, and an oblique font without
                # Arabic letters draws boxes instead of the words.
                shown = self.cell(who, span, index.column(), Qt.ItemDataRole.DisplayRole)
                if shown and direction_of(str(shown)) == "rtl":
                    return None
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#777777"))
            if role == Qt.ItemDataRole.BackgroundRole:
                color = self.cell(who, span, index.column(), role)
                return QBrush(QColor(paler(color.color().name(), 0.55))) if color is not None else None
            if role == Qt.ItemDataRole.ToolTipRole:
                # Whose it is, and for a suggestion the rule that suggested it.
                rule = span.provenance.get("rule") if who == SUGGESTIONS else None
                note = self.tr("Suggested (rule %1): Enter accepts it, Del rejects it").replace("%1", str(rule)) \
                    if rule else who
                base = self.cell(who, span, index.column(), role)
                return f"{base}\n{note}" if base else note
        return self.cell(who, span, index.column(), role)

    def cell(self, annotator: str, span: Span, column: int, role: int):
        raise NotImplementedError


class QuotesModel(SpanTableModel):
    """Quotes and claims as records: kind and type, text, speaker (flagged when missing), cue, date. The current
    record (the one new parts link to) is marked ▶ and bold; a suggestion the annotator already has, or that
    overlaps one of theirs, says so."""

    labels = edits.RECORD_LABELS
    KIND, TEXT, SPEAKER, CUE, DATE = range(5)
    CURRENT = "▶ "

    def __init__(self, session: Session, *, overlays: bool = True, parent=None) -> None:
        self.headers = (self.tr("Kind"), self.tr("Quote"), self.tr("Speaker"), self.tr("Cue"), self.tr("Date"))
        self._claimants: dict[str, dict] = {}  # annotator -> claim id -> Claimant, cleared with the links
        super().__init__(session, overlays=overlays, parent=parent)
        self._record: str | None = None
        # Like every sidebar update: one event-loop turn after the key's frame.
        session.record_changed.connect(self._record_changed, Qt.ConnectionType.QueuedConnection)

    def _record_changed(self, span_id: str | None) -> None:
        rows = [self.row_of(self.session.annotator, r) for r in (self._record, span_id) if r]
        self._record = span_id
        for row in rows:
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.FontRole and index.isValid() and 0 <= index.row() < len(self._rows):
            who, span_id = self.key_at(index.row())
            if who == self.session.annotator and span_id == self.session.record:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)

    def links(self, annotator: str):
        if annotator not in self._links:
            self._claimants.pop(annotator, None)
        return super().links(annotator)

    def cell(self, annotator: str, span: Span, column: int, role: int):
        links = self.links(annotator)
        display = role == Qt.ItemDataRole.DisplayRole
        if column == self.KIND:
            if display:
                kind = label_name(span.label)
                kind = f"{kind} · {type_name(span.attrs.get('type'))}" if span.attrs.get("type") else kind
                if span.label == "CLAIM" and (span.attrs.get("verdict") or span.attrs.get("checkworthy")):
                    kind = f"{kind} · " + (verdict_name(span.attrs.get("verdict")) or
                                           checkworthy_name(span.attrs.get("checkworthy")))
                if annotator == SUGGESTIONS:
                    mine = self.session.layer.spans.get(self.existing.get(span.id, ""))
                    if mine is not None and (mine.start, mine.end) == (span.start, span.end):
                        return self.tr("%1 (suggested; you have it)").replace("%1", kind)
                    if mine is not None:
                        return self.tr("%1 (suggested; overlaps yours)").replace("%1", kind)
                    return self.tr("%1 (suggested)").replace("%1", kind)
                if annotator == self.session.annotator and span.id == self.session.record:
                    # pointing into the row, whichever way it reads
                    return ("◀ " if QApplication.isRightToLeft() else self.CURRENT) + kind
                return kind
            if role == Qt.ItemDataRole.BackgroundRole:
                label = self.session.schema.label(span.label)
                return QBrush(QColor(label.color)) if label else None
        elif column == self.TEXT:
            if display:
                return isolate(short(span.text))
            if role == Qt.ItemDataRole.ToolTipRole:
                return visible(span.text, 600) + f"\n{span.start}–{span.end}"
        elif column == self.SPEAKER:
            speaker = links.first(span.id, "SAID_BY", "CLAIMED_BY")
            if speaker is None and span.label == "CLAIM":
                return self._claimant_cell(annotator, span, role)
            if display:
                if speaker is None:
                    return self.tr("⚠ no speaker")
                entity = self.session.entities.get(speaker.entity or "")
                return isolate(entity.name if entity else short(speaker.text, 40))
            if role == Qt.ItemDataRole.ForegroundRole and speaker is None:
                return QBrush(QColor("#c00000"))
            if role == Qt.ItemDataRole.ToolTipRole and speaker is not None:
                return visible(speaker.text)
        elif column == self.CUE:
            cue = links.first(span.id, "CUE")
            if display:
                return isolate(short(cue.text, 30)) if cue else ""
        elif column == self.DATE:
            date = links.first(span.id, "DATED")
            if display and date:
                value = date.attrs.get("value")
                return isolate(short(date.text, 30)) + (f" = {value}" if value else "")
        return None


    def _claimant_cell(self, annotator: str, span: Span, role: int):
        """A claim without a speaker of its own: its quote's speaker, or the article itself (not a warning)."""
        cache = self._claimants.get(annotator)
        if cache is None:
            from ..core.claims.claimant import claimants

            cache = self._claimants[annotator] = claimants(self.session.workspace.layer(self.session.document.id,
                                                                                       annotator))
        found = cache.get(span.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if found is None:
                return self.tr("(the article)")
            entity = self.session.entities.get(found.speaker.entity or "")
            return isolate(entity.name if entity else short(found.speaker.text, 40)) + " ↑"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#777777"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("from the quote around this claim") if found else self.tr("no one else makes this claim")
        return None


class DatesModel(SpanTableModel):
    """Date mentions: text, normalised value (editable, TIMEX3 / ISO-8601) and the records they date."""

    labels = ("DATE",)
    TEXT, VALUE, DATES = range(3)

    def __init__(self, session: Session, *, overlays: bool = True, parent=None) -> None:
        self.headers = (self.tr("Date"), self.tr("Value"), self.tr("Quotes dated"))
        super().__init__(session, overlays=overlays, parent=parent)

    def cell(self, annotator: str, span: Span, column: int, role: int):
        if column == self.TEXT and role == Qt.ItemDataRole.DisplayRole:
            return isolate(short(span.text, 40))
        if column == self.VALUE:
            value = span.attrs.get("value") or ""
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return value if value or role == Qt.ItemDataRole.EditRole else self.tr("(no value)")
            if role == Qt.ItemDataRole.ForegroundRole and not value:
                return QBrush(QColor("#c00000"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("ISO-8601 / TIMEX3: %1 (XXXX: the year is unknown)").replace("%1", date_examples())
        if column == self.DATES and role == Qt.ItemDataRole.DisplayRole:
            heads = self.links(annotator).heads(span.id, "DATED")
            return "; ".join(isolate(short(h.text, 30)) for h in heads)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.VALUE and \
                self.key_at(index.row())[0] == self.session.annotator:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.VALUE or role != Qt.ItemDataRole.EditRole:
            return False
        value = str(value or "").strip()
        if value and not TIMEX_VALUE.match(value):
            self.session.failed.emit(not_a_date(value))
            return False
        who, span_id = self.key_at(index.row())
        return self.session.apply(edits.set_attr(self.session.layer, span_id, "value", value or None))
