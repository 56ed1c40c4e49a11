"""Explicit time handling (DESIGN rule 7, CONTRACT §5 "Time").

Every instant is timezone-aware. Input without an offset means the profile's home
zone. Slots and calendar days use the reading's *own* offset, not the viewer's zone.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Tokyo"
UTC = dt.UTC


class Slot(StrEnum):
    """Home-BP measurement slot (CONTRACT §5 "BP slot")."""

    MORNING = "morning"
    EVENING = "evening"
    OTHER = "other"


def utc_now() -> dt.datetime:
    """The current instant, aware, in UTC. The only clock the domain reads."""
    return dt.datetime.now(tz=UTC)


def zone(name: str) -> ZoneInfo:
    """An IANA zone; ``ValueError`` with a plain message when unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {name!r}") from exc


def today_in(zone_name: str) -> dt.date:
    """Today's local date in ``zone_name``."""
    return utc_now().astimezone(zone(zone_name)).date()


def parse_instant(text: str, home_zone: str) -> dt.datetime:
    """Parse ISO 8601; a value without an offset is local time in ``home_zone``.

    A bare date means local midnight. The result keeps its original offset.
    """
    text = text.strip()
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"not an ISO 8601 date-time: {text!r}") from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone(home_zone))
        # Pin the zone to a fixed offset: the record keeps the offset it was taken at.
        offset = value.utcoffset()
        assert offset is not None
        value = value.replace(tzinfo=dt.timezone(offset))
    return value


def parse_date(text: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` strictly."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def to_utc_text(value: dt.datetime) -> str:
    """UTC instant as sortable text, e.g. ``2024-12-01T21:42:00Z`` (storage form)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime")
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + _micro(value) + "Z"


def _micro(value: dt.datetime) -> str:
    return f".{value.microsecond:06d}" if value.microsecond else ""


def offset_minutes(value: dt.datetime) -> int:
    """The original UTC offset of an aware datetime, in minutes."""
    off = value.utcoffset()
    if off is None:
        raise ValueError("naive datetime")
    return int(off.total_seconds() // 60)


def from_storage(utc_text: str, offset_min: int) -> dt.datetime:
    """Rebuild an aware datetime with its original offset from storage columns."""
    base = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    return base.astimezone(dt.timezone(dt.timedelta(minutes=offset_min)))


def minute_key(value: dt.datetime) -> str:
    """The instant truncated to the minute, in UTC (the natural-key time, CONTRACT §5)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def iso_with_offset(value: dt.datetime) -> str:
    """ISO 8601 with the reading's original offset (CONTRACT §4), seconds precision."""
    return value.replace(microsecond=0).isoformat()


def slot_for(local: dt.datetime, context: str | None) -> Slot:
    """CONTRACT §5: a recorded context wins; else morning 04:00–11:59, evening 19:00–23:59."""
    if context in (Slot.MORNING, Slot.EVENING, Slot.OTHER):
        return Slot(context)
    hour = local.hour
    if 4 <= hour <= 11:
        return Slot.MORNING
    if 19 <= hour <= 23:
        return Slot.EVENING
    return Slot.OTHER


def age_on(birth: dt.date, on: dt.date) -> int:
    """Completed years on ``on`` (a 29 February birthday counts on 1 March in common years)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years
