"""The clinic report from domain records (CDA and JAHIS input, parsed without a vault).

Counts are by record kind (CONTRACT §4). A medicine's ``status`` follows the FHIR
export convention (specs/fhir.md §4): ``active`` when its supply ends today or later,
``completed`` when earlier, ``unknown`` without an end date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from phrapp.clinic.fhir_summary import home_bp
from phrapp.clinic.report import ClinicReport, JsonDict, json_number, widen_period
from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    BloodPressure,
    Checkup,
    Immunization,
    MedicationRecord,
    Record,
    Steps,
    Weight,
    kind_of,
)
from phrapp.domain.time import DEFAULT_ZONE, iso_with_offset, today_in

#: Checkup item flags counted in ``checkups[].flags``.
FLAGS = frozenset({"H", "L", "A"})


def summarise_records(records: list[Record], persons: list[PersonInfo],
                      report: ClinicReport, *, home_zone: str = DEFAULT_ZONE) -> None:
    """Fill ``report`` from parsed records and the persons the file names."""
    if persons:
        p = persons[0]
        report.patient = {"name": p.name, "name_kana": p.name_kana,
                          "sex": p.sex.value if p.sex else None,
                          "birth_date": p.birth_date.isoformat() if p.birth_date else None}
    counts: dict[str, int] = defaultdict(int)
    today = today_in(home_zone)
    readings: list[BloodPressure] = []
    meds: list[tuple[str, JsonDict]] = []
    imms: list[tuple[str, JsonDict]] = []
    checkups: list[JsonDict] = []
    latest: JsonDict = {"bp": None, "weight": None, "steps": None}
    for record in records:
        counts[kind_of(record).value] += 1
        if isinstance(record, Checkup):
            widen_period(report, record.date)
            flags = sum(1 for item in record.items if item.flag in FLAGS)
            checkups.append({"date": record.date.isoformat(), "flags": flags})
            if report.patient["sex"] is None and record.sex is not None:
                report.patient["sex"] = record.sex.value
            if report.patient["birth_date"] is None and record.birth_date is not None:
                report.patient["birth_date"] = record.birth_date.isoformat()
        elif isinstance(record, MedicationRecord):
            widen_period(report, record.dispensed_on)
            for drug in record.drugs:
                status = "unknown" if drug.end is None else (
                    "active" if drug.end >= today else "completed")
                meds.append((record.dispensed_on.isoformat(),
                             {"name": drug.name, "code": drug.code, "status": status}))
        elif isinstance(record, Immunization):
            widen_period(report, record.date)
            imms.append((record.date.isoformat(), {
                "date": record.date.isoformat(), "vaccine": record.vaccine,
                "code": record.code, "code_system": record.code_system,
                "dose_number": record.dose_number, "lot": record.lot, "place": record.place,
                "status": "completed"}))
        elif isinstance(record, BloodPressure):
            widen_period(report, record.measured_at.date())
            readings.append(record)
            if latest["bp"] is None or record.measured_at >= _at(latest["bp"]):
                latest["bp"] = {"measured_at": iso_with_offset(record.measured_at),
                                "systolic": record.systolic, "diastolic": record.diastolic}
        elif isinstance(record, Weight):
            widen_period(report, record.measured_at.date())
            if latest["weight"] is None or record.measured_at >= _at(latest["weight"]):
                latest["weight"] = {"measured_at": iso_with_offset(record.measured_at),
                                    "kg": json_number(record.kg)}
        elif isinstance(record, Steps):
            widen_period(report, record.date)
            current = latest["steps"]
            if current is None or (record.date.isoformat(), record.steps) > (
                    current["date"], current["steps"]):
                latest["steps"] = {"date": record.date.isoformat(), "steps": record.steps}
    report.counts = dict(counts)
    report.latest = latest
    report.home_bp = home_bp(readings)
    report.medications = [m for _, m in sorted(meds, key=lambda p: p[0])]
    report.immunizations = [i for _, i in sorted(imms, key=lambda p: p[0])]
    report.checkups = sorted(checkups, key=lambda c: str(c["date"]))


def _at(item: JsonDict) -> dt.datetime:
    return dt.datetime.fromisoformat(str(item["measured_at"]))


__all__ = ["summarise_records"]
