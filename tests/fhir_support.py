"""A profile and one record of every FHIR-exported kind (shared by the FHIR tests)."""

from __future__ import annotations

import datetime as dt

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
    Source,
    Steps,
    Weight,
    WeightUnit,
)

JST = dt.timezone(dt.timedelta(hours=9))


def profile() -> Profile:
    return Profile(name="山田　太郎", sex=Sex.MALE, birth_date=dt.date(1960, 4, 2),
                   name_kana="ヤマダ タロウ")


def records(p: Profile) -> dict[RecordKind, list[Record]]:
    omron = Source(app="omron-connect", device=Device("OMRON", "HEM-7600T", "S1"))
    return {
        RecordKind.BP: [
            BloodPressure(profile_id=p.id, provenance=Provenance.DEVICE, source=omron,
                          measured_at=dt.datetime(2024, 12, 1, 6, 42, tzinfo=JST),
                          systolic=131, diastolic=84, pulse=70, context=BpContext.MORNING,
                          irregular_heartbeat=True, note="起床後"),
            BloodPressure(profile_id=p.id, measured_at=dt.datetime(
                2024, 12, 1, 21, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
                systolic=120, diastolic=75),
        ],
        RecordKind.WEIGHT: [
            Weight(profile_id=p.id, measured_at=dt.datetime(2024, 12, 1, 6, 50, tzinfo=JST),
                   kg=70.2, body_fat_percent=21.5, provenance=Provenance.DEVICE_EDITED,
                   source=Source(app="tanita-health-planet",
                                 device=Device("TANITA", "01000144", None))),
            Weight(profile_id=p.id, measured_at=dt.datetime(2024, 12, 2, 7, 0, tzinfo=JST),
                   kg=70.31, original_unit=WeightUnit.LB),
        ],
        RecordKind.STEPS: [Steps(profile_id=p.id, date=dt.date(2024, 12, 1), steps=8012,
                                 provenance=Provenance.DEVICE, source=Source(app="kokan-csv"))],
        RecordKind.LABS: [LabValue(profile_id=p.id, date=dt.date(2024, 11, 1),
                                   code="3D046000001920402", name="HbA1c", value=5.8,
                                   unit="%", facility="山田内科")],
        RecordKind.CHECKUPS: [Checkup(
            profile_id=p.id, provenance=Provenance.CHECKUP, date=dt.date(2024, 6, 10),
            institution_id="1311234567", institution_name="みなと健診センター",
            sex=Sex.MALE, birth_date=dt.date(1960, 4, 2), metabolic_syndrome=2,
            guidance_level=3, items=(
                CheckupItem(code="9N006000000000001", name="体重", value=70.0, unit="kg",
                            value_display="70.0", detail={"value_text": "70.0"}),
                CheckupItem(code="3F015000002327101", name="中性脂肪", value=1000.0,
                            unit="mg/dL", comparator=">=", flag="H"),
                CheckupItem(code="1A020000000190111", name="尿糖", value="1",
                            code_system="1.2.392.200119.6.2101", value_display="－"),
                CheckupItem(code="9N501000000000011", name="メタボリックシンドローム判定",
                            value="2", code_system="1.2.392.200119.6.2001",
                            value_display="予備群該当"),
                CheckupItem(code="9N091000000000011", name="既往歴", value=None,
                            status=ItemStatus.NOT_PERFORMED),
                CheckupItem(code="9N511000000000049", name="医師の判断", value="異常なし",
                            detail={"author": {"name": "健診　医師"}}),
            ))],
        RecordKind.MEDICATIONS: [MedicationRecord(
            profile_id=p.id, provenance=Provenance.IMPORT, origin=MedicationOrigin.DISPENSING,
            dispensed_on=dt.date(2024, 12, 1), pharmacy="さくら薬局",
            prescriber_institution="山田内科", doctor="山田一郎", note="食後に",
            drugs=(
                Drug(name="アムロジピン錠5mg", code="2171022F1022",
                     code_system=DrugCodeSystem.YJ, dose=1, unit="錠", usage="1日1回朝食後",
                     quantity=28, quantity_unit="日分", form="内服",
                     start=dt.date(2024, 12, 1), end=dt.date(2024, 12, 28)),
                Drug(name="ロキソプロフェン錠60mg", code="620098801",
                     code_system=DrugCodeSystem.HOT, dose=1, unit="錠", usage="疼痛時",
                     quantity=10, quantity_unit="回分", form="頓服"),
                Drug(name="湿布", code="123456789", code_system=DrugCodeSystem.RECEIPT),
            ))],
        RecordKind.IMMUNIZATIONS: [Immunization(
            profile_id=p.id, date=dt.date(2024, 10, 1), vaccine="インフルエンザHAワクチン",
            code="123456701", code_system="hot9", dose_number=1, lot="A123",
            place="山田内科")],
        RecordKind.ALLERGIES: [
            Allergy(profile_id=p.id, kind=AllergyKind.ALLERGY, text="ペニシリン",
                    recorded_on=dt.date(2020, 1, 1)),
            Allergy(profile_id=p.id, kind=AllergyKind.ADVERSE_REACTION, text="ロキソニンで発疹"),
            Allergy(profile_id=p.id, kind=AllergyKind.HISTORY, text="高血圧症"),
        ],
    }
