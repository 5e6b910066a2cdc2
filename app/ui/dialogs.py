"""Small dialogs. Each has a class method ``ask(...)`` that shows it and returns the answer (None when cancelled):
the one seam tests replace (``monkeypatch.setattr(SpeakerPicker, "ask", ...)``) to answer without a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHeaderView, QInputDialog, QKeySequenceEdit,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.model import Entity
from .actions import ActionRegistry


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
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Speaker of the mention “%1”:").replace("%1", " ".join(mention.split()))))
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self._fill)
        self.query.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
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
    """Which of two speakers stays; the other's mentions follow it and its names become aliases."""

    def __init__(self, parent: QWidget | None, a: Entity, b: Entity, counts: dict[str, int]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge speakers"))
        self.a, self.b = a, b
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Keep which name? All mentions of the other speaker will point to it, "
                                        "and the other's names become its aliases.")))
        self.keep_a = QRadioButton(f"{a.name}  ·  {counts.get(a.id, 0)}")
        self.keep_b = QRadioButton(f"{b.name}  ·  {counts.get(b.id, 0)}")
        (self.keep_a if counts.get(a.id, 0) >= counts.get(b.id, 0) else self.keep_b).setChecked(True)
        layout.addWidget(self.keep_a)
        layout.addWidget(self.keep_b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, a: Entity, b: Entity,
            counts: dict[str, int]) -> tuple[Entity, Entity] | None:
        dialog = cls(parent, a, b, counts)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return (dialog.a, dialog.b) if dialog.keep_a.isChecked() else (dialog.b, dialog.a)


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
                shown = QTableWidgetItem(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
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
