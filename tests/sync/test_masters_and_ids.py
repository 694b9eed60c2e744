"""Phases 2 and 3 against the reference central: master download and the ID pool."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from mmu_desktop.db import id_pool
from mmu_desktop.db.schema import table
from mmu_desktop.sync.report import Outcome, Phase
from reference_central.seed import touch_master
from tests.helpers.pool import fill_pool
from tests.sync.conftest import Van, garbage


def watermark(van: Van, name: str) -> datetime | None:
    control = table("m_downloadmastertable")
    with van.engine.connect() as conn:
        value: datetime | None = conn.execute(
            sa.select(control.c.LastDownloadDate).where(control.c.TableName == name)
        ).scalar_one()
    return value


def gender_name(van: Van, gender_id: int) -> str:
    gender = table("m_gender")
    with van.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(gender.c.GenderName).where(gender.c.GenderID == gender_id)
            ).scalar_one()
        )


def test_a_master_changed_on_central_arrives_at_the_next_sync_and_not_before(van: Van) -> None:
    first = van.sync(Phase.DOWNLOAD)
    assert first.succeeded, first.summary
    mark = watermark(van, "m_gender")
    assert mark is not None and mark <= datetime.now() - timedelta(minutes=9)
    original = gender_name(van, 1)

    touch_master(van.central.engine, "m_gender", 1, GenderName="Mahila")
    assert gender_name(van, 1) == original

    second = van.sync(Phase.DOWNLOAD)

    assert second.succeeded
    assert gender_name(van, 1) == "Mahila"
    gender_report = next(
        t
        for t in second.phase(Phase.DOWNLOAD).tables  # type: ignore[union-attr]
        if t.table == "m_gender"
    )
    assert gender_report.received >= 1
    # The request carried the watermark as epoch milliseconds.
    sent = [b for c, b in van.central.faults.bodies if c == "server-to-van"]
    gender_bodies = [b for b in sent if b["tableName"] == "m_gender"]
    assert gender_bodies[0]["lastDownloadDate"] is None
    assert isinstance(gender_bodies[-1]["lastDownloadDate"], int)
    assert gender_bodies[-1]["vanID"] == 7 and gender_bodies[-1]["providerServiceMapID"] == 1


def test_soft_deleted_master_rows_are_stored_as_deleted(van: Van) -> None:
    assert van.sync(Phase.DOWNLOAD).succeeded
    touch_master(van.central.engine, "m_gender", 2, Deleted=True)
    assert van.sync(Phase.DOWNLOAD).succeeded
    gender = table("m_gender")
    with van.engine.connect() as conn:
        deleted = conn.execute(
            sa.select(gender.c.Deleted).where(gender.c.GenderID == 2)
        ).scalar_one()
    assert deleted is True


def test_a_failed_table_is_left_untouched_with_its_watermark_and_others_go_on(van: Van) -> None:
    assert van.sync(Phase.DOWNLOAD).succeeded
    old = datetime(2020, 1, 1)
    control = table("m_downloadmastertable")
    with van.engine.begin() as conn:
        conn.execute(sa.update(control).values(LastDownloadDate=old))
    touch_master(van.central.engine, "m_gender", 1, GenderName="Mahila")
    touch_master(van.central.engine, "m_item", 1, ItemName="Changed on central")
    item = table("m_item")
    with van.engine.connect() as conn:
        item_before = conn.execute(sa.select(item.c.ItemName).where(item.c.ItemID == 1)).scalar()

    def break_m_item(call: str, _n: int, response: Any) -> Any:
        if call == "server-to-van" and '"ItemName"' in response.get_data(as_text=True):
            return garbage('{"data": [{"ItemID": 1, "ItemNa')  # cut short
        return response

    van.central.faults.after = break_m_item
    report = van.sync(Phase.DOWNLOAD)

    assert not report.succeeded
    download = report.phase(Phase.DOWNLOAD)
    assert download is not None and download.outcome == Outcome.PARTIAL
    failed = [t.table for t in download.tables if t.outcome == Outcome.FAILED]
    assert failed == ["m_item"]
    assert "could not be fetched: m_item" in report.summary
    with van.engine.connect() as conn:
        item_after = conn.execute(sa.select(item.c.ItemName).where(item.c.ItemID == 1)).scalar()
    assert item_after == item_before
    assert watermark(van, "m_item") == old
    assert gender_name(van, 1) == "Mahila"
    assert watermark(van, "m_gender") > old  # type: ignore[operator]

    van.central.faults.after = None
    assert van.sync(Phase.DOWNLOAD).succeeded
    with van.engine.connect() as conn:
        assert (
            conn.execute(sa.select(item.c.ItemName).where(item.c.ItemID == 1)).scalar()
            == "Changed on central"
        )


def available(van: Van) -> int:
    with van.engine.connect() as conn:
        return id_pool.available_count(conn)


def test_the_pool_fills_to_target_and_tops_up_under_the_low_water_mark(van: Van) -> None:
    first = van.sync(Phase.IDS)
    assert first.succeeded, first.summary
    assert available(van) == 200
    assert "200 new beneficiary IDs stored; 200 in the pool." in first.summary

    again = van.sync(Phase.IDS).phase(Phase.IDS)
    assert again is not None and again.outcome == Outcome.NO_DATA
    pool = table("m_beneficiaryregidmapping")
    with van.engine.begin() as conn:  # use 160 IDs: 40 left, under the mark of 50
        lowest = sa.select(pool.c.BenRegId).order_by(pool.c.BenRegId).limit(160)
        conn.execute(
            sa.update(pool)
            .where(pool.c.BenRegId.in_(lowest.scalar_subquery()))
            .values(Reserved=True)
        )
    assert available(van) == 40

    topped = van.sync(Phase.IDS)

    assert topped.succeeded
    assert available(van) == 200
    assert topped.phase(Phase.IDS).ids_added == 160  # type: ignore[union-attr]
    with van.engine.connect() as conn:
        ids = conn.execute(sa.select(pool.c.BeneficiaryID)).scalars().all()
    assert len(ids) == len(set(ids)) == 360
    assert all(len(str(i)) == 12 for i in ids)


def test_a_batch_repeating_held_ids_is_refused_whole(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    pool = table("m_beneficiaryregidmapping")
    with van.engine.begin() as conn:
        held = conn.execute(sa.select(pool.c.BenRegId, pool.c.BeneficiaryID).limit(1)).one()
        conn.execute(sa.update(pool).values(Reserved=True))
    assert available(van) == 0

    def repeat_one(generated: list[dict[str, Any]]) -> list[dict[str, Any]]:
        generated[-1] = {**generated[-1], "benRegId": str(held.BenRegId)}
        return generated

    van.central.faults.ids = repeat_one
    report = van.sync(Phase.IDS)

    assert not report.succeeded
    assert "already holds" in report.summary
    assert available(van) == 0
    with van.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(pool)).scalar_one() == 200


def test_a_malformed_id_reply_is_refused(van: Van) -> None:
    van.central.faults.ids = lambda generated: [{**g, "beneficiaryId": "12345"} for g in generated]
    report = van.sync(Phase.IDS)
    assert not report.succeeded
    assert "12 digits" in report.summary
    assert available(van) == 0


def test_ids_of_a_former_van_id_do_not_count_as_a_full_pool(van: Van) -> None:
    fill_pool(van.engine, 300, van_id=16)  # fetched before IT changed the laptop's van-id
    report = van.sync(Phase.IDS)
    assert report.succeeded, report.summary
    with van.engine.connect() as conn:
        assert id_pool.available_count(conn, 7) == 200
