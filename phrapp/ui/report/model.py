"""What the doctor's PDF shows, computed from :class:`ExportData` alone (no Qt, no vault).

Numbers and records only; words, colours and layout are :mod:`.pdf_report`'s. Every
figure reuses the rules the app shows elsewhere, so the PDF never disagrees with the
dashboard:

* home BP: :func:`phrapp.domain.risk.home_bp.evaluate` (CONTRACT §5: the 14 days ending
  on the report date, occasions, ≥ 5 per slot, JSH2019 home class);
* weight: :mod:`phrapp.services.trends` (7-day mean of daily means, 4-week slope);
* steps: the primary record of each day only (CONTRACT §5), target from the settings
  when given, else 健康日本21 (第三次) by age (risk-rules §14);
* medicines: :func:`phrapp.domain.medication_current.current_lines` and its
  duplicate-ingredient check;
* checkup values: :func:`phrapp.services.checkups.build_table` (保健指導判定値 /
  受診勧奨判定値 of 第4期 and the file's own H/L flags).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, TypeVar

from phrapp.domain.medication_current import (
    DrugLine,
    DuplicateIngredient,
    check_overlap,
    current_lines,
)
from phrapp.domain.records import (
    Allergy,
    BloodPressure,
    Checkup,
    Immunization,
    MedicationRecord,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Steps,
    Weight,
)
from phrapp.domain.risk import home_bp, kidney
from phrapp.domain.risk import steps as steps_rules
from phrapp.domain.risk.checkup_inputs import BMI, WAIST_CODES, blood_pressure
from phrapp.domain.risk.thresholds import REFERRAL, Judgement, codes_for, judge
from phrapp.domain.time import Slot, age_on, zone
from phrapp.io.exporters.base import ExportData, ExportRequest
from phrapp.services import trends
from phrapp.services.checkups import Cell, build_table

CHART_DAYS: Final = 28  # the page-1 BP chart: 4 weeks
LONG_DAYS: Final = 84  # page-2 charts: 12 weeks
MAX_IMMUNIZATIONS: Final = 6

#: Checkup key values in the order a doctor reads them: (key, judgement item, codes).
#: ``bp`` is special (mean of the 1st and 2nd reading, checkup_inputs); BMI and waist
#: have no 判定値 of their own here (only the file's flag).
CHECKUP_KEYS: Final[tuple[tuple[str, str | None, tuple[str, ...]], ...]] = (
    ("bp", None, ()),
    ("bmi", None, (BMI,)),
    ("waist", None, WAIST_CODES),
    ("hba1c", "hba1c", codes_for("hba1c")),
    ("fpg", "fpg", codes_for("fpg")),
    ("random_glucose", "random_glucose", codes_for("random_glucose")),
    ("tg_fasting", "tg_fasting", codes_for("tg_fasting")),
    ("tg_random", "tg_random", codes_for("tg_random")),
    ("hdl", "hdl", codes_for("hdl")),
    ("ldl", "ldl", codes_for("ldl")),
    ("non_hdl", "non_hdl", codes_for("non_hdl")),
    ("ast", "ast", codes_for("ast")),
    ("alt", "alt", codes_for("alt")),
    ("ggt", "ggt", codes_for("ggt")),
    ("creatinine", "creatinine", codes_for("creatinine")),
    ("egfr", "egfr", codes_for("egfr")),
    ("uric_acid", "uric_acid", codes_for("uric_acid")),
    ("hb", "hb", codes_for("hb")),
    ("urine_protein", "urine_protein", codes_for("urine_protein")),
    ("urine_sugar", "urine_sugar", codes_for("urine_sugar")),
)
_UNITS: Final = {"bp": "mmHg", "bmi": "", "waist": "cm"}
_R = TypeVar("_R", bound=Record)
_COMPARATORS: Final = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


@dataclass(frozen=True, slots=True)
class KeyValue:
    """One checkup key value as the report prints it."""

    key: str  # a CHECKUP_KEYS key
    value: str  # display text, comparator included ("≥ 500")
    unit: str
    flag: str | None  # 基準範囲 / 保健指導 / 受診勧奨, or None (no 判定値)
    reference_only: bool  # the 判定値 is not confirmed: shown as 参考
    file_flag: str | None  # the report's own interpretationCode H / L / N
    previous: str | None  # the same item in the exam before, if any
    computed: bool = False  # eGFR computed from creatinine (not in the file)


@dataclass(frozen=True, slots=True)
class CheckupSummary:
    date: dt.date
    institution: str | None
    previous_date: dt.date | None
    values: tuple[KeyValue, ...]
    metabolic_syndrome: int | None
    guidance_level: int | None


@dataclass(frozen=True, slots=True)
class WeightSummary:
    latest: Weight | None
    avg_7d: Decimal | None
    slope_per_week: Decimal | None  # least squares over the last 4 weeks
    daily: tuple[tuple[dt.date, Decimal], ...]  # daily means, last 12 weeks
    moving: tuple[tuple[dt.date, Decimal], ...]  # 7-day moving average, last 12 weeks


@dataclass(frozen=True, slots=True)
class StepsSummary:
    avg_7d: Decimal | None
    target: int | None
    target_from_settings: bool
    days: tuple[trends.StepsDay, ...]  # the last 4 weeks, one per calendar day
    days_with_data_7d: int
    days_met_7d: int


@dataclass(frozen=True, slots=True)
class SourceLine:
    """Where one kind's records came from: labels (device, app, 手入力 …) with counts."""

    kind: RecordKind
    count: int
    sources: tuple[tuple[str, int], ...]  # (label, records); a label may be a slug


