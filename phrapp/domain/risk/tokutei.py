"""特定保健指導 stratification, 第4期 (FY2024–): risk-rules.md §4.

Guideline: 厚生労働省 「標準的な健診・保健指導プログラム(令和6年度版)」 (第4期), read
through secondary sources and wic-net.com mirrors [confirmed unless marked]:

* step 0: outside ages 40–74 (age at the end of the fiscal year) -> not eligible;
  any 服薬 (BP, glucose or lipid drugs) -> 対象外 「服薬中のため対象外」;
* step 1: (1) waist ≥85 (M) / ≥90 (F) cm, or visceral fat area ≥100 cm²;
  (2) not (1) and BMI ≥25; otherwise 情報提供;
* step 2: risks — 血糖 (FPG ≥100, else HbA1c ≥5.6, else random glucose ≥100: the first
  available decides [§16 decision, unconfirmed priority]); 脂質 (fasting TG ≥150 or
  random TG ≥175, or HDL <40); 血圧 (SBP ≥130 or DBP ≥85); 喫煙 counts only with at
  least one other risk;
* step 3: the level table below, by step-1 branch, risk count and age band.

The step-2 cut-offs are the 保健指導判定値 and are read from
:mod:`phrapp.domain.risk.thresholds` (one table for 判定値); the step-1 cut-offs and
the level table live here.

Unknown inputs are never guessed: every unknown yes/no is tried both ways, and the level
is given only when all possibilities agree; otherwise ``level`` is None and ``missing``
names what would decide it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from phrapp.domain.risk import thresholds
from phrapp.domain.risk.common import Guideline, tri_or
from phrapp.domain.time import age_on

Sex = Literal["male", "female"]
Step1 = Literal["waist", "bmi", "none"]

INTENSIVE: Final = "積極的支援"
MOTIVATIONAL: Final = "動機付け支援"
INFORMATION: Final = "情報提供"
NOT_ELIGIBLE: Final = "対象外"
LEVELS: Final[tuple[str, ...]] = (INTENSIVE, MOTIVATIONAL, INFORMATION, NOT_ELIGIBLE)

GUIDELINE: Final = Guideline("厚生労働省 標準的な健診・保健指導プログラム", "令和6年度版, "
                             "特定保健指導 第4期 (FY2024–)", "specs/risk-rules.md §4",
                             "confirmed")

#: Step 0 and step 1 (risk-rules §4).
AGE_MIN: Final = 40
AGE_MAX: Final = 74
OLDER_FROM: Final = 65  # the 65–74 column
WAIST_CM: Final[dict[Sex, Decimal]] = {"male": Decimal("85"), "female": Decimal("90")}
VISCERAL_FAT_CM2: Final = Decimal("100")
BMI_LIMIT: Final = Decimal("25")

#: Step 3: (step-1 branch, minimum risks) -> (level 40–64, level 65–74); first match wins.
LEVEL_TABLE: Final[tuple[tuple[Step1, int, str, str], ...]] = (
    ("waist", 2, INTENSIVE, MOTIVATIONAL),
    ("waist", 1, MOTIVATIONAL, MOTIVATIONAL),
    ("bmi", 3, INTENSIVE, MOTIVATIONAL),
    ("bmi", 1, MOTIVATIONAL, MOTIVATIONAL),
)

#: 保健指導レベル (9N506) as coded in a checkup file -> level; 3 なし = 情報提供 only,
#: 4 判定不能 = no level.
FILE_LEVELS: Final[dict[int, str | None]] = {1: INTENSIVE, 2: MOTIVATIONAL, 3: INFORMATION,
                                             4: None}


@dataclass(frozen=True, slots=True)
class TokuteiInput:
    """Step inputs; ``None`` = not measured / not answered. ``age`` is at fiscal-year end.

    ``tg_fasting`` says which TG threshold applies (True fasting, False random).
    ``random_glucose`` must only be given when usable (sample ≥3.5 h after a meal).
    """

    sex: Sex | None = None
    age: int | None = None
    waist: Decimal | None = None
    visceral_fat: Decimal | None = None
    bmi: Decimal | None = None
    sbp: Decimal | None = None
    dbp: Decimal | None = None
    tg: Decimal | None = None
    tg_fasting: bool | None = None
    hdl: Decimal | None = None
    fpg: Decimal | None = None
    hba1c: Decimal | None = None
    random_glucose: Decimal | None = None
    smoking: bool | None = None
    on_drugs: bool | None = None


@dataclass(frozen=True, slots=True)
class TokuteiResult:
    """``level`` None = not determinable from the inputs (``missing`` says why).

    ``reason`` for 対象外: ``age`` (outside 40–74) or ``drugs`` (服薬中のため対象外).
    """

    level: str | None
    reason: Literal["age", "drugs"] | None
    step1: Step1 | None
    risks: dict[str, bool | None]  # glucose, lipids, bp, smoking (as counted)
    risk_count: int | None
    missing: tuple[str, ...]


def fiscal_year_end(exam_date: dt.date) -> dt.date:
    """31 March closing the Japanese fiscal year of ``exam_date`` (April–March)."""
    year = exam_date.year if exam_date.month <= 3 else exam_date.year + 1
    return dt.date(year, 3, 31)


def age_at_fiscal_year_end(birth: dt.date, exam_date: dt.date) -> int:
    """risk-rules §4 [confirmed]: the age reached by the end of the fiscal year (31 March)
    of the exam (標準的な健診・保健指導プログラム, 第4期).

    Under 年齢計算ニ関スル法律 an age is reached at the end of the day before the
    birthday, so someone born on 1 April has reached it by 31 March: the completed
    years on the following 1 April (the 「4月2日～翌年4月1日生まれ」 cohorts).
    """
    return age_on(birth, fiscal_year_end(exam_date) + dt.timedelta(days=1))


def _risk(item: str, value: Decimal | None) -> bool | None:
    """A step-2 risk: the value meets the item's 保健指導判定値 (thresholds.py)."""
    if value is None:
        return None
    return thresholds.judge(item, value).flag != thresholds.NORMAL


