"""A beneficiary's past visits, newest first; Enter reopens one."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mmu_desktop.db.beneficiaries import get_summary
from mmu_desktop.db.visits import VisitSummary, list_visits
from mmu_desktop.ui import values
from mmu_desktop.ui.widgets.fields import chain_tab_order

_COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryView", "Date"),
    QT_TRANSLATE_NOOP("HistoryView", "Visit no."),
    QT_TRANSLATE_NOOP("HistoryView", "Reason"),
    QT_TRANSLATE_NOOP("HistoryView", "Complaints"),
    QT_TRANSLATE_NOOP("HistoryView", "Diagnosis"),
    QT_TRANSLATE_NOOP("HistoryView", "Sync state"),
)
# The sync states ``list_visits`` reports, marked for translators.
_SYNC_STATES = (
    QT_TRANSLATE_NOOP("sync_state", "Synced"),
    QT_TRANSLATE_NOOP("sync_state", "Needs attention"),
    QT_TRANSLATE_NOOP("sync_state", "Edited, not yet synced"),
    QT_TRANSLATE_NOOP("sync_state", "Not yet synced"),
)


def history_row(visit: VisitSummary) -> list[str]:
    """The texts of one history row, in column order."""
    return [
        visit.when.strftime("%d-%m-%Y %H:%M") if visit.when else "",
        str(visit.visit_no),
        visit.reason,
        visit.complaints,
        visit.diagnosis,
        QCoreApplication.translate("sync_state", visit.sync_state),
    ]


class HistoryView(QWidget):
    """The visits of one beneficiary.

    Signals:
        open_visit_requested(object, object): reopen a visit; carries BenRegID and BenVisitID.
        new_visit_requested(object): start a new visit for this BenRegID.
    """

    open_visit_requested = Signal(object, object)
    new_visit_requested = Signal(object)

    def __init__(self, engine: sa.Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._ben_reg_id: int | None = None
        self._visits: list[VisitSummary] = []

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.person = QLabel()
        self.person.setObjectName("personHeader")
        self.person.setWordWrap(True)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in _COLUMNS])
        self.table.setAccessibleName(self.tr("Past visits"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        for column, width in enumerate((140, 70, 150, 260, 260, 170)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        label = QLabel(self.tr("&Visits (Enter opens one):"))
        label.setBuddy(self.table)

        self.open_button = QPushButton(self.tr("&Open visit"))
        self.new_button = QPushButton(self.tr("&New visit"))
        self.new_button.setObjectName("primary")
        self.empty = QLabel()
        self.empty.setObjectName("muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.person)
        layout.addWidget(label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        self.table.activated.connect(lambda index: self._open(index.row()))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        self.new_button.clicked.connect(self._new)
        chain_tab_order([self.table, self.new_button, self.open_button])
        self.show_beneficiary(None)

    @property
    def ben_reg_id(self) -> int | None:
        return self._ben_reg_id

    def show_beneficiary(self, ben_reg_id: int | None, select_visit: int | None = None) -> None:
        """List the visits of ``ben_reg_id`` (None shows a hint to find someone first)."""
        self._ben_reg_id = ben_reg_id
        self._visits = []
        person = None
        if ben_reg_id is not None:
            with self._engine.connect() as conn:
                person = get_summary(conn, ben_reg_id)
                self._visits = list_visits(conn, ben_reg_id) if person else []
        if person is None:
            self._ben_reg_id = None
            self.heading.setText(self.tr("Visit history"))
            self.person.setText(self.tr("Find a beneficiary first (Ctrl+F), then open History."))
        else:
            self.heading.setText(self.tr("Visit history of {name}").format(name=person.full_name))
            self.person.setText(
                values.person_line(person, self.tr("{n} y"), self.tr("c/o {name}"))
                + "   "
                + self.tr("Beneficiary ID {id}").format(
                    id=values.format_beneficiary_id(person.beneficiary_id)
                )
            )
        self.table.setRowCount(len(self._visits))
        selected = 0
        for row, visit in enumerate(self._visits):
            for column, text in enumerate(history_row(visit)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, visit.ben_visit_id)
                self.table.setItem(row, column, item)
            if visit.ben_visit_id == select_visit:
                selected = row
        self.table.resizeRowsToContents()
        if self._visits:
            self.table.selectRow(selected)
            self.table.setCurrentCell(selected, 0)
        self.empty.setText(
            self.tr("No visits recorded yet.") if person is not None and not self._visits else ""
        )
        self.empty.setVisible(bool(self.empty.text()))
        self.open_button.setEnabled(bool(self._visits))
        self.new_button.setEnabled(person is not None)

    def visit_ids(self) -> list[int]:
        """BenVisitIDs of the rows shown, newest first."""
        return [v.ben_visit_id for v in self._visits]

    def rows(self) -> list[list[Any]]:
        return [history_row(v) for v in self._visits]

    def _open(self, row: int) -> None:
        if self._ben_reg_id is not None and 0 <= row < len(self._visits):
            self.open_visit_requested.emit(self._ben_reg_id, self._visits[row].ben_visit_id)

    def _new(self) -> None:
        if self._ben_reg_id is not None:
            self.new_visit_requested.emit(self._ben_reg_id)
