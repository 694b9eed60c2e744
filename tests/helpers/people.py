"""Made-up people for tests (no real person's data)."""

from __future__ import annotations

from datetime import date

from mmu_desktop.db.beneficiaries import BeneficiaryForm


def sunita(**changes: object) -> BeneficiaryForm:
    form = BeneficiaryForm(
        first_name="Sunita",
        last_name="Yadav",
        gender_id=2,
        age_years=34,
        phone="9876501234",
        father_name="Ramesh",
        state_id=1,
        district_id=1,
        block_id=1,
        village_id=2,
        pin_code="261401",
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def hindi_person(**changes: object) -> BeneficiaryForm:
    form = BeneficiaryForm(
        first_name="सुनीता",
        last_name="देवी",
        gender_id=2,
        dob=date(1988, 3, 14),
        phone="7000012345",
        state_id=1,
        district_id=2,
        block_id=3,
        village_id=6,
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form
