"""``kokan-csv``: 健康情報等交換規約 CSV fields, provenance, dates, encodings (devices.md §2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from phrapp.domain.codes.checkup_items import COMMON_LABS
from phrapp.domain.records.common import Device, Provenance
from phrapp.domain.records.labs import LabValue
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight
from phrapp.errors import EncodingRefused, MalformedInput
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.kokan_csv import KokanCsvImporter

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "kokan"
CTX = ParseContext(home_zone="Asia/Tokyo")
JST = dt.timezone(dt.timedelta(hours=9))
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
BP_HEADER = ('"observation_time","systolic","diastolic","pulse","model_manufacturer_code",'
             '"model_number","production_specification_serial","data_input_code",'
             '"origin_of_time_code","update_time"\r\n')


def source(tmp_path: Path, data: bytes, name: str = "export.csv") -> ImportSource:
    path = tmp_path / name
    path.write_bytes(data)
    return ImportSource.from_path(path)


def parse(src: ImportSource, ctx: ParseContext = CTX) -> list[object]:
    return list(KokanCsvImporter().parse(src, ctx))


def records(items: list[object]) -> list[ParsedRecord]:
    return [i for i in items if isinstance(i, ParsedRecord)]


def comparable(item: ParsedRecord) -> tuple[object, ...]:
    record = dataclasses.replace(item.record, id="", created_at=EPOCH,
                                 updated_at=EPOCH)
    return (record, item.version)


@pytest.mark.parametrize(("name", "kind"), [("activity.csv", Steps), ("bp.csv", BloodPressure),
                                            ("weight.csv", Weight), ("hba1c.csv", LabValue)])
def test_detected_by_content(name: str, kind: type, tmp_path: Path) -> None:
    src = source(tmp_path, (FIX / name).read_bytes(), name="data.txt")
    assert default_registry().detect(src) is not None
    assert default_registry().detect(src).slug == "kokan-csv"  # type: ignore[union-attr]
    assert all(isinstance(r.record, kind) for r in records(parse(src)))


def test_activity_fields_and_date_only_observation() -> None:
    items = records(parse(ImportSource.from_path(FIX / "activity.csv")))
    assert len(items) == 3
    first = items[0]
    assert isinstance(first.record, Steps)
    assert first.record.date == dt.date(2024, 11, 21) and first.record.steps == 8123
    assert first.version == "20241122010000000"
    assert first.record.source.device == Device("0001", "歩数計HJ-325", "SN-A1")
    assert first.record.source.app is None
    assert first.record.extra == {
        "walk_time": 85, "moderate_intensity_activity": 22, "calories": 310.5,
        "total_calories": 1850.2, "total_active_duration": 1440,
        "measurement_position_code": "21", "origin_of_time_code": "0",
        "update_time": "20241122010000000"}
    assert "walk_time" not in items[2].record.extra


def test_provenance_codes() -> None:
    items = records(parse(ImportSource.from_path(FIX / "activity.csv")))
    assert [i.record.provenance for i in items] == [
        Provenance.DEVICE, Provenance.MANUAL, Provenance.DEVICE_EDITED]


def test_bp_weight_hba1c_fields() -> None:
    bps = [i.record for i in records(parse(ImportSource.from_path(FIX / "bp.csv")))]
    assert isinstance(bps[0], BloodPressure)
    assert (bps[0].measured_at, bps[0].systolic, bps[0].diastolic, bps[0].pulse) == (
        dt.datetime(2024, 11, 21, 7, 40, tzinfo=JST), 128, 82, 64)
    assert "time_known" not in bps[0].extra
    # HHmmss 000000 on BP: local midnight, time unknown.
    assert isinstance(bps[2], BloodPressure)
    assert bps[2].measured_at == dt.datetime(2024, 11, 22, tzinfo=JST)
    assert bps[2].extra["time_known"] is False and bps[2].pulse is None
    [weight] = [i.record for i in records(parse(ImportSource.from_path(FIX / "weight.csv")))][:1]
    assert isinstance(weight, Weight) and weight.kg == 65.4
    [lab] = [i.record for i in records(parse(ImportSource.from_path(FIX / "hba1c.csv")))]
    assert isinstance(lab, LabValue)
    assert (lab.date, lab.code, lab.value, lab.unit) == (
        dt.date(2024, 11, 15), COMMON_LABS["hba1c"], 5.8, "%")
    assert lab.code == "3D046000001999902" and lab.provenance is Provenance.MANUAL


def test_encodings_equal(tmp_path: Path) -> None:
    text = (FIX / "bp.csv").read_bytes().decode("utf-8-sig")
    parsed = [[comparable(r) for r in records(parse(source(tmp_path, data, name)))]
              for name, data in (("a.csv", text.encode("utf-8")),
                                 ("b.csv", text.encode("utf-8-sig")),
                                 ("c.csv", text.encode("cp932")))]
    assert len(parsed[0]) == 3
    assert parsed[0] == parsed[1] == parsed[2]


def test_bad_rows_skipped_with_line_numbers(tmp_path: Path) -> None:
    rows = ('"20241121074000","128","82","64","0002","M","S","0","0","20241121074500000"\r\n'
            '"2024112107","128","82","64","0002","M","S","0","0","20241121074500000"\r\n'
            '"20241121080000","128","82","64","0002","M","S","9","0","20241121074500000"\r\n'
            '"20241121090000","abc","82","64","0002","M","S","0","0","20241121074500000"\r\n'
            '"20241121100000","128","82","64","","M","S","0","0","20241121074500000"\r\n')
    items = parse(source(tmp_path, (BP_HEADER + rows).encode()))
    assert len(records(items)) == 1
    warnings = [i.text for i in items if isinstance(i, ParseWarning)]
    assert [w.split(":")[0] for w in warnings] == ["line 3", "line 4", "line 5", "line 6"]
    skips = {i.reason: i.count for i in items if isinstance(i, ParseSkip)}
    assert skips == {"invalid-date": 1, "invalid-value": 2, "missing-field": 1}


def test_header_validated_after_decoding(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, b'"date","value"\r\n"1","2"\r\n'))
    assert KokanCsvImporter().sniff(source(tmp_path, b'"date","value"\r\n')) == 0.0
    with pytest.raises(EncodingRefused):
        parse(source(tmp_path, BP_HEADER.encode() + b"\xff\xff\r\n"))
