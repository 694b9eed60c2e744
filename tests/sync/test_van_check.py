"""The setup check of the van settings against a real reference central on 127.0.0.1."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from mmu_desktop.keystore import Credentials
from mmu_desktop.settings import Settings
from mmu_desktop.sync.auth import login
from mmu_desktop.sync.van_check import (
    ProbeOutcome,
    VanOutcome,
    check_van,
    probe_central,
)
from reference_central import seed as central_seed
from tests.sync.conftest import Central, garbage


def closed_port() -> int:
    """A port on 127.0.0.1 nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def demo_settings(central: Central) -> Settings:
    return Settings(
        central_url=central.server.central_url,
        common_url=central.server.common_url,
        van_id=central_seed.DEMO_VAN_ID,
        parking_place_id=central_seed.DEMO_PARKING_PLACE_ID,
        provider_service_map_id=central_seed.DEMO_PROVIDER_SERVICE_MAP_ID,
        facility_id=central_seed.DEMO_FACILITY_ID,
    )


@pytest.fixture
def credentials(central: Central) -> Credentials:
    result = login(
        central.server.common_url,
        central_seed.DEMO_USER,
        central_seed.DEMO_PASSWORD,
        end_other_session=True,
    )
    return result.credentials


def test_a_matching_van(central: Central, credentials: Credentials) -> None:
    result = check_van(demo_settings(central), credentials)
    assert result.outcome is VanOutcome.MATCH
    assert result.sentences == (
        "Central knows van 7 and its parking place, facility and provider service map match.",
    )
    assert not result.needs_fixing
    call, body = central.faults.bodies[-1]
    assert call == "server-to-van"
    assert body["tableName"] == "m_van"
    assert body["masterType"] == "V"
    assert body["lastDownloadDate"] is None
    assert body["vanID"] == 7


def test_an_unknown_van(central: Central, credentials: Credentials) -> None:
    result = check_van(replace(demo_settings(central), van_id=70), credentials)
    assert result.outcome is VanOutcome.UNKNOWN_VAN
    assert result.sentences == ("Central does not know van 70.",)
    assert result.needs_fixing


def test_a_mismatched_parking_place(central: Central, credentials: Credentials) -> None:
    result = check_van(replace(demo_settings(central), parking_place_id=4), credentials)
    assert result.outcome is VanOutcome.MISMATCH
    assert result.sentences == ("Central says van 7 belongs to parking place 3, not 4.",)
    assert result.needs_fixing


def test_every_difference_is_named(central: Central, credentials: Credentials) -> None:
    settings = replace(demo_settings(central), facility_id=None, provider_service_map_id=2)
    result = check_van(settings, credentials)
    assert result.outcome is VanOutcome.MISMATCH
    assert result.sentences == (
        "Central says van 7 belongs to facility 9, but none is set here.",
        "Central says van 7 belongs to provider service map 1, not 2.",
    )


def test_an_unreachable_central_is_checked_later() -> None:
    port = closed_port()
    settings = Settings(
        central_url=f"http://127.0.0.1:{port}/mmuapi-v1.0/",
        common_url=f"http://127.0.0.1:{port}/commonapi-v1.0/",
        van_id=7,
        parking_place_id=3,
        provider_service_map_id=1,
    )
    result = check_van(settings, Credentials(key="k"))
    assert result.outcome is VanOutcome.NOT_CHECKED
    assert result.sentences == (
        "Could not reach central; the values were saved and will be checked at the next sync.",
    )
    assert not result.needs_fixing


def test_an_expired_sign_in_is_not_an_error(central: Central) -> None:
    result = check_van(demo_settings(central), Credentials(key="not-a-session"))
    assert result.outcome is VanOutcome.NOT_CHECKED
    assert "sign-in" in result.text and "next sync" in result.text


def test_nobody_signed_in_makes_no_call(central: Central) -> None:
    result = check_van(demo_settings(central), None)
    assert result.outcome is VanOutcome.NOT_CHECKED
    assert "next sync" in result.text
    assert central.faults.bodies == []


def test_probe_finds_an_amrit_server(central: Central) -> None:
    assert probe_central(central.server.central_url).outcome is ProbeOutcome.AMRIT


def test_probe_of_a_closed_port_is_a_warning() -> None:
    probe = probe_central(f"http://127.0.0.1:{closed_port()}/mmuapi-v1.0/", timeout=1)
    assert probe.outcome is ProbeOutcome.UNREACHABLE


def test_probe_of_a_page_that_is_not_amrit(central: Central) -> None:
    central.faults.before = lambda call, n: garbage()
    probe = probe_central(central.server.central_url)
    assert probe.outcome is ProbeOutcome.NOT_AMRIT
    assert "not an AMRIT server" in probe.sentence


def test_probe_of_a_wrong_path(central: Central) -> None:
    wrong = central.server.central_url.replace("mmuapi", "nothing-here")
    assert probe_central(wrong).outcome is ProbeOutcome.NOT_AMRIT
