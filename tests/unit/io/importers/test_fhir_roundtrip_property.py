"""Property: any records phrapp holds survive FHIR export -> import as identical records
(CONTRACT §5 "Identical records": ids, batch and timestamps aside)."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phrapp.domain.records import (
    Allergy,
    AllergyKind,
    BloodPressure,
    BpContext,
    Device,
    Drug,
    DrugCodeSystem,
    Immunization,
    MedicationOrigin,
    MedicationRecord,
    Profile,
    Provenance,
    Record,
    RecordKind,
    Sex,
    Source,
    Steps,
    Weight,
    WeightUnit,
    kind_of,
)
from phrapp.domain.serialize import to_json
from phrapp.io.exporters.base import ExportData
from phrapp.io.exporters.fhir import FhirExporter
from phrapp.io.importers.base import ImportSource, ParseContext, ParsedRecord
from phrapp.io.importers.fhir import FhirImporter

PROFILE = Profile(name="テスト", sex=Sex.FEMALE, birth_date=dt.date(1950, 2, 28))
# Printable text without the characters FHIR strings cannot hold (controls) and without
# U+3000 in value[x] strings (see the xfail in test_fhir_export.py).
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                             blacklist_characters="\u3000"), min_size=1, max_size=12
               ).map(str.strip).filter(bool)
OFFSETS = st.sampled_from([-300, 0, 330, 540]).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m)))
# hypothesis takes naive bounds; the offset is attached right after.
NAIVE_MIN = dt.datetime(2000, 1, 1)  # noqa: DTZ001
NAIVE_MAX = dt.datetime(2030, 1, 1)  # noqa: DTZ001
INSTANTS = st.builds(lambda d, o: d.replace(tzinfo=o, microsecond=0),
                     st.datetimes(min_value=NAIVE_MIN, max_value=NAIVE_MAX), OFFSETS)
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1))
PROVENANCE = st.sampled_from([Provenance.MANUAL, Provenance.DEVICE, Provenance.DEVICE_EDITED,
                              Provenance.IMPORT])
SOURCES = st.one_of(
    st.just(Source()),
    st.builds(Source, app=st.sampled_from(["omron-connect", "tanita-health-planet"]),
              device=st.one_of(st.none(), st.builds(Device, TEXT, TEXT, st.none() | TEXT))))
COMMON: dict[str, Any] = {"profile_id": st.just(PROFILE.id), "provenance": PROVENANCE,
                          "source": SOURCES}

BPS = st.builds(BloodPressure, measured_at=INSTANTS, systolic=st.integers(60, 260),
                diastolic=st.integers(30, 59), pulse=st.none() | st.integers(30, 200),
                context=st.none() | st.sampled_from(list(BpContext)),
                irregular_heartbeat=st.booleans(), note=st.none() | TEXT, **COMMON)
WEIGHTS = st.builds(Weight, measured_at=INSTANTS,
                    kg=st.decimals("20", "250", places=2).map(float),
                    body_fat_percent=st.none() | st.decimals("3", "60", places=1).map(float),
                    original_unit=st.sampled_from(list(WeightUnit)), **COMMON)
STEPS = st.builds(Steps, date=DATES, steps=st.integers(0, 80_000), **COMMON)
DRUGS = st.builds(Drug, name=TEXT, code=st.none() | st.from_regex(r"[0-9]{9}", fullmatch=True),
                  code_system=st.none() | st.sampled_from(list(DrugCodeSystem)),
                  dose=st.none() | st.sampled_from([0.5, 1.0, 2.0]), unit=st.none() | TEXT,
                  usage=st.none() | TEXT, quantity=st.none() | st.sampled_from([7.0, 28.0]),
                  quantity_unit=st.none() | TEXT, form=st.none() | TEXT,
                  start=st.none() | DATES, end=st.none())
MEDS = st.builds(MedicationRecord, origin=st.sampled_from(list(MedicationOrigin)),
                 dispensed_on=DATES, pharmacy=st.none() | TEXT, doctor=st.none() | TEXT,
                 prescriber_institution=st.none() | TEXT, note=st.none() | TEXT,
                 drugs=st.lists(DRUGS, min_size=1, max_size=3).map(tuple), **COMMON)
IMMS = st.builds(Immunization, date=DATES, vaccine=TEXT, code=st.none() | TEXT,
                 code_system=st.none(), dose_number=st.none() | st.integers(1, 5),
                 lot=st.none() | TEXT, place=st.none() | TEXT, **COMMON)
ALLERGIES = st.builds(Allergy, kind=st.sampled_from(list(AllergyKind)), text=TEXT,
                      recorded_on=st.none() | DATES, **COMMON)


def comparable(record: Record) -> str:
    out = {k: v for k, v in to_json(record, "p").items()
           if k not in ("id", "created_at", "updated_at")}
    out["source"]["batch"] = None
    out["kind"] = kind_of(record).value
    return json.dumps(out, sort_keys=True, ensure_ascii=False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bps=st.lists(BPS, max_size=3), weights=st.lists(WEIGHTS, max_size=2),
       steps=st.lists(STEPS, max_size=2), meds=st.lists(MEDS, max_size=2),
       imms=st.lists(IMMS, max_size=2), allergies=st.lists(ALLERGIES, max_size=2))
def test_export_then_import_gives_identical_records(
        bps: list[Record], weights: list[Record], steps: list[Record], meds: list[Record],
        imms: list[Record], allergies: list[Record]) -> None:
    recs: dict[RecordKind, list[Record]] = {
        RecordKind.BP: bps, RecordKind.WEIGHT: weights, RecordKind.STEPS: steps,
        RecordKind.MEDICATIONS: meds, RecordKind.IMMUNIZATIONS: imms,
        RecordKind.ALLERGIES: allergies}
    out = io.BytesIO()
    FhirExporter().write_bundle(out, ExportData(profile=PROFILE, records=recs),
                                list(FhirExporter.kinds), {})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.json"
        path.write_bytes(out.getvalue())
        items = list(FhirImporter().parse(ImportSource.from_path(path),
                                          ParseContext("Asia/Tokyo")))
    got = sorted(comparable(i.record) for i in items if isinstance(i, ParsedRecord))
    want = sorted(comparable(r) for rs in recs.values() for r in rs)
    assert got == want
