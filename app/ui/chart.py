"""A small chart drawn with QPainter (QtCharts is in PySide6-Addons, ~300 MB): horizontal stacked bars, one row per
name, each segment a coloured part with its count, a legend above. Right-to-left interfaces draw the bars from the
right; every segment's name and count is in its tooltip and in the accessible text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class Part:
    name: str
    value: int
    color: str


@dataclass(frozen=True)
class Bar:
    name: str
    parts: tuple[Part, ...]

    @property
    def total(self) -> int:
        return sum(p.value for p in self.parts)


def isolate(text: str) -> str:
    return "\u2068" + text + "\u2069"


class BarChart(QWidget):
    """Rows of stacked bars on one scale (the largest total fills the width)."""

    ROW = 26
    GAP = 8

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.legend: list[tuple[str, str]] = []  # (name, colour)
        self.empty_text = ""  # said instead of the bars when there are none
        self._hits: list[tuple[QRect, str]] = []
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar], legend: list[tuple[str, str]] | None = None) -> None:
        self.bars = list(bars)
        if legend is None:
            seen: dict[str, str] = {}
            for bar in bars:
                for part in bar.parts:
                    seen.setdefault(part.name, part.color)
            legend = list(seen.items())
        self.legend = legend
        self.setAccessibleDescription("; ".join(
            f"{b.name}: " + ", ".join(f"{p.name} {p.value}" for p in b.parts) for b in bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        if not self.bars:
            return QSize(420, QFontMetrics(self.font()).height() + 2 * self.GAP)
        return QSize(420, self._legend_height() + len(self.bars) * (self.ROW + self.GAP) + self.GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _legend_height(self) -> int:
        return QFontMetrics(self.font()).height() + self.GAP if self.legend else 0

    def _x(self, rect: QRect, offset: int, width: int) -> QRect:
        """A horizontal stretch measured from the leading edge (the right in a right-to-left interface)."""
        if self.isRightToLeft():
            return QRect(rect.right() - offset - width + 1, rect.top(), width, rect.height())
        return QRect(rect.left() + offset, rect.top(), width, rect.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        metrics = painter.fontMetrics()
        self._hits = []
        if not self.bars:
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(self.rect().adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter |
                             Qt.AlignmentFlag.AlignLeading, self.empty_text)
            painter.end()
            return
        area = self.rect().adjusted(4, 0, -4, 0)
        # Legend.
        y = 2
        offset = 0
        for name, color in self.legend:
            swatch = self._x(QRect(area.left(), y + 3, area.width(), metrics.height() - 6), offset, 12)
            painter.fillRect(swatch, QColor(color))
            text_w = metrics.horizontalAdvance(name) + 6
            text = self._x(QRect(area.left(), y, area.width(), metrics.height()), offset + 16, text_w)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(text, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading, isolate(name))
            offset += 16 + text_w + 12
        top = self._legend_height() + self.GAP // 2
        label_w = min(max((metrics.horizontalAdvance(b.name) for b in self.bars), default=0) + 12,
                      area.width() // 3)
        total_w = metrics.horizontalAdvance("0000000") + 8
        bar_w = max(10, area.width() - label_w - total_w)
        biggest = max((b.total for b in self.bars), default=0) or 1
        for i, bar in enumerate(self.bars):
            row = QRect(area.left(), top + i * (self.ROW + self.GAP), area.width(), self.ROW)
            painter.setPen(self.palette().color(self.foregroundRole()))
            name_rect = self._x(row, 0, label_w - 6)
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading,
                             metrics.elidedText(isolate(bar.name), Qt.TextElideMode.ElideMiddle, label_w - 6))
            offset = label_w
            for part in bar.parts:
                if part.value <= 0:
                    continue
                width = max(1, round(bar_w * part.value / biggest))
                seg = self._x(row, offset, width)
                painter.fillRect(seg, QColor(part.color))
                number = f"{part.value:,}"
                if metrics.horizontalAdvance(number) + 6 <= width:
                    painter.setPen(QPen(_ink(part.color)))
                    painter.drawText(seg, Qt.AlignmentFlag.AlignCenter, number)
                self._hits.append((seg, f"{bar.name} · {part.name}: {part.value:,}"))
                offset += width
            painter.setPen(self.palette().color(self.foregroundRole()))
            total = self._x(row, offset + 6, total_w)
            painter.drawText(total, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading, f"{bar.total:,}")
        painter.end()

    def segment_at(self, pos: QPoint) -> str | None:
        return next((tip for rect, tip in self._hits if rect.contains(pos)), None)

    def mouseMoveEvent(self, event) -> None:
        tip = self.segment_at(event.position().toPoint())
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), isolate(tip), self)
        else:
            QToolTip.hideText()


def _ink(color: str) -> QColor:
    """Black or white, whichever reads better on ``color``."""
    c = QColor(color)
    return QColor("#000000") if (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) > 140 else QColor("#ffffff")
