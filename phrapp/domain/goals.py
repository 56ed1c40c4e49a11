"""Personal goals: weight (減量 / 維持), daily steps, home blood pressure (issue 7 §4).

A goal is something the *user* sets. Its defaults come from the guidelines, and each
default names its source:

* weight, 減量モード: −3 % of the starting weight over 3–6 months (肥満症診療ガイドライン
  2022, risk-rules.md §14 [confirmed]; 5–10 % for BMI ≥ 35). 現状維持モード keeps the
  starting weight; a band around it exists only if the user gives one — there is no
  guideline threshold for "too much change", so none is invented (risk-rules §14, §16).
* steps: the 健康日本21 (第三次) age target (risk-rules §14), editable.
* home BP: the JSH2025 home target < 125/75 mmHg (risk-rules §2 [confirmed]), editable
  (e.g. to a target the doctor gave).

A deviation alert is produced only for a goal the user has set, and it is labelled 参考
(reference) by the UI: it compares the user's own numbers with the user's own goal.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Final

from phrapp.domain.risk import steps as steps_rules
from phrapp.domain.risk.common import Guideline

WEIGHT_GUIDELINE: Final = Guideline("日本肥満学会 肥満症診療ガイドライン", "2022",
                                    "specs/risk-rules.md §14", "confirmed")
BP_GUIDELINE: Final = Guideline("日本高血圧学会 高血圧管理・治療ガイドライン (JSH2025)", "2025",
                                "specs/risk-rules.md §2", "confirmed")

DEFAULT_LOSS_PERCENT: Final = 3.0
SEVERE_OBESITY_BMI: Final = 35.0
SEVERE_LOSS_PERCENT: Final = 5.0
MIN_MONTHS: Final = 3
MAX_MONTHS: Final = 6
HOME_TARGET_SBP: Final = 125
HOME_TARGET_DBP: Final = 75


class WeightMode(StrEnum):
    LOSE = "lose"  # 減量モード
    MAINTAIN = "maintain"  # 現状維持モード


@dataclass(frozen=True, slots=True)
class WeightGoal:
    """減量: lose ``percent`` % of ``start_kg`` by ``start + months``; 維持: keep ``start_kg``.

    ``band_kg`` (維持 only) is the user's own tolerance; without it there is no alert.
    """

    mode: WeightMode
    start: dt.date
    start_kg: float
    percent: float = DEFAULT_LOSS_PERCENT
    months: int = MAX_MONTHS
    band_kg: float | None = None

    def __post_init__(self) -> None:
        if not 20 <= self.start_kg <= 300:
            raise ValueError("start_kg out of range")
        if self.mode is WeightMode.LOSE:
            if not 0 < self.percent <= 20:
                raise ValueError("percent must be in (0, 20]")
            if not MIN_MONTHS <= self.months <= 12:
                raise ValueError("months must be 3–12")
        if self.band_kg is not None and not 0 < self.band_kg <= 20:
            raise ValueError("band_kg must be in (0, 20]")

    @property
    def target_kg(self) -> float:
        if self.mode is WeightMode.MAINTAIN:
            return self.start_kg
        return round(self.start_kg * (1 - self.percent / 100), 1)

    @property
    def end(self) -> dt.date:
        return add_months(self.start, self.months)

    def planned_kg(self, day: dt.date) -> float:
        """Where the weight should be on ``day`` at an even pace (the target after the end)."""
        if self.mode is WeightMode.MAINTAIN or day <= self.start:
            return self.start_kg if day <= self.start else self.target_kg
        total = (self.end - self.start).days
        done = min((day - self.start).days, total)
        return self.start_kg + (self.target_kg - self.start_kg) * done / total


@dataclass(frozen=True, slots=True)
class StepsGoal:
    daily: int

    def __post_init__(self) -> None:
        if not 500 <= self.daily <= 50_000:
            raise ValueError("daily step goal must be 500–50,000")


@dataclass(frozen=True, slots=True)
class BpGoal:
    """A home-BP target: both averages below ``sbp``/``dbp`` (JSH2025: < 125/75)."""

    sbp: int = HOME_TARGET_SBP
    dbp: int = HOME_TARGET_DBP

    def __post_init__(self) -> None:
        if not (90 <= self.sbp <= 180 and 50 <= self.dbp <= 110 and self.dbp < self.sbp):
            raise ValueError("home BP target out of range")


@dataclass(frozen=True, slots=True)
class Goals:
    weight: WeightGoal | None = None
    steps: StepsGoal | None = None
    bp: BpGoal | None = None

    def to_json(self) -> str:
        body: dict[str, Any] = {}
        if self.weight is not None:
            body["weight"] = {**asdict(self.weight), "mode": self.weight.mode.value,
                              "start": self.weight.start.isoformat()}
        if self.steps is not None:
            body["steps"] = asdict(self.steps)
        if self.bp is not None:
            body["bp"] = asdict(self.bp)
        return json.dumps(body, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> Goals:
        """Parse stored goals; an unreadable entry is dropped rather than guessed."""
        if not text:
            return cls()
        try:
            body = json.loads(text)
        except ValueError:
            return cls()
        weight = steps = bp = None
        try:
            if "weight" in body:
                w = dict(body["weight"])
                weight = WeightGoal(mode=WeightMode(w["mode"]),
                                    start=dt.date.fromisoformat(w["start"]),
                                    start_kg=float(w["start_kg"]),
                                    percent=float(w.get("percent", DEFAULT_LOSS_PERCENT)),
                                    months=int(w.get("months", MAX_MONTHS)),
                                    band_kg=(None if w.get("band_kg") is None
                                             else float(w["band_kg"])))
        except (KeyError, TypeError, ValueError):
            weight = None
        try:
            if "steps" in body:
                steps = StepsGoal(daily=int(body["steps"]["daily"]))
        except (KeyError, TypeError, ValueError):
            steps = None
        try:
            if "bp" in body:
                bp = BpGoal(sbp=int(body["bp"]["sbp"]), dbp=int(body["bp"]["dbp"]))
        except (KeyError, TypeError, ValueError):
            bp = None
        return cls(weight=weight, steps=steps, bp=bp)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's last day (1/31 + 1 → 2/28)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def suggested_loss_percent(bmi: float | None) -> float:
    """3 % (肥満症), 5 % as the lower end of 5–10 % for BMI ≥ 35 (高度肥満症); risk-rules §14."""
    if bmi is not None and bmi >= SEVERE_OBESITY_BMI:
        return SEVERE_LOSS_PERCENT
    return DEFAULT_LOSS_PERCENT


def default_steps_goal(age: int | None) -> int | None:
    """The 健康日本21 (第三次) age target (risk-rules §14); None under 20 or without age."""
    return steps_rules.target(age) if age is not None else None


# -- progress ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeightProgress:
    goal: WeightGoal
    current_kg: float | None  # the 7-day average
    planned_kg: float  # where an even pace would be today
    done_percent: float | None  # share of the planned change achieved (減量 only)
    off_track: bool  # the user's own goal is not being met (shown as 参考)


@dataclass(frozen=True, slots=True)
class StepsProgress:
    goal: int
    average: float | None
    days_met: int
    days: int
    off_track: bool


@dataclass(frozen=True, slots=True)
class BpProgress:
    goal: BpGoal
    morning: tuple[float, float] | None
    evening: tuple[float, float] | None
    off_track: bool | None  # None: not enough readings to compare


def weight_progress(goal: WeightGoal, avg_kg: float | None, as_of: dt.date) -> WeightProgress:
    """Progress against the user's weight goal.

    減量: off track when the 7-day average is above the even-pace line (the user's own
    plan, rule: 肥満症診療ガイドライン2022's −3 % in 3–6 months as the default pace).
    維持: off track only when the user gave a band and the average left it.
    """
    planned = round(goal.planned_kg(as_of), 1)
    if avg_kg is None:
        return WeightProgress(goal, None, planned, None, False)
    if goal.mode is WeightMode.MAINTAIN:
        off = goal.band_kg is not None and abs(avg_kg - goal.start_kg) > goal.band_kg
        return WeightProgress(goal, avg_kg, planned, None, off)
    change = goal.start_kg - goal.target_kg
    done = max(0.0, min(100.0, (goal.start_kg - avg_kg) / change * 100)) if change else None
    return WeightProgress(goal, avg_kg, planned, done, avg_kg > planned)


def steps_progress(goal: int, daily: list[int | None], *, user_set: bool) -> StepsProgress:
    """Days at or above the goal among the last days given (None = no record that day).

    Off track (a 参考 alert) only for a goal the user set, when the average of the days
    with a record is below it.
    """
    recorded = [d for d in daily if d is not None]
    average = sum(recorded) / len(recorded) if recorded else None
    met = sum(1 for d in recorded if d >= goal)
    off = user_set and average is not None and average < goal
    return StepsProgress(goal, average, met, len(daily), off)


def bp_progress(goal: BpGoal, morning: tuple[float, float] | None,
                evening: tuple[float, float] | None) -> BpProgress:
    """Both home averages must be below the target (JSH2025 wording: 125/75 未満)."""
    present = [avg for avg in (morning, evening) if avg is not None]
    if not present:
        return BpProgress(goal, morning, evening, None)
    off = any(sbp >= goal.sbp or dbp >= goal.dbp for sbp, dbp in present)
    return BpProgress(goal, morning, evening, off)
