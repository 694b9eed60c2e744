"""The first-run setup wizard: typed or imported values, checked, saved all at once.

The checks against central use a reference central on 127.0.0.1; the tests that type
the ``amrit.example`` addresses untick the address check, so nothing leaves the machine.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mmu_desktop import settings as settings_store
from mmu_desktop.paths import DataDir
from mmu_desktop.settings import Settings
from mmu_desktop.sync.van_check import ProbeOutcome, VanOutcome
from mmu_desktop.ui.setup_wizard import SetupWizard, needs_setup
from reference_central import seed as central_seed
from tests.helpers.memory_keyring import MemoryKeyring
from tests.sync import conftest as sync_fixtures
from tests.sync.conftest import Central, garbage
from tests.sync.test_van_check import closed_port

TIMEOUT_MS = 30_000

# A reference central on 127.0.0.1, from the sync tests' fixtures.
central = sync_fixtures.central

SERVER = {
    "central-url": "https://amrit.example/mmuapi-v1.0",
    "common-url": "https://amrit.example/commonapi-v1.0",
}
VAN = {"van-id": "7", "parking-place-id": "3", "provider-service-map-id": "1"}


def make_wizard(qtbot: QtBot, data_dir: DataDir, check_address: bool = False) -> SetupWizard:
    wizard = SetupWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.server_page.check_box.setChecked(check_address)
    wizard.show()
    return wizard


def central_urls(central: Central) -> dict[str, str]:
    return {"central-url": central.server.central_url, "common-url": central.server.common_url}


def sign_in_through_the_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    dialog = wizard.sign_in_page.open_sign_in()
    dialog.user.setText(central_seed.DEMO_USER)
    dialog.password.setText(central_seed.DEMO_PASSWORD)
    with qtbot.waitSignal(wizard.signed_in, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def type_into(wizard: SetupWizard, values: dict[str, str]) -> None:
    for page in (wizard.server_page, wizard.van_page):
        for key, value in values.items():
            if key in page.fields:
                page.fields[key].setText(value)


def test_a_new_data_dir_needs_setup(data_dir: DataDir, configured_dir: DataDir) -> None:
    assert needs_setup(Settings())
    with_urls = settings_store.load(configured_dir)
    assert needs_setup(with_urls)  # the van, but no central address yet
    for key, value in SERVER.items():
        settings_store.set_value(with_urls, key, value)
    assert not needs_setup(with_urls)


def test_typed_values_are_saved_when_the_van_page_is_left(qtbot: QtBot, data_dir: DataDir) -> None:
    wizard = make_wizard(qtbot, data_dir)
    type_into(wizard, {**SERVER, **VAN, "vehicle-no": "UP32 AB 1234"})
    with qtbot.waitSignal(wizard.settings_saved) as saved:
        wizard.next()
        wizard.next()
    assert wizard.currentPage() is wizard.sign_in_page
    stored = settings_store.load(data_dir)
    assert saved.args[0] == stored
    assert stored.central_url == "https://amrit.example/mmuapi-v1.0/"
    assert (stored.van_id, stored.parking_place_id, stored.vehicle_no) == (7, 3, "UP32 AB 1234")
    assert not needs_setup(stored)


def test_a_bad_value_keeps_the_page_and_says_why(qtbot: QtBot, data_dir: DataDir) -> None:
    wizard = make_wizard(qtbot, data_dir)
    type_into(wizard, {**SERVER, **VAN, "van-id": "seven"})
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.van_page
    assert "van-id must be a whole number" in wizard.van_page.message.text()
    assert not data_dir.settings_file.exists()


def test_missing_addresses_keep_the_first_page(qtbot: QtBot, data_dir: DataDir) -> None:
    wizard = make_wizard(qtbot, data_dir)
    wizard.next()
    assert wizard.currentPage() is wizard.server_page
    assert "central-url, common-url must be filled in" in wizard.server_page.message.text()


def test_a_provisioning_file_fills_every_page(
    qtbot: QtBot, data_dir: DataDir, tmp_path: Path
) -> None:
    path = tmp_path / "van-7.json"
    path.write_text(json.dumps({**SERVER, **VAN, "facility-id": 9}), encoding="utf-8")
    wizard = make_wizard(qtbot, data_dir)
    assert wizard.server_page.import_file(path)
    assert wizard.van_page.fields["facility-id"].text() == "9"
    wizard.next()
    wizard.next()
    assert settings_store.load(data_dir).facility_id == 9


def test_a_provisioning_file_with_a_password_is_refused(
    qtbot: QtBot, data_dir: DataDir, tmp_path: Path
) -> None:
    path = tmp_path / "van-7.json"
    path.write_text(json.dumps({**SERVER, **VAN, "password": "hunter2"}), encoding="utf-8")
    wizard = make_wizard(qtbot, data_dir)
    assert not wizard.server_page.import_file(path)
    assert "secret" in wizard.server_page.message.text()
    assert wizard.server_page.fields["central-url"].text() == ""


def test_sign_in_page_opens_the_sign_in_dialog_with_the_saved_address(
    qtbot: QtBot, data_dir: DataDir
) -> None:
    wizard = make_wizard(qtbot, data_dir)
    type_into(wizard, {**SERVER, **VAN})
    wizard.next()
    wizard.next()
    dialog = wizard.sign_in_page.open_sign_in()
    assert dialog.sign_in_button.isEnabled()  # the common address is known
    assert "not set up" not in dialog.message.text()
    dialog.reject()


def test_the_last_page_warns_when_central_knows_the_van_differently(
    qtbot: QtBot, data_dir: DataDir, central: Central, memory_keyring: MemoryKeyring
) -> None:
    wizard = make_wizard(qtbot, data_dir, check_address=True)
    type_into(wizard, {**central_urls(central), **VAN, "facility-id": "9", "parking-place-id": "4"})
    wizard.next()
    assert wizard.server_page.last_probe is not None
    assert wizard.server_page.last_probe.outcome is ProbeOutcome.AMRIT
    wizard.next()
    assert wizard.currentPage() is wizard.sign_in_page
    sign_in_through_the_page(qtbot, wizard)
    page = wizard.check_page
    with qtbot.waitSignal(page.checked, timeout=TIMEOUT_MS):
        wizard.next()
    assert wizard.currentPage() is page
    assert page.result is not None and page.result.outcome is VanOutcome.MISMATCH
    assert page.status.text() == "Central says van 7 belongs to parking place 3, not 4."
    assert page.warning.isVisible()
    assert page.warning.text().startswith("Warning: these van settings do not match central.")
    assert page.fix_button.isVisible()

    # The way back: correct the parking place, and the check passes.
    qtbot.mouseClick(page.fix_button, Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.van_page
    wizard.van_page.fields["parking-place-id"].setText("3")
    wizard.next()
    assert settings_store.load(data_dir).parking_place_id == 3
    with qtbot.waitSignal(page.checked, timeout=TIMEOUT_MS):
        wizard.next()
    assert page.result is not None and page.result.outcome is VanOutcome.MATCH
    assert page.status.text() == (
        "Central knows van 7 and its parking place, facility and provider service map match."
    )
    assert not page.warning.isVisible()
    assert not page.fix_button.isVisible()


def test_without_signing_in_the_check_is_left_for_the_next_sync(
    qtbot: QtBot, data_dir: DataDir
) -> None:
    wizard = make_wizard(qtbot, data_dir)
    type_into(wizard, {**SERVER, **VAN})
    for _ in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.check_page
    assert "will be checked at the next sync" in wizard.check_page.status.text()
    assert not wizard.check_page.fix_button.isVisible()
    assert wizard.button(wizard.WizardButton.FinishButton).isVisible()


def test_an_unreachable_address_is_a_warning_not_a_block(qtbot: QtBot, data_dir: DataDir) -> None:
    port = closed_port()
    wizard = make_wizard(qtbot, data_dir, check_address=True)
    type_into(
        wizard,
        {
            "central-url": f"http://127.0.0.1:{port}/mmuapi-v1.0",
            "common-url": f"http://127.0.0.1:{port}/commonapi-v1.0",
        },
    )
    wizard.next()
    assert wizard.currentPage() is wizard.van_page
    assert wizard.van_page.message.text().startswith("Warning: central could not be reached")


def test_an_address_that_is_not_amrit_keeps_the_page(
    qtbot: QtBot, data_dir: DataDir, central: Central
) -> None:
    central.faults.before = lambda call, n: garbage()
    wizard = make_wizard(qtbot, data_dir, check_address=True)
    type_into(wizard, central_urls(central))
    wizard.next()
    assert wizard.currentPage() is wizard.server_page
    assert "not an AMRIT server" in wizard.server_page.message.text()
