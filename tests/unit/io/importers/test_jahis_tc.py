"""The JAHIS TC importer (specs/medication-jahis.md): every record type, the samples, split data.

Inline texts test one record type each; ``tests/fixtures/jahis`` holds the files written
from the spec and the MIT samples (``samples/``), whose expectations are asserted per file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    Drug,
    DrugCodeSystem,
    MedicationOrigin,
    MedicationRecord,
    Provenance,
    Sex,
    Source,
)
from phrapp.errors import EncodingRefused, MalformedInput
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.jahis_tc import JahisTcImporter, JoinedSource, supply_end

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "jahis"
SAMPLES = FIX / "samples"
IMPORTER = JahisTcImporter()
D = dt.date


@dataclass
class Parsed:
    persons: list[PersonInfo] = field(default_factory=list)
    records: list[ParsedRecord] = field(default_factory=list)
    documents: list[ParsedDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skips: list[ParseSkip] = field(default_factory=list)

    @property
    def meds(self) -> list[MedicationRecord]:
        return [r.record for r in self.records if isinstance(r.record, MedicationRecord)]

    @property
    def dispensings(self) -> list[MedicationRecord]:
        return [m for m in self.meds if m.origin is MedicationOrigin.DISPENSING]

    @property
    def otc(self) -> list[MedicationRecord]:
        return [m for m in self.meds if m.origin is MedicationOrigin.OTC]

    @property
    def allergies(self) -> list[Allergy]:
        return [r.record for r in self.records if isinstance(r.record, Allergy)]


def source_of(path: Path) -> ImportSource:
    return ImportSource.from_path(path)


def parse_source(source: ImportSource) -> Parsed:
    out = Parsed()
    for item in IMPORTER.parse(source, ParseContext(home_zone="Asia/Tokyo")):
        if isinstance(item, PersonInfo):
            out.persons.append(item)
        elif isinstance(item, ParsedRecord):
            out.records.append(item)
        elif isinstance(item, ParsedDocument):
            out.documents.append(item)
        elif isinstance(item, ParseWarning):
            out.warnings.append(item.text)
        elif isinstance(item, ParseSkip):
            out.skips.append(item)
    return out


def parse_path(path: Path) -> Parsed:
    return parse_source(source_of(path))


def parse_text(tmp_path: Path, text: str, *, encoding: str = "cp932",
               name: str = "in.txt") -> Parsed:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return parse_path(path)


HEAD = "JAHISTC08,1\n1,山田 花子,2,19800101\n"
BLOCK = "5,20240401,1\n11,架空薬局,13,4,1234567,,,,1\n"


def drug(**kwargs: Any) -> Drug:
    return Drug(**kwargs)


# -- detection ------------------------------------------------------------------------------------


def test_registered_and_detected_by_content(tmp_path: Path) -> None:
    registry = default_registry()
    assert registry.by_slug("jahis-tc") is not None
    for path in sorted(FIX.glob("*.txt")) + sorted(SAMPLES.glob("*.txt")):
        renamed = tmp_path / "no_extension"
        renamed.write_bytes(path.read_bytes())
        detected = registry.detect(source_of(renamed))
        assert detected is not None and detected.slug == "jahis-tc", path.name
    other = tmp_path / "other.txt"
    other.write_text("JAHIS,1\n1,a\n", encoding="utf-8")
    assert IMPORTER.sniff(source_of(other)) == 0.0


# -- the patient (1) -----------------------------------------------------------------------------


def test_patient_record_is_a_person(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, "JAHISTC08,1\n1,髙橋 花子,2,S450615,100-0001,東京都,03-0,"
                                  "090-0,Ａ＋,52.5,ﾀｶﾊｼ ﾊﾅｺ\n2,1,卵,1\n")
    assert parsed.persons == [PersonInfo(ref="jahis-patient:0", name="髙橋 花子",
                                         name_kana="タカハシ ハナコ", sex=Sex.FEMALE,
                                         birth_date=D(1970, 6, 15))]
    [allergy] = parsed.records
    assert allergy.person == "jahis-patient:0"
    assert allergy.record.extra["jahis"]["file"]["patient"] == {
        "name": "髙橋 花子", "sex": "2", "birth_date": "S450615", "postal_code": "100-0001",
        "address": "東京都", "phone": "03-0", "emergency_contact": "090-0",
        "blood_type": "Ａ＋", "weight": "52.5", "name_kana": "ﾀｶﾊｼ ﾊﾅｺ"}


def test_patient_with_unknown_sex_and_no_patient_record(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, "JAHISTC08,1\n1,某,3,19800101\n2,1,卵,1\n")
    assert parsed.persons[0].sex is None
    assert any("性別" in w for w in parsed.warnings)
    no_patient = parse_text(tmp_path, "JAHISTC08,1\n2,1,卵,1\n", name="b.txt")
    assert no_patient.persons == [] and no_patient.records[0].person is None


def test_two_different_patient_records_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match="line 3 .*second, different 患者情報"):
        parse_text(tmp_path, "JAHISTC08,1\n1,甲,1,19800101\n1,乙,2,19800101\n")


# -- patient notes (2) -> allergies -----------------------------------------------------------------


def test_patient_notes_map_to_allergy_kinds(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + "2,1,卵,1\n2,2,ペニシリン,1\n2,3,高血圧,1\n"
                                         "2,9,嚥下困難,2\n2,7,謎,1\n2,1,,1\n")
    assert [(a.kind, a.text, a.recorded_on) for a in parsed.allergies] == [
        (AllergyKind.ALLERGY, "卵", None), (AllergyKind.ADVERSE_REACTION, "ペニシリン", None),
        (AllergyKind.HISTORY, "高血圧", None), (AllergyKind.OTHER, "嚥下困難", None),
        (AllergyKind.OTHER, "謎", None)]
    assert parsed.allergies[3].extra["jahis"]["record"] == {"kind": "9", "text": "嚥下困難",
                                                            "author": "2"}
    assert parsed.allergies[0].provenance is Provenance.IMPORT
    assert parsed.allergies[0].source == Source(app="jahis-tc")
    assert any("unknown 種別" in w for w in parsed.warnings)
    assert [s.reason for s in parsed.skips] == ["empty-note"]


# -- OTC (3 + 31) ------------------------------------------------------------------------------------


def test_otc_with_ingredients(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + "3,ﾛｷｿﾆﾝS,R060301,R060305,2,1,4987188100011\n"
                                         "31,1,ロキソプロフェン,2,1149019,2\n"
                                         "3,ｶﾞｽﾀｰ10,20240310,,2\n")
    first, second = parsed.otc
    assert (first.origin, first.dispensed_on, first.pharmacy, first.drugs) == (
        MedicationOrigin.OTC, D(2024, 3, 1), None,
        (drug(name="ﾛｷｿﾆﾝS", start=D(2024, 3, 1), end=D(2024, 3, 5)),))
    assert first.extra["jahis"]["otc"] == {"name": "ﾛｷｿﾆﾝS", "start": "R060301",
                                           "end": "R060305", "author": "2", "seq": "1",
                                           "jan": "4987188100011"}
    assert first.extra["jahis"]["ingredients"] == [
        {"otc_seq": "1", "name": "ロキソプロフェン", "code_type": "2", "code": "1149019",
         "author": "2"}]
    assert first.extra["jahis"]["name_key"] == "ロキソニンS"
    assert (second.dispensed_on, second.drugs[0].end) == (D(2024, 3, 10), None)


def test_otc_without_dates_is_skipped_with_a_reason(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + "3,胃薬,,,2\n")
    assert parsed.otc == [] and [s.reason for s in parsed.skips] == ["otc-without-date"]


def test_ingredient_without_its_otc_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match=r"line 3 \(record 31\): OTC成分"):
        parse_text(tmp_path, HEAD + "31,1,イブプロフェン,2,1149001,2\n")


# -- dispensing blocks ------------------------------------------------------------------------------


def test_block_with_pharmacy_pharmacist_prescriber_doctor(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + "5,R060401,1\n"
                        "11,架空薬局,13,4,1234567,100-0002,本町,03-1,1\n15,薬局 一郎,03-1,1\n"
                        "51,架空病院,13,1,7654321,1\n55,医師 太郎,内科,1\n"
                        "201,1,アムロジピン錠５ｍｇ,1,錠,4,2171022F1999,1,【般】アムロジピン,2,"
                        "2171022F1ZZZ\n281,1,朝１錠,1\n291,1,GFJを避ける,1\n"
                        "301,1,【分１ 朝食後】,28,日分,1,1,,1\n311,1,一包化,1\n391,1,ふらつき,1\n")
    [med] = parsed.dispensings
    assert (med.dispensed_on, med.pharmacy, med.prescriber_institution, med.doctor) == (
        D(2024, 4, 1), "架空薬局", "架空病院", "医師 太郎")
    assert med.drugs == (drug(name="アムロジピン錠５ｍｇ", code="2171022F1999",
                              code_system=DrugCodeSystem.YJ, dose=1.0, unit="錠",
                              usage="【分１ 朝食後】", quantity=28.0, quantity_unit="日分",
                              form="内服", start=D(2024, 4, 1), end=D(2024, 4, 28)),)
    jahis = med.extra["jahis"]
    assert jahis["block"]["pharmacy"]["institution_no"] == "1341234567"
    assert jahis["block"]["pharmacists"] == [{"name": "薬局 一郎", "contact": "03-1",
                                              "author": "1"}]
    assert jahis["prescriber"] == {"name": "架空病院", "prefecture": "13", "score_table": "1",
                                   "code": "7654321", "author": "1",
                                   "institution_no": "1317654321"}
    assert jahis["doctor"] == {"name": "医師 太郎", "department": "内科", "author": "1"}
    [line] = jahis["drugs"]
    assert line["rp"] == "1"
    assert line["record"]["generic_name"] == "【般】アムロジピン"
    assert line["record"]["generic_code"] == "2171022F1ZZZ"
    assert line["supplements"] == [{"rp": "1", "text": "朝１錠", "author": "1"}]
    assert line["cautions"] == [{"rp": "1", "text": "GFJを避ける", "author": "1"}]
    assert line["usage"]["supplements"] == [{"rp": "1", "text": "一包化", "author": "1"}]
    assert line["usage"]["cautions"] == [{"rp": "1", "text": "ふらつき", "author": "1"}]
    assert line["usage"]["form_code"] == "1" and line["usage"]["usage_code_type"] == "1"


@pytest.mark.parametrize(("code_type", "code", "system"), [
    ("2", "620004992", DrugCodeSystem.RECEIPT), ("3", "2171022F1", DrugCodeSystem.MHLW),
    ("4", "2171022F1999", DrugCodeSystem.YJ), ("6", "123456789", DrugCodeSystem.HOT),
    ("6", "1234567890123", DrugCodeSystem.HOT), ("1", "", None), ("1", "710010093", None),
])
def test_drug_code_systems(tmp_path: Path, code_type: str, code: str,
                           system: DrugCodeSystem | None) -> None:
    parsed = parse_text(tmp_path, HEAD + BLOCK + f"201,1,薬,1,錠,{code_type},{code},1\n"
                                                 "301,1,用法,1,調剤,10,1,,1\n")
    [med] = parsed.dispensings
    assert (med.drugs[0].code, med.drugs[0].code_system) == (code or None, system)


def test_code_type_without_code_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match=r"line 5 \(record 201\): 薬品コード種別 2 needs"):
        parse_text(tmp_path, HEAD + BLOCK + "201,1,薬,1,錠,2,,1\n")


@pytest.mark.parametrize(("form_code", "form", "quantity", "unit", "end"), [
    ("1", "内服", "5", "日分", D(2024, 4, 5)),
    ("1", "内服", "1", "日分", D(2024, 4, 1)),
    ("2", "内滴", "3", "日分", D(2024, 4, 3)),
    ("6", "浸煎", "2", "日分", D(2024, 4, 2)),
    ("7", "湯", "2", "日分", D(2024, 4, 2)),
    ("3", "頓服", "10", "回分", None),
    ("4", "注射", "1", "調剤", None),
    ("5", "外用", "1", "調剤", None),
    ("9", "材料", "1", "調剤", None),
    ("10", "その他", "1", "調剤", None),
    ("", None, "", "", None),
    ("1", "内服", "2.5", "日分", None),  # fractional days: no end
])
def test_forms_and_supply_end(tmp_path: Path, form_code: str, form: str | None, quantity: str,
                              unit: str, end: dt.date | None) -> None:
    parsed = parse_text(tmp_path, HEAD + BLOCK + "201,1,薬,1,錠,1,,1\n"
                        f"301,1,用法,{quantity},{unit},{form_code},1,,1\n")
    [med] = parsed.dispensings
    got = med.drugs[0]
    assert (got.form, got.start, got.end) == (form, D(2024, 4, 1), end)
    assert got.quantity_unit == (unit or None)


def test_supply_end_rule() -> None:
    start = D(2024, 1, 31)
    assert supply_end(start, 1, "日分", "1") == start
    assert supply_end(start, 30, "日分", "1") == D(2024, 2, 29)
    assert supply_end(start, 30, "日分", "") == D(2024, 2, 29)
    assert supply_end(start, 0, "日分", "1") is None
    assert supply_end(start, 10, "回分", "3") is None
    assert supply_end(start, 14, "日分", "5") is None


def test_several_drugs_per_rp_and_rp_pairing_out_of_order(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + BLOCK + "201,1,甲,4,Ｃ,1,,1\n201,1,乙,4,錠,1,,1\n"
                        "201,2,丙,1.5,g,1,,1\n301,2,【分３】,7,日分,1,1,,1\n"
                        "301,1,【分２】,5,日分,1,1,,1\n")
    [med] = parsed.dispensings
    assert [(d.name, d.dose, d.unit, d.usage, d.quantity) for d in med.drugs] == [
        ("甲", 4.0, "Ｃ", "【分２】", 5.0), ("乙", 4.0, "錠", "【分２】", 5.0),
        ("丙", 1.5, "g", "【分３】", 7.0)]


def test_drug_without_usage_and_usage_without_drug_are_kept(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + BLOCK + "201,1,甲,1,錠,1,,1\n"
                        "301,2,【孤立】,7,日分,1,1,,1\n311,2,補足,1\n")
    [med] = parsed.dispensings
    assert med.drugs[0].usage is None
    [orphan] = med.extra["jahis"]["block"]["orphans"]
    assert orphan["usage"] == "【孤立】"
    assert orphan["supplements"] == [{"rp": "2", "text": "補足", "author": "1"}]
    assert any("no 用法 (301) for RP 1" in w for w in parsed.warnings)
    assert any("no 薬品 (201) for RP 2" in w for w in parsed.warnings)


def test_prescription_groups_split_a_block(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + BLOCK + "51,甲病院,13,1,1111111,1\n55,甲医師,内科,1\n"
                        "201,1,薬Ａ,1,錠,1,,1\n301,1,用法,7,日分,1,1,,1\n"
                        "55,乙医師,皮膚科,1\n201,2,薬Ｂ,1,g,1,,1\n301,2,塗布,1,調剤,5,1,,1\n"
                        "51,丙医院,13,1,2222222,1\n201,1,薬Ｃ,1,錠,1,,1\n"
                        "301,1,用法,3,日分,1,1,,1\n501,備考,1\n")
    meds = parsed.dispensings
    assert [(m.prescriber_institution, m.doctor, [d.name for d in m.drugs]) for m in meds] == [
        ("甲病院", "甲医師", ["薬Ａ"]), ("甲病院", "乙医師", ["薬Ｂ"]), ("丙医院", None, ["薬Ｃ"])]
    # RP numbers restart in the third group and still pair with their own 301.
    assert meds[2].drugs[0].quantity == 3.0 and meds[0].drugs[0].quantity == 7.0
    assert [m.extra["jahis"]["block"]["group"] for m in meds] == [1, 2, 3]
    assert {m.extra["jahis"]["block"]["groups"] for m in meds} == {3}
    assert all(m.note == "備考" for m in meds)


def test_block_notes_and_unknown_records(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + "88,ファイル拡張,1\n" + BLOCK +
                        "201,1,薬,1,錠,1,,1\n301,1,用法,1,日分,1,1,,1\n999,将来,1,2\n"
                        "401,注意,1\n411,入院中に発疹,30,1\n421,残薬１０錠,1\n501,備考,1\n"
                        "601,飲み忘れ,R060405\n")
    [med] = parsed.dispensings
    block = med.extra["jahis"]["block"]
    assert block["notes"] == [
        {"record": "401", "text": "注意", "author": "1"},
        {"record": "411", "text": "入院中に発疹", "kind": "30", "author": "1"},
        {"record": "421", "text": "残薬１０錠", "author": "1"},
        {"record": "501", "text": "備考", "author": "1"},
        {"record": "601", "text": "飲み忘れ", "date": "R060405"}]
    assert med.note == "注意\n入院中に発疹\n残薬１０錠\n備考\n飲み忘れ"
    assert block["unknown"] == [{"record": "999", "fields": ["将来", "1", "2"]}]
    assert med.extra["jahis"]["file"]["unknown"] == [{"record": "88",
                                                       "fields": ["ファイル拡張", "1"]}]
    assert sum("unknown record number" in w for w in parsed.warnings) == 2


def test_block_without_drugs_is_skipped_not_lost(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + BLOCK + "411,粉砕して投与,31,1\n")
    assert parsed.dispensings == []
    assert [s.reason for s in parsed.skips] == ["block-without-drugs"]
    assert len(parsed.documents) == 1  # the original keeps it


def test_block_record_before_any_block_is_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match=r"line 3 \(record 201\): a block record before"):
        parse_text(tmp_path, HEAD + "201,1,薬,1,錠,1,,1\n")


def test_memo_and_pharmacist_are_file_extra(tmp_path: Path) -> None:
    parsed = parse_text(tmp_path, HEAD + "4,体調メモ,令和6年3月2日,2\n" + BLOCK +
                        "201,1,薬,1,錠,1,,1\n301,1,用法,1,日分,1,1,,1\n"
                        "701,薬局 一郎,架空薬局,03-1,R060101,,1\n")
    file_extra = parsed.dispensings[0].extra["jahis"]["file"]
    assert file_extra["memos"] == [{"text": "体調メモ", "date": "令和6年3月2日", "author": "2"}]
    assert file_extra["pharmacists"] == [{"name": "薬局 一郎", "pharmacy": "架空薬局",
                                          "contact": "03-1", "start": "R060101", "end": "",
                                          "author": "1"}]
    assert (file_extra["version"], file_extra["output_category"]) == ("JAHISTC08", "1")


@pytest.mark.parametrize(("line", "label"), [
    ("5,H310501,1", "調剤等年月日"), ("5,,1", "調剤等年月日"),
    ("601,x,20240230", "入力日"),
])
def test_invalid_dates_refuse_the_file_with_the_line(tmp_path: Path, line: str,
                                                     label: str) -> None:
    text = HEAD + (BLOCK if not line.startswith("5,") else "") + line + "\n"
    with pytest.raises(MalformedInput, match=rf"line \d+ \(record \d+\): .*{label}"):
        parse_text(tmp_path, text)


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("\n\n", "empty"), ("1,a,1,19800101\n", "not a JAHIS TC header"),
    ("JAHISTC08,1\nabc,1\n", "line 2: the line does not start with a record number"),
    ("JAHISTC08,1\n" + "5" + ",1" * 70 + "\n", "more than 64 fields"),
])
def test_garbage_is_malformed(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(MalformedInput, match=message):
        parse_text(tmp_path, text)


# -- the fixtures written from the spec ---------------------------------------------------------------


def _summary(parsed: Parsed) -> list[Any]:
    return [(type(r.record).__name__, r.person, getattr(r.record, "kind", None),
             getattr(r.record, "text", None), getattr(r.record, "origin", None),
             getattr(r.record, "dispensed_on", None), getattr(r.record, "pharmacy", None),
             getattr(r.record, "prescriber_institution", None),
             getattr(r.record, "doctor", None), getattr(r.record, "drugs", None),
             getattr(r.record, "note", None)) for r in parsed.records]


def test_full_fixture_in_every_encoding_gives_identical_records() -> None:
    reference = parse_path(FIX / "full_cp932_crlf.txt")
    for name in ("full_utf8_lf.txt", "full_utf8_bom_crlf.txt"):
        other = parse_path(FIX / name)
        assert _summary(other) == _summary(reference), name
        assert other.persons == reference.persons
    assert [d.content for d in reference.documents] == [
        (FIX / "full_cp932_crlf.txt").read_bytes()]
    assert reference.dispensings[0].extra["jahis"]["file"]["encodings"] == ["cp932"]


def test_full_fixture_utf16_is_refused() -> None:
    assert IMPORTER.sniff(source_of(FIX / "full_utf16le_bom.txt")) >= 0.5
    with pytest.raises(EncodingRefused, match="UTF-16"):
        parse_path(FIX / "full_utf16le_bom.txt")


def test_full_fixture_content() -> None:
    parsed = parse_path(FIX / "full_cp932_crlf.txt")
    assert parsed.persons == [PersonInfo(ref="jahis-patient:0", name="髙橋 花子",
                                         name_kana="タカハシ ハナコ", sex=Sex.FEMALE,
                                         birth_date=D(1970, 6, 15))]
    assert [(a.kind.value, a.text) for a in parsed.allergies] == [
        ("allergy", "卵アレルギー①"), ("adverse-reaction", "ペニシリン系で発疹"),
        ("history", "高血圧症（２０１５年～）"), ("other", "嚥下困難")]
    assert [(m.dispensed_on, m.drugs[0].name, m.drugs[0].end) for m in parsed.otc] == [
        (D(2024, 3, 1), "ﾛｷｿﾆﾝS", D(2024, 3, 5)), (D(2024, 3, 10), "ｶﾞｽﾀｰ10", None)]
    # Blocks come out sorted by date (the file has them newest first).
    assert [(m.dispensed_on, m.pharmacy, m.doctor) for m in parsed.dispensings] == [
        (D(2018, 1, 5), "架空病院 院内薬局", None),
        (D(2024, 3, 10), "架空調剤薬局 本町店", "医院 次郎"),
        (D(2024, 4, 1), "架空調剤薬局 本町店", "医師 太郎"),
        (D(2024, 4, 1), "架空調剤薬局 本町店", "皮膚 花子")]
    assert [[(d.name, d.code, d.code_system, d.usage, d.form) for d in m.drugs]
            for m in parsed.dispensings] == [
        [("ﾑｺｿﾙﾊﾞﾝ錠15mg", "620002477", DrugCodeSystem.RECEIPT, "【分３ 毎食後】", "内服")],
        [("アムロジピンＯＤ錠５ｍｇ「別」", "2171022F2999", DrugCodeSystem.YJ, "【分１ 朝食後】",
          "内服")],
        [("アムロジピン錠５ｍｇ「架空」", "2171022F1999", DrugCodeSystem.YJ, "【分１ 朝食後】",
          "内服"),
         ("ﾛｷｿﾌﾟﾛﾌｪﾝNa錠60mg「架空」", "123456789", DrugCodeSystem.HOT, "【疼痛時】", "頓服")],
        [("ヘパリン類似物質クリーム０．３％", "3339950N1", DrugCodeSystem.MHLW,
          "【１日２回 患部に塗布】", "外用"), ("容器", None, None, None, "その他")]]
    names = parsed.dispensings[2].extra["jahis"]["drugs"]
    assert names[1]["name_key"] == "ロキソプロフェンNa錠60mg「架空」"  # NFKC search key
    file_extra = parsed.dispensings[0].extra["jahis"]["file"]
    assert file_extra["memos"][0]["date"] == "令和6年3月2日"
    assert file_extra["unknown"] == [{"record": "88", "fields": ["未定義のファイル情報", "1"]}]
    assert parsed.dispensings[2].extra["jahis"]["block"]["unknown"] == [
        {"record": "999", "fields": ["将来の拡張レコード", "1"]}]
    assert all(r.person == "jahis-patient:0" for r in parsed.records)
    assert all(r.record.extra["document_ids"] == [parsed.documents[0].id]
               for r in parsed.records)


def test_category2_fixture_edge_cases() -> None:
    parsed = parse_path(FIX / "category2_cp932_crlf.txt")
    assert parsed.persons[0].birth_date == D(1965, 1, 2)
    [otc] = parsed.otc
    assert otc.extra["jahis"]["otc"]["author"] == "2"  # "2 " trimmed
    [med] = parsed.dispensings
    assert [(d.name, d.code, d.code_system, d.usage, d.quantity, d.quantity_unit, d.form)
            for d in med.drugs] == [
        ("ｺﾘｵﾊﾟﾝｶﾌﾟｾﾙ5mg", "620004992", DrugCodeSystem.RECEIPT, "【分３ 毎食後服用】", None,
         None, None),
        ("ﾌｪﾛﾍﾞﾘﾝ配合錠", "620425801", DrugCodeSystem.RECEIPT, "【分３ 毎食後服用】", None,
         None, None),
        ("ﾉﾎﾞﾗﾋﾟｯﾄﾞ注 ﾍﾟﾝﾌｨﾙ 300単位", "620008894", DrugCodeSystem.RECEIPT, "【１日２回】",
         1.0, "調剤", "注射"),
        ("ﾍﾟﾝﾆｰﾄﾞﾙ30G/8mm", "710010093", None, None, 1.0, "調剤", "材料")]
    assert parsed.warnings == []  # 出力区分 2 may leave these fields empty


# -- split data (911) ----------------------------------------------------------------------------------


def _joined(*names: str) -> ImportSource:
    return JoinedSource.of([source_of(FIX / n) for n in names])


@pytest.mark.parametrize("order", [(1, 2, 3), (3, 1, 2), (2, 3, 1), (3, 2, 1)])
def test_split_parts_in_any_order(order: tuple[int, ...]) -> None:
    names = [f"split_{n}_of_3.txt" for n in order]
    sources = [source_of(FIX / n) for n in names]
    [(members, joined)] = IMPORTER.group_sources(sources)
    assert members == (0, 1, 2)
    parsed = parse_source(joined)
    assert len(parsed.persons) == 1
    assert [(a.kind.value, a.text) for a in parsed.allergies] == [("allergy", "卵アレルギー①")]
    assert [(m.dispensed_on, m.prescriber_institution,
             [(d.name, d.code, d.usage, d.quantity, d.end) for d in m.drugs])
            for m in parsed.dispensings] == [
        (D(2024, 3, 10), "架空クリニック",
         [("アムロジピンＯＤ錠５ｍｇ「別」", "2171022F2999", "【分１ 朝食後】", 14.0,
           D(2024, 3, 23))]),
        (D(2024, 4, 1), "架空総合病院",
         [("アムロジピン錠５ｍｇ「架空」", "2171022F1999", "【分１ 朝食後】", 28.0,
           D(2024, 4, 28))])]
    later = parsed.dispensings[1].extra["jahis"]
    assert later["block"]["notes"] == [{"record": "401", "text": "飲み合わせに注意",
                                        "author": "1"}]
    assert later["file"]["split"] == {"data_id": "20240401120000", "count": 3}
    assert later["file"]["pharmacists"][0]["name"] == "薬局 一郎"
    # one stored original per part, each byte for byte
    assert sorted(d.name for d in parsed.documents) == sorted(names)
    assert all(d.content == (FIX / d.name).read_bytes() for d in parsed.documents)


@pytest.mark.parametrize(("given", "message"), [
    ((1, 3), "part 2 of 3 is missing"),
    ((2,), "parts 1 and 3 of 3 are missing"),
    ((3,), "parts 1 and 2 of 3 are missing"),
])
def test_split_with_a_missing_part_is_refused(given: tuple[int, ...], message: str) -> None:
    sources = [source_of(FIX / f"split_{n}_of_3.txt") for n in given]
    [(_, joined)] = IMPORTER.group_sources(sources)
    with pytest.raises(MalformedInput, match=message) as info:
        parse_source(joined)
    assert "nothing was imported" in info.value.message


def test_split_parts_disagreeing_or_out_of_range(tmp_path: Path) -> None:
    base = "JAHISTC08,1\n1,甲,1,19800101\n"
    (tmp_path / "a.txt").write_text(base + "911,1,2,1\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(base + "911,1,3,2\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(base + "911,1,2,3\n", encoding="utf-8")
    joined = JoinedSource.of([source_of(tmp_path / "a.txt"), source_of(tmp_path / "b.txt")])
    with pytest.raises(MalformedInput, match="disagree on 分割数"):
        parse_source(joined)
    with pytest.raises(MalformedInput, match="分割番号 is outside"):
        parse_path(tmp_path / "c.txt")


def test_the_same_part_twice_is_harmless_but_conflicting_copies_are_refused(
        tmp_path: Path) -> None:
    names = ["split_1_of_3.txt", "split_2_of_3.txt", "split_2_of_3.txt", "split_3_of_3.txt"]
    parsed = parse_source(JoinedSource.of([source_of(FIX / n) for n in names]))
    assert len(parsed.dispensings) == 2
    changed = tmp_path / "split_2_changed.txt"
    changed.write_bytes((FIX / "split_2_of_3.txt").read_bytes().replace(b"401,", b"501,"))
    with pytest.raises(MalformedInput, match="part 2 of 3 was given twice"):
        parse_source(JoinedSource.of([source_of(FIX / "split_1_of_3.txt"),
                                      source_of(FIX / "split_2_of_3.txt"), source_of(changed),
                                      source_of(FIX / "split_3_of_3.txt")]))


def test_grouping_keeps_unsplit_files_alone() -> None:
    sources = [source_of(FIX / "full_utf8_lf.txt"), source_of(FIX / "split_2_of_3.txt"),
               source_of(FIX / "category2_cp932_crlf.txt"), source_of(FIX / "split_1_of_3.txt")]
    groups = IMPORTER.group_sources(sources)
    assert [members for members, _ in groups] == [(0,), (1, 3), (2,)]
    joined = groups[1][1]
    assert isinstance(joined, JoinedSource)
    assert joined.name == "split_2_of_3.txt + split_1_of_3.txt"
    assert joined.size == sources[1].size + sources[3].size
    with joined.open() as handle:
        assert handle.read() == (FIX / "split_2_of_3.txt").read_bytes() + \
            (FIX / "split_1_of_3.txt").read_bytes()
    assert groups[0][1] is sources[0]


# -- the MIT samples: per-file expectations ----------------------------------------------------------


SAMPLE_BLOCKS: dict[str, list[tuple[dt.date, str | None, list[tuple[str, str, str, float]]]]] = {
    # file -> [(date, pharmacy, [(drug, code, usage, days)])], oldest first
    "tc-minimal-valid.txt": [
        (D(2026, 3, 10), "株式会社 工業会薬局 駅前店",
         [("ノルバスク錠２．５ｍｇ", "612170709", "毎食後服用", 3.0)])],
    "tc-multi-dispensing.txt": [
        (D(2026, 2, 20), "株式会社 工業会薬局 南店",
         [("ロキソニン錠６０ｍｇ", "610406001", "朝夕食後服用", 14.0)]),
        (D(2026, 3, 12), "株式会社 工業会薬局 本店",
         [("ノルバスク錠２．５ｍｇ", "612170709", "毎食後服用", 3.0)])],
    "tc-output-category-2-full.txt": [
        (D(2020, 4, 10), "株式会社 工業会薬局 駅前店",
         [("アダラートCR錠20mg", "610421321", "【分１ 朝食後服用】", 28.0)])],
    "tc-with-otc-components-and-remaining-medicine.txt": [
        (D(2026, 3, 10), "株式会社 工業会薬局 駅前店",
         [("ノルバスク錠２．５ｍｇ", "612170709", "毎食後服用", 3.0)])],
}


@pytest.mark.parametrize("name", sorted(SAMPLE_BLOCKS))
def test_sample_blocks_dates_pharmacies_and_paired_drugs(name: str) -> None:
    parsed = parse_path(SAMPLES / name)
    got = [(m.dispensed_on, m.pharmacy,
            [(d.name, d.code, d.usage, d.quantity) for d in m.drugs])
           for m in parsed.dispensings]
    assert got == SAMPLE_BLOCKS[name]
    assert all(d.code_system is DrugCodeSystem.RECEIPT for m in parsed.dispensings
               for d in m.drugs)


def test_sample_minimal_every_supplement_in_place() -> None:
    parsed = parse_path(SAMPLES / "tc-minimal-valid.txt")
    assert parsed.persons == [PersonInfo(ref="jahis-patient:0", name="山田 太郎",
                                         name_kana="ヤマダ タロウ", sex=Sex.MALE,
                                         birth_date=D(1980, 1, 1))]
    [med] = parsed.dispensings
    assert (med.prescriber_institution, med.doctor) == ("医療法人 工業会病院", "工業会 太郎")
    assert med.drugs[0].end == D(2026, 3, 12)
    [line] = med.extra["jahis"]["drugs"]
    assert [s["text"] for s in line["supplements"]] == ["朝1錠、夕2錠"]
    assert [s["text"] for s in line["cautions"]] == [
        "グレープフルーツジュースと一緒に飲まないでください。"]
    assert [s["text"] for s in line["usage"]["supplements"]] == ["透析日に服用"]
    assert [s["text"] for s in line["usage"]["cautions"]] == ["車の運転は控えてください。"]
    assert [n["record"] for n in med.extra["jahis"]["block"]["notes"]] == [
        "401", "411", "501", "601"]
    assert med.extra["jahis"]["file"]["pharmacists"][0]["name"] == "工業会 次郎"


def test_sample_multi_dispensing_generic_names() -> None:
    parsed = parse_path(SAMPLES / "tc-multi-dispensing.txt")
    older, newer = parsed.dispensings
    assert (older.prescriber_institution, older.doctor) == ("医療法人 中央病院", "中央 一郎")
    assert older.extra["jahis"]["drugs"][0]["record"]["generic_code"] == "1149019F1ZZZ"
    assert newer.extra["jahis"]["block"]["notes"] == [
        {"record": "501", "text": "初回調剤ブロックの備考", "author": "1"}]
    assert older.note == "疼痛時の服用状況を確認\n２回目調剤ブロックの備考"


def test_sample_category_2_wareki_notes_otc() -> None:
    parsed = parse_path(SAMPLES / "tc-output-category-2-full.txt")
    assert parsed.persons[0].birth_date == D(1958, 3, 3)
    assert [(a.kind.value, a.text) for a in parsed.allergies] == [
        ("allergy", "乳製品"), ("adverse-reaction", "セフェム系（発熱）")]
    [otc] = parsed.otc
    assert (otc.dispensed_on, otc.drugs[0].name, otc.drugs[0].end) == (
        D(2020, 4, 6), "バファリン", D(2020, 4, 9))
    assert otc.extra["jahis"]["ingredients"][0]["name"] == "イブプロフェン"
    assert otc.extra["jahis"]["file"]["version"] == "JAHISTC12"
    assert otc.extra["jahis"]["file"]["patient"]["blood_type"] == "Ｂ＋"


def test_sample_otc_components_and_remaining_medicine() -> None:
    parsed = parse_path(SAMPLES / "tc-with-otc-components-and-remaining-medicine.txt")
    [otc] = parsed.otc
    assert [i["name"] for i in otc.extra["jahis"]["ingredients"]] == [
        "イブプロフェン", "アセトアミノフェン"]
    [med] = parsed.dispensings
    assert med.extra["jahis"]["block"]["notes"][0]["record"] == "421"


@pytest.mark.parametrize(("name", "message"), [
    ("tc-invalid-missing-drug-code.txt", r"line 4 \(record 201\): 薬品コード種別 2 needs"),
    ("tc-invalid-missing-otc-sequence-parent.txt", r"line 3 \(record 31\)"),
    ("tc-supported-records-full.txt", "part 2 of 2 is missing"),
    ("tc-split-output-part-2.txt", "parts 1 and 3 of 3 are missing"),
])
def test_sample_invalid_files_are_refused(name: str, message: str) -> None:
    with pytest.raises(MalformedInput, match=message):
        parse_path(SAMPLES / name)


def test_sample_split_parts_disagree_on_the_count() -> None:
    sources = [source_of(SAMPLES / "tc-supported-records-full.txt"),
               source_of(SAMPLES / "tc-split-output-part-2.txt")]
    [(members, joined)] = IMPORTER.group_sources(sources)
    assert members == (0, 1)
    with pytest.raises(MalformedInput, match="disagree on 分割数"):
        parse_source(joined)


def test_sample_supported_records_full_when_its_part_2_exists(tmp_path: Path) -> None:
    """Part 1 of 2 is complete once a (synthetic) part 2 with the same データID is given."""
    part2 = tmp_path / "part2.txt"
    part2.write_text("JAHISTC08,1\n1,山田 太郎,1,19800101,105-0004,東京都港区新橋1-2-3,"
                     "03-1234-5678,090-9999-8888,A+,52.3,ヤマダ タロウ\n"
                     "911,12345678901234,2,2\n", encoding="utf-8")
    parsed = parse_source(JoinedSource.of([source_of(part2),
                                           source_of(SAMPLES / "tc-supported-records-full.txt")]))
    assert [(a.kind.value, a.text) for a in parsed.allergies] == [("allergy", "アレルギー歴あり")]
    [otc] = parsed.otc
    assert otc.extra["jahis"]["otc"]["jan"] == "4987107609229"
    [med] = parsed.dispensings
    assert (med.dispensed_on, med.pharmacy, med.drugs[0].name, med.drugs[0].usage) == (
        D(2026, 3, 10), "株式会社 工業会薬局 駅前店", "ノルバスク錠２．５ｍｇ", "毎食後服用")
    assert [n["record"] for n in med.extra["jahis"]["block"]["notes"]] == [
        "401", "411", "421", "501", "601"]
    assert med.extra["jahis"]["file"]["pharmacists"][0]["end"] == "20270310"
    assert med.extra["jahis"]["file"]["memos"][0]["text"] == "食後に体調を記録してください"


# -- pasted chunks (the library API the GUI's paste box uses) -------------------------------------------


def test_pasted_chunks_are_joined_as_bytes_before_decoding() -> None:
    from phrapp.io.importers.jahis_records import (
        assemble_chunks,
        join_parts,
        parse_files,
        read_part,
        structure,
    )

    data = (FIX / "full_cp932_crlf.txt").read_bytes()
    cuts = [len(data) // 4, len(data) // 2 + 1, 3 * len(data) // 4]
    pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    with pytest.raises((MalformedInput, EncodingRefused)):  # a piece alone is not a file
        parse_files([(None, pieces[1])])
    whole = structure(join_parts([read_part(data)])[0])
    for chunks in (pieces, pieces[2:] + pieces[:2]):  # in order, or rotated
        [(name, joined)] = assemble_chunks([(f"p{i}", c) for i, c in enumerate(chunks)])
        assert joined == data
        [parsed] = parse_files([(None, joined)])
        assert [b.date for b in parsed.blocks] == [b.date for b in whole.blocks]
    split_parts = [(FIX / f"split_{n}_of_3.txt").read_bytes() for n in (2, 3, 1)]
    files = parse_files(assemble_chunks([(str(i), p) for i, p in enumerate(split_parts)]))
    assert len(files) == 1 and files[0].split == {"data_id": "20240401120000", "count": 3}
    with pytest.raises(MalformedInput, match="no part starts with a JAHIS TC header"):
        assemble_chunks([("x", pieces[1])])


def test_trailing_spaces_are_trimmed_and_codes_tidied(tmp_path: Path) -> None:
    """Spec §6: trim half-width spaces after fields; a leading space inside a code too."""
    parsed = parse_text(tmp_path, HEAD + BLOCK.replace("\n", "  \n", 1)
                        + "201,1,ノルバスク錠５ｍｇ   ,1 ,錠 ,4, 612170709  ,1\n"
                        + "301,1,1日1回朝食後   ,14 ,日分 ,1,1,,1\n")
    [med] = parsed.dispensings
    [drug] = med.drugs
    assert drug.name == "ノルバスク錠５ｍｇ" and drug.code == "612170709"
    assert (drug.dose, drug.quantity, drug.usage) == (1.0, 14.0, "1日1回朝食後")
    assert (drug.unit, drug.quantity_unit) == ("錠", "日分")
