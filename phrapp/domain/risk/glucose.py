"""Glucose categories (日本糖尿病学会 JDS; risk-rules.md §11) [confirmed].

* 糖尿病型: FPG ≥126, 75gOGTT 2 h ≥200, random ≥200, or HbA1c ≥6.5;
* 正常型: FPG <110 **and** 2 h <140;
* 境界型: everything else; FPG 100–109 is 正常高値 (within 正常型).

A diagnosis needs 糖尿病型 on two different days (one of them a glucose value) or a
glucose-type value plus HbA1c ≥6.5 on the same day. phrapp only labels
「糖尿病型の値」 and never says 「糖尿病」.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from phrapp.domain.risk.common import Guideline, Number, dec_opt

GUIDELINE: Final = Guideline("日本糖尿病学会 糖尿病診療ガイドライン (糖尿病の診断基準)",
                             "JDS (臨床診断のフローチャート)", "specs/risk-rules.md §11",
                             "confirmed")

DIABETIC: Final = "糖尿病型"
BORDERLINE: Final = "境界型"
NORMAL: Final = "正常型"
HIGH_NORMAL: Final = "正常高値"
LABEL_DIABETIC: Final = "糖尿病型の値"  # the only wording shown for DIABETIC

#: risk-rules §11, the only place these cut-offs are written.
DIABETIC_FPG: Final = Decimal("126")  # ≥
DIABETIC_OGTT_2H: Final = Decimal("200")  # ≥
DIABETIC_RANDOM: Final = Decimal("200")  # ≥
DIABETIC_HBA1C: Final = Decimal("6.5")  # ≥
NORMAL_FPG_BELOW: Final = Decimal("110")
NORMAL_OGTT_2H_BELOW: Final = Decimal("140")
HIGH_NORMAL_FPG: Final = Decimal("100")  # 100–109


@dataclass(frozen=True, slots=True)
class GlucoseResult:
    category: str | None  # None when the values cannot place it
    high_normal: bool  # FPG 100–109
    glucose_type: bool  # a glucose value (not HbA1c alone) is diabetic-type
    hba1c_type: bool  # HbA1c ≥6.5

    @property
    def label(self) -> str | None:
        """The display word: 「糖尿病型の値」 for 糖尿病型 (never 「糖尿病」)."""
        if self.category == DIABETIC:
            return LABEL_DIABETIC
        return self.category


def classify(*, fpg: Number | None = None, ogtt_2h: Number | None = None,
             random_glucose: Number | None = None,
             hba1c: Number | None = None) -> GlucoseResult:
    """JDS category of one day's values (risk-rules §11 [confirmed]).

    With no OGTT, 正常型/境界型 rest on the fasting glucose alone (FPG <110 -> 正常型).
    Without FPG or OGTT only 糖尿病型 can be said (from random glucose or HbA1c); the
    category is then None unless a value is diabetic-type.
    """
    f = dec_opt(fpg, "fpg")
    o = dec_opt(ogtt_2h, "ogtt_2h")
    r = dec_opt(random_glucose, "random_glucose")
    a = dec_opt(hba1c, "hba1c")
    glucose_type = any((
        f is not None and f >= DIABETIC_FPG,
        o is not None and o >= DIABETIC_OGTT_2H,
        r is not None and r >= DIABETIC_RANDOM,
    ))
    hba1c_type = a is not None and a >= DIABETIC_HBA1C
    high_normal = f is not None and HIGH_NORMAL_FPG <= f < NORMAL_FPG_BELOW
    category: str | None
    if glucose_type or hba1c_type:
        category = DIABETIC
    elif f is None and o is None:
        category = None
    elif (f is None or f < NORMAL_FPG_BELOW) and (o is None or o < NORMAL_OGTT_2H_BELOW):
        category = NORMAL
    else:
        category = BORDERLINE
    return GlucoseResult(category, high_normal, glucose_type, hba1c_type)
