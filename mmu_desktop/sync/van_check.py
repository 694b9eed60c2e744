"""Checks of the setup values against AMRIT central, for the first-run wizard (no Qt).

``check_van`` asks central for the ``m_van`` row of our van (a ``server-to-van`` request,
MasterType ``V``, ``lastDownloadDate`` null, contract 8.2 and 8.3) and compares its
parking place, facility and provider service map with the settings. ``probe_central``
is a quick "is this an AMRIT server at all" call with a short timeout. Both return plain
sentences for IT and never raise for a known failure: a van that cannot be checked now
is checked again by the next sync's master download.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import Any

from mmu_desktop.db.schema import table_specs
from mmu_desktop.keystore import Credentials
from mmu_desktop.settings import Settings
from mmu_desktop.sync.client import (
    MASTER_DOWNLOAD_PATH,
    NO_RETRY,
    AccessDenied,
    AmritClient,
    AuthProblem,
    BadReply,
    HttpError,
    RetryPolicy,
    SessionExpired,
    SyncError,
    Timeouts,
    TransportError,
    join_url,
)

log = logging.getLogger(__name__)

VAN_TABLE = "m_van"
VAN_COLUMNS = ("VanID", "ParkingPlaceID", "FacilityID", "ProviderServiceMapID", "Deleted")
CHECK_TIMEOUTS = Timeouts(connect=5.0, read=20.0, upload_read=20.0)
PROBE_TIMEOUT = 3.0
LATER = "the values were saved and will be checked at the next sync."
UNREACHABLE = f"Could not reach central; {LATER}"
NOT_AMRIT = "This address is not an AMRIT server (its answer is not an AMRIT reply)."

# (setting attribute, m_van column, words for a sentence)
_COMPARED = (
    ("parking_place_id", "ParkingPlaceID", "parking place"),
    ("facility_id", "FacilityID", "facility"),
    ("provider_service_map_id", "ProviderServiceMapID", "provider service map"),
)


class VanOutcome(enum.Enum):
    """What the van check found."""

    MATCH = "match"
    MISMATCH = "mismatch"
    UNKNOWN_VAN = "unknown van"
    NOT_CHECKED = "not checked"  # unreachable, not signed in, or central refused


@dataclass(frozen=True)
class VanCheck:
    """The outcome of ``check_van`` and the sentences to show IT."""

    outcome: VanOutcome
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def needs_fixing(self) -> bool:
        """True when central disagrees with the van settings (a person must act)."""
        return self.outcome in (VanOutcome.MISMATCH, VanOutcome.UNKNOWN_VAN)


class ProbeOutcome(enum.Enum):
    """What a quick call to a central address found."""

    AMRIT = "amrit"
    UNREACHABLE = "unreachable"
    NOT_AMRIT = "not amrit"


@dataclass(frozen=True)
class Probe:
    """The outcome of ``probe_central`` and a sentence for IT."""

    outcome: ProbeOutcome
    sentence: str


def van_request(van_id: int, provider_service_map_id: int | None) -> dict[str, Any]:
    """The ``server-to-van`` body for our ``m_van`` row, shaped as AMRIT's van sends it."""
    spec = table_specs()[VAN_TABLE]
    columns = ",".join(VAN_COLUMNS)
    return {
        "downloadMasterTableID": None,
        "schemaName": spec.schema,
        "tableName": VAN_TABLE,
        "serverColumnName": columns,
        "vanColumnName": columns,
        "autoIncColumnName": "VanID",
        "masterType": "V",
        "lastDownloadDate": None,
        "deleted": False,
        "processed": "N",
        "vanID": van_id,
        "providerServiceMapID": provider_service_map_id,
    }


def _as_id(value: Any) -> int | None:
    """A central ID value (int, float or digits) as an int; None when empty or not an ID."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _is_deleted(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "b'\\x01'")
    return bool(value)


def compare(settings: Settings, van_id: int, row: dict[str, Any]) -> VanCheck:
    """Compare central's ``m_van`` ``row`` with the settings."""
    problems: list[str] = []
    if _is_deleted(row.get("Deleted")):
        problems.append(f"Central has van {van_id} marked as deleted.")
    for attribute, column, words in _COMPARED:
        ours: int | None = getattr(settings, attribute)
        theirs = _as_id(row.get(column))
        if ours == theirs:
            continue
        if theirs is None:
            problems.append(f"Central has no {words} for van {van_id}, but {ours} is set here.")
        elif ours is None:
            problems.append(
                f"Central says van {van_id} belongs to {words} {theirs}, but none is set here."
            )
        else:
            problems.append(f"Central says van {van_id} belongs to {words} {theirs}, not {ours}.")
    if problems:
        return VanCheck(VanOutcome.MISMATCH, tuple(problems))
    return VanCheck(
        VanOutcome.MATCH,
        (
            f"Central knows van {van_id} and its parking place, facility and provider "
            "service map match.",
        ),
    )


