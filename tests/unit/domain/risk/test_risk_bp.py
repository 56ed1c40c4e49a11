"""JSH2019 BP classes and JSH2025 targets (risk-rules §1–§2).

The expectations are typed by hand from the spec's Table 2-5, not derived from
``bp.OFFICE``/``bp.HOME``: value just below, on and just above every edge.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from phrapp.domain.risk import bp

N, HN, E, G1, G2, G3 = ("正常血圧", "正常高値血圧", "高値血圧", "I度高血圧", "II度高血圧",
                        "III度高血圧")

# (sbp, dbp, category, isolated systolic) — 診察室 column.
OFFICE = [
    (119, 79, N, False),
    (120, 79, HN, False),
    (129, 79, HN, False),
    (130, 79, E, False),
    (119, 80, E, False),
    (129, 80, E, False),
    (139, 89, E, False),
    (140, 89, G1, True),
    (139, 90, G1, False),
    (140, 90, G1, False),
    (159, 99, G1, False),
    (160, 89, G2, True),
    (159, 100, G2, False),
    (179, 109, G2, False),
    (180, 109, G3, False),
    (180, 89, G3, True),
    (179, 110, G3, False),
    (110, 110, G3, False),
    ("129.9", "79.9", HN, False),
    ("139.5", 70, E, False),
    ("139.99", "89.99", E, False),
]

# 家庭 column.
HOME = [
    (114, 74, N, False),
    (115, 74, HN, False),
    (124, 74, HN, False),
    (125, 74, E, False),
    (114, 75, E, False),
    (134, 84, E, False),
    (135, 84, G1, True),
    (134, 85, G1, False),
    (144, 89, G1, False),
    (145, 84, G2, True),
    (144, 90, G2, False),
    (159, 99, G2, False),
    (160, 99, G3, False),
    (160, 84, G3, True),
    (159, 100, G3, False),
    ("134.9", "84.9", E, False),
    ("124.5", "74.5", HN, False),
]


@pytest.mark.parametrize(("sbp", "dbp", "category", "ish"), OFFICE)
def test_office_classes(sbp: object, dbp: object, category: str, ish: bool) -> None:
    c = bp.classify(Decimal(str(sbp)), Decimal(str(dbp)), "office")
    assert c.category == category
    assert c.isolated_systolic is ish


@pytest.mark.parametrize(("sbp", "dbp", "category", "ish"), HOME)
def test_home_classes(sbp: object, dbp: object, category: str, ish: bool) -> None:
    c = bp.classify(Decimal(str(sbp)), Decimal(str(dbp)), "home")
    assert c.category == category
    assert c.isolated_systolic is ish


def test_floats_are_compared_exactly() -> None:
    # 129.99999 must not round to 130 and 130.0 must be 130.
    assert bp.classify(129.99999, 79, "office").category == HN
    assert bp.classify(130.0, 79, "office").category == E


@pytest.mark.parametrize(("sbp", "dbp", "setting", "hypertension"), [
    (139, 89, "office", False), (140, 89, "office", True), (139, 90, "office", True),
    (134, 84, "home", False), (135, 84, "home", True), (134, 85, "home", True),
])
def test_diagnostic_thresholds(sbp: int, dbp: int, setting: bp.Setting,
                               hypertension: bool) -> None:
    assert bp.classify(sbp, dbp, setting).hypertension is hypertension


@pytest.mark.parametrize(("sbp", "dbp", "setting", "meets"), [
    (129, 79, "office", True), (130, 79, "office", False), (129, 80, "office", False),
    (124, 74, "home", True), (125, 74, "home", False), (124, 75, "home", False),
    ("124.9", "74.9", "home", True),
])
def test_jsh2025_targets(sbp: object, dbp: object, setting: bp.Setting, meets: bool) -> None:
    assert bp.meets_target(Decimal(str(sbp)), Decimal(str(dbp)), setting) is meets


def test_jsh2019_reference_targets() -> None:
    assert bp.jsh2019_reference_target("office", 74) == (130, 80)
    assert bp.jsh2019_reference_target("office", 75) == (140, 90)
    assert bp.jsh2019_reference_target("home", 75) == (135, 85)
    assert bp.jsh2019_reference_target("home", 60, ckd_proteinuria_negative=True) == (135, 85)


def test_status_tags_follow_the_spec() -> None:
    # office [confirmed]; home 正常高値 and ISH [unconfirmed]; other home rows [single].
    assert bp.classify(120, 70, "office").status == "confirmed"
    assert not bp.classify(150, 95, "office").reference_only
    assert bp.classify(120, 70, "home").status == "unconfirmed"
    assert bp.classify(110, 70, "home").status == "single"
    assert bp.classify(130, 80, "home").status == "single"
    assert bp.classify(140, 80, "home").status == "unconfirmed"  # ISH label
    assert bp.classify(140, 87, "home").status == "single"
    assert bp.classify(140, 87, "home").reference_only


def test_higher_of_two() -> None:
    a = bp.classify(130, 70, "home")
    b = bp.classify(140, 70, "home")
    assert bp.higher(a, b) is b
    assert bp.higher(b, a) is b
    assert bp.higher(None, a) is a
    assert bp.higher(a, None) is a
    assert bp.higher(None, None) is None


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), True, "x"])
def test_bad_values_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        bp.classify(bad, 80)  # type: ignore[arg-type]


def test_every_guideline_is_cited() -> None:
    for fn in (bp.classify, bp.meets_target, bp.jsh2019_reference_target):
        doc = fn.__doc__ or ""
        assert "JSH20" in doc
        assert "[confirmed]" in doc or "[single]" in doc
