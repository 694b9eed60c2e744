"""Starting the window: bundled fonts, style sheet, icon, and a clean exit."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from mmu_desktop.paths import DataDir
from mmu_desktop.ui import app


def test_resources_are_found_next_to_the_package() -> None:
    folder = app.resources_dir()
    assert (folder / "style.qss").is_file()
    assert (folder / "icons" / "mmu-desktop.svg").is_file()
    assert sorted(p.name for p in (folder / "fonts").glob("*.ttf"))


def test_devanagari_font_is_loaded_and_used_as_fallback(qapp: QApplication) -> None:
    families = app.load_fonts(qapp)
    assert app.DEVANAGARI_FAMILY in families
    assert app.DEVANAGARI_FAMILY in QFontDatabase.families()
    assert app.DEVANAGARI_FAMILY in qapp.font().families()


def test_run_window_opens_and_closes(
    qapp: QApplication, configured_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_window installs its own
    from mmu_desktop import settings as settings_store

    current = settings_store.load(configured_dir)
    settings_store.set_value(current, "central-url", "http://127.0.0.1:9/mmuapi-v1.0/")
    settings_store.set_value(current, "common-url", "http://127.0.0.1:9/commonapi-v1.0/")
    settings_store.save(configured_dir, current)  # set up, so no setup wizard
    QTimer.singleShot(300, QApplication.closeAllWindows)
    assert app.run_window(configured_dir.root) == 0
    assert qapp.styleSheet() != ""


def test_crash_details_name_versions_and_the_error() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        text = app.crash_details(type(exc), exc, exc.__traceback__)
    assert text.startswith("MMU Desktop ")
    assert "Qt " in text
    assert "RuntimeError: boom" in text


def test_a_new_laptop_opens_with_the_setup_wizard(
    qapp: QApplication, data_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:

    seen: list[str] = []

    def look() -> None:
        seen.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_window installs its own
    QTimer.singleShot(300, look)
    assert app.run_window(data_dir.root, quit_after=0.6) == 0
    assert "SetupWizard" in seen
