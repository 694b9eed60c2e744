"""``mmu-desktop --demo`` opens a window on a laptop that can register and sync at once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mmu_desktop import settings as settings_store
from mmu_desktop.context import AppContext
from mmu_desktop.db import id_pool
from mmu_desktop.paths import DataDir
from mmu_desktop.ui import app as ui_app


def test_demo_window_opens_on_a_signed_in_laptop_with_ids(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: dict[str, object] = {}

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        opened["titles"] = [w.windowTitle() for w in windows]
        QApplication.closeAllWindows()

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_window installs its own
    QTimer.singleShot(1500, look_then_close)
    code = ui_app.run_window(tmp_path / "demo", demo=True)

    assert code == 0
    assert any("MMU" in str(t) for t in opened["titles"])  # type: ignore[union-attr]
    data_dir = DataDir.at(tmp_path / "demo")
    settings = settings_store.load(data_dir)
    assert settings.central_url.startswith("http://127.0.0.1:")
    assert settings.van_id == 7
    ctx = AppContext.open(data_dir.root)
    with ctx.engine.connect() as conn:
        assert id_pool.available_count(conn, 7) >= settings.id_pool_low_water
    ctx.engine.dispose()
