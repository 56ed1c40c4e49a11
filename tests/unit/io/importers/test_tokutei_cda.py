"""The 特定健診 CDA importer (specs/checkup-cda.md §1–§8) on the synthetic fixtures.

Every edge case of spec §4 has its own fixture (tests/fixtures/cda/edge_*.xml) and its
own test asserting the exact CheckupItem fields and ``detail``.
"""

from __future__ import annotations

import datetime as dt
import socket
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import Checkup, CheckupItem, ItemStatus, Provenance, Sex, Source
from phrapp.errors import HostileInput, MalformedInput, UnsupportedFormat
from phrapp.io.importers import cda_codes
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseSkip,
    ParseWarning,
    default_registry,
)
from phrapp.io.importers.tokutei_cda import TokuteiCdaImporter, root_element, sniff_cda

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "cda"
SECTION = {"code": "01010", "code_system": "1.2.392.200119.6.1010"}
ITEM_CS = "1.2.392.200119.6.1005"
METHOD_CS = "1.2.392.200119.6.1007"
OID = "1.2.392.200119.6."
IMPORTER = TokuteiCdaImporter()


@dataclass
class Parsed:
    persons: list[PersonInfo] = field(default_factory=list)
    records: list[Checkup] = field(default_factory=list)
    refs: list[str | None] = field(default_factory=list)
    documents: list[ParsedDocument] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skips: list[ParseSkip] = field(default_factory=list)

    @property
    def checkup(self) -> Checkup:
        assert len(self.records) == 1
        return self.records[0]

    def item(self, code: str) -> CheckupItem:
        found = [i for i in self.checkup.items if i.code == code]
        assert len(found) == 1, code
        return found[0]


def source(path: Path) -> ImportSource:
    return ImportSource.from_path(path)


def parse(path: Path, ctx: ParseContext | None = None) -> Parsed:
    out = Parsed()
    for entry in IMPORTER.parse(source(path), ctx or ParseContext(home_zone="Asia/Tokyo")):
        if isinstance(entry, PersonInfo):
            out.persons.append(entry)
        elif isinstance(entry, ParsedRecord):
            assert isinstance(entry.record, Checkup)
            out.records.append(entry.record)
            out.refs.append(entry.person)
        elif isinstance(entry, ParsedDocument):
            out.documents.append(entry)
        elif isinstance(entry, ParseWarning):
            out.warnings.append(entry.text)
        elif isinstance(entry, ParseSkip):
            out.skips.append(entry)
    return out


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def make_zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 6, 10, 0, 0, 0)), data)
    return path


def base_detail(**more: Any) -> dict[str, Any]:
    """The detail keys every item of the synthetic fixtures has (no codeSystem written)."""
    return {"code_system": ITEM_CS, "code_system_omitted": True, "section": SECTION, **more}


# -- sniffing ----------------------------------------------------------------------------

CDA_FILES = sorted(p.name for p in FIX.glob("*.xml"))
ZIP_FILES = sorted(p.name for p in FIX.glob("archive_*.zip"))


@pytest.mark.parametrize("name", CDA_FILES)
def test_sniff_every_cda_fixture(name: str) -> None:
    assert IMPORTER.sniff(source(FIX / name)) == 0.95


@pytest.mark.parametrize("name", ZIP_FILES)
def test_sniff_every_archive_fixture(name: str) -> None:
    assert IMPORTER.sniff(source(FIX / name)) == 0.9


@pytest.mark.parametrize("relative, expected", [
    ("negative/not_cda.xml", 0.0),  # FHIR XML
    ("negative/not_cda.json", 0.0),
    ("negative/not_cda.zip", 0.0),
    ("public/ix08_V08.xml", 0.0),  # side files are not CDA
    ("public/su08_V08.xml", 0.0),
    ("public/XSD/hc08_V08.xsd", 0.0),
    ("public/CDAtemplate-hc18.xml", 0.95),  # the real public template is a CDA
    ("negative/other_cda.xml", 0.6),  # a CDA without the MHLW OIDs: parse decides
    ("negative/truncated.xml", 0.95),  # the root is visible; parse refuses it
])
def test_sniff_other_inputs(relative: str, expected: float) -> None:
    assert IMPORTER.sniff(source(FIX / relative)) == expected


def test_sniff_is_by_content_not_name(tmp_path: Path) -> None:
    cda = write(tmp_path, "notes.txt", (FIX / "full_period4.xml").read_bytes())
    fake = write(tmp_path, "h1310000001202406101_0001.xml", b"<index/>")
    assert IMPORTER.sniff(source(cda)) == 0.95
    assert IMPORTER.sniff(source(fake)) == 0.0
    assert IMPORTER.sniff(source(write(tmp_path, "empty.xml", b""))) == 0.0
    assert IMPORTER.sniff(source(write(tmp_path, "junk.bin", bytes(range(256)) * 4))) == 0.0


