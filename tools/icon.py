"""Draw Qawl's icon and write it in every form the platforms want (run after changing the drawing, commit the result):

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/icon.py

A white speech bubble on a teal square, its tail on the right (the speaker of a right-to-left text), holding the word
قول (said). Below 48 px the word would be a smudge: the bubble holds a bold quotation mark instead. The letters are
drawn as outlines (Noto Kufi Arabic Bold, Debian ``fonts-noto-core``, at drawing time only), so the SVG needs no
font. Writes resources/icons/: qawl.svg, qawl-SIZE.png for each size, qawl.ico (Windows), qawl.icns (macOS).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (QBrush, QColor, QFont, QGuiApplication, QImage, QImageWriter, QLinearGradient, QPainter,
                           QPainterPath)
from PySide6.QtSvg import QSvgGenerator

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL = 48  # below this, the quotation mark instead of the word
TEAL, DARK = QColor("#0f7d7a"), QColor("#0a5552")
FONT = "Noto Kufi Arabic"


def bubble() -> QPainterPath:
    """The speech bubble on a 512 grid, tail at the bottom right."""
    path = QPainterPath()
    path.addRoundedRect(QRectF(58, 92, 396, 286), 86, 86)
    tail = QPainterPath()
    tail.moveTo(318, 360)
    tail.lineTo(420, 360)
    tail.quadTo(414, 420, 446, 462)
    tail.quadTo(370, 446, 318, 360)
    return path.united(tail).simplified()


def centred(text: str, family: str, pixel: int, box: QRectF, weight=QFont.Weight.Bold) -> QPainterPath:
    font = QFont(family)
    font.setPixelSize(pixel)
    font.setWeight(weight)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, text)
    path.setFillRule(Qt.FillRule.WindingFill)  # the joined letters overlap: no hole where they meet
    path = path.simplified()
    return path.translated(box.center() - path.boundingRect().center())


def paint(p: QPainter, small: bool) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    gradient = QLinearGradient(0, 0, 0, 512)
    gradient.setColorAt(0, TEAL)
    gradient.setColorAt(1, DARK)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(QRectF(0, 0, 512, 512), 104, 104)
    p.setBrush(QColor("white"))
    p.drawPath(bubble())
    p.setBrush(DARK)
    inside = QRectF(58, 92, 396, 286)
    if small:
        p.drawPath(centred("\u201d", "DejaVu Sans", 420, inside.translated(0, 60)))
    else:
        p.drawPath(centred("قول", FONT, 190, inside.adjusted(0, 0, 0, -6)))


def image(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.scale(size / 512, size / 512)
    paint(p, size < SMALL)
    p.end()
    return img


def main() -> int:
    application = QGuiApplication(sys.argv[:1])  # fonts need an application
    OUT.mkdir(parents=True, exist_ok=True)
    svg = QSvgGenerator()
    svg.setFileName(str(OUT / "qawl.svg"))
    svg.setSize(QSize(512, 512))
    svg.setViewBox(QRectF(0, 0, 512, 512))
    svg.setTitle("Qawl")
    p = QPainter(svg)
    paint(p, small=False)
    p.end()
    # Qt writes the size in millimetres; icon themes expect pixels.
    text = (OUT / "qawl.svg").read_text(encoding="utf-8")
    text = re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg width="512" height="512"', text, count=1)
    (OUT / "qawl.svg").write_text(text, encoding="utf-8")
    for size in SIZES:
        image(size).save(str(OUT / f"qawl-{size}.png"))
    for fmt, sizes in (("ico", (16, 24, 32, 48, 64, 128, 256)), ("icns", (16, 32, 64, 128, 256, 512))):
        # One image per file from Qt's writers: the largest the format holds (each platform scales it down).
        writer = QImageWriter(str(OUT / f"qawl.{fmt}"), fmt.encode())
        if not writer.write(image(max(sizes))):
            print(f"could not write qawl.{fmt}: {writer.errorString()}", file=sys.stderr)
    print(f"wrote {OUT}")
    del application
    return 0


if __name__ == "__main__":
    sys.exit(main())
