"""The import's bulk paths store exactly what the generic ones store.

``Mapper.values`` (no intermediate dict), the isoformat-based instant columns and
``RecordRepository.add_imported`` (rows streamed without rebuilding records) are speed
paths for million-row imports; these tests pin them to ``to_row``/``add_many``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from phrapp.domain.records import (
    BloodPressure,
    Device,
    LabValue,
    Provenance,
    Record,
    RecordKind,
    Source,
    Steps,
    Weight,
    WeightUnit,
    kind_of,
)
from phrapp.domain.time import minute_key, offset_minutes, to_utc_text
from phrapp.services.profiles import ProfileService
from phrapp.services.session import Session
from phrapp.storage.repositories.mappers import MAPPERS

JST = dt.timezone(dt.timedelta(hours=9))
NY = dt.timezone(dt.timedelta(hours=-5))
SOURCE = Source(device=Device("0002", "HEM-7600", "SN-B7"))


def samples(profile_id: str) -> list[Record]:
    return [
        BloodPressure(profile_id=profile_id, measured_at=dt.datetime(2024, 11, 21, 7, 40, 5,
                                                                      tzinfo=JST),
                      systolic=128, diastolic=82, pulse=64, source=SOURCE,
                      provenance=Provenance.DEVICE, extra={"update_time": "1"}),
        BloodPressure(profile_id=profile_id, measured_at=dt.datetime(2024, 12, 31, 23, 59, 59,
                                                                      123456, tzinfo=NY),
                      systolic=140, diastolic=90, pulse=None, irregular_heartbeat=True,
                      note="メモ", source=Source(app="apple-health")),
        Weight(profile_id=profile_id, measured_at=dt.datetime(2025, 1, 1, 0, 0, tzinfo=JST),
               kg=65.25, body_fat_percent=21.5, original_unit=WeightUnit.LB, source=SOURCE),
        Steps(profile_id=profile_id, date=dt.date(2024, 11, 21), steps=8123, source=SOURCE,
              extra={"walk_time": 85}),
        LabValue(profile_id=profile_id, date=dt.date(2024, 11, 15), code="3D046000001920402",
                 name="HbA1c(NGSP)", value=5.8, unit="%", source=SOURCE),
    ]


@pytest.mark.parametrize("index", range(5))
def test_mapper_values_match_to_row(index: int) -> None:
    record = samples("p")[index]
    mapper = MAPPERS[kind_of(record)]
    row = mapper.to_row(record)
    assert mapper.values(record) == [row[c] for c in mapper.columns]


@pytest.mark.parametrize("at", [
    dt.datetime(2024, 11, 21, 7, 40, tzinfo=JST),
    dt.datetime(2024, 11, 21, 7, 40, 0, 1, tzinfo=JST),
    dt.datetime(1970, 1, 1, 3, 0, tzinfo=NY),
    dt.datetime(999, 5, 1, 12, 0, tzinfo=dt.UTC),  # strftime's unpadded year: slow path
])
def test_instant_columns_match_the_time_helpers(at: dt.datetime) -> None:
    record = BloodPressure(profile_id="p", measured_at=at, systolic=120, diastolic=80)
    row = MAPPERS[RecordKind.BP].to_row(record)
    assert (row["measured_at_utc"], row["utc_offset_min"], row["minute_utc"],
            row["local_date"]) == (to_utc_text(at), offset_minutes(at), minute_key(at),
                                   at.date().isoformat())


def test_add_imported_stores_what_add_many_stores(session: Session) -> None:
    # Two profiles: the same readings twice in one profile would break the identity
    # constraints (steps: one per date and source).
    profiles = {"b-bulk": session.repos.profiles.all()[0].id,
                "b-many": ProfileService(session).add("second").id}
    now = dt.datetime(2026, 11, 23, 1, 2, 3, 456, tzinfo=dt.UTC)
    records = samples("")
    extras = [{**r.extra, "version": f"v{i}"} for i, r in enumerate(records)]
    for batch, use_bulk in (("b-bulk", True), ("b-many", False)):
        profile_id = profiles[batch]
        for record, extra in zip(records, extras, strict=True):
            repo = session.repos.records(kind_of(record))
            with session.db.transaction():
                if use_bulk:
                    assert repo.add_imported([(record, profile_id, extra)], batch_id=batch,
                                             stamped_at=now) == 1
                else:
                    repo.add_many([dataclasses.replace(
                        record, id=record.id + "-many", profile_id=profile_id, extra=extra,
                        source=Source(record.source.app, record.source.device, batch),
                        created_at=now, updated_at=now)])
    for kind in (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS):
        repo = session.repos.records(kind)
        stored = repo.list(list(profiles.values()))
        bulk = [r for r in stored if r.source.batch == "b-bulk"]
        assert bulk and len(stored) == 2 * len(bulk)
        for a in bulk:
            snap_a, snap_b = repo.snapshot(a.id), repo.snapshot(a.id + "-many")
            assert snap_a is not None and snap_b is not None
            for snap in (snap_a, snap_b):
                for column in ("id", "batch_id", "profile_id"):
                    snap["row"].pop(column)
            assert snap_a == snap_b
