"""Demo mode: a newcomer gets a central server, a signed-in laptop and IDs at once."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from mmu_desktop.cli import run
from mmu_desktop.db import beneficiaries, id_pool
from mmu_desktop.demo import start_demo
from mmu_desktop.sync.engine import prepare, run_sync
from tests.helpers.people import sunita


def test_demo_is_ready_to_register_and_sync(tmp_path: Path) -> None:
    demo = start_demo(tmp_path / "demo")
    try:
        assert demo.first_sync.succeeded, demo.first_sync.summary
        ctx = demo.ctx
        assert ctx.settings.central_url.startswith("http://127.0.0.1:")
        with ctx.engine.connect() as conn:
            assert id_pool.available_count(conn) >= ctx.settings.id_pool_low_water
            extra = conn.execute(sa.text("SELECT count(*) FROM m_item")).scalar()
        assert extra > 14  # the download brought the drugs the laptop did not ship

        done = beneficiaries.register(ctx.engine, sunita(), ctx.van())
        report = run_sync(prepare(ctx.data_dir, ctx.settings), ctx.engine)
        assert report.succeeded, report.summary
        with demo.central.engine.connect() as conn:
            on_central = (
                conn.execute(
                    sa.text(
                        "SELECT FirstName FROM i_beneficiarydetails WHERE BeneficiaryRegID = :r"
                    ),
                    {"r": done.ben_reg_id},
                )
                .scalars()
                .all()
            )
        assert on_central == ["Sunita"]
    finally:
        demo.stop()


def test_demo_data_dir_works_with_the_command_line(tmp_path: Path) -> None:
    demo = start_demo(tmp_path / "demo")
    try:
        root = str(demo.ctx.data_dir.root)
        assert run(["seed-demo", "--beneficiaries", "3", "--visits", "4", "--data-dir", root]) == 0
        assert run(["sync", "--data-dir", root]) == 0
        assert run(["sync", "--phase", "upload", "--json", "--data-dir", root]) == 0
    finally:
        demo.stop()
