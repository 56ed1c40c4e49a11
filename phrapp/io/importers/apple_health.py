"""Apple Health export (``specs/devices.md`` §5): ``apple-health``.

Input: the ``export.zip`` the Health app writes (only its ``apple_health_export/
export.xml`` member is read, streamed out of the archive without extracting, under the
Apple zip limits of ``security.md`` T4 — see :mod:`phrapp.io.importers.apple_xml`), or a
bare ``export.xml``. The XML is parsed with ``lxml.etree.iterparse`` (entities, DTD
loading and network off, no ``huge_tree``) after its prolog was checked: the internal
DTD subset Apple writes is tolerated, an entity declaration is refused. Each top-level
element is dropped as soon as it is handled, so memory does not grow with the file.

Mapping (every record: ``Source(app="apple-health", device=…)``; provenance ``device``,
or ``manual`` when a ``MetadataEntry HKWasUserEntered=1`` says so; ``extra["apple"]``
keeps ``sourceName`` and the device name/model/hardware):

==============================================  ============================================
``Correlation HKCorrelationTypeIdentifier…``    one :class:`BloodPressure` from its
``BloodPressure`` (+ its Systolic/Diastolic)    component Records. Apple also writes every
                                                component as a top-level Record: those
                                                copies are recognised by (``startDate``,
                                                ``sourceName``) and skipped
                                                (``bp-correlation-copy``). Top-level
                                                components without a correlation are paired
                                                by equal ``startDate`` + ``sourceName``; a
                                                lone one is skipped (``incomplete-bp``).
                                                Pulse (HeartRate) is a separate sample and is
                                                not attached.
``HKQuantityTypeIdentifierBodyMass``            :class:`Weight`; ``kg`` as is, ``lb`` ×
                                                0.45359237 with ``original_unit=lb`` and the
                                                original value/unit in ``extra``; other
                                                units skipped (``unsupported-unit``).
``…BodyFatPercentage``                          a fraction (0.25 = 25 %): attached to the
                                                weight of the same instant; without one it
                                                is skipped (``body-fat-without-weight``).
``…StepCount``                                  interval samples resolved into **one**
                                                :class:`Steps` per local day, Watch preferred
                                                over iPhone where they overlap (algorithm:
                                                :mod:`phrapp.io.importers.apple_steps`).
other Record / Correlation types                skipped, counted once as
                                                ``unsupported-type``
``Workout`` / ``ActivitySummary`` /             not imported in v1; counted (``workout``,
``ClinicalRecord``                              ``activity-summary``, ``clinical-record``)
==============================================  ============================================

Time: ``2024-12-01 06:42:00 +0900`` keeps both the instant and its offset (CONTRACT §5):
``measured_at`` carries that offset, so slots and local days follow the reading's own
clock. A daily step total is versioned by its value (``version`` = the zero-padded
total): re-importing a later export of the same day with a larger total replaces the
earlier record (``specs/devices.md`` §8), an equal one is a duplicate.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from phrapp.domain.records import RecordKind
from phrapp.domain.records.common import Device, Provenance, Source
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight, WeightUnit
from phrapp.errors import HostileInput, MalformedInput
from phrapp.io.importers.apple_steps import StepResolver, rank_of
from phrapp.io.importers.apple_xml import CheckedStream, export_member, looks_like_export
from phrapp.io.importers.base import (
    Importer,
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
    ParseSkip,
    ParseWarning,
)
from phrapp.io.safe_zip import APPLE_HEALTH, SafeZip, ZipLimits, is_zip

SLUG = "apple-health"
APP = "apple-health"
LB_TO_KG = 0.45359237
MAX_WARNINGS = 50
PROGRESS_EVERY = 8192  # elements between progress reports and cancel checks
#: Handled top-level elements are dropped from the tree in batches of this many: one
#: slice deletion instead of a ``getprevious()`` walk per element (memory: a few
#: hundred handled elements at most).
DROP_EVERY = 512
MAX_SHARED_METAS = 4096

BP_CORRELATION = "HKCorrelationTypeIdentifierBloodPressure"
SYSTOLIC = "HKQuantityTypeIdentifierBloodPressureSystolic"
DIASTOLIC = "HKQuantityTypeIdentifierBloodPressureDiastolic"
BODY_MASS = "HKQuantityTypeIdentifierBodyMass"
BODY_FAT = "HKQuantityTypeIdentifierBodyFatPercentage"
STEP_COUNT = "HKQuantityTypeIdentifierStepCount"
USER_ENTERED = "HKWasUserEntered"

#: Top-level elements the loop sees (everything else is removed as a previous sibling).
_TAGS = ("Record", "Correlation", "Workout", "ActivitySummary", "ClinicalRecord",
         "Audiogram", "VisionPrescription", "ExportDate", "Me")
_HANDLED = frozenset({STEP_COUNT, SYSTOLIC, DIASTOLIC, BODY_MASS, BODY_FAT})
_SKIPPED_ELEMENTS = {"Workout": "workout", "ActivitySummary": "activity-summary",
                     "ClinicalRecord": "clinical-record", "Audiogram": "unsupported-type",
                     "VisionPrescription": "unsupported-type"}
_DEVICE_FIELD = re.compile(r"(\w+):(.*?)(?=, \w+:|>\s*$)")
# The instant form Apple writes, ASCII digits only: "2024-12-01 06:42:00 +0900".
_APPLE_INSTANT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}) ([01][0-9]|2[0-3]):([0-5][0-9]):"
                            r"([0-5][0-9]) ([+-][0-9]{4})")


def sniff_apple(source: ImportSource) -> float:
    """Confidence from content: the XML prolog/root, or the archive's member list."""
    try:
        if is_zip(source.head):
            # The central directory only: nothing is decompressed while sniffing.
            with zipfile.ZipFile(source.path) as archive:
                names = archive.namelist()
            if "apple_health_export/export.xml" in names:
                return 0.95
            if any(n.rsplit("/", 1)[-1] == "export.xml" and n.count("/") <= 1 for n in names):
                return 0.9
            return 0.0
        return 0.95 if looks_like_export(source.head) else 0.0
    except Exception:  # a sniffer never raises
        return 0.0


