"""Architecture rules: Qt only in phrapp/ui, never the stdlib sqlite3, safe XML only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "phrapp"
QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_package_found() -> None:
    assert len(_modules()) > 20


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_outside_ui(path: Path) -> None:
    rel = path.relative_to(PACKAGE)
    if rel.parts[0] == "ui":
        return
    offending = [n for n in _imports(path) if n.split(".")[0] in QT_MODULES]
    assert not offending, f"{rel} imports Qt: {offending}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_never_stdlib_sqlite3(path: Path) -> None:
    # sqlite3 silently accepts PRAGMA key and writes a plaintext database.
    assert "sqlite3" not in _imports(path)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_unsafe_xml(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "resolve_entities=True" not in text
    unsafe = {"xml.dom.minidom", "xml.sax", "xml.etree.ElementTree", "xml.etree.cElementTree"}
    assert not unsafe & set(_imports(path)), f"use defusedxml or hardened lxml in {path.name}"


def test_only_ui_shim_imports_pyside() -> None:
    """Inside ui/, PySide6 is imported through one shim module (ui/qt.py)."""
    ui = PACKAGE / "ui"
    if not ui.exists():
        pytest.skip("no ui package yet")
    direct = [p.relative_to(PACKAGE) for p in ui.rglob("*.py")
              if any(n.split(".")[0] == "PySide6" for n in _imports(p))
              and p.name != "qt.py"]
    assert not direct, f"import PySide6 through phrapp.ui.qt: {direct}"


def test_headless_cli_does_not_import_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, phrapp.cli, phrapp.services.import_service, phrapp.services.demo;"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','pyqtgraph')];"
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
