"""Column mappings for "any CSV" (``specs/devices.md`` §7): what each column means.

A :class:`CsvMapping` says how to read one family of CSV files: the encoding (or
``auto``), the delimiter (or ``auto``), which line holds the header, which column holds
which field, how dates and times are written, the weight unit and the time zone. It is
pure data (JSON round trip with :meth:`CsvMapping.to_json` / :meth:`CsvMapping.from_json`)
and turns one CSV row into checked values with :meth:`CsvMapping.parse_row`; the
``csv-mapped`` importer builds the records and the mapping dialog shows the same values
as its preview, so what the person sees is what gets stored.

Targets (``kind``): ``bp`` (date-time + systolic + diastolic, pulse optional — a pulse
column alone is not a reading: phrapp has no pulse-only record, so ``pulse`` is an
optional column of ``bp``), ``weight`` (kg or lb, body fat optional), ``steps`` (a local
date + steps) and ``glucose`` (a :class:`~phrapp.domain.records.LabValue` with the
fasting or random glucose 17-character item code, mg/dL).

A file is matched to a mapping by its header row: the cells normalised (NFKC, trimmed,
case-folded; trailing empty cells dropped, as spreadsheet programs add them) must equal
the mapping's ``header`` exactly. Never a fuzzy guess (devices.md §3: "never guess
silently"). :data:`BUILTIN_MAPPINGS` cover common headers so the CLI imports them without
the GUI.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from phrapp.domain.codes.checkup_items import COMMON_LABS
from phrapp.domain.time import zone

TargetKind = Literal["bp", "weight", "steps", "glucose"]
KINDS: tuple[str, ...] = ("bp", "weight", "steps", "glucose")

#: Fields per kind: (required, optional). ``date`` may hold the time too; ``time`` is an
#: optional second column.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "bp": (("date", "systolic", "diastolic"), ("time", "pulse")),
    "weight": (("date", "weight"), ("time", "body_fat")),
    "steps": (("date", "steps"), ()),
    "glucose": (("date", "glucose"), ("time",)),
}
ALL_FIELDS: tuple[str, ...] = ("date", "time", "systolic", "diastolic", "pulse", "weight",
                               "body_fat", "steps", "glucose")

ENCODINGS: tuple[str, ...] = ("auto", "utf-8", "cp932", "utf-16")
DELIMITERS: tuple[str, ...] = ("auto", ",", "\t", ";")

#: Date formats (ids); ``auto`` tries the unambiguous year-first forms, ISO 8601 and the
#: Japanese form, never DD/MM vs MM/DD (that needs the person's choice: devices.md §7).
DATE_FORMATS: tuple[str, ...] = ("auto", "YYYY-MM-DD", "YYYY/MM/DD", "YYYY/M/D", "DD/MM/YYYY",
                                 "MM/DD/YYYY", "YYYY年M月D日", "YYYYMMDD", "ISO8601")
WEIGHT_UNITS: tuple[str, ...] = ("kg", "lb")
GLUCOSE_KINDS: tuple[str, ...] = ("fasting", "random")
GLUCOSE_CODES: dict[str, str] = {"fasting": COMMON_LABS["fpg"],
                                 "random": COMMON_LABS["random_glucose"]}
GLUCOSE_NAMES: dict[str, str] = {"fasting": "空腹時血糖", "random": "随時血糖"}
LB_TO_KG = 0.45359237
MAX_NAME = 80
MAX_HEADER_ROW = 50
MAX_COLUMN = 500

_YEAR_FIRST = ("YYYY-MM-DD", "YYYY/MM/DD", "YYYY/M/D", "YYYY年M月D日", "YYYYMMDD")
_DATE_PATTERNS: dict[str, str] = {
    "YYYY-MM-DD": r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
    "YYYY/MM/DD": r"(?P<y>\d{4})/(?P<m>\d{2})/(?P<d>\d{2})",
    "YYYY/M/D": r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})",
    "DD/MM/YYYY": r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})",
    "MM/DD/YYYY": r"(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{4})",
    "YYYY年M月D日": r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日",
    "YYYYMMDD": r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})",
}
# A weekday after the date, as Japanese exports write it: "2024年1月2日(火)".
_WEEKDAY = r"(?:\s*\([^)]{1,3}\))?"
_TIME = (r"(?:(?P<ampm1>AM|PM|午前|午後)\s*)?"
         r"(?P<H>\d{1,2})(?::|時)(?P<M>\d{2})(?:(?::(?P<S>\d{2}))|分)?"
         r"(?:\s*(?P<ampm2>AM|PM|午前|午後))?")
_COMPACT_TIME = r"(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?"
_OFFSET = r"(?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?"
_NUMBER = re.compile(r"[+]?\d+(?:\.\d+)?")
_GROUPED_INT = re.compile(r"\d{1,3}(?:,\d{3})+")
_UNIT_SUFFIX = re.compile(r"\s*(?:kg|lbs?|mmhg|bpm|拍/分|歩|steps|mg/dl|%)$", re.IGNORECASE)


def normalise_cell(text: str) -> str:
    """A header cell as compared: NFKC, trimmed (BOM too), case-folded."""
    return unicodedata.normalize("NFKC", text).strip().strip("\ufeff").strip().casefold()


def normalise_header(cells: Sequence[str]) -> tuple[str, ...]:
    """A header row as compared: each cell normalised, trailing empty cells dropped."""
    out = [normalise_cell(c) for c in cells]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


@dataclass(frozen=True, slots=True)
class RowError:
    """Why a row cannot be imported: a ``reason`` slug (ParseSkip) and the field."""

    reason: str  # missing-field | invalid-date | invalid-value | invalid-zone
    field: str
    message: str  # English, names the field, never quotes the value


@dataclass(frozen=True, slots=True)
class RowValues:
    """One row read through a mapping, checked and in canonical units."""

    kind: str
    measured_at: dt.datetime | None  # aware, fixed original offset (None for steps)
    date: dt.date  # local date of the reading
    time_known: bool
    values: dict[str, Any]  # systolic/diastolic/pulse | kg/body_fat | steps | glucose
    original: dict[str, str] = field(default_factory=dict)  # e.g. {"unit": "lb", ...}


class MappingError(ValueError):
    """A mapping that cannot be used (a required field unmapped, an unknown option…)."""


@dataclass(frozen=True, slots=True)
class CsvMapping:
    """How to read one family of CSV files (see the module docstring).

    ``columns`` maps a field (:data:`ALL_FIELDS`) to a 0-based column index or to a
    header cell (compared normalised). ``header`` is the normalised header row the
    mapping is for (what sniffing matches); empty for a file without a header, which
    is only read when the person picks the mapping explicitly. ``zone`` ``None`` means
    the profile's home zone (CONTRACT §5).
    """

    name: str
    kind: str
    columns: Mapping[str, int | str]
    encoding: str = "auto"
    delimiter: str = "auto"
    header_row: int = 0
    has_header: bool = True
    header: tuple[str, ...] = ()
    date_format: str = "auto"
    unit: str = "kg"
    zone: str | None = None
    glucose: str = "fasting"

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", dict(self.columns))
        object.__setattr__(self, "header", tuple(self.header))

    # -- checks --------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What makes this mapping unusable (empty: fine). English, for logs and tests."""
        out: list[str] = []
        name = self.name.strip()
        if not name or len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C")
                                                    for c in name):
            out.append("name")
        if self.kind not in FIELDS:
            out.append("kind")
            return out
        required, optional = FIELDS[self.kind]
        out.extend(f"column:{f}" for f in required if f not in self.columns)
        out.extend(f"field:{f}" for f in self.columns if f not in required + optional)
        for f, where in self.columns.items():
            if isinstance(where, bool) or not isinstance(where, int | str):
                out.append(f"column:{f}")
            elif isinstance(where, int) and not 0 <= where < MAX_COLUMN:
                out.append(f"column:{f}")
            elif isinstance(where, str) and not self.has_header:
                out.append(f"column:{f}")
        if self.encoding not in ENCODINGS:
            out.append("encoding")
        if self.delimiter not in DELIMITERS:
            out.append("delimiter")
        if not 0 <= self.header_row <= MAX_HEADER_ROW:
            out.append("header_row")
        if self.date_format not in DATE_FORMATS:
            out.append("date_format")
        if self.unit not in WEIGHT_UNITS:
            out.append("unit")
        if self.glucose not in GLUCOSE_KINDS:
            out.append("glucose")
        if self.zone is not None:
            try:
                zone(self.zone)
            except ValueError:
                out.append("zone")
        return out

    def check(self) -> CsvMapping:
        """``self``, or :class:`MappingError` naming what is wrong."""
        problems = self.problems()
        if problems:
            raise MappingError("unusable column mapping: " + ", ".join(problems))
        return self

    # -- header --------------------------------------------------------------------
    def matches(self, header_cells: Sequence[str]) -> bool:
        """Whether a file's header row is the one this mapping is for (exact, normalised)."""
        return self.has_header and bool(self.header) and \
            normalise_header(header_cells) == self.header

    def resolve(self, header_cells: Sequence[str] | None) -> dict[str, int]:
        """Field → column index for a file; :class:`MappingError` if a named column is
        missing from ``header_cells``."""
        names = [normalise_cell(c) for c in header_cells] if header_cells is not None else []
        out: dict[str, int] = {}
        for f, where in self.columns.items():
            if isinstance(where, int):
                out[f] = where
                continue
            wanted = normalise_cell(where)
            if wanted not in names:
                raise MappingError(f"the file has no column for {f}")
            out[f] = names.index(wanted)
        return out

    def with_header(self, header_cells: Sequence[str]) -> CsvMapping:
        """A copy keyed to ``header_cells`` (what saving a mapping from a file does)."""
        return replace(self, header=normalise_header(header_cells) if self.has_header else ())

    # -- JSON ----------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (stable keys; :meth:`from_json` reads it back)."""
        return {"name": self.name, "kind": self.kind, "columns": dict(self.columns),
                "encoding": self.encoding, "delimiter": self.delimiter,
                "header_row": self.header_row, "has_header": self.has_header,
                "header": list(self.header), "date_format": self.date_format,
                "unit": self.unit, "zone": self.zone, "glucose": self.glucose}

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, data: Any) -> CsvMapping:
        """Read a mapping back; :class:`MappingError` on anything malformed (the JSON may
        have been edited or written by an older version)."""
        if not isinstance(data, dict):
            raise MappingError("a column mapping must be a JSON object")
        try:
            columns = data["columns"]
            if not isinstance(columns, dict):
                raise MappingError("columns must be an object")
            header = data.get("header", [])
            if not isinstance(header, list) or not all(isinstance(h, str) for h in header):
                raise MappingError("header must be a list of text")
            zone_name = data.get("zone")
            mapping = cls(
                name=_text(data["name"]), kind=_text(data["kind"]),
                columns={str(k): v for k, v in columns.items()},
                encoding=_text(data.get("encoding", "auto")),
                delimiter=_text(data.get("delimiter", "auto")),
                header_row=_int(data.get("header_row", 0)),
                has_header=_bool(data.get("has_header", True)),
                header=tuple(header), date_format=_text(data.get("date_format", "auto")),
                unit=_text(data.get("unit", "kg")),
                zone=None if zone_name is None else _text(zone_name),
                glucose=_text(data.get("glucose", "fasting")))
        except KeyError as exc:
            raise MappingError(f"a column mapping needs {exc.args[0]!s}") from None
        return mapping.check()

    # -- rows ----------------------------------------------------------------------
    def parse_row(self, row: Sequence[str], columns: Mapping[str, int],
                  home_zone: str) -> RowValues | RowError:
        """Read one data row. ``columns`` is :meth:`resolve`'s answer for the file;
        ``home_zone`` is used when the mapping names no zone and the cell no offset."""
        def cell(name: str) -> str:
            index = columns.get(name)
            if index is None or index >= len(row):
                return ""
            text = unicodedata.normalize("NFKC", row[index]).strip()
            # phrapp's own CSV export guards formulas with a leading ' (security T12).
            return text[1:].strip() if text.startswith("'") else text

        required, _optional = FIELDS[self.kind]
        for name in required:
            if not cell(name):
                return RowError("missing-field", name, f"{name} is empty")
        zone_name = self.zone or home_zone
        try:
            zone(zone_name)
        except ValueError:
            return RowError("invalid-zone", "zone", "unknown time zone")
        try:
            at, time_known = parse_datetime(cell("date"), cell("time") if "time" in columns
                                            else "", self.date_format, zone_name)
        except ValueError:
            return RowError("invalid-date", "date",
                            f"the date or time is not {self.date_format} [HH:MM[:SS]]")
        try:
            values, original = self._values(cell)
        except _BadValue as exc:
            return RowError("invalid-value", exc.field, f"{exc.field} is not a number in range")
        if self.kind in ("steps", "glucose"):
            return RowValues(self.kind, None, at.date(), time_known, values, original)
        return RowValues(self.kind, at, at.date(), time_known, values, original)

    def _values(self, cell: Any) -> tuple[dict[str, Any], dict[str, str]]:
        if self.kind == "bp":
            systolic = _integer(cell("systolic"), "systolic", 1, 399)
            diastolic = _integer(cell("diastolic"), "diastolic", 1, 399)
            if diastolic >= systolic:
                raise _BadValue("diastolic")
            pulse = _integer(cell("pulse"), "pulse", 1, 399) if cell("pulse") else None
            return {"systolic": systolic, "diastolic": diastolic, "pulse": pulse}, {}
        if self.kind == "weight":
            raw = _decimal(cell("weight"), "weight")
            kg = raw * LB_TO_KG if self.unit == "lb" else raw
            if not 0 < kg < 1000:
                raise _BadValue("weight")
            fat = _decimal(cell("body_fat"), "body_fat") if cell("body_fat") else None
            if fat is not None and not 0 <= fat <= 100:
                raise _BadValue("body_fat")
            original = {"unit": self.unit, "value": _plain(cell("weight"))} \
                if self.unit == "lb" else {}
            # lb → kg keeps two decimals: the display rounds to 0.1 kg, the original
            # value stays in ``original`` (devices.md: canonical plus the original).
            return {"kg": round(kg, 2) if self.unit == "lb" else kg,
                    "body_fat": fat}, original
        if self.kind == "steps":
            return {"steps": _integer(cell("steps"), "steps", 0, 999_999)}, {}
        value = _decimal(cell("glucose"), "glucose")
        if not 0 < value < 2000:
            raise _BadValue("glucose")
        return {"glucose": value, "code": GLUCOSE_CODES[self.glucose],
                "name": GLUCOSE_NAMES[self.glucose], "unit": "mg/dL"}, {}


