"""CSV export (``--format csv``; specs/devices.md §2.4, security.md T12).

One file per kind, UTF-8 with BOM (Excel opens it as UTF-8), CRLF, every field quoted
(``QUOTE_ALL``), numbers written plainly (``.`` decimal, no exponent, no separators).

Home vitals use the 健康情報等交換規約 physical names (devices.md §2.2, in that order,
then phrapp's columns), so ``bp.csv``, ``weight.csv``, ``steps.csv`` and ``hba1c.csv``
re-import through the ``kokan-csv`` importer:

* ``observation_time`` is the local wall clock **in the profile's home zone**
  (``yyyyMMddHHmmss``; the importer reads it in the home zone, so the instant is kept);
  ``offset`` holds the reading's own UTC offset (``+09:00``) and ``id`` the phrapp id.
* the 交換規約 has one HbA1c record and no other lab; ``labs.csv`` therefore lists every
  lab in phrapp's own columns, and ``hba1c.csv`` repeats the HbA1c rows (code
  ``COMMON_LABS["hba1c"]``) in the 交換規約 layout — written only when there are some.
* steps are daily totals: ``observation_time`` is the date with ``000000``.

Other kinds flatten the CONTRACT §4 keys: ``checkups.csv`` has one row per item with the
exam's header columns repeated; ``medications.csv`` one row per drug. A checkup without
items or a medication record without drugs still gets one row.

CSV injection (T12): a *text* cell starting with ``= + - @``, tab or CR, or with the
full-width ``＝ ＋ － ＠``, gets a leading ``'``. Numbers are written from numeric values
and never escaped, so ``-3.5`` stays a number. (This also escapes ``offset`` values
such as ``'+09:00``, which are text.)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from phrapp.domain.codes.checkup_items import COMMON_LABS
from phrapp.domain.records import (
    Allergy,
    BloodPressure,
    Checkup,
    CheckupItem,
    Drug,
    HealthBackground,
    Immunization,
    LabValue,
    MedicationRecord,
    Provenance,
    Record,
    RecordKind,
    Steps,
    Weight,
)
from phrapp.domain.time import zone
from phrapp.io.exporters.base import ExportData, Exporter, ExportRequest, Progress, Sink

#: First characters a spreadsheet treats as the start of a formula (T12).
FORMULA_START = frozenset("=+-@\t\r＝＋－＠")
HBA1C_CODE = COMMON_LABS["hba1c"]
DAILY_MINUTES = 1440  # total_active_duration of a daily total (required by the 規約)

Cell = str | int | float | bool | None


class Num:
    """A cell that is a number: written plainly and never escaped."""

    __slots__ = ("value",)

    def __init__(self, value: int | float) -> None:
        self.value = value

    def __str__(self) -> str:
        value = self.value
        if isinstance(value, bool):  # pragma: no cover - guarded by callers
            raise TypeError("bool is not a number cell")
        if isinstance(value, int):
            return str(value)
        if value.is_integer():
            return str(int(value))
        # repr() is the shortest round-tripping form; Decimal removes any exponent.
        return format(Decimal(repr(value)), "f")


def escape_text(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    if text and text[0] in FORMULA_START:
        return "'" + text
    return text


def render(value: Cell | Num) -> str:
    """One cell: numbers plain, booleans ``true``/``false``, None empty, text escaped."""
    if value is None:
        return ""
    if isinstance(value, Num):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(Num(value))
    return escape_text(value)


def _num(value: int | float | None) -> Num | None:
    return None if value is None else Num(value)


def _offset(value: dt.datetime) -> str:
    offset = value.utcoffset()
    assert offset is not None, "instants are aware"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Writer:
    """A csv writer with the T12 dialect over one sink file."""

    def __init__(self, columns: Sequence[str]) -> None:
        self.buffer = io.StringIO(newline="")
        self.columns = tuple(columns)
        self.writer = csv.writer(self.buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        self.writer.writerow(self.columns)

    def row(self, values: dict[str, Cell | Num]) -> None:
        unknown = set(values) - set(self.columns)
        if unknown:  # pragma: no cover - a programming error
            raise KeyError(sorted(unknown))
        self.writer.writerow([render(values.get(name)) for name in self.columns])

    def flush_to(self, chunk: Callable[[bytes], object]) -> None:
        chunk(self.buffer.getvalue().encode("utf-8"))
        self.buffer.seek(0)
        self.buffer.truncate()


# --- column layouts --------------------------------------------------------------------

DEVICE_COLUMNS = ("model_manufacturer_code", "model_number", "production_specification_serial")
#: phrapp columns appended to every file (CONTRACT §4 common keys, flattened).
COMMON_TAIL = ("id", "profile", "provenance", "source_app", "device_maker", "device_model",
               "device_serial", "created_at", "updated_at")
#: The device columns repeat the record's device exactly (empty when it has none),
#: because the 交換規約 columns must be filled even for hand entry.
VITAL_TAIL = ("offset", "id", "profile", "provenance", "source_app", "device_maker",
              "device_model", "device_serial", "created_at", "updated_at")

BP_COLUMNS = ("observation_time", "systolic", "diastolic", "pulse", *DEVICE_COLUMNS,
              "data_input_code", "origin_of_time_code", "update_time", *VITAL_TAIL,
              "context", "slot", "irregular_heartbeat", "note", "time_known")
WEIGHT_COLUMNS = ("observation_time", "weight", *DEVICE_COLUMNS, "data_input_code",
                  "origin_of_time_code", "update_time", *VITAL_TAIL, "body_fat_percent",
                  "original_unit", "time_known")
STEPS_COLUMNS = ("observation_time", "step", "walk_time", "moderate_intensity_activity",
                 "calories", "total_calories", *DEVICE_COLUMNS, "total_active_duration",
                 "data_input_code", "measurement_position_code", "origin_of_time_code",
                 "update_time", "id", "profile", "provenance", "source_app", "device_maker",
                 "device_model", "device_serial", "created_at", "updated_at", "date",
                 "primary")
HBA1C_COLUMNS = ("observation_time", "hba1c", *DEVICE_COLUMNS, "data_input_code",
                 "origin_of_time_code", "update_time", "id", "profile", "provenance",
                 "source_app", "device_maker", "device_model", "device_serial", "created_at",
                 "updated_at", "date", "facility")
LAB_COLUMNS = ("date", "code", "name", "value", "unit", "facility", *COMMON_TAIL)
CHECKUP_COLUMNS = ("date", "institution_id", "institution_name", "sex", "birth_date",
                   "metabolic_syndrome", "guidance_level", "item_code", "item_name",
                   "value", "value_display", "code_system", "unit", "comparator", "flag",
                   "status", *COMMON_TAIL)
MEDICATION_COLUMNS = ("origin", "dispensed_on", "pharmacy", "prescriber_institution",
                      "doctor", "note", "drug_name", "drug_code", "drug_code_system", "dose",
                      "unit", "usage", "quantity", "quantity_unit", "form", "start", "end",
                      *COMMON_TAIL)
ALLERGY_COLUMNS = ("kind", "text", "recorded_on", *COMMON_TAIL)
IMMUNIZATION_COLUMNS = ("date", "vaccine", "code", "code_system", "dose_number", "lot",
                        "place", *COMMON_TAIL)
BACKGROUND_COLUMNS = ("date", "smoking", "on_bp_drugs", "on_glucose_drugs", "on_lipid_drugs",
                      "diabetes", "ckd", "pad", "cad_or_stroke", "family_history_cad",
                      *COMMON_TAIL)

#: 交換規約 data_input_code per provenance (devices.md §1). Records from other files or
#: checkups were not typed into phrapp; they count as system input when a device is
#: known, else as manual entry.
_INPUT_CODE = {Provenance.DEVICE: "0", Provenance.MANUAL: "1", Provenance.DEVICE_EDITED: "2"}


class CsvExporter(Exporter):
    """``csv``: one CSV per kind (see the module doc)."""

    slug: ClassVar[str] = "csv"
    kinds: ClassVar[tuple[RecordKind, ...]] = (
        RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS,
        RecordKind.CHECKUPS, RecordKind.MEDICATIONS, RecordKind.ALLERGIES,
        RecordKind.IMMUNIZATIONS, RecordKind.BACKGROUND)
    plaintext: ClassVar[bool] = True
    single_file: ClassVar[bool] = False
    suffix: ClassVar[str] = ".csv"

    def emit(self, request: ExportRequest, data: ExportData, sink: Sink,
             progress: Progress | None = None) -> dict[str, int]:
        """Write one CSV per requested kind; counts are records (not rows) per kind."""
        rows = _Rows(data)
        kinds = [kind for kind in self.kinds if kind in request.kinds]
        total = sum(len(data.of(kind)) for kind in kinds)
        done = 0
        counts: dict[str, int] = {}
        for kind in kinds:
            records = data.of(kind)
            files = rows.files(kind, records)
            for name, columns, produce in files:
                with sink.open(name) as handle:
                    writer = _Writer(columns)
                    handle.write(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
                    for index, values in enumerate(produce()):
                        writer.row(values)
                        if index % 1000 == 999:
                            writer.flush_to(handle.write)
                    writer.flush_to(handle.write)
            counts[kind.value] = len(records)
            done += len(records)
            if progress is not None:
                progress(done, total)
        return counts


_Produce = Callable[[], Iterable[dict[str, Cell | Num]]]


class _Rows:
    """Row builders per kind, bound to one export's profile and data."""

    def __init__(self, data: ExportData) -> None:
        self.data = data
        self.profile = data.profile.name
        self.home = zone(data.profile.home_zone)

    def files(self, kind: RecordKind,
              records: list[Record]) -> list[tuple[str, Sequence[str], _Produce]]:
        def each(build: Callable[[Any], Iterable[dict[str, Cell | Num]]],
                 chosen: Sequence[Record]) -> _Produce:
            return lambda: (row for record in chosen for row in build(record))

        if kind is RecordKind.BP:
            return [("bp.csv", BP_COLUMNS, each(self.bp, records))]
        if kind is RecordKind.WEIGHT:
            return [("weight.csv", WEIGHT_COLUMNS, each(self.weight, records))]
        if kind is RecordKind.STEPS:
            return [("steps.csv", STEPS_COLUMNS, each(self.steps, records))]
        if kind is RecordKind.LABS:
            out: list[tuple[str, Sequence[str], _Produce]] = [
                ("labs.csv", LAB_COLUMNS, each(self.lab, records))]
            hba1c = [r for r in records if isinstance(r, LabValue) and r.code == HBA1C_CODE]
            if hba1c:
                out.append(("hba1c.csv", HBA1C_COLUMNS, each(self.hba1c, hba1c)))
            return out
        if kind is RecordKind.CHECKUPS:
            return [("checkups.csv", CHECKUP_COLUMNS, each(self.checkup, records))]
        if kind is RecordKind.MEDICATIONS:
            return [("medications.csv", MEDICATION_COLUMNS, each(self.medication, records))]
        if kind is RecordKind.ALLERGIES:
            return [("allergies.csv", ALLERGY_COLUMNS, each(self.allergy, records))]
        if kind is RecordKind.IMMUNIZATIONS:
            return [("immunizations.csv", IMMUNIZATION_COLUMNS,
                     each(self.immunization, records))]
        if kind is RecordKind.BACKGROUND:
            return [("background.csv", BACKGROUND_COLUMNS, each(self.background, records))]
        raise ValueError(f"csv export does not cover {kind.value}")  # pragma: no cover

    # --- shared pieces --------------------------------------------------------------

    def common(self, record: Record) -> dict[str, Cell | Num]:
        device = record.source.device
        return {"id": record.id, "profile": self.profile,
                "provenance": record.provenance.value, "source_app": record.source.app,
                "device_maker": device.maker if device else None,
                "device_model": device.model if device else None,
                "device_serial": device.serial if device else None,
                "created_at": _utc(record.created_at), "updated_at": _utc(record.updated_at)}

    def kokan(self, record: Record, observed: dt.datetime | dt.date) -> dict[str, Cell | Num]:
        """The 交換規約 columns every kind shares (devices.md §2.2)."""
        if isinstance(observed, dt.datetime):
            local = observed.astimezone(self.home)
            time_known = record.extra.get("time_known", True) is not False
            observation = local.strftime("%Y%m%d%H%M%S" if time_known else "%Y%m%d000000")
        else:
            observation = observed.strftime("%Y%m%d000000")
        device = record.source.device
        app = record.source.app
        # The 規約 requires the three device columns. Without a device: the app (as the
        # 規約 does for phone apps), else "phrapp"/"manual" for hand entry.
        maker = (device.maker if device else None) or app or "phrapp"
        model = (device.model if device else None) or app or "manual"
        serial = (device.serial if device else None) or "-"
        code = _INPUT_CODE.get(record.provenance)
        if code is None:
            code = "0" if device is not None else "1"
        origin = str(record.extra.get("origin_of_time_code", "0"))
        return {**self.common(record), "observation_time": observation,
                "model_manufacturer_code": maker, "model_number": model,
                "production_specification_serial": serial, "data_input_code": code,
                "origin_of_time_code": origin, "update_time": self.update_time(record)}

    def update_time(self, record: Record) -> str:
        """The record's version: as imported, else its last edit in the home zone."""
        stored = record.extra.get("update_time")
        if isinstance(stored, str) and len(stored) == 17 and stored.isdigit():
            return stored
        local = record.updated_at.astimezone(self.home)
        return local.strftime("%Y%m%d%H%M%S") + f"{local.microsecond // 1000:03d}"

    # --- vitals (交換規約 layout) ---------------------------------------------------------

    def bp(self, r: BloodPressure) -> Iterable[dict[str, Cell | Num]]:
        row = self.kokan(r, r.measured_at)
        row.update(systolic=Num(r.systolic), diastolic=Num(r.diastolic), pulse=_num(r.pulse),
                   offset=_offset(r.measured_at),
                   context=r.context.value if r.context else None, slot=r.slot.value,
                   irregular_heartbeat=r.irregular_heartbeat, note=r.note,
                   time_known=r.extra.get("time_known", True) is not False)
        yield row

    def weight(self, r: Weight) -> Iterable[dict[str, Cell | Num]]:
        row = self.kokan(r, r.measured_at)
        row.update(weight=Num(r.kg), offset=_offset(r.measured_at),
                   body_fat_percent=_num(r.body_fat_percent),
                   original_unit=r.original_unit.value,
                   time_known=r.extra.get("time_known", True) is not False)
        yield row

    def steps(self, r: Steps) -> Iterable[dict[str, Cell | Num]]:
        row = self.kokan(r, r.date)
        extra = r.extra
        duration = extra.get("total_active_duration", DAILY_MINUTES)
        row.update(step=Num(r.steps), total_active_duration=_extra_num(duration),
                   walk_time=_extra_num(extra.get("walk_time")),
                   moderate_intensity_activity=_extra_num(
                       extra.get("moderate_intensity_activity")),
                   calories=_extra_num(extra.get("calories")),
                   total_calories=_extra_num(extra.get("total_calories")),
                   measurement_position_code=_extra_text(extra.get("measurement_position_code")),
                   date=r.date.isoformat(), primary=r.id in self.data.primary_steps)
        yield row

    def hba1c(self, r: LabValue) -> Iterable[dict[str, Cell | Num]]:
        row = self.kokan(r, r.date)
        row.update(hba1c=Num(r.value), date=r.date.isoformat(), facility=r.facility)
        yield row

    # --- other kinds (CONTRACT §4 keys flattened) -------------------------------------

    def lab(self, r: LabValue) -> Iterable[dict[str, Cell | Num]]:
        yield {**self.common(r), "date": r.date.isoformat(), "code": r.code, "name": r.name,
               "value": Num(r.value), "unit": r.unit, "facility": r.facility}

    def checkup(self, r: Checkup) -> Iterable[dict[str, Cell | Num]]:
        header: dict[str, Cell | Num] = {
            **self.common(r), "date": r.date.isoformat(), "institution_id": r.institution_id,
            "institution_name": r.institution_name, "sex": r.sex.value if r.sex else None,
            "birth_date": _day(r.birth_date), "metabolic_syndrome": _num(r.metabolic_syndrome),
            "guidance_level": _num(r.guidance_level)}
        if not r.items:
            yield header
        for item in r.items:
            yield {**header, **_item(item)}

    def medication(self, r: MedicationRecord) -> Iterable[dict[str, Cell | Num]]:
        header: dict[str, Cell | Num] = {
            **self.common(r), "origin": r.origin.value, "dispensed_on": r.dispensed_on.isoformat(),
            "pharmacy": r.pharmacy, "prescriber_institution": r.prescriber_institution,
            "doctor": r.doctor, "note": r.note}
        if not r.drugs:
            yield header
        for drug in r.drugs:
            yield {**header, **_drug(drug)}

    def allergy(self, r: Allergy) -> Iterable[dict[str, Cell | Num]]:
        yield {**self.common(r), "kind": r.kind.value, "text": r.text,
               "recorded_on": _day(r.recorded_on)}

    def immunization(self, r: Immunization) -> Iterable[dict[str, Cell | Num]]:
        yield {**self.common(r), "date": r.date.isoformat(), "vaccine": r.vaccine,
               "code": r.code, "code_system": r.code_system, "dose_number": _num(r.dose_number),
               "lot": r.lot, "place": r.place}

    def background(self, r: HealthBackground) -> Iterable[dict[str, Cell | Num]]:
        yield {**self.common(r), "date": r.date.isoformat(),
               "smoking": r.smoking.value if r.smoking else None,
               "on_bp_drugs": r.on_bp_drugs, "on_glucose_drugs": r.on_glucose_drugs,
               "on_lipid_drugs": r.on_lipid_drugs, "diabetes": r.diabetes, "ckd": r.ckd,
               "pad": r.pad, "cad_or_stroke": r.cad_or_stroke,
               "family_history_cad": r.family_history_cad}


def _item(item: CheckupItem) -> dict[str, Cell | Num]:
    value: Cell | Num = item.value
    if isinstance(item.value, int | float) and not isinstance(item.value, bool):
        value = Num(item.value)  # PQ: a number; a code or text stays text (escaped)
    return {"item_code": item.code, "item_name": item.name, "value": value,
            "value_display": item.value_display, "code_system": item.code_system,
            "unit": item.unit, "comparator": item.comparator, "flag": item.flag,
            "status": item.status.value}


def _drug(drug: Drug) -> dict[str, Cell | Num]:
    return {"drug_name": drug.name, "drug_code": drug.code,
            "drug_code_system": drug.code_system.value if drug.code_system else None,
            "dose": _num(drug.dose), "unit": drug.unit, "usage": drug.usage,
            "quantity": _num(drug.quantity), "quantity_unit": drug.quantity_unit,
            "form": drug.form, "start": _day(drug.start), "end": _day(drug.end)}


def _extra_num(value: object) -> Num | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Num(value)
    return None


def _extra_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


__all__ = ["FORMULA_START", "CsvExporter", "Num", "escape_text", "render"]
