"""Blood-pressure classes (JSH2019 Table 2-5) and treatment targets (JSH2025).

risk-rules.md §1 and §2. One table per setting (診察室 = office, which is also checkup
BP; 家庭 = home). SBP and DBP are classified separately and the **higher** class is
reported (かつ/または); 正常 and 正常高値 need both conditions (かつ), which "higher of
the two" gives automatically because DBP has no 正常高値 band. (孤立性)収縮期高血圧 is an
extra label: SBP ≥ the limit **and** DBP < the limit.

Status (risk-rules §1): office column [confirmed]; home I–III度 [single]; home 正常
<115/75 [single, JSH2025]; home 高値 [single]; home 正常高値 115–124/<75 and home ISH
≥135/<85 [unconfirmed] (a §16 decision: implemented, shown as 「参考」). Diagnostic
thresholds 140/90 and 135/85 [confirmed]. Targets (JSH2025) [confirmed].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from phrapp.domain.risk.common import Guideline, Number, Status, band, dec

Setting = Literal["office", "home"]

#: Class names, mildest first (the index is the severity). ASCII roman numerals as in the spec.
CLASSES: Final[tuple[str, ...]] = (
    "正常血圧", "正常高値血圧", "高値血圧", "I度高血圧", "II度高血圧", "III度高血圧",
)
NORMAL, HIGH_NORMAL, ELEVATED, GRADE1, GRADE2, GRADE3 = range(6)
ISOLATED_SYSTOLIC: Final = "(孤立性)収縮期高血圧"

JSH2019: Final = Guideline("日本高血圧学会 高血圧治療ガイドライン", "JSH2019 (Table 2-5; "
                           "diagnostic thresholds unchanged in JSH2025)",
                           "specs/risk-rules.md §1", "confirmed")
JSH2019_HOME: Final = Guideline("日本高血圧学会 高血圧治療ガイドライン", "JSH2019 (Table 2-5, "
                                "家庭血圧; 正常 <115/75 per JSH2025)",
                                "specs/risk-rules.md §1", "single")
JSH2025_TARGETS: Final = Guideline("日本高血圧学会 高血圧管理・治療ガイドライン", "JSH2025 "
                                   "(published 2025-08-29)", "specs/risk-rules.md §2",
                                   "confirmed")


@dataclass(frozen=True, slots=True)
class BpTable:
    """Lower bounds per class, highest first: ``(bound, class index)``; below all -> 正常."""

    sbp: tuple[tuple[Decimal, int], ...]
    dbp: tuple[tuple[Decimal, int], ...]
    isolated_sbp: Decimal  # (孤立性)収縮期高血圧: SBP ≥ this …
    isolated_dbp: Decimal  # … and DBP < this
    hypertension_sbp: Decimal  # diagnostic threshold: SBP ≥ this or DBP ≥ the next
    hypertension_dbp: Decimal
    status: tuple[Status, ...]  # per class index
    isolated_status: Status
    guideline: Guideline


def _d(x: str) -> Decimal:
    return Decimal(x)


#: risk-rules §1, 診察室 column [confirmed].
OFFICE: Final = BpTable(
    sbp=((_d("180"), GRADE3), (_d("160"), GRADE2), (_d("140"), GRADE1), (_d("130"), ELEVATED),
         (_d("120"), HIGH_NORMAL)),
    dbp=((_d("110"), GRADE3), (_d("100"), GRADE2), (_d("90"), GRADE1), (_d("80"), ELEVATED)),
    isolated_sbp=_d("140"), isolated_dbp=_d("90"),
    hypertension_sbp=_d("140"), hypertension_dbp=_d("90"),
    status=("confirmed",) * 6, isolated_status="confirmed",
    guideline=JSH2019,
)

#: risk-rules §1, 家庭 column; statuses per row as the spec tags them.
HOME: Final = BpTable(
    sbp=((_d("160"), GRADE3), (_d("145"), GRADE2), (_d("135"), GRADE1), (_d("125"), ELEVATED),
         (_d("115"), HIGH_NORMAL)),
    dbp=((_d("100"), GRADE3), (_d("90"), GRADE2), (_d("85"), GRADE1), (_d("75"), ELEVATED)),
    isolated_sbp=_d("135"), isolated_dbp=_d("85"),
    hypertension_sbp=_d("135"), hypertension_dbp=_d("85"),
    status=("single", "unconfirmed", "single", "single", "single", "single"),
    isolated_status="unconfirmed",
    guideline=JSH2019_HOME,
)

TABLES: Final[dict[Setting, BpTable]] = {"office": OFFICE, "home": HOME}

#: risk-rules §2: JSH2025 — one target for all patients, office <130/80, home <125/75.
TARGETS_JSH2025: Final[dict[Setting, tuple[Decimal, Decimal]]] = {
    "office": (_d("130"), _d("80")),
    "home": (_d("125"), _d("75")),
}

#: risk-rules §2: JSH2019 targets, reference only: (office, home) as (SBP, DBP).
TARGETS_JSH2019_RELAXED: Final[dict[Setting, tuple[Decimal, Decimal]]] = {
    "office": (_d("140"), _d("90")),
    "home": (_d("135"), _d("85")),
}


@dataclass(frozen=True, slots=True)
class BpClassification:
    """One classification: the class name and index, the ISH label, and its status."""

    setting: Setting
    category: str
    level: int  # index into CLASSES
    sbp_level: int
    dbp_level: int
    isolated_systolic: bool
    hypertension: bool  # ≥ the diagnostic threshold (140/90 office, 135/85 home)
    status: Status  # of the reported class (and of the ISH label when set)
    guideline: Guideline

    @property
    def reference_only(self) -> bool:
        """True when the UI must label the result 「参考」."""
        return self.status != "confirmed"


def classify(sbp: Number, dbp: Number, setting: Setting = "office") -> BpClassification:
    """JSH2019 class of one BP value (a reading or an average, compared unrounded).

    Guideline: 日本高血圧学会 JSH2019 Table 2-5 (diagnostic thresholds unchanged in
    JSH2025), risk-rules.md §1. Status: office [confirmed]; home I–III度, 高値 and
    正常 [single]; home 正常高値 and home ISH [unconfirmed]. The reported class is the
    higher of the SBP class and the DBP class; ``isolated_systolic`` is SBP ≥ 140 (home
    135) and DBP < 90 (home 85).
    """
    table = TABLES[setting]
    s, d = dec(sbp, "sbp"), dec(dbp, "dbp")
    s_level = band(s, table.sbp, NORMAL)
    d_level = band(d, table.dbp, NORMAL)
    level = max(s_level, d_level)
    isolated = s >= table.isolated_sbp and d < table.isolated_dbp
    hypertension = s >= table.hypertension_sbp or d >= table.hypertension_dbp
    status = table.status[level]
    if isolated and table.isolated_status != "confirmed":
        status = _weaker(status, table.isolated_status)
    return BpClassification(setting=setting, category=CLASSES[level], level=level,
                            sbp_level=s_level, dbp_level=d_level, isolated_systolic=isolated,
                            hypertension=hypertension, status=status,
                            guideline=table.guideline)


def meets_target(sbp: Number, dbp: Number, setting: Setting = "home") -> bool:
    """True when both SBP and DBP are below the JSH2025 target (office <130/80, home <125/75).

    Guideline: 日本高血圧学会 JSH2025 (published 2025-08-29), risk-rules.md §2
    [confirmed]: one target for all patients.
    """
    t_sbp, t_dbp = TARGETS_JSH2025[setting]
    return dec(sbp, "sbp") < t_sbp and dec(dbp, "dbp") < t_dbp


def jsh2019_reference_target(setting: Setting, age: int, *,
                             cerebrovascular_stenosis: bool = False,
                             ckd_proteinuria_negative: bool = False) -> tuple[Decimal, Decimal]:
    """JSH2019 target (SBP, DBP), kept as reference only (risk-rules §2 [confirmed]).

    140/90 (home 135/85) for age ≥75, cerebrovascular disease with bilateral carotid
    stenosis or main-trunk occlusion, and proteinuria-negative CKD; else 130/80 (home
    125/75). The app compares against JSH2025 (:func:`meets_target`).
    """
    if age >= 75 or cerebrovascular_stenosis or ckd_proteinuria_negative:
        return TARGETS_JSH2019_RELAXED[setting]
    return TARGETS_JSH2025[setting]


_ORDER: Final[dict[Status, int]] = {"confirmed": 0, "single": 1, "unconfirmed": 2}


def _weaker(a: Status, b: Status) -> Status:
    return a if _ORDER[a] >= _ORDER[b] else b


def higher(a: BpClassification | None, b: BpClassification | None) -> BpClassification | None:
    """The more severe of two classifications (CONTRACT §5: morning vs evening)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if b.level > a.level else a
