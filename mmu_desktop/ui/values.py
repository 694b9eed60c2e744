"""Turning what a nurse typed into forms, and forms into text: plain functions, no Qt.

The screens collect raw text; these functions parse it, report mistakes by field
name (the same names ``db`` validation uses) and format values for display, so
every decision can be tested without a window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from mmu_desktop.db.beneficiaries import BeneficiaryForm, BeneficiarySummary
from mmu_desktop.db.masters import Choice
from mmu_desktop.db.visits import ComplaintLine, DrugLine, Referral, VisitForm
from mmu_desktop.validation import VITAL_RANGES, Errors

DATE_FORMAT_HINT = "DD-MM-YYYY"
REVISIT_PASSED = "This date has passed. Choose today or a later day for the revisit."
_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")

# Units a nurse picks for how long a complaint has lasted; stored as AMRIT spells them.
COMPLAINT_UNITS = ("Hours", "Days", "Weeks", "Months", "Years")

# Fields of the visit form typed as numbers, and whether each is a whole number.
VISIT_NUMBERS: dict[str, bool] = {
    "temperature": False,
    "pulse": True,
    "respiratory_rate": True,
    "systolic": True,
    "diastolic": True,
    "spo2": True,
    "blood_glucose": True,
    "hemoglobin": False,
    "weight": False,
    "height": False,
}


class ParseError(ValueError):
    """Text that cannot be read as the value a field needs; the message is for the nurse."""


def parse_int(text: str) -> int | None:
    """A whole number, or None for empty text."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d+", text):
        raise ParseError("Type a whole number.")
    return int(text)


def parse_float(text: str) -> float | None:
    """A decimal number (a comma also works as the decimal mark), or None for empty text."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", text):
        raise ParseError("Type a number, like 98.6.")
    return float(text)


def parse_date(text: str) -> date | None:
    """A date typed as DD-MM-YYYY (or with / or .), or None for empty text."""
    if not text.strip():
        return None
    found = _DATE.match(text)
    if not found:
        raise ParseError(f"Type the date as {DATE_FORMAT_HINT}.")
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ParseError("This date does not exist; check the day and month.") from None


def format_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def format_number(value: float | None) -> str:
    """A stored number as a nurse would type it: no trailing '.0'."""
    if value is None:
        return ""
    return f"{value:g}"


def format_beneficiary_id(value: int | None) -> str:
    """A 12-digit beneficiary ID in groups of four, easy to read aloud and copy onto a card."""
    if value is None:
        return ""
    text = str(value)
    if len(text) != 12:
        return text
    return " ".join(text[i : i + 4] for i in (0, 4, 8))


def match_choice(text: str, options: Iterable[Choice]) -> int | None:
    """The id of the option whose label (or 'label extra') is ``text``, ignoring case."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for option in options:
        if wanted in (option.label.casefold(), choice_text(option).casefold()):
            return option.id
    return None


def choice_text(option: Choice) -> str:
    """How a master entry reads in a list: its label, then its extra (a drug's strength)."""
    return f"{option.label} {option.extra}".strip() if option.extra else option.label


def person_line(
    person: BeneficiarySummary,
    years: str = "{n} y",
    care_of: str = "c/o {name}",
    today: date | None = None,
) -> str:
    """One line that tells two people apart: name, age, gender, relative, village, phone.

    ``years`` and ``care_of`` are the (translated) patterns for the age and the relative.
    """
    age = person.age(today)
    parts = [person.full_name]
    if age is not None:
        parts.append(years.format(n=age))
    if person.gender:
        parts.append(person.gender)
    relative = person.father_name or person.spouse_name
    if relative:
        parts.append(care_of.format(name=relative))
    if person.village:
        parts.append(person.village)
    if person.phone:
        parts.append(person.phone)
    return " · ".join(parts)


def bmi_band(value: float | None, age_years: int | None) -> str:
    """The adult BMI band (WHO cut-offs), or '' for children and missing values."""
    if value is None or age_years is None or age_years < 18:
        return ""
    if value < 18.5:
        return "underweight"
    if value < 25:
        return "normal"
    if value < 30:
        return "overweight"
    return "obese"


@dataclass
class BeneficiaryInputs:
    """The registration form as typed: text for typed fields, ids for drop-downs."""

    first_name: str = ""
    last_name: str = ""
    gender_id: int | None = None
    age_only: bool = False
    dob_text: str = ""
    age_text: str = ""
    phone: str = ""
    ids: dict[str, int | None] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def beneficiary_form(inputs: BeneficiaryInputs) -> tuple[BeneficiaryForm, Errors]:
    """The form to save, and the parse mistakes found on the way (by field name)."""
    errors: Errors = {}
    form = BeneficiaryForm(
        first_name=inputs.first_name.strip(),
        last_name=inputs.last_name.strip(),
        gender_id=inputs.gender_id,
        phone=inputs.phone.strip(),
    )
    if inputs.age_only:
        try:
            form.age_years = parse_int(inputs.age_text)
        except ParseError as exc:
            errors["age_years"] = str(exc)
        if form.age_years is None and "age_years" not in errors:
            errors["age_years"] = "Enter the age in years."
    else:
        try:
            form.dob = parse_date(inputs.dob_text)
        except ParseError as exc:
            errors["dob"] = str(exc)
    for name, value in inputs.ids.items():
        setattr(form, name, value)
    for name, text in inputs.texts.items():
        setattr(form, name, text.strip())
    return form, errors