def _not_checked(*sentences: str) -> VanCheck:
    return VanCheck(VanOutcome.NOT_CHECKED, tuple(sentences))


def check_van(
    settings: Settings, credentials: Credentials | None, client: AmritClient | None = None
) -> VanCheck:
    """Ask central for the ``m_van`` row of ``settings.van_id`` and compare it.

    ``client`` (with its own credentials, timeouts and retries) is used when given;
    otherwise one is made from the settings and ``credentials`` with short timeouts and
    closed afterwards. Known failures become a ``NOT_CHECKED`` result, never an error.
    """
    van_id = settings.van_id
    if van_id is None:
        return _not_checked("No van ID is set, so nothing was checked against central.")
    if not settings.central_url:
        return _not_checked(f"No central address is set; {LATER}")
    if client is None and credentials is None:
        return _not_checked(f"Nobody is signed in yet, so van {van_id} was not checked; {LATER}")
    http = client or AmritClient(
        settings.central_url,
        settings.common_url,
        credentials,
        timeouts=CHECK_TIMEOUTS,
        retry=RetryPolicy(attempts=2, base_delay=0.5, max_delay=1.0, budget=10.0),
    )
    try:
        envelope = http.download_master(van_request(van_id, settings.provider_service_map_id))
    except (SessionExpired, AccessDenied, AuthProblem) as exc:
        log.info("van check: central refused the sign-in: %s", exc)
        return _not_checked(f"Central did not accept the sign-in: {exc} Van {van_id}: {LATER}")
    except TransportError as exc:
        log.info("van check: %s", exc)
        return _not_checked(UNREACHABLE)
    except (BadReply, HttpError) as exc:
        log.info("van check: %s", exc)
        return _not_checked(f"{NOT_AMRIT} Check the MMU API address; {LATER}")
    except SyncError as exc:
        log.info("van check: %s", exc)
        return _not_checked(f"Central could not look up van {van_id}: {exc} {LATER}")
    finally:
        if client is None:
            http.close()
    if not envelope.ok:
        return _not_checked(
            f"Central could not look up van {van_id}: {envelope.describe_error()}; {LATER}"
        )
    rows = envelope.data
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        return _not_checked(f"Central's answer about van {van_id} could not be read; {LATER}")
    mine = [row for row in rows if _as_id(row.get("VanID")) in (van_id, None)]
    if not mine:
        return VanCheck(VanOutcome.UNKNOWN_VAN, (f"Central does not know van {van_id}.",))
    return compare(settings, van_id, mine[0])


def probe_central(
    central_url: str, timeout: float = PROBE_TIMEOUT, client: AmritClient | None = None
) -> Probe:
    """A quick call to the MMU API address: does an AMRIT server answer there?

    It sends a master request without a session key; AMRIT answers that with its
    envelope (code 5002) or with a bare HTTP 401, and nothing is read or changed.
    """
    http = client or AmritClient(
        central_url,
        "",
        Credentials(key=""),
        timeouts=Timeouts(connect=timeout, read=timeout, upload_read=timeout),
        retry=NO_RETRY,
    )
    url = join_url(central_url, MASTER_DOWNLOAD_PATH)
    try:
        http.post(url, {}, idempotent=True, session_expiry_is_error=False)
    except (SessionExpired, AccessDenied):
        pass  # AMRIT's filters refuse a call without a live session this way
    except TransportError:
        return Probe(
            ProbeOutcome.UNREACHABLE,
            "Central could not be reached now. You can go on; the addresses are checked "
            "again when you sign in and sync.",
        )
    except HttpError as exc:
        if exc.http_status >= 500:
            return Probe(
                ProbeOutcome.UNREACHABLE,
                f"Central had a problem (HTTP {exc.http_status}). You can go on; the "
                "addresses are checked again when you sign in and sync.",
            )
        return Probe(ProbeOutcome.NOT_AMRIT, NOT_AMRIT)
    except BadReply:
        return Probe(ProbeOutcome.NOT_AMRIT, NOT_AMRIT)
    except SyncError as exc:
        return Probe(ProbeOutcome.UNREACHABLE, f"Central could not be checked now: {exc}")
    finally:
        if client is None:
            http.close()
    return Probe(ProbeOutcome.AMRIT, "Central answered: this is an AMRIT server.")
