"""Registration by keyboard: what lands in the database, and what a nurse sees when it cannot."""

from __future__ import annotations

import sqlite3
from datetime import date

import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db import id_pool
from mmu_desktop.db.schema import table
from mmu_desktop.db.search import SearchIndex
from mmu_desktop.ui.registration import RegistrationView
from tests.ui.conftest import (
    FIRST_REG_ID,
    count_rows,
    focused,
    press,
    register_person,
    show,
    tab,
    type_text,
)


def make_view(qtbot: QtBot, ctx: AppContext, index: SearchIndex) -> RegistrationView:
    view = RegistrationView(ctx.engine, ctx.van, index)
    show(qtbot, view)
    view.first_name.setFocus()
    return view


def fill_by_keyboard(qtbot: QtBot, view: RegistrationView) -> None:
    """Asha Verma, 30, Female, married, Devipur: every step a key press."""
    type_text(qtbot, view, "Asha")
    tab(qtbot, view)
    type_text(qtbot, view, "Verma")
    tab(qtbot, view)
    type_text(qtbot, view, "Fem")  # gender drop-down: typing picks "Female"
    tab(qtbot, view)
    type_text(qtbot, view, "30")  # age (age only is the default)
    tab(qtbot, view, 2)  # past the "age only" check box
    type_text(qtbot, view, "9876501234")
    tab(qtbot, view)
    type_text(qtbot, view, "Marr")
    tab(qtbot, view)
    type_text(qtbot, view, "Ramesh")
    tab(qtbot, view)
    type_text(qtbot, view, "Vijay")
    tab(qtbot, view)
    type_text(qtbot, view, "Utt")
    tab(qtbot, view)
    type_text(qtbot, view, "Lak")
    tab(qtbot, view)
    type_text(qtbot, view, "Gol")
    tab(qtbot, view)
    type_text(qtbot, view, "Dev")
    tab(qtbot, view, 2)  # the PIN is filled from the village
    type_text(qtbot, view, "Near the temple")


