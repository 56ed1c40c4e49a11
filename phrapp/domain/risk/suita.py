"""Suita score (JAS GL2017; superseded in 2022) — reference only (risk-rules.md §7).

Guideline: 日本動脈硬化学会 動脈硬化性疾患予防ガイドライン2017 (吹田スコア); Nishimura K
et al. JAT 2014;21:784. Status: the BP points are [unconfirmed] except 正常高値 0
[confirmed by a worked example]; the other rows as tabled in the spec. The original
score also scores diabetes and CKD; those points were not retrieved and are not applied.
**Shipped disabled behind a setting** (``calc`` always answers it).

BP uses the JSH2014 office classes. JSH2019 renamed them (至適→正常, 正常→正常高値,
正常高値→高値) and moved the DBP edge of JSH2014 正常 (80–84) into JSH2019 高値; both
land on 0 points, so the JSH2019 office classification (:mod:`bp`) gives the same points.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from phrapp.domain.risk import bp
from phrapp.domain.risk.common import Guideline, band

Sex = Literal["male", "female"]

GUIDELINE: Final = Guideline("日本動脈硬化学会 動脈硬化性疾患予防ガイドライン",
                             "2017 (吹田スコア; superseded 2022)", "specs/risk-rules.md §7",
                             "unconfirmed")

LOW: Final = "低リスク"
MIDDLE: Final = "中リスク"
HIGH: Final = "高リスク"

MIN_AGE: Final = 35
#: Age: lower bound -> points, highest first.
AGE_POINTS: Final[tuple[tuple[Decimal, int], ...]] = (
    (Decimal("70"), 53), (Decimal("65"), 51), (Decimal("55"), 45), (Decimal("45"), 38),
    (Decimal("35"), 30))
SEX_POINTS: Final[dict[Sex, int]] = {"male": 0, "female": -7}
SMOKING_POINTS: Final = 5
#: BP points by JSH2019 office class index (0 正常 = JSH2014 至適 … 5 III度).
BP_POINTS: Final[dict[int, int]] = {
    bp.NORMAL: -7,  # JSH2014 至適 [unconfirmed]
    bp.HIGH_NORMAL: 0,  # JSH2014 正常 [unconfirmed]
    bp.ELEVATED: 0,  # JSH2014 正常高値 [confirmed by a worked example]
    bp.GRADE1: 4,  # I度 [unconfirmed]
    bp.GRADE2: 6,  # II度以上 [unconfirmed]
    bp.GRADE3: 6,
}
#: HDL: ≥60 -> −6, 40–59 -> −5, <40 -> 0.
HDL_POINTS: Final[tuple[tuple[Decimal, int], ...]] = ((Decimal("60"), -6), (Decimal("40"), -5))
LDL_POINTS: Final[tuple[tuple[Decimal, int], ...]] = (
    (Decimal("180"), 11), (Decimal("160"), 10), (Decimal("140"), 7), (Decimal("100"), 5))
IGT_POINTS: Final = 5
FAMILY_HISTORY_POINTS: Final = 5

#: Categories: ≤40 低, 41–55 中, ≥56 高 (as upper bounds).
CATEGORIES: Final[tuple[tuple[int, str], ...]] = ((40, LOW), (55, MIDDLE))
#: 10-year CAD risk by score: (highest score of the band, text).
RISK_BANDS: Final[tuple[tuple[int, str], ...]] = (
    (35, "<1"), (40, "1"), (45, "2"), (50, "3"), (55, "5"), (60, "9"), (65, "14"),
    (70, "22"))
RISK_ABOVE: Final = ">28"


@dataclass(frozen=True, slots=True)
class SuitaResult:
    route: Literal["scored", "not-applicable"]
    points: int | None
    category: str | None
    risk_percent: str | None  # as the band prints it: "<1", "1", … ">28"
    missing: tuple[str, ...]


def category(total: int) -> str:
    """≤40 低リスク, 41–55 中リスク, ≥56 高リスク (JAS GL2017, risk-rules §7 [single])."""
    for upper, name in CATEGORIES:
        if total <= upper:
            return name
    return HIGH


def risk_band(total: int) -> str:
    """10-year CAD risk text for a score (JAS GL2017, risk-rules §7 [single])."""
    for upper, text in RISK_BANDS:
        if total <= upper:
            return text
    return RISK_ABOVE


def evaluate(*, sex: Sex | None, age: int | None, smoking: bool | None,
             sbp: Decimal | None, dbp: Decimal | None, hdl: Decimal | None,
             ldl: Decimal | None, igt: bool | None,
             family_history: bool | None) -> SuitaResult:
    """Suita score (JAS GL2017, risk-rules.md §7; BP points [unconfirmed] but 正常高値).

    Ages from 35 are scored; a missing input gives ``points`` None and ``missing``.
    """
    values: dict[str, object] = {"sex": sex, "age": age, "smoking": smoking, "sbp": sbp,
                                 "dbp": dbp, "hdl": hdl, "ldl": ldl, "igt": igt,
                                 "family_history": family_history}
    if age is not None and age < MIN_AGE:
        return SuitaResult("not-applicable", None, None, None, ())
    missing = tuple(k for k, v in values.items() if v is None)
    if (missing or sex is None or age is None or smoking is None or sbp is None or dbp is None
            or hdl is None or ldl is None or igt is None or family_history is None):
        return SuitaResult("scored", None, None, None, missing)
    total = band(Decimal(age), AGE_POINTS, 0) + SEX_POINTS[sex]
    total += SMOKING_POINTS if smoking else 0
    total += BP_POINTS[bp.classify(sbp, dbp, "office").level]
    total += band(hdl, HDL_POINTS, 0)
    total += band(ldl, LDL_POINTS, 0)
    total += IGT_POINTS if igt else 0
    total += FAMILY_HISTORY_POINTS if family_history else 0
    return SuitaResult("scored", total, category(total), risk_band(total), ())
