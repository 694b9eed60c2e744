"""Registering beneficiaries and reading them back.

A registration writes AMRIT's identity rows in one transaction: it claims a BenRegID
from the pool, then writes details, address, contacts, the optional identity
document, and the ``i_beneficiarymapping`` row that links them. Either all of it is
stored, or none of it and the claimed ID stays free.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.context import VanContext
from mmu_desktop.db import id_pool
from mmu_desktop.db.engine import writing
from mmu_desktop.db.masters import label_of
from mmu_desktop.db.rows import insert_synced, now, update_synced
from mmu_desktop.db.schema import table
from mmu_desktop.validation import (
    MAX_AGE_YEARS,
    Errors,
    age_on,
    clean_phone,
    dob_from_age,
    phone_error,
)

DETAILS = table("i_beneficiarydetails")
ADDRESS = table("i_beneficiaryaddress")
CONTACTS = table("i_beneficiarycontacts")
MAPPING = table("i_beneficiarymapping")
IDENTITY = table("i_beneficiaryidentity")
POOL = table("m_beneficiaryregidmapping")


@dataclass
class BeneficiaryForm:
    """What the registration form collects. Ids refer to master rows."""

    first_name: str = ""
    last_name: str = ""
    gender_id: int | None = None
    dob: date | None = None
    age_years: int | None = None
    phone: str = ""
    title_id: int | None = None
    father_name: str = ""
    spouse_name: str = ""
    marital_status_id: int | None = None
    state_id: int | None = None
    district_id: int | None = None
    block_id: int | None = None
    village_id: int | None = None
    address_line: str = ""
    pin_code: str = ""
    religion_id: int | None = None
    community_id: int | None = None
    education_id: int | None = None
    occupation_id: int | None = None
    income_id: int | None = None
    literacy_id: int | None = None
    language_id: int | None = None
    identity_type_id: int | None = None
    identity_no: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def birth_date(self, today: date) -> date | None:
        if self.dob is not None:
            return self.dob
        if self.age_years is not None:
            return dob_from_age(self.age_years, today)
        return None


def validate(form: BeneficiaryForm, today: date | None = None) -> Errors:
    """Field name to message for everything that keeps the form from being saved."""
    today = today or date.today()
    errors: Errors = {}
    if not form.first_name.strip():
        errors["first_name"] = "Enter the first name."
    elif len(form.first_name.strip()) > 50:
        errors["first_name"] = "The first name is longer than 50 letters."
    if len(form.last_name.strip()) > 50:
        errors["last_name"] = "The last name is longer than 50 letters."
    if form.gender_id is None:
        errors["gender_id"] = "Choose the gender."
    if form.dob is None and form.age_years is None:
        errors["dob"] = "Enter the date of birth or the age."
    elif form.dob is not None:
        if form.dob > today:
            errors["dob"] = "The date of birth cannot be in the future."
        elif age_on(form.dob, today) > MAX_AGE_YEARS:
            errors["dob"] = f"The age would be over {MAX_AGE_YEARS} years; check the year."
    elif form.age_years is not None and not 0 <= form.age_years <= MAX_AGE_YEARS:
        errors["age_years"] = f"The age must be between 0 and {MAX_AGE_YEARS} years."
    message = phone_error(form.phone, required=False)
    if message:
        errors["phone"] = message
    if form.village_id is None:
        errors["village_id"] = "Choose the state, district, block and village."
    if form.pin_code and not (form.pin_code.isdigit() and len(form.pin_code) == 6):
        errors["pin_code"] = "A PIN code has 6 digits."
    if form.identity_no and form.identity_type_id is None:
        errors["identity_type_id"] = "Choose the kind of ID document."
    return errors


@dataclass(frozen=True)
class Registered:
    ben_reg_id: int
    beneficiary_id: int
    details_id: int
    address_id: int
    contacts_id: int
    mapping_id: int


class InvalidForm(ValueError):
    def __init__(self, errors: Errors) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def _details_values(conn: sa.Connection, form: BeneficiaryForm, today: date) -> dict[str, object]:
    born = form.birth_date(today)
    return {
        "TitleId": form.title_id,
        "Title": label_of(conn, "title", form.title_id),
        "FirstName": form.first_name.strip(),
        "LastName": form.last_name.strip() or None,
        "GenderId": form.gender_id,
        "Gender": label_of(conn, "gender", form.gender_id),
        "MaritalStatusId": form.marital_status_id,
        "MaritalStatus": label_of(conn, "marital_status", form.marital_status_id),
        "DOB": datetime(born.year, born.month, born.day) if born else None,
        "FatherName": form.father_name.strip() or None,
        "SpouseName": form.spouse_name.strip() or None,
        "LiteracyStatus": label_of(conn, "literacy", form.literacy_id),
        "educationId": form.education_id,
        "education": label_of(conn, "education", form.education_id),
        "occupationId": form.occupation_id,
        "occupation": label_of(conn, "occupation", form.occupation_id),
        "incomeStatusId": form.income_id,
        "incomeStatus": label_of(conn, "income", form.income_id),
        "communityId": form.community_id,
        "community": label_of(conn, "community", form.community_id),
        "religionId": form.religion_id,
        "religion": label_of(conn, "religion", form.religion_id),
        "preferredLanguageId": form.language_id,
        "preferredLanguage": label_of(conn, "language", form.language_id),
    }


def _address_values(conn: sa.Connection, form: BeneficiaryForm) -> dict[str, object]:
    place = {
        "AddrLine1": form.address_line.strip() or None,
        "CountryId": 1,
        "Country": "India",
        "StateId": form.state_id,
        "State": label_of(conn, "state", form.state_id),
        "DistrictId": form.district_id,
        "District": label_of(conn, "district", form.district_id),
        "SubDistrictId": form.block_id,
        "SubDistrict": label_of(conn, "block", form.block_id),
        "VillageId": form.village_id,
        "Village": label_of(conn, "village", form.village_id),
        "PinCode": form.pin_code or None,
    }
    # The van records one address; AMRIT keeps it as both current and permanent.
    values: dict[str, object] = {}
    for prefix in ("Curr", "Perm"):
        values.update({f"{prefix}{key}": value for key, value in place.items()})
    return values


def _contacts_values(form: BeneficiaryForm) -> dict[str, object]:
    phone = clean_phone(form.phone) or None
    return {
        "PreferredPhoneNum": phone,
        "PreferredPhoneTyp": "Self" if phone else None,
        "PhoneNum1": phone,
        "PhoneTyp1": "Self" if phone else None,
    }


def register(
    engine: sa.Engine, form: BeneficiaryForm, van: VanContext, today: date | None = None
) -> Registered:
    """Store a new beneficiary with a BenRegID from the pool.

    Raises:
        InvalidForm: the form has errors (nothing is written).
        id_pool.PoolEmpty: no ID is left (nothing is written).
    """
    today = today or date.today()
    errors = validate(form, today)
    if errors:
        raise InvalidForm(errors)
    when = now()
    with writing(engine) as conn:
        claimed = id_pool.claim(conn, van, when)
        common = {"Reserved": False} if "Reserved" in DETAILS.c else {}
        details_id = insert_synced(
            conn,
            "i_beneficiarydetails",
            {
                "BeneficiaryRegID": claimed.ben_reg_id,
                **common,
                **_details_values(conn, form, today),
            },
            van,
            when,
        )
        address_id = insert_synced(
            conn, "i_beneficiaryaddress", {**common, **_address_values(conn, form)}, van, when
        )
        contacts_id = insert_synced(
            conn, "i_beneficiarycontacts", {**common, **_contacts_values(form)}, van, when
        )
        mapping_id = insert_synced(
            conn,
            "i_beneficiarymapping",
            {
                "BenRegId": claimed.ben_reg_id,
                "BenDetailsId": details_id,
                "BenAddressId": address_id,
                "BenContactsId": contacts_id,
                **common,
            },
            van,
            when,
        )
        if form.identity_no.strip():
            kind = label_of(conn, "identity_type", form.identity_type_id)
            insert_synced(
                conn,
                "i_beneficiaryidentity",
                {
                    "BenMapId": mapping_id,
                    "IdentityNameId": form.identity_type_id,
                    "IdentityName": kind,
                    "IdentityTypeId": form.identity_type_id,
                    "IdentityType": kind,
                    "IdentityNo": form.identity_no.strip(),
                    "IsVerified": False,
                    **common,
                },
                van,
                when,
            )
    return Registered(
        claimed.ben_reg_id,
        claimed.beneficiary_id,
        details_id,
        address_id,
        contacts_id,
        mapping_id,
    )


def update(
    engine: sa.Engine,
    ben_reg_id: int,
    form: BeneficiaryForm,
    van: VanContext,
    today: date | None = None,
) -> None:
    """Save edits to a registered beneficiary; rows already synced become 'U'."""
    today = today or date.today()
    errors = validate(form, today)
    if errors:
        raise InvalidForm(errors)
    when = now()
    with writing(engine) as conn:
        link = (
            conn.execute(sa.select(MAPPING).where(MAPPING.c.BenRegId == ben_reg_id))
            .mappings()
            .one()
        )
        update_synced(
            conn,
            "i_beneficiarydetails",
            link["BenDetailsId"],
            _details_values(conn, form, today),
            van,
            when,
        )
        update_synced(
            conn,
            "i_beneficiaryaddress",
            link["BenAddressId"],
            _address_values(conn, form),
            van,
            when,
        )
        update_synced(
            conn, "i_beneficiarycontacts", link["BenContactsId"], _contacts_values(form), van, when
        )


@dataclass(frozen=True)
class BeneficiarySummary:
    """One line of a search result or a header on the visit screen."""

    ben_reg_id: int
    beneficiary_id: int | None
    first_name: str
    last_name: str
    gender: str
    dob: date | None
    phone: str
    village: str
    father_name: str
    spouse_name: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def age(self, today: date | None = None) -> int | None:
        return age_on(self.dob, today or date.today()) if self.dob else None


def summary_query() -> sa.Select[Any]:
    """The joined SELECT behind ``BeneficiarySummary`` (filter and limit it)."""
    return (
        sa.select(
            MAPPING.c.BenRegId,
            POOL.c.BeneficiaryID,
            DETAILS.c.FirstName,
            DETAILS.c.LastName,
            DETAILS.c.Gender,
            DETAILS.c.DOB,
            CONTACTS.c.PreferredPhoneNum,
            ADDRESS.c.CurrVillage,
            DETAILS.c.FatherName,
            DETAILS.c.SpouseName,
        )
        .select_from(MAPPING)
        .join(DETAILS, DETAILS.c.BeneficiaryDetailsId == MAPPING.c.BenDetailsId)
        .join(ADDRESS, ADDRESS.c.BenAddressID == MAPPING.c.BenAddressId)
        .join(CONTACTS, CONTACTS.c.BenContactsID == MAPPING.c.BenContactsId)
        .outerjoin(POOL, POOL.c.BenRegId == MAPPING.c.BenRegId)
    )


def to_summary(row: Any) -> BeneficiarySummary:
    born = row[5]
    return BeneficiarySummary(
        ben_reg_id=int(row[0]),
        beneficiary_id=int(row[1]) if row[1] is not None else None,
        first_name=str(row[2] or ""),
        last_name=str(row[3] or ""),
        gender=str(row[4] or ""),
        dob=born.date() if isinstance(born, datetime) else None,
        phone=str(row[6] or ""),
        village=str(row[7] or ""),
        father_name=str(row[8] or ""),
        spouse_name=str(row[9] or ""),
    )


def get_summary(conn: sa.Connection, ben_reg_id: int) -> BeneficiarySummary | None:
    row = conn.execute(summary_query().where(MAPPING.c.BenRegId == ben_reg_id)).first()
    return to_summary(row) if row else None


def load_form(conn: sa.Connection, ben_reg_id: int) -> BeneficiaryForm | None:
    """The registration form as it was saved, for editing."""
    link = (
        conn.execute(sa.select(MAPPING).where(MAPPING.c.BenRegId == ben_reg_id)).mappings().first()
    )
    if link is None:
        return None
    d = (
        conn.execute(
            sa.select(DETAILS).where(DETAILS.c.BeneficiaryDetailsId == link["BenDetailsId"])
        )
        .mappings()
        .one()
    )
    a = (
        conn.execute(sa.select(ADDRESS).where(ADDRESS.c.BenAddressID == link["BenAddressId"]))
        .mappings()
        .one()
    )
    c = (
        conn.execute(sa.select(CONTACTS).where(CONTACTS.c.BenContactsID == link["BenContactsId"]))
        .mappings()
        .one()
    )
    ident = (
        conn.execute(sa.select(IDENTITY).where(IDENTITY.c.BenMapId == link["BenMapId"]))
        .mappings()
        .first()
    )
    return BeneficiaryForm(
        first_name=d["FirstName"] or "",
        last_name=d["LastName"] or "",
        gender_id=d["GenderId"],
        dob=d["DOB"].date() if d["DOB"] else None,
        phone=c["PreferredPhoneNum"] or "",
        title_id=d["TitleId"],
        father_name=d["FatherName"] or "",
        spouse_name=d["SpouseName"] or "",
        marital_status_id=d["MaritalStatusId"],
        state_id=a["CurrStateId"],
        district_id=a["CurrDistrictId"],
        block_id=a["CurrSubDistrictId"],
        village_id=a["CurrVillageId"],
        address_line=a["CurrAddrLine1"] or "",
        pin_code=a["CurrPinCode"] or "",
        religion_id=d["religionId"],
        community_id=d["communityId"],
        education_id=d["educationId"],
        occupation_id=d["occupationId"],
        income_id=d["incomeStatusId"],
        language_id=d["preferredLanguageId"],
        literacy_id=_literacy_id(conn, d["LiteracyStatus"]),
        identity_type_id=ident["IdentityTypeId"] if ident else None,
        identity_no=(ident["IdentityNo"] or "") if ident else "",
    )


def _literacy_id(conn: sa.Connection, text: str | None) -> int | None:
    # AMRIT keeps only the text of the literacy status, not its id.
    if not text:
        return None
    master = table("m_literacystatus")
    found = conn.execute(
        sa.select(master.c.LiteracystatusID).where(master.c.Literacystatus == text)
    ).scalar_one_or_none()
    return None if found is None else int(found)
