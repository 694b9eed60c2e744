"""Sign-in, session expiry, the single-flight lock, history, the CLI, and no Qt in the core."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from mmu_desktop import cli
from mmu_desktop.db import sync_history
from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.db.schema import table
from mmu_desktop.keystore import Keystore
from mmu_desktop.sync.auth import LoginFailed, encrypt_password, login
from mmu_desktop.sync.client import AmritClient, SessionExpired
from mmu_desktop.sync.engine import NotReady, prepare, sync_lock
from mmu_desktop.sync.report import Phase
from reference_central import crypto as central_crypto
from reference_central.seed import DEMO_PASSWORD, DEMO_USER
from tests.sync.conftest import Central, Van

ROOT = Path(__file__).resolve().parents[2]


def test_password_encryption_is_what_central_decrypts() -> None:
    text = encrypt_password("पासवर्ड-1")
    assert len(text) > 96 and all(c in "0123456789abcdef" for c in text[:96])
    assert central_crypto.decrypt_password(text) == "पासवर्ड-1"
    assert encrypt_password("x") != encrypt_password("x")  # fresh salt and IV


def test_login_gets_a_key_and_a_concurrent_session_is_closed(central: Central) -> None:
    url = central.server.common_url
    first = login(url, DEMO_USER, DEMO_PASSWORD)
    assert first.credentials.key and first.credentials.jwt and first.has_mmu_privilege
    assert not first.logged_out_other_session

    second = login(url, DEMO_USER, DEMO_PASSWORD, end_other_session=True)

    assert second.logged_out_other_session
    assert second.credentials.key != first.credentials.key
    old = AmritClient(central.server.central_url, url, first.credentials)
    with pytest.raises(SessionExpired):
        old.download_master({"tableName": "m_gender"})
    with pytest.raises(LoginFailed, match="Invalid username or password"):
        login(url, DEMO_USER, "wrong")


def test_session_expiry_stops_the_run_and_the_next_run_finishes(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 10, 10, seed=31)

    def expire_on_third_upload(call: str, n: int) -> None:
        if call == "van-to-server" and n == 3:
            van.central.clock.now += 7200
        return None

    van.central.faults.before = expire_on_third_upload
    report = van.sync()

    assert not report.succeeded and report.needs_sign_in
    assert report.summary.startswith("Your sign-in to the central server has expired")
    assert [p.outcome for p in report.phases] == ["stopped", "stopped", "stopped"]
    # Batches before the expiry went through; the table it hit did not.
    assert van.central.count("i_beneficiarydetails") == 10
    assert van.central.count("i_beneficiaryaddress") == 0

    van.central.faults.before = None
    van.sign_in()
    again = van.sync()

    assert again.succeeded, again.summary
    assert van.central.count("i_beneficiarydetails") == 10
    assert van.central.count("i_beneficiaryaddress") == 10
    assert van.central.count("t_benvisitdetail") == 10
    last = sync_history.last_success(van.engine)
    assert last["upload"] is not None and last["ids"] is not None
    runs = sync_history.recent_runs(van.engine)
    assert runs[0].succeeded and not runs[1].succeeded and runs[1].needs_sign_in


def test_last_success_moves_only_when_the_phase_fully_succeeded(van: Van) -> None:
    van.central.faults.ids = lambda generated: []
    report = van.sync(Phase.IDS)
    assert not report.succeeded
    assert sync_history.last_success(van.engine)["ids"] is None
    stored = sync_history.run_report(van.engine, report.run_id or 0)
    assert stored is not None and stored["phases"][0]["outcome"] == "failed"
    van.central.faults.ids = None
    assert van.sync(Phase.IDS).succeeded
    assert sync_history.last_success(van.engine)["ids"] is not None


def test_prepare_says_what_a_person_must_do(van: Van) -> None:
    Keystore(van.data_dir.root).clear()
    plan = prepare(van.data_dir, van.ctx.reload_settings())
    assert isinstance(plan, NotReady) and plan.needs_sign_in
    assert "Sign in" in plan.reason
    settings = van.ctx.settings
    settings.central_url = ""
    settings.van_id = None
    plan = prepare(van.data_dir, settings, [Phase.UPLOAD])
    assert isinstance(plan, NotReady) and "central-url, van-id" in plan.reason


def test_only_one_sync_runs_per_data_dir(van: Van) -> None:
    with sync_lock(van.data_dir.sync_lock):
        report = van.sync(Phase.IDS)
    assert not report.succeeded
    assert "Another sync is already running" in report.summary

    # Another process holding the lock blocks us; once it is killed the lock is free.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            "from mmu_desktop.sync.engine import sync_lock\n"
            "with sync_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True); time.sleep(60)",
            str(van.data_dir.sync_lock),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert "Another sync" in van.sync(Phase.IDS).summary
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    assert van.sync(Phase.IDS).succeeded


def test_a_cancelled_run_stops_between_batches(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 30, 0, seed=37)
    cancel = threading.Event()

    def on_progress(event: object) -> None:
        if getattr(event, "kind", "") == "batch_done":
            cancel.set()

    report = van.sync(Phase.UPLOAD, progress=on_progress, cancel=cancel)

    assert report.cancelled and not report.succeeded
    assert report.phases[0].outcome == "cancelled"
    assert 0 < report.phases[0].totals()["sent"] < 30 * 4


def test_core_imports_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import mmu_desktop.sync.engine, mmu_desktop.sync.upload, mmu_desktop.sync.masters\n"
        "import mmu_desktop.sync.beneficiary_ids, mmu_desktop.sync.auth, mmu_desktop.cli_sync\n"
        "import mmu_desktop.db.sync_history, mmu_desktop.db.beneficiaries, mmu_desktop.keystore\n"
        "assert not any(m.startswith('PySide6.') for m in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def run_cli(
    args: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str]:
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with redirect_stdout(out):
        code = cli.run(args)
    return code, out.getvalue()


def test_cli_login_sync_json_and_exit_codes(van: Van, monkeypatch: pytest.MonkeyPatch) -> None:
    root = str(van.data_dir.root)
    Keystore(van.data_dir.root).clear()
    code, _ = run_cli(["sync", "--data-dir", root, "--json"], monkeypatch=monkeypatch)
    assert code == 1  # a missing sign-in is a failed run; 2 is kept for usage errors

    code, out = run_cli(
        ["login", "--data-dir", root, "--user", DEMO_USER, "--end-other-session"],
        DEMO_PASSWORD + "\n",
        monkeypatch,
    )
    assert code == 0 and "Signed in as mmu-demo" in out
    assert DEMO_PASSWORD not in out

    code, out = run_cli(["sync", "--data-dir", root, "--phase", "ids", "--json"])
    assert code == 0
    report = json.loads(out)
    assert report["succeeded"] and report["phases"][0]["ids_after"] == 200

    seed_demo(van.engine, van.ctx.van(), 3, 2, seed=41)
    van.central.faults.reject = lambda name, row: (
        "Required field: VisitCode" if name == "t_benvisitdetail" else None
    )
    code, out = run_cli(["sync", "--data-dir", root, "--json"])
    assert code == 1
    report = json.loads(out)
    assert not report["succeeded"]
    upload = report["phases"][0]
    assert upload["totals"]["rejected"] == 2
    visits = next(t for t in upload["tables"] if t["table"] == "t_benvisitdetail")
    assert visits["rejections"][0]["reason"] == "Required field: VisitCode"


def test_cli_key_set_stores_the_key(van: Van, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run_cli(
        ["key", "set", "--data-dir", str(van.data_dir.root)], "abc123key\n", monkeypatch
    )
    assert code == 0 and "abc123key" not in out
    credentials = Keystore(van.data_dir.root).load()
    assert credentials is not None and credentials.key == "abc123key"
    assert credentials.jwt is None


def test_visits_wait_for_their_beneficiary_across_runs(van: Van) -> None:
    van.sync(Phase.IDS)
    seed_demo(van.engine, van.ctx.van(), 2, 4, seed=43)
    van.central.faults.reject = lambda name, row: (
        "Duplicate key: PRIMARY" if name == "i_beneficiarymapping" else None
    )
    report = van.sync(Phase.UPLOAD)
    upload = report.phase(Phase.UPLOAD)
    assert upload is not None
    visits = next(t for t in upload.tables if t.table == "t_benvisitdetail")
    vitals = next(t for t in upload.tables if t.table == "t_phy_vitals")
    assert visits.sent == 0 and visits.waiting == 4
    assert vitals.waiting == 4
    assert van.central.count("t_benvisitdetail") == 0
    assert "waiting for their parent record" in report.summary
    tbl = table("t_benvisitdetail")
    with van.engine.connect() as conn:
        assert set(conn.execute(sa.select(tbl.c.Processed)).scalars()) == {"N"}
