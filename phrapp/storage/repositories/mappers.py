"""One mapper per record kind: table, columns, and record <-> row conversion.

A mapper knows its kind's time column (for ``--from/--to`` and ordering) and, for
checkups and medications, its child table. SQL text is built only from these
constants, never from user input.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC
from typing import Any, ClassVar

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    BpContext,
    Checkup,
    CheckupItem,
    Drug,
    DrugCodeSystem,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    ItemStatus,
    LabValue,
    MedicationOrigin,
    MedicationRecord,
    Record,
    RecordKind,
    Sex,
    Smoking,
    Steps,
    Weight,
    WeightUnit,
)
from phrapp.domain.time import from_storage, minute_key, offset_minutes, to_utc_text
from phrapp.storage.repositories.rows import day, dumps, from_bool, to_bool, to_day, to_day_required

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ChildTable:
    table: str
    parent_column: str
    columns: tuple[str, ...]


class Mapper:
    """Base mapper. ``time_mode`` is ``instant`` (UTC text column) or ``date`` (local date)."""

    kind: ClassVar[RecordKind]
    table: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]
    time_column: ClassVar[str]
    time_mode: ClassVar[str] = "date"
    #: Only a nullable time column needs the IS NULL branches (they defeat the index).
    time_nullable: ClassVar[bool] = False
    child: ClassVar[ChildTable | None] = None

    def to_row(self, record: Any) -> Row:
        raise NotImplementedError

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        raise NotImplementedError

    def child_rows(self, record: Any) -> list[Row]:
        return []

    def values(self, record: Any) -> list[Any]:
        """The kind's column values in ``columns`` order (bulk inserts; the bulk kinds
        build them without the intermediate dict)."""
        row = self.to_row(record)
        return [row[c] for c in self.columns]


def _instant_values(value: Any) -> tuple[str, int, str, str]:
    """measured_at_utc, utc_offset_min, minute_utc, local_date (the instant columns)."""
    utc = value.astimezone(UTC)
    if utc.year >= 1000:
        # One conversion and one isoformat instead of two astimezone + strftime calls
        # (a bulk import stores a million of these). ``isoformat`` of the naive UTC time
        # is exactly ``to_utc_text`` without its "Z" (seconds, then ".ffffff" only when
        # non-zero), and its first 16 characters are ``minute_key``'s; only ``strftime``'s
        # unpadded %Y below year 1000 differs, which the slow path keeps.
        text = utc.replace(tzinfo=None).isoformat()
        return text + "Z", offset_minutes(value), text[:16] + "Z", value.date().isoformat()
    return (to_utc_text(value), offset_minutes(value), minute_key(value),
            value.date().isoformat())


def _instant_columns(value: Any) -> Row:
    utc_text, offset, minute, local_date = _instant_values(value)
    return {"measured_at_utc": utc_text, "utc_offset_min": offset, "minute_utc": minute,
            "local_date": local_date}


def _instant(row: Row) -> Any:
    return from_storage(row["measured_at_utc"], row["utc_offset_min"])


class BpMapper(Mapper):
    kind = RecordKind.BP
    table = "bp"
    columns = ("measured_at_utc", "utc_offset_min", "minute_utc", "local_date", "systolic",
               "diastolic", "pulse", "context", "irregular", "note")
    time_column = "measured_at_utc"
    time_mode = "instant"

    def values(self, r: BloodPressure) -> list[Any]:
        return [*_instant_values(r.measured_at), r.systolic, r.diastolic, r.pulse,
                r.context.value if r.context else None, int(r.irregular_heartbeat), r.note]

    def to_row(self, r: BloodPressure) -> Row:
        return {**_instant_columns(r.measured_at), "systolic": r.systolic,
                "diastolic": r.diastolic, "pulse": r.pulse,
                "context": r.context.value if r.context else None,
                "irregular": int(r.irregular_heartbeat), "note": r.note}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return BloodPressure(**common, measured_at=_instant(row), systolic=row["systolic"],
                             diastolic=row["diastolic"], pulse=row["pulse"],
                             context=BpContext(row["context"]) if row["context"] else None,
                             irregular_heartbeat=bool(row["irregular"]), note=row["note"])


class WeightMapper(Mapper):
    kind = RecordKind.WEIGHT
    table = "weight"
    columns = ("measured_at_utc", "utc_offset_min", "minute_utc", "local_date", "kg",
               "body_fat_percent", "original_unit")
    time_column = "measured_at_utc"
    time_mode = "instant"

    def values(self, r: Weight) -> list[Any]:
        return [*_instant_values(r.measured_at), r.kg, r.body_fat_percent,
                r.original_unit.value]

    def to_row(self, r: Weight) -> Row:
        return {**_instant_columns(r.measured_at), "kg": r.kg,
                "body_fat_percent": r.body_fat_percent, "original_unit": r.original_unit.value}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return Weight(**common, measured_at=_instant(row), kg=row["kg"],
                      body_fat_percent=row["body_fat_percent"],
                      original_unit=WeightUnit(row["original_unit"]))


class StepsMapper(Mapper):
    kind = RecordKind.STEPS
    table = "steps"
    columns = ("date", "steps")
    time_column = "date"

    def values(self, r: Steps) -> list[Any]:
        return [r.date.isoformat(), r.steps]

    def to_row(self, r: Steps) -> Row:
        return {"date": r.date.isoformat(), "steps": r.steps}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return Steps(**common, date=to_day_required(row["date"]), steps=row["steps"])


class LabMapper(Mapper):
    kind = RecordKind.LABS
    table = "labs"
    columns = ("date", "code", "name", "value", "unit", "facility")
    time_column = "date"

    def to_row(self, r: LabValue) -> Row:
        return {"date": r.date.isoformat(), "code": r.code, "name": r.name, "value": r.value,
                "unit": r.unit, "facility": r.facility}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return LabValue(**common, date=to_day_required(row["date"]), code=row["code"], name=row["name"],
                        value=row["value"], unit=row["unit"], facility=row["facility"])


class CheckupMapper(Mapper):
    kind = RecordKind.CHECKUPS
    table = "checkups"
    columns = ("date", "institution_id", "institution_name", "sex", "birth_date",
               "metabolic_syndrome", "guidance_level", "document_id")
    time_column = "date"
    child = ChildTable("checkup_items", "checkup_id",
                       ("seq", "code", "name", "value_num", "value_text", "value_display",
                        "code_system", "unit", "comparator", "flag", "status", "detail"))

    def to_row(self, r: Checkup) -> Row:
        return {"date": r.date.isoformat(), "institution_id": r.institution_id,
                "institution_name": r.institution_name,
                "sex": r.sex.value if r.sex else None, "birth_date": day(r.birth_date),
                "metabolic_syndrome": r.metabolic_syndrome,
                "guidance_level": r.guidance_level, "document_id": r.document_id}

    def child_rows(self, r: Checkup) -> list[Row]:
        rows = []
        for seq, item in enumerate(r.items):
            number = isinstance(item.value, int | float) and not isinstance(item.value, bool)
            rows.append({"seq": seq, "code": item.code, "name": item.name,
                         "value_num": float(item.value) if number else None,  # type: ignore[arg-type]
                         "value_text": item.value if isinstance(item.value, str) else None,
                         "value_display": item.value_display, "code_system": item.code_system,
                         "unit": item.unit, "comparator": item.comparator, "flag": item.flag,
                         "status": item.status.value,
                         "detail": dumps(item.detail) if item.detail else None})
        return rows

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        items = tuple(
            CheckupItem(code=c["code"], name=c["name"],
                        value=c["value_num"] if c["value_num"] is not None else c["value_text"],
                        value_display=c["value_display"], code_system=c["code_system"],
                        unit=c["unit"], comparator=c["comparator"], flag=c["flag"],
                        status=ItemStatus(c["status"]),
                        detail=json.loads(c["detail"]) if c["detail"] else {})
            for c in children)
        return Checkup(**common, date=to_day_required(row["date"]), institution_id=row["institution_id"],
                       institution_name=row["institution_name"],
                       sex=Sex(row["sex"]) if row["sex"] else None,
                       birth_date=to_day(row["birth_date"]),
                       metabolic_syndrome=row["metabolic_syndrome"],
                       guidance_level=row["guidance_level"], items=items,
                       document_id=row["document_id"])


class MedicationMapper(Mapper):
    kind = RecordKind.MEDICATIONS
    table = "medications"
    columns = ("origin", "dispensed_on", "pharmacy", "prescriber_institution", "doctor", "note")
    time_column = "dispensed_on"
    child = ChildTable("medication_drugs", "medication_id",
                       ("seq", "name", "code", "code_system", "dose", "unit", "usage",
                        "quantity", "quantity_unit", "form", "start", "end"))

    def to_row(self, r: MedicationRecord) -> Row:
        return {"origin": r.origin.value, "dispensed_on": r.dispensed_on.isoformat(),
                "pharmacy": r.pharmacy, "prescriber_institution": r.prescriber_institution,
                "doctor": r.doctor, "note": r.note}

    def child_rows(self, r: MedicationRecord) -> list[Row]:
        return [{"seq": seq, "name": d.name, "code": d.code,
                 "code_system": d.code_system.value if d.code_system else None,
                 "dose": d.dose, "unit": d.unit, "usage": d.usage, "quantity": d.quantity,
                 "quantity_unit": d.quantity_unit, "form": d.form, "start": day(d.start),
                 "end": day(d.end)} for seq, d in enumerate(r.drugs)]

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        drugs = tuple(
            Drug(name=c["name"], code=c["code"],
                 code_system=DrugCodeSystem(c["code_system"]) if c["code_system"] else None,
                 dose=c["dose"], unit=c["unit"], usage=c["usage"], quantity=c["quantity"],
                 quantity_unit=c["quantity_unit"], form=c["form"], start=to_day(c["start"]),
                 end=to_day(c["end"]))
            for c in children)
        return MedicationRecord(**common, origin=MedicationOrigin(row["origin"]),
                                dispensed_on=to_day_required(row["dispensed_on"]),
                                pharmacy=row["pharmacy"],
                                prescriber_institution=row["prescriber_institution"],
                                doctor=row["doctor"], drugs=drugs, note=row["note"])


class AllergyMapper(Mapper):
    kind = RecordKind.ALLERGIES
    table = "allergies"
    columns = ("kind", "text", "recorded_on")
    time_column = "recorded_on"
    time_nullable = True

    def to_row(self, r: Allergy) -> Row:
        return {"kind": r.kind.value, "text": r.text, "recorded_on": day(r.recorded_on)}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return Allergy(**common, kind=AllergyKind(row["kind"]), text=row["text"],
                       recorded_on=to_day(row["recorded_on"]))


class ImmunizationMapper(Mapper):
    kind = RecordKind.IMMUNIZATIONS
    table = "immunizations"
    columns = ("date", "vaccine", "code", "code_system", "dose_number", "lot", "place")
    time_column = "date"

    def to_row(self, r: Immunization) -> Row:
        return {"date": r.date.isoformat(), "vaccine": r.vaccine, "code": r.code,
                "code_system": r.code_system, "dose_number": r.dose_number, "lot": r.lot,
                "place": r.place}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return Immunization(**common, date=to_day_required(row["date"]), vaccine=row["vaccine"],
                            code=row["code"], code_system=row["code_system"],
                            dose_number=row["dose_number"], lot=row["lot"], place=row["place"])


_BACKGROUND_FLAGS = ("on_bp_drugs", "on_glucose_drugs", "on_lipid_drugs", "diabetes", "ckd",
                     "pad", "cad_or_stroke", "family_history_cad")


class BackgroundMapper(Mapper):
    kind = RecordKind.BACKGROUND
    table = "background"
    columns = ("date", "smoking", *_BACKGROUND_FLAGS)
    time_column = "date"

    def to_row(self, r: HealthBackground) -> Row:
        row: Row = {"date": r.date.isoformat(), "smoking": r.smoking.value if r.smoking else None}
        for flag in _BACKGROUND_FLAGS:
            row[flag] = from_bool(getattr(r, flag))
        return row

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        flags: dict[str, Any] = {flag: to_bool(row[flag]) for flag in _BACKGROUND_FLAGS}
        return HealthBackground(**common, date=to_day_required(row["date"]),
                                smoking=Smoking(row["smoking"]) if row["smoking"] else None,
                                **flags)


class VisitMapper(Mapper):
    kind = RecordKind.VISITS
    table = "visits"
    columns = ("date", "facility", "item_code", "note")
    time_column = "date"

    def to_row(self, r: FollowUpVisit) -> Row:
        return {"date": r.date.isoformat(), "facility": r.facility, "item_code": r.item_code,
                "note": r.note}

    def from_row(self, common: dict[str, Any], row: Row, children: list[Row]) -> Record:
        return FollowUpVisit(**common, date=to_day_required(row["date"]), facility=row["facility"],
                             item_code=row["item_code"], note=row["note"])


MAPPERS: dict[RecordKind, Mapper] = {
    m.kind: m for m in (
        BpMapper(), WeightMapper(), StepsMapper(), LabMapper(), CheckupMapper(),
        MedicationMapper(), AllergyMapper(), ImmunizationMapper(), BackgroundMapper(),
        VisitMapper(),
    )
}
