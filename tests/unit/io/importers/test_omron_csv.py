"""``omron-csv``: header validation, fields, zones/offsets, encodings (specs/devices.md §3, T5)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from phrapp.domain.records.vitals import BloodPressure, Weight
from phrapp.errors import EncodingRefused, MalformedInput, TooLarge
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.omron_csv import OmronCsvImporter, normalise_header
from phrapp.io.text_decoding import decode_text

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "devices" / "omron"
BP_HEADER = ('"Measurement Date","Timezone","SYS(mmHg)","DIA(mmHg)","Pulse(bpm)",'
             '"Irregular heartbeat detected","IHB detection counts(times)","Body Movement",'
             '"Cuff wrap guide","Positioning Indicator","room temperature(°C)",'
             '"Measurement Mode","Device"')
CTX = ParseContext(home_zone="Asia/Tokyo")


def source(tmp_path: Path, data: bytes, name: str = "export.csv") -> ImportSource:
    path = tmp_path / name
    path.write_bytes(data)
    return ImportSource.from_path(path)


def parse(src: ImportSource, ctx: ParseContext = CTX) -> list[object]:
    return list(OmronCsvImporter().parse(src, ctx))


def records(items: list[object]) -> list[object]:
    return [i.record for i in items if isinstance(i, ParsedRecord)]


def offset_hours(value: dt.datetime) -> float:
    off = value.utcoffset()
    assert off is not None
    return off.total_seconds() / 3600


def test_bp_fixture_fields_zones_and_device() -> None:
    items = parse(ImportSource.from_path(FIX / "bp_en.csv"))
    bps = records(items)
    assert all(isinstance(r, BloodPressure) for r in bps)
    assert [(r.systolic, r.diastolic, r.pulse, r.irregular_heartbeat)  # type: ignore[attr-defined]
            for r in bps] == [(128, 82, 64, False), (135, 88, 70, True), (122, 79, 66, False),
                              (120, 80, 60, False)]
    first, second, third, fourth = bps
    assert isinstance(first, BloodPressure) and isinstance(third, BloodPressure)
    assert isinstance(fourth, BloodPressure) and isinstance(second, BloodPressure)
    # Asia/Bangkok +07:00 from the Timezone column, never JST.
    assert first.measured_at.isoformat() == "2024-11-21T07:40:00+07:00"
    assert second.measured_at.isoformat() == "2024-11-21T21:15:00+09:00"
    # No zone → home zone.
    assert third.measured_at.isoformat() == "2024-11-22T06:30:00+09:00"
    assert offset_hours(fourth.measured_at) == 5.5
    assert first.source.app == "omron-connect"
    assert first.source.device is not None
    assert (first.source.device.maker, first.source.device.model) == ("OMRON", "HEM-7141T1")
    assert fourth.source.device is None
    assert first.context is None and first.provenance.value == "device"
    assert first.extra["omron"]["Body Movement"] == "Not Detected"
    assert first.profile_id == ""


def test_home_zone_from_context_for_rows_without_zone(tmp_path: Path) -> None:
    data = (BP_HEADER + '\r\n"2024/07/01 08:00",,"120","80","60",,,,,,,,\r\n').encode()
    [bp] = records(parse(source(tmp_path, data), ParseContext(home_zone="Europe/Berlin")))
    assert isinstance(bp, BloodPressure)
    assert bp.measured_at.isoformat() == "2024-07-01T08:00:00+02:00"


def test_body_composition_to_weight() -> None:
    weights = records(parse(ImportSource.from_path(FIX / "body_en.csv")))
    assert [(w.kg, w.body_fat_percent) for w in weights  # type: ignore[attr-defined]
            ] == [(65.4, 22.1), (65.2, None)]
    first = weights[0]
    assert isinstance(first, Weight)
    assert first.measured_at.isoformat() == "2024-11-21T07:00:00+09:00"
    assert first.original_unit.value == "kg"
    assert first.extra["omron"]["Visceral Fat"] == "9"
    assert first.source.device is not None and first.source.device.model == "HBF-702T"


def test_bad_rows_are_skipped_with_line_numbers(tmp_path: Path) -> None:
    data = (BP_HEADER + "\r\n"
            '"2024/11/21 07:40","Mars/Olympus","120","80","60",,,,,,,,\r\n'
            '"21 Nov 2024 07:40","Asia/Tokyo","120","80","60",,,,,,,,\r\n'
            '"2024/11/21 07:41","Asia/Tokyo",,"80","60",,,,,,,,\r\n'
            '"2024/11/21 07:42","Asia/Tokyo","12.5","80","60",,,,,,,,\r\n'
            "\r\n"
            '"2024/11/21 07:43","Asia/Tokyo","120","80",,"Not Detected",,,,,,,\r\n').encode()
    items = parse(source(tmp_path, data))
    [bp] = records(items)
    assert isinstance(bp, BloodPressure) and bp.pulse is None
    skips = {i.reason: i.count for i in items if isinstance(i, ParseSkip)}
    assert skips == {"invalid-zone": 1, "invalid-date": 1, "invalid-value": 2}
    warnings = [i.text for i in items if isinstance(i, ParseWarning)]
    assert warnings[0].startswith("line 2:") and warnings[1].startswith("line 3:")


def test_header_normalisation() -> None:
    assert normalise_header(" SYS (mmHg) ") == "sysmmhg"
    assert normalise_header("ＳＹＳ（ｍｍＨｇ）") == "sysmmhg"


def test_unknown_header_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, b'"Date","Value"\r\n"2024/01/01","1"\r\n'))
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, b""))


# -- encodings (T5) ---------------------------------------------------------------------


def _bp_text() -> str:
    return (FIX / "bp_en.csv").read_text(encoding="utf-8")


def _values(items: list[object]) -> list[tuple[object, ...]]:
    return [(r.measured_at, r.systolic, r.diastolic, r.pulse, r.irregular_heartbeat,  # type: ignore[attr-defined]
             r.source, r.extra) for r in records(items)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "utf-16"])
def test_encodings_decode_to_identical_records(tmp_path: Path, encoding: str) -> None:
    text = _bp_text().replace("°C", "℃")  # ° is not in CP932; ℃ is
    reference = _values(parse(source(tmp_path, text.encode("utf-8"), "ref.csv")))
    assert len(reference) == 4
    assert _values(parse(source(tmp_path, text.encode(encoding)))) == reference


def test_cp932_specific_characters_decode(tmp_path: Path) -> None:
    text = BP_HEADER + '\r\n"2024/11/21 07:40","Asia/Tokyo","120","80","60",,,,,,,"髙①～","X"\r\n'
    [bp] = records(parse(source(tmp_path, text.encode("cp932"))))
    assert isinstance(bp, BloodPressure)
    assert bp.extra["omron"]["Measurement Mode"] == "髙1~"  # NFKC on cells


def test_utf16_without_bom_and_garbage_refused(tmp_path: Path) -> None:
    text = _bp_text()
    with pytest.raises(EncodingRefused):
        parse(source(tmp_path, text.encode("utf-16-le")))
    with pytest.raises(EncodingRefused):
        parse(source(tmp_path, b"\xff\xfe\x00\xd8"))  # BOM then a lone surrogate
    with pytest.raises((EncodingRefused, MalformedInput)):
        parse(source(tmp_path, bytes(range(0x80, 0x100)) * 4))


def test_utf16_mis_decoded_as_cp932_does_not_pass_the_header(tmp_path: Path) -> None:
    # UTF-16-BE without BOM of CJK text (U+8A40…): no NUL bytes, and every code unit is
    # a valid CP932 double-byte character, so only the header check can refuse it.
    data = "".join(chr(0x8A40 + i) for i in range(40)).encode("utf-16-be")
    text, encoding = decode_text(data)
    assert encoding == "cp932"
    with pytest.raises(MalformedInput):
        parse(source(tmp_path, data))


@pytest.mark.parametrize("stray", [b"\x80", b"\xa0", b"\xfd", b"\xff", b"\x81\x7f"])
def test_bytes_outside_windows31j_refused(stray: bytes) -> None:
    with pytest.raises(EncodingRefused):
        decode_text("髙".encode("cp932") + stray)


def test_wave_dash_folded() -> None:
    assert decode_text("〜".encode())[0] == decode_text("～".encode("cp932"))[0]


# -- sniff and caps ---------------------------------------------------------------------


def test_sniff_by_content_not_name(tmp_path: Path) -> None:
    importer = OmronCsvImporter()
    data = (FIX / "bp_en.csv").read_bytes()
    assert importer.sniff(source(tmp_path, data, "whatever.txt")) >= 0.9
    assert importer.sniff(source(tmp_path, _bp_text().encode("utf-16"), "u16.csv")) >= 0.9
    assert importer.sniff(source(tmp_path, b'"Date","Value"\r\n', "omron.csv")) == 0.0
    assert importer.sniff(source(tmp_path, b"\x00\x01\x02", "omron.csv")) == 0.0
    detected = default_registry().detect(source(tmp_path, data, "x.bin"))
    assert detected is not None and detected.slug == "omron-csv"


def test_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(OmronCsvImporter, "max_bytes", 100)
    with pytest.raises(TooLarge):
        parse(ImportSource.from_path(FIX / "bp_en.csv"))
