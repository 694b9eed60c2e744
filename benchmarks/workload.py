"""Workloads: a signed-in laptop with a month of visits, built once and copied per run.

A template is made by the real code paths: ``start_demo`` (a reference central, the
master download and the ID pool), then ``seed_demo`` registers the people and records
the visits one by one through the same functions the screens use (about 10 ms a
record), so every row is shaped exactly as the app makes it. The template folder (the
laptop's data dir with the central's database inside it) is cached and copied for
every run, so each run starts from the same unsynced state.
"""

from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mmu_desktop.context import AppContext

log = logging.getLogger(__name__)

CENTRAL_DB = "demo-central.db"
TEMPLATE_VERSION = 1


@dataclass(frozen=True)
class Workload:
    """A number of beneficiaries and visits captured offline, not yet uploaded."""

    name: str
    beneficiaries: int
    visits: int
    seed: int = 6

    @property
    def key(self) -> str:
        return f"{self.name}-{self.beneficiaries}-{self.visits}-s{self.seed}-v{TEMPLATE_VERSION}"


MONTH = Workload("month", 3_000, 9_000)
TEN_MONTHS = Workload("ten-months", 30_000, 90_000)  # a backlog: building it takes long
QUICK = Workload("quick", 100, 300)


def template(workload: Workload, cache: Path) -> Path:
    """The cached template folder for ``workload``, built first if missing."""
    folder = cache / workload.key
    if (folder / "ready").exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    from mmu_desktop.demo import start_demo

    started = time.monotonic()
    folder.parent.mkdir(parents=True, exist_ok=True)
    demo = start_demo(folder)
    try:
        _seed(demo.ctx, workload)
    finally:
        demo.stop()
    seconds = time.monotonic() - started
    (folder / "ready").write_text(f"{seconds:.1f}\n", encoding="ascii")
    log.info("built template %s in %.1f s", workload.key, seconds)
    return folder


def _seed(ctx: AppContext, workload: Workload) -> None:
    """Register the people and record the visits, fetching more IDs when the pool runs dry.

    A laptop holds at most 20,000 unused IDs, so a backlog larger than its pool is
    made in parts, each after an ID sync, as a van would over the months.
    """
    from mmu_desktop.db import id_pool
    from mmu_desktop.db.demo_data import seed_demo
    from mmu_desktop.sync.engine import prepare, run_sync
    from mmu_desktop.sync.report import Phase

    people_left, visits_left, part = workload.beneficiaries, workload.visits, 0
    while people_left:
        with ctx.engine.connect() as conn:
            available = id_pool.available_count(conn, ctx.van().van_id)
        if available < min(people_left, 1000):
            plan = prepare(ctx.data_dir, ctx.reload_settings(), phases=[Phase.IDS])
            if not run_sync(plan, ctx.engine).succeeded:
                raise RuntimeError("the ID sync for the next part of the workload failed")
            continue
        people = min(people_left, available)
        visits = (
            visits_left
            if people == people_left
            else workload.visits * people // (workload.beneficiaries)
        )
        seed = workload.seed if part == 0 else workload.seed * 1000 + part
        seed_demo(ctx.engine, ctx.van(), people, visits, seed)
        people_left, visits_left, part = people_left - people, visits_left - visits, part + 1
        log.info("seeded %d people and %d visits, %d people left", people, visits, people_left)


def build_seconds(folder: Path) -> float:
    """How long the template took to build."""
    return float((folder / "ready").read_text(encoding="ascii").strip())


def fresh_copy(folder: Path, into: Path) -> Path:
    """A private copy of a template folder: the laptop's data dir and the central's DB."""
    target = into / "van"
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("*.lock", "ready"))
    return target
