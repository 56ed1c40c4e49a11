"""Metabolic syndrome (Japanese 8-society criteria, 2005): risk-rules.md §10.

Waist ≥85 (M) / ≥90 (F) cm plus **≥2** of: TG ≥150 and/or HDL <40; SBP ≥130 and/or
DBP ≥85; FPG ≥110 [confirmed]. Whether drug treatment counts as meeting a criterion is
[unconfirmed]: phrapp counts measured values only. phrapp does not compute 予備群.
A checkup file's own メタボ判定 (9N501) is shown as delivered and wins over this.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from phrapp.domain.risk.common import Guideline, at_least, below, tri_or

Sex = Literal["male", "female"]

GUIDELINE: Final = Guideline("メタボリックシンドローム診断基準 (日本内科学会ほか8学会)",
                             "2005", "specs/risk-rules.md §10", "confirmed")

#: risk-rules §10, the only place these cut-offs are written.
WAIST_CM: Final[dict[Sex, Decimal]] = {"male": Decimal("85"), "female": Decimal("90")}
TG: Final = Decimal("150")  # ≥ (fasting)
HDL: Final = Decimal("40")  # <
SBP: Final = Decimal("130")  # ≥
DBP: Final = Decimal("85")  # ≥
FPG: Final = Decimal("110")  # ≥
MIN_CRITERIA: Final = 2

MET: Final = "基準該当"
NOT_MET: Final = "基準に該当しない"  # not 非該当: 予備群 is not computed

#: メタボリックシンドローム判定 (9N501) as coded in a checkup file (OID 1.2.392.200119.6.1008).
FILE_JUDGEMENTS: Final[dict[int, str]] = {1: "基準該当", 2: "予備群該当", 3: "非該当",
                                          4: "判定不能"}


@dataclass(frozen=True, slots=True)
class MetabolicResult:
    """``met`` None = undeterminable (``missing`` names what would decide it)."""

    met: bool | None
    waist: bool | None
    criteria: dict[str, bool | None]  # lipids, bp, glucose
    missing: tuple[str, ...]

    @property
    def judgement(self) -> str | None:
        if self.met is None:
            return None
        return MET if self.met else NOT_MET


def evaluate(*, sex: Sex | None, waist: Decimal | None, tg_fasting: Decimal | None,
             hdl: Decimal | None, sbp: Decimal | None, dbp: Decimal | None,
             fpg: Decimal | None) -> MetabolicResult:
    """Metabolic syndrome by the Japanese 2005 criteria (8 societies), risk-rules.md §10
    [confirmed]; drug treatment is not counted (its handling is [unconfirmed]).

    TG is the fasting value (the criterion's); unknown inputs are never guessed: the
    result is None unless every possibility agrees.
    """
    missing: list[str] = []
    waist_flag = None if waist is None or sex is None else waist >= WAIST_CM[sex]
    if waist_flag is None:
        missing.append("sex" if waist is not None else "waist")
    lipids = tri_or(at_least(tg_fasting, TG), below(hdl, HDL))
    pressure = tri_or(at_least(sbp, SBP), at_least(dbp, DBP))
    glucose = at_least(fpg, FPG)
    if lipids is None:
        missing += [n for n, v in (("tg_fasting", tg_fasting), ("hdl", hdl)) if v is None]
    if pressure is None:
        missing += [n for n, v in (("sbp", sbp), ("dbp", dbp)) if v is None]
    if glucose is None:
        missing.append("fpg")
    criteria = {"lipids": lipids, "bp": pressure, "glucose": glucose}
    sure = sum(1 for v in criteria.values() if v is True)
    possible = sum(1 for v in criteria.values() if v is not False)
    met: bool | None
    if waist_flag is False or possible < MIN_CRITERIA:
        met = False
    elif waist_flag is True and sure >= MIN_CRITERIA:
        met = True
    else:
        met = None
    return MetabolicResult(met=met, waist=waist_flag, criteria=criteria,
                           missing=tuple(missing))
