"""Synthetic but realistic health data for the demo vault (pure: no I/O, no clock).

``generate`` builds a few years of home readings for one demo person: blood pressure
morning and evening, body weight most mornings, and a daily step count. Values follow
what Japanese home-monitoring data typically looks like (seasonal BP swing, a mildly
hypertensive older man, a normotensive woman, slow weight loss, weekday/weekend step
patterns) and always pass ``domain.validation.validate``.

Values are deterministic for a given ``seed``; record ids are fresh UUIDs. Every kind
has its own private generator (``_bp``, ``_weight``, ``_steps``, ``_medications``,
``_background``, ``_visits``) with its own random
stream derived from the seed, so adding a kind later does not change existing values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    BpContext,
    Checkup,
    Device,
    Drug,
    DrugCodeSystem,
    FollowUpVisit,
    HealthBackground,
    Immunization,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Provenance,
    Record,
    Sex,
    Smoking,
    Source,
    Steps,
    Weight,
)
from phrapp.domain.time import UTC, zone

BP_DEVICE = Device(maker="OMRON", model="HCR-7601T", serial="demo-0001")
SCALE_DEVICE = Device(maker="TANITA", model="BC-768", serial="demo-0002")
PEDOMETER_APP = "demo-pedometer"

# Day of year on which the seasonal BP / weight swing peaks (mid-January).
_WINTER_PEAK_DOY = 15
_DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """What the demo needs to know about a profile."""

    profile_id: str
    sex: Sex
    birth_date: dt.date
    home_zone: str  # IANA zone, e.g. "Asia/Tokyo"


def demo_people() -> list[tuple[str, Sex, dt.date]]:
    """The two demo profiles as ``(name, sex, birth_date)``: a married couple."""
    return [
        ("山田 太郎", Sex.MALE, dt.date(1962, 4, 2)),
        ("山田 花子", Sex.FEMALE, dt.date(1965, 9, 15)),
    ]


def generate(person: DemoPerson, today: dt.date, *, seed: int, years: int = 2) -> list[Record]:
    """``years`` years of records ending on ``today`` (inclusive) for one person.

    Deterministic for a given ``seed`` (apart from ids). Records are sorted oldest
    first by ``created_at``, which is the measured instant in UTC.
    """
    if years < 1:
        raise ValueError("years must be at least 1")
    days = _days(today, years)
    records: list[Record] = []
    records.extend(_bp(person, days, _rng(seed, "bp")))
    records.extend(_weight(person, days, _rng(seed, "weight")))
    records.extend(_steps(person, days, _rng(seed, "steps")))
    records.extend(_checkups(person, today))
    records.extend(_medications(person, today, _rng(seed, "medications")))
    records.extend(_background(person, today, _rng(seed, "background")))
    records.extend(_visits(person, today, _rng(seed, "visits")))
    records.sort(key=lambda r: r.created_at)
    return records


# -- shared helpers -----------------------------------------------------------------


def _rng(seed: int, kind: str) -> random.Random:
    """An independent, reproducible random stream per kind (str seeds hash via SHA-512)."""
    return random.Random(f"{seed}:{kind}")


def _days(today: dt.date, years: int) -> list[dt.date]:
    """Every date from ``years`` years before ``today`` (exclusive) up to ``today``."""
    try:
        start = today.replace(year=today.year - years)
    except ValueError:  # 29 February in a common year
        start = today.replace(year=today.year - years, day=28)
    count = (today - start).days
    return [start + dt.timedelta(days=i) for i in range(1, count + 1)]


def _local(day: dt.date, minute_of_day: int, zone_name: str) -> dt.datetime:
    """Local wall time in ``zone_name``, pinned to that moment's fixed UTC offset."""
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute_of_day)
    offset = naive.replace(tzinfo=zone(zone_name)).utcoffset()
    assert offset is not None
    return naive.replace(tzinfo=dt.timezone(offset))


