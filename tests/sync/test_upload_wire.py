"""How the upload goes on the wire: gzip only where central offers it, requests overlapped.

A central that lists ``Accept-Encoding: gzip`` in its answers (RFC 7694) gets gzipped
upload bodies after its first answer; one that refuses a gzipped body gets that batch
again as plain JSON and plain JSON from then on. Two requests are on the wire at once,
and every row still reaches central exactly once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from flask import Response, request

from mmu_desktop.db.demo_data import seed_demo
from mmu_desktop.sync.report import Phase
from tests.sync.conftest import FAST, Van
from tests.sync.test_upload import local_count, made_tables, processed_states


def upload_encodings(van: Van) -> list[str]:
    return [enc for call, enc in van.central.faults.encodings if call == "van-to-server"]


def assert_all_stored_once(van: Van) -> None:
    for name in made_tables(van):
        if name == "m_beneficiaryregidmapping":  # the used IDs (the pool's are not sent)
            assert local_count(van, name, lambda t: t.c.Processed.is_distinct_from("P")) == 0
            continue
        assert set(processed_states(van, name)) == {"P"}, name
        assert van.central.count(name) == local_count(van, name), name


def test_bodies_are_gzipped_once_central_said_it_accepts_them(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 20, seed=41)
    van.central.faults.encodings.clear()

    assert van.sync(Phase.UPLOAD).succeeded

    encodings = upload_encodings(van)
    assert encodings[0] == ""  # nothing is known of this central before its first answer
    assert encodings.count("gzip") >= len(encodings) - 3
    assert_all_stored_once(van)


def test_a_refused_gzip_body_is_sent_again_plain_and_the_rest_go_plain(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 12, 20, seed=43)
    van.central.faults.encodings.clear()

    def refuse_gzip(call: str, _n: int) -> Response | None:
        if request.headers.get("Content-Encoding") == "gzip":
            return Response("Unsupported Media Type", status=415)
        return None

    van.central.faults.before = refuse_gzip

    report = van.sync(Phase.UPLOAD)

    assert report.succeeded, report.summary
    encodings = upload_encodings(van)
    assert encodings.count("gzip") == 1
    assert encodings[encodings.index("gzip") + 1 :] == [""] * (len(encodings) - 2)
    assert_all_stored_once(van)


def test_an_envelope_about_the_encoding_also_falls_back_to_plain(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 6, 6, seed=44)
    van.central.faults.encodings.clear()

    def refuse_gzip(call: str, _n: int) -> Response | None:
        if request.headers.get("Content-Encoding") == "gzip":
            body = '{"statusCode": 5000, "errorMessage": "Unsupported encoding gzip"}'
            return Response(body, status=200, mimetype="application/json")
        return None

    van.central.faults.before = refuse_gzip

    assert van.sync(Phase.UPLOAD).succeeded
    assert upload_encodings(van).count("gzip") == 1
    assert_all_stored_once(van)


def test_two_requests_are_on_the_wire_at_once_and_one_when_asked(van: Van) -> None:
    assert van.sync(Phase.IDS).succeeded
    seed_demo(van.engine, van.ctx.van(), 30, 0, seed=45)
    van.set(upload_batch_size="5")
    lock = threading.Lock()
    now_open = [0]
    most_open = [0]

    def count_open(call: str, _n: int) -> Response | None:
        if call == "van-to-server":
            with lock:
                now_open[0] += 1
                most_open[0] = max(most_open[0], now_open[0])
            time.sleep(0.05)  # central at work: long enough for the next request to arrive
        return None

    def closed(call: str, _n: int, response: Response) -> Response:
        if call == "van-to-server":
            with lock:
                now_open[0] -= 1
        return response

    van.central.faults.before, van.central.faults.after = count_open, closed

    assert van.sync(Phase.UPLOAD).succeeded
    assert most_open[0] == 2
    assert_all_stored_once(van)

    seed_demo(van.engine, van.ctx.van(), 10, 0, seed=46)
    most_open[0] = 0
    assert van.sync(Phase.UPLOAD, options=replace(FAST, requests_in_flight=1)).succeeded
    assert most_open[0] == 1
    assert_all_stored_once(van)
