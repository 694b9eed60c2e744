"""Lean rows, gzip advertising, and the batch path answering as row by row would."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.schema import table_specs
from reference_central.db import make_engine
from reference_central.seed import DEMO_VAN_ID, count_rows, rows_for_van, seed_demo
from reference_central.server import RunningCentral, start_server
from tests.reference_central.conftest import VanClient, upload_body, van_row

# Columns that differ between two stored copies of one row sent under two serials.
PER_ROW = {"VanSerialNo", "SyncedDate"}


def lean(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` as the desktop client sends it: plain date keys, no null values."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value is None and key not in ("VanID",):
            continue
        (entry,) = split_column_list(key)
        out[entry.column] = value
    return out


def _stored(central: RunningCentral, table_name: str) -> dict[int, dict[str, Any]]:
    rows = rows_for_van(central.engine, table_name, DEMO_VAN_ID)
    return {int(r["VanSerialNo"]): dict(r) for r in rows}


def _same_apart_from_keys(a: dict[str, Any], b: dict[str, Any], pk: str) -> None:
    ignored = PER_ROW | {pk}
    assert {k: v for k, v in a.items() if k not in ignored} == {
        k: v for k, v in b.items() if k not in ignored
    }


def test_a_lean_row_binds_to_the_same_stored_values_as_the_full_row(
    central: RunningCentral, van: Any
) -> None:
    for table_name, values in (
        ("t_phy_vitals", {"PulseRate": 72, "Temperature": 98.4, "CreatedDate": None}),
        ("i_beneficiarydetails", {"FirstName": "Asha", "DOB": "1990-05-01 00:00:00"}),
    ):
        full = van_row(table_name, 501, **values)
        thin = lean(van_row(table_name, 502, **values))
        assert len(thin) < len(full)
        records = van.upload(upload_body(table_name, [full, thin]))["data"]["records"]
        assert [r["success"] for r in records] == [True, True], records
        stored = _stored(central, table_name)
        pk = table_specs()[table_name].primary_key[0]  # central's own key
        _same_apart_from_keys(stored[501], stored[502], pk)

        # And as updates: a re-send of each form overwrites with the same values.
        records = van.upload(upload_body(table_name, [thin, full]))["data"]["records"]
        assert all(r["success"] for r in records)
        again = _stored(central, table_name)
        _same_apart_from_keys(again[501], again[502], pk)
        assert count_rows(central.engine, table_name, DEMO_VAN_ID) == 2


def test_a_row_twice_in_one_batch_is_stored_once(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    rows = [make_row("t_phy_vitals", 61, PulseRate=70), make_row("t_phy_vitals", 61, PulseRate=75)]
    records = van.upload(make_upload("t_phy_vitals", rows))["data"]["records"]
    assert [r["success"] for r in records] == [True, True]
    stored = rows_for_van(central.engine, "t_phy_vitals", DEMO_VAN_ID)
    assert [(r["VanSerialNo"], r["PulseRate"]) for r in stored] == [(61, 75)]


def test_a_bad_row_among_good_ones_fails_alone_with_its_action(
    central: RunningCentral, van: Any, make_row: Any, make_upload: Any
) -> None:
    van.upload(make_upload("t_phy_vitals", [make_row("t_phy_vitals", 81)]))
    rows = [
        make_row("t_phy_vitals", 80, PulseRate=70),
        make_row("t_phy_vitals", 81, PulseRate="fast"),  # already stored: an update
        make_row("t_phy_vitals", 82, PulseRate="slow"),  # new: an insert
        make_row("t_phy_vitals", 83, PulseRate=71),
    ]
    records = van.upload(make_upload("t_phy_vitals", rows))["data"]["records"]
    assert [r["success"] for r in records] == [True, False, False, True]
    assert records[1]["reason"].startswith("UPDATE: ")
    assert records[2]["reason"].startswith("INSERT: ")
    assert count_rows(central.engine, "t_phy_vitals", DEMO_VAN_ID) == 3


def test_answers_advertise_gzip_request_bodies(central: RunningCentral, van: Any) -> None:
    response = van.http.post(
        central.central_url + "dataSync/van-to-server",
        json=upload_body("t_phy_vitals", []),
        headers={"Authorization": van.key},
        timeout=30,
    )
    assert response.headers.get("Accept-Encoding") == "gzip"


def test_a_plain_only_central_refuses_gzip_with_415_and_does_not_advertise(
    tmp_path: Path,
) -> None:
    db_url = f"sqlite:///{tmp_path / 'plain.db'}"
    engine = make_engine(db_url)
    seed_demo(engine)
    engine.dispose()
    central = start_server(db_url, accept_gzip=False)
    try:
        van = VanClient(central)
        assert van.login().json()["statusCode"] == 200
        body = upload_body("t_phy_vitals", [van_row("t_phy_vitals", 91)])
        url = central.central_url + "dataSync/van-to-server"
        headers = {"Authorization": van.key or "", "Content-Type": "application/json"}
        zipped = van.http.post(
            url,
            data=gzip.compress(json.dumps(body).encode("utf-8")),
            headers={**headers, "Content-Encoding": "gzip"},
            timeout=30,
        )
        assert zipped.status_code == 415
        assert count_rows(central.engine, "t_phy_vitals", DEMO_VAN_ID) == 0
        plain = van.http.post(url, json=body, headers=headers, timeout=30)
        assert plain.json()["data"]["records"][0]["success"] is True
        assert "Accept-Encoding" not in plain.headers
    finally:
        central.stop()


def test_an_upload_answer_goes_gzipped_to_a_van_that_accepts_it(
    central: RunningCentral, van: Any
) -> None:
    rows = [van_row("t_phy_vitals", serial, PulseRate=70) for serial in range(1, 41)]
    response = van.http.post(
        central.central_url + "dataSync/van-to-server",
        json=upload_body("t_phy_vitals", rows),
        headers={"Authorization": van.key, "Accept-Encoding": "gzip"},
        timeout=30,
    )
    assert response.headers.get("Content-Encoding") == "gzip"
    records = response.json()["data"]["records"]  # requests has gunzipped it
    assert len(records) == 40 and all(r["success"] for r in records)