def _season(day: dt.date) -> float:
    """+1 at the winter peak (mid-January), -1 in mid-July."""
    doy = day.timetuple().tm_yday
    return math.cos(2 * math.pi * (doy - _WINTER_PEAK_DOY) / _DAYS_PER_YEAR)


def _is_weekend(day: dt.date) -> bool:
    return day.weekday() >= 5


def _clamp(value: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, value))


# -- blood pressure -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _BpModel:
    """Mean home BP of a person; ``*_season`` is the half winter–summer swing."""

    sbp: float
    dbp: float
    sbp_season: float
    dbp_season: float
    evening_sbp: float  # evening minus morning
    evening_dbp: float
    pulse: float
    high_spells: tuple[int, int]  # how many "high weeks" (min, max)
    high_sbp: float


_BP_MODELS: dict[Sex, _BpModel] = {
    # Morning ~138/88 in winter, ~130/82 in summer; evenings clearly lower.
    Sex.MALE: _BpModel(135, 85.5, 4.0, 3.0, -8, -5, 68, (2, 3), 10),
    # Around 122/76 all year with a smaller seasonal swing.
    Sex.FEMALE: _BpModel(125, 78, 3.5, 2.0, -3, -2, 72, (1, 2), 8),
}

_OCCASION_SKIP = 0.08
_DAY_SKIP = 0.025
_TWO_READINGS = 0.72
_MANUAL = 0.08  # of occasions; a hand-typed occasion has one reading, so ~5% of readings
_IRREGULAR = 0.004


def _high_spell_days(days: list[dt.date], rng: random.Random, spells: tuple[int, int]) -> set[dt.date]:
    """Dates inside a few 5–7-day stretches of raised BP (stress, a cold, salty food)."""
    chosen: set[dt.date] = set()
    if len(days) < 30:
        return chosen
    for _ in range(rng.randint(*spells)):
        start = rng.randrange(len(days) - 7)
        chosen.update(days[start : start + rng.randint(5, 7)])
    return chosen


def _bp(person: DemoPerson, days: list[dt.date], rng: random.Random) -> Iterator[BloodPressure]:
    """Morning (06:00–07:30) and evening (21:00–23:00) home BP, often two readings each.

    A day has its own random level (plus any "high week"); each occasion adds the
    seasonal and morning/evening terms; a second reading 1–2 minutes later is a little
    lower, as is typical at home.
    """
    model = _BP_MODELS[person.sex]
    high = _high_spell_days(days, rng, model.high_spells)
    for day in days:
        if rng.random() < _DAY_SKIP:
            continue
        season = _season(day)
        day_sbp = rng.gauss(0, 3.5) + (model.high_sbp if day in high else 0.0)
        day_dbp = day_sbp * 0.5 + rng.gauss(0, 1.5)
        for context, window in ((BpContext.MORNING, (360, 450)), (BpContext.EVENING, (1260, 1380))):
            if rng.random() < _OCCASION_SKIP:
                continue
            evening = context is BpContext.EVENING
            sbp = model.sbp + model.sbp_season * season + day_sbp
            dbp = model.dbp + model.dbp_season * season + day_dbp
            pulse = model.pulse + (-3 if evening else 2)
            if evening:
                sbp += model.evening_sbp
                dbp += model.evening_dbp
            manual = rng.random() < _MANUAL
            count = 1 if manual else (2 if rng.random() < _TWO_READINGS else 1)
            minute = rng.randint(*window)
            for n in range(count):
                if n:
                    minute += rng.randint(1, 2)
                yield _bp_reading(person, day, minute, context, manual, rng,
                                  sbp - 2.5 * n, dbp - 1.0 * n, pulse - n)


