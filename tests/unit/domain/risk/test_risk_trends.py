"""services/trends.py pure functions: BP periods, weight average and slope, steps progress."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from phrapp.domain.records import BloodPressure, Steps, Weight
from phrapp.services import trends

JST = dt.timezone(dt.timedelta(hours=9))
AS_OF = dt.date(2024, 12, 28)


def day(n: int) -> dt.date:
    """AS_OF minus n days."""
    return AS_OF - dt.timedelta(days=n)


def bp(d: dt.date, time: str, sbp: int, dbp: int) -> BloodPressure:
    return BloodPressure(profile_id="p", systolic=sbp, diastolic=dbp,
                         measured_at=dt.datetime.combine(d, dt.time.fromisoformat(time), JST))


def weight(d: dt.date, kg: float, time: str = "07:00") -> Weight:
    return Weight(profile_id="p", kg=kg,
                  measured_at=dt.datetime.combine(d, dt.time.fromisoformat(time), JST))


def steps(d: dt.date, n: int) -> Steps:
    return Steps(profile_id="p", date=d, steps=n)


# --------------------------------------------------------------------------- BP


def test_bp_period_average_change_and_sd() -> None:
    # This week mornings 130, 132, 134 …; last week 120 every day.
    now = [bp(day(i), "07:00", 130 + 2 * i, 80) for i in range(7)]
    before = [bp(day(7 + i), "07:00", 120, 75) for i in range(7)]
    t = trends.bp_trend(now + before, AS_OF, 7)
    m = t.morning
    assert (m.start, m.end, m.occasions) == (day(6), AS_OF, 7)
    assert m.sbp == Decimal(136)  # mean of 130..142 step 2
    assert m.previous_sbp == Decimal(120) and m.sbp_change == Decimal(16)
    assert m.dbp_change == Decimal(5)
    assert m.sbp_sd is not None
    assert abs(m.sbp_sd - Decimal("4.320493798938574")) < Decimal("1e-12")
    assert m.dbp_sd == 0
    assert t.evening.occasions == 0 and t.evening.sbp is None
    assert t.morning_evening_sbp is None


def test_bp_periods_7_14_28_and_morning_evening_difference() -> None:
    rs = [bp(day(i), "07:00", 140, 85) for i in range(28)]
    rs += [bp(day(i), "21:00", 128, 80) for i in range(28)]
    out = trends.bp_trends(rs, AS_OF)
    assert [t.days for t in out] == [7, 14, 28]
    assert [t.morning.occasions for t in out] == [7, 14, 28]
    assert all(t.morning_evening_sbp == 12 for t in out)
    assert out[2].morning.previous_occasions == 0 and out[2].morning.sbp_change is None


def test_bp_uses_occasions_first_two_readings() -> None:
    rs = [bp(AS_OF, "07:00", 120, 80), bp(AS_OF, "07:05", 130, 80), bp(AS_OF, "07:10", 200, 80)]
    t = trends.bp_trend(rs, AS_OF, 7)
    assert t.morning.occasions == 1 and t.morning.sbp == 125
    assert t.morning.sbp_sd is None  # one occasion


# --------------------------------------------------------------------------- weight


def test_weight_average_uses_daily_means_over_7_days() -> None:
    ws = [weight(day(0), 70.0), weight(day(0), 71.0, "21:00"), weight(day(6), 69.0),
          weight(day(7), 90.0)]
    # daily means: 70.5 and 69.0 -> 69.75; day 7 is outside.
    assert trends.weight_average(ws, AS_OF) == Decimal("69.75")
    assert trends.weight_average([], AS_OF) is None


def test_weight_slope_least_squares_kg_per_week() -> None:
    # −0.1 kg/day for 28 days -> −0.7 kg/week exactly.
    ws = [weight(day(27 - i), 80.0 - 0.1 * i) for i in range(28)]
    slope = trends.weight_slope_per_week(ws, AS_OF)
    assert slope is not None and abs(slope - Decimal("-0.7")) < Decimal("1e-9")
    # readings older than 28 days do not count
    old = [weight(day(40), 120.0)]
    again = trends.weight_slope_per_week(ws + old, AS_OF)
    assert again is not None and abs(again - Decimal("-0.7")) < Decimal("1e-9")


def test_weight_slope_needs_two_days() -> None:
    assert trends.weight_slope_per_week([weight(AS_OF, 70.0)], AS_OF) is None
    assert trends.weight_slope_per_week(
        [weight(AS_OF, 70.0), weight(AS_OF, 71.0, "20:00")], AS_OF) is None
    two = trends.weight_slope_per_week([weight(day(7), 71.0), weight(AS_OF, 70.0)], AS_OF)
    assert two == Decimal(-1)


def test_weight_moving_average() -> None:
    ws = [weight(day(i), 70.0 + i) for i in range(10)]  # day 9 = 79 … day 0 = 70
    ma = dict(trends.weight_moving_average(ws))
    assert ma[day(9)] == Decimal(79)
    assert ma[AS_OF] == Decimal(73)  # mean of 70..76


def test_weight_local_date_in_own_offset() -> None:
    # 08:00+09:00 is 23:00Z the previous day; it belongs to its JST date.
    w = weight(day(7), 80.0, "08:00")
    assert trends.weight_daily_means([w])[0][0] == day(7)


# --------------------------------------------------------------------------- steps


def test_steps_average_of_days_with_data() -> None:
    ss = [steps(day(0), 9000), steps(day(3), 7000), steps(day(7), 1)]
    assert trends.steps_average(ss, AS_OF) == 8000
    assert trends.steps_average([], AS_OF) is None


def test_steps_daily_weekly_streaks() -> None:
    target = 8000
    ss = [steps(day(i), n) for i, n in enumerate(
        [5000, 8000, 9000, 8500, 7999, 8000, 8001, 12000, 100, 9000])]
    daily = trends.steps_daily(ss, day(9), AS_OF, target)
    assert [d.met for d in daily] == [True, False, True, True, True, False, True, True, True,
                                      False]
    current, longest = trends.steps_streaks(daily)
    # today (5000) not met yet: the current run ends yesterday: 3 days.
    assert (current, longest) == (3, 3)
    weeks = trends.steps_weekly(daily, target)
    assert all(w.start.weekday() == 0 for w in weeks)
    assert sum(w.days_with_data for w in weeks) == 10


def test_steps_missing_day_breaks_a_streak() -> None:
    ss = [steps(day(0), 9000), steps(day(2), 9000)]
    daily = trends.steps_daily(ss, day(2), AS_OF, 8000)
    assert daily[1].steps is None and not daily[1].met
    assert trends.steps_streaks(daily) == (1, 1)


def test_one_primary_record_per_day() -> None:
    with pytest.raises(ValueError):
        trends.steps_by_day([steps(AS_OF, 1), steps(AS_OF, 2)])


def test_helpers() -> None:
    assert trends.mean([]) is None
    assert trends.sample_sd([Decimal(1)]) is None
    assert trends.sample_sd([Decimal(2), Decimal(4)]) == Decimal(2).sqrt()
    assert trends.slope_per_day([(Decimal(0), Decimal(1)), (Decimal(0), Decimal(2))]) is None
    assert trends.window(AS_OF, 7) == (day(6), AS_OF)
