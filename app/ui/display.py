"""Whether the window can be shown here, said in one line when it cannot; Qt's own messages to stderr and the log.

Without a display Qt prints five confusing lines ("xcb-cursor0 is needed", "Reinstalling the application may fix
this problem") and aborts the process (exit status 134). Qawl checks first (no DISPLAY or WAYLAND_DISPLAY on a
Linux or BSD desktop and no QT_QPA_PLATFORM chosen); when Qt fails all the same (a display that does not answer, a
missing system library), the message handler catches Qt's fatal message, says what it means in one line, writes
Qt's lines to the log, and ends the process with status 1 before Qt's abort.
"""

from __future__ import annotations

import os
import re
import sys

from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

from .. import logfile

EXIT_NO_DISPLAY = 1
ENV_PLATFORM = "QT_QPA_PLATFORM"
HOW = ("run it in a desktop session, under a virtual screen (xvfb-run qawl), or with QT_QPA_PLATFORM=offscreen "
       "(a window nobody sees); the other commands (qawl --help) need no display")


def missing_display(environ=os.environ, platform: str = sys.platform) -> str | None:
    """Why no window can be shown, in one line, or None when there may be a display."""
    if platform.startswith(("win", "darwin", "cygwin")) or environ.get(ENV_PLATFORM):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return f"qawl: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set): {HOW}"


def explain_fatal(lines: list[str], environ=os.environ) -> str:
    """One line for a person out of the messages Qt gave before giving up on its platform plugin."""
    text = "\n".join(lines)
    chosen = environ.get(ENV_PLATFORM)
    unknown = re.search(r'Could not find the Qt platform plugin "([^"]*)"', text)
    if unknown:
        available = re.search(r"Available platform plugins are: ([^\n]*?)\.?$", text, re.M)
        return (f"qawl: Qt has no platform plugin called '{unknown.group(1)}' (QT_QPA_PLATFORM)"
                + (f"; it has: {available.group(1)}" if available else ""))
    for line in lines:
        if "could not connect to display" in line:
            display = line.rsplit("display", 1)[1].strip()
            if not display and environ.get("WAYLAND_DISPLAY"):
                return (f"qawl: cannot connect to the Wayland display {environ['WAYLAND_DISPLAY']}, and no X display "
                        f"is set (DISPLAY): {HOW}")
            if not display:
                return f"qawl: no display to show the window on (DISPLAY is not set): {HOW}"
            return (f"qawl: cannot connect to the display {display} (is it running, and may this user open windows "
                    f"on it?): {HOW}")
    if not (chosen or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return f"qawl: no display to show the window on: {HOW}"
    if "platform plugin" in text:
        return (f"qawl: Qt could not start its '{chosen or 'xcb'}' platform plugin, most likely for want of a "
                f"system library (README: system packages; QT_DEBUG_PLUGINS=1 qawl names it); or {HOW}")
    return f"qawl: the window could not start: {lines[-1] if lines else 'Qt gave up'}"


# Harmless and said at every offscreen start: not worth a line in the log.
QUIET = {"This plugin does not support propagateSizeHints()"}


class QtMessages:
    """Qt's messages while the window runs: printed to stderr as Qt would, warnings and worse also to the log.
    Until :meth:`started` they are held back, so a failure to start is told in one line, not in Qt's five."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.held: list[str] | None = []
        self.previous = None

    def install(self) -> "QtMessages":
        self.previous = qInstallMessageHandler(self)
        return self

    def uninstall(self) -> None:
        qInstallMessageHandler(self.previous)

    def started(self) -> None:
        held, self.held = self.held, None
        for line in held or []:
            self._print(line)

    def __call__(self, kind, context, message: str) -> None:
        line = qFormatLogMessage(kind, context, message)
        if kind == QtMsgType.QtFatalMsg:
            self._fatal(line)
            return
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg) and message not in QUIET:
            log = logfile.logger()
            if log.handlers:
                log.warning("Qt: %s", line)
        if self.held is not None:
            self.held.append(line)
        else:
            self._print(line)

    def _print(self, line: str) -> None:
        try:
            print(line, file=self.stream, flush=True)
        except (OSError, ValueError):
            pass

    def _fatal(self, line: str) -> None:
        lines = [*(self.held or []), line]
        explanation = explain_fatal(lines)
        if logfile.start() is not None:
            logfile.logger().error("the window could not start: %s\nQt said:\n%s", explanation, "\n".join(lines))
            for handler in logfile.logger().handlers:
                handler.flush()
        if self.held is None:  # Qt failed while running: its own words matter more than ours
            self._print(line)
        self._print(explanation)
        try:
            sys.stdout.flush()
        finally:
            os._exit(EXIT_NO_DISPLAY)  # before Qt calls abort()
