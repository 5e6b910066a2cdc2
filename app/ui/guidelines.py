"""The labelling guidelines in the window: the Guidelines sidebar, tooltips, and editing them.

The guidelines are the project's (kept in its label schema: :mod:`app.core.guidelines`), shown in the interface's
language (English where a label has none in it, said so). The **Guidelines sidebar** follows the selected
annotation (else the current quote): what its label means, what to include and to leave out, an example with the
span marked, and the guidelines of its attribute values (the quote types, check-worthiness) with its own value
first; a list above it shows any other label. **Tooltips** carry the same words: the label keys in the menus and
the article's context menu, T and W, and the bar under the article. **Edit…** changes a label's (or a value's)
guideline in both languages; it is written into the project's schema in one transaction (``ProjectApi``) and every
tooltip follows. Schema edits are not on the undo stack (the verdict list is not either): the undo stack holds
annotation changes, which are checked against the layer they were made on; the editor has Restore default instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

import orjson

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QDockWidget, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QPushButton,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from ..core.errors import QawlError
from ..core.guidelines import Guideline, split_target, target
from ..core.schema import LabelSchema
from .actions import ActionId, label_key
from .help import HelpEntry
from .names import label_name, type_name

CONTEXT = "Guidelines"
# Words of the sidebar's page, translated in context "Guidelines" (module functions have no tr()).
W_EXAMPLE_OF = QT_TRANSLATE_NOOP("Guidelines", "Example: %1")
W_NONE = QT_TRANSLATE_NOOP("Guidelines", "No guideline for this label yet: Edit… writes one.")
W_OTHER_LANG = QT_TRANSLATE_NOOP("Guidelines", "Not written in this language yet; shown in %1.")
W_INCLUDE = QT_TRANSLATE_NOOP("Guidelines", "Include")
W_EXCLUDE = QT_TRANSLATE_NOOP("Guidelines", "Leave out")
W_EXAMPLE = QT_TRANSLATE_NOOP("Guidelines", "Example")
W_TITLE = QT_TRANSLATE_NOOP("Guidelines", "Guidelines")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
LANG_NAMES = {"en": "English", "ar": "العربية"}
RTL_LANGS = {"ar", "fa", "ur", "he", "ps", "ckb"}
_BRACKETED = re.compile(r"\[([^\[\]]+)\]")


def ui_lang() -> str:
    """The interface's language: Arabic is the right-to-left one."""
    return "ar" if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "en"


def value_name(attr: str, value: str) -> str:
    return type_name(value) if attr == "type" else value


def choice_targets(schema, label: str) -> list[tuple[str, str, str]]:
    """(attribute, value, target) of every choice value of ``label`` that has a guideline."""
    found = schema.label(label)
    out = []
    for attr in found.attrs if found else ():
        if attr.kind == "choice":
            out += [(attr.name, v, target(label, attr.name, v)) for v in attr.choices
                    if schema.guidelines.languages(target(label, attr.name, v))]
    return out


def tooltip(schema, label: str, lang: str | None = None) -> str:
    """A label's guideline in a few lines: its meaning and its example (the whole one is in the sidebar)."""
    found = schema.guidelines.best(label, lang or ui_lang())
    if not found:
        return ""
    guideline, _ = found
    parts = [guideline.meaning] if guideline.meaning else []
    if guideline.example:
        parts.append(_t(W_EXAMPLE_OF).replace("%1", guideline.example))
    return "\n".join(parts)


def values_tooltip(schema, label: str, attr: str, lang: str | None = None) -> str:
    """Each value of ``label``.``attr`` with its guideline's meaning (T: the quote types; W: check-worthiness)."""
    lines = []
    for name, value, key in choice_targets(schema, label):
        found = schema.guidelines.best(key, lang or ui_lang()) if name == attr else None
        if found and found[0].meaning:
            lines.append(f"{value_name(attr, value)}: {found[0].meaning}")
    return "\n".join(lines)


