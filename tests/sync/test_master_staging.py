"""A big master table: staged in chunks off the write lock, then merged whole or not at all."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Response

from mmu_desktop.db import beneficiaries
from mmu_desktop.db.schema import table
from mmu_desktop.sync import masters
from mmu_desktop.sync.report import Outcome, Phase, RunReport, TableReport
from reference_central.db import amrit_table, writing
from reference_central.seed import touch_master
from tests.helpers.people import sunita
from tests.helpers.pool import fill_pool
from tests.sync.conftest import Van, envelope

VILLAGES = "m_districtbranchmapping"
FIRST = 5_001
COUNT = 600
CHUNK = 40  # 15 chunks for the 600 villages


def add_villages(van: Van, count: int = COUNT) -> None:
    """``count`` made-up villages on central, last changed two days ago."""
    stamp = datetime.now().replace(microsecond=0) - timedelta(days=2)
    rows = [
        {
            "DistrictBranchID": FIRST + i,
            "BlockID": 1 + i % 2,
            "VillageName": f"रामपुर {i}",
            "PanchayatName": "रामपुर पंचायत",
            "PinCode": f"261{i % 1000:03d}",
            "Isrural": True,
            "Deleted": i % 50 == 0,
            "Processed": "N",
            "CreatedBy": "state-admin",
            "CreatedDate": stamp,
            "LastModDate": stamp,
            "latitude": 27.0 + i / 10_000,
        }
        for i in range(count)
    ]
    with writing(van.central.engine) as conn:
        conn.execute(sa.insert(amrit_table(VILLAGES)), rows)


def local_villages(van: Van) -> dict[int, tuple[str, bool]]:
    """The laptop's added villages: id -> (name, deleted)."""
    villages = table(VILLAGES)
    with van.engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                villages.c.DistrictBranchID, villages.c.VillageName, villages.c.Deleted
            ).where(villages.c.DistrictBranchID >= FIRST)
        ).all()
    return {int(r[0]): (str(r[1]), bool(r[2])) for r in rows}


def village_report(report: RunReport) -> TableReport:
    download = report.phase(Phase.DOWNLOAD)
    assert download is not None
    return next(t for t in download.tables if t.table == VILLAGES)


def set_watermark(van: Van, name: str, value: datetime | None) -> None:
    control = table("m_downloadmastertable")
    with van.engine.begin() as conn:
        conn.execute(
            sa.update(control).where(control.c.TableName == name).values(LastDownloadDate=value)
        )


def watermark(van: Van, name: str) -> datetime | None:
    control = table("m_downloadmastertable")
    with van.engine.connect() as conn:
        value: datetime | None = conn.execute(
            sa.select(control.c.LastDownloadDate).where(control.c.TableName == name)
        ).scalar_one()
    return value


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(masters, "STAGE_CHUNK", CHUNK)


@pytest.mark.usefixtures("small_chunks")
def test_a_table_of_many_chunks_arrives_whole_with_its_soft_deletes(van: Van) -> None:
    add_villages(van)

    report = van.sync(Phase.DOWNLOAD)

    assert report.succeeded, report.summary
    stored = local_villages(van)
    assert len(stored) == COUNT
    assert stored[FIRST + 7] == ("रामपुर 7", False)
    assert stored[FIRST + 50] == ("रामपुर 50", True)  # soft-deleted on central
    assert sum(deleted for _, deleted in stored.values()) == COUNT // 50
    assert village_report(report).changed >= COUNT


@pytest.mark.usefixtures("small_chunks")
def test_a_table_sent_again_unchanged_writes_only_the_changed_row(van: Van) -> None:
    add_villages(van)
    assert van.sync(Phase.DOWNLOAD).succeeded
    set_watermark(van, VILLAGES, None)  # central sends the whole table again
    touch_master(van.central.engine, VILLAGES, FIRST + 3, VillageName="नया गाँव")

    report = van.sync(Phase.DOWNLOAD)

    assert report.succeeded, report.summary
    villages = village_report(report)
    assert villages.received >= COUNT
    assert villages.changed == 1
    assert local_villages(van)[FIRST + 3] == ("नया गाँव", False)


@pytest.mark.usefixtures("small_chunks")
def test_a_bad_row_in_the_last_chunk_leaves_the_table_and_watermark_untouched(van: Van) -> None:
    add_villages(van)
    assert van.sync(Phase.DOWNLOAD).succeeded
    old = datetime(2020, 1, 1)
    set_watermark(van, VILLAGES, old)
    touch_master(van.central.engine, VILLAGES, FIRST + 1, VillageName="नया गाँव")
    before = local_villages(van)

    def spoil_last_village(call: str, _n: int, response: Response) -> Response:
        body = json.loads(response.get_data(as_text=True))
        rows = body.get("data") or []
        if call != "server-to-van" or not rows or "VillageName" not in rows[0]:
            return response
        rows[-1]["DistrictBranchID"] = "not a number"
        return envelope(rows)

    van.central.faults.after = spoil_last_village
    report = van.sync(Phase.DOWNLOAD)

    assert village_report(report).outcome == Outcome.FAILED
    assert "not a whole number" in " ".join(village_report(report).errors)
    assert local_villages(van) == before  # the first rows, staged before, were not applied
    assert watermark(van, VILLAGES) == old
    download = report.phase(Phase.DOWNLOAD)
    assert download is not None
    assert [t.table for t in download.tables if t.outcome == Outcome.FAILED] == [VILLAGES]

    van.central.faults.after = None
    assert van.sync(Phase.DOWNLOAD).succeeded
    assert local_villages(van)[FIRST + 1] == ("नया गाँव", False)
    assert watermark(van, VILLAGES) > old  # type: ignore[operator]


@pytest.mark.usefixtures("small_chunks")
def test_a_registration_saves_while_a_big_table_is_being_staged(
    van: Van, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_villages(van)
    fill_pool(van.engine, 5)
    saved: list[Any] = []
    convert = masters.convert_row

    def convert_and_save_once(target: Any, number: int, row: Any) -> dict[str, Any]:
        # Half-way through the villages, earlier chunks already staged: a nurse saves.
        if target.spec.name == VILLAGES and number == COUNT // 2:
            saved.append(beneficiaries.register(van.engine, sunita(), van.ctx.van()))
        return convert(target, number, row)

    monkeypatch.setattr(masters, "convert_row", convert_and_save_once)
    report = van.sync(Phase.DOWNLOAD)

    assert report.succeeded, report.summary
    assert len(saved) == 1
    details = table("i_beneficiarydetails")
    with van.engine.connect() as conn:
        names = conn.execute(
            sa.select(details.c.FirstName).where(details.c.BeneficiaryRegID == saved[0].ben_reg_id)
        ).scalars()
        assert list(names) == ["Sunita"]
    assert len(local_villages(van)) == COUNT
