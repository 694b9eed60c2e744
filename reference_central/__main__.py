"""Run the reference central server: ``python -m reference_central --db URL --port N``."""

from __future__ import annotations

import argparse
import logging
import threading

from reference_central.db import make_engine
from reference_central.seed import DEMO_PASSWORD, DEMO_USER, DEMO_VAN_ID, seed_demo
from reference_central.server import start_server


def main(argv: list[str] | None = None) -> int:
    """Seed the database if needed, serve on 127.0.0.1 until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m reference_central",
        description="Reference AMRIT central server for MMU Desktop (127.0.0.1 only).",
    )
    parser.add_argument("--db", default="sqlite:///reference_central.db", help="SQLAlchemy URL")
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (0 = any)")
    parser.add_argument(
        "--session-ttl", type=float, default=1800, help="idle session expiry in seconds"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")

    engine = make_engine(args.db)
    seed_demo(engine)
    engine.dispose()
    running = start_server(args.db, port=args.port, session_ttl_seconds=args.session_ttl)
    print(f"MMU-API:    {running.central_url}")
    print(f"Common-API: {running.common_url}")
    print(f"Demo user:  {DEMO_USER} / {DEMO_PASSWORD} (van {DEMO_VAN_ID})")
    print("Press Ctrl+C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
