"""A starter set of master rows, so every form works before the first download.

The values are generic (genders, common drugs, common complaints) or made up
(villages, institutions); a master download from central replaces them row by row.
``provider_service_map_id`` and ``van_id`` stamp the rows that central filters by
them, so the same function also seeds the reference central server.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.schema import table, table_specs

SEED_TIME = datetime(2026, 1, 1, 0, 0, 0)
SEEDED_BY = "mmu-seed"

# (table, key column, text column(s), rows of (id, text...)).
_SIMPLE: list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]] = [
    ("m_gender", ("GenderID", "GenderName"), [(1, "Male"), (2, "Female"), (3, "Transgender")]),
    (
        "m_title",
        ("TitleID", "TitleName"),
        [
            (1, "Mr."),
            (2, "Mrs."),
            (3, "Ms."),
            (4, "Shri"),
            (5, "Smt."),
            (6, "Kumari"),
            (7, "Baby"),
            (8, "Master"),
        ],
    ),
    (
        "m_maritalstatus",
        ("MaritalStatusID", "Status"),
        [
            (1, "Unmarried"),
            (2, "Married"),
            (3, "Divorced"),
            (4, "Separated"),
            (5, "Widow"),
            (6, "Not Applicable"),
        ],
    ),
    ("m_country", ("CountryID", "CountryName"), [(1, "India")]),
    (
        "m_visitreason",
        ("VisitReasonID", "VisitReason"),
        [(1, "New Chief Complaint"), (2, "Follow Up"), (3, "Referral"), (4, "Screening")],
    ),
    (
        "m_visitcategory",
        ("VisitCategoryID", "visitcategory"),
        [(1, "General OPD"), (2, "NCD screening"), (3, "ANC"), (4, "PNC"), (5, "Child health")],
    ),
    (
        "m_chiefcomplaint",
        ("ChiefComplaintID", "ChiefComplaint"),
        [
            (1, "Fever"),
            (2, "Cough"),
            (3, "Headache"),
            (4, "Body ache"),
            (5, "Abdominal pain"),
            (6, "Loose motions"),
            (7, "Vomiting"),
            (8, "Breathlessness"),
            (9, "Chest pain"),
            (10, "Joint pain"),
            (11, "Weakness"),
            (12, "Skin rash"),
            (13, "Burning urination"),
            (14, "Dizziness"),
        ],
    ),
    (
        "m_itemform",
        ("ItemFormID", "ItemFormName"),
        [
            (1, "Tablet"),
            (2, "Capsule"),
            (3, "Syrup"),
            (4, "Injection"),
            (5, "Ointment"),
            (6, "Powder"),
            (7, "Drops"),
        ],
    ),
    (
        "m_drugform",
        ("DrugFormID", "DrugForm"),
        [
            (1, "Tablet"),
            (2, "Capsule"),
            (3, "Syrup"),
            (4, "Injection"),
            (5, "Ointment"),
            (6, "Powder"),
            (7, "Drops"),
        ],
    ),
    (
        "m_drugfrequency",
        ("DrugFrequencyID", "Frequency", "FrequencyDesc"),
        [
            (1, "OD", "Once a day"),
            (2, "BD", "Twice a day"),
            (3, "TDS", "Three times a day"),
            (4, "QID", "Four times a day"),
            (5, "HS", "At bed time"),
            (6, "SOS", "When needed"),
            (7, "STAT", "At once"),
        ],
    ),
    (
        "m_drugduration",
        ("DrugDurationID", "DrugDuration"),
        [(1, "Day(s)"), (2, "Week(s)"), (3, "Month(s)")],
    ),
    (
        "m_drugroute",
        ("DrugRouteID", "DrugRoute"),
        [
            (1, "Oral"),
            (2, "Topical"),
            (3, "Intramuscular"),
            (4, "Intravenous"),
            (5, "Inhalation"),
            (6, "Sublingual"),
        ],
    ),
    (
        "m_referralreason",
        ("id", "name"),
        [
            (1, "Further investigation"),
            (2, "Specialist opinion"),
            (3, "Emergency care"),
            (4, "Admission needed"),
            (5, "Delivery care"),
        ],
    ),
    (
        "m_govtidentitytype",
        ("GovtIdentityTypeID", "IdentityType"),
        [
            (1, "Aadhaar"),
            (2, "Voter ID"),
            (3, "Ration card"),
            (4, "PAN card"),
            (5, "Driving licence"),
            (6, "Job card (MGNREGA)"),
        ],
    ),
    (
        "m_religion",
        ("ReligionID", "ReligionType"),
        [
            (1, "Hindu"),
            (2, "Muslim"),
            (3, "Christian"),
            (4, "Sikh"),
            (5, "Buddhist"),
            (6, "Jain"),
            (7, "Other"),
        ],
    ),
    (
        "m_community",
        ("CommunityID", "CommunityType"),
        [(1, "General"), (2, "OBC"), (3, "SC"), (4, "ST")],
    ),
    (
        "m_beneficiaryeducation",
        ("EducationID", "EducationType"),
        [
            (1, "Illiterate"),
            (2, "Primary"),
            (3, "Middle"),
            (4, "Secondary"),
            (5, "Higher secondary"),
            (6, "Graduate"),
            (7, "Post graduate"),
        ],
    ),
    (
        "m_beneficiaryoccupation",
        ("OccupationID", "OccupationType"),
        [
            (1, "Farmer"),
            (2, "Daily wage labourer"),
            (3, "Homemaker"),
            (4, "Student"),
            (5, "Shopkeeper"),
            (6, "Government service"),
            (7, "Unemployed"),
            (8, "Other"),
        ],
    ),
    (
        "m_beneficiaryincomestatus",
        ("IncomeStatusID", "IncomeStatus"),
        [(1, "APL"), (2, "BPL"), (3, "Not known")],
    ),
    (
        "m_literacystatus",
        ("LiteracystatusID", "Literacystatus"),
        [(1, "Literate"), (2, "Illiterate")],
    ),
    (
        "m_language",
        ("LanguageID", "LanguageName"),
        [(1, "Hindi"), (2, "English"), (3, "Bhojpuri"), (4, "Awadhi"), (5, "Urdu")],
    ),
    ("m_phonetype", ("PhoneTypeID", "PhoneType"), [(1, "Self"), (2, "Family"), (3, "Neighbour")]),
]

_STATES = [(1, "Uttar Pradesh"), (2, "Bihar"), (3, "Madhya Pradesh")]
_DISTRICTS = [(1, 1, "Sitapur"), (2, 1, "Lakhimpur Kheri"), (3, 2, "Gaya"), (4, 3, "Sehore")]
_BLOCKS = [
    (1, 1, "Misrikh"),
    (2, 1, "Mahmoodabad"),
    (3, 2, "Gola"),
    (4, 3, "Bodh Gaya"),
    (5, 4, "Ashta"),
]
# Made-up villages: (id, block id, village, panchayat, pin code).
_VILLAGES = [
    (1, 1, "Rampur Kalan", "Rampur", "261401"),
    (2, 1, "Bhagwantpur", "Rampur", "261401"),
    (3, 1, "Naya Gaon", "Naya Gaon", "261402"),
    (4, 2, "Sukhpura", "Sukhpura", "261203"),
    (5, 2, "Khairabad Khurd", "Sukhpura", "261203"),
    (6, 3, "Devipur", "Devipur", "262802"),
    (7, 3, "Manjhra", "Devipur", "262802"),
    (8, 4, "Bakraur", "Bakraur", "824231"),
    (9, 4, "Sujata Nagar", "Bakraur", "824231"),
    (10, 5, "Kotri", "Kotri", "466116"),
    (11, 5, "Bhanwarpur", "Kotri", "466116"),
    (12, 5, "Jhilmila", "Kotri", "466116"),
]
# Common essential medicines: (id, name, strength, form id, route id, composition).
_DRUGS = [
    (1, "Paracetamol", "500 mg", 1, 1, "Paracetamol"),
    (2, "Amoxicillin", "250 mg", 2, 1, "Amoxicillin trihydrate"),
    (3, "Oral rehydration salts", "20.5 g", 6, 1, "ORS WHO formula"),
    (4, "Iron and folic acid", "100 mg", 1, 1, "Ferrous sulphate, folic acid"),
    (5, "Cetirizine", "10 mg", 1, 1, "Cetirizine hydrochloride"),
    (6, "Metformin", "500 mg", 1, 1, "Metformin hydrochloride"),
    (7, "Amlodipine", "5 mg", 1, 1, "Amlodipine besylate"),
    (8, "Albendazole", "400 mg", 1, 1, "Albendazole"),
    (9, "Ibuprofen", "400 mg", 1, 1, "Ibuprofen"),
    (10, "Salbutamol", "2 mg/5 ml", 3, 1, "Salbutamol sulphate"),
    (11, "Zinc sulphate", "20 mg", 1, 1, "Zinc sulphate"),
    (12, "Povidone iodine", "5 %", 5, 2, "Povidone iodine"),
    (13, "Ranitidine", "150 mg", 1, 1, "Ranitidine"),
    (14, "Calcium with vitamin D3", "500 mg", 1, 1, "Calcium carbonate, cholecalciferol"),
]
_PROCEDURES = [
    (1, "Haemoglobin", "Laboratory"),
    (2, "Random blood sugar", "Laboratory"),
    (3, "Urine routine", "Laboratory"),
    (4, "Malaria rapid test", "Laboratory"),
    (5, "Blood group", "Laboratory"),
    (6, "Urine pregnancy test", "Laboratory"),
    (7, "HIV screening", "Laboratory"),
    (8, "Sputum for AFB", "Laboratory"),
]
# Made-up referral institutions: (id, name, district id, block id).
_INSTITUTIONS = [
    (1, "CHC Misrikh", 1, 1),
    (2, "District Hospital Sitapur", 1, None),
    (3, "PHC Gola", 2, 3),
    (4, "CHC Bodh Gaya", 3, 4),
    (5, "District Hospital Sehore", 4, None),
]


def _audit(cols: set[str]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "Deleted": False,
        "Processed": "N",
        "CreatedBy": SEEDED_BY,
        "CreatedDate": SEED_TIME,
        "LastModDate": SEED_TIME,
    }
    return {k: v for k, v in row.items() if k in cols}


def starter_master_rows(
    provider_service_map_id: int | None, van_id: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every starter master row, by table."""
    specs = table_specs()
    rows: dict[str, list[dict[str, Any]]] = {}

    def add(table_name: str, row: dict[str, Any]) -> None:
        cols = set(specs[table_name].column_names)
        full = {**_audit(cols), **row}
        if "ProviderServiceMapID" in cols and "ProviderServiceMapID" not in full:
            full["ProviderServiceMapID"] = provider_service_map_id
        rows.setdefault(table_name, []).append(full)

    for table_name, names, values in _SIMPLE:
        for value in values:
            add(table_name, dict(zip(names, value, strict=True)))
    for state_id, name in _STATES:
        add("m_state", {"StateID": state_id, "StateName": name, "CountryID": 1})
    for district_id, state_id, name in _DISTRICTS:
        add("m_district", {"DistrictID": district_id, "StateID": state_id, "DistrictName": name})
    for block_id, district_id, name in _BLOCKS:
        state_id = next(s for d, s, _ in _DISTRICTS if d == district_id)
        add(
            "m_districtblock",
            {
                "BlockID": block_id,
                "DistrictID": district_id,
                "StateID": state_id,
                "BlockName": name,
            },
        )
    for village_id, block_id, name, panchayat, pin in _VILLAGES:
        add(
            "m_districtbranchmapping",
            {
                "DistrictBranchID": village_id,
                "BlockID": block_id,
                "VillageName": name,
                "PanchayatName": panchayat,
                "PinCode": pin,
                "Isrural": True,
            },
        )
    for item_id, name, strength, form_id, route_id, composition in _DRUGS:
        add(
            "m_item",
            {
                "ItemID": item_id,
                "ItemName": name,
                "Strength": strength,
                "ItemFormID": form_id,
                "RouteID": route_id,
                "Composition": composition,
                "IsMedical": True,
                "Discontinued": False,
                "isEDL": True,
                "Status": "Active",
            },
        )
    for proc_id, name, proc_type in _PROCEDURES:
        add(
            "m_procedure",
            {
                "ProcedureID": proc_id,
                "ProcedureName": name,
                "ProcedureType": proc_type,
                "Gender": "unisex",
            },
        )
    for inst_id, name, district_id, inst_block in _INSTITUTIONS:
        inst_state = next(s for d, s, _ in _DISTRICTS if d == district_id)
        add(
            "m_institution",
            {
                "InstitutionID": inst_id,
                "InstitutionName": name,
                "StateID": inst_state,
                "DistrictID": district_id,
                "BlockID": inst_block,
            },
        )
    if van_id is not None:
        add(
            "m_van",
            {
                "VanID": van_id,
                "VanName": f"MMU van {van_id}",
                "VehicalNo": "UP32 AB 1234",
                "CountryID": 1,
                "StateID": 1,
                "DistrictID": 1,
            },
        )
    return rows


def seed_starter_masters(conn: sa.Connection, provider_service_map_id: int | None) -> None:
    """Insert the starter rows into each master table that is still empty."""
    for table_name, rows in starter_master_rows(provider_service_map_id).items():
        target = table(table_name)
        if conn.execute(sa.select(sa.func.count()).select_from(target)).scalar_one() == 0:
            conn.execute(sa.insert(target), rows)
