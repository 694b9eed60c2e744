"""Reliability fixtures: the sync tests' real central on 127.0.0.1 and signed-in van."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.sync.report import Phase
from reference_central import seed as central_seed
from reference_central.db import CheckThenAct, check_then_act, make_engine
from reference_central.server import start_server
from tests.sync.conftest import Central, FakeClock, Faults, Van, van  # noqa: F401  (van)

UNIQUE_INDEX = "unique-index"
CHECK_THEN_ACT = "check-then-act"
# Run a module's tests against both kinds of central (the second only in the slow run).
BOTH_CENTRALS = pytest.mark.parametrize(
    "central",
    [UNIQUE_INDEX, pytest.param(CHECK_THEN_ACT, marks=pytest.mark.slow)],
    indirect=True,
)


@dataclass
class ReferenceCentral(Central):
    """The reference central, and its check-then-act switch when it behaves like AMRIT."""

    amrit: CheckThenAct | None = None


@pytest.fixture
def central(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ReferenceCentral]:
    """A reference central on 127.0.0.1. Parametrized indirectly with ``check-then-act``
    it has no unique (VanSerialNo, VanID) index and stores uploads statement by
    statement, as a real AMRIT central does (contract 5.3 step 4)."""
    kind = getattr(request, "param", UNIQUE_INDEX)
    faults, clock = Faults(), FakeClock()
    url = f"sqlite:///{tmp_path}/central.db"
    engine = make_engine(url)
    amrit = check_then_act(engine) if kind == CHECK_THEN_ACT else None
    server = start_server(url, faults=faults, clock=clock, engine=engine)
    central_seed.seed_demo(server.engine)
    try:
        yield ReferenceCentral(server, faults, clock, amrit)
    finally:
        server.stop()


@pytest.fixture
def busy_van(van: Van) -> Van:  # noqa: F811
    """A van with IDs, 12 registrations and 10 visits waiting, sent 5 rows a request."""
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 10, seed=71)
    van.set(upload_batch_size="5")
    return van


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The session's reliability figures, for docs/reliability.md."""
    from tests.reliability.harness import FIGURES, SLOWEST

    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, value in sorted(FIGURES.items()):
        terminalreporter.write_line(f"{name}: {value}")
    terminalreporter.write_line(
        f"slowest convergence after a fault: {SLOWEST['convergence_seconds']:.1f} s"
    )
