"""The import pipeline contract, proven with a fake importer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fakes import MAGIC, fake_registry

from phrapp.domain.records import RecordKind, Sex
from phrapp.errors import MalformedInput, UnknownPerson, UnsupportedFormat
from phrapp.services.import_service import ImportService
from phrapp.services.profiles import ProfileService
from phrapp.services.records import RecordService
from phrapp.services.session import Session


def write(tmp_path: Path, name: str, lines: list[str], newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes((newline.join([MAGIC.decode(), *lines]) + newline).encode("utf-8"))
    return path


BP_LINES = [
    "bp,,2025-01-01T07:00,130,85,70,omron-connect,",
    "bp,,2025-01-01T21:00,125,80,66,omron-connect,",
    "bp,,2025-01-02T07:00,132,86,71,omron-connect,",
]


def service(session: Session) -> ImportService:
    return ImportService(session, fake_registry())


def bp_rows(session: Session) -> list:
    profiles = ProfileService(session).list()
    return RecordService(session).list(RecordKind.BP, profiles)


def test_preview_writes_nothing_commit_adds(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    path = write(tmp_path, "a.txt", BP_LINES)
    plan = svc.preview([path])
    assert plan.files[0].added == {"bp": 3}
    assert bp_rows(session) == []
    batch = svc.commit(plan)
    rows = bp_rows(session)
    assert len(rows) == 3 and all(r.source.batch == batch for r in rows)
    assert rows[0].measured_at.utcoffset() == dt.timedelta(hours=9)  # home zone applied
    result = plan.to_json(batch)
    assert result["files"][0]["profile"] == "本人"
    assert result["files"][0]["format"] == "fake-csv"


def test_overlapping_file_adds_only_new_records(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    svc.commit(svc.preview([write(tmp_path, "a.txt", BP_LINES)]))
    # A re-export: one extra row, CRLF line ends, reordered lines, seconds differ.
    again = [BP_LINES[2], "bp,,2025-01-03T07:00,128,84,69,omron-connect,", BP_LINES[0],
             "bp,,2025-01-01T21:00:30,125,80,66,omron-connect,"]
    plan = svc.preview([write(tmp_path, "b.txt", again, newline="\r\n")])
    assert plan.files[0].added == {"bp": 1}
    assert plan.files[0].duplicates == {"bp": 3}
    svc.commit(plan)
    assert len(bp_rows(session)) == 4


def test_same_file_twice_is_all_duplicates_and_flagged(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    path = write(tmp_path, "a.txt", BP_LINES)
    svc.commit(svc.preview([path]))
    plan = svc.preview([path])
    assert plan.files[0].added == {} and plan.files[0].duplicates == {"bp": 3}
    assert plan.files[0].seen_before


def test_user_edit_survives_reimport(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    path = write(tmp_path, "a.txt", BP_LINES)
    svc.commit(svc.preview([path]))
    records = RecordService(session)
    first = bp_rows(session)[0]
    import dataclasses

    records.update(dataclasses.replace(first, systolic=140))
    plan = svc.preview([path])
    assert plan.files[0].duplicates == {"bp": 3}
    svc.commit(plan)
    kept = records.get(RecordKind.BP, first.id)
    assert kept.systolic == 140 and kept.provenance.value == "device-edited"


def test_newer_version_replaces_and_undo_restores(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    svc.commit(svc.preview([write(tmp_path, "a.txt", [
        "weight,,2025-01-01T07:00,70.0,scale-app,20250101070000000"])]))
    original = RecordService(session).list(RecordKind.WEIGHT, ProfileService(session).list())[0]
    plan = svc.preview([write(tmp_path, "b.txt", [
        "weight,,2025-01-01T07:00,69.5,scale-app,20250102080000000",
        "weight,,2025-01-02T07:00,69.4,scale-app,20250102080000000"])])
    assert plan.files[0].replaced == {"weight": 1} and plan.files[0].added == {"weight": 1}
    batch = svc.commit(plan)
    rows = RecordService(session).list(RecordKind.WEIGHT, ProfileService(session).list())
    assert [r.kg for r in rows] == [69.5, 69.4]
    assert rows[0].id == original.id  # stable identity across replacement
    older = svc.preview([write(tmp_path, "c.txt", [
        "weight,,2025-01-01T07:00,71.0,scale-app,20241231000000000"])])
    assert dict(older.files[0].skipped) == {"older-version": 1}
    svc.undo(batch)
    rows = RecordService(session).list(RecordKind.WEIGHT, ProfileService(session).list())
    assert [r.kg for r in rows] == [70.0]
    assert rows[0] == original


def test_probable_cross_source_duplicates_are_skipped(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    svc.commit(svc.preview([write(tmp_path, "a.txt", BP_LINES)]))
    plan = svc.preview([write(tmp_path, "b.txt", [
        "bp,,2025-01-01T07:00:40,130,85,70,apple-health,",   # same values, 40 s, other source
        "bp,,2025-01-01T07:02:00,130,85,70,apple-health,",   # 2 minutes later: a new reading
        "bp,,2025-01-01T07:00:20,131,85,70,apple-health,"])])  # different values
    assert dict(plan.files[0].skipped) == {"probable-duplicate": 1}
    assert plan.files[0].added == {"bp": 2}


def test_undo_removes_exactly_the_batch(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    first = svc.commit(svc.preview([write(tmp_path, "a.txt", BP_LINES)]))
    second = svc.commit(svc.preview([write(tmp_path, "b.txt", [
        "bp,,2025-02-01T07:00,120,80,60,omron-connect,"])]))
    svc.undo(second)
    assert len(bp_rows(session)) == 3
    history = svc.history()
    assert [h["batch"] for h in history] == [first, second]
    assert history[1]["undone_at"] is not None and history[0]["undone_at"] is None
    assert history[0]["profiles"] == ["本人"] and history[0]["profiles_created"] == []
    assert history[0]["added"] == {"bp": 3}
    with pytest.raises(Exception, match="already undone"):
        svc.undo(second)


def test_refused_files_change_nothing(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    good = write(tmp_path, "a.txt", BP_LINES)
    bad = write(tmp_path, "b.txt", ["bp,,2025-03-01T07:00,120,80,60,x,", "boom"])
    with pytest.raises(MalformedInput) as info:
        svc.preview([good, bad])
    assert info.value.path == "b.txt"
    crash = write(tmp_path, "c.txt", ["crash"])
    with pytest.raises(MalformedInput, match="KeyError"):
        svc.preview([crash])
    other = tmp_path / "d.txt"
    other.write_text("hello")
    with pytest.raises(UnsupportedFormat):
        svc.preview([other])
    assert bp_rows(session) == []


def test_commit_is_all_or_nothing(session: Session, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    svc = service(session)
    plan = svc.preview([write(tmp_path, "a.txt", BP_LINES)])

    def fail(*_a: object, **_k: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(svc.repos.batches, "journal", fail)
    with pytest.raises(OSError):
        svc.commit(plan)
    assert bp_rows(session) == []
    assert session.db.scalar("SELECT count(*) FROM import_batches") == 0


def test_invalid_values_are_skipped_with_reason(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    plan = svc.preview([write(tmp_path, "a.txt", [
        BP_LINES[0], "bp,,2025-01-05T07:00,400,80,60,omron-connect,"])])
    assert plan.files[0].added == {"bp": 1}
    assert dict(plan.files[0].skipped) == {"invalid-value": 1}


def test_people_rule_unknown_person_refused(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    path = write(tmp_path, "a.txt", ["person,p1,female,1990-05-05,",
                                     "bp,p1,2025-01-01T07:00,118,76,60,,"])
    with pytest.raises(UnknownPerson):
        svc.preview([path])
    plan = svc.preview([path], create_profiles=True)
    assert plan.files[0].profiles_created == ["person p1"]
    batch = svc.commit(plan)
    created = ProfileService(session).get("person p1")
    assert created.sex is Sex.FEMALE and created.birth_date == dt.date(1990, 5, 5)
    assert len(RecordService(session).list(RecordKind.BP, [created])) == 1
    svc.undo(batch)
    assert [p.name for p in ProfileService(session).list()] == ["本人"]


def test_people_rule_adoption_and_undo(tmp_path: Path) -> None:
    session, _ = Session.create(tmp_path / "v", "correct horse battery staple 7")
    with session:
        ProfileService(session).add("本人")
        svc = service(session)
        path = write(tmp_path, "a.txt", ["person,p1,male,1962-04-02,ヤマダ タロウ",
                                         "bp,p1,2025-01-01T07:00,130,80,60,,"])
        plan = svc.preview([path])
        assert any("took the birth date" in w for w in plan.files[0].warnings)
        batch = svc.commit(plan)
        me = ProfileService(session).get("本人")
        assert me.birth_date == dt.date(1962, 4, 2) and me.sex is Sex.MALE
        svc.undo(batch)
        me = ProfileService(session).get("本人")
        assert me.birth_date is None and me.sex is None


def test_matching_person_goes_to_matching_profile(session: Session, tmp_path: Path) -> None:
    ProfileService(session).add("母", sex=Sex.FEMALE, birth_date=dt.date(1940, 3, 3))
    svc = service(session)
    plan = svc.preview([write(tmp_path, "a.txt", ["person,x,female,1940-03-03,",
                                                  "bp,x,2025-01-01T07:00,140,80,60,,"])])
    svc.commit(plan)
    mother = ProfileService(session).get("母")
    assert len(RecordService(session).list(RecordKind.BP, [mother])) == 1
    assert plan.to_json("b")["files"][0]["profile"] == "母"


def test_folder_import_takes_only_importable_files(session: Session, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "1.txt", BP_LINES[:1])
    write(folder, "2.txt", BP_LINES[1:])
    (folder / "notes.txt").write_text("not a health file")
    plan = service(session).preview([folder])
    assert [f.name for f in plan.files] == ["1.txt", "2.txt"]


def test_steps_one_record_per_day_and_source(session: Session, tmp_path: Path) -> None:
    svc = service(session)
    plan = svc.preview([write(tmp_path, "a.txt", [
        "steps,,2025-01-01,8000,pedometer,", "steps,,2025-01-01,9000,phone,",
        "steps,,2025-01-01,8000,pedometer,"])])
    assert plan.files[0].added == {"steps": 2} and plan.files[0].duplicates == {"steps": 1}
    svc.commit(plan)
    records = RecordService(session)
    rows = records.list(RecordKind.STEPS, ProfileService(session).list())
    primary = records.primary_steps(rows)
    assert [r.steps for r in rows if r.id in primary] == [9000]  # largest total wins
    me = ProfileService(session).active()
    records.set_preferred_steps_source(me, "app:pedometer")
    assert [r.steps for r in rows if r.id in records.primary_steps(rows)] == [8000]
