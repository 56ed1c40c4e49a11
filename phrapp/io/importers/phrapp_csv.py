"""phrapp's own CSV export read back (``phrapp-csv``): bp, weight, steps and labs.

Why a reader of its own: the 健康情報等交換規約 layout (``kokan-csv``) cannot carry
everything a record holds, so a 交換規約-only round trip is not "identical records"
(CONTRACT §5) for: a reading's own UTC offset (the 規約 time is a wall clock in the home
zone), records without a device (hand entry, apps: the 規約 requires device columns),
BP ``context`` / ``irregular_heartbeat`` / ``note``, weight ``body_fat_percent`` /
``original_unit``, every lab except HbA1c, a lab's name and facility. The exporter
(:mod:`phrapp.io.exporters.csv_export`) writes these in extra columns after the 規約
ones; this reader uses them. ``hba1c.csv`` is left to ``kokan-csv`` (its rows also
appear in ``labs.csv``).

A leading ``'`` that the exporter's CSV-injection guard added is stripped (T12).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from phrapp.domain.records import (
    BloodPressure,
    BpContext,
    Device,
    LabValue,
    Provenance,
    Record,
    RecordKind,
    Source,
    Steps,
    Weight,
    WeightUnit,
)
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
from phrapp.io.importers.kokan_csv import parse_observation, parse_update_time
from phrapp.io.text_decoding import decode_head, decode_text

SLUG = "phrapp-csv"
MAX_WARNINGS = 50
FIELD_LIMIT = 1 << 20
FORMULA_START = frozenset("=+-@\t\r＝＋－＠")
#: Columns only phrapp's export writes, and per kind the columns that identify it.
MARKS = ("id", "profile", "provenance", "source_app", "device_maker")
KINDS: dict[str, tuple[str, ...]] = {
    "bp": ("observation_time", "systolic", "diastolic", "offset"),
    "weight": ("observation_time", "weight", "offset", "original_unit"),
    "steps": ("observation_time", "step", "date", "primary"),
    "labs": ("date", "code", "name", "value", "unit"),
}


def unescape(text: str) -> str:
    """Undo the CSV-injection guard: ``'=x`` -> ``=x`` (only before a formula character)."""
    if len(text) >= 2 and text[0] == "'" and text[1] in FORMULA_START:
        return text[1:]
    return text


def _classify(names: list[str]) -> tuple[str, dict[str, int]] | None:
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        columns.setdefault(name.strip().lstrip("\ufeff"), index)
    if not all(mark in columns for mark in MARKS):
        return None
    found = [kind for kind, marks in KINDS.items() if all(m in columns for m in marks)]
    if len(found) != 1 or "hba1c" in columns:
        return None
    return found[0], columns


class PhrappCsvImporter(Importer):
    """``phrapp-csv``: the bp/weight/steps/labs files of phrapp's CSV export."""

    slug = SLUG
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS)
    max_bytes: ClassVar[int] = 50 * 1024 * 1024

    def sniff(self, source: ImportSource) -> float:
        text = decode_head(source.head)
        if not text:
            return 0.0
        try:
            names = next(csv.reader([text.splitlines()[0]]))
        except (csv.Error, StopIteration, IndexError):
            return 0.0
        # Above kokan-csv (0.95): these files are also valid 交換規約 files.
        return 0.98 if _classify(names) else 0.0

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        data = self.read_capped(source)
        text, _ = decode_text(data, name=source.name)
        if csv.field_size_limit() != FIELD_LIMIT:
            csv.field_size_limit(FIELD_LIMIT)
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
            found = _classify(header) if header else None
            if found is None:
                raise MalformedInput("not a phrapp CSV export (bp, weight, steps or labs)",
                                     path=source.name)
            kind, columns = found
            yield from _run(reader, ctx, kind, columns)
        except csv.Error as exc:
            raise MalformedInput(f"CSV error at line {reader.line_num}: {exc}",
                                 path=source.name) from exc