def test_register_by_keyboard_stores_every_identity_row(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    fill_by_keyboard(qtbot, view)
    assert view.pin_code.text() == "262802"

    with qtbot.waitSignal(view.registered, timeout=5000) as saved:
        press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ben_reg_id = saved.args[0]
    assert ben_reg_id == FIRST_REG_ID  # the lowest free ID, above 2**31

    with pool_ctx.engine.connect() as conn:
        mapping = (
            conn.execute(
                sa.select(table("i_beneficiarymapping")).where(
                    table("i_beneficiarymapping").c.BenRegId == ben_reg_id
                )
            )
            .mappings()
            .one()
        )
        details = table("i_beneficiarydetails")
        person = (
            conn.execute(
                sa.select(details).where(details.c.BeneficiaryDetailsId == mapping["BenDetailsId"])
            )
            .mappings()
            .one()
        )
        address_t = table("i_beneficiaryaddress")
        address = (
            conn.execute(
                sa.select(address_t).where(address_t.c.BenAddressID == mapping["BenAddressId"])
            )
            .mappings()
            .one()
        )
        contacts_t = table("i_beneficiarycontacts")
        contacts = (
            conn.execute(
                sa.select(contacts_t).where(contacts_t.c.BenContactsID == mapping["BenContactsId"])
            )
            .mappings()
            .one()
        )
        pool = table("m_beneficiaryregidmapping")
        claimed = conn.execute(
            sa.select(pool.c.Provisioned).where(pool.c.BenRegId == ben_reg_id)
        ).scalar_one()

    assert (person["FirstName"], person["LastName"]) == ("Asha", "Verma")
    assert person["Gender"] == "Female"
    assert person["MaritalStatus"] == "Married"
    assert (person["FatherName"], person["SpouseName"]) == ("Ramesh", "Vijay")
    assert person["DOB"] is not None
    assert address["CurrVillage"] == "Devipur"
    assert address["CurrDistrict"] == "Lakhimpur Kheri"
    assert address["CurrPinCode"] == "262802"
    assert address["CurrAddrLine1"] == "Near the temple"
    assert contacts["PreferredPhoneNum"] == "9876501234"
    assert claimed
    assert "Registered Asha Verma" in view.banner.label.text()
    assert "2847 0000 0001" in view.banner.label.text()

    # The confirmation offers the visit straight away, by keyboard.
    assert view.start_visit_button.isVisible()
    with qtbot.waitSignal(view.visit_requested) as wanted:
        press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert wanted.args == [ben_reg_id]


def test_validation_message_next_to_field_and_nothing_stored(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    fill_by_keyboard(qtbot, view)
    view.gender.setFocus()
    view.gender.setCurrentIndex(0)  # back to "choose"
    view.phone.setText("12345")

    press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert view.errors.message("gender_id") == "Choose the gender."
    assert "10 digits" in view.errors.message("phone")
    assert view.errors.label("gender_id").isVisible()
    assert focused(view) is view.gender  # the first invalid field
    assert count_rows(pool_ctx, "i_beneficiarydetails") == 0
    assert view.first_name.text() == "Asha"


def test_wrong_date_of_birth_is_explained(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    fill_by_keyboard(qtbot, view)
    view.age_only.setChecked(False)
    view.dob.setText("31-02-1990")
    view.save()
    assert "does not exist" in view.errors.message("dob")
    view.dob.setText("01-01-2999")
    view.save()
    assert "future" in view.errors.message("dob")
    assert count_rows(pool_ctx, "i_beneficiarydetails") == 0


def test_date_of_birth_instead_of_age(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    fill_by_keyboard(qtbot, view)
    view.age_only.setFocus()
    press(qtbot, view, Qt.Key.Key_Space)  # untick "age only": the date field appears
    assert view.dob.isVisible() and not view.age.isVisible()
    press(qtbot, view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused(view) is view.dob
    type_text(qtbot, view, "14-03-1988")
    with qtbot.waitSignal(view.registered):
        press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with pool_ctx.engine.connect() as conn:
        born = conn.execute(sa.select(table("i_beneficiarydetails").c.DOB)).scalar_one()
    assert born.date() == date(1988, 3, 14)


def test_empty_pool_keeps_what_was_typed(qtbot: QtBot, ctx: AppContext, index: SearchIndex) -> None:
    view = make_view(qtbot, ctx, index)  # no IDs in the pool
    fill_by_keyboard(qtbot, view)
    press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert view.banner.isVisible()
    assert view.banner.label.text() == id_pool.EMPTY_POOL_MESSAGE
    assert view.first_name.text() == "Asha"
    assert view.phone.text() == "9876501234"
    assert view.address_line.text() == "Near the temple"
    assert view.village.currentText() == "Devipur"
    assert count_rows(ctx, "i_beneficiarydetails") == 0


def test_locked_database_keeps_what_was_typed(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    fill_by_keyboard(qtbot, view)
    # Another program holds the write lock longer than the busy timeout.
    other = sqlite3.connect(pool_ctx.data_dir.database, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        view.save()
    finally:
        other.rollback()
        other.close()
    assert "could not be saved" in view.banner.label.text()
    assert view.first_name.text() == "Asha"
    assert count_rows(pool_ctx, "i_beneficiarydetails") == 0

    view.save()  # the lock is gone: the same form now saves
    assert count_rows(pool_ctx, "i_beneficiarydetails") == 1


def test_likely_duplicates_appear_while_typing(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    existing = register_person(pool_ctx, "Sunita", "Devi", age=34)
    view = make_view(qtbot, pool_ctx, index)
    type_text(qtbot, view, "Suneeta")
    qtbot.waitUntil(lambda: existing.ben_reg_id in view.duplicate_ids(), timeout=3000)

    # Opening the match starts a visit for her instead of a second registration.
    view.duplicates.setFocus()
    view.duplicates.setCurrentRow(0)
    with qtbot.waitSignal(view.visit_requested) as opened:
        press(qtbot, view, Qt.Key.Key_Return)
    assert opened.args == [existing.ben_reg_id]


def test_edit_updates_the_same_rows(qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex) -> None:
    person = register_person(pool_ctx, "Kamla", "Devi", age=50, phone="9000000001")
    view = make_view(qtbot, pool_ctx, index)
    assert view.edit(person.ben_reg_id)
    assert view.first_name.text() == "Kamla"
    assert view.village.currentText() == "Devipur"
    view.last_name.setFocus()
    view.last_name.selectAll()
    type_text(qtbot, view, "Yadav")

    with qtbot.waitSignal(view.updated) as done:
        press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert done.args == [person.ben_reg_id]
    assert count_rows(pool_ctx, "i_beneficiarydetails") == 1
    with pool_ctx.engine.connect() as conn:
        details = table("i_beneficiarydetails")
        last = conn.execute(sa.select(details.c.LastName)).scalar_one()
    assert last == "Yadav"


def test_tab_visits_the_main_fields_in_order(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    expected = [
        view.first_name,
        view.last_name,
        view.gender,
        view.age,
        view.age_only,
        view.phone,
        view.marital_status,
        view.father_name,
        view.spouse_name,
        view.state,
        view.district,
        view.block,
        view.village,
        view.pin_code,
        view.address_line,
        view.more_button,
        view.save_button,
    ]
    # District, block and village are enabled once their parent is chosen.
    view.state.setCurrentIndex(view.state.findText("Uttar Pradesh"))
    view.district.setCurrentIndex(1)
    view.block.setCurrentIndex(1)
    visited = [focused(view)]
    for _ in expected[1:]:
        tab(qtbot, view)
        visited.append(focused(view))
    assert visited == expected


def test_mnemonic_jumps_to_the_field(
    qtbot: QtBot, pool_ctx: AppContext, index: SearchIndex
) -> None:
    view = make_view(qtbot, pool_ctx, index)
    press(qtbot, view, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert focused(view) is view.phone
