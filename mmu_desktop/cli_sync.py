"""Sync-related subcommands (login, key, sync). Filled in by the sync work."""

from __future__ import annotations

import argparse


def add_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the sync subcommands to the main parser."""
