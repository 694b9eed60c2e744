"""The Windows installer script stays in step with the bundle it wraps.

Inno Setup runs on Windows only; here its file list is compared with a bundle's layout,
and its references to files in the repository are checked.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
ISS = ROOT / "packaging" / "windows" / "mmu-desktop.iss"


def load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "iss_layout", ROOT / "packaging" / "windows" / "iss_layout.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


iss_layout = load_checker()


def fake_bundle(root: Path, *, windows: bool) -> Path:
    """A bundle laid out as PyInstaller's one-folder build makes it."""
    bundle = root / "mmu-desktop"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    programs = ["mmu-desktop.exe", "mmu-desktop-cli.exe"] if windows else ["mmu-desktop"]
    for name in programs:
        (bundle / name).write_bytes(b"")
    return bundle


@pytest.mark.parametrize("windows", [False, True])
def test_iss_installs_the_bundle_layout(tmp_path: Path, windows: bool) -> None:
    bundle = fake_bundle(tmp_path, windows=windows)
    assert iss_layout.differences(bundle, ISS.read_text(encoding="utf-8")) == []


def test_a_new_top_level_entry_is_noticed(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path, windows=True)
    (bundle / "licenses").mkdir()
    problems = iss_layout.differences(bundle, ISS.read_text(encoding="utf-8"))
    assert problems == ["the bundle has licenses but the installer leaves it out"]


def test_a_listed_entry_the_bundle_lacks_is_noticed(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path, windows=True)
    (bundle / "mmu-desktop-cli.exe").unlink()
    problems = iss_layout.differences(bundle, ISS.read_text(encoding="utf-8"))
    assert problems == ["the installer lists mmu-desktop-cli.exe but the bundle has none"]


def test_built_bundle_matches_when_present() -> None:
    bundle = ROOT / "dist" / "mmu-desktop"
    if not bundle.is_dir():
        pytest.skip("no bundle built (packaging/check-installer.sh checks a fresh one)")
    assert iss_layout.differences(bundle, ISS.read_text(encoding="utf-8")) == []


def test_files_the_script_names_exist() -> None:
    text = ISS.read_text(encoding="utf-8")
    icon = re.search(r"^SetupIconFile=(.+)$", text, re.MULTILINE)
    assert icon is not None
    assert (ISS.parent / icon.group(1).strip().replace("\\", "/")).is_file()
    # The spec builds the console launcher the script installs.
    spec = (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    assert 'f"{NAME}-cli"' in spec
