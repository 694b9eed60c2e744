"""The clock check, and a wrong laptop clock never making the master download skip a change.

The laptop clock is moved through ``RunOptions.clock``; central's clock is the real one,
read by the client from each answer's HTTP ``Date`` header.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mmu_desktop.db.schema import metadata
from mmu_desktop.sync.engine import clock_warning, prepare, run_sync
from mmu_desktop.sync.report import Phase, RunReport
from reference_central.seed import touch_master
from tests.sync.conftest import FAST, Van

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def sync_with_clock(van: Van, offset: timedelta, *phases: Phase) -> RunReport:
    options = replace(FAST, clock=lambda: datetime.now(UTC) + offset)
    plan = prepare(van.data_dir, van.ctx.reload_settings(), list(phases) or None)
    return run_sync(plan, van.engine, options=options)


@pytest.mark.parametrize(
    ("offset", "words"),
    [
        (timedelta(minutes=6), "about 6 minutes ahead of"),
        (timedelta(minutes=-47), "about 47 minutes behind"),
        (timedelta(hours=-5, minutes=-30), "about 330 minutes behind"),
    ],
)
def test_a_laptop_clock_off_by_more_than_five_minutes_is_named(
    offset: timedelta, words: str
) -> None:
    warning = clock_warning(NOW + offset, NOW, None)

    assert words in warning and "Set the laptop's date and time" in warning


def test_a_clock_within_five_minutes_is_not_warned_about() -> None:
    assert clock_warning(NOW + timedelta(minutes=4), NOW, None) == ""
    assert clock_warning(NOW - timedelta(minutes=4, seconds=59), NOW, None) == ""


def test_records_dated_after_the_laptop_clock_are_warned_about_offline_too() -> None:
    local_now = NOW.astimezone().replace(tzinfo=None)

    late = clock_warning(NOW, None, local_now + timedelta(hours=3))
    fine = clock_warning(NOW, None, local_now + timedelta(minutes=2))

    assert "dated as late as" in late and "Check the laptop's date and time" in late
    assert fine == ""


def test_a_run_with_a_fast_laptop_clock_says_so_in_summary_and_errors(van: Van) -> None:
    right = sync_with_clock(van, timedelta(0), Phase.DOWNLOAD)
    wrong = sync_with_clock(van, timedelta(hours=2), Phase.DOWNLOAD)

    assert right.succeeded and right.clock_warning == ""
    assert "about 120 minutes ahead of" in wrong.clock_warning
    assert wrong.clock_warning in wrong.summary
    assert wrong.to_dict()["errors"] == [wrong.clock_warning]


def master_value(van: Van, key: int) -> str:
    village = metadata.tables["m_districtbranchmapping"]
    with van.engine.connect() as conn:
        return str(
            conn.execute(
                sa.select(village.c.VillageName).where(village.c.DistrictBranchID == key)
            ).scalar_one()
        )


def watermarks(van: Van) -> list[datetime]:
    control = metadata.tables["m_downloadmastertable"]
    with van.engine.connect() as conn:
        return [d for d in conn.execute(sa.select(control.c.LastDownloadDate)).scalars() if d]


@pytest.mark.parametrize("offset", [timedelta(hours=3), timedelta(hours=-3), timedelta(days=400)])
def test_a_wrong_laptop_clock_never_makes_the_download_skip_a_change(
    van: Van, offset: timedelta
) -> None:
    assert sync_with_clock(van, offset, Phase.DOWNLOAD).succeeded
    # The watermark follows central's clock when the laptop's runs fast.
    real_now = datetime.now()
    assert watermarks(van) and max(watermarks(van)) <= real_now
    village = metadata.tables["m_districtbranchmapping"]
    with van.engine.connect() as conn:
        key = int(conn.execute(sa.select(sa.func.min(village.c.DistrictBranchID))).scalar_one())
    touch_master(van.central.engine, "m_districtbranchmapping", key, VillageName="Naya Gaon")

    report = sync_with_clock(van, offset, Phase.DOWNLOAD)

    assert report.succeeded
    assert master_value(van, key) == "Naya Gaon"
    assert report.clock_warning  # and the person is told to fix the clock
