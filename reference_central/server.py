"""Running the reference central server in a background thread on 127.0.0.1."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from reference_central.app import COMMON_PREFIX, EXTENSION, MMU_PREFIX, create_app

LOOPBACK = "127.0.0.1"
# How often the serving loop checks for stop(); also the worst-case stop delay.
STOP_POLL_SECONDS = 0.05


class _QuietHandler(WSGIRequestHandler):
    """Keep-alive capable, and no access log line per request."""

    protocol_version = "HTTP/1.1"

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        return None


@dataclass
class RunningCentral:
    """A started server: its base URLs, database and a way to stop it."""

    central_url: str
    common_url: str
    db_url: str
    engine: sa.Engine
    _server: BaseWSGIServer
    _thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self._server.server_port)

    def stop(self) -> None:
        """Stop serving, wait for the thread and release the database."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        self.engine.dispose()


def start_server(
    db_url: str, host: str = LOOPBACK, port: int = 0, **app_options: Any
) -> RunningCentral:
    """Serve the app for ``db_url`` on ``host:port`` (0 = a free port) in a daemon thread.

    Only the loopback address is allowed: this server is for demos and tests.
    ``app_options`` go to ``create_app`` (``session_ttl_seconds``, ``faults``, ...).
    """
    if host not in (LOOPBACK, "localhost"):
        raise ValueError("the reference central server binds to 127.0.0.1 only")
    app = create_app(db_url, **app_options)
    server = make_server(LOOPBACK, port, app, threaded=True, request_handler=_QuietHandler)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": STOP_POLL_SECONDS},
        name="reference-central",
        daemon=True,
    )
    thread.start()
    base = f"http://{LOOPBACK}:{server.server_port}"
    return RunningCentral(
        central_url=f"{base}{MMU_PREFIX}/",
        common_url=f"{base}{COMMON_PREFIX}/",
        db_url=db_url,
        engine=app.extensions[EXTENSION].engine,
        _server=server,
        _thread=thread,
    )
