"""The command line as IT uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from mmu_desktop.cli import run
from mmu_desktop.context import AppContext
from mmu_desktop.paths import DataDir
from tests.helpers.pool import fill_pool


def test_config_set_and_show(data_dir: DataDir, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(data_dir.root)
    assert (
        run(
            [
                "config",
                "set",
                "central-url",
                "http://127.0.0.1:8080/mmuapi-v1.0",
                "--data-dir",
                root,
            ]
        )
        == 0
    )
    assert run(["--data-dir", root, "config", "set", "van-id", "7"]) == 0
    capsys.readouterr()
    assert run(["config", "show", "--data-dir", root]) == 0
    shown = capsys.readouterr().out
    assert "central-url = http://127.0.0.1:8080/mmuapi-v1.0/" in shown
    assert "van-id = 7" in shown
    assert data_dir.settings_file.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("van-id", "seven", "whole number"),
        ("central-url", "example", "http"),
        ("van-id", "123456", "out of range"),
        ("session-id", "5", "morning"),
    ],
)
def test_config_refuses_bad_values(
    data_dir: DataDir, capsys: pytest.CaptureFixture[str], key: str, value: str, words: str
) -> None:
    assert run(["config", "set", key, value, "--data-dir", str(data_dir.root)]) == 2
    assert words in capsys.readouterr().err


def test_seed_demo_fills_a_camp_day(
    configured_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(configured_dir.root)
    ctx = AppContext.open(root)
    fill_pool(ctx.engine, 250)

    assert (
        run(
            [
                "seed-demo",
                "--beneficiaries",
                "200",
                "--visits",
                "500",
                "--seed",
                "4",
                "--data-dir",
                root,
            ]
        )
        == 0
    )
    assert "made 200 beneficiaries and 500 visits" in capsys.readouterr().out

    with ctx.engine.connect() as conn:
        linked = conn.execute(
            sa.text(
                "SELECT count(*) FROM i_beneficiarymapping m "
                "JOIN i_beneficiarydetails d ON d.BeneficiaryDetailsId = m.BenDetailsId "
                "JOIN i_beneficiaryaddress a ON a.BenAddressID = m.BenAddressId "
                "JOIN i_beneficiarycontacts c ON c.BenContactsID = m.BenContactsId "
                "JOIN m_beneficiaryregidmapping r ON r.BenRegId = m.BenRegId "
                "WHERE d.BeneficiaryRegID = m.BenRegId AND r.Provisioned = 1"
            )
        ).scalar()
        assert linked == 200
        assert (
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM t_benvisitdetail v JOIN t_phy_vitals p "
                    "ON p.BenVisitID = v.BenVisitID"
                )
            ).scalar()
            == 500
        )
        hindi = conn.execute(
            sa.text("SELECT count(*) FROM i_beneficiarydetails WHERE FirstName GLOB '*[ऀ-ॿ]*'")
        ).scalar()
        assert 0 < hindi < 200
        for name in (
            "i_beneficiarydetails",
            "t_benvisitdetail",
            "t_phy_vitals",
            "t_prescribeddrug",
            "i_ben_flow_outreach",
        ):
            bad = conn.execute(
                sa.text(
                    f"SELECT count(*) FROM {name} WHERE VanSerialNo IS NULL OR "
                    f"VanID IS NOT 7 OR Processed <> 'N'"
                )
            ).scalar()
            assert bad == 0, name

    assert run(["status", "--json", "--data-dir", root]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["id_pool"] == {"available": 50, "used": 200}
    assert report["tables"]["i_beneficiarydetails"]["pending"] == 200
    assert report["tables"]["t_benvisitdetail"]["pending"] == 500
    assert report["tables"]["m_beneficiaryregidmapping"]["pending"] == 200
    assert report["pending_total"] > 3000


def test_seed_demo_with_an_empty_pool_says_what_to_do(
    configured_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(
        [
            "seed-demo",
            "--beneficiaries",
            "5",
            "--visits",
            "5",
            "--data-dir",
            str(configured_dir.root),
        ]
    )
    assert code == 1
    assert "sync" in capsys.readouterr().err.lower()


def test_seed_demo_needs_the_van_set_up(
    data_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(
        ["seed-demo", "--beneficiaries", "1", "--visits", "0", "--data-dir", str(data_dir.root)]
    )
    assert code == 1
    assert "van-id" in capsys.readouterr().err


def test_a_damaged_settings_file_gets_a_sentence_and_can_be_repaired(
    data_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(data_dir.root)
    data_dir.settings_file.write_text('{"van_id": 7, ', encoding="utf-8")
    assert run(["status", "--data-dir", root]) == 1
    err = capsys.readouterr().err
    assert "settings file" in err and "Traceback" not in err
    assert run(["config", "set", "van-id", "8", "--data-dir", root]) == 0
    assert "kept as settings.damaged-" in capsys.readouterr().err
    assert run(["config", "show", "--data-dir", root]) == 0
    assert "van-id = 8" in capsys.readouterr().out


def test_wrong_kinds_in_the_settings_file_are_refused(
    data_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.settings_file.write_text('{"van_id": "abc"}', encoding="utf-8")
    assert run(["status", "--data-dir", str(data_dir.root)]) == 1
    assert "van-id must be a whole number" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("central-url", "http://"),
        ("central-url", "http://exa mple/"),
        ("van-id", "0"),
        ("parking-place-id", "99999999999999999999"),
        ("vehicle-no", "X" * 31),
        ("id-pool-target", "0"),
        ("id-pool-low-water", "10000"),
    ],
)
def test_values_central_cannot_use_are_refused(data_dir: DataDir, key: str, value: str) -> None:
    assert run(["config", "set", key, value, "--data-dir", str(data_dir.root)]) == 2


def test_config_echoes_what_was_stored(
    data_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["config", "set", "van-id", " 7 ", "--data-dir", str(data_dir.root)]) == 0
    out = capsys.readouterr()
    assert out.out.strip() == "van-id = 7"
    assert "van-id of its own" in out.err


def test_a_locked_database_gets_a_sentence(
    ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    fill_pool(ctx.engine, 2)
    root = str(ctx.data_dir.root)
    holder = sqlite3.connect(ctx.data_dir.database, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another program is in the middle of a save
    try:
        assert run(["status", "--data-dir", root]) == 0  # reading never waits
        code = run(["seed-demo", "--beneficiaries", "1", "--visits", "0", "--data-dir", root])
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == 1
    assert "database is busy" in err and "Traceback" not in err
    assert run(["seed-demo", "--beneficiaries", "1", "--visits", "0", "--data-dir", root]) == 0


def test_an_existing_shared_folder_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    assert run(["config", "show", "--data-dir", str(shared)]) == 0
    assert shared.stat().st_mode & 0o7777 == 0o1777


def test_the_window_without_a_screen_says_so(
    data_dir: DataDir, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert run(["--data-dir", str(data_dir.root)]) == 1
    assert "no screen" in capsys.readouterr().err
