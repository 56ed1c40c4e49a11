from __future__ import annotations

import datetime as dt
from pathlib import Path

from phrapp.domain.records import RecordKind
from phrapp.services.demo import populate
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session


def test_demo_fills_two_profiles(tmp_path: Path) -> None:
    session, _ = Session.create(tmp_path / "v", "correct horse battery staple 7")
    with session:
        counts = populate(session, today=dt.date(2026, 11, 23))
        profiles = ProfileService(session).list()
        assert [p.name for p in profiles] == ["山田 太郎", "山田 花子"]
        assert ProfileService(session).active().name == "山田 太郎"
        records = RecordService(session)
        for kind in (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS):
            listed = records.list(kind, profiles)
            assert len(listed) == counts[kind.value] > 500
        steps = records.list(RecordKind.STEPS, profiles[:1])
        assert steps[-1].date == dt.date(2026, 11, 23)
        assert len(steps) >= 365 * 2


def test_demo_on_the_real_date_has_no_readings_in_the_future(tmp_path: Path) -> None:
    session, _ = Session.create(tmp_path / "vault", "correct horse battery staple 7")
    try:
        populate(session)
        now = dt.datetime.now(dt.UTC)
        records = RecordService(session)
        profiles = ProfileService(session).list()
        for kind in (RecordKind.BP, RecordKind.WEIGHT):
            latest = max(r.measured_at for r in records.list(kind, profiles))  # type: ignore[attr-defined]
            assert latest <= now, kind
    finally:
        session.close()
