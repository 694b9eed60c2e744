"""``mmu-desktop provision FILE``: set up a van laptop from a file IT prepared.

The file is a JSON object of settings, spelled as ``mmu-desktop config set`` spells them
(``central-url``, ``van-id``, ...; ``central_url`` is accepted too), for example::

    {"central-url": "https://amrit.example/mmuapi-v1.0/", "van-id": 7,
     "parking-place-id": 3, "provider-service-map-id": 1, "vehicle-no": "UP32 AB 1234"}

It never holds a secret: a file with anything that looks like a password, key or token
(a field named so, a web address with a password in it, a JWT) is refused as a whole, so
a file passed around on a USB stick cannot leak a sign-in. Either every value is valid
and all are saved at once, or nothing changes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from copy import deepcopy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mmu_desktop import settings as settings_store
from mmu_desktop.paths import DataDir

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_FILE_BYTES = 64 * 1024  # a provisioning file is a dozen lines

# Field names that mean a secret, wherever they appear in the file.
SECRET_NAME = re.compile(
    r"pass(word|wd|phrase)?|secret|token|jwt|api[-_]?key|private|credential|authori[sz]ation"
    r"|(^|[-_])key($|[-_])|pin$|otp",
    re.IGNORECASE,
)
# A JSON Web Token: three base64url parts, the first starting with '{"' encoded.
JWT_VALUE = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.")


class ProvisionError(ValueError):
    """A provisioning file that cannot be used; the message says why."""


def _secret_in(value: Any, where: str) -> str | None:
    """Where in ``value`` something looks like a secret, or None."""
    if isinstance(value, dict):
        for name, inner in value.items():
            if SECRET_NAME.search(str(name)):
                return f"a field named {name!r}"
            found = _secret_in(inner, f"{where}.{name}" if where else str(name))
            if found:
                return found
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found = _secret_in(inner, f"{where}[{index}]")
            if found:
                return found
    elif isinstance(value, str):
        if JWT_VALUE.search(value):
            return f"a token in {where or 'the file'}"
        if "://" in value and urlsplit(value.strip()).password:
            return f"a web address with a password in {where or 'the file'}"
        if re.match(r"\s*(bearer|basic)\s+\S", value, re.IGNORECASE):
            return f"an authorization header in {where or 'the file'}"
    return None


def parse(text: str) -> dict[str, str]:
    """The settings in a provisioning file's ``text``, as dashed key -> text value.

    Raises:
        ProvisionError: not a JSON object, a secret in it, an unknown setting or a value
            of the wrong kind.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProvisionError(f"it is not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(raw, dict):
        raise ProvisionError('it must hold one JSON object of settings, such as {"van-id": 7}')
    secret = _secret_in(raw, "")
    if secret:
        raise ProvisionError(
            f"it seems to hold a secret ({secret}). A provisioning file must never hold "
            "passwords, keys or tokens: remove them and sign in on the laptop instead"
        )
    known = set(settings_store.key_names())
    values: dict[str, str] = {}
    for name, value in raw.items():
        key = str(name).strip().replace("_", "-")
        if key not in known:
            raise ProvisionError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ProvisionError(f"{key} must be text or a whole number")
        values[key] = str(value)
    if not values:
        raise ProvisionError("it holds no settings")
    return values


def apply(data_dir: DataDir, values: dict[str, str]) -> settings_store.Settings:
    """Check every value against the data dir's settings, then save them all at once.

    Raises:
        ProvisionError: a value the app or central cannot use (nothing is saved).
        SettingError: the settings already saved cannot be read.
    """
    updated = deepcopy(settings_store.load(data_dir))
    try:
        for key, value in values.items():
            # The pool pair is checked once at the end, so the order in the file is free.
            settings_store.set_value(updated, key, value, check_pool_pair=False)
    except settings_store.SettingError as exc:
        raise ProvisionError(str(exc)) from exc
    if updated.id_pool_low_water >= updated.id_pool_target:
        raise ProvisionError("id-pool-low-water must be smaller than id-pool-target")
    settings_store.save(data_dir, updated)
    return updated


def add_command(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``provision FILE`` to the main parser."""
    provision = subparsers.add_parser(
        "provision", help="set the server URLs and van settings from a JSON file (no secrets)"
    )
    provision.add_argument("file", type=Path, metavar="FILE", help="the provisioning file")
    provision.set_defaults(handler=run_provision)


def run_provision(args: argparse.Namespace, root: Path | None) -> int:
    """The ``provision`` command: print what was set, or why nothing was."""
    path: Path = args.file
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        print(f"mmu-desktop: cannot read {path}: {exc.strerror or exc}.", file=sys.stderr)
        return EXIT_FAILED
    try:
        if len(data) > MAX_FILE_BYTES:
            raise ProvisionError("it is too large for a provisioning file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProvisionError("it is not a text file") from exc
        values = parse(text)
        data_dir = DataDir.at(root)
        saved = apply(data_dir, values)
    except ProvisionError as exc:
        print(f"mmu-desktop: {path} was not used: {exc}. Nothing was changed.", file=sys.stderr)
        return EXIT_USAGE

    print(f"Settings from {path.name} saved in {data_dir.root}:")
    for key in values:
        print(f"  {key} = {settings_store.shown(saved, key)}")
    missing = saved.missing_for_registration()
    if missing:
        print(f"Still to set before registering: {', '.join(missing)}.")
    print("Next: sign in on this laptop (the window asks, or 'mmu-desktop login --user NAME').")
    return EXIT_OK
