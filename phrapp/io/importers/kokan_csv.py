"""健康情報等交換規約 CSV (``specs/devices.md`` §2): ``kokan-csv``.

One file per kind; the header row holds the protocol's physical names (§2.2 for 活動量;
the phrapp convention of §2.2 for the others). The kind is told by the header:

* activity: ``step`` → :class:`Steps`, one record per local date of ``observation_time``
  (``walk_time``, ``moderate_intensity_activity``, ``calories``, ``total_calories``,
  ``total_active_duration``, ``measurement_position_code``, ``origin_of_time_code`` in
  ``extra``);
* BP: ``systolic`` + ``diastolic`` (+ ``pulse``) → :class:`BloodPressure`;
* weight: ``weight`` (kg) → :class:`Weight`;
* HbA1c: ``hba1c`` (%) → :class:`LabValue` (NGSP item code; never a checkup).

Shared columns: ``observation_time`` (``yyyyMMddHHmmss``, local wall clock in the home
zone; ``00`` in unmeasured parts: a daily total for activity, an unknown time — local
midnight, ``extra["time_known"] = False`` — for BP/weight), ``model_manufacturer_code``,
``model_number``, ``production_specification_serial`` (the device: the record's source
identity), ``data_input_code`` (``0`` device, ``1`` manual, ``2`` device edited →
provenance), ``origin_of_time_code`` and ``update_time`` (``yyyyMMddHHmmssSSS``: the
record's version; a newer one replaces, an older one is skipped by the import service).

Decoding per T5 (:mod:`phrapp.io.text_decoding`), then the header is validated. A row
missing a required field or holding a bad value is skipped with a line-numbered warning.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, ClassVar

from phrapp.domain.codes.checkup_items import COMMON_LABS
from phrapp.domain.records import RecordKind
from phrapp.domain.records.common import Device, Provenance, Record, Source
from phrapp.domain.records.labs import LabValue
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight, WeightUnit
from phrapp.domain.time import utc_now, zone
from phrapp.errors import MalformedInput, TooLarge
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
    paced,
)
from phrapp.io.text_decoding import decode_head, decode_text

SLUG = "kokan-csv"
MAX_WARNINGS = 50
FIELD_LIMIT = 1 << 20
HBA1C_NAME = "HbA1c(NGSP)"

#: Columns every record needs (§2.2 ●, shared by the phrapp-convention kinds).
SHARED_REQUIRED = ("observation_time", "model_manufacturer_code", "model_number",
                   "production_specification_serial", "data_input_code",
                   "origin_of_time_code", "update_time")
#: kind → (columns that identify it in the header, further required columns).
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "activity": (("step",), ("total_active_duration",)),
    "bp": (("systolic", "diastolic"), ()),
    "weight": (("weight",), ()),
    "hba1c": (("hba1c",), ()),
}
PROVENANCE = {"0": Provenance.DEVICE, "1": Provenance.MANUAL, "2": Provenance.DEVICE_EDITED}
_INT_EXTRA = ("walk_time", "moderate_intensity_activity", "total_active_duration")
_DEC_EXTRA = ("calories", "total_calories")
_CODE_EXTRA = ("measurement_position_code",)
_OBSERVATION = re.compile(r"\d{14}")
_UPDATE = re.compile(r"\d{17}")
_DIGITS = re.compile(r"\d+")
_FORMULA_START = "=+-@\t\r"


class RowError(ValueError):
    """A row that cannot be imported: ``reason`` slug plus a message (no values quoted)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _name(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().strip("\ufeff").lower()


def classify_header(names: list[str]) -> tuple[str, dict[str, int]] | None:
    """``(kind, physical name → column index)`` for a 交換規約 header row, else None."""
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        columns.setdefault(_name(name), index)
    if "observation_time" not in columns or "update_time" not in columns:
        return None
    found = [kind for kind, (marks, _) in KINDS.items() if all(m in columns for m in marks)]
    if len(found) != 1:
        return None
    return found[0], columns


def sniff_kokan(head: bytes) -> float:
    text = decode_head(head)
    if not text:
        return 0.0
    try:
        names = next(csv.reader([text.splitlines()[0]]))
    except (csv.Error, StopIteration, IndexError):
        return 0.0
    found = classify_header(names)
    if found is None:
        return 0.0
    return 0.95 if all(c in found[1] for c in SHARED_REQUIRED) else 0.7


def _integer(text: str, low: int, high: int) -> int:
    if not _DIGITS.fullmatch(text):
        raise ValueError(text)
    value = int(text)
    if not low <= value <= high:
        raise ValueError(text)
    return value


def _decimal(text: str, low: Decimal | int, high: Decimal | int) -> float:
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite() or not low <= number <= high:
        raise ValueError(text)
    return float(number)


class _ObservationClock:
    """``yyyyMMddHHmmss`` in one home zone → ``(aware datetime, time_known)``.

    The zone's offset is looked up once per local hour (1,000,000 rows at distinct
    minutes would otherwise pay a ``ZoneInfo`` lookup and two ``replace`` calls each):
    when the offset is the same at the hour's first and last second, every time in the
    hour has it. An hour holding a transition (a zone that changes off the hour) is
    resolved per row exactly as before, so results never differ from the per-row rule.
    """

    def __init__(self, home_zone: str) -> None:
        self._zone = zone(home_zone)
        self._hours: dict[str, dt.tzinfo | None] = {}
        self._fixed: dict[dt.timedelta, dt.timezone] = {}

    def _fixed_zone(self, offset: dt.timedelta) -> dt.timezone:
        fixed = self._fixed.get(offset)
        if fixed is None:
            fixed = self._fixed[offset] = dt.timezone(offset)
        return fixed

    def _offset_at(self, naive: dt.datetime) -> dt.timedelta:
        offset = naive.replace(tzinfo=self._zone).utcoffset()
        assert offset is not None
        return offset

    def __call__(self, text: str) -> tuple[dt.datetime, bool]:
        if not _OBSERVATION.fullmatch(text):
            raise ValueError(text)
        # Wall-clock time in the home zone; the offset is attached below.
        naive = dt.datetime(int(text[0:4]), int(text[4:6]), int(text[6:8]),  # noqa: DTZ001
                            int(text[8:10]), int(text[10:12]), int(text[12:14]))
        hour = text[:10]
        if hour in self._hours:
            fixed = self._hours[hour]
        else:
            start = naive.replace(minute=0, second=0)
            first, last = self._offset_at(start), self._offset_at(start.replace(minute=59,
                                                                                 second=59))
            fixed = self._hours[hour] = self._fixed_zone(first) if first == last else None
        if fixed is None:
            fixed = self._fixed_zone(self._offset_at(naive))
        return naive.replace(tzinfo=fixed), text[8:] != "000000"


@lru_cache(maxsize=8)
def _clock(home_zone: str) -> _ObservationClock:
    return _ObservationClock(home_zone)


def parse_observation(text: str, home_zone: str) -> tuple[dt.datetime, bool]:
    """``(local time with a fixed offset, time_known)`` from ``yyyyMMddHHmmss``."""
    return _clock(home_zone)(text)


def parse_update_time(text: str) -> str:
    """The version string (17 digits, validated as a real date-time)."""
    if not _UPDATE.fullmatch(text):
        raise ValueError(text)
    # Fixed-width fields: the same dates strptime("%Y%m%d%H%M%S") accepts on 14 digits
    # (a short field there leaves digits over, which it refuses), at a tenth of the cost.
    dt.datetime(int(text[0:4]), int(text[4:6]), int(text[6:8]), int(text[8:10]),
                int(text[10:12]), int(text[12:14]), tzinfo=dt.UTC)
    return text


# A line as ``io.StringIO(text, newline="")`` yields it: up to and including "\r\n", "\r"
# or "\n" (untranslated), and a last line without one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` for ``csv.reader``, one at a time.

    The same lines as iterating ``io.StringIO(text, newline="")``, without its copy of
    the whole text: StringIO keeps 4 bytes per character, 200 MB for a 50 MB file.
    """
    for match in _LINE.finditer(text):
        yield match.group()


def _clean(value: str) -> str:
    """A cell as the parser reads it: NFKC, stripped, formula guard removed."""
    if not value.isascii():  # NFKC leaves ASCII unchanged: skip it for the common case
        value = unicodedata.normalize("NFKC", value)
    value = value.strip()
    # A spreadsheet-safe export prefixes formula-like text with ' (security.md T12).
    if len(value) >= 2 and value[0] == "'" and value[1] in _FORMULA_START:
        value = value[1:]
    return value


class KokanCsvImporter(Importer):
    """``kokan-csv``: 健康情報等交換規約 CSV files (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.STEPS, RecordKind.BP, RecordKind.WEIGHT, RecordKind.LABS)
    max_bytes: ClassVar[int] = 50 * 1024 * 1024

    def sniff(self, source: ImportSource) -> float:
        return sniff_kokan(source.head)

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        too_large = f"the file is larger than {self.max_bytes // 2**20} MB"
        if source.size > self.max_bytes:
            raise TooLarge(too_large, path=source.name)
        with source.open() as handle:
            data = handle.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise TooLarge(too_large, path=source.name)
        text, _ = decode_text(data, name=source.name)
        del data  # the text is all that is read from here on (up to 50 MB less held)
        if csv.field_size_limit() != FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        reader = csv.reader(_lines(text))
        try:
            header = next(reader, None)
            found = classify_header(header) if header else None
            if found is None:
                raise MalformedInput("not a 健康情報等交換規約 CSV: the header row lacks "
                                     "observation_time, update_time and the value columns "
                                     "(step, systolic/diastolic, weight or hba1c)",
                                     path=source.name)
            kind, columns = found
            yield from _Rows(ctx, kind, columns).run(reader)
        except csv.Error as exc:
            raise MalformedInput(f"CSV error at line {reader.line_num}: {exc}",
                                 path=source.name) from exc


_PULSE = ("pulse",)
_OPTIONAL = _PULSE + _INT_EXTRA + _DEC_EXTRA + _CODE_EXTRA


class _Rows:
    def __init__(self, ctx: ParseContext, kind: str, columns: dict[str, int]) -> None:
        self.ctx = ctx
        self.kind = kind
        self.columns = columns
        self.required = SHARED_REQUIRED + KINDS[kind][0] + KINDS[kind][1]
        self.skips: Counter[str] = Counter()
        self.warnings: list[str] = []
        # Every column a row of this kind reads, with its index (None: not in the file),
        # so each cell is read and cleaned once per row.
        names = tuple(dict.fromkeys(self.required + _OPTIONAL))
        self._cells = tuple((name, columns.get(name)) for name in names)
        self._clock = _clock(ctx.home_zone)
        # One Source per device: rows share it (memory, and the identity key is cached
        # by the import service per Source object).
        self._sources: dict[tuple[str, str, str], Source] = {}
        # Parse time stands in for created/updated (the commit stamps its own): one
        # clock read per file instead of two per row.
        self._now = utc_now()

    def run(self, reader: Any) -> Iterator[ParseItem]:
        for _count, row in paced(reader, self.ctx):
            if not any(cell.strip() for cell in row):
                continue
            try:
                record, version = self.row(row)
            except RowError as exc:
                self.skips[exc.reason] += 1
                if len(self.warnings) < MAX_WARNINGS:
                    self.warnings.append(f"line {reader.line_num}: {exc}")
                continue
            yield ParsedRecord(record, version=version)
        for text in self.warnings:
            yield ParseWarning(text)
        for reason, n in sorted(self.skips.items()):
            yield ParseSkip(reason, n)

    def _source(self, maker: str, model: str, serial: str) -> Source:
        key = (maker, model, serial)
        source = self._sources.get(key)
        if source is None:
            source = self._sources[key] = Source(device=Device(maker=maker, model=model,
                                                               serial=serial))
        return source

    def row(self, row: list[str]) -> tuple[Record, str]:
        size = len(row)
        cell = {name: _clean(row[index]) if index is not None and index < size else ""
                for name, index in self._cells}
        missing = [name for name in self.required if not cell[name]]
        if missing:
            raise RowError("missing-field", f"required field(s) missing: {', '.join(missing)}")
        try:
            at, time_known = self._clock(cell["observation_time"])
        except ValueError:
            raise RowError("invalid-date", "observation_time is not yyyyMMddHHmmss") from None
        try:
            version = parse_update_time(cell["update_time"])
        except ValueError:
            raise RowError("invalid-date", "update_time is not yyyyMMddHHmmssSSS") from None
        provenance = PROVENANCE.get(cell["data_input_code"])
        if provenance is None:
            raise RowError("invalid-value", "data_input_code is not 0, 1 or 2")
        origin = cell["origin_of_time_code"]
        if origin not in ("0", "1"):
            raise RowError("invalid-value", "origin_of_time_code is not 0 or 1")
        source = self._source(cell["model_manufacturer_code"], cell["model_number"],
                              cell["production_specification_serial"])
        extra: dict[str, Any] = {"origin_of_time_code": origin, "update_time": version}
        now = self._now
        common: dict[str, Any] = {"profile_id": "", "provenance": provenance,
                                  "source": source, "created_at": now, "updated_at": now}
        try:
            if self.kind == "activity":
                for name in _INT_EXTRA:
                    if cell[name]:
                        extra[name] = _integer(cell[name], 0, 9999)
                for name in _DEC_EXTRA:
                    if cell[name]:
                        extra[name] = _decimal(cell[name], 0, 99999)
                for name in _CODE_EXTRA:
                    if cell[name]:
                        extra[name] = cell[name]
                return Steps(**common, extra=extra, date=at.date(),
                             steps=_integer(cell["step"], 0, 99_999)), version
            if not time_known:
                extra["time_known"] = False
            if self.kind == "bp":
                systolic = _integer(cell["systolic"], 1, 399)
                diastolic = _integer(cell["diastolic"], 1, 399)
                pulse = _integer(cell["pulse"], 1, 399) if cell["pulse"] else None
                if diastolic >= systolic:
                    raise ValueError("diastolic")
                return BloodPressure(**common, extra=extra, measured_at=at, systolic=systolic,
                                     diastolic=diastolic, pulse=pulse), version
            if self.kind == "weight":
                kg = _decimal(cell["weight"], Decimal("0.1"), 999)
                return Weight(**common, extra=extra, measured_at=at, kg=kg,
                              original_unit=WeightUnit.KG), version
            value = _decimal(cell["hba1c"], Decimal("0.1"), 99)
            return LabValue(**common, extra=extra, date=at.date(), code=COMMON_LABS["hba1c"],
                            name=HBA1C_NAME, value=value, unit="%"), version
        except ValueError:
            raise RowError("invalid-value", f"a {self.kind} value is not a number in "
                           "range") from None


__all__ = ["SLUG", "KokanCsvImporter", "classify_header", "parse_observation",
           "parse_update_time", "sniff_kokan"]
