"""Goals on a real vault: stored encrypted per profile, undoable, evaluated on records."""

from __future__ import annotations

import datetime as dt

from phrapp.domain.goals import BpGoal, Goals, StepsGoal, WeightGoal, WeightMode
from phrapp.domain.records import BloodPressure, Provenance, Source, Steps, Weight
from phrapp.services.goals import GoalService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session

TODAY = dt.date(2026, 11, 23)
JST = dt.timezone(dt.timedelta(hours=9))


def _fill(session: Session) -> None:
    profile = ProfileService(session).active()
    records = RecordService(session)
    for back in range(14):
        day = TODAY - dt.timedelta(days=back)
        records.add(Weight(profile_id=profile.id, kg=79.0,
                           measured_at=dt.datetime.combine(day, dt.time(7), tzinfo=JST)))
        records.add(Steps(profile_id=profile.id, date=day, steps=7000,
                          source=Source(app="pedometer"), provenance=Provenance.DEVICE))
        for hour, sbp, dbp in ((7, 128, 78), (21, 122, 72)):
            records.add(BloodPressure(profile_id=profile.id, systolic=sbp, diastolic=dbp,
                                      measured_at=dt.datetime.combine(day, dt.time(hour),
                                                                      tzinfo=JST)))


def test_without_goals_only_the_default_step_target_and_no_alert(session: Session) -> None:
    _fill(session)
    profile = ProfileService(session).active()
    status = GoalService(session).status(profile, TODAY)
    assert status.goals == Goals()
    assert status.weight is None and status.bp is None
    assert status.steps is not None and status.steps.goal == 8000  # age 56: 健康日本21
    assert not status.steps.off_track and not status.steps_user_set


def test_user_goals_are_stored_evaluated_and_undoable(session: Session) -> None:
    _fill(session)
    profile = ProfileService(session).active()
    service = GoalService(session)
    goals = Goals(weight=WeightGoal(mode=WeightMode.LOSE, start=TODAY - dt.timedelta(days=60),
                                    start_kg=80.0),
                  steps=StepsGoal(6500), bp=BpGoal())
    previous = service.set(profile, goals)
    assert previous == Goals()
    assert service.get(profile) == goals
    status = service.status(profile, TODAY)
    assert status.weight is not None
    assert status.weight.current_kg == 79.0
    assert status.weight.off_track is False  # planned ≈ 79.2 after 60 of 181 days
    assert status.steps is not None and status.steps.goal == 6500
    assert not status.steps.off_track and status.steps_user_set
    assert status.bp is not None and status.bp.off_track is True  # morning 128/78 ≥ 125/75
    # undo: put the previous goals back
    service.set(profile, previous)
    assert service.get(profile) == Goals()
    # goals are stored inside the vault only, never in plaintext
    files = [p for p in session.vault.paths.folder.rglob("*") if p.is_file()]
    assert files
    assert not any(b'"daily": 6500' in p.read_bytes() for p in files)
