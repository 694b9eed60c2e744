"""The throttled link passes bytes unchanged and counts them and its connections."""

from __future__ import annotations

import socket
import threading

from benchmarks.throttle import LinkProfile, ThrottledProxy


def _echo_server() -> tuple[socket.socket, threading.Thread]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)

    def serve() -> None:
        for _ in range(2):
            conn, _ = listener.accept()
            with conn:
                data = conn.recv(65536)
                while data:
                    conn.sendall(data.upper())
                    data = conn.recv(65536)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return listener, thread


def _round_trip(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_proxy_forwards_and_counts_both_ways() -> None:
    listener, thread = _echo_server()
    fast = LinkProfile("test", 100_000_000, 0.01)
    with ThrottledProxy(listener.getsockname()[1], fast, max_seconds=30) as proxy:
        payload = b"abc" * 10_000
        assert _round_trip(proxy.port, payload) == payload.upper()
        assert _round_trip(proxy.port, b"xyz") == b"XYZ"
        thread.join(timeout=5)
        counted = proxy.counters.snapshot()
    listener.close()
    assert counted == {"bytes_up": 30_003, "bytes_down": 30_003, "connections": 2}


def test_proxy_rewrites_urls_to_its_own_port() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    with ThrottledProxy(port, LinkProfile("t", 1e6, 0.0), max_seconds=5) as proxy:
        url = proxy.url_for(f"http://127.0.0.1:{port}/mmuapi-v1.0/")
        assert url == f"http://127.0.0.1:{proxy.port}/mmuapi-v1.0/"
    listener.close()
