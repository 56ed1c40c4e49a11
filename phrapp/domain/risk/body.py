"""BMI and its JASSO class (risk-rules.md §9) and the 標準体重.

Guideline: 日本肥満学会 (JASSO) 肥満度分類 [confirmed]. ``BMI = kg / m²``, **rounded to
one decimal (half-up) before classifying** (checkup files use one decimal, and in
binary floats 72.25 / 1.7² = 25.000000000000004). Class names use ASCII parentheses.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from phrapp.domain.risk.common import Guideline, Number, dec, round_half_up

GUIDELINE: Final = Guideline("日本肥満学会 肥満症診療ガイドライン (肥満度分類)", "JASSO "
                             "(2022)", "specs/risk-rules.md §9", "confirmed")

UNDERWEIGHT: Final = "低体重"
NORMAL: Final = "普通体重"
#: Classes by lower bound, highest first; below all: 低体重.
CLASSES: Final[tuple[tuple[Decimal, str], ...]] = (
    (Decimal("40"), "肥満(4度)"),
    (Decimal("35"), "肥満(3度)"),
    (Decimal("30"), "肥満(2度)"),
    (Decimal("25"), "肥満(1度)"),
    (Decimal("18.5"), NORMAL),
)
SEVERE_OBESITY_FROM: Final = Decimal("35")  # ≥35 = 高度肥満
STANDARD_BMI: Final = Decimal("22")  # 標準体重 = 22 × height(m)²
DECIMALS: Final = 1


@dataclass(frozen=True, slots=True)
class BmiResult:
    bmi: Decimal  # one decimal
    bmi_class: str

    @property
    def severe(self) -> bool:
        """高度肥満 (BMI ≥35)."""
        return self.bmi >= SEVERE_OBESITY_FROM


def compute_bmi(weight_kg: Number, height_cm: Number) -> Decimal:
    """kg / m², rounded half-up to one decimal (JASSO, risk-rules §9 [confirmed])."""
    kg = dec(weight_kg, "weight_kg")
    cm = dec(height_cm, "height_cm")
    if cm == 0 or kg == 0:
        raise ValueError("height_cm and weight_kg must be positive")
    m = cm / Decimal(100)
    return round_half_up(kg / (m * m), DECIMALS)


def bmi_class(bmi: Number) -> str:
    """JASSO class of a BMI value, as given (round derived values first: :func:`classify`).

    Guideline: 日本肥満学会 肥満度分類, risk-rules.md §9 [confirmed]: <18.5 低体重,
    18.5–<25 普通体重, 25–<30 肥満(1度), 30–<35 肥満(2度), 35–<40 肥満(3度), ≥40 肥満(4度).
    """
    value = dec(bmi, "bmi")
    for lower, name in CLASSES:
        if value >= lower:
            return name
    return UNDERWEIGHT


def classify(bmi: Number) -> BmiResult:
    """Round ``bmi`` to one decimal (half-up), then classify (JASSO, risk-rules §9
    [confirmed])."""
    value = round_half_up(dec(bmi, "bmi"), DECIMALS)
    return BmiResult(value, bmi_class(value))


def classify_measurements(weight_kg: Number, height_cm: Number) -> BmiResult:
    """BMI from weight and height, rounded first, then its JASSO class (risk-rules §9
    [confirmed])."""
    value = compute_bmi(weight_kg, height_cm)
    return BmiResult(value, bmi_class(value))


def standard_weight(height_cm: Number) -> Decimal:
    """標準体重 = 22 × height(m)², one decimal (JASSO, risk-rules §9 [confirmed])."""
    m = dec(height_cm, "height_cm") / Decimal(100)
    return round_half_up(STANDARD_BMI * m * m, DECIMALS)