def _bp_reading(person: DemoPerson, day: dt.date, minute: int, context: BpContext,
                manual: bool, rng: random.Random, sbp: float, dbp: float,
                pulse: float) -> BloodPressure:
    """One reading around the given means, with measurement noise."""
    at = _local(day, minute, person.home_zone)
    systolic = round(_clamp(sbp + rng.gauss(0, 5.0), 95, 185))
    diastolic = round(_clamp(dbp + rng.gauss(0, 3.5), 55, 115))
    diastolic = min(diastolic, systolic - 25)
    stamp = at.astimezone(UTC)
    return BloodPressure(
        profile_id=person.profile_id,
        provenance=Provenance.MANUAL if manual else Provenance.DEVICE,
        source=Source() if manual else Source(device=BP_DEVICE),
        created_at=stamp,
        updated_at=stamp,
        measured_at=at,
        systolic=systolic,
        diastolic=diastolic,
        pulse=round(_clamp(pulse + rng.gauss(0, 4.5), 58, 85)),
        context=context,
        irregular_heartbeat=rng.random() < _IRREGULAR,
    )


# -- weight -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _WeightModel:
    start_kg: float
    kg_per_year: float  # drift (negative = losing)
    season_kg: float  # half winter–summer swing
    fat_percent: float
    fat_per_kg: float  # body fat change per kg above/below the start


_WEIGHT_MODELS: dict[Sex, _WeightModel] = {
    Sex.MALE: _WeightModel(74.5, -1.0, 0.3, 23.0, 0.5),
    Sex.FEMALE: _WeightModel(56.0, 0.0, 0.3, 28.0, 0.4),
}
_WEIGH_DAYS = 0.85
_WEEKEND_KG = 0.3


def _weight(person: DemoPerson, days: list[dt.date], rng: random.Random) -> Iterator[Weight]:
    """A morning weigh-in (06:00–07:30) on about 85% of days, with body fat."""
    model = _WEIGHT_MODELS[person.sex]
    if not days:
        return
    first = days[0]
    for day in days:
        if rng.random() >= _WEIGH_DAYS:
            continue
        elapsed = (day - first).days / _DAYS_PER_YEAR
        trend = model.start_kg + model.kg_per_year * elapsed
        kg = (trend + model.season_kg * _season(day) + (_WEEKEND_KG if _is_weekend(day) else 0.0)
              + _clamp(rng.gauss(0, 0.2), -0.4, 0.4))
        fat = model.fat_percent + model.fat_per_kg * (kg - model.start_kg) + rng.gauss(0, 0.4)
        at = _local(day, rng.randint(360, 450), person.home_zone)
        stamp = at.astimezone(UTC)
        yield Weight(
            profile_id=person.profile_id,
            provenance=Provenance.DEVICE,
            source=Source(device=SCALE_DEVICE),
            created_at=stamp,
            updated_at=stamp,
            measured_at=at,
            kg=round(kg, 1),
            body_fat_percent=round(_clamp(fat, 10, 45), 1),
        )


# -- steps --------------------------------------------------------------------------

_STEP_SCALE: dict[Sex, float] = {Sex.MALE: 0.94, Sex.FEMALE: 1.0}
_STEPS_SYNC_MINUTE = 23 * 60 + 50  # the pedometer app syncs the day's total late evening


def _steps(person: DemoPerson, days: list[dt.date], rng: random.Random) -> Iterator[Steps]:
    """One daily total: steady commuting weekdays, much more variable weekends."""
    scale = _STEP_SCALE[person.sex]
    for day in days:
        if _is_weekend(day):
            # Some weekends are spent at home, others hiking or shopping.
            raw = _clamp(rng.gauss(8000, 2300), 2500, 16000)
        else:
            raw = _clamp(rng.gauss(8400, 650), 6500, 10500)
        # Fewer steps in the rainy season (June) and the coldest weeks.
        if day.month == 6 or _season(day) > 0.95:
            raw *= 0.93
        stamp = _local(day, _STEPS_SYNC_MINUTE, person.home_zone).astimezone(UTC)
        yield Steps(
            profile_id=person.profile_id,
            provenance=Provenance.DEVICE,
            source=Source(app=PEDOMETER_APP),
            created_at=stamp,
            updated_at=stamp,
            date=day,
            steps=round(raw * scale),
        )


