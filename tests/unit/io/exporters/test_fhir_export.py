"""FHIR R4 export: valid R4, deterministic, the Bundle shape of specs/fhir.md §5.1."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from fhir_support import profile, records

from phrapp.domain.records import Checkup, CheckupItem, RecordKind
from phrapp.io import fhir_codes as fc
from phrapp.io.exporters.base import ExportData, ExportRequest
from phrapp.io.exporters.fhir import FhirExporter, resource_uuid
from phrapp.io.fhir_validate import validate_bundle

STAMP = dt.datetime(2026, 11, 23, 1, 2, 3, tzinfo=dt.UTC)


def export(data: ExportData | None = None) -> bytes:
    if data is None:
        p = profile()
        data = ExportData(profile=p, records=records(p), generated_at=STAMP)
    out = io.BytesIO()
    FhirExporter().write_bundle(out, data, list(FhirExporter.kinds), {})
    return out.getvalue()


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_export_is_valid_fhir_r4_for_schema_models_and_invariants() -> None:
    bundle = json.loads(export())
    assert validate_bundle(bundle) == []


def test_bundle_shape_patient_first_urns_resolve() -> None:
    raw = export()
    bundle = json.loads(raw)
    assert bundle["type"] == "collection"
    assert bundle["identifier"]["system"] == "urn:ietf:rfc:3986"
    assert bundle["timestamp"] == "2026-11-23T01:02:03+00:00"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Patient"
    assert "fhirVersion" not in raw.decode()
    assert "/R4B/" not in raw.decode() and "/R5/" not in raw.decode()
    text = raw.decode("utf-8")
    assert "山田　太郎" in text and "アムロジピン錠5mg" in text  # Japanese as UTF-8
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(u.startswith("urn:uuid:") for u in full_urls)
    refs = text.split('"reference":"')[1:]
    for ref in refs:
        assert ref.split('"', 1)[0] in full_urls
    for entry in bundle["entry"]:
        res = entry["resource"]
        assert entry["fullUrl"] == f"urn:uuid:{res['id']}"
        assert {"system": fc.URI_SYSTEM, "value": entry["fullUrl"]} in res["identifier"]


def test_resource_ids_are_the_records_ids() -> None:
    p = profile()
    recs = records(p)
    bundle = json.loads(export(ExportData(profile=p, records=recs, generated_at=STAMP)))
    ids = {e["resource"]["id"] for e in bundle["entry"]}
    for kind in (RecordKind.BP, RecordKind.WEIGHT, RecordKind.STEPS, RecordKind.LABS,
                 RecordKind.IMMUNIZATIONS, RecordKind.ALLERGIES, RecordKind.MEDICATIONS):
        for record in recs[kind]:
            assert record.id in ids
    assert p.id in ids


def test_second_export_is_byte_identical() -> None:
    p = profile()
    recs = records(p)
    one = export(ExportData(profile=p, records=recs, generated_at=STAMP))
    two = export(ExportData(profile=p, records=recs, generated_at=STAMP))
    assert one == two


def test_bp_panel_components_pulse_and_provenance() -> None:
    bundle = json.loads(export())
    obs = resources(bundle, "Observation")
    bp = next(o for o in obs if o["code"]["coding"][0]["code"] == fc.BP_PANEL)
    assert bp["effectiveDateTime"] == "2024-12-01T06:42:00+09:00"
    assert [c["code"]["coding"][0]["code"] for c in bp["component"]] == [
        fc.SYSTOLIC, fc.DIASTOLIC]
    assert bp["component"][0]["valueQuantity"] == {
        "value": 131, "unit": "mmHg", "system": fc.UCUM, "code": "mm[Hg]"}
    assert {c["coding"][0]["system"] for c in bp["category"]} == {
        fc.JP_OBS_CATEGORY, fc.HL7_OBS_CATEGORY}
    assert bp["device"] == {"display": "OMRON HEM-7600T"}
    assert {"url": fc.EXT_DATA_INPUT_CODE, "valueCode": "0"} in bp["extension"]
    pulse_ref = bp["hasMember"][0]["reference"]
    pulse = next(o for o in obs if f"urn:uuid:{o['id']}" == pulse_ref)
    assert pulse["code"]["coding"][0]["code"] == fc.PULSE
    assert pulse["valueQuantity"]["value"] == 70
    assert pulse["valueQuantity"]["code"] == "/min"


def test_weight_steps_lab_codes_and_units() -> None:
    bundle = json.loads(export())
    by_code = {}
    for o in resources(bundle, "Observation"):
        for c in o["code"]["coding"]:
            by_code.setdefault(c["code"], o)
    assert by_code[fc.BODY_WEIGHT]["valueQuantity"]["code"] == "kg"
    assert by_code[fc.BODY_FAT]["valueQuantity"] == {
        "value": 21.5, "unit": "%", "system": fc.UCUM, "code": "%"}
    steps = by_code[fc.STEPS_DAY]
    assert steps["valueQuantity"]["code"] == "/d"
    assert steps["effectivePeriod"] == {"start": "2024-12-01T00:00:00+09:00",
                                        "end": "2024-12-01T23:59:59+09:00"}
    lab = by_code["3D046000001920402"]
    assert lab["code"]["coding"][0]["system"] == fc.ITEM_CODE_SYSTEM
    assert lab["code"]["coding"][1] == {"system": fc.LOINC, "code": "4548-4"}


def test_checkup_items_edge_encodings() -> None:
    bundle = json.loads(export())
    items = {o["code"]["coding"][0]["code"]: o for o in resources(bundle, "Observation")
             if o["code"]["coding"][0]["system"] == fc.ITEM_CODE_SYSTEM}
    assert items["3F015000002327101"]["valueQuantity"]["comparator"] == ">="
    assert items["3F015000002327101"]["interpretation"][0]["coding"][0]["code"] == "H"
    urine = items["1A020000000190111"]["valueCodeableConcept"]
    assert urine["coding"][0] == {"system": "urn:oid:1.2.392.200119.6.2101", "code": "1",
                                  "display": "－"}
    absent = items["9N091000000000011"]
    assert absent["status"] == "cancelled" and absent["dataAbsentReason"]["text"] == "未実施"
    assert items["9N511000000000049"]["valueString"] == "異常なし"
    report = resources(bundle, "DiagnosticReport")[0]
    assert len(report["result"]) == 6
    assert report["effectiveDateTime"] == "2024-06-10"


def test_medication_statement_per_drug_with_codes() -> None:
    bundle = json.loads(export())
    statements = resources(bundle, "MedicationStatement")
    assert len(statements) == 3
    first = statements[0]
    assert first["medicationCodeableConcept"]["text"] == "アムロジピン錠5mg"
    assert first["medicationCodeableConcept"]["coding"][0]["system"] == fc.YJ_URL
    assert first["effectivePeriod"] == {"start": "2024-12-01", "end": "2024-12-28"}
    assert first["status"] == "completed"
    assert first["category"]["coding"][0]["code"] == "community"
    assert first["informationSource"]["reference"] == bundle["entry"][0]["fullUrl"]
    assert statements[1]["medicationCodeableConcept"]["coding"][0]["system"] == fc.HOT9_URL
    assert statements[1]["status"] == "unknown"
    assert statements[2]["medicationCodeableConcept"]["coding"][0]["system"] == \
        fc.RECEIPT_DRUG_SYSTEM


def test_immunization_allergy_condition() -> None:
    bundle = json.loads(export())
    imm = resources(bundle, "Immunization")[0]
    assert imm["status"] == "completed" and imm["primarySource"] is False
    assert imm["vaccineCode"]["coding"][0]["system"] == fc.HOT9_URL
    assert imm["protocolApplied"] == [{"doseNumberPositiveInt": 1}]
    allergies = resources(bundle, "AllergyIntolerance")
    assert [a["type"] for a in allergies] == ["allergy", "intolerance"]
    assert resources(bundle, "Condition")[0]["code"] == {"text": "高血圧症"}


def test_derived_ids_are_stable_and_distinct() -> None:
    assert resource_uuid("x", "pulse") == resource_uuid("x", "pulse")
    assert resource_uuid("x", "pulse") != resource_uuid("x", "body-fat")
    rid = "6f1c9a52-37a4-4e0b-9a55-0e3f6b1d2c41"
    assert resource_uuid(rid) == rid


def test_export_places_one_file(tmp_path: Any) -> None:
    p = profile()
    data = ExportData(profile=p, records=records(p), generated_at=STAMP)
    out = tmp_path / "out.json"
    result = FhirExporter().export(ExportRequest(
        profile=p, out=out, kinds=(RecordKind.BP, RecordKind.MEDICATIONS)), data)
    assert result.files == [out]
    assert result.counts == {"bp": 2, "medications": 1}
    kinds = {e["resource"]["resourceType"] for e in json.loads(out.read_bytes())["entry"]}
    assert kinds == {"Patient", "Observation", "MedicationStatement"}
    assert list(tmp_path.iterdir()) == [out]


def test_full_width_space_in_a_value_string_exports() -> None:
    p = profile()
    item = CheckupItem(code="9N511000000000049", name="医師の判断", value="異常なし　経過観察")
    checkup = Checkup(profile_id=p.id, date=dt.date(2024, 6, 10), items=(item,))
    bundle = json.loads(export(ExportData(profile=p, records={RecordKind.CHECKUPS: [checkup]},
                                          generated_at=STAMP)))
    assert validate_bundle(bundle) == []