def parse_instant(text: str) -> dt.datetime:
    """``2024-12-01 06:42:00 +0900`` → an aware datetime with that offset (ISO accepted)."""
    if len(text) == 25 and text[19] == " ":
        return dt.datetime.fromisoformat(text[:19] + text[20:])
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError("no offset")
    return value


class _EpochClock:
    """Apple instant text → (UTC epoch seconds, local date), for the step samples.

    Millions of samples share a few thousand (date, offset) pairs: the epoch of each
    pair's local midnight is computed once with :func:`parse_instant`, and a sample's
    epoch is that plus its clock time (exact: the offset is fixed within the text).
    Any text not in Apple's exact form goes through :func:`parse_instant` as before.
    """

    def __init__(self) -> None:
        self._days: dict[tuple[str, str], tuple[int, dt.date]] = {}

    def __call__(self, text: str) -> tuple[int, dt.date]:
        match = _APPLE_INSTANT.fullmatch(text)
        if match is None:
            value = parse_instant(text)
            return int(value.timestamp()), value.date()
        day_text, hour, minute, second, offset = match.groups()
        key = (day_text, offset)
        day = self._days.get(key)
        if day is None:
            midnight = parse_instant(f"{day_text} 00:00:00 {offset}")
            day = self._days[key] = (int(midnight.timestamp()), midnight.date())
        return day[0] + int(hour) * 3600 + int(minute) * 60 + int(second), day[1]


def parse_device(text: str) -> dict[str, str]:
    """The fields of an ``HKDevice`` description (``name:…, manufacturer:…, model:…``)."""
    return {key: value.strip() for key, value in _DEVICE_FIELD.findall(text)
            if key in ("name", "manufacturer", "model", "hardware")}


@dataclass(slots=True)
class _Meta:
    """Who wrote a sample: source name, device description, user-entered flag."""

    source_name: str
    device: str
    manual: bool


