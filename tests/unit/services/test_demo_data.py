"""The demo-data generator: deterministic, valid, plausible (pure; no Qt, no disk)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
import time
from typing import Any

import pytest

from phrapp.domain.medication_current import check_overlap, current_lines
from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    BpContext,
    Checkup,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    MedicationOrigin,
    MedicationRecord,
    Provenance,
    Record,
    Sex,
    Steps,
    Weight,
)
from phrapp.domain.validation import errors_of, validate
from phrapp.services.demo_data import DemoPerson, demo_people, generate

TODAY = dt.date(2025, 3, 31)
JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime.combine(TODAY, dt.time(23, 59), tzinfo=JST)
WINTER = (12, 1, 2)
SUMMER = (6, 7, 8)


def _person(sex: Sex) -> DemoPerson:
    _, person_sex, birth = next(p for p in demo_people() if p[1] is sex)
    return DemoPerson(profile_id=f"pid-{sex.value}", sex=person_sex, birth_date=birth,
                      home_zone="Asia/Tokyo")


@pytest.fixture(scope="module")
def man() -> list[Record]:
    return generate(_person(Sex.MALE), TODAY, seed=1)


@pytest.fixture(scope="module")
def woman() -> list[Record]:
    return generate(_person(Sex.FEMALE), TODAY, seed=2)


def _values(record: Record) -> dict[str, Any]:
    skip = {"id", "created_at", "updated_at"}
    return {f.name: getattr(record, f.name) for f in dataclasses.fields(record) if f.name not in skip}


def _bp(records: list[Record]) -> list[BloodPressure]:
    return [r for r in records if isinstance(r, BloodPressure)]


def _local_date(record: Record) -> dt.date:
    if isinstance(record, BloodPressure | Weight):
        return record.measured_at.date()
    if isinstance(record, MedicationRecord):
        return record.dispensed_on
    if isinstance(record, Allergy):
        assert record.recorded_on is not None
        return record.recorded_on
    assert isinstance(record, Steps | Checkup | Immunization | HealthBackground
                      | FollowUpVisit)
    return record.date


def test_demo_people_are_a_man_and_a_woman() -> None:
    people = demo_people()
    assert [p[1] for p in people] == [Sex.MALE, Sex.FEMALE]
    assert all(p[0].strip() and p[2].year < 2000 for p in people)


def test_same_seed_gives_same_values() -> None:
    person = _person(Sex.MALE)
    first = generate(person, TODAY, seed=7)
    second = generate(person, TODAY, seed=7)
    assert [_values(r) for r in first] == [_values(r) for r in second]
    assert len({r.id for r in first + second}) == len(first) * 2  # ids stay fresh
    other = generate(person, TODAY, seed=8)
    assert [_values(r) for r in first] != [_values(r) for r in other]


def test_every_record_passes_validation(man: list[Record], woman: list[Record]) -> None:
    for record in man + woman:
        assert errors_of(validate(record, NOW)) == [], record


def test_counts_are_plausible(man: list[Record], woman: list[Record]) -> None:
    for records in (man, woman):
        bp = _bp(records)
        weights = [r for r in records if isinstance(r, Weight)]
        steps = [r for r in records if isinstance(r, Steps)]
        assert 2000 <= len(bp) <= 3500
        assert 0.75 * 730 <= len(weights) <= 0.95 * 731
        assert len(steps) == len({s.date for s in steps}) == (TODAY - dt.date(2023, 3, 31)).days
        assert {r.profile_id for r in records} == {records[0].profile_id}


def test_sorted_oldest_first_and_nothing_after_today(man: list[Record]) -> None:
    stamps = [r.created_at for r in man]
    assert stamps == sorted(stamps)
    assert max(_local_date(r) for r in man) == TODAY
    assert min(_local_date(r) for r in man) > dt.date(2023, 3, 31)


def test_instants_are_aware_in_home_offset(man: list[Record]) -> None:
    for record in man:
        assert record.created_at.utcoffset() == dt.timedelta(0)
        assert record.updated_at == record.created_at
        if isinstance(record, BloodPressure | Weight):
            assert record.measured_at.utcoffset() == dt.timedelta(hours=9)
            assert record.measured_at.astimezone(dt.UTC) == record.created_at


def test_bp_slots_and_times(man: list[Record]) -> None:
    for reading in _bp(man):
        minutes = reading.measured_at.hour * 60 + reading.measured_at.minute
        if reading.context is BpContext.MORNING:
            assert 6 * 60 <= minutes <= 7 * 60 + 34
        else:
            assert reading.context is BpContext.EVENING
            assert 21 * 60 <= minutes <= 23 * 60 + 4
        assert 58 <= (reading.pulse or 0) <= 85
        assert reading.slot.value == reading.context.value


def test_bp_provenance_mix(man: list[Record]) -> None:
    bp = _bp(man)
    manual = [r for r in bp if r.provenance is Provenance.MANUAL]
    assert 0.03 < len(manual) / len(bp) < 0.07
    device = [r for r in bp if r.provenance is Provenance.DEVICE]
    assert all(r.source.device is not None and r.source.device.maker == "OMRON" for r in device)
    assert all(r.source.device is None and r.source.app is None for r in manual)
    irregular = sum(r.irregular_heartbeat for r in bp)
    assert 0 <= irregular < len(bp) * 0.02


def test_man_is_higher_in_winter_mornings(man: list[Record]) -> None:
    mornings = [r for r in _bp(man) if r.context is BpContext.MORNING]
    winter = statistics.fmean(r.systolic for r in mornings if r.measured_at.month in WINTER)
    summer = statistics.fmean(r.systolic for r in mornings if r.measured_at.month in SUMMER)
    assert winter - summer > 4
    assert 133 <= winter <= 143
    assert 125 <= summer <= 135
    evenings = [r.systolic for r in _bp(man) if r.context is BpContext.EVENING]
    assert statistics.fmean(evenings) < statistics.fmean(r.systolic for r in mornings)


def test_woman_is_normotensive(woman: list[Record]) -> None:
    bp = _bp(woman)
    assert 117 <= statistics.fmean(r.systolic for r in bp) <= 127
    assert 71 <= statistics.fmean(r.diastolic for r in bp) <= 81


def test_weight_trends(man: list[Record], woman: list[Record]) -> None:
    man_kg = [r for r in man if isinstance(r, Weight)]
    first, last = statistics.fmean(r.kg for r in man_kg[:60]), statistics.fmean(r.kg for r in man_kg[-60:])
    assert 1.0 < first - last < 3.0
    assert all(round(r.kg, 1) == r.kg for r in man_kg)
    assert 20 < statistics.fmean(r.body_fat_percent or 0 for r in man_kg) < 26
    woman_kg = [r.kg for r in woman if isinstance(r, Weight)]
    assert 55 < statistics.fmean(woman_kg) < 57
    assert all(r.source.device is not None and r.source.device.maker == "TANITA"
               for r in man_kg)


def test_weekend_steps_vary_more(man: list[Record], woman: list[Record]) -> None:
    for records in (man, woman):
        steps = [r for r in records if isinstance(r, Steps)]
        weekend = [s.steps for s in steps if s.date.weekday() >= 5]
        weekday = [s.steps for s in steps if s.date.weekday() < 5]
        assert statistics.pstdev(weekend) > 2 * statistics.pstdev(weekday)
        assert 7000 <= statistics.fmean(weekday) <= 9500
        assert all(isinstance(s.steps, int) and s.source.app == "demo-pedometer" for s in steps)
    man_mean = statistics.fmean(r.steps for r in man if isinstance(r, Steps))
    woman_mean = statistics.fmean(r.steps for r in woman if isinstance(r, Steps))
    assert man_mean < woman_mean


def test_other_zone_keeps_its_offset() -> None:
    person = dataclasses.replace(_person(Sex.FEMALE), home_zone="Europe/Berlin")
    records = generate(person, TODAY, seed=3, years=1)
    offsets = {r.measured_at.utcoffset() for r in records if isinstance(r, BloodPressure)}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}


def test_leap_day_today() -> None:
    records = generate(_person(Sex.MALE), dt.date(2024, 2, 29), seed=4, years=1)
    steps = [r for r in records if isinstance(r, Steps)]
    assert steps[0].date == dt.date(2023, 3, 1) and steps[-1].date == dt.date(2024, 2, 29)


def test_generation_is_fast() -> None:
    started = time.perf_counter()
    for sex in (Sex.MALE, Sex.FEMALE):
        generate(_person(sex), TODAY, seed=5)
    assert time.perf_counter() - started < 1.0


def test_two_checkups_a_year_apart(man: list[Record]) -> None:
    checkups = [r for r in man if isinstance(r, Checkup)]
    assert [c.date for c in checkups] == [dt.date(2023, 6, 10), dt.date(2024, 6, 10)]
    assert all(c.guidance_level == 2 and c.metabolic_syndrome == 2 for c in checkups)
    assert all(not errors_of(validate(c, NOW)) for c in checkups)


def _meds(records: list[Record]) -> list[MedicationRecord]:
    return [r for r in records if isinstance(r, MedicationRecord)]


def test_man_has_two_clinics_and_one_current_duplicate(man: list[Record]) -> None:
    meds = _meds(man)
    assert len(meds) == 10  # 7 × 山田内科 every 4 weeks, 3 × さくら整形外科
    assert {(m.prescriber_institution, m.pharmacy) for m in meds} == {
        ("山田内科", "みどり薬局"), ("さくら整形外科", "ひかり薬局")}
    assert all(m.origin is MedicationOrigin.DISPENSING and m.provenance is Provenance.IMPORT
               and m.source.app == "jahis-tc" for m in meds)
    assert min(m.dispensed_on for m in meds) >= TODAY - dt.timedelta(days=200)
    assert max(m.dispensed_on for m in meds) <= TODAY
    check = check_overlap(meds, TODAY)
    assert len(check.duplicates) == 1 and check.unchecked == ()
    dup = check.duplicates[0]
    assert dup.ingredient == "2171022"
    assert {line.drug.code for line in dup.lines} == {"2171022F1023", "2171022F2020"}
    assert len(dup.prescribers) == 2
    current = {line.drug.name for line in current_lines(meds, TODAY)}
    assert any("ロキソプロフェン" in n for n in current) and any("レバミピド" in n for n in current)
    # The amlodipine of 山田内科 never runs out between visits (28 days every 28 days).
    naika = [line for line in current_lines(meds, TODAY - dt.timedelta(days=100))
             if line.record.prescriber_institution == "山田内科"]
    assert len(naika) == 1


def test_man_allergy_and_vaccinations(man: list[Record]) -> None:
    allergies = [r for r in man if isinstance(r, Allergy)]
    assert [(a.kind, a.text) for a in allergies] == [
        (AllergyKind.ADVERSE_REACTION, "ペニシリン系で発疹")]
    shots = sorted((r for r in man if isinstance(r, Immunization)), key=lambda r: r.date)
    assert len(shots) == 2 and "新型コロナ" in shots[0].vaccine
    assert "インフルエンザ" in shots[1].vaccine
    assert shots[1].date == dt.date(2024, 10, 25)  # last autumn, seen from 31 March 2025


def test_woman_has_one_otc_and_nothing_current(woman: list[Record]) -> None:
    meds = _meds(woman)
    assert [m.origin for m in meds] == [MedicationOrigin.OTC]
    assert current_lines(meds, TODAY) == []
    assert not any(isinstance(r, Allergy | Immunization) for r in woman)


def test_adding_medications_kept_the_other_values() -> None:
    """Each kind has its own stream: the BP values do not depend on the new kind."""
    import random

    from phrapp.services import demo_data

    person = _person(Sex.MALE)
    days = demo_data._days(TODAY, 1)
    alone = list(demo_data._bp(person, days, random.Random("9:bp")))
    full = [r for r in generate(person, TODAY, seed=9, years=1) if isinstance(r, BloodPressure)]
    assert [_values(r) for r in alone] == [_values(r) for r in full]


def test_background_answers_and_one_follow_up_visit(man: list[Record],
                                                      woman: list[Record]) -> None:
    from phrapp.domain.records import Checkup, FollowUpVisit, HealthBackground, Smoking
    from phrapp.services.risk import latest_checkup, referral_flags_json

    for records, on_bp in ((man, True), (woman, False)):
        backgrounds = [r for r in records if isinstance(r, HealthBackground)]
        assert len(backgrounds) == 1
        bg = backgrounds[0]
        assert bg.smoking is Smoking.NEVER and bg.on_bp_drugs is on_bp
        assert bg.diabetes is False and bg.date < TODAY
    visits = [r for r in man if isinstance(r, FollowUpVisit)]
    assert not any(isinstance(r, FollowUpVisit) for r in woman)
    assert len(visits) == 1
    checkups = [r for r in man if isinstance(r, Checkup)]
    latest = latest_checkup(checkups, TODAY)
    assert latest is not None
    referral = {f["code"] for f in referral_flags_json(latest, "male")
                if f["kind"] == "受診勧奨"}
    # The visit was for the same item after the previous checkup: still a reminder now.
    assert visits[0].item_code in referral
    assert min(c.date for c in checkups) < visits[0].date < latest.date


def test_adding_background_and_visits_kept_the_other_values() -> None:
    from phrapp.services import demo_data

    person = _person(Sex.MALE)
    full = generate(person, TODAY, seed=9, years=1)
    kinds = (BloodPressure, Weight, Steps)
    before = [r for r in full if isinstance(r, kinds)]
    assert len(before) > 300
    import random

    days = demo_data._days(TODAY, 1)
    steps = list(demo_data._steps(person, days, random.Random("9:steps")))
    assert [s.steps for s in steps] == [r.steps for r in full if isinstance(r, Steps)]
