"""Small dialogs. Each has a class method ``ask(...)`` that shows it and returns the answer (None when cancelled):
the one seam tests replace (``monkeypatch.setattr(SpeakerPicker, "ask", ...)``) to answer without a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
                               QKeySequenceEdit, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QRadioButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.model import Entity
from ..core.schema import TIMEX_VALUE
from .actions import ActionRegistry
from .language import keep_ltr
from .names import date_examples, ltr, not_a_date


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


class AnnotatorDialog(QDialog):
    """Asked once: the name that stamps every annotation (kept in the settings, shown in the title bar)."""

    def __init__(self, parent: QWidget | None = None, suggested: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is annotating?"))
        self.name = QLineEdit(suggested)
        self.name.setPlaceholderText(self.tr("your name or initials"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("Your name stamps every annotation you make and is shown in the title bar.")))
        layout.addRow(self.tr("Name:"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _accept(self) -> None:
        if self.name.text().strip() and self.name.text().strip() != "suggestions":
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, suggested: str = "") -> str | None:
        dialog = cls(parent, suggested)
        return dialog.name.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


def search_list(dialog: QDialog, title: QLabel, query: QLineEdit, found: QListWidget, fill, stretch: int = 0) -> None:
    """The layout and keys every picker shares: a title, the search field (``fill`` refills the list as one types),
    the list, OK / Cancel; Enter in the field or a double-click on an item accepts."""
    layout = QVBoxLayout(dialog)
    layout.addWidget(title)
    layout.addWidget(query)
    layout.addWidget(found, stretch)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    query.textChanged.connect(fill)
    query.returnPressed.connect(dialog.accept)
    found.itemActivated.connect(lambda _item: dialog.accept())


@dataclass(frozen=True)
class SpeakerPick:
    entity_id: str | None = None  # an existing registry speaker
    new_name: str | None = None  # or a new one with this name


class SpeakerPicker(QDialog):
    """Type any name or alias to find a speaker; Enter picks the highlighted one, or creates the typed name."""

    def __init__(self, parent: QWidget | None, entities: list[Entity], mention: str, current: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose speaker"))
        self.entities = sorted(entities, key=lambda e: e.name.casefold())
        self.query = QLineEdit(" ".join(mention.split()))
        self.query.setPlaceholderText(self.tr("type any name or alias"))
        self.list = QListWidget()
        search_list(self, QLabel(self.tr("Speaker of the mention “%1”:").replace("%1", " ".join(mention.split()))),
                    self.query, self.list, self._fill)
        self._fill(self.query.text())
        if current:
            for i in range(self.list.count()):
                if self.list.item(i).data(Qt.ItemDataRole.UserRole) == current:
                    self.list.setCurrentRow(i)
        self.query.selectAll()

    def _fill(self, text: str) -> None:
        self.list.clear()
        query = text.strip()
        matching = [e for e in self.entities if not query or e.matches(query)] or \
            [e for e in self.entities if any(w and e.matches(w) for w in query.split() if len(w) >= 3)]
        for entity in matching:
            names = entity.name + (f"  ({'، '.join(entity.aliases)})" if entity.aliases else "")
            item = QListWidgetItem(names)
            item.setData(Qt.ItemDataRole.UserRole, entity.id)
            self.list.addItem(item)
        if query and not any(query.casefold() == n.casefold() for e in self.entities for n in e.names):
            item = QListWidgetItem(self.tr("New speaker “%1”").replace("%1", query))
            item.setData(Qt.ItemDataRole.UserRole, None)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def result_pick(self) -> SpeakerPick | None:
        item = self.list.currentItem()
        if item is None:
            return None
        entity_id = item.data(Qt.ItemDataRole.UserRole)
        return SpeakerPick(entity_id=entity_id) if entity_id else SpeakerPick(new_name=self.query.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, entities: list[Entity], mention: str,
            current: str | None = None) -> SpeakerPick | None:
        dialog = cls(parent, entities, mention, current)
        return dialog.result_pick() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MergeDialog(QDialog):
    """Which of several speakers stays; the others' mentions follow it and their names become its aliases."""

    def __init__(self, parent: QWidget | None, entities: list[Entity], counts: dict[str, int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge speakers"))
        self.entities = list(entities)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Keep which name? All mentions of the other speakers will point to it, "
                                        "and their names become its aliases.")))
        self.choices: list[QRadioButton] = []
        for entity in self.entities:
            button = QRadioButton(f"\u2068{entity.name}\u2069  ·  {counts.get(entity.id, 0)}")
            self.choices.append(button)
            layout.addWidget(button)
        most = max(range(len(self.entities)), key=lambda i: (counts.get(self.entities[i].id, 0), -i))
        self.choices[most].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def kept(self) -> tuple[Entity, list[Entity]]:
        i = next(i for i, b in enumerate(self.choices) if b.isChecked())
        return self.entities[i], [e for j, e in enumerate(self.entities) if j != i]

    @classmethod
    def ask(cls, parent: QWidget | None, entities: list[Entity],
            counts: dict[str, int]) -> tuple[Entity, list[Entity]] | None:
        dialog = cls(parent, entities, counts)
        return dialog.kept() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AliasesDialog(QDialog):
    """A speaker's aliases as a list: one name per row, added, edited in place (double-click or F2) or removed."""

    def __init__(self, parent: QWidget | None, entity: Entity) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aliases"))
        self.list = QListWidget()
        for alias in entity.aliases:
            self._add_row(alias)
        self.new = QLineEdit()
        self.new.setPlaceholderText(self.tr("another name, then Enter"))
        add = QPushButton(self.tr("Add"))
        remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout()
        row.addWidget(self.new, 1)
        row.addWidget(add)
        row.addWidget(remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Other names of “%1” (each found by the speaker picker and when "
                                        "suggestions are accepted):").replace("%1", f"\u2068{entity.name}\u2069")))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(buttons)
        add.clicked.connect(self.add_typed)
        self.new.returnPressed.connect(self.add_typed)
        remove.clicked.connect(self.remove_selected)
        add.setAutoDefault(False)
        remove.setAutoDefault(False)

    def _add_row(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def add_typed(self) -> None:
        name = self.new.text().strip()
        if name and name not in self.aliases():
            self._add_row(name)
        self.new.clear()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def aliases(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def keyPressEvent(self, event) -> None:
        # Enter in the "another name" field adds it; it must not close the dialog.
        if self.new.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, entity: Entity) -> list[str] | None:
        dialog = cls(parent, entity)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.add_typed()
        return dialog.aliases()


class DateValueDialog(QDialog):
    """The normalised value of a date mention, pre-filled with what the date engine reads in it; a value that is
    not ISO-8601 / TIMEX3 is refused right there (OK stays disabled and says why)."""

    def __init__(self, parent: QWidget | None, mention: str, value: str, article_date: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Date value"))
        self.edit = QLineEdit(value)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setPlaceholderText("YYYY-MM-DD")
        hint = QLabel(self.tr("Examples: %1 (XXXX: the year is unknown). Empty: no value.")
                      .replace("%1", date_examples()))
        hint.setWordWrap(True)
        anchor = QLabel(self.tr("Article date: %1 (words such as الجاري or أمس are read from it)")
                        .replace("%1", ltr(article_date)) if article_date else
                        self.tr("The article has no date: relative dates get X's for what is unknown."))
        anchor.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("date_problem")
        self.problem.setStyleSheet("color: #c00000")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Value of “%1”:").replace("%1", f"\u2068{mention}\u2069")))
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        layout.addWidget(anchor)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check(value)
        self.edit.selectAll()

    def valid(self) -> bool:
        value = self.edit.text().strip()
        return not value or bool(TIMEX_VALUE.match(value))

    def _check(self, _text: str = "") -> None:
        ok = self.valid()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.problem.setText("" if ok else not_a_date(self.edit.text().strip()))

    def _accept(self) -> None:
        if self.valid():
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, mention: str, value: str = "", article_date: str | None = None) -> str | None:
        dialog = cls(parent, mention, value, article_date)
        return dialog.edit.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


class KeysDialog(QDialog):
    """Every command and its key; the remappable ones (label keys and a few others) can be given another."""

    def __init__(self, parent: QWidget | None, registry: ActionRegistry) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys"))
        self.registry = registry
        self.resize(560, 620)
        keys = registry.keys()
        self.table = QTableWidget(len(keys), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Key")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.editors: dict[str, QKeySequenceEdit] = {}
        for row, key in enumerate(keys):
            action = registry[key]
            item = QTableWidgetItem(action.text().replace("&", ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            if key in registry.remappable:
                editor = QKeySequenceEdit(action.shortcut())
                editor.setMaximumSequenceLength(1)
                self.editors[key] = editor
                self.table.setCellWidget(row, 1, editor)
            else:
                shown = QTableWidgetItem(keep_ltr(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
                shown.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, 1, shown)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c00000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel |
                                   QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self._defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _defaults(self) -> None:
        for key, editor in self.editors.items():
            editor.setKeySequence(QKeySequence(self.registry.default_shortcut(key)))

    def chosen(self) -> dict[str, str]:
        return {key: editor.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
                for key, editor in self.editors.items()}

    def _accept(self) -> None:
        chosen = self.chosen()
        final = {key: self.registry.shortcut(key) for key in self.registry.keys()}
        final.update(chosen)
        seen: dict[str, str] = {}
        for key, seq in final.items():
            if seq and seq in seen:
                self.problem.setText(self.tr("“%1” is used twice: %2 and %3").replace("%1", seq)
                                     .replace("%2", self.registry[seen[seq]].text().replace("&", ""))
                                     .replace("%3", self.registry[key].text().replace("&", "")))
                return
            seen[seq] = key
        for key, seq in chosen.items():
            self.registry.set_shortcut(key, seq)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, registry: ActionRegistry) -> bool:
        return cls(parent, registry).exec() == QDialog.DialogCode.Accepted
