"""Upload side by side on a throttled link: our client, AMRIT's way, and the link's floor.

Each way gets a fresh copy of the workload template and a fresh reference central on
127.0.0.1 (in a process of its own, so it never holds up the proxy's threads) behind its
own ``ThrottledProxy``; the upload runs in a child process (``benchmarks.sync_child``)
so its peak memory is measured alone. Signing in goes straight to central; only the
upload crosses the throttled link.

Our client runs twice: against a central that takes plain JSON only (as a real AMRIT
central) and against one that accepts gzip request bodies (the reference central's
default). AMRIT's way goes to a plain-only central. As the ways share no link, AMRIT's
way (link-bound, nearly idle on the CPU) runs at the same time as our two runs, which
run one after the other; so the whole side by side takes about as long as AMRIT's way.

The floor is what no client can beat on this link: the larger of the bytes our client
sent up and received down, divided by the bandwidth, plus the fewest round trips the
protocol allows (one for the TCP handshake and one per level of the parent-before-child
order among the tables that have rows) times the round trip.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.throttle import LinkProfile, ThrottledProxy
from benchmarks.workload import CENTRAL_DB, Workload, fresh_copy, template

CHILD_TIMEOUT = 3 * 3600.0
WAYS = ("ours-plain", "ours-gzip", "amrit")
OUR_WAYS = ("ours-plain", "ours-gzip")
WAY_LABELS = {
    "ours-plain": "our client, plain-only central",
    "ours-gzip": "our client, gzip-accepting central",
    "amrit": "AMRIT's way (plain-only central)",
}


@dataclass
class WayResult:
    """One upload run's figures."""

    way: str
    seconds: float
    bytes_up: int
    bytes_down: int
    requests: int
    connections: int
    accepted: int
    rejected: int
    max_rss_mb: float
    succeeded: bool
    summary: str
    rows_on_central: int


@dataclass
class SideBySide:
    """Both ways on one link, and the floor."""

    workload: Workload
    profile: LinkProfile
    pending_rows: dict[str, int]
    levels: int
    results: dict[str, WayResult] = field(default_factory=dict)

    def floor_seconds(self, way: str = "ours-plain") -> float:
        r = self.results[way]
        transfer = max(r.bytes_up, r.bytes_down) / self.profile.bytes_per_second
        return transfer + (1 + self.levels) * self.profile.rtt


def pending_rows(db: Path) -> dict[str, int]:
    """Rows per synced table that an upload has to send."""
    from mmu_desktop.db.schema import synced_table_names

    out: dict[str, int] = {}
    with sqlite3.connect(db) as conn:
        for name in synced_table_names():
            try:
                (count,) = conn.execute(
                    f'SELECT count(*) FROM "{name}" WHERE "Processed" IS NOT \'P\''
                    + (' AND "Provisioned" = 1' if name == "m_beneficiaryregidmapping" else "")
                ).fetchone()
            except sqlite3.OperationalError:
                continue
            if count:
                out[name] = int(count)
    return out


def dependency_levels(tables: set[str]) -> int:
    """Length of the longest parent-before-child chain among ``tables``."""
    from mmu_desktop.db.schema import table_specs
    from mmu_desktop.sync.upload import GENERIC_PARENTS, PARENT_RULES

    specs = table_specs()

    def parents(name: str) -> set[str]:
        found = {p for _, p, _ in PARENT_RULES.get(name, [])}
        columns = set(specs[name].column_names) if name in specs else set()
        for column, parent, _ in GENERIC_PARENTS:
            if column in columns and parent != name:
                found.add(parent)
        return {p for p in found if p in tables and p != name}

    memo: dict[str, int] = {}

    def depth(name: str, seen: frozenset[str]) -> int:
        if name in memo:
            return memo[name]
        above = [depth(p, seen | {name}) for p in parents(name) if p not in seen]
        memo[name] = 1 + max(above, default=0)
        return memo[name]

    return max((depth(t, frozenset()) for t in tables), default=0)


def _central_rows(db_url: str, tables: list[str]) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(db_url)
    total = 0
    try:
        with engine.connect() as conn:
            names = set(sa.inspect(conn).get_table_names())
            for name in tables:
                if name in names and name != "m_beneficiaryregidmapping":
                    total += int(conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar())
    finally:
        engine.dispose()
    return total