# -- checkups --------------------------------------------------------------------------
# Two annual 特定健診 per person, in June of the last two years. The man drifts towards
# the metabolic syndrome (動機付け支援), the woman stays unremarkable.
_CHECKUP_VALUES: dict[Sex, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    Sex.MALE: (
        [("height", "168.5"), ("weight", "74.6"), ("waist", "89.0"), ("bmi", "26.3"),
         ("sbp", "142"), ("dbp", "88"), ("tg", "162"), ("hdl", "44"), ("ldl", "146"),
         ("ast", "24"), ("alt", "31"), ("ggt", "58"), ("fpg", "109"), ("hba1c", "5.9"),
         ("1A020000000190111", "1"), ("1A010000000190111", "1"),
         ("9N501000000000011", "2"), ("9N506000000000011", "2"),
         ("9N511000000000049", "血圧・脂質・血糖がやや高めです。生活習慣の改善をお勧めします。")],
        [("height", "168.4"), ("weight", "73.4"), ("waist", "87.5"), ("bmi", "25.9"),
         ("sbp", "138"), ("dbp", "86"), ("tg", "151"), ("hdl", "46"), ("ldl", "141"),
         ("ast", "23"), ("alt", "28"), ("ggt", "52"), ("fpg", "106"), ("hba1c", "5.8"),
         ("1A020000000190111", "1"), ("1A010000000190111", "2"),
         ("9N501000000000011", "2"), ("9N506000000000011", "2"),
         ("9N511000000000049", "血圧は要注意です。家庭血圧の記録を続け、かかりつけ医に相談してください。")],
    ),
    Sex.FEMALE: (
        [("height", "156.2"), ("weight", "56.1"), ("waist", "76.0"), ("bmi", "23.0"),
         ("sbp", "122"), ("dbp", "76"), ("tg", "88"), ("hdl", "68"), ("ldl", "124"),
         ("ast", "19"), ("alt", "15"), ("ggt", "18"), ("fpg", "92"), ("hba1c", "5.4"),
         ("1A020000000190111", "1"), ("1A010000000190111", "1"),
         ("9N501000000000011", "3"), ("9N506000000000011", "3"),
         ("9N511000000000049", "異常なし")],
        [("height", "156.1"), ("weight", "55.8"), ("waist", "75.5"), ("bmi", "22.9"),
         ("sbp", "124"), ("dbp", "78"), ("tg", "92"), ("hdl", "70"), ("ldl", "131"),
         ("ast", "20"), ("alt", "16"), ("ggt", "19"), ("fpg", "94"), ("hba1c", "5.5"),
         ("1A020000000190111", "1"), ("1A010000000190111", "1"),
         ("9N501000000000011", "3"), ("9N506000000000011", "3"),
         ("9N511000000000049", "異常なし")],
    ),
}


def _checkups(person: DemoPerson, today: dt.date) -> Iterator[Checkup]:
    from phrapp.domain.checkup_entry import build_checkup

    profile = Profile(id=person.profile_id, name="demo", sex=person.sex,
                      birth_date=person.birth_date, home_zone=person.home_zone)
    year = today.year if (today.month, today.day) >= (6, 10) else today.year - 1
    for offset, pairs in zip((1, 0), _CHECKUP_VALUES[person.sex], strict=True):
        day = dt.date(year - offset, 6, 10)
        drafted = build_checkup(profile, day, pairs, facility="みなと健診センター")
        at = _local(day, 10 * 60, person.home_zone).astimezone(UTC)
        yield dataclasses.replace(drafted, provenance=Provenance.CHECKUP,
                                  institution_id="1312345678", created_at=at, updated_at=at)


