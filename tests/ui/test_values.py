"""The plain functions behind the screens, tested without any window."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from mmu_desktop.db.masters import Choice
from mmu_desktop.ui import values

DRUGS = [Choice(1, "Paracetamol", "500 mg"), Choice(8, "Albendazole", "400 mg")]


def test_values_module_does_not_need_qt() -> None:
    code = "import sys; sys.modules['PySide6'] = None\nimport mmu_desktop.ui.values\n"
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", None), ("  ", None), ("14-03-1988", date(1988, 3, 14)), ("1/2/2000", date(2000, 2, 1))],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert values.parse_date(text) == expected


@pytest.mark.parametrize("text", ["1988-03-14", "31-02-2000", "yesterday"])
def test_parse_date_mistakes(text: str) -> None:
    with pytest.raises(values.ParseError):
        values.parse_date(text)


def test_numbers() -> None:
    assert values.parse_float("98,6") == 98.6
    assert values.parse_int(" 72 ") == 72
    with pytest.raises(values.ParseError):
        values.parse_int("7.5")
    assert values.format_number(55.0) == "55"
    assert values.check_number("pulse", "300") is not None
    assert values.check_number("pulse", "abc") == "Type a whole number."
    assert values.check_number("temperature", "98.4") is None


def test_beneficiary_id_in_groups() -> None:
    assert values.format_beneficiary_id(284700000001) == "2847 0000 0001"
    assert values.format_beneficiary_id(None) == ""


def test_beneficiary_form_age_or_dob() -> None:
    inputs = values.BeneficiaryInputs(first_name=" Asha ", age_only=True, age_text="30")
    form, errors = values.beneficiary_form(inputs)
    assert (form.first_name, form.age_years, form.dob, errors) == ("Asha", 30, None, {})
    inputs.age_only, inputs.dob_text = False, "32-01-1990"
    _form, errors = values.beneficiary_form(inputs)
    assert "dob" in errors
    assert values.dob_or_age_error_key({"dob": "x"}, age_only=True) == {"age_years": "x"}


def test_visit_form_skips_empty_rows_and_maps_errors_back() -> None:
    inputs = values.VisitInputs(
        reason_id=1,
        category_id=2,
        complaints=[values.ComplaintInputs(None), values.ComplaintInputs(5, "1000")],
        numbers={"weight": "60", "height": "150", "pulse": "x"},
        drugs=[
            values.DrugInputs(""),
            values.DrugInputs("paracetamol 500 MG", frequency_id=None, duration_text=""),
        ],
        institution_id=None,
        referral_reason_id=3,  # a reason, but nowhere to refer to
        revisit_text="01-01-2030",
    )
    parsed = values.visit_form(inputs, DRUGS)
    assert parsed.form.weight == 60.0 and parsed.form.bmi == 26.7
    assert parsed.errors["pulse"] == "Type a whole number."
    assert parsed.errors["institution_id"].startswith("Choose where")
    assert [d.item_id for d in parsed.form.drugs] == [1]
    # The database check numbers rows of the form; the screen numbers its own rows.
    assert parsed.screen_errors({"drug_0": "m", "complaint_0": "c"}) == {
        "drug_1": "m",
        "complaint_1": "c",
    }


def test_bmi_band_only_for_adults() -> None:
    assert values.bmi_band(31.2, 40) == "obese"
    assert values.bmi_band(17.0, 12) == ""
    assert values.bmi_band(None, 40) == ""


def test_revisit_date_needs_no_referral_but_must_not_have_passed() -> None:
    today = date(2026, 12, 4)
    follow_up = values.VisitInputs(reason_id=1, category_id=2, revisit_text="11-12-2026")
    parsed = values.visit_form(follow_up, DRUGS, today=today)
    assert parsed.errors == {}
    assert parsed.form.referral is not None
    assert parsed.form.referral.institution_id is None
    assert parsed.form.referral.revisit_date == date(2026, 12, 11)

    follow_up.revisit_text = "03-12-2026"
    parsed = values.visit_form(follow_up, DRUGS, today=today)
    assert parsed.errors == {"revisit_date": values.REVISIT_PASSED}
    assert "passed" in values.REVISIT_PASSED

    # Reopening an old visit: the date it was saved with may have passed since.
    kept = values.visit_form(follow_up, DRUGS, today=today, saved_revisit_text="03-12-2026")
    assert kept.errors == {}
    assert (
        values.visit_form(
            values.VisitInputs(revisit_text="04-12-2026"), DRUGS, today=today
        ).errors.get("revisit_date")
        is None
    )  # today itself is fine
