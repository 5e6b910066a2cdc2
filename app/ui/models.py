"""Item models for the document list and the speaker registry (thin adapters over the session).

- :class:`DocumentsModel`: one row per document (title, my status, my annotation count, others' statuses);
  :class:`DocumentFilter` filters it by title / id and by full-text search hits.
- :class:`SpeakersModel`: the project-wide registry (name and aliases editable, mentions in the project and in this
  document); :class:`SpeakerFilter` filters by any alias and sorts by name.

Applied changes become dataChanged / insert / remove rows; edits typed in cells go through the session.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.changes import AddEntity, RemoveEntity, UpdateEntity
from ..core.model import GOLD, Entity, Status
from . import edits
from .names import status_name
from .session import ChangeEvent, Session
from .table_model import HeaderedTableModel
from .span_models import align_for, isolate

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 3
# The roles these models answer; views ask for a dozen per cell and every other answer is None.
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
                    IdRole, SortRole})

_STATUS_COLORS = {"todo": "#888888", "in_progress": "#b36b00", "done": "#1a7f37"}


class DocumentsModel(HeaderedTableModel):
    TITLE, STATUS, COUNT, REVIEW = range(4)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        # Review: the gold layer's status (blank where nobody has started adjudicating the document).
        self.headers = (self.tr("Document"), "✓", "#", self.tr("Review"))
        self._rows = []
        self._row_of: dict[str, int] = {}
        self.first: frozenset[str] = frozenset()  # listed first, in bold: the documents assigned to this annotator
        session.changed.connect(self.on_changed, Qt.ConnectionType.QueuedConnection)
        self.refresh()

    def refresh(self) -> None:
        """Read every row again (after an import)."""
        self.beginResetModel()
        self._rows = self.session.store.summaries()
        if self.first:
            self._rows.sort(key=lambda s: s.id not in self.first)  # stable: import order within each part
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}
        self.endResetModel()

    def update(self) -> None:
        """Read every row again in place (another process changed the project): rows that changed are redrawn,
        new documents are added at the end, so the list keeps its selection and scroll position."""
        rows = self.session.store.summaries()
        old = [s.id for s in self._rows]
        if [s.id for s in rows[:len(old)]] != old:  # not just added to: read again in full
            self.beginResetModel()
            self._rows, self._row_of = rows, {s.id: i for i, s in enumerate(rows)}
            self.endResetModel()
            return
        for row, (was, now) in enumerate(zip(self._rows, rows)):
            if was != now:
                self._rows[row] = now
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        if len(rows) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
            self._rows.extend(rows[len(old):])
            self._row_of.update({s.id: i for i, s in enumerate(rows) if i >= len(old)})
            self.endInsertRows()

    def on_changed(self, event: ChangeEvent) -> None:
        doc = self.session.document
        if doc is None or doc.id not in event.doc_ids or doc.id not in self._row_of:
            return
        row = self._row_of[doc.id]
        summary = self._rows[row]
        status, counts = dict(summary.status), dict(summary.counts)
        shown = {layer.annotator: layer for layer, _style in self.session.layers()}
        # Mine and any other shown layer the change touched (gold, when the reviewer decides).
        for who in {self.session.annotator} | {l.annotator for l in event.leaves if l.doc_id == doc.id}:
            layer = shown.get(who)
            if layer is not None:
                status[who], counts[who] = layer.status, len(layer.spans)
        self._rows[row] = replace(summary, status=status, counts=counts)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def doc_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, doc_id: str) -> int:
        return self._row_of.get(doc_id, -1)

    def ids(self) -> list[str]:
        return [s.id for s in self._rows]

    def progress(self) -> dict[str, int]:
        """How many documents the annotator has in each status (documents never opened count as to do)."""
        me = self.session.annotator
        out = {s.value: 0 for s in Status}
        for summary in self._rows:
            out[summary.status.get(me, Status.TODO.value)] += 1
        return out

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        me = self.session.annotator
        column = index.column()
        if role == IdRole:
            return summary.id
        status = summary.status.get(me, Status.TODO.value)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return isolate(summary.title or summary.id)
            if column == self.STATUS:
                return status_name(status)
            if column == self.COUNT:
                return summary.counts.get(me, 0)
            if column == self.REVIEW:
                return status_name(summary.status[GOLD]) if GOLD in summary.status else ""
        if role == SortRole:
            return summary.counts.get(me, 0) if column == self.COUNT else self.data(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COUNT:
                return self.tr("%1 annotations").replace("%1", str(summary.counts.get(me, 0)))
            if column == self.TITLE:
                return f"{summary.title or summary.id}\n{summary.id} · {summary.chars:,} · {summary.direction}"
            if column == self.STATUS:
                return status_name(status)
            if column == self.REVIEW:
                return self.tr("Review (gold layer): %1").replace(
                    "%1", status_name(summary.status.get(GOLD, Status.TODO.value)))
            others = [f"{who}: {status_name(st)}" for who, st in sorted(summary.status.items())
                      if who not in (me, "suggestions")]
            return "\n".join(others) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TITLE:
            return align_for(summary.title or summary.id)
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE and summary.id in self.first:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(_STATUS_COLORS.get(status, "#000000")))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REVIEW and GOLD in summary.status:
            return QBrush(QColor(_STATUS_COLORS.get(summary.status[GOLD], "#000000")))
        return None


class DocumentFilter(QSortFilterProxyModel):
    """Documents whose title or id contains the query, or (full-text search) whose text does."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._query = ""
        self._hits: set[str] | None = None

    def set_query(self, query: str, text_hits: set[str] | None = None) -> None:
        self.beginFilterChange()
        self._query = query.strip().casefold()
        self._hits = text_hits
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query:
            return True
        model = self.sourceModel()
        summary = model._rows[row]
        if self._query in (summary.title or "").casefold() or self._query in summary.id.casefold():
            return True
        return self._hits is not None and summary.id in self._hits


