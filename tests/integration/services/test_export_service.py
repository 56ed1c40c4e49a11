"""The export service: kinds per format, the audit record and a history per person."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from phrapp.domain.records import BloodPressure, RecordKind, Sex
from phrapp.io.exporters.base import ExportRequest
from phrapp.io.exporters.csv_export import CsvExporter
from phrapp.io.exporters.fhir import FhirExporter
from phrapp.services.export_service import ExportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session
from phrapp.storage import audit

JST = dt.timezone(dt.timedelta(hours=9))


def test_plan_export_audit_and_history_per_person(session: Session, tmp_path: Path) -> None:
    profiles = ProfileService(session)
    me = profiles.active()
    mother = profiles.add("母", sex=Sex.FEMALE, birth_date=dt.date(1940, 3, 3))
    for day in (1, 2, 3):
        RecordService(session).add(BloodPressure(
            profile_id=me.id, systolic=130, diastolic=80,
            measured_at=dt.datetime(2026, 11, day, 7, tzinfo=JST)))
    service = ExportService(session)
    csv = CsvExporter()
    assert service.kinds_for(csv, [RecordKind.BP, RecordKind.VISITS]) == (RecordKind.BP,)
    plan = service.plan(csv, me, [RecordKind.BP], dt.date(2026, 11, 2), None)
    assert plan.counts == {"bp": 2} and plan.total == 2 and plan.plaintext
    result = service.export(csv, ExportRequest(profile=me, out=tmp_path / "bp.csv",
                                               kinds=(RecordKind.BP,)))
    assert result.files == [tmp_path / "bp.csv"] and result.counts == {"bp": 3}
    service.export(FhirExporter(), ExportRequest(profile=mother, out=tmp_path / "m.json",
                                                 kinds=(RecordKind.BP,)))
    mine = service.history(me)
    assert [(h.format, h.kinds, h.count) for h in mine] == [("csv", ["bp"], 3)]
    assert [h.format for h in service.history()] == ["fhir", "csv"]  # newest first
    events = [d for _at, e, d in audit.events(session.db) if e == "export"]
    assert all("value" not in d and "path" not in d for d in events)  # counts only
