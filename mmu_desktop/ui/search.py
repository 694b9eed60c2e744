"""Finding a beneficiary by ID, phone, name (Hindi or English, any spelling) or village."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mmu_desktop.db.beneficiaries import BeneficiarySummary
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.ui import values
from mmu_desktop.ui.widgets.fields import chain_tab_order

SEARCH_DELAY_MS = 250
_COLUMNS = (
    QT_TRANSLATE_NOOP("SearchView", "Name"),
    QT_TRANSLATE_NOOP("SearchView", "Age"),
    QT_TRANSLATE_NOOP("SearchView", "Gender"),
    QT_TRANSLATE_NOOP("SearchView", "Father / spouse"),
    QT_TRANSLATE_NOOP("SearchView", "Village"),
    QT_TRANSLATE_NOOP("SearchView", "Phone"),
    QT_TRANSLATE_NOOP("SearchView", "Beneficiary ID"),
)

_TOP = QModelIndex()  # the invisible root of a flat table


def column_values(person: BeneficiarySummary, today: date | None = None) -> list[str]:
    """The texts of one result row, in column order."""
    age = person.age(today)
    return [
        person.full_name,
        "" if age is None else str(age),
        person.gender,
        person.father_name or person.spouse_name,
        person.village,
        person.phone,
        values.format_beneficiary_id(person.beneficiary_id),
    ]


SHOWN_AT_MOST = 20  # results listed; the best first, more typing narrows them


class ResultsModel(QAbstractTableModel):
    """Search results as table rows; the BenRegID sits under ``Qt.UserRole``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[BeneficiarySummary] = []
        self._rows: list[list[str]] = []

    def set_people(self, people: list[BeneficiarySummary]) -> None:
        self.beginResetModel()
        self._people = people
        self._rows = [column_values(p) for p in people]
        self.endResetModel()

    def person(self, row: int) -> BeneficiarySummary:
        return self._people[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _TOP) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self._people[index.row()].ben_reg_id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SearchView", _COLUMNS[section])
        return None


class SearchView(QWidget):
    """One search box and a table of the people it finds.

    Signals:
        visit_requested(object): start a visit for this BenRegID (Enter or double-click).
        history_requested(object): show this BenRegID's past visits.
        edit_requested(object): edit this BenRegID's registration details.
    """

    visit_requested = Signal(object)
    history_requested = Signal(object)
    edit_requested = Signal(object)

    def __init__(self, index: SearchIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)

        heading = QLabel(self.tr("Find a beneficiary"))
        heading.setObjectName("heading")
        self.box = QLineEdit()
        self.box.setPlaceholderText(
            self.tr("Name (Hindi or English), phone, beneficiary ID or village")
        )
        # IT may also look someone up by the internal registration number.
        self.box.setToolTip(self.tr("Also finds the internal registration number (for IT)."))
        self.box.setClearButtonEnabled(True)
        self.box.setObjectName("searchBox")
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.box)
        self.box.setAccessibleName(self.tr("Search"))
        self.count = QLabel()
        self.count.setObjectName("muted")

        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("People found"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((230, 50, 80, 200, 160, 120, 150)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.visit_button = QPushButton(self.tr("Start &visit (Enter)"))
        self.visit_button.setObjectName("primary")
        self.history_button = QPushButton(self.tr("&History"))
        self.edit_button = QPushButton(self.tr("&Edit details"))
        buttons = QHBoxLayout()
        for button in (self.visit_button, self.history_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.box.textChanged.connect(self._timer.start)
        self.box.returnPressed.connect(self._open_from_box)
        self.box.installEventFilter(self)
        self.table.activated.connect(lambda index: self._request(self.visit_requested, index))
        self.visit_button.clicked.connect(lambda: self._request(self.visit_requested))
        self.history_button.clicked.connect(lambda: self._request(self.history_requested))
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        chain_tab_order(
            [self.box, self.table, self.visit_button, self.history_button, self.edit_button]
        )
        self._update_buttons()

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected, ready to type over."""
        self.box.setFocus()
        self.box.selectAll()

    def run_search(self) -> None:
        """Search now for the text in the box (normally after a short pause in typing).

        Just after start the people are still being read in the background; rather
        than freeze the window until then, say so and try again after the pause.
        """
        text = self.box.text()
        if text.strip() and self._index.loading:
            self.count.setText(self.tr("Reading the list of people, one moment..."))
            self._timer.start()
            return
        matches = self._index.search(text, limit=SHOWN_AT_MOST) if text.strip() else []
        self.model.set_people([m.person for m in matches])
        if self.model.rowCount():
            self.table.selectRow(0)
        if not text.strip():
            self.count.setText("")
        elif len(matches) >= SHOWN_AT_MOST:  # there may be many more: say how to narrow
            self.count.setText(
                self.tr(
                    "Showing the best {n}: type more of the name, or the village or phone, "
                    "to narrow them."
                ).format(n=len(matches))
            )
        elif matches:
            self.count.setText(self.tr("Found: {n}").format(n=len(matches)))
        else:
            self.count.setText(self.tr("Nobody found. Check the spelling or register them."))
        self._update_buttons()

    def found_ids(self) -> list[int]:
        """BenRegIDs of the rows shown, in order."""
        return [self.model.person(r).ben_reg_id for r in range(self.model.rowCount())]

    def _update_buttons(self) -> None:
        has = self.model.rowCount() > 0
        for button in (self.visit_button, self.history_button, self.edit_button):
            button.setEnabled(has)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return 0 if self.model.rowCount() else None

    def _request(self, signal: Any, index: QModelIndex | None = None) -> None:
        row = index.row() if index is not None and index.isValid() else self._selected_row()
        if row is not None:
            signal.emit(self.model.person(row).ben_reg_id)

    def _open_from_box(self) -> None:
        # Enter right after typing: search at once rather than wait for the pause.
        if self._timer.isActive():
            self._timer.stop()
            self.run_search()
        self._request(self.visit_requested)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search box moves into the results.
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)
