"""Recording a visit: the nurse's part (reason, complaints, vitals) and the doctor's part.

The same screen reopens a saved visit for editing. Complaint and medicine rows are
added with a button (or its mnemonic) and removed with their ✕ button or
Ctrl+Delete, so the whole visit can be entered without a mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from mmu_desktop.context import VanContext
from mmu_desktop.db import visits
from mmu_desktop.db.beneficiaries import BeneficiarySummary, get_summary
from mmu_desktop.db.masters import Choice, choices
from mmu_desktop.ui import drafts, values
from mmu_desktop.ui.registration import (
    DRAFT_DELAY_MS,
    database_error_message,
    restored_message,
    translate_message,
)
from mmu_desktop.ui.widgets.fields import (
    Banner,
    ErrorLabel,
    FieldErrors,
    FocusFollower,
    MasterCombo,
    add_field,
    chain_tab_order,
    watch_changes,
)
from mmu_desktop.validation import VITAL_RANGES, bmi

# Vitals and measurements: form field, label with mnemonic.
_NUMBER_FIELDS = (
    ("temperature", QT_TRANSLATE_NOOP("VisitView", "&Temperature")),
    ("pulse", QT_TRANSLATE_NOOP("VisitView", "&Pulse")),
    ("respiratory_rate", QT_TRANSLATE_NOOP("VisitView", "Respiratory rat&e")),
    ("spo2", QT_TRANSLATE_NOOP("VisitView", "SpO&2")),
    ("systolic", QT_TRANSLATE_NOOP("VisitView", "BP s&ystolic")),
    ("diastolic", QT_TRANSLATE_NOOP("VisitView", "BP d&iastolic")),
    ("blood_glucose", QT_TRANSLATE_NOOP("VisitView", "Random &blood sugar")),
    ("hemoglobin", QT_TRANSLATE_NOOP("VisitView", "Hae&moglobin")),
    ("weight", QT_TRANSLATE_NOOP("VisitView", "&Weight")),
    ("height", QT_TRANSLATE_NOOP("VisitView", "&Height")),
)
# Shown for values.COMPLAINT_UNITS (stored in English, as AMRIT keeps them).
_UNIT_LABELS = {
    "Hours": QT_TRANSLATE_NOOP("ComplaintRow", "Hours"),
    "Days": QT_TRANSLATE_NOOP("ComplaintRow", "Days"),
    "Weeks": QT_TRANSLATE_NOOP("ComplaintRow", "Weeks"),
    "Months": QT_TRANSLATE_NOOP("ComplaintRow", "Months"),
    "Years": QT_TRANSLATE_NOOP("ComplaintRow", "Years"),
}
# Units shortened inside the narrow vitals fields, so the whole hint shows.
_SHORT_UNITS = {"per minute": "/min"}
_BMI_BANDS = {
    "underweight": QT_TRANSLATE_NOOP("VisitView", "underweight"),
    "normal": QT_TRANSLATE_NOOP("VisitView", "normal"),
    "overweight": QT_TRANSLATE_NOOP("VisitView", "overweight"),
    "obese": QT_TRANSLATE_NOOP("VisitView", "obese"),
}


def range_hint(name: str) -> str:
    """The plausible range and unit of a vital, shown inside its empty field."""
    _what, allowed = VITAL_RANGES[name]
    unit = _SHORT_UNITS.get(allowed.unit, allowed.unit)
    return f"{allowed.low:g}–{allowed.high:g} {unit}"


class _Row(QFrame):
    """One removable line (a complaint or a medicine) with its own error message.

    Signals:
        remove_requested(object): the ✕ button or Ctrl+Delete asked to remove this row.
    """

    remove_requested = Signal(object)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineRow")
        self.error = ErrorLabel()
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.remove_button.setAccessibleName(
            QCoreApplication.translate("VisitView", "Remove this {what}").format(what=what)
        )
        self.remove_button.setToolTip(self.remove_button.accessibleName() + " (Ctrl+Delete)")
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        shortcut = QShortcut(QKeySequence("Ctrl+Delete"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.remove_requested.emit(self))

    def focus_widgets(self) -> list[QWidget]:
        raise NotImplementedError


class ComplaintRow(_Row):
    """A chief complaint with how long it has lasted."""

    def __init__(self, complaints: Sequence[Choice], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("VisitView", "complaint"), parent)
        self.complaint = MasterCombo(self.tr("— complaint —"))
        self.complaint.set_choices(complaints)
        self.complaint.setAccessibleName(self.tr("Chief complaint"))
        self.duration = QLineEdit()
        self.duration.setMaxLength(3)
        self.duration.setFixedWidth(56)
        self.duration.setPlaceholderText(self.tr("for"))
        self.duration.setAccessibleName(self.tr("Duration"))
        self.unit = MasterCombo(self.tr("unit"))
        self.unit.set_choices(
            [Choice(i, self.tr(_UNIT_LABELS[u])) for i, u in enumerate(values.COMPLAINT_UNITS)]
        )
        self.unit.setMinimumContentsLength(6)
        self.unit.set_current_id(values.COMPLAINT_UNITS.index("Days"))
        self.unit.setAccessibleName(self.tr("Duration unit"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("details"))
        self.description.setAccessibleName(self.tr("Complaint details"))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.complaint, 0, 0)
        grid.addWidget(self.duration, 0, 1)
        grid.addWidget(self.unit, 0, 2)
        grid.addWidget(self.description, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.error, 1, 0, 1, 5)
        self.description.setMinimumWidth(120)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(3, 3)

    def focus_widgets(self) -> list[QWidget]:
        return [self.complaint, self.duration, self.unit, self.description, self.remove_button]

    def inputs(self) -> values.ComplaintInputs:
        unit = self.unit.current_id()
        return values.ComplaintInputs(
            self.complaint.current_id(),
            self.duration.text(),
            values.COMPLAINT_UNITS[unit] if unit is not None else "Days",
            self.description.text(),
        )

    def set_line(self, line: visits.ComplaintLine) -> None:
        self.complaint.set_current_id(line.chief_complaint_id)
        self.duration.setText("" if line.duration is None else str(line.duration))
        if line.unit in values.COMPLAINT_UNITS:
            self.unit.set_current_id(values.COMPLAINT_UNITS.index(line.unit))
        self.description.setText(line.description)


class DrugRow(_Row):
    """One medicine of the prescription, on two lines to fit a laptop screen."""

    def __init__(
        self,
        drug_names: QStringListModel,
        masters: dict[str, list[Choice]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("VisitView", "medicine"), parent)
        self.drug = QLineEdit()
        self.drug.setPlaceholderText(self.tr("medicine (type to pick from the list)"))
        self.drug.setAccessibleName(self.tr("Medicine"))
        completer = QCompleter(drug_names, self.drug)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.drug.setCompleter(completer)
        self.dose = QLineEdit()
        self.dose.setPlaceholderText(self.tr("dose"))
        self.dose.setAccessibleName(self.tr("Dose"))
        self.dose.setFixedWidth(66)
        self.frequency = MasterCombo(self.tr("— how often —"))
        self.frequency.set_choices(masters["frequency"], show_extra=True)
        self.frequency.setAccessibleName(self.tr("Frequency"))
        self.frequency.setMinimumContentsLength(15)
        self.frequency.view().setMinimumWidth(260)
        self.duration = QLineEdit()
        self.duration.setFixedWidth(56)
        self.duration.setMaxLength(3)
        self.duration.setPlaceholderText(self.tr("for"))
        self.duration.setAccessibleName(self.tr("Duration"))
        self.duration_unit = MasterCombo(self.tr("unit"))
        self.duration_unit.set_choices(masters["duration_unit"])
        self.duration_unit.setMinimumContentsLength(7)
        if masters["duration_unit"]:
            self.duration_unit.set_current_id(masters["duration_unit"][0].id)
        self.duration_unit.setAccessibleName(self.tr("Duration unit"))
        self.route = MasterCombo(self.tr("— route —"))
        self.route.set_choices(masters["route"])
        self.route.setMinimumContentsLength(8)
        self.route.setAccessibleName(self.tr("Route"))
        self.quantity = QLineEdit()
        self.quantity.setFixedWidth(56)
        self.quantity.setMaxLength(4)
        self.quantity.setPlaceholderText(self.tr("qty"))
        self.quantity.setAccessibleName(self.tr("Quantity"))
        self.instructions = QLineEdit()
        self.instructions.setPlaceholderText(self.tr("instructions, e.g. after food"))
        self.instructions.setAccessibleName(self.tr("Instructions"))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.addWidget(self.drug, 0, 0, 1, 3)
        grid.addWidget(self.dose, 0, 3)
        grid.addWidget(self.frequency, 0, 4, 1, 2)
        grid.addWidget(self.remove_button, 0, 6)
        grid.addWidget(self.duration, 1, 0)
        grid.addWidget(self.duration_unit, 1, 1)
        grid.addWidget(self.route, 1, 2)
        grid.addWidget(self.quantity, 1, 3)
        grid.addWidget(self.instructions, 1, 4, 1, 2)
        grid.addWidget(self.error, 2, 0, 1, 7)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(5, 2)  # room for "TDS Three times a day"

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.drug,
            self.dose,
            self.frequency,
            self.duration,
            self.duration_unit,
            self.route,
            self.quantity,
            self.instructions,
            self.remove_button,
        ]

    def inputs(self) -> values.DrugInputs:
        return values.DrugInputs(
            drug_text=self.drug.text(),
            dose=self.dose.text(),
            frequency_id=self.frequency.current_id(),
            duration_text=self.duration.text(),
            duration_unit_id=self.duration_unit.current_id(),
            route_id=self.route.current_id(),
            quantity_text=self.quantity.text(),
            instructions=self.instructions.text(),
        )

    def set_line(self, line: visits.DrugLine, name: str) -> None:
        self.drug.setText(name)
        self.dose.setText(line.dose)
        self.frequency.set_current_id(line.frequency_id)
        self.duration.setText("" if line.duration is None else str(line.duration))
        self.duration_unit.set_current_id(line.duration_unit_id)
        self.route.set_current_id(line.route_id)
        self.quantity.setText("" if line.quantity is None else str(line.quantity))
        self.instructions.setText(line.instructions)


class VisitView(QWidget):
    """The visit form for one beneficiary, new or reopened.

    Signals:
        saved(object, object): a visit was stored; carries BenRegID and BenVisitID.
        history_requested(object): the nurse wants this BenRegID's past visits.
    """

    saved = Signal(object, object)
    history_requested = Signal(object)

    def __init__(
        self,
        engine: sa.Engine,
        van: Callable[[], VanContext],
        parent: QWidget | None = None,
        draft_store: drafts.DraftStore | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._van = van
        self._drafts = draft_store
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._person: BeneficiarySummary | None = None
        self._ben_visit_id: int | None = None
        self._saved_inputs: values.VisitInputs | None = None
        self.complaint_rows: list[ComplaintRow] = []
        self.drug_rows: list[DrugRow] = []
        self.numbers: dict[str, QLineEdit] = {}
        self.errors = FieldErrors()
        self._fixed_errors: list[tuple[str, QWidget, ErrorLabel]] = []
        self._load_masters()
        self._build()
        watch_changes(
            [
                self.reason,
                self.category,
                *self.numbers.values(),
                self.diagnosis,
                self.notes,
                self.lab_tests,
                self.institution,
                self.referral_reason,
                self.revisit,
            ],
            self._draft_timer.start,
        )
        self.show_person(None)

    # --- masters -------------------------------------------------------------------------

    def reload_masters(self) -> None:
        """Offer the master entries as they are now (after a master download).

        Rows already on the screen keep their lists; new rows get the new ones.
        """
        self._load_masters()
        self.reason.set_choices(self._masters["visit_reason"])
        self.category.set_choices(self._masters["visit_category"])
        self.institution.set_choices(self._masters["institution"])
        self.referral_reason.set_choices(self._masters["referral_reason"])
        checked = set(self.inputs().lab_test_ids)
        self._fill_lab_tests(checked)

    def _fill_lab_tests(self, checked: set[int]) -> None:
        self.lab_tests.clear()
        for test in self._masters["lab_test"]:
            item = QListWidgetItem(test.label)
            item.setData(Qt.ItemDataRole.UserRole, test.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if test.id in checked else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.lab_tests.addItem(item)

    def _load_masters(self) -> None:
        with self._engine.connect() as conn:
            self._masters = {
                name: choices(conn, name)
                for name in (
                    "visit_reason",
                    "visit_category",
                    "chief_complaint",
                    "drug",
                    "frequency",
                    "duration_unit",
                    "route",
                    "lab_test",
                    "institution",
                    "referral_reason",
                )
            }
        names = [values.choice_text(d) for d in self._masters["drug"]]
        if hasattr(self, "_drug_names"):
            self._drug_names.setStringList(names)
        else:
            self._drug_names = QStringListModel(names, self)

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.person_header = QLabel()
        self.person_header.setObjectName("personHeader")
        self.person_header.setWordWrap(True)
        self.banner = Banner()
        self.history_button = QPushButton(self.tr("History"))
        self.history_button.clicked.connect(self._request_history)
        self.history_button.hide()
        self.banner.add_button(self.history_button)

        columns = QWidget()
        row = QHBoxLayout(columns)
        # The prescription needs more width than the vitals.
        row.addWidget(self._nurse_group(), 9)
        row.addWidget(self._doctor_group(), 10)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setWidget(columns)
        FocusFollower(self._scroll)

        self.save_button = QPushButton(self.tr("&Save visit (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Clear visit"))
        self.clear_button.setToolTip(self.tr("Throw away what is typed since the visit opened"))
        self.clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)

        form_page = QWidget()
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.person_header)
        form_layout.addWidget(self.banner)
        form_layout.addWidget(self._scroll, 1)
        form_layout.addLayout(buttons)
        self.placeholder = QLabel(
            self.tr(
                "Find a beneficiary first (Ctrl+F) or register one (Ctrl+1), "
                "then start the visit from there."
            )
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._pages = QStackedLayout()
        self._pages.addWidget(self.placeholder)
        self._pages.addWidget(form_page)

        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addLayout(self._pages, 1)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _fixed(
        self,
        key: str,
        widget: QWidget,
        grid: QGridLayout,
        row: int,
        col: int,
        text: str,
        span: int = 1,
    ) -> None:
        holder = FieldErrors()
        add_field(grid, row, col, text, widget, holder, key, span)
        label = holder.label(key)
        self._fixed_errors.append((key, widget, label))

    def _nurse_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Nurse: reason, complaints, vitals"))
        layout = QVBoxLayout(group)

        top = QGridLayout()
        self.reason = MasterCombo()
        self.reason.set_choices(self._masters["visit_reason"])
        self.category = MasterCombo()
        self.category.set_choices(self._masters["visit_category"])
        self._fixed("reason_id", self.reason, top, 0, 0, self.tr("&Reason *"))
        self._fixed("category_id", self.category, top, 2, 0, self.tr("Cate&gory *"))
        top.setColumnStretch(1, 1)
        layout.addLayout(top)

        layout.addWidget(QLabel(self.tr("Chief complaints (how long)")))
        self._complaints_box = QVBoxLayout()
        layout.addLayout(self._complaints_box)
        self.add_complaint_button = QPushButton(self.tr("+ &Add complaint"))
        self.add_complaint_button.clicked.connect(lambda: self.add_complaint(focus=True))
        layout.addWidget(self.add_complaint_button, 0, Qt.AlignmentFlag.AlignLeft)

        vitals = QGridLayout()
        for i, (name, text) in enumerate(_NUMBER_FIELDS):
            edit = QLineEdit()
            edit.setMaxLength(6)
            edit.setPlaceholderText(range_hint(name))
            # Wide enough for its range hint ("60–250 mmHg") to show whole.
            hint_width = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            edit.setMinimumWidth(hint_width + 10)
            edit.editingFinished.connect(lambda n=name: self._check_number(n))
            self.numbers[name] = edit
            # Three grid rows per pair: the fields, then each one's message across the
            # whole width, so a message wraps over few lines and BMI stays in sight.
            row, column = (i // 2) * 3, i % 2
            add_field(vitals, row, column, self.tr(text), edit)
            message = ErrorLabel()
            vitals.addWidget(message, row + 1 + column, 1, 1, 3)
            self._fixed_errors.append((name, edit, message))
        self.bmi_label = QLabel()
        self.bmi_label.setObjectName("bmi")
        self.bmi_label.setAccessibleName(self.tr("Body mass index"))
        vitals.addWidget(self.bmi_label, 15, 1, 1, 3)
        vitals.setColumnStretch(1, 1)
        vitals.setColumnStretch(3, 1)
        group_vitals = QGroupBox(self.tr("Vitals and measurements"))
        group_vitals.setLayout(vitals)
        layout.addWidget(group_vitals)
        self.numbers["weight"].textChanged.connect(self._update_bmi)
        self.numbers["height"].textChanged.connect(self._update_bmi)
        layout.addStretch(1)
        return group

    def _doctor_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Doctor: diagnosis, prescription, tests, referral"))
        layout = QVBoxLayout(group)
        top = QGridLayout()
        self.diagnosis = QLineEdit()
        self.diagnosis.setMaxLength(200)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(52)
        self._fixed("diagnosis", self.diagnosis, top, 0, 0, self.tr("Provisional &diagnosis"))
        self._fixed("doctor_notes", self.notes, top, 2, 0, self.tr("Doctor's &notes"))
        top.setColumnStretch(1, 1)
        layout.addLayout(top)

        layout.addWidget(QLabel(self.tr("Prescription")))
        self._drugs_box = QVBoxLayout()
        layout.addLayout(self._drugs_box)
        self.add_drug_button = QPushButton(self.tr("+ Add medi&cine"))
        self.add_drug_button.clicked.connect(lambda: self.add_drug(focus=True))
        layout.addWidget(self.add_drug_button, 0, Qt.AlignmentFlag.AlignLeft)

        lower = QGridLayout()
        self.lab_tests = QListWidget()
        self.lab_tests.setAccessibleName(self.tr("Lab tests to order"))
        self._fill_lab_tests(set())
        self.lab_tests.setFixedHeight(150)
        lab_label = QLabel(self.tr("&Lab tests\n(Space ticks)"))
        lab_label.setBuddy(self.lab_tests)
        lower.addWidget(lab_label, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        lower.addWidget(self.lab_tests, 0, 1, 1, 3)

        self.institution = MasterCombo(self.tr("— not referred —"))
        self.institution.set_choices(self._masters["institution"])
        self.referral_reason = MasterCombo()
        self.referral_reason.set_choices(self._masters["referral_reason"])
        self.revisit = QLineEdit()
        self.revisit.setPlaceholderText(values.DATE_FORMAT_HINT)
        self._fixed("institution_id", self.institution, lower, 1, 0, self.tr("Re&fer to"), 2)
        self._fixed(
            "referral_reason", self.referral_reason, lower, 3, 0, self.tr("Referral reas&on")
        )
        self._fixed("revisit_date", self.revisit, lower, 3, 1, self.tr("Re&visit date"))
        lower.setColumnStretch(1, 1)
        lower.setColumnStretch(3, 1)
        layout.addLayout(lower)
        layout.addStretch(1)
        return group

    # --- rows ----------------------------------------------------------------------------

    def add_complaint(self, focus: bool = False) -> ComplaintRow:
        row = ComplaintRow(self._masters["chief_complaint"])
        row.remove_requested.connect(self._remove_row)
        self.complaint_rows.append(row)
        self._complaints_box.addWidget(row)
        watch_changes(row.focus_widgets(), self._draft_timer.start)
        row.show()  # now, not at the next event loop turn, so Tab reaches it at once
        self._rows_changed()
        if focus:
            row.complaint.setFocus()
        return row

    def add_drug(self, focus: bool = False) -> DrugRow:
        row = DrugRow(self._drug_names, self._masters)
        row.remove_requested.connect(self._remove_row)
        self.drug_rows.append(row)
        self._drugs_box.addWidget(row)
        watch_changes(row.focus_widgets(), self._draft_timer.start)
        row.show()
        self._rows_changed()
        if focus:
            row.drug.setFocus()
            self._scroll.ensureWidgetVisible(row)
        return row

    def _remove_row(self, row: _Row) -> None:
        rows: list = self.complaint_rows if isinstance(row, ComplaintRow) else self.drug_rows
        if row not in rows:
            return
        index = rows.index(row)
        rows.remove(row)
        row.hide()
        row.deleteLater()
        self._rows_changed()
        self._draft_timer.start()
        # Keep the cursor near where the row was.
        if rows:
            rows[min(index, len(rows) - 1)].focus_widgets()[0].setFocus()
        elif isinstance(row, ComplaintRow):
            self.add_complaint_button.setFocus()
        else:
            self.add_drug_button.setFocus()

    def _clear_rows(self) -> None:
        for row in [*self.complaint_rows, *self.drug_rows]:
            row.hide()
            row.deleteLater()
        self.complaint_rows.clear()
        self.drug_rows.clear()

    def _rows_changed(self) -> None:
        """Re-chain Tab order and the error order after a row was added or removed."""
        chain: list[QWidget] = [self.reason, self.category]
        for row in self.complaint_rows:
            chain += row.focus_widgets()
        chain.append(self.add_complaint_button)
        chain += [self.numbers[name] for name, _ in _NUMBER_FIELDS]
        chain += [self.diagnosis, self.notes]
        for row in self.drug_rows:
            chain += row.focus_widgets()
        chain += [
            self.add_drug_button,
            self.lab_tests,
            self.institution,
            self.referral_reason,
            self.revisit,
            self.save_button,
        ]
        chain_tab_order(chain)

        self.errors = FieldErrors()
        fixed = {key: (widget, label) for key, widget, label in self._fixed_errors}
        for key in ("reason_id", "category_id"):
            self.errors.add(key, *fixed[key])
        for i, complaint in enumerate(self.complaint_rows):
            self.errors.add(f"complaint_{i}", complaint.complaint, complaint.error)
        for name, _ in _NUMBER_FIELDS:
            self.errors.add(name, *fixed[name])
        self.errors.add("diagnosis", *fixed["diagnosis"])
        for i, drug in enumerate(self.drug_rows):
            self.errors.add(f"drug_{i}", drug.drug, drug.error)
        for key in ("institution_id", "referral_reason", "revisit_date"):
            self.errors.add(key, *fixed[key])

    # --- live checks ---------------------------------------------------------------------

    def _check_number(self, name: str) -> None:
        message = values.check_number(name, self.numbers[name].text())
        for key, _widget, label in self._fixed_errors:
            if key == name:
                label.show_message(translate_message(message) if message else None)

    def _update_bmi(self) -> None:
        try:
            weight = values.parse_float(self.numbers["weight"].text())
            height = values.parse_float(self.numbers["height"].text())
        except values.ParseError:
            self.bmi_label.setText(self.tr("BMI: —"))
            return
        value = bmi(weight, height)
        if value is None:
            self.bmi_label.setText(self.tr("BMI: — (enter weight and height)"))
            return
        age = self._person.age() if self._person else None
        band = values.bmi_band(value, age)
        text = self.tr("BMI: {value} kg/m²").format(value=f"{value:.1f}")
        if band:
            text += f" ({self.tr(_BMI_BANDS[band])})"
        self.bmi_label.setText(text)

    # --- who and which visit -------------------------------------------------------------

    @property
    def ben_reg_id(self) -> int | None:
        return self._person.ben_reg_id if self._person else None

    @property
    def ben_visit_id(self) -> int | None:
        """The visit being edited, or None for a visit not saved yet."""
        return self._ben_visit_id

    def has_unsaved_changes(self) -> bool:
        """True when something was typed since the visit was opened or last saved."""
        return self._person is not None and self.inputs() != self._saved_inputs

    @property
    def person_name(self) -> str:
        return self._person.full_name if self._person else ""

    def show_person(self, person: BeneficiarySummary | None) -> None:
        self._person = person
        if person is None:
            self.heading.setText(self.tr("Visit"))
            self._pages.setCurrentIndex(0)
            return
        self._pages.setCurrentIndex(1)
        age = person.age()
        details = [
            f"<b>{_escape(person.full_name)}</b>",
            self.tr("{age} years").format(age=age) if age is not None else "",
            _escape(person.gender),
            self.tr("Beneficiary ID {id}").format(
                id=values.format_beneficiary_id(person.beneficiary_id)
            ),
            _escape(person.village),
        ]
        self.person_header.setText(" · ".join(d for d in details if d))
        # The internal registration number is for IT only: out of sight, on hover.
        self.person_header.setToolTip(
            self.tr("Internal number (for IT): {id}").format(id=person.ben_reg_id)
        )

    def start_new(self, ben_reg_id: int) -> bool:
        """An empty visit for ``ben_reg_id``; False when there is no such beneficiary."""
        with self._engine.connect() as conn:
            person = get_summary(conn, ben_reg_id)
        if person is None:
            return False
        self._reset(person, None)
        self.heading.setText(self.tr("New visit"))
        self.add_complaint()
        self.add_drug()
        self._saved_inputs = self.inputs()
        self._drop_draft()
        self.reason.setFocus()
        return True

    def open_visit(self, ben_reg_id: int, ben_visit_id: int) -> bool:
        """Reopen a saved visit for editing; False when it cannot be found."""
        with self._engine.connect() as conn:
            person = get_summary(conn, ben_reg_id)
            form = visits.load_visit(conn, ben_visit_id)
            number = conn.execute(
                sa.select(visits.VISIT.c.VisitNo, visits.VISIT.c.VisitDateTime).where(
                    visits.VISIT.c.BenVisitID == ben_visit_id
                )
            ).first()
        if person is None or form is None:
            return False
        self._reset(person, ben_visit_id)
        when = number[1].strftime("%d-%m-%Y") if number and number[1] else ""
        self.heading.setText(
            self.tr("Visit {no} of {date} (editing)").format(
                no=number[0] if number else "", date=when
            )
        )
        self.set_form(form)
        self._saved_inputs = self.inputs()
        self._drop_draft()
        self.reason.setFocus()
        return True

    def _reset(self, person: BeneficiarySummary, ben_visit_id: int | None) -> None:
        self._ben_visit_id = ben_visit_id
        self._clear_rows()
        self.reason.set_current_id(None)
        self.category.set_current_id(None)
        for edit in (*self.numbers.values(), self.diagnosis, self.revisit):
            edit.clear()
        self.notes.clear()
        for i in range(self.lab_tests.count()):
            self.lab_tests.item(i).setCheckState(Qt.CheckState.Unchecked)
        self.institution.set_current_id(None)
        self.referral_reason.set_current_id(None)
        self.banner.dismiss()
        self.banner.setToolTip("")
        self.history_button.hide()
        self._rows_changed()
        self.errors.clear()
        self.show_person(person)
        self._update_bmi()
        self._scroll.verticalScrollBar().setValue(0)

    def set_form(self, form: visits.VisitForm) -> None:
        """Show a saved visit."""
        self.reason.set_current_id(form.reason_id)
        self.category.set_current_id(form.category_id)
        for line in form.complaints:
            self.add_complaint().set_line(line)
        if not form.complaints:
            self.add_complaint()
        for name, _ in _NUMBER_FIELDS:
            self.numbers[name].setText(values.format_number(getattr(form, name)))
        self.diagnosis.setText(form.diagnosis)
        self.notes.setPlainText(form.doctor_notes)
        names = {d.id: values.choice_text(d) for d in self._masters["drug"]}
        for drug in form.drugs:
            self.add_drug().set_line(drug, names.get(drug.item_id, ""))
        if not form.drugs:
            self.add_drug()
        wanted = set(form.lab_test_ids)
        for i in range(self.lab_tests.count()):
            item = self.lab_tests.item(i)
            checked = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if form.referral is not None:
            self.institution.set_current_id(form.referral.institution_id)
            self.referral_reason.set_current_id(form.referral.reason_id)
            self.revisit.setText(values.format_date(form.referral.revisit_date))

    def set_inputs(self, inputs: values.VisitInputs) -> None:
        """Put inputs back on the screen exactly as they were typed (from a draft)."""
        self._clear_rows()
        self.reason.set_current_id(inputs.reason_id)
        self.category.set_current_id(inputs.category_id)
        for complaint in inputs.complaints or [values.ComplaintInputs(None)]:
            row = self.add_complaint()
            row.complaint.set_current_id(complaint.complaint_id)
            row.duration.setText(complaint.duration_text)
            if complaint.unit in values.COMPLAINT_UNITS:
                row.unit.set_current_id(values.COMPLAINT_UNITS.index(complaint.unit))
            row.description.setText(complaint.description)
        for name, edit in self.numbers.items():
            edit.setText(inputs.numbers.get(name, ""))
        self.diagnosis.setText(inputs.diagnosis)
        self.notes.setPlainText(inputs.doctor_notes)
        for drug in inputs.drugs or [values.DrugInputs("")]:
            line = self.add_drug()
            line.drug.setText(drug.drug_text)
            line.dose.setText(drug.dose)
            line.frequency.set_current_id(drug.frequency_id)
            line.duration.setText(drug.duration_text)
            line.duration_unit.set_current_id(drug.duration_unit_id)
            line.route.set_current_id(drug.route_id)
            line.quantity.setText(drug.quantity_text)
            line.instructions.setText(drug.instructions)
        wanted = set(inputs.lab_test_ids)
        for i in range(self.lab_tests.count()):
            item = self.lab_tests.item(i)
            checked = int(item.data(Qt.ItemDataRole.UserRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.institution.set_current_id(inputs.institution_id)
        self.referral_reason.set_current_id(inputs.referral_reason_id)
        self.revisit.setText(inputs.revisit_text)
        self._rows_changed()

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Keep what is typed on disk now, or drop the draft when nothing is unsaved."""
        self._draft_timer.stop()
        if self._drafts is None:
            return
        if self._person is not None and self.has_unsaved_changes():
            data = drafts.visit_draft(self.inputs(), self._person.ben_reg_id, self._ben_visit_id)
            self._drafts.save(drafts.VISIT, data)
        else:
            self._drafts.remove(drafts.VISIT)

    def _drop_draft(self) -> None:
        self._draft_timer.stop()
        if self._drafts is not None:
            self._drafts.remove(drafts.VISIT)

    def restore_draft(self) -> bool:
        """Reopen the visit that was being typed before the app closed; True when restored."""
        if self._drafts is None:
            return False
        data = self._drafts.load(drafts.VISIT)
        if data is None:
            return False
        try:
            inputs = drafts.visit_inputs(data)
            ben_reg_id = int(data["ben_reg_id"])
            ben_visit_id = data.get("ben_visit_id")
        except (KeyError, TypeError, ValueError):
            self._drop_draft()
            return False
        if ben_visit_id is not None:
            opened = self.open_visit(ben_reg_id, int(ben_visit_id))
        else:
            opened = self.start_new(ben_reg_id)
        if not opened:
            return False
        self.set_inputs(inputs)
        self._update_bmi()
        self.banner.show_message("info", restored_message())
        self.save_draft()
        return True

    def clear(self) -> None:
        """Throw away what was typed: an empty new visit, or the saved visit as it was."""
        if self._person is None:
            return
        if self._ben_visit_id is not None:
            self.open_visit(self._person.ben_reg_id, self._ben_visit_id)
        else:
            self.start_new(self._person.ben_reg_id)

    def inputs(self) -> values.VisitInputs:
        """What is on the screen now, as typed."""
        return values.VisitInputs(
            reason_id=self.reason.current_id(),
            category_id=self.category.current_id(),
            complaints=[row.inputs() for row in self.complaint_rows],
            numbers={name: edit.text() for name, edit in self.numbers.items()},
            diagnosis=self.diagnosis.text(),
            doctor_notes=self.notes.toPlainText(),
            drugs=[row.inputs() for row in self.drug_rows],
            lab_test_ids=[
                int(self.lab_tests.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.lab_tests.count())
                if self.lab_tests.item(i).checkState() == Qt.CheckState.Checked
            ],
            institution_id=self.institution.current_id(),
            referral_reason_id=self.referral_reason.current_id(),
            revisit_text=self.revisit.text(),
        )

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        """Check the visit and store it (a reopened visit is updated in place)."""
        if self._person is None:
            return
        saved_revisit = self._saved_inputs.revisit_text if self._saved_inputs else ""
        if self._ben_visit_id is None:
            saved_revisit = ""  # a new visit has no date kept from before
        parsed = values.visit_form(
            self.inputs(), self._masters["drug"], saved_revisit_text=saved_revisit
        )
        errors = {**parsed.screen_errors(visits.validate(parsed.form)), **parsed.errors}
        if errors:
            self._show_errors(errors)
            return
        try:
            van = self._van()
        except LookupError as exc:
            self.banner.show_message("error", str(exc))
            return
        try:
            done = visits.save_visit(
                self._engine, self._person.ben_reg_id, parsed.form, van, self._ben_visit_id
            )
        except visits.InvalidVisit as exc:
            self._show_errors(parsed.screen_errors(exc.errors))
            return
        except OperationalError as exc:
            self.banner.show_message("error", database_error_message(exc))
            return
        except LookupError as exc:
            self.banner.show_message("error", str(exc))
            return
        self.errors.clear()
        self._saved_inputs = self.inputs()
        self._ben_visit_id = done.ben_visit_id
        self._drop_draft()
        self.heading.setText(self.tr("Visit (saved; changes update the same visit)"))
        self.banner.show_message(
            "success", self.tr("Visit saved for {name}.").format(name=self._person.full_name)
        )
        self.banner.setToolTip(self.tr("Visit code (for IT): {code}").format(code=done.visit_code))
        self.history_button.show()
        self.saved.emit(self._person.ben_reg_id, done.ben_visit_id)

    def _show_errors(self, errors: dict[str, str]) -> None:
        first = self.errors.show({k: translate_message(v) for k, v in errors.items()})
        self.history_button.hide()
        self.banner.setToolTip("")
        self.banner.show_message(
            "error",
            self.tr("Not saved yet: correct the fields marked in red ({n}).").format(n=len(errors)),
        )
        if first is not None:
            first.setFocus()
            self._scroll.ensureWidgetVisible(first)

    def _request_history(self) -> None:
        if self._person is not None:
            self.history_requested.emit(self._person.ben_reg_id)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
