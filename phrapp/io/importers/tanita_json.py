"""Tanita Health Planet saved API responses (``specs/devices.md`` §4): ``tanita-json``.

Input: one JSON response of ``/status/innerscan.json``, ``/status/sphygmomanometer.json``
or ``/status/pedometer.json`` as saved by the user:
``{"birth_date": "yyyyMMdd", "height": "…"|number, "sex": "…",
"data": [{"date": "yyyyMMddHHmm", "keydata": "76.70", "model": "01000144", "tag": "6021"}]}``.

Mapping (entries are grouped by ``(date, model)``):

===================  ===========================================================
6021 (+6022)         :class:`Weight` kg, ``body_fat_percent`` from 6022
6023–6029            kept in the weight's ``extra["tanita"]`` (tag → keydata)
622E / 622F / 6230   one :class:`BloodPressure` (SYS / DIA / pulse); a group
                     without SYS or DIA is skipped (``incomplete-bp``)
6331 (+6335/6336)    :class:`Steps` of the entry's local date; 6335/6336 in ``extra``
anything else        skipped (``unsupported-tag``) with one warning per tag
===================  ===========================================================

Times carry no zone: local time in the profile's home zone (``ctx.home_zone``), pinned
to the offset in force then. Source: ``tanita-health-planet``, device TANITA + the
entry's ``model``. The person fields (birth date, sex, height) are not used: Health
Planet data is not identity-bearing for phrapp. Caps: :attr:`TanitaJsonImporter.max_bytes`
and JSON nesting ≤ :data:`MAX_DEPTH` (checked before parsing).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from phrapp.domain.records import RecordKind
from phrapp.domain.records.common import Device, Provenance, Source
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight, WeightUnit
from phrapp.domain.time import parse_instant
from phrapp.errors import HostileInput, MalformedInput, TooLarge
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

SLUG = "tanita-json"
APP = "tanita-health-planet"
MAKER = "TANITA"
MAX_DEPTH = 100
MAX_ENTRIES = 1_000_000

WEIGHT, BODY_FAT = "6021", "6022"
BODY_EXTRA = frozenset({"6023", "6024", "6025", "6027", "6028", "6029"})
SYS, DIA, PULSE = "622E", "622F", "6230"
STEPS, STEPS_EXTRA = "6331", frozenset({"6335", "6336"})
KNOWN = frozenset({WEIGHT, BODY_FAT, SYS, DIA, PULSE, STEPS} | BODY_EXTRA | STEPS_EXTRA)

_DATE = re.compile(r"\d{12}")
_TAG = re.compile(r"[0-9A-Fa-f]{4}")


def json_depth_ok(text: str, limit: int = MAX_DEPTH) -> bool:
    """True when no array/object nests deeper than ``limit`` (strings are skipped)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return False
        elif char in "]}":
            depth -= 1
    return True


def sniff_tanita(head: bytes) -> float:
    """Confidence from content: a JSON object with the keys the Health Planet API returns."""
    text = decode_head(head)
    if text is None or not text.lstrip().startswith("{"):
        return 0.0
    has = {key: f'"{key}"' in text for key in ("data", "keydata", "tag", "model", "date",
                                                "birth_date", "sex", "height")}
    if has["data"] and has["keydata"] and has["tag"] and has["date"]:
        return 0.95
    if has["data"] and has["birth_date"] and has["sex"] and has["height"]:
        return 0.6  # an empty response
    return 0.0


def _local_time(text: str, home_zone: str) -> dt.datetime:
    if not _DATE.fullmatch(text):
        raise ValueError(text)
    iso = f"{text[0:4]}-{text[4:6]}-{text[6:8]}T{text[8:10]}:{text[10:12]}"
    return parse_instant(iso, home_zone)


