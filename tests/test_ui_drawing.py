"""Frames and brackets never hide letters, at several zoom levels and in two Arabic fonts; the interface language
switches without a restart with a correct layout per direction, every menu item translated and shortcuts left to
right (#12, points 5 and 8)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QTextCursor, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from app.core.model import Layer, Span
from app.ui import settings as cfg
from app.ui.article_view import ArticleView
from app.ui.main import build_window, install_language
from app.ui.render import LayerStyle
from ui_support import find, open_window

COLORS = {"QUOTE": "#7fb3f5", "CLAIM": "#f5b971", "SPEAKER": "#8fd694", "CUE": "#d6a3f5", "DATE": "#f5e071"}
# Edges beside thin letters (alef, lam) and marks: the أنه beside a cue, a quote opening after “ with an
# alef, a speaker before a comma, a cue glued to its waw.
TEXT = ("وقال إن لافرينتيف أكد أنه “إذا تم انسحاب القوات الأمريكية لن يبقى أحد” ثم أعلن السوداني، ألا إن الأمر "
        "لا يحتمل، وأضاف الأمين العام للأمم المتحدة أن القرار الأخير لم يكن سهلاً على الإطلاق في ليلة الأمس.")
SPANS = [("CUE", "أكد"), ("QUOTE", "إذا تم انسحاب القوات الأمريكية لن يبقى أحد"), ("SPEAKER", "السوداني"),
         ("CUE", "أعلن"), ("SPEAKER", "الأمين العام للأمم المتحدة"), ("CUE", "أضاف"),
         ("QUOTE", "أن القرار الأخير لم يكن سهلاً"), ("DATE", "الأمس"), ("SPEAKER", "لافرينتيف")]


def _ink(image: QImage) -> set[tuple[int, int]]:
    return {(x, y) for y in range(image.height()) for x in range(image.width())
            if QColor(image.pixel(x, y)).lightness() < 110}


@pytest.mark.slow
@pytest.mark.parametrize("size", [10.0, 15.0, 24.0])
@pytest.mark.parametrize("family", ["DejaVu Sans", "Noto Naskh Arabic"])
def test_brackets_and_the_frame_never_paint_over_a_letter(qtbot, family, size, monkeypatch):
    from app.core.jsonl import make_document

    if family not in QFontDatabase.families():
        pytest.skip(f"the font {family} is not installed (Debian: fonts-noto-core)")
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(760, 420)
    font = view.font()
    font.setFamily(family)
    font.setPointSizeF(size)
    view.setFont(font)
    view.show()
    qtbot.waitExposed(view)
    doc = make_document(TEXT, id="d")
    spans = [Span.of(TEXT, label, *find(TEXT, sub), id=f"s{i}") for i, (label, sub) in enumerate(SPANS)]
    view.set_document(doc, [(Layer("d", "me", spans=spans), LayerStyle("me"))], COLORS)
    view.select_span("me", "s0")  # framed: the cue right before أنه
    if hasattr(view, "set_record"):
        view.set_record("me", "s1")
    # The text cursor (and the little direction flag Qt draws on it in mixed text) is Qt's, not ours to judge.
    view.moveCursor(QTextCursor.MoveOperation.End)
    QApplication.processEvents()
    marked = view.viewport().grab().toImage()
    # The same text, formats and room, without anything drawn over it.
    for name in ("_paint_brackets", "_paint_frame", "_paint_record"):
        monkeypatch.setattr(view, name, lambda *a, **k: None, raising=False)
    view.viewport().repaint()
    plain = view.viewport().grab().toImage()
    covered = [(x, y) for x, y in _ink(plain) if marked.pixel(x, y) != plain.pixel(x, y)]
    assert not covered, f"{len(covered)} pixels of letters painted over ({family}, {size} pt), e.g. {covered[:5]}"


# --- the interface language ------------------------------------------------------------------------------------

def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _menu_texts(menu) -> list[str]:
    out = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        out.append(action.text())
        if action.menu() is not None:
            out += _menu_texts(action.menu())
    return out


def _back_to_english() -> None:
    """Every translator out and the left-to-right direction back: the next tests run in English."""
    from PySide6.QtCore import QTranslator

    app = QApplication.instance()
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
    install_language(app, "en")


@pytest.fixture
def english(qtbot, make_store):
    store = make_store({"d1": "قال الوزير إن الاتفاق سيوقع قريباً.", "d2": "نص ثان."})
    win = open_window(qtbot, store, doc="d1")
    yield win
    _back_to_english()


def test_the_language_switches_without_a_restart_with_a_layout_per_direction(english, qtbot):
    from app.ui.language import switch_language

    win = english
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    assert not win.isRightToLeft() and win.dockWidgetArea(win.documents) == left
    label_count = len(win.session.layer.spans)
    try:
        arabic = switch_language(win, "ar")
        qtbot.addWidget(arabic)
        assert arabic.isRightToLeft() and arabic.dockWidgetArea(arabic.documents) == right
        assert arabic.session is win.session and arabic.session.document.id == "d1"
        assert len(arabic.session.layer.spans) == label_count
        texts = [a.text() for a in arabic.menuBar().actions()]
        texts += [t for a in arabic.menuBar().actions() if a.menu() for t in _menu_texts(a.menu())]
        english_left = [t for t in texts if not _arabic(t)]
        assert not english_left, english_left  # every menu item translated
        back = switch_language(arabic, "en")
        qtbot.addWidget(back)
        assert not back.isRightToLeft() and back.dockWidgetArea(back.documents) == left
        assert "Suggest for this document" in [a.text() for a in back.menus["document"].actions()]
    finally:
        _back_to_english()


def test_an_english_window_after_an_arabic_session_is_not_mirrored(qtbot, make_store):
    app = QApplication.instance()
    store = make_store({"d1": "نص عربي."})
    settings = cfg.make_settings()
    try:
        translators = install_language(app, "ar")
        arabic = build_window(store, "amal", settings, doc="d1")
        qtbot.addWidget(arabic)
        arabic.show()
        arabic.close()  # saves the (mirrored) layout
        for t in translators:
            app.removeTranslator(t)
    finally:
        install_language(app, "en")
    english = build_window(store, "amal", cfg.make_settings(), doc="d1")
    qtbot.addWidget(english)
    english.show()
    assert english.dockWidgetArea(english.documents) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert english.dockWidgetArea(english.quotes) == Qt.DockWidgetArea.RightDockWidgetArea


def _visual_order(text: str) -> list[str]:
    """The characters of a line laid out right to left, as they appear from left to right on screen."""
    layout = QTextLayout(text, QApplication.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    xs = [(line.cursorToX(i)[0], ch) for i, ch in enumerate(text) if ch.isprintable() and ch != "\u200e"]
    return [ch for _x, ch in sorted(xs)]


def test_shortcuts_read_left_to_right_in_a_right_to_left_menu(english):
    from app.ui.language import ShortcutStyle, keep_ltr

    menus = [m for m in english.menuBar().findChildren(type(english.menus["edit"])) if m.title()]
    assert len(menus) >= 7 and all(isinstance(m.style(), ShortcutStyle) for m in menus)
    assert "".join(_visual_order("Ctrl++")) != "Ctrl++"  # what Qt shows without help: ++Ctrl
    assert "".join(_visual_order(keep_ltr("Ctrl++"))) == "Ctrl++"
    assert "".join(_visual_order(keep_ltr("Ctrl+Shift+Z"))) == "Ctrl+Shift+Z"


def test_what_the_application_watches_goes_to_the_window_in_the_new_language(english, qtbot):
    import sys

    from app.ui.language import switch_language
    from app.ui.main import _watch

    previous = sys.excepthook
    try:
        _watch(english, lambda *exc_info: None)
        arabic = switch_language(english, "ar")
        qtbot.addWidget(arabic)
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        assert arabic.unexpected is not None  # reported in the window that is there, not the one that went
        arabic.unexpected.close()
    finally:
        sys.excepthook = previous
        _back_to_english()
