"""Switching the interface language while the window is open (View ▸ العربية / English), without a restart.

Qt can swap translators at run time, but every text set by a widget would then have to be set again by hand.
Instead the window is built again around the same session: the translators are replaced, the application's
layout direction is set (mirrored in Arabic), a new :class:`~app.ui.window.MainWindow` takes the session (its open
document, its undo history and its current record stay) and the old window goes. The sidebars' layout is saved and
restored per direction (:meth:`MainWindow.save_settings`), so English never comes back mirrored.

Menus in a right-to-left interface also need help with shortcuts: Qt lays "Ctrl++" out right to left, which reads
"++Ctrl". :class:`ShortcutStyle` (:func:`style_menus`) keeps the shortcut column of every menu left to right.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator, Qt
from PySide6.QtWidgets import QApplication, QMenu, QProxyStyle, QStyle, QStyleOptionMenuItem

LRM = "\u200e"


def keep_ltr(shortcut: str) -> str:
    """A key sequence shown in right-to-left text: between left-to-right marks, so "Ctrl++" stays "Ctrl++"."""
    return f"{LRM}{shortcut}{LRM}" if shortcut else ""


class ShortcutStyle(QProxyStyle):
    """Draws menu items with their shortcut text held left to right (the item's own words are untouched)."""

    def drawControl(self, element, option, painter, widget=None) -> None:
        if element == QStyle.ControlElement.CE_MenuItem and isinstance(option, QStyleOptionMenuItem) and \
                option.direction == Qt.LayoutDirection.RightToLeft and "\t" in option.text:
            label, _tab, keys = option.text.partition("\t")
            option = QStyleOptionMenuItem(option)
            option.text = f"{label}\t{keep_ltr(keys.strip(LRM))}"
        super().drawControl(element, option, painter, widget)


def style_menus(window) -> ShortcutStyle:
    """Give every menu of ``window`` (menu bar, submenus) a :class:`ShortcutStyle`; returns it, for the context
    menus made later. Only menus: a Python style on the whole application would be asked about every cell of
    every table each time it is painted."""
    style = getattr(window, "_menu_style", None)
    if style is None:
        style = window._menu_style = ShortcutStyle(QApplication.style().name())
        style.setParent(window)
    for menu in window.menuBar().findChildren(QMenu):
        menu.setStyle(style)
    return style


def switch_language(window, lang: str):
    """Show ``window``'s session in a new window in ``lang`` ("ar" or "en"); returns the new window."""
    from .main import install_language
    from .window import MainWindow

    app = QApplication.instance()
    settings = window.settings
    settings.setValue("ui/lang", lang)
    if window.review.controller is not None and window.review.controller.active:
        window.review.set_active(False)  # the new window starts annotating; its styles must be the session's own
    window.save_settings()
    session = window.session
    record, selected = session.record, session.selected
    for signal in (session.changed, session.document_opened, session.selection_changed, session.record_changed,
                   session.failed):
        try:
            signal.disconnect()  # the old window's slots go with it
        except (RuntimeError, TypeError):
            pass
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_language(app, lang)
    new = MainWindow(session, settings, window.api)
    new.setGeometry(window.geometry())
    if session.document is not None:
        new.open_document(session.document.id)
        session.select(selected)
        if record in session.layer.spans:
            session.set_record(record)
    new.show()
    new.activateWindow()
    window.replaced.emit(new)  # what the application attached to the old window goes to the new one
    window.hide()
    window.deleteLater()
    new._say(QCoreApplication.translate("MainWindow", "Interface language: %1")
             .replace("%1", "العربية" if lang == "ar" else "English"))
    return new
