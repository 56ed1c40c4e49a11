"""``phrapp import`` of OMRON connect CSV and Tanita Health Planet JSON, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import Cli

FIX = Path(__file__).resolve().parents[2] / "fixtures" / "devices"
OMRON_BP = FIX / "omron" / "bp_en.csv"
OMRON_BODY = FIX / "omron" / "body_en.csv"
TANITA_BP = FIX / "tanita" / "sphygmomanometer_valid.json"
TANITA_WEIGHT = FIX / "tanita" / "innerscan_valid.json"
TANITA_STEPS = FIX / "tanita" / "pedometer_valid.json"
TANITA_SAME = FIX / "tanita" / "bp_same_as_omron.json"


@pytest.fixture
def device_vault(cli: Cli) -> Cli:
    """A vault with one profile (home zone: the default Asia/Tokyo)."""
    result = cli("init", "--profile", "本人", "--sex", "female", "--birth", "1970-01-01",
                 "--json")
    assert result.code == 0, result.err
    return cli


def imported(cli: Cli, *paths: Path) -> list[dict[str, object]]:
    result = cli("import", *map(str, paths), "--json")
    assert result.code == 0, result.err
    files: list[dict[str, object]] = result.json["files"]
    return files


def test_omron_bp_and_body(device_vault: Cli) -> None:
    [bp_file, body_file] = imported(device_vault, OMRON_BP, OMRON_BODY)
    assert bp_file["format"] == "omron-csv" and bp_file["added"] == {"bp": 4}
    assert body_file["format"] == "omron-csv" and body_file["added"] == {"weight": 2}
    bps = device_vault("list", "bp", "--json").json
    assert [(b["measured_at"], b["systolic"], b["diastolic"], b["pulse"],
             b["irregular_heartbeat"]) for b in bps] == [
        ("2024-11-21T07:40:00+07:00", 128, 82, 64, False),
        ("2024-11-21T21:15:00+09:00", 135, 88, 70, True),
        ("2024-11-22T06:30:00+09:00", 122, 79, 66, False),
        ("2024-11-22T06:31:00+05:30", 120, 80, 60, False),
    ]
    assert bps[0]["source"]["app"] == "omron-connect"
    assert bps[0]["source"]["device"]["model"] == "HEM-7141T1"
    assert bps[0]["provenance"] == "device"
    weights = device_vault("list", "weight", "--json").json
    assert [(w["measured_at"], w["kg"], w["body_fat_percent"]) for w in weights] == [
        ("2024-11-21T07:00:00+09:00", 65.4, 22.1), ("2024-11-22T07:05:00+09:00", 65.2, None)]


def test_tanita_bp_weight_steps(device_vault: Cli) -> None:
    files = imported(device_vault, TANITA_BP, TANITA_WEIGHT, TANITA_STEPS)
    assert [f["format"] for f in files] == ["tanita-json"] * 3
    assert [f["added"] for f in files] == [{"bp": 2}, {"weight": 2}, {"steps": 2}]
    assert files[2]["skipped"] == []
    bps = device_vault("list", "bp", "--json").json
    assert [(b["measured_at"], b["systolic"], b["diastolic"], b["pulse"]) for b in bps] == [
        ("2020-01-07T01:15:00+09:00", 180, 70, 20), ("2020-01-07T01:30:00+09:00", 130, 80, 50)]
    assert bps[0]["source"]["device"] == {"maker": "TANITA", "model": "00000000",
                                          "serial": None}
    weights = device_vault("list", "weight", "--json").json
    assert [(w["measured_at"], w["kg"], w["body_fat_percent"]) for w in weights] == [
        ("2019-12-05T08:38:00+09:00", 77.1, 21.3), ("2019-12-07T08:06:00+09:00", 76.7, 22.8)]
    steps = device_vault("list", "steps", "--json").json
    assert [(s["date"], s["steps"]) for s in steps] == [("2020-01-07", 1000),
                                                       ("2020-01-08", 2222)]


def test_reimport_is_all_duplicates(device_vault: Cli) -> None:
    paths = (OMRON_BP, OMRON_BODY, TANITA_BP, TANITA_WEIGHT, TANITA_STEPS)
    imported(device_vault, *paths)
    again = imported(device_vault, *paths)
    assert [f["added"] for f in again] == [{}] * 5
    assert [f["duplicates"] for f in again] == [{"bp": 4}, {"weight": 2}, {"bp": 2},
                                                {"weight": 2}, {"steps": 2}]
    assert len(device_vault("list", "bp", "--json").json) == 6


def test_same_reading_from_omron_and_tanita_is_a_probable_duplicate(device_vault: Cli) -> None:
    imported(device_vault, OMRON_BP)
    [tanita] = imported(device_vault, TANITA_SAME)
    assert tanita["format"] == "tanita-json"
    assert tanita["added"] == {}
    assert tanita["skipped"] == [{"reason": "probable-duplicate", "count": 1}]
    assert len(device_vault("list", "bp", "--json").json) == 4


def test_smug_file_imports_nothing_with_a_warning(device_vault: Cli) -> None:
    [smug] = imported(device_vault, FIX / "tanita" / "smug_valid.json")
    assert smug["added"] == {}
    assert smug["skipped"] == [{"reason": "unsupported-tag", "count": 2}]
    assert smug["warnings"]


def test_utf16_omron_file_imports_like_utf8(device_vault: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "omron-utf16.csv"
    copy.write_bytes(OMRON_BP.read_text(encoding="utf-8").encode("utf-16"))
    [entry] = imported(device_vault, copy)
    assert entry["format"] == "omron-csv" and entry["added"] == {"bp": 4}


def test_garbage_csv_refused(device_vault: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    # Sniffed as OMRON from a clean head; bytes past the head are neither UTF-8 nor CP932.
    rows = b'"2024/11/21 07:40","Asia/Tokyo","120","80"\r\n' * 2000
    bad.write_bytes(b'"Measurement Date","Timezone","SYS(mmHg)","DIA(mmHg)"\r\n' + rows
                    + b"\xff\xff\r\n")
    result = device_vault("import", str(bad), "--json")
    assert result.code == 2, result.out
    assert result.json["error"]["code"] == "encoding", result.out
    assert device_vault("list", "bp", "--json").json == []
