"""Home-BP evaluation over a window (CONTRACT §5 "Home-BP evaluation"; risk-rules §3).

Guideline: 日本高血圧学会 JSH2019 (家庭血圧の測定と評価) [confirmed], with the
CONTRACT's window:

* window: the 14 local days ending on the evaluation date (inclusive);
* occasion: (local date in the reading's **own** offset, slot); its value is the mean of
  its first two readings by time (one reading: itself);
* morning and evening are averaged separately (never pooled) as means of occasion
  values, each needing ≥ 5 occasions, else "insufficient" (no class);
* hypertension: either average has SBP ≥ 135 **or** DBP ≥ 85;
* class: the JSH2019 home table on each average; the reported category is the higher.

Readings with ``extra["time_known"] is False`` (devices.md: time unknown) are never slotted.
Day 1 is not discarded (risk-rules §3 [unconfirmed]; an ESH convention, not JSH).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from phrapp.domain.records import BloodPressure
from phrapp.domain.risk import bp
from phrapp.domain.risk.common import Guideline
from phrapp.domain.time import Slot

#: CONTRACT §5 / risk-rules §3: the evaluation parameters, in one table.
WINDOW_DAYS: Final = 14
MIN_OCCASIONS: Final = 5
READINGS_PER_OCCASION: Final = 2
SLOTS: Final[tuple[Slot, ...]] = (Slot.MORNING, Slot.EVENING)

GUIDELINE: Final = Guideline("日本高血圧学会 高血圧治療ガイドライン (家庭血圧の評価)",
                             "JSH2019 (直近14日間の朝・晩の平均)",
                             "specs/risk-rules.md §3", "confirmed")


@dataclass(frozen=True, slots=True)
class Occasion:
    """One (local date, slot): the readings it used and their mean."""

    date: dt.date
    slot: Slot
    sbp: Decimal
    dbp: Decimal
    used: tuple[BloodPressure, ...]  # the first two by time
    total: int  # readings in the occasion, used or not


@dataclass(frozen=True, slots=True)
class SlotAverage:
    """Morning or evening: its occasions, and the average when there are enough."""

    slot: Slot
    occasions: tuple[Occasion, ...]
    sbp: Decimal | None  # None when insufficient
    dbp: Decimal | None
    classification: bp.BpClassification | None

    @property
    def days(self) -> int:
        """Occasions counted (one per local date within a slot)."""
        return len(self.occasions)

    @property
    def sufficient(self) -> bool:
        return self.days >= MIN_OCCASIONS

    @property
    def needed(self) -> int:
        """Occasions still missing for an evaluation (UX: 「あと N 日」)."""
        return max(0, MIN_OCCASIONS - self.days)


@dataclass(frozen=True, slots=True)
class HomeBpEvaluation:
    """The evaluation of CONTRACT §5; ``None`` fields are "insufficient data"."""

    as_of: dt.date
    window_start: dt.date
    window_days: int
    morning: SlotAverage
    evening: SlotAverage
    classification: bp.BpClassification | None  # higher of morning and evening
    hypertension: bool | None
    meets_target: bool | None  # JSH2025 home target <125/75 for every evaluated slot
    missing: tuple[str, ...]  # slots with fewer than MIN_OCCASIONS occasions

    @property
    def category(self) -> str | None:
        return self.classification.category if self.classification else None


def local_date(reading: BloodPressure) -> dt.date:
    """The reading's calendar date in its own offset (CONTRACT §5 "Time")."""
    return reading.measured_at.date()


def slotted(reading: BloodPressure) -> bool:
    """False for readings whose time of day is unknown (never slotted, devices.md)."""
    return reading.extra.get("time_known") is not False


def occasions(readings: Iterable[BloodPressure], start: dt.date,
              end: dt.date) -> dict[Slot, tuple[Occasion, ...]]:
    """Morning and evening occasions with a local date in ``[start, end]``, oldest first.

    Guideline: JSH2019 (2 readings per occasion -> their mean; one -> itself), risk-rules
    §3 [confirmed]; occasion = (local date, slot) per CONTRACT §5.
    """
    groups: dict[tuple[dt.date, Slot], list[BloodPressure]] = defaultdict(list)
    for r in readings:
        if not slotted(r):
            continue
        slot = r.slot
        day = local_date(r)
        if slot in SLOTS and start <= day <= end:
            groups[(day, slot)].append(r)
    out: dict[Slot, list[Occasion]] = {s: [] for s in SLOTS}
    for (day, slot), group in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        group.sort(key=lambda r: (r.measured_at, r.id))  # aware datetimes: by instant
        used = tuple(group[:READINGS_PER_OCCASION])
        n = Decimal(len(used))
        out[slot].append(Occasion(
            date=day, slot=slot,
            sbp=sum((Decimal(r.systolic) for r in used), Decimal(0)) / n,
            dbp=sum((Decimal(r.diastolic) for r in used), Decimal(0)) / n,
            used=used, total=len(group),
        ))
    return {s: tuple(v) for s, v in out.items()}


def _average(slot: Slot, occ: tuple[Occasion, ...]) -> SlotAverage:
    if len(occ) < MIN_OCCASIONS:
        return SlotAverage(slot=slot, occasions=occ, sbp=None, dbp=None, classification=None)
    n = Decimal(len(occ))
    sbp = sum((o.sbp for o in occ), Decimal(0)) / n
    dbp = sum((o.dbp for o in occ), Decimal(0)) / n
    return SlotAverage(slot=slot, occasions=occ, sbp=sbp, dbp=dbp,
                       classification=bp.classify(sbp, dbp, "home"))


def evaluate(readings: Iterable[BloodPressure], as_of: dt.date, *,
             window_days: int = WINDOW_DAYS) -> HomeBpEvaluation:
    """Evaluate home BP for the window ending on ``as_of`` (CONTRACT §5).

    Guideline: 日本高血圧学会 JSH2019 home-BP evaluation [confirmed] (classes: JSH2019
    home table, statuses per :mod:`phrapp.domain.risk.bp`); target: JSH2025 home
    <125/75 [confirmed]. When only one slot has enough occasions, the category,
    ``hypertension`` and ``meets_target`` rest on that slot alone (and ``missing`` names
    the other); with neither they are ``None``.
    """
    start = as_of - dt.timedelta(days=window_days - 1)
    occ = occasions(readings, start, as_of)
    morning = _average(Slot.MORNING, occ[Slot.MORNING])
    evening = _average(Slot.EVENING, occ[Slot.EVENING])
    evaluated = [a for a in (morning, evening) if a.classification is not None]
    category = bp.higher(morning.classification, evening.classification)
    hypertension: bool | None = None
    target: bool | None = None
    if evaluated:
        hypertension = any(a.classification is not None and a.classification.hypertension
                           for a in evaluated)
        target = all(a.sbp is not None and a.dbp is not None
                     and bp.meets_target(a.sbp, a.dbp, "home") for a in evaluated)
    missing = tuple(a.slot.value for a in (morning, evening) if not a.sufficient)
    return HomeBpEvaluation(as_of=as_of, window_start=start, window_days=window_days,
                            morning=morning, evening=evening, classification=category,
                            hypertension=hypertension, meets_target=target, missing=missing)
