"""Hisayama score: 10-year risk of CAD + atherothrombotic infarction (risk-rules.md §6).

Guideline: 日本動脈硬化学会 動脈硬化性疾患予防ガイドライン2022 (JAS 2022), 図3-1/3-2;
Honda T et al. J Atheroscler Thromb 2022;29:345 [confirmed: three independent
implementations agree on every cell].

Who is scored, in this order: CAD or atherothrombotic infarction -> 二次予防
(``secondary-prevention``); diabetes (IGT does not count), CKD or PAD -> 高リスク
(``high-risk-condition``); familial hypercholesterolaemia -> ``excluded-fh``; otherwise
ages 40–79 are scored, others ``not-applicable``. Age is not scored: it picks the column.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from phrapp.domain.risk.common import Guideline, band

Sex = Literal["male", "female"]
Route = Literal["scored", "secondary-prevention", "high-risk-condition", "excluded-fh",
                "not-applicable"]
RiskPercent = Decimal | str  # a number, or "<1.0" as the table prints it

GUIDELINE: Final = Guideline("日本動脈硬化学会 動脈硬化性疾患予防ガイドライン",
                             "2022 (久山町スコア, 図3-1/3-2)", "specs/risk-rules.md §6",
                             "confirmed")

LOW: Final = "低リスク"
MIDDLE: Final = "中リスク"
HIGH: Final = "高リスク"

# --------------------------------------------------------------------------- points (§6)
SEX_POINTS: Final[dict[Sex, int]] = {"male": 7, "female": 0}
#: SBP: lower bound -> points, highest first; below all: 0.
SBP_POINTS: Final[tuple[tuple[Decimal, int], ...]] = (
    (Decimal("160"), 4), (Decimal("140"), 3), (Decimal("130"), 2), (Decimal("120"), 1))
IGT_POINTS: Final = 1
LDL_POINTS: Final[tuple[tuple[Decimal, int], ...]] = (
    (Decimal("160"), 3), (Decimal("140"), 2), (Decimal("120"), 1))
#: HDL: ≥60 -> 0, 40–59 -> 1, <40 -> 2 (as lower bounds, highest first).
HDL_POINTS: Final[tuple[tuple[Decimal, int], ...]] = ((Decimal("60"), 0), (Decimal("40"), 1))
HDL_BELOW_40: Final = 2
SMOKING_POINTS: Final = 2
MAX_POINTS: Final = 19

#: Age columns: (first age, last age).
AGE_COLUMNS: Final[tuple[tuple[int, int], ...]] = ((40, 49), (50, 59), (60, 69), (70, 79))
BELOW_1: Final = "<1.0"

#: 10-year risk (%) by points 0–19 (rows) and age column (40s, 50s, 60s, 70s). §6 table.
RISK_TABLE: Final[tuple[tuple[str, str, str, str], ...]] = (
    ("<1.0", "<1.0", "1.7", "3.4"),
    ("<1.0", "<1.0", "1.9", "3.9"),
    ("<1.0", "<1.0", "2.2", "4.5"),
    ("<1.0", "1.1", "2.6", "5.2"),
    ("<1.0", "1.3", "3.0", "6.0"),
    ("<1.0", "1.4", "3.4", "6.9"),
    ("<1.0", "1.7", "3.9", "7.9"),
    ("<1.0", "1.9", "4.5", "9.1"),
    ("1.1", "2.2", "5.2", "10.4"),
    ("1.3", "2.6", "6.0", "11.9"),
    ("1.4", "3.0", "6.9", "13.6"),
    ("1.7", "3.4", "7.9", "15.5"),
    ("1.9", "3.9", "9.1", "17.7"),
    ("2.2", "4.5", "10.4", "20.2"),
    ("2.6", "5.2", "11.9", "22.9"),
    ("3.0", "6.0", "13.6", "25.9"),
    ("3.4", "6.9", "15.5", "29.3"),
    ("3.9", "7.9", "17.7", "33.0"),
    ("4.5", "9.1", "20.2", "37.0"),
    ("5.2", "10.4", "22.9", "41.1"),
)

#: Categories: 低 <2 %, 中 2–<10 %, 高 ≥10 %; "<1.0" counts as 低.
CATEGORY_BOUNDS: Final[tuple[tuple[Decimal, str], ...]] = (
    (Decimal("10"), HIGH), (Decimal("2"), MIDDLE))

#: Lipid targets (LDL, non-HDL mg/dL) by category (§6).
LIPID_TARGETS: Final[dict[str, tuple[int, int]]] = {
    LOW: (160, 190), MIDDLE: (140, 170), HIGH: (120, 150), "二次予防": (100, 130),
}

#: 糖代謝異常 as the JAS web app uses it (§6): FPG 110–125 (or OGTT 2 h 140–199).
IGT_FPG_FROM: Final = Decimal("110")


@dataclass(frozen=True, slots=True)
class HisayamaInput:
    """``None`` = not known. Condition flags (``diabetes`` …) None = not reported."""

    sex: Sex | None = None
    age: int | None = None
    sbp: Decimal | None = None
    igt: bool | None = None
    ldl: Decimal | None = None
    hdl: Decimal | None = None
    smoking: bool | None = None
    diabetes: bool | None = None
    ckd: bool | None = None
    pad: bool | None = None
    cad_or_stroke: bool | None = None
    fh: bool | None = None


@dataclass(frozen=True, slots=True)
class HisayamaResult:
    route: Route
    points: int | None
    risk_percent: RiskPercent | None
    category: str | None
    missing: tuple[str, ...]  # score inputs that were not given (never guessed)


def points(*, sex: Sex, sbp: Decimal, igt: bool, ldl: Decimal, hdl: Decimal,
           smoking: bool) -> int:
    """Hisayama points 0–19 (JAS 2022 図3-1, risk-rules §6 [confirmed])."""
    total = SEX_POINTS[sex]
    total += band(sbp, SBP_POINTS, 0)
    total += IGT_POINTS if igt else 0
    total += band(ldl, LDL_POINTS, 0)
    total += band(hdl, HDL_POINTS, HDL_BELOW_40)
    total += SMOKING_POINTS if smoking else 0
    return total


def age_column(age: int) -> int | None:
    """Index of the age column (40–49 … 70–79), None outside 40–79."""
    for i, (first, last) in enumerate(AGE_COLUMNS):
        if first <= age <= last:
            return i
    return None


def risk_percent(total: int, age: int) -> RiskPercent:
    """10-year risk from the JAS 2022 図3-2 table (risk-rules §6 [confirmed]): a Decimal,
    or the string ``"<1.0"`` as printed.

    ``ValueError`` for points outside 0–19 or ages outside 40–79.
    """
    col = age_column(age)
    if col is None or not 0 <= total <= MAX_POINTS:
        raise ValueError("points must be 0–19 and age 40–79")
    cell = RISK_TABLE[total][col]
    return cell if cell == BELOW_1 else Decimal(cell)


def category(risk: RiskPercent) -> str:
    """低リスク <2 %, 中リスク 2–<10 %, 高リスク ≥10 % ("<1.0" is 低): JAS 2022, risk-rules
    §6 [confirmed]."""
    if isinstance(risk, str):
        return LOW
    for lower, name in CATEGORY_BOUNDS:
        if risk >= lower:
            return name
    return LOW


def igt_from_fpg(fpg: Decimal | None) -> bool | None:
    """糖代謝異常 from a fasting glucose: FPG ≥110 (risk-rules §6: the JAS web app's 110–125,
    the guideline gives no numbers [single]; a value ≥126 is a diabetes-type value, still
    abnormal, and counts too — phrapp convention). None without FPG."""
    return None if fpg is None else fpg >= IGT_FPG_FROM


def evaluate(inp: HisayamaInput) -> HisayamaResult:
    """Hisayama score with its routing (JAS 動脈硬化性疾患予防ガイドライン2022,
    risk-rules.md §6 [confirmed]).

    Order: ``cad_or_stroke`` -> secondary-prevention; ``diabetes``/``ckd``/``pad`` ->
    high-risk-condition (category 高リスク); ``fh`` -> excluded-fh; age outside 40–79
    -> not-applicable; else the score. A condition flag that is None counts as not
    reported (not present); a missing score input gives ``points`` None with ``missing``.
    """
    if inp.cad_or_stroke:
        return HisayamaResult("secondary-prevention", None, None, None, ())
    if inp.diabetes or inp.ckd or inp.pad:
        return HisayamaResult("high-risk-condition", None, None, HIGH, ())
    if inp.fh:
        return HisayamaResult("excluded-fh", None, None, None, ())
    if inp.age is not None and age_column(inp.age) is None:
        return HisayamaResult("not-applicable", None, None, None, ())
    values = {"sex": inp.sex, "age": inp.age, "sbp": inp.sbp, "igt": inp.igt, "ldl": inp.ldl,
              "hdl": inp.hdl, "smoking": inp.smoking}
    missing = tuple(k for k, v in values.items() if v is None)
    if (missing or inp.sex is None or inp.age is None or inp.sbp is None or inp.igt is None
            or inp.ldl is None or inp.hdl is None or inp.smoking is None):
        return HisayamaResult("scored", None, None, None, missing)
    total = points(sex=inp.sex, sbp=inp.sbp, igt=inp.igt, ldl=inp.ldl, hdl=inp.hdl,
                   smoking=inp.smoking)
    risk = risk_percent(total, inp.age)
    return HisayamaResult("scored", total, risk, category(risk), ())
