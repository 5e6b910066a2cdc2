"""One registry of every command of the window, keyed by :class:`ActionId` (and ``label:NAME`` for the label
keys, which come from the label schema). One place to find each command, its words and its shortcut.

Label keys (Q quote, C claim, S speaker, K cue, D date by default) and the other single-key commands can be
remapped; the mapping is saved in the settings under ``keys/<id>``. The window connects each action to what it
does; later features add their own actions with :meth:`ActionRegistry.add` (e.g. accept / reject a suggestion).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from ..core.schema import LabelSchema
from .names import label_name


class ActionId(str, Enum):
    IMPORT = "import"
    EXPORT = "export"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    DELETE = "delete"
    DESELECT = "deselect"
    NEXT_ANNOTATION = "next_annotation"
    PREVIOUS_ANNOTATION = "previous_annotation"
    END_LEFT = "end_left"
    END_RIGHT = "end_right"
    START_LEFT = "start_left"
    START_RIGHT = "start_right"
    LINK = "link"
    CHOOSE_SPEAKER = "choose_speaker"
    SET_VALUE = "set_value"
    CYCLE_TYPE = "cycle_type"
    CYCLE_CHECKWORTHY = "cycle_checkworthy"
    CHOOSE_VERDICT = "choose_verdict"
    SET_FACTCHECK = "set_factcheck"
    LINK_CLAIM = "link_claim"
    NEXT_DOCUMENT = "next_document"
    PREVIOUS_DOCUMENT = "previous_document"
    MARK_TODO = "mark_todo"
    MARK_IN_PROGRESS = "mark_in_progress"
    MARK_DONE = "mark_done"
    FIND_DOCUMENT = "find_document"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    FONT = "font"
    TOGGLE_DIRECTION = "toggle_direction"
    KEYS = "keys"
    LANGUAGE = "language"
    PROCLITIC = "proclitic"
    SNAP = "snap"
    SHOW_LINKS = "show_links"


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str  # source text, translated in context "Actions"
    shortcut: str = ""  # portable text form, or "" for none
    tip: str = ""
    scope: str | None = None  # see ActionRegistry.add


def _spec(id: ActionId, text: str, shortcut: str = "", tip: str = "", scope: str | None = None) -> ActionSpec:
    return ActionSpec(id.value, text, shortcut, tip, scope)


A = ActionId
SPECS: tuple[ActionSpec, ...] = (
    _spec(A.IMPORT, QT_TRANSLATE_NOOP("Actions", "&Import…"), "Ctrl+I",
          QT_TRANSLATE_NOOP("Actions", "Bring articles (.txt) and annotations (.jsonl) into the project")),
    _spec(A.EXPORT, QT_TRANSLATE_NOOP("Actions", "&Export…"), "Ctrl+Shift+E",
          QT_TRANSLATE_NOOP("Actions", "Write the labelled dataset")),
    _spec(A.QUIT, QT_TRANSLATE_NOOP("Actions", "&Quit"), "Ctrl+Q"),
    _spec(A.UNDO, QT_TRANSLATE_NOOP("Actions", "&Undo"), "Ctrl+Z"),
    _spec(A.REDO, QT_TRANSLATE_NOOP("Actions", "&Redo"), "Ctrl+Shift+Z"),
    _spec(A.DELETE, QT_TRANSLATE_NOOP("Actions", "&Delete annotation"), "Del"),
    _spec(A.DESELECT, QT_TRANSLATE_NOOP("Actions", "Deselect"), "Esc"),
    _spec(A.NEXT_ANNOTATION, QT_TRANSLATE_NOOP("Actions", "Next annotation"), "Alt+Down"),
    _spec(A.PREVIOUS_ANNOTATION, QT_TRANSLATE_NOOP("Actions", "Previous annotation"), "Alt+Up"),
    _spec(A.END_LEFT, QT_TRANSLATE_NOOP("Actions", "Move end edge left"), "Alt+Left"),
    _spec(A.END_RIGHT, QT_TRANSLATE_NOOP("Actions", "Move end edge right"), "Alt+Right"),
    _spec(A.START_LEFT, QT_TRANSLATE_NOOP("Actions", "Move start edge left"), "Alt+Shift+Left"),
    _spec(A.START_RIGHT, QT_TRANSLATE_NOOP("Actions", "Move start edge right"), "Alt+Shift+Right"),
    _spec(A.LINK, QT_TRANSLATE_NOOP("Actions", "&Link to current quote"), "L",
          QT_TRANSLATE_NOOP("Actions", "Link the selected speaker, cue or date to the current quote or claim")),
    _spec(A.CHOOSE_SPEAKER, QT_TRANSLATE_NOOP("Actions", "Choose &speaker…"), "E",
          QT_TRANSLATE_NOOP("Actions", "Choose the registry speaker of the selected mention or quote")),
    _spec(A.SET_VALUE, QT_TRANSLATE_NOOP("Actions", "Set date &value…"), "V"),
    _spec(A.CYCLE_TYPE, QT_TRANSLATE_NOOP("Actions", "Next quote &type"), "T",
          QT_TRANSLATE_NOOP("Actions", "direct → indirect → mixed")),
    _spec(A.CYCLE_CHECKWORTHY, QT_TRANSLATE_NOOP("Actions", "Next check-&worthiness"), "W",
          QT_TRANSLATE_NOOP("Actions", "Claim: check-worthy yes → no → unsure → none")),
    _spec(A.CHOOSE_VERDICT, QT_TRANSLATE_NOOP("Actions", "Claim &verdict…"), "R",
          QT_TRANSLATE_NOOP("Actions", "Choose the claim's verdict: R, then its number")),
    _spec(A.SET_FACTCHECK, QT_TRANSLATE_NOOP("Actions", "Fact-check &URL…"), "U",
          QT_TRANSLATE_NOOP("Actions", "The URL of the published fact-check of the claim")),
    _spec(A.LINK_CLAIM, QT_TRANSLATE_NOOP("Actions", "Link to canonical &claim…"), "G",
          QT_TRANSLATE_NOOP("Actions", "Link the claim to the project's claim registry (similar claims first)")),
    _spec(A.NEXT_DOCUMENT, QT_TRANSLATE_NOOP("Actions", "&Next document"), "Ctrl+PgDown"),
    _spec(A.PREVIOUS_DOCUMENT, QT_TRANSLATE_NOOP("Actions", "&Previous document"), "Ctrl+PgUp"),
    _spec(A.MARK_TODO, QT_TRANSLATE_NOOP("Actions", "Mark to do"), "Ctrl+1"),
    _spec(A.MARK_IN_PROGRESS, QT_TRANSLATE_NOOP("Actions", "Mark in progress"), "Ctrl+2"),
    _spec(A.MARK_DONE, QT_TRANSLATE_NOOP("Actions", "Mark &done"), "Ctrl+3"),
    _spec(A.FIND_DOCUMENT, QT_TRANSLATE_NOOP("Actions", "&Filter the document list"), "Ctrl+L"),
    _spec(A.ZOOM_IN, QT_TRANSLATE_NOOP("Actions", "Zoom &in"), "Ctrl++"),
    _spec(A.ZOOM_OUT, QT_TRANSLATE_NOOP("Actions", "Zoom &out"), "Ctrl+-"),
    _spec(A.ZOOM_RESET, QT_TRANSLATE_NOOP("Actions", "Reset zoom"), "Ctrl+0"),
    _spec(A.FONT, QT_TRANSLATE_NOOP("Actions", "Article &font…")),
    _spec(A.TOGGLE_DIRECTION, QT_TRANSLATE_NOOP("Actions", "Switch text &direction"), "Ctrl+Shift+X",
          QT_TRANSLATE_NOOP("Actions", "Show this article right-to-left or left-to-right (offsets never change)")),
    _spec(A.KEYS, QT_TRANSLATE_NOOP("Actions", "&Keys…"), "F1",
          QT_TRANSLATE_NOOP("Actions", "Every key of the window, grouped and searchable; change the single-letter "
                                       "ones")),
    _spec(A.LANGUAGE, QT_TRANSLATE_NOOP("Actions", "العربية / English"),
          tip=QT_TRANSLATE_NOOP("Actions", "Switch the interface language (Arabic, mirrored / English)")),
    _spec(A.PROCLITIC, QT_TRANSLATE_NOOP("Actions", "Leave out or restore the &proclitic"), "P",
          QT_TRANSLATE_NOOP("Actions", "و، ف، ب، ل، ك، ال at the start of the selected speaker or cue: leave it "
                                       "out of the span, or put it back"), scope="annotate"),
    _spec(A.SNAP, QT_TRANSLATE_NOOP("Actions", "&Snap selections to words"), "",
          QT_TRANSLATE_NOOP("Actions", "Labels take whole words without stray punctuation (Alt-drag: exact "
                                       "characters for one selection)")),
    _spec(A.SHOW_LINKS, QT_TRANSLATE_NOOP("Actions", "Show all &links"), "Ctrl+Shift+L",
          QT_TRANSLATE_NOOP("Actions", "Draw every speaker, cue and date link of the visible text (the current "
                                       "quote's links are always drawn)")),
)

# Commands a person may want on another key (single keys clash with keyboard layouts and habits).
REMAPPABLE = {A.DELETE.value, A.LINK.value, A.PROCLITIC.value, A.CHOOSE_SPEAKER.value, A.SET_VALUE.value,
              A.CYCLE_TYPE.value, A.CYCLE_CHECKWORTHY.value, A.CHOOSE_VERDICT.value, A.SET_FACTCHECK.value,
              A.LINK_CLAIM.value,
              A.NEXT_ANNOTATION.value, A.PREVIOUS_ANNOTATION.value, A.NEXT_DOCUMENT.value,
              A.PREVIOUS_DOCUMENT.value, A.MARK_DONE.value, A.END_LEFT.value, A.END_RIGHT.value,
              A.START_LEFT.value, A.START_RIGHT.value}


def label_key(label: str) -> str:
    return f"label:{label}"


# Modes whose actions are never enabled together, so they may share keys.
MODES = ("annotate", "review")


class ActionRegistry(QObject):
    """Every QAction of the window, created once, owned by ``parent`` (the window), shortcuts from settings."""

    def __init__(self, parent: QObject, settings: QSettings, schema: LabelSchema) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actions: dict[str, QAction] = {}
        self._defaults: dict[str, str] = {}
        self.remappable: set[str] = set(REMAPPABLE)
        self.scopes: dict[str, str] = {}  # action key -> "review" | "annotate" (see add)
        for spec in SPECS:
            self.add(spec.key, QCoreApplication.translate("Actions", spec.text), spec.shortcut,
                     QCoreApplication.translate("Actions", spec.tip) if spec.tip else "", scope=spec.scope)
        for label in schema.span_labels:
            key = label_key(label.name)
            text = self.tr("Label as %1").replace("%1", label_name(label.name))
            self.add(key, text, label.key, label.description, remappable=True)

    def add(self, key: str, text: str, shortcut: str = "", tip: str = "", *, remappable: bool = False,
            scope: str | None = None) -> QAction:
        """Create (or return) the action ``key``. A saved remapping wins over the default shortcut.

        ``scope`` names the mode the action lives in: "review" actions are enabled only in review mode and
        "annotate" ones only outside it, so the two may share a key (N: next suggestion / next difference)."""
        if key in self._actions:
            return self._actions[key]
        if scope is not None:
            self.scopes[key] = scope
        action = QAction(text, self.parent())
        action.setObjectName(f"action_{key}")
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        # Window-wide: the label keys work wherever focus is in the window, except in text fields, which take
        # printable keys first (Qt's ShortcutOverride), so typing a name never triggers a label.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._actions[key] = action
        self._defaults[key] = shortcut
        if remappable:
            self.remappable.add(key)
        saved = self._settings.value(f"keys/{key}")
        action.setShortcut(QKeySequence(str(saved) if saved is not None else shortcut))
        if key == ActionId.REDO.value and not saved:
            action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.parent().addAction(action)
        return action

    def __getitem__(self, key: ActionId | str) -> QAction:
        return self._actions[key.value if isinstance(key, ActionId) else key]

    def keys(self) -> list[str]:
        return list(self._actions)

    def default_shortcut(self, key: str) -> str:
        return self._defaults.get(key, "")

    def shortcut(self, key: str) -> str:
        return self._actions[key].shortcut().toString(QKeySequence.SequenceFormat.PortableText)

    def set_shortcut(self, key: str, sequence: str) -> None:
        """Give ``key`` a new shortcut ("" for none) and remember it."""
        self._actions[key].setShortcut(QKeySequence(sequence))
        if sequence == self._defaults.get(key, ""):
            self._settings.remove(f"keys/{key}")
        else:
            self._settings.setValue(f"keys/{key}", sequence)

    def conflicts(self) -> dict[str, list[str]]:
        """Shortcuts used by more than one action that can be enabled at the same time: shortcut -> action keys.
        (A "review" action and an "annotate" action never are: see :meth:`add`.)"""
        used: dict[str, list[str]] = {}
        for key in self._actions:
            seq = self.shortcut(key)
            if seq:
                used.setdefault(seq, []).append(key)

        def clash(a: str, b: str) -> bool:
            return {self.scopes.get(a), self.scopes.get(b)} != set(MODES)

        return {seq: keys for seq, keys in used.items()
                if any(clash(a, b) for i, a in enumerate(keys) for b in keys[i + 1:])}

    def set_scope_enabled(self, scope: str, on: bool) -> None:
        """Enable or disable every action of a scope (entering or leaving review mode)."""
        for key, action_scope in self.scopes.items():
            if action_scope == scope:
                self._actions[key].setEnabled(on)
