"""specs/fhir.md §1/§8: only ``fhir.resources.R4B`` models (the root package is R5, whose
MedicationStatement and Encounter differ from R4), and no R4B-only resource types."""

from __future__ import annotations

import ast
from pathlib import Path

from phrapp.io.fhir_stream_check import R4B_ONLY

PACKAGE = Path(__file__).resolve().parents[3] / "phrapp"


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_fhir_models_come_from_r4b_only() -> None:
    bad = [f"{path.relative_to(PACKAGE)}: {name}" for path in PACKAGE.rglob("*.py")
           for name in _imports(path) if name.startswith("fhir.resources")
           and not name.startswith("fhir.resources.R4B")]
    assert bad == []


def test_exporter_names_no_r4b_only_resource_type() -> None:
    source = (PACKAGE / "io" / "exporters" / "fhir.py").read_text(encoding="utf-8")
    assert [name for name in R4B_ONLY if f'"{name}"' in source] == []