class SpeakersModel(HeaderedTableModel):
    """The speaker registry. Rows in registry order; :class:`SpeakerFilter` sorts and filters.

    Mentions counts the annotator's own layers (the ones shown), All every layer but the suggestions', Here the
    open document (the annotator's layer); the headers say which."""

    NAME, ALIASES, MENTIONS, ALL, HERE = range(5)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.headers = (self.tr("Speaker"), self.tr("Aliases"), self.tr("Mentions (%1)").replace("%1", session.annotator),
                        self.tr("All layers"), self.tr("Here"))
        self.tips = (self.tr("The speaker's canonical name (double-click to rename)"),
                     self.tr("Other names of the speaker (double-click to edit the list)"),
                     self.tr("Mentions in %1's annotations, all documents").replace("%1", session.annotator),
                     self.tr("Mentions in every annotator's layers (not the suggestions), all documents"),
                     self.tr("Mentions in %1's annotations of this document").replace("%1", session.annotator))
        self._ids: list[str] = []
        # Its own copy: while rows are being removed, views may still ask about the entity that just left.
        self._entities: dict[str, Entity] = {}
        self._here: dict[str, int] | None = None
        session.changed.connect(self.on_changed, Qt.ConnectionType.QueuedConnection)
        session.document_opened.connect(self._document_opened)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._entities = dict(self.session.entities)
        self._ids = list(self._entities)
        self._here = None
        self._seen = self.session.events_emitted
        self.endResetModel()

    def _document_opened(self, *_args) -> None:
        if self._entities != self.session.entities:
            self.refresh()
            return
        self._here = None
        self._all_changed()

    def on_changed(self, event: ChangeEvent) -> None:
        self._here = None
        if event.seq <= self._seen:
            self._all_changed()
            return  # queued before the registry was last read in full
        self._seen = event.seq
        for leaf in event.leaves:
            if isinstance(leaf, AddEntity) and leaf.entity.id not in self._ids:
                row = len(self._ids)
                self.beginInsertRows(QModelIndex(), row, row)
                self._ids.append(leaf.entity.id)
                self._entities[leaf.entity.id] = leaf.entity
                self.endInsertRows()
            elif isinstance(leaf, RemoveEntity) and leaf.entity.id in self._ids:
                row = self._ids.index(leaf.entity.id)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                del self._entities[leaf.entity.id]
                self.endRemoveRows()
            elif isinstance(leaf, UpdateEntity) and leaf.after.id in self._ids:
                self._entities[leaf.after.id] = leaf.after
                row = self._ids.index(leaf.after.id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self._all_changed()

    def _all_changed(self) -> None:
        if self._ids:
            # Mention counts move with any speaker mention added, removed or re-pointed.
            self.dataChanged.emit(self.index(0, self.MENTIONS), self.index(len(self._ids) - 1, self.HERE))

    def entity(self, row: int) -> Entity:
        return self._entities[self._ids[row]]

    def row_of(self, entity_id: str) -> int:
        return self._ids.index(entity_id) if entity_id in self._ids else -1

    def _here_counts(self) -> dict[str, int]:
        if self._here is None:
            self._here = {}
            if self.session.document is not None:
                for span in self.session.layer.spans.values():
                    if span.label == "SPEAKER" and span.entity:
                        self._here[span.entity] = self._here.get(span.entity, 0) + 1
        return self._here

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        entity = self.entity(index.row())
        column = index.column()
        if role == IdRole:
            return entity.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SortRole):
            if column == self.NAME:
                return entity.name if role != Qt.ItemDataRole.DisplayRole else isolate(entity.name)
            if column == self.ALIASES:
                return "، ".join(entity.aliases) if role != Qt.ItemDataRole.DisplayRole else \
                    "، ".join(isolate(a) for a in entity.aliases)
            if column == self.MENTIONS:
                return self.session.mention_counts(self.session.annotator).get(entity.id, 0)
            if column == self.ALL:
                return self.session.mention_counts().get(entity.id, 0)
            if column == self.HERE:
                return self._here_counts().get(entity.id, 0)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NAME, self.ALIASES):
            return align_for(entity.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ALIASES and entity.aliases:
                return "\n".join(entity.aliases)
            return f"{entity.name}\n{entity.id}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and \
                0 <= section < len(self.tips):
            return self.tips[section]
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # The name is renamed in place; the aliases are a list, edited in their own dialog (see SpeakersDock).
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        entity = self.entity(index.row())
        if index.column() == self.NAME:
            return self.session.apply(edits.rename_entity(entity, str(value or "")))
        return False


class SpeakerFilter(QSortFilterProxyModel):
    """Speakers any of whose names contains the query; sorted by name (when asked: edits never move rows)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._query = ""
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # Not re-sorted by edits: a renamed speaker (or a count that moved) stays where the person is looking;
        # clicking a column header sorts again.
        self.setDynamicSortFilter(False)

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query:
            return True
        return self.sourceModel().entity(row).matches(self._query)
