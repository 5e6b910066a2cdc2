"""Annotate the seed article completely through the real window, as a person would with the keyboard: select the
words, press Q / C / S / K / D, L to link an existing mention to the current quote, E to pick a speaker in the
picker dialog (typed into, in Arabic), V to type a date value, the Speakers sidebar to merge two speakers, Ctrl+3
to mark the document done. Used by tests/test_ui_seed.py and, standalone, to take the README screenshots:

    xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui_seed_script.py --lang ar --shot main-ar.png

(not a test module; no Qt platform is forced here, so under Xvfb this drives a real X11 window).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

SEED = REPO / "seeds" / "000_615554193b62eb79.txt"
K = Qt.Key

# (label key, text, occurrence) in the order a person would go (spans as our guidelines make them: direct quotes
# without their marks, cues with their clitics); ("L", text, n) links an existing span to the
# current quote; ("E", name) picks a registry speaker for the selected mention; ("V", value) types a date value.
STEPS = [
    ("Q", "أن سحب القوات الأمريكية من العراق سيتبعه بلا شك انسحاب القوات الأمريكية من سوريا", 0),
    ("S", "المبعوث الروسي الخاص إلى سوريا ألكسندر لافرينتيف", 0),
    ("K", "أكد", 0),
    ("Q", "أنه سيكون من المستحيل على الجانب الأمريكي تقديم خدمات التموين والتعزيز والدعم اللوجستي لقواته في "
          "سوريا من دون امتلاك إمكانية استخدام الأراضي العراقية", 0),
    ("S", "لافرينتيف", 1),
    ("K", "وأعرب", 0),
    ("Q", "إذا تم انسحاب القوات الأمريكية من العراق، فسيتبعه بلا شك انسحاب هذه القوات من سوريا كذلك، لأنه سيكون "
          "من المستحيل الحفاظ على الخدمات اللوجستية والحفاظ على وحدة عسكرية في سوريا من دون إمكانية استخدام "
          "الأراضي العراقية", 0),
    ("S", "المبعوث الرئاسي الروسي", 0),
    ("E", "لافرينتيف"),
    ("K", "وأضاف", 0),
    ("Q", "أن العراق أبلغ الجانب الروسي باستعداد الولايات المتحدة لسحب قواتها من العراق", 0),
    ("S", "لافرينتيف", 2),
    ("K", "أعلن", 0),
    ("Q", "بضرورة انسحابها من أراضيها", 0),
    ("S", "السلطات العراقية", 0),
    ("K", "وطالبت", 0),
    ("Q", "أن الحكومة العراقية ستدخل بحوار لترتيب جدول لانتهاء مهام “التحالف الدولي” في العراق", 0),
    ("S", "رئيس مجلس الوزراء العراقي محمد شياع السوداني", 0),
    ("K", "أكد", 1),
    ("D", "18 كانون الثاني الجاري", 0),
    ("V", "2024-01-18"),
    ("Q", "بعد الاعتداءات التي تطال المقرات العراقية فنحن سندخل بحوار لترتيب جدول لانتهاء مهام التحالف الدولي في "
          "العراق", 0),
    ("L", "رئيس مجلس الوزراء العراقي محمد شياع السوداني", 0),
    ("K", "موضحاً", 0),
    ("L", "18 كانون الثاني الجاري", 0),
    ("Q", "هذا الأمر مطلب شعبي رسمي، وجادون به", 0),
    ("L", "رئيس مجلس الوزراء العراقي محمد شياع السوداني", 0),
    ("K", "مؤكداً", 0),
    ("L", "18 كانون الثاني الجاري", 0),
    ("C", "صوت مجلس النواب العراقي بالأغلبية على قرار يقضي بإلزام الحكومة العراقية المطالبة بإخراج القوات "
          "الأمريكية من البلاد", 0),
    ("S", "مجلس النواب العراقي", 0),
    ("D", "كانون الثاني 2020", 0),
    ("V", "2020-01"),
    ("C", "استهدفت مقرات للمقاومة العراقية في مدينة القائم بالقرب من الحدود السورية- العراقية", 0),
    ("D", "يوم الأربعاء 24 كانون الثاني الجاري", 0),
    ("V", "2024-01-24"),
    ("Q", "فيما يعاود الأمريكي استهدافه لقواتنا، شرع مجاهدونا بالمرحلة الثانية من عملياتهم", 0),
    ("S", "أبو آلاء الولائي", 0),
    ("K", "قال", 0),
    ("C", "شرع مجاهدونا بالمرحلة الثانية من عملياتهم", 0),  # a claim inside the quote (nested)
    ("L", "أبو آلاء الولائي", 0),  # ... made by the same speaker
    ("Q", "المرحلة الثانية تتضمن إطباق الحصار على الملاحة البحرية الصهيونية في البحر المتوسط وإخراج موانئ الكيان "
          "عن الخدمة", 0),
    ("L", "أبو آلاء الولائي", 0),
    ("K", "موضحاً", 1),
    ("Q", "أنها ستبدأ عملياً استهدافاتها القواعد الأمريكية في سوريا والعراق", 0),
    ("S", "المقاومة العراقية", 0),
    ("K", "أكدت", 0),
    ("D", "18 تشرين الأول الفائت", 0),
    ("V", "2023-10-18"),
]


def find(text: str, sub: str, occurrence: int) -> tuple[int, int]:
    i = -1
    for _ in range(occurrence + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def type_into(widget, text: str) -> None:
    from ui_support import type_text

    type_text(widget, text)


def answer_next_dialog(typed: str, *, clear: bool = True) -> None:
    """When the next modal dialog opens, type ``typed`` into its first line edit and press Enter."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        edit = dialog.findChild(QLineEdit)
        edit.setFocus()
        if clear:
            edit.selectAll()
            QTest.keyClick(edit, K.Key_Delete)
        type_into(edit, typed)
        QTest.keyClick(edit, K.Key_Return)
    QTimer.singleShot(0, answer)


