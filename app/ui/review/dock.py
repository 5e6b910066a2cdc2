"""The Review sidebar: who is compared, the differences, the decision buttons and the review status, around a
:class:`~app.ui.review.mode.ReviewController` (made by :mod:`app.ui.review.menu` when review mode is first turned on).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QHeaderView,
                               QLabel, QTableView, QToolButton, QVBoxLayout, QWidget)

from ...core.model import STATUSES
from ..names import status_name
from .mode import ReviewController
from .models import kind_name, swatch


class DisagreementsFilter(QSortFilterProxyModel):
    """The differences, without what every annotator agrees on while the controller says so."""

    def __init__(self, review: ReviewController, parent=None) -> None:
        super().__init__(parent)
        self.review = review
        self._on = review.disagreements_only
        self.setSourceModel(review.model)

    def sync(self) -> None:
        if self._on != self.review.disagreements_only:
            self.beginFilterChange()
            self._on = self.review.disagreements_only
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not self._on or self.review.model.difference(row).kind != "same"


class ReviewDock(QDockWidget):
    """Who is compared (tick boxes in each annotator's colour), the differences, the decision buttons and the
    review status. Shows the controller's state; every command goes to the controller."""

    def __init__(self, review: ReviewController, actions: dict[str, QAction], parent=None) -> None:
        super().__init__(self.tr("Review"), parent)
        self.setObjectName("review_dock")
        self.review = review
        self.who = QWidget()
        self.who.setObjectName("review_annotators")
        self.who.setToolTip(self.tr("Whose layers are compared (untick to leave someone out)"))
        self.who_row = QHBoxLayout(self.who)
        self.who_row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.disagreements = QCheckBox(self.tr("Disagreements only"))
        self.disagreements.setObjectName("disagreements_only")
        self.disagreements.setToolTip(self.tr("List (and step through with N / P) only what the annotators disagree "
                                              "on; what they all agree on is drawn grey in the article"))
        self.disagreements.setChecked(review.disagreements_only)
        self.proxy = DisagreementsFilter(review, self)
        self.table = QTableView()
        self.table.setObjectName("differences")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.status = QComboBox()
        self.status.setObjectName("review_status")
        for value in STATUSES:
            self.status.addItem(status_name(value), value)
        buttons = QHBoxLayout()
        for key in ("review_all_agreed", "review_accept_all", "review_accept_edited", "review_reject",
                    "review_previous", "review_next"):
            button = QToolButton()
            button.setDefaultAction(actions[key])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Review status:")))
        bottom.addWidget(self.status)
        bottom.addStretch(1)
        for key in ("review_side_by_side", "agreement"):
            button = QToolButton()
            button.setDefaultAction(actions[key])
            bottom.addWidget(button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.who)
        layout.addWidget(self.summary)
        layout.addWidget(self.disagreements)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(bottom)
        self.setWidget(box)
        self._syncing = False
        self._sized_for: tuple = ()
        self._names: tuple = ()
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.clicked.connect(self._clicked)
        self.status.activated.connect(lambda _i: review.set_review_status(self.status.currentData()))
        self.disagreements.toggled.connect(review.set_disagreements_only)
        review.refreshed.connect(self._refreshed)
        review.current_changed.connect(self._follow)
        self._refreshed()

    def _refreshed(self) -> None:
        r = self.review
        self.proxy.sync()
        self.disagreements.setChecked(r.disagreements_only)
        names = tuple((who, who in r.annotators, r.colours.get(who)) for who in
                      (r.annotators + tuple(sorted(r.excluded & set(r.everyone)))))
        if names != self._names:
            self._names = names
            self._boxes(names)
        self._size_columns()
        counts = r.summary()
        if not r.active:
            self.summary.setText(self.tr("Review mode is off (Review ▸ Review mode, Ctrl+R)."))
        elif not r.annotators:
            self.summary.setText(self.tr("Nobody has annotated this document yet: nothing to compare."))
        else:
            kinds = " · ".join(f"{kind_name(k)} {counts[k]}" for k in ("same", "boundary", "label", "attribution",
                                                                        "only") if counts.get(k))
            text = self.tr("%1 differences (%2); gold holds %3.").replace("%1", str(counts["all"])) \
                .replace("%2", kinds or "–").replace("%3", str(counts["decided"]))
            if r.disagreements_only and counts.get("same"):
                text += " " + self.tr("%1 agreed not listed.").replace("%1", str(counts["same"]))
            self.summary.setText(text)
        self.status.setCurrentIndex(max(0, self.status.findData(r.review_status())))
        self.status.setEnabled(r.active and self.review.session.document is not None)

    def _follow(self, row: int) -> None:
        self._syncing = True
        try:
            if row < 0:
                self.table.clearSelection()
                return
            index = self.proxy.mapFromSource(self.review.model.index(row, 0))
            if not index.isValid():  # an agreed row while the list shows disagreements only
                self.table.clearSelection()
                return
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
                                                        QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.review.set_current(self.proxy.mapToSource(current).row())

    def _clicked(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        who = self.review.model.annotator_of(index.column())
        if who is not None and row >= 0 and self.review.model.difference(row).span_of(who) is not None:
            self.review.set_preferred(who)

    def select_source_row(self, row: int) -> None:
        """Select the difference of the model's ``row`` in the list, as a click would."""
        index = self.proxy.mapFromSource(self.review.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())

    def _boxes(self, names) -> None:
        """One tick box per annotator, in their colour, numbered as the keys that accept their version."""
        while self.who_row.count():
            item = self.who_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.boxes = {}
        self.who_row.addWidget(QLabel(self.tr("Compare:")))
        number = 0
        for who, compared, colour in names:
            number += compared
            box = QCheckBox(f"{number} · {who}" if compared else who)
            box.setIcon(QIcon(swatch(colour or "#999999")))
            box.setChecked(compared)
            box.toggled.connect(lambda on, who=who: self.review.set_excluded(who, not on))
            self.boxes[who] = box
            self.who_row.addWidget(box)
        self.who_row.addStretch(1)

    def _size_columns(self) -> None:
        """Widths from the font, set when the columns change (sizing to contents would read every row of a long
        list each time the list is rebuilt)."""
        model, header = self.review.model, self.table.horizontalHeader()
        key = (model.columnCount(), self.table.font().key())
        if key == self._sized_for:
            return
        self._sized_for = key
        width = self.table.fontMetrics().horizontalAdvance
        samples = {model.DIFFERENCE: kind_name("boundary"), model.LABEL: "Speaker / Quote",
                   model.gold_column: "edited (annotator)"}
        for column in range(model.columnCount()):
            if column == model.text_column:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            who = model.annotator_of(column)
            sample = samples.get(column, f"0000–0000 · {'x' * max(8, len(who or ''))}")
            header.resizeSection(column, width(sample) + 24)