class _BadValue(ValueError):
    def __init__(self, field_name: str) -> None:
        super().__init__(field_name)
        self.field = field_name


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise MappingError("expected text")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise MappingError("expected a whole number")
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise MappingError("expected true or false")
    return value


def _plain(text: str) -> str:
    return _UNIT_SUFFIX.sub("", text).strip()


def _integer(text: str, name: str, low: int, high: int) -> int:
    text = _plain(text)
    if _GROUPED_INT.fullmatch(text):  # "8,123" as spreadsheets write step counts
        text = text.replace(",", "")
    if not re.fullmatch(r"\+?\d+", text):
        raise _BadValue(name)
    value = int(text)
    if not low <= value <= high:
        raise _BadValue(name)
    return value


def _decimal(text: str, name: str) -> float:
    text = _plain(text)
    if not _NUMBER.fullmatch(text):  # "," decimals are refused: only "." (devices.md §7)
        raise _BadValue(name)
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _BadValue(name) from None
    return float(number)


def _pin(naive: dt.datetime, zone_name: str) -> dt.datetime:
    """Local wall-clock time in ``zone_name`` with its offset pinned (the reading keeps
    the offset it was taken at; CONTRACT §5)."""
    local = naive.replace(tzinfo=zone(zone_name))
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=dt.timezone(offset))


