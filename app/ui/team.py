"""Team projects in the window: the Team menu (Sync in the background with progress and Cancel), the Team sidebar
(your assignments first, the teammates' work that arrived and when, where everyone is; the lead assigns the
documents selected in the list) and the document list with your assignments on top.

The window calls :func:`install_team`; the operations come through ``ProjectApi.team`` (the UI never imports
them). A sync runs on its own connection to the project in a background thread; when it is done the window reads
the project again. A sync run from the command line while the window is open shows in the sidebar too (it looks
at the project's last-sync time every few seconds).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDockWidget, QHBoxLayout, QHeaderView,
                               QLabel, QMenu, QMessageBox, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from ..core.model import GOLD, Status
from .names import status_name
from .span_models import align_for, isolate

POLL_MS = 5000


translate = QCoreApplication.translate  # lupdate reads translate("Team", "...") calls


class _Relay(QObject):
    """Carries the sync's stage from the worker thread to the progress dialog."""

    staged = Signal(str)


def stage_text(stage: str) -> str:
    return {"fetch": translate("Team", "Fetching the team's work…"),
            "receive": translate("Team", "Bringing in your teammates' work…"),
            "prepare": translate("Team", "Preparing your changes…"),
            "send": translate("Team", "Sending your work…"),
            "finish": translate("Team", "Finishing…")}.get(stage, translate("Team", "Syncing…"))


def summary(report) -> str:
    """What a sync did, in the interface's language."""
    parts = []
    sent = [text.replace("%1", str(n)) for n, text in (
        (report.sent_layers, translate("Team", "%1 layer(s)")),
        (report.sent_documents, translate("Team", "%1 new document(s)")),
        (report.sent_events, translate("Team", "%1 registry change(s)"))) if n]
    comma, semicolon = translate("Team", ", "), translate("Team", "; ")  # Arabic has its own: ، ؛
    parts.append(translate("Team", "sent %1").replace("%1", comma.join(sent)) if sent
                 else translate("Team", "nothing to send"))
    if report.arrived:
        who = comma.join(f"{isolate(name)} ({len(docs)})" for name, docs in sorted(report.arrived.items()))
        parts.append(translate("Team", "teammates' work arrived: %1").replace("%1", who))
    else:
        parts.append(translate("Team", "nothing new from teammates"))
    if report.documents_added:
        parts.append(translate("Team", "%1 new document(s)").replace("%1", str(report.documents_added)))
    if report.documents_removed:
        parts.append(translate("Team", "%1 document(s) removed by the lead")
                     .replace("%1", str(len(report.documents_removed))))
    if report.conflicts:
        parts.append(translate("Team", "%1 conflict(s) to decide").replace("%1", str(len(report.conflicts))))
    if report.problems:
        parts.append(translate("Team", "%1 file(s) with problems left out").replace("%1", str(len(report.problems))))
    return semicolon.join(parts)


