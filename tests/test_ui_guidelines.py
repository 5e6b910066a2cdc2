"""Guidelines and help in the window (#13 part 2): the keys cheat sheet generated from the one action registry, the
Guidelines sidebar that follows the selection, guideline tooltips, and editing guidelines into the project."""

from __future__ import annotations

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.guidelines import Guideline
from app.core.schema import DEFAULT_SCHEMA, LabelSchema
from app.ui.keys import CONTEXT_KEYS, KeySheet, rows, show_keys
from app.ui.language import LRM

from ui_support import find, label, open_window, press, settle

TEXT = "وقال وزير الخارجية إن المملكة ستواصل دعمها. وأضاف أن الأمر مهم."


def _api():
    from app.operations.project import gui_api

    return gui_api()


@pytest.fixture
def win(qtbot, make_store):
    return open_window(qtbot, make_store({"d1": TEXT}), doc="d1", api=_api())


# --- the keys cheat sheet -----------------------------------------------------------------------------------------

def test_every_registered_action_with_a_key_is_on_the_sheet(win, qtbot):
    sheet = show_keys(win)
    qtbot.addWidget(sheet)
    shown = {(r.action, r.keys) for r in sheet.visible_rows()}
    r = win.registry
    with_keys = [k for k in r.keys() if r[k].shortcuts() and not r[k].shortcut().isEmpty()]
    assert len(with_keys) > 60
    for key in with_keys:
        keys = ", ".join(s.toString(s.SequenceFormat.NativeText) for s in r[key].shortcuts() if not s.isEmpty())
        assert (key, keys) in shown, key
    # The keys the issue names, each with its command.
    by_keys = {}
    for row in sheet.visible_rows():
        by_keys.setdefault(row.keys, []).append(row.command)
    for keys in ("L", "E", "V", "T", "N", "Shift+N", "W", "R", "U", "G", "P", "Q", "C", "S", "K", "D",
                 "Alt+Left", "Alt+Right", "Alt+Shift+Left", "Alt+Shift+Right", "Alt+Up", "Alt+Down",
                 "Ctrl+F", "F3", "Shift+F3", "Ctrl+Shift+F", "Enter / Shift+Enter", "Return", "F1"):
        assert keys in by_keys, keys
    for n in range(1, 10):
        assert f"Accept version {n}" in by_keys[str(n)]
    assert "Link to current quote" in by_keys["L"]


def test_a_new_action_is_on_the_sheet_without_touching_the_sheet(win, qtbot):
    win.registry.add("brand_new", "Do something new", "Ctrl+Alt+J", "a tip")
    sheet = show_keys(win)
    qtbot.addWidget(sheet)
    row = next(r for r in sheet.visible_rows() if r.action == "brand_new")
    assert (row.group, row.command, row.tip) == ("Other keys", "Do something new", "a tip")
    assert row.keys == "Ctrl+Alt+J"
    # Put into a menu, it joins that menu's group.
    win.menus["document"].addAction(win.registry["brand_new"])
    assert next(r for r in rows(win) if r.action == "brand_new").group == "Document"


def test_context_keys_belong_to_registered_actions(win):
    for c in CONTEXT_KEYS:
        assert c.action in win.registry.keys(), c
    groups = {r.command: r.group for r in rows(win)}
    assert groups["Select exact characters, not whole words"] == "View"
    assert groups["In the verdict menu: the verdict of that number / none"] == "Edit ▸ Claim"


def test_the_sheet_is_grouped_by_menu_searchable_and_shows_remapped_keys(win, qtbot):
    win.registry.set_shortcut("link", "J")
    try:
        sheet = show_keys(win)
        qtbot.addWidget(sheet)
        tree = sheet.tree
        groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert groups[:3] == ["File", "Edit", "Edit ▸ Label selection"] and "Review" in groups
        assert groups.index("Edit ▸ Adjust edges") < groups.index("Document") < groups.index("View")
        link = next(r for r in sheet.visible_rows() if r.action == "link")
        assert link.keys == "J"
        sheet.search.setText("move edge")
        assert {r.group for r in sheet.visible_rows()} == {"Edit ▸ Adjust edges"}
        visible = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())
                   if not tree.topLevelItem(i).isHidden()]
        assert visible == ["Edit ▸ Adjust edges"]
        sheet.search.setText("alt shift")
        assert {r.action for r in sheet.visible_rows()} == {"start_left", "start_right"}
        sheet.search.setText("zzz-nothing")
        assert sheet.visible_rows() == []
        sheet.search.clear()
        sheet.all.setChecked(True)  # commands without a key too
        assert any(r.action == "font" and not r.keys for r in sheet.visible_rows())
    finally:
        win.registry.set_shortcut("link", "L")


