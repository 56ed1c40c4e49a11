"""clinic.write_outputs: FHIR + CSV for a valid input, nothing for an invalid one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from phrapp.clinic import ClinicReport, NothingWritten, open_file, write_outputs
from phrapp.io.fhir_validate import validate_bundle

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _open(path: Path) -> ClinicReport:
    return open_file(path, lambda: "unused")


def test_fhir_input_writes_the_validated_bytes_and_csv(tmp_path: Path) -> None:
    source = FIXTURES / "fhir" / "clinic" / "valid-bundle.json"
    written = write_outputs(_open(source), tmp_path / "out")
    names = sorted(p.name for p in written)
    assert "clinic-fhir.json" in names
    assert (tmp_path / "out" / "clinic-fhir.json").read_bytes() == source.read_bytes()
    assert {"bp.csv", "weight.csv", "steps.csv"} <= set(names)
    bp = (tmp_path / "out" / "bp.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(bp) == 13  # header + 12 readings
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no temp files


def test_cda_input_writes_a_valid_fhir_bundle(tmp_path: Path) -> None:
    written = write_outputs(_open(FIXTURES / "cda" / "edge_interpretation.xml"), tmp_path)
    names = {p.name for p in written}
    assert names == {"clinic-fhir.json", "checkups.csv"}
    bundle = json.loads((tmp_path / "clinic-fhir.json").read_text(encoding="utf-8"))
    assert bundle["type"] == "collection"
    assert validate_bundle(bundle) == []
    patient = bundle["entry"][0]["resource"]
    # The examinee has only a kana name in the CDA: no placeholder name is invented.
    assert [n["text"] for n in patient["name"]] == ["ケンシン　タロウ"]
    assert patient["name"][0]["extension"][0]["valueCode"] == "SYL"


def test_jahis_input(tmp_path: Path) -> None:
    written = write_outputs(_open(FIXTURES / "jahis" / "full_utf8_lf.txt"), tmp_path)
    assert {p.name for p in written} == {"clinic-fhir.json", "medications.csv",
                                          "allergies.csv"}
    bundle = json.loads((tmp_path / "clinic-fhir.json").read_text(encoding="utf-8"))
    assert validate_bundle(bundle) == []


def test_invalid_input_writes_nothing(tmp_path: Path) -> None:
    report = _open(FIXTURES / "fhir" / "clinic" / "gender-m.json")
    with pytest.raises(NothingWritten):
        write_outputs(report, tmp_path / "out")
    assert not (tmp_path / "out").exists()
