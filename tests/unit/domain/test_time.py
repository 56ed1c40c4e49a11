from __future__ import annotations

import datetime as dt

import pytest

from phrapp.domain.time import (
    Slot,
    age_on,
    iso_with_offset,
    minute_key,
    parse_instant,
    slot_for,
    to_utc_text,
)

JST = dt.timezone(dt.timedelta(hours=9))


@pytest.mark.parametrize(("hhmm", "slot"), [
    ("03:59", Slot.OTHER), ("04:00", Slot.MORNING), ("11:59", Slot.MORNING),
    ("12:00", Slot.OTHER), ("18:59", Slot.OTHER), ("19:00", Slot.EVENING),
    ("23:59", Slot.EVENING), ("00:00", Slot.OTHER),
])
def test_slot_boundaries_use_local_clock(hhmm: str, slot: Slot) -> None:
    h, m = map(int, hhmm.split(":"))
    assert slot_for(dt.datetime(2024, 12, 1, h, m, tzinfo=JST), None) is slot


def test_recorded_context_wins() -> None:
    at = dt.datetime(2024, 12, 1, 14, 0, tzinfo=JST)
    assert slot_for(at, "morning") is Slot.MORNING
    assert slot_for(at, "evening") is Slot.EVENING


def test_instant_without_offset_means_home_zone() -> None:
    value = parse_instant("2024-12-01T06:42", "Asia/Tokyo")
    assert iso_with_offset(value) == "2024-12-01T06:42:00+09:00"
    berlin = parse_instant("2024-07-01T06:42", "Europe/Berlin")
    assert iso_with_offset(berlin) == "2024-07-01T06:42:00+02:00"


def test_explicit_offset_is_kept() -> None:
    value = parse_instant("2024-12-01T06:42:00-05:00", "Asia/Tokyo")
    assert iso_with_offset(value) == "2024-12-01T06:42:00-05:00"
    assert to_utc_text(value) == "2024-12-01T11:42:00Z"


def test_minute_key_truncates_in_utc() -> None:
    a = dt.datetime(2024, 12, 1, 6, 42, 5, tzinfo=JST)
    b = dt.datetime(2024, 12, 1, 6, 42, 59, tzinfo=JST)
    c = dt.datetime(2024, 12, 1, 6, 43, 0, tzinfo=JST)
    assert minute_key(a) == minute_key(b) == "2024-11-30T21:42Z"
    assert minute_key(c) != minute_key(a)


def test_bad_instant_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_instant("yesterday", "Asia/Tokyo")


@pytest.mark.parametrize(("birth", "on", "age"), [
    (dt.date(1960, 4, 2), dt.date(2025, 4, 1), 64),
    (dt.date(1960, 4, 2), dt.date(2025, 4, 2), 65),
    (dt.date(1960, 2, 29), dt.date(2025, 2, 28), 64),
    (dt.date(1960, 2, 29), dt.date(2025, 3, 1), 65),
])
def test_age_in_completed_years(birth: dt.date, on: dt.date, age: int) -> None:
    assert age_on(birth, on) == age
