"""The dialogs of the Help menu: About Qawl (the versions, where Qawl keeps its files) and Report a problem (where
the log is, what to send). Loaded when first opened (start-up stays short)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from .. import __version__, logfile
from . import settings as cfg
from .help import app_icon, isolate, versions, versions_text


def lead(label: QLabel) -> QLabel:
    """Text that starts on the reading side of the dialog even when it begins with Latin letters (Qt would
    otherwise align a left-to-right paragraph to the left in the Arabic interface)."""
    side = Qt.AlignmentFlag.AlignRight if label.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
    return label


def _copy_button(text: str, payload: Callable[[], str]) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(lambda: QGuiApplication.clipboard().setText(payload()))
    return button


class AboutDialog(QDialog):
    """The icon, the version, what Qawl is for, the versions of what it runs on, where its files are."""

    def __init__(self, parent: QWidget | None, sqlite: str | None, project: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Qawl"))
        self.sqlite = sqlite
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(96, 96))
        title = QLabel(f"<b style='font-size: 16pt'>Qawl (قول)</b> &nbsp; {isolate(__version__)}")
        title.setObjectName("about_title")
        lead(title)
        blurb = QLabel(self.tr("Annotate quotes, claims, speakers, cues and dates in news articles by hand, review "
                               "teammates' annotations and export labelled datasets. Free software (MIT licence)."))
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(blurb)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for name, value in versions(sqlite):
            label = lead(QLabel(isolate(value)))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(f"version_{name.lower()}")
            self.values[name] = label
            form.addRow(self._part_name(name), label)
        for name, path in ((self.tr("Project"), project), (self.tr("Log"), logfile.log_path()),
                           (self.tr("Settings"), cfg.settings_path())):
            label = lead(QLabel(isolate(str(path)) if path else self.tr("(in memory)")))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(name, label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(_copy_button(self.tr("Copy versions"), lambda: versions_text(sqlite)),
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _part_name(self, name: str) -> str:
        names = {"System": self.tr("System"), "Installed": self.tr("Installed in")}
        return names.get(name, name)


class ProblemDialog(QDialog):
    """Where the log is, what to send with a problem report, and buttons that copy or open what is needed."""

    def __init__(self, parent: QWidget | None, sqlite: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_dialog")
        self.setWindowTitle(self.tr("Report a problem"))
        self.sqlite = sqlite
        log = logfile.log_path()
        written = logfile.log_files()
        intro = QLabel(self.tr("Qawl writes every unexpected error, with the details a developer needs, to its log "
                               "file:"))
        intro.setWordWrap(True)
        self.path = QLabel(isolate(str(log)))
        self.path.setObjectName("log_path")
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setStyleSheet("font-family: monospace")
        lead(self.path)
        names = ("، " if self.isRightToLeft() else ", ").join(isolate(p.name) for p in written)
        state = QLabel(self.tr("In that folder now (the newest first): %1").replace("%1", names)
                       if written else self.tr("Nothing has been written to it yet."))
        state.setWordWrap(True)
        send = QLabel(self.tr(
            "<p>Please send:</p><ol>"
            "<li>the log file <b>qawl.log</b> (and <b>qawl.log.1</b> if the problem happened a while ago);</li>"
            "<li>the versions (the button below copies them);</li>"
            "<li>what you did, step by step, what you expected and what happened instead;</li>"
            "<li>a screenshot when the problem is in what the window shows;</li>"
            "<li>when it concerns one article and you may share it: that document exported "
            "(File ▸ Export, Qawl JSONL).</li></ol>"
            "<p>The log is a plain text file: read it before you send it. Send all this to whoever looks after Qawl "
            "for your team, or attach it to an issue in Qawl's repository.</p>"))
        send.setWordWrap(True)
        send.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton(self.tr("Open the log folder"))
        self.open_folder.clicked.connect(self._open_folder)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_copy_button(self.tr("Copy the log's path"), lambda: str(log)),
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(_copy_button(self.tr("Copy the versions"), self.report_text),
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.path, state, send):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    def report_text(self) -> str:
        return f"{versions_text(self.sqlite)}\nLog: {logfile.log_path()}"

    def _open_folder(self) -> None:
        folder = logfile.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
