"""The keys cheat sheet (Help ▸ Keys, Edit ▸ Keys…, F1): every key of the window, grouped, searchable.

It is generated when opened from the ONE action registry (:mod:`.actions`): every action that has a key is listed
under the menu that holds it (``Edit ▸ Adjust edges``), or under "Other keys" when no menu does, with its current
key (a remapped key shows as remapped). A feature that adds an action with a key is on the sheet without a word
here. The few keys that are not actions — they act only inside one bar or menu (Enter in the find bar, the number
after R) or are mouse gestures — are declared in :data:`CONTEXT_KEYS` beside the action they belong to, and shown
in that action's group. Keys are shown left to right in the Arabic interface (:func:`.language.keep_ltr`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMenu, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.text.arabic import fold
from .language import keep_ltr

CONTEXT = "Keys"


@dataclass(frozen=True)
class ContextKey:
    """A key that is not an action's shortcut, shown in the group of the action it belongs to (``action``)."""

    action: str  # the registry key of the action it goes with
    keys: str  # as shown (portable words: Enter, Shift+Enter …)
    text: str  # source text, context "Keys"


CONTEXT_KEYS: tuple[ContextKey, ...] = (
    ContextKey("find_in_article", "Enter / Shift+Enter", QT_TRANSLATE_NOOP("Keys", "In the find bar: next / previous "
                                                                                   "match")),
    ContextKey("find_in_article", "Esc", QT_TRANSLATE_NOOP("Keys", "Close the find bar (the match stays selected)")),
    ContextKey("choose_verdict", "R, 1–9 / 0", QT_TRANSLATE_NOOP("Keys", "In the verdict menu: the verdict of that "
                                                                          "number / none")),
    ContextKey("suggestion:reject", "Del", QT_TRANSLATE_NOOP("Keys", "Reject the selected suggestion")),
    ContextKey("snap", "Alt+drag", QT_TRANSLATE_NOOP("Keys", "Select exact characters, not whole words")),
    ContextKey("snap", "Double-click", QT_TRANSLATE_NOOP("Keys", "Select one word, without the marks glued to it")),
)


@dataclass(frozen=True)
class Row:
    group: str  # the menu path, translated ("Edit ▸ Claim")
    command: str  # the action's words, without the & of its mnemonic
    keys: str  # as shown, native text ("" for none)
    tip: str
    action: str  # registry key ("" for a context key's own row)


def plain(text: str) -> str:
    """An action's words as read: no mnemonic &, no shortcut after a tab."""
    return text.split("\t", 1)[0].replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def action_keys(action: QAction) -> str:
    """Every key of an action as shown (Ctrl+Shift+Z, Ctrl+Y), or the key written after a tab in its text (an action
    whose key is taken elsewhere, e.g. Enter for accepting a suggestion)."""
    shown = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts() if not s.isEmpty()]
    if not shown and "\t" in action.text():
        shown = [action.text().split("\t", 1)[1].strip()]
    return ", ".join(shown)


def menu_groups(window) -> dict[int, str]:
    """id(action) → the path of the first menu that holds it, in menu-bar order ("Edit ▸ Label selection")."""
    groups: dict[int, str] = {}
    arrow = " ◂ " if window.isRightToLeft() else " ▸ "  # pointing the way the menus open

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                walk(sub, f"{path}{arrow}{plain(sub.title())}")
            elif not action.isSeparator():
                groups.setdefault(id(action), path)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain(top.menu().title()))
    return groups


