"""The shipped control rows: nine sync groups, upload config, master download config."""

from __future__ import annotations

import sqlalchemy as sa

from mmu_desktop.context import AppContext
from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.schema import synced_table_names, table, table_specs


def _rows(ctx: AppContext, name: str) -> list[sa.RowMapping]:
    tbl = table(name)
    with ctx.engine.connect() as conn:
        return list(conn.execute(sa.select(tbl).order_by(*tbl.primary_key.columns)).mappings())


def test_nine_sync_groups(ctx: AppContext) -> None:
    groups = _rows(ctx, "m_synctablegroup")
    assert [g["SyncTableGroupID"] for g in groups] == list(range(1, 10))
    assert all(g["Deleted"] is False for g in groups)


def test_every_synced_table_has_one_upload_row(ctx: AppContext) -> None:
    details = _rows(ctx, "m_synctabledetail")
    assert sorted(d["TableName"] for d in details) == sorted(synced_table_names())


def test_parents_come_before_children(ctx: AppContext) -> None:
    order = [d["TableName"] for d in _rows(ctx, "m_synctabledetail")]
    for parent, child in [
        ("m_beneficiaryregidmapping", "i_beneficiarydetails"),
        ("i_beneficiarycontacts", "i_beneficiarymapping"),
        ("i_beneficiarymapping", "i_beneficiaryidentity"),
        ("t_benvisitdetail", "t_phy_vitals"),
        ("t_prescription", "t_prescribeddrug"),
        ("i_beneficiarymapping", "t_benvisitdetail"),
    ]:
        assert order.index(parent) < order.index(child), (parent, child)


def test_column_lists_follow_amrits_pattern(ctx: AppContext) -> None:
    for detail in _rows(ctx, "m_synctabledetail"):
        spec = table_specs()[detail["TableName"]]
        pk = spec.primary_key[0]
        van = split_column_list(detail["VanColumnName"])
        server = split_column_list(detail["ServerColumnName"])
        labels = [c.label for c in van]
        assert detail["VanAutoIncColumnName"] == pk
        # the van key sits just before VanSerialNo and is not sent as a server column
        assert labels[labels.index("VanSerialNo") - 1] == pk
        assert pk not in [c.column for c in server]
        assert "VanID" in labels and "vanID" not in labels
        # server list = van list without the key, date wrappers removed
        assert [c.column for c in van if c.column != pk] == [c.label for c in server]
        for entry in van:
            assert entry.is_date == spec.column(entry.column).is_datetime
            if entry.is_date:
                assert entry.label == f"date_format({entry.column},'%Y-%m-%d %H:%i:%s')"


def test_flow_table_spells_van_id_as_central_reads_it(ctx: AppContext) -> None:
    (flow,) = [
        d for d in _rows(ctx, "m_synctabledetail") if d["TableName"] == "i_ben_flow_outreach"
    ]
    assert ",VanID," in flow["VanColumnName"]
    assert ",VanID," in flow["ServerColumnName"]


def test_master_download_rows(ctx: AppContext) -> None:
    masters = {m["TableName"]: m for m in _rows(ctx, "m_downloadmastertable")}
    assert masters["m_gender"]["MasterType"] == "A"
    assert masters["m_item"]["MasterType"] == "P"
    assert masters["m_van"]["MasterType"] == "V"
    for name, row in masters.items():
        assert row["LastDownloadDate"] is None
        server = split_column_list(row["ServerColumnName"])
        van = split_column_list(row["VanColumnName"])
        assert (
            [c.column for c in server] == [c.label for c in van] == table_specs()[name].column_names
        )


def test_seeding_twice_adds_nothing(ctx: AppContext) -> None:
    before = len(_rows(ctx, "m_synctabledetail"))
    again = AppContext.open(ctx.data_dir.root)
    assert len(_rows(again, "m_synctabledetail")) == before
    assert len(_rows(again, "m_gender")) == 3
