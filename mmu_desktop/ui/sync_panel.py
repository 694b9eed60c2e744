"""The Sync page: one button that sends, fetches and tops up, and says plainly what happened.

The run itself is ``mmu_desktop.sync.engine.run_sync`` in a ``SyncWorker`` thread. This
module turns its progress events and final report into words a nurse can act on; the
wording and the "needs attention" query are plain functions, testable without a window.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmu_desktop import settings as settings_store
from mmu_desktop.context import AppContext
from mmu_desktop.db import sync_history
from mmu_desktop.db.beneficiaries import get_summary
from mmu_desktop.db.schema import synced_table_names, table, table_specs
from mmu_desktop.db.status import local_status
from mmu_desktop.sync.engine import BUSY, NotReady, RunOptions, prepare
from mmu_desktop.sync.report import (
    Outcome,
    Phase,
    PhaseReport,
    ProgressEvent,
    RunReport,
)
from mmu_desktop.sync.upload import requeue_rejected
from mmu_desktop.ui import values
from mmu_desktop.ui.sign_in import SignedIn, SignInDialog
from mmu_desktop.ui.sync_worker import (
    INTERNAL_ERROR,
    SyncWorker,
    free_garbage_frozen_by_runs,
)
from mmu_desktop.ui.widgets.fields import Banner, chain_tab_order

log = logging.getLogger(__name__)

CONTEXT = "SyncPanel"
MAX_ATTENTION_ROWS = 500
# Batch steps closer together than this are shown as one (the latest of each table): on
# a fast link batches finish dozens of times a second, more than anyone can read, and
# each update costs the GUI thread time it needs for the window.
PROGRESS_EVERY_MS = 200
HISTORY_RUNS = 30
GARBAGE_DELAY_MS = 30_000  # idle time after a run before its frozen garbage is freed
TIME_FORMAT = "%d-%m-%Y %H:%M"

# What each uploaded table holds, in a nurse's words (the table name stays beside it).
TABLE_WORDS = {
    "m_beneficiaryregidmapping": "beneficiary IDs",
    "i_beneficiarydetails": "beneficiary details",
    "i_beneficiaryaddress": "addresses",
    "i_beneficiarycontacts": "phone numbers",
    "i_beneficiaryaccount": "bank accounts",
    "i_beneficiarymapping": "beneficiary links",
    "i_beneficiaryidentity": "identity documents",
    "i_beneficiaryfamilymapping": "family links",
    "i_beneficiaryimage": "photos",
    "t_benvisitdetail": "visits",
    "t_phy_anthropometry": "height and weight",
    "t_phy_vitals": "vitals",
    "i_ben_flow_outreach": "patient flow",
    "t_phy_generalexam": "examinations",
    "t_benchiefcomplaint": "complaints",
    "t_benclinicalobservation": "clinical observations",
    "t_prescription": "prescriptions",
    "t_prescribeddrug": "prescribed medicines",
    "t_lab_testorder": "lab orders",
    "t_benreferdetails": "referrals",
    "t_lab_testresult": "lab results",
    "t_benmedhistory": "medical history",
    "t_benallergyhistory": "allergies",
}

# Master tables in words; they are stored capitalised, as they head a row of the run list.
TABLE_WORDS.update(
    {
        "m_gender": "genders",
        "m_title": "titles",
        "m_maritalstatus": "marital status",
        "m_state": "states",
        "m_district": "districts",
        "m_districtblock": "blocks",
        "m_districtbranchmapping": "villages",
        "m_visitreason": "visit reasons",
        "m_visitcategory": "visit categories",
        "m_chiefcomplaint": "complaints list",
        "m_item": "medicines",
        "m_itemform": "medicine forms",
        "m_drugfrequency": "medicine frequencies",
        "m_drugduration": "medicine durations",
        "m_drugroute": "medicine routes",
        "m_procedure": "lab tests",
        "m_institution": "institutions",
        "m_referralreason": "referral reasons",
        "m_govtidentitytype": "ID documents",
        "m_religion": "religions",
        "m_community": "communities",
        "m_beneficiaryeducation": "education levels",
        "m_beneficiaryoccupation": "occupations",
        "m_beneficiaryincomestatus": "income status",
        "m_literacystatus": "literacy",
        "m_language": "languages",
    }
)

LAST_SUCCESS_NAMES = {
    Phase.UPLOAD: "records sent",
    Phase.DOWNLOAD: "master data",
    Phase.IDS: "beneficiary IDs",
}

PHASE_NAMES = {
    Phase.UPLOAD: "Sending records",
    Phase.DOWNLOAD: "Master data",
    Phase.IDS: "Beneficiary IDs",
}

OUTCOME_WORDS = {
    "success": "Complete",
    "no_data": "Nothing to do",
    "partial": "Partly done",
    "failed": "Failed",
    "cancelled": "Cancelled",
    "stopped": "Stopped",
    "not_run": "Not run",
}


def tr(text: str) -> str:
    """Translate ``text`` in this panel's context (works without a widget)."""
    return QCoreApplication.translate(CONTEXT, text)


def table_words(name: str) -> str:
    """A table's contents in words, e.g. "visits" for ``t_benvisitdetail``."""
    words = TABLE_WORDS.get(name)
    return tr(words) if words else name