def _offset(text: str) -> dt.timezone:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise ValueError(text)
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _clock(match: re.Match[str]) -> tuple[int, int, int]:
    hour, minute = int(match["H"]), int(match["M"])
    second = int(match["S"]) if match["S"] else 0
    groups = match.groupdict()
    ampm = groups.get("ampm1") or groups.get("ampm2")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("hour")
        pm = ampm in ("PM", "午後")
        hour = hour % 12 + (12 if pm else 0)
    return hour, minute, second


def _iso(text: str, zone_name: str) -> tuple[dt.datetime, bool]:
    value = dt.datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00")
                                      if text.endswith(("Z", "z")) else text)
    time_known = "T" in text or " " in text.strip()
    if value.tzinfo is None:
        return _pin(value, zone_name), time_known
    return value, time_known


def parse_datetime(date_text: str, time_text: str, date_format: str,
                   zone_name: str) -> tuple[dt.datetime, bool]:
    """``(aware local date-time with a fixed offset, time_known)``.

    ``date_text`` may hold the time (and an offset) itself; ``time_text`` is a separate
    time column (``HH:MM[:SS]``, ``H:MM``, ``7時05分``, with AM/PM or 午前/午後). A date
    without a time is local midnight with ``time_known`` false. ``ValueError`` otherwise.
    """
    if date_format not in DATE_FORMATS:
        raise ValueError(date_format)
    formats: tuple[str, ...]
    if date_format == "auto":
        formats = ("ISO8601", *_YEAR_FIRST)
    else:
        formats = (date_format,)
    for fmt in formats:
        try:
            found = _parse_one(date_text, time_text, fmt, zone_name)
        except ValueError:
            continue
        if found is not None:
            return found
    raise ValueError("date")


