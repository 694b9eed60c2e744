"""``mmu-desktop --self-check``: a plain report, exit 0 only when every check passed."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from keyring.backends import fail

from mmu_desktop import self_check
from mmu_desktop.cli import run
from mmu_desktop.paths import DataDir
from tests.helpers.memory_keyring import use_keyring


def test_new_data_dir_passes_and_creates_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "fresh"
    assert run(["--self-check", "--data-dir", str(root)]) == 0
    report = capsys.readouterr().out
    assert (root / "mmu.db").is_file()
    for name in ("version", "Qt platform", "keyring", "data folder", "database", "resources"):
        assert f"ok    {name}" in report, report
    assert str(root.resolve()) in report
    assert "van          not set up yet" in report
    assert report.rstrip().endswith("Self-check passed.")


def test_configured_van_is_reported(configured_dir: DataDir) -> None:
    out = io.StringIO()
    assert self_check.run_self_check(configured_dir.root, out) == 0
    assert "ok    van          van 7" in out.getvalue()


def test_unusable_database_fails_and_says_so(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    root.mkdir()
    (root / "mmu.db").write_bytes(b"this is not a database" * 100)
    out = io.StringIO()
    assert self_check.run_self_check(root, out) == 1
    report = out.getvalue()
    assert "FAIL  database     cannot be opened or created" in report
    assert report.rstrip().endswith("Self-check FAILED: database.")


def test_damaged_settings_fail(data_dir: DataDir) -> None:
    data_dir.settings_file.write_text("{not json", encoding="utf-8")
    out = io.StringIO()
    assert self_check.run_self_check(data_dir.root, out) == 1
    assert "FAIL  settings" in out.getvalue()


def test_data_folder_that_cannot_be_created_fails(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    out = io.StringIO()
    assert self_check.run_self_check(blocker / "data", out) == 1
    assert "FAIL  data folder  cannot be created" in out.getvalue()


def test_no_keyring_in_this_session_is_not_a_failure(data_dir: DataDir) -> None:
    out = io.StringIO()
    with use_keyring(fail.Keyring()):
        assert self_check.run_self_check(data_dir.root, out) == 0
    assert "info  keyring      in memory for this run only" in out.getvalue()


def test_missing_keyring_backends_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a bundle built without keyring's package metadata would see.
    monkeypatch.setattr(self_check.metadata, "entry_points", lambda group: [])
    check = self_check.check_keyring()
    assert check.status == self_check.FAIL
    assert "no keyring backends" in check.detail


def test_frozen_build_without_version_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mmu_desktop.__version__", self_check.SOURCE_VERSION)
    monkeypatch.setattr(self_check.sys, "frozen", True, raising=False)
    assert self_check.check_version().status == self_check.FAIL


def test_qt_fatal_error_becomes_a_fail_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's fatal message (say, a missing platform plugin) is reported, then exit 1."""
    from PySide6.QtCore import QtMsgType

    captured: dict[str, object] = {}

    def fake_install(handler: object) -> object:
        captured.setdefault("handler", handler)
        return None

    monkeypatch.setattr("PySide6.QtCore.qInstallMessageHandler", fake_install)
    exits: list[int] = []
    out = io.StringIO()
    self_check.check_qt(out, on_fatal=exits.append)
    handler = captured["handler"]
    assert callable(handler)
    handler(QtMsgType.QtFatalMsg, None, 'Could not load the Qt platform plugin "xcb"')
    assert exits == [1]
    assert 'FAIL  Qt platform  Qt could not start: Could not load the Qt platform plugin "xcb"' in (
        out.getvalue()
    )
