"""One upload run in its own process, so its peak memory is the van's alone.

Reads a JSON job on stdin (data dir, central URLs, the proxied MMU-API URL, the way to
send) and prints one JSON line: seconds, requests, rows accepted, peak RSS.
``python -m benchmarks.sync_child`` is started by ``benchmarks.sync_bench``.
"""

from __future__ import annotations

import json
import resource
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from mmu_desktop import settings as settings_store
from mmu_desktop.context import AppContext
from mmu_desktop.keystore import Credentials
from mmu_desktop.sync.auth import login
from mmu_desktop.sync.client import AmritClient, Envelope
from mmu_desktop.sync.engine import RunOptions, SyncPlan, prepare, run_sync
from mmu_desktop.sync.report import Phase

AMRIT_BATCH_SIZE = 30  # contract section 6, step 4


@dataclass
class CountingClient(AmritClient):
    """The product client, counting the HTTP requests it makes."""

    requests_made: int = 0
    _count_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _post_once(
        self, url: str, payload: bytes, headers: dict[str, str], read_timeout: float | None
    ) -> Envelope:
        with self._count_lock:  # two requests may be in flight at once
            self.requests_made += 1
        return super()._post_once(url, payload, headers, read_timeout)


@dataclass
class AmritWayClient(CountingClient):
    """Sends as AMRIT's van client does (contract section 6).

    A new connection for every request, and never gzip. One request at a time and the
    full row format (nulls and ``date_format`` keys) come from ``RunOptions``, 30 rows a
    request from the batch-size setting (``AMRIT_BATCH_SIZE``).
    """

    def __post_init__(self) -> None:
        super().__post_init__()
        self.compress_uploads = False
        self.session.headers["Connection"] = "close"


def options_for(way: str, made: list[CountingClient]) -> RunOptions:
    """``RunOptions`` whose client factory builds the client for ``way``."""
    options = RunOptions()
    kind = AmritWayClient if way == "amrit" else CountingClient
    if way == "amrit":
        options.requests_in_flight = 1
        options.lean_rows = False

    def factory(plan: SyncPlan) -> AmritClient:
        client = kind(
            central_url=plan.settings.central_url,
            common_url=plan.settings.common_url,
            credentials=plan.credentials,
            timeouts=options.timeouts,
            retry=options.retry,
        )
        made.append(client)
        return client

    options.client_factory = factory
    return options


def run(job: dict[str, Any]) -> dict[str, Any]:
    """Sign in directly, then upload through the proxy; return the figures."""
    ctx = AppContext.open(job["data_dir"])
    current = settings_store.load(ctx.data_dir)
    settings_store.set_value(current, "central-url", job["proxied_central_url"])
    settings_store.set_value(current, "common-url", job["common_url"])
    if job["way"] == "amrit":
        settings_store.set_value(current, "upload-batch-size", str(AMRIT_BATCH_SIZE))
    settings_store.save(ctx.data_dir, current)
    settings = ctx.reload_settings()

    signed_in = login(job["common_url"], job["user"], job["password"], end_other_session=True)
    credentials: Credentials = signed_in.credentials
    plan = prepare(ctx.data_dir, settings, [Phase.UPLOAD], credentials=credentials)
    made: list[CountingClient] = []
    options = options_for(job["way"], made)

    started = time.monotonic()
    report = run_sync(plan, ctx.engine, options=options)
    seconds = time.monotonic() - started

    tables = report.phases[0].tables if report.phases else []
    ctx.engine.dispose()
    return {
        "seconds": seconds,
        "requests": sum(c.requests_made for c in made),
        "accepted": sum(t.accepted for t in tables),
        "rejected": sum(t.rejected for t in tables),
        "succeeded": report.succeeded,
        "summary": report.summary,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    job = json.load(sys.stdin)
    print(json.dumps(run(job)))


if __name__ == "__main__":
    main()
