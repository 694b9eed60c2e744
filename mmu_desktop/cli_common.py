"""What every command-line module shares: exit codes and the ``--data-dir`` option."""

from __future__ import annotations

import argparse
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_data_dir(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` the ``--data-dir`` option (accepted before or after the command)."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="folder for all app data (default: the platform's user data folder)",
    )
