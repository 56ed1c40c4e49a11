"""``phrapp calc``: one rule on one input object -> one flat result object (CONTRACT §4).

Pure: the CLI parses JSON (floats as :class:`~decimal.Decimal`, so ``5.6`` stays exact)
and prints what :func:`run` returns. Inputs: ``sex`` is ``male|female``, flags are JSON
booleans, values JSON numbers in the units of risk-rules.md, ``null`` (or an absent key)
= not measured; urine grades ``- ± + 2+ 3+`` (full-width accepted); unknown keys are an
error; ``age`` is used as given. Errors are :class:`CalcInputError` and name the key,
never the value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Literal

from phrapp.domain.risk import (
    body,
    bp,
    hisayama,
    kidney,
    suita,
    thresholds,
    tokutei,
)
from phrapp.domain.risk.common import ADULT_AGE, NOT_APPLICABLE_AGE, dec, json_number

Kind = Literal["number", "bool", "sex", "age", "text", "value"]
JsonObject = dict[str, Any]


class CalcInputError(ValueError):
    """A bad ``calc`` input; ``path`` names the offending key (``input.sbp``)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


@dataclass(frozen=True, slots=True)
class Rule:
    keys: Mapping[str, Kind]
    required: frozenset[str]
    run: Callable[[dict[str, Any]], JsonObject]


# --------------------------------------------------------------------------- input checks


def _check(key: str, kind: Kind, raw: Any) -> Any:
    path = f"input.{key}"
    if raw is None:
        return None
    if kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
            raise CalcInputError(f"{key} must be a JSON number (or null)", path)
        try:
            return dec(raw, key)
        except ValueError as exc:
            raise CalcInputError(str(exc), path) from None
    if kind == "bool":
        if not isinstance(raw, bool):
            raise CalcInputError(f"{key} must be true or false (or null)", path)
        return raw
    if kind == "sex":
        if raw not in ("male", "female"):
            raise CalcInputError(f"{key} must be \"male\" or \"female\"", path)
        return raw
    if kind == "age":
        if isinstance(raw, bool) or not isinstance(raw, int | Decimal):
            raise CalcInputError(f"{key} must be a whole number of years", path)
        if isinstance(raw, Decimal) and raw != raw.to_integral_value():
            raise CalcInputError(f"{key} must be a whole number of years", path)
        age = int(raw)
        if not 0 <= age <= 150:
            raise CalcInputError(f"{key} must be between 0 and 150", path)
        return age
    if kind == "text":
        if not isinstance(raw, str) or not raw.strip():
            raise CalcInputError(f"{key} must be text", path)
        return raw.strip()
    # "value": a number, or a urine grade (checked by the rule).
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        raise CalcInputError(f"{key} must be a number or a urine grade", path)
    return raw


def parse_input(rule: str, data: Any) -> dict[str, Any]:
    """The checked input of ``rule``; ``CalcInputError`` for unknown keys or bad values."""
    spec = RULES.get(rule)
    if spec is None:
        raise CalcInputError(f"unknown rule {rule!r} (rules: {', '.join(RULES)})", "rule")
    if not isinstance(data, dict):
        raise CalcInputError("the input must be a JSON object", "input")
    unknown = sorted(k for k in data if k not in spec.keys)
    if unknown:
        raise CalcInputError(f"unknown key {unknown[0]!r} for {rule} "
                             f"(keys: {', '.join(spec.keys)})", f"input.{unknown[0]}")
    values = {k: _check(k, kind, data.get(k)) for k, kind in spec.keys.items()}
    for key in sorted(spec.required):
        if values[key] is None:
            raise CalcInputError(f"{key} is required for {rule}", f"input.{key}")
    return values


def run(rule: str, data: Any) -> JsonObject:
    """Check ``data`` and evaluate ``rule``: the flat CONTRACT §4 result object."""
    values = parse_input(rule, data)
    return RULES[rule].run(values)


def _num(value: Decimal | None) -> int | float | None:
    return None if value is None else json_number(value)


# --------------------------------------------------------------------------- rules


def _bp(setting: bp.Setting) -> Callable[[dict[str, Any]], JsonObject]:
    def go(v: dict[str, Any]) -> JsonObject:
        c = bp.classify(v["sbp"], v["dbp"], setting)
        return {"category": c.category, "isolated_systolic": c.isolated_systolic}
    return go


