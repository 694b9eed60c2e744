"""Demo mode: a local AMRIT central on 127.0.0.1 and a laptop set up to use it.

``mmu-desktop --demo`` calls ``start_demo``: it starts the reference central server
(a separate package, present in a source checkout but not in the installed app) on a
free port with its own SQLite database, points a fresh data dir at it, signs in as
the demo user and fills the ID pool, so a newcomer can register and sync at once.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mmu_desktop import settings as settings_store
from mmu_desktop.context import AppContext
from mmu_desktop.keystore import Keystore
from mmu_desktop.paths import DataDir
from mmu_desktop.sync.auth import login
from mmu_desktop.sync.engine import prepare, run_sync
from mmu_desktop.sync.report import Phase, RunReport


class DemoUnavailable(RuntimeError):
    """The reference central server is not part of this installation."""


@dataclass
class DemoSession:
    """A running demo: the laptop's context and the central server behind it."""

    ctx: AppContext
    central: Any
    first_sync: RunReport
    user: str

    def stop(self) -> None:
        self.ctx.engine.dispose()
        self.central.stop()


def start_demo(root: Path | str | None = None) -> DemoSession:
    """Start a demo central and prepare a data dir (a new temporary one by default)."""
    try:
        from reference_central import seed as central_seed
        from reference_central.server import start_server
    except ImportError as exc:
        raise DemoUnavailable(
            "Demo mode needs the reference central server, which comes with the source "
            "code, not with the installed app."
        ) from exc

    folder = Path(root) if root else Path(tempfile.mkdtemp(prefix="mmu-demo-"))
    data_dir = DataDir.at(folder)
    central = start_server(f"sqlite:///{data_dir.root / 'demo-central.db'}")
    central_seed.seed_demo(central.engine)

    current = settings_store.load(data_dir)
    for key, value in {
        "central-url": central.central_url,
        "common-url": central.common_url,
        "van-id": str(central_seed.DEMO_VAN_ID),
        "parking-place-id": str(central_seed.DEMO_PARKING_PLACE_ID),
        "provider-service-map-id": str(central_seed.DEMO_PROVIDER_SERVICE_MAP_ID),
        "facility-id": str(central_seed.DEMO_FACILITY_ID),
        "vehicle-no": "UP32 AB 1234",
        "user": central_seed.DEMO_USER,
    }.items():
        settings_store.set_value(current, key, value)
    settings_store.save(data_dir, current)

    signed_in = login(central.common_url, central_seed.DEMO_USER, central_seed.DEMO_PASSWORD)
    Keystore(data_dir.root).save(signed_in.credentials)

    ctx = AppContext.open(data_dir.root)
    plan = prepare(data_dir, ctx.settings, phases=[Phase.DOWNLOAD, Phase.IDS])
    first = run_sync(plan, ctx.engine)
    return DemoSession(ctx, central, first, central_seed.DEMO_USER)
