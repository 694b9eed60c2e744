"""The sign-in dialog against a reference central on 127.0.0.1."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop.keystore import KEY_ENTRY, Keystore
from mmu_desktop.ui.sign_in import SignInDialog
from reference_central import seed as central_seed
from tests.helpers.memory_keyring import MemoryKeyring
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Central

TIMEOUT_MS = 30_000

# A reference central on 127.0.0.1, from the sync tests' fixtures.
central = sync_fixtures.central


def make_dialog(qtbot: QtBot, central: Central, root: Path, user: str = "") -> SignInDialog:
    dialog = SignInDialog(central.server.common_url, user, root)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_sign_in_with_the_demo_user_stores_the_key(
    qtbot: QtBot,
    central: Central,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = make_dialog(qtbot, central, tmp_path, user=central_seed.DEMO_USER)
    assert dialog.user.text() == central_seed.DEMO_USER
    assert dialog.focusWidget() is dialog.password or not dialog.isActiveWindow()

    dialog.password.setText(central_seed.DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy)

    assert blocker.args[0].user_name == central_seed.DEMO_USER
    stored = Keystore(tmp_path).load()
    assert stored is not None and stored.key
    assert (Keystore(tmp_path).service, KEY_ENTRY) in memory_keyring.store
    message = dialog.message.text()
    assert message.startswith(f"Signed in as {central_seed.DEMO_USER}.")
    assert "The sign-in is kept in the system keyring." in message
    # The password is gone from the screen and never reached the log.
    assert dialog.password.text() == ""
    assert central_seed.DEMO_PASSWORD not in caplog.text
    assert central_seed.DEMO_PASSWORD not in message
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SignInDialog.DialogCode.Accepted


def test_wrong_password_says_so_and_stores_nothing(
    qtbot: QtBot,
    central: Central,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog = make_dialog(qtbot, central, tmp_path, user=central_seed.DEMO_USER)
    dialog.password.setText("not-the-password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not dialog.busy and "not accepted" in dialog.message.text(), timeout=TIMEOUT_MS
    )

    assert dialog.message.text().startswith("The user name or password was not accepted.")
    assert "not-the-password" not in dialog.message.text()
    assert Keystore(tmp_path).load() is None
    assert memory_keyring.store == {}
    assert dialog.sign_in_button.isEnabled()


def test_missing_fields_and_missing_server_address(
    qtbot: QtBot,
    central: Central,
    tmp_path: Path,
) -> None:
    dialog = make_dialog(qtbot, central, tmp_path)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Enter both the user name and the password."
    assert not dialog.busy

    unset = SignInDialog("", "asha", tmp_path)
    qtbot.addWidget(unset)
    assert not unset.sign_in_button.isEnabled()
    assert "address is not set up" in unset.message.text()


def test_unreachable_server_gives_a_network_message(
    qtbot: QtBot,
    central: Central,
    tmp_path: Path,
) -> None:
    dialog = make_dialog(qtbot, central, tmp_path, user=central_seed.DEMO_USER)
    central.server.stop()
    dialog.password.setText(central_seed.DEMO_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: not dialog.busy and dialog.message.text() != "Signing in…", timeout=TIMEOUT_MS
    )
    assert dialog.message.text().startswith("Cannot reach the central server.")
    assert Keystore(tmp_path).load() is None
