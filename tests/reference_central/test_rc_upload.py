"""``dataSync/van-to-server``: inserts, idempotent re-uploads, per-row failures, checks."""

from __future__ import annotations

import gzip
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests
import sqlalchemy as sa

from reference_central.db import amrit_table, writing
from reference_central.seed import DEMO_VAN_ID, count_rows, rows_for_van
from reference_central.server import RunningCentral
from reference_central.upload import UploadService, parse_upload, resolve_target

OK_MESSAGE = "Data sync completed"


def _records(envelope: dict[str, Any]) -> list[dict[str, Any]]:
    assert envelope["statusCode"] == 200, envelope
    assert envelope["data"]["statusCode"] == 200
    assert envelope["data"]["message"] == OK_MESSAGE
    records: list[dict[str, Any]] = envelope["data"]["records"]
    return records


def test_insert_then_reupload_updates_without_duplicates(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    rows = [make_row("t_phy_vitals", serial, PulseRate=70 + serial) for serial in (11, 12, 13)]
    records = _records(van.upload(make_upload("t_phy_vitals", rows)))
    assert [r["vanSerialNo"] for r in records] == ["11", "12", "13"]
    for record in records:
        assert record == {
            "schemaName": "db_iemr",
            "tableName": "t_phy_vitals",
            "vanSerialNo": record["vanSerialNo"],
            "syncedBy": "nurse1",
            "success": True,
        }  # no "reason" key: the envelope drops nulls

    stored = rows_for_van(central.engine, "t_phy_vitals", DEMO_VAN_ID)
    assert [(r["VanSerialNo"], r["PulseRate"]) for r in stored] == [(11, 81), (12, 82), (13, 83)]
    assert stored[0]["SyncedBy"] == "nurse1"
    assert stored[0]["SyncedDate"] is not None
    assert str(stored[0]["CreatedDate"]) == "2026-03-01 09:30:00"  # from date_format(...)

    # The van re-sends after losing the reply, one row edited meanwhile.
    rows[1] = make_row("t_phy_vitals", 12, PulseRate=99)
    records = _records(van.upload(make_upload("t_phy_vitals", rows)))
    assert all(r["success"] for r in records)
    assert count_rows(central.engine, "t_phy_vitals", DEMO_VAN_ID) == 3
    stored = rows_for_van(central.engine, "t_phy_vitals", DEMO_VAN_ID)
    assert [r["PulseRate"] for r in stored] == [81, 99, 83]


def test_unique_index_backs_deduplication(central: RunningCentral) -> None:
    indexes = sa.inspect(central.engine).get_indexes("t_phy_vitals")
    unique = [set(i["column_names"]) for i in indexes if i["unique"]]
    assert {"VanSerialNo", "VanID"} in unique


def test_rejected_rows_fail_alone(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    rows = [
        make_row("t_phy_vitals", 21),
        make_row("t_phy_vitals", 22, CreatedBy=None),
        make_row("t_phy_vitals", 23),
        make_row("t_phy_vitals", 24, BloodPressureStatus="x" * 31),
        make_row("t_phy_vitals", 25, PulseRate="abc"),
        make_row("t_phy_vitals", 26, CreatedDate="yesterday"),
    ]
    records = _records(van.upload(make_upload("t_phy_vitals", rows)))
    outcome = [(r["vanSerialNo"], r["success"], r.get("reason")) for r in records]
    assert outcome[0] == ("21", True, None)
    assert outcome[1] == ("22", False, "INSERT: Required field: CreatedBy")
    assert outcome[2] == ("23", True, None)
    assert outcome[3] == ("24", False, "INSERT: Data too long: BloodPressureStatus")
    assert outcome[4][:2] == ("25", False)
    assert outcome[4][2].startswith("INSERT: Incorrect integer value: 'abc'")
    assert outcome[5][:2] == ("26", False)
    assert outcome[5][2].startswith("INSERT: Incorrect datetime value")
    stored = rows_for_van(central.engine, "t_phy_vitals", DEMO_VAN_ID)
    assert [r["VanSerialNo"] for r in stored] == [21, 23]

    # A failing re-upload of a stored row is an UPDATE failure and changes nothing.
    bad_update = [make_row("t_phy_vitals", 21, BloodPressureStatus="y" * 40)]
    (record,) = _records(van.upload(make_upload("t_phy_vitals", bad_update)))
    assert record["reason"] == "UPDATE: Data too long: BloodPressureStatus"
    assert (
        rows_for_van(central.engine, "t_phy_vitals", DEMO_VAN_ID)[0]["BloodPressureStatus"] is None
    )


def test_unknown_top_level_key_is_an_error_envelope(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    body = make_upload("t_phy_vitals", [make_row("t_phy_vitals", 31)], vanID=DEMO_VAN_ID)
    envelope = van.upload(body)
    assert envelope["statusCode"] == 5000
    assert "vanID" in envelope["errorMessage"]
    assert "data" not in envelope
    assert count_rows(central.engine, "t_phy_vitals") == 0


def test_bad_identifiers_fail_every_row(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    rows = [make_row("t_phy_vitals", 41), make_row("t_phy_vitals", 42)]
    base = make_upload("t_phy_vitals", rows)
    attempts = [
        {"serverColumns": base["serverColumns"] + ",NoSuchColumn"},
        {"serverColumns": "PulseRate,VanSerialNo,VanID) VALUES (1,2,3); DROP TABLE m_user; --"},
        {"serverColumns": "ID," + base["serverColumns"]},  # central's own key
        {"tableName": "m_user"},
        {"tableName": "t_phy_vitals; DROP TABLE m_user"},
        {"schemaName": "mysql"},
        {"vanAutoIncColumnName": "ID OR 1=1"},
    ]
    for change in attempts:
        records = _records(van.upload({**base, **change}))
        assert len(records) == 2
        for record in records:
            assert not record["success"], change
            assert record["reason"].startswith("Record check failed: Invalid identifiers provided.")
    assert count_rows(central.engine, "t_phy_vitals") == 0
    assert count_rows(central.engine, "m_user") == 0  # still there


def test_table_name_is_case_insensitive_and_keys_are_checked(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    no_van = make_row("t_phy_vitals", 52)
    del no_van["VanID"]
    rows = [make_row("t_phy_vitals", 51), no_van, make_row("t_phy_vitals", None)]
    records = _records(van.upload(make_upload("t_phy_vitals", rows, tableName="T_Phy_Vitals")))
    assert records[0]["success"] is True
    assert records[0]["tableName"] == "T_Phy_Vitals"
    assert records[1]["reason"] == "Record check failed: VanID is missing or not a number"
    assert records[2]["vanSerialNo"] == "null"
    assert records[2]["success"] is False
    assert count_rows(central.engine, "t_phy_vitals", DEMO_VAN_ID) == 1


def test_rows_of_other_vans_are_kept_apart(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    rows = [make_row("t_benvisitdetail", 5, VisitCode=10000700000005)]
    other = [make_row("t_benvisitdetail", 5, VanID=8, VisitCode=10000800000005)]
    assert _records(van.upload(make_upload("t_benvisitdetail", rows)))[0]["success"]
    assert _records(van.upload(make_upload("t_benvisitdetail", other)))[0]["success"]
    assert count_rows(central.engine, "t_benvisitdetail", DEMO_VAN_ID) == 1
    assert count_rows(central.engine, "t_benvisitdetail", 8) == 1


def test_lower_case_van_id_column_table(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    rows = [make_row("i_ben_flow_outreach", 61, ben_name="Sita Devi", nurse_flag=1)]
    for _ in range(2):
        records = _records(van.upload(make_upload("i_ben_flow_outreach", rows)))
        assert records[0]["success"], records
    stored = rows_for_van(central.engine, "i_ben_flow_outreach", DEMO_VAN_ID)
    assert [(r["VanSerialNo"], r["vanID"], r["ben_name"]) for r in stored] == [
        (61, DEMO_VAN_ID, "Sita Devi")
    ]


def test_gzip_request_body(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    body = make_upload("t_phy_vitals", [make_row("t_phy_vitals", 71)])
    response = van.http.post(
        central.central_url + "dataSync/van-to-server",
        data=gzip.compress(json.dumps(body).encode("utf-8")),
        headers={
            "Authorization": van.key,
            "Content-Type": "application/json;charset=utf-8",
            "Content-Encoding": "gzip",
        },
        timeout=30,
    )
    assert _records(response.json())[0]["success"] is True
    assert count_rows(central.engine, "t_phy_vitals", DEMO_VAN_ID) == 1


def _regid_body(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schemaName": "db_identity",
        "tableName": "m_beneficiaryregidmapping",
        "vanAutoIncColumnName": "BenRegId",
        "serverColumns": "BenRegId,BeneficiaryID,Provisioned,VanID,VanSerialNo",
        "syncData": rows,
        "syncedBy": "nurse1",
    }


def _id_row(entry: dict[str, str], van_id: int = DEMO_VAN_ID) -> dict[str, Any]:
    ben_reg_id = int(entry["benRegId"])
    return {
        "BenRegId": ben_reg_id,
        "BeneficiaryID": int(entry["beneficiaryId"]),
        "Provisioned": True,
        "VanID": van_id,
        "VanSerialNo": ben_reg_id,
    }


def test_regid_mapping_marks_provisioned_and_never_inserts(
    central: RunningCentral, van: Any
) -> None:
    issued = van.generate_ids(3)["data"]
    other_van = van.generate_ids(1, van_id=8)["data"]

    envelope = van.upload(_regid_body([_id_row(e) for e in issued[:2]]))
    assert envelope["statusCode"] == 200
    assert envelope["data"] == {"response": "Sync successful for m_beneficiaryregidmapping."}
    table = amrit_table("m_beneficiaryregidmapping")
    with central.engine.connect() as conn:
        flags = dict(conn.execute(sa.select(table.c.BenRegId, table.c.Provisioned)).all())
        synced_by = conn.execute(
            sa.select(table.c.SyncedBy).where(table.c.BenRegId == int(issued[0]["benRegId"]))
        ).scalar_one()
    assert [flags[int(e["benRegId"])] for e in issued] == [True, True, False]
    assert synced_by == "nurse1"

    unknown = {**_id_row(issued[2]), "BenRegId": 999_999, "VanSerialNo": 999_999}
    foreign = _id_row(other_van[0], van_id=DEMO_VAN_ID)  # issued to van 8
    for bad in (unknown, foreign):
        envelope = van.upload(_regid_body([_id_row(issued[2]), bad]))
        assert envelope["data"] == {"response": "Sync failed for m_beneficiaryregidmapping."}
    assert count_rows(central.engine, "m_beneficiaryregidmapping") == 4


def test_concurrent_uploads_of_the_same_rows_never_duplicate(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    # Two tabs or a retry racing the original: every copy must land on the same rows.
    rows = [make_row("t_phy_vitals", serial) for serial in range(100, 130)]
    body = make_upload("t_phy_vitals", rows)
    url = central.central_url + "dataSync/van-to-server"

    def send(_: int) -> Any:
        return requests.post(url, json=body, headers={"Authorization": van.key}, timeout=60)

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(send, range(6)))
    for response in responses:
        assert all(r["success"] for r in _records(response.json()))
    assert count_rows(central.engine, "t_phy_vitals", DEMO_VAN_ID) == 30


def test_insert_that_loses_a_race_becomes_an_update(
    central: RunningCentral, make_row: Any, make_upload: Any
) -> None:
    # SQLite serialises writers, so play the race directly: the row appears between
    # the existence check and the INSERT.
    request = parse_upload(make_upload("t_phy_vitals", [make_row("t_phy_vitals", 5)]))
    target = resolve_target(request)
    assert not isinstance(target, str)
    table = target.table
    key = sa.and_(table.c.VanSerialNo == 5, table.c.VanID == DEMO_VAN_ID)
    values = {"VanSerialNo": 5, "VanID": DEMO_VAN_ID, "CreatedBy": "nurse1", "PulseRate": 72}
    service = UploadService(central.engine)
    with writing(central.engine) as conn:
        conn.execute(sa.insert(table).values({**values, "PulseRate": 60}))
        service._insert(conn, target, key, values)
    (stored,) = rows_for_van(central.engine, "t_phy_vitals", DEMO_VAN_ID)
    assert stored["PulseRate"] == 72
