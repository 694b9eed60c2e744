"""Reading master tables for the forms: the choices of each drop-down.

Each master keeps AMRIT's own table and column names; this module knows which
column holds the key and which the text a nurse reads, and which column links a
child (a district) to its parent (a state).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from mmu_desktop.db.schema import table


@dataclass(frozen=True)
class MasterSpec:
    table: str
    key: str
    label: str
    parent: str | None = None
    extra: str | None = None


MASTERS: dict[str, MasterSpec] = {
    "gender": MasterSpec("m_gender", "GenderID", "GenderName"),
    "title": MasterSpec("m_title", "TitleID", "TitleName"),
    "marital_status": MasterSpec("m_maritalstatus", "MaritalStatusID", "Status"),
    "state": MasterSpec("m_state", "StateID", "StateName"),
    "district": MasterSpec("m_district", "DistrictID", "DistrictName", parent="StateID"),
    "block": MasterSpec("m_districtblock", "BlockID", "BlockName", parent="DistrictID"),
    "village": MasterSpec(
        "m_districtbranchmapping",
        "DistrictBranchID",
        "VillageName",
        parent="BlockID",
        extra="PinCode",
    ),
    "visit_reason": MasterSpec("m_visitreason", "VisitReasonID", "VisitReason"),
    "visit_category": MasterSpec("m_visitcategory", "VisitCategoryID", "visitcategory"),
    "chief_complaint": MasterSpec("m_chiefcomplaint", "ChiefComplaintID", "ChiefComplaint"),
    "drug": MasterSpec("m_item", "ItemID", "ItemName", extra="Strength"),
    "drug_form": MasterSpec("m_itemform", "ItemFormID", "ItemFormName"),
    "frequency": MasterSpec(
        "m_drugfrequency", "DrugFrequencyID", "Frequency", extra="FrequencyDesc"
    ),
    "duration_unit": MasterSpec("m_drugduration", "DrugDurationID", "DrugDuration"),
    "route": MasterSpec("m_drugroute", "DrugRouteID", "DrugRoute"),
    "lab_test": MasterSpec("m_procedure", "ProcedureID", "ProcedureName"),
    "institution": MasterSpec("m_institution", "InstitutionID", "InstitutionName"),
    "referral_reason": MasterSpec("m_referralreason", "id", "name"),
    "identity_type": MasterSpec("m_govtidentitytype", "GovtIdentityTypeID", "IdentityType"),
    "religion": MasterSpec("m_religion", "ReligionID", "ReligionType"),
    "community": MasterSpec("m_community", "CommunityID", "CommunityType"),
    "education": MasterSpec("m_beneficiaryeducation", "EducationID", "EducationType"),
    "occupation": MasterSpec("m_beneficiaryoccupation", "OccupationID", "OccupationType"),
    "income": MasterSpec("m_beneficiaryincomestatus", "IncomeStatusID", "IncomeStatus"),
    "literacy": MasterSpec("m_literacystatus", "LiteracystatusID", "Literacystatus"),
    "language": MasterSpec("m_language", "LanguageID", "LanguageName"),
}


@dataclass(frozen=True)
class Choice:
    id: int
    label: str
    extra: str | None = None


def choices(conn: sa.Connection, master: str, parent_id: int | None = None) -> list[Choice]:
    """The live (not deleted) entries of ``master``, sorted by label.

    For a child master (district, block, village) pass the parent's id; ``None``
    returns nothing, so a form never offers villages of every state at once.
    """
    spec = MASTERS[master]
    tbl = table(spec.table)
    cols = [tbl.c[spec.key], tbl.c[spec.label]]
    if spec.extra:
        cols.append(tbl.c[spec.extra])
    query = sa.select(*cols).where(sa.func.coalesce(tbl.c.Deleted, False).is_(False))
    if spec.parent:
        if parent_id is None:
            return []
        query = query.where(tbl.c[spec.parent] == parent_id)
    query = query.order_by(tbl.c[spec.label])
    return [
        Choice(int(row[0]), str(row[1] or ""), str(row[2]) if spec.extra and row[2] else None)
        for row in conn.execute(query)
    ]


def label_of(conn: sa.Connection, master: str, key: int | None) -> str | None:
    """The text of one master entry, or None when ``key`` is None or unknown."""
    if key is None:
        return None
    spec = MASTERS[master]
    tbl = table(spec.table)
    value = conn.execute(
        sa.select(tbl.c[spec.label]).where(tbl.c[spec.key] == key)
    ).scalar_one_or_none()
    return None if value is None else str(value)
