"""Recording a visit: the nurse's part, the doctor's part, and reopening it later.

One save writes every row of the visit in one transaction: ``t_benvisitdetail``
(whose VisitCode is built as AMRIT builds it), vitals, anthropometry, chief
complaints, the prescription and its drugs, lab orders, the referral and the
patient-flow row. Editing a saved visit updates the same rows in place; a line the
nurse removed is soft-deleted (``Deleted``), so the change reaches central too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.context import VanContext
from mmu_desktop.db.beneficiaries import get_summary
from mmu_desktop.db.engine import writing
from mmu_desktop.db.masters import label_of
from mmu_desktop.db.rows import insert_synced, now, update_synced
from mmu_desktop.db.schema import table, table_specs
from mmu_desktop.validation import VITAL_RANGES, Errors, bmi

VISIT = table("t_benvisitdetail")


def visit_code(session_id: int, van_id: int, ben_visit_id: int) -> int:
    """AMRIT's 14-digit VisitCode: session (1 digit), van (5 digits), visit id (8 digits)."""
    if not 1 <= session_id <= 9 or not 0 <= van_id < 100_000 or not 0 < ben_visit_id < 10**8:
        raise ValueError("session, van or visit id out of range for a VisitCode")
    return int(f"{session_id}{van_id:05d}{ben_visit_id:08d}")


@dataclass
class ComplaintLine:
    chief_complaint_id: int
    duration: int | None = None
    unit: str = "Days"
    description: str = ""


@dataclass
class DrugLine:
    item_id: int
    dose: str = ""
    frequency_id: int | None = None
    duration: int | None = None
    duration_unit_id: int | None = None
    route_id: int | None = None
    quantity: int | None = None
    instructions: str = ""


@dataclass
class Referral:
    institution_id: int | None = None
    reason_id: int | None = None
    revisit_date: date | None = None


@dataclass
class VisitForm:
    """Everything the visit screen collects. Numbers left empty are None."""

    reason_id: int | None = None
    category_id: int | None = None
    complaints: list[ComplaintLine] = field(default_factory=list)
    temperature: float | None = None
    pulse: int | None = None
    respiratory_rate: int | None = None
    systolic: int | None = None
    diastolic: int | None = None
    spo2: int | None = None
    blood_glucose: int | None = None
    hemoglobin: float | None = None
    weight: float | None = None
    height: float | None = None
    diagnosis: str = ""
    doctor_notes: str = ""
    drugs: list[DrugLine] = field(default_factory=list)
    lab_test_ids: list[int] = field(default_factory=list)
    referral: Referral | None = None

    @property
    def bmi(self) -> float | None:
        return bmi(self.weight, self.height)

    @property
    def has_vitals(self) -> bool:
        return any(
            v is not None
            for v in (
                self.temperature,
                self.pulse,
                self.respiratory_rate,
                self.systolic,
                self.diastolic,
                self.spo2,
                self.blood_glucose,
                self.hemoglobin,
            )
        )

    @property
    def has_doctor_part(self) -> bool:
        return bool(self.diagnosis.strip() or self.drugs or self.lab_test_ids or self.referral)


def validate(form: VisitForm) -> Errors:
    errors: Errors = {}
    if form.reason_id is None:
        errors["reason_id"] = "Choose the reason for the visit."
    if form.category_id is None:
        errors["category_id"] = "Choose the visit category."
    for name, (what, allowed) in VITAL_RANGES.items():
        message = allowed.check(getattr(form, name), what)
        if message:
            errors[name] = message
    if form.temperature is not None and 30 <= form.temperature <= 45:
        fahrenheit = form.temperature * 9 / 5 + 32
        errors["temperature"] = (
            f"This looks like °C. Enter the temperature in °F: "
            f"{form.temperature:g} °C is {fahrenheit:.1f} °F."
        )
    if (form.systolic is None) != (form.diastolic is None):
        errors["diastolic" if form.diastolic is None else "systolic"] = (
            "Enter both blood pressure readings, or neither."
        )
    elif (
        form.systolic is not None
        and form.diastolic is not None
        and (form.diastolic >= form.systolic)
    ):
        errors["diastolic"] = "Diastolic BP must be lower than systolic BP."
    for i, line in enumerate(form.complaints):
        if line.duration is not None and not 0 <= line.duration <= 999:
            errors[f"complaint_{i}"] = "A complaint's duration must be between 0 and 999."
    for i, drug in enumerate(form.drugs):
        if drug.frequency_id is None or not drug.duration:
            errors[f"drug_{i}"] = "Give each medicine a frequency and a duration."
    return errors


