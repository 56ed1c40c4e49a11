"""Goals: stored per profile inside the encrypted vault, evaluated against recent records.

Goals live in the vault's key/value table (``goals:<profile id>``, JSON): they say
something about a person's health, so they are never written to the plaintext settings
file. ``GoalService.set`` returns the previous goals so the UI can undo cheaply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from phrapp.domain.goals import (
    BpProgress,
    Goals,
    StepsProgress,
    WeightProgress,
    bp_progress,
    default_steps_goal,
    steps_progress,
    weight_progress,
)
from phrapp.domain.records import Profile
from phrapp.domain.risk import home_bp
from phrapp.domain.time import age_on, today_in
from phrapp.services.session import Session
from phrapp.services.trends import TrendService, steps_by_day, weight_average, window
from phrapp.storage import audit
from phrapp.storage.repositories.meta import MetaRepository

KEY_PREFIX = "goals:"
STEPS_DAYS = 7


@dataclass(frozen=True, slots=True)
class GoalStatus:
    """Progress for each goal the user set; ``steps`` also covers the default age target."""

    goals: Goals
    weight: WeightProgress | None
    steps: StepsProgress | None
    steps_user_set: bool
    bp: BpProgress | None


class GoalService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.meta = MetaRepository(session.db)

    def get(self, profile: Profile) -> Goals:
        return Goals.from_json(self.meta.get(KEY_PREFIX + profile.id))

    def set(self, profile: Profile, goals: Goals) -> Goals:
        """Store ``goals`` (replacing all); returns the previous ones (for undo)."""
        previous = self.get(profile)
        with self.session.db.transaction():
            if goals == Goals():
                self.meta.delete(KEY_PREFIX + profile.id)
            else:
                self.meta.set(KEY_PREFIX + profile.id, goals.to_json())
            audit.record(self.session.db, "goals-set", profile_id=profile.id)
        return previous

    def status(self, profile: Profile, as_of: dt.date | None = None) -> GoalStatus:
        as_of = as_of or today_in(profile.home_zone)
        goals = self.get(profile)
        trends = TrendService(self.session)
        weight = None
        if goals.weight is not None:
            start, _ = window(as_of, 7)
            avg = weight_average(trends.weights(profile, start, as_of), as_of)
            weight = weight_progress(goals.weight, None if avg is None else float(avg), as_of)
        age = age_on(profile.birth_date, as_of) if profile.birth_date else None
        target = goals.steps.daily if goals.steps else default_steps_goal(age)
        steps = None
        if target is not None:
            start, _ = window(as_of, STEPS_DAYS)
            by_day = steps_by_day(trends.primary_steps(profile, start, as_of))
            daily = [by_day.get(start + dt.timedelta(days=i)) for i in range(STEPS_DAYS)]
            steps = steps_progress(target, daily, user_set=goals.steps is not None)
        bp = None
        if goals.bp is not None:
            start, _ = window(as_of, home_bp.WINDOW_DAYS)
            ev = home_bp.evaluate(trends.bp_readings(profile, start, as_of), as_of)
            morning = (None if ev.morning.sbp is None or ev.morning.dbp is None
                       else (float(ev.morning.sbp), float(ev.morning.dbp)))
            evening = (None if ev.evening.sbp is None or ev.evening.dbp is None
                       else (float(ev.evening.sbp), float(ev.evening.dbp)))
            bp = bp_progress(goals.bp, morning, evening)
        return GoalStatus(goals=goals, weight=weight, steps=steps,
                          steps_user_set=goals.steps is not None, bp=bp)
