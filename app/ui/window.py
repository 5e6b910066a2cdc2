"""The main window: a composition root. It builds the article pane, the sidebars, the menus and the status bar
from their parts and wires signals to the controller and the session; it decides nothing about annotations.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QFontDialog, QMainWindow, QMenu, QUndoView, QVBoxLayout, QWidget

from ..core.errors import QawlError
from ..core.model import Status
from . import settings as cfg
from .actions import ActionId as A
from .actions import ActionRegistry, label_key
from .arcs import install_links
from .article_view import ArticleView
from .claim_dialogs import edit_verdicts
from .claims import ClaimCommands, ClaimFields
from .claims_dock import ClaimsDock
from .controller import AnnotationController
from .docks import DatesDock, DocumentsDock, QuotesDock, SpeakersDock
from .guidelines import install_guidelines
from .help import install_help
from .status_line import StatusLine
from .language import style_menus
from .names import describe
from .docsearch import install_search
from .find import install_find
from .notes import install_notes
from .overview import install_overview
from .review.menu import install_review
from .session import SHOWN_ONLY, ChangeEvent, Session
from .team import install_team
from .api import ProjectApi
from .suggestions import SuggestionsUi
from .failures import FailureNotice
from .window_transfer import TransferFlows

DEFAULT_POINT_SIZE = 15.0
WATCH_MS = 700  # how often the window looks for other processes' commits (one cheap PRAGMA)


class MainWindow(TransferFlows, QMainWindow):
    replaced = Signal(object)  # the window built in its place (another interface language)

    def __init__(self, session: Session, settings, api: ProjectApi | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = session
        session.setParent(self)  # the session, its undo stack and their connections live as long as the window
        self.settings = settings
        self.api = api
        self.resize(1360, 860)
        self.registry = ActionRegistry(self, settings, session.schema)
        self.colors = {label.name: label.color for label in session.schema.span_labels}

        # The article pane: header, text, the exact selection (the lines around it: .status_line).
        self.view = ArticleView()
        self.status_line = StatusLine(self)
        self.header = self.status_line.header
        self.selection_bar = self.status_line.selection_bar
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.selection_bar)
        self.setCentralWidget(central)

        self.controller = AnnotationController(session, self.view, self)
        self.documents = DocumentsDock(session, self)
        self.quotes = QuotesDock(session, self.controller, self)
        self.speakers = SpeakersDock(session, self.controller, self)
        self.dates = DatesDock(session, self, self.controller)
        self.claim_commands = ClaimCommands(session, self.view, self.controller, self)
        self.claims = ClaimsDock(session, self.claim_commands, self)
        self.quotes.add_section(ClaimFields(session, self.claim_commands))
        self.history = QDockWidget(self.tr("Undo history"), self)
        self.history.setObjectName("history_dock")
        self.history.setWidget(QUndoView(session.undo_stack))
        # QMainWindow does not swap its dock areas for a right-to-left interface: the document list goes on the
        # reading side (left in English, right in Arabic), the sidebars on the other.
        leading, trailing = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        if self.isRightToLeft():
            leading, trailing = trailing, leading
        self.addDockWidget(leading, self.documents)
        self.addDockWidget(trailing, self.quotes)
        self.addDockWidget(trailing, self.speakers)
        self.tabifyDockWidget(self.speakers, self.claims)
        self.tabifyDockWidget(self.claims, self.dates)
        self.tabifyDockWidget(self.dates, self.history)
        self.speakers.raise_()
        self.history.hide()
        self._sized = False

        self.status_line.install()
        self.message, self.progress = self.status_line.message, self.status_line.progress
        self.suggestions = SuggestionsUi(self)
        self.failures = FailureNotice(self)
        # Other processes (a qawl import in a terminal, a second window) change the project too: look for their
        # commits regularly and show them in place.
        self.watch = QTimer(self)
        self.watch.setInterval(WATCH_MS)
        self.watch.timeout.connect(self.poll_project)
        self.watch.start()
        self._build_menus()
        self._wire()
        self.review = install_review(self)  # the Review menu and keys; its sidebar is made when first used
        self.team = install_team(self)  # the Team menu; in a team project its sidebar and assignments first
        self.overview = install_overview(self)  # View ▸ Project overview (#13)
        install_notes(self)  # Edit ▸ Note…, Needs discussion; the Notes sidebar (#13)
        self.find = install_find(self)  # Ctrl+F: the find bar under the article (#13)
        self.search = install_search(self)  # Ctrl+Shift+F: the Search sidebar (#13)
        self.links = install_links(self)  # the current record's links drawn; View ▸ Show all links (#13)
        self.help = install_help(self)  # last in the menu bar: About, Report a problem
        install_guidelines(self)  # the Guidelines sidebar, guideline tooltips, Help ▸ Keys and guidelines (#13)
        style_menus(self)  # menus keep their shortcuts left to right in Arabic
        self._restore()
        self.status_line.update_title()
        self._update_progress()
        self.status_line.update_selection_bar()

    # --- building -------------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        r = self.registry
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        for key in (A.IMPORT, A.EXPORT):
            file.addAction(r[key])
        file.addSeparator()
        file.addAction(r[A.QUIT])
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(r[A.UNDO])
        edit.addAction(r[A.REDO])
        edit.addSeparator()
        label_menu = edit.addMenu(self.tr("&Label selection"))
        for label in self.session.schema.span_labels:
            label_menu.addAction(r[label_key(label.name)])
        for key in (A.LINK, A.CHOOSE_SPEAKER, A.CYCLE_TYPE, A.SET_VALUE, A.DELETE, A.DESELECT):
            edit.addAction(r[key])
        claim_menu = edit.addMenu(self.tr("C&laim"))
        for key in (A.CYCLE_CHECKWORTHY, A.CHOOSE_VERDICT, A.SET_FACTCHECK, A.LINK_CLAIM):
            claim_menu.addAction(r[key])
        claim_menu.addSeparator()
        verdicts = claim_menu.addAction(self.tr("Verdicts…"))
        verdicts.setObjectName("action_edit_verdicts")
        verdicts.triggered.connect(lambda: edit_verdicts(self))
        edges = edit.addMenu(self.tr("Adjust &edges"))
        for key in (A.END_LEFT, A.END_RIGHT, A.START_LEFT, A.START_RIGHT):
            edges.addAction(r[key])
        edges.addSeparator()
        edges.addAction(r[A.PROCLITIC])
        edit.addAction(r[A.NEXT_ANNOTATION])
        edit.addAction(r[A.PREVIOUS_ANNOTATION])
        edit.addSeparator()
        self.suggestions.fill_edit_menu(edit)
        edit.addSeparator()
        edit.addAction(r[A.KEYS])
        doc = bar.addMenu(self.tr("&Document"))
        for key in (A.NEXT_DOCUMENT, A.PREVIOUS_DOCUMENT, A.FIND_DOCUMENT):
            doc.addAction(r[key])
        doc.addSeparator()
        for key in (A.MARK_TODO, A.MARK_IN_PROGRESS, A.MARK_DONE):
            doc.addAction(r[key])
        doc.addSeparator()
        self.suggestions.fill_document_menu(doc)
        doc.addSeparator()
        doc.addAction(r[A.TOGGLE_DIRECTION])
        view = bar.addMenu(self.tr("&View"))
        for dock in (self.documents, self.quotes, self.speakers, self.claims, self.dates, self.history):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        for key in (A.ZOOM_IN, A.ZOOM_OUT, A.ZOOM_RESET, A.FONT):
            view.addAction(r[key])
        view.addAction(r[A.SNAP])
        self.suggestions.fill_view_menu(view)
        view.addSeparator()
        view.addAction(r[A.LANGUAGE])
        self.menus = {"file": file, "edit": edit, "document": doc, "view": view}  # for features' own entries
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, pos) -> None:
        menu: QMenu = self.view.createStandardContextMenu()
        menu.setStyle(self._menu_style)
        menu.setToolTipsVisible(True)  # the label entries carry their guideline
        menu.addSeparator()
        for label in self.session.schema.span_labels:
            menu.addAction(self.registry[label_key(label.name)])
        for key in (A.LINK, A.CHOOSE_SPEAKER, A.DELETE):
            menu.addAction(self.registry[key])
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def _wire(self) -> None:
        r, c, s = self.registry, self.controller, self.session
        for label in s.schema.span_labels:
            r[label_key(label.name)].triggered.connect(lambda _=False, name=label.name: c.label(name))
        # Del rejects the selected suggestion, else deletes the selected annotation.
        r[A.DELETE].triggered.connect(lambda: self.suggestions.reject_selected() or c.delete())
        r[A.DESELECT].triggered.connect(c.deselect)
        r[A.NEXT_ANNOTATION].triggered.connect(lambda: c.step_annotation(True))
        r[A.PREVIOUS_ANNOTATION].triggered.connect(lambda: c.step_annotation(False))
        r[A.END_LEFT].triggered.connect(lambda: c.move_edge("end", "left"))
        r[A.END_RIGHT].triggered.connect(lambda: c.move_edge("end", "right"))
        r[A.START_LEFT].triggered.connect(lambda: c.move_edge("start", "left"))
        r[A.START_RIGHT].triggered.connect(lambda: c.move_edge("start", "right"))
        r[A.LINK].triggered.connect(c.link_selected)
        r[A.PROCLITIC].triggered.connect(c.toggle_proclitic)
        snap = r[A.SNAP]
        snap.setCheckable(True)
        snap.setChecked(str(self.settings.value("edit/snap", "true")).lower() != "false")
        c.snapping = snap.isChecked()
        snap.toggled.connect(self._set_snapping)
        r[A.CHOOSE_SPEAKER].triggered.connect(c.choose_speaker)
        r[A.SET_VALUE].triggered.connect(c.set_value)
        r[A.CYCLE_TYPE].triggered.connect(c.cycle_type)
        k = self.claim_commands
        r[A.CYCLE_CHECKWORTHY].triggered.connect(k.cycle_checkworthy)
        r[A.CHOOSE_VERDICT].triggered.connect(k.choose_verdict)
        r[A.SET_FACTCHECK].triggered.connect(k.ask_factcheck)
        r[A.LINK_CLAIM].triggered.connect(k.link_claim)
        k.message.connect(self._say)
        self.claims.jump_requested.connect(self.jump_to_claim)
        r[A.MARK_TODO].triggered.connect(lambda: c.mark(Status.TODO.value))
        r[A.MARK_IN_PROGRESS].triggered.connect(lambda: c.mark(Status.IN_PROGRESS.value))
        r[A.MARK_DONE].triggered.connect(lambda: c.mark(Status.DONE.value))
        r[A.NEXT_DOCUMENT].triggered.connect(lambda: self.step_document(1))
        r[A.PREVIOUS_DOCUMENT].triggered.connect(lambda: self.step_document(-1))
        r[A.FIND_DOCUMENT].triggered.connect(self._find_document)
        r[A.UNDO].triggered.connect(s.undo_stack.undo)
        r[A.REDO].triggered.connect(s.undo_stack.redo)
        r[A.ZOOM_IN].triggered.connect(lambda: self.zoom(1))
        r[A.ZOOM_OUT].triggered.connect(lambda: self.zoom(-1))
        r[A.ZOOM_RESET].triggered.connect(lambda: self.zoom(0))
        r[A.FONT].triggered.connect(self._choose_font)
        r[A.TOGGLE_DIRECTION].triggered.connect(self.toggle_direction)
        r[A.KEYS].triggered.connect(self._keys)
        r[A.LANGUAGE].triggered.connect(self._switch_language)
        r[A.IMPORT].triggered.connect(self.import_files)
        r[A.EXPORT].triggered.connect(self.export_files)
        r[A.QUIT].triggered.connect(self.close)
        stack: QUndoStack = s.undo_stack
        stack.canUndoChanged.connect(r[A.UNDO].setEnabled)
        stack.canRedoChanged.connect(r[A.REDO].setEnabled)
        stack.undoTextChanged.connect(r[A.UNDO].setToolTip)
        stack.redoTextChanged.connect(r[A.REDO].setToolTip)
        r[A.UNDO].setEnabled(False)
        r[A.REDO].setEnabled(False)

        s.document_opened.connect(self._document_opened)
        s.changed.connect(self._changed)
        # After the document list has taken the change (it follows on the next event-loop turn).
        s.changed.connect(self._update_progress, Qt.ConnectionType.QueuedConnection)
        s.failed.connect(self._failed)
        s.storage_failed.connect(self._storage_failed)
        s.refreshed.connect(self._refreshed)
        bar = self.status_line.bar_timer
        s.selection_changed.connect(lambda _id: bar.start())
        # No stale words in the status bar: a click in the article or another document starts afresh.
        self.view.pressed.connect(lambda: self._say(""))
        s.document_opened.connect(lambda _doc: self._say(""))
        c.message.connect(self._say)
        c.other_selection_changed.connect(lambda _key: bar.start())
        self.suggestions.message.connect(self._say)
        self.suggestions.failed.connect(self._failed)
        self.view.text_selection_changed.connect(self._text_selected)
        self.documents.document_activated.connect(self.open_document)
        self.speakers.jump_requested.connect(self.jump_to_speaker)

    # --- settings -------------------------------------------------------------------------------------------------

    def _restore(self) -> None:
        family = cfg.read_str(self.settings, "view/font_family")
        size = float(self.settings.value("view/point_size", DEFAULT_POINT_SIZE))
        if family:
            font = self.view.font()
            font.setFamily(family)
            self.view.setFont(font)
        self.view.set_point_size(size)
        geometry = self.settings.value("window/geometry")
        state = self.settings.value(self._state_key())
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _state_key(self) -> str:
        """The sidebars' layout is kept per interface direction: an Arabic session's mirrored layout must not come
        back in English."""
        return "window/state-rtl" if self.isRightToLeft() else "window/state-ltr"

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue(self._state_key(), self.saveState())
        self.settings.setValue("view/point_size", self.view.font().pointSizeF())
        self.settings.setValue("view/font_family", self.view.font().family())
        if self.session.document is not None:
            self.settings.setValue("last_document", self.session.document.id)
        self.settings.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            # The suggestion engine's rules (quote types, date values, name folding) load once the window is up,
            # so neither start-up nor the first label key waits for them.
            QTimer.singleShot(400, _load_engine)
            if self.settings.value(self._state_key()) is None:
                # First start: room for the article, and sidebars wide enough to read a quote (once the
                # window has its final size).
                QTimer.singleShot(0, self._first_layout)

    def _first_layout(self) -> None:
        width, height = self.width(), self.height()
        self.resizeDocks([self.documents, self.quotes], [int(width * 0.21), int(width * 0.36)],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.quotes, self.speakers], [int(height * 0.62), int(height * 0.38)],
                         Qt.Orientation.Vertical)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    # --- documents ------------------------------------------------------------------------------------------------

    def open_document(self, doc_id: str) -> bool:
        try:
            self.session.open(doc_id)
        except QawlError as exc:
            self._failed(str(exc))
            return False
        self.settings.setValue("last_document", doc_id)
        return True

    def step_document(self, step: int) -> None:
        target = self.documents.neighbour(step)
        if target is None:
            self._say(self.tr("No more documents in the list."))
            return
        self.open_document(target)

    def _find_document(self) -> None:
        self.documents.show()
        self.documents.raise_()
        self.documents.filter.setFocus()
        self.documents.filter.selectAll()

    def toggle_direction(self) -> None:
        doc = self.session.document
        if doc is None:
            return
        self.session.set_direction("ltr" if doc.direction == "rtl" else "rtl")

    def jump_to_speaker(self, entity_id: str) -> None:
        """Select the next mention of a speaker in this document; else open a document that mentions it."""
        s = self.session
        here = [sp for sp in s.layer.sorted_spans() if sp.label == "SPEAKER" and sp.entity == entity_id] \
            if s.document else []
        if here:
            current = s.layer.spans.get(s.selected or "")
            later = [sp for sp in here if current is None or (sp.start, sp.id) > (current.start, current.id)]
            s.select((later or here)[0].id)
            return
        for doc_id, who, span in s.store.mentions(entity_id):
            if who == s.annotator and self.open_document(doc_id):
                s.select(span.id)
                return
        self._say(self.tr("No mention of this speaker in your annotations."))

    def jump_to_claim(self, doc_id: str, annotator: str, span_id: str) -> None:
        """Open the document of a claim mention and select it (another annotator's: its words)."""
        s = self.session
        if (s.document is None or s.document.id != doc_id) and not self.open_document(doc_id):
            return
        if annotator == s.annotator:
            s.select(span_id)
            return
        span = s.store.layer(doc_id, annotator).spans.get(span_id)
        if span is not None:
            self.view.select_text(span.start, span.end)
            self._say(self.tr("%1's mention of the claim").replace("%1", annotator))

    # --- reacting -----------------------------------------------------------------------------------------------------

    def _document_opened(self, document) -> None:
        self.view.set_document(document, self.session.layers(), self.colors)
        self.view.setFocus()
        self.status_line.update_title()
        self._update_progress()

    def _changed(self, event: ChangeEvent) -> None:
        styles = {layer.annotator: style for layer, style in self.session.layers()}
        self.view.apply_leaves(event.leaves, styles)
        if event.replay:
            what = event.text or describe(event.change)
            self._say((self.tr("Undone: %1") if event.undone else self.tr("Redone: %1")).replace("%1", what))
        elif event.external:
            self._say(self.tr("Updated with changes made elsewhere (a qawl command, another window)."))
        elif event.change.describe() != SHOWN_ONLY:
            # Every edit says what it did (a rename in the Speakers sidebar, a value typed in the Dates one); the
            # commands of the keys say more right after.
            self._say(self.tr("Saved: %1").replace("%1", describe(event.change)))
        self.status_line.update_title()
        self.status_line.bar_timer.start()

    def _failed(self, message: str) -> None:
        self.status_line.fail(message)

    def _storage_failed(self, message: str) -> None:
        """The project could not save an edit: said where it cannot be missed, and the view shows the project
        as it is (the edit is not drawn as done)."""
        self._failed(message)
        self.failures.show(message)

    def poll_project(self) -> bool:
        """Show what another process committed (the session compares ``PRAGMA data_version``)."""
        return self.session.poll()

    def _refreshed(self) -> None:
        self.documents.model.update()
        if self.session.document is None and self.documents.model.ids():
            self.open_document(self.documents.model.ids()[0])
        self.status_line.update_title()
        self._update_progress()
        self.status_line.update_selection_bar()

    def _say(self, message: str) -> None:
        self.status_line.say(message)

    def _update_progress(self, *_args) -> None:
        self.status_line.update_progress()

    # --- view -------------------------------------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        size = DEFAULT_POINT_SIZE if step == 0 else self.view.font().pointSizeF() + step
        self.view.set_point_size(size)
        self.settings.setValue("view/point_size", self.view.font().pointSizeF())

    def _choose_font(self) -> None:
        font, ok = QFontDialog.getFont(self.view.font(), self, self.tr("Article font"))
        if ok:
            self.view.setFont(font)
            self.settings.setValue("view/font_family", font.family())
            self.settings.setValue("view/point_size", font.pointSizeF())

    def _keys(self) -> None:
        from .keys import show_keys  # dialogs and transfers load when first used: start-up stays short

        show_keys(self)  # the keys cheat sheet (its "Change keys…" remaps)

    def _switch_language(self) -> None:
        from .language import switch_language

        switch_language(self, "en" if self.isRightToLeft() else "ar")

    def _set_snapping(self, on: bool) -> None:
        self.controller.snapping = on
        self.settings.setValue("edit/snap", "true" if on else "false")
        self.status_line.update_selection_bar()

    def _text_selected(self, _start: int, _end: int) -> None:
        self.status_line.bar_timer.start()


def _load_engine() -> None:
    # On the window's thread only (see SuggestionsUi.suggest: background work never races this import).
    import app.core.suggest.kinds  # noqa: F401