def _glucose(inp: TokuteiInput) -> tuple[bool | None, list[str]]:
    # §16 decision: FPG if present, else HbA1c, else random glucose: the first decides.
    for item, value in (("fpg", inp.fpg), ("hba1c", inp.hba1c),
                        ("random_glucose", inp.random_glucose)):
        if value is not None:
            return _risk(item, value), []
    return None, ["glucose"]


def _tg(inp: TokuteiInput) -> tuple[bool | None, list[str]]:
    if inp.tg is None:
        return None, ["tg"]
    fasting = _risk("tg_fasting", inp.tg)
    random = _risk("tg_random", inp.tg)
    if inp.tg_fasting is True:
        return fasting, []
    if inp.tg_fasting is False:
        return random, []
    if fasting == random:  # decided whichever threshold applies
        return fasting, []
    return None, ["tg_fasting"]


def _factor(parts: list[tuple[bool | None, list[str]]]) -> tuple[bool | None, list[str]]:
    value = tri_or(*(p[0] for p in parts))
    missing = [] if value is True else [m for p in parts for m in p[1]]
    return value, missing


def _level(step1: Step1, risk_count: int, older: bool) -> str:
    for branch, minimum, younger_level, older_level in LEVEL_TABLE:
        if branch == step1 and risk_count >= minimum:
            return older_level if older else younger_level
    return INFORMATION


def _choices(value: bool | None) -> tuple[bool, ...]:
    return (True, False) if value is None else (value,)


