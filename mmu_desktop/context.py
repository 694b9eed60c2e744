"""What every command and screen works with: the data dir, its settings and database."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from mmu_desktop import settings as settings_store
from mmu_desktop.db.migrate import prepare_database
from mmu_desktop.paths import DataDir
from mmu_desktop.settings import Settings


@dataclass(frozen=True)
class VanContext:
    """The van and operator a new row is stamped with."""

    van_id: int
    parking_place_id: int
    vehicle_no: str
    provider_service_map_id: int | None
    user: str
    session_id: int = 3

    @classmethod
    def from_settings(cls, settings: Settings) -> VanContext:
        missing = settings.missing_for_registration()
        if missing:
            raise LookupError(
                "the van is not set up: set "
                + ", ".join(missing)
                + " (mmu-desktop config set KEY VALUE)"
            )
        assert settings.van_id is not None and settings.parking_place_id is not None
        return cls(
            van_id=settings.van_id,
            parking_place_id=settings.parking_place_id,
            vehicle_no=settings.vehicle_no,
            provider_service_map_id=settings.provider_service_map_id,
            user=settings.user or "mmu-user",
            session_id=settings.session_id,
        )


@dataclass
class AppContext:
    data_dir: DataDir
    settings: Settings
    engine: sa.Engine

    @classmethod
    def open(cls, root: Path | str | None) -> AppContext:
        data_dir = DataDir.at(root)
        settings = settings_store.load(data_dir)
        engine = prepare_database(
            data_dir.database, data_dir.backups, settings.provider_service_map_id
        )
        return cls(data_dir, settings, engine)

    def reload_settings(self) -> Settings:
        self.settings = settings_store.load(self.data_dir)
        return self.settings

    def van(self) -> VanContext:
        return VanContext.from_settings(self.settings)