def run_child(
    args: list[str], job: dict[str, Any], what: str, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``python ARGS`` with ``job`` as JSON on stdin; its last stdout line, parsed."""
    done = subprocess.run(
        [sys.executable, *args],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
        env=env,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_way(way: str, folder: Path, profile: LinkProfile, tables: list[str]) -> WayResult:
    """Upload a fresh copy of the template through a fresh proxy, ``way`` of sending."""
    from benchmarks.keepalive_server import start_central_process
    from reference_central import seed as central_seed

    with tempfile.TemporaryDirectory(prefix="mmu-bench-") as tmp:
        van = fresh_copy(folder, Path(tmp))
        db_url = f"sqlite:///{van / CENTRAL_DB}"
        before = _central_rows(db_url, tables)
        central = start_central_process(
            db_url, accept_gzip=way == "ours-gzip", log_file=Path(tmp) / "central.log"
        )
        try:
            with ThrottledProxy(central.port, profile, max_seconds=CHILD_TIMEOUT) as proxy:
                job = {
                    "data_dir": str(van),
                    "way": way,
                    "proxied_central_url": proxy.url_for(central.central_url),
                    "common_url": central.common_url,
                    "user": central_seed.DEMO_USER,
                    "password": central_seed.DEMO_PASSWORD,
                }
                child = run_child(["-m", "benchmarks.sync_child"], job, "sync child")
                time.sleep(profile.rtt)  # let the last bytes be counted
                link = proxy.counters.snapshot()
        finally:
            central.stop()
        after = _central_rows(db_url, tables)
    return WayResult(
        way=way,
        seconds=child["seconds"],
        bytes_up=link["bytes_up"],
        bytes_down=link["bytes_down"],
        requests=child["requests"],
        connections=link["connections"],
        accepted=child["accepted"],
        rejected=child["rejected"],
        max_rss_mb=child["max_rss_mb"],
        succeeded=child["succeeded"],
        summary=child["summary"],
        rows_on_central=after - before,
    )


def side_by_side(
    workload: Workload,
    profile: LinkProfile,
    cache: Path,
    log: Any = print,
    ways: tuple[str, ...] = WAYS,
) -> SideBySide:
    """Run ``ways`` on ``profile`` for ``workload``: AMRIT's way alongside our runs."""
    folder = template(workload, cache)
    pending = pending_rows(folder / "mmu.db")
    out = SideBySide(workload, profile, pending, dependency_levels(set(pending)))
    failures: list[BaseException] = []

    def one(way: str) -> None:
        log(f"  upload, {WAY_LABELS[way]}, {profile.name} ...")
        try:
            out.results[way] = run_way(way, folder, profile, sorted(pending))
        except BaseException as exc:  # reported after the other ways finished
            failures.append(exc)
            log(f"    {WAY_LABELS[way]} failed: {exc}")
            return
        log(f"    {WAY_LABELS[way]}: {out.results[way].seconds:.1f} s")

    beside = None
    if "amrit" in ways:
        beside = threading.Thread(target=one, args=("amrit",), name="amrit-way", daemon=True)
        beside.start()
    for way in ways:
        if way != "amrit":
            one(way)
    if beside is not None:
        beside.join()
    if failures:
        raise failures[0]
    return out


def rows(result: SideBySide) -> list[dict[str, Any]]:
    """Table rows: one per way measured, and the floor for each of our ways' bytes."""
    amrit_result = result.results.get("amrit")
    amrit = amrit_result.seconds if amrit_result is not None else None
    out: list[dict[str, Any]] = []
    for way in WAYS:
        r = result.results.get(way)
        if r is None:
            continue
        floor_way = way if way in OUR_WAYS else "ours-plain"
        floor = result.floor_seconds(floor_way) if floor_way in result.results else 0.0
        out.append(
            {
                "way": WAY_LABELS[way],
                "seconds": r.seconds,
                "bytes_up": r.bytes_up,
                "bytes_down": r.bytes_down,
                "requests": r.requests,
                "connections": r.connections,
                "vs_amrit": amrit / r.seconds if amrit and r.seconds else None,
                "vs_floor": r.seconds / floor if floor else None,
                "max_rss_mb": r.max_rss_mb,
                "rows_on_central": r.rows_on_central,
                "accepted": r.accepted,
                "rejected": r.rejected,
            }
        )
    for way in OUR_WAYS:
        ours = result.results.get(way)
        if ours is None:
            continue
        floor = result.floor_seconds(way)
        kind = "plain" if way == "ours-plain" else "gzip"
        out.append(
            {
                "way": f"link floor ({kind} bytes of our client)",
                "seconds": floor,
                "bytes_up": ours.bytes_up,
                "bytes_down": ours.bytes_down,
                "requests": 1 + result.levels,
                "connections": 1,
                "vs_amrit": amrit / floor if amrit and floor else None,
                "vs_floor": 1.0,
                "max_rss_mb": None,
                "rows_on_central": None,
                "accepted": None,
                "rejected": None,
            }
        )
    return out


def window_stalls(workload: Workload, cache: Path) -> dict[str, Any]:
    """The event loop's stalls while the sync panel uploads ``workload`` (no throttle:
    progress arrives fastest, which is the hardest case for the window)."""
    from benchmarks.keepalive_server import start_keepalive_central
    from reference_central import seed as central_seed

    folder = template(workload, cache)
    with tempfile.TemporaryDirectory(prefix="mmu-bench-") as tmp:
        van = fresh_copy(folder, Path(tmp))
        central = start_keepalive_central(f"sqlite:///{van / CENTRAL_DB}")
        try:
            job = {
                "data_dir": str(van),
                "central_url": central.central_url,
                "common_url": central.common_url,
                "user": central_seed.DEMO_USER,
                "password": central_seed.DEMO_PASSWORD,
            }
            return run_child(
                ["-m", "benchmarks.ui_stall_child"],
                job,
                "window child",
                env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            )
        finally:
            central.stop()