def annotate(window) -> None:
    app = QApplication.instance()
    view = window.view
    text = window.session.document.text
    keys = {"Q": K.Key_Q, "C": K.Key_C, "S": K.Key_S, "K": K.Key_K, "D": K.Key_D}
    for step in STEPS:
        kind = step[0]
        view.setFocus()
        if kind in keys:
            window.session.select(None)
            start, end = find(text, step[1], step[2])
            view.select_text(start, end)
            QTest.keyClick(view, keys[kind])
            if not any((sp.start, sp.end) == (start, end) for sp in window.session.layer.spans.values()):
                raise RuntimeError(f"{kind} {step[1]!r} was not labelled: {window.message.text()}")
        elif kind == "L":
            start, end = find(text, step[1], step[2])
            view.clear_text_selection()
            span = next(s for s in window.session.layer.spans.values() if (s.start, s.end) == (start, end))
            window.session.select(span.id)
            QTest.keyClick(view, K.Key_L)
        elif kind == "E":
            answer_next_dialog(step[1])
            QTest.keyClick(view, K.Key_E)
        elif kind == "V":
            answer_next_dialog(step[1])
            QTest.keyClick(view, K.Key_V)
        if kind in "EV":
            # The platform gives focus back to the window when a dialog closes; offscreen it must be asked for.
            window.activateWindow()
        app.processEvents()
    # The speaker created for "المبعوث الرئاسي الروسي" before it was re-pointed: merge it into Lavrentiev in the
    # Speakers sidebar (the dialog keeps the one with more mentions), so the registry keeps that name as an alias.
    registry = window.session.entities
    lav = next(e for e in registry.values() if "لافرينتيف" in e.name)
    orphan = next(e for e in registry.values() if e.name == "المبعوث الرئاسي الروسي")
    window.speakers.select_ids([lav.id, orphan.id])

    def accept_merge() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, accept_merge)
            return
        dialog.accept()
    QTimer.singleShot(0, accept_merge)
    window.speakers.merge.click()
    window.activateWindow()
    app.processEvents()
    QTest.keyClick(view, K.Key_3, Qt.KeyboardModifier.ControlModifier)  # mark done
    app.processEvents()


def show_for_screenshot(window, quote_text: str) -> None:
    """Select one quote (framed in the article, its record in the editor) and scroll so most annotations show."""
    app = QApplication.instance()
    text = window.session.document.text
    start, end = find(text, quote_text, 0)
    span = next(s for s in window.session.layer.spans.values() if (s.start, s.end) == (start, end))
    window.view.verticalScrollBar().setValue(0)
    window.session.select(span.id)
    window.view.verticalScrollBar().setValue(0)
    for _ in range(3):
        app.processEvents()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--shot", help="save a screenshot of the window here (QWidget.grab)")
    parser.add_argument("--root-shot", help="also save the whole X screen here (ImageMagick import, under Xvfb)")
    parser.add_argument("--db", help="project file (default: a temporary one)")
    parser.add_argument("--dates", action="store_true", help="show the Dates sidebar instead of Speakers")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="qawl-seed-"))
    os.environ.setdefault("QAWL_SETTINGS_DIR", str(tmp / "settings"))
    from app.core.sources import read_sources
    from app.store import Store
    from app.ui import settings as cfg
    from app.ui.main import build_window, install_language

    install_language(app, args.lang)
    store = Store.open(args.db or tmp / "seed.db")
    if not store.document_ids():
        store.import_records(read_sources([SEED]))
    window = build_window(store, "amal", cfg.make_settings())
    window.resize(1400, 870)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    app.processEvents()
    app.processEvents()
    annotate(window)
    show_for_screenshot(window, STEPS[16][1])
    if args.dates:
        window.dates.raise_()
        app.processEvents()
    if args.shot:
        window.grab().save(args.shot)
    if args.root_shot:
        import subprocess

        for _ in range(5):
            app.processEvents()
        subprocess.run(["import", "-window", "root", args.root_shot], check=True)
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
