"""Issue 3's acceptance run, as a new user types it: config, login, IDs, data, sync."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from mmu_desktop.cli import run
from reference_central import seed as central_seed
from reference_central.server import RunningCentral, start_server

IDENTITY_TABLES = [
    "m_beneficiaryregidmapping",
    "i_beneficiarydetails",
    "i_beneficiaryaddress",
    "i_beneficiarycontacts",
    "i_beneficiarymapping",
]


@pytest.fixture
def fresh_central(tmp_path: Path) -> Iterator[RunningCentral]:
    server = start_server(f"sqlite:///{tmp_path / 'central.db'}")
    central_seed.seed_demo(server.engine)
    yield server
    server.stop()


def _count(central: RunningCentral, sql: str) -> int:
    with central.engine.connect() as conn:
        return int(conn.execute(sa.text(sql)).scalar_one())


def test_a_camp_day_reaches_central_exactly_once(
    tmp_path: Path,
    fresh_central: RunningCentral,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = str(tmp_path / "laptop")
    for key, value in [
        ("central-url", fresh_central.central_url),
        ("common-url", fresh_central.common_url),
        ("van-id", "7"),
        ("parking-place-id", "3"),
        ("provider-service-map-id", "1"),
        ("facility-id", "9"),
        ("vehicle-no", "UP32 AB 1234"),
    ]:
        assert run(["config", "set", key, value, "--data-dir", root]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(central_seed.DEMO_PASSWORD + "\n"))
    assert run(["login", "--user", central_seed.DEMO_USER, "--data-dir", root]) == 0
    assert run(["sync", "--phase", "ids", "--data-dir", root]) == 0
    assert (
        run(
            [
                "seed-demo",
                "--beneficiaries",
                "200",
                "--visits",
                "500",
                "--seed",
                "7",
                "--data-dir",
                root,
            ]
        )
        == 0
    )
    capsys.readouterr()

    assert run(["sync", "--json", "--data-dir", root]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["succeeded"] is True

    for name in IDENTITY_TABLES[1:]:
        assert _count(fresh_central, f"SELECT count(*) FROM {name} WHERE VanID = 7") == 200, name
    # Central made the IDs; the sync marks the 200 that registrations used.
    assert (
        _count(
            fresh_central,
            "SELECT count(*) FROM m_beneficiaryregidmapping WHERE VanID = 7 AND Provisioned = 1",
        )
        == 200
    )
    assert _count(fresh_central, "SELECT count(*) FROM t_benvisitdetail WHERE VanID = 7") == 500
    assert _count(fresh_central, "SELECT count(*) FROM t_phy_vitals WHERE VanID = 7") == 500
    assert _count(fresh_central, "SELECT count(*) FROM i_ben_flow_outreach WHERE vanID = 7") == 500
    assert (
        _count(
            fresh_central,
            "SELECT count(*) FROM t_phy_vitals v JOIN t_benvisitdetail d "
            "ON d.VisitCode = v.VisitCode AND d.VanID = v.VanID",
        )
        == 500
    )
    for name in ("t_benchiefcomplaint", "t_prescribeddrug", "t_prescription"):
        orphans = _count(
            fresh_central,
            f"SELECT count(*) FROM {name} c WHERE NOT EXISTS "
            "(SELECT 1 FROM t_benvisitdetail d WHERE d.VisitCode = c.VisitCode)",
        )
        assert orphans == 0, name
        assert _count(fresh_central, f"SELECT count(*) FROM {name}") > 0, name
    with fresh_central.engine.connect() as conn:
        doubles = conn.execute(
            sa.text(
                "SELECT count(*) FROM (SELECT VanSerialNo FROM t_phy_vitals "
                "GROUP BY VanSerialNo, VanID HAVING count(*) > 1)"
            )
        ).scalar()
    assert doubles == 0

    from mmu_desktop.context import AppContext

    laptop = AppContext.open(root)
    names_sql = "SELECT FirstName || '|' || coalesce(LastName, '') FROM i_beneficiarydetails"
    with laptop.engine.connect() as conn:
        local_names = sorted(conn.execute(sa.text(names_sql)).scalars())
    with fresh_central.engine.connect() as conn:
        central_names = sorted(conn.execute(sa.text(names_sql)).scalars())
    assert central_names == local_names  # Hindi names arrive letter for letter
    assert any("\u0900" <= ch <= "\u097f" for name in central_names for ch in name)

    assert run(["sync", "--json", "--data-dir", root]) == 0
    second = json.loads(capsys.readouterr().out)
    upload = next(p for p in second["phases"] if p["phase"] == "upload")
    assert sum(t["sent"] for t in upload["tables"]) == 0

    assert run(["status", "--json", "--data-dir", root]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending_total"] == 0 and status["failed_total"] == 0
