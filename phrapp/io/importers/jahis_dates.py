"""JAHIS TC dates: 西暦 ``YYYYMMDD`` and 和暦 (``specs/medication-jahis.md`` §2, §2.1).

Accepted forms (after NFKC, so full-width digits and letters work too):

* ``YYYYMMDD`` (the standard), and leniently ``YYYY/MM/DD``, ``YYYY-MM-DD``;
* ``GYYMMDD`` with the era letter ``M T S H R`` (upper or lower case) or the era in
  kanji (``明治`` … ``令和``, or its first kanji ``明 大 昭 平 令``): ``S330303``,
  ``昭和330303``;
* the written form ``昭和33年3月3日`` / ``令和元年5月1日`` (元年 = year 1).

和暦: Gregorian year = the era's first year + YY − 1; the whole date must then lie inside
the era (an out-of-range date is an error, never clamped). 明治 dates before 1873 used
the old lunisolar calendar and are refused.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


class JahisDateError(ValueError):
    """The text is not a valid JAHIS date; the message never quotes the text."""


@dataclass(frozen=True, slots=True)
class Era:
    letter: str
    name: str
    first_day: dt.date
    last_day: dt.date | None

    @property
    def first_year(self) -> int:
        return self.first_day.year


ERAS: tuple[Era, ...] = (
    Era("M", "明治", dt.date(1868, 1, 25), dt.date(1912, 7, 29)),
    Era("T", "大正", dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    Era("S", "昭和", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("H", "平成", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("R", "令和", dt.date(2019, 5, 1), None),
)
#: 明治 dates before the Gregorian calendar was adopted (明治6年 = 1873) are refused.
GREGORIAN_ADOPTED = dt.date(1873, 1, 1)

_BY_KEY: dict[str, Era] = {}
for _era in ERAS:
    _BY_KEY[_era.letter] = _era
    _BY_KEY[_era.name] = _era
    _BY_KEY[_era.name[0]] = _era

_ERA_KEYS = "|".join(sorted((re.escape(k) for k in _BY_KEY), key=len, reverse=True))
_WESTERN = re.compile(r"(\d{4})(\d{2})(\d{2})")
_WESTERN_SEP = re.compile(r"(\d{4})([/-])(\d{1,2})\2(\d{1,2})")
_WAREKI = re.compile(rf"({_ERA_KEYS})(\d{{2}})(\d{{2}})(\d{{2}})")
_WAREKI_WRITTEN = re.compile(rf"({_ERA_KEYS})(元|\d{{1,2}})年(\d{{1,2}})月(\d{{1,2}})日")


def parse_jahis_date(text: str) -> dt.date:
    """The date written in ``text`` (see the module doc); raises :class:`JahisDateError`."""
    value = unicodedata.normalize("NFKC", text).strip()
    if value[:1].isascii() and value[:1].isalpha():
        value = value[0].upper() + value[1:]
    if match := _WESTERN.fullmatch(value):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if match := _WESTERN_SEP.fullmatch(value):
        return _date(int(match[1]), int(match[3]), int(match[4]))
    match = _WAREKI.fullmatch(value) or _WAREKI_WRITTEN.fullmatch(value)
    if match is None:
        raise JahisDateError("not a date (YYYYMMDD or GYYMMDD)")
    era = _BY_KEY[match[1]]
    year = 1 if match[2] == "元" else int(match[2])
    if year < 1:
        raise JahisDateError(f"{era.name} year 0 does not exist")
    day = _date(era.first_year + year - 1, int(match[3]), int(match[4]))
    if day < era.first_day or (era.last_day is not None and day > era.last_day):
        raise JahisDateError(f"the date is outside the {era.name} era")
    if day < GREGORIAN_ADOPTED:
        raise JahisDateError("明治 dates before 1873 use the old calendar")
    return day


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise JahisDateError("no such calendar day") from None


__all__ = ["ERAS", "Era", "JahisDateError", "parse_jahis_date"]
