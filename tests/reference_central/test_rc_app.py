"""The server as a whole: envelopes for bugs and bad bodies, the fault hook, startup."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests
from flask import Response

from reference_central.app import create_app
from reference_central.db import make_engine
from reference_central.seed import DEMO_USER, count_rows, seed_demo
from reference_central.server import RunningCentral, start_server

MASTER_REQUEST = {
    "schemaName": "db_iemr",
    "tableName": "m_gender",
    "serverColumnName": "GenderID,GenderName",
    "masterType": "A",
    "vanID": 7,
    "providerServiceMapID": 1,
}


class _Faults:
    """A minimal fault switch using every hook once."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def before_call(self, call: str) -> Response | None:
        self.calls.append(call)
        if call == "server-to-van":
            raise RuntimeError("simulated bug")
        return None

    def after_call(self, call: str, response: Response) -> Response:
        if call == "generateBeneficiaryIDs":
            return Response("<html>garbage</html>", status=502)
        return response

    def reject_row(self, table_name: str, row: dict[str, Any]) -> str | None:
        return (
            "INSERT: Record check failed: chosen by test" if row.get("VanSerialNo") == 2 else None
        )


@pytest.fixture
def faulty(tmp_path: Path) -> Any:
    db_url = f"sqlite:///{tmp_path / 'faulty.db'}"
    engine = make_engine(db_url)
    seed_demo(engine)
    engine.dispose()
    faults = _Faults()
    running = start_server(db_url, faults=faults)
    try:
        yield running, faults
    finally:
        running.stop()


def test_fault_hooks_and_unexpected_errors(
    faulty: Any, new_client: Any, make_row: Any, make_upload: Any
) -> None:
    running, faults = faulty
    client = new_client()
    client.central = running
    assert client.login().json()["statusCode"] == 200

    bug = client.download(MASTER_REQUEST)
    assert bug["statusCode"] == 5000
    assert "simulated bug" in bug["errorMessage"]
    assert "Traceback" not in bug["errorMessage"]

    rows = [make_row("t_phy_vitals", n) for n in (1, 2, 3)]
    records = client.upload(make_upload("t_phy_vitals", rows))["data"]["records"]
    assert [r["success"] for r in records] == [True, False, True]
    assert records[1]["reason"] == "INSERT: Record check failed: chosen by test"
    assert count_rows(running.engine, "t_phy_vitals") == 2

    garbage = client.http.post(
        running.common_url + "beneficiary/generateBeneficiaryIDs",
        json={"benIDRequired": 2, "vanID": 7},
        headers={"Authorization": client.key},
        timeout=30,
    )
    assert garbage.status_code == 502
    assert count_rows(running.engine, "m_beneficiaryregidmapping") == 2  # applied anyway
    assert faults.calls[:2] == ["userAuthenticate", "server-to-van"]


def test_bad_bodies_get_error_envelopes(central: RunningCentral, van: Any) -> None:
    url = central.central_url + "dataSync/van-to-server"
    headers = {"Authorization": van.key, "Content-Type": "application/json"}
    for data, encoding in ((b"{not json", None), (b"\x1f\x8b garbage", "gzip"), (b"[]", None)):
        extra = {"Content-Encoding": encoding} if encoding else {}
        response = requests.post(url, data=data, headers={**headers, **extra}, timeout=10)
        assert response.status_code == 200
        envelope = response.json()
        assert envelope["statusCode"] == 5000
        assert envelope["status"] == envelope["errorMessage"]


def test_unknown_path_is_a_plain_404(central: RunningCentral) -> None:
    response = requests.post(central.central_url + "dataSync/nothing-here", json={}, timeout=10)
    assert response.status_code == 404


def test_server_binds_to_loopback_only(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        start_server(f"sqlite:///{tmp_path / 'x.db'}", host="0.0.0.0")


def test_app_factory_creates_missing_tables(tmp_path: Path) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'fresh.db'}")
    engine = app.extensions["reference_central"].engine
    assert count_rows(engine, "t_phy_vitals") == 0
    engine.dispose()


def test_command_line_prints_urls_and_demo_user(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reference_central", "--db", f"sqlite:///{tmp_path / 'cli.db'}",
         "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(3)]
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert "http://127.0.0.1:" in lines[0] and lines[0].rstrip().endswith("/mmuapi-v1.0/")
    assert lines[1].rstrip().endswith("/commonapi-v1.0/")
    assert DEMO_USER in lines[2]
