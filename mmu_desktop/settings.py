"""Van settings and server URLs, kept in ``settings.json`` in the data dir.

No secret is ever stored here: the ServerAuthorization key lives in the OS keyring
(see ``keystore``). The command line names each setting with a dashed key such as
``van-id``; the code uses the attribute names of ``Settings``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    # A request body larger than this is split (a proxy may refuse big bodies).
    upload_max_request_bytes: int = 1_000_000
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
    "upload_max_request_bytes",
    "id_pool_target",
    "id_pool_low_water",
}
_URL_KEYS = {"central_url", "common_url"}


def key_names() -> list[str]:
    """Every setting as the command line spells it."""
    return [f.name.replace("_", "-") for f in fields(Settings)]


def load(data_dir: DataDir) -> Settings:
    """The data dir's settings; defaults when none were saved yet.

    Raises:
        SettingError: the file cannot be read or holds values of the wrong kind.
    """
    path = data_dir.settings_file
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingError(
            f"the settings file {path} cannot be read ({type(exc).__name__}). "
            "Restore it from a backup, or set the values again with "
            "'mmu-desktop config set KEY VALUE'"
        ) from exc
    if not isinstance(raw, dict):
        raise SettingError(f"the settings file {path} does not hold settings")
    settings = Settings()
    for field_ in fields(Settings):
        if raw.get(field_.name) in (None, ""):
            continue
        value = raw[field_.name]
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise SettingError(f"{path}: {field_.name} has a value of the wrong kind")
        set_value(settings, field_.name.replace("_", "-"), str(value), check_pool_pair=False)
    if settings.id_pool_low_water >= settings.id_pool_target:
        raise SettingError(f"{path}: id_pool_low_water must be smaller than id_pool_target")
    return settings


def set_aside_damaged(data_dir: DataDir) -> Path:
    """Rename an unreadable settings file out of the way and return its new name."""
    path = data_dir.settings_file
    target = path.with_name(f"settings.damaged-{datetime.now():%Y%m%d-%H%M%S}.json")
    os.replace(path, target)
    return target


def save(data_dir: DataDir, settings: Settings) -> None:
    write_private(data_dir.settings_file, json.dumps(asdict(settings), indent=2) + "\n")


MAX_INT = 2**31 - 1  # AMRIT's int(11) columns


def set_value(
    settings: Settings, key: str, value: str, *, check_pool_pair: bool = True
) -> Settings:
    """Return ``settings`` with the dashed ``key`` set from the text ``value``.

    Raises:
        SettingError: an unknown key, or a value the app or central cannot use.
    """
    name = key.replace("-", "_")
    if name not in {f.name for f in fields(Settings)}:
        raise SettingError(f"unknown setting {key!r}; known: {', '.join(key_names())}")
    text = value.strip()
    parsed: Any = text
    if name in _INT_KEYS:
        if not re.fullmatch(r"[0-9]+", text):
            raise SettingError(f"{key} must be a whole number, not {value!r}")
        parsed = int(text)
        low = 0 if name == "facility_id" else 1
        if not low <= parsed <= MAX_INT or (name == "van_id" and parsed >= 100000):
            raise SettingError(f"{key} is out of range: {value}")
        if name == "session_id" and parsed not in (1, 2, 3):
            raise SettingError("session-id must be 1 (morning), 2 (evening) or 3 (full day)")
        if name == "upload_batch_size" and not 1 <= parsed <= 5000:
            raise SettingError("upload-batch-size must be between 1 and 5000")
        if name == "upload_max_request_bytes" and not 2000 <= parsed <= 100_000_000:
            raise SettingError("upload-max-request-bytes must be between 2000 and 100000000")
        if name == "id_pool_target" and not 100 <= parsed <= 20000:
            raise SettingError("id-pool-target must be between 100 and 20000")
        if check_pool_pair:
            target = parsed if name == "id_pool_target" else settings.id_pool_target
            low = parsed if name == "id_pool_low_water" else settings.id_pool_low_water
            if low >= target:
                raise SettingError("id-pool-low-water must be smaller than id-pool-target")
    elif name in _URL_KEYS:
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
            raise SettingError(f"{key} must be a web address such as https://central.example/")
        parsed = text if text.endswith("/") else text + "/"
    elif name == "vehicle_no" and len(text) > 30:
        raise SettingError("vehicle-no is at most 30 characters (AMRIT's VehicalNo column)")
    elif name == "user" and len(text) > 30:
        raise SettingError("user is at most 30 characters (AMRIT's SyncedBy column)")
    setattr(settings, name, parsed)
    return settings


def shown(settings: Settings, key: str) -> str:
    """The stored value of the dashed ``key`` as text, as ``config show`` prints it."""
    value = getattr(settings, key.replace("-", "_"))
    return "" if value is None else str(value)
