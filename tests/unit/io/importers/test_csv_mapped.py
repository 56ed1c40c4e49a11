"""``csv-mapped``: sniffing by exact header, encodings (T5), streaming rows, records."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.csv_mapping import CsvMapping, MappingError, RowError, RowValues
from phrapp.domain.records import BloodPressure, LabValue, Provenance, Steps, Weight
from phrapp.domain.records.vitals import WeightUnit
from phrapp.errors import EncodingRefused, MalformedInput, TooLarge
from phrapp.io.importers.base import (
    ImporterRegistry,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.csv_mapped import (
    CsvMappedImporter,
    choose_codec,
    sniff_delimiter,
)
from phrapp.services.csv_mappings import META_KEY, CsvMappingService, preview

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "csv_mapped"
CTX = ParseContext(home_zone="Asia/Tokyo")
JST = dt.timezone(dt.timedelta(hours=9))


def src(path: Path) -> ImportSource:
    return ImportSource.from_path(path)


def write(tmp_path: Path, data: bytes, name: str = "file.csv") -> ImportSource:
    path = tmp_path / name
    path.write_bytes(data)
    return ImportSource.from_path(path)


def parse(source: ImportSource, importer: CsvMappedImporter | None = None,
          ctx: ParseContext = CTX) -> tuple[list[object], list[ParseSkip], list[str]]:
    items = list((importer or CsvMappedImporter()).parse(source, ctx))
    records = [i.record for i in items if isinstance(i, ParsedRecord)]
    skips = [i for i in items if isinstance(i, ParseSkip)]
    warnings = [i.text for i in items if isinstance(i, ParseWarning)]
    return records, skips, warnings


def dialog_mapping() -> CsvMapping:
    return CsvMapping(name="血圧手帳", kind="bp", encoding="cp932",
                      columns={"date": 0, "time": 1, "systolic": 2, "diastolic": 3,
                               "pulse": 4},
                      header=("日付", "時間", "上の血圧", "下の血圧", "脈拍", "メモ"))


def test_cp932_builtin_header_separate_date_and_time() -> None:
    source = src(FIX / "bp_cp932_builtin.csv")
    assert CsvMappedImporter().sniff(source) == pytest.approx(0.6)
    records, skips, warnings = parse(source)
    assert [(r.measured_at, r.systolic, r.diastolic, r.pulse) for r in records] == [
        (dt.datetime(2024, 11, 1, 7, 5, tzinfo=JST), 128, 82, 66),
        (dt.datetime(2024, 11, 1, 21, 30, tzinfo=JST), 135, 88, None)]
    first = records[0]
    assert isinstance(first, BloodPressure)
    assert first.provenance is Provenance.IMPORT
    assert first.source.app == "csv:builtin:bp-ja"
    assert [(s.reason, s.count) for s in skips] == [("invalid-value", 1)]
    assert warnings == ["line 4: systolic is not a number in range"]
    assert "abc" not in " ".join(warnings)


def test_utf16_with_bom_tab_separated_weights() -> None:
    records, skips, _ = parse(src(FIX / "weight_utf16_bom.tsv"))
    assert skips == []
    assert [(r.measured_at, r.kg) for r in records] == [
        (dt.datetime(2024, 11, 1, 6, 30, tzinfo=JST), 64.2),
        (dt.datetime(2024, 11, 2, 6, 31, tzinfo=JST), 64.0)]


def test_utf8_bom_pounds_become_kg_with_the_original_kept() -> None:
    records, _, _ = parse(src(FIX / "weight_lb_utf8bom.csv"))
    first = records[0]
    assert isinstance(first, Weight)
    assert first.kg == pytest.approx(68.04)
    assert first.original_unit is WeightUnit.LB
    assert first.extra["original_value"] == "150.0"


def test_no_matching_header_is_not_sniffed_and_the_registry_finds_nothing() -> None:
    source = src(FIX / "no_match.csv")
    assert CsvMappedImporter().sniff(source) == 0.0
    registry = default_registry()
    if registry.by_slug("csv-mapped") is None:
        registry.register(CsvMappedImporter())
    assert registry.detect(source) is None
    with pytest.raises(MalformedInput):
        parse(source)


def test_utf16_without_bom_and_binary_junk_are_refused(tmp_path: Path) -> None:
    nobom = src(FIX / "bp_utf16_nobom.csv")
    assert CsvMappedImporter().sniff(nobom) == 0.0
    with pytest.raises(EncodingRefused):
        choose_codec(nobom, "utf-16")
    explicit = CsvMapping(name="x", kind="bp", encoding="utf-16",
                          columns={"date": 0, "time": 1, "systolic": 2, "diastolic": 3},
                          header=("日付", "時刻", "最高血圧", "最低血圧", "脈拍"))
    assert CsvMappedImporter([explicit]).sniff(nobom) == 0.0
    junk = write(tmp_path, bytes(range(256)) * 64, "junk.csv")
    assert CsvMappedImporter().sniff(junk) == 0.0


def test_auto_encoding_reads_cp932_rows_under_an_ascii_header(tmp_path: Path) -> None:
    # The head is plain ASCII (valid UTF-8) but a later row is CP932: the whole file is
    # checked before choosing UTF-8, so the row is not refused half-way.
    rows = "".join(f"2024-11-{d:02d},07:00,12{d % 10},80,60\r\n" for d in range(1, 29))
    text = "Date,Time,Systolic,Diastolic,Pulse\r\n" + rows * 200 + "2024-12-01,07:00,121,80,髙\r\n"
    source = write(tmp_path, text.encode("cp932"))
    assert len(source.head) < source.size
    records, skips, _ = parse(source)
    assert len(records) == 28 * 200  # duplicates are the service's business
    assert [(s.reason, s.count) for s in skips] == [("invalid-value", 1)]


def test_saved_mapping_first_then_builtins(tmp_path: Path) -> None:
    source = src(FIX / "bp_cp932_dialog.csv")
    assert CsvMappedImporter().sniff(source) == 0.0
    importer = CsvMappedImporter([dialog_mapping(), *CsvMappedImporter().mappings])
    assert importer.sniff(source) > 0.5
    records, skips, warnings = parse(source, importer)
    assert [(r.measured_at.hour, r.systolic) for r in records] == [(7, 128), (21, 135),
                                                                    (7, 122)]
    assert records[0].source.app == "csv:血圧手帳"
    assert {(s.reason, s.count) for s in skips} == {("missing-field", 1), ("invalid-date", 1)}
    assert warnings[0] == "line 4: diastolic is empty"


def test_headerless_mapping_only_when_chosen_explicitly(tmp_path: Path) -> None:
    source = write(tmp_path, b"2024-11-01 07:00;120;80\n2024-11-02 07:00;121;81\n")
    mapping = CsvMapping(name="no header", kind="bp", has_header=False, delimiter=";",
                         columns={"date": 0, "systolic": 1, "diastolic": 2})
    assert CsvMappedImporter([mapping]).sniff(source) == 0.0
    explicit = CsvMappedImporter([mapping], explicit=True)
    assert explicit.sniff(source) > 0.5
    records, _, _ = parse(source, explicit)
    assert [r.systolic for r in records] == [120, 121]


def test_steps_and_glucose_targets(tmp_path: Path) -> None:
    steps = write(tmp_path, "日付,歩数\n2024/11/01,\"8,123\"\n2024/11/02,9001\n".encode(),
                  "steps.csv")
    records, _, _ = parse(steps)
    assert [(r.date, r.steps) for r in records if isinstance(r, Steps)] == [
        (dt.date(2024, 11, 1), 8123), (dt.date(2024, 11, 2), 9001)]
    glucose = write(tmp_path, "日付,空腹時血糖(mg/dL)\n2024-11-01,102\n".encode(), "g.csv")
    records, _, _ = parse(glucose)
    lab = records[0]
    assert isinstance(lab, LabValue)
    assert (lab.code, lab.value, lab.unit) == ("3D010000001999901", 102.0, "mg/dL")


def test_offsets_in_cells_are_kept_and_zone_override(tmp_path: Path) -> None:
    data = "Date,Time,Systolic,Diastolic,Pulse\n2024-11-01,07:00 -05:00,120,80,\n" \
           "2024-03-10,02:30,121,81,\n"
    source = write(tmp_path, data.encode())
    records, _, _ = parse(source, ctx=ParseContext(home_zone="America/New_York"))
    assert records[0].measured_at.utcoffset() == dt.timedelta(hours=-5)
    assert records[1].measured_at.utcoffset() is not None  # a DST gap still resolves


def test_size_cap_and_row_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = src(FIX / "bp_cp932_builtin.csv")
    monkeypatch.setattr(CsvMappedImporter, "max_bytes", 10)
    with pytest.raises(TooLarge):
        parse(source)
    monkeypatch.setattr(CsvMappedImporter, "max_bytes", 1 << 20)
    monkeypatch.setattr("phrapp.io.importers.csv_mapped.MAX_ROWS", 1)
    with pytest.raises(TooLarge):
        parse(source)


def test_cancel_stops_and_a_registry_detects_builtin_headers() -> None:
    source = src(FIX / "bp_cp932_builtin.csv")
    records, _, _ = parse(source, ctx=ParseContext(home_zone="Asia/Tokyo",
                                                   cancelled=lambda: True))
    assert records == []
    registry = ImporterRegistry([CsvMappedImporter()])
    assert registry.detect(source) is not None


def test_delimiter_sniffing() -> None:
    assert sniff_delimiter("a\tb\tc") == "\t"
    assert sniff_delimiter("a;b;c") == ";"
    assert sniff_delimiter("a,b;c") == ","
    assert sniff_delimiter("abc") == ","


def test_preview_reads_the_start_as_parsed_values() -> None:
    mapping = dialog_mapping()
    shown = preview(FIX / "bp_cp932_dialog.csv", mapping, n=3)
    assert (shown.encoding, shown.delimiter) == ("cp932", ",")
    assert shown.header is not None and shown.header[0] == "日付"
    assert shown.raw[1][5] == "髙橋医院①～"
    assert [line for line, _ in shown.rows] == [2, 3, 4]
    first = shown.rows[0][1]
    assert isinstance(first, RowValues) and first.values["systolic"] == 128
    third = shown.rows[2][1]
    assert isinstance(third, RowError) and third.reason == "missing-field"
    incomplete = dataclasses.replace(mapping, columns={"date": 0})
    assert preview(FIX / "bp_cp932_dialog.csv", incomplete).rows == []
    wide = dataclasses.replace(mapping, columns={**mapping.columns, "pulse": 40})
    assert preview(FIX / "bp_cp932_dialog.csv", wide).problems == ["columns"]
    tsv = preview(FIX / "weight_utf16_bom.tsv",
                  CsvMapping(name="w", kind="weight", columns={"date": 0, "weight": 1}))
    assert (tsv.encoding, tsv.delimiter, len(tsv.rows)) == ("utf-16", "\t", 2)
    with pytest.raises(EncodingRefused):
        preview(FIX / "bp_utf16_nobom.csv", mapping)


def test_saved_mappings_live_in_the_vault(session: Any) -> None:
    service = CsvMappingService(session)
    assert service.saved() == [] and service.all()[0].name.startswith("builtin:")
    service.save(dialog_mapping())
    service.save(dataclasses.replace(dialog_mapping(), unit="lb"))  # same name: replaced
    saved = service.saved()
    assert [(m.name, m.unit) for m in saved] == [("血圧手帳", "lb")]
    assert service.importer().sniff(src(FIX / "bp_cp932_dialog.csv")) > 0.5
    with pytest.raises(MappingError):
        service.save(dataclasses.replace(dialog_mapping(), name="builtin:x"))
    session.repos.meta.set(META_KEY, '[{"name": "broken"}, 3]')
    assert service.saved() == []  # unreadable entries are ignored, never crash
    service.save(dialog_mapping())
    assert service.delete("血圧手帳") and not service.delete("血圧手帳")
    assert session.repos.meta.get(META_KEY) is None


def test_through_the_import_service_commit_and_reimport(session: Any, tmp_path: Path) -> None:
    from phrapp.services.import_service import ImportService

    registry = ImporterRegistry([CsvMappingService(session).importer()])
    steps = tmp_path / "steps.csv"
    steps.write_text("日付,歩数\n2024/11/01,8123\n", encoding="utf-8")
    glucose = tmp_path / "glucose.csv"
    glucose.write_text("日付,空腹時血糖(mg/dL)\n2024-11-01,102\n", encoding="utf-8")
    files = [FIX / "bp_cp932_builtin.csv", FIX / "weight_lb_utf8bom.csv",
             FIX / "weight_utf16_bom.tsv", steps, glucose]
    service = ImportService(session, registry)
    plan = service.preview(files)
    assert [(f.format, dict(f.added)) for f in plan.files] == [
        ("csv-mapped", {"bp": 2}), ("csv-mapped", {"weight": 2}),
        ("csv-mapped", {"weight": 2}), ("csv-mapped", {"steps": 1}),
        ("csv-mapped", {"labs": 1})]
    assert dict(plan.files[0].skipped) == {"invalid-value": 1}
    service.commit(plan)
    again = ImportService(session, registry).preview(files)
    assert all(not f.added for f in again.files)
    assert dict(again.files[0].duplicates) == {"bp": 2}


def test_cli_imports_builtin_headers_and_refuses_unknown_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from cli_support import make_cli

    import phrapp.services.import_service as import_service

    original = import_service.default_registry

    def with_csv_mapped() -> ImporterRegistry:
        # What base.default_registry does once csv-mapped is registered there.
        registry = original()
        if registry.by_slug("csv-mapped") is None:
            registry.register(CsvMappedImporter())
        return registry

    monkeypatch.setattr(import_service, "default_registry", with_csv_mapped)
    cli = make_cli(tmp_path / "vault", monkeypatch, capsys)
    assert cli("init", "--json").code == 0
    done = cli("import", str(FIX / "bp_cp932_builtin.csv"), "--json")
    assert done.code == 0, done.err
    entry = done.json["files"][0]
    assert (entry["format"], entry["added"]) == ("csv-mapped", {"bp": 2})
    assert entry["skipped"] == [{"reason": "invalid-value", "count": 1}]
    for name in ("no_match.csv", "bp_utf16_nobom.csv"):
        refused = cli("import", str(FIX / name), "--json")
        assert refused.code == 2
        assert refused.json["error"]["code"] in ("unsupported-format", "encoding")
    listed = cli("list", "bp", "--json").json
    assert [(r["systolic"], r["measured_at"], r["source"]["app"]) for r in listed] == [
        (128, "2024-11-01T07:05:00+09:00", "csv:builtin:bp-ja"),
        (135, "2024-11-01T21:30:00+09:00", "csv:builtin:bp-ja")]
