"""Login, concurrent sessions and session expiry, over real HTTP."""

from __future__ import annotations

from typing import Any

import requests

from reference_central.seed import DEMO_PASSWORD, DEMO_USER
from reference_central.server import RunningCentral

SESSION_EXPIRED = "Session is expired. Please login again."
ALREADY_LOGGED_IN = (
    "You are already logged in,please confirm to logout from other device and login again"
)
MASTER_REQUEST = {
    "schemaName": "db_iemr",
    "tableName": "m_gender",
    "serverColumnName": "GenderID,GenderName",
    "masterType": "A",
    "lastDownloadDate": None,
    "vanID": 7,
    "providerServiceMapID": 1,
}


def test_login_with_encrypted_password(central: RunningCentral, new_client: Any) -> None:
    client = new_client()
    response = client.login()
    assert response.status_code == 200
    envelope = response.json()
    assert list(envelope) == ["data", "statusCode", "errorMessage", "status"]
    assert envelope["statusCode"] == 200
    assert envelope["status"] == "Success"
    data = envelope["data"]
    assert isinstance(data["key"], str) and len(data["key"]) >= 32
    assert any(p["serviceName"] == "MMU" for p in data["previlegeObj"])
    # A browser or Java client gets its JWT as a cookie, not in the body.
    assert "jwtToken" not in data
    assert response.cookies.get("Jwttoken", "").count(".") == 2
    # The key opens the sync endpoints.
    assert client.download(MASTER_REQUEST)["statusCode"] == 200


def test_okhttp_client_gets_tokens_in_body(central: RunningCentral, new_client: Any) -> None:
    response = new_client().login(user_agent="okhttp/4.12.0")
    data = response.json()["data"]
    assert data["jwtToken"].count(".") == 2
    assert data["refreshToken"].count(".") == 2
    assert "Jwttoken" not in response.cookies


def test_wrong_password_or_user_is_refused(central: RunningCentral, new_client: Any) -> None:
    client = new_client()
    for user, password in [(DEMO_USER, "wrong"), ("nobody", DEMO_PASSWORD)]:
        envelope = client.login(user, password).json()
        assert envelope["statusCode"] == 5002
        assert envelope["errorMessage"] == "Invalid username or password"
        assert "data" not in envelope or envelope["data"] is None
    plain = requests.post(
        central.common_url + "user/userAuthenticate",
        json={"userName": DEMO_USER, "password": DEMO_PASSWORD, "doLogout": False},
        timeout=10,
    ).json()
    assert plain["statusCode"] == 5002  # the password must travel encrypted


def test_concurrent_session_needs_do_logout(central: RunningCentral, new_client: Any) -> None:
    first, second = new_client(), new_client()
    assert first.login().json()["statusCode"] == 200

    refused = second.login().json()
    assert refused["statusCode"] == 5002
    assert refused["errorMessage"] == ALREADY_LOGGED_IN

    accepted = second.login(do_logout=True).json()
    assert accepted["statusCode"] == 200
    assert second.download(MASTER_REQUEST)["statusCode"] == 200
    # The first device's session was ended by the takeover.
    stale = first.download(MASTER_REQUEST)
    assert stale["statusCode"] == 5002
    assert stale["errorMessage"] == SESSION_EXPIRED


def test_logout_from_concurrent_session_then_login(
    central: RunningCentral, new_client: Any
) -> None:
    first, second = new_client(), new_client()
    first.login()
    assert second.login().json()["statusCode"] == 5002
    envelope = requests.post(
        central.common_url + "user/logOutUserFromConcurrentSession",
        json={"userName": DEMO_USER},
        timeout=10,
    ).json()
    assert envelope["statusCode"] == 200
    assert envelope["data"] == {"response": "User successfully logged out"}
    assert second.login().json()["statusCode"] == 200
    assert first.download(MASTER_REQUEST)["statusCode"] == 5002


def test_idle_session_expires_and_use_refreshes_it(new_client: Any, van: Any, clock: Any) -> None:
    # The fixture's server uses a 600 s idle expiry.
    clock.advance(500)
    assert van.download(MASTER_REQUEST)["statusCode"] == 200
    clock.advance(500)  # 1000 s after login, but only 500 s idle
    assert van.download(MASTER_REQUEST)["statusCode"] == 200
    clock.advance(601)
    envelope = van.download(MASTER_REQUEST)
    assert envelope == {
        "statusCode": 5002,
        "errorMessage": SESSION_EXPIRED,
        "status": SESSION_EXPIRED,
    }
    # After expiry a fresh login needs no doLogout.
    assert new_client().login().json()["statusCode"] == 200


def test_missing_bearer_or_unknown_key(central: RunningCentral, van: Any) -> None:
    url = central.central_url + "dataSync/server-to-van"
    no_header = requests.post(url, json=MASTER_REQUEST, timeout=10)
    assert 400 <= no_header.status_code < 500
    assert van.download(MASTER_REQUEST, key="Bearer " + (van.key or ""))["statusCode"] == 5002
    assert van.download(MASTER_REQUEST, key="not-a-key")["statusCode"] == 5002
    # A JWT cookie alongside the key is accepted, never required.
    with_cookie = van.download(MASTER_REQUEST, headers={"Cookie": "Jwttoken=abc.def.ghi"})
    assert with_cookie["statusCode"] == 200
