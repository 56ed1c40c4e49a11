"""The ``calc`` dispatcher (CONTRACT §4): inputs, flat results, errors naming the key."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from phrapp.domain.risk import calc


def run(rule: str, text: str) -> dict[str, Any]:
    return calc.run(rule, json.loads(text, parse_float=Decimal))


def test_bp_rules() -> None:
    assert run("office_bp", '{"sbp": 140, "dbp": 89}') == {"category": "I度高血圧",
                                                          "isolated_systolic": True}
    assert run("home_bp", '{"sbp": 124.9, "dbp": 74}') == {"category": "正常高値血圧",
                                                           "isolated_systolic": False}


def test_tokutei_level() -> None:
    full = {"sex": "female", "age": 66, "waist": 92.5, "bmi": 26.1, "sbp": 128, "dbp": 86,
            "tg": 180, "tg_fasting": False, "hdl": 45, "fpg": None, "hba1c": 5.7,
            "random_glucose": None, "smoking": False, "on_drugs": False}
    assert calc.run("tokutei_level", full) == {"level": "動機付け支援"}
    assert calc.run("tokutei_level", {**full, "age": 64}) == {"level": "積極的支援"}
    assert calc.run("tokutei_level", {**full, "on_drugs": True}) == {"level": "対象外",
                                                                     "reason": "drugs"}
    assert calc.run("tokutei_level", {**full, "age": 39}) == {"level": "対象外",
                                                              "reason": "age"}
    undecided = calc.run("tokutei_level", {**full, "waist": None, "bmi": None})
    assert undecided == {"level": None, "missing": ["waist", "bmi"]}


@pytest.mark.parametrize(("inp", "flag"), [
    ({"item": "sbp", "value": 129}, "基準範囲"),
    ({"item": "sbp", "value": 130}, "保健指導"),
    ({"item": "sbp", "value": 140}, "受診勧奨"),
    ({"item": "hba1c", "value": Decimal("5.6")}, "保健指導"),
    ({"item": "hba1c", "value": 5.6}, "保健指導"),
    ({"item": "hba1c", "value": Decimal("5.5")}, "基準範囲"),
    ({"item": "hdl", "value": 39}, "保健指導"),
    ({"item": "egfr", "value": Decimal("44.9")}, "受診勧奨"),
    ({"item": "hb", "value": Decimal("13.1"), "sex": "male"}, "基準範囲"),
    ({"item": "hb", "value": Decimal("12.0"), "sex": "female"}, "保健指導"),
    ({"item": "urine_protein", "value": "-"}, "基準範囲"),
    ({"item": "urine_protein", "value": "±"}, "保健指導"),
    ({"item": "urine_protein", "value": "+"}, "受診勧奨"),
    ({"item": "urine_protein", "value": "2+"}, "受診勧奨"),
    ({"item": "urine_protein", "value": "3+"}, "受診勧奨"),
    ({"item": "urine_protein", "value": "－"}, "基準範囲"),
    ({"item": "urine_protein", "value": "＋"}, "受診勧奨"),
    ({"item": "urine_sugar", "value": "3+"}, "基準範囲"),
    ({"code": "9A755000000000001", "value": 160}, "受診勧奨"),
    ({"code": "1A010000000191111", "value": "2"}, "保健指導"),  # OID 2102 code 2 = ±
    ({"code": "1A010000000191111", "value": "+"}, "受診勧奨"),
])
def test_lab_judgement(inp: dict[str, Any], flag: str) -> None:
    assert calc.run("lab_judgement", inp) == {"flag": flag}


@pytest.mark.parametrize(("inp", "path"), [
    ({"item": "hb", "value": 12}, "input.sex"),
    ({"item": "nope", "value": 1}, "input.item"),
    ({"value": 1}, "input.code"),
    ({"item": "sbp", "code": "9A755000000000001", "value": 1}, "input.code"),
    ({"code": "9N001000000000001", "value": 170}, "input.code"),  # 身長: no 判定値
    ({"item": "sbp"}, "input.value"),
    ({"item": "sbp", "value": "140"}, "input.value"),
    ({"item": "urine_protein", "value": 1}, "input.value"),
    ({"item": "urine_protein", "value": "4+"}, "input.value"),
    ({"item": "sbp", "value": -1}, "input.value"),
])
def test_lab_judgement_errors(inp: dict[str, Any], path: str) -> None:
    with pytest.raises(calc.CalcInputError) as err:
        calc.run("lab_judgement", inp)
    assert err.value.path == path


def test_hisayama_flat_shapes() -> None:
    base = {"sex": "male", "age": 55, "sbp": 135, "igt": False, "ldl": 150, "hdl": 45,
            "smoking": True}
    assert calc.run("hisayama", base) == {"points": 14, "risk_percent": 5.2,
                                          "category": "中リスク"}
    assert calc.run("hisayama", {**base, "age": 45, "sex": "female", "smoking": False}) == \
        {"points": 5, "risk_percent": "<1.0", "category": "低リスク"}
    assert calc.run("hisayama", {**base, "ckd": True}) == {"route": "high-risk-condition",
                                                           "category": "高リスク"}
    assert calc.run("hisayama", {**base, "cad_or_stroke": True}) == \
        {"route": "secondary-prevention"}
    assert calc.run("hisayama", {**base, "fh": True}) == {"route": "excluded-fh"}
    assert calc.run("hisayama", {**base, "age": 80}) == {"route": "not-applicable"}
    assert calc.run("hisayama", {**base, "smoking": None}) == {
        "points": None, "risk_percent": None, "category": None, "missing": ["smoking"]}


def test_suita() -> None:
    inp = {"sex": "male", "age": 50, "smoking": False, "sbp": 125, "dbp": 78, "hdl": 50,
           "ldl": 130, "igt": False, "family_history": False}
    assert calc.run("suita", inp) == {"points": 38, "category": "低リスク"}
    assert calc.run("suita", {**inp, "age": 30}) == {"route": "not-applicable"}


def test_bmi() -> None:
    assert calc.run("bmi", {"height_cm": 170, "weight_kg": Decimal("72.25")}) == \
        {"bmi": 25.0, "class": "肥満(1度)"}
    assert calc.run("bmi", {"bmi": Decimal("18.45")}) == {"bmi": 18.5, "class": "普通体重"}
    for bad in ({"bmi": 22, "height_cm": 170}, {"height_cm": 170}, {}):
        with pytest.raises(calc.CalcInputError):
            calc.run("bmi", bad)


def test_egfr_and_stage() -> None:
    assert calc.run("egfr", {"sex": "male", "age": 50, "creatinine": Decimal("1.00")}) == \
        {"egfr": 63.1, "stage": "G2"}
    assert calc.run("egfr", {"sex": "male", "age": 17, "creatinine": 1}) == \
        {"not_applicable": "age"}
    assert calc.run("ckd_stage", {"egfr": 60}) == {"stage": "G2"}
    assert calc.run("ckd_stage", {"egfr": Decimal("59.9")}) == {"stage": "G3a"}
    with pytest.raises(calc.CalcInputError):
        calc.run("egfr", {"sex": "male", "age": 50})


@pytest.mark.parametrize(("rule", "inp", "path"), [
    ("office_bp", {"sbp": 120, "dbp": 80, "pulse": 60}, "input.pulse"),
    ("office_bp", {"sbp": 120}, "input.dbp"),
    ("office_bp", {"sbp": True, "dbp": 80}, "input.sbp"),
    ("office_bp", {"sbp": "120", "dbp": 80}, "input.sbp"),
    ("tokutei_level", {"sex": "man"}, "input.sex"),
    ("tokutei_level", {"age": Decimal("50.5")}, "input.age"),
    ("tokutei_level", {"smoking": "yes"}, "input.smoking"),
    ("hisayama", {"age": -1}, "input.age"),
    ("nope", {}, "rule"),
    ("bmi", [], "input"),
])
def test_input_errors_name_the_key(rule: str, inp: Any, path: str) -> None:
    with pytest.raises(calc.CalcInputError) as err:
        calc.run(rule, inp)
    assert err.value.path == path


def test_error_messages_do_not_echo_values() -> None:
    with pytest.raises(calc.CalcInputError) as err:
        calc.run("office_bp", {"sbp": -123, "dbp": 80})
    assert "123" not in err.value.message


def test_run_line() -> None:
    assert calc.run_line({"rule": "ckd_stage", "input": {"egfr": 10}}) == {"stage": "G5"}
    for bad in ([], {"rule": 1}, {"rule": "bmi", "input": {}, "extra": 1}, {"input": {}}):
        with pytest.raises(calc.CalcInputError):
            calc.run_line(bad)