def table_label(name: str) -> str:
    """A table as shown in the run list: its words and, for IT, its name."""
    words = TABLE_WORDS.get(name)
    return f"{_first_upper(tr(words))} ({name})" if words else name


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def outcome_words(outcome: str) -> str:
    return tr(OUTCOME_WORDS.get(outcome, outcome))


def format_time(value: datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value else tr("never")


def format_elapsed(ms: int) -> str:
    seconds = max(ms, 0) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def _count(n: int) -> str:
    return f"{n:,}"


# -- words for a finished run --------------------------------------------------------


@dataclass(frozen=True)
class ResultText:
    """The banner at the top: ``kind`` is 'success', 'error' or 'info' (the colours)."""

    kind: str
    headline: str
    details: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join([self.headline, *self.details])


def _all_errors(report: RunReport) -> list[str]:
    seen: list[str] = []
    for phase in report.phases:
        for text in [*phase.errors, *(e for t in phase.tables for e in t.errors)]:
            if text and text not in seen:
                seen.append(text)
    return seen


def is_offline(report: RunReport) -> bool:
    """True when central could not be reached at all (the engine stops the run then)."""
    return any(p.stop_reason for p in report.phases)


def upload_sentence(phase: PhaseReport) -> str:
    """ "312 records sent, 2 rejected: see Needs attention below." and the like."""
    t = phase.totals()
    if t["sent"] == 0 and t["pending"] == 0 and t["needs_attention"] == 0:
        return tr("No new records to send.")
    parts = [tr("{n} records sent").format(n=_count(t["sent"]))]
    if t["sent"] == 1:
        parts = [tr("1 record sent")]
    if t["rejected"]:
        parts.append(
            tr("{n} rejected: see “Needs attention” below").format(n=_count(t["rejected"]))
        )
    if t["pending"]:
        if t["waiting"] and t["waiting"] == t["pending"]:
            text = tr("{n} more wait until the records they belong to are accepted").format(
                n=_count(t["waiting"])
            )
        else:
            text = tr("{n} still to send").format(n=_count(t["pending"]))
        parts.append(text)
    older = t["needs_attention"] - t["rejected"]
    if older > 0:
        parts.append(tr("{n} rejected earlier still need attention").format(n=_count(older)))
    return ", ".join(parts) + "."


def master_data_sentence(phase: PhaseReport) -> str:
    """What the download did, in the same counts as the run list's "Received" column.

    Central re-sends some rows each time (a safety margin), so rows can be received
    while none of them is new or changed.
    """
    totals = phase.totals()
    received, changed = totals.get("received", 0), totals.get("changed", 0)
    failed = [table_words(t.table) for t in phase.tables if t.outcome == Outcome.FAILED]
    if not received:
        text = tr("Master data: nothing new, already up to date.")
    elif not changed:
        text = tr("Master data: {n} rows received, none new or changed (up to date).").format(
            n=_count(received)
        )
    else:
        text = tr("Master data: {n} rows received, {changed} of them new or changed.").format(
            n=_count(received), changed=_count(changed)
        )
    if failed:
        text += " " + tr("Not fetched: {tables}.").format(tables=", ".join(failed))
    return text


def _other_phase_sentences(report: RunReport) -> list[str]:
    lines = []
    download = report.phase(Phase.DOWNLOAD)
    if download is not None and download.outcome not in ("not_run", "stopped", "cancelled"):
        lines.append(master_data_sentence(download))
    ids = report.phase(Phase.IDS)
    if ids is not None and ids.ids_after is not None:
        text = tr("Beneficiary IDs: {added} fetched, {pool} ready for new registrations.")
        if not ids.ids_added:
            text = tr("Beneficiary IDs: {pool} ready for new registrations.")
        lines.append(text.format(added=_count(ids.ids_added), pool=_count(ids.ids_after)))
    return lines


def describe_result(report: RunReport) -> ResultText:
    """The plain-language result of a run; never a traceback."""
    upload = report.phase(Phase.UPLOAD)
    sent_line = upload_sentence(upload) if upload is not None and upload.tables else ""
    sent_any = upload is not None and upload.totals()["sent"] > 0

    if report.stop_reason == INTERNAL_ERROR:
        return ResultText(
            "error",
            tr("The sync stopped because of a problem in the program. Nothing was lost."),
            [tr("Try again; if it happens again, call IT (details are in the log).")],
        )
    if report.needs_sign_in:
        details = [sent_line] if sent_any else []
        return ResultText(
            "error",
            tr("Signed out: sign in again, then press Sync. Nothing was lost."),
            details,
        )
    if report.stop_reason == BUSY:
        return ResultText(
            "info",
            tr("Another sync is already running on this laptop; wait for it to finish."),
        )
    if report.cancelled:
        details = [sent_line] if sent_any else []
        return ResultText(
            "info",
            tr("Sync cancelled. Nothing was lost: what was not sent goes next time."),
            details,
        )
    if is_offline(report):
        details = [sent_line] if sent_any else []
        return ResultText(
            "error",
            tr("No network: nothing was lost, try again when connected."),
            details,
        )

    details = _other_phase_sentences(report)
    if report.succeeded:
        headline = tr("Sync complete.") + (" " + sent_line if sent_line else "")
        return ResultText("success", headline, details)
    rejected = upload is not None and upload.totals()["needs_attention"] > 0
    headline = tr("Sync finished with problems.")
    if rejected and sent_line:
        headline = tr("Sync finished.") + " " + sent_line
    if not rejected and sent_line:
        details.insert(0, sent_line)
    if report.stop_reason:
        details.insert(0, report.stop_reason)
    details += _all_errors(report)[:3]
    return ResultText("error" if not rejected else "info", headline, details)


def step_text(event: ProgressEvent, batch_no: int) -> str:
    """The current step in words, e.g. "Sending visits: batch 3 (150 of 812 records)"."""
    if event.phase == Phase.UPLOAD:
        what = table_words(event.table) if event.table else tr("records")
        if event.kind == "batch_done":
            return tr("Sending {what}: batch {n} ({done} of {total} records)").format(
                what=what, n=batch_no, done=_count(event.done), total=_count(event.total)
            )
        if event.kind in ("table_started", "table_done"):
            return tr("Sending {what} ({done} of {total} records)").format(
                what=what, done=_count(event.done), total=_count(event.total)
            )
        return tr("Sending records…")
    if event.phase == Phase.DOWNLOAD:
        if event.table:
            return tr("Downloading master data: {table} ({n} of {total})").format(
                table=table_words(event.table), n=event.done + 1, total=event.total
            )
        return tr("Downloading master data…")
    if event.total:
        return tr("Fetching beneficiary IDs: {done} of {total}").format(
            done=_count(event.done), total=_count(event.total)
        )
    return tr("Fetching beneficiary IDs…")


# -- rows central refused ------------------------------------------------------------


@dataclass(frozen=True)
class RejectedRecord:
    """One row central refused, waiting for a person to look at it."""

    table: str
    serial: str
    reason: str
    beneficiary: str  # "Sita Devi, 2847 0000 0001" when the row names a beneficiary


def _column(tbl: sa.Table, name: str) -> sa.Column[Any] | None:
    try:
        return tbl.c[table_specs()[tbl.name].column(name).name]
    except KeyError:
        return None


def rejected_records(engine: sa.Engine, limit: int = MAX_ATTENTION_ROWS) -> list[RejectedRecord]:
    """Rows marked refused by central ('F'), with central's reason, newest tables first."""
    found: list[RejectedRecord] = []
    with engine.connect() as conn:
        for name in synced_table_names():
            if len(found) >= limit:
                break
            tbl = table(name)
            processed = _column(tbl, "Processed")
            if processed is None:
                continue
            person_column = (
                "BenRegId" if name == "m_beneficiaryregidmapping" else "BeneficiaryRegID"
            )
            wanted = [
                c
                for c in (
                    _column(tbl, "VanSerialNo"),
                    _column(tbl, "SyncFailureReason"),
                    _column(tbl, person_column),
                )
                if c is not None
            ]
            if not wanted:
                continue
            query = sa.select(*wanted).where(processed == "F").limit(limit - len(found))
            for row in conn.execute(query).mappings():
                found.append(_rejected(conn, name, dict(row)))
    return found


def _rejected(conn: sa.Connection, name: str, row: dict[str, Any]) -> RejectedRecord:
    by_lower = {k.lower(): v for k, v in row.items()}
    reason = str(by_lower.get("syncfailurereason") or tr("no reason given"))
    ben_reg_id = by_lower.get("beneficiaryregid") or by_lower.get("benregid")
    who = ""
    if ben_reg_id is not None:
        person = get_summary(conn, int(ben_reg_id))
        if person is not None:
            who = f"{person.full_name}, {values.format_beneficiary_id(person.beneficiary_id)}"
    return RejectedRecord(name, str(by_lower.get("vanserialno") or ""), reason, who)


# -- what the idle panel shows --------------------------------------------------------


@dataclass
class PanelFacts:
    """Everything the idle panel shows that comes from the database, read in one go.

    On a laptop with months of records the counts scan every synced table (a tenth of a
    second or more), too long for the GUI thread while a run is on screen: after a run
    the sync thread reads these (``read_panel_facts``) and the panel only fills widgets.
    """

    pending: int | None  # records waiting to be sent; None when the database was busy
    last_success: dict[str, datetime | None]
    rejected: list[RejectedRecord] | None  # None when the database was busy
    runs: list[sync_history.RunSummary]
    # Per-table counts of the newest run, by run id: the history shows it first.
    run_tables: dict[int, list[dict[str, Any]]]


def read_panel_facts(engine: sa.Engine) -> PanelFacts:
    """Read what the idle panel shows; safe on any thread (no widgets are touched)."""
    try:
        pending: int | None = int(local_status(engine)["pending_total"])
    except sa.exc.OperationalError:
        pending = None
    try:
        rejected: list[RejectedRecord] | None = rejected_records(engine)
    except sa.exc.OperationalError:
        rejected = None
    runs = sync_history.recent_runs(engine, HISTORY_RUNS)
    run_tables: dict[int, list[dict[str, Any]]] = {}
    if runs:
        run_tables[runs[0].run_id] = sync_history.table_rows(engine, runs[0].run_id)
    return PanelFacts(
        pending=pending,
        last_success=sync_history.last_success(engine),
        rejected=rejected,
        runs=runs,
        run_tables=run_tables,
    )


# -- the panel -----------------------------------------------------------------------

RUN_COLUMNS = (
    "What",
    "Sent",
    "Accepted",
    "Rejected",
    "Still to send",
    "Waiting for parent",
    "Received",
    "Result",
)
HISTORY_COLUMNS = ("Started", "Ended", "Result")
DETAIL_COLUMNS = (
    "What",
    "Sent",
    "Accepted",
    "Rejected",
    "Still to send",
    "Received",
    "Result",
)
ATTENTION_COLUMNS = ("Record", "Beneficiary", "Record no.", "Central's reason")


def _number_item(value: int | None) -> str:
    return "" if value is None else _count(value)


class SyncPanel(QWidget):
    """Sync with AMRIT central: send records, fetch masters, top up beneficiary IDs.

    Signals:
        sync_finished(object): the ``RunReport`` at the end of every run started here
            (also cancelled and failed ones), after the panel has shown it; the main
            window refreshes its status bar from it.
        sync_progress(object): each ``ProgressEvent`` the panel shows, after showing it
            (a phase or table starting or ending always; of batch steps closer together
            than ``PROGRESS_EVERY_MS``, the latest of each table), on the GUI thread.
        signed_in(object): a ``SignedIn`` after a successful sign-in from this panel.
    """

    sync_finished = Signal(object)
    sync_progress = Signal(object)
    signed_in = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        options: RunOptions | None = None,
        phases: Sequence[Phase] | None = None,
        resume_after_sign_in: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._options = options
        self._phases = list(phases) if phases else None
        self._resume_after_sign_in = resume_after_sign_in
        # The worker and its thread are kept until the thread has ended: dropping the
        # last Python reference earlier would delete them under the running thread.
        self._worker: SyncWorker | None = None
        self._thread: QThread | None = None
        # A while after a run, when the nurse is not waiting on the panel, free what the
        # run's garbage-collector freeze kept (see free_garbage_frozen_by_runs).
        self._garbage_timer = QTimer(self)
        self._garbage_timer.setSingleShot(True)
        self._garbage_timer.setInterval(GARBAGE_DELAY_MS)
        self._garbage_timer.timeout.connect(self._free_garbage)
        self._active = False
        self._batches: dict[str, int] = {}
        # Batch steps held back to be shown together (see PROGRESS_EVERY_MS), by table.
        self._held: dict[str, ProgressEvent] = {}
        self._shown_at = QElapsedTimer()
        self._show_held_timer = QTimer(self)
        self._show_held_timer.setSingleShot(True)
        self._show_held_timer.timeout.connect(self._show_held)
        self._items: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._phase_index = 0
        self.last_report: RunReport | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.crash_box: QMessageBox | None = None
        self.attention_records: list[RejectedRecord] = []
        self.waiting = 0
        self.last_success_times: dict[str, datetime | None] = {}
        self._history_runs: list[sync_history.RunSummary] = []
        self._run_tables: dict[int, list[dict[str, Any]]] = {}

        self._build()
        # The first QStyle to reach Python makes its enums (some 20 ms): let that happen
        # now rather than when the result banner is first shown, at the end of a run.
        self.style()
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._show_elapsed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.refresh()

    # --- building the page ---------------------------------------------------------------

    def _build(self) -> None:
        heading = QLabel(self.tr("Sync with AMRIT central"))
        heading.setObjectName("heading")
        self.last_success_label = QLabel()
        self.last_success_label.setObjectName("muted")
        self.last_success_label.setWordWrap(True)
        self.last_success_label.setAccessibleName(self.tr("Last fully successful sync"))

        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setObjectName("primary")
        self.sync_button.setMinimumSize(260, 56)
        self.sync_button.setStyleSheet("font-size: 13pt;")
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send records and fetch updates (Ctrl+Shift+S)"))
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the sync"))
        self.cancel_button.setEnabled(False)
        self.sign_in_button = QPushButton(self.tr("Sign &in…"))
        self.sign_in_button.setAccessibleName(self.tr("Sign in to central"))
        self.waiting_label = QLabel()
        self.waiting_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.waiting_label.setAccessibleName(self.tr("Records waiting"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.waiting_label, 1)
        buttons.addWidget(self.sign_in_button)

        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Sync progress"))
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.elapsed_label = QLabel()
        self.elapsed_label.setAccessibleName(self.tr("Time taken"))
        self.elapsed_label.setMinimumWidth(110)
        bar = QHBoxLayout()
        bar.addWidget(self.progress_bar, 1)
        bar.addWidget(self.elapsed_label)
        self.step_label = QLabel(self.tr("Press Sync now when the van has a network."))
        self.step_label.setAccessibleName(self.tr("Current step"))

        self.result = Banner()
        self.result.label.setAccessibleName(self.tr("Sync result"))

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_run_tab(), self.tr("This &run"))
        self.tabs.addTab(self._build_attention_tab(), self.tr("&Needs attention"))
        self.tabs.addTab(self._build_history_tab(), self.tr("&History"))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addLayout(bar)
        layout.addWidget(self.step_label)
        layout.addWidget(self.last_success_label)
        layout.addWidget(self.result)
        layout.addWidget(self.tabs, 1)

        # The buttons call small wrappers, so no slot hands a return value back to Qt.
        self.sync_button.clicked.connect(self._sync_clicked)
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.sign_in_button.clicked.connect(self._sign_in_clicked)
        # Ctrl+Shift+S belongs to the main window, so it works from every page.
        chain_tab_order(
            [
                self.sync_button,
                self.cancel_button,
                self.sign_in_button,
                self.tabs,
                self.run_tree,
                self.attention_table,
                self.send_again_button,
                self.history_table,
                self.detail_table,
            ]
        )

    def _build_run_tab(self) -> QWidget:
        self.run_tree = QTreeWidget()
        self.run_tree.setColumnCount(len(RUN_COLUMNS))
        self.run_tree.setHeaderLabels([self.tr(c) for c in RUN_COLUMNS])
        self.run_tree.setAccessibleName(self.tr("What this run did, per phase and table"))
        self.run_tree.setAlternatingRowColors(True)
        self.run_tree.setUniformRowHeights(True)
        header = self.run_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(RUN_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The result column fits its longest word, even for rows scrolled out of sight.
        last = len(RUN_COLUMNS) - 1
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Fixed)
        words = [*OUTCOME_WORDS.values(), "working…", "Rest waits for parent"]
        header.resizeSection(last, _words_width(self.run_tree, words))
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.run_tree)
        return page

    def _build_attention_tab(self) -> QWidget:
        self.attention_table = _table(ATTENTION_COLUMNS)
        self.attention_table.setWordWrap(False)
        self.attention_table.setAccessibleName(self.tr("Records central refused"))
        self.attention_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch
        )
        for column, width in enumerate((200, 260, 120)):
            self.attention_table.setColumnWidth(column, width)
        explain = QLabel(
            self.tr(
                "Central refused these records for the reason shown. Correct the record if "
                "the reason asks for it, then press Send again: they go with the next sync."
            )
        )
        explain.setWordWrap(True)
        self.send_again_button = QPushButton(self.tr("Send &again"))
        self.send_again_button.setAccessibleName(self.tr("Send refused records again"))
        self.send_again_button.clicked.connect(self._send_again_clicked)
        self.attention_note = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.send_again_button)
        row.addWidget(self.attention_note, 1)
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(explain)
        box.addWidget(self.attention_table, 1)
        box.addLayout(row)
        return page

    def _build_history_tab(self) -> QWidget:
        self.history_table = _table(HISTORY_COLUMNS)
        self.history_table.setAccessibleName(self.tr("Recent sync runs"))
        history_header = self.history_table.horizontalHeader()
        history_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A long result ("Did not finish …") wraps onto a second line instead of "…".
        self.history_table.setWordWrap(True)
        self.history_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.detail_table = _table(DETAIL_COLUMNS)
        self.detail_table.setAccessibleName(self.tr("Counts of the chosen run"))
        detail_header = self.detail_table.horizontalHeader()
        detail_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        detail_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.detail_summary = QLabel()
        self.detail_summary.setWordWrap(True)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.detail_summary)
        right_box.addWidget(self.detail_table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.history_table)
        splitter.addWidget(right)
        splitter.setSizes([500, 680])
        self.history_table.currentCellChanged.connect(lambda row, *_: self._show_history_run(row))
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(splitter)
        return page

    # --- state shown when idle -----------------------------------------------------------

    @property
    def running(self) -> bool:
        """True from the start of a run until its report has been shown."""
        return self._active

    def refresh(self) -> None:
        """Re-read what waits, what needs attention, the last successes and the history."""
        self.show_facts(read_panel_facts(self._ctx.engine))

    def show_facts(self, facts: PanelFacts) -> None:
        """Fill the waiting count, last successes, attention list and history from ``facts``."""
        self._show_waiting(facts.pending)
        self._show_last_success(facts.last_success)
        if facts.rejected is not None:
            self._show_attention(facts.rejected)
        self._run_tables = dict(facts.run_tables)
        self._show_history(facts.runs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.running:
            self._refresh_waiting()

    def _refresh_waiting(self) -> None:
        try:
            pending: int | None = int(local_status(self._ctx.engine)["pending_total"])
        except sa.exc.OperationalError:
            pending = None
        self._show_waiting(pending)

    def _show_waiting(self, pending: int | None) -> None:
        if pending is None:
            self.waiting_label.setText(self.tr("The database is busy; try again."))
            return
        if pending == 0:
            text = self.tr("Nothing waiting to be sent.")
        elif pending == 1:
            text = self.tr("1 record waiting to be sent.")
        else:
            text = self.tr("{n} records waiting to be sent.").format(n=_count(pending))
        self.waiting_label.setText(text)
        self.waiting = pending

    def _show_last_success(self, times: dict[str, datetime | None]) -> None:
        self.last_success_times = times
        parts = [
            self.tr("{phase}: {when}").format(
                phase=_first_upper(tr(LAST_SUCCESS_NAMES[Phase(p)])),
                when=format_time(times.get(p)),
            )
            for p in ("upload", "download", "ids")
        ]
        self.last_success_label.setText(
            self.tr("Last fully successful sync:") + "  " + "   ·   ".join(parts)
        )

    def _show_attention(self, records: list[RejectedRecord]) -> None:
        self.attention_records = records
        table_widget = self.attention_table
        table_widget.setRowCount(len(records))
        for row, record in enumerate(records):
            texts = (table_label(record.table), record.beneficiary, record.serial, record.reason)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table_widget.setItem(row, column, item)
        self.send_again_button.setEnabled(bool(records) and not self.running)
        title = self.tr("&Needs attention")
        if records:
            title = self.tr("&Needs attention ({n})").format(n=len(records))
        self.tabs.setTabText(1, title)
        self.attention_note.setText(
            self.tr("Central has refused no records.")
            if not records
            else self.tr("Correct the record if needed, then press Send again.")
        )

    def _show_history(self, runs: list[sync_history.RunSummary]) -> None:
        self._history_runs = runs
        self.history_table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            texts = (
                format_time(run.started),
                run.finished.strftime(TIME_FORMAT) if run.finished else self.tr("did not finish"),
                _run_outcome(run),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(run.summary or text)
                self.history_table.setItem(row, column, item)
        self.history_table.resizeRowsToContents()
        if runs:
            self.history_table.setCurrentCell(0, 0)
            self._show_history_run(0)
        else:
            self.detail_table.setRowCount(0)
            self.detail_summary.setText(self.tr("No sync has run on this laptop yet."))

    def _show_history_run(self, row: int) -> None:
        if not 0 <= row < len(self._history_runs):
            return
        run = self._history_runs[row]
        rows = self._run_tables.get(run.run_id)
        if rows is None:  # an older run, chosen by hand: read its counts now
            rows = sync_history.table_rows(self._ctx.engine, run.run_id)
            self._run_tables[run.run_id] = rows
        shown = [r for r in rows if _worth_showing(r)]
        text = self.tr("{outcome}. Started {started}.").format(
            outcome=_run_outcome(run), started=format_time(run.started)
        )
        if run.stop_reason:
            text += " " + run.stop_reason
        self.detail_summary.setText(text)
        self.detail_table.setRowCount(len(shown))
        for index, r in enumerate(shown):
            texts = (
                _detail_what(r["phase"], r["table_name"]),
                _count(r["sent"]),
                _count(r["accepted"]),
                _count(r["rejected"]),
                _count(r["pending"]),
                _count(r["received"]),
                outcome_words(r["outcome"]),
            )
            for column, text in enumerate(texts):
                self.detail_table.setItem(index, column, QTableWidgetItem(text))

    # --- running ------------------------------------------------------------------------

    def _sync_clicked(self) -> None:
        self.start_sync()

    def _sign_in_clicked(self) -> None:
        self.offer_sign_in(resume=False)

    def _send_again_clicked(self) -> None:
        self.send_again()

    def start_sync(self) -> bool:
        """Start a run (the Sync button). Returns True when a run started.

        When nobody is signed in, the sign-in dialog opens instead; after signing in the
        run starts by itself.
        """
        if self.running:
            return False
        self._thread_done()  # the last run's thread, if it is still winding down
        settings = self._ctx.reload_settings()
        plan = prepare(self._ctx.data_dir, settings, self._phases)
        if isinstance(plan, NotReady):
            self._not_ready(plan)
            return False
        self.result.dismiss()
        self._reset_run_view()
        engine = self._ctx.engine
        # The sync thread also reads the counts shown after the run (see PanelFacts).
        worker = SyncWorker(plan, engine, self._options, lambda: read_panel_facts(engine))
        worker.progress.connect(self._on_progress)
        worker.crashed.connect(self._on_crash)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self._active = True
        self._set_running(True)
        self._elapsed.start()
        self._tick.start()
        self._show_elapsed()
        self.step_label.setText(self.tr("Starting…"))
        thread = worker.start()
        thread.finished.connect(lambda: self._thread_done(thread))
        self._thread = thread
        return True

    def cancel_sync(self) -> None:
        """Ask the run to stop after the current batch (the Cancel button)."""
        if not self._active or self._worker is None:
            return
        self._worker.cancel()
        self.cancel_button.setEnabled(False)
        self.step_label.setText(self.tr("Stopping after the current step…"))

    def shutdown(self, wait_ms: int = 30000) -> None:
        """Cancel a run and wait for its thread (when the app closes)."""
        if self._active and self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.wait(wait_ms)
            self._thread_done()

    def _not_ready(self, plan: NotReady) -> None:
        if plan.needs_sign_in:
            self.result.show_message(
                "error", self.tr("Signed out: sign in again, then the sync starts.")
            )
            self.offer_sign_in(resume=self._resume_after_sign_in)
        else:
            self.result.show_message(
                "error", self.tr("The sync cannot start yet.") + "\n" + plan.reason
            )

    def _set_running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.sign_in_button.setEnabled(not running)
        self.send_again_button.setEnabled(not running and bool(self.attention_records))
        if running:
            self.cancel_button.setFocus()
        else:
            self.sync_button.setFocus()

    def _reset_run_view(self) -> None:
        self.run_tree.clear()
        self._items.clear()
        self._batches.clear()
        self._drop_held()
        self.progress_bar.setRange(0, 0)  # busy until a phase says how much there is
        self.progress_bar.setFormat("%p%")

    def _show_elapsed(self) -> None:
        self.elapsed_label.setText(
            self.tr("Time: {t}").format(t=format_elapsed(self._elapsed.elapsed()))
        )

    def _on_progress(self, event: ProgressEvent) -> None:
        """A step of the run: show it now, or hold a batch step that comes too soon."""
        since = self._shown_at.elapsed() if self._shown_at.isValid() else PROGRESS_EVERY_MS
        hold = event.kind == "batch_done" and since < PROGRESS_EVERY_MS
        if not hold:
            self._show_held()  # the batches held so far come before this step
        if event.kind == "batch_done":
            self._batches[event.table] = self._batches.get(event.table, 0) + 1
        if hold:
            self._held[event.table] = event
            if not self._show_held_timer.isActive():
                self._show_held_timer.start(PROGRESS_EVERY_MS - since)
            return
        self._show_progress(event)

    def _show_held(self) -> None:
        self._show_held_timer.stop()
        held = list(self._held.values())
        self._held.clear()
        for event in held:
            self._show_progress(event)

    def _drop_held(self) -> None:
        self._show_held_timer.stop()
        self._held.clear()

    def _show_progress(self, event: ProgressEvent) -> None:
        self._shown_at.start()
        if event.kind == "phase_started":
            self._batches.clear()
        if event.kind != "phase_done":
            self.step_label.setText(step_text(event, self._batches.get(event.table, 0)))
        if event.total > 0:
            # Each change repaints the bar at once, so only what changed is set.
            bar_format = tr(PHASE_NAMES[event.phase]) + ": %p%"
            if self.progress_bar.maximum() != event.total:
                self.progress_bar.setRange(0, event.total)
            if self.progress_bar.format() != bar_format:
                self.progress_bar.setFormat(bar_format)
            self.progress_bar.setValue(min(event.done, event.total))
        elif event.kind == "phase_started":
            self.progress_bar.setRange(0, 0)
        self._update_tree(event)
        self.sync_progress.emit(event)

    def _update_tree(self, event: ProgressEvent) -> None:
        phase_item = self._phase_item(event.phase)
        if event.kind == "phase_done":
            phase_item.setText(7, event.message[:80])
            phase_item.setToolTip(7, event.message)
            return
        if not event.table:
            return
        parent = phase_item
        if event.group_name:
            parent = self._child(("g", event.phase, event.group_name), phase_item, event.group_name)
        item = self._child(("t", event.phase, event.table), parent, table_label(event.table))
        if event.phase == Phase.UPLOAD:
            counts = (event.sent, event.accepted, event.rejected)
            for column, value in enumerate(counts, start=1):
                item.setText(column, _count(value))
        item.setText(7, self.tr("working…") if event.kind != "table_done" else self.tr("done"))
        self.run_tree.scrollToItem(item)

    def _phase_item(self, phase: Phase) -> QTreeWidgetItem:
        key = ("p", phase)
        if key not in self._items:
            item = QTreeWidgetItem([tr(PHASE_NAMES[phase])])
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.run_tree.addTopLevelItem(item)
            item.setExpanded(True)
            self._items[key] = item
        return self._items[key]

    def _child(self, key: tuple[str, ...], parent: QTreeWidgetItem, text: str) -> QTreeWidgetItem:
        if key not in self._items:
            item = QTreeWidgetItem([text])
            parent.addChild(item)
            parent.setExpanded(True)
            self._items[key] = item
        return self._items[key]

    def _on_crash(self, details: str) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Sync stopped"))
        box.setText(
            self.tr(
                "The sync stopped because of a problem in the program. Nothing was lost. "
                "Please tell IT; the button below copies the details for them."
            )
        )
        box.setDetailedText(details)
        copy = box.addButton(self.tr("Copy &details"), QMessageBox.ButtonRole.ActionRole)
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        box.addButton(QMessageBox.StandardButton.Close)
        self.crash_box = box
        box.open()

    def _on_finished(self, report: RunReport) -> None:
        self._active = False
        self._drop_held()  # the finished run's own list replaces them
        self._tick.stop()
        self._show_elapsed()
        self.last_report = report
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(1 if report.succeeded else 0)
        if report.succeeded:
            self.progress_bar.setFormat(self.tr("Done"))
        elif report.cancelled or report.stop_reason:
            self.progress_bar.setFormat(self.tr("Stopped"))
        else:
            self.progress_bar.setFormat(self.tr("Finished"))
        self.step_label.setText(
            self.tr("Finished at {time}.").format(
                time=(report.finished or datetime.now()).strftime("%H:%M")
            )
        )
        result = describe_result(report)
        self.result.show_message(result.kind, result.text)
        self._fill_run_tree(report)
        facts = self._worker.after_run if self._worker is not None else None
        if isinstance(facts, PanelFacts):
            self.show_facts(facts)
        else:  # the worker could not read them: read them here, slower but complete
            self.refresh()
        self._set_running(False)
        if self.attention_records and _rejected_now(report):
            self.tabs.setCurrentIndex(1)
        self._garbage_timer.start()
        self.sync_finished.emit(report)
        if report.needs_sign_in:
            self.offer_sign_in(resume=self._resume_after_sign_in)

    def _free_garbage(self) -> None:
        if not self._active:  # a new run freezes again at its end and restarts the timer
            free_garbage_frozen_by_runs()

    def _thread_done(self, thread: QThread | None = None) -> None:
        if thread is not None and thread is not self._thread:
            return  # a late signal from an earlier run, already cleaned up
        thread = self._thread
        if thread is None:
            return
        # ``finished`` fires from the thread just before it ends: wait for the end
        # (microseconds) so that dropping our references never deletes a live thread.
        thread.wait()
        self._thread = None
        self._worker = None

    def _fill_run_tree(self, report: RunReport) -> None:
        self.run_tree.clear()
        self._items.clear()
        for phase in report.phases:
            item = self._phase_item(phase.phase)
            totals = phase.totals()
            if phase.phase == Phase.UPLOAD:
                _set_counts(item, totals, received=None)
            elif phase.phase == Phase.DOWNLOAD:
                _set_counts(item, None, received=totals["received"])
            else:
                _set_counts(item, None, received=phase.ids_added)
            item.setText(7, outcome_words(str(phase.outcome)))
            item.setToolTip(7, phase.summary)
            for t in phase.tables:
                shown = _table_worth_showing(
                    phase.phase,
                    t.sent,
                    t.pending,
                    t.needs_attention,
                    t.received,
                    t.errors,
                    str(t.outcome),
                )
                if not shown:
                    continue
                parent = item
                if t.group_name:
                    parent = self._child(("g", phase.phase, t.group_name), item, t.group_name)
                child = self._child(("t", phase.phase, t.table), parent, table_label(t.table))
                if phase.phase == Phase.UPLOAD:
                    _set_counts(child, t.to_dict(), received=None)
                else:
                    _set_counts(child, None, received=t.received)
                words = outcome_words(str(t.outcome))
                if t.pending and t.pending == t.waiting and not t.rejected and not t.errors:
                    words = self.tr("Rest waits for parent")
                child.setText(7, words)
                if t.errors:
                    child.setToolTip(0, "\n".join(t.errors))
                    child.setToolTip(7, "\n".join(t.errors))
        self.run_tree.expandAll()
        self.run_tree.scrollToTop()  # the run's first tables first, not wherever it was

    # --- signing in and sending again ------------------------------------------------------

    def offer_sign_in(self, resume: bool = False) -> SignInDialog:
        """Open the sign-in dialog; with ``resume`` the sync starts once signed in."""
        if self.sign_in_dialog is not None and self.sign_in_dialog.isVisible():
            return self.sign_in_dialog
        settings = self._ctx.reload_settings()
        dialog = SignInDialog(settings.common_url, settings.user, self._ctx.data_dir.root, self)
        dialog.signed_in.connect(self._signed_in)
        if resume:
            dialog.accepted.connect(self._sync_clicked)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._sign_in_closed)
        self.sign_in_dialog = dialog
        dialog.open()
        return dialog

    def _sign_in_closed(self) -> None:
        self.sign_in_dialog = None

    def _signed_in(self, info: SignedIn) -> None:
        settings = self._ctx.reload_settings()
        if settings.user != info.user_name:
            # As the command line does: whoever signed in is named as the uploader.
            settings.user = info.user_name
            settings_store.save(self._ctx.data_dir, settings)
            self._ctx.reload_settings()
        self.result.show_message(
            "success", self.tr("Signed in as {user}.").format(user=info.user_name)
        )
        self.signed_in.emit(info)

    def send_again(self) -> int:
        """Put every refused record back in the queue for the next sync."""
        try:
            count = requeue_rejected(self._ctx.engine)
        except sa.exc.OperationalError:
            self.attention_note.setText(self.tr("The database is busy; try again."))
            return 0
        self.refresh()
        self.attention_note.setText(
            self.tr("{n} records will be sent again with the next sync.").format(n=_count(count))
        )
        return count


def _table(columns: Sequence[str]) -> QTableWidget:
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels([tr(c) for c in columns])
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setTabKeyNavigation(False)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(True)
    widget.verticalHeader().hide()
    return widget


def _words_width(view: QWidget, words: Iterable[str]) -> int:
    """Pixels a column needs to show the longest of ``words`` (translated) whole."""
    metrics = view.fontMetrics()
    return max(metrics.horizontalAdvance(tr(w)) for w in words) + 24


def _set_counts(item: QTreeWidgetItem, counts: dict[str, Any] | None, received: int | None) -> None:
    keys = ("sent", "accepted", "rejected", "pending", "waiting")
    for column, key in enumerate(keys, start=1):
        item.setText(column, _number_item(counts.get(key)) if counts else "")
        item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setText(6, _number_item(received))
    item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _table_worth_showing(
    phase: Phase,
    sent: int,
    pending: int,
    needs_attention: int,
    received: int,
    errors: list[str],
    outcome: str,
) -> bool:
    if errors or outcome in ("failed", "partial"):
        return True
    if phase == Phase.UPLOAD:
        return bool(sent or pending or needs_attention)
    return bool(received)


def _worth_showing(row: dict[str, Any]) -> bool:
    return _table_worth_showing(
        Phase(row["phase"]),
        row["sent"],
        row["pending"],
        row["needs_attention"],
        row["received"],
        row["errors"],
        row["outcome"],
    )


def _detail_what(phase: str, table_name: str) -> str:
    if phase == Phase.UPLOAD:
        return _first_upper(table_words(table_name))
    return tr(PHASE_NAMES[Phase(phase)]) + ": " + table_label(table_name)


def _rejected_now(report: RunReport) -> bool:
    upload = report.phase(Phase.UPLOAD)
    return upload is not None and upload.totals()["rejected"] > 0


def _run_outcome(run: sync_history.RunSummary) -> str:
    if run.finished is None:
        return tr("Did not finish (the app closed or the laptop switched off)")
    if run.succeeded:
        return tr("Complete")
    if run.needs_sign_in:
        return tr("Stopped: sign-in needed")
    if run.cancelled:
        return tr("Cancelled")
    return tr("Finished with problems")
