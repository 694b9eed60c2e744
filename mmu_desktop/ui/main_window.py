"""The main window: navigation between the screens and a status bar for the van."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from mmu_desktop.context import AppContext
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.db.status import local_status
from mmu_desktop.sync.report import ProgressEvent
from mmu_desktop.ui.drafts import REGISTRATION as REGISTRATION_DRAFT
from mmu_desktop.ui.drafts import VISIT as VISIT_DRAFT
from mmu_desktop.ui.drafts import DraftStore
from mmu_desktop.ui.history import HistoryView
from mmu_desktop.ui.registration import RegistrationView
from mmu_desktop.ui.search import SearchView
from mmu_desktop.ui.sync_panel import SyncPanel
from mmu_desktop.ui.visit import VisitView

REGISTER, FIND, VISIT, HISTORY, SYNC = range(5)
LOW_POOL = 50


def status_texts(van: str | None, pending: int | None, pool: int | None) -> tuple[str, str, str]:
    """The three status bar texts: the van, records waiting to sync, IDs left in the pool."""
    tr = QCoreApplication.translate
    van_text = (
        tr("MainWindow", "Van: {van}").format(van=van)
        if van
        else tr("MainWindow", "Van not set up (IT: mmu-desktop config set van-id …)")
    )
    pending_text = (
        tr("MainWindow", "Waiting to sync: {n}").format(n=f"{pending:,}")
        if pending is not None
        else tr("MainWindow", "Waiting to sync: ?")
    )
    pool_text = (
        tr("MainWindow", "IDs left: {n}").format(n=f"{pool:,}")
        if pool is not None
        else tr("MainWindow", "IDs left: ?")
    )
    return van_text, pending_text, pool_text


class StatusCounter(QObject):
    """Counts what waits to sync and the IDs left, off the GUI thread.

    On a laptop with 100,000 people the counts take a noticeable fraction of a
    second, too long to freeze the form after every save.

    Signals:
        counted(object): the ``local_status`` report (a dict), or None when the
            database was busy; emitted from the worker thread, received on the GUI thread.
    """

    counted = Signal(object)

    def __init__(self, engine: sa.Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine

    def run(self) -> None:
        try:
            report = local_status(self._engine)
        except OperationalError:
            report = None
        self.counted.emit(report)


class MainWindow(QMainWindow):
    """Register, Find, Visit, History and Sync pages with a status bar.

    Signals: none; each page's signals are routed here to move between pages.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("MMU Desktop"))
        self.index = SearchIndex(ctx.engine)
        # Read everyone's name keys off the GUI thread so the first search is quick. Start
        # once the event loop runs: loading while the window is still being built slows its
        # first show by most of a second at 100,000 people (the Find screen copes meanwhile).
        QTimer.singleShot(0, self, lambda: QThreadPool.globalInstance().start(self.index.refresh))

        self.drafts = DraftStore(ctx.data_dir.drafts)
        self.registration = RegistrationView(
            ctx.engine, ctx.van, self.index, draft_store=self.drafts
        )
        self.search = SearchView(self.index)
        self.visit = VisitView(ctx.engine, ctx.van, draft_store=self.drafts)
        self.history = HistoryView(ctx.engine)
        self.sync = SyncPanel(ctx)
        # A run changes what waits to sync, the IDs left and (after a download) masters.
        self.sync.sync_finished.connect(self._after_sync)
        # Each table sent changes what waits to sync: count again while the run goes on.
        self.sync.sync_progress.connect(self._sync_progress)

        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Screens"))
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(0, 0))
        entries = (
            (self.registration, self.tr("Register"), "Ctrl+1"),
            (self.search, self.tr("Find"), "Ctrl+2 / Ctrl+F"),
            (self.visit, self.tr("Visit"), "Ctrl+3"),
            (self.history, self.tr("History"), "Ctrl+4"),
            (self.sync, self.tr("Sync"), "Ctrl+5"),
        )
        for number, (page, title, keys) in enumerate(entries, start=1):
            self.pages.addWidget(page)
            item = QListWidgetItem(f"{title}\n{keys}")
            item.setToolTip(title)
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda i=number - 1: self.go(i))
        QShortcut(QKeySequence.StandardKey.Find, self, lambda: self.go(FIND))
        sync = QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.sync_now)
        sync.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self._counter = StatusCounter(ctx.engine, self)
        self._counter.counted.connect(self._show_status)
        self._counting = False
        self._count_again = False
        self.van_label = QLabel()
        self.pending_label = QLabel()
        self.pool_label = QLabel()
        for label in (self.van_label, self.pending_label, self.pool_label):
            label.setObjectName("statusField")
            self.statusBar().addPermanentWidget(label)
        self._route()
        self.refresh_status()
        # Whatever was being typed when the app last closed (a power cut) comes back.
        self.registration.restore_draft()
        self.go(VISIT if self.visit.restore_draft() else REGISTER)
        self.resize(1366, 740)

    def _route(self) -> None:
        r, s, v, h = self.registration, self.search, self.visit, self.history
        r.registered.connect(lambda _id: self.refresh_status())
        r.updated.connect(lambda _id: self.refresh_status())
        r.visit_requested.connect(self.start_visit)
        s.visit_requested.connect(self.start_visit)
        s.history_requested.connect(self.show_history)
        s.edit_requested.connect(self.edit_beneficiary)
        v.saved.connect(self._visit_saved)
        v.history_requested.connect(self.show_history)
        h.open_visit_requested.connect(self.open_visit)
        h.new_visit_requested.connect(self.start_visit)

    # --- moving between pages ----------------------------------------------------------

    def go(self, page: int) -> None:
        """Show page ``page`` (REGISTER, FIND, VISIT, HISTORY or SYNC) and focus its start."""
        self.save_drafts()
        self.nav.setCurrentRow(page)
        self.pages.setCurrentIndex(page)
        self._focus_page(page)

    def _nav_changed(self, page: int) -> None:
        if page < 0:
            return
        self.save_drafts()
        self.pages.setCurrentIndex(page)
        # Arrowing through the list keeps the focus there; a shortcut moves into the page.
        if not self.nav.hasFocus():
            self._focus_page(page)

    def _focus_page(self, page: int) -> None:
        if page == FIND:
            self.search.focus_search()
        elif page == REGISTER:
            self.registration.first_name.setFocus()
        elif page == HISTORY:
            self.history.table.setFocus()
        elif page == VISIT and self.visit.ben_reg_id is not None:
            self.visit.reason.setFocus()

    def save_drafts(self) -> None:
        """Write both forms' drafts now rather than after the typing pause."""
        self.registration.save_draft()
        self.visit.save_draft()

    def confirm_discard(self, what: str) -> bool:
        """Ask before typed work is thrown away; 'No' is the default answer."""
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("{what} has changes that are not saved. Throw them away?").format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _visit_may_be_replaced(self) -> bool:
        if not self.visit.has_unsaved_changes():
            return True
        if self.confirm_discard(self.tr("The visit of {name}").format(name=self.visit.person_name)):
            return True
        self.go(VISIT)
        return False

    def start_visit(self, ben_reg_id: int) -> None:
        if self._visit_may_be_replaced() and self.visit.start_new(ben_reg_id):
            self.go(VISIT)
            self.visit.reason.setFocus()

    def open_visit(self, ben_reg_id: int, ben_visit_id: int) -> None:
        if self._visit_may_be_replaced() and self.visit.open_visit(ben_reg_id, ben_visit_id):
            self.go(VISIT)
            self.visit.reason.setFocus()

    def show_history(self, ben_reg_id: int) -> None:
        self.history.show_beneficiary(ben_reg_id)
        self.go(HISTORY)

    def edit_beneficiary(self, ben_reg_id: int) -> None:
        if self.registration.has_unsaved_changes() and not self.confirm_discard(
            self.tr("The registration form")
        ):
            self.go(REGISTER)
            return
        if self.registration.edit(ben_reg_id):
            self.go(REGISTER)
            self.registration.first_name.setFocus()

    def _visit_saved(self, ben_reg_id: int, ben_visit_id: int) -> None:
        self.refresh_status()
        self.history.show_beneficiary(ben_reg_id, select_visit=ben_visit_id)
        self.statusBar().showMessage(self.tr("Visit saved."), 8000)

    def reload_masters(self) -> None:
        """Refill every drop-down after new master data arrived (e.g. after a sync)."""
        self.registration.reload_masters()
        self.visit.reload_masters()

    # --- status bar ----------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Re-count what waits to sync and the IDs left (after every save), in the background."""
        if self._counting:
            self._count_again = True
            return
        self._counting = True
        QThreadPool.globalInstance().start(self._counter.run)

    def _show_status(self, report: dict[str, Any] | None) -> None:
        self._counting = False
        if self._count_again:
            self._count_again = False
            self.refresh_status()
        settings = self._ctx.settings
        van = None
        if settings.van_id is not None:
            van = f"{settings.van_id}"
            if settings.vehicle_no:
                van += f" ({settings.vehicle_no})"
        pending = pool = None
        if report is None:
            self.statusBar().showMessage(self.tr("The database is busy; counts not updated."))
        else:
            pending = int(report["pending_total"])
            pool = int(report["id_pool"]["available"])
        van_text, pending_text, pool_text = status_texts(van, pending, pool)
        self.van_label.setText(van_text)
        self.pending_label.setText(pending_text)
        self.pool_label.setText(pool_text)
        low = pool is not None and pool < LOW_POOL
        self.pool_label.setProperty("warning", low)
        self.pool_label.setToolTip(self.tr("Few IDs left: sync soon to fetch more.") if low else "")
        self.pool_label.style().polish(self.pool_label)

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [
            text
            for dirty, text in (
                (self.registration.has_unsaved_changes(), self.tr("The registration form")),
                (self.visit.has_unsaved_changes(), self.tr("The open visit")),
            )
            if dirty
        ]
        if unsaved and not self.confirm_discard(" / ".join(unsaved)):
            event.ignore()
            return
        # The nurse chose to throw the changes away, so they do not come back next time.
        self.drafts.remove(REGISTRATION_DRAFT)
        self.drafts.remove(VISIT_DRAFT)
        self.sync.shutdown()
        QThreadPool.globalInstance().waitForDone(3000)
        super().closeEvent(event)

    def sync_now(self) -> None:
        """Ctrl+Shift+S from any page: show the Sync page and start a run."""
        self.go(SYNC)
        self.sync.start_sync()

    def _sync_progress(self, event: ProgressEvent) -> None:
        if event.kind == "table_done":
            self.refresh_status()

    def _after_sync(self, _report: object) -> None:
        self.refresh_status()
        self.reload_masters()
