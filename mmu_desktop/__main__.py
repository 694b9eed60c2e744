"""Entry point: ``mmu-desktop`` (or ``python -m mmu_desktop``)."""

from __future__ import annotations

import sys

from mmu_desktop.cli import run


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
