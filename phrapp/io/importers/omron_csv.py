"""OMRON connect CSV export (``specs/devices.md`` §3): ``omron-csv``.

Two variants, told apart by the header (normalised: NFKC, lower case, spaces and
brackets removed, then matched against :data:`ALIASES`):

* BP: ``"Measurement Date","Timezone","SYS(mmHg)","DIA(mmHg)","Pulse(bpm)",
  "Irregular heartbeat detected",…,"Device"`` → :class:`BloodPressure` (pulse, irregular
  heartbeat flag; the other flag columns in ``extra["omron"]``);
* body composition: ``"Measurement Date","Timezone","Weight(kg)","Body Fat(%)",…,"Device"``
  → :class:`Weight` (the other columns in ``extra["omron"]``).

Decoding per T5 (:mod:`phrapp.io.text_decoding`), then the header is validated: a file
that decodes to anything but a known header is refused (a UTF-16 file mis-decoded as
CP932 never passes). ``Measurement Date`` is local wall-clock time (``yyyy/MM/dd HH:mm``)
in the row's IANA ``Timezone``; a row without a zone uses the home zone, never a guessed
JST. Source: ``omron-connect``, device OMRON + the ``Device`` column when present.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from phrapp.domain.records import RecordKind
from phrapp.domain.records.common import Device, Provenance, Source
from phrapp.domain.records.vitals import BloodPressure, Weight, WeightUnit
from phrapp.domain.time import zone
from phrapp.errors import MalformedInput
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

SLUG = "omron-csv"
APP = "omron-connect"
MAKER = "OMRON"
MAX_WARNINGS = 50

#: normalised header → field. Japanese-locale headers are unknown (spec §3): only the
#: documented English ones and the spec's example alias are listed.
ALIASES: dict[str, str] = {
    "measurementdate": "date",
    "timezone": "zone",
    "sysmmhg": "sys",
    "最高血圧mmhg": "sys",
    "最高血圧": "sys",
    "diammhg": "dia",
    "最低血圧mmhg": "dia",
    "最低血圧": "dia",
    "pulsebpm": "pulse",
    "irregularheartbeatdetected": "irregular",
    "device": "device",
    "weightkg": "weight",
    "bodyfat%": "body_fat",
}

_BRACKETS = re.compile(r"[\s()\[\]{}（）［］【】「」]")
_DATE_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
_TRUE = frozenset({"detected", "yes", "true", "1", "あり", "有", "検出"})
_FALSE = frozenset({"", "notdetected", "no", "false", "0", "なし", "無", "-", "--"})


def normalise_header(name: str) -> str:
    return _BRACKETS.sub("", unicodedata.normalize("NFKC", name).lower())


def classify_header(names: list[str]) -> tuple[str, dict[str, int]] | None:
    """``(variant, field → column index)`` for a known header row, else None."""
    fields: dict[str, int] = {}
    for index, name in enumerate(names):
        field = ALIASES.get(normalise_header(name))
        if field is not None and field not in fields:
            fields[field] = index
    if "date" not in fields:
        return None
    if "sys" in fields and "dia" in fields:
        return "bp", fields
    if "weight" in fields:
        return "weight", fields
    return None


def sniff_omron(head: bytes) -> float:
    text = decode_head(head)
    if text is None:
        return 0.0
    first = text.splitlines()[0] if text else ""
    try:
        names = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return 0.0
    found = classify_header(names)
    if found is None:
        return 0.0
    return 0.95 if "zone" in found[1] else 0.8


def _cell(row: list[str], fields: dict[str, int], field: str) -> str:
    index = fields.get(field)
    if index is None or index >= len(row):
        return ""
    return unicodedata.normalize("NFKC", row[index]).strip()


def _local_time(text: str, zone_name: str) -> dt.datetime:
    for fmt in _DATE_FORMATS:
        try:
            naive = dt.datetime.strptime(text, fmt)  # noqa: DTZ007 - zone attached below
            break
        except ValueError:
            continue
    else:
        raise ValueError(text)
    local = naive.replace(tzinfo=zone(zone_name))
    offset = local.utcoffset()
    assert offset is not None
    return local.replace(tzinfo=dt.timezone(offset))


def _integer(text: str) -> int:
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite() or number != number.to_integral_value():
        raise ValueError(text)
    return int(number)


def _decimal(text: str) -> float:
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not number.is_finite():
        raise ValueError(text)
    return float(number)


class OmronCsvImporter(Importer):
    """``omron-csv``: OMRON connect CSV exports (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.BP, RecordKind.WEIGHT)
    max_bytes: ClassVar[int] = 50 * 1024 * 1024

    def sniff(self, source: ImportSource) -> float:
        return sniff_omron(source.head)

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        data = self.read_capped(source)
        text, _ = decode_text(data, name=source.name)
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
            found = classify_header(header) if header else None
            if found is None:
                raise MalformedInput("not an OMRON connect CSV: the header row lacks "
                                     "Measurement Date and SYS/DIA or Weight columns",
                                     path=source.name)
            variant, fields = found
            assert header is not None
            yield from _Rows(ctx, variant, fields, header).run(reader)
        except csv.Error as exc:
            raise MalformedInput(f"CSV error at line {reader.line_num}: {exc}",
                                 path=source.name) from exc


