"""Sidebars that filter and group (#13 part 4).

- :class:`QuoteFilter`: the Quotes sidebar's rows narrowed by kind (a quote type, or claims), origin (made by hand,
  accepted from the suggestions, suggestions still pending), "without speaker" and "needs discussion" (the record
  or one of its parts carries the ``discuss`` flag), any combination; and grouped by speaker: rows sorted into one
  section per speaker (no speaker first: that is work to do; then by name; a claim nobody else makes under "the
  article"), the section's first row naming the speaker in bold with the number of its records and a line drawn
  above it. Rows stay records, so a click, the arrow keys and the current record work as without grouping.
- :class:`QuoteFilterBar`: the controls above the list, the count ("12 of 40"), remembered in the settings.
- :class:`SpeakerScope` + :class:`SpeakerFilterBar`: the Speakers sidebar shown by where speakers are mentioned
  (this document, the project, nowhere) and sorted by name or by mentions (most first), with the count.

Thin adapters: nothing here edits; every criterion reads the rows' spans and the layer's relations.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QStyledItemDelegate, QToolButton,
                               QVBoxLayout, QWidget)

from ..core.model import SUGGESTIONS, Origin
from ..core.schema import QUOTE_TYPES
from .models import SpeakerFilter, SpeakersModel
from .names import type_name
from .span_models import QuotesModel, isolate, short

GroupStartRole = Qt.ItemDataRole.UserRole + 20  # True on the first row of a speaker's section
FLAG = "⚑"

KINDS = ("", "quote", *QUOTE_TYPES, "claim")  # "" = every kind
ORIGINS = ("", "manual", "accepted", "pending")  # "" = every origin


@dataclass(frozen=True)
class QuoteCriteria:
    """What the Quotes sidebar shows. The default shows every record in text order."""

    kind: str = ""
    origin: str = ""
    no_speaker: bool = False
    discuss: bool = False
    group: bool = False

    @property
    def filtering(self) -> bool:
        return bool(self.kind or self.origin or self.no_speaker or self.discuss)


def discussed(model: QuotesModel, who: str, span) -> bool:
    """The record needs discussion: its own flag, or the flag of a speaker, cue or date linked to it."""
    if span.attrs.get("discuss") is True:
        return True
    links = model.links(who)
    return any(links.spans[r.tail].attrs.get("discuss") is True
               for r in links.out.get(span.id, ()) if r.tail in links.spans)


class QuoteFilter(QSortFilterProxyModel):
    """The Quotes model's rows that meet :class:`QuoteCriteria`, in text order or grouped by speaker."""

    criteria_changed = Signal()

    def __init__(self, model: QuotesModel, parent=None) -> None:
        super().__init__(parent)
        self.criteria = QuoteCriteria()
        self._groups: dict[int, tuple[int, str, str]] = {}  # source row -> (rank, folded name, shown name)
        self._claimants: dict[str, dict] = {}
        self._sizes: dict[tuple[int, str], int] | None = None
        # Connected before the proxy's own handlers (slots run in the order they were connected): a row is
        # re-sorted into its section with its new speaker, not the one cached before the change.
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged,
                       model.layoutChanged):
            signal.connect(self._forget)
        self.setSourceModel(model)
        self.setDynamicSortFilter(True)
        self.rowsInserted.connect(self._forget_sizes)
        self.rowsRemoved.connect(self._forget_sizes)
        self.modelReset.connect(self._forget_sizes)
        self.layoutChanged.connect(self._forget_sizes)

    @property
    def model(self) -> QuotesModel:
        return self.sourceModel()

    def _forget(self, *_args) -> None:
        self._groups.clear()
        self._claimants.clear()
        self._sizes = None

    def _forget_sizes(self, *_args) -> None:
        self._sizes = None

    def set_criteria(self, criteria: QuoteCriteria) -> None:
        if criteria == self.criteria:
            return
        regroup = criteria.group != self.criteria.group
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self._sizes = None
        if regroup:
            self.sort(0 if criteria.group else -1)
        self.criteria_changed.emit()

    # --- criteria -------------------------------------------------------------------------------------------------

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        c = self.criteria
        if not c.filtering:
            return True
        model = self.model
        who, _id = model.key_at(row)
        span = model.span_at(row)
        if c.kind == "claim" and span.label != "CLAIM":
            return False
        if c.kind == "quote" and span.label != "QUOTE":
            return False
        if c.kind in QUOTE_TYPES and (span.label != "QUOTE" or span.attrs.get("type") != c.kind):
            return False
        if c.origin == "pending" and who != SUGGESTIONS:
            return False
        if c.origin == "manual" and (who == SUGGESTIONS or span.origin != Origin.MANUAL.value):
            return False
        if c.origin == "accepted" and (who == SUGGESTIONS or span.origin == Origin.MANUAL.value):
            return False
        if c.no_speaker and (span.label != "QUOTE" or model.links(who).first(span.id, "SAID_BY") is not None):
            return False
        if c.discuss and not discussed(model, who, span):
            return False
        return True

    # --- grouping -------------------------------------------------------------------------------------------------

    def group_of(self, source_row: int) -> tuple[int, str, str]:
        """(rank, sort key, name) of a row's speaker section: 0 no speaker, 1 a speaker, 2 the article."""
        found = self._groups.get(source_row)
        if found is None:
            found = self._groups[source_row] = self._group(source_row)
        return found

    def _group(self, row: int) -> tuple[int, str, str]:
        model = self.model
        who, _id = model.key_at(row)
        span = model.span_at(row)
        speaker = model.links(who).first(span.id, "SAID_BY", "CLAIMED_BY")
        if speaker is None and span.label == "CLAIM":
            cache = self._claimants.get(who)
            if cache is None:
                from ..core.claims.claimant import claimants

                cache = self._claimants[who] = claimants(model.session.workspace.layer(
                    model.session.document.id, who))
            found = cache.get(span.id)
            speaker = found.speaker if found is not None else None
            if speaker is None:
                return (2, "", self.tr("(the article)"))
        if speaker is None:
            return (0, "", self.tr("⚠ no speaker"))
        entity = model.session.entities.get(speaker.entity or "")
        name = entity.name if entity else short(speaker.text, 40)
        # A registry speaker is one section whatever its mentions' words; an unlinked mention by its words.
        return (1, (entity.name.casefold() + "\0" + entity.id) if entity else name.casefold(), name)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = self.group_of(left.row()), self.group_of(right.row())
        if a[:2] != b[:2]:
            return a[:2] < b[:2]
        return left.row() < right.row()  # text order within a section

    def _section_sizes(self) -> dict[tuple[int, str], int]:
        if self._sizes is None:
            sizes: dict[tuple[int, str], int] = {}
            for row in range(self.rowCount()):
                key = self.group_of(self.mapToSource(self.index(row, 0)).row())[:2]
                sizes[key] = sizes.get(key, 0) + 1
            self._sizes = sizes
        return self._sizes

    def starts_section(self, row: int) -> bool:
        if not self.criteria.group or row <= 0:
            return self.criteria.group and row == 0
        here = self.group_of(self.mapToSource(self.index(row, 0)).row())[:2]
        return here != self.group_of(self.mapToSource(self.index(row - 1, 0)).row())[:2]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == GroupStartRole:
            return self.starts_section(index.row())
        column = index.column()
        if column == QuotesModel.KIND and role == Qt.ItemDataRole.DisplayRole:
            shown = super().data(index, role)
            source = self.mapToSource(index).row()
            who, _id = self.model.key_at(source)
            return f"{FLAG} {shown}" if discussed(self.model, who, self.model.span_at(source)) else shown
        if self.criteria.group and column == QuotesModel.SPEAKER:
            first = self.starts_section(index.row())
            if role == Qt.ItemDataRole.DisplayRole and first:
                rank, key, name = self.group_of(self.mapToSource(index).row())
                count = self._section_sizes().get((rank, key), 0)
                shown = isolate(name) if rank == 1 else name
                return f"{shown} ({count})"
            if role == Qt.ItemDataRole.FontRole and first:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and not first:
                return QColor("#999999")  # the section's name said once, in its first row
        return super().data(index, role)

    # --- rows -----------------------------------------------------------------------------------------------------

    def view_row(self, source_row: int) -> int:
        """The row a source row is shown at, or -1 when the filters hide it."""
        if source_row < 0:
            return -1
        return self.mapFromSource(self.model.index(source_row, 0)).row()

    def count_text(self) -> str:
        shown, total = self.rowCount(), self.model.rowCount()
        if self.criteria.filtering:
            return self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
        return self.tr("%1 records").replace("%1", str(total))


