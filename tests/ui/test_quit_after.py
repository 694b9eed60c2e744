"""The hidden ``--quit-after`` option closes the window by itself (installer checks)."""

from __future__ import annotations

import time

from pytestqt.qtbot import QtBot

from mmu_desktop.paths import DataDir
from mmu_desktop.ui.app import run_window


def test_window_closes_after_the_given_seconds(qtbot: QtBot, configured_dir: DataDir) -> None:
    started = time.monotonic()
    assert run_window(configured_dir.root, quit_after=0.2) == 0
    assert 0.2 <= time.monotonic() - started < 30