class _Rows:
    def __init__(self, ctx: ParseContext, variant: str, fields: dict[str, int],
                 header: list[str]) -> None:
        self.ctx = ctx
        self.variant = variant
        self.fields = fields
        self.header = header
        used = set(fields.values())
        self.others = [(i, name.strip()) for i, name in enumerate(header) if i not in used]
        self.skips: Counter[str] = Counter()
        self.warnings: list[str] = []

    def skip(self, reason: str, line: int, why: str) -> None:
        self.skips[reason] += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"line {line}: {why}")

    def run(self, reader: Iterator[list[str]]) -> Iterator[ParseItem]:
        for count, row in paced(reader, self.ctx):
            if not any(cell.strip() for cell in row):
                continue
            line = count + 1
            record = self.row(row, line)
            if record is not None:
                yield ParsedRecord(record)
        for text in self.warnings:
            yield ParseWarning(text)
        for reason, n in sorted(self.skips.items()):
            yield ParseSkip(reason, n)

    def row(self, row: list[str], line: int) -> BloodPressure | Weight | None:
        def cell(field: str) -> str:
            return _cell(row, self.fields, field)

        zone_name = cell("zone") or self.ctx.home_zone
        try:
            zone(zone_name)
        except ValueError:
            self.skip("invalid-zone", line, "unknown time zone")
            return None
        try:
            at = _local_time(cell("date"), zone_name)
        except ValueError:
            self.skip("invalid-date", line, "Measurement Date is not yyyy/MM/dd HH:mm")
            return None
        model = cell("device")
        source = Source(app=APP, device=Device(MAKER, model, None) if model else None)
        extra = {name: unicodedata.normalize("NFKC", row[i]).strip()
                 for i, name in self.others if i < len(row) and row[i].strip()}
        if cell("zone"):
            extra["Timezone"] = zone_name
        wrapped: dict[str, object] = {"omron": extra} if extra else {}
        if self.variant == "bp":
            return self._bp(cell, line, at, source, wrapped)
        return self._weight(cell, line, at, source, wrapped)

    def _bp(self, get: Callable[[str], str], line: int, at: dt.datetime, source: Source,
            extra: dict[str, object]) -> BloodPressure | None:
        try:
            systolic, diastolic = _integer(get("sys")), _integer(get("dia"))
            pulse_text = get("pulse")
            pulse = _integer(pulse_text) if pulse_text else None
        except ValueError:
            self.skip("invalid-value", line, "SYS, DIA or pulse is missing or not an integer")
            return None
        if not (0 < diastolic < systolic < 400) or (pulse is not None and not 0 < pulse < 400):
            self.skip("invalid-value", line, "blood pressure out of range")
            return None
        flag = normalise_header(get("irregular"))
        if flag in _TRUE:
            irregular = True
        elif flag in _FALSE:
            irregular = False
        else:
            irregular = False
            if len(self.warnings) < MAX_WARNINGS:
                self.warnings.append(f"line {line}: irregular-heartbeat value not "
                                     "understood; stored as not detected")
        return BloodPressure(profile_id="", provenance=Provenance.DEVICE, source=source,
                             measured_at=at, systolic=systolic, diastolic=diastolic,
                             pulse=pulse, irregular_heartbeat=irregular, extra=dict(extra))

    def _weight(self, get: Callable[[str], str], line: int, at: dt.datetime, source: Source,
                extra: dict[str, object]) -> Weight | None:
        try:
            kg = _decimal(get("weight"))
            fat_text = get("body_fat")
            fat = _decimal(fat_text) if fat_text else None
        except ValueError:
            self.skip("invalid-value", line, "Weight or Body Fat is missing or not a number")
            return None
        if not 0 < kg < 1000 or (fat is not None and not 0 <= fat <= 100):
            self.skip("invalid-value", line, "weight or body fat out of range")
            return None
        return Weight(profile_id="", provenance=Provenance.DEVICE, source=source,
                      measured_at=at, kg=kg, body_fat_percent=fat,
                      original_unit=WeightUnit.KG, extra=dict(extra))


__all__ = ["SLUG", "OmronCsvImporter", "classify_header", "normalise_header", "sniff_omron"]