class InvalidVisit(ValueError):
    def __init__(self, errors: Errors) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class SavedVisit:
    ben_visit_id: int
    visit_code: int


def _child_base(ben_reg_id: int, visit_id: int, code: int) -> dict[str, Any]:
    return {"BeneficiaryRegID": ben_reg_id, "BenVisitID": visit_id, "VisitCode": code}


def _deleted(table_name: str) -> str:
    # i_ben_flow_outreach spells it "deleted".
    return table_specs()[table_name].column("Deleted").name


def _sync_lines(
    conn: sa.Connection,
    table_name: str,
    key_col: str,
    where: sa.ColumnElement[bool],
    lines: list[dict[str, Any]],
    van: VanContext,
    when: datetime,
    base: dict[str, Any],
) -> list[int]:
    """Make the live rows of a child table match ``lines``, position by position.

    Existing rows are updated in place (their VanSerialNo never changes, so a
    re-send never multiplies them on central); extra lines are inserted; rows no
    longer wanted are soft-deleted.
    """
    tbl = table(table_name)
    deleted = _deleted(table_name)
    existing = [
        int(r[0])
        for r in conn.execute(
            sa.select(tbl.c[key_col])
            .where(where, sa.func.coalesce(tbl.c[deleted], False).is_(False))
            .order_by(tbl.c[key_col])
        )
    ]
    ids = []
    for i, values in enumerate(lines):
        if i < len(existing):
            update_synced(conn, table_name, existing[i], values, van, when)
            ids.append(existing[i])
        else:
            ids.append(insert_synced(conn, table_name, {**base, **values}, van, when))
    for row_id in existing[len(lines) :]:
        update_synced(conn, table_name, row_id, {deleted: True}, van, when)
    return ids


def save_visit(
    engine: sa.Engine,
    ben_reg_id: int,
    form: VisitForm,
    van: VanContext,
    ben_visit_id: int | None = None,
) -> SavedVisit:
    """Save a new visit, or the edits to visit ``ben_visit_id``.

    Raises:
        InvalidVisit: the form has errors (nothing is written).
        LookupError: the beneficiary or the visit does not exist.
    """
    errors = validate(form)
    if errors:
        raise InvalidVisit(errors)
    when = now()
    with writing(engine) as conn:
        person = get_summary(conn, ben_reg_id)
        if person is None:
            raise LookupError(f"no beneficiary {ben_reg_id}")
        visit_values = {
            "VisitReasonID": form.reason_id,
            "VisitReason": label_of(conn, "visit_reason", form.reason_id),
            "VisitCategoryID": form.category_id,
            "VisitCategory": label_of(conn, "visit_category", form.category_id),
            "VisitFlowStatusFlag": "D" if form.has_doctor_part else "N",
        }
        if ben_visit_id is None:
            previous = conn.execute(
                sa.select(sa.func.count()).where(VISIT.c.BeneficiaryRegID == ben_reg_id)
            ).scalar_one()
            ben_visit_id = insert_synced(
                conn,
                "t_benvisitdetail",
                {
                    "BeneficiaryRegID": ben_reg_id,
                    "VisitDateTime": when,
                    "VisitNo": int(previous) + 1,
                    **visit_values,
                },
                van,
                when,
            )
            code = visit_code(van.session_id, van.van_id, ben_visit_id)
            conn.execute(
                sa.update(VISIT).where(VISIT.c.BenVisitID == ben_visit_id).values(VisitCode=code)
            )
        else:
            found = conn.execute(
                sa.select(VISIT.c.VisitCode).where(
                    VISIT.c.BenVisitID == ben_visit_id, VISIT.c.BeneficiaryRegID == ben_reg_id
                )
            ).scalar_one_or_none()
            if found is None:
                raise LookupError(f"no visit {ben_visit_id} for beneficiary {ben_reg_id}")
            code = int(found)
            update_synced(conn, "t_benvisitdetail", ben_visit_id, visit_values, van, when)
        _write_children(conn, ben_reg_id, ben_visit_id, code, form, van, when, person.full_name)
    return SavedVisit(ben_visit_id, code)


