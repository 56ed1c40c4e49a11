"""Home-BP evaluation (CONTRACT §5; risk-rules §3): window, occasions, slots, offsets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from phrapp.domain.records import BloodPressure, BpContext
from phrapp.domain.risk import home_bp

JST = dt.timezone(dt.timedelta(hours=9))
AS_OF = dt.date(2024, 12, 14)


def reading(day: dt.date | str, time: str, sbp: int, dbp: int, *,
            tz: dt.timezone = JST, context: BpContext | None = None,
            **extra: object) -> BloodPressure:
    d = dt.date.fromisoformat(day) if isinstance(day, str) else day
    t = dt.time.fromisoformat(time)
    return BloodPressure(profile_id="p", measured_at=dt.datetime.combine(d, t, tz),
                         systolic=sbp, diastolic=dbp, context=context, extra=dict(extra))


def days_back(n: int) -> list[dt.date]:
    """The last ``n`` dates ending on AS_OF."""
    return [AS_OF - dt.timedelta(days=i) for i in range(n)]


def mornings(values: list[tuple[int, int]]) -> list[BloodPressure]:
    return [reading(day, "07:00", s, d) for day, (s, d) in zip(days_back(len(values)), values,
                                                                 strict=True)]


def evenings(values: list[tuple[int, int]]) -> list[BloodPressure]:
    return [reading(day, "21:00", s, d) for day, (s, d) in zip(days_back(len(values)), values,
                                                                 strict=True)]


def test_four_occasions_are_insufficient_five_are_enough() -> None:
    four = home_bp.evaluate(mornings([(130, 80)] * 4), AS_OF)
    assert four.morning.sbp is None and four.morning.classification is None
    assert four.morning.days == 4 and four.morning.needed == 1
    assert four.category is None and four.hypertension is None and four.meets_target is None
    assert four.missing == ("morning", "evening")
    five = home_bp.evaluate(mornings([(130, 80)] * 5), AS_OF)
    assert five.morning.sbp == 130 and five.morning.dbp == 80
    assert five.category == "高値血圧"
    assert five.hypertension is False
    assert five.missing == ("evening",)


def test_two_readings_on_one_date_are_one_occasion() -> None:
    # 5 readings but only 4 dates -> 4 occasions -> insufficient.
    rs = mornings([(130, 80)] * 4) + [reading(AS_OF, "07:05", 130, 80)]
    ev = home_bp.evaluate(rs, AS_OF)
    assert ev.morning.days == 4
    assert ev.morning.sbp is None


def test_occasion_uses_first_two_readings_by_time() -> None:
    # Given out of order: the third reading by time (200/120) is ignored.
    day = AS_OF
    rs = [reading(day, "07:20", 200, 120), reading(day, "07:00", 130, 80),
          reading(day, "07:10", 141, 91)]
    occ = home_bp.occasions(rs, AS_OF, AS_OF)[home_bp.Slot.MORNING]
    assert len(occ) == 1
    assert occ[0].sbp == Decimal("135.5") and occ[0].dbp == Decimal("85.5")
    assert occ[0].total == 3 and len(occ[0].used) == 2


def test_single_reading_occasion_is_itself() -> None:
    occ = home_bp.occasions([reading(AS_OF, "06:30", 133, 77)], AS_OF, AS_OF)
    assert occ[home_bp.Slot.MORNING][0].sbp == 133


def test_average_is_mean_of_occasion_values_not_of_readings() -> None:
    # Day 1 has two readings (120, 140) -> 130; days 2–5 one reading of 100.
    # Mean of occasions = (130 + 4*100) / 5 = 106; mean of readings would be 110.
    rs = mornings([(100, 70)] * 5)
    rs.append(reading(AS_OF, "07:30", 160, 70))  # AS_OF already has 100 at 07:00 -> 130
    ev = home_bp.evaluate(rs, AS_OF)
    assert ev.morning.sbp == Decimal(106)


def test_hypertension_either_average_sbp_or_dbp() -> None:
    ev = home_bp.evaluate(mornings([(134, 84)] * 5) + evenings([(134, 84)] * 5), AS_OF)
    assert ev.hypertension is False and ev.category == "高値血圧"
    ev = home_bp.evaluate(mornings([(135, 70)] * 5) + evenings([(120, 70)] * 5), AS_OF)
    assert ev.hypertension is True and ev.category == "I度高血圧"
    ev = home_bp.evaluate(mornings([(110, 70)] * 5) + evenings([(110, 85)] * 5), AS_OF)
    assert ev.hypertension is True and ev.category == "I度高血圧"


def test_averages_are_compared_unrounded() -> None:
    # Occasions 134, 135, 135, 135, 134: mean 134.6 -> not ≥135 (rounded it would be 135).
    values = [(134, 80), (135, 80), (135, 80), (135, 80), (134, 80)]
    ev = home_bp.evaluate(mornings(values), AS_OF)
    assert ev.morning.sbp == Decimal("134.6")
    assert ev.hypertension is False


def test_category_is_the_higher_of_morning_and_evening() -> None:
    ev = home_bp.evaluate(mornings([(150, 80)] * 5) + evenings([(118, 70)] * 5), AS_OF)
    assert ev.morning.classification is not None
    assert ev.morning.classification.category == "II度高血圧"
    assert ev.evening.classification is not None
    assert ev.evening.classification.category == "正常高値血圧"
    assert ev.category == "II度高血圧"


def test_slots_are_never_pooled() -> None:
    # 3 mornings + 3 evenings: 6 occasions, but neither slot has 5.
    rs = mornings([(150, 95)] * 3) + evenings([(150, 95)] * 3)
    ev = home_bp.evaluate(rs, AS_OF)
    assert ev.category is None and ev.hypertension is None


def test_meets_target_jsh2025_home() -> None:
    ev = home_bp.evaluate(mornings([(124, 74)] * 5) + evenings([(124, 74)] * 5), AS_OF)
    assert ev.meets_target is True
    ev = home_bp.evaluate(mornings([(124, 74)] * 5) + evenings([(125, 74)] * 5), AS_OF)
    assert ev.meets_target is False


def test_one_sufficient_slot_decides_alone() -> None:
    ev = home_bp.evaluate(mornings([(120, 70)] * 5) + evenings([(150, 95)] * 2), AS_OF)
    assert ev.category == "正常高値血圧"
    assert ev.hypertension is False
    assert ev.meets_target is True
    assert ev.missing == ("evening",)


def test_window_is_14_days_ending_on_the_evaluation_date() -> None:
    first = AS_OF - dt.timedelta(days=13)
    before = AS_OF - dt.timedelta(days=14)
    after = AS_OF + dt.timedelta(days=1)
    rs = [reading(first, "07:00", 120, 70), reading(before, "07:00", 120, 70),
          reading(after, "07:00", 120, 70)]
    occ = home_bp.occasions(rs, first, AS_OF)[home_bp.Slot.MORNING]
    assert [o.date for o in occ] == [first]
    ev = home_bp.evaluate(rs, AS_OF)
    assert ev.window_start == first and ev.window_days == 14
    assert ev.morning.days == 1


def test_local_date_in_own_offset_not_utc() -> None:
    # 07:30+09:00 on the window's first day is 22:30Z the day before: still inside.
    first = AS_OF - dt.timedelta(days=13)
    early = reading(first, "07:30", 120, 70)
    assert early.measured_at.astimezone(dt.UTC).date() == first - dt.timedelta(days=1)
    assert home_bp.evaluate([early], AS_OF).morning.days == 1
    # 23:30+09:00 on AS_OF is an evening of AS_OF (14:30Z, same date).
    late = reading(AS_OF, "23:30", 120, 70)
    occ = home_bp.occasions([late], AS_OF, AS_OF)[home_bp.Slot.EVENING]
    assert [o.date for o in occ] == [AS_OF]


def test_00_30_jst_belongs_to_its_own_date_and_is_other() -> None:
    # 00:30+09:00 on AS_OF+1 is 15:30Z on AS_OF: it is neither in the window nor a slot.
    r = reading(AS_OF + dt.timedelta(days=1), "00:30", 150, 95)
    assert r.measured_at.astimezone(dt.UTC).date() == AS_OF
    ev = home_bp.evaluate([r], AS_OF)
    assert ev.morning.days == 0 and ev.evening.days == 0


def test_travel_offset_uses_the_readings_own_clock() -> None:
    # 20:00-05:00 on 10 Dec is 10:00 JST on 11 Dec, but it is an evening of 10 Dec.
    ny = dt.timezone(dt.timedelta(hours=-5))
    r = reading("2024-12-10", "20:00", 130, 80, tz=ny)
    occ = home_bp.occasions([r], AS_OF - dt.timedelta(days=13), AS_OF)
    assert occ[home_bp.Slot.MORNING] == ()
    assert [o.date for o in occ[home_bp.Slot.EVENING]] == [dt.date(2024, 12, 10)]


def test_recorded_context_wins_over_the_clock() -> None:
    tagged = [reading(day, "15:00", 140, 90, context=BpContext.MORNING) for day in days_back(5)]
    untagged = [reading(day, "15:00", 140, 90) for day in days_back(5)]
    assert home_bp.evaluate(tagged, AS_OF).morning.days == 5
    ev = home_bp.evaluate(untagged, AS_OF)
    assert ev.morning.days == 0 and ev.evening.days == 0
    other = [reading(day, "07:00", 140, 90, context=BpContext.OTHER) for day in days_back(5)]
    assert home_bp.evaluate(other, AS_OF).morning.days == 0


def test_clock_slot_edges() -> None:
    edges = {"03:59": 0, "04:00": 1, "11:59": 1, "12:00": 0}
    for time, n in edges.items():
        assert home_bp.evaluate([reading(AS_OF, time, 120, 70)], AS_OF).morning.days == n
    edges = {"18:59": 0, "19:00": 1, "23:59": 1}
    for time, n in edges.items():
        assert home_bp.evaluate([reading(AS_OF, time, 120, 70)], AS_OF).evening.days == n


def test_time_unknown_readings_are_never_slotted() -> None:
    rs = [reading(day, "07:00", 150, 95, time_known=False) for day in days_back(5)]
    assert home_bp.evaluate(rs, AS_OF).morning.days == 0


def test_guideline_docstrings() -> None:
    assert "JSH2019" in (home_bp.evaluate.__doc__ or "")
    assert "[confirmed]" in (home_bp.evaluate.__doc__ or "")
