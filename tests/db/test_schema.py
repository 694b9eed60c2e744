"""The local database has AMRIT's tables and columns, and migrations match the models."""

from __future__ import annotations

import json
from importlib import resources

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from mmu_desktop.context import AppContext
from mmu_desktop.db.schema import metadata, synced_table_names

ISSUE_TABLES = [
    "m_beneficiaryregidmapping",
    "i_beneficiarydetails",
    "i_beneficiaryaddress",
    "i_beneficiarycontacts",
    "i_beneficiarymapping",
    "i_beneficiaryidentity",
    "t_benvisitdetail",
    "t_phy_anthropometry",
    "t_phy_vitals",
    "t_benchiefcomplaint",
    "t_prescription",
    "t_prescribeddrug",
    "t_lab_testorder",
    "t_benreferdetails",
    "i_ben_flow_outreach",
    "m_synctablegroup",
    "m_synctabledetail",
    "m_downloadmastertable",
    "m_van",
    "m_gender",
    "m_title",
    "m_maritalstatus",
    "m_state",
    "m_district",
    "m_districtblock",
    "m_districtbranchmapping",
    "m_visitreason",
    "m_visitcategory",
    "m_chiefcomplaint",
    "m_item",
    "m_itemform",
    "m_drugfrequency",
    "m_drugduration",
    "m_drugroute",
    "m_procedure",
    "m_institution",
    "m_referralreason",
    "m_govtidentitytype",
    "m_religion",
    "m_community",
    "m_beneficiaryeducation",
    "m_beneficiaryoccupation",
    "m_beneficiaryincomestatus",
    "m_literacystatus",
    "m_language",
]


def _amrit_tables() -> dict[str, dict]:
    text = resources.files("mmu_desktop.db").joinpath("amrit_schema.json").read_text("utf-8")
    return json.loads(text)


def test_every_table_of_the_issue_exists_with_amrit_name(ctx: AppContext) -> None:
    names = set(sa.inspect(ctx.engine).get_table_names())
    assert set(ISSUE_TABLES) <= names


def test_synced_tables_have_amrits_columns_plus_sync_failure_reason(ctx: AppContext) -> None:
    amrit = _amrit_tables()
    inspector = sa.inspect(ctx.engine)
    for name in synced_table_names():
        in_db = [c["name"] for c in inspector.get_columns(name)]
        expected = [c["name"] for c in amrit[name]["columns"]]
        assert in_db == expected, name
        assert in_db[-1] == "SyncFailureReason"


def test_masters_keep_amrits_column_names(ctx: AppContext) -> None:
    amrit = _amrit_tables()
    inspector = sa.inspect(ctx.engine)
    for name in ("m_gender", "m_item", "m_districtbranchmapping", "m_van"):
        assert [c["name"] for c in inspector.get_columns(name)] == [
            c["name"] for c in amrit[name]["columns"]
        ]


def test_database_runs_in_wal_with_foreign_keys(ctx: AppContext) -> None:
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_migrations_produce_exactly_the_models(ctx: AppContext) -> None:
    with ctx.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_database_file_is_private(ctx: AppContext) -> None:
    assert ctx.data_dir.database.stat().st_mode & 0o077 == 0
    assert ctx.data_dir.root.stat().st_mode & 0o077 == 0
