"""``phrapp risk``: the CONTRACT §4 ``risk --json`` object assembled from the vault.

:func:`assemble` is pure (records in, JSON-ready dict out) so the dashboard and the
clinic side can call it on records they already hold; :class:`RiskService` fetches the
records. Every rule lives in :mod:`phrapp.domain.risk`; this module only chooses the
inputs and shapes the output:

* home BP: the CONTRACT §5 evaluation of the 14 days ending on ``as_of``;
* checkup rules (office BP, 判定値 flags, メタボ, Hisayama, eGFR, BMI) use the latest
  checkup on or before ``as_of``, with the age on the exam date; 特定保健指導 uses the age
  at the end of that exam's fiscal year;
* steps and the step target use the age on ``as_of``; weight has no age gate;
* a rule that does not apply (adult rules under 18, step targets under 20) is
  ``{"not_applicable": "age"}``; ``null`` where not computable; ``missing`` names
  absent inputs, which are never guessed.

Averages are compared unrounded; the JSON shows home-BP averages and weight to one
decimal, the slope to two, steps as whole numbers. The Suita score (reference only,
risk-rules §7) is added only with ``include_suita``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Literal

from phrapp.domain.records import (
    BloodPressure,
    Checkup,
    HealthBackground,
    Profile,
    RecordKind,
    Steps,
    Weight,
)
from phrapp.domain.risk import (
    body,
    checkup_inputs,
    hisayama,
    home_bp,
    kidney,
    metabolic,
    suita,
    thresholds,
    tokutei,
)
from phrapp.domain.risk import bp as bp_rules
from phrapp.domain.risk import steps as steps_rules
from phrapp.domain.risk.calc import hisayama_json, suita_json
from phrapp.domain.risk.common import (
    ADULT_AGE,
    NOT_APPLICABLE_AGE,
    json_number,
    round_half_up,
)
from phrapp.domain.time import age_on, today_in
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.services.trends import (
    TrendService,
    steps_average,
    weight_average,
    weight_slope_per_week,
    window,
)

JsonDict = dict[str, Any]
NOT_APPLICABLE: JsonDict = {"not_applicable": NOT_APPLICABLE_AGE}


def _n(value: Decimal | None, places: int | None = None) -> int | float | None:
    if value is None:
        return None
    if places is not None:
        value = round_half_up(value, places)
    return json_number(value)


def _na() -> JsonDict:
    return dict(NOT_APPLICABLE)


def _sex(value: str | None) -> Literal["male", "female"] | None:
    if value == "male":
        return "male"
    if value == "female":
        return "female"
    return None


# --------------------------------------------------------------------------- sections


def home_bp_json(readings: Iterable[BloodPressure], as_of: dt.date) -> JsonDict:
    """CONTRACT §4 ``home_bp``: averages to one decimal; ``missing`` lists the slots with
    fewer than 5 occasions."""
    ev = home_bp.evaluate(readings, as_of)

    def slot(a: home_bp.SlotAverage) -> JsonDict | None:
        if a.sbp is None or a.dbp is None:
            return None
        return {"days": a.days, "sbp": _n(a.sbp, 1), "dbp": _n(a.dbp, 1)}

    return {"window_days": ev.window_days, "morning": slot(ev.morning),
            "evening": slot(ev.evening), "category": ev.category,
            "hypertension": ev.hypertension, "meets_target": ev.meets_target,
            "missing": list(ev.missing)}


def office_bp_json(checkup: Checkup | None) -> JsonDict | None:
    """CONTRACT §4 ``office_bp`` from a checkup (None without checkup BP)."""
    if checkup is None:
        return None
    sbp, dbp = checkup_inputs.blood_pressure(checkup)
    if sbp is None and dbp is None:
        return None
    category = None
    if sbp is not None and dbp is not None:
        category = bp_rules.classify(sbp, dbp, "office").category
    return {"date": checkup.date.isoformat(), "sbp": _n(sbp), "dbp": _n(dbp),
            "category": category}


def tokutei_json(checkup: Checkup | None, values: checkup_inputs.CheckupValues | None,
                 bg: checkup_inputs.Background, sex: str | None,
                 birth: dt.date | None) -> JsonDict:
    """``tokutei_level``: the file's 保健指導レベル first, the computed one otherwise.

    Extra keys: ``computed`` (phrapp's level), ``reason`` (``age``/``drugs`` for 対象外)
    and ``disagreement`` (text when the file and the computation differ, else null).
    """
    out: JsonDict = {"level": None, "in_file": None, "computed": None, "reason": None,
                     "disagreement": None, "missing": []}
    if checkup is None or values is None:
        out["missing"] = ["checkup"]
        return out
    out["in_file"] = checkup.guidance_level
    age = tokutei.age_at_fiscal_year_end(birth, checkup.date) if birth else None
    smoking = values.smoking if values.smoking is not None else bg.current_smoker
    result = tokutei.stratify(tokutei.TokuteiInput(
        sex=_sex(sex),
        age=age, waist=values.waist, visceral_fat=values.visceral_fat, bmi=values.bmi,
        sbp=values.sbp, dbp=values.dbp, tg=values.tg, tg_fasting=values.tg_fasting,
        hdl=values.hdl, fpg=values.fpg, hba1c=values.hba1c,
        random_glucose=values.random_glucose, smoking=smoking,
        on_drugs=checkup_inputs.on_drugs(values, bg)))
    missing = ["birth_date" if m == "age" else m for m in result.missing]
    if "glucose" in missing and values.random_glucose_unusable:
        missing.append("sampling_time")
    file_level = tokutei.from_file(checkup.guidance_level)
    out.update(computed=result.level, reason=result.reason, missing=missing,
               level=file_level if file_level is not None else result.level)
    if not tokutei.agrees(file_level, result.level):
        out["disagreement"] = (f"健診結果の保健指導レベル({file_level})と phrapp の計算"
                               f"({result.level})が異なります")
    return out


def referral_flags_json(checkup: Checkup | None, sex: str | None) -> list[JsonDict]:
    """Every item of the checkup at 保健指導 or 受診勧奨 (thresholds.py, 特定健診 第4期)."""
    if checkup is None:
        return []
    flags: list[JsonDict] = []
    for item in checkup_inputs.measured(checkup).values():
        value = item.value
        if value is None:
            continue
        try:
            j = thresholds.judge_code(item.code, value, sex)
        except ValueError:
            continue  # e.g. a sex-specific 判定値 without a known sex, or a text value
        if j is None or j.flag == thresholds.NORMAL or j.threshold is None:
            continue
        limit = j.threshold
        shown_value: Any = j.value if isinstance(j.value, str) else json_number(j.value)
        threshold: Any = limit.display if isinstance(j.value, str) else json_number(limit.value)
        flags.append({"code": item.code, "name": item.name, "value": shown_value,
                      "unit": item.unit if item.unit is not None else j.unit,
                      "threshold": threshold, "comparator": limit.comparator,
                      "kind": j.flag})
    return flags


def metabolic_json(checkup: Checkup | None, values: checkup_inputs.CheckupValues | None,
                   sex: str | None) -> JsonDict:
    """``metabolic_syndrome``: the file's メタボ判定 first; computed only when absent.

    ``{"judgement", "code" (file 1–4|null), "source": "file|computed|null", "missing"}``.
    """
    if checkup is None or values is None:
        return {"judgement": None, "code": None, "source": None, "missing": ["checkup"]}
    if checkup.metabolic_syndrome is not None:
        return {"judgement": metabolic.FILE_JUDGEMENTS.get(checkup.metabolic_syndrome),
                "code": checkup.metabolic_syndrome, "source": "file", "missing": []}
    tg_fasting = values.tg if values.tg_fasting else None
    result = metabolic.evaluate(
        sex=_sex(sex),
        waist=values.waist, tg_fasting=tg_fasting, hdl=values.hdl, sbp=values.sbp,
        dbp=values.dbp, fpg=values.fpg)
    return {"judgement": result.judgement, "code": None, "source": "computed",
            "missing": list(result.missing)}


def _hisayama_input(values: checkup_inputs.CheckupValues | None, bg: checkup_inputs.Background,
                    sex: str | None, age: int | None) -> hisayama.HisayamaInput:
    smoking = bg.current_smoker
    if smoking is None and values is not None:
        smoking = values.smoking
    return hisayama.HisayamaInput(
        sex=_sex(sex),
        age=age,
        sbp=values.sbp if values else None,
        igt=hisayama.igt_from_fpg(values.fpg) if values else None,
        ldl=values.ldl if values else None, hdl=values.hdl if values else None,
        smoking=smoking, diabetes=bg.diabetes, ckd=bg.ckd, pad=bg.pad,
        cad_or_stroke=bg.cad_or_stroke)


def hisayama_risk_json(values: checkup_inputs.CheckupValues | None,
                       bg: checkup_inputs.Background, sex: str | None,
                       age: int | None) -> JsonDict:
    """``hisayama``: ``points``, ``risk_percent``, ``category``, ``route``, ``missing``."""
    result = hisayama.evaluate(_hisayama_input(values, bg, sex, age))
    out = hisayama_json(result, flat=False)
    out["missing"] = ["birth_date" if m == "age" else m for m in out["missing"]]
    return out


def suita_risk_json(values: checkup_inputs.CheckupValues | None,
                    bg: checkup_inputs.Background, sex: str | None,
                    age: int | None) -> JsonDict:
    """``suita`` (only with the setting on): reference only, risk-rules §7."""
    h = _hisayama_input(values, bg, sex, age)
    result = suita.evaluate(sex=h.sex, age=age, smoking=h.smoking, sbp=h.sbp,
                            dbp=values.dbp if values else None, hdl=h.hdl, ldl=h.ldl,
                            igt=h.igt, family_history=bg.family_history_cad)
    out = suita_json(result)
    out.setdefault("points", None)
    out.setdefault("category", None)
    out["risk_percent"] = result.risk_percent
    out["missing"] = list(result.missing)
    return out


def bmi_json(values: checkup_inputs.CheckupValues | None) -> JsonDict:
    """``bmi``: the checkup's BMI, else computed from its height and weight (JASSO)."""
    result: body.BmiResult | None = None
    if values is not None and values.bmi is not None:
        result = body.classify(values.bmi)
    elif values is not None and values.height and values.weight:
        result = body.classify_measurements(values.weight, values.height)
    if result is None:
        return {"value": None, "class": None}
    return {"value": float(result.bmi), "class": result.bmi_class}


def egfr_json(values: checkup_inputs.CheckupValues | None, sex: str | None,
              age: int | None) -> JsonDict:
    """``egfr``: the checkup's eGFR (8A065…) first, else computed from its creatinine."""
    value: Decimal | None = None
    known_sex = _sex(sex)
    if values is not None and values.egfr is not None:
        value = values.egfr
    elif (values is not None and values.creatinine and known_sex is not None
          and age is not None and age >= ADULT_AGE):
        value = kidney.egfr(sex=known_sex, age=age, creatinine=values.creatinine)
    if value is None:
        return {"value": None, "stage": None}
    return {"value": float(value), "stage": kidney.stage(value)}


def steps_json(primary: Sequence[Steps], as_of: dt.date, age: int | None) -> JsonDict:
    """``steps``: 7-day mean of the primary source (days with a record) and the age target."""
    if age is not None and age < steps_rules.MIN_AGE:
        return _na()
    return {"avg_7d": _n(steps_average(primary, as_of), 0),
            "target": steps_rules.target(age) if age is not None else None}


def weight_json(weights: Sequence[Weight], as_of: dt.date) -> JsonDict:
    """``weight``: 7-day mean of daily means and the 28-day least-squares slope."""
    return {"avg_7d": _n(weight_average(weights, as_of), 1),
            "slope_kg_per_week": _n(weight_slope_per_week(weights, as_of), 2)}


# --------------------------------------------------------------------------- assembly


def latest_checkup(checkups: Iterable[Checkup], as_of: dt.date) -> Checkup | None:
    """The most recent checkup on or before ``as_of`` (ties: the last stored)."""
    best: Checkup | None = None
    for c in checkups:
        if c.date <= as_of and (best is None or c.date >= best.date):
            best = c
    return best


def assemble(*, profile: Profile, as_of: dt.date, bp_readings: Iterable[BloodPressure],
             weights: Sequence[Weight], primary_steps: Sequence[Steps],
             checkups: Iterable[Checkup], backgrounds: Iterable[HealthBackground],
             include_suita: bool = False) -> JsonDict:
    """The CONTRACT §4 ``risk --json`` object for ``profile`` on ``as_of`` (pure)."""
    checkup = latest_checkup(checkups, as_of)
    values = checkup_inputs.read(checkup) if checkup else None
    bg = checkup_inputs.background(backgrounds, as_of)
    birth = profile.birth_date or (checkup.birth_date if checkup else None)
    sex_value = profile.sex or (checkup.sex if checkup else None)
    sex = sex_value.value if sex_value is not None else None
    age_now = age_on(birth, as_of) if birth else None
    exam_age = age_on(birth, checkup.date) if birth and checkup else None
    minor_now = age_now is not None and age_now < ADULT_AGE
    # Checkup rules gate on the age at the exam; without a checkup, on the age today.
    minor_exam = exam_age < ADULT_AGE if exam_age is not None else minor_now

    out: JsonDict = {"as_of": as_of.isoformat()}
    out["home_bp"] = _na() if minor_now else home_bp_json(bp_readings, as_of)
    out["office_bp"] = _na() if minor_exam else office_bp_json(checkup)
    out["tokutei_level"] = _na() if minor_exam else tokutei_json(checkup, values, bg, sex,
                                                                 birth)
    out["referral_flags"] = [] if minor_exam else referral_flags_json(checkup, sex)
    out["metabolic_syndrome"] = _na() if minor_exam else metabolic_json(checkup, values, sex)
    score_age = exam_age if checkup is not None else age_now
    out["hisayama"] = _na() if minor_exam else hisayama_risk_json(values, bg, sex, score_age)
    if include_suita:
        out["suita"] = _na() if minor_exam else suita_risk_json(values, bg, sex, score_age)
    out["bmi"] = _na() if minor_exam else bmi_json(values)
    out["egfr"] = _na() if minor_exam else egfr_json(values, sex, exam_age)
    out["steps"] = steps_json(primary_steps, as_of, age_now)
    out["weight"] = weight_json(weights, as_of)
    return out


class RiskService:
    """Reads a profile's records and assembles the risk summary."""

    def __init__(self, session: Session) -> None:
        self.records = RecordService(session)
        self.trends = TrendService(session)

    def evaluate(self, profile: Profile, as_of: dt.date | None = None, *,
                 include_suita: bool = False) -> JsonDict:
        """The ``risk --json`` object; ``as_of`` defaults to today in the home zone."""
        as_of = as_of or today_in(profile.home_zone)
        bp_start, _ = window(as_of, home_bp.WINDOW_DAYS)
        weight_start, _ = window(as_of, 28)
        steps_start, _ = window(as_of, 7)
        checkups = [c for c in self.records.list(RecordKind.CHECKUPS, [profile], None, as_of)
                    if isinstance(c, Checkup)]
        backgrounds = [b for b in self.records.list(RecordKind.BACKGROUND, [profile], None,
                                                    as_of)
                       if isinstance(b, HealthBackground)]
        return assemble(
            profile=profile, as_of=as_of,
            bp_readings=self.trends.bp_readings(profile, bp_start, as_of),
            weights=self.trends.weights(profile, weight_start, as_of),
            primary_steps=self.trends.primary_steps(profile, steps_start, as_of),
            checkups=checkups, backgrounds=backgrounds, include_suita=include_suita)
