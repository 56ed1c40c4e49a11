"""``phrapp import`` of Apple Health exports, in-process (issue 6 acceptance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Cli

from phrapp.io.importers import base
from phrapp.io.importers.apple_health import AppleHealthImporter

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "apple"
EXPORT_ZIP = FIX / "export.zip"
EXPORT_XML = FIX / "export.xml"
PLUS_ONE = FIX / "export_plus_one.zip"
OMRON_SAME = FIX / "omron_same_bp.csv"


@pytest.fixture
def apple_vault(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A vault with one profile; the Apple importer registered (until base.py lists it)."""
    original = base.default_registry

    def registry() -> base.ImporterRegistry:
        found = original()
        if found.by_slug("apple-health") is None:
            found.register(AppleHealthImporter())
        return found

    monkeypatch.setattr("phrapp.services.import_service.default_registry", registry)
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1970-01-01",
                 "--json")
    assert result.code == 0, result.err
    return cli


def imported(cli: Cli, *paths: Path) -> list[dict[str, object]]:
    result = cli("import", *map(str, paths), "--json")
    assert result.code == 0, result.err
    files: list[dict[str, object]] = result.json["files"]
    return files


def test_export_keeps_offsets_slots_and_local_days(apple_vault: Cli) -> None:
    [entry] = imported(apple_vault, EXPORT_ZIP)
    assert entry["format"] == "apple-health"
    assert entry["added"] == {"bp": 5, "weight": 2, "steps": 4}
    skipped = {s["reason"]: s["count"] for s in entry["skipped"]}  # type: ignore[attr-defined]
    assert skipped["bp-correlation-copy"] == 8 and skipped["workout"] == 1
    bps = apple_vault("list", "bp", "--json").json
    assert [(b["measured_at"], b["systolic"], b["diastolic"], b["slot"]) for b in bps] == [
        ("2024-12-01T06:42:00+09:00", 128, 82, "morning"),
        ("2024-12-01T21:10:00+09:00", 135, 88, "evening"),
        ("2024-12-03T20:15:00-05:00", 142, 91, "evening"),  # 10:15 next day in Tokyo
        ("2024-12-04T07:05:00-05:00", 125, 80, "morning"),
        ("2024-12-05T06:30:00+09:00", 118, 76, "morning"),
    ]
    assert bps[0]["source"]["app"] == "apple-health"
    assert [b["provenance"] for b in bps] == ["device", "device", "device", "manual", "device"]
    weights = apple_vault("list", "weight", "--json").json
    assert [(w["measured_at"], w["kg"], w["body_fat_percent"], w["original_unit"])
            for w in weights] == [("2024-12-01T07:00:00+09:00", 65.4, 22.1, "kg"),
                                  ("2024-12-04T07:30:00-05:00", 68.039, None, "lb")]
    steps = apple_vault("list", "steps", "--json").json
    assert [(s["date"], s["steps"], s["primary"]) for s in steps] == [
        ("2024-12-01", 5550, True), ("2024-12-03", 2500, True), ("2024-12-04", 1200, True),
        ("2024-12-05", 300, True)]
    assert {s["source"]["app"] for s in steps} == {"apple-health"}


def test_bare_xml_and_zip_are_the_same_readings(apple_vault: Cli) -> None:
    imported(apple_vault, EXPORT_XML)
    [again] = imported(apple_vault, EXPORT_ZIP)
    assert again["added"] == {}
    assert again["duplicates"] == {"bp": 5, "weight": 2, "steps": 4}


def test_reexport_with_one_extra_reading_adds_exactly_one(apple_vault: Cli) -> None:
    imported(apple_vault, EXPORT_ZIP)
    [later] = imported(apple_vault, PLUS_ONE)
    assert later["added"] == {"bp": 1}
    assert later["replaced"] == {}
    assert later["duplicates"] == {"bp": 5, "weight": 2, "steps": 4}
    assert len(apple_vault("list", "bp", "--json").json) == 6


def test_same_readings_from_omron_and_apple_are_probable_duplicates(apple_vault: Cli) -> None:
    [omron] = imported(apple_vault, OMRON_SAME)
    assert omron["format"] == "omron-csv" and omron["added"] == {"bp": 3}
    [apple] = imported(apple_vault, EXPORT_ZIP)
    skipped = {s["reason"]: s["count"] for s in apple["skipped"]}  # type: ignore[attr-defined]
    assert skipped["probable-duplicate"] == 3
    assert apple["added"] == {"bp": 2, "weight": 2, "steps": 4}
    assert len(apple_vault("list", "bp", "--json").json) == 5


@pytest.mark.parametrize("name", ["negative/junk.bin", "negative/junk_member.zip",
                                  "hostile/billion_laughs.xml", "hostile/zip_bomb.zip",
                                  "hostile/traversal.zip"])
def test_refused_inputs_exit_2_and_write_nothing(apple_vault: Cli, name: str) -> None:
    result = apple_vault("import", str(FIX / name), "--json")
    assert result.code == 2, result.err
    assert result.json["error"]["code"] in {"unsupported-format", "malformed", "hostile-input"}
    assert apple_vault("list", "bp", "--json").json == []
    assert apple_vault("import", "history", "--json").json == []
