"""Registering a beneficiary, with the people she may already be shown beside the form.

While the nurse types a name, phone or age, a side list shows likely existing
records (spelling- and script-tolerant), so she opens the person instead of
registering them twice. The same form edits a registered beneficiary.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

import sqlalchemy as sa
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from mmu_desktop.context import VanContext
from mmu_desktop.db import beneficiaries, id_pool
from mmu_desktop.db.masters import Choice, choices
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.ui import drafts, values
from mmu_desktop.ui.widgets.fields import (
    Banner,
    FieldErrors,
    FocusFollower,
    MasterCombo,
    add_field,
    chain_tab_order,
    watch_changes,
)
from mmu_desktop.validation import age_on

DUPLICATE_DELAY_MS = 300
DRAFT_DELAY_MS = 1000

# Drop-downs of the "More details" group: form field, master, label with mnemonic.
# The form above uses up most letters, so this group's fields are Alt+1 … Alt+0 in order.
_MORE_MASTERS = (
    ("title_id", "title", QT_TRANSLATE_NOOP("RegistrationView", "Title (&1)")),
    ("religion_id", "religion", QT_TRANSLATE_NOOP("RegistrationView", "Religion (&2)")),
    ("community_id", "community", QT_TRANSLATE_NOOP("RegistrationView", "Community (&3)")),
    ("education_id", "education", QT_TRANSLATE_NOOP("RegistrationView", "Education (&4)")),
    (
        "occupation_id",
        "occupation",
        QT_TRANSLATE_NOOP("RegistrationView", "Work / occupation (&5)"),
    ),
    ("income_id", "income", QT_TRANSLATE_NOOP("RegistrationView", "Income status (&6)")),
    ("literacy_id", "literacy", QT_TRANSLATE_NOOP("RegistrationView", "Literacy (&7)")),
    ("language_id", "language", QT_TRANSLATE_NOOP("RegistrationView", "Preferred language (&8)")),
    (
        "identity_type_id",
        "identity_type",
        QT_TRANSLATE_NOOP("RegistrationView", "ID document (&9)"),
    ),
)


def translate_message(message: str) -> str:
    """A message from the database layer, through Qt's translator (context 'validation')."""
    return QCoreApplication.translate("validation", message)


def restored_message() -> str:
    return QCoreApplication.translate(
        "RegistrationView",
        "Restored what you were typing before the app closed. Save it, or Clear to start again.",
    )