def _example_html(example: str, color: str) -> str:
    """The example with its bracketed span drawn in the label's colour (the brackets stay: they mark the edges)."""
    out, last = [], 0
    for m in _BRACKETED.finditer(example):
        out.append(html.escape(example[last:m.start()]))
        out.append(f"<span style='background-color:{color}'>[{html.escape(m.group(1))}]</span>")
        last = m.end()
    out.append(html.escape(example[last:]))
    return "".join(out)


def guideline_html(schema, label: str, lang: str, current: dict[str, str] | None = None) -> str:
    """The sidebar's page for ``label``: its guideline, then its values' (``current``: the selected span's values,
    shown first and marked)."""
    info = schema.label(label)
    color = info.color if info else "#cccccc"
    ui_side = "rtl" if ui_lang() in RTL_LANGS else "ltr"
    chip = f"<span style='background-color:{color}'>&nbsp;{html.escape(label_name(label))}&nbsp;</span>"
    head = (f"<h3 dir='{ui_side}'>{chip} "
            f"<small>{html.escape(label)}</small></h3>")
    found = schema.guidelines.best(label, lang)
    if not found:
        return head + "<p><i>" + html.escape(_t(W_NONE)) + "</i></p>"
    guideline, got = found
    body = [head]
    if got != lang:
        body.append("<p><i>" + html.escape(_t(W_OTHER_LANG)
                                           .replace("%1", LANG_NAMES.get(got, got))) + "</i></p>")
    body.append(_page(guideline, color, got))
    values = choice_targets(schema, label)
    current = current or {}
    values.sort(key=lambda v: current.get(v[0]) != v[1])  # the selected span's own value first
    for attr, value, key in values:
        hit = schema.guidelines.best(key, lang)
        if not hit:
            continue
        mark = "▶ " if current.get(attr) == value else ""
        body.append(f"<h4 dir='{ui_side}'>{mark}{html.escape(attr)}: {html.escape(value_name(attr, value))}</h4>")
        body.append(_page(hit[0], color, hit[1]))
    return "".join(body)


def _page(guideline: Guideline, color: str, lang: str) -> str:
    """One guideline in its own language's direction (Qt places list bullets by the block's direction, not by
    the text's: an Arabic guideline's bullets go on the right, an English one's on the left, whatever the
    interface)."""
    side = "rtl" if lang in RTL_LANGS else "ltr"
    out = []
    if guideline.meaning:
        out.append(f"<p dir='{side}'>{html.escape(guideline.meaning)}</p>")
    for part, title in (("include", _t(W_INCLUDE)), ("exclude", _t(W_EXCLUDE))):
        rules = getattr(guideline, part)
        if rules:
            out.append(f"<p dir='{side}'><b>{html.escape(title)}</b></p><ul dir='{side}'>" +
                       "".join(f"<li>{html.escape(r)}</li>" for r in rules) + "</ul>")
    if guideline.example:
        word = _t(W_EXAMPLE)  # the example is article text: its own direction (Qt finds it from its letters)
        out.append(f"<p dir='{side}'><b>{html.escape(word)}</b></p><p>{_example_html(guideline.example, color)}</p>")
    return "".join(out)