# -- medications, allergies, vaccinations -------------------------------------------
# The man: 山田内科 prescribes amlodipine every 4 weeks (みどり薬局); さくら整形外科
# prescribes loxoprofen + rebamipide for his knee (ひかり薬局), and at the latest visit
# also an amlodipine OD tablet: the same ingredient (YJ 2171022) current from two
# clinics — the duplicate the お薬 page warns about. A penicillin rash, flu and COVID-19
# vaccinations. The woman: one OTC painkiller, no current medicine.
JAHIS_APP = "jahis-tc"
_NAIKA = ("山田内科", "山田 一郎", "みどり薬局")
_SEIKEI = ("さくら整形外科", "佐藤 健", "ひかり薬局")
_AMLODIPINE = Drug(name="アムロジピン錠5mg「トーワ」", code="2171022F1023",
                   code_system=DrugCodeSystem.YJ, dose=1, unit="錠", usage="1日1回 朝食後",
                   quantity=28, quantity_unit="日分", form="内服")
_AMLODIPINE_OD = Drug(name="アムロジピンOD錠5mg「サワイ」", code="2171022F2020",
                      code_system=DrugCodeSystem.YJ, dose=1, unit="錠",
                      usage="1日1回 朝食後", quantity=14, quantity_unit="日分", form="内服")
_LOXOPROFEN = Drug(name="ロキソプロフェンNa錠60mg「サワイ」", code="1149019F1560",
                   code_system=DrugCodeSystem.YJ, dose=3, unit="錠", usage="1日3回 毎食後",
                   quantity=14, quantity_unit="日分", form="内服")
_REBAMIPIDE = Drug(name="レバミピド錠100mg「サワイ」", code="2329021F1021",
                   code_system=DrugCodeSystem.YJ, dose=3, unit="錠", usage="1日3回 毎食後",
                   quantity=14, quantity_unit="日分", form="内服")
_NAIKA_DAYS_AGO = 4  # the latest amlodipine (28 days) is current today
_SEIKEI_DAYS_AGO = 6  # the latest knee prescription (14 days) is current today


def _dispensing(person: DemoPerson, day: dt.date, where: tuple[str, str, str],
                drugs: tuple[Drug, ...]) -> MedicationRecord:
    institution, doctor, pharmacy = where
    stamp = _local(day, 11 * 60, person.home_zone).astimezone(UTC)
    return MedicationRecord(
        profile_id=person.profile_id, provenance=Provenance.IMPORT,
        source=Source(app=JAHIS_APP), created_at=stamp, updated_at=stamp,
        origin=MedicationOrigin.DISPENSING, dispensed_on=day, pharmacy=pharmacy,
        prescriber_institution=institution, doctor=doctor, drugs=drugs)


def _last_autumn(today: dt.date) -> dt.date:
    """The most recent 25 October strictly before ``today``."""
    day = dt.date(today.year, 10, 25)
    return day if day < today else day.replace(year=today.year - 1)


