"""FHIR R4 import: phrapp's own Bundle round-trips; JP Core / HL7 / eCheckup samples map;
invalid FHIR is refused with a path."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fhir_support import profile, records

from phrapp.domain.people import PersonInfo
from phrapp.domain.records import (
    BloodPressure,
    Checkup,
    ItemStatus,
    MedicationRecord,
    Provenance,
    Record,
    Sex,
    kind_of,
)
from phrapp.domain.serialize import to_json
from phrapp.errors import EncodingRefused, HostileInput, MalformedInput
from phrapp.io.exporters.base import ExportData
from phrapp.io.exporters.fhir import FhirExporter
from phrapp.io.fhir_validate import validate_bundle
from phrapp.io.importers.base import (
    ImportSource,
    ParseContext,
    ParsedDocument,
    ParsedRecord,
    ParseSkip,
)
from phrapp.io.importers.fhir import FhirImporter, InvalidFhir

FIXTURES = Path(__file__).parents[3] / "fixtures" / "fhir"
IGNORED = {"id", "created_at", "updated_at", "profile"}


def parse_bytes(tmp_path: Path, data: bytes, name: str = "in.json") -> list[Any]:
    path = tmp_path / name
    path.write_bytes(data)
    source = ImportSource.from_path(path)
    assert FhirImporter().sniff(source) >= 0.5
    return list(FhirImporter().parse(source, ParseContext("Asia/Tokyo")))


def comparable(record: Record) -> dict[str, Any]:
    """CONTRACT "identical records": domain fields, minus ids, batch and timestamps."""
    out = {k: v for k, v in to_json(record, "p").items() if k not in IGNORED}
    out["source"] = {**out["source"], "batch": None}
    if isinstance(out.get("items"), list):
        out["items"] = sorted(out["items"], key=lambda i: i["code"])
    out["kind"] = kind_of(record).value
    return out


def test_own_bundle_round_trips_to_identical_records(tmp_path: Path) -> None:
    p = profile()
    recs = records(p)
    out = io.BytesIO()
    FhirExporter().write_bundle(out, ExportData(profile=p, records=recs),
                                list(FhirExporter.kinds), {})
    items = parse_bytes(tmp_path, out.getvalue())
    persons = [i for i in items if isinstance(i, PersonInfo)]
    assert persons == [PersonInfo(ref=persons[0].ref, name="山田　太郎",
                                  name_kana="ヤマダ タロウ", sex=Sex.MALE,
                                  birth_date=dt.date(1960, 4, 2))]
    parsed = [i for i in items if isinstance(i, ParsedRecord)]
    assert all(i.person == persons[0].ref for i in parsed)
    got = sorted((comparable(i.record) for i in parsed), key=json.dumps)
    want = sorted((comparable(r) for rs in recs.values() for r in rs), key=json.dumps)
    assert got == want
    assert not [i for i in items if isinstance(i, ParseSkip)]


def test_checkup_details_survive_for_cda_regeneration(tmp_path: Path) -> None:
    p = profile()
    recs = records(p)
    out = io.BytesIO()
    FhirExporter().write_bundle(out, ExportData(profile=p, records=recs),
                                list(FhirExporter.kinds), {})
    checkup = next(i.record for i in parse_bytes(tmp_path, out.getvalue())
                   if isinstance(i, ParsedRecord) and isinstance(i.record, Checkup))
    items = {item.code: item for item in checkup.items}
    assert items["9N006000000000001"].detail == {"value_text": "70.0"}
    assert items["9N511000000000049"].detail == {"author": {"name": "健診　医師"}}
    assert items["9N091000000000011"].status is ItemStatus.NOT_PERFORMED
    assert (checkup.metabolic_syndrome, checkup.guidance_level) == (2, 3)


def test_echeckup_sample_becomes_one_checkup_kept_verbatim(tmp_path: Path) -> None:
    data = (FIXTURES / "Bundle-Bundle-eCheckupReport-Sample-01.json").read_bytes()
    items = parse_bytes(tmp_path, data)
    persons = [i for i in items if isinstance(i, PersonInfo)]
    assert len(persons) == 1 and persons[0].sex is not None and persons[0].birth_date
    docs = [i for i in items if isinstance(i, ParsedDocument)]
    checkups = [i.record for i in items
                if isinstance(i, ParsedRecord) and isinstance(i.record, Checkup)]
    assert len(docs) == 1 and len(checkups) == 1
    checkup = checkups[0]
    assert checkup.document_id == docs[0].id
    assert docs[0].content == data  # verbatim, byte for byte
    assert checkup.date == dt.date(2024, 4, 5)
    assert len(checkup.items) == 44
    assert all(len(item.code) == 17 for item in checkup.items)
    measured = [i for i in checkup.items if isinstance(i.value, float)]
    assert measured and all(i.unit for i in measured)


def test_echeckup_is_reexported_verbatim(tmp_path: Path) -> None:
    data = (FIXTURES / "Bundle-Bundle-eCheckupReport-Sample-01.json").read_bytes()
    items = parse_bytes(tmp_path, data)
    doc = next(i for i in items if isinstance(i, ParsedDocument))
    checkup = next(i.record for i in items if isinstance(i, ParsedRecord))
    p = dataclasses.replace(profile(), name="健診 太郎", name_kana="ケンシン　タロウ",
                            birth_date=dt.date(1950, 5, 4))
    checkup = dataclasses.replace(checkup, profile_id=p.id)
    out = io.BytesIO()
    FhirExporter().write_bundle(
        out, ExportData(profile=p, records={kind_of(checkup): [checkup]},
                        document=lambda did: doc.content if did == doc.id else None),
        list(FhirExporter.kinds), {})
    bundle = json.loads(out.getvalue())
    nested = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Bundle"]
    assert nested == [json.loads(data)]
    outer = {**bundle, "entry": [e for e in bundle["entry"]
                                 if e["resource"]["resourceType"] != "Bundle"]}
    assert validate_bundle(outer) == [] and validate_bundle(nested[0]) == []
    parsed = parse_bytes(tmp_path, out.getvalue(), "again.json")
    again = [i for i in parsed if isinstance(i, ParsedRecord)]
    assert len(again) == 1 and len(again[0].record.items) == 44
    # The person of the phrapp Bundle and of the eCheckup inside it is one person.
    persons = [i for i in parsed if isinstance(i, PersonInfo)]
    assert len(persons) == 1 and again[0].person == persons[0].ref


def test_hl7_blood_pressure_example(tmp_path: Path) -> None:
    items = parse_bytes(tmp_path, (FIXTURES / "Observation-blood-pressure.json").read_bytes())
    bp = next(i.record for i in items if isinstance(i, ParsedRecord))
    assert isinstance(bp, BloodPressure)
    assert (bp.systolic, bp.diastolic) == (107, 60)
    assert bp.measured_at.utcoffset() is not None
    assert bp.provenance is Provenance.IMPORT


def test_jp_core_medication_request(tmp_path: Path) -> None:
    items = parse_bytes(tmp_path, (
        FIXTURES / "MedicationRequest-jp-medicationrequest-example-1.json").read_bytes())
    med = next(i.record for i in items if isinstance(i, ParsedRecord))
    assert isinstance(med, MedicationRecord) and med.drugs[0].name


def _patient(**extra: Any) -> dict[str, Any]:
    return {"resourceType": "Patient", "id": "p1", "gender": "male",
            "birthDate": "1960-04-02", **extra}


def _bundle(*resources: dict[str, Any]) -> bytes:
    return json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": f"urn:uuid:00000000-0000-4000-8000-00000000000{n}", "resource": r}
        for n, r in enumerate(resources)]}, ensure_ascii=False).encode()


@pytest.mark.parametrize(("resources", "path_part"), [
    ((_patient(gender="M"),), "gender"),
    ((_patient(), {"resourceType": "Observation", "code": {"text": "x"},
                   "valueString": "a"}), "status"),
    ((_patient(), {"resourceType": "MedicationStatement", "status": "active",
                   "medication": {"concept": {"text": "R5"}},
                   "subject": {"reference": "Patient/p1"}}), "medication"),
    (({"resourceType": "SubscriptionTopic", "url": "http://x", "status": "active"},),
     "entry[0]"),
])
def test_invalid_fhir_refused_with_path(tmp_path: Path, resources: tuple[Any, ...],
                                        path_part: str) -> None:
    with pytest.raises(InvalidFhir) as info:
        parse_bytes(tmp_path, _bundle(*resources))
    assert info.value.code == "invalid-fhir" and info.value.exit_code == 2
    assert info.value.path and path_part in info.value.path


def test_full_width_space_text_is_accepted(tmp_path: Path) -> None:
    items = parse_bytes(tmp_path, _bundle(_patient(name=[{"text": "山田　太郎"}])))
    assert [i.name for i in items if isinstance(i, PersonInfo)] == ["山田　太郎"]


def test_hostile_and_malformed_input(tmp_path: Path) -> None:
    with pytest.raises(HostileInput):
        parse_bytes(tmp_path, b'{"resourceType":' + b"[" * 200 + b"]" * 200 + b"}")
    with pytest.raises(MalformedInput):
        parse_bytes(tmp_path, b'{"resourceType": "Bundle", ')
    with pytest.raises(EncodingRefused):
        parse_bytes(tmp_path, '{"resourceType": "Patient", "id": "é"}'.encode("latin-1"))


def test_bp_without_diastolic_is_skipped(tmp_path: Path) -> None:
    obs = {"resourceType": "Observation", "status": "final", "code": {"coding": [
        {"system": "http://loinc.org", "code": "85354-9"}]},
        "effectiveDateTime": "2024-12-01T06:42:00+09:00", "component": [
        {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
         "valueQuantity": {"value": 130, "system": "http://unitsofmeasure.org",
                           "code": "mm[Hg]", "unit": "mmHg"}}]}
    items = parse_bytes(tmp_path, _bundle(_patient(), obs))
    assert not [i for i in items if isinstance(i, ParsedRecord)]
    assert ParseSkip("incomplete-bp", 1) in items


def test_collection_with_a_nested_echeckup_document_validates(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "Bundle-Bundle-eCheckupReport-Sample-01.json").read_bytes())
    assert validate_bundle({"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "urn:uuid:4bc68294-1895-4159-855b-1bc7e83f52f3", "resource": data}]}) == []


def test_an_edited_echeckup_is_exported_as_observations(tmp_path: Path) -> None:
    data = (FIXTURES / "Bundle-Bundle-eCheckupReport-Sample-01.json").read_bytes()
    items = parse_bytes(tmp_path, data)
    doc = next(i for i in items if isinstance(i, ParsedDocument))
    checkup = next(i.record for i in items if isinstance(i, ParsedRecord))
    assert isinstance(checkup, Checkup)
    p = profile()
    edited = dataclasses.replace(checkup, profile_id=p.id, items=checkup.items[1:])
    out = io.BytesIO()
    FhirExporter().write_bundle(
        out, ExportData(profile=p, records={kind_of(edited): [edited]},
                        document=lambda did: doc.content if did == doc.id else None),
        list(FhirExporter.kinds), {})
    bundle = json.loads(out.getvalue())
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert "Bundle" not in kinds and kinds.count("Observation") == 43
    assert validate_bundle(bundle) == []