def test_f1_and_the_help_menu_open_the_sheet_and_the_guidelines(win, qtbot):
    help_menu = win.help.menu
    texts = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Keys…", "Labelling &guidelines"] and texts[-2:] == ["&Report a problem…", "&About Qawl"]
    assert win.registry["keys"].shortcut().toString() == "F1"
    win.view.setFocus()
    press(win.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: isinstance(getattr(win, "key_sheet", None), KeySheet) and win.key_sheet.isVisible())
    win.key_sheet.close()
    win.help.actions["guidelines"].trigger()
    assert win.guidelines.dock.isVisible()


def test_the_sheet_in_arabic_is_translated_and_keeps_keys_left_to_right(qtbot, make_store):
    from app.ui.main import install_language

    app = QApplication.instance()
    translators = install_language(app, "ar")
    try:
        win = open_window(qtbot, make_store({"d1": TEXT}), doc="d1", api=_api())
        sheet = show_keys(win)
        qtbot.addWidget(sheet)
        assert sheet.isRightToLeft() and sheet.windowTitle() != "Keys"
        items = [(item, row) for item, row in sheet.items if row.keys == "Ctrl+Shift+Z, Ctrl+Y"]
        assert items and items[0][0].text(0) == f"{LRM}Ctrl+Shift+Z, Ctrl+Y{LRM}"
        assert "اقتباس" in " ".join(r.command for r in sheet.visible_rows())
        sheet.search.setText("إقتباس")  # letter variants folded
        assert any(r.action == "label:QUOTE" for r in sheet.visible_rows())
        assert win.guidelines.dock.windowTitle() == "الإرشادات"
        assert "كلام أو رأي منقول" in win.registry["label:QUOTE"].toolTip()
        win.guidelines.show()
        assert "الاقتباس" in win.guidelines.dock.text.toPlainText()
    finally:
        for t in translators:
            app.removeTranslator(t)
        install_language(app, "en")


# --- the Guidelines sidebar and tooltips --------------------------------------------------------------------------

def test_the_sidebar_follows_the_selected_annotation_and_its_value(win, qtbot):
    win.guidelines.show()
    dock = win.guidelines.dock
    assert dock.label == "QUOTE"
    label(win, *find(TEXT, "وزير الخارجية"), Qt.Key.Key_S)
    qtbot.waitUntil(lambda: dock.label == "SPEAKER")
    assert "The mention of the source near the cue" in dock.text.toPlainText()
    label(win, *find(TEXT, "إن المملكة ستواصل دعمها"), Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: dock.label == "QUOTE")
    page = dock.text.toPlainText()
    assert "Reported speech or thought" in page and "Leave out" in page and "Example" in page
    shown_type = dock.values.get("type")
    assert shown_type in ("direct", "indirect", "mixed")
    assert f"▶ type: {shown_type}" in page  # the span's own value first, marked
    assert page.index(f"▶ type: {shown_type}") < page.index("type: ", page.index(f"▶ type: {shown_type}") + 5)
    dock.chooser.setCurrentIndex(dock.chooser.findData("DATE"))
    dock.chooser.activated.emit(dock.chooser.currentIndex())
    assert "A calendar date expression" in dock.text.toPlainText()
    assert "[20 يوليو 2015]" in dock.text.toHtml().replace("&quot;", "")


def test_label_keys_t_w_and_the_selection_bar_carry_the_guideline(win, qtbot):
    r = win.registry
    assert "Reported speech or thought" in r["label:QUOTE"].toolTip()
    assert "Example: " in r["label:CLAIM"].toolTip()
    assert "direct: The words as said" in r["cycle_type"].toolTip()
    assert "check-worthy?: Unsure" in r["cycle_checkworthy"].toolTip() or "unsure" in r["cycle_checkworthy"].toolTip()
    menus = [m for m in r["label:QUOTE"].associatedObjects() if hasattr(m, "toolTipsVisible")]
    assert menus and all(m.toolTipsVisible() for m in menus)  # Edit ▸ Label selection shows them
    bar = win.selection_bar
    assert "Q Quote: Reported speech" in bar.toolTip()  # nothing selected: every label's meaning with its key
    label(win, *find(TEXT, "وقال"), Qt.Key.Key_K)
    qtbot.waitUntil(lambda: "Cue: The reporting verb" in bar.toolTip())
    assert "وقال" in bar.toolTip()  # the exact text stays first


