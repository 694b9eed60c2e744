"""Recording, reopening and listing visits."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from mmu_desktop.context import AppContext
from mmu_desktop.db import beneficiaries, visits
from mmu_desktop.db.visits import ComplaintLine, DrugLine, Referral, VisitForm
from tests.helpers.people import sunita
from tests.helpers.pool import fill_pool


def _full_visit() -> VisitForm:
    return VisitForm(
        reason_id=1,
        category_id=1,
        complaints=[ComplaintLine(1, 3, "Days"), ComplaintLine(2, 1, "Weeks", "dry cough")],
        temperature=101.2,
        pulse=96,
        respiratory_rate=20,
        systolic=128,
        diastolic=84,
        spo2=97,
        blood_glucose=140,
        hemoglobin=10.5,
        weight=52.0,
        height=156.0,
        diagnosis="Viral fever",
        drugs=[
            DrugLine(1, "1 tablet", 3, 5, 1, 1, 15, "after food"),
            DrugLine(5, "1 tablet", 5, 3, 1, 1, 3),
        ],
        lab_test_ids=[1, 4],
        referral=Referral(1, 1, date(2026, 12, 11)),
    )


@pytest.fixture
def person(ctx: AppContext) -> int:
    fill_pool(ctx.engine, 1)
    return beneficiaries.register(ctx.engine, sunita(), ctx.van(), date(2026, 12, 4)).ben_reg_id


def _rows(ctx: AppContext, sql: str) -> list[sa.Row]:
    with ctx.engine.connect() as conn:
        return conn.execute(sa.text(sql)).all()


def test_visit_code_is_session_van_and_visit_id() -> None:
    assert visits.visit_code(3, 7, 42) == 30000700000042
    assert len(str(visits.visit_code(1, 99999, 99999999))) == 14
    with pytest.raises(ValueError):
        visits.visit_code(3, 100000, 1)


def test_a_whole_visit_is_stored_in_amrits_tables(ctx: AppContext, person: int) -> None:
    saved = visits.save_visit(ctx.engine, person, _full_visit(), ctx.van())

    assert saved.visit_code == visits.visit_code(3, 7, saved.ben_visit_id)
    (visit,) = _rows(ctx, "SELECT * FROM t_benvisitdetail")
    assert (visit.VisitCode, visit.VisitNo, visit.VisitReason, visit.VisitCategory) == (
        saved.visit_code,
        1,
        "New Chief Complaint",
        "General OPD",
    )
    (vitals,) = _rows(ctx, "SELECT * FROM t_phy_vitals")
    assert (
        vitals.Temperature,
        vitals.PulseRate,
        vitals.SystolicBP_1stReading,
        vitals.DiastolicBP_1stReading,
        vitals.spo2,
        vitals.Hemoglobin,
    ) == (101.2, 96, 128, 84, "97", 10.5)
    (body,) = _rows(ctx, "SELECT * FROM t_phy_anthropometry")
    assert (body.Weight_Kg, body.Height_cm, body.BMI) == (52.0, 156.0, 21.4)
    assert [c.ChiefComplaint for c in _rows(ctx, "SELECT * FROM t_benchiefcomplaint")] == [
        "Fever",
        "Cough",
    ]
    (rx,) = _rows(ctx, "SELECT * FROM t_prescription")
    drugs = _rows(ctx, "SELECT * FROM t_prescribeddrug ORDER BY PrescribedDrugID")
    assert [
        (d.GenericDrugName, d.Frequency, d.Duration, d.DuartionUnit, d.PrescriptionID)
        for d in drugs
    ] == [
        ("Paracetamol", "TDS", "5", "Day(s)", rx.PrescriptionID),
        ("Cetirizine", "HS", "3", "Day(s)", rx.PrescriptionID),
    ]
    assert [t.ProcedureName for t in _rows(ctx, "SELECT * FROM t_lab_testorder")] == [
        "Haemoglobin",
        "Malaria rapid test",
    ]
    (referral,) = _rows(ctx, "SELECT * FROM t_benreferdetails")
    assert referral.referredToInstituteName == "CHC Misrikh"
    (flow,) = _rows(ctx, "SELECT * FROM i_ben_flow_outreach")
    assert (flow.beneficiary_visit_code, flow.vanID, flow.VanSerialNo) == (
        saved.visit_code,
        7,
        flow.ben_flow_id,
    )
    for name in ("t_phy_vitals", "t_benchiefcomplaint", "t_prescribeddrug", "t_lab_testorder"):
        for row in _rows(ctx, f"SELECT BenVisitID, VisitCode, BeneficiaryRegID FROM {name}"):
            assert tuple(row) == (saved.ben_visit_id, saved.visit_code, person)


def test_reopening_and_editing_updates_the_same_rows(ctx: AppContext, person: int) -> None:
    saved = visits.save_visit(ctx.engine, person, _full_visit(), ctx.van())
    with ctx.engine.begin() as conn:
        conn.execute(sa.text("UPDATE t_phy_vitals SET Processed = 'P'"))
        conn.execute(sa.text("UPDATE t_prescribeddrug SET Processed = 'P'"))

    with ctx.engine.connect() as conn:
        form = visits.load_visit(conn, saved.ben_visit_id)
    assert form is not None
    assert form.pulse == 96 and [d.item_id for d in form.drugs] == [1, 5]
    assert form.referral is not None and form.referral.revisit_date == date(2026, 12, 11)
    form.pulse = 88
    form.drugs = form.drugs[:1]
    again = visits.save_visit(ctx.engine, person, form, ctx.van(), saved.ben_visit_id)

    assert again == saved
    (vitals,) = _rows(ctx, "SELECT PulseRate, Processed FROM t_phy_vitals")
    assert tuple(vitals) == (88, "U")
    drugs = _rows(ctx, "SELECT Deleted, Processed FROM t_prescribeddrug ORDER BY 1")
    assert [tuple(d) for d in drugs] == [(0, "U"), (1, "U")]
    assert len(_rows(ctx, "SELECT * FROM t_benvisitdetail")) == 1


def test_implausible_vitals_are_refused_per_field(ctx: AppContext, person: int) -> None:
    form = _full_visit()
    form.temperature = 1012
    form.diastolic = 140
    with pytest.raises(visits.InvalidVisit) as raised:
        visits.save_visit(ctx.engine, person, form, ctx.van())
    assert "Temperature" in raised.value.errors["temperature"]
    assert "lower than systolic" in raised.value.errors["diastolic"]
    assert _rows(ctx, "SELECT count(*) FROM t_benvisitdetail")[0][0] == 0


def test_history_lists_visits_newest_first(ctx: AppContext, person: int) -> None:
    first = visits.save_visit(ctx.engine, person, _full_visit(), ctx.van())
    second = visits.save_visit(ctx.engine, person, VisitForm(reason_id=2, category_id=1), ctx.van())
    with ctx.engine.connect() as conn:
        history = visits.list_visits(conn, person)
    assert [h.ben_visit_id for h in history] == [second.ben_visit_id, first.ben_visit_id]
    assert history[1].complaints == "Fever, Cough"
    assert history[1].diagnosis == "Viral fever"
    assert history[0].visit_no == 2
    assert history[0].sync_state == "Not yet synced"


def test_a_temperature_in_celsius_gets_the_fahrenheit_value(ctx: AppContext, person: int) -> None:
    form = _full_visit()
    form.temperature = 38.5
    with pytest.raises(visits.InvalidVisit) as raised:
        visits.save_visit(ctx.engine, person, form, ctx.van())
    assert "38.5 °C is 101.3 °F" in raised.value.errors["temperature"]
