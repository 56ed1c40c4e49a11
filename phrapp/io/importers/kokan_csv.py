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
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from phrapp.domain.codes.checkup_items import COMMON_LABS
from phrapp.domain.records import RecordKind
from phrapp.domain.records.common import Device, Provenance, Record, Source
from phrapp.domain.records.labs import LabValue
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight, WeightUnit
from phrapp.domain.time import zone
from phrapp.errors import MalformedInput, TooLarge
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
)
from phrapp.io.text_decoding import decode_head, decode_text

SLUG = "kokan-csv"
MAX_ROWS = 1_000_000
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
    if not re.fullmatch(r"\d+", text):
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


def parse_observation(text: str, home_zone: str) -> tuple[dt.datetime, bool]:
    """``(local time with a fixed offset, time_known)`` from ``yyyyMMddHHmmss``."""
    if not _OBSERVATION.fullmatch(text):
        raise ValueError(text)
    date = dt.date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    hour, minute, second = int(text[8:10]), int(text[10:12]), int(text[12:14])
    naive = dt.datetime.combine(date, dt.time(hour, minute, second))
    local = naive.replace(tzinfo=zone(home_zone))
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=dt.timezone(offset)), text[8:] != "000000"


def parse_update_time(text: str) -> str:
    """The version string (17 digits, validated as a real date-time)."""
    if not _UPDATE.fullmatch(text):
        raise ValueError(text)
    dt.datetime.strptime(text[:14], "%Y%m%d%H%M%S")  # noqa: DTZ007 - validation only
    return text


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
        if csv.field_size_limit() != FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        reader = csv.reader(io.StringIO(text, newline=""))
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


class _Rows:
    def __init__(self, ctx: ParseContext, kind: str, columns: dict[str, int]) -> None:
        self.ctx = ctx
        self.kind = kind
        self.columns = columns
        self.required = SHARED_REQUIRED + KINDS[kind][0] + KINDS[kind][1]
        self.skips: Counter[str] = Counter()
        self.warnings: list[str] = []

    def run(self, reader: Any) -> Iterator[ParseItem]:
        for count, row in enumerate(reader, start=1):
            if count > MAX_ROWS:
                raise TooLarge(f"more than {MAX_ROWS} rows")
            if self.ctx.cancelled():
                return
            if count % 1000 == 0:
                self.ctx.progress(count)
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

    def row(self, row: list[str]) -> tuple[Record, str]:
        def cell(name: str) -> str:
            index = self.columns.get(name)
            if index is None or index >= len(row):
                return ""
            value = unicodedata.normalize("NFKC", row[index]).strip()
            # A spreadsheet-safe export prefixes formula-like text with ' (security.md T12).
            if len(value) >= 2 and value[0] == "'" and value[1] in "=+-@\t\r":
                value = value[1:]
            return value

        missing = [name for name in self.required if not cell(name)]
        if missing:
            raise RowError("missing-field", f"required field(s) missing: {', '.join(missing)}")
        try:
            at, time_known = parse_observation(cell("observation_time"), self.ctx.home_zone)
        except ValueError:
            raise RowError("invalid-date", "observation_time is not yyyyMMddHHmmss") from None
        try:
            version = parse_update_time(cell("update_time"))
        except ValueError:
            raise RowError("invalid-date", "update_time is not yyyyMMddHHmmssSSS") from None
        provenance = PROVENANCE.get(cell("data_input_code"))
        if provenance is None:
            raise RowError("invalid-value", "data_input_code is not 0, 1 or 2")
        origin = cell("origin_of_time_code")
        if origin not in ("0", "1"):
            raise RowError("invalid-value", "origin_of_time_code is not 0 or 1")
        source = Source(device=Device(maker=cell("model_manufacturer_code"),
                                      model=cell("model_number"),
                                      serial=cell("production_specification_serial")))
        extra: dict[str, Any] = {"origin_of_time_code": origin, "update_time": version}
        common: dict[str, Any] = {"profile_id": "", "provenance": provenance,
                                  "source": source}
        try:
            if self.kind == "activity":
                for name in _INT_EXTRA:
                    if cell(name):
                        extra[name] = _integer(cell(name), 0, 9999)
                for name in _DEC_EXTRA:
                    if cell(name):
                        extra[name] = _decimal(cell(name), 0, 99999)
                for name in _CODE_EXTRA:
                    if cell(name):
                        extra[name] = cell(name)
                return Steps(**common, extra=extra, date=at.date(),
                             steps=_integer(cell("step"), 0, 99_999)), version
            if not time_known:
                extra["time_known"] = False
            if self.kind == "bp":
                systolic = _integer(cell("systolic"), 1, 399)
                diastolic = _integer(cell("diastolic"), 1, 399)
                pulse = _integer(cell("pulse"), 1, 399) if cell("pulse") else None
                if diastolic >= systolic:
                    raise ValueError("diastolic")
                return BloodPressure(**common, extra=extra, measured_at=at, systolic=systolic,
                                     diastolic=diastolic, pulse=pulse), version
            if self.kind == "weight":
                kg = _decimal(cell("weight"), Decimal("0.1"), 999)
                return Weight(**common, extra=extra, measured_at=at, kg=kg,
                              original_unit=WeightUnit.KG), version
            value = _decimal(cell("hba1c"), Decimal("0.1"), 99)
            return LabValue(**common, extra=extra, date=at.date(), code=COMMON_LABS["hba1c"],
                            name=HBA1C_NAME, value=value, unit="%"), version
        except ValueError:
            raise RowError("invalid-value", f"a {self.kind} value is not a number in "
                           "range") from None


__all__ = ["SLUG", "KokanCsvImporter", "classify_header", "parse_observation",
           "parse_update_time", "sniff_kokan"]