def rows(window, everything: bool = False) -> list[Row]:
    """The sheet's rows from the window's registry: every action with a key (``everything``: every action), its
    context keys after it; grouped by menu in menu-bar order, then "Other keys"."""
    registry = window.registry
    groups = menu_groups(window)
    other = QCoreApplication.translate("Keys", "Other keys")
    order = list(dict.fromkeys(groups.values())) + [other]
    t = QCoreApplication.translate
    out: list[Row] = []
    for key in registry.keys():
        action = registry[key]
        keys = action_keys(action)
        context = [c for c in CONTEXT_KEYS if c.action == key]
        group = groups.get(id(action), other)
        if keys or everything or key in registry.remappable:
            out.append(Row(group, plain(action.text()), keys, action.toolTip() if action.toolTip() != plain(
                action.text()) else "", key))
        out.extend(Row(group, t(CONTEXT, c.text), c.keys, "", "") for c in context)
    out.sort(key=lambda r: order.index(r.group) if r.group in order else len(order))  # stable: registry order
    return out


class KeySheet(QDialog):
    """Every key of the window: a tree of groups (menus), each row a command and its key; a search field filters
    commands, keys, tips and groups as you type. "Change keys…" opens the remapping dialog and shows the result."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("key_sheet")
        self.setWindowTitle(self.tr("Keys"))
        self.window_ = window
        self.resize(640, 720)
        self.search = QLineEdit()
        self.search.setObjectName("key_search")
        self.search.setPlaceholderText(self.tr("Search commands and keys…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.all = QCheckBox(self.tr("Also commands without a key"))
        self.all.toggled.connect(self.fill)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.all)
        self.tree = QTreeWidget()
        self.tree.setObjectName("key_tree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Key"), self.tr("Command")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setRootIsDecorated(False)
        self.note = QLabel(self.tr("Single-letter keys act on the selected annotation or the current quote; the "
                                   "keys of review mode act only in review mode."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.change = QPushButton(self.tr("Change keys…"))
        self.change.setObjectName("change_keys")
        self.change.clicked.connect(self.remap)
        buttons.addButton(self.change, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.items: list[tuple[QTreeWidgetItem, Row]] = []
        self.fill()

    def fill(self) -> None:
        self.tree.clear()
        self.items = []
        heads: dict[str, QTreeWidgetItem] = {}
        bold = self.tree.font()
        bold.setBold(True)
        for row in rows(self.window_, self.all.isChecked()):
            head = heads.get(row.group)
            if head is None:
                head = heads[row.group] = QTreeWidgetItem(self.tree, [row.group])
                head.setFirstColumnSpanned(True)
                head.setFont(0, bold)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item = QTreeWidgetItem(head, [keep_ltr(row.keys), row.command])
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignCenter)
            if row.tip:
                item.setToolTip(1, row.tip)
            self.items.append((item, row))
        self.tree.expandAll()
        self.filter(self.search.text())

    def filter(self, text: str) -> None:
        """Show the rows whose command, key, tip or group contains every word typed (case and Arabic letter
        variants ignored); a group with none left is hidden."""
        words = [_fold(w) for w in text.split()]
        for item, row in self.items:
            hay = _fold(" ".join((row.group, row.command, row.keys, row.tip)))
            item.setHidden(not all(w in hay for w in words))
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            head.setHidden(all(head.child(j).isHidden() for j in range(head.childCount())))

    def visible_rows(self) -> list[Row]:
        return [row for item, row in self.items if not item.isHidden() and not item.parent().isHidden()]

    def remap(self) -> None:
        from .dialogs import KeysDialog

        if KeysDialog.ask(self, self.window_.registry):
            self.fill()


def _fold(text: str) -> str:
    """Case, tatweel, harakat and letter variants folded (the core's Arabic matching form): "quote" finds "Quote",
    "اقتباس" finds "إقتباس"."""
    return fold(text).casefold()


def show_keys(window) -> KeySheet:
    """Open the sheet (one per window; raised again if open)."""
    sheet = getattr(window, "key_sheet", None)
    if sheet is None or not isinstance(sheet, QWidget):
        sheet = window.key_sheet = KeySheet(window)
        sheet.finished.connect(lambda _r: setattr(window, "key_sheet", None))
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    else:
        sheet.fill()
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    return sheet
