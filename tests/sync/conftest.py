"""Fixtures for sync tests: a reference central on 127.0.0.1 and a signed-in van."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Response, g, request

from mmu_desktop import settings as settings_store
from mmu_desktop.context import AppContext
from mmu_desktop.keystore import Keystore
from mmu_desktop.paths import DataDir
from mmu_desktop.sync.auth import login
from mmu_desktop.sync.client import RetryPolicy, Timeouts
from mmu_desktop.sync.engine import RunOptions, prepare, run_sync
from mmu_desktop.sync.report import Phase, RunReport
from reference_central import seed as central_seed
from reference_central.server import RunningCentral, start_server

FAST = RunOptions(
    timeouts=Timeouts(connect=2, read=10, upload_read=10),
    retry=RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, budget=5),
)


@dataclass
class Faults:
    """A test-only fault switch for the reference central (see reference_central.faults)."""

    bodies: list[tuple[str, Any]] = field(default_factory=list)
    before: Callable[[str, int], Response | None] | None = None
    after: Callable[[str, int, Response], Response] | None = None
    reject: Callable[[str, dict[str, Any]], str | None] | None = None
    ids: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None
    calls: dict[str, int] = field(default_factory=dict)
    encodings: list[tuple[str, str]] = field(default_factory=list)  # Content-Encoding per call
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def before_call(self, call: str) -> Response | None:
        with self._lock:  # requests may be in flight at the same time
            self.calls[call] = self.calls.get(call, 0) + 1
            g.fault_call_number = self.calls[call]  # this request's own number
        self.encodings.append((call, request.headers.get("Content-Encoding", "")))
        self.bodies.append((call, _json_body()))
        return self.before(call, g.fault_call_number) if self.before else None

    def after_call(self, call: str, response: Response) -> Response:
        number = g.get("fault_call_number", self.calls.get(call, 0))
        return self.after(call, number, response) if self.after else response

    def reject_row(self, table_name: str, row: dict[str, Any]) -> str | None:
        return self.reject(table_name, row) if self.reject else None

    def beneficiary_ids(self, generated: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self.ids(generated) if self.ids else generated


def _json_body() -> Any:
    """The request's JSON, gunzipped when it came compressed; None if it is not JSON."""
    raw = request.get_data()
    if request.headers.get("Content-Encoding", "").lower() == "gzip":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


class FakeClock:
    """Central's session clock, moved by tests to expire sessions at once."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Central:
    server: RunningCentral
    faults: Faults
    clock: FakeClock

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.server.engine

    def count(self, table_name: str) -> int:
        return central_seed.count_rows(self.server.engine, table_name, 7)


@pytest.fixture
def central(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Central]:
    """A seeded reference central; a test module's ``CENTRAL_OPTIONS`` go to ``create_app``."""
    faults, clock = Faults(), FakeClock()
    options: dict[str, Any] = getattr(request.module, "CENTRAL_OPTIONS", {})
    server = start_server(f"sqlite:///{tmp_path}/central.db", faults=faults, clock=clock, **options)
    central_seed.seed_demo(server.engine)
    try:
        yield Central(server, faults, clock)
    finally:
        server.stop()


@dataclass
class Van:
    ctx: AppContext
    central: Central

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.ctx.engine

    @property
    def data_dir(self) -> DataDir:
        return self.ctx.data_dir

    def sign_in(self) -> None:
        result = login(
            self.ctx.settings.common_url,
            central_seed.DEMO_USER,
            central_seed.DEMO_PASSWORD,
            end_other_session=True,
        )
        Keystore(self.data_dir.root).save(result.credentials)

    def sync(self, *phases: Phase, options: RunOptions = FAST, **kwargs: Any) -> RunReport:
        plan = prepare(self.data_dir, self.ctx.reload_settings(), list(phases) or None)
        return run_sync(plan, self.ctx.engine, options=options, **kwargs)

    def set(self, **values: str) -> None:
        current = settings_store.load(self.data_dir)
        for key, value in values.items():
            settings_store.set_value(current, key.replace("_", "-"), value)
        settings_store.save(self.data_dir, current)
        self.ctx.reload_settings()


@pytest.fixture
def van(configured_dir: DataDir, central: Central) -> Iterator[Van]:
    """A configured, signed-in van data dir pointed at ``central``."""
    current = settings_store.load(configured_dir)
    settings_store.set_value(current, "central-url", central.server.central_url)
    settings_store.set_value(current, "common-url", central.server.common_url)
    settings_store.set_value(current, "id-pool-low-water", "50")
    settings_store.set_value(current, "id-pool-target", "200")
    settings_store.set_value(current, "upload-batch-size", "25")
    settings_store.save(configured_dir, current)
    ctx = AppContext.open(configured_dir.root)
    van = Van(ctx, central)
    van.sign_in()
    try:
        yield van
    finally:
        ctx.engine.dispose()


def garbage(text: str = "<html>oops</html>", status: int = 200) -> Response:
    return Response(text, status=status, mimetype="text/html")


def envelope(data: Any, status_code: int = 200, message: str = "Success") -> Response:
    body = {"data": data, "statusCode": status_code, "errorMessage": message, "status": message}
    return Response(json.dumps(body), status=200, mimetype="application/json")
