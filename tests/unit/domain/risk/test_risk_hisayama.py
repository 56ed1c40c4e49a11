"""Hisayama score (JAS 2022, risk-rules §6): points, the risk table, categories, routes.

The table below is a second, independent transcription of risk-rules §6 (also matches
code4fukui/hisayama-calc); the code's table must agree with it on every cell.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from phrapp.domain.risk import hisayama
from phrapp.domain.risk.hisayama import HisayamaInput, evaluate

TABLE = """
0  <1.0 <1.0 1.7 3.4
1  <1.0 <1.0 1.9 3.9
2  <1.0 <1.0 2.2 4.5
3  <1.0 1.1 2.6 5.2
4  <1.0 1.3 3.0 6.0
5  <1.0 1.4 3.4 6.9
6  <1.0 1.7 3.9 7.9
7  <1.0 1.9 4.5 9.1
8  1.1 2.2 5.2 10.4
9  1.3 2.6 6.0 11.9
10 1.4 3.0 6.9 13.6
11 1.7 3.4 7.9 15.5
12 1.9 3.9 9.1 17.7
13 2.2 4.5 10.4 20.2
14 2.6 5.2 11.9 22.9
15 3.0 6.0 13.6 25.9
16 3.4 6.9 15.5 29.3
17 3.9 7.9 17.7 33.0
18 4.5 9.1 20.2 37.0
19 5.2 10.4 22.9 41.1
"""
AGES = (45, 55, 65, 75)


def _cells() -> list[tuple[int, int, str]]:
    out = []
    for line in TABLE.strip().splitlines():
        pts, *cells = line.split()
        for age, cell in zip(AGES, cells, strict=True):
            out.append((int(pts), age, cell))
    return out


@pytest.mark.parametrize(("points", "age", "cell"), _cells())
def test_every_cell_of_the_risk_table(points: int, age: int, cell: str) -> None:
    risk = hisayama.risk_percent(points, age)
    if cell == "<1.0":
        assert risk == "<1.0"
        assert hisayama.category(risk) == "低リスク"
    else:
        assert risk == Decimal(cell)
        expected = "低リスク" if Decimal(cell) < 2 else (
            "中リスク" if Decimal(cell) < 10 else "高リスク")
        assert hisayama.category(risk) == expected


def man(**changes: Any) -> HisayamaInput:
    base: dict[str, Any] = dict(sex="male", age=55, sbp=Decimal(110), igt=False,
                                ldl=Decimal(100), hdl=Decimal(70), smoking=False)
    base.update({k: Decimal(str(v)) if k in ("sbp", "ldl", "hdl") and v is not None else v
                 for k, v in changes.items()})
    return HisayamaInput(**base)


@pytest.mark.parametrize(("sbp", "points"), [(119, 0), (120, 1), (129, 1), (130, 2), (139, 2),
                                             (140, 3), (159, 3), (160, 4), ("119.9", 0)])
def test_sbp_points(sbp: object, points: int) -> None:
    assert evaluate(man(sex="female", sbp=sbp)).points == points


@pytest.mark.parametrize(("ldl", "points"), [(119, 0), (120, 1), (139, 1), (140, 2), (159, 2),
                                             (160, 3)])
def test_ldl_points(ldl: int, points: int) -> None:
    assert evaluate(man(sex="female", ldl=ldl)).points == points


@pytest.mark.parametrize(("hdl", "points"), [(60, 0), (59, 1), (40, 1), ("39.9", 2), (39, 2)])
def test_hdl_points(hdl: object, points: int) -> None:
    assert evaluate(man(sex="female", hdl=hdl)).points == points


def test_sex_igt_smoking_points() -> None:
    assert evaluate(man()).points == 7
    assert evaluate(man(sex="female")).points == 0
    assert evaluate(man(sex="female", igt=True)).points == 1
    assert evaluate(man(sex="female", smoking=True)).points == 2


@pytest.mark.parametrize(("inp", "points", "risk", "category"), [
    # man 55, SBP 135 (2), LDL 150 (2), HDL 45 (1), smoker (2): 7+2+0+2+1+2
    (dict(sex="male", age=55, sbp=135, igt=False, ldl=150, hdl=45, smoking=True),
     14, Decimal("5.2"), "中リスク"),
    # woman 65, SBP 118 (0), IGT (1), LDL 165 (3), HDL 38 (2)
    (dict(sex="female", age=65, sbp=118, igt=True, ldl=165, hdl=38, smoking=False),
     6, Decimal("3.9"), "中リスク"),
    # woman 45, everything optimal
    (dict(sex="female", age=45, sbp=119, igt=False, ldl=119, hdl=60, smoking=False),
     0, "<1.0", "低リスク"),
    # man 79, every item at its worst: 7+4+1+3+2+2
    (dict(sex="male", age=79, sbp=160, igt=True, ldl=160, hdl=39, smoking=True),
     19, Decimal("41.1"), "高リスク"),
    # man 42, SBP 125 (1): 8 points -> 1.1 %
    (dict(sex="male", age=42, sbp=125, igt=False, ldl=100, hdl=60, smoking=False),
     8, Decimal("1.1"), "低リスク"),
    # man 50: 8 points -> 2.2 % (中); 7 points -> 1.9 % (低)
    (dict(sex="male", age=50, sbp=125, igt=False, ldl=100, hdl=60, smoking=False),
     8, Decimal("2.2"), "中リスク"),
    (dict(sex="male", age=59, sbp=110, igt=False, ldl=100, hdl=60, smoking=False),
     7, Decimal("1.9"), "低リスク"),
    # man 70: 7 -> 9.1 (中), 8 -> 10.4 (高)
    (dict(sex="male", age=70, sbp=110, igt=False, ldl=100, hdl=60, smoking=False),
     7, Decimal("9.1"), "中リスク"),
    (dict(sex="male", age=70, sbp=110, igt=True, ldl=100, hdl=60, smoking=False),
     8, Decimal("10.4"), "高リスク"),
])
def test_worked_examples(inp: dict[str, Any], points: int, risk: object,
                         category: str) -> None:
    r = evaluate(man(**inp))
    assert (r.route, r.points, r.risk_percent, r.category) == ("scored", points, risk,
                                                               category)


@pytest.mark.parametrize(("age", "route"), [(39, "not-applicable"), (40, "scored"),
                                            (49, "scored"), (50, "scored"), (79, "scored"),
                                            (80, "not-applicable")])
def test_age_range(age: int, route: str) -> None:
    assert evaluate(man(age=age)).route == route


def test_age_picks_the_column() -> None:
    # 7 points (a man): 40s <1.0, 50s 1.9, 60s 4.5, 70s 9.1.
    assert [evaluate(man(age=a)).risk_percent for a in (49, 50, 69, 70)] == \
        ["<1.0", Decimal("1.9"), Decimal("4.5"), Decimal("9.1")]


def test_routing_order() -> None:
    both = evaluate(man(cad_or_stroke=True, diabetes=True, fh=True))
    assert both.route == "secondary-prevention" and both.category is None
    for flag in ("diabetes", "ckd", "pad"):
        r = evaluate(man(**{flag: True}, fh=True))
        assert (r.route, r.category, r.points) == ("high-risk-condition", "高リスク", None)
    assert evaluate(man(fh=True, age=30)).route == "excluded-fh"
    # the routes come before the age check
    assert evaluate(man(diabetes=True, age=30)).route == "high-risk-condition"
    # conditions explicitly absent: scored
    assert evaluate(man(diabetes=False, ckd=False, pad=False, cad_or_stroke=False,
                        fh=False)).route == "scored"


def test_missing_inputs_are_named_never_guessed() -> None:
    r = evaluate(man(smoking=None))
    assert (r.points, r.risk_percent, r.category, r.missing) == (None, None, None,
                                                                  ("smoking",))
    r = evaluate(man(sbp=None, igt=None))
    assert r.missing == ("sbp", "igt")


def test_igt_from_fasting_glucose() -> None:
    assert hisayama.igt_from_fpg(None) is None
    assert hisayama.igt_from_fpg(Decimal("109")) is False
    assert hisayama.igt_from_fpg(Decimal("110")) is True
    assert hisayama.igt_from_fpg(Decimal("125")) is True


def test_risk_table_bounds() -> None:
    with pytest.raises(ValueError):
        hisayama.risk_percent(20, 50)
    with pytest.raises(ValueError):
        hisayama.risk_percent(5, 80)


def test_docstring() -> None:
    doc = evaluate.__doc__ or ""
    assert "2022" in doc and "[confirmed]" in doc
