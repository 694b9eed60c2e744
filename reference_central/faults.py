"""Where a test-only fault switch plugs in (``app.config["FAULTS"]``); no faults live here.

A fault object may implement any of the hooks below; the app calls each one that is
present and treats a missing object as "no faults". Calls are named by ``CALLS``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from flask import Response

CALLS = (
    "userAuthenticate",
    "logOutUserFromConcurrentSession",
    "van-to-server",
    "server-to-van",
    "generateBeneficiaryIDs",
)


class FaultHooks(Protocol):
    """What a fault switch may do; every hook is optional."""

    def before_call(self, call: str) -> Response | None:
        """Answer the call instead of the server (e.g. HTTP 5xx), or hang, or pass."""

    def after_call(self, call: str, response: Response) -> Response:
        """Replace or damage the answer after the work was applied (garbage, drop)."""

    def reject_row(self, table_name: str, row: Mapping[str, Any]) -> str | None:
        """A failure reason for this uploaded row, or None to process it normally."""

    def beneficiary_ids(self, generated: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The ID list to answer with (e.g. repeating earlier IDs)."""


def hook(faults: object | None, name: str) -> Any:
    """The fault object's hook called ``name``, or None."""
    return getattr(faults, name, None) if faults is not None else None
