"""File dialogs that never read a listed file's content.

Qt's file dialog finds each listed file's icon and type by its MIME type, and for a name it cannot place (``qawl.db``)
it reads the file's first bytes. Opening and closing the open project file that way drops every SQLite lock this
process holds on it (see ``app/core/files.py``): browsing the project's folder in File ▸ Import would be enough for
a ``qawl`` command to delete the write-ahead log the window writes into. Native dialogs can do the same in-process
(GTK's chooser guesses content types too). So every dialog here is Qt's own, with an icon provider that goes by the
kind of entry only (folder, file, link) and the name's suffix.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class PlainIcons(QFileIconProvider):
    """Icons and type names from the kind of entry and the suffix; never from the content."""

    def icon(self, what):  # noqa: D401 - Qt's overloaded icon(IconType) / icon(QFileInfo)
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialog", "Folder")
        suffix = info.suffix()
        return QCoreApplication.translate("FileDialog", "%1 file").replace("%1", suffix.upper()) if suffix else \
            QCoreApplication.translate("FileDialog", "File")


_ICONS: PlainIcons | None = None


def _dialog(parent: QWidget | None, caption: str, directory: str, pattern: str,
            mode: QFileDialog.FileMode, accept: QFileDialog.AcceptMode) -> QFileDialog:
    global _ICONS
    if _ICONS is None:
        _ICONS = PlainIcons()
    dialog = QFileDialog(parent, caption, directory, pattern)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_ICONS)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()


def open_files(parent: QWidget | None, caption: str, directory: str = "", pattern: str = "") -> list[str]:
    return _run(_dialog(parent, caption, directory, pattern, QFileDialog.FileMode.ExistingFiles,
                        QFileDialog.AcceptMode.AcceptOpen))


def open_file(parent: QWidget | None, caption: str, directory: str = "", pattern: str = "") -> str:
    found = _run(_dialog(parent, caption, directory, pattern, QFileDialog.FileMode.ExistingFile,
                         QFileDialog.AcceptMode.AcceptOpen))
    return found[0] if found else ""


def folder(parent: QWidget | None, caption: str, directory: str = "") -> str:
    found = _run(_dialog(parent, caption, directory, "", QFileDialog.FileMode.Directory,
                         QFileDialog.AcceptMode.AcceptOpen))
    return found[0] if found else ""


def save_file(parent: QWidget | None, caption: str, directory: str = "", pattern: str = "") -> str:
    found = _run(_dialog(parent, caption, directory, pattern, QFileDialog.FileMode.AnyFile,
                         QFileDialog.AcceptMode.AcceptSave))
    return found[0] if found else ""
