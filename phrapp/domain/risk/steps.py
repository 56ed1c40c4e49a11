"""Daily step targets (健康日本21 第三次, target FY2032; risk-rules.md §14) [confirmed].

Age 20–64 -> 8,000 steps; ≥65 -> 6,000; the population target is 7,100. The targets are
for adults: under 20 the rule is not applicable (CONTRACT §4). The default daily goal
is the age target; a goal the user sets replaces it (risk-rules §14).
"""

from __future__ import annotations

from typing import Final, Literal

from phrapp.domain.risk.common import Guideline

Sex = Literal["male", "female"]

GUIDELINE: Final = Guideline("厚生労働省 健康日本21 (第三次)", "2024–, target FY2032",
                             "specs/risk-rules.md §14", "confirmed")

MIN_AGE: Final = 20
OLDER_FROM: Final = 65
#: (first age, target steps/day), highest first.
TARGETS: Final[tuple[tuple[int, int], ...]] = ((OLDER_FROM, 6000), (MIN_AGE, 8000))
POPULATION_TARGET: Final = 7100
#: Baselines (令和元年): (age band, sex) -> mean steps/day.
BASELINES: Final[dict[tuple[str, Sex], int]] = {
    ("20-64", "male"): 7864, ("20-64", "female"): 6685,
    ("65+", "male"): 5396, ("65+", "female"): 4656,
}


def target(age: int) -> int | None:
    """The 健康日本21 (第三次) daily step target for ``age``; None under 20 (not applicable).

    Guideline: 健康日本21 第三次, risk-rules.md §14 [confirmed]: 20–64 -> 8,000; ≥65 -> 6,000.
    """
    for first, steps in TARGETS:
        if age >= first:
            return steps
    return None


def baseline(age: int, sex: Sex) -> int | None:
    """The 令和元年 baseline mean for the age band and sex (健康日本21 第三次, risk-rules §14
    [confirmed]), None under 20."""
    if age < MIN_AGE:
        return None
    return BASELINES[("65+" if age >= OLDER_FROM else "20-64", sex)]
