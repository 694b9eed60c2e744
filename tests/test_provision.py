"""``mmu-desktop provision FILE``: URLs and van settings from a file, never a secret."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mmu_desktop import provision
from mmu_desktop import settings as settings_store
from mmu_desktop.cli import run
from mmu_desktop.paths import DataDir

GOOD = {
    "central-url": "https://amrit.example/mmuapi-v1.0",
    "common-url": "https://amrit.example/commonapi-v1.0/",
    "van-id": 7,
    "parking_place_id": "3",
    "provider-service-map-id": 1,
    "facility-id": 9,
    "vehicle-no": "UP32 AB 1234",
}


def write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "van-7.json"
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def test_provision_saves_every_setting(
    tmp_path: Path, data_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(["provision", str(write(tmp_path, GOOD)), "--data-dir", str(data_dir.root)])
    assert code == 0
    saved = settings_store.load(data_dir)
    assert saved.central_url == "https://amrit.example/mmuapi-v1.0/"
    assert (saved.van_id, saved.parking_place_id, saved.facility_id) == (7, 3, 9)
    assert saved.vehicle_no == "UP32 AB 1234"
    assert not saved.missing_for_registration()
    out = capsys.readouterr().out
    assert "van-id = 7" in out
    assert "sign in" in out


def test_settings_not_in_the_file_are_kept(tmp_path: Path, configured_dir: DataDir) -> None:
    path = write(tmp_path, {"central-url": "https://new.example/mmuapi/"})
    assert run(["provision", str(path), "--data-dir", str(configured_dir.root)]) == 0
    saved = settings_store.load(configured_dir)
    assert saved.central_url == "https://new.example/mmuapi/"
    assert saved.van_id == 7 and saved.user == "nurse.asha"


@pytest.mark.parametrize(
    "extra",
    [
        {"password": "hunter2"},
        {"Password": "hunter2"},
        {"server-key": "abc"},
        {"api_key": "abc"},
        {"jwt": "x"},
        {"central": {"token": "abc"}},
        {"note": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJudXJzZSJ9.c2lnbmF0dXJl"},
        {"central-url": "https://nurse:hunter2@amrit.example/mmuapi/"},
        {"note": "Bearer abcdef"},
    ],
)
def test_a_file_with_a_secret_is_refused_and_nothing_changes(
    tmp_path: Path,
    configured_dir: DataDir,
    capsys: pytest.CaptureFixture[str],
    extra: dict[str, object],
) -> None:
    before = configured_dir.settings_file.read_text(encoding="utf-8")
    path = write(tmp_path, {**GOOD, **extra})
    assert run(["provision", str(path), "--data-dir", str(configured_dir.root)]) == 2
    err = capsys.readouterr().err
    assert "secret" in err and "Nothing was changed" in err
    assert "hunter2" not in err  # the refusal never repeats the secret
    assert configured_dir.settings_file.read_text(encoding="utf-8") == before


def test_no_setting_name_looks_like_a_secret() -> None:
    assert provision._secret_in({key: "1" for key in settings_store.key_names()}, "") is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "one JSON object"),
        ("{}", "holds no settings"),
        ({"van": 7}, "unknown setting 'van'"),
        ({"van-id": True}, "van-id must be text or a whole number"),
        ({"van-id": "seven"}, "van-id must be a whole number"),
        ({"central-url": "amrit.example"}, "central-url must be a web address"),
        ({"id-pool-target": 500, "id-pool-low-water": 600}, "smaller than id-pool-target"),
    ],
)
def test_a_bad_file_changes_nothing(
    tmp_path: Path,
    data_dir: DataDir,
    capsys: pytest.CaptureFixture[str],
    content: object,
    reason: str,
) -> None:
    path = write(tmp_path, content)
    assert run(["provision", str(path), "--data-dir", str(data_dir.root)]) == 2
    assert reason in capsys.readouterr().err
    assert not data_dir.settings_file.exists()


def test_pool_pair_may_come_in_any_order(tmp_path: Path, data_dir: DataDir) -> None:
    # Lowering the target below the default low-water mark only works with both together.
    path = write(tmp_path, {"id-pool-target": 1000, "id-pool-low-water": 200})
    assert run(["provision", str(path), "--data-dir", str(data_dir.root)]) == 0
    saved = settings_store.load(data_dir)
    assert (saved.id_pool_target, saved.id_pool_low_water) == (1000, 200)


def test_missing_and_binary_files(
    tmp_path: Path, data_dir: DataDir, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(data_dir.root)
    assert run(["provision", str(tmp_path / "absent.json"), "--data-dir", root]) == 1
    assert "cannot read" in capsys.readouterr().err
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0" * 10)
    assert run(["provision", str(binary), "--data-dir", root]) == 2
    assert "not a text file" in capsys.readouterr().err