def test_editing_a_guideline_saves_it_in_the_project_and_every_tooltip_follows(win, qtbot):
    win.guidelines.show()
    editor = win.guidelines.dock.open_editor("CUE")
    en, ar = editor.fields["en"], editor.fields["ar"]
    assert en["meaning"].text().startswith("The reporting verb") and ar["meaning"].text().startswith("فعل القول")
    en["meaning"].setText("The verb of saying.")
    en["include"].setPlainText("• قال\n\n- أكد")
    ar["example"].setText("[قال] الوزير")
    editor.save()
    assert not editor.isVisible()
    stored = LabelSchema.from_dict(orjson.loads(win.session.store.meta("label_schema")))
    cue = stored.guidelines.get("CUE", "en")
    assert cue.meaning == "The verb of saying." and cue.include == ("قال", "أكد")
    assert stored.guidelines.get("CUE", "ar").example == "[قال] الوزير"
    assert stored.version == DEFAULT_SCHEMA.version + 1
    assert "The verb of saying." in win.registry["label:CUE"].toolTip()
    assert win.session.schema.guidelines.get("CUE", "en").meaning == "The verb of saying."
    assert "Guideline saved" in win.message.text()
    win.guidelines.dock.show_label("CUE")
    assert "The verb of saying." in win.guidelines.dock.text.toPlainText()


def test_a_bad_guideline_is_said_in_the_editor_and_changes_nothing(win, qtbot):
    before = win.session.store.meta("label_schema")
    editor = win.guidelines.dock.open_editor("QUOTE")
    editor.fields["ar"]["meaning"].setText("x" * 5000)
    editor.save()
    assert editor.isVisible() and "العربية: meaning: is longer than 4,000 characters" in editor.problem.text()
    assert win.session.store.meta("label_schema") == before


def test_a_value_guideline_is_edited_and_restored_to_the_default(win, qtbot, monkeypatch):
    editor = win.guidelines.dock.open_editor("QUOTE.type=mixed")
    assert editor.key == "QUOTE.type=mixed"
    editor.fields["en"]["meaning"].setText("Both at once.")
    editor.save()
    assert win.session.schema.guidelines.get("QUOTE.type=mixed", "en").meaning == "Both at once."
    assert "mixed: Both at once." in win.registry["cycle_type"].toolTip()
    editor = win.guidelines.dock.open_editor("QUOTE.type=mixed")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.restore()
    assert win.session.schema.guidelines == DEFAULT_SCHEMA.guidelines
    assert editor.fields["en"]["meaning"].text().startswith("Indirect content that contains")


def test_another_process_s_guideline_edit_shows_in_the_open_window(win, qtbot):
    from app.operations.guidelines import set_guideline
    from app.store import Store

    win.guidelines.show()
    win.guidelines.dock.show_label("DATE")
    with Store.open(win.session.store.path) as other:
        set_guideline(other, "DATE", {"en": Guideline("A day in the calendar.")})
    qtbot.waitUntil(lambda: win.poll_project() or "A day in the calendar." in win.guidelines.dock.text.toPlainText(),
                    timeout=5000)
    settle()
    assert "A day in the calendar." in win.guidelines.dock.text.toPlainText()
    assert "A day in the calendar." in win.registry["label:DATE"].toolTip()


def test_change_keys_on_the_sheet_remaps_and_the_sheet_shows_the_new_key(win, qtbot, monkeypatch):
    from app.ui.dialogs import KeysDialog

    def ask(parent, registry):
        registry.set_shortcut("cycle_type", "Y")  # what the remapping dialog does on OK
        return True

    monkeypatch.setattr(KeysDialog, "ask", staticmethod(ask))
    sheet = show_keys(win)
    qtbot.addWidget(sheet)
    try:
        sheet.change.click()
        assert next(r for r in sheet.visible_rows() if r.action == "cycle_type").keys == "Y"
    finally:
        win.registry.set_shortcut("cycle_type", "T")


def test_after_a_language_switch_the_new_window_shows_another_process_s_edit(win, qtbot):
    """The session outlives the window it was shown in: the old window's guideline hook must go with it."""
    from PySide6.QtCore import QTranslator

    from app.operations.guidelines import set_guideline
    from app.store import Store
    from app.ui.language import switch_language
    from app.ui.main import install_language

    try:
        arabic = switch_language(win, "ar")
        qtbot.addWidget(arabic)
        qtbot.waitUntil(lambda: not win.isVisible())
        assert "كلام أو رأي منقول" in arabic.registry["label:QUOTE"].toolTip()
        with Store.open(arabic.session.store.path) as other:
            set_guideline(other, "QUOTE", {"ar": Guideline("كلام منقول.")})
        qtbot.waitUntil(lambda: arabic.poll_project() or "كلام منقول." in arabic.registry["label:QUOTE"].toolTip(),
                        timeout=5000)
    finally:
        app = QApplication.instance()
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
        install_language(app, "en")