def test_sniff_needs_the_hl7_namespace(tmp_path: Path) -> None:
    other_ns = b'<ClinicalDocument xmlns="urn:example"><id/></ClinicalDocument>'
    prefixed = (b'<?xml version="1.0"?>\n<!-- c -->\n<v3:ClinicalDocument '
                b'xmlns:v3="urn:hl7-org:v3" a=">"><v3:id/></v3:ClinicalDocument>')
    assert sniff_cda(other_ns) == 0.0
    assert sniff_cda(prefixed) == 0.6
    assert root_element(prefixed) == ("ClinicalDocument", "urn:hl7-org:v3")
    assert root_element(b"\xef\xbb\xbf<index xmlns='x'/>") == ("index", "x")


def test_registry_detects_by_content() -> None:
    registry = default_registry()
    detected = registry.detect(source(FIX / "full_period4.xml"))
    assert detected is not None and detected.slug == "tokutei-cda"
    assert registry.detect(source(FIX / "archive_standard.zip")) is detected
    assert registry.detect(source(FIX / "negative" / "not_cda.xml")) is None
    assert registry.detect(source(FIX / "negative" / "not_cda.zip")) is None


# -- the full 第4期 document: header -------------------------------------------------------


def test_full_document_header_and_parse_items() -> None:
    path = FIX / "full_period4.xml"
    parsed = parse(path)
    assert parsed.warnings == [] and parsed.skips == []
    [person] = parsed.persons
    assert person == PersonInfo(ref=person.ref, name=None, name_kana="ケンシン　タロウ",
                                sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
    [document] = parsed.documents
    assert document.format == "tokutei-cda" and document.name == "full_period4.xml"
    assert document.content == path.read_bytes()  # the exact original bytes (CRLF kept)
    assert document.person == person.ref and parsed.refs == [person.ref]
    checkup = parsed.checkup
    assert checkup.profile_id == ""
    assert checkup.provenance is Provenance.CHECKUP
    assert checkup.source == Source(app="tokutei-cda")
    assert checkup.document_id == document.id
    # The exam date is serviceEvent/effectiveTime (06-03), not the document date (06-10).
    assert checkup.date == dt.date(2024, 6, 3)
    assert (checkup.institution_id, checkup.institution_name) == ("1310000001", "架空健診センター")
    assert checkup.sex is Sex.MALE and checkup.birth_date == dt.date(1960, 4, 1)
    assert (checkup.metabolic_syndrome, checkup.guidance_level) == (3, 3)
    assert checkup.extra == {
        "report_type": "10",
        "document_date": "2024-06-10",
        "insurance": {"insurer_number": "06130012", "card_symbol": "１２３",
                      "card_number": "4567", "card_branch": "01"},
        "patient_ids": [{"root": OID + "101", "extension": "06130012"},
                        {"root": OID + "204", "extension": "１２３"},
                        {"root": OID + "205", "extension": "4567"},
                        {"root": OID + "211", "extension": "01"}],
        "patient": {"address": {"postal_code": "100-0001",
                                "text": "東京都千代田区架空町一丁目2番3号"},
                    "name": "ケンシン　タロウ"},
        "vouchers": [{"function_code": "1", "expires": "20250331", "number": "24000000001",
                      "root": OID + "209.106130012", "insurer_number": "06130012"}],
        "author_organization": {"id": "1310000001", "name": "架空健診センター"},
        "program_type": "010",
        "fiscal_year": 2024, "period": 4, "period_label": "第4期",
        "doctor": {"time": "20240603", "id": "D0001", "name": "診察　一郎"},
    }
    assert len(checkup.items) == 31
    assert [i.status for i in checkup.items] == [ItemStatus.MEASURED] * 31


def test_full_document_common_items() -> None:
    parsed = parse(FIX / "full_period4.xml")
    hba1c = parsed.item("3D046000001906202")
    assert hba1c == CheckupItem(
        code="3D046000001906202", name="HbA1c(NGSP値)", value=5.8, value_display="5.8",
        code_system=None, unit="%", comparator=None, flag="H", status=ItemStatus.MEASURED,
        detail=base_detail(display_name="HbA1c(NGSP値)", xsi_type="PQ", unit="%",
                           value_text="5.8", interpretation="H", method_code="3D04610000",
                           method_code_system=METHOD_CS))
    urine = parsed.item("1A010000000191111")
    assert (urine.value, urine.value_display, urine.code_system, urine.unit) == \
        ("2", "±", OID + "2102", None)
    assert urine.detail["xsi_type"] == "CO"
    assert parsed.item("9N736000000000011").value_display == "いいえ"
    assert parsed.item("9N786000000000011").value_display == "週1～2日"
    assert parsed.item("9N701000000000011").value_display == "服薬なし"
    assert parsed.item("9A751000000000001").unit == "mm[Hg]"
    assert parsed.item("9A751000000000001").value == 128.0


# -- spec §4 edge cases, one fixture each --------------------------------------------------


def test_edge_missing_code_system_defaults() -> None:
    parsed = parse(FIX / "edge_code_system_default.xml")
    assert parsed.warnings == []
    height = parsed.item("9N001000000000001")
    assert height.detail["code_system"] == ITEM_CS
    assert height.detail["code_system_omitted"] is True
    weight = parsed.item("9N006000000000001")
    assert weight.detail["code_system"] == ITEM_CS and "code_system_omitted" not in weight.detail
    hba1c = parsed.item("3D046000001906202")  # methodCode without codeSystem -> .1007
    assert (hba1c.detail["method_code"], hba1c.detail["method_code_system"]) == \
        ("3D04610000", METHOD_CS)
    fpg = parsed.item("3D010000001926101")
    assert fpg.detail["method_code_system"] == METHOD_CS


def test_edge_numeric_pq_units_and_leading_dot() -> None:
    parsed = parse(FIX / "edge_numeric.xml")
    assert parsed.warnings == []
    creatinine = parsed.item("3C015000002327101")
    assert creatinine == CheckupItem(
        code="3C015000002327101", name="血清クレアチニン", value=0.85, value_display=".85",
        code_system=None, unit="mg/dL", comparator=None, flag=None,
        status=ItemStatus.MEASURED,
        detail=base_detail(display_name="血清クレアチニン", xsi_type="PQ", unit="mg/dL",
                           value_text=".85", method_code="3C01510000",
                           method_code_system=METHOD_CS))
    assert parsed.item("8A065000002391901").unit == "ml/min/1.73m2"
    rbc = parsed.item("2A020000001930101")
    assert (rbc.value, rbc.unit) == (480.0, "10*4/mm3")


def test_edge_values_outside_the_table_format_are_kept_with_warnings() -> None:
    parsed = parse(FIX / "edge_format.xml")
    assert parsed.item("9N011000000000001").value == 23.15
    assert parsed.item("9A751000000000001").value == 1000.0
    assert parsed.item("9N006000000000001").value == -1.0
    sbp2 = parsed.item("9A752000000000001")
    assert (sbp2.unit, sbp2.detail["unit"]) == ("mmHg", "mmHg")  # unit as written
    height = parsed.item("9N001000000000001")  # not a number: kept as written, no value
    assert (height.value, height.value_display, height.detail["value_text"]) == \
        (None, "abc", "abc")
    assert height.status is ItemStatus.MEASURED
    assert parsed.warnings == [
        "item 9N011000000000001 (BMI): the value does not fit the table format NN.N; "
        "imported as written",
        "item 9A751000000000001 (収縮期血圧(1回目)): the value does not fit the table format "
        "NNN; imported as written",
        "item 9N006000000000001 (体重): the value does not fit the table format NNN.N; "
        "imported as written",
        "item 9A752000000000001 (収縮期血圧(2回目)): the unit differs from the table's "
        "mm[Hg]; kept as written",
        "item 9N001000000000001 (身長): the value is not a number; kept as written",
    ]


def test_numbers_a_float_cannot_hold_are_kept_as_text(tmp_path: Path) -> None:
    text = (FIX / "edge_numeric.xml").read_text(encoding="utf-8")
    path = write(tmp_path, "huge.xml", text.replace('value="480"', 'value="1e999"')
                 .replace('value="128"', 'value="NaN"').encode("utf-8"))
    parsed = parse(path)
    for code, written in (("2A020000001930101", "1e999"), ("9A751000000000001", "NaN")):
        entry = parsed.item(code)
        assert (entry.value, entry.value_display, entry.detail["value_text"]) == \
            (None, written, written)
    assert len(parsed.checkup.items) == 4  # the checkup itself is never dropped


def test_edge_coded_values_decode_by_code_system_and_code() -> None:
    parsed = parse(FIX / "edge_coded.xml")
    smoking = parsed.item("9N736000000000011")
    assert smoking == CheckupItem(
        code="9N736000000000011", name="喫煙", value="2",
        value_display="以前は吸っていたが、最近1ヶ月間は吸っていない",
        code_system=OID + "24060", unit=None, comparator=None, flag=None,
        status=ItemStatus.MEASURED,
        detail=base_detail(display_name="喫煙", xsi_type="CD",
                           value_code_system=OID + "24060", value_text="2"))
    sugar = parsed.item("1A020000000191111")
    assert (sugar.value, sugar.value_display, sugar.code_system) == ("3", "＋", OID + "2102")
    assert sugar.detail["xsi_type"] == "CO"
    protein = parsed.item("1A010000000191111")  # no codeSystem: the table's OID decodes it
    assert (protein.value, protein.value_display, protein.code_system) == \
        ("2", "±", OID + "2102")
    assert "value_code_system" not in protein.detail
    assert parsed.item("9N141000000000011").value_display == "3.5時間以上10時間未満"
    assert parsed.item("9N701000000000011").value_display == "服薬あり"
    assert parsed.item("9N716000000000011").value_display == "いいえ"
    unknown_system = parsed.item("9N061000000000011")
    assert (unknown_system.value, unknown_system.value_display,
            unknown_system.code_system) == ("1", "架空の回答", OID + "9999")
    assert unknown_system.detail["value_display_name"] == "架空の回答"
    assert (parsed.checkup.metabolic_syndrome, parsed.checkup.guidance_level) == (2, 1)
    assert parsed.warnings == [
        "item 9N061000000000011 (自覚症状): the answer code system 1.2.392.200119.6.9999 "
        "differs from the 第4期 table's 1.2.392.200119.6.2001; decoded with the file's"]


def test_edge_text_is_kept_verbatim_in_nfc() -> None:
    parsed = parse(FIX / "edge_text.xml")
    history = parsed.item("9N056160400000049")
    assert history.value == history.value_display == "高血圧症（ガん検診で指摘）"
    assert history.detail["value_text"] == "高血圧症（カ\u3099ん検診で指摘）"  # as written
    assert (history.code_system, history.unit, history.detail["xsi_type"]) == (None, None, "ST")
    ecg = parsed.item("9A110160800000049")
    assert isinstance(ecg.value, str) and len(ecg.value) == 305  # longer than 256: kept
    assert parsed.warnings == ["item 9A110160800000049 (心電図(所見)): the text is longer than "
                               "the table's 256 characters; kept whole"]


def test_edge_interpretation_codes() -> None:
    parsed = parse(FIX / "edge_interpretation.xml")
    flags = {i.code: (i.flag, i.detail["interpretation"]) for i in parsed.checkup.items}
    assert flags == {"3D046000001906202": ("H", "H"), "3F070000002327101": ("L", "L"),
                     "3B035000002327201": ("N", "N"), "3B045000002327201": (None, "HH")}
    assert parsed.warnings == ["item 3B045000002327201 (ALT(GPT)): interpretationCode other "
                               "than H/L/N; kept in detail only"]


def test_edge_reference_range() -> None:
    parsed = parse(FIX / "edge_reference_range.xml")
    assert parsed.item("3F077000002327101").detail["reference_range"] == {
        "xsi_type": "IVL_PQ", "low": {"value": "60", "unit": "mg/dL"},
        "high": {"value": "119", "unit": "mg/dL"}}
    assert parsed.item("3F070000002327101").detail["reference_range"] == {
        "xsi_type": "IVL_PQ", "low": {"value": "40", "unit": "mg/dL", "inclusive": "true"}}


def test_edge_not_performed_negation_and_reason_item() -> None:
    parsed = parse(FIX / "edge_not_performed.xml")
    sugar = parsed.item("1A020000000191111")
    assert sugar == CheckupItem(
        code="1A020000000191111", name="尿糖", value=None, value_display=None,
        code_system=None, unit=None, comparator=None, flag=None,
        status=ItemStatus.NOT_PERFORMED,
        detail=base_detail(display_name="尿糖", negation=True, method_code="1A02010000",
                           method_code_system=METHOD_CS))
    reason = parsed.item("9N512000000000011")  # 測定不可能・検査未実施の理由: its own item
    assert (reason.value, reason.value_display, reason.code_system, reason.status) == \
        ("1", "生理中", OID + "24080", ItemStatus.MEASURED)
    protein = parsed.item("1A010000000191111")  # negationInd with a value: value kept
    assert (protein.value, protein.status, protein.detail["negation"]) == \
        ("1", ItemStatus.MEASURED, True)
    assert parsed.warnings == ["item 1A010000000191111 (尿蛋白): negationInd together with a "
                               "value; the value is kept"]
    assert parsed.persons[0].sex is Sex.FEMALE


def test_edge_unmeasurable_null_flavor() -> None:
    parsed = parse(FIX / "edge_unmeasurable.xml")
    hba1c = parsed.item("3D046000001906202")
    assert hba1c == CheckupItem(
        code="3D046000001906202", name="HbA1c(NGSP値)", value=None, value_display=None,
        code_system=None, unit=None, comparator=None, flag=None,
        status=ItemStatus.UNMEASURABLE,
        detail=base_detail(display_name="HbA1c(NGSP値)", xsi_type="PQ", null_flavor="NI",
                           method_code="3D04610000", method_code_system=METHOD_CS))
    fpg = parsed.item("3D010000001926101")
    assert (fpg.status, fpg.detail["null_flavor"]) == (ItemStatus.UNMEASURABLE, "UNK")
    vfa = parsed.item("9N021000000000001")
    assert (vfa.status, vfa.detail["null_flavor"]) == (ItemStatus.NOT_PERFORMED, "NA")
    assert len(parsed.warnings) == 2 and all("nullFlavor" in w for w in parsed.warnings)


def test_edge_out_of_range_two_values() -> None:
    parsed = parse(FIX / "edge_out_of_range.xml")
    marker_h = {"code": "H", "code_system": "2.16.840.1.113883.5.83", "display_name": "以上"}
    assert parsed.item("3F015000002327101") == CheckupItem(
        code="3F015000002327101", name="空腹時中性脂肪(トリグリセリド)", value=2000.0,
        value_display="2000", code_system=None, unit="mg/dL", comparator=">=", flag="H",
        status=ItemStatus.MEASURED,
        detail=base_detail(display_name="空腹時中性脂肪(トリグリセリド)", range_marker=marker_h,
                           xsi_type="PQ", unit="mg/dL", value_text="2000", interpretation="H",
                           method_code="3F01510000", method_code_system=METHOD_CS))
    low = parsed.item("3D046000001906202")
    assert (low.value, low.comparator, low.detail["range_marker"]["code"]) == (3.0, "<=", "L")
    marker_only = parsed.item("3D010000001926101")  # CD-only H: comparator, no number
    assert (marker_only.value, marker_only.value_display, marker_only.comparator,
            marker_only.unit, marker_only.status) == (None, "以上", ">=", None,
                                                      ItemStatus.MEASURED)
    reversed_order = parsed.item("3B035000002327201")  # PQ first, then the H marker
    assert (reversed_order.value, reversed_order.comparator) == (1000.0, ">=")
    assert parsed.warnings == ["item 3D010000001926101 (空腹時血糖): an out-of-range marker "
                               "without a number"]


def test_edge_doctor_judgement_with_author() -> None:
    parsed = parse(FIX / "edge_doctor_author.xml")
    judgement = parsed.item("9N511000000000049")
    doctor = {"time": "20240603", "id": "D0001", "name": "診察　一郎"}
    assert judgement == CheckupItem(
        code="9N511000000000049", name="医師の診断(判定)", value="経過観察。",
        value_display="経過観察。", code_system=None, unit=None, comparator=None, flag=None,
        status=ItemStatus.MEASURED,
        detail=base_detail(display_name="医師の診断(判定)", xsi_type="ST",
                           value_text="経過観察。", author=doctor))
    assert parsed.checkup.extra["doctor"] == doctor


def test_edge_series_groups_are_flattened_with_group_and_relation() -> None:
    parsed = parse(FIX / "edge_groups.xml")
    groups = {i.code: i.detail["group"] for i in parsed.checkup.items}
    anemia = {"id": "2A020161001930149", "seq": 1, "name": "貧血検査"}
    creatinine = {"id": "3C015161002399949", "seq": 2, "name": "血清クレアチニン"}
    ecg = {"id": "9A110161000000049", "seq": 3, "name": "心電図"}
    assert groups == {
        "2A040000001930102": {**anemia, "relation": "COMP"},
        "2A030000001930101": {**anemia, "relation": "COMP"},
        "2A020000001930101": {**anemia, "relation": "COMP"},
        "2A020161001930149": {**anemia, "relation": "RSON"},
        "3C015000002327101": {**creatinine, "relation": "COMP"},
        "8A065000002391901": {**creatinine, "relation": "COMP"},
        "3C015161602399911": {**creatinine, "relation": "RSON"},
        "3C015161002399949": {**creatinine, "relation": "RSON"},
        "9A110160700000011": {**ecg, "relation": "COMP"},
        "9A110160800000049": {**ecg, "relation": "COMP"},
        "9A110161600000011": {**ecg, "relation": "RSON"},
        "9A110161000000049": {**ecg, "relation": "RSON"},
        "9Z998000000000001": {"seq": 4, "relation": "COMP"},
    }
    target = parsed.item("3C015161602399911")
    assert (target.value, target.value_display, target.code_system) == \
        ("1", "検査結果による血清クレアチニン検査対象者", OID + "18110")
    reason = parsed.item("2A020161001930149")
    assert (reason.value, reason.detail["xsi_type"]) == ("貧血の既往あり", "ST")
    assert parsed.item("9A110161600000011").value_display == "不整脈による心電図検査対象者"
    assert parsed.warnings == [
        "a series group (一連検査グループ) of unknown items was flattened without a group id",
        "item 9Z998000000000001 is not in the 第4期 item tables; kept as written"]


def test_edge_effective_time_width_is_ignored() -> None:
    parsed = parse(FIX / "edge_width.xml")
    assert parsed.warnings == []
    timing = parsed.item("9N141000000000011")
    assert (timing.value, timing.value_display) == ("2", "食後10時間以上")
    assert "width" not in str(timing.detail)


def test_edge_duplicate_item_keeps_the_first() -> None:
    parsed = parse(FIX / "edge_duplicate.xml")
    assert parsed.item("3D046000001906202").value == 5.6
    [dropped] = parsed.checkup.extra["duplicate_items"]
    assert (dropped["code"], dropped["value"], dropped["detail"]["value_text"]) == \
        ("3D046000001906202", 5.9, "5.9")
    assert parsed.warnings == ["item 3D046000001906202 appears more than once; the first is "
                               "kept"]


def test_edge_unknown_item_code_is_kept() -> None:
    parsed = parse(FIX / "edge_unknown_item.xml")
    unknown = parsed.item("9Z999000000000001")
    assert unknown == CheckupItem(
        code="9Z999000000000001", name="架空の追加項目", value=12.3, value_display="12.3",
        code_system=None, unit="mg/dL", comparator=None, flag=None,
        status=ItemStatus.MEASURED,
        detail=base_detail(display_name="架空の追加項目", unknown_item=True, xsi_type="PQ",
                           unit="mg/dL", value_text="12.3"))
    [aside] = parsed.checkup.extra["unparsed_observations"]  # not a 17-char code
    assert (aside["code"], aside["value"], aside["detail"]["unknown_item"]) == \
        ("99999999", 1.0, True)
    assert len(parsed.checkup.items) == 1
    assert parsed.warnings == [
        "item 9Z999000000000001 is not in the 第4期 item tables; kept as written",
        "an observation whose code is not a 17-character item code was kept aside "
        "(extra.unparsed_observations)",
        "an observation without an item code was ignored"]


def test_edge_sections_other_than_01010() -> None:
    parsed = parse(FIX / "edge_sections.xml")
    sections = {i.code: i.detail["section"]["code"] for i in parsed.checkup.items}
    assert sections == {"9N001000000000001": "01010", "1A035000000190101": "01990",
                        "9N061000000000011": "09999"}
    ph = parsed.item("1A035000000190101")  # an extension-table item (尿pH)
    assert (ph.name, ph.value, ph.unit) == ("尿ｐＨ", 6.0, "[pH]")
    assert parsed.warnings == ["a section other than 01010/01990 was read as well"]


def test_report_type_other_than_10_is_imported_with_a_warning() -> None:
    parsed = parse(FIX / "edge_report_type.xml")
    assert parsed.checkup.extra["report_type"] == "20"
    assert parsed.warnings == ["the 報告区分 is not 10 (特定健診); the document was imported "
                               "anyway"]
    missing = parse(FIX / "edge_no_report_code.xml")
    assert missing.warnings == [] and "report_type" not in missing.checkup.extra
    assert len(missing.records) == 1


def test_missing_exam_date_and_performer_fall_back_with_warnings() -> None:
    parsed = parse(FIX / "edge_no_exam_date.xml")
    assert parsed.checkup.date == dt.date(2024, 6, 10)
    assert parsed.checkup.institution_id == "1310000001"
    assert parsed.warnings == [
        "no exam date in serviceEvent/effectiveTime: the document date (effectiveTime) is used",
        "no performing institution in serviceEvent: the authoring institution is used"]


# -- 期 -------------------------------------------------------------------------------------


def test_period3_document_is_labelled_and_old_smoking_codes_decode() -> None:
    parsed = parse(FIX / "period3_2019.xml")
    extra = parsed.checkup.extra
    assert (extra["period"], extra["period_label"], extra["fiscal_year"]) == (3, "第3期", 2019)
    smoking = parsed.item("9N736000000000011")
    # Code 2 means いいえ with .2003 (第1〜3期), not 「以前は吸っていた」 (第4期 .24060).
    assert (smoking.value, smoking.value_display, smoking.code_system) == \
        ("2", "いいえ", OID + "2003")
    assert parsed.warnings == [
        "a 第3期 exam (FY2019): items are checked against the 第4期 item table",
        "item 9N736000000000011 (喫煙): the answer code system 1.2.392.200119.6.2003 (the "
        "第1〜3期 はい/いいえ answers) differs from the 第4期 table's 1.2.392.200119.6.24060; "
        "decoded with the file's"]


def test_period1_document_keeps_jds_hba1c() -> None:
    parsed = parse(FIX / "period1_2012_jds.xml")
    assert (parsed.checkup.extra["period"], parsed.checkup.extra["period_label"]) == \
        (1, "第1期")
    jds = parsed.item("3D045000001906202")
    assert (jds.name, jds.value, jds.unit) == ("HbA1c(JDS値)", 5.4, "%")
    assert jds.detail["legacy"] == "jds-hba1c" and "unknown_item" not in jds.detail
    assert not any(i.code.startswith("3D046") for i in parsed.checkup.items)  # never NGSP
    assert parsed.item("9N736000000000011").value_display == "はい"
    assert "item 3D045000001906202: HbA1c in JDS units (before FY2013, a 第1期 exam); kept " \
        "as JDS, never as an NGSP value" in parsed.warnings
    assert "item 3F015129902327101 is a 第4期 code but the exam is 第1期" in parsed.warnings
    assert not any("not in the 第4期 item tables" in w for w in parsed.warnings)


@pytest.mark.parametrize("day, fiscal_year, period", [
    (dt.date(2024, 3, 31), 2023, 3), (dt.date(2024, 4, 1), 2024, 4),
    (dt.date(2013, 4, 1), 2013, 2), (dt.date(2008, 4, 1), 2008, 1),
    (dt.date(2018, 3, 31), 2017, 2), (dt.date(2030, 4, 1), 2030, None)])
def test_period_boundaries(day: dt.date, fiscal_year: int, period: int | None) -> None:
    fy = day.year if day.month >= 4 else day.year - 1
    assert fy == fiscal_year
    assert cda_codes.period_of_fiscal_year(fy) == period


# -- archives --------------------------------------------------------------------------------


def _summary(parsed: Parsed) -> list[tuple[Any, ...]]:
    return [(c.date, c.sex, c.birth_date, tuple((i.code, i.value) for i in c.items))
            for c in parsed.records]


def test_standard_archive_two_examinees() -> None:
    parsed = parse(FIX / "archive_standard.zip")
    assert [p.name_kana for p in parsed.persons] == ["ケンシン　タロウ", "ケンシン　ハナコ"]
    assert parsed.refs == [p.ref for p in parsed.persons]
    assert [d.name for d in parsed.documents] == [
        "1310000001_06130012_202406101_1/DATA/h1310000001202406101_0001_06130012.xml",
        "1310000001_06130012_202406101_1/DATA/h1310000001202406101_0002_06130012.xml"]
    with zipfile.ZipFile(FIX / "archive_standard.zip") as archive:
        assert [d.content for d in parsed.documents] == \
            [archive.read(d.name) for d in parsed.documents]
    assert [c.document_id for c in parsed.records] == [d.id for d in parsed.documents]
    assert parsed.warnings == [] and parsed.skips == []  # CLAIMS, XSD, ix08, su08 ignored
    assert all(c.extra["archive"] == {"side_files": "第4期"} for c in parsed.records)


@pytest.mark.parametrize("name", ["archive_no_xsd.zip", "archive_no_top.zip"])
def test_archive_variants_give_the_same_checkups(name: str) -> None:
    assert _summary(parse(FIX / name)) == _summary(parse(FIX / "archive_standard.zip"))


def test_period3_archive_labels_its_side_files() -> None:
    parsed = parse(FIX / "archive_period3.zip")
    assert parsed.checkup.extra["archive"] == {"side_files": "第1〜3期"}
    assert all(w.startswith("DATA file 1: ") for w in parsed.warnings)


def test_real_public_side_files_sanity_checks(tmp_path: Path) -> None:
    # The real FY2024 ix08/su08 count 8 files and 4 examinees: this archive holds 1.
    path = make_zip(tmp_path / "a.zip", [
        ("ix08_V08.xml", (FIX / "public" / "ix08_V08.xml").read_bytes()),
        ("su08_V08.xml", (FIX / "public" / "su08_V08.xml").read_bytes()),
        ("DATA/h1.xml", (FIX / "full_period4.xml").read_bytes())])
    parsed = parse(path)
    assert parsed.warnings == [
        "the archive index counts 8 files but the archive holds 1 CDA and 0 claim files",
        "the archive summary counts 4 examinees but the archive holds 1"]


def test_archive_one_examinee_two_exams_is_one_person(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", [
        ("DATA/h1.xml", (FIX / "full_period4.xml").read_bytes()),
        ("DATA/h2.xml", (FIX / "full_period4_2025.xml").read_bytes()),
        ("notes/readme.txt", b"hello")])
    parsed = parse(path)
    assert len(parsed.persons) == 1 and len(parsed.records) == 2
    assert parsed.refs == [parsed.persons[0].ref] * 2
    assert parsed.skips == [ParseSkip("unsupported-member", 1)]