def stratify(inp: TokuteiInput) -> TokuteiResult:
    """特定保健指導 level (第4期) for one checkup.

    Guideline: 厚生労働省 標準的な健診・保健指導プログラム(令和6年度版), 特定保健指導
    第4期 (FY2024–), risk-rules.md §4 [confirmed]; glucose priority FPG > HbA1c >
    random glucose is a §16 decision [unconfirmed]; random TG accepted with 採血時間 3
    or 4 (§16 decision). ``inp.age`` is the age at fiscal-year end
    (:func:`age_at_fiscal_year_end`); it is used as given.
    """
    empty: dict[str, bool | None] = {}
    if inp.age is None:
        return TokuteiResult(None, None, None, empty, None, ("age",))
    if not AGE_MIN <= inp.age <= AGE_MAX:
        return TokuteiResult(NOT_ELIGIBLE, "age", None, empty, None, ())
    if inp.on_drugs is True:
        return TokuteiResult(NOT_ELIGIBLE, "drugs", None, empty, None, ())
    missing: list[str] = []
    if inp.on_drugs is None:
        missing.append("on_drugs")
    older = inp.age >= OLDER_FROM

    # Step 1. A visceral fat area may stand in for the waist; either positive is (1).
    waist_val = None if inp.waist is None or inp.sex is None \
        else inp.waist >= WAIST_CM[inp.sex]
    visceral = None if inp.visceral_fat is None else inp.visceral_fat >= VISCERAL_FAT_CM2
    known = [v for v in (waist_val, visceral) if v is not None]
    waist_flag: bool | None = any(known) if known else None
    if waist_flag is None:
        missing.append("sex" if inp.waist is not None else "waist")
    bmi_flag = None if inp.bmi is None else inp.bmi >= BMI_LIMIT
    if waist_flag is not True and bmi_flag is None:
        missing.append("bmi")

    # Step 2.
    glucose, m_glucose = _glucose(inp)
    lipids, m_lipids = _factor([_tg(inp), (_risk("hdl", inp.hdl),
                                           ["hdl"] if inp.hdl is None else [])])
    bp_risk, m_bp = _factor([(_risk("sbp", inp.sbp), ["sbp"] if inp.sbp is None else []),
                             (_risk("dbp", inp.dbp), ["dbp"] if inp.dbp is None else [])])
    for value, names in ((glucose, m_glucose), (lipids, m_lipids), (bp_risk, m_bp)):
        if value is None:
            missing.extend(names)

    # Step 3: try every unknown both ways; a level only when all agree.
    outcomes: set[tuple[str, Step1, int]] = set()
    for drugs, w, b, g, li, p, s in itertools.product(
            _choices(inp.on_drugs), _choices(waist_flag), _choices(bmi_flag), _choices(glucose),
            _choices(lipids), _choices(bp_risk), _choices(inp.smoking)):
        step1: Step1 = "waist" if w else ("bmi" if b else "none")
        base = int(g) + int(li) + int(p)
        count = base + (1 if s and base >= 1 else 0)
        if drugs:
            outcomes.add((NOT_ELIGIBLE, step1, count))
        elif step1 == "none":
            outcomes.add((INFORMATION, step1, count))
        else:
            outcomes.add((_level(step1, count, older), step1, count))
    levels = {o[0] for o in outcomes}
    steps = {o[1] for o in outcomes}
    counts = {o[2] for o in outcomes}
    smoking_counts: bool | None = inp.smoking
    if inp.smoking is True:
        smoking_counts = tri_or(glucose, lipids, bp_risk)
    risks: dict[str, bool | None] = {"glucose": glucose, "lipids": lipids, "bp": bp_risk,
                                     "smoking": smoking_counts}
    if inp.smoking is None and tri_or(glucose, lipids, bp_risk) is not False:
        missing.append("smoking")
    level = levels.pop() if len(levels) == 1 else None
    reason: Literal["drugs"] | None = "drugs" if level == NOT_ELIGIBLE else None
    return TokuteiResult(
        level=level, reason=reason,
        step1=steps.pop() if len(steps) == 1 else None,
        risks=risks, risk_count=counts.pop() if len(counts) == 1 else None,
        missing=tuple(dict.fromkeys(missing)),
    )


def from_file(code: int | None) -> str | None:
    """The level a checkup file codes in 保健指導レベル (9N506): 1 積極的支援, 2 動機付け支援,
    3 なし (情報提供 only), 4 判定不能 (None). Source: 特定健診 XML item table (第4期), OID
    1.2.392.200119.6.3001 [confirmed]; reading 3 as 情報提供 is a phrapp convention."""
    return FILE_LEVELS.get(code) if code is not None else None


def agrees(file_level: str | None, computed: str | None) -> bool:
    """Whether the file's level and the computed one say the same thing.

    A file codes no guidance (3 なし) both for 情報提供 and for people on medication,
    so 情報提供 and 対象外 agree with it.
    """
    if file_level is None or computed is None:
        return True
    none = {INFORMATION, NOT_ELIGIBLE}
    if file_level in none and computed in none:
        return True
    return file_level == computed
