"""Metabolic syndrome (§10), JDS glucose categories (§11), step targets (§14)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from phrapp.domain.risk import glucose, metabolic, steps

# ------------------------------------------------------------------- metabolic syndrome


def mets(**changes: Any) -> metabolic.MetabolicResult:
    base: dict[str, Any] = dict(sex="male", waist=Decimal(90), tg_fasting=Decimal(100),
                                hdl=Decimal(60), sbp=Decimal(120), dbp=Decimal(70),
                                fpg=Decimal(90))
    base.update({k: Decimal(str(v)) if isinstance(v, int | float | str) and k != "sex" else v
                 for k, v in changes.items()})
    return metabolic.evaluate(**base)


@pytest.mark.parametrize(("changes", "met"), [
    ({"tg_fasting": 150, "sbp": 130}, True),
    ({"tg_fasting": 149, "sbp": 130}, False),
    ({"hdl": 39, "dbp": 85}, True),
    ({"hdl": 40, "dbp": 85}, False),
    ({"sbp": 129, "fpg": 110}, False),
    ({"sbp": 130, "fpg": 110}, True),
    ({"dbp": 84, "fpg": 110}, False),
    ({"fpg": 109, "tg_fasting": 200}, False),
    ({"tg_fasting": 200, "hdl": 30}, False),  # one criterion, however many lipids
    ({"tg_fasting": 200, "sbp": 150, "fpg": 130}, True),
    ({"waist": "84.9", "tg_fasting": 200, "sbp": 150}, False),
    ({"sex": "female", "waist": "89.9", "tg_fasting": 200, "sbp": 150}, False),
    ({"sex": "female", "waist": 90, "tg_fasting": 200, "sbp": 150}, True),
])
def test_criteria_edges(changes: dict[str, Any], met: bool) -> None:
    r = mets(**changes)
    assert r.met is met
    assert r.judgement == ("基準該当" if met else "基準に該当しない")


def test_unknowns() -> None:
    # without a waist, fewer than two criteria already decide "not met" …
    assert mets(waist=None).met is False
    # … but two criteria without a waist do not.
    assert mets(waist=None, sbp=140, fpg=120).met is None
    assert mets(waist=None, sbp=140, fpg=120).missing == ("waist",)
    # waist positive, BP positive, the rest unknown: undetermined.
    r = mets(sbp=140, tg_fasting=None, hdl=None, fpg=None)
    assert r.met is None and r.missing == ("tg_fasting", "hdl", "fpg")
    # waist negative decides whatever else is missing.
    assert mets(waist=80, tg_fasting=None, hdl=None, fpg=None).met is False
    # two known positives decide.
    assert mets(sbp=140, fpg=120, tg_fasting=None, hdl=None).met is True


def test_file_codes() -> None:
    assert metabolic.FILE_JUDGEMENTS == {1: "基準該当", 2: "予備群該当", 3: "非該当",
                                         4: "判定不能"}


# ------------------------------------------------------------------- glucose (JDS)


@pytest.mark.parametrize(("values", "category", "high_normal"), [
    ({"fpg": 99}, "正常型", False),
    ({"fpg": 100}, "正常型", True),
    ({"fpg": 109}, "正常型", True),
    ({"fpg": 110}, "境界型", False),
    ({"fpg": 125}, "境界型", False),
    ({"fpg": 126}, "糖尿病型", False),
    ({"fpg": 100, "ogtt_2h": 139}, "正常型", True),
    ({"fpg": 100, "ogtt_2h": 140}, "境界型", True),
    ({"fpg": 100, "ogtt_2h": 199}, "境界型", True),
    ({"fpg": 100, "ogtt_2h": 200}, "糖尿病型", True),
    ({"random_glucose": 199}, None, False),
    ({"random_glucose": 200}, "糖尿病型", False),
    ({"hba1c": "6.4"}, None, False),
    ({"hba1c": "6.5"}, "糖尿病型", False),
    ({"fpg": 90, "hba1c": "6.5"}, "糖尿病型", False),
    ({}, None, False),
])
def test_jds_categories(values: dict[str, Any], category: str | None,
                        high_normal: bool) -> None:
    r = glucose.classify(**{k: Decimal(str(v)) for k, v in values.items()})
    assert r.category == category
    assert r.high_normal is high_normal


def test_never_says_diabetes() -> None:
    r = glucose.classify(fpg=Decimal(130))
    assert r.label == "糖尿病型の値"
    assert r.glucose_type and not r.hba1c_type
    assert glucose.classify(hba1c=Decimal("7")).glucose_type is False


# ------------------------------------------------------------------- steps (健康日本21)


@pytest.mark.parametrize(("age", "target"), [(19, None), (20, 8000), (64, 8000), (65, 6000),
                                             (90, 6000)])
def test_step_targets(age: int, target: int | None) -> None:
    assert steps.target(age) == target


def test_step_baselines() -> None:
    assert steps.baseline(40, "male") == 7864
    assert steps.baseline(40, "female") == 6685
    assert steps.baseline(70, "male") == 5396
    assert steps.baseline(70, "female") == 4656
    assert steps.baseline(19, "male") is None
    assert steps.POPULATION_TARGET == 7100
