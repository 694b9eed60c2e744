"""Reliability fixtures: the sync tests' real central on 127.0.0.1 and signed-in van."""

from __future__ import annotations

import pytest

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.sync.report import Phase
from tests.sync.conftest import Van, central, van  # noqa: F401  (fixtures, re-exported)


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