class TeamDock(QDockWidget):
    """Your assignments, what arrived from teammates, where everyone is; the lead's assigning row."""

    def __init__(self, hook: "TeamHook", parent=None) -> None:
        super().__init__(translate("Team", "Team"), parent)
        self.setObjectName("team_dock")
        self.hook = hook
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 4)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setObjectName("team_header")
        self.sync_button = QPushButton(translate("Team", "Sync now"))
        self.sync_button.clicked.connect(hook.sync)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.sync_button)
        layout.addLayout(top)
        # Three lists the person can resize against each other.
        split = QSplitter(Qt.Orientation.Vertical)
        self.mine_label = QLabel()
        self.mine = self._table([translate("Team", "Document"), translate("Team", "Status")])
        self.arrived_label = QLabel(translate("Team", "Arrived from teammates"))
        self.arrived = self._table([translate("Team", "Document"), translate("Team", "Annotator"),
                                    translate("Team", "When"), "#", translate("Team", "Status")])
        self.people = self._table([translate("Team", "Annotator"), translate("Team", "Assigned"),
                                   translate("Team", "Not started"), translate("Team", "In progress"),
                                   translate("Team", "Done"), translate("Team", "Last sync")])
        for title, table in ((self.mine_label, self.mine), (self.arrived_label, self.arrived),
                             (QLabel(translate("Team", "The team")), self.people)):
            part = QWidget()
            column = QVBoxLayout(part)
            column.setContentsMargins(0, 2, 0, 0)
            column.addWidget(title)
            column.addWidget(table)
            split.addWidget(part)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        layout.addWidget(split, 1)
        self.lead_row = QWidget()
        row = QHBoxLayout(self.lead_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setEditable(True)
        self.who.setMinimumContentsLength(10)
        self.review = QCheckBox(translate("Team", "to review"))
        self.assign_button = QPushButton(translate("Team", "Assign selected documents"))
        self.take_back = QPushButton(translate("Team", "Take back"))
        self.assign_button.clicked.connect(lambda: hook.assign_selected(remove=False))
        self.take_back.clicked.connect(lambda: hook.assign_selected(remove=True))
        row.addWidget(self.who, 1)
        row.addWidget(self.review)
        row.addWidget(self.assign_button)
        row.addWidget(self.take_back)
        layout.addWidget(self.lead_row)
        self.setWidget(box)
        for table in (self.mine, self.arrived):
            table.itemActivated.connect(self._open)
            table.itemDoubleClicked.connect(self._open)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, len(headers)):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _open(self, item: QTableWidgetItem) -> None:
        doc_id = self.sender().item(item.row(), 0).data(Qt.ItemDataRole.UserRole)
        if doc_id:
            self.hook.window.open_document(doc_id)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0 and ids is not None:
                    item.setData(Qt.ItemDataRole.UserRole, ids[r])
                    item.setToolTip(ids[r])
                    item.setTextAlignment(align_for(value))  # a title keeps its own direction
                elif c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, item)