def _write_children(
    conn: sa.Connection,
    ben_reg_id: int,
    visit_id: int,
    code: int,
    form: VisitForm,
    van: VanContext,
    when: datetime,
    name: str,
) -> None:
    base = _child_base(ben_reg_id, visit_id, code)

    def of_visit(table_name: str) -> sa.ColumnElement[bool]:
        return table(table_name).c.BenVisitID == visit_id

    vitals = {
        "Temperature": form.temperature,
        "PulseRate": form.pulse,
        "RespiratoryRate": form.respiratory_rate,
        "SystolicBP_1stReading": form.systolic,
        "DiastolicBP_1stReading": form.diastolic,
        "AverageSystolicBP": form.systolic,
        "AverageDiastolicBP": form.diastolic,
        "BloodGlucose_Random": form.blood_glucose,
        "rbs": None if form.blood_glucose is None else str(form.blood_glucose),
        "spo2": None if form.spo2 is None else str(form.spo2),
        "Hemoglobin": form.hemoglobin,
    }
    _sync_lines(conn, "t_phy_vitals", "ID", of_visit("t_phy_vitals"), [vitals], van, when, base)
    body = {"Weight_Kg": form.weight, "Height_cm": form.height, "BMI": form.bmi}
    _sync_lines(
        conn, "t_phy_anthropometry", "ID", of_visit("t_phy_anthropometry"), [body], van, when, base
    )
    complaints = [
        {
            "ChiefComplaintID": c.chief_complaint_id,
            "ChiefComplaint": label_of(conn, "chief_complaint", c.chief_complaint_id),
            "Duration": c.duration,
            "UnitOfDuration": c.unit,
            "Description": c.description.strip() or None,
        }
        for c in form.complaints
    ]
    _sync_lines(
        conn,
        "t_benchiefcomplaint",
        "ID",
        of_visit("t_benchiefcomplaint"),
        complaints,
        van,
        when,
        base,
    )

    prescription = []
    if form.has_doctor_part:
        prescription.append(
            {
                "DiagnosisProvided": form.diagnosis.strip() or None,
                "Remarks": form.doctor_notes.strip() or None,
            }
        )
    prescription_ids = _sync_lines(
        conn,
        "t_prescription",
        "PrescriptionID",
        of_visit("t_prescription"),
        prescription,
        van,
        when,
        base,
    )
    with_rx = {**base, "PrescriptionID": prescription_ids[0] if prescription_ids else None}
    drugs = [_drug_values(conn, d) for d in form.drugs] if prescription_ids else []
    _sync_lines(
        conn,
        "t_prescribeddrug",
        "PrescribedDrugID",
        of_visit("t_prescribeddrug"),
        drugs,
        van,
        when,
        with_rx,
    )
    labs = [
        {"ProcedureID": p, "ProcedureName": label_of(conn, "lab_test", p)}
        for p in (form.lab_test_ids if prescription_ids else [])
    ]
    _sync_lines(
        conn, "t_lab_testorder", "ID", of_visit("t_lab_testorder"), labs, van, when, with_rx
    )
    referral = []
    # A follow-up (revisit) date alone is kept too, with no institution.
    r = form.referral
    if r is not None and (r.institution_id is not None or r.revisit_date is not None):
        referral.append(
            {
                "referredToInstituteID": r.institution_id,
                "referredToInstituteName": label_of(conn, "institution", r.institution_id),
                "referralreason": label_of(conn, "referral_reason", r.reason_id),
                "revisitdate": datetime(
                    r.revisit_date.year, r.revisit_date.month, r.revisit_date.day
                )
                if r.revisit_date
                else None,
            }
        )
    _sync_lines(
        conn,
        "t_benreferdetails",
        "benReferID",
        of_visit("t_benreferdetails"),
        referral,
        van,
        when,
        base,
    )

    flow_tbl = table("i_ben_flow_outreach")
    flow = {
        "beneficiary_reg_id": ben_reg_id,
        "beneficiary_visit_id": visit_id,
        "beneficiary_visit_code": code,
        "visit_reason": label_of(conn, "visit_reason", form.reason_id),
        "visit_category": label_of(conn, "visit_category", form.category_id),
        "ben_name": name[:125],
        "visitDate": when,
        "nurse_flag": 9,
        "doctor_flag": 9 if form.has_doctor_part else 1,
        "created_by": van.user,
        "created_date": when,
        "modified_by": van.user,
        "modified_date": when,
        "providerServiceMapID": van.provider_service_map_id,
        "vanNo": van.vehicle_no,
        "deleted": False,
    }
    _sync_lines(
        conn,
        "i_ben_flow_outreach",
        "ben_flow_id",
        flow_tbl.c.beneficiary_visit_id == visit_id,
        [flow],
        van,
        when,
        {},
    )


