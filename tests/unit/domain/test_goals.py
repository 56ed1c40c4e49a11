"""Goals: defaults cite their guideline, progress and 参考 alerts only for the user's goals."""

from __future__ import annotations

import datetime as dt

import pytest

from phrapp.domain.goals import (
    BpGoal,
    Goals,
    StepsGoal,
    WeightGoal,
    WeightMode,
    add_months,
    bp_progress,
    default_steps_goal,
    steps_progress,
    suggested_loss_percent,
    weight_progress,
)

START = dt.date(2026, 1, 31)


def test_lose_goal_defaults_to_three_percent_over_six_months() -> None:
    goal = WeightGoal(mode=WeightMode.LOSE, start=START, start_kg=80.0)
    assert goal.target_kg == 77.6
    assert goal.end == dt.date(2026, 7, 31)
    assert goal.planned_kg(START) == 80.0
    assert goal.planned_kg(goal.end) == pytest.approx(77.6)
    assert goal.planned_kg(goal.end + dt.timedelta(days=30)) == pytest.approx(77.6)
    half = START + dt.timedelta(days=(goal.end - START).days // 2)
    assert goal.planned_kg(half) == pytest.approx(78.8, abs=0.01)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)


@pytest.mark.parametrize(("bmi", "percent"), [(None, 3.0), (34.9, 3.0), (35.0, 5.0),
                                              (35.1, 5.0)])
def test_suggested_loss_percent_boundary_at_bmi_35(bmi: float | None, percent: float) -> None:
    assert suggested_loss_percent(bmi) == percent


@pytest.mark.parametrize(("age", "steps"), [(None, None), (19, None), (20, 8000), (64, 8000),
                                            (65, 6000)])
def test_default_steps_goal_is_the_age_target(age: int | None, steps: int | None) -> None:
    assert default_steps_goal(age) == steps


def test_weight_progress_lose_off_track_only_above_the_even_pace() -> None:
    goal = WeightGoal(mode=WeightMode.LOSE, start=START, start_kg=80.0)
    day = START + dt.timedelta(days=90)
    planned = round(goal.planned_kg(day), 1)
    on = weight_progress(goal, planned, day)
    assert not on.off_track
    assert 45 < (on.done_percent or 0) < 55
    above = weight_progress(goal, planned + 0.1, day)
    assert above.off_track
    below = weight_progress(goal, planned - 0.1, day)
    assert not below.off_track
    assert weight_progress(goal, None, day).off_track is False


def test_maintain_alerts_only_with_the_users_own_band() -> None:
    free = WeightGoal(mode=WeightMode.MAINTAIN, start=START, start_kg=60.0)
    assert not weight_progress(free, 75.0, START).off_track  # no invented threshold
    banded = WeightGoal(mode=WeightMode.MAINTAIN, start=START, start_kg=60.0, band_kg=1.5)
    assert not weight_progress(banded, 61.5, START).off_track
    assert weight_progress(banded, 61.6, START).off_track
    assert weight_progress(banded, 58.4, START).off_track


def test_steps_alert_only_for_a_user_goal() -> None:
    days = [7000, None, 9000, 6000, 8000, None, 7500]
    default = steps_progress(8000, days, user_set=False)
    assert default.average == pytest.approx(7500)
    assert default.days_met == 2 and default.days == 7
    assert not default.off_track
    assert steps_progress(8000, days, user_set=True).off_track
    assert not steps_progress(7500, days, user_set=True).off_track  # on the goal = met
    assert not steps_progress(8000, [None] * 7, user_set=True).off_track


@pytest.mark.parametrize(("avg", "off"), [((124.9, 74.9), False), ((125.0, 70.0), True),
                                          ((120.0, 75.0), True), ((125.1, 74.0), True)])
def test_bp_goal_is_below_125_75(avg: tuple[float, float], off: bool) -> None:
    assert bp_progress(BpGoal(), avg, None).off_track is off


def test_bp_goal_needs_an_average() -> None:
    assert bp_progress(BpGoal(), None, None).off_track is None
    assert bp_progress(BpGoal(135, 85), (130.0, 80.0), (136.0, 80.0)).off_track is True


def test_goals_json_round_trip_and_bad_entries_dropped() -> None:
    goals = Goals(weight=WeightGoal(mode=WeightMode.MAINTAIN, start=START, start_kg=61.2,
                                    band_kg=1.0),
                  steps=StepsGoal(9000), bp=BpGoal(130, 80))
    assert Goals.from_json(goals.to_json()) == goals
    assert Goals.from_json(None) == Goals()
    assert Goals.from_json("not json") == Goals()
    damaged = Goals.from_json('{"steps": {"daily": 3}, "bp": {"sbp": 130, "dbp": 80}}')
    assert damaged == Goals(bp=BpGoal(130, 80))


@pytest.mark.parametrize("kwargs", [{"start_kg": 10.0}, {"percent": 0.0}, {"percent": 25.0},
                                    {"months": 2}, {"band_kg": 0.0}])
def test_weight_goal_refuses_implausible_values(kwargs: dict[str, float]) -> None:
    base: dict[str, object] = {"mode": WeightMode.LOSE, "start": START, "start_kg": 70.0}
    base.update(kwargs)
    with pytest.raises(ValueError):
        WeightGoal(**base)  # type: ignore[arg-type]


def test_other_goals_refuse_implausible_values() -> None:
    with pytest.raises(ValueError):
        StepsGoal(100)
    with pytest.raises(ValueError):
        BpGoal(120, 125)
