"""Checks on what a nurse types, as plain functions the forms and tests share.

Each check returns a dict of field name to a message a nurse can act on; an empty
dict means the form may be saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PHONE = re.compile(r"^[6-9]\d{9}$")
MAX_AGE_YEARS = 120

Errors = dict[str, str]


def clean_phone(text: str) -> str:
    """The phone number without spaces, dashes or a leading +91 / 0."""
    digits = re.sub(r"[\s\-()]", "", text or "")
    if digits.startswith("+91"):
        digits = digits[3:]
    elif digits.startswith("91") and len(digits) == 12:
        digits = digits[2:]
    elif digits.startswith("0") and len(digits) == 11:
        digits = digits[1:]
    return digits


def phone_error(text: str, *, required: bool) -> str | None:
    phone = clean_phone(text)
    if not phone:
        return "Enter a phone number." if required else None
    if not PHONE.match(phone):
        return "A mobile number has 10 digits and starts with 6, 7, 8 or 9."
    return None


def age_on(born: date, today: date) -> int:
    """Whole years between ``born`` and ``today``."""
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return years


def dob_from_age(years: int, today: date) -> date:
    """A date of birth for someone who knows only their age: the same day, ``years`` ago."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year that has none
        return today.replace(year=today.year - years, day=28)


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    unit: str

    def check(self, value: float | None, what: str) -> str | None:
        if value is None:
            return None
        if not self.low <= value <= self.high:
            return f"{what} must be between {self.low:g} and {self.high:g} {self.unit}."
        return None


# Values outside these are almost certainly typing mistakes.
VITAL_RANGES: dict[str, tuple[str, Range]] = {
    "temperature": ("Temperature", Range(90, 110, "°F")),
    "pulse": ("Pulse", Range(20, 250, "per minute")),
    "respiratory_rate": ("Respiratory rate", Range(5, 80, "per minute")),
    "systolic": ("Systolic BP", Range(50, 260, "mmHg")),
    "diastolic": ("Diastolic BP", Range(20, 160, "mmHg")),
    "spo2": ("SpO2", Range(50, 100, "%")),
    "blood_glucose": ("Random blood sugar", Range(20, 700, "mg/dl")),
    "hemoglobin": ("Haemoglobin", Range(2, 25, "g/dl")),
    "weight": ("Weight", Range(0.5, 250, "kg")),
    "height": ("Height", Range(30, 250, "cm")),
}


def bmi(weight_kg: float | None, height_cm: float | None) -> float | None:
    """Body mass index rounded to one decimal, or None when either value is missing."""
    if not weight_kg or not height_cm:
        return None
    metres = height_cm / 100
    return round(weight_kg / (metres * metres), 1)