@dataclass(frozen=True)
class ReportModel:
    profile: Profile
    as_of: dt.date  # the report date: home-BP window and "current" medicines end here
    period_from: dt.date | None  # None: no records and no requested start
    period_to: dt.date
    generated: dt.datetime  # in the profile's home zone
    age: int | None
    sources: tuple[SourceLine, ...]
    home_bp: home_bp.HomeBpEvaluation
    bp_readings: int  # in the export
    chart: dict[Slot, tuple[home_bp.Occasion, ...]]  # the last 4 weeks
    long_chart: dict[Slot, tuple[home_bp.Occasion, ...]]  # the last 12 weeks
    weight: WeightSummary
    steps: StepsSummary
    medicines: tuple[DrugLine, ...]
    duplicates: tuple[DuplicateIngredient, ...]
    medication_records: int
    allergies: tuple[Allergy, ...]
    checkup: CheckupSummary | None
    immunizations: tuple[Immunization, ...]
    note: str
    kinds: tuple[RecordKind, ...] = field(default_factory=tuple)

    @property
    def chart_start(self) -> dt.date:
        return self.as_of - dt.timedelta(days=CHART_DAYS - 1)

    @property
    def long_start(self) -> dt.date:
        return self.as_of - dt.timedelta(days=LONG_DAYS - 1)


def _of(data: ExportData, kind: RecordKind, cls: type[_R]) -> list[_R]:
    return [r for r in data.of(kind) if isinstance(r, cls)]


def source_label(record: Record) -> str:
    """A record's source as a stable label: device maker+model, app slug, or a
    provenance marker (``@manual``, ``@checkup``, ``@import``) the view puts in words."""
    device = record.source.device
    if device is not None and (device.maker or device.model):
        return " ".join(p for p in (device.maker, device.model) if p)
    if record.source.app:
        return record.source.app
    if record.provenance is Provenance.MANUAL or record.provenance is Provenance.DEVICE_EDITED:
        return "@manual"
    if record.provenance is Provenance.CHECKUP:
        return "@checkup"
    return "@import"


def _sources(data: ExportData) -> tuple[SourceLine, ...]:
    out: list[SourceLine] = []
    for kind in RecordKind:
        records = data.of(kind)
        if not records:
            continue
        counts: dict[str, int] = defaultdict(int)
        for record in records:
            counts[source_label(record)] += 1
        ordered = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(SourceLine(kind, len(records), ordered))
    return tuple(out)


