"""What the pages show, computed from records (pure: no Qt, no database, no clock).

Calendar days are the reading's own local date (CONTRACT §5 "Time"); "7 days" is
``today`` and the six days before it. Chart x values are local day numbers
(``date.toordinal()`` plus the fraction of the day), so the axis shows local dates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

import numpy as np

from phrapp.domain.records import BloodPressure, Steps, Weight

WINDOW_DAYS = 7
MAX_POINTS = 2000  # more visible points than this are drawn as bucket means


def local_day(record: BloodPressure | Weight | Steps) -> dt.date:
    """The record's calendar day in its own offset."""
    if isinstance(record, Steps):
        return record.date
    return record.measured_at.date()


def day_x(value: dt.datetime | dt.date) -> float:
    """Chart x: the local day number, plus the fraction of the day for an instant."""
    if isinstance(value, dt.datetime):
        minutes = value.hour * 60 + value.minute + value.second / 60
        return value.date().toordinal() + minutes / 1440
    return float(value.toordinal())


def x_to_date(x: float) -> dt.date:
    """The local date a chart x value falls on."""
    return dt.date.fromordinal(max(1, int(np.floor(x))))


def in_window(day: dt.date, today: dt.date, days: int = WINDOW_DAYS) -> bool:
    return today - dt.timedelta(days=days - 1) <= day <= today


@dataclass(frozen=True, slots=True)
class BpSummary:
    """Latest reading, 7-day means and how many readings the 7 days hold."""

    latest: BloodPressure | None
    avg_systolic: float | None
    avg_diastolic: float | None
    count_7d: int
    total: int


def bp_summary(records: Sequence[BloodPressure], today: dt.date) -> BpSummary:
    latest = max(records, key=lambda r: r.measured_at) if records else None
    recent = [r for r in records if in_window(local_day(r), today)]
    return BpSummary(
        latest=latest,
        avg_systolic=fmean(r.systolic for r in recent) if recent else None,
        avg_diastolic=fmean(r.diastolic for r in recent) if recent else None,
        count_7d=len(recent),
        total=len(records),
    )


@dataclass(frozen=True, slots=True)
class WeightSummary:
    """Latest weight and the 7-day mean (kg)."""

    latest: Weight | None
    avg_kg: float | None
    count_7d: int
    total: int


def weight_summary(records: Sequence[Weight], today: dt.date) -> WeightSummary:
    latest = max(records, key=lambda r: r.measured_at) if records else None
    recent = [r.kg for r in records if in_window(local_day(r), today)]
    return WeightSummary(latest, fmean(recent) if recent else None, len(recent), len(records))


@dataclass(frozen=True, slots=True)
class StepsSummary:
    """Latest day, the 7-day mean of days with a count, and days that met the target."""

    latest: Steps | None
    avg_steps: float | None
    days_7d: int
    met_7d: int
    target: int
    total: int


def steps_summary(primary: Sequence[Steps], today: dt.date, target: int) -> StepsSummary:
    """``primary``: one record per day (the primary source, CONTRACT §5 "Steps")."""
    latest = max(primary, key=lambda r: r.date) if primary else None
    recent = [r.steps for r in primary if in_window(r.date, today)]
    return StepsSummary(latest, fmean(recent) if recent else None, len(recent),
                        sum(1 for s in recent if s >= target), target, len(primary))


# -- chart series -----------------------------------------------------------------------


def weekly_means(xs: Iterable[float], ys: Iterable[float]) -> tuple[np.ndarray, np.ndarray]:
    """Means per Monday-started week, placed at the middle of each week."""
    groups: dict[int, list[float]] = defaultdict(list)
    for x, y in zip(xs, ys, strict=True):
        day = int(np.floor(x))
        groups[day - (day - 1) % 7].append(y)  # ordinal 1 (0001-01-01) is a Monday
    starts = sorted(groups)
    return (np.array([s + 3.5 for s in starts], dtype=float),
            np.array([fmean(groups[s]) for s in starts], dtype=float))


def moving_average(xs: Iterable[float], ys: Iterable[float],
                   days: int = WINDOW_DAYS) -> tuple[np.ndarray, np.ndarray]:
    """Trailing ``days``-day mean of the daily means, one point per day with data."""
    daily: dict[int, list[float]] = defaultdict(list)
    for x, y in zip(xs, ys, strict=True):
        daily[int(np.floor(x))].append(y)
    day_list = sorted(daily)
    means = {d: fmean(daily[d]) for d in day_list}
    out_x: list[float] = []
    out_y: list[float] = []
    for d in day_list:
        window = [means[k] for k in range(d - days + 1, d + 1) if k in means]
        out_x.append(d + 0.5)
        out_y.append(fmean(window))
    return np.array(out_x, dtype=float), np.array(out_y, dtype=float)


def bucket_means(xs: np.ndarray, ys: np.ndarray,
                 max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """At most ``max_points`` points: equal-width x buckets, each drawn at its means."""
    if len(xs) <= max_points:
        return xs, ys
    lo, hi = float(xs.min()), float(xs.max())
    edges = np.linspace(lo, hi, max_points + 1)
    index = np.clip(np.searchsorted(edges, xs, side="right") - 1, 0, max_points - 1)
    counts = np.bincount(index, minlength=max_points)
    sum_x = np.bincount(index, weights=xs, minlength=max_points)
    sum_y = np.bincount(index, weights=ys, minlength=max_points)
    used = counts > 0
    return sum_x[used] / counts[used], sum_y[used] / counts[used]
