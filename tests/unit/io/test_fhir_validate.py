"""FHIR R4 validation: schema (compiled), R4B models, invariants — on real and own fixtures."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from phrapp.io.fhir_validate import (
    FhirIssue,
    load_schema,
    schema_issues,
    validate_bundle,
    validate_resource,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "fhir"
SAMPLES = sorted((FIXTURES / "samples").glob("*.json"))
OWN = FIXTURES / "clinic"


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def paths(issues: list[FhirIssue]) -> list[str]:
    return [i.path for i in issues]


def test_samples_are_present() -> None:
    assert len(SAMPLES) == 15


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_real_sample_is_valid(sample: Path) -> None:
    assert validate_resource(load(sample)) == []


def test_own_valid_bundle_passes() -> None:
    assert validate_bundle(load(OWN / "valid-bundle.json")) == []


def test_gender_m_is_rejected_with_its_path() -> None:
    issues = validate_bundle(load(OWN / "gender-m.json"))
    assert paths(issues) == ["Bundle.entry[0].resource.gender"]
    assert "male|female|other|unknown" in issues[0].message
    single = validate_resource({"resourceType": "Patient", "gender": "M"})
    assert paths(single) == ["Patient.gender"]


def test_vs2_vital_sign_without_value() -> None:
    issues = validate_bundle(load(OWN / "vs2-violation.json"))
    assert [(i.path, i.message[:4]) for i in issues] == [
        ("Bundle.entry[13].resource.value[x]", "vs-2")]


def test_vs2_satisfied_by_data_absent_reason_and_obs6() -> None:
    bundle = load(OWN / "vs2-violation.json")
    obs = bundle["entry"][13]["resource"]
    obs["dataAbsentReason"] = {"text": "not measured"}
    assert validate_bundle(bundle) == []
    obs["valueQuantity"] = {"value": 60, "unit": "kg", "system": "http://unitsofmeasure.org",
                            "code": "kg"}
    assert [i.message[:5] for i in validate_bundle(bundle)] == ["obs-6"]


def test_vs3_component_needs_a_value() -> None:
    bundle = load(OWN / "valid-bundle.json")
    del bundle["entry"][1]["resource"]["component"][1]["valueQuantity"]
    issues = validate_bundle(bundle)
    assert paths(issues) == ["Bundle.entry[1].resource.component[1].value[x]"]
    assert issues[0].message.startswith("vs-3")


def test_ele1_empty_elements() -> None:
    issues = validate_bundle(load(OWN / "ele1-empty.json"))
    ele1 = {i.path for i in issues if i.message.startswith("ele-1")}
    assert ele1 == {"Bundle.entry[1].resource.code.coding[0].extension[0]",
                    "Bundle.entry[1].resource.note[0]"}
    # an empty array and a blank string are empty elements too
    patient = {"resourceType": "Patient", "identifier": [], "name": [{"text": "  "}]}
    messages = {(i.path, i.message[:5]) for i in validate_resource(patient)}
    assert ("Patient.identifier", "ele-1") in messages
    assert ("Patient.name[0].text", "ele-1") in messages


def test_bdl7_duplicate_full_url() -> None:
    issues = validate_bundle(load(OWN / "duplicate-fullurl.json"))
    assert paths(issues) == ["Bundle.entry[3].fullUrl"]
    assert issues[0].message.startswith("bdl-7")


def test_unresolved_local_reference() -> None:
    issues = validate_bundle(load(OWN / "unresolved-reference.json"))
    assert paths(issues) == ["Bundle.entry[2].resource.subject.reference"]


def test_relative_reference_outside_the_bundle_is_allowed() -> None:
    bundle = load(OWN / "valid-bundle.json")
    bundle["entry"][2]["resource"]["performer"] = [{"reference": "Practitioner/abc"}]
    assert validate_bundle(bundle) == []


def test_contained_reference_must_resolve() -> None:
    ms = load(FIXTURES / "samples" / "MedicationStatement-example001.json")
    assert validate_resource(ms) == []
    ms["medicationReference"]["reference"] = "#nope"
    assert paths(validate_resource(ms)) == ["MedicationStatement.medicationReference.reference"]


def test_required_codes_and_bundle_type() -> None:
    bundle = load(OWN / "valid-bundle.json")
    bundle["type"] = "list"
    bundle["entry"][1]["resource"]["status"] = "done"
    found = paths(validate_bundle(bundle))
    assert "Bundle.type" in found
    assert "Bundle.entry[1].resource.status" in found


def test_model_layer_catches_what_the_schema_misses() -> None:
    # Both choice types set (value[x] twice) and an impossible calendar date.
    obs = load(FIXTURES / "samples" / "Observation-heart-rate.json")
    obs["valueString"] = "x"
    issues = validate_resource(obs)
    assert [i.path for i in issues] == ["Observation"]
    assert issues[0].message.endswith("(R4 model)")
    obs = load(FIXTURES / "samples" / "Observation-heart-rate.json")
    obs["effectiveDateTime"] = "1999-02-30"
    assert paths(validate_resource(obs)) == ["Observation.effectiveDateTime"]


def test_missing_status_is_caught_by_the_model_layer() -> None:
    # The schema does not list Observation.status as required; the R4 model does.
    issues = validate_resource({"resourceType": "Observation", "code": {"text": "x"}})
    assert paths(issues) == ["Observation.status"]


def test_unknown_elements_and_r4b_only_types() -> None:
    assert paths(validate_resource({"resourceType": "Patient", "foo": 1})) == ["Patient.foo"]
    # R5-shaped MedicationStatement (medication as CodeableReference) is not R4
    r5 = {"resourceType": "MedicationStatement", "status": "recorded",
          "medication": {"concept": {"text": "x"}}, "subject": {"reference": "Patient/1"}}
    found = paths(validate_resource(r5))
    assert "MedicationStatement.medication" in found
    assert "MedicationStatement.status" in found
    topic = validate_resource({"resourceType": "SubscriptionTopic", "url": "http://x",
                               "status": "draft"})
    assert topic and topic[0].path.endswith("resourceType")
    medplum = validate_resource({"resourceType": "Project", "name": "x"})
    assert medplum and medplum[0].path.endswith("resourceType")


def test_full_width_space_passes() -> None:
    patient = {"resourceType": "Patient", "name": [{"text": "山田　太郎"}]}
    assert validate_resource(patient) == []


def test_document_rules() -> None:
    doc = load(FIXTURES / "samples" / "Bundle-Bundle-eCheckupReport-Sample-01.json")
    assert validate_bundle(doc) == []
    broken = copy.deepcopy(doc)
    broken["entry"].append(broken["entry"].pop(0))  # Composition no longer first
    del broken["timestamp"]
    found = {i.message[:6] for i in validate_bundle(broken)}
    assert {"bdl-10", "bdl-11"} <= found


def test_issue_cap_keeps_the_report_readable() -> None:
    bundle = load(OWN / "valid-bundle.json")
    for entry in bundle["entry"][1:13]:
        entry["resource"]["status"] = "nope"
    issues = validate_bundle(bundle, limit=5)
    assert len(issues) == 6
    assert issues[-1].message.endswith("further issues not listed")


# ---- the compiled schema agrees with jsonschema's Draft6Validator ----------------------


def _jsonschema_errors(resource: dict[str, Any]) -> list[str]:
    import jsonschema  # type: ignore[import-untyped]

    definitions = load_schema()["definitions"]
    validator = jsonschema.Draft6Validator(
        {"$ref": f"#/definitions/{resource['resourceType']}", "definitions": definitions})
    return [".".join(str(p) for p in e.absolute_path) for e in validator.iter_errors(resource)]


NEGATIVE: list[dict[str, Any]] = [
    {"resourceType": "Patient", "gender": "M"},
    {"resourceType": "Patient", "birthDate": "1970-13-01"},
    {"resourceType": "Patient", "active": "yes"},
    {"resourceType": "Patient", "name": [{"given": "not-a-list"}]},
    {"resourceType": "Patient", "bogus": True},
    {"resourceType": "Observation", "status": "final"},  # code missing
    {"resourceType": "Observation", "status": "final", "code": {"text": "x"},
     "valueQuantity": {"value": "12"}},
    {"resourceType": "Observation", "status": "final", "code": {"text": "x"},
     "contained": [{"resourceType": "Patient", "gender": "X"}]},
    {"resourceType": "Observation", "status": "final", "code": {"text": "x"},
     "valueCodeableConcept": {"coding": [{"code": " lead"}]}},
]


@pytest.mark.parametrize("resource", NEGATIVE, ids=lambda r: json.dumps(r)[:60])
def test_compiled_schema_matches_jsonschema_on_bad_input(resource: dict[str, Any]) -> None:
    ours = schema_issues(resource, "")
    theirs = _jsonschema_errors(resource)
    assert ours and theirs


@pytest.mark.parametrize("sample", [*SAMPLES, OWN / "valid-bundle.json"], ids=lambda p: p.name)
def test_compiled_schema_matches_jsonschema_on_samples(sample: Path) -> None:
    doc = load(sample)
    resources = [e["resource"] for e in doc["entry"]] if doc["resourceType"] == "Bundle" \
        else [doc]
    for resource in resources[:20]:
        assert schema_issues(resource, "") == []
        assert _jsonschema_errors(resource) == []


# ---- the model runs once per shape inside a Bundle; values are still checked each time --


def test_value_errors_found_after_the_shape_was_cached() -> None:
    bundle = load(OWN / "valid-bundle.json")
    bundle["entry"][9]["resource"]["effectiveDateTime"] = "2024-02-30T07:00:00+09:00"
    bundle["entry"][11]["resource"]["component"][0]["valueQuantity"]["value"] = float("nan")
    found = {(i.path, i.message) for i in validate_bundle(bundle)}
    assert ("Bundle.entry[9].resource.effectiveDateTime",
            "not a real calendar date (FHIR dateTime)") in found
    assert ("Bundle.entry[11].resource.component[0].valueQuantity.value",
            "not a finite number (FHIR decimal)") in found


def test_integer_ranges() -> None:
    imm = {"resourceType": "Immunization", "status": "completed",
           "vaccineCode": {"text": "x"}, "patient": {"reference": "Patient/1"},
           "occurrenceDateTime": "2024-01-01",
           "protocolApplied": [{"doseNumberPositiveInt": 0}]}
    found = paths(validate_resource(imm))
    assert "Immunization.protocolApplied[0].doseNumberPositiveInt" in found


def test_new_shape_goes_through_the_model() -> None:
    bundle = load(OWN / "valid-bundle.json")
    obs = bundle["entry"][13]["resource"]
    obs["valueString"] = "also a value"  # value[x] twice: only the model sees it
    found = paths(validate_bundle(bundle))
    assert any(p.startswith("Bundle.entry[13].resource") for p in found)


def test_shell_errors_map_back_to_the_entry() -> None:
    bundle = load(OWN / "valid-bundle.json")
    bundle["entry"][7]["search"] = {"mode": "match"}  # bdl-2, and a new entry shape
    bundle["entry"][8]["fullUrl"] = 5
    found = paths(validate_bundle(bundle))
    assert "Bundle.entry[7].search" in found
    assert "Bundle.entry[8].fullUrl" in found
