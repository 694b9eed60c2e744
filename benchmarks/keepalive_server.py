"""The reference central behind a keep-alive HTTP/1.1 front, on 127.0.0.1.

Werkzeug's development server closes every connection after one answer
("Connection: close" always), while a real AMRIT central (Tomcat, usually behind
nginx) keeps connections alive. Measuring a kept-alive client against Werkzeug would
charge it a TCP handshake per request it does not pay in the field, so the benchmarks
serve the same Flask app through this small stdlib server instead: HTTP/1.1, answers
with Content-Length, a connection kept until the client asks to close it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from flask import Flask

from reference_central.app import COMMON_PREFIX, EXTENSION, MMU_PREFIX, create_app

LOOPBACK = "127.0.0.1"
MAX_BODY = 200_000_000
SOCKET_TIMEOUT = 120.0  # an idle kept-alive connection is closed after this long
_SKIP_HEADERS = {"content-length", "connection", "transfer-encoding", "date", "server"}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT
    app: Flask

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return None

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        headers = [(k, v) for k, v in self.headers.items() if k.lower() != "connection"]
        answer = self.app.test_client().open(
            self.path, method=self.command, headers=headers, data=body
        )
        payload = answer.get_data()
        self.send_response(answer.status_code)
        for key, value in answer.headers.items():
            if key.lower() not in _SKIP_HEADERS:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)

    do_GET = _forward
    do_POST = _forward
    do_HEAD = _forward


@dataclass
class KeepAliveCentral:
    """A started server: its base URLs, database and a way to stop it."""

    central_url: str
    common_url: str
    engine: sa.Engine
    port: int
    _server: ThreadingHTTPServer
    _thread: threading.Thread

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        self.engine.dispose()


def start_keepalive_central(db_url: str, *, accept_gzip: bool = True) -> KeepAliveCentral:
    """Serve the reference central for ``db_url`` on 127.0.0.1 (a free port).

    ``accept_gzip=False`` makes a central that takes plain JSON only, like a real AMRIT
    central: it does not advertise gzip request bodies and refuses them with HTTP 415.
    """
    app = create_app(db_url, accept_gzip=accept_gzip)
    handler = type("Handler", (_Handler,), {"app": app})
    server = ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    port = int(server.server_address[1])
    base = f"http://{LOOPBACK}:{port}"
    return KeepAliveCentral(
        central_url=f"{base}{MMU_PREFIX}/",
        common_url=f"{base}{COMMON_PREFIX}/",
        engine=app.extensions[EXTENSION].engine,
        port=port,
        _server=server,
        _thread=thread,
    )


@dataclass
class CentralProcess:
    """The keep-alive central in a process of its own (``python -m`` this module).

    The benchmarks' throttled proxies run as threads of the parent process; a central in
    the same process would take the interpreter lock from them while it stores a batch,
    and the simulated link would stall when no real link would.
    """

    central_url: str
    common_url: str
    port: int
    _process: subprocess.Popen[str]
    _log: IO[str]

    def stop(self) -> None:
        """Close the child's stdin (it stops serving and exits) and wait for it."""
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self._process.kill()  # our own child, by its handle
            self._process.wait()
        self._log.close()


def start_central_process(db_url: str, *, accept_gzip: bool, log_file: Path) -> CentralProcess:
    """Start the keep-alive central for ``db_url`` in a child process on 127.0.0.1."""
    log = log_file.open("w", encoding="utf-8")
    command = [sys.executable, "-m", "benchmarks.keepalive_server", db_url]
    if not accept_gzip:
        command.append("--plain-only")
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.wait()
        log.close()
        raise RuntimeError(f"the central process did not start: {log_file.read_text()[-2000:]}")
    where = json.loads(line)
    return CentralProcess(where["central_url"], where["common_url"], where["port"], process, log)


def main() -> None:
    """Serve until stdin closes; print the URLs and port as one JSON line first."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.keepalive_server")
    parser.add_argument("db_url")
    parser.add_argument("--plain-only", action="store_true", help="no gzip request bodies")
    args = parser.parse_args()
    central = start_keepalive_central(args.db_url, accept_gzip=not args.plain_only)
    where = {"central_url": central.central_url, "common_url": central.common_url}
    print(json.dumps({**where, "port": central.port}), flush=True)
    sys.stdin.read()
    central.stop()


if __name__ == "__main__":
    main()
