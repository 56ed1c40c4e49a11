"""Dates and numbers as UX.md shows them (pure; the language is set by ``phrapp.ui.i18n``).

ja: 2026年11月23日 (月), en: 23 Nov 2026; times 24 h; one decimal for kg. These are
locale formats, not sentences, so they are chosen per language here rather than
translated string by string.
"""

from __future__ import annotations

import datetime as dt

_JA_WEEKDAYS = "月火水木金土日"
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_language = "en"


def set_language(language: str) -> None:
    """``ja`` or ``en`` (anything else means en)."""
    global _language
    _language = "ja" if language == "ja" else "en"


def language() -> str:
    return _language


def format_date(day: dt.date) -> str:
    if _language == "ja":
        return f"{day.year}年{day.month}月{day.day}日 ({_JA_WEEKDAYS[day.weekday()]})"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_time(value: dt.datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def format_datetime(value: dt.datetime) -> str:
    """The reading's own local date and time (its recorded offset, never converted)."""
    return f"{format_date(value.date())} {format_time(value)}"


def format_short_date(day: dt.date) -> str:
    """Axis ticks: 11/23 or 23 Nov."""
    if _language == "ja":
        return f"{day.month}/{day.day}"
    return f"{day.day} {_EN_MONTHS[day.month - 1]}"


def format_month(day: dt.date) -> str:
    if _language == "ja":
        return f"{day.year}年{day.month}月"
    return f"{_EN_MONTHS[day.month - 1]} {day.year}"


def format_year(day: dt.date) -> str:
    return f"{day.year}年" if _language == "ja" else str(day.year)


def format_int(value: float) -> str:
    """Whole number with thousands separators: 8,000."""
    return f"{round(value):,}"


def format_kg(value: float) -> str:
    """One decimal, as UX.md asks for weight."""
    return f"{value:.1f}"