class GuidelinesDock(QDockWidget):
    """The Guidelines sidebar: the guideline of the selected annotation's label (or of the label chosen above)."""

    def __init__(self, window) -> None:
        super().__init__(_t(W_TITLE), window)
        self.setObjectName("guidelines_dock")
        self.window_ = window
        self.session = window.session
        self.label = ""
        self.values: dict[str, str] = {}
        self._shown: tuple | None = None  # what the page shows now (see _render)
        self.chooser = QComboBox()
        self.chooser.setObjectName("guidelines_label")
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setObjectName("guidelines_edit")
        self.edit.setToolTip(self.tr("Change this label's guideline (English and Arabic) for the whole project"))
        self.edit.clicked.connect(lambda: self.open_editor())
        self.text = QTextBrowser()
        self.text.setObjectName("guidelines_text")
        self.text.setOpenLinks(False)
        row = QHBoxLayout()
        row.addWidget(self.chooser, 1)
        row.addWidget(self.edit)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        self.setWidget(body)
        self.fill_chooser()
        self.chooser.activated.connect(lambda i: self.show_label(self.chooser.itemData(i)))
        self.visibilityChanged.connect(lambda shown: shown and (self.follow(), self._render()))
        self.show_label(self.session.schema.span_labels[0].name if self.session.schema.span_labels else "")

    def fill_chooser(self) -> None:
        self.chooser.clear()
        for label in self.session.schema.span_labels:
            self.chooser.addItem(f"{label_name(label.name)} ({label.name})", label.name)

    def follow(self) -> None:
        """Show the guideline of the selected annotation's label, else of the current quote's; else stay."""
        s = self.session
        layer = _layer(s)
        if layer is None:
            return
        span = layer.spans.get(s.selected or "") or layer.spans.get(s.record or "")
        if span is not None:
            self.show_label(span.label, {k: v for k, v in span.attrs.items() if isinstance(v, str)})

    def show_label(self, label: str, values: dict[str, str] | None = None) -> None:
        if not label:
            return
        self.label, self.values = label, values or {}
        i = self.chooser.findData(label)
        if i >= 0:
            self.chooser.setCurrentIndex(i)
        self._render()

    def _render(self, force: bool = False) -> None:
        """The page, drawn only while the sidebar is shown (not at start-up) and only when what it shows changed."""
        if not self.isVisible() and not force:
            return
        key = (self.label, tuple(sorted(self.values.items())), id(self.session.schema.guidelines), ui_lang())
        if key == self._shown and not force:
            return
        self._shown = key
        self.text.setHtml(guideline_html(self.session.schema, self.label, ui_lang(), self.values))

    def refresh(self) -> None:
        self._render(force=self.isVisible())

    def open_editor(self, key: str | None = None) -> "GuidelineEditor":
        editor = GuidelineEditor(self.window_, key or self.label)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.open()
        return editor


