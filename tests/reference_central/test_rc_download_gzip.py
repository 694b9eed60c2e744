"""``dataSync/server-to-van`` answers travel gzipped to a van that accepts gzip."""

from __future__ import annotations

import gzip
import json
from typing import Any

import requests

from reference_central.server import RunningCentral
from tests.reference_central.test_rc_download import _request

TIMEOUT = 30


def download(central: RunningCentral, van: Any, body: Any, encoding: str) -> requests.Response:
    """POST a download request; the answer's bytes are left as they came off the wire."""
    response = requests.post(
        central.central_url + "dataSync/server-to-van",
        json=body,
        headers={"Authorization": van.key, "Accept-Encoding": encoding},
        timeout=TIMEOUT,
        stream=True,
    )
    assert response.status_code == 200
    return response


def test_a_master_answer_is_gzipped_for_a_van_that_accepts_it(
    central: RunningCentral, van: Any
) -> None:
    body = _request("m_item", "P")

    zipped = download(central, van, body, "gzip, deflate")
    plain = download(central, van, body, "identity")

    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert "Content-Encoding" not in plain.headers
    wire = zipped.raw.read()  # still compressed: urllib3 decodes only when asked
    text = plain.raw.read()
    assert len(wire) < len(text) / 3
    answer = json.loads(gzip.decompress(wire))
    assert answer == json.loads(text)
    assert answer["statusCode"] == 200 and len(answer["data"]) > 10


def test_short_answers_go_plain(central: RunningCentral, van: Any) -> None:
    genders = download(central, van, _request("m_gender", "A"), "gzip")
    refused = download(central, van, _request("m_gender", "A", tableName="m_nosuch"), "gzip")

    assert "Content-Encoding" not in genders.headers
    assert len(json.loads(genders.raw.read())["data"]) == 3
    assert "Content-Encoding" not in refused.headers
    assert json.loads(refused.raw.read())["statusCode"] == 5000