def dob_or_age_error_key(errors: Mapping[str, str], age_only: bool) -> Errors:
    """Move a 'dob' error onto the age field when the nurse is typing an age instead."""
    moved = dict(errors)
    if age_only and "dob" in moved:
        moved.setdefault("age_years", moved.pop("dob"))
    elif not age_only and "age_years" in moved:
        moved.setdefault("dob", moved.pop("age_years"))
    return moved


@dataclass
class ComplaintInputs:
    complaint_id: int | None
    duration_text: str = ""
    unit: str = "Days"
    description: str = ""


@dataclass
class DrugInputs:
    drug_text: str
    dose: str = ""
    frequency_id: int | None = None
    duration_text: str = ""
    duration_unit_id: int | None = None
    route_id: int | None = None
    quantity_text: str = ""
    instructions: str = ""


@dataclass
class VisitInputs:
    """The visit screen as typed."""

    reason_id: int | None = None
    category_id: int | None = None
    complaints: list[ComplaintInputs] = field(default_factory=list)
    numbers: dict[str, str] = field(default_factory=dict)
    diagnosis: str = ""
    doctor_notes: str = ""
    drugs: list[DrugInputs] = field(default_factory=list)
    lab_test_ids: list[int] = field(default_factory=list)
    institution_id: int | None = None
    referral_reason_id: int | None = None
    revisit_text: str = ""


def check_number(name: str, text: str) -> str | None:
    """The message for one typed vital or measurement, or None when it is fine."""
    whole = VISIT_NUMBERS[name]
    try:
        value = parse_int(text) if whole else parse_float(text)
    except ParseError as exc:
        return str(exc)
    what, allowed = VITAL_RANGES[name]
    return allowed.check(value, what)


@dataclass
class ParsedVisit:
    """A visit read from the screen: the form, parse mistakes, and which screen row
    each complaint and medicine of the form came from."""

    form: VisitForm
    errors: Errors
    complaint_rows: list[int] = field(default_factory=list)
    drug_rows: list[int] = field(default_factory=list)

    def screen_errors(self, saved_errors: Mapping[str, str]) -> Errors:
        """Errors from ``visits.validate`` with row numbers turned into screen rows."""
        moved: Errors = {}
        for key, message in saved_errors.items():
            kind, _, index = key.partition("_")
            rows = {"complaint": self.complaint_rows, "drug": self.drug_rows}.get(kind)
            if rows is not None and index.isdigit() and int(index) < len(rows):
                key = f"{kind}_{rows[int(index)]}"
            moved[key] = message
        return moved


def visit_form(
    inputs: VisitInputs,
    drugs: Sequence[Choice],
    today: date | None = None,
    saved_revisit_text: str = "",
) -> ParsedVisit:
    """The visit to save, with the parse mistakes found on the way (by field name).

    Complaint rows without a complaint chosen and drug rows left blank are skipped,
    so an empty extra row never blocks a save. A revisit date before ``today`` is
    refused unless it is the one the visit was saved with (``saved_revisit_text``),
    so an old visit can still be corrected.
    """
    errors: Errors = {}
    complaint_rows: list[int] = []
    drug_rows: list[int] = []
    form = VisitForm(
        reason_id=inputs.reason_id,
        category_id=inputs.category_id,
        diagnosis=inputs.diagnosis.strip(),
        doctor_notes=inputs.doctor_notes.strip(),
        lab_test_ids=list(inputs.lab_test_ids),
    )
    for name, whole in VISIT_NUMBERS.items():
        try:
            value = (parse_int if whole else parse_float)(inputs.numbers.get(name, ""))
        except ParseError as exc:
            errors[name] = str(exc)
            continue
        setattr(form, name, value)

    for i, line in enumerate(inputs.complaints):
        if line.complaint_id is None:
            if line.duration_text.strip() or line.description.strip():
                errors[f"complaint_{i}"] = "Choose the complaint."
            continue
        try:
            duration = parse_int(line.duration_text)
        except ParseError as exc:
            errors[f"complaint_{i}"] = str(exc)
            continue
        complaint_rows.append(i)
        form.complaints.append(
            ComplaintLine(line.complaint_id, duration, line.unit, line.description.strip())
        )

    for i, drug in enumerate(inputs.drugs):
        if not drug.drug_text.strip():
            continue
        item_id = match_choice(drug.drug_text, drugs)
        if item_id is None:
            errors[f"drug_{i}"] = "Choose a medicine from the list."
            continue
        try:
            duration = parse_int(drug.duration_text)
            quantity = parse_int(drug.quantity_text)
        except ParseError as exc:
            errors[f"drug_{i}"] = str(exc)
            continue
        drug_rows.append(i)
        form.drugs.append(
            DrugLine(
                item_id=item_id,
                dose=drug.dose.strip(),
                frequency_id=drug.frequency_id,
                duration=duration,
                duration_unit_id=drug.duration_unit_id,
                route_id=drug.route_id,
                quantity=quantity,
                instructions=drug.instructions.strip(),
            )
        )

    try:
        revisit = parse_date(inputs.revisit_text)
    except ParseError as exc:
        errors["revisit_date"] = str(exc)
        revisit = None
    # A date kept from when the visit was first saved may have passed since: allowed.
    kept = inputs.revisit_text.strip() == saved_revisit_text.strip()
    if revisit is not None and revisit < (today or date.today()) and not kept:
        errors["revisit_date"] = REVISIT_PASSED
    # A follow-up date needs no referral; a referral reason needs a place to refer to.
    if inputs.institution_id is not None or revisit is not None:
        form.referral = Referral(inputs.institution_id, inputs.referral_reason_id, revisit)
    if inputs.institution_id is None and inputs.referral_reason_id is not None:
        errors["institution_id"] = "Choose where the patient is referred to."
    return ParsedVisit(form, errors, complaint_rows, drug_rows)
