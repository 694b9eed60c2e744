"""Drafts: what the nurse has typed on a form, kept on disk so a power cut loses nothing.

A draft is the form's raw inputs (texts as typed, even half-typed or invalid ones, and
the chosen master IDs) as JSON in the data dir's ``drafts`` folder, written atomically
and readable by the owner only. This module is plain Python; the views decide when to
write and when to drop a draft.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mmu_desktop.paths import write_private
from mmu_desktop.ui import values

log = logging.getLogger(__name__)

DRAFT_VERSION = 1
REGISTRATION = "registration"
VISIT = "visit"


class DraftStore:
    """Reads, writes and removes the drafts kept in one folder."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def path(self, name: str) -> Path:
        return self._folder / f"{name}.json"

    def save(self, name: str, data: dict[str, Any]) -> None:
        """Keep ``data`` as draft ``name``; a failed write is logged, never raised."""
        text = json.dumps({"version": DRAFT_VERSION, **data}, ensure_ascii=False)
        try:
            write_private(self.path(name), text)
        except OSError as exc:
            log.warning("could not write the %s draft: %s", name, exc.strerror)

    def load(self, name: str) -> dict[str, Any] | None:
        """Draft ``name``, or None when there is none or it cannot be read."""
        try:
            data = json.loads(self.path(name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("ignoring an unreadable %s draft: %s", name, type(exc).__name__)
            return None
        if not isinstance(data, dict) or data.get("version") != DRAFT_VERSION:
            return None
        return data

    def remove(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)


def registration_draft(inputs: values.BeneficiaryInputs, editing: int | None) -> dict[str, Any]:
    """The registration form's draft: its inputs and the BenRegID being edited, if any."""
    return {"editing": editing, "inputs": asdict(inputs)}


def registration_inputs(data: dict[str, Any]) -> values.BeneficiaryInputs:
    """The registration inputs kept in a draft."""
    return values.BeneficiaryInputs(**data["inputs"])


def visit_draft(
    inputs: values.VisitInputs, ben_reg_id: int, ben_visit_id: int | None
) -> dict[str, Any]:
    """The visit form's draft: its inputs, whose visit it is and, when editing, which one."""
    return {"ben_reg_id": ben_reg_id, "ben_visit_id": ben_visit_id, "inputs": asdict(inputs)}


def visit_inputs(data: dict[str, Any]) -> values.VisitInputs:
    """The visit inputs kept in a draft."""
    raw = dict(data["inputs"])
    raw["complaints"] = [values.ComplaintInputs(**c) for c in raw.get("complaints", [])]
    raw["drugs"] = [values.DrugInputs(**d) for d in raw.get("drugs", [])]
    return values.VisitInputs(**raw)