def _sqlite_code(error: Exception | None) -> int | None:
    """SQLite's primary result code behind ``error`` (SQLAlchemy wraps the driver's)."""
    driver_error = getattr(error, "orig", error)
    code = getattr(driver_error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def database_error_message(error: Exception | None = None) -> str:
    """What the nurse reads when the database refused a save.

    A full disk gets its own words, since waiting does not help there: space must be
    freed first. It is told by SQLite's error code (SQLITE_FULL), never by the message
    text, which also holds the SQL and the typed values ("Fullness of abdomen").
    """
    if _sqlite_code(error) == sqlite3.SQLITE_FULL:
        return QCoreApplication.translate(
            "RegistrationView",
            "The record could not be saved: the disk is full. Nothing you typed is lost "
            "and nothing was half-saved. Keep this screen open, ask IT to free some space "
            "on this laptop, then press Save again.",
        )
    return QCoreApplication.translate(
        "RegistrationView",
        "The record could not be saved: the database is busy, read-only or the disk is "
        "full. Nothing you typed is lost. Wait a moment and press Save again; if it keeps "
        "failing, close other copies of the app and call IT.",
    )


class RegistrationView(QWidget):
    """The registration form, with likely duplicates beside it.

    Signals:
        registered(object): a new beneficiary was stored; carries the BenRegID.
        updated(object): edits to a beneficiary were stored; carries the BenRegID.
        visit_requested(object): the nurse chose to start a visit for this BenRegID,
            either a likely duplicate she opened or the person just registered.
    """

    registered = Signal(object)
    updated = Signal(object)
    visit_requested = Signal(object)

    def __init__(
        self,
        engine: sa.Engine,
        van: Callable[[], VanContext],
        index: SearchIndex,
        parent: QWidget | None = None,
        draft_store: drafts.DraftStore | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafts = draft_store
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._engine = engine
        self._van = van
        self._index = index
        self._editing: int | None = None
        self._last_registered: int | None = None
        self._auto_pin = ""
        self.errors = FieldErrors()
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)
        self._duplicate_timer.timeout.connect(self.refresh_duplicates)
        self._build()
        self.reload_masters()
        self._connect()
        self._clean_inputs = self.inputs()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Register a beneficiary"))
        self.heading.setObjectName("heading")
        self.banner = Banner()
        self.start_visit_button = QPushButton(self.tr("Start visit (Ctrl+Enter)"))
        self.start_visit_button.setObjectName("primary")
        self.start_visit_button.hide()
        self.banner.add_button(self.start_visit_button)

        form_column = QWidget()
        column = QVBoxLayout(form_column)
        column.addWidget(self._person_group())
        column.addWidget(self._address_group())
        self.more_button = QPushButton(self.tr("▸ More de&tails (optional)"))
        self.more_button.setCheckable(True)
        self.more_button.setObjectName("disclosure")
        self.more_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        column.addWidget(self.more_button)
        self.more_group = self._more_group()
        self.more_group.hide()
        column.addWidget(self.more_group)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_column)
        self._scroll = scroll
        FocusFollower(scroll)

        self.save_button = QPushButton(self.tr("&Save (Ctrl+S)"))
        self.save_button.setObjectName("primary")
        self.clear_button = QPushButton(self.tr("Clear form"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        left.addLayout(buttons)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self._duplicates_panel())

        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(self.banner)
        outer.addLayout(body, 1)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._start_visit_for_registered)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._start_visit_for_registered)

    def _person_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Person"))
        grid = QGridLayout(group)
        self.first_name = QLineEdit()
        self.first_name.setMaxLength(50)
        self.last_name = QLineEdit()
        self.last_name.setMaxLength(50)
        self.gender = MasterCombo()
        self.dob = QLineEdit()
        self.dob.setPlaceholderText(values.DATE_FORMAT_HINT)
        self.age = QLineEdit()
        self.age.setMaxLength(3)
        self.age.setPlaceholderText(self.tr("years"))
        self.age_only = QCheckBox(self.tr("Age &only, no date of birth"))
        self.age_only.setChecked(True)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("10 digits, starts with 6-9"))
        self.phone.setMaxLength(14)
        self.father_name = QLineEdit()
        self.spouse_name = QLineEdit()
        self.marital_status = MasterCombo()

        e = self.errors
        add_field(grid, 0, 0, self.tr("&First name *"), self.first_name, e, "first_name")
        add_field(grid, 0, 1, self.tr("&Last name"), self.last_name, e, "last_name")
        add_field(grid, 2, 0, self.tr("&Gender *"), self.gender, e, "gender_id")
        self.age_label = add_field(grid, 2, 1, self.tr("Age in &years *"), self.age, e, "age_years")
        self.dob_label = add_field(grid, 2, 1, self.tr("Date of &birth *"), self.dob, e, "dob")
        grid.addWidget(self.age_only, 4, 3)
        add_field(grid, 5, 0, self.tr("&Mobile number"), self.phone, e, "phone")
        add_field(grid, 5, 1, self.tr("Marital stat&us"), self.marital_status)
        add_field(grid, 7, 0, self.tr("Fat&her's name"), self.father_name, e, "father_name")
        add_field(grid, 7, 1, self.tr("S&pouse's name"), self.spouse_name, e, "spouse_name")
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self._show_age_or_dob()
        return group

    def _address_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Address"))
        grid = QGridLayout(group)
        self.state = MasterCombo()
        self.district = MasterCombo()
        self.block = MasterCombo()
        self.village = MasterCombo()
        self.pin_code = QLineEdit()
        self.pin_code.setMaxLength(6)
        self.address_line = QLineEdit()
        self.address_line.setPlaceholderText(self.tr("house, street or landmark"))
        e = self.errors
        add_field(grid, 0, 0, self.tr("St&ate *"), self.state, e, "state_id")
        add_field(grid, 0, 1, self.tr("&District *"), self.district, e, "district_id")
        add_field(grid, 2, 0, self.tr("Bloc&k *"), self.block, e, "block_id")
        add_field(grid, 2, 1, self.tr("&Village *"), self.village, e, "village_id")
        add_field(grid, 4, 0, self.tr("PI&N code"), self.pin_code, e, "pin_code")
        add_field(grid, 4, 1, self.tr("Address l&ine"), self.address_line, e, "address_line")
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return group

    def _more_group(self) -> QGroupBox:
        group = QGroupBox()
        group.setAccessibleName(self.tr("More details"))
        grid = QGridLayout(group)
        self.more_combos: dict[str, MasterCombo] = {}
        row = 0
        for i, (name, _master, text) in enumerate(_MORE_MASTERS):
            combo = MasterCombo()
            self.more_combos[name] = combo
            row = (i // 2) * 2
            add_field(grid, row, i % 2, self.tr(text), combo, self.errors, name)
        self.identity_no = QLineEdit()
        self.identity_no.setMaxLength(30)
        add_field(
            grid, row, 1, self.tr("ID number (&0)"), self.identity_no, self.errors, "identity_no"
        )
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return group

    def _duplicates_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Already registered?"))
        panel.setObjectName("duplicates")
        panel.setFixedWidth(360)
        layout = QVBoxLayout(panel)
        self.duplicates_hint = QLabel(
            self.tr("People with a similar name, the same phone or age appear here as you type.")
        )
        self.duplicates_hint.setWordWrap(True)
        self.duplicates = QListWidget()
        self.duplicates.setWordWrap(True)
        self.duplicates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.duplicates.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.duplicates.setAccessibleName(self.tr("Possible existing records"))
        label = QLabel(self.tr("Possible matches (&R):"))
        label.setBuddy(self.duplicates)
        self.open_duplicate_button = QPushButton(self.tr("Open this person's visit"))
        self.open_duplicate_button.setEnabled(False)
        layout.addWidget(self.duplicates_hint)
        layout.addWidget(label)
        layout.addWidget(self.duplicates, 1)
        layout.addWidget(QLabel(self.tr("Enter on a name opens a visit for that person.")))
        layout.addWidget(self.open_duplicate_button)
        return panel

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self._clear_clicked)
        self.start_visit_button.clicked.connect(self._start_visit_for_registered)
        self.more_button.toggled.connect(self._toggle_more)
        self.age_only.toggled.connect(self._show_age_or_dob)
        for edit in (self.first_name, self.last_name, self.phone, self.age, self.dob):
            edit.textEdited.connect(self._duplicate_timer.start)
        self.age_only.toggled.connect(self._duplicate_timer.start)
        self.state.currentIndexChanged.connect(self._state_changed)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.block.currentIndexChanged.connect(self._block_changed)
        self.village.currentIndexChanged.connect(self._village_changed)
        self.duplicates.itemActivated.connect(self._open_duplicate)
        self.duplicates.currentItemChanged.connect(
            lambda item, _old: self.open_duplicate_button.setEnabled(item is not None)
        )
        self.open_duplicate_button.clicked.connect(
            lambda: self._open_duplicate(self.duplicates.currentItem())
        )
        self._chain_tab_order()
        watch_changes(
            [
                self.first_name,
                self.last_name,
                self.gender,
                self.dob,
                self.age,
                self.age_only,
                self.phone,
                self.father_name,
                self.spouse_name,
                self.marital_status,
                self.state,
                self.district,
                self.block,
                self.village,
                self.pin_code,
                self.address_line,
                *self.more_combos.values(),
                self.identity_no,
            ],
            self._draft_timer.start,
        )

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.first_name,
            self.last_name,
            self.gender,
            self.age,
            self.dob,
            self.age_only,
            self.phone,
            self.marital_status,
            self.father_name,
            self.spouse_name,
            self.state,
            self.district,
            self.block,
            self.village,
            self.pin_code,
            self.address_line,
            self.more_button,
            *self.more_combos.values(),
            self.identity_no,
            self.save_button,
            self.clear_button,
            self.duplicates,
            self.open_duplicate_button,
        ]
        chain_tab_order(chain)

    # --- masters and cascading address ------------------------------------------------

    def reload_masters(self) -> None:
        """Fill every drop-down from the master tables (after a master download too)."""
        with self._engine.connect() as conn:
            self.gender.set_choices(choices(conn, "gender"))
            self.marital_status.set_choices(choices(conn, "marital_status"))
            self.state.set_choices(choices(conn, "state"))
            for name, master, _text in _MORE_MASTERS:
                self.more_combos[name].set_choices(choices(conn, master))
        self._state_changed()

    def _children(self, master: str, parent_id: int | None) -> list[Choice]:
        with self._engine.connect() as conn:
            return choices(conn, master, parent_id)

    def _state_changed(self) -> None:
        self.district.set_choices(self._children("district", self.state.current_id()))
        self._district_changed()

    def _district_changed(self) -> None:
        self.block.set_choices(self._children("block", self.district.current_id()))
        self._block_changed()

    def _block_changed(self) -> None:
        self.village.set_choices(self._children("village", self.block.current_id()))
        self._village_changed()

    def _village_changed(self) -> None:
        # Fill the PIN from the village unless the nurse typed a different one.
        pin = self.village.current_extra() or ""
        if self.pin_code.text() in ("", self._auto_pin):
            self.pin_code.setText(pin)
            self._auto_pin = pin

    # --- showing and hiding ------------------------------------------------------------

    def _show_age_or_dob(self) -> None:
        age_only = self.age_only.isChecked()
        for widget in (self.age, self.age_label):
            widget.setVisible(age_only)
        for widget in (self.dob, self.dob_label):
            widget.setVisible(not age_only)

    def _toggle_more(self, shown: bool) -> None:
        self.more_group.setVisible(shown)
        arrow = "▾" if shown else "▸"
        self.more_button.setText(arrow + " " + self.tr("More de&tails (optional)"))
        if shown:
            self._scroll.ensureWidgetVisible(self.more_group)

    # --- reading and writing the form ---------------------------------------------------

    def inputs(self) -> values.BeneficiaryInputs:
        """What is on the form now, as typed."""
        return values.BeneficiaryInputs(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            gender_id=self.gender.current_id(),
            age_only=self.age_only.isChecked(),
            dob_text=self.dob.text(),
            age_text=self.age.text(),
            phone=self.phone.text(),
            ids={
                "marital_status_id": self.marital_status.current_id(),
                "state_id": self.state.current_id(),
                "district_id": self.district.current_id(),
                "block_id": self.block.current_id(),
                "village_id": self.village.current_id(),
                **{name: combo.current_id() for name, combo in self.more_combos.items()},
            },
            texts={
                "father_name": self.father_name.text(),
                "spouse_name": self.spouse_name.text(),
                "pin_code": self.pin_code.text(),
                "address_line": self.address_line.text(),
                "identity_no": self.identity_no.text(),
            },
        )

    def set_form(self, form: beneficiaries.BeneficiaryForm) -> None:
        """Show a saved beneficiary's details for editing."""
        self.first_name.setText(form.first_name)
        self.last_name.setText(form.last_name)
        self.gender.set_current_id(form.gender_id)
        self.age_only.setChecked(form.dob is None)
        self.dob.setText(values.format_date(form.dob))
        self.age.setText("" if form.age_years is None else str(form.age_years))
        self.phone.setText(form.phone)
        self.father_name.setText(form.father_name)
        self.spouse_name.setText(form.spouse_name)
        self.marital_status.set_current_id(form.marital_status_id)
        self.state.set_current_id(form.state_id)
        self.district.set_current_id(form.district_id)
        self.block.set_current_id(form.block_id)
        self.village.set_current_id(form.village_id)
        self.pin_code.setText(form.pin_code)
        self.address_line.setText(form.address_line)
        for name, combo in self.more_combos.items():
            combo.set_current_id(getattr(form, name))
        self.identity_no.setText(form.identity_no)

    def set_inputs(self, inputs: values.BeneficiaryInputs) -> None:
        """Put inputs back on the form exactly as they were typed (from a draft)."""
        self.first_name.setText(inputs.first_name)
        self.last_name.setText(inputs.last_name)
        self.gender.set_current_id(inputs.gender_id)
        self.age_only.setChecked(inputs.age_only)
        self.dob.setText(inputs.dob_text)
        self.age.setText(inputs.age_text)
        self.phone.setText(inputs.phone)
        ids, texts = inputs.ids, inputs.texts
        # The address cascades: each choice fills the next drop-down.
        for key, combo in (
            ("marital_status_id", self.marital_status),
            ("state_id", self.state),
            ("district_id", self.district),
            ("block_id", self.block),
            ("village_id", self.village),
        ):
            combo.set_current_id(ids.get(key))
        for name, combo in self.more_combos.items():
            combo.set_current_id(ids.get(name))
        for key, edit in (
            ("father_name", self.father_name),
            ("spouse_name", self.spouse_name),
            ("pin_code", self.pin_code),
            ("address_line", self.address_line),
            ("identity_no", self.identity_no),
        ):
            edit.setText(texts.get(key, ""))
        if any(ids.get(name) for name in self.more_combos) or texts.get("identity_no"):
            self.more_button.setChecked(True)

    # --- drafts --------------------------------------------------------------------------

    def save_draft(self) -> None:
        """Keep what is typed on disk now, or drop the draft when nothing is unsaved."""
        self._draft_timer.stop()
        if self._drafts is None:
            return
        if self.has_unsaved_changes():
            data = drafts.registration_draft(self.inputs(), self._editing)
            self._drafts.save(drafts.REGISTRATION, data)
        else:
            self._drafts.remove(drafts.REGISTRATION)

    def _drop_draft(self) -> None:
        self._draft_timer.stop()
        if self._drafts is not None:
            self._drafts.remove(drafts.REGISTRATION)

    def restore_draft(self) -> bool:
        """Bring back what was typed before the app closed; True when there was a draft."""
        if self._drafts is None:
            return False
        data = self._drafts.load(drafts.REGISTRATION)
        if data is None:
            return False
        try:
            inputs = drafts.registration_inputs(data)
            editing = data.get("editing")
        except (KeyError, TypeError):
            self._drop_draft()
            return False
        if editing is not None and not self.edit(int(editing)):
            editing = None
        self.set_inputs(inputs)
        self.start_visit_button.hide()
        self.banner.show_message("info", restored_message())
        self.save_draft()
        return True

    def clear(self) -> None:
        """Empty the personal fields for the next person; the address stays (same camp)."""
        for edit in (
            self.first_name,
            self.last_name,
            self.dob,
            self.age,
            self.phone,
            self.father_name,
            self.spouse_name,
            self.identity_no,
        ):
            edit.clear()
        self.gender.set_current_id(None)
        self.marital_status.set_current_id(None)
        for combo in self.more_combos.values():
            combo.set_current_id(None)
        self.age_only.setChecked(True)
        self.errors.clear()
        self.duplicates.clear()
        self._set_editing(None)
        self._clean_inputs = self.inputs()
        self._drop_draft()
        self.first_name.setFocus()

    def _clear_clicked(self) -> None:
        self.banner.dismiss()
        self.start_visit_button.hide()
        self.clear()

    def edit(self, ben_reg_id: int) -> bool:
        """Open a registered beneficiary on this form; False when there is no such person."""
        with self._engine.connect() as conn:
            form = beneficiaries.load_form(conn, ben_reg_id)
            person = beneficiaries.get_summary(conn, ben_reg_id)
        if form is None or person is None:
            return False
        self.clear()
        self.banner.dismiss()
        self.set_form(form)
        self._clean_inputs = self.inputs()
        self._set_editing(ben_reg_id, person.full_name)
        self.first_name.setFocus()
        return True

    def _set_editing(self, ben_reg_id: int | None, name: str = "") -> None:
        self._editing = ben_reg_id
        if ben_reg_id is None:
            self.heading.setText(self.tr("Register a beneficiary"))
        else:
            self.heading.setText(self.tr("Edit the details of {name}").format(name=name))

    def has_unsaved_changes(self) -> bool:
        """True when something was typed that is not saved (the kept address aside)."""
        return self.inputs() != self._clean_inputs

    @property
    def editing(self) -> int | None:
        """The BenRegID being edited, or None while registering someone new."""
        return self._editing

    # --- saving --------------------------------------------------------------------------

    def save(self) -> None:
        """Check the form, then register (or update) the beneficiary."""
        inputs = self.inputs()
        form, parse_errors = values.beneficiary_form(inputs)
        errors = {**beneficiaries.validate(form), **parse_errors}
        if not self._show_errors(errors, inputs.age_only):
            return
        try:
            van = self._van()
        except LookupError as exc:
            self._fail(str(exc))
            return
        try:
            if self._editing is None:
                done = beneficiaries.register(self._engine, form, van)
            else:
                beneficiaries.update(self._engine, self._editing, form, van)
        except beneficiaries.InvalidForm as exc:
            self._show_errors(exc.errors, inputs.age_only)
            return
        except id_pool.PoolEmpty:
            self._fail(translate_message(id_pool.EMPTY_POOL_MESSAGE))
            return
        except OperationalError as exc:
            self._fail(database_error_message(exc))
            return

        name = f"{form.first_name} {form.last_name}".strip()
        if self._editing is None:
            self._index.refresh()
            self._last_registered = done.ben_reg_id
            self.banner.show_message(
                "success",
                self.tr("Registered {name}. Beneficiary ID: {id}").format(
                    name=name, id=values.format_beneficiary_id(done.beneficiary_id)
                ),
            )
            self.start_visit_button.show()
            self.clear()
            self.registered.emit(done.ben_reg_id)
            self.start_visit_button.setFocus()
        else:
            ben_reg_id = self._editing
            self._index.reload(ben_reg_id)
            self._last_registered = ben_reg_id
            self.banner.show_message(
                "success", self.tr("Saved the changes to {name}.").format(name=name)
            )
            self.start_visit_button.show()
            self.clear()
            self.updated.emit(ben_reg_id)
            self.start_visit_button.setFocus()

    def _show_errors(self, errors: dict[str, str], age_only: bool) -> bool:
        """Show messages next to fields; True when there are none."""
        errors = values.dob_or_age_error_key(errors, age_only)
        if "village_id" in errors:
            # Point at the first empty step of the cascade, not always the village.
            for key, combo in (
                ("state_id", self.state),
                ("district_id", self.district),
                ("block_id", self.block),
            ):
                if combo.current_id() is None:
                    errors[key] = errors.pop("village_id")
                    break
        if not errors:
            self.errors.clear()
            return True
        if any(name in errors for name in self.more_combos) or "identity_no" in errors:
            self.more_button.setChecked(True)
        first = self.errors.show({k: translate_message(v) for k, v in errors.items()})
        self.banner.show_message(
            "error",
            self.tr("Not saved yet: correct the fields marked in red ({n}).").format(n=len(errors)),
        )
        self.start_visit_button.hide()
        if first is not None:
            first.setFocus()
            self._scroll.ensureWidgetVisible(first)
        return False

    def _fail(self, message: str) -> None:
        self.start_visit_button.hide()
        self.banner.show_message("error", message)

    def _start_visit_for_registered(self) -> None:
        if self._last_registered is not None and self.start_visit_button.isVisible():
            self.visit_requested.emit(self._last_registered)

    # --- likely duplicates -------------------------------------------------------------

    def _age_for_search(self) -> int | None:
        inputs = self.inputs()
        if inputs.age_only:
            text = inputs.age_text.strip()
            return int(text) if text.isdigit() else None
        try:
            born = values.parse_date(inputs.dob_text)
        except values.ParseError:
            return None
        return age_on(born, date.today()) if born else None

    def refresh_duplicates(self) -> None:
        """Look up people who may be the one being typed (runs after a short pause)."""
        if self._index.loading:
            # Everyone is still being read in the background: ask again after the pause.
            self._duplicate_timer.start()
            return
        matches = self._index.likely_duplicates(
            self.first_name.text(),
            self.last_name.text(),
            self.phone.text(),
            self._age_for_search(),
        )
        self.duplicates.clear()
        for match in matches:
            person = match.person
            if person.ben_reg_id == self._editing:
                continue
            text = values.person_line(person, self.tr("{n} y"), self.tr("c/o {name}"))
            if person.beneficiary_id is not None:
                text += "\n" + self.tr("ID {id}").format(
                    id=values.format_beneficiary_id(person.beneficiary_id)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.ben_reg_id)
            item.setToolTip(self.tr("Why shown: {why}").format(why=match.why))
            self.duplicates.addItem(item)
        if self.duplicates.count():
            self.duplicates_hint.setText(
                self.tr("Is this one of these people? Open them instead of registering again.")
            )
            self.duplicates_hint.setProperty("warning", True)
        else:
            self.duplicates_hint.setText(
                self.tr("No similar person found yet.")
                if self.first_name.text().strip() or self.phone.text().strip()
                else self.tr(
                    "People with a similar name, the same phone or age appear here as you type."
                )
            )
            self.duplicates_hint.setProperty("warning", False)
        self.duplicates_hint.style().polish(self.duplicates_hint)

    def duplicate_ids(self) -> list[int]:
        """The BenRegIDs shown as possible matches, in order."""
        return [
            int(self.duplicates.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.duplicates.count())
        ]

    def _open_duplicate(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.visit_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