@dataclass(slots=True)
class _State:
    skips: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    steps: StepResolver = field(default_factory=StepResolver)
    # Correlated readings: (startDate text, sourceName), their components' start dates.
    correlated: set[tuple[str, str]] = field(default_factory=set)
    # Top-level BP components: (startDate, sourceName) -> {"sys"|"dia": value, "meta": …}
    components: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    weights: list[tuple[dt.datetime, float, str, str, _Meta]] = field(default_factory=list)
    body_fat: dict[float, float] = field(default_factory=dict)  # epoch seconds -> percent
    clock: _EpochClock = field(default_factory=_EpochClock)
    devices: dict[str, dict[str, str]] = field(default_factory=dict)

    def warn(self, text: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(text)


class AppleHealthImporter(Importer):
    """``apple-health``: Apple Health ``export.zip`` / ``export.xml`` (see the module doc)."""

    slug = SLUG
    kinds = (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS)
    #: Exports of 1–5 GB are common; the real caps are the zip limits and streaming.
    max_bytes: ClassVar[int] = 20 * 1024**3

    def __init__(self, limits: ZipLimits = APPLE_HEALTH) -> None:
        self.limits = limits

    def sniff(self, source: ImportSource) -> float:
        return sniff_apple(source)

    def parse(self, source: ImportSource, ctx: ParseContext) -> Iterator[ParseItem]:
        if is_zip(source.head):
            with SafeZip(source.path, name=source.name, limits=self.limits) as archive:
                member = export_member(archive, lambda n: _member_head(archive, n))
                declared = archive.size(member)
                # Progress is in archive bytes: the export member is nearly all of it.
                scale = source.size / declared if declared else 1.0
                stream = CheckedStream(archive.open_stream(member),
                                       name=f"{source.name}:{member}", declared=declared,
                                       total_cap=self.limits.max_total_bytes, scale=scale)
                try:
                    yield from self._parse_stream(stream, source, ctx)
                finally:
                    stream.close()
            return
        with source.open() as handle:
            stream = CheckedStream(handle, name=source.name)
            yield from self._parse_stream(stream, source, ctx)

    def _parse_stream(self, stream: CheckedStream, source: ImportSource,
                      ctx: ParseContext) -> Iterator[ParseItem]:
        stream.check_prolog()
        state = _State()
        reader = _Reader(state, source.name)
        context = etree.iterparse(
            stream, events=("end",), tag=_TAGS, resolve_entities=False, no_network=True,
            load_dtd=False, dtd_validation=False, attribute_defaults=False,
            huge_tree=False, remove_comments=True, remove_pis=True)
        count = 0
        root: etree._Element | None = None  # HealthData, once the first element is seen
        record = reader.record
        try:
            for _event, elem in context:
                parent = elem.getparent()
                if parent is not root:
                    if parent is None or parent.getparent() is not None:
                        continue  # a component Record inside a Correlation: seen with it
                    root = parent  # lxml keeps one proxy per node while it is referenced
                if elem.tag == "Record":  # nearly every element: no generator per element
                    record(elem)
                else:
                    yield from reader.element(elem)
                count += 1
                if count % DROP_EVERY == 0:
                    # The handled elements (and any of other kinds between them) are the
                    # siblings before this one. Only those: iterparse queues the events of
                    # a whole input chunk, so later siblings may already be parsed and
                    # waiting to be handled.
                    del parent[:parent.index(elem)]
                    if count % PROGRESS_EVERY == 0:
                        if ctx.cancelled():
                            return
                        ctx.progress(stream.consumed)
        except etree.XMLSyntaxError as exc:
            message = str(exc).splitlines()[0][:160] if str(exc) else "syntax error"
            lowered = message.lower()
            if "entity" in lowered or "amplification" in lowered or "depth" in lowered \
                    or "huge" in lowered:
                raise HostileInput(f"the XML was refused ({message})",
                                   path=source.name) from None
            raise MalformedInput(f"not well-formed XML ({message})", path=source.name) from None
        if count == 0:
            raise MalformedInput("the Apple Health export holds no records", path=source.name)
        ctx.progress(stream.consumed)
        yield from reader.finish()


def _member_head(archive: SafeZip, member: str) -> bytes:
    with archive.open_stream(member) as stream:
        return stream.read(64 * 1024)


class _Reader:
    """Turns top-level elements into records; BP pairs, weights and steps at the end."""

    def __init__(self, state: _State, name: str) -> None:
        self.s = state
        self.name = name
        self.unsupported = 0  # Records of types not imported (skips added in finish)
        self._metas: dict[tuple[str, str, bool], _Meta] = {}

    # -- per element -----------------------------------------------------------------
    def element(self, elem: etree._Element) -> Iterator[ParseItem]:
        tag = elem.tag
        if tag == "Record":
            self.record(elem)
        elif tag == "Correlation":
            yield from self._correlation(elem)
        elif tag in _SKIPPED_ELEMENTS:
            self.s.skips[_SKIPPED_ELEMENTS[tag]] += 1

    def record(self, elem: etree._Element) -> None:
        kind = elem.get("type")
        if kind not in _HANDLED:
            # Most of an export (heart rate, energy, …): one set look-up, one addition.
            self.unsupported += 1
            return
        attrib = elem.attrib
        try:
            if kind == STEP_COUNT:
                self._step(elem)
            elif kind == SYSTOLIC or kind == DIASTOLIC:
                start = attrib.get("startDate", "")
                meta = self._meta(elem)
                key = (start, meta.source_name)  # the shared name: one copy per source
                slot = self.s.components.setdefault(key, {})
                slot["sys" if kind == SYSTOLIC else "dia"] = _number(attrib.get("value"))
                slot.setdefault("meta", meta)
            elif kind == BODY_MASS:
                self._weight(elem)
            elif kind == BODY_FAT:
                at = parse_instant(attrib.get("startDate", ""))
                fraction = _number(attrib.get("value"))
                unit = attrib.get("unit", "%")
                # HealthKit stores a fraction with unit "%" (0.25 = 25 %).
                percent = fraction * 100 if fraction <= 1 else fraction
                if unit != "%":
                    raise ValueError("unit")
                self.s.body_fat[at.timestamp()] = round(percent, 2)
        except (ValueError, TypeError, OverflowError):
            self.s.skips["invalid-value"] += 1
            self.s.warn(f"a {_short(kind)} record has an invalid value or date; skipped")

    def _step(self, elem: etree._Element) -> None:
        get = elem.get
        start_text = get("startDate", "")
        start, day = self.s.clock(start_text)
        end, _ = self.s.clock(get("endDate", start_text))
        value = _number(get("value"))
        if value < 0:
            raise ValueError("negative")
        source_name = get("sourceName", "")
        self.s.steps.add(day, start, end, int(value + 0.5),
                         rank_of(source_name, get("device", "")), source_name)

    def _meta(self, elem: etree._Element) -> _Meta:
        manual = any(child.get("key") == USER_ENTERED and child.get("value") in ("1", "true")
                     for child in elem.iterchildren("MetadataEntry"))
        key = (elem.get("sourceName", ""), elem.get("device", ""), manual)
        meta = self._metas.get(key)
        if meta is None:
            meta = _Meta(*key)
            if len(self._metas) < MAX_SHARED_METAS:
                # Thousands of BP components and weights share a few writers: one
                # _Meta (and one copy of its long device text) for all of them.
                self._metas[key] = meta
        return meta

    def _source(self, meta: _Meta) -> tuple[Source, dict[str, Any]]:
        fields = self.s.devices.get(meta.device)
        if fields is None:
            fields = self.s.devices[meta.device] = parse_device(meta.device)
        device = None
        if fields.get("manufacturer") or fields.get("model"):
            device = Device(fields.get("manufacturer") or None, fields.get("model") or None,
                            None)
        extra: dict[str, Any] = {"source_name": meta.source_name}
        for key in ("name", "model", "hardware"):
            if fields.get(key):
                extra[f"device_{key}"] = fields[key]
        return Source(app=APP, device=device), extra

    def _weight(self, elem: etree._Element) -> None:
        at = parse_instant(elem.get("startDate", ""))
        raw = elem.get("value", "")
        value = _number(raw)
        unit = elem.get("unit", "")
        if unit not in ("kg", "lb"):
            self.s.skips["unsupported-unit"] += 1
            self.s.warn(f"a body-mass record in {unit!r} was skipped (kg or lb expected)")
            return
        kg = round(value * LB_TO_KG, 3) if unit == "lb" else value
        self.s.weights.append((at, kg, unit, raw, self._meta(elem)))

    def _correlation(self, elem: etree._Element) -> Iterator[ParseItem]:
        if elem.get("type") != BP_CORRELATION:
            self.s.skips["unsupported-type"] += 1
            return
        start_text = elem.get("startDate", "")
        meta = self._meta(elem)
        values: dict[str, float] = {}
        try:
            for child in elem.iterchildren("Record"):
                kind = child.get("type")
                if kind in (SYSTOLIC, DIASTOLIC):
                    values["sys" if kind == SYSTOLIC else "dia"] = _number(child.get("value"))
                    # The top-level copy of this component carries the child's own date.
                    self.s.correlated.add((child.get("startDate", ""),
                                           child.get("sourceName", meta.source_name)))
            self.s.correlated.add((start_text, meta.source_name))
            at = parse_instant(start_text)
        except (ValueError, TypeError, OverflowError):
            self.s.skips["invalid-value"] += 1
            self.s.warn("a blood-pressure correlation has an invalid value or date; skipped")
            return
        if "sys" not in values or "dia" not in values:
            self.s.skips["incomplete-bp"] += 1
            return
        item = self._bp(at, values["sys"], values["dia"], meta)
        if item is not None:
            yield item

    def _bp(self, at: dt.datetime, systolic: float, diastolic: float,
            meta: _Meta) -> ParsedRecord | None:
        if systolic != int(systolic) or diastolic != int(diastolic):
            systolic, diastolic = round(systolic), round(diastolic)
        source, extra = self._source(meta)
        return ParsedRecord(BloodPressure(
            profile_id="", provenance=Provenance.MANUAL if meta.manual else Provenance.DEVICE,
            source=source, measured_at=at, systolic=int(systolic), diastolic=int(diastolic),
            pulse=None, extra={"apple": extra}))

    # -- at the end ------------------------------------------------------------------
    def finish(self) -> Iterator[ParseItem]:
        if self.unsupported:
            self.s.skips["unsupported-type"] += self.unsupported
            self.unsupported = 0
        yield from self._loose_bp()
        yield from self._weights()
        yield from self._daily_steps()
        for text in self.s.warnings:
            yield ParseWarning(text)
        for reason, n in sorted(self.s.skips.items()):
            yield ParseSkip(reason, n)

    def _loose_bp(self) -> Iterator[ParseItem]:
        for key, slot in self.s.components.items():
            if key in self.s.correlated:
                self.s.skips["bp-correlation-copy"] += ("sys" in slot) + ("dia" in slot)
                continue
            if "sys" not in slot or "dia" not in slot:
                self.s.skips["incomplete-bp"] += 1
                continue
            try:
                at = parse_instant(key[0])
            except ValueError:
                self.s.skips["invalid-value"] += 1
                continue
            item = self._bp(at, slot["sys"], slot["dia"], slot["meta"])
            if item is not None:
                yield item

    def _weights(self) -> Iterator[ParseItem]:
        used: set[float] = set()
        for at, kg, unit, raw, meta in self.s.weights:
            source, extra = self._source(meta)
            if unit == "lb":
                extra.update(original_value=raw, original_unit="lb")
            stamp = at.timestamp()
            fat = self.s.body_fat.get(stamp)
            if fat is not None:
                used.add(stamp)
            yield ParsedRecord(Weight(
                profile_id="",
                provenance=Provenance.MANUAL if meta.manual else Provenance.DEVICE,
                source=source, measured_at=at, kg=kg, body_fat_percent=fat,
                original_unit=WeightUnit.LB if unit == "lb" else WeightUnit.KG,
                extra={"apple": extra}))
        orphans = len(self.s.body_fat.keys() - used)
        if orphans:
            self.s.skips["body-fat-without-weight"] += orphans

    def _daily_steps(self) -> Iterator[ParseItem]:
        for day in self.s.steps.days():
            yield ParsedRecord(Steps(
                profile_id="", provenance=Provenance.DEVICE, source=Source(app=APP),
                date=day.date, steps=day.steps,
                extra={"apple": {"by_source": day.by_source, "by_device_class": day.by_rank}}),
                version=f"{day.steps:010d}")


def _number(text: str | None) -> float:
    if text is None:
        raise ValueError("missing")
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("not finite")
    return value


def _short(kind: str | None) -> str:
    return (kind or "?").removeprefix("HKQuantityTypeIdentifier")


__all__ = ["SLUG", "AppleHealthImporter", "parse_device", "parse_instant", "sniff_apple"]
