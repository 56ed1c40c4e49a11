"""Suita score (JAS GL2017, risk-rules §7), reference only; typed from the spec."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from phrapp.domain.risk import suita


def score(**changes: Any) -> suita.SuitaResult:
    # Baseline: man 50 (38), non-smoker, BP 125/78 (JSH2014 正常: 0), HDL 50 (−5),
    # LDL 130 (+5), no IGT, no family history -> 38.
    base: dict[str, Any] = dict(sex="male", age=50, smoking=False, sbp=Decimal(125),
                                dbp=Decimal(78), hdl=Decimal(50), ldl=Decimal(130),
                                igt=False, family_history=False)
    base.update({k: Decimal(str(v)) if k in ("sbp", "dbp", "hdl", "ldl") and v is not None else v
                 for k, v in changes.items()})
    return suita.evaluate(**base)


def test_baseline() -> None:
    assert score().points == 38


@pytest.mark.parametrize(("age", "points"), [(34, None), (35, 30), (44, 30), (45, 38),
                                             (54, 38), (55, 45), (64, 45), (65, 51),
                                             (69, 51), (70, 53), (85, 53)])
def test_age_points(age: int, points: int | None) -> None:
    r = score(age=age)
    if points is None:
        assert r.route == "not-applicable"
    else:
        assert r.points == points  # every other item nets to 0 in the baseline


def test_sex_smoking_igt_family() -> None:
    assert score(sex="female").points == 31
    assert score(smoking=True).points == 43
    assert score(igt=True).points == 43
    assert score(family_history=True).points == 43


@pytest.mark.parametrize(("sbp", "dbp", "delta"), [
    (119, 79, -7),  # JSH2014 至適
    (120, 79, 0),  # 正常
    (129, 84, 0),  # 正常 (DBP 80–84)
    (130, 85, 0),  # 正常高値 [confirmed by a worked example]
    (139, 89, 0),
    (140, 89, 4),  # I度
    (159, 99, 4),
    (160, 80, 6),  # II度以上
    (119, 100, 6),
    (180, 110, 6),
])
def test_bp_points(sbp: int, dbp: int, delta: int) -> None:
    assert score(sbp=sbp, dbp=dbp).points == 38 + delta


@pytest.mark.parametrize(("hdl", "delta"), [(39, 5), (40, 0), (59, 0), (60, -1)])
def test_hdl_points(hdl: int, delta: int) -> None:
    # relative to HDL 50 (−5): <40 -> 0, 40–59 -> −5, ≥60 -> −6
    assert score(hdl=hdl).points == 38 + delta


@pytest.mark.parametrize(("ldl", "points"), [(99, 0), (100, 5), (139, 5), (140, 7), (159, 7),
                                             (160, 10), (179, 10), (180, 11)])
def test_ldl_points(ldl: int, points: int) -> None:
    assert score(ldl=ldl).points == 38 - 5 + points


@pytest.mark.parametrize(("total", "category", "risk"), [
    (35, "低リスク", "<1"), (36, "低リスク", "1"), (40, "低リスク", "1"), (41, "中リスク", "2"),
    (45, "中リスク", "2"), (46, "中リスク", "3"), (50, "中リスク", "3"), (51, "中リスク", "5"),
    (55, "中リスク", "5"), (56, "高リスク", "9"), (60, "高リスク", "9"), (61, "高リスク", "14"),
    (65, "高リスク", "14"), (66, "高リスク", "22"), (70, "高リスク", "22"), (71, "高リスク", ">28"),
])
def test_categories_and_risk_bands(total: int, category: str, risk: str) -> None:
    assert suita.category(total) == category
    assert suita.risk_band(total) == risk


def test_missing_inputs() -> None:
    r = score(family_history=None)
    assert r.points is None and r.missing == ("family_history",)


def test_reference_only() -> None:
    assert suita.GUIDELINE.reference_only
    assert "[unconfirmed]" in (suita.evaluate.__doc__ or "")
