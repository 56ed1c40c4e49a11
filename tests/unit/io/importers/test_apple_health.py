"""``apple-health``: streaming export.xml / export.zip, BP correlations, units, steps
resolution, offsets, hostile XML and zip limits (specs/devices.md §5, security.md T3/T4)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from phrapp.domain.records.common import Provenance
from phrapp.domain.records.vitals import BloodPressure, Steps, Weight, WeightUnit
from phrapp.domain.time import Slot
from phrapp.errors import HostileInput, MalformedInput
from phrapp.io.importers.apple_health import (
    AppleHealthImporter,
    parse_device,
    parse_instant,
)
from phrapp.io.importers.apple_steps import PHONE, WATCH, StepResolver, rank_of
from phrapp.io.importers.apple_xml import prolog_end
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedRecord,
    ParseItem,
    ParseSkip,
)
from phrapp.io.safe_zip import ZipLimits

FIX = Path(__file__).resolve().parents[3] / "fixtures" / "apple"
HOSTILE = FIX / "hostile"
CTX = ParseContext(home_zone="Asia/Tokyo")
JST = dt.timezone(dt.timedelta(hours=9))
EST = dt.timezone(dt.timedelta(hours=-5))


def parse(path: Path, ctx: ParseContext = CTX,
          importer: AppleHealthImporter | None = None) -> list[ParseItem]:
    return list((importer or AppleHealthImporter()).parse(ImportSource.from_path(path), ctx))


def of_type(items: list[ParseItem], kind: type) -> list:  # type: ignore[type-arg]
    return [i.record for i in items if isinstance(i, ParsedRecord) and isinstance(i.record, kind)]


def skips(items: list[ParseItem]) -> dict[str, int]:
    return {i.reason: i.count for i in items if isinstance(i, ParseSkip)}


@pytest.fixture(scope="module")
def fixture_items() -> list[ParseItem]:
    return parse(FIX / "export.xml")


# -- sniffing ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["export.xml", "export.zip"])
def test_sniff_recognises_xml_and_zip(name: str) -> None:
    assert AppleHealthImporter().sniff(ImportSource.from_path(FIX / name)) >= 0.9


def test_sniff_rejects_other_files(tmp_path: Path) -> None:
    other = tmp_path / "other.xml"
    other.write_text('<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>')
    importer = AppleHealthImporter()
    assert importer.sniff(ImportSource.from_path(other)) == 0.0
    assert importer.sniff(ImportSource.from_path(FIX / "negative" / "junk.bin")) == 0.0
    assert importer.sniff(ImportSource.from_path(FIX / "omron_same_bp.csv")) == 0.0


def test_registry_picks_apple_for_the_export_zip() -> None:
    from phrapp.io.importers.base import default_registry

    registry = default_registry()
    if registry.by_slug("apple-health") is None:
        registry.register(AppleHealthImporter())
    for name in ("export.xml", "export.zip", "hostile/traversal.zip", "hostile/zip_bomb.zip"):
        found = registry.detect(ImportSource.from_path(FIX / name))
        assert found is not None and found.slug == "apple-health", name


# -- mapping -----------------------------------------------------------------------------
def test_bp_from_correlations_and_loose_pair_counted_once(fixture_items: list[ParseItem]
                                                          ) -> None:
    bps: list[BloodPressure] = of_type(fixture_items, BloodPressure)
    assert [(b.measured_at, b.systolic, b.diastolic, b.pulse) for b in bps] == [
        (dt.datetime(2024, 12, 1, 6, 42, tzinfo=JST), 128, 82, None),
        (dt.datetime(2024, 12, 1, 21, 10, tzinfo=JST), 135, 88, None),
        (dt.datetime(2024, 12, 3, 20, 15, tzinfo=EST), 142, 91, None),
        (dt.datetime(2024, 12, 4, 7, 5, tzinfo=EST), 125, 80, None),
        (dt.datetime(2024, 12, 5, 6, 30, tzinfo=JST), 118, 76, None),
    ]
    counted = skips(fixture_items)
    assert counted["bp-correlation-copy"] == 8  # 4 correlations × 2 top-level copies
    assert counted["incomplete-bp"] == 1  # the lone systolic of 12-06
    assert counted["unsupported-type"] == 1  # HeartRate: pulse is a separate sample


def test_offsets_kept_and_slots_from_the_reading_clock(fixture_items: list[ParseItem]) -> None:
    bps: list[BloodPressure] = of_type(fixture_items, BloodPressure)
    new_york_evening = bps[2]
    assert new_york_evening.measured_at.utcoffset() == dt.timedelta(hours=-5)
    # 20:15 in New York is 10:15 next morning in Tokyo: the reading's own clock wins.
    assert new_york_evening.slot is Slot.EVENING
    assert [b.slot for b in bps] == [Slot.MORNING, Slot.EVENING, Slot.EVENING, Slot.MORNING,
                                     Slot.MORNING]


def test_provenance_source_and_device(fixture_items: list[ParseItem]) -> None:
    bps: list[BloodPressure] = of_type(fixture_items, BloodPressure)
    first, typed_in = bps[0], bps[3]
    assert first.source.app == "apple-health" and first.provenance is Provenance.DEVICE
    assert first.source.device is not None
    assert (first.source.device.maker, first.source.device.model) == ("OMRON HEALTHCARE",
                                                                      "HEM-7600T")
    assert first.extra["apple"]["source_name"] == "OMRON connect"
    assert typed_in.provenance is Provenance.MANUAL  # HKWasUserEntered = 1


def test_weights_kg_lb_and_body_fat(fixture_items: list[ParseItem]) -> None:
    weights: list[Weight] = of_type(fixture_items, Weight)
    assert [(w.measured_at, w.kg, w.body_fat_percent, w.original_unit) for w in weights] == [
        (dt.datetime(2024, 12, 1, 7, 0, tzinfo=JST), 65.4, 22.1, WeightUnit.KG),
        (dt.datetime(2024, 12, 4, 7, 30, tzinfo=EST), 68.039, None, WeightUnit.LB),
    ]
    assert weights[1].extra["apple"]["original_value"] == "150"
    assert weights[1].extra["apple"]["original_unit"] == "lb"
    assert skips(fixture_items)["body-fat-without-weight"] == 1


def test_steps_one_total_per_local_day_watch_preferred(fixture_items: list[ParseItem]) -> None:
    steps: list[Steps] = of_type(fixture_items, Steps)
    assert [(s.date, s.steps) for s in steps] == [
        (dt.date(2024, 12, 1), 5550),  # Watch 4000 + iPhone 750 (half covered) + 800
        (dt.date(2024, 12, 3), 2500),  # New York day, incl. 23:30 -0500 (JST: 12-04)
        (dt.date(2024, 12, 4), 1200),  # iPhone sample inside the Watch's: not added
        (dt.date(2024, 12, 5), 300),   # across midnight: its start date
    ]
    assert all(s.source.app == "apple-health" for s in steps)
    assert steps[0].extra["apple"]["by_source"] == {"Taro's Apple Watch": 4000,
                                                    "Taro's iPhone": 2300}
    versions = [i.version for i in fixture_items
                if isinstance(i, ParsedRecord) and isinstance(i.record, Steps)]
    assert versions == ["0000005550", "0000002500", "0000001200", "0000000300"]


def test_other_elements_counted_not_imported(fixture_items: list[ParseItem]) -> None:
    counted = skips(fixture_items)
    assert counted["workout"] == 1 and counted["activity-summary"] == 2


def test_zip_gives_the_same_records_as_the_xml(fixture_items: list[ParseItem]) -> None:
    def shape(items: list[ParseItem]) -> list[tuple[str, str]]:
        return [(type(i.record).__name__, repr(getattr(i.record, "measured_at",
                                                       getattr(i.record, "date", None))))
                for i in items if isinstance(i, ParsedRecord)]

    zipped = parse(FIX / "export.zip")
    assert shape(zipped) == shape(fixture_items)
    assert skips(zipped) == skips(fixture_items)


def test_progress_and_cancel(tmp_path: Path) -> None:
    seen: list[int] = []
    items = parse(FIX / "export.zip", ParseContext("Asia/Tokyo", progress=seen.append))
    assert items and seen and seen[-1] > 0
    # Cancel is checked every PROGRESS_EVERY elements: use a file longer than that, with
    # the filler before every reading.
    big = tmp_path / "big.xml"
    text = (FIX / "export.xml").read_text()
    head, tail = text.split("<Me ", 1)
    filler = (' <Record type="HKQuantityTypeIdentifierHeartRate" sourceName="w" unit="count/min" '
              'startDate="2024-12-01 06:42:00 +0900" endDate="2024-12-01 06:42:00 +0900" '
              'value="64"/>\n') * 20000
    big.write_text(head + filler + "<Me " + tail)
    assert of_type(parse(big), BloodPressure)
    stopped = parse(big, ParseContext("Asia/Tokyo", cancelled=lambda: True))
    assert stopped == []


# -- helpers -----------------------------------------------------------------------------
def test_parse_instant_keeps_offset() -> None:
    value = parse_instant("2024-12-01 06:42:00 +0900")
    assert value == dt.datetime(2024, 12, 1, 6, 42, tzinfo=JST)
    assert value.utcoffset() == dt.timedelta(hours=9)
    assert parse_instant("2024-12-03 20:15:00 -0500").utcoffset() == dt.timedelta(hours=-5)
    with pytest.raises(ValueError):
        parse_instant("2024-12-01 06:42:00")


def test_parse_device() -> None:
    text = ("<<HKDevice: 0x283f1a0f0>, name:Apple Watch, manufacturer:Apple Inc., "
            "model:Watch, hardware:Watch6,1, software:10.1>")
    assert parse_device(text) == {"name": "Apple Watch", "manufacturer": "Apple Inc.",
                                  "model": "Watch", "hardware": "Watch6,1"}
    assert rank_of("Taro's iPhone", text) == WATCH
    assert rank_of("Taro's iPhone", "") == PHONE


def test_step_resolver_interval_subtraction() -> None:
    day = dt.date(2024, 12, 1)
    base = int(dt.datetime(2024, 12, 1, 8, 0, tzinfo=JST).timestamp())
    resolver = StepResolver()
    resolver.add(day, base, base + 600, 1000, WATCH, "w")           # 08:00-08:10
    resolver.add(day, base + 1200, base + 1800, 500, WATCH, "w")    # 08:20-08:30
    resolver.add(day, base, base + 2400, 1600, PHONE, "p")          # 08:00-08:40, half covered
    resolver.add(day, base + 300, base + 300, 50, PHONE, "p")       # instant inside Watch
    resolver.add(day, base + 3000, base + 3000, 40, PHONE, "p")     # instant outside
    [total] = resolver.days()
    assert total.steps == 1000 + 500 + 800 + 40
    assert total.by_rank == {"watch": 1500, "iphone": 1690}


# -- hostile and malformed input --------------------------------------------------------
@pytest.mark.parametrize("name", ["billion_laughs.xml", "xxe.xml", "external_dtd.xml"])
def test_entity_and_external_dtd_refused(name: str) -> None:
    with pytest.raises(HostileInput):
        parse(HOSTILE / name)


def test_prolog_checker_accepts_apple_dtd_and_refuses_parameter_entities() -> None:
    apple = (FIX / "export.xml").read_bytes()
    assert apple[prolog_end(apple, final=True):].startswith(b"<HealthData")
    with pytest.raises(HostileInput):
        prolog_end(b'<!DOCTYPE HealthData [ <!ENTITY % p "x"> %p; ]><HealthData/>', final=True)
    with pytest.raises(HostileInput):
        prolog_end(b'<!DOCTYPE HealthData [ <!NOTATION n SYSTEM "x"> ]><HealthData/>',
                   final=True)
    with pytest.raises(MalformedInput):
        prolog_end(b'<?xml version="1.0"?><Other/>' + b" " * 20, final=True)


def test_zip_bomb_refused_fast() -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(HostileInput):
        parse(HOSTILE / "zip_bomb.zip")
    assert time.perf_counter() - start < 1.0


def test_too_many_members_refused() -> None:
    # The fixture has 1,001 members; the Apple limit is 100,000, so the test lowers it.
    with pytest.raises(HostileInput):
        parse(HOSTILE / "too_many_members.zip",
              importer=AppleHealthImporter(ZipLimits(max_members=1000,
                                                     max_member_bytes=20 * 1024**3,
                                                     max_total_bytes=20 * 1024**3)))
    assert of_type(parse(HOSTILE / "too_many_members.zip"), BloodPressure)  # within 100,000


@pytest.mark.parametrize("name", ["traversal.zip", "absolute.zip"])
def test_path_traversal_members_refused(name: str) -> None:
    with pytest.raises(HostileInput):
        parse(HOSTILE / name)


def test_lying_size_header_caught_while_streaming() -> None:
    with pytest.raises((HostileInput, MalformedInput)):
        parse(HOSTILE / "lying_size.zip")


def test_junk_refused(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput):
        parse(FIX / "negative" / "junk_member.zip")
    junk = tmp_path / "export.xml"
    junk.write_bytes((FIX / "negative" / "junk.bin").read_bytes())
    with pytest.raises(MalformedInput):
        parse(junk)


def test_truncated_xml_refused(tmp_path: Path) -> None:
    cut = tmp_path / "export.xml"
    cut.write_bytes((FIX / "export.xml").read_bytes()[:-200])
    with pytest.raises(MalformedInput):
        parse(cut)


def test_zip_without_export_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("apple_health_export/other.txt", b"x")
    with pytest.raises(MalformedInput):
        parse(path)
