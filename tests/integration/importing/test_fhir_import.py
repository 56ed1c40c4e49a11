"""``phrapp import`` of FHIR Bundles end to end: a move to a new PC (export -> import into a
fresh vault gives identical records), the people rule, idempotence, and refusals that
change nothing."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import Cli
from fhir_support import profile, records

from phrapp.io.exporters.base import ExportData
from phrapp.io.exporters.fhir import FhirExporter
from phrapp.io.importers import base as importer_base
from phrapp.io.importers.fhir import FhirImporter
from phrapp.services import import_service

KINDS = ("bp", "weight", "steps", "labs", "checkups", "medications", "immunizations",
         "allergies")
IGNORED = {"id", "created_at", "updated_at", "profile"}
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "fhir"


@pytest.fixture(autouse=True)
def fhir_registered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Use the FHIR importer even before the default registry lists it."""
    registry = importer_base.default_registry()
    if registry.by_slug("fhir") is None:
        registry.register(FhirImporter())
        monkeypatch.setattr(import_service, "default_registry", lambda: registry)
    yield


def bundle_bytes() -> bytes:
    p = profile()
    out = io.BytesIO()
    FhirExporter().write_bundle(out, ExportData(profile=p, records=records(p)),
                                list(FhirExporter.kinds), {})
    return out.getvalue()


def listing(cli: Cli, kind: str) -> list[dict[str, Any]]:
    result = cli("list", kind, "--json")
    assert result.code == 0, result.err
    rows: list[dict[str, Any]] = json.loads(result.out)
    for row in rows:
        for key in IGNORED:
            row.pop(key, None)
        row["source"]["batch"] = None
    return rows


def test_export_imports_into_a_fresh_vault_as_identical_records(
        cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "phrapp.json"
    path.write_bytes(bundle_bytes())
    assert cli("init", "--profile", "本人", "--json").code == 0
    result = cli("import", str(path), "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)["files"][0]
    assert report["format"] == "fhir"
    assert report["added"] == {"bp": 2, "weight": 2, "steps": 1, "labs": 1, "checkups": 1,
                               "medications": 1, "immunizations": 1, "allergies": 3}
    assert any("took the birth date" in w for w in report["warnings"])
    for kind in KINDS:
        rows = listing(cli, kind)
        assert rows, kind
    bp = listing(cli, "bp")
    assert bp[0]["source"] == {"app": "omron-connect", "device": {
        "maker": "OMRON", "model": "HEM-7600T", "serial": "S1"}, "batch": None}
    assert (bp[0]["pulse"], bp[0]["context"], bp[0]["irregular_heartbeat"]) == (70, "morning",
                                                                                True)
    assert bp[1]["measured_at"] == "2024-12-01T21:05:00-05:00"
    meds = listing(cli, "medications")
    assert [d["name"] for d in meds[0]["drugs"]] == [
        "アムロジピン錠5mg", "ロキソプロフェン錠60mg", "湿布"]

    again = json.loads(cli("import", str(path), "--json").out)["files"][0]
    assert again["added"] == {}
    assert sum(again["duplicates"].values()) == 12


def test_unknown_person_needs_a_choice(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "phrapp.json"
    path.write_bytes(bundle_bytes())
    assert cli("init", "--profile", "本人", "--sex", "female", "--birth", "1990-01-01",
               "--json").code == 0
    result = cli("import", str(path), "--json")
    assert result.code == 2
    assert json.loads(result.out)["error"]["code"] == "unknown-person"
    assert listing(cli, "bp") == []
    created = cli("import", str(path), "--create-profiles", "--json")
    assert created.code == 0, created.err
    assert json.loads(created.out)["files"][0]["profiles_created"] == ["山田　太郎"]


def test_echeckup_document_imports_as_a_checkup(cli: Cli) -> None:
    assert cli("init", "--profile", "本人", "--json").code == 0
    sample = FIXTURES / "Bundle-Bundle-eCheckupReport-Sample-01.json"
    result = cli("import", str(sample), "--json")
    assert result.code == 0, result.err
    checkups = listing(cli, "checkups")
    assert len(checkups) == 1 and len(checkups[0]["items"]) == 44
    assert checkups[0]["date"] == "2024-04-05"


def test_invalid_fhir_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    assert cli("init", "--profile", "本人", "--json").code == 0
    bad = json.loads(bundle_bytes())
    bad["entry"][0]["resource"]["gender"] = "M"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    result = cli("import", str(path), "--json")
    assert result.code == 2
    error = json.loads(result.out)["error"]
    assert error["code"] == "invalid-fhir"
    assert error["path"] == "Bundle.entry[0].resource.gender"
    assert all(listing(cli, kind) == [] for kind in KINDS)