class GuidelineEditor(QDialog):
    """One label's (or value's) guideline in every interface language, a tab each; Save writes both in one
    transaction, Restore default brings back the shipped ones."""

    def __init__(self, window, key: str) -> None:
        super().__init__(window)
        self.setObjectName("guideline_editor")
        self.window_ = window
        self.session = window.session
        schema = self.session.schema
        label, _, _ = split_target(key)
        self.what = QComboBox()
        self.what.setObjectName("guideline_target")
        self.what.addItem(label_name(label), label)
        for attr, value, vkey in _all_values(schema, label):
            self.what.addItem(f"{label_name(label)} · {attr}: {value_name(attr, value)}", vkey)
        self.what.setCurrentIndex(max(0, self.what.findData(key)))
        self.what.currentIndexChanged.connect(lambda _i: self.load())
        self.tabs = QTabWidget()
        self.fields: dict[str, dict[str, QWidget]] = {}
        for lang in ("en", "ar"):
            page = QWidget()
            page.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight)
            form = QFormLayout(page)
            meaning, example = QLineEdit(), QLineEdit()
            include, exclude = QPlainTextEdit(), QPlainTextEdit()
            for edit in (include, exclude):
                edit.setTabChangesFocus(True)
                # Each rule in the tab's language direction, on its reading side (a plain-text editor lays its
                # paragraphs out left to right unless told; Qt's AlignRight alone is mirrored in RTL).
                option = edit.document().defaultTextOption()
                option.setTextDirection(page.layoutDirection())
                option.setAlignment((Qt.AlignmentFlag.AlignRight if lang == "ar" else Qt.AlignmentFlag.AlignLeft)
                                    | Qt.AlignmentFlag.AlignAbsolute)
                edit.document().setDefaultTextOption(option)
                edit.setPlaceholderText(self.tr("One rule a line"))
            example.setPlaceholderText(self.tr("Mark the span with [square brackets]"))
            form.addRow(self.tr("Meaning"), meaning)
            form.addRow(self.tr("Include"), include)
            form.addRow(self.tr("Leave out"), exclude)
            form.addRow(self.tr("Example"), example)
            self.fields[lang] = {"meaning": meaning, "include": include, "exclude": exclude, "example": example}
            self.tabs.addTab(page, LANG_NAMES[lang])
        self.tabs.setCurrentIndex(1 if ui_lang() == "ar" else 0)
        self.problem = QLabel()
        self.problem.setObjectName("guideline_problem")
        self.problem.setStyleSheet("color: #c00000")
        self.problem.setWordWrap(True)
        note = QLabel(self.tr("Saved in the project's label schema: everyone who opens this project sees it, and it is "
                         "exported with the schema. In a team project, the lead's guidelines are the team's."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel |
                                   QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(620, 520)
        self.load()

    @property
    def key(self) -> str:
        return self.what.currentData()

    def load(self) -> None:
        self.setWindowTitle(self.tr("Guideline: %1").replace("%1", self.what.currentText()))
        for lang, f in self.fields.items():
            g = self.session.schema.guidelines.get(self.key, lang) or Guideline()
            f["meaning"].setText(g.meaning)
            f["include"].setPlainText("\n".join(g.include))
            f["exclude"].setPlainText("\n".join(g.exclude))
            f["example"].setText(g.example)
        self.problem.clear()

    def written(self) -> dict[str, Guideline]:
        """What the fields say, language → guideline (raises QawlError naming the field when one is wrong)."""
        out = {}
        for lang, f in self.fields.items():
            try:
                out[lang] = Guideline.from_text(f["meaning"].text(), f["include"].toPlainText(),
                                                f["exclude"].toPlainText(), f["example"].text())
            except QawlError as exc:
                where = (exc.field or "").removeprefix("guideline.")
                raise QawlError(exc.message, field=f"{LANG_NAMES[lang]}: {where}") from None
        return out

    def _apply(self, write) -> bool:
        try:
            schema = write()
        except QawlError as exc:
            self.problem.setText(str(exc))  # nothing was changed: the dialog stays open with what was typed
            return False
        apply_schema(self.window_, schema)
        return True

    def save(self) -> None:
        api = self.window_.api
        if api is None or api.set_guideline is None:
            self.problem.setText(self.tr("This window cannot change the project's schema."))
            return
        try:
            by_lang = self.written()
        except QawlError as exc:
            self.problem.setText(str(exc))
            return
        if self._apply(lambda: api.set_guideline(self.session.store, self.key, by_lang)):
            self.window_._say(self.tr("Guideline saved: %1").replace("%1", self.what.currentText()))
            self.accept()

    def restore(self) -> None:
        api = self.window_.api
        if api is None or api.reset_guidelines is None:
            return
        if QMessageBox.question(self, self.tr("Restore default"),
                                self.tr("Replace this guideline, in every language, with the one Qawl ships?")) \
                != QMessageBox.StandardButton.Yes:
            return
        if self._apply(lambda: api.reset_guidelines(self.session.store, self.key)):
            self.load()
            self.window_._say(self.tr("Default guideline restored: %1").replace("%1", self.what.currentText()))


def _all_values(schema, label: str) -> list[tuple[str, str, str]]:
    found = schema.label(label)
    return [(a.name, v, target(label, a.name, v)) for a in (found.attrs if found else ()) if a.kind == "choice"
            for v in a.choices]


def _layer(session):
    """The open document's layer of the annotator, or None when no document is open."""
    return session.layer if session.document is not None else None


def apply_schema(window, schema) -> None:
    """The window shows ``schema``'s guidelines (after an edit here, or another process's)."""
    window.session.schema = schema
    hook = getattr(window, "guidelines", None)
    if hook is not None:
        hook.update_tips()
        hook.dock.refresh()


HELP_TEXT = QT_TRANSLATE_NOOP("Help", "Labelling &guidelines")


class GuidelinesHook(QObject):
    """The sidebar, the tooltips and Help ▸ Labelling guidelines of one window. A QObject child of the window, so
    its connections to the session (which outlives a window: see :mod:`.language`) go with the window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dock = GuidelinesDock(window)
        area = Qt.DockWidgetArea.LeftDockWidgetArea if window.isRightToLeft() else Qt.DockWidgetArea.RightDockWidgetArea
        window.addDockWidget(area, self.dock)
        window.tabifyDockWidget(window.history, self.dock)
        self.dock.hide()
        window.menus["view"].insertAction(window.history.toggleViewAction(), self.dock.toggleViewAction())
        guide = window.help.add(HelpEntry("guidelines", HELP_TEXT, lambda _menu: self.show()), before="report_problem")
        window.help.menu.insertAction(guide, window.registry[ActionId.KEYS])  # the cheat sheet first
        window.help.menu.insertSeparator(window.help.actions["report_problem"])
        s = window.session
        self._raw = None
        for signal in (s.selection_changed, s.record_changed, s.changed):
            signal.connect(self.follow)
        s.refreshed.connect(self.reread)
        window.view.text_selection_changed.connect(self.update_bar)
        self.update_tips()

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.dock.follow()

    def follow(self, *_) -> None:
        if self.dock.isVisible():
            self.dock.follow()
        self.update_bar()

    def update_tips(self) -> None:
        """Every label action and value key says its guideline in its tooltip (and status tip)."""
        schema = self.window.session.schema
        r = self.window.registry
        for label in schema.span_labels:
            tip = tooltip(schema, label.name) or label.description
            action = r[label_key(label.name)]
            action.setToolTip(f"{action.text().replace('&', '')}\n{tip}" if tip else action.text())
            action.setStatusTip(tip.split("\n", 1)[0])
            for menu in action.associatedObjects():
                if isinstance(menu, QMenu):
                    menu.setToolTipsVisible(True)  # a menu shows its entries' tooltips only when asked
        for action_id, label, attr in ((ActionId.CYCLE_TYPE, "QUOTE", "type"),
                                       (ActionId.CYCLE_CHECKWORTHY, "CLAIM", "checkworthy")):
            values = values_tooltip(schema, label, attr)
            if values:
                action = r[action_id]
                action.setToolTip(f"{action.text().replace('&', '')}\n{values}")
        self.update_bar()

    def update_bar(self, *_) -> None:
        """The bar under the article: the selected annotation's guideline in its tooltip, else every label's
        meaning with its key."""
        s = self.window.session
        schema = s.schema
        layer = _layer(s)
        span = layer.spans.get(s.selected or "") if layer is not None else None
        if span is not None:
            tip = tooltip(schema, span.label)
            value = span.attrs.get("type")
            if isinstance(value, str) and (found := schema.guidelines.best(target(span.label, "type", value),
                                                                           ui_lang())):
                tip += f"\n{type_name(value)}: {found[0].meaning}"
            text = f"{label_name(span.label)}: {tip}" if tip else ""
        elif self.window.view.selection()[0] != self.window.view.selection()[1]:
            text = ""  # selected text: the tooltip is that text, exactly
        else:
            lines = []
            for label in schema.span_labels:
                found = schema.guidelines.best(label.name, ui_lang())
                if found and found[0].meaning:
                    key = self.window.registry.shortcut(label_key(label.name))
                    lines.append(f"{key} {label_name(label.name)}: {found[0].meaning}")
            text = "\n".join(lines)
        self.window.selection_bar.set_guide(text)

    def reread(self) -> None:
        """Another process may have changed the guidelines (a second window, ``qawl guidelines``): show theirs.
        Only the guidelines are taken from the stored schema: labels and attributes are the session's business."""
        raw = self.window.session.store.meta("label_schema")
        if not raw or raw == self._raw:
            return
        self._raw = raw
        try:
            fresh = LabelSchema.from_dict(orjson.loads(raw))
        except (QawlError, ValueError):
            return
        schema = self.window.session.schema
        if fresh.guidelines != schema.guidelines:
            apply_schema(self.window, replace(schema, guidelines=fresh.guidelines, _index={}))


def install_guidelines(window) -> GuidelinesHook:
    hook = GuidelinesHook(window)
    window.guidelines = hook
    return hook
