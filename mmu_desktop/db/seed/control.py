"""The three control tables: sync groups, per-table upload config, master download config."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db.schema import TableSpec, table, table_specs

SEEDED_BY = "mmu-desktop"
DATE_WRAPPER = "date_format({column},'%Y-%m-%d %H:%i:%s')"

# The nine groups central knows, with the tables of each that this app creates,
# parents before children (the upload order within a group).
SYNC_GROUPS: list[tuple[int, str, str, list[str]]] = [
    (
        1,
        "Beneficiary registration",
        "Identity of each beneficiary: ID mapping, details, address, contacts, documents",
        [
            "m_beneficiaryregidmapping",
            "i_beneficiarydetails",
            "i_beneficiaryaddress",
            "i_beneficiarycontacts",
            "i_beneficiaryaccount",
            "i_beneficiarymapping",
            "i_beneficiaryidentity",
            "i_beneficiaryfamilymapping",
        ],
    ),
    (
        2,
        "Visit and nurse",
        "Visits, vitals, anthropometry and the patient flow",
        ["t_benvisitdetail", "t_phy_anthropometry", "t_phy_vitals", "i_ben_flow_outreach"],
    ),
    (3, "Examination", "General and systemic examination", ["t_phy_generalexam"]),
    (
        4,
        "Doctor",
        "Complaints, observations, diagnosis, prescriptions, lab orders, referrals",
        [
            "t_benchiefcomplaint",
            "t_benclinicalobservation",
            "t_prescription",
            "t_prescribeddrug",
            "t_lab_testorder",
            "t_benreferdetails",
        ],
    ),
    (5, "Lab and pharmacy", "Lab results and dispensing", ["t_lab_testresult"]),
    (6, "History", "Medical and allergy history", ["t_benmedhistory", "t_benallergyhistory"]),
    (7, "Cancer screening", "Cancer screening records", []),
    (8, "Beneficiary photo", "Photographs and biometrics", ["i_beneficiaryimage"]),
    (9, "Inventory", "Stock entries, issues and transfers", []),
]

# The masters the screens read, and how central filters each one:
# A = all rows, P = rows of our provider service map, V = rows of our van.
DOWNLOAD_MASTERS: dict[str, str] = {
    "m_gender": "A",
    "m_title": "A",
    "m_maritalstatus": "A",
    "m_country": "A",
    "m_state": "A",
    "m_district": "A",
    "m_districtblock": "A",
    "m_districtbranchmapping": "A",
    "m_visitreason": "A",
    "m_visitcategory": "A",
    "m_chiefcomplaint": "A",
    "m_item": "P",
    "m_itemform": "P",
    "m_drugform": "A",
    "m_drugfrequency": "A",
    "m_drugduration": "A",
    "m_drugroute": "A",
    "m_procedure": "P",
    "m_institution": "P",
    "m_referralreason": "A",
    "m_govtidentitytype": "A",
    "m_religion": "A",
    "m_community": "A",
    "m_beneficiaryeducation": "A",
    "m_beneficiaryoccupation": "A",
    "m_beneficiaryincomestatus": "A",
    "m_literacystatus": "A",
    "m_language": "A",
    "m_phonetype": "A",
    "m_van": "V",
}


def _wire_name(spec: TableSpec, column: str) -> str:
    # Central reads the row key "VanID" case-sensitively (contract 11.12), so the
    # one table that spells the column vanID is listed as VanID; MySQL and SQLite
    # match column names without regard to case, so the SQL still works.
    return "VanID" if column.lower() == "vanid" else column


def upload_column_lists(spec: TableSpec) -> tuple[str, str]:
    """``(VanColumnName, ServerColumnName)`` for a synced table, in AMRIT's pattern.

    Business columns then the audit block as the DDL orders them; the van's own key
    sits just before VanSerialNo in the van list and is absent from the server list;
    date columns are wrapped in ``date_format`` in the van list only.
    """
    pk = spec.primary_key[0]
    names = [c.name for c in spec.columns if c.name not in (pk, "SyncFailureReason")]
    names.insert(names.index("VanSerialNo"), pk)
    van, server = [], []
    for name in names:
        wire = _wire_name(spec, name)
        col = spec.column(name)
        van.append(DATE_WRAPPER.format(column=wire) if col.is_datetime else wire)
        if name != pk:
            server.append(wire)
    return ",".join(van), ",".join(server)


def download_column_lists(spec: TableSpec) -> tuple[str, str]:
    """``(ServerColumnName, VanColumnName)`` for a master: central's SELECT, our INSERT."""
    server, van = [], []
    for col in spec.columns:
        server.append(DATE_WRAPPER.format(column=col.name) if col.is_datetime else col.name)
        van.append(col.name)
    return ",".join(server), ",".join(van)


def control_rows(now: datetime) -> dict[str, list[dict[str, Any]]]:
    """The rows of the three control tables, ready to insert."""
    specs = table_specs()
    audit = {"Deleted": False, "Processed": "N", "CreatedBy": SEEDED_BY, "CreatedDate": now}
    groups, details, masters = [], [], []
    detail_id = 0
    for group_id, name, desc, tables in SYNC_GROUPS:
        groups.append(
            {
                "SyncTableGroupID": group_id,
                "SyncTableGroupName": name,
                "SyncTableGroupDesc": desc,
                **audit,
            }
        )
        for table_name in tables:
            spec = specs[table_name]
            detail_id += 1
            van_cols, server_cols = upload_column_lists(spec)
            details.append(
                {
                    "SyncTableDetailID": detail_id,
                    "SchemaName": spec.schema,
                    "TableName": table_name,
                    "ServerColumnName": server_cols,
                    "VanColumnName": van_cols,
                    "VanAutoIncColumnName": spec.primary_key[0],
                    "IsMaster": False,
                    "SyncTableGroupID": group_id,
                    **audit,
                }
            )
    for master_id, (table_name, master_type) in enumerate(DOWNLOAD_MASTERS.items(), start=1):
        spec = specs[table_name]
        server_cols, van_cols = download_column_lists(spec)
        masters.append(
            {
                "DownloadMasterTableID": master_id,
                "SchemaName": spec.schema,
                "TableName": table_name,
                "ServerColumnName": server_cols,
                "VanColumnName": van_cols,
                "AutoIncColumnName": spec.primary_key[0],
                "MasterType": master_type,
                "LastDownloadDate": None,
                **audit,
            }
        )
    return {
        "m_synctablegroup": groups,
        "m_synctabledetail": details,
        "m_downloadmastertable": masters,
    }


def seed_control_tables(conn: sa.Connection, now: datetime) -> None:
    """Insert the shipped control rows into each control table that is still empty."""
    for table_name, rows in control_rows(now).items():
        target = table(table_name)
        empty = conn.execute(sa.select(sa.func.count()).select_from(target)).scalar_one() == 0
        if empty and rows:
            conn.execute(sa.insert(target), rows)
