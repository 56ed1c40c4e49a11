"""eGFR (Japanese equation) and the CKD G stage (risk-rules.md §12).

Guideline: 日本腎臓学会 (JSN) エビデンスに基づくCKD診療ガイドライン / 日本人のGFR推算式
[confirmed]: ``eGFR = 194 × Cr^−1.094 × age^−0.287`` (× 0.739 for women), mL/min/1.73 m²,
for adults ≥18 with enzymatic serum creatinine (mg/dL); shown with one decimal. The G
stage is read from that one-decimal value (a derived ratio is rounded first, §9 convention).

CKD itself needs eGFR <60 **or** kidney damage lasting >3 months: a single value only
shows 「要確認」 (:func:`ckd_note`). A checkup file's own eGFR (8A065…) wins over this.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Final, Literal

from phrapp.domain.risk.common import ADULT_AGE, Guideline, Number, dec, round_half_up

Sex = Literal["male", "female"]

GUIDELINE: Final = Guideline("日本腎臓学会 日本人のGFR推算式 / CKD診療ガイドライン", "JSN "
                             "(194 × Cr^−1.094 × age^−0.287)", "specs/risk-rules.md §12",
                             "confirmed")

#: The equation's constants (risk-rules §12).
COEFFICIENT: Final = Decimal("194")
CREATININE_EXPONENT: Final = Decimal("-1.094")
AGE_EXPONENT: Final = Decimal("-0.287")
FEMALE_FACTOR: Final = Decimal("0.739")
DECIMALS: Final = 1

#: G stages by lower bound, highest first; below all: G5.
STAGES: Final[tuple[tuple[Decimal, str], ...]] = (
    (Decimal("90"), "G1"), (Decimal("60"), "G2"), (Decimal("45"), "G3a"),
    (Decimal("30"), "G3b"), (Decimal("15"), "G4"))
LAST_STAGE: Final = "G5"
CKD_BELOW: Final = Decimal("60")


@dataclass(frozen=True, slots=True)
class EgfrResult:
    egfr: Decimal  # one decimal
    stage: str


def egfr(*, sex: Sex, age: int, creatinine: Number) -> Decimal:
    """eGFR (mL/min/1.73 m²), one decimal half-up — JSN Japanese equation, risk-rules §12
    [confirmed]. ``ValueError`` under 18 (not applicable) or for creatinine ≤ 0."""
    if age < ADULT_AGE:
        raise ValueError("the Japanese eGFR equation applies from age 18")
    cr = dec(creatinine, "creatinine")
    if cr == 0:
        raise ValueError("creatinine must be positive")
    with localcontext() as ctx:
        ctx.prec = 28
        value = COEFFICIENT * cr ** CREATININE_EXPONENT * Decimal(age) ** AGE_EXPONENT
        if sex == "female":
            value *= FEMALE_FACTOR
    return round_half_up(value, DECIMALS)


def stage(egfr_value: Number) -> str:
    """CKD G stage: G1 ≥90, G2 60–89, G3a 45–59, G3b 30–44, G4 15–29, G5 <15
    (JSN, risk-rules §12 [confirmed]); the value is compared as given."""
    value = dec(egfr_value, "egfr")
    for lower, name in STAGES:
        if value >= lower:
            return name
    return LAST_STAGE


def evaluate(*, sex: Sex, age: int, creatinine: Number) -> EgfrResult:
    """eGFR then its stage (both JSN, risk-rules §12 [confirmed])."""
    value = egfr(sex=sex, age=age, creatinine=creatinine)
    return EgfrResult(value, stage(value))


def ckd_note(egfr_value: Number, *, damage_marker: bool = False) -> str | None:
    """「要確認」 when one value suggests CKD (eGFR <60 or a damage marker); else None.

    CKD needs the finding to last >3 months (JSN, risk-rules §12 [confirmed]): one value
    never says CKD, and G1–G2 without a damage marker is not CKD.
    """
    if dec(egfr_value, "egfr") < CKD_BELOW or damage_marker:
        return "要確認"
    return None
