"""Plausibility checks for every record kind.

Two bands per value: outside ``possible`` the value is refused (a typo or a unit
mix-up such as lb typed as kg); outside ``usual`` it is stored with a warning so the
user can double-check. Ranges are deliberately wide: they catch impossible entries,
they do not judge health (that is ``domain.risk``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from phrapp.domain.records import (
    Allergy,
    BloodPressure,
    Checkup,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    LabValue,
    MedicationRecord,
    Record,
    Steps,
    Weight,
)
from phrapp.domain.time import utc_now


@dataclass(frozen=True, slots=True)
class Range:
    """Refuse outside [possible_lo, possible_hi]; warn outside [usual_lo, usual_hi]."""

    possible_lo: float
    possible_hi: float
    usual_lo: float
    usual_hi: float
    unit: str


# One table for every plausibility band (field -> Range).
RANGES: dict[str, Range] = {
    "systolic": Range(40, 300, 70, 250, "mmHg"),
    "diastolic": Range(20, 200, 35, 150, "mmHg"),
    "pulse": Range(20, 300, 35, 180, "/min"),
    "kg": Range(0.5, 400, 10, 200, "kg"),
    "body_fat_percent": Range(1, 80, 3, 60, "%"),
    "steps": Range(0, 150_000, 0, 60_000, "steps"),
    "lab_value": Range(0, 100_000, 0, 100_000, ""),
}

ITEM_CODE = re.compile(r"^[0-9A-Z]{17}$")
EARLIEST = dt.date(1900, 1, 1)
# A reading may come from a device whose clock runs a little ahead; a day is impossible.
FUTURE_TOLERANCE = dt.timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Issue:
    """A validation finding: ``error`` refuses the record, ``warning`` only informs.

    ``code`` is stable for translation (the message is English for logs and the CLI):
    ``impossible``, ``unusual``, ``not-a-number``, ``no-zone``, ``too-old``, ``future``,
    ``order`` (systolic ≤ diastolic, end before start), ``required``, ``format``.
    """

    field: str
    message: str
    severity: str  # "error" | "warning"
    code: str = ""


def check_range(field: str, value: float, range_key: str | None = None) -> Iterator[Issue]:
    """Yield issues for ``value`` against the table entry ``range_key`` (default ``field``)."""
    band = RANGES[range_key or field]
    if not math.isfinite(value):
        yield Issue(field, f"{field} is not a number", "error", "not-a-number")
        return
    if not band.possible_lo <= value <= band.possible_hi:
        yield Issue(
            field,
            f"{field} {value:g} {band.unit} is outside the possible range "
            f"{band.possible_lo:g}–{band.possible_hi:g}",
            "error",
            "impossible",
        )
    elif not band.usual_lo <= value <= band.usual_hi:
        yield Issue(field, f"{field} {value:g} {band.unit} is unusual; please check it", "warning",
                    "unusual")


def _check_instant(field: str, value: dt.datetime, now: dt.datetime) -> Iterator[Issue]:
    if value.tzinfo is None:
        yield Issue(field, f"{field} has no time zone", "error", "no-zone")
        return
    if value.date() < EARLIEST:
        yield Issue(field, f"{field} is before 1900", "error", "too-old")
    elif value - now > FUTURE_TOLERANCE:
        yield Issue(field, f"{field} is in the future", "error", "future")


def _check_date(field: str, value: dt.date, now: dt.datetime) -> Iterator[Issue]:
    if value < EARLIEST:
        yield Issue(field, f"{field} is before 1900", "error", "too-old")
    elif value > (now + FUTURE_TOLERANCE).date():
        yield Issue(field, f"{field} is in the future", "error", "future")


def validate(record: Record, now: dt.datetime | None = None) -> list[Issue]:
    """All issues for one record (empty list = fine)."""
    now = now or utc_now()
    return list(_validate(record, now))


def errors_of(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "error"]


def warnings_of(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == "warning"]


def _validate(record: Record, now: dt.datetime) -> Iterator[Issue]:
    if isinstance(record, BloodPressure):
        yield from _check_instant("measured_at", record.measured_at, now)
        yield from check_range("systolic", record.systolic)
        yield from check_range("diastolic", record.diastolic)
        if record.pulse is not None:
            yield from check_range("pulse", record.pulse)
        if record.systolic <= record.diastolic:
            yield Issue("systolic", "systolic must be higher than diastolic", "error", "order")
    elif isinstance(record, Weight):
        yield from _check_instant("measured_at", record.measured_at, now)
        yield from check_range("kg", record.kg)
        if record.body_fat_percent is not None:
            yield from check_range("body_fat_percent", record.body_fat_percent)
    elif isinstance(record, Steps):
        yield from _check_date("date", record.date, now)
        yield from check_range("steps", record.steps)
    elif isinstance(record, LabValue):
        yield from _check_date("date", record.date, now)
        yield from _check_code("code", record.code)
        yield from check_range("value", record.value, "lab_value")
    elif isinstance(record, Checkup):
        yield from _check_date("date", record.date, now)
        for item in record.items:
            yield from _check_code("items.code", item.code)
            if isinstance(item.value, float) and not math.isfinite(item.value):
                yield Issue("items.value", f"item {item.code} is not a number", "error",
                            "not-a-number")
    elif isinstance(record, MedicationRecord):
        yield from _check_date("dispensed_on", record.dispensed_on, now)
        if not record.drugs:
            yield Issue("drugs", "a medication record needs at least one drug", "error",
                        "required")
        for drug in record.drugs:
            if not drug.name.strip():
                yield Issue("drugs.name", "a drug needs a name", "error", "required")
            if drug.start and drug.end and drug.end < drug.start:
                yield Issue("drugs.end", "end date is before start date", "error", "order")
    elif isinstance(record, Allergy):
        if not record.text.strip():
            yield Issue("text", "the allergy text is empty", "error", "required")
        if record.recorded_on is not None:
            yield from _check_date("recorded_on", record.recorded_on, now)
    elif isinstance(record, Immunization):
        yield from _check_date("date", record.date, now)
        if not record.vaccine.strip():
            yield Issue("vaccine", "the vaccine name is empty", "error", "required")
        if record.dose_number is not None and not 1 <= record.dose_number <= 20:
            yield Issue("dose_number", "dose number must be 1–20", "error", "impossible")
    elif isinstance(record, HealthBackground | FollowUpVisit):
        yield from _check_date("date", record.date, now)
    else:  # pragma: no cover - every kind is listed above
        raise TypeError(f"no validation for {type(record).__name__}")


def _check_code(field: str, code: str) -> Iterator[Issue]:
    if not ITEM_CODE.match(code):
        yield Issue(field, f"{code!r} is not a 17-character item code", "error", "format")