def primary_steps(data: ExportData) -> list[Steps]:
    """The primary record of each day (CONTRACT §5). Without primary ids (an ExportData
    built by hand) the largest total of the day stands in, as the rule's own fallback."""
    steps = _of(data, RecordKind.STEPS, Steps)
    if data.primary_steps:
        return [s for s in steps if s.id in data.primary_steps]
    best: dict[dt.date, Steps] = {}
    for s in steps:
        if s.date not in best or s.steps > best[s.date].steps:
            best[s.date] = s
    return sorted(best.values(), key=lambda s: s.date)


def _weight(data: ExportData, as_of: dt.date) -> WeightSummary:
    weights = [w for w in _of(data, RecordKind.WEIGHT, Weight) if w.measured_at.date() <= as_of]
    start = as_of - dt.timedelta(days=LONG_DAYS - 1)
    latest = max(weights, key=lambda w: w.measured_at, default=None)
    return WeightSummary(
        latest=latest,
        avg_7d=trends.weight_average(weights, as_of),
        slope_per_week=trends.weight_slope_per_week(weights, as_of),
        daily=tuple(p for p in trends.weight_daily_means(weights) if p[0] >= start),
        moving=tuple(p for p in trends.weight_moving_average(weights) if p[0] >= start))


def _steps(data: ExportData, as_of: dt.date, age: int | None,
           target: int | None) -> StepsSummary:
    primary = primary_steps(data)
    from_settings = target is not None
    if target is None and age is not None:
        target = steps_rules.target(age)  # 健康日本21 (第三次); None under 20
    start = as_of - dt.timedelta(days=CHART_DAYS - 1)
    days = trends.steps_daily(primary, start, as_of, target or 0)
    week = days[-trends.STEPS_AVERAGE_DAYS:]
    return StepsSummary(
        avg_7d=trends.steps_average(primary, as_of), target=target,
        target_from_settings=from_settings, days=tuple(days),
        days_with_data_7d=sum(1 for d in week if d.steps is not None),
        days_met_7d=sum(1 for d in week if d.met and target is not None))


def _display(cell: Cell) -> str:
    comparator = _COMPARATORS.get(cell.comparator or "", "")
    text = cell.value_display or (cell.value_text or "")
    return f"{comparator} {text}".strip() if comparator else text


def _worse(a: Judgement | None, b: Judgement | None) -> Judgement | None:
    order = {"基準範囲": 0, "保健指導": 1, REFERRAL: 2}
    if a is None or b is None:
        return a or b
    return a if order[a.flag] >= order[b.flag] else b


def _bp_value(checkup: Checkup, sex: str | None) -> tuple[str, Judgement | None] | None:
    sbp, dbp = blood_pressure(checkup)
    if sbp is None or dbp is None:
        return None
    judgement = _worse(judge("sbp", sbp), judge("dbp", dbp))
    del sex  # BP 判定値 are the same for both sexes
    return f"{sbp:.0f}/{dbp:.0f}", judgement


def _cells_by_code(cells: dict[tuple[str, str], Cell], exam_id: str) -> dict[str, Cell]:
    return {c.code: c for (_row, eid), c in cells.items() if eid == exam_id and c.measured}


def _checkup(data: ExportData, profile: Profile, as_of: dt.date) -> CheckupSummary | None:
    exams = sorted((c for c in _of(data, RecordKind.CHECKUPS, Checkup) if c.date <= as_of),
                   key=lambda c: (c.date, c.created_at), reverse=True)
    if not exams:
        return None
    latest = exams[0]
    previous = exams[1] if len(exams) > 1 else None
    table = build_table(exams[:2], profile)
    sex = table.sex
    now = _cells_by_code(dict(table.cells), latest.id)
    before = _cells_by_code(dict(table.cells), previous.id) if previous else {}
    values: list[KeyValue] = []
    for key, _item, codes in CHECKUP_KEYS:
        if key == "bp":
            found = _bp_value(latest, sex)
            if found is None:
                continue
            prev = _bp_value(previous, sex) if previous else None
            values.append(KeyValue("bp", found[0], "mmHg",
                                   found[1].flag if found[1] else None,
                                   bool(found[1] and found[1].reference_only), None,
                                   prev[0] if prev else None))
            continue
        cell = next((now[c] for c in codes if c in now), None)
        prev_cell = next((before[c] for c in codes if c in before), None)
        if cell is None:
            if key == "egfr":
                computed = _computed_egfr(latest, now, profile, sex)
                if computed is not None:
                    values.append(computed)
            continue
        judgement = cell.judgement if cell.judgement and cell.judgement.has_thresholds else None
        values.append(KeyValue(
            key=key, value=_display(cell), unit=cell.unit or _UNITS.get(key, ""),
            flag=judgement.flag if judgement else None,
            reference_only=bool(judgement and judgement.reference_only),
            file_flag=cell.file_flag if cell.file_flag in ("H", "L") else None,
            previous=_display(prev_cell) if prev_cell else None))
    return CheckupSummary(date=latest.date, institution=latest.institution_name,
                          previous_date=previous.date if previous else None,
                          values=tuple(values), metabolic_syndrome=latest.metabolic_syndrome,
                          guidance_level=latest.guidance_level)