def _drug_values(conn: sa.Connection, d: DrugLine) -> dict[str, Any]:
    item = table("m_item")
    drug = conn.execute(
        sa.select(
            item.c.ItemName,
            item.c.Strength,
            item.c.ItemFormID,
            item.c.Sctcode,
            item.c.SctTerm,
            item.c.isEDL,
        ).where(item.c.ItemID == d.item_id)
    ).first()
    return {
        "DrugID": d.item_id,
        "GenericDrugName": drug.ItemName if drug else None,
        "DrugStrength": drug.Strength if drug else None,
        "DrugForm": label_of(conn, "drug_form", drug.ItemFormID) if drug else None,
        "Sctcode": drug.Sctcode if drug else None,
        "SctTerm": drug.SctTerm if drug else None,
        "isEDL": drug.isEDL if drug else None,
        "Dose": d.dose.strip() or None,
        "Frequency": label_of(conn, "frequency", d.frequency_id),
        "Duration": None if d.duration is None else str(d.duration),
        "DuartionUnit": label_of(conn, "duration_unit", d.duration_unit_id),
        "Route": label_of(conn, "route", d.route_id),
        "QtyPrescribed": d.quantity,
        "SpecialInstruction": d.instructions.strip() or None,
    }


def _live(conn: sa.Connection, table_name: str, visit_id: int, order: str) -> list[Any]:
    tbl = table(table_name)
    return list(
        conn.execute(
            sa.select(tbl)
            .where(tbl.c.BenVisitID == visit_id, sa.func.coalesce(tbl.c.Deleted, False).is_(False))
            .order_by(tbl.c[order])
        ).mappings()
    )


def _id_by_label(
    conn: sa.Connection, table_name: str, key: str, label: str, text: str | None
) -> int | None:
    if not text:
        return None
    tbl = table(table_name)
    found = conn.execute(
        sa.select(tbl.c[key]).where(tbl.c[label] == text).limit(1)
    ).scalar_one_or_none()
    return None if found is None else int(found)


