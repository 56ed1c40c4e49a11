"""``phrapp import`` of 健康情報等交換規約 CSV (``kokan-csv``), in-process (devices.md §2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Cli

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "kokan"


@pytest.fixture
def kokan_vault(cli: Cli) -> Cli:
    """A vault with one profile (home zone: the default Asia/Tokyo)."""
    result = cli("init", "--profile", "本人", "--sex", "male", "--birth", "1965-04-01",
                 "--json")
    assert result.code == 0, result.err
    return cli


def imported(cli: Cli, *names: str) -> tuple[str, list[dict[str, object]]]:
    result = cli("import", *(str(FIX / n) for n in names), "--json")
    assert result.code == 0, result.err
    return result.json["batch"], result.json["files"]


def bp_values(cli: Cli) -> list[tuple[object, ...]]:
    return [(b["measured_at"], b["systolic"], b["diastolic"], b["pulse"])
            for b in cli("list", "bp", "--json").json]


def test_import_all_kinds(kokan_vault: Cli) -> None:
    _, files = imported(kokan_vault, "activity.csv", "bp.csv", "weight.csv", "hba1c.csv")
    assert [f["format"] for f in files] == ["kokan-csv"] * 4
    assert [f["added"] for f in files] == [{"steps": 3}, {"bp": 3}, {"weight": 2},
                                           {"labs": 1}]
    steps = kokan_vault("list", "steps", "--json").json
    assert [(s["date"], s["steps"]) for s in steps] == [
        ("2024-11-21", 8123), ("2024-11-22", 10234), ("2024-11-23", 6500)]
    assert [s["provenance"] for s in steps] == ["device", "manual", "device-edited"]
    assert steps[0]["source"]["device"] == {"maker": "0001", "model": "歩数計HJ-325",
                                            "serial": "SN-A1"}
    assert bp_values(kokan_vault) == [
        ("2024-11-21T07:40:00+09:00", 128, 82, 64), ("2024-11-21T21:15:00+09:00", 135, 88, 70),
        ("2024-11-22T00:00:00+09:00", 122, 79, None)]
    weights = kokan_vault("list", "weight", "--json").json
    assert [(w["measured_at"], w["kg"]) for w in weights] == [
        ("2024-11-21T07:00:00+09:00", 65.4), ("2024-11-22T07:05:00+09:00", 65.2)]
    labs = kokan_vault("list", "labs", "--json").json
    assert [(x["date"], x["code"], x["value"], x["unit"]) for x in labs] == [
        ("2024-11-15", "3D046000001999902", 5.8, "%")]
    assert kokan_vault("list", "checkups", "--json").json == []


def test_newer_update_time_replaces_and_undo_restores(kokan_vault: Cli) -> None:
    imported(kokan_vault, "bp.csv")
    batch, [resend] = imported(kokan_vault, "bp_resend.csv")
    assert resend["added"] == {}
    assert resend["replaced"] == {"bp": 1}
    assert resend["duplicates"] == {"bp": 2}
    values = bp_values(kokan_vault)
    assert values[0] == ("2024-11-21T07:40:00+09:00", 130, 84, 64) and len(values) == 3
    assert kokan_vault("list", "bp", "--json").json[0]["provenance"] == "device-edited"
    undone = kokan_vault("import", "undo", batch, "--json")
    assert undone.code == 0, undone.err
    values = bp_values(kokan_vault)
    assert values[0] == ("2024-11-21T07:40:00+09:00", 128, 82, 64) and len(values) == 3


def test_older_update_time_is_skipped(kokan_vault: Cli) -> None:
    imported(kokan_vault, "bp.csv")
    _, [older] = imported(kokan_vault, "bp_older.csv")
    assert older["added"] == {} and older["replaced"] == {}
    assert older["skipped"] == [{"reason": "older-version", "count": 1}]
    assert bp_values(kokan_vault)[0] == ("2024-11-21T07:40:00+09:00", 128, 82, 64)


def test_overlapping_reexport_adds_one(kokan_vault: Cli) -> None:
    imported(kokan_vault, "activity.csv")
    _, [overlap] = imported(kokan_vault, "activity_overlap.csv")
    assert overlap["added"] == {"steps": 1}
    assert overlap["duplicates"] == {"steps": 3}
    assert len(kokan_vault("list", "steps", "--json").json) == 4
