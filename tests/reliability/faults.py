"""Fault kinds for the reference central, each as a one-shot hook on one chosen call.

Every kind is what a van meets in the field (FIELD-NOTES "Kinds of fault"): HTTP 5xx,
a hang past the client's timeout, an upload applied and then the connection dropped
without a reply, a body cut short, garbage, HTTP 200 with an error ``statusCode``, the
session expiring in the middle of a run, one row refused, an ID batch repeating IDs the
laptop holds, and slow answers. ``install`` arms one kind on the ``number``-th next
call named ``call`` (names from ``reference_central.faults.CALLS``).
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Response, request

from tests.sync.conftest import Central, envelope, garbage

HANG_SECONDS = 1.5  # past the read timeout the fault tests give the client (1 s)
SLOW_SECONDS = 0.3


def _cut_connection() -> None:
    """Close the client's TCP connection now, whatever the handler returns after."""
    sock: socket.socket = request.environ["werkzeug.socket"]
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _send_truncated(response: Response) -> None:
    body = response.get_data()
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode("ascii")
    sock: socket.socket = request.environ["werkzeug.socket"]
    sock.sendall(head + body[: max(len(body) // 3, 1)])
    _cut_connection()


@dataclass(frozen=True)
class FaultKind:
    """One kind of fault: what central does to the call, and whether it applied it."""

    name: str
    applies: bool  # central did the work before the fault
    run_can_succeed: bool = False  # the client rides it out within the run
    before: Callable[[Central], Response | None] | None = None
    after: Callable[[Response], Response] | None = None
    ids: Callable[[list[dict[str, Any]]], list[dict[str, Any]]] | None = None


def _hang(_central: Central) -> None:
    time.sleep(HANG_SECONDS)  # then central does the work: it answers too late


def _expire_session(central: Central) -> None:
    central.clock.now += 10 * 24 * 3600  # the session times out; central answers 5002


def _drop(response: Response) -> Response:
    _cut_connection()
    return response


def _truncate(response: Response) -> Response:
    _send_truncated(response)
    return response


def _slow(response: Response) -> Response:
    time.sleep(SLOW_SECONDS)
    return response


FAULT_KINDS = {
    k.name: k
    for k in (
        FaultKind("http-500", applies=False, before=lambda _c: garbage("boom", 500)),
        FaultKind(
            "http-503", applies=False, run_can_succeed=True, before=lambda _c: garbage("", 503)
        ),
        FaultKind("hang-past-timeout", applies=True, before=_hang),
        FaultKind("apply-then-drop", applies=True, after=_drop),
        FaultKind("truncated-body", applies=True, after=_truncate),
        FaultKind("garbage-body", applies=True, after=lambda _r: garbage("<html>¿</html>")),
        FaultKind(
            "http-200-error-status",
            applies=False,
            before=lambda _c: envelope(None, 5000, "Failed with generic error"),
        ),
        FaultKind("session-expired", applies=False, before=_expire_session),
        FaultKind("slow-answer", applies=True, run_can_succeed=True, after=_slow),
    )
}


def install(central: Central, kind: FaultKind, call: str, number: int = 1) -> None:
    """Arm ``kind`` once, on the ``number``-th next ``call``."""
    faults = central.faults
    target = faults.calls.get(call, 0) + number

    def hit(name: str, n: int) -> bool:
        return name == call and n == target

    if kind.before is not None:
        before = kind.before
        faults.before = lambda name, n: before(central) if hit(name, n) else None
    if kind.after is not None:
        after = kind.after
        faults.after = lambda name, n, r: after(r) if hit(name, n) else r


def repeat_held_ids(held: list[tuple[int, int]]) -> Callable[[list[dict[str, Any]]], Any]:
    """An ID answer that hands back, among new ones, IDs the laptop already holds."""

    def rewrite(generated: list[dict[str, Any]]) -> list[dict[str, Any]]:
        repeats = [{**generated[0], "benRegId": str(r), "beneficiaryId": str(b)} for r, b in held]
        return repeats + generated[len(repeats) :]

    return rewrite


def clear(central: Central) -> None:
    central.faults.before = central.faults.after = None
    central.faults.reject = central.faults.ids = None


def as_json(response: Response) -> Any:
    return json.loads(response.get_data())
