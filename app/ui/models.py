"""Item models for the speaker registry (thin adapters over the session; the document list is in
:mod:`.doclist`).

- :class:`SpeakersModel`: the project-wide registry (name and aliases editable, mentions in the project and in this
  document); :class:`SpeakerFilter` filters by any alias and sorts by name.

Applied changes become dataChanged / insert / remove rows; edits typed in cells go through the session.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from ..core.changes import AddEntity, RemoveEntity, UpdateEntity
from ..core.model import Entity
from . import edits
from .session import ChangeEvent, Session
from .doclist import DocumentsModel  # noqa: F401  (re-exported: the document list lives in .doclist)
from .table_model import HeaderedTableModel
from .span_models import align_for, isolate

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 3
# The roles these models answer; views ask for a dozen per cell and every other answer is None.
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.FontRole,
                    IdRole, SortRole})


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
