"""Van settings and server URLs, kept in ``settings.json`` in the data dir.

No secret is ever stored here: the ServerAuthorization key lives in the OS keyring
(see ``keystore``). The command line names each setting with a dashed key such as
``van-id``; the code uses the attribute names of ``Settings``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from mmu_desktop.paths import DataDir, write_private


class SettingError(ValueError):
    """A setting that does not exist or has a value that cannot be used."""


@dataclass
class Settings:
    central_url: str = ""
    common_url: str = ""
    van_id: int | None = None
    parking_place_id: int | None = None
    provider_service_map_id: int | None = None
    facility_id: int | None = None
    vehicle_no: str = ""
    user: str = ""
    # 1 morning, 2 evening, 3 full day: the first digit of every VisitCode.
    session_id: int = 3
    upload_batch_size: int = 200
    id_pool_target: int = 10000
    id_pool_low_water: int = 2000

    @property
    def van_configured(self) -> bool:
        return self.van_id is not None and self.parking_place_id is not None

    def missing_for_registration(self) -> list[str]:
        """Settings a registration needs that are not set, as command-line keys."""
        missing = []
        if self.van_id is None:
            missing.append("van-id")
        if self.parking_place_id is None:
            missing.append("parking-place-id")
        if self.provider_service_map_id is None:
            missing.append("provider-service-map-id")
        return missing


_INT_KEYS = {
    "van_id",
    "parking_place_id",
    "provider_service_map_id",
    "facility_id",
    "session_id",
    "upload_batch_size",
    "id_pool_target",
    "id_pool_low_water",
}
_URL_KEYS = {"central_url", "common_url"}


def key_names() -> list[str]:
    """Every setting as the command line spells it."""
    return [f.name.replace("_", "-") for f in fields(Settings)]


def load(data_dir: DataDir) -> Settings:
    path = data_dir.settings_file
    if not path.exists():
        return Settings()
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SettingError(f"cannot read {path}: {exc}") from exc
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in raw.items() if k in known})


def save(data_dir: DataDir, settings: Settings) -> None:
    write_private(data_dir.settings_file, json.dumps(asdict(settings), indent=2) + "\n")


def set_value(settings: Settings, key: str, value: str) -> Settings:
    """Return ``settings`` with the dashed ``key`` set from the text ``value``."""
    name = key.replace("-", "_")
    if name not in {f.name for f in fields(Settings)}:
        raise SettingError(f"unknown setting {key!r}; known: {', '.join(key_names())}")
    parsed: Any = value
    if name in _INT_KEYS:
        try:
            parsed = int(value)
        except ValueError as exc:
            raise SettingError(f"{key} must be a whole number, not {value!r}") from exc
        if parsed < 0 or (name == "van_id" and parsed >= 100000):
            raise SettingError(f"{key} is out of range: {value}")
        if name == "session_id" and parsed not in (1, 2, 3):
            raise SettingError("session-id must be 1 (morning), 2 (evening) or 3 (full day)")
        if name == "upload_batch_size" and not 1 <= parsed <= 5000:
            raise SettingError("upload-batch-size must be between 1 and 5000")
    elif name in _URL_KEYS:
        if not value.startswith(("http://", "https://")):
            raise SettingError(f"{key} must start with http:// or https://")
        parsed = value if value.endswith("/") else value + "/"
    setattr(settings, name, parsed)
    return settings