def _parse_one(date_text: str, time_text: str, fmt: str,
               zone_name: str) -> tuple[dt.datetime, bool] | None:
    if fmt == "ISO8601":
        if not re.match(r"\d{4}-\d{2}-\d{2}", date_text):
            return None
        if time_text:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text):
                return None
            return _parse_one(date_text, time_text, "YYYY-MM-DD", zone_name)
        return _iso(date_text, zone_name)
    time_part = _COMPACT_TIME if fmt == "YYYYMMDD" else _TIME
    sep = r"\s*" if fmt == "YYYYMMDD" else r"(?:\s+|T)"
    pattern = (_DATE_PATTERNS[fmt] + _WEEKDAY + f"(?:{sep}{time_part})?" + _OFFSET)
    match = re.fullmatch(pattern, date_text, flags=re.IGNORECASE)
    if match is None:
        return None
    day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    clock: tuple[int, int, int] | None = _clock(match) if match["H"] else None
    tz = _offset(match["tz"].upper()) if match["tz"] else None
    if time_text:
        if clock is not None:
            return None  # a time in both columns: ambiguous, refuse
        tmatch = re.fullmatch(_TIME + _OFFSET, time_text, flags=re.IGNORECASE)
        if tmatch is None:
            return None
        clock = _clock(tmatch)
        if tmatch["tz"]:
            tz = _offset(tmatch["tz"].upper())
    hour, minute, second = clock if clock is not None else (0, 0, 0)
    naive = dt.datetime.combine(day, dt.time(hour, minute, second))
    at = naive.replace(tzinfo=tz) if tz is not None else _pin(naive, zone_name)
    return at, clock is not None