def _run(reader: Any, ctx: ParseContext, kind: str,
         columns: dict[str, int]) -> Iterator[ParseItem]:
    skips: Counter[str] = Counter()
    warnings: list[str] = []
    for _count, row in paced(reader, ctx):
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, row: list[str] = row) -> str:
            index = columns.get(name)
            if index is None or index >= len(row):
                return ""
            return unescape(row[index].strip())

        try:
            record, version = _row(kind, cell, ctx)
        except (ValueError, KeyError) as exc:
            skips["invalid-value"] += 1
            if len(warnings) < MAX_WARNINGS:
                warnings.append(f"line {reader.line_num}: {exc}")
            continue
        yield ParsedRecord(record, version=version)
    for text in warnings:
        yield ParseWarning(text)
    for reason, n in sorted(skips.items()):
        yield ParseSkip(reason, n)


def _number(text: str) -> float:
    value = float(unicodedata.normalize("NFKC", text))
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not a finite number")
    return value


def _int(text: str) -> int:
    return int(unicodedata.normalize("NFKC", text))


def _bool(text: str) -> bool:
    if text not in ("true", "false"):
        raise ValueError("not true/false")
    return text == "true"


def _opt(text: str) -> str | None:
    return text or None


def _instant(cell: Callable[[str], str], ctx: ParseContext) -> tuple[dt.datetime, bool]:
    """The instant from the home-zone wall clock, shown in the reading's own offset."""
    at, _ = parse_observation(cell("observation_time"), ctx.home_zone)
    offset = cell("offset")
    if offset:
        sign = -1 if offset[0] == "-" else 1
        hours, minutes = offset.lstrip("+-").split(":")
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes))
        at = at.astimezone(dt.timezone(sign * delta))
    time_known = cell("time_known") != "false"
    return at, time_known


def _row(kind: str, cell: Callable[[str], str],
         ctx: ParseContext) -> tuple[Record, str | None]:
    device = None
    if cell("device_maker") or cell("device_model") or cell("device_serial"):
        device = Device(maker=_opt(cell("device_maker")), model=_opt(cell("device_model")),
                        serial=_opt(cell("device_serial")))
    source = Source(app=_opt(cell("source_app")), device=device)
    extra: dict[str, Any] = {}
    version = None
    if cell("update_time"):
        version = parse_update_time(cell("update_time"))
        extra["update_time"] = version
    if cell("origin_of_time_code"):
        extra["origin_of_time_code"] = cell("origin_of_time_code")
    common: dict[str, Any] = {"profile_id": "", "provenance": Provenance(cell("provenance")),
                              "source": source, "extra": extra}
    if kind == "bp":
        at, time_known = _instant(cell, ctx)
        if not time_known:
            extra["time_known"] = False
        context = cell("context")
        return BloodPressure(
            **common, measured_at=at, systolic=_int(cell("systolic")),
            diastolic=_int(cell("diastolic")),
            pulse=_int(cell("pulse")) if cell("pulse") else None,
            context=BpContext(context) if context else None,
            irregular_heartbeat=_bool(cell("irregular_heartbeat") or "false"),
            note=_opt(cell("note"))), version
    if kind == "weight":
        at, time_known = _instant(cell, ctx)
        if not time_known:
            extra["time_known"] = False
        fat = cell("body_fat_percent")
        return Weight(**common, measured_at=at, kg=_number(cell("weight")),
                      body_fat_percent=_number(fat) if fat else None,
                      original_unit=WeightUnit(cell("original_unit") or "kg")), version
    if kind == "steps":
        for name in ("walk_time", "moderate_intensity_activity", "total_active_duration"):
            if cell(name):
                extra[name] = _int(cell(name))
        for name in ("calories", "total_calories"):
            if cell(name):
                extra[name] = _number(cell(name))
        if cell("measurement_position_code"):
            extra["measurement_position_code"] = cell("measurement_position_code")
        return Steps(**common, date=dt.date.fromisoformat(cell("date")),
                     steps=_int(cell("step"))), version
    return LabValue(**common, date=dt.date.fromisoformat(cell("date")), code=cell("code"),
                    name=cell("name"), value=_number(cell("value")), unit=cell("unit"),
                    facility=_opt(cell("facility"))), version


__all__ = ["SLUG", "PhrappCsvImporter", "unescape"]
