"""The demo vault: two profiles and two years of realistic synthetic records.

``phrapp --demo`` opens a throwaway vault filled by :func:`populate`; the values come
from the pure generator in ``demo_data``. Later issues add their kinds there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from phrapp.domain.goals import BpGoal, Goals, WeightGoal, WeightMode
from phrapp.domain.records import Profile, Record, RecordKind, Weight, kind_of
from phrapp.domain.time import DEFAULT_ZONE, today_in, utc_now
from phrapp.services.demo_data import DemoPerson, demo_people, generate
from phrapp.services.goals import GoalService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage import audit

DEMO_SEED = 20261123


def populate(session: Session, *, today: dt.date | None = None,
             seed: int = DEMO_SEED) -> dict[str, int]:
    """Create the demo profiles and their records; returns counts by kind.

    With the real date (``today`` not given), readings later than now are left out:
    today's evening readings do not exist yet in the morning.
    """
    now = utc_now() if today is None else None
    today = today or today_in(DEFAULT_ZONE)
    profiles = ProfileService(session)
    by_kind: dict[RecordKind, list[Record]] = defaultdict(list)
    for index, (name, sex, birth) in enumerate(demo_people()):
        existing = session.repos.profiles.by_name(name)
        profile = existing or profiles.add(name, sex=sex, birth_date=birth,
                                           home_zone=DEFAULT_ZONE)
        person = DemoPerson(profile.id, sex, birth, profile.home_zone)
        for record in generate(person, today, seed=seed + index):
            measured = getattr(record, "measured_at", None)
            if now is not None and measured is not None and measured > now:
                continue
            by_kind[kind_of(record)].append(record)
    counts: Counter[str] = Counter()
    with session.db.transaction():
        for kind, records in by_kind.items():
            counts[kind.value] += session.repos.records(kind).add_many(records)
        audit.record(session.db, "demo-populated", count=sum(counts.values()))
    first = demo_people()[0][0]
    profiles.use(first)
    _demo_goals(session, profiles.get(first), today)
    return dict(counts)


def _demo_goals(session: Session, profile: Profile, today: dt.date) -> None:
    """The first person has set goals: lose 3 % since two months ago, home BP 125/75."""
    start = today - dt.timedelta(days=60)
    weights = [r for r in RecordService(session).list(RecordKind.WEIGHT, [profile], start,
                                                      start + dt.timedelta(days=6))
               if isinstance(r, Weight)]
    start_kg = round(weights[0].kg + 0.8, 1) if weights else 74.0
    GoalService(session).set(profile, Goals(
        weight=WeightGoal(mode=WeightMode.LOSE, start=start, start_kg=start_kg), bp=BpGoal()))
