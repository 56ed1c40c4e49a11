"""Rule inputs read from a checkup (特定健診) record and the health background (pure).

Which item feeds which rule (risk-rules.md §4 and the §16 decisions):

* BP: the mean of 1回目 and 2回目 when both exist, else whichever exists, else その他
  (per SBP and DBP) — §16 decision;
* waist: 実測 > 自己測定 > 自己申告 (§4, phrapp convention);
* TG: 空腹時中性脂肪 is fasting, 随時中性脂肪 random (the item says which);
* random glucose counts for 特定保健指導 only when 採血時間 (9N141) is 3 (≥3.5 h after a
  meal); without that answer it is not used (never guessed);
* smoking (9N736): only 1 (はい) is a smoker; 服薬1–3 (9N701/9N706/9N711): 1 = yes.

Item codes come from the 特定健診 XML item table (第4期) through
:func:`phrapp.domain.risk.thresholds.codes_for` wherever a 判定値 row names the analyte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Final

from phrapp.domain.records import Checkup, CheckupItem, HealthBackground, ItemStatus, Smoking
from phrapp.domain.risk import thresholds
from phrapp.domain.risk.common import dec

SBP_FIRST: Final = "9A751000000000001"
SBP_SECOND: Final = "9A752000000000001"
SBP_OTHER: Final = "9A755000000000001"
DBP_FIRST: Final = "9A761000000000001"
DBP_SECOND: Final = "9A762000000000001"
DBP_OTHER: Final = "9A765000000000001"
#: 腹囲 実測 / 自己測定 / 自己申告, in order of preference.
WAIST_CODES: Final = ("9N016160100000001", "9N016160200000001", "9N016160300000001")
HEIGHT: Final = "9N001000000000001"
WEIGHT: Final = "9N006000000000001"
BMI: Final = "9N011000000000001"
VISCERAL_FAT: Final = "9N021000000000001"
SAMPLING_TIME: Final = "9N141000000000011"  # 採血時間(食後): 2 ≥10 h, 3 3.5–10 h, 4 <3.5 h
SMOKING: Final = "9N736000000000011"  # 1 はい, 2 以前は吸っていた…, 3 いいえ
DRUGS: Final = {"bp": "9N701000000000011", "glucose": "9N706000000000011",
                "lipid": "9N711000000000011"}
YES: Final = "1"
NO: Final = "2"
RANDOM_GLUCOSE_SAMPLING: Final = "3"


def measured(checkup: Checkup) -> dict[str, CheckupItem]:
    """Items with a value, by code (not-performed / unmeasurable items left out)."""
    return {i.code: i for i in checkup.items
            if i.status is ItemStatus.MEASURED and i.value is not None}


def _number(item: CheckupItem | None) -> Decimal | None:
    if item is None or isinstance(item.value, str) or item.value is None:
        return None
    try:
        return dec(item.value, item.code)
    except ValueError:
        return None


def number(checkup: Checkup, codes: Iterable[str]) -> Decimal | None:
    """The first measured numeric value among ``codes`` (in the order given)."""
    items = measured(checkup)
    for code in codes:
        value = _number(items.get(code))
        if value is not None:
            return value
    return None


def analyte(checkup: Checkup, key: str) -> Decimal | None:
    """A numeric analyte by its 判定値 key (``hdl``, ``fpg``, ``tg_fasting`` …), any method."""
    return number(checkup, thresholds.codes_for(key))


def _pair(checkup: Checkup, first: str, second: str, other: str) -> Decimal | None:
    items = measured(checkup)
    a, b = _number(items.get(first)), _number(items.get(second))
    if a is not None and b is not None:
        return (a + b) / Decimal(2)
    if a is not None:
        return a
    if b is not None:
        return b
    return _number(items.get(other))


def blood_pressure(checkup: Checkup) -> tuple[Decimal | None, Decimal | None]:
    """Checkup (office) SBP and DBP for the rules (risk-rules §16 decision)."""
    return (_pair(checkup, SBP_FIRST, SBP_SECOND, SBP_OTHER),
            _pair(checkup, DBP_FIRST, DBP_SECOND, DBP_OTHER))


def code(checkup: Checkup, item_code: str) -> str | None:
    """The result code of a CD/CO item (e.g. ``"1"``), None when absent."""
    item = measured(checkup).get(item_code)
    return item.value if item is not None and isinstance(item.value, str) else None


def _yes_no(value: str | None) -> bool | None:
    if value == YES:
        return True
    if value == NO:
        return False
    return None


@dataclass(frozen=True, slots=True)
class CheckupValues:
    """What the rules read from one checkup; None = not in the checkup."""

    date: dt.date
    sbp: Decimal | None
    dbp: Decimal | None
    waist: Decimal | None
    visceral_fat: Decimal | None
    height: Decimal | None
    weight: Decimal | None
    bmi: Decimal | None
    tg: Decimal | None
    tg_fasting: bool | None
    hdl: Decimal | None
    ldl: Decimal | None
    fpg: Decimal | None
    hba1c: Decimal | None
    random_glucose: Decimal | None  # only when usable for 特定保健指導 (採血時間 3)
    random_glucose_unusable: bool  # measured, but without 採血時間 3
    creatinine: Decimal | None
    egfr: Decimal | None
    smoking: bool | None
    drugs: dict[str, bool | None]  # bp, glucose, lipid


def read(checkup: Checkup) -> CheckupValues:
    """Every rule input a checkup holds (see the module docstring for the choices)."""
    sbp, dbp = blood_pressure(checkup)
    fasting_tg = analyte(checkup, "tg_fasting")
    random_tg = analyte(checkup, "tg_random")
    tg, tg_fasting = (fasting_tg, True) if fasting_tg is not None else \
        ((random_tg, False) if random_tg is not None else (None, None))
    random_glucose = analyte(checkup, "random_glucose")
    usable = code(checkup, SAMPLING_TIME) == RANDOM_GLUCOSE_SAMPLING
    smoking_code = code(checkup, SMOKING)
    return CheckupValues(
        date=checkup.date, sbp=sbp, dbp=dbp,
        waist=number(checkup, WAIST_CODES),
        visceral_fat=number(checkup, (VISCERAL_FAT,)),
        height=number(checkup, (HEIGHT,)), weight=number(checkup, (WEIGHT,)),
        bmi=number(checkup, (BMI,)),
        tg=tg, tg_fasting=tg_fasting,
        hdl=analyte(checkup, "hdl"), ldl=analyte(checkup, "ldl"),
        fpg=analyte(checkup, "fpg"), hba1c=analyte(checkup, "hba1c"),
        random_glucose=random_glucose if usable else None,
        random_glucose_unusable=random_glucose is not None and not usable,
        creatinine=analyte(checkup, "creatinine"), egfr=analyte(checkup, "egfr"),
        smoking=None if smoking_code is None else smoking_code == YES,
        drugs={k: _yes_no(code(checkup, c)) for k, c in DRUGS.items()},
    )


# --------------------------------------------------------------------------- background


@dataclass(frozen=True, slots=True)
class Background:
    """The latest answer to each question (None = never answered)."""

    smoking: Smoking | None = None
    on_bp_drugs: bool | None = None
    on_glucose_drugs: bool | None = None
    on_lipid_drugs: bool | None = None
    diabetes: bool | None = None
    ckd: bool | None = None
    pad: bool | None = None
    cad_or_stroke: bool | None = None
    family_history_cad: bool | None = None

    @property
    def current_smoker(self) -> bool | None:
        """Current smoking only; ex-smokers count as no (risk-rules §6, §7)."""
        return None if self.smoking is None else self.smoking is Smoking.CURRENT


def background(records: Iterable[HealthBackground], as_of: dt.date) -> Background:
    """Per question, the most recent non-null answer dated on or before ``as_of``."""
    ordered = sorted((r for r in records if r.date <= as_of), key=lambda r: r.date)
    values: dict[str, object] = {}
    for f in fields(Background):
        for r in reversed(ordered):
            value = getattr(r, f.name)
            if value is not None:
                values[f.name] = value
                break
    return Background(**values)  # type: ignore[arg-type]


def on_drugs(checkup: CheckupValues | None, bg: Background) -> bool | None:
    """Any 服薬 (BP, glucose, lipid): the checkup's answer first, else the background's.

    True if any is yes; False only when all three are known to be no.
    """
    fallback = {"bp": bg.on_bp_drugs, "glucose": bg.on_glucose_drugs,
                "lipid": bg.on_lipid_drugs}
    answers = []
    for key, value in fallback.items():
        from_checkup = checkup.drugs.get(key) if checkup is not None else None
        answers.append(from_checkup if from_checkup is not None else value)
    if any(a is True for a in answers):
        return True
    if all(a is False for a in answers):
        return False
    return None