def _tokutei(v: dict[str, Any]) -> JsonObject:
    result = tokutei.stratify(tokutei.TokuteiInput(
        sex=v["sex"], age=v["age"], waist=v["waist"], bmi=v["bmi"], sbp=v["sbp"],
        dbp=v["dbp"], tg=v["tg"], tg_fasting=v["tg_fasting"], hdl=v["hdl"], fpg=v["fpg"],
        hba1c=v["hba1c"], random_glucose=v["random_glucose"], smoking=v["smoking"],
        on_drugs=v["on_drugs"]))
    out: JsonObject = {"level": result.level}
    if result.reason is not None:
        out["reason"] = result.reason
    if result.level is None:
        out["missing"] = list(result.missing)
    return out


def _lab(v: dict[str, Any]) -> JsonObject:
    code, item, value, sex = v["code"], v["item"], v["value"], v["sex"]
    if (code is None) == (item is None):
        raise CalcInputError("give exactly one of code and item", "input.code")
    if item is not None:
        if item not in thresholds.LAB_JUDGEMENT_ITEMS:
            raise CalcInputError(f"unknown item {item!r} (items: "
                                 f"{', '.join(sorted(thresholds.LAB_JUDGEMENT_ITEMS))})",
                                 "input.item")
        key = item
    else:
        found = thresholds.item_key_for_code(code)
        if found is None:
            raise CalcInputError("this item code has no 判定値", "input.code")
        key = found
    row = thresholds.row(key)
    if row.value_kind == "urine-grade":
        if not isinstance(value, str):
            raise CalcInputError("value must be a urine grade: - ± + 2+ 3+", "input.value")
        grade = value.strip()
        if code is not None and grade in ("1", "2", "3", "4", "5"):
            judged = thresholds.judge_code(code, grade, sex)  # OID 2102 result code
            assert judged is not None
            return {"flag": judged.flag}
        try:
            grade = thresholds.normalize_urine_grade(grade)
        except ValueError:
            raise CalcInputError("value must be a urine grade: - ± + 2+ 3+ "
                                 "(full-width － ± ＋ accepted)", "input.value") from None
        return {"flag": thresholds.judge(key, grade, sex).flag}
    if isinstance(value, str):
        raise CalcInputError("value must be a JSON number", "input.value")
    number = _check("value", "number", value)
    if row.sex_specific and sex is None:
        raise CalcInputError(f"sex is required for {key} (the 判定値 differ by sex)",
                             "input.sex")
    return {"flag": thresholds.judge(key, number, sex).flag}


def _hisayama(v: dict[str, Any]) -> JsonObject:
    result = hisayama.evaluate(hisayama.HisayamaInput(
        sex=v["sex"], age=v["age"], sbp=v["sbp"], igt=v["igt"], ldl=v["ldl"], hdl=v["hdl"],
        smoking=v["smoking"], diabetes=v["diabetes"], ckd=v["ckd"], pad=v["pad"],
        cad_or_stroke=v["cad_or_stroke"], fh=v["fh"]))
    return hisayama_json(result, flat=True)


def hisayama_json(result: hisayama.HisayamaResult, *, flat: bool) -> JsonObject:
    """The Hisayama result as JSON. ``flat`` (calc): a score gives exactly ``points``,
    ``risk_percent``, ``category``; a route gives ``route`` (and ``category`` 高リスク for
    ``high-risk-condition``). Not flat (risk): every key, with ``route`` and ``missing``."""
    risk: Any = result.risk_percent
    if isinstance(risk, Decimal):
        risk = float(risk)  # one decimal, as the table prints it
    if not flat:
        return {"points": result.points, "risk_percent": risk, "category": result.category,
                "route": result.route, "missing": list(result.missing)}
    if result.route != "scored":
        out: JsonObject = {"route": result.route}
        if result.category is not None:
            out["category"] = result.category
        return out
    out = {"points": result.points, "risk_percent": risk, "category": result.category}
    if result.missing:
        out["missing"] = list(result.missing)
    return out


def _suita(v: dict[str, Any]) -> JsonObject:
    result = suita.evaluate(sex=v["sex"], age=v["age"], smoking=v["smoking"], sbp=v["sbp"],
                            dbp=v["dbp"], hdl=v["hdl"], ldl=v["ldl"], igt=v["igt"],
                            family_history=v["family_history"])
    return suita_json(result)