def load_visit(conn: sa.Connection, ben_visit_id: int) -> VisitForm | None:
    """A saved visit as the form showed it, for reopening."""
    visit = (
        conn.execute(sa.select(VISIT).where(VISIT.c.BenVisitID == ben_visit_id)).mappings().first()
    )
    if visit is None:
        return None
    form = VisitForm(reason_id=visit["VisitReasonID"], category_id=visit["VisitCategoryID"])
    for v in _live(conn, "t_phy_vitals", ben_visit_id, "ID")[:1]:
        form.temperature = v["Temperature"]
        form.pulse = v["PulseRate"]
        form.respiratory_rate = v["RespiratoryRate"]
        form.systolic = v["SystolicBP_1stReading"]
        form.diastolic = v["DiastolicBP_1stReading"]
        form.spo2 = int(v["spo2"]) if v["spo2"] else None
        form.blood_glucose = v["BloodGlucose_Random"]
        form.hemoglobin = v["Hemoglobin"]
    for a in _live(conn, "t_phy_anthropometry", ben_visit_id, "ID")[:1]:
        form.weight = a["Weight_Kg"]
        form.height = a["Height_cm"]
    form.complaints = [
        ComplaintLine(
            c["ChiefComplaintID"],
            c["Duration"],
            c["UnitOfDuration"] or "Days",
            c["Description"] or "",
        )
        for c in _live(conn, "t_benchiefcomplaint", ben_visit_id, "ID")
    ]
    for p in _live(conn, "t_prescription", ben_visit_id, "PrescriptionID")[:1]:
        form.diagnosis = p["DiagnosisProvided"] or ""
        form.doctor_notes = p["Remarks"] or ""
    form.drugs = [
        DrugLine(
            item_id=d["DrugID"],
            dose=d["Dose"] or "",
            frequency_id=_id_by_label(
                conn, "m_drugfrequency", "DrugFrequencyID", "Frequency", d["Frequency"]
            ),
            duration=int(d["Duration"]) if d["Duration"] and d["Duration"].isdigit() else None,
            duration_unit_id=_id_by_label(
                conn, "m_drugduration", "DrugDurationID", "DrugDuration", d["DuartionUnit"]
            ),
            route_id=_id_by_label(conn, "m_drugroute", "DrugRouteID", "DrugRoute", d["Route"]),
            quantity=d["QtyPrescribed"],
            instructions=d["SpecialInstruction"] or "",
        )
        for d in _live(conn, "t_prescribeddrug", ben_visit_id, "PrescribedDrugID")
    ]
    form.lab_test_ids = [
        int(t["ProcedureID"]) for t in _live(conn, "t_lab_testorder", ben_visit_id, "ID")
    ]
    for r in _live(conn, "t_benreferdetails", ben_visit_id, "benReferID")[:1]:
        revisit = r["revisitdate"]
        form.referral = Referral(
            institution_id=r["referredToInstituteID"],
            reason_id=_id_by_label(conn, "m_referralreason", "id", "name", r["referralreason"]),
            revisit_date=revisit.date() if revisit else None,
        )
    return form


@dataclass(frozen=True)
class VisitSummary:
    """One row of a beneficiary's visit history."""

    ben_visit_id: int
    visit_code: int
    visit_no: int
    when: datetime
    reason: str
    category: str
    complaints: str
    diagnosis: str
    sync_state: str


def list_visits(conn: sa.Connection, ben_reg_id: int) -> list[VisitSummary]:
    """The beneficiary's visits, newest first."""
    complaint = table("t_benchiefcomplaint")
    prescription = table("t_prescription")
    complaints = (
        sa.select(sa.func.group_concat(complaint.c.ChiefComplaint, ", "))
        .where(
            complaint.c.BenVisitID == VISIT.c.BenVisitID,
            sa.func.coalesce(complaint.c.Deleted, False).is_(False),
        )
        .scalar_subquery()
    )
    diagnosis = (
        sa.select(prescription.c.DiagnosisProvided)
        .where(
            prescription.c.BenVisitID == VISIT.c.BenVisitID,
            sa.func.coalesce(prescription.c.Deleted, False).is_(False),
        )
        .limit(1)
        .scalar_subquery()
    )
    rows = conn.execute(
        sa.select(
            VISIT.c.BenVisitID,
            VISIT.c.VisitCode,
            VISIT.c.VisitNo,
            VISIT.c.VisitDateTime,
            VISIT.c.VisitReason,
            VISIT.c.VisitCategory,
            complaints,
            diagnosis,
            VISIT.c.Processed,
        )
        .where(VISIT.c.BeneficiaryRegID == ben_reg_id)
        .order_by(VISIT.c.VisitDateTime.desc(), VISIT.c.BenVisitID.desc())
    )
    states = {"P": "Synced", "F": "Needs attention", "U": "Edited, not yet synced"}
    return [
        VisitSummary(
            ben_visit_id=int(r[0]),
            visit_code=int(r[1] or 0),
            visit_no=int(r[2] or 0),
            when=r[3],
            reason=r[4] or "",
            category=r[5] or "",
            complaints=r[6] or "",
            diagnosis=r[7] or "",
            sync_state=states.get(r[8], "Not yet synced"),
        )
        for r in rows
    ]
