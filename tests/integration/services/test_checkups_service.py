"""The 健診 page's read model on a real vault: imported CDA exams and a hand-entered one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from phrapp.domain.checkup_entry import build_checkup
from phrapp.domain.records import Checkup, CheckupItem, Profile, RecordKind, Sex
from phrapp.services.checkups import HEADER_CODES, CheckupService, build_table
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

CDA = Path(__file__).resolve().parents[2] / "fixtures" / "cda"
LDL_FILE = "3F077000002327101"  # LDL コレステロール, 可視吸光光度法 (the fixture's method)
HBA1C_FILE = "3D046000001906202"  # HbA1c 免疫学的方法
HBA1C_OTHER = "3D046000001999902"  # HbA1c その他 (hand entry, COMMON_LABS)


@pytest.fixture
def taro(session: Session) -> Profile:
    """A profile with the CDA examinee's identity (male, 1960-04-01), made active."""
    service = ProfileService(session)
    service.add("太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 1))
    return service.use("太郎")


def _import(session: Session, *names: str) -> None:
    service = ImportService(session)
    service.commit(service.preview([CDA / n for n in names]))


def _hand_entry(session: Session, profile: Profile) -> Checkup:
    checkup = build_checkup(profile, dt.date(2023, 5, 20), [
        ("sbp", "142"), ("dbp", "92"), ("ldl", "151"), ("hba1c", "6.6"),
        ("9N501000000000011", "2"), ("9N506000000000011", "2"),
        ("9N511000000000049", "血圧が高めです。\n医療機関を受診してください。"),
        ("9N516000000000049", "手入力　医師")], facility="紙の健診センター")
    RecordService(session).add(checkup)
    return checkup


def test_exams_rows_and_cells(session: Session, taro: Profile) -> None:
    _import(session, "full_period4.xml", "full_period4_2025.xml")
    manual = _hand_entry(session, taro)
    table = CheckupService(session).table(taro)

    # Exams newest first; the exam's own conclusions are on the column, not rows.
    assert [e.date for e in table.exams] == [dt.date(2025, 6, 2), dt.date(2024, 6, 3),
                                            dt.date(2023, 5, 20)]
    newest, first_file, by_hand = table.exams
    assert (first_file.metabolic_syndrome, first_file.guidance_level) == (3, 3)
    assert first_file.doctor_judgement == "特記すべき所見なし。"
    assert first_file.doctor_name == "診察\u3000一郎"
    assert first_file.institution_name == "架空健診センター" and first_file.from_file
    assert by_hand.id == manual.id and not by_hand.from_file
    assert by_hand.doctor_judgement == "血圧が高めです。\n医療機関を受診してください。"
    assert by_hand.doctor_name == "手入力\u3000医師"
    assert (by_hand.metabolic_syndrome, by_hand.guidance_level) == (2, 2)
    assert not any(set(r.codes) & HEADER_CODES for r in table.rows)

    # Rows in the paper report's order: groups ascending, 身長 first.
    assert table.rows[0].name == "身長" and table.rows[0].group_name == "身体計測"
    groups = [r.group_no for r in table.rows if r.group_no is not None]
    assert groups == sorted(groups)
    names = [r.name for r in table.rows]
    assert names.index("収縮期血圧(1回目)") < names.index("HDLコレステロール") \
        < names.index("HbA1c(NGSP値)") < names.index("尿糖")

    # One row per analyte: the file's method and the hand entry's その他 code share it.
    hba1c = next(r for r in table.rows if r.name == "HbA1c(NGSP値)")
    assert set(hba1c.codes) == {HBA1C_FILE, HBA1C_OTHER}
    assert table.cell(hba1c.key, first_file.id).code == HBA1C_FILE
    assert table.cell(hba1c.key, by_hand.id).code == HBA1C_OTHER

    # A cell: value as shown and as written, unit, method, judgement with its source.
    ldl = next(r for r in table.rows if LDL_FILE in r.codes)
    cell = table.cell(ldl.key, first_file.id)
    assert cell is not None
    assert (cell.value_display, cell.value_text, cell.unit) == ("132", "132", "mg/dL")
    assert cell.method is not None and "可視" in cell.method
    assert cell.file_flag == "H"
    assert cell.judgement is not None and cell.judgement.flag == "保健指導"
    assert cell.judgement.threshold is not None and cell.judgement.threshold.text == "≥ 120"
    assert "令和6年度版" in cell.judgement.source.citation
    assert not cell.judgement.reference_only
    hand_ldl = table.cell(ldl.key, by_hand.id)
    assert hand_ldl is not None and hand_ldl.judgement.flag == "受診勧奨"

    # Unconfirmed thresholds are marked for 参考; coded urine values are judged by grade.
    hdl = next(r for r in table.rows if r.name == "HDLコレステロール")
    assert table.cell(hdl.key, first_file.id).judgement.reference_only
    protein = next(r for r in table.rows if r.name == "尿蛋白")
    urine = table.cell(protein.key, first_file.id)
    assert (urine.value, urine.value_display) == ("2", "±")
    assert urine.judgement.flag == "保健指導" and urine.number == 1.0
    sugar = next(r for r in table.rows if r.name == "尿糖")
    assert not table.cell(sugar.key, first_file.id).judgement.has_thresholds

    # Display units follow the report (mmHg, not UCUM's mm[Hg]).
    sbp1 = next(r for r in table.rows if r.name == "収縮期血圧(1回目)")
    assert sbp1.unit == "mmHg" and sbp1.judgement_key == "sbp"

    # History oldest first (one point per exam); bands for this person's sex.
    history = table.history(ldl.key)
    assert [c.date for c in history] == [dt.date(2023, 5, 20), dt.date(2024, 6, 3),
                                         dt.date(2025, 6, 2)]
    assert [c.number for c in history][:2] == [151.0, 132.0]
    bands = table.bands(ldl.key)
    assert bands is not None
    assert (bands.guidance.text, bands.referral.text) == ("≥ 120", "≥ 140")
    assert bands.direction == "higher-is-worse" and bands.unit == "mg/dL"
    assert table.bands(next(r.key for r in table.rows if r.name == "身長")) is None
    assert newest.item_count > 20


def test_other_profiles_and_unknown_items(session: Session, taro: Profile) -> None:
    _import(session, "full_period4.xml")
    me = ProfileService(session).get("本人")
    assert CheckupService(session).table(me).exams == ()

    stored = RecordService(session).list(RecordKind.CHECKUPS, [taro])[0]
    assert isinstance(stored, Checkup)
    odd = dataclasses.replace(stored, items=(*stored.items, CheckupItem(
        code="9Z999000000000001", name="独自の項目", value=3.0, value_display="3.0",
        unit="点")))
    table = build_table([odd], taro)
    last = table.rows[-1]
    assert (last.group_no, last.name, last.unit) == (None, "独自の項目", "点")
    assert table.cell(last.key, odd.id).judgement is None


def test_sex_specific_thresholds() -> None:
    profile = Profile(name="x", sex=Sex.FEMALE, birth_date=dt.date(1965, 8, 15))
    checkup = build_checkup(profile, dt.date(2024, 6, 1), [("creatinine", "0.85")])
    table = build_table([checkup], profile)
    row = table.rows[0]
    cell = table.cell(row.key, checkup.id)
    # 血清クレアチニン: female 判定値 (> 0.70 保健指導) from the old prefecture table [single].
    assert cell.judgement.flag == "保健指導" and cell.judgement.reference_only
    assert table.bands(row.key).guidance.text == "> 0.70"