def test_archive_without_cda_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat):
        parse(FIX / "negative" / "not_cda.zip")


def test_cancel_stops_between_documents() -> None:
    parsed = parse(FIX / "archive_standard.zip",
                   ParseContext(home_zone="Asia/Tokyo", cancelled=lambda: True))
    assert parsed.records == []


def test_archive_progress_is_reported() -> None:
    seen: list[int] = []
    parse(FIX / "archive_standard.zip", ParseContext(home_zone="Asia/Tokyo",
                                                      progress=seen.append))
    size = (FIX / "archive_standard.zip").stat().st_size
    assert seen == [size // 2, size]


# -- the real public template -----------------------------------------------------------------


def test_public_template_parses(tmp_path: Path) -> None:
    path = FIX / "public" / "CDAtemplate-hc18.xml"
    # As published, every value is the placeholder 99999999: no usable exam date.
    with pytest.raises(MalformedInput, match="no valid exam date"):
        parse(path)
    text = path.read_text(encoding="utf-8")
    filled = (text.replace('<effectiveTime value="99999999"/>', '<effectiveTime value="20240610"/>')
              .replace('<birthTime value="99999999"/>', '<birthTime value="19600401"/>')
              .replace('<administrativeGenderCode code="99999999"',
                       '<administrativeGenderCode code="1"')
              .replace('<code code="99999999" codeSystem="1.2.392.200119.6.1001"/>',
                       '<code code="10" codeSystem="1.2.392.200119.6.1001"/>'))
    parsed = parse(write(tmp_path, "template.xml", filled.encode("utf-8")))
    checkup = parsed.checkup
    assert checkup.date == dt.date(2024, 6, 10)
    assert (checkup.sex, checkup.birth_date) == (Sex.MALE, dt.date(1960, 4, 1))
    assert checkup.institution_id == "99999999"
    assert checkup.extra["insurance"]["card_branch"] == "99999999"  # the .211 root
    assert checkup.items == ()
    assert checkup.extra["unparsed_observations"][0]["code"] == "99999999"


# -- refused input ---------------------------------------------------------------------------


def test_malformed_and_unsupported_inputs() -> None:
    with pytest.raises(MalformedInput) as truncated:
        parse(FIX / "negative" / "truncated.xml")
    assert truncated.value.path == "truncated.xml"
    with pytest.raises(UnsupportedFormat):
        parse(FIX / "negative" / "not_cda.xml")
    with pytest.raises(UnsupportedFormat, match="not a 特定健診 report"):
        parse(FIX / "negative" / "other_cda.xml")
    with pytest.raises(MalformedInput, match="no valid exam date"):
        parse(FIX / "negative" / "no_dates.xml")


def _deny_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_dtd.xml"])
def test_hostile_fixtures(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _deny_network(monkeypatch)
    with pytest.raises(HostileInput):
        parse(FIX / "hostile" / name)


def test_xxe_never_reads_the_canary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _deny_network(monkeypatch)
    canary = tmp_path / "canary.txt"
    canary.write_text("CANARY-7f3a-do-not-leak", encoding="utf-8")
    path = write(tmp_path, "xxe.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM '
        f'"file://{canary}">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&xxe;</title>'
        f"</ClinicalDocument>\n").encode())
    with pytest.raises(HostileInput) as caught:
        parse(path)
    assert "CANARY" not in str(caught.value.to_json())


def test_deep_nesting_and_quadratic_blowup(tmp_path: Path) -> None:
    deep = write(tmp_path, "deep.xml", b'<ClinicalDocument xmlns="urn:hl7-org:v3">'
                 + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</ClinicalDocument>")
    with pytest.raises(HostileInput):
        parse(deep)
    quadratic = write(tmp_path, "quadratic.xml", (
        b'<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY a "' + b"x" * 50_000
        + b'">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>' + b"&a;" * 50_000
        + b"</title></ClinicalDocument>\n"))
    assert IMPORTER.sniff(source(quadratic)) == 0.6  # claimed, so that parse refuses it
    with pytest.raises(HostileInput):
        parse(quadratic)


def test_hostile_archives(tmp_path: Path) -> None:
    cda = (FIX / "full_period4.xml").read_bytes()
    traversal = make_zip(tmp_path / "traversal.zip", [("DATA/h1.xml", cda),
                                                      ("../../evil.txt", b"x")])
    many = make_zip(tmp_path / "many.zip", [("DATA/h1.xml", cda)]
                    + [(f"pad/{n}.txt", b"") for n in range(1001)])
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("DATA/h1.xml", cda)
        archive.writestr("DATA/h2.xml", b"\0" * (20 * 2**20))
    nested = make_zip(tmp_path / "nested.zip", [("DATA/h1.xml", cda)])
    nested_outer = make_zip(tmp_path / "outer.zip", [("inner.zip", nested.read_bytes()),
                                                     ("DATA/h1.xml", cda)])
    for path in (traversal, many, bomb):
        assert IMPORTER.sniff(source(path)) == 0.5  # the limits refuse to look inside
        with pytest.raises(HostileInput):
            parse(path)
    # A nested archive is never opened: it is an unsupported member.
    assert parse(nested_outer).skips == [ParseSkip("unsupported-member", 1)]


def test_hostile_cda_member_inside_an_archive(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "a.zip", [
        ("DATA/h1.xml", (FIX / "full_period4.xml").read_bytes()),
        ("DATA/h2.xml", (FIX / "hostile" / "billion_laughs.xml").read_bytes())])
    with pytest.raises(HostileInput) as caught:
        parse(path)
    assert caught.value.path == "DATA/h2.xml"


def test_warnings_never_carry_identities() -> None:
    secrets = ("ケンシン", "4567", "4568", "06130012", "24000000001", "１２３", "診察",
               "架空町", "1310000001_06130012")
    for path in sorted(FIX.glob("*.xml")) + sorted(FIX.glob("archive_*.zip")):
        for warning in parse(path).warnings:
            assert not any(s in warning for s in secrets), (path.name, warning)


# -- cda_codes -------------------------------------------------------------------------------


def test_note_value_sets_and_decode_precedence() -> None:
    from phrapp.domain.codes.checkup_items import item

    assert dict(cda_codes.note_value_set("1:－、2:±、3:＋")) == {"1": "－", "2": "±", "3": "＋"}
    assert dict(cda_codes.note_value_set("１：積極的支援、２：動機付け支援")) == \
        {"1": "積極的支援", "2": "動機付け支援"}
    assert dict(cda_codes.note_value_set("1：生理中、2：その他. 受診者の事情")) == \
        {"1": "生理中", "2": "その他"}
    assert cda_codes.note_value_set(None) == {}
    medication = item("9N701000000000011")
    smoking = item("9N736000000000011")
    assert cda_codes.decode(OID + "2003", "1", medication) == "服薬あり"  # item's own note
    assert cda_codes.decode(OID + "2003", "1", smoking) == "はい"  # spec §6 set, old 期
    assert cda_codes.decode(OID + "24060", "2", None).startswith("以前は吸っていた")
    assert cda_codes.decode("2.16.840.1.113883.5.83", "L", None) == "以下"
    assert cda_codes.decode(OID + "9999", "1", None) is None
    group = cda_codes.group_for(["3C015000002327101"])
    assert group is not None and group.id == "3C015161002399949"
    assert cda_codes.group_for(["9Z999000000000001"]) is None


def test_archives_are_never_extracted_or_staged_on_disk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("wrote to disk")

    for name in ("extract", "extractall"):
        monkeypatch.setattr(zipfile.ZipFile, name, refuse)
    for name in ("mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile"):
        monkeypatch.setattr(tempfile, name, refuse)
    assert len(parse(FIX / "archive_standard.zip").records) == 2