def suita_json(result: suita.SuitaResult) -> JsonObject:
    """``points`` and ``category`` (``route`` when not scored, ``missing`` when incomplete)."""
    if result.route != "scored":
        return {"route": result.route}
    out: JsonObject = {"points": result.points, "category": result.category}
    if result.missing:
        out["missing"] = list(result.missing)
    return out


def _bmi(v: dict[str, Any]) -> JsonObject:
    given, h, w = v["bmi"], v["height_cm"], v["weight_kg"]
    if given is not None:
        if h is not None or w is not None:
            raise CalcInputError("give bmi, or height_cm and weight_kg, not both",
                                 "input.bmi")
        result = body.classify(given)
    else:
        if h is None or w is None:
            missing = "height_cm" if h is None else "weight_kg"
            raise CalcInputError("give bmi, or height_cm and weight_kg", f"input.{missing}")
        try:
            result = body.classify_measurements(w, h)
        except ValueError as exc:
            raise CalcInputError(str(exc), "input.height_cm") from None
    return {"bmi": float(result.bmi), "class": result.bmi_class}


def _egfr(v: dict[str, Any]) -> JsonObject:
    if v["age"] < ADULT_AGE:
        return {"not_applicable": NOT_APPLICABLE_AGE}
    if v["creatinine"] == 0:
        raise CalcInputError("creatinine must be positive", "input.creatinine")
    result = kidney.evaluate(sex=v["sex"], age=v["age"], creatinine=v["creatinine"])
    return {"egfr": float(result.egfr), "stage": result.stage}


def _ckd_stage(v: dict[str, Any]) -> JsonObject:
    return {"stage": kidney.stage(v["egfr"])}


_BP_KEYS: Final[dict[str, Kind]] = {"sbp": "number", "dbp": "number"}

#: The rules ``calc`` answers, their input keys, and which keys must not be null.
RULES: Final[dict[str, Rule]] = {
    "office_bp": Rule(_BP_KEYS, frozenset(_BP_KEYS), _bp("office")),
    "home_bp": Rule(_BP_KEYS, frozenset(_BP_KEYS), _bp("home")),
    "tokutei_level": Rule({
        "sex": "sex", "age": "age", "waist": "number", "bmi": "number", "sbp": "number",
        "dbp": "number", "tg": "number", "tg_fasting": "bool", "hdl": "number",
        "fpg": "number", "hba1c": "number", "random_glucose": "number", "smoking": "bool",
        "on_drugs": "bool"}, frozenset(), _tokutei),
    "lab_judgement": Rule({"code": "text", "item": "text", "value": "value", "sex": "sex"},
                          frozenset({"value"}), _lab),
    "hisayama": Rule({
        "sex": "sex", "age": "age", "sbp": "number", "igt": "bool", "ldl": "number",
        "hdl": "number", "smoking": "bool", "diabetes": "bool", "ckd": "bool", "pad": "bool",
        "cad_or_stroke": "bool", "fh": "bool"}, frozenset(), _hisayama),
    "suita": Rule({
        "sex": "sex", "age": "age", "smoking": "bool", "sbp": "number", "dbp": "number",
        "hdl": "number", "ldl": "number", "igt": "bool", "family_history": "bool"},
        frozenset(), _suita),
    "bmi": Rule({"bmi": "number", "height_cm": "number", "weight_kg": "number"}, frozenset(),
                _bmi),
    "egfr": Rule({"sex": "sex", "age": "age", "creatinine": "number"},
                 frozenset({"sex", "age", "creatinine"}), _egfr),
    "ckd_stage": Rule({"egfr": "number"}, frozenset({"egfr"}), _ckd_stage),
}


def run_line(line: Any) -> JsonObject:
    """One ``--jsonl`` request ``{"rule": R, "input": {...}}`` -> its result object."""
    if not isinstance(line, dict):
        raise CalcInputError("each line must be a JSON object {\"rule\": …, \"input\": …}")
    extra = sorted(k for k in line if k not in ("rule", "input"))
    if extra:
        raise CalcInputError(f"unknown key {extra[0]!r} (expected rule and input)", extra[0])
    rule = line.get("rule")
    if not isinstance(rule, str):
        raise CalcInputError("rule must be a rule name", "rule")
    return run(rule, line.get("input", {}))
