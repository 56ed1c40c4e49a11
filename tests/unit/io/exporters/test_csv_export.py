"""CSV export: layout, formula escaping, numbers, and the kokan-csv round trip (T12)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phrapp.domain.codes.checkup_items import COMMON_LABS
from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    BpContext,
    Checkup,
    CheckupItem,
    Device,
    Drug,
    DrugCodeSystem,
    HealthBackground,
    Immunization,
    ItemStatus,
    LabValue,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Sex,
    Smoking,
    Source,
    Steps,
    Weight,
    WeightUnit,
)
from phrapp.io.exporters.base import ExportData, ExportRequest
from phrapp.io.exporters.csv_export import CsvExporter, escape_text
from phrapp.io.importers.base import ImportSource, ParseContext, ParsedRecord
from phrapp.io.importers.kokan_csv import HBA1C_NAME, KokanCsvImporter
from phrapp.io.importers.phrapp_csv import PhrappCsvImporter, unescape

JST = dt.timezone(dt.timedelta(hours=9))
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
PROFILE = Profile(name="本人", sex=Sex.MALE, birth_date=dt.date(1970, 1, 2))
PID = PROFILE.id
OMRON = Source(device=Device(maker="OMRON", model="HEM-7281T", serial="SN0001"))
CTX = ParseContext(home_zone="Asia/Tokyo")
ALL_KINDS = CsvExporter.kinds

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "\t=1+1", "\r=1+1", "+81-90-1234",
           "-2+3", "＝1+1", "＋1", "－1", "＠SUM(1)"]


def export(tmp_path: Path, records: dict[RecordKind, list[Record]],
           kinds: tuple[RecordKind, ...] = ALL_KINDS,
           primary: frozenset[str] = frozenset()) -> dict[str, bytes]:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    request = ExportRequest(profile=PROFILE, out=out, kinds=kinds)
    data = ExportData(profile=PROFILE, records=records, primary_steps=primary)
    result = CsvExporter().export(request, data)
    return {path.name: path.read_bytes() for path in result.files}


def rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def bp(**changes: object) -> BloodPressure:
    base = BloodPressure(profile_id=PID, provenance=Provenance.DEVICE, source=OMRON,
                         measured_at=dt.datetime(2024, 12, 1, 6, 42, 5, tzinfo=JST),
                         systolic=128, diastolic=82, pulse=64)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


# --- layout ------------------------------------------------------------------------------


def test_one_file_per_kind_bom_crlf_quote_all(tmp_path: Path) -> None:
    hba1c = LabValue(profile_id=PID, provenance=Provenance.DEVICE, source=OMRON,
                     date=dt.date(2024, 11, 2), code=COMMON_LABS["hba1c"], name=HBA1C_NAME,
                     value=5.8, unit="%")
    files = export(tmp_path, {RecordKind.BP: [bp()], RecordKind.LABS: [hba1c]})
    assert set(files) == {"bp.csv", "weight.csv", "steps.csv", "labs.csv", "hba1c.csv",
                          "checkups.csv", "medications.csv", "allergies.csv",
                          "immunizations.csv", "background.csv"}
    content = files["bp.csv"]
    assert content.startswith(b'\xef\xbb\xbf"observation_time","systolic","diastolic"')
    lines = content[3:].split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line for line in lines)
    assert all(cell.startswith('"') for cell in lines[1].decode().split(","))
    (row,) = rows(content)
    assert row["observation_time"] == "20241201064205"
    assert row["systolic"] == "128" and row["pulse"] == "64"
    assert row["offset"] == "'+09:00"  # text starting with "+": escaped like any text
    assert row["id"] == bp().id or len(row["id"]) == 36
    assert row["data_input_code"] == "0" and row["model_number"] == "HEM-7281T"
    assert rows(files["weight.csv"]) == []  # requested kinds always get a file (header only)


def test_a_single_kind_gives_a_single_file(tmp_path: Path) -> None:
    out = tmp_path / "bp.csv"
    request = ExportRequest(profile=PROFILE, out=out, kinds=(RecordKind.BP,))
    result = CsvExporter().export(request, ExportData(profile=PROFILE,
                                                      records={RecordKind.BP: [bp()]}))
    assert result.files == [out] and result.counts == {"bp": 1}
    assert len(rows(out.read_bytes())) == 1


def test_observation_time_is_home_zone_wall_clock_and_offset_is_kept(tmp_path: Path) -> None:
    abroad = bp(measured_at=dt.datetime(2024, 12, 1, 6, 0, tzinfo=IST))
    (row,) = rows(export(tmp_path, {RecordKind.BP: [abroad]})["bp.csv"])
    assert row["observation_time"] == "20241201093000"  # the same instant, in JST
    assert row["offset"] == "'+05:30"
    assert row["slot"] == "morning"


# --- formula escaping and numbers ----------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_text(text: str) -> None:
    assert escape_text(text) == "'" + text
    assert escape_text("safe " + text) == "safe " + text
    assert escape_text("") == ""


def test_formula_cells_are_escaped_and_numbers_stay_numbers(tmp_path: Path) -> None:
    allergies: list[Record] = [Allergy(profile_id=PID, kind=AllergyKind.ALLERGY, text=t)
                               for t in HOSTILE]
    checkup = Checkup(profile_id=PID, date=dt.date(2024, 6, 1), institution_name="=cmd|x",
                      items=(
                          CheckupItem(code="9N001000000000001", name="BE", value=-3.5,
                                      unit="mmol/L"),
                          CheckupItem(code="1A020000000191111", name="尿糖", value="1",
                                      value_display="－", code_system="1.2.392.200119.6.2101"),
                          CheckupItem(code="9N056000000000011", name="所見", value="-x",
                                      status=ItemStatus.MEASURED)))
    medication = MedicationRecord(
        profile_id=PID, origin=MedicationOrigin.DISPENSING, dispensed_on=dt.date(2024, 5, 1),
        pharmacy="@pharmacy", drugs=(Drug(name="+drug", code="-1", dose=-0.5,
                                          code_system=DrugCodeSystem.YJ, quantity=14),))
    immunization = Immunization(profile_id=PID, date=dt.date(2024, 10, 1), vaccine="＠flu",
                                lot="-123", dose_number=2)
    lab = LabValue(profile_id=PID, date=dt.date(2024, 3, 1), code="3F015000002399901",
                   name="-TG", value=-3.0, unit="mg/dL", facility="\tclinic")
    files = export(tmp_path, {RecordKind.ALLERGIES: allergies, RecordKind.CHECKUPS: [checkup],
                              RecordKind.MEDICATIONS: [medication],
                              RecordKind.IMMUNIZATIONS: [immunization],
                              RecordKind.LABS: [lab],
                              RecordKind.BP: [bp(note="=1+1")]})

    assert [r["text"] for r in rows(files["allergies.csv"])] == ["'" + t for t in HOSTILE]

    checkup_rows = rows(files["checkups.csv"])
    assert [r["item_code"] for r in checkup_rows] == [i.code for i in checkup.items]
    assert {r["institution_name"] for r in checkup_rows} == {"'=cmd|x"}
    assert checkup_rows[0]["value"] == "-3.5"  # a number: not escaped, parses as one
    assert float(checkup_rows[0]["value"]) == -3.5
    assert checkup_rows[1]["value"] == "1" and checkup_rows[1]["value_display"] == "'－"
    assert checkup_rows[2]["value"] == "'-x"  # text value: escaped

    (med,) = rows(files["medications.csv"])
    assert med["pharmacy"] == "'@pharmacy" and med["drug_name"] == "'+drug"
    assert med["drug_code"] == "'-1"  # a code is text, even when it looks numeric
    assert med["dose"] == "-0.5" and med["quantity"] == "14"

    (imm,) = rows(files["immunizations.csv"])
    assert imm["vaccine"] == "'＠flu" and imm["lot"] == "'-123" and imm["dose_number"] == "2"

    (lab_row,) = rows(files["labs.csv"])
    assert lab_row["value"] == "-3" and lab_row["name"] == "'-TG"
    assert lab_row["facility"] == "'\tclinic"

    (bp_row,) = rows(files["bp.csv"])
    assert bp_row["note"] == "'=1+1"

    # Every cell of every file: no cell starts with a formula character unless it is a
    # plain number written by the exporter.
    for content in files.values():
        for row in rows(content):
            for cell in row.values():
                if cell and cell[0] in "=+-@\t\r＝＋－＠":
                    float(cell)  # raises unless it is a number
                    assert cell[0] == "-"


def test_numbers_have_no_exponent_or_separator(tmp_path: Path) -> None:
    tiny = LabValue(profile_id=PID, date=dt.date(2024, 3, 1), code="X" * 17, name="n",
                    value=0.00001, unit="u")
    big = LabValue(profile_id=PID, date=dt.date(2024, 3, 2), code="X" * 17, name="n",
                   value=12345678.25, unit="u")
    values = [r["value"] for r in rows(export(tmp_path, {RecordKind.LABS: [tiny, big]},
                                              kinds=(RecordKind.LABS,))["labs.csv"])]
    assert values == ["0.00001", "12345678.25"]


def test_other_kinds_flatten_the_contract_keys(tmp_path: Path) -> None:
    background = HealthBackground(profile_id=PID, date=dt.date(2024, 1, 1),
                                  smoking=Smoking.NEVER, diabetes=False, ckd=None)
    empty_med = MedicationRecord(profile_id=PID, origin=MedicationOrigin.OTC,
                                 dispensed_on=dt.date(2024, 2, 1))
    files = export(tmp_path, {RecordKind.BACKGROUND: [background],
                              RecordKind.MEDICATIONS: [empty_med]})
    (row,) = rows(files["background.csv"])
    assert (row["smoking"], row["diabetes"], row["ckd"]) == ("never", "false", "")
    assert row["profile"] == "本人" and row["provenance"] == "manual"
    (med,) = rows(files["medications.csv"])
    assert med["origin"] == "otc" and med["drug_name"] == ""


# --- round trip through the kokan-csv importer ---------------------------------------------


def reimport(tmp_path: Path, name: str, content: bytes) -> list[Record]:
    path = tmp_path / f"re_{name}"
    path.write_bytes(content)
    items = list(KokanCsvImporter().parse(ImportSource.from_path(path), CTX))
    return [i.record for i in items if isinstance(i, ParsedRecord)]


def comparable(record: Record) -> Record:
    """CONTRACT §5 "identical records": ignore id, batch, timestamps (and extra)."""
    return dataclasses.replace(record, id="", profile_id="", created_at=EPOCH,
                               updated_at=EPOCH, extra={},
                               source=dataclasses.replace(record.source, batch=None))


def test_vitals_round_trip_through_kokan_csv(tmp_path: Path) -> None:
    records: dict[RecordKind, list[Record]] = {
        RecordKind.BP: [bp(), bp(measured_at=dt.datetime(2024, 12, 1, 21, 5, tzinfo=JST),
                             systolic=141, diastolic=90, pulse=None,
                             provenance=Provenance.DEVICE_EDITED)],
        RecordKind.WEIGHT: [Weight(profile_id=PID, provenance=Provenance.MANUAL, source=OMRON,
                                   measured_at=dt.datetime(2024, 12, 2, 7, 1, tzinfo=JST),
                                   kg=65.4)],
        RecordKind.STEPS: [Steps(profile_id=PID, provenance=Provenance.DEVICE, source=OMRON,
                                 date=dt.date(2024, 12, 3), steps=8123,
                                 extra={"walk_time": 75, "calories": 210.5})],
        RecordKind.LABS: [LabValue(profile_id=PID, provenance=Provenance.DEVICE, source=OMRON,
                                   date=dt.date(2024, 11, 2), code=COMMON_LABS["hba1c"],
                                   name=HBA1C_NAME, value=5.8, unit="%")],
    }
    files = export(tmp_path, records)
    for name, kind in (("bp.csv", RecordKind.BP), ("weight.csv", RecordKind.WEIGHT),
                       ("steps.csv", RecordKind.STEPS), ("hba1c.csv", RecordKind.LABS)):
        back = reimport(tmp_path, name, files[name])
        assert [comparable(r) for r in back] == [comparable(r) for r in records[kind]], name
    steps_back = reimport(tmp_path, "steps.csv", files["steps.csv"])[0]
    assert steps_back.extra["walk_time"] == 75 and steps_back.extra["calories"] == 210.5


def test_update_time_is_preserved_for_replacement(tmp_path: Path) -> None:
    reading = bp(extra={"update_time": "20241201070000123", "origin_of_time_code": "1"})
    (row,) = rows(export(tmp_path, {RecordKind.BP: [reading]})["bp.csv"])
    assert row["update_time"] == "20241201070000123" and row["origin_of_time_code"] == "1"


# hypothesis wants naive bounds; the test attaches +09:00 itself.
FIRST = dt.datetime(2001, 1, 1)  # noqa: DTZ001
LAST = dt.datetime(2037, 12, 31)  # noqa: DTZ001
_texts = st.text(alphabet="ABCDEFGHJKabc0123456789", min_size=1, max_size=12)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(readings=st.lists(st.tuples(
    st.integers(60, 250), st.integers(1, 59), st.none() | st.integers(30, 200),
    st.datetimes(min_value=FIRST, max_value=LAST),
    st.sampled_from([Provenance.DEVICE, Provenance.MANUAL, Provenance.DEVICE_EDITED]),
    _texts, _texts, _texts), max_size=6),
    weights=st.lists(st.tuples(st.integers(1, 9990), st.datetimes(
        min_value=FIRST, max_value=LAST)), max_size=4))
def test_round_trip_property(tmp_path: Path,
                             readings: list[tuple[int, int, int | None, dt.datetime,
                                                  Provenance, str, str, str]],
                             weights: list[tuple[int, dt.datetime]]) -> None:
    def jst(moment: dt.datetime) -> dt.datetime:
        return moment.replace(microsecond=0, tzinfo=JST)

    bps: list[Record] = [
        BloodPressure(profile_id=PID, provenance=prov,
                      source=Source(device=Device(maker=maker, model=model, serial=serial)),
                      measured_at=jst(at).replace(second=max(at.second, 1)),
                      systolic=sys, diastolic=sys - gap, pulse=pulse)
        for sys, gap, pulse, at, prov, maker, model, serial in readings]
    kgs: list[Record] = [Weight(profile_id=PID, provenance=Provenance.DEVICE, source=OMRON,
                                measured_at=jst(at).replace(second=max(at.second, 1)),
                                kg=tenths / 10) for tenths, at in weights]
    files = export(tmp_path, {RecordKind.BP: bps, RecordKind.WEIGHT: kgs},
                   kinds=(RecordKind.BP, RecordKind.WEIGHT))
    assert [comparable(r) for r in reimport(tmp_path, "bp.csv", files["bp.csv"])] == \
        [comparable(r) for r in bps]
    assert [comparable(r) for r in reimport(tmp_path, "weight.csv", files["weight.csv"])] == \
        [comparable(r) for r in kgs]
    assert [comparable(r) for r in reimport_phrapp(tmp_path, "bp.csv", files["bp.csv"])] == \
        [comparable(r) for r in bps]


def test_bp_extra_columns_carry_what_kokan_cannot(tmp_path: Path) -> None:
    reading = bp(context=BpContext.EVENING, irregular_heartbeat=True, note="ok")
    (row,) = rows(export(tmp_path, {RecordKind.BP: [reading]})["bp.csv"])
    assert (row["context"], row["irregular_heartbeat"], row["note"]) == ("evening", "true", "ok")
    assert row["slot"] == "evening" and row["time_known"] == "true"


# --- full round trip through phrapp's own reader (phrapp-csv) -----------------------------


def reimport_phrapp(tmp_path: Path, name: str, content: bytes) -> list[Record]:
    path = tmp_path / f"rp_{name}"
    path.write_bytes(content)
    src = ImportSource.from_path(path)
    importer = PhrappCsvImporter()
    assert importer.sniff(src) > KokanCsvImporter().sniff(src)
    items = list(importer.parse(src, CTX))
    return [i.record for i in items if isinstance(i, ParsedRecord)]


def test_everything_the_kokan_layout_loses_round_trips_through_phrapp_csv(
        tmp_path: Path) -> None:
    app = Source(app="apple-health")
    records: dict[RecordKind, list[Record]] = {
        RecordKind.BP: [
            bp(measured_at=dt.datetime(2024, 12, 1, 6, 0, 30, tzinfo=IST),
               context=BpContext.EVENING, irregular_heartbeat=True, note="=1+1 dizzy"),
            bp(source=Source(), provenance=Provenance.MANUAL, pulse=None),
            bp(source=app, provenance=Provenance.IMPORT,
               measured_at=dt.datetime(2024, 12, 2, 0, 0, tzinfo=JST),
               extra={"time_known": False}),
        ],
        RecordKind.WEIGHT: [Weight(profile_id=PID, source=app, provenance=Provenance.IMPORT,
                                   measured_at=dt.datetime(2024, 12, 2, 7, 1, tzinfo=IST),
                                   kg=70.30695, body_fat_percent=21.5,
                                   original_unit=WeightUnit.LB)],
        RecordKind.STEPS: [Steps(profile_id=PID, source=app, provenance=Provenance.IMPORT,
                                 date=dt.date(2024, 12, 3), steps=123_456)],
        RecordKind.LABS: [
            LabValue(profile_id=PID, date=dt.date(2024, 3, 1), code=COMMON_LABS["ldl"],
                     name="LDLコレステロール", value=-3.25, unit="mg/dL", facility="@clinic"),
            LabValue(profile_id=PID, provenance=Provenance.CHECKUP, date=dt.date(2024, 3, 1),
                     code=COMMON_LABS["hba1c"], name="HbA1c", value=5.8, unit="%"),
        ],
    }
    files = export(tmp_path, records)
    for name, kind in (("bp.csv", RecordKind.BP), ("weight.csv", RecordKind.WEIGHT),
                       ("steps.csv", RecordKind.STEPS), ("labs.csv", RecordKind.LABS)):
        back = reimport_phrapp(tmp_path, name, files[name])
        assert [comparable(r) for r in back] == [comparable(r) for r in records[kind]], name
    back_bp = reimport_phrapp(tmp_path, "bp.csv", files["bp.csv"])
    assert isinstance(back_bp[0], BloodPressure)
    assert back_bp[0].measured_at.utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert back_bp[2].extra["time_known"] is False


def test_phrapp_csv_leaves_other_files_to_their_importers(tmp_path: Path) -> None:
    hba1c = LabValue(profile_id=PID, provenance=Provenance.DEVICE, source=OMRON,
                     date=dt.date(2024, 11, 2), code=COMMON_LABS["hba1c"], name=HBA1C_NAME,
                     value=5.8, unit="%")
    files = export(tmp_path, {RecordKind.LABS: [hba1c]})
    for name in ("hba1c.csv", "checkups.csv", "allergies.csv"):
        path = tmp_path / f"s_{name}"
        path.write_bytes(files[name])
        assert PhrappCsvImporter().sniff(ImportSource.from_path(path)) == 0.0
    kokan_fixture = Path(__file__).resolve().parents[3] / "fixtures" / "kokan" / "bp.csv"
    assert PhrappCsvImporter().sniff(ImportSource.from_path(kokan_fixture)) == 0.0
    assert unescape("'=x") == "=x" and unescape("'abc") == "'abc" and unescape("'") == "'"
