"""JAHIS TC dates (specs/medication-jahis.md §2, §2.1): 西暦 and 和暦, boundaries of every era."""

from __future__ import annotations

import datetime as dt

import pytest

from phrapp.io.importers.jahis_dates import ERAS, JahisDateError, parse_jahis_date

D = dt.date


@pytest.mark.parametrize(("text", "expected"), [
    ("20240401", D(2024, 4, 1)),
    ("19580303", D(1958, 3, 3)),
    ("２０２４０４０１", D(2024, 4, 1)),  # full-width digits (NFKC)
    (" 20240401 ", D(2024, 4, 1)),
    ("2024/04/01", D(2024, 4, 1)),
    ("2024-4-1", D(2024, 4, 1)),
    ("S330303", D(1958, 3, 3)),
    ("s330303", D(1958, 3, 3)),
    ("Ｓ３３０３０３", D(1958, 3, 3)),
    ("R020410", D(2020, 4, 10)),
    ("H300105", D(2018, 1, 5)),
    ("T150101", D(1926, 1, 1)),
    ("M450101", D(1912, 1, 1)),
    ("昭和330303", D(1958, 3, 3)),
    ("昭330303", D(1958, 3, 3)),
    ("昭和33年3月3日", D(1958, 3, 3)),
    ("令和6年3月2日", D(2024, 3, 2)),
    ("令和元年5月1日", D(2019, 5, 1)),
    ("平成元年1月8日", D(1989, 1, 8)),
])
def test_valid_dates(text: str, expected: dt.date) -> None:
    assert parse_jahis_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # first and last day of every era
    ("M060101", D(1873, 1, 1)), ("M450729", D(1912, 7, 29)),
    ("T010730", D(1912, 7, 30)), ("T151224", D(1926, 12, 24)),
    ("S011225", D(1926, 12, 25)), ("S640107", D(1989, 1, 7)),
    ("H010108", D(1989, 1, 8)), ("H310430", D(2019, 4, 30)),
    ("R010501", D(2019, 5, 1)),
])
def test_era_boundaries_inclusive(text: str, expected: dt.date) -> None:
    assert parse_jahis_date(text) == expected


@pytest.mark.parametrize("text", [
    "M450730",  # the day after 明治 ended
    "T010729",  # before 大正 began
    "T151225", "S011224", "S640108", "H010107", "H310501", "R010430",
    "M050101",  # 明治5年: the old calendar
    "S000101",  # year 0
    "R020230",  # no such day
    "20240230", "2024041", "202404011", "X020410", "", "昭和33年13月1日", "abc",
])
def test_invalid_dates_are_errors_not_clamped(text: str) -> None:
    with pytest.raises(JahisDateError):
        parse_jahis_date(text)


def test_error_messages_never_quote_the_text() -> None:
    with pytest.raises(JahisDateError) as info:
        parse_jahis_date("H310501")
    assert "310501" not in str(info.value) and "平成" in str(info.value)


def test_era_table_is_contiguous() -> None:
    for before, after in zip(ERAS, ERAS[1:], strict=False):
        assert before.last_day is not None
        assert after.first_day == before.last_day + dt.timedelta(days=1)
