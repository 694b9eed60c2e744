"""A laptop upgraded from an earlier release keeps and sends everything it had pending.

``tests/data/mmu-schema-*.db`` are databases as released schemas left them (made by
``tools/make_release_db.py``), with beneficiaries and visits waiting to sync.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from mmu_desktop.context import AppContext
from mmu_desktop.db import id_pool
from mmu_desktop.db.migrate import current_revision, head_revision
from mmu_desktop.db.status import local_status
from mmu_desktop.paths import DataDir
from tests.sync.conftest import Van

RELEASES = sorted((Path(__file__).parents[1] / "data").glob("mmu-schema-*.db"))


def _central_issued_the_ids_of(release: Path, van: Van) -> None:
    """Give central the ID rows that it handed this laptop before the upgrade."""
    old = sa.create_engine(f"sqlite:///{release}")
    with old.connect() as conn:
        issued = conn.execute(
            sa.text("SELECT BenRegId, BeneficiaryID FROM m_beneficiaryregidmapping")
        ).all()
    old.dispose()
    with van.central.engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO m_beneficiaryregidmapping (BenRegId, BeneficiaryID, Provisioned, "
                "Reserved, Deleted, Processed, CreatedDate, CreatedBy, VanID) VALUES "
                "(:r, :b, 0, 1, 0, 'N', '2026-11-01 09:00:00', 'admin-batch', 7)"
            ),
            [{"r": r, "b": b} for r, b in issued],
        )


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.stem)
def test_an_old_database_is_backed_up_migrated_and_synced(release: Path, van: Van) -> None:
    data_dir: DataDir = van.data_dir
    van.ctx.engine.dispose()
    for leftover in data_dir.root.glob("mmu.db*"):
        leftover.unlink()
    shutil.copyfile(release, data_dir.database)
    _central_issued_the_ids_of(release, van)

    upgraded = AppContext.open(data_dir.root)
    van.ctx = upgraded

    assert current_revision(upgraded.engine) == head_revision()
    backups = list(data_dir.backups.glob("mmu-*.db"))
    assert len(backups) == 1 and "from-0001" in backups[0].name
    status = local_status(upgraded.engine)
    assert status["tables"]["i_beneficiarydetails"]["pending"] == 3
    assert status["tables"]["t_phy_vitals"]["pending"] == 3
    with upgraded.engine.connect() as conn:
        assert id_pool.available_count(conn, 7) == 20

    report = van.sync()
    assert report.succeeded, report.summary
    with van.central.engine.connect() as conn:
        names = (
            conn.execute(
                sa.text(
                    "SELECT FirstName FROM i_beneficiarydetails WHERE VanID = 7 ORDER BY FirstName"
                )
            )
            .scalars()
            .all()
        )
        vitals = conn.execute(sa.text("SELECT count(*) FROM t_phy_vitals WHERE VanID = 7")).scalar()
    assert names == ["Kamla", "Suresh", "राधा"]
    assert vitals == 3
    assert local_status(upgraded.engine)["pending_total"] == 0
