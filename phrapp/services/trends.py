"""Trends for the dashboard and the risk summary: BP, weight and steps over time.

Pure functions over record lists (the dashboard calls them on what it already holds),
and a thin :class:`TrendService` that fetches the records from the vault.

* BP: 7/14/28-day morning and evening averages of **occasion values** (the CONTRACT §5
  occasion: local date and slot, mean of the first two readings), the change against
  the previous period of the same length, the sample SD of the occasion values, and the
  morning–evening difference. Trend windows are ≥5 days (risk-rules §3); weekly averages
  are not a guideline concept.
* Weight: daily means (local date in the reading's own offset), a trailing 7-day moving
  average, ``avg_7d`` and the least-squares slope over the last 28 days in kg/week.
  No rapid-weight-change alert (risk-rules §14: do not invent a threshold).
* Steps: the primary record of each day only (CONTRACT §5 "Steps"; sources are never
  added), daily and weekly progress against the target, and streaks.

Values are Decimals; nothing here logs or prints health values.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from phrapp.domain.records import BloodPressure, Profile, RecordKind, Steps, Weight
from phrapp.domain.risk import home_bp
from phrapp.domain.time import Slot, today_in
from phrapp.services.records import RecordService
from phrapp.services.session import Session

BP_PERIODS: tuple[int, ...] = (7, 14, 28)
WEIGHT_AVERAGE_DAYS = 7
WEIGHT_SLOPE_DAYS = 28
STEPS_AVERAGE_DAYS = 7
DAYS_PER_WEEK = Decimal(7)


# --------------------------------------------------------------------------- helpers


def window(as_of: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """The ``days`` local dates ending on ``as_of`` (inclusive): (first, last)."""
    return as_of - dt.timedelta(days=days - 1), as_of


def mean(values: Sequence[Decimal]) -> Decimal | None:
    """Arithmetic mean, None for no values."""
    if not values:
        return None
    return sum(values, Decimal(0)) / Decimal(len(values))


def sample_sd(values: Sequence[Decimal]) -> Decimal | None:
    """Sample standard deviation (n − 1), None for fewer than two values."""
    m = mean(values)
    if m is None or len(values) < 2:
        return None
    var = sum(((v - m) ** 2 for v in values), Decimal(0)) / Decimal(len(values) - 1)
    return var.sqrt()


def slope_per_day(points: Sequence[tuple[Decimal, Decimal]]) -> Decimal | None:
    """Least-squares slope of ``(x, y)`` points; None with fewer than two distinct x."""
    if len({x for x, _ in points}) < 2:
        return None
    mx = mean([x for x, _ in points])
    my = mean([y for _, y in points])
    assert mx is not None and my is not None
    sxx = sum(((x - mx) ** 2 for x, _ in points), Decimal(0))
    sxy = sum(((x - mx) * (y - my) for x, y in points), Decimal(0))
    return sxy / sxx


# --------------------------------------------------------------------------- blood pressure


@dataclass(frozen=True, slots=True)
class BpSlotTrend:
    """One slot over one period, with the previous period of the same length."""

    slot: Slot
    start: dt.date
    end: dt.date
    occasions: int
    sbp: Decimal | None
    dbp: Decimal | None
    sbp_sd: Decimal | None
    dbp_sd: Decimal | None
    previous_occasions: int
    previous_sbp: Decimal | None
    previous_dbp: Decimal | None

    @property
    def sbp_change(self) -> Decimal | None:
        if self.sbp is None or self.previous_sbp is None:
            return None
        return self.sbp - self.previous_sbp

    @property
    def dbp_change(self) -> Decimal | None:
        if self.dbp is None or self.previous_dbp is None:
            return None
        return self.dbp - self.previous_dbp


@dataclass(frozen=True, slots=True)
class BpTrend:
    days: int
    morning: BpSlotTrend
    evening: BpSlotTrend

    @property
    def morning_evening_sbp(self) -> Decimal | None:
        """Morning minus evening mean SBP, shown as a number (no surge cut-off: §3)."""
        if self.morning.sbp is None or self.evening.sbp is None:
            return None
        return self.morning.sbp - self.evening.sbp


def bp_trend(readings: Iterable[BloodPressure], as_of: dt.date, days: int) -> BpTrend:
    """Morning and evening averages over ``days`` ending on ``as_of`` and the period before."""
    readings = list(readings)
    start, end = window(as_of, days)
    prev_start, prev_end = window(start - dt.timedelta(days=1), days)
    now = home_bp.occasions(readings, start, end)
    before = home_bp.occasions(readings, prev_start, prev_end)

    def slot_trend(slot: Slot) -> BpSlotTrend:
        cur, prev = now[slot], before[slot]
        return BpSlotTrend(
            slot=slot, start=start, end=end, occasions=len(cur),
            sbp=mean([o.sbp for o in cur]), dbp=mean([o.dbp for o in cur]),
            sbp_sd=sample_sd([o.sbp for o in cur]), dbp_sd=sample_sd([o.dbp for o in cur]),
            previous_occasions=len(prev),
            previous_sbp=mean([o.sbp for o in prev]), previous_dbp=mean([o.dbp for o in prev]),
        )

    return BpTrend(days=days, morning=slot_trend(Slot.MORNING),
                   evening=slot_trend(Slot.EVENING))


def bp_trends(readings: Iterable[BloodPressure], as_of: dt.date,
              periods: Sequence[int] = BP_PERIODS) -> list[BpTrend]:
    """:func:`bp_trend` for each period (default 7, 14 and 28 days)."""
    readings = list(readings)
    return [bp_trend(readings, as_of, days) for days in periods]


# --------------------------------------------------------------------------- weight


def weight_daily_means(weights: Iterable[Weight]) -> list[tuple[dt.date, Decimal]]:
    """Mean kg per local date (the reading's own offset), oldest first."""
    by_day: dict[dt.date, list[Decimal]] = defaultdict(list)
    for w in weights:
        by_day[w.measured_at.date()].append(Decimal(repr(w.kg)))
    return [(day, mean(values) or Decimal(0)) for day, values in sorted(by_day.items())]


def weight_average(weights: Iterable[Weight], as_of: dt.date,
                   days: int = WEIGHT_AVERAGE_DAYS) -> Decimal | None:
    """Mean of the daily means over ``days`` ending on ``as_of`` (None without data)."""
    start, end = window(as_of, days)
    return mean([kg for day, kg in weight_daily_means(weights) if start <= day <= end])


def weight_moving_average(weights: Iterable[Weight],
                          days: int = WEIGHT_AVERAGE_DAYS) -> list[tuple[dt.date, Decimal]]:
    """Trailing ``days``-day moving average of daily means, one point per day with data."""
    daily = weight_daily_means(weights)
    out: list[tuple[dt.date, Decimal]] = []
    for day, _ in daily:
        start, _end = window(day, days)
        m = mean([kg for d, kg in daily if start <= d <= day])
        assert m is not None
        out.append((day, m))
    return out


def weight_slope_per_week(weights: Iterable[Weight], as_of: dt.date,
                          days: int = WEIGHT_SLOPE_DAYS) -> Decimal | None:
    """Least-squares slope of the daily means over the last ``days`` days, in kg/week.

    None with fewer than two days of data in the window.
    """
    start, end = window(as_of, days)
    points = [(Decimal((day - start).days), kg) for day, kg in weight_daily_means(weights)
              if start <= day <= end]
    per_day = slope_per_day(points)
    return None if per_day is None else per_day * DAYS_PER_WEEK


# --------------------------------------------------------------------------- steps


@dataclass(frozen=True, slots=True)
class StepsDay:
    date: dt.date
    steps: int | None  # None: no record that day
    met: bool  # steps ≥ target


@dataclass(frozen=True, slots=True)
class StepsWeek:
    start: dt.date  # Monday
    days_with_data: int
    average: Decimal | None
    days_met: int
    met: bool | None  # weekly average ≥ target; None without data


def steps_by_day(primary: Iterable[Steps]) -> dict[dt.date, int]:
    """Primary records by date (callers pass only the primary record of each day)."""
    out: dict[dt.date, int] = {}
    for s in primary:
        if s.date in out:
            raise ValueError("more than one primary steps record for a day")
        out[s.date] = s.steps
    return out


def steps_average(primary: Iterable[Steps], as_of: dt.date,
                  days: int = STEPS_AVERAGE_DAYS) -> Decimal | None:
    """Mean steps over the days with a record among the ``days`` ending on ``as_of``."""
    start, end = window(as_of, days)
    return mean([Decimal(n) for d, n in steps_by_day(primary).items() if start <= d <= end])


def steps_daily(primary: Iterable[Steps], start: dt.date, end: dt.date,
                target: int) -> list[StepsDay]:
    """One entry per calendar day in ``[start, end]`` against ``target``."""
    by_day = steps_by_day(primary)
    out: list[StepsDay] = []
    day = start
    while day <= end:
        n = by_day.get(day)
        out.append(StepsDay(day, n, n is not None and n >= target))
        day += dt.timedelta(days=1)
    return out


def steps_weekly(days: Sequence[StepsDay], target: int) -> list[StepsWeek]:
    """Monday-to-Sunday weeks of :func:`steps_daily` output."""
    weeks: dict[dt.date, list[StepsDay]] = defaultdict(list)
    for d in days:
        weeks[d.date - dt.timedelta(days=d.date.weekday())].append(d)
    out: list[StepsWeek] = []
    for monday, group in sorted(weeks.items()):
        values = [Decimal(d.steps) for d in group if d.steps is not None]
        avg = mean(values)
        out.append(StepsWeek(monday, len(values), avg, sum(1 for d in group if d.met),
                             None if avg is None else avg >= target))
    return out


def steps_streaks(days: Sequence[StepsDay]) -> tuple[int, int]:
    """(current, longest) runs of consecutive days meeting the target.

    The current run ends on the last day; if the last day is not (yet) met it ends the
    day before, so an unfinished today does not break a streak.
    """
    longest = run = 0
    for d in days:
        run = run + 1 if d.met else 0
        longest = max(longest, run)
    current = 0
    tail = list(days)
    if tail and not tail[-1].met:
        tail = tail[:-1]
    for d in reversed(tail):
        if not d.met:
            break
        current += 1
    return current, longest


# --------------------------------------------------------------------------- service


@dataclass(frozen=True, slots=True)
class WeightTrend:
    average_7d: Decimal | None
    slope_kg_per_week: Decimal | None
    moving_average: list[tuple[dt.date, Decimal]]


@dataclass(frozen=True, slots=True)
class StepsTrend:
    average_7d: Decimal | None
    target: int
    days: list[StepsDay]
    weeks: list[StepsWeek]
    current_streak: int
    longest_streak: int


class TrendService:
    """Fetches a profile's records and applies the pure trend functions."""

    #: Days fetched around a window, so readings taken under another offset than the
    #: home zone's (travel) are still seen; the pure functions filter by own-offset date.
    MARGIN = dt.timedelta(days=2)

    def __init__(self, session: Session) -> None:
        self.records = RecordService(session)

    def _fetch(self, kind: RecordKind, profile: Profile, start: dt.date,
               end: dt.date) -> list[object]:
        return list(self.records.list(kind, [profile], start - self.MARGIN, end + self.MARGIN))

    def bp_readings(self, profile: Profile, start: dt.date,
                    end: dt.date) -> list[BloodPressure]:
        return [r for r in self._fetch(RecordKind.BP, profile, start, end)
                if isinstance(r, BloodPressure)]

    def weights(self, profile: Profile, start: dt.date, end: dt.date) -> list[Weight]:
        return [r for r in self._fetch(RecordKind.WEIGHT, profile, start, end)
                if isinstance(r, Weight)]

    def primary_steps(self, profile: Profile, start: dt.date, end: dt.date) -> list[Steps]:
        """The primary record of each day in ``[start, end]`` (CONTRACT §5 "Steps")."""
        records = [r for r in self.records.list(RecordKind.STEPS, [profile], start, end)
                   if isinstance(r, Steps)]
        ids = self.records.primary_steps(records)
        return [r for r in records if r.id in ids]

    def bp(self, profile: Profile, as_of: dt.date | None = None,
           periods: Sequence[int] = BP_PERIODS) -> list[BpTrend]:
        as_of = as_of or today_in(profile.home_zone)
        longest = max(periods)
        readings = self.bp_readings(profile, as_of - dt.timedelta(days=2 * longest), as_of)
        return bp_trends(readings, as_of, periods)

    def weight(self, profile: Profile, as_of: dt.date | None = None) -> WeightTrend:
        as_of = as_of or today_in(profile.home_zone)
        start, _ = window(as_of, WEIGHT_SLOPE_DAYS)
        weights = self.weights(profile, start, as_of)
        in_window = [w for w in weights if start <= w.measured_at.date() <= as_of]
        return WeightTrend(weight_average(weights, as_of),
                           weight_slope_per_week(weights, as_of),
                           weight_moving_average(in_window))

    def steps(self, profile: Profile, target: int, as_of: dt.date | None = None,
              days: int = 28) -> StepsTrend:
        as_of = as_of or today_in(profile.home_zone)
        start, _ = window(as_of, days)
        primary = self.primary_steps(profile, start, as_of)
        daily = steps_daily(primary, start, as_of, target)
        current, longest = steps_streaks(daily)
        return StepsTrend(steps_average(primary, as_of), target, daily,
                          steps_weekly(daily, target), current, longest)