class TeamHook:
    """What :func:`install_team` adds to the window."""

    def __init__(self, window) -> None:
        self.window = window
        api = window.api.team if window.api is not None else None
        self.api = api
        self.state = None
        self.dock: TeamDock | None = None
        self.task = None
        self.last_report = None
        r = window.registry
        self.actions = {
            "sync": r.add("team_sync", translate("Team", "&Sync with the team"), "Ctrl+Shift+Y",
                          translate("Team", "Send your work to the team's repository and bring in your teammates'")),
            "sidebar": r.add("team_sidebar", translate("Team", "Team &sidebar"), "",
                             translate("Team", "Your assignments, what arrived from teammates, where everyone is")),
            "assign": r.add("team_assign", translate("Team", "&Assign selected documents…"), "",
                            translate("Team", "Give the documents selected in the list to an annotator (the lead)")),
        }
        menu = QMenu(translate("Team", "&Team"), window.menuBar())
        menu.setObjectName("team_menu")
        window.menuBar().insertMenu(window.menus["view"].menuAction(), menu)
        menu.addAction(self.actions["sync"])
        menu.addSeparator()
        menu.addAction(self.actions["sidebar"])
        menu.addAction(self.actions["assign"])
        self.menu = menu
        self.actions["sync"].triggered.connect(self.sync)
        self.actions["sidebar"].triggered.connect(self.show_dock)
        self.actions["assign"].triggered.connect(self._assign_action)
        self.timer = QTimer(window)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.safely(self.refresh)
        if self.state is not None:
            self.timer.start()

    def safely(self, fn) -> None:
        """The team's side must never keep the window from working: a failure is said in the status bar."""
        try:
            fn()
        except Exception as exc:  # QawlError, or a project the sidebar cannot read: shown, not raised
            message = translate("Team", "Team: %1").replace("%1", str(exc))
            self.window._failed(message)
            # Said again once the window is up (opening the first document clears the status bar).
            QTimer.singleShot(0, lambda: self.window._failed(message))

    # --- reading the project ----------------------------------------------------------------------------------------

    def _info(self):
        if self.api is None:
            return None
        try:
            return self.api.info(self.window.session.store)
        except Exception:  # a project without the team tables (an older file) is simply not a team project
            return None

    def refresh(self) -> None:
        """Read the team's side of the project again: assignments first in the list, the sidebar."""
        self.state = self._info()
        on = self.state is not None
        self.actions["sync"].setEnabled(on and self.task is None)
        self.actions["sidebar"].setEnabled(on)
        self.actions["assign"].setEnabled(on and self.state.annotator == self.state.lead)
        if not on:
            self.menu.setToolTipsVisible(True)
            self.actions["sync"].setToolTip(translate(
                "Team", "This project is not part of a team. The lead publishes it with 'qawl team init REMOTE'; "
                        "annotators join with 'qawl team join REMOTE --annotator NAME'."))
            return
        store = self.window.session.store
        me = self.window.session.annotator
        mine = [a.doc_id for a in self.api.assignments(store, me, "annotate")]
        docs = self.window.documents
        if frozenset(mine) != docs.model.first:
            docs.model.first = frozenset(mine)
            docs.model.refresh()
        if self.dock is None:
            self._make_dock()
        self._fill_dock(mine)

    def _make_dock(self) -> None:
        # Beside the Quotes sidebar (the wide side: the tables need room); the document list stays in view.
        w = self.window
        self.dock = TeamDock(self, w)
        trailing = Qt.DockWidgetArea.LeftDockWidgetArea if w.isRightToLeft() else Qt.DockWidgetArea.RightDockWidgetArea
        w.addDockWidget(trailing, self.dock)
        w.tabifyDockWidget(w.quotes, self.dock)
        w.quotes.raise_()
        w.menus["view"].addAction(self.dock.toggleViewAction())

    def _title(self, doc_id: str) -> str:
        model = self.window.documents.model
        row = model.row_of(doc_id)
        if row < 0:
            return doc_id
        return model.index(row, model.TITLE).data() or doc_id

    def _fill_dock(self, mine: list[str]) -> None:
        st, store, dock = self.state, self.window.session.store, self.dock
        me = self.window.session.annotator
        when = (st.synced_at or "")[:16].replace("T", " ")
        role = translate("Team", "you are the lead") if st.annotator == st.lead else \
            translate("Team", "lead: %1").replace("%1", isolate(st.lead))
        dock.header.setText(translate("Team", "Team at %1 · %2 · last sync: %3").replace("%1", isolate(st.remote))
                            .replace("%2", role)
                            .replace("%3", isolate(when) if when else translate("Team", "never")))
        if me != st.annotator:
            dock.header.setText(dock.header.text() + "\n" + translate(
                "Team", "The window annotates as %1, but this project syncs %2's work.")
                .replace("%1", isolate(me)).replace("%2", isolate(st.annotator)))
        dock.mine_label.setText(translate("Team", "Assigned to you (%1)").replace("%1", str(len(mine))))
        TeamDock._fill(dock.mine, [[isolate(self._title(d)), status_name(store.status(d, me))] for d in mine], mine)
        arrived = self.api.arrivals(store, 200)
        TeamDock._fill(dock.arrived, [[isolate(self._title(d)), who, at[:16].replace("T", " "), str(n),
                                       status_name(s or Status.TODO.value)] for d, who, at, n, s in arrived],
                       [a[0] for a in arrived])
        dock.arrived_label.setText(translate("Team", "Arrived from teammates (%1)").replace("%1", str(len(arrived))))
        status = self.api.status(store)
        TeamDock._fill(dock.people, [[a.name + (" ★" if a.role == "lead" else ""), str(a.assigned), str(a.todo),
                                      str(a.in_progress), str(a.done), (a.last_sync or "—")[:16].replace("T", " ")]
                                     for a in status.annotators])
        lead = st.annotator == st.lead
        dock.lead_row.setVisible(lead)
        if lead:
            current = dock.who.currentText()
            names = [a.name for a in status.annotators if a.name not in (GOLD,)]
            dock.who.blockSignals(True)
            dock.who.clear()
            dock.who.addItems(names)
            dock.who.setCurrentText(current or (names[0] if names else ""))
            dock.who.blockSignals(False)
        self._seen = st.synced_at

    def _poll(self) -> None:
        if self.task is not None:
            return
        state = self._info()
        if state is not None and state.synced_at != getattr(self, "_seen", None):
            self.safely(self.refresh)  # a sync from the command line

    def show_dock(self) -> None:
        if self.dock is None:
            return
        self.dock.show()
        self.dock.raise_()

    # --- syncing ------------------------------------------------------------------------------------------------------

    def sync(self):
        """Sync in the background (progress, Cancel); the window reads the project again when it is done."""
        w = self.window
        if self.api is None or self.state is None or self.task is not None:
            return None
        from .tasks import run_with_progress

        relay = _Relay()
        db = w.session.store.path
        team = self.api

        def work(progress, cancel):
            return team.sync(db, progress=progress, cancel=cancel, stage=relay.staged.emit)

        self.actions["sync"].setEnabled(False)
        if self.dock is not None:
            self.dock.sync_button.setEnabled(False)
        w._say(translate("Team", "Syncing with the team…"))
        self.task = run_with_progress(w, translate("Team", "Syncing with the team…"), work, on_success=self._synced,
                                      on_failure=self._failed, on_cancel=self._cancelled)
        relay.setParent(self.task)
        relay.staged.connect(self._staged)
        self.task.dialog.setRange(0, 0)
        self.task.dialog.setValue(0)  # starts the dialog's clock: it shows if the sync takes longer than a moment
        return self.task

    def _staged(self, stage: str) -> None:
        if self.task is None:
            return
        dialog = self.task.dialog
        dialog.setLabelText(stage_text(stage))
        dialog.setRange(0, 0)  # busy until the step reports how far it is (bringing in layers does)
        if stage in ("send", "finish"):
            dialog.setCancelButton(None)  # once sending, the sync finishes: Cancel would leave it unclear

    def _done(self) -> None:
        self.task = None
        self.actions["sync"].setEnabled(self.state is not None)
        if self.dock is not None:
            self.dock.sync_button.setEnabled(True)

    def _synced(self, report) -> None:
        self._done()
        self.last_report = report
        w = self.window
        s = w.session
        if report.own_changed:
            s.undo_stack.clear()  # a change from elsewhere may have replaced what the history refers to
        w.documents.model.refresh()
        if s.document is not None and not s.store.has_document(s.document.id):
            ids = w.documents.model.ids()
            if ids:
                w.open_document(ids[0])
        else:
            s.reload()
        w.speakers.model.refresh()
        w.claims.model.refresh()  # the claim registry travels too
        w._update_progress()
        self.safely(self.refresh)
        text = translate("Team", "Synced: %1").replace("%1", summary(report))
        w._say(text)
        details = report.details()
        if report.arrived or details:
            box = QMessageBox(QMessageBox.Icon.Information if not (report.problems or report.conflicts)
                              else QMessageBox.Icon.Warning, "Qawl", text, parent=w)
            if report.arrived:
                box.setInformativeText(translate(
                    "Team", "Their work is in the list on the Team sidebar; Review ▸ Review mode compares it with "
                            "yours."))
            if details:
                box.setDetailedText("\n".join(details))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.report_box = box
            self.show_dock()

    def _failed(self, message: str) -> None:
        self._done()
        self.window._failed(translate("Team", "Sync failed: %1").replace("%1", message))
        QMessageBox.warning(self.window, "Qawl", message)

    def _cancelled(self) -> None:
        self._done()
        self.window._say(translate("Team", "Sync cancelled; nothing was sent. Your work is safe in the project."))

    # --- assigning (the lead) -----------------------------------------------------------------------------------------

    def _assign_action(self) -> None:
        self.show_dock()
        if self.dock is not None:
            self.dock.who.setFocus()

    def assign_selected(self, *, remove: bool) -> list[str]:
        w = self.window
        if self.dock is None or self.api is None:
            return []
        ids = w.documents.selected_ids()
        who = self.dock.who.currentText().strip()
        if not ids:
            w._failed(translate("Team", "Select documents in the document list first."))
            return []
        if not who:
            w._failed(translate("Team", "Type the annotator's name."))
            return []
        role = "review" if self.dock.review.isChecked() else "annotate"
        try:
            done = self.api.assign(w.session.store, who, ids, role=role, remove=remove)
        except Exception as exc:  # QawlError: said to the person
            w._failed(str(exc))
            return []
        msg = translate("Team", "Took back %1 document(s) from %2; sent at the next sync.") if remove else \
            translate("Team", "Assigned %1 document(s) to %2; sent at the next sync.")
        w._say(msg.replace("%1", str(len(done))).replace("%2", who))
        self.safely(self.refresh)
        return done


def install_team(window) -> TeamHook:
    """Add the Team menu (and, in a team project, the Team sidebar) to the window."""
    return TeamHook(window)
