"""The list of differences of the review view, as an item model, and the colours of the annotators.

:class:`DifferencesModel` shows one row per :class:`~app.core.review.diff.Difference` (in text order): its kind, label and
text, one column per compared annotator with that annotator's version (range, type or value; a tooltip with the
speaker, cue and date linked to it), which fields differ, and what gold holds for it. The review view computes the
differences and hands them over with :meth:`DifferencesModel.set_differences`; when only what gold holds changed
(a decision) the rows stay and are repainted, so the selection and scroll position survive every decision.
"""

from __future__ import annotations

from typing import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap

from ...core.review.diff import Difference
from ...core.model import Entity, Layer, Span
from ...core.review.gold import GoldState, gold_states
from .. import edits
from ..names import label_name, type_name, visible
from ..render import paler
from ..span_models import align_for, isolate, short

DiffRole = Qt.ItemDataRole.UserRole + 20  # the Difference of the row
# The roles this model answers; views ask for a dozen per cell and every other answer is None.
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                    DiffRole})

# One colour per annotator, far from each other and readable on white (Tableau 10, the grey last).
ANNOTATOR_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                     "#bcbd22", "#7f7f7f")


def annotator_colours(names: Sequence[str]) -> dict[str, str]:
    """A stable colour per annotator: by position in ``names`` (the project's annotators in name order), so a
    teammate keeps their colour from one document to the next."""
    return {name: ANNOTATOR_COLOURS[i % len(ANNOTATOR_COLOURS)] for i, name in enumerate(names)}


def swatch(colour: str, size: int = 12) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return pixmap


def kind_name(kind: str) -> str:
    names = {
        "same": QCoreApplication.translate("Review", "agreed"),
        "boundary": QCoreApplication.translate("Review", "boundaries differ"),
        "label": QCoreApplication.translate("Review", "label differs"),
        "attribution": QCoreApplication.translate("Review", "attribution differs"),
        "only": QCoreApplication.translate("Review", "not everyone"),
    }
    return names.get(kind, kind)


def field_name(name: str) -> str:
    names = {
        "speaker": QCoreApplication.translate("Review", "speaker"),
        "cue": QCoreApplication.translate("Review", "cue"),
        "date": QCoreApplication.translate("Review", "date"),
        "type": QCoreApplication.translate("Review", "type"),
        "entity": QCoreApplication.translate("Review", "speaker entity"),
        "value": QCoreApplication.translate("Review", "date value"),
    }
    return names.get(name, name)


_KIND_COLOURS = {"same": "#1a7f37", "only": "#8a6d00", "boundary": "#b35900", "attribution": "#b35900",
                 "label": "#c00000"}


def version_text(span: Span, with_label: bool) -> str:
    """An annotator's version in a cell: its range and what sets it apart (label when labels differ, type,
    date value)."""
    extra = [label_name(span.label)] if with_label else []
    if span.attrs.get("type"):
        extra.append(type_name(span.attrs.get("type")))
    if span.attrs.get("value"):
        extra.append(str(span.attrs["value"]))
    # The annotator's note and flag are theirs to say: marked here, read in the tooltip.
    if span.attrs.get("discuss") is True:
        extra.append("⚑")
    elif span.attrs.get("note"):
        extra.append("✎")
    return span_range(span) + ("".join(f" · {e}" for e in extra))


def span_range(span: Span) -> str:
    """``start–end``, isolated left-to-right so that an Arabic interface does not show it as ``end–start``."""
    return f"\u2066{span.start}–{span.end}\u2069"


