"""Where the window keeps what it remembers (annotator name, keys, layout, font, zoom, language, last document).

An INI file in the user config folder, or in ``$QAWL_SETTINGS_DIR`` when set (tests and benchmarks use a fresh
folder so nothing leaks between runs or into a person's own settings). Widgets receive the QSettings object;
nothing reads global settings on its own.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ENV_SETTINGS_DIR = "QAWL_SETTINGS_DIR"


def settings_path() -> Path:
    folder = os.environ.get(ENV_SETTINGS_DIR)
    if folder:
        return Path(folder) / "qawl.ini"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base or Path.home() / ".config") / "qawl" / "qawl.ini"


def make_settings() -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return str(value) if value is not None else default


