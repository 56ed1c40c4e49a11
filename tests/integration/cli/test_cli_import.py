"""``phrapp import`` with the fake importer: the CONTRACT import JSON and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import MAGIC, fake_registry


@pytest.fixture(autouse=True)
def _fake_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("phrapp.services.import_service.default_registry", fake_registry)


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([MAGIC.decode(), *lines]) + "\n", encoding="utf-8")
    return path


def test_import_json_shape_dry_run_history_undo(vault: Callable, tmp_path: Path) -> None:
    path = write(tmp_path, "omron.txt", ["bp,,2025-01-01T07:00,130,85,70,omron-connect,",
                                         "warn,clock adjusted", "skip,unsupported-row"])
    dry = vault("import", str(path), "--dry-run", "--json").json
    assert dry["batch"] is None
    assert vault("list", "bp", "--json").json == []
    result = vault("import", str(path), "--json").json
    assert set(result) == {"batch", "files"}
    entry = result["files"][0]
    assert entry == {
        "file": "omron.txt", "format": "fake-csv", "persons": 0, "profile": "本人",
        "added": {"bp": 1}, "replaced": {}, "duplicates": {},
        "skipped": [{"reason": "unsupported-row", "count": 1}],
        "warnings": ["clock adjusted"], "profiles_created": [],
    }
    rows = vault("list", "bp", "--json").json
    assert rows[0]["source"]["batch"] == result["batch"]
    assert rows[0]["source"]["app"] == "omron-connect" and rows[0]["provenance"] == "device"
    history = vault("import", "history", "--json").json
    assert [h["batch"] for h in history] == [result["batch"]]
    assert history[0]["files"][0]["file"] == "omron.txt"
    undone = vault("import", "undo", result["batch"], "--json")
    assert undone.code == 0 and undone.json["undone"] is True
    assert vault("list", "bp", "--json").json == []
    again = vault("import", "undo", result["batch"], "--json")
    assert again.code == 2


def test_unknown_person_exit_2_and_create_profiles(vault: Callable, tmp_path: Path) -> None:
    path = write(tmp_path, "cda.txt", ["person,p1,female,1990-05-05,",
                                       "bp,p1,2025-01-01T07:00,118,76,60,,"])
    refused = vault("import", str(path), "--json")
    assert refused.code == 2 and refused.json["error"]["code"] == "unknown-person"
    created = vault("import", str(path), "--create-profiles", "--json").json
    assert created["files"][0]["profiles_created"] == ["person p1"]
    assert created["files"][0]["profile"] == "person p1"
    assert created["files"][0]["persons"] == 1


def test_two_people_in_one_file_list_profiles(vault: Callable, tmp_path: Path) -> None:
    path = write(tmp_path, "family.txt", [
        "person,a,female,1990-05-05,", "person,b,male,2015-01-01,",
        "bp,a,2025-01-01T07:00,118,76,60,,", "steps,b,2025-01-01,12000,,"])
    result = vault("import", str(path), "--create-profiles", "--json").json
    entry = result["files"][0]
    assert "profile" not in entry and sorted(entry["profiles"]) == ["person a", "person b"]


def test_refused_inputs(vault: Callable, tmp_path: Path) -> None:
    other = tmp_path / "x.bin"
    other.write_bytes(b"\x00\x01garbage")
    result = vault("import", str(other), "--json")
    assert result.code == 2 and result.json["error"]["code"] == "unsupported-format"
    assert result.json["error"]["path"] == "x.bin"
    bad = write(tmp_path, "bad.txt", ["boom"])
    result = vault("import", str(bad), "--json")
    assert result.code == 2 and result.json["error"]["code"] == "malformed"
    missing = vault("import", str(tmp_path / "nope.txt"), "--json")
    assert missing.code == 2
    assert vault("import", "history", "--json").json == []
