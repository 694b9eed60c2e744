"""The sync commands as IT types them, against the reference central over real HTTP."""

from __future__ import annotations

import io
import json
import socket
import sys
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from keyring.backends import fail

from mmu_desktop import cli
from mmu_desktop import settings as settings_store
from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import table
from mmu_desktop.keystore import Keystore
from mmu_desktop.sync.auth import AlreadySignedIn, login
from mmu_desktop.sync.report import Phase
from reference_central.seed import DEMO_PASSWORD, DEMO_USER
from tests.helpers.memory_keyring import use_keyring
from tests.sync.conftest import Van


def run_cli(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = cli.run(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def no_keyring() -> Iterator[None]:
    with use_keyring(fail.Keyring()):
        yield


def test_login_makes_the_user_setting_the_signed_in_name(
    van: Van, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = str(van.data_dir.root)
    assert settings_store.load(van.data_dir).user == "nurse.asha"

    code, out, err = run_cli(
        ["login", "--data-dir", root, "--user", DEMO_USER, "--end-other-session"],
        capsys,
        monkeypatch,
        DEMO_PASSWORD + "\n",
    )

    assert code == 0 and f"Signed in as {DEMO_USER}" in out
    assert settings_store.load(van.data_dir).user == DEMO_USER
    assert f"changed from nurse.asha to {DEMO_USER}" in err
    assert DEMO_PASSWORD not in out + err


def test_login_does_not_end_another_session_unless_asked(
    van: Van, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = str(van.data_dir.root)
    with pytest.raises(AlreadySignedIn):
        login(van.ctx.settings.common_url, DEMO_USER, DEMO_PASSWORD)

    code, _out, err = run_cli(
        ["login", "--data-dir", root, "--user", DEMO_USER], capsys, monkeypatch, DEMO_PASSWORD
    )

    assert code == 1
    assert "already signed in elsewhere" in err and "--end-other-session" in err
    assert van.sync(Phase.IDS).succeeded  # the other (the van's own) session still works

    code, _out, err = run_cli(
        ["login", "--data-dir", root, "--user", DEMO_USER, "--end-other-session"],
        capsys,
        monkeypatch,
        DEMO_PASSWORD,
    )
    assert code == 0 and "other session on the central server was closed" in err


def test_sync_without_a_keyring_signs_in_and_syncs_in_one_process(
    van: Van,
    no_keyring: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    root = str(van.data_dir.root)
    Keystore(van.data_dir.root).clear()
    code, _out, err = run_cli(
        ["login", "--data-dir", root, "--user", DEMO_USER, "--end-other-session"],
        capsys,
        monkeypatch,
        DEMO_PASSWORD,
    )
    assert code == 0
    assert "WARNING" not in err and "no password keyring" in err
    Keystore(van.data_dir.root).clear()  # a later process holds no key

    code, _out, err = run_cli(["sync", "--data-dir", root, "--phase", "ids"], capsys, monkeypatch)

    assert code == 1  # the run failed; 2 is for usage errors
    assert "no password keyring" in err and "--user NAME --password-stdin" in err

    code, _out, err = run_cli(
        [
            "sync",
            "--data-dir",
            root,
            "--phase",
            "ids",
            "--user",
            DEMO_USER,
            "--password-stdin",
            "--end-other-session",  # the login above left a session on central
        ],
        capsys,
        monkeypatch,
        DEMO_PASSWORD + "\n",
    )
    assert code == 0, err
    assert Keystore(van.data_dir.root).load() is None  # kept in memory only
    assert DEMO_PASSWORD not in err

    code, _out, err = run_cli(
        ["sync", "--data-dir", root, "--password-stdin"], capsys, monkeypatch, DEMO_PASSWORD
    )
    assert code == 2


def test_rejected_lists_rows_and_retry_rejected_sends_them_again(
    van: Van, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = str(van.data_dir.root)
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 3, 0, seed=71)
    details = table("i_beneficiarydetails")
    with van.engine.connect() as conn:
        bad, first_name = conn.execute(
            sa.select(details.c.BeneficiaryDetailsId, details.c.FirstName).order_by(
                details.c.BeneficiaryDetailsId
            )
        ).first()  # type: ignore[misc]
    van.central.faults.reject = lambda name, row: (
        "Data too long: FirstName"
        if name == "i_beneficiarydetails" and row["BeneficiaryDetailsId"] == bad
        else None
    )
    assert not van.sync(Phase.UPLOAD).succeeded

    code, out, _err = run_cli(["rejected", "--data-dir", root, "--json"], capsys, monkeypatch)

    assert code == 0
    assert json.loads(out) == [
        {"table": "i_beneficiarydetails", "serial": str(bad), "reason": "Data too long: FirstName"}
    ]
    code, out, _err = run_cli(["rejected", "--data-dir", root], capsys, monkeypatch)
    assert code == 0 and "i_beneficiarydetails (1):" in out and first_name not in out
    assert "--retry-rejected" in out

    van.central.faults.reject = None
    code, _out, err = run_cli(
        ["sync", "--data-dir", root, "--phase", "upload"], capsys, monkeypatch
    )
    assert code == 1  # not sent again by itself
    code, _out, err = run_cli(
        ["sync", "--data-dir", root, "--phase", "upload", "--retry-rejected"], capsys, monkeypatch
    )
    assert code == 0, err
    assert "1 refused records will be sent again" in err
    assert van.central.count("i_beneficiarydetails") == 3
    code, out, _err = run_cli(["rejected", "--data-dir", root], capsys, monkeypatch)
    assert "No records need attention" in out


def test_sync_prints_why_it_failed_on_stderr(
    van: Van, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = str(van.data_dir.root)
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 2, 0, seed=73)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    van.set(central_url=f"http://127.0.0.1:{port}/mmuapi/")

    code, out, err = run_cli(
        ["sync", "--data-dir", root, "--phase", "upload", "--phase", "download"],
        capsys,
        monkeypatch,
    )

    assert code == 1 and out == ""
    assert f"Could not reach the central server at http://127.0.0.1:{port}" in err
    assert "nothing was lost" in err
    assert "error:" in err  # the report's errors, not only the summary
