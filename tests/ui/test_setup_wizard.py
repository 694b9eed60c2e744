"""The first-run setup wizard: typed or imported values, checked, saved all at once."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from mmu_desktop import settings as settings_store
from mmu_desktop.paths import DataDir
from mmu_desktop.settings import Settings
from mmu_desktop.ui.setup_wizard import SetupWizard, needs_setup

SERVER = {
    "central-url": "https://amrit.example/mmuapi-v1.0",
    "common-url": "https://amrit.example/commonapi-v1.0",
}
VAN = {"van-id": "7", "parking-place-id": "3", "provider-service-map-id": "1"}


def make_wizard(qtbot: QtBot, data_dir: DataDir) -> SetupWizard:
    wizard = SetupWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


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