def version_tooltip(layer: Layer | None, span: Span, entities: Mapping[str, Entity]) -> str:
    """Everything about one annotator's version: label, range, exact text, and for a quote or claim the speaker,
    cue and date linked to it in that annotator's layer."""
    lines = [f"{label_name(span.label)} {span_range(span)}: {visible(span.text, 300)}"]
    if span.attrs.get("type"):
        lines.append(QCoreApplication.translate("Review", "type: %1").replace("%1", type_name(span.attrs["type"])))
    if span.attrs.get("value"):
        lines.append(QCoreApplication.translate("Review", "value: %1").replace("%1", str(span.attrs["value"])))
    if span.attrs.get("note") or span.attrs.get("discuss") is True:
        flag = "⚑ " + QCoreApplication.translate("Review", "needs discussion") if span.attrs.get("discuss") is True \
            else ""
        note = QCoreApplication.translate("Review", "note: %1").replace("%1", visible(str(span.attrs.get("note") or ""),
                                                                                  300))
        lines.append("; ".join(x for x in (flag, note if span.attrs.get("note") else "") if x))
    if span.entity:
        entity = entities.get(span.entity)
        name = entity.name if entity else span.entity
        lines.append(QCoreApplication.translate("Review", "speaker: %1").replace("%1", isolate(name)))
    if layer is not None and span.id in layer.spans and span.label in edits.RECORD_LABELS:
        record = edits.record_of(layer, span.id, entities)
        if record.speaker is not None:
            name = record.entity.name if record.entity else record.speaker.text
            lines.append(QCoreApplication.translate("Review", "speaker: %1").replace("%1", isolate(short(name, 60))))
        if record.cue is not None:
            cue = isolate(short(record.cue.text, 40))
            lines.append(QCoreApplication.translate("Review", "cue: %1").replace("%1", cue))
        if record.date is not None:
            value = record.date.attrs.get("value")
            date = isolate(short(record.date.text, 40)) + (f" = {value}" if value else "")
            lines.append(QCoreApplication.translate("Review", "date: %1").replace("%1", date))
    return "\n".join(lines)


def gold_text(state: GoldState) -> str:
    if not state.decided:
        return "—"
    if state.foreign and not state.sources:
        return QCoreApplication.translate("Review", "in gold")
    who = " + ".join(state.sources)
    return QCoreApplication.translate("Review", "edited (%1)").replace("%1", who) if state.edited else who


