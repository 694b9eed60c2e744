"""Recording a whole visit by keyboard, reopening it, and the checks a nurse sees."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mmu_desktop.context import AppContext
from mmu_desktop.db.schema import table
from mmu_desktop.ui.visit import VisitView
from tests.ui.conftest import count_rows, focused, press, register_person, show, tab, type_text

REVISIT = date.today() + timedelta(days=7)


@pytest.fixture
def person(pool_ctx: AppContext) -> int:
    return register_person(pool_ctx, "Sunita", "Yadav", age=34).ben_reg_id


def make_view(qtbot: QtBot, ctx: AppContext, ben_reg_id: int) -> VisitView:
    view = VisitView(ctx.engine, ctx.van)
    show(qtbot, view)
    assert view.start_new(ben_reg_id)
    return view


def rows(ctx: AppContext, name: str, visit_id: int) -> list[dict]:
    tbl = table(name)
    with ctx.engine.connect() as conn:
        return [
            dict(r)
            for r in conn.execute(sa.select(tbl).where(tbl.c.BenVisitID == visit_id)).mappings()
        ]


def live(found: list[dict]) -> list[dict]:
    return [r for r in found if not r.get("Deleted")]


def record_visit_by_keyboard(qtbot: QtBot, view: VisitView) -> None:
    assert focused(view) is view.reason
    type_text(qtbot, view, "New")
    tab(qtbot, view)
    type_text(qtbot, view, "Gen")
    tab(qtbot, view)
    type_text(qtbot, view, "Fev")  # first complaint row
    tab(qtbot, view)
    type_text(qtbot, view, "3")
    tab(qtbot, view, 2)  # unit stays "Days"
    type_text(qtbot, view, "since Monday")
    tab(qtbot, view, 2)  # past the row's remove button, onto "Add complaint"
    assert focused(view) is view.add_complaint_button
    press(qtbot, view, Qt.Key.Key_Space)  # a second row, focused
    type_text(qtbot, view, "Cou")
    tab(qtbot, view)
    type_text(qtbot, view, "2")
    tab(qtbot, view, 5)  # unit, details, remove, add: on to the vitals
    for text in ("100.4", "92", "18", "97", "130", "85", "110", "11.2", "55", "160"):
        type_text(qtbot, view, text)
        tab(qtbot, view)
    type_text(qtbot, view, "Viral fever")
    tab(qtbot, view)
    type_text(qtbot, view, "Plenty of fluids")
    tab(qtbot, view)
    assert focused(view) is view.drug_rows[0].drug
    type_text(qtbot, view, "Paracetamol 500 mg")
    press(qtbot, view, Qt.Key.Key_Escape)  # close the completer's list
    tab(qtbot, view)
    type_text(qtbot, view, "1 tab")
    tab(qtbot, view)
    type_text(qtbot, view, "TDS")
    tab(qtbot, view)
    type_text(qtbot, view, "3")
    tab(qtbot, view, 2)  # unit stays "Day(s)"
    type_text(qtbot, view, "Ora")
    tab(qtbot, view)
    type_text(qtbot, view, "9")
    tab(qtbot, view)
    type_text(qtbot, view, "after food")
    tab(qtbot, view, 3)  # remove, add medicine, lab tests
    assert focused(view) is view.lab_tests
    type_text(qtbot, view, "Mal")
    press(qtbot, view, Qt.Key.Key_Space)
    tab(qtbot, view)
    type_text(qtbot, view, "PHC")
    tab(qtbot, view)
    type_text(qtbot, view, "Fur")
    tab(qtbot, view)
    type_text(qtbot, view, REVISIT.strftime("%d-%m-%Y"))


def test_whole_visit_by_keyboard_then_reopen_and_edit(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    record_visit_by_keyboard(qtbot, view)
    assert "21.5" in view.bmi_label.text()  # computed while typing

    with qtbot.waitSignal(view.saved) as saved:
        press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ben_reg_id, visit_id = saved.args
    assert ben_reg_id == person

    vitals = live(rows(pool_ctx, "t_phy_vitals", visit_id))
    assert len(vitals) == 1
    v = vitals[0]
    assert (v["Temperature"], v["PulseRate"], v["RespiratoryRate"]) == (100.4, 92, 18)
    assert (v["SystolicBP_1stReading"], v["DiastolicBP_1stReading"]) == (130, 85)
    assert (v["spo2"], v["BloodGlucose_Random"], v["Hemoglobin"]) == ("97", 110, 11.2)
    body = live(rows(pool_ctx, "t_phy_anthropometry", visit_id))[0]
    assert (body["Weight_Kg"], body["Height_cm"], body["BMI"]) == (55, 160, 21.5)
    complaints = live(rows(pool_ctx, "t_benchiefcomplaint", visit_id))
    assert [(c["ChiefComplaint"], c["Duration"], c["UnitOfDuration"]) for c in complaints] == [
        ("Fever", 3, "Days"),
        ("Cough", 2, "Days"),
    ]
    assert complaints[0]["Description"] == "since Monday"
    prescription = live(rows(pool_ctx, "t_prescription", visit_id))[0]
    assert prescription["DiagnosisProvided"] == "Viral fever"
    assert prescription["Remarks"] == "Plenty of fluids"
    drugs = live(rows(pool_ctx, "t_prescribeddrug", visit_id))
    assert len(drugs) == 1
    d = drugs[0]
    assert (d["GenericDrugName"], d["Dose"], d["Frequency"]) == ("Paracetamol", "1 tab", "TDS")
    assert (d["Duration"], d["DuartionUnit"], d["Route"]) == ("3", "Day(s)", "Oral")
    assert (d["QtyPrescribed"], d["SpecialInstruction"]) == (9, "after food")
    labs = live(rows(pool_ctx, "t_lab_testorder", visit_id))
    assert [t["ProcedureName"] for t in labs] == ["Malaria rapid test"]
    referral = live(rows(pool_ctx, "t_benreferdetails", visit_id))[0]
    assert referral["referredToInstituteName"] == "PHC Gola"
    assert referral["referralreason"] == "Further investigation"
    assert referral["revisitdate"].date() == REVISIT
    assert "Visit saved" in view.banner.label.text()

    # Reopen it, change the pulse, drop the cough: the same rows change.
    vitals_id = v["ID"]
    assert view.open_visit(person, visit_id)
    assert view.numbers["pulse"].text() == "92"
    assert view.drug_rows[0].drug.text() == "Paracetamol 500 mg"
    assert [r.complaint.currentText() for r in view.complaint_rows] == ["Fever", "Cough"]
    view.numbers["pulse"].setFocus()
    view.numbers["pulse"].selectAll()
    type_text(qtbot, view, "88")
    view.complaint_rows[1].description.setFocus()
    press(qtbot, view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(view.complaint_rows) == 1
    with qtbot.waitSignal(view.saved) as again:
        press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert again.args == [person, visit_id]

    assert count_rows(pool_ctx, "t_benvisitdetail") == 1
    vitals = rows(pool_ctx, "t_phy_vitals", visit_id)
    assert [(r["ID"], r["PulseRate"]) for r in vitals] == [(vitals_id, 88)]
    complaints = live(rows(pool_ctx, "t_benchiefcomplaint", visit_id))
    assert [c["ChiefComplaint"] for c in complaints] == ["Fever"]
    assert len(live(rows(pool_ctx, "t_prescribeddrug", visit_id))) == 1

    # A second Ctrl+S right away still updates the same visit.
    press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert count_rows(pool_ctx, "t_benvisitdetail") == 1


def test_out_of_range_vital_is_shown_next_to_it_and_nothing_stored(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.reason.setCurrentIndex(1)
    view.category.setCurrentIndex(1)
    view.numbers["temperature"].setFocus()
    type_text(qtbot, view, "200")
    tab(qtbot, view)  # leaving the field checks it at once
    assert "Temperature must be between 90 and 110" in view.errors.message("temperature")
    view.numbers["systolic"].setText("120")
    view.save()
    assert "Enter both blood pressure readings" in view.errors.message("diastolic")
    assert focused(view) is view.numbers["temperature"]
    assert count_rows(pool_ctx, "t_benvisitdetail") == 0


def test_missing_reason_and_unknown_medicine(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.drug_rows[0].drug.setText("Magic pill")
    view.save()
    assert view.errors.message("reason_id") == "Choose the reason for the visit."
    assert view.errors.message("drug_0") == "Choose a medicine from the list."
    assert view.drug_rows[0].error.isVisibleTo(view)
    assert focused(view) is view.reason
    assert count_rows(pool_ctx, "t_benvisitdetail") == 0


def test_medicine_needs_frequency_and_duration_message_on_its_row(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.reason.setCurrentIndex(1)
    view.category.setCurrentIndex(1)
    view.add_drug()
    view.drug_rows[1].drug.setText("Albendazole 400 mg")  # the second row; the first is empty
    view.save()
    assert "frequency and a duration" in view.errors.message("drug_1")
    assert view.errors.message("drug_0") == ""


def test_bmi_updates_while_typing(qtbot: QtBot, pool_ctx: AppContext, person: int) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.numbers["weight"].setFocus()
    type_text(qtbot, view, "80")
    assert "enter weight and height" in view.bmi_label.text()
    view.numbers["height"].setFocus()
    type_text(qtbot, view, "160")
    assert view.bmi_label.text().startswith("BMI: 31.2")
    assert "obese" in view.bmi_label.text()


def wheel_down(widget: QWidget) -> bool:
    """One notch of the mouse wheel over the middle of ``widget``; True when it took it.

    An event the widget leaves unaccepted goes on to its parents, where the scroll area
    scrolls the page (Qt passes on only real wheel events, so the test stops here).
    """
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_mouse_wheel_scrolls_the_page_not_the_drop_down(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.diagnosis.setFocus()

    assert not wheel_down(view.category)  # passed on to the page...
    assert view.category.current_id() is None  # ...and the choice left alone
    assert not wheel_down(view.institution)
    assert view.institution.current_id() is None  # "Refer to" too
    assert not wheel_down(view.complaint_rows[0].unit)
    assert view.complaint_rows[0].unit.currentText() == "Days"

    view.institution.setFocus()  # a focused drop-down still takes the wheel
    assert wheel_down(view.institution)
    assert view.institution.current_id() is not None


def on_screen(view: VisitView, widget: QWidget) -> bool:
    """True when ``widget`` lies wholly inside the visible part of the form."""
    viewport = view._scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(top_left) and viewport.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


def test_alt_letter_scrolls_the_field_into_view(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.resize(1366, 360)  # a short window, so the form scrolls
    bar = view._scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    weight = view.numbers["weight"]
    assert not on_screen(view, weight)

    press(qtbot, view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert focused(view) is weight
    assert on_screen(view, weight)

    press(qtbot, view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # back up to Reason
    assert focused(view) is view.reason
    assert on_screen(view, view.reason)


def test_revisit_date_without_referral_is_kept_and_a_past_one_refused(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.reason.setCurrentIndex(1)
    view.category.setCurrentIndex(1)
    view.complaint_rows[0].complaint.setCurrentIndex(1)
    view.complaint_rows[0].duration.setText("2")

    yesterday = date.today() - timedelta(days=1)
    view.revisit.setText(yesterday.strftime("%d-%m-%Y"))
    view.save()
    assert view.ben_visit_id is None  # not saved
    assert "passed" in view.errors.message("revisit_date")
    assert view.errors.message("institution_id") == ""  # no referral needed for a revisit

    view.revisit.setText(REVISIT.strftime("%d-%m-%Y"))
    with qtbot.waitSignal(view.saved) as saved:
        view.save()
    referral = live(rows(pool_ctx, "t_benreferdetails", saved.args[1]))
    assert len(referral) == 1
    assert referral[0]["referredToInstituteID"] is None
    assert referral[0]["revisitdate"].date() == REVISIT
    assert view.open_visit(person, saved.args[1])
    assert view.revisit.text() == REVISIT.strftime("%d-%m-%Y")
    assert view.institution.current_id() is None


def test_vitals_hints_details_and_messages_fit_a_laptop_screen(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    view.resize(1366 - 170, 620)  # the page beside the navigation list at 1366x768
    qtbot.wait(50)
    assert view._scroll.horizontalScrollBar().maximum() == 0, "the form is wider than the screen"
    for name, edit in view.numbers.items():
        needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert edit.width() >= needed + 12, f"the {name} hint is clipped"
    details = view.complaint_rows[0].description
    assert details.width() >= details.fontMetrics().horizontalAdvance("high fever at night")

    view.numbers["temperature"].setText("1012")
    view._check_number("temperature")
    message = view.errors.label("temperature")
    qtbot.waitUntil(message.isVisible)
    lines = message.height() / message.fontMetrics().lineSpacing()
    assert lines < 2.5, f"the message wraps onto {lines:.1f} lines"


def test_nurse_sees_the_beneficiary_id_not_internal_numbers(
    qtbot: QtBot, pool_ctx: AppContext, person: int
) -> None:
    view = make_view(qtbot, pool_ctx, person)
    header = view.person_header.text()
    assert "Beneficiary ID 2847 0000 0001" in header
    assert "BenRegID" not in header and str(person) not in header
    assert str(person) in view.person_header.toolTip()  # still there for IT

    view.reason.setCurrentIndex(1)
    view.category.setCurrentIndex(1)
    view.complaint_rows[0].complaint.setCurrentIndex(1)
    view.complaint_rows[0].duration.setText("2")
    with qtbot.waitSignal(view.saved):
        view.save()
    message = view.banner.label.text()
    assert message == "Visit saved for Sunita Yadav."
    assert "code" not in message.lower()
    assert "Visit code" in view.banner.toolTip()
