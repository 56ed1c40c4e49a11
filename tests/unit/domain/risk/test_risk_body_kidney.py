"""BMI / JASSO (risk-rules §9) and eGFR / CKD stage (risk-rules §12), typed from the spec."""

from __future__ import annotations

from decimal import Decimal

import pytest

from phrapp.domain.risk import body, kidney

# ------------------------------------------------------------------- BMI


@pytest.mark.parametrize(("bmi", "cls"), [
    ("18.4", "低体重"), ("18.5", "普通体重"), ("18.6", "普通体重"),
    ("24.9", "普通体重"), ("25.0", "肥満(1度)"), ("25.1", "肥満(1度)"),
    ("29.9", "肥満(1度)"), ("30.0", "肥満(2度)"), ("34.9", "肥満(2度)"),
    ("35.0", "肥満(3度)"), ("39.9", "肥満(3度)"), ("40.0", "肥満(4度)"), ("55.0", "肥満(4度)"),
    ("10", "低体重"),
])
def test_jasso_classes(bmi: str, cls: str) -> None:
    assert body.classify(Decimal(bmi)).bmi_class == cls


def test_rounded_to_one_decimal_before_classifying() -> None:
    # 72.25 / 1.7² is 25.000000000000004 in binary floats; 25.0 -> 肥満(1度).
    r = body.classify_measurements(72.25, 170)
    assert r.bmi == Decimal("25.0") and r.bmi_class == "肥満(1度)"
    # 24.95 rounds half-up to 25.0 -> 肥満(1度); 24.94 -> 24.9 普通体重.
    assert body.classify(Decimal("24.95")).bmi_class == "肥満(1度)"
    assert body.classify(Decimal("24.94")).bmi_class == "普通体重"
    assert body.classify(18.45).bmi == Decimal("18.5")
    # 60 kg, 180 cm: 18.518… -> 18.5 普通体重
    assert body.classify_measurements(60, 180) == body.BmiResult(Decimal("18.5"), "普通体重")


def test_ascii_parentheses() -> None:
    assert "(" in body.classify(30).bmi_class and "（" not in body.classify(30).bmi_class


def test_severe_obesity_and_standard_weight() -> None:
    assert body.classify(35).severe and not body.classify("34.9").severe
    assert body.standard_weight(170) == Decimal("63.6")  # 22 × 1.7² = 63.58


def test_bad_measurements() -> None:
    with pytest.raises(ValueError):
        body.compute_bmi(70, 0)
    with pytest.raises(ValueError):
        body.compute_bmi(-1, 170)


# ------------------------------------------------------------------- eGFR


@pytest.mark.parametrize(("sex", "age", "cr", "expected"), [
    # 194 × Cr^-1.094 × age^-0.287 (× 0.739), evaluated separately in plain floats
    ("male", 50, "1.00", "63.1"),
    ("female", 50, "1.00", "46.6"),
    ("female", 60, "0.80", "56.5"),
    ("male", 40, "0.70", "99.4"),
    ("male", 70, "2.00", "26.8"),
])
def test_egfr_equation(sex: kidney.Sex, age: int, cr: str, expected: str) -> None:
    assert kidney.egfr(sex=sex, age=age, creatinine=Decimal(cr)) == Decimal(expected)


def test_egfr_adults_only() -> None:
    with pytest.raises(ValueError):
        kidney.egfr(sex="male", age=17, creatinine=Decimal("0.8"))
    assert kidney.egfr(sex="male", age=18, creatinine=Decimal("0.8")) > 0
    with pytest.raises(ValueError):
        kidney.egfr(sex="male", age=50, creatinine=0)


@pytest.mark.parametrize(("egfr", "stage"), [
    ("90", "G1"), ("89.9", "G2"), ("120", "G1"), ("60", "G2"), ("59.9", "G3a"),
    ("45", "G3a"), ("44.9", "G3b"), ("30", "G3b"), ("29.9", "G4"), ("15", "G4"),
    ("14.9", "G5"), ("0", "G5"),
])
def test_ckd_stages(egfr: str, stage: str) -> None:
    assert kidney.stage(Decimal(egfr)) == stage


def test_stage_is_read_from_the_rounded_egfr() -> None:
    r = kidney.evaluate(sex="male", age=50, creatinine=Decimal("1.00"))
    assert (r.egfr, r.stage) == (Decimal("63.1"), "G2")


def test_ckd_note() -> None:
    assert kidney.ckd_note(Decimal("59.9")) == "要確認"
    assert kidney.ckd_note(Decimal("60")) is None
    assert kidney.ckd_note(Decimal("95"), damage_marker=True) == "要確認"


def test_docstrings() -> None:
    for fn in (kidney.egfr, kidney.stage, body.bmi_class, body.compute_bmi):
        doc = fn.__doc__ or ""
        assert "risk-rules" in doc and "[confirmed]" in doc
