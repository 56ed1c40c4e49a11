"""``tanita-json``: tags, units, times, grouping, caps (specs/devices.md §4, T5)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.records.vitals import BloodPressure, Steps, Weight
from phrapp.errors import EncodingRefused, HostileInput, MalformedInput, TooLarge
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.tanita_json import TanitaJsonImporter, json_depth_ok

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "devices" / "tanita"
CTX = ParseContext(home_zone="Asia/Tokyo")


def source(tmp_path: Path, data: bytes | dict[str, Any], name: str = "r.json") -> ImportSource:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return ImportSource.from_path(path)


def response(*entries: tuple[str, str, str], model: str = "01000144") -> dict[str, Any]:
    return {"birth_date": "19700101", "height": 170, "sex": "female",
            "data": [{"date": d, "keydata": k, "model": model, "tag": t} for d, k, t in entries]}


def parse(src: ImportSource, ctx: ParseContext = CTX) -> list[object]:
    return list(TanitaJsonImporter().parse(src, ctx))


def records(items: list[object]) -> list[Any]:
    return [i.record for i in items if isinstance(i, ParsedRecord)]


def skips(items: list[object]) -> dict[str, int]:
    return {i.reason: i.count for i in items if isinstance(i, ParseSkip)}


def test_innerscan_weight_with_body_fat_and_extras() -> None:
    weights = records(parse(ImportSource.from_path(FIX / "innerscan_valid.json")))
    assert [(w.kg, w.body_fat_percent) for w in weights] == [(76.7, 22.8), (77.1, 21.3)]
    first = weights[0]
    assert isinstance(first, Weight)
    assert first.measured_at.isoformat() == "2019-12-07T08:06:00+09:00"
    assert first.original_unit.value == "kg"
    assert first.source.app == "tanita-health-planet"
    assert first.source.device is not None
    assert (first.source.device.maker, first.source.device.model,
            first.source.device.serial) == ("TANITA", "01000144", None)
    assert first.extra["tanita"]["6023"] == "56.20"
    assert first.provenance.value == "device" and first.profile_id == ""


def test_sphygmomanometer_groups_three_entries() -> None:
    bps = records(parse(ImportSource.from_path(FIX / "sphygmomanometer_valid.json")))
    assert [(b.measured_at.isoformat(), b.systolic, b.diastolic, b.pulse) for b in bps] == [
        ("2020-01-07T01:30:00+09:00", 130, 80, 50), ("2020-01-07T01:15:00+09:00", 180, 70, 20)]
    assert all(isinstance(b, BloodPressure) and b.context is None for b in bps)
    assert not bps[0].irregular_heartbeat


def test_pedometer_one_record_per_local_date() -> None:
    steps = records(parse(ImportSource.from_path(FIX / "pedometer_valid.json")))
    assert [(s.date, s.steps) for s in steps] == [(dt.date(2020, 1, 7), 1000),
                                                 (dt.date(2020, 1, 8), 2222)]
    assert all(isinstance(s, Steps) for s in steps)
    assert steps[0].extra["tanita"] == {"6336": "5500"}


def test_several_step_entries_of_one_day_never_summed(tmp_path: Path) -> None:
    items = parse(source(tmp_path, response(("202001070000", "1000", "6331"),
                                            ("202001071830", "4000", "6331"))))
    [steps] = records(items)
    assert steps.steps == 4000
    assert any("largest" in i.text for i in items if isinstance(i, ParseWarning))


def test_home_zone_and_dst(tmp_path: Path) -> None:
    data = response(("202407010800", "120", "622E"), ("202407010800", "80", "622F"),
                    ("202401010800", "121", "622E"), ("202401010800", "81", "622F"))
    bps = records(parse(source(tmp_path, data), ParseContext(home_zone="Europe/Berlin")))
    assert [b.measured_at.isoformat() for b in bps] == ["2024-07-01T08:00:00+02:00",
                                                       "2024-01-01T08:00:00+01:00"]
    assert bps[0].pulse is None


def test_incomplete_bp_and_unknown_tags_are_skipped(tmp_path: Path) -> None:
    items = parse(source(tmp_path, response(("202001070130", "130", "622E"),
                                            ("202001070130", "50", "6230"),
                                            ("202001070131", "1", "6240"),
                                            ("202001070132", "1", "7777"))))
    assert records(items) == []
    assert skips(items) == {"incomplete-bp": 1, "unsupported-tag": 2}
    warnings = [i.text for i in items if isinstance(i, ParseWarning)]
    assert any("6240" in w for w in warnings) and any("7777" in w for w in warnings)


def test_smug_fixture_only_skips() -> None:
    items = parse(ImportSource.from_path(FIX / "smug_valid.json"))
    assert records(items) == [] and skips(items) == {"unsupported-tag": 2}


def test_bad_entries_skipped(tmp_path: Path) -> None:
    data = response(("2020010701", "70", "6021"), ("202013070130", "70", "6021"),
                    ("202001070130", "abc", "6021"), ("202001070131", "1.5", "622E"),
                    ("202001070131", "80", "622F"))
    data["data"].extend([5, {"date": "202001070130", "tag": "6021"}])
    items = parse(source(tmp_path, data))
    assert records(items) == []
    assert skips(items) == {"invalid-date": 2, "invalid-value": 2, "invalid-entry": 2}


def test_numeric_keydata_and_height_number(tmp_path: Path) -> None:
    data = response(("202001070800", "", "6021"))
    data["data"][0]["keydata"] = 70.5
    [weight] = records(parse(source(tmp_path, data)))
    assert weight.kg == 70.5 and weight.body_fat_percent is None


def test_not_a_response_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, b"[1, 2]"))
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, b'{"data": 5}'))
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, b'{"data": [}'))
    with pytest.raises(EncodingRefused):
        parse(source(tmp_path, b'{"data": []}'.decode().encode("utf-16-le")))


def test_utf8_bom_and_utf16_bom_accepted(tmp_path: Path) -> None:
    text = (FIX / "innerscan_valid.json").read_text(encoding="utf-8")
    for encoding in ("utf-8-sig", "utf-16"):
        assert len(records(parse(source(tmp_path, text.encode(encoding))))) == 2


def test_nesting_cap(tmp_path: Path) -> None:
    assert json_depth_ok("[" * 100 + "]" * 100)
    assert not json_depth_ok("[" * 101 + "]" * 101)
    assert json_depth_ok('{"a": "[[[[[[' + "[" * 200 + '"}')
    deep = b'{"data": [], "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(HostileInput):
        parse(source(tmp_path, deep))


def test_size_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TanitaJsonImporter, "max_bytes", 100)
    with pytest.raises(TooLarge):
        parse(ImportSource.from_path(FIX / "innerscan_valid.json"))


def test_sniff_by_content(tmp_path: Path) -> None:
    importer = TanitaJsonImporter()
    data = (FIX / "pedometer_valid.json").read_bytes()
    assert importer.sniff(source(tmp_path, data, "export.txt")) >= 0.9
    assert importer.sniff(source(tmp_path, b'{"resourceType": "Bundle"}', "tanita.json")) == 0.0
    assert importer.sniff(source(tmp_path, b"\x89PNG\r\n", "tanita.json")) == 0.0
    empty = {"birth_date": "19700101", "height": "170", "sex": "male", "data": []}
    assert importer.sniff(source(tmp_path, empty)) >= 0.5
    detected = default_registry().detect(source(tmp_path, data, "x.bin"))
    assert detected is not None and detected.slug == "tanita-json"