class DifferencesModel(QAbstractTableModel):
    """Rows: differences in text order. Columns: the difference (kind and what differs), label, one per
    annotator (numbered as the keys), what gold holds, the text."""

    DIFFERENCE, LABEL = range(2)
    FIRST_ANNOTATOR = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.annotators: tuple[str, ...] = ()
        self.colours: dict[str, str] = {}
        self.diffs: list[Difference] = []
        self.gold: Layer | None = None
        self.layers: dict[str, Layer] = {}
        self.entities: Mapping[str, Entity] = {}
        self._gold: list[GoldState] = []

    # --- columns after the fixed ones -------------------------------------------------------------------------

    @property
    def gold_column(self) -> int:
        return self.FIRST_ANNOTATOR + len(self.annotators)

    @property
    def text_column(self) -> int:
        return self.FIRST_ANNOTATOR + len(self.annotators) + 1

    def annotator_of(self, column: int) -> str | None:
        k = column - self.FIRST_ANNOTATOR
        return self.annotators[k] if 0 <= k < len(self.annotators) else None

    # --- data in -------------------------------------------------------------------------------------------------

    @staticmethod
    def _key(diff: Difference) -> tuple:
        return tuple(s.id if s is not None else None for s in diff.spans)

    def set_differences(self, text: str, annotators: Sequence[str], colours: Mapping[str, str],
                        diffs: Sequence[Difference], gold: Layer | None, layers: Mapping[str, Layer],
                        entities: Mapping[str, Entity]) -> bool:
        """Show these differences. Returns True when the rows were rebuilt (a reset), False when the same rows
        were only repainted (what gold holds, or a version, changed)."""
        same_rows = (text == self.text and tuple(annotators) == self.annotators and
                     [self._key(d) for d in diffs] == [self._key(d) for d in self.diffs])
        if not same_rows:
            self.beginResetModel()
        self.text = text
        self.annotators = tuple(annotators)
        self.colours = dict(colours)
        self.diffs = list(diffs)
        self.gold = gold
        self.layers = dict(layers)
        self.entities = entities
        self._gold = gold_states(gold, self.diffs)
        if not same_rows:
            self.endResetModel()
        elif self.diffs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.diffs) - 1, self.columnCount() - 1))
        return not same_rows

    def set_gold(self, gold: Layer | None) -> None:
        """Only gold changed (a decision): what it holds is looked up again, the rows stay."""
        self.gold = gold
        self._gold = gold_states(gold, self.diffs)
        if self.diffs:
            self.dataChanged.emit(self.index(0, self.gold_column), self.index(len(self.diffs) - 1, self.gold_column))

    def difference(self, row: int) -> Difference:
        return self.diffs[row]

    def gold_state(self, row: int) -> GoldState:
        return self._gold[row]

    def row_at(self, pos: int) -> int:
        """The first row whose difference ends after ``pos`` (to keep one's place when the rows change)."""
        for row, diff in enumerate(self.diffs):
            if diff.end > pos:
                return row
        return len(self.diffs) - 1

    def row_of(self, diff: Difference) -> int:
        key = self._key(diff)
        for row, d in enumerate(self.diffs):
            if self._key(d) == key:
                return row
        return -1

    # --- Qt ----------------------------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.diffs)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.FIRST_ANNOTATOR + len(self.annotators) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        who = self.annotator_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if who is not None:
                return f"{self.annotators.index(who) + 1} · {who}"
            fixed = {self.DIFFERENCE: self.tr("Difference"), self.LABEL: self.tr("Label"),
                     self.gold_column: self.tr("Gold"), self.text_column: self.tr("Text")}
            return fixed.get(section)
        if role == Qt.ItemDataRole.DecorationRole and who is not None:
            return swatch(self.colours.get(who, "#999999"))
        if role == Qt.ItemDataRole.ToolTipRole and who is not None:
            number = str(self.annotators.index(who) + 1)
            return self.tr("Press %1 to accept %2's version").replace("%1", number).replace("%2", who)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self.diffs):
            return None
        diff = self.diffs[index.row()]
        column = index.column()
        if role == DiffRole:
            return diff
        who = self.annotator_of(column)
        if who is not None:
            return self._annotator_cell(diff, who, role)
        if column == self.DIFFERENCE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._differs(diff)
            if role == Qt.ItemDataRole.ToolTipRole:
                return kind_name(diff.kind)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(_KIND_COLOURS.get(diff.kind, "#000000")))
        elif column == self.LABEL:
            if role == Qt.ItemDataRole.DisplayRole:
                return " / ".join(label_name(l) for l in diff.labels)
        elif column == self.text_column:
            shown = self.text[diff.start:diff.end]
            if role == Qt.ItemDataRole.DisplayRole:
                return isolate(short(shown, 60))
            if role == Qt.ItemDataRole.ToolTipRole:
                return visible(shown, 600) + f"\n\u2066{diff.start}–{diff.end}\u2069"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return align_for(shown)
        elif column == self.gold_column:
            state = self._gold[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return gold_text(state)
            if role == Qt.ItemDataRole.FontRole and state.decided:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and state.decided:
                return "\n".join(f"{label_name(g.label)} {span_range(g)}: {visible(g.text, 200)}"
                                 for g in state.spans)
        return None

    def _annotator_cell(self, diff: Difference, who: str, role: int):
        span = diff.span_of(who)
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if span is None else version_text(span, len(diff.labels) > 1)
        if span is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(paler(self.colours.get(who, "#999999"), 0.75)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{who}\n" + version_tooltip(self.layers.get(who), span, self.entities)
        return None

    def _differs(self, diff: Difference) -> str:
        """In a few words: "agreed", "boundaries, speaker", "label", "type", "only sara", "cue · without omar"."""
        if diff.kind == "same":
            return kind_name("same")
        if diff.kind == "only":
            return self.tr("only %1").replace("%1", ", ".join(diff.present))
        parts = []
        if diff.kind == "label":
            parts.append(self.tr("label"))
        if diff.kind == "boundary":
            parts.append(self.tr("boundaries"))
        parts += [field_name(f) for f in diff.fields]
        text = ", ".join(parts)
        if diff.missing:
            text += " · " + self.tr("without %1").replace("%1", ", ".join(diff.missing))
        return text
