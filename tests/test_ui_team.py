"""Team projects in the window: Team ▸ Sync runs in the background (progress, Cancel) and the window shows what
arrived; assignments come first in the document list; the lead assigns from the window."""

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from app.operations import team
from app.operations.project import gui_api
from app.store import TeamStore

from team_support import Team, add_word, make_template
from ui_support import open_window

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_template(tmp_path_factory.mktemp("team-template"), ("ali", "bob"))


@pytest.fixture
def crew(tmp_path, template):
    t = Team.copy(template, tmp_path, ("ali", "bob"))
    yield t
    t.close()


def wait_sync(qtbot, hook):
    task = hook.sync()
    assert task is not None
    qtbot.waitUntil(lambda: hook.task is None, timeout=60_000)
    return task


def test_sync_from_the_window_sends_brings_in_and_shows_what_arrived(qtbot, crew):
    s = crew.stores
    team.assign(s["lead"], "ali", ["d4", "d2"])
    crew.sync("lead")
    add_word(s["bob"], "bob", "d1", "CUE", "قال")
    crew.sync("bob")
    win = open_window(qtbot, s["ali"], annotator="ali", api=gui_api())
    hook = win.team
    assert hook.actions["sync"].isEnabled()
    add_word(s["ali"], "ali", "d3", "CUE", "said")  # as the window would have
    wait_sync(qtbot, hook)
    assert hook.last_report.sent_layers == 1
    assert hook.last_report.arrived == {"bob": {"d1"}}
    assert "teammates' work arrived: \u2068bob\u2069 (1)" in win.message.text()
    dock = hook.dock
    assert dock.arrived.rowCount() == 1 and dock.arrived.item(0, 1).text() == "bob"
    # ali's assignments are on top of the document list, in bold, and listed in the sidebar
    model = win.documents.model
    assert [model.doc_id(0), model.doc_id(1)] == ["d2", "d4"]
    assert dock.mine.rowCount() == 2
    # the report box says what arrived, without blocking
    assert hook.report_box.isVisible()
    hook.report_box.close()
    # double-clicking an arrival opens the document
    dock.arrived.itemDoubleClicked.emit(dock.arrived.item(0, 0))
    assert win.session.document.id == "d1"
    assert crew.sync("bob").arrived == {"ali": {"d3"}}


def test_cancel_sends_nothing(qtbot, crew, monkeypatch):
    s = crew.stores
    win = open_window(qtbot, s["ali"], annotator="ali", api=gui_api())
    add_word(s["ali"], "ali", "d3", "CUE", "said")
    crew.sync("bob")
    hook = win.team
    import app.operations.team.repo as repo_module

    real_fetch = repo_module.LocalRepo.fetch

    def slow_fetch(self):
        import time

        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self.git.cancel():
            time.sleep(0.02)
        return real_fetch(self)

    monkeypatch.setattr(repo_module.LocalRepo, "fetch", slow_fetch)
    task = hook.sync()
    qtbot.waitUntil(lambda: task.isRunning())
    task.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: hook.task is None, timeout=20_000)
    assert "cancelled; nothing was sent" in win.message.text()
    monkeypatch.setattr(repo_module.LocalRepo, "fetch", real_fetch)
    assert not crew.sync("bob").arrived


def test_the_lead_assigns_the_selected_documents(qtbot, crew):
    s = crew.stores
    win = open_window(qtbot, s["lead"], annotator="lead", api=gui_api())
    hook = win.team
    assert hook.dock.lead_row.isVisibleTo(hook.dock)
    table = win.documents.table

    def selected() -> bool:  # selected again if a refresh of the list (a reset) cleared it meanwhile
        if len(win.documents.selected_ids()) != 1:
            table.selectRow(0)
        return len(win.documents.selected_ids()) == 1

    qtbot.waitUntil(selected, timeout=20_000)
    (chosen,) = win.documents.selected_ids()
    hook.dock.who.setCurrentText("bob")
    assert hook.assign_selected(remove=False) == [chosen]
    assert [a.doc_id for a in TeamStore(s["lead"]).assignments("bob")] == [chosen]
    wait_sync(qtbot, hook)
    crew.sync("bob")
    assert [a.doc_id for a in team.assignments(s["bob"], "bob")] == [chosen]


def test_an_annotator_cannot_assign_and_a_plain_project_has_no_sync(qtbot, crew, make_store):
    win = open_window(qtbot, crew.stores["ali"], annotator="ali", api=gui_api())
    assert not win.team.actions["assign"].isEnabled()
    assert not win.team.dock.lead_row.isVisibleTo(win.team.dock)
    plain = open_window(qtbot, make_store({"x": "نص قصير للتجربة."}, name="plain.db"), api=gui_api())
    assert not plain.team.actions["sync"].isEnabled()
    assert "qawl team init" in plain.team.actions["sync"].toolTip()
    assert plain.team.dock is None


def test_a_failed_sync_is_shown_to_the_person(qtbot, crew, tmp_path, monkeypatch):
    win = open_window(qtbot, crew.stores["ali"], annotator="ali", api=gui_api())
    crew.remote.rename(tmp_path / "gone.git")
    shown = []
    monkeypatch.setattr("app.ui.team.QMessageBox.warning", lambda *a: shown.append(a[2]))
    wait_sync(qtbot, win.team)
    assert shown and "cannot fetch" in shown[0]
    assert win.message.text().startswith("Sync failed")
    QApplication.processEvents()
    (tmp_path / "gone.git").rename(crew.remote)


def test_a_team_failure_never_keeps_the_window_from_opening(qtbot, crew):
    from app.core.errors import QawlError

    api = gui_api()

    def broken(store):
        raise QawlError("the team tables cannot be read")

    api = type(api)(**{**api.__dict__, "team": type(api.team)(**{**api.team.__dict__, "status": broken})})
    win = open_window(qtbot, crew.stores["ali"], annotator="ali", api=api)
    assert win.isVisible()
    qtbot.waitUntil(lambda: "the team tables cannot be read" in win.message.text())


def test_the_window_annotates_as_the_member_this_project_syncs(crew, make_store):
    # Otherwise the name saved for other projects would stamp work that no sync ever sends.
    from app.ui.main import team_annotator

    assert team_annotator(gui_api(), crew.stores["bob"]) == "bob"
    assert team_annotator(gui_api(), make_store({"x": "نص"}, name="plain.db")) is None
