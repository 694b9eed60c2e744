"""Fixtures for the reference central server tests: a seeded server on 127.0.0.1.

Each test gets its own SQLite file and server, a clock it can move forward, and a
small client that speaks the wire contract the way a van would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from mmu_desktop.db.column_list import split_column_list
from mmu_desktop.db.schema import table_specs
from mmu_desktop.db.seed.control import upload_column_lists
from reference_central.crypto import encrypt_password
from reference_central.db import make_engine
from reference_central.seed import DEMO_PASSWORD, DEMO_USER, DEMO_VAN_ID, seed_demo
from reference_central.server import RunningCentral, start_server

TIMEOUT = 30
JAVA_UA = "Java/17.0.10"


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class VanClient:
    """Calls the server as a van does: raw session key in ``Authorization``, JSON bodies."""

    def __init__(self, central: RunningCentral) -> None:
        self.central = central
        self.http = requests.Session()
        self.http.headers["User-Agent"] = JAVA_UA
        self.key: str | None = None

    def login(
        self,
        user: str = DEMO_USER,
        password: str = DEMO_PASSWORD,
        *,
        do_logout: bool = False,
        user_agent: str = JAVA_UA,
    ) -> requests.Response:
        body = {"userName": user, "password": encrypt_password(password), "doLogout": do_logout}
        response = requests.post(
            self.central.common_url + "user/userAuthenticate",
            json=body,
            headers={"User-Agent": user_agent},
            timeout=TIMEOUT,
        )
        envelope = response.json()
        if envelope["statusCode"] == 200:
            self.key = envelope["data"]["key"]
        return response

    def post(self, url: str, body: Any, *, key: str | None = None, **kwargs: Any) -> Any:
        headers = {"Authorization": key if key is not None else self.key or ""}
        headers.update(kwargs.pop("headers", {}))
        response = self.http.post(url, json=body, headers=headers, timeout=TIMEOUT, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()

    def upload(self, body: dict[str, Any], **kwargs: Any) -> Any:
        return self.post(self.central.central_url + "dataSync/van-to-server", body, **kwargs)

    def download(self, body: dict[str, Any], **kwargs: Any) -> Any:
        return self.post(self.central.central_url + "dataSync/server-to-van", body, **kwargs)

    def generate_ids(self, count: Any, van_id: Any = DEMO_VAN_ID, **kwargs: Any) -> Any:
        body = {"benIDRequired": count, "vanID": van_id}
        return self.post(self.central.common_url + "beneficiary/generateBeneficiaryIDs", body)


def van_row(table_name: str, serial: int, **values: Any) -> dict[str, Any]:
    """A row keyed by the van's column labels for ``table_name``, as the van uploads it."""
    spec = table_specs()[table_name]
    van_columns, _ = upload_column_lists(spec)
    row: dict[str, Any] = {}
    for entry in split_column_list(van_columns):
        row[entry.label] = None
    defaults = {
        spec.primary_key[0]: serial,
        "VanSerialNo": serial,
        "VanID": DEMO_VAN_ID,
        "VehicalNo": "UP32 AB 1234",
        "ParkingPlaceID": 3,
        "Deleted": False,
        "Processed": "N",
        "CreatedBy": "nurse1",
        "CreatedDate": "2026-03-01 09:30:00",
    }
    entries = split_column_list(van_columns)
    for name, value in {**defaults, **values}.items():
        matches = [e.label for e in entries if e.column.lower() == name.lower()]
        assert matches or name in defaults, f"{table_name} has no van column {name}"
        if matches:
            row[matches[0]] = value
    return row


def upload_body(table_name: str, rows: list[dict[str, Any]], **overrides: Any) -> dict[str, Any]:
    """An upload request for ``rows`` built from the client's own control rows."""
    spec = table_specs()[table_name]
    _, server_columns = upload_column_lists(spec)
    body = {
        "schemaName": spec.schema,
        "tableName": table_name,
        "vanAutoIncColumnName": spec.primary_key[0],
        "serverColumns": server_columns,
        "syncData": rows,
        "syncedBy": "nurse1",
        "facilityID": 9,
    }
    body.update(overrides)
    return body


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def central(tmp_path: Path, clock: FakeClock) -> Iterator[RunningCentral]:
    db_url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(db_url)
    seed_demo(engine)
    engine.dispose()
    running = start_server(db_url, session_ttl_seconds=600, clock=clock)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def van(central: RunningCentral) -> VanClient:
    """A client already logged in as the demo user."""
    client = VanClient(central)
    assert client.login().json()["statusCode"] == 200
    return client


@pytest.fixture
def make_row() -> Any:
    """``van_row`` as a fixture, for test modules."""
    return van_row


@pytest.fixture
def make_upload() -> Any:
    """``upload_body`` as a fixture, for test modules."""
    return upload_body


@pytest.fixture
def new_client(central: RunningCentral) -> Any:
    """A factory of fresh, not yet logged-in clients for the test's server."""
    return lambda: VanClient(central)
