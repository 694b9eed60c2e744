"""Check that the Inno Setup script installs exactly what the PyInstaller bundle holds.

The Windows installer can only be built on Windows, but its file list can drift from the
bundle anywhere. This compares the top level of a bundle (built on Linux or Windows) with
the ``[Files]`` sources of ``mmu-desktop.iss``:

    python packaging/windows/iss_layout.py dist/mmu-desktop

On Linux the bundle's programs have no ``.exe`` and the console-only ``mmu-desktop-cli``
launcher is not built (see build_installer.spec); both are accounted for here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ISS = Path(__file__).with_name("mmu-desktop.iss")
PROGRAM = "mmu-desktop"
WINDOWS_ONLY = {f"{PROGRAM}-cli.exe"}  # the spec adds it on Windows only

_SOURCE = re.compile(r'^\s*Source:\s*"\{#BundleDir\}\\([^"]+)"', re.IGNORECASE)


def iss_top_level(iss_text: str) -> set[str]:
    """Top-level bundle entries that the script's ``[Files]`` section installs."""
    names: set[str] = set()
    in_files = False
    for line in iss_text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            in_files = stripped.lower() == "[files]"
            continue
        match = _SOURCE.match(line) if in_files else None
        if match:
            names.add(match.group(1).split("\\")[0])
    return names


def windows_layout(bundle: Path) -> set[str]:
    """The bundle's top level as the Windows build has it."""
    names = {entry.name for entry in bundle.iterdir()}
    if f"{PROGRAM}.exe" in names:  # a Windows build already
        return names
    # Programs built on Linux gain .exe on Windows.
    return {f"{name}.exe" if name.startswith(PROGRAM) else name for name in names} | WINDOWS_ONLY


def differences(bundle: Path, iss_text: str) -> list[str]:
    """Sentences naming each entry that one side has and the other lacks."""
    expected, listed = windows_layout(bundle), iss_top_level(iss_text)
    problems = [
        f"the bundle has {name} but the installer leaves it out"
        for name in sorted(expected - listed)
    ]
    problems += [
        f"the installer lists {name} but the bundle has none" for name in sorted(listed - expected)
    ]
    return problems


def main(argv: list[str]) -> int:
    bundle = Path(argv[0]) if argv else Path("dist") / PROGRAM
    if not bundle.is_dir():
        print(f"iss_layout: no bundle at {bundle}", file=sys.stderr)
        return 2
    problems = differences(bundle, ISS.read_text(encoding="utf-8"))
    for problem in problems:
        print(f"iss_layout: {problem}", file=sys.stderr)
    if not problems:
        print(f"{ISS.name} installs every top-level entry of {bundle}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