def _builtin(name: str, kind: str, header: Sequence[str], columns: dict[str, int],
             **options: Any) -> CsvMapping:
    return CsvMapping(name=name, kind=kind, columns=columns,
                      header=normalise_header(header), **options).check()


#: Mappings for common headers (so ``phrapp import`` reads such files without the GUI).
#: Dates use ``auto`` (year-first forms and ISO 8601 only: DD/MM vs MM/DD is never
#: guessed). The OMRON connect Japanese-locale headers are unknown (devices.md §3), so
#: none is listed for them.
BUILTIN_MAPPINGS: tuple[CsvMapping, ...] = (
    _builtin("builtin:bp-en", "bp", ("Date", "Time", "Systolic", "Diastolic", "Pulse"),
             {"date": 0, "time": 1, "systolic": 2, "diastolic": 3, "pulse": 4}),
    _builtin("builtin:bp-en-units", "bp",
             ("Date", "Time", "Systolic (mmHg)", "Diastolic (mmHg)", "Pulse (bpm)"),
             {"date": 0, "time": 1, "systolic": 2, "diastolic": 3, "pulse": 4}),
    _builtin("builtin:bp-ja", "bp", ("日付", "時刻", "最高血圧", "最低血圧", "脈拍"),
             {"date": 0, "time": 1, "systolic": 2, "diastolic": 3, "pulse": 4}),
    _builtin("builtin:bp-ja-units", "bp",
             ("測定日", "測定時刻", "最高血圧(mmHg)", "最低血圧(mmHg)", "脈拍(拍/分)"),
             {"date": 0, "time": 1, "systolic": 2, "diastolic": 3, "pulse": 4}),
    _builtin("builtin:bp-ja-datetime", "bp",
             ("日時", "最高血圧(mmHg)", "最低血圧(mmHg)", "脈拍(拍/分)"),
             {"date": 0, "systolic": 1, "diastolic": 2, "pulse": 3}),
    _builtin("builtin:weight-ja", "weight", ("日時", "体重(kg)"), {"date": 0, "weight": 1}),
    _builtin("builtin:weight-ja-fat", "weight", ("日時", "体重(kg)", "体脂肪率(%)"),
             {"date": 0, "weight": 1, "body_fat": 2}),
    _builtin("builtin:weight-en-kg", "weight", ("Date", "Time", "Weight (kg)"),
             {"date": 0, "time": 1, "weight": 2}),
    _builtin("builtin:weight-en-lb", "weight", ("Date", "Time", "Weight (lb)"),
             {"date": 0, "time": 1, "weight": 2}, unit="lb"),
    _builtin("builtin:steps-ja", "steps", ("日付", "歩数"), {"date": 0, "steps": 1}),
    _builtin("builtin:steps-en", "steps", ("Date", "Steps"), {"date": 0, "steps": 1}),
    _builtin("builtin:glucose-fasting-ja", "glucose", ("日付", "空腹時血糖(mg/dL)"),
             {"date": 0, "glucose": 1}, glucose="fasting"),
    _builtin("builtin:glucose-random-ja", "glucose", ("日時", "随時血糖(mg/dL)"),
             {"date": 0, "glucose": 1}, glucose="random"),
)


def match_header(header_cells: Sequence[str],
                 mappings: Sequence[CsvMapping]) -> CsvMapping | None:
    """The first mapping whose header is exactly ``header_cells`` (normalised), or None."""
    return next((m for m in mappings if m.matches(header_cells)), None)


__all__ = ["ALL_FIELDS", "BUILTIN_MAPPINGS", "DATE_FORMATS", "DELIMITERS", "ENCODINGS",
           "FIELDS", "GLUCOSE_CODES", "KINDS", "WEIGHT_UNITS", "CsvMapping", "MappingError",
           "RowError", "RowValues", "match_header", "normalise_cell", "normalise_header",
           "parse_datetime"]
