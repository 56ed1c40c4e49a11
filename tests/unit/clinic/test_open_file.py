"""clinic.open_file: kind detection, validity and the CONTRACT §4 report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from phrapp.clinic import open_file
from phrapp.errors import MissingSecret
from phrapp.io.share_package import seal

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FHIR = FIXTURES / "fhir"
PASS = "correct horse battery staple 7"
KEYS = {"kind", "valid", "errors", "patient", "counts", "period", "latest", "home_bp",
        "medications", "immunizations", "checkups"}


def no_passphrase() -> str:
    raise AssertionError("the passphrase must only be asked for a share package")


def report(path: Path) -> dict[str, Any]:
    out = open_file(path, no_passphrase).to_json()
    assert set(out) == KEYS
    json.dumps(out)  # JSON-ready
    return out


EXPECTED = {  # file -> (kind, counts)
    "Bundle-Bundle-eCheckupReport-Sample-01.json": (
        "echeckup", {"Composition": 1, "Patient": 1, "Practitioner": 1, "Organization": 2,
                     "Encounter": 1, "Coverage": 2, "Observation": 44}),
    "Bundle-Bundle-CLINS-Observations-Example-01.json": (
        "jp-clins", {"Patient": 1, "Observation": 4}),
    "Bundle-Bundle-CLINS-PCS-Example-01.json": (
        "jp-clins", {"Composition": 1, "Patient": 1, "Practitioner": 1, "Organization": 1,
                     "Encounter": 1, "CarePlan": 1, "Condition": 2}),
    "Bundle-Bundle-CLINS-Referral-Example-01.json": (
        "jp-clins", {"Composition": 1, "Patient": 1, "Encounter": 2, "Practitioner": 2,
                     "Organization": 2, "Condition": 5, "AllergyIntolerance": 3,
                     "Observation": 1, "DocumentReference": 1}),
    "AllergyIntolerance-Example-JP-AllergyIntolerance-eCS-01.json": (
        "jp-clins", {"AllergyIntolerance": 1}),
    "Condition-Example-JP-Condition-eCS-01.json": ("jp-clins", {"Condition": 1}),
    "MedicationRequest-Example-JP-MedReq-PO-TID-2days.json": (
        "jp-clins", {"MedicationRequest": 1}),
    "Observation-Example-JP-Obs-LabResult-eCS-K.json": ("jp-clins", {"Observation": 1}),
    "Patient-Example-JP-Patient-eCS-MAKINO.json": ("jp-clins", {"Patient": 1}),
    "Patient-Example-JP-Patient-standard.json": ("jp-clins", {"Patient": 1}),
    "MedicationStatement-example001.json": ("jp-core", {"MedicationStatement": 1}),
    "Observation-blood-pressure.json": ("jp-core", {"Observation": 1}),
    "Observation-bmi.json": ("jp-core", {"Observation": 1}),
    "Observation-heart-rate.json": ("jp-core", {"Observation": 1}),
    "Observation-vitals-panel.json": ("jp-core", {"Observation": 1}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_copied_real_sample_opens(name: str) -> None:
    out = report(FHIR / "samples" / name)
    kind, counts = EXPECTED[name]
    assert (out["kind"], out["valid"], out["errors"], out["counts"]) == (kind, True, [], counts)


def test_echeckup_summary() -> None:
    out = report(FHIR / "samples" / "Bundle-Bundle-eCheckupReport-Sample-01.json")
    assert out["patient"] == {"name": "健診 太郎", "name_kana": "ケンシン タロウ",
                              "sex": "male", "birth_date": "1950-05-04"}
    assert out["checkups"] == [{"date": "2020-04-04", "flags": 1}]  # one H, eight N
    assert out["period"] == {"from": "2020-04-04", "to": "2020-04-04"}
    assert out["latest"] == {"bp": None, "weight": None, "steps": None}


def test_hl7_blood_pressure_and_medication() -> None:
    bp = report(FHIR / "samples" / "Observation-blood-pressure.json")
    assert bp["latest"]["bp"] == {"measured_at": "2012-09-17T00:00:00+09:00",
                                  "systolic": 107, "diastolic": 60}
    ms = report(FHIR / "samples" / "MedicationStatement-example001.json")
    assert ms["medications"] == [{"name": "Tylenol PM", "code": "50580-506-02",
                                  "status": "active"}]


def test_own_bundle_full_summary() -> None:
    out = report(FHIR / "clinic" / "valid-bundle.json")
    assert out["kind"] == "jp-core" and out["valid"] is True
    assert out["patient"] == {"name": "山田　花子", "name_kana": "ヤマダ ハナコ",
                              "sex": "female", "birth_date": "1960-04-01"}
    assert out["counts"] == {"Patient": 1, "Observation": 16, "MedicationStatement": 1,
                             "Immunization": 1}
    assert out["period"] == {"from": "2024-06-10", "to": "2024-12-06"}
    assert out["latest"] == {
        "bp": {"measured_at": "2024-12-06T21:00:00+09:00", "systolic": 134, "diastolic": 78},
        # the checkup weight (1005 + LOINC, June) never becomes a home weight
        "weight": {"measured_at": "2024-12-05T07:10:00+09:00", "kg": 58.4},
        "steps": {"date": "2024-12-04", "steps": 8123}}
    home = out["home_bp"]
    assert home["morning"] == {"days": 6, "sbp": 141.5, "dbp": 88}
    assert home["evening"] == {"days": 6, "sbp": 131.5, "dbp": 78}
    assert home["hypertension"] is True and home["missing"] == []
    assert home["as_of"] == "2024-12-06" and home["window_days"] == 14
    assert out["medications"] == [{"name": "アムロジピン錠5mg", "code": "2149044F1020",
                                   "status": "active"}]
    assert out["immunizations"][0]["date"] == "2024-10-15"
    assert out["immunizations"][0]["vaccine"] == "インフルエンザHAワクチン"
    assert out["checkups"] == [{"date": "2024-06-10", "flags": 1}]


def test_gender_m_is_invalid_with_its_path() -> None:
    out = report(FHIR / "clinic" / "gender-m.json")
    assert out["valid"] is False
    assert [e["path"] for e in out["errors"]] == ["Bundle.entry[0].resource.gender"]
    assert out["counts"]["Observation"] == 16  # still summarised for the doctor


@pytest.mark.parametrize("name,rule", [("vs2-violation.json", "vs-2"),
                                       ("ele1-empty.json", "ele-1"),
                                       ("duplicate-fullurl.json", "bdl-7")])
def test_invariant_fixtures_are_invalid(name: str, rule: str) -> None:
    out = report(FHIR / "clinic" / name)
    assert out["valid"] is False
    assert any(str(e["message"]).startswith(rule) for e in out["errors"])


def test_phrapp_export_is_recognised(tmp_path: Path) -> None:
    bundle = json.loads((FHIR / "clinic" / "valid-bundle.json").read_text(encoding="utf-8"))
    bundle["meta"] = {"tag": [{"system": "http://phrapp.example/fhir/CodeSystem/phrapp-tag",
                               "code": "export"}]}
    target = tmp_path / "b.json"
    target.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    assert report(target)["kind"] == "phrapp-fhir"


def test_cda_and_jahis(tmp_path: Path) -> None:
    cda = report(FIXTURES / "cda" / "edge_interpretation.xml")
    assert (cda["kind"], cda["valid"], cda["counts"]) == ("tokutei-cda", True, {"checkups": 1})
    assert cda["checkups"] == [{"date": "2024-06-03", "flags": 2}]
    archive = report(FIXTURES / "cda" / "archive_standard.zip")
    assert (archive["kind"], archive["valid"], archive["counts"]) == (
        "tokutei-cda", True, {"checkups": 2})
    jahis = report(FIXTURES / "jahis" / "full_utf8_lf.txt")
    assert (jahis["kind"], jahis["valid"], jahis["counts"]) == (
        "jahis-tc", True, {"allergies": 4, "medications": 6})
    assert jahis["patient"]["name"] == "髙橋 花子"
    assert len(jahis["medications"]) >= 6


@pytest.mark.parametrize("content,needle", [
    (b"hello, world\n", "unsupported file"),
    (b'{"resourceType": "Patient", ', "not valid JSON"),
    (b'{"a": 1}', "no FHIR resourceType"),
    (b"\xff\xfe{\x00}\x00", "unsupported"),
    (b"[" * 200 + b"]" * 200, "deeper than"),
])
def test_unsupported_or_broken_files(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    out = report(path)
    assert out["valid"] is False
    assert needle in str(out["errors"])


def test_unreadable_file(tmp_path: Path) -> None:
    out = report(tmp_path / "missing.json")
    assert out["valid"] is False and out["kind"] is None
    assert "cannot read" in str(out["errors"])


def _share(tmp_path: Path, members: dict[str, bytes]) -> Path:
    from phrapp.storage import kdf

    path = tmp_path / "pkg.phrapp"
    path.write_bytes(seal(members, PASS, params=kdf.TEST_PARAMS))
    return path


def test_share_package_reports_over_its_fhir(tmp_path: Path) -> None:
    bundle = (FHIR / "clinic" / "valid-bundle.json").read_bytes()
    path = _share(tmp_path, {"fhir/bundle.json": bundle, "csv/bp.csv": b"a,b\n"})
    asked: list[bool] = []

    def provider() -> str:
        asked.append(True)
        return PASS

    out = open_file(path, provider).to_json()
    assert asked == [True]
    assert (out["kind"], out["valid"], out["errors"]) == ("share", True, [])
    assert out["counts"]["Observation"] == 16


def test_share_package_wrong_passphrase_and_flipped_byte(tmp_path: Path) -> None:
    bundle = (FHIR / "clinic" / "valid-bundle.json").read_bytes()
    path = _share(tmp_path, {"fhir/bundle.json": bundle})
    wrong = open_file(path, lambda: "wrong wrong wrong wrong").to_json()
    assert (wrong["kind"], wrong["valid"]) == ("share", False)
    assert "integrity" in str(wrong["errors"])
    data = bytearray(path.read_bytes())
    envelope = json.loads(bytes(data))
    ct = envelope["ct"]
    envelope["ct"] = ("A" if ct[10] != "A" else "B").join([ct[:10], ct[11:]])
    path.write_text(json.dumps(envelope), encoding="utf-8")
    flipped = open_file(path, lambda: PASS).to_json()
    assert flipped["valid"] is False and flipped["counts"] == {}


def test_share_package_with_invalid_fhir_inside(tmp_path: Path) -> None:
    bundle = (FHIR / "clinic" / "gender-m.json").read_bytes()
    out = open_file(_share(tmp_path, {"b.json": bundle}), lambda: PASS).to_json()
    assert (out["kind"], out["valid"]) == ("share", False)
    assert [e["path"] for e in out["errors"]] == [
        "Bundle.entry[0].resource.gender"]


def test_share_package_with_jahis_only(tmp_path: Path) -> None:
    jahis = (FIXTURES / "jahis" / "full_utf8_lf.txt").read_bytes()
    out = open_file(_share(tmp_path, {"jahis/okusuri.txt": jahis}), lambda: PASS).to_json()
    assert (out["kind"], out["valid"]) == ("share", True)
    assert out["counts"] == {"allergies": 4, "medications": 6}


def test_missing_secret_propagates(tmp_path: Path) -> None:
    path = _share(tmp_path, {"a.json": b"{}"})

    def provider() -> str:
        raise MissingSecret("set PHRAPP_SHARE_PASSPHRASE")

    with pytest.raises(MissingSecret):
        open_file(path, provider)