class SectionDelegate(QStyledItemDelegate):
    """A line above the first row of each speaker's section (grouped Quotes sidebar)."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if index.data(GroupStartRole) and index.row() > 0:
            painter.save()
            painter.setPen(QPen(QColor("#606060"), 2))
            painter.drawLine(option.rect.left(), option.rect.top() + 1, option.rect.right(), option.rect.top() + 1)
            painter.restore()


def _combo(name: str, items) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, value in items:
        combo.addItem(text, value)
    return combo


class QuoteFilterBar(QWidget):
    """Kind, origin, without speaker, needs discussion, group by speaker; the count; remembered in settings."""

    KEY = "quotes/filter"

    def __init__(self, proxy: QuoteFilter, settings=None, parent=None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.settings = settings
        self.kind = _combo("quotes_kind", [(self.tr("Every kind"), ""), (self.tr("Quotes"), "quote"),
                                          *((type_name(t), t) for t in QUOTE_TYPES), (self.tr("Claims"), "claim")])
        self.kind.setToolTip(self.tr("Show one kind of record: quotes of one type, or claims"))
        self.origin = _combo("quotes_origin", [(self.tr("Any origin"), ""), (self.tr("Made by hand"), "manual"),
                                              (self.tr("Accepted suggestions"), "accepted"),
                                              (self.tr("Pending suggestions"), "pending")])
        self.origin.setToolTip(self.tr("Show records by how they came to be"))
        self.no_speaker = QCheckBox(self.tr("Without speaker"))
        self.no_speaker.setObjectName("quotes_no_speaker")
        self.no_speaker.setToolTip(self.tr("Quotes that have no speaker yet"))
        self.discuss = QCheckBox(self.tr("Needs discussion"))
        self.discuss.setObjectName("quotes_discuss")
        self.discuss.setToolTip(self.tr("Records flagged as needing discussion (Ctrl+Shift+M), or one of their parts"))
        self.group = QCheckBox(self.tr("Group by speaker"))
        self.group.setObjectName("quotes_group")
        self.group.setToolTip(self.tr("One section per speaker, records without a speaker first"))
        self.count = QLabel()
        self.count.setObjectName("quotes_count")
        self.clear = QToolButton()
        self.clear.setObjectName("quotes_clear_filters")
        self.clear.setText("✕")
        self.clear.setToolTip(self.tr("Show every record"))
        self.clear.setAutoRaise(True)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.kind)
        top.addWidget(self.origin)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.clear)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        for box in (self.no_speaker, self.discuss, self.group):
            bottom.addWidget(box)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self._restore()
        for combo in (self.kind, self.origin):
            combo.currentIndexChanged.connect(lambda _i: self._apply())
        for box in (self.no_speaker, self.discuss, self.group):
            box.toggled.connect(lambda _on: self._apply())
        self.clear.clicked.connect(self.reset)
        follow_rows(proxy, self._count)
        proxy.criteria_changed.connect(self._count)
        self._apply()

    def criteria(self) -> QuoteCriteria:
        return QuoteCriteria(self.kind.currentData() or "", self.origin.currentData() or "",
                             self.no_speaker.isChecked(), self.discuss.isChecked(), self.group.isChecked())

    def set_criteria(self, criteria: QuoteCriteria) -> None:
        for combo, value in ((self.kind, criteria.kind), (self.origin, criteria.origin)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        for box, on in ((self.no_speaker, criteria.no_speaker), (self.discuss, criteria.discuss),
                        (self.group, criteria.group)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self._apply()

    def reset(self) -> None:
        """Every record shown (grouping kept: it hides nothing)."""
        self.set_criteria(replace(QuoteCriteria(), group=self.group.isChecked()))

    def _restore(self) -> None:
        if self.settings is None:
            return
        value = self.settings.value(self.KEY)
        parts = str(value).split(",") if value else []
        fields = dict(p.split("=", 1) for p in parts if "=" in p)
        self.kind.setCurrentIndex(max(0, self.kind.findData(fields.get("kind", "") if fields.get("kind") in KINDS
                                                            else "")))
        self.origin.setCurrentIndex(max(0, self.origin.findData(fields.get("origin", "")
                                                                if fields.get("origin") in ORIGINS else "")))
        for box, name in ((self.no_speaker, "no_speaker"), (self.discuss, "discuss"), (self.group, "group")):
            box.setChecked(fields.get(name) == "1")

    def _apply(self) -> None:
        criteria = self.criteria()
        self.proxy.set_criteria(criteria)
        self.clear.setVisible(criteria.filtering)
        if self.settings is not None:
            self.settings.setValue(self.KEY, ",".join(
                [f"kind={criteria.kind}", f"origin={criteria.origin}", f"no_speaker={int(criteria.no_speaker)}",
                 f"discuss={int(criteria.discuss)}", f"group={int(criteria.group)}"]))
        self._count()

    def _count(self, *_args) -> None:
        self.count.setText(self.proxy.count_text())
        self.count.setStyleSheet("font-weight: bold" if self.proxy.criteria.filtering else "")


def follow_rows(proxy, slot) -> None:
    """Call ``slot`` whenever the rows shown or their total change. A proxy announces a removed row before its
    source has dropped it (the source's total is still the old one then), so the source's own signals count too."""
    source = proxy.sourceModel()
    for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged,
                   source.rowsInserted, source.rowsRemoved, source.modelReset):
        signal.connect(slot)


# --- the Speakers sidebar ------------------------------------------------------------------------------------------

SCOPES = ("", "here", "project", "nowhere")
SORTS = ((SpeakersModel.NAME, Qt.SortOrder.AscendingOrder), (SpeakersModel.HERE, Qt.SortOrder.DescendingOrder),
         (SpeakersModel.MENTIONS, Qt.SortOrder.DescendingOrder), (SpeakersModel.ALL, Qt.SortOrder.DescendingOrder))


class SpeakerScope(SpeakerFilter):
    """The speaker registry filtered by name (as before) and by where speakers are mentioned: in this document
    (the annotator's layer), in the project (any annotator's layer, not the suggestions), or nowhere."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.scope = ""

    def set_scope(self, scope: str) -> None:
        self.beginFilterChange()
        self.scope = scope if scope in SCOPES else ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refilter(self) -> None:
        """Counts moved (an edit, another document): rows come and go, none is re-sorted under the cursor."""
        if self.scope:
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not super().filterAcceptsRow(row, parent):
            return False
        if not self.scope:
            return True
        model: SpeakersModel = self.sourceModel()
        entity = model.entity(row).id
        if self.scope == "here":
            return model._here_counts().get(entity, 0) > 0
        everywhere = model.session.mention_counts().get(entity, 0)
        return everywhere > 0 if self.scope == "project" else everywhere == 0


class SpeakerFilterBar(QWidget):
    """Where the shown speakers are mentioned, what they are sorted by, how many are shown."""

    KEY = "speakers/view"

    def __init__(self, proxy: SpeakerScope, table, session, settings=None, parent=None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.table = table
        self.settings = settings
        self.scope = _combo("speakers_scope", [(self.tr("All speakers"), ""),
                                              (self.tr("Mentioned in this document"), "here"),
                                              (self.tr("Mentioned in the project"), "project"),
                                              (self.tr("Not mentioned anywhere"), "nowhere")])
        self.scope.setToolTip(self.tr("Show speakers by where they are mentioned (the project: any annotator's "
                                      "layer, not the suggestions)"))
        self.sort = _combo("speakers_sort", [(self.tr("By name"), 0), (self.tr("Most mentioned here"), 1),
                                            (self.tr("Most mentioned by you"), 2),
                                            (self.tr("Most mentioned, all layers"), 3)])
        self.sort.setToolTip(self.tr("Sort the speakers (or click a column's header)"))
        self.count = QLabel()
        self.count.setObjectName("speakers_count")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope)
        layout.addWidget(self.sort)
        layout.addStretch(1)
        layout.addWidget(self.count)
        if settings is not None:
            fields = dict(p.split("=", 1) for p in str(settings.value(self.KEY) or "").split(",") if "=" in p)
            self.scope.setCurrentIndex(max(0, self.scope.findData(fields.get("scope", ""))))
            sort = fields.get("sort", "0")
            self.sort.setCurrentIndex(int(sort) if sort.isdigit() and int(sort) < len(SORTS) else 0)
        self.scope.currentIndexChanged.connect(lambda _i: self._apply())
        self.sort.currentIndexChanged.connect(lambda _i: self._sort())
        table.horizontalHeader().sortIndicatorChanged.connect(self._header_sorted)
        follow_rows(proxy, self._count)
        # Counts follow edits and the open document: rows enter or leave the scope (after the model took them).
        session.changed.connect(lambda _e: proxy.refilter(), Qt.ConnectionType.QueuedConnection)
        session.document_opened.connect(lambda _d: proxy.refilter(), Qt.ConnectionType.QueuedConnection)
        self._apply()
        self._sort()

    def _apply(self) -> None:
        self.proxy.set_scope(self.scope.currentData() or "")
        self._save()
        self._count()

    def _sort(self) -> None:
        column, order = SORTS[self.sort.currentIndex()]
        self.table.sortByColumn(column, order)
        self._save()

    def _header_sorted(self, column: int, order) -> None:
        """A click on a column's header: the sort choice says so when it is one of its own."""
        if (column, order) in SORTS:
            self.sort.blockSignals(True)
            self.sort.setCurrentIndex(SORTS.index((column, order)))
            self.sort.blockSignals(False)
            self._save()

    def _save(self) -> None:
        if self.settings is not None:
            self.settings.setValue(self.KEY, f"scope={self.scope.currentData() or ''},sort={self.sort.currentIndex()}")

    def _count(self, *_args) -> None:
        shown, total = self.proxy.rowCount(), self.proxy.sourceModel().rowCount()
        self.count.setText(self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(total))
                           if shown != total or self.proxy.scope else
                           self.tr("%1 speakers").replace("%1", str(total)))