def _medications(person: DemoPerson, today: dt.date,
                 rng: random.Random) -> Iterator[MedicationRecord | Allergy | Immunization]:
    if person.sex is not Sex.MALE:
        day = today - dt.timedelta(days=55 + rng.randint(0, 10))
        stamp = _local(day, 17 * 60, person.home_zone).astimezone(UTC)
        yield MedicationRecord(
            profile_id=person.profile_id, provenance=Provenance.MANUAL, created_at=stamp,
            updated_at=stamp, origin=MedicationOrigin.OTC, dispensed_on=day,
            pharmacy="ドラッグストアさくら",
            drugs=(Drug(name="ロキソニンS", dose=1, unit="錠", usage="頭痛時 1回1錠",
                        quantity=12, quantity_unit="錠"),),
            note="頭痛のとき")
        return
    # Every 4 weeks for about six months; the latest one is current today.
    for visit in range(7):
        day = today - dt.timedelta(days=_NAIKA_DAYS_AGO + 28 * visit)
        yield _dispensing(person, day, _NAIKA, (_AMLODIPINE,))
    # Knee pain: two earlier courses, then the latest with the duplicate amlodipine.
    for days_ago in (150 + rng.randint(0, 6), 90 + rng.randint(0, 6)):
        yield _dispensing(person, today - dt.timedelta(days=days_ago), _SEIKEI,
                          (_LOXOPROFEN, _REBAMIPIDE))
    yield _dispensing(person, today - dt.timedelta(days=_SEIKEI_DAYS_AGO), _SEIKEI,
                      (_LOXOPROFEN, _REBAMIPIDE, _AMLODIPINE_OD))
    noted = today - dt.timedelta(days=300 + rng.randint(0, 60))
    stamp = _local(noted, 11 * 60, person.home_zone).astimezone(UTC)
    yield Allergy(profile_id=person.profile_id, provenance=Provenance.IMPORT,
                  source=Source(app=JAHIS_APP), created_at=stamp, updated_at=stamp,
                  kind=AllergyKind.ADVERSE_REACTION, text="ペニシリン系で発疹",
                  recorded_on=noted)
    flu = _last_autumn(today)
    covid = flu - dt.timedelta(days=14)
    for day, vaccine, number, place, lot in (
            (covid, "新型コロナワクチン", 7, "山田内科", "CV" + str(rng.randint(1000, 9999))),
            (flu, "インフルエンザHAワクチン", 1, "山田内科",
             "FL" + str(rng.randint(1000, 9999)))):
        stamp = _local(day, 15 * 60, person.home_zone).astimezone(UTC)
        yield Immunization(profile_id=person.profile_id, provenance=Provenance.MANUAL,
                           created_at=stamp, updated_at=stamp, date=day, vaccine=vaccine,
                           dose_number=number, place=place, lot=lot)


# -- health background and follow-up visits -----------------------------------------
# Both answered the 健康状態の質問 a few weeks ago: never smokers, no diabetes, CKD, PAD
# or CAD/stroke. The man is on amlodipine (so on BP drugs: yes); the woman on nothing.
# After the previous year's checkup the man saw 山田内科 about his LDL (受診勧奨); the
# latest checkup's LDL is again at 受診勧奨 and has no visit yet (the dashboard's
# reminder).
_LDL_CODE = "3F077000002399901"


def _background(person: DemoPerson, today: dt.date,
                rng: random.Random) -> Iterator[HealthBackground]:
    day = today - dt.timedelta(days=20 + rng.randint(0, 10))
    stamp = _local(day, 20 * 60, person.home_zone).astimezone(UTC)
    male = person.sex is Sex.MALE
    yield HealthBackground(
        profile_id=person.profile_id, provenance=Provenance.MANUAL, created_at=stamp,
        updated_at=stamp, date=day, smoking=Smoking.NEVER, on_bp_drugs=male,
        on_glucose_drugs=False, on_lipid_drugs=False, diabetes=False, ckd=False, pad=False,
        cad_or_stroke=False, family_history_cad=not male)


def _visits(person: DemoPerson, today: dt.date,
            rng: random.Random) -> Iterator[FollowUpVisit]:
    if person.sex is not Sex.MALE:
        return
    year = today.year if (today.month, today.day) >= (6, 10) else today.year - 1
    day = dt.date(year - 1, 6, 10) + dt.timedelta(days=25 + rng.randint(0, 10))
    stamp = _local(day, 16 * 60, person.home_zone).astimezone(UTC)
    yield FollowUpVisit(profile_id=person.profile_id, provenance=Provenance.MANUAL,
                        created_at=stamp, updated_at=stamp, date=day, facility=_NAIKA[0],
                        item_code=_LDL_CODE, note="LDLコレステロールについて相談")
