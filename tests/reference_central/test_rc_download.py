"""``dataSync/server-to-van``: master types, the date watermark, labels and refusals."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.schema import table_specs
from mmu_desktop.db.seed.control import download_column_lists
from reference_central.db import amrit_table
from reference_central.seed import (
    DEMO_FACILITY_ID,
    DEMO_PARKING_PLACE_ID,
    DEMO_PROVIDER_SERVICE_MAP_ID,
    DEMO_VAN_ID,
    EXTRA_DRUGS,
    touch_master,
)
from reference_central.server import RunningCentral

STAMP = "date_format(LastModDate,'%Y-%m-%d %H:%i:%s')"


def _request(table_name: str, master_type: str | None, **overrides: Any) -> dict[str, Any]:
    spec = table_specs()[table_name]
    server_columns, van_columns = download_column_lists(spec)
    body = {
        "downloadMasterTableID": 3,
        "schemaName": spec.schema,
        "tableName": table_name,
        "serverColumnName": server_columns,
        "vanColumnName": van_columns,
        "autoIncColumnName": spec.primary_key[0],
        "masterType": master_type,
        "lastDownloadDate": None,
        "deleted": False,
        "processed": "N",
        "vanID": DEMO_VAN_ID,
        "providerServiceMapID": DEMO_PROVIDER_SERVICE_MAP_ID,
    }
    body.update(overrides)
    return body


def _rows(envelope: dict[str, Any]) -> list[dict[str, Any]]:
    assert envelope["statusCode"] == 200, envelope
    assert envelope["errorMessage"] == "Success"
    rows: list[dict[str, Any]] = envelope["data"]
    return rows


def test_full_download_keys_rows_by_select_labels(van: Any) -> None:
    rows = _rows(van.download(_request("m_gender", "A")))
    assert [r["GenderName"] for r in rows] == ["Male", "Female", "Transgender"]
    spec = table_specs()["m_gender"]
    server_columns, _ = download_column_lists(spec)
    labels = [entry.label for entry in split_column_list(server_columns)]
    assert list(rows[0]) == labels  # keyed by the SELECT labels, in SELECT order
    assert len(rows[0]) == len(spec.columns)  # every column, nulls included
    assert rows[0]["ModifiedBy"] is None
    assert rows[0]["Deleted"] is False
    assert rows[0][STAMP] == "2026-01-01 00:00:00"
    assert rows[0]["date_format(CreatedDate,'%Y-%m-%d %H:%i:%s')"] == "2026-01-01 00:00:00"


def test_select_order_and_plain_dates(van: Any) -> None:
    body = _request("m_gender", "A", serverColumnName=f"GenderName,{STAMP},GenderID,LastModDate")
    first = _rows(van.download(body))[0]
    assert list(first) == ["GenderName", STAMP, "GenderID", "LastModDate"]
    assert first["LastModDate"] == "Jan 1, 2026, 12:00:00 AM"  # Gson's text, unwrapped


def test_master_type_p_filters_by_provider_service_map(van: Any) -> None:
    rows = _rows(van.download(_request("m_item", "P")))
    names = {r["ItemName"] for r in rows}
    assert {name for _, name, *_ in EXTRA_DRUGS} <= names  # central-only drugs arrive
    assert "Paracetamol" in names
    assert _rows(van.download(_request("m_item", "P", providerServiceMapID=2))) == []


def test_master_type_v_filters_by_van(van: Any) -> None:
    (row,) = _rows(van.download(_request("m_van", "V")))
    assert (row["VanID"], row["ParkingPlaceID"], row["FacilityID"]) == (
        DEMO_VAN_ID,
        DEMO_PARKING_PLACE_ID,
        DEMO_FACILITY_ID,
    )
    assert _rows(van.download(_request("m_van", "V", vanID=8))) == []


def test_master_type_null_answers_empty(van: Any) -> None:
    assert _rows(van.download(_request("m_gender", None))) == []


def test_last_download_date_brings_only_changed_rows(central: RunningCentral, van: Any) -> None:
    table = amrit_table("m_item")
    with central.engine.begin() as conn:
        conn.execute(sa.update(table).values(LastModDate=datetime(2026, 1, 1)))
    watermark = datetime.now().replace(microsecond=0)
    touch_master(central.engine, "m_item", 2, ItemName="Amoxicillin 500")

    epoch_ms = int(watermark.timestamp() * 1000)
    for since in (epoch_ms, watermark.isoformat(), watermark.strftime("%Y-%m-%d %H:%M:%S")):
        rows = _rows(van.download(_request("m_item", "P", lastDownloadDate=since)))
        assert [(r["ItemID"], r["ItemName"]) for r in rows] == [(2, "Amoxicillin 500")], since
        assert rows[0][STAMP] >= watermark.strftime("%Y-%m-%d %H:%M:%S")

    later = int((watermark + timedelta(days=1)).timestamp() * 1000)
    assert _rows(van.download(_request("m_item", "P", lastDownloadDate=later))) == []
    everything = _rows(van.download(_request("m_item", "P", lastDownloadDate=None)))
    assert len(everything) > 10


@pytest.mark.parametrize(
    "change",
    [
        {"tableName": "t_phy_vitals"},
        {"tableName": "m_nosuchtable"},
        {"tableName": "m_gender; DROP TABLE m_user"},
        {"serverColumnName": "GenderID,NoSuchColumn"},
        {"serverColumnName": "GenderID,(SELECT Password FROM m_user)"},
        {"serverColumnName": "date_format(GenderName,'%Y')"},
        {"schemaName": "information_schema"},
    ],
)
def test_refused_tables_and_columns(van: Any, change: dict[str, Any]) -> None:
    body = {**_request("m_gender", "A"), **change}
    envelope = van.download(body)
    assert envelope["statusCode"] == 5000
    assert envelope["errorMessage"].startswith("Error in master download for table ")
    assert envelope["data"] is None  # this endpoint keeps null keys


def test_password_columns_are_never_served(van: Any) -> None:
    body = _request("m_user", "A", serverColumnName="UserID,UserName,Password")
    assert van.download(body)["statusCode"] == 5000
    ok = van.download(_request("m_user", "A", serverColumnName="UserID,UserName"))
    assert ok["statusCode"] == 200


def test_bad_watermark_or_missing_filter_value(van: Any) -> None:
    for body in (
        _request("m_item", "P", lastDownloadDate="last tuesday"),
        _request("m_item", "P", providerServiceMapID=None),
        _request("m_van", "V", vanID=None),
    ):
        envelope = van.download(body)
        assert envelope["statusCode"] == 5000
        assert envelope["errorMessage"] == "Invalid request"
