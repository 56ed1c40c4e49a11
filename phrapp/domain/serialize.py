"""Records to the CONTRACT §4 JSON shapes (pure; the CLI and the clinic side use it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from phrapp.domain.records import (
    Allergy,
    BloodPressure,
    Checkup,
    CheckupItem,
    Drug,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    LabValue,
    MedicationRecord,
    Profile,
    Record,
    Source,
    Steps,
    Weight,
)
from phrapp.domain.time import iso_with_offset

JsonDict = dict[str, Any]


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def source_json(source: Source) -> JsonDict:
    device = None
    if source.device is not None:
        device = {
            "maker": source.device.maker,
            "model": source.device.model,
            "serial": source.device.serial,
        }
    return {"app": source.app, "device": device, "batch": source.batch}


def common_json(record: Record, profile_name: str) -> JsonDict:
    return {
        "id": record.id,
        "profile": profile_name,
        "provenance": record.provenance.value,
        "source": source_json(record.source),
        "created_at": _utc(record.created_at),
        "updated_at": _utc(record.updated_at),
    }


def _number(value: float) -> float | int:
    """Whole numbers print as integers (``70`` not ``70.0``); others keep their decimals."""
    return int(value) if float(value).is_integer() else value


def to_json(record: Record, profile_name: str, *, primary: bool | None = None) -> JsonDict:
    """The CONTRACT §4 object for ``record``. ``primary`` is needed for steps."""
    out = common_json(record, profile_name)
    if isinstance(record, BloodPressure):
        out.update(
            measured_at=iso_with_offset(record.measured_at),
            systolic=record.systolic,
            diastolic=record.diastolic,
            pulse=record.pulse,
            context=record.context.value if record.context else None,
            slot=record.slot.value,
            irregular_heartbeat=record.irregular_heartbeat,
            note=record.note,
        )
    elif isinstance(record, Weight):
        out.update(
            measured_at=iso_with_offset(record.measured_at),
            kg=record.kg,
            body_fat_percent=record.body_fat_percent,
            original_unit=record.original_unit.value,
        )
    elif isinstance(record, Steps):
        out.update(date=record.date.isoformat(), steps=record.steps, primary=bool(primary))
    elif isinstance(record, LabValue):
        out.update(
            date=record.date.isoformat(),
            code=record.code,
            name=record.name,
            value=_number(record.value),
            unit=record.unit,
            facility=record.facility,
        )
    elif isinstance(record, Checkup):
        out.update(
            date=record.date.isoformat(),
            institution={"id": record.institution_id, "name": record.institution_name},
            sex=record.sex.value if record.sex else None,
            birth_date=_day(record.birth_date),
            metabolic_syndrome=record.metabolic_syndrome,
            guidance_level=record.guidance_level,
            items=[_item_json(item) for item in record.items],
        )
    elif isinstance(record, MedicationRecord):
        out.update(
            origin=record.origin.value,
            dispensed_on=record.dispensed_on.isoformat(),
            pharmacy=record.pharmacy,
            prescriber_institution=record.prescriber_institution,
            doctor=record.doctor,
            drugs=[_drug_json(d) for d in record.drugs],
        )
    elif isinstance(record, Allergy):
        out.update(kind=record.kind.value, text=record.text, recorded_on=_day(record.recorded_on))
    elif isinstance(record, Immunization):
        out.update(
            date=record.date.isoformat(),
            vaccine=record.vaccine,
            code=record.code,
            code_system=record.code_system,
            dose_number=record.dose_number,
            lot=record.lot,
            place=record.place,
        )
    elif isinstance(record, HealthBackground):
        out.update(
            date=record.date.isoformat(),
            smoking=record.smoking.value if record.smoking else None,
            on_bp_drugs=record.on_bp_drugs,
            on_glucose_drugs=record.on_glucose_drugs,
            on_lipid_drugs=record.on_lipid_drugs,
            diabetes=record.diabetes,
            ckd=record.ckd,
            pad=record.pad,
            cad_or_stroke=record.cad_or_stroke,
            family_history_cad=record.family_history_cad,
        )
    elif isinstance(record, FollowUpVisit):
        out.update(
            date=record.date.isoformat(),
            facility=record.facility,
            item_code=record.item_code,
            note=record.note,
        )
    else:  # pragma: no cover
        raise TypeError(type(record).__name__)
    return out


def _item_json(item: CheckupItem) -> JsonDict:
    value: float | int | str | None = item.value
    if isinstance(value, float):
        value = _number(value)
    return {
        "code": item.code,
        "name": item.name,
        "value": value,
        "value_display": item.value_display,
        "code_system": item.code_system,
        "unit": item.unit,
        "comparator": item.comparator,
        "flag": item.flag,
        "status": item.status.value,
    }


def _drug_json(drug: Drug) -> JsonDict:
    return {
        "name": drug.name,
        "code": drug.code,
        "code_system": drug.code_system.value if drug.code_system else None,
        "dose": _number(drug.dose) if drug.dose is not None else None,
        "unit": drug.unit,
        "usage": drug.usage,
        "quantity": _number(drug.quantity) if drug.quantity is not None else None,
        "quantity_unit": drug.quantity_unit,
        "form": drug.form,
        "start": _day(drug.start),
        "end": _day(drug.end),
    }


def profile_json(profile: Profile, *, active: bool = False) -> JsonDict:
    """A profile as ``profile list --json`` prints it."""
    return {
        "id": profile.id,
        "name": profile.name,
        "sex": profile.sex.value if profile.sex else None,
        "birth_date": _day(profile.birth_date),
        "zone": profile.home_zone,
        "name_kana": profile.name_kana,
        "active": active,
    }