def _computed_egfr(latest: Checkup, cells: dict[str, Cell], profile: Profile,
                   sex: str | None) -> KeyValue | None:
    """eGFR from the checkup's creatinine (JSN equation) when the file has none."""
    cell = next((cells[c] for c in codes_for("creatinine") if c in cells), None)
    birth = latest.birth_date or profile.birth_date
    if cell is None or birth is None or sex not in ("male", "female") \
            or not isinstance(cell.value, int | float):
        return None
    try:
        value = kidney.egfr(sex=sex, age=age_on(birth, latest.date),  # type: ignore[arg-type]
                            creatinine=cell.value)
    except ValueError:
        return None
    judgement = judge("egfr", value)
    return KeyValue("egfr", f"{value}", "mL/min/1.73m²", judgement.flag,
                    judgement.reference_only, None, None, computed=True)


def build_model(request: ExportRequest, data: ExportData, *,
                steps_target: int | None = None) -> ReportModel:
    """Everything the pages show. The report date is ``request.date_to`` or, without
    one, the generation day in the profile's home zone (as the dashboard's "today")."""
    profile = data.profile
    home = zone(profile.home_zone)
    generated = data.generated_at.astimezone(home)
    as_of = request.date_to or generated.date()
    age = age_on(profile.birth_date, as_of) if profile.birth_date else None
    readings = [r for r in _of(data, RecordKind.BP, BloodPressure)
                if r.measured_at.date() <= as_of]
    chart_start = as_of - dt.timedelta(days=CHART_DAYS - 1)
    long_start = as_of - dt.timedelta(days=LONG_DAYS - 1)
    medications = _of(data, RecordKind.MEDICATIONS, MedicationRecord)
    allergies = sorted(_of(data, RecordKind.ALLERGIES, Allergy),
                       key=lambda a: (a.recorded_on or dt.date.min), reverse=True)
    immunizations = sorted(_of(data, RecordKind.IMMUNIZATIONS, Immunization),
                           key=lambda i: i.date, reverse=True)[:MAX_IMMUNIZATIONS]
    return ReportModel(
        profile=profile, as_of=as_of,
        period_from=request.date_from or _earliest(data),
        period_to=as_of, generated=generated, age=age, sources=_sources(data),
        home_bp=home_bp.evaluate(readings, as_of), bp_readings=len(readings),
        chart=home_bp.occasions(readings, chart_start, as_of),
        long_chart=home_bp.occasions(readings, long_start, as_of),
        weight=_weight(data, as_of), steps=_steps(data, as_of, age, steps_target),
        medicines=tuple(current_lines(medications, as_of)),
        duplicates=check_overlap(medications, as_of).duplicates,
        medication_records=len(medications), allergies=tuple(allergies),
        checkup=_checkup(data, profile, as_of), immunizations=tuple(immunizations),
        note=request.note.strip(), kinds=request.kinds)


def _record_day(record: Record) -> dt.date | None:
    for name in ("measured_at", "date", "dispensed_on", "recorded_on"):
        value = getattr(record, name, None)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
    return None


def _earliest(data: ExportData) -> dt.date | None:
    days = [d for records in data.records.values() for r in records
            if (d := _record_day(r)) is not None]
    return min(days, default=None)
