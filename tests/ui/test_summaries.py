"""Summary strip and chart series maths (pure functions, no Qt)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from phrapp.domain.records import BloodPressure, Steps, Weight
from phrapp.ui.summaries import (
    bp_summary,
    bucket_means,
    day_x,
    moving_average,
    steps_summary,
    weekly_means,
    weight_summary,
    x_to_date,
)

JST = dt.timezone(dt.timedelta(hours=9))
TODAY = dt.date(2026, 11, 23)  # a Monday


def _bp(day: dt.date, hour: int, sbp: int, dbp: int) -> BloodPressure:
    return BloodPressure(profile_id="p", measured_at=dt.datetime.combine(
        day, dt.time(hour), tzinfo=JST), systolic=sbp, diastolic=dbp)


def test_bp_summary_uses_the_last_seven_local_days() -> None:
    records = [_bp(TODAY - dt.timedelta(days=7), 7, 170, 100),  # 8 days ago: outside
               _bp(TODAY - dt.timedelta(days=6), 7, 130, 80),
               _bp(TODAY, 7, 140, 90),
               _bp(TODAY, 22, 120, 70)]
    summary = bp_summary(records, TODAY)
    assert summary.latest is records[-1]
    assert summary.avg_systolic == pytest.approx(130)
    assert summary.avg_diastolic == pytest.approx(80)
    assert (summary.count_7d, summary.total) == (3, 4)


def test_local_day_is_the_readings_own_offset() -> None:
    # 23:30 in Tokyo is 14:30 UTC the same day; 00:30 Tokyo is the previous day in UTC.
    late = BloodPressure(profile_id="p", systolic=120, diastolic=80,
                         measured_at=dt.datetime(2026, 11, 24, 0, 30, tzinfo=JST))
    assert bp_summary([late], TODAY).count_7d == 0
    assert bp_summary([late], TODAY + dt.timedelta(days=1)).count_7d == 1
    assert x_to_date(day_x(late.measured_at)) == dt.date(2026, 11, 24)
    assert day_x(late.measured_at) == pytest.approx(dt.date(2026, 11, 24).toordinal() + 30 / 1440)


def test_empty_summaries() -> None:
    assert bp_summary([], TODAY).avg_systolic is None
    assert weight_summary([], TODAY).avg_kg is None
    assert steps_summary([], TODAY, 8000).avg_steps is None


def test_weight_and_steps_summaries() -> None:
    weights = [Weight(profile_id="p", kg=kg, measured_at=dt.datetime.combine(
        TODAY - dt.timedelta(days=i), dt.time(7), tzinfo=JST)) for i, kg in enumerate((70.0, 71.0))]
    summary = weight_summary(weights, TODAY)
    assert summary.latest is weights[0] and summary.avg_kg == pytest.approx(70.5)
    steps = [Steps(profile_id="p", date=TODAY - dt.timedelta(days=i), steps=n)
             for i, n in enumerate((9000, 7000, 8000, 12000, 100, 0, 8500, 20000))]
    s = steps_summary(steps, TODAY, 8000)
    assert (s.days_7d, s.met_7d, s.total) == (7, 4, 8)
    assert s.avg_steps == pytest.approx(sum((9000, 7000, 8000, 12000, 100, 0, 8500)) / 7)
    assert s.latest is steps[0]


def test_weekly_means_group_monday_weeks() -> None:
    monday = float(TODAY.toordinal())
    xs = [monday - 1, monday, monday + 6.5, monday + 7]  # Sun | Mon, Sun | Mon
    wx, wy = weekly_means(xs, [1.0, 2.0, 4.0, 8.0])
    assert wy.tolist() == [1.0, 3.0, 8.0]
    assert wx.tolist() == [monday - 7 + 3.5, monday + 3.5, monday + 7 + 3.5]


def test_moving_average_is_trailing_over_calendar_days() -> None:
    base = float(TODAY.toordinal())
    xs = [base, base + 0.5, base + 1, base + 9]  # two readings on day 0, a gap after day 1
    mx, my = moving_average(xs, [70.0, 72.0, 74.0, 60.0])
    assert mx.tolist() == [base + 0.5, base + 1.5, base + 9.5]
    assert my.tolist() == pytest.approx([71.0, 72.5, 60.0])


def test_bucket_means_caps_the_points() -> None:
    xs = np.arange(10_000, dtype=float)
    ys = np.where(xs % 2 == 0, 100.0, 200.0)
    bx, by = bucket_means(xs, ys, 2000)
    assert len(bx) <= 2000
    assert by.mean() == pytest.approx(150.0, abs=1)
    small_x, small_y = bucket_means(xs[:50], ys[:50], 2000)
    assert small_x.tolist() == xs[:50].tolist() and small_y.tolist() == ys[:50].tolist()