def _number(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("not a number")
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError("not a number") from exc
    if not number.is_finite():
        raise ValueError("not a finite number")
    return number


def _integer(value: Any) -> int:
    number = _number(value)
    if number != number.to_integral_value():
        raise ValueError("not an integer")
    return int(number)


class TanitaJsonImporter(Importer):
    """``tanita-json``: saved Health Planet API responses (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS)
    max_bytes: ClassVar[int] = 20 * 1024 * 1024

    def sniff(self, source: ImportSource) -> float:
        return sniff_tanita(source.head)

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        data = self.read_capped(source)
        text, _ = decode_text(data, name=source.name)
        if not json_depth_ok(text):
            raise HostileInput(f"JSON nested deeper than {MAX_DEPTH} levels", path=source.name)
        try:
            document = json.loads(text)
        except RecursionError as exc:  # pragma: no cover - the depth check comes first
            raise HostileInput("JSON nested too deeply", path=source.name) from exc
        except ValueError as exc:
            raise MalformedInput(f"not valid JSON ({exc.__class__.__name__})",
                                 path=source.name) from exc
        if not isinstance(document, dict) or not isinstance(document.get("data"), list):
            raise MalformedInput("not a Health Planet response: no \"data\" list",
                                 path=source.name)
        entries: list[Any] = document["data"]
        if len(entries) > MAX_ENTRIES:
            raise TooLarge(f"more than {MAX_ENTRIES} entries", path=source.name)
        yield from _Mapper(ctx, source.name).run(entries)


class _Mapper:
    def __init__(self, ctx: ParseContext, name: str) -> None:
        self.ctx = ctx
        self.name = name
        self.skips: Counter[str] = Counter()
        self.warnings: list[str] = []

    def skip(self, reason: str, warning: str | None = None) -> None:
        self.skips[reason] += 1
        if warning is not None and len(self.warnings) < 50:
            self.warnings.append(warning)

    def run(self, entries: list[Any]) -> Iterator[ParseItem]:
        # (date, model) -> tag -> keydata, in file order
        groups: dict[tuple[str, str], dict[str, Any]] = {}
        unsupported: Counter[str] = Counter()
        for index, entry in enumerate(entries, start=1):
            if self.ctx.cancelled():
                return
            if index % 1000 == 0:
                self.ctx.progress(index)
            if not isinstance(entry, dict):
                self.skip("invalid-entry", f"entry {index}: not an object")
                continue
            date, tag, model = entry.get("date"), entry.get("tag"), entry.get("model")
            if not isinstance(date, str) or not isinstance(tag, str) \
                    or not _TAG.fullmatch(tag) or "keydata" not in entry \
                    or not (model is None or isinstance(model, str)):
                self.skip("invalid-entry", f"entry {index}: date, tag, keydata or model "
                                           "missing or malformed")
                continue
            tag = tag.upper()
            if tag not in KNOWN:
                unsupported[tag] += 1
                continue
            group = groups.setdefault((date, model or ""), {})
            if tag in group and group[tag] != entry["keydata"]:
                self.skip("conflicting-entry", f"entry {index}: tag {tag} at {date} given "
                                               "twice with different values; first kept")
                continue
            group.setdefault(tag, entry["keydata"])

        steps: dict[dt.date, tuple[int, dict[str, Any], str]] = {}
        for (date, model), tags in groups.items():
            try:
                at = _local_time(date, self.ctx.home_zone)
            except ValueError:
                self.skip("invalid-date", f"entry date {date!r} is not yyyyMMddHHmm")
                continue
            source = Source(app=APP, device=Device(MAKER, model or None, None))
            yield from self._weight(at, tags, source)
            yield from self._bp(at, tags, source)
            if STEPS in tags:
                self._steps(at, model, tags, steps)
            elif tags.keys() & STEPS_EXTRA:
                self.skip("no-steps", f"{date}: pedometer entries without steps (6331)")

        for day, (count, extra, model) in steps.items():
            yield ParsedRecord(Steps(
                profile_id="", provenance=Provenance.DEVICE,
                source=Source(app=APP, device=Device(MAKER, model or None, None)),
                date=day, steps=count, extra={"tanita": extra} if extra else {}))

        for tag, count in sorted(unsupported.items()):
            self.warnings.append(f"tag {tag}: {count} entries not imported (not a BP, "
                                 "weight or steps item)")
            self.skips["unsupported-tag"] += count
        for text in self.warnings:
            yield ParseWarning(text)
        for reason, count in sorted(self.skips.items()):
            yield ParseSkip(reason, count)

    def _weight(self, at: dt.datetime, tags: dict[str, Any],
                source: Source) -> Iterator[ParseItem]:
        if WEIGHT not in tags:
            if tags.keys() & (BODY_EXTRA | {BODY_FAT}):
                self.skip("no-weight", f"{at.isoformat()}: body composition without a "
                                       "weight (6021)")
            return
        try:
            kg = float(_number(tags[WEIGHT]))
            fat = float(_number(tags[BODY_FAT])) if BODY_FAT in tags else None
        except ValueError:
            self.skip("invalid-value", f"{at.isoformat()}: weight or body fat is not a number")
            return
        if not 0 < kg < 1000 or (fat is not None and not 0 <= fat <= 100):
            self.skip("invalid-value", f"{at.isoformat()}: weight or body fat out of range")
            return
        extra = {tag: str(tags[tag]) for tag in sorted(BODY_EXTRA) if tag in tags}
        yield ParsedRecord(Weight(
            profile_id="", provenance=Provenance.DEVICE, source=source, measured_at=at,
            kg=kg, body_fat_percent=fat, original_unit=WeightUnit.KG,
            extra={"tanita": extra} if extra else {}))

    def _bp(self, at: dt.datetime, tags: dict[str, Any], source: Source) -> Iterator[ParseItem]:
        present = tags.keys() & {SYS, DIA, PULSE}
        if not present:
            return
        if SYS not in tags or DIA not in tags:
            self.skip("incomplete-bp", f"{at.isoformat()}: blood pressure without "
                                       "systolic or diastolic value")
            return
        try:
            systolic, diastolic = _integer(tags[SYS]), _integer(tags[DIA])
            pulse = _integer(tags[PULSE]) if PULSE in tags else None
        except ValueError:
            self.skip("invalid-value", f"{at.isoformat()}: blood pressure value is not an "
                                       "integer")
            return
        if not (0 < diastolic < systolic < 400) or (pulse is not None and not 0 < pulse < 400):
            self.skip("invalid-value", f"{at.isoformat()}: blood pressure out of range")
            return
        yield ParsedRecord(BloodPressure(
            profile_id="", provenance=Provenance.DEVICE, source=source, measured_at=at,
            systolic=systolic, diastolic=diastolic, pulse=pulse))

    def _steps(self, at: dt.datetime, model: str, tags: dict[str, Any],
               steps: dict[dt.date, tuple[int, dict[str, Any], str]]) -> None:
        try:
            count = _integer(tags[STEPS])
        except ValueError:
            self.skip("invalid-value", f"{at.date().isoformat()}: steps is not an integer")
            return
        if count < 0:
            self.skip("invalid-value", f"{at.date().isoformat()}: negative steps")
            return
        extra = {tag: str(tags[tag]) for tag in sorted(STEPS_EXTRA) if tag in tags}
        key = at.date()
        if key in steps:
            # One record per (date, source); several entries of one day (other times or
            # models): keep the largest
            # total (a later, fuller reading of the same day), never a sum.
            self.warnings.append(f"{at.date().isoformat()}: several step totals; the "
                                 "largest kept")
            if steps[key][0] >= count:
                return
        steps[key] = (count, extra, model)


__all__ = ["SLUG", "TanitaJsonImporter", "json_depth_ok", "sniff_tanita"]
